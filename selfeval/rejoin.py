"""Template cells cut by a wrap, joined back before any dialect reads the form.

Narrow columns wrap the form's own labels (``一级指`` / ``标``, ``全年执行`` / ``数``) and fund items (values
on the next line). A run of label pieces spelling the template's labels whole is that header; its first
line takes the joined reading (``fields["lines"]``), the others read as blank.
"""
from __future__ import annotations

import attrs

from .lexer import INDICATOR_SLOTS, Lexed, Lexer, next_line
from .text import is_number_or_dash, tokens_at, width

MAX_RUN = 10          # lines of one wrapped header at most


def _segment(text_pieces: list[str], labels: frozenset[str], longest: int) -> list[str] | None:
    """The labels the pieces spell, each piece used once; None if they do not (fewest labels first)."""
    n = len(text_pieces)
    best: list[list[str] | None] = [[]] + [None] * n
    for i in range(1, n + 1):
        for j in range(i - 1, -1, -1):
            text = "".join(text_pieces[j:i])
            if len(text) > longest:
                break
            if best[j] is not None and text in labels and (best[i] is None or len(best[j]) + 1 < len(best[i])):
                best[i] = best[j] + [text]
    return best[n]


def _stacked(items: list[Lexed], i: int, is_piece, whole_labels) -> tuple[int, list[str], str] | None:
    """A header printed over two or three lines with each label centred in its cell (-layout): a
    one-line label on one line, a wrapped one's head above and its tail on the last line.
    pdftotext sets each line's columns on its own, so heads and tails pair by order, not by
    column; the labels then stand in the order of their centres: (items taken, the labels, the
    header as one line with each label about where its column stands)."""
    lines: list[list[tuple[int, str]]] = []
    taken = 0
    for j in range(i, min(len(items), i + 3)):
        if items[j].kind == "blank":
            continue
        words = items[j].line.text.split()
        if not words or not all(map(is_piece, words)):
            break
        lines.append(tokens_at(items[j].line.text))
        taken = j + 1
    spaced = any(b - (a + width(x)) >= 2 for toks in lines for (a, x), (b, _) in zip(toks, toks[1:]))
    if not spaced or len(lines) < 2:
        return None
    heads = sorted((x, tok) for toks in lines[:-1] for x, tok in toks if tok not in whole_labels)
    if len(heads) != len(lines[-1]):
        return None
    cells = sorted([(x + width(tok) / 2, tok) for toks in lines[:-1] for x, tok in toks if tok in whole_labels]
                   + [(x + width(h) / 2, h + t) for (x, h), (_, t) in zip(heads, lines[-1])])
    if not all(tok in whole_labels for _, tok in cells):
        return None
    line = ""
    for centre, label in cells:
        line += " " * max(1 if line else 0, round(centre - width(label) / 2) - width(line)) + label
    return taken, [tok for _, tok in cells], line


