#!/usr/bin/env python3
"""Render gold 绩效自评表 records with three new PDF producers and flatten them with pdftotext.

Usage (development tool, not part of the package):

    python3 scripts/make_corpus.py --out /work/extra/corpus --forms 40 --seed 7 \
        [--gold '/work/shared/corpus/wide/*/*.json'] [--producers hwn] [--multi 2]

Input: gold records (JSON lists of forms, e.g. the wide corpus's .json files); distinct forms are
pooled, shuffled with the seed and dealt out so that no two producers share a form; about one
form in seven is long (30+ indicators) and runs onto a second page with the indicator header
repeated. Output, for each producer P and pdftotext mode M (default, -layout, -raw):
``OUT/P-M/ext-P-NNN.txt`` with its gold ``ext-P-NNN.json`` beside it (the exact records
rendered, keys in the corpus's order), ``ext-P-multiNN`` dumps of 10-20 forms in one PDF (and
``-noff``: the default dump with form feeds replaced by blank lines), and the PDFs and their
sources in ``OUT/pdf/P/``.

Producers:
  h  HTML tables (rowspan/colspan for merged cells, CJK font, A4 @page CSS, the indicator header
     in <thead> so it repeats, @page margin-box page numbers on some forms, Chromium's own
     date/title/URL header and footer on a few) printed by headless Chromium --print-to-pdf.
  w  python-docx Word document (title paragraphs, two tables with merged cells, repeated header
     row via w:tblHeader, PAGE/NUMPAGES footer on some forms, font named 宋体 / Noto / WenQuanYi)
     converted by LibreOffice Writer (soffice --headless --convert-to pdf).
  n  reportlab canvas drawing (STSong-Light CID font or WenQuanYi Zen Hei TTF), its own grid
     geometry, the national column order of the fund block (年初预算数 全年预算数 全年执行数 分值
     执行率 得分), header repeated on continuation pages, labels of split merged cells optionally
     repeated, page footers on some forms.
Per form (fixed seed): column widths (names, targets, deviations and goal texts wrap), font
size, goal column order, '-' or blank for the null 分值/得分 of fund sub-rows, label colons,
分值 spelled 分数/权重, thousands separators, whole-number 分值 as "8", line height, rows split
or kept whole at page breaks, fund column order (h/w: the local order 4 times in 5).

Needs: poppler-utils (pdftotext); apt-get install -y --no-install-recommends chromium
libreoffice-writer fonts-noto-cjk fonts-wqy-zenhei poppler-data (without poppler-data pdftotext
reads nothing of the STSong-Light forms); pip install reportlab python-docx.
Chromium's own header/footer carries the print date and file URL: those lines differ per run.
"""
import argparse, collections, glob, html, json, os, random, re  # noqa: E401 (a one-file tool)
import shutil, subprocess, sys, tempfile  # noqa: E401

MODES = {"default": [], "layout": ["-layout"], "raw": ["-raw"]}
LOCAL = ["initial_budget", "annual_budget", "weight", "score", "executed", "execution_rate"]
NATIONAL = ["initial_budget", "annual_budget", "executed", "weight", "execution_rate", "score"]
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# ---------------------------------------------------------------- records and styles
def load_pool(pattern):
    seen = {}
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            for rec in json.load(f):
                seen.setdefault(json.dumps(rec, ensure_ascii=False, sort_keys=True), rec)
    return [seen[k] for k in sorted(seen)]


