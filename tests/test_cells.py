"""One cell per line (a spreadsheet's PDF in pdftotext's default mode, and a drawn form printed
column by column): the cells cut and typed, and the rows rebuilt from each type's stream, seen
through the public API — the record of ``selfeval.parse`` and, for the cells cut from a line,
``selfeval explain --json``. The forms are invented and printed by tests/cellsform.py; their
fund block, 总分 and goals add up as a real form's do."""
from dataclasses import replace

import pytest

import selfeval
import cellsform as C
from cellsform import Row, Sheet

ROWS = (Row("数量指标", "公益电影放映场次", "≥120.00(场)", "126.00(场)", 30, 30),
        Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 30, 30),
        Row("服务对象满意度指标", "观众满意度", "≥90.00(%)", "85.00(%)", 30, 20, "部分放映点音响设备老化。"))
FORM = Sheet(ROWS)


def row_cells(rows, *fields):
    return [c for r in rows for c in r.cells(*fields)]


def test_a_one_cell_per_line_dump_is_told_from_the_other_modes():
    text = C.page(FORM)
    assert C.explain(text, mode="auto")[0]["dialect"] == "cells"
    # the same record as the seed's default mode prints it: fund rows and value rows joined on lines
    joined = selfeval.render([C.read(text)])
    assert C.explain(joined, mode="auto")[0]["dialect"] != "cells"


def test_rows_in_printed_order_with_the_deviations_after_the_table():
    form = C.read(C.page(FORM))
    assert C.project(form.to_dict(), FORM.record()) == FORM.record()
    assert "unassigned" not in C.codes(form)
    assert not selfeval.check(form)


def test_the_first_rows_name_printed_after_the_table_goes_back_to_it():
    form = C.read(C.page(FORM, first_name_after=True))
    assert C.rows(form) == FORM.expected_rows()


def test_a_score_printed_after_the_table_is_put_back_where_the_sums_hold():
    first, *rest = ROWS
    table = first.cells("name", "target", "actual", "weight") + row_cells(rest)
    after = C.labels(FORM) + C.totals(FORM) + [C.DEVIATION_HEADER, first.printed["score"]] + C.deviations(FORM)
    form = C.read(C.page(FORM, table_=table, tail_=after))
    assert C.rows(form) == FORM.expected_rows()
    assert "number-moved" in C.codes(form)


def test_a_qualitative_target_printed_after_its_actual_is_still_its_target():
    r1, r2, r3 = ROWS
    table = r1.cells() + r2.cells("name", "actual", "weight", "target", "score") + r3.cells()
    form = C.read(C.page(FORM, table_=table))
    assert C.rows(form) == FORM.expected_rows()


def test_a_wrapped_deviation_stands_after_its_rows_numbers():
    long = replace(ROWS[2], deviation="部分放映点音响设备老化，观众反映对白听不清，下一年度将更换扩音设备并增加放映场次。")
    sheet = FORM.with_rows(ROWS[0], ROWS[1], long)
    text = C.page(sheet, inline=True)
    assert C.wrap(long.deviation, 38).count("\n") == 2          # printed on three lines right after 得分
    assert C.read(text).indicators[2].deviation == long.deviation


def test_no_deviation_word_is_a_deviation_not_a_name():
    sheet = FORM.with_rows(*(replace(r, deviation=r.deviation or "无") for r in ROWS))
    form = C.read(C.page(sheet, inline=True))
    assert [i.deviation for i in form.indicators] == ["无", "无", ROWS[2].deviation]
    assert [i.name for i in form.indicators] == [r.name for r in ROWS]


def test_fund_values_printed_after_the_other_fund_rows_fill_the_columns_it_lacks():
    total, *others = C.fund_rows(FORM)
    funds = total[:3] + [c for row in others for c in row] + total[3:]
    form = C.read(C.page(FORM, funds_=funds))
    assert C.project(form.to_dict(), FORM.record())["funds"] == FORM.record()["funds"]


def test_fund_rows_whose_items_are_printed_after_the_block_are_read_by_its_arithmetic():
    # a drawn form prints the first two rows' values before any item, their items after the block,
    # the second cut in its narrow cell beside the margin label's own pieces: no row reads whole
    total, first, *others = C.fund_rows(FORM)
    funds = total[1:] + first[1:] + [c for row in others for c in row] + [total[0], "项目资金（万元 其中：当年财政拨\n）\n款"]
    head = C.head(FORM)
    head.remove("项目资金\n（万元）")
    form = C.read(C.page(FORM, head_=head, funds_=funds))
    assert C.project(form.to_dict(), FORM.record())["funds"] == FORM.record()["funds"]
    assert "funds-by-arithmetic" in C.codes(form)


# a cost row whose 实际完成值 wraps in its cell, and one whose two values are cut on one line
COSTS = FORM.with_rows(
    Row("经济成本指标", "每场放映人均成本", "≤6.50(元/人/场)", "6.20(元/人/场)", 15, 15),
    Row("经济成本指标", "放映设备年度租赁费用", "=48.60(万元/年)", "48.60(万元/年)", 15, 15),
    replace(ROWS[0], weight=20, score=20), replace(ROWS[1], weight=20, score=20),
    replace(ROWS[2], weight=20, score=10))


def test_wrapped_quantities_join_and_two_on_one_line_close_in_order():
    wrapped, two = "6.20(元/\n人/场)", "=48.60(万元/年 48.60(万元/年\n)\n)"
    table = C.table(COSTS)
    table[table.index("6.20(元/人/场)")] = wrapped
    at = table.index("=48.60(万元/年)")
    table[at:at + 2] = [two]
    text = C.page(COSTS, table_=table)
    assert C.cut(text, wrapped) == [("6.20(元/人/场)", "actual", "indicators[0].actual")]
    assert C.cut(text, two) == [("=48.60(万元/年)", "target", "indicators[1].target"),
                                ("48.60(万元/年)", "actual", "indicators[1].actual")]
    assert C.rows(C.read(text)) == COSTS.expected_rows()


LABELLED = FORM.with_rows(
    Row("经济成本指标", "单场放映补贴标准", "=850.00(元/场次)", "850.00(元/场次)", 20, 20),
    replace(ROWS[0], weight=20, score=20),
    Row("社会效益指标", "村居文化活动覆盖面扩大", "扩大", "达成指标", 25, 25),
    replace(ROWS[2], weight=25, score=15))


def test_label_pieces_join_across_a_line_of_the_next_column():
    cost, count, social, liked = LABELLED.rows
    # a merged label's two lines around a whole row of the next columns
    around = "经济成本\n=850.00(元/场 850.00(元/场\n单场放映补贴标准\n20.00\n20.00\n指标\n次)\n次)"
    beside = "社会效益指标 村居文化活动覆盖面扩大"
    between = "服务对象满意\n观众满意度\n度指标"
    table = [around, "数量指标", *count.cells(), beside, *social.values(), between, *liked.values()]
    after = ["成本指标", "产出指标", "效益指标", "满意度指标"] + C.totals(LABELLED) + [C.DEVIATION_HEADER, liked.deviation]
    text = C.page(LABELLED, table_=table, tail_=after)

    def kinds(block):
        return [(t, k) for t, k, _ in C.cut(text, block)]
    assert kinds(around)[0] == ("经济成本指标", "label")
    assert kinds(beside) == [("社会效益指标", "label"), ("村居文化活动覆盖面扩大", "word")]
    assert kinds(between) == [("服务对象满意度指标", "label"), ("观众满意度", "word")]
    assert C.rows(C.read(text)) == LABELLED.expected_rows()


def test_goal_lines_run_on_after_a_sentence_ends_a_full_line():
    first = "计划全年在辖区村居放映公益电影一百二十场，覆盖辖区全部村居放映点。"
    rest = "通过项目实施，丰富村居群众文化生活，力争观众满意度达到百分之九十。"
    lost = replace(ROWS[0], actual="110.00(场)", score=25, deviation="部分村居因农忙推迟放映。")
    sheet = replace(FORM.with_rows(lost, *ROWS[1:]), expected_goal=first + rest)
    assert C.width(first) >= 60 and C.width(rest) <= C.width(first)
    goals = ["预期目标", "实际完成情况", first + "\n" + rest, C.goals(sheet)[3]]
    form = C.read(C.page(sheet, goals_=goals))
    assert form.goals.expected == first + rest
    # two one-line deviations with a blank line between them are two cells
    assert [i.deviation for i in form.indicators] == [lost.deviation, None, ROWS[2].deviation]


# --- a drawn form printed column by column ----------------------------------------------------

