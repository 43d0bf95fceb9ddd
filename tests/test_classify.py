"""Each line-classification rule, on lines of the shapes a default-mode dump prints."""
import pytest

from selfeval.classify import classify_text


@pytest.mark.parametrize("line, kind", [
    ("财政项目支出绩效自评表", "title"),
    ("（2024年度）", "year"),
    ("项目名称 公园绿化养护", "project"),
    ("年初预算数 全年预算数 分数 得分", "fund_header"),
    ("全年执行数 执行率(%)", "exec_header"),
    ("一级指标 二级指标 年度指标值 实际完成值 分值 得分", "indicator_header"),
    ("三级指标 偏差原因分析及改进措施", "names_header"),
    ("预期目标 实际完成情况", "goals_header"),
    ("评分等级 优", "grade"),
    ("20.00 18.00", "pair"),
    ("=12.00(次) 12.00(次) 8.00 8.00", "value_row"),
    ("319.93(万", "pieces"),
    ("元)", "pieces"),
    ("=360.95(万元)", "pieces"),
    ("经济成本指", "label"),
    ("标", "label"),
    ("（万元）", "label"),
    ("绿地巡查养护及时性", "text"),
    ("养护面积完成率 因雨季影响部分工期顺延。", "text"),
])
def test_line_kind(line, kind):
    assert classify_text(line)[0] == kind


def test_fund_row_drops_the_qizhong_prefix_and_keeps_dashes():
    kind, f = classify_text("其中：当年财政拨款 1,000.99 1016.31 - -")
    assert kind == "fund_row"
    assert f["item"] == "当年财政拨款"
    assert f["values"].split() == ["1,000.99", "1016.31", "-", "-"]


def test_indented_fund_row_is_a_fund_row():
    assert classify_text("      上年结转资金 0.00 0.00 - -")[0] == "fund_row"


def test_value_row_with_inline_level2_label():
    kind, f = classify_text("数量指标 =21.00(人) 21.00(人) 10.00 10.00")
    assert kind == "value_row"
    assert f["labels"] == ["数量指标"]
    assert (f["target"], f["actual"], f["weight"], f["score"]) == ("=21.00(人)", "21.00(人)", "10.00", "10.00")


def test_value_row_with_qualitative_cells():
    kind, f = classify_text("及时 达成指标 5.00 5.00")
    assert kind == "value_row" and f["target"] == "及时" and f["actual"] == "达成指标"


def test_value_row_with_negative_actual():
    kind, f = classify_text("≥4.00(%) -23.00(%) 3.00 0.00")
    assert kind == "value_row" and f["actual"] == "-23.00(%)"


def test_text_before_cells_that_is_not_a_label_is_not_a_value_row():
    assert classify_text("某某项目 及时 达成指标 5.00 5.00")[0] != "value_row"


def test_department_and_unit_on_one_line():
    kind, f = classify_text("主管部门 江北市临川区文化旅游局 实施单位 江北市临川区图书馆")
    assert kind == "department"
    assert f["value"] == "江北市临川区文化旅游局" and f["unit"] == "江北市临川区图书馆"


def test_department_alone():
    kind, f = classify_text("主管部门 江北市临川区文化旅游局")
    assert kind == "department" and f["value"] == "江北市临川区文化旅游局" and f["unit"] is None


def test_title_with_year_on_the_same_line():
    kind, f = classify_text("财政项目支出绩效自评表（2023年度）")
    assert kind == "title" and f["year"] == "2023"
