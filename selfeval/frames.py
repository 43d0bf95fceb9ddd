"""The records as pandas DataFrames: the CSV tables of ``export`` (``forms``, ``funds``,
``indicators``, ``diagnostics``), one frame each, with the same columns (optional extra
``selfeval[pandas]``)::

    import selfeval
    frames = selfeval.to_frames(selfeval.parse_file("dump.txt"))
    frames["indicators"].groupby("level1")["score"].sum()

Numbers stay numbers (a cell printed as ``-`` is NaN); the operator of a target or actual is
as printed (``=``, ``≥``), not the CSV's Excel-safe ``＝``.
"""
from __future__ import annotations

from typing import Iterable

from .export import TABLES, table_rows
from .model import Form

FRAMES = ("forms", "funds", "indicators", "diagnostics")
PANDAS_MISSING = "selfeval.to_frames needs pandas: pip install selfeval[pandas]"


def to_frames(forms: Iterable[Form]) -> dict:
    """``{"forms": DataFrame, "funds": …, "indicators": …, "diagnostics": …}``: one row per
    form, fund row, indicator row and diagnostic, the columns of ``export.TABLES``. ImportError
    (saying how to install it) when pandas is missing."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    rows: dict[str, list[list]] = {t: [] for t in FRAMES}
    for form in forms:
        for table in FRAMES:
            rows[table].extend(table_rows(form, table, excel=False))
    return {t: pd.DataFrame(rows[t], columns=list(TABLES[t])) for t in FRAMES}
