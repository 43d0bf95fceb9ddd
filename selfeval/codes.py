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
    "dialect": (INFO, "which pdftotext dialect the form was read in, and how well the others fit"),
    "dialect-unread": (WARNING, "the dialect asked for (`--mode`) or detected could not read the form; "
                                "another was used"),
    # title block
    "missing-title": (WARNING, "no title found on the form"),
    "missing-year": (WARNING, "no year found on the form"),
    "missing-project-name": (ERROR, "no 项目名称 value found"),
    "missing-department": (ERROR, "no 主管部门 value found"),
    "missing-implementing-unit": (ERROR, "no 实施单位 value found"),
    "title-apart": (INFO, "a title block value printed away from its label, taken from where such values stand"),
    "duplicate-line": (WARNING, "a line that a form prints once (title, 项目名称, a fund row …) printed more "
                                "than once; the first is used"),
    # funds
    "fund-rows-missing": (ERROR, "fewer than the template's fund rows were found"),
    "fund-row-shape": (INFO, "a fund row printed with another count of values than its header's columns"),
    "funds-by-arithmetic": (INFO, "the 项目资金 block, printed column by column, read back by its arithmetic"),
    "funds-arithmetic": (WARNING, "the 项目资金 block as read breaks a sum or an 执行率 the arithmetic asks"),
    # the table
    "no-indicators": (ERROR, "no indicator value rows found"),
    "row-uncertain": (WARNING, "`indicators[k]`: the row's cells were rebuilt from pieces that leave a doubt"),
    "name-missing": (WARNING, "`indicators[k]`: no 三级指标 name found for the row"),
    "name-count-mismatch": (ERROR, "not one 三级指标 name per value row; names kept in reading order"),
    "names-forced": (INFO, "one 三级指标 entry per value row was reached only by reading some lines against their "
                           "looks; a warning when that cost much"),
    "name-order-uncertain": (WARNING, "the 三级指标 names could be ordered another way at little cost"),
    "name-group-conflict": (WARNING, "`indicators[k]`: the 三级指标 reads as another 二级 group than its row's: "
                                     "the name or the group may belong to another row"),
    "deviation-uncertain": (WARNING, "`indicators[k]`: the deviation's row or text is a guess among close choices"),
    "group-boundary-uncertain": (WARNING, "a 二级 group boundary rests on thin evidence"),
    "group-without-rows": (WARNING, "a 二级 label is printed but no row fits it"),
    "no-groups": (ERROR, "no 二级指标 label found; 一级/二级 left empty"),
    "number-pairs": (WARNING, "the count or the sums of the 分值/得分 numbers fit no pairing; taken in printed order"),
    "values-moved": (INFO, "a row's cells printed away from it, put back by the row's evidence"),
    # totals
    "missing-total": (ERROR, "no 总分 row found"),
    "total-from-sums": (WARNING, "the printed 总分 could not be read; the total is the sum of the rows"),
    "total-unverified": (WARNING, "总分 taken from where it is printed; the rows do not add up to it"),
    "missing-grade": (WARNING, "no 评分等级 found on the form"),
    # goals
    "goal-missing": (WARNING, "fewer than the two goal texts found"),
    "goal-order-uncertain": (WARNING, "预期目标 and 实际完成情况 read alike; taken in printed order"),
    "goal-split": (WARNING, "the two goal texts ran together; cut where a sentence ends and the reading turns "
                            "from intended to done"),
    "goals-interleaved": (WARNING, "the lines of the two goal texts were printed interleaved; told apart by their "
                                   "widths: check both texts"),
    "goal-uncertain": (WARNING, "a goal text that does not read as one paragraph: it may hold lines of the other"),
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
