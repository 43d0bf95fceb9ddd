"""Stage 6: build the record of one form.

Runs stages 3–5 on one form's lines (classify → reassemble → align), fills a ``Form`` and
keeps the books: every non-blank line is recorded in ``placed`` under the field it went to
(printed template labels count as placed: they are the form itself); any line left over is
reported in an ``unassigned`` diagnostic with its number, so nothing is lost silently.
"""
from __future__ import annotations

import attrs

from .align import align_groups, align_names, assign_execution, classify_goals, find_total
from .cells import ends_sentence, join_wrapped, parse_cell, parse_number, prose_marks
from .classify import Classified, classify
from .cues import name_groups
from .model import CellValue, Diagnostic, Form, FundRow, Goals, Indicator, Source, Total
from .legacy_params import Params
from .reassemble import (
    FreeLine, Paragraph,
    assemble_rows, free_lines, goal_paragraphs, goal_paragraphs_in_order, join_labels, name_entries,
)
from .cellseq import read_cells
from .dialect import detect_mode
from .layout import goal_columns, read_layout_table
from .rowtable import Table, read_table
from .split import Segment
from .vocab import FUND_COLUMNS, FUND_ITEMS, LEVEL1_OF, TEMPLATE_LABELS

ROW_ORDER_MODES = ("raw",)
TEMPLATE_KINDS = ("fund_header", "exec_header", "indicator_header", "names_header", "goals_header")
DEFAULT_FUND_COLUMNS = ("initial_budget", "annual_budget", "weight", "score", "executed",
                        "execution_rate")


@attrs.define
class Books:
    """Where each non-blank line went."""

    placed: dict[int, str] = attrs.field(factory=dict)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)

    def put(self, lines, field: str) -> None:
        for no in lines:
            self.placed.setdefault(no, field)

    def warn(self, code: str, message: str, lines=()) -> None:
        self.diagnostics.append(Diagnostic("warning", code, message, list(lines)))

    def error(self, code: str, message: str, lines=()) -> None:
        self.diagnostics.append(Diagnostic("error", code, message, list(lines)))


def _first(items: list[Classified], kind: str, books: Books, what: str) -> Classified | None:
    found = [x for x in items if x.kind == kind]
    if len(found) > 1:
        books.warn("duplicate-" + kind, f"{len(found)} lines look like the {what}; the first is used",
                   [x.no for x in found])
    return found[0] if found else None


def _fund_columns(header: Classified | None) -> list[str]:
    if header is None:
        return list(DEFAULT_FUND_COLUMNS)
    cols = []
    for t in header.fields["columns"].split():
        if t in FUND_COLUMNS:
            cols.append(FUND_COLUMNS[t])
            continue
        # a header word cut by a wrap (全年预算 / 数): the one word it can begin
        words = {v for k, v in FUND_COLUMNS.items() if k.startswith(t)}
        if len(t) >= 2 and len(words) == 1:
            cols.append(words.pop())
    return cols or list(DEFAULT_FUND_COLUMNS)


def _funds(items: list[Classified], books: Books) -> list[tuple[FundRow, Classified]]:
    header = _first(items, "fund_header", books, "fund header")
    columns = _fund_columns(header)
    rows: dict[str, tuple[FundRow, Classified]] = {}
    for it in items:
        if it.kind != "fund_row":
            continue
        item = it.fields["item"]
        if item in rows:
            books.warn("duplicate-fund-row", f"fund row {item} printed twice; the first is used", [it.no])
            continue
        values = it.fields["values"].split()
        row = FundRow(item)
        cols = columns
        if len(values) > len(columns):
            # a header word printed elsewhere (执行率(%) on a line of its own): the template's order
            cols = columns + [c for c in DEFAULT_FUND_COLUMNS if c not in columns]
        for col, v in zip(cols, values):
            setattr(row, col, parse_number(v))
        if len(values) < len(columns) or len(values) > len(cols):
            books.warn("fund-row-shape", f"fund row {item} has {len(values)} values for "
                       f"{len(columns)} columns", [it.no])
        rows[item] = (row, it)
        books.put([it.no], f"funds.{item}")
    return [rows[k] for k in FUND_ITEMS if k in rows]


