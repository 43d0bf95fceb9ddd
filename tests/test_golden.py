"""Golden tests: every samples/NAME.txt parses to exactly samples/NAME.json.

The expected files are hand-checked records; they hold the fields a person checked (no
``source``, ``diagnostics`` or ``*_parsed``), so the parsed records are compared on exactly
those keys, with exact equality (no whitespace folding, no numeric tolerance).
"""
import json
from pathlib import Path

import pytest

import selfeval
from handmade import project

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DUMPS = sorted(SAMPLES.glob("*.txt"))


def test_there_are_samples():
    assert DUMPS, "samples/ holds no dumps"
    for txt in DUMPS:
        assert txt.with_suffix(".json").exists(), f"{txt.name} has no expected records"


@pytest.mark.parametrize("txt", DUMPS, ids=[p.stem for p in DUMPS])
def test_sample_parses_to_its_hand_checked_records(txt):
    expected = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    got = [f.to_dict() for f in selfeval.parse_file(txt)]
    assert len(got) == len(expected)
    for i, (g, e) in enumerate(zip(got, expected)):
        assert project(g, e) == e, f"form {i} differs"


@pytest.mark.parametrize("txt", DUMPS, ids=[p.stem for p in DUMPS])
def test_sample_leaves_no_line_unassigned_and_no_error(txt):
    for form in selfeval.parse_file(txt):
        codes = [d.code for d in form.diagnostics]
        assert "unassigned" not in codes
        assert not form.errors()