# weights and scores that read wrong pairwise (row 2 would score above its weight)
COLUMNS = FORM.with_rows(replace(ROWS[0], weight=40, score=40), ROWS[1], replace(ROWS[2], weight=20, score=10))


def whole_columns(sheet, fields=("name", "target", "actual", "weight", "score")):
    return [C.column(sheet, f) for f in fields]


def test_a_table_printed_by_columns_is_read_by_each_columns_rank():
    form = C.read(C.drawn(COLUMNS, whole_columns(COLUMNS), C.labels(COLUMNS) + C.totals(COLUMNS)
                          + C.deviations(COLUMNS)))
    assert C.rows(form) == COLUMNS.expected_rows()
    assert {"printed-by-columns", "numbers-by-column"} <= C.codes(form)


def test_weights_and_scores_as_columns_with_their_header_words():
    columns = whole_columns(COLUMNS, ("name", "target", "actual"))
    columns += [["分值"] + C.column(COLUMNS, "weight"), ["得分"] + C.column(COLUMNS, "score")]
    form = C.read(C.drawn(COLUMNS, columns, C.labels(COLUMNS) + C.totals(COLUMNS) + C.deviations(COLUMNS)))
    assert [(i.weight, i.score) for i in form.indicators] == [(40.0, 40.0), (30.0, 30.0), (20.0, 10.0)]


def test_the_total_printed_apart_from_its_label_is_the_largest_number_and_the_next():
    grade_and_label, pair = C.totals(COLUMNS)[:2], C.totals(COLUMNS)[2:]
    form = C.read(C.drawn(COLUMNS, whole_columns(COLUMNS), C.labels(COLUMNS) + pair + grade_and_label
                          + C.deviations(COLUMNS)))
    assert (form.total.weight, form.total.score) == (100.0, 89.0)
    assert [(i.weight, i.score) for i in form.indicators] == [(40.0, 40.0), (30.0, 30.0), (20.0, 10.0)]


def test_a_drawn_form_with_a_row_printed_whole_by_chance_is_still_one_cell_per_line():
    first, *rest = ROWS
    text = C.page(FORM, table_=[first.name, " ".join(first.values())] + row_cells(rest))
    assert C.explain(text, mode="auto")[0]["dialect"] == "cells"


