"""``cells``: one cell per line — a spreadsheet's PDF in pdftotext's default mode, and a drawn
form printed column by column.

Input shape::

    项目名称
    社区图书馆运营补助
    年度资金总额
    897.06
    754.16
    …
    图书借阅人均成本
    ≤2279.43(元/人)
    2279.43(元/人)
    4.00
    4.00

Each cell stands on lines of its own (blank lines between most), in the order of the page's
text blocks: mostly row by row, left to right, but a block may stand far from its row — the
first row's name after the table, a score after the 总分, the one-line deviations as a column
after their header, a merged 二级 label at its group's middle. A drawn form prints whole columns
at a time: the names, then the targets …, the 项目资金 block column by column, the two goal
texts with their lines interleaved.

The lines are cut into cells, the pieces of a wrapped cell joined and each cell typed by its
looks; the form is rebuilt from each type's stream: targets, actuals and numbers keep their
order (a number out of it is put back by the sums, or the numbers are read as two column
streams), names and deviations are placed by position and evidence; printed by columns, a
cell's row is its rank in its column. Evidence given: the title cells, the fund block item by
item (a block printed by columns read back by the shared arithmetic, ``solve.funds``), the rows,
one ``NameOrder``, 二级 labels beside the row they stand at (``contains``) or parked, the goal
texts in print order, the 总分 pair, the grade; a diagnostic wherever a reading could be wrong.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from types import SimpleNamespace

import attrs
import regex

from ..arith import fund_broken, lost_points
from ..codes import diag
from ..grid import Cell, Entry, NameOrder, Pin, Reading, Row
from ..lexer import Lexed
from ..model import FundRow
from ..params import Params
from ..solve.cues import RowCues, deviation_fit, lexical_cue, name_groups, value_cue
from ..solve.funds import TOTAL_ONLY, Num, read_stream
from ..template import Template
from ..text import (
    QUANT_HEAD_RE, QUANT_MIDDLE_RE, QUANT_TAIL_RE, ends_sentence, is_number, is_number_or_dash, is_prose,
    has_han, join_wrapped, number_or_none, parse_cell, starts_with_punctuation, width,
)
from .common import read_title, template_cell
from .features import shape, share

NAME = "cells"
INF = float("inf")
TIE = 1e-3                                  # a reward for printed order, too slight to outweigh evidence
YEAR_OPENING = regex.compile(r"\d{4}年")     # 2023年度…: how an account of a year opens
TITLE_SLOTS = ("project_name", "department", "implementing_unit")


def detect(items: list[Lexed], p: Params) -> float:
    """Fund rows one number per line (not joined on their item's line), numbers and quantities
    alone on their lines, hardly a whole value row."""
    f = shape(items)
    if share(f.gaps, f.lines) >= p.detect.layout_gap_share:
        return 0.0
    alone = min(1.0, share(f.alone, f.lines) / 0.12)
    few_rows = f.value_rows <= 0.1 * max(1, f.alone)
    return 0.5 * (1 - share(f.fund_joined, f.fund_rows, 0.5)) + 0.3 * alone + 0.2 * (not f.header_names and few_rows)


@attrs.define(eq=False)
class Piece(Cell):
    """A cell of this print: its place among the form's cells (``pos``), whether the next cell
    shares its line, whether a number stands left of it, the width of its last line."""

    pos: int = 0
    line_mate: bool = False
    after_number: bool = False
    last_width: int = 0
    widest: int = 0             # the width of its widest line of wide characters only
    last_wide: bool = False     # its last line has wide characters only
    looks: str = ""             # its kind by its looks, once it is taken


def _take(c: Piece) -> None:
    """``c`` went into a field: no later stream reads it."""
    if c.kind != "taken":
        c.looks, c.kind = c.kind, "taken"


@lru_cache(maxsize=8)
def words(t: Template) -> SimpleNamespace:
    """The template's words as this reader asks them."""
    goal = t.spellings("goals")
    return SimpleNamespace(
        labels=frozenset(t.all_labels), levels=frozenset(t.level1 + t.level2),
        targets=frozenset(t.words("cells", "target_words")) | {w for g in t.group_cues.values() for w in g.value},
        achievement=frozenset(t.words("cells", "achievement")), met=frozenset(t.words("cells", "achievement_met")),
        no_deviation=frozenset(t.words("cells", "no_deviation")), dashes=frozenset(t.words("cells", "dashes")),
        table_start=frozenset(t.spellings("name", "target", "actual")),
        values_header=frozenset(t.spellings("target", "actual")),
        goals_header=frozenset(t.spellings("goal_expected", "goal_actual")), total=frozenset(t.spellings("total")),
        # the goals' margin label, each piece of it (年度 / 总体 / 目标) a piece of this text
        goal_text="\x00".join(goal),
        bodies=t.words("bodies", "department_suffixes") + t.words("bodies", "org_suffixes"))


def note(reading: Reading, code: str, message: str, cells=(), level: str | None = None) -> None:
    reading.diagnostics.append(diag(code, message, [x for c in cells for x in c.lines], level))


# --- 1. cells -----------------------------------------------------------------------------------------

def cut_cells(items: list[Lexed], skip: set[int], p: Params) -> list[Piece]:
    """The form's cells in printed order: lines cut at their spaces (prose kept whole, but for a
    row's cells printed before a deviation's words), wrapped pieces joined, each typed."""
    t = p.template
    raw: list[Piece] = []
    block = 0
    for it in items:
        if it.kind == "blank":
            block += 1
        elif it.no not in skip:
            parts = it.text.split()
            if is_prose(it.text) and not t.fund_item(parts[0]):        # (其中：当年财政拨款 is no prose)
                lead = 0
                # a row's cells before a deviation's line: its 得分, or its actual, 分值 and 得分
                while lead < len(parts) - 1 and (is_number_or_dash(parts[lead])
                                                 or cell_kind(parts[lead], t) in ("target", "actual")):
                    lead += 1
                parts = parts[:lead] + [it.text.split(None, lead)[-1]]
            raw += [Piece(x, [it.no], y=it.no, block=block, line_mate=k + 1 < len(parts), last_width=width(x),
                          widest=width(x) * _wide_only(x), last_wide=_wide_only(x),
                          after_number=k > 0 and is_number(parts[k - 1])) for k, x in enumerate(parts)]
    cells = _join_prose(_join_quantities(_join_labels(raw, p), t), p)
    for c in cells:
        c.kind = cell_kind(c.text, t)
        if c.kind == "word" and c.after_number and width(c.text) >= p.cells.dev_piece:
            c.kind = "prose"    # right of a number on its line stands only the 偏差原因 column
    cells = _join_name_tails(cells, p)
    for i, c in enumerate(cells):
        c.pos = i
    return cells


def _absorb(head: Piece, c: Piece, text: str) -> None:
    head.text = text
    head.lines.extend(c.lines)
    head.line_mate, head.last_width, head.last_wide = c.line_mate, c.last_width, c.last_wide
    head.widest = max(head.widest, c.widest)


def _wide_only(text: str) -> bool:
    """A line of wide characters only, whose printed width ``width`` tells exactly."""
    return width(text) == 2 * len(text)


def _join_labels(cells: list[Piece], p: Params) -> list[Piece]:
    """Pieces of one block that spell a printed label: consecutive (年度 / 总体 / 目标), or with
    cells of the next columns between them (服务对象满意 / a name / 度指标), at most
    ``Cells.label_reach`` cells apart."""
    labels, prefixes = words(p.template).labels, p.template.label_prefixes
    used: set[int] = set()
    joined: dict[int, Piece] = {}
    for i, c in enumerate(cells):
        if i in used or c.text not in prefixes:
            continue
        parts, text, j = [i], c.text, i + 1
        while (text not in labels and j < len(cells) and j <= parts[-1] + p.cells.label_reach
               and cells[j].block == c.block):
            if j not in used and text + cells[j].text in prefixes:
                parts.append(j)
                text += cells[j].text
            j += 1
        if len(parts) > 1 and text in labels:
            used.update(parts)
            joined[i] = Piece(text, [n for k in parts for n in cells[k].lines], y=c.y, block=c.block,
                              last_width=cells[parts[-1]].last_width)
    return [joined.get(i, c) for i, c in enumerate(cells) if i in joined or i not in used]


def _join_quantities(cells: list[Piece], t: Template) -> list[Piece]:
    """``1043.76(元/`` + ``人/月)``: a piece that ends a unit closes the oldest open head of its
    block (two cells cut on one line close in printed order)."""
    labels = words(t).labels
    out: list[Piece] = []
    heads: list[Piece] = []
    for c in cells:
        heads = [h for h in heads if h.block == c.block]
        if QUANT_HEAD_RE.match(c.text):
            heads.append(c)
        elif heads and (QUANT_TAIL_RE.match(c.text) or QUANT_MIDDLE_RE.match(c.text)) and c.text not in labels:
            heads[0].text += c.text
            heads[0].lines.extend(c.lines)
            if QUANT_TAIL_RE.match(c.text):
                heads.pop(0)
            continue
        out.append(c)
    return out


def _join_prose(cells: list[Piece], p: Params) -> list[Piece]:
    """A prose line goes on with the text line under it in its block when it ends no sentence,
    or fills a line as wide as the one under it (a goal's sentences run on) and no wider line
    of its cell shows room left on it for the next line's first character (the text wraps by
    the character: a sentence that ended short of its column's width ended its cell; told on
    lines of wide characters only, whose widths are exact); so does a line that starts with
    punctuation."""
    labels = words(p.template).labels
    out: list[Piece] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and prev.block == c.block and not prev.line_mate and c.text not in labels
                and not is_number(c.text) and parse_cell(c.text) is None
                and ((is_prose(prev.text) and (not ends_sentence(prev.text) or (
                    prev.last_width >= p.cells.full_line and (is_prose(c.text) or c.last_width <= prev.last_width)
                    and not (prev.last_wide and prev.last_width + width(c.text[:1]) <= prev.widest))))
                     or starts_with_punctuation(c.text))):
            _absorb(prev, c, join_wrapped([prev.text, c.text]))
        else:
            out.append(c)
    return out


