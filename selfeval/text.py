"""Cell-level text rules: numbers, quantities, display width, punctuation, wrapped lines."""
from __future__ import annotations

from functools import lru_cache

import regex

from .template import NATIONAL as T

NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
OPERATOR = r"(?:>=|<=|[=≥≤<>])"
NUMBER_RE = regex.compile(rf"^{NUMBER}$")
# =360.95(万元) | ≥50.00(%) | 12.00(次) | 3.5
QUANT_RE = regex.compile(rf"^(?P<op>{OPERATOR})?(?P<value>{NUMBER})(?:\((?P<unit>[^()\s]*)\))?$")
# cut inside its unit: 319.93(万
QUANT_HEAD_RE = regex.compile(rf"^{OPERATOR}?{NUMBER}\([^()\s]*$")
# a wrapped unit's rest: 元) | 人/年)
QUANT_TAIL_RE = regex.compile(r"^[^\s()（）]{0,8}\)$")
# a unit's middle: 人/
QUANT_MIDDLE_RE = regex.compile(r"^[\p{Han}/]{1,6}$")
# a whole wrapped unit: (元/人/月)
QUANT_UNIT_RE = regex.compile(r"^[(（][^()（）]{1,10}[)）]$")
HAN_RE = regex.compile(r"\p{Han}")
LATIN_END_RE = regex.compile(r"[A-Za-z]$")
LATIN_START_RE = regex.compile(r"^[A-Za-z]")
DASHES = frozenset(T.words("cells", "dashes"))
OPERATORS = T.words("cells", "operators")
SENTENCE_END = T.punctuation["sentence_end"]
CLAUSE_PUNCT = T.punctuation["clause"]


def parse_number(text: str | None) -> float | None:
    """``1,000.99`` -> 1000.99; dash or empty -> None."""
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
    """``≥50.00(%)`` -> ('≥', 50.0, '%'); qualitative (``及时``) -> None."""
    if text is None:
        return None
    m = QUANT_RE.match(text.strip())
    if not m:
        return None
    return m["op"], float(m["value"].replace(",", "")), m["unit"]


def is_quantity(text: str) -> bool:
    return parse_cell(text) is not None


def is_quantity_piece(token: str) -> bool:
    """A quantity, whole or a wrapped piece."""
    return bool(QUANT_RE.match(token) or QUANT_HEAD_RE.match(token) or QUANT_TAIL_RE.match(token)
                or QUANT_UNIT_RE.match(token))


def open_parens(text: str) -> int:
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


# runs, not single characters: a line of Chinese is one match, not one per character
WIDE_RE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]+")


@lru_cache(maxsize=65536)
def width(text: str) -> int:
    return len(text) + sum(map(len, WIDE_RE.findall(text)))


def tokens_at(text: str) -> list[tuple[int, str]]:
    """A line's tokens with the display column each starts at (a Chinese character is two wide)."""
    out, col, i = [], 0, 0
    while i < len(text):
        if text[i] == " ":
            col += 1
            i += 1
            continue
        j = i
        while j < len(text) and text[j] != " ":
            j += 1
        out.append((col, text[i:j]))
        col += width(text[i:j])
        i = j
    return out


def has_han(text: str) -> bool:
    return bool(HAN_RE.search(text))


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in SENTENCE_END


def ends_clause(text: str) -> bool:
    return bool(text) and text[-1] in CLAUSE_PUNCT


def starts_with_punctuation(text: str) -> bool:
    return bool(text) and (text[0] in SENTENCE_END or text[0] in CLAUSE_PUNCT or text[0] in ")）")


# not 、 (it lists subjects in names) nor a digit-grouping comma
_PROSE_RE = regex.compile("[" + regex.escape((SENTENCE_END + CLAUSE_PUNCT).replace("、", "").replace(",", "")) +
                          r"]|,(?!(?<=\d,)\d)")


def prose_marks(text: str) -> int:
    return len(_PROSE_RE.findall(text))


def is_prose(text: str) -> bool:
    return bool(prose_marks(text)) or ends_sentence(text)


def join_wrapped(pieces) -> str:
    """Join a wrapped cell's lines; a space only between Latin words."""
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
    """A whole target/actual cell: a quantity, or words with balanced brackets."""
    return is_quantity(text) or (has_han(text) and open_parens(text) == 0
                                 and not text.startswith((")", "）")))