# a fund block over a thousand 万元: the goal text prints its figures with their digits grouped
THOUSANDS = Sheet(
    (Row("经济成本指标", "放映设备单台维护费用", "≤1,486.20(元/台/月)", "1486.20(元/台/月)", 20, 20),
     replace(ROWS[0], weight=20, score=20), replace(ROWS[1], weight=20, score=20),
     replace(ROWS[2], weight=30, score=20)),
    budgets=((1500.0, 1500.0, 1350.0), (1500.0, 1500.0, 1350.0), (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
    actual_goal="全年预算1,500万元，实际支出1,350万元，预算执行率{rate}%，全年实际放映公益电影一百二十六场。")


def test_a_digit_grouping_comma_is_no_prose():
    strip = "≤1,486.20(元/ 1486.20(元/\n20.00\n台/月)\n台/月)"
    cost, *rest = THOUSANDS.rows
    text = C.page(THOUSANDS, table_=[cost.name, strip, cost.printed["score"]] + row_cells(rest))
    assert C.cut(text, strip) == [("≤1,486.20(元/台/月)", "target", "indicators[0].target"),
                                  ("1486.20(元/台/月)", "actual", "indicators[0].actual"),
                                  ("20.00", "number", "indicators[0].weight")]
    form = C.read(text)
    assert form.goals.actual == THOUSANDS.goals[1]          # prose, though its figures have commas
    assert C.rows(form) == THOUSANDS.expected_rows()


def test_numbers_before_a_deviations_text_on_its_line_are_cells_of_their_own():
    sheet = THOUSANDS.with_rows(*ROWS)
    *kept, lost = sheet.rows
    scored = f"{lost.printed['score']} {lost.deviation}"
    table = row_cells(kept) + lost.cells("name", "target", "actual", "weight") + [scored]
    # the 当年财政拨款 row's first value printed on its item's line, its digits grouped
    total, grant, *others = C.fund_rows(sheet)
    assert grant[:2] == ["其中：当年财政拨款", "1500.00"]
    item = "其中：当年财政拨款 1,500.00"
    funds = total + [item] + grant[2:] + [c for row in others for c in row]
    text = C.page(sheet, funds_=funds, table_=table, tail_=C.tail(sheet, devs=False))
    assert C.cut(text, scored) == [("20.00", "number", "indicators[2].score"),
                                   (lost.deviation, "prose", "indicators[2].deviation")]
    assert C.cut(text, item) == [("其中：当年财政拨款", "fund_item", "template"),
                                 ("1,500.00", "number", "funds[1].initial_budget")]
    form = C.read(text)
    assert C.rows(form) == sheet.expected_rows()
    assert C.project(form.to_dict(), sheet.record())["funds"] == sheet.record()["funds"]


def test_a_rows_actual_weight_and_score_before_a_deviations_words_on_its_line_are_cells_of_their_own():
    *kept, lost = ROWS
    line = f"{lost.actual} {lost.printed['weight']} {lost.printed['score']} {lost.deviation}"
    table = row_cells(kept) + lost.cells("name", "target") + [line]
    text = C.page(FORM, table_=table, tail_=C.tail(FORM, devs=False))
    assert C.cut(text, line) == [(lost.actual, "actual", "indicators[2].actual"),
                                 ("30.00", "number", "indicators[2].weight"),
                                 ("20.00", "number", "indicators[2].score"),
                                 (lost.deviation, "prose", "indicators[2].deviation")]
    assert C.rows(C.read(text)) == FORM.expected_rows()


LONG_NAME = "村居放映点（含流动放映车）计划完成"          # as wide as the name column


def test_a_long_names_short_tail_joins_it_but_a_value_word_does_not():
    timely = "村居放映点（含流动放映车）排片公告发布"
    sheet = FORM.with_rows(replace(ROWS[0], name=LONG_NAME + "数"), replace(ROWS[1], name=timely), ROWS[2])
    count, on_time, liked = sheet.rows
    table = [LONG_NAME + "\n数", *count.values(), timely + "\n及时", *on_time.cells("actual", "weight", "score"),
             *liked.cells()]
    text = C.page(sheet, table_=table)
    assert [(t, k) for t, k, _ in C.cut(text, LONG_NAME + "\n数")] == [(LONG_NAME + "数", "word")]
    assert [t for t, _, _ in C.cut(text, timely + "\n及时")] == [timely, "及时"]
    assert C.rows(C.read(text)) == sheet.expected_rows()
    # a short word is no wrapped name: its one-character tail stays apart
    short = "观影人\n数"
    text = C.page(FORM, table_=[short] + row_cells(ROWS[1:]) + ROWS[0].values())
    assert [t for t, _, _ in C.cut(text, short)] == ["观影人", "数"]


def test_names_cut_at_a_narrow_columns_edge_join_their_tails():
    # a drawn form's name column six characters wide: every longer name is cut at that edge, its
    # tail (up to half a line) on the next line of its cell; the edge is measured on the form
    sheet = FORM.with_rows(replace(ROWS[0], name="公益电影放映场次"), replace(ROWS[1], name="放映计划发布及时性"),
                           replace(ROWS[2], name="村居观众观影满意度"))
    table = [c for r in sheet.rows for c in [C.wrap(r.name, 12), *r.values()] + ([r.deviation] if r.deviation else [])]
    text = C.page(sheet, table_=table, tail_=C.tail(sheet, devs=False))
    assert C.rows(C.read(text)) == sheet.expected_rows()


def test_a_long_names_one_character_tail_printed_after_its_rows_target_still_joins_it():
    sheet = FORM.with_rows(replace(ROWS[0], name=LONG_NAME + "数"), *ROWS[1:])
    count = sheet.rows[0]
    block = f"{LONG_NAME}\n{count.target}\n数"
    text = C.page(sheet, table_=[block, *count.cells("actual", "weight", "score")] + row_cells(ROWS[1:]))
    assert [(t, k) for t, k, _ in C.cut(text, block)] == [(LONG_NAME + "数", "word"), (count.target, "target")]
    assert C.rows(C.read(text)) == sheet.expected_rows()
    short = f"观影人\n{count.target}\n数"
    text = C.page(FORM, table_=[short, *count.cells("actual", "weight", "score")] + row_cells(ROWS[1:]))
    assert [t for t, _, _ in C.cut(text, short)] == ["观影人", count.target, "数"]


def test_a_bodys_name_wrapped_in_its_title_cell_is_joined_not_the_department_under_a_project():
    sheet = replace(FORM, unit="青禾市南岭区农村电影放映服务中心")
    head = C.head(sheet)
    at = head.index("主管部门")
    head[at:at + 2] = ["主管部门", f"{sheet.project}\n{sheet.department}"]
    del head[head.index(sheet.project)]
    head[head.index(sheet.unit)] = "青禾市南岭区农村电影放映服务\n中心"
    form = C.read(C.page(sheet, head_=head))
    assert (form.project_name, form.department, form.implementing_unit) == (sheet.project, sheet.department,
                                                                          sheet.unit)


def test_rows_are_printed_by_rows_when_most_rows_have_the_other_cell_between_their_actuals():
    # row 1's 得分 printed after the table: the other rows' stand between their 实际完成值 and the next
    first, *rest = ROWS
    table = first.cells("name", "target", "actual", "weight") + row_cells(rest)
    after = C.labels(FORM) + C.totals(FORM) + [first.printed["score"], C.DEVIATION_HEADER] + C.deviations(FORM)
    form = C.read(C.page(FORM, table_=table, tail_=after))
    assert C.rows(form) == FORM.expected_rows()
    assert "printed-by-columns" not in C.codes(form)
    # the 分值/得分 printed as columns after every 实际完成值: not by rows
    form = C.read(C.drawn(FORM, whole_columns(FORM), C.labels(FORM) + C.totals(FORM) + C.deviations(FORM)))
    assert "printed-by-columns" in C.codes(form)


def test_bodies_are_told_by_a_place_and_an_organs_ending():
    # the 实施单位 printed after the table, among names that have a place (全区) or an organ's
    # ending (…所) but not both
    sheet = FORM.with_rows(replace(ROWS[0], name="全区村居放映场次", weight=20, score=20),
                           Row("数量指标", "新增标准化放映场所", "≥12.00(个)", "12.00(个)", 20, 20), ROWS[1],
                           replace(ROWS[2], weight=20, score=10))
    form = C.read(C.page(sheet, head_=C.head(sheet, unit=False), tail_=C.tail(sheet) + [sheet.unit]))
    assert form.implementing_unit == sheet.unit
    assert C.rows(form) == sheet.expected_rows()
    assert "unit-apart" in C.codes(form)


# (test_the_assignment_is_least_cost, a property of the private minimum-cost assignment, is
# dropped: the placements it serves are the public tests of names and values moved below)


def test_prose_with_no_value_row_is_unassigned_not_a_crash():
    # found by hypothesis: ten copies of this read as one cell per line, with texts and no rows
    piece = "财政项目支出绩效自评表\n放映设备采购台数 ≥30.00(台) 26.00(台) 50.00 45.00 供货商延期交付。\n\n\n，\n0\n"
    forms = selfeval.parse(piece * 10)
    assert forms and any(d.code == "unassigned" for f in forms for d in f.diagnostics)


# four rows of one group whose names say nothing of their values: only where each is printed tells its row
QUARTERS = FORM.with_rows(
    Row("数量指标", "东片村居放映场次", "≥30.00(场)", "31.00(场)", 25, 25),
    Row("数量指标", "西片村居放映场次", "≥32.00(场)", "33.00(场)", 25, 25),
    Row("数量指标", "南片村居放映场次", "≥34.00(场)", "35.00(场)", 20, 20),
    Row("数量指标", "北片村居放映场次", "≥36.00(场)", "37.00(场)", 20, 20))


def test_a_name_printed_among_the_values_keeps_its_row_and_the_name_column_fills_the_others():
    s, r = QUARTERS, QUARTERS.rows
    after = C.labels(s) + C.totals(s)
    # the column's names (rows 1, 2, 4), then row by row (target, actual), row 3's name after its target
    values = [c for k, x in enumerate(r) for c in ([x.target, x.name, x.actual] if k == 2 else [x.target, x.actual])]
    columns = [C.column(s, "name", (0, 1, 3)), values, C.column(s, "weight"), C.column(s, "score")]
    assert [i.name for i in C.read(C.drawn(s, columns, after)).indicators] == [x.name for x in r]
    # names printed each before its row's target, the actuals as a column block after them
    three = s.with_rows(*r[:2], replace(r[2], weight=40, score=40))
    columns = [[c for x in three.rows for c in (x.name, x.target)], C.column(three, "actual"),
               C.column(three, "weight"), C.column(three, "score")]
    after = C.labels(three) + C.totals(three)
    assert [i.name for i in C.read(C.drawn(three, columns, after)).indicators] == [x.name for x in three.rows]


# a deviation printed in pieces, the next row's cells between them; then two whole ones
PIECES = ("因部分村居道路施工，流动放映车", "未能按期进村，放映场次低于年度预", "期；下一步将提前协调放映路线。")
APART = FORM.with_rows(
    replace(ROWS[0], actual="110.00(场)", weight=20, score=15, deviation="".join(PIECES)),
    replace(ROWS[1], weight=20, score=20),
    Row("质量指标", "放映画面清晰达标率", "≥98.00(%)", "96.00(%)", 20, 18, "部分放映点更换银幕后画面偏暗。"),
    replace(ROWS[2], weight=30, score=25, deviation="个别村居观众反映片源更新较慢。"))


def test_a_deviations_lines_printed_apart_are_joined_in_print_order():
    r1, r2, r3, r4 = APART.rows
    table = [*r1.cells(), PIECES[0], r2.name, PIECES[1], r2.target, r2.actual, PIECES[2], r2.printed["weight"],
             r2.printed["score"], *r3.cells(), r3.deviation, *r4.cells(), r4.deviation]
    form = C.read(C.page(APART, table_=table, tail_=C.tail(APART, devs=False)))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in APART.rows]
    assert "deviation-joined" in C.codes(form)


# goal texts of two widths; printed interleaved, a drawn form's goal label on two of their lines
WIDE = C.wrap("全年预算一百万元，实际支出九十万元，预算执行率百分之九十。全年在辖区村居放映公益电影一百二十六场，"
              "观影群众累计一万八千人次，同比增长百分之六。通过项目的实施，村居群众文化生活明显丰富，群众观影热情较往年明显"
              "提高。", 68).split("\n")
NARROW = C.wrap("计划全年在辖区村居放映公益电影一百二十场，预计观影群众一万五千人次，力争观众满意度达到百分之九十，进一步丰富"
                "群众文化生活。", 50).split("\n")
GOALS_APART = replace(FORM, expected_goal="".join(NARROW), actual_goal="".join(WIDE))


def goals_printed(lines, sheet=GOALS_APART):
    """The form with its goal texts printed as ``lines`` (one block), the goal label among them."""
    head = [c for c in C.head(sheet) if c != "年度\n总体\n目标"]
    return C.page(sheet, head_=head, goals_=["预期目标", "实际完成情况", "\n".join(lines)])


def test_goal_lines_printed_interleaved_are_told_apart_by_their_widths():
    assert (len(WIDE), len(NARROW)) == (4, 3)
    # the narrow text's short last line comes while the wide one has full lines to go: it is the narrow one's
    lines = [WIDE[0], "总体 " + NARROW[0], WIDE[1], "目标 " + NARROW[1], NARROW[2], WIDE[2], WIDE[3]]
    form = C.read(goals_printed(lines))
    assert (form.goals.expected, form.goals.actual) == GOALS_APART.goals
    assert "goals-interleaved" in C.codes(form)


def test_two_goal_texts_one_after_the_other_are_left_as_they_are():
    form = C.read(goals_printed(WIDE + NARROW))
    assert (form.goals.expected, form.goals.actual) == GOALS_APART.goals
    assert "goals-interleaved" not in C.codes(form)
    # two texts of one width
    expected = C.wrap("计划全年在辖区村居放映公益电影一百二十场，预计观影群众一万五千人次，力争观众满意度达到百分之九十，"
                      "进一步丰富村居群众的业余文化生活，推动农村公共文化服务提质增效。", 68).split("\n")
    same = replace(GOALS_APART, expected_goal="".join(expected))
    form = C.read(goals_printed(WIDE + expected, same))
    assert (form.goals.expected, form.goals.actual) == same.goals
    assert "goals-interleaved" not in C.codes(form)


def test_fund_values_printed_under_the_三级指标_header_are_still_the_funds():
    rows = C.fund_rows(FORM)
    funds = [c for row in rows for c in row[:5]]
    late = ["三级指标"] + [c for row in rows for c in row[5:]]
    form = C.read(C.page(FORM, funds_=funds + late, table_head=["年度指标值", "实际完成值", "分值", "得分"]))
    assert C.project(form.to_dict(), FORM.record())["funds"] == FORM.record()["funds"]
    assert C.rows(form) == FORM.expected_rows()


# row 2's values speak a little of 数量 (场), row 3 says nothing of its group: the 质量指标 label
# printed in the names' column decides it
GROUPED = FORM.with_rows(
    Row("数量指标", "流动放映车出车次数", "≥40.00(次)", "42.00(次)", 40, 40),
    Row("数量指标", "村居放映点公益电影供给", "≥120.00(场)", "126.00(场)", 20, 20),
    Row("质量指标", "村居放映点覆盖比例", "≥95.00(%)", "96.00(%)", 15, 15),
    replace(ROWS[2], weight=15, score=5))


def test_printed_by_columns_a_label_stands_at_the_row_of_the_name_placed_after_it():
    s, (r1, r2, r3, r4) = GROUPED, GROUPED.rows
    # row 2's name printed after the actuals: the 质量指标 label printed before row 3's name
    # stands at row 3 (where that name is placed), not at row 2 (the second name printed)
    names = ["数量指标", r1.name, "质量指标", r3.name, "服务对象满意度", "指标", r4.name]
    columns = [names, C.column(s, "target"), C.column(s, "actual") + [r2.name], C.column(s, "weight"),
               C.column(s, "score")]
    form = C.read(C.drawn(s, columns, ["产出指标", "满意度指标"] + C.totals(s) + C.deviations(s)))
    assert C.rows(form) == s.expected_rows()


def test_names_printed_as_a_column_keep_their_order_and_a_missing_one_leaves_the_row_its_cues_say():
    # names with few cues: row 3's unit (%) against row 2's 及时, nothing in row 2's name
    sheet = FORM.with_rows(ROWS[0], replace(ROWS[1], name="放映计划发布情况"), replace(ROWS[2], name="观众反馈好评比例"))
    r1, r2, r3 = sheet.rows
    # the 及时 row's name is printed elsewhere (after the actuals): the gap goes where the cues put it
    columns = [[r1.name, r3.name], C.column(sheet, "target"), C.column(sheet, "actual") + [r2.name],
               C.column(sheet, "weight"), C.column(sheet, "score")]
    form = C.read(C.drawn(sheet, columns, C.labels(sheet) + C.totals(sheet) + C.deviations(sheet)))
    assert [i.name for i in form.indicators] == [r1.name, r2.name, r3.name]
    # as many names as rows: the printed order, whatever the cues
    r1, _, r3 = ROWS
    two = FORM.with_rows(replace(r1, weight=45, score=45), replace(r3, weight=45, score=35))
    columns = [[r3.name, r1.name]] + whole_columns(two, ("target", "actual", "weight", "score"))
    form = C.read(C.drawn(two, columns, C.labels(two) + C.totals(two) + C.deviations(two)))
    assert [i.name for i in form.indicators] == [r3.name, r1.name]


def test_printed_by_columns_a_deviation_goes_to_a_row_that_lost_points_wherever_it_stands():
    r1, r2, r3 = COLUMNS.rows
    columns = [[r1.name, r3.deviation, r2.name, r3.name]] + whole_columns(COLUMNS, ("target", "actual", "weight",
                                                                                    "score"))
    form = C.read(C.drawn(COLUMNS, columns, C.labels(COLUMNS) + C.totals(COLUMNS)))
    assert [i.deviation for i in form.indicators] == [None, None, r3.deviation]


def test_two_names_printed_together_keep_their_printed_order_when_nothing_else_tells():
    plain = FORM.with_rows(Row("数量指标", "甲片区放映点开放天数", "达标", "达成指标", 30, 30),
                           Row("数量指标", "乙片区放映点开放天数", "达标", "达成指标", 30, 30),
                           Row("数量指标", "丙片区放映点开放天数", "达标", "达成指标", 30, 20, "部分放映点场地维修。"))
    r1, r2, r3 = plain.rows
    table = r1.values() + [r1.name, r2.name] + r2.values() + r3.cells()
    form = C.read(C.page(plain, table_=table))
    assert [i.name for i in form.indicators] == [r.name for r in plain.rows]


def test_deviations_printed_together_at_a_pages_foot_go_to_the_rows_above_that_lost_points():
    sheet = FORM.with_rows(
        Row("数量指标", "公益电影观影人数", "≥500.00(人)", "450.00(人)", 20, 15, "部分村居观众流失。"),
        Row("数量指标", "公益电影放映场次", "≥120.00(场)", "110.00(场)", 20, 18, "片源配送周期较长。"),
        Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 20, 20),
        replace(ROWS[2], weight=30, score=25, deviation="音响设备老化。"))
    r1, r2, r3, r4 = sheet.rows
    table = r1.cells() + r2.cells() + [r1.deviation, r2.deviation] + r3.cells() + r4.cells()
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet) + C.totals(sheet) + [r4.deviation]))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in sheet.rows]


