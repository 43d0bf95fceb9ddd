"""Rows into 二级 groups: one placement for every dialect.

The groups are contiguous runs of rows in the template's order; each printed 二级 label is a
group of the form. Where a label is printed says where its group stands (a ``Pin``: before its
first row, beside one of its rows, at the middle of its rows, after a row, or parked apart);
the rows' own words say which group they read as (及时 → 时效指标, a name ending 满意度 →
服务对象满意度指标). A dynamic programme over (group, row where its run ends) finds the runs
that go against the fewest of these hints, each at its cost (``Params.groups``); quadratic in
the rows. A boundary that moves by one row for less than ``thin_margin`` is a doubt.
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
    """What the placement knows of a row: its values, its name, where it stands."""
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


def _pin_cost(pin: Pin, s: int, e: int, rows: list[GroupRow], p: Params) -> float:
    """What group run rows[s:e] pays for going against where its label is printed."""
    g = p.groups
    if e <= s:
        return 0.0
    if pin.how == "starts":
        return 0.0 if pin.row == s else g.starts
    if pin.how == "contains":
        return 0.0 if s <= pin.row < e else g.contains
    if pin.how == "after":
        return 0.0 if e - 1 > pin.row else g.contains
    if pin.how == "middle":
        mid = (rows[s].lo + rows[e - 1].hi) / 2
        return g.middle * abs(mid - pin.y)
    return 0.0


def place_groups(rows: list[GroupRow], pins: list[Pin], p: Params) -> tuple[list[str | None], list[Diagnostic]]:
    """The 二级 group of each row, and the doubts."""
    t = p.template
    n = len(rows)
    level2 = [x for x in t.level2 if any(pin.label == x for pin in pins)]
    if not n:
        return [], []
    if not level2:
        return [None] * n, [diag("no-groups", "no level-2 group label found; the levels are left empty",
                                 [x for r in rows for x in r.lines])]
    own = {grp: [x for x in pins if x.label == grp] for grp in level2}
    outer = [x for x in pins if x.label in t.level1]
    cost = _row_costs(rows, level2, p)
    prefix = [[0.0] * (n + 1) for _ in level2]
    for j in range(len(level2)):
        for r in range(n):
            prefix[j][r + 1] = prefix[j][r] + cost[j][r]

    def seg(j: int, s: int, e: int) -> float:
        grp = level2[j]
        c = prefix[j][e] - prefix[j][s]
        c += sum(_pin_cost(x, s, e, rows, p) for x in own[grp])
        for x in outer:       # a 一级 label beside a row of another 一级's group
            if x.row is not None and s <= x.row < e and t.level1_of[grp] != x.label:
                c += p.groups.contains / 2
        return c

    assign, total = _runs(len(level2), n, seg, p.groups.skip)
    out = [level2[j] for j in assign]
    diags = []
    missing = [level2[j] for j in range(len(level2)) if j not in assign]
    if missing:
        diags.append(diag("group-without-rows", f"labels {', '.join(missing)} are printed but no row fits them",
                          [ln for grp in missing for x in own[grp] for ln in x.cell.lines]))
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
    """A boundary whose move by one row costs less than the margin."""
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
