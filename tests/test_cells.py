"""One cell per line (a spreadsheet's PDF in pdftotext's default mode): the cells cut and
typed, and the rows rebuilt from each type's stream. The forms are written by hand; names and
figures are invented."""
import itertools

from hypothesis import given, settings, strategies as st

import selfeval
from selfeval.cells import prose_marks
from selfeval.cellseq import Cell, CellTable, _align_in_order, _column_homes, _group_order, _join_deviation_pieces, _place_deviations, _placed_rows, _printed_by_rows, _two_columns, _untangle_goals, cut_cells, looks_like_body, min_cost_assignment
from selfeval.classify import classify
from selfeval.decode import split_lines
from selfeval.dialect import detect_mode
from selfeval.legacy_params import Params
from selfeval.reassemble import Row


def cells(*lines):
    return [(c.text, c.kind) for c in cut_cells(classify(split_lines("\n".join(lines))), set(), Params())]


def blocks(*cells_):
    """Each cell on its own line, a blank line between cells (as pdftotext prints them)."""
    return "\n\n".join(cells_) + "\n"


HEAD = ["财政项目支出绩效自评表", "（2023年度）", "项目名称", "社区图书馆运营补助", "主管部门",
        "江北市临川区文化旅游局", "项目资金\n（万元）", "年度\n总体\n目标", "一级指标", "实施单位",
        "江北市临川区图书馆", "年初预算数", "全年预算数", "分数", "得分", "全年执行数", "执行率(%)"]
FUNDS = ["年度资金总额", "100.00", "100.00", "10.00", "{fund_score}", "90.00", "90.00",
         "其中：当年财政拨款", "100.00", "100.00", "-", "-", "90.00", "90.00",
         "上年结转资金", "0.00", "0.00", "-", "-", "0.00", "0.00",
         "其他资金", "0.00", "0.00", "-", "-", "0.00", "0.00"]
GOALS = ["预期目标", "实际完成情况", "计划全年开放图书馆三百天，力争借阅量增长。",
         "全年实际开放图书馆三百一十天，实际支出90万元，借阅量增长百分之五。"]
