"""三级 names (with their deviations) onto rows, one choice for every dialect: each ``NameOrder`` a
dialect gives is scored by what the rows say of their entries (a lost point wants a deviation, a name's
words fit the row's values and group); a runner-up within ``thin_margin`` is a doubt.
"""
from __future__ import annotations

from ..codes import diag
from ..grid import Entry, NameOrder, Row
from ..model import Diagnostic
from ..params import Params
from .cues import RowCues, lexical_cue, name_groups


def entry_score(e: Entry | None, row: Row, cues: RowCues, level2: str | None, p: Params) -> float:
    if e is None:
        return 0.0
    w = p.names
    s = 0.0
    has_dev = e.deviation is not None
    if row.lost_points:
        s += w.deviation_lost if has_dev else -w.deviation_lost
    elif has_dev:
        s -= w.deviation_full
    if e.name is not None:
        s += lexical_cue(e.name.text, cues, w.cue)
        if level2 is not None and level2 in name_groups(e.name.text):
            s += w.group
    return s


def inversions(entries: list[Entry | None], rank: dict[str, int]) -> int:
    """Name pairs pointing to groups in the other order than the template's (满意度 above 数量)."""
    seen = [0] * (len(rank) + 1)
    total = 0
    for e in entries:
        groups = name_groups(e.name.text) if e is not None and e.name is not None else ()
        ranks = [rank[g] for g in groups if g in rank]
        if ranks:
            r = min(ranks)
            total += sum(seen[r + 1:])
            seen[r] += 1
    return total


def choose_order(orders: list[NameOrder], rows: list[Row], level2: list[str | None], p: Params
                 ) -> tuple[NameOrder, NameOrder | None, float, list[Diagnostic]]:
    """The likeliest way to put the entries on the rows, the runner-up and the margin; a doubt if thin."""
    if len(orders) == 1:
        return orders[0], None, 0.0, []
    cues = [RowCues.of(r.target.text if r.target else None) for r in rows]
    rank = {g: k for k, g in enumerate(p.template.level2)}
    memo: dict[tuple[int, int], float] = {}

    def score(e: Entry | None, k: int) -> float:
        key = (id(e), k)
        if key not in memo:
            memo[key] = entry_score(e, rows[k], cues[k], level2[k], p)
        return memo[key]
    scored = []
    for o in orders:
        s = o.prior + sum(score(e, k) for k, e in enumerate(o.entries))
        s -= p.names.group_order * inversions(o.entries, rank)
        scored.append((s, o))
    scored.sort(key=lambda x: -x[0])
    best_score, best = scored[0]
    for s, o in scored[1:]:
        if [id(e) for e in o.entries] == [id(e) for e in best.entries]:
            continue
        margin = best_score - s
        diags = []
        if margin < p.names.order_margin:
            moved = [ln for a, b in zip(best.entries, o.entries) if a is not b and a is not None
                     for c in a.cells for ln in c.lines]
            diags.append(diag("name-order-uncertain", f"the order of the indicator names rests on thin evidence "
                              f"({best.note or 'best'} over {o.note or 'runner-up'}, margin {margin:.2f})", moved))
        return best, o, margin, diags
    return best, None, 0.0, []


def trade_names(entries: list[Entry | None], level2: list[str | None], beside: dict[int, str], p: Params
                ) -> list[tuple[int, int]]:
    """Names placed apart from their rows' values, a 二级 label printed on their line (``beside``):
    two rows at most ``Names.trade_reach`` apart whose names each read as the other's group and not
    their own trade names when one of them was printed beside the label of the group it moves to;
    nearest first. -> the rows traded."""
    def reads(k: int) -> frozenset:
        e = entries[k]
        return name_groups(e.name.text) if e is not None and e.name is not None else frozenset()

    def against(k: int) -> bool:
        return bool(reads(k)) and level2[k] is not None and level2[k] not in reads(k)

    def moves_to_its_label(k: int, to: int) -> bool:
        return beside.get(id(entries[k].name)) == level2[to]

    traded = []
    for gap in range(1, p.names.trade_reach + 1):
        for i in range(len(entries) - gap):
            j = i + gap
            if (against(i) and against(j) and level2[j] in reads(i) and level2[i] in reads(j)
                    and (moves_to_its_label(i, j) or moves_to_its_label(j, i))):
                a, b = entries[i], entries[j]
                a.name, b.name = b.name, a.name
                traded.append((i, j))
    return traded
