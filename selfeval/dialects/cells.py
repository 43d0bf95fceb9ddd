"""``cells``: one cell per line — a spreadsheet's PDF in pdftotext's default mode, and a drawn
form printed column by column.

Input shape (a spreadsheet's)::

    项目名称
                                    (blank lines between most cells)
    校外培训机构监管经费
    年度资金总额
    897.06
    754.16
    10.00
    …
    研修课程人均成本
    ≤2279.43(元/人)
    2279.43(元/人)
    4.00
    4.00

Every cell stands on lines of its own, in the order of the page's text blocks: mostly row by
row and each row left to right, but a block may stand far from its row — the first row's name
after the table, a score after the 总分, the one-line deviations as one column after the
偏差原因分析及改进措施 header, a merged 二级 label at the middle of its group, a header word
after the table. A drawn form prints whole columns at a time: the names, then the targets …,
the 项目资金 block column by column, the two goal texts with their lines interleaved. This reader

1. cuts the lines into cells (a line holds one cell, or a label and a name, or two values) and
   joins the pieces of a wrapped cell (``1043.76(元/`` + ``人/月)``, a deviation's lines,
   ``经济成本指`` + ``标``), then types each by its looks (number, target, actual, label, header
   word, prose, word);
2. rebuilds the form from the streams of each type: the title block's values and the fund rows
   from the order of the header (a block printed by columns read back by the shared arithmetic,
   ``solve.funds.read_stream``); targets, actuals and number pairs keep their order (a number
   moved out of it is put back by the sums, or the numbers are read as two column streams);
   names and deviations are placed by position and evidence (assignment searches); printed by
   columns, a cell's row is its rank in its column.

Evidence given: the title cells, the fund block item by item (``fund_grid``), the rows, one
``NameOrder``, the 二级 labels beside the row they stand at (``contains``, the weight a cell
printed a row or more from its own deserves) or parked, the goal texts in print order, the 总分
pair and the grade. Every decision that could be wrong leaves a diagnostic with its lines.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import attrs
import regex

from ..arith import fund_broken, lost_points
from ..codes import diag
from ..grid import Cell, Entry, NameOrder, Pin, Reading, Row
from ..lexer import Lexed
from ..model import FundRow
from ..params import Params
from ..solve.cues import RowCues, lexical_cue, name_groups, value_cue
from ..solve.funds import TOTAL_ONLY, Num, read_stream
from ..template import Template
from ..text import (
    QUANT_HEAD_RE, QUANT_MIDDLE_RE, QUANT_TAIL_RE, ends_sentence, is_number, is_number_or_dash, is_prose,
    join_wrapped, number_or_none, parse_cell, starts_with_punctuation, width,
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
    """A cell of this print: ``pos`` its place among the form's cells (a deviation's moves to
    where its row's 得分 is printed), whether the next cell stands on its line, whether a number
    stands left of it on its line, the display width of its last line."""

    pos: int = 0
    line_mate: bool = False
    after_number: bool = False
    last_width: int = 0


@attrs.define
class Words:
    """The template's words as this reader asks them."""

    labels: frozenset
    levels: frozenset
    targets: frozenset          # what a qualitative 年度指标值 says
    achievement: frozenset
    met: frozenset
    no_deviation: frozenset
    operators: tuple
    table_start: frozenset      # header words above the rows: 三级指标, 年度指标值, 实际完成值
    values_header: frozenset
    goals_header: frozenset
    total: frozenset
    goal_pieces: frozenset      # 年度 / 总体 / 目标


@lru_cache(maxsize=8)
def words(t: Template) -> Words:
    goal = t.spellings("goals")
    return Words(
        frozenset(t.all_labels), frozenset(t.level1 + t.level2),
        frozenset(t.words("cells", "target_words")) | {w for g in t.group_cues.values() for w in g.value},
        frozenset(t.words("cells", "achievement")), frozenset(t.words("cells", "achievement_met")),
        frozenset(t.words("cells", "no_deviation")), t.words("cells", "operators"),
        frozenset(t.spellings("name", "target", "actual")), frozenset(t.spellings("target", "actual")),
        frozenset(t.spellings("goal_expected", "goal_actual")), frozenset(t.spellings("total")),
        frozenset(g[i:j] for g in goal for i in range(len(g)) for j in range(i + 2, len(g) + (i > 0))))


