"""The dialects: how one producer and one pdftotext mode print the form, one plug-in each.

Each has ``NAME``, ``detect(items, params) -> float`` (how well the form reads in it, 0–1) and
``read(items, params) -> Reading`` (typed, positioned cells). The solver knows no dialect.
"""
from __future__ import annotations

from . import cells, default, layout, raw

PLUGINS = {raw.NAME: raw, layout.NAME: layout, default.NAME: default, cells.NAME: cells}
DETECTORS = dict(PLUGINS)
NAMES = ("default", "layout", "raw", "cells")
