#!/usr/bin/env python3
"""`check --format gitlab` and `--format junit` read back as their
consumers read them, on the samples (samples/check, samples/plans) plus a
file that cannot be read and one whose name holds what XML cannot:

- gitlab: GitLab's documented Code Quality report format ("Code Quality
  report format", docs.gitlab.com/ci/testing/code_quality): a JSON array of
  objects with `description`, `check_name`, `fingerprint` (strings, the
  fingerprint unique in the report), `severity` (info, minor, major,
  critical or blocker) and `location` with `path` (relative, no leading
  "./") and `lines.begin` (an integer line); one issue per finding of
  `check --format json` (file, rule, line, severity mapped as docs/cli.md
  says) and one per unreadable file; fingerprints that survive an edit
  above a finding;
- junit: well-formed XML (Python's parser), one <testsuite> whose counts
  are its test cases', one <testcase> per file, a <failure> holding every
  error of the file (file:line, rule) and nothing else, warnings and notes
  in <system-out>, an <error> for an unreadable file; control characters,
  U+FFFE and invalid bytes of a file name shown as escapes;
- both: the exit status of `check --format json` on the same inputs.

usage: ci_reports.py PLANCHECK SAMPLES_DIR
"""
import json, os, shutil, sys, tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402

PLANCHECK, SAMPLES = (os.path.abspath(a) for a in sys.argv[1:3])
GITLAB_SEVERITY = {"error": "major", "warning": "minor", "note": "info"}
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def gitlab_issue_ok(i):
    """The documented fields and their types."""
    loc = i.get("location") if isinstance(i, dict) else None
    return (isinstance(i, dict)
            and all(isinstance(i.get(k), str) and i[k] for k in ("description", "check_name", "fingerprint"))
            and i.get("severity") in GITLAB_SEVERITIES
            and isinstance(loc, dict) and isinstance(loc.get("path"), str) and loc["path"]
            and not loc["path"].startswith("./")
            and isinstance(loc.get("lines"), dict) and type(loc["lines"].get("begin")) is int
            and loc["lines"]["begin"] >= 1)


