"""A small hand-made form, written as the blocks a default-mode pdftotext dump is made of, so
that tests can put the blocks in other orders the way real dumps do. The project, names and
numbers are invented; the expected record below was written by hand from the blocks.
"""
from __future__ import annotations

import copy
import json

TITLE = """\
财政项目支出绩效自评表
（2023年度）

项目名称 社区图书馆运营补助

主管部门 江北市临川区文化旅游局 实施单位 江北市临川区图书馆"""

FUNDS = """\
年初预算数 全年预算数 分数 得分

年度资金总额 120.00 100.00 10.00 9.50

其中：当年财政拨款 120.00 95.00 - -

      上年结转资金 0.00 5.00 - -

      其他资金 0.00 0.00 - -"""

EXEC_HEADER = "全年执行数 执行率(%)"
EXEC_PAIRS = ["95.00 95.00", "90.00 94.74", "5.00 100.00", "0.00 0.00"]

# value rows in row order; labels inline, wrapped before their row, or parked (PARKED below)
VALUES = """\
一级指标 二级指标 年度指标值 实际完成值 分值 得分

成本指标
经济成本指

标
≤45.00(元/
册)
42.30(元/

册)

10.00 10.00

≥3000.00(册) 3120.00(册) 10.00 10.00
=24.00(场) 20.00(场) 10.00 8.00

质量指标 ≥98.00(%) 99.10(%) 10.00 10.00
时效指标 及时 达成指标 10.00 10.00

社会效益指
标

提升 达成指标 10.00 10.00

可持续影响
指标

健全 达成指标 10.00 10.00

满意度指标
服务对象满
意度指标

≥90.00(%) 92.50(%) 20.00 19.00

100.00 96.50"""

FUND_LABEL = "项目资金\n（万元）"

GOAL_EXPECTED = """\
计划全年新增馆藏图书3000册以上，举办读者活动24场，进一步提升
社区居民阅读服务水平，确保读者满意度达到90%以上。"""

GOAL_ACTUAL = """\
全年实际支出95.00万元，新增馆藏图书3120册，举办读者活动20场，
图书编目准确率99.1%，读者满意度92.5%，已完成年度主要目标。"""

GOALS_LABELS = "年度\n总体\n目标"
GOALS_HEADER = "预期目标 实际完成情况"

PARKED = """\
产出指标

效益指标

数量指标"""

TOTAL_AND_GRADE = "总分\n\n评分等级 优"

NAMES_HEADER = "三级指标 偏差原因分析及改进措施"

# one string per row: the 三级 name and its deviation as a default-mode dump prints them
NAMES = [
    "图书采购单位成本",
    "新增馆藏图书数量",
    "读者活动举办场次\n部分活动因场地维修顺延至次年\n举办。",
    "图书编目准确率",
    "新书上架及时性",
    "社区居民阅读便利度提升",
    "借阅管理制度健全性",
    "读者满意度 部分读者反映周末开放时间偏短。",
]


def names_block(*bands: tuple[int, ...], header_before: int = 1) -> str:
    """The 三级 column as chunks: ``bands`` are tuples of 1-based rows, each chunk separated
    by a blank line; the header goes right before the chunk that starts with
    ``header_before``."""
    parts = []
    for band in bands:
        for row in band:
            if row == header_before:
                parts.append(NAMES_HEADER)
            parts.append(NAMES[row - 1])
    return "\n\n".join(parts)


def page(*blocks: str) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"


def default_page(**override: str) -> str:
    """The form in the seed's reading order; any block can be replaced by keyword."""
    blocks = {
        "funds": FUNDS,
        "values": VALUES,
        "fund_label": FUND_LABEL,
        "goals": GOAL_ACTUAL + "\n\n" + GOAL_EXPECTED,
        "goal_labels": GOALS_LABELS,
        "parked": PARKED,
        "total_grade": TOTAL_AND_GRADE,
        "names": names_block((1, 2, 3, 4, 5, 6, 7, 8)),
        "exec": "\n\n".join(EXEC_PAIRS),
        "goals_header": GOALS_HEADER,
        "title": TITLE,
        "exec_header": EXEC_HEADER,
    }
    blocks.update(override)
    return page(*blocks.values())


FUND_ITEMS = ("年度资金总额", "当年财政拨款", "上年结转资金", "其他资金")
# the indicator rows' weights and scores (VALUES); the fund row's 分数 is 10
ROWS_WEIGHT, ROWS_SCORE = 90.0, 87.0


def funds_block(initial, annual, score: float) -> str:
    """FUNDS with other budgets: the four rows' 年初预算数 and 全年预算数, the 年度资金总额 row's
    得分 (its 分数 is 10)."""
    rows = []
    for k, (item, a, b) in enumerate(zip(FUND_ITEMS, initial, annual)):
        indent = "其中：" if k == 1 else "      " if k else ""
        rows.append(f"{indent}{item} {a:.2f} {b:.2f} " + (f"10.00 {score:.2f}" if k == 0 else "- -"))
    return "年初预算数 全年预算数 分数 得分\n\n" + "\n\n".join(rows)


