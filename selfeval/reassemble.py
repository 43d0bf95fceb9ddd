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
    QUANT_RE, ends_clause, ends_sentence, has_han, join_wrapped,
    open_parens, parse_cell, parse_number, prose_marks, starts_with_punctuation, width,
)
from .classify import Classified, is_label_piece
from .cues import name_groups
from .legacy_params import Params
from .vocab import (
    ACHIEVEMENT_WORDS, BOILERPLATE_PATTERNS, INDICATOR_ENDINGS, LABELS, LEVEL1, LEVEL2, NAME_SHAPES,
)

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
        # one line printing several whole labels side by side (成本指标 经济成本指标)
        tokens = run[i - 1].text.split()
        if len(tokens) > 1 and all(t in LABELS for t in tokens) and best[i - 1][0] != NEG:
            c = (best[i - 1][0] + 1, best[i - 1][1] - len(tokens), best[i - 1][2] + [("labels", i - 1, i)])
            if c[:2] > cand[:2]:
                cand = c
        best[i] = cand
    labels, skipped = [], set()
    for what, j, i in best[n][2]:
        if what == "labels":
            labels.extend(Label(t, [run[j].no]) for t in run[j].text.split())
        elif what == "label":
            labels.append(Label("".join(x.text.replace(" ", "") for x in run[j:i]),
                                [x.no for x in run[j:i]]))
        else:
            skipped.add(j)
    return labels, skipped


def join_labels(items: list[Classified], cut_shared_lines: bool = True) -> list[LabelRun]:
    """Find runs of label pieces, join them into labels; pieces that spell no label become
    free text. With ``cut_shared_lines``, a label's last piece printed at the start of a
    line of other text joins the label and is cut off that line."""
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
        run = [items[k] for k in members]
        if cut_shared_lines and j < len(items) and (head := _label_ending_line(run, items[j])):
            # the label's last piece printed on the line of other text (目标 预计覆盖…): the
            # piece joins the label, the rest of the line stays text
            line = items[j].line
            run.append(Classified(attrs.evolve(line, text=head), "label"))
            items[j].line = attrs.evolve(line, text=line.text.strip()[len(head):].strip())
            members.append(j)
        labels, skipped = _segment_labels(run)
        for s in skipped:
            items[members[s]].kind = "text"
        kept = [members[k] for k in range(len(members)) if k not in skipped]
        if labels:
            # split the run where a skipped piece interrupts it
            runs.extend(_runs_of(labels, kept, items))
        i = j
    return runs


def _label_ending_line(run: list[Classified], nxt: Classified) -> str | None:
    """The first token of ``nxt`` when it ends a label begun by the last pieces of ``run``."""
    if nxt.kind != "text":
        return None
    head, _, rest = nxt.text.partition(" ")
    if not rest.strip() or not is_label_piece(head):
        return None
    text = head
    for piece in reversed(run):
        text = piece.text.replace(" ", "") + text
        if text in LABELS:
            return head
    return None


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


def _is_cell(text: str) -> bool:
    """A whole 年度指标值 / 实际完成值 cell: a quantity, or words with balanced brackets."""
    return bool(QUANT_RE.match(text)) or (has_han(text) and open_parens(text) == 0
                                          and not text.startswith((")", "）")))


def _table_piece(text: str, params: Params) -> tuple[list[str], str] | None:
    """A short line inside the table that may be a piece of a wrapped cell (控制在预算 / 内),
    after any 一级/二级 labels printed on it."""
    tokens = text.split()
    k = 0
    while k < len(tokens) - 1 and (tokens[k] in LEVEL1 or tokens[k] in LEVEL2):
        k += 1
    rest = tokens[k:]
    if len(rest) != 1 or width(rest[0]) > params.cell_piece_width or prose_marks(rest[0]):
        return None
    return tokens[:k], rest[0]


def _split_cells(pieces: list[str]) -> tuple[str, str] | None:
    """The pieces of two wrapped cells, in reading order -> (年度指标值, 实际完成值): every split
    that leaves both cells whole (brackets balanced) is weighed; an actual that reads as one
    (达成指标, a quantity) and two quantities of one unit are preferred."""
    best, best_key = None, None
    for j in range(1, len(pieces)):
        target, actual = join_wrapped(pieces[:j]), join_wrapped(pieces[j:])
        if not (_is_cell(target) and _is_cell(actual)):
            continue
        t, a = parse_cell(target), parse_cell(actual)
        key = (2 * (actual in ACHIEVEMENT_WORDS or a is not None)
               + (t is not None and a is not None and t[2] == a[2])
               + (t is not None or target not in ACHIEVEMENT_WORDS), -j)
        if best_key is None or key > best_key:
            best, best_key = (target, actual), key
    return best


