"""Stages 4–5 for the one-cell-per-line dialect (a spreadsheet's PDF in pdftotext's default mode).

Such a dump prints every cell on lines of its own, in the order of the page's text blocks:
mostly row by row and each row left to right, but a block may stand far from its row — the
first row's name after the table, the one-line deviations as one column after the
偏差原因分析及改进措施 header, a merged 二级 label at the middle of its group, a header word
after the table. This reader

1. cuts the lines into cells (a line holds one cell, or a label and a name, or two values)
   and joins the pieces of a wrapped cell (``1043.76(元/`` + ``人/月)``, a deviation's lines,
   ``经济成本指`` + ``标``);
2. types each cell by its looks (number, target, actual, label, header word, prose, word);
3. rebuilds the form from the streams of each type: the title block's values and the fund
   rows from the order of the header; targets, actuals and number pairs keep their order
   (a number moved out of it is put back by the sums); names and deviations are placed by
   position and evidence (an assignment search); 二级 groups by the template's order, the
   labels' positions and cues.

Every decision that could be wrong leaves a diagnostic with the lines it rests on.
"""
from __future__ import annotations

import bisect

import regex

import attrs

from .align import RowCues, _value_cues, align_groups, lexical_cue
from .cells import (
    QUANT_HEAD_RE, QUANT_MIDDLE_RE, QUANT_TAIL_RE, ends_sentence, is_number, is_number_or_dash,
    join_wrapped, parse_cell, parse_number, prose_marks, starts_with_punctuation, width,
)
from .classify import Classified
from .cues import name_groups
from .fundgrid import Num, broken_count, read_grid
from .model import CellValue, Diagnostic, FundRow, Indicator
from .legacy_params import Params
from .reassemble import Label, LabelRun, Row
from .vocab import (
    ACHIEVEMENT_WORDS, FUND_COLUMNS, FUND_ITEM_PREFIXES, FUND_ITEMS, GOALS_HEADER, GRADES,
    DEPARTMENT_SUFFIXES, LABELS, LEVEL1, LEVEL1_OF, LEVEL2, LEVEL2_CUES, NO_DEVIATION_WORDS,
    OPERATORS, ORG_SUFFIXES, PLACE_MARKS, TARGET_WORDS, TEMPLATE_LABELS, TOTAL_LABEL,
)

DEFAULT_FUND_COLUMNS = ("initial_budget", "annual_budget", "weight", "score", "executed",
                        "execution_rate")
_LABEL_SET = frozenset(LABELS)
_LABEL_PREFIXES = frozenset(lab[:k] for lab in LABELS for k in range(1, len(lab) + 1))
_TARGET_WORDS = frozenset(TARGET_WORDS) | {w for cues in LEVEL2_CUES.values() for w in cues.get("value", ())}
INF = float("inf")
_YEAR_OPENING = regex.compile(r"\d{4}年")      # 2023年度…: how an account of a year opens
# header words that stand above the rows of the indicator table
_TABLE_START = frozenset(("三级指标", "年度指标值", "实际完成值"))
_VALUES_HEADER = frozenset(("年度指标值", "实际完成值"))


@attrs.define
class Cell:
    text: str
    lines: list[int]
    block: int          # cells of one block have no blank line between them
    kind: str = ""
    pos: int = 0        # index in the form's sequence of cells
    line_mate: bool = False   # printed on the same line as the cell after it
    after_number: bool = False  # a text printed right of a number on its line
    last_width: int = 0       # display width of its last line


@attrs.define
class CellTable:
    """What the reader recovered; the builder turns it into the record."""

    project_name: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    funds: list[FundRow] = attrs.field(factory=list)
    goals: list[Cell] = attrs.field(factory=list)
    indicators: list[Indicator] = attrs.field(factory=list)
    total: tuple[float, float] | None = None
    grade: str | None = None
    placed: dict[str, list[int]] = attrs.field(factory=dict)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)

    def put(self, field: str, lines) -> None:
        self.placed.setdefault(field, []).extend(lines)

    def warn(self, code: str, message: str, lines=(), level: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(level, code, message, list(lines)))


# --- 1. cells ------------------------------------------------------------------------------

def _is_prose(text: str) -> bool:
    return bool(prose_marks(text)) or ends_sentence(text)


def cut_cells(items: list[Classified], skip: set[int], params: Params) -> list[Cell]:
    """The form's cells in printed order: lines cut at their spaces (prose kept whole), then
    the pieces of one wrapped cell joined."""
    raw: list[Cell] = []
    block = 0
    for it in items:
        if it.kind == "blank":
            block += 1
            continue
        if it.no in skip:
            continue
        text = it.text.strip()
        parts = text.split()
        if _is_prose(text) and not _fund_item(parts[0]):       # 其中：当年财政拨款 is no prose
            # a row's 得分 printed on the line of a deviation's start: numbers before the prose
            lead = 0
            while lead < len(parts) - 1 and is_number_or_dash(parts[lead]):
                lead += 1
            parts = parts[:lead] + [text.split(None, lead)[-1]]
        for k, p in enumerate(parts):
            raw.append(Cell(p, [it.no], block, line_mate=k + 1 < len(parts), last_width=width(p),
                            after_number=k > 0 and is_number(parts[k - 1])))
    cells = _join_labels(raw, params.cells_label_reach)
    cells = _join_quantities(cells)
    cells = _join_prose(cells, params)
    for c in cells:
        c.kind = cell_kind(c.text)
        if c.kind == "word" and c.after_number and width(c.text) >= params.cells_dev_piece:
            # right of a number on its line stands only the 偏差原因 column: a deviation's piece
            c.kind = "prose"
    cells = _join_name_tails(cells, params)
    for i, c in enumerate(cells):
        c.pos = i
    return cells


def _join_name_tails(cells: list[Cell], params: Params) -> list[Cell]:
    """A long name wrapped in its cell leaves a short tail on the next line (…计划完成 / 数): a
    word of a character or two under a word as wide as the name column is its tail, unless it
    reads as a value (及时, 提高)."""
    out: list[Cell] = []
    for c in cells:
        prev = out[-1] if out else None
        # (the row's 年度指标值 may be printed between the name's lines: …计划完成 / ≥6968.00(台) / 数)
        if (prev is not None and prev.kind == "target" and len(out) > 1 and out[-2].kind == "word"
                and out[-2].block == prev.block and not out[-2].line_mate and not prev.line_mate
                and len(c.text) == 1):
            prev = out[-2]
        if (prev is not None and prev.kind == c.kind == "word" and prev.block == c.block
                and not prev.line_mate and width(prev.text) >= params.cells_name_wrap
                and width(c.text) <= params.cells_name_tail_width and not _value_word(c.text)
                and c.text not in NO_DEVIATION_WORDS):
            prev.text += c.text
            prev.lines.extend(c.lines)
            prev.line_mate = c.line_mate
            continue
        out.append(c)
    return out


def _join_labels(cells: list[Cell], reach: int = 3) -> list[Cell]:
    """Pieces of one block that spell a printed label: consecutive (年度 / 总体 / 目标), or with
    cells of the next columns printed between (服务对象满意 / a name / 度指标; a merged label's
    lines around a whole row's cells), ``reach`` cells apart at most."""
    used: set[int] = set()
    joined: dict[int, Cell] = {}
    for i, c in enumerate(cells):
        if i in used or c.text not in _LABEL_PREFIXES:
            continue
        parts, text, j = [i], c.text, i + 1
        while text not in _LABEL_SET and j < len(cells) and j <= parts[-1] + reach \
                and cells[j].block == c.block:
            if j not in used and text + cells[j].text in _LABEL_PREFIXES:
                parts.append(j)
                text += cells[j].text
            j += 1
        if len(parts) > 1 and text in _LABEL_SET:
            used.update(parts)
            joined[i] = Cell(text, [n for k in parts for n in cells[k].lines], c.block,
                             last_width=cells[parts[-1]].last_width)
    return [joined.get(i, c) for i, c in enumerate(cells) if i in joined or i not in used]


def _join_quantities(cells: list[Cell]) -> list[Cell]:
    """``1043.76(元/`` + ``人/月)``: each piece that ends a unit closes the oldest open head of
    its block (two cells cut on one line close in the order they were printed)."""
    out: list[Cell] = []
    open_heads: list[Cell] = []
    for c in cells:
        open_heads = [h for h in open_heads if h.block == c.block]
        if QUANT_HEAD_RE.match(c.text):
            out.append(c)
            open_heads.append(c)
            continue
        if open_heads and (QUANT_TAIL_RE.match(c.text) or QUANT_MIDDLE_RE.match(c.text)) \
                and not c.text in _LABEL_SET:
            h = open_heads[0]
            h.text += c.text
            h.lines.extend(c.lines)
            if QUANT_TAIL_RE.match(c.text):
                open_heads.pop(0)
            continue
        out.append(c)
    return out


def _join_prose(cells: list[Cell], params: Params) -> list[Cell]:
    """The lines of a wrapped text: a prose line goes on with the text line under it in its
    block when it ends no sentence or fills a line as wide as the one under it (a goal's
    sentences run on across lines); so does a line that starts with punctuation."""
    out: list[Cell] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and prev.block == c.block and not prev.line_mate
                and c.text not in _LABEL_SET and not is_number(c.text) and parse_cell(c.text) is None
                and ((_is_prose(prev.text) and (not ends_sentence(prev.text) or (
                    prev.last_width >= params.cells_full_line
                    and (_is_prose(c.text) or c.last_width <= prev.last_width))))
                     or starts_with_punctuation(c.text))):
            prev.text = join_wrapped([prev.text, c.text])
            prev.lines.extend(c.lines)
            prev.line_mate = c.line_mate
            prev.last_width = c.last_width
            continue
        out.append(c)
    return out


