"""parse --format xlsx -o FILE: the CSV tables as the sheets of one workbook, read back with
openpyxl (skipped without it: pip install selfeval[xlsx]); -o for every format."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from selfeval.export import TABLES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
PLANTED = "=cmd|' /C calc'!A0"


def selfeval(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selfeval", *map(str, args)], capture_output=True, cwd=ROOT, **kw)


def workbook(path: Path):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install selfeval[xlsx]")
    return openpyxl.load_workbook(path)


def width(text: str) -> int:
    from selfeval.text import width as w
    return w(text)


@pytest.fixture(scope="module")
def seed_book(tmp_path_factory):
    pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install selfeval[xlsx]")
    out = tmp_path_factory.mktemp("xlsx") / "s.xlsx"
    r = selfeval("parse", "--format", "xlsx", "-o", out, SEED)
    assert r.returncode == 0 and r.stdout == b"", r.stderr.decode()
    return out


def test_seed_workbook_has_the_four_tables(seed_book):
    book = workbook(seed_book)
    assert book.sheetnames == ["forms", "funds", "indicators", "diagnostics"]
    counts = {name: book[name].max_row - 1 for name in book.sheetnames}
    assert (counts["forms"], counts["funds"], counts["indicators"]) == (5, 20, 86)
    import selfeval
    assert counts["diagnostics"] == sum(len(f.diagnostics) for f in selfeval.parse_file(SEED))
    for name in book.sheetnames:
        assert [c.value for c in book[name][1]] == list(TABLES[name])


def test_numbers_are_numbers_and_no_cell_is_a_formula(seed_book):
    book = workbook(seed_book)
    ind = book["indicators"]
    header = [c.value for c in ind[1]]
    for column in ("weight", "score", "target_value", "form_index", "year", "row"):
        values = [row[header.index(column)].value for row in ind.iter_rows(min_row=2)]
        assert all(isinstance(v, (int, float)) for v in values if v is not None), column
    first = {h: c.value for h, c in zip(header, ind[2])}
    assert (first["target_op"], first["target"], first["target_value"], first["weight"], first["score"]) == \
        ("＝", "360.95(万元)", 360.95, 20, 18)
    assert all(c.data_type != "f" for sheet in book for row in sheet.iter_rows() for c in row)
    with zipfile.ZipFile(seed_book) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert len(sheets) == 4 and not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)


def test_header_frozen_filtered_and_columns_fit_chinese(seed_book):
    book = workbook(seed_book)
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert all(c.font.b for c in sheet[1])
    forms = book["forms"]
    header = [c.value for c in forms[1]]
    col = forms.cell(1, header.index("department") + 1).column_letter
    longest = max(width(r[header.index("department")].value) for r in forms.iter_rows(min_row=2))
    assert forms.column_dimensions[col].width >= longest        # a CJK character counts as two


def test_a_planted_formula_stays_text(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("编外人员工作经费", PLANTED, 1)
    dump = tmp_path / "planted.txt"
    dump.write_text(text, encoding="utf-8")
    out = tmp_path / "planted.xlsx"
    pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install selfeval[xlsx]")
    r = selfeval("parse", "--format", "xlsx", "-o", out, dump)
    assert r.returncode == 0, r.stderr.decode()
    book = workbook(out)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value == PLANTED]
    assert len(cells) == 1 + 10 + 4          # the form's row, its 10 indicator rows, its 4 fund rows
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_the_writer_keeps_every_formula_start_as_text(tmp_path):
    pytest.importorskip("openpyxl", reason="openpyxl is not installed: pip install selfeval[xlsx]")
    from selfeval.export import XlsxWriter
    from selfeval.model import Form, Indicator, Source
    names = [PLANTED, "+1+1", "-2+3", "@SUM(A1:A2)", "=1+1"]
    form = Form(project_name="=HYPERLINK(\"x\")", source=Source("f.txt", 0, 1, 9),
                indicators=[Indicator("a", "b", n, "=1", "=2", weight=1.0, score=1.0) for n in names])
    out = tmp_path / "w.xlsx"
    w = XlsxWriter(out)
    w.write(form)
    w.close()
    book = workbook(out)
    ind = book["indicators"]
    header = [c.value for c in ind[1]]
    got = [row[header.index("name")] for row in ind.iter_rows(min_row=2)]
    assert [c.value for c in got] == names and all(c.data_type == "s" for c in got)
    assert book["forms"]["D2"].value == "=HYPERLINK(\"x\")" and book["forms"]["D2"].data_type == "s"


def test_xlsx_needs_an_output_file():
    r = selfeval("parse", "--format", "xlsx", SEED)
    assert r.returncode == 2 and b"-o FILE" in r.stderr and r.stdout == b""


def test_xlsx_without_openpyxl_is_one_clear_line_and_exit_2(tmp_path):
    code = ("import sys; sys.modules['openpyxl'] = None\n"
            "from selfeval.cli import entry\n"
            f"sys.argv = ['selfeval', 'parse', '--format', 'xlsx', '-o', {str(tmp_path / 'x.xlsx')!r}, {str(SEED)!r}]\n"
            "entry()\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT)
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == ["selfeval: --format xlsx needs openpyxl: pip install selfeval[xlsx]"]
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_output_option_writes_what_stdout_would(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    to_file = selfeval("parse", "--format", fmt, "-o", out, SEED)
    to_stdout = selfeval("parse", "--format", fmt, SEED)
    assert to_file.returncode == to_stdout.returncode == 0
    assert to_file.stdout == b"" and out.read_bytes() == to_stdout.stdout


def test_output_to_a_missing_directory_is_one_line_and_exit_2(tmp_path):
    r = selfeval("parse", "-o", tmp_path / "no" / "such" / "out.json", SEED)
    assert r.returncode == 2
    missing = tmp_path / "no" / "such" / "out.json"
    assert r.stderr.decode().splitlines() == [f"selfeval: {missing}: No such file or directory"]


def test_csv_has_a_diagnostics_table():
    r = selfeval("parse", "--format", "csv", "--table", "diagnostics", SEED)
    lines = r.stdout.decode().splitlines()
    assert lines[0] == ",".join(TABLES["diagnostics"]) == "file,form_index,level,code,message,lines"
    assert any(",warning,name-group-conflict," in x and x.endswith(",200") for x in lines)