def assemble_rows(items: list[Classified], params: Params) -> tuple[list[Row], list[Pair]]:
    """Value rows in reading order (the backbone of the indicator table), and the pairs of
    bare numbers that closed no wrapped row.

    A row whose cells are wider than their columns comes as pieces on lines of their own and
    ends with its 分值 得分 pair: quantitative pieces (``319.93(万`` / ``元)``) wherever they
    stand, and short text lines (``控制在预算`` / ``内`` / ``达成指标``) while inside the table,
    that is after the indicator header or a row with nothing but labels and blank lines since.
    """
    rows: list[Row] = []
    pairs: list[Pair] = []
    pending: list[tuple[int, str]] = []      # (item index, piece)
    labels: list[str] = []                   # labels printed on a piece line
    borrowed: dict[int, tuple[str, dict]] = {}  # text lines taken as pieces: their old reading
    in_table = False

    def drop_pending():
        for k, _ in pending:
            kind, fields = borrowed.get(k, ("text", {}))
            items[k].kind, items[k].fields = kind, fields
        pending.clear()
        labels.clear()
        borrowed.clear()

    for i, it in enumerate(items):
        if it.kind == "value_row":
            drop_pending()
            f = it.fields
            rows.append(Row(f["target"], f["actual"], _num(f["weight"]), _num(f["score"]),
                            list(f["labels"]), [it.no], i, i))
            in_table = True
        elif it.kind == "pieces":
            labels.extend(it.fields.get("labels", ()))
            for p in it.fields["pieces"]:
                pending.append((i, p))
        elif it.kind == "text" and (in_table or pending) and _table_piece(it.text, params):
            head, piece = _table_piece(it.text, params)
            borrowed[i] = (it.kind, it.fields)
            it.kind, it.fields = "pieces", {"labels": head, "pieces": [piece]}
            labels.extend(head)
            pending.append((i, piece))
        elif it.kind == "pair":
            a, b = _num(it.fields["a"]), _num(it.fields["b"])
            cells = _split_cells([p for _, p in pending]) if len(pending) > 1 else None
            if cells:
                idx = sorted({k for k, _ in pending})
                rows.append(Row(cells[0], cells[1], a, b, list(labels),
                                [items[k].no for k in idx] + [it.no], idx[0], i))
                pending.clear()
                labels.clear()
                borrowed.clear()
                in_table = True
            else:
                drop_pending()
                pairs.append(Pair(a, b, it.no, i))
                in_table = False
        elif it.kind == "indicator_header":
            in_table = True
        elif it.kind not in ("blank", "label"):
            drop_pending()
            in_table = False
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


def name_words(text: str, params: Params) -> float:
    """How much a line reads as an indicator name: it has the shape of one (X（含Y）…), it
    names an indicator type (准确率, 满意度 …), and more so when it also ends the way
    indicator names end."""
    shape = params.name_word_bonus if any(w in text for w in NAME_SHAPES) else 0.0
    if not name_groups(text):
        return shape
    return shape + params.name_word_bonus * (2.0 if text.endswith(INDICATOR_ENDINGS) else 0.5)


def _name_and_text(text: str) -> bool:
    """``名称 偏差说明…``: a name (Chinese, no sentence punctuation) and more text after a
    space, the shape of a 三级 name with its deviation beside it."""
    parts = text.split(None, 1)
    return len(parts) == 2 and has_han(parts[0]) and not prose_marks(parts[0])


def _widest_segment(text: str) -> int:
    return max((width(s) for s in text.split()), default=0)


