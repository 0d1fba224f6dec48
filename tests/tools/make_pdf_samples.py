#!/usr/bin/python3
"""Regenerates the PDF samples under samples/formats/ from the plain-text plans.

    /usr/bin/python3 tests/tools/make_pdf_samples.py [REPO]

Debian's python3 (python3-reportlab, python3-pil, fonts-dejavu-core), not a
pyenv one. What each file is for (tests/unit/pdf_reader_test.cc reads them):

- 01-huyen-huong-son.pdf, 02-tinh-ha-tinh.pdf: text PDFs set in DejaVu Sans on
  A5 (A6 for 02), every paragraph wrapped at the margin (the reader must join the lines
  back), a running header on every page and a page number at the foot ("- 2 -",
  "Trang 2"), neither of which may end up glued into a sentence. Both run over
  more than one page.
- 02-tinh-ha-tinh-scan.pdf: the same plan as a scan: the text drawn into a
  grey image at 200 dpi with PIL and saved as an image-only PDF (no text
  layer), for OCR.
- decomposed.pdf: one page whose text is drawn decomposed (base letter +
  combining mark) with a ligature (U+FB01): read back in NFC, spelt out.
- blank-page.pdf: a page of text, then a blank page (not a scan: OCR has
  nothing to read there).
- reversed.pdf: three numbered lines written into the content stream
  bottom first: read top first all the same.
- locked.pdf: a PDF that needs a password to open (RC4, user password
  "secret"): refused by the reader as encrypted.

The output is deterministic (invariant=1 in reportlab, fixed sizes in PIL),
so regenerating changes no bytes unless this script or the plans change.
"""
import os
import sys
import time
import unicodedata

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A5, A6
from reportlab.lib.utils import simpleSplit
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

BODY_SIZE = 12
LEADING = 18
MARGIN_X = 50
TOP = 70       # below the running header
BOTTOM = 60    # above the page number


def paragraphs(path):
    """The plan's lines (UTF-8, or UTF-16 with its BOM as sample 07 is)."""
    raw = open(path, "rb").read()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16").splitlines()
    return raw.decode("utf-8-sig").splitlines()


def text_pdf(src, out, header, page_label, pagesize=A5):
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    width, height = pagesize
    c = canvas.Canvas(out, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setTitle(os.path.basename(src))
    page = 1
    y = height - TOP

    def furniture():
        # Header drawn before the body and the number after it, as word
        # processors do: the reader sees them first and last on the page.
        c.setFont("DejaVu", 8)
        c.drawCentredString(width / 2, height - 40, header)
        c.line(MARGIN_X, height - 46, width - MARGIN_X, height - 46)

    def footer():
        c.setFont("DejaVu", 9)
        c.drawCentredString(width / 2, 30, page_label(page))

    furniture()
    for para in paragraphs(src):
        if not para.strip():
            y -= LEADING / 2
            continue
        lines = simpleSplit(para, "DejaVu", BODY_SIZE, width - 2 * MARGIN_X)
        for line in lines:
            if y < BOTTOM:
                footer()
                c.showPage()
                page += 1
                furniture()
                y = height - TOP
            c.setFont("DejaVu", BODY_SIZE)
            c.drawString(MARGIN_X, y, line)
            y -= LEADING
    footer()
    c.showPage()
    c.save()
    return page


def scan_pdf(src, out, dpi=200):
    # A5 at `dpi`, 12 pt text: what an office scanner gives for a printed page.
    w, h = int(148 / 25.4 * dpi), int(210 / 25.4 * dpi)
    px = dpi / 72.0
    font = ImageFont.truetype(FONT, int(BODY_SIZE * px))
    margin = int(MARGIN_X * px)
    leading = int(LEADING * px)
    pages = []
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    y = int(TOP * px)
    for para in paragraphs(src):
        if not para.strip():
            y += leading // 2
            continue
        words = para.split()
        line = ""
        lines = []
        for word in words:
            candidate = word if not line else line + " " + word
            if draw.textlength(candidate, font=font) <= w - 2 * margin:
                line = candidate
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
        for ln in lines:
            if y > h - int(BOTTOM * px):
                pages.append(img)
                img = Image.new("L", (w, h), 255)
                draw = ImageDraw.Draw(img)
                y = int(TOP * px)
            draw.text((margin, y), ln, font=font, fill=0)
            y += leading
    pages.append(img)
    # 1-bit pages keep the file small; tesseract reads them as well as grey.
    pages = [p.point(lambda v: 255 if v > 160 else 0).convert("1") for p in pages]
    # Fixed dates: regenerating gives the same bytes.
    when = time.gmtime(1727827200)  # 2024-10-02, as Pillow takes dates (struct_time)
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], title="scan",
                  creationDate=when, modDate=when)
    return len(pages)


