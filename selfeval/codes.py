"""The registry of diagnostic codes: each code's level and meaning, in one place.

Every diagnostic the parser writes is made here (``diag``), so a code always has the level
and meaning listed; the README's table of diagnostics is generated from ``CODES``
(``python3 -m selfeval codes``) and a test keeps the two in step. A warning is a doubt the
reader should check against the printed form; ``info`` says how something was read, for
``explain``; an error means the record is incomplete.
"""
from __future__ import annotations

from .model import Diagnostic

INFO, WARNING, ERROR = "info", "warning", "error"

# code -> (level, meaning)
CODES: dict[str, tuple[str, str]] = {
    # books
    "unassigned": (WARNING, "a non-blank input line that went into no field; its number is given"),
    "internal-error": (ERROR, "reading this form met an unexpected failure (the exception's type and message); "
                              "its lines are reported as unassigned"),
    "bad-bytes": (WARNING, "bytes that do not decode in the file's encoding (or a NUL) on this line, read as U+FFFD; "
                           "the message gives their byte offsets"),
    "control-characters": (WARNING, "control characters (an escape sequence, a stray bell …) removed from this line"),
    "search-bounded": (ERROR, "the form is larger or more tangled than any real one: a search stopped at its bound and "
                              "the form was read in a cheaper way; check it"),
    "dialect": (INFO, "which pdftotext dialect the form was read in, and how well the others fit"),
    "dialect-unread": (WARNING, "the dialect asked for (`--mode`) or detected could not read the form; "
                                "another was used"),
    # title block
    "missing-title": (WARNING, "no title found on the form"),
    "missing-year": (WARNING, "no year found on the form"),
    "missing-project-name": (ERROR, "no project name (the value of its label) found"),
    "missing-department": (ERROR, "no department (supervising body) found"),
    "missing-implementing-unit": (ERROR, "no implementing unit found"),
    "title-apart": (INFO, "a title block value printed away from its label, taken from where such values stand"),
    "duplicate-line": (WARNING, "a line that a form prints once (the title, the project name, a fund row …) printed more "
                                "than once; the first is used"),
    # funds
    "fund-rows-missing": (ERROR, "fewer than the template's fund rows were found"),
    "fund-row-shape": (INFO, "a fund row printed with another count of values than its header's columns"),
    "funds-by-arithmetic": (INFO, "the fund block, printed column by column, read back by its arithmetic"),
    "funds-arithmetic": (WARNING, "the fund block as read breaks a sum or an execution rate its arithmetic asks"),
    # the table
    "no-indicators": (ERROR, "no indicator value rows found"),
    "row-uncertain": (WARNING, "`indicators[k]`: the row's cells were rebuilt from pieces that leave a doubt"),
    "name-missing": (WARNING, "`indicators[k]`: no indicator name found for the row"),
    "name-count-mismatch": (ERROR, "not one indicator name per value row; names kept in reading order"),
    "names-forced": (INFO, "one indicator name per value row was reached only by reading some lines against their "
                           "looks; a warning when that cost much"),
    "name-order-uncertain": (WARNING, "the indicator names could be ordered another way at little cost"),
    "name-group-conflict": (WARNING, "`indicators[k]`: the indicator name reads as another level-2 group than its row's: "
                                     "the name or the group may belong to another row"),
    "deviation-uncertain": (WARNING, "`indicators[k]`: the deviation's row or text is a guess among close choices"),
    "group-boundary-uncertain": (WARNING, "a 二级 group boundary rests on thin evidence"),
    "group-without-rows": (WARNING, "a 二级 label is printed but no row fits it"),
    "no-groups": (ERROR, "no level-2 group label found; the levels are left empty"),
    "number-pairs": (WARNING, "the count or the sums of the rows' weights and scores fit no pairing; taken in printed order"),
    "values-moved": (WARNING, "a row's cells printed away from it, put back by the row's evidence"),
    # totals
    "missing-total": (ERROR, "no total row found"),
    "total-from-sums": (WARNING, "the printed total could not be read; the total is the sum of the rows"),
    "total-unverified": (WARNING, "the total taken from where it is printed; the rows do not add up to it"),
    "missing-grade": (WARNING, "no grade found on the form"),
    # goals
    "goal-missing": (WARNING, "fewer than the two goal texts found"),
    "goal-order-uncertain": (WARNING, "the expected and the actual goal text read alike; taken in printed order"),
    "goal-split": (WARNING, "the two goal texts ran together; cut where a sentence ends and the reading turns "
                            "from intended to done"),
    "goals-interleaved": (WARNING, "the lines of the two goal texts were printed interleaved; told apart by their "
                                   "widths: check both texts"),
    "goal-uncertain": (WARNING, "a goal text that does not read as one paragraph: it may hold lines of the other"),
    # the cells dialect
    "unit-apart": (INFO, "the implementing unit printed away from the title block: the body's name found among "
                         "the table's cells taken"),
    "department-order": (INFO, "the implementing unit printed before the department: told apart by how their "
                               "names end"),
    "fund-value-apart": (INFO, "a fund row's values printed after the other rows, put in the columns it lacks"),
    "goal-paragraphs": (WARNING, "more than two prose texts where the two goal texts were expected; the first two "
                                 "are taken"),
    "goals-header-missing": (WARNING, "goal texts found without the goal columns' header"),
    "cells-count-mismatch": (ERROR, "fewer target cells found than actual cells"),
    "number-moved": (WARNING, "a weight or score printed out of its row's place, put back where the sums hold"),
    "numbers-by-column": (INFO, "weights and scores printed as columns, not row by row: read as two streams where "
                                "the sums hold"),
    "values-paired-by-unit": (WARNING, "targets and actuals printed out of step, paired by their units"),
    "printed-by-columns": (INFO, "the table printed column by column: cells matched to rows by their rank in each "
                                 "column"),
    "names-regrouped": (WARNING, "a block of indicator names printed apart from the names' column put back where "
                                 "its cue words stand in the template's order of groups"),
    "name-run": (INFO, "names printed together before a row given in order to the rows up to it that no other "
                       "name names"),
    "name-moved": (INFO, "an indicator name placed on another row than where it is printed, by its cues"),
    "name-order-unsearched": (WARNING, "more names or rows than a form has: names kept in printed order"),
    "deviation-joined": (INFO, "the lines of a deviation printed apart (other cells between them) joined"),
    "deviation-opener-uncertain": (WARNING, "a deviation's first line, printed apart, could open more than one "
                                            "line printed beside a row's score; the closest in print was taken"),
    "deviation-column": (INFO, "deviations printed together at a page's foot given in order to the rows above "
                               "that lost points"),
    "deviation-row-uncertain": (WARNING, "deviations printed apart for another count of rows that lost points; "
                                         "their rows are a guess"),
}


def diag(code: str, message: str, lines=(), level: str | None = None) -> Diagnostic:
    """A diagnostic of a registered code, at the code's level unless one is given."""
    default, _ = CODES[code]
    return Diagnostic(level or default, code, message, list(lines))


def table() -> str:
    """The README's table of diagnostic codes (Markdown)."""
    rows = ["| code | level | meaning |", "|---|---|---|"]
    rows += [f"| `{code}` | {level} | {meaning} |" for code, (level, meaning) in CODES.items()]
    return "\n".join(rows)
