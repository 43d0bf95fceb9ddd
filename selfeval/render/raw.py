"""The ``raw`` dialect: pdftotext ``-raw``, the page's text in the order it was drawn.

Consecutive pieces on one baseline share a line; a new baseline starts a new line. So a row
whose cells all fit prints whole, ``[labels] name target actual 分值 得分 [deviation]``; in a row
whose cells wrap, every one-line cell sits on the row's middle and every wrapped one's lines
above and below it, so the row comes as its name, the wrapped cells' pieces, then a line that
opens with 分值 得分::

    成本指标
    经济成本指
    标
    河道保洁单位成本
    ≤1,204.50(元/
    公里)
    1204.50(元/
    公里)
    5.00 5.00

A merged 一级/二级 label is drawn before the first row of its group: on that row's line when the
group is one row and the label one line, on lines of its own before it otherwise. A
spreadsheet's PDF (``tail``) draws every cell that wraps or mixes CJK with digits in a second
pass: those cells come after the page's rows, in row order (the year, 执行率(%), the goal texts,
quantities with CJK units, wrapped names, deviations and labels).
"""
from __future__ import annotations

import attrs

from ..model import Form
from .common import flatten
from .sheet import Drawing, Piece, draw


@attrs.frozen
class RawLayout(Drawing):
    """The knobs of a ``-raw`` dump (besides the drawing's): ``tail`` prints the cells that wrap
    or mix scripts after the page's rows, as a spreadsheet's PDF does."""

    tail: bool = False


RAW_DRAWN = RawLayout(level1_width=8, level2_width=10, name_width=34, target_width=13, actual_width=13,
                      deviation_width=30, expected_width=54, goal_actual_width=66, unit_width=32,
                      fund_indent="      ")
RAW_SHEET = RawLayout(level1_width=12, level2_width=16, name_width=40, target_width=18, actual_width=18,
                      deviation_width=40, expected_width=78, goal_actual_width=88, unit_width=60, tail=True)


def stream(pieces: list[Piece]) -> list[str]:
    """Pieces in drawing order; a piece on the baseline of the one before goes on its line."""
    lines: list[str] = []
    y = None
    for p in pieces:
        if lines and p.y == y:
            lines[-1] += " " + p.text
        else:
            lines.append(p.text)
        y = p.y
    return lines


def pages(form: Form, knobs: RawLayout = RawLayout()) -> list[list[str]]:
    """The lines of each page of one form."""
    out = []
    for sheet in draw(form, knobs):
        pieces = sheet.pieces(snap=knobs.snap)
        if knobs.tail:
            out.append(stream([p for p in pieces if not p.offbase]) + stream([p for p in pieces if p.offbase]))
        else:
            out.append(stream(pieces))
    return out


def render_page(form: Form, knobs: RawLayout = RawLayout()) -> list[str]:
    """The lines of one form; a later page's first line opens with a form feed."""
    return flatten(pages(form, knobs), knobs.formfeed, knobs.page_blank_lines)
