"""Stage 1: decode and normalise.

Bytes in, numbered lines out. Detects UTF-8 (with or without BOM), UTF-16 (LE or BE, with or
without BOM) and GB18030/GBK; turns CRLF and CR into line ends, remembers form feeds as page
breaks on the line they start, drops trailing blanks, and writes numbers the ASCII way
(full-width digits and signs, see ``normalise``). Line numbers are 1-based and count every
line of the input, blank ones included, so that every diagnostic can point back into the
user's file.

Damage costs only what it touches: a byte that does not decode (or a NUL in 8-bit text) is
read as U+FFFD and its byte offset is kept on its line (``Line.bad``), to be reported as a
``bad-bytes`` warning on the form that holds the line; a file cut in the middle of a character
keeps every line before the cut. Control characters other than tab and form feed (an ESC
sequence, a stray BEL) are removed from the line and counted (``Line.controls``). Only input
that is not text at all — NUL bytes throughout, outside UTF-16 — is refused (``NotText``,
saying where the first run of NULs is).
"""
from __future__ import annotations

import codecs
from typing import BinaryIO, Iterator

import attrs
import regex

from .template import NATIONAL

REPLACEMENT = "\ufffd"
BINARY_NUL_SHARE = 0.02        # more NUL bytes than this share of the first bytes: not 8-bit text
BINARY_CONTROL_SHARE = 0.05    # … or more control bytes than this share (text has tabs, line ends, form feeds)
BINARY_BYTES = bytes(c for c in range(32) if c not in b"\t\n\r\f\x1b") + b"\x7f"
UTF16_NUL_SHARE = 0.2          # UTF-16 of Chinese text with ASCII digits: a NUL on this share of one parity
UTF8_ERROR_SHARE = 0.005       # a sample that decodes as UTF-8 but for this share of bytes is UTF-8
WRONG_ENCODING_SHARE = 0.05    # an encoding forced in which more of the first bytes do not decode: a wrong one
# an ESC sequence (CSI …), or any other control character but tab, line ends and form feed
CONTROL_RE = regex.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The input is not text this tool can read (binary data)."""


@attrs.frozen
class Line:
    no: int                 # 1-based line number in the input
    text: str               # without form feeds, trailing blanks or line end
    page_break: bool = False  # a form feed stood on this line (pdftotext puts it first)
    bad: tuple[int, ...] = ()   # byte offsets of the bytes that did not decode on this line
    controls: int = 0       # control characters removed from it

    @property
    def blank(self) -> bool:
        return not self.text.strip()


# --- normalisation -------------------------------------------------------------------------------

def _signs(t) -> tuple[regex.Pattern, dict, regex.Pattern, dict]:
    n = t.normalise
    before, inside, after = n["before_number"], n["inside_number"], n["after_number"]
    b, i, a = "".join(before), "".join(inside), "".join(after)
    pattern = regex.compile(
        rf"[{b}](?=\d)"                        # ＝12 ＞5
        rf"|(?<=\d)[{i}](?=\d)"                # 1，000．99
        rf"|(?<=[\d(（])[{a}]"                  # 95％ (％)
        r"|(?<=\d)（(?=[^（）\s]{0,8}）)"       # 12.00（次）: the unit's brackets
        r"|(?<=\d[(（][^（）()\s]{0,8})）")
    mapping = {**before, **inside, **after, "（": "(", "）": ")"}
    needs = regex.compile(rf"[{b}{i}{a}（）]")
    digits = str.maketrans(*n["digits"])
    return pattern, mapping, needs, digits


_SIGN_RE, _SIGN_MAP, _NEEDS_SIGNS, _DIGITS = _signs(NATIONAL)


def normalise(line: str) -> str:
    """Full-width digits to ASCII, and the full-width signs of numbers (``＝``, ``％``, ``．``,
    the unit's ``（）``) to the ASCII ones, where they stand in a number."""
    line = line.translate(_DIGITS)
    if _NEEDS_SIGNS.search(line):
        line = _SIGN_RE.sub(lambda m: _SIGN_MAP[m.group()], line)
    return line


def clean(raw: str) -> tuple[str, int]:
    """A line's text as the parser reads it: control characters removed (counted), trailing
    blanks dropped, numbers normalised."""
    text, controls = CONTROL_RE.subn("", raw) if CONTROL_RE.search(raw) else (raw, 0)
    return normalise(text.rstrip()), controls


# --- which encoding ------------------------------------------------------------------------------

def _utf16(sample: bytes) -> str | None:
    """UTF-16 by its byte-order mark, or by the NULs of its ASCII characters standing on one
    parity of the byte positions."""
    if sample.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if sample.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    pairs = max(1, len(sample) // 2)
    even = sum(1 for k in range(0, len(sample) - 1, 2) if sample[k] == 0)
    odd = sum(1 for k in range(1, len(sample), 2) if sample[k] == 0)
    if odd >= UTF16_NUL_SHARE * pairs and even <= odd / 20:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * pairs and odd <= even / 20:
        return "utf-16-be"
    return None


def _errors(sample: bytes, encoding: str, final: bool) -> int:
    """How many bytes of ``sample`` do not decode."""
    bad = [0]

    def count(exc):
        bad[0] += exc.end - exc.start
        return REPLACEMENT, exc.end
    codecs.register_error("selfeval-count", count)
    codecs.getincrementaldecoder(encoding)("selfeval-count").decode(sample, final)
    return bad[0]


def detect(sample: bytes, encoding: str | None, final: bool) -> str:
    """The encoding of a stream from its first bytes: forced, a byte-order mark, UTF-16 by its
    NULs, UTF-8 when (nearly all of) the bytes decode as UTF-8, else GB18030. NotText when the
    bytes are not text."""
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise NotText(f"unknown encoding {encoding}") from None
        if name == "utf-16":
            name = _utf16(sample) or "utf-16-le"
        bad = _errors(sample, name, final)
        if bad > WRONG_ENCODING_SHARE * len(sample):
            raise NotText(f"not valid {encoding}: {bad} of the first {len(sample)} bytes do not decode")
        return name
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8"
    wide = _utf16(sample)
    if wide:
        return wide
    controls = sum(sample.count(bytes([c])) for c in BINARY_BYTES)
    if sample.count(b"\x00") > BINARY_NUL_SHARE * len(sample) or controls > BINARY_CONTROL_SHARE * len(sample):
        nul = sample.find(b"\x00")
        first = min(sample.index(bytes([c])) for c in BINARY_BYTES if bytes([c]) in sample)
        raise NotText(f"binary data ({'NUL' if nul >= 0 else 'control'} bytes from byte {nul if nul >= 0 else first})")
    if _errors(sample, "utf-8", final) <= UTF8_ERROR_SHARE * len(sample):
        return "utf-8"
    return "gb18030"


# --- decoding, line by line -----------------------------------------------------------------------

class _Marks:
    """The byte offsets of what did not decode, in input order, as the decoder meets them."""

    def __init__(self) -> None:
        self.base = 0               # offset of the bytes the decoder is given now
        self.offsets: list[int] = []

    def handler(self, exc: UnicodeDecodeError):
        self.offsets.extend(range(self.base + exc.start, self.base + exc.end))
        return REPLACEMENT * (exc.end - exc.start), exc.end


def _decoder(encoding: str, marks: _Marks):
    name = f"selfeval-mark-{id(marks)}"
    codecs.register_error(name, marks.handler)
    return codecs.getincrementaldecoder(encoding)(name)


def _nuls(data: bytes, base: int, wide: bool) -> list[int]:
    """Offsets of the NUL bytes of 8-bit text (in UTF-16 they are half a character)."""
    if wide or b"\x00" not in data:
        return []
    return [base + k for k, c in enumerate(data) if c == 0]


def iter_lines(stream: BinaryIO, encoding: str | None = None, chunk: int = 1 << 16,
               sample: int = 1 << 16) -> Iterator[Line]:
    """Numbered lines of a byte stream, read a chunk at a time (memory bounded by the longest
    line, whatever the size of the dump). Same lines as ``split_lines`` of the decoded whole.
    The encoding is detected on the first ``sample`` bytes."""
    read = getattr(stream, "read1", stream.read)    # what is there: a pipe is not waited on
    data, eof = _sample(read, max(chunk, sample))
    enc = detect(data, encoding, final=eof)
    wide = enc.startswith("utf-16")
    marks = _Marks()
    decoder = _decoder(enc, marks)
    fed = 0
    no = 0
    pending = ""                        # text after the last line end read so far
    pending_bad: list[int] = []
    while True:
        final = not data
        buffered = len(decoder.getstate()[0]) if hasattr(decoder, "getstate") else 0
        marks.base = fed - buffered
        nuls = _nuls(data, fed, wide)
        text = decoder.decode(data, final)
        fed += len(data)
        if nuls:
            text = text.replace("\x00", REPLACEMENT)
            marks.offsets = sorted(marks.offsets + nuls)
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
            yield _line(no, raw, marks)
        if final:
            break
        data = read(chunk)
    if pending:
        yield _line(no + 1, pending, marks)


def _line(no: int, raw: str, marks: _Marks) -> Line:
    bad: tuple[int, ...] = ()
    if REPLACEMENT in raw and marks.offsets:
        k = raw.count(REPLACEMENT)
        bad, marks.offsets = tuple(marks.offsets[:k]), marks.offsets[k:]
    text, controls = clean(raw.replace("\f", ""))
    return Line(no, text, "\f" in raw, bad, controls)


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


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Bytes -> str (what did not decode, and a NUL in 8-bit text, as U+FFFD). ``encoding``
    forces one."""
    enc = detect(data[:1 << 16], encoding, final=len(data) <= 1 << 16)
    text = _decoder(enc, _Marks()).decode(data, True)
    if not enc.startswith("utf-16"):
        text = text.replace("\x00", REPLACEMENT)
    return text[1:] if text.startswith("\ufeff") else text


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
        clean_text, controls = clean(r.replace("\f", ""))
        out.append(Line(i, clean_text, "\f" in r, (), controls))
    return out
