"""Which pdftotext mode made a form's text, from the text itself.

``default``: the seed's mode — rows joined on lines, the 三级指标 column detached in chunks.
``raw``: content-stream order — rows whole with their names inline (the indicator header
names 三级指标 among the other columns).
``layout``: columns kept apart by runs of spaces (``-layout``).
``cells``: one cell per line (a spreadsheet's PDF, or a drawn form printed column by column,
in default mode): the numbers stand on lines of their own, and hardly a line holds a whole
value row (one in ten such numbers at most; a drawn form's row may come out whole by chance).
"""
from __future__ import annotations

import regex

from .cells import is_number_or_dash, is_quantity
from .classify import Classified

MODES = ("default", "layout", "raw", "cells")
_GAP = regex.compile(r"\S {3,}\S")


def detect_mode(items: list[Classified], layout_share: float = 0.3, cells_share: float = 0.12,
                cells_rows: float = 0.1) -> str:
    text = [x for x in items if x.kind != "blank"]
    if not text:
        return "default"
    gaps = sum(1 for x in text if _GAP.search(x.line.text))
    if gaps >= layout_share * len(text):
        return "layout"
    rows = sum(1 for x in text if x.kind == "value_row")
    alone = sum(1 for x in text if is_number_or_dash(x.text.strip()) or is_quantity(x.text.strip()))
    if alone >= cells_share * len(text) and rows <= cells_rows * alone:
        return "cells"
    header = next((x for x in items if x.kind == "indicator_header"), None)
    if header is not None and "三级指标" in header.text:
        return "raw"
    return "default"
