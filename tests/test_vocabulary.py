"""Rules come from the form's template, not from one sample: no project, department, unit or
indicator name of any sample appears in the parser's code."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


CORPUS = ROOT.parent / "shared" / "corpus"     # the development corpora, where this checkout has them


def sample_strings():
    """Project, department, unit and indicator names of the samples and, where present, of
    every record of the development corpora (dev and wide)."""
    out = set()
    for path in list((ROOT / "samples").glob("*.json")) + sorted(CORPUS.glob("*/*/*.json")):
        for rec in json.loads(path.read_text(encoding="utf-8")):
            out.update(x for x in (rec.get("project_name"), rec.get("department"),
                                   rec.get("implementing_unit")) if x)
            out.update(ind["name"] for ind in rec.get("indicators", []) if ind.get("name"))
    return out


def test_no_sample_string_in_the_parser_code():
    files = list((ROOT / "selfeval").rglob("*.py")) + list((ROOT / "selfeval").rglob("*.toml"))
    code = "\n".join(p.read_text(encoding="utf-8") for p in files)
    found = sorted(s for s in sample_strings() if s in code)
    assert found == []
