"""The joining rules for wrapped cells (SPEC.md: CJK joins with nothing between; a space is
kept only where the printed line had one or between two Latin words)."""
from selfeval.cells import join_wrapped


def test_unit_cut_mid_bracket_joins_without_space():
    assert join_wrapped(["319.93(万", "元)"]) == "319.93(万元)"


def test_unit_cut_twice_joins_back():
    assert join_wrapped(["≤318.00(元/", "人/年)"]) == "≤318.00(元/人/年)"


def test_wrapped_label_joins_without_space():
    assert join_wrapped(["经济成本指", "标"]) == "经济成本指标"


def test_space_printed_inside_a_line_is_kept():
    assert join_wrapped(["（沪松", "人社〔2022〕23 号）"]) == "（沪松人社〔2022〕23 号）"


def test_line_starting_with_full_stop_joins_to_the_sentence_before():
    assert join_wrapped(["维护全区就业形势稳定", "。保障失业人员"]) == "维护全区就业形势稳定。保障失业人员"


def test_line_starting_with_enumeration_comma_joins_without_space():
    assert join_wrapped(["补贴（差旅费）1.78万", "、创业孵化基地评估"]) == "补贴（差旅费）1.78万、创业孵化基地评估"


def test_latin_words_split_across_lines_get_their_space_back():
    assert join_wrapped(["部署 Microsoft", "Office 软件"]) == "部署 Microsoft Office 软件"


def test_digits_split_across_lines_join_without_space():
    assert join_wrapped(["初创期社保补贴11760", "人"]) == "初创期社保补贴11760人"


def test_indentation_and_trailing_blanks_are_not_text():
    assert join_wrapped(["      上年结转资金  ", "", "  "]) == "上年结转资金"
