"""hypothesis strategies: random but realistic records, and random knobs of their dumps in each
dialect.

Records are built from parts (subjects of public projects × the indicator words of each 二级
group), with the arithmetic of a real form: the fund rows add up, execution rates are
executed / annual budget, scores never exceed weights, the totals are the sums, the grade
follows the total, and a row that lost points has a deviation (as SPEC's ``check`` demands;
rows that kept all points may have one too). Every word is invented here, none is taken from
the seed or the corpus; the generic words of indicator names (率, 满意度, 及时性 …) are the
vocabulary of the form itself.

Besides the plain vocabulary, a record may draw each of these classes (``RECORD_CLASSES``;
``forms(off=…)`` leaves out those named):

- ``wrapping_words``: qualitative targets and actuals long enough to wrap (不超过批复预算, 有所改善);
- ``marked_names``: names with digits, Latin letters or brackets (4K监控点位覆盖率, （三）类河道保洁完成率);
- ``spaced_text``: a space between CJK and digits, as some producers print it (不少于 30 次);
- ``trimmed_numbers``: quantities printed without their trailing zeros (≥90(%), 512.4(米));
- ``half_weights``: weights in half points (2.50);
- ``no_cost_group``, ``no_satisfaction_group``: forms without a 成本指标 or 满意度指标 group;
- ``long_forms``: up to 45 rows (else up to 20; never fewer than 3);
- ``short_goals``: goal texts of one sentence (else of three, that wrap);
- ``open_deviations``: deviations that end without a full stop;
- ``none_deviations``: rows that kept their points saying so in the deviation cell (无);
- ``kept_deviations``: a deviation on a row that kept its points (else only rows that lost
  points have one);
- ``long_units``: a 实施单位 name too long for its column (else one of 14 characters at most);
- ``duplicate_names``: a row named like the row above it;
- ``long_names``: names of 15 characters or more, that wrap in a narrow name column.

Knobs: ``layouts()`` draws every knob of the seed dialect's ``Layout``; ``raw_layouts``,
``grid_layouts`` and ``cells_layouts`` those of the other dialects, each leaving at its plain
default every knob named in ``off`` (``knob`` for the whole knob, ``knob=value`` for one value).
One rule is built into the seed dialect's renderer rather than drawn here: another block stands
between every two bands of the 三级 column, as pdftotext prints other blocks between the flows of
a column; a band boundary with nothing but blank lines is recoverable only from the names' cues,
which random records do not promise.
"""
from __future__ import annotations

import attrs
from hypothesis import strategies as st

from selfeval.model import CellValue, Form, FundRow, Goals, Indicator, Source, Total
from selfeval.render import EXEC_POSITIONS, CellsLayout, GridLayout, Layout, RawLayout
from selfeval.template import NATIONAL as T

LEVEL2 = T.level2
LEVEL1_OF = T.level1_of
FUND_ITEMS = T.fund_item_names

SUBJECTS = ["河道保洁", "路灯维护", "绿地养护", "公厕管理", "社区养老", "图书借阅", "农田灌溉", "体育场馆",
            "文化活动", "档案数字化", "交通信号", "污水管网", "老旧小区", "便民服务站", "义诊巡诊", "智慧停车",
            "水质监测", "森林防火", "残疾人康复", "学生营养餐", "旅游厕所", "电梯检测", "消防栓巡检", "积水点改造",
            "候车亭维护", "非遗展演", "古树名木养护", "社区食堂", "口袋公园", "防汛物资储备"]
MARKED = ["4K监控点位", "5G微基站", "AED设备", "LED路灯", "96150热线", "PM2.5监测点", "GIS管网普查",
          "（三）类河道", "（一）级养护路段", "第2批次充电桩", "Wi-Fi热点"]
PLACES = [("滨江市", "临湖区"), ("青山市", "北塘区"), ("云岭州", "石桥县"), ("海宁市", "东港区"),
          ("澄川市", "南渚区")]
AGENCIES = [("水务局", "河湖管理所"), ("园林绿化局", "公园养护中心"), ("应急管理局", "应急物资保障站"),
            ("民政局", "社会福利服务中心"), ("文化和旅游局", "非遗保护中心"), ("城市管理局", "市容景观管理处"),
            ("体育局", "全民健身指导站")]
LONG_UNITS = [("文化和旅游局", "非物质文化遗产展示和传承保护中心"), ("城市管理局", "环境卫生和市容景观管理服务中心")]
COUNT_UNITS = ["个", "家", "人", "人次", "次", "场", "台", "套", "条", "户", "期", "座", "处", "份", "吨",
               "公里", "米", "平方米", "亩", "批次", "棵"]
