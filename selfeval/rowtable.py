"""Stage 4b: the indicator table when its rows come in row order, names inline.

pdftotext ``-raw`` (and producers whose default mode keeps rows together) print each row as
``[一级/二级 labels] 三级指标 年度指标值 实际完成值 分值 得分 [偏差原因…]`` on one line. A row
whose cells wrap comes as its name, the cell pieces (``≤1,297.67(元/`` / ``台/年)``), then its
``分值 得分`` pair; a deviation that wraps goes on over the lines after its row; a label cell
that wraps comes as label pieces before its first row.

``read_table(items, params)`` walks the table once, top to bottom (linear time), and returns
the rows with their names, deviations and labels; the items it used are marked ``cell``.
"""
from __future__ import annotations

import attrs

from .cells import (
    QUANT_HEAD_RE, QUANT_RE, ends_sentence, has_han, is_number, join_wrapped, prose_marks,
)
from .classify import Classified, is_cell_piece
from .model import Diagnostic
from .cues import name_groups
from .legacy_params import Params
from .reassemble import LabelRun, Row, _is_cell, _num, _split_cells, free_lines, goal_paragraphs_in_order
from .vocab import LEVEL1, LEVEL1_OF, LEVEL2

TABLE_LABELS = LEVEL1 + LEVEL2
TEXT_KINDS = ("text", "label")  # a piece of a label that spells none is text in the table

END_KINDS = ("total", "grade")
NEG = float("-inf")
Piece = tuple[int, str]         # (line number, text)


@attrs.define
class TableRow:
    row: Row
    name_pieces: list[str] = attrs.field(factory=list)
    name_lines: list[int] = attrs.field(factory=list)
    dev_pieces: list[str] = attrs.field(factory=list)
    dev_lines: list[int] = attrs.field(factory=list)
    level1: str | None = None
    level2: str | None = None
    detached: bool = False          # printed without its cells: they come after the table
    label_anchor: bool = False      # a 二级 label was read right before this row

    @property
    def name(self) -> str | None:
        return join_wrapped(self.name_pieces) or None

    @property
    def deviation(self) -> str | None:
        return join_wrapped(self.dev_pieces) or None


@attrs.define
class Table:
    rows: list[TableRow]
    used: list[int]                 # item indices of the table
    diagnostics: list[Diagnostic]
    label_lines: list[int] = attrs.field(factory=list)     # line numbers of label cells read


def split_row(text: str, one_cell: bool = False) -> dict | None:
    """``[labels] name target actual weight score [deviation]``, or ``[labels] name weight
    score`` when the cells wrapped and come on other lines. None when the line is no row.
    With ``one_cell``, a name and a quantity before the pair are the name and one cell
    (``cell``; the other wrapped onto other lines), not two cells."""
    tokens = text.split()
    k = 0
    while k < len(tokens) and (tokens[k] in LEVEL1 or tokens[k] in LEVEL2):
        k += 1
    labels, rest = tokens[:k], tokens[k:]
    for j in range(1, len(rest) - 1):
        if not (is_number(rest[j]) and is_number(rest[j + 1])):
            continue
        before = rest[:j]
        dev = " ".join(rest[j + 2:]) or None
        if len(before) >= 3 and _is_cell(before[-2]) and _is_cell(before[-1]) and has_han(before[0]):
            return {"labels": labels, "name": " ".join(before[:-2]), "target": before[-2],
                    "actual": before[-1], "weight": rest[j], "score": rest[j + 1], "deviation": dev}
        if one_cell and len(before) == 2 and QUANT_RE.match(before[1]) and not QUANT_RE.match(before[0]) \
                and has_han(before[0]) and len(before[0]) > 4:
            return {"labels": labels, "name": before[0], "target": None, "actual": None, "cell": before[1],
                    "weight": rest[j], "score": rest[j + 1], "deviation": dev}
        if len(before) == 2 and _is_cell(before[0]) and _is_cell(before[1]):
            # cells without a name: the name came on the lines before
            return {"labels": labels, "name": None, "target": before[0], "actual": before[1],
                    "weight": rest[j], "score": rest[j + 1], "deviation": dev}
        if all(is_cell_piece(t) for t in before) and not labels:
            # the last pieces of wrapped cells, then the pair
            return {"labels": labels, "name": None, "target": None, "actual": None, "pieces": before,
                    "weight": rest[j], "score": rest[j + 1], "deviation": dev}
        if len(before) == 1 and has_han(before[0]) and not prose_marks(before[0]):
            return {"labels": labels, "name": before[0], "target": None, "actual": None,
                    "weight": rest[j], "score": rest[j + 1], "deviation": dev}
        return None
    return None


