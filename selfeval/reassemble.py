"""Stage 4: reassemble wrapped cells.

Context enters here, but only the context of neighbouring lines; where things belong in the
table is the next stage's job. Given the classified lines of one form, this stage

- joins runs of label pieces into printed labels (``经济成本指`` / ``标`` -> 经济成本指标), by a
  small search over where each label ends, so that ``满意度指标`` / ``服务对象满`` / ``意度指标``
  gives two labels;
- rebuilds value rows whose cells wrapped (``319.93(万`` / ``元)`` … ``20.00 18.00``);
- cuts the remaining free text into goal paragraphs (prose wider than any table cell) and the
  entries of the 三级指标 column (a name, wrapped or not, and its deviation text), choosing the
  cut that yields exactly one entry per value row.
"""
from __future__ import annotations

import attrs
import regex

from .cells import (
    QUANT_MIDDLE_RE, QUANT_RE, QUANT_TAIL_RE, ends_clause, ends_sentence, has_han, join_wrapped,
    open_parens, parse_number, punctuation_count, width,
)
from .classify import Classified
from .params import Params
from .vocab import BOILERPLATE_PATTERNS, LABELS, LEVEL2

BOILERPLATE = [regex.compile(p) for p in BOILERPLATE_PATTERNS]

NEG = float("-inf")


@attrs.define
class Label:
    text: str
    lines: list[int]


@attrs.define
class LabelRun:
    """Consecutive label lines (blank lines allowed between) and the labels they spell."""

    labels: list[Label]
    first: int          # index of the run's first item
    last: int           # index of the run's last item

    @property
    def level2(self) -> list[Label]:
        return [x for x in self.labels if x.text in LEVEL2]


@attrs.define
class Row:
    """One indicator value row: 年度指标值 实际完成值 分值 得分, with any inline labels."""

    target: str
    actual: str
    weight: float | None
    score: float | None
    labels: list[str]
    lines: list[int]
    first: int          # index of the row's first item
    last: int

    @property
    def lost_points(self) -> bool:
        return self.weight is not None and self.score is not None and self.score < self.weight - 0.005


@attrs.define
class Pair:
    """Two bare numbers on a line not used by a wrapped row."""

    a: float
    b: float
    line: int
    index: int


@attrs.define
class FreeLine:
    """A line of free text, with what stood between it and the free line before it."""

    no: int
    text: str
    index: int
    gap: str = "none"           # none | blank | sep
    after_names_header: bool = False


@attrs.define
class Paragraph:
    lines: list[FreeLine]

    @property
    def text(self) -> str:
        return join_wrapped([x.text for x in self.lines])

    @property
    def numbers(self) -> list[int]:
        return [x.no for x in self.lines]


@attrs.define
class Entry:
    """One cell of the 三级指标 column with its 偏差原因分析及改进措施 (deviation) text."""

    name_lines: list[FreeLine]
    dev_pieces: list[str] = attrs.field(factory=list)
    dev_lines: list[int] = attrs.field(factory=list)
    new_unit: bool = True             # a blank or another line stands before it
    after_names_header: bool = False
    after_separator: bool = False     # another block (not only blank lines) stands before it

    @property
    def name(self) -> str:
        first = self.name_lines[0].text.split(None, 1)[0]
        return join_wrapped([first] + [x.text for x in self.name_lines[1:]])

    @property
    def deviation(self) -> str | None:
        return join_wrapped(self.dev_pieces) or None

    @property
    def lines(self) -> list[int]:
        return sorted({x.no for x in self.name_lines} | set(self.dev_lines))


# --- labels ------------------------------------------------------------------------------------

def _segment_labels(run: list[Classified]) -> tuple[list[Label], set[int]]:
    """Best split of consecutive label pieces into whole labels; returns the labels and the
    indices (into ``run``) of pieces that spell no label."""
    n = len(run)
    best: list[tuple[int, int, list]] = [(0, 0, [])] + [(NEG, 0, [])] * n  # (covered, -labels, plan)
    for i in range(1, n + 1):
        cand = (best[i - 1][0], best[i - 1][1], best[i - 1][2] + [("skip", i - 1, i)])
        for j in range(i - 1, -1, -1):
            text = "".join(x.text.replace(" ", "") for x in run[j:i])
            if len(text) > max(map(len, LABELS)):
                break
            if text in LABELS and best[j][0] != NEG:
                c = (best[j][0] + (i - j), best[j][1] - 1, best[j][2] + [("label", j, i)])
                if c[:2] > cand[:2]:
                    cand = c
        best[i] = cand
    labels, skipped = [], set()
    for what, j, i in best[n][2]:
        if what == "label":
            labels.append(Label("".join(x.text.replace(" ", "") for x in run[j:i]),
                                [x.no for x in run[j:i]]))
        else:
            skipped.add(j)
    return labels, skipped


