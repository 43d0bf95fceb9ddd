"""What the dialects' ``detect`` look at, counted once per form: how its lines are shaped."""
from __future__ import annotations

import attrs

from ..lexer import Lexed
from ..text import is_number_or_dash, is_quantity


@attrs.frozen
class Shape:
    lines: int               # non-blank
    gaps: int                # with a run of 3+ spaces between tokens
    value_rows: int          # target actual 分值 得分 on one line
    pairs: int               # two bare numbers
    alone: int               # a number, dash or quantity alone on its line
    fund_rows: int
    fund_joined: int         # with 2+ values on their line
    header_names: bool       # the indicator header names 三级指标
    header: bool


_LAST: list = [None, None]           # every dialect's detect asks about the same form


def shape(items: list[Lexed]) -> Shape:
    if _LAST[0] is items:
        return _LAST[1]
    _LAST[0], _LAST[1] = items, _shape(items)
    return _LAST[1]


def _shape(items: list[Lexed]) -> Shape:
    text = [x for x in items if x.kind != "blank"]
    header = next((x for x in text if x.kind == "indicator_header"), None)
    funds = [x for x in text if x.kind == "fund_row"]
    return Shape(
        lines=len(text),
        gaps=sum(1 for x in text if "   " in x.line.text.strip()),
        value_rows=sum(1 for x in text if x.kind == "value_row"),
        pairs=sum(1 for x in text if x.kind == "pair"),
        alone=sum(1 for x in text if is_number_or_dash(x.text) or is_quantity(x.text)),
        fund_rows=len(funds),
        fund_joined=sum(1 for x in funds if len(x.fields["values"]) >= 2),
        header_names=header is not None and "name" in header.fields["slots"],
        header=header is not None,
    )


def share(part: int, whole: int, empty: float = 0.0) -> float:
    return part / whole if whole else empty
