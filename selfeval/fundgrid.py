"""The 项目资金 block of a form printed column by column, read back by its arithmetic.

A drawn form in pdftotext's default mode may print its fund block's numbers as runs of
columns (the four 年初预算数, then 全年预算数 beside 分数, …), row by row, or a mix, with a
value printed before its row's item. What holds whatever the print: each column's values
come in row order, and the block's arithmetic —

- 年度资金总额 is the sum of the three rows under it (年初预算数, 全年预算数, 全年执行数);
- 执行率 = 全年执行数 / 全年预算数 × 100 (two decimals; a row with no budget spends nothing
  and prints 0 or 100), and no more is spent than budgeted (执行率 ≤ 100, weighed in the search);
- 得分 ≤ 分数, both on the 年度资金总额 row only (the other rows print ``-`` or nothing).

``read_grid`` labels each number with its column (a search over the numbers in printed
order: each column's values in row order, numbers on one line left to right, a number under a
column's header words in one of those columns, a number between two items on the row of the
first when the items are printed among the numbers; the 年度资金总额 row's 全年执行数 and 执行率
may come after the rows under it) and keeps the labelling that breaks the arithmetic least,
then fits the print best.
"""
from __future__ import annotations

from typing import Sequence

import attrs

from .model import FundRow
from .legacy_params import Params
from .vocab import FUND_ITEMS

# columns with a value on every row, then those of the 年度资金总额 row alone
ROW_COLUMNS = ("initial_budget", "annual_budget", "executed", "execution_rate")
TOTAL_ONLY = ("weight", "score")
# printed order of the columns left to right
PRINT_ORDER = ("initial_budget", "annual_budget", "weight", "score", "executed", "execution_rate")
N_ROWS = len(FUND_ITEMS)
INF = float("inf")
SUMMED = ("initial_budget", "annual_budget", "executed")
# the columns whose 年度资金总额 value a print may hold back until after the rows under it
DEFERRABLE = ("executed", "execution_rate")


@attrs.define
class Num:
    """A number of the fund block as printed."""
    value: float
    line_mate: bool        # printed on the same line as the next number
    header: tuple[str, ...]  # the columns of the line of header words printed right before it
    #                          (the last the likeliest, the others less so)
    home: int | None       # the row of the item printed before it, when items stand among numbers


@attrs.frozen
class Grid:
    rows: list[FundRow]
    broken: int            # sums and rates that do not hold
    labels: list[str]      # each number's column
    rows_of: list[int]     # and row


