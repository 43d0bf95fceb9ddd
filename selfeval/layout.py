"""Stage 4c: the indicator table of a ``-layout`` dump, from character positions.

pdftotext ``-layout`` keeps each printed line of the page, the cells of a row side by side:
the row's single-line cells (分值, 得分, often the name and the cells) on its middle line,
a cell that wraps spread over the lines above and below it, and the merged 一级/二级 label
cells in the middle of their groups. Positions are display columns (a CJK character takes
two); pdftotext narrows the gaps between cells, so they are trusted only roughly, and the
order of the tokens on a line is trusted fully.

``read_layout_table(items, params)``:

1. the anchors: lines that hold a row's 分值 得分 (``split_row`` of what stands right of
   the label cells);
2. every other fragment of the table is typed by its looks and its position next to the
   anchors' own cells: label piece, name piece, cell piece (年度指标值 or 实际完成值),
   deviation piece;
3. each fragment goes to the nearest anchor in its column; at equal distance a piece that
   goes on with the text above (``人/月)``, a sentence left open) goes up, one that starts a
   cell goes down;
4. labels are joined from their pieces, and each 二级 label takes the run of rows whose
   middle is nearest its own line (an order-keeping search over the rows).
"""
from __future__ import annotations

import attrs

from .cells import (
    QUANT_HEAD_RE, QUANT_RE, QUANT_TAIL_RE, ends_sentence, join_wrapped, prose_marks, width,
)
from .classify import Classified, is_label_piece
from .cues import name_groups
from .model import Diagnostic
from .legacy_params import Params
from .reassemble import Row, _is_cell, _num, _split_cells
from .rowtable import Table, TableRow, split_row
from .vocab import INDICATOR_ENDINGS, LABELS, LEVEL1, LEVEL1_OF, LEVEL2, NO_DEVIATION_WORDS, OPERATORS

COLUMNS = ("name", "target", "actual", "dev")


@attrs.define
class Fragment:
    line: int           # item index
    no: int             # line number
    x: int              # display column where it starts
    text: str


def tokens_at(text: str) -> list[tuple[int, str]]:
    """(display column, token) for each space-separated token of a raw line."""
    out, col, i = [], 0, 0
    while i < len(text):
        if text[i] == " ":
            col += 1
            i += 1
            continue
        j = i
        while j < len(text) and text[j] != " ":
            j += 1
        out.append((col, text[i:j]))
        col += width(text[i:j])
        i = j
    return out


@attrs.define
class _Anchor:
    index: int
    f: dict
    x: dict             # column -> x of the anchor's own token there


