"""Field-by-field comparison of records (``source``, ``diagnostics``, absent keys ignored)."""
from __future__ import annotations

import json
from typing import Any

IGNORED = ("source", "diagnostics")


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def differences(expected: list[dict], got: list[dict], ignored: tuple[str, ...] = IGNORED) -> list[str]:
    """Records -> one ``path: expected … got …`` line per differing field."""
    out: list[str] = []

    def walk(want: Any, have: Any, path: str) -> None:
        if isinstance(want, dict) and isinstance(have, dict):
            for key, value in want.items():
                if key in ignored:
                    continue
                if key not in have:
                    out.append(f"{path}.{key}: expected {_show(value)} got nothing")
                else:
                    walk(value, have[key], f"{path}.{key}")
        elif isinstance(want, list) and isinstance(have, list):
            for i, (a, b) in enumerate(zip(want, have)):
                walk(a, b, f"{path}[{i}]")
            for i in range(len(have), len(want)):
                out.append(f"{path}[{i}]: expected {_summary(want[i])} got nothing")
            for i in range(len(want), len(have)):
                out.append(f"{path}[{i}]: expected nothing got {_summary(have[i])}")
        elif want != have or type(want) is not type(have) and not _same_number(want, have):
            out.append(f"{path}: expected {_show(want)} got {_show(have)}")

    for i, (a, b) in enumerate(zip(expected, got)):
        walk(a, b, f"form[{i}]")
    for i in range(len(got), len(expected)):
        out.append(f"form[{i}]: expected {_summary(expected[i])} got nothing")
    for i in range(len(expected), len(got)):
        out.append(f"form[{i}]: expected nothing got {_summary(got[i])}")
    return out


def _same_number(a: Any, b: Any) -> bool:
    # 1 and 1.0 are the same figure; True is not 1
    numbers = (int, float)
    return (isinstance(a, numbers) and isinstance(b, numbers)
            and not isinstance(a, bool) and not isinstance(b, bool) and a == b)


def _summary(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("project_name", "name", "item"):
            if value.get(key):
                return f"{{{key}: {_show(value[key])}}}"
    return _show(value)