# five rows, four of them lost points: one deviation printed right after its row, two printed
# together after a row that kept its points, and the last after its own row
RUN = FORM.with_rows(
    Row("数量指标", "公益电影观影人数", "≥500.00(人)", "450.00(人)", 18, 15, "部分村居观众流失。"),
    Row("数量指标", "公益电影放映场次", "≥120.00(场)", "110.00(场)", 18, 16, "片源配送周期较长。"),
    Row("数量指标", "流动放映车出车次数", "≥60.00(次)", "50.00(次)", 18, 14, "放映车检修停运一个月。"),
    Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 18, 18),
    replace(ROWS[2], weight=18, score=12, deviation="音响设备老化。"))


def test_deviations_printed_alone_by_their_rows_are_placed_before_a_run_printed_together_takes_the_rows_before_it():
    r1, r2, r3, r4, r5 = RUN.rows
    table = r1.cells() + [r1.deviation] + r2.cells() + r3.cells() + r4.cells() + [r2.deviation, r3.deviation] \
        + r5.cells() + [r5.deviation]
    form = C.read(C.page(RUN, table_=table, tail_=C.labels(RUN) + C.totals(RUN)))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in RUN.rows]


def test_two_deviations_printed_together_after_a_row_that_lost_points_are_its_and_the_next_rows():
    r1, r2, r3, r4, r5 = RUN.rows
    sheet = RUN.with_rows(r1, r2, r3, r5, r4)
    # the pair printed between r3 and r5, both of which lost points; r1's printed after the table
    table = r1.cells() + r2.cells() + [r2.deviation] + r3.cells() + [r3.deviation, r5.deviation] + r5.cells() \
        + r4.cells()
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet) + C.totals(sheet) + [r1.deviation]))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in sheet.rows]


# two rows that lost points, the second's deviation quoting its name
QUOTED = FORM.with_rows(
    Row("数量指标", "公益电影观影人数", "≥500.00(人)", "450.00(人)", 30, 25, "部分村居观众流失。"),
    Row("数量指标", "公益电影放映场次", "≥120.00(场)", "110.00(场)", 30, 26, "片源配送周期较长，公益电影放映场次未达到年初目标。"),
    ROWS[1])


def test_a_deviation_quoting_a_rows_name_is_that_rows_wherever_it_is_printed():
    r1, r2, r3 = QUOTED.rows
    # printed after the table out of the rows' order
    form = C.read(C.page(QUOTED, table_=C.table(QUOTED), tail_=C.labels(QUOTED) + C.totals(QUOTED)
                         + [C.DEVIATION_HEADER, C.wrap(r2.deviation, 38), r1.deviation]))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in QUOTED.rows]
    assert "deviation-names-row" in C.codes(form)


def test_a_run_of_deviations_one_quoting_a_row_gives_the_rest_in_order_to_the_rows_before_it():
    r1, r2, r3, r4, r5 = RUN.rows
    quoting = replace(r4, actual="未达成", score=10, deviation="放映员临时调整，放映计划发布及时性未达到年初目标。")
    sheet = RUN.with_rows(r1, r2, r3, quoting, r5)
    # r4's deviation printed first in a run after it, with the two of the rows above that lost points
    table = r1.cells() + [r1.deviation] + r2.cells() + r3.cells() + quoting.cells() \
        + [C.wrap(quoting.deviation, 38), r2.deviation, r3.deviation] + r5.cells() + [r5.deviation]
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet) + C.totals(sheet)))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in sheet.rows]


# two rows that lost points; the first's deviation wraps, its last line a sentence short of the column
STACKED = FORM.with_rows(
    replace(ROWS[0], actual="110.00(场)", score=25,
            deviation="部分村居道路施工，流动放映车未能按期进村，放映场次低于年度预期；下一步将提前协调放映路线。"),
    replace(ROWS[1], actual="未达成", score=20, deviation="片源配送周期较长，放映计划有所推迟。"),
    ROWS[2])


