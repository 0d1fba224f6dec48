#!/usr/bin/env python3
"""Documents that are not plain text, as a user meets them (issue 19):
- the committed samples/formats/ are what tests/tools/make_format_samples.py
  writes (when python3-docx is there), and `extract` reads the same times,
  references, milestones and pilots from each .docx and .html as from the
  .txt it came from (spans aside);
- a .docx with its schedule in a table and a tracked change: `check` places
  findings by paragraph and table cell in the text report (both languages),
  in JSON ("location") and SARIF (properties.documentLocation, the region
  still the text line), and --tracked-changes original reads the text
  before the change;
- a folder of .txt, .docx, .html, .doc and .pdf: each read or refused with
  its reason, the batch going on (exit 2).

usage: formats_cli.py PLANCHECK REPO_DIR
"""
import shutil, io, json, os, subprocess, sys, tempfile, zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(text)


def docx_bytes(body_xml):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (W, body_xml))
    return out.getvalue()


def model(x):
    """What must agree between formats: the extraction without its spans (and
    messages, which may name a line of the text read)."""
    def strip(v):
        if isinstance(v, dict):
            return {k: strip(w) for k, w in v.items() if k not in ("span", "line", "column", "spans", "file", "message")}
        if isinstance(v, list):
            return [strip(w) for w in v]
        return v
    return {k: strip(x.get(k)) for k in ("document", "references", "times", "units", "milestones", "pilots", "notices")}


def system_python_with_docx():
    for py in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(py) and subprocess.run([py, "-c", "import docx"], capture_output=True).returncode == 0:
            return py
    return None


