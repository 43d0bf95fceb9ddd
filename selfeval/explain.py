"""How each record was read (``selfeval explain``): lines, kinds, cells, slots and costs."""
from __future__ import annotations

from typing import Iterable, Iterator

from .build import Built, build
from .decode import Line
from .lexer import lexer_for
from .params import Params
from .pipeline import failed_form, debugging
from .split import split_forms


def explain_lines(lines: Iterable[Line], params: Params, file: str | None = None) -> Iterator[Built]:
    segments = split_forms(lines, lexer_for(params.template), params.split.page_blank_run)
    index = 0
    for segment in segments:
        try:
            built = build(segment, params, file, index)
        except Exception as exc:        # noqa: BLE001
            if debugging():
                raise
            built = Built(failed_form(segment, file, exc), None, segment.items, [])
        if built is None:
            continue
        built.form.source.form_index = index
        index += 1
        yield built


def _cells_by_line(built: Built) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    if built.reading is None:
        return out
    for c in built.reading.cells:
        entry = {"text": c.text, "kind": c.kind, "slot": c.slot, "cost": round(c.cost, 3),
                 "runner_up": None if c.runner_up is None else {"slot": c.runner_up[0],
                                                                 "cost": round(c.runner_up[1], 3)}}
        for no in c.lines[:1]:
            out.setdefault(no, []).append(entry)
        for no in c.lines[1:]:
            out.setdefault(no, []).append({**entry, "continued": True})
    return out


def to_dict(built: Built) -> dict:
    cells = _cells_by_line(built)
    flagged: dict[int, list[str]] = {}
    for d in built.form.diagnostics:
        for no in d.lines:
            flagged.setdefault(no, []).append(d.code)
    lines = [{"no": it.no, "kind": it.kind, "text": it.line.text, "cells": cells.get(it.no, []),
              "diagnostics": flagged.get(it.no, [])}
             for it in built.items if it.kind != "blank"]
    return {
        "form_index": built.form.source.form_index,
        "first_line": built.form.source.first_line,
        "last_line": built.form.source.last_line,
        "dialect": built.reading.dialect if built.reading else None,
        "detect": {name: round(score, 3) for score, name in built.scores},
        "lines": lines,
        "record": {k: v for k, v in built.form.to_dict().items() if k != "diagnostics"},
        "diagnostics": [d.to_dict() for d in built.form.diagnostics],
    }


def to_text(built: Built) -> str:
    """The terminal view of one form."""
    d = to_dict(built)
    out = [f"form {d['form_index']} (lines {d['first_line']}–{d['last_line']}), dialect {d['dialect'] or '?'}"
           + (f"; fit {', '.join(f'{k} {v:.2f}' for k, v in d['detect'].items())}" if d["detect"] else "")]
    for ln in d["lines"]:
        out.append(f"{ln['no']:>6} {ln['kind']:<16} {ln['text'].strip()[:60]}")
        for c in ln["cells"]:
            if c.get("continued"):
                continue
            runner = f"; runner-up {c['runner_up']['slot']} ({c['runner_up']['cost']:+.2f})" if c["runner_up"] else ""
            where = c["slot"] or "(no field)"
            out.append(f"{'':>23}→ {where} ← {c['text'][:40]!r} [{c['kind']}] cost {c['cost']:.2f}{runner}")
        if ln["diagnostics"]:
            out.append(f"{'':>23}! {', '.join(ln['diagnostics'])}")
    for diag in d["diagnostics"]:
        lines = f" (lines {', '.join(map(str, diag['lines'][:8]))})" if diag["lines"] else ""
        out.append(f"  {diag['level']} {diag['code']}: {diag['message']}{lines}")
    return "\n".join(out)
