#!/usr/bin/env python3
"""Writes each sample plan also as a .docx and an .html, for the readers'
tests (samples/formats/, docs/cli.md "Formats").

usage: make_format_samples.py OUT_DIR PLAN.txt...

The .docx (python3-docx): a paragraph per line of the .txt, except the
numbered schedule lines ("1. Đại hội …: hoàn thành …"), which stand in a
two-column table (what is held | when, the colon kept in the first cell); each
paragraph's text split across two runs in the middle of a word; and one
tracked change: the first date of the plan's first paragraph that cites one
is written as an insertion, after a deletion of the same date five years
earlier. Read as accepted the .docx says what the .txt says; read as the
original (--tracked-changes original) it cites the older date.

The .html: the same lines as <p>, the schedule as a <table>, around them a
<head> with a <style> and a <script>, a <nav> and a <footer> with dates in
them (none of which may be read) and entities for & < > and no-break spaces.

Both are deterministic (fixed zip timestamps), so the committed files can
be compared with what the script writes.
"""
import copy, html, io, os, re, sys, zipfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

SCHEDULE = re.compile(r"^(\d+\.\s.*?:)\s+(.*)$")
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
AUTHOR = "plancheck samples"
STAMP = "2024-10-01T00:00:00Z"


def run(text, tag="w:t"):
    r = OxmlElement("w:r")
    t = OxmlElement(tag)
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def split_runs(p, text):
    """The text as two runs, cut inside a word when there is one."""
    cut = len(text) // 2
    for i in range(cut, len(text)):
        if text[i] != " " and i > 0 and text[i - 1] != " ":
            cut = i
            break
    for piece in (text[:cut], text[cut:]):
        if piece:
            p._p.append(run(piece))


def tracked(p, text, m, ident):
    """`text` with its date m written as a tracked replacement."""
    day, month, year = m.group(1), m.group(2), m.group(3)
    old = "%s/%s/%d" % (day, month, int(year) - 5)
    p._p.append(run(text[: m.start()]))
    d = OxmlElement("w:del")
    for k, v in (("w:id", str(ident)), ("w:author", AUTHOR), ("w:date", STAMP)):
        d.set(qn(k), v)
    d.append(run(old, "w:delText"))
    p._p.append(d)
    i = OxmlElement("w:ins")
    for k, v in (("w:id", str(ident + 1)), ("w:author", AUTHOR), ("w:date", STAMP)):
        i.set(qn(k), v)
    i.append(run(m.group(0)))
    p._p.append(i)
    p._p.append(run(text[m.end():]))


def blocks(lines):
    """Lines as ("p", text) and ("table", [(left, right)…]) in order."""
    out = []
    for line in lines:
        m = SCHEDULE.match(line)
        if m:
            if not out or out[-1][0] != "table":
                out.append(("table", []))
            out[-1][1].append((m.group(1), m.group(2)))
        else:
            out.append(("p", line))
    return out


def write_docx(lines, path):
    d = docx.Document()
    changed = False
    for kind, item in blocks(lines):
        if kind == "p":
            p = d.add_paragraph()
            m = DATE.search(item)
            if m and not changed and item.startswith("Thực hiện"):
                tracked(p, item, m, 901)
                changed = True
            else:
                split_runs(p, item)
        else:
            t = d.add_table(rows=0, cols=2)
            for left, right in item:
                cells = t.add_row().cells
                cells[0].paragraphs[0].add_run(left)
                cells[1].paragraphs[0].add_run(right)
    d.core_properties.author = AUTHOR
    buf = io.BytesIO()
    d.save(buf)
    # The same bytes every time: fixed timestamps, members in one order.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2024-10-01T00:00:00Z<", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 10, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def write_html(lines, path, title):
    e = lambda s: html.escape(s, quote=False).replace("\u00a0", "&nbsp;")
    out = ["<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
           "<title>%s</title>" % e(title),
           "<style>p { margin: 0 } /* 01/01/2020 */</style>",
           "<script>var hanChot = '31/12/2019'; if (1 < 2 && true) {}</script>",
           "</head>", "<body>",
           '<nav><a href="/">Trang chủ</a> &gt; Văn bản ngày 01/01/2021</nav>',
           "<header>Cổng thông tin điện tử, cập nhật 02/02/2022</header>",
           "<main>"]
    for kind, item in blocks(lines):
        if kind == "p":
            if item:
                out.append("<p>%s</p>" % e(item).replace(" - ", "&nbsp;-&nbsp;", 1))
        else:
            out.append("<table>")
            for left, right in item:
                out.append("<tr><td>%s</td><td>%s</td></tr>" % (e(left), e(right)))
            out.append("</table>")
    out += ["</main>", "<footer>&copy; 2024 &amp; cập nhật ngày 03/03/2023</footer>",
            "<noscript>Bật JavaScript từ 04/04/2024</noscript>", "</body>", "</html>", ""]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for plan in sys.argv[2:]:
        raw = open(plan, "rb").read()  # UTF-8, or UTF-16 with its BOM (sample 07)
        text = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8-sig")
        lines = text.splitlines()
        base = os.path.splitext(os.path.basename(plan))[0]
        write_docx(lines, os.path.join(out_dir, base + ".docx"))
        write_html(lines, os.path.join(out_dir, base + ".html"), lines[0] if lines else base)


if __name__ == "__main__":
    main()