def note(reading: Reading, code: str, message: str, cells=(), level: str | None = None) -> None:
    reading.diagnostics.append(diag(code, message, [x for c in cells for x in c.lines], level))


# --- 1. cells ---------------------------------------------------------------------------------------

def _parts(text: str, t: Template) -> list[str]:
    """A line cut at its spaces; prose kept whole, but for a row's 得分 printed on the line of a
    deviation's start (numbers before the prose). 其中：当年财政拨款 is no prose."""
    parts = text.split()
    if is_prose(text) and not t.fund_item(parts[0]):
        lead = 0
        while lead < len(parts) - 1 and is_number_or_dash(parts[lead]):
            lead += 1
        parts = parts[:lead] + [text.split(None, lead)[-1]]
    return parts


def cut_cells(items: list[Lexed], skip: set[int], p: Params) -> list[Piece]:
    """The form's cells in printed order: lines cut at their spaces, the pieces of one wrapped
    cell joined, each typed by its looks."""
    t = p.template
    raw: list[Piece] = []
    block = 0
    for it in items:
        if it.kind == "blank":
            block += 1
            continue
        if it.no in skip:
            continue
        parts = _parts(it.text, t)
        raw += [Piece(x, [it.no], y=it.no, block=block, line_mate=k + 1 < len(parts), last_width=width(x),
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
    head.line_mate = c.line_mate
    head.last_width = c.last_width


def _join_labels(cells: list[Piece], p: Params) -> list[Piece]:
    """Pieces of one block that spell a printed label: consecutive (年度 / 总体 / 目标), or with
    cells of the next columns printed between (服务对象满意 / a name / 度指标; a merged label's
    lines around a whole row's cells), ``Cells.label_reach`` cells apart at most."""
    labels, prefixes = words(p.template).labels, p.template.label_prefixes
    used: set[int] = set()
    joined: dict[int, Piece] = {}
    for i, c in enumerate(cells):
        if i in used or c.text not in prefixes:
            continue
        parts, text, j = [i], c.text, i + 1
        while text not in labels and j < len(cells) and j <= parts[-1] + p.cells.label_reach \
                and cells[j].block == c.block:
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
    """``1043.76(元/`` + ``人/月)``: each piece that ends a unit closes the oldest open head of
    its block (two cells cut on one line close in the order they were printed)."""
    labels = words(t).labels
    out: list[Piece] = []
    heads: list[Piece] = []
    for c in cells:
        heads = [h for h in heads if h.block == c.block]
        if QUANT_HEAD_RE.match(c.text):
            out.append(c)
            heads.append(c)
        elif heads and (QUANT_TAIL_RE.match(c.text) or QUANT_MIDDLE_RE.match(c.text)) and c.text not in labels:
            h = heads[0]
            h.text += c.text
            h.lines.extend(c.lines)
            if QUANT_TAIL_RE.match(c.text):
                heads.pop(0)
        else:
            out.append(c)
    return out


def _join_prose(cells: list[Piece], p: Params) -> list[Piece]:
    """The lines of a wrapped text: a prose line goes on with the text line under it in its
    block when it ends no sentence or fills a line as wide as the one under it (a goal's
    sentences run on across lines); so does a line that starts with punctuation."""
    labels = words(p.template).labels
    out: list[Piece] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and prev.block == c.block and not prev.line_mate and c.text not in labels
                and not is_number(c.text) and parse_cell(c.text) is None
                and ((is_prose(prev.text) and (not ends_sentence(prev.text) or (
                    prev.last_width >= p.cells.full_line and (is_prose(c.text) or c.last_width <= prev.last_width))))
                     or starts_with_punctuation(c.text))):
            _absorb(prev, c, join_wrapped([prev.text, c.text]))
            continue
        out.append(c)
    return out


def _join_name_tails(cells: list[Piece], p: Params) -> list[Piece]:
    """A long name wrapped in its cell leaves a short tail on the next line (…计划完成 / 数): a
    word of a character or two under a word as wide as the name column is its tail, unless it
    reads as a value (及时, 提高); the row's 年度指标值 may be printed between the name's lines
    (…计划完成 / ≥6968.00(台) / 数)."""
    w = words(p.template)
    out: list[Piece] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "target" and len(out) > 1 and out[-2].kind == "word"
                and out[-2].block == prev.block and not out[-2].line_mate and not prev.line_mate
                and len(c.text) == 1):
            prev = out[-2]
        if (prev is not None and prev.kind == c.kind == "word" and prev.block == c.block
                and not prev.line_mate and width(prev.text) >= p.cells.name_wrap
                and width(c.text) <= p.cells.name_tail_width and c.text not in w.targets
                and c.text not in w.no_deviation):
            _absorb(prev, c, prev.text + c.text)
            continue
        out.append(c)
    return out


