"""What the dialects that keep printed lines (``raw``, ``layout``, ``default``) read alike: title block,
fund rows, the 总分 and 评分等级 lines, headers, printed labels and goal paragraphs printed whole."""
from __future__ import annotations

import attrs
import regex

from ..grid import Cell, Reading
from ..lexer import Lexed, next_line
from ..params import Params
from ..text import ends_sentence, has_han, join_wrapped, prose_marks, width

HEADER_KINDS = ("fund_header", "exec_header", "indicator_header", "names_header", "goals_header")
NEG = float("-inf")


def cell_of(it: Lexed, text: str | None = None, kind: str = "", x: int = -1) -> Cell:
    return Cell(it.text if text is None else text, [it.no], kind, y=it.line.no, x=x)


def template_cell(reading: Reading, lines: list[int], text: str, y: int = 0) -> Cell:
    c = reading.add(Cell(text, list(lines), "template", y=y))
    c.place("template")
    return c


def first_of(items: list[Lexed], kind: str) -> Lexed | None:
    return next((x for x in items if x.kind == kind), None)


def read_title(items: list[Lexed], reading: Reading, p: Params) -> set[int]:
    """Title block values (项目名称, 主管部门, 实施单位, title, year) from labelled lines."""
    used: set[int] = set()
    index = {id(x): i for i, x in enumerate(items)}
    for it in items:
        if it.kind not in ("title", "year", "project", "department", "unit") or index[id(it)] in used:
            continue
        if _taken(reading, it.kind):
            continue
        used.add(index[id(it)])
        _title_line(items, index[id(it)], reading, used, p)
    return used


def _taken(reading: Reading, kind: str) -> bool:
    slot = {"title": "title", "year": "year", "project": "project_name", "department": "department",
            "unit": "implementing_unit"}[kind]
    return slot in reading.title


def _title_line(items: list[Lexed], i: int, reading: Reading, used: set[int], p: Params) -> None:
    it = items[i]
    f = it.fields
    put = reading.title.setdefault
    if it.kind == "title":
        put("title", reading.add(cell_of(it, f["title"])))
        if f.get("year"):
            put("year", reading.add(Cell(f["year"], [it.no], y=it.no)))
    elif it.kind == "year":
        put("year", reading.add(cell_of(it, f["year"])))
    elif it.kind == "project":
        if f.get("value"):
            put("project_name", reading.add(cell_of(it, f["value"])))
        else:
            template_cell(reading, [it.no], it.text, it.no)
            _project_apart(items, i, reading, used)
    elif it.kind == "department":
        if f.get("value"):
            put("department", reading.add(cell_of(it, f["value"])))
        if f.get("unit"):
            put("implementing_unit", _body_wrapped(items, i, f["unit"], reading, used, p))
        if not f.get("value") or (f.get("has_unit") and not f.get("unit")):
            template_cell(reading, [it.no], it.text, it.no)
        if f.get("has_unit") and not f.get("unit"):
            _unit_around(items, i, reading, used, p)
    elif it.kind == "unit":
        if f.get("value"):
            put("implementing_unit", _body_wrapped(items, i, f["value"], reading, used, p))
        else:
            template_cell(reading, [it.no], it.text, it.no)


def _body_wrapped(items: list[Lexed], at: int, value: str, reading: Reading, used: set[int], p: Params) -> Cell:
    """A body's name at a line's end that stops short of a body's ending goes on alone on the next line
    when the two end as a body does (…交通运输 / 局, …社会保险事业 / 管理中心)."""
    it = items[at]
    t = p.template
    endings = t.words("bodies", "department_suffixes") + t.words("bodies", "org_suffixes")
    k = next_line(items, at + 1)
    if k is not None and not value.endswith(endings):
        nxt = items[k]
        if nxt.kind in ("text", "label") and len(nxt.text.split()) == 1 and not prose_marks(nxt.text) \
                and has_han(nxt.text) and (value + nxt.text).endswith(endings) \
                and len(nxt.text) <= max(map(len, endings)):
            used.add(k)
            return reading.add(Cell(value + nxt.text.strip(), [it.no, nxt.no], y=it.no))
    return reading.add(cell_of(it, value))


def _project_apart(items: list[Lexed], at: int, reading: Reading, used: set[int]) -> None:
    """``项目名称`` without its value: ``-raw`` of a spreadsheet prints it on the line after the year."""
    year = next((k for k, x in enumerate(items) if x.kind == "year"), None)
    if year is None:
        return
    for k in range(year + 1, len(items)):
        it = items[k]
        if it.kind == "blank":
            continue
        if it.kind == "text" and not prose_marks(it.text) and len(it.text.split()) == 1:
            reading.title["project_name"] = reading.add(cell_of(it))
            used.add(k)
        return


