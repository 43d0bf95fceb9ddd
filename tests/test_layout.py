"""-layout dumps: the table and the goals from character positions. The form is written by
hand in the layout of pdftotext -layout; names and figures are invented."""
import selfeval
from handmade import explained_lines, line_no

FORM = """\
                        财政项目支出绩效自评表
                             （2023年度）
   项目名称        社区图书馆运营补助
   主管部门        江北市临川区文化旅游局          实施单位      江北市临川区图书馆
                     年初预算数   全年预算数  分数   得分   全年执行数  执行率(%)
          年度资金总额    100.00      100.00   10.00  10.00     100.00     100.00
  项目资金
          其中：当年财政拨款  100.00      100.00     -      -       100.00     100.00
  （万元）
          上年结转资金      0.00        0.00     -      -         0.00       0.00
          其他资金          0.00        0.00     -      -         0.00       0.00
                   预期目标                              实际完成情况
 年度                                        全年实际开放图书馆三百一十天，
 总体   计划全年开放图书馆三百天，           借阅量比上年增长百分之五，读者
 目标   力争借阅量有所增长。                 满意度达到九成。
一级指标 二级指标      三级指标        年度指标值   实际完成值  分值  得分      偏差原因分析及改进措施
       经济成本指                    ≤45.00(元/   42.30(元/
成本指标         每册图书采购成本                                 40.00  40.00
         标                          册)          册)
                                                                            受供货周期影响，部分
产出指标 数量指标  图书采购册数     ≥3000.00(册)  2500.00(册)  50.00  45.00  图书未能按期到馆，下
                                                                            年度将提前采购。
                       总分                                      100.00  95.00
   评分等级     优
"""


# the goal block of FORM, which tests print otherwise
GOALS = """\
 年度                                        全年实际开放图书馆三百一十天，
 总体   计划全年开放图书馆三百天，           借阅量比上年增长百分之五，读者
 目标   力争借阅量有所增长。                 满意度达到九成。"""

# row 2 with a name that holds single spaces, its deviation's lines standing in their column
# by display width (a Chinese character takes two columns): on the row's line the deviation
# starts 62 characters but 77 columns in, beside the 76 of the lines above and below it
ROW2 = "产出指标 数量指标  借阅 APP 注册数  ≥3000.00(人)  2500.00(人)  50.00  45.00  读者未能按期注册，下"
SPACED = (FORM.replace("受供货周期影响，部分", "受系统升级影响，部分")
          .replace("产出指标 数量指标  图书采购册数     ≥3000.00(册)  2500.00(册)  50.00  45.00  图书未能按期到馆，下", ROW2)
          .replace("年度将提前采购。", "年度将加强推广宣传。"))


def test_tokens_know_their_columns_with_chinese_two_wide():
    form, = selfeval.parse(SPACED)
    row = form.indicators[1]
    # one space inside a cell keeps it whole; two or more part cells
    assert (row.name, row.target, row.actual, row.weight, row.score) == (
        "借阅 APP 注册数", "≥3000.00(人)", "2500.00(人)", 50.0, 45.0)
    assert row.deviation == "受系统升级影响，部分读者未能按期注册，下年度将加强推广宣传。"
    cells = [(c["text"], c["slot"]) for c in explained_lines(SPACED)[line_no(SPACED, ROW2)]["cells"]]
    assert ("借阅 APP 注册数", "indicators[1].name") in cells
    assert ("受系统升级影响，部分读者未能按期注册，下年度将加强推广宣传。", "indicators[1].deviation") in cells
    assert not [d for d in form.diagnostics if d.code == "unassigned"]


def test_layout_form_is_read_from_positions():
    form, = selfeval.parse(FORM)
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score, i.deviation) for i in form.indicators] == [
        ("经济成本指标", "每册图书采购成本", "≤45.00(元/册)", "42.30(元/册)", 40.0, 40.0, None),
        ("数量指标", "图书采购册数", "≥3000.00(册)", "2500.00(册)", 50.0, 45.0,
         "受供货周期影响，部分图书未能按期到馆，下年度将提前采购。"),
    ]
    assert form.goals.expected == "计划全年开放图书馆三百天，力争借阅量有所增长。"
    assert form.goals.actual == "全年实际开放图书馆三百一十天，借阅量比上年增长百分之五，读者满意度达到九成。"
    assert (form.total.weight, form.total.score, form.grade) == (100.0, 95.0, "优")
    assert form.implementing_unit == "江北市临川区图书馆"
    assert not [d for d in form.diagnostics if d.code == "unassigned"]


