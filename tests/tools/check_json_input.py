#!/usr/bin/env python3
"""`plancheck check` on extractions given as JSON (plancheck.extract/1, what
`extract --format json|jsonl` prints), as docs/cli.md describes it:
- round trip: on every sample plan, `check X.json` (X.json made by
  `extract --format json X.txt`) gives the diagnostics `check X.txt` gives
  (rule, severity, level, message, line:column), in json and in jsonl form;
- a hand-edited extraction: a milestone's date changed makes a violation
  disappear, another makes one appear;
- spans left out: the diagnostic has `span: null` and names the file; the
  text report has no snippet; the SARIF log stays valid (schema in
  SHARED_DIR/schemas, when there);
- a malformed object is a located error (file:line:column of the JSON),
  exit 2, and the other files are still checked;
- .json and .jsonl mixed with .txt in one run, and in a folder walk, where
  JSON that is not an extraction is skipped with a warning saying so; named
  on the command line it is an error.

usage: check_json_input.py PLANCHECK REPO_DIR [SHARED_DIR]
"""
import copy, glob, json, os, sys, tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402


def diagnostics(report):
    """{file: [(rule, severity, level, message, line, column)]} of a check JSON report."""
    out = {}
    for f in report["files"]:
        rows = out.setdefault(f["file"], [])
        for d in f["diagnostics"]:
            span = d["span"]
            rows.append((d["rule"], d["severity"], d["level"], d["message"],
                         span["line"] if span else None, span["column"] if span else None))
    return out


def check_json(plancheck, *args, cwd):
    r = run(plancheck, "check", "--format", "json", "--no-progress", *args, cwd=cwd)
    try:
        return r, json.loads(r.stdout)
    except ValueError:
        return r, {"files": []}


# A district plan of the 2025 round with no spans at all: grassroots end in
# July, after the directive's 30/6/2025.
NO_SPANS = {
    "schema": "plancheck.extract/1",
    "file": "form-42.txt",
    "document": {"term": {"from": 2025, "to": 2030}, "national_congress": "XIV", "issuer": "Huyện ủy Lâm Hà"},
    "references": [{"id": "35-CT/TW", "kind": "chi_thi", "date": "2024-06-14"}],
    "milestones": [
        {"level": "grassroots", "event": "complete",
         "time": {"text": "hoàn thành trong tháng 7/2025", "relation": "in",
                  "period": {"start": "2025-07-01", "end": "2025-07-31"}}},
    ],
}


