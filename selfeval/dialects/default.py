"""``default``: pdftotext's default mode on a drawn form (the real seed's dialect).

Fund rows come joined, their (全年执行数, 执行率) pairs in a block apart; value rows in row order (a wrapped
row as pieces, then its 分值 得分); labels beside a one-row group's row or parked. The 三级指标 column
comes detached, in bands printed bottom-up (the one under its header last), other blocks between them.
"""
from __future__ import annotations

import attrs

from ..codes import diag
from ..grid import Cell, Entry, NameOrder, Pin, Reading, Row
from ..lexer import Lexed
from ..params import Params
from ..text import join_wrapped, prose_marks, width
from .column import RawEntry, cut_column, free_lines, goal_paragraphs
from .common import (
    cut_label_heads, label_runs, read_funds, read_headers, read_title, read_total_grade, template_cell,
)
from .features import shape, share
from .raw import split_cells

NAME = "default"


def detect(items: list[Lexed], p: Params) -> float:
    """Fund rows joined, a header without 三级指标, value rows on lines or closed by 分值 得分."""
    f = shape(items)
    if share(f.gaps, f.lines) >= p.detect.layout_gap_share or f.header_names:
        return 0.0
    rows = min(1.0, (f.value_rows + f.pairs) / 5)
    return 0.5 * share(f.fund_joined, f.fund_rows, 0.5) + 0.3 * (f.header and not f.header_names) + 0.2 * rows


@attrs.define(eq=False)
class _Row:
    target: str
    actual: str
    weight: str
    score: str
    labels: list[str]
    lines: list[int]
    first: int          # item index of its first line
    last: int


def _table_piece(text: str, levels: frozenset, p: Params) -> tuple[list[str], str] | None:
    """A short table line that may be a piece of a wrapped cell (控制在预算 / 内), labels stripped."""
    tokens = text.split()
    k = 0
    while k < len(tokens) - 1 and tokens[k] in levels:
        k += 1
    rest = tokens[k:]
    if len(rest) != 1 or width(rest[0]) > p.rows.cell_piece_width or prose_marks(rest[0]):
        return None
    return tokens[:k], rest[0]


def assemble_rows(items: list[Lexed], p: Params) -> tuple[list[_Row], list[int]]:
    """Value rows in reading order (a wrapped one closed by its 分值 得分), and the pairs that closed none."""
    t = p.template
    levels = frozenset(t.level1 + t.level2)
    rows: list[_Row] = []
    pairs: list[int] = []
    pending: list[tuple[int, str]] = []
    labels: list[str] = []
    in_table = False
    for i, it in enumerate(items):
        # a label piece that starts no label (标, 内) goes on with a wrapped cell
        pieceable = it.kind == "text" or (it.kind == "label" and it.text not in t.label_prefixes and pending
                                          and items[pending[-1][0]].kind == "text")
        piece = _table_piece(it.text, levels, p) if pieceable and (in_table or pending) else None
        if it.kind == "value_row":
            pending, labels = [], []
            f = it.fields
            rows.append(_Row(f["target"], f["actual"], f["weight"], f["score"], list(f["labels"]), [it.no], i, i))
            in_table = True
        elif it.kind == "pieces":
            labels += it.fields.get("labels", [])
            pending += [(i, x) for x in it.fields["pieces"]]
        elif piece is not None:
            labels += piece[0]
            pending.append((i, piece[1]))
        elif it.kind == "pair":
            cells = split_cells([x for _, x in pending]) if len(pending) > 1 else None
            if cells:
                idx = sorted({k for k, _ in pending})
                rows.append(_Row(cells[0], cells[1], it.fields["a"], it.fields["b"], labels,
                                 [items[k].no for k in idx] + [it.no], idx[0], i))
                in_table = True
            else:
                pairs.append(i)
                in_table = False
            pending, labels = [], []
        elif it.kind == "indicator_header":
            in_table = True
        elif it.kind not in ("blank", "label"):
            pending, labels = [], []
            in_table = False
    return rows, pairs


def _pins(items: list[Lexed], rows: list[_Row], reading: Reading, used: set[int], p: Params) -> set[int]:
    """Labels on or just before a row's line ``contains`` that row; others are parked."""
    t = p.template
    start = {r.first: k for k, r in enumerate(rows)}
    taken: set[int] = set()
    for k, r in enumerate(rows):
        for lab in r.labels:
            c = reading.add(Cell(lab, r.lines[:1], "label"))
            reading.pins.append(Pin(lab, c, "contains", k))
    free = [x if i not in used else Lexed(x.line, "blank") for i, x in enumerate(items)]
    for run in label_runs(free, p):
        nxt = run[-1].last + 1
        while nxt < len(items) and items[nxt].kind == "blank":
            nxt += 1
        beside = nxt in start and sum(lab.text in t.level2 for lab in run) <= 1
        for lab in run:
            taken.update(range(lab.first, lab.last + 1))
            if lab.text in t.level1 or lab.text in t.level2:
                c = reading.add(Cell(lab.text, lab.lines, "label"))
                reading.pins.append(Pin(lab.text, c, "contains" if beside else "parked", start.get(nxt)))
            else:
                template_cell(reading, lab.lines, lab.text)
    return taken


