"""A form drawn as a PDF page: boxes on a grid of rows and columns, each with the lines its text
wraps to, and where each line lands on the page. The raw, layout and cells renderers print
these pieces, each in its dialect's order.

Geometry: ``y`` in half-lines from the top of the page (a cell's lines are centred in the rows
it spans, so a one-line cell beside a two-line one stands half a line off both of its lines);
``x`` in display columns (a CJK character takes two). Boxes come in the drawing order of the
producers: a block's merged label first, then its header, then its rows left to right.

``Drawing`` holds the knobs every drawn form shares: column widths, the producer's habits with
numbers and fund rows, the print artefacts of fresh forms, and the page break of a long form.
"""
from __future__ import annotations

import attrs

from ..model import Form, FundRow, Indicator
from ..text import width
from .common import (
    T, fund_header, fund_label_lines, goals_label_lines, indicator_header, mixed,
    number, split_bracket, split_decimal, sub_item, wrap, wrap_value, year_line,
)


@attrs.frozen
class Drawing:
    """How a producer draws the form. Widths are display columns (a CJK character takes two)."""

    level1_width: int = 10             # 一级 label column (4 or 5 characters)
    level2_width: int = 12             # 二级 label column
    name_width: int = 36               # 三级 name column
    target_width: int = 16             # 年度指标值
    actual_width: int = 16             # 实际完成值
    deviation_width: int = 34          # 偏差原因分析及改进措施
    expected_width: int = 56           # 预期目标 text
    goal_actual_width: int = 68        # 实际完成情况 text
    department_width: int = 44         # 主管部门 value
    unit_width: int = 40               # 实施单位 value (a long one wraps: its first half above)
    gutter: int = 2                    # blank columns between two columns of the table
    fund_indent: str = ""              # before 上年结转资金 / 其他资金 (one producer indents six spaces)
    fund_blank: bool = False           # the sub-rows' 分数/得分 left blank instead of -
    thousands: bool = False            # amounts of four digits with a comma: 1,204.50
    split_decimal: bool = False        # … or with a space after the point: 1,204. 50
    split_bracket: bool = False        # a quantity's unit apart from its bracket: ≥30.00( 个)
    wrap_bracket: bool = False         # a quantity too wide wraps before its bracket: 1172.68(万元 / )
    year_space: bool = False           # （2024 年度）
    score_apart: bool = False          # 得分 half a line below 分值: printed on lines of their own
    total_width: int = 0               # 0: the 总分 numbers whole; else they wrap (100.0 / 0)
    page_rows: int = 0                 # rows (then 总分, 评分等级) on the first page; 0: one page
    repeat_header: bool = False        # the later page repeats the indicator header
    repeat_labels: bool = True         # … and the labels of the groups that go on there
    snap: bool = False                 # a one-line cell beside a taller one sits on the taller one's
                                       # lower line, not half a line off it (a browser's baseline)
    formfeed: bool = True              # pages end with a form feed (else blank lines)
    page_blank_lines: int = 3          # blank lines between pages without form feeds


@attrs.frozen
class Piece:
    """One printed line of one box."""

    y: int                 # half-lines from the top of the page
    x: int                 # display columns from the left edge
    text: str
    role: str              # what the box holds (title, label, header, item, amount, name, …)
    box: int               # the box's index in drawing order
    row: int               # the sheet row the box starts on
    index: int = -1        # the indicator row it belongs to, -1 for none
    offbase: bool = False  # the box wraps or mixes scripts: off its row's baseline
    col: str = ""          # the table column it stands in (level1 … deviation), else its role


@attrs.frozen
class Box:
    row: int
    rows: int
    x: int
    width: int
    lines: tuple[str, ...]
    role: str
    align: str = "center"
    index: int = -1
    shift: int = 0         # half-lines below where centring puts it
    col: str = ""


@attrs.define
class Columns:
    """x of each column of the drawn form, from the widths."""

    level1: int = 0
    level2: int = 0
    name: int = 0
    target: int = 0
    actual: int = 0
    weight: int = 0
    score: int = 0
    deviation: int = 0
    right: int = 0

    @classmethod
    def of(cls, d: Drawing) -> Columns:
        c, g = cls(), d.gutter
        c.level2 = c.level1 + d.level1_width + g
        c.name = c.level2 + d.level2_width + g
        c.target = c.name + d.name_width + g
        c.actual = c.target + d.target_width + g
        c.weight = c.actual + d.actual_width + g
        c.score = c.weight + 6 + g
        c.deviation = c.score + 6 + g
        c.right = c.deviation + d.deviation_width
        return c


