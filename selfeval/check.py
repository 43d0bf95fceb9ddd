"""Audit of a record against the form's arithmetic: one ``Finding`` per broken rule."""
from __future__ import annotations

import attrs

from .arith import SUMMED, close_sum, expected_rate, lost_points, totals
from .model import Form
from .params import Params

DEFAULT_PARAMS = Params()


@attrs.define
class Finding:
    level: str
    code: str
    message: str
    file: str | None = None
    form_index: int = 0
    row: str = "form"           # "indicators[3]", "funds[1]", "total", "grade" or "form"
    line: int | None = None
    project_name: str | None = None

    def to_dict(self) -> dict:
        return attrs.asdict(self)

    def format(self) -> str:
        """``FILE:LINE: form N row: level code: message``."""
        where = f"{self.file or '<stdin>'}:{self.line or 0}"
        return f"{where}: form {self.form_index} {self.row}: {self.level} {self.code}: {self.message}"


def _num(x: float) -> str:
    return f"{x:.2f}"


def check(form: Form, params: Params = DEFAULT_PARAMS) -> list[Finding]:
    """Audit one record -> list of ``Finding`` (empty when consistent)."""
    out: list[Finding] = []

    def find(level: str, code: str, message: str, row: str = "form") -> None:
        out.append(Finding(level, code, message, form.source.file, form.source.form_index, row,
                           form.source.first_line or None, form.project_name))

    _totals(form, find, params)
    _scores(form, find)
    _funds(form, find, params)
    _grade(form, find, params)
    for j, i in enumerate(form.indicators):
        if lost_points(i.weight, i.score, params.template) and not (i.deviation or "").strip():
            find("error", "deviation-missing", f"{i.name}: lost {_num(i.weight - i.score)} points without a "
                 "deviation text", f"indicators[{j}]")
    for d in form.diagnostics:
        if d.level == "error":
            lines = f" (lines {', '.join(map(str, d.lines))})" if d.lines else ""
            find("error", f"parse-{d.code}", d.message + lines)
    return out


def _total_row(form: Form, params: Params):
    first = params.template.fund_item_names[0]
    return next((f for f in form.funds if f.item == first), None)


def _totals(form: Form, find, params: Params) -> None:
    if form.total.weight is None or form.total.score is None:
        find("warning", "total-missing", "no total row: the sums cannot be checked", "total")
        return
    fund = _total_row(form, params)
    rows = form.indicators
    weights, scores = totals([i.weight for i in rows], [i.score for i in rows],
                             fund.weight if fund else None, fund.score if fund else None)
    tol = params.template.tolerance("rounding_per_term") * max(1, len(rows) + 1) + 1e-9
    for code, got, said in (("weights-sum", weights, form.total.weight), ("scores-sum", scores, form.total.score)):
        if abs(got - said) > tol:
            find("error", code, f"the rows and the fund row add up to {_num(got)}, the total says {_num(said)}",
                 "total")


def _scores(form: Form, find) -> None:
    for j, f in enumerate(form.funds):
        if f.weight is not None and f.score is not None and f.score > f.weight + 1e-9:
            find("error", "score-over-weight", f"{f.item}: score {_num(f.score)} > weight {_num(f.weight)}",
                 f"funds[{j}]")
    for j, i in enumerate(form.indicators):
        if i.weight is not None and i.score is not None and i.score > i.weight + 1e-9:
            find("error", "score-over-weight", f"{i.name}: score {_num(i.score)} > weight {_num(i.weight)}",
                 f"indicators[{j}]")


def _funds(form: Form, find, params: Params) -> None:
    t = params.template
    for j, f in enumerate(form.funds):
        want = expected_rate(f.annual_budget, f.executed)
        if want is not None and f.execution_rate is not None and abs(want - f.execution_rate) > t.tolerance(
                "rate_tolerance"):
            find("error", "execution-rate", f"{f.item}: rate {_num(f.execution_rate)} but {_num(f.executed)} / "
                 f"{_num(f.annual_budget)} × 100 = {_num(want)}", f"funds[{j}]")
    total_row = _total_row(form, params)
    parts = [f for f in form.funds if f is not total_row]
    if total_row is None or not parts:
        return
    for column in SUMMED:
        whole = getattr(total_row, column)
        values = [getattr(f, column) for f in parts]
        if whole is None or all(v is None for v in values):
            continue
        if not close_sum(whole, values, t):
            find("error", "funds-sum", f"{column}: the fund rows add up to {_num(sum(v or 0 for v in values))}, "
                 f"{total_row.item} says {_num(whole)}", f"funds[{form.funds.index(total_row)}]")


def _grade(form: Form, find, params: Params) -> None:
    if form.total.score is None:
        return
    want = params.template.grade_of(form.total.score)
    if form.grade is None:
        find("warning", "grade-missing", f"no grade; the total {_num(form.total.score)} earns {want}", "grade")
    elif form.grade != want:
        find("error", "grade", f"grade {form.grade} but the total {_num(form.total.score)} earns {want}", "grade")
