"""The two goal texts: which is 预期目标 and which 实际完成情况. Unless the print says, the words
decide (确保, 预计 … against 实际, 已 …, and the year's figures); one text holding both is cut where a
sentence ends and the reading turns."""
from __future__ import annotations

import regex

from ..codes import diag
from ..grid import Cell
from ..model import Diagnostic
from ..params import Params
from ..text import ends_sentence, join_wrapped

AMOUNT_RE = regex.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]|\s*年|\s*号|[〕\]])")
SLOTS = ("goals.expected", "goals.actual")


def goal_score(text: str, amounts: set[float], p: Params) -> float:
    """Positive: reads as 实际完成情况 (done); negative: as 预期目标 (intended)."""
    t = p.template
    s = float(sum(text.count(w) for w in t.words("cues", "completion"))
              - sum(text.count(w) for w in t.words("cues", "intention")))
    found = {float(m) for m in AMOUNT_RE.findall(text)}
    s += p.goals.amount_match * len({a for a in found if a in amounts and a != 0})
    return s


def _split(c: Cell, texts: dict[int, str], amounts: set[float], p: Params) -> tuple[Cell, Cell] | None:
    """One text holding both goals: cut after a sentence end where the parts read most apart, if clearly."""
    lines = [(no, texts.get(no, "").strip()) for no in c.lines]
    best, best_gap = None, p.thin_margin
    for k in range(1, len(lines)):
        if not ends_sentence(lines[k - 1][1]):
            continue
        a = join_wrapped(t for _, t in lines[:k])
        b = join_wrapped(t for _, t in lines[k:])
        gap = abs(goal_score(a, amounts, p) - goal_score(b, amounts, p))
        if gap > best_gap:
            best, best_gap = k, gap
    if best is None:
        return None
    head = Cell(join_wrapped(t for _, t in lines[:best]), [no for no, _ in lines[:best]], c.kind, c.seq, c.y)
    tail = Cell(join_wrapped(t for _, t in lines[best:]), [no for no, _ in lines[best:]], c.kind, c.seq, c.y)
    return head, tail


def place_goals(goals: list[Cell], slots: list[str] | None, amounts: set[float], texts: dict[int, str],
                p: Params) -> tuple[dict[str, Cell], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    if slots is not None:
        return {s: c for s, c in zip(slots, goals)}, diags
    if not goals:
        return {}, [diag("goal-missing", "no goal text found")]
    if len(goals) > 2:
        diags.append(diag("goal-missing", f"{len(goals)} prose texts where two goal texts were expected; "
                          "the two longest are taken", [x for g in goals for x in g.lines]))
        goals = sorted(sorted(goals, key=lambda g: -len(g.text))[:2], key=lambda g: g.seq)
    if len(goals) == 1:
        split = _split(goals[0], texts, amounts, p)
        if split is None:
            only = goals[0]
            diags.append(diag("goal-missing", "only one goal text found", only.lines))
            return {SLOTS[goal_score(only.text, amounts, p) > 0]: only}, diags
        goals = list(split)
        diags.append(diag("goal-split", "the two goal texts ran together; cut where a sentence ends and the "
                          "reading turns from intended to done", goals[1].lines[:1]))
    a, b = goals
    sa, sb = goal_score(a.text, amounts, p), goal_score(b.text, amounts, p)
    if abs(sa - sb) < p.thin_margin:
        diags.append(diag("goal-order-uncertain", "the expected and the actual goal text read alike; taken in printed order",
                          a.lines + b.lines))
    expected, actual = (b, a) if sa > sb else (a, b)
    expected.runner_up, actual.runner_up = (SLOTS[1], abs(sa - sb)), (SLOTS[0], abs(sa - sb))
    return {SLOTS[0]: expected, SLOTS[1]: actual}, diags

