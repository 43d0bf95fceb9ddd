#!/usr/bin/env python3
"""Throughput of ``selfeval parse --format jsonl``, in CPU time, on two dumps of 2,000 forms.

    python3 scripts/bench.py [--runs 3] [--perf ../shared/perf/seedstyle-2000.txt] [--quick]

- ``seed x400``: the seed dump repeated 400 times (five kinds of form: flatters any cache);
- ``distinct``: 2,000 distinct forms in the seed's dialect (``--perf``; the shared perf dump).

For each: the CPU time of a ``selfeval parse --format jsonl`` process (user + system of the
child, median of ``--runs``), forms/s and MB/s by that time, the peak resident memory; the CPU
time of a one-rule TextFSM pass over the same text (the value rows only; ``pip install
textfsm``) and the ratio; the distribution of CPU time per form measured in one process
(median, p90, p99, max, with the slowest form's lines). Then, on the distinct dump: ``--jobs 2``
against ``--jobs 1`` (wall time: the point of two processes), a tenth of it (time linear in
the input: 10x the forms at most 11x the time), and 20,000 forms streamed through standard
input (peak memory flat).
"""
from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXTFSM_TEMPLATE = """Value Label ((?:\\S+\\s+)?)
Value Target ([=≥≤<>]?\\S+)
Value Actual (\\S+)
Value Weight (\\d+\\.\\d\\d)
Value Score (-?\\d+\\.\\d\\d)

Start
  ^${Label}${Target}\\s+${Actual}\\s+${Weight}\\s+${Score}\\s*$$ -> Record
"""

_CHILD = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
r = subprocess.run(["bash", "-c", sys.argv[1]])
wall = time.perf_counter() - t0
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.returncode, u.ru_utime + u.ru_stime, wall, u.ru_maxrss)
"""


def measured(cmd: str) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak resident MiB) of a shell command, measured alone."""
    r = subprocess.run([sys.executable, "-c", _CHILD, cmd], capture_output=True, text=True, cwd=ROOT)
    code, cpu, wall, peak = r.stdout.split()
    if code != "0":
        raise SystemExit(f"failed: {cmd}\n{r.stderr[-2000:]}")
    return float(cpu), float(wall), int(peak) / 1024


def median_of(runs: int, cmd: str) -> tuple[float, float, float]:
    got = [measured(cmd) for _ in range(runs)]
    return tuple(statistics.median(x[k] for x in got) for k in range(3))


def textfsm_cpu(path: Path, runs: int) -> float | None:
    try:
        import textfsm
    except ImportError:
        return None
    text = path.read_text(encoding="utf-8")
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        textfsm.TextFSM(io.StringIO(TEXTFSM_TEMPLATE)).ParseText(text)
        times.append(time.process_time() - t0)
    return statistics.median(times)


def per_form(path: Path) -> list[tuple[float, int, int]]:
    """CPU seconds of each form's reading, with its first and last line (one process)."""
    from selfeval.build import build_form
    from selfeval.decode import iter_lines
    from selfeval.lexer import lexer_for
    from selfeval.params import Params
    from selfeval.split import split_forms
    p = Params()
    out = []
    with open(path, "rb") as fh:
        for segment in split_forms(iter_lines(fh), lexer_for(p.template), p.split.page_blank_run):
            t0 = time.process_time()
            build_form(segment, p)
            out.append((time.process_time() - t0, segment.first_line, segment.last_line))
    return out


def distribution(times: list[tuple[float, int, int]]) -> str:
    xs = sorted(t for t, _, _ in times)
    q = lambda f: xs[min(len(xs) - 1, int(f * len(xs)))] * 1000   # noqa: E731
    worst = max(times)
    return (f"per form (ms): median {q(0.5):.1f}, p90 {q(0.9):.1f}, p99 {q(0.99):.1f}, max {worst[0] * 1000:.1f} "
            f"(lines {worst[1]}–{worst[2]})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--perf", default=str(ROOT.parent / "shared" / "perf" / "seedstyle-2000.txt"))
    ap.add_argument("--dir", default="/tmp/selfeval-bench")
    ap.add_argument("--quick", action="store_true", help="the two dumps only (no --jobs, tenth, stdin)")
    ap.add_argument("--repeat", type=int, default=400, help="copies of the seed dump (five forms each)")
    ap.add_argument("--stream-copies", type=int, default=10, help="copies of --perf streamed through stdin")
    a = ap.parse_args()
    work = Path(a.dir)
    work.mkdir(parents=True, exist_ok=True)
    one = (ROOT / "samples" / "songjiang-2024.txt").read_text(encoding="utf-8")
    seed = work / f"seed-x{a.repeat}.txt"
    seed.write_text("\f".join([one] * a.repeat), encoding="utf-8")
    distinct = Path(a.perf)
    parse = f"{sys.executable} -m selfeval parse --format jsonl"
    print(f"{'dump':14} {'forms':>6} {'CPU s':>7} {'forms/s':>8} {'MB/s':>6} {'peak MiB':>9} {'TextFSM s':>10} {'ratio':>6}")
    counts = {}
    for label, path in ((f"seed x{a.repeat}", seed), ("distinct", distinct)):
        cpu, _, peak = median_of(a.runs, f"{parse} {path} > /dev/null")
        times = per_form(path)
        size, forms = path.stat().st_size, len(times)
        counts[path] = forms
        fsm = textfsm_cpu(path, a.runs)
        ratio = f"{cpu / fsm:6.1f}" if fsm else "   n/a"
        print(f"{label:14} {forms:6d} {cpu:7.2f} {forms / cpu:8.0f} {size / cpu / 1e6:6.2f} {peak:9.1f} "
              f"{(fsm or 0):10.2f} {ratio}")
        print(f"  {distribution(times)}")
    if a.quick:
        return 0
    lines = distinct.read_text(encoding="utf-8").split("\n")
    tenth = work / "distinct-tenth.txt"
    tenth.write_text("\n".join(lines[:len(lines) // 10]) + "\n", encoding="utf-8")
    cpu_all, wall_one, _ = median_of(a.runs, f"{parse} --jobs 1 {distinct} > /dev/null")
    _, wall_two, _ = median_of(a.runs, f"{parse} --jobs 2 {distinct} > /dev/null")
    cpu_tenth, _, _ = median_of(a.runs, f"{parse} {tenth} > /dev/null")
    print(f"--jobs 2 speed-up against --jobs 1 (wall): {wall_one / wall_two:.2f}x; 10x the forms: {cpu_all / cpu_tenth:.2f}x "
          "the CPU time")
    stream = f"for i in $(seq {a.stream_copies}); do cat {distinct}; printf '\\n\\n\\n'; done | {parse} - > /dev/null"
    cpu, _, peak = measured(stream)
    print(f"{a.stream_copies * counts[distinct]:,} forms through standard input: {cpu:.1f} CPU s, peak {peak:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