def test_mode_can_be_forced():
    forms = selfeval.parse(FORM, params=selfeval.Params(mode="default"))
    assert [i.name for i in forms[0].indicators] != ["每册图书采购成本", "图书采购册数"]


def test_a_labels_wrapped_piece_joins_the_label_of_its_own_column():
    # 满意度指标 (一级) and 服务对象满意度指标 (二级) both wrap, each leaving 标 on a line of its
    # own under the row, the 二级's a column left of the names: each 标 ends the label whose
    # column it stands in, none joins the name
    table = FORM[FORM.index("一级指标"):FORM.index("                       总分")]
    rows = ("一级指标 二级指标      三级指标        年度指标值   实际完成值  分值  得分      偏差原因分析及改进措施\n"
            "       经济成本指                    ≤45.00(元/   42.30(元/\n"
            "成本指标         每册图书采购成本                                 40.00  40.00\n"
            "         标                          册)          册)\n"
            "          图书运输单位成本  ≤5.00(元/册)  4.00(元/册)   10.00  10.00\n"
            "       服务对象\n"
            "满意度指\n"
            "       满意度指 读者满意度      ≥90.00(%)     95.00(%)     50.00  50.00\n"
            "  标\n"
            "         标\n")
    text = FORM.replace(table, rows).replace("100.00  95.00", "100.00  100.00")
    form, = selfeval.parse(text)
    assert [(i.level1, i.level2, i.name) for i in form.indicators][2] == ("满意度指标", "服务对象满意度指标", "读者满意度")


def test_a_goal_line_alone_wider_than_the_left_text_is_the_right_texts():
    # the right text's lines that stand alone start halfway between the two columns (as near
    # the left text's start as the right's): wider than any line of the left text, they are
    # the right text's, and so is a short line that starts where they do
    def at(x, text, line=""):
        from selfeval.text import width
        return line + " " * (x - width(line)) + text
    left = ["计划全年开放图书馆三百天，", "力争借阅量有所增长。"]
    right = ["全年实际开放图书馆三百一十天，借阅量比上年增长百分之五，", "读者满意度达到九成，",
             "新增馆藏图书三千册，", "全年举办读者活动二十场，", "已完成年度主要目标。"]
    lx, rx = 7, 7 + 26 + 12
    mid = (lx + rx) // 2
    goals = "\n".join([at(19, "预期目标") + "                              实际完成情况",
                       at(mid, right[0]),
                       at(rx, right[1], at(lx, left[0], " 年度")),
                       at(rx, right[2], at(lx, left[1], " 总体")),
                       at(rx, right[3], " 目标"),
                       at(mid, right[4])]) + "\n"
    old = FORM[FORM.index("                   预期目标"):FORM.index("一级指标")]
    form, = selfeval.parse(FORM.replace(old, goals))
    assert form.goals.expected == "".join(left)
    assert form.goals.actual == "".join(right)


def test_a_forced_dialect_the_form_does_not_fit_says_so():
    forced, = selfeval.parse(FORM, params=selfeval.Params(mode="default"))
    assert "dialect-unread" in {d.code for d in forced.diagnostics}
    detected, = selfeval.parse(FORM)
    assert "dialect-unread" not in {d.code for d in detected.diagnostics}


# a browser centres one-line cells: a row's line holds the heads of cells cut by a wrap, their
# tails on the line under it, and an actual cut after its number ends a run of three numbers
CENTRED = FORM.replace("""\
       经济成本指                    ≤45.00(元/   42.30(元/
成本指标         每册图书采购成本                                 40.00  40.00
         标                          册)          册)
""", """\
成本指标 经济成本指标 每册图书采购成本  ≤45.00(元/   42.30(元/册)   20.00  20.00
                                  册)
                 每册期刊采购成本  ≤12.50       11.80         20.00  20.00
                                  (元/册)      (元/册)
""")


