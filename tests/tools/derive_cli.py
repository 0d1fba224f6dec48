#!/usr/bin/env python3
"""`plancheck rules derive PLAN` (issue 24): the rule file a plan sets for
the plans below it. Derived from the province's plan in the samples
(02-tinh-ha-tinh, Kế hoạch 96-KH/TU), it passes `rules lint` with no error
and no warning; its limits are the plan's own words, each with the
sentence it comes from; a district plan citing 96-KH/TU, checked with it,
is held to the province's schedule (c05: its district congress in August
against the province's 25/8, its grassroots start in March against April);
the same plan as .docx gives the same rules; a plan without number and
date, an unreadable file and -o onto the plan itself are refused.

usage: derive_cli.py PLANCHECK SAMPLES_DIR
"""
import json, os, re, sys, tempfile, tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402

PLANCHECK, SAMPLES = sys.argv[1], sys.argv[2]
province = os.path.join(SAMPLES, "plans", "02-tinh-ha-tinh.txt")
district = os.path.join(SAMPLES, "check", "c05-huyen-som-hon-ke-hoach-tinh.txt")

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "96-kh-tu.toml")
    r = run(PLANCHECK, "rules", "derive", province, "-o", out)
    check(r.returncode == 0 and os.path.exists(out), f"derive -o writes the rule file (exit {r.returncode})")
    text = open(out, encoding="utf-8").read()
    rules = tomllib.loads(text)
    check(rules["kind"] == "plan" and rules["number"] == "96-KH/TU" and str(rules["date"]) == "2024-08-26" and
          rules["extends"] == ["tw-35-2024"], f"the plan's identity, extending its directive ({rules.get('id')})")
    plan_text = open(province, encoding="utf-8").read()
    limits = [(k, r_["level"], r_["limit"], r_["source"]["text"]) for k in ("deadline", "start", "pilot")
              for r_ in rules.get(k, [])]
    check(("deadline", "district", "hoàn thành trước ngày 25/8/2025") in [l[:3] for l in limits] and
          ("start", "grassroots", "bắt đầu từ tháng 4/2025") in [l[:3] for l in limits],
          f"the province's own limits for the levels below it ({len(limits)})")
    check(all(l[1] in ("branch", "grassroots", "district") for l in limits), "no limit for the province's own level")
    check(all(l[3].lower() in plan_text.lower() for l in limits), "each limit's source is a sentence of the plan")
    lines = plan_text.splitlines()
    for m in re.finditer(r"^# .* line (\d+)\n\[\[\w+\]\]\n(?:.*\n){2}limit = \"(.*)\"", text, re.M):
        n, limit = int(m.group(1)), m.group(2)
        words = limit.split(" ", 1)[1] if limit.startswith(("hoàn thành", "bắt đầu", "tổ chức")) else limit
        check(words in lines[n - 1], f"line {n} holds '{words}'")
    r = run(PLANCHECK, "rules", "lint", "--lang", "en", out)
    check(r.returncode == 0 and b"0 error(s), 0 warning(s)" in r.stdout,
          f"rules lint passes it without a warning: {r.stdout.decode().strip()[-60:]}")

    # The district plan under it: held to the province's schedule.
    r = run(PLANCHECK, "check", "--format", "json", "--rules", out, district)
    f = json.loads(r.stdout)["files"][0]
    found = {(d["rule"], d["span"]["line"]) for d in f["diagnostics"] if d.get("span")}
    check("96-kh-tu-2024" in f["rulesets"], f"the district plan citing 96-KH/TU is held to it ({f['rulesets']})")
    check(("96-kh-tu-2024/district-deadline", 7) in found and ("96-kh-tu-2024/grassroots-start", 7) in found,
          f"its district congress in August and grassroots from March found against the province ({sorted(found)})")
    r = run(PLANCHECK, "check", "--format", "json", district)
    without = {d["rule"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]}
    check(not any(x.startswith("96-kh-tu-2024/") for x in without), "without the derived file, nothing of it")

    # The province plan itself, checked with its own rule file (a folder of
    # drafts checked with the file beside them): never held to itself.
    r = run(PLANCHECK, "check", "--format", "json", "--rules", out, province)
    f = json.loads(r.stdout)["files"][0]
    check("96-kh-tu-2024" not in f["rulesets"], f"the plan is not held to its own rule file ({f['rulesets']})")

    # The same plan as .docx: the same rules.
    docx = os.path.join(SAMPLES, "formats", "02-tinh-ha-tinh.docx")
    if os.path.exists(docx):
        r = run(PLANCHECK, "rules", "derive", docx)
        other = tomllib.loads(r.stdout.decode()) if r.returncode == 0 else {}
        # The sources name the file each was read from; the rest is alike.
        def strip(d):
            out = {k: v for k, v in d.items() if k not in ("source",)}
            for kind in ("deadline", "start", "pilot"):
                out[kind] = [{k: (v if k != "source" else {a: b for a, b in v.items() if a != "file"})
                              for k, v in rule.items()} for rule in d.get(kind, [])]
            return out
        check(strip(other) == strip(rules), "derived from the .docx: the same rule set")

    # Refusals.
    bare = os.path.join(tmp, "bare.txt")
    open(bare, "w", encoding="utf-8").write("Đại hội các chi bộ trực thuộc hoàn thành trước ngày 28/02/2025.\n")
    r = run(PLANCHECK, "rules", "derive", "--lang", "en", bare)
    check(r.returncode == 2 and b"bare.txt" in r.stderr and b"number and date" in r.stderr and r.stdout == b"",
          "a plan without its number and date is refused, naming it")
    r = run(PLANCHECK, "rules", "derive", os.path.join(tmp, "missing.txt"))
    check(r.returncode == 2 and b"missing.txt" in r.stderr, "an unreadable plan is refused, naming it")
    copy = os.path.join(tmp, "copy.txt")
    open(copy, "w", encoding="utf-8").write(plan_text)
    r = run(PLANCHECK, "rules", "derive", copy, "-o", copy)
    check(r.returncode == 2 and open(copy, encoding="utf-8").read() == plan_text, "-o onto the plan itself is refused")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
