"""An independent check that nothing of the input is lost: each non-blank line is either in
an ``unassigned`` diagnostic, or every token of it can be found in the records (in a string
field, as a number field, or as a printed label of the template)."""
from __future__ import annotations

import re

from selfeval.decode import CONTROL_RE, normalise
from selfeval.template import NATIONAL
from selfeval.text import parse_number

FUND_ITEM_PREFIXES = NATIONAL.fund_item_prefixes
LABEL_TEXT = "\x00".join(NATIONAL.all_labels + NATIONAL.fund_item_names)
YEAR_TOKEN = re.compile(r"^[（(]\s*(\d{4})\s*年度\s*[）)]$")


def _strings(value, out: list[str]) -> None:
    if isinstance(value, str):
        out.append("".join(value.split()))
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("diagnostics", "source"):
                _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)


def _numbers(value, out: set[float]) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        out.add(round(float(value), 2))
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("diagnostics", "source"):
                _numbers(v, out)
    elif isinstance(value, list):
        for v in value:
            _numbers(v, out)


def lost_lines(text: str, forms) -> list[tuple[int, str]]:
    """Lines (number, text) whose content is in no field and in no ``unassigned`` diagnostic."""
    records = [f.to_dict() for f in forms]
    strings: list[str] = []
    numbers: set[float] = set()
    for r in records:
        _strings(r, strings)
        _numbers(r, numbers)
    haystack = "\x00".join(strings)
    unassigned = {no for r in records for d in r["diagnostics"] if d["code"] == "unassigned"
                  for no in d["lines"]}
    cleaned = {no for r in records for d in r["diagnostics"] if d["code"] == "control-characters"
               for no in d["lines"]}
    lost = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for no, line in enumerate(lines, start=1):
        # the records hold numbers written the ASCII way (decode.normalise: ``１２％`` -> ``12%``)
        line = normalise(line.replace("\f", ""))
        if no in cleaned:       # the parser said it removed this line's control characters
            line = CONTROL_RE.sub("", line)
        if not line.strip() or no in unassigned:
            continue
        year = YEAR_TOKEN.match(line.strip())      # （2024 年度）: one token, a space or not
        if year and float(year.group(1)) in numbers:
            continue
        for token in line.split():
            for prefix in FUND_ITEM_PREFIXES:
                if token.startswith(prefix) and len(token) > len(prefix):
                    token = token[len(prefix):]
            if token in LABEL_TEXT or token in haystack or token in ("-",):
                continue
            try:
                if round(parse_number(token), 2) in numbers:
                    continue
            except (ValueError, TypeError):
                pass
            lost.append((no, line))
            break
    return lost