def test_a_sentence_that_ends_short_of_its_columns_width_ends_its_cell():
    r1, r2, r3 = STACKED.rows
    first = C.wrap(r1.deviation, 48)
    assert 36 <= C.width(first.split("\n")[-1]) <= 48 - 2 * 2      # room left for two more characters
    # the two deviations printed under each other with no blank line between them
    form = C.read(C.page(STACKED, table_=C.table(STACKED), tail_=C.labels(STACKED) + C.totals(STACKED)
                         + [C.DEVIATION_HEADER, first + "\n" + r2.deviation, r3.deviation]))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in STACKED.rows]


def test_a_sentence_that_ends_a_full_line_of_a_wrapped_deviation_runs_on():
    long = "部分村居道路施工，流动放映车未能按期进村，放映推迟。下一步将提前协调路线。"
    r1, r2, r3 = STACKED.rows
    sheet = STACKED.with_rows(replace(r1, deviation=long), replace(r2, score=30, deviation=None), r3)
    lines = C.wrap(long, 52).split("\n")
    assert lines[0].endswith("。") and C.width(lines[0]) == 52
    form = C.read(C.page(sheet, table_=C.table(sheet), tail_=C.labels(sheet) + C.totals(sheet)
                         + [C.DEVIATION_HEADER, "\n".join(lines), r3.deviation]))
    assert [i.deviation for i in form.indicators] == [long, None, r3.deviation]


# a cost row, then two rows of 数量指标 whose words say so
COUNTED = FORM.with_rows(
    Row("经济成本指标", "流动放映车运行成本", "≤12.00(万元)", "11.50(万元)", 20, 20),
    Row("数量指标", "放映村居覆盖完成数", "全覆盖", "达成指标", 20, 20),
    Row("数量指标", "公益电影放映场次", "≥120.00(场)", "126.00(场)", 20, 20),
    replace(ROWS[2], weight=30, score=25))


def test_a_label_printed_among_the_rows_stands_at_the_row_of_the_name_placed_right_after_it():
    r1, r2, r3, r4 = COUNTED.rows
    # the first row's values printed before its label and name, the next row's name right under its own
    table = r1.values() + [C.label_cell(r1.level2), r1.name, r2.name] + r2.values() \
        + [C.label_cell(r3.level2)] + r3.cells() + [C.label_cell(r4.level2)] + r4.cells()
    others = [C.label_cell(x) for x in ("成本指标", "产出指标", "满意度指标")]
    form = C.read(C.page(COUNTED, table_=table, tail_=others + C.totals(COUNTED) + [C.DEVIATION_HEADER, r4.deviation]))
    assert C.rows(form) == COUNTED.expected_rows()


def test_a_deviation_saying_the_actual_was_over_its_target_goes_to_the_row_beside_it_that_was_over():
    over = Row("数量指标", "公益电影放映场次", "=100.00(场)", "120.00(场)", 30, 30, "村居需求旺盛，实际完成数超出年初目标值。")
    lost = Row("时效指标", "放映计划按期发布率", "≥95.00(%)", "80.00(%)", 30, 20, "片源配送周期较长。")
    sheet = FORM.with_rows(over, lost, replace(ROWS[2], weight=30, score=25))
    # each deviation printed right after its row: the first between a row over its = target and one that lost points
    form = C.read(C.page(sheet, table_=C.table(sheet, deviations=True), tail_=C.tail(sheet, devs=False)))
    assert [i.deviation for i in form.indicators] == [r.deviation for r in sheet.rows]


def test_a_deviation_printed_by_rows_that_cannot_take_it_goes_to_the_nearest_row_before_it_that_lost_points():
    r1, r2, r3, r4, r5 = RUN.rows
    sheet = RUN.with_rows(replace(r1, score=6, deviation=None),
                          replace(r2, actual="120.00(场)", score=18, deviation=None), r3,
                          r4, replace(r5, actual="90.00(%)", score=18, deviation=None))
    first, second, third, fourth, fifth = sheet.rows
    # the first row lost the larger share of its points but has no deviation; the third's printed after the fourth
    table = first.cells() + second.cells() + third.cells() + fourth.cells() + [third.deviation] + fifth.cells()
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet) + C.totals(sheet)))
    assert [i.deviation for i in form.indicators] == [None, None, third.deviation, None, None]


def test_a_row_stands_where_its_actual_is_printed_not_its_target():
    r1, r2, r3 = ROWS
    # row 1's values printed after the table; row 2's target printed before row 1's 分值/得分
    table = [r1.name, r2.name, r2.target, r1.printed["weight"], r1.printed["score"], r2.actual,
             r2.printed["weight"], r2.printed["score"], *r3.cells()]
    form = C.read(C.page(FORM, table_=table, tail_=[f"{r1.target} {r1.actual}"] + C.tail(FORM)))
    assert C.rows(form) == FORM.expected_rows()


FIVE = FORM.with_rows(*(Row("数量指标", f"{x}片区放映点开放天数", "达标", "达成指标", 18, 18) for x in "甲乙丙丁戊"))


def test_one_name_printed_rows_away_moves_back_rather_than_a_run_of_names_moving_one_row():
    names = [r.name for r in FIVE.rows]
    v = [r.values() for r in FIVE.rows]
    # row 2's name printed after row 4, together with row 5's
    table = [names[0], *v[0], *v[1], names[2], *v[2], names[3], *v[3], names[1], names[4], *v[4]]
    form = C.read(C.page(FIVE, table_=table, tail_=C.labels(FIVE) + C.totals(FIVE)))
    assert [i.name for i in form.indicators] == names


def test_a_rows_numbers_printed_before_the_value_columns_header_are_still_the_tables():
    r1, *rest = ROWS
    table = ["三级指标", *r1.cells(), "年度指标值", "实际完成值", "分值", "得分"] + row_cells(rest)
    form = C.read(C.page(FORM, table_head=[], table_=table))
    assert C.rows(form) == FORM.expected_rows()


# the fund block fully spent: its 得分 is the whole 10
SPENT = Sheet((), budgets=((100.0, 100.0, 100.0), (100.0, 100.0, 100.0), (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)))


def test_a_label_printed_a_row_early_yields_to_the_rows_cues():
    sheet = SPENT.with_rows(Row("数量指标", "公益电影放映场次", "≥120.00(场)", "126.00(场)", 20, 20),
                            Row("数量指标", "公益电影观影人数", "≥500.00(人次)", "520.00(人次)", 20, 20),
                            Row("数量指标", "流动放映车出车次数", "≥40.00(次)", "42.00(次)", 20, 20),
                            Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 30, 30))
    first, *rest = sheet.rows
    # 时效指标 printed amid the first row's cells: an anchor, but not one that outweighs three rows
    table = first.cells("name", "target", "actual") + ["时效指标"] + first.cells("weight", "score") + row_cells(rest)
    form = C.read(C.page(sheet, table_=table, tail_=["产出指标", "数量指标"] + C.totals(sheet)))
    assert [i.level2 for i in form.indicators] == [r.level2 for r in sheet.rows]


def test_three_names_printed_together_name_in_order_the_rows_above_them_that_lack_one():
    sheet = SPENT.with_rows(Row("数量指标", "甲村放映点开放天数", "达标", "达成指标", 20, 20),
                            Row("数量指标", "乙村放映点观众人数", "≥300.00(场)", "320.00(场)", 20, 20),
                            Row("数量指标", "丙村放映点开放天数", "达标", "达成指标", 20, 20),
                            Row("数量指标", "丁村放映点开放天数", "≥500.00(人)", "520.00(人)", 20, 20),
                            Row("数量指标", "戊村放映点开放天数", "达标", "达成指标", 20, 20))
    r = sheet.rows
    # rows 2 and 3 printed without names; their names and row 4's printed together before row 4
    table = [r[0].name, *r[0].values(), *r[1].values(), *r[2].values(), r[1].name, r[2].name, r[3].name,
             *r[3].values(), *r[4].cells()]
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet) + C.totals(sheet)))
    assert [i.name for i in form.indicators] == [x.name for x in r]
    assert "name-run" in C.codes(form)


# rows 2 and 3 whose names' words point at each other's units (次数 at row 3's 次, 场次 at row 2's 场)
CROSSED = (Row("数量指标", "甲村放映点开放天数", "≥300.00(天)", "320.00(天)", 20, 20),
           Row("数量指标", "乙村放映点开放次数", "≥300.00(场)", "320.00(场)", 20, 20),
           Row("数量指标", "丙村放映点放映场次", "≥50.00(次)", "52.00(次)", 20, 20),
           Row("数量指标", "丁村放映点观众人数", "≥500.00(人)", "520.00(人)", 20, 20))


