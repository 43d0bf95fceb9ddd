"""hypothesis strategies: random but realistic records, and random layouts of their dumps.

Records are built from parts (subjects of public projects × the indicator words of each 二级
group), with the arithmetic of a real form: the fund rows add up, execution rates are
executed / annual budget, scores never exceed weights, the totals are the sums, the grade
follows the total, and a row that lost points has a deviation (as SPEC's ``check`` demands;
rows that kept all points may have one too). None of the words come from the samples.

Layouts draw every knob of ``selfeval.render.Layout``. One rule is built into the renderer
rather than drawn here: another block stands between every two bands of the 三级 column, as
pdftotext prints other blocks between the flows of a column; a band boundary with nothing but
blank lines is recoverable only from the names' cues, which random records do not promise.
"""
from __future__ import annotations

from hypothesis import strategies as st

from selfeval.model import CellValue, Form, FundRow, Goals, Indicator, Source, Total
from selfeval.render import EXEC_POSITIONS, Layout
from selfeval.vocab import FUND_ITEMS, LEVEL1_OF, LEVEL2

SUBJECTS = ["河道保洁", "路灯维护", "绿地养护", "公厕管理", "垃圾清运", "社区养老", "图书借阅",
            "农田灌溉", "校舍修缮", "体育场馆", "文化活动", "技能培训", "食品抽检", "网络运维",
            "档案数字化", "应急演练", "交通信号", "污水管网", "老旧小区", "便民服务站", "义诊巡诊",
            "智慧停车", "水质监测", "森林防火", "残疾人康复", "学生营养餐", "旅游厕所", "电梯检测"]
PLACES = [("滨江市", "临湖区"), ("青山市", "北塘区"), ("云岭州", "石桥县"), ("海宁市", "东港区")]
AGENCIES = [("住房和城乡建设局", "市政设施管理所"), ("教育局", "教育技术装备中心"),
            ("卫生健康委员会", "疾病预防控制中心"), ("农业农村局", "农业技术推广站"),
            ("文化和旅游局", "文化馆"), ("城市管理局", "环境卫生管理处")]
COUNT_UNITS = ["个", "家", "人", "人次", "次", "场", "台", "套", "条", "户", "期", "座", "所", "处",
               "份", "吨", "公里", "平方米", "亩", "批次"]
PER = ["人", "户", "所", "台", "次", "平方米", "公里", "人/年", "人/月"]

# 二级 group -> (name suffixes, qualitative targets, kind of quantity)
GROUPS = {
    "经济成本指标": (["单位成本", "人均成本", "投入成本", "支出控制数", "补贴标准"],
                ["节约", "合理", "控制在预算内"], "money"),
    "社会成本指标": (["社会成本控制"], ["无明显影响", "较小"], "count"),
    "生态环境成本指标": (["施工扬尘控制", "过程中环境影响"], ["无明显影响"], None),
    "数量指标": (["完成数", "计划完成数", "数量", "次数", "覆盖人数"], ["按计划完成", "全覆盖"], "count"),
    "质量指标": (["准确率", "合格率", "达标率", "验收通过率", "质量符合性", "规范性"],
             ["合格", "规范", "符合", "达标", "准确"], "percent"),
    "时效指标": (["及时性", "完成及时率", "按期完成率", "资金拨付及时性"], ["及时", "按时完成", "按期"],
             "percent"),
    "经济效益指标": (["经济损失减少率", "节约资金", "相关收入增长"], ["有所增长", "明显"], "percent"),
    "社会效益指标": (["政策知晓率", "社会影响力", "覆盖面扩大", "服务便利度提升", "群众获得感"],
               ["显著", "提高", "改善", "提升", "扩大"], "percent"),
    "生态效益指标": (["资源利用率", "污染物减排量", "环境改善情况"], ["减少", "提高"], "percent"),
    "可持续影响指标": (["档案资料完整性", "制度执行有效性", "持续发挥作用", "长效管理机制健全性"],
                 ["完整", "健全", "长期", "持续", "有效"], None),
    "服务对象满意度指标": (["服务对象满意度", "受益群众满意度", "满意率"], ["较满意", "基本满意", "满意"],
                   "percent"),
}
REASONS = ["受极端天气影响", "因项目招投标流程延后", "部分服务对象条件发生变化", "年初测算依据不够充分",
           "受场地改造影响", "因上级政策调整"]
