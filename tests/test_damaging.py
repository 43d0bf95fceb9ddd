"""Damaged forms never make a reader fail: records drawn by hypothesis, rendered in every
dialect, then lines deleted, duplicated, swapped or moved, cells cut, labels dropped, numbers
changed, pages joined. With ``SELFEVAL_DEBUG=1`` an exception inside a form's reader would
escape instead of becoming that form's ``internal-error``: none may. ``make test`` runs the
ci profile's fixed examples, ``make test-deep`` 5,000 drawn at random."""
import os

import regex
from hypothesis import given, strategies as st

import selfeval
from selfeval.template import NATIONAL
from strategies import form_lists

MODES = ("default", "raw", "layout", "cells")
LABELS = sorted(NATIONAL.all_labels, key=len, reverse=True)
NUMBER = regex.compile(r"\d+(?:\.\d+)?")


def _at(draw, lines, spare=0):
    return draw(st.integers(0, max(0, len(lines) - 1 + spare)))


def delete(draw, lines):
    del lines[_at(draw, lines)]


def duplicate(draw, lines):
    k = _at(draw, lines)
    lines.insert(k, lines[k])


def swap(draw, lines):
    a, b = _at(draw, lines), _at(draw, lines)
    lines[a], lines[b] = lines[b], lines[a]


def move(draw, lines):
    line = lines.pop(_at(draw, lines))
    lines.insert(_at(draw, lines, spare=1), line)


def cut_cell(draw, lines):
    """A line cut in two where no wrap would cut it (inside a number, a bracket, a label)."""
    k = _at(draw, lines)
    text = lines[k]
    if len(text) > 1:
        c = draw(st.integers(1, len(text) - 1))
        lines[k:k + 1] = [text[:c], text[c:]]


def drop_label(draw, lines):
    k = _at(draw, lines)
    found = [lab for lab in LABELS if lab in lines[k]]
    if found:
        lines[k] = lines[k].replace(draw(st.sampled_from(found)), "", 1)


def change_number(draw, lines):
    k = _at(draw, lines)
    spans = [m.span() for m in NUMBER.finditer(lines[k])]
    if spans:
        a, b = draw(st.sampled_from(spans))
        new = draw(st.sampled_from(["0", "100.00", "-5.00", "99999999.99", "1e5", "0.001", ""]))
        lines[k] = lines[k][:a] + new + lines[k][b:]


def join_pages(draw, lines):
    """Blank runs and form feeds between pages gone: two forms' lines run together."""
    blanks = [k for k, x in enumerate(lines) if not x.strip() or "\f" in x]
    if blanks:
        k = draw(st.sampled_from(blanks))
        lines[k] = lines[k].replace("\f", "").strip()
        if not lines[k]:
            del lines[k]


def join_lines(draw, lines):
    k = _at(draw, lines)
    if k + 1 < len(lines):
        lines[k:k + 2] = [lines[k] + draw(st.sampled_from(["", " "])) + lines[k + 1]]


DAMAGE = (delete, duplicate, swap, move, cut_cell, drop_label, change_number, join_pages, join_lines)


@st.composite
def damaged_dumps(draw):
    forms = draw(form_lists(max_forms=2))
    mode = draw(st.sampled_from(MODES))
    lines = selfeval.render(forms, mode).split("\n")
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        draw(st.sampled_from(DAMAGE))(draw, lines)
    return mode, "\n".join(lines)


@given(damaged_dumps(), st.sampled_from(("auto", "detected")))
def test_no_exception_escapes_a_damaged_forms_reader(dump, how):
    mode, text = dump
    params = selfeval.Params(mode=mode if how == "detected" else "auto")
    before = os.environ.get("SELFEVAL_DEBUG")
    os.environ["SELFEVAL_DEBUG"] = "1"
    try:
        forms = selfeval.parse(text, params=params)
    finally:
        if before is None:
            del os.environ["SELFEVAL_DEBUG"]
        else:
            os.environ["SELFEVAL_DEBUG"] = before
    assert not [d for f in forms for d in f.diagnostics if d.code == "internal-error"]