# --- 2. kinds ------------------------------------------------------------------------------

def _fund_item(text: str) -> str | None:
    for p in FUND_ITEM_PREFIXES:
        if text.startswith(p):
            text = text[len(p):]
    return text if text in FUND_ITEMS else None


def cell_kind(text: str) -> str:
    """number | dash | target | actual | label | template | fund_item | grade | prose | word"""
    if text in ("-", "－", "—"):
        return "dash"
    if is_number(text):
        return "number"
    parsed = parse_cell(text)
    if parsed is not None:
        return "target" if parsed[0] else "actual"
    if text.startswith(OPERATORS) and QUANT_HEAD_RE.match(text):
        return "target"
    if QUANT_HEAD_RE.match(text):
        return "actual"
    if text in ACHIEVEMENT_WORDS:
        return "actual"
    if text in LEVEL1 or text in LEVEL2:
        return "label"
    if text in TEMPLATE_LABELS:
        return "template"
    if _fund_item(text):
        return "fund_item"
    if text in GRADES:
        return "grade"
    if _is_prose(text):
        return "prose"
    return "word"


# --- 3. the form ---------------------------------------------------------------------------

def read_cells(items: list[Classified], skip: set[int], params: Params) -> CellTable:
    cells = cut_cells(items, skip, params)
    out = CellTable()
    for c in cells:
        if c.kind in ("template", "label"):      # the form's own print, wherever it stands
            out.put("template", c.lines)
    first_fund = next((c.pos for c in cells if c.kind == "fund_item"), None)
    first_value = next((c.pos for c in cells if c.kind in ("target", "actual")
                        and (first_fund is None or c.pos > first_fund)), len(cells))
    table_start = next((c.pos for c in cells if c.kind == "template" and c.text in _TABLE_START),
                       first_value)
    head_end = min(table_start, first_value)
    # the 分值/得分 numbers come after the header of the value columns or the first value,
    # whichever is printed first (三级指标 may stand above fund values printed late)
    values_start = min(first_value, next((c.pos for c in cells if c.kind == "template"
                                          and c.text in _VALUES_HEADER), table_start))
    _title_values(cells[:head_end], cells[head_end:], out)
    fund_numbers = [c for c in cells[:values_start] if c.kind == "number"]
    fund_end = _funds(cells, first_fund, values_start, out)
    _fund_arithmetic(cells, fund_numbers, params, out)
    goals = _goals(cells, fund_end, first_value, params, out)
    texts = {it.no: it.text for it in items}
    goals = _untangle_goals(goals, texts, params, out)
    _check_goals(goals, texts, params, out)
    taken = {id(c) for c in goals}
    table = [c for c in cells[fund_end:] if id(c) not in taken]
    _grade(table, out)

    def late_funds(late: list[Cell]) -> None:
        # fund values printed after the table (a late 全年执行数/执行率 block) join the fund
        # block's stream when its arithmetic does not hold without them
        if late:
            _fund_arithmetic(cells, fund_numbers + late, params, out, values_start)
    _table(table, out, params, values_start, late_funds, texts)
    late_funds([c for c in table if c.kind == "number"])
    _unassigned(table, out)
    return out


def _title_values(head: list[Cell], rest: list[Cell], out: CellTable) -> None:
    """项目名称, 主管部门, 实施单位: their values are the first free words before the table, in
    that order (labels and header words printed between them are skipped; the 实施单位 label
    and its value may stand after the fund block or the goals)."""
    words = _join_bodies([c for c in head if c.kind == "word"])
    fields = ("project_name", "department", "implementing_unit")
    picked = words[:3]
    orgs = [c for c in _join_bodies([c for c in rest if c.kind == "word"]) if looks_like_body(c.text)]
    if len(picked) < 3 and orgs:
        # the 实施单位 value printed among the table's cells: a body's name, not an indicator's
        picked.append(orgs[0])
        out.warn("unit-apart", "实施单位 printed away from the title block; the body's name found "
                 "among the table's cells taken", orgs[0].lines, level="info")
    if len(picked) == 3 and _department_like(picked[2].text) and not _department_like(picked[1].text):
        picked[1], picked[2] = picked[2], picked[1]
        out.warn("department-order", "the 实施单位 printed before the 主管部门: told apart by how "
                 "their names end", picked[1].lines + picked[2].lines, level="info")
    for field, c in zip(fields, picked):
        setattr(out, field, c.text)
        out.put(field, c.lines)
        c.kind = "taken"


def _join_bodies(words: list[Cell]) -> list[Cell]:
    """A body's name wrapped in its cell (…电子政务运维 / 中心): a word that is no body's name
    but makes one with the word printed under it is joined with it."""
    out: list[Cell] = []
    for c in words:
        prev = out[-1] if out else None
        if (prev is not None and prev.block == c.block and c.pos == prev.pos + 1
                and not looks_like_body(prev.text) and not looks_like_body(c.text)
                and looks_like_body(prev.text + c.text)):
            prev.text += c.text
            prev.lines.extend(c.lines)
            c.kind = "taken"
            continue
        out.append(c)
    return out


def looks_like_body(text: str) -> bool:
    """A government body's name (江北市临川区图书馆): a place and an organ's ending."""
    return text.endswith(ORG_SUFFIXES) and any(m in text for m in PLACE_MARKS)


def _department_like(text: str) -> bool:
    return text.endswith(DEPARTMENT_SUFFIXES)


def _fund_columns(cells: list[Cell], last_item: int) -> list[str]:
    """The 项目资金 columns in printed order (a header word may stand among the rows' values);
    one printed elsewhere goes to its place in the template's order."""
    found: list[str] = []
    for c in cells[:last_item]:
        col = FUND_COLUMNS.get(c.text)
        if c.kind == "template" and col and col not in found:
            found.append(col)
    for col in DEFAULT_FUND_COLUMNS:
        if col in found:
            continue
        rank = DEFAULT_FUND_COLUMNS.index(col)
        at = next((k for k, f in enumerate(found) if DEFAULT_FUND_COLUMNS.index(f) > rank), len(found))
        found.insert(at, col)
    return found


def _funds(cells: list[Cell], first_fund: int | None, values_start: int, out: CellTable) -> int:
    """Each fund row: its item, then one value per column (header words and labels printed
    among them skipped). Returns where the fund block ends."""
    if first_fund is None:
        out.warn("fund-rows-missing", "no 项目资金 rows found")
        return 0
    items = [c for c in cells[first_fund:] if c.kind == "fund_item"]
    columns = _fund_columns(cells, items[-1].pos)
    end = first_fund
    rows: dict[str, FundRow] = {}
    read: dict[str, int] = {}
    for c in items:
        values: list[Cell] = []
        j = c.pos + 1
        while j < len(cells) and len(values) < len(columns):
            if cells[j].kind in ("number", "dash"):
                values.append(cells[j])
            elif cells[j].kind not in ("template", "label") or cells[j].text in _TABLE_START:
                break
            j += 1
        end = max(end, j)
        item = _fund_item(c.text)
        if item in rows:
            out.warn("duplicate-fund-row", f"fund row {item} printed twice; the first is used", c.lines)
        else:
            row = FundRow(item)
            read[item] = len(values)
            for col, v in zip(columns, values):
                setattr(row, col, parse_number(v.text))
            rows[item] = row
            if len(values) < len(columns):
                out.warn("fund-row-shape", f"fund row {item} has {len(values)} values for "
                         f"{len(columns)} columns", c.lines + [n for v in values for n in v.lines])
        out.put(f"funds.{item}", c.lines + [n for v in values for n in v.lines])
        for v in values:
            v.kind = "taken"
        c.kind = "taken"
    _fund_leftovers(cells[:values_start], first_fund, columns, rows, read, out)
    out.funds = [rows[k] for k in FUND_ITEMS if k in rows]
    if len(out.funds) != len(FUND_ITEMS):
        out.warn("fund-rows-missing", f"{len(out.funds)} of {len(FUND_ITEMS)} fund rows found")
    return end


def _fund_arithmetic(cells: list[Cell], numbers: list[Cell], params: Params, out: CellTable,
                     table_from: int | None = None) -> None:
    """When the rows read item by item break the block's sums or rates, the block printed by
    columns is read back by its arithmetic (``fundgrid``); kept when it breaks fewer rules.
    Numbers from ``table_from`` on were printed after the table: no item stands before them."""
    if len(out.funds) != len(FUND_ITEMS) or not numbers:
        return
    before = broken_count(out.funds, params.money_tolerance)
    if not before:
        return
    items = [c.pos for c in cells if c.kind == "taken" and _fund_item(c.text)]
    spread = bool(items) and any(items[0] < c.pos < items[-1] for c in numbers)
    nums = []
    for c in numbers:
        # the header words of the line printed right before the number: it stands under one
        # of them, most often the last (the print does not tell: the first may come first)
        header: tuple[str, ...] = ()
        k = c.pos - 1
        while k >= 0 and cells[k].kind == "template" and cells[k].block == c.block \
                and FUND_COLUMNS.get(cells[k].text) and (k == c.pos - 1 or cells[k].line_mate):
            header = (FUND_COLUMNS[cells[k].text],) + header
            k -= 1
        home = None
        if spread and (table_from is None or c.pos < table_from):
            home = max((k for k, p in enumerate(items) if p < c.pos), default=0)
        nums.append(Num(parse_number(c.text), c.line_mate, header, home))
    grid = read_grid(nums, params)
    if grid is None or grid.broken >= before:
        return
    out.funds = grid.rows
    for c, row in zip(numbers, grid.rows_of):
        out.put(f"funds.{FUND_ITEMS[row]}", c.lines)
        c.kind = "taken"
    out.warn("funds-by-arithmetic", f"项目资金 read item by item breaks {before} of its sums and rates; "
             f"read as column streams by its arithmetic ({grid.broken} broken)",
             [x for c in numbers for x in c.lines], level="info" if not grid.broken else "warning")


