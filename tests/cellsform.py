"""An invented form printed one cell per line, the way pdftotext prints a spreadsheet's PDF in
its default mode (each cell a block of its own, a blank line between blocks), with the pieces
to move a block where real dumps put it: a name after the table, the deviations as a column
after their header, a fund value printed late, the table printed by whole columns (a drawn
form) …

A ``Sheet`` is the record: its rows, the fund block's budgets and what was spent. What follows
from them follows: the 执行率, the fund row's 得分 (10 × its rate), the 总分 row, the grade, the
sum spent in the actual goal text. The printing functions return lists of cells (a cell may
hold several lines); ``text`` joins cells the way pdftotext does. The project, bodies, names,
figures and sentences are invented.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, replace

import selfeval

CELLS = selfeval.Params(mode="cells")

LEVEL1 = {"经济成本指标": "成本指标", "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标",
          "社会效益指标": "效益指标", "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标"}

PROJECT = "湖畔村居公益电影放映补助"
DEPARTMENT = "青禾市南岭区文化体育局"
UNIT = "青禾市南岭区群众艺术馆"
EXPECTED_GOAL = "计划全年在辖区村居放映公益电影一百二十场，力争观众满意度达到百分之九十，丰富村居群众的业余文化生活。"
ACTUAL_GOAL = "全年实际放映公益电影一百二十六场，实际支出{spent}万元，预算执行率{rate}%，群众观影热情较往年明显提高。"

ITEMS = ("年度资金总额", "当年财政拨款", "上年结转资金", "其他资金")
FUND_HEADER = ["年初预算数", "全年预算数", "分数", "得分", "全年执行数", "执行率(%)"]
TABLE_HEAD = ["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
DEVIATION_HEADER = "偏差原因分析及改进措施"
FUND_WEIGHT = 10.0


def num(x: float) -> str:
    return f"{x:.2f}"


def width(text: str) -> int:
    """Display columns: a CJK or full-width character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int) -> str:
    """``text`` cut into lines at most ``columns`` wide, as a cell of that width prints it."""
    lines, line = [], ""
    for ch in text:
        if line and width(line + ch) > columns:
            lines.append(line)
            line = ""
        line += ch
    return "\n".join(lines + [line])


def label_cell(label: str) -> str:
    """A 二级/一级 label as its narrow column prints it (服务对象满意度 / 指标)."""
    return wrap(label, 14)


@dataclass(frozen=True)
class Row:
    level2: str
    name: str
    target: str
    actual: str
    weight: float
    score: float
    deviation: str | None = None

    @property
    def level1(self) -> str:
        return LEVEL1[self.level2]

    @property
    def printed(self) -> dict[str, str]:
        """The row's cells as printed: name, target, actual, weight, score."""
        return {"name": self.name, "target": self.target, "actual": self.actual,
                "weight": num(self.weight), "score": num(self.score)}

    def cells(self, *fields: str) -> list[str]:
        return [self.printed[f] for f in fields or ("name", "target", "actual", "weight", "score")]

    def values(self) -> list[str]:
        return self.cells("target", "actual", "weight", "score")

    def expected(self) -> tuple:
        return (self.level2, self.name, self.target, self.actual, self.weight, self.score, self.deviation)


