"""``layout``: pdftotext ``-layout``, each printed line of the page, the cells of a row side by side.

A row's single-line cells stand on its middle line, a wrapped cell spreads above and below it, merged
label cells stand mid-group. pdftotext narrows the gaps between cells, so display columns (CJK: two)
are trusted roughly, the order of tokens on a line fully.
"""
from __future__ import annotations

import attrs

from ..codes import diag
from ..grid import Cell, Entry, NameOrder, Pin, Reading, Row
from ..lexer import Lexed
from ..params import Params
from ..text import (
    QUANT_HEAD_RE, QUANT_RE, QUANT_TAIL_RE, QUANT_UNIT_RE, ends_sentence, is_whole_cell, join_wrapped, prose_marks,
    tokens_at, width,
)
from .common import label_runs, read_funds, read_headers, read_title, read_total_grade, template_cell
from .features import shape, share
from .raw import split_cells, split_row

NAME = "layout"
COLUMNS = ("name", "target", "actual", "dev")


def detect(items: list[Lexed], p: Params) -> float:
    """Runs of 3+ spaces between the cells of most lines."""
    f = shape(items)
    gaps = share(f.gaps, f.lines)
    return 0.0 if gaps < p.detect.layout_gap_share / 2 else min(1.0, gaps / p.detect.layout_gap_share)


@attrs.define
class Fragment:
    line: int           # item index
    no: int
    x: int              # display column where it starts
    text: str


@attrs.define
class _Anchor:
    index: int
    f: dict
    x: dict             # column -> x of its own token there


def _achievement_split(token: str, t) -> list[str]:
    """A target and actual glued together (按时完成达成指标): split off the template's result word."""
    words = t.words("cells", "achievement")
    if token in words:
        return [token]
    for word in sorted(words, key=len, reverse=True):
        head = token[:-len(word)]
        if token.endswith(word) and head and head not in ("部分", "基本", "未", "已") and not head.endswith(("(", "（")):
            return [head, word]
    return [token]


def _split_tokens(toks: list[tuple[int, str]], t) -> list[tuple[int, str]]:
    out = []
    for x, tok in toks:
        parts = _achievement_split(tok, t) if not prose_marks(tok) else [tok]
        if len(parts) == 2:
            out += [(x, parts[0]), (x + width(parts[0]), parts[1])]
        else:
            out.append((x, tok))
    return out


def _scan(items: list[Lexed], start: int, end: int, name_x: int, p: Params):
    """Label pieces, anchors (分值 得分 lines) and loose tokens of the table."""
    t = p.template
    anchors: list[_Anchor] = []
    labels: list[Fragment] = []
    loose: list[tuple[int, int, str]] = []      # (item index, x, token)
    for i in range(start + 1, end):
        if items[i].kind == "blank":
            continue            # a line joined into another by rejoin keeps its text: not read twice
        toks = _split_tokens(tokens_at(items[i].line.text), t)
        k = 0
        while k < len(toks) and t.is_label_piece(toks[k][1]) and toks[k][0] < name_x:
            labels.append(Fragment(i, items[i].no, toks[k][0], toks[k][1]))
            k += 1
        rest = toks[k:]
        if not rest:
            continue
        f = split_row(" ".join(x for _, x in rest), t, one_cell=True)
        if f is not None and f.get("pieces") is not None:
            anchors.append(_Anchor(i, {**f, "pieces": None}, {}))
            loose.extend((i, x, tok) for x, tok in rest[:len(f["pieces"])])
        elif f is not None:
            anchors.append(_anchor(i, f, rest, loose))
        else:
            loose.extend((i, x, tok) for x, tok in rest)
    return anchors, labels, loose


def _anchor(i: int, f: dict, rest: list[tuple[int, str]], loose: list) -> _Anchor:
    xs = {}
    pos = 0
    for col in ("name", "target", "actual"):
        if f.get(col) is None:
            continue
        xs[col] = rest[pos][0]
        pos += len(f[col].split())
    if f.get("cell"):
        loose.append((i, rest[pos][0], f["cell"]))     # one cell beside the name, the other wrapped
        pos += 1
    pos += 2
    if f["deviation"]:
        xs["dev"] = rest[pos][0] if pos < len(rest) else None
    return _Anchor(i, f, xs)


