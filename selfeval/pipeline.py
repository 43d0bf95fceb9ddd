"""The pipeline, decode → split → build, streamed by ``iter_forms``; stray lines become ``unassigned``."""
from __future__ import annotations

import io
import itertools
import multiprocessing
import os
from typing import BinaryIO, Iterable, Iterator

from . import build
from .codes import diag
from .decode import Line, iter_lines, split_lines
from .model import Diagnostic, Form, Source
from .lexer import lexer_for
from .params import Params
from .split import Segment, split_forms

DEFAULT_PARAMS = Params()


def _orphans(segment: Segment) -> list[Diagnostic]:
    """Lines outside any form: page furniture as the lexer told it (a browser's date and address,
    a page count) is information, anything else a line the user may miss."""
    out = []
    for it in segment.items:
        text = it.line.text.strip()
        if it.kind == "furniture":
            out.append(diag("unassigned", f"page furniture: {text[:60]}", [it.no], level="info"))
        elif not it.line.blank:
            out.append(diag("unassigned", f"line outside any form: {text[:60]}", [it.no]))
    return out + damage(segment.lines)


def debugging() -> bool:
    return bool(os.environ.get("SELFEVAL_DEBUG"))


def read_form(segment: Segment, params: Params, file: str | None = None) -> Form | None:
    """One form's record; an exception costs only this form (``internal-error``)."""
    try:
        form = build.build_form(segment, params, file, 0)
    except Exception as exc:            # noqa: BLE001
        if debugging():
            raise
        form = failed_form(segment, file, exc)
    if form is not None:
        form.diagnostics.extend(damage(segment.lines))
    return form


def damage(lines: Iterable[Line]) -> list[Diagnostic]:
    """Diagnostics of decoding damage."""
    out = []
    for ln in lines:
        if ln.bad:
            shown = ", ".join(map(str, ln.bad[:8])) + (" …" if len(ln.bad) > 8 else "")
            out.append(diag("bad-bytes", f"{len(ln.bad)} byte(s) that do not decode, at byte offset {shown}; read "
                            "as U+FFFD", [ln.no]))
        if ln.controls:
            out.append(diag("control-characters", f"{ln.controls} control character(s) removed", [ln.no]))
    return out


def failed_form(segment: Segment, file: str | None, exc: BaseException) -> Form:
    lines = [ln.no for ln in segment.lines if not ln.blank]
    return Form(source=Source(file, 0, segment.first_line, segment.last_line), diagnostics=[
        diag("internal-error", f"{type(exc).__name__}: {exc}", lines),
        diag("unassigned", "the form's lines, not read: an internal error stopped its reading", lines)])


def _build_one(task: tuple[Segment, Params, str | None]) -> Form | None:
    return read_form(*task)


def _built(segments: Iterable[Segment], file: str | None, params: Params, jobs: int
           ) -> Iterator[tuple[Segment, Form | None]]:
    """(segment, record) in order; ``jobs`` > 1: a process pool."""
    if jobs <= 1:
        for segment in segments:
            yield segment, read_form(segment, params, file)
        return
    window = jobs * params.bounds.jobs_window
    it = iter(segments)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        # two windows in flight: workers build one while the other is written
        running: tuple | None = None
        while True:
            batch = list(itertools.islice(it, window))
            nxt = (batch, pool.map_async(_build_one, [(seg, params, file) for seg in batch],
                                         chunksize=max(1, len(batch) // (4 * jobs)))) if batch else None
            if running is not None:
                yield from zip(running[0], running[1].get())
            if nxt is None:
                break
            running = nxt


def iter_forms(lines: Iterable[Line], file: str | None = None,
               params: Params = DEFAULT_PARAMS, jobs: int = 1) -> Iterator[Form]:
    """Lines -> records, streamed; ``jobs``: workers (0: all cores)."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    pending: list[Diagnostic] = []
    held: Form | None = None           # held back one step to receive following orphans
    index = 0
    segments = split_forms(lines, lexer_for(params.template), params.split.page_blank_run)
    for segment, form in _built(segments, file, params, jobs):
        if form is not None:
            form.source.form_index = index
        if form is None:
            if held is not None:
                held.diagnostics.extend(_orphans(segment))
            else:
                pending.extend(_orphans(segment))
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
    """Decoded pdftotext dump -> one ``Form`` per form."""
    return list(iter_forms(split_lines(text), file, params))


def parse_bytes(data: bytes, file: str | None = None, encoding: str | None = None,
                params: Params = DEFAULT_PARAMS) -> list[Form]:
    """A dump's bytes -> list of ``Form``; ``encoding`` forces one."""
    return list(iter_forms(iter_lines(io.BytesIO(data), encoding), file, params))


def iter_stream(stream: BinaryIO, file: str | None = None, encoding: str | None = None,
                params: Params = DEFAULT_PARAMS, jobs: int = 1) -> Iterator[Form]:
    """Binary stream -> iterator of ``Form``, read lazily."""
    return iter_forms(iter_lines(stream, encoding), file, params, jobs)


def parse_file(path, encoding: str | None = None, params: Params = DEFAULT_PARAMS) -> list[Form]:
    """Path of a dump -> list of ``Form``."""
    with open(path, "rb") as fh:
        data = fh.read()
    return parse_bytes(data, str(path), encoding, params)
