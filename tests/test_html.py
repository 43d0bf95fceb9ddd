"""selfeval explain --html: one self-contained page per dump, checked in a real browser.

The browser tests run headless Chromium (Debian's package ``chromium``): ``--dump-dom`` gives
the page as its script left it, ``--screenshot`` what a person sees (kept under pytest's tmp
dir; ``SELFEVAL_UPDATE_DOCS=1`` also copies it to docs/explain.png, the README's picture:

    SELFEVAL_UPDATE_DOCS=1 python3 -m pytest -q tests/test_html.py -k screenshot

). Without Chromium they are skipped, saying how to install it.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import selfeval

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "songjiang-2024.txt"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed: apt-get install chromium (Debian's package)")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# ---- a small DOM of the page, to query what it shows ----------------------------------------------

class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent, self.children, self.parts = tag, attrs, parent, [], []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text() for p in self.parts)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def find(self, tag: str | None = None, cls: str | None = None, **attrs) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.at = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.at)
        self.at.children.append(node)
        self.at.parts.append(node)
        if tag not in VOID:
            self.at = node

    def handle_endtag(self, tag):
        n = self.at
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.at = n.parent

    def handle_data(self, data):
        self.at.parts.append(data)


def dom(text: str) -> Node:
    b = _Builder()
    b.feed(text)
    return b.root


# ---- running the tool and the browser ---------------------------------------------------------------

def explain_html(out: Path, *args, src: Path = SEED) -> str:
    name = src.relative_to(ROOT) if src.is_relative_to(ROOT) else src      # as a user types it
    r = subprocess.run([sys.executable, "-m", "selfeval", "explain", "--html", str(name), "-o", str(out), *args],
                       capture_output=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr.decode()
    return out.read_text(encoding="utf-8")


def chromium(tmp: Path, page: Path, *args: str, fragment: str = "") -> subprocess.CompletedProcess:
    profile = tmp / "chromium-profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args, page.resolve().as_uri() + fragment]
    return subprocess.run(cmd, capture_output=True, timeout=180)


def dump_dom(tmp: Path, page: Path, fragment: str = "") -> Node:
    r = chromium(tmp, page, "--dump-dom", fragment=fragment)
    assert r.returncode == 0 and r.stdout, r.stderr.decode(errors="replace")[-2000:]
    return dom(r.stdout.decode("utf-8"))


def source_lines(path: Path = SEED) -> dict[int, str]:
    """The dump's non-blank lines by number, as the page shows them (no trailing blanks)."""
    text = path.read_text(encoding="utf-8")
    return {no: ln.rstrip() for no, ln in enumerate(text.split("\n"), 1) if ln.strip()}


def shown_lines(root: Node) -> dict[int, str]:
    return {int(n.attrs["data-no"]): n.find("span", "t")[0].text() for n in root.find("div", "ln")}


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html") / "r.html"
    explain_html(out)
    return out


