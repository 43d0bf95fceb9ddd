"""Write records back as flattened text, the way default-mode pdftotext flattens these forms.

``render(forms, layout)`` is the inverse of ``parse``: every scramble of the real dump is a
knob of ``Layout`` (after pdfminer's LAParams), and the default layout reproduces the style of
the seed dump:

- the fund rows on joined lines, their (全年执行数, 执行率) pairs in a block of their own,
  before, after or around its header;
- value rows in order; a cell wider than its column wraps mid-unit (``319.93(万`` / ``元)``),
  its 分值 得分 on a line of its own;
- 一级/二级 labels: a group of one row has its label beside the row (inline when it fits one
  line, wrapped on the lines just before the row otherwise); the labels of longer groups are
  parked in a block elsewhere on the page;
- the 三级 column in bands printed bottom-up (each band in row order, chunks separated by
  blank lines, the 三级指标 header on top of row 1), other blocks between the bands;
- a deviation that fits one line beside its name, a longer one wrapped below it;
- prose wrapped at its column with a blank line before the last line;
- the two goal texts in either order; the title block first or last; pages separated by form
  feeds or by runs of blank lines.
"""
from __future__ import annotations

from typing import Iterable

import attrs

from ..model import Form, Indicator
from .common import (
    T, display_width, fund_header, fund_label_lines, goals_label_lines, indicator_header, number, split_bracket,
    split_decimal, sub_item, wrap, year_line,
)

PLACEMENTS = ("auto", "inline", "before", "parked")
EXEC_POSITIONS = ("before", "after", "split")


@attrs.frozen
class Layout:
    """Every scramble of a default-mode dump, one knob each. Widths are display columns."""

    # column widths
    name_width: int = 34
    deviation_width: int = 34
    goal_width: int = 60
    target_width: int = 13
    actual_width: int = 11
    level1_width: int = 10
    level2_width: int = 10
    # labels: level2 (or level1) -> inline | before | parked; "auto" follows pdftotext (a
    # one-row group's label beside its row, longer groups parked)
    labels: tuple[tuple[str, str], ...] = ()
    # the 三级 column: rows per band, rows in the band under the header, rows per chunk
    band_rows: int = 5
    first_band_rows: int = 4
    chunk_rows: int = 3
    # blocks printed between the bands, from the bottom band up (pdftotext prints other
    # blocks between the flows of a column); "parked" stands for every parked label. With
    # fewer blocks than band boundaries the bands are made taller.
    band_separators: tuple[str, ...] = ("total_label", "grade", "parked", "goal_label",
                                        "fund_label", "goals_header")
    name_blank_before_deviation: bool = False
    deviation_blank_before_last: bool = True
    goal_blank_before_last: bool = True
    goal_first: str = "actual"                   # which goal text comes first: actual | expected
    exec_position: str = "before"               # the pairs before, after or around their header
    exec_split_after: int = 2                   # with "split": rows 1..k after the header
    title_first: bool = False                   # the title block first (else near the end)
    page_separator: str = "blank"               # blank | formfeed
    page_blank_lines: int = 3
    thousands: bool = False                     # 1,000.99 in the fund rows
    weight_word: str = T.fund_columns["weight"][0]   # the fund header's 分数 (or a synonym: 分值)
    row_paragraph: int = 3                      # a blank line after this many plain rows
    # print artefacts of fresh forms
    year_space: bool = False                    # （2024 年度）
    fund_blank: bool = False                    # the sub-rows' 分数/得分 left blank instead of -
    split_decimal: bool = False                 # an amount of four digits split after its point: 1,204. 50
    split_bracket: bool = False                 # a quantity's unit apart from its bracket: ≥30.00( 个)
    score_apart: bool = False                   # 得分 on a line of its own, below 分值
    total_width: int = 0                        # 0: the 总分 numbers whole; else its 分值 wraps (100.0 / 0)

    def placement(self, label: str) -> str:
        return dict(self.labels).get(label, "auto")


DEFAULT_LAYOUT = Layout()


# --- pieces of a page ---------------------------------------------------------------------------

def _wrapped(text: str, columns: int, blank_before_last: bool) -> list[str]:
    lines = wrap(text, columns)
    if blank_before_last and len(lines) > 1:
        lines = lines[:-1] + [""] + lines[-1:]
    return lines


def _groups(indicators: list[Indicator]) -> list[tuple[str, int, int]]:
    """(label, first row, last row) for each 一级 and 二级 group, in row order."""
    out: list[tuple[str, int, int]] = []
    for key in ("level1", "level2"):
        start = 0
        for i in range(1, len(indicators) + 1):
            if i == len(indicators) or getattr(indicators[i], key) != getattr(indicators[start], key):
                label = getattr(indicators[start], key)
                if label:
                    out.append((label, start, i - 1))
                start = i
    return out


