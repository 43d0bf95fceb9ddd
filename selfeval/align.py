"""Stage 5: align — put detached pieces back on their rows.

Every function here solves one placement problem with constraints first and evidence second,
and searches the whole assignment rather than matching greedily:

- ``assign_execution``: the (全年执行数, 执行率) pairs, detached from the fund rows, go back by
  arithmetic (rate = executed / annual budget × 100; the rows add up to 年度资金总额); the
  order they were printed in only breaks ties.
- ``find_total``: the 总分 numbers are the pair that equals the fund row's plus the indicators'
  weights and scores.
- ``align_groups``: 二级 groups are contiguous runs in template order; inline and wrapped labels
  pin a group to a row, value and name cues (及时 → 时效指标) place the boundaries. Dynamic
  programming over rows × groups.
- ``align_names``: the 三级指标 column arrives in chunks whose order is not the row order.
  pdftotext emits a column as bands of consecutive chunks, each band in row order and the bands
  bottom-up; the search tries every cut of the chunk sequence into bands (dynamic programming,
  cubic in the number of chunks) and scores each by deviation ↔ lost points, lexical cues and
  the 三级指标 header sitting on top of row 1.
- ``classify_goals``: tells 预期目标 from 实际完成情况 by content.

Each returns its result and the diagnostics of its uncertain decisions.
"""
from __future__ import annotations

import itertools

import attrs
import regex

from .cells import ends_sentence, parse_cell
from .cues import name_groups
from .model import Diagnostic
from .legacy_params import Params
from .reassemble import Entry, LabelRun, Pair, Paragraph, Row
from .vocab import (
    ACHIEVEMENT_WORDS, COMPLETION_WORDS, CUE_EXPECTED, COUNT_NAME_WORDS, COUNT_UNITS, INTENTION_WORDS, LEVEL1,
    LEVEL1_OF, LEVEL2, LEVEL2_CUES, STOP_CHARS, UNIT_NAME_CUES,
)

NEG = float("-inf")


# --- fund execution pairs -----------------------------------------------------------------------

def assign_execution(annual: list[float | None], pairs: list[Pair], header_index: int | None,
                     params: Params) -> tuple[list[Pair | None], list[Diagnostic]]:
    """Give each fund row its (executed, rate) pair. ``annual`` is the rows' 全年预算数; the
    first row is 年度资金总额, the sum of the others."""
    rows = len(annual)
    diags: list[Diagnostic] = []
    if not pairs or not rows:
        return [None] * rows, diags
    pairs = pairs[:8]
    # print order, pairs below the header first: a block split by its header is two bands
    if header_index is not None:
        expected = [p for p in pairs if p.index > header_index] + [p for p in pairs if p.index <= header_index]
    else:
        expected = list(pairs)
    rank = {id(p): k for k, p in enumerate(expected)}

    def cost(assign: tuple[Pair, ...]) -> tuple[float, float, float]:
        arith = 0.0
        for a, p in zip(annual, assign):
            if a is None:
                continue
            if abs(a) < 1e-9:
                arith += 0 if abs(p.a) < params.money_tolerance else 1
            elif abs(p.a / a * 100 - p.b) > params.rate_tolerance + 1e-9:
                arith += 1
        sums = 0.0
        if len(assign) == rows and rows > 1:
            if abs(assign[0].a - sum(p.a for p in assign[1:])) > params.money_tolerance * rows:
                sums = 1
        order = sum(1 for x, y in itertools.combinations(assign, 2) if rank[id(x)] > rank[id(y)])
        return arith, sums, order

    take = min(rows, len(pairs))
    best = min(itertools.permutations(pairs, take), key=cost)
    c = cost(best)
    if c[0]:
        diags.append(Diagnostic("warning", "execution-rate-mismatch",
                                "no placement of the 全年执行数/执行率 pairs fits rate = executed / "
                                "annual budget on every fund row", [p.line for p in best]))
    if c[1]:
        diags.append(Diagnostic("warning", "execution-sum-mismatch",
                                "the 全年执行数 of the fund rows do not add up to 年度资金总额",
                                [p.line for p in best]))
    return list(best) + [None] * (rows - take), diags


