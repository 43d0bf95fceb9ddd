"""The renderers, line by line: what each knob of each dialect does to the printed lines, and that
every label comes from the template. The records are invented here."""
import pytest

import selfeval
from selfeval.model import CellValue, Form, FundRow, Goals, Indicator, Total
from selfeval.render import CellsLayout, GridLayout, Layout, RawLayout, render
from selfeval.render import cells, default, layout, raw
from selfeval.render.common import split_bracket, split_decimal, wrap, wrap_value
from selfeval.template import NATIONAL as T

L1 = T.level1
GROUPS = dict(T.taxonomy)


def row(level2, name, target, actual, weight, score, deviation=None):
    return Indicator(T.level1_of[level2], level2, name, target, actual, CellValue.parse(target),
                     CellValue.parse(actual), weight, score, deviation)


def invented_form(year=2023) -> Form:
    """A small form of invented words: a one-row group, a three-row group, a row that wraps."""
    cost, count, quality = GROUPS[L1[0]][0], GROUPS[L1[1]][0], GROUPS[L1[1]][1]
    inds = [
        row(cost, "候车亭维护养护成本", "≤1204.50(元/座/年)", "1180.20(元/座/年)", 10.0, 10.0),
        row(count, "候车亭巡查次数", "≥120.00(次)", "126.00(次)", 20.0, 20.0),
        row(count, "候车亭清洗次数", "=48.00(次)", "40.00(次)", 20.0, 15.0, "受连续降雨天气影响，清洗次数未达到年初目标。"),
        row(count, "候车亭维修数量", "全覆盖", "达成指标", 20.0, 20.0),
        row(quality, "候车亭设施完好率", "≥95.00(%)", "96.00(%)", 20.0, 20.0),
    ]
    funds = [FundRow(T.fund_item_names[0], 1204.5, 1300.0, 1250.0, 10.0, 96.15, 9.5),
             FundRow(T.fund_item_names[1], 1204.5, 1300.0, 1250.0, None, 96.15, None),
             FundRow(T.fund_item_names[2], 0.0, 0.0, 0.0, None, 0.0, None),
             FundRow(T.fund_item_names[3], 0.0, 0.0, 0.0, None, 0.0, None)]
    return Form(T.title, year, "候车亭维护运行项目", "澄川市南渚区交通设施局", "澄川市南渚区候车亭养护所", funds,
                Goals("计划对全区候车亭开展巡查维护，确保设施完好，力争群众满意度达到九成以上。",
                      "全年完成候车亭巡查维护，设施完好率达到九成六，各项工作均已按计划推进。"),
                inds, Total(100.0, 94.5), T.grade_of(94.5))


FORM = invented_form()
HEADER_WITH_NAMES = " ".join([T.label(s) for s in ("level1", "level2", "name", "target", "actual", "weight",
                                                    "score", "deviation")])


def lines(mode, knobs=None, form=FORM):
    return render([form], mode, knobs).split("\n")


# --- shared pieces --------------------------------------------------------------------------

def test_wrap_keeps_latin_words_and_spaces_off_the_ends_of_lines():
    assert wrap("巡查LED路灯", 5) == ["巡查", "LED路", "灯"]
    assert all(not p.startswith(" ") and not p.endswith(" ") for p in wrap("不少于 30 次的巡查", 6))


def test_a_quantity_wraps_before_its_bracket_when_asked():
    assert wrap_value("1172.68(万元)", 10, at_bracket=True) == ["1172.68(万元", ")"]
    assert wrap_value("1172.68(万元)", 30, at_bracket=True) == ["1172.68(万元)"]


def test_artefacts_split_numbers_and_brackets():
    assert split_decimal("1,204.50") == "1,204. 50"
    assert split_decimal("12.50") == "12.50"
    assert split_bracket("≥30.00(个)") == "≥30.00( 个)"
    assert split_bracket("达成指标") == "达成指标"


# --- raw ------------------------------------------------------------------------------------

