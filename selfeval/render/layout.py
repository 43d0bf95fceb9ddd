"""The ``layout`` dialect: pdftotext ``-layout``, every line of the page at its height, every
piece at its place across, columns kept apart by runs of spaces.

A cell's lines are centred in the rows it spans, so a merged 一级/二级 label stands at the
middle of its rows, a one-line cell beside a wrapped one on a line between the wrapped one's
lines, and the two goal texts side by side with their lines interleaved::

                                ≤1,204.50(元/ 1204.50(元/
              河道保洁单位成本                                   5.00  5.00
        经济成本                    公里)         公里)
                路灯维护支出控制数         ≥12.00(次)   12.00(次)     5.00  5.00
         指标

pdftotext counts a CJK character as one column though it is two wide, so a line with CJK text
comes out narrower than the page and a piece that would overlap the one before is pushed right,
one space after it.
"""
from __future__ import annotations

import heapq

import attrs

from ..model import Form
from ..text import width
from .common import flatten
from .sheet import Drawing, Piece, draw


@attrs.frozen
class GridLayout(Drawing):
    """The knobs of a ``-layout`` dump (besides the drawing's)."""

    scale: float = 0.5        # output columns per display column of the page
    pad: int = 0              # half-lines between two rows (a spreadsheet's rows are taller than a line)
    tall_pad: int = 0         # half-lines more above and below a row that wraps


GRID_DRAWN = GridLayout(level1_width=8, level2_width=10, name_width=34, target_width=13, actual_width=13,
                        deviation_width=30, expected_width=54, goal_actual_width=66, unit_width=32,
                        fund_indent="      ", gutter=6)
GRID_SHEET = GridLayout(level1_width=12, level2_width=16, name_width=40, target_width=18, actual_width=18,
                        deviation_width=40, expected_width=78, goal_actual_width=88, unit_width=60, gutter=8,
                        scale=0.7, pad=1, tall_pad=1)


def columns(pieces: list[Piece], scale: float) -> list[int]:
    """The output column of each piece, as pdftotext assigns them: a piece stands at least
    ``scale`` columns per display column right of any piece that starts left of it (so a push
    moves everything right of it), and one space after the text of any piece that ends left of
    it (a CJK character is one column in the output, two on the page)."""
    order = sorted(range(len(pieces)), key=lambda k: pieces[k].x)
    ends: list[tuple[int, int]] = []          # (x where a piece ends, column after its text)
    cols = [0] * len(pieces)
    lead = 0.0                                # the largest col - scale * x so far
    after = 0                                 # the largest column after a piece that ended
    for k in order:
        p = pieces[k]
        while ends and ends[0][0] <= p.x:
            after = max(after, heapq.heappop(ends)[1])
        cols[k] = max(round(scale * p.x + lead), after)
        lead = max(lead, cols[k] - scale * p.x)
        heapq.heappush(ends, (p.x + width(p.text), cols[k] + len(p.text) + 1))
    return cols


def place(pieces: list[Piece], scale: float) -> list[str]:
    """Pieces at their heights and columns: one line per height, a blank line for each further
    line of gap."""
    by_y: dict[int, list[tuple[int, str]]] = {}
    for p, col in zip(pieces, columns(pieces, scale)):
        by_y.setdefault(p.y, []).append((col, p.text))
    lines: list[str] = []
    last = None
    for y in sorted(by_y):
        if last is not None:
            lines += [""] * max(0, (y - last) // 2 - 1)
        line = ""
        for col, text in sorted(by_y[y]):
            line += " " * max(col - len(line), 1 if line else 0) + text
        lines.append(line.rstrip())
        last = y
    return lines


def pages(form: Form, knobs: GridLayout = GridLayout()) -> list[list[str]]:
    return [place(sheet.pieces(knobs.pad, knobs.tall_pad, knobs.snap), knobs.scale) for sheet in draw(form, knobs)]


def render_page(form: Form, knobs: GridLayout = GridLayout()) -> list[str]:
    """The lines of one form; a later page's first line opens with a form feed."""
    return flatten(pages(form, knobs), knobs.formfeed, knobs.page_blank_lines)