def _fund_leftovers(cells: list[Cell], first_fund: int, columns: list[str], rows: dict[str, FundRow],
                    read: dict[str, int], out: CellTable) -> None:
    """Values of a fund row printed after the other rows (its 分数 得分 and 全年执行数 执行率 as
    blocks of their own): the numbers left before the table's values (``cells`` ends there)
    fill the columns the rows lack, in order."""
    left: list[Cell] = []
    for c in cells[first_fund:]:
        if c.kind == "template" and c.text in _VALUES_HEADER:
            break
        if c.kind in ("number", "dash"):
            left.append(c)
    if not left:
        return
    for item in FUND_ITEMS:
        row = rows.get(item)
        if row is None:
            continue
        for col in columns[read.get(item, len(columns)):]:
            if left:
                v = left.pop(0)
                setattr(row, col, parse_number(v.text))
                v.kind = "taken"
                out.put(f"funds.{item}", v.lines)
                out.warn("fund-value-apart", f"{item}: {col} printed after the other rows", v.lines,
                         level="info")


def _goals(cells: list[Cell], start: int, first_value: int, params: Params, out: CellTable) -> list[Cell]:
    """The goal texts: prose printed before the table's first value, or as wide as goal prose
    (a column the deviations' is not) anywhere; 预期目标 before 实际完成情况."""
    found = [c for c in cells[start:] if c.kind == "prose"
             and (c.pos < first_value or _goal_wide(c, params))]
    if len(found) > 2:
        out.warn("goal-paragraphs", f"{len(found)} prose texts where two goal texts were expected; "
                 "the first two are taken", [n for c in found for n in c.lines])
        found = found[:2]
    out.goals = found
    for c in found:
        c.kind = "taken"
    headers = [c for c in cells if c.kind == "template" and c.text in GOALS_HEADER]
    if not headers and found:
        out.warn("goals-header-missing", "goal texts found without the 预期目标/实际完成情况 header",
                 [n for c in found for n in c.lines])
    return found


_GOAL_LABEL_PIECES = ("年度", "总体", "目标")


def _untangle_goals(goals: list[Cell], texts: dict[int, str], params: Params, out: CellTable) -> list[Cell]:
    """The two goal texts printed with their lines interleaved (one column's line, then the
    other's): a text whose lines come in two widths is cut into the two columns — the full
    lines of each by their width, a short last line to the text it ends (one whose last line
    is open and that has no full line after it). The 年度/总体/目标 label printed among them is
    dropped from the text."""
    nos = sorted(no for c in goals for no in c.lines)
    if len(nos) < 4:
        return goals
    lines, labels = [], []
    for no in nos:
        text = texts.get(no, "").strip()
        head, _, rest = text.partition(" ")
        if head in _GOAL_LABEL_PIECES:
            text = rest.strip()
        if text:
            lines.append((no, text))
        else:
            labels.append(no)
    got = _two_columns(lines, params)
    if got is None:
        return goals
    out.put("template", labels)
    cells = [Cell(join_wrapped([t for _, t in col]), [no for no, _ in col], goals[0].block, kind="taken",
                  pos=goals[0].pos) for col in got]
    out.goals = cells
    out.warn("goals-interleaved", "the lines of the two goal texts were printed interleaved; told apart "
             "by their widths (a short last line by which text it ends): check both texts", nos)
    return cells


def _check_goals(goals: list[Cell], texts: dict[int, str], params: Params, out: CellTable) -> None:
    """A goal text read from a print like this one may have taken lines of the other: say so
    when it does not read as one paragraph — it does not end a sentence, a line opening a
    year's account (2023年度…) follows one that breaks off, its lines are not one run of the
    input, or a line before its last stops short (a paragraph ends there)."""
    if any(d.code == "goals-interleaved" for d in out.diagnostics):
        return
    if len(goals) < 2:
        out.warn("goal-missing", f"{len(goals)} of the two goal texts found")
    for c, which in zip(goals, ("预期目标", "实际完成情况")):
        nos = sorted(c.lines)
        if not nos:
            continue
        run = [no for no in range(nos[0], nos[-1] + 1) if texts.get(no, "").strip()]
        lines = [texts.get(no, "").strip() for no in nos]
        widths = [width(t) for t in lines]
        why = ("it does not end a sentence" if not ends_sentence(c.text) else
               "a line opening a year's account follows one that breaks off" if any(
                   _YEAR_OPENING.match(b) and not ends_sentence(a) for a, b in zip(lines, lines[1:])) else
               "its lines are not printed together" if run != nos else
               "a line before its last stops short" if any(w < max(widths) * params.goal_short_line
                                                          for w in widths[:-1]) else None)
        if why:
            out.warn("goal-uncertain", f"{which}: {why}; it may hold lines of the other goal text", nos)


def _two_columns(lines: list[tuple[int, str]], params: Params):
    """(line number, text) of interleaved goal lines -> the lines of each text, or None when
    they do not come in two widths or come one text after the other."""
    widths = [width(t) for _, t in lines]
    wide = max(widths)
    a = {i for i, w in enumerate(widths) if w >= wide - params.goal_line_slack}
    rest = [w for i, w in enumerate(widths) if i not in a]
    if not rest:
        return None
    narrow = max(rest)
    b = {i for i, w in enumerate(widths) if i not in a and w >= narrow - params.goal_line_slack}
    running_on = [i for i in b if not ends_sentence(lines[i][1])]    # a column's full lines run on
    if wide - narrow < params.goal_column_gap or len(running_on) < 2 or len(a) < 2:
        return None
    a_on = [i for i in a if not ends_sentence(lines[i][1])] or sorted(a)
    if max(a_on) < min(running_on) or max(running_on) < min(a_on):
        return None                       # one text after the other: not interleaved
    for i, w in enumerate(widths):
        if i in a or i in b:
            continue
        options = []
        for col in (a, b):
            before = [k for k in col if k < i]
            open_ = not before or not ends_sentence(lines[max(before)][1])
            if open_ and not any(k > i for k in col):
                options.append((max(before, default=-1), col))
        # both texts open: the one whose last line stands higher ends first
        (min(options, key=lambda o: o[0])[1] if options else (a if (i - 1) in a else b)).add(i)
    return [[lines[k] for k in sorted(col)] for col in (a, b)]


def _goal_wide(c: Cell, params: Params) -> bool:
    return len(c.lines) > 1 and width(c.text) / len(c.lines) >= params.cells_goal_width


def _grade(cells: list[Cell], out: CellTable) -> None:
    grades = [c for c in cells if c.kind == "grade"]
    if grades:
        out.grade = grades[0].text
        out.put("grade", grades[0].lines)
        grades[0].kind = "taken"
    for c in grades[1:]:
        out.warn("unassigned", f"a second grade {c.text}", c.lines)
        out.put("unassigned", c.lines)
        c.kind = "taken"


# --- the indicator table -------------------------------------------------------------------

