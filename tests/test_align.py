"""Layout recovery on small hand-made scrambles of one invented form (tests/handmade.py):
each test moves blocks the way default-mode pdftotext dumps do and checks that every field
comes back."""
import pytest

import selfeval
import handmade as H
from handmade import expected, project


def parse_one(text):
    forms = selfeval.parse(text)
    assert len(forms) == 1
    return forms[0]


def assert_fields(text, want=H.EXPECTED):
    form = parse_one(text)
    got = project(form.to_dict(), want)
    for key in want:
        if key == "indicators":
            for i, (g, w) in enumerate(zip(got[key], want[key])):
                assert g == w, f"row {i + 1}"
        assert got[key] == want[key], key
    return form


def codes(form):
    return [d.code for d in form.diagnostics]


# --- the base form and its order ---------------------------------------------------------------

def test_hand_made_form_in_reading_order():
    form = assert_fields(H.default_page())
    assert "unassigned" not in codes(form)


def test_title_block_first_instead_of_last():
    text = H.page(H.TITLE, H.FUNDS, H.VALUES, H.FUND_LABEL, H.GOAL_ACTUAL, H.GOAL_EXPECTED,
                  H.GOALS_LABELS, H.PARKED, H.TOTAL_AND_GRADE, H.names_block((1, 2, 3, 4, 5, 6, 7, 8)),
                  H.EXEC_HEADER, "\n\n".join(H.EXEC_PAIRS), H.GOALS_HEADER)
    assert_fields(text)


# --- the 三级 column in chunks -------------------------------------------------------------------

@pytest.mark.parametrize("bands", [
    ((6, 7, 8), (3, 4, 5), (1, 2)),          # bands bottom-up, header on top of row 1
    ((8,), (4, 5, 6, 7), (1, 2, 3)),
    ((5, 6, 7, 8), (1, 2, 3, 4)),
])
def test_name_chunks_in_another_order_are_put_back(bands):
    assert_fields(H.default_page(names=H.names_block(*bands)))


def test_name_chunk_order_needs_the_lexical_cues():
    # no chunk has a deviation here, so only 及时/健全/率/成本… tie names to rows
    names = [n.split("\n")[0].split(" ")[0] for n in H.NAMES]
    block = "\n\n".join(["\n".join(names[5:8]), "\n".join(names[2:5]), H.NAMES_HEADER,
                         "\n".join(names[0:2])])
    values = H.VALUES.replace("20.00(场) 10.00 8.00", "24.00(场) 10.00 10.00").replace(
        "92.50(%) 20.00 19.00", "92.50(%) 20.00 20.00").replace("100.00 96.50", "100.00 99.50")
    want = expected(total={"weight": 100.0, "score": 99.5}, indicators=[
        dict(row, score=row["weight"], deviation=None,
             actual="24.00(场)" if row["actual"] == "20.00(场)" else row["actual"])
        for row in H.EXPECTED["indicators"]])
    assert_fields(H.default_page(names=block, values=values), want)


# --- labels ------------------------------------------------------------------------------------------

def test_labels_parked_away_from_their_rows():
    values = (H.VALUES.replace("质量指标 ≥98.00(%)", "≥98.00(%)").replace("时效指标 及时", "及时")
              .replace("社会效益指\n标\n\n", ""))
    parked = H.PARKED + "\n\n质量指标\n\n时效指标\n\n社会效益指\n标"
    form = assert_fields(H.default_page(values=values, parked=parked))
    assert "unassigned" not in codes(form)


def test_one_row_groups_labelled_only_by_wrapped_labels_before_them():
    values = H.VALUES.replace("质量指标 ≥98.00(%)", "质量指标\n\n≥98.00(%)")
    assert_fields(H.default_page(values=values))


# --- deviations ------------------------------------------------------------------------------------------