def read_layout_table(items: list[Classified], params: Params) -> Table | None:
    start = next((i for i, x in enumerate(items) if x.kind == "indicator_header"), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(items)) if items[i].kind in ("total", "grade")), len(items))
    header = tokens_at(items[start].line.text)
    name_x = next((x for x, t in header if t == "三级指标"), None)
    if name_x is None:
        return None

    anchors: list[_Anchor] = []
    labels: list[Fragment] = []
    loose: list[tuple[int, int, str]] = []      # (item index, x, token) not on an anchor's cells
    for i in range(start + 1, end):
        toks = tokens_at(items[i].line.text)
        k = 0
        while k < len(toks) and is_label_piece(toks[k][1]) and toks[k][0] < name_x:
            labels.append(Fragment(i, items[i].no, toks[k][0], toks[k][1]))
            k += 1
        rest = toks[k:]
        if not rest:
            continue
        f = split_row(" ".join(t for _, t in rest), one_cell=True)
        if f is not None and f.get("pieces") is not None:
            # pieces of the cells beside the pair: the row's line all the same
            anchors.append(_Anchor(i, {**f, "pieces": None}, {}))
            loose.extend((i, x, t) for x, t in rest[:len(f["pieces"])])
            continue
        if f is not None:
            xs = {}
            pos = 0
            for col, value in (("name", f["name"]), ("target", f["target"]), ("actual", f["actual"])):
                if value is None:
                    continue
                n = len(value.split())
                xs[col] = rest[pos][0]
                pos += n
            if f.get("cell"):
                # one cell beside the name, the other wrapped: a loose token of its column
                loose.append((i, rest[pos][0], f["cell"]))
                pos += 1
            pos += 2
            if f["deviation"]:
                xs["dev"] = rest[pos][0] if pos < len(rest) else None
            anchors.append(_Anchor(i, f, xs))
            continue
        loose.extend((i, x, t) for x, t in rest)
    if not anchors:
        return None

    # where each column stands, from the anchors' own cells
    col_x = {}
    for col in COLUMNS:
        xs = sorted(a.x[col] for a in anchors if a.x.get(col) is not None)
        if xs:
            col_x[col] = xs[len(xs) // 2]
    col_x.setdefault("name", name_x)

    # type each loose token, then put it into its row
    pieces: dict[str, list[Fragment]] = {c: [] for c in COLUMNS}
    by_line: dict[int, list[tuple[int, str]]] = {}
    for i, x, t in loose:
        by_line.setdefault(i, []).append((x, t))
    for i, toks in by_line.items():
        cols = [_column_of(x, t, col_x) for x, t in toks]
        cellish = [k for k, c in enumerate(cols) if c in ("target", "actual")]
        if len(cellish) == 2:
            # two cell pieces on one line: the order of the line tells the columns
            cols[cellish[0]], cols[cellish[1]] = "target", "actual"
        for (x, t), c in zip(toks, cols):
            pieces[c].append(Fragment(i, items[i].no, x, t))
    rows_pieces = {c: _to_rows(pieces[c], anchors, c) for c in COLUMNS if c != "dev"}
    rows_pieces["dev"] = _deviations_to_rows(pieces["dev"], anchors, items, params.layout_line_gap)

    diags: list[Diagnostic] = []
    out: list[TableRow] = []
    for r, a in enumerate(anchors):
        f = a.f
        lines = {items[a.index].no}
        cells = {}
        for col in ("target", "actual"):
            got = rows_pieces[col][r]
            lines.update(p.no for p in got)
            above = [p.text for p in got if p.line < a.index]
            below = [p.text for p in got if p.line > a.index]
            own = [p.text for p in got if p.line == a.index] + ([f[col]] if f.get(col) else [])
            cells[col] = join_wrapped(above + own + below) if (above or own or below) else ""
        own_frags = [Fragment(a.index, items[a.index].no, a.x[c], f[c]) for c in ("target", "actual")
                     if f.get(c) and a.x.get(c) is not None]
        side = _row_cells(rows_pieces["target"][r] + rows_pieces["actual"][r] + own_frags,
                          params.layout_piece_near)
        if side:
            cells["target"], cells["actual"] = side
        elif not (_is_cell(cells["target"]) and _is_cell(cells["actual"])):
            # the columns' pieces did not make two cells (a piece read into the wrong
            # column): weigh every split of all of them, target column first
            both = [p.text for p in sorted(rows_pieces["target"][r], key=lambda p: (p.line, p.x))]
            both += [f[c] for c in ("target", "actual") if f.get(c)]
            both += [p.text for p in sorted(rows_pieces["actual"][r], key=lambda p: (p.line, p.x))]
            split = _split_cells(both) if len(both) > 1 else None
            if split:
                cells["target"], cells["actual"] = split
        name_p = rows_pieces["name"][r]
        name = join_wrapped([p.text for p in name_p if p.line < a.index] + ([f["name"]] if f.get("name") else [])
                            + [p.text for p in name_p if p.line > a.index])
        dev_p = rows_pieces["dev"][r]
        dev = join_wrapped([p.text for p in dev_p])
        lines.update(p.no for p in name_p + dev_p)
        row = Row(cells["target"], cells["actual"], _num(f["weight"]), _num(f["score"]), [],
                  sorted(lines), a.index, a.index)
        tr = TableRow(row, name_pieces=[name] if name else [], name_lines=sorted({p.no for p in name_p} | {items[a.index].no}),
                      dev_pieces=[dev] if dev else [],
                      dev_lines=sorted({p.no for p in dev_p} | ({items[a.index].no} if f.get("deviation") else set())))
        if not _is_cell(row.target) or not _is_cell(row.actual):
            diags.append(Diagnostic("warning", "cells-uncertain", "年度指标值/实际完成值 rebuilt from pieces "
                                    "that do not make two whole cells", row.lines))
        out.append(tr)
    extents = []
    for r, a in enumerate(anchors):
        lines_r = [a.index] + [p.line for c in COLUMNS for p in rows_pieces[c][r]]
        extents.append((min(lines_r), max(lines_r)))
    _place_labels(labels, out, extents, diags, params)
    used = sorted({a.index for a in anchors} | {i for i, _, _ in loose} | {fr.line for fr in labels})
    for k in used:
        items[k].kind = "cell"
    return Table(out, used, diags, sorted({fr.no for fr in labels}))


def _row_cells(pieces: list[Fragment], near: int) -> tuple[str, str] | None:
    """A row's two cells from all its cell pieces: a wrapped cell's pieces stand one under
    the other (about the same column), the two cells side by side, 年度指标值 on the left."""
    cells: list[tuple[int, str]] = []
    heads: list[list] = []                  # [x, text] of cells still open
    for p in sorted(pieces, key=lambda p: (p.line, p.x)):
        if QUANT_HEAD_RE.match(p.text):
            heads.append([p.x, p.text])
        elif heads and not QUANT_RE.match(p.text):
            h = min(heads, key=lambda h: abs(h[0] - p.x))
            if abs(h[0] - p.x) > near:
                return None
            h[1] += p.text
            if QUANT_RE.match(h[1]):
                heads.remove(h)
                cells.append((h[0], h[1]))
        elif _is_cell(p.text):
            cells.append((p.x, p.text))
        else:
            return None
    if heads or len(cells) != 2:
        return None
    (_, left), (_, right) = sorted(cells)
    # positions across lines are rough: an operator marks the 年度指标值 (a target is
    # "≥ 50", an actual is a figure)
    if right.startswith(OPERATORS) and not left.startswith(OPERATORS):
        left, right = right, left
    return left, right


def _column_of(x: int, token: str, col_x: dict) -> str:
    """A loose token's column: its looks first, then the nearest column of its kind."""
    if prose_marks(token) and not (QUANT_RE.match(token) or QUANT_HEAD_RE.match(token)):
        return "dev"
    quantish = bool(QUANT_RE.match(token) or QUANT_HEAD_RE.match(token) or QUANT_TAIL_RE.match(token))
    candidates = ("target", "actual") if quantish else COLUMNS
    known = [c for c in candidates if c in col_x]
    if not known:
        return candidates[0]
    return min(known, key=lambda c: abs(col_x[c] - x))


def _to_rows(frags: list[Fragment], anchors: list[_Anchor], col: str) -> list[list[Fragment]]:
    """Each fragment to the nearest anchor (by line); at equal distance, a piece that goes on
    with the text above goes up, one that starts a cell goes down."""
    out: list[list[Fragment]] = [[] for _ in anchors]
    idx = [a.index for a in anchors]
    for fr in sorted(frags, key=lambda p: (p.line, p.x)):
        best = min(range(len(idx)), key=lambda r: abs(idx[r] - fr.line))
        d = abs(idx[best] - fr.line)
        ties = [r for r in range(len(idx)) if abs(idx[r] - fr.line) == d]
        if len(ties) > 1:
            up, down = ties[0], ties[-1]
            best = up if _goes_on(fr.text, out[up], col, anchors[up].f.get(col)) else down
        out[best].append(fr)
    return out


def _deviations_to_rows(frags: list[Fragment], anchors: list[_Anchor], items: list[Classified],
                        line_gap: int) -> list[list[Fragment]]:
    """A deviation cell is a block of nearby lines (at most one line of another column
    between two of them), its last line ending a sentence, centred on its row: blocks are cut after each sentence end, a block that
    holds a row's own piece (on the row's line) is that row's, any other goes to the row
    nearest its middle line."""
    own = [Fragment(a.index, items[a.index].no, a.x.get("dev") or 0, a.f["deviation"])
           for a in anchors if a.f.get("deviation")]
    owner = {a.index: r for r, a in enumerate(anchors)}
    seq = sorted(frags + own, key=lambda p: (p.line, p.x))
    blocks: list[list[Fragment]] = []
    for fr in seq:
        # a line of another column (a label) may stand between two lines of one cell
        two_rows = fr in own and any(x in own for x in blocks[-1]) if blocks else False
        last = blocks[-1][-1].text if blocks else ""
        if blocks and fr.line - blocks[-1][-1].line <= line_gap and not ends_sentence(last) \
                and last not in NO_DEVIATION_WORDS \
                and not two_rows:
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


def _goes_on(text: str, above: list[Fragment], col: str, own: str | None = None) -> bool:
    """At equal distance from two rows, does this piece go on with the row above?"""
    if col == "name":
        before = (above[-1].text if above else own) or ""
        # the name above stops mid-word (not the way names end), or this is a stub
        return bool(before) and (not before.endswith(INDICATOR_ENDINGS) or len(text) <= 2)
    if col in ("target", "actual"):
        return bool(QUANT_TAIL_RE.match(text)) or not (QUANT_RE.match(text) or QUANT_HEAD_RE.match(text))
    if col == "dev":
        return bool(above) and not ends_sentence(above[-1].text)
    return bool(above)


def _place_labels(frags: list[Fragment], rows: list[TableRow], extents: list[tuple[int, int]],
                  diags: list[Diagnostic], params: Params) -> None:
    """Join the label pieces of each label column, then give each 二级 label the run of rows
    whose middle (from the top of its first row to the bottom of its last) is nearest the
    label's own middle line; a row whose name names another group costs a little."""
    labels: list[tuple[str, float, list[int]]] = []      # (label, middle item index, line numbers)
    by_x = sorted(frags, key=lambda p: p.line)
    # pieces of one label stand in one column on nearby lines: join greedily per column
    open_: dict[str, list[Fragment]] = {}
    for fr in by_x:
        # the open label this piece goes on with: about the same column, the longest spelling
        fits = [key for key, buf in open_.items()
                if abs(buf[-1].x - fr.x) <= params.layout_label_near and fr.line - buf[-1].line <= params.layout_line_gap
                and any(lab.startswith("".join(p.text for p in buf) + fr.text) for lab in LABELS)]
        if fits:
            key = max(fits, key=lambda k: len(open_[k]))
            buf = open_[key]
            buf.append(fr)
            text = "".join(p.text for p in buf)
            if text in LABELS and not any(lab.startswith(text) and lab != text for lab in LEVEL2):
                labels.append((text, sum(p.line for p in buf) / len(buf), [p.no for p in buf]))
                del open_[key]
            continue
        if fr.text in LABELS:
            labels.append((fr.text, fr.line, [fr.no]))
        else:
            open_[f"{fr.line}:{fr.x}"] = [fr]
    for buf in open_.values():      # a label complete though a longer one starts the same way
        text = "".join(p.text for p in buf)
        if text in LABELS:
            labels.append((text, sum(p.line for p in buf) / len(buf), [p.no for p in buf]))
    level2 = sorted((x for x in labels if x[0] in LEVEL2), key=lambda x: x[1])
    n, m = len(rows), len(level2)
    if m == 0:
        for tr in rows:
            diags.append(Diagnostic("warning", "missing-level2", "no 二级指标 label in the table", tr.row.lines))
        return
    # cue_cost[j][i]: rows[:i] whose names point to groups that are not label j's
    cue_cost = []
    for lab in level2:
        acc = [0.0]
        for tr in rows:
            g = name_groups(tr.name)
            acc.append(acc[-1] + (0.5 if g and lab[0] not in g else 0.0))
        cue_cost.append(acc)
    # best[j][i]: labels[:j] cover rows[:i]; cost = distance of each run's middle to its label
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        for i in range(1, n + 1):
            for s in range(j - 1, i):
                if best[j - 1][s] == inf:
                    continue
                mid = (extents[s][0] + extents[i - 1][1]) / 2
                c = best[j - 1][s] + abs(mid - level2[j - 1][1]) + cue_cost[j - 1][i] - cue_cost[j - 1][s]
                if c < best[j][i]:
                    best[j][i], back[j][i] = c, s
    i = n
    for j in range(m, 0, -1):
        s = back[j][i]
        for k in range(s, i):
            rows[k].level2 = level2[j - 1][0]
            rows[k].level1 = LEVEL1_OF[level2[j - 1][0]]
        off = abs((extents[s][0] + extents[i - 1][1]) / 2 - level2[j - 1][1])
        if off > params.layout_group_off:
            diags.append(Diagnostic("warning", "group-boundary-uncertain",
                                    f"{level2[j - 1][0]} stands {off:.1f} lines off the middle of the rows "
                                    "given to it", level2[j - 1][2] + rows[s].row.lines[:1]))
        i = s
    if any(x[0] in LEVEL1 for x in labels) is False:
        diags.append(Diagnostic("info", "no-level1-labels", "no 一级指标 label read; 一级 follows from 二级", []))


def goal_columns(items: list[Classified], params: Params) -> list[list[tuple[int, int, str]]] | None:
    """The two goal texts of a -layout form, printed side by side between the goals header
    and the indicator header: ``[left lines, right lines]`` as (item index, line number,
    text). A line with two fragments gives one to each; a line with one belongs to the text
    whose fragments stand nearest (the shorter text is centred within the longer). The
    margin label (年度 / 总体 / 目标) is dropped."""
    head = next((i for i, x in enumerate(items) if x.kind == "goals_header"), None)
    if head is None:
        return None
    stop = next((i for i in range(head + 1, len(items)) if items[i].kind in ("indicator_header", "fund_header")),
                len(items))
    lines: list[tuple[int, list[tuple[int, str]]]] = []
    for i in range(head + 1, stop):
        if items[i].kind == "blank":
            continue
        toks = tokens_at(items[i].line.text)
        while toks and is_label_piece(toks[0][1]) and len(toks[0][1]) <= 4:
            toks = toks[1:]         # the margin label: 年度 / 总体 / 目标
        frags = _fragments(toks, params.layout_fragment_gap)
        if frags:
            lines.append((i, frags))
    if not lines:
        return None
    pairs = [f for _, f in lines if len(f) == 2]
    left_x = sorted(f[0][0] for f in pairs)
    right_x = sorted(f[1][0] for f in pairs)
    # no line holds both texts (their lines alternate): the widest gap between the columns
    # where single fragments start parts them
    starts = sorted({f[0][0] for _, f in lines})
    gaps = [(b - a, (a + b) / 2) for a, b in zip(starts, starts[1:])]
    split_x = max(gaps)[1] if gaps and max(gaps)[0] >= params.layout_goal_gap else float("inf")
    out: list[list[tuple[int, int, str]]] = [[], []]
    for i, frags in lines:
        if len(frags) >= 2:
            out[0].append((i, items[i].no, frags[0][1]))
            out[1].append((i, items[i].no, "".join(t for _, t in frags[1:])))
            continue
        x, t = frags[0]
        if left_x and right_x:
            side = 0 if abs(x - left_x[len(left_x) // 2]) <= abs(x - right_x[len(right_x) // 2]) else 1
        else:
            side = 0 if x < split_x else 1
        out[side].append((i, items[i].no, t))
    return out


def _fragments(tokens: list[tuple[int, str]], gap: int) -> list[tuple[int, str]]:
    """Runs of tokens with less than ``gap`` spaces between them, with their columns."""
    out: list[tuple[int, str]] = []
    end = None
    for x, t in tokens:
        if out and end is not None and x - end < gap:
            out[-1] = (out[-1][0], out[-1][1] + " " + t)
        else:
            out.append((x, t))
        end = x + width(t)
    return out
