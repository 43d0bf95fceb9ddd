"""The 项目资金 block: numbers into its rows × columns grid, by the print and the arithmetic. Rows on
lines take the order-keeping subset of columns whose 执行率 holds; detached 执行数 / 执行率 pairs go to
the rows they make hold; a block printed by columns is labelled by a search breaking the arithmetic least.
"""
from __future__ import annotations

import itertools
from typing import Sequence

import attrs

from ..arith import SUMMED, fund_broken, fund_sum_ok, rate_ok
from ..grid import Cell
from ..model import FundRow
from ..params import Params
from ..text import number_or_none

COLUMNS = ("initial_budget", "annual_budget", "weight", "score", "executed", "execution_rate")
ROW_COLUMNS = ("initial_budget", "annual_budget", "executed", "execution_rate")
TOTAL_ONLY = ("weight", "score")
DEFERRABLE = ("executed", "execution_rate")
INF = float("inf")


def _value(c: Cell | None) -> float | None:
    return None if c is None else number_or_none(c.text)


def _subsets(values: int, columns: list[str]):
    if values >= len(columns):
        yield tuple(columns) + tuple(c for c in COLUMNS if c not in columns)
        return
    yield from itertools.combinations(columns, values)


def _row_fit(row: int, cols: tuple, vals: list[float | None], p: Params) -> tuple:
    """How a row's values fit ``cols``: (broken 执行率, sub-row given 分值/得分, a column skipped)."""
    got = dict(zip(cols, vals))
    broken = 0
    if "execution_rate" in got and got.get("execution_rate") is not None:
        broken = not rate_ok(got.get("annual_budget"), got.get("executed"), got["execution_rate"], p.template)
    sub_scores = row > 0 and any(got.get(c) is not None for c in TOTAL_ONLY)
    return broken, sub_scores


def fit_row(row: int, cells: list[Cell], columns: list[str], p: Params) -> dict[str, Cell]:
    vals = [_value(c) for c in cells]
    best, best_key = None, None
    for k, cols in enumerate(_subsets(len(cells), columns)):
        key = _row_fit(row, cols, vals, p) + (k,)
        if best_key is None or key < best_key:
            best, best_key = cols, key
    return dict(zip(best or (), cells))


def assign_pairs(rows: list[FundRow], pairs: list[tuple[Cell, Cell]], p: Params) -> list[tuple[Cell, Cell] | None]:
    """Each row lacking 执行数/执行率 gets the detached pair making its 执行率 hold; print order breaks ties."""
    need = [k for k, r in enumerate(rows) if r.executed is None and r.execution_rate is None]
    out: list[tuple[Cell, Cell] | None] = [None] * len(rows)
    if not need or not pairs:
        return out
    pairs = pairs[:2 * len(rows)]
    take = min(len(need), len(pairs))

    def cost(assign):
        broken = sum(not rate_ok(rows[k].annual_budget, _value(a), _value(b), p.template)
                     for k, (a, b) in zip(need, assign))
        order = sum(1 for x, y in itertools.combinations(assign, 2) if pairs.index(x) > pairs.index(y))
        column = [rows[k].executed for k in range(len(rows))]
        for k, (a, _) in zip(need, assign):
            column[k] = _value(a)
        sums = 0 if None in column else int(not fund_sum_ok(column, p.template))
        return broken, sums, order

    best = min(itertools.permutations(pairs, take), key=cost)
    for k, pair in zip(need, best):
        out[k] = pair
    return out


@attrs.define
class Num:
    cell: Cell
    value: float
    line_mate: bool            # printed on the same line as the next number
    header: tuple[str, ...]    # the columns of the header words printed right before it
    home: int | None           # row of the item printed before it, if items stand among numbers


@attrs.frozen
class Grid:
    rows: list[FundRow]
    broken: int
    labels: list[str]          # each number's column
    rows_of: list[int]         # and row


def read_stream(nums: list[Num], p: Params, loose: bool = True) -> Grid | None:
    """Label ``nums`` with the block's columns: fewest broken rules, then best fit; None on a wrong count
    (``loose=False``: None too when no labelling keeps every rule strictly)."""
    items = p.template.fund_item_names
    need = {c: len(items) for c in ROW_COLUMNS} | {c: 1 for c in TOTAL_ONLY}
    if len(nums) != sum(need.values()):
        return None
    search = _Search(nums, need, p)
    found = search.run(strict=True, defer=False)
    found = search.run(strict=True, defer=True, bound=found) or found
    found = found or (search.run(strict=False, defer=False) if loose else None)
    if found is None:
        return None
    _, got, labs, rows_of = found
    rows = [FundRow(item, **{c: got[c][k] for c in ROW_COLUMNS},
                    **{c: (got[c][0] if k == 0 else None) for c in TOTAL_ONLY})
            for k, item in enumerate(items)]
    return Grid(rows, fund_broken(rows, p.template), labs, rows_of)