def _table(cells: list[Cell], out: CellTable, params: Params, start: int = 0, late_funds=None,
           texts: dict[int, str] | None = None) -> None:
    """The indicator rows; ``start``: where the header of the value columns stands (no 分值/得分
    before it); ``late_funds``: what takes numbers printed after the 总分 pair (fund values);
    ``texts``: the printed lines by number."""
    actuals = [c for c in cells if c.kind == "actual"]
    n = len(actuals)
    nat = _natural_rows(actuals)
    targets = _targets(cells, actuals, nat, params, out)
    numbers = [c for c in cells if c.kind == "number" and c.pos > start]
    if late_funds is not None and len(numbers) > 2 * n + 2:
        # the 总分 pair (its 分值 the largest number) closes the table's numbers: those after
        # it are not the rows'
        vals = [parse_number(c.text) for c in numbers[:2 * n + 1]]
        if n and vals[2 * n] == max(vals) and vals[2 * n] > vals[2 * n - 1]:
            late_funds(numbers[2 * n + 2:])
            numbers = numbers[:2 * n + 2]
    fund_total = out.funds[0] if out.funds and out.funds[0].item == FUND_ITEMS[0] else None
    met = [_met(targets[k] if k < len(targets) else None, a) for k, a in enumerate(actuals)]
    pairs, total = _number_pairs(numbers, n, nat, fund_total, params, out, cells, met)
    # from here on a row is where its 分值/得分 pair is printed: the most orderly stream — when
    # the rows are printed one after the other; printed column by column, a cell's row is its
    # rank in its own column's stream
    words = [c for c in cells if c.kind == "word"]
    by_rows = _printed_by_rows(actuals, [s for _, s in pairs])
    pnat = _pair_rows(pairs) if by_rows else None
    units = _units(targets, actuals, params, out)
    unit_of = _place_units(units, pairs, pnat, words, params, out)
    rows: list[Row] = []
    for k in range(n):
        t, a = unit_of[k] if unit_of[k] else (None, None)
        w, s = pairs[k] if k < len(pairs) else (None, None)
        lines = [x for c in (a, t, w, s) if c is not None for x in c.lines]
        rows.append(Row(t.text if t else "", a.text if a else "", parse_number(w.text) if w else None,
                        parse_number(s.text) if s else None, [], lines, a.pos if a else -1,
                        a.pos if a else -1))
        for c in (t, a, w, s):
            if c is not None:
                c.kind = "taken"
    names_by_rows = _printed_by_rows(actuals, words, before=True)
    nat = pnat if names_by_rows and pnat else _rank_rows(words)
    homes = None if names_by_rows and pnat else _column_homes(words, cells, actuals, targets, rows, params, out)
    if not (by_rows and names_by_rows):
        out.warn("printed-by-columns", "the table printed column by column: cells matched to rows by "
                 "their rank in each column", [x for c in actuals for x in c.lines], level="info")
    for r in rows:
        out.put("indicators", r.lines)
    if total:
        out.total = (parse_number(total[0].text), parse_number(total[1].text))
        out.put("total", total[0].lines + total[1].lines)
        for c in total:
            c.kind = "taken"
    for c in cells:
        if c.kind == "word" and c.text in NO_DEVIATION_WORDS:
            c.kind = "prose"        # 无: a deviation cell that says there is none
    names = [c for c in cells if c.kind == "word"]
    pinned = _name_runs(names, cells, nat, n, params, out) if homes is None else {}
    name_of = _place_names(names, rows, nat, n, params, out, homes, pinned)
    devs = _join_deviation_pieces([c for c in cells if c.kind == "prose"], params, out, texts)
    # a deviation printed on the line of a row's 得分 is that row's
    score_row = {x: k for k, (_, sc) in enumerate(pairs) if sc is not None for x in sc.lines}
    dev_of = _place_deviations(devs, rows, nat, out, by_columns=homes is not None, score_row=score_row)
    labels = [c for c in cells if c.kind == "label"]
    # printed as a column, a label stands at the row of the name placed after it
    lnat = nat if homes is None else _placed_rows(name_of, n)
    level2 = _groups(labels, rows, lnat, n, [name_of.get(k).text if name_of.get(k) else None
                                                for k in range(n)], params, out)
    for k, r in enumerate(rows):
        nm, dv, l2 = name_of.get(k), dev_of.get(k), level2[k]
        out.indicators.append(Indicator(
            level1=LEVEL1_OF.get(l2) if l2 else None, level2=l2, name=nm.text if nm else None,
            target=r.target or None, actual=r.actual,
            target_parsed=CellValue.parse(r.target or None), actual_parsed=CellValue.parse(r.actual),
            weight=r.weight, score=r.score, deviation=dv.text if dv else None))
        if nm:
            out.put("indicators.name", nm.lines)
            nm.kind = "taken"
        if dv:
            out.put("indicators.deviation", dv.lines)
            dv.kind = "taken"
    if not rows:
        out.warn("no-indicators", "no indicator value rows found", level="error")


def _unassigned(cells: list[Cell], out: CellTable) -> None:
    for c in cells:
        if c.kind in ("number", "dash", "word", "prose", "fund_item", "grade", "target", "actual"):
            out.warn("unassigned", f"cell placed in no field: {c.text[:40]}", c.lines)
            out.put("unassigned", c.lines)


def _printed_by_rows(actuals: list[Cell], others: list[Cell | None], before: bool = False) -> bool:
    """Are the rows printed one after another? Yes when most rows have one of ``others`` printed
    between their 实际完成值 and the next (``before``: between the previous one and theirs)."""
    n = len(actuals)
    if not n:
        return True
    pos = [c.pos for c in others if c is not None]
    hits = 0
    for k in range(n):
        lo = actuals[k - 1].pos if before and k else (-1 if before else actuals[k].pos)
        hi = actuals[k].pos if before else (actuals[k + 1].pos if k + 1 < n else INF)
        i = bisect.bisect_right(pos, lo)
        hits += i < len(pos) and pos[i] < hi
    return 2 * hits >= n


def _rank_rows(ruler: list[Cell]):
    """pos -> row when the rows are printed column by column: the number of ``ruler`` cells (the
    names) printed before it."""
    starts = [c.pos for c in ruler]

    def nat(pos: int, after: bool = False) -> int:
        k = bisect.bisect_left(starts, pos)
        return k - 1 if after else k
    return nat


def _placed_rows(name_of: dict[int, Cell], n: int):
    """pos -> row, for a table printed by columns: the row of the name placed there, or of the
    first name printed after it."""
    placed = sorted((c.pos, k) for k, c in name_of.items())
    starts = [p for p, _ in placed]

    def nat(pos: int, after: bool = False) -> int:
        i = bisect.bisect_left(starts, pos)
        return placed[i][1] if i < len(placed) else n
    return nat


def _pair_rows(pairs):
    """pos -> the row a name, target or label printed there stands at: the number of rows whose
    得分 is printed before it (a row's text comes before its 得分; its 分值 may not)."""
    starts = [s.pos for _, s in pairs if s is not None]

    def nat(pos: int, after: bool = False) -> int:
        k = bisect.bisect_left(starts, pos)
        return k - 1 if after else k
    return nat


def _compatible(t: Cell | None, a: Cell) -> bool:
    """A target and an actual of one row: both quantities in one unit, or a word and a word."""
    if t is None:
        return True
    pt, pa = parse_cell(t.text), parse_cell(a.text)
    if (pt is None) != (pa is None):
        return pt is None and a.text in ACHIEVEMENT_WORDS or (pt is None and pa is None)
    if pt is None:
        return True
    return (pt[2] or "") == (pa[2] or "")


def _units(targets: list[Cell], actuals: list[Cell], params: Params, out: CellTable):
    """(target, actual) of each row: in printed order, unless that pairs quantities of different
    units; then each target goes with the actual of its unit nearest in order."""
    n = len(actuals)
    zipped = [(targets[k] if k < len(targets) else None, actuals[k]) for k in range(n)]
    if all(_compatible(t, a) for t, a in zipped) or not targets or n > params.max_rows:
        return zipped
    cost = [[params.cells_target_shift * abs(i - k) + (0 if _compatible(t, a) else params.cells_unit_clash)
             for k, a in enumerate(actuals)] for i, t in enumerate(targets)]
    got = min_cost_assignment(cost)
    of_actual: dict[int, Cell] = {k: targets[i] for i, k in enumerate(got) if k is not None}
    units = [(of_actual.get(k), a) for k, a in enumerate(actuals)]
    if units != zipped:
        out.warn("values-paired-by-unit", "年度指标值 and 实际完成值 printed out of step; paired by "
                 "their units", [x for t, a in units if t for x in t.lines + a.lines], level="info")
    return units


def _met(t: Cell | None, a: Cell) -> bool | None:
    """Does the actual meet the target? None when the cells do not say."""
    if a.text in ACHIEVEMENT_WORDS:
        return a.text == ACHIEVEMENT_WORDS[0] or a.text in ("已达成", "达成")
    if t is None:
        return None
    pt, pa = parse_cell(t.text), parse_cell(a.text)
    if pt is None or pa is None or not pt[0]:
        return None
    op, tv, av = pt[0], pt[1], pa[1]
    return {"≥": av >= tv, ">=": av >= tv, "≤": av <= tv, "<=": av <= tv, "=": abs(av - tv) < 1e-9,
            ">": av > tv, "<": av < tv}.get(op)


def _place_units(units, pairs, pnat, words: list[Cell], params: Params, out: CellTable):
    """Each (target, actual) onto a row (a 分值/得分 pair): where its actual is printed (a
    target may stand rows before it; printed after the table, any row), unless the evidence
    says otherwise — a target met goes with a full score, one missed with lost points,
    and the name printed at the row fits the values (unit 人 ↔ 人数, 元 ↔ 成本)."""
    n = len(pairs)
    if len(units) != n or n > params.max_rows:
        return [units[k] if k < len(units) else None for k in range(n)]
    names_at: dict[int, list[str]] = {}
    seen: dict[int, int] = {}
    for c in words if pnat else ():
        # names printed together before one row's numbers are that row's and the next ones'
        home = pnat(c.pos)
        seen[home] = seen.get(home, -1) + 1
        names_at.setdefault(home + seen[home], []).append(c.text)
    cost = []
    for t, a in units:
        home = pnat(a.pos) if pnat else len(cost)
        met = _met(t, a)
        probe = Row(t.text if t else "", a.text, None, None, [], [], 0, 0)
        cues = RowCues.of(probe)
        line = []
        for k, (w, s) in enumerate(pairs):
            # printed after the last row's 得分: any row, at one cost
            c = params.cells_name_tail if home >= n else params.cells_unit_shift * abs(home - k)
            if met is not None and w is not None and s is not None:
                full = parse_number(s.text) >= parse_number(w.text) - 0.005
                if full != met:
                    c += params.cells_unit_score
            c -= max((lexical_cue(nm, cues, params) for nm in names_at.get(k, ())), default=0.0)
            line.append(c - _order_tie(len(cost), k, n, n))
        cost.append(line)
    got = min_cost_assignment(cost)
    placed = [None] * n
    for i, k in enumerate(got):
        if k is not None:
            placed[k] = units[i]
    for i, k in enumerate(got):
        if k is not None and k != i:
            t, a = units[i]
            out.warn("values-moved", f"{a.text} printed at row {i + 1}; placed on row {k + 1} by its "
                     "score and name", a.lines + (t.lines if t else []), level="info")
    return placed