@dataclass(frozen=True)
class Sheet:
    """The record: rows, and per fund item (年初预算数, 全年预算数, 全年执行数)."""

    rows: tuple[Row, ...]
    budgets: tuple[tuple[float, float, float], ...] = ((100.0, 100.0, 90.0), (100.0, 100.0, 90.0),
                                                       (0.0, 0.0, 0.0), (0.0, 0.0, 0.0))
    project: str = PROJECT
    department: str = DEPARTMENT
    unit: str = UNIT
    year: int = 2023
    expected_goal: str = EXPECTED_GOAL
    actual_goal: str = ACTUAL_GOAL

    def rate(self, k: int) -> float:
        _, annual, executed = self.budgets[k]
        return round(100 * executed / annual, 2) if annual else 0.0

    @property
    def fund_score(self) -> float:
        return round(FUND_WEIGHT * self.rate(0) / 100, 2)

    @property
    def total(self) -> tuple[float, float]:
        return (round(FUND_WEIGHT + sum(r.weight for r in self.rows), 2),
                round(self.fund_score + sum(r.score for r in self.rows), 2))

    @property
    def grade(self) -> str:
        score = self.total[1]
        return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"

    @property
    def goals(self) -> tuple[str, str]:
        return self.expected_goal, self.actual_goal.format(spent=f"{self.budgets[0][2]:g}", rate=f"{self.rate(0):g}")

    def with_rows(self, *rows: Row) -> "Sheet":
        return replace(self, rows=tuple(rows))

    def record(self) -> dict:
        """The record ``Form.to_dict()`` should give (the keys a hand-made record holds)."""
        funds = []
        for k, (item, (initial, annual, executed)) in enumerate(zip(ITEMS, self.budgets)):
            funds.append({"item": item, "initial_budget": initial, "annual_budget": annual, "executed": executed,
                          "weight": FUND_WEIGHT if k == 0 else None, "execution_rate": self.rate(k),
                          "score": self.fund_score if k == 0 else None})
        expected, actual = self.goals
        return {
            "title": "财政项目支出绩效自评表", "year": self.year, "project_name": self.project,
            "department": self.department, "implementing_unit": self.unit, "funds": funds,
            "goals": {"expected": expected, "actual": actual},
            "indicators": [{"level1": r.level1, "level2": r.level2, "name": r.name, "target": r.target,
                            "actual": r.actual, "weight": r.weight, "score": r.score, "deviation": r.deviation}
                           for r in self.rows],
            "total": {"weight": self.total[0], "score": self.total[1]}, "grade": self.grade,
        }

    def expected_rows(self) -> list[tuple]:
        return [r.expected() for r in self.rows]


# --- printing: lists of cells --------------------------------------------------------------------

def head(s: Sheet, unit: bool = True) -> list[str]:
    """The title block, the left column's labels and the fund header, as a spreadsheet prints
    them (``unit=False``: the 实施单位 cell printed elsewhere)."""
    return [f"财政项目支出绩效自评表\n（{s.year}年度）\n项目名称", s.project, "主管部门", s.department,
            "项目资金\n（万元）", "年度\n总体\n目标", "一级指标", "实施单位"] + ([s.unit] if unit else []) + FUND_HEADER


def fund_rows(s: Sheet) -> list[list[str]]:
    """Each fund row's cells: its item, then its values in the header's order."""
    out = []
    for k, (item, (initial, annual, executed)) in enumerate(zip(ITEMS, s.budgets)):
        pair = [num(FUND_WEIGHT), num(s.fund_score)] if k == 0 else ["-", "-"]
        out.append([("其中：" if k == 1 else "") + item, num(initial), num(annual), *pair, num(executed),
                    num(s.rate(k))])
    return out


def funds(s: Sheet) -> list[str]:
    return [c for row in fund_rows(s) for c in row]


def goals(s: Sheet, columns: int = 78) -> list[str]:
    expected, actual = s.goals
    return ["预期目标", "实际完成情况", wrap(expected, columns), wrap(actual, columns)]


def table(s: Sheet, deviations: bool = False, first_name_after: bool = False) -> list[str]:
    """The rows one after the other (``deviations``: each right after its row's 得分)."""
    out = []
    for k, r in enumerate(s.rows):
        out += r.cells() if k or not first_name_after else r.values()
        if deviations and r.deviation:
            out.append(wrap(r.deviation, 38))
    return out


