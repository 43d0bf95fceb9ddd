"""Audit of a record: the arithmetic and the rules of the form's template.

``check(form)`` returns one ``Finding`` per broken rule. The rules (codes in brackets):

- the indicator weights plus the fund weight add up to ``total.weight`` [weights-sum];
- the scores likewise add up to ``total.score`` [scores-sum];
- no score exceeds its weight, on an indicator or a fund row [score-over-weight];
- 执行率 = 全年执行数 / 全年预算数 × 100, to 0.01 (a zero budget is skipped) [execution-rate];
- the fund rows add up to 年度资金总额 in each money column [funds-sum];
- the grade matches the total score: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 [grade];
- a row that lost points explains it (偏差原因分析及改进措施) [deviation-missing];
- what the parser itself reported as an error [parse-<code>].

Every finding above is an error (the form contradicts itself or its template), except
``grade-missing`` and the rules that could not be checked for want of a value, which are
warnings. Sums may drift by half a cent per term (two-decimal rounding).
"""
from __future__ import annotations

import attrs

from .model import Form
from .params import Params
from .vocab import FUND_TOTAL_ITEM, GRADE_FLOORS

DEFAULT_PARAMS = Params()


@attrs.define
class Finding:
    """One broken rule: where (file, form, row) and what."""

    level: str                  # "error" or "warning"
    code: str
    message: str
    file: str | None = None
    form_index: int = 0
    row: str = "form"           # "indicators[3]", "funds[1]", "total", "grade" or "form"
    line: int | None = None     # the form's first line in its file
    project_name: str | None = None

    def to_dict(self) -> dict:
        return attrs.asdict(self)

    def format(self) -> str:
        """``FILE:LINE: form N row: level code: message``, the shape compilers use."""
        where = f"{self.file or '<stdin>'}:{self.line or 0}"
        return f"{where}: form {self.form_index} {self.row}: {self.level} {self.code}: {self.message}"


def _num(x: float) -> str:
    return f"{x:.2f}"


def grade_of(score: float) -> str:
    """The grade a total score earns (the first of ``GRADE_FLOORS`` whose floor it reaches)."""
    return next(grade for grade, floor in GRADE_FLOORS if score >= floor)


def _close(a: float, b: float, terms: int, params: Params) -> bool:
    return abs(a - b) <= params.rounding_per_term * max(1, terms) + 1e-9


def check(form: Form, params: Params = DEFAULT_PARAMS) -> list[Finding]:
    """The findings of one record, in the order of the rules above."""
    out: list[Finding] = []

    def find(level: str, code: str, message: str, row: str = "form") -> None:
        out.append(Finding(level, code, message, form.source.file, form.source.form_index, row,
                           form.source.first_line or None, form.project_name))

    total_row = next((f for f in form.funds if f.item == FUND_TOTAL_ITEM), None)
    fund_weight = (total_row.weight or 0.0) if total_row else 0.0
    fund_score = (total_row.score or 0.0) if total_row else 0.0
    rows = form.indicators
    n_terms = len(rows) + 1

    # totals
    if form.total.weight is None or form.total.score is None:
        find("warning", "total-missing", "no 总分 row: the sums cannot be checked", "total")
    else:
        weights = sum(i.weight or 0.0 for i in rows) + fund_weight
        if not _close(weights, form.total.weight, n_terms, params):
            find("error", "weights-sum",
                 f"weights add up to {_num(weights)} (fund {_num(fund_weight)} + indicators), "
                 f"总分 says {_num(form.total.weight)}", "total")
        scores = sum(i.score or 0.0 for i in rows) + fund_score
        if not _close(scores, form.total.score, n_terms, params):
            find("error", "scores-sum",
                 f"scores add up to {_num(scores)} (fund {_num(fund_score)} + indicators), "
                 f"总分 says {_num(form.total.score)}", "total")

    # each row's score within its weight
    for j, f in enumerate(form.funds):
        if f.weight is not None and f.score is not None and f.score > f.weight + 1e-9:
            find("error", "score-over-weight", f"{f.item}: score {_num(f.score)} > weight {_num(f.weight)}",
                 f"funds[{j}]")
    for j, i in enumerate(rows):
        if i.weight is not None and i.score is not None and i.score > i.weight + 1e-9:
            find("error", "score-over-weight", f"{i.name}: score {_num(i.score)} > weight {_num(i.weight)}",
                 f"indicators[{j}]")

    # execution rates
    for j, f in enumerate(form.funds):
        if f.annual_budget is None or f.executed is None or f.execution_rate is None:
            continue
        if abs(f.annual_budget) < 1e-9:
            continue
        want = round(f.executed / f.annual_budget * 100, 2)
        if abs(want - f.execution_rate) > params.rate_tolerance:
            find("error", "execution-rate",
                 f"{f.item}: 执行率 {_num(f.execution_rate)} but {_num(f.executed)} / "
                 f"{_num(f.annual_budget)} × 100 = {_num(want)}", f"funds[{j}]")

    # fund rows add up to 年度资金总额
    parts = [f for f in form.funds if f.item != FUND_TOTAL_ITEM]
    if total_row is not None and parts:
        for column in ("initial_budget", "annual_budget", "executed"):
            whole = getattr(total_row, column)
            values = [getattr(f, column) for f in parts]
            if whole is None or all(v is None for v in values):
                continue
            s = sum(v or 0.0 for v in values)
            if not _close(s, whole, len(values), params):
                find("error", "funds-sum",
                     f"{column}: the fund rows add up to {_num(s)}, {FUND_TOTAL_ITEM} says {_num(whole)}",
                     f"funds[{form.funds.index(total_row)}]")

    # grade
    if form.total.score is not None:
        want_grade = grade_of(form.total.score)
        if form.grade is None:
            find("warning", "grade-missing", f"no 评分等级; the total {_num(form.total.score)} earns {want_grade}",
                 "grade")
        elif form.grade != want_grade:
            find("error", "grade", f"评分等级 {form.grade} but the total {_num(form.total.score)} earns {want_grade}",
                 "grade")

    # a row that lost points explains it
    for j, i in enumerate(rows):
        lost = i.weight is not None and i.score is not None and i.score < i.weight - 1e-9
        if lost and not (i.deviation or "").strip():
            find("error", "deviation-missing",
                 f"{i.name}: lost {_num(i.weight - i.score)} points without 偏差原因分析及改进措施",
                 f"indicators[{j}]")

    # what the parser could not make sense of
    for d in form.diagnostics:
        if d.level == "error":
            lines = f" (lines {', '.join(map(str, d.lines))})" if d.lines else ""
            find("error", f"parse-{d.code}", d.message + lines)
    return out