def test_three_names_printed_together_before_the_first_row_name_the_next_rows_in_order():
    sheet = SPENT.with_rows(*CROSSED, Row("数量指标", "戊村放映点开放天数", "达标", "达成指标", 20, 20))
    r = sheet.rows
    # the names of rows 1-3 printed together above the table: where they are printed decides
    table = [r[0].name, r[1].name, r[2].name, *r[0].values(), *r[1].values(), *r[2].values(), *r[3].cells(),
             *r[4].cells()]
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet) + C.totals(sheet)))
    assert [i.name for i in form.indicators] == [x.name for x in r]
    assert "name-run" in C.codes(form)


def test_three_names_printed_together_after_the_table_name_the_rows_without_one_in_order():
    sheet = SPENT.with_rows(*CROSSED,
                            Row("数量指标", "戊村放映点开放天数", "达标", "达成指标", 10, 10),
                            Row("数量指标", "己村放映点开放天数", "达标", "达成指标", 5, 5),
                            Row("数量指标", "庚村放映点开放天数", "达标", "达成指标", 5, 5))
    r = sheet.rows
    # the names of rows 2-4 printed together after the table, the others with their rows: where
    # they are printed decides
    table = [*r[0].cells(), *r[1].values(), *r[2].values(), *r[3].values(), *row_cells(r[4:])]
    form = C.read(C.page(sheet, table_=table, tail_=[r[1].name, r[2].name, r[3].name] + C.labels(sheet)
                         + C.totals(sheet)))
    assert [i.name for i in form.indicators] == [x.name for x in r]


def test_two_names_placed_apart_trade_rows_when_each_reads_as_the_others_group():
    sheet = FORM.with_rows(Row("经济成本指标", "放映设备单位采购成本", "≤3.20(万元/台)", "3.10(万元/台)", 30, 30),
                           Row("数量指标", "公益电影放映场次", "≥120.00(场)", "126.00(场)", 30, 30),
                           replace(ROWS[2], weight=30, score=20))
    cost, count, last = sheet.rows
    # the first two rows' names printed each at the other's row, each beside its own group's label
    table = [f"数量指标 {count.name}", *cost.values(), f"经济成本指标 {cost.name}", *count.values(), *last.cells()]
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet)[2:] + C.totals(sheet)))
    assert C.rows(form)[:2] == sheet.expected_rows()[:2]
    assert "names-traded" in C.codes(form)


def test_between_two_equal_repairs_of_the_scores_the_one_that_fits_the_values_is_taken():
    sheet = FORM.with_rows(Row("质量指标", "放映服务达标率", "≥90.00(%)", "100.00(%)", 3, 3),
                           Row("社会效益指标", "村居文化氛围改善", "改善", "部分达成", 5, 0, "放映点维修，活动减少。"),
                           Row("服务对象满意度指标", "观众满意度", "达标", "达成指标", 82, 82))
    a, b, c = sheet.rows
    # row 2's 得分 printed right after row 1's: moving it or row 1's own 得分 both make the sums hold
    table = a.cells() + [b.printed["score"]] + b.cells("name", "target", "actual", "weight") + c.cells()
    form = C.read(C.page(sheet, table_=table))
    assert [(i.weight, i.score) for i in form.indicators] == [(3.0, 3.0), (5.0, 0.0), (82.0, 82.0)]


def test_two_names_printed_together_name_the_two_rows_just_above_that_lack_one():
    sheet = SPENT.with_rows(Row("数量指标", "甲村放映点开放天数", "达标", "达成指标", 25, 25),
                            Row("数量指标", "乙村放映点观众人数", "≥300.00(场)", "320.00(场)", 25, 25),
                            Row("数量指标", "丙村放映点开放天数", "≥500.00(人)", "520.00(人)", 20, 20),
                            Row("数量指标", "丁村放映点开放天数", "达标", "达成指标", 20, 20))
    r = sheet.rows
    # rows 2 and 3 printed without names, then their names together (the first's cue 人数 points
    # at row 3's unit 人), then row 4's target, its name and the rest of it
    table = [r[0].name, *r[0].values(), *r[1].values(), *r[2].values(), r[1].name, r[2].name, r[3].target,
             r[3].name, *r[3].cells("actual", "weight", "score")]
    form = C.read(C.page(sheet, table_=table, tail_=C.labels(sheet) + C.totals(sheet)))
    assert [i.name for i in form.indicators] == [x.name for x in r]


def test_names_printed_together_before_their_rows_values_cue_their_rows_in_printed_order():
    sheet = FORM.with_rows(Row("数量指标", "公益电影观影人数", "≥500.00(人)", "520.00(人)", 20, 20),
                           Row("数量指标", "公益电影放映批次数", "=300.00(场)", "300.00(场)", 30, 30),
                           Row("时效指标", "放映计划按期发布率", "≥95.00(%)", "100.00(%)", 20, 20),
                           replace(ROWS[2], weight=20, score=15, deviation="音响设备老化。"))
    first, r2, r3, last = sheet.rows
    # rows 2 and 3 printed side by side: their two names, two targets, two actuals …
    pairs = [x for f in ("name", "target", "actual", "weight", "score") for x in r2.cells(f) + r3.cells(f)]
    form = C.read(C.page(sheet, table_=first.cells() + pairs + last.cells()))
    assert C.rows(form) == sheet.expected_rows()


# the fund block with two items spent; its 全年执行数 and 执行率 printed after the whole table
SPLIT = Sheet(ROWS, budgets=((100.0, 100.0, 90.0), (80.0, 80.0, 72.0), (20.0, 20.0, 18.0), (0.0, 0.0, 0.0)))


def split_funds(sheet):
    rows = C.fund_rows(sheet)
    return [c for row in rows for c in row[:5]], [c for row in rows for c in row[5:]]


def test_fund_values_printed_after_the_whole_table_are_still_the_funds():
    funds, late = split_funds(SPLIT)
    text = C.page(SPLIT, funds_=funds, tail_=C.labels(SPLIT) + C.totals(SPLIT) + [C.DEVIATION_HEADER] + late
                  + C.deviations(SPLIT))
    form = C.read(text)
    assert C.project(form.to_dict(), SPLIT.record())["funds"] == SPLIT.record()["funds"]
    assert C.rows(form) == SPLIT.expected_rows()
    assert "unassigned" not in C.codes(form)


def test_the_total_pair_closes_the_tables_numbers_and_fund_values_after_it_are_the_funds():
    sheet = SPLIT.with_rows(replace(ROWS[0], weight=20, score=20), ROWS[1], replace(ROWS[2], weight=40, score=30))
    funds, late = split_funds(sheet)
    values = row_cells(sheet.rows, "name", "target", "actual")
    weights, scores = C.column(sheet, "weight"), C.column(sheet, "score")     # printed as two column blocks
    label_and_grade, pair = C.totals(sheet)[:2], C.totals(sheet)[2:]
    after = C.labels(sheet) + pair + label_and_grade + late + [C.DEVIATION_HEADER] + C.deviations(sheet)
    form = C.read(C.page(sheet, funds_=funds, table_=values + weights + scores, tail_=after))
    assert C.project(form.to_dict(), sheet.record())["funds"] == sheet.record()["funds"]
    assert C.rows(form) == sheet.expected_rows()
    assert (form.total.weight, form.total.score) == (100.0, 89.0)


LOST = FORM.with_rows(
    Row("数量指标", "公益电影观影人数", "≥500.00(人)", "450.00(人)", 20, 15, "观影人数未达预期。"),
    Row("质量指标", "放映画面清晰合格率", "≥95.00(%)", "93.00(%)", 30, 28, "部分场次片源画质欠佳。"),
    Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 25, 25),
    Row("服务对象满意度指标", "观众满意度", "≥90.00(%)", "80.00(%)", 15, 12, "部分放映点音响设备老化。"))
LOST_TAIL = C.labels(LOST) + C.totals(LOST)[:2]
LOST_PAIR = C.totals(LOST)[2:]


def test_a_score_printed_at_the_start_of_its_deviations_line_may_come_before_its_rows_weight():
    r1 = LOST.rows[0]
    # row 1's 得分 and deviation printed as one line above the table's columns
    columns = [[f"{r1.printed['score']} {r1.deviation}"]] + whole_columns(LOST, ("name", "target", "actual", "weight"))
    columns += [C.column(LOST, "score", (1, 2, 3))]
    form = C.read(C.drawn(LOST, columns, LOST_TAIL + LOST_PAIR + C.deviations(LOST)[1:]))
    assert C.rows(form) == LOST.expected_rows()