def with_funds(initial, annual, pairs, total, header_after=None, **override: str) -> str:
    """The form with another 项目资金 block: the budgets, the (全年执行数, 执行率) pairs in printed
    order (with ``header_after=k`` the 全年执行数 header stands after the k-th pair), ``total``
    the 年度资金总额 row's (执行数, 执行率). What follows from them follows: the fund row's 得分
    (10 × its rate), the 总分 row, the sum spent in the actual goal text."""
    score = round(10 * total[1] / 100, 2)
    printed = [f"{a:.2f} {b:.2f}" for a, b in pairs]
    if header_after is None:
        exec_block, exec_header = "\n\n".join(printed), EXEC_HEADER
    else:
        exec_block = "\n\n".join(printed[:header_after] + [EXEC_HEADER] + printed[header_after:])
        exec_header = ""
    blocks = dict(funds=funds_block(initial, annual, score), exec=exec_block, exec_header=exec_header,
                  values=VALUES.replace("100.00 96.50", f"100.00 {ROWS_SCORE + score:.2f}"),
                  goals=GOAL_ACTUAL.replace("95.00万元", f"{total[0]:.2f}万元") + "\n\n" + GOAL_EXPECTED)
    blocks.update(override)
    return default_page(**blocks)


EXPECTED = {
    "title": "财政项目支出绩效自评表",
    "year": 2023,
    "project_name": "社区图书馆运营补助",
    "department": "江北市临川区文化旅游局",
    "implementing_unit": "江北市临川区图书馆",
    "funds": [
        {"item": "年度资金总额", "initial_budget": 120.0, "annual_budget": 100.0, "executed": 95.0,
         "weight": 10.0, "execution_rate": 95.0, "score": 9.5},
        {"item": "当年财政拨款", "initial_budget": 120.0, "annual_budget": 95.0, "executed": 90.0,
         "weight": None, "execution_rate": 94.74, "score": None},
        {"item": "上年结转资金", "initial_budget": 0.0, "annual_budget": 5.0, "executed": 5.0,
         "weight": None, "execution_rate": 100.0, "score": None},
        {"item": "其他资金", "initial_budget": 0.0, "annual_budget": 0.0, "executed": 0.0,
         "weight": None, "execution_rate": 0.0, "score": None},
    ],
    "goals": {
        "expected": "计划全年新增馆藏图书3000册以上，举办读者活动24场，进一步提升社区居民阅读服务水平，"
                    "确保读者满意度达到90%以上。",
        "actual": "全年实际支出95.00万元，新增馆藏图书3120册，举办读者活动20场，图书编目准确率99.1%，"
                  "读者满意度92.5%，已完成年度主要目标。",
    },
    "indicators": [
        {"level1": "成本指标", "level2": "经济成本指标", "name": "图书采购单位成本",
         "target": "≤45.00(元/册)", "actual": "42.30(元/册)", "weight": 10.0, "score": 10.0,
         "deviation": None},
        {"level1": "产出指标", "level2": "数量指标", "name": "新增馆藏图书数量",
         "target": "≥3000.00(册)", "actual": "3120.00(册)", "weight": 10.0, "score": 10.0,
         "deviation": None},
        {"level1": "产出指标", "level2": "数量指标", "name": "读者活动举办场次",
         "target": "=24.00(场)", "actual": "20.00(场)", "weight": 10.0, "score": 8.0,
         "deviation": "部分活动因场地维修顺延至次年举办。"},
        {"level1": "产出指标", "level2": "质量指标", "name": "图书编目准确率",
         "target": "≥98.00(%)", "actual": "99.10(%)", "weight": 10.0, "score": 10.0,
         "deviation": None},
        {"level1": "产出指标", "level2": "时效指标", "name": "新书上架及时性",
         "target": "及时", "actual": "达成指标", "weight": 10.0, "score": 10.0, "deviation": None},
        {"level1": "效益指标", "level2": "社会效益指标", "name": "社区居民阅读便利度提升",
         "target": "提升", "actual": "达成指标", "weight": 10.0, "score": 10.0, "deviation": None},
        {"level1": "效益指标", "level2": "可持续影响指标", "name": "借阅管理制度健全性",
         "target": "健全", "actual": "达成指标", "weight": 10.0, "score": 10.0, "deviation": None},
        {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "读者满意度",
         "target": "≥90.00(%)", "actual": "92.50(%)", "weight": 20.0, "score": 19.0,
         "deviation": "部分读者反映周末开放时间偏短。"},
    ],
    "total": {"weight": 100.0, "score": 96.5},
    "grade": "优",
}


def expected(**changes) -> dict:
    out = copy.deepcopy(EXPECTED)
    out.update(changes)
    return out