def _title_block(items: list[Classified], form: Form, books: Books, params: Params) -> None:
    t = _first(items, "title", books, "title")
    if t:
        form.title = t.fields["title"]
        books.put([t.no], "title")
        if t.fields.get("year"):
            form.year = int(t.fields["year"])
    y = _first(items, "year", books, "year")
    if y and form.year is None:
        form.year = int(y.fields["year"])
    if y:
        books.put([y.no], "year")
    p = _first(items, "project", books, "项目名称 line")
    if p:
        form.project_name = p.fields.get("value") or None
        books.put([p.no], "project_name")
        if form.project_name is None and y:
            _project_apart(items, items.index(y), form, books)
    d = _first(items, "department", books, "主管部门 line")
    if d:
        form.department = d.fields.get("value") or None
        form.implementing_unit = d.fields.get("unit") or None
        books.put([d.no], "department")
    if d and form.implementing_unit is None and d.fields.get("has_unit"):
        _unit_around(items, items.index(d), form, books, params)
    u = _first(items, "unit", books, "实施单位 line")
    if u and form.implementing_unit is None:
        form.implementing_unit = u.fields.get("value") or None
    if u:
        books.put([u.no], "implementing_unit")
    for field in ("title", "year", "project_name", "department", "implementing_unit"):
        if getattr(form, field) is None:
            books.warn("missing-" + field.replace("_", "-"), f"no {field} found on the form")


def _project_apart(items: list[Classified], year_at: int, form: Form, books: Books) -> None:
    """``项目名称`` printed without its value: some producers print the value cell apart, on
    the line after the year (-raw of a spreadsheet). Taken when that line is a short text
    with no sentence in it."""
    for it in items[year_at + 1:]:
        if it.kind == "blank":
            continue
        if it.kind == "text" and not prose_marks(it.text) and len(it.text.split()) == 1:
            form.project_name = it.text
            books.put([it.no], "project_name")
            it.kind = "cell"
            books.warn("project-name-apart", "项目名称 printed without its value; the line after the "
                       "year taken as the project's name", [it.no])
        return


def _unit_around(items: list[Classified], at: int, form: Form, books: Books, params: Params,
                 most: int = 3) -> None:
    """``主管部门 … 实施单位`` with the unit's name wrapped onto the lines below it; in a
    -layout dump, centred on it: its first half on the line above, indented to the unit's
    column."""
    taken = []
    line = items[at].line.text
    label_indent = len(line) - len(line.lstrip())
    for it in reversed(items[:at]):
        if it.kind == "blank":
            continue
        indent = len(it.line.text) - len(it.line.text.lstrip())
        if (it.kind == "text" and not prose_marks(it.text) and " " not in it.text
                and indent >= label_indent + params.unit_above_indent):
            taken.append(it)
        break
    for it in items[at + 1:]:
        if it.kind == "blank":
            continue
        if it.kind != "text" or prose_marks(it.text) or len(taken) == most:
            break
        taken.append(it)
    if taken:
        form.implementing_unit = join_wrapped([x.text for x in taken])
        books.put([x.no for x in taken], "implementing_unit")
        for x in taken:
            x.kind = "cell"


def _template_piece(text: str) -> bool:
    """The start or the end of a printed template label (项目资金 / （万元）)."""
    t = "".join(text.split())
    return len(t) >= 2 and any(lab != t and (lab.startswith(t) or lab.endswith(t)) for lab in TEMPLATE_LABELS)


def _missing_deviations(names, rows) -> int:
    """Rows that lost points but got an entry without a deviation."""
    return sum(1 for e, r in zip(names.entry_of_row, rows) if r.lost_points and e and not e.deviation)


def _best_cut(lines, rows, level2, params):
    """The text's best cut of the 三级 column, unless it leaves a row that lost points without
    a deviation and a near-tied cut does not: what the text alone cannot tell, the rows can."""
    lost = sum(r.lost_points for r in rows)
    best = name_entries(lines, len(rows), params, lost=lost)[0]
    names = align_names(best.entries, rows, level2, params)
    missing = _missing_deviations(names, rows)
    if not missing:
        return best, names
    for other in name_entries(lines, len(rows), params, lost=lost,
                              alternatives=params.cut_alternatives)[1:]:
        if not missing:
            break
        placed = align_names(other.entries, rows, level2, params)
        m = _missing_deviations(placed, rows)
        if m < missing:
            best, names, missing = other, placed, m
    return best, names


