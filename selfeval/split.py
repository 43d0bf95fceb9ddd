"""Stage 2: split a dump into forms.

Pages end at form feeds or at runs of blank lines (``Params.page_blank_run``). A page may hold
several forms run together: every form prints each header anchor (title, 项目名称, fund header,
indicator header) once, so the page is cut before each repeat of the anchor kind that opened
it, which works whether the title block comes first or last. A page with no anchor at all,
or only anchors the form before it has not printed yet, continues that form (a table that
ran onto a second page, a run of blank lines inside a form).
"""
from __future__ import annotations

from typing import Iterable, Iterator

import attrs
import regex

from .decode import Line
from .params import Params
from .vocab import INDICATOR_HEADER, PROJECT_LABEL, TITLE_SUFFIX

# anchor kind -> pattern; each kind is printed once per form
ANCHORS = {
    "title": regex.compile(rf"^\s*\S*{TITLE_SUFFIX}\s*(?:[（(]\s*\d{{4}}\s*年度?\s*[）)])?\s*$"),
    "project": regex.compile(rf"^\s*{PROJECT_LABEL}(?:\s|$)"),
    "funds": regex.compile(r"^\s*年初预算数\s+全年预算数"),
    "indicators": regex.compile(rf"^\s*{INDICATOR_HEADER[0]}\s+{INDICATOR_HEADER[1]}"),
}


@attrs.define
class Segment:
    """The lines of one form (blank lines included), in input order."""

    lines: list[Line]

    @property
    def first_line(self) -> int:
        return next((ln.no for ln in self.lines if not ln.blank), self.lines[0].no)

    @property
    def last_line(self) -> int:
        return next((ln.no for ln in reversed(self.lines) if not ln.blank), self.lines[-1].no)


def anchor_kind(text: str) -> str | None:
    for kind, pattern in ANCHORS.items():
        if pattern.match(text):
            return kind
    return None


def pages(lines: Iterable[Line], params: Params) -> Iterator[list[Line]]:
    """The pages, one at a time, as the lines come."""
    current: list[Line] = []
    blank_run = 0
    for ln in lines:
        new_page = ln.page_break or (blank_run >= params.page_blank_run and not ln.blank)
        if new_page and any(not x.blank for x in current):
            yield current
            current = []
        current.append(ln)
        blank_run = blank_run + 1 if ln.blank else 0
    if any(not x.blank for x in current):
        yield current


def split_page(page: list[Line]) -> list[list[Line]]:
    """Cut a page before each repeat of its leading anchor kind."""
    leading = None
    seen: set[str] = set()
    cuts = []
    for i, ln in enumerate(page):
        kind = anchor_kind(ln.text)
        if kind is None:
            continue
        if leading is None:
            leading = kind
        elif kind == leading and kind in seen:
            cuts.append(i)
            seen = set()
        seen.add(kind)
    bounds = [0] + cuts + [len(page)]
    return [page[a:b] for a, b in zip(bounds, bounds[1:]) if any(not x.blank for x in page[a:b])]


def _kinds(lines: list[Line]) -> set[str]:
    return {k for ln in lines if (k := anchor_kind(ln.text))}


def split_forms(lines: Iterable[Line], params: Params) -> Iterator[Segment]:
    """The forms, one at a time, as the lines come: a form is held back until the next page
    shows whether that page continues it."""
    last: Segment | None = None
    before: set[str] = set()           # the anchors the last form has printed
    for page in pages(lines, params):
        parts = split_page(page)
        here = _kinds(parts[0])
        if last is not None and (not here or (before and not here & before)):
            # no anchor, or only anchors the form before has not printed yet: the rest of
            # that form (a table run onto the next page, or a run of blank lines inside)
            last.lines.extend(parts[0])
            before |= here
            parts = parts[1:]
        for p in parts:
            if last is not None:
                yield last
            last, before = Segment(p), _kinds(p)
    if last is not None:
        yield last
