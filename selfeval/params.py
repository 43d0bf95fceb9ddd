"""Every knob of the parser, grouped by the stage that reads it (after pdfminer's LAParams).

Widths are display columns (a CJK character takes two). Costs are in one currency across the
solver: what a placement pays for each habit of the print it goes against; a decision whose
best and runner-up costs differ by less than ``Solve.thin_margin`` is a doubt and leaves a
warning. A weight no corpus can tell from its neighbour is not a knob.
"""
from __future__ import annotations

import attrs

from .template import NATIONAL, Template


@attrs.frozen
class CueWeights:
    """Name ↔ values evidence (``solve.cues.lexical_cue``)."""
    substring: float = 3.0      # the qualitative target appears in the name (及时 in 及时性)
    bigram: float = 1.5         # target and name share two adjacent characters
    char: float = 0.5           # … or one uncommon character
    unit: float = 2.0           # unit 人 ↔ 人数, % ↔ 率, 元 ↔ 成本


@attrs.frozen
class Split:
    page_blank_run: int = 2            # this many blank lines in a row end a page


@attrs.frozen
class Detect:
    """Which dialect made a form: each dialect's ``detect`` says how well the form reads in
    it (0–1); when the best two are within ``tie`` the form is read in both and the reading
    whose arithmetic holds best is kept."""
    tie: float = 0.25
    layout_gap_share: float = 0.3      # -layout: this share of lines hold a run of 3+ spaces


@attrs.frozen
class Rows:
    """Rows kept whole (``raw``, ``layout``): the tail of a table, the cells' columns."""
    cell_piece_width: int = 24         # a line of a wrapped 年度指标值/实际完成值 is this wide at most
    piece_near: int = 10               # -layout: the pieces of one wrapped cell stand this close in x
    label_near: int = 6                # … and those of one label
    line_gap: int = 2                  # a cell's lines stand at most this far apart
    group_off: float = 1.5             # a 二级 label this far off its rows' middle: a doubt
    fragment_gap: int = 2              # spaces that part two fragments of a line
    goal_gap: int = 10                 # columns between the starts of the two goal texts
    unit_above_indent: int = 20        # a 实施单位 name centred on its line: its first half above
    # a deviation printed in a page's tail (-raw), onto a row its place allows:
    tail_lost: float = 1.0             # … a row that lost points
    tail_named: float = 2.0            # … a row whose name the deviation repeats
    tail_direction: float = 2.0        # … a row whose values say what the deviation says (超出 / 未达到)


@attrs.frozen
class Column:
    """The seed's dialect: the 三级指标 column printed apart, cut into entries (a name, wrapped or
    not, and its deviation), then ordered by bands; and the goal texts among the free lines."""
    goal_min_width: int = 38           # goal prose is at least this wide …
    goal_slack: int = 10               # … and within this of the widest text of its form,
    goal_share: float = 0.8            # … or this share of it (a line of digits prints narrower)
    short_goal_min_width: int = 16     # a one-sentence goal standing on its own is this wide at least
    full_line_slack: int = 4           # a wrapped prose line is "full" within this of the widest
    cell_full_slack: int = 2           # a wrapped name or deviation line fills its column but one character
    name_tail_short: int = 4           # the wrapped end of a 三级 name is often this short
    tail_after_blank: float = 1.5      # … and follows its first line without a blank line between
    lone_deviation: float = 3.0        # a deviation of one line printed apart from its name
    inline_goes_on: float = 3.0        # a deviation beside its name continued on the next line
    name_word: float = 1.0             # a line that names an indicator type reads as a name
    stray: float = 6.0                 # a line with Chinese in the column that is no part of it
    forced_warning: float = 4.0        # entries forced by the row count that cost this much: a doubt
    price_range: float = 16.0          # the count of entries reached by a price on each, within ±this,
    price_steps: int = 10              # … in this many halvings (else a search that counts them),
    force_rows: int = 3                # … when the lines' own cut is this many entries off at most (or a third)
    separator_inside: float = 20.0     # a band that holds another block of the page (pdftotext never prints one)
    header_on_top: float = 3.0         # the 三级指标 header stands on top of row 1


@attrs.frozen
class Groups:
    """Rows into 二级 groups: contiguous runs in the template's order."""
    value_cue: float = 1.0             # the row's values speak of the group
    name_cue: float = 1.5              # its name does (names state their type; value words are shared)
    starts: float = 50.0               # a label printed at a row not the first of its group
    contains: float = 5.0              # a label printed beside a row its group does not hold
    middle: float = 1.0                # per row a label stands off its group's middle
    skip: float = 50.0                 # a printed label whose group holds no row


@attrs.frozen
class Names:
    """三级 names onto rows."""
    cue: CueWeights = CueWeights()
    deviation_lost: float = 4.0        # a row that lost points has a deviation
    deviation_full: float = 1.0        # a deviation on a row that kept all its points (rarer)
    group: float = 1.5                 # the name's words fit the row's 二级 group
    group_order: float = 0.5           # per pair of names whose groups stand against the template's order
    rounds: int = 3                    # names ⇄ groups placed again until stable, at most this often


