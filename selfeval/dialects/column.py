"""Free text of a seed-dialect form: the goal texts (its widest lines), and the 三级指标 column printed
apart from its rows, cut into entries (name, 偏差原因) by a dynamic programme over each line's reading,
one entry per value row when the lines allow it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

import attrs

from ..lexer import Lexed
from ..params import Params
from ..solve.cues import NAME_ENDINGS, NAME_SHAPES, name_groups
from ..text import (
    ends_clause, ends_sentence, has_han, join_wrapped, open_parens, prose_marks, starts_with_punctuation, width,
)

NEG = float("-inf")


@attrs.define
class FreeLine:
    """A free line; ``gap``: what stood before it (``none``, ``blank``, ``sep``: another line)."""
    no: int
    text: str
    index: int
    gap: str = "none"
    after_names_header: bool = False


def free_lines(items: list[Lexed], taken: set[int]) -> list[FreeLine]:
    out: list[FreeLine] = []
    gap, header = "sep", False
    for i, it in enumerate(items):
        if it.kind == "blank":
            gap = "blank" if gap == "none" else gap
        elif it.kind == "text" and i not in taken:
            out.append(FreeLine(it.no, it.text, i, gap, header))
            gap, header = "none", False
        else:
            gap = "sep"
            header = header or it.kind == "names_header"
    return out


class _Look:
    """What the scores read off a line's text, once per distinct text: the goal and the column passes
    read the same lines, and a dump repeats many lines from form to form."""

    __slots__ = ("width", "widest", "single", "inline", "marks", "ends", "ends_any", "han", "opens", "named",
                 "groups", "bracket", "words", "furniture", "head_width", "head_marks", "head_han", "new_start",
                 "new_base", "head_words", "rest_ends", "rest_width", "rest_marks", "named_text")

    def __init__(self, text: str, furniture: tuple):
        parts = text.split(None, 1)
        head, rest = parts[0], parts[-1]
        self.inline = len(parts) > 1
        self.single = not self.inline
        self.width = width(text)
        self.marks = bool(prose_marks(text))
        self.ends = ends_sentence(text)
        self.ends_any = ends_clause(text) or self.ends
        self.han = has_han(text)
        self.opens = starts_with_punctuation(text)
        self.named = text.endswith(NAME_ENDINGS)
        self.groups = name_groups(text)
        self.bracket = open_parens(text) > 0
        self.words = _words_code(text, self.groups, self.named)
        self.furniture = False
        for f in furniture:             # a loop: any() over a generator costs a fifth more per line
            if f.match(text):
                self.furniture = True
                break
        if head == text:                # a stripped line of one word: its head and rest are the line
            self.widest = self.head_width = self.rest_width = self.width
            self.head_marks = self.rest_marks = self.marks
            self.head_han, self.head_words, self.rest_ends = self.han, self.words, self.ends
        else:
            self.widest = max(width(s) for s in text.split())
            self.head_width, self.head_marks, self.head_han = width(head), bool(prose_marks(head)), has_han(head)
            self.head_words = _words_code(head, name_groups(head), head.endswith(NAME_ENDINGS))
            self.rest_ends, self.rest_width, self.rest_marks = ends_sentence(rest), width(rest), bool(prose_marks(rest))
        self.named_text = self.inline and self.head_han and not self.head_marks     # name_and_text
        self.new_start = 1.0 if self.inline else 0.0
        self.new_base = self.new_score(head, None)

    def new_score(self, head: str, stray: float | None) -> float:
        """How much the line reads as a new entry, but for its head's name words (``stray``: furniture's cost)."""
        s = self.new_start
        if stray is not None:
            s -= stray
        if ends_clause(head):
            s -= 4
        elif ends_sentence(head):
            s -= 3
        elif self.head_marks:   # 、 lists subjects in many names
            s -= 1.5
        if len(head) <= 2:
            s -= 2
        elif len(head) <= 4:
            s -= 1
        if not self.head_han:
            s -= 4
        if starts_with_punctuation(head):
            s -= 3                      # it goes on with the sentence of the line above
        return s


@lru_cache(maxsize=16384)
def _look(text: str, furniture: tuple) -> _Look:
    return _Look(text, furniture)


_SHAPE_RE = re.compile("|".join(map(re.escape, NAME_SHAPES)) or "(?!)")     # any name shape (（含)


def _words_code(text: str, groups: frozenset, named: bool) -> int:
    """``name_words`` as an index into ``_word_values``: 3 for a name's shape, plus 1 or 2 when typed."""
    shape = 3 if _SHAPE_RE.search(text) else 0
    return shape + (0 if not groups else 2 if named else 1)


