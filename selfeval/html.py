"""``selfeval explain --html``: each form drawn beside its lines, fields and lines linked;
``#select=form0.indicators[3].name`` or ``#select=line97`` selects."""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable

from .build import Built
from .check import Finding
from .decode import Line
from .template import Template

RANGE_SLOT = re.compile(r"^indicators\[(\d+)\.\.(\d+)\]\.(\w+)$")
ROW_IN_MESSAGE = re.compile(r"^((?:indicators|funds)\[\d+\])(?:\.(\w+))?:")
# codes that name their field (not in the message)
CODE_FIELDS = {
    "missing-title": "title", "missing-year": "year", "missing-project-name": "project_name",
    "missing-department": "department", "missing-implementing-unit": "implementing_unit",
    "missing-total": "total", "total-from-sums": "total", "total-unverified": "total", "missing-grade": "grade",
    "goal-missing": "goals", "goal-order-uncertain": "goals", "goal-split": "goals", "goals-interleaved": "goals",
    "goal-uncertain": "goals", "goal-paragraphs": "goals", "goals-header-missing": "goals",
    "fund-rows-missing": "funds", "funds-arithmetic": "funds", "no-indicators": "indicators",
    "no-groups": "indicators", "name-count-mismatch": "indicators", "cells-count-mismatch": "indicators",
}
# row codes that concern one field
CODE_FIELD_OF_ROW = {"deviation-uncertain": "deviation", "name-group-conflict": "name", "name-missing": "name"}
FUND_COLUMNS = ("initial_budget", "annual_budget", "executed", "weight", "execution_rate", "score")
INDICATOR_COLUMNS = ("name", "target", "actual", "weight", "score", "deviation")
RANK = {"warning": 1, "error": 2}
MARK = {1: "warn", 2: "err"}


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _number(value) -> str:
    return "" if value is None else f"{value:.2f}"


def _expand(slot: str | None) -> list[str]:
    """A cell's slot as field slots: ``indicators[1..3].level1`` spans rows."""
    if slot is None or slot == "template":
        return []
    m = RANGE_SLOT.match(slot)
    if m:
        return [f"indicators[{j}].{m.group(3)}" for j in range(int(m.group(1)), int(m.group(2)) + 1)]
    return [slot]


def _covers(prefix: str, slot: str) -> bool:
    return slot == prefix or slot.startswith((prefix + ".", prefix + "["))


class FormView:
    """One form on the page: field ↔ line links and the warning/error marks."""

    def __init__(self, built: Built, findings: list[Finding]):
        self.built, self.form = built, built.form
        self.index = built.form.source.form_index
        self.findings = [f for f in findings if not f.code.startswith("parse-")]
        self.field_lines: dict[str, set[int]] = {}
        self.line_slots: dict[int, list[str]] = {}
        self.placed: set[int] = set()
        for cell in built.reading.cells if built.reading else ():
            slots = _expand(cell.slot)
            for no in cell.lines:
                if cell.slot is not None:
                    self.placed.add(no)
                for slot in slots:
                    self.field_lines.setdefault(slot, set()).add(no)
                    if slot not in self.line_slots.setdefault(no, []):
                        self.line_slots[no].append(slot)
        texts = {it.no: it.line.text for it in built.items}
        for j, row in enumerate(self.form.funds):       # a fund item's line: the row line naming it
            slot = f"funds[{j}].item"
            self.field_lines[slot] = {no for s, lines in list(self.field_lines.items()) if _covers(f"funds[{j}]", s)
                                      for no in lines if row.item and row.item in texts.get(no, "")}
            for no in self.field_lines[slot]:
                self.line_slots.setdefault(no, []).append(slot)
        # info-level unassigned lines (furniture) count as placed
        self.unassigned = {no for d in self.form.diagnostics if d.code == "unassigned" and d.level != "info"
                           for no in d.lines}
        self.placed |= {no for d in self.form.diagnostics if d.code == "unassigned" and d.level == "info"
                        for no in d.lines}
        self.marks = self._marks()
        self.line_marks: dict[int, tuple[int, list[str]]] = {}
        for rank, prefix, lines, text in self.marks:
            for no in lines | self._lines_of(prefix):
                old = self.line_marks.get(no, (0, []))
                self.line_marks[no] = (max(old[0], rank), old[1] + [text])

    def _marks(self) -> list[tuple[int, str | None, set[int], str]]:
        """(rank, field prefix, lines, text) per warning and error."""
        out = []
        for d in self.form.diagnostics:
            if d.level in RANK:
                m = ROW_IN_MESSAGE.match(d.message)
                field = (m.group(2) or CODE_FIELD_OF_ROW.get(d.code)) if m else None
                prefix = (m.group(1) + (f".{field}" if field else "")) if m else CODE_FIELDS.get(d.code)
                out.append((RANK[d.level], prefix, set(d.lines), f"{d.level} {d.code}: {d.message}"))
        for f in self.findings:
            prefix = None if f.row == "form" else f.row
            out.append((RANK.get(f.level, 1), prefix, set(), f"{f.level} {f.code}: {f.message}"))
        return out

    def _lines_of(self, prefix: str | None) -> set[int]:
        if prefix is None:
            return set()
        return {no for slot, lines in self.field_lines.items() if _covers(prefix, slot) for no in lines}

    @property
    def warnings(self) -> int:
        return sum(r == 1 for r, *_ in self.marks)

    @property
    def errors(self) -> int:
        return sum(r == 2 for r, *_ in self.marks)

    def field(self, slots: list[str], text: str, tag: str = "td", extra: str = "") -> str:
        lines = sorted({no for s in slots for no in self.field_lines.get(s, ())})
        hits = [(r, t) for r, prefix, _, t in self.marks if prefix and any(_covers(prefix, s) for s in slots)]
        rank = max((r for r, _ in hits), default=0)
        classes = " ".join(c for c in ("f", MARK.get(rank, ""), "" if lines else "nolines") if c)
        title = f' title="{esc(chr(10).join(t for _, t in hits))}"' if hits else ""
        return (f'<{tag} class="{classes}" data-slots="{esc(" ".join(slots))}" data-lines="{" ".join(map(str, lines))}"'
                f'{title}{extra}>{esc(text)}</{tag}>')