def deal(pool, n, rng):
    """Disjoint picks per producer: about n/7 long forms (30+ indicators), the rest shorter."""
    long_, short = ([r for r in pool if (len(r["indicators"]) >= 30) == want] for want in (1, 0))
    rng.shuffle(long_), rng.shuffle(short)
    nl = min(max(1, n // 7), len(long_) // 3)
    picks = {}
    for i, p in enumerate("hwn"):          # fixed order: a producer's picks do not depend on --producers
        forms = long_[i * nl:(i + 1) * nl] + short[i * (n - nl):(i + 1) * (n - nl)]
        rng.shuffle(forms)
        picks[p] = forms
    return picks


def style(rng, producer, rec):
    """Per-form rendering choices."""
    national = producer == "n" or rng.random() < 0.2
    st = {
        "colon": rng.random() < 0.25,
        "wlabel": rng.choices(["分值", "分数", "权重"], [6, 3, 1])[0],
        "iwlabel": "权重" if rng.random() < 0.1 else "分值",
        "dash": rng.random() < 0.5,
        "swap_goals": rng.random() < 0.35,
        "footer": rng.choice(["第{p}页 共{n}页", "- {p} -", "{p}/{n}"]) if rng.random() < 0.4 else None,
        "order": NATIONAL if national else LOCAL,
        "rate": "执行率" if national and rng.random() < 0.5 else "执行率(%)",
        "thousands": rng.random() < 0.3,
        "intw": rng.random() < 0.15,
        "size": rng.choice([8, 8.5, 9, 9, 9.5, 10]),
        "cantsplit": rng.random() < 0.5,             # h/w: table rows never split by a page break
        "split": rng.choice([3, 4]),                 # goal columns: 1..split | split+1..7
        "relabel": rng.random() < 0.5,               # n: repeat merged labels after a page break
        "browser": producer == "h" and rng.random() < 0.2,
        "breakall": rng.random() < 0.5,
        "font": rng.choice(["宋体", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Noto Sans CJK SC"]),
        "cidfont": rng.random() < 0.5,
        "margin": rng.uniform(14, 24),               # n: side margin in mm
        "leading": rng.choice([1.2, 1.3, 1.4, 1.5, None]),  # h/w line height (None: the font's)
    }
    u = rng.uniform
    em = lambda t: (len(t) * 0.55 * st["size"] + 9) / 459    # share of the narrowest table
    nums = [num(fr[k], st) for fr in rec["funds"] for k in LOCAL] + ["100.00"]
    cjk = lambda n: (n * 1.02 * st["size"] + 16) / 459       # n CJK characters and margins
    roomy = rng.random() < 0.7                               # 项目名称, 一级指标 fit on one line
    st["top_w"] = fit([u(.09, .14), u(.13, .2)] + [u(.1, .14) for _ in range(6)],
                      [cjk(5) if roomy else 0, cjk(4)] + [em(max(nums, key=len))] * 6)
    lw = cjk(4) if roomy else cjk(2)
    st["ind_w"] = fit([u(.055, .09), u(.065, .11), u(.12, .24), u(.085, .15), u(.085, .15),
                       u(.05, .065), u(.05, .065), u(.14, .24)],
                      [lw, lw, .14, em("=402.00"), em("=402.00"), em("100.00"), em("100.00"), .14])
    return st


def fit(raw, mins):
    """Normalise column shares; widen columns below their minimum at the others' expense."""
    w = [x / sum(raw) for x in raw]
    mins = [m * min(1, .97 / sum(mins)) for m in mins]      # too wide for the page: all shrink
    for _ in range(6):
        need = sum(max(0, m - x) for x, m in zip(w, mins))
        free = [max(0, x - m) for x, m in zip(w, mins)]
        if need <= 1e-9:
            break
        w = [max(x, m) - f / sum(free) * need for x, m, f in zip(w, mins, free)]
    return w


def num(v, st, w=False):
    if v is None:
        return "-" if st["dash"] else ""
    if w and st["intw"] and float(v).is_integer():
        return "%d" % v
    return ("{:,.2f}" if st["thousands"] and not w else "{:.2f}").format(v)


def lab(text, st):
    return text + ("：" if st["colon"] else "")


# ------------------------------------------------------------ the form as logical tables
def C(t, cs=1, rs=1, al="c"):
    return {"t": t, "cs": cs, "rs": rs, "al": al}


def form_tables(rec, st):
    """Return (top rows, indicator rows) as HTML-style rows of cells (8 columns each)."""
    heads = {"initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "全年执行数",
             "weight": st["wlabel"], "execution_rate": st["rate"], "score": "得分"}
    top = [[C(lab("项目名称", st)), C(rec["project_name"], 7, al="l")],
           [C(lab("主管部门", st)), C(rec["department"], 3, al="l"), C(lab("实施单位", st), 2),
            C(rec["implementing_unit"], 2, al="l")],
           [C("项目资金（万元）", rs=1 + len(rec["funds"])), C("")] + [C(heads[k]) for k in st["order"]]]
    for fr in rec["funds"]:
        item = ("其中：" if fr["item"] == "当年财政拨款" else "") + fr["item"]
        top.append([C(item, al="l")] + [C(num(fr[k], st), al="r") for k in st["order"]])
    s = st["split"]
    goals = [("预期目标", rec["goals"]["expected"]), ("实际完成情况", rec["goals"]["actual"])]
    if st["swap_goals"]:
        goals.reverse()
    spans = [s, 7 - s]
    top.append([C("年度总体目标", rs=2)] + [C(g[0], spans[i]) for i, g in enumerate(goals)])
    top.append([C(g[1], spans[i], al="l") for i, g in enumerate(goals)])
    ind = [[C(h) for h in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                          st["iwlabel"], "得分", "偏差原因分析及改进措施"]]]
    rows = rec["indicators"]
    keys = [[(r["level1"],) for r in rows], [(r["level1"], r["level2"]) for r in rows]]
    for i, r in enumerate(rows):
        row = []
        for lv, ks in enumerate(keys):      # merged 一级/二级 cells over runs of equal labels
            if i == 0 or ks[i] != ks[i - 1]:
                n = next((j for j in range(i, len(rows)) if ks[j] != ks[i]), len(rows)) - i
                row.append(C(ks[i][lv], rs=n))
        row += [C(r["name"], al="l"), C(r["target"]), C(r["actual"]),
                C(num(r["weight"], st, True)), C(num(r["score"], st, True)), C(r["deviation"] or "", al="l")]
        ind.append(row)
    ind.append([C("总分", 5), C(num(rec["total"]["weight"], st, True)),
                C(num(rec["total"]["score"], st, True)), C("")])
    ind.append([C(lab("评分等级", st), 2), C(rec["grade"] or "", 6, al="l")])
    return top, ind


def place(rows):
    """HTML-style rows -> list of (row, col, cell) with absolute grid positions."""
    taken, out = set(), []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            taken.update((r + dr, c + dc) for dr in range(cell["rs"]) for dc in range(cell["cs"]))
            c += cell["cs"]
    return out


# ------------------------------------------------------------------------ producer h
def html_doc(recs, styles, title):
    st0 = styles[0]
    foot = ""
    if st0["footer"] and not st0["browser"]:
        parts = st0["footer"].replace("{p}", '" counter(page) "').replace("{n}", '" counter(pages) "')
        foot = '@bottom-center { content: "%s"; font-size: 8pt; }' % parts
    css = ("@page { size: A4; margin: 14mm 12mm 16mm 12mm; %s }\n"
           "body { margin: 0; font-family: '%s', 'Noto Serif CJK SC', serif; }\n"
           "table { border-collapse: collapse; width: 100%%; table-layout: fixed; }\n"
           "td { border: 0.75pt solid #000; padding: 1pt 2pt; vertical-align: middle; }\n"
           ".form + .form { break-before: page; }\n .nosplit tr { break-inside: avoid; }\n"
           "h1 { text-align: center; margin: 0 0 2pt; }\n"
           ".year { text-align: center; margin-bottom: 4pt; }\n .ind { margin-top: -0.75pt; }\n"
           % (foot, st0["font"]))
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>'
           "<style>%s</style></head><body>" % (html.escape(title), css)]
    for rec, st in zip(recs, styles):
        fs = st["size"]
        wb = "break-all" if st["breakall"] else "normal"
        out.append('<div class="form%s" style="font-size:%spt; word-break:%s; overflow-wrap:anywhere;'
                   ' line-height:%s">' % (" nosplit" if st["cantsplit"] else "", fs, wb, st["leading"] or "normal"))
        out.append('<h1 style="font-size:%spt">%s</h1><div class="year">（%d年度）</div>'
                   % (fs + 7, html.escape(rec["title"]), rec["year"]))
        top, ind = form_tables(rec, st)
        for cls, rows, ws in (("top", top, st["top_w"]), ("ind", ind, st["ind_w"])):
            tot = sum(ws)
            out.append('<table class="%s"><colgroup>%s</colgroup>' % (cls, "".join(
                '<col style="width:%.2f%%">' % (100 * w / tot) for w in ws)))
            for i, row in enumerate(rows):
                tr = "<tr>" + "".join(
                    '<td%s%s style="text-align:%s">%s</td>' % (
                        ' colspan="%d"' % c["cs"] if c["cs"] > 1 else "",
                        ' rowspan="%d"' % c["rs"] if c["rs"] > 1 else "",
                        {"l": "left", "c": "center", "r": "right"}[c["al"]], html.escape(c["t"]))
                    for c in row) + "</tr>"
                out.append("<thead>%s</thead><tbody>" % tr if cls == "ind" and i == 0 else tr)
            out.append("</tbody></table>" if cls == "ind" else "</table>")
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


def make_h(jobs, tmp):
    for recs, styles, pdf in jobs:
        src = pdf[:-4] + ".html"
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_doc(recs, styles, os.path.basename(pdf)[:-4]))
        prof = tempfile.mkdtemp(dir=tmp)
        cmd = ["chromium"] + CHROME_FLAGS + ["--user-data-dir=" + prof, "--print-to-pdf=" + pdf]
        if not styles[0]["browser"]:
            cmd.append("--no-pdf-header-footer")
        subprocess.run(cmd + ["file://" + os.path.abspath(src)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.rmtree(prof, ignore_errors=True)


# ------------------------------------------------------------------------ producer w
def make_w(jobs, tmp):
    from docx import Document
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
    align = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT}

    def field(par, instr):
        fld, r, t = OxmlElement("w:fldSimple"), OxmlElement("w:r"), OxmlElement("w:t")
        fld.set(qn("w:instr"), instr)
        t.text = "1"
        r.append(t), fld.append(r), par._p.append(fld)

    docs = []
    for recs, styles, pdf in jobs:
        doc = Document()
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(15)
        sec.top_margin, sec.bottom_margin = Mm(18), Mm(18)
        width = Mm(180)
        normal = doc.styles["Normal"]
        normal.font.name = styles[0]["font"]
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), styles[0]["font"])
        normal.paragraph_format.space_after = Pt(0)
        par = sec.footer.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for piece in re.split(r"(\{[pn]\})", styles[0]["footer"] or ""):
            if piece in ("{p}", "{n}"):
                field(par, "PAGE" if piece == "{p}" else "NUMPAGES")
            elif piece:
                par.add_run(piece)
        for fi, (rec, st) in enumerate(zip(recs, styles)):
            for text, size, bold in ((rec["title"], 7, True), ("（%d年度）" % rec["year"], 1, False)):
                p = doc.add_paragraph()
                p.alignment, p.paragraph_format.page_break_before = WD_ALIGN_PARAGRAPH.CENTER, fi > 0 and bold
                run = p.add_run(text)
                run.bold, run.font.size = bold, Pt(st["size"] + size)
            top, ind = form_tables(rec, st)
            for k, (rows, ws) in enumerate(((top, st["top_w"]), (ind, st["ind_w"]))):
                if k:
                    doc.add_paragraph().paragraph_format.space_after = Pt(0)
                table = doc.add_table(rows=len(rows), cols=8)
                table.style = "Table Grid"
                table.autofit = False
                cw = [int(width * w / sum(ws)) for w in ws]
                for i, col in enumerate(table.columns):
                    col.width = cw[i]
                    for cell in col.cells:
                        cell.width = cw[i]
                cells = place(rows)
                for r, c, cell in cells:
                    if cell["rs"] > 1 or cell["cs"] > 1:
                        table.cell(r, c).merge(table.cell(r + cell["rs"] - 1, c + cell["cs"] - 1))
                for r, c, cell in cells:
                    tc = table.cell(r, c)
                    tc.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                    par = tc.paragraphs[0]
                    par.alignment = align[cell["al"]]
                    if st["leading"]:
                        par.paragraph_format.line_spacing = Pt(st["size"] * st["leading"])
                    par.add_run(cell["t"]).font.size = Pt(st["size"])
                for i, row in enumerate(table.rows):
                    for tag, on in (("w:cantSplit", st["cantsplit"]), ("w:tblHeader", k and not i)):
                        if on:
                            el = OxmlElement(tag)
                            el.set(qn("w:val"), "true")
                            row._tr.get_or_add_trPr().append(el)
        src = pdf[:-4] + ".docx"
        doc.save(src)
        docs.append(src)
    for i in range(0, len(docs), 20):   # one soffice start per 20 documents
        outdir = os.path.dirname(docs[i])
        prof = tempfile.mkdtemp(dir=tmp)
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                        "--convert-to", "pdf", "--outdir", outdir] + docs[i:i + 20], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        shutil.rmtree(prof, ignore_errors=True)