def _value_word(text: str) -> bool:
    return text in _TARGET_WORDS


def _targets(cells: list[Cell], actuals: list[Cell], nat, params: Params, out: CellTable) -> list[Cell]:
    """The 年度指标值 cells, one per row in printed order: every quantity with an operator, and
    the words that read as a qualitative target — a word of the targets' vocabulary (及时,
    按计划完成) or one printed right before an 实际完成值. Which words are targets is searched
    (order-keeping dynamic programming): each row gets one, a target stands at its row (before
    its actual; one printed after it costs), and a likely word left out costs."""
    n = len(actuals)
    before_actual: set[int] = set()
    prev: Cell | None = None
    for c in cells:
        if c.kind in ("label", "taken"):
            continue
        if c.kind == "actual" and prev is not None and prev.kind == "word":
            before_actual.add(prev.pos)
        prev = c
    cands: list[tuple[Cell, float, float]] = []       # cell, cost of using, cost of leaving out
    for c in cells:
        if c.kind == "target":
            cands.append((c, 0.0, INF))
        elif c.kind == "word":
            vocab, adjacent = _value_word(c.text), c.pos in before_actual
            if c.text in NO_DEVIATION_WORDS and not adjacent:
                continue
            if vocab:
                cands.append((c, 0.0, params.cells_target_skip * (1 + adjacent)))
            elif adjacent:
                # a long word before the actual may be the row's name, its target printed apart
                named = width(c.text) > params.cells_short_word
                cands.append((c, params.cells_target_skip / 2 * named,
                              params.cells_target_skip / (1 + named)))
            elif width(c.text) <= params.cells_short_word:
                cands.append((c, params.cells_target_skip, 0.0))
    m = len(cands)
    # f[i][k]: least cost with candidates 0..i-1 seen and k of them used as rows 0..k-1
    f = [[INF] * (n + 1) for _ in range(m + 1)]
    take = [[False] * (n + 1) for _ in range(m + 1)]
    f[0][0] = 0.0
    for i, (c, use, leave) in enumerate(cands):
        home = nat(c.pos)
        for k in range(n + 1):
            if f[i][k] == INF:
                continue
            if f[i][k] + leave < f[i + 1][k]:
                f[i + 1][k], take[i + 1][k] = f[i][k] + leave, False
            if k < n:
                v = f[i][k] + use + params.cells_target_shift * abs(home - k)
                if v < f[i + 1][k + 1]:
                    f[i + 1][k + 1], take[i + 1][k + 1] = v, True
    k = n
    if f[m][n] == INF:
        k = max((j for j in range(n + 1) if f[m][j] < INF), default=0)
        out.warn("cells-count-mismatch", f"{k} 年度指标值 found for {n} 实际完成值",
                 [x for c, _, _ in cands for x in c.lines], level="error")
    chosen: list[Cell] = []
    for i in range(m, 0, -1):
        if take[i][k]:
            chosen.append(cands[i - 1][0])
            k -= 1
    chosen.reverse()
    for c in chosen:
        c.kind = "target"
    for c, _, _ in cands:
        if c.kind == "target" and c not in chosen:
            c.kind = "word"
    return chosen


def _natural_rows(actuals: list[Cell]):
    """pos -> the row a cell at that position is printed with: the number of 实际完成值 cells
    before it (a row's name and target come before its actual, its numbers after)."""
    starts = [a.pos for a in actuals]

    def nat(pos: int, after_actual: bool = False) -> int:
        k = bisect.bisect_right(starts, pos) if after_actual else bisect.bisect_left(starts, pos)
        return k - 1 if after_actual else k
    return nat


def _pairs_ok(vals: list[float], n: int, fund_total: FundRow | None, tol: float) -> bool:
    if len(vals) != 2 * n + 2:
        return False
    w, s = vals[0:2 * n:2], vals[1:2 * n:2]
    if any(b > a + tol for a, b in zip(w, s)):
        return False
    fw = (fund_total.weight or 0.0) if fund_total else 0.0
    fs = (fund_total.score or 0.0) if fund_total else 0.0
    return abs(sum(w) + fw - vals[-2]) <= tol * (n + 2) and abs(sum(s) + fs - vals[-1]) <= tol * (n + 2)