def find_total(pairs: list[Pair], rows: list[Row], fund_weight: float | None,
               fund_score: float | None, params: Params) -> tuple[Pair | None, list[Diagnostic]]:
    """The 总分 row: the pair that equals the fund row's and the indicators' weights and scores
    added up; failing that, the first pair after the last value row."""
    if not pairs:
        return None, []
    weights = [r.weight for r in rows if r.weight is not None] + [fund_weight or 0.0]
    scores = [r.score for r in rows if r.score is not None] + [fund_score or 0.0]
    w, s = sum(weights), sum(scores)
    tol = params.score_tolerance * (len(rows) + 2)
    fits = [p for p in pairs if abs(p.a - w) <= tol and abs(p.b - s) <= tol]
    last = rows[-1].last if rows else -1
    after = [p for p in pairs if p.index > last]
    if fits:
        return min(fits, key=lambda p: (p.index < last, abs(p.index - last))), []
    if after:
        p = after[0]
        return p, [Diagnostic("warning", "total-unverified",
                              f"总分 taken from the first pair after the table ({p.a:g} {p.b:g}); "
                              f"the rows add up to {w:g} / {s:g}", [p.line])]
    return None, []


# --- 二级 groups --------------------------------------------------------------------------------

def _anchor_rows(rows: list[Row], runs: list[LabelRun], kinds: list[str]) -> dict[int, list[str]]:
    """Row index -> labels printed right next to it: inline on the row's line, or wrapped on
    the lines just before it (only blank lines between)."""
    start = {r.first: k for k, r in enumerate(rows)}
    out: dict[int, list[str]] = {k: list(r.labels) for k, r in enumerate(rows) if r.labels}
    for run in runs:
        j = run.last + 1
        while j < len(kinds) and kinds[j] == "blank":
            j += 1
        if j in start and len(run.level2) <= 1:
            out.setdefault(start[j], []).extend(x.text for x in run.labels
                                                if x.text in LEVEL2 or x.text in LEVEL1)
    return out


def _value_cues(row: Row, group: str) -> int:
    cues = LEVEL2_CUES.get(group, {})
    hits = 0
    for cell in (row.target, row.actual):
        if cell in ACHIEVEMENT_WORDS:
            continue
        parsed = parse_cell(cell)
        if parsed is None:
            hits += any(w in cell for w in cues.get("value", ()))
        else:
            unit = parsed[2] or ""
            units = cues.get("unit", ())
            if group in LEVEL2_CUES and "元" in units and "元" in unit:
                hits += 1
            elif unit and unit in units:
                hits += 1
    return min(hits, 1)


def _name_cues(name: str | None, group: str) -> int:
    return int(group in name_groups(name))


@attrs.define
class GroupResult:
    level2: list[str | None]
    diagnostics: list[Diagnostic]