def test_raw_rows_are_whole_with_a_one_row_groups_labels_inline():
    got = lines("raw", RawLayout(target_width=40, actual_width=40, deviation_width=80))
    assert HEADER_WITH_NAMES in got
    assert f"{L1[0]} {GROUPS[L1[0]][0]} 候车亭维护养护成本 ≤1204.50(元/座/年) 1180.20(元/座/年) 10.00 10.00" in got
    # a group of three rows: its labels on lines of their own, before its first row
    i = got.index("候车亭巡查次数 ≥120.00(次) 126.00(次) 20.00 20.00")
    assert got[i - 2:i] == [L1[1], GROUPS[L1[1]][0]]
    assert "候车亭清洗次数 =48.00(次) 40.00(次) 20.00 15.00 受连续降雨天气影响，清洗次数未达到年初目标。" in got


def test_raw_wrapped_cells_come_as_pieces_then_the_points():
    got = lines("raw", RawLayout(target_width=13, actual_width=13))
    i = got.index(f"{L1[0]} {GROUPS[L1[0]][0]} 候车亭维护养护成本")
    assert got[i + 1:i + 6] == ["≤1204.50(元/", "座/年)", "1180.20(元/座", "/年)", "10.00 10.00"]


def test_raw_drawn_form_indents_the_later_fund_items_and_title_block_lines():
    got = lines("raw", RawLayout(fund_indent="      "))
    assert "      " + T.fund_item_names[2] + " 0.00 0.00 - - 0.00 0.00" in got
    assert f"{T.fund_item_prefixes[0]}{T.fund_item_names[1]} 1204.50 1300.00 - - 1250.00 96.15" in got
    assert got[:3] == [T.title, "（2023年度）", f"{T.label('project')} 候车亭维护运行项目"]


def test_raw_tail_prints_wrapped_and_mixed_cells_after_the_rows():
    got = lines("raw", RawLayout(tail=True, target_width=40, actual_width=40))
    grade = got.index(f"{T.label('grade')} {FORM.grade}")
    after = got[grade + 1:]
    assert "（2023年度）" in after and "（2023年度）" not in got[:grade]
    assert "≤1204.50(元/座/年) 1180.20(元/座/年)" in after
    assert f"{L1[0]} {GROUPS[L1[0]][0]} 候车亭维护养护成本 10.00 10.00" in got[:grade]
    # a cell all of CJK stays on its row
    assert "候车亭维修数量 全覆盖 达成指标 20.00 20.00" in got[:grade]


def test_raw_artefacts_of_fresh_forms():
    got = lines("raw", RawLayout(year_space=True, fund_blank=True, split_decimal=True, total_width=5,
                                 score_apart=True, target_width=40, actual_width=40))
    assert "（2023 年度）" in got
    assert f"{T.fund_item_prefixes[0]}{T.fund_item_names[1]} 1,204. 50 1,300. 00 1,250. 00 96.15" in got or \
        f"{T.fund_item_prefixes[0]}{T.fund_item_names[1]} 1204. 50 1300. 00 1250. 00 96.15" in got
    i = got.index(T.label("total"))
    assert got[i + 1:i + 4] == ["100.0", "0", "94.50"]
    assert "候车亭巡查次数 ≥120.00(次) 126.00(次) 20.00" in got and got[got.index(
        "候车亭巡查次数 ≥120.00(次) 126.00(次) 20.00") + 1] == "20.00"


def test_raw_brackets_apart_and_alone():
    got = lines("raw", RawLayout(split_bracket=True, target_width=40, actual_width=40))
    assert "候车亭巡查次数 ≥120.00( 次) 126.00( 次) 20.00 20.00" in got
    got = lines("raw", RawLayout(wrap_bracket=True, target_width=16, actual_width=16))
    i = got.index(f"{L1[0]} {GROUPS[L1[0]][0]} 候车亭维护养护成本")
    assert got[i + 1:i + 5] == ["≤1204.50(元/座/年", ")", "1180.20(元/座/年", ")"]