def test_a_rows_line_with_cells_cut_by_a_wrap_is_still_its_row():
    form, = selfeval.parse(CENTRED)
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in form.indicators][:2] == [
        ("经济成本指标", "每册图书采购成本", "≤45.00(元/册)", "42.30(元/册)", 20.0, 20.0),
        ("经济成本指标", "每册期刊采购成本", "≤12.50(元/册)", "11.80(元/册)", 20.0, 20.0)]


def test_a_fund_item_cut_by_a_wrap_with_its_tail_under_its_values_is_that_fund_row():
    wrapped = FORM.replace("""\
  项目资金
          其中：当年财政拨款  100.00      100.00     -      -       100.00     100.00
  （万元）
""", """\
项目资金（万 其中：当年财政拨  100.00      100.00     -      -       100.00     100.00
  元）     款
""")
    form, = selfeval.parse(wrapped)
    assert [(f.item, f.initial_budget, f.executed) for f in form.funds] == [
        ("年度资金总额", 100.0, 100.0), ("当年财政拨款", 100.0, 100.0), ("上年结转资金", 0.0, 0.0), ("其他资金", 0.0, 0.0)]
    assert not [d for d in form.diagnostics if d.code in ("unassigned", "fund-rows-missing")]


def test_a_fund_item_cut_in_two_with_its_values_centred_between_the_pieces_is_that_fund_row():
    wrapped = FORM.replace("""\
  项目资金
          其中：当年财政拨款  100.00      100.00     -      -       100.00     100.00
  （万元）
""", """\
项目资金（ 其中：当年财政
                    100.00      100.00     -      -       100.00     100.00
 万元）  拨款
""")
    form, = selfeval.parse(wrapped)
    assert [(f.item, f.initial_budget, f.executed) for f in form.funds] == [
        ("年度资金总额", 100.0, 100.0), ("当年财政拨款", 100.0, 100.0), ("上年结转资金", 0.0, 0.0), ("其他资金", 0.0, 0.0)]


def test_the_goal_margin_label_cut_anywhere_is_no_part_of_the_goals():
    cut = FORM.replace(GOALS, """\
                                            全年实际开放图书馆三百一十天，
年度总体目 计划全年开放图书馆三百天，           借阅量比上年增长百分之五，读者
  标   力争借阅量有所增长。                 满意度达到九成。""")
    form, = selfeval.parse(cut)
    assert (form.goals.expected, form.goals.actual) == (
        "计划全年开放图书馆三百天，力争借阅量有所增长。", "全年实际开放图书馆三百一十天，借阅量比上年增长百分之五，读者满意度达到九成。")


def test_a_goal_line_starting_with_a_character_some_label_holds_keeps_it():
    # the right text's line of its own starts with 出 (a piece of 支出, 产出指标): it is the
    # text's, not a piece of the margin label
    cut = FORM.replace(GOALS, """\
 年度                                        全年预算十万元，读者满意度
 总体   计划全年开放图书馆三百天，           达到九成，实际支
 目标   力争借阅量有所增长。
                                             出 9.5 万元。""")
    form, = selfeval.parse(cut)
    assert form.goals.actual == "全年预算十万元，读者满意度达到九成，实际支出 9.5 万元。"


def test_the_indicator_headers_wrapped_first_line_above_it_is_no_part_of_the_goals():
    # 年度指标值 and 偏差原因分析及改进措施 wrap; their first pieces print on a line of their own
    # above the header's line, under the goal texts
    cut = FORM.replace("""\
一级指标 二级指标      三级指标        年度指标值   实际完成值  分值  得分      偏差原因分析及改进措施""", """\

                                   年度指标                                 偏差原因分析
一级指标 二级指标      三级指标                    实际完成值  分值  得分
                                     值                                     及改进措施""")
    form, = selfeval.parse(cut)
    assert (form.goals.expected, form.goals.actual) == (
        "计划全年开放图书馆三百天，力争借阅量有所增长。", "全年实际开放图书馆三百一十天，借阅量比上年增长百分之五，读者满意度达到九成。")
    assert [i.name for i in form.indicators] == ["每册图书采购成本", "图书采购册数"]