class _Search:
    """Depth-first search in print order, cheapest first, bounded, memoised, capped at ``Funds.max_nodes``."""

    def __init__(self, nums: list[Num], need: dict[str, int], p: Params):
        self.nums, self.need, self.p = nums, need, p
        self.tol = p.template.tolerance("money_tolerance")
        self.n = len(p.template.fund_items)

    def run(self, strict: bool, defer: bool, bound=None):
        self.strict, self.defer = strict, defer
        self.cols: dict[str, tuple] = {c: () for c in self.need}
        self.labels: list[str] = []
        self.rows_of: list[int] = []
        self.best = bound
        self.nodes = 0
        self.seen: dict[tuple, float] = {}
        self.step(0, 0.0)
        return self.best if self.best is not bound else None

    def step(self, i: int, cost: float) -> None:
        self.nodes += 1
        if self.nodes > self.p.funds.max_nodes and (self.strict or self.best is not None
                                                    or self.nodes > self.p.funds.loose_cap * self.p.funds.max_nodes):
            return      # a loose search with nothing found stops too, later: stray numbers fit no block
        if self.best is not None and cost >= self.best[0]:
            return
        nums, labels = self.nums, self.labels
        key = (i, labels[-1] if labels and nums[i - 1].line_mate else None, tuple(self.cols.values()))
        if self.seen.get(key, INF) <= cost:
            return
        self.seen[key] = cost
        if i == len(nums):
            self.best = (cost, dict(self.cols), list(labels), list(self.rows_of))
            return
        last = labels[-1] if labels else None
        for add, col, row, vals in sorted(self.options(i), key=lambda o: (o[0], o[1] != last, COLUMNS.index(o[1]))):
            old, self.cols[col] = self.cols[col], vals
            labels.append(col)
            self.rows_of.append(row)
            self.step(i + 1, cost + add)
            labels.pop()
            self.rows_of.pop()
            self.cols[col] = old

    def options(self, i: int):
        f = self.p.funds
        num, prev = self.nums[i], self.nums[i - 1] if i else None
        out = []
        for col in self.need:
            for row, vals, add in self.places(self.cols[col], col, num.value):
                if col in SUMMED and len(vals) > 1 and vals[0] is not None and sum(vals[1:]) > vals[0] + self.tol:
                    continue                    # the parts may not outgrow their total
                if prev is not None and prev.line_mate:
                    pcol, prow = self.labels[-1], self.rows_of[-1]
                    if COLUMNS.index(col) <= COLUMNS.index(pcol) or (
                            col in ROW_COLUMNS and pcol in ROW_COLUMNS and row != prow):
                        add += f.off_line
                if num.header and col != num.header[-1]:
                    add += f.off_header / (2 if col in num.header else 1)
                if num.home is not None:
                    add += f.off_row * abs((row if col in ROW_COLUMNS else 0) - num.home)
                old, self.cols[col] = self.cols[col], vals
                broken = self.newly_broken(col, row)
                self.cols[col] = old
                if self.strict and broken:
                    continue
                out.append((add + f.broken * broken, col, row, vals))
        return out

    def places(self, vals: tuple, col: str, value: float):
        """(row, the column's values after, cost) of each place ``value`` may take in ``col``."""
        need = self.need[col]
        pending = bool(vals) and vals[0] is None
        if len(vals) - pending >= need:
            return []
        if pending and len(vals) == need:
            return [(0, (value,) + vals[1:], 0.0)]          # the deferred 年度资金总额 row at last
        out = [(len(vals), vals + (value,), 0.0)]
        if self.defer and not vals and col in DEFERRABLE:
            out.append((1, (None, value), self.p.funds.deferred))
        return out

    def newly_broken(self, col: str, row: int) -> int:
        """Rules that the value just put in ``col`` at ``row`` completes and breaks."""
        cols, t = self.cols, self.p.template
        bad = 0
        vals = cols[col]
        if col in SUMMED and len(vals) == self.n and vals[0] is not None and row in (0, self.n - 1):
            bad += not fund_sum_ok(vals, t)
        if col == "execution_rate" and vals[row] > 100.0 + 1e-9:
            bad += 1                # no more spent than budgeted
        if col in ("annual_budget", "executed", "execution_rate"):
            a, e, r = cols["annual_budget"], cols["executed"], cols["execution_rate"]
            if len(a) > row and len(e) > row and len(r) > row and None not in (a[row], e[row], r[row]):
                bad += not rate_ok(a[row], e[row], r[row], t)
        if col in TOTAL_ONLY and cols["weight"] and cols["score"]:
            bad += cols["score"][0] > cols["weight"][0] + 1e-9
        return bad


def broken(rows: Sequence[FundRow], p: Params) -> int:
    return fund_broken(rows, p.template)
