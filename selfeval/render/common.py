"""What every renderer prints the same way: display widths, wrapping, numbers as printed, the
template's labels cut the way a form's cells cut them, and the print artefacts a knob can switch
on in any dialect (a space inside a number, a unit's bracket apart, a space before 年度 …).

Every label comes from the template (``T``); none is spelled here.
"""
from __future__ import annotations

import regex

from ..template import NATIONAL as T
from ..text import width

WIDE = "≥≤"   # printed as wide glyphs by the producer of the real seed dump
_LATIN = regex.compile(r"[A-Za-z]")
_MIXED_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
_MIXED_ASCII = regex.compile(r"[0-9A-Za-z%=<>≥≤.]")
_QUANT = regex.compile(r"^(?P<head>[^()]*\()(?P<unit>[^()]*)\)$")


def display_width(text: str) -> int:
    """Display columns, with ≥ and ≤ as wide as a CJK character (as the seed's producer prints
    them)."""
    return width(text) + sum(1 for c in text if c in WIDE)


def _breakable(text: str, i: int) -> bool:
    """Whether a line may end before ``text[i]``: never inside a Latin word (a wrap there reads
    back with a space put between), nor beside a space (a space at the end of a line is lost)."""
    if text[i] == " " or text[i - 1] == " ":
        return False
    return not (_LATIN.match(text[i - 1]) and _LATIN.match(text[i]))


def wrap(text: str, columns: int, measure=display_width) -> list[str]:
    """Cut text into lines of at most ``columns`` display columns, character by character (the
    producers wrap CJK text anywhere, even before a full stop, and digits too), but never inside
    a Latin word nor beside a space; a piece that cannot be cut that way runs over."""
    if not text:
        return [""]
    lines: list[str] = []
    start, w, last_ok = 0, 0, None
    i = 0
    while i < len(text):
        cw = measure(text[i])
        if i > start and _breakable(text, i):
            last_ok = i
        if i > start and w + cw > columns and last_ok is not None:
            lines.append(text[start:last_ok])
            start, i, w, last_ok = last_ok, last_ok, 0, None
            continue
        w += cw
        i += 1
    lines.append(text[start:])
    return lines


def wrap_value(text: str, columns: int, at_bracket: bool, measure=display_width) -> list[str]:
    """A 年度指标值/实际完成值 cell cut to its column; with ``at_bracket`` a quantity too wide for
    it breaks before its closing bracket (``1172.68(万元`` / ``)``) however wide the column."""
    if measure(text) <= columns:
        return [text]
    m = _QUANT.match(text)
    if at_bracket and m:
        return [text[:-1], text[-1]]
    return wrap(text, columns, measure)


def number(value: float | None, thousands: bool = False, blank: str = "-") -> str:
    """A number as printed: two decimals, ``blank`` for nothing; more decimals only when the
    value has them (so that nothing is rounded away)."""
    if value is None:
        return blank
    text = f"{value:,.2f}" if thousands and abs(value) >= 1000 else f"{value:.2f}"
    if float(text.replace(",", "")) != value:
        text = repr(float(value))
    return text


def split_decimal(text: str) -> str:
    """``1,204.50`` -> ``1,204. 50``: a space after the decimal point of an amount of four
    digits or more (a glyph gap pdftotext reads as a word break)."""
    head, dot, tail = text.partition(".")
    if not dot or len(head.replace(",", "").lstrip("-")) < 4:
        return text
    return f"{head}. {tail}"


def split_bracket(text: str) -> str:
    """``≥30.00(个)`` -> ``≥30.00( 个)``: a space inside a quantity's opening bracket."""
    m = _QUANT.match(text)
    return f"{m['head']} {m['unit']})" if m and m["unit"] else text


def mixed(text: str) -> bool:
    """Text that mixes CJK with digits or Latin: a spreadsheet's PDF draws it in two fonts, off
    the baseline of the row (pdftotext -raw prints it after the page's rows)."""
    return bool(_MIXED_CJK.search(text)) and bool(_MIXED_ASCII.search(text))


# --- the template's labels as a form prints them --------------------------------------------

def fund_label_lines() -> list[str]:
    """The 项目资金（万元） cell: the label, then its unit on a line of its own."""
    unit = T.label("funds_unit")
    return [T.label("funds").removesuffix(unit), unit]


def goals_label_lines(chars: int = 2) -> list[str]:
    """The 年度总体目标 cell, a narrow column: two characters a line."""
    text = T.label("goals")
    return [text[i:i + chars] for i in range(0, len(text), chars)]


def year_line(year: int, spaced: bool = False) -> str:
    """The line under the title: ``（2024年度）``, or ``（2024 年度）`` as some producers space a
    number from the CJK beside it."""
    return f"（{year}{' ' if spaced else ''}年度）"


def sub_item(item: str, indent: str = "") -> str:
    """A fund row's item as printed: the first sub-row after the 其中： prefix, the others
    indented by ``indent``."""
    names = T.fund_item_names
    if item == names[0]:
        return item
    if item == names[1]:
        return T.fund_item_prefixes[0] + item
    return indent + item


def fund_header(columns: tuple[str, ...]) -> list[str]:
    """The header words of the fund columns, in the given order."""
    return [T.fund_columns[c][0] for c in columns]


def indicator_header(with_names: bool = True) -> list[str]:
    """The words of the indicator table's header, left to right."""
    slots = ("level1", "level2") + (("name",) if with_names else ()) + ("target", "actual", "weight", "score")
    return [T.label(s) for s in slots] + ([T.label("deviation")] if with_names else [])


# --- pages ----------------------------------------------------------------------------------

def flatten(pages: list[list[str]], formfeed: bool = True, blank_lines: int = 3) -> list[str]:
    """One form's pages as one list of lines: a later page's first line opens with a form
    feed (as pdftotext ends every page with one), or the pages stand apart by blank lines."""
    lines: list[str] = []
    for k, page in enumerate(pages):
        if k and formfeed:
            page = ["\f" + (page[0] if page else "")] + page[1:]
        elif k:
            lines += [""] * blank_lines
        lines += page
    return lines


def join_pages(pages: list[list[str]], formfeed: bool = True, blank_lines: int = 3) -> str:
    """A dump of many pages: each ends with a form feed, as pdftotext writes them, or they
    stand apart by runs of blank lines."""
    if formfeed:
        return "".join("\n".join(p) + "\n\f" for p in pages)
    gap = "\n" * (blank_lines + 1)
    return gap.join("\n".join(p) for p in pages) + ("\n" if pages else "")
