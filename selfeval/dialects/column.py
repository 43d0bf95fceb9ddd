"""Free text of a seed-dialect form: the goal texts (its widest lines), and the 三级指标 column printed
apart from its rows, cut into entries (name, 偏差原因) by a dynamic programme over each line's reading,
one entry per value row when the lines allow it.
"""
from __future__ import annotations

import attrs

from ..lexer import Lexed
from ..params import Params
from ..solve.cues import NAME_ENDINGS, NAME_SHAPES, name_groups
from ..text import (
    ends_clause, ends_sentence, has_han, join_wrapped, open_parens, prose_marks, starts_with_punctuation, width,
)

NEG = float("-inf")
READINGS = ("new", "tail", "dev", "devw", "cont", "contb", "stray")


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


def name_words(text: str, p: Params) -> float:
    """How much a line reads as an indicator name."""
    shape = p.column.name_word if any(w in text for w in NAME_SHAPES) else 0.0
    if not name_groups(text):
        return shape
    return shape + p.column.name_word * (2.0 if text.endswith(NAME_ENDINGS) else 0.5)


def name_and_text(text: str) -> bool:
    """``名称 偏差说明…``: a name, then more text after a space."""
    parts = text.split(None, 1)
    return len(parts) == 2 and has_han(parts[0]) and not prose_marks(parts[0])


def widest_segment(text: str) -> int:
    return max((width(s) for s in text.split()), default=0)


def goal_paragraphs(lines: list[FreeLine], p: Params) -> list[list[FreeLine]]:
    """Goal prose: lines near the widest free text, with short last lines; a paragraph goes on over a
    blank after a full line (pdftotext puts blanks inside wrapped cells)."""
    c = p.column
    widest = max((widest_segment(x.text) for x in lines), default=0)
    threshold = max(c.goal_min_width, min(widest - c.goal_slack, c.goal_share * widest))
    paras = _prose(lines, threshold, p, set())
    for _ in range(2):
        if len(paras) >= 2:
            break
        taken = {x.no for q in paras for x in q}
        short = [q for q in _prose(lines, c.short_goal_min_width, p, taken, chain=False)
                 if len(q) == 1 and q[0].no not in taken and len(q[0].text.split()) == 1 and ends_sentence(q[0].text)]
        short.sort(key=lambda q: -width(q[0].text))
        paras = sorted(paras + short[:2 - len(paras)], key=lambda q: q[0].no)
        taken = {x.no for q in paras for x in q}
        wide = [q for q in _prose(lines, threshold, p, taken) if not taken & {x.no for x in q}]
        paras = sorted(paras + wide[:max(0, 2 - len(paras))], key=lambda q: q[0].no)
    return paras


def _prose(lines: list[FreeLine], threshold: int, p: Params, after: set[int], chain: bool = True
           ) -> list[list[FreeLine]]:
    """Paragraphs of wide lines that start a block of their own, never under a 三级 column line."""
    paras: list[list[FreeLine]] = []
    current: list[FreeLine] = []
    widest = 0
    goal_lines = set(after)
    slack = p.column.full_line_slack

    def close():
        nonlocal current, widest
        # goal texts are sentences: a run of wide lines without sentence punctuation is names
        if current and any(prose_marks(x.text) for x in current):
            paras.append(current)
            if chain:
                goal_lines.update(x.no for x in current)
        current, widest = [], 0

    previous = None
    for fl in lines:
        after_goal = previous is not None and (previous.no in goal_lines or (chain and previous in current))
        starts_here = ((fl.gap == "sep" or (after_goal and fl.gap == "blank")) and not name_and_text(fl.text)
                       and not (name_words(fl.text, p) >= 2 * p.column.name_word and not prose_marks(fl.text)))
        previous = fl
        wide = widest_segment(fl.text) >= threshold or (
            bool(current) and fl.gap == "none" and width(fl.text) >= widest - slack)
        if current:
            prev = current[-1]
            cont_ok = fl.gap != "sep" and width(prev.text) >= widest - slack and not ends_sentence(prev.text)
            if wide and (fl.gap == "none" or cont_ok):
                current.append(fl)
                widest = max(widest, width(fl.text))
                continue
            if not wide and cont_ok:
                current.append(fl)
                close()
                continue
            close()
        if wide and starts_here:
            current = [fl]
            widest = width(fl.text)
    close()
    return paras


