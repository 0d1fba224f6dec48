#!/usr/bin/env python3
"""Annotated samples (Semgrep-style): every plan NAME.txt under the sample
folders has NAME.diagnostics beside it, listing the diagnostics
`plancheck check` must give, one per line:

    LINE SEVERITY CATEGORY RULE        (LINE is '-' for a diagnostic with no span)

An empty list (comments only) means the plan is clean. The comparison is
exact: a missing or an extra diagnostic fails. The samples as a whole must
also cover what issue #3 asks of them: every category of
../shared/spec/check-json.md raised by at least two samples, and at least
six samples with no error.

usage: check_samples.py PLANCHECK DIR... [--update]
--update rewrites the .diagnostics files from the current output, without
the comments that say why (review the diff, put them back, then commit).
"""
import collections, json, os, subprocess, sys

CATEGORIES = ["deadline", "tight", "start", "order", "pilot", "missing", "citation", "text"]
HEADER = "# plancheck check: expected diagnostics, compared exactly (LINE SEVERITY CATEGORY RULE)\n"


def expected(path):
    out = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 4:
            sys.exit(f"{path}:{n}: want LINE SEVERITY CATEGORY RULE, got {line!r}")
        out.append(tuple(parts))
    return out


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv
    plancheck, dirs = args[0], args[1:]
    plans = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(d) if f.endswith(".txt"))
    # Each folder is one batch: its plans are higher plans for each other
    # (samples/hierarchy), and no other folder's plan is (samples/check's
    # district plans are expected as checked without their province's).
    out = b""
    for d in dirs:
        batch = [p for p in plans if os.path.dirname(p) == d]
        run = subprocess.run([plancheck, "check", "--format", "jsonl", "--lang", "en", *batch], capture_output=True)
        if run.returncode not in (0, 1):
            sys.exit(f"plancheck check exited {run.returncode}: {run.stderr.decode('utf-8', 'replace')}")
        out += run.stdout
    got = {}
    for line in out.decode("utf-8").splitlines():
        o = json.loads(line)
        if o["status"] != "checked":
            sys.exit(f"{o['file']}: {o.get('error')}")
        got[o["file"]] = [(str(d["span"]["line"]) if d["span"] else "-", d["severity"], d["category"], d["rule"])
                          for d in o["diagnostics"]]
    failures = 0
    by_category = collections.defaultdict(set)
    clean = []
    for plan in plans:
        side = plan[:-4] + ".diagnostics"
        have = got.get(plan, [])
        if update:
            with open(side, "w", encoding="utf-8") as f:
                f.write(HEADER)
                for d in have:
                    f.write(" ".join(d) + "\n")
        if not os.path.exists(side):
            print(f"{plan}: no {os.path.basename(side)} beside it")
            failures += 1
            continue
        want = expected(side)
        missing = collections.Counter(want) - collections.Counter(have)
        extra = collections.Counter(have) - collections.Counter(want)
        for d in sorted(missing.elements()):
            print(f"{plan}:{d[0]}: missing {d[1]} {d[2]} [{d[3]}]")
        for d in sorted(extra.elements()):
            print(f"{plan}:{d[0]}: unexpected {d[1]} {d[2]} [{d[3]}]")
        failures += len(missing) + len(extra)
        for d in want:
            by_category[d[2]].add(plan)
        if not any(d[1] == "error" for d in want):
            clean.append(plan)
    for c in CATEGORIES:
        if len(by_category[c]) < 2:
            print(f"category '{c}' is raised by {len(by_category[c])} sample(s); at least 2 wanted")
            failures += 1
    if len(clean) < 6:
        print(f"{len(clean)} samples without errors; at least 6 wanted")
        failures += 1
    print(f"{len(plans)} samples, {sum(len(v) for v in got.values())} diagnostics, {len(clean)} without errors; "
          f"categories: " + ", ".join(f"{c} {len(by_category[c])}" for c in CATEGORIES) + f"; {failures} failures")
    sys.exit(1 if failures else 0)


main()