def main():
    plancheck, repo = sys.argv[1], sys.argv[2]
    formats = os.path.join(repo, "samples", "formats")
    plans = os.path.join(repo, "samples", "plans")
    samples = sorted(n for n in os.listdir(formats) if n.endswith(".docx"))
    check(len(samples) >= 3, f"samples/formats holds at least three .docx ({samples})")

    with tempfile.TemporaryDirectory() as tmp:
        # The committed samples are what the script writes.
        py = system_python_with_docx()
        if py:
            sources = [os.path.join(plans, n[:-5] + ".txt") for n in samples]
            gen = os.path.join(tmp, "gen")
            r = subprocess.run([py, os.path.join(repo, "tests", "tools", "make_format_samples.py"), gen, *sources],
                               capture_output=True)
            check(r.returncode == 0, f"make_format_samples.py runs ({r.stderr.decode()[-200:]})")
            for n in sorted(os.listdir(formats)):
                if n.endswith((".docx", ".html")):
                    same = os.path.exists(os.path.join(gen, n)) and \
                        open(os.path.join(gen, n), "rb").read() == open(os.path.join(formats, n), "rb").read()
                    check(same, f"samples/formats/{n} is what make_format_samples.py writes")
        else:
            print("skip the regeneration: no python3 with the docx module (python3-docx)")

        # Each format reads as the .txt it came from.
        for n in samples:
            base = n[:-5]
            txt = json.loads(run(plancheck, "extract", os.path.join(plans, base + ".txt")).stdout)
            for ext in (".docx", ".html"):
                r = run(plancheck, "extract", os.path.join(formats, base + ext))
                got = json.loads(r.stdout) if r.returncode == 0 else {}
                check(r.returncode == 0 and model(got) == model(txt),
                      f"extract {base}{ext}: the same document, references, times, units, milestones, pilots and notices as the .txt")
            r = run(plancheck, "check", "--format", "jsonl", os.path.join(plans, base + ".txt"),
                    os.path.join(formats, base + ".docx"), os.path.join(formats, base + ".html"))
            rules = [sorted((d["rule"], d["severity"]) for d in json.loads(l)["diagnostics"])
                     for l in r.stdout.decode().splitlines()]
            check(len(rules) == 3 and rules[0] == rules[1] == rules[2],
                  f"check {base}: the same diagnostics from .txt, .docx and .html")
        # The PDFs (tests/tools/make_pdf_samples.py): the text layer reads as
        # the .txt; a scan is recognised by OCR when tesseract can, said in
        # the heading and in JSON, and refused with how to enable it
        # under --ocr never.
        pdfs = sorted(n[:-4] for n in os.listdir(formats)
                      if n.endswith(".pdf") and os.path.exists(os.path.join(plans, n[:-4] + ".txt")))
        check(len(pdfs) >= 8, f"every sample plan as a PDF ({len(pdfs)})")
        for base in pdfs:
            txt = json.loads(run(plancheck, "extract", os.path.join(plans, base + ".txt")).stdout)
            r = run(plancheck, "extract", os.path.join(formats, base + ".pdf"))
            got = json.loads(r.stdout) if r.returncode == 0 else {}
            check(r.returncode == 0 and model(got) == model(txt),
                  f"extract {base}.pdf: the same model as the .txt")
        scan = os.path.join(formats, "02-tinh-ha-tinh-scan.pdf")
        r = run(plancheck, "check", "--ocr", "never", "--lang", "en", scan)
        check(r.returncode == 2 and "--ocr" in r.stderr.decode() and "02-tinh-ha-tinh-scan.pdf" in r.stderr.decode(),
              "check --ocr never: a scan is refused, naming the file and how to enable OCR")
        have_ocr = shutil.which("tesseract") and b"vie" in subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True).stdout
        if have_ocr:
            r = run(plancheck, "check", "--lang", "en", "--format", "json", scan)
            f = json.loads(r.stdout)["files"][0] if r.stdout else {}
            check(f.get("status") == "checked" and f.get("ocr_pages") == [1],
                  f"check a scan: recognised by OCR, its pages in JSON ({f.get('ocr_pages')})")
            r = run(plancheck, "check", "--lang", "en", scan)
            check("recognised by OCR" in r.stdout.decode().splitlines()[0], "check a scan: the heading says OCR read it")
        else:
            print("skip the OCR run: no tesseract with Vietnamese data (tesseract-ocr-vie)")
        r = run(plancheck, "check", "--ocr", "sometimes", scan)
        check(r.returncode == 2 and "--ocr" in r.stderr.decode(), "--ocr takes auto|never|always")

        # The tracked change in the samples: the original cites another date.
        one = os.path.join(formats, samples[0])
        acc = json.loads(run(plancheck, "extract", one).stdout)
        orig = json.loads(run(plancheck, "extract", "--tracked-changes", "original", one).stdout)
        check(model(acc) != model(orig), "extract --tracked-changes original: the text before the change is read")

        # A plan whose late schedule stands in a table, with a tracked change.
        lines = open(os.path.join(repo, "samples", "check", "c01-huyen-lam-ha-tre-han.txt"),
                     encoding="utf-8").read().splitlines()
        body = ""
        for line in lines:
            if line.startswith("2. "):
                left, right = line.split(", hoàn thành ")
                cell2 = ('<w:p><w:r><w:t xml:space="preserve">hoàn thành trong tháng </w:t></w:r>'
                         '<w:del w:id="1" w:author="a"><w:r><w:delText>5/2025</w:delText></w:r></w:del>'
                         '<w:ins w:id="2" w:author="a"><w:r><w:t>%s</w:t></w:r></w:ins></w:p>'
                         % esc(right.replace("trong tháng ", "").rstrip(".")))
                body += "<w:tbl><w:tr><w:tc>%s</w:tc><w:tc>%s</w:tc></w:tr></w:tbl>" % (para(left + ","), cell2)
            else:
                body += para(line)
        plan = os.path.join(tmp, "c01.docx")
        open(plan, "wb").write(docx_bytes(body))
        r = run(plancheck, "check", "--lang", "en", plan)
        out = r.stdout.decode()
        check(r.returncode == 1 and f"{plan}:table 1, row 1, cell 2:" in out and "[tw-35-2024/grassroots-deadline]" in out,
              f"check text: a finding in a table placed by table, row and cell ({out.splitlines()[1][:100] if out.count(chr(10)) > 1 else out})")
        check(f"{plan}:paragraph 11:" in out, "check text: a finding in a paragraph placed by its number")
        r = run(plancheck, "check", plan)
        check("bảng 1, hàng 1, ô 2:" in r.stdout.decode() and "đoạn 11:" in r.stdout.decode(),
              "check text (vi): bảng/hàng/ô and đoạn")
        r = run(plancheck, "check", "--format", "json", plan)
        diags = json.loads(r.stdout)["files"][0]["diagnostics"]
        late = [d for d in diags if d["rule"] == "tw-35-2024/grassroots-deadline"]
        check(len(late) == 1 and late[0]["location"]["table"] == 1 and late[0]["location"]["row"] == 1 and
              late[0]["location"]["cell"] == 2 and late[0]["location"]["column"] >= 1 and late[0]["span"]["line"] == 11,
              f"check json: \"location\" says table, row, cell, column; the span keeps the text line ({late[:1]})")
        check(all("location" in d for d in diags if d["span"]), "check json: every located finding has a location")
        r = run(plancheck, "check", "--format", "sarif", plan)
        res = json.loads(r.stdout)["runs"][0]["results"]
        late = [x for x in res if x["ruleId"] == "tw-35-2024/grassroots-deadline"]
        check(len(late) == 1 and late[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 11 and
              late[0]["properties"]["documentLocation"] == {"table": 1, "row": 1, "cell": 2,
                                                            "column": late[0]["properties"]["documentLocation"]["column"]},
              "check sarif: region startLine is the text line, properties.documentLocation the place in the document")
        r = run(plancheck, "check", "--format", "jsonl", "--tracked-changes", "original", plan)
        rules = {d["rule"] for d in json.loads(r.stdout)["diagnostics"]}
        check("tw-35-2024/grassroots-deadline" not in rules,
              "check --tracked-changes original: the deleted 5/2025 is read, no late grassroots congress")
        r = run(plancheck, "check", "--tracked-changes", "sometimes", plan)
        check(r.returncode == 2 and "--tracked-changes" in r.stderr.decode(), "--tracked-changes takes accept|original")
        # Plain text says places as before.
        r = run(plancheck, "check", "--format", "json", os.path.join(repo, "samples", "check", "c01-huyen-lam-ha-tre-han.txt"))
        check(all("location" not in d for d in json.loads(r.stdout)["files"][0]["diagnostics"]),
              "check json: no location for a .txt")

        # A folder of every format: read, or refused with the reason.
        tree = os.path.join(tmp, "drafts")
        os.makedirs(tree)
        for n in samples[:1]:
            for ext in (".docx", ".html"):
                open(os.path.join(tree, n[:-5] + ext), "wb").write(open(os.path.join(formats, n[:-5] + ext), "rb").read())
        open(os.path.join(tree, "plan.txt"), "wb").write(open(os.path.join(plans, samples[0][:-5] + ".txt"), "rb").read())
        open(os.path.join(tree, "cu.doc"), "wb").write(
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 512)
        open(os.path.join(tree, "scan.pdf"), "wb").write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
        open(os.path.join(tree, "hong.docx"), "wb").write(b"PK\x03\x04" + b"\0" * 40)
        open(os.path.join(tree, "anh.png"), "wb").write(b"\x89PNG\r\n\x1a\n\0\0")
        r = run(plancheck, "check", "--lang", "en", "--format", "json", tree)
        doc = json.loads(r.stdout)
        status = {os.path.basename(f["file"]): f["status"] for f in doc["files"]}
        err = r.stderr.decode()
        check(r.returncode == 1 and status.get("cu.doc") == "error" and status.get("scan.pdf") == "error" and
              status.get("hong.docx") == "error" and "anh.png" not in status and
              sum(v == "checked" for v in status.values()) == 3,
              f"folder: .txt, .docx, .html checked; .doc, .pdf, a corrupt .docx reported; the batch goes on ({status})")
        check("cu.doc" in err and "Word 97" in err and "scan.pdf" in err and "PDF" in err and "hong.docx" in err,
              "folder: each refusal named on stderr with its reason")
        r = run(plancheck, "check", "--include", "*.docx", "--format", "json", tree)
        names = sorted(os.path.basename(f["file"]) for f in json.loads(r.stdout)["files"])
        check(names == sorted([samples[0], "hong.docx"]), f"folder: --include still narrows ({names})")

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
