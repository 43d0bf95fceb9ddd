"""Properties, checked by hypothesis on random records and random layouts of their dumps."""
import gc
import time

from hypothesis import given, note, strategies as st

import selfeval
from accounting import lost_lines
from selfeval.diff import differences
from strategies import form_lists, layouts


@given(form_lists(), layouts())
def test_parse_of_render_gives_the_records_back(forms, layout):
    text = selfeval.render(forms, layout)
    got = selfeval.parse(text)
    diff = differences([f.to_dict() for f in forms], [f.to_dict() for f in got])
    if diff:
        note(text)
        note("\n".join(f"{d.level} {d.code} {d.lines}: {d.message}" for f in got for d in f.diagnostics))
    assert not diff, "\n".join(diff[:12])


@given(form_lists(), layouts())
def test_render_of_parse_of_render_is_stable(forms, layout):
    once = selfeval.render(forms, layout)
    assert selfeval.render(selfeval.parse(once), layout) == once


FORM_LINES = ["财政项目支出绩效自评表", "（2024年度）", "项目名称 某某项目", "年初预算数 全年预算数 分数 得分",
              "年度资金总额 100.00 90.00 10.00 9.00", "其中：当年财政拨款 100.00 90.00 - -",
              "一级指标 二级指标 年度指标值 实际完成值 分值 得分", "数量指标 =12.00(次) 12.00(次) 8.00 8.00",
              "及时 达成指标 5.00 5.00", "319.93(万", "元)", "20.00 18.00", "经济成本指", "标", "满意度指标",
              "三级指标 偏差原因分析及改进措施", "全年执行数 执行率(%)", "90.00 100.00", "评分等级 优", "总分",
              "预期目标 实际完成情况", "年度", "总体", "目标", "人工成本总额 人员额度严格按照上级要求执行",
              # the other dialects: a header naming 三级指标 (rows whole), rows with names inline,
              # lines of -layout with cells apart
              "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
              "图书采购册数 ≥3000.00(册) 2500.00(册) 50.00 45.00 受供货周期影响。", "每册图书采购成本 40.00 40.00",
              "成本指标 经济成本指标", "    经济成本指        ≤45.00(元/   42.30(元/",
              "成本指标      每册图书采购成本                    40.00  40.00",
              "  总体   计划全年开放图书馆三百天，       借阅量比上年增长百分之五，"]
PIECES = st.one_of(
    st.sampled_from(FORM_LINES),
    st.text(st.sampled_from("财政项目支出绩效指标年度完成万元人次及时满意，。、；（）() "), max_size=30),
    st.text(st.sampled_from("0123456789.,-=≥≤<>%/ "), max_size=20),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20),
    st.sampled_from(["", "", "\f", "\x0b", "\x1c", "\x00", "\t", "\r", "\u3000"]),
)


@given(st.lists(PIECES, max_size=120), st.sampled_from(("auto", "default", "layout", "raw")))
def test_parse_never_raises_and_loses_no_line(pieces, mode):
    text = "\n".join(pieces)
    forms = selfeval.parse(text, params=selfeval.Params(mode=mode))
    if forms:
        assert lost_lines(text, forms) == []


@given(form_lists(max_forms=2), layouts(), st.lists(st.sampled_from(FORM_LINES), max_size=8))
def test_a_dump_with_stray_lines_loses_none_of_them(forms, layout, extra):
    lines = selfeval.render(forms, layout).split("\n")
    step = max(1, len(lines) // (len(extra) + 1))
    for k, x in enumerate(extra):
        lines.insert((k + 1) * step, x)
    text = "\n".join(lines)
    assert lost_lines(text, selfeval.parse(text)) == []


def _times(one: str, ten: str) -> tuple[float, float]:
    """Time to parse ``one`` (best of three, after a parse that warms the caches) and ``ten``
    (one parse: ten times longer, so a single reading is steady enough), collector paused."""
    selfeval.parse(one)
    gc.disable()
    try:
        t_one = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            selfeval.parse(one)
            t_one = min(t_one, time.perf_counter() - t0)
        t0 = time.perf_counter()
        selfeval.parse(ten)
        t_ten = time.perf_counter() - t0
    finally:
        gc.enable()
    return t_one, t_ten


@given(form_lists(max_forms=1), layouts())
def test_parsing_time_grows_linearly(forms, layout):
    """Ten times the input (ten copies of a form) takes at most about ten times as long."""
    one = selfeval.render(forms, layout)
    t_one, t_ten = _times(one, one * 10)
    assert t_ten <= 15 * t_one + 0.02, (t_one, t_ten)


@given(st.lists(PIECES, max_size=60))
def test_parsing_time_of_arbitrary_text_grows_linearly(pieces):
    """No catastrophic backtracking: ten forms of arbitrary text take about ten times as long as one.

    Each copy opens with the title, so that it is a form of its own: within one form the
    name search is polynomial (bounded by ``Params.max_rows``), not linear, in its rows."""
    text = "财政项目支出绩效自评表\n" + "\n".join(pieces) + "\n"
    t_one, t_ten = _times(text, text * 10)
    assert t_ten <= 15 * t_one + 0.02, (t_one, t_ten)