def align_groups(rows: list[Row], runs: list[LabelRun], kinds: list[str], params: Params,
                 names: list[str | None] | None = None) -> GroupResult:
    n = len(rows)
    present: set[str] = set()
    for r in rows:
        present.update(x for x in r.labels if x in LEVEL2)
    for run in runs:
        present.update(x.text for x in run.level2)
    groups = [g for g in LEVEL2 if g in present]
    diags: list[Diagnostic] = []
    if not n:
        return GroupResult([], diags)
    if not groups:
        diags.append(Diagnostic("error", "no-groups", "no 二级指标 label found; 一级/二级 left empty",
                                [x for r in rows for x in r.lines]))
        return GroupResult([None] * n, diags)
    anchors = _anchor_rows(rows, runs, kinds)
    k = len(groups)

    def sc(r: int, g: int) -> float:
        grp = groups[g]
        value_cue = _value_cues(rows[r], grp)
        s = params.group_value_cue * value_cue
        if names:
            name_cue = _name_cues(names[r], grp)
            s += params.group_name_cue * name_cue
            if grp in CUE_EXPECTED and not (value_cue or name_cue):
                s -= params.group_value_cue
        for lab in anchors.get(r, ()):
            if lab in LEVEL2:
                s += params.group_anchor if lab == grp else -params.group_anchor
            elif lab in LEVEL1:
                s += params.group_anchor / 2 if LEVEL1_OF[grp] == lab else -params.group_anchor / 2
        return s

    table = [[sc(r, g) for g in range(k)] for r in range(n)]
    skip = params.group_anchor  # a group whose label is printed but that holds no row

    # f[r][g]: best score of rows 0..r with row r in group g
    f = [[NEG] * k for _ in range(n)]
    back = [[-1] * k for _ in range(n)]
    for g in range(k):
        f[0][g] = table[0][g] - skip * g
    for r in range(1, n):
        for g in range(k):
            best, arg = NEG, -1
            for h in range(g + 1):
                v = f[r - 1][h] - skip * max(0, g - h - 1)
                if v > best:
                    best, arg = v, h
            f[r][g] = best + table[r][g]
            back[r][g] = arg
    last = max(range(k), key=lambda g: f[n - 1][g] - skip * (k - 1 - g))
    assign = [0] * n
    g = last
    for r in range(n - 1, -1, -1):
        assign[r] = g
        g = back[r][g] if r else g
    used = set(assign)
    missing = [groups[g] for g in range(k) if g not in used]
    if missing:
        diags.append(Diagnostic("warning", "group-without-rows",
                                f"labels {', '.join(missing)} are printed but no row fits them", []))
    # thin boundaries: moving a boundary by one row costs less than the margin
    for r in range(n - 1):
        a, b = assign[r], assign[r + 1]
        if a == b:
            continue
        moves = []
        if r > 0 and assign[r - 1] == a:          # row r can join the lower group
            moves.append(table[r][b] - table[r][a])
        if r + 2 < n and assign[r + 2] == b:      # row r+1 can join the upper group
            moves.append(table[r + 1][a] - table[r + 1][b])
        if moves and -max(moves) < params.thin_margin:
            diags.append(Diagnostic(
                "warning", "group-boundary-uncertain",
                f"boundary between {groups[a]} and {groups[b]} after row {r + 1} rests on thin "
                f"evidence", rows[r].lines + rows[r + 1].lines))
    return GroupResult([groups[g] for g in assign], diags)


# --- 三级 names -------------------------------------------------------------------------------------

def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


@attrs.define(frozen=True)
class RowCues:
    """What a row's values say about the name that belongs on it (computed once per row)."""

    qualitative: str | None     # the target when it is a word (及时, 满意 …)
    bigrams: frozenset
    chars: frozenset
    unit_words: tuple           # name words a quantitative unit suggests (% → 率, 元 → 成本)
    count_unit: str | None      # a count unit (人, 次 …) that may appear in the name itself
    lost_points: bool

    @classmethod
    def of(cls, row: Row) -> RowCues:
        parsed = parse_cell(row.target)
        if parsed is None:
            t = row.target
            return cls(t or None, frozenset(_bigrams(t)), frozenset(set(t) - STOP_CHARS), (), None,
                       row.lost_points)
        unit = parsed[2] or ""
        words: tuple = ()
        base = None
        if unit == "%":
            words = UNIT_NAME_CUES["%"]
        elif "元" in unit:
            words = UNIT_NAME_CUES["元"]
        elif unit:
            base = unit.split("/")[0] or None
        return cls(None, frozenset(), frozenset(), words, base, row.lost_points)