TABLE_HEAD = ["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]


def form(table, tail, fund_score="9.00"):
    cells_ = HEAD + [x.format(fund_score=fund_score) for x in FUNDS] + GOALS + TABLE_HEAD + table + tail
    forms = selfeval.parse(blocks(*cells_))
    assert len(forms) == 1
    return forms[0]


def rows(f):
    return [(i.level2, i.name, i.target, i.actual, i.weight, i.score, i.deviation) for i in f.indicators]


ROWS = [
    ("数量指标", "图书借阅人数", "≥500.00(人)", "520.00(人)", "30.00", "30.00", None),
    ("时效指标", "开放时间及时性", "及时", "达成指标", "30.00", "30.00", None),
    ("服务对象满意度指标", "读者满意度", "≥90.00(%)", "80.00(%)", "30.00", "20.00", "部分读者反映座位不足。"),
]
TAIL = ["产出指标", "数量指标", "时效指标", "满意度指标", "服务对象满意度\n指标", "总分\n评分等级", "良",
        "100.00", "89.00", "偏差原因分析及改进措施"]


def expected(rows_):
    return [(l2, n, t, a, float(w), float(s), d) for l2, n, t, a, w, s, d in rows_]


def test_a_one_cell_per_line_dump_is_told_from_the_other_modes():
    text = blocks(*HEAD, *FUNDS)
    assert detect_mode(classify(split_lines(text))) == "cells"
    assert detect_mode(classify(split_lines("年度资金总额 1.00 1.00 10.00 10.00 1.00 100.00\n"))) != "cells"


def test_rows_in_printed_order_with_the_deviations_after_the_table():
    table = []
    for _, name, t, a, w, s, _ in ROWS:
        table += [name, t, a, w, s]
    f = form(table, TAIL + [ROWS[2][6]])
    assert rows(f) == expected(ROWS)
    assert (f.project_name, f.department, f.implementing_unit) == (
        "社区图书馆运营补助", "江北市临川区文化旅游局", "江北市临川区图书馆")
    assert f.funds[0].score == 9.0 and f.funds[0].executed == 90.0 and f.funds[1].weight is None
    assert f.goals.expected.startswith("计划") and f.goals.actual.startswith("全年实际")
    assert (f.total.weight, f.total.score, f.grade) == (100.0, 89.0, "良")
    assert not [d for d in f.diagnostics if d.code == "unassigned"]


def test_the_first_rows_name_printed_after_the_table_goes_back_to_it():
    table = []
    for k, (_, name, t, a, w, s, _) in enumerate(ROWS):
        table += ([] if k == 0 else [name]) + [t, a, w, s]
    f = form(table, [ROWS[0][1]] + TAIL + [ROWS[2][6]])
    assert rows(f) == expected(ROWS)


def test_a_score_printed_after_the_table_is_put_back_where_the_sums_hold():
    table = []
    for k, (_, name, t, a, w, s, _) in enumerate(ROWS):
        table += [name, t, a, w] + ([] if k == 0 else [s])
    f = form(table, TAIL + [ROWS[0][5], ROWS[2][6]])
    assert rows(f) == expected(ROWS)
    assert "number-moved" in {d.code for d in f.diagnostics}


def test_a_qualitative_target_printed_after_its_actual_is_still_its_target():
    table = []
    for k, (_, name, t, a, w, s, _) in enumerate(ROWS):
        table += [name] + ([a, w, t, s] if k == 1 else [t, a, w, s])
    f = form(table, TAIL + [ROWS[2][6]])
    assert rows(f) == expected(ROWS)


def test_a_wrapped_deviation_stands_after_its_rows_numbers():
    table = []
    for _, name, t, a, w, s, d in ROWS:
        table += [name, t, a, w, s] + (["部分读者反映座位不足，下一年度将增加阅览座位并延长", "开放时间。"] if d else [])
    table[-1] = table[-2] + "\n" + table[-1]
    del table[-2]
    f = form(table, TAIL)
    assert f.indicators[2].deviation == "部分读者反映座位不足，下一年度将增加阅览座位并延长开放时间。"


def test_no_deviation_word_is_a_deviation_not_a_name():
    table = []
    for _, name, t, a, w, s, d in ROWS:
        table += [name, t, a, w, s, d or "无"]
    f = form(table, TAIL)
    assert [i.deviation for i in f.indicators] == ["无", "无", "部分读者反映座位不足。"]
    assert [i.name for i in f.indicators] == [r[1] for r in ROWS]


def test_fund_values_printed_after_the_other_fund_rows_fill_the_columns_it_lacks():
    funds = ["年度资金总额", "100.00", "100.00"] + FUNDS[7:] + ["10.00", "9.00", "90.00", "90.00"]
    cells_ = HEAD + funds + GOALS + TABLE_HEAD
    table = []
    for _, name, t, a, w, s, _ in ROWS:
        table += [name, t, a, w, s]
    f = selfeval.parse(blocks(*cells_, *table, *TAIL, ROWS[2][6]))[0]
    assert (f.funds[0].weight, f.funds[0].score, f.funds[0].executed, f.funds[0].execution_rate) == (
        10.0, 9.0, 90.0, 90.0)


def test_wrapped_quantities_join_and_two_on_one_line_close_in_order():
    assert cells("1043.76(元/", "人/月)") == [("1043.76(元/人/月)", "actual")]
    assert cells("=3772.00(万元/年 3772.00(万元/年", ")", ")") == [
        ("=3772.00(万元/年)", "target"), ("3772.00(万元/年)", "actual")]


def test_label_pieces_join_across_a_line_of_the_next_column():
    assert cells("服务对象满意", "社区书屋受益群众满意度", "度指标") == [
        ("服务对象满意度指标", "label"), ("社区书屋受益群众满意度", "word")]
    assert cells("社会效益指标 借阅预约服务便利度提升") == [("社会效益指标", "label"), ("借阅预约服务便利度提升", "word")]
    # a merged label's two lines around a whole row of the next columns
    assert cells("经济成本", "=996.68(元/人 996.68(元/人", "图书采购支出控制数", "5.00", "5.00", "指标",
                 "次)", "次)")[0] == ("经济成本指标", "label")


def test_goal_lines_run_on_after_a_sentence_ends_a_full_line():
    got = cells("全年预算100万元，实际支出90万元，预算执行率90.00%。",
                "通过项目的实施，有效提升服务水平和群众满意度，借阅量增长百分之五。")
    assert len(got) == 1 and got[0][1] == "prose"
    two = cells("因极端天气导致施工暂停。", "", "部分读者反映座位不足。")
    assert len(two) == 2


# --- a drawn form printed column by column ----------------------------------------------------

# weights and scores that read wrong pairwise (row 2 would score above its weight)
COLUMN_ROWS = [
    ("数量指标", "图书借阅人数", "≥500.00(人)", "520.00(人)", "40.00", "40.00", None),
    ("时效指标", "开放时间及时性", "及时", "达成指标", "30.00", "30.00", None),
    ("服务对象满意度指标", "读者满意度", "≥90.00(%)", "80.00(%)", "20.00", "10.00", "部分读者反映座位不足。"),
]


def column_form(columns, tail):
    """The head as one cell per line, then the table as blocks of whole columns."""
    head = blocks(*HEAD, *[x.format(fund_score="9.00") for x in FUNDS], *GOALS, *TABLE_HEAD)
    forms = selfeval.parse(head + "\n" + "\n\n".join("\n".join(col) for col in columns) + "\n\n"
                           + blocks(*tail))
    assert len(forms) == 1
    return forms[0]


def test_a_table_printed_by_columns_is_read_by_each_columns_rank():
    columns = [[r[k] for r in COLUMN_ROWS] for k in (1, 2, 3, 4, 5)]
    f = column_form(columns, TAIL[:-3] + ["100.00", "89.00", COLUMN_ROWS[2][6]])
    assert rows(f) == expected(COLUMN_ROWS)
    codes = {d.code for d in f.diagnostics}
    assert "printed-by-columns" in codes and "numbers-by-column" in codes


def test_weights_and_scores_as_columns_with_their_header_words():
    columns = [[r[k] for r in COLUMN_ROWS] for k in (1, 2, 3)]
    columns += [["分值"] + [r[4] for r in COLUMN_ROWS], ["得分"] + [r[5] for r in COLUMN_ROWS]]
    f = column_form(columns, TAIL[:-3] + ["100.00", "89.00", COLUMN_ROWS[2][6]])
    assert [(i.weight, i.score) for i in f.indicators] == [(40.0, 40.0), (30.0, 30.0), (20.0, 10.0)]


def test_the_total_printed_apart_from_its_label_is_the_largest_number_and_the_next():
    columns = [[r[k] for r in COLUMN_ROWS] for k in (1, 2, 3, 4, 5)]
    tail = ["产出指标", "数量指标", "时效指标", "满意度指标", "服务对象满意度\n指标", "100.00", "89.00",
            "总分\n评分等级", "良", COLUMN_ROWS[2][6]]
    f = column_form(columns, tail)
    assert (f.total.weight, f.total.score) == (100.0, 89.0)
    assert [(i.weight, i.score) for i in f.indicators] == [(40.0, 40.0), (30.0, 30.0), (20.0, 10.0)]


def test_a_drawn_form_with_a_row_printed_whole_by_chance_is_still_one_cell_per_line():
    text = blocks(*HEAD, *FUNDS) + "≥500.00(人) 520.00(人) 40.00 40.00\n"
    assert detect_mode(classify(split_lines(text))) == "cells"


def test_a_digit_grouping_comma_is_no_prose():
    assert prose_marks("≤1,297.67(元/") == 0 and prose_marks("全年预算1,297万元，实际支出") == 1
    assert cells("≤1,297.67(元/ 1297.67(元/", "20.00", "台/年)", "台/年)") == [
        ("≤1,297.67(元/台/年)", "target"), ("1297.67(元/台/年)", "actual"), ("20.00", "number")]


def test_numbers_before_a_deviations_text_on_its_line_are_cells_of_their_own():
    assert cells("3.50 部分申报对象未通过资格审核。") == [("3.50", "number"), ("部分申报对象未通过资格审核。", "prose")]
    assert cells("其中：当年财政拨款 1,161.54") == [("其中：当年财政拨款", "fund_item"), ("1,161.54", "number")]


def test_a_long_names_short_tail_joins_it_but_a_value_word_does_not():
    long_name = "社区图书馆（含流动书车）借阅计划完成"
    assert cells(long_name, "数") == [(long_name + "数", "word")]
    assert cells(long_name, "及时") == [(long_name, "word"), ("及时", "word")]
    assert cells("图书借阅人", "数") == [("图书借阅人", "word"), ("数", "word")]


def test_a_long_names_one_character_tail_printed_after_its_rows_target_still_joins_it():
    long_name = "社区图书馆（含流动书车）借阅计划完成"
    assert cells(long_name, "≥500.00(册)", "数") == [(long_name + "数", "word"), ("≥500.00(册)", "target")]
    assert cells("图书借阅人", "≥500.00(册)", "数") == [("图书借阅人", "word"), ("≥500.00(册)", "target"),
                                                        ("数", "word")]


def test_a_bodys_name_wrapped_in_its_title_cell_is_joined_not_the_department_under_a_project():
    head = HEAD[:3] + ["主管部门", "社区图书馆运营补助\n江北市临川区文化旅游局"] + HEAD[6:10] \
        + ["江北市临川区图书馆服务\n中心"] + HEAD[11:]
    table = [x for _, name, t, a, w, s, _ in ROWS for x in (name, t, a, w, s)]
    f = selfeval.parse(blocks(*head, *[x.format(fund_score="9.00") for x in FUNDS], *GOALS,
                              *TABLE_HEAD, *table, *TAIL, ROWS[2][6]))[0]
    assert (f.project_name, f.department, f.implementing_unit) == (
        "社区图书馆运营补助", "江北市临川区文化旅游局", "江北市临川区图书馆服务中心")


def test_rows_are_printed_by_rows_when_most_rows_have_the_other_cell_between_their_actuals():
    def at(*pos):
        return [Cell("x", [0], 0, pos=p) for p in pos]
    actuals = at(1, 4, 7)
    assert _printed_by_rows(actuals, at(2, 5, 8))
    assert not _printed_by_rows(actuals, at(9, 10, 11))
    assert _printed_by_rows(actuals, at(0, 3, 6), before=True)


def test_bodies_are_told_by_a_place_and_an_organs_ending():
    assert looks_like_body("江北市临川区图书馆")
    assert not looks_like_body("图书借阅人数")
    assert not looks_like_body("读者满意度")


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.lists(
    st.lists(st.integers(-9, 9), min_size=n, max_size=n), min_size=1, max_size=5)))
