"""The record types convert to and from exactly the JSON of SPEC.md."""
import json
from pathlib import Path

import selfeval
from selfeval.model import CellValue, Form

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

FORM_KEYS = ["title", "year", "project_name", "department", "implementing_unit", "funds", "goals",
             "indicators", "total", "grade", "source", "diagnostics"]
FUND_KEYS = ["item", "initial_budget", "annual_budget", "executed", "weight", "execution_rate", "score"]
INDICATOR_KEYS = ["level1", "level2", "name", "target", "actual", "target_parsed", "actual_parsed",
                  "weight", "score", "deviation"]


def seed_forms():
    return selfeval.parse_file(SAMPLES / "songjiang-2024.txt")


def test_keys_come_in_the_contracts_order():
    d = seed_forms()[0].to_dict()
    assert list(d) == FORM_KEYS
    assert list(d["funds"][0]) == FUND_KEYS
    assert list(d["indicators"][0]) == INDICATOR_KEYS
    assert list(d["goals"]) == ["expected", "actual"]
    assert list(d["total"]) == ["weight", "score"]
    assert list(d["source"]) == ["file", "form_index", "first_line", "last_line"]


def test_record_survives_json_and_back():
    for form in seed_forms():
        d = json.loads(json.dumps(form.to_dict(), ensure_ascii=False))
        assert Form.from_dict(d) == form


def test_hand_checked_json_without_parsed_cells_gets_them_computed():
    raw = json.loads((SAMPLES / "songjiang-2024.json").read_text(encoding="utf-8"))[0]
    form = Form.from_dict(raw)
    first = form.indicators[0]
    assert first.target == "=360.95(万元)"
    assert first.target_parsed == CellValue("=", 360.95, "万元")
    assert first.actual_parsed == CellValue(None, 319.93, "万元")


def test_parsed_cells():
    assert CellValue.parse("≥50.00(%)") == CellValue("≥", 50.0, "%")
    assert CellValue.parse("-23.00(%)") == CellValue(None, -23.0, "%")
    assert CellValue.parse("≥2,511.00(个)") == CellValue("≥", 2511.0, "个")
    assert CellValue.parse("≤318.00(元/人/年)") == CellValue("≤", 318.0, "元/人/年")
    assert CellValue.parse("及时") is None
    assert CellValue.parse("达成指标") is None


def test_source_gives_the_forms_first_and_last_line():
    forms = seed_forms()
    assert [(f.source.form_index, f.source.first_line, f.source.last_line) for f in forms][:2] == [
        (0, 2, 116), (1, 120, 241)]
    assert forms[0].source.file.endswith("songjiang-2024.txt")
