"""The joining rules for wrapped cells (SPEC.md: CJK joins with nothing between; a space is
kept only where the printed line had one or between two Latin words), on cells of the hand-made
form (tests/handmade.py) wrapped the way pdftotext wraps them. The texts are invented."""
import selfeval
import handmade as H

ROW1 = "≤45.00(元/\n册)\n42.30(元/\n\n册)"          # row 1's two cells as VALUES prints them


def parse_one(text):
    form, = selfeval.parse(text)
    assert not [d for d in form.diagnostics if d.level != "info"], form.diagnostics
    return form


def with_row1(cells, name=None):
    """The form with row 1's 年度指标值 and 实际完成值 printed as ``cells`` (and another name)."""
    names = list(H.NAMES)
    names[0] = name or names[0]
    return parse_one(H.default_page(values=H.VALUES.replace(ROW1, cells),
                                    names="\n\n".join([H.NAMES_HEADER] + names))).indicators[0]


def deviation_of_row3(printed):
    """Row 3's deviation printed as ``printed`` (its lines under the row's name)."""
    names = list(H.NAMES)
    names[2] = "读者活动举办场次\n" + printed
    return parse_one(H.default_page(names="\n\n".join([H.NAMES_HEADER] + names))).indicators[2].deviation


def test_unit_cut_mid_bracket_joins_without_space():
    row = with_row1("≤45.00(\n元/册)\n42.30(元\n\n/册)")
    assert (row.target, row.actual) == ("≤45.00(元/册)", "42.30(元/册)")


def test_unit_cut_twice_joins_back():
    row = with_row1("≤45.00(元/人/\n年)\n42.30(元/\n\n人/年)", name="读者人均服务成本")
    assert (row.target, row.actual) == ("≤45.00(元/人/年)", "42.30(元/人/年)")
    assert row.actual_parsed.unit == "元/人/年"


def test_wrapped_label_joins_without_space():
    form = parse_one(H.default_page())
    # 经济成本指 / 标, 社会效益指 / 标, 可持续影响 / 指标, 服务对象满 / 意度指标
    assert [form.indicators[k].level2 for k in (0, 5, 6, 7)] == ["经济成本指标", "社会效益指标", "可持续影响指标",
                                                                 "服务对象满意度指标"]


def test_space_printed_inside_a_line_is_kept():
    expected = ("计划全年新增馆藏图书3000册以上，举办读者活动24场，落实（临文\n"
                "旅〔2022〕15 号）文件要求，确保读者满意度达到90%以上。")
    form = parse_one(H.default_page(goals=H.GOAL_ACTUAL + "\n\n" + expected))
    assert form.goals.expected == ("计划全年新增馆藏图书3000册以上，举办读者活动24场，落实（临文旅〔2022〕15 号）"
                                   "文件要求，确保读者满意度达到90%以上。")


def test_line_starting_with_full_stop_joins_to_the_sentence_before():
    assert deviation_of_row3("部分活动因场地维修顺延至次年举办\n。次年起改为提早预订场地。") == \
        "部分活动因场地维修顺延至次年举办。次年起改为提早预订场地。"


def test_line_starting_with_enumeration_comma_joins_without_space():
    assert deviation_of_row3("部分读者反映阅览区座位数量偏少\n、空调噪声偏大。") == "部分读者反映阅览区座位数量偏少、空调噪声偏大。"


def test_latin_words_split_across_lines_get_their_space_back():
    actual = ("全年实际支出95.00万元，新增馆藏图书3120册，借阅系统升级为 Open\n"
              "Shelf 平台，举办读者活动20场，图书编目准确率99.1%，读者满意度92.5%。")
    form = parse_one(H.default_page(goals=actual + "\n\n" + H.GOAL_EXPECTED))
    assert form.goals.actual == actual.replace("Open\n", "Open ")


def test_digits_split_across_lines_join_without_space():
    assert deviation_of_row3("受场地维修影响，全年举办活动少于计划4\n场。") == "受场地维修影响，全年举办活动少于计划4场。"


def test_indentation_and_trailing_blanks_are_not_text():
    # every line of the 三级指标 column indented and ended with blanks, a blank line of spaces
    names = "\n\n".join([H.NAMES_HEADER] + ["   " + n.replace("\n", "   \n  ") + "  " for n in H.NAMES])
    form = parse_one(H.default_page(names=names.replace("\n\n", "\n   \n", 1)))
    assert H.project(form.to_dict(), H.EXPECTED) == H.EXPECTED
