"""The form's arithmetic (sums, 执行率, totals, grade), shared by the solver and ``check``."""
from __future__ import annotations

from typing import Iterable, Sequence

from .template import NATIONAL, Template

SUMMED = ("initial_budget", "annual_budget", "executed")
EPS = 1e-9


def close_sum(total: float, parts: Iterable[float | None], t: Template = NATIONAL) -> bool:
    """``total`` = sum of ``parts``, within per-term rounding."""
    vals = [p or 0.0 for p in parts]
    return abs(total - sum(vals)) <= t.tolerance("rounding_per_term") * max(1, len(vals)) + EPS


def rate_ok(annual: float | None, executed: float | None, rate: float | None, t: Template = NATIONAL) -> bool:
    """执行率 = 执行数 / 预算数 × 100; no budget: nothing spent, rate 0 or 100."""
    if annual is None or executed is None or rate is None:
        return False
    if abs(annual) < EPS:
        return abs(executed) < EPS and (abs(rate) < EPS or abs(rate - 100.0) < EPS)
    return abs(round(executed / annual * 100, 2) - rate) <= t.tolerance("rate_tolerance")


def expected_rate(annual: float | None, executed: float | None) -> float | None:
    if annual is None or executed is None or abs(annual) < EPS:
        return None
    return round(executed / annual * 100, 2)


def fund_sum_ok(column: Sequence[float | None], t: Template = NATIONAL) -> bool:
    """A money column's first value is the sum of the rest."""
    if not column or column[0] is None:
        return False
    return abs(column[0] - sum(v or 0.0 for v in column[1:])) <= t.tolerance("money_tolerance")


def fund_broken(rows, t: Template = NATIONAL) -> int:
    """Count of broken fund sums and rates."""
    n = len(t.fund_items)
    if len(rows) != n:
        return len(SUMMED) + n
    bad = 0
    for col in SUMMED:
        vals = [getattr(r, col) for r in rows]
        bad += any(v is None for v in vals) or not fund_sum_ok(vals, t)
    for r in rows:
        bad += not rate_ok(r.annual_budget, r.executed, r.execution_rate, t)
    return bad


def lost_points(weight: float | None, score: float | None, t: Template = NATIONAL) -> bool:
    return weight is not None and score is not None and score < weight - t.tolerance("score_tolerance")


def totals(weights: Iterable[float | None], scores: Iterable[float | None], fund_weight: float | None,
           fund_score: float | None) -> tuple[float, float]:
    """Expected 总分 (weight, score)."""
    return (sum(w or 0.0 for w in weights) + (fund_weight or 0.0),
            sum(s or 0.0 for s in scores) + (fund_score or 0.0))


def total_fits(weight: float, score: float, rows: int, want: tuple[float, float], t: Template = NATIONAL) -> bool:
    tol = t.tolerance("rounding_per_term") * max(1, rows + 1) + EPS
    return abs(weight - want[0]) <= tol and abs(score - want[1]) <= tol
