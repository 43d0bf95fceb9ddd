"""parse --format csv: one row per indicator / fund row / form, safe to open in Excel."""
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from selfeval.export import TABLES, CsvWriter, excel_safe
from selfeval.model import CellValue, Form, Indicator, Source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"


def seed_csv(*options):
    r = subprocess.run([sys.executable, "-m", "selfeval", "parse", "--format", "csv", *options, str(SEED)],
                       capture_output=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return r.stdout


def rows_of(data: bytes):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def test_seed_indicators_table_has_a_row_per_indicator_and_no_formula():
    header, *rows = rows_of(seed_csv("--table", "indicators"))
    assert header == list(TABLES["indicators"])
    assert len(rows) == 86
    starts = [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@")]
    assert all(is_number(c) for c in starts), [c for c in starts if not is_number(c)]


def test_operator_sits_in_its_own_column_and_the_figure_is_a_number():
    header, *rows = rows_of(seed_csv())        # indicators is the default table
    first = dict(zip(header, rows[0]))
    assert (first["target_op"], first["target"], first["target_value"], first["target_unit"]) == \
        ("＝", "360.95(万元)", "360.95", "万元")
    assert (first["weight"], first["score"]) == ("20.0", "18.0")
    assert first["file"].endswith("songjiang-2024.txt") and first["form_index"] == "0"


def test_funds_and_forms_tables():
    header, *funds = rows_of(seed_csv("--table", "funds"))
    assert header == list(TABLES["funds"]) and len(funds) == 20
    header, *forms = rows_of(seed_csv("--table", "forms"))
    assert header == list(TABLES["forms"]) and len(forms) == 5
    assert [r[header.index("grade")] for r in forms] == ["优"] * 5


def test_bom_on_request_only():
    assert seed_csv("--bom").startswith(b"\xef\xbb\xbffile,")
    assert seed_csv().startswith(b"file,")


def test_lines_end_with_crlf_for_excel():
    assert seed_csv().split(b"\n", 1)[0].endswith(b"\r")


@pytest.mark.parametrize("text", ["=SUM(A1:A9)", "+86 电话", "-", "-3.00(%)", "@用户"])
def test_text_that_would_start_a_formula_stays_text(text):
    assert excel_safe(text) == "'" + text
    assert excel_safe(-3.0) == -3.0 and excel_safe("达成指标") == "达成指标" and excel_safe(None) == ""


def test_a_hostile_name_is_written_as_text():
    ind = Indicator("产出指标", "数量指标", "=HYPERLINK(\"x\")", "-2.00(次)", "=1.00(次)",
                    CellValue(None, -2.0, "次"), CellValue("=", 1.0, "次"), 5.0, 5.0, None)
    out = io.StringIO()
    w = CsvWriter(out, "indicators")
    w.write(Form(title="t", indicators=[ind], source=Source("a.txt", 0, 1, 9)))
    header, row = rows_of(out.getvalue().encode())
    cells = dict(zip(header, row))
    assert cells["name"] == "'=HYPERLINK(\"x\")"
    assert (cells["target_op"], cells["target"], cells["target_value"]) == ("", "'-2.00(次)", "-2.0")
    assert (cells["actual_op"], cells["actual"]) == ("＝", "1.00(次)")
