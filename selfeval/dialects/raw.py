"""``raw``: pdftotext ``-raw``, text in content-stream order, each table row whole on one line.

A row whose cells wrap comes as its name, the cells' pieces, then a line opening with its 分值 得分; a
wrapped 二级 label comes as pieces before its first row. Some producers print a page's wrapped cells,
deviations and labels after its rows (the page's tail), in row order.
"""
from __future__ import annotations

import attrs

from ..codes import diag
from ..grid import Cell, Entry, NameOrder, Pin, Reading, Row
from ..solve.cues import deviation_fit
from ..lexer import Lexed
from ..params import Params
from ..template import NATIONAL
from ..text import (
    QUANT_HEAD_RE, QUANT_RE, QUANT_TAIL_RE, ends_sentence, has_han, is_number, is_quantity_piece, is_whole_cell,
    join_wrapped, parse_cell, prose_marks,
)
from .features import shape, share
from .common import (
    cut_label_heads, label_runs, paragraphs_in_order, read_funds, read_headers, read_title, read_total_grade, template_cell,
)

NAME = "raw"
NO_DEVIATION = frozenset(NATIONAL.words("cells", "no_deviation"))
TEXT_KINDS = ("text", "label")
END_KINDS = ("total", "grade")
Piece = tuple[int, str]         # (line number, text)


def detect(items: list[Lexed], p: Params) -> float:
    """Header whole on one line, fund rows joined, no columns padded apart by spaces."""
    f = shape(items)
    if share(f.gaps, f.lines) >= p.detect.layout_gap_share:
        return 0.0
    return 0.5 * f.header_names + 0.3 * share(f.fund_joined, f.fund_rows, 0.5) + 0.2 * (f.value_rows == 0)


def split_row(text: str, t, one_cell: bool = False) -> dict | None:
    """Fields of a row line, or of the line closing a wrapped row; None when no row."""
    tokens = text.split()
    levels = frozenset(t.level1 + t.level2)
    k = 0
    while k < len(tokens) and tokens[k] in levels:
        k += 1
    labels, rest = tokens[:k], tokens[k:]
    for j in range(0, len(rest) - 1):
        if not (is_number(rest[j]) and is_number(rest[j + 1])):
            continue
        if j + 2 < len(rest) and is_number(rest[j + 2]):
            continue            # three numbers: the pair is the last two, the first a cell's head
        before = rest[:j]
        row = {"labels": labels, "name": None, "target": None, "actual": None, "weight": rest[j],
               "score": rest[j + 1], "deviation": " ".join(rest[j + 2:]) or None}
        if not before:
            return row if not labels and (row["deviation"] is None or has_han(row["deviation"])) else None
        if len(before) >= 3 and is_whole_cell(before[-2]) and is_whole_cell(before[-1]) and has_han(before[0]):
            return row | {"name": " ".join(before[:-2]), "target": before[-2], "actual": before[-1]}
        if one_cell and len(before) >= 3 and has_han(before[0]) and all(
                is_whole_cell(x) or QUANT_HEAD_RE.match(x) or QUANT_TAIL_RE.match(x) for x in before[-2:]):
            # a cell's head (its tail on the lines under it) or its tail (its head above): columns tell
            return row | {"name": " ".join(before[:-2]), "target": before[-2], "actual": before[-1]}
        if one_cell and len(before) == 2 and QUANT_RE.match(before[1]) and not QUANT_RE.match(before[0]) \
                and has_han(before[0]) and len(before[0]) > 4:
            return row | {"name": before[0], "cell": before[1]}
        if len(before) == 2 and is_whole_cell(before[0]) and is_whole_cell(before[1]):
            return row | {"target": before[0], "actual": before[1]}
        if all(is_quantity_piece(x) for x in before) and not labels:
            return row | {"pieces": before}
        if len(before) == 1 and has_han(before[0]) and not prose_marks(before[0]):
            return row | {"name": before[0]}
        return None
    return None