def locked_pdf(out):
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    enc = StandardEncryption("secret", ownerPassword="owner", strength=40)
    c = canvas.Canvas(out, pagesize=A5, invariant=1, encrypt=enc)
    c.setFont("DejaVu", BODY_SIZE)
    c.drawString(MARGIN_X, 500, "Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025.")
    c.showPage()
    c.save()


def decomposed_pdf(out):
    # Text whose font maps glyphs to decomposed letters (base + combining
    # mark) and a ligature, as some producers write: the reader must give NFC.
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(out, pagesize=A5, invariant=1)
    c.setFont("DejaVu", BODY_SIZE)
    c.drawString(MARGIN_X, 500, unicodedata.normalize("NFD", "Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025."))
    c.drawString(MARGIN_X, 480, "Kế hoạch \ufb01nal")
    c.showPage()
    c.save()


def blank_page_pdf(out):
    # A page of text and a blank page after it: the blank one is no scan.
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(out, pagesize=A5, invariant=1)
    c.setFont("DejaVu", BODY_SIZE)
    c.drawString(MARGIN_X, 500, "Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025.")
    c.showPage()
    c.showPage()
    c.save()


def reversed_pdf(out):
    # Lines written into the content stream from the bottom of the page up
    # (producers write in any order): reading order is where they stand.
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(out, pagesize=A5, invariant=1)
    c.setFont("DejaVu", BODY_SIZE)
    lines = ["1. Đại hội chi bộ: hoàn thành trước ngày 28/02/2025.",
             "2. Đại hội cấp cơ sở: hoàn thành trước ngày 30/6/2025.",
             "3. Đại hội cấp huyện: trong tháng 7/2025."]
    for k in reversed(range(len(lines))):
        c.drawString(MARGIN_X, 500 - k * LEADING, lines[k])
    c.showPage()
    c.save()


def main():
    repo = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    plans = os.path.join(repo, "samples", "plans")
    outdir = os.path.join(repo, "samples", "formats")
    os.makedirs(outdir, exist_ok=True)
    n = text_pdf(os.path.join(plans, "01-huyen-huong-son.txt"), os.path.join(outdir, "01-huyen-huong-son.pdf"),
                 "Huyện ủy Hương Sơn - Kế hoạch số 180-KH/HU", lambda p: "- %d -" % p)
    print("01-huyen-huong-son.pdf: %d pages" % n)
    n = text_pdf(os.path.join(plans, "02-tinh-ha-tinh.txt"), os.path.join(outdir, "02-tinh-ha-tinh.pdf"),
                 "Tỉnh ủy Hà Tĩnh - Kế hoạch số 96-KH/TU", lambda p: "Trang %d" % p, A6)
    print("02-tinh-ha-tinh.pdf: %d pages" % n)
    # Every other sample plan as a plain A5 text PDF.
    for name in sorted(os.listdir(plans)):
        base = name[:-4]
        if name.endswith(".txt") and base not in ("01-huyen-huong-son", "02-tinh-ha-tinh"):
            n = text_pdf(os.path.join(plans, name), os.path.join(outdir, base + ".pdf"), "Kế hoạch",
                         lambda p: "- %d -" % p)
            print("%s.pdf: %d pages" % (base, n))
    n = scan_pdf(os.path.join(plans, "02-tinh-ha-tinh.txt"), os.path.join(outdir, "02-tinh-ha-tinh-scan.pdf"))
    print("02-tinh-ha-tinh-scan.pdf: %d pages" % n)
    locked_pdf(os.path.join(outdir, "locked.pdf"))
    decomposed_pdf(os.path.join(outdir, "decomposed.pdf"))
    print("decomposed.pdf")
    blank_page_pdf(os.path.join(outdir, "blank-page.pdf"))
    print("blank-page.pdf")
    reversed_pdf(os.path.join(outdir, "reversed.pdf"))
    print("reversed.pdf")
    print("locked.pdf")


if __name__ == "__main__":
    main()