PER = ["人", "户", "台", "次", "平方米", "公里", "人/年", "座/月"]

# 二级 group -> (name suffixes, qualitative targets, wrapping ones, kind of quantity)
GROUPS = {
    "经济成本指标": (["养护成本", "每公里维护成本", "支出控制", "运维费用", "单价控制"],
                ["节约", "合理", "控制在预算内"], ["不超过批复预算", "不超过年初预算"], "money"),
    "社会成本指标": (["社会成本控制", "对周边交通秩序的影响"], ["较小", "无影响"], ["对居民生活无明显影响"], None),
    "生态环境成本指标": (["施工期环境影响", "作业扬尘影响"], ["无明显影响", "无污染"], ["施工期间无污染"], None),
    "数量指标": (["巡查次数", "完成数量", "覆盖户数", "维护数量", "培训场次"], ["按计划完成", "全覆盖"],
             ["按计划完成全部任务"], "count"),
    "质量指标": (["抽检合格率", "设施完好率", "验收合格率", "整改达标率", "规范性"],
             ["合格", "规范", "达标", "符合"], ["符合行业规范要求"], "percent"),
    "时效指标": (["处置及时率", "按期完成率", "响应及时性", "资金拨付及时性"], ["及时", "按时完成", "按期"],
             ["按期完成", "按时完成全部节点"], "percent"),
    "经济效益指标": (["运营收入增长", "节约资金额"], ["有所增长", "明显"], ["较上年有所增长"], "percent"),
    "社会效益指标": (["群众知晓度", "服务覆盖面", "出行便利度", "社会影响力"], ["显著", "提高", "改善", "提升"],
               ["稳步提升", "有所改善", "明显提升"], "percent"),
    "生态效益指标": (["节能减排量", "绿化改善情况", "污染物削减量"], ["减少", "降低"], ["排放量逐步降低"], "percent"),
    "可持续影响指标": (["长效管护机制", "制度落实情况", "设施持续运行"], ["健全", "长期", "持续", "有效"],
                 ["长效机制基本建立"], None),
    "服务对象满意度指标": (["群众满意度", "使用者满意度", "居民满意率"], ["较满意", "基本满意", "满意"],
                   ["群众基本满意"], "percent"),
}
ACTUALS = ["达成指标", "达成指标", "基本达成", "部分达成"]
WRAPPING_ACTUALS = ["基本完成", "按期完成", "已全部完成", "有所改善", "稳步提升"]
REASONS = ["受连续降雨天气影响", "因供应商交付延迟", "个别点位周边居民有异议", "原定场地临时调整",
           "上级资金下达时间较晚", "部分设备到货后检测未通过"]
REMEDIES = ["下一步将优化作业排期", "今后将加强与施工单位的沟通", "已督促供应商限期整改",
            "明年将提前开展前期调研", "将完善日常巡查台账"]
NO_DEVIATION = T.words("cells", "no_deviation")[0]
RECORD_CLASSES = frozenset({"wrapping_words", "marked_names", "spaced_text", "trimmed_numbers", "half_weights",
                            "no_cost_group", "no_satisfaction_group", "long_forms", "short_goals",
                            "open_deviations", "none_deviations", "kept_deviations", "long_units",
                            "duplicate_names", "long_names"})


_SAMPLED: dict[tuple, st.SearchStrategy] = {}


def sampled(elements) -> st.SearchStrategy:
    """``st.sampled_from(elements)``, built once per sequence: hypothesis does not cache it, and a
    fresh strategy is validated on each draw; built in every draw of every example, those
    validations cost more time than the parses the tests make."""
    key = tuple(elements)
    got = _SAMPLED.get(key)
    if got is None:
        got = _SAMPLED[key] = st.sampled_from(key)
    return got


def cents(lo: float, hi: float):
    """A money amount with two decimals, as a float that prints back exactly."""
    return st.integers(int(lo * 100), int(hi * 100)).map(lambda c: c / 100)


def _on(draw, cls: str, off: frozenset) -> bool:
    """Whether this record draws the class ``cls`` here (never when it is switched off)."""
    return cls not in off and draw(st.booleans())


SHORT_NAME = 12      # characters: a name this short fits the narrowest name column (24 display columns)