class _Labels:
    """The label cells read so far: pieces join until they spell a label."""

    def __init__(self) -> None:
        self.level1: str | None = None
        self.level2: str | None = None
        self.buf = ""
        self.fresh = False          # a 二级 label was read and no row has taken it yet

    def feed(self, text: str) -> bool:
        """Take a label line; False when it spells nothing with the pieces before it."""
        for token in text.split():
            self.buf += token
            if self.buf in LEVEL2:
                self.level2, self.level1 = self.buf, LEVEL1_OF[self.buf]
                self.buf, self.fresh = "", True
            elif self.buf in LEVEL1:
                if self.level1 != self.buf:
                    self.level1, self.level2 = self.buf, None
                self.buf = ""
            elif not any(lab.startswith(self.buf) for lab in TABLE_LABELS):
                self.buf = ""
                return False
        return True

    def takes(self, text: str) -> bool:
        """Would ``text`` spell or go on spelling indicator labels?"""
        buf = self.buf
        for token in text.split():
            buf += token
            if buf in TABLE_LABELS:
                buf = ""
            elif not any(lab.startswith(buf) for lab in TABLE_LABELS):
                return False
        return True

    def inline(self, labels: list[str]) -> None:
        for lab in labels:
            self.feed(lab)


def _starts(items: list[Classified]) -> int | None:
    return next((i for i, x in enumerate(items) if x.kind == "indicator_header"), None)


