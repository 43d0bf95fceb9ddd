"""Reassembly of wrapped cells: labels, value rows cut mid-unit, goal paragraphs and the
entries of the 三级指标 column."""
from selfeval.classify import classify
from selfeval.decode import split_lines
from selfeval.legacy_params import Params
from selfeval.reassemble import (
    assemble_rows, free_lines, goal_paragraphs, join_labels, name_entries,
)

P = Params()


def items_of(text):
    return classify(split_lines(text))


def labels_of(text):
    return [[lab.text for lab in run.labels] for run in join_labels(items_of(text))]


def test_wrapped_label_with_a_blank_line_inside_is_one_label():
    assert labels_of("成本指标\n经济成本指\n\n标\n") == [["成本指标", "经济成本指标"]]


def test_level1_then_wrapped_level2_are_two_labels():
    assert labels_of("满意度指标\n服务对象满\n意度指标\n") == [["满意度指标", "服务对象满意度指标"]]


def test_parked_labels_are_each_whole():
    assert labels_of("质量指标\n\n时效指标\n\n可持续影响\n指标\n") == [["质量指标", "时效指标", "可持续影响指标"]]


def test_template_label_cut_in_three():
    assert labels_of("年度\n总体\n目标\n") == [["年度总体目标"]]


def test_piece_that_spells_no_label_stays_text():
    items = items_of("应届毕业生就业岗位补贴投入成\n\n本\n")
    assert join_labels(items) == []
    assert [x.kind for x in items if x.kind != "blank"] == ["text", "text"]


def rows_of(text):
    rows, pairs = assemble_rows(items_of(text), P)
    return [(r.target, r.actual, r.weight, r.score) for r in rows], [(p.a, p.b) for p in pairs]


def test_actual_cut_mid_unit_before_its_weight_and_score():
    rows, pairs = rows_of("=360.95(万元)\n\n319.93(万\n元)\n\n20.00 18.00\n")
    assert rows == [("=360.95(万元)", "319.93(万元)", 20.0, 18.0)] and pairs == []


def test_both_cells_cut_with_blank_lines_between_pieces():
    rows, _ = rows_of("≤318.00(元/\n\n人/年)\n290.00(元/\n人/年)\n\n20.00 20.00\n")
    assert rows == [("≤318.00(元/人/年)", "290.00(元/人/年)", 20.0, 20.0)]


def test_unit_cut_after_the_slash():
    rows, _ = rows_of("=600.00(元/人\n/月)\n\n600.00(元/\n人/月)\n\n10.00 10.00\n")
    assert rows == [("=600.00(元/人/月)", "600.00(元/人/月)", 10.0, 10.0)]


def test_pair_after_whole_rows_is_not_a_row():
    rows, pairs = rows_of("满意 达成指标 10.00 10.00\n\n100.00 98.00\n")
    assert rows == [("满意", "达成指标", 10.0, 10.0)] and pairs == [(100.0, 98.0)]


def free_of(text):
    """The free text lines as the pipeline sees them: after label pieces are joined."""
    items = items_of(text)
    join_labels(items)
    return free_lines(items)


def entries_of(text, n):
    cut = name_entries(free_of(text), n, P)[0]
    return [(e.name, e.deviation) for e in cut.entries], cut.exact


def test_name_wrapped_onto_a_short_line():
    text = "应届毕业生一次性就业岗位补贴投入成\n\n本\n\n录用长期失业青年社保补贴投入成本\n"
    assert entries_of(text, 2) == ([("应届毕业生一次性就业岗位补贴投入成本", None),
                                    ("录用长期失业青年社保补贴投入成本", None)], True)


def test_deviation_beside_its_name():
    assert entries_of("人工成本总额 人员额度严格按照上级要求执行\n", 1) == (
        [("人工成本总额", "人员额度严格按照上级要求执行")], True)