def test_scores_printed_after_the_total_go_back_where_the_sums_hold():
    columns = whole_columns(LOST, ("name", "target", "actual", "weight")) + [C.column(LOST, "score", (0, 3))]
    late = "\n".join(C.column(LOST, "score", (1, 2)))
    form = C.read(C.drawn(LOST, columns, LOST_PAIR + LOST_TAIL + [late] + C.deviations(LOST)))
    assert [(i.weight, i.score) for i in form.indicators] == [(r.weight, r.score) for r in LOST.rows]


def test_a_score_column_printed_after_the_table_ends_with_the_totals_score():
    # each row printed with its 分值; the 得分 column after 总分 and the grade, the total's last
    weight, score = (C.num(x) for x in LOST.total)
    tail = C.labels(LOST) + ["总分", weight, "评分等级", LOST.grade] + C.column(LOST, "score") + [score]
    form = C.read(C.page(LOST, table_=row_cells(LOST.rows, "name", "target", "actual", "weight"),
                         tail_=tail + [C.DEVIATION_HEADER] + C.deviations(LOST)))
    assert C.rows(form) == LOST.expected_rows()
    assert (form.total.weight, form.total.score) == LOST.total


def test_rows_printed_with_their_weights_keep_their_names_when_the_score_column_is_apart():
    # names before their rows' values, one printed after its row's actual (a name centred on a
    # wrapped value); the 得分 column after the table. The names' words tell the two rows apart
    # no better than the other way round: where a name is printed decides.
    sheet = LOST.with_rows(Row("数量指标", "村居放映覆盖人数", "≥500.00(人次)", "450.00(人次)", 20, 15, "观影人数未达预期。"),
                           Row("数量指标", "流动放映服务人数", "≥300.00(人)", "300.00(人)", 30, 30), *LOST.rows[2:])
    r1, r2, r3, r4 = sheet.rows
    table = (r1.cells("target", "actual", "name", "weight") + r2.cells("name", "target", "actual", "weight")
             + r3.cells("name", "target", "actual", "weight") + r4.cells("name", "target", "actual", "weight"))
    weight, score = (C.num(x) for x in sheet.total)
    tail = C.labels(sheet) + ["总分", weight, "评分等级", sheet.grade] + C.column(sheet, "score") + [score]
    form = C.read(C.page(sheet, table_=table, tail_=tail + [C.DEVIATION_HEADER] + C.deviations(sheet)))
    assert C.rows(form) == sheet.expected_rows()


def test_a_fund_item_printed_after_the_table_does_not_stretch_the_fund_block_over_it():
    funds = C.fund_rows(LOST)
    late = funds[2]                 # 上年结转资金 with its values, printed after the whole table
    tail = C.tail(LOST) + late
    form = C.read(C.page(LOST, funds_=[c for row in funds[:2] + funds[3:] for c in row], tail_=tail))
    assert C.rows(form) == LOST.expected_rows()


@pytest.mark.parametrize("header", [["分值", "得分"], ["得分"]])
def test_the_tables_分值_or_得分_header_printed_again_after_the_fund_items_closes_the_fund_numbers(header):
    # the value columns' header words printed after the table; the 分值/得分 column first, under
    # its own header (the fund header's 分数 and 得分 printed above the fund items)
    numbers = header + row_cells(LOST.rows, "weight", "score")
    table = numbers + row_cells(LOST.rows, "name", "target", "actual")
    form = C.read(C.page(LOST, table_head=[], table_=table, tail_=C.TABLE_HEAD + C.tail(LOST)))
    assert C.rows(form) == LOST.expected_rows()
    assert C.project(form.to_dict(), LOST.record())["funds"] == LOST.record()["funds"]


def test_a_rows_values_printed_after_the_total_label_fill_the_row_whose_pair_has_none():
    # row 1 printed as its 分值/得分 alone: its name, target and actual stand after 总分 with
    # the last row
    r1, r2, r3, r4 = LOST.rows
    table = r1.cells("weight", "score") + r2.cells() + r3.cells()
    late = C.labels(LOST) + C.totals(LOST)[:2] + r1.cells("name", "target", "actual") + r4.cells() + LOST_PAIR
    form = C.read(C.page(LOST, table_=table, tail_=late + [C.DEVIATION_HEADER] + C.deviations(LOST)))
    assert C.rows(form) == LOST.expected_rows()


def test_a_weight_alone_in_its_block_printed_late_goes_back_where_the_sums_hold():
    # row 2's 分值 printed alone after the 得分 column
    columns = whole_columns(LOST, ("name", "target", "actual"))
    columns += [C.column(LOST, "weight", (0, 2, 3)), C.column(LOST, "score"), C.column(LOST, "weight", (1,))]
    form = C.read(C.drawn(LOST, columns, LOST_TAIL + LOST_PAIR + C.deviations(LOST)))
    assert [(i.weight, i.score) for i in form.indicators] == [(r.weight, r.score) for r in LOST.rows]


def by_blocks(sheet, blocks, after=()):
    """A drawn form whose names' column is printed as ``blocks`` of names (each a list of 0-based
    rows, a block of its own), then the value columns whole."""
    columns = [C.column(sheet, "name", rows) for rows in blocks]
    columns += whole_columns(sheet, ("target", "actual", "weight", "score"))
    return C.drawn(sheet, columns, list(after) + C.labels(sheet) + C.totals(sheet) + C.deviations(sheet))


ORDERED = FORM.with_rows(
    Row("经济成本指标", "单场放映成本控制", "≤900.00(元/场)", "860.00(元/场)", 10, 10),
    Row("经济成本指标", "放映设备单位采购成本", "≤3.20(万元/台)", "3.10(万元/台)", 10, 10),
    Row("数量指标", "公益电影放映场次", "≥120.00(场)", "126.00(场)", 15, 15),
    Row("数量指标", "流动放映车出车数量", "≥40.00(次)", "42.00(次)", 15, 15),
    Row("质量指标", "放映画面清晰合格率", "≥95.00(%)", "97.00(%)", 10, 10),
    Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 10, 10),
    replace(ROWS[2], weight=20, score=10))


def test_a_block_of_cost_names_printed_after_the_output_names_goes_back_before_them():
    form = C.read(by_blocks(ORDERED, [(2, 3), (4, 5), (0, 1), (6,)]))
    assert [i.name for i in form.indicators] == [r.name for r in ORDERED.rows]
    assert "names-regrouped" in C.codes(form)


def test_names_printed_late_one_by_one_go_back_each_rather_than_the_block_before_them_moving():
    sheet = SPENT.with_rows(
        Row("数量指标", "公益电影放映场次", "≥120.00(场)", "126.00(场)", 10, 10),
        Row("数量指标", "流动放映车出车数量", "≥40.00(次)", "42.00(次)", 10, 10),
        Row("质量指标", "放映画面清晰合格率", "≥95.00(%)", "97.00(%)", 10, 10),
        Row("质量指标", "放映音响调试合格率", "≥95.00(%)", "98.00(%)", 10, 10),
        Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 10, 10),
        Row("社会效益指标", "村居文化活动覆盖面扩大", "扩大", "达成指标", 10, 10),
        Row("社会效益指标", "农村电影放映覆盖面扩大", "扩大", "达成指标", 10, 10),
        Row("社会效益指标", "群众观影便利度提升", "提升", "达成指标", 10, 10),
        Row("可持续影响指标", "放映点安全巡查机制长效性", "长效", "达成指标", 10, 10))
    # two rows' names printed after the table, each alone; the 社会效益 block stands in its place
    form = C.read(by_blocks(sheet, [(0,), (2,), (4, 5), (6, 7, 8), (1,), (3,)]))
    assert [i.name for i in form.indicators] == [r.name for r in sheet.rows]


def test_names_in_the_templates_order_of_groups_stay_as_printed():
    sheet = FORM.with_rows(ORDERED.rows[0], replace(ROWS[0], weight=25, score=25),
                           Row("质量指标", "放映画面清晰合格率", "≥95.00(%)", "97.00(%)", 25, 25),
                           replace(ROWS[2], weight=30, score=20))
    form = C.read(by_blocks(sheet, [(0,), (1, 2), (3,)]))
    assert [i.name for i in form.indicators] == [r.name for r in sheet.rows]
    assert "names-regrouped" not in C.codes(form)