def goal_paragraphs(lines: list[FreeLine], params: Params) -> list[Paragraph]:
    """Prose wider than any table cell, with the short last lines of its paragraphs.

    The goal texts span several columns of the table, so their column is the widest of the
    form: a line is goal prose when a segment of it is within ``goal_slack`` of the widest
    segment of the form's free text (and at least ``goal_min_width`` wide). A form has two
    goal texts; when only one is that wide, the other may be a short one: one narrower line
    (``short_goal_min_width`` at least, no space in it, ending a sentence) right after
    another block or after the other goal text, where no deviation line ever stands (a
    deviation follows its name) and which no name looks like (no name ends a sentence).

    A paragraph goes on across a blank line when its line before the blank is full (within
    ``full_line_slack`` of the paragraph's widest line) and ends no sentence: pdftotext puts
    blank lines inside wrapped cells.
    """
    form_widest = max((_widest_segment(fl.text) for fl in lines), default=0)
    threshold = max(params.goal_min_width, form_widest - params.goal_slack)
    paras = _prose(lines, threshold, params, after=set())
    for _ in range(2):
        if len(paras) >= 2:
            break
        taken = {fl.no for p in paras for fl in p.lines}
        short = [p for p in _prose(lines, params.short_goal_min_width, params, after=taken, chain=False)
                 if len(p.lines) == 1 and p.lines[0].no not in taken
                 and len(p.lines[0].text.split()) == 1 and ends_sentence(p.lines[0].text)]
        short.sort(key=lambda p: -max(width(fl.text) for fl in p.lines))
        paras = sorted(paras + short[:2 - len(paras)], key=lambda p: p.lines[0].no)
        # the other goal may be a wide one that follows the short one
        taken = {fl.no for p in paras for fl in p.lines}
        wide = [p for p in _prose(lines, threshold, params, after=taken)
                if not taken & {fl.no for fl in p.lines}]
        paras = sorted(paras + wide[:max(0, 2 - len(paras))], key=lambda p: p.lines[0].no)
    return paras


def goal_paragraphs_in_order(lines: list[FreeLine], params: Params) -> list[Paragraph]:
    """Row-order modes: the goal texts come whole, one after the other. A run of free lines
    (no other line between) is cut after a line that ends a sentence short of the
    paragraph's width, or before a line much wider than the paragraph (another column);
    a paragraph without sentence punctuation is no goal text."""
    paras: list[Paragraph] = []
    current: list[FreeLine] = []
    widest = 0

    def close() -> None:
        nonlocal current, widest
        if current and any(prose_marks(x.text) for x in current):
            paras.append(Paragraph(current))
        current, widest = [], 0

    for k, fl in enumerate(lines):
        w = width(fl.text)
        if current and (fl.gap == "sep" or (w > widest + params.full_line_slack
                                            and ends_sentence(current[-1].text))):
            close()
        current.append(fl)
        widest = max(widest, w)
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if ends_sentence(fl.text) and (w < widest - params.full_line_slack or (
                nxt is not None and width(nxt.text) > w + params.full_line_slack)):
            close()
    close()
    return paras