def _join_name_tails(cells: list[Piece], p: Params) -> list[Piece]:
    """A long name wrapped in its cell leaves a short tail on the next line (…计划完成 / 数), the
    row's 年度指标值 maybe printed between (… / ≥6968.00(台) / 数): a word of a character or two
    under a word as wide as the name column is its tail, unless it reads as a value (及时)."""
    w = words(p.template)
    wrap, tail = p.cells.name_wrap, p.cells.name_tail_width
    edge = _column_edge(cells, p)
    if edge is not None and edge < wrap:
        wrap, tail = edge, edge - 2     # a narrower name column: any shorter line under a full one
    out: list[Piece] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "target" and len(out) > 1 and out[-2].kind == "word"
                and out[-2].block == prev.block and not out[-2].line_mate and not prev.line_mate
                and len(c.text) == 1):
            prev = out[-2]
        if (prev is not None and prev.kind == c.kind == "word" and prev.block == c.block and not prev.line_mate
                and width(prev.text) >= wrap and width(c.text) <= tail
                and c.text not in w.targets and c.text not in w.no_deviation):
            _absorb(prev, c, prev.text + c.text)
        else:
            out.append(c)
    return out


def _column_edge(cells: list[Piece], p: Params) -> int | None:
    """The name column's width, where the form shows it: the widest of the table's words alone on
    their lines (after the title block: from the first number on), reached by several that a
    short word follows in their block (lines cut at the column's edge and their tails), else None."""
    table = cells[next((k for k, c in enumerate(cells) if c.kind == "number"), len(cells)):]

    def alone(c: Piece) -> bool:
        return c.kind == "word" and not c.line_mate and _wide_only(c.text)
    top = max((width(c.text) for c in table if alone(c)), default=None)
    if top is None:
        return None
    cut = sum(alone(a) and alone(b) and width(a.text) == top and b.block == a.block and width(b.text) <= top // 2
              for a, b in zip(table, table[1:]))
    return top if cut >= p.cells.edge_lines else None


def cell_kind(text: str, t: Template) -> str:
    """number | dash | target | actual | label | template | fund_item | grade | prose | word"""
    w = words(t)
    quantity = parse_cell(text)
    head = quantity is None and QUANT_HEAD_RE.match(text)
    return ("dash" if text in w.dashes else "number" if is_number(text)
            else ("target" if quantity[0] else "actual") if quantity
            else ("target" if text.startswith(t.words("cells", "operators")) else "actual") if head
            else "actual" if text in w.achievement else "label" if text in w.levels
            else "template" if text in w.labels else "fund_item" if t.fund_item(text)
            else "grade" if text in t.grades else "prose" if is_prose(text) else "word")


# --- 2. the form --------------------------------------------------------------------------------------

@attrs.define(eq=False)
class Funds:
    """The 项目资金 block: item -> column -> cell, the numbers printed before the table's values
    (``early``) and where those start."""

    grid: dict[str, dict[str, Piece]]
    early: list[Piece]
    values_start: int

    def rows(self, t: Template) -> list[FundRow]:
        return [FundRow(item, **{col: number_or_none(c.text) for col, c in self.grid[item].items()})
                for item in t.fund_item_names if item in self.grid]

    def total(self, t: Template) -> tuple[float, float]:
        """The 年度资金总额 row's 分值 and 得分 (0 when not printed)."""
        row = self.grid.get(t.fund_item_names[0], {})
        return tuple(number_or_none(row[c].text) or 0.0 if c in row else 0.0 for c in TOTAL_ONLY)


def read(items: list[Lexed], p: Params) -> Reading:
    reading = Reading(NAME)
    cells = cut_cells(items, {items[i].no for i in read_title(items, reading, p)}, p)
    w = words(p.template)
    for c in cells:
        reading.add(c)
        if c.kind in ("template", "label"):      # the form's own print, wherever it stands
            c.place("template")
    first_fund = next((c.pos for c in cells if c.kind == "fund_item"), None)
    first_value = next((c.pos for c in cells if c.kind in ("target", "actual")
                        and (first_fund is None or c.pos > first_fund)), len(cells))
    table_start = next((c.pos for c in cells if c.kind == "template" and c.text in w.table_start), first_value)
    # the 分值/得分 numbers come after the header of the value columns or the first value,
    # whichever is printed first (三级指标 may stand above fund values printed late)
    values_start = min(first_value, next((c.pos for c in cells if c.kind == "template"
                                          and c.text in w.values_header), table_start))
    # … or after the 分值 or 得分 header printed a second time, the fund header's own printed before
    for slot in ("weight", "score"):
        heads = [c.pos for c in cells if c.kind == "template" and p.template.label_slot(c.text) == slot]
        if first_fund is not None and len(heads) >= 2 and heads[0] < first_fund < heads[1]:
            values_start = min(values_start, heads[1])
    _title_values(cells[:min(table_start, first_value)], cells[min(table_start, first_value):], reading, p)
    funds = Funds({}, [c for c in cells[:values_start] if c.kind == "number"], values_start)
    fund_end = _funds(cells, first_fund, funds, reading, p, first_value)
    _fund_fallback(cells, funds, [], reading, p)
    texts = {it.no: it.text for it in items}
    reading.goals = goals = _goals(cells, fund_end, first_value, texts, reading, p)
    _check_goals(goals, texts, reading, p)
    table = [c for c in cells[fund_end:] if all(c is not g for g in goals)]     # (taken cells part runs)
    grades = [c for c in table if c.kind == "grade"]
    reading.grade = grades[0] if grades else None
    for c in grades:
        _take(c)
    _table(Ctx(reading, p, table, texts, cells, funds), values_start)
    _fund_fallback(cells, funds, [c for c in table if c.kind == "number"], reading, p)
    reading.fund_grid = funds.grid
    for c in cells:
        c.kind = c.looks if c.kind == "taken" else c.kind
    return reading


def _title_values(head: list[Piece], rest: list[Piece], reading: Reading, p: Params) -> None:
    """项目名称, 主管部门, 实施单位 that their labelled lines left empty: the first free words
    before the table, in that order (the 实施单位 may stand after the fund block or the goals: a
    body's name among the table's cells); the department told by how the names end."""
    t = p.template
    slots = [s for s in TITLE_SLOTS if s not in reading.title]
    picked = _join_bodies([c for c in head if c.kind == "word"], t)[:len(slots)]
    orgs = [c for c in _join_bodies([c for c in rest if c.kind == "word"], t) if looks_like_body(c.text, t)]
    if len(picked) < len(slots) and orgs:
        picked.append(orgs[0])
        note(reading, "unit-apart", f"{t.label('unit')} printed away from the title block: {orgs[0].text}", orgs[:1])
    got = dict(zip(slots, picked))
    dept, unit = got.get("department"), got.get("implementing_unit")
    if dept and unit and _department_like(unit.text, t) and not _department_like(dept.text, t):
        got["department"], got["implementing_unit"] = unit, dept
        note(reading, "department-order", f"{t.label('unit')} printed before {t.label('department')}", [dept, unit])
    for slot, c in got.items():
        reading.title[slot] = c
        _take(c)


def _join_bodies(cells: list[Piece], t: Template) -> list[Piece]:
    """A body's name wrapped in its cell (…电子政务运维 / 中心): a word that is no body's name
    but makes one with the word printed under it is joined with it."""
    out: list[Piece] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and prev.block == c.block and c.pos == prev.pos + 1 and not looks_like_body(prev.text, t)
                and not looks_like_body(c.text, t) and looks_like_body(prev.text + c.text, t)):
            prev.text += c.text
            prev.lines.extend(c.lines)
            _take(c)
        else:
            out.append(c)
    return out


def looks_like_body(text: str, t: Template) -> bool:
    """A government body's name (江北市临川区图书馆): a place and an organ's ending."""
    return text.endswith(words(t).bodies) and any(m in text for m in t.words("bodies", "place_marks"))


def _department_like(text: str, t: Template) -> bool:
    return text.endswith(t.words("bodies", "department_suffixes"))


# --- the fund block -----------------------------------------------------------------------------------

def _funds(cells: list[Piece], first: int | None, funds: Funds, reading: Reading, p: Params,
           table_from: int) -> int:
    """Each fund row: its item, then one value per column of the header (words and labels among
    them skipped; a column not printed takes its place in the template's order). Values printed
    after the other rows fill the columns the rows lack, in order. Returns where the block ends:
    an item printed after the table's first value (``table_from``) is a block set late, it does
    not stretch the block over the table."""
    t = p.template
    if first is None:
        return 0
    items = [c for c in cells[first:] if c.kind == "fund_item"]
    columns: list[str] = []
    for c in cells[:items[-1].pos]:
        col = t.fund_column(c.text) if c.kind == "template" else None
        if col and col not in columns:
            columns.append(col)
    for col in t.fund_order:
        if col not in columns:
            rank = t.fund_order.index
            columns.insert(next((k for k, f in enumerate(columns) if rank(f) > rank(col)), len(columns)), col)
    end, read = first, {}
    for c in items:
        values, j = [], c.pos + 1
        while j < len(cells) and len(values) < len(columns):
            if cells[j].kind in ("number", "dash"):
                values.append(cells[j])
            elif cells[j].kind not in ("template", "label") or cells[j].text in words(t).table_start:
                break
            j += 1
        # an item with no value after it is a label printed apart from its row (its values stand
        # with the block's others): it names a row, it does not extend the block
        end, item = (max(end, j) if values and c.pos < table_from else end), t.fund_item(c.text)
        for v in [c] + values:
            _take(v)
        c.place("template")
        if item in funds.grid:
            note(reading, "duplicate-line", f"fund row {item} printed twice; the first is used", [c])
            continue
        blank = [col for col in columns if col not in ("weight", "score")]
        if item != t.fund_item_names[0] and len(values) == len(blank) < len(columns):
            # a sub-row leaves 分值 and 得分 blank (they are the total's alone): its values are the rest
            funds.grid[item], read[item] = dict(zip(blank, values)), len(columns)
            continue
        funds.grid[item], read[item] = dict(zip(columns, values)), len(values)
        if len(values) < len(columns):
            note(reading, "fund-row-shape", f"fund row {item}: {len(values)} values, {len(columns)} columns",
                 [c] + values)
    left = []
    for c in cells[first:funds.values_start]:
        if c.kind == "template" and c.text in words(t).values_header:
            break
        left += [c] if c.kind in ("number", "dash") else []
    for item in (x for x in t.fund_item_names if x in funds.grid):
        for col in columns[read.get(item, len(columns)):]:
            if left:
                funds.grid[item][col] = v = left.pop(0)
                _take(v)
                note(reading, "fund-value-apart", f"{item}: {col} printed after the other rows", [v])
    return end