def _indicators_from_columns(items: list[Classified], rows, runs, books: Books, params: Params) -> list[Indicator]:
    """Default mode: the 三级指标 column cut into entries, the 二级 groups, then the names
    placed onto the rows (and the groups again with the names' evidence, until stable)."""
    out: list[Indicator] = []
    kinds = [x.kind for x in items]
    level2: list[str | None] = [None] * len(rows)
    cut, names = _best_cut(free_lines(items), rows, level2, params)
    entries = cut.entries
    if cut.forced:
        level = "warning" if cut.forced_cost >= params.forced_cost_warning else "info"
        books.diagnostics.append(Diagnostic(
            level, "names-forced", f"one 三级指标 entry per value row was reached only by reading "
            f"these lines against their looks (cost {cut.forced_cost:.1f})", cut.forced))
    for no in cut.stray:
        books.warn("unassigned", "line in the 三级指标 column that is no name or deviation", [no])
        books.put([no], "unassigned")
    for _ in range(params.align_rounds):
        groups = align_groups(rows, runs, kinds, params,
                              names=[e.name if e else None for e in names.entry_of_row])
        if groups.level2 == level2:
            break
        level2 = groups.level2
        names = align_names(entries, rows, level2, params)
    books.diagnostics.extend(groups.diagnostics)
    books.diagnostics.extend(names.diagnostics)

    for i, row in enumerate(rows):
        e = names.entry_of_row[i]
        l2 = groups.level2[i]
        out.append(Indicator(
            level1=LEVEL1_OF.get(l2) if l2 else None, level2=l2,
            name=e.name if e else None, target=row.target, actual=row.actual,
            target_parsed=CellValue.parse(row.target), actual_parsed=CellValue.parse(row.actual),
            weight=row.weight, score=row.score, deviation=e.deviation if e else None,
        ))
        if e:
            books.put([fl.no for fl in e.name_lines], "indicators.name")
            books.put(e.dev_lines, "indicators.deviation")
    return out


def _indicators_from_table(table: Table, books: Books) -> list[Indicator]:
    """Row-order modes: each row carries its name, deviation and labels already."""
    out: list[Indicator] = []
    books.diagnostics.extend(table.diagnostics)
    books.put(table.label_lines, "template")
    for d in table.diagnostics:
        if d.code == "unassigned":
            books.put(d.lines, "unassigned")    # reported once, by the table reader
    for tr in table.rows:
        row = tr.row
        out.append(Indicator(
            level1=tr.level1, level2=tr.level2, name=tr.name, target=row.target, actual=row.actual,
            target_parsed=CellValue.parse(row.target), actual_parsed=CellValue.parse(row.actual),
            weight=row.weight, score=row.score, deviation=tr.deviation))
        books.put(tr.name_lines, "indicators.name")
        books.put(tr.dev_lines, "indicators.deviation")
        books.put(row.lines, "indicators")
        if tr.level2 is None:
            books.warn("missing-level2", f"no 二级指标 label before the row of {tr.name}", row.lines)
    return out


