"""Stage 1: decode and normalise.

Bytes in, numbered lines out. Detects UTF-8 (with or without BOM) and GB18030/GBK, turns CRLF
and CR into line ends, remembers form feeds as page breaks on the line they start, drops
trailing blanks, and writes numbers the ASCII way (full-width digits and signs, see
``normalise``). Line
numbers are 1-based and count every line of the input, blank ones included, so that every
diagnostic can point back into the user's file.
"""
from __future__ import annotations

import attrs
import regex

from .vocab import FULLWIDTH_DIGITS, SIGNS_AFTER_NUMBER, SIGNS_BEFORE_NUMBER, SIGNS_INSIDE_NUMBER

ENCODINGS = ("utf-8", "gb18030")


class NotText(ValueError):
    """The input is not text this tool can read (binary, or in no known encoding)."""


@attrs.frozen
class Line:
    no: int                 # 1-based line number in the input
    text: str               # without form feeds, trailing blanks or line end
    page_break: bool = False  # a form feed stood on this line (pdftotext puts it first)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Bytes -> str. ``encoding`` forces one; otherwise UTF-8, then GB18030."""
    if b"\x00" in data:
        raise NotText("binary data (NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        encoding = encoding or "utf-8"
    for enc in (encoding,) if encoding else ENCODINGS:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError) as exc:
            if encoding:
                raise NotText(f"not valid {encoding}: {exc}") from None
            continue
        return text
    raise NotText("neither UTF-8 nor GB18030 text")


_BEFORE = "".join(SIGNS_BEFORE_NUMBER)
_INSIDE = "".join(SIGNS_INSIDE_NUMBER)
_AFTER = "".join(SIGNS_AFTER_NUMBER)
_SIGN_RE = regex.compile(
    rf"[{_BEFORE}](?=\d)"                  # ＝12 ＞5
    rf"|(?<=\d)[{_INSIDE}](?=\d)"          # 1，000．99
    rf"|(?<=[\d(（])[{_AFTER}]"             # 95％ (％)
    r"|(?<=\d)（(?=[^（）\s]{0,8}）)"       # 12.00（次）: the unit's brackets
    r"|(?<=\d[(（][^（）()\s]{0,8})）")
_SIGN_MAP = {**SIGNS_BEFORE_NUMBER, **SIGNS_INSIDE_NUMBER, **SIGNS_AFTER_NUMBER, "（": "(", "）": ")"}
_NEEDS_SIGNS = regex.compile(rf"[{_BEFORE}{_INSIDE}{_AFTER}（）]")


def normalise(line: str) -> str:
    """Full-width digits to ASCII, and the full-width signs of numbers (``＝``, ``％``, ``．``,
    the unit's ``（）``) to the ASCII ones, where they stand in a number."""
    line = line.translate(FULLWIDTH_DIGITS)
    if _NEEDS_SIGNS.search(line):
        line = _SIGN_RE.sub(lambda m: _SIGN_MAP[m.group()], line)
    return line


def split_lines(text: str) -> list[Line]:
    """Text -> numbered lines (CRLF, CR and LF all end a line; form feeds mark page breaks)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()  # the final line end does not open a line
    out = []
    for i, r in enumerate(raw, start=1):
        page_break = "\f" in r
        out.append(Line(i, normalise(r.replace("\f", "").rstrip()), page_break))
    return out
