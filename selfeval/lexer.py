"""The front end: each line's kind, before any context (template patterns, then a tokenizer)."""
from __future__ import annotations

from typing import Iterable, Iterator

import attrs
import regex

from .decode import Line
from .template import Template
from .text import NUMBER, is_number, is_quantity_piece, is_whole_cell

INDICATOR_SLOTS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation")


@attrs.define(slots=True)
class Lexed:
    line: Line
    kind: str
    fields: dict = attrs.field(factory=dict)

    @property
    def no(self) -> int:
        return self.line.no

    @property
    def text(self) -> str:
        return self.line.text.strip()


def next_line(items: list[Lexed], start: int, stop: int | None = None) -> int | None:
    """The first line from ``start`` (up to ``stop``) that is not blank, or None."""
    end = len(items) if stop is None else min(stop, len(items))
    return next((k for k in range(start, end) if items[k].kind != "blank"), None)


def _alternatives(t: Template) -> str:
    items = "|".join(regex.escape(s) for names in t.fund_items for s in names)
    prefixes = "|".join(regex.escape(p) for p in t.fund_item_prefixes)
    grades = "".join(t.grades)
    cell = rf"(?:{'|'.join(regex.escape(d) for d in t.words('cells', 'dashes'))}|{NUMBER})"
    year = t.year_pattern.replace("(?P<year>", "(?P<title_year>")

    def lab(slot: str) -> str:
        return "(?:" + "|".join(regex.escape(s) for s in t.spellings(slot)) + r")[：:]?"
    # each alternative ends with an empty group naming its kind (``lastgroup``)
    return "|".join((
        rf"(?P<title>\S*{regex.escape(t.title_suffix)})\s*(?:{year})?(?P<k_title>)",
        rf"{t.year_pattern}(?P<k_year>)",
        rf"{lab('project')}(?:\s+(?P<project>.*))?(?P<k_project>)",
        rf"{lab('department')}(?:\s+(?P<department>.*?))??(?:\s*(?P<has_unit>{lab('unit')})"
        rf"(?:\s+(?P<dept_unit>.*))?)?(?P<k_department>)",
        rf"{lab('unit')}(?:\s+(?P<unit>.*))?(?P<k_unit>)",
        rf"(?:(?:{prefixes})\s*)?(?P<item>{items})(?P<values>(?:\s+{cell})*)(?P<k_fund_row>)",
        rf"{lab('grade')}(?:\s*(?P<grade>[{grades}]))?(?P<k_grade>)",
        rf"{lab('total')}\s+(?P<total_weight>{NUMBER})\s+(?P<total_score>{NUMBER})(?P<k_total>)",
        rf"(?P<pair_a>{NUMBER})\s+(?P<pair_b>{NUMBER})(?P<k_pair>)",
    ))


CACHE_LINES = 50_000        # distinct line texts whose kinds are kept (then forgotten, all at once)


