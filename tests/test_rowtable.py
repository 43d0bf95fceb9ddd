"""Row-order dialects (pdftotext -raw): rows read whole, and what wraps put back on its row.
The forms are written by hand; names and figures are invented."""

import selfeval
import handmade as H
from handmade import explained_lines, line_no

HEAD = """财政项目支出绩效自评表
（2023年度）
项目名称 社区图书馆运营补助
主管部门 江北市临川区文化旅游局 实施单位 江北市临川区图书馆
年初预算数 全年预算数 分数 得分 全年执行数 执行率(%)
年度资金总额 100.00 100.00 10.00 10.00 100.00 100.00
其中：当年财政拨款 100.00 100.00 - - 100.00 100.00
上年结转资金 0.00 0.00 - - 0.00 0.00
其他资金 0.00 0.00 - - 0.00 0.00
预期目标 实际完成情况
计划全年开放图书馆三百天，力争借阅量增长。
全年实际开放图书馆三百一十天，借阅量增长百分之五。
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
"""
FOOT = "总分 100.00 {score}\n评分等级 {grade}\n"


def parse(table: str, score="100.00", grade="优"):
    forms = selfeval.parse(HEAD + table + FOOT.format(score=score, grade=grade))
    assert len(forms) == 1
    return forms[0]


def rows(form):
    return [(i.level2, i.name, i.target, i.actual, i.weight, i.score, i.deviation) for i in form.indicators]


def dialect(text):
    """The dialect ``explain`` says the (only) form of ``text`` was read in."""
    form, = H.explain(text)
    return form["dialect"]


# rows of three shapes: labels, name, cells and pair on one line; a name with one cell, the other
# cell's last piece before the pair; a row with its deviation after the pair
ROWS = ("产出指标\n数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 40.00 40.00\n"
        "新增期刊种类数 ≥120.00(种)\n126.00(种) 10.00 10.00\n"
        "满意度指标\n服务对象满意度指标\n读者满意度 满意 基本达成 40.00 38.00 部分读者反映座位不足。\n")
TEXT = HEAD + ROWS + FOOT.format(score="98.00", grade="优")


def cells_of(line):
    return sorted((c["text"], c["slot"]) for c in explained_lines(TEXT)[line_no(TEXT, line)]["cells"])


def test_the_mode_is_told_by_the_header_and_by_runs_of_spaces():
    # the indicator header whole with 三级指标 among its columns: -raw
    assert dialect(TEXT) == "raw"
    # the same lines with their words kept apart by runs of spaces: -layout
    assert dialect("\n".join("   ".join(line.split()) for line in TEXT.splitlines())) == "layout"
    # the header without 三级指标, fund rows joined, value rows closed by 分值 得分: default
    assert dialect(H.default_page()) == "default"


def test_split_row_reads_name_cells_pair_and_deviation():
    form = parse(ROWS, score="98.00")
    assert rows(form) == [
        ("数量指标", "图书采购册数", "≥3000.00(册)", "3120.00(册)", 40.0, 40.0, None),
        ("数量指标", "新增期刊种类数", "≥120.00(种)", "126.00(种)", 10.0, 10.0, None),
        ("服务对象满意度指标", "读者满意度", "满意", "基本达成", 40.0, 38.0, "部分读者反映座位不足。"),
    ]
    assert cells_of("数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 40.00 40.00") == sorted([
        ("数量指标", "indicators[0..1].level2"), ("图书采购册数", "indicators[0].name"),
        ("≥3000.00(册)", "indicators[0].target"), ("3120.00(册)", "indicators[0].actual"),
        ("40.00", "indicators[0].weight"), ("40.00", "indicators[0].score")])
    assert cells_of("读者满意度 满意 基本达成 40.00 38.00 部分读者反映座位不足。") == sorted([
        ("读者满意度", "indicators[2].name"), ("满意", "indicators[2].target"), ("基本达成", "indicators[2].actual"),
        ("40.00", "indicators[2].weight"), ("38.00", "indicators[2].score"),
        ("部分读者反映座位不足。", "indicators[2].deviation")])
    # a line of prose is no row: it is a goal text
    assert cells_of("全年实际开放图书馆三百一十天，借阅量增长百分之五。") == [
        ("全年实际开放图书馆三百一十天，借阅量增长百分之五。", "goals.actual")]
    assert [d.code for d in form.diagnostics] == ["dialect"]


