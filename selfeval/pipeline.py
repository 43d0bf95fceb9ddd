"""The pipeline, top to bottom: decode → split into forms → build each form's record.

``iter_forms`` yields records one by one (the CLI streams them); lines outside any form are
reported as ``unassigned`` on the nearest form, so that nothing of the input is lost.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .build import build_form
from .decode import Line, decode_bytes, split_lines
from .model import Diagnostic, Form
from .params import Params
from .split import split_forms

DEFAULT_PARAMS = Params()


def _orphans(lines: Iterable[Line]) -> list[Diagnostic]:
    return [Diagnostic("warning", "unassigned", f"line outside any form: {ln.text.strip()[:60]}", [ln.no])
            for ln in lines if not ln.blank]


def iter_forms(lines: list[Line], file: str | None = None,
               params: Params = DEFAULT_PARAMS) -> Iterator[Form]:
    pending: list[Diagnostic] = []     # lines seen before the first form
    held: Form | None = None           # held back one step to receive following orphans
    index = 0
    for segment in split_forms(lines, params):
        form = build_form(segment, params, file, index)
        if form is None:
            if held is not None:
                held.diagnostics.extend(_orphans(segment.lines))
            else:
                pending.extend(_orphans(segment.lines))
            continue
        if pending:
            form.diagnostics[:0] = pending
            pending = []
        if held is not None:
            yield held
        held = form
        index += 1
    if held is not None:
        yield held


def parse(text: str, file: str | None = None, params: Params = DEFAULT_PARAMS) -> list[Form]:
    """Parse a pdftotext dump (already decoded) into one record per form."""
    return list(iter_forms(split_lines(text), file, params))


def parse_bytes(data: bytes, file: str | None = None, encoding: str | None = None,
                params: Params = DEFAULT_PARAMS) -> list[Form]:
    return parse(decode_bytes(data, encoding), file, params)


def parse_file(path, encoding: str | None = None, params: Params = DEFAULT_PARAMS) -> list[Form]:
    """Read and parse one file (UTF-8, UTF-8 with BOM or GB18030)."""
    with open(path, "rb") as fh:
        data = fh.read()
    return parse_bytes(data, str(path), encoding, params)