def project(record: dict, like: dict):
    """``record`` cut down to the keys of ``like`` (recursively), to compare the fields a
    hand-checked record holds."""
    if isinstance(like, dict) and isinstance(record, dict):
        return {k: project(record.get(k), v) for k, v in like.items()}
    if isinstance(like, list) and isinstance(record, list):
        return [project(r, x) for r, x in zip(record, like)] + record[len(like):]
    return record


# --- the same form printed one cell per line (the ``cells`` dialect: a spreadsheet's PDF in
# pdftotext's default mode), blank lines between most cells -----------------------------------

CELLS_TITLE = """\
财政项目支出绩效自评表
（2023年度）
项目名称

社区图书馆运营补助

主管部门

江北市临川区文化旅游局

实施单位

江北市临川区图书馆"""

CELLS_FUND_HEADER = "项目资金\n（万元）\n\n" + "\n\n".join(("年初预算数", "全年预算数", "分数", "得分", "全年执行数",
                                                         "执行率(%)"))


def cells_funds(rows=(("120.00", "100.00", "10.00", "9.50", "95.00", "95.00"),
                      ("120.00", "95.00", "-", "-", "90.00", "94.74"),
                      ("0.00", "5.00", "-", "-", "5.00", "100.00"),
                      ("0.00", "0.00", "-", "-", "0.00", "0.00"))) -> str:
    """The 项目资金 block item by item, each value a cell of its own."""
    items = ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")
    return CELLS_FUND_HEADER + "\n\n" + "\n\n".join("\n\n".join((item,) + row) for item, row in zip(items, rows))


CELLS_GOALS_HEADER = "年度\n总体\n目标\n\n预期目标\n\n实际完成情况"

# the two goal texts wrap wider in a spreadsheet's cell
CELLS_GOAL_EXPECTED = """\
计划全年新增馆藏图书3000册以上，举办读者活动24场，进一步提升社区
居民阅读服务水平，确保读者满意度达到90%以上。"""

CELLS_GOAL_ACTUAL = """\
全年实际支出95.00万元，新增馆藏图书3120册，举办读者活动20场，图书编
目准确率99.1%，读者满意度92.5%，已完成年度主要目标。"""

CELLS_TABLE = "\n\n".join((
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
    "成本指标", "经济成本指标", "图书采购单位成本", "≤45.00(元/册)", "42.30(元/册)", "10.00", "10.00",
    "产出指标", "数量指标", "新增馆藏图书数量", "≥3000.00(册)", "3120.00(册)", "10.00", "10.00",
    "读者活动举办场次", "=24.00(场)", "20.00(场)", "10.00", "8.00", "部分活动因场地维修顺延至次年举办。",
    "质量指标", "图书编目准确率", "≥98.00(%)", "99.10(%)", "10.00", "10.00",
    "时效指标", "新书上架及时性", "及时", "达成指标", "10.00", "10.00",
    "效益指标", "社会效益指标", "社区居民阅读便利度提升", "提升", "达成指标", "10.00", "10.00",
    "可持续影响指\n标", "借阅管理制度健全性", "健全", "达成指标", "10.00", "10.00",
    "满意度指标", "服务对象满意\n度指标", "读者满意度", "≥90.00(%)", "92.50(%)", "20.00", "19.00",
    "部分读者反映周末开放时间偏短。",
    "总分", "100.00", "96.50", "评分等级", "优"))


def cells_page(**override: str) -> str:
    """The form one cell per line, in a spreadsheet's reading order; any block can be replaced
    by keyword (``goals`` holds both goal texts)."""
    blocks = {
        "title": CELLS_TITLE,
        "funds": cells_funds(),
        "goals_header": CELLS_GOALS_HEADER,
        "goals": CELLS_GOAL_EXPECTED + "\n\n" + CELLS_GOAL_ACTUAL,
        "table": CELLS_TABLE,
    }
    blocks.update(override)
    return page(*blocks.values())


def explain(text: str, *options: str) -> list[dict]:
    """``selfeval explain --json`` of ``text`` given on standard input: per form, each input
    line with its kind, the cells cut from it and the slot each went to."""
    from click.testing import CliRunner

    from selfeval.cli import main
    r = CliRunner().invoke(main, ["explain", "--json", *options, "-"], input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def explained_lines(text: str, *options: str) -> dict[int, dict]:
    """line number -> the explained line (kind, text, cells), over all forms of ``text``."""
    return {ln["no"]: ln for form in explain(text, *options) for ln in form["lines"]}


def line_no(text: str, line: str, nth: int | None = None) -> int:
    """The 1-based number of the line of ``text`` that reads ``line``: the only one, or with
    ``nth`` the nth (0-based) of them."""
    found = [no for no, x in enumerate(text.split("\n"), 1) if x == line]
    assert len(found) == 1 or (nth is not None and nth < len(found)), (line, found)
    return found[nth or 0]