def read_table(items: list[Classified], params: Params, runs: list[LabelRun]) -> Table:
    start = _starts(items)
    if start is None:
        return Table([], [], [])
    rows: list[TableRow] = []
    used = [start]
    labels = _Labels()
    pending: list[int] = []     # text and piece lines since the last row
    diags: list[Diagnostic] = []

    def deviation_goes_on(k: int) -> bool:
        """Does pending line ``k`` continue the last row's deviation? While its sentence is
        open, or when the line is prose (a name or a cell has no sentence punctuation)."""
        if not rows:
            return False
        dev = rows[-1].deviation or ""
        t = items[k]
        return t.kind in TEXT_KINDS and ((dev and not ends_sentence(dev)) or bool(prose_marks(t.text)))

    def settle(wrapped_row_follows: bool, cells_inline: bool = False) -> tuple[list[Piece], list[Piece]]:
        """Split the pending lines: the last row's deviation goes on first; when a row whose
        name (or cells) wrapped closes them, the rest is its name and its cell pieces.
        Returns (name pieces, cell pieces) as (line number, text)."""
        nonlocal pending
        k = 0
        while k < len(pending) and (deviation_goes_on(pending[k]) or not wrapped_row_follows and rows
                                     and items[pending[k]].kind in TEXT_KINDS):
            rows[-1].dev_pieces.append(items[pending[k]].text)
            rows[-1].dev_lines.append(items[pending[k]].no)
            k += 1
        rest, pending = pending[k:], []
        if not wrapped_row_follows:
            if rest:
                diags.append(Diagnostic("warning", "unassigned", "lines in the table that belong to no row",
                                        [items[x].no for x in rest]))
            return [], []
        texts = [x for x in rest if items[x].kind in TEXT_KINDS]
        if cells_inline:                    # the row has its cells: every line before is its name
            n = len(rest)
        elif len(texts) < len(rest):        # quantitative pieces: the name is what comes before
            n = next(j for j, x in enumerate(rest) if items[x].kind not in TEXT_KINDS)
        else:                               # qualitative pieces: the name is the first line
            n = min(1, len(rest))
        name: list[Piece] = []
        cells: list[Piece] = []
        for j, x in enumerate(rest):
            no, text = items[x].no, items[x].text
            if j >= n:
                cells.append((no, text))
                continue
            tokens = text.split()
            # labels printed before the name, cells printed after it
            while tokens and (tokens[0] in LEVEL1 or tokens[0] in LEVEL2):
                labels.feed(tokens.pop(0))
            if j == 0 and len(tokens) > 1 and all(is_cell_piece(t) for t in tokens[1:]):
                name.append((no, tokens[0]))
                cells.extend((no, t) for t in tokens[1:])
            else:
                name.append((no, " ".join(tokens)))
        return name, cells

    def new_row(at: int, f: dict, name: list[Piece], cells: list[Piece]) -> None:
        labels.inline(f.get("labels", []))
        lines = sorted({no for no, _ in name} | {no for no, _ in cells} | {items[at].no})
        row = Row(f["target"], f["actual"], _num(f["weight"]), _num(f["score"]), list(f.get("labels", [])),
                  lines, at, at)
        tr = TableRow(row, level1=labels.level1, level2=labels.level2,
                      label_anchor=labels.fresh or any(x in LEVEL2 for x in f.get("labels", [])))
        labels.fresh = False
        for no, text in name:
            tr.name_pieces.append(text)
            tr.name_lines.append(no)
        if f.get("name"):
            tr.name_pieces.append(f["name"])
            tr.name_lines.append(items[at].no)
        if f.get("deviation"):
            tr.dev_pieces.append(f["deviation"])
            tr.dev_lines.append(items[at].no)
        rows.append(tr)

    def cells_of(pieces: list[Piece]) -> tuple[str, str] | None:
        return _split_cells([t for _, t in pieces]) if len(pieces) > 1 else None

    end = next((i for i in range(start + 1, len(items)) if items[i].kind in END_KINDS), len(items))
    tail = _Tail(items, rows, diags, runs)
    page_tails = _page_tails(items, start, end)
    skip_to = -1
    page_first_row = 0
    for i in range(start + 1, end):
        it = items[i]
        if i < skip_to:
            continue
        if i in page_tails:
            # after the page's last row: other blocks of the form, then the page's wrapped
            # cells; the next page's rows follow
            settle(wrapped_row_follows=False)
            t, b = page_tails[i]
            tail.begin(page_first_row)
            for k in range(t, b):
                if tail.feed(items[k]):
                    used.append(k)
            tail.end()
            page_first_row = len(rows)
            skip_to = b
            continue
        if it.kind == "blank":
            continue
        f = split_row(it.text) if it.kind in ("text", "value_row", "pieces") else None
        if f is not None and f["target"] is not None:
            name, _ = settle(wrapped_row_follows=f["name"] is None, cells_inline=True)
            new_row(i, f, name, [])
        elif f is not None and f.get("pieces") and pending:
            name, pieces = settle(wrapped_row_follows=True)
            pieces += [(it.no, t) for t in f["pieces"]]
            cells = cells_of(pieces)
            if cells:
                new_row(i, {**f, "target": cells[0], "actual": cells[1]}, name, pieces)
            else:
                diags.append(Diagnostic("warning", "unassigned", "cell pieces that make no two cells",
                                        [no for no, _ in name + pieces]))
        elif f is not None and f["name"]:
            # a name with its pair and no cells: they wrapped and came before (or come later)
            _, pieces = settle(wrapped_row_follows=True)
            if pieces and (cells := cells_of(pieces)):
                new_row(i, {**f, "target": cells[0], "actual": cells[1]}, [], pieces)
            else:
                new_row(i, {**f, "target": "", "actual": ""}, [], [])
                rows[-1].detached = True
        elif it.kind == "label" and labels.takes(it.text):
            settle(wrapped_row_follows=False)
            if not labels.feed(it.text):
                diags.append(Diagnostic("warning", "unassigned", f"label piece spells no label: {it.text}",
                                        [it.no]))
        elif it.kind in ("text", "pieces", "label"):
            pending.append(i)
        elif it.kind == "pair" and pending:
            name, pieces = settle(wrapped_row_follows=True)
            cells = cells_of(pieces)
            if cells:
                new_row(i, {"target": cells[0], "actual": cells[1], "weight": it.fields["a"],
                            "score": it.fields["b"], "name": None, "labels": []}, name, pieces)
            else:
                diags.append(Diagnostic("warning", "unassigned", "cell pieces that make no two cells",
                                        [no for no, _ in name + pieces] + [it.no]))
        else:
            break
        used.append(i)
    settle(wrapped_row_follows=False)
    used = [k for k in used if k < end]
    t = _final_tail_start(items, set(used), end, params) if end < len(items) else None
    if t is not None:
        tail.begin(page_first_row)
        for k in range(t, len(items)):
            if not tail.feed(items[k]):
                break
            used.append(k)
    tail_labels = tail.finish()
    for tr in rows:
        if tr.name is None:
            diags.append(Diagnostic("warning", "name-missing", "a row with no 三级指标 name", tr.row.lines))
        if tr.detached:
            diags.append(Diagnostic("warning", "cells-detached",
                                    "a row printed without its 年度指标值/实际完成值, found nowhere else",
                                    tr.row.lines))
    if tail_labels:
        _place_tail_labels(rows, tail_labels, diags)
    for k in used:
        if items[k].kind in ("text", "label", "pieces", "pair", "value_row"):
            items[k].kind = "cell"
    return Table(rows, used, diags)


