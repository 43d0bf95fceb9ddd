#!/usr/bin/env python3
"""Throughput of ``selfeval parse --format jsonl``: forms/s, MB/s and peak memory.

    python3 scripts/bench.py [--forms 10000] [--repeat 400] [--stdin-forms 20000] [--dir DIR]

Builds, under DIR (default: a temporary directory):
- ``rendered.txt``: ``--forms`` distinct forms written by the renderer from the records of
  ``samples/*.json`` (each copy with its own project name and its own random layout);
- ``seed.txt``: the seed dump repeated ``--repeat`` times (5 forms each).
Then times each (elapsed, peak resident memory of its processes, by getrusage), the rendered
dump again with ``--jobs 2`` and a tenth of it (linear growth), ``--stdin-forms`` forms fed
through standard input, and a one-rule TextFSM pass over the seed dump (needs ``textfsm``,
installed by ``make bench`` only) for the ratio the throughput issue asks for.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfeval import Form, Layout, render  # noqa: E402

VALUE_ROW = r"^(\S+\s+)?([=≥≤<>]?\S+)\s+(\S+)\s+(\d+\.\d\d)\s+(-?\d+\.\d\d)\s*$"
TEXTFSM_TEMPLATE = """Value Label ((?:\\S+\\s+)?)
Value Target ([=≥≤<>]?\\S+)
Value Actual (\\S+)
Value Weight (\\d+\\.\\d\\d)
Value Score (-?\\d+\\.\\d\\d)

Start
  ^${Label}${Target}\\s+${Actual}\\s+${Weight}\\s+${Score}\\s*$$ -> Record
"""


def random_layout(rng: random.Random) -> Layout:
    return attrs.evolve(
        Layout(),
        band_rows=rng.randint(4, 7), first_band_rows=rng.randint(3, 5), chunk_rows=rng.randint(2, 4),
        goal_first=rng.choice(("actual", "expected")), exec_position=rng.choice(("before", "after")),
        title_first=rng.random() < 0.5, page_separator=rng.choice(("blank", "formfeed")),
        weight_word=rng.choice(("分数", "分值")),
    )


def rendered_dump(path: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    records = [r for p in sorted((ROOT / "samples").glob("*.json"))
               for r in json.loads(p.read_text(encoding="utf-8"))]
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            form = Form.from_dict(records[k % len(records)])
            form.project_name = f"{form.project_name or '项目'}（第{k + 1}批）"
            out.write(render([form], random_layout(rng)))
            out.write("\f")


_WRAPPER = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
r = subprocess.run(["bash", "-c", sys.argv[1]])
t = time.perf_counter() - t0
print(r.returncode, t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(cmd: str) -> tuple[float, float]:
    """(elapsed seconds, peak resident MiB of its processes) of a shell command: a fresh
    Python runs it and reports its children's peak (getrusage), so each command is measured
    on its own."""
    r = subprocess.run([sys.executable, "-c", _WRAPPER, cmd], capture_output=True, text=True, cwd=ROOT)
    code, seconds, peak_kib = r.stdout.split()
    if code != "0" or r.returncode:
        raise SystemExit(f"failed: {cmd}\n{r.stderr[-2000:]}")
    return float(seconds), int(peak_kib) / 1024


def textfsm_pass(path: Path) -> float:
    import textfsm
    text = path.read_text(encoding="utf-8")
    t0 = time.perf_counter()
    textfsm.TextFSM(io.StringIO(TEXTFSM_TEMPLATE)).ParseText(text)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--forms", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=400)
    ap.add_argument("--stdin-forms", type=int, default=20000)
    ap.add_argument("--dir")
    a = ap.parse_args()
    work = Path(a.dir) if a.dir else Path(tempfile.mkdtemp(prefix="selfeval-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    one_text = (ROOT / "samples" / "songjiang-2024.txt").read_text(encoding="utf-8")
    one, seed = work / "one.txt", work / "seed.txt"
    one.write_text(one_text, encoding="utf-8")
    seed.write_text("\f".join([one_text] * a.repeat), encoding="utf-8")
    rendered, tenth = work / "rendered.txt", work / "rendered-tenth.txt"
    rendered_dump(rendered, a.forms)
    rendered_dump(tenth, a.forms // 10)
    parse = f"{sys.executable} -m selfeval parse --format jsonl"
    rows = []

    def run(label: str, cmd: str, forms: int, size: int) -> float:
        t, peak = timed(cmd)
        rows.append((label, forms, t, forms / t, size / t / 1e6, peak))
        return t

    t_seed = run("seed x%d" % a.repeat, f"{parse} {seed} > /dev/null", 5 * a.repeat, seed.stat().st_size)
    t_all = run(f"rendered {a.forms}", f"{parse} {rendered} > /dev/null", a.forms, rendered.stat().st_size)
    t_tenth = run(f"rendered {a.forms // 10}", f"{parse} {tenth} > /dev/null", a.forms // 10, tenth.stat().st_size)
    t_two = run(f"rendered {a.forms}, --jobs 2", f"{parse} --jobs 2 {rendered} > /dev/null", a.forms,
                rendered.stat().st_size)
    copies = max(1, a.stdin_forms // 5)
    run(f"stdin {5 * copies} (seed)", f"for i in $(seq {copies}); do cat {one}; printf '\\f'; done "
        f"| {parse} - > /dev/null", 5 * copies, one.stat().st_size * copies)
    print(f"{'input':32} {'forms':>7} {'seconds':>8} {'forms/s':>8} {'MB/s':>6} {'peak MiB':>9}")
    for label, forms, t, fps, mbs, peak in rows:
        print(f"{label:32} {forms:7d} {t:8.2f} {fps:8.0f} {mbs:6.2f} {peak:9.1f}")
    print(f"--jobs 2 speed-up: {t_all / t_two:.2f}x; tenfold input: {t_all / t_tenth:.2f}x the time")
    try:
        t_fsm = textfsm_pass(seed)
        print(f"TextFSM one-rule pass over the seed dump: {t_fsm:.2f} s; selfeval / TextFSM = {t_seed / t_fsm:.1f}")
    except ImportError:
        print("TextFSM not installed (make bench installs it): no ratio")
    print(f"dumps in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
