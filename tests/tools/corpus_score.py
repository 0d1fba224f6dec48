#!/usr/bin/env python3
"""Scores `plancheck extract` on the development corpus (../shared/corpus, 40
real press articles) with ../shared/tools/score-extract and fails when any
category's F1, or the micro F1, falls below its floor in FLOORS. A regression
guard, not a target: the floors sit a little (0.02) under the scores measured
when they were set, and are raised as the scores rise. Exits 77 (skipped)
when the corpus or the scorer is absent.

usage: corpus_score.py PLANCHECK CORPUS_DIR SCORER [shared|written|real2|seeds]

CORPUS_DIR holds NNN.txt and expected/NNN.json; SCORER is
../shared/tools/score-extract; the last word picks the floors: the real
articles of ../shared/corpus (default), the written texts of
tests/corpus/written, the real passages of tests/corpus/real2, or the seeds (../shared/seeds, held to the issue's
targets rather than to floors under a measurement).
"""
import glob, os, re, subprocess, sys, tempfile

# Floor per category: the F1 measured when set, less 0.02. Raise them as the
# score rises (never lower them to make a change pass).
# Measured on main after the times, references, pilots and milestones work,
# 2026-12-07: references 1.000, times 0.992, milestones 1.000, pilots 1.000,
# pilot_units 0.966, document 1.000, micro 0.993.
FLOORS_SHARED = {
    "references": 0.98,
    "times": 0.97,
    "milestones": 0.98,
    "pilots": 0.98,
    "pilot_units": 0.94,
    "document": 0.98,
    "micro": 0.97,
}

# tests/corpus/written: texts written in the style of other provinces'
# articles as a generalisation probe (not real text; see its README), scored
# 0.854 micro when first run, before the fixes they led to. Measured on main
# 2026-12-07: references 1.000, times 1.000, milestones 1.000, pilots 0.914,
# pilot_units 0.880, document 1.000, micro 0.978.
FLOORS_WRITTEN = {
    "references": 0.98,
    "times": 0.98,
    "milestones": 0.98,
    "pilots": 0.89,
    "pilot_units": 0.86,
    "document": 0.98,
    "micro": 0.95,
}

# tests/corpus/real2: twenty real passages from provinces and sites the
# corpus does not cover (stored public pages; see its README), scored 0.907
# micro when first run, before the fixes they led to. Measured on probe
# 2026-12-07: references 1.000, times 0.964, milestones 1.000, pilots 1.000,
# pilot_units 1.000, document 1.000, micro 0.983.
FLOORS_REAL2 = {
    "references": 0.98,
    "times": 0.94,
    "milestones": 0.98,
    "pilots": 0.98,
    "pilot_units": 0.98,
    "document": 0.98,
    "micro": 0.96,
}

# ../shared/seeds: the targets the seeds are held to (references exact, the
# rest at least 0.95); they score 1.000 in every category.
FLOORS_SEEDS = {
    "references": 1.0,
    "times": 0.95,
    "milestones": 0.95,
    "pilots": 0.95,
    "pilot_units": 0.95,
    "document": 0.95,
}

FLOOR_SETS = {"shared": FLOORS_SHARED, "written": FLOORS_WRITTEN, "real2": FLOORS_REAL2, "seeds": FLOORS_SEEDS}


def main():
    plancheck, corpus, tool = sys.argv[1], sys.argv[2], sys.argv[3]
    floors = FLOOR_SETS[sys.argv[4] if len(sys.argv) > 4 else "shared"]
    gold = os.path.join(corpus, "expected")
    files = sorted(glob.glob(os.path.join(corpus, "*.txt")))
    if not files or not os.path.isdir(gold) or not os.path.exists(tool):
        print(f"SKIP: {corpus} (articles, expected/ and tools/score-extract) is not here; the corpus score is not measured")
        sys.exit(77)
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as out:
        subprocess.run([plancheck, "extract", "--format", "jsonl", *files], stdout=out, check=True)
    try:
        score = subprocess.run([sys.executable, tool, gold, out.name], capture_output=True, text=True,
                               check=True).stdout
    finally:
        os.unlink(out.name)
    print(score)
    failed = False
    if "NO OUTPUT" in score:
        print("some gold files got no output"); failed = True
    for cat, floor in floors.items():
        pattern = r"^micro F1 ([0-9.]+)" if cat == "micro" else rf"^{cat}\s+P=\S+ R=\S+ F1=([0-9.]+)"
        m = re.search(pattern, score, re.M)
        if not m:
            print(f"no score for {cat}"); failed = True; continue
        f1 = float(m.group(1))
        print(f"{cat:12s} F1 {f1:.3f}  floor {floor:.3f}  {'ok' if f1 >= floor else 'BELOW'}")
        if f1 < floor:
            failed = True
    sys.exit(1 if failed else 0)

main()
