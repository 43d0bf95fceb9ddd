"""Every knob of the parser, by stage (after pdfminer's LAParams). Widths are display columns;
costs share one currency: what a placement pays per print habit it breaks."""
from __future__ import annotations

import attrs

from .template import NATIONAL, Template


@attrs.frozen
class CueWeights:
    """Name ↔ values evidence (``solve.cues.lexical_cue``)."""
    substring: float = 3.0  # target inside the name (及时 in 及时性)
    bigram: float = 1.5     # target and name share a bigram
    char: float = 0.5       # … or one uncommon character
    unit: float = 2.0       # unit fits the name: 人 ↔ 人数, % ↔ 率


@attrs.frozen
class Split:
    page_blank_run: int = 2  # blank lines in a row that end a page


@attrs.frozen
class Detect:
    tie: float = 0.25              # best two dialect scores this close: read both
    layout_gap_share: float = 0.3  # -layout: share of lines with 3+ spaces


@attrs.frozen
class Rows:
    """Rows kept whole (``raw``, ``layout``)."""
    cell_piece_width: int = 24   # max width of a wrapped target/actual line
    piece_near: int = 10         # -layout: max x gap within one cell
    label_near: int = 6          # … and of one label
    line_gap: int = 2            # max line gap within a cell
    group_off: float = 1.5       # 二级 label this far off its rows: a doubt
    fragment_gap: int = 2        # spaces between two fragments
    goal_gap: int = 10           # columns between the two goal texts' starts
    goal_line_excess: float = 1.7  # a goal line this many times the goal lines' usual width holds both texts
    unit_above_indent: int = 20  # centred 实施单位 name: first half above
    # -raw tail deviation onto a row that:
    tail_lost: float = 1.0       # … lost points
    tail_named: float = 2.0      # … is named in the deviation
    tail_direction: float = 2.0  # … has values agreeing (超出/未达到)


@attrs.frozen
class Column:
    """The seed's dialect: the 三级指标 column printed apart."""
    goal_min_width: int = 38        # min width of goal prose …
    goal_slack: int = 10            # … within this of the form's widest text,
    goal_share: float = 0.8         # … or this share of it
    short_goal_min_width: int = 16  # min width of a lone one-sentence goal
    full_line_slack: int = 4        # wrapped prose line "full" within this
    cell_full_slack: int = 2        # same, name or deviation line
    name_tail_short: int = 4        # max width of a wrapped 三级 name's tail
    tail_after_blank: float = 1.5   # name tail after a blank line
    lone_deviation: float = 3.0     # one-line deviation apart from its name
    inline_goes_on: float = 3.0     # inline deviation continued below
    name_word: float = 1.0          # line naming an indicator type
    stray: float = 6.0              # Chinese line in the column in no entry
    forced_warning: float = 4.0     # forced entries costing this much: a warning
    price_range: float = 16.0       # entry-count price range ±this,
    price_steps: int = 10           # … in this many halvings,
    force_rows: int = 3             # … when the own cut is at most this many off
    separator_inside: float = 20.0  # band holding another page block
    header_on_top: float = 3.0      # 三级指标 header atop row 1


@attrs.frozen
class Groups:
    """Rows into 二级 groups, in the template's order."""
    value_cue: float = 1.0  # row values speak of the group
    name_cue: float = 1.5   # row name does
    starts: float = 50.0    # label not at its group's first row
    contains: float = 5.0   # label beside a row not in its group
    middle: float = 1.0     # per row a label is off its group's middle
    skip: float = 50.0      # label whose group holds no row


@attrs.frozen
class Names:
    """三级 names onto rows."""
    cue: CueWeights = CueWeights()  # name ↔ values evidence
    deviation_lost: float = 4.0     # a row that lost points has a deviation
    deviation_full: float = 1.0     # deviation on a row with full points
    group: float = 1.5              # name fits the row's 二级 group
    group_order: float = 0.5        # per name pair against group order
    rounds: int = 3                 # max names ⇄ groups rounds
    order_margin: float = 3.5       # a band cut ahead of another by less rests on cue words alone: a doubt
    trade_reach: int = 3            # names placed apart trade rows this near when each reads as the other's group