def test_raw_long_form_goes_on_a_second_page_that_repeats_the_header():
    got = lines("raw", RawLayout(page_rows=3, repeat_header=True, target_width=40, actual_width=40))
    i = next(k for k, ln in enumerate(got) if ln.startswith("\f"))
    assert got[i] == "\f" + HEADER_WITH_NAMES
    # the groups that go on, labelled again: the 二级 one beside its one row left
    assert got[i + 1:i + 3] == [L1[1], f"{GROUPS[L1[1]][0]} 候车亭维修数量 全覆盖 达成指标 20.00 20.00"]
    assert not any("候车亭维修数量" in ln for ln in got[:i])
    got = lines("raw", RawLayout(page_rows=3, repeat_labels=False, target_width=40, actual_width=40))
    i = next(k for k, ln in enumerate(got) if ln.startswith("\f"))
    assert got[i] == "\f候车亭维修数量 全覆盖 达成指标 20.00 20.00"


# --- layout ---------------------------------------------------------------------------------

def test_layout_keeps_columns_apart_and_goals_side_by_side():
    got = lines("layout", GridLayout(expected_width=24, goal_actual_width=24))
    header = next(ln for ln in got if T.label("level1") in ln)
    assert header.split() == HEADER_WITH_NAMES.split()
    both = [ln for ln in got if "计划" in ln or "巡查" in ln]
    assert any("计划对全区" in ln and "全年完成" in ln for ln in got), "the goal texts share lines"
    assert both


def test_layout_puts_a_merged_label_at_the_middle_of_its_rows():
    got = lines("layout", GridLayout(target_width=40, actual_width=40))
    at = {name: k for k, ln in enumerate(got) for name in ("候车亭巡查次数", "候车亭清洗次数", "候车亭维修数量")
          if name in ln}
    label = next(k for k, ln in enumerate(got) if ln.strip().startswith(GROUPS[L1[1]][0]) or
                 f" {GROUPS[L1[1]][0]} " in ln)
    assert at["候车亭巡查次数"] <= label <= at["候车亭维修数量"]


def test_layout_pushes_a_piece_that_would_overlap_one_space_right():
    got = lines("layout", GridLayout(scale=0.3, target_width=40, actual_width=40))
    line = next(ln for ln in got if "候车亭巡查次数" in ln)
    assert "候车亭巡查次数 ≥120.00(次) 126.00(次) 20.00 20.00" in " ".join(line.split()) and "  " not in line[:20].strip()


def test_layout_wrapped_value_stands_above_and_below_its_row():
    got = lines("layout", GridLayout(target_width=13, actual_width=13))
    i = next(k for k, ln in enumerate(got) if "候车亭维护养护成本" in ln)
    assert got[i - 1].split() == ["≤1204.50(元/", "1180.20(元/座"] and got[i + 1].split() == ["座/年)", "/年)"]


# --- cells ----------------------------------------------------------------------------------

def paragraphs(text: str) -> list[list[str]]:
    return [p.split("\n") for p in text.strip("\n\f").split("\n\n")]


def test_cells_rows_prints_each_cell_its_own_paragraph_row_by_row():
    paras = paragraphs(render([FORM], "cells", CellsLayout(target_width=40, actual_width=40)))
    flat = [p[0] for p in paras]
    i = flat.index("候车亭巡查次数")
    assert flat[i:i + 5] == ["候车亭巡查次数", "≥120.00(次)", "126.00(次)", "20.00", "20.00"]
    assert flat[i - 1] == GROUPS[L1[1]][0]
    assert [T.fund_item_names[0], "1204.50", "1300.00", "10.00", "9.50", "1250.00", "96.15"] == \
        flat[flat.index(T.fund_item_names[0]):flat.index(T.fund_item_names[0]) + 7]


def test_cells_rows_names_deviations_and_a_fund_item_apart():
    knobs = CellsLayout(first_name_after=True, deviations="after", fund_item_after=3, target_width=40,
                        actual_width=40)
    flat = [p[0] for p in paragraphs(render([FORM], "cells", knobs))]
    header = flat.index(T.label("deviation"))
    assert flat[header + 1] == "受连续降雨天气影响，清洗次数未达到年初目标。"[:len(flat[header + 1])]
    assert flat.index("候车亭维护养护成本") > flat.index("≥95.00(%)")
    total = flat.index(T.label("total"))
    assert flat.index(T.fund_item_names[3]) < total and flat.index(T.fund_item_names[3]) > flat.index("≥95.00(%)")