def _unit_around(items: list[Lexed], at: int, reading: Reading, used: set[int], p: Params, most: int = 3) -> None:
    """``主管部门 … 实施单位`` with the unit's name wrapped; ``-layout`` centres it, half on the line above."""
    taken: list[int] = []
    line = items[at].line.text
    label_indent = len(line) - len(line.lstrip())
    for k in range(at - 1, -1, -1):
        it = items[k]
        if it.kind == "blank":
            continue
        indent = len(it.line.text) - len(it.line.text.lstrip())
        if (it.kind == "text" and not prose_marks(it.text) and " " not in it.text
                and indent >= label_indent + p.rows.unit_above_indent):
            taken.append(k)
        break
    for k in range(at + 1, len(items)):
        it = items[k]
        if it.kind == "blank":
            continue
        # a piece no label starts with is the name's last character (会)
        text_like = it.kind == "text" or (it.kind == "label" and it.text not in p.template.label_prefixes)
        if not text_like or prose_marks(it.text) or len(taken) == most or " " in it.text:
            break
        taken.append(k)
    if taken:
        cells = [items[k] for k in sorted(taken)]
        reading.title["implementing_unit"] = reading.add(Cell(join_wrapped(x.text for x in cells),
                                                              [x.no for x in cells], y=cells[0].no))
        used.update(taken)


def read_funds(items: list[Lexed], reading: Reading, p: Params) -> set[int]:
    used: set[int] = set()
    t = p.template
    header = first_of(items, "fund_header")
    cols: list[str] = list(header.fields["columns"]) if header else []
    for k, it in enumerate(items):
        if it.kind == "exec_header" and cols:
            cols += [c for c in it.fields["columns"] if c not in cols]
        if it.kind in ("fund_header", "exec_header"):
            template_cell(reading, [it.no], it.text, it.no)
            used.add(k)
        elif it.kind == "fund_row" and it.fields["item"] and it.fields["item"] not in reading.fund_rows:
            values = it.fields["values"]
            reading.fund_rows[it.fields["item"]] = [reading.add(Cell(v, [it.no], "number", y=it.no)) for v in values]
            template_cell(reading, [it.no], it.fields["item"], it.no)
            used.add(k)
    reading.fund_columns = cols or list(t.fund_order)
    return used


NUMBER_PIECE = regex.compile(r"^-?[\d,]*\.?\d*$")


def _wrapped_total(items: list[Lexed], k: int, reading: Reading, p: Params) -> set[int]:
    """总分 with its number cut by a wrap (``总分 100.0`` / ``0``); the solver takes the total from the sums."""
    it = items[k]
    head, *rest = it.text.split()
    labelled = it.kind == "total"
    if not labelled and (p.template.label_slot(head) != "total" or not rest
                         or not all(NUMBER_PIECE.match(x) for x in rest)):
        return set()
    nxt = next_line(items, k + 1)
    if labelled and (nxt is None or items[nxt].kind not in ("pieces", "text", "label")
                     or not all(NUMBER_PIECE.match(x) for x in items[nxt].text.split())):
        return set()
    reading.total_label = template_cell(reading, [it.no], head, it.no)
    reading.total_pieces.append(reading.add(Cell(" ".join(rest), [it.no], "number", y=it.no)))
    used = {k}
    for j in range(k + 1, min(len(items), k + 3)):
        if items[j].kind == "blank":
            continue
        if not all(NUMBER_PIECE.match(x) for x in items[j].text.split()):
            break
        reading.total_pieces.append(reading.add(Cell(items[j].text, [items[j].no], "number", y=items[j].no)))
        used.add(j)
    return used


def read_total_grade(items: list[Lexed], reading: Reading, p: Params | None = None) -> set[int]:
    used: set[int] = set()
    for k, it in enumerate(items):
        if p is not None and reading.total is None and it.kind in ("text", "label", "total") and it.text:
            used |= _wrapped_total(items, k, reading, p)
        if it.kind == "total" and reading.total is None and k not in used:
            reading.total = (reading.add(Cell(it.fields["weight"], [it.no], "number", y=it.no)),
                             reading.add(Cell(it.fields["score"], [it.no], "number", y=it.no)))
            used.add(k)
        elif it.kind == "grade":
            if it.fields.get("grade") and reading.grade is None:
                reading.grade = reading.add(Cell(it.fields["grade"], [it.no], "grade", y=it.no))
            elif it.fields.get("grade"):    # a second grade: left unplaced, so that it is reported
                reading.add(Cell(it.text, [it.no], "text", y=it.no))
            else:
                template_cell(reading, [it.no], it.text, it.no)
            used.add(k)
    return used