def _rate_ok(annual: float, executed: float, rate: float) -> bool:
    if abs(annual) < 1e-9:      # nothing budgeted, nothing spent; the rate prints 0 or 100
        return abs(executed) < 1e-9 and (abs(rate) < 1e-9 or abs(rate - 100.0) < 1e-9)
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
    block. A first search admits no broken rule at all, which cuts a branch as soon as it
    breaks one (so the labelling that holds is found among far fewer); a second one, which
    also lets the 年度资金总额 row's 全年执行数/执行率 come after the rows under it, must find a
    cheaper one; only when neither finds one are broken rules weighed."""
    tol = params.money_tolerance
    need = {c: N_ROWS for c in ROW_COLUMNS} | {c: 1 for c in TOTAL_ONLY}
    if len(nums) != sum(need.values()):
        return None
    found = _search(nums, need, params, strict=True, defer=False)
    found = _search(nums, need, params, strict=True, defer=True, bound=found) or found
    found = found or _search(nums, need, params, strict=False, defer=False)
    if found is None:
        return None
    _, got, labs, rows_of = found
    rows = [FundRow(item, **{c: got[c][k] for c in ROW_COLUMNS},
                    **{c: (got[c][0] if k == 0 else None) for c in TOTAL_ONLY})
            for k, item in enumerate(FUND_ITEMS)]
    return Grid(rows, broken_count(rows, tol), labs, rows_of)


def _search(nums: list[Num], need: dict[str, int], params: Params, strict: bool, defer: bool,
            bound=None):
    """(cost, columns, labels, rows) of the cheapest labelling found (cheaper than ``bound``,
    a labelling found before), or None. A column's values come in row order; with ``defer``,
    the 年度资金总额 row's 全年执行数/执行率 may come after the rows under it (the column
    "deferred": its first value goes to row 1, its last to row 0). ``strict``: no rule may
    break."""
    tol = params.money_tolerance
    cols: dict[str, tuple] = {c: () for c in need}     # row order; None: row 0 still to come
    labels: list[str] = []
    rows_of: list[int] = []
    best: list = [bound]           # (cost, cols, labels, rows)
    nodes = [0]

    seen: dict[tuple, float] = {}   # a state reached before at no more cost is not searched again

    def step(i: int, cost: float) -> None:
        nodes[0] += 1
        if nodes[0] > params.fund_max_nodes and (strict or best[0] is not None):
            return
        if best[0] is not None and cost >= best[0][0]:
            return
        # the last label matters only to a number printed on its line
        key = (i, labels[-1] if labels and nums[i - 1].line_mate else None, tuple(cols.values()))
        if seen.get(key, INF) <= cost:
            return
        seen[key] = cost
        if i == len(nums):
            best[0] = (cost, dict(cols), list(labels), list(rows_of))
            return
        num, prev = nums[i], nums[i - 1] if i else None
        options = []
        for col in need:
            for row, vals, add in _places(cols[col], col, num.value, need[col], defer, params):
                if col in SUMMED and len(vals) > 1 and vals[0] is not None \
                        and _parts_exceed(vals, tol):
                    continue                    # the parts may not outgrow their total
                if prev is not None and prev.line_mate:
                    pcol, prow = labels[-1], rows_of[-1]
                    if PRINT_ORDER.index(col) <= PRINT_ORDER.index(pcol) or (
                            col in ROW_COLUMNS and pcol in ROW_COLUMNS and row != prow):
                        add += params.fund_off_line
                if num.header and col != num.header[-1]:
                    add += params.fund_off_header / (2 if col in num.header else 1)
                if num.home is not None:
                    add += params.fund_off_row * abs((row if col in ROW_COLUMNS else 0) - num.home)
                old, cols[col] = cols[col], vals
                broken = _newly_broken(cols, col, row, tol)
                cols[col] = old
                if strict and broken:
                    continue
                add += params.fund_broken * broken
                options.append((add, col, row, vals))
        # cheapest first; among equals, the print's habits: the same column on, then the next
        last = labels[-1] if labels else None
        for add, col, row, vals in sorted(options, key=lambda o: (o[0], o[1] != last,
                                                                  PRINT_ORDER.index(o[1]))):
            old, cols[col] = cols[col], vals
            labels.append(col)
            rows_of.append(row)
            step(i + 1, cost + add)
            labels.pop()
            rows_of.pop()
            cols[col] = old

    step(0, 0.0)
    return best[0] if best[0] is not bound else None


def _places(vals: tuple, col: str, value: float, need: int, defer: bool, params: Params):
    """(row, the column's values after, cost) of each place ``value`` may take in ``col``."""
    pending = bool(vals) and vals[0] is None
    if len(vals) - pending >= need:
        return []
    if pending and len(vals) == need:
        return [(0, (value,) + vals[1:], 0.0)]          # the deferred 年度资金总额 row at last
    out = [(len(vals), vals + (value,), 0.0)]
    if defer and not vals and col in DEFERRABLE:
        out.append((1, (None, value), params.fund_deferred))
    return out


def _parts_exceed(col: tuple, tol: float) -> bool:
    return sum(col[1:]) > col[0] + tol


def _newly_broken(cols: dict, col: str, row: int, tol: float) -> int:
    """Rules that the value just put in ``col`` at ``row`` completes and breaks."""
    bad = 0
    vals = cols[col]
    if col in SUMMED and len(vals) == N_ROWS and vals[0] is not None and (row == 0 or row == N_ROWS - 1):
        bad += not _sum_ok(vals, tol)
    if col == "execution_rate" and vals[row] > 100.0 + 1e-9:
        bad += 1                # no more spent than budgeted
    if col in ("annual_budget", "executed", "execution_rate"):
        a, e, r = cols["annual_budget"], cols["executed"], cols["execution_rate"]
        if len(a) > row and len(e) > row and len(r) > row and None not in (a[row], e[row], r[row]):
            bad += not _rate_ok(a[row], e[row], r[row])
    if col in TOTAL_ONLY and cols["weight"] and cols["score"]:
        bad += cols["score"][0] > cols["weight"][0] + 1e-9
    return bad