def main():
    plancheck, repo = (os.path.abspath(a) for a in sys.argv[1:3])
    shared = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
    samples = sorted(glob.glob(os.path.join(repo, "samples", "plans", "*.txt")) +
                     glob.glob(os.path.join(repo, "samples", "check", "*.txt")))
    check(len(samples) >= 20, f"{len(samples)} sample plans")
    rel = [os.path.relpath(s, repo) for s in samples]

    with tempfile.TemporaryDirectory() as tmp:
        # ---- round trip, one .json per plan, and all of them in one .jsonl ----
        # Each text alone: in one batch a plan of the batch is a higher plan
        # for the plans citing it (c05 and 02), which an extraction is not.
        want = {}
        for r_ in rel:
            want.update(diagnostics(check_json(plancheck, r_, cwd=repo)[1]))
        jsons = []
        for r_ in rel:
            out = os.path.join(tmp, os.path.basename(r_)[:-4] + ".json")
            e = run(plancheck, "extract", "--format", "json", r_, "-o", out, cwd=repo)
            check(e.returncode == 0, f"extract {r_}")
            jsons.append(out)
        r, from_json = check_json(plancheck, *jsons, cwd=repo)
        got = diagnostics(from_json)
        check(r.returncode == (1 if any(d[1] == "error" for v in want.values() for d in v) else 0),
              f"check of the .json files exits as check of the texts ({r.returncode})")
        for name in rel:
            check(got.get(name) == want.get(name),
                  f"round trip (.json): {name}: {len(want.get(name, []))} diagnostic(s) alike")
        check(all(f.get("extraction", "").endswith(".json") for f in from_json["files"]),
              "each file object says the extraction it was read from")
        jsonl = os.path.join(tmp, "all.jsonl")
        run(plancheck, "extract", "--format", "jsonl", *rel, "-o", jsonl, cwd=repo)
        _, from_jsonl = check_json(plancheck, jsonl, cwd=repo)
        check(diagnostics(from_jsonl) == want, "round trip (.jsonl, every plan in one file): alike")
        # The array `extract --format json` prints for several files, under any name.
        array = os.path.join(tmp, "all.extraction")
        run(plancheck, "extract", "--format", "json", *rel[:3], "-o", array, cwd=repo)
        _, from_array = check_json(plancheck, array, cwd=repo)
        check(diagnostics(from_array) == {k: want[k] for k in rel[:3]},
              "an array of extractions in a file not called .json: found by its schema")

        # ---- hand edits ----
        def edited(sample, name, edit):
            x = json.loads(run(plancheck, "extract", "--format", "json", sample, cwd=repo).stdout)
            edit(x)
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(x, f, ensure_ascii=False, indent=2)
            return path

        def set_grassroots_end(x, start, end, relation):
            for m in x["milestones"]:
                if m["level"] == "grassroots" and m["event"] == "complete":
                    m["time"]["relation"] = relation
                    m["time"]["period"].update({"start": start, "end": end})

        late = "samples/check/c01-huyen-lam-ha-tre-han.txt"
        fixed = edited(late, "c01-fixed.json", lambda x: set_grassroots_end(x, "2025-06-01", "2025-06-30", "in"))
        rules = lambda rep: [d[0] for v in diagnostics(rep).values() for d in v if d[1] == "error"]
        check("tw-35-2024/grassroots-deadline" in [d[0] for d in want[late]], "c01 from text: grassroots late")
        r, rep = check_json(plancheck, fixed, cwd=repo)
        check("tw-35-2024/grassroots-deadline" not in rules(rep),
              "hand-edited c01 (grassroots end moved into June): the deadline error is gone (a note stays)")
        clean = "samples/check/c11-huyen-dung-han-dung-loi.txt"
        broken = edited(clean, "c11-late.json", lambda x: set_grassroots_end(x, "2025-07-15", "2025-07-15", "before"))
        check(not [d for d in want[clean] if d[1] == "error"], "c11 from text: no error")
        r, rep = check_json(plancheck, broken, cwd=repo)
        check("tw-35-2024/grassroots-deadline" in rules(rep) and r.returncode == 1,
              "hand-edited c11 (grassroots end moved to 15/7): a deadline error appears, exit 1")

        # ---- spans left out ----
        nospan = os.path.join(tmp, "form.json")
        with open(nospan, "w", encoding="utf-8") as f:
            json.dump(NO_SPANS, f, ensure_ascii=False)
        r, rep = check_json(plancheck, nospan, cwd=tmp)
        ds = [d for f in rep["files"] for d in f["diagnostics"]]
        late_d = [d for d in ds if d["rule"].endswith("/grassroots-deadline") and d["severity"] == "error"]
        check(len(late_d) == 1 and late_d[0]["span"] is None and rep["files"][0]["file"] == "form-42.txt",
              "no spans: the deadline error has span null and names the plan's file")
        t = run(plancheck, "check", "--color", "never", "--lang", "en", "form.json", cwd=tmp)
        out = t.stdout.decode()
        check(t.returncode == 1 and "form-42.txt: error:" in out and "(read from the extraction form.json)" in out
              and "^" not in out, "no spans: text report names the file, no line, no snippet")
        s = run(plancheck, "check", "--format", "sarif", nospan, fixed, cwd=tmp)
        log = json.loads(s.stdout)
        results = log["runs"][0]["results"]
        check(any("region" not in res["locations"][0]["physicalLocation"] for res in results) and
              any("region" in res["locations"][0]["physicalLocation"] for res in results),
              "SARIF: a location without region for no span, with a start-only region from a span")
        schema_path = os.path.join(shared, "schemas", "sarif-schema-2.1.0.json") if shared else ""
        if os.path.exists(schema_path):
            import jsonschema
            try:
                jsonschema.validate(log, json.load(open(schema_path, encoding="utf-8")))
                check(True, "SARIF from JSON input validates against the SARIF 2.1.0 schema")
            except jsonschema.ValidationError as e:
                check(False, f"SARIF from JSON input validates: {e.message}")
        else:
            print("skip SARIF schema validation: no SHARED_DIR/schemas")
        g = run(plancheck, "check", "--format", "github", nospan, cwd=tmp)
        check("::error file=form-42.txt,title=" in g.stdout.decode(), "github: no line for no span")

        # ---- malformed objects: located, exit 2, the batch goes on ----
        bad_syntax = os.path.join(tmp, "bad-syntax.json")
        with open(bad_syntax, "w", encoding="utf-8") as f:
            f.write('{\n  "schema": "plancheck.extract/1",\n  "milestones": [\n    {"level": "branch",, }\n  ]\n}\n')
        bad_value = os.path.join(tmp, "bad-value.json")
        x = copy.deepcopy(NO_SPANS)
        x["milestones"][0]["level"] = "county"
        with open(bad_value, "w", encoding="utf-8") as f:
            json.dump(x, f, ensure_ascii=False, indent=2)
        with open(bad_value, encoding="utf-8") as f:
            value_line = next(i for i, l in enumerate(f, 1) if '"county"' in l)
        value_col = open(bad_value, encoding="utf-8").read().splitlines()[value_line - 1].index('"county"') + 1
        bad_date = os.path.join(tmp, "bad-date.jsonl")
        y = copy.deepcopy(NO_SPANS)
        y["milestones"][0]["time"]["period"]["end"] = "2025-02-30"
        with open(bad_date, "w", encoding="utf-8") as f:
            f.write(json.dumps(NO_SPANS, ensure_ascii=False) + "\n" + json.dumps(y, ensure_ascii=False) + "\n")
        r = run(plancheck, "check", "--format", "json", "--lang", "en", bad_syntax, rel[0], bad_value, bad_date,
                cwd=repo)
        err = r.stderr.decode()
        rep = json.loads(r.stdout)
        statuses = [(f["file"], f["status"]) for f in rep["files"]]
        check(r.returncode == 1, f"malformed objects: exit 1, the others checked ({r.returncode})")
        check(f"{bad_syntax}:4:24: invalid JSON" in err, "syntax error located at the JSON's line:column")
        check(f"{bad_value}:{value_line}:{value_col}: field milestones[0].level: must be one of" in err,
              f"a value outside the vocabulary located at the value ({value_line}:{value_col})")
        check(f"{bad_date}:2:" in err and "field milestones[0].time.period.end" in err and "2025-02-30" in err,
              "an impossible date on line 2 of a .jsonl located there")
        check((rel[0], "checked") in statuses and ("form-42.txt", "checked") in statuses,
              "the other files (a .txt, the good line of the .jsonl) are still checked")
        check(sum(1 for _, s_ in statuses if s_ == "error") == 3, "three file objects with status error")

        # ---- not an extraction ----
        other = os.path.join(tmp, "package.json")
        with open(other, "w") as f:
            f.write('{"name": "x", "version": "1.0.0"}\n')
        r = run(plancheck, "check", "--lang", "en", other, cwd=tmp)
        check(r.returncode == 2 and "is JSON but not a plancheck.extract/1 extraction" in r.stderr.decode()
              and "plancheck extract --format json" in r.stderr.decode(),
              "a .json named that is not an extraction: an error that says so and what to do, exit 2")

        # ---- mixed in one run, and a folder walk ----
        folder = os.path.join(tmp, "folder")
        os.makedirs(os.path.join(folder, "sub"))
        with open(os.path.join(repo, late), "rb") as src, open(os.path.join(folder, "a.txt"), "wb") as dst:
            dst.write(src.read())
        os.replace(broken, os.path.join(folder, "sub", "c11-late.json"))
        os.replace(jsonl, os.path.join(folder, "sub", "all.jsonl"))
        os.replace(other, os.path.join(folder, "package.json"))
        r = run(plancheck, "check", "--format", "json", "--lang", "en", "--no-progress", folder, nospan,
                os.path.join(repo, clean), cwd=repo)
        rep = json.loads(r.stdout)
        files = [f["file"] for f in rep["files"]]
        err = r.stderr.decode()
        check(files[0] == os.path.join(folder, "a.txt") and clean in files and "form-42.txt" in files,
              "mixed run: .txt, .json and .jsonl files, in folders and named")
        check(len(files) == 1 + len(rel) + 1 + 1 + 1, f"mixed run: {len(files)} plans checked")
        check("package.json: is JSON but not a plancheck.extract/1 extraction" in err and "skipped" in err,
              "folder walk: a .json that is not an extraction is skipped with a warning")
        check(rep["summary"]["skipped_files"] == 1 and rep["summary"]["failed_files"] == 0,
              "folder walk: it counts as skipped, not failed")
        check(r.returncode == 1, f"mixed run exits 1 for the errors found ({r.returncode})")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