def band_orders(entries: list[RawEntry], n: int, p: Params) -> list[tuple[list[int], str, float]]:
    """For each band height B, each printed entry's row: those after the 三级指标 header are the top rows,
    the rest bands of B rows printed bottom-up, cut where another block stands. -> (rows, note, prior)"""
    h = next((k for k, e in enumerate(entries) if e.after_header), len(entries))
    before = h
    out, seen = [], set()
    for height in range(1, max(1, before) + 1):
        sizes, left = [], before
        while left > 0:
            sizes.append(min(height, left))
            left -= height
        sizes.reverse()
        starts, acc = [], 0
        for s in sizes:
            starts.append(acc)
            acc += s
        rows_of = [0] * len(entries)
        for k in range(h, len(entries)):
            rows_of[k] = k - h
        top = len(entries) - h
        for b, (s, size) in enumerate(zip(starts, sizes)):
            first_row = top + sum(sizes[b + 1:])
            for j in range(size):
                rows_of[s + j] = first_row + j
        key = tuple(rows_of)
        if key in seen:
            continue
        seen.add(key)
        broken = sum(1 for k, e in enumerate(entries) if 0 < k < h and e.gap == "sep" and k not in starts)
        out.append((rows_of, f"bands of {height}", -p.column.separator_inside * broken))
    return out


def _orders(cut_entries: list[RawEntry], reading: Reading, n: int, p: Params) -> None:
    entries = []
    for e in cut_entries:
        name = reading.add(Cell(e.name, [x.no for x in e.name_lines], "name"))
        dev = reading.add(Cell(join_wrapped(x for _, x in e.dev), [no for no, _ in e.dev], "deviation")) \
            if e.dev else None
        entries.append(Entry(name, dev))
    if len(entries) != n:
        reading.diagnostics.append(diag("name-count-mismatch", f"{len(entries)} indicator names for {n} value rows; "
                                        "names kept in reading order", [x for e in entries for c in e.cells
                                                                        for x in c.lines]))
        reading.orders = [NameOrder((entries + [None] * n)[:n])]
        return
    if len(cut_entries) > p.bounds.max_chunks:
        reading.orders = [NameOrder(list(entries), note="printed order")]
        return
    for rows_of, note, prior in band_orders(cut_entries, n, p):
        placed: list[Entry | None] = [None] * n
        for k, r in enumerate(rows_of):
            placed[r] = entries[k]
        reading.orders.append(NameOrder(placed, prior, note))


def _rows(rows: list[_Row], items: list[Lexed], reading: Reading) -> None:
    for k, r in enumerate(rows):
        y = items[r.last].no
        cell_lines = [x for x in r.lines if x != y] or [y]
        tc = reading.add(Cell(r.target, cell_lines, "target", y=y)) if r.target else None
        ac = reading.add(Cell(r.actual, cell_lines, "actual", y=y)) if r.actual else None
        wc = reading.add(Cell(r.weight, [y], "number", y=y))
        sc = reading.add(Cell(r.score, [y], "number", y=y))
        reading.rows.append(Row(tc, ac, wc, sc, y=k, extent=(r.first, r.last)))


def _pairs(items: list[Lexed], pairs: list[int], rows: list[_Row], reading: Reading) -> None:
    """Bare pairs: the 总分 pair and the (全年执行数, 执行率) block, the pairs below its header first."""
    last = rows[-1].last if rows else -1
    cells = {i: (reading.add(Cell(items[i].fields["a"], [items[i].no], "number")),
                 reading.add(Cell(items[i].fields["b"], [items[i].no], "number"))) for i in pairs}
    after = sorted(pairs, key=lambda i: (i < last, abs(i - last)))
    reading.total_candidates = [cells[i] for i in after]
    header = next((i for i, x in enumerate(items) if x.kind == "exec_header"), None)
    order = [i for i in pairs if header is None or i > header] + [i for i in pairs if header is not None and i < header]
    reading.fund_pairs = [cells[i] for i in order]


def read(items: list[Lexed], p: Params) -> Reading:
    reading = Reading(NAME)
    items = cut_label_heads(items, p)
    used = read_title(items, reading, p) | read_funds(items, reading, p) | read_total_grade(items, reading, p)
    used |= read_headers(items, reading)
    rows, pairs = assemble_rows(items, p)
    for r in rows:
        used.update(range(r.first, r.last + 1))
    used.update(pairs)
    _rows(rows, items, reading)
    _pairs(items, pairs, rows, reading)
    used |= _pins(items, rows, reading, used, p)
    # label pieces that spell no label are text (a wrapped name's last character, 本)
    items = [Lexed(x.line, "text") if x.kind == "label" and i not in used else x for i, x in enumerate(items)]
    lines = free_lines(items, used)
    paras = goal_paragraphs(lines, p)
    for para in paras:
        reading.goals.append(reading.add(Cell(join_wrapped(x.text for x in para), [x.no for x in para], "goal")))
    in_goal = {x.no for para in paras for x in para}
    column = [x for x in lines if x.no not in in_goal]
    lost = sum(r.lost_points for r in reading.rows)
    cut = cut_column(column, len(rows), lost, p)
    if cut.bounded:
        reading.diagnostics.append(diag("search-bounded", f"the names column ({len(column)} lines, {len(rows)} rows) "
                                        "is beyond the search's bounds: read line by line, one entry per name line",
                                        [x.no for x in column]))
    if cut.forced:
        level = "warning" if cut.forced_cost >= p.column.forced_warning else "info"
        reading.diagnostics.append(diag("names-forced", "one indicator name per value row was reached only by "
                                        f"reading these lines against their looks (cost {cut.forced_cost:.1f})",
                                        cut.forced, level))
    _orders(cut.entries, reading, len(rows), p)
    return reading
