"""Which pdftotext mode made a form's text, from the text itself.

``default``: the seed's mode — rows joined on lines, the 三级指标 column detached in chunks.
``raw``: content-stream order — rows whole with their names inline (the indicator header
names 三级指标 among the other columns).
``layout``: columns kept apart by runs of spaces (``-layout``).
``cells``: one cell per line (a spreadsheet's PDF in default mode): no line holds a value row,
and the numbers stand on lines of their own.
"""
from __future__ import annotations

import regex

from .cells import is_number_or_dash, is_quantity
from .classify import Classified

MODES = ("default", "layout", "raw", "cells")
_GAP = regex.compile(r"\S {3,}\S")


def detect_mode(items: list[Classified], layout_share: float = 0.3, cells_share: float = 0.25) -> str:
    text = [x for x in items if x.kind != "blank"]
    if not text:
        return "default"
    gaps = sum(1 for x in text if _GAP.search(x.line.text))
    if gaps >= layout_share * len(text):
        return "layout"
    if not any(x.kind == "value_row" for x in text):
        alone = sum(1 for x in text if is_number_or_dash(x.text.strip()) or is_quantity(x.text.strip()))
        if alone >= cells_share * len(text):
            return "cells"
    header = next((x for x in items if x.kind == "indicator_header"), None)
    if header is not None and "三级指标" in header.text:
        return "raw"
    return "default"