class Sheet:
    """Boxes on rows; ``pieces()`` lays their lines out."""

    def __init__(self) -> None:
        self.boxes: list[Box] = []
        self.rows = 0

    def row(self) -> int:
        """A new row below the others."""
        self.rows += 1
        return self.rows - 1

    def put(self, row: int, x: int, width: int, lines: list[str], role: str, align: str = "center",
            rows: int = 1, index: int = -1, shift: int = 0, col: str = "") -> None:
        lines = [ln for ln in lines if ln]
        if lines:
            self.boxes.append(Box(row, rows, x, width, tuple(lines), role, align, index, shift, col or role))

    def pieces(self, pad: int = 0, tall_pad: int = 0, snap: bool = False) -> list[Piece]:
        """Each box's lines, centred in its rows. ``pad`` half-lines stand between rows;
        ``tall_pad`` more around a row taller than one line; ``snap``: a box half a line off its
        row's tallest box's lines goes down onto the next one."""
        heights = [1] * self.rows
        for b in self.boxes:
            if b.rows == 1:
                heights[b.row] = max(heights[b.row], len(b.lines))
        for b in self.boxes:           # a merged box taller than its rows makes its last row taller
            if b.rows > 1:
                have = sum(heights[b.row:b.row + b.rows])
                heights[b.row + b.rows - 1] += max(0, len(b.lines) - have)
        sizes = [2 * h + pad + (2 * tall_pad if h > 1 else 0) for h in heights]
        tops = [0]
        for s in sizes:
            tops.append(tops[-1] + s)
        out = []
        for k, b in enumerate(self.boxes):
            span = tops[b.row + b.rows] - tops[b.row] - pad
            y0 = tops[b.row] + (span - 2 * len(b.lines)) // 2 + b.shift
            if snap and b.rows == 1 and (heights[b.row] - len(b.lines)) % 2:
                y0 += 1
            off = len(b.lines) > 1 or any(mixed(ln) for ln in b.lines)
            for j, line in enumerate(b.lines):
                x = b.x + {"left": 0, "center": max(0, (b.width - width(line)) // 2),
                           "right": max(0, b.width - width(line))}[b.align]
                out.append(Piece(y0 + 2 * j, x, line, b.role, k, b.row, b.index, off, b.col))
        return out


# --- the form, block by block -------------------------------------------------------------------

def draw(form: Form, d: Drawing) -> list[Sheet]:
    """The form's pages, each a sheet of boxes in drawing order."""
    c = Columns.of(d)
    first = Sheet()
    _title(first, form, d, c)
    _funds(first, form, d, c)
    _goals(first, form, d, c)
    return _table(first, form, d, c)


def _title(s: Sheet, form: Form, d: Drawing, c: Columns) -> None:
    s.put(s.row(), 0, c.right, [form.title or T.title], "title")
    if form.year is not None:
        s.put(s.row(), 0, c.right, [year_line(form.year, d.year_space)], "year")
    r = s.row()
    s.put(r, 4, 12, [T.label("project")], "label", "left")
    s.put(r, 20, c.right - 20, [form.project_name or ""], "project", "left")
    r = s.row()
    s.put(r, 4, 12, [T.label("department")], "label", "left")
    s.put(r, 20, d.department_width, cut(form.department or "", d.department_width), "department", "left")
    x = 24 + d.department_width
    s.put(r, x, 12, [T.label("unit")], "label", "left")
    s.put(r, x + 14, d.unit_width, cut(form.implementing_unit or "", d.unit_width), "unit", "left")


def cut(text: str, columns: int) -> list[str]:
    """Text wrapped to its column as a PDF producer measures it (digits and ≥ narrow)."""
    return wrap(text, columns, width)


def amount(value: float | None, d: Drawing, blank: str = "-") -> str:
    text = number(value, d.thousands, blank)
    return split_decimal(text) if d.split_decimal else text


def fund_cell(fr: FundRow, col: str, d: Drawing) -> str:
    """One number of a fund row as printed: an amount, a rate, or a sub-row's 分数/得分 (- or
    nothing with ``fund_blank``)."""
    value = getattr(fr, col)
    if col in ("weight", "score"):
        return number(value, blank="" if d.fund_blank else "-")
    return number(value) if col == "execution_rate" else amount(value, d)


def fund_columns(c: Columns) -> list[int]:
    """x of the six number columns of the fund block."""
    step = max(10, (c.right - c.target) // 6)
    return [c.target + k * step for k in range(6)]


def _funds(s: Sheet, form: Form, d: Drawing, c: Columns) -> None:
    header = s.row()
    rows = [s.row() for _ in form.funds]
    s.put(header, c.level1, c.name - c.level1 - 2, fund_label_lines(), "label", rows=1 + len(rows))
    xs = fund_columns(c)
    step = xs[1] - xs[0]
    for x, word in zip(xs, fund_header(T.fund_order)):
        s.put(header, x, step, [word], "header")
    for r, fr in zip(rows, form.funds):
        s.put(r, c.name, d.name_width, [sub_item(fr.item, d.fund_indent)], "item")
        for x, col in zip(xs, T.fund_order):
            s.put(r, x, step, [fund_cell(fr, col, d)], "amount")


def _goals(s: Sheet, form: Form, d: Drawing, c: Columns) -> None:
    header, row = s.row(), s.row()
    xe = c.level1 + 8
    xa = xe + d.expected_width + 4 + 2 * d.gutter
    s.put(row, c.level1, 6, goals_label_lines(), "label")
    s.put(header, xe, d.expected_width, [T.label("goal_expected")], "header")
    s.put(header, xa, d.goal_actual_width, [T.label("goal_actual")], "header")
    s.put(row, xe, d.expected_width, cut(form.goals.expected or "", d.expected_width), "goal", "left")
    s.put(row, xa, d.goal_actual_width, cut(form.goals.actual or "", d.goal_actual_width), "goal", "left")


def _runs(inds: list[Indicator], key: str, a: int, b: int) -> list[tuple[int, int]]:
    """(first, end) of each run of rows in [a, b) that share their ``key`` label."""
    out, start = [], a
    for i in range(a + 1, b + 1):
        if i == b or getattr(inds[i], key) != getattr(inds[start], key):
            out.append((start, i))
            start = i
    return out


TABLE_COLUMNS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation")


def _header(s: Sheet, d: Drawing, c: Columns) -> None:
    r = s.row()
    xs = (c.level1, c.level2, c.name, c.target, c.actual, c.weight, c.score, c.deviation)
    ws = (d.level1_width, d.level2_width, d.name_width, d.target_width, d.actual_width, 6, 6, d.deviation_width)
    for x, w, word, col in zip(xs, ws, indicator_header(), TABLE_COLUMNS):
        s.put(r, x, w, [word], "header", col=col)


def value_lines(text: str, columns: int, d: Drawing) -> list[str]:
    if d.split_bracket:
        text = split_bracket(text)
    return wrap_value(text, columns, d.wrap_bracket, width)


def _rows(s: Sheet, inds: list[Indicator], a: int, b: int, d: Drawing, c: Columns) -> None:
    rows = [s.row() for _ in range(a, b)]
    labels: dict[int, list[tuple[int, int, str, int, str]]] = {}
    for key, x, w in (("level1", c.level1, d.level1_width), ("level2", c.level2, d.level2_width)):
        for start, end in _runs(inds, key, a, b):
            goes_on = start == a > 0 and getattr(inds[a - 1], key) == getattr(inds[a], key)
            if getattr(inds[start], key) and not (goes_on and not d.repeat_labels):
                labels.setdefault(start, []).append((x, w, getattr(inds[start], key), end - start, key))
    for i, r in zip(range(a, b), rows):
        for x, w, label, span, col in labels.get(i, []):
            s.put(r, x, w, cut(label, w), "label", rows=span, index=i, col=col)
        ind = inds[i]
        s.put(r, c.name, d.name_width, cut(ind.name or "", d.name_width), "name", "left", index=i)
        s.put(r, c.target, d.target_width, value_lines(ind.target or "", d.target_width, d), "target", index=i)
        s.put(r, c.actual, d.actual_width, value_lines(ind.actual or "", d.actual_width, d), "actual", index=i)
        s.put(r, c.weight, 6, [number(ind.weight)], "weight", index=i)
        s.put(r, c.score, 6, [number(ind.score)], "score", index=i, shift=1 if d.score_apart else 0)
        s.put(r, c.deviation, d.deviation_width, cut(ind.deviation or "", d.deviation_width), "deviation",
              "left", index=i)


def _closing(s: Sheet, form: Form, which: str, d: Drawing, c: Columns) -> None:
    r = s.row()
    if which == "total":
        s.put(r, c.level1, c.target - c.level1 - 2, [T.label("total")], "label", col="level1")
        for x, value, col in ((c.weight, form.total.weight, "weight"), (c.score, form.total.score, "score")):
            text = number(value)
            s.put(r, x, 6, wrap(text, d.total_width, len) if d.total_width else [text], "total", col=col)
    else:
        s.put(r, c.level1, c.name - c.level1 - 2, [T.label("grade")], "label", col="level1")
        s.put(r, c.name, 8, [form.grade or ""], "grade", "left", col="name")


def _table(first: Sheet, form: Form, d: Drawing, c: Columns) -> list[Sheet]:
    """The indicator table on the first page and, past ``page_rows`` entries (rows, then 总分 and
    评分等级), on a second one."""
    n = len(form.indicators)
    entries: list = list(range(n)) + ["total", "grade"]
    cut = d.page_rows if 0 < d.page_rows < len(entries) else len(entries)
    pages: list[Sheet] = []
    for part in (entries[:cut], entries[cut:]):
        if not part:
            continue
        s = first if not pages else Sheet()
        if not pages or d.repeat_header:
            _header(s, d, c)
        rows = [e for e in part if isinstance(e, int)]
        if rows:
            _rows(s, form.indicators, rows[0], rows[-1] + 1, d, c)
        for e in part:
            if isinstance(e, str):
                _closing(s, form, e, d, c)
        pages.append(s)
    return pages
