"""The solver: a dialect's ``Reading`` placed onto the template's grid, the record written from it,
and the books kept (every line in a field or reported). One path for every dialect; each placement
records its slot, cost and runner-up in the cells (``explain`` shows them).
"""
from __future__ import annotations

from ..arith import fund_broken, total_fits, totals
from ..codes import diag
from ..grid import Cell, Entry, Reading, Row
from ..lexer import Lexed
from ..model import CellValue, Diagnostic, Form, FundRow, Goals, Indicator, Source, Total
from ..params import Params
from ..text import number_or_none
from .doubts import cross_check
from .funds import assign_pairs, fit_row, read_stream
from .goals import place_goals
from .groups import GroupRow, place_groups
from .names import choose_order, trade_names

TITLE_SLOTS = ("title", "year", "project_name", "department", "implementing_unit")


def solve(reading: Reading, items: list[Lexed], source: Source, p: Params) -> Form:
    form = Form(source=source)
    diags = list(reading.diagnostics)
    _title(reading, form, diags, p)
    rows = reading.rows
    form.funds = _fund_rows(reading, p)
    total = _total(reading, form, rows, diags, p)
    form.funds = _fund_rest(reading, form.funds, [c for c in reading.fund_pairs if c is not total], diags, p)
    entries, level2 = _names_and_groups(reading, rows, diags, p)
    form.indicators = [_indicator(k, r, e, l2, p) for k, (r, e, l2) in enumerate(zip(rows, entries, level2))]
    if not rows:
        diags.append(diag("no-indicators", "no indicator value rows found"))
    _goals(reading, form, items, diags, p)
    if reading.grade is not None:
        form.grade = reading.grade.text
        reading.grade.place("grade")
    else:
        diags.append(diag("missing-grade", "no grade found on the form"))
    diags += cross_check(form, reading, p)
    diags += _books(reading, items, p)
    form.diagnostics = diags
    return form


def _title(reading: Reading, form: Form, diags: list[Diagnostic], p: Params) -> None:
    for slot in TITLE_SLOTS:
        c = reading.title.get(slot)
        if c is None:
            continue
        c.place(slot)
        if slot == "year":
            form.year = int(c.text)
        else:
            setattr(form, slot, c.text)
    for slot in TITLE_SLOTS:
        if getattr(form, slot) is None:
            code = "missing-" + slot.replace("_", "-")
            diags.append(diag(code, f"no {slot.replace('_', ' ')} found on the form"))


def _fund_rows(reading: Reading, p: Params) -> list[FundRow]:
    rows: list[FundRow] = []
    for k, item in enumerate(p.template.fund_item_names):
        cells = reading.fund_rows.get(item)
        grid = reading.fund_grid.get(item)
        if cells is None and grid is None:
            continue
        row = FundRow(item)
        placed = grid if grid is not None else fit_row(k, cells, reading.fund_columns, p)
        for col, c in placed.items():
            setattr(row, col, number_or_none(c.text))
            c.place(f"funds[{len(rows)}].{col}")
        rows.append(row)
    return rows


def _fund_rest(reading: Reading, rows: list[FundRow], pairs, diags: list[Diagnostic], p: Params) -> list[FundRow]:
    """Detached (执行数, 执行率) pairs back on their rows; a column-printed block read by its arithmetic."""
    items = p.template.fund_item_names
    for k, pair in enumerate(assign_pairs(rows, pairs, p)):
        if pair is not None:
            rows[k].executed, rows[k].execution_rate = (number_or_none(c.text) for c in pair)
            pair[0].place(f"funds[{k}].executed")
            pair[1].place(f"funds[{k}].execution_rate")
    if reading.fund_stream and fund_broken(rows, p.template):
        grid = read_stream(reading.fund_stream, p)
        if grid is not None and grid.broken < fund_broken(rows, p.template):
            rows = grid.rows
            for num, col, r in zip(reading.fund_stream, grid.labels, grid.rows_of):
                num.cell.place(f"funds[{r if col not in ('weight', 'score') else 0}].{col}")
            diags.append(diag("funds-by-arithmetic", "the fund block read back by its arithmetic",
                              [x for n in reading.fund_stream for x in n.cell.lines]))
    if len(rows) != len(items):
        diags.append(diag("fund-rows-missing", f"{len(rows)} of {len(items)} fund rows found"))
    elif fund_broken(rows, p.template):
        diags.append(diag("funds-arithmetic", f"the fund block as read breaks {fund_broken(rows, p.template)} "
                          "of its sums and rates", [x for c in reading.cells if c.slot and c.slot.startswith("funds")
                                                    for x in c.lines]))
    return rows


