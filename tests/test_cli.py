"""The command line: formats, standard input, exit statuses and messages."""
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from selfeval.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_parse_writes_one_json_array():
    r = run("parse", str(SEED))
    assert r.exit_code == 0
    records = json.loads(r.output)
    assert [x["project_name"] for x in records][:1] == ["编外人员工作经费"]
    assert len(records) == 5


def test_parse_jsonl_writes_one_record_per_line():
    r = run("parse", "--format", "jsonl", str(SEED))
    lines = r.output.strip().split("\n")
    assert r.exit_code == 0 and len(lines) == 5
    assert all(json.loads(x)["title"] == "财政项目支出绩效自评表" for x in lines)


def test_parse_reads_standard_input():
    r = run("parse", "-", input=SEED.read_bytes())
    assert r.exit_code == 0 and len(json.loads(r.output)) == 5
    assert json.loads(r.output)[0]["source"]["file"] is None


def test_missing_file_is_one_line_on_stderr_and_exit_2_but_others_are_parsed():
    r = subprocess.run([sys.executable, "-m", "selfeval", "parse", "no-such-file.txt", str(SEED)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == ["selfeval: no-such-file.txt: No such file or directory"]
    assert len(json.loads(r.stdout)) == 5


def test_text_without_a_form_gives_an_empty_array_and_a_warning():
    r = subprocess.run([sys.executable, "-m", "selfeval", "parse", "-"], input="只是一段说明文字。\n",
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0
    assert json.loads(r.stdout) == []
    assert "no form found" in r.stderr and "Traceback" not in r.stderr


def test_module_runs_from_the_repo_root():
    r = subprocess.run([sys.executable, "-m", "selfeval", "parse", str(SEED)], capture_output=True,
                       cwd=ROOT)
    assert r.returncode == 0
    assert len(json.loads(r.stdout.decode("utf-8"))) == 5