def _fund_fallback(cells: list[Piece], funds: Funds, late: list[Piece], reading: Reading, p: Params) -> None:
    """Rows read item by item that break the block's sums or rates: the block printed by columns
    is read back by the shared arithmetic (``solve.funds.read_stream``), kept when it breaks
    fewer rules; ``late``: numbers printed after the table. Read here, not by the solver: the
    rows' sums need the block's 分值 and 得分."""
    t = p.template
    rows, numbers = funds.rows(t), funds.early + late
    whole = all(funds.grid.get(item) for item in t.fund_item_names)
    if not numbers or not funds.grid or (whole and not fund_broken(rows, t)):
        return          # no fund item printed: no block to read (and no search on stray numbers)
    # a row without its values (its item printed apart from them, or not found) breaks more than any rule
    before = fund_broken(rows, t) if whole else len(t.fund_items) * len(t.fund_columns)
    # rows not all found: a loose labelling only where two items or more show the block is there
    grid = read_stream(_nums(cells, numbers, funds.values_start, t), p, loose=len(funds.grid) >= 2)
    if grid is None or grid.broken >= before:
        return
    items = t.fund_item_names
    dashes = [c for item in items for c in funds.grid.get(item, {}).values() if c.kind == "taken" and c not in numbers]
    dashes = sorted(dashes + [c for c in cells[:funds.values_start] if c.kind == "dash"], key=lambda c: c.pos)
    funds.grid = {item: {} for item in items}
    for c, col, r in zip(numbers, grid.labels, grid.rows_of):
        funds.grid[items[r]][col] = c
        _take(c)
    # the dashes printed are the empty cells of the rows under 年度资金总额
    for (item, col), c in zip([(item, col) for item in items[1:] for col in TOTAL_ONLY], dashes):
        funds.grid[item][col] = c
    note(reading, "funds-by-arithmetic", f"read item by item the fund block breaks {before} of its rules; read as "
         f"column streams by its arithmetic ({grid.broken} broken)", numbers, None if not grid.broken else "warning")


def _nums(cells: list[Piece], numbers: list[Piece], table_from: int, t: Template) -> list[Num]:
    """The numbers as the arithmetic reads them: the header words of the line right before each
    (it stands under one of them), and, when the items stand among the numbers, the row of the
    item printed before it (not for numbers after the table)."""
    items = [c.pos for c in cells if c.kind == "taken" and t.fund_item(c.text)]
    spread = bool(items) and any(items[0] < c.pos < items[-1] for c in numbers)
    out = []
    for c in numbers:
        header: tuple[str, ...] = ()
        k = c.pos - 1
        while (k >= 0 and cells[k].kind == "template" and cells[k].block == c.block and t.fund_column(cells[k].text)
               and (k == c.pos - 1 or cells[k].line_mate)):
            header = (t.fund_column(cells[k].text),) + header
            k -= 1
        home = max((k for k, x in enumerate(items) if x < c.pos), default=0) if spread and c.pos < table_from else None
        out.append(Num(c, number_or_none(c.text), c.line_mate, header, home))
    return out


# --- goals --------------------------------------------------------------------------------------------

def _goals(cells: list[Piece], start: int, first_value: int, texts: dict[int, str], reading: Reading,
           p: Params) -> list[Cell]:
    """The goal texts: prose printed before the table's first value, or as wide as goal prose
    (a column the deviations' is not) anywhere; the first two — unless the prose before the table
    is the two texts printed beside each other, or interleaved (``_untangle_goals``)."""
    for c in cells[start:]:
        if c.kind == "prose" and _furniture(c, texts, p.template):
            c.kind = "template"
    found = [c for c in cells[start:] if c.kind == "prose" and (c.pos < first_value or (
        len(c.lines) > 1 and width(c.text) / len(c.lines) >= p.cells.goal_width))]
    before = [c for c in found if c.pos < first_value]
    goals = _untangle_goals(before, texts, reading, p, beside_only=True) if len(before) > 2 else None
    if goals is not None:
        found = before
    else:
        if len(found) > 2:
            note(reading, "goal-paragraphs", f"{len(found)} prose texts for the two goal texts", found)
            found = found[:2]
        goals = _untangle_goals(found, texts, reading, p) or found
    for c in found:
        _take(c)
    if found and not any(c.kind == "template" and c.text in words(p.template).goals_header for c in cells):
        note(reading, "goals-header-missing", "goal texts found without their header", found)
    return goals


def _furniture(c: Piece, texts: dict[int, str], t: Template) -> bool:
    """Lines made of pieces of the template's labels and fund items only (项目资金（ 其中：当年财政 / 万元）
    / 拨款: a margin label printed beside an item, both cut by their narrow cells): no text of the form's."""
    pieces = [x for no in c.lines for x in texts.get(no, "").split()]
    return bool(pieces) and all(t.is_label_piece(x) or t.is_fund_item_piece(x) for x in pieces)


def _untangle_goals(goals: list[Piece], texts: dict[int, str], reading: Reading, p: Params,
                    beside_only: bool = False) -> list[Cell] | None:
    """The two goal texts printed beside each other on shared lines (``_side_by_side``) or with
    their lines interleaved, one column's line then the other's (``_two_columns``, not when
    ``beside_only``): the lines cut into the two texts; the 年度/总体/目标 label printed among them
    is no part of either. None when they are neither."""
    nos = sorted(no for c in goals for no in c.lines)
    if len(nos) < 4:
        return None
    lines, labels = [], []
    w = words(p.template)
    for no in nos:
        head, _, rest = texts.get(no, "").partition(" ")
        # a piece of the label heads the line; a single character only alone on its line (标)
        label = head in w.goal_text and (len(head) >= 2 or not rest)
        text = rest.strip() if label else texts.get(no, "")
        if text:
            lines.append((no, text))
        else:
            labels.append(no)
    got, how = _side_by_side(lines, p), "beside each other on shared lines, cut where the left one's column ends"
    if got is None and not beside_only:
        got, how = _two_columns(lines, p), "interleaved, told apart by their widths"
    if got is None:
        return None
    if labels:
        template_cell(reading, labels, " ".join(texts[no] for no in labels), labels[0])
    reading.diagnostics.append(diag("goals-interleaved", f"the lines of the two goal texts printed {how}: check both "
                                    "texts", nos))
    return [Cell(join_wrapped([x for _, x in col]), [no for no, _ in col], "prose", goals[0].seq, goals[0].y,
                 block=goals[0].block) for col in got]


