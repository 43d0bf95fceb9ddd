"""Streaming and parallel parsing: records come out while the input still comes in, and
--jobs gives the same records in the same order."""
import io
import json
import subprocess
import sys
import threading
from pathlib import Path

import selfeval
from selfeval.decode import decode_bytes, iter_lines, split_lines

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"


class Trickle(io.RawIOBase):
    """A stream that gives a few bytes at a time, like a pipe."""

    def __init__(self, data: bytes, n: int):
        self.data, self.n, self.pos = data, n, 0

    def readable(self):
        return True

    def readinto(self, b):
        k = min(len(b), self.n, len(self.data) - self.pos)
        b[:k] = self.data[self.pos:self.pos + k]
        self.pos += k
        return k


def test_lines_read_a_little_at_a_time_are_the_lines_of_the_whole():
    data = SEED.read_bytes()
    for variant in (data, data.decode("utf-8").encode("gb18030"), data.replace(b"\n", b"\r\n"),
                    data.replace(b"\n", b"\r"), b"\xef\xbb\xbf" + data + b"no line end"):
        for n in (1, 7, 4096):
            assert list(iter_lines(io.BufferedReader(Trickle(variant, n)), chunk=64)) == \
                split_lines(decode_bytes(variant))


def test_a_record_comes_out_before_the_input_ends():
    """The seed's five forms written to standard input, which stays open: the first record
    is printed (the forms after it have shown where it ends) before the input is closed."""
    p = subprocess.Popen([sys.executable, "-m", "selfeval", "parse", "--format", "jsonl", "-"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT)
    p.stdin.write(SEED.read_bytes() + b"\n\n\n")
    p.stdin.flush()
    got = []
    reader = threading.Thread(target=lambda: got.append(p.stdout.readline()))
    reader.start()
    reader.join(timeout=20)
    alive = reader.is_alive()
    p.stdin.close()
    p.wait(timeout=20)
    assert not alive, "no record before the end of the input"
    assert json.loads(got[0])["source"]["form_index"] == 0


def test_jobs_give_the_same_records_in_the_same_order(tmp_path):
    dump = tmp_path / "many.txt"
    dump.write_text((SEED.read_text(encoding="utf-8") + "\f") * 8, encoding="utf-8")
    one = subprocess.run([sys.executable, "-m", "selfeval", "parse", "--format", "jsonl", str(dump)],
                         capture_output=True, cwd=ROOT)
    two = subprocess.run([sys.executable, "-m", "selfeval", "parse", "--format", "jsonl", "--jobs", "2",
                          str(dump)], capture_output=True, cwd=ROOT)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 40


def test_library_streams_a_file(tmp_path):
    forms = list(selfeval.iter_stream(SEED.open("rb"), str(SEED)))
    assert [f.to_dict() for f in forms] == [f.to_dict() for f in selfeval.parse_file(SEED)]


def test_benchmark_runs_on_a_small_scale(tmp_path):
    r = subprocess.run([sys.executable, "scripts/bench.py", "--runs", "1", "--repeat", "2", "--stream-copies", "2",
                        "--perf", str(SEED), "--dir", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "forms/s" in r.stdout and "--jobs 2 speed-up" in r.stdout