def test_split_row_reads_the_last_piece_of_a_cell_before_the_pair():
    assert cells_of("新增期刊种类数 ≥120.00(种)") == sorted([
        ("新增期刊种类数", "indicators[1].name"), ("≥120.00(种)", "indicators[1].target")])
    assert cells_of("126.00(种) 10.00 10.00") == sorted([
        ("126.00(种)", "indicators[1].actual"), ("10.00", "indicators[1].weight"), ("10.00", "indicators[1].score")])


def test_rows_with_labels_before_them_and_a_deviation_that_goes_on():
    form = parse("产出指标\n数量指标\n图书采购册数 ≥3000.00(册) 3120.00(册) 45.00 45.00\n"
                 "满意度指标\n服务对象满\n意度指标\n读者满意度 满意 基本达成 45.00 40.00 部分读者反映\n"
                 "座位不足，下一年度将增加座位。\n", score="95.00")
    assert rows(form) == [
        ("数量指标", "图书采购册数", "≥3000.00(册)", "3120.00(册)", 45.0, 45.0, None),
        ("服务对象满意度指标", "读者满意度", "满意", "基本达成", 45.0, 40.0, "部分读者反映座位不足，下一年度将增加座位。"),
    ]
    assert form.indicators[1].level1 == "满意度指标"


def test_a_row_whose_cells_wrap_takes_its_name_from_the_line_before():
    form = parse("成本指标\n经济成本指\n标\n每册图书采购成本\n≤45.00(元/\n册)\n42.30(元/\n册)\n90.00 90.00\n")
    assert rows(form) == [("经济成本指标", "每册图书采购成本", "≤45.00(元/册)", "42.30(元/册)", 90.0, 90.0, None)]


def test_a_name_that_wraps_before_a_row_with_its_cells():
    form = parse("产出指标\n数量指标\n社区图书馆（含流动服务点）开放天\n数\n≥300.00(天) 310.00(天) 90.00 90.00\n")
    assert rows(form)[0][1:4] == ("社区图书馆（含流动服务点）开放天数", "≥300.00(天)", "310.00(天)")


def test_cells_label_and_deviation_printed_after_the_rows_go_back_to_their_rows():
    table = ("成本指标 经济成本指标\n每册图书采购成本 30.00 30.00\n"
             "图书馆运维成本控制 控制在预算内 达成指标 30.00 30.00\n"
             "产出指标\n数量指标\n图书采购册数 30.00 25.00\n")
    tail = ("≤45.00(元/册) 42.30(元/册)\n生态环境成本指\n标\n≥3000.00(册) 2500.00(册)\n"
            "受供货周期影响，部分图书\n未能按期到馆。\n")
    form = selfeval.parse(HEAD + table + FOOT.format(score="95.00", grade="优") + tail)[0]
    assert rows(form) == [
        ("经济成本指标", "每册图书采购成本", "≤45.00(元/册)", "42.30(元/册)", 30.0, 30.0, None),
        ("生态环境成本指标", "图书馆运维成本控制", "控制在预算内", "达成指标", 30.0, 30.0, None),
        ("数量指标", "图书采购册数", "≥3000.00(册)", "2500.00(册)", 30.0, 25.0, "受供货周期影响，部分图书未能按期到馆。"),
    ]
    assert not [d for d in form.diagnostics if d.code == "unassigned"]


def test_a_unit_name_wrapped_under_its_label():
    text = HEAD.replace("实施单位 江北市临川区图书馆", "实施单位\n江北市临川区图书\n馆")
    form = selfeval.parse(text + "产出指标\n数量指标\n图书采购册数 =1.00(册) 1.00(册) 90.00 90.00\n"
                          + FOOT.format(score="100.00", grade="优"))[0]
    assert form.implementing_unit == "江北市临川区图书馆"
    assert form.goals.expected == "计划全年开放图书馆三百天，力争借阅量增长。"
    assert form.goals.actual == "全年实际开放图书馆三百一十天，借阅量增长百分之五。"