class Lexer:
    def __init__(self, template: Template):
        self.t = template
        self.pattern = regex.compile(rf"^(?:{_alternatives(template)})$")
        self.level_labels = frozenset(template.level1 + template.level2)
        self.margin_text = "\x00".join(template.spellings("funds", "funds_unit", "goals"))
        self.fund_unit = frozenset(template.spellings("funds_unit"))   # （万元）: ambiguous with a unit piece
        self._seen: dict[str, tuple[str, dict]] = {}

    def _margin(self, token: str) -> bool:
        return len(token) >= 2 and "\x00" not in token and token in self.margin_text

    def kind(self, text: str) -> tuple[str, dict]:
        """The line's kind and fields; a text seen before is not matched again (a dump repeats
        its headers and labels form after form): its fields are handed out as fresh copies."""
        got = self._seen.get(text)
        if got is None:
            if len(self._seen) >= CACHE_LINES:
                self._seen.clear()
            got = self._seen[text] = self._kind(text)
        kind, fields = got
        return kind, {k: list(v) if isinstance(v, list) else v for k, v in fields.items()}

    def _kind(self, text: str) -> tuple[str, dict]:
        t = text.strip()
        if not t:
            return "blank", {}
        if any(f.match(t) for f in self.t.furniture_patterns):
            return "furniture", {}
        m = self.pattern.match(t)
        if m:
            return self._matched(m)
        tokens = t.split()
        if len(tokens) > 1 and self._margin(tokens[0]):
            # margin label on a line of its block: 项目资金 其中：当年财政拨款 64.80
            rest = t[len(tokens[0]):].strip()
            m = self.pattern.match(rest)
            if m and m.lastgroup == "k_fund_row":
                kind, fields = self._matched(m)
                return kind, fields | {"margin": tokens[0]}
            got = self._headers(rest.split())
            if got is not None:
                return got[0], got[1] | {"margin": tokens[0]}
        got = self._headers(tokens)
        if got is not None:
            return got
        got = self._value_row(tokens)
        if got is not None:
            return "value_row", got
        got = self._pieces(tokens)
        if got is not None:
            return "pieces", got
        if all(self.t.is_label_piece(x) for x in tokens):
            return "label", {"tokens": tokens}
        return "text", {}

    def _matched(self, m) -> tuple[str, dict]:
        kind = m.lastgroup[2:]
        g = m.groupdict()
        if kind == "title":
            return kind, {"title": g["title"], "year": g["title_year"]}
        if kind == "year":
            return kind, {"year": g["year"]}
        if kind in ("project", "unit"):
            return kind, {"value": g[kind]}
        if kind == "department":
            return kind, {"value": g["department"], "has_unit": g["has_unit"], "unit": g["dept_unit"]}
        if kind == "fund_row":
            return kind, {"item": self.t.fund_item(g["item"]), "values": g["values"].split()}
        if kind == "grade":
            return kind, {"grade": g["grade"]}
        if kind == "total":
            return kind, {"weight": g["total_weight"], "score": g["total_score"]}
        return kind, {"a": g["pair_a"], "b": g["pair_b"]}

    def _headers(self, tokens: list[str]) -> tuple[str, dict] | None:
        """A header line's kind and fields, or None."""
        t = self.t
        cols = [t.fund_column(x) for x in tokens]
        # 分值 得分 alone may head the indicator table too
        if len(tokens) > 1 and all(cols) and not set(cols) <= {"weight", "score"}:
            kind = "exec_header" if set(cols) <= {"executed", "execution_rate"} else "fund_header"
            return kind, {"columns": cols}
        slots = [t.label_slot(x) for x in tokens]
        if all(slots):
            s = set(slots)
            if slots[0] == "level1" and len(tokens) > 1 and s <= set(INDICATOR_SLOTS):
                return "indicator_header", {"slots": slots}
            if slots[0] == "name" and s <= {"name", "deviation"}:
                return "names_header", {"slots": slots}
            if s <= {"goal_expected", "goal_actual"}:
                return "goals_header", {"slots": slots}
        return None

    def _value_row(self, tokens: list[str]) -> dict | None:
        """``[labels] target actual weight score`` -> fields, or None."""
        if len(tokens) < 4 or not (is_number(tokens[-1]) and is_number(tokens[-2])):
            return None
        head, cells = tokens[:-4], tokens[-4:-2]
        if any(x not in self.level_labels for x in head):
            return None
        if all(is_number(c) for c in cells) or not all(is_whole_cell(c) for c in cells):
            return None
        return {"labels": head, "target": cells[0], "actual": cells[1],
                "weight": tokens[-2], "score": tokens[-1]}

    def _pieces(self, tokens: list[str]) -> dict | None:
        """Only cut quantity pieces (``319.93(万``), after any level labels."""
        k = 0
        while k < len(tokens) and tokens[k] in self.level_labels:
            k += 1
        labels, rest = tokens[:k], tokens[k:]
        if rest and all(is_quantity_piece(x) for x in rest) and not all(is_number(x) for x in rest):
            return {"labels": labels, "pieces": rest}
        if len(rest) == 1 and is_number(rest[0]) and not labels:
            return {"labels": labels, "pieces": rest}
        return None

    def lex(self, lines: Iterable[Line]) -> Iterator[Lexed]:
        kind, unit = self.kind, self.fund_unit
        last = ""
        for ln in lines:
            k, fields = kind(ln.text)
            if k == "pieces" and ln.text.strip() in unit and not is_number(last):
                k, fields = "label", {"tokens": [ln.text.strip()]}   # the fund table's unit
            yield Lexed(ln, k, fields)
            if k != "blank":
                last = ln.text.split()[-1]


_LEXERS: dict[int, Lexer] = {}


def lexer_for(template: Template) -> Lexer:
    lx = _LEXERS.get(id(template))
    if lx is None:
        lx = _LEXERS[id(template)] = Lexer(template)
    return lx
