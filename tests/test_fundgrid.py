"""The 项目资金 block printed by columns, read back by its arithmetic. Figures are invented."""
import attrs

from selfeval.fundgrid import Num, broken_count, read_grid
from selfeval.model import FundRow
from selfeval.legacy_params import Params

# 年初预算数, 全年预算数, 全年执行数, 执行率 of the four rows; 分数 10, 得分 8 on the first
INITIAL = [50.0, 30.0, 20.0, 0.0]
ANNUAL = [60.0, 40.0, 20.0, 0.0]
EXECUTED = [48.0, 30.0, 18.0, 0.0]
RATE = [80.0, 75.0, 90.0, 0.0]


def nums(values, header=None):
    return [Num(v, False, ((header or {})[k],) if k in (header or {}) else (), None) for k, v in enumerate(values)]


def expected_rows():
    return [(i, a, e, r) for i, a, e, r in zip(INITIAL, ANNUAL, EXECUTED, RATE)]


def got_rows(grid):
    return [(r.initial_budget, r.annual_budget, r.executed, r.execution_rate) for r in grid.rows]


def test_a_block_printed_column_by_column_is_read_back_by_its_sums_and_rates():
    # the four 年初预算数; 全年预算数 beside 分数; 得分; then 执行数 and 执行率 row by row
    printed = INITIAL + [ANNUAL[0], 10.0] + ANNUAL[1:] + [8.0]
    printed += [x for pair in zip(EXECUTED, RATE) for x in pair]
    grid = read_grid(nums(printed), Params())
    assert grid is not None and grid.broken == 0
    assert got_rows(grid) == expected_rows()
    assert (grid.rows[0].weight, grid.rows[0].score) == (10.0, 8.0)
    assert all(r.weight is None and r.score is None for r in grid.rows[1:])


def test_a_header_word_over_a_number_names_its_column_when_the_arithmetic_cannot():
    # 年初预算数 and 全年预算数 equal on every row: only the header word tells them apart
    same = [40.0, 30.0, 10.0, 0.0]
    printed = same + same + [10.0, 9.0] + [36.0, 27.0, 9.0, 0.0] + [90.0, 90.0, 90.0, 0.0]
    for column in ("initial_budget", "annual_budget"):
        assert read_grid(nums(printed, {0: column}), Params()).labels[0] == column


def test_a_count_of_numbers_that_is_not_the_blocks_gives_no_reading():
    assert read_grid(nums([1.0, 2.0, 3.0]), Params()) is None


def test_broken_rules_are_counted():
    rows = [FundRow("年度资金总额", *row) for row in zip(INITIAL, ANNUAL, EXECUTED)]
    for r, rate in zip(rows, RATE):
        r.execution_rate = rate
    assert broken_count(rows) == 0
    rows[1].execution_rate = 70.0          # 30 / 40 is 75
    rows[2].initial_budget = 25.0          # 30 + 25 + 0 is not 50
    assert broken_count(rows) == 2


def test_a_row_with_no_budget_may_print_0_or_100_as_its_rate():
    rows = [FundRow("x", 0.0, 0.0, 0.0, None, rate) for rate in (0.0, 100.0, 0.0, 0.0)]
    assert broken_count(rows) == 0


def test_the_search_tries_the_prints_habits_first():
    # whole columns one after the other, one number a line, no header word: the search carries a
    # column on before it tries another, and finds the reading well within a small budget
    printed = INITIAL + ANNUAL + [10.0, 8.0] + EXECUTED + RATE
    grid = read_grid(nums(printed), attrs.evolve(Params(), fund_max_nodes=300))
    assert grid.broken == 0 and got_rows(grid) == expected_rows()


def test_a_number_under_a_line_of_header_words_goes_under_the_last_when_nothing_else_tells():
    same = [40.0, 30.0, 10.0, 0.0]
    printed = same + same + [10.0, 9.0] + [36.0, 27.0, 9.0, 0.0] + [90.0, 90.0, 90.0, 0.0]
    line = [Num(v, False, ("initial_budget", "annual_budget") if k == 0 else (), None) for k, v in enumerate(printed)]
    assert read_grid(line, Params()).labels[0] == "annual_budget"


def test_the_totals_executed_and_rate_printed_after_the_rows_under_it_are_the_totals():
    # 年初预算数 and 全年预算数 as columns, 分数 得分, then 执行数 执行率 of the rows under the
    # total, and the total's last
    printed = INITIAL + ANNUAL + [10.0, 8.0]
    printed += [x for pair in zip(EXECUTED[1:], RATE[1:]) for x in pair] + [EXECUTED[0], RATE[0]]
    grid = read_grid(nums(printed), Params())
    assert grid.broken == 0 and got_rows(grid) == expected_rows()
    assert grid.rows_of[-2:] == [0, 0]


def test_a_row_with_no_budget_spends_nothing():
    rows = [FundRow("x", 0.0, 0.0, 0.0, None, 0.0) for _ in range(4)]
    rows[3].executed = rows[0].executed = 5.0
    rows[3].execution_rate = 100.0          # nothing budgeted: 100 may print, 5 spent may not
    assert broken_count(rows) == 2          # the total's rate and the last row's
    rows[3].executed = rows[0].executed = 0.0
    assert broken_count(rows) == 0
