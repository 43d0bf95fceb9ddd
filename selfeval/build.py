"""Stages 3–6 for one form: pick a dialect, read the form, solve the record; near ties are read
both ways and the better record kept."""
from __future__ import annotations

import attrs

from .check import check
from .codes import diag
from .dialects import DETECTORS, PLUGINS
from .grid import Reading
from .lexer import Lexed
from .model import Form, Source
from .params import Params
from .rejoin import rejoiner_for
from .solve import solve
from .split import Segment

FORM_KINDS = frozenset(("title", "fund_header", "fund_row", "indicator_header", "value_row"))


@attrs.define
class Built:
    form: Form
    reading: Reading | None
    items: list
    scores: list[tuple[float, str]]


def build_form(segment: Segment, params: Params, file: str | None = None, form_index: int = 0) -> Form | None:
    built = build(segment, params, file, form_index)
    return built.form if built is not None else None


def build(segment: Segment, params: Params, file: str | None = None, form_index: int = 0) -> Built | None:
    if not any(x.kind in FORM_KINDS for x in segment.items):
        return None
    items = rejoiner_for(params.template).rejoin(segment.items)
    scores = sorted(((d.detect(items, params), name) for name, d in DETECTORS.items()), reverse=True)
    (best, first), (second, other) = scores[0], scores[1]
    note = ", ".join(f"{name} {score:.2f}" for score, name in scores)
    if params.mode != "auto":
        built = _read(params.mode, segment, items, params, file, form_index, scores)
        fit = dict((name, score) for score, name in scores)[params.mode]
        if fit == 0 or best - fit >= params.detect.tie:
            built.form.diagnostics.insert(0, diag("dialect-unread", f"read as {params.mode} as asked, but the "
                                                  f"form fits another dialect better: {note}"))
        return built
    built = _read(first, segment, items, params, file, form_index, scores)
    if best - second < params.detect.tie:
        rival = _read(other, segment, items, params, file, form_index, scores)
        if quality(rival.form) < quality(built.form):
            built = rival
    if best == 0:
        built.form.diagnostics.insert(0, diag("dialect-unread", f"no dialect fits the form: {note}"))
    built.form.diagnostics.insert(0, diag("dialect", f"read as {built.reading.dialect if built.reading else first}; "
                                         f"how well each dialect fits: {note}"))
    return built


def _read(mode: str, segment: Segment, items: list, params: Params, file: str | None, form_index: int,
          scores) -> Built:
    source = Source(file, form_index, segment.first_line, segment.last_line)
    furniture = [it for it in items if it.kind == "furniture"]
    if furniture:           # read as blank, reported as info
        items = [Lexed(it.line, "blank") if it.kind == "furniture" else it for it in items]
    reading = PLUGINS[mode].read(items, params)
    form = solve(reading, items, source, params)
    form.diagnostics += [diag("unassigned", f"page furniture: {it.text[:60]}", [it.no], level="info")
                         for it in furniture]
    return Built(form, reading, items, scores)


def quality(form: Form) -> float:
    """Badness of a record: check errors, leftover lines, no indicators."""
    errors = sum(f.level == "error" for f in check(form))
    unassigned = sum(len(d.lines) for d in form.diagnostics if d.code == "unassigned")
    return errors + 0.1 * unassigned + 5.0 * (not form.indicators)