def labels(s: Sheet) -> list[str]:
    """The 一级/二级 labels printed as a column after the table: each 一级 label amid its groups."""
    groups: dict[str, list[str]] = {}
    for r in s.rows:
        if r.level2 not in groups.setdefault(r.level1, []):
            groups[r.level1].append(r.level2)
    out = []
    for level1, level2s in groups.items():
        cells = [label_cell(x) for x in level2s]
        cells.insert(len(cells) // 2, label_cell(level1))
        out += cells
    return out


def totals(s: Sheet) -> list[str]:
    """总分 and 评分等级, the grade, then the 总分 pair."""
    return ["总分\n评分等级", s.grade, num(s.total[0]), num(s.total[1])]


def deviations(s: Sheet) -> list[str]:
    return [wrap(r.deviation, 38) for r in s.rows if r.deviation]


def tail(s: Sheet, devs: bool = True) -> list[str]:
    """What a spreadsheet prints after the rows: the labels' column, 总分 and the grade, then the
    deviations' header and (``devs``) the deviations as a column under it."""
    return labels(s) + totals(s) + [DEVIATION_HEADER] + (deviations(s) if devs else [])


def text(*cells: str) -> str:
    """Each cell on lines of its own, a blank line between cells."""
    return "\n\n".join(cells) + "\n"


def page(s: Sheet, *, head_: list[str] | None = None, funds_: list[str] | None = None,
         goals_: list[str] | None = None, table_head: list[str] | None = None, table_: list[str] | None = None,
         tail_: list[str] | None = None, inline: bool = False, first_name_after: bool = False) -> str:
    """The form one cell per line in a spreadsheet's reading order; any block can be given.
    ``inline``: each deviation right after its row (else as a column after the table);
    ``first_name_after``: the first row's name printed after the table."""
    rows = table(s, inline, first_name_after) if table_ is None else table_
    after = tail(s, not inline) if tail_ is None else tail_
    if first_name_after:
        after = [s.rows[0].name] + after
    return text(*(head(s) if head_ is None else head_), *(funds(s) if funds_ is None else funds_),
                *(goals(s) if goals_ is None else goals_), *(TABLE_HEAD if table_head is None else table_head),
                *rows, *after)


def drawn(s: Sheet, columns: list[list[str]], after: list[str]) -> str:
    """A drawn form: the head one cell per line, then the table as blocks of whole columns (each
    column's cells on consecutive lines), then ``after`` one cell per line."""
    top = text(*head(s), *funds(s), *goals(s), *TABLE_HEAD)
    return top + "\n" + "\n\n".join("\n".join(col) for col in columns) + "\n\n" + text(*after)


def column(s: Sheet, field: str, rows=None) -> list[str]:
    """One column of the table: ``field`` of each row (of the rows at ``rows``, 0-based)."""
    return [s.rows[k].printed[field] for k in (range(len(s.rows)) if rows is None else rows)]


# --- reading ------------------------------------------------------------------------------------

def read(text_: str, params: selfeval.Params = CELLS) -> selfeval.Form:
    """The one record of ``text_``, read as one cell per line."""
    forms = selfeval.parse(text_, params=params)
    assert len(forms) == 1, len(forms)
    return forms[0]


def rows(form: selfeval.Form) -> list[tuple]:
    return [(i.level2, i.name, i.target, i.actual, i.weight, i.score, i.deviation) for i in form.indicators]


def codes(form: selfeval.Form) -> set[str]:
    return {d.code for d in form.diagnostics}


def project(record: dict, like: dict):
    """``record`` cut down to the keys of ``like`` (recursively)."""
    if isinstance(like, dict) and isinstance(record, dict):
        return {k: project(record.get(k), v) for k, v in like.items()}
    if isinstance(like, list) and isinstance(record, list):
        return [project(r, x) for r, x in zip(record, like)] + record[len(like):]
    return record


def explain(text_: str, mode: str = "cells") -> list[dict]:
    """``selfeval explain --json --mode MODE -`` of ``text_``: per form, each input line with its
    kind, the cells cut from it (text, typed kind, slot)."""
    from click.testing import CliRunner

    from selfeval.cli import main
    r = CliRunner().invoke(main, ["explain", "--json", "--mode", mode, "-"], input=text_.encode("utf-8"))
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def block_lines(text_: str, block: str) -> list[int]:
    """The 1-based numbers of the lines of ``text_`` that print ``block`` (its only place)."""
    lines, want = text_.split("\n"), block.split("\n")
    found = [k for k in range(len(lines) - len(want) + 1) if lines[k:k + len(want)] == want]
    assert len(found) == 1, (block, found)
    return list(range(found[0] + 1, found[0] + 1 + len(want)))


def cut(text_: str, block: str, mode: str = "cells") -> list[tuple[str, str, str | None]]:
    """(text, kind, slot) of each cell ``explain`` cut from the lines of ``block`` (printed in
    ``text_``), in the order of the lines they start on."""
    nos = set(block_lines(text_, block))
    form, = explain(text_, mode)
    return [(c["text"], c["kind"], c["slot"]) for ln in form["lines"] if ln["no"] in nos
            for c in ln["cells"] if not c.get("continued")]