def build_form(segment: Segment, params: Params, file: str | None = None,
               form_index: int = 0) -> Form | None:
    """The record of one form, or None when the lines hold no form at all."""
    items = classify(segment.lines)
    kinds_present = {x.kind for x in items}
    if not kinds_present & {"title", "fund_header", "fund_row", "indicator_header", "value_row"}:
        return None
    books = Books()
    form = Form(source=Source(file, form_index, segment.first_line, segment.last_line))
    _title_block(items, form, books, params)

    # template labels and headers: the form's own print
    mode = detect_mode(items) if params.mode == "auto" else params.mode
    if mode == "cells":
        _from_cells(items, form, books, params)
        _close_books(items, form, books, mode)
        return form
    # (-layout keeps each line's positions: no label piece is cut off the line it shares)
    runs = join_labels(items, cut_shared_lines=mode != "layout")
    for run in runs:
        for lab in run.labels:
            books.put(lab.lines, "template")
    for it in items:
        if it.kind in TEMPLATE_KINDS:
            books.put([it.no], "template")

    g = _first(items, "grade", books, "评分等级 line")
    if g:
        form.grade = g.fields.get("grade")
        books.put([g.no], "grade")
    if form.grade is None:
        books.warn("missing-grade", "no 评分等级 found on the form")

    funds = _funds(items, books)
    table = read_table(items, params, runs) if mode in ROW_ORDER_MODES else None
    if mode == "layout":
        table = read_layout_table(items, params)
    rows, pairs = assemble_rows(items, params)
    if table is not None:
        for r in rows:      # a value row the table reader did not read: reported, not dropped
            books.warn("unassigned", "a value row outside the indicator table", r.lines)
            books.put(r.lines, "unassigned")
        rows = [tr.row for tr in table.rows]
    for r in rows:
        books.put(r.lines, "indicators")

    # 总分: on its own labelled line, or the pair that adds up
    total_item = _first(items, "total", books, "总分 line")
    fund_total = funds[0][0] if funds and funds[0][0].item == FUND_ITEMS[0] else None
    if total_item:
        form.total = Total(parse_number(total_item.fields["weight"]), parse_number(total_item.fields["score"]))
        books.put([total_item.no], "total")
    else:
        total, diags = find_total(pairs, rows, fund_total.weight if fund_total else None,
                                  fund_total.score if fund_total else None, params)
        books.diagnostics.extend(diags)
        if total:
            form.total = Total(total.a, total.b)
            books.put([total.line], "total")
            pairs = [p for p in pairs if p is not total]
        else:
            books.warn("missing-total", "no 总分 row found")

    # 全年执行数 / 执行率 pairs back onto the fund rows
    exec_header = next((i for i, x in enumerate(items) if x.kind == "exec_header"), None)
    need = [fr for fr, _ in funds if fr.executed is None and fr.execution_rate is None]
    if need:
        placed, diags = assign_execution([fr.annual_budget for fr in need], pairs, exec_header, params)
        books.diagnostics.extend(diags)
        for fr, p in zip(need, placed):
            if p is None:
                books.warn("missing-execution", f"no 全年执行数/执行率 for fund row {fr.item}")
                continue
            fr.executed, fr.execution_rate = p.a, p.b
            books.put([p.line], f"funds.{fr.item}")
        used = {id(p) for p in placed if p is not None}
        pairs = [p for p in pairs if id(p) not in used]
    form.funds = [fr for fr, _ in funds]
    if len(form.funds) != len(FUND_ITEMS):
        books.warn("fund-rows-missing", f"{len(form.funds)} of {len(FUND_ITEMS)} fund rows found")

    # goals: prose wider than any cell
    columns = goal_columns(items, params) if mode == "layout" else None
    if columns:
        paras = [Paragraph([FreeLine(no, text, i) for i, no, text in col]) for col in columns if col]
        for col in columns:
            for i, _, _ in col:
                items[i].kind = "cell"
    elif table is None:
        paras = goal_paragraphs(free_lines(items), params)
    else:
        paras = goal_paragraphs_in_order(free_lines(items), params)
    for p in paras:
        for fl in p.lines:
            items[fl.index].kind = "goal"
    amounts = {x for fr in form.funds for x in (fr.executed, fr.annual_budget) if x}
    for r in rows:
        parsed = parse_cell(r.actual)
        if parsed:
            amounts.add(parsed[1])
    expected, actual, diags = classify_goals(paras, amounts, params)
    books.diagnostics.extend(diags)
    form.goals = Goals(expected.text if expected else None, actual.text if actual else None)
    if expected:
        books.put(expected.numbers, "goals.expected")
    if actual:
        books.put(actual.numbers, "goals.actual")

    if table is None:
        form.indicators = _indicators_from_columns(items, rows, runs, books, params)
    else:
        form.indicators = _indicators_from_table(table, books)
    if not rows:
        books.error("no-indicators", "no indicator value rows found")

    # the books: anything not placed is reported, line by line
    for p in pairs:
        books.diagnostics.append(Diagnostic("warning", "unassigned",
                                            f"numbers {p.a:g} {p.b:g} fit no field", [p.line]))
        books.put([p.line], "unassigned")
    _close_books(items, form, books, mode)
    return form