def join_labels(items: list[Classified]) -> list[LabelRun]:
    """Find runs of label pieces, join them into labels; pieces that spell no label become
    free text."""
    runs: list[LabelRun] = []
    i = 0
    while i < len(items):
        if items[i].kind != "label":
            i += 1
            continue
        members = [i]
        j = i + 1
        while j < len(items) and items[j].kind in ("label", "blank"):
            if items[j].kind == "label":
                members.append(j)
            j += 1
        labels, skipped = _segment_labels([items[k] for k in members])
        for s in skipped:
            items[members[s]].kind = "text"
        kept = [members[k] for k in range(len(members)) if k not in skipped]
        if labels:
            # split the run where a skipped piece interrupts it
            runs.extend(_runs_of(labels, kept, items))
        i = j
    return runs


def _runs_of(labels: list[Label], kept: list[int], items: list[Classified]) -> list[LabelRun]:
    by_no = {items[k].no: k for k in kept}
    out: list[LabelRun] = []
    for lab in labels:
        first, last = by_no[lab.lines[0]], by_no[lab.lines[-1]]
        if out and all(items[k].kind == "blank" for k in range(out[-1].last + 1, first)):
            out[-1].labels.append(lab)
            out[-1].last = last
        else:
            out.append(LabelRun([lab], first, last))
    return out


# --- value rows --------------------------------------------------------------------------------

def _num(text: str) -> float | None:
    try:
        return parse_number(text)
    except ValueError:
        return None


def _cells_from_pieces(pieces: list[str]) -> list[str]:
    """Pieces of cells in reading order -> cells: a piece continues the cell before it while
    that cell's unit bracket is still open."""
    cells: list[str] = []
    for p in pieces:
        if cells and open_parens(cells[-1]) > 0:
            cells[-1] = join_wrapped([cells[-1], p])
        else:
            cells.append(p)
    return cells


def _is_cell(text: str) -> bool:
    """A whole 年度指标值 / 实际完成值 cell: a quantity, or words with balanced brackets."""
    return bool(QUANT_RE.match(text)) or (has_han(text) and open_parens(text) == 0
                                          and not text.startswith((")", "）")))


def assemble_rows(items: list[Classified], params: Params) -> tuple[list[Row], list[Pair]]:
    """Value rows in reading order (the backbone of the indicator table), and the pairs of
    bare numbers that closed no wrapped row."""
    rows: list[Row] = []
    pairs: list[Pair] = []
    pending: list[tuple[int, str]] = []      # (item index, piece)
    labels: list[str] = []                   # labels printed on a piece line

    def drop_pending():
        for k, _ in pending:
            items[k].kind = "text"
        pending.clear()
        labels.clear()

    for i, it in enumerate(items):
        if it.kind == "value_row":
            drop_pending()
            f = it.fields
            rows.append(Row(f["target"], f["actual"], _num(f["weight"]), _num(f["score"]),
                            list(f["labels"]), [it.no], i, i))
        elif it.kind == "pieces":
            labels.extend(it.fields.get("labels", ()))
            for p in it.fields["pieces"]:
                pending.append((i, p))
        elif it.kind == "text" and pending and open_parens(join_wrapped([p for _, p in pending])) > 0 \
                and (QUANT_TAIL_RE.match(it.text) or QUANT_MIDDLE_RE.match(it.text)) \
                and len({k for k, _ in pending}) < params.max_unit_pieces * 2:
            it.kind = "pieces"                # the middle of a unit cut twice: 元/ | 人/ | 年)
            it.fields = {"pieces": [it.text]}
            pending.append((i, it.text))
        elif it.kind == "pair":
            a, b = _num(it.fields["a"]), _num(it.fields["b"])
            cells = _cells_from_pieces([p for _, p in pending])
            if len(cells) == 2 and all(_is_cell(c) for c in cells):
                idx = sorted({k for k, _ in pending})
                rows.append(Row(cells[0], cells[1], a, b, list(labels),
                                [items[k].no for k in idx] + [it.no], idx[0], i))
                pending.clear()
                labels.clear()
            else:
                drop_pending()
                pairs.append(Pair(a, b, it.no, i))
    drop_pending()
    return rows, pairs


# --- free text: goals and the 三级指标 column --------------------------------------------------

FREE_KINDS = ("text",)


