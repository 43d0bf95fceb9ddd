"""Stage 3: classify each line on its own, before any context is used.

A small rule engine in the manner of TextFSM: ``RULES`` is a table of (kind, pattern) tried in
order; the first pattern that matches names the line's kind and its named groups become the
line's fields. Two kinds need a tokenizer rather than one pattern (a value row, a line of cell
pieces) and one needs the vocabulary (a piece of a printed label); they come last.

Kinds:

``title`` ``year`` ``project`` ``department`` ``unit``
    the title block (项目名称 …, 主管部门 … 实施单位 …)
``fund_header`` ``exec_header`` ``fund_row``
    the 项目资金 block; a fund row is ``年度资金总额 360.95 319.93 10.00 10.00``
``indicator_header`` ``names_header`` ``goals_header``
    printed headers of the indicator table, the 三级指标 column and the goal columns
``grade`` ``total``
    评分等级 优; 总分 with its numbers on the same line
``pair``
    two bare numbers: a wrapped row's 分值 得分, the 总分 row, or a (全年执行数, 执行率) pair
``value_row``
    ``[二级] 年度指标值 实际完成值 分值 得分`` on one line
``pieces``
    cells cut by a wrap: ``319.93(万``, ``元)``, or a whole quantitative cell alone
``label``
    a printed label or a piece of one (``经济成本指`` / ``标``, ``年度`` / ``总体`` / ``目标``)
``text``
    anything else: indicator names, deviations, goal prose
"""
from __future__ import annotations

from typing import Callable

import attrs
import regex

from .cells import NUMBER, QUANT_HEAD_RE, QUANT_RE, QUANT_TAIL_RE, is_number
from .decode import Line
from .vocab import (
    DEPARTMENT_LABEL, FUND_ITEMS, GRADES, GRADE_LABEL, LABELS, LEVEL1, LEVEL2, PROJECT_LABEL,
    TITLE_SUFFIX, TOTAL_LABEL, UNIT_LABEL,
)

_items = "|".join(FUND_ITEMS)
_grades = "".join(GRADES)
_cell = r"(?:-|－|" + NUMBER + r")"

RULES: list[tuple[str, regex.Pattern]] = [
    ("title", regex.compile(
        rf"^(?P<title>\S*{TITLE_SUFFIX})\s*(?:[（(]\s*(?P<year>\d{{4}})\s*年度?\s*[）)])?$")),
    ("year", regex.compile(r"^[（(]\s*(?P<year>\d{4})\s*年度?\s*[）)]$")),
    ("project", regex.compile(rf"^{PROJECT_LABEL}(?:\s+(?P<value>.*))?$")),
    ("department", regex.compile(
        rf"^{DEPARTMENT_LABEL}(?:\s+(?P<value>.*?))??(?:\s*(?P<has_unit>{UNIT_LABEL})(?:\s+(?P<unit>.*))?)?$")),
    ("unit", regex.compile(rf"^{UNIT_LABEL}(?:\s+(?P<value>.*))?$")),
    ("fund_header", regex.compile(r"^(?P<columns>年初预算数\s+全年预算数.*)$")),
    ("exec_header", regex.compile(r"^(?P<columns>全年执行数\s+执行率.*)$")),
    ("fund_row", regex.compile(
        rf"^(?:其中[：:]\s*)?(?P<item>{_items})(?P<values>(?:\s+{_cell})*)$")),
    ("indicator_header", regex.compile(r"^一级指标\s+二级指标.*$")),
    ("names_header", regex.compile(r"^三级指标(?:\s+偏差原因分析及改进措施)?$")),
    ("goals_header", regex.compile(r"^(?:预期目标(?:\s+实际完成情况)?|实际完成情况)$")),
    ("grade", regex.compile(rf"^{GRADE_LABEL}(?:\s*(?P<grade>[{_grades}]))?$")),
    ("total", regex.compile(rf"^{TOTAL_LABEL}\s+(?P<weight>{NUMBER})\s+(?P<score>{NUMBER})$")),
    ("pair", regex.compile(rf"^(?P<a>{NUMBER})\s+(?P<b>{NUMBER})$")),
]


@attrs.define
class Classified:
    line: Line
    kind: str
    fields: dict = attrs.field(factory=dict)

    @property
    def no(self) -> int:
        return self.line.no

    @property
    def text(self) -> str:
        return self.line.text.strip()


def _value_row(tokens: list[str]) -> dict | None:
    """``[labels] target actual weight score``: the last two tokens are numbers, before them
    two cells, before those only 一级/二级 labels."""
    if len(tokens) < 4 or not (is_number(tokens[-1]) and is_number(tokens[-2])):
        return None
    head, cells = tokens[:-4], tokens[-4:-2]
    if any(t not in LEVEL1 and t not in LEVEL2 for t in head):
        return None
    if all(is_number(c) for c in cells):  # four bare numbers: not a table row of this form
        return None
    return {"labels": head, "target": cells[0], "actual": cells[1],
            "weight": tokens[-2], "score": tokens[-1]}


def is_cell_piece(token: str) -> bool:
    """A quantitative cell, whole or cut by a wrap (``319.93(万``, ``元)``)."""
    return bool(QUANT_RE.match(token) or QUANT_HEAD_RE.match(token) or QUANT_TAIL_RE.match(token))


def _pieces(tokens: list[str]) -> dict | None:
    """A line made only of cut quantitative cells (``319.93(万``, ``元)``, ``=360.95(万元)``),
    after any 一级/二级 labels printed on the same line."""
    k = 0
    while k < len(tokens) and (tokens[k] in LEVEL1 or tokens[k] in LEVEL2):
        k += 1
    labels, rest = tokens[:k], tokens[k:]
    if rest and all(is_cell_piece(t) for t in rest) and not all(is_number(t) for t in rest):
        return {"labels": labels, "pieces": rest}
    if len(rest) == 1 and is_number(rest[0]) and not labels:
        return {"labels": labels, "pieces": rest}
    return None


_LABEL_TEXT = "\x00".join(LABELS)


def is_label_piece(token: str) -> bool:
    """A printed label or a piece of one (``经济成本指``, ``标``)."""
    return "\x00" not in token and token in _LABEL_TEXT


def _label(tokens: list[str]) -> dict | None:
    """A printed label or a piece of one: every token occurs inside some label."""
    if tokens and all(is_label_piece(t) for t in tokens):
        return {"tokens": tokens}
    return None


TOKEN_RULES: list[tuple[str, Callable[[list[str]], dict | None]]] = [
    ("value_row", _value_row),
    ("pieces", _pieces),
    ("label", _label),
]


def classify_text(text: str) -> tuple[str, dict]:
    t = text.strip()
    if not t:
        return "blank", {}
    for kind, pattern in RULES:
        m = pattern.match(t)
        if m:
            return kind, {k: v for k, v in m.groupdict().items()}
    tokens = t.split()
    for kind, rule in TOKEN_RULES:
        fields = rule(tokens)
        if fields is not None:
            return kind, fields
    return "text", {}


def classify(lines: list[Line]) -> list[Classified]:
    out = []
    for ln in lines:
        kind, fields = classify_text(ln.text)
        out.append(Classified(ln, kind, fields))
    return out