def _placements(indicators: list[Indicator], layout: Layout) -> dict[str, tuple[str, int, int]]:
    """label -> (placement, first row, last row)."""
    out = {}
    for label, a, b in _groups(indicators):
        how = layout.placement(label)
        if how == "auto":
            how = "parked" if b > a else ("inline" if label in T.level1_of and
                                          display_width(label) <= layout.level2_width else "before")
        out[label] = (how, a, b)
    return out


def _label_lines(label: str, layout: Layout) -> list[str]:
    columns = layout.level2_width if label in T.level1_of else layout.level1_width
    return wrap(label, columns)


def _funds_block(form: Form, layout: Layout) -> list[str]:
    lines = [" ".join(fund_header(("initial_budget", "annual_budget")) + [layout.weight_word]
                      + fund_header(("score",)))]
    for fr in form.funds:
        label = sub_item(fr.item, "      ")
        amounts = [number(v, layout.thousands) for v in (fr.initial_budget, fr.annual_budget)]
        if layout.split_decimal:
            amounts = [split_decimal(a) for a in amounts]
        blank = "" if layout.fund_blank else "-"
        values = amounts + [number(fr.weight, blank=blank), number(fr.score, blank=blank)]
        lines += ["", " ".join([label] + [v for v in values if v])]
    return lines


def _exec_pairs(form: Form) -> list[str]:
    return [f"{number(fr.executed)} {number(fr.execution_rate)}" for fr in form.funds]


def _row_lines(ind: Indicator, inline: list[str], layout: Layout) -> tuple[list[str], bool]:
    """The lines of one value row and whether it is tall (wrapped)."""
    tail = [number(ind.weight), number(ind.score)]
    tail = tail if layout.score_apart else [" ".join(tail)]
    target, actual = ind.target or "", ind.actual or ""
    if layout.split_bracket:
        target, actual = split_bracket(target), split_bracket(actual)
    if display_width(target) <= layout.target_width and display_width(actual) <= layout.actual_width:
        return [" ".join(inline + [target, actual, tail[0]])] + tail[1:], False
    lines = wrap(target, layout.target_width) + [""] + wrap(actual, layout.actual_width) + [""] + tail
    if inline:
        lines[0] = " ".join(inline + [lines[0]])
    return lines, True


def _values_block(form: Form, layout: Layout, places: dict) -> list[str]:
    lines = [" ".join(indicator_header(with_names=False)), ""]
    plain = 0
    for r, ind in enumerate(form.indicators):
        before: list[str] = []
        inline: list[str] = []
        for label in (ind.level1, ind.level2):
            if not label or label not in places:
                continue
            how, a, _ = places[label]
            if a != r or how == "parked":
                continue
            if how == "inline":
                inline.append(label)
            else:
                before += _label_lines(label, layout)
        row, tall = _row_lines(ind, inline, layout)
        if (before or tall or plain >= layout.row_paragraph) and lines[-1] != "":
            lines.append("")
            plain = 0
        if before:
            lines += before + [""]
        lines += row
        plain += 1
        if tall:
            lines.append("")
            plain = 0
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _entry_lines(ind: Indicator, layout: Layout) -> list[str]:
    name_lines = wrap(ind.name or "", layout.name_width)
    dev = ind.deviation
    if not dev:
        return name_lines
    if len(name_lines) == 1 and display_width(dev) <= layout.deviation_width:
        return [name_lines[0] + " " + dev]
    dev_lines = _wrapped(dev, layout.deviation_width, layout.deviation_blank_before_last)
    return name_lines + ([""] if layout.name_blank_before_deviation else []) + dev_lines