def free_lines(items: list[Classified]) -> list[FreeLine]:
    """The free text lines in reading order, each with the gap before it: ``none`` (the line
    right before it is free text too), ``blank`` (only blank lines between) or ``sep`` (some
    other line between, such as a label or a header)."""
    out: list[FreeLine] = []
    gap = "sep"
    header = False
    for i, it in enumerate(items):
        if it.kind == "blank":
            gap = "blank" if gap == "none" else gap
        elif it.kind in FREE_KINDS:
            out.append(FreeLine(it.no, it.text, i, gap, header))
            gap, header = "none", False
        else:
            gap = "sep"
            header = header or it.kind == "names_header"
    return out


def _widest_segment(text: str) -> int:
    return max((width(s) for s in text.split()), default=0)


def goal_paragraphs(lines: list[FreeLine], params: Params) -> list[Paragraph]:
    """Prose wider than any table cell, with the short last lines of its paragraphs.

    A paragraph goes on across a blank line when its line before the blank is full (within
    ``full_line_slack`` of the paragraph's widest line) and ends no sentence: pdftotext puts
    blank lines inside wrapped cells.
    """
    paras: list[Paragraph] = []
    current: list[FreeLine] = []
    widest = 0

    def close():
        nonlocal current, widest
        if current:
            paras.append(Paragraph(current))
        current, widest = [], 0

    for fl in lines:
        wide = _widest_segment(fl.text) >= params.goal_min_width
        if current:
            prev = current[-1]
            full = width(prev.text) >= widest - params.full_line_slack
            cont_ok = fl.gap != "sep" and full and not ends_sentence(prev.text)
            if wide and (fl.gap == "none" or cont_ok):
                current.append(fl)
                widest = max(widest, width(fl.text))
                continue
            if not wide and cont_ok:
                current.append(fl)      # the short last line of the paragraph
                close()
                continue
            close()
        if wide:
            current = [fl]
            widest = width(fl.text)
    close()
    return paras


def _entry_scores(lines: list[FreeLine], params: Params):
    """Per line: the evidence for each reading of it, given the line before it and its
    reading. Readings: ``new`` (a name starts an entry; text after a space is its deviation),
    ``tail`` (the wrapped end of the name before), ``dev`` (the entry's deviation starts),
    ``cont`` (the deviation goes on). Returns score(i, reading, previous reading, has_dev)."""
    single = [x.text for x in lines if len(x.text.split()) == 1]
    name_max = max((width(t) for t in single), default=0)
    name_full = name_max - params.cell_full_slack
    punct = [width(t) for t in single if punctuation_count(t)]
    dev_full = max(punct or [width(t) for t in single] or [0]) - params.cell_full_slack

    def new(x: FreeLine) -> float:
        parts = x.text.split(None, 1)
        head = parts[0]
        s = 1.0 if len(parts) > 1 else 0.0      # name and deviation side by side
        if any(p.match(x.text) for p in BOILERPLATE):
            s -= params.stray_penalty
        if ends_clause(head):
            s -= 4
        elif ends_sentence(head):
            s -= 3
        elif punctuation_count(head):
            s -= 1.5
        if len(head) <= 2:
            s -= 2
        if not has_han(head):
            s -= 4
        return s

    def prose(x: FreeLine) -> float:
        """A deviation line: a piece of a sentence; a name with its deviation beside it is not."""
        parts = x.text.split(None, 1)
        s = 0.0
        if len(parts) > 1 and not punctuation_count(parts[0]):
            s -= 5
        if x.gap == "sep":
            s -= 3
        return s

    def score(i: int, label: str, prev: str | None, has_dev: bool) -> float:
        x = lines[i]
        if label == "new":
            # a one-line deviation stands beside its name; on a line of its own it is rare
            return new(x) - (params.lone_deviation_penalty if prev == "dev" else 0.0)
        if label == "stray":
            # not of this column at all: page furniture, or no Chinese character in it
            if not has_han(x.text) or any(p.match(x.text) for p in BOILERPLATE):
                return 0.0
            return -params.stray_penalty
        if prev is None or prev == "stray":
            return NEG
        p = lines[i - 1]
        if label == "tail":
            if has_dev or prev not in ("new", "tail") or len(x.text.split()) > 1 or x.gap == "sep":
                return NEG
            if width(p.text) < name_full:
                return NEG
            if len(x.text) <= params.name_tail_short:
                s = 1.0
            elif len(x.text) <= params.name_tail_long:
                s = 0.0
            else:
                s = -2.0
            if width(p.text) >= name_max - 1:
                s += 1.0                # the line before fills the column to the last character
            if punctuation_count(x.text):
                s -= 3
            return s
        if label == "dev":
            if has_dev:
                return NEG
            s = prose(x)
            if ends_clause(x.text) or ends_sentence(x.text):
                s += 3
            elif punctuation_count(x.text):
                s += 1
            else:
                s -= 1.5
            return s
        if label == "cont":
            if not has_dev:
                return NEG
            before = p.text.split(None, 1)[-1] if prev == "new" else p.text
            s = prose(x)
            if ends_sentence(before):
                s -= 3
            elif width(before) >= dev_full:
                s += 2                  # the line before was cut mid-sentence at the column's edge
            else:
                s -= 1
            if ends_clause(x.text) or ends_sentence(x.text):
                s += 1
            elif not punctuation_count(x.text):
                s -= 2.5                # a run of full lines with no punctuation is a column of names
            return s
        return NEG

    return score