def _title_block(v: FormView, T: Template) -> str:
    f = v.form
    year = f"（{f.year}年度）" if f.year is not None else ""
    return (f'<div class="head">{v.field(["title"], f.title or "", "div", "")}'
            f'{v.field(["year"], year, "div")}</div>'
            '<table class="sheet"><colgroup><col class="lab"><col><col class="lab"><col></colgroup>'
            f'<tr><th>{esc(T.label("project"))}</th>'
            f'{v.field(["project_name"], f.project_name or "", extra=" colspan=3")}</tr>'
            f'<tr><th>{esc(T.label("department"))}</th>{v.field(["department"], f.department or "")}'
            f'<th>{esc(T.label("unit"))}</th>{v.field(["implementing_unit"], f.implementing_unit or "")}</tr></table>')


def _funds_table(v: FormView, T: Template) -> str:
    rows = v.form.funds
    head = "".join(f"<th>{esc(T.fund_columns[c][0])}</th>" for c in FUND_COLUMNS)
    out = ['<table class="sheet funds">',
           f'<tr><th class="lab" rowspan="{len(rows) + 1}">{esc(T.label("funds"))}</th><th></th>{head}</tr>']
    for j, r in enumerate(rows):
        cells = "".join(v.field([f"funds[{j}].{c}"], _number(getattr(r, c)), extra=' data-num="1"')
                        for c in FUND_COLUMNS)
        out.append(f'<tr>{v.field([f"funds[{j}].item"], r.item, "th")}{cells}</tr>')
    if not rows:
        out.append(f'<tr><td class="empty" colspan="{len(FUND_COLUMNS) + 1}">no fund rows read</td></tr>')
    return "".join(out) + "</table>"


def _goals_table(v: FormView, T: Template) -> str:
    g = v.form.goals
    return ('<table class="sheet goals"><colgroup><col class="lab"><col><col></colgroup>'
            f'<tr><th rowspan="2">{esc(T.label("goals"))}</th><th>{esc(T.label("goal_expected"))}</th>'
            f'<th>{esc(T.label("goal_actual"))}</th></tr>'
            f'<tr>{v.field(["goals.expected"], g.expected or "")}'
            f'{v.field(["goals.actual"], g.actual or "")}</tr></table>')


def _runs(values: list[str], start: int, stop: int) -> dict[int, int]:
    """Start -> length of each run of equal values."""
    out, j = {}, start
    while j < stop:
        k = j
        while k + 1 < stop and values[k + 1] == values[j]:
            k += 1
        out[j] = k - j + 1
        j = k + 1
    return out