def test_a_header_centred_over_three_lines_pairs_its_wrapped_heads_and_tails_by_order():
    # each label centred in its cell: the one-line labels on the middle line, a wrapped label's
    # head above and its tail under it; pdftotext sets each line's columns on its own, so the
    # heads and tails do not stand over each other (得分 under 偏差原因分析及改进措's head)
    header = "一级指标 二级指标      三级指标        年度指标值   实际完成值  分值  得分      偏差原因分析及改进措施"
    stacked = """\
一级指                          年度指标                        偏差原因分析及改进措
      二级指标      三级指标                  实际完成值  分值  得分
 标                             值                              施"""
    want, = selfeval.parse(FORM)
    form, = selfeval.parse(FORM.replace(header, stacked))
    assert form.indicators == want.indicators and len(want.indicators) == 2
    assert [d.code for d in form.diagnostics if d.level != "info"] == []


def test_a_fund_header_centred_over_three_lines_pairs_its_wrapped_heads_and_tails_by_order():
    header = "                     年初预算数   全年预算数  分数   得分   全年执行数  执行率(%)"
    stacked = """\
                     年初预算     全年预算
                                              分数   得分   全年执行数  执行率(%)
                       数           数"""
    want, = selfeval.parse(FORM)
    form, = selfeval.parse(FORM.replace(header, stacked))
    assert form.funds == want.funds and want.funds[0].executed == 100.0


def test_the_fund_margin_labels_head_alone_with_its_tail_beside_a_fund_row_is_the_template():
    cut = FORM.replace("""\
  项目资金
          其中：当年财政拨款  100.00      100.00     -      -       100.00     100.00
  （万元）
""", """\
项目资金（万
  元）    其中：当年财政拨款  100.00      100.00     -      -       100.00     100.00
""")
    want, = selfeval.parse(FORM)
    form, = selfeval.parse(cut)
    assert form.funds == want.funds
    assert [d.code for d in form.diagnostics if d.level != "info"] == []


def test_goal_texts_one_space_apart_on_every_shared_line_are_cut_at_the_left_texts_width():
    # no line of the right text stands alone and pdftotext left one space between the texts:
    # the left text's width (its widest line alone) tells where each shared line is cut
    cut = FORM.replace(GOALS, """\
 年度   计划全年开放图书馆三百天，力争
 总体   借阅量有所增长，读者满意度达到 全年实际开放图书馆三百一十天，借阅量比上
 目标   九成。 年增长百分之五，读者满意度达到九成。""")
    form, = selfeval.parse(cut)
    assert (form.goals.expected, form.goals.actual) == (
        "计划全年开放图书馆三百天，力争借阅量有所增长，读者满意度达到九成。",
        "全年实际开放图书馆三百一十天，借阅量比上年增长百分之五，读者满意度达到九成。")


def test_a_browsers_print_header_before_the_form_is_page_furniture_but_other_lines_warn():
    header = "3/14/25, 9:05 AM                                   社区图书馆运营补助\n\n\n\n"
    form, = selfeval.parse(header + FORM)
    assert [(d.level, d.lines) for d in form.diagnostics if d.code == "unassigned"] == [("info", [1])]
    form, = selfeval.parse("内部资料 请勿外传\n\n\n\n" + FORM)
    assert [(d.level, d.lines) for d in form.diagnostics if d.code == "unassigned"] == [("warning", [1])]


