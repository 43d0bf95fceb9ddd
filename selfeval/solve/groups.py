"""Rows into 二级 groups (contiguous runs in the template's order), one placement for every dialect:
a dynamic programme over (group, end row) against the printed labels (``Pin``) and the rows' words
(及时 → 时效指标, …满意度 → 服务对象满意度指标); a boundary that moves for less than ``thin_margin`` is a doubt.
"""
from __future__ import annotations

import attrs

from ..codes import diag
from ..grid import Pin
from ..model import Diagnostic
from ..params import Params
from .cues import EXPECTED, name_groups, value_cue

INF = float("inf")


@attrs.define
class GroupRow:
    target: str
    actual: str
    name: str | None
    lo: float            # position of its first and last line
    hi: float
    lines: list[int]


def _row_costs(rows: list[GroupRow], groups: list[str], p: Params) -> list[list[float]]:
    """cost[g][r]: row r in group g, by the words of its values and name (negative: fits)."""
    g = p.groups
    out = []
    for grp in groups:
        line = []
        for r in rows:
            v = value_cue(r.target, r.actual, grp)
            n = grp in name_groups(r.name) if r.name else False
            c = -g.value_cue * v - g.name_cue * n
            if r.name is not None and grp in EXPECTED and not (v or n):
                c += g.value_cue
            line.append(c)
        out.append(line)
    return out


class _Segments:
    """Cost of rows[s:e] in group j in constant time, from prefix sums of the rows' words and pins."""

    def __init__(self, rows: list[GroupRow], level2: list[str], pins: list[Pin], p: Params):
        t, g = p.template, p.groups
        self.g, self.rows, n = g, rows, len(rows)
        cost = _row_costs(rows, level2, p)
        self.prefix = [[0.0] * (n + 1) for _ in level2]
        self.starts = [[0.0] * (n + 1) for _ in level2]
        self.contains = [[0] * (n + 1) for _ in level2]       # pinned rows before r
        self.after = [[0.0] * (n + 1) for _ in level2]
        self.middle: list[list[float]] = [[] for _ in level2]
        self.foreign = [[0] * (n + 1) for _ in level2]        # 一级 labels of other blocks before r
        index = {grp: j for j, grp in enumerate(level2)}
        for j, grp in enumerate(level2):
            own = [x for x in pins if x.label == grp]
            pinned = [x.row for x in own if x.how == "contains" and x.row is not None]
            foreign = [x.row for x in pins if x.label in t.level1 and x.row is not None and t.level1_of[grp] != x.label]
            for r in range(n):
                self.prefix[j][r + 1] = self.prefix[j][r] + cost[j][r]
                self.contains[j][r + 1] = self.contains[j][r] + pinned.count(r)
                self.foreign[j][r + 1] = self.foreign[j][r] + foreign.count(r)
            for s in range(n + 1):
                self.starts[j][s] = sum(g.starts for x in own if x.how == "starts" and x.row != s)
                self.after[j][s] = sum(g.contains for x in own if x.how == "after" and x.row is not None
                                       and s - 1 <= x.row)
            self.middle[j] = [x.y for x in own if x.how == "middle" and x.y is not None]
        self.index = index

    def cost(self, j: int, s: int, e: int) -> float:
        if e <= s:
            return 0.0
        g = self.g
        c = self.prefix[j][e] - self.prefix[j][s] + self.starts[j][s] + self.after[j][e]
        pinned = self.contains[j]
        c += g.contains * (pinned[-1] - (pinned[e] - pinned[s]))
        c += g.contains / 2 * (self.foreign[j][e] - self.foreign[j][s])
        if self.middle[j]:
            mid = (self.rows[s].lo + self.rows[e - 1].hi) / 2
            c += g.middle * sum(abs(mid - y) for y in self.middle[j])
        return c


def place_groups(rows: list[GroupRow], pins: list[Pin], p: Params) -> tuple[list[str | None], list[Diagnostic]]:
    t = p.template
    n = len(rows)
    level2 = [x for x in t.level2 if any(pin.label == x for pin in pins)]
    if not n:
        return [], []
    if not level2:
        return [None] * n, [diag("no-groups", "no level-2 group label found; the levels are left empty",
                                 [x for r in rows for x in r.lines])]
    seg = _Segments(rows, level2, pins, p).cost
    assign, total = _runs(len(level2), n, seg, p.groups.skip)
    out = [level2[j] for j in assign]
    diags = []
    missing = [level2[j] for j in range(len(level2)) if j not in assign]
    if missing:
        diags.append(diag("group-without-rows", f"labels {', '.join(missing)} are printed but no row fits them",
                          [ln for grp in missing for x in pins if x.label == grp for ln in x.cell.lines]))
    diags += _thin_boundaries(assign, seg, rows, level2, p)
    return out, diags


def _runs(k: int, n: int, seg, skip: float) -> tuple[list[int], float]:
    """best[j][e]: rows[:e] in groups[:j+1] (group j's run ends at e, or is empty)."""
    best = [[INF] * (n + 1) for _ in range(k)]
    back = [[None] * (n + 1) for _ in range(k)]
    for j in range(k):
        for e in range(n + 1):
            if j == 0:
                cands = [(seg(0, 0, e) + (skip if e == 0 else 0.0), 0)]
            else:
                cands = [(best[j - 1][e] + skip, e)]
                cands += [(best[j - 1][s] + seg(j, s, e), s) for s in range(e) if best[j - 1][s] < INF]
            best[j][e], back[j][e] = min(cands, key=lambda c: c[0])
    assign = [0] * n
    e = n
    for j in range(k - 1, -1, -1):
        s = back[j][e] if j else 0
        for r in range(s, e):
            assign[r] = j
        e = s
    return assign, best[k - 1][n]


def _thin_boundaries(assign: list[int], seg, rows: list[GroupRow], level2: list[str], p: Params) -> list[Diagnostic]:
    """Boundaries whose move by one row costs less than the margin."""
    out = []
    n = len(assign)
    starts = [0] + [r for r in range(1, n) if assign[r] != assign[r - 1]] + [n]
    for k in range(1, len(starts) - 1):
        a, b, c = starts[k - 1], starts[k], starts[k + 1]
        ga, gb = assign[a], assign[b]
        here = seg(ga, a, b) + seg(gb, b, c)
        moves = []
        if b - a > 1:
            moves.append(seg(ga, a, b - 1) + seg(gb, b - 1, c))
        if c - b > 1:
            moves.append(seg(ga, a, b + 1) + seg(gb, b + 1, c))
        if moves and min(moves) - here < p.thin_margin:
            out.append(diag("group-boundary-uncertain",
                            f"the boundary between {level2[ga]} and {level2[gb]} after row {b} rests on thin "
                            f"evidence (margin {min(moves) - here:.1f})", rows[b - 1].lines + rows[b].lines))
    return out