REMEDIES = ["后续将科学合理设置绩效目标值", "下一年度将提前谋划项目实施计划", "将加强过程管理和督促检查",
            "部分工作顺延至次年完成", "将进一步完善管理制度"]


def cents(lo: float, hi: float):
    """A money amount with two decimals, as a float that prints back exactly."""
    return st.integers(int(lo * 100), int(hi * 100)).map(lambda c: c / 100)


@st.composite
def names(draw, group: str) -> str:
    suffixes = GROUPS[group][0]
    a = draw(st.sampled_from(SUBJECTS))
    shape = draw(st.sampled_from(["plain", "plain", "and", "incl", "year", "comma"]))
    if shape == "and":
        a = a + draw(st.sampled_from(["和", "与", "及"])) + draw(st.sampled_from(SUBJECTS))
    elif shape == "incl":
        a = a + "（含" + draw(st.sampled_from(SUBJECTS)) + "）"
    elif shape == "comma":
        a = a + "、" + draw(st.sampled_from(SUBJECTS))
    name = a + draw(st.sampled_from(suffixes))
    if shape == "year":
        name = "年度" + name
    return name


@st.composite
def cells(draw, group: str) -> tuple[str, str]:
    _, words, kind = GROUPS[group]
    if kind is None or draw(st.booleans()):
        return draw(st.sampled_from(words)), draw(st.sampled_from(["达成指标", "达成指标", "基本达成"]))
    op = draw(st.sampled_from(["≥", "=", ">", "≤", "<"]))
    if kind == "percent":
        v, unit = draw(st.integers(1, 100)), "%"
    elif kind == "money":
        v = draw(st.integers(1, 99999)) / 100
        unit = draw(st.sampled_from(["万元", "元"])) + draw(st.sampled_from(["", "/"])) 
        unit = unit + draw(st.sampled_from(PER)) if unit.endswith("/") else unit
    else:
        v, unit = draw(st.integers(1, 20000)), draw(st.sampled_from(COUNT_UNITS))
    actual = draw(st.integers(0, int(v * 1.5) + 1)) if kind != "money" else v
    thousands = draw(st.booleans()) and v >= 1000
    target_num = f"{v:,.2f}" if thousands else f"{v:.2f}"
    return f"{op}{target_num}({unit})", f"{actual:.2f}({unit})"


@st.composite
def deviations(draw) -> str:
    text = draw(st.sampled_from(REASONS))
    if draw(st.booleans()):
        text += "，" + draw(st.sampled_from(REMEDIES))
    if draw(st.booleans()):
        text += "；" + draw(st.sampled_from(REMEDIES))
    return text + draw(st.sampled_from(["。", "。", ""]))


@st.composite
def indicators(draw) -> list[Indicator]:
    groups = draw(st.lists(st.sampled_from(LEVEL2), min_size=1, max_size=len(LEVEL2), unique=True))
    groups.sort(key=LEVEL2.index)
    total_rows = draw(st.integers(len(groups), 40))
    counts = [1] * len(groups)
    for _ in range(total_rows - len(groups)):
        counts[draw(st.integers(0, len(groups) - 1))] += 1
    out: list[Indicator] = []
    for group, count in zip(groups, counts):
        for _ in range(count):
            if out and draw(st.integers(0, 9)) == 0:
                name = out[-1].name if out[-1].level2 == group else draw(names(group))  # a duplicate
            else:
                name = draw(names(group))
            target, actual = draw(cells(group))
            weight = float(draw(st.integers(1, 20)))
            lost = draw(st.integers(0, 3)) == 0
            score = draw(st.integers(0, int(weight * 100) - 1)) / 100 if lost else weight
            deviation = draw(deviations()) if lost or draw(st.integers(0, 5)) == 0 else None
            out.append(Indicator(LEVEL1_OF[group], group, name, target, actual,
                                 CellValue.parse(target), CellValue.parse(actual), weight, score,
                                 deviation))
    return out


@st.composite
def funds(draw) -> list[FundRow]:
    rows = []
    for item in FUND_ITEMS[1:]:
        initial = draw(st.one_of(st.just(0.0), cents(0, 3000)))
        annual = draw(st.one_of(st.just(0.0), cents(0, 3000)))
        executed = draw(cents(0, annual)) if annual else 0.0
        rate = round(executed / annual * 100, 2) if annual else draw(st.sampled_from([0.0, 100.0]))
        rows.append(FundRow(item, initial, annual, executed, None, rate, None))
    initial = round(sum(r.initial_budget for r in rows), 2)
    annual = round(sum(r.annual_budget for r in rows), 2)
    executed = round(sum(r.executed for r in rows), 2)
    rate = round(executed / annual * 100, 2) if annual else 0.0
    weight = 10.0
    score = draw(st.integers(0, 1000)) / 100
    return [FundRow(FUND_ITEMS[0], initial, annual, executed, weight, rate, score)] + rows


