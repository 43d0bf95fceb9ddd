"""selfeval diff: each differing field as a path, for people checking rules on their samples."""
import json
import subprocess
import sys
from pathlib import Path

from selfeval.diff import differences

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
EXPECTED = ROOT / "samples" / "songjiang-2024.json"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "selfeval", "diff", *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_seed_matches_its_hand_checked_records():
    r = cli(str(EXPECTED), str(SEED))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_a_differing_field_is_printed_with_its_path_and_exit_1(tmp_path):
    records = json.loads(EXPECTED.read_text(encoding="utf-8"))
    got_name = records[1]["indicators"][2]["name"]
    records[1]["indicators"][2]["name"] = "改过的名称"
    records[0]["funds"][0]["executed"] = 1.5
    path = tmp_path / "expected.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    r = cli(str(path), str(SEED))
    assert r.returncode == 1
    assert r.stdout.splitlines() == [
        "form[0].funds[0].executed: expected 1.5 got 319.93",
        f'form[1].indicators[2].name: expected "改过的名称" got "{got_name}"',
    ]


def test_records_may_be_compared_with_records(tmp_path):
    r = cli(str(EXPECTED), str(EXPECTED))
    assert r.returncode == 0


def test_missing_and_extra_rows_are_named_not_dumped():
    want = [{"project_name": "甲", "indicators": [{"name": "一"}, {"name": "二"}]}]
    got = [{"project_name": "甲", "indicators": [{"name": "一"}]}, {"project_name": "乙"}]
    assert differences(want, got) == [
        'form[0].indicators[1]: expected {name: "二"} got nothing',
        'form[1]: expected nothing got {project_name: "乙"}',
    ]


def test_integral_figures_equal_their_float_and_keys_left_out_are_not_compared():
    assert differences([{"year": 2024, "weight": 10}], [{"year": 2024, "weight": 10.0, "grade": "优"}]) == []
    assert differences([{"source": {"file": "a"}, "diagnostics": [1]}], [{"source": {}, "diagnostics": []}]) == []


def test_unreadable_expected_file_exits_2():
    r = cli("no-such.json", str(SEED))
    assert r.returncode == 2 and r.stderr.startswith("selfeval: no-such.json: ")
