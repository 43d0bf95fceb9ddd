"""The records as pandas DataFrames, one per ``export`` table."""
from __future__ import annotations

from typing import Iterable

from .export import TABLES, table_rows
from .model import Form

FRAMES = ("forms", "funds", "indicators", "diagnostics")
PANDAS_MISSING = "selfeval.to_frames needs pandas: pip install selfeval[pandas]"


def to_frames(forms: Iterable[Form]) -> dict:
    """Forms -> {table: DataFrame}; ImportError without pandas."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    rows: dict[str, list[list]] = {t: [] for t in FRAMES}
    for form in forms:
        for table in FRAMES:
            rows[table].extend(table_rows(form, table, excel=False))
    return {t: pd.DataFrame(rows[t], columns=list(TABLES[t])) for t in FRAMES}