@attrs.define
class TailLabel:
    text: str
    lines: list[int]
    after_row: int                  # the last row given cells from the tail before it (-1: none)


class _Tail:
    """Some producers print a row's wrapped cells, wrapped deviation and wrapped 二级 label
    after the rows of the page (pdftotext -raw of a spreadsheet): the cells of the rows printed
    without them, in row order, with deviations and labels between them in the order of
    their rows. Fed one stretch of lines at a time (one per page), settled at the end."""

    def __init__(self, items: list[Classified], rows: list[TableRow], diags: list[Diagnostic],
                 runs: list[LabelRun]):
        self.items, self.rows, self.diags = items, rows, diags
        self.labels: list[TailLabel] = []
        # the labels the label runs spelled, by their first line
        self.label_at = {lab.lines[0]: lab for run in runs for lab in run.labels}
        self.acc: list[Piece] = []          # cell pieces of the next detached row
        self.dev: list[Piece] = []          # lines of a deviation
        self.position = -1                  # the last row that took cells from the tail
        self.first_row = 0                  # the first row of the page the tail stands on
        self.devs: list[_TailDeviation] = []

    def close_cells(self, force: bool = False) -> None:
        if not self.acc:
            return
        cells = _split_cells([t for _, t in self.acc]) if len(self.acc) > 1 else None
        if cells is None and not force:
            return
        detached = [k for k, tr in enumerate(self.rows) if tr.detached]
        if cells and detached:
            tr = self.rows[detached[0]]
            tr.row.target, tr.row.actual = cells
            tr.row.lines = sorted(set(tr.row.lines) | {no for no, _ in self.acc})
            tr.detached = False
            self.position = detached[0]
            for d in self.devs:
                if d.hi is None:
                    d.hi = detached[0]      # a deviation printed above this row's cells
        else:
            self.diags.append(Diagnostic("warning", "unassigned", "cell pieces after the rows that fit no row",
                                         [no for no, _ in self.acc]))
        self.acc = []

    def close_dev(self) -> None:
        if self.dev:
            self.devs.append(_TailDeviation(self.dev, max(self.position, self.first_row)))
            self.dev = []

    def begin(self, first_row: int) -> None:
        """A tail of the page whose rows start at ``first_row``."""
        self.first_row = first_row

    def end(self) -> None:
        """The end of a page's tail: its deviations belong to rows read so far."""
        self.close_cells(force=True)
        self.close_dev()
        for d in self.devs:
            if d.hi is None:
                d.hi = len(self.rows) - 1

    def feed(self, it: Classified) -> bool:
        """Take one line; False when it is no part of a tail."""
        if it.kind == "blank":
            return True
        if it.kind == "pieces":
            self.close_dev()
            tokens = it.fields["pieces"]
            if self.acc and (QUANT_RE.match(tokens[0]) or QUANT_HEAD_RE.match(tokens[0])):
                self.close_cells()          # a new cell starts: the pieces before are whole
            self.acc.extend((it.no, t) for t in tokens)
        elif it.kind == "label":
            self.close_cells()
            self.close_dev()
            lab = self.label_at.get(it.no)
            if lab is not None and lab.text in LEVEL2:
                self.labels.append(TailLabel(lab.text, lab.lines, self.position))
        elif it.kind in TEXT_KINDS and not self.dev and not prose_marks(it.text) and self._name_apart(it):
            pass
        elif it.kind in TEXT_KINDS:
            self.close_cells()
            self.dev.append((it.no, it.text))
            if ends_sentence(it.text):
                self.close_dev()
        else:
            return False
        return True

    def _name_apart(self, it: Classified) -> bool:
        """A row printed without its name: the name (no sentence in it) comes in the tail."""
        nameless = [k for k, tr in enumerate(self.rows) if tr.name is None and k >= self.position]
        if not nameless:
            return False
        self.close_cells()
        tr = self.rows[nameless[0]]
        tr.name_pieces.append(it.text)
        tr.name_lines.append(it.no)
        self.diags.append(Diagnostic("info", "name-apart", "a row's 三级指标 name printed after the rows",
                                     [it.no] + tr.row.lines[:1]))
        return True

    def finish(self) -> list[TailLabel]:
        self.end()
        self._place_deviations()
        return self.labels

    def _place_deviations(self) -> None:
        """Each deviation printed after the rows goes to a row without one, within the rows
        its place allows, in order: the best order-keeping assignment, where a row that lost
        points and a deviation that names the row's indicator count in favour."""
        rows, devs = self.rows, self.devs
        free = [k for k, tr in enumerate(rows) if not tr.dev_pieces]
        if not devs:
            return

        def score(d: _TailDeviation, k: int) -> float:
            if not (d.lo <= k <= d.hi):
                return NEG
            text = "".join(t for _, t in d.lines)
            name = rows[k].name or ""
            return (1.0 * rows[k].row.lost_points + 2.0 * (len(name) >= 4 and name in text)
                    - 0.001 * k)            # the earliest when nothing else tells
        # best[i][j]: devs[:i] placed on rows among free[:j]
        m, n = len(devs), len(free)
        best = [[NEG] * (n + 1) for _ in range(m + 1)]
        take = [[False] * (n + 1) for _ in range(m + 1)]
        for j in range(n + 1):
            best[0][j] = 0.0
        for i in range(1, m + 1):
            for j in range(1, n + 1):
                skip = best[i][j - 1]
                s = score(devs[i - 1], free[j - 1])
                use = best[i - 1][j - 1] + s if s != NEG and best[i - 1][j - 1] != NEG else NEG
                best[i][j], take[i][j] = (use, True) if use > skip else (skip, False)
        if best[m][n] == NEG:
            for d in devs:
                self.diags.append(Diagnostic("warning", "unassigned", "deviation after the rows that fits no row",
                                             [no for no, _ in d.lines]))
            return
        i, j = m, n
        while i > 0:
            if take[i][j]:
                d, tr = devs[i - 1], rows[free[j - 1]]
                tr.dev_pieces.extend(t for _, t in d.lines)
                tr.dev_lines.extend(no for no, _ in d.lines)
                self.diags.append(Diagnostic(
                    "info", "deviation-apart", f"a deviation printed after the rows, put on the row of "
                    f"{tr.name or '(no name)'} (rows {d.lo + 1}–{d.hi + 1} were possible)",
                    [no for no, _ in d.lines] + tr.row.lines[:1]))
                i -= 1
            j -= 1


