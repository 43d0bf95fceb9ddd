"""The 项目资金 block of a form printed column by column, read back by its arithmetic.

A drawn form in pdftotext's default mode may print its fund block's numbers as runs of
columns (the four 年初预算数, then 全年预算数 beside 分数, …), row by row, or a mix, with a
value printed before its row's item. What holds whatever the print: each column's values
come in row order, and the block's arithmetic —

- 年度资金总额 is the sum of the three rows under it (年初预算数, 全年预算数, 全年执行数);
- 执行率 = 全年执行数 / 全年预算数 × 100 (two decimals; a row with no budget prints 0 or 100);
- 得分 ≤ 分数, both on the 年度资金总额 row only (the other rows print ``-`` or nothing).

``read_grid`` labels each number with its column (a search over the numbers in printed
order: each column's values in row order, numbers on one line left to right, a number under a
column's header word in that column, a number between two items on the row of the first when
the items are printed among the numbers) and keeps the labelling that breaks the arithmetic
least, then fits the print best.
"""
from __future__ import annotations

from typing import Sequence

import attrs

from .model import FundRow
from .params import Params
from .vocab import FUND_ITEMS

# columns with a value on every row, then those of the 年度资金总额 row alone
ROW_COLUMNS = ("initial_budget", "annual_budget", "executed", "execution_rate")
TOTAL_ONLY = ("weight", "score")
# printed order of the columns left to right
PRINT_ORDER = ("initial_budget", "annual_budget", "weight", "score", "executed", "execution_rate")
N_ROWS = len(FUND_ITEMS)
INF = float("inf")
SUMMED = ("initial_budget", "annual_budget", "executed")


@attrs.define
class Num:
    """A number of the fund block as printed."""
    value: float
    line_mate: bool        # printed on the same line as the next number
    header: str | None     # the column of a header word printed right before it
    home: int | None       # the row of the item printed before it, when items stand among numbers


@attrs.frozen
class Grid:
    rows: list[FundRow]
    broken: int            # sums and rates that do not hold
    labels: list[str]      # each number's column


def _rate_ok(annual: float, executed: float, rate: float) -> bool:
    if abs(annual) < 1e-9:
        return abs(rate) < 1e-9 or abs(rate - 100.0) < 1e-9
    return abs(round(executed / annual * 100, 2) - rate) <= 0.011


def _sum_ok(col: Sequence[float], tol: float) -> bool:
    return abs(col[0] - sum(col[1:])) <= tol


def broken_count(rows: Sequence[FundRow], tol: float = 0.015) -> int:
    """How many of the block's sums and rates do not hold (a missing value breaks its rule)."""
    bad = 0
    if len(rows) != N_ROWS:
        return 3 + N_ROWS
    for col in ("initial_budget", "annual_budget", "executed"):
        vals = [getattr(r, col) for r in rows]
        bad += any(v is None for v in vals) or not _sum_ok(vals, tol)
    for r in rows:
        bad += (r.annual_budget is None or r.executed is None or r.execution_rate is None
                or not _rate_ok(r.annual_budget, r.executed, r.execution_rate))
    return bad


def read_grid(nums: list[Num], params: Params) -> Grid | None:
    """The labelling of ``nums`` into the block's columns that breaks fewest rules and fits the
    print best (a depth-first search, cheapest choice first, cut where it cannot beat the best
    found, and at ``params.fund_max_nodes``); None when the count of numbers is not that of the
    block."""
    tol = params.money_tolerance
    need = {c: N_ROWS for c in ROW_COLUMNS} | {c: 1 for c in TOTAL_ONLY}
    if len(nums) != sum(need.values()):
        return None
    cols: dict[str, tuple] = {c: () for c in need}
    labels: list[str] = []
    best: list = [None]            # (cost, cols, labels)
    nodes = [0]

    seen: dict[tuple, float] = {}   # a state reached before at no more cost is not searched again

    def step(i: int, cost: float) -> None:
        nodes[0] += 1
        if best[0] is not None and (cost >= best[0][0] or nodes[0] > params.fund_max_nodes):
            return
        # the last label matters only to a number printed on its line
        key = (i, labels[-1] if labels and nums[i - 1].line_mate else None, tuple(cols.values()))
        if seen.get(key, INF) <= cost:
            return
        seen[key] = cost
        if i == len(nums):
            best[0] = (cost, dict(cols), list(labels))
            return
        num, prev = nums[i], nums[i - 1] if i else None
        options = []
        for col in need:
            row = len(cols[col])
            if row >= need[col]:
                continue
            if col in SUMMED and row and _parts_exceed(cols[col] + (num.value,), tol):
                continue                        # the parts may not outgrow their total
            add = 0.0
            if prev is not None and prev.line_mate:
                pcol = labels[-1]
                prow = len(cols[pcol]) - 1
                if PRINT_ORDER.index(col) <= PRINT_ORDER.index(pcol) or (
                        col in ROW_COLUMNS and pcol in ROW_COLUMNS and row != prow):
                    add += params.fund_off_line
            if num.header is not None and num.header != col:
                add += params.fund_off_header
            if num.home is not None:
                add += params.fund_off_row * abs((row if col in ROW_COLUMNS else 0) - num.home)
            cols[col] = cols[col] + (num.value,)
            add += params.fund_broken * _newly_broken(cols, col, row, tol)
            cols[col] = cols[col][:-1]
            options.append((add, col))
        # cheapest first; among equals, the print's habits: the same column on, then the next
        last = labels[-1] if labels else None
        for add, col in sorted(options, key=lambda o: (o[0], o[1] != last, PRINT_ORDER.index(o[1]))):
            cols[col] = cols[col] + (num.value,)
            labels.append(col)
            step(i + 1, cost + add)
            labels.pop()
            cols[col] = cols[col][:-1]

    step(0, 0.0)
    if best[0] is None:
        return None
    _, got, labs = best[0]
    rows = [FundRow(item, **{c: got[c][k] for c in ROW_COLUMNS},
                    **{c: (got[c][0] if k == 0 else None) for c in TOTAL_ONLY})
            for k, item in enumerate(FUND_ITEMS)]
    return Grid(rows, broken_count(rows, tol), labs)


def _parts_exceed(col: tuple, tol: float) -> bool:
    return sum(col[1:]) > col[0] + tol


def _newly_broken(cols: dict, col: str, row: int, tol: float) -> int:
    """Rules that the value just put in ``col`` at ``row`` completes and breaks."""
    bad = 0
    if col in ("initial_budget", "annual_budget", "executed") and row == N_ROWS - 1:
        bad += not _sum_ok(cols[col], tol)
    if col in ("annual_budget", "executed", "execution_rate"):
        a, e, r = cols["annual_budget"], cols["executed"], cols["execution_rate"]
        if len(a) > row and len(e) > row and len(r) > row:
            bad += not _rate_ok(a[row], e[row], r[row])
    if col in TOTAL_ONLY and cols["weight"] and cols["score"]:
        bad += cols["score"][0] > cols["weight"][0] + 1e-9
    return bad