def _indicator_table(v: FormView, T: Template) -> str:
    rows = v.form.indicators
    heads = "".join(f"<th>{esc(T.label(s))}</th>" for s in ("level1", "level2") + INDICATOR_COLUMNS)
    out = ['<table class="sheet indicators">', f"<tr>{heads}</tr>"]
    level1 = _runs([r.level1 for r in rows], 0, len(rows))
    level2: dict[int, int] = {}
    for start, n in level1.items():
        level2.update(_runs([r.level2 for r in rows], start, start + n))
    for j, r in enumerate(rows):
        cells = ""
        for name, spans in (("level1", level1), ("level2", level2)):
            if j in spans:
                slots = [f"indicators[{k}].{name}" for k in range(j, j + spans[j])]
                cells += v.field(slots, getattr(r, name), extra=f' rowspan="{spans[j]}"')
        for c in INDICATOR_COLUMNS:
            numeric = c in ("weight", "score")
            value = _number(getattr(r, c)) if numeric else getattr(r, c)
            cells += v.field([f"indicators[{j}].{c}"], value or "", extra=' data-num="1"' if numeric else "")
        out.append(f'<tr class="row" data-row="{j}">{cells}</tr>')
    if not rows:
        out.append('<tr><td class="empty" colspan="8">no indicator rows read</td></tr>')
    total = v.form.total
    out.append(f'<tr><th colspan="5">{esc(T.label("total"))}</th>'
               f'{v.field(["total.weight"], _number(total.weight), extra=" data-num=1")}'
               f'{v.field(["total.score"], _number(total.score), extra=" data-num=1")}<td></td></tr>')
    out.append(f'<tr><th colspan="5">{esc(T.label("grade"))}</th>'
               f'{v.field(["grade"], v.form.grade or "", extra=" colspan=3")}</tr>')
    return "".join(out) + "</table>"


def _line(no: int, kind: str, text: str, slots: list[str], state: str, mark: tuple[int, list[str]] | None) -> str:
    classes = ["ln", state]
    title = ""
    if mark:
        classes.append(MARK.get(mark[0], ""))
        title = f' title="{esc(chr(10).join(mark[1]))}"'
    badge = {"none": "in no field", "unassigned": "unassigned", "outside": "outside any form"}.get(state, "")
    badge = f'<span class="badge">{badge}</span>' if badge else ""
    return (f'<div class="{" ".join(c for c in classes if c)}" id="l{no}" data-no="{no}" '
            f'data-slots="{esc(" ".join(slots))}"'
            f'{title}><span class="no">{no}</span><span class="k">{esc(kind)}</span><span class="t">{esc(text)}</span>'
            f'{badge}</div>')


def _source(v: FormView) -> str:
    out = []
    for it in v.built.items:
        if not it.line.text.strip():           # not the kind: furniture is lexed blank
            continue
        slots = v.line_slots.get(it.no, [])
        state = ("unassigned" if it.no in v.unassigned else "field" if slots
                 else "tmpl" if it.no in v.placed else "none")
        out.append(_line(it.no, it.kind, it.line.text, slots, state, v.line_marks.get(it.no)))
    return "".join(out)


def _link(v: FormView, row: str) -> str:
    target = {"total": "total.score", "grade": "grade"}.get(row)
    if target is None and row.startswith("indicators["):
        target = row + ".name"
    elif target is None and row.startswith("funds["):
        target = row + ".annual_budget"
    if target is None:
        return esc(row)
    return f'<a href="#select=form{v.index}.{esc(target)}">{esc(row)}</a>'


def _notes(v: FormView) -> str:
    out = ['<div class="notes">']
    if v.findings:
        out.append("<h3>check</h3><ul>")
        out += [f'<li class="{MARK.get(RANK.get(f.level, 1))}">{_link(v, f.row)} <b>{esc(f.level)} {esc(f.code)}</b>: '
                f"{esc(f.message)}</li>" for f in v.findings]
        out.append("</ul>")
    shown = [d for d in v.form.diagnostics if d.level in RANK]
    if shown:
        out.append("<h3>diagnostics</h3><ul>")
        for d in shown:
            lines = " ".join(f'<a href="#select=line{no}">{no}</a>' for no in d.lines)
            out.append(f'<li class="{MARK[RANK[d.level]]}"><b>{esc(d.level)} {esc(d.code)}</b>: {esc(d.message)}'
                       + (f' <span class="lines">lines {lines}</span>' if lines else "") + "</li>")
        out.append("</ul>")
    infos = [d for d in v.form.diagnostics if d.level not in RANK]
    if infos:
        out.append(f"<details><summary>{len(infos)} info</summary><ul>")
        out += [f"<li><b>{esc(d.code)}</b>: {esc(d.message)}</li>" for d in infos]
        out.append("</ul></details>")
    if not (v.findings or shown):
        out.append('<p class="ok">No warning, no error: check finds the form consistent.</p>')
    return "".join(out) + "</div>"


