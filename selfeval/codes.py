"""The registry of diagnostic codes (``templates/codes.toml``): each code's level and meaning.

Every diagnostic the parser writes is made here (``diag``), so a code always has its listed
level and meaning; the README's table is generated from ``CODES`` (``selfeval codes``) and a
test keeps the two in step.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from .model import Diagnostic

INFO, WARNING, ERROR = "info", "warning", "error"

with open(Path(__file__).parent / "templates" / "codes.toml", "rb") as _f:
    CODES: dict[str, tuple[str, str]] = {code: (level, meaning) for code, (level, meaning) in tomllib.load(_f).items()}


def diag(code: str, message: str, lines=(), level: str | None = None) -> Diagnostic:
    """A diagnostic of a registered code, at the code's level unless one is given."""
    default, _ = CODES[code]
    return Diagnostic(level or default, code, message, list(lines))


def table() -> str:
    """The README's table of diagnostic codes (Markdown)."""
    rows = ["| code | level | meaning |", "|---|---|---|"]
    rows += [f"| `{code}` | {level} | {meaning} |" for code, (level, meaning) in CODES.items()]
    return "\n".join(rows)
