#!/usr/bin/env python3
"""Every sample in every format gives the diagnostics of its .txt (issue 19's
golden test): each plan of samples/plans and samples/check is written as
.docx and .html (tests/tools/make_format_samples.py), as a PDF
(make_pdf_samples.py's text_pdf) and in TCVN3 and VISCII (encode_legacy),
into a temporary folder; `check --format sarif` of each must give the same
findings as the .txt — rule, severity, and the same place: the same words
under the finding (the region's snippet), and for .docx, .html and .pdf the
place in the document's own terms (properties.documentLocation: the
paragraph or table cell, the HTML line, the page and printed line).

usage: formats_golden.py PLANCHECK ENCODE_LEGACY SAMPLES_DIR
Exits 77 (skipped) without a Python that has python3-docx and reportlab.
"""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402

PLANCHECK, ENCODER, SAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
TOOLS = os.path.dirname(os.path.abspath(__file__))


def python_with(*modules):
    for py in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(py) and subprocess.run([py, "-c", "import " + ", ".join(modules)],
                                                 capture_output=True).returncode == 0:
            return py
    return None


def findings(path):
    r = run(PLANCHECK, "check", "--format", "sarif", "--sarif-columns", "code-points", path)
    log = json.loads(r.stdout)
    out = []
    for res in log["runs"][0]["results"]:
        region = res["locations"][0]["physicalLocation"].get("region", {}) if res.get("locations") else {}
        snippet = " ".join(region.get("snippet", {}).get("text", "").split())
        place = res.get("properties", {}).get("documentLocation")
        out.append(((res["ruleId"], res["level"], snippet), place, bool(region)))
    return r.returncode, out


py = python_with("docx", "reportlab")
if not py:
    print("skip: no python3 with python3-docx and reportlab")
    sys.exit(77)

plans = [os.path.join(SAMPLES, d, n) for d in ("plans", "check")
         for n in sorted(os.listdir(os.path.join(SAMPLES, d))) if n.endswith(".txt")]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([py, os.path.join(TOOLS, "make_format_samples.py"), tmp, *plans], check=True, capture_output=True)
    script = ("import sys; sys.path.insert(0, %r); import make_pdf_samples as m\n"
              "for src, out in zip(sys.argv[1::2], sys.argv[2::2]): m.text_pdf(src, out, 'Kế hoạch', lambda p: '- %%d -' %% p)"
              % TOOLS)
    pairs = []
    for p in plans:
        pairs += [p, os.path.join(tmp, os.path.basename(p)[:-4] + ".pdf")]
    subprocess.run([py, "-c", script, *pairs], check=True, capture_output=True)
    compared = 0
    for p in plans:
        base = os.path.basename(p)[:-4]
        status, want = findings(p)
        raw = open(p, "rb").read()
        utf8 = raw.decode("utf-16").encode() if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw
        versions = [(ext, os.path.join(tmp, base + "." + ext)) for ext in ("docx", "html", "pdf")]
        for enc in ("tcvn3", "viscii"):
            data = subprocess.run([ENCODER, enc], input=utf8, capture_output=True, check=True).stdout
            if data.count(b"?") != utf8.count(b"?"):
                continue  # a sign the encoding cannot write (04's look-alike letters): not the same text
            path = os.path.join(tmp, f"{base}.{enc}.txt")
            open(path, "wb").write(data)
            versions.append((enc, path))
        for ext, path in versions:
            got_status, got = findings(path)
            same = got_status == status and [g[0] for g in got] == [w[0] for w in want]
            placed = ext not in ("docx", "html", "pdf") or all(g[1] for g in got if g[2])
            check(same and placed, f"{base}.{ext}: {len(want)} finding(s) as the .txt, at the same words"
                                   + ("" if placed else " — a finding without its place in the document"))
            if not same:
                print("   txt:", [w[0] for w in want], "\n   got:", [g[0] for g in got])
            compared += 1
    check(compared >= 5 * len(plans) - 2, f"{compared} versions of {len(plans)} samples compared")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
