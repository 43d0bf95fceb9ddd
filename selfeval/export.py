"""Stage 7: export records. JSON (one array, written record by record) and JSON Lines."""
from __future__ import annotations

import json
from typing import IO

from .model import Form


def dumps(form: Form, indent: int | None = None) -> str:
    return json.dumps(form.to_dict(), ensure_ascii=False, indent=indent)


class JsonWriter:
    """Writes ``[rec, rec, …]`` as the records come, so memory does not hold the array."""

    def __init__(self, out: IO[str], indent: int = 2):
        self.out, self.indent, self.count = out, indent, 0

    def write(self, form: Form) -> None:
        self.out.write("[\n" if self.count == 0 else ",\n")
        self.out.write(dumps(form, self.indent))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


class JsonlWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, form: Form) -> None:
        self.out.write(dumps(form) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()