def _bands(n: int, layout: Layout, max_bands: int) -> list[list[int]]:
    """Rows of each band from the top: the header's band first, then bands of ``band_rows``
    (made taller when there are not enough other blocks to print between the bands)."""
    first = max(1, layout.first_band_rows)
    size = max(1, layout.band_rows)
    if n > first and max_bands > 1:
        size = max(size, -(-(n - first) // (max_bands - 1)))
    elif n > first:
        first = n
    bands, r, step = [], 0, first
    while r < n:
        bands.append(list(range(r, min(n, r + step))))
        r += step
        step = size
    return bands


def _chunks(rows: list[int], entries: list[list[str]], layout: Layout) -> list[list[int]]:
    """Cut a band into chunks: a row whose entry takes several lines stands alone, the others
    go in runs of at most ``chunk_rows``."""
    chunks: list[list[int]] = []
    for r in rows:
        tall = len(entries[r]) > 1
        if tall or not chunks or len(chunks[-1]) >= layout.chunk_rows or len(entries[chunks[-1][-1]]) > 1:
            chunks.append([r])
        else:
            chunks[-1].append(r)
    return chunks


def _names_block(form: Form, layout: Layout, separators: dict[str, list[str]]) -> list[str]:
    entries = [_entry_lines(ind, layout) for ind in form.indicators]
    seps = [name for name in layout.band_separators if separators.get(name)]
    bands = _bands(len(entries), layout, len(seps) + 1)
    out: list[list[str]] = []
    for k, band in enumerate(reversed(bands)):          # bottom band first
        if k:
            out.append(separators.pop(seps.pop(0)))     # another block between two bands
        for chunk in _chunks(band, entries, layout):
            lines = []
            if chunk[0] == 0:
                out.append(_names_header())
            for r in chunk:
                lines += entries[r]
            out.append(lines)
    if not bands:
        out.append(_names_header())
    return _join(out)


def _join(blocks: Iterable[list[str]]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if not block:
            continue
        if lines:
            lines.append("")
        lines += block
    return lines


def _total_lines(form: Form, layout: Layout) -> list[str]:
    """The 总分 numbers: on one line, or the 分值 cell wrapped and the 得分 below it."""
    weight, score = number(form.total.weight), number(form.total.score)
    if layout.total_width and len(weight) > layout.total_width:
        return wrap(weight, layout.total_width, len) + [score]
    return [f"{weight} {score}"]


def _names_header() -> list[str]:
    return [f"{T.label('name')} {T.label('deviation')}"]


def _title_block(form: Form, layout: Layout) -> list[str]:
    lines = [form.title or T.title]
    if form.year is not None:
        lines.append(year_line(form.year, layout.year_space))
    lines += ["", f"{T.label('project')} {form.project_name or ''}".rstrip(), "",
              f"{T.label('department')} {form.department or ''} {T.label('unit')} {form.implementing_unit or ''}".rstrip()]
    return lines


def render_page(form: Form, layout: Layout = DEFAULT_LAYOUT) -> list[str]:
    """The lines of one form's page."""
    places = _placements(form.indicators, layout)
    parked = [lab for lab, (how, _, _) in places.items() if how == "parked"]
    parked.sort(key=lambda lab: (lab not in dict(T.taxonomy), list(places).index(lab)))
    goals = [form.goals.actual, form.goals.expected]
    if layout.goal_first == "expected":
        goals.reverse()
    separators = {
        "total_label": [T.label("total")],
        "grade": [f"{T.label('grade')} {form.grade or ''}".rstrip()],
        "goal_label": goals_label_lines(),
        "goals_header": [f"{T.label('goal_expected')} {T.label('goal_actual')}"],
        "fund_label": fund_label_lines(),
    }
    parked_blocks = [_label_lines(lab, layout) for lab in parked]
    for k, block in enumerate(parked_blocks):
        separators[f"parked{k}"] = block
    exec_pairs = _exec_pairs(form)
    exec_header = [" ".join(fund_header(("executed", "execution_rate")))]
    order = []
    for name in layout.band_separators:
        order += [f"parked{k}" for k in range(len(parked_blocks))] if name == "parked" else [name]
    names = _names_block(form, attrs.evolve(layout, band_separators=tuple(order)), separators)
    blocks: list[list[str]] = []
    if layout.title_first:
        blocks.append(_title_block(form, layout))
    blocks += [_funds_block(form, layout), _values_block(form, layout, places),
               _total_lines(form, layout),
               separators.pop("fund_label", [])]
    blocks += [_wrapped(g, layout.goal_width, layout.goal_blank_before_last) for g in goals if g]
    blocks.append(separators.pop("goal_label", []))
    blocks += [separators.pop(f"parked{k}") for k in range(len(parked_blocks)) if f"parked{k}" in separators]
    blocks += [separators.pop("total_label", []), separators.pop("grade", [])]
    blocks.append(names)
    if layout.exec_position == "before":
        blocks.append(_join([[p] for p in exec_pairs]))
        tail_exec = [exec_header]
    elif layout.exec_position == "after":
        blocks.append(_join([exec_header] + [[p] for p in exec_pairs]))
        tail_exec = []
    else:
        k = max(0, min(layout.exec_split_after, len(exec_pairs)))
        blocks.append(_join([[p] for p in exec_pairs[k:]] + [exec_header] + [[p] for p in exec_pairs[:k]]))
        tail_exec = []
    blocks.append(separators.pop("goals_header", []))
    if not layout.title_first:
        blocks.append(_title_block(form, layout))
    blocks += tail_exec
    return _join(blocks)


def render(forms: Iterable[Form], layout: Layout = DEFAULT_LAYOUT) -> str:
    """Records -> a dump in the default pdftotext style; ``parse`` gives the records back."""
    pages = [render_page(f, layout) for f in forms]
    if layout.page_separator == "formfeed":
        return "\f".join("\n".join(p) + "\n" for p in pages)
    gap = "\n" * (layout.page_blank_lines + 1)
    return gap.join("\n".join(p) for p in pages) + ("\n" if pages else "")
