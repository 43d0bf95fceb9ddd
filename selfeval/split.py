"""Stage 2: lexed lines -> forms. A form prints each opener (title, 项目名称, funds) once, so a
page is cut before a repeated one; a part with no new opener continues the last form."""
from __future__ import annotations

from typing import Iterable, Iterator

import attrs

from .decode import Line
from .lexer import Lexed, Lexer

OPENERS = {"title": "title", "year": "title", "project": "project", "fund_header": "funds",
           "fund_row": "funds"}


@attrs.define
class Segment:
    items: list[Lexed]

    @property
    def lines(self) -> list[Line]:
        return [x.line for x in self.items]

    @property
    def first_line(self) -> int:
        return next((x.no for x in self.items if x.kind != "blank"), self.items[0].no)

    @property
    def last_line(self) -> int:
        return next((x.no for x in reversed(self.items) if x.kind != "blank"), self.items[-1].no)


def pages(items: Iterable[Lexed], page_blank_run: int) -> Iterator[list[Lexed]]:
    current: list[Lexed] = []
    blank_run = 0
    text = False
    for it in items:
        blank = it.kind == "blank"
        if (it.line.page_break or (blank_run >= page_blank_run and not blank)) and text:
            yield current
            current, text = [], False
        current.append(it)
        text = text or not blank
        blank_run = blank_run + 1 if blank else 0
    if text:
        yield current


def _openers(part: list[Lexed]) -> set[str]:
    return {OPENERS[x.kind] for x in part if x.kind in OPENERS}


def _keys(it: Lexed) -> set[str]:
    """What a form prints once: title, year, 项目名称, fund columns and rows."""
    if it.kind == "fund_row":
        return {"fund:" + (it.fields["item"] or "")}
    if it.kind == "fund_header":
        return {"column:" + c for c in it.fields["columns"]}
    return {it.kind} if it.kind in OPENERS else set()


def split_page(page: list[Lexed]) -> list[list[Lexed]]:
    parts: list[list[Lexed]] = [[]]
    seen: set[str] = set()
    for it in page:
        keys = _keys(it)
        if keys & seen:
            parts.append([])
            seen = set()
        seen |= keys
        parts[-1].append(it)
    return [p for p in parts if any(x.kind != "blank" for x in p)]


def split_forms(lines: Iterable[Line], lexer: Lexer, page_blank_run: int = 2) -> Iterator[Segment]:
    """Forms, streamed; each waits for the next page, which may continue it."""
    items = lexer.lex(lines)
    last: Segment | None = None
    printed: set[str] = set()
    for page in pages(items, page_blank_run):
        parts = split_page(page)
        here = _openers(parts[0])
        if last is not None and (not here or (printed and not here & printed)):
            last.items.extend(parts[0])
            printed |= here
            parts = parts[1:]
        for p in parts:
            if last is not None:
                yield last
            last, printed = Segment(p), _openers(p)
    if last is not None:
        yield last
