"""selfeval.to_frames: the CSV tables as pandas DataFrames (skipped without pandas:
pip install selfeval[pandas])."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import selfeval
from selfeval.export import TABLES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"


@pytest.fixture(scope="module")
def frames():
    pytest.importorskip("pandas", reason="pandas is not installed: pip install selfeval[pandas]")
    return selfeval.to_frames(selfeval.parse_file(SEED))


def test_the_seed_gives_the_csv_tables_row_counts(frames):
    forms = selfeval.parse_file(SEED)
    assert list(frames) == ["forms", "funds", "indicators", "diagnostics"]
    assert {k: len(v) for k, v in frames.items()} == {
        "forms": 5, "funds": 20, "indicators": 86, "diagnostics": sum(len(f.diagnostics) for f in forms)}
    for name, frame in frames.items():
        assert list(frame.columns) == list(TABLES[name])


def test_numbers_are_numeric_columns(frames):
    import pandas as pd
    ind, funds = frames["indicators"], frames["funds"]
    for column in ("weight", "score", "target_value", "actual_value", "form_index", "row"):
        assert pd.api.types.is_numeric_dtype(ind[column]), column
    assert pd.api.types.is_numeric_dtype(funds["executed"])
    # the seed's own sums: every form's rows and fund row add up to its total
    totals = frames["forms"].set_index("form_index")["total_score"]
    fund_scores = funds[funds["row"] == 0].set_index("form_index")["score"]
    rows = ind.groupby("form_index")["score"].sum()
    assert ((rows + fund_scores - totals).abs() < 0.01).all()


def test_operators_as_printed(frames):
    first = frames["indicators"].iloc[0]
    assert (first["target_op"], first["target"], first["target_value"]) == ("=", "360.95(万元)", 360.95)


def test_a_table_of_many_files_keeps_each_forms_identity(frames):
    ind = frames["indicators"]
    assert ind.groupby("form_index").size().tolist() == [10, 10, 16, 17, 33]
    assert set(ind["file"]) == {str(SEED)}


def test_without_pandas_a_clear_import_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install selfeval\[pandas\]"):
        selfeval.to_frames([])
