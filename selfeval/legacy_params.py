"""Every knob of the pipeline in one parameters object (after pdfminer's LAParams).

Widths are display columns (a CJK character takes two). Scores are additive evidence used by
the alignment searches; a decision whose best and second-best totals differ by less than
``thin_margin`` leaves a warning diagnostic.
"""
from __future__ import annotations

import attrs


@attrs.frozen
class Params:
    # which pdftotext mode made the text: auto (detected per form), default, layout or raw
    mode: str = "auto"
    # splitting pages and forms
    page_blank_run: int = 2            # this many blank lines in a row end a page
    # prose vs cells: a text segment wider than any table cell is goal prose
    goal_min_width: int = 38           # goal prose is at least this wide …
    goal_slack: int = 10               # … and within this of the widest text of its form
    short_goal_min_width: int = 16     # a one-sentence goal standing on its own is this wide at least
    full_line_slack: int = 4           # a wrapped prose line is "full" within this many columns of the widest
    cell_full_slack: int = 2           # a wrapped cell line (name, deviation) fills its column but one character
    name_tail_short: int = 4           # the wrapped end of a 三级 name is often this short
    tail_after_blank: float = 1.5      # … and follows its first line without a blank line between
    cell_piece_width: int = 24         # a line of a wrapped 年度指标值/实际完成值 cell is this wide at most
    lone_deviation_penalty: float = 3.0  # a deviation of one line printed apart from its name
    inline_deviation_goes_on: float = 3.0  # a deviation beside its name continued on the next line
    cut_alternatives: int = 3          # runners-up of the 三级 column's cut the rows may pick …
    cut_margin: float = 2.0            # … when this close to the best
    name_word_bonus: float = 1.0       # a line with an indicator-type word reads as a name
    stray_penalty: float = 6.0         # a line with Chinese in the 三级 column that is no part of it
    forced_cost_warning: float = 4.0   # readings forced by the row count that cost this much are reported
    # a unit name centred on its 实施单位 line (-layout): its first half above, indented at least
    # this much further than the 主管部门 label
    unit_above_indent: int = 20
    # -layout: positions are display columns, distances between lines count lines
    layout_piece_near: int = 10         # the pieces of one wrapped cell stand this close in x
    layout_label_near: int = 6         # … and those of one label
    layout_line_gap: int = 2           # a cell's lines stand at most this far apart (a label's line between)
    layout_group_off: float = 1.5      # a 二级 label this far off its rows' middle: warned
    layout_fragment_gap: int = 2       # spaces that part two fragments of a line
    layout_goal_gap: int = 10          # columns between the starts of the two goal texts
    # one cell per line (a spreadsheet's default-mode dump; a drawn form printed by columns)
    cells_goal_width: int = 56         # goal prose wraps wider than any other cell (display columns)
    goal_line_slack: int = 4           # full lines of one goal column are this close in width …
    goal_short_line: float = 0.8       # a goal line this much narrower than the widest ends a paragraph
    goal_column_gap: int = 8           # … and those of the two columns this far apart
    cells_full_line: int = 36          # a prose line this wide that ends a sentence may still run on
    cells_target_skip: float = 1.5     # a likely target word read as no target (per reason it is likely)
    cells_target_shift: float = 1.0    # a target placed this many rows from where it is printed
    cells_short_word: int = 8          # a word this narrow may be a target even with no cue
    cells_unit_clash: float = 10.0     # a target paired with an actual of another unit
    cells_unit_shift: float = 3.0      # a (target, actual) placed this many rows from where printed
    cells_unit_score: float = 1.5      # … on a row whose score says the opposite of the values
    cells_name_move: float = 5.0       # a name placed away from where it is printed …
    cells_name_shift: float = 0.5      # … and per row it moves
    cells_rank_shift: float = 3.0      # printed by columns: per row a name moves from its rank
    cells_name_run: int = 3            # this many names printed together are a piece of their column
    cells_name_tail: float = 2.0       # a name printed after the table, placed on any row
    cells_name_gap: float = 0.5        # printed by columns: a row left out of the names' order …
    cells_name_skip: float = 3.0       # … and a name left out of it
    cells_group_inversions: int = 2    # a block of names moved back where it leaves this many fewer
    cells_group_moves: int = 3         # … pairs against the groups' order; at most this many blocks,
    cells_group_work: int = 1500       # … and blocks × places tried at most this many
    cells_name_wrap: int = 30          # a name this wide may wrap in its cell …
    cells_name_tail_width: int = 4     # … leaving a tail this narrow on the next line
    cells_dev_piece: int = 8           # a text this wide right of a number on its line is a deviation's piece
    cells_dev_full: int = 26           # a deviation's line this wide that ends no sentence goes on …
    cells_dev_width: int = 56          # … with the next text at most this wide
    cells_label_reach: int = 8         # a label's pieces stand this many cells apart at most
    cells_group_anchor: float = 5.0    # a 二级 label printed among the rows, for the row it stands at
    cells_number_beam: int = 24        # 分值/得分 as columns: partial sums kept per count of weights;
    cells_sum_margin: float = 4.0      # … a labelling whose sums hold preferred by this much;
    cells_number_off_line: float = 2.0     # … two numbers of one line not read as 分值 then 得分;
    cells_number_column_break: float = 1.0  # … a block of numbers alone read as two columns;
    cells_number_off_header: float = 3.0   # … a number under 分值/得分 read as the other
    cells_number_beside: float = 5.0       # … a number at the start of a deviation's line read as 分值;
    cells_number_late: float = 0.1         # … numbers printed out of order put back, per place they move
    cells_number_moves: int = 600          # … (at most this many places tried in all)
    # a 项目资金 block printed by columns, read back by its arithmetic (fundgrid.py)
    fund_broken: float = 6.0           # a broken sum or rate
    fund_off_line: float = 1.0         # numbers of one line read out of column order
    fund_off_header: float = 1.0       # a number under a header word read into another column
    fund_off_row: float = 0.5          # per row a number is read away from the item printed before it
    fund_deferred: float = 0.5         # a column whose 年度资金总额 value is printed after the rows under it
    fund_max_nodes: int = 50000        # the search stops here and keeps the best found
    # --jobs: forms handed to the workers at a time, per worker
    jobs_window: int = 64
    # bounds on the searches, far above any real form: beyond them, reading order and a warning
    max_rows: int = 200
    max_chunks: int = 80
    # tolerances
    money_tolerance: float = 0.015     # 万元 sums (two-decimal rounding on each row)
    rate_tolerance: float = 0.011      # 执行率 to two decimals
    rounding_per_term: float = 0.005   # check: a sum of two-decimal figures may drift this much per term
    score_tolerance: float = 0.005
    # evidence weights: names <-> rows
    cue_substring: float = 3.0         # the qualitative target appears in the name (及时 in 及时性)
    cue_bigram: float = 1.5            # target and name share two adjacent characters
    cue_char: float = 0.5              # ... or one uncommon character
    cue_unit: float = 2.0              # unit 人 ↔ 人数, % ↔ 率, 元 ↔ 成本
    cue_group: float = 1.5             # the name's words fit the row's 二级 group
    cue_deviation_lost: float = 4.0    # a row that lost points has a deviation
    cue_deviation_full: float = 1.0    # a deviation on a row that kept all its points (rarer)
    cue_names_header: float = 3.0      # the 三级指标 header sits on top of row 1
    # priors of the 三级 column's layout (bands printed bottom-up)
    band_at_separator: float = 2.0     # another block between two units starts a new band …
    separator_in_band: float = 100.0   # … and never stands inside one (a constraint in effect)
    regular_bands: float = 2.0         # bands of one height, the header's band shorter
    blank_band_cut: float = 100.0      # a band boundary with only blank lines, in an irregular cut …
    regular_blank_cut: float = 15.0    # … and less in a regular one (the seed has such)
    align_rounds: int = 3              # names ⇄ groups placed again until stable, at most this often
    # evidence weights: rows <-> 二级 groups
    group_value_cue: float = 1.0
    group_name_cue: float = 1.5         # a name states its type; value words (提高) are shared more
    group_anchor: float = 50.0         # an inline or wrapped label next to a row
    # evidence weights: goals
    goal_amount_match: float = 3.0
    thin_margin: float = 1.0
