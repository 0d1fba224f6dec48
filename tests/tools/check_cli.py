#!/usr/bin/env python3
"""`plancheck check`, `rules` and `explain` as a user meets them:
- golden text output (tests/golden/check/NAME.LANG.txt), compared exactly;
- every exit status of check (0, 1, 2) and of rules/explain;
- --format github: one workflow command per finding, escaped as the runner
  parses them.

usage: check_cli.py PLANCHECK SAMPLES_DIR GOLDEN_DIR [--update]
"""
import json, os, subprocess, sys, tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402

# (golden name, sample, extra args)
GOLDEN = [
    ("06-thanh-uy-2020.vi", "plans/06-thanh-uy-2020.txt", []),
    ("06-thanh-uy-2020.en", "plans/06-thanh-uy-2020.txt", ["--lang", "en"]),
    ("c01-huyen-lam-ha-tre-han.vi", "check/c01-huyen-lam-ha-tre-han.txt", []),
    ("c07-xa-thieu-thoi-han.en", "check/c07-xa-thieu-thoi-han.txt", ["--lang", "en"]),
    ("c05-huyen-som-hon-ke-hoach-tinh.color", "check/c05-huyen-som-hon-ke-hoach-tinh.txt", ["--color", "always"]),
]

VALID_RULES = """id = "test-plan"
kind = "plan"
number = "96-KH/TU"
date = 2024-08-26
source = "a test"
extends = ["tw-35-2024"]

[[deadline]]
level = "district"
limit = "hoàn thành trước ngày 25/8/2025"
summary = "District-level congresses complete before 25/8/2025."
source = { document = "96-KH/TU", date = 2024-08-26, authority = "plan", text = "hoàn thành trước ngày 25/8/2025" }

[[example]]
text = "Đại hội Đảng bộ huyện nhiệm kỳ 2025 - 2030 hoàn thành trước ngày 30/8/2025."
expect = ["district-deadline"]
"""