def split_at(pieces: list[str]) -> int | None:
    """Where wrapped pieces part into 年度指标值 and 实际完成值 (both whole, alike in unit)."""
    from ..solve.cues import ACHIEVEMENT
    best, best_key = None, None
    for j in range(1, len(pieces)):
        target, actual = join_wrapped(pieces[:j]), join_wrapped(pieces[j:])
        if not (is_whole_cell(target) and is_whole_cell(actual)):
            continue
        pt, pa = parse_cell(target), parse_cell(actual)
        key = (2 * (actual in ACHIEVEMENT or pa is not None) + (pt is not None and pa is not None and pt[2] == pa[2])
               + (pt is not None or target not in ACHIEVEMENT), -j)
        if best_key is None or key > best_key:
            best, best_key = j, key
    return best


def split_cells(pieces: list[str]) -> tuple[str, str] | None:
    j = split_at(pieces) if len(pieces) > 1 else None
    return None if j is None else (join_wrapped(pieces[:j]), join_wrapped(pieces[j:]))


def split_pieces(pieces: list[Piece]) -> dict | None:
    j = split_at([x for _, x in pieces]) if len(pieces) > 1 else None
    if j is None:
        return None
    return {"target": join_wrapped(x for _, x in pieces[:j]), "actual": join_wrapped(x for _, x in pieces[j:]),
            "target_lines": sorted({n for n, _ in pieces[:j]}), "actual_lines": sorted({n for n, _ in pieces[j:]})}


@attrs.define(eq=False)
class _Row:
    target: str | None
    actual: str | None
    weight: str
    score: str
    lines: list[int]
    y: int
    target_lines: list[int] = attrs.field(factory=list)
    actual_lines: list[int] = attrs.field(factory=list)
    name: list[Piece] = attrs.field(factory=list)
    dev: list[Piece] = attrs.field(factory=list)
    detached: bool = False


class _Labels:
    def __init__(self, t) -> None:
        self.t = t
        self.all = frozenset(t.level1 + t.level2)
        self.buf = ""
        self.buf_lines: list[int] = []
        self.spelled: list[tuple[str, list[int]]] = []

    def feed(self, text: str, no: int) -> bool:
        """False when the line spells nothing with the pieces before it."""
        for token in text.split():
            self.buf += token
            self.buf_lines.append(no)
            if self.buf in self.all and not (self.buf in self.t.level1 and self._longer()):
                self.spelled.append((self.buf, sorted(set(self.buf_lines))))
                self.buf, self.buf_lines = "", []
            elif not any(lab.startswith(self.buf) for lab in self.all):
                self.buf, self.buf_lines = "", []
                return False
        return True

    def _longer(self) -> bool:
        return any(lab != self.buf and lab.startswith(self.buf) for lab in self.t.level2)

    def takes(self, text: str) -> bool:
        buf = self.buf
        for token in text.split():
            buf += token
            if buf in self.all:
                buf = ""
            elif not any(lab.startswith(buf) for lab in self.all):
                return False
        return True


