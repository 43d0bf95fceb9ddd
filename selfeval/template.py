"""The form template as data: ``templates/<name>.toml`` as a frozen ``Template``; every label
and word comes from it."""
from __future__ import annotations

import tomllib
from functools import cached_property
from pathlib import Path

import attrs
import regex

HERE = Path(__file__).resolve().parent / "templates"
# a label's decorations: 预算数(A)  分值(50分)  项目名称：
_DECORATION = regex.compile(r"(?:[(（][A-Za-z][)）]|[(（]\d+(?:\.\d+)?分[)）]|[：:])+$")


def _tuple(v) -> tuple:
    return tuple(v) if isinstance(v, (list, tuple)) else (v,)


@attrs.frozen
class GroupCues:
    value: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    name: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()


@attrs.frozen(eq=False)
class Template:
    name: str
    title_suffix: str
    title: str
    year_pattern: str                 # regex with a group "year": （2024年度）
    labels: dict                      # slot -> spellings, the first printed by render
    fund_items: tuple                 # spellings per item
    fund_item_prefixes: tuple
    fund_columns: dict                # field -> spellings
    fund_order: tuple                 # usual printed column order
    taxonomy: tuple                   # ((level1, (level2, ...)), ...)
    grade_floors: tuple               # ((grade, floor), ...), best first
    arithmetic: dict
    cells: dict
    bodies: dict
    cues: dict
    group_cues: dict                  # level2 -> GroupCues
    furniture: tuple
    punctuation: dict
    normalise: dict

    def label(self, slot: str) -> str:
        return self.labels[slot][0]

    def spellings(self, *slots: str) -> tuple[str, ...]:
        return tuple(s for slot in slots for s in self.labels[slot])

    @cached_property
    def _slot_of(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for slot, names in self.labels.items():
            for s in names:
                out.setdefault(_plain(s), slot)
        return out

    def label_slot(self, text: str) -> str | None:
        """The slot a label names (decorations stripped), or None."""
        t = _plain(text)
        slot = self._slot_of.get(t)
        if slot is None and t:
            slot = self._slot_of.get(_DECORATION.sub("", t))
        return slot

    def is_label(self, text: str, *slots: str) -> bool:
        slot = self.label_slot(text)
        return slot is not None and (not slots or slot in slots)

    @cached_property
    def level1(self) -> tuple[str, ...]:
        return tuple(l1 for l1, _ in self.taxonomy)

    @cached_property
    def level2(self) -> tuple[str, ...]:
        return tuple(l2 for _, group in self.taxonomy for l2 in group)

    @cached_property
    def level1_of(self) -> dict[str, str]:
        return {l2: l1 for l1, group in self.taxonomy for l2 in group}

    @cached_property
    def all_labels(self) -> tuple[str, ...]:
        seen = dict.fromkeys(self.level1 + self.level2 + tuple(s for v in self.labels.values() for s in v)
                             + tuple(s for v in self.fund_columns.values() for s in v))
        return tuple(seen)

    @cached_property
    def label_prefixes(self) -> frozenset[str]:
        return frozenset(lab[:k] for lab in self.all_labels for k in range(1, len(lab) + 1))

    @cached_property
    def _label_text(self) -> str:
        return "\x00".join(self.all_labels)

    def is_label_piece(self, token: str) -> bool:
        """A label or a piece of one (``经济成本指``)."""
        return bool(token) and "\x00" not in token and token in self._label_text

    @cached_property
    def fund_item_names(self) -> tuple[str, ...]:
        return tuple(s[0] for s in self.fund_items)

    @cached_property
    def fund_item_spellings(self) -> tuple[str, ...]:
        """Every spelling of every fund item, bare and after each prefix (其中：当年财政拨款)."""
        return tuple(p + s for names in self.fund_items for s in names for p in ("",) + self.fund_item_prefixes)

    @cached_property
    def _fund_item_text(self) -> str:
        return "\x00".join(self.fund_item_spellings)

    def is_fund_item_piece(self, token: str) -> bool:
        """A fund item or a piece of one (``其中：当年财政``)."""
        return bool(token) and "\x00" not in token and token in self._fund_item_text

    @cached_property
    def _fund_item_of(self) -> dict[str, str]:
        return {s: names[0] for names in self.fund_items for s in names}

    def fund_item(self, text: str) -> str | None:
        """Canonical fund item (``其中：本年财政拨款`` -> 当年财政拨款)."""
        t = text.strip()
        for p in self.fund_item_prefixes:
            if t.startswith(p):
                t = t[len(p):].strip()
        return self._fund_item_of.get(t) or self._fund_item_of.get(_DECORATION.sub("", t))

    @cached_property
    def _fund_column_of(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for col, names in self.fund_columns.items():
            for s in names:
                out.setdefault(_plain(s), col)
        return out

    def fund_column(self, text: str) -> str | None:
        """``预算数(A)`` -> annual_budget."""
        t = _plain(text)
        return self._fund_column_of.get(t) or self._fund_column_of.get(_DECORATION.sub("", t))

    @cached_property
    def grades(self) -> tuple[str, ...]:
        return tuple(g for g, _ in self.grade_floors)

    def grade_of(self, score: float) -> str:
        return next(g for g, floor in self.grade_floors if score >= floor)

    def tolerance(self, name: str) -> float:
        return float(self.arithmetic[name])

    def words(self, table: str, key: str) -> tuple[str, ...]:
        return _tuple(getattr(self, table)[key])

    @cached_property
    def furniture_patterns(self) -> tuple[regex.Pattern, ...]:
        return tuple(regex.compile(p) for p in self.furniture)


def _plain(text: str) -> str:
    return "".join(text.split()).replace("（", "(").replace("）", ")")


def load(path: str | Path | None = None) -> Template:
    """Read a template file (default: national)."""
    p = Path(path) if path else HERE / "national.toml"
    with open(p, "rb") as fh:
        d = tomllib.load(fh)
    cues = dict(d["cues"])
    groups = cues.pop("groups")
    group_cues = {}
    for group, c in groups.items():
        unit = c.get("unit", ())
        if isinstance(unit, str):       # names a cues list: "count_units"
            unit = cues[unit]
        group_cues[group] = GroupCues(_tuple(c.get("value", ())), _tuple(unit), _tuple(c.get("name", ())),
                                      _tuple(c.get("suffix", ())))
    funds = d["funds"]
    return Template(
        name=d["name"], title_suffix=d["title_suffix"], title=d["title"], year_pattern=d["year_pattern"],
        labels={k: _tuple(v) for k, v in d["labels"].items()},
        fund_items=tuple(_tuple(x) for x in funds["items"]),
        fund_item_prefixes=_tuple(funds["item_prefixes"]),
        fund_columns={k: _tuple(v) for k, v in funds["columns"].items()},
        fund_order=_tuple(funds["order"]),
        taxonomy=tuple((t["level1"], _tuple(t["level2"])) for t in d["taxonomy"]),
        grade_floors=tuple((g["grade"], float(g["floor"])) for g in d["grades"]),
        arithmetic=dict(d["arithmetic"]), cells=dict(d["cells"]), bodies=dict(d["bodies"]),
        cues=cues, group_cues=group_cues, furniture=_tuple(d["furniture"]["patterns"]),
        punctuation=dict(d["punctuation"]), normalise=dict(d["normalise"]),
    )


NATIONAL = load()
