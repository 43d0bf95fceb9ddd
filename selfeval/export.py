"""Stage 7: records as JSON, JSON Lines, CSV tables or an xlsx workbook."""
from __future__ import annotations

import csv
import json
from typing import IO

from .model import Form


def dumps(form: Form, indent: int | None = None) -> str:
    return json.dumps(form.to_dict(), ensure_ascii=False, indent=indent)


class JsonWriter:
    """Streams a JSON array."""

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
    "diagnostics": ("file", "form_index", "level", "code", "message", "lines"),
}
FORMULA_STARTS = ("=", "+", "-", "@")
# "=" alone would start an Excel formula; the full-width sign reads the same
OP_SHOWN = {"=": "＝"}


def excel_safe(value):
    """Quote text that Excel would take for a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_columns(text: str, parsed, shown: dict) -> list:
    if parsed is None:
        return ["", text, None, None]
    op = parsed.op or ""
    rest = text[len(op):] if op and text.startswith(op) else text
    return [shown.get(op, op), rest, parsed.value, parsed.unit]


def table_rows(form: Form, table: str, excel: bool = True) -> list[list]:
    """The form's rows of ``table``; ``excel`` writes ``=`` as ``＝``."""
    ident = [form.source.file, form.source.form_index, form.year, form.project_name,
             form.department, form.implementing_unit]
    shown = OP_SHOWN if excel else {}
    if table == "indicators":
        return [ident + [j, i.level1, i.level2, i.name]
                + _cell_columns(i.target, i.target_parsed, shown) + _cell_columns(i.actual, i.actual_parsed, shown)
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
    if table == "diagnostics":
        return [[form.source.file, form.source.form_index, d.level, d.code, d.message, " ".join(map(str, d.lines))]
                for d in form.diagnostics]
    raise ValueError(f"no table {table!r}; tables: {', '.join(TABLES)}")


class CsvWriter:
    """Streams one table as CSV for Excel (CRLF, optional BOM)."""

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


XLSX_MISSING = "--format xlsx needs openpyxl: pip install selfeval[xlsx]"
MAX_WIDTH = 60          # max column width


def _width(value) -> int:
    from .text import width
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:g}")
    return width(str(value))


class XlsxWriter:
    """The tables as sheets of one workbook, written at ``close``."""

    SHEETS = ("forms", "funds", "indicators", "diagnostics")

    def __init__(self, path):
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise ImportError(XLSX_MISSING) from None
        self.path = path
        self.rows: dict[str, list[list]] = {t: [] for t in self.SHEETS}
        self.widths = {t: [_width(h) for h in TABLES[t]] for t in self.SHEETS}

    def write(self, form: Form) -> None:
        for table in self.SHEETS:
            widths = self.widths[table]
            for row in table_rows(form, table):
                self.rows[table].append(row)
                for k, value in enumerate(row):
                    widths[k] = max(widths[k], _width(value))

    def close(self) -> None:
        from openpyxl import Workbook
        book = Workbook(write_only=True)
        for table in self.SHEETS:
            self._sheet(book, table)
        book.save(self.path)

    def _sheet(self, book, table: str) -> None:
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
        sheet = book.create_sheet(table)
        header = TABLES[table]
        for k, w in enumerate(self.widths[table], 1):
            sheet.column_dimensions[get_column_letter(k)].width = min(MAX_WIDTH, w + 2)
        sheet.freeze_panes = "A2"
        last = f"{get_column_letter(len(header))}{len(self.rows[table]) + 1}"
        sheet.auto_filter.ref = f"A1:{last}"
        bold = Font(bold=True)
        sheet.append([_text_cell(sheet, h, bold) for h in header])
        for row in self.rows[table]:
            sheet.append([(_text_cell(sheet, v) if v else None) if isinstance(v, str) else v for v in row])
        self.rows[table] = []


def _text_cell(sheet, text: str, font=None):
    """A string cell, never a formula, even when edited in Excel."""
    from openpyxl.cell import WriteOnlyCell
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell
