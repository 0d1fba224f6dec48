#!/usr/bin/env python3
"""A province's batch (issue 24): one province plan and N district plans
citing it (samples/hierarchy's, renumbered; half of them beyond its
schedule), checked as one batch — every district held to the province plan
of the batch — and with --no-batch-plans (the directive only). Prints wall
time (median of --runs) and peak RSS of each, and their ratio; the guard is
total time within 10 % of the run without cross-references.

usage: hierarchy_bench.py PLANCHECK [--plans 5000] [--runs 3] [--jobs 2] [--size-kb 12]
                          [--work /tmp/plancheck-hierarchy-bench]
"""
import argparse, os, random, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
from measure import peak_rss_mb  # noqa: E402


def batch(work, plans, size_kb):
    out = os.path.join(work, f"batch-{plans}-{size_kb}")
    if os.path.isdir(out):
        return out
    src = os.path.join(ROOT, "samples", "hierarchy")
    with open(os.path.join(src, "01-tinh-quang-binh.txt"), encoding="utf-8") as f:
        province = f.read()
    districts = []
    for name in ("02-huyen-bo-trach-dung-han.txt", "03-huyen-le-thuy-tre-han.txt"):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            districts.append(f.read())
    os.makedirs(out)
    with open(os.path.join(out, "0000-tinh.txt"), "w", encoding="utf-8") as f:
        f.write(province)
    # Plans as long as real ones: the purpose, tasks and organisation
    # sections make_corpus.py writes, before the schedule.
    sys.path.insert(0, HERE)
    import make_corpus  # noqa: E402
    rng = random.Random(1)
    ctx = dict(unit="Đảng bộ huyện", body="Huyện ủy", term="2025 - 2030", national="XIV")
    for i in range(plans):
        body = []
        while sum(len(p.encode()) for p in body) < size_kb * 1024:
            body.append(make_corpus.paragraph(rng, ctx))
        text = districts[i % 2].replace("II. THỜI GIAN", "I. MỤC ĐÍCH, YÊU CẦU\n" + "\n".join(body) +
                                        "\n\nII. THỜI GIAN")
        # Each its own number: "Số 205-KH/HU" → "Số 1205-KH/HU" …
        text = text.replace("Số 205-KH/HU", f"Số {1000 + i}-KH/HU").replace("Số 187-KH/HU", f"Số {1000 + i}-KH/HU")
        folder = os.path.join(out, f"{i // 500:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"huyen-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    return out


def timed(cmd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        if r.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)}: exit {r.returncode}")
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plancheck")
    ap.add_argument("--plans", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size-kb", type=int, default=12, help="body text added to each district plan")
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--work", default="/tmp/plancheck-hierarchy-bench")
    a = ap.parse_args()
    folder = batch(a.work, a.plans, a.size_kb)
    base = [a.plancheck, "check", "--format", "jsonl", "--no-progress", "--jobs", a.jobs, folder]
    held = subprocess.run(base, capture_output=True, text=True).stdout.count("318-kh-tu-2024")
    with_batch = timed(base, a.runs)
    without = timed(base[:2] + ["--no-batch-plans"] + base[2:], a.runs)
    rss_with = peak_rss_mb(base)
    rss_without = peak_rss_mb(base[:2] + ["--no-batch-plans"] + base[2:])
    print(f"{a.plans + 1} plans of ~{a.size_kb} KB, -j{a.jobs}; mentions of the province's rule set: {held}")
    print(f"  batch plans as limits: {with_batch:.2f} s, peak {rss_with:.1f} MB")
    print(f"  --no-batch-plans:      {without:.2f} s, peak {rss_without:.1f} MB")
    print(f"  ratio: {with_batch / without:.3f} (guard: at most 1.10)")


if __name__ == "__main__":
    main()