def cell_kind(text: str, t: Template) -> str:
    """number | dash | target | actual | label | template | fund_item | grade | prose | word"""
    w = words(t)
    if text in t.words("cells", "dashes"):
        return "dash"
    if is_number(text):
        return "number"
    parsed = parse_cell(text)
    if parsed is not None:
        return "target" if parsed[0] else "actual"
    if QUANT_HEAD_RE.match(text):
        return "target" if text.startswith(w.operators) else "actual"
    if text in w.achievement:
        return "actual"
    if text in w.levels:
        return "label"
    if text in w.labels:
        return "template"
    if t.fund_item(text):
        return "fund_item"
    if text in t.grades:
        return "grade"
    return "prose" if is_prose(text) else "word"


# --- 2. the form ----------------------------------------------------------------------------------

@attrs.define(eq=False)
class Funds:
    """The 项目资金 block as read: item -> column -> cell, the numbers printed before the table's
    values (``early``) and where those values start."""

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
    used = read_title(items, reading, p)
    cells = cut_cells(items, {items[i].no for i in used}, p)
    w = words(p.template)
    for c in cells:
        reading.add(c)
        if c.kind in ("template", "label"):      # the form's own print, wherever it stands
            c.place("template")
    first_fund = next((c.pos for c in cells if c.kind == "fund_item"), None)
    first_value = next((c.pos for c in cells if c.kind in ("target", "actual")
                        and (first_fund is None or c.pos > first_fund)), len(cells))
    table_start = next((c.pos for c in cells if c.kind == "template" and c.text in w.table_start), first_value)
    head_end = min(table_start, first_value)
    # the 分值/得分 numbers come after the header of the value columns or the first value,
    # whichever is printed first (三级指标 may stand above fund values printed late)
    values_start = min(first_value, next((c.pos for c in cells if c.kind == "template"
                                          and c.text in w.values_header), table_start))
    _title_values(cells[:head_end], cells[head_end:], reading, p)
    funds = Funds({}, [c for c in cells[:values_start] if c.kind == "number"], values_start)
    fund_end = _funds(cells, first_fund, funds, reading, p)
    _fund_fallback(cells, funds, [], reading, p)
    texts = {it.no: it.text for it in items}
    goals = _untangle_goals(_goals(cells, fund_end, first_value, reading, p), texts, reading, p)
    _check_goals(goals, texts, reading, p)
    reading.goals = goals
    table = [c for c in cells[fund_end:] if all(c is not g for g in goals)]     # (taken cells stay: they part runs)
    grades = [c for c in table if c.kind == "grade"]
    reading.grade = grades[0] if grades else None
    for c in grades:
        c.kind = "taken"
    _table(Ctx(reading, p, table, texts, cells, funds), values_start)
    _fund_fallback(cells, funds, [c for c in table if c.kind == "number"], reading, p)
    reading.fund_grid = funds.grid
    return reading


