"""Stage 1: decode and normalise.

Bytes in, numbered lines out. Detects UTF-8 (with or without BOM) and GB18030/GBK, turns CRLF
and CR into line ends, and remembers form feeds as page breaks on the line they start. Line
numbers are 1-based and count every line of the input, blank ones included, so that every
diagnostic can point back into the user's file.
"""
from __future__ import annotations

import attrs

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
        out.append(Line(i, r.replace("\f", "").rstrip(), page_break))
    return out