@attrs.frozen
class Goals:
    amount_match: float = 3.0  # a fund or row figure in a goal
    full_line_slack: int = 4   # wrapped prose line "full" within this
    short_line: float = 0.8    # goal line this much narrower ends a paragraph


@attrs.frozen
class Funds:
    broken: float = 6.0      # a broken sum or rate
    off_line: float = 1.0    # numbers read out of column order
    off_header: float = 1.0  # number read off its header's column
    off_row: float = 0.5     # per row a number moves from its item
    deferred: float = 0.5    # 年度资金总额 value printed after its rows
    max_nodes: int = 50000   # search node cap
    loose_cap: int = 4       # a loose search that has found nothing stops at this many times the cap


@attrs.frozen
class Bounds:
    """Far above real forms; beyond them, a cheaper reading and a diagnostic."""
    max_rows: int = 300         # indicator rows
    max_chunks: int = 80        # 三级 entries ordered by bands
    search_states: int = 60000  # states of one search
    spare_cells: int = 10       # cells beyond 2 × rows + this: not searched
    jobs_window: int = 64       # --jobs: forms per worker per batch


@attrs.frozen
class Cells:
    """One cell per line (``cells``)."""
    goal_width: int = 56              # goal prose wraps this wide
    goal_column_gap: int = 8          # width gap of interleaved goal texts
    full_line: int = 36               # sentence-ending prose line this wide may run on
    label_reach: int = 8              # max cells between label pieces
    name_wrap: int = 30               # a name this wide may wrap …
    name_tail_width: int = 4          # … leaving a tail this narrow
    edge_lines: int = 3               # words alone on their lines at one widest width: the column's edge
    dev_piece: int = 8                # text this wide right of a number: deviation piece
    dev_full: int = 26                # deviation line this wide goes on …
    dev_width: int = 56               # … to text at most this wide
    dev_names: int = 8                # deviation quoting a row's name this wide: its row's
    short_word: int = 8               # max width of a cue-less target
    target_skip: float = 1.5          # likely target read as none
    target_shift: float = 1.0         # per row a target moves
    unit_clash: float = 10.0          # target paired with an actual of another unit
    unit_shift: float = 3.0           # per row a value pair moves
    unit_score: float = 1.5           # … onto a row its score contradicts
    name_move: float = 5.0            # name moved from where printed …
    name_shift: float = 0.5           # … and per row it moves
    rank_shift: float = 3.0           # by columns: per row off its rank
    name_run: int = 3                 # this many names together: a column piece
    name_tail: float = 2.0            # name printed after the table
    name_gap: float = 0.5             # by columns: row skipped …
    name_skip: float = 3.0            # … and a name skipped
    group_inversions: int = 2         # min inversions a block move removes;
    group_moves: int = 3              # … max blocks moved,
    group_work: int = 1500            # … max blocks × places tried
    sum_tolerance: float = 0.011      # per-term tolerance of sums
    number_beam: int = 24             # weight/score columns: sums kept per weight count;
    number_cents: int = 2             # … rounding cents per row;
    sum_margin: float = 4.0           # … sums holding win within this;
    number_row: float = 1.0           # … per row a number moves;
    number_off_line: float = 2.0      # … line pair not weight then score;
    number_column_break: float = 1.0  # … one block read as two columns;
    number_off_header: float = 3.0    # … number read as the other of its header;
    number_beside: float = 5.0        # … deviation-line number as weight;
    number_late: float = 0.1          # … per place a number moves back
    number_moves: int = 600           # … max places tried in all


@attrs.frozen
class Params:
    mode: str = "auto"             # dialect: auto or one of dialects.NAMES
    template: Template = NATIONAL  # the form's fixed wording
    thin_margin: float = 1.0       # choice this close to its runner-up: a warning
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