@st.composite
def names(draw, group: str, off: frozenset = frozenset()) -> str:
    """An indicator name: a subject (or two) and a word of its group; at most ``SHORT_NAME``
    characters unless ``long_names`` is drawn."""
    suffixes = GROUPS[group][0]
    subjects = MARKED if draw(st.integers(0, 3)) == 0 and "marked_names" not in off else SUBJECTS
    a = draw(sampled(subjects))
    shape = draw(sampled(["plain", "plain", "and", "incl", "year", "comma"]))
    if shape == "and":
        a = a + draw(sampled(["和", "与", "及"])) + draw(sampled(SUBJECTS))
    elif shape == "incl":
        a = a + "（含" + draw(sampled(SUBJECTS)) + "）"
    elif shape == "comma":
        a = a + "、" + draw(sampled(SUBJECTS))
    suffix = draw(sampled(suffixes))
    name = ("年度" if shape == "year" else "") + a + suffix
    if len(name) > SHORT_NAME and not _on(draw, "long_names", off):
        short = min(suffixes, key=len)
        name = draw(sampled([x for x in subjects + SUBJECTS if len(x) + len(short) <= SHORT_NAME])) + short
    return name


def _figure(draw, v: float, off: frozenset) -> str:
    """A figure as a form prints it: two decimals, a thousands comma now and then, or trimmed."""
    if _on(draw, "trimmed_numbers", off) and draw(st.booleans()):
        return f"{v:g}"
    return f"{v:,.2f}" if v >= 1000 and draw(st.booleans()) else f"{v:.2f}"


@st.composite
def cells(draw, group: str, off: frozenset = frozenset()) -> tuple[str, str]:
    _, words, long_words, kind = GROUPS[group]
    if kind is None or draw(st.booleans()):
        if _on(draw, "spaced_text", off) and kind == "count":
            return f"不少于 {draw(st.integers(2, 90))} {draw(sampled(['次', '处', '场']))}", "达成指标"
        if _on(draw, "wrapping_words", off):
            return draw(sampled(long_words)), draw(sampled(WRAPPING_ACTUALS + ACTUALS))
        return draw(sampled(words)), draw(sampled(ACTUALS))
    op = draw(sampled(["≥", "=", ">", "≤", "<"]))
    if kind == "percent":
        v, unit = float(draw(st.integers(1, 100))), "%"
    elif kind == "money":
        v = draw(st.integers(1, 99999)) / 100
        unit = draw(sampled(["万元", "元", "元/", "万元/"]))
        unit = unit + draw(sampled(PER)) if unit.endswith("/") else unit
    else:
        v, unit = draw(st.integers(1, 20000)) / draw(sampled([1, 1, 10])), draw(sampled(COUNT_UNITS))
    actual = float(draw(st.integers(0, int(v * 1.5) + 1))) if kind != "money" else v
    return f"{op}{_figure(draw, v, off)}({unit})", f"{_figure(draw, actual, off)}({unit})"


@st.composite
def deviations(draw, name: str, lost: bool, off: frozenset = frozenset()) -> str:
    """Why a row lost points (or did better than planned) and what will be done: a reason,
    often naming the row, and a remedy or two."""
    text = draw(sampled(REASONS))
    if draw(st.booleans()):
        text += "，" + name + ("未达到年初目标" if lost else "超出年初目标")
    if draw(st.booleans()):
        text += "；" + draw(sampled(REMEDIES))
    return text + ("" if _on(draw, "open_deviations", off) else "。")


@st.composite
def groups(draw, off: frozenset = frozenset()) -> list[str]:
    """The 二级 groups of a form, in template order: a few of them, at least one, maybe none of
    成本指标 or of 满意度指标."""
    first, last = T.level1[0], T.level1[-1]
    drop = set()
    if _on(draw, "no_cost_group", off):
        drop.add(first)
    if _on(draw, "no_satisfaction_group", off):
        drop.add(last)
    pool = [g for g in LEVEL2 if LEVEL1_OF[g] not in drop]
    chosen = draw(st.lists(sampled(pool), min_size=1, max_size=len(pool), unique=True))
    return sorted(chosen, key=LEVEL2.index)


