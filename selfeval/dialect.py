"""Which pdftotext mode made a form's text, from the text itself.

``default``: the seed's mode — rows joined on lines, the 三级指标 column detached in chunks.
``raw``: content-stream order — rows whole with their names inline (the indicator header
names 三级指标 among the other columns).
``layout``: columns kept apart by runs of spaces (``-layout``).
"""
from __future__ import annotations

import regex

from .classify import Classified

MODES = ("default", "layout", "raw")
_GAP = regex.compile(r"\S {3,}\S")


def detect_mode(items: list[Classified], layout_share: float = 0.3) -> str:
    text = [x for x in items if x.kind != "blank"]
    if not text:
        return "default"
    gaps = sum(1 for x in text if _GAP.search(x.line.text))
    if gaps >= layout_share * len(text):
        return "layout"
    header = next((x for x in items if x.kind == "indicator_header"), None)
    if header is not None and "三级指标" in header.text:
        return "raw"
    return "default"
