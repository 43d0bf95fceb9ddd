"""Cell-level text rules shared by every stage: numbers, quantitative cells, display width,
punctuation, and the joining of wrapped lines. Small pure functions; the words they know come
from the template (``T``)."""
from __future__ import annotations

from functools import lru_cache

import regex

from .template import NATIONAL as T

NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
OPERATOR = r"(?:>=|<=|[=≥≤<>])"
NUMBER_RE = regex.compile(rf"^{NUMBER}$")
# =360.95(万元) | ≥50.00(%) | 12.00(次) | 3.5
QUANT_RE = regex.compile(rf"^(?P<op>{OPERATOR})?(?P<value>{NUMBER})(?:\((?P<unit>[^()\s]*)\))?$")
# the head of a quantitative cell cut inside its unit: 319.93(万 | =1000.00(元/ | 1172.68(
QUANT_HEAD_RE = regex.compile(rf"^{OPERATOR}?{NUMBER}\([^()\s]*$")
# the rest of a unit cut by a wrap: 元) | 人/年) | /月) | )
QUANT_TAIL_RE = regex.compile(r"^[^\s()（）]{0,8}\)$")
# a piece from the middle of a unit: 人/
QUANT_MIDDLE_RE = regex.compile(r"^[\p{Han}/]{1,6}$")
# a whole unit wrapped onto the next line under its number: (元/人/月) | ( 个)
QUANT_UNIT_RE = regex.compile(r"^[(（][^()（）]{1,10}[)）]$")
HAN_RE = regex.compile(r"\p{Han}")
LATIN_END_RE = regex.compile(r"[A-Za-z]$")
LATIN_START_RE = regex.compile(r"^[A-Za-z]")
DASHES = frozenset(T.words("cells", "dashes"))
OPERATORS = T.words("cells", "operators")
SENTENCE_END = T.punctuation["sentence_end"]
CLAUSE_PUNCT = T.punctuation["clause"]


def parse_number(text: str | None) -> float | None:
    """``1,000.99`` -> 1000.99; ``-`` or empty -> None. Raises ValueError on anything else."""
    if text is None:
        return None
    t = text.strip()
    if not t or t in DASHES:
        return None
    if not NUMBER_RE.match(t):
        raise ValueError(f"not a number: {text!r}")
    return float(t.replace(",", ""))


def number_or_none(text: str | None) -> float | None:
    try:
        return parse_number(text)
    except ValueError:
        return None


def is_number(text: str) -> bool:
    return bool(NUMBER_RE.match(text))


def is_dash(text: str) -> bool:
    return text in DASHES


def is_number_or_dash(text: str) -> bool:
    return text in DASHES or is_number(text)


@lru_cache(maxsize=65536)
def parse_cell(text: str | None) -> tuple[str | None, float, str | None] | None:
    """``≥50.00(%)`` -> ('≥', 50.0, '%'); a qualitative cell (``及时``) -> None."""
    if text is None:
        return None
    m = QUANT_RE.match(text.strip())
    if not m:
        return None
    return m["op"], float(m["value"].replace(",", "")), m["unit"]


def is_quantity(text: str) -> bool:
    return parse_cell(text) is not None


def is_quantity_piece(token: str) -> bool:
    """A quantitative cell, whole or cut by a wrap (``319.93(万``, ``元)``, ``(元/人/月)``)."""
    return bool(QUANT_RE.match(token) or QUANT_HEAD_RE.match(token) or QUANT_TAIL_RE.match(token)
                or QUANT_UNIT_RE.match(token))


def open_parens(text: str) -> int:
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


WIDE_RE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")


@lru_cache(maxsize=65536)
def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters take two columns."""
    return len(text) + len(WIDE_RE.findall(text))


def has_han(text: str) -> bool:
    return bool(HAN_RE.search(text))


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in SENTENCE_END


def ends_clause(text: str) -> bool:
    return bool(text) and text[-1] in CLAUSE_PUNCT


def starts_with_punctuation(text: str) -> bool:
    """A line that starts with ， 。 or a closing bracket goes on with the line above."""
    return bool(text) and (text[0] in SENTENCE_END or text[0] in CLAUSE_PUNCT or text[0] in ")）")


# sentence and clause punctuation but 、 (it lists subjects in many names: 河道保洁、路灯维护完成数)
# and the comma that groups a number's digits (1,297.67)
_PROSE_RE = regex.compile("[" + regex.escape((SENTENCE_END + CLAUSE_PUNCT).replace("、", "").replace(",", "")) +
                          r"]|,(?!(?<=\d,)\d)")


def prose_marks(text: str) -> int:
    """Punctuation that marks running prose: that of sentences and clauses, but not 、, which
    lists subjects in many indicator names (河道保洁、路灯维护完成数), nor the comma that groups
    a number's digits (1,297.67)."""
    return len(_PROSE_RE.findall(text))


def is_prose(text: str) -> bool:
    return bool(prose_marks(text)) or ends_sentence(text)


def join_wrapped(pieces) -> str:
    """Join the lines of one wrapped cell.

    CJK text joins with nothing between (``319.93(万`` + ``元)``, ``经济成本指`` + ``标``); a space
    inside a printed line is kept (``〔2022〕23 号``); a space is put back only between two Latin
    words split across lines.
    """
    out = ""
    for piece in pieces:
        p = piece.strip()
        if not p:
            continue
        if out and LATIN_END_RE.search(out) and LATIN_START_RE.search(p):
            out += " "
        out += p
    return out


def is_whole_cell(text: str) -> bool:
    """A whole 年度指标值 / 实际完成值 cell: a quantity, or words with balanced brackets."""
    return is_quantity(text) or (has_han(text) and open_parens(text) == 0
                                 and not text.startswith((")", "）")))
