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
    QUANT_HEAD_RE, QUANT_RE, QUANT_TAIL_RE, ends_sentence, has_han, is_number, join_wrapped, prose_marks,
)
from .classify import Classified
from .model import Diagnostic
from .params import Params
from .reassemble import Row, _is_cell, _num, _split_cells
from .vocab import LEVEL1, LEVEL1_OF, LEVEL2

TABLE_LABELS = LEVEL1 + LEVEL2
TEXT_KINDS = ("text", "label")  # a piece of a label that spells none is text in the table

END_KINDS = ("total", "grade")
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


def _is_piece(token: str) -> bool:
    return bool(QUANT_RE.match(token) or QUANT_HEAD_RE.match(token) or QUANT_TAIL_RE.match(token))


def split_row(text: str) -> dict | None:
    """``[labels] name target actual weight score [deviation]``, or ``[labels] name weight
    score`` when the cells wrapped and come on other lines. None when the line is no row."""
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
        if len(before) == 2 and _is_cell(before[0]) and _is_cell(before[1]):
            # cells without a name: the name came on the lines before
            return {"labels": labels, "name": None, "target": before[0], "actual": before[1],
                    "weight": rest[j], "score": rest[j + 1], "deviation": dev}
        if all(_is_piece(t) for t in before) and not labels:
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

    def feed(self, text: str) -> bool:
        """Take a label line; False when it spells nothing with the pieces before it."""
        for token in text.split():
            self.buf += token
            if self.buf in LEVEL2:
                self.level2, self.level1 = self.buf, LEVEL1_OF[self.buf]
                self.buf = ""
            elif self.buf in LEVEL1:
                if self.level1 != self.buf:
                    self.level1, self.level2 = self.buf, None
                self.buf = ""
            elif not any(lab.startswith(self.buf) for lab in TABLE_LABELS):
                self.buf = ""
                return False
        return True

    def takes(self, text: str) -> bool:
        """Would ``text`` spell or go on spelling an indicator label?"""
        buf = self.buf + "".join(text.split())
        return any(lab.startswith(buf) for lab in TABLE_LABELS) or (
            bool(self.buf) and any(lab.startswith("".join(text.split())) for lab in TABLE_LABELS))

    def inline(self, labels: list[str]) -> None:
        for lab in labels:
            self.feed(lab)


def _starts(items: list[Classified]) -> int | None:
    return next((i for i, x in enumerate(items) if x.kind == "indicator_header"), None)


def read_table(items: list[Classified], params: Params) -> Table:
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
            if j == 0 and len(tokens) > 1 and all(_is_piece(t) for t in tokens[1:]):
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
        tr = TableRow(row, level1=labels.level1, level2=labels.level2)
        for no, text in name:
            tr.name_pieces.append(text)
            tr.name_lines.append(no)
        if f.get("name"):
            tr.name_pieces.append(f["name"])
            tr.name_lines.append(items[at].no)
        if f.get("deviation"):
            tr.dev_pieces.append(f["deviation"])
            tr.dev_lines.append(items[at].no)
        if tr.name is None:
            diags.append(Diagnostic("warning", "name-missing", "a row with no 三级指标 name", row.lines))
        rows.append(tr)

    def cells_of(pieces: list[Piece]) -> tuple[str, str] | None:
        return _split_cells([t for _, t in pieces]) if len(pieces) > 1 else None

    end = len(items)
    for i in range(start + 1, len(items)):
        it = items[i]
        if it.kind in END_KINDS:
            end = i
            break
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
                diags.append(Diagnostic("warning", "cells-detached",
                                        "a row printed without its 年度指标值/实际完成值", [it.no]))
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
    for k in used:
        if items[k].kind in ("text", "label", "pieces", "pair", "value_row"):
            items[k].kind = "cell"
    return Table(rows, used, diags)