def test_the_assignment_is_least_cost(cost):
    got = min_cost_assignment(cost)
    n_items, n_places = len(cost), len(cost[0])
    placed = [k for k in got if k is not None]
    assert len(placed) == len(set(placed)) == min(n_items, n_places)
    total = sum(cost[i][k] for i, k in enumerate(got) if k is not None)
    if n_items <= n_places:
        best = min(sum(cost[i][p[i]] for i in range(n_items))
                   for p in itertools.permutations(range(n_places), n_items))
    else:
        best = min(sum(cost[p[k]][k] for k in range(n_places))
                   for p in itertools.permutations(range(n_items), n_places))
    assert total == best


def test_prose_with_no_value_row_is_unassigned_not_a_crash():
    # found by hypothesis: ten copies of this read as one cell per line, with texts and no rows
    piece = "财政项目支出绩效自评表\n图书采购册数 ≥3000.00(册) 2500.00(册) 50.00 45.00 受供货周期影响。\n\n\n，\n0\n"
    forms = selfeval.parse(piece * 10)
    assert forms and any(d.code == "unassigned" for f in forms for d in f.diagnostics)


def blank_rows(n):
    return [Row("", "", None, None, [], [], 0, 0) for _ in range(n)]


def test_a_name_printed_among_the_values_keeps_its_row_and_the_name_column_fills_the_others():
    def cell(kind, pos):
        return Cell("x", [pos], 0, kind=kind, pos=pos)
    # the column's names (0, 1, 2), then row by row (target, actual), row 2's name after row 2's target
    seq = [cell("word", 0), cell("word", 1), cell("word", 2), cell("target", 3), cell("actual", 4),
           cell("target", 5), cell("actual", 6), cell("target", 7), cell("word", 8), cell("actual", 9),
           cell("target", 10), cell("actual", 11)]
    words = [c for c in seq if c.kind == "word"]
    actuals = [c for c in seq if c.kind == "actual"]
    targets = [c for c in seq if c.kind == "target"]
    assert _column_homes(words, seq, actuals, targets, blank_rows(4), Params(), CellTable()) == {0: 0, 1: 1, 2: 3, 8: 2}
    # names printed each before its row's target, the actuals as a column block after them
    seq = [cell("word", 0), cell("target", 1), cell("word", 2), cell("target", 3), cell("word", 4),
           cell("target", 5), cell("actual", 6), cell("actual", 7), cell("actual", 8)]
    words = [c for c in seq if c.kind == "word"]
    actuals = [c for c in seq if c.kind == "actual"]
    targets = [c for c in seq if c.kind == "target"]
    assert _column_homes(words, seq, actuals, targets, blank_rows(3), Params(), CellTable()) == {0: 0, 2: 1, 4: 2}