@st.composite
def indicators(draw, off: frozenset = frozenset()) -> list[Indicator]:
    chosen = draw(groups(off))
    most = 45 if "long_forms" not in off and draw(st.integers(0, 4)) == 0 else 20
    total_rows = draw(st.integers(max(3, len(chosen)), max(most, len(chosen))))
    counts = [1] * len(chosen)
    for _ in range(total_rows - len(chosen)):
        counts[draw(st.integers(0, len(chosen) - 1))] += 1
    half = _on(draw, "half_weights", off)
    out: list[Indicator] = []
    for group, count in zip(chosen, counts):
        for _ in range(count):
            if out and out[-1].level2 == group and _on(draw, "duplicate_names", off) and draw(st.booleans()):
                name = out[-1].name                                     # the name of the row above
            else:   # else no two rows share a name: rows alike in every cell are no evidence of order
                used = {x.name for x in out}
                name = draw(names(group, off).filter(lambda n: n not in used))
            target, actual = draw(cells(group, off))
            weight = draw(st.integers(2 if half else 1, 40 if half else 20)) / (2 if half else 1)
            lost = draw(st.integers(0, 3)) == 0
            score = draw(st.integers(0, int(weight * 100) - 1)) / 100 if lost else weight
            if lost or ("kept_deviations" not in off and draw(st.integers(0, 5)) == 0):
                deviation = draw(deviations(name, lost, off))
            else:
                deviation = NO_DEVIATION if _on(draw, "none_deviations", off) else None
            out.append(Indicator(LEVEL1_OF[group], group, name, target, actual,
                                 CellValue.parse(target), CellValue.parse(actual), float(weight), score,
                                 deviation))
    return out


@st.composite
def funds(draw) -> list[FundRow]:
    rows = []
    for item in FUND_ITEMS[1:]:
        initial = draw(st.one_of(st.just(0.0), cents(0, 3000)))
        annual = draw(st.one_of(st.just(0.0), cents(0, 3000)))
        executed = draw(cents(0, annual)) if annual else 0.0
        rate = round(executed / annual * 100, 2) if annual else draw(sampled([0.0, 100.0]))
        rows.append(FundRow(item, initial, annual, executed, None, rate, None))
    initial = round(sum(r.initial_budget for r in rows), 2)
    annual = round(sum(r.annual_budget for r in rows), 2)
    executed = round(sum(r.executed for r in rows), 2)
    rate = round(executed / annual * 100, 2) if annual else 0.0
    score = draw(st.integers(0, 1000)) / 100
    return [FundRow(FUND_ITEMS[0], initial, annual, executed, 10.0, rate, score)] + rows


@st.composite
def goals(draw, project: str, year: int, executed: float, off: frozenset = frozenset()) -> Goals:
    subject = draw(sampled(SUBJECTS))
    gap = " " if _on(draw, "spaced_text", off) else ""
    n = draw(st.integers(2, 999))
    plan = [f"计划对{subject}开展专项整治{n}轮", f"确保{subject}设施运行稳定",
            f"力争{subject}服务对象满意度提升至95%以上", f"拟新建{subject}管护台账{n}份",
            f"预计{gap}{year}{gap}年内惠及居民{n}户"]
    done = [f"{year}{gap}年{project}实际支出{executed:.2f}万元", f"已完成{subject}专项整治{n}轮",
            f"累计服务{subject}对象{n}人次", f"已建立{subject}管护台账", "各项工作均已按计划推进"]
    short = _on(draw, "short_goals", off)
    expected = "，".join(draw(st.lists(sampled(plan), min_size=1 if short else 3, max_size=6))) + "。"
    actual = "，".join([done[0]] + draw(st.lists(sampled(done[1:]), min_size=0 if short else 2,
                                                 max_size=5))) + "。"
    return Goals(expected, actual)


@st.composite
def forms_one(draw, off: frozenset = frozenset()) -> Form:
    city, district = draw(sampled(PLACES))
    agency, unit = draw(sampled(LONG_UNITS if _on(draw, "long_units", off) else AGENCIES))
    year = draw(st.integers(2019, 2026))
    project = draw(sampled(["", "", f"{year}年度"])) + draw(sampled(SUBJECTS)) + \
        draw(sampled(["专项", "项目", "经费", "补助资金", "运行维护项目"]))
    fund_rows = draw(funds())
    inds = draw(indicators(off))
    weight = round(fund_rows[0].weight + sum(i.weight for i in inds), 2)
    score = round(fund_rows[0].score + sum(i.score for i in inds), 2)
    return Form(
        title=T.title, year=year, project_name=project,
        department=city + district + agency, implementing_unit=city + district + unit,
        funds=fund_rows, goals=draw(goals(project, year, fund_rows[0].executed, off)),
        indicators=inds, total=Total(weight, score), grade=T.grade_of(score), source=Source(),
    )


def form_lists(max_forms: int = 3, off: frozenset = frozenset()):
    return st.lists(forms_one(off), min_size=1, max_size=max_forms)


