#!/usr/bin/env python3
"""Scores `plancheck extract` on ../shared/seeds with ../shared/tools/score-extract
and holds it to the targets: references F1 = 1.0; times, milestones, pilots,
pilot units and document F1 >= 0.95. Exits 77 (skipped) when ../shared is absent.

usage: seed_score.py PLANCHECK SHARED_DIR
"""
import os, re, subprocess, sys, tempfile

def main():
    plancheck, shared = sys.argv[1], sys.argv[2]
    seeds, tool = os.path.join(shared, "seeds"), os.path.join(shared, "tools", "score-extract")
    if not os.path.isdir(seeds) or not os.path.exists(tool):
        print(f"SKIP: {shared} (seeds and score-extract) is not here; the seed score is not measured")
        sys.exit(77)
    files = sorted(os.path.join(seeds, f) for f in os.listdir(seeds) if f.endswith(".txt"))
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as out:
        subprocess.run([plancheck, "extract", "--format", "jsonl", *files], stdout=out, check=True)
    score = subprocess.run([sys.executable, tool, os.path.join(seeds, "expected"), out.name, "--verbose"],
                           capture_output=True, text=True, check=True).stdout
    os.unlink(out.name)
    print(score)
    targets = {"references": 1.0, "times": 0.95, "milestones": 0.95, "pilots": 0.95, "pilot_units": 0.95, "document": 0.95}
    failed = False
    for cat, target in targets.items():
        m = re.search(rf"^{cat}\s+P=\S+ R=\S+ F1=([0-9.]+)", score, re.M)
        if not m:
            print(f"no score for {cat}"); failed = True; continue
        if float(m.group(1)) < target:
            print(f"{cat}: F1 {m.group(1)} below target {target}"); failed = True
    sys.exit(1 if failed else 0)

main()
