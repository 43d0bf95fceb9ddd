#!/usr/bin/env python3
"""Render expected records and parse them back: prints each field that does not come back.

    python3 scripts/roundtrip.py DIR_OR_JSON...

Exit status 1 when any record differs. Reads only the paths it is given (for example the
dev corpus next to this checkout); the tests never depend on it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import selfeval  # noqa: E402
from selfeval.diff import differences  # noqa: E402
from selfeval.model import Form  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    files = []
    for p in map(Path, a.paths):
        files += sorted(p.rglob("*.json")) if p.is_dir() else [p]
    seen, bad, forms_total = set(), 0, 0
    for path in files:
        records = json.loads(path.read_text(encoding="utf-8"))
        for rec in records:
            key = json.dumps(rec, sort_keys=True, ensure_ascii=False)
            if key in seen:
                continue
            seen.add(key)
            forms_total += 1
            text = selfeval.render([Form.from_dict(rec)])
            got = selfeval.parse(text)
            if len(got) != 1:
                print(f"{path.name}: {len(got)} forms back")
                bad += 1
                continue
            d = differences([rec], [got[0].to_dict()])
            if d:
                bad += 1
                print(f"{path.name} {rec.get('project_name')}:")
                for line in d[:6]:
                    print(f"   {line}")
    print(f"distinct forms {forms_total}, not round-tripped {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