@attrs.define
class _TailDeviation:
    lines: list[Piece]
    lo: int                         # the first row it may belong to
    hi: int | None = None           # the last


def _tail_start(items: list[Classified], lo: int, hi: int) -> int | None:
    """Where a tail starts in items[lo:hi]: the first cell piece or indicator label."""
    for i in range(lo, hi):
        it = items[i]
        if it.kind == "pieces" or (it.kind == "label" and _Labels().takes(it.text)
                                   and any(lab.startswith(it.text.split()[0]) for lab in LEVEL2)):
            return i
    return None


def _final_tail_start(items: list[Classified], used: set[int], end: int, params: Params) -> int | None:
    """Where the tail after the last page's rows starts: at its first cell piece or label, or
    at its first deviation — the prose after the goal texts, when those are printed after the
    table too (then the first two paragraphs after it are theirs)."""
    t = _tail_start(items, end + 1, len(items))
    lines = free_lines(items)
    goals_before = any(fl.index < end and fl.index not in used and prose_marks(fl.text) for fl in lines)
    paras = goal_paragraphs_in_order([fl for fl in lines if fl.index > end], params)
    skip = 0 if goals_before else 2
    if len(paras) > skip:
        first = paras[skip].lines[0].index
        t = first if t is None else min(t, first)
    return t