def test_deviation_wrapped_with_a_blank_line_inside():
    text = ("孵化基地评估运营补贴计划完成数\n3家基地评估未达标；未在预算调整\n时同步调整指标目标值，后续需加\n\n"
            "强指标管理。\n\n创业开办费补贴计划完成数\n")
    assert entries_of(text, 2) == ([
        ("孵化基地评估运营补贴计划完成数", "3家基地评估未达标；未在预算调整时同步调整指标目标值，后续需加强指标管理。"),
        ("创业开办费补贴计划完成数", None)], True)


def test_deviation_starting_after_a_blank_line():
    text = "创业开办费补贴计划完成数\n\n存在申请企业不能满足补贴条件，\n未通过审核。\n\n培训师资费\n"
    assert entries_of(text, 2) == ([("创业开办费补贴计划完成数", "存在申请企业不能满足补贴条件，未通过审核。"),
                                    ("培训师资费", None)], True)


def test_name_with_a_comma_counts_as_a_name_when_the_rows_need_it():
    text = "工作完成及时性\n\n提高办事效率，提升政府形象\n\n考核机制健全性\n"
    names, exact = entries_of(text, 3)
    assert exact and [n for n, _ in names] == ["工作完成及时性", "提高办事效率，提升政府形象", "考核机制健全性"]


def test_goal_paragraph_goes_on_across_a_blank_line_after_a_full_line():
    text = ("年末实际在岗人员二十一人，实际执行金额全部按时支付，其中人工成本\n"
            "占九成以上；工资发放及时，协助科室工作，提升工作效率，保障各项\n\n"
            "工作及时完成。\n\n"
            "确保人员合法权益得到保障，稳定人员队伍、建立健全人员培训机制和\n"
            "考核机制。\n")
    paras = goal_paragraphs(free_of(text), P)
    assert [p.text for p in paras] == [
        "年末实际在岗人员二十一人，实际执行金额全部按时支付，其中人工成本占九成以上；工资发放及时，"
        "协助科室工作，提升工作效率，保障各项工作及时完成。",
        "确保人员合法权益得到保障，稳定人员队伍、建立健全人员培训机制和考核机制。",
    ]


def test_goal_paragraph_stops_at_a_sentence_end_before_a_blank_line():
    text = ("确保人员合法权益得到保障，稳定人员队伍、建立健全人员培训机制。\n\n"
            "年末实际在岗人员二十一人，实际执行金额全部按时支付，其中人工成本\n"
            "占九成以上。\n")
    paras = goal_paragraphs(free_of(text), P)
    assert len(paras) == 2


def test_line_without_chinese_in_the_names_column_is_stray():
    cut = name_entries(free_of("培训师资费\n12345 67890 abc\n公益性读书会计划完成数\n"), 2, P)[0]
    assert [e.name for e in cut.entries] == ["培训师资费", "公益性读书会计划完成数"]
    assert cut.stray == [2]


def test_enumeration_comma_inside_a_name_does_not_make_it_prose():
    text = "城乡居民医保、大病保险参保人数\n基层医疗机构门诊服务量\n"
    assert entries_of(text, 2) == ([("城乡居民医保、大病保险参保人数", None),
                                    ("基层医疗机构门诊服务量", None)], True)


def test_closing_bracket_on_the_next_line_ends_the_name():
    text = "困难群众临时救助金发放人次（含\n低保户）\n救助资金发放及时率\n"
    assert entries_of(text, 2) == ([("困难群众临时救助金发放人次（含低保户）", None),
                                    ("救助资金发放及时率", None)], True)


def test_deviation_right_under_a_wrapped_name():
    text = ("农村公路养护里程达标路段覆盖比\n例\n部分路段因汛期延后施工。\n\n"
            "乡村道路养护资金拨付及时率\n")
    assert entries_of(text, 2) == ([("农村公路养护里程达标路段覆盖比例", "部分路段因汛期延后施工。"),
                                    ("乡村道路养护资金拨付及时率", None)], True)