def _prose(lines: list[FreeLine], threshold: int, params: Params, after: set[int],
           chain: bool = True) -> list[Paragraph]:
    """Paragraphs of lines at least ``threshold`` wide that start as a block of their own:
    right after another block, or right after a goal text (one of ``after``, or with
    ``chain`` one found here) — never under a line of the 三级 column, where a deviation
    starts."""
    paras: list[Paragraph] = []
    current: list[FreeLine] = []
    widest = 0
    goal_lines = set(after)

    def close():
        nonlocal current, widest
        # goal texts are sentences: a run of wide lines without sentence punctuation is names
        if current and any(prose_marks(x.text) for x in current):
            paras.append(Paragraph(current))
            if chain:
                goal_lines.update(x.no for x in current)
        current, widest = [], 0

    previous = None
    for fl in lines:
        after_goal = previous is not None and (previous.no in goal_lines or (chain and previous in current))
        starts_here = ((fl.gap == "sep" or (after_goal and fl.gap == "blank"))
                       and not _name_and_text(fl.text)
                       and not (name_words(fl.text, params) >= 2 * params.name_word_bonus
                                and not prose_marks(fl.text)))   # an indicator name
        previous = fl
        wide = _widest_segment(fl.text) >= threshold or (
            # inside a paragraph a full line counts whole, printed spaces and all (〔2022〕23 号)
            bool(current) and fl.gap == "none" and width(fl.text) >= widest - params.full_line_slack)
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
        if wide and starts_here:
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
    # the 三级 column's width, from lines that are surely names: a name with its deviation
    # beside it, a line right after another block (a chunk starts with a name), a line that
    # names an indicator type; failing those, any line without sentence punctuation
    names = [x.text.split(None, 1)[0] for x in lines if _name_and_text(x.text)]
    names += [x.text for x in lines if len(x.text.split()) == 1 and not prose_marks(x.text)
              and (x.gap == "sep" or name_groups(x.text))]
    namelike = names or [t for t in single if not prose_marks(t)] or single
    name_max = max((width(t) for t in namelike), default=0)
    name_full = name_max - params.cell_full_slack
    punct = [width(t) for t in single if prose_marks(t)]
    dev_max = max(punct or [width(t) for t in single] or [0])
    dev_full = dev_max - params.cell_full_slack

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
        elif prose_marks(head):   # 、 lists subjects in many names
            s -= 1.5
        if len(head) <= 2:
            s -= 2
        elif len(head) <= 4:
            s -= 1                      # names this short are rare
        if not has_han(head):
            s -= 4
        if starts_with_punctuation(head):
            s -= 3                      # it goes on with the sentence of the line above
        s += name_words(head, params)
        return s

    def prose(x: FreeLine) -> float:
        """A deviation line: a piece of a sentence; a name with its deviation beside it is not,
        nor a line that names an indicator type and has no sentence punctuation."""
        parts = x.text.split(None, 1)
        s = 0.0
        if len(parts) > 1 and not prose_marks(parts[0]):
            s -= 5
        if not prose_marks(x.text):
            s -= name_words(x.text, params)
        if x.gap == "sep":
            s -= 3
        return s

    # what does not depend on the line before, once per line
    widths = [width(x.text) for x in lines]
    new_score = [new(x) for x in lines]
    prose_score = [prose(x) for x in lines]
    # not of this column at all: page furniture, or no Chinese character in it
    stray_score = [0.0 if not has_han(x.text) or any(p.match(x.text) for p in BOILERPLATE)
                   else -params.stray_penalty for x in lines]

    def score(i: int, label: str, prev: str | None, has_dev: bool) -> float:
        x = lines[i]
        if label == "new":
            s = new_score[i]
            # a one-line deviation stands beside its name; on a line of its own it is rare
            if prev == "dev":
                s -= params.lone_deviation_penalty
            return s
        if label == "stray":
            return stray_score[i]
        if prev is None or prev == "stray":
            return NEG
        p = lines[i - 1]
        if label == "tail":
            if has_dev or prev not in ("new", "tail") or len(x.text.split()) > 1 or x.gap == "sep":
                return NEG
            if widths[i - 1] < name_full:
                return NEG
            s = 1.0 if len(x.text) <= params.name_tail_short else 0.0
            if widths[i] >= name_full:
                s -= 1.0                # a tail that fills the column too: a name of three lines
            if prev == "tail":
                s -= 1.0                # … or already the third line of one
            if prose_marks(p.text):
                s -= 2.0                # the line before reads as prose, not as a name
            if open_parens(p.text) > 0:
                s += 1.0                # … or leaves a bracket open that this line closes
            if widths[i - 1] >= name_max - 1:
                s += 1.0                # the line before fills the column to the last character
            # … and ends the way a whole name ends, or stops mid-name
            s += -1.0 if p.text.endswith(INDICATOR_ENDINGS) else 1.0
            if x.text.endswith(INDICATOR_ENDINGS):
                s += 0.5                # the tail ends the name the way names end
            before, here = name_groups(p.text), name_groups(x.text)
            if before and here and not before & here:
                s -= 2.0                # two indicator types: two names, not one wrapped
            if x.gap == "blank":
                s -= params.tail_after_blank    # a blank line usually opens a new chunk
            if prose_marks(x.text):
                s -= 3
            return s
        if label in ("dev", "devw"):
            if has_dev or (label == "devw") != (prev == "tail"):
                return NEG
            s = prose_score[i]
            if not has_han(x.text) or starts_with_punctuation(x.text):
                s -= 3                  # a deviation starts with words, not with ， or 。
            if ends_clause(x.text) or ends_sentence(x.text):
                s += 3
            elif prose_marks(x.text):
                s += 1
            elif label == "dev":
                s -= 1.5
            elif not name_groups(x.text):
                s += 0.5                # under a wrapped name a one-line deviation is expected
            # a deviation stands right under its name; after a blank line a new chunk, which
            # starts with a name, is likelier
            s += 0.5 if x.gap == "none" else -1.0
            return s
        if label in ("cont", "contb"):
            # contb: the continuation right after a blank line inside the deviation
            if not has_dev or (label == "contb") != (x.gap == "blank"):
                return NEG
            before = p.text.split(None, 1)[-1] if prev == "new" else p.text
            s = prose_score[i]
            if prev == "contb":
                s -= 3                  # the blank inside a wrapped cell comes before its last line
            if prev == "new":
                # a deviation beside its name fits that line; a longer one is wrapped below
                s -= params.inline_deviation_goes_on
            if ends_sentence(before):
                s -= 3
            elif width(before) >= dev_full:
                s += 2                  # the line before was cut mid-sentence at the column's edge
            else:
                s -= 1
            if name_max < dev_full and name_max - 1 <= widths[i] < dev_full:
                s -= 2                  # it fills the name column, not the deviation column:
                #                         the first line of a wrapped name
            if ends_clause(x.text) or ends_sentence(x.text):
                s += 1
            elif not prose_marks(x.text) and widths[i] >= dev_full:
                # a run of full lines with no punctuation is a column of names; after a line
                # that is prose, one such line is just the middle of a sentence
                s -= 0.5 if prose_marks(before) else 2.5
                nxt = lines[i + 1].text if i + 1 < len(lines) else ""
                if (label == "contb" and nxt.endswith(INDICATOR_ENDINGS) and not prose_marks(nxt)
                        and len(nxt.split()) == 1):
                    s -= 2              # … and after a blank, with a name's end under it: a wrapped name
            return s
        return NEG

    return score


