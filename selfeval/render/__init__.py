"""Records back to text, the way pdftotext prints a form in each dialect: the inverse of ``parse``.

    render(forms)                           # the seed's dialect (pdftotext's default mode)
    render(forms, "raw", RawLayout(tail=True))
    render(forms, "layout")                 # pdftotext -layout
    render(forms, "cells", CellsLayout(order="strips"))

One module per dialect, each with its knobs class (every knob one scramble of that dialect seen
in real dumps; the defaults print a plain form) and ``render_page(form, knobs) -> list[str]``:

- ``default``: ``Layout``, the seed's rows joined on lines and its 三级 column detached;
- ``raw``: ``RawLayout``, rows whole in drawing order, a spreadsheet's off-baseline cells after
  the page's rows;
- ``layout``: ``GridLayout``, every piece at its height and place, labels at the middle of their
  rows, goals side by side;
- ``cells``: ``CellsLayout``, one cell per line, row by row or in strips and bands.

``raw``, ``layout`` and ``cells`` print one drawing of the form (``sheet``): the same boxes, wrapped
the same way, read in each dialect's order. ``parse(render(forms, mode, knobs))`` gives the
records back.
"""
from __future__ import annotations

from typing import Iterable

from ..model import Form
from . import cells, default, layout, raw
from .cells import CellsLayout
from .common import join_pages
from .default import DEFAULT_LAYOUT, EXEC_POSITIONS, PLACEMENTS, Layout
from .layout import GridLayout
from .raw import RawLayout

DIALECTS = {"default": (default, Layout), "raw": (raw, RawLayout), "layout": (layout, GridLayout),
            "cells": (cells, CellsLayout)}
MODES = tuple(DIALECTS)


def render(forms: Iterable[Form], mode="default", layout=None) -> str:
    """Records -> a dump in one dialect (``mode``), with that dialect's knobs (``layout``: a
    ``Layout``, ``RawLayout``, ``GridLayout`` or ``CellsLayout``; None for its defaults).

    ``render(forms, knobs)`` reads the dialect off the knobs' class."""
    if not isinstance(mode, str):
        mode, layout = next(m for m, (_, cls) in DIALECTS.items() if isinstance(mode, cls)), mode
    if mode not in DIALECTS:
        raise ValueError(f"unknown dialect {mode!r}: one of {', '.join(MODES)}")
    module, cls = DIALECTS[mode]
    knobs = cls() if layout is None else layout
    if not isinstance(knobs, cls):
        raise TypeError(f"the {mode} dialect takes {cls.__name__} knobs, not {type(knobs).__name__}")
    if mode == "default":
        return default.render(forms, knobs)
    return join_pages([p for f in forms for p in module.pages(f, knobs)], knobs.formfeed, knobs.page_blank_lines)


__all__ = ["CellsLayout", "DEFAULT_LAYOUT", "EXEC_POSITIONS", "GridLayout", "Layout", "MODES", "PLACEMENTS",
           "RawLayout", "render"]