def test_a_deviations_lines_printed_apart_are_joined_in_print_order():
    def prose(text, pos):
        return Cell(text, [pos], pos, kind="prose", pos=pos)
    out = CellTable()
    # a three-line deviation printed in pieces, numbers between them; then a whole one
    got = _join_deviation_pieces([prose("因上级政策口径调整，馆藏档案质量", 0), prose("符合性未达到年初目标；下一步将加", 4),
                                  prose("强预算执行进度监控。", 7), prose("部分申报对象未通过资格审核。", 9)],
                                 Params(), out)
    assert [c.text for c in got] == ["因上级政策口径调整，馆藏档案质量符合性未达到年初目标；下一步将加强预算执行进度监控。",
                                     "部分申报对象未通过资格审核。"]
    assert "deviation-joined" in {d.code for d in out.diagnostics}
    whole = [prose("部分申报对象未通过资格审核。", 0), prose("加快项目推进进度。", 3)]
    assert [c.text for c in _join_deviation_pieces(whole, Params(), out)] == [c.text for c in whole]


WIDE = ["全年预算一百万元，实际支出九十万元，预算执行率百分之九十。全年开展", "图书借阅专项检查二十次，发现并整改问题四十四个；实际覆盖读者两千",
        "人次，同比增长百分之五。通过项目的实施，有效提升图书馆服务水平和群", "众满意度。"]
NARROW = ["计划全年开放图书馆三百天，力争借阅量增长；预计覆盖", "读者两千人次，年内开展借阅专项检查十九次，发现并整",
          "改问题零个。"]


def test_goal_lines_printed_interleaved_are_told_apart_by_their_widths():
    # the narrow text's short last line comes while the wide one has full lines to go: it is the narrow one's
    lines = list(enumerate([WIDE[0], "总体 " + NARROW[0], WIDE[1], "目标 " + NARROW[1], NARROW[2], WIDE[2], WIDE[3]]))
    goals = [Cell("".join(t for _, t in lines), [no for no, _ in lines], 0, kind="taken", pos=0)]
    out = CellTable()
    got = _untangle_goals(goals, dict(lines), Params(), out)
    assert sorted(c.text for c in got) == sorted(["".join(WIDE), "".join(NARROW)])
    assert "goals-interleaved" in {d.code for d in out.diagnostics}


def test_two_goal_texts_one_after_the_other_are_left_as_they_are():
    lines = list(enumerate(WIDE + NARROW))
    assert _two_columns(lines, Params()) is None
    same_width = list(enumerate(WIDE[:3] + ["改问题零个。"] + WIDE[:3] + ["众满意度。"]))
    assert _two_columns(same_width, Params()) is None


def test_fund_values_printed_under_the_三级指标_header_are_still_the_funds():
    funds = ["年度资金总额", "100.00", "100.00", "10.00", "9.00", "其中：当年财政拨款", "100.00", "100.00", "-", "-",
             "上年结转资金", "0.00", "0.00", "-", "-", "其他资金", "0.00", "0.00", "-", "-"]
    late = ["三级指标", "90.00", "90.00", "90.00", "90.00", "0.00", "0.00", "0.00", "0.00"]
    table = [x for _, name, t, a, w, s, _ in ROWS for x in (name, t, a, w, s)]
    f = selfeval.parse(blocks(*HEAD, *funds, *late, *GOALS, "年度指标值", "实际完成值", "分值", "得分",
                              *table, *TAIL, ROWS[2][6]))[0]
    assert [(r.executed, r.execution_rate) for r in f.funds] == [(90.0, 90.0), (90.0, 90.0), (0.0, 0.0), (0.0, 0.0)]
    assert rows(f) == expected(ROWS)


def test_printed_by_columns_a_label_stands_at_the_row_of_the_name_placed_after_it():
    name_of = {0: Cell("a", [1], 0, pos=2), 1: Cell("b", [2], 0, pos=5), 2: Cell("c", [3], 0, pos=9)}
    nat = _placed_rows(name_of, 3)
    assert [nat(p) for p in (0, 2, 3, 6, 10)] == [0, 0, 1, 2, 3]


