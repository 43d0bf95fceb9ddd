"""The command line: formats, standard input, exit statuses and messages."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
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


def cli(*args, input=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "selfeval", *args], input=input, capture_output=True,
                          cwd=cwd)


def test_directory_is_one_line_on_stderr_and_exit_2_but_others_are_parsed(tmp_path):
    r = cli("parse", str(tmp_path), str(SEED))
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == [f"selfeval: {tmp_path}: is a directory"]
    assert len(json.loads(r.stdout)) == 5


def test_binary_file_is_one_line_on_stderr_and_exit_2(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe binary")
    r = cli("parse", str(path))
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == [f"selfeval: {path}: not text: binary data (NUL bytes from byte 9)"]
    assert json.loads(r.stdout) == []


def test_utf16_text_cut_mid_character_is_read_and_holds_no_form(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("café".encode("utf-16-le") + b"\xff")
    r = cli("parse", str(path))
    assert (r.returncode, json.loads(r.stdout)) == (0, [])
    assert r.stderr.decode().splitlines() == [f"selfeval: warning: {path}: no form found"]


def test_empty_file_gives_an_empty_array_a_warning_and_exit_0(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    r = cli("parse", str(path))
    assert (r.returncode, json.loads(r.stdout)) == (0, [])
    assert r.stderr.decode().splitlines() == [f"selfeval: warning: {path}: no form found"]


def test_prose_only_file_gives_an_empty_array_a_warning_and_exit_0(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("关于公开2024年度项目支出绩效自评结果的说明\n\n根据有关规定，现将结果公开如下。\n",
                    encoding="utf-8")
    r = cli("parse", str(path))
    assert (r.returncode, json.loads(r.stdout)) == (0, [])
    assert r.stderr.decode().splitlines() == [f"selfeval: warning: {path}: no form found"]


def test_strict_exits_1_when_a_record_carries_an_error(tmp_path):
    path = tmp_path / "half.txt"
    # a form cut off after its title: no fund rows, no indicators
    path.write_text("财政项目支出绩效自评表\n（2024年度）\n项目名称 某项目\n", encoding="utf-8")
    assert cli("parse", str(path)).returncode == 0
    r = cli("parse", "--strict", str(path))
    assert r.returncode == 1 and len(json.loads(r.stdout)) == 1


def test_table_without_csv_is_a_usage_error():
    r = cli("parse", "--table", "funds", str(SEED))
    assert r.returncode == 2 and b"--format csv" in r.stderr and b"Traceback" not in r.stderr


def test_closed_pipe_ends_quietly():
    p = subprocess.Popen([sys.executable, "-m", "selfeval", "parse", "--format", "jsonl", str(SEED), str(SEED)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    p.stdout.readline()
    p.stdout.close()
    assert b"Traceback" not in p.stderr.read()
    p.wait()


def help_examples(command):
    """The example command lines printed by ``selfeval COMMAND --help``."""
    out = cli(*command, "--help").stdout.decode()
    block = out.split("Example:", 1)[1]
    lines = []
    for line in block.splitlines()[1:]:
        if not line.startswith("  ") or not line.strip():
            break
        lines.append(line.strip())
    return lines


@pytest.mark.parametrize("command", [[], ["parse"], ["check"], ["diff"], ["render"]],
                         ids=["selfeval", "parse", "check", "diff", "render"])
def test_every_help_shows_an_example_that_works(tmp_path, command):
    examples = help_examples(command)
    assert examples
    (tmp_path / "samples").mkdir()
    for name in ("songjiang-2024.txt", "songjiang-2024.json"):
        (tmp_path / "samples" / name).write_bytes((ROOT / "samples" / name).read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for example in examples:
        shell = example.replace("selfeval ", f"{sys.executable} -m selfeval ")
        r = subprocess.run(["bash", "-o", "pipefail", "-c", shell], cwd=tmp_path, env=env,
                           capture_output=True)
        assert r.returncode == 0, (example, r.stderr.decode())
        assert b"Traceback" not in r.stderr


def test_mode_forces_the_reader():
    raw = ROOT / "samples" / "a-raw-000.txt"
    auto = cli("diff", str(raw.with_suffix(".json")), str(raw))
    forced = cli("diff", "--mode", "default", str(raw.with_suffix(".json")), str(raw))
    assert (auto.returncode, auto.stdout) == (0, b"")
    assert forced.returncode == 1 and forced.stdout