def _word_values(p: Params) -> list[float]:
    """How much a line reads as an indicator name, per ``_words_code`` (summed as the shape's weight plus
    the type's, to the bit)."""
    nw = p.column.name_word
    return [0.0, 0.0 + nw * 0.5, 0.0 + nw * 2.0, nw, nw + nw * 0.5, nw + nw * 2.0]


def _looks(lines: list[FreeLine], p: Params) -> list[_Look]:
    furniture = p.template.furniture_patterns
    return [_look(x.text, furniture) for x in lines]


def goal_paragraphs(lines: list[FreeLine], p: Params) -> list[list[FreeLine]]:
    """Goal prose: lines near the widest free text, with short last lines; a paragraph goes on over a
    blank after a full line (pdftotext puts blanks inside wrapped cells)."""
    c = p.column
    looks = _looks(lines, p)
    widest = max((lk.widest for lk in looks), default=0)
    threshold = max(c.goal_min_width, min(widest - c.goal_slack, c.goal_share * widest))
    paras = _prose(lines, looks, threshold, p, set())
    for _ in range(2):
        if len(paras) >= 2:
            break
        taken = {x.no for q in paras for x in q}
        short = [q for q in _prose(lines, looks, c.short_goal_min_width, p, taken, chain=False)
                 if len(q) == 1 and q[0].no not in taken and len(q[0].text.split()) == 1 and ends_sentence(q[0].text)]
        short.sort(key=lambda q: -width(q[0].text))
        paras = sorted(paras + short[:2 - len(paras)], key=lambda q: q[0].no)
        taken = {x.no for q in paras for x in q}
        wide = [q for q in _prose(lines, looks, threshold, p, taken) if not taken & {x.no for x in q}]
        paras = sorted(paras + wide[:max(0, 2 - len(paras))], key=lambda q: q[0].no)
    return paras


def _prose(lines: list[FreeLine], looks: list[_Look], threshold: int, p: Params, after: set[int],
           chain: bool = True) -> list[list[FreeLine]]:
    """Paragraphs of wide lines that start a block of their own, never under a 三级 column line."""
    paras: list[list[FreeLine]] = []
    current: list[int] = []
    widest = 0
    goal_lines = set(after)
    slack = p.column.full_line_slack
    words, names = _word_values(p), 2 * p.column.name_word

    def close():
        nonlocal current, widest
        # goal texts are sentences: a run of wide lines without sentence punctuation is names
        if current and any(looks[j].marks for j in current):
            paras.append([lines[j] for j in current])
            if chain:
                goal_lines.update(lines[j].no for j in current)
        current, widest = [], 0

    for j, fl in enumerate(lines):
        lk = looks[j]
        after_goal = j > 0 and (lines[j - 1].no in goal_lines or (chain and bool(current) and current[-1] == j - 1))
        wide = lk.widest >= threshold or (bool(current) and fl.gap == "none" and lk.width >= widest - slack)
        if current:
            prev = looks[current[-1]]
            cont_ok = fl.gap != "sep" and prev.width >= widest - slack and not prev.ends
            if wide and (fl.gap == "none" or cont_ok):
                current.append(j)
                widest = max(widest, lk.width)
                continue
            if not wide and cont_ok:
                current.append(j)
                close()
                continue
            close()
        if wide and ((fl.gap == "sep" or (after_goal and fl.gap == "blank")) and not lk.named_text
                     and not (words[lk.words] >= names and not lk.marks)):
            current = [j]
            widest = lk.width
    close()
    return paras


def _column_widths(looks: list[_Look], lines: list[FreeLine]) -> tuple[int, int]:
    """The name column's width from sure names, else from lines without sentence punctuation; the
    deviation column's from one-line cells with sentence punctuation."""
    single = [lk for lk in looks if lk.single]
    names = [lk.head_width for lk in looks if lk.named_text]
    names += [lk.width for lk, x in zip(looks, lines) if lk.single and not lk.marks and (x.gap == "sep" or lk.groups)]
    namelike = names or [lk.width for lk in single if not lk.marks] or [lk.width for lk in single]
    punct = [lk.width for lk in single if lk.marks]
    return max(namelike, default=0), max(punct or [lk.width for lk in single] or [0])