def test_names_printed_as_a_column_keep_their_order_and_a_missing_one_leaves_the_row_its_cues_say():
    def row(t, a):
        return Row(t, a, 10.0, 10.0, [], [], 0, 0)
    rows_ = [row("≥500.00(人)", "520.00(人)"), row("及时", "达成指标"), row("≥90.00(%)", "95.00(%)")]
    names = [Cell("图书借阅人数", [0], 0, pos=0), Cell("读者满意度", [1], 0, pos=1)]
    # the 及时 row's name is printed elsewhere: the gap goes where the cues put it
    assert _align_in_order(names, rows_, [0, 1, 2], 3, Params()) == {0: 0, 1: 2}
    # as many names as rows: the printed order, whatever the cues
    swapped = [Cell("读者满意度", [0], 0, pos=0), Cell("图书借阅人数", [1], 0, pos=1)]
    assert _align_in_order(swapped, [rows_[0], rows_[2]], [0, 2], 3, Params()) == {0: 0, 1: 2}


def test_printed_by_columns_a_deviation_goes_to_a_row_that_lost_points_wherever_it_stands():
    names = [COLUMN_ROWS[0][1], COLUMN_ROWS[2][6], COLUMN_ROWS[1][1], COLUMN_ROWS[2][1]]   # amid the names
    columns = [names] + [[r[k] for r in COLUMN_ROWS] for k in (2, 3, 4, 5)]
    f = column_form(columns, TAIL[:-3] + ["100.00", "89.00"])
    assert [i.deviation for i in f.indicators] == [None, None, COLUMN_ROWS[2][6]]


def test_two_names_printed_together_keep_their_printed_order_when_nothing_else_tells():
    plain = [("数量指标", "甲类场馆开放天数", "达标", "达成指标", "30.00", "30.00", None),
             ("数量指标", "乙类场馆开放天数", "达标", "达成指标", "30.00", "30.00", None),
             ("数量指标", "丙类场馆开放天数", "达标", "达成指标", "30.00", "20.00", "部分场馆维修。")]
    table = list(plain[0][2:6]) + [plain[0][1], plain[1][1]] + list(plain[1][2:6]) \
        + [plain[2][1]] + list(plain[2][2:6])
    f = form(table, ["产出指标", "数量指标", "总分\n评分等级", "良", "100.00", "89.00", "偏差原因分析及改进措施",
                     plain[2][6]])
    assert [i.name for i in f.indicators] == [r[1] for r in plain]


def test_deviations_printed_together_at_a_pages_foot_go_to_the_rows_above_that_lost_points():
    rows_ = [("数量指标", "图书借阅人数", "≥500.00(人)", "450.00(人)", "20.00", "15.00", "部分读者流失。"),
             ("数量指标", "图书采购册数", "≥300.00(册)", "280.00(册)", "20.00", "18.00", "供货周期较长。"),
             ("时效指标", "开放时间及时性", "及时", "达成指标", "20.00", "20.00", None),
             ("服务对象满意度指标", "读者满意度", "≥90.00(%)", "80.00(%)", "30.00", "25.00", "座位不足。")]
    table = [x for r in rows_[:2] for x in r[1:6]] + [rows_[0][6], rows_[1][6]] \
        + [x for r in rows_[2:] for x in r[1:6]]
    f = form(table, ["产出指标", "数量指标", "时效指标", "满意度指标", "服务对象满意度\n指标", "总分\n评分等级", "良",
                     "100.00", "87.00", rows_[3][6]], fund_score="9.00")
    assert [i.deviation for i in f.indicators] == [r[6] for r in rows_]


def test_a_row_stands_where_its_actual_is_printed_not_its_target():
    (_, n1, t1, a1, w1, s1, _), (_, n2, t2, a2, w2, s2, _), (_, n3, t3, a3, w3, s3, d3) = ROWS
    # row 1's values printed after the table; row 2's target printed before row 1's 分值/得分
    table = [n1, n2, t2, w1, s1, a2, w2, s2, n3, t3, a3, w3, s3]
    f = form(table, [t1 + " " + a1] + TAIL + [d3])
    assert rows(f) == expected(ROWS)


def test_one_name_printed_rows_away_moves_back_rather_than_a_run_of_names_moving_one_row():
    names = ["甲类场馆开放天数", "乙类场馆开放天数", "丙类场馆开放天数", "丁类场馆开放天数", "戊类场馆开放天数"]
    values = ["达标", "达成指标", "18.00", "18.00"]
    # row 2's name printed after row 4, together with row 5's
    table = [names[0], *values, *values, names[2], *values, names[3], *values, names[1], names[4], *values]
    f = form(table, ["产出指标", "数量指标", "总分\n评分等级", "优", "100.00", "99.00"])
    assert [i.name for i in f.indicators] == names


def test_a_rows_numbers_printed_before_the_value_columns_header_are_still_the_tables():
    (_, n1, t1, a1, w1, s1, _), *rest = ROWS
    table = ["三级指标", n1, t1, a1, w1, s1, "年度指标值", "实际完成值", "分值", "得分"]
    table += [x for _, name, t, a, w, s, _ in rest for x in (name, t, a, w, s)]
    f = selfeval.parse(blocks(*HEAD, *[x.format(fund_score="9.00") for x in FUNDS], *GOALS, *table, *TAIL,
                              ROWS[2][6]))[0]
    assert rows(f) == expected(ROWS)


