#!/usr/bin/env python3
"""`plancheck check` on the real articles of ../shared/corpus, and on their
gold annotations turned into extractions (gold_to_extract.py): prints, per
file, the diagnostics (rule id, severity, level of congress) one gives and
the other does not. Every such difference is a defect of extraction or of a
check (issue 18). Fails when the number of differing ERRORS exceeds
MAX_ERROR_DIFFERENCES: a ceiling at the count measured when it was set,
lowered as the differences are fixed (issue 18's target is 2; never raise it
to make a change pass). Exits 77 (skipped) when the corpus is absent.

usage: corpus_check_gold.py PLANCHECK CORPUS_DIR [--optional]
(--optional: keep the gold's optional milestones too; informative)
"""
import collections, glob, json, os, subprocess, sys, tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold_to_extract import gold_to_extract  # noqa: E402

# Measured 2026-12-07 on branch checkreal: 0 differing errors (020's title
# "năm 2025" no longer read as a deadline: a year written alone names the
# round, check/context.cc); the text gives 1 error in all (003), the gold 1.
# Differing warnings: 008 order (text only), 010 nothing-read (gold only).
MAX_ERROR_DIFFERENCES = 0


def diagnostics(plancheck, paths, cwd):
    r = subprocess.run([plancheck, "check", "--format", "json", "--no-progress", "--lang", "en", *paths],
                       capture_output=True, cwd=cwd)
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr.decode(errors="replace"))
        raise SystemExit(f"check failed with exit {r.returncode}")
    out = {}
    for f in json.loads(r.stdout)["files"]:
        out.setdefault(f["file"], collections.Counter()).update(
            (d["rule"], d["severity"], d["level"] or "-") for d in f["diagnostics"])
    return out


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    plancheck, corpus = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    optional = "--optional" in sys.argv
    texts = sorted(os.path.basename(p) for p in glob.glob(os.path.join(corpus, "*.txt"))
                   if os.path.exists(os.path.join(corpus, "expected", os.path.basename(p)[:-4] + ".json")))
    if not texts:
        print(f"skipped: no corpus with expected annotations at {corpus}")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        golds = []
        for name in texts:
            gold = json.load(open(os.path.join(corpus, "expected", name[:-4] + ".json"), encoding="utf-8"))
            text = open(os.path.join(corpus, name), encoding="utf-8-sig").read()
            path = os.path.join(tmp, name[:-4] + ".json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(gold_to_extract(gold, text, optional, file=name), f, ensure_ascii=False)
            golds.append(path)
        from_text = diagnostics(plancheck, texts, corpus)
        from_gold = diagnostics(plancheck, golds, corpus)

    differing_errors = 0
    totals = collections.Counter()
    for name in texts:
        t, g = from_text.get(name, collections.Counter()), from_gold.get(name, collections.Counter())
        totals["text errors"] += sum(n for (_, sev, _), n in t.items() if sev == "error")
        totals["gold errors"] += sum(n for (_, sev, _), n in g.items() if sev == "error")
        only_text, only_gold = t - g, g - t
        if not only_text and not only_gold:
            continue
        print(f"{name}:")
        for side, diff in (("text only", only_text), ("gold only", only_gold)):
            for (rule, sev, level), n in sorted(diff.items()):
                print(f"  {side}: {sev} {rule} [{level}]" + (f" x{n}" if n > 1 else ""))
                if sev == "error":
                    differing_errors += n
                totals[f"{sev} {side}"] += n
    print(f"{len(texts)} articles; errors from the text {totals['text errors']}, from the gold "
          f"{totals['gold errors']}; differing: " +
          ", ".join(f"{k} {v}" for k, v in sorted(totals.items()) if "only" in k))
    print(f"differing errors: {differing_errors} (ceiling {MAX_ERROR_DIFFERENCES}; issue 18's target: 2)")
    return 1 if differing_errors > MAX_ERROR_DIFFERENCES else 0


if __name__ == "__main__":
    sys.exit(main())