class _Table:
    """One linear walk over the table; page tails put back."""

    def __init__(self, items: list[Lexed], p: Params):
        self.items, self.p, self.t = items, p, p.template
        self.rows: list[_Row] = []
        self.pending: list[int] = []
        self.labels = _Labels(self.t)
        self.starts: list[tuple[str, list[int], int]] = []   # (label, lines, first row)
        self.used: set[int] = set()
        self.stray_lines: list[int] = []
        self.doubts: list = []

    def deviation_goes_on(self, k: int) -> bool:
        if not self.rows:
            return False
        dev = join_wrapped(x for _, x in self.rows[-1].dev)
        it = self.items[k]
        if dev in NO_DEVIATION:
            return False            # 无: a whole cell saying there is none
        return it.kind in TEXT_KINDS and ((dev and not ends_sentence(dev)) or bool(prose_marks(it.text)))

    def _name_head(self, pending: list[int]) -> int:
        """Where the next row's name starts among text lines above it: after the last line of prose
        (a deviation drawn before the next row's cells ends in a sentence; a name has none)."""
        items = self.items
        n = next((k for k, x in enumerate(pending) if items[x].kind not in TEXT_KINDS), len(pending))
        if not self.rows:
            return len(pending)
        start = max((k + 1 for k in range(n) if prose_marks(items[pending[k]].text)), default=0)
        head = [items[x].text for x in pending[start:n]]
        if not head or any(not has_han(x) or x in NO_DEVIATION for x in head):
            return len(pending)
        return start

    def settle(self, row_follows: bool, cells_inline: bool = False, named: bool = False
               ) -> tuple[list[Piece], list[Piece]]:
        """Split pending lines: last row's deviation, then the next row's name and pieces (``named``:
        the row's line holds its name's last piece, the lines above may hold its head)."""
        items, pending = self.items, self.pending
        k = 0
        head = self._name_head(pending) if named or row_follows else len(pending)
        while k < len(pending) and (self.deviation_goes_on(pending[k]) or self.rows and k < head
                                    and (not row_follows or head < len(pending))
                                    and items[pending[k]].kind in TEXT_KINDS):
            self.rows[-1].dev.append((items[pending[k]].no, items[pending[k]].text))
            k += 1
        rest, self.pending = pending[k:], []
        if named and rest and k == head:
            return self._name_and_cells(rest, len(rest))
        if not row_follows:
            self.stray_lines += [items[x].no for x in rest]
            return [], []
        texts = [x for x in rest if items[x].kind in TEXT_KINDS]
        if cells_inline:
            n = len(rest)
        elif len(texts) < len(rest):
            n = next(j for j, x in enumerate(rest) if items[x].kind not in TEXT_KINDS)
        else:                               # qualitative pieces: the name is the first line
            n = min(1, len(rest))
        return self._name_and_cells(rest, n)

    def _name_and_cells(self, rest: list[int], n: int) -> tuple[list[Piece], list[Piece]]:
        levels = self.labels.all
        name: list[Piece] = []
        cells: list[Piece] = []
        for j, x in enumerate(rest):
            no, text = self.items[x].no, self.items[x].text
            if j >= n:
                cells.append((no, text))
                continue
            tokens = text.split()
            while tokens and tokens[0] in levels:
                self.labels.feed(tokens.pop(0), no)
            if j == 0 and len(tokens) > 1 and all(is_quantity_piece(t) for t in tokens[1:]):
                name.append((no, tokens[0]))
                cells.extend((no, t) for t in tokens[1:])
            elif tokens:
                name.append((no, " ".join(tokens)))
        return name, cells

    def new_row(self, at: int, f: dict, name: list[Piece], cells: list[Piece]) -> None:
        no = self.items[at].no
        for lab in f.get("labels", []):
            self.labels.feed(lab, no)
        for lab, lines in self.labels.spelled:
            self.starts.append((lab, lines, len(self.rows)))
        self.labels.spelled = []
        lines = sorted({n for n, _ in name} | {n for n, _ in cells} | {no})
        row = _Row(f["target"], f["actual"], f["weight"], f["score"], lines, no,
                   f.get("target_lines", [no]), f.get("actual_lines", [no]))
        row.name = list(name) + ([(no, f["name"])] if f.get("name") else [])
        row.dev = [(no, f["deviation"])] if f.get("deviation") else []
        self.rows.append(row)

    def step(self, i: int) -> bool:
        """False at a line that ends the table."""
        it = self.items[i]
        if it.kind == "blank" or it.kind == "indicator_header":
            return True
        f = split_row(it.text, self.t) if it.kind in ("text", "value_row", "pieces", "pair") else None
        if f is not None and f["target"] is not None:
            f = self._label_tail(i, f)
            name, _ = self.settle(row_follows=f["name"] is None, cells_inline=True, named=f["name"] is not None)
            self.new_row(i, f, name, [])
        elif f is not None and (f.get("pieces") or f["name"] is None) and self.pending:
            self._close_stack(i, f)
        elif f is not None and f["name"]:
            _, pieces = self.settle(row_follows=True)
            cells = split_pieces(pieces)
            self.new_row(i, f | (cells or {}), [], pieces)
            self.rows[-1].detached = cells is None
        elif it.kind == "label" and self.labels.takes(it.text) and self._completes(i):
            self.settle(row_follows=False)
            if not self.labels.feed(it.text, it.no):
                self.stray_lines.append(it.no)
        elif it.kind in ("text", "pieces", "label"):
            self.pending.append(i)
        else:
            return False
        self.used.add(i)
        return True

    def _label_tail(self, at: int, f: dict) -> dict:
        """A label cut by a wrap whose last piece opens the row's line (服务对象满意 / 度指标 name …)."""
        head, _, rest = (f["name"] or "").partition(" ")
        if rest and self.labels.buf and self.labels.buf + head in self.labels.all:
            self.labels.feed(head, self.items[at].no)
            return f | {"name": rest}
        return f

    def _completes(self, i: int) -> bool:
        """Do the label lines from ``i`` spell a whole label (a name's last piece 满意度 does not)?"""
        buf = self.labels.buf
        for k in range(i, len(self.items)):
            it = self.items[k]
            if it.kind == "blank":
                continue
            if it.kind != "label":
                return False
            for token in it.text.split():
                buf += token
                if buf in self.labels.all:
                    return True
                if not any(lab.startswith(buf) for lab in self.labels.all):
                    return False
        return False

    def _close_stack(self, i: int, f: dict) -> None:
        """A line opening with 分值 得分 closes the name and pieces above; text after it is the deviation."""
        name, pieces = self.settle(row_follows=True)
        pieces += [(self.items[i].no, x) for x in f.get("pieces") or ()]
        cells = split_pieces(pieces)
        if cells is None:                   # the cells come later (a tail) or never
            self.stray_lines += [n for n, _ in pieces]
            self.new_row(i, f, name, [])
            self.rows[-1].detached = True
            return
        self.new_row(i, f | cells | {"name": None}, name, pieces)