def grade_of(score: float) -> str:
    return T.grade_of(score)


# --- knobs ----------------------------------------------------------------------------------

def _pick(draw, name: str, strategy, off: frozenset, default):
    """One knob: its default when ``off`` names it, else drawn, never a value ``off`` names as
    ``knob=value``."""
    if name in off:
        return default
    return draw(strategy.filter(lambda v: f"{name}={v}" not in off))


@st.composite
def layouts(draw, off: frozenset = frozenset()) -> Layout:
    """Every knob of the seed dialect's ``Layout``, but those named in ``off``."""
    plain = Layout()

    def pick(name, strategy):
        return _pick(draw, name, strategy, off, getattr(plain, name))

    name_width = pick("name_width", st.integers(12, 20).map(lambda n: 2 * n))
    deviation_width = pick("deviation_width", st.integers(12, 20).map(lambda n: 2 * n))
    # the goal texts span several columns of the table: theirs is the widest column
    goal_width = plain.goal_width if "goal_width" in off else \
        max(name_width, deviation_width) + 2 * draw(st.integers(8, 20))
    band_rows = pick("band_rows", st.integers(2, 8))
    placements = pick("labels", st.dictionaries(sampled(LEVEL2), sampled(
        ["auto", "inline", "before", "parked"])).map(lambda d: tuple(sorted(d.items()))))
    return Layout(
        name_width=name_width, deviation_width=deviation_width, goal_width=goal_width,
        target_width=pick("target_width", st.integers(11, 16)),
        actual_width=pick("actual_width", st.integers(9, 14)),
        level1_width=pick("level1_width", sampled([8, 10])),
        level2_width=pick("level2_width", sampled([8, 10, 12])),
        labels=placements,
        band_rows=band_rows,
        first_band_rows=pick("first_band_rows", st.integers(1, band_rows)),
        chunk_rows=pick("chunk_rows", st.integers(1, 4)),
        band_separators=pick("band_separators", st.permutations(list(plain.band_separators)).map(tuple)),
        name_blank_before_deviation=pick("name_blank_before_deviation", st.booleans()),
        deviation_blank_before_last=pick("deviation_blank_before_last", st.booleans()),
        goal_blank_before_last=pick("goal_blank_before_last", st.booleans()),
        goal_first=pick("goal_first", sampled(["actual", "expected"])),
        exec_position=pick("exec_position", sampled(EXEC_POSITIONS)),
        exec_split_after=pick("exec_split_after", st.integers(0, 4)),
        title_first=pick("title_first", st.booleans()),
        page_separator=pick("page_separator", sampled(["blank", "formfeed"])),
        page_blank_lines=pick("page_blank_lines", st.integers(2, 4)),
        thousands=pick("thousands", st.booleans()),
        weight_word=pick("weight_word", sampled(T.fund_columns["weight"][:2])),
        row_paragraph=pick("row_paragraph", st.integers(1, 5)),
        **attrs.asdict(_knobs(draw, Artefacts, DEFAULT_OPTIONS, off)),
    )


@attrs.frozen
class Artefacts:
    """The print artefacts of fresh forms that the seed dialect's ``Layout`` can print."""
    year_space: bool = False
    fund_blank: bool = False
    split_decimal: bool = False
    split_bracket: bool = False
    score_apart: bool = False
    total_width: int = 0


DEFAULT_OPTIONS = {"year_space": [False, True], "fund_blank": [False, True], "split_decimal": [False, True],
                   "split_bracket": [False, True], "score_apart": [False, True], "total_width": [0, 0, 5]}


def _holds(part: str, values: dict, classes: frozenset = frozenset()) -> bool:
    """Whether one part of a fail entry holds: ``knob=value``, a knob set (truthy), a record class."""
    name, eq, value = part.partition("=")
    if eq:
        return name in values and str(values[name]) == value
    return bool(values.get(part)) if part in values else part in classes


def _knobs(draw, cls, options: dict, off: frozenset):
    """Draw each knob of ``cls`` from its options, but leave at its default every knob named in
    ``off``, never draw a value named there as ``knob=value``, and of knobs named together
    (``a & b``) never all of them: the last one goes back to its default."""
    values = {}
    for name, choices in options.items():
        if name in off:
            continue
        allowed = [c for c in choices if f"{name}={c}" not in off]
        if allowed:
            values[name] = draw(sampled(allowed))
    for entry in off:
        parts = [p.strip() for p in entry.split("&")]
        knob_parts = [p for p in parts if p.partition("=")[0] in options]
        if len(knob_parts) == len(parts) > 1 and all(_holds(p, values) for p in parts):
            values.pop(parts[-1].partition("=")[0])
    return cls(**values)


