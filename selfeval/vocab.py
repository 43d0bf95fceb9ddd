"""Vocabularies of the 财政项目支出绩效自评表 template, as data.

Everything the parser knows about the form's words lives here: the printed labels of the
template, the 一级/二级 indicator taxonomy in template order, the fund rows, the grades, and the
cue words that tie an indicator's name, its values and its 二级 group together. Cue words are
the general vocabulary of performance indicators (及时性, 满意度, 成本, 率 …), never the words of
one sample. The parser code imports these tables; no module spells a label of its own.
"""
from __future__ import annotations

# --- the title block ---------------------------------------------------------------------
TITLE_SUFFIX = "绩效自评表"          # 财政项目支出绩效自评表, 项目支出绩效自评表 …
PROJECT_LABEL = "项目名称"
DEPARTMENT_LABEL = "主管部门"
UNIT_LABEL = "实施单位"

# how the names of bodies end: a 主管部门 (the supervising department) and any 实施单位
DEPARTMENT_SUFFIXES = ("局", "委员会", "厅", "委", "人民政府", "政府", "办公室", "管理委员会")
ORG_SUFFIXES = DEPARTMENT_SUFFIXES + (
    "中心", "所", "站", "院", "处", "馆", "队", "学校", "小学", "中学", "幼儿园", "医院", "公司",
    "街道办事处", "办事处", "社", "场", "协会", "联合会", "总工会", "团委", "妇联", "科协")
PLACE_MARKS = ("省", "市", "区", "县", "镇", "乡", "自治州", "旗")

# --- the fund block (项目资金（万元）) -------------------------------------------------------
FUND_ITEMS = ("年度资金总额", "当年财政拨款", "上年结转资金", "其他资金")
FUND_TOTAL_ITEM = FUND_ITEMS[0]
FUND_ITEM_PREFIXES = ("其中：", "其中:")
FUND_COLUMNS = {            # printed header word -> FundRow field
    "年初预算数": "initial_budget",
    "全年预算数": "annual_budget",
    "全年执行数": "executed",
    "分值": "weight",
    "分数": "weight",
    "执行率(%)": "execution_rate",
    "执行率（%）": "execution_rate",
    "执行率": "execution_rate",
    "得分": "score",
}

# --- the indicator taxonomy, in the template's fixed order ----------------------------------
TAXONOMY = (
    ("成本指标", ("经济成本指标", "社会成本指标", "生态环境成本指标")),
    ("产出指标", ("数量指标", "质量指标", "时效指标")),
    ("效益指标", ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),
    ("满意度指标", ("服务对象满意度指标",)),
)
LEVEL1 = tuple(l1 for l1, _ in TAXONOMY)
LEVEL2 = tuple(l2 for _, group in TAXONOMY for l2 in group)
LEVEL1_OF = {l2: l1 for l1, group in TAXONOMY for l2 in group}

# --- printed labels of the template (cells that hold no data) --------------------------------
# Each may wrap inside its cell (年度 / 总体 / 目标); the label reassembler joins the pieces.
TEMPLATE_LABELS = (
    "项目资金（万元）", "项目资金(万元)", "年度总体目标", "总分", "评分等级",
    "预期目标", "实际完成情况", "三级指标", "偏差原因分析及改进措施",
    "一级指标", "二级指标", "年度指标值", "实际完成值", "分值", "得分",
    "年初预算数", "全年预算数", "分数", "全年执行数", "执行率(%)", "执行率（%）",
    "项目名称", "主管部门", "实施单位",
)
LABELS = LEVEL1 + LEVEL2 + TEMPLATE_LABELS
GOALS_HEADER = ("预期目标", "实际完成情况")
NAMES_HEADER = ("三级指标", "偏差原因分析及改进措施")
INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施")
TOTAL_LABEL = "总分"
GRADE_LABEL = "评分等级"
GRADES = ("优", "良", "中", "差")
# the lowest total score that earns each grade, best first (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60)
GRADE_FLOORS = (("优", 90.0), ("良", 80.0), ("中", 60.0), ("差", float("-inf")))

# --- cells -----------------------------------------------------------------------------------
OPERATORS = ("≥", "≤", "=", ">", "<")
# what 实际完成值 says of a qualitative target
# a deviation cell that says there is none: a whole cell, though it ends no sentence
NO_DEVIATION_WORDS = ("无", "无偏差", "/")
ACHIEVEMENT_WORDS = ("达成指标", "基本达成", "部分达成", "未达成", "未达成指标", "已达成", "达成")
# what a qualitative 年度指标值 says, as a whole cell (besides each group's value cues below)
TARGET_WORDS = ("有效", "良好", "按时完成", "按期完成", "完成", "全面反映", "依法合规", "是",
                "100%", "不超预算", "控制在预算内", "明显提升", "逐步提升", "稳步提升")

# --- cue words --------------------------------------------------------------------------------
# Per 二级 group: words of a target/actual value, units of a quantitative value, and words of
# an indicator's name (anywhere, or at its end: "suffix") that make the group likely; when a
# name holds cues of several groups, the longest cue wins (社会成本 over 成本). Used to place group boundaries and to tie
# names to rows; never decisive alone. (``%`` is printed in nearly every group, so it is no cue
# of one.) Groups listed in CUE_EXPECTED almost never hold a row
# without one of their cues (a 满意度 row speaks of 满意, a 时效 row of 及时/按期 …).
COUNT_UNITS = ("个", "家", "人", "人次", "次", "场", "台", "套", "条", "户", "期", "座", "所", "处",
               "份", "项", "批次", "间", "路", "吨", "公里", "米", "平方米", "立方米", "亩", "万羽",
               "头", "只", "辆", "册", "本", "课时", "学时", "村", "篇", "部", "张", "名", "天")