@attrs.frozen
class Goals:
    amount_match: float = 3.0          # a figure of the fund block or the rows in a goal text
    full_line_slack: int = 4           # a wrapped prose line is "full" within this of the widest
    short_line: float = 0.8            # a goal line this much narrower than the widest ends a paragraph


@attrs.frozen
class Funds:
    broken: float = 6.0                # a broken sum or rate
    off_line: float = 1.0              # numbers of one line read out of column order
    off_header: float = 1.0            # a number under a header word read into another column
    off_row: float = 0.5               # per row a number is read away from the item printed before it
    deferred: float = 0.5              # a column whose 年度资金总额 value comes after the rows under it
    max_nodes: int = 50000             # the search stops here and keeps the best found


@attrs.frozen
class Bounds:
    """Far above any real form: beyond them, a cheaper reading and a diagnostic that says so."""
    max_rows: int = 300
    max_chunks: int = 80
    search_states: int = 60000         # states of a search (lines × rows × deviations) at most
    spare_cells: int = 10              # cells of a kind beyond twice the rows and this many: not searched
    jobs_window: int = 64              # --jobs: forms handed to the workers at a time, per worker


@attrs.frozen
class Cells:
    """One cell per line (``cells``): a spreadsheet's PDF in default mode, a drawn form printed
    column by column. Cells cut and typed by their looks, rows rebuilt from each type's stream."""
    goal_width: int = 56               # goal prose wraps wider than any other cell (display columns)
    goal_column_gap: int = 8           # the full lines of two interleaved goal texts differ this much in width
    full_line: int = 36                # a prose line this wide that ends a sentence may still run on
    label_reach: int = 8               # a label's pieces stand this many cells apart at most
    name_wrap: int = 30                # a name this wide may wrap in its cell …
    name_tail_width: int = 4           # … leaving a tail this narrow on the next line
    dev_piece: int = 8                 # a text this wide right of a number on its line is a deviation's piece
    dev_full: int = 26                 # a deviation's line this wide that ends no sentence goes on …
    dev_width: int = 56                # … with the next text at most this wide
    short_word: int = 8                # a word this narrow may be a target even with no cue
    target_skip: float = 1.5           # a likely target word read as no target (per reason it is likely)
    target_shift: float = 1.0          # a target placed this many rows from where it is printed
    unit_clash: float = 10.0           # a target paired with an actual of another unit
    unit_shift: float = 3.0            # a (target, actual) placed this many rows from where printed
    unit_score: float = 1.5            # … on a row whose score says the opposite of the values
    name_move: float = 5.0             # a name placed away from where it is printed …
    name_shift: float = 0.5            # … and per row it moves
    rank_shift: float = 3.0            # printed by columns: per row a name moves from its rank
    name_run: int = 3                  # this many names printed together are a piece of their column
    name_tail: float = 2.0             # a name printed after the table, placed on any row
    name_gap: float = 0.5              # printed by columns: a row left out of the names' order …
    name_skip: float = 3.0             # … and a name left out of it
    group_inversions: int = 2          # a block of names moved back where it leaves this many fewer
    group_moves: int = 3               # … pairs against the groups' order; at most this many blocks,
    group_work: int = 1500             # … and blocks × places tried at most this many
    sum_tolerance: float = 0.011       # weights and scores add up to the total within this per term
    number_beam: int = 24              # weights/scores as columns: partial sums kept per count of weights;
    number_cents: int = 2              # … cents of rounding drift per row in their sums;
    sum_margin: float = 4.0            # … a labelling whose sums hold preferred by this much;
    number_row: float = 1.0            # … per row a number among its row's values is read away from it;
    number_off_line: float = 2.0       # … two numbers of one line not read as weight then score;
    number_column_break: float = 1.0   # … a block of numbers alone read as two columns;
    number_off_header: float = 3.0     # … a number under a weight/score header read as the other;
    number_beside: float = 5.0         # … a number at the start of a deviation's line read as a weight;
    number_late: float = 0.1           # … numbers printed out of order put back, per place they move
    number_moves: int = 600            # … (at most this many places tried in all)


@attrs.frozen
class Params:
    mode: str = "auto"                 # the dialect: auto (detected per form) or one of dialects.NAMES
    template: Template = NATIONAL
    thin_margin: float = 1.0           # a choice closer than this to its runner-up is a doubt
    split: Split = Split()
    detect: Detect = Detect()
    rows: Rows = Rows()
    column: Column = Column()
    groups: Groups = Groups()
    names: Names = Names()
    goals: Goals = Goals()
    funds: Funds = Funds()
    bounds: Bounds = Bounds()
    cells: Cells = Cells()
