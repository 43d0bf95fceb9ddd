"""Damaged input costs only what it touches: other encodings, bytes that do not decode, NULs,
a file cut mid-character, control characters, file names from other systems. Every file here
is written by the test from the seed sample."""
import json
import subprocess
import sys
from pathlib import Path

import selfeval
from selfeval.diff import differences

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
GOLD = json.loads((ROOT / "samples" / "songjiang-2024.json").read_text(encoding="utf-8"))


def run(*args, **kw):
    args = [a if isinstance(a, bytes) else str(a) for a in args]
    return subprocess.run([sys.executable, "-m", "selfeval", *args], capture_output=True, cwd=ROOT, **kw)


def exact(forms) -> int:
    return sum(not differences([g], [f.to_dict()]) for g, f in zip(GOLD, forms))


def codes_on(forms, line: int) -> set[str]:
    return {d.code for f in forms for d in f.diagnostics if line in d.lines}


def middle_offset(data: bytes, at: float = 0.5) -> int:
    """An offset inside a multi-byte character, about ``at`` of the way through."""
    k = int(len(data) * at)
    while not (data[k] & 0xC0 == 0x80):
        k += 1
    return k


def line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def test_utf16_with_or_without_its_byte_order_mark_gives_the_same_records(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    for name, data in (("le-bom", text.encode("utf-16")), ("be", text.encode("utf-16-be")),
                       ("le", text.encode("utf-16-le"))):
        assert exact(selfeval.parse_bytes(data)) == 5, name
    path = tmp_path / "seed-utf16.txt"
    path.write_bytes(text.encode("utf-16-be"))
    r = run("parse", "--encoding", "utf-16", path)
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 5


def test_a_file_cut_mid_character_keeps_its_complete_forms_and_warns_on_the_last_line():
    data = SEED.read_bytes()
    cut = data[:middle_offset(data, 0.45)]
    forms = selfeval.parse_bytes(cut)
    assert exact(forms[:2]) == 2
    last = cut.count(b"\n") + 1
    assert "bad-bytes" in codes_on(forms, last)


def test_a_nul_or_three_bad_bytes_cost_only_their_line():
    data = SEED.read_bytes()
    k = data.index(b"\n", len(data) // 2) + 1            # the start of a line in the middle
    for damage in (b"\x00", b"\xff\xfe\xfd"):
        broken = data[:k] + damage + data[k:]
        forms = selfeval.parse_bytes(broken)
        assert len(forms) == 5 and exact(forms) >= 4
        bad = [d for f in forms for d in f.diagnostics if d.code == "bad-bytes"]
        assert [d.lines for d in bad] == [[line_of(broken, k)]] and str(k) in bad[0].message
        r = run("parse", "-", input=broken)
        assert r.returncode == 0


def test_binary_data_is_refused_with_where_its_nuls_start(tmp_path):
    path = tmp_path / "scan.bin"
    path.write_bytes(b"%PDF-1.7 header\n" + bytes(range(256)) * 8)
    r = run("parse", path)
    assert r.returncode == 2 and b"NUL bytes from byte 16" in r.stderr


def test_control_characters_are_removed_from_fields_and_said():
    text = SEED.read_text(encoding="utf-8").replace("编外人员工作经费", "编外人员\x1b[31m工作经费\x07", 1)
    forms = selfeval.parse(text)
    assert forms[0].project_name == "编外人员工作经费"
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "\x1b" in t)
    assert "control-characters" in codes_on(forms, line)
    assert "\x1b" not in json.dumps([f.to_dict() for f in forms])


def test_a_file_name_in_other_bytes_gives_valid_json(tmp_path):
    name = bytes(tmp_path) + b"/form-\xff\xfe.txt"
    with open(name, "wb") as fh:
        fh.write(SEED.read_bytes())
    for fmt in ("json", "jsonl", "csv"):
        r = run("parse", "--format", fmt, name)
        assert r.returncode == 0
        out = r.stdout.decode("utf-8")
        if fmt == "json":
            records = json.loads(out)
            assert len(records) == 5 and records[0]["source"]["file"].endswith("form-\\xff\\xfe.txt")
        elif fmt == "jsonl":
            assert len([json.loads(x) for x in out.splitlines()]) == 5


def test_a_json_error_is_reported_where_it_is(tmp_path):
    text = json.dumps(GOLD, ensure_ascii=False, indent=2)
    cut = tmp_path / "cut.json"
    cut.write_text(text[:3000], encoding="utf-8")
    line = text[:3000].count("\n") + 1
    for cmd in (("render", cut), ("diff", cut, SEED)):
        r = run(*cmd)
        assert r.returncode == 2 and f"line {line} column".encode() in r.stderr


def test_records_that_break_the_schema_exit_2_with_the_first_bad_field(tmp_path):
    bad = json.loads(json.dumps(GOLD))
    bad[0]["indicators"][3]["weight"] = "ten"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    r = run("render", path)
    assert r.returncode == 2 and b"[0].indicators[3].weight: not a number" in r.stderr
    r = run("diff", deep, SEED)
    assert r.returncode == 2 and b"nested too deep" in r.stderr


def test_check_finds_a_form_that_lost_its_title_block_values():
    text = SEED.read_text(encoding="utf-8")
    last = text.rindex("项目名称")
    end = text.index("\n", last)
    damaged = text[:last] + "项目名称" + text[end:]
    r = run("check", "-", input=damaged.encode("utf-8"))
    assert r.returncode == 1 and b"parse-missing-project-name" in r.stdout


def test_strict_names_the_forms_that_made_it_exit_1():
    text = SEED.read_text(encoding="utf-8")
    last = text.rindex("项目名称")
    end = text.index("\n", last)
    r = run("parse", "--strict", "-", input=(text[:last] + "项目名称" + text[end:]).encode("utf-8"))
    named = [x for x in r.stderr.decode().splitlines() if "missing-project-name" in x]
    assert r.returncode == 1 and len(named) == 1 and "form 4" in named[0]
