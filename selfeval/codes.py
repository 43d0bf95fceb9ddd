"""The diagnostic codes (``templates/codes.toml``)."""
from __future__ import annotations

import tomllib
from pathlib import Path

from .model import Diagnostic

INFO, WARNING, ERROR = "info", "warning", "error"

with open(Path(__file__).parent / "templates" / "codes.toml", "rb") as _f:
    CODES: dict[str, tuple[str, str]] = {code: (level, meaning) for code, (level, meaning) in tomllib.load(_f).items()}


def diag(code: str, message: str, lines=(), level: str | None = None) -> Diagnostic:
    """A diagnostic of a registered code, at its level unless ``level`` is given."""
    default, _ = CODES[code]
    return Diagnostic(level or default, code, message, list(lines))


def table() -> str:
    rows = ["| code | level | meaning |", "|---|---|---|"]
    rows += [f"| `{code}` | {level} | {meaning} |" for code, (level, meaning) in CODES.items()]
    return "\n".join(rows)