@attrs.define
class _TailDeviation:
    lines: list[Piece]
    lo: int                         # rows it may belong to: lo..hi
    hi: int | None = None


class _Tail:
    """Wrapped cells, deviations and 二级 labels printed after a page's rows, in row order."""

    def __init__(self, table: _Table):
        self.table = table
        self.acc: list[Piece] = []
        self.dev: list[Piece] = []
        self.position = -1
        self.first_row = 0
        self.devs: list[_TailDeviation] = []
        self.labels: list[tuple[str, list[int], int]] = []
        self.label = _Labels(table.t)

    def close_cells(self, force: bool = False) -> None:
        if not self.acc:
            return
        cells = split_pieces(self.acc)
        if cells is None and not force:
            return
        rows = self.table.rows
        detached = [k for k, r in enumerate(rows) if r.detached]
        if cells and detached:
            r = rows[detached[0]]
            r.target, r.actual = cells["target"], cells["actual"]
            r.target_lines, r.actual_lines = cells["target_lines"], cells["actual_lines"]
            r.lines = sorted(set(r.lines) | {no for no, _ in self.acc})
            r.detached = False
            self.position = detached[0]
            for d in self.devs:
                if d.hi is None:
                    d.hi = detached[0]      # a deviation printed above this row's cells
        else:
            self.table.stray_lines += [no for no, _ in self.acc]
        self.acc = []

    def close_dev(self) -> None:
        if self.dev:
            self.devs.append(_TailDeviation(self.dev, max(self.position, self.first_row)))
            self.dev = []

    def end(self) -> None:
        self.close_cells(force=True)
        self.close_dev()
        for d in self.devs:
            if d.hi is None:
                d.hi = len(self.table.rows) - 1

    def feed(self, it: Lexed) -> bool:
        if it.kind == "blank":
            return True
        if it.kind == "pieces":
            self.close_dev()
            tokens = it.fields["pieces"]
            if self.acc and (QUANT_RE.match(tokens[0]) or QUANT_HEAD_RE.match(tokens[0])):
                self.close_cells()          # a new cell starts
            self.acc.extend((it.no, x) for x in tokens)
        elif it.kind == "label" and self.label.takes(it.text):
            self.close_cells()
            self.close_dev()
            self.label.feed(it.text, it.no)
            for lab, lines in self.label.spelled:
                self.labels.append((lab, lines, self.position))
            self.label.spelled = []
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

    def _name_apart(self, it: Lexed) -> bool:
        """A nameless row's name, printed in the tail."""
        rows = self.table.rows
        nameless = [k for k, r in enumerate(rows) if not r.name and k >= self.position]
        if not nameless:
            return False
        self.close_cells()
        rows[nameless[0]].name.append((it.no, it.text))
        return True

    def place_deviations(self) -> None:
        """Give each tail deviation a free row in order, favouring rows that lost points or are named."""
        rows, devs = self.table.rows, self.devs
        free = [k for k, r in enumerate(rows) if not r.dev]
        if not devs:
            return

        r = self.table.p.rows

        def score(d: _TailDeviation, k: int) -> float:
            if not (d.lo <= k <= d.hi):
                return NEG
            text = "".join(x for _, x in d.lines)
            name = join_wrapped(x for _, x in rows[k].name)
            lost = _lost(rows[k])
            return (r.tail_lost * lost + r.tail_named * (len(name) >= 4 and name in text)
                    + r.tail_direction * deviation_fit(text, rows[k].target, rows[k].actual, lost))
        picks = _monotone(len(devs), free, lambda i, k: score(devs[i], k))
        if picks is None:
            self.table.stray_lines += [no for d in devs for no, _ in d.lines]
            return
        for i, (d, k) in enumerate(zip(devs, picks)):
            rows[k].dev.extend(d.lines)
            lo = picks[i - 1] + 1 if i else d.lo
            hi = picks[i + 1] - 1 if i + 1 < len(picks) else d.hi
            rivals = [j for j in free if lo <= j <= hi and j != k and score(d, j) > score(d, k) - self.table.p.thin_margin]
            if rivals:
                self.table.doubts.append(diag(
                    "deviation-uncertain", f"a deviation printed after the rows, put on row {k + 1}; row "
                    f"{rivals[0] + 1} fits it as well", [no for no, _ in d.lines]))