def record_classes_off(knobs, off: frozenset) -> frozenset:
    """The record classes a case leaves out: those named alone in ``off``, and those named with
    knobs (``tail & kept_deviations``) that hold in ``knobs``."""
    values = attrs.asdict(knobs)
    out = {e for e in off if e in RECORD_CLASSES}
    for entry in off:
        parts = [p.strip() for p in entry.split("&")]
        classes = [p for p in parts if p in RECORD_CLASSES]
        if classes and len(classes) < len(parts) and all(_holds(p, values) for p in parts if p not in classes):
            out.update(classes)
    return frozenset(out)


# the producers' column widths (display columns) and habits, as seen in the corpus, and the
# print artefacts of fresh forms
DRAWING_OPTIONS = {
    "level1_width": [8, 10, 12],
    "level2_width": [8, 10, 12, 16],
    "name_width": [28, 34, 40, 44],
    "target_width": [11, 13, 15, 18],
    "actual_width": [11, 13, 15, 18],
    "deviation_width": [24, 30, 36, 44],
    "expected_width": [48, 56, 64, 80],
    "goal_actual_width": [52, 66, 78, 90],
    "department_width": [36, 44, 48],
    "unit_width": [28, 32, 40, 60],
    "gutter": [2, 4, 6, 8],
    "fund_indent": ["", "      "],
    "fund_blank": [False, True],
    "thousands": [False, True],
    "split_decimal": [False, True],
    "split_bracket": [False, True],
    "wrap_bracket": [False, True],
    "year_space": [False, True],
    "score_apart": [False, True],
    "total_width": [0, 0, 5],
    "page_rows": [0, 0, 0, 2, 4, 6, 9, 12],
    "repeat_header": [False, True],
    "repeat_labels": [False, True],
    "formfeed": [True, True, False],
    "page_blank_lines": [2, 3, 4],
}
RAW_OPTIONS = {**DRAWING_OPTIONS, "tail": [False, True], "snap": [False, True]}
GRID_OPTIONS = {**DRAWING_OPTIONS, "scale": [0.5, 0.6, 0.7, 0.8], "pad": [0, 1, 2], "tall_pad": [0, 1],
                "snap": [False, True]}
CELLS_OPTIONS = {
    **DRAWING_OPTIONS,
    "order": ["rows", "strips"],
    "labels": ["inline", "after"],
    "label_joined": [False, True],
    "level1_early": [0, 1, 2],
    "first_name_after": [False, True],
    "deviations": ["inline", "after", "split"],
    "last_pair_after": [False, True],
    "totals_early": [True, False],
    "fund_item_after": [-1, -1, 0, 1, 2, 3],
    "band_rows": [0, 1, 2, 3, 5],
    "by_line": [False, True],
    "join_values": [True, False],
    "pairs_apart": [False, True],
    "actual_goal_after": [False, True],
    "blank_between": [True, False],
}
DIALECTS = {"default": (Layout, DEFAULT_OPTIONS), "raw": (RawLayout, RAW_OPTIONS), "layout": (GridLayout, GRID_OPTIONS),
            "cells": (CellsLayout, CELLS_OPTIONS)}


@st.composite
def dialect_knobs(draw, mode: str, off: frozenset = frozenset()):
    """Knobs of one dialect, none of those named in ``off``."""
    if mode == "default":
        return draw(layouts(off))
    cls, options = DIALECTS[mode]
    return _knobs(draw, cls, options, off)


@st.composite
def cases(draw, mode: str, off: frozenset = frozenset(), max_forms: int = 2):
    """(forms, knobs) of one dialect: knobs first, then records without the classes that ``off``
    names alone or together with a knob that holds."""
    knobs = draw(dialect_knobs(mode, off))
    return draw(form_lists(max_forms, record_classes_off(knobs, off))), knobs


def knobs_of(mode: str) -> set[str]:
    """Every knob of a dialect's layout class and every knob=value its strategy draws from a list
    (for the fail lists to name; a value of a knob drawn from a range is checked by its name)."""
    cls, options = DIALECTS[mode]
    names = {f.name for f in attrs.fields(cls)}
    assert set(options) <= names, set(options) - names
    return names | {f"{k}={v}" for k, vs in options.items() for v in vs}