def test_the_fund_tables_unit_printed_apart_is_template_print_not_a_cells_unit():
    # pdftotext -raw sets the margin labels of the fund block after the table: （万元） there is
    # the template's, not the last target's unit, and goes into no field without a warning
    goals = "计划全年开放图书馆三百天，力争借阅量增长。\n全年实际开放图书馆三百一十天，借阅量增长百分之五。\n"
    head = HEAD.replace("（2023年度）\n", "").replace("预期目标 实际完成情况\n" + goals, "")
    text = (head + ROWS + FOOT.format(score="98.00", grade="优")
            + "（2023年度）\n项目资金\n（万元）\n执行率(%)\n年度\n总体\n目标\n" + goals)
    form, = selfeval.parse(text)
    assert (form.goals.expected or "").startswith("计划全年")
    assert rows(form)[-1][2:4] == ("满意", "基本达成")
    assert not [d for d in form.diagnostics if d.level != "info"]


def test_a_unit_on_the_line_under_its_bare_number_is_that_numbers_unit():
    table = ("产出指标\n数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 40.00 40.00\n"
             "新增期刊种类数 ≥120.00(万元) 126.00\n(万元)\n10.00 10.00\n"
             "满意度指标\n服务对象满意度指标\n读者满意度 满意 基本达成 40.00 38.00 部分读者反映座位不足。\n")
    form = parse(table, score="98.00")
    assert rows(form)[1][2:4] == ("≥120.00(万元)", "126.00(万元)")


def test_a_name_whose_last_piece_is_on_its_rows_line_takes_the_lines_above_it():
    # a browser centres the one-line cells on a two-line name: the row's line holds the name's last
    # piece, the head stands alone above it, after the row before's deviation (a sentence)
    form = parse("产出指标\n数量指标 图书采购册数 ≥3000.00(册) 2800.00(册) 45.00 40.00 受供货周期影响，\n"
                 "部分图书未能到馆。\n社区图书馆流动服务点开放天\n数 ≥300.00(天) 310.00(天) 45.00 45.00\n",
                 score="95.00")
    assert rows(form) == [
        ("数量指标", "图书采购册数", "≥3000.00(册)", "2800.00(册)", 45.0, 40.0, "受供货周期影响，部分图书未能到馆。"),
        ("数量指标", "社区图书馆流动服务点开放天数", "≥300.00(天)", "310.00(天)", 45.0, 45.0, None),
    ]


def test_a_deviation_drawn_before_the_next_rows_name_ends_at_its_sentence():
    # the row before's deviation, printed whole after its row, then the next name's two lines
    form = parse("产出指标\n数量指标 图书采购册数 ≥3000.00(册) 2800.00(册) 45.00 40.00\n受供货周期影\n"
                 "响，部分图书未能到馆。\n社区图书馆流动服务点\n开放天数\n≥300.00(天) 310.00(天) 45.00 45.00\n",
                 score="95.00")
    assert [(r[1], r[6]) for r in rows(form)] == [("图书采购册数", "受供货周期影响，部分图书未能到馆。"),
                                                   ("社区图书馆流动服务点开放天数", None)]


def test_a_fund_item_cut_by_a_wrap_with_its_values_on_the_last_pieces_line():
    form = parse("产出指标\n数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 90.00 90.00\n").to_dict()
    text = HEAD.replace("其中：当年财政拨款 100.00", "其中：当年财政拨\n款 100.00") + \
        "产出指标\n数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 90.00 90.00\n" + FOOT.format(score="100.00", grade="优")
    got, = selfeval.parse(text)
    assert got.to_dict()["funds"] == form["funds"]
    assert [f.item for f in got.funds] == ["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"]


def test_a_label_cut_by_a_wrap_ends_on_its_rows_line():
    form = parse("产出指标 数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 45.00 45.00\n"
                 "满意度指标 服务对象满意\n度指标 读者满意度 满意 基本达成 45.00 45.00\n", score="100.00")
    assert [(r[0], r[1]) for r in rows(form)] == [("数量指标", "图书采购册数"), ("服务对象满意度指标", "读者满意度")]
    assert form.indicators[1].level1 == "满意度指标"


def test_labels_before_a_name_that_wraps_around_its_rows_line_are_labels():
    form = parse("产出指标 数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 45.00 45.00\n"
                 "效益指标 社会效益指标 社区图书馆流动服务点开放天\n数 ≥300.00(天) 310.00(天) 45.00 45.00\n",
                 score="100.00")
    assert [(r[0], r[1]) for r in rows(form)] == [("数量指标", "图书采购册数"),
                                                   ("社会效益指标", "社区图书馆流动服务点开放天数")]