def main():
    plancheck, samples, golden = (os.path.abspath(a) for a in sys.argv[1:4])
    update = "--update" in sys.argv
    root = os.path.dirname(os.path.normpath(samples))

    # Golden text output. Paths are given relative to the repository so the
    # file names in the output do not depend on where it is checked out.
    for name, sample, extra in GOLDEN:
        color = [] if "--color" in extra else ["--color", "never"]
        r = run(plancheck, "check", *color, *extra, os.path.join("samples", sample), cwd=root)
        out = r.stdout.decode("utf-8")
        path = os.path.join(golden, name + ".txt")
        if update:
            open(path, "w", encoding="utf-8").write(out)
        want = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        check(out == want, f"golden text output {name}")
        if out != want and want is not None:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), out.splitlines(True), "want", "got"))

    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(samples, "check", "c11-huyen-dung-han-dung-loi.txt")
        late = os.path.join(samples, "check", "c02-tinh-gia-lai-tre-han.txt")
        warn_only = os.path.join(samples, "check", "c07-xa-thieu-thoi-han.txt")
        note_only = os.path.join(samples, "check", "c21-tinh-ca-cap-huyen-chong-lan.txt")
        missing = os.path.join(tmp, "không-có.txt")

        # Exit status of check.
        check(run(plancheck, "check", clean).returncode == 0, "check: a clean plan exits 0")
        check(run(plancheck, "check", late).returncode == 1, "check: a plan with errors exits 1")
        check(run(plancheck, "check", warn_only).returncode == 0, "check: warnings only exit 0 by default")
        check(run(plancheck, "check", "--fail-on", "warning", warn_only).returncode == 1,
              "check --fail-on warning: warnings exit 1")
        check(run(plancheck, "check", "--fail-on", "warning", note_only).returncode == 0,
              "check --fail-on warning: notes only exit 0")
        check(run(plancheck, "check", "--fail-on", "note", note_only).returncode == 1,
              "check --fail-on note: notes exit 1")
        r = run(plancheck, "check", "--format", "jsonl", clean, missing)
        lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
        check(r.returncode == 1 and [o["status"] for o in lines] == ["checked", "error"]
              and "không-có.txt" in r.stderr.decode(),
              "check: an unreadable file exits 1 (spec/check-json.md: reported, the batch goes on), is named, "
              "and the others are still checked")
        # A plan never read is no clean result (issue 18): a legacy encoding
        # read as Latin-1, or nothing read at all, exits 1 and is counted as
        # read as nothing; a text without diacritics stays a plain warning.
        legacy = os.path.join(tmp, "vni.txt")
        open(legacy, "w", encoding="utf-8").write(
            "Huyeän Viï Thuûy: 46/49 chi, ñaûng boä tröïc thuoäc Huyeän uûy hoaøn thaønh ñaïi hoäi\n\n"
            "(HG) - Ñeán nay, ñaõ coù 46/49 chi, ñaûng boä tröïc thuoäc Huyeän uûy Viï Thuûy toå chöùc xong "
            "ñaïi hoäi nhieäm kyø 2020-2025, trong ñoù coù 12 ñaûng boä vaø 34 chi boä.\n")
        nothing = os.path.join(tmp, "nothing.txt")
        open(nothing, "w", encoding="utf-8").write("Hội nghị Ban Chấp hành Đảng bộ huyện bàn về phát triển kinh tế.\n")
        no_marks = os.path.join(tmp, "no-marks.txt")
        open(no_marks, "w", encoding="utf-8").write(
            "Dai hoi Dang bo huyen Lac Duong nhiem ky 2025-2030 hoan thanh truoc ngay 31/8/2025. "
            "Cac chi bo, dang bo co so to chuc dai hoi tu thang 4/2025, hoan thanh truoc ngay 30/6/2025. "
            "Chon Dang bo xa Da Nhim to chuc dai hoi diem trong thang 3/2025.\n")
        for path, what in ((legacy, "a legacy encoding"), (nothing, "a text with nothing read")):
            r = run(plancheck, "check", "--lang", "en", path)
            out = r.stdout.decode()
            check(r.returncode == 1 and "1 read as nothing" in out and "warning:" in out,
                  f"check: {what} exits 1, its warning printed and the summary counting it")
            r = run(plancheck, "check", "--format", "json", path)
            rep = json.loads(r.stdout)
            check(r.returncode == 1 and rep["files"][0]["status"] == "checked" and rep["summary"]["unread_files"] == 1
                  and rep["files"][0]["diagnostics"], f"check --format json: {what} is checked, counted unread, exit 1")
        r = run(plancheck, "check", "--lang", "en", no_marks)
        check(r.returncode == 0 and "plancheck/no-diacritics" in r.stdout.decode()
              and "read as nothing" not in r.stdout.decode(),
              "check: a text without diacritics is read: a plain warning, exit 0")
        r = run(plancheck, "check", "--format", "json", clean)
        check(r.returncode == 0 and json.loads(r.stdout)["summary"]["unread_files"] == 0,
              "check: a clean plan counts none unread")
        check(run(plancheck, "check", "--format", "yaml", clean).returncode == 2, "check: an unknown format exits 2")
        check(run(plancheck, "check").returncode == 2, "check: no input exits 2")
        empty_dir = os.path.join(tmp, "empty")
        os.mkdir(empty_dir)
        r = run(plancheck, "check", "--lang", "en", empty_dir)
        check(r.returncode == 2 and "no plan files" in r.stderr.decode(), "check: a folder with no plans exits 2")
        r = run(plancheck, "check", empty_dir)
        check(r.returncode == 2 and "không tìm thấy tệp kế hoạch" in r.stderr.decode(),
              "check: errors on stderr are in Vietnamese by default")
        r = run(plancheck, "check", "--ruleset", "tw-99", clean)
        check(r.returncode == 2 and "tw-99" in r.stderr.decode(), "check: an unknown --ruleset exits 2")
        bad = os.path.join(tmp, "bad.toml")
        open(bad, "w", encoding="utf-8").write(VALID_RULES.replace('"district"', '"distrct"'))
        r = run(plancheck, "check", "--rules", bad, clean)
        check(r.returncode == 2 and f"{bad}:9:9:" in r.stderr.decode() and "distrct" in r.stderr.decode(),
              "check: an invalid rule file exits 2 with file:line:column")
        orphan = os.path.join(tmp, "orphan.toml")
        open(orphan, "w", encoding="utf-8").write(VALID_RULES.replace('["tw-35-2024"]', '["tw-00"]'))
        r = run(plancheck, "check", "--rules", orphan, clean)
        check(r.returncode == 2 and f"{orphan}:6:12:" in r.stderr.decode(),
              "check: extending a missing rule set exits 2, located at the extends")
        good = os.path.join(tmp, "good.toml")
        open(good, "w", encoding="utf-8").write(VALID_RULES)
        r = run(plancheck, "check", "--rules", good, "--ruleset", "test-plan", "--format", "jsonl", clean)
        rules = {d["rule"] for d in json.loads(r.stdout.decode())["diagnostics"]}
        check(r.returncode == 1 and "test-plan/district-deadline" in rules,
              "check --rules/--ruleset: a stricter plan's own deadline (25/8) is applied")

        # Walking a folder: sorted, recursive, symlink loops, binary and
        # non-plan files skipped and counted, --include/--exclude.
        tree = os.path.join(tmp, "tree")
        os.makedirs(os.path.join(tree, "b", "deep"))
        os.makedirs(os.path.join(tree, "a"))
        plan_bytes = open(late, "rb").read()
        for rel in ("b/deep/z.txt", "a/y.txt", "x.txt", "a/nhap.txt"):
            open(os.path.join(tree, rel), "wb").write(plan_bytes)
        open(os.path.join(tree, "a", "scan.txt"), "wb").write(b"\x00\x01PK\x03\x04" * 100)
        open(os.path.join(tree, "notes.docx"), "wb").write(b"PK\x03\x04")
        open(os.path.join(tree, "empty.txt"), "wb").write(b"")
        os.symlink("..", os.path.join(tree, "b", "deep", "loop"))
        r = subprocess.run([plancheck, "check", "--format", "jsonl", tree], capture_output=True, timeout=60)
        files = [os.path.relpath(json.loads(l)["file"], tree) for l in r.stdout.decode().splitlines()]
        # A .docx is a plan now (issue 19): this one, a zip cut short, is
        # reported as unreadable, not skipped.
        check(files == ["a/nhap.txt", "a/y.txt", "b/deep/z.txt", "empty.txt", "notes.docx", "x.txt"],
              f"walk: sorted, recursive, link loop not followed, binary skipped, a corrupt .docx reported ({files})")
        check("notes.docx" in r.stderr.decode() and "zip" in r.stderr.decode(),
              "walk: the corrupt .docx is named on stderr with its reason")
        check(r.returncode == 1 and "empty.txt" in r.stderr.decode(), "walk: an empty plan is reported, the rest checked")
        r = run(plancheck, "check", "--lang", "en", "--include", "a/*", "--exclude", "*nhap*", tree)
        last = r.stdout.decode().strip().splitlines()[-1]
        check("1 file(s) checked" in last and "1 skipped (not plans)" in last and "5 excluded by the globs" in last,
              f"walk: --include and --exclude, excluded files counted apart from files that are not plans ({last})")

        # --format github.
        r = run(plancheck, "check", "--format", "github", late, missing)
        out = r.stdout.decode("utf-8").splitlines()
        check(r.returncode == 1 and len(out) == 3, "github: one command per finding and per unreadable file")
        check(out[0].startswith(f"::error file={late},line=5,col=") and "title=deadline [tw-35-2024/district-deadline]::"
              in out[0], f"github: file, line, col and title properties ({out[0][:120]})")
        check(any(l.startswith("::error file=") and "kh%C3%B4ng" not in l and "không-có.txt" in l for l in out),
              "github: the unreadable file is an error annotation")
        r = run(plancheck, "check", "--format", "github", note_only)
        check(r.stdout.decode().startswith("::notice "), "github: notes are ::notice")
        # A comma or colon in a path is escaped in a property (%2C, %3A).
        odd = os.path.join(tmp, "a,b:c.txt")
        open(odd, "wb").write(open(late, "rb").read())
        r = run(plancheck, "check", "--format", "github", odd)
        check("file=" + odd.replace(",", "%2C").replace(":", "%3A") + "," in r.stdout.decode(),
              "github: ',' and ':' in a file name are escaped")

        # rules and explain.
        r = run(plancheck, "rules", "list")
        check(r.returncode == 0 and all(s in r.stdout.decode() for s in
                                        ("tw-35-2019", "tw-35-2024", "tw-45-2025", "ha-tinh-2024")),
              "rules list: the four shipped sets")
        r = run(plancheck, "rules", "list", "--format", "json")
        sets = {s["id"]: s for s in json.loads(r.stdout.decode())}
        check(sets["tw-35-2024"]["superseded_by"] == "tw-45-2025" and sets["ha-tinh-2024"]["extends"] == ["tw-35-2024"],
              "rules list --format json: superseded_by and extends")
        r = run(plancheck, "rules", "show", "tw-45-2025")
        check(r.returncode == 0 and "tw-45-2025/district-deadline" in r.stdout.decode(), "rules show SET lists its rules")
        r = run(plancheck, "rules", "show", "tw-45-2025/nothing")
        check(r.returncode == 2, "rules show: an unknown id exits 2")
        r = run(plancheck, "explain", "tw-35-2024/grassroots-deadline", "--lang", "en")
        o = r.stdout.decode()
        check(r.returncode == 0 and "35-CT/TW of 14 June 2024" in o and "hoàn thành trước ngày 30/6/2025" in o
              and "Example that raises it" in o and "→ error:" in o,
              "explain: what, source, limit and an example run through the checker")
        check(run(plancheck, "explain", "nothing/at-all").returncode == 2, "explain: an unknown rule exits 2")
        r = run(plancheck, "rules", "test", "--lang", "en")
        check(r.returncode == 0 and "0 failure(s)" in r.stdout.decode(), "rules test: the shipped examples pass")
        failing = os.path.join(tmp, "failing.toml")
        open(failing, "w", encoding="utf-8").write(VALID_RULES.replace("30/8/2025", "20/8/2025"))
        r = run(plancheck, "rules", "test", "--lang", "en", "--rules", failing)
        check(r.returncode == 1 and f"{failing}:14:1: example does not raise 'district-deadline'" in r.stdout.decode(),
              "rules test: a failing example exits 1, located")
        r = run(plancheck, "rules", "lint", good, "--lang", "en")
        check(r.returncode == 0 and "0 error(s), 0 warning(s)" in r.stdout.decode(), "rules lint: a good file is clean")
        r = run(plancheck, "rules", "lint", bad, orphan, failing)
        o = r.stdout.decode()
        check(r.returncode == 1 and f"{bad}:9:9:" in o and f"{orphan}:6:12:" in o and f"{failing}:14:1:" in o,
              "rules lint: every problem of every file, located, exits 1")
        r = run(plancheck, "rules", "lint", os.path.join(root, "rules"), "--lang", "en")
        check(r.returncode == 0 and "0 error(s), 0 warning(s)" in r.stdout.decode(), "rules lint rules/: clean")

    print(f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
