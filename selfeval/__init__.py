"""selfeval: structured records from pdftotext dumps of 财政项目支出绩效自评表.

    forms = selfeval.parse(text)        # or parse_file(path), parse_bytes(data) -> list[Form]
    forms[0].to_dict()                  # the JSON record of SPEC.md
    selfeval.render(forms)              # -> a dump that parses back to ``forms``
    selfeval.check(forms[0])            # -> list[Finding]
    selfeval.to_frames(forms)           # -> {table: DataFrame}
"""
from .check import Finding, check
from .diff import differences
from .frames import to_frames
from .model import CellValue, Diagnostic, Form, FundRow, Goals, Indicator, Source, Total
from .params import Params
from .pipeline import iter_forms, iter_stream, parse, parse_bytes, parse_file
from .render import DEFAULT_LAYOUT, Layout, render

__version__ = "0.1.0"

__all__ = [
    "CellValue", "DEFAULT_LAYOUT", "Diagnostic", "Finding", "Form", "FundRow", "Goals", "Indicator",
    "Layout", "Params", "Source", "Total", "check", "differences", "iter_forms", "iter_stream", "parse", "parse_bytes",
    "parse_file", "render", "to_frames",
]