def _steps(lines: list[FreeLine], p: Params) -> list[dict]:
    """Per line, the allowed steps (prev, has_dev) -> [(reading, has_dev, score, is new, finds the deviation,
    state in the first search)], computed once for every search. A tail only under a name before its
    deviation, one deviation, then continuations; only the states a search reaches are listed (no deviation
    before a tail, one after a deviation or a continuation)."""
    c = p.column
    looks = _looks(lines, p)
    name_max, dev_max = _column_widths(looks, lines)
    name_full, dev_full = name_max - c.cell_full_slack, dev_max - c.cell_full_slack
    words = _word_values(p)
    table: list[dict] = []
    for i, (fl, lk) in enumerate(zip(lines, looks)):
        gap = fl.gap
        prose = 0.0
        if lk.inline and not lk.head_marks:
            prose -= 5
        if not lk.marks:
            prose -= words[lk.words]
        if gap == "sep":
            prose -= 3
        base = lk.new_base if not lk.furniture else lk.new_score(fl.text.split(None, 1)[0], c.stray)
        new = base + words[lk.head_words]
        stray = 0.0 if not lk.han or lk.furniture else -c.stray
        fresh = ("new", lk.inline, new, True, lk.inline, _FREE_KEYS["new", lk.inline])
        stray_free = ("stray", False, stray, False, False, _FREE_KEYS["stray", False])
        stray_found = ("stray", True, stray, False, False, _FREE_KEYS["stray", True])
        if i == 0:
            table.append({(None, False): [fresh, stray_free]})
            continue
        b = looks[i - 1]
        # a tail: one word under a full name line, no separator above
        tails = lk.single and gap != "sep" and b.width >= name_full
        # a deviation starts with words, not with ， or 。
        dev = prose - 3 if not lk.han or lk.opens else prose
        if lk.ends_any:
            dev += 3
            devw = dev
        elif lk.marks:
            dev += 1
            devw = dev
        else:
            devw = dev + 0.5 if not lk.groups else dev
            dev -= 1.5
        end = 0.5 if gap == "none" else -1.0
        dev_step = ("dev", True, dev + end, False, True, _FREE_KEYS["dev", True])
        devw_step = ("devw", True, devw + end, False, True, _FREE_KEYS["devw", True])
        label = "contb" if gap == "blank" else "cont"
        nxt = looks[i + 1] if i + 1 < len(looks) else None
        name_under = label == "contb" and nxt is not None and nxt.named and not nxt.marks and nxt.single
        after_cont, after_name, after_blank = _conts(lk, b, prose, name_max, dev_full, name_under, c)
        key, tail_key = _FREE_KEYS[label, True], _FREE_KEYS["tail", False]
        cont = (label, True, after_cont, False, False, key)
        also_cont = [fresh, cont, stray_found]
        if tails:
            tail = _tail(fl, lk, b, False, name_max, name_full, c)
            under_name = [fresh, ("tail", False, tail, False, False, tail_key), dev_step, stray_free]
            tail = _tail(fl, lk, b, True, name_max, name_full, c)
            under_tail = [fresh, ("tail", False, tail, False, False, tail_key), devw_step, stray_free]
        else:
            under_name, under_tail = [fresh, dev_step, stray_free], [fresh, devw_step, stray_free]
        table.append({
            ("new", False): under_name,
            ("new", True): [fresh, (label, True, after_name, False, False, key), stray_found],
            ("tail", False): under_tail,
            # a one-line deviation rarely stands on its own line
            ("dev", True): [("new", lk.inline, new - c.lone_deviation, True, lk.inline, fresh[5]), cont, stray_found],
            ("devw", True): also_cont,
            ("cont", True): also_cont,
            ("contb", True): [fresh, (label, True, after_blank, False, False, key), stray_found],
            ("stray", False): [fresh, stray_free],
            ("stray", True): [fresh, stray_found],
        })
    return table


# a step's state in the first search, which counts neither entries nor deviations
_FREE_KEYS = {(lab, after): (0, 0, lab, after) for lab in ("new", "tail", "dev", "devw", "cont", "contb", "stray")
              for after in (False, True)}


def _tail(fl: FreeLine, lk: _Look, b: _Look, after_tail: bool, name_max: int, name_full: int, c) -> float:
    s = 1.0 if len(fl.text) <= c.name_tail_short else 0.0
    s -= 1.0 if lk.width >= name_full else 0.0
    s -= 1.0 if after_tail else 0.0
    s -= 2.0 if b.marks else 0.0                    # the line before reads as prose
    s += 1.0 if b.bracket else 0.0
    s += 1.0 if b.width >= name_max - 1 else 0.0
    s += -1.0 if b.named else 1.0
    s += 0.5 if lk.named else 0.0
    s -= 2.0 if b.groups and lk.groups and not b.groups & lk.groups else 0.0   # two indicator types: two names
    s -= c.tail_after_blank if fl.gap == "blank" else 0.0
    s -= 3 if lk.marks else 0
    return s


def _conts(lk: _Look, b: _Look, prose: float, name_max: int, dev_full: int, name_under: bool, c
           ) -> tuple[float, float, float]:
    """A continuation's scores after a continuation (or a deviation), after a name line, after a blank's."""
    fills = name_max < dev_full and name_max - 1 <= lk.width < dev_full
    full = not lk.ends_any and not lk.marks and lk.width >= dev_full
    out = []
    # a blank in a wrapped cell comes before its last line; after a name line, its inline text goes on
    for s, (ends, wide, marked) in ((prose, (b.ends, b.width, b.marks)),
                                    (prose - c.inline_goes_on, (b.rest_ends, b.rest_width, b.rest_marks)),
                                    (prose - 3, (b.ends, b.width, b.marks))):
        if ends:
            s -= 3
        elif wide >= dev_full:
            s += 2              # the line before was cut mid-sentence at the column's edge
        else:
            s -= 1
        if fills:
            s -= 2              # it fills the name column, not the deviation column
        if lk.ends_any:
            s += 1
        elif full:
            # full unpunctuated lines are names, unless one follows prose (mid-sentence)
            s -= 0.5 if marked else 2.5
            if name_under:
                s -= 2          # after a blank with a name's end under it: a wrapped name
        out.append(s)
    return out[0], out[1], out[2]


def _best_counted(table: list[dict], n: int, devs_needed: int, p: Params) -> tuple[list[str], float] | None:
    """``_best`` with exactly ``n`` entries: a Lagrange price per entry, else the counted search."""
    lo, hi = -p.column.price_range, p.column.price_range
    for _ in range(p.column.price_steps):
        price = (lo + hi) / 2
        seq, score = _best(table, None, devs_needed, p, price)
        k = seq.count("new")
        if k == n:
            return seq, score - price * n
        lo, hi = (price, hi) if k < n else (lo, price)
    if len(table) * (n + 1) * (devs_needed + 1) > p.bounds.search_states:
        return None                     # beyond the bounds: the free cut stands
    return _best(table, n, devs_needed, p)


def _best(table: list[dict], n: int | None, devs_needed: int, p: Params, price: float = 0.0
          ) -> tuple[list[str], float] | None:
    """Best reading sequence (with ``n``: exactly ``n`` entries); each missing deviation costs."""
    m = len(table)
    layer: dict = {(0, 0, None, False): 0.0}
    history: list[dict] = []
    for i, steps in enumerate(table):
        nxt: dict = {}
        back: dict = {}
        best = nxt.get
        if n is None and not devs_needed:       # the first search: each state is (0, 0, reading, has_dev)
            for state, s0 in layer.items():
                for _, _, s, new, _, key in steps.get(state[2:], ()):
                    v = s0 + s + (price if new else 0.0)
                    if v > best(key, NEG):
                        nxt[key] = v
                        back[key] = state
        elif n is None:         # the free search: no count of entries to keep
            for state, s0 in layer.items():
                _, d, prev, has_dev = state
                for lab, after, s, new, found, _ in steps.get((prev, has_dev), ()):
                    nd = d + found
                    key = (0, nd if nd < devs_needed else devs_needed, lab, after)
                    v = s0 + s + (price if new else 0.0)
                    if v > best(key, NEG):
                        nxt[key] = v
                        back[key] = state
        else:
            lo = n - (m - 1 - i)
            for state, s0 in layer.items():
                k, d, prev, has_dev = state
                for lab, after, s, new, found, _ in steps.get((prev, has_dev), ()):
                    nk = k + new
                    if not (lo <= nk <= n):
                        continue
                    nd = d + found
                    key = (nk, nd if nd < devs_needed else devs_needed, lab, after)
                    v = s0 + s + (price if new else 0.0)
                    if v > best(key, NEG):
                        nxt[key] = v
                        back[key] = state
        history.append(back)
        layer = _undominated(nxt) if devs_needed else nxt
    c = p.column
    finals = [(v - (c.lone_deviation if key[2] == "dev" else 0.0) - p.names.deviation_lost * (devs_needed - key[1]), key)
              for key, v in layer.items() if n is None or key[0] == n]
    if not finals:
        return None
    best, key = max(finals)
    seq = []
    for i in range(m - 1, -1, -1):
        seq.append(key[2])
        key = history[i][key]
    return seq[::-1], best


def _undominated(layer: dict) -> dict:
    """Drop a state another beats with more deviations found and no lower score: more found never
    costs later, so the search stays exact and its states stay few."""
    best: dict = {}
    for key in sorted(layer, key=itemgetter(1), reverse=True):     # stable: ties keep their order
        rest = (key[0], key[2], key[3])
        if layer[key] > best.get(rest, NEG):
            best[rest] = layer[key]
        else:
            del layer[key]
    return layer


@attrs.define
class RawEntry:
    name_lines: list[FreeLine]
    dev: list[tuple[int, str]] = attrs.field(factory=list)
    gap: str = "none"               # none | blank | sep
    after_header: bool = False

    @property
    def name(self) -> str:
        first = self.name_lines[0].text.split(None, 1)[0]
        return join_wrapped([first] + [x.text for x in self.name_lines[1:]])


def _cut(lines: list[FreeLine], seq: list[str]) -> tuple[list[RawEntry], list[int]]:
    entries: list[RawEntry] = []
    stray: list[int] = []
    for fl, lab in zip(lines, seq):
        if lab == "new":
            parts = fl.text.split(None, 1)
            e = RawEntry([fl], gap=fl.gap, after_header=fl.after_names_header)
            if len(parts) > 1:
                e.dev.append((fl.no, parts[1]))
            entries.append(e)
        elif lab == "stray":
            stray.append(fl.no)
        elif lab == "tail":
            entries[-1].name_lines.append(fl)
        else:
            entries[-1].dev.append((fl.no, fl.text))
    return entries, stray


def _deviations(seq: list[str], lines: list[FreeLine]) -> int:
    count, has = 0, False
    for fl, lab in zip(lines, seq):
        if lab == "new":
            has = len(fl.text.split()) > 1
            count += has
        elif lab in ("dev", "devw") and not has:
            has, count = True, count + 1
    return count


@attrs.define
class Cut:
    entries: list[RawEntry]
    exact: bool
    stray: list[int]
    forced: list[int]             # read against their looks to get one entry per row
    forced_cost: float
    bounded: bool = False         # beyond the search's bounds: read the cheaper way


def cut_column(lines: list[FreeLine], n: int, lost: int, p: Params) -> Cut:
    """Cut the column into entries, one per value row (``n``) if the lines allow, ``lost`` with deviations."""
    if not lines:
        return Cut([], n == 0, [], [], 0.0)
    table = _steps(lines, p)
    lost = min(lost, p.bounds.search_states // max(1, len(lines) * 14))
    seq, free = _best(table, None, 0, p)
    if _deviations(seq, lines) < lost:
        seq, free = _best(table, None, lost, p)
    found = seq.count("new")
    if found == n or n > p.bounds.max_rows or abs(found - n) > max(p.column.force_rows, n // 3):
        # so far off that forcing the count would misread the lines: keep the cut
        entries, stray = _cut(lines, seq)
        return Cut(entries, found == n, stray, [], 0.0)
    got = _best_counted(table, n, lost, p)
    if got is None:
        entries, stray = _cut(lines, seq)
        return Cut(entries, False, stray, [], 0.0, bounded=len(table) * (n + 1) * (lost + 1) > p.bounds.search_states)
    seq2, score = got
    entries, stray = _cut(lines, seq2)
    forced = [fl.no for fl, a, b in zip(lines, seq, seq2) if a != b]
    return Cut(entries, True, stray, forced, max(0.0, free - score))