def _total(reading: Reading, form: Form, rows: list[Row], diags: list[Diagnostic], p: Params):
    """The 总分 pair taken: labelled, or the bare pair the rows add up to (else the first after the table)."""
    fund = form.funds[0] if form.funds else FundRow("")
    want = totals([r.number("weight") for r in rows], [r.number("score") for r in rows], fund.weight, fund.score)
    pair = reading.total
    if pair is None and reading.total_candidates:
        fits = [c for c in reading.total_candidates
                if total_fits(number_or_none(c[0].text) or 0.0, number_or_none(c[1].text) or 0.0, len(rows), want,
                              p.template)]
        pair = fits[0] if fits else reading.total_candidates[0]
        if not fits:
            diags.append(diag("total-unverified", f"the total taken from where it is printed ({pair[0].text} "
                              f"{pair[1].text}); the rows add up to {want[0]:g} / {want[1]:g}", pair[0].lines))
    if pair is None and reading.total_label is not None:
        form.total = Total(round(want[0], 2), round(want[1], 2))
        for c in reading.total_pieces:
            c.place("total")
        diags.append(diag("total-from-sums", f"the printed total ({' / '.join(c.text for c in reading.total_pieces)}) "
                          f"does not read as two numbers; the rows add up to {want[0]:g} / {want[1]:g}",
                          [x for c in reading.total_pieces for x in c.lines]))
        return None
    if pair is None:
        diags.append(diag("missing-total", "no total row found"))
        return None
    form.total = Total(number_or_none(pair[0].text), number_or_none(pair[1].text))
    pair[0].place("total.weight")
    pair[1].place("total.score")
    return pair


def _names_and_groups(reading: Reading, rows: list[Row], diags: list[Diagnostic], p: Params):
    """Names onto rows and rows into groups, each with the other's evidence, until stable."""
    n = len(rows)
    orders = reading.orders or []
    level2: list[str | None] = [None] * n
    order, runner, margin = (orders[0] if orders else None), None, 0.0
    name_diags: list[Diagnostic] = []
    group_diags: list[Diagnostic] = []
    for _ in range(p.names.rounds):
        if orders:
            order, runner, margin, name_diags = choose_order(orders, rows, level2, p)
        entries = order.entries if order else [None] * n
        grows = [_group_row(r, e) for r, e in zip(rows, entries)]
        new, group_diags = place_groups(grows, reading.pins, p)
        if new == level2 or len(orders) <= 1:
            level2 = new
            break
        level2 = new
    traded = trade_names(order.entries, level2, order.beside, p) if order is not None and order.beside else []
    if traded:
        level2, group_diags = place_groups([_group_row(r, e) for r, e in zip(rows, order.entries)], reading.pins, p)
        lines = [x for pair in traded for k in pair for x in order.entries[k].name.lines]
        name_diags.append(diag("names-traded", f"{len(traded)} pairs of names placed apart from their rows traded "
                               "rows: each read as the other's group, one printed beside its label", lines))
    diags += name_diags + group_diags
    entries = (list(order.entries) if order else []) + [None] * n
    _runner_ups(entries[:n], runner, margin)
    _pin_slots(reading, level2, p)
    return entries[:n], level2


def _runner_ups(entries: list[Entry | None], runner, margin: float) -> None:
    """Each entry the runner-up puts on another row: that row, and the margin."""
    if runner is None:
        return
    where = {id(e): k for k, e in enumerate(runner.entries) if e is not None}
    for e in entries:
        k = where.get(id(e)) if e is not None else None
        if e is None or k is None or e.name is None:
            continue
        e.name.runner_up = (f"indicators[{k}].name", margin)