class _Scores:
    def __init__(self, lines: list[FreeLine], p: Params):
        self.lines, self.p, c = lines, p, p.column
        single = [x.text for x in lines if len(x.text.split()) == 1]
        # the column's width from sure names, else from lines without sentence punctuation
        names = [x.text.split(None, 1)[0] for x in lines if name_and_text(x.text)]
        names += [x.text for x in lines if len(x.text.split()) == 1 and not prose_marks(x.text)
                  and (x.gap == "sep" or name_groups(x.text))]
        namelike = names or [t for t in single if not prose_marks(t)] or single
        self.name_max = max((width(t) for t in namelike), default=0)
        self.name_full = self.name_max - c.cell_full_slack
        punct = [width(t) for t in single if prose_marks(t)]
        self.dev_full = max(punct or [width(t) for t in single] or [0]) - c.cell_full_slack
        self.widths = [width(x.text) for x in lines]
        self._features()
        self.new_score = [self._new(x) for x in lines]
        self.prose_score = [self._prose(x) for x in lines]
        furniture = p.template.furniture_patterns
        self.stray_score = [0.0 if not has_han(x.text) or any(f.match(x.text) for f in furniture) else -c.stray
                            for x in lines]

    def _new(self, x: FreeLine) -> float:
        parts = x.text.split(None, 1)
        head = parts[0]
        s = 1.0 if len(parts) > 1 else 0.0
        if any(f.match(x.text) for f in self.p.template.furniture_patterns):
            s -= self.p.column.stray
        if ends_clause(head):
            s -= 4
        elif ends_sentence(head):
            s -= 3
        elif prose_marks(head):   # 、 lists subjects in many names
            s -= 1.5
        if len(head) <= 2:
            s -= 2
        elif len(head) <= 4:
            s -= 1
        if not has_han(head):
            s -= 4
        if starts_with_punctuation(head):
            s -= 3                      # it goes on with the sentence of the line above
        return s + name_words(head, self.p)

    def _prose(self, x: FreeLine) -> float:
        parts = x.text.split(None, 1)
        s = 0.0
        if len(parts) > 1 and not prose_marks(parts[0]):
            s -= 5
        if not prose_marks(x.text):
            s -= name_words(x.text, self.p)
        if x.gap == "sep":
            s -= 3
        return s

    def score(self, i: int, label: str, prev: str | None, has_dev: bool) -> float:
        if label == "new":
            # a one-line deviation rarely stands on its own line
            return self.new_score[i] - (self.p.column.lone_deviation if prev == "dev" else 0.0)
        if label == "stray":
            return self.stray_score[i]
        if prev is None or prev == "stray":
            return NEG
        if label == "tail":
            return self._tail(i, prev, has_dev)
        if label in ("dev", "devw"):
            return self._dev(i, label, prev, has_dev)
        return self._cont(i, label, prev, has_dev)

    def _features(self) -> None:
        lines = self.lines
        self.marks = [bool(prose_marks(x.text)) for x in lines]
        self.ends = [ends_sentence(x.text) for x in lines]
        self.ends_any = [ends_clause(x.text) or ends_sentence(x.text) for x in lines]
        self.han = [has_han(x.text) for x in lines]
        self.opens = [starts_with_punctuation(x.text) for x in lines]
        self.named = [x.text.endswith(NAME_ENDINGS) for x in lines]
        self.groups = [name_groups(x.text) for x in lines]
        self.single = [len(x.text.split()) == 1 for x in lines]
        self.bracket = [open_parens(x.text) > 0 for x in lines]
        rest = [x.text.split(None, 1)[-1] for x in lines]
        self.rest_ends = [ends_sentence(t) for t in rest]
        self.rest_width = [width(t) for t in rest]
        self.rest_marks = [bool(prose_marks(t)) for t in rest]

    def _tail(self, i: int, prev: str, has_dev: bool) -> float:
        c = self.p.column
        if has_dev or prev not in ("new", "tail") or not self.single[i] or self.lines[i].gap == "sep":
            return NEG
        if self.widths[i - 1] < self.name_full:
            return NEG
        s = 1.0 if len(self.lines[i].text) <= c.name_tail_short else 0.0
        s -= 1.0 if self.widths[i] >= self.name_full else 0.0
        s -= 1.0 if prev == "tail" else 0.0
        s -= 2.0 if self.marks[i - 1] else 0.0                    # the line before reads as prose
        s += 1.0 if self.bracket[i - 1] else 0.0
        s += 1.0 if self.widths[i - 1] >= self.name_max - 1 else 0.0
        s += -1.0 if self.named[i - 1] else 1.0
        s += 0.5 if self.named[i] else 0.0
        before, here = self.groups[i - 1], self.groups[i]
        s -= 2.0 if before and here and not before & here else 0.0   # two indicator types: two names
        s -= c.tail_after_blank if self.lines[i].gap == "blank" else 0.0
        s -= 3 if self.marks[i] else 0
        return s

    def _dev(self, i: int, label: str, prev: str, has_dev: bool) -> float:
        if has_dev or (label == "devw") != (prev == "tail"):
            return NEG
        s = self.prose_score[i]
        if not self.han[i] or self.opens[i]:
            s -= 3                  # a deviation starts with words, not with ， or 。
        if self.ends_any[i]:
            s += 3
        elif self.marks[i]:
            s += 1
        elif label == "dev":
            s -= 1.5
        elif not self.groups[i]:
            s += 0.5
        return s + (0.5 if self.lines[i].gap == "none" else -1.0)

    def _cont(self, i: int, label: str, prev: str, has_dev: bool) -> float:
        if not has_dev or (label == "contb") != (self.lines[i].gap == "blank"):
            return NEG
        new = prev == "new"
        ends, wide, marked = ((self.rest_ends[i - 1], self.rest_width[i - 1], self.rest_marks[i - 1]) if new
                              else (self.ends[i - 1], self.widths[i - 1], self.marks[i - 1]))
        s = self.prose_score[i]
        s -= 3 if prev == "contb" else 0         # a blank in a wrapped cell comes before its last line
        s -= self.p.column.inline_goes_on if new else 0.0
        if ends:
            s -= 3
        elif wide >= self.dev_full:
            s += 2                  # the line before was cut mid-sentence at the column's edge
        else:
            s -= 1
        if self.name_max < self.dev_full and self.name_max - 1 <= self.widths[i] < self.dev_full:
            s -= 2                  # it fills the name column, not the deviation column
        if self.ends_any[i]:
            s += 1
        elif not self.marks[i] and self.widths[i] >= self.dev_full:
            # full unpunctuated lines are names, unless one follows prose (mid-sentence)
            s -= 0.5 if marked else 2.5
            k = i + 1
            if label == "contb" and k < len(self.lines) and self.named[k] and not self.marks[k] and self.single[k]:
                s -= 2              # after a blank with a name's end under it: a wrapped name
        return s


