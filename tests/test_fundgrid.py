"""The 项目资金 block printed by columns, read back by its arithmetic: the hand-made form one cell
per line (tests/handmade.py ``cells_page``) with its fund block printed column by column, and the
default-mode form for the count of broken rules. Figures are invented."""
import attrs
import pytest

import selfeval
import handmade as H
from handmade import explain
from selfeval.params import Funds

# 年初预算数, 全年预算数, 全年执行数, 执行率 of the four rows; 分数 10, 得分 8 on the first
INITIAL = [50.0, 30.0, 20.0, 0.0]
ANNUAL = [60.0, 40.0, 20.0, 0.0]
EXECUTED = [48.0, 30.0, 18.0, 0.0]
RATE = [80.0, 75.0, 90.0, 0.0]
ITEMS = "\n\n".join(("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"))
OTHER_HEADERS = ("分数", "得分", "全年执行数", "执行率(%)")


def figures(numbers):
    return "\n\n".join(f"{x:.2f}" for x in numbers)


def by_columns(numbers, header_words=("年初预算数", "全年预算数") + OTHER_HEADERS, over_first=None):
    """The fund block: its header words, the four items, then ``numbers`` one to a line (with
    ``over_first`` printed right over the first of them, as a column's header)."""
    head = "项目资金\n（万元）\n\n" + "\n\n".join(header_words) + "\n\n" + ITEMS + "\n\n"
    return head + (over_first + "\n" if over_first else "") + figures(numbers)


def form_with(funds, spent, fund_score):
    """The form one cell per line with this fund block; the 总分 row and the sum spent in the
    actual goal text follow the block."""
    return H.cells_page(funds=funds, goals=H.CELLS_GOAL_EXPECTED + "\n\n"
                        + H.CELLS_GOAL_ACTUAL.replace("95.00万元", f"{spent:.2f}万元"),
                        table=H.CELLS_TABLE.replace("100.00\n\n96.50", f"100.00\n\n{H.ROWS_SCORE + fund_score:.2f}"))


def read(text, params=selfeval.Params()):
    form, = selfeval.parse(text, params=params)
    return form


def got_rows(form):
    return [(r.initial_budget, r.annual_budget, r.executed, r.execution_rate) for r in form.funds]


def expected_rows():
    return list(zip(INITIAL, ANNUAL, EXECUTED, RATE))


def codes(form):
    return [d.code for d in form.diagnostics]


def fund_slots(explained):
    """(line, cell, slot) of each cell ``explain`` put into the fund block, in printed order."""
    return [(ln["no"], c["text"], c["slot"]) for ln in explained["lines"] for c in ln["cells"]
            if c["slot"] and c["slot"].startswith("funds")]


def explained(text):
    form, = explain(text)
    return form


def test_a_block_printed_column_by_column_is_read_back_by_its_sums_and_rates():
    # the four 年初预算数; 全年预算数 beside 分数; 得分; then 执行数 and 执行率 row by row
    printed = INITIAL + [ANNUAL[0], 10.0] + ANNUAL[1:] + [8.0]
    printed += [x for pair in zip(EXECUTED, RATE) for x in pair]
    form = read(form_with(by_columns(printed), EXECUTED[0], 8.0))
    assert got_rows(form) == expected_rows()
    assert (form.funds[0].weight, form.funds[0].score) == (10.0, 8.0)
    assert all(r.weight is None and r.score is None for r in form.funds[1:])
    assert "funds-by-arithmetic" in codes(form) and "funds-arithmetic" not in codes(form)
    assert not selfeval.check(form)


SAME = [40.0, 30.0, 10.0, 0.0]          # 年初预算数 = 全年预算数 on every row
SAME_PRINTED = SAME + SAME + [10.0, 9.0] + [36.0, 27.0, 9.0, 0.0] + [90.0, 90.0, 90.0, 0.0]


@pytest.mark.parametrize("word, column", [("年初预算数", "initial_budget"), ("全年预算数", "annual_budget")])
def test_a_header_word_over_a_number_names_its_column_when_the_arithmetic_cannot(word, column):
    # the other budget column's word printed with the header words above the items
    others = [w for w in ("年初预算数", "全年预算数") if w != word]
    text = form_with(by_columns(SAME_PRINTED, tuple(others) + OTHER_HEADERS, over_first=word), 36.0, 9.0)
    assert fund_slots(explained(text))[0][1:] == ("40.00", f"funds[0].{column}")
    assert got_rows(read(text)) == [(a, a, e, 90.0 if a else 0.0) for a, e in zip(SAME, [36.0, 27.0, 9.0, 0.0])]


