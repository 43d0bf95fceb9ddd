"""Row-order dialects (pdftotext -raw): rows read whole, and what wraps put back on its row.
The forms are written by hand; names and figures are invented."""
import selfeval
from selfeval.classify import classify
from selfeval.decode import split_lines
from selfeval.dialect import detect_mode
from selfeval.rowtable import split_row

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


def test_the_mode_is_told_by_the_header_and_by_runs_of_spaces():
    assert detect_mode(classify(split_lines(HEAD))) == "raw"
    layout = "\n".join("   ".join(line.split()) for line in HEAD.splitlines())
    assert detect_mode(classify(split_lines(layout))) == "layout"
    assert detect_mode(classify(split_lines("一级指标 二级指标 年度指标值 实际完成值 分值 得分\n"))) == "default"


def test_split_row_reads_name_cells_pair_and_deviation():
    assert split_row("数量指标 图书采购册数 ≥3000.00(册) 3120.00(册) 40.00 40.00") == {
        "labels": ["数量指标"], "name": "图书采购册数", "target": "≥3000.00(册)", "actual": "3120.00(册)",
        "weight": "40.00", "score": "40.00", "deviation": None}
    assert split_row("读者满意度 满意 基本达成 10.00 8.00 部分读者反映座位不足。")["deviation"] == \
        "部分读者反映座位不足。"
    assert split_row("图书采购册数 40.00 40.00")["target"] is None        # the cells come elsewhere
    assert split_row("3120.00(册) 40.00 40.00")["pieces"] == ["3120.00(册)"]  # the last piece of a cell
    assert split_row("全年实际开放图书馆三百一十天，借阅量增长百分之五。") is None


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