LEVEL2_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "经济成本指标": {
        "value": ("节约", "合理", "控制在", "预算内", "成本"),
        "unit": ("元",),
        "name": ("成本", "支出控制", "补贴标准", "费用", "经费", "单价", "资费", "造价"),
    },
    "社会成本指标": {
        "value": ("无明显影响", "较小", "无影响"),
        "name": ("社会成本", "正常秩序", "秩序的影响"),
    },
    "生态环境成本指标": {
        "value": ("无明显影响", "无污染"),
        "name": ("环境影响", "扬尘", "环境成本", "生态成本"),
    },
    "数量指标": {
        "value": ("按计划完成", "全覆盖"),
        "unit": COUNT_UNITS,
        "name": ("数量", "完成数", "次数", "人数", "场次", "个数", "户数", "总量", "面积", "规模"),
        "suffix": ("数", "量", "次", "场"),
    },
    "质量指标": {
        "value": ("合格", "规范", "符合", "达标", "准确", "合规", "优良"),
        "name": ("准确", "合格", "达标", "通过率", "符合", "规范", "质量", "合规", "正确率", "完好",
                 "正常使用", "正常运行", "验收"),
    },
    "时效指标": {
        "value": ("及时", "按时", "按期", "准时", "按时完成"),
        "name": ("及时", "按期", "按时", "时效", "时限", "进度", "周期", "准时"),
    },
    "经济效益指标": {
        "value": ("有所增长", "明显"),
        "name": ("经济效益", "经济损失", "收入", "节约资金", "产值", "增收"),
    },
    "社会效益指标": {
        "value": ("显著", "提高", "改善", "提升", "扩大", "便捷", "方便"),
        "name": ("社会效益", "社会影响", "知晓", "影响力", "便利", "便捷", "方便", "覆盖面",
                 "获得感", "就业", "形象", "服务水平", "能力", "效能", "办事"),
    },
    "生态效益指标": {
        "value": ("减少", "降低"),
        "name": ("生态效益", "环境改善", "减排", "污染物", "利用率", "绿化", "节能"),
    },
    "可持续影响指标": {
        "value": ("完整", "健全", "长期", "持续", "建立", "长效", "全面"),
        "name": ("持续", "长效", "机制", "制度", "完整性", "资料完整", "健全", "长期", "参考"),
    },
    "服务对象满意度指标": {
        "value": ("满意", "较满意", "基本满意", "非常满意"),
        "name": ("满意度", "满意率", "满意"),
    },
}

CUE_EXPECTED = ("时效指标", "服务对象满意度指标")

# Units of a quantitative value and the name words they suggest (unit 人 ↔ 人数, % ↔ 率).
UNIT_NAME_CUES: dict[str, tuple[str, ...]] = {
    "%": ("率", "比例", "比重", "占比", "度"),
    "元": ("成本", "费", "资金", "金额", "补贴", "标准", "价", "支出", "经费", "投入"),
}
# How indicator names end: a line that ends so is likely a whole name, not the first line
# of a wrapped one.
INDICATOR_ENDINGS = ("率", "性", "数", "量", "额", "成本", "情况", "作用", "影响", "标准", "控制",
                     "影响力", "获得感", "满意度", "知晓度", "便利度", "完成度", "覆盖度", "认可度",
                     "提升", "扩大", "增长", "节约资金")
# Shapes of a 三级 name that deviation prose does not have: the bracketed list of what it
# includes (X（含Y）准确率).
NAME_SHAPES = ("（含", "(含")
# Suffixes of a name that mark it as a count, matched against count units.
COUNT_NAME_WORDS = ("数", "数量", "次数", "人数", "个数", "完成数", "场次")
# Characters too common in indicator names to count as a shared cue.
STOP_CHARS = frozenset("的和及与或等之对在了是为有于以率性度数量指标")

# --- goals: 预期目标 (intention) vs 实际完成情况 (completion) -----------------------------------
# Only words that mark one kind of text: 落实, 保障, 要求 … read the same in both and are left out.
INTENTION_WORDS = ("确保", "力争", "预计", "计划", "将", "拟", "旨在", "争取", "为目标")
COMPLETION_WORDS = ("实际", "已", "完成了", "累计", "总支出", "支出", "实现", "截至", "年末",
                    "执行金额", "执行率", "了")

# --- lines that are not part of the form's table: page furniture, filing notes ---------------
# (patterns; a line matching one is never read as a 三级 name or deviation)
BOILERPLATE_PATTERNS = (
    r"^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$",
    r"^\d+\s*/\s*\d+$",
    r"^-\s*\d+\s*-$",
    r"^(?:填报|填表|编制|审核|联系|负责)(?:单位|人|日期|时间|电话)\s*[：:]",
    r"^单位\s*[：:]\s*万元$",
    r"^附件\s*\d*$",
)

# --- punctuation that shapes wrapped prose ----------------------------------------------------
SENTENCE_END = "。！？!?"
CLAUSE_PUNCT = "，；、：,;:"


# ---- normalisation of the input (decode stage) ----------------------------------------------
# Full-width digits are digits; the signs around a number are written the ASCII way when they
# stand in a number's place (``＝１２.００（次）`` -> ``=12.00(次)``, ``９５％`` -> ``95%``).
# Full-width brackets and commas elsewhere (names, sentences) are kept as printed.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
SIGNS_BEFORE_NUMBER = {"＝": "=", "＋": "+", "－": "-", "＜": "<", "＞": ">", "≧": "≥", "≦": "≤"}
SIGNS_INSIDE_NUMBER = {"．": ".", "，": ","}
SIGNS_AFTER_NUMBER = {"％": "%"}
