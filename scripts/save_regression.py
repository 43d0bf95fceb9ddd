#!/usr/bin/env python3
"""Keep a falsifying example of the round-trip property as a regression case.

    python3 scripts/save_regression.py PYTEST_OUTPUT NAME "what it protects"

Reads the ``Falsifying example: test_…(forms=[…], layout=Layout(…))`` block that pytest
printed, and writes tests/regressions/NAME.json with the records, the layout and the note;
tests/test_regressions.py replays every such file.
"""
import json
import re
import sys
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfeval.model import CellValue, Form, FundRow, Goals, Indicator, Source, Total  # noqa: E402,F401
from selfeval.render import Layout  # noqa: E402,F401


def main() -> int:
    out, name, note = sys.argv[1], sys.argv[2], sys.argv[3]
    text = Path(out).read_text(encoding="utf-8")
    block = text[text.index("Falsifying example:"):]
    lines = []
    for line in block.split("\n")[1:]:
        line = re.sub(r"^E\s{7}", "", line)
        lines.append(line)
        if line == ")":
            break
    call = "dict(" + "\n".join(lines)
    args = eval(call)  # the repr of attrs objects, printed by hypothesis
    case = {"note": note,
            "layout": attrs.asdict(args["layout"]),
            "forms": [f.to_dict() for f in args["forms"]]}
    path = ROOT / "tests" / "regressions" / f"{name}.json"
    path.write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
