"""The record types (attrs); ``to_dict``/``from_dict`` map them to and from the JSON of SPEC.md."""
from __future__ import annotations

from typing import Any

import attrs

from .text import parse_cell

LEVELS = ("info", "warning", "error")


def _plain(obj: Any) -> Any:
    return attrs.asdict(obj, recurse=True) if attrs.has(type(obj)) else obj


@attrs.define
class Diagnostic:
    level: str = attrs.field(validator=attrs.validators.in_(LEVELS))
    code: str
    message: str
    lines: list[int] = attrs.field(factory=list, converter=lambda v: sorted(set(v)))

    def to_dict(self) -> dict:
        return _plain(self)

    @classmethod
    def from_dict(cls, d: dict) -> Diagnostic:
        return cls(d["level"], d["code"], d["message"], list(d.get("lines") or []))


@attrs.define
class Source:
    file: str | None = None
    form_index: int = 0
    first_line: int = 0
    last_line: int = 0

    @classmethod
    def from_dict(cls, d: dict | None) -> Source:
        d = d or {}
        return cls(d.get("file"), d.get("form_index", 0), d.get("first_line", 0), d.get("last_line", 0))


@attrs.define
class FundRow:
    item: str
    initial_budget: float | None = None
    annual_budget: float | None = None
    executed: float | None = None
    weight: float | None = None
    execution_rate: float | None = None
    score: float | None = None

    @classmethod
    def from_dict(cls, d: dict) -> FundRow:
        return cls(**{f.name: d.get(f.name) for f in attrs.fields(cls)})


@attrs.define
class Goals:
    expected: str | None = None
    actual: str | None = None

    @classmethod
    def from_dict(cls, d: dict | None) -> Goals:
        d = d or {}
        return cls(d.get("expected"), d.get("actual"))


@attrs.define
class CellValue:
    """A quantitative cell such as ``≥50.00(%)``."""

    op: str | None
    value: float
    unit: str | None

    @classmethod
    def from_dict(cls, d: dict | None) -> CellValue | None:
        return None if d is None else cls(d.get("op"), d["value"], d.get("unit"))

    @classmethod
    def parse(cls, text: str | None) -> CellValue | None:
        """``=360.95(万元)`` -> CellValue('=', 360.95, '万元'); qualitative -> None."""
        parts = parse_cell(text)
        return None if parts is None else cls(*parts)


@attrs.define
class Indicator:
    level1: str
    level2: str
    name: str
    target: str
    actual: str
    target_parsed: CellValue | None = None
    actual_parsed: CellValue | None = None
    weight: float | None = None
    score: float | None = None
    deviation: str | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Indicator:
        def parsed(key: str, text: str) -> CellValue | None:
            if key in d:
                return CellValue.from_dict(d[key])
            return CellValue.parse(text)

        return cls(
            d["level1"], d["level2"], d["name"], d["target"], d["actual"],
            parsed("target_parsed", d["target"]), parsed("actual_parsed", d["actual"]),
            d.get("weight"), d.get("score"), d.get("deviation"),
        )


@attrs.define
class Total:
    weight: float | None = None
    score: float | None = None

    @classmethod
    def from_dict(cls, d: dict | None) -> Total:
        d = d or {}
        return cls(d.get("weight"), d.get("score"))


@attrs.define
class Form:
    title: str | None = None
    year: int | None = None
    project_name: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    funds: list[FundRow] = attrs.field(factory=list)
    goals: Goals = attrs.field(factory=Goals)
    indicators: list[Indicator] = attrs.field(factory=list)
    total: Total = attrs.field(factory=Total)
    grade: str | None = None
    source: Source = attrs.field(factory=Source)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)

    def to_dict(self) -> dict:
        return _plain(self)

    @classmethod
    def from_dict(cls, d: dict) -> Form:
        return cls(
            d.get("title"), d.get("year"), d.get("project_name"), d.get("department"),
            d.get("implementing_unit"),
            [FundRow.from_dict(x) for x in d.get("funds") or []],
            Goals.from_dict(d.get("goals")),
            [Indicator.from_dict(x) for x in d.get("indicators") or []],
            Total.from_dict(d.get("total")),
            d.get("grade"),
            Source.from_dict(d.get("source")),
            [Diagnostic.from_dict(x) for x in d.get("diagnostics") or []],
        )

    def errors(self) -> list[Diagnostic]:
        return [x for x in self.diagnostics if x.level == "error"]


# schema check of records read back (diff, render)
_NUM = (int, float)
_FIELDS = {
    "title": (str,), "year": (int,), "project_name": (str,), "department": (str,), "implementing_unit": (str,),
    "grade": (str,),
}
_FUND = {"item": (str,), "initial_budget": _NUM, "annual_budget": _NUM, "executed": _NUM, "weight": _NUM,
         "execution_rate": _NUM, "score": _NUM}
_IND = {"level1": (str,), "level2": (str,), "name": (str,), "target": (str,), "actual": (str,), "weight": _NUM,
        "score": _NUM, "deviation": (str,), "target_parsed": (dict,), "actual_parsed": (dict,)}


def _kind(types) -> str:
    return "a number" if types == _NUM else {str: "a string", int: "an integer", dict: "an object"}[types[0]]


def _fields(d: dict, spec: dict, where: str):
    for key, types in spec.items():
        v = d.get(key)
        if v is not None and (not isinstance(v, types) or isinstance(v, bool)):
            yield f"{where}.{key}: not {_kind(types)}"


def schema_errors(record, where: str = ""):
    """Type errors of a record: ``[0].total: not an object``."""
    if not isinstance(record, dict):
        yield f"{where}: not an object"
        return
    yield from _fields(record, _FIELDS, where)
    for key, spec in (("funds", _FUND), ("indicators", _IND)):
        items = record.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            yield f"{where}.{key}: not a list"
            continue
        for k, item in enumerate(items):
            if not isinstance(item, dict):
                yield f"{where}.{key}[{k}]: not an object"
            else:
                yield from _fields(item, spec, f"{where}.{key}[{k}]")
    for key, spec in (("goals", {"expected": (str,), "actual": (str,)}), ("total", {"weight": _NUM, "score": _NUM})):
        v = record.get(key)
        if v is not None and not isinstance(v, dict):
            yield f"{where}.{key}: not an object"
        elif v is not None:
            yield from _fields(v, spec, f"{where}.{key}")
