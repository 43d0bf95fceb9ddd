"""Each line-classification rule, on lines of the shapes a default-mode dump prints, seen through
``selfeval explain --json`` (each input line with its kind) and the record the line fills. The
lines are invented; the form around them is the hand-made one of tests/handmade.py."""
import pytest

import selfeval
import handmade as H
from handmade import explained_lines, line_no


def kind_above_the_form(line):
    """The kind ``explain`` gives ``line`` printed above the hand-made form (a line's kind is
    its own, whatever stands around it)."""
    return explained_lines(line + "\n" + H.default_page())[1]["kind"]


def read(text, line):
    """The form of ``text`` and the explained ``line`` of it (kind, cells with their slots)."""
    form, = selfeval.parse(text)
    return form, explained_lines(text)[line_no(text, line)]


def slots(explained):
    """(cell, slot) of each cell that starts on the line, in the order ``explain`` lists them."""
    return sorted((c["text"], c["slot"]) for c in explained["cells"] if not c.get("continued"))


@pytest.mark.parametrize("line, kind", [
    ("财政项目支出绩效自评表", "title"),
    ("（2024年度）", "year"),
    ("项目名称 河滨步道绿化养护补助", "project"),
    ("年初预算数 全年预算数 分数 得分", "fund_header"),
    ("全年执行数 执行率(%)", "exec_header"),
    ("一级指标 二级指标 年度指标值 实际完成值 分值 得分", "indicator_header"),
    ("三级指标 偏差原因分析及改进措施", "names_header"),
    ("预期目标 实际完成情况", "goals_header"),
    ("评分等级 良", "grade"),
    ("36.50 31.20", "pair"),
    ("=16.00(期) 16.00(期) 6.00 6.00", "value_row"),
    ("287.46(万", "pieces"),
    ("元)", "pieces"),
    ("=412.80(万元)", "pieces"),
    ("生态环境成本指", "label"),
    ("标", "label"),
    ("（万元）", "label"),
    ("步道巡查养护及时性", "text"),
    ("步道养护里程完成率 因汛期影响部分工期顺延。", "text"),
])
def test_line_kind(line, kind):
    assert kind_above_the_form(line) == kind


def test_fund_row_drops_the_qizhong_prefix_and_keeps_dashes():
    # budgets over a thousand 万元, one printed with its digits grouped
    text = H.with_funds([1020.99, 1000.99, 20, 0], [1036.31, 1016.31, 20, 0],
                        [(1036.31, 100), (1016.31, 100), (20, 100), (0, 0)], (1036.31, 100))
    text = text.replace(" 1000.99 ", " 1,000.99 ")
    line = "其中：当年财政拨款 1,000.99 1016.31 - -"
    form, explained = read(text, line)
    assert explained["kind"] == "fund_row"
    assert form.to_dict()["funds"][1] == {"item": "当年财政拨款", "initial_budget": 1000.99, "annual_budget": 1016.31,
                                       "executed": 1016.31, "weight": None, "execution_rate": 100.0, "score": None}
    # the dashes stand in the 分数 and 得分 columns: the executed pair is not taken for them
    assert [(c["text"], c["slot"]) for c in explained["cells"] if c["text"] == "-"] == [
        ("-", "funds[1].weight"), ("-", "funds[1].score")]
    assert not selfeval.check(form)


def test_indented_fund_row_is_a_fund_row():
    form, explained = read(H.default_page(), "      上年结转资金 0.00 5.00 - -")
    assert explained["kind"] == "fund_row"
    assert (form.funds[2].item, form.funds[2].initial_budget, form.funds[2].annual_budget) == ("上年结转资金", 0.0, 5.0)


def test_value_row_with_inline_level2_label():
    line = "数量指标 ≥3000.00(册) 3120.00(册) 10.00 10.00"
    text = H.default_page(values=H.VALUES.replace("≥3000.00(册)", "数量指标 ≥3000.00(册)"),
                          parked=H.PARKED.replace("\n\n数量指标", ""))
    form, explained = read(text, line)
    assert explained["kind"] == "value_row"
    assert slots(explained) == sorted([("数量指标", "indicators[1..2].level2"), ("≥3000.00(册)", "indicators[1].target"),
                                       ("3120.00(册)", "indicators[1].actual"), ("10.00", "indicators[1].weight"),
                                       ("10.00", "indicators[1].score")])
    row = form.indicators[1]
    assert (row.level2, row.target, row.actual, row.weight, row.score) == \
        ("数量指标", "≥3000.00(册)", "3120.00(册)", 10.0, 10.0)
    assert project(form) == H.EXPECTED


def test_value_row_with_qualitative_cells():
    form, explained = read(H.default_page(), "提升 达成指标 10.00 10.00")
    assert explained["kind"] == "value_row"
    assert (form.indicators[5].target, form.indicators[5].actual) == ("提升", "达成指标")
    assert form.indicators[5].target_parsed is None


def test_value_row_with_negative_actual():
    # row 6 becomes a growth rate that fell: all its points lost, a deviation says why
    line = "≥4.00(%) -3.00(%) 10.00 0.00"
    names = list(H.NAMES)
    names[5] = "社区居民到馆人次增长率 受馆舍维修闭馆影响，到馆人次下降。"
    text = H.default_page(values=H.VALUES.replace("提升 达成指标 10.00 10.00", line)
                          .replace("100.00 96.50", "100.00 86.50"),
                          total_grade=H.TOTAL_AND_GRADE.replace("优", "良"),
                          names="\n\n".join([H.NAMES_HEADER] + names))
    form, explained = read(text, line)
    assert explained["kind"] == "value_row"
    row = form.indicators[5]
    assert (row.name, row.target, row.actual, row.score) == ("社区居民到馆人次增长率", "≥4.00(%)", "-3.00(%)", 0.0)
    assert row.actual_parsed.value == -3.0
    assert not selfeval.check(form)


def test_text_before_cells_that_is_not_a_label_is_not_a_value_row():
    assert kind_above_the_form("新书上架及时性 及时 达成指标 10.00 10.00") != "value_row"


def test_department_and_unit_on_one_line():
    line = "主管部门 江北市临川区文化旅游局 实施单位 江北市临川区图书馆"
    form, explained = read(H.default_page(), line)
    assert explained["kind"] == "department"
    assert slots(explained) == [("江北市临川区图书馆", "implementing_unit"), ("江北市临川区文化旅游局", "department")]
    assert (form.department, form.implementing_unit) == ("江北市临川区文化旅游局", "江北市临川区图书馆")


def test_department_alone():
    title = H.TITLE.replace(" 实施单位 ", "\n\n实施单位 ")
    text = H.default_page(title=title)
    form, explained = read(text, "主管部门 江北市临川区文化旅游局")
    assert explained["kind"] == "department"
    assert slots(explained) == [("江北市临川区文化旅游局", "department")]
    unit = explained_lines(text)[line_no(text, "实施单位 江北市临川区图书馆")]
    assert unit["kind"] == "unit" and slots(unit) == [("江北市临川区图书馆", "implementing_unit")]
    assert (form.department, form.implementing_unit) == ("江北市临川区文化旅游局", "江北市临川区图书馆")


def test_title_with_year_on_the_same_line():
    line = "财政项目支出绩效自评表（2023年度）"
    form, explained = read(H.default_page(title=H.TITLE.replace("自评表\n（2023", "自评表（2023")), line)
    assert explained["kind"] == "title"
    assert (form.title, form.year) == ("财政项目支出绩效自评表", 2023)


def project(form):
    return H.project(form.to_dict(), H.EXPECTED)