def _may_follow(lab: str, prev: str | None, has_dev: bool) -> bool:
    """Allowed steps: a tail only under a name before its deviation, one deviation, then continuations."""
    if lab in ("new", "stray"):
        return True
    if prev is None or prev == "stray":
        return False
    if lab == "tail":
        return not has_dev and prev in ("new", "tail")
    if lab in ("dev", "devw"):
        return not has_dev and (lab == "devw") == (prev == "tail")
    return has_dev


def _steps(lines: list[FreeLine], p: Params) -> list[dict]:
    """Per line, the allowed steps (prev, has_dev) -> (reading, has_dev, score), computed once."""
    scores = _Scores(lines, p)
    table = []
    for i, fl in enumerate(lines):
        inline_dev = len(fl.text.split()) > 1
        cont = "contb" if fl.gap == "blank" else "cont"
        value = {}
        for lab, prev, has_dev in _KINDS:
            if lab in ("cont", "contb") and lab != cont:
                continue
            value[lab, prev] = scores.score(i, lab, prev, has_dev)
        steps: dict = {}
        for state, labs in (_FIRST if i == 0 else _MOVES):
            out = [(lab, inline_dev if after is None else after, v)
                   for lab, key, after in labs if (v := value.get(key, NEG)) != NEG]
            if out:
                steps[state] = out
        table.append(steps)
    return table


# the previous readings a reading's score tells apart (any other scores as the first listed)
_SCORE_PREVS = {"new": (None, "dev"), "stray": (None,), "tail": ("new", "tail"), "dev": ("new",), "devw": ("tail",),
                "cont": ("cont", "new", "contb"), "contb": ("cont", "new", "contb")}
_KINDS = [(lab, prev, lab in ("cont", "contb")) for lab, prevs in _SCORE_PREVS.items() for prev in prevs]


def _moves(prevs, devs) -> list:
    """Per state, its steps: (reading, its score's key, has_dev after it; None: the line's own)."""
    def key(lab: str, prev: str | None):
        kinds = _SCORE_PREVS[lab]
        return lab, (prev if prev in kinds else kinds[0])
    return [((prev, has_dev), [(lab, key(lab, prev), None if lab == "new" else has_dev or lab in ("dev", "devw"))
                               for lab in READINGS if _may_follow(lab, prev, has_dev)])
            for prev in prevs for has_dev in devs]


_FIRST = _moves((None,), (False,))
_MOVES = _moves(READINGS, (False, True))


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
        lo = n - (m - 1 - i) if n is not None else 0
        nxt: dict = {}
        back: dict = {}
        for state, s0 in layer.items():
            k, d, prev, has_dev = state
            for lab, after, s in steps.get((prev, has_dev), ()):
                nk = k + (lab == "new") if n is not None else 0
                if n is not None and not (lo <= nk <= n):
                    continue
                key = (nk, min(devs_needed, d + (after and not (has_dev and lab != "new"))), lab, after)
                v = s0 + s + (price if lab == "new" else 0.0)
                if v > nxt.get(key, NEG):
                    nxt[key], back[key] = v, state
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
    for key in sorted(layer, key=lambda key: -key[1]):
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
