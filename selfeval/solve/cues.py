"""Evidence from words (the template's ``[cues]``): what an indicator's name and values say about each
other and about the row's 二级 group, in every dialect."""
from __future__ import annotations

import re
from functools import lru_cache

import attrs

from ..params import CueWeights
from ..template import NATIONAL as T
from ..text import parse_cell

ACHIEVEMENT = frozenset(T.words("cells", "achievement"))
COUNT_UNITS = frozenset(T.words("cues", "count_units"))
COUNT_NAME_WORDS = T.words("cues", "count_name_words")
STOP_CHARS = frozenset(T.cues["stop_chars"])
UNIT_NAMES = {k: tuple(v) for k, v in T.cues["unit_names"].items()}
EXPECTED = frozenset(T.words("cues", "expected"))
NAME_ENDINGS = T.words("cues", "name_endings")
NAME_SHAPES = T.words("cues", "name_shapes")
MONEY_UNIT = "元"
PERCENT = "%"


# any group's name cue in a text (most lines have none: one search instead of one per cue)
_ANY_NAME_CUE = re.compile("|".join(re.escape(w) for cues in T.group_cues.values() for w in cues.name) or "(?!)")
_NAME_SUFFIXES = tuple(w for cues in T.group_cues.values() for w in cues.suffix)


@lru_cache(maxsize=8192)
def name_groups(name: str | None) -> frozenset:
    """The 二级 groups a name's words point to: those with the longest matching cue (社会成本控制 →
    社会成本指标), ties to the cue standing last (the head noun: 面积及时性 → 时效)."""
    if not name or not (_ANY_NAME_CUE.search(name) or name.endswith(_NAME_SUFFIXES)):
        return frozenset()
    best: dict[str, tuple[int, int]] = {}
    for group, cues in T.group_cues.items():
        hits = [(len(w), name.rfind(w)) for w in cues.name if w in name]
        hits += [(len(w), len(name) - len(w)) for w in cues.suffix if name.endswith(w)]
        if hits:
            best[group] = max(hits)
    if not best:
        return frozenset()
    top = max(best.values())
    return frozenset(g for g, v in best.items() if v == top)


def value_cue(target: str, actual: str, group: str) -> bool:
    """Do a row's values speak of the group (及时 → 时效指标, a unit 人 → 数量指标)?"""
    cues = T.group_cues.get(group)
    if cues is None:
        return False
    for cell in (target, actual):
        if not cell or cell in ACHIEVEMENT:
            continue
        parsed = parse_cell(cell)
        if parsed is None:
            if any(w in cell for w in cues.value):
                return True
            continue
        unit = parsed[2] or ""
        if MONEY_UNIT in cues.unit and MONEY_UNIT in unit:
            return True
        if unit and unit in cues.unit:
            return True
    return False


def _bigrams(text: str) -> frozenset:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


@attrs.frozen
class RowCues:
    """What a row's values say about the name that belongs on it."""

    qualitative: str | None     # the target when it is a word (及时, 满意 …)
    bigrams: frozenset
    chars: frozenset
    unit_words: tuple           # name words the unit suggests (% → 率, 元 → 成本)
    count_unit: str | None      # a count unit (人, 次 …) that may appear in the name

    @classmethod
    def of(cls, target: str | None) -> RowCues:
        t = target or ""
        parsed = parse_cell(t)
        if parsed is None:
            return cls(t or None, _bigrams(t), frozenset(set(t) - STOP_CHARS), (), None)
        unit = parsed[2] or ""
        words: tuple = ()
        base = None
        if unit == PERCENT:
            words = UNIT_NAMES.get(PERCENT, ())
        elif MONEY_UNIT in unit:
            words = UNIT_NAMES.get(MONEY_UNIT, ())
        elif unit:
            base = unit.split("/")[0] or None
        return cls(None, frozenset(), frozenset(), words, base)


def lexical_cue(name: str, cues: RowCues, w: CueWeights) -> float:
    """How well a name fits a row's values: 及时 ↔ 及时性, 人 ↔ 人数, % ↔ 率."""
    if cues.qualitative is not None:
        if cues.qualitative in name:
            return w.substring
        if cues.bigrams & _bigrams(name):
            return w.bigram
        if cues.chars & set(name):
            return w.char
        return 0.0
    if cues.unit_words:
        return w.unit if any(x in name for x in cues.unit_words) else 0.0
    if cues.count_unit:
        if cues.count_unit in name:
            return w.unit
        if cues.count_unit in COUNT_UNITS and name.endswith(COUNT_NAME_WORDS):
            return w.unit / 2
    return 0.0


def reads_as_name(text: str) -> int:
    """2: names an indicator type and ends as names end; 1: one of these or a name's shape; else 0."""
    typed = bool(name_groups(text))
    ends = text.endswith(NAME_ENDINGS)
    shaped = any(s in text for s in NAME_SHAPES)
    return min(2, int(typed) + int(typed and ends) + int(shaped))


def deviation_fit(text: str, target: str | None, actual: str | None, lost: bool) -> float:
    """+1 when a deviation's over/under words (超出年初目标值) match the row's values, -1 against, else 0."""
    over = any(w in text for w in T.words("cues", "deviation_over"))
    under = any(w in text for w in T.words("cues", "deviation_under"))
    if not (over or under):
        return 0.0
    t, a = parse_cell(target or ""), parse_cell(actual or "")
    above = None if t is None or a is None else a[1] > t[1] + 1e-9
    below = None if t is None or a is None else a[1] < t[1] - 1e-9
    if over:
        return 0.0 if above is None else (1.0 if above else -1.0)
    return 1.0 if (below or lost) else (-1.0 if below is False else 0.0)