def _number_pairs(numbers: list[Cell], n: int, nat, fund_total: FundRow | None, params: Params,
                  out: CellTable, columns: list[Cell] | None = None, met: list[bool | None] | None = None):
    """分值/得分 of each row in printed order, then the 总分 pair. When the sums do not hold,
    one number printed out of its place (after the table) is put back where the sums do and
    where it moves least — between moves that cost the same, the one whose full scores go with
    the rows whose values meet their targets (``met``, by the values' printed order); when no
    single move will do, they were printed as two columns and are read as two streams (see
    ``_number_columns``)."""
    tol = 0.011
    vals = [parse_number(c.text) for c in numbers]
    order = list(range(len(numbers)))
    got = None
    if not _pairs_ok(vals, n, fund_total, tol) and len(numbers) == 2 * n + 2 <= 2 * params.max_rows:
        best = None
        m = len(numbers)
        for i in range(m):
            rest = order[:i] + order[i + 1:]
            for j in range(m):
                if j == i:
                    continue
                cand = rest[:j] + [i] + rest[j:]
                if _pairs_ok([vals[x] for x in cand], n, fund_total, tol):
                    moved = sum(abs(k // 2 - nat(numbers[x].pos, True))
                                for k, x in enumerate(cand) if k < 2 * n)
                    odd = sum(1 for k in range(min(n, len(met or ()))) if met[k] is not None
                              and (vals[cand[2 * k + 1]] >= vals[cand[2 * k]] - 0.005) != met[k])
                    if best is None or (moved, odd) < best[0]:
                        best = ((moved, odd), cand, i)
        if not best and columns is not None:
            got = _number_columns(numbers, n, nat, fund_total, columns, params)
        if best:
            order = best[1]
            out.warn("number-moved", f"{numbers[best[2]].text} printed out of its row's place; "
                     "put back where the weights and scores add up", numbers[best[2]].lines, level="info")
        elif got is not None and got[1]:
            order = got[0]
            out.warn("numbers-by-column", "分值 and 得分 printed as columns, not row by row: read as "
                     "two streams where the weights and scores add up", [x for c in numbers for x in c.lines],
                     level="info")
            if got[2]:
                out.warn("number-moved", f"{' '.join(numbers[i].text for i in got[2])} printed out of "
                         "their column's order; put back where the weights and scores add up",
                         [x for i in got[2] for x in numbers[i].lines], level="info")
        elif got is not None:
            order = got[0]
            out.warn("number-pairs", "分值 and 得分 read as the columns the print suggests; the sums "
                     "do not hold", [x for c in numbers for x in c.lines])
        else:
            out.warn("number-pairs", f"{len(numbers)} numbers for {n} rows and 总分 that do not add "
                     "up; taken in printed order", [x for c in numbers for x in c.lines])
    elif len(numbers) != 2 * n + 2:
        out.warn("number-pairs", f"{len(numbers)} numbers for {n} rows and 总分; taken in printed "
                 "order", [x for c in numbers for x in c.lines])
    seq = [numbers[x] for x in order]
    pairs = [(seq[2 * k], seq[2 * k + 1]) if 2 * k + 1 < len(seq) else (None, None) for k in range(n)]
    total = (seq[2 * n], seq[2 * n + 1]) if len(seq) >= 2 * n + 2 else None
    return pairs, total


def _number_columns(numbers: list[Cell], n: int, nat, fund_total: FundRow | None, cells: list[Cell],
                    params: Params) -> tuple[list[int], bool, list[int]] | None:
    """分值 and 得分 printed as two column streams (a block of weights, then a block of scores, or
    a row's 分值 beside its values and the 得分 column apart): each number is labelled weight or
    score so that both streams keep their order, a row's 得分 follows its 分值, no score exceeds
    its weight and the sums meet 总分. Among such labellings the one that fits the print best: in
    a block with the row's values a number belongs to that row; in a block of numbers alone the
    label changes as little as it can (a column), except across one line (分值 得分 side by side);
    a 分值/得分 header word over a block names its column (a number alone in its block stands
    where it is printed, like one among values). A labelling whose sums hold is taken unless one
    fits the print by more than ``cells_sum_margin`` better; of the places 总分 may stand, the
    one whose sums hold. Returns the numbers' order as
    (分值, 得分) pairs then the 总分 pair, whether the sums hold and the numbers moved out of their
    printed order (``_late_block``); None when no labelling fits."""
    best = None
    # the 总分 pair is two of the numbers labelled here (a pair printed after its label but
    # outside the table's numbers is no candidate)
    candidates = [(tw, ts) for tw, ts in _total_candidates(numbers, cells)
                  if any(c is tw for c in numbers) and any(c is ts for c in numbers)]
    for tw, ts in candidates:
        body = [i for i, c in enumerate(numbers) if c is not tw and c is not ts]
        if len(body) != 2 * n or n == 0:
            continue
        got = _label_numbers(numbers, body, tw, ts, n, nat, fund_total, cells, params)
        best = _better(best, got, body, tw, ts, numbers)
    if best is None or not best[2]:
        best = _late_block(numbers, n, nat, fund_total, cells, params, candidates, best)
    return (best[1], best[2], best[3]) if best else None


def _better(best, got, body: list[int], tw: Cell, ts: Cell, numbers: list[Cell], moved: float = 0.0,
            late: list[int] = ()):
    """The better of ``best`` and a labelling ``got`` of ``body``: (key, order, sums hold, moved)."""
    if got is None:
        return best
    cost, fits, labels = got
    ws = [body[j] for j, x in enumerate(labels) if x == 0]
    ss = [body[j] for j, x in enumerate(labels) if x == 1]
    order = [x for pair in zip(ws, ss) for x in pair] + [numbers.index(tw), numbers.index(ts)]
    key = (not fits, cost + moved)
    return (key, order, fits, list(late)) if best is None or key < best[0] else best


def _late_block(numbers: list[Cell], n: int, nat, fund_total: FundRow | None, cells: list[Cell],
                params: Params, candidates, best):
    """Numbers printed out of both columns' order: the run printed after the 总分 pair (pdftotext
    sets a few cells of the table beside a 二级 label printed late), or a number alone in its
    block (tried only when the run is none or does not make the sums hold). Each is put back,
    in its order, at every earlier place among the rows' numbers (such cells are printed later
    than their rows, never earlier); the labelling whose sums hold and fits the print best is
    taken, each place a number moves costing ``cells_number_late``."""
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
            if not late or len(moves) * len(rest) > params.cells_number_moves:
                continue
            body = [i for i in rest if i not in late]
            for at in range(rest.index(late[0])):          # (pdftotext sets such cells late)
                cand = body[:at] + late + body[at:]
                got = _label_numbers(numbers, cand, tw, ts, n, nat, fund_total, cells, params)
                if got is not None and got[1]:
                    shift = abs(at - rest.index(late[0]))
                    best = _better(best, got, cand, tw, ts, numbers, params.cells_number_late * shift, late)
    return best


def _total_candidates(numbers: list[Cell], cells: list[Cell]) -> list[tuple[Cell, Cell]]:
    """Where the 总分 pair may be: after its label; else the largest number (the full 100) and
    the number after it, or one of the next few (its 得分 printed a little apart)."""
    at = next((k for k, c in enumerate(cells) if c.kind == "template" and c.text == TOTAL_LABEL
               and k + 2 < len(cells) and cells[k + 1].kind == cells[k + 2].kind == "number"), None)
    if at is not None:
        return [(cells[at + 1], cells[at + 2])]
    if len(numbers) < 2:
        return []
    vals = [parse_number(c.text) for c in numbers]
    top = max(vals[:-1])
    k = max(j for j in range(len(numbers) - 1) if vals[j] == top)
    return [(numbers[k], numbers[j]) for j in range(k + 1, min(len(numbers), k + 5)) if vals[j] <= top]


def _label_numbers(numbers: list[Cell], body: list[int], tw: Cell, ts: Cell, n: int, nat,
                   fund_total: FundRow | None, cells: list[Cell], params: Params
                   ) -> tuple[float, bool, tuple] | None:
    """The search of ``_number_columns`` for one place of 总分: (cost, sums hold, labels)."""
    valued = {c.block for c in cells if c.kind in ("target", "actual")}
    per_block: dict[int, int] = {}
    for c in numbers:
        per_block[c.block] = per_block.get(c.block, 0) + 1
    # a number printed with its row's values, or alone, stands at its row
    valued |= {b for b, k in per_block.items() if k == 1}
    header: dict[int, int] = {}        # block -> 0 weight / 1 score, named by a header word
    for c in cells:
        if c.kind == "template" and c.text in ("分值", "得分"):
            header.setdefault(c.block, 0 if c.text == "分值" else 1)
    vals = [round(parse_number(numbers[i].text) * 100) for i in body]
    fw = round(((fund_total.weight or 0.0) if fund_total else 0.0) * 100)
    want = round(parse_number(tw.text) * 100) - fw
    tol = 2 * n + 2                                   # cents of rounding drift
    # beam: (weights so far) -> {sum of weights: (cost, labels, the weights' values)}
    # a 得分 printed at the start of a deviation's line (the column beside it) is a score and
    # may be printed before its row's 分值
    at = {c.pos: c for c in cells}
    beside = [c.line_mate and c.pos + 1 in at and at[c.pos + 1].kind == "prose"
              for c in (numbers[i] for i in body)]
    beam: dict[int, dict[int, tuple[float, tuple, tuple, tuple]]] = {0: {0: (0.0, (), (), ())}}
    for j, i in enumerate(body):
        c = numbers[i]
        prev = numbers[body[j - 1]] if j else None
        nxt: dict[int, dict[int, tuple[float, tuple, tuple, tuple]]] = {}
        for w, by_sum in beam.items():
            s = j - w
            for total, (cost, labels, wvals, svals) in by_sum.items():
                for lab in (0, 1):
                    if lab == 0 and w >= n or lab == 1 and s >= n:
                        continue
                    if lab == 1 and s >= w and not beside[j]:
                        continue
                    if lab == 1 and s < w and vals[j] > wvals[s]:
                        continue
                    if lab == 0 and w < s and svals[w] > vals[j]:
                        continue
                    row = w if lab == 0 else s
                    add = params.cells_number_beside if beside[j] and lab == 0 else 0.0
                    if c.block in valued and nat(c.pos, True) >= 0:     # (before any row: no clue)
                        add += abs(row - nat(c.pos, True))
                    elif prev is not None and prev.block == c.block:
                        if prev.line_mate:
                            add += 0.0 if (labels[-1], lab) == (0, 1) else params.cells_number_off_line
                        elif labels[-1] != lab:
                            add += params.cells_number_column_break
                    if c.block in header and header[c.block] != lab:
                        add += params.cells_number_off_header
                    key_w = w + (lab == 0)
                    key_s = total + (vals[j] if lab == 0 else 0)
                    slot = nxt.setdefault(key_w, {})
                    if key_s not in slot or cost + add < slot[key_s][0]:
                        slot[key_s] = (cost + add, labels + (lab,), wvals + ((vals[j],) if lab == 0 else ()),
                                       svals + ((vals[j],) if lab == 1 else ()))
        for w, by_sum in nxt.items():
            if len(by_sum) > params.cells_number_beam:
                keep = sorted(by_sum.items(), key=lambda kv: kv[1][0])[:params.cells_number_beam]
                nxt[w] = dict(keep)
        beam = nxt
    done = beam.get(n, {})
    if not done:
        return None
    fs = round(((fund_total.score or 0.0) if fund_total else 0.0) * 100)
    want_s = round(parse_number(ts.text) * 100) - fs
    fitting = [(cost, labels) for total, (cost, labels, _, _) in done.items()
               if abs(total - want) <= tol and abs(sum(vals) - total - want_s) <= tol]
    cost, labels = min((c, lab) for c, lab, _, _ in done.values())
    if fitting and min(fitting)[0] <= cost + params.cells_sum_margin:
        fcost, flabels = min(fitting)
        return fcost, True, flabels
    return cost, False, labels


def _evidence(name: str, cues: RowCues, row: Row, level2: str | None, params: Params) -> float:
    s = lexical_cue(name, cues, params)
    groups = name_groups(name)
    if level2 is not None:
        if level2 in groups:
            s += params.cue_group
    elif groups and any(_value_cues(row, g) for g in groups):
        s += params.cue_group
    return s


def _column_homes(words: list[Cell], cells: list[Cell], actuals: list[Cell], targets: list[Cell],
                  rows: list[Row], params: Params, out: CellTable) -> dict[int, int]:
    """Where each name stands when the names are printed as a column: a name printed among the
    values (right after a 年度指标值 or 实际完成值, header words and labels aside) stands at the
    row of the value printed next (its row's target or actual); the column's names fill the
    other rows in order — an order-keeping alignment, so that where the column lacks a name
    (printed elsewhere) the names after the gap still meet the rows their cues fit (pos -> row;
    ``len(rows)``: after the table)."""
    n = len(rows)
    row_at = {c.pos: k for k, c in enumerate(targets)} | {c.pos: k for k, c in enumerate(actuals)}
    value_pos = sorted(row_at)
    homes: dict[int, int] = {}
    names = {c.pos for c in words}
    after_value = False
    for c in cells:
        if c.pos in names and after_value:
            i = bisect.bisect_left(value_pos, c.pos)
            homes[c.pos] = row_at[value_pos[i]] if i < len(value_pos) else n
        if c.kind not in ("template", "label"):
            after_value = c.pos in row_at
    free = sorted(set(range(n)) - set(homes.values()))
    column = _group_order([c for c in words if c.pos not in homes], params, out)
    homes.update(_align_in_order(column, [rows[k] for k in free], free, n, params))
    return homes


_GROUP_RANK = {g: k for k, g in enumerate(LEVEL2)}


def _inversions(ranks: list[tuple[int, int] | None]) -> int:
    """Pairs of names whose groups stand against the template's order (a name's (lowest,
    highest) rank of the groups its words point to; None: no cue)."""
    seen = [r for r in ranks if r is not None]
    return sum(1 for i, a in enumerate(seen) for b in seen[i + 1:] if a[0] > b[1])


def _group_order(column: list[Cell], params: Params, out: CellTable) -> list[Cell]:
    """The names' column as printed, but for blocks of names printed apart from it (a few
    rows' names set beside their 二级 label further down, or after the table): the rows follow
    the template's order of groups, so a block is moved back to where its names' cue words
    stand in that order — the move that leaves fewest pairs against it, by at least
    ``cells_group_inversions`` fewer; again while one does."""
    ranks = []
    for c in column:
        got = [_GROUP_RANK[g] for g in name_groups(c.text) if g in _GROUP_RANK]
        ranks.append((min(got), max(got)) if got else None)
    order = list(range(len(column)))
    if len(column) > params.max_rows:
        return column
    moved: list[Cell] = []
    for _ in range(params.cells_group_moves):
        base = _inversions([ranks[k] for k in order])
        if base < params.cells_group_inversions:
            break
        runs: list[list[int]] = []
        for k in order:
            if runs and column[runs[-1][-1]].block == column[k].block and runs[-1][-1] + 1 == k:
                runs[-1].append(k)
            else:
                runs.append([k])
        if len(runs) * len(order) > params.cells_group_work:
            break
        best = None
        for run in runs:
            rest = [k for k in order if k not in run]
            start = order.index(run[0])
            for at in range(len(rest) + 1):
                if at == start:
                    continue
                cand = rest[:at] + run + rest[at:]
                # between equal moves, one back to before where it is printed (pdftotext sets
                # such blocks late), then the shortest
                key = (_inversions([ranks[k] for k in cand]), at > start, abs(start - at))
                if key[0] <= base - params.cells_group_inversions and (best is None or key < best[0]):
                    best = (key, cand, run)
        if best is None:
            break
        order = best[1]
        moved += [column[k] for k in best[2]]
    if moved:
        out.warn("names-regrouped", f"{len(moved)} names printed apart from the names' column "
                 f"({moved[0].text}…) put back where their words stand in the template's order of groups",
                 [x for c in moved for x in c.lines])
    return [column[k] for k in order]


def _align_in_order(names: list[Cell], rows: list[Row], at: list[int], n: int,
                    params: Params) -> dict[int, int]:
    """Names in printed order onto rows in order; with fewer names than rows, rows are left out
    (their names are printed elsewhere), with more names, names are (a word as long as a name
    at a larger cost than a fragment): the
    alignment whose names fit their rows' values best (pos -> row; ``n`` for a name left out).
    With no cue at all it is the plain order."""
    m, f = len(names), len(rows)
    if not m or not f or m * f > params.max_rows ** 2:
        return {c.pos: (at[j] if j < f else n) for j, c in enumerate(names)}
    cues = [RowCues.of(r) for r in rows]
    gap = params.cells_name_gap
    # leaving out a word as long as a name costs more than a fragment
    skips = [params.cells_name_skip if width(c.text) > params.cells_short_word else gap for c in names]
    score = [[0.0] * (f + 1) for _ in range(m + 1)]
    move = [[""] * (f + 1) for _ in range(m + 1)]
    for i in range(m + 1):
        for j in range(f + 1):
            if i == j == 0:
                continue
            best, how = -INF, ""
            if i and j:
                best, how = score[i - 1][j - 1] + _evidence(names[i - 1].text, cues[j - 1], rows[j - 1],
                                                            None, params), "match"
            if j and m < f and score[i][j - 1] - gap > best:
                best, how = score[i][j - 1] - gap, "row"
            if i and m > f and score[i - 1][j] - skips[i - 1] > best:
                best, how = score[i - 1][j] - skips[i - 1], "name"
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


def _name_runs(names: list[Cell], cells: list[Cell], nat, n: int, params: Params,
               out: CellTable) -> dict[int, int]:
    """Names printed one after the other (labels between them aside) before one row, at least
    ``cells_name_run`` of them: a piece of the names' column; it names, in order, the rows up to
    that one that no name printed alone names — the last of them, as many as the run holds.
    Then a pair printed so: it names the two rows just above, when those are the last two that
    lack a name and stand one after the other (pos -> row)."""
    is_name = {c.pos for c in names}
    runs: list[list[Cell]] = []
    current: list[Cell] = []
    for c in cells + [Cell("", [], -1, kind="end", pos=-1)]:
        if c.pos in is_name:
            current.append(c)
        elif c.kind not in ("label", "template"):
            if len(current) >= 2:
                runs.append(current)
            current = []
    long_runs = [r for r in runs if len(r) >= params.cells_name_run]
    pairs = [r for r in runs if len(r) < params.cells_name_run]
    in_runs = {c.pos for run in long_runs for c in run}
    named = {nat(c.pos) for c in names if c.pos not in in_runs}
    pinned: dict[int, int] = {}
    for run in long_runs + pairs:
        home = nat(run[0].pos)
        if home >= n or any(nat(c.pos) != home for c in run):
            continue
        others = named if len(run) >= params.cells_name_run else {
            nat(c.pos) for c in names if c not in run and c.pos not in pinned}
        free = [x for x in range(home + 1) if x not in others and x not in pinned.values()]
        if len(free) < len(run):
            continue
        rows_ = free[-len(run):]
        if len(run) < params.cells_name_run and rows_[-1] - rows_[0] != len(run) - 1:
            continue
        for c, x in zip(run, rows_):
            pinned[c.pos] = x
        out.warn("name-run", f"{len(run)} names printed together before row {home + 1}: given in order "
                 "to the rows up to it that no other name names", [x for c in run for x in c.lines],
                 level="info")
    return pinned


def _place_names(names: list[Cell], rows: list[Row], nat, n: int, params: Params,
                 out: CellTable, homes: dict[int, int] | None = None,
                 pinned: dict[int, int] | None = None) -> dict[int, Cell]:
    """Names onto rows: each name belongs where it is printed (before its row's actual; or at
    ``homes``, when the names are printed as a column; or where a run of names printed together
    puts it, ``pinned``) unless evidence (cue words, the row's values) outweighs the rows it
    would move; a name printed after the table may go to any row. A minimum-cost assignment
    over all names at once."""
    def home_of(c: Cell) -> int:
        return homes.get(c.pos, n) if homes is not None else nat(c.pos)

    if len(names) > params.max_rows or len(rows) > params.max_rows:
        out.warn("name-order-unsearched", f"{len(names)} names for {len(rows)} rows, more than a form "
                 f"has ({params.max_rows}); names kept in printed order", [x for c in names for x in c.lines])
        return {k: c for k, c in enumerate(names[:len(rows)])}
    if not names or not rows:
        for c in names:
            out.warn("unassigned", f"a name with no value row: {c.text}", c.lines)
            out.put("unassigned", c.lines)
        return {}
    cues = [RowCues.of(r) for r in rows]
    cost = []
    for i, c in enumerate(names):
        home = home_of(c)
        line = []
        if pinned and c.pos in pinned:
            cost.append([0.0 if k == pinned[c.pos] else params.cells_unit_clash * n for k in range(len(rows))])
            continue
        for k, r in enumerate(rows):
            shift = params.cells_name_tail if home >= n else (
                _move_cost(abs(home - k), params) if homes is None else params.cells_rank_shift * abs(home - k))
            line.append(shift - _evidence(c.text, cues[k], r, None, params)
                        - _order_tie(i, k, len(names), len(rows)))
        cost.append(line)
    got = min_cost_assignment(cost)
    placed: dict[int, Cell] = {}
    for i, k in enumerate(got):
        c = names[i]
        if k is None:
            out.warn("unassigned", f"more names than value rows: {c.text}", c.lines)
            out.put("unassigned", c.lines)
            continue
        placed[k] = c
        home = home_of(c)
        if home != k:
            out.warn("name-moved", f"name {c.text} printed {'after the table' if home >= n else f'at row {home + 1}'}"
                     f"; placed on row {k + 1} by its cues", c.lines + rows[k].lines, level="info")
    if len(names) < n:
        out.warn("name-count-mismatch", f"{len(names)} 三级指标 names for {n} value rows",
                 [x for c in names for x in c.lines], level="error")
    return placed


def _join_deviation_pieces(devs: list[Cell], params: Params, out: CellTable,
                           texts: dict[int, str] | None = None) -> list[Cell]:
    """The lines of a wrapped deviation printed apart (other cells between them).

    The line printed beside its row's 得分 (``after_number``) is the line at the row's middle:
    of a deviation of two or three lines not its first, which pdftotext prints apart, later
    (with its last line under it when there are three). So a line that fills the deviation
    column and ends no sentence, printed after such score lines that no line before them in
    their block opens, opens one of them (``_openers``); the deviation stands where its score
    line is printed. Then the lines left open go on with the next deviation-sized text printed
    after them — the oldest open line first, as two wrapped cells close in print order."""
    at_row: dict[int, Cell] = {}        # id of a joined deviation -> its score line (its row)
    for c, m, doubt in _openers(devs, params, texts):
        first = _first_line(c, texts)
        rest = c.text[len(first):]
        if doubt:
            out.warn("deviation-opener-uncertain", f"the opening line {first[:20]}… printed apart could "
                     f"open more than one line printed beside a 得分; taken: the closest, {m.text[:12]}…",
                     c.lines + m.lines)
        else:
            out.warn("deviation-joined", f"a deviation's line printed beside its row's 得分, its first "
                     f"line apart: {first[:20]}", c.lines + m.lines, level="info")
        c.text = join_wrapped([first, m.text, rest])
        c.lines = c.lines[:1] + m.lines + c.lines[1:]
        c.last_width = c.last_width if rest else m.last_width
        m.kind = "taken"
        at_row[id(c)] = m
    devs = [c for c in devs if c.kind != "taken"]
    result: list[Cell] = []
    open_: list[Cell] = []
    for c in devs:
        w = width(c.text)
        if open_ and w <= params.cells_dev_width:
            head = open_.pop(0)
            out.warn("deviation-joined", f"a deviation's line printed apart from its first: {c.text[:20]}",
                     head.lines + c.lines, level="info")
            head.text = join_wrapped([head.text, c.text])
            head.lines.extend(c.lines)
            head.last_width = c.last_width
            c.kind = "taken"
            if not ends_sentence(c.text) and width(c.text) >= params.cells_dev_full:
                open_.insert(0, head)
            continue
        result.append(c)
        if _is_open(c, params):
            open_.append(c)
    for c in result:            # a deviation stands where its row's 得分 is printed
        if id(c) in at_row:
            c.pos, c.block = at_row[id(c)].pos, at_row[id(c)].block
    return sorted(result, key=lambda c: c.pos)


def _openers(devs: list[Cell], params: Params, texts: dict[int, str] | None
             ) -> list[tuple[Cell, Cell, bool]]:
    """(opening line, score line, doubt) for ``_join_deviation_pieces``: the openers and the
    score lines no line before them in their block opens, matched keeping their printed order,
    as many as can be, then each pair as close in print as can be (an opener followed by its
    last line takes a score line that fills the column and ends no sentence); ``doubt`` when
    the opener could take another score line without undoing the other pairs."""
    heads, lone = [], []
    prev: Cell | None = None
    for c in devs:
        first = _first_line(c, texts)
        if (not c.after_number and params.cells_dev_full <= width(first) <= params.cells_dev_width
                and not ends_sentence(first)):
            heads.append((c, first != c.text))
        elif c.after_number and not (prev is not None and prev.block == c.block and _is_open(prev, params)):
            lone.append(c)
        prev = c
    if not heads or not lone or len(heads) * len(lone) > params.max_rows ** 2:
        return []

    def fits(h: tuple[Cell, bool], m: Cell) -> bool:
        return m.pos < h[0].pos and (not h[1] or (width(m.text) >= params.cells_dev_full
                                                  and not ends_sentence(m.text)))
    # best[i][j]: (pairs, -distance) over the first i openers and j score lines
    a, b = len(heads), len(lone)
    best = [[(0, 0)] * (b + 1) for _ in range(a + 1)]
    for i in range(1, a + 1):
        for j in range(1, b + 1):
            got = max(best[i - 1][j], best[i][j - 1])
            if fits(heads[i - 1], lone[j - 1]):
                n, d = best[i - 1][j - 1]
                got = max(got, (n + 1, d - (heads[i - 1][0].pos - lone[j - 1].pos)))
            best[i][j] = got
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
    pairs = []
    for k, (h, m) in enumerate(found):
        # another score line the opener could take without undoing the other pairs
        lo = found[k - 1][1] + 1 if k else 0
        hi = found[k + 1][1] if k + 1 < len(found) else b
        others = sum(1 for x in range(lo, hi) if x != m and fits(heads[h], lone[x]))
        pairs.append((heads[h][0], lone[m], others > 0))
    return pairs


def _first_line(c: Cell, texts: dict[int, str] | None) -> str:
    """The text of a cell's first printed line (the whole text when the lines are unknown)."""
    if texts is None or len(c.lines) < 2:
        return c.text
    line = texts.get(c.lines[0], "").strip()
    return line if line and c.text.startswith(line) else c.text


def _is_open(c: Cell, params: Params) -> bool:
    """A deviation's text whose last line fills its column and ends no sentence goes on
    elsewhere."""
    last = c.last_width or width(c.text)
    return params.cells_dev_full <= last <= params.cells_dev_width and not ends_sentence(c.text)


def _move_cost(rows: int, params: Params) -> float:
    """A cell placed ``rows`` rows from where it is printed: pdftotext moves a cell as a whole,
    so the cost is mostly that of moving at all (one cell moved far is likelier than a run of
    cells each moved one row)."""
    return params.cells_name_move + params.cells_name_shift * rows if rows else 0.0


def _place_deviations(devs: list[Cell], rows: list[Row], nat, out: CellTable,
                      by_columns: bool = False, score_row: dict[int, int] | None = None) -> dict[int, Cell]:
    """A deviation with a line printed beside a row's 得分 (``score_row``: line -> row) is that
    row's. Another printed among the rows belongs to the row before it (or the next one when
    only that one lost points); two or more printed together at a page's foot go in order to
    the rows above that lost points, when they are as many; those printed after the table (the
    one-line ones, as one column) go in order to the rows that lost points and have none yet (when there are more such rows
    than deviations, those that lost the largest share of their points; warned); so do all of
    them when the table is printed ``by_columns``."""
    n = len(rows)
    placed: dict[int, Cell] = {}
    tail: list[Cell] = []
    if not n:
        for c in devs:
            out.warn("unassigned", f"a text with no value row: {c.text[:40]}", c.lines)
            out.put("unassigned", c.lines)
        return placed
    column: set[int] = set()
    for c in devs:
        k = next((score_row[x] for x in c.lines if score_row and x in score_row), None)
        if k is not None and k < n and k not in placed:
            placed[k] = c
            column.add(c.pos)
    if not by_columns:
        for run in _runs(devs):
            # a column of two or more printed together at the foot of a page: as many as the rows
            # above it that lost points and have none, in order
            k = nat(run[0].pos, True)
            want = [x for x in range(min(k + 1, n)) if rows[x].lost_points and x not in placed]
            if len(run) >= 2 and k < n - 1 and len(want) == len(run) and not column & {c.pos for c in run}:
                for x, c in zip(want, run):
                    placed[x] = c
                    column.add(c.pos)
                out.warn("deviation-column", f"{len(run)} deviations printed together after row {k + 1}: "
                         "given in order to the rows above that lost points", [x for c in run for x in c.lines],
                         level="info")
    for c in devs:
        if c.pos in column:
            continue
        k = nat(c.pos, True)
        if by_columns or k >= n - 1 and c.pos > rows[-1].last:     # the column, or after the last row
            tail.append(c)
            continue
        options = [x for x in (k, k + 1) if 0 <= x < n and x not in placed]
        lost = [x for x in options if rows[x].lost_points] if c.text not in NO_DEVIATION_WORDS else []
        if lost or options:
            placed[(lost or options)[0]] = c
        else:
            tail.append(c)
    want = [k for k in range(n) if rows[k].lost_points and k not in placed]
    if tail:
        chosen = want
        if len(want) > len(tail):
            loss = {k: (rows[k].weight - rows[k].score) / rows[k].weight if rows[k].weight else 0 for k in want}
            chosen = sorted(sorted(want, key=lambda k: -loss[k])[:len(tail)])
            out.warn("deviation-row-uncertain", f"{len(tail)} deviations printed apart for {len(want)} "
                     "rows that lost points; the largest losses taken", [x for c in tail for x in c.lines])
        elif len(want) < len(tail):
            rest = [k for k in range(n) if k not in placed and k not in want]
            chosen = sorted(want + rest[:len(tail) - len(want)])
            out.warn("deviation-row-uncertain", f"{len(tail)} deviations printed apart for {len(want)} "
                     "rows that lost points", [x for c in tail for x in c.lines])
        for k, c in zip(chosen, tail):
            placed[k] = c
        for c in tail[len(chosen):]:
            out.warn("unassigned", f"a deviation with no row: {c.text[:40]}", c.lines)
            out.put("unassigned", c.lines)
    return placed


def _runs(cells: list[Cell]) -> list[list[Cell]]:
    """Cells printed one right after the other, in runs."""
    runs: list[list[Cell]] = []
    for c in cells:
        if runs and c.pos == runs[-1][-1].pos + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _groups(labels: list[Cell], rows: list[Row], nat, n: int, names: list[str | None],
            params: Params, out: CellTable) -> list[str | None]:
    """二级 groups: every label printed counts as present; one printed among the rows draws the
    row it stands at into its group (a merged label stands at its group's middle) — more weakly
    than a label printed on its row's line in the other dialects, since a cell may stand a row
    or more from its own (``cells_group_anchor``)."""
    if not n:
        return []
    present = [Label(c.text, c.lines) for c in labels]
    for c in labels:
        out.put("template", c.lines)
        k = nat(c.pos)
        if k < n and c.text in LEVEL2:
            rows[k].labels.append(c.text)
    runs = [LabelRun(present, -1, -1)] if present else []
    res = align_groups(rows, runs, [], attrs.evolve(params, group_anchor=params.cells_group_anchor),
                       names=names)
    out.diagnostics.extend(res.diagnostics)
    return res.level2


# --- assignment ----------------------------------------------------------------------------

def _order_tie(i: int, k: int, items: int, places: int) -> float:
    """Between assignments that cost the same, the one that keeps the printed order: a reward
    too slight to outweigh any evidence, growing with i·k (the sorted pairing maximises it)."""
    return 1e-3 * i * k / max(1, items * places * max(items, places))


def min_cost_assignment(cost: list[list[float]]) -> list[int | None]:
    """Rows of ``cost`` (items) to columns (places), each place taken at most once, the total
    cost least (Hungarian method with potentials, O(n^3)). Returns each item's place or None
    when there are more items than places."""
    n_items = len(cost)
    n_places = len(cost[0]) if cost else 0
    size = max(n_items, n_places)
    big = 0.0
    for line in cost:
        for v in line:
            big = max(big, abs(v))
    pad = big * 4 + 1.0
    a = [[(cost[i][j] if i < n_items and j < n_places else pad) for j in range(size)] for i in range(size)]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    p = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta, j1 = inf, 0
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
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    place: list[int | None] = [None] * n_items
    for j in range(1, size + 1):
        i = p[j] - 1
        if i < n_items and j - 1 < n_places:
            place[i] = j - 1
    return place
