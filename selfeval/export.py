"""Stage 7: export records. JSON (one array, written record by record), JSON Lines and CSV."""
from __future__ import annotations

import csv
import json
from typing import IO

from .model import Form


def dumps(form: Form, indent: int | None = None) -> str:
    return json.dumps(form.to_dict(), ensure_ascii=False, indent=indent)


class JsonWriter:
    """Writes ``[rec, rec, …]`` as the records come, so memory does not hold the array."""

    def __init__(self, out: IO[str], indent: int = 2):
        self.out, self.indent, self.count = out, indent, 0

    def write(self, form: Form) -> None:
        self.out.write("[\n" if self.count == 0 else ",\n")
        self.out.write(dumps(form, self.indent))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


class JsonlWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, form: Form) -> None:
        self.out.write(dumps(form) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


# ---- CSV -------------------------------------------------------------------------------------
# One row per indicator, fund row or form, the form's identity repeated on each. Written for
# Excel as much as for code: numbers as plain numbers, and no text cell that Excel would run
# as a formula (see ``excel_safe``).

IDENTITY = ("file", "form_index", "year", "project_name", "department", "implementing_unit")
TABLES = {
    "indicators": IDENTITY + (
        "row", "level1", "level2", "name",
        "target_op", "target", "target_value", "target_unit",
        "actual_op", "actual", "actual_value", "actual_unit",
        "weight", "score", "deviation"),
    "funds": IDENTITY + (
        "row", "item", "initial_budget", "annual_budget", "executed", "weight", "execution_rate", "score"),
    "forms": IDENTITY + (
        "title", "goal_expected", "goal_actual", "total_weight", "total_score", "grade",
        "indicators", "first_line", "last_line", "errors", "warnings"),
}
FORMULA_STARTS = ("=", "+", "-", "@")
# the operator of a cell in a column of its own; "=" would start a formula, so it is written
# as the full-width sign, which reads the same
OP_SHOWN = {"=": "＝"}


def excel_safe(value):
    """A cell as written: numbers as they are; text that Excel would take for a formula
    (it starts with ``=``, ``+``, ``-`` or ``@``) behind a single quote, Excel's own mark for
    "this is text"."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_columns(text: str, parsed) -> list:
    """op, the printed cell without its operator, value, unit."""
    if parsed is None:
        return ["", text, None, None]
    op = parsed.op or ""
    rest = text[len(op):] if op and text.startswith(op) else text
    return [OP_SHOWN.get(op, op), rest, parsed.value, parsed.unit]


def table_rows(form: Form, table: str) -> list[list]:
    """The rows ``form`` gives in ``table`` (values in the order of ``TABLES[table]``)."""
    ident = [form.source.file, form.source.form_index, form.year, form.project_name,
             form.department, form.implementing_unit]
    if table == "indicators":
        return [ident + [j, i.level1, i.level2, i.name]
                + _cell_columns(i.target, i.target_parsed) + _cell_columns(i.actual, i.actual_parsed)
                + [i.weight, i.score, i.deviation]
                for j, i in enumerate(form.indicators)]
    if table == "funds":
        return [ident + [j, f.item, f.initial_budget, f.annual_budget, f.executed, f.weight,
                         f.execution_rate, f.score]
                for j, f in enumerate(form.funds)]
    if table == "forms":
        levels = [d.level for d in form.diagnostics]
        return [ident + [form.title, form.goals.expected, form.goals.actual, form.total.weight,
                         form.total.score, form.grade, len(form.indicators), form.source.first_line,
                         form.source.last_line, levels.count("error"), levels.count("warning")]]
    raise ValueError(f"no table {table!r}; tables: {', '.join(TABLES)}")


class CsvWriter:
    """Writes the header at once, then each form's rows as the form comes (``\\r\\n`` line ends,
    as Excel expects; a UTF-8 byte-order mark first with ``bom``, so that Excel reads the
    Chinese as UTF-8)."""

    def __init__(self, out: IO[str], table: str = "indicators", bom: bool = False):
        if table not in TABLES:
            raise ValueError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        self.out, self.table = out, table
        self.csv = csv.writer(out, lineterminator="\r\n")
        if bom:
            out.write("\ufeff")
        self.csv.writerow(TABLES[table])

    def write(self, form: Form) -> None:
        for row in table_rows(form, self.table):
            self.csv.writerow([excel_safe(v) for v in row])
        self.out.flush()

    def close(self) -> None:
        self.out.flush()
