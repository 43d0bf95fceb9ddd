"""The ``cells`` dialect: pdftotext's default mode on a form it cuts into one text block per
cell, so that nearly every cell stands on lines of its own.

Two producers print it two ways. A spreadsheet's PDF (``order="rows"``) prints the cells row by
row, each its own paragraph, with a few blocks far from their rows: the left column's labels at
the top (项目名称, 主管部门, 项目资金, 年度总体目标, 一级指标 and the first 一级 labels), the 二级/一级
labels in a column after the table, the first row's name after the table, the one-line
deviations after the 偏差原因分析及改进措施 header, a fund item's label after the table::

    数量指标

    路灯巡查次数

    ≥120.00(次)

    126.00(次)

    20.00

    20.00

A drawn form (``order="strips"``) is cut across into bands (``band_rows`` rows, or every printed
line its own band) and down into strips (labels and names, the two value columns, 分值 得分,
deviations), each strip of a band printed whole before the next::

    经济成本指
    河道保洁单位成本
    标
    路灯巡查次数
    ≤1,204.50(元/公里) 1204.50(元/公里)
    ≥120.00(次) 126.00(次)
    5.00 5.00
    20.00 20.00
"""
from __future__ import annotations

import attrs

from ..model import Form
from .common import (
    T, flatten, fund_header, fund_label_lines, goals_label_lines, indicator_header, number, sub_item, year_line,
)
from .sheet import Drawing, Piece, cut, draw, fund_cell, value_lines

STRIPS = {"level1": 0, "level2": 0, "name": 0, "grade": 0, "target": 1, "actual": 1, "weight": 2, "score": 2,
          "deviation": 3}


@attrs.frozen
class CellsLayout(Drawing):
    """The knobs of a one-cell-per-line dump (besides the drawing's)."""

    order: str = "rows"               # rows (a spreadsheet's PDF) | strips (a drawn form)
    # rows
    labels: str = "inline"            # 二级 labels: inline (before their first row) | after (a column after the table)
    label_joined: bool = False        # a one-row group's one-line label on its name's line
    level1_early: int = 0             # 一级 labels printed with the left column's labels at the top
    first_name_after: bool = False    # the first row's name printed after the table
    deviations: str = "inline"        # inline | after (under their header after the table) | split (one-line ones after)
    last_pair_after: bool = False     # the last row's 分值 得分 after the table
    totals_early: bool = True         # the 总分 numbers right after the rows (else after the grade)
    fund_item_after: int = -1         # the fund row whose item label is printed after the table (-1: none)
    # strips
    band_rows: int = 0                # rows in a band of the table (0: the whole table one band)
    by_line: bool = False             # every printed line a band of its own
    join_values: bool = True          # target and actual side by side on one line
    pairs_apart: bool = False         # a strip of 分值, then one of 得分 (else 分值 得分 on a line)
    actual_goal_after: bool = False   # the 实际完成情况 text after the table
    blank_between: bool = True        # a blank line between blocks


CELLS_SHEET = CellsLayout(level1_width=12, level2_width=16, name_width=40, target_width=18, actual_width=18,
                          deviation_width=40, expected_width=78, goal_actual_width=88, unit_width=60)
CELLS_DRAWN = CellsLayout(level1_width=8, level2_width=10, name_width=34, target_width=13, actual_width=13,
                          deviation_width=30, expected_width=54, goal_actual_width=66, unit_width=32,
                          fund_indent="      ", order="strips", blank_between=False)


def _join(blocks: list[list[str]], blank: bool) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if not block:
            continue
        if lines and blank:
            lines.append("")
        lines += block
    return lines


def _fund_blocks(form: Form, k: CellsLayout, one_line_header: bool) -> list[list[str]]:
    words = fund_header(T.fund_order)
    blocks = [[" ".join(words)]] if one_line_header else [[w] for w in words]
    for n, fr in enumerate(form.funds):
        if n != k.fund_item_after:
            blocks.append([sub_item(fr.item, k.fund_indent)])
        for col in T.fund_order:
            text = fund_cell(fr, col, k)
            blocks.append([text] if text else [])
    return blocks


def _goal_blocks(form: Form, k: CellsLayout) -> tuple[list[str], list[str]]:
    return cut(form.goals.expected or "", k.expected_width), cut(form.goals.actual or "", k.goal_actual_width)