def test_a_label_printed_a_row_early_yields_to_the_rows_cues():
    rows_ = [("数量指标", "图书采购数量", "≥300.00(册)", "320.00(册)", "20.00", "20.00"),
             ("数量指标", "读者借阅数量", "≥500.00(人次)", "520.00(人次)", "20.00", "20.00"),
             ("数量指标", "讲座举办数量", "≥12.00(场)", "12.00(场)", "20.00", "20.00"),
             ("时效指标", "开放时间及时性", "及时", "达成指标", "30.00", "30.00")]
    first = rows_[0]
    # 时效指标 printed amid the first row's cells: an anchor, but not one that outweighs three rows
    table = [first[1], first[2], first[3], "时效指标", first[4], first[5]] + [x for r in rows_[1:] for x in r[1:6]]
    f = form(table, ["产出指标", "数量指标", "总分\n评分等级", "优", "100.00", "100.00"], fund_score="10.00")
    assert [i.level2 for i in f.indicators] == [r[0] for r in rows_]


def test_three_names_printed_together_name_in_order_the_rows_above_them_that_lack_one():
    rows_ = [("数量指标", "甲馆开放天数", "达标", "达成指标", "20.00", "20.00"),
             ("数量指标", "乙馆读者人数", "≥300.00(册)", "320.00(册)", "20.00", "20.00"),
             ("数量指标", "丙馆开放天数", "达标", "达成指标", "20.00", "20.00"),
             ("数量指标", "丁馆开放天数", "≥500.00(人)", "520.00(人)", "20.00", "20.00"),
             ("数量指标", "戊馆开放天数", "达标", "达成指标", "20.00", "20.00")]
    values = [r[2:6] for r in rows_]
    # rows 2 and 3 printed without names; their names and row 4's printed together before row 4
    table = [rows_[0][1], *values[0], *values[1], *values[2], rows_[1][1], rows_[2][1], rows_[3][1],
             *values[3], rows_[4][1], *values[4]]
    f = form(table, ["产出指标", "数量指标", "总分\n评分等级", "优", "100.00", "100.00"], fund_score="10.00")
    assert [i.name for i in f.indicators] == [r[1] for r in rows_]
    assert "name-run" in {d.code for d in f.diagnostics}


def test_between_two_equal_repairs_of_the_scores_the_one_that_fits_the_values_is_taken():
    rows_ = [("质量指标", "借阅服务达标率", "≥90.00(%)", "100.00(%)", "3.00", "3.00", None),
             ("社会效益指标", "阅读氛围改善", "改善", "部分达成", "5.00", "0.00", "场馆维修，活动减少。"),
             ("服务对象满意度指标", "读者满意度", "达标", "达成指标", "82.00", "82.00", None)]
    a, b, c = rows_
    # row 2's 得分 printed right after row 1's: moving it or row 1's own 得分 both make the sums hold
    table = [a[1], a[2], a[3], a[4], a[5], b[5], b[1], b[2], b[3], b[4], c[1], c[2], c[3], c[4], c[5]]
    f = form(table, ["产出指标", "质量指标", "效益指标", "社会效益指标", "满意度指标", "服务对象满意度\n指标",
                     "总分\n评分等级", "优", "100.00", "94.00", "偏差原因分析及改进措施", b[6]])
    assert [(i.weight, i.score) for i in f.indicators] == [(3.0, 3.0), (5.0, 0.0), (82.0, 82.0)]


def test_two_names_printed_together_name_the_two_rows_just_above_that_lack_one():
    rows_ = [("数量指标", "甲馆开放天数", "达标", "达成指标", "25.00", "25.00"),
             ("数量指标", "乙馆读者人数", "≥300.00(册)", "320.00(册)", "25.00", "25.00"),
             ("数量指标", "丙馆开放天数", "≥500.00(人)", "520.00(人)", "20.00", "20.00"),
             ("数量指标", "丁馆开放天数", "达标", "达成指标", "20.00", "20.00")]
    values = [r[2:6] for r in rows_]
    # rows 2 and 3 printed without names, then their names together (the first's cue 人数 points
    # at row 3's unit 人), then row 4's target, its name and the rest of it
    table = [rows_[0][1], *values[0], *values[1], *values[2], rows_[1][1], rows_[2][1], values[3][0],
             rows_[3][1], *values[3][1:]]
    f = form(table, ["产出指标", "数量指标", "总分\n评分等级", "优", "100.00", "100.00"], fund_score="10.00")
    assert [i.name for i in f.indicators] == [r[1] for r in rows_]


def test_names_printed_together_before_their_rows_values_cue_their_rows_in_printed_order():
    rows_ = [("数量指标", "图书借阅人数", "≥500.00(人)", "520.00(人)", "20.00", "20.00", None),
             ("数量指标", "新书采购批次数", "=300.00(册)", "300.00(册)", "30.00", "30.00", None),
             ("时效指标", "图书上架按期完成率", "≥95.00(%)", "100.00(%)", "20.00", "20.00", None),
             ("服务对象满意度指标", "读者满意度", "≥90.00(%)", "80.00(%)", "20.00", "15.00", "座位不足。")]
    (_, n1, t1, a1, w1, s1, _), (_, n2, t2, a2, w2, s2, _) = rows_[1:3]
    table = list(rows_[0][1:6]) + [n1, n2, t1, t2, a1, a2, w1, w2, s1, s2] + list(rows_[3][1:6])
    f = form(table, ["产出指标", "数量指标", "时效指标", "满意度指标", "服务对象满意度\n指标", "总分\n评分等级", "良",
                     "100.00", "94.00", rows_[3][6]], fund_score="9.00")
    assert rows(f) == expected(rows_)