def test_deviation_wrapped_with_blank_lines_inside():
    names = list(H.NAMES)
    # wrapped at the column's width (15 characters), as the PDF producer wraps
    names[2] = "读者活动举办场次\n部分活动因场地维修顺延至次年举\n\n办。"
    names[7] = "读者满意度\n部分读者反映周末开放时间偏短，\n\n下一年度将延长周末开放时长。"
    want = expected(indicators=[dict(r) for r in H.EXPECTED["indicators"]])
    want["indicators"][7]["deviation"] = "部分读者反映周末开放时间偏短，下一年度将延长周末开放时长。"
    original = H.NAMES[:]
    try:
        H.NAMES[:] = names
        block = H.names_block((6, 7, 8), (3, 4, 5), (1, 2))
    finally:
        H.NAMES[:] = original
    assert_fields(H.default_page(names=block), want)


def test_form_with_no_deviations_at_all():
    values = H.VALUES.replace("20.00(场) 10.00 8.00", "24.00(场) 10.00 10.00").replace(
        "92.50(%) 20.00 19.00", "92.50(%) 20.00 20.00").replace("100.00 96.50", "100.00 99.50")
    names = "\n".join(n.split("\n")[0].split(" ")[0] for n in H.NAMES)
    block = H.NAMES_HEADER + "\n\n" + names
    want = expected(total={"weight": 100.0, "score": 99.5}, indicators=[
        dict(row, score=row["weight"], deviation=None,
             actual="24.00(场)" if row["actual"] == "20.00(场)" else row["actual"])
        for row in H.EXPECTED["indicators"]])
    form = assert_fields(H.default_page(values=values, names=block), want)
    assert all(ind.deviation is None for ind in form.indicators)


# --- goals ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("first, second", [(H.GOAL_EXPECTED, H.GOAL_ACTUAL), (H.GOAL_ACTUAL, H.GOAL_EXPECTED)],
                         ids=["expected-first", "actual-first"])
def test_goals_in_either_order(first, second):
    assert_fields(H.default_page(goals=first + "\n\n" + second))


# neither text says 计划/确保 … nor 实际/已 …: only the figures of the form tell them apart
PLAN = "新增馆藏图书3000册以上，举办读者活动24场，提升社区阅读服务\n水平，读者满意度达到90%以上。"
DONE = "全年用款95.00万元，新增馆藏图书3120册，举办读者活动20场，图\n书编目准确率99.1%，读者满意度92.5%。"


@pytest.mark.parametrize("first, second", [(PLAN, DONE), (DONE, PLAN)], ids=["plan-first", "done-first"])
def test_goals_told_apart_by_amounts_that_match_the_form(first, second):
    # 95.00 is the 全年执行数, 3120 and 20 the rows' 实际完成值; 3000 and 24 are only targets
    form = parse_one(H.default_page(goals=first + "\n\n" + second))
    assert form.goals.expected == PLAN.replace("\n", "")
    assert form.goals.actual == DONE.replace("\n", "")
    assert "goal-order-uncertain" not in codes(form)


# --- the 全年执行数 / 执行率 block -----------------------------------------------------------------------

EXEC = "\n\n".join(H.EXEC_PAIRS)


@pytest.mark.parametrize("where", ["before-header", "after-header", "split-by-header"])
def test_execution_block_before_after_or_around_its_header(where):
    if where == "before-header":
        exec_block, header = EXEC, H.EXEC_HEADER          # pairs early, header at the end
    elif where == "after-header":
        exec_block, header = H.EXEC_HEADER + "\n\n" + EXEC, ""
    else:
        # the lower rows printed first, then the header on top of rows 1–2
        exec_block = "\n\n".join(H.EXEC_PAIRS[2:] + [H.EXEC_HEADER] + H.EXEC_PAIRS[:2])
        header = ""
    assert_fields(H.default_page(exec=exec_block, exec_header=header))


def fund_rows(form):
    return [(f.annual_budget, f.executed, f.execution_rate) for f in form.funds]


def test_execution_pairs_follow_arithmetic_not_position():
    # printed order disagrees with the rows; only executed / annual × 100 = rate tells them apart
    text = H.with_funds([120, 120, 0, 0], [100, 95, 5, 0], [(90, 94.74), (95, 95), (0, 0), (5, 100)], (95, 95))
    form = assert_fields(text)
    assert fund_rows(form) == [(100.0, 95.0, 95.0), (95.0, 90.0, 94.74), (5.0, 5.0, 100.0), (0.0, 0.0, 0.0)]
    assert "funds-arithmetic" not in codes(form)