@pytest.fixture(scope="module")
def seed_dom(seed_page, tmp_path_factory) -> Node:
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed: apt-get install chromium (Debian's package)")
    return dump_dom(tmp_path_factory.mktemp("chromium"), seed_page)


def warnings(form) -> list:
    """A record's warnings as the page counts them: its warning diagnostics and check's."""
    return ([d for d in form.diagnostics if d.level == "warning"]
            + [f for f in selfeval.check(form) if f.level == "warning"])


def explained(form: int) -> dict:
    r = subprocess.run([sys.executable, "-m", "selfeval", "explain", "--json", str(SEED)], capture_output=True,
                       cwd=ROOT, check=True)
    return json.loads(r.stdout)[form]


def fields_of(slot: str | None) -> list[str]:
    """A cell's slot as fields: ``indicators[1..6].level1`` stands for rows 1 to 6."""
    m = re.fullmatch(r"indicators\[(\d+)\.\.(\d+)\]\.(\w+)", slot or "")
    if m:
        return [f"indicators[{j}].{m.group(3)}" for j in range(int(m.group(1)), int(m.group(2)) + 1)]
    return [] if slot in (None, "template") else [slot]


def field_lines(form: int, field: str) -> set[int]:
    """The lines ``explain --json`` gives for one field."""
    return {ln["no"] for ln in explained(form)["lines"] for c in ln["cells"] if field in fields_of(c["slot"])}


# ---- the page as the browser shows it ------------------------------------------------------------------

@needs_chromium
def test_the_page_shows_the_five_forms_all_86_rows_and_every_line(seed_dom):
    root = seed_dom
    assert root.find("body")[0].attrs.get("data-ready") == "1", "the page's script did not run"
    forms = [n for n in root.find("section", "form") if re.fullmatch(r"form\d+", n.attrs.get("id", ""))]
    assert [n.attrs["id"] for n in forms] == [f"form{k}" for k in range(5)]
    rows = root.find("tr", "row")
    assert len(rows) == 86
    assert [len(f.find("tr", "row")) for f in forms] == [10, 10, 16, 17, 33]
    assert shown_lines(root) == source_lines()
    # the list of forms at the top links each with its counts of warnings and errors
    toc = root.find("table", "toc")[0]
    links = [a.attrs["href"] for a in toc.find("a")]
    assert links == [f"#form{k}" for k in range(5)]
    warned = [int(tr.find("td", "cw")[0].text()) for tr in toc.find("tr")[1:]]
    assert warned == [len(warnings(f)) for f in selfeval.parse_file(SEED)]
    assert warned[1] >= 2 and warned[4] >= 2           # the seed's name-group-conflicts, at least


@needs_chromium
def test_the_drawn_form_holds_the_record(seed_dom):
    forms = selfeval.parse_file(SEED)
    for k, form in enumerate(forms):
        section = seed_dom.find("section", id=f"form{k}")[0]
        cells = {n.attrs["data-slots"]: n.text() for n in section.find(cls="f")}
        assert cells["project_name"] == form.project_name
        assert cells["goals.expected"] == form.goals.expected and cells["goals.actual"] == form.goals.actual
        for j, ind in enumerate(form.indicators):
            assert cells[f"indicators[{j}].name"] == ind.name
            assert cells[f"indicators[{j}].target"] == ind.target
        assert cells["grade"] == form.grade
        # 一级 as merged cells: one cell per run of rows, spanning them
        merged = [n for n in section.find("td", "f") if n.attrs["data-slots"].endswith(".level1")]
        assert sum(int(n.attrs.get("rowspan", 1)) for n in merged) == len(form.indicators)
        assert len(merged) == len({i.level1 for i in form.indicators})


@needs_chromium
def test_selecting_a_field_lights_its_lines(seed_page, tmp_path):
    want = field_lines(0, "indicators[3].name")
    assert want                                    # the seed prints it on line 97
    root = dump_dom(tmp_path, seed_page, "#select=form0.indicators[3].name")
    lit = {int(n.attrs["data-no"]) for n in root.find("div", "hl")}
    assert lit == want
    selected = root.find(cls="sel")
    assert [n.attrs["data-slots"] for n in selected] == ["indicators[3].name"]


@needs_chromium
def test_a_merged_cell_lights_its_label_lines_and_a_line_lights_its_fields(seed_page, tmp_path):
    root = dump_dom(tmp_path, seed_page, "#select=form0.indicators[3].level1")
    want = field_lines(0, "indicators[3].level1")     # the 一级 label of rows 1-6, printed once
    assert want and {int(n.attrs["data-no"]) for n in root.find("div", "hl")} == want
    lit = root.find(cls="sel")
    assert len(lit) == 1 and int(lit[0].attrs["rowspan"]) > 1 and "indicators[3].level1" in lit[0].attrs["data-slots"]
    root = dump_dom(tmp_path, seed_page, "#select=line18")      # =360.95(万元) 319.93(万元), wrapped
    lit = sorted(n.attrs["data-slots"] for n in root.find(cls="hl"))
    line18 = next(ln for ln in explained(0)["lines"] if ln["no"] == 18)
    assert lit == sorted({f for c in line18["cells"] for f in fields_of(c["slot"])})
    assert lit == ["indicators[0].actual", "indicators[0].target"]
    assert [n.attrs["id"] for n in root.find(cls="sel")] == ["l18"]


@needs_chromium
def test_warnings_mark_their_field_and_lines(seed_dom):
    section = seed_dom.find("section", id="form1")[0]
    assert "warn" in section.classes
    name = [n for n in section.find(cls="f") if n.attrs["data-slots"] == "indicators[6].name"][0]
    assert "warn" in name.classes and "name-group-conflict" in name.attrs["title"]
    assert "warn" in section.find("div", id="l200")[0].classes
    listed = section.find("div", "notes")[0].text()
    assert "name-group-conflict" in listed and "deviation-uncertain" in listed


@needs_chromium
def test_screenshot(seed_page, tmp_path):
    """What a person sees: form 1, with its warned row selected (kept as a test artefact)."""
    page = tmp_path / "form1.html"
    explain_html(page, "--form", "1")
    shot = tmp_path / "explain.png"
    r = chromium(tmp_path, page, "--window-size=1500,1400", f"--screenshot={shot}",
                 fragment="#select=form1.indicators[6].name")
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000, "a page with no text: no font? apt-get install fonts-noto-cjk"
    if os.environ.get("SELFEVAL_UPDATE_DOCS"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(shot, ROOT / "docs" / "explain.png")


@needs_chromium
def test_input_cannot_inject_markup_or_script(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    evil = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
    planted = tmp_path / "evil.txt"
    planted.write_text(evil + "\n\n" + text.replace("编外人员工作经费", "\"><b id=inj>x</b>" + evil, 1),
                       encoding="utf-8")
    page = explain_html(tmp_path / "evil.html", src=planted)
    assert "<script>document" not in page and "<b id=inj>" not in page
    root = dump_dom(tmp_path, tmp_path / "evil.html")
    assert root.find("img") == [] and root.find("b", id="inj") == []
    assert "pwned" not in root.find("title")[0].text()
    cells = {n.attrs["data-slots"]: n.text() for n in root.find("section", id="form0")[0].find(cls="f")}
    assert cells["project_name"].endswith(evil)
    assert shown_lines(root)[1] == evil


# ---- the page without a browser -----------------------------------------------------------------------

def test_the_page_is_self_contained(seed_page):
    text = seed_page.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text and "<link" not in text
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", text)
    assert text.count("<style>") == 1 and text.count("<script>") == 1


def test_lines_outside_any_form_and_in_no_field_are_shown_so(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    dump = tmp_path / "d.txt"
    dump.write_text("一段不属于任何表的说明文字\n\n" + text, encoding="utf-8")
    root = dom(explain_html(tmp_path / "d.html", src=dump))
    outside = root.find("section", id="outside")[0]
    line = outside.find("div", id="l1")[0]
    assert "outside" in line.classes and "一段不属于任何表的说明文字" in line.text()
    assert shown_lines(root) == source_lines(dump)


def test_check_findings_are_listed_and_mark_their_fields(tmp_path):
    text = SEED.read_text(encoding="utf-8").split("\n")
    assert text[22] == "20.00 18.00"
    text[22] = "20.00 19.00"            # the rows no longer add up to the total score
    dump = tmp_path / "d.txt"
    dump.write_text("\n".join(text), encoding="utf-8")
    root = dom(explain_html(tmp_path / "d.html", src=dump))
    section = root.find("section", id="form0")[0]
    assert "err" in section.classes
    assert "scores-sum" in section.find("div", "notes")[0].text()
    total = [n for n in section.find(cls="f") if n.attrs["data-slots"] == "total.score"][0]
    assert "err" in total.classes
    assert root.find("table", "toc")[0].find("tr")[1].find("td", "ce")[0].text() == "1"


def test_form_option_gives_a_page_of_one_form(tmp_path):
    root = dom(explain_html(tmp_path / "one.html", "--form", "2"))
    assert [n.attrs["id"] for n in root.find("section", "form")] == ["form2"]


def test_html_and_json_together_is_a_usage_error():
    r = subprocess.run([sys.executable, "-m", "selfeval", "explain", "--html", "--json", str(SEED)],
                       capture_output=True, cwd=ROOT)
    assert r.returncode == 2 and b"--html" in r.stderr