# ------------------------------------------------------------------------ producer n
def wrap(text, font, size, width, sw):
    """Greedy wrap character by character, as drawing producers do (mid-number, mid-unit)."""
    lines, cur = [], ""
    for ch in text:
        if cur and sw(cur + ch, font, size) > width:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + [cur] if cur else lines


def make_n(jobs, tmp):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(TTFont("WQY", WQY, subfontIndex=0))
    sw = pdfmetrics.stringWidth
    W, H = A4
    for recs, styles, pdf in jobs:
        pages = []                       # each page: list of draw ops

        def layout(rows, ws, st, font, y, x0, tw, page, pad=2, header=False):
            size, lead = st["size"], st["size"] * 1.22
            cw = [tw * w / sum(ws) for w in ws]
            xs = [x0 + sum(cw[:i]) for i in range(9)]
            cells = place(rows)
            for r, c, cell in cells:
                cell["lines"] = wrap(cell["t"], font, size, xs[c + cell["cs"]] - xs[c] - 2 * pad, sw)
                cell["h"] = max(1, len(cell["lines"])) * lead + 2 * pad + 2
            hs = [size * 1.7] * len(rows)
            for r, c, cell in sorted(cells, key=lambda x: x[2]["rs"]):
                span = hs[r:r + cell["rs"]]
                if sum(span) < cell["h"]:
                    hs[r + cell["rs"] - 1] += cell["h"] - sum(span)
            bottom = 22 * 2.835 + (12 if st["footer"] else 0)
            ys, pg = [], []
            for r in range(len(rows)):
                if header and r > 0 and y - hs[r] < bottom:   # new page, header repeated
                    page = []
                    pages.append(page)
                    y = H - 20 * 2.835
                    for _, c, cell in cells[:8]:               # the header row's 8 cells
                        draw(page, c, cell, cell["lines"], xs, y, hs[0], font, size, lead, pad)
                    y -= hs[0]
                ys.append(y)
                pg.append(page)
                y -= hs[r]
            for r, c, cell in cells:     # a merged cell split by a page break: one frame a page
                segs = collections.OrderedDict()
                for rr in range(r, r + cell["rs"]):
                    segs.setdefault(id(pg[rr]), [pg[rr], ys[rr], 0])[2] += hs[rr]
                best = max(segs.values(), key=lambda s: s[2])
                for sg in segs.values():
                    show = sg is best or (st["relabel"] and sg[2] >= cell["h"] - 2)
                    draw(sg[0], c, cell, cell["lines"] if show else [], xs, sg[1], sg[2], font, size, lead, pad)
            return y, page

        def draw(page, c, cell, lines, xs, y, h, font, size, lead, pad):
            x1, x2 = xs[c], xs[c + cell["cs"]]
            page.append(("rect", x1, y - h, x2 - x1, h))
            ty = y - h / 2 + len(lines) * lead / 2 - size * 0.88
            x = {"l": x1 + pad, "r": x2 - pad, "c": (x1 + x2) / 2}[cell["al"]]
            for ln in lines:
                page.append(("text", font, size, x, ty, ln, cell["al"]))
                ty -= lead

        for rec, st in zip(recs, styles):
            font = "STSong-Light" if st["cidfont"] else "WQY"
            page = []
            pages.append(page)
            x0 = st["margin"] * 2.835
            tw = W - 2 * x0
            y = H - 18 * 2.835
            page.append(("text", font, st["size"] + 8, W / 2, y - 14, rec["title"], "c"))
            page.append(("text", font, st["size"] + 1, W / 2, y - 32, "（%d年度）" % rec["year"], "c"))
            top, ind = form_tables(rec, st)
            y, page = layout(top, st["top_w"], st, font, y - 42, x0, tw, page)
            layout(ind, st["ind_w"], st, font, y - 6, x0, tw, page, header=True)
        c = canvas.Canvas(pdf, pagesize=A4)
        c.setTitle(os.path.basename(pdf)[:-4])
        c.setLineWidth(0.6)
        st0 = styles[0]
        for pno, page in enumerate(pages, 1):
            for op in page:
                if op[0] == "rect":
                    c.rect(*op[1:], stroke=1, fill=0)
                else:
                    _, font, size, x, y, text, al = op
                    c.setFont(font, size)
                    {"l": c.drawString, "r": c.drawRightString, "c": c.drawCentredString}[al](x, y, text)
            if st0["footer"]:
                c.setFont("STSong-Light" if st0["cidfont"] else "WQY", 8)
                c.drawCentredString(W / 2, 12 * 2.835, st0["footer"].format(p=pno, n=len(pages)))
            c.showPage()
        c.save()