@st.composite
def goals(draw, project: str, year: int, executed: float, inds: list[Indicator]) -> Goals:
    subject = draw(st.sampled_from(SUBJECTS))
    plan = [f"计划完成{subject}相关工作任务", f"确保{subject}服务覆盖面进一步扩大",
            f"力争{subject}群众满意度达到90%以上", f"将建立健全{subject}管理制度"]
    done = [f"{year}年{project}全年实际支出{executed:.2f}万元", f"已完成{subject}相关工作任务",
            f"实际完成{subject}服务{draw(st.integers(2, 999))}人次", f"已建立健全{subject}管理制度"]
    expected = "，".join(draw(st.lists(st.sampled_from(plan), min_size=1, max_size=6))) + "。"
    actual = "，".join([done[0]] + draw(st.lists(st.sampled_from(done[1:]), min_size=0, max_size=5))) + "。"
    return Goals(expected, actual)


def grade_of(score: float) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


@st.composite
def forms_one(draw) -> Form:
    city, district = draw(st.sampled_from(PLACES))
    agency, unit = draw(st.sampled_from(AGENCIES))
    project = draw(st.sampled_from(SUBJECTS)) + draw(st.sampled_from(["专项", "项目", "经费", "补助资金"]))
    year = draw(st.integers(2019, 2026))
    fund_rows = draw(funds())
    inds = draw(indicators())
    weight = round(fund_rows[0].weight + sum(i.weight for i in inds), 2)
    score = round(fund_rows[0].score + sum(i.score for i in inds), 2)
    return Form(
        title="财政项目支出绩效自评表", year=year, project_name=project,
        department=city + district + agency, implementing_unit=city + district + unit,
        funds=fund_rows, goals=draw(goals(project, year, fund_rows[0].executed, inds)),
        indicators=inds, total=Total(weight, score), grade=grade_of(score), source=Source(),
    )


def form_lists(max_forms: int = 3):
    return st.lists(forms_one(), min_size=1, max_size=max_forms)


@st.composite
def layouts(draw) -> Layout:
    placements = draw(st.dictionaries(st.sampled_from(LEVEL2), st.sampled_from(["auto", "inline", "before",
                                                                                "parked"])))
    separators = draw(st.permutations(["total_label", "grade", "parked", "goal_label", "fund_label",
                                       "goals_header"]))
    band_rows = draw(st.integers(2, 8))
    name_width = draw(st.integers(12, 20)) * 2
    deviation_width = draw(st.integers(12, 20)) * 2
    # the goal texts span several columns of the table: theirs is the widest column
    goal_width = max(name_width, deviation_width) + draw(st.integers(8, 20)) * 2
    return Layout(
        name_width=name_width,
        deviation_width=deviation_width,
        goal_width=goal_width,
        target_width=draw(st.integers(11, 16)),
        actual_width=draw(st.integers(9, 14)),
        level1_width=draw(st.sampled_from([8, 10])),
        level2_width=draw(st.sampled_from([8, 10, 12])),
        labels=tuple(sorted(placements.items())),
        band_rows=band_rows,
        first_band_rows=draw(st.integers(1, band_rows)),
        chunk_rows=draw(st.integers(1, 4)),
        band_separators=tuple(separators),
        name_blank_before_deviation=draw(st.booleans()),
        deviation_blank_before_last=draw(st.booleans()),
        goal_blank_before_last=draw(st.booleans()),
        goal_first=draw(st.sampled_from(["actual", "expected"])),
        exec_position=draw(st.sampled_from(EXEC_POSITIONS)),
        exec_split_after=draw(st.integers(0, 4)),
        title_first=draw(st.booleans()),
        page_separator=draw(st.sampled_from(["blank", "formfeed"])),
        page_blank_lines=draw(st.integers(2, 4)),
        thousands=draw(st.booleans()),
        weight_word=draw(st.sampled_from(["分数", "分值"])),
        row_paragraph=draw(st.integers(1, 5)),
    )