def _pin_slots(reading: Reading, level2: list[str | None], p: Params) -> None:
    """A printed 一级/二级 label fills the level of the rows its group got."""
    level1 = [p.template.level1_of.get(g) if g else None for g in level2]
    for pin in reading.pins:
        rows = [k for k, (a, b) in enumerate(zip(level1, level2)) if pin.label in (a, b)]
        which = "level2" if pin.label in p.template.level2 else "level1"
        pin.cell.place(f"indicators[{rows[0]}..{rows[-1]}].{which}" if rows else "template")


def _group_row(r: Row, e: Entry | None) -> GroupRow:
    lines = sorted({x for c in r.cells() for x in c.lines})
    return GroupRow(r.target.text if r.target else "", r.actual.text if r.actual else "",
                    e.name.text if e is not None and e.name is not None else None,
                    r.extent[0], r.extent[1], lines)


def _indicator(k: int, r: Row, e: Entry | None, l2: str | None, p: Params) -> Indicator:
    for slot, c in (("target", r.target), ("actual", r.actual), ("weight", r.weight), ("score", r.score)):
        if c is not None:
            c.place(f"indicators[{k}].{slot}")
    if e is not None:
        if e.name is not None:
            e.name.place(f"indicators[{k}].name")
        if e.deviation is not None:
            e.deviation.place(f"indicators[{k}].deviation")
    target = r.target.text if r.target else None
    actual = r.actual.text if r.actual else None
    return Indicator(
        level1=p.template.level1_of.get(l2) if l2 else None, level2=l2,
        name=e.name.text if e is not None and e.name is not None else None,
        target=target, actual=actual, target_parsed=CellValue.parse(target), actual_parsed=CellValue.parse(actual),
        weight=r.number("weight"), score=r.number("score"),
        deviation=e.deviation.text if e is not None and e.deviation is not None else None)


def _goals(reading: Reading, form: Form, items: list[Lexed], diags: list[Diagnostic], p: Params) -> None:
    amounts = {x for fr in form.funds for x in (fr.executed, fr.annual_budget) if x}
    amounts |= {i.actual_parsed.value for i in form.indicators if i.actual_parsed}
    texts = {it.no: it.line.text for it in items}
    placed, gdiags = place_goals(reading.goals, reading.goal_slots, amounts, texts, p)
    diags += gdiags
    for slot, c in placed.items():
        c.place(slot)
        if all(c is not x for x in reading.cells):
            reading.cells.append(c)       # a text cut in two: its halves are cells of their own
    for c in reading.goals:
        if c.slot is None and _covered(c, placed.values()):
            c.place("goals")
    form.goals = Goals(placed["goals.expected"].text if "goals.expected" in placed else None,
                       placed["goals.actual"].text if "goals.actual" in placed else None)


def _covered(c: Cell, cells) -> bool:
    lines = {x for o in cells for x in o.lines}
    return set(c.lines) <= lines


def _books(reading: Reading, items: list[Lexed], params: Params) -> list[Diagnostic]:
    texts: dict[int, list[str]] = {}        # the placed text of each line
    for c in reading.cells:
        if c.slot is not None:
            for no in c.lines:
                texts.setdefault(no, []).append(c.text)
    placed = set(texts)
    out = []
    for c in reading.cells:
        if c.slot is not None or not c.text.strip():
            continue
        # a cell in no field, unless its text went into a field with a cell of its lines
        if not all(any(c.text in t or t in c.text for t in texts.get(no, ())) for no in c.lines):
            out.append(diag("unassigned", f"text placed in no field: {c.text[:60]}", c.lines))
            placed.update(c.lines)
    unit = set(params.template.spellings("funds_unit"))     # the fund table's unit, printed apart
    for it in items:
        if it.kind != "blank" and it.no not in placed and it.text.strip() not in unit:
            out.append(diag("unassigned", f"line placed in no field: {it.text[:60]}", [it.no]))
    return out

