"""On a terminal, parse and check show a progress bar on standard error for inputs larger than
4 MB, and end with one summary line; never in a pipe, never with --quiet. The terminal is a
pseudo-terminal (``os.openpty``) given to the command as its standard error."""
from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

import selfeval

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals on this system")
SUMMARY = re.compile(r"selfeval: (\d+) files?, (\d+) forms?, (\d+) with warnings, (\d+) with errors, "
                     r"(\d+) lines? unassigned, (\d+\.\d+) s")


def on_a_terminal(*args, timeout: float = 120) -> tuple[int, str, bytes]:
    """Run selfeval with a pseudo-terminal as standard error: (exit status, what the terminal
    showed, standard output)."""
    master, slave = os.openpty()
    env = {k: v for k, v in os.environ.items() if k != "SELFEVAL_PROGRESS_BYTES"}
    p = subprocess.Popen([sys.executable, "-m", "selfeval", *map(str, args)], cwd=ROOT, env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + timeout
    out = b""
    os.set_blocking(p.stdout.fileno(), False)
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master, p.stdout], [], [], 0.5)
            if p.stdout in ready:
                out += p.stdout.read() or b""
            if master in ready:
                try:
                    data = os.read(master, 65536)
                except OSError:         # the other end closed (EIO): the command is done
                    break
                if not data:
                    break
                shown += data
            elif p.poll() is not None and not ready:
                break
    finally:
        os.close(master)
    rest = p.stdout.read()
    out += rest or b""
    return p.wait(timeout=timeout), shown.decode("utf-8", "replace"), out


def big_input(tmp_path: Path) -> Path:
    """More than 4 MB: the seed twice, a line of 4 MiB of blanks (cheap to read), the seed again."""
    seed = SEED.read_text(encoding="utf-8")
    path = tmp_path / "big.txt"
    path.write_text(seed * 2 + " " * (4 << 20) + "\n" + seed, encoding="utf-8")
    assert path.stat().st_size > 4 << 20
    return path


def summary(shown: str) -> tuple[int, ...]:
    lines = [x for x in re.split(r"[\r\n]+", shown) if x.strip()]
    m = SUMMARY.fullmatch(lines[-1].replace("\x1b[K", "").strip())
    assert m, shown[-500:]
    return tuple(int(g) for g in m.groups()[:5])


def expected(forms, findings=None) -> tuple[int, int, int, int]:
    findings = findings or [[] for _ in forms]
    levels = [{d.level for d in f.diagnostics} | {x.level for x in fs} for f, fs in zip(forms, findings)]
    return (len(forms), sum("warning" in x for x in levels), sum("error" in x for x in levels),
            sum(len(d.lines) for f in forms for d in f.diagnostics if d.code == "unassigned" and d.level != "info"))


def test_a_large_input_shows_a_progress_bar_on_a_terminal(tmp_path):
    big = big_input(tmp_path)
    status, shown, out = on_a_terminal("parse", "--format", "jsonl", big)
    assert status == 0
    bars = re.findall(r"selfeval: \[[#-]{30}\] +\d+% [\d.]+ of 4\.\d MB, \d+ forms?", shown)
    assert bars, shown[-500:]
    assert "100%" in shown
    assert len(out.splitlines()) == 15                # standard output holds the records only
    forms = selfeval.parse_file(big)
    assert summary(shown) == (1,) + expected(forms)


def test_no_progress_bar_in_a_pipe_nor_a_summary(tmp_path):
    big = big_input(tmp_path)
    r = subprocess.run([sys.executable, "-m", "selfeval", "parse", big], capture_output=True, cwd=ROOT)
    assert r.returncode == 0 and r.stderr == b""
    r = subprocess.run([sys.executable, "-m", "selfeval", "check", SEED], capture_output=True, cwd=ROOT)
    assert r.returncode == 0 and r.stderr == b""


def test_quiet_silences_bar_and_summary(tmp_path):
    big = big_input(tmp_path)
    status, shown, _ = on_a_terminal("parse", "--quiet", big)
    assert status == 0 and shown == ""
    status, shown, _ = on_a_terminal("check", "-q", SEED)
    assert status == 0 and shown == ""


def test_a_small_input_shows_no_bar_but_the_summary(tmp_path):
    dump = tmp_path / "d.txt"
    # a line before the first form goes into no field: a warning on the first form
    dump.write_text("一段不属于任何表的说明文字\n\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    status, shown, _ = on_a_terminal("parse", dump, SEED)
    assert status == 0 and "[#" not in shown and "%" not in shown
    forms = selfeval.parse_file(dump) + selfeval.parse_file(SEED)
    got = summary(shown)
    assert got == (2,) + expected(forms)
    assert got[1] == 10 and got[4] >= 1      # the planted line went into no field


def test_check_summary_counts_its_findings(tmp_path):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    lines[22] = "20.00 19.00"                # the rows no longer add up to the total score
    dump = tmp_path / "d.txt"
    dump.write_text("\n".join(lines), encoding="utf-8")
    status, shown, out = on_a_terminal("check", dump)
    assert status == 1 and b"scores-sum" in out
    forms = selfeval.parse_file(dump)
    got = summary(shown)
    assert got == (1,) + expected(forms, [selfeval.check(f) for f in forms])
    assert got[3] == 1                         # one form with an error


def test_a_file_that_cannot_be_read_is_not_counted(tmp_path):
    status, shown, _ = on_a_terminal("parse", tmp_path / "missing.txt", SEED)
    assert status == 2
    assert "missing.txt: No such file or directory" in shown
    assert summary(shown)[:2] == (1, 5)