def test_fund_values_printed_after_the_whole_table_are_still_the_funds():
    funds = ["年度资金总额", "100.00", "100.00", "10.00", "9.00", "其中：当年财政拨款", "80.00", "80.00", "-", "-",
             "上年结转资金", "20.00", "20.00", "-", "-", "其他资金", "0.00", "0.00", "-", "-"]
    late = ["90.00", "90.00", "72.00", "90.00", "18.00", "90.00", "0.00", "0.00"]
    table = [x for _, name, t, a, w, s, _ in ROWS for x in (name, t, a, w, s)]
    f = selfeval.parse(blocks(*HEAD, *funds, *GOALS, *TABLE_HEAD, *table, *TAIL, *late, ROWS[2][6]))[0]
    assert [(r.executed, r.execution_rate) for r in f.funds] == [(90.0, 90.0), (72.0, 90.0), (18.0, 90.0), (0.0, 0.0)]
    assert rows(f) == expected(ROWS)
    assert not [d for d in f.diagnostics if d.code == "unassigned"]


def test_the_total_pair_closes_the_tables_numbers_and_fund_values_after_it_are_the_funds():
    funds = ["年度资金总额", "100.00", "100.00", "10.00", "9.00", "其中：当年财政拨款", "80.00", "80.00", "-", "-",
             "上年结转资金", "20.00", "20.00", "-", "-", "其他资金", "0.00", "0.00", "-", "-"]
    late = ["90.00", "90.00", "72.00", "90.00", "18.00", "90.00", "0.00", "0.00"]
    rows_ = [("数量指标", "图书借阅人数", "≥500.00(人)", "520.00(人)", "20.00", "20.00", None),
             ("时效指标", "开放时间及时性", "及时", "达成指标", "30.00", "30.00", None),
             ("服务对象满意度指标", "读者满意度", "≥90.00(%)", "80.00(%)", "40.00", "30.00", "部分读者反映座位不足。")]
    values = [x for _, name, t, a, *_ in rows_ for x in (name, t, a)]
    weights, scores = [r[4] for r in rows_], [r[5] for r in rows_]    # printed as two column blocks
    tail = ["产出指标", "数量指标", "时效指标", "满意度指标", "服务对象满意度\n指标", "100.00", "89.00", "总分\n评分等级", "良"]
    f = selfeval.parse(blocks(*HEAD, *funds, *GOALS, *TABLE_HEAD, *values, *weights, *scores, *tail, *late,
                              "偏差原因分析及改进措施", rows_[2][6]))[0]
    assert [(r.executed, r.execution_rate) for r in f.funds] == [(90.0, 90.0), (72.0, 90.0), (18.0, 90.0), (0.0, 0.0)]
    assert rows(f) == expected(rows_)
    assert (f.total.weight, f.total.score) == (100.0, 89.0)


LOST_ROWS = [
    ("数量指标", "图书借阅人数", "≥500.00(人)", "450.00(人)", "20.00", "15.00", "借阅人数未达预期。"),
    ("质量指标", "图书编目合格率", "≥95.00(%)", "93.00(%)", "30.00", "28.00", None),
    ("时效指标", "开放时间及时性", "及时", "达成指标", "25.00", "25.00", None),
    ("服务对象满意度指标", "读者满意度", "≥90.00(%)", "80.00(%)", "15.00", "12.00", "部分读者反映座位不足。"),
]
LOST_TAIL = ["产出指标", "数量指标", "质量指标", "时效指标", "满意度指标", "服务对象满意度\n指标", "总分\n评分等级", "优"]


def test_a_score_printed_at_the_start_of_its_deviations_line_may_come_before_its_rows_weight():
    # row 1's 得分 and deviation printed as one line above the table's columns
    first = LOST_ROWS[0][5] + " " + LOST_ROWS[0][6]
    columns = [[first]] + [[r[k] for r in LOST_ROWS] for k in (1, 2, 3, 4)] + [[r[5] for r in LOST_ROWS[1:]]]
    f = column_form(columns, LOST_TAIL + ["100.00", "89.00", LOST_ROWS[3][6]])
    assert rows(f) == expected(LOST_ROWS)


def test_scores_printed_after_the_total_go_back_where_the_sums_hold():
    late = [r[5] for r in LOST_ROWS[1:3]]
    columns = [[r[k] for r in LOST_ROWS] for k in (1, 2, 3, 4)] + [[LOST_ROWS[0][5], LOST_ROWS[3][5]]]
    f = column_form(columns, ["100.00", "89.00"] + LOST_TAIL + ["\n".join(late), LOST_ROWS[0][6], LOST_ROWS[3][6]])
    assert [(i.weight, i.score) for i in f.indicators] == [(float(r[4]), float(r[5])) for r in LOST_ROWS]


def test_a_weight_alone_in_its_block_printed_late_goes_back_where_the_sums_hold():
    weights = [r[4] for r in LOST_ROWS]
    columns = [[r[k] for r in LOST_ROWS] for k in (1, 2, 3)] + [weights[:1] + weights[2:], [r[5] for r in LOST_ROWS],
                                                                [weights[1]]]
    f = column_form(columns, LOST_TAIL + ["100.00", "89.00", LOST_ROWS[0][6], LOST_ROWS[3][6]])
    assert [(i.weight, i.score) for i in f.indicators] == [(float(r[4]), float(r[5])) for r in LOST_ROWS]