def test_a_count_of_numbers_that_is_not_the_blocks_gives_no_reading():
    # the 其他资金 row's 执行率 not printed: 17 numbers, no labelling of the block's 18 cells
    printed = INITIAL + ANNUAL + [10.0, 8.0] + EXECUTED + RATE[:3]
    form = read(form_with(by_columns(printed), EXECUTED[0], 8.0))
    assert "funds-by-arithmetic" not in codes(form)
    assert "funds-arithmetic" in codes(form)          # what was read breaks the block, and says so


def broken_said(form):
    """How many of the block's sums and rates the record says it breaks."""
    said = [d.message for d in form.diagnostics if d.code == "funds-arithmetic"]
    return int(said[0].split("breaks ")[1].split()[0]) if said else 0


def test_broken_rules_are_counted():
    assert broken_said(read(H.default_page())) == 0
    text = H.default_page(funds=H.FUNDS.replace("其中：当年财政拨款 120.00", "其中：当年财政拨款 125.00"),
                          exec="\n\n".join(["95.00 95.00", "90.00 94.74", "5.00 90.00", "0.00 0.00"]))
    form = read(text)
    # 5 / 5 is 100, not 90; 125 + 0 + 0 is not 120
    assert broken_said(form) == 2
    assert [(f.code, f.row) for f in selfeval.check(form)] == [("execution-rate", "funds[2]"), ("funds-sum", "funds[0]")]


def test_a_row_with_no_budget_may_print_0_or_100_as_its_rate():
    for rate in (0, 100):
        form = read(H.with_funds([120, 120, 0, 0], [100, 95, 5, 0], [(95, 95), (90, 94.74), (5, 100), (0, rate)],
                                 (95, 95)))
        assert form.funds[3].execution_rate == rate
        assert broken_said(form) == 0 and not selfeval.check(form)


def test_the_search_tries_the_prints_habits_first():
    # whole columns one after the other, one number a line, no header word: the search carries a
    # column on before it tries another, and finds the reading well within a small budget
    printed = INITIAL + ANNUAL + [10.0, 8.0] + EXECUTED + RATE
    text = form_with(by_columns(printed), EXECUTED[0], 8.0)
    small = attrs.evolve(selfeval.Params(), funds=Funds(max_nodes=300))
    form = read(text, small)
    assert got_rows(form) == expected_rows()
    assert "funds-by-arithmetic" in codes(form) and "funds-arithmetic" not in codes(form)


def test_a_number_under_a_line_of_header_words_goes_under_the_last_when_nothing_else_tells():
    text = form_with(by_columns(SAME_PRINTED, OTHER_HEADERS, over_first="年初预算数 全年预算数"), 36.0, 9.0)
    assert fund_slots(explained(text))[0][1:] == ("40.00", "funds[0].annual_budget")


def test_the_totals_executed_and_rate_printed_after_the_rows_under_it_are_the_totals():
    # 年初预算数 and 全年预算数 as columns, 分数 得分, then 执行数 执行率 of the rows under the
    # total, and the total's last
    printed = INITIAL + ANNUAL + [10.0, 8.0]
    printed += [x for pair in zip(EXECUTED[1:], RATE[1:]) for x in pair] + [EXECUTED[0], RATE[0]]
    how = explained(form_with(by_columns(printed), EXECUTED[0], 8.0))
    form = selfeval.Form.from_dict(how["record"] | {"diagnostics": how["diagnostics"]})
    assert got_rows(form) == expected_rows() and "funds-arithmetic" not in codes(form)
    assert [slot for _, _, slot in fund_slots(how)[-2:]] == ["funds[0].executed", "funds[0].execution_rate"]


def test_a_row_with_no_budget_spends_nothing():
    # 其他资金 budgets nothing: 5 spent there breaks its rate, whether it prints 100 or 0
    for rate in (100, 0):
        form = read(H.with_funds([120, 120, 0, 0], [100, 95, 5, 0], [(100, 100), (90, 94.74), (5, 100), (5, rate)],
                                 (100, 100)))
        assert (form.funds[3].annual_budget, form.funds[3].executed) == (0.0, 5.0)
        assert broken_said(form) == 1
    form = read(H.with_funds([120, 120, 0, 0], [100, 95, 5, 0], [(95, 95), (90, 94.74), (5, 100), (0, 100)], (95, 95)))
    assert broken_said(form) == 0