# ------------------------------------------------------------------------ driver
def check_text(recs, text):
    """Every printed character of the gold strings must be somewhere in the dump."""
    have = collections.Counter(text)
    need = collections.Counter()
    for rec in recs:
        strs = [rec["title"], rec["project_name"], rec["department"], rec["implementing_unit"],
                rec["goals"]["expected"], rec["goals"]["actual"]]
        prev = None
        for i in rec["indicators"]:     # merged 一级/二级 cells print once per run
            strs += [i["name"], i["target"], i["actual"], i["deviation"] or ""]
            if (i["level1"], i["level2"]) != prev:
                strs += [i["level2"]]
            prev = (i["level1"], i["level2"])
        need.update("".join(strs).replace(" ", ""))
    return {ch: n - have[ch] for ch, n in need.items() if have[ch] < n}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/work/extra/corpus")
    ap.add_argument("--gold", default="/work/shared/corpus/wide/*/*.json")
    ap.add_argument("--forms", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--producers", default="hwn")
    ap.add_argument("--multi", type=int, default=2, help="multi-form dumps per producer")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    picks = deal(load_pool(a.gold), a.forms, rng)
    makers = {"h": make_h, "w": make_w, "n": make_n}
    tmp = tempfile.mkdtemp(prefix="make_corpus-")
    try:
        for p in a.producers:
            pdir = os.path.join(a.out, "pdf", p)
            os.makedirs(pdir, exist_ok=True)
            prng = random.Random("%d-%s" % (a.seed, p))
            jobs = [([rec], [style(prng, p, rec)], os.path.join(pdir, "ext-%s-%03d.pdf" % (p, i)))
                    for i, rec in enumerate(picks[p])]
            for m in range(1, a.multi + 1):
                k = prng.randint(min(10, len(picks[p])), min(20, len(picks[p])))
                recs = prng.sample(picks[p], k)
                st = [style(prng, p, r) for r in recs]
                for s in st[1:]:   # one document: one footer / header setting
                    s.update(footer=st[0]["footer"], browser=st[0]["browser"])
                jobs.append((recs, st, os.path.join(pdir, "ext-%s-multi%02d.pdf" % (p, m))))
            print("%s: rendering %d PDFs" % (p, len(jobs)), file=sys.stderr)
            makers[p](jobs, tmp)
            for recs, _, pdf in jobs:
                stem = os.path.basename(pdf)[:-4]
                gold = json.dumps(recs, ensure_ascii=False, indent=2)
                for mode, opts in MODES.items():
                    d = os.path.join(a.out, "%s-%s" % (p, mode))
                    os.makedirs(d, exist_ok=True)
                    txt = os.path.join(d, stem + ".txt")
                    subprocess.run(["pdftotext"] + opts + [pdf, txt], check=True)
                    with open(txt, encoding="utf-8") as f:
                        text = f.read()
                    missing = check_text(recs, text)
                    if missing:
                        print("  %s %s: characters missing %s" % (stem, mode, missing), file=sys.stderr)
                    outs = [(stem, text)]
                    if mode == "default" and len(recs) > 1:
                        outs.append((stem + "-noff", text.replace("\f", "\n\n\n")))
                    for name, body in outs:
                        with open(os.path.join(d, name + ".txt"), "w", encoding="utf-8") as f:
                            f.write(body)
                        with open(os.path.join(d, name + ".json"), "w", encoding="utf-8") as f:
                            f.write(gold)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for d in sorted(os.listdir(a.out)):
        files = glob.glob(os.path.join(a.out, d, "*.json"))
        if d != "pdf":
            n = sum(len(json.load(open(f, encoding="utf-8"))) for f in files)
            print("%-12s %3d txt  %4d forms" % (d, len(files), n))


if __name__ == "__main__":
    main()