class Rejoiner:
    def __init__(self, lexer: Lexer):
        t = lexer.t
        self.lexer, self.t = lexer, t
        self.labels = frozenset(t.all_labels)
        self.longest = max(map(len, self.labels))
        self.item_prefixes = frozenset(x[:k] for x in t.fund_item_spellings for k in range(2, len(x)))
        self.fund_spellings = frozenset(s for names in t.fund_columns.values() for s in names)
        self.fund_text = "\x00".join(self.fund_spellings)
        self.fund_longest = max(map(len, self.fund_spellings))

    def header(self, items: list[Lexed], i: int) -> tuple[int, list[str]] | None:
        """A run of label-piece lines from ``i`` spelling the indicator header: (items taken, its slots)."""
        pieces: list[str] = []
        taken = 0
        whole = None
        for j in range(i, min(len(items), i + MAX_RUN)):
            it = items[j]
            if it.kind == "blank":
                continue
            tokens = it.text.split()
            if not tokens or not all(self.t.is_label_piece(x) for x in tokens):
                break
            pieces += tokens
            taken = j + 1
            slots = self._header_slots(_segment(pieces, self.labels, self.longest))
            if slots:
                whole = taken, slots
                if j + 1 >= len(items) or not self._goes_on(items, j):
                    return whole
        return whole        # what spelled the header whole, a piece after it (a name's tail) apart

    def stacked_header(self, items: list[Lexed], i: int) -> tuple[int, list[str], str] | None:
        """The indicator header centred over lines of its own (一级指 年度指标 / 二级指标 三级指标 分值 得分
        / 标 值): (items taken, its slots, the header as one line)."""
        got = _stacked(items, i, self.t.is_label_piece, self.labels)
        if got is None:
            return None
        taken, labels, line = got
        slots = self._header_slots(labels)
        return (taken, slots, line) if slots else None

    def _header_slots(self, labels: list[str] | None) -> list[str] | None:
        """The slots of labels that spell the indicator header (一级指标 first, 分值 and 得分 among
        them, nothing but its columns), else None."""
        slots = [self.t.label_slot(x) for x in labels or ()]
        if slots and slots[0] == "level1" and {"weight", "score"} <= set(slots) and set(slots) <= set(INDICATOR_SLOTS):
            return slots
        return None

    def stacked_fund_header(self, items: list[Lexed], i: int) -> tuple[int, list[str], str] | None:
        """The fund header centred the same way (年初预算 全年预算 / 分值 得分 全年执行数 执行率(%) / 数 数):
        (items taken, its columns, the header as one line)."""
        got = _stacked(items, i, lambda x: x in self.fund_text, self.fund_spellings)
        if got is None or len(got[1]) < 4:
            return None
        taken, labels, line = got
        return taken, [self.t.fund_column(x) for x in labels], line

    def fund_header(self, items: list[Lexed], i: int) -> tuple[int, list[str]] | None:
        """The fund table's header cut by wraps (年初预算 / 数 / 全年预算数 权重 …): (items taken, its
        columns)."""
        pieces: list[str] = []
        found = None
        for j in range(i, min(len(items), i + MAX_RUN)):
            if items[j].kind == "blank":
                continue
            tokens = items[j].text.split()
            if not all(x in self.fund_text for x in tokens):
                break
            pieces = self._fund_pieces(pieces, tokens)
            got = _segment(pieces, self.fund_spellings, self.fund_longest)
            if got and len(got) >= 4 and j > i:
                found = j + 1, [self.t.fund_column(x) for x in got]
        return found            # the most lines that spell it whole

    def _fund_pieces(self, pieces: list[str], tokens: list[str]) -> list[str]:
        """The header's pieces with a line's: a lone piece that ends an earlier one alone (年初预算 … / 数,
        -layout's centred header) joins it; anything else follows them."""
        if len(tokens) == 1 and pieces and _segment(pieces + tokens, self.fund_spellings, self.fund_longest) is None:
            for k, x in enumerate(pieces):
                if x + tokens[0] in self.fund_spellings and x not in self.fund_spellings:
                    return pieces[:k] + [x + tokens[0]] + pieces[k + 1:]
        return pieces + tokens

    def _goes_on(self, items: list[Lexed], j: int) -> bool:
        """Does the header go on after line ``j``?"""
        nxt = next_line(items, j + 1)
        if nxt is None:
            return False
        tokens = items[nxt].text.split()
        return len(tokens) == 1 and self.t.is_label_piece(tokens[0]) and tokens[0] not in self.labels

    def fund_item(self, items: list[Lexed], i: int) -> tuple[int, str] | None:
        """A fund item cut by a wrap, values on the lines after it: (items taken, the joined line)."""
        head = "".join(items[i].text.split())
        if head not in self.item_prefixes:
            return None
        text, taken, values = head, i + 1, []
        for j in range(i + 1, min(len(items), i + 4)):
            if items[j].kind == "blank":
                continue
            piece, *values = items[j].text.split()
            text += piece
            taken = j + 1
            if values and not all(is_number_or_dash(x) for x in values):
                return None
            if self.t.fund_item(text):
                break
            if values or text not in self.item_prefixes:
                return None     # values only after the item's last piece (款 7.23 7.23 …)
        if not self.t.fund_item(text):
            return None
        nxt = next_line(items, taken)
        if not values and nxt is not None and all(is_number_or_dash(x) for x in items[nxt].text.split()):
            values, taken = items[nxt].text.split(), nxt + 1
        return taken, " ".join([text] + values)

    def fund_item_tail_below(self, items: list[Lexed], i: int) -> tuple[int, str] | None:
        """A fund item cut by a wrap with its values beside its head and its tail on the line under it,
        as -layout prints a narrow column (其中：当年财政拨 7.23 … / 款): (items taken, the joined line)."""
        tokens = items[i].text.split()
        j = next((k for k, x in enumerate(tokens) if x in self.item_prefixes), None)
        if j is None or not all(is_number_or_dash(x) for x in tokens[j + 1:]) \
                or not all(self.t.is_label_piece(x) for x in tokens[:j]):
            return None
        values, at = tokens[j + 1:], i
        nxt = next_line(items, at + 1, at + 3)
        columns = len(self.t.fund_columns)
        while not values[columns - 1:] and nxt is not None:
            # centred: the values' line (or a line per value) between the head and the tail, after a
            # margin label's piece
            more = items[nxt].text.split()
            while more and not is_number_or_dash(more[0]) and self.t.is_label_piece(more[0]):
                more = more[1:]
            if not more or not all(is_number_or_dash(x) for x in more):
                break
            values, at = values + more, nxt
            nxt = next_line(items, at + 1, at + 3)
        if nxt is None or len(values) < 2:
            return None
        below = items[nxt].text.split()
        tail = next((x for x in below if self.t.fund_item(tokens[j] + x)), None)
        if tail is None or not all(x == tail or self.t.is_label_piece(x) for x in below):
            return None
        return nxt + 1, " ".join([tokens[j] + tail] + values)

    def rejoin(self, items: list[Lexed]) -> list[Lexed]:
        out: list[Lexed] = []
        i = 0
        while i < len(items):
            it = items[i]
            got = self._label_around(items, i, out) if it.kind == "indicator_header" else None
            if got is None and it.kind in ("label", "text", "indicator_header", "fund_header"):
                got = self._joined(items, i)
            if got is None:
                out.append(it)
                i += 1
                continue
            end, first = got
            out.append(first)
            out += [Lexed(x.line, "blank") for x in items[i + 1:end]]
            i = end
        return out

    def _label_around(self, items: list[Lexed], i: int, out: list[Lexed]) -> tuple[int, Lexed] | None:
        """The header's last label centred on its line, cut in two by its narrow column: its head alone
        on the line above, its tail on the line under (偏差原因分析及改 / header / 进措施), as -layout
        prints a browser's header. The two lines read as blank, the header takes the label."""
        it = items[i]
        slots = list(it.fields.get("slots", ()))
        above = next((k for k in range(len(out) - 1, -1, -1) if out[k].kind != "blank"), None)
        below = next_line(items, i + 1)
        if above is None or below is None or "deviation" in slots or not {"weight", "score"} <= set(slots):
            return None
        head, tail = out[above].text.split(), items[below].text.split()
        if len(head) != 1 or len(tail) != 1 or self.t.label_slot(head[0] + tail[0]) != "deviation":
            return None
        at = width(out[above].line.text) - width(head[0])          # where the column stands
        text = it.line.text + " " * max(1, at - width(it.line.text)) + head[0] + tail[0]
        out[above] = Lexed(out[above].line, "blank")
        return below + 1, Lexed(attrs.evolve(it.line, text=text), "indicator_header",
                                {"slots": slots + ["deviation"], "lines": [out[above].no, it.no, items[below].no]})

    def _joined(self, items: list[Lexed], i: int) -> tuple[int, Lexed] | None:
        it = items[i]
        lines = lambda end: [x.no for x in items[i:end] if x.kind != "blank"]   # noqa: E731
        short = it.kind == "fund_header" and len(it.fields["columns"]) < len(self.t.fund_columns)
        if it.kind == "label" or short:
            hit = self.fund_header(items, i)
            if hit is not None:
                end, cols = hit
                text = " ".join(x.text for x in items[i:end] if x.kind != "blank")
                return end, Lexed(attrs.evolve(it.line, text=text), "fund_header",
                                  {"columns": cols, "lines": lines(end)})
            stacked = self.stacked_fund_header(items, i)
            if stacked is not None:
                end, cols, text = stacked
                return end, Lexed(attrs.evolve(it.line, text=text), "fund_header",
                                  {"columns": cols, "lines": lines(end)})
        slots = it.fields.get("slots", ())
        # a header printed in row order (三级指标 beside 一级指标) whose later cells wrapped onto lines of their own
        pieces = all(map(self.t.is_label_piece, it.text.split()))     # a header's lines hold label pieces only
        if pieces and (it.kind != "indicator_header" or "level1" not in slots or "name" in slots and (
                "score" not in slots or "deviation" not in slots)):
            hit = self.header(items, i)
            if hit is not None:
                end, slots = hit
                text = it.line.text if end == i + 1 else " ".join(x.text for x in items[i:end] if x.kind != "blank")
                return end, Lexed(attrs.evolve(it.line, text=text), "indicator_header",
                                  {"slots": slots, "lines": lines(end)})
            stacked = self.stacked_header(items, i)
            if stacked is not None:
                end, slots, text = stacked
                return end, Lexed(attrs.evolve(it.line, text=text), "indicator_header",
                                  {"slots": slots, "lines": lines(end)})
        if it.kind == "text":
            hit = self.fund_item(items, i) or self.fund_item_tail_below(items, i)
            if hit is not None:
                end, text = hit
                kind, fields = self.lexer.kind(text)
                if kind == "fund_row":
                    return end, Lexed(attrs.evolve(it.line, text=text), kind, fields | {"lines": lines(end)})
        return None


_REJOINERS: dict[int, Rejoiner] = {}


def rejoiner_for(template) -> Rejoiner:
    from .lexer import lexer_for
    got = _REJOINERS.get(id(template))
    if got is None:
        got = _REJOINERS[id(template)] = Rejoiner(lexer_for(template))
    return got
