"""Hostile input costs bounded time and memory: every line repeated, form lines mixed with
random Chinese, a form of 160 rows. Timings are CPU time, as ratios to the seed's own time
measured in the same test; memory is the peak of a process that parses the file alone."""
import json
import random
import subprocess
import sys
from pathlib import Path

import selfeval
from selfeval.template import NATIONAL
from timing import least_ratio

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
GOLD = json.loads((ROOT / "samples" / "songjiang-2024.json").read_text(encoding="utf-8"))

PEAK = """
import resource, sys
import selfeval
selfeval.parse_file(sys.argv[1])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def peak_mib(path: Path) -> int:
    r = subprocess.run([sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, cwd=ROOT, check=True)
    return int(r.stdout.split()[-1])


def test_every_line_repeated_costs_a_bounded_multiple_of_the_seed(tmp_path):
    lines = SEED_TEXT.split("\n")
    starts = [k for k, x in enumerate(lines) if x.startswith(NATIONAL.fund_columns["initial_budget"][0])]
    last_form = lines[starts[-1]:]
    fourfold = "\n".join(x for x in last_form for _ in range(4))
    doubled = "\n".join(x for x in lines for _ in range(2))
    for text in (fourfold, doubled):
        assert least_ratio(text, SEED_TEXT, 2) <= 10
        path = tmp_path / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        assert peak_mib(path) < 200


def test_a_megabyte_of_form_lines_and_random_chinese_is_bounded(tmp_path):
    rng = random.Random(7)
    lines = [x for x in SEED_TEXT.split("\n")]
    out, size = [], 0
    while size < 1_000_000:
        x = rng.choice(lines) if rng.random() < 0.5 else "".join(chr(rng.randint(0x4E00, 0x9FA5))
                                                                 for _ in range(rng.randint(1, 30)))
        out.append(x)
        size += len(x.encode("utf-8")) + 1
    text = "\n".join(out)
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    assert least_ratio(text, SEED_TEXT) <= 40      # 25-35x on a quiet machine
    assert peak_mib(path) < 300


def test_a_form_of_160_rows_is_read_whole_or_says_it_is_not():
    form = json.loads(json.dumps(GOLD[4]))
    rows = []
    for k in range(160 // len(form["indicators"]) + 1):
        rows += [dict(r, name=f"{r['name']}（第{k + 1}批）") for r in form["indicators"]]
    order = {g: k for k, g in enumerate(NATIONAL.level2)}
    form["indicators"] = sorted(rows[:160], key=lambda r: order[r["level2"]])
    fund = form["funds"][0]
    form["total"] = {"weight": round(sum(r["weight"] for r in form["indicators"]) + fund["weight"], 2),
                     "score": round(sum(r["score"] for r in form["indicators"]) + fund["score"], 2)}
    form["grade"] = NATIONAL.grade_of(form["total"]["score"])
    text = selfeval.render([selfeval.Form.from_dict(form)])
    assert least_ratio(text, SEED_TEXT, 2) <= 10
    got, = selfeval.parse(text)
    exact = not selfeval.differences([form], [got.to_dict()])
    assert exact or got.errors()
