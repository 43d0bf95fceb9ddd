"""Stage 1: decode and normalise.

Bytes in, numbered lines out. Detects UTF-8 (with or without BOM) and GB18030/GBK, turns CRLF
and CR into line ends, remembers form feeds as page breaks on the line they start, drops
trailing blanks, and writes numbers the ASCII way (full-width digits and signs, see
``normalise``). Line
numbers are 1-based and count every line of the input, blank ones included, so that every
diagnostic can point back into the user's file.
"""
from __future__ import annotations

import codecs
from typing import BinaryIO, Iterator

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


def _detect(sample: bytes, encoding: str | None, final: bool) -> str:
    """The encoding of a stream from its first bytes: forced, UTF-8 (a BOM says so, or the
    bytes decode), else GB18030."""
    if b"\x00" in sample:
        raise NotText("binary data (NUL bytes)")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise NotText(f"not valid {encoding}: unknown encoding") from None
        return encoding
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final)
        return "gb18030"
    except UnicodeDecodeError:
        raise NotText("neither UTF-8 nor GB18030 text") from None


def _sample(read, size: int) -> tuple[bytes, bool]:
    """Enough first bytes to tell the encoding: ``size`` of them, or a whole line that holds
    non-ASCII text, or all there is. -> (bytes, end of input reached)."""
    buf = b""
    while len(buf) < size:
        got = read(size - len(buf))
        if not got:
            return buf, True
        buf += got
        high = next((k for k, c in enumerate(buf) if c >= 0x80), None)
        if high is not None and b"\n" in buf[high:]:
            break
    return buf, False


def iter_lines(stream: BinaryIO, encoding: str | None = None, chunk: int = 1 << 16,
               sample: int = 1 << 16) -> Iterator[Line]:
    """Numbered lines of a byte stream, read a chunk at a time (memory bounded by the
    longest line, whatever the size of the dump). Same lines as ``split_lines`` of the
    decoded whole; NotText when the bytes are binary or stop decoding. The encoding is
    detected on the first ``sample`` bytes."""
    read = getattr(stream, "read1", stream.read)    # what is there: a pipe is not waited on
    first, eof = _sample(read, max(chunk, sample))
    enc = _detect(first, encoding, final=eof)
    decoder = codecs.getincrementaldecoder(enc)()
    if first.startswith(b"\xef\xbb\xbf") and enc.replace("_", "-").lower() in ("utf-8", "utf8"):
        first = first[3:]
    no = 0
    pending = ""                        # text after the last line end read so far
    data = first
    while True:
        final = not data
        if data and b"\x00" in data:
            raise NotText("binary data (NUL bytes)")
        try:
            text = decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            raise NotText(f"not valid {enc} after line {no}: {exc}") from None
        if no == 0 and not pending and text.startswith("\ufeff"):
            text = text[1:]
        pending += text
        # a CR at the very end may be the first half of CRLF: keep it for the next chunk
        cut = len(pending) - 1 if (pending.endswith("\r") and not final) else len(pending)
        body, pending = pending[:cut], pending[cut:]
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        parts = body.split("\n")
        pending = parts.pop() + pending
        for raw in parts:
            no += 1
            yield Line(no, normalise(raw.replace("\f", "").rstrip()), "\f" in raw)
        if final:
            break
        data = read(chunk)
    if pending:
        no += 1
        yield Line(no, normalise(pending.replace("\f", "").rstrip()), "\f" in pending)


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