def _section(v: FormView, T: Template) -> str:
    f = v.form
    doubt = "err" if v.errors else "warn" if v.warnings else "ok"
    dialect = v.built.reading.dialect if v.built.reading else "?"
    return (f'<section class="form {doubt}" id="form{v.index}" data-form="{v.index}">'
            f'<h2>form {v.index} · {esc(f.project_name or "(no project name)")} '
            f'<small>lines {f.source.first_line}–{f.source.last_line} · read as {esc(dialect)} · '
            f'{_counts(v)}</small></h2><div class="cols"><div class="drawn">'
            + _title_block(v, T) + _funds_table(v, T) + _goals_table(v, T) + _indicator_table(v, T)
            + f'</div><div class="src">{_source(v)}</div></div>{_notes(v)}</section>')


def _counts(v: FormView) -> str:
    return (f'<span class="cw">{v.warnings} warning{"" if v.warnings == 1 else "s"}</span>, '
            f'<span class="ce">{v.errors} error{"" if v.errors == 1 else "s"}</span>')


def _nav(views: list[FormView]) -> str:
    rows = []
    for v in views:
        doubt = "err" if v.errors else "warn" if v.warnings else "ok"
        rows.append(f'<tr class="{doubt}"><td><a href="#form{v.index}">form {v.index}</a></td>'
                    f'<td>{esc(v.form.project_name or "")}</td>'
                    f'<td>{v.form.source.first_line}–{v.form.source.last_line}</td><td>{len(v.form.indicators)}</td>'
                    f'<td class="cw">{v.warnings}</td><td class="ce">{v.errors}</td></tr>')
    return ('<nav><table class="toc"><tr><th>form</th><th>project</th><th>lines</th><th>rows</th>'
            '<th>warnings</th><th>errors</th></tr>' + "".join(rows) + "</table>"
            '<label><input type="checkbox" id="doubtful"> only the forms with warnings or errors</label></nav>')


def _outside(lines: Iterable[Line], inside: set[int]) -> str:
    rows = [_line(ln.no, "", ln.text, [], "outside", (1, ["unassigned: line outside any form"]))
            for ln in lines if not ln.blank and ln.no not in inside]
    if not rows:
        return ""
    return ('<section class="form warn" id="outside"><h2>lines outside any form</h2>'
            f'<div class="src wide">{"".join(rows)}</div></section>')


def page(built: list[Built], findings: list[list[Finding]], lines: Iterable[Line], file: str | None,
         template: Template, outside: bool = True) -> str:
    """The HTML page of forms and their findings."""
    views = [FormView(b, f) for b, f in zip(built, findings)]
    inside = {it.no for b in built for it in b.items}
    name = file or "<stdin>"
    lines = list(lines)
    summary = (f"{len(views)} form{'' if len(views) == 1 else 's'}, {sum(1 for ln in lines if not ln.blank)} "
               f"non-blank lines in the file, {sum(v.warnings > 0 for v in views)} with warnings, "
               f"{sum(v.errors > 0 for v in views)} with errors")
    body = "".join(_section(v, template) for v in views)
    return ('<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>selfeval explain: {esc(name)}</title><style>{_asset('explain.css')}</style></head><body>"
            f'<header><h1>selfeval explain <span class="file">{esc(name)}</span></h1><p>{esc(summary)}. '
            "Click a field to light the lines it was read from; click a line to light its fields.</p>"
            f"{_nav(views)}</header><main>{body}{_outside(lines, inside) if outside else ''}</main>"
            f"<script>{_asset('explain.js')}</script></body></html>\n")


def _asset(name: str) -> str:
    return (Path(__file__).parent / "templates" / name).read_text(encoding="utf-8")

