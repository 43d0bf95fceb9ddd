"""``cells``: one cell per line (a spreadsheet's PDF in pdftotext's default mode; a drawn form
printed column by column). Read by the legacy reader until it moves onto the shared solver."""
from __future__ import annotations

from ..lexer import Lexed
from ..params import Params
from .features import shape, share

NAME = "cells"


def detect(items: list[Lexed], p: Params) -> float:
    """Fund rows one number per line (not joined on their item's line), numbers and quantities
    alone on their lines, hardly a whole value row."""
    f = shape(items)
    if share(f.gaps, f.lines) >= p.detect.layout_gap_share:
        return 0.0
    alone = min(1.0, share(f.alone, f.lines) / 0.12)
    few_rows = f.value_rows <= 0.1 * max(1, f.alone)
    return 0.5 * (1 - share(f.fund_joined, f.fund_rows, 0.5)) + 0.3 * alone + 0.2 * (not f.header_names and few_rows)