def lexical_cue(name: str, cues: RowCues, params: Params, name_bigrams: set | None = None) -> float:
    """How well a name fits a row's values: 及时 ↔ 及时性, unit 人 ↔ 人数, % ↔ 率, 元 ↔ 成本."""
    if cues.qualitative is not None:
        if cues.qualitative in name:
            return params.cue_substring
        if cues.bigrams & (name_bigrams if name_bigrams is not None else _bigrams(name)):
            return params.cue_bigram
        if cues.chars & set(name):
            return params.cue_char
        return 0.0
    if cues.unit_words:
        return params.cue_unit if any(w in name for w in cues.unit_words) else 0.0
    if cues.count_unit:
        if cues.count_unit in name:
            return params.cue_unit
        if cues.count_unit in COUNT_UNITS and name.endswith(COUNT_NAME_WORDS):
            return params.cue_unit / 2
    return 0.0


def score_matrix(entries: list[Entry], rows: list[Row], level2: list[str | None],
                 params: Params) -> list[list[float]]:
    """score[e][r]: the evidence that entry e belongs on row r."""
    row_cues = [RowCues.of(r) for r in rows]
    out = []
    for e in entries:
        name = e.name
        bigrams = _bigrams(name)
        groups = name_groups(name)
        has_dev = e.deviation is not None
        line = []
        for cues, l2 in zip(row_cues, level2):
            s = 0.0
            if cues.lost_points:
                s += params.cue_deviation_lost if has_dev else -params.cue_deviation_lost
            elif has_dev:
                s -= params.cue_deviation_full
            s += lexical_cue(name, cues, params, bigrams)
            if l2 in groups:
                s += params.cue_group
            line.append(s)
        out.append(line)
    return out


@attrs.define
class NameResult:
    entry_of_row: list[Entry | None]
    diagnostics: list[Diagnostic]


def _units(entries: list[Entry]) -> list[list[Entry]]:
    units: list[list[Entry]] = []
    for e in entries:
        if e.new_unit or not units:
            units.append([e])
        else:
            units[-1].append(e)
    return units


