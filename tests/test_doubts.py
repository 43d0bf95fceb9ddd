"""What a finished record makes doubtful is said, row by row, and only there: a name that
reads as another 二级 group than its row's, a deviation that breaks off where the form's
others end a sentence, goal texts that do not read as one paragraph each. Names and texts
are invented."""
from selfeval.build import Books, _cross_check
from selfeval.cellseq import Cell, CellTable, _check_goals
from selfeval.classify import classify
from selfeval.decode import split_lines
from selfeval.model import Form, Indicator
from selfeval.legacy_params import Params


def row(level2, name, weight=10.0, score=10.0, deviation=None):
    return Indicator("产出指标", level2, name, "达标", "达成指标", weight=weight, score=score, deviation=deviation)


def doubts(indicators, text=""):
    form, books = Form(), Books()
    form.indicators = indicators
    _cross_check(classify(split_lines(text)), form, books)
    return [(d.code, d.message.split(":")[0], d.lines) for d in books.diagnostics]


def test_a_name_that_reads_as_another_group_than_its_rows_is_doubted_with_its_line():
    got = doubts([row("数量指标", "图书借阅人数"), row("数量指标", "读者满意度")], "图书借阅人数\n读者满意度\n")
    assert got == [("name-group-conflict", "indicators[1]", [2])]


def test_names_that_fit_their_groups_or_say_nothing_are_not_doubted():
    assert doubts([row("时效指标", "开放时间及时性"), row("服务对象满意度指标", "读者满意度"),
                   row("数量指标", "馆藏更新")]) == []


def test_a_deviation_that_breaks_off_among_ones_that_end_is_doubted():
    rows = [row("数量指标", "甲", 10, 8, "部分读者流失。"), row("数量指标", "乙", 10, 8, "供货周期较长，将加大"),
            row("数量指标", "丙", 10, 8, "座位不足。")]
    assert [(c, k) for c, k, _ in doubts(rows)] == [("deviation-uncertain", "indicators[1]")]


def test_a_form_whose_deviations_never_end_a_sentence_has_that_habit_and_no_doubt():
    rows = [row("数量指标", "甲", 10, 8, "部分读者流失"), row("数量指标", "乙", 10, 8, "供货周期较长")]
    assert doubts(rows) == []


def goal_doubts(texts_by_line, cuts):
    texts = dict(texts_by_line)
    goals = [Cell("".join(texts[no] for no in nos), list(nos), 0, kind="taken") for nos in cuts]
    out = CellTable()
    _check_goals(goals, texts, Params(), out)
    return [(d.code, d.message.split(":")[0]) for d in out.diagnostics]


WIDE = "计划全年开放图书馆三百天，力争借阅量增长百分之五，读者满意度达到九十"


def test_goal_texts_each_one_paragraph_are_not_doubted():
    lines = [(1, WIDE), (2, "以上。"), (4, "2023年度图书馆运营全年预算一百万元，实际支出九十"), (5, "万元。")]
    assert goal_doubts(lines, [(1, 2), (4, 5)]) == []


def test_a_goal_text_that_runs_into_a_years_account_is_doubted():
    lines = [(1, WIDE), (2, "以上。"), (4, WIDE), (5, "2023年度图书馆运营全年预算一百万元，实际支出九十万元。")]
    assert goal_doubts(lines, [(1, 2), (4, 5)]) == [("goal-uncertain", "实际完成情况")]


def test_a_goal_text_missing_is_said():
    assert goal_doubts([(1, WIDE + "以上。")], [(1,)]) == [("goal-missing", "1 of the two goal texts found")]


def test_where_rows_are_printed_whole_the_doubt_is_only_information():
    # real forms bend the cue habits (设备故障发生次数 under 社会效益指标): where a name stands on
    # its row's line, a conflict is reported but not raised
    form, books = Form(), Books()
    form.indicators = [row("社会效益指标", "设备故障发生次数")]
    _cross_check([], form, books, "default")
    assert [(d.level, d.code) for d in books.diagnostics] == [("info", "name-group-conflict")]


def test_a_deviation_on_a_full_row_beside_a_row_that_lost_points_without_one_is_doubted():
    rows = [row("数量指标", "甲", 10, 8), row("数量指标", "乙", 10, 10, "供货周期较长。"),
            row("数量指标", "丙", 10, 10)]
    assert [(c, k) for c, k, _ in doubts(rows)] == [("deviation-uncertain", "indicators[1]")]
    rows[0].deviation = "部分读者流失。"          # the row that lost points explains itself
    assert doubts(rows) == []