# devw: a deviation that starts after a wrapped name (a one-line deviation stands between the
# name's lines there, so it is not "lone"); contb: a deviation line after a blank line
READINGS = ("new", "tail", "dev", "devw", "cont", "contb", "stray")


def _may_follow(lab: str, prev: str | None, has_dev: bool) -> bool:
    """The steps the scores allow at all (the rest score NEG whatever the line): a tail only
    under a name before any deviation, a deviation only once, a continuation only of one."""
    if lab in ("new", "stray"):
        return True
    if prev is None or prev == "stray":
        return False
    if lab == "tail":
        return not has_dev and prev in ("new", "tail")
    if lab in ("dev", "devw"):
        return not has_dev and (lab == "devw") == (prev == "tail")
    return has_dev


def _reading_table(lines: list[FreeLine], params: Params) -> list[dict]:
    """Per line, the allowed steps from each (previous reading, has_dev) to (reading,
    has_dev after, score); computed once so that the searches below only add numbers."""
    score = _entry_scores(lines, params)
    table = []
    for i, fl in enumerate(lines):
        inline_dev = len(fl.text.split()) > 1
        steps: dict = {}
        for prev in ((None,) if i == 0 else READINGS):
            for has_dev in ((False,) if i == 0 else (False, True)):
                for lab in READINGS:
                    if not _may_follow(lab, prev, has_dev):
                        continue
                    s = score(i, lab, prev, has_dev)
                    if s == NEG:
                        continue
                    after = inline_dev if lab == "new" else (has_dev or lab in ("dev", "devw"))
                    steps.setdefault((prev, has_dev), []).append((lab, after, s))
        table.append(steps)
    return table


def _best_readings(table: list[dict], n: int | None, devs_needed: int, params: Params,
                   k: int = 1) -> list[tuple[list[str], float]]:
    """The ``k`` best sequences of readings with their scores, best first; with ``n``, only
    those with exactly ``n`` new entries. A row that lost points has a deviation, so a cut
    with fewer entries with a deviation than ``devs_needed`` pays for each one missing."""
    m = len(table)
    if k == 1:
        return _best_reading(table, n, devs_needed, params)
    # state: (entries so far, deviations so far (capped), reading, has_dev)
    #   -> up to k paths (score, previous state, rank of the path there)
    layer: dict = {(0, 0, None, False): [(0.0, None, 0)]}
    history = []
    for i, steps in enumerate(table):
        lo = 0 if n is None else n - (m - 1 - i)    # enough lines left to reach n
        nxt: dict = {}
        for state, paths in layer.items():
            kk, d, prev, has_dev = state
            for lab, after, s in steps.get((prev, has_dev), ()):
                nk = kk + (lab == "new") if n is not None else 0
                if n is not None and not (lo <= nk <= n):
                    continue
                nd = min(devs_needed, d + (after and not (has_dev and lab != "new")))
                key = (nk, nd, lab, after)
                bucket = nxt.setdefault(key, [])
                for rank, (s0, _, _) in enumerate(paths):
                    bucket.append((s0 + s, state, rank))
        for key, bucket in nxt.items():
            bucket.sort(key=lambda x: -x[0])
            del bucket[k:]
        history.append(nxt)
        layer = nxt

    def final(key, score):
        return (score - (params.lone_deviation_penalty if key[2] == "dev" else 0.0)
                - params.cue_deviation_lost * (devs_needed - key[1]))

    ends = sorted(((final(key, path[0]), key, rank) for key, paths in layer.items()
                   if n is None or key[0] == n for rank, path in enumerate(paths)),
                  key=lambda x: -x[0])[:k]
    out = []
    for score, key, rank in ends:
        seq = []
        for i in range(m - 1, -1, -1):
            seq.append(key[2])
            _, back, back_rank = history[i][key][rank]
            key, rank = back, back_rank
        seq.reverse()
        out.append((seq, score))
    return out