def _side_by_side(lines: list[tuple[int, str]], p: Params):
    """Two goal texts printed beside each other: pdftotext's default mode prints the lines of the
    two cells that share a baseline as one line, one space between them, and the others alone. A
    text's full lines fill its column, so the left text ends at one width on every shared line:
    lines holding one space at that width, two or more, tell the column; each shared line is cut
    at its space nearest that width. A line of one text alone goes to the text whose full lines
    are as wide; a shorter one (a text's last line) to a text left open with no line after it
    (two: the one whose last line stands higher). Each text's lines, or None."""
    slack = p.goals.full_line_slack
    spaces = [[(width(x[:k]), k) for k, ch in enumerate(x) if ch == " " and has_han(x[:k]) and has_han(x[k:])]
              for _, x in lines]
    ones = [sp[0][0] for sp, (_, x) in zip(spaces, lines) if len(sp) == 1 and width(x) - sp[0][0] > 2 * slack]
    full = [width(x) for sp, (_, x) in zip(spaces, lines) if not sp]
    near = lambda w, at: abs(w - at) <= slack // 2      # noqa: E731
    # the left column's edge: where two lines are cut, or one line is cut where two lines alone end
    support = {w: (sum(near(w, v) for v in ones), sum(near(w, v) for v in full)) for w in ones}
    edge = max(ones, key=lambda w: (sum(support[w]), w), default=None)
    if edge is None or support[edge][0] < 2 and support[edge][1] < 2:
        return None
    cols: list[dict[int, str]] = [{}, {}]
    alone: list[int] = []
    for i, (_, text) in enumerate(lines):
        cuts = [(abs(w - edge), k) for w, k in spaces[i] if w <= edge + slack // 2]
        if cuts:
            k = min(cuts)[1]
            cols[0][i], cols[1][i] = text[:k].strip(), text[k + 1:].strip()
        else:
            alone.append(i)
    full = [edge, max(map(width, cols[1].values()))]
    for i in alone:
        text = lines[i][1]
        last = [max((k for k in col if k < i), default=-1) for col in cols]
        # a text is open while its last line runs on (its text's last line ends a sentence short of full)
        open_ = [c for c in (0, 1) if last[c] < 0 or not ends_sentence(cols[c][last[c]])
                 or near(width(cols[c][last[c]]), full[c])] or [0, 1]
        fits = [c for c in open_ if near(width(text), full[c])]
        c = fits[0] if len(fits) == 1 else min(open_, key=lambda c: last[c])
        cols[c][i] = text
    if not cols[0] or not cols[1]:
        return None
    return [[(lines[i][0], col[i]) for i in sorted(col)] for col in cols]


def _two_columns(lines: list[tuple[int, str]], p: Params):
    """Interleaved goal lines -> each text's lines by their two widths, or None (one width, or
    one text after the other); a short line ends the open text with no full line after it (both
    open: the one whose last line stands higher)."""
    slack = p.goals.full_line_slack
    widths = [width(x) for _, x in lines]
    wide = max(widths)
    a = {i for i, w in enumerate(widths) if w >= wide - slack}
    rest = [w for i, w in enumerate(widths) if i not in a]
    if not rest:
        return None
    narrow = max(rest)
    b = {i for i, w in enumerate(widths) if i not in a and w >= narrow - slack}
    running_on = [i for i in b if not ends_sentence(lines[i][1])]    # a column's full lines run on
    if wide - narrow < p.cells.goal_column_gap or len(running_on) < 2 or len(a) < 2:
        return None
    a_on = [i for i in a if not ends_sentence(lines[i][1])] or sorted(a)
    if max(a_on) < min(running_on) or max(running_on) < min(a_on):
        return None                       # one text after the other: not interleaved
    for i in (i for i in range(len(widths)) if i not in a and i not in b):
        options = []
        for col in (a, b):
            before = max((k for k in col if k < i), default=-1)
            if not any(k > i for k in col) and (before < 0 or not ends_sentence(lines[before][1])):
                options.append((before, col))
        (min(options, key=lambda o: o[0])[1] if options else (a if (i - 1) in a else b)).add(i)
    return [[lines[k] for k in sorted(col)] for col in (a, b)]


def _check_goals(goals: list[Cell], texts: dict[int, str], reading: Reading, p: Params) -> None:
    """A goal text may have taken lines of the other: said when it does not read as one
    paragraph — it ends no sentence, a line opening a year's account (2023年度…) follows one
    that breaks off, its lines are not one run of the input, or a line before its last stops
    short."""
    if any(d.code == "goals-interleaved" for d in reading.diagnostics):
        return
    for c in goals:
        nos = sorted(c.lines)
        lines = [texts.get(no, "").strip() for no in nos]
        widths = [width(x) for x in lines]
        why = ("it ends no sentence" if not ends_sentence(c.text) else
               "a year's account opens after a line that breaks off" if any(
                   YEAR_OPENING.match(b) and not ends_sentence(a) for a, b in zip(lines, lines[1:])) else
               "its lines are not printed together" if nos != [no for no in range(nos[0], nos[-1] + 1)
                                                               if texts.get(no, "").strip()] else
               "a line before its last stops short" if any(w < max(widths) * p.goals.short_line
                                                          for w in widths[:-1]) else None)
        if why:
            reading.diagnostics.append(diag("goal-uncertain", f"a goal text: {why}; it may hold lines of the other",
                                            nos))


# --- the indicator table ------------------------------------------------------------------------------

@attrs.define(eq=False)
class Ctx:
    """What the table's readers share: the reading, the knobs, the table's cells (the goal texts
    aside), the printed lines by number, all the form's cells, the fund block."""

    reading: Reading
    p: Params
    cells: list[Piece]
    texts: dict[int, str]
    every: list[Piece]
    funds: Funds

    @property
    def t(self) -> Template:
        return self.p.template

    def note(self, code: str, message: str, cells=(), level: str | None = None) -> None:
        note(self.reading, code, message, cells, level)


def _text(c: Cell | None) -> str:
    return c.text if c is not None else ""


def ranks(starts: list[int]):
    """pos -> the row a cell printed there stands at: how many of a column's cells (``starts``)
    are printed before it; ``after``: the row of the last of them printed before it."""
    def nat(pos: int, after: bool = False) -> int:
        k = bisect.bisect_left(starts, pos)
        return k - 1 if after else k
    return nat


def _table(cx: Ctx, start: int) -> None:
    """The rows, no 分值/得分 printed before ``start``. A row's values stand where its 实际完成值
    is printed; the row is where its 分值/得分 pair is printed: the most orderly stream when the
    rows are printed one after the other; printed by columns, a cell's row is its rank."""
    cells = cx.cells
    actuals = [c for c in cells if c.kind == "actual"]
    n = len(actuals)
    nat = ranks([a.pos for a in actuals])
    targets = _targets(cells, actuals, nat, cx)
    numbers = _row_numbers([c for c in cells if c.kind == "number" and c.pos > start], n, cx)
    met = [_met(targets[k] if k < len(targets) else None, a, cx.t) for k, a in enumerate(actuals)]
    pairs, total = _number_pairs(numbers, n, nat, cx, met)
    # the rows printed one after the other: most rows' 得分 stand between their 实际完成值 and the
    # next; or, the 得分 column printed apart, their 分值 do and their names stand before them
    names = [c for c in cells if c.kind == "word"]
    scores, weights = [s for _, s in pairs], [w for w, _ in pairs]
    inline = (scores if _printed_by_rows(actuals, scores) else weights if _printed_by_rows(actuals, weights)
              and _printed_by_rows(actuals, names, before=True) else None)
    by_rows = inline is not None
    pnat = ranks([c.pos for c in inline if c is not None]) if by_rows else None
    late = _late_values(cx, targets, actuals, inline) if by_rows else None
    unit_of = late or _place_units(_units(targets, actuals, cx), pairs, pnat, names, cx)
    rows = []
    for k in range(n):
        tg, a = unit_of[k] or (None, None)
        rows.append(Row(tg, a, *pairs[k], y=float(k), extent=(a.pos, a.pos) if a else (-1, -1)))
    anchored = _anchor_on_names(cx, rows, names, total) if by_rows else None
    if anchored is not None:
        rows, pnat = anchored
    for r in rows:
        for c in r.cells():
            _take(c)
    cx.reading.rows, cx.reading.total = rows, total
    for c in total or ():
        _take(c)
    _entries(cx, rows, actuals, targets, names, pairs, pnat, by_rows)


def _late_values(cx: Ctx, targets: list[Piece], actuals: list[Piece], inline: list[Piece | None]):
    """Rows printed one after the other, each closed by its 分值/得分 (``inline``): a row whose
    target and actual pdftotext set late (a tall row's, after the 总分 label) leaves a pair with no
    values printed before it, and another pair with two sets; the set printed first there fills the
    holes in order — rather than every row after it taking its neighbour's. -> (target, actual) of
    each row, or None when no pair lacks values or the holes and the extra sets do not match."""
    label = [c.pos for c in cx.cells if c.kind == "template" and c.text in words(cx.t).total]
    if not label or not actuals or any(c is None for c in inline) or len(inline) != len(actuals):
        return None
    ends = [c.pos for c in inline]
    if ends != sorted(ends):
        return None
    got = []
    for cells in (targets, actuals):
        slots: list[list[Piece]] = [[] for _ in ends]
        for c in cells:
            k = bisect.bisect_left(ends, c.pos)
            if k >= len(ends):
                return None
            slots[k].append(c)
        holes = [k for k, x in enumerate(slots) if not x]
        extra = [x[0] for x in slots if len(x) == 2]
        # the extra sets printed after the 总分 label, the pairs lacking values before it
        if (not holes or len(holes) != len(extra) or any(len(x) > 2 for x in slots)
                or any(c.pos < label[0] for c in extra) or any(ends[k] > label[0] for k in holes)):
            return None
        for k, c in zip(holes, extra):
            slots[k].append(c)
        got.append([x[-1] for x in slots])
    if not all(_compatible(tg, a, cx.t) for tg, a in zip(*got)):
        return None
    moved = [c for k, row in enumerate(zip(*got)) for c in row if bisect.bisect_left(ends, c.pos) != k]
    cx.note("values-moved", "values printed late fill, in order, the rows whose weight and score have none printed "
            "before them", moved)
    return list(zip(*got))


def _anchor_on_names(cx: Ctx, rows: list[Row], names: list[Piece], total):
    """Rows printed one after the other, each under its name: a row whose cells pdftotext set
    after the 总分 pair (a tall row's, most often the table's first) leaves a hole between its
    name and the next, and the cells printed late fill the holes in order, column by column —
    rather than every row after it taking its neighbour's. -> (rows in the names' order,
    pos -> row), or None when nothing was printed late or the names do not anchor the rows."""
    if not total or not rows:
        return None
    end = min(c.pos for c in total)
    heads = [c for c in names if c.pos < end and width(c.text) > cx.p.cells.short_word]
    if len(heads) != len(rows):
        return None
    at = [c.pos for c in heads]
    columns = {"target": 1, "actual": 1, "number": 2}
    cells = {"target": [r.target for r in rows], "actual": [r.actual for r in rows],
             "number": sorted((c for r in rows for c in (r.weight, r.score) if c is not None), key=lambda c: c.pos)}
    got: dict[str, list[list[Piece]]] = {}
    late_any = False
    for kind, per in columns.items():
        slots: list[list[Piece]] = [[] for _ in rows]
        late = [c for c in sorted((c for c in cells[kind] if c is not None), key=lambda c: c.pos) if c.pos > end]
        for c in (c for c in cells[kind] if c is not None and c.pos < end):
            home = bisect.bisect_right(at, c.pos) - 1
            if home < 0 or len(slots[home]) >= per:
                return None
            slots[home].append(c)
        holes = [k for k, x in enumerate(slots) if not x]
        if any(0 < len(x) < per for x in slots) or len(late) != per * len(holes):
            return None
        for j, k in enumerate(holes):
            slots[k] = late[per * j:per * (j + 1)]
        late_any = late_any or bool(late)
        got[kind] = slots
    if not late_any:
        return None
    out = [Row((got["target"][k] or [None])[0], (got["actual"][k] or [None])[0], *got["number"][k], y=float(k),
               extent=(heads[k].pos, heads[k].pos)) for k in range(len(rows))]
    if not _pairs_ok([number_or_none(c.text) for r in out for c in (r.weight, r.score)] +
                     [number_or_none(c.text) for c in total], len(out), cx.funds.total(cx.t), cx.p.cells.sum_tolerance):
        return None
    cx.note("values-moved", "cells printed after the total fill, in order, the rows that have none printed under "
            "their names", [c for kind in columns for c in cells[kind] if c is not None and c.pos > end])
    return out, ranks(at)


def _entries(cx: Ctx, rows: list[Row], actuals, targets, names, pairs, pnat, by_rows: bool) -> None:
    """Names, deviations and 二级 labels onto the rows: where they are printed among the rows
    (``pnat``), or printed by columns, by rank in their column (``_column_homes``)."""
    n, homes = len(rows), None
    names_by_rows = _printed_by_rows(actuals, names, before=True)
    if names_by_rows and pnat:
        nat = pnat
    else:
        nat = ranks([c.pos for c in names])
        homes = _column_homes(names, cx.cells, actuals, targets, rows, cx)
    if not (by_rows and names_by_rows):
        cx.note("printed-by-columns", "the table printed column by column: cells matched to rows by their rank "
                "in each column", actuals)
    for c in cx.cells:
        if c.kind == "word" and c.text in words(cx.t).no_deviation:
            c.kind = "prose"        # 无: a deviation cell that says there is none
    names = [c for c in cx.cells if c.kind == "word"]
    pinned = _name_runs(names, cx.cells, nat, n, cx) if homes is None else {}
    name_of = _place_names(names, rows, nat, cx, homes, pinned)
    devs = _join_deviation_pieces([c for c in cx.cells if c.kind == "prose"], cx)
    # a deviation printed on the line of a row's 得分 is that row's
    score_row = {x: k for k, (_, sc) in enumerate(pairs) if sc is not None for x in sc.lines}
    dev_of = _place_deviations(devs, rows, nat, cx, homes is not None, score_row, name_of)
    # a 二级 label printed on a name's line, right before it
    at = {c.pos: c for c in cx.cells}
    beside = {id(c): at[c.pos - 1].text for c in name_of.values() if c.pos - 1 in at and at[c.pos - 1].line_mate
              and at[c.pos - 1].text in cx.t.level2}
    cx.reading.orders = [NameOrder([Entry(name_of.get(k), dev_of.get(k)) for k in range(n)], beside=beside)]
    # a label printed among the rows stands at the row of the name placed right after it;
    # printed as a column, of the name placed after it
    lnat = nat if homes is None else _placed_rows(name_of, n)
    row_of_name = {c.pos: k for k, c in name_of.items()}

    def label_row(pos: int) -> int:
        return row_of_name.get(pos + 1, lnat(pos)) if lnat(pos) < n else n
    cx.reading.pins = [Pin(c.text, c, "contains", label_row(c.pos)) if label_row(c.pos) < n
                       and c.text in cx.t.level2 else Pin(c.text, c, "parked") for c in cx.cells if c.kind == "label"]


def _printed_by_rows(actuals: list[Piece], others: list[Piece | None], before: bool = False) -> bool:
    """Are the rows printed one after another? Yes when most rows have one of ``others`` printed
    between their 实际完成值 and the next (``before``: between the previous one and theirs)."""
    n = len(actuals)
    pos = [c.pos for c in others if c is not None]
    hits = 0
    for k in range(n):
        lo = actuals[k - 1].pos if before and k else (-1 if before else actuals[k].pos)
        hi = actuals[k].pos if before else (actuals[k + 1].pos if k + 1 < n else INF)
        i = bisect.bisect_right(pos, lo)
        hits += i < len(pos) and pos[i] < hi
    return 2 * hits >= n


def _placed_rows(name_of: dict[int, Piece], n: int):
    """pos -> row, printed by columns: the row of the name placed there or first after it."""
    placed = sorted((c.pos, k) for k, c in name_of.items())
    starts = [x for x, _ in placed]

    def nat(pos: int, after: bool = False) -> int:
        i = bisect.bisect_left(starts, pos)
        return placed[i][1] if i < len(placed) else n
    return nat


# --- targets and actuals ------------------------------------------------------------------------------

def _targets(cells: list[Piece], actuals: list[Piece], nat, cx: Ctx) -> list[Piece]:
    """The 年度指标值 cells, one per row in order: quantities with an operator, and words that read
    as a target — a target word (及时), or one printed right before an 实际完成值 (a long one may
    be the row's name). Searched (``_in_order``): one per row, at its row; a likely word left
    out costs."""
    p, w = cx.p.cells, words(cx.t)
    before_actual: set[int] = set()
    prev = None
    for c in cells:
        if c.kind not in ("label", "taken"):
            if c.kind == "actual" and prev is not None and prev.kind == "word":
                before_actual.add(prev.pos)
            prev = c
    cands: list[tuple[Piece, float, float]] = []       # cell, cost of using, cost of leaving out
    for c in cells:
        vocab, adjacent, named = c.text in w.targets, c.pos in before_actual, width(c.text) > p.short_word
        if c.kind == "target":
            cands.append((c, 0.0, INF))
        elif c.kind != "word" or c.text in w.no_deviation and not adjacent:
            continue
        elif vocab:
            cands.append((c, 0.0, p.target_skip * (1 + adjacent)))
        elif adjacent:
            cands.append((c, p.target_skip / 2 * named, p.target_skip / (1 + named)))
        elif not named:
            cands.append((c, p.target_skip, 0.0))
    chosen, k = _in_order(cands, len(actuals), nat, p.target_shift)
    if k < len(actuals):
        cx.note("cells-count-mismatch", f"{k} targets for {len(actuals)} actuals", [c for c, _, _ in cands])
    for c, _, _ in cands:
        c.kind = "word" if c.kind == "target" else c.kind
    for c in chosen:
        c.kind = "target"
    return chosen


def _in_order(cands: list[tuple[Piece, float, float]], n: int, nat, shift: float) -> tuple[list[Piece], int]:
    """Order-keeping dynamic programme: f[i][k], the least cost with candidates 0..i-1 seen and k
    of them used as rows 0..k-1. Returns the cells used and how many rows they fill."""
    m = len(cands)
    f = [[INF] * (n + 1) for _ in range(m + 1)]
    take = [[False] * (n + 1) for _ in range(m + 1)]
    f[0][0] = 0.0
    for i, (c, use, leave) in enumerate(cands):
        home = nat(c.pos)
        for k in (k for k in range(n + 1) if f[i][k] < INF):
            if f[i][k] + leave < f[i + 1][k]:
                f[i + 1][k], take[i + 1][k] = f[i][k] + leave, False
            if k < n and f[i][k] + use + shift * abs(home - k) < f[i + 1][k + 1]:
                f[i + 1][k + 1], take[i + 1][k + 1] = f[i][k] + use + shift * abs(home - k), True
    k = found = n if f[m][n] < INF else max((j for j in range(n + 1) if f[m][j] < INF), default=0)
    chosen = []
    for i in range(m, 0, -1):
        if take[i][k]:
            chosen.append(cands[i - 1][0])
            k -= 1
    return chosen[::-1], found


def _compatible(tg: Piece | None, a: Piece, t: Template) -> bool:
    """A target and an actual of one row: quantities in one unit, or words."""
    pt, pa = (parse_cell(tg.text), parse_cell(a.text)) if tg else (None, None)
    if tg is None or (pt is None) != (pa is None):
        return tg is None or pt is None and a.text in words(t).achievement
    return pt is None or (pt[2] or "") == (pa[2] or "")


def _units(targets: list[Piece], actuals: list[Piece], cx: Ctx):
    """(target, actual) of each row: in printed order, unless that pairs quantities of two units;
    then each target goes with the actual of its unit nearest in order."""
    p, n = cx.p.cells, len(actuals)
    zipped = [(targets[k] if k < len(targets) else None, actuals[k]) for k in range(n)]
    if all(_compatible(tg, a, cx.t) for tg, a in zipped) or not targets or n > cx.p.bounds.max_rows:
        return zipped
    cost = [[p.target_shift * abs(i - k) + (0 if _compatible(tg, a, cx.t) else p.unit_clash)
             for k, a in enumerate(actuals)] for i, tg in enumerate(targets)]
    of_actual = {k: targets[i] for i, k in enumerate(min_cost_assignment(cost)) if k is not None}
    units = [(of_actual.get(k), a) for k, a in enumerate(actuals)]
    if any(u[0] is not z[0] for u, z in zip(units, zipped)):
        cx.note("values-paired-by-unit", "targets and actuals printed out of step, paired by their units",
                [c for tg, a in units if tg for c in (tg, a)])
    return units


def _met(tg: Piece | None, a: Piece, t: Template) -> bool | None:
    """Does the actual meet the target? None when the cells do not say."""
    if a.text in words(t).achievement:
        return a.text in words(t).met
    pt, pa = parse_cell(tg.text) if tg else None, parse_cell(a.text)
    if pt is None or pa is None or not pt[0]:
        return None
    tv, av = pt[1], pa[1]
    return {"≥": av >= tv, ">=": av >= tv, "≤": av <= tv, "<=": av <= tv, "=": abs(av - tv) < 1e-9,
            ">": av > tv, "<": av < tv}.get(pt[0])


def _place_units(units, pairs, pnat, names: list[Piece], cx: Ctx):
    """Each (target, actual) onto a row (a 分值/得分 pair): where its actual is printed (after the
    table: any row), unless the evidence says otherwise — a target met goes with a full score,
    one missed with lost points, the names printed at the row fit the values (人 ↔ 人数)."""
    p, n = cx.p.cells, len(pairs)
    if len(units) != n or n > cx.p.bounds.max_rows:
        return [units[k] if k < len(units) else None for k in range(n)]
    names_at: dict[int, list[str]] = {}
    seen: dict[int, int] = {}
    for c in names if pnat else ():
        # names printed together before one row's numbers are that row's and the next ones'
        home = pnat(c.pos)
        seen[home] = seen.get(home, -1) + 1
        names_at.setdefault(home + seen[home], []).append(c.text)
    cost = []
    for tg, a in units:
        home, met, cues = pnat(a.pos) if pnat else len(cost), _met(tg, a, cx.t), RowCues.of(_text(tg))
        line = []
        for k, (w, s) in enumerate(pairs):
            c = p.name_tail if home >= n else p.unit_shift * abs(home - k)
            if met is not None and w is not None and s is not None:
                c += p.unit_score * ((not lost_points(number_or_none(w.text), number_or_none(s.text), cx.t)) != met)
            c -= max((lexical_cue(x, cues, cx.p.names.cue) for x in names_at.get(k, ())), default=0.0)
            line.append(c - _order_tie(len(cost), k, n, n))
        cost.append(line)
    placed = [None] * n
    for i, k in enumerate(min_cost_assignment(cost)):
        if k is not None:
            placed[k] = units[i]
            if k != i:
                cx.note("values-moved", f"{units[i][1].text} printed at row {i + 1}, placed on row {k + 1}",
                        [c for c in units[i] if c])
    return placed


# --- weights and scores -------------------------------------------------------------------------------

def _row_numbers(numbers: list[Piece], n: int, cx: Ctx) -> list[Piece]:
    """The 总分 pair (its 分值 the largest number) closes the table's numbers: those after it are
    not the rows' (fund values printed late join the fund block's stream)."""
    if len(numbers) > 2 * n + 2 and n:
        vals = [number_or_none(c.text) for c in numbers[:2 * n + 1]]
        if vals[2 * n] == max(vals) and vals[2 * n] > vals[2 * n - 1]:
            _fund_fallback(cx.every, cx.funds, numbers[2 * n + 2:], cx.reading, cx.p)
            return numbers[:2 * n + 2]
    return numbers


def _pairs_ok(vals: list[float], n: int, fund: tuple[float, float], tol: float) -> bool:
    """Read as pairs, then the 总分 pair: no score above its weight, the sums meet 总分."""
    if len(vals) != 2 * n + 2:
        return False
    w, s = vals[0:2 * n:2], vals[1:2 * n:2]
    return (not any(b > a + tol for a, b in zip(w, s)) and abs(sum(w) + fund[0] - vals[-2]) <= tol * (n + 2)
            and abs(sum(s) + fund[1] - vals[-1]) <= tol * (n + 2))


def _number_pairs(numbers: list[Piece], n: int, nat, cx: Ctx, met: list[bool | None]):
    """分值/得分 of each row in printed order, then the 总分 pair. When the sums do not hold, one
    number printed out of its place is put back where they do (``_one_move``); when no single
    move will do, the numbers are read as two column streams (``_number_columns``)."""
    fund, tol = cx.funds.total(cx.t), cx.p.cells.sum_tolerance
    vals = [number_or_none(c.text) for c in numbers]
    order = list(range(len(numbers)))
    if len(numbers) != 2 * n + 2:
        cx.note("number-pairs", f"{len(numbers)} numbers for {n} rows and the total", numbers)
    elif not _pairs_ok(vals, n, fund, tol) and len(numbers) <= 2 * cx.p.bounds.max_rows:
        moved = _one_move(numbers, vals, n, nat, fund, cx, met)
        got = None if moved else _number_columns(numbers, n, nat, fund, cx)
        if moved:
            order = moved[0]
            cx.note("number-moved", f"{numbers[moved[1]].text} put back where the sums hold", [numbers[moved[1]]])
        elif got is None:
            cx.note("number-pairs", "the weights and scores fit no pairing; taken in printed order", numbers)
        elif not got[1]:
            order = got[0]
            cx.note("number-pairs", "weights and scores read as the columns the print suggests; the sums do "
                    "not hold", numbers)
        else:
            order = got[0]
            cx.note("numbers-by-column", "weights and scores read as two column streams", numbers)
            if got[2]:
                cx.note("number-moved", f"{' '.join(numbers[i].text for i in got[2])} put back in their column "
                        "where the sums hold", [numbers[i] for i in got[2]])
    seq = [numbers[x] for x in order]
    pairs = [(seq[2 * k], seq[2 * k + 1]) if 2 * k + 1 < len(seq) else (None, None) for k in range(n)]
    return pairs, ((seq[2 * n], seq[2 * n + 1]) if len(seq) >= 2 * n + 2 else None)


def _one_move(numbers: list[Piece], vals, n: int, nat, fund, cx: Ctx, met):
    """(order, the number moved): one number printed out of its place put back where the sums
    hold and where it moves least; between equal moves, the one whose full scores go with the
    rows whose values meet their targets (``met``)."""
    m, best = len(numbers), None
    for i in range(m):
        rest = [x for x in range(m) if x != i]
        for cand in (rest[:j] + [i] + rest[j:] for j in range(m) if j != i):
            if _pairs_ok([vals[x] for x in cand], n, fund, cx.p.cells.sum_tolerance):
                moved = sum(abs(k // 2 - nat(numbers[x].pos, True)) for k, x in enumerate(cand) if k < 2 * n)
                odd = sum(1 for k in range(min(n, len(met))) if met[k] is not None
                          and (not lost_points(vals[cand[2 * k]], vals[cand[2 * k + 1]], cx.t)) != met[k])
                if best is None or (moved, odd) < best[0]:
                    best = ((moved, odd), cand, i)
    return best[1:] if best else None


def _number_columns(numbers: list[Piece], n: int, nat, fund, cx: Ctx):
    """分值 and 得分 printed as two column streams (a block of weights then one of scores, or the
    得分 column apart): each number labelled weight or score at each place 总分 may stand
    (``_label_numbers``). Returns (order, sums hold, numbers moved by ``_late_block``) or None."""
    best = None
    candidates = [(tw, ts) for tw, ts in _total_candidates(numbers, cx)
                  if any(c is tw for c in numbers) and any(c is ts for c in numbers)]
    for tw, ts in candidates:
        body = [i for i, c in enumerate(numbers) if c is not tw and c is not ts]
        if len(body) == 2 * n and n:
            best = _better(best, _label_numbers(numbers, body, tw, ts, n, nat, fund, cx), body, tw, ts, numbers)
    if best is None or not best[2]:
        best = _late_block(numbers, n, nat, fund, cx, candidates, best)
    return best[1:] if best else None


def _better(best, got, body: list[int], tw: Piece, ts: Piece, numbers: list[Piece], moved: float = 0.0, late=()):
    """The better of ``best`` and a labelling ``got`` of ``body``: (key, order, sums hold, moved)."""
    if got is None:
        return best
    cost, fits, labels = got
    ws = [body[j] for j, x in enumerate(labels) if x == 0]
    ss = [body[j] for j, x in enumerate(labels) if x == 1]
    order = [x for pair in zip(ws, ss) for x in pair] + [numbers.index(tw), numbers.index(ts)]
    key = (not fits, cost + moved)
    return (key, order, fits, list(late)) if best is None or key < best[0] else best


def _late_block(numbers: list[Piece], n: int, nat, fund, cx: Ctx, candidates, best):
    """Numbers out of both columns' order: the run printed after the 总分 pair, else a number
    alone in its block, put back at every earlier place (such cells are printed late, never
    early), each place costing ``Cells.number_late``."""
    p = cx.p.cells
    per_block: dict[int, list[int]] = {}
    for i, c in enumerate(numbers):
        per_block.setdefault(c.block, []).append(i)
    for tw, ts in candidates:
        end = max(numbers.index(tw), numbers.index(ts))
        rest = [i for i, c in enumerate(numbers) if c is not tw and c is not ts]
        if len(rest) != 2 * n or n == 0:
            continue
        moves = [[i for i in rest if i > end]]
        moves += [b for b in per_block.values() if len(b) == 1 and b[0] < end and b[0] in rest]
        for k, late in enumerate(moves):
            if k == 1 and best is not None and best[2]:
                break                   # the run after 总分 put back: no number alone is tried
            if not late or len(moves) * len(rest) > p.number_moves:
                continue
            body = [i for i in rest if i not in late]
            for at in range(rest.index(late[0])):
                cand = body[:at] + late + body[at:]
                got = _label_numbers(numbers, cand, tw, ts, n, nat, fund, cx)
                if got is not None and got[1]:
                    best = _better(best, got, cand, tw, ts, numbers, p.number_late * abs(at - rest.index(late[0])),
                                   late)
    return best


def _total_candidates(numbers: list[Piece], cx: Ctx) -> list[tuple[Piece, Piece]]:
    """Where the 总分 pair may be: after its label; else the largest number (the full 100) and
    the number after it, or one of the next few (its 得分 printed a little apart)."""
    cells = cx.cells
    at = next((k for k, c in enumerate(cells) if c.kind == "template" and c.text in words(cx.t).total
               and k + 2 < len(cells) and cells[k + 1].kind == cells[k + 2].kind == "number"), None)
    if at is not None:
        return [(cells[at + 1], cells[at + 2])]
    if len(numbers) < 2:
        return []
    vals = [number_or_none(c.text) for c in numbers]
    top = max(vals[:-1])
    k = max(j for j in range(len(numbers) - 1) if vals[j] == top)
    near = [(numbers[k], numbers[j]) for j in range(k + 1, min(len(numbers), k + 5)) if vals[j] <= top]
    # the 得分 column printed after the table ends with its 总分's
    last = len(numbers) - 1
    return near + ([(numbers[k], numbers[last])] if last >= k + 5 and vals[last] <= top else [])


def _label_numbers(numbers: list[Piece], body: list[int], tw: Piece, ts: Piece, n: int, nat, fund,
                   cx: Ctx) -> tuple[float, bool, tuple] | None:
    """(cost, sums hold, labels) for one place of 总分: the cheapest labelling whose sums meet
    总分 (``_beam``), unless one fits the print by ``Cells.sum_margin`` better. A number printed
    with its row's values, or alone in its block, stands at its row; a 分值/得分 header word
    names its block's column; a number beside a deviation's line is a score."""
    p, cells = cx.p.cells, cx.cells
    valued = {c.block for c in cells if c.kind in ("target", "actual")}
    blocks = [c.block for c in numbers]
    valued |= {b for b in blocks if blocks.count(b) == 1}
    header: dict[int, int] = {}
    for c in cells:
        slot = cx.t.label_slot(c.text) if c.kind == "template" else None
        if slot in ("weight", "score"):
            header.setdefault(c.block, int(slot == "score"))
    at = {c.pos: c for c in cells}
    beside = [c.line_mate and c.pos + 1 in at and at[c.pos + 1].kind == "prose" for c in (numbers[i] for i in body)]
    vals = [round(number_or_none(numbers[i].text) * 100) for i in body]
    done = _beam(numbers, body, vals, n, nat, (valued, header, beside), p)
    if not done:
        return None
    want = round(number_or_none(tw.text) * 100) - round(fund[0] * 100)
    want_s = round(number_or_none(ts.text) * 100) - round(fund[1] * 100)
    tol = p.number_cents * (n + 1)
    fitting = [(cost, labels) for total, (cost, labels, _, _) in done.items()
               if abs(total - want) <= tol and abs(sum(vals) - total - want_s) <= tol]
    cost, labels = min((c, lab) for c, lab, _, _ in done.values())
    if fitting and min(fitting)[0] <= cost + p.sum_margin:
        return min(fitting)[0], True, min(fitting)[1]
    return cost, False, labels


def _beam(numbers, body, vals, n, nat, marks, p) -> dict:
    """{sum of weights: (cost, labels, weights, scores)} of the labellings with n weights: both
    streams in order, a row's 得分 after its 分值 (but beside a deviation), none above it."""
    beside = marks[2]
    beam: dict[int, dict[int, tuple]] = {0: {0: (0.0, (), (), ())}}
    for j, i in enumerate(body):
        c, prev = numbers[i], numbers[body[j - 1]] if j else None
        nxt: dict[int, dict[int, tuple]] = {}
        for w, by_sum in beam.items():
            s = j - w
            for total, (cost, labels, wvals, svals) in by_sum.items():
                for lab in (0, 1):
                    if (lab == 0 and w >= n or lab == 1 and s >= n or lab == 1 and s >= w and not beside[j]
                            or lab == 1 and s < w and vals[j] > wvals[s] or lab == 0 and w < s and svals[w] > vals[j]):
                        continue
                    add = _label_cost(c, prev, lab, w if lab == 0 else s, labels[-1] if labels else None,
                                      beside[j], marks, nat, p)
                    slot = nxt.setdefault(w + (lab == 0), {})
                    key = total + (vals[j] if lab == 0 else 0)
                    if key not in slot or cost + add < slot[key][0]:
                        slot[key] = (cost + add, labels + (lab,), wvals + ((vals[j],) if lab == 0 else ()),
                                     svals + ((vals[j],) if lab == 1 else ()))
        for w, by_sum in nxt.items():
            if len(by_sum) > p.number_beam:
                nxt[w] = dict(sorted(by_sum.items(), key=lambda kv: kv[1][0])[:p.number_beam])
        beam = nxt
    return beam.get(n, {})


def _label_cost(c: Piece, prev: Piece | None, lab: int, row: int, last: int | None, beside: bool, marks, nat,
                p) -> float:
    """Labelling ``c`` weight (0) or score (1) of ``row``: among its row's values a number is that
    row's; in a block of numbers alone the label changes as little as it can (a column), but
    across one line (分值 得分 side by side); a header word names its block's column."""
    valued, header, _ = marks
    add = p.number_beside if beside and lab == 0 else 0.0
    if c.block in valued and nat(c.pos, True) >= 0:     # (before any row: no clue)
        add += p.number_row * abs(row - nat(c.pos, True))
    elif prev is not None and prev.block == c.block:
        if prev.line_mate:
            add += 0.0 if (last, lab) == (0, 1) else p.number_off_line
        elif last != lab:
            add += p.number_column_break
    if c.block in header and header[c.block] != lab:
        add += p.number_off_header
    return add


# --- names --------------------------------------------------------------------------------------------

def _evidence(name: str, cues: RowCues, row: Row, p: Params) -> float:
    """How well a name fits a row: its words and the row's values (及时 ↔ 及时性, 人 ↔ 人数), and
    a group it reads as that the row's values speak of."""
    s = lexical_cue(name, cues, p.names.cue)
    if any(value_cue(_text(row.target), _text(row.actual), g) for g in name_groups(name)):
        s += p.names.group
    return s


def _column_homes(names: list[Piece], cells: list[Piece], actuals, targets, rows: list[Row], cx: Ctx) -> dict:
    """pos -> row of each name when the names are printed as a column: one printed right after
    a value stands at the row of the value printed next; the column fills the other rows in
    order, keeping names on rows their cues fit across a gap (``_align_in_order``)."""
    n = len(rows)
    row_at = {c.pos: k for k, c in enumerate(targets)} | {c.pos: k for k, c in enumerate(actuals)}
    value_pos = sorted(row_at)
    homes: dict[int, int] = {}
    named = {c.pos for c in names}
    after_value = False
    for c in cells:
        if c.pos in named and after_value:
            i = bisect.bisect_left(value_pos, c.pos)
            homes[c.pos] = row_at[value_pos[i]] if i < len(value_pos) else n
        if c.kind not in ("template", "label"):
            after_value = c.pos in row_at
    free = sorted(set(range(n)) - set(homes.values()))
    column = _group_order([c for c in names if c.pos not in homes], cx)
    homes.update(_align_in_order(column, [rows[k] for k in free], free, n, cx.p))
    return homes


def _inversions(ranks_: list[tuple[int, int] | None]) -> int:
    """Pairs of names whose groups (lowest, highest rank) stand against the template's order."""
    seen = [r for r in ranks_ if r is not None]
    return sum(1 for i, a in enumerate(seen) for b in seen[i + 1:] if a[0] > b[1])


def _group_order(column: list[Piece], cx: Ctx) -> list[Piece]:
    """The names' column as printed, but a block of names printed apart (beside its 二级 label
    further down, after the table) goes back where its cue words stand in the template's order
    of groups: the move that leaves fewest pairs against it, ``Cells.group_inversions`` fewer
    at least; again while one does."""
    p = cx.p.cells
    rank = {g: k for k, g in enumerate(cx.t.level2)}
    ranks_ = []
    for c in column:
        got = [rank[g] for g in name_groups(c.text) if g in rank]
        ranks_.append((min(got), max(got)) if got else None)
    if len(column) > cx.p.bounds.max_rows:
        return column
    order, moved = list(range(len(column))), []
    for _ in range(p.group_moves):
        base = _inversions([ranks_[k] for k in order])
        if base < p.group_inversions:
            break
        runs: list[list[int]] = []
        for k in order:
            if runs and column[runs[-1][-1]].block == column[k].block and runs[-1][-1] + 1 == k:
                runs[-1].append(k)
            else:
                runs.append([k])
        best = None
        for run in runs if len(runs) * len(order) <= p.group_work else ():
            rest, start = [k for k in order if k not in run], order.index(run[0])
            for at in (at for at in range(len(rest) + 1) if at != start):
                cand = rest[:at] + run + rest[at:]
                # between equal moves, one back to before where it is printed (blocks are
                # printed late), then the shortest
                key = (_inversions([ranks_[k] for k in cand]), at > start, abs(start - at))
                if key[0] <= base - p.group_inversions and (best is None or key < best[0]):
                    best = (key, cand, run)
        if best is None:
            break
        order = best[1]
        moved += [column[k] for k in best[2]]
    if moved:
        cx.note("names-regrouped", f"{len(moved)} names printed apart ({moved[0].text}…) put back where their "
                "words stand in the template's order of groups", moved)
    return [column[k] for k in order]


def _align_in_order(names: list[Piece], rows: list[Row], at: list[int], n: int, p: Params) -> dict[int, int]:
    """Names in printed order onto rows in order, rows left out when names are fewer (printed
    elsewhere), names left out when more (a word as long as a name at a larger cost than a
    fragment): the alignment whose names fit their rows best (pos -> row; ``n``: left out)."""
    m, f = len(names), len(rows)
    if not m or not f or m * f > p.bounds.max_rows ** 2:
        return {c.pos: (at[j] if j < f else n) for j, c in enumerate(names)}
    cues = [RowCues.of(_text(r.target)) for r in rows]
    gap = p.cells.name_gap
    skips = [p.cells.name_skip if width(c.text) > p.cells.short_word else gap for c in names]
    score = [[0.0] * (f + 1) for _ in range(m + 1)]
    move = [[""] * (f + 1) for _ in range(m + 1)]
    for i in range(m + 1):
        for j in range(f + 1):
            best, how = -INF, ""
            if i and j:
                best, how = score[i - 1][j - 1] + _evidence(names[i - 1].text, cues[j - 1], rows[j - 1], p), "match"
            if j and m < f and score[i][j - 1] - gap > best:
                best, how = score[i][j - 1] - gap, "row"
            if i and m > f and score[i - 1][j] - skips[i - 1] > best:
                best, how = score[i - 1][j] - skips[i - 1], "name"
            if i or j:
                score[i][j], move[i][j] = best, how
    homes: dict[int, int] = {}
    i, j = m, f
    while i or j:
        how = move[i][j]
        if how == "match":
            homes[names[i - 1].pos] = at[j - 1]
            i, j = i - 1, j - 1
        elif how == "row":
            j -= 1
        else:
            homes[names[i - 1].pos] = n
            i -= 1
    return homes


def _name_runs(names: list[Piece], cells: list[Piece], nat, n: int, cx: Ctx) -> dict[int, int]:
    """pos -> row: ``Cells.name_run`` names or more printed together before a row are a piece of
    the names' column, naming in order the last rows up to it that no lone name names; a pair
    so printed, the two rows just above when those are the last two without a name."""
    least, is_name = cx.p.cells.name_run, {c.pos for c in names}
    runs: list[list[Piece]] = []
    current: list[Piece] = []
    for c in cells + [None]:
        if c is not None and c.pos in is_name:
            current.append(c)
        elif c is None or c.kind not in ("label", "template"):
            runs += [current] if len(current) >= 2 else []
            current = []
    in_runs = {c.pos for run in runs if len(run) >= least for c in run}
    named = {nat(c.pos) for c in names if c.pos not in in_runs}
    pinned: dict[int, int] = {}
    for run in [r for r in runs if len(r) >= least] + [r for r in runs if len(r) < least]:
        home = nat(run[0].pos)
        if any(nat(c.pos) != home for c in run):
            continue
        if home >= n:
            # printed after the table: the rows no other name names, when the run is as many
            free = [x for x in range(n) if x not in named and x not in pinned.values()]
            if len(run) < least or len(free) != len(run):
                continue
            where = "after the table"
        else:
            others = named if len(run) >= least else {nat(c.pos) for c in names
                                                      if c not in run and c.pos not in pinned}
            free = [x for x in range(home + 1) if x not in others and x not in pinned.values()]
            if len(free) < len(run) or len(run) < least and free[-1] - free[-len(run)] != len(run) - 1:
                # a run printed before the rows it names: the next rows, none with a name of its own
                ahead = range(home, home + len(run))
                if len(run) < least or ahead[-1] >= n or any(x in others or x in pinned.values() for x in ahead):
                    continue
                free = list(ahead)
            where = f"before row {home + 1}"
        pinned.update(zip((c.pos for c in run), free[-len(run):]))
        cx.note("name-run", f"{len(run)} names printed together {where}", run)
    return pinned


def _place_names(names: list[Piece], rows: list[Row], nat, cx: Ctx, homes: dict[int, int] | None,
                 pinned: dict[int, int]) -> dict[int, Piece]:
    """Names onto rows (a minimum-cost assignment): each where it is printed (before its row's
    actual; ``homes`` by columns; ``pinned`` by a run) unless its cues outweigh the move; moving
    at all costs most (pdftotext moves a cell whole); one printed after the table, any row."""
    p, n = cx.p.cells, len(rows)

    def home_of(c: Piece) -> int:
        return homes.get(c.pos, n) if homes is not None else nat(c.pos)

    if len(names) > cx.p.bounds.max_rows or n > cx.p.bounds.max_rows or len(names) > 2 * n + cx.p.bounds.spare_cells:
        # more names than a form holds rows, or than these rows could use: no search
        cx.note("search-bounded", f"{len(names)} names for {n} rows; names kept in printed order", names)
        return dict(enumerate(names[:n]))
    if not names or not rows:
        return {}
    cues = [RowCues.of(_text(r.target)) for r in rows]
    cost = []
    for i, c in enumerate(names):
        home = home_of(c)
        move = [p.name_tail if home >= n else p.rank_shift * abs(home - k) if homes is not None
                else p.name_move + p.name_shift * abs(home - k) if home != k else 0.0 for k in range(n)]
        cost.append([0.0 if k == pinned[c.pos] else p.unit_clash * n for k in range(n)] if c.pos in pinned else
                    [move[k] - _evidence(c.text, cues[k], r, cx.p) - _order_tie(i, k, len(names), n)
                     for k, r in enumerate(rows)])
    placed: dict[int, Piece] = {}
    for i, k in enumerate(min_cost_assignment(cost)):
        if k is not None:               # (more names than rows: the books report the rest)
            placed[k] = c = names[i]
            if home_of(c) != k:
                cx.note("name-moved", f"name {c.text} placed on row {k + 1}, away from where it is printed",
                        [c] + rows[k].cells())
    if len(names) < n:
        cx.note("name-count-mismatch", f"{len(names)} names for {n} value rows", names)
    return placed


# --- deviations ---------------------------------------------------------------------------------------

def _join_deviation_pieces(devs: list[Piece], cx: Ctx) -> list[Piece]:
    """The lines of a wrapped deviation printed apart. The line beside its row's 得分 is the
    deviation's middle line; its first, printed later, fills the column and ends no sentence
    (``_openers``); the joined text stands where the 得分 is printed. A line left open goes on
    with the next deviation-sized text printed after it, the oldest open line first."""
    p = cx.p.cells
    for c, m, doubt in _openers(devs, cx):
        first = _first_line(c, cx.texts)
        rest = c.text[len(first):]
        if doubt:
            cx.note("deviation-opener-uncertain", f"{first[:20]}… could open another line beside a score than "
                    f"{m.text[:12]}…", [c, m])
        else:
            cx.note("deviation-joined", f"{first[:20]}… opens the line beside its row's score", [c, m])
        c.text, c.lines = join_wrapped([first, m.text, rest]), c.lines[:1] + m.lines + c.lines[1:]
        c.last_width = c.last_width if rest else m.last_width
        c.pos, c.block = m.pos, m.block             # it stands where its row's 得分 is printed
        _take(m)
    result: list[Piece] = []
    open_: list[Piece] = []
    for c in (c for c in devs if c.kind != "taken"):
        if open_ and width(c.text) <= p.dev_width:
            head = open_.pop(0)
            cx.note("deviation-joined", f"{c.text[:20]}… goes on with the line printed before it", [head, c])
            head.text, head.last_width = join_wrapped([head.text, c.text]), c.last_width
            head.lines.extend(c.lines)
            _take(c)
            if not ends_sentence(c.text) and width(c.text) >= p.dev_full:
                open_.insert(0, head)
        else:
            result.append(c)
            open_ += [c] if _is_open(c, p) else []
    return sorted(result, key=lambda c: c.pos)


def _openers(devs: list[Piece], cx: Ctx) -> list[tuple[Piece, Piece, bool]]:
    """(opening line, score line, doubt): openers matched to the score lines no line before them
    opens, in printed order, as many and as close as can be (an opener with its last line under
    it takes a full score line); ``doubt``: another fits without undoing the other pairs."""
    p = cx.p.cells
    heads, lone = [], []
    prev: Piece | None = None
    for c in devs:
        first = _first_line(c, cx.texts)
        if not c.after_number and p.dev_full <= width(first) <= p.dev_width and not ends_sentence(first):
            heads.append((c, first != c.text))
        elif c.after_number and not (prev is not None and prev.block == c.block and _is_open(prev, p)):
            lone.append(c)
        prev = c
    if not heads or not lone or len(heads) * len(lone) > cx.p.bounds.max_rows ** 2:
        return []

    def fits(h: tuple[Piece, bool], m: Piece) -> bool:
        return m.pos < h[0].pos and (not h[1] or (width(m.text) >= p.dev_full and not ends_sentence(m.text)))
    # best[i][j]: (pairs, -distance) over the first i openers and j score lines
    a, b = len(heads), len(lone)
    best = [[(0, 0)] * (b + 1) for _ in range(a + 1)]
    for i in range(1, a + 1):
        for j in range(1, b + 1):
            best[i][j] = max(best[i - 1][j], best[i][j - 1])
            if fits(heads[i - 1], lone[j - 1]):
                k, d = best[i - 1][j - 1]
                best[i][j] = max(best[i][j], (k + 1, d - (heads[i - 1][0].pos - lone[j - 1].pos)))
    found = []
    i, j = a, b
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            found.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    found.reverse()
    out = []
    for k, (h, m) in enumerate(found):
        others = range(found[k - 1][1] + 1 if k else 0, found[k + 1][1] if k + 1 < len(found) else b)
        out.append((heads[h][0], lone[m], any(x != m and fits(heads[h], lone[x]) for x in others)))
    return out


def _first_line(c: Piece, texts: dict[int, str]) -> str:
    """The text of a cell's first printed line."""
    line = texts.get(c.lines[0], "").strip() if len(c.lines) > 1 else ""
    return line if line and c.text.startswith(line) else c.text


def _is_open(c: Piece, p) -> bool:
    """A deviation whose last line fills its column and ends no sentence goes on elsewhere."""
    return p.dev_full <= (c.last_width or width(c.text)) <= p.dev_width and not ends_sentence(c.text)


def _place_deviations(devs: list[Piece], rows: list[Row], nat, cx: Ctx, by_columns: bool,
                      score_row: dict[int, int], name_of: dict[int, Piece]) -> dict[int, Piece]:
    """A deviation with a line beside a row's 得分 (``score_row``) is that row's, and so is one
    that quotes one row's name (``_quoting``); one printed among the rows the row's before it
    (the next one's when only that one lost points); a run at a page's foot goes in order to
    as many rows above that lost points; those after the table (the one-line ones, as a
    column), or all ``by_columns``, to the rows that lost points (``_tail``)."""
    n, placed, column, tail = len(rows), {}, set(), []
    for c in devs if n else ():
        k = next((score_row[x] for x in c.lines if x in score_row), None)
        if k is not None and k < n and k not in placed:
            placed[k] = c
            column.add(c.pos)
    scored = set(column)
    for c, k in _quoting(devs, rows, name_of, cx) if n else ():
        if k not in placed and c.pos not in column:
            placed[k] = c
            column.add(c.pos)
            cx.note("deviation-names-row", f"{c.text[:20]}… quotes the name of row {k + 1}", [c, name_of[k]])
    runs = _runs(devs) if n and not by_columns else []

    def by_its_row(cells: list[Piece]) -> None:
        for c in (c for c in cells if c.pos not in column):
            k = nat(c.pos, True)
            options = [x for x in (k, k + 1) if 0 <= x < n and x not in placed]
            # a deviation explains lost points or a gap between target and actual: never a row with neither;
            # first the row it says its actual was over or under the target of
            fit = options if c.text in words(cx.t).no_deviation else \
                [x for x in options if (rows[x].lost_points or rows[x].gap) and deviation_fit(
                    c.text, _text(rows[x].target), _text(rows[x].actual), rows[x].lost_points) > 0] \
                or [x for x in options if rows[x].lost_points] or [x for x in options if rows[x].gap]
            if by_columns or k >= n - 1 and c.pos > rows[-1].extent[1] or not options:  # the column, or after
                tail.append(c)                                                           # the rows
            elif not fit:           # printed by rows it cannot belong to: its row is a guess
                tail.append(c)
                cx.note("deviation-row-uncertain", "a deviation printed by rows that neither lost points nor "
                        "missed their target", [c])
            else:
                placed[fit[0]] = c
            column.add(c.pos)
    # one printed alone among the rows is its row's before a run printed together, more than the
    # rows beside it can take, takes the rows before it that lost points and have none
    by_its_row([c for run in runs if len(run) == 1 for c in run])
    for run in (r for r in runs if len(r) >= 2):
        k = nat(run[0].pos, True)
        rest = [c for c in run if c.pos not in column]
        want = [x for x in range(min(k + 1, n)) if rows[x].lost_points and x not in placed]
        beside = [x for x in (k, k + 1) if x < n and rows[x].lost_points and x not in placed]
        if len(beside) < len(run) and len(rest) == len(want) and k < n - 1 and not scored & {c.pos for c in run}:
            placed.update(zip(want, rest))
            column.update(c.pos for c in rest)
            cx.note("deviation-column", f"{len(run)} deviations printed together after row {k + 1}", run)
    by_its_row(devs if n else [])
    _tail(sorted(tail, key=lambda c: c.pos), rows, placed, cx, nat)
    return placed


def _quoting(devs: list[Piece], rows: list[Row], name_of: dict[int, Piece], cx: Ctx) -> list[tuple[Piece, int]]:
    """(deviation, row) for each deviation that quotes the name of one row that lost points or
    kept them missing an ``=`` target (its longest name quoted, at least ``dev_names`` wide):
    示例设施建成数未达到年初目标 is 示例设施建成数's."""
    names = {k: c.text for k, c in name_of.items() if width(c.text) >= cx.p.cells.dev_names}
    out = []
    for c in devs:
        hits = [k for k, t in names.items() if t in c.text]
        longest = max((len(names[k]) for k in hits), default=0)
        hits = [k for k in hits if len(names[k]) == longest and (rows[k].lost_points or rows[k].missed)]
        if len(hits) == 1:
            out.append((c, hits[0]))
    return out


def _tail(tail: list[Piece], rows: list[Row], placed: dict[int, Piece], cx: Ctx, nat) -> None:
    """Deviations printed apart go in order to the rows that lost points or missed an ``=`` target
    and have none; with more such rows than deviations, those that missed an ``=`` target, then
    those nearest the rows each is printed by (``_nearest``); with fewer, then the rows after them."""
    want = chosen = [k for k in range(len(rows)) if (rows[k].lost_points or rows[k].missed) and k not in placed]
    if len(want) > len(tail):
        at = [min(nat(c.pos, True), len(rows) - 1) for c in tail]
        chosen = _nearest(at, want, {k for k in want if rows[k].missed})
    elif len(want) < len(tail):
        rest = [k for k in range(len(rows)) if k not in placed and k not in want]
        chosen = sorted(want + rest[:len(tail) - len(want)])
    if tail and (len(want) != len(tail) or any(rows[k].missed for k in chosen)):   # a guess, or a kept row
        cx.note("deviation-row-uncertain", f"{len(tail)} deviations printed apart for {len(want)} rows that lost "
                "points or kept them missing an = target", tail)
    placed.update(zip(chosen, tail))


def _nearest(at: list[int], rows: list[int], first: set[int]) -> list[int]:
    """Of ``rows`` (more than ``at``'s), as many as ``at`` in order, those in ``first`` before any
    other, each as near the row its item is printed by as can be: the least total distance
    (ties: the later rows)."""
    m, f = len(at), len(rows)
    skip = [(max(at + rows) + 1) * m * (r in first) for r in rows]      # outweighs any distance
    best = [[INF] * (f + 1) for _ in range(m + 1)]
    for j in range(f + 1):
        best[0][j] = sum(skip[:j])
    for i in range(1, m + 1):
        for j in range(i, f + 1):
            best[i][j] = min(best[i][j - 1] + skip[j - 1], best[i - 1][j - 1] + abs(at[i - 1] - rows[j - 1]))
    out, i, j = [], m, f
    while i:
        if best[i][j] == best[i - 1][j - 1] + abs(at[i - 1] - rows[j - 1]):
            out.append(rows[j - 1])
            i -= 1
        j -= 1
    return out[::-1]


def _runs(cells: list[Piece]) -> list[list[Piece]]:
    """Cells printed one right after the other, in runs."""
    runs: list[list[Piece]] = []
    for c in cells:
        if runs and c.pos == runs[-1][-1].pos + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


# --- assignment ---------------------------------------------------------------------------------------

def _order_tie(i: int, k: int, items: int, places: int) -> float:
    """Between assignments that cost the same, the one that keeps the printed order: a reward
    growing with i·k (the sorted pairing maximises it), too slight to outweigh any evidence."""
    return TIE * i * k / max(1, items * places * max(items, places))


def min_cost_assignment(cost: list[list[float]]) -> list[int | None]:
    """Items (rows of ``cost``) to places (columns), each place taken at most once, the total cost
    least (Hungarian method with potentials, O(n³)): each item's place, None for items over."""
    n_items, n_places = len(cost), len(cost[0]) if cost else 0
    size = max(n_items, n_places)
    pad = max((abs(v) for line in cost for v in line), default=0.0) * 4 + 1.0
    a = [[(cost[i][j] if i < n_items and j < n_places else pad) for j in range(size)] for i in range(size)]
    u, v, p, way = [0.0] * (size + 1), [0.0] * (size + 1), [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        p[0], j0 = i, 0
        minv, used = [INF] * (size + 1), [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], INF, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = a[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            p[j0], j0 = p[way[j0]], way[j0]
    place: list[int | None] = [None] * n_items
    for j in range(1, size + 1):
        if p[j] - 1 < n_items and j - 1 < n_places:
            place[p[j] - 1] = j - 1
    return place