def test_a_centred_fund_header_and_item_cut_around_their_values_line_are_read():
    # a word processor's centred cells: 年初预算 above the header's line and 数 under it; 其中：当年财
    # above the row's values, 政拨款 under them, the margin label's piece before the values
    centred = FORM.replace("""\
                     年初预算数   全年预算数  分数   得分   全年执行数  执行率(%)
""", """\
                     年初预算
                                全年预算数  分数   得分   全年执行数  执行率(%)
                       数
""").replace("""\
  项目资金
          其中：当年财政拨款  100.00      100.00     -      -       100.00     100.00
  （万元）
""", """\
项目资金（万
          其中：当年财
  元）                100.00      100.00     -      -       100.00     100.00
          政拨款
""")
    form, = selfeval.parse(centred)
    assert [(f.item, f.initial_budget, f.annual_budget, f.weight, f.executed) for f in form.funds] == [
        ("年度资金总额", 100.0, 100.0, 10.0, 100.0), ("当年财政拨款", 100.0, 100.0, None, 100.0),
        ("上年结转资金", 0.0, 0.0, None, 0.0), ("其他资金", 0.0, 0.0, None, 0.0)]


def test_a_numbers_unit_printed_under_the_rows_line_is_its_unit():
    line = "产出指标 数量指标  图书采购册数     ≥3000.00(册)  2500.00(册)  50.00  45.00  图书未能按期到馆，下"
    at = sum(2 if "\u4e00" <= ch <= "\u9fff" else 1 for ch in line[:line.index("≥3000")])   # display columns
    under = FORM.replace(line, line.replace("≥3000.00(册)", "≥3000.00    ") + "\n" + " " * at + "(册)")
    form, = selfeval.parse(under)
    assert (form.indicators[1].target, form.indicators[1].actual) == ("≥3000.00(册)", "2500.00(册)")


def test_a_rows_line_with_a_cells_tail_and_its_head_above_is_still_its_row():
    # centred on the lower line of a wrapped 年度指标值: the head above the row's line, the tail on it
    tail = FORM.replace("""\
       经济成本指                    ≤45.00(元/   42.30(元/
成本指标         每册图书采购成本                                 40.00  40.00
         标                          册)          册)
""", """\
                                  ≤45.00(元/
成本指标 经济成本指标 每册图书采购成本  册)          42.30(元/册)   40.00  40.00
""")
    form, = selfeval.parse(tail)
    assert [(i.level2, i.name, i.target, i.actual, i.weight) for i in form.indicators] == [
        ("经济成本指标", "每册图书采购成本", "≤45.00(元/册)", "42.30(元/册)", 40.0),
        ("数量指标", "图书采购册数", "≥3000.00(册)", "2500.00(册)", 50.0)]


def test_the_headers_last_label_centred_around_its_line_is_the_header():
    # a browser centres the header's cells: the deviation column's label cut in two, its head
    # alone above the header's line and its tail under it
    header = "一级指标 二级指标      三级指标        年度指标值   实际完成值  分值  得分      偏差原因分析及改进措施"
    centred = FORM.replace(header + "\n", header.replace("偏差原因分析及改进措施", "").rstrip() + "\n") \
        .replace(header.replace("偏差原因分析及改进措施", "").rstrip(),
                 " " * 82 + "偏差原因分析及改\n" + header.replace("偏差原因分析及改进措施", "").rstrip()
                 + "\n" + " " * 84 + "进措施")
    form, = selfeval.parse(centred)
    assert [i.deviation for i in form.indicators] == [None, "受供货周期影响，部分图书未能按期到馆，下年度将提前采购。"]
    assert [d.code for d in form.diagnostics] == ["dialect"]


def test_a_goal_line_holding_both_texts_one_space_apart_is_doubted():
    # pdftotext left one space between the two goal texts on one line: nothing tells where to cut
    # it, but the line is far wider than its text's others
    merged = FORM.replace(GOALS, """\
                       全年实际开放图书馆三百一十天，借阅
年度总体目标 计划全年开放图书馆三百天，力争 量比上年增长百分之五，读者满意度
                       达到九成，新增期刊一百二十种，
       借阅量有所增长。
                       流动服务点覆盖全区各街镇。""")
    form, = selfeval.parse(merged)
    doubts = [d for d in form.diagnostics if d.code == "goal-uncertain"]
    assert doubts and doubts[0].level == "warning"
    assert line_no(merged, "年度总体目标 计划全年开放图书馆三百天，力争 量比上年增长百分之五，读者满意度") in doubts[0].lines