def _columns(anchors: list[_Anchor], header: dict) -> dict:
    """Column x from the anchors' cells, else from the header (packed closer by pdftotext)."""
    col_x = {}
    for col in COLUMNS:
        xs = sorted(a.x[col] for a in anchors if a.x.get(col) is not None)
        if xs:
            col_x[col] = xs[len(xs) // 2]
    for col, x in header.items():
        col_x.setdefault(col, x)
    return col_x


def _column_of(x: int, token: str, col_x: dict, p: Params) -> str:
    quantish = bool(QUANT_RE.match(token) or QUANT_HEAD_RE.match(token) or QUANT_TAIL_RE.match(token))
    if prose_marks(token) and not quantish:
        return "dev"
    if "dev" in col_x and x >= col_x["dev"] - 2 and not quantish:
        return "dev"
    wide = width(token) > p.rows.cell_piece_width
    candidates = ("target", "actual") if quantish else ("name", "dev") if wide else COLUMNS
    known = [c for c in candidates if c in col_x]
    if not known:
        return candidates[0]
    return min(known, key=lambda c: abs(col_x[c] - x))


def _type_loose(loose: list, items: list[Lexed], col_x: dict, p: Params) -> dict[str, list[Fragment]]:
    pieces: dict[str, list[Fragment]] = {c: [] for c in COLUMNS}
    by_line: dict[int, list[tuple[int, str]]] = {}
    for i, x, tok in loose:
        by_line.setdefault(i, []).append((x, tok))
    for i, toks in by_line.items():
        cols = [_column_of(x, tok, col_x, p) for x, tok in toks]
        cellish = [k for k, c in enumerate(cols) if c in ("target", "actual")]
        if len(cellish) == 2:
            # two pieces on one line: their order tells the columns
            cols[cellish[0]], cols[cellish[1]] = "target", "actual"
        for (x, tok), c in zip(toks, cols):
            pieces[c].append(Fragment(i, items[i].no, x, tok))
    return pieces


def _goes_on(text: str, above: list[Fragment], col: str, own: str | None, t) -> bool:
    """At equal distance from two rows, does this piece go on with the row above?"""
    if col == "name":
        before = (above[-1].text if above else own) or ""
        # the name above stops mid-word, or this is a stub
        return bool(before) and (not before.endswith(t.words("cues", "name_endings")) or len(text) <= 2)
    if col in ("target", "actual"):
        return bool(QUANT_TAIL_RE.match(text)) or not (QUANT_RE.match(text) or QUANT_HEAD_RE.match(text))
    return bool(above)


def _to_rows(frags: list[Fragment], anchors: list[_Anchor], col: str, t) -> list[list[Fragment]]:
    """Fragments to the nearest anchor; on a tie, one going on with the text above goes up."""
    out: list[list[Fragment]] = [[] for _ in anchors]
    idx = [a.index for a in anchors]
    whole = [_whole(a.f.get(col), col, t) for a in anchors]
    for fr in sorted(frags, key=lambda q: (q.line, q.x)):
        order = sorted(range(len(idx)), key=lambda r: (abs(idx[r] - fr.line), r))
        d = abs(idx[order[0]] - fr.line)
        ties = [r for r in order if abs(idx[r] - fr.line) == d]
        if len(ties) > 1:
            up, down = ties[0], ties[-1]
            best = up if _goes_on(fr.text, out[up], col, anchors[up].f.get(col), t) else down
            if whole[best] and not whole[up + down - best]:
                best = up + down - best
        else:
            best = ties[0]
            if whole[best] and fr.line != idx[best]:
                near = [r for r in order[1:] if not whole[r] and abs(idx[r] - fr.line) <= d + 1]
                best = near[0] if near else best
        out[best].append(fr)
    return out


def _whole(value: str | None, col: str, t) -> bool:
    if not value:
        return False
    if col in ("target", "actual"):
        return is_whole_cell(value)
    return col == "name" and value.endswith(t.words("cues", "name_endings"))


def _deviations_to_rows(frags: list[Fragment], anchors: list[_Anchor], items: list[Lexed],
                        line_gap: int, no_deviation: tuple[str, ...]) -> list[list[Fragment]]:
    """Deviation blocks (cut after sentence ends and 无) go to the row on their lines, else the nearest."""
    own = [Fragment(a.index, items[a.index].no, a.x.get("dev") or 0, a.f["deviation"])
           for a in anchors if a.f.get("deviation")]
    owner = {a.index: r for r, a in enumerate(anchors)}
    seq = sorted(frags + own, key=lambda q: (q.line, q.x))
    blocks: list[list[Fragment]] = []
    for fr in seq:
        two_rows = fr in own and any(x in own for x in blocks[-1]) if blocks else False
        last = blocks[-1][-1].text if blocks else ""
        if blocks and fr.line - blocks[-1][-1].line <= line_gap and not ends_sentence(last) and not two_rows \
                and last not in no_deviation:
            blocks[-1].append(fr)
        else:
            blocks.append([fr])
    out: list[list[Fragment]] = [[] for _ in anchors]
    idx = [a.index for a in anchors]
    for block in blocks:
        mine = [owner[fr.line] for fr in block if fr in own]
        if mine:
            r = mine[0]
        else:
            middle = (block[0].line + block[-1].line) / 2
            r = min(range(len(idx)), key=lambda k: (abs(idx[k] - middle), k))
        out[r].extend(block)
    return out


def _row_cells(pieces: list[Fragment], near: int) -> tuple[str, str] | None:
    """A row's two cells: wrapped pieces stand one under the other, 年度指标值 on the left."""
    from ..text import OPERATORS
    cells: list[tuple[int, str]] = []
    heads: list[list] = []
    for q in sorted(pieces, key=lambda q: (q.line, q.x)):
        if QUANT_HEAD_RE.match(q.text):
            heads.append([q.x, q.text])
        elif heads and not QUANT_RE.match(q.text):
            h = min(heads, key=lambda h: abs(h[0] - q.x))
            if abs(h[0] - q.x) > near:
                return None
            h[1] += q.text
            if QUANT_RE.match(h[1]):
                heads.remove(h)
                cells.append((h[0], h[1]))
        elif QUANT_UNIT_RE.match(q.text) and (bare := _unitless(cells)):
            # a centred row: a number's unit under it, on the line after the row's
            c = min(bare, key=lambda c: abs(c[0] - q.x))
            cells[cells.index(c)] = (c[0], c[1] + q.text)
        elif is_whole_cell(q.text):
            cells.append((q.x, q.text))
        else:
            return None
    if heads or len(cells) != 2:
        return None
    (_, left), (_, right) = sorted(cells)
    # positions across lines are rough: an operator marks the 年度指标值
    if right.startswith(OPERATORS) and not left.startswith(OPERATORS):
        left, right = right, left
    return left, right


def _unitless(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells that are numbers without a unit, when every cell is a quantity; else none."""
    found = [QUANT_RE.match(text) for _, text in cells]
    return [c for c, m in zip(cells, found) if not m["unit"]] if all(found) else []


def _build_rows(anchors: list[_Anchor], pieces: dict[str, list[Fragment]], items: list[Lexed], p: Params):
    t = p.template
    per = {c: _to_rows(pieces[c], anchors, c, t) for c in COLUMNS if c != "dev"}
    per["dev"] = _deviations_to_rows(pieces["dev"], anchors, items, p.rows.line_gap, t.words("cells", "no_deviation"))
    out = []
    for r, a in enumerate(anchors):
        cells = _value_cells(a, per["target"][r], per["actual"][r], p)
        name_p = per["name"][r]
        name = join_wrapped([q.text for q in name_p if q.line < a.index] + ([a.f["name"]] if a.f.get("name") else [])
                            + [q.text for q in name_p if q.line > a.index])
        dev = join_wrapped(q.text for q in sorted(per["dev"][r], key=lambda q: (q.line, q.x)))
        own = items[a.index].no
        lines = {own} | {q.no for c in ("target", "actual") for q in per[c][r]}
        name_lines = sorted({q.no for q in name_p} | ({own} if a.f.get("name") else set()))
        dev_lines = sorted({q.no for q in per["dev"][r]} | ({own} if a.f.get("deviation") else set()))
        lo = min([a.index] + [q.line for c in COLUMNS for q in per[c][r]])
        hi = max([a.index] + [q.line for c in COLUMNS for q in per[c][r]])
        out.append((a, cells, (name, name_lines), (dev, dev_lines), sorted(lines), (lo, hi)))
    return out


def _value_cells(a: _Anchor, target_p: list[Fragment], actual_p: list[Fragment], p: Params) -> tuple[str, str]:
    f = a.f
    cells = {}
    for col, got in (("target", target_p), ("actual", actual_p)):
        above = [q.text for q in got if q.line < a.index]
        below = [q.text for q in got if q.line > a.index]
        own = [q.text for q in got if q.line == a.index] + ([f[col]] if f.get(col) else [])
        cells[col] = join_wrapped(above + own + below)
    own_frags = [Fragment(a.index, 0, a.x[c], f[c]) for c in ("target", "actual") if f.get(c) and a.x.get(c) is not None]
    side = _row_cells(target_p + actual_p + own_frags, p.rows.piece_near)
    if side:
        return side
    if is_whole_cell(cells["target"]) and is_whole_cell(cells["actual"]):
        return cells["target"], cells["actual"]
        # no two cells (a piece read into the wrong column): weigh every split
    both = [q.text for q in sorted(target_p, key=lambda q: (q.line, q.x))]
    both += [f[c] for c in ("target", "actual") if f.get(c)]
    both += [q.text for q in sorted(actual_p, key=lambda q: (q.line, q.x))]
    split = split_cells(both) if len(both) > 1 else None
    return split or (cells["target"], cells["actual"])


def _emit_rows(built, reading: Reading, items: list[Lexed]) -> None:
    entries = []
    for a, (target, actual), (name, name_lines), (dev, dev_lines), lines, (lo, hi) in built:
        y, own = a.index, [items[a.index].no]
        tc = reading.add(Cell(target, lines, "target", y=y)) if target else None
        ac = reading.add(Cell(actual, lines, "actual", y=y)) if actual else None
        wc = reading.add(Cell(a.f["weight"], own, "number", y=y))
        sc = reading.add(Cell(a.f["score"], own, "number", y=y))
        reading.rows.append(Row(tc, ac, wc, sc, y=y, extent=(lo, hi)))
        nc = reading.add(Cell(name, name_lines, "name", y=y)) if name else None
        dc = reading.add(Cell(dev, dev_lines, "deviation", y=y)) if dev else None
        entries.append(Entry(nc, dc))
    reading.orders = [NameOrder(entries)]


def _join_labels(frags: list[Fragment], p: Params) -> tuple[list[tuple[str, float, list[int]]], list[Fragment]]:
    """One column's label pieces joined into (text, middle line, lines), and the pieces left."""
    t = p.template
    labels: list[tuple[str, float, list[int]]] = []
    open_: dict[str, list[Fragment]] = {}
    for fr in sorted(frags, key=lambda q: q.line):
        fits = [key for key, buf in open_.items()
                if abs(buf[-1].x - fr.x) <= p.rows.label_near and fr.line - buf[-1].line <= p.rows.line_gap
                and any(lab.startswith("".join(q.text for q in buf) + fr.text) for lab in t.all_labels)]
        if fits:
            key = min(fits, key=lambda k: (abs(open_[k][-1].x - fr.x), -len(open_[k])))
            buf = open_[key]
            buf.append(fr)
            text = "".join(q.text for q in buf)
            if text in t.all_labels and not any(lab.startswith(text) and lab != text for lab in t.level2):
                labels.append((text, sum(q.line for q in buf) / len(buf), [q.no for q in buf]))
                del open_[key]
        elif fr.text in t.all_labels:
            labels.append((fr.text, fr.line, [fr.no]))
        else:
            open_[f"{fr.line}:{fr.x}"] = [fr]
    left: list[Fragment] = []
    for buf in open_.values():      # a label complete though a longer one starts the same way
        text = "".join(q.text for q in buf)
        if text in t.all_labels:
            labels.append((text, sum(q.line for q in buf) / len(buf), [q.no for q in buf]))
        else:
            left += buf
    return labels, left


def _pin_labels(labels: list[tuple[str, float, list[int]]], reading: Reading, anchors: list[_Anchor], p: Params):
    """Pin 二级 labels at their middle line, 一级 labels at the nearest row."""
    t = p.template
    idx = [a.index for a in anchors]
    for text, y, lines in labels:
        c = reading.add(Cell(text, lines, "label", y=int(y)))
        if text in t.level2:
            reading.pins.append(Pin(text, c, "middle", y=y))
        elif text in t.level1 and idx:
            reading.pins.append(Pin(text, c, "contains", min(range(len(idx)), key=lambda r: abs(idx[r] - y))))
        else:
            c.place("template")


def _goal_columns(items: list[Lexed], used: set[int], reading: Reading, p: Params) -> set[int]:
    """The two goal texts side by side under the goal header, margin label (年度 / 总体 / 目标) dropped."""
    t = p.template
    head = next((i for i, x in enumerate(items) if x.kind == "goals_header"), None)
    if head is None:
        return set()
    stop = next((i for i in range(head + 1, len(items)) if items[i].kind in ("indicator_header", "fund_header")),
                len(items))
    lines = []
    margin = []
    label = "\x00".join(t.spellings("goals"))     # 年度总体目标, cut anywhere by its narrow column
    for i in range(head + 1, stop):
        if items[i].kind == "blank" or i in used:
            continue
        toks = tokens_at(items[i].line.text)
        # a line of label pieces only (the indicator header's wrapped first line: 年度指标 … 偏差原因分析及改进措),
        # then pieces of the goals' own label starting a line — not a goal text's line starting with a
        # character that some label holds (出)
        pieces = all(t.is_label_piece(x) and not prose_marks(x) for _, x in toks)
        while toks and (pieces or (toks[0][1] in label and not prose_marks(toks[0][1]))):
            margin.append((items[i].no, toks[0][1]))
            toks = toks[1:]
        if toks:
            lines.append((i, toks))
    if not lines:
        return set()
    cols = _sides(lines, items, p)
    slots = [s for s in items[head].fields["slots"]]
    order = ["goals.expected", "goals.actual"] if not slots or slots[0] == "goal_expected" else ["goals.actual",
                                                                                                 "goals.expected"]
    reading.goal_slots = []
    for col, slot in zip(cols, order):
        if col:
            reading.goals.append(reading.add(Cell(join_wrapped(x for _, x in col), [n for n, _ in col], "goal")))
            reading.goal_slots.append(slot)
    _wider_than_the_texts(cols, reading, p)
    for no, text in margin:
        template_cell(reading, [no], text)
    return {i for i, _ in lines}


def _wider_than_the_texts(cols: list[list[tuple[int, str]]], reading: Reading, p: Params) -> None:
    """A line far wider than the goal texts' lines holds both texts run together (pdftotext left one
    space between them, nothing tells where to cut): a doubt on that line."""
    lines = [x for col in cols for x in col]
    widths = sorted(width(t) for _, t in lines)
    if len(widths) < 3:
        return
    usual = widths[len(widths) // 2]
    wide = [no for no, t in lines if width(t) > usual * p.rows.goal_line_excess + p.rows.fragment_gap]
    if wide:
        reading.diagnostics.append(diag("goal-uncertain", "a goal text: a line far wider than its others; it may "
                                        "hold lines of the other", wide))


def _sides(lines: list[tuple[int, list[tuple[int, str]]]], items: list[Lexed], p: Params):
    """Each text's lines: a lone fragment goes to the text whose lines start nearest (pdftotext shifts it)."""
    frags = [(i, _fragments(toks, p.rows.fragment_gap)) for i, toks in lines]
    if not any(len(f) >= 2 for _, f in frags):
        got = _one_space_apart(lines, items, p)
        if got is not None:
            return got
    left_x = sorted(f[0][0] for _, f in frags if len(f) >= 2)
    right_x = sorted(f[-1][0] for _, f in frags if len(f) >= 2)
    widths = sorted(width(f[0][1]) for _, f in frags if len(f) >= 2)
    left_w = widths[len(widths) // 2] if widths else 0
    left_max = widths[-1] if widths else 0
    starts = sorted({f[0][0] for _, f in frags})
    gaps = [(b - a, (a + b) / 2) for a, b in zip(starts, starts[1:])]
    split_x = max(gaps)[1] if gaps and max(gaps)[0] >= p.rows.goal_gap else float("inf")
    cols: list[list[tuple[int, str]]] = [[], []]
    right_alone: set[int] = set()
    for i, f in frags:
        no = items[i].no
        if len(f) >= 2:
            cols[0].append((no, f[0][1]))
            cols[1].append((no, "".join(x for _, x in f[1:])))
            continue
        x, text = f[0]
        if left_x and right_x:
            lx, rx = left_x[len(left_x) // 2], right_x[len(right_x) // 2]
            side = int(abs(x - lx) > abs(x - rx))
            if x - lx > p.rows.fragment_gap and (width(text) > left_max + p.rows.fragment_gap or x in right_alone):
                side = 1        # wider than the left text ever is
                right_alone.add(x)
            toks = dict(lines)[i]
            cut = _two_texts(toks, left_w, p) if not side else None
            if cut is not None:
                # one space apart: the right text starts at the right column
                cols[0].append((no, " ".join(tok for _, tok in toks[:cut])))
                cols[1].append((no, " ".join(tok for _, tok in toks[cut:])))
                continue
        else:
            side = int(x >= split_x)
        cols[side].append((no, text))
    return cols


def _one_space_apart(lines: list[tuple[int, list[tuple[int, str]]]], items: list[Lexed], p: Params):
    """No line shows the two texts a gap apart and none starts right of the left text's middle:
    where both texts stand on a line pdftotext left one space between them. The left text's
    width is that of its widest line of one token (starting where the texts start); a line wider
    than that by more than a gap is cut where the left text's width ends. None when no line is
    cut (one text, or nothing to tell)."""
    gap = p.rows.fragment_gap
    lx = min(toks[0][0] for _, toks in lines)
    alone = [width(toks[0][1]) for _, toks in lines if len(toks) == 1 and toks[0][0] - lx <= gap]
    if not alone:
        return None
    left_w = max(alone)
    if any(toks[0][0] - lx > left_w // 2 for _, toks in lines):
        return None         # a line of the right text alone: its start tells the columns
    cols: list[list[tuple[int, str]]] = [[], []]
    cut_any = False
    for i, toks in lines:
        no = items[i].no
        cut = _two_texts(toks, left_w, p)
        if cut is None:
            cols[0].append((no, " ".join(tok for _, tok in toks)))
            continue
        cut_any = True
        cols[0].append((no, " ".join(tok for _, tok in toks[:cut])))
        cols[1].append((no, " ".join(tok for _, tok in toks[cut:])))
    return cols if cut_any else None


def _two_texts(toks: list[tuple[int, str]], left_w: int, p: Params) -> int | None:
    """A left-text line with the right text after one space (pdftotext narrowed the gap): the cut."""
    if len(toks) < 2 or not left_w:
        return None
    first = toks[0][0]
    end = toks[-1][0] + width(toks[-1][1])
    if end - first <= left_w + 2 * p.rows.fragment_gap:
        return None
    return min(range(1, len(toks)), key=lambda k: abs(toks[k - 1][0] + width(toks[k - 1][1]) - first - left_w))


def _fragments(tokens: list[tuple[int, str]], gap: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    end = None
    for x, tok in tokens:
        if out and end is not None and x - end < gap:
            out[-1] = (out[-1][0], out[-1][1] + " " + tok)
        else:
            out.append((x, tok))
        end = x + width(tok)
    return out


def _table(items: list[Lexed], reading: Reading, used: set[int], p: Params) -> set[int]:
    start = next((i for i, x in enumerate(items) if x.kind == "indicator_header"), None)
    if start is None:
        return set()
    end = next((i for i in range(start + 1, len(items)) if items[i].kind in ("total", "grade")), len(items))
    header = tokens_at(items[start].line.text)
    slots = {"name": "name", "deviation": "dev"}
    at = {slots[p.template.label_slot(tok)]: x for x, tok in header if p.template.label_slot(tok) in slots}
    name_x = at.setdefault("name", header[0][0] + 20)
    body = [i for i in range(start + 1, end) if i not in used and items[i].kind != "indicator_header"]
    anchors, labels, loose = _scan(items, start, end, name_x, p)
    anchors = [a for a in anchors if a.index in body]
    if not anchors:
        return set()
    col_x = _columns(anchors, at)
    joined, left = _join_labels([fr for fr in labels if fr.line in body], p)
    # a piece in the names' column that spells no label is a name's wrapped end (度)
    names_x = sorted(a.x["name"] for a in anchors if a.x.get("name") is not None) or [col_x["name"]]
    tails = [fr for fr in left if fr.x >= names_x[0] - 1]
    loose += [(fr.line, fr.x, fr.text) for fr in tails]
    pieces = _type_loose([x for x in loose if x[0] in body], items, col_x, p)
    _emit_rows(_build_rows(anchors, pieces, items, p), reading, items)
    _pin_labels(joined + [_leftover(fr) for fr in left if fr not in tails], reading, anchors, p)
    return set(body) | {start}


def _leftover(fr: Fragment) -> tuple[str, float, list[int]]:
    return fr.text, fr.line, [fr.no]


def read(items: list[Lexed], p: Params) -> Reading:
    reading = Reading(NAME)
    used = read_title(items, reading, p) | read_funds(items, reading, p) | read_total_grade(items, reading, p)
    used |= read_headers(items, reading)
    used |= _goal_columns(items, used, reading, p)
    used |= _table(items, reading, used, p)
    free = [x if i not in used else Lexed(x.line, "blank") for i, x in enumerate(items)]
    for run in label_runs(free, p):
        for lab in run:
            template_cell(reading, lab.lines, lab.text)
    return reading