def test_execution_pairs_that_fit_any_row_keep_their_printed_order():
    # two rows with no budget: (0, 0) and (0, 100) fit either, so the print's order decides
    text = H.with_funds([60, 60, 0, 0], [50, 50, 0, 0], [(50, 100), (50, 100), (0, 0), (0, 100)], (50, 100))
    form = parse_one(text)
    assert fund_rows(form) == [(50.0, 50.0, 100.0), (50.0, 50.0, 100.0), (0.0, 0.0, 0.0), (0.0, 0.0, 100.0)]
    assert not selfeval.check(form)


def test_zero_pairs_printed_first_do_not_take_the_total_row():
    # (0, 0) fits rate = 0 / annual for any row; the 执行数 column's sum decides
    text = H.with_funds([60, 60, 0, 0], [54.1, 54.1, 0, 0], [(0, 0), (0, 0), (54.1, 100), (54.1, 100)],
                        (54.1, 100), header_after=2)
    form = parse_one(text)
    assert fund_rows(form) == [(54.1, 54.1, 100.0), (54.1, 54.1, 100.0), (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)]
    assert "funds-arithmetic" not in codes(form) and not selfeval.check(form)


def test_execution_rate_that_fits_no_row_is_reported():
    # 80 / 100 is 80, not 90: whichever rows the pairs go to, the rate is wrong
    text = H.with_funds([100, 100, 0, 0], [100, 100, 0, 0], [(80, 90), (80, 90), (0, 0), (0, 0)], (80, 90))
    form = parse_one(text)
    lines = text.split("\n")
    pair_lines = [no for no, line in enumerate(lines, 1) if line == "80.00 90.00"]
    reported = [d for d in form.diagnostics if d.code == "funds-arithmetic"]
    assert reported and set(pair_lines) <= set(reported[0].lines)
    assert [(f.code, f.row) for f in selfeval.check(form)] == [("execution-rate", "funds[0]"),
                                                              ("execution-rate", "funds[1]")]


# --- pages ------------------------------------------------------------------------------------------

def test_two_forms_separated_by_blank_lines():
    text = H.default_page() + "\n\n\n" + H.default_page()
    forms = selfeval.parse(text)
    assert len(forms) == 2
    for f in forms:
        assert project(f.to_dict(), H.EXPECTED) == H.EXPECTED
    assert forms[1].source.first_line > forms[0].source.last_line


def test_two_forms_separated_by_a_form_feed():
    text = H.default_page() + "\f" + H.default_page()
    forms = selfeval.parse(text)
    assert [project(f.to_dict(), H.EXPECTED) for f in forms] == [H.EXPECTED, H.EXPECTED]


def test_two_forms_run_together_on_one_page():
    one = H.page(H.TITLE, H.FUNDS, H.VALUES, H.FUND_LABEL, H.GOAL_ACTUAL, H.GOAL_EXPECTED,
                 H.GOALS_LABELS, H.PARKED, H.TOTAL_AND_GRADE, H.names_block((1, 2, 3, 4, 5, 6, 7, 8)),
                 H.EXEC_HEADER, "\n\n".join(H.EXEC_PAIRS), H.GOALS_HEADER)
    forms = selfeval.parse(one + "\n" + one)
    assert [project(f.to_dict(), H.EXPECTED) for f in forms] == [H.EXPECTED, H.EXPECTED]


def test_fund_header_word_cut_by_a_wrap_still_names_its_column():
    text = H.default_page().replace("年初预算数 全年预算数 分数 得分", "年初预算数 全年预算 分数 得分\n数")
    form = selfeval.parse(text)[0]
    assert [(f.item, f.initial_budget, f.annual_budget, f.weight, f.score) for f in form.funds][:1] == \
        [("年度资金总额", 120.0, 100.0, 10.0, 9.5)]