def _title_values(head: list[Piece], rest: list[Piece], reading: Reading, p: Params) -> None:
    """项目名称, 主管部门, 实施单位: their values are the first free words before the table, in
    that order (labels and header words printed between them are skipped; the 实施单位 label
    and its value may stand after the fund block or the goals: a body's name among the table's
    cells). Which is the department is told by how the names end."""
    t = p.template
    picked = _join_bodies([c for c in head if c.kind == "word"], t)[:3]
    orgs = [c for c in _join_bodies([c for c in rest if c.kind == "word"], t) if looks_like_body(c.text, t)]
    if len(picked) < 3 and orgs:
        picked.append(orgs[0])
        note(reading, "unit-apart", f"{t.label('unit')} printed away from the title block; the body's name "
             "found among the table's cells taken", orgs[:1])
    if len(picked) == 3 and _department_like(picked[2].text, t) and not _department_like(picked[1].text, t):
        picked[1], picked[2] = picked[2], picked[1]
        note(reading, "department-order", f"{t.label('unit')} printed before {t.label('department')}: told "
             "apart by how their names end", picked[1:])
    for slot, c in zip(TITLE_SLOTS, picked):
        reading.title.setdefault(slot, c)
        c.kind = "taken"


def _join_bodies(cells: list[Piece], t: Template) -> list[Piece]:
    """A body's name wrapped in its cell (…电子政务运维 / 中心): a word that is no body's name
    but makes one with the word printed under it is joined with it."""
    out: list[Piece] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and prev.block == c.block and c.pos == prev.pos + 1
                and not looks_like_body(prev.text, t) and not looks_like_body(c.text, t)
                and looks_like_body(prev.text + c.text, t)):
            prev.text += c.text
            prev.lines.extend(c.lines)
            c.kind = "taken"
            continue
        out.append(c)
    return out


def looks_like_body(text: str, t: Template) -> bool:
    """A government body's name (江北市临川区图书馆): a place and an organ's ending."""
    return (text.endswith(t.words("bodies", "department_suffixes") + t.words("bodies", "org_suffixes"))
            and any(m in text for m in t.words("bodies", "place_marks")))


def _department_like(text: str, t: Template) -> bool:
    return text.endswith(t.words("bodies", "department_suffixes"))


# --- the fund block -------------------------------------------------------------------------------

def _fund_columns(cells: list[Piece], last_item: int, t: Template) -> list[str]:
    """The 项目资金 columns in printed order (a header word may stand among the rows' values);
    one printed elsewhere goes to its place in the template's order."""
    found: list[str] = []
    for c in cells[:last_item]:
        col = t.fund_column(c.text) if c.kind == "template" else None
        if col and col not in found:
            found.append(col)
    order = t.fund_order
    for col in order:
        if col not in found:
            at = next((k for k, f in enumerate(found) if order.index(f) > order.index(col)), len(found))
            found.insert(at, col)
    return found


def _funds(cells: list[Piece], first_fund: int | None, funds: Funds, reading: Reading, p: Params) -> int:
    """Each fund row: its item, then one value per column (header words and labels printed
    among them skipped). Returns where the fund block ends."""
    t = p.template
    if first_fund is None:
        return 0
    items = [c for c in cells[first_fund:] if c.kind == "fund_item"]
    columns = _fund_columns(cells, items[-1].pos, t)
    stop = words(t).table_start
    end = first_fund
    read: dict[str, int] = {}
    for c in items:
        values, j = [], c.pos + 1
        while j < len(cells) and len(values) < len(columns):
            if cells[j].kind in ("number", "dash"):
                values.append(cells[j])
            elif cells[j].kind not in ("template", "label") or cells[j].text in stop:
                break
            j += 1
        end = max(end, j)
        item = t.fund_item(c.text)
        c.kind = "taken"
        c.place("template")
        for v in values:
            v.kind = "taken"
        if item in funds.grid:
            note(reading, "duplicate-line", f"fund row {item} printed twice; the first is used", [c])
            continue
        funds.grid[item] = dict(zip(columns, values))
        read[item] = len(values)
        if len(values) < len(columns):
            note(reading, "fund-row-shape", f"fund row {item} has {len(values)} values for {len(columns)} "
                 "columns", [c] + values)
    _fund_leftovers(cells[first_fund:funds.values_start], columns, funds, read, reading, t)
    return end


