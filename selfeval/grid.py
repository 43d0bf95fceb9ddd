"""Typed objects passed between stages. A dialect cuts ``Cell``s and says where they stand (``Reading``);
the solver places each into a slot named like the record's field (``funds[1].executed``, ``grade``;
``template`` for the form's own labels), never rewriting an earlier stage's output.
"""
from __future__ import annotations

from functools import cached_property

import attrs

from .model import CellValue, Diagnostic


@attrs.define(eq=False)
class Cell:
    """Printed text filling (part of) one slot. ``seq``: print order; ``y``: index of its first line;
    ``x``: display column (-1: none); ``block``: blank lines before it."""

    text: str
    lines: list[int]
    kind: str = ""
    seq: int = 0
    y: int = 0
    x: int = -1
    block: int = 0
    slot: str | None = None
    cost: float = 0.0
    runner_up: tuple[str, float] | None = None

    def place(self, slot: str, cost: float | None = None, runner_up: tuple[str, float] | None = None) -> None:
        """Into ``slot``; cost and runner-up only when given."""
        self.slot = slot
        if cost is not None:
            self.cost = cost
        if runner_up is not None:
            self.runner_up = runner_up


def joined(cells: list[Cell], text: str | None = None, kind: str = "") -> Cell:
    """One cell of several (a wrapped cell's lines), at the first one's place."""
    first = cells[0]
    lines = sorted({n for c in cells for n in c.lines})
    return Cell(text if text is not None else "".join(c.text for c in cells), lines, kind or first.kind,
                first.seq, first.y, first.x, first.block)


@attrs.define(eq=False)
class Row:
    """One indicator row's value cells as found; ``y``: the line of its 分值/得分, or its print rank."""

    target: Cell | None
    actual: Cell | None
    weight: Cell | None
    score: Cell | None
    y: float = 0.0
    extent: tuple[int, int] = (0, 0)      # first and last item index of its cells

    def number(self, which: str) -> float | None:
        return self.numbers[0 if which == "weight" else 1]

    @cached_property
    def numbers(self) -> tuple[float | None, float | None]:
        from .text import number_or_none
        return tuple(None if c is None else number_or_none(c.text) for c in (self.weight, self.score))

    @cached_property
    def lost_points(self) -> bool:
        w, s = self.numbers
        return w is not None and s is not None and s < w - 0.005

    @cached_property
    def quantities(self) -> tuple[CellValue | None, CellValue | None]:
        """Target and actual parsed (None: no cell, or no quantity)."""
        return tuple(CellValue.parse(c.text) if c is not None else None for c in (self.target, self.actual))

    @cached_property
    def gap(self) -> bool:
        """Its actual is a quantity other than its target's: a gap a deviation may explain."""
        got = self.quantities
        return all(v is not None and v.value is not None for v in got) and \
            abs(got[0].value - got[1].value) > 0.005 * max(abs(got[0].value), 1.0)

    @cached_property
    def missed(self) -> bool:
        """It kept its points though its actual is not its ``=`` target: on the forms seen, such a
        row always explains itself in a deviation (a row that lost points does six times in seven)."""
        return not self.lost_points and self.gap and self.quantities[0].op == "="

    def cells(self) -> list[Cell]:
        return [c for c in (self.target, self.actual, self.weight, self.score) if c is not None]


@attrs.define(eq=False)
class Entry:
    """A 三级指标 name with its deviation text (either may be missing)."""

    name: Cell | None = None
    deviation: Cell | None = None

    @property
    def name_text(self) -> str:
        return self.name.text if self.name else ""

    @property
    def cells(self) -> list[Cell]:
        return [c for c in (self.name, self.deviation) if c is not None]


@attrs.define
class Pin:
    """Where a printed 一级/二级 label says its group stands; ``how``: ``starts`` (at row ``row``),
    ``contains`` (row ``row``), ``middle`` (at ``y``), ``after`` (a later row than ``row``), ``parked``."""

    label: str
    cell: Cell
    how: str
    row: int | None = None
    y: float | None = None


@attrs.define(eq=False)
class NameOrder:
    """One way to put the 三级指标 entries on the rows; ``prior``: higher is likelier."""

    entries: list[Entry | None]       # one per row
    prior: float = 0.0
    note: str = ""
    # names placed apart from their rows' values: id(name) -> the 二级 label printed on its line
    beside: dict[int, str] = attrs.field(factory=dict)


@attrs.define(eq=False)
class Reading:
    """What a dialect read of one form: typed, positioned cells and evidence of where they go."""

    dialect: str
    cells: list[Cell] = attrs.field(factory=list)
    title: dict[str, Cell] = attrs.field(factory=dict)      # slot -> value cell
    fund_rows: dict[str, list[Cell]] = attrs.field(factory=dict)   # item -> values on its line
    fund_columns: list[str] = attrs.field(factory=list)
    fund_pairs: list[tuple[Cell, Cell]] = attrs.field(factory=list)  # detached (执行数, 执行率)
    fund_grid: dict[str, dict[str, Cell]] = attrs.field(factory=dict)  # item -> column -> cell
    fund_stream: list = attrs.field(factory=list)           # solve.funds.Num: a block printed by columns
    rows: list[Row] = attrs.field(factory=list)
    orders: list[NameOrder] = attrs.field(factory=list)
    pins: list[Pin] = attrs.field(factory=list)
    goals: list[Cell] = attrs.field(factory=list)
    goal_slots: list[str] | None = None                     # their slots, when the print says
    total: tuple[Cell, Cell] | None = None
    total_label: Cell | None = None                         # 总分 printed with numbers that do not read
    total_pieces: list[Cell] = attrs.field(factory=list)    # … those numbers' pieces
    total_candidates: list[tuple[Cell, Cell]] = attrs.field(factory=list)
    grade: Cell | None = None
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    cost: float = 0.0       # how far the reading went against the dialect's habits

    def add(self, cell: Cell) -> Cell:
        cell.seq = len(self.cells)
        self.cells.append(cell)
        return cell