def read_headers(items: list[Lexed], reading: Reading) -> set[int]:
    used = set()
    for k, it in enumerate(items):
        if it.kind in HEADER_KINDS and it.kind not in ("fund_header", "exec_header"):
            template_cell(reading, [it.no], it.text, it.no)
            used.add(k)
    return used


@attrs.define
class Label:
    text: str
    lines: list[int]
    first: int          # item index of its first piece
    last: int


def segment_labels(pieces: list[tuple[int, int, str]], labels: frozenset[str], longest: int) -> list[Label]:
    """Best split of label pieces into whole labels (most pieces covered, fewest labels)."""
    n = len(pieces)
    best: list[tuple] = [(0, 0, [])] + [(NEG, 0, [])] * n
    for i in range(1, n + 1):
        cand = (best[i - 1][0], best[i - 1][1], best[i - 1][2])
        for j in range(i - 1, -1, -1):
            text = "".join(x[2] for x in pieces[j:i])
            if len(text) > longest:
                break
            if text in labels and best[j][0] != NEG:
                c = (best[j][0] + (i - j), best[j][1] - 1, best[j][2] + [(j, i)])
                if c[:2] > cand[:2]:
                    cand = c
        best[i] = cand
    return [Label("".join(x[2] for x in pieces[j:i]), [x[1] for x in pieces[j:i]], pieces[j][0], pieces[i - 1][0])
            for j, i in best[n][2]]


def label_runs(items: list[Lexed], p: Params, kinds=("label",)) -> list[list[Label]]:
    t = p.template
    labels = frozenset(t.all_labels)
    longest = max(map(len, labels))
    margin = t.spellings("funds", "goals")
    runs: list[list[Label]] = []
    i = 0
    while i < len(items):
        if items[i].kind not in kinds:
            i += 1
            continue
        pieces = []
        j = i
        while j < len(items) and items[j].kind in kinds + ("blank",):
            if items[j].kind != "blank":
                pieces += [(j, items[j].no, tok) for tok in items[j].text.split()]
            j += 1
        got = segment_labels(pieces, labels, longest)
        # a margin label's head (its first four characters or more) whose tail went with a fund row's
        # values (项目资金（万 / 元） 142.87 …); not a word some label ends with (目标 of a deviation)
        covered = {k for lab in got for k in range(lab.first, lab.last + 1)}
        got += [Label(tok, [no], k, k) for k, no, tok in pieces
                if k not in covered and len(tok) >= 4 and any(m.startswith(tok) for m in margin)]
        if got:
            runs.append(sorted(got, key=lambda lab: lab.first))
        i = j
    return runs


def paragraphs_in_order(lines: list[tuple[int, str, bool]], p: Params, wider_starts: bool = True
                        ) -> list[list[tuple[int, str]]]:
    """Goal paragraphs printed whole; ``lines``: (line number, text, another block before it)."""
    paras: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    widest = 0
    slack = p.goals.full_line_slack
    column = max((width(x[1]) for x in lines), default=0)
    for k, (no, text, apart) in enumerate(lines):
        w = width(text)
        if current and (apart or (w > widest + slack and ends_sentence(current[-1][1]))):
            paras.append(current)
            current, widest = [], 0
        current.append((no, text))
        widest = max(widest, w)
        nxt = lines[k + 1][1] if k + 1 < len(lines) else None
        if ends_sentence(text) and (w < widest - slack or (wider_starts and nxt is not None and width(nxt) > w + slack
                                                           and w < column - 2 * slack)):
            paras.append(current)
            current, widest = [], 0
    if current:
        paras.append(current)
    return [x for x in paras if any(prose_marks(t) for _, t in x)]


def cut_label_heads(items: list[Lexed], p: Params) -> list[Lexed]:
    """Cut a label's last piece (``目标 预计覆盖…`` after ``年度`` / ``总体``) off into a label line of its own."""
    t = p.template
    labels = frozenset(t.all_labels)
    out: list[Lexed] = []
    for it in items:
        head, _, rest = it.text.partition(" ")
        if it.kind == "text" and rest.strip() and t.is_label_piece(head) and _ends_label(out, head, labels):
            line = it.line
            out.append(Lexed(attrs.evolve(line, text=head), "label", {"tokens": [head]}))
            out.append(Lexed(attrs.evolve(line, text=rest.strip()), "text", {}))
            continue
        out.append(it)
    return out


def _ends_label(before: list[Lexed], head: str, labels: frozenset[str]) -> bool:
    text = head
    for it in reversed(before):
        if it.kind == "blank":
            continue
        if it.kind != "label":
            return False
        text = "".join(it.text.split()) + text
        if text in labels:
            return True
    return False