def _early_level1(form: Form, k: CellsLayout) -> list[str]:
    seen = list(dict.fromkeys(i.level1 for i in form.indicators if i.level1))
    return seen[:k.level1_early]


# --- a spreadsheet's PDF: row by row ----------------------------------------------------------

def _title_rows(form: Form, k: CellsLayout) -> list[list[str]]:
    early = _early_level1(form, k)
    head = [form.title or T.title] + ([year_line(form.year, k.year_space)] if form.year is not None else [])
    blocks = [head + [T.label("project")], [form.project_name or ""], [T.label("department")],
              cut(form.department or "", k.department_width), fund_label_lines(), goals_label_lines(),
              [T.label("level1")] + early[:1]]
    blocks += [[x] for x in early[1:]]
    blocks += [[T.label("unit")], cut(form.implementing_unit or "", k.unit_width)]
    blocks += _fund_blocks(form, k, one_line_header=False)
    expected, actual = _goal_blocks(form, k)
    return blocks + [[T.label("goal_expected")], [T.label("goal_actual")], expected, actual]


def _group_size(form: Form, i: int) -> int:
    inds, n = form.indicators, 1
    while i + n < len(inds) and inds[i + n].level2 == inds[i].level2:
        n += 1
    return n


def _row_blocks(form: Form, k: CellsLayout, a: int, b: int, devs: list[list[str]]) -> list[list[str]]:
    inds, out = form.indicators, []
    for i in range(a, b):
        ind = inds[i]
        name = [] if i == 0 and k.first_name_after else cut(ind.name or "", k.name_width)
        starts = i == 0 or inds[i - 1].level2 != ind.level2
        if k.labels == "inline" and ind.level2 and (starts or (i == a and k.repeat_labels)):
            label = cut(ind.level2, k.level2_width)
            if k.label_joined and len(label) == 1 and name and _group_size(form, i) == 1:
                name = [label[0] + " " + name[0]] + name[1:]
            else:
                out.append(label)
        out += [name, value_lines(ind.target or "", k.target_width, k),
                value_lines(ind.actual or "", k.actual_width, k)]
        if not (i == len(inds) - 1 and k.last_pair_after):
            out += [[number(ind.weight)], [number(ind.score)]]
        dev = cut(ind.deviation, k.deviation_width) if ind.deviation else []
        if dev and (k.deviations == "inline" or (k.deviations == "split" and len(dev) > 1)):
            out.append(dev)
        elif dev:
            devs.append(dev)
    return out


