"""The form template is data: labels live only in the template file, a second template file
needs no Python, every diagnostic code is registered and the README's table is the registry's."""
import ast
import re
from pathlib import Path

import selfeval
from selfeval import codes
from selfeval.params import Params
from selfeval.template import NATIONAL, load

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "selfeval"
# modules of the legacy readers, deleted as their dialects move onto the shared core
LEGACY = {"vocab.py", "classify.py", "reassemble.py", "align.py", "rowtable.py", "layout.py", "cellseq.py",
          "fundgrid.py", "legacy_build.py", "cues.py", "dialect.py", "cells.py", "legacy_params.py"}


def _literals(path: Path):
    """The string literals of a module that are not docstrings, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def template_words() -> set[str]:
    words = set(NATIONAL.all_labels) | set(NATIONAL.fund_item_names)
    return {w for w in words if len(w) >= 2}


def test_no_template_label_in_a_python_string_literal():
    words = template_words()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in LEGACY and path.parent == PACKAGE:
            continue
        for line, text in _literals(path):
            hits = [w for w in words if w in text]
            if hits:
                found.append(f"{path.relative_to(ROOT)}:{line}: {hits[0]}")
    assert found == []


def test_the_test_above_finds_a_planted_label(tmp_path):
    planted = tmp_path / "m.py"
    planted.write_text('"""总分 in a docstring is fine."""\nX = "总分"\n', encoding="utf-8")
    assert [text for _, text in _literals(planted)] == ["总分"]


def test_a_second_template_file_needs_no_python(tmp_path):
    """A provincial variant spelling 项目名称 as 项目全称 and 总分 as 综合得分: the parser reads it
    with that template file and no change of code."""
    text = (PACKAGE / "templates" / "national.toml").read_text(encoding="utf-8")
    text = text.replace('project = ["项目名称"]', 'project = ["项目全称"]')
    text = text.replace('total = ["总分", "合计"]', 'total = ["综合得分"]')
    variant = tmp_path / "variant.toml"
    variant.write_text(text, encoding="utf-8")
    seed = (ROOT / "samples" / "songjiang-2024.txt").read_text(encoding="utf-8")
    dump = seed.replace("项目名称", "项目全称").replace("总分", "综合得分")
    national = selfeval.parse(dump)
    forms = selfeval.parse(dump, params=Params(template=load(variant)))
    assert [f.project_name for f in forms] == [f.project_name for f in selfeval.parse(seed)]
    assert all(f.project_name is None for f in national)


def _codes_used():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in LEGACY and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "diag" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                yield path.name, node.args[0].value


def test_every_diagnostic_code_is_registered():
    assert [(m, c) for m, c in _codes_used() if c not in codes.CODES] == []


def test_the_readme_table_of_codes_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- codes -->\n(.*?)\n<!-- /codes -->", readme, re.S)
    assert m is not None, "README.md has no <!-- codes --> table"
    assert m.group(1).strip() == codes.table().strip(), "run: python3 -m selfeval codes --markdown"