def align_names(entries: list[Entry], rows: list[Row], level2: list[str | None],
                params: Params) -> NameResult:
    """Put the entries of the 三级 column on their rows.

    The column arrives as units (runs of entries with no blank line between). pdftotext
    prints a column as bands of units, each band in row order and the bands bottom-up; other
    blocks of the page sit between bands, never inside one; the bands have a regular height
    (the band under the 三级指标 header may be shorter, the bottom one holds the rest). Every
    cut of the units into bands is scored (dynamic programming over cuts, plus each regular
    cut) by the evidence of each entry on its row and these priors of the layout.
    """
    n = len(rows)
    diags: list[Diagnostic] = []
    if len(entries) != n:
        diags.append(Diagnostic(
            "error", "name-count-mismatch",
            f"{len(entries)} 三级指标 names for {n} value rows; names kept in reading order",
            [x for e in entries for x in e.lines]))
        return NameResult([entries[i] if i < len(entries) else None for i in range(n)], diags)
    if not n:
        return NameResult([], diags)
    units = _units(entries)
    K = len(units)
    if K > params.max_chunks:
        diags.append(Diagnostic(
            "warning", "name-order-unsearched",
            f"{K} chunks in the 三级指标 column, more than a form has ({params.max_chunks}); "
            "names kept in reading order", [x for e in entries for x in e.lines]))
        return NameResult(list(entries), diags)
    sizes = [len(u) for u in units]
    suffix = [0] * (K + 1)
    for j in range(K - 1, -1, -1):
        suffix[j] = suffix[j + 1] + sizes[j]
    matrix = score_matrix(entries, rows, level2, params)
    position = {id(e): k for k, e in enumerate(entries)}
    # unit_score[j][r0]: unit j placed with its first entry on row r0
    unit_score = [[sum(matrix[position[id(e)]][r0 + t] for t, e in enumerate(units[j]))
                   for r0 in range(n - sizes[j] + 1)] for j in range(K)]
    separated = [u[0].after_separator for u in units]   # another block stands before unit j

    sep_before = [0] * (K + 1)                          # separated units among 0..j-1
    for j in range(K):
        sep_before[j + 1] = sep_before[j] + separated[j]
    band_memo: dict[tuple[int, int], float] = {}

    def band(a: int, b: int) -> float:
        """Units a..b as one band in reading order, placed above the units after it."""
        got = band_memo.get((a, b))
        if got is None:
            got = band_memo[a, b] = _band(a, b)
        return got

    def _band(a: int, b: int) -> float:
        r0 = suffix[b + 1]
        s = 0.0
        for j in range(a, b + 1):
            s += unit_score[j][r0]
            r0 += sizes[j]
        if suffix[b + 1] == 0 and units[a][0].after_names_header:
            s += params.cue_names_header
        if a and separated[a]:
            s += params.band_at_separator
        s -= params.separator_in_band * (sep_before[b + 1] - sep_before[a + 1])
        return s

    def blank_cut(a: int) -> float:
        """A band that starts after blank lines only: unexplained unless the cut is regular."""
        return params.blank_band_cut if a and not separated[a] else 0.0

    candidates: dict[tuple, float] = {}
    # every cut: dp[b] keeps the two best (score, cut) for units 0..b-1
    dp: list[list[tuple[float, tuple]]] = [[(0.0, ())]] + [[] for _ in range(K)]
    for b in range(1, K + 1):
        cands = []
        for a in range(b):
            bs = band(a, b - 1) - blank_cut(a)
            for s, cuts in dp[a]:
                cands.append((s + bs, cuts + (a,)))
        cands.sort(key=lambda x: -x[0])
        dp[b] = cands[:2]
    for s, cuts in dp[K]:
        candidates[cuts] = s
    # regular cuts: from the top, a band of f rows under the header, then bands of B rows;
    # their blank-only band boundaries are explained by the regular height
    for cuts in _regular_cuts(sizes, n):
        starts = list(cuts) + [K]
        s = sum(band(a, b - 1) - params.regular_blank_cut * (a > 0 and not separated[a])
                for a, b in zip(starts, starts[1:])) + params.regular_bands
        candidates[cuts] = max(candidates.get(cuts, s), s)
    ranked = sorted(candidates.items(), key=lambda kv: -kv[1])
    cuts, best_score = ranked[0]
    order = _rows_of(cuts, sizes, K)
    entry_of_row: list[Entry | None] = [None] * n
    for j, r0 in enumerate(order):
        for t, e in enumerate(units[j]):
            entry_of_row[r0 + t] = e
    for cuts2, second_score in ranked[1:]:
        other = _rows_of(cuts2, sizes, K)
        if other == order:
            continue
        if best_score - second_score < params.thin_margin:
            moved = [j for j in range(K) if other[j] != order[j]]
            diags.append(Diagnostic(
                "warning", "name-order-uncertain",
                f"the order of the 三级指标 chunks rests on thin evidence "
                f"(margin {best_score - second_score:.2f})",
                [x for j in moved for e in units[j] for x in e.lines]))
        break
    return NameResult(entry_of_row, diags)


def _regular_cuts(sizes: list[int], n: int):
    """Cuts of the units into regular bands: from the top a band of f rows, then bands of B
    rows, the bottom band holding what is left; only cuts that fall between units."""
    ends = set()          # rows (counted from the bottom of the reading order) between units
    acc = 0
    for sz in sizes:
        acc += sz
        ends.add(acc)
    seen = set()
    for B in range(1, n + 1):
        for f in range(1, B + 1):
            bands, r = [f], f
            while r < n:
                bands.append(min(B, n - r))
                r += B
            bands[-1] = n - sum(bands[:-1]) if len(bands) > 1 else n
            text_order = list(reversed(bands))           # bottom band printed first
            bounds, acc = [], 0
            for sz in text_order[:-1]:
                acc += sz
                bounds.append(acc)
            if any(b not in ends for b in bounds):
                continue
            # unit index where each band starts
            cuts, acc, j = [0], 0, 0
            for b in bounds:
                while acc < b:
                    acc += sizes[j]
                    j += 1
                cuts.append(j)
            key = tuple(cuts)
            if key not in seen:
                seen.add(key)
                yield key