tmp = tempfile.mkdtemp(prefix="plancheck-ci-")
try:
    dirs = [os.path.join(SAMPLES, "check"), os.path.join(SAMPLES, "plans")]
    unreadable = os.path.join(tmp, "hỏng.txt")
    with open(unreadable, "wb") as f:
        f.write("Kế hoạch ".encode("utf-8") + b"\xff\xfe\x00 not UTF-8 \xc3")
    inputs = [*dirs, unreadable]

    ref = run(PLANCHECK, "check", "--no-progress", "--format", "json", *inputs)
    result = json.loads(ref.stdout)
    files = result["files"]
    checked = [f for f in files if f["status"] == "checked"]
    failed = [f for f in files if f["status"] != "checked"]
    check(len(checked) >= 30 and len(failed) == 1, f"the reference: {len(checked)} checked, {len(failed)} unreadable")
    check(ref.returncode == 1, f"json: exit 1 with an unreadable file ({ref.returncode})")

    # --- gitlab
    r = run(PLANCHECK, "check", "--no-progress", "--format", "gitlab", *inputs)
    check(r.returncode == ref.returncode, f"gitlab: the exit status of json ({r.returncode})")
    try:
        issues = json.loads(r.stdout)
    except ValueError as e:
        issues = None
        check(False, f"gitlab: JSON ({e})")
    if issues is not None:
        check(isinstance(issues, list), "gitlab: an array")
        bad = [i for i in issues if not gitlab_issue_ok(i)]
        check(not bad, f"gitlab: every issue has the documented fields and types ({bad[:2]})")
        prints = [i["fingerprint"] for i in issues]
        check(len(prints) == len(set(prints)), "gitlab: fingerprints unique in the report")
        got = sorted((i["location"]["path"], i["check_name"], i["location"]["lines"]["begin"], i["severity"],
                      i["description"]) for i in issues if i["check_name"] != "plancheck/unreadable-file")
        want = sorted((f["file"], d["rule"], d["span"]["line"] if d.get("span") else 1,
                       GITLAB_SEVERITY[d["severity"]], d["message"]) for f in checked for d in f["diagnostics"])
        check(want and got == want,
              f"gitlab: an issue per finding, with its file, rule, line, severity, message ({len(got)}/{len(want)})")
        lost = [i for i in issues if i["check_name"] == "plancheck/unreadable-file"]
        check(len(lost) == 1 and lost[0]["location"]["path"] == unreadable and lost[0]["severity"] == "blocker"
              and "hỏng.txt" in lost[0]["description"],
              "gitlab: the unreadable file is an issue of its own (blocker), naming it")

    # Relative paths as GitLab reads them, and fingerprints across an edit.
    src = os.path.join(SAMPLES, "check", "c01-huyen-lam-ha-tre-han.txt")
    plan = os.path.join(tmp, "plan.txt")
    shutil.copy(src, plan)
    before = run(PLANCHECK, "check", "--no-progress", "--format", "gitlab", "./plan.txt", cwd=tmp)
    with open(src, encoding="utf-8") as f:
        text = f.read()
    with open(plan, "w", encoding="utf-8") as f:
        f.write("Ghi chú của văn phòng: bản dự thảo lần hai.\n\n" + text)
    after = run(PLANCHECK, "check", "--no-progress", "--format", "gitlab", "./plan.txt", cwd=tmp)
    b, a = json.loads(before.stdout), json.loads(after.stdout)
    check(b and all(i["location"]["path"] == "plan.txt" for i in b), "gitlab: ./plan.txt reported as plan.txt")
    check(b and sorted(i["fingerprint"] for i in a) == sorted(i["fingerprint"] for i in b)
          and sorted(i["location"]["lines"]["begin"] for i in a) == sorted(i["location"]["lines"]["begin"] + 2 for i in b),
          "gitlab: two lines added above: the same fingerprints, the lines moved")
    en = run(PLANCHECK, "check", "--no-progress", "--format", "gitlab", "--lang", "en", src)
    en_ref = json.loads(run(PLANCHECK, "check", "--no-progress", "--format", "json", "--lang", "en", src).stdout)
    check(sorted(i["description"] for i in json.loads(en.stdout))
          == sorted(d["message"] for d in en_ref["files"][0]["diagnostics"]), "gitlab --lang en: English messages")
    clean = run(PLANCHECK, "check", "--no-progress", "--format", "gitlab",
                os.path.join(SAMPLES, "check", "c11-huyen-dung-han-dung-loi.txt"))
    clean_ref = run(PLANCHECK, "check", "--no-progress", "--format", "json",
                    os.path.join(SAMPLES, "check", "c11-huyen-dung-han-dung-loi.txt"))
    n = sum(len(f["diagnostics"]) for f in json.loads(clean_ref.stdout)["files"])
    check(clean.returncode == clean_ref.returncode and len(json.loads(clean.stdout)) == n,
          f"gitlab: a plan with {n} finding(s), exit {clean.returncode} as json")

    # --- junit
    r = run(PLANCHECK, "check", "--no-progress", "--format", "junit", *inputs)
    check(r.returncode == ref.returncode, f"junit: the exit status of json ({r.returncode})")
    try:
        root = ET.fromstring(r.stdout)
    except ET.ParseError as e:
        root = None
        check(False, f"junit: well-formed XML ({e})")
    if root is not None:
        suites = root.findall("testsuite")
        cases = root.findall("testsuite/testcase")
        check(root.tag == "testsuites" and len(suites) == 1, "junit: <testsuites> with one <testsuite>")
        n_fail = sum(1 for c in cases if c.find("failure") is not None)
        n_err = sum(1 for c in cases if c.find("error") is not None)
        for el in (root, suites[0] if suites else root):
            check(el.get("tests") == str(len(cases)) and el.get("failures") == str(n_fail)
                  and el.get("errors") == str(n_err), f"junit: <{el.tag}> counts its test cases")
        check(len(cases) == len(files), f"junit: a test case per file ({len(cases)}/{len(files)})")
        by_file = {c.get("classname"): c for c in cases}
        for f in checked:
            c = by_file.get(f["file"])
            if c is None:
                check(False, f"junit: {f['file']} has a test case")
                continue
            errors = [d for d in f["diagnostics"] if d["severity"] == "error"]
            others = [d for d in f["diagnostics"] if d["severity"] != "error"]
            fail = c.find("failure")
            out = c.find("system-out")
            ok = (fail is not None) == bool(errors)
            if errors:
                body = fail.text or ""
                ok = ok and fail.get("type") == "error" and str(len(errors)) in fail.get("message", "")
                ok = ok and all(f"[{d['rule']}]" in body and d["message"] in body
                                and (not d.get("span") or f"{f['file']}:{d['span']['line']}:" in body)
                                for d in errors)
                ok = ok and body.count("\n" + f["file"]) + body.startswith(f["file"]) == len(errors)
            if others:
                ok = ok and out is not None and all(f"[{d['rule']}]" in (out.text or "") for d in others)
                ok = ok and not (fail is not None and any(d["message"] in (fail.text or "") for d in others
                                                          if not any(d["message"] == e["message"] for e in errors)))
            check(ok, f"junit: {f['file']}: {len(errors)} error(s) failing it, {len(others)} other(s) in system-out")
        c = by_file.get(unreadable)
        check(c is not None and c.find("error") is not None and c.find("error").get("type") == "unreadable"
              and "hỏng.txt" in c.find("error").get("message", ""), "junit: the unreadable file is an <error>")

    # Names XML 1.0 cannot hold: control characters, U+FFFE, an invalid byte.
    odd_dir = os.path.join(tmp, "odd")
    os.mkdir(odd_dir)
    odd = os.path.join(odd_dir.encode(), "a\x01b\x1b<&>\"'\ufffe\u00e2.txt".encode() + b"\xff.txt")
    shutil.copy(src, odd)
    r = run(PLANCHECK, "check", "--no-progress", "--format", "junit", odd_dir)
    try:
        root = ET.fromstring(r.stdout)
        names = [c.get("classname") for c in root.iter("testcase")]
        check(len(names) == 1 and "\\x01" in names[0] and "\\x1b" in names[0] and "<&>\"'" in names[0]
              and "\\ufffe" in names[0] and "\\xff" in names[0],
              f"junit: a hostile file name shown with escapes ({names})")
    except ET.ParseError as e:
        check(False, f"junit: a hostile file name still well-formed XML ({e})")
    r = run(PLANCHECK, "check", "--no-progress", "--format", "gitlab", odd_dir)
    try:
        issues = json.loads(r.stdout)
        check(issues and all(gitlab_issue_ok(i) for i in issues), "gitlab: a hostile file name, valid issues")
    except ValueError as e:
        check(False, f"gitlab: a hostile file name still JSON ({e})")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