def names_in_blocks(*blocks_):
    """A names' column: each argument a block of names printed together."""
    return [Cell(name, [k * 10 + j], k, kind="word", pos=k * 10 + j)
            for k, names in enumerate(blocks_) for j, name in enumerate(names)]


def test_a_block_of_cost_names_printed_after_the_output_names_goes_back_before_them():
    column = names_in_blocks(["图书借阅人数", "新书采购数量"], ["图书编目合格率", "开放时间及时性"],
                             ["场馆运行成本控制", "单位采购成本"], ["读者满意度"])
    out = CellTable()
    got = [c.text for c in _group_order(column, Params(), out)]
    assert got == ["场馆运行成本控制", "单位采购成本", "图书借阅人数", "新书采购数量", "图书编目合格率",
                   "开放时间及时性", "读者满意度"]
    assert "names-regrouped" in {d.code for d in out.diagnostics}


def test_names_printed_late_one_by_one_go_back_each_rather_than_the_block_before_them_moving():
    # two rows' names printed after the table, each alone; the 社会效益 block stands in its place
    column = names_in_blocks(["图书借阅人数"], ["图书编目合格率"], ["开放时间及时性", "借阅服务覆盖面扩大"],
                             ["阅读推广覆盖面扩大", "读者服务便利度提升", "场馆制度执行有效性"],
                             ["新书采购数量"], ["图书上架合格率"])
    got = [c.text for c in _group_order(column, Params(), CellTable())]
    assert got == ["图书借阅人数", "新书采购数量", "图书编目合格率", "图书上架合格率", "开放时间及时性",
                   "借阅服务覆盖面扩大", "阅读推广覆盖面扩大", "读者服务便利度提升", "场馆制度执行有效性"]


def test_names_in_the_templates_order_of_groups_stay_as_printed():
    column = names_in_blocks(["场馆运行成本控制"], ["图书借阅人数", "图书编目合格率"], ["读者满意度"])
    assert _group_order(column, Params(), CellTable()) == column


def test_a_text_right_of_a_number_on_its_line_is_a_deviations_piece_not_a_name():
    assert cells("1.88 馆藏档案资料完整性未达到年初目标") == [("1.88", "number"), ("馆藏档案资料完整性未达到年初目标", "prose")]
    assert cells("馆藏档案资料完整性") == [("馆藏档案资料完整性", "word")]


def dev_piece(text, pos, block=None, after_number=False, lines=None):
    return Cell(text, lines or [pos], pos if block is None else block, kind="prose", pos=pos,
                after_number=after_number, last_width=prose_width(text))


def prose_width(text):
    from selfeval.cells import width
    return width(text)


def test_a_deviations_first_line_printed_after_the_line_beside_its_score_opens_it():
    # rows 1 and 2: the middle line printed with the row's 得分, the first (and last) lines later
    m1 = dev_piece("将调整开放时段以便读者借阅。", 10, after_number=True)
    m2 = dev_piece("量未达到年初目标；下一步将加快", 20, after_number=True)
    h1 = dev_piece("读者到馆人数少于年初测算，明年", 30)
    h2 = dev_piece("因书库改造延期，馆藏图书编目质改造进度。", 32, lines=[32, 33])
    texts = {32: "因书库改造延期，馆藏图书编目质", 33: "改造进度。"}
    out = CellTable()
    got = _join_deviation_pieces([m1, m2, h1, h2], Params(), out, texts)
    assert "deviation-opener-uncertain" not in {d.code for d in out.diagnostics}
    assert [(c.text, c.pos) for c in got] == [
        ("读者到馆人数少于年初测算，明年将调整开放时段以便读者借阅。", 10),
        ("因书库改造延期，馆藏图书编目质量未达到年初目标；下一步将加快改造进度。", 20)]


def test_an_opener_takes_the_score_line_closest_before_it_and_a_whole_line_stays_whole():
    whole = dev_piece("部分读者证件未能按期办理。", 10, after_number=True)
    last = dev_piece("加快借阅系统升级进度。", 20, after_number=True)
    head = dev_piece("个别分馆网络改造滞后，下阶段将", 40)
    out = CellTable()
    got = _join_deviation_pieces([whole, last, head], Params(), out, {})
    assert [c.text for c in got] == ["部分读者证件未能按期办理。", "个别分馆网络改造滞后，下阶段将加快借阅系统升级进度。"]
    assert "deviation-opener-uncertain" in {d.code for d in out.diagnostics}   # the whole line could be the piece


def test_a_deviation_printed_on_its_rows_score_line_goes_to_that_row_even_if_the_row_kept_its_points():
    # rows 1 and 2 lost points, row 3 kept them; the deviations stand on rows 2 and 3's 得分 lines
    rows_ = [Row("≥500.00(人)", "450.00(人)", 30.0, 25.0, [], [1], 1, 1),
             Row("及时", "基本达成", 30.0, 25.0, [], [2], 2, 2),
             Row("≥90.00(%)", "95.00(%)", 30.0, 30.0, [], [3], 3, 3)]
    devs = [dev_piece("场馆维修。", 20, after_number=True, lines=[12]),
            dev_piece("活动增加，满意度超出年初目标。", 21, after_number=True, lines=[13])]
    got = _place_deviations(devs, rows_, lambda pos, after=False: 2, CellTable(), by_columns=True,
                            score_row={11: 0, 12: 1, 13: 2})
    assert {k: c.text for k, c in got.items()} == {1: "场馆维修。", 2: "活动增加，满意度超出年初目标。"}