def test_the_fund_header_cut_by_wraps_is_that_header():
    # a word processor's narrow first column: 年初预算 / 数, the other columns on the next line
    text = HEAD.replace("年初预算数 全年预算数 分数 得分 全年执行数 执行率(%)",
                        "年初预算\n数\n全年预算数 分值 得分 全年执行数 执行率(%)").replace(
        "年度资金总额 100.00 100.00 10.00 10.00 100.00 100.00", "年度资金总额 100.00 90.00 10.00 9.00 81.00 90.00")
    text += "产出指标\n数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 90.00 90.00\n" + FOOT.format(score="99.00", grade="优")
    got, = selfeval.parse(text)
    total = got.funds[0]
    assert (total.initial_budget, total.annual_budget, total.weight, total.score, total.executed,
            total.execution_rate) == (100.0, 90.0, 10.0, 9.0, 81.0, 90.0)


def test_a_wrapped_header_followed_by_a_wrapped_label_is_the_header():
    # every narrow cell wraps: the header's last piece, then the first row's 一级 label cut in two
    text = HEAD.replace("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n",
                        "一级指\n标\n二级指\n标\n三级指标\n年度指标\n值\n实际完成值 分值 得分 偏差原因分析及改进措施\n")
    got, = selfeval.parse(text + "产出指\n标\n数量指\n标\n图书采购册数 ≥3000.00(册) 3120.00(册) 90.00 90.00\n"
                          + FOOT.format(score="100.00", grade="优"))
    assert rows(got) == [("数量指标", "图书采购册数", "≥3000.00(册)", "3120.00(册)", 90.0, 90.0, None)]
    assert got.indicators[0].level1 == "产出指标"


def test_a_header_in_row_order_whose_later_cells_wrapped_is_the_header():
    # the header printed again on the next page: 三级指标 beside 一级指标, the later cells wrapped
    page2 = "一级指标 二级指标 三级指标\n年度指标\n值\n实际完成值 分值 得分\n偏差原因分析及改\n进措施\n"
    got = parse("产出指标\n数量指标\n图书采购册数 ≥3000.00(册) 3120.00(册) 45.00 45.00\n" + page2
                + "期刊订阅种数 ≥120.00(种) 126.00(种) 45.00 45.00\n", score="100.00")
    assert [r[1] for r in rows(got)] == ["图书采购册数", "期刊订阅种数"]


def test_an_implementing_units_name_cut_at_the_lines_end_goes_on_on_the_next_line():
    text = HEAD.replace("实施单位 江北市临川区图书馆", "实施单位 江北市临川区公共文化服务\n中心")
    got, = selfeval.parse(text + "产出指标\n数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 90.00 90.00\n"
                          + FOOT.format(score="100.00", grade="优"))
    assert (got.department, got.implementing_unit) == ("江北市临川区文化旅游局", "江北市临川区公共文化服务中心")
    assert not [d for d in got.diagnostics if d.code == "unassigned"]


def test_a_fund_header_whose_later_columns_wrapped_takes_them_all_in_their_order():
    text = HEAD.replace("年初预算数 全年预算数 分数 得分 全年执行数 执行率(%)",
                        "年初预算数 全年预算数\n全年执行\n数\n分值 执行率(%) 得分").replace(
        "年度资金总额 100.00 100.00 10.00 10.00 100.00 100.00", "年度资金总额 100.00 90.00 81.00 10.00 90.00 9.00")
    got, = selfeval.parse(text + "产出指标\n数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 90.00 90.00\n"
                          + FOOT.format(score="99.00", grade="优"))
    total = got.funds[0]
    assert (total.initial_budget, total.annual_budget, total.executed, total.weight, total.execution_rate,
            total.score) == (100.0, 90.0, 81.0, 10.0, 90.0, 9.0)


def test_a_repeated_header_whose_deviation_column_wrapped_is_the_header():
    page2 = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n偏差原因分析及改进措\n施\n"
    got = parse("产出指标\n数量指标\n图书采购册数 ≥3000.00(册) 2800.00(册) 45.00 40.00\n受供货周期影响，部分图书未能到馆。\n"
                + page2 + "期刊订阅种数 ≥120.00(种) 126.00(种) 45.00 45.00\n", score="95.00")
    assert [(r[1], r[6]) for r in rows(got)] == [("图书采购册数", "受供货周期影响，部分图书未能到馆。"),
                                                  ("期刊订阅种数", None)]