def _page_tails(items: list[Classified], start: int, end: int) -> dict[int, tuple[int, int]]:
    """For each page of the table but the last, what follows its last row: other blocks of
    the form (title, goals: not the table's), then maybe a tail. -> {first index after the
    last row: (tail start, next page's start)}."""
    breaks = [i for i in range(start + 1, end) if items[i].line.page_break]
    tails = {}
    lo = start + 1
    for b in breaks:
        last_row = max((i for i in range(lo, b) if items[i].kind == "pair" or (
            items[i].kind in ("text", "value_row", "pieces") and split_row(items[i].text))), default=None)
        if last_row is not None and last_row + 1 < b:
            t = _tail_start(items, last_row + 1, b)
            tails[last_row + 1] = (b if t is None else t, b)
        lo = b
    return tails


def _place_tail_labels(rows: list[TableRow], labels: list[TailLabel], diags: list[Diagnostic]) -> None:
    """A 二级 label printed after the rows names a group of its 一级 block that no label in
    the table named: rows after the last row labelled with an earlier group of the template
    (up to a later group or the block's end), which so far carry that earlier group. Where
    the group starts: the names' cue words, then the label's place (after the row whose cells
    came before it), then the fewest rows (a label overflows its cell, and so comes apart,
    when its group is one row high)."""
    order = {g: k for k, g in enumerate(LEVEL2)}
    for lab in labels:
        l1, rank = LEVEL1_OF[lab.text], order[lab.text]
        block = [k for k, tr in enumerate(rows) if tr.level1 == l1]
        earlier = [k for k in block if rows[k].label_anchor and rows[k].level2 is not None
                   and order[rows[k].level2] < rank]
        lo = earlier[-1] + 1 if earlier else (block[0] if block else len(rows))
        run = []
        for k in range(lo, len(rows)):
            tr = rows[k]
            if tr.level1 != l1 or (tr.label_anchor and tr.level2 is not None and order[tr.level2] > rank):
                break
            run.append(k)
        if not run:
            diags.append(Diagnostic("warning", "unassigned", f"label {lab.text} after the rows fits no row",
                                    lab.lines))
            continue
        carried = rows[run[0]].level2
        starts = range(len(run)) if carried is not None else range(1)

        def key(s: int) -> tuple:
            cue = sum((lab.text in name_groups(rows[k].name)) - (carried in name_groups(rows[k].name))
                      for k in run[s:])
            cue += sum((carried in name_groups(rows[k].name)) - (lab.text in name_groups(rows[k].name))
                       for k in run[:s])
            return cue, run[s] > lab.after_row, s

        best = max(starts, key=key)
        for k in run[best:]:
            rows[k].level2, rows[k].level1 = lab.text, l1
        diags.append(Diagnostic("info", "group-from-tail-label",
                                f"{lab.text} (printed after the rows) put on {len(run) - best} row(s)", lab.lines))