def test_cells_strips_print_a_drawn_form_column_by_column():
    knobs = CellsLayout(order="strips", blank_between=False, target_width=40, actual_width=40)
    got = lines("cells", knobs)
    names = got.index("候车亭巡查次数")
    values = got.index("≥120.00(次) 126.00(次)")
    points = got.index("20.00 20.00")
    assert names < got.index(f"{GROUPS[L1[1]][1]} 候车亭设施完好率") < values < points
    apart = lines("cells", CellsLayout(order="strips", pairs_apart=True, blank_between=False, target_width=40,
                                       actual_width=40))
    i = apart.index("96.00(%)" if "96.00(%)" in apart else "≥95.00(%) 96.00(%)")
    weights, scores = apart[i + 1:i + 7], apart[i + 7:i + 13]
    assert weights == ["10.00", "20.00", "20.00", "20.00", "20.00", "100.00"]
    assert scores == ["10.00", "20.00", "15.00", "20.00", "20.00", "94.50"]


def test_cells_strips_by_line_print_every_line_a_band():
    got = lines("cells", CellsLayout(order="strips", by_line=True, blank_between=False, target_width=40,
                                     actual_width=40))
    i = got.index("候车亭维修数量")
    assert got[i + 1:i + 3] == ["全覆盖 达成指标", "20.00 20.00"]


# --- every dialect --------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["default", "raw", "layout", "cells"])
def test_every_label_comes_from_the_template(mode, monkeypatch):
    """Respell three labels in the template: the renderer prints the new spellings, never the old."""
    monkeypatch.setitem(T.labels, "total", ("综合得分",))
    monkeypatch.setitem(T.labels, "project", ("项目全称",))
    monkeypatch.setitem(T.labels, "grade", ("评定等级",))
    text = render([FORM], mode)
    assert "综合得分" in text and "项目全称" in text and "评定等级" in text
    assert "总分" not in text and "项目名称" not in text and "评分等级" not in text


@pytest.mark.parametrize("mode, knobs", [("raw", RawLayout()), ("layout", GridLayout()), ("cells", CellsLayout()),
                                         ("default", Layout())])
def test_a_form_feed_ends_every_page_and_forms_follow_each_other(mode, knobs):
    text = render([FORM, invented_form(2024)], mode, knobs)
    if mode == "default":       # the seed's dialect: the pages stand apart by blank lines, or form feeds
        assert "\f" not in text and "\n\n\n\n" in text
        assert render([FORM, invented_form(2024)], Layout(page_separator="formfeed")).count("\f") == 1
    else:                       # pdftotext ends every page with a form feed
        assert text.count("\f") == 2 and text.endswith("\f")
    assert [f.year for f in selfeval.parse(text)] == [2023, 2024]


@pytest.mark.parametrize("module, knobs", [(raw, RawLayout()), (layout, GridLayout()), (cells, CellsLayout()),
                                           (default, Layout())])
def test_render_page_gives_the_lines_of_one_form(module, knobs):
    page = module.render_page(FORM, knobs)
    assert isinstance(page, list) and all(isinstance(ln, str) and "\n" not in ln for ln in page)
    assert any(T.title in ln for ln in page)


def test_the_knobs_classes_are_frozen_and_their_defaults_print_a_plain_form():
    for cls in (RawLayout, GridLayout, CellsLayout, Layout):
        knobs = cls()
        with pytest.raises(Exception):
            knobs.formfeed = False
    for mode in ("raw", "layout", "cells"):
        forms = selfeval.parse(render([FORM], mode))
        assert [f.project_name for f in forms] == [FORM.project_name]


def test_render_takes_knobs_alone_or_refuses_the_wrong_ones():
    assert render([FORM], RawLayout()) == render([FORM], "raw")
    with pytest.raises(TypeError):
        render([FORM], "raw", GridLayout())
    with pytest.raises(ValueError):
        render([FORM], "pdf")