def test_a_text_right_of_a_number_on_its_line_is_a_deviations_piece_not_a_name():
    name = "放映台账登记齐全性"
    sheet = FORM.with_rows(*ROWS[:2], Row("可持续影响指标", name, "完整", "部分达成", 30, 21.88, name + "低于年度预期"))
    beside = f"21.88 {name}低于年度预期"
    columns = whole_columns(sheet, ("name", "target", "actual", "weight")) + [C.column(sheet, "score", (0, 1))
                                                                              + [beside]]
    text = C.drawn(sheet, columns, C.labels(sheet) + C.totals(sheet))
    assert C.cut(text, beside) == [("21.88", "number", "indicators[2].score"),
                                   (name + "低于年度预期", "prose", "indicators[2].deviation")]
    assert C.cut(text, name) == [(name, "word", "indicators[2].name")]


# a drawn form whose deviations' middle lines stand beside their rows' 得分, the rest printed later
OPENED = SPENT.with_rows(
    Row("数量指标", "公益电影放映场次", "≥120.00(场)", "110.00(场)", 40, 35,
        "部分村居放映点场地不足，下年度将协调学校操场作为备用场地。"),
    Row("质量指标", "放映画面清晰达标率", "≥98.00(%)", "92.00(%)", 30, 25,
        "因放映设备更新延期，部分场次画面质量低于年度预期；下一步将加快设备更新进度。"),
    Row("时效指标", "放映计划发布及时性", "及时", "达成指标", 20, 20))


def opened(sheet, beside, later):
    """``sheet`` drawn by columns, ``beside[k]`` printed after row k's 得分 on its line, ``later``
    (blocks) after the table."""
    scores = [f"{s} {b}".strip() for s, b in zip(C.column(sheet, "score"), beside)]
    columns = whole_columns(sheet, ("name", "target", "actual", "weight")) + [scores]
    return C.drawn(sheet, columns, C.labels(sheet) + C.totals(sheet) + list(later))


def test_a_deviations_first_line_printed_after_the_line_beside_its_score_opens_it():
    # rows 1 and 2: the middle line printed with the row's 得分, the first (and last) lines later
    text = opened(OPENED, ["将协调学校操场作为备用场地。", "量低于年度预期；下一步将加快", ""],
                  ["部分村居放映点场地不足，下年度", "因放映设备更新延期，部分场次画面质\n设备更新进度。"])
    form = C.read(text)
    assert C.rows(form) == OPENED.expected_rows()
    assert "deviation-opener-uncertain" not in C.codes(form)


def test_an_opener_takes_the_score_line_closest_before_it_and_a_whole_line_stays_whole():
    sheet = OPENED.with_rows(replace(OPENED.rows[0], deviation="部分村居放映场地未能按期落实。"),
                             replace(OPENED.rows[1], deviation="个别放映点供电线路老化，后续将加紧放映设备检修进度。"),
                             OPENED.rows[2])
    form = C.read(opened(sheet, ["部分村居放映场地未能按期落实。", "加紧放映设备检修进度。", ""],
                         ["个别放映点供电线路老化，后续将"]))
    assert C.rows(form) == sheet.expected_rows()
    assert "deviation-opener-uncertain" in C.codes(form)      # the whole line could be the piece


def test_a_deviation_printed_on_its_rows_score_line_goes_to_that_row_even_if_the_row_kept_its_points():
    # rows 1 and 2 lost points, row 3 kept them; the deviations stand on rows 2 and 3's 得分 lines
    first, second, third = OPENED.rows
    sheet = OPENED.with_rows(replace(first, deviation=None), replace(second, deviation="放映设备检修延期。"),
                             replace(third, deviation="放映计划提前发布，群众反响好于年度预期。"))
    form = C.read(opened(sheet, ["", sheet.rows[1].deviation, sheet.rows[2].deviation], []))
    assert C.rows(form) == sheet.expected_rows()


def test_a_deviation_never_goes_to_a_row_that_kept_its_points_and_met_its_target():
    """A deviation explains lost points or a gap between target and actual: printed beside two
    rows that have neither, it goes to the row that lost points, with a doubt on its row."""
    met = Row("数量指标", "公益电影放映场次", "=120.00(场)", "120.00(场)", 30, 30)
    sheet = FORM.with_rows(met, *ROWS[1:])
    r0, r1, r2 = sheet.rows
    table = r0.cells() + [C.wrap(r2.deviation, 38)] + r1.cells() + r2.cells()
    form = C.read(C.page(sheet, table_=table, tail_=C.tail(sheet, devs=False)))
    assert [i.deviation for i in form.indicators] == [None, None, r2.deviation]
    assert "deviation-row-uncertain" in C.codes(form)


def test_a_row_that_kept_its_points_but_missed_an_exact_target_takes_a_deviation_printed_apart():
    """A row whose actual is not its ``=`` target explains itself in a deviation even when it kept
    its points: the deviations printed after the table go to it and to the row that lost points,
    not to a row that met its target."""
    timely, _, lost = ROWS
    missed = Row("数量指标", "公益电影放映场次", "=120.00(场)", "126.00(场)", 30, 30, "观众需求超出预期，加映六场。")
    sheet = FORM.with_rows(replace(timely, level2="数量指标", name="放映计划发布及时性"), missed, lost)
    form = C.read(C.page(sheet))
    assert [i.deviation for i in form.indicators] == [None, missed.deviation, lost.deviation]


def test_a_sub_row_that_leaves_its_score_cells_blank_has_its_values_in_the_other_columns():
    # a word processor leaves a sub-row's 分值 and 得分 empty instead of printing -
    total, *others = C.fund_rows(FORM)
    funds = total + [c for row in others for c in row if c != "-"]
    form = C.read(C.page(FORM, funds_=funds))
    assert C.project(form.to_dict(), FORM.record())["funds"] == FORM.record()["funds"]
    assert not [d for d in form.diagnostics if d.code in ("fund-row-shape", "fund-value-apart")]


def test_a_fund_item_cut_around_its_values_one_per_line_is_that_fund_row():
    # 其中：当年财政 / its values, a cell each / 拨款: a centred item cut by its narrow column
    total, grant, *others = C.fund_rows(FORM)
    values = [c for c in grant[1:] if c != "-"]
    funds = total + ["其中：当年财政"] + values + ["拨款"] + [c for row in others for c in row if c != "-"]
    form = C.read(C.page(FORM, funds_=funds))
    assert C.project(form.to_dict(), FORM.record())["funds"] == FORM.record()["funds"]


def test_goal_texts_printed_beside_each_other_are_cut_where_the_left_column_ends():
    # pdftotext's default mode prints two cells' lines that share a baseline as one line, one space between;
    # the taller cell's lines above and below stand alone, the goal label heads the middle line
    lines = [WIDE[0], NARROW[0] + " " + WIDE[1], "年度总体目标 " + NARROW[1] + " " + WIDE[2], NARROW[2], WIDE[3]]
    form = C.read(goals_printed(lines))
    assert (form.goals.expected, form.goals.actual) == GOALS_APART.goals
    assert "goals-interleaved" in C.codes(form)


def test_one_line_cut_where_the_left_texts_lines_end_is_two_texts_beside_each_other():
    # one shared line only: its space stands where two lines of the left text alone end
    long_narrow = C.wrap("".join(NARROW) + "年内开展放映点安全检查十二次，发现并整改问题九个。", 50).split("\n")
    sheet = replace(GOALS_APART, expected_goal="".join(long_narrow))
    assert len(long_narrow) == 4
    lines = long_narrow[:2] + [long_narrow[2] + " " + WIDE[0], WIDE[1], long_narrow[3], WIDE[2], WIDE[3]]
    form = C.read(goals_printed(lines, sheet))
    assert (form.goals.expected, form.goals.actual) == sheet.goals


def test_a_line_with_one_space_inside_one_text_is_no_second_text():
    # a space between a figure and its word (年内 2024 年) where no line of the text ends: one text
    spaced = [WIDE[0], WIDE[1][:10] + " " + WIDE[1][10:]] + WIDE[2:]
    form = C.read(goals_printed(spaced + NARROW))
    assert "goals-interleaved" not in C.codes(form)


def test_pieces_of_the_fund_labels_printed_beside_each_other_are_no_goal_text():
    # the 项目资金（万元） margin label and an item, both cut by their narrow cells, printed on shared lines
    head = [c for c in C.head(GOALS_APART) if c != "年度\n总体\n目标"]
    furniture = "项目资金（ 其中：当年财政\n万元）\n拨款"
    form = C.read(C.page(GOALS_APART, head_=head, goals_=[furniture, "预期目标", "实际完成情况", "\n".join(NARROW),
                                                          "\n".join(WIDE)]))
    assert (form.goals.expected, form.goals.actual) == GOALS_APART.goals