def _from_cells(items: list[Classified], form: Form, books: Books, params: Params) -> None:
    """One cell per line: the cell-sequence reader fills everything the title block did not."""
    got = read_cells(items, set(books.placed), params)
    filled = set()
    for field in ("project_name", "department", "implementing_unit"):
        if getattr(form, field) is None and getattr(got, field) is not None:
            setattr(form, field, getattr(got, field))
            filled.add("missing-" + field.replace("_", "-"))
    books.diagnostics = [d for d in books.diagnostics if d.code not in filled]
    form.funds = got.funds
    # 预期目标 and 实际完成情况 stand side by side: either may be printed first
    amounts = {x for fr in form.funds for x in (fr.executed, fr.annual_budget) if x}
    paras = [Paragraph([FreeLine(no, c.text if k == 0 else "", 0) for k, no in enumerate(c.lines)])
             for c in got.goals]
    expected, actual, diags = classify_goals(paras, amounts, params)
    books.diagnostics.extend(diags)
    form.goals = Goals(expected.text if expected else None, actual.text if actual else None)
    if expected:
        books.put(expected.numbers, "goals.expected")
    if actual:
        books.put(actual.numbers, "goals.actual")
    form.indicators = got.indicators
    if got.total:
        form.total = Total(*got.total)
    else:
        books.warn("missing-total", "no 总分 row found")
    form.grade = got.grade
    if form.grade is None:
        books.warn("missing-grade", "no 评分等级 found on the form")
    for field, lines in got.placed.items():
        books.put(lines, field)
    books.diagnostics.extend(got.diagnostics)


def _cross_check(items: list[Classified], form: Form, books: Books, mode: str = "cells") -> None:
    """What the finished record itself makes doubtful, said row by row: a 三级指标 that reads
    as another 二级 group than the one it stands under (满意度 under 数量指标: its name or its
    group was put on the wrong row); a deviation on a row that kept its points next to one
    that lost some without a deviation; a deviation that breaks off where the form's others
    end a sentence. Warnings where rows were rebuilt from streams of cells (``cells``: a name's
    row is a guess there); elsewhere the name, group and deviation were placed by the row they
    are printed on, and real forms do bend these habits: info."""
    level = "warning" if mode == "cells" else "info"
    for k, ind in enumerate(form.indicators):
        groups = name_groups(ind.name)
        if not groups or ind.level2 is None or ind.level2 in groups:
            continue
        head = ind.name[:6]
        books.diagnostics.append(Diagnostic(
            level, "name-group-conflict", f"indicators[{k}]: 三级指标 {ind.name} reads as "
            f"{'/'.join(sorted(groups))} but stands under {ind.level2}: the name or the row's group "
            "may belong to another row", [it.no for it in items if head in it.text]))
    # a deviation on a row that kept all its points, next to a row that lost some without one:
    # it may be that row's
    inds = form.indicators
    lost = [i.weight is not None and i.score is not None and i.score < i.weight - 0.005 for i in inds]
    for k, ind in enumerate(inds):
        if not ind.deviation or lost[k]:
            continue
        near = [j for j in range(max(0, k - 3), min(len(inds), k + 4))
                if j != k and lost[j] and not inds[j].deviation]
        if near:
            head = ind.deviation[:6]
            books.diagnostics.append(Diagnostic(
                level, "deviation-uncertain", f"indicators[{k}]: a deviation on a row that kept its "
                f"points, near indicators[{near[0]}] that lost some without one: it may be that row's",
                [it.no for it in items if head in it.text]))
    # most of the form's deviations end a sentence: one that breaks off lost its end or took
    # a piece of another
    devs = [(k, ind.deviation) for k, ind in enumerate(form.indicators) if ind.deviation]
    if len(devs) >= 2 and 2 * sum(ends_sentence(d) for _, d in devs) >= len(devs):
        for k, d in devs:
            if not ends_sentence(d):
                head = d[:6]
                books.diagnostics.append(Diagnostic(
                    level, "deviation-uncertain", f"indicators[{k}]: the deviation {d[:20]}… breaks "
                    "off where the form's others end a sentence: a piece of it may be elsewhere",
                    [it.no for it in items if head in it.text]))


def _close_books(items: list[Classified], form: Form, books: Books, mode: str) -> None:
    """Every non-blank line not placed in a field is reported as unassigned."""
    _cross_check(items, form, books, mode)
    for it in items:
        if it.kind == "blank" or it.no in books.placed:
            continue
        if mode == "layout" and _template_piece(it.text):
            # a margin label cut by the rows printed across it (项目资金 … （万元）)
            books.put([it.no], "template")
            continue
        books.diagnostics.append(Diagnostic("warning", "unassigned",
                                            f"line not placed in any field: {it.text[:60]}", [it.no]))
        books.put([it.no], "unassigned")
    form.diagnostics = books.diagnostics