NEG = float("-inf")


def _lost(r: _Row) -> bool:
    from ..text import number_or_none
    w, s = number_or_none(r.weight), number_or_none(r.score)
    return w is not None and s is not None and s < w - 0.005


def _monotone(m: int, free: list[int], score) -> list[int] | None:
    """Best order-keeping choice of ``m`` of the rows ``free``."""
    n = len(free)
    best = [[NEG] * (n + 1) for _ in range(m + 1)]
    take = [[False] * (n + 1) for _ in range(m + 1)]
    for j in range(n + 1):
        best[0][j] = 0.0
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            skip = best[i][j - 1]
            s = score(i - 1, free[j - 1])
            use = best[i - 1][j - 1] + s if s != NEG and best[i - 1][j - 1] != NEG else NEG
            best[i][j], take[i][j] = (use, True) if use > skip else (skip, False)
    if best[m][n] == NEG:
        return None
    out, i, j = [], m, n
    while i > 0:
        if take[i][j]:
            out.append(free[j - 1])
            i -= 1
        j -= 1
    return out[::-1]


def _tail_start(items: list[Lexed], lo: int, hi: int, t) -> int | None:
    """The first cell piece or 二级 label piece in items[lo:hi]."""
    labels = _Labels(t)
    for i in range(lo, hi):
        it = items[i]
        if it.kind == "pieces" or (it.kind == "label" and labels.takes(it.text)
                                   and any(lab.startswith(it.text.split()[0]) for lab in t.level2)):
            return i
    return None


def _page_tails(items: list[Lexed], start: int, end: int, t) -> dict[int, tuple[int, int]]:
    """{index after a page's last row: (tail start, next page's start)}, for every page but the last."""
    breaks = [i for i in range(start + 1, end) if items[i].line.page_break]
    tails = {}
    lo = start + 1
    for b in breaks:
        last_row = max((i for i in range(lo, b) if items[i].kind == "pair" or (
            items[i].kind in ("text", "value_row", "pieces") and split_row(items[i].text, t))), default=None)
        if last_row is not None and last_row + 1 < b:
            ts = _tail_start(items, last_row + 1, b, t)
            tails[last_row + 1] = (b if ts is None else ts, b)
        lo = b
    return tails


def _final_tail_start(items: list[Lexed], free: list[int], end: int, p: Params) -> int | None:
    """Start of the last page's tail: its first cell piece or label, or the prose after the goals."""
    ts = _tail_start(items, end + 1, len(items), p.template)
    before = [i for i in free if i < end]
    found = len(paragraphs_in_order([(items[i].no, items[i].text, False) for i in before], p))
    need = max(0, 2 - found)
    after = [i for i in free if i > end]
    paras = paragraphs_in_order([(items[i].no, items[i].text, False) for i in after], p, wider_starts=need > 1)
    if len(paras) > need:
        first_no = paras[need][0][0]
        first = next(i for i in after if items[i].no == first_no)
        ts = first if ts is None else min(ts, first)
    return ts