def _label_column(form: Form, k: CellsLayout) -> list[list[str]]:
    """The labels printed after the table, top to bottom: each 一级 label among its 二级 ones,
    at the middle of its group."""
    inds = form.indicators
    runs: dict[str, list[str]] = {}
    for i, ind in enumerate(inds):
        if i == 0 or inds[i - 1].level2 != ind.level2 or inds[i - 1].level1 != ind.level1:
            runs.setdefault(ind.level1, []).append(ind.level2)
    early = set(_early_level1(form, k))
    out: list[list[str]] = []
    for level1, level2s in runs.items():
        labels = [cut(x, k.level2_width) for x in level2s if x] if k.labels == "after" else []
        if level1 and level1 not in early:
            labels.insert(len(labels) // 2, cut(level1, k.level1_width))
        out += labels
    return out


def _after_rows(form: Form, k: CellsLayout, devs: list[list[str]]) -> list[list[str]]:
    inds = form.indicators
    totals = [[number(form.total.weight)], [number(form.total.score)]]
    out = totals if k.totals_early else []
    if k.first_name_after and inds:
        out.append(cut(inds[0].name or "", k.name_width))
    out += _label_column(form, k)
    if 0 <= k.fund_item_after < len(form.funds):
        out.append([sub_item(form.funds[k.fund_item_after].item)])
    out += [[T.label("total"), T.label("grade")], [form.grade or ""]]
    if k.last_pair_after and inds:
        out += [[number(inds[-1].weight)], [number(inds[-1].score)]]
    if not k.totals_early:
        out += totals
    return out + [[T.label("deviation")]] + devs


def _pages_by_rows(form: Form, k: CellsLayout) -> list[list[list[str]]]:
    n = len(form.indicators)
    cut_at = k.page_rows if 0 < k.page_rows < n else n
    devs: list[list[str]] = []
    header = [[w] for w in _table_header()]
    first = _title_rows(form, k) + header + _row_blocks(form, k, 0, cut_at, devs)
    if cut_at == n:
        return [first + _after_rows(form, k, devs)]
    second = (header if k.repeat_header else []) + _row_blocks(form, k, cut_at, n, devs)
    return [first, second + _after_rows(form, k, devs)]


def _table_header() -> list[str]:
    """The header words printed in the rows' stream: all but 一级指标 (printed with the left
    column's labels) and the deviation's (printed after the table)."""
    return indicator_header()[1:-1]


# --- a drawn form: strips in bands ---------------------------------------------------------

def _title_strips(form: Form, k: CellsLayout) -> list[list[str]]:
    head = [form.title or T.title] + ([year_line(form.year, k.year_space)] if form.year is not None else [])
    values = [form.project_name or ""] + cut(form.department or "", k.department_width) + [T.label("unit")]
    values += cut(form.implementing_unit or "", k.unit_width)
    funds = _fund_blocks(form, k, one_line_header=True)
    expected, actual = _goal_blocks(form, k)
    goals = [[T.label("goal_expected")], [T.label("goal_actual")], goals_label_lines(), expected]
    return ([head + [T.label("project"), T.label("department")], fund_label_lines(),
             values + [ln for b in funds for ln in b]] + goals + ([] if k.actual_goal_after else [actual]))


def _strip_lines(pieces: list[Piece], strip: int, k: CellsLayout) -> list[str]:
    """The lines of one strip of a band: its pieces top to bottom, those on one line joined
    (target and actual only with ``join_values``); 分值 then 得分 with ``pairs_apart``."""
    mine = sorted((p for p in pieces if STRIPS[p.col] == strip), key=lambda p: (p.y, p.x))
    if strip == 2 and k.pairs_apart:
        return [p.text for p in mine if p.col == "weight"] + [p.text for p in mine if p.col == "score"]
    lines: list[str] = []
    y = None
    for p in mine:
        if lines and p.y == y and (strip != 1 or k.join_values):
            lines[-1] += " " + p.text
        else:
            lines.append(p.text)
        y = p.y
    return lines


def _bands(pieces: list[Piece], k: CellsLayout) -> list[list[Piece]]:
    """The table's pieces cut across: by printed line, by ``band_rows`` rows, or whole. A merged
    label goes with the band its middle falls in."""
    if k.by_line:
        keys = sorted({p.y for p in pieces})
        return [[p for p in pieces if p.y == y] for y in keys]
    rows = sorted({p.row for p in pieces if p.role != "label" or p.col != "level1" and p.col != "level2"})
    size = k.band_rows if k.band_rows > 0 else len(rows) or 1
    bands = [rows[i:i + size] for i in range(0, len(rows), size)]
    lows = [min(p.y for p in pieces if p.row in band) for band in bands]
    out: list[list[Piece]] = [[] for _ in bands]
    for p in pieces:
        at = max((j for j, low in enumerate(lows) if low <= p.y), default=0)
        out[at].append(p)
    return out


def _table_strips(pieces: list[Piece], k: CellsLayout) -> list[list[str]]:
    table = [p for p in pieces if p.col in STRIPS and p.role != "header"]
    blocks: list[list[str]] = []
    if any(p.role == "header" and p.col in STRIPS for p in pieces):
        words = indicator_header()
        blocks.append([words[2], words[-1], " ".join(words[:2]), " ".join(words[3:-1])])
    for band in _bands(table, k):
        blocks += [_strip_lines(band, s, k) for s in range(4)]
    return blocks


def _pages_by_strips(form: Form, k: CellsLayout) -> list[list[list[str]]]:
    sheets = draw(form, k)
    out = []
    for n, sheet in enumerate(sheets):
        blocks = _title_strips(form, k) if n == 0 else []
        blocks += _table_strips(sheet.pieces(), k)
        if n == len(sheets) - 1 and k.actual_goal_after:
            blocks.append(_goal_blocks(form, k)[1])
        out.append(blocks)
    return out


def pages(form: Form, knobs: CellsLayout = CellsLayout()) -> list[list[str]]:
    """The lines of each page of one form."""
    blocks = _pages_by_rows(form, knobs) if knobs.order == "rows" else _pages_by_strips(form, knobs)
    return [_join(page, knobs.blank_between) for page in blocks]


def render_page(form: Form, knobs: CellsLayout = CellsLayout()) -> list[str]:
    """The lines of one form; a later page's first line opens with a form feed."""
    return flatten(pages(form, knobs), knobs.formfeed, knobs.page_blank_lines)