def _rows_of(cuts: tuple, sizes: list[int], K: int) -> list[int]:
    """First row of each unit, given where the bands start (descending bands)."""
    starts = list(cuts) + [K]
    first_row = [0] * K
    below = 0
    for a, b in reversed(list(zip(starts, starts[1:]))):
        r0 = below
        for j in range(a, b):
            first_row[j] = r0
            r0 += sizes[j]
        below = r0
    return first_row


# --- goals -----------------------------------------------------------------------------------------

AMOUNT_RE = regex.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]|\s*年|\s*号|[〕\]])")


def _goal_score(text: str, amounts: set[float], params: Params) -> float:
    """Positive: reads as 实际完成情况 (done); negative: as 预期目标 (intended)."""
    s = float(sum(text.count(w) for w in COMPLETION_WORDS) - sum(text.count(w) for w in INTENTION_WORDS))
    found = {float(m) for m in AMOUNT_RE.findall(text)}
    s += params.goal_amount_match * len({a for a in found if a in amounts and a != 0})
    return s


def _split_goal(p: Paragraph, amounts: set[float], params: Params) -> tuple[Paragraph, Paragraph] | None:
    """One paragraph that holds both goal texts: the cut after a line that ends a sentence
    where the two parts read most apart (one intended, one done), if they clearly do."""
    best, best_gap = None, params.thin_margin
    for k in range(1, len(p.lines)):
        if not ends_sentence(p.lines[k - 1].text):
            continue
        a, b = Paragraph(p.lines[:k]), Paragraph(p.lines[k:])
        gap = abs(_goal_score(a.text, amounts, params) - _goal_score(b.text, amounts, params))
        if gap > best_gap:
            best, best_gap = (a, b), gap
    return best


def classify_goals(paras: list[Paragraph], amounts: set[float], params: Params
                   ) -> tuple[Paragraph | None, Paragraph | None, list[Diagnostic]]:
    """-> (expected, actual, diagnostics)."""
    diags: list[Diagnostic] = []
    if not paras:
        return None, None, diags
    if len(paras) > 2:
        diags.append(Diagnostic("warning", "goal-paragraphs",
                                f"{len(paras)} prose paragraphs where two goal texts were expected; "
                                "the two longest are taken",
                                [x for p in paras for x in p.numbers]))
        keep = sorted(sorted(paras, key=lambda p: -len(p.text))[:2], key=lambda p: p.numbers[0])
        paras = keep
    if len(paras) == 1:
        split = _split_goal(paras[0], amounts, params)
        if split:
            paras = list(split)
            diags.append(Diagnostic("warning", "goal-split", "the two goal texts ran together; cut where a "
                                    "sentence ends and the reading turns from intended to done", paras[1].numbers[:1]))
    scores = [_goal_score(p.text, amounts, params) for p in paras]
    if len(paras) == 1:
        p = paras[0]
        diags.append(Diagnostic("warning", "goal-missing", "only one goal text found", p.numbers))
        return (None, p, diags) if scores[0] > 0 else (p, None, diags)
    a, b = paras
    if scores[0] > scores[1]:
        expected, actual = b, a
    else:
        expected, actual = a, b
    if abs(scores[0] - scores[1]) < params.thin_margin:
        diags.append(Diagnostic("warning", "goal-order-uncertain",
                                "预期目标 and 实际完成情况 read alike; taken in printed order",
                                a.numbers + b.numbers))
    return expected, actual, diags