def _fund_leftovers(cells: list[Piece], columns: list[str], funds: Funds, read: dict[str, int],
                    reading: Reading, t: Template) -> None:
    """Values of a fund row printed after the other rows (its 分数 得分 and 全年执行数 执行率 as
    blocks of their own): the numbers left before the table's values fill the columns the rows
    lack, in order."""
    left: list[Piece] = []
    for c in cells:
        if c.kind == "template" and c.text in words(t).values_header:
            break
        if c.kind in ("number", "dash"):
            left.append(c)
    for item in t.fund_item_names:
        if item not in funds.grid:
            continue
        for col in columns[read.get(item, len(columns)):]:
            if left:
                v = left.pop(0)
                funds.grid[item][col] = v
                v.kind = "taken"
                note(reading, "fund-value-apart", f"{item}: {col} printed after the other rows", [v])


def _fund_fallback(cells: list[Piece], funds: Funds, late: list[Piece], reading: Reading, p: Params) -> None:
    """When the rows read item by item break the block's sums or rates, the block printed by
    columns is read back by the shared arithmetic (``solve.funds.read_stream``: each column's
    values in row order, a number under header words in their column, near the item printed
    before it) and kept when it breaks fewer rules; ``late``: numbers printed after the table,
    which join the stream when the block's count needs them. Read here, not left to the
    solver, because the rows' sums need the block's 分值 and 得分."""
    t = p.template
    rows = funds.rows(t)
    numbers = funds.early + late
    if len(rows) != len(t.fund_items) or not numbers or not fund_broken(rows, t):
        return
    before = fund_broken(rows, t)
    grid = read_stream(_nums(cells, numbers, funds.values_start, t), p)
    if grid is None or grid.broken >= before:
        return
    items = t.fund_item_names
    ids = {id(c) for c in numbers}
    funds.grid = {item: {col: c for col, c in funds.grid[item].items() if id(c) not in ids} for item in items}
    for c, col, r in zip(numbers, grid.labels, grid.rows_of):
        funds.grid[items[r]][col] = c
        c.kind = "taken"
    note(reading, "funds-by-arithmetic", f"the fund block read item by item breaks {before} of its sums and "
         f"rates; read as column streams by its arithmetic ({grid.broken} broken)", numbers,
         None if not grid.broken else "warning")


def _nums(cells: list[Piece], numbers: list[Piece], table_from: int, t: Template) -> list[Num]:
    """The numbers as the arithmetic reads them: the header words of the line printed right
    before each (it stands under one of them, most often the last) and, when the items stand
    among the numbers, the row of the item printed before it (not for numbers after the table)."""
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


# --- goals ----------------------------------------------------------------------------------------

def _goals(cells: list[Piece], start: int, first_value: int, reading: Reading, p: Params) -> list[Piece]:
    """The goal texts: prose printed before the table's first value, or as wide as goal prose
    (a column the deviations' is not) anywhere."""
    found = [c for c in cells[start:] if c.kind == "prose" and (c.pos < first_value or _goal_wide(c, p))]
    if len(found) > 2:
        note(reading, "goal-paragraphs", f"{len(found)} prose texts where two goal texts were expected; the "
             "first two are taken", found)
        found = found[:2]
    for c in found:
        c.kind = "taken"
    header = words(p.template).goals_header
    if found and not any(c.kind == "template" and c.text in header for c in cells):
        note(reading, "goals-header-missing", "goal texts found without their header", found)
    return found


