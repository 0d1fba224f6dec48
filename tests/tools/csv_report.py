#!/usr/bin/env python3
"""`plancheck check --format csv` read back with Python's csv module:
- UTF-8 with a BOM, CRLF line ends (what Excel needs to read Vietnamese);
- one row per file, in the order of `check --format json`, with its status;
  a file that cannot be read is a row with status `error` and its reason;
- counts per severity and per category agree with the JSON report;
- identity (number, date, issuer, rule sets) and each level's end agree
  with the extraction;
- a name starting "=" is written "'=…", never a formula;
- quoting: a file name with a comma and quotes survives (a line end in it
  is written "\\n", as every report shows control characters).

usage: csv_report.py PLANCHECK SAMPLES_DIR
"""
import csv, io, json, os, shutil, sys, tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402

PLANCHECK, SAMPLES = (os.path.abspath(a) for a in sys.argv[1:3])
CATEGORIES = ("deadline", "tight", "start", "order", "pilot", "missing", "citation", "text")
LEVELS = ("branch", "grassroots", "district", "province")

tmp = tempfile.mkdtemp(prefix="plancheck-csv-")
try:
    bad = os.path.join(tmp, "hỏng.txt")
    open(bad, "wb").close()  # empty: refused
    odd = os.path.join(tmp, 'a, "b"\nc.txt')
    shutil.copy(os.path.join(SAMPLES, "check", "c01-huyen-lam-ha-tre-han.txt"), odd)
    args = [os.path.join(SAMPLES, "check"), os.path.join(SAMPLES, "plans"), bad, odd]
    r = run(PLANCHECK, "check", "--no-progress", "--format", "json", *args)
    result = json.loads(r.stdout)
    r = run(PLANCHECK, "check", "--no-progress", "--format", "csv", *args)
    check(r.returncode == 1, f"exit 1 with an unreadable file (got {r.returncode})")
    raw = r.stdout
    check(raw.startswith(b"\xef\xbb\xbf"), "starts with a UTF-8 BOM")
    check(raw.count(b"\r\n") >= len(result["files"]) + 1, "CRLF line ends")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    check(len(rows) == len(result["files"]), f"one row per file ({len(rows)} vs {len(result['files'])})")
    # A control character in a name is written visible ("\\n"), as in the text report.
    shown = lambda name: name.replace("\n", "\\n")  # noqa: E731
    check([row["file"] for row in rows] == [shown(f["file"]) for f in result["files"]], "rows in the JSON report's order")
    for row, f in zip(rows, result["files"]):
        name = f["file"]
        check(row["status"] == f["status"], f"{name}: status {row['status']}")
        if f["status"] != "checked":
            check(row["reason"] != "" and row["errors"] == "", f"{name}: the reason, no counts")
            continue
        diags = f["diagnostics"]
        for sev, col in (("error", "errors"), ("warning", "warnings"), ("note", "notes")):
            want = sum(1 for d in diags if d["severity"] == sev)
            check(int(row[col]) == want, f"{name}: {col} {row[col]} = {want}")
            for c in CATEGORIES:
                want_c = sum(1 for d in diags if d["severity"] == sev and d["category"] == c)
                if int(row[f"{c}_{col}"]) != want_c:
                    check(False, f"{name}: {c}_{col} {row[c + '_' + col]} = {want_c}")
        check(row["rulesets"].split() == f["rulesets"], f"{name}: rule sets")
    # Identity and ends of one plan against its extraction.
    name = os.path.join(SAMPLES, "check", "c01-huyen-lam-ha-tre-han.txt")
    row = next(r for r in rows if r["file"] == name)
    x = json.loads(run(PLANCHECK, "extract", "--format", "json", name).stdout)
    check(row["issuer"] == x["document"]["issuer"], "issuer as extracted")
    for lv in LEVELS:
        ends = [m["time"]["period"]["end"] for m in x["milestones"]
                if m["level"] == lv and m["event"] == "complete" and not m.get("source")]
        if ends:
            check(row[f"{lv}_end"] == max(ends), f"{lv}_end {row[lv + '_end']} = {max(ends)}")
    check(any(r["file"] == shown(odd) and r["status"] == "checked" for r in rows), "a name with a comma, quotes and a line end survives quoting")
    # A name a spreadsheet would take for a formula is not one.
    formula = os.path.join(tmp, "f")
    os.mkdir(formula)
    shutil.copy(os.path.join(SAMPLES, "check", "c01-huyen-lam-ha-tre-han.txt"), os.path.join(formula, "=1+2.txt"))
    r = run(PLANCHECK, "check", "--no-progress", "--format", "csv", "=1+2.txt", cwd=formula)
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8-sig"), newline="")))
    check(len(rows) == 1 and rows[0]["file"] == "'=1+2.txt", f"a formula-like name is quoted with ' ({[r['file'] for r in rows]})")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
