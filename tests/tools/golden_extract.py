#!/usr/bin/env python3
"""Golden test: `plancheck extract` on every sample against its hand-written
NAME.expected.json beside it, compared exactly on what the expectation states.

usage: golden_extract.py PLANCHECK DIR

An expectation lists references (id -> first stated date), times
(relation, start, end), milestones (level, event, relation, start, end,
source, status), pilots (kind, level, count, units, time), document fields
and notices (code, and text/suggestion where given). Any missing or extra
item fails the test, with a diff per file.
"""
import json, os, subprocess, sys, unicodedata
from collections import Counter

def norm(s):
    return unicodedata.normalize("NFC", s) if s else s

def tkey(t):
    if t is None:
        return None
    p = t.get("period", t)
    return (t["relation"], p["start"], p["end"])

def refs(items):
    out = {}
    for r in items:
        k = r.get("id") or "#%s-%s" % (r["kind"], (r.get("number") or "").lstrip("0"))
        if k not in out or (out[k] is None and r.get("date")):
            out[k] = r.get("date")
    return set(out.items())

def milestones(items):
    return Counter((m["level"], m["event"], *tkey(m.get("time", m)), m.get("source"), m.get("status", "planned"))
                   for m in items)

def pilots(items):
    return Counter((p["kind"], p["level"], p["count"], tuple(sorted(norm(u) for u in p["units"])), tkey(p.get("time")))
                   for p in items)

def match_notices(name, want, got, problems):
    """Each expected notice must match one found notice on the fields it states."""
    left = list(got)
    for w in want:
        fields = [f for f in w if f not in ("message", "span")]
        hit = next((g for g in left if all(g.get(f) == w[f] for f in fields)), None)
        if hit is None:
            problems.append(f"{name}: notice MISSING {w}")
        else:
            left.remove(hit)
    for g in left:
        problems.append(f"{name}: notice EXTRA   {g['code']} {g.get('text')!r} at {g['span']['line']}:{g['span']['column']}")

def compare(name, label, want, got, problems):
    want, got = Counter(want), Counter(got)
    for k in sorted(map(str, (want - got).elements())):
        problems.append(f"{name}: {label} MISSING {k}")
    for k in sorted(map(str, (got - want).elements())):
        problems.append(f"{name}: {label} EXTRA   {k}")

def main():
    plancheck, folder = sys.argv[1], sys.argv[2]
    problems, checked = [], 0
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".expected.json"):
            continue
        stem = fn[: -len(".expected.json")]
        want = json.load(open(os.path.join(folder, fn), encoding="utf-8"))
        src = os.path.join(folder, want["file"])
        run = subprocess.run([plancheck, "extract", "--format", "json", src], capture_output=True)
        if run.returncode != 0:
            problems.append(f"{stem}: plancheck exited {run.returncode}: {run.stderr.decode()}")
            continue
        got = json.loads(run.stdout)
        checked += 1
        compare(stem, "reference", refs(want["references"]), refs(got["references"]), problems)
        compare(stem, "time", Counter(set(tkey(t) for t in want["times"])), Counter(set(tkey(t) for t in got["times"])), problems)
        compare(stem, "milestone", milestones(want["milestones"]), milestones(got["milestones"]), problems)
        compare(stem, "pilot", pilots(want["pilots"]), pilots(got["pilots"]), problems)
        match_notices(stem, want["notices"], got["notices"], problems)
        for field, value in want["document"].items():
            if got["document"].get(field) != value:
                problems.append(f"{stem}: document.{field} want {value!r} got {got['document'].get(field)!r}")
    for p in problems:
        print(p)
    print(f"{checked} samples checked, {len(problems)} differences")
    if checked == 0:
        print("no samples found"); sys.exit(1)
    sys.exit(1 if problems else 0)

main()
