"""Stage 1: bytes -> numbered ``Line``s (UTF-8, UTF-16 or GB18030; numbers normalised to ASCII).
Damage stays local: bad bytes become U+FFFD (``Line.bad``); only binary input is refused."""
from __future__ import annotations

import codecs
from typing import BinaryIO, Iterator

import attrs
import regex

from .template import NATIONAL

REPLACEMENT = "\ufffd"
BINARY_NUL_SHARE = 0.02        # NUL share that means binary
BINARY_CONTROL_SHARE = 0.05    # control-byte share that means binary
BINARY_BYTES = bytes(c for c in range(32) if c not in b"\t\n\r\f\x1b") + b"\x7f"
UTF16_NUL_SHARE = 0.2          # NUL share on one parity that means UTF-16
UTF8_ERROR_SHARE = 0.005       # undecodable share still accepted as UTF-8
WRONG_ENCODING_SHARE = 0.05    # undecodable share that rejects a forced encoding
CONTROL_RE = regex.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The input is binary, not text."""


@attrs.frozen
class Line:
    no: int
    text: str               # without form feeds, trailing blanks or line end
    page_break: bool = False
    bad: tuple[int, ...] = ()   # offsets of undecodable bytes
    controls: int = 0       # control characters removed

    @property
    def blank(self) -> bool:
        return not self.text.strip()


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
    """Full-width digits, and full-width signs inside numbers, to ASCII."""
    line = line.translate(_DIGITS)
    if _NEEDS_SIGNS.search(line):
        line = _SIGN_RE.sub(lambda m: _SIGN_MAP[m.group()], line)
    return line


def clean(raw: str) -> tuple[str, int]:
    text, controls = CONTROL_RE.subn("", raw) if CONTROL_RE.search(raw) else (raw, 0)
    return normalise(text.rstrip()), controls


def _utf16(sample: bytes) -> str | None:
    """UTF-16 by BOM, or by NULs on one byte parity."""
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
    bad = [0]

    def count(exc):
        bad[0] += exc.end - exc.start
        return REPLACEMENT, exc.end
    codecs.register_error("selfeval-count", count)
    codecs.getincrementaldecoder(encoding)("selfeval-count").decode(sample, final)
    return bad[0]


def detect(sample: bytes, encoding: str | None, final: bool) -> str:
    """Encoding of the first bytes: forced, BOM, UTF-16, UTF-8, else GB18030."""
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


class _Marks:
    """Offsets of undecodable bytes."""

    def __init__(self) -> None:
        self.base = 0
        self.offsets: list[int] = []

    def handler(self, exc: UnicodeDecodeError):
        self.offsets.extend(range(self.base + exc.start, self.base + exc.end))
        return REPLACEMENT * (exc.end - exc.start), exc.end


def _decoder(encoding: str, marks: _Marks):
    name = f"selfeval-mark-{id(marks)}"
    codecs.register_error(name, marks.handler)
    return codecs.getincrementaldecoder(encoding)(name)


def _nuls(data: bytes, base: int, wide: bool) -> list[int]:
    # in UTF-16 a NUL is half a character, not damage
    if wide or b"\x00" not in data:
        return []
    return [base + k for k, c in enumerate(data) if c == 0]


def iter_lines(stream: BinaryIO, encoding: str | None = None, chunk: int = 1 << 16,
               sample: int = 1 << 16) -> Iterator[Line]:
    """Lines of a byte stream, read in chunks."""
    read = getattr(stream, "read1", stream.read)    # don't block on a pipe
    data, eof = _sample(read, max(chunk, sample))
    enc = detect(data, encoding, final=eof)
    wide = enc.startswith("utf-16")
    marks = _Marks()
    decoder = _decoder(enc, marks)
    fed = 0
    no = 0
    pending = ""
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
        # a trailing CR may be half of CRLF
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
    """The bytes to detect the encoding from -> (bytes, eof)."""
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
    """Bytes -> str, bad bytes as U+FFFD."""
    enc = detect(data[:1 << 16], encoding, final=len(data) <= 1 << 16)
    text = _decoder(enc, _Marks()).decode(data, True)
    if not enc.startswith("utf-16"):
        text = text.replace("\x00", REPLACEMENT)
    return text[1:] if text.startswith("\ufeff") else text


def split_lines(text: str) -> list[Line]:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    out = []
    for i, r in enumerate(raw, start=1):
        clean_text, controls = clean(r.replace("\f", ""))
        out.append(Line(i, clean_text, "\f" in r, (), controls))
    return out
