"""Doubts the finished record raises row by row, in any dialect: a 三级指标 reading as another 二级
group than its row's; a deviation on a row that kept its points beside a row that lost some without
one; a deviation that breaks off mid-sentence."""
from __future__ import annotations

import regex

from ..arith import lost_points
from ..codes import diag
from ..grid import Reading
from ..model import Diagnostic, Form
from ..params import Params
from ..text import ends_sentence, open_parens, parse_cell
from .cues import name_groups

EMBEDDED_QUANTITY_RE = regex.compile(r"\d\s*[(（]")
LEADING_ZERO_RE = regex.compile(r"^[=≥≤<>]?\s*0\d")

ROWS_WHOLE = frozenset({"raw", "layout"})


def _lines(reading: Reading, slot: str) -> list[int]:
    return [x for c in reading.cells if c.slot == slot for x in c.lines]


def pinned_rows(level2: list[str | None], reading: Reading) -> set[int]:
    """Rows whose group a label printed at the row (or before its group's first row) says for sure."""
    runs: dict[int, tuple[int, int]] = {}
    k = 0
    while k < len(level2):
        e = k
        while e + 1 < len(level2) and level2[e + 1] == level2[k]:
            e += 1
        for r in range(k, e + 1):
            runs[r] = (k, e)
        k = e + 1
    out: set[int] = set()
    for pin in reading.pins:
        if pin.row is None or pin.row not in runs or level2[pin.row] != pin.label:
            continue
        lo, hi = runs[pin.row]
        if pin.how == "starts" and pin.row == lo or pin.how == "contains":
            out.update(range(lo, hi + 1) if pin.how == "starts" else [pin.row])
    return out


def _odd_quantity(text: str, parsed) -> bool:
    """A number(unit) inside a cell that is not one quantity (=4.6(万元3.3(万元/套)/套)), or a number
    with a leading zero (00(吨), the tail of a number cut at its point)."""
    if parsed is None:
        return bool(EMBEDDED_QUANTITY_RE.search(text))
    return bool(LEADING_ZERO_RE.match(text))


def _ill_formed(inds, template) -> list[tuple[int, str]]:
    """Rows whose cells no template row prints: a bracket unbalanced, a quantity against a word, two units,
    an achievement word (达成指标) with more after it."""
    achievement = sorted(template.words("cells", "achievement_closed"), key=len, reverse=True)
    out = []
    for k, ind in enumerate(inds):
        if any(v and open_parens(v) for v in (ind.name, ind.target, ind.actual)):
            out.append((k, "a bracket of its name, target or actual is left open or closed alone"))
            continue
        t, a = parse_cell(ind.target), parse_cell(ind.actual)
        odd = [v for v, q in ((ind.target, t), (ind.actual, a)) if v and _odd_quantity(v, q)]
        said = next((w for w in achievement if ind.actual and ind.actual.startswith(w)), None)
        if odd:
            out.append((k, f"{odd[0]} is no quantity the template prints: pieces of two cells may have run together"))
        elif said and ind.actual != said:
            out.append((k, f"the actual {ind.actual} runs on past {said}: a piece of another cell may have joined it"))
        elif (t is None) != (a is None) and ind.target and ind.actual:
            out.append((k, f"the target {ind.target} and the actual {ind.actual} are not both quantities"))
        elif t and a and t[2] != a[2]:
            out.append((k, f"the target's unit {t[2]} and the actual's {a[2]} differ"))
    return out


def _empty_cells(inds, reading: Reading) -> list[Diagnostic]:
    """A row left without a cell the template prints on every row (its name, target, actual, weight or
    score): the cell was lost or joined to another row's."""
    out = []
    for k, ind in enumerate(inds):
        if not ind.name:
            out.append(diag("name-missing", f"indicators[{k}]: no indicator name found for the row",
                            _lines(reading, f"indicators[{k}].target")))
        empty = [f for f in ("target", "actual", "weight", "score") if getattr(ind, f) in (None, "")]
        if empty:
            out.append(diag("row-uncertain", f"indicators[{k}]: no {' or '.join(empty)} found for the row",
                            _lines(reading, f"indicators[{k}].name")))
    return out


def cross_check(form: Form, reading: Reading, p: Params) -> list[Diagnostic]:
    out = []
    inds = form.indicators
    # rows printed whole, each label on its row's line: a label pins its rows' group for sure
    pinned = pinned_rows([i.level2 for i in inds], reading) if reading.dialect in ROWS_WHOLE else set()
    for k, ind in enumerate(inds):
        groups = name_groups(ind.name)
        if groups and ind.level2 is not None and ind.level2 not in groups:
            # a name against its group: a doubt only where the group is a guess (forms bend habits)
            out.append(diag("name-group-conflict", f"indicators[{k}]: the name {ind.name} reads as "
                            f"{'/'.join(sorted(groups))} but stands under {ind.level2}",
                            _lines(reading, f"indicators[{k}].name"), level="info" if k in pinned else None))
    out += [diag("row-uncertain", f"indicators[{k}]: {why}", _lines(reading, f"indicators[{k}].target")
                 + _lines(reading, f"indicators[{k}].actual")) for k, why in _ill_formed(inds, p.template)]
    out += _empty_cells(inds, reading)
    lost = [lost_points(i.weight, i.score, p.template) for i in inds]
    for k, ind in enumerate(inds):
        if not ind.deviation or lost[k]:
            continue
        near = [j for j in range(max(0, k - 3), min(len(inds), k + 4)) if j != k and lost[j] and not inds[j].deviation]
        if near:
            out.append(diag("deviation-uncertain", f"indicators[{k}]: a deviation on a row that kept its points, "
                            f"near indicators[{near[0]}] that lost some without one: it may be that row's",
                            _lines(reading, f"indicators[{k}].deviation")))
    devs = [(k, i.deviation) for k, i in enumerate(inds) if i.deviation]
    if len(devs) >= 2 and 2 * sum(ends_sentence(d) for _, d in devs) >= len(devs):
        for k, d in devs:
            if not ends_sentence(d):
                out.append(diag("deviation-uncertain", f"indicators[{k}]: the deviation {d[:20]}… breaks off where "
                                "the form's others end a sentence: a piece of it may be elsewhere",
                                _lines(reading, f"indicators[{k}].deviation")))
    return out