def _goal_wide(c: Piece, p: Params) -> bool:
    return len(c.lines) > 1 and width(c.text) / len(c.lines) >= p.cells.goal_width


def _untangle_goals(goals: list[Piece], texts: dict[int, str], reading: Reading, p: Params) -> list[Cell]:
    """The two goal texts printed with their lines interleaved (one column's line, then the
    other's): a text whose lines come in two widths is cut into the two columns — the full
    lines of each by their width, a short last line to the text it ends (``_two_columns``). The
    年度/总体/目标 label printed among them is dropped from the text."""
    nos = sorted(no for c in goals for no in c.lines)
    if len(nos) < 4:
        return goals
    pieces = words(p.template).goal_pieces
    lines, labels = [], []
    for no in nos:
        text = texts.get(no, "").strip()
        head, _, rest = text.partition(" ")
        if head in pieces:
            text = rest.strip()
        (lines.append((no, text)) if text else labels.append(no))
    got = _two_columns(lines, p)
    if got is None:
        return goals
    if labels:
        template_cell(reading, labels, " ".join(texts[no] for no in labels), labels[0])
    cells = [Cell(join_wrapped([x for _, x in col]), [no for no, _ in col], "prose", goals[0].seq, goals[0].y,
                  block=goals[0].block) for col in got]
    reading.diagnostics.append(diag("goals-interleaved", "the lines of the two goal texts were printed "
                                    "interleaved; told apart by their widths (a short last line by which text "
                                    "it ends): check both texts", nos))
    return cells


def _two_columns(lines: list[tuple[int, str]], p: Params):
    """(line number, text) of interleaved goal lines -> the lines of each text, or None when
    they do not come in two widths or come one text after the other. A line of neither width
    goes to a text whose last line is open and that has no full line after it (both open: the
    one whose last line stands higher ends first)."""
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
    for i in range(len(widths)):
        if i in a or i in b:
            continue
        options = []
        for col in (a, b):
            before = [k for k in col if k < i]
            if (not before or not ends_sentence(lines[max(before)][1])) and not any(k > i for k in col):
                options.append((max(before, default=-1), col))
        (min(options, key=lambda o: o[0])[1] if options else (a if (i - 1) in a else b)).add(i)
    return [[lines[k] for k in sorted(col)] for col in (a, b)]


def _check_goals(goals: list[Cell], texts: dict[int, str], reading: Reading, p: Params) -> None:
    """A goal text read from a print like this one may have taken lines of the other: say so
    when it does not read as one paragraph — it does not end a sentence, a line opening a
    year's account (2023年度…) follows one that breaks off, its lines are not one run of the
    input, or a line before its last stops short (a paragraph ends there)."""
    if any(d.code == "goals-interleaved" for d in reading.diagnostics):
        return
    if len(goals) < 2:
        reading.diagnostics.append(diag("goal-missing", f"{len(goals)} of the two goal texts found"))
    for c, which in zip(goals, ("the first", "the second")):
        nos = sorted(c.lines)
        run = [no for no in range(nos[0], nos[-1] + 1) if texts.get(no, "").strip()]
        lines = [texts.get(no, "").strip() for no in nos]
        widths = [width(x) for x in lines]
        why = ("it does not end a sentence" if not ends_sentence(c.text) else
               "a line opening a year's account follows one that breaks off" if any(
                   YEAR_OPENING.match(b) and not ends_sentence(a) for a, b in zip(lines, lines[1:])) else
               "its lines are not printed together" if run != nos else
               "a line before its last stops short" if any(w < max(widths) * p.goals.short_line
                                                          for w in widths[:-1]) else None)
        if why:
            reading.diagnostics.append(diag("goal-uncertain", f"{which} goal text: {why}; it may hold lines of "
                                            "the other goal text", nos))
