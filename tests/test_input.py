"""Legacy input: every encoding, line end and page break of real dumps gives the same records."""
import subprocess
import sys
from pathlib import Path

import pytest

import selfeval
from selfeval.decode import normalise
from selfeval.diff import differences

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
TEXT = SEED.read_text(encoding="utf-8")
RECORDS = [f.to_dict() for f in selfeval.parse(TEXT)]


def with_form_feeds(text: str) -> str:
    """Each page break (the seed has runs of blank lines) marked with pdftotext's form feed,
    at the start of the next page's first line; the line count stays the same."""
    return text.replace("\n\n\n\n", "\n\n\n\n\f")


COPIES = {
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "utf-8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "form-feeds": lambda t: with_form_feeds(t).encode("utf-8"),
    "trailing-spaces": lambda t: t.replace("\n", "  \n").encode("utf-8"),
}


@pytest.mark.parametrize("name", COPIES, ids=list(COPIES))
def test_copy_of_the_seed_gives_the_same_records(name):
    got = [f.to_dict() for f in selfeval.parse_bytes(COPIES[name](TEXT))]
    assert differences(RECORDS, got) == []
    assert [r["source"]["first_line"] for r in got] == [r["source"]["first_line"] for r in RECORDS]


def test_form_feed_copy_really_has_form_feeds():
    assert with_form_feeds(TEXT).count("\f") >= 4


def test_encoding_can_be_forced_on_the_command_line(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    for extra in ([], ["--encoding", "gb18030"]):
        r = subprocess.run([sys.executable, "-m", "selfeval", "diff", *extra, str(ROOT / "samples" / "songjiang-2024.json"),
                            str(path)], capture_output=True, text=True, cwd=ROOT)
        assert (r.returncode, r.stdout) == (0, "")
    r = subprocess.run([sys.executable, "-m", "selfeval", "parse", "--encoding", "utf-8", str(path)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "not text: not valid utf-8" in r.stderr


FULL = str.maketrans("0123456789.%=", "０１２３４５６７８９．％＝")


def full_width_numbers(text: str) -> str:
    """Every digit, decimal point, per cent and equals sign written full-width, and the
    brackets of units after a figure too, as some producers print them."""
    out = text.translate(FULL)
    for unit in ("万元", "人", "%", "％", "次", "个"):
        out = out.replace(f"({unit})", f"（{unit}）")
    return out


def test_full_width_numbers_read_as_numbers():
    assert normalise("＝１２．００（次） １２．００（次） ８．００ ８．００") == "=12.00(次) 12.00(次) 8.00 8.00"
    assert normalise("完成率９５％，较好") == "完成率95%，较好"
    assert normalise("１，０００．９９") == "1,000.99"


def test_brackets_and_commas_of_words_stay_as_printed():
    assert normalise("困难群众救助人次（含低保户），及时发放") == "困难群众救助人次（含低保户），及时发放"
    assert normalise("第（１）项") == "第（1）项"


def test_seed_with_full_width_numbers_gives_the_same_records():
    got = [f.to_dict() for f in selfeval.parse(full_width_numbers(TEXT))]
    assert differences(RECORDS, got) == []
