"""The dialects: how one producer and one pdftotext mode print the form, one plug-in each.

Each plug-in module has the same shape (after jc's parsers): a docstring showing the input it
reads and the evidence it gives, ``NAME``, ``detect(items, params) -> float`` (how well the
form's lines read in this dialect, 0–1) and ``read(items, params) -> Reading`` (the form cut
into typed, positioned cells). The solver (``selfeval.solve``) knows no dialect.
"""
from __future__ import annotations

from . import cells, default, layout, raw

PLUGINS = {raw.NAME: raw, layout.NAME: layout, default.NAME: default, cells.NAME: cells}
DETECTORS = dict(PLUGINS)
NAMES = ("default", "layout", "raw", "cells")
