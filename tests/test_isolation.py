"""A failure inside one form costs that form only: its record carries ``internal-error``, the
run goes on with the next form and the next file, the output stays valid, the exit status is 3
and standard error names the form. ``SELFEVAL_DEBUG=1`` lets the exception escape."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import selfeval
import selfeval.build
from selfeval.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
MARK = "故障注入项目"          # a project name that makes the planted reader fail


@pytest.fixture
def failing_reader(monkeypatch):
    """The form reader raises on any form whose lines hold MARK, as a bug would."""
    real = selfeval.build.build_form

    def reader(segment, *args, **kwargs):
        if any(MARK in ln.text for ln in segment.lines):
            raise ValueError("planted failure")
        return real(segment, *args, **kwargs)

    monkeypatch.setattr(selfeval.build, "build_form", reader)


def _failing_dump(tmp_path: Path) -> Path:
    """The seed's first form with its project renamed, then the seed's second form."""
    forms = selfeval.parse_file(SEED)[:2]
    forms[0].project_name = MARK
    path = tmp_path / "failing.txt"
    path.write_text(selfeval.render(forms), encoding="utf-8")
    return path


def test_a_failing_form_costs_that_form_only_and_the_next_file_is_read(failing_reader, tmp_path, monkeypatch):
    monkeypatch.delenv("SELFEVAL_DEBUG", raising=False)
    bad = _failing_dump(tmp_path)
    r = CliRunner().invoke(main, ["parse", "--format", "jsonl", str(bad), str(SEED)])
    records = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 3
    assert len(records) == 2 + 5
    failed = [x for x in records if any(d["code"] == "internal-error" for d in x["diagnostics"])]
    assert len(failed) == 1 and failed[0]["source"]["file"] == str(bad)
    diag = next(d for d in failed[0]["diagnostics"] if d["code"] == "internal-error")
    assert diag["level"] == "error" and "ValueError" in diag["message"] and "planted failure" in diag["message"]
    # its lines are reported, not lost
    unassigned = {n for d in failed[0]["diagnostics"] if d["code"] == "unassigned" for n in d["lines"]}
    assert unassigned and set(diag["lines"]) <= unassigned
    # the other form of that file and the seed's five forms come out whole
    assert records[1]["project_name"] == selfeval.parse_file(SEED)[1].project_name
    assert [x["project_name"] for x in records[2:]] == [f.project_name for f in selfeval.parse_file(SEED)]
    # one line on standard error names the form
    named = [x for x in r.stderr.splitlines() if "internal error" in x]
    assert len(named) == 1 and f"{bad}:{failed[0]['source']['first_line']}:" in named[0]


def test_json_output_stays_one_valid_array_after_a_failing_form(failing_reader, tmp_path, monkeypatch):
    monkeypatch.delenv("SELFEVAL_DEBUG", raising=False)
    r = CliRunner().invoke(main, ["parse", str(_failing_dump(tmp_path)), str(SEED)])
    assert r.exit_code == 3
    assert len(json.loads(r.stdout)) == 7


def test_check_goes_on_after_a_failing_form_and_exits_3(failing_reader, tmp_path, monkeypatch):
    monkeypatch.delenv("SELFEVAL_DEBUG", raising=False)
    r = CliRunner().invoke(main, ["check", str(_failing_dump(tmp_path)), str(SEED)])
    assert r.exit_code == 3
    assert "internal-error" in r.stdout


def test_debug_lets_the_exception_escape(failing_reader, tmp_path, monkeypatch):
    monkeypatch.setenv("SELFEVAL_DEBUG", "1")
    with pytest.raises(ValueError, match="planted failure"):
        selfeval.parse_file(_failing_dump(tmp_path))


def test_the_library_isolates_a_failing_form_too(failing_reader, tmp_path, monkeypatch):
    monkeypatch.delenv("SELFEVAL_DEBUG", raising=False)
    forms = selfeval.parse_file(_failing_dump(tmp_path))
    assert [bool(f.errors()) for f in forms] == [True, False]
    assert forms[0].errors()[0].code == "internal-error"