def _walk(items: list[Lexed], start: int, p: Params) -> tuple[_Table, _Tail, int]:
    t = p.template
    table, end = _Table(items, p), next((i for i in range(start + 1, len(items)) if items[i].kind in END_KINDS),
                                        len(items))
    tail = _Tail(table)
    page_tails = _page_tails(items, start, end, t)
    i, page_first_row = start + 1, 0
    while i < end:
        if i in page_tails:
            table.settle(row_follows=False)
            ts, b = page_tails[i]
            tail.first_row = page_first_row
            for k in range(ts, b):
                if tail.feed(items[k]):
                    table.used.add(k)
            tail.end()
            page_first_row, i = len(table.rows), b
            continue
        if not table.step(i):
            break
        i += 1
    table.settle(row_follows=False)
    tail.first_row = page_first_row
    return table, tail, end


def _read_table(items: list[Lexed], reading: Reading, used: set[int], p: Params) -> set[int]:
    start = next((i for i, x in enumerate(items) if x.kind == "indicator_header"), None)
    if start is None:
        return set()
    table, tail, end = _walk(items, start, p)
    taken = used | table.used
    free = [i for i, x in enumerate(items) if x.kind == "text" and i not in taken]
    ts = _final_tail_start(items, free, end, p) if end < len(items) else None
    if ts is not None:
        for k in range(ts, len(items)):
            if k in used:
                continue
            if not tail.feed(items[k]):
                break
            table.used.add(k)
    tail.end()
    tail.place_deviations()
    _emit(table, tail, reading)
    return table.used | {start}


def _emit(table: _Table, tail: _Tail, reading: Reading) -> None:
    entries = []
    for k, r in enumerate(table.rows):
        cells = [reading.add(Cell(v, lines, kind, y=r.y)) if v else None
                 for v, lines, kind in ((r.target, r.target_lines, "target"), (r.actual, r.actual_lines, "actual"))]
        num = [reading.add(Cell(v, [r.y], "number", y=r.y)) for v in (r.weight, r.score)]
        reading.rows.append(Row(cells[0], cells[1], num[0], num[1], y=k, extent=(k, k)))
        entries.append(Entry(_piece_cell(r.name, "name", r.y, reading), _piece_cell(r.dev, "deviation", r.y, reading)))
    reading.orders = [NameOrder(entries)]
    reading.diagnostics += table.doubts
    for lab, lines, row in table.starts:
        c = reading.add(Cell(lab, lines, "label"))
        reading.pins.append(Pin(lab, c, "starts" if lab in table.t.level2 else "contains", row))
    for lab, lines, row in tail.labels:
        c = reading.add(Cell(lab, lines, "label"))
        reading.pins.append(Pin(lab, c, "after" if lab in table.t.level2 else "parked", row))


def _piece_cell(pieces: list[Piece], kind: str, y: int, reading: Reading) -> Cell | None:
    text = join_wrapped(x for _, x in pieces)
    if not text:
        return None
    return reading.add(Cell(text, sorted({n for n, _ in pieces}), kind, y=y))


def read(items: list[Lexed], p: Params) -> Reading:
    reading = Reading(NAME)
    items = cut_label_heads(items, p)
    used = read_title(items, reading, p) | read_funds(items, reading, p) | read_total_grade(items, reading, p)
    used |= read_headers(items, reading)
    used |= _read_table(items, reading, used, p)
    _goals(items, reading, used, p)
    _labels(items, reading, used, p)
    return reading


def _goals(items: list[Lexed], reading: Reading, used: set[int], p: Params) -> None:
    lines = []
    index = {}
    apart = True
    for i, it in enumerate(items):
        if it.kind == "text" and i not in used:
            lines.append((it.no, it.text, apart))
            index[it.no] = i
            apart = False
        elif it.kind != "blank":
            apart = True
    paras = paragraphs_in_order(lines, p)
    if len(paras) > 2:          # a goal's one-line first sentence is no text of its own
        paras = min(paras, paragraphs_in_order(lines, p, wider_starts=False), key=lambda x: abs(len(x) - 2))
    for para in paras:
        reading.goals.append(reading.add(Cell(join_wrapped(x for _, x in para), [n for n, _ in para], "goal",
                                              y=para[0][0])))
        used.update(index[n] for n, _ in para)


def _labels(items: list[Lexed], reading: Reading, used: set[int], p: Params) -> None:
    """Printed labels outside the table."""
    free = [x if i not in used else Lexed(x.line, "blank") for i, x in enumerate(items)]
    for run in label_runs(free, p):
        for lab in run:
            template_cell(reading, lab.lines, lab.text)