def _final_score(key: tuple, score: float, devs_needed: int, params: Params) -> float:
    return (score - (params.lone_deviation_penalty if key[2] == "dev" else 0.0)
            - params.cue_deviation_lost * (devs_needed - key[1]))


def _best_reading(table: list[dict], n: int | None, devs_needed: int, params: Params
                  ) -> list[tuple[list[str], float]]:
    """``_best_readings`` with k = 1, the common case: one path per state, no ranks."""
    m = len(table)
    layer: dict = {(0, 0, None, False): 0.0}
    history: list[dict] = []
    counted = n is not None
    for i, steps in enumerate(table):
        lo = n - (m - 1 - i) if counted else 0
        nxt: dict = {}
        back: dict = {}
        for state, s0 in layer.items():
            kk, d, prev, has_dev = state
            for lab, after, s in steps.get((prev, has_dev), ()):
                if counted:
                    nk = kk + (lab == "new")
                    if not (lo <= nk <= n):
                        continue
                else:
                    nk = 0
                nd = min(devs_needed, d + (after and not (has_dev and lab != "new")))
                key = (nk, nd, lab, after)
                v = s0 + s
                if v > nxt.get(key, NEG):
                    nxt[key] = v
                    back[key] = state
        history.append(back)
        layer = nxt
    best_key, best = None, NEG
    for key, v in layer.items():
        if counted and key[0] != n:
            continue
        f = _final_score(key, v, devs_needed, params)
        if f > best:
            best_key, best = key, f
    if best_key is None:
        return []
    seq = []
    key = best_key
    for i in range(m - 1, -1, -1):
        seq.append(key[2])
        key = history[i][key]
    seq.reverse()
    return [(seq, best)]


@attrs.define
class EntryCut:
    """The 三级指标 column cut into entries."""

    entries: list[Entry]
    exact: bool                   # one entry per value row
    stray: list[int]              # lines that belong to no entry
    forced: list[int]             # lines read against their looks to reach one entry per row
    forced_cost: float            # how much evidence that overrode


def _cut(lines: list[FreeLine], seq: list[str]) -> tuple[list[Entry], list[int]]:
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


def name_entries(lines: list[FreeLine], n: int, params: Params, lost: int = 0,
                 alternatives: int = 0) -> list[EntryCut]:
    """Cut the 三级指标 column's lines into entries, one per value row (``n``) when the lines
    allow it, at least ``lost`` of them with a deviation (one per row that lost points),
    maximising the evidence of each line's reading. Returns the best cut; with
    ``alternatives``, also that many runners-up within ``params.cut_margin`` of it, for the
    rows to decide between when the text alone cannot."""
    if not lines:
        return [EntryCut([], n == 0, [], [], 0.0)]
    table = _reading_table(lines, params)
    # the common case first: the best reading, counting nothing, already fits the rows
    (seq, free_score), = _best_readings(table, None, 0, params)
    if _deviations(seq, lines) < lost and lost <= params.max_rows:
        (seq, free_score), = _best_readings(table, None, lost, params)
    if (seq.count("new") == n and not alternatives) or n > params.max_rows:
        # (more rows than a form has: the counted search would not end in time)
        entries, stray = _cut(lines, seq)
        return [EntryCut(entries, seq.count("new") == n, stray, [], 0.0)]
    results = _best_readings(table, n, lost, params, k=1 + alternatives)
    exact = bool(results)
    if not results:
        results = [(seq, free_score)]
    best = results[0][1]
    cuts = []
    for seq2, score in results:
        if best - score > params.cut_margin:
            break
        forced = [fl.no for fl, a, b in zip(lines, seq, seq2) if a != b]
        entries, stray = _cut(lines, seq2)
        cuts.append(EntryCut(entries, exact, stray, forced, max(0.0, free_score - score)))
    return cuts