READINGS = ("new", "tail", "dev", "cont", "stray")


def _reading_table(lines: list[FreeLine], params: Params) -> list[list[tuple]]:
    """Per line, the allowed steps (previous reading, has_dev before, reading, has_dev after,
    score); computed once so that the searches below only add numbers."""
    score = _entry_scores(lines, params)
    table = []
    for i, fl in enumerate(lines):
        inline_dev = len(fl.text.split()) > 1
        steps = []
        for prev in ((None,) if i == 0 else READINGS):
            for has_dev in ((False,) if i == 0 else (False, True)):
                for lab in READINGS:
                    s = score(i, lab, prev, has_dev)
                    if s == NEG:
                        continue
                    if lab == "new":
                        after = inline_dev
                    else:
                        after = has_dev or lab == "dev"
                    steps.append((prev, has_dev, lab, after, s))
        table.append(steps)
    return table


def _best_readings(table: list[list[tuple]], n: int | None, lone_dev_penalty: float
                   ) -> tuple[list[str], float] | None:
    """Best sequence of readings and its score; with ``n``, only those with exactly ``n``
    new entries."""
    m = len(table)
    # state: (entries so far, reading, has_dev) -> (score, back state)
    layer: dict = {(0, None, False): (0.0, None)}
    history = []
    for i, steps in enumerate(table):
        lo = 0 if n is None else n - (m - 1 - i)    # enough lines left to reach n
        nxt: dict = {}
        for (k, prev, has_dev), (s0, _) in layer.items():
            for p, hd, lab, after, s in steps:
                if p != prev or hd != has_dev:
                    continue
                nk = k + (lab == "new")
                if n is not None and not (lo <= nk <= n):
                    continue
                key = (nk if n is not None else 0, lab, after)
                total = s0 + s
                if key not in nxt or total > nxt[key][0]:
                    nxt[key] = (total, (k if n is not None else 0, prev, has_dev))
        history.append(nxt)
        layer = nxt
    ends = [key for key in layer if n is None or key[0] == n]
    if not ends:
        return None
    def final(x):
        return layer[x][0] - (lone_dev_penalty if x[1] == "dev" else 0.0)

    key = max(ends, key=final)
    best = final(key)
    seq = []
    for i in range(m - 1, -1, -1):
        seq.append(key[1])
        key = history[i][key][1]
    seq.reverse()
    return seq, best


@attrs.define
class EntryCut:
    """The 三级指标 column cut into entries."""

    entries: list[Entry]
    exact: bool                   # one entry per value row
    stray: list[int]              # lines that belong to no entry
    forced: list[int]             # lines read against their looks to reach one entry per row
    forced_cost: float            # how much evidence that overrode


def name_entries(lines: list[FreeLine], n: int, params: Params) -> EntryCut:
    """Cut the 三级指标 column's lines into entries, one per value row (``n``) when the lines
    allow it, maximising the evidence of each line's reading."""
    if not lines:
        return EntryCut([], n == 0, [], [], 0.0)
    table = _reading_table(lines, params)
    seq, free_score = _best_readings(table, None, params.lone_deviation_penalty)
    exact = seq.count("new") == n
    forced: list[int] = []
    cost = 0.0
    if not exact:
        constrained = _best_readings(table, n, params.lone_deviation_penalty)
        if constrained is not None:
            forced = [fl.no for fl, a, b in zip(lines, seq, constrained[0]) if a != b]
            cost = free_score - constrained[1]
            seq, exact = constrained[0], True
    entries: list[Entry] = []
    stray: list[int] = []
    for fl, lab in zip(lines, seq):
        if lab == "new":
            parts = fl.text.split(None, 1)
            e = Entry([fl], new_unit=fl.gap != "none", after_names_header=fl.after_names_header,
                      after_separator=fl.gap == "sep")
            if len(parts) > 1:
                e.dev_pieces.append(parts[1])
                e.dev_lines.append(fl.no)
            entries.append(e)
        elif lab == "stray":
            stray.append(fl.no)
        elif lab == "tail":
            entries[-1].name_lines.append(fl)
        else:
            entries[-1].dev_pieces.append(fl.text)
            entries[-1].dev_lines.append(fl.no)
    return EntryCut(entries, exact, stray, forced, cost)
