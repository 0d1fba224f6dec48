#!/usr/bin/env python3
"""Compares plancheck builds by running them in turn on the same corpus:
this VM's speed drifts by up to 2x within minutes, so builds timed minutes
apart cannot be compared, and runs interleaved can.

usage: ab.py BUILD [BUILD ...] [--jobs 1] [--runs 11] [--corpus FOLDER]
Prints, per build, the best and median wall and CPU time (user + system)
of `plancheck check -jN --no-progress FOLDER`, and each later build's
paired median: the median over rounds of its time over the first build's
in the same round. The default corpus is the one e2e.py makes (2,000
plans); a copy on tmpfs (/dev/shm) keeps this VM's page-cache drops out
of the figures.
"""
import argparse, os, statistics, subprocess, sys, time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("builds", nargs="+", help="plancheck executables")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--corpus", default="/tmp/plancheck-bench/corpus-2000-6-1")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        sys.exit(f"{a.corpus}: no such folder (run tests/bench/e2e.py once to make it)")
    wall = {b: [] for b in a.builds}
    cpu = {b: [] for b in a.builds}
    for r in range(a.runs):
        # Alternate the order, so that neither build always runs first.
        for b in (a.builds if r % 2 == 0 else list(reversed(a.builds))):
            cmd = [b, "check", f"-j{a.jobs}", "--no-progress", "--no-config", a.corpus]
            t = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(p.pid, 0)
            wall[b].append(time.perf_counter() - t)
            cpu[b].append(usage.ru_utime + usage.ru_stime)
    for b in a.builds:
        print(f"-j{a.jobs} {b}: wall best {min(wall[b]) * 1000:.1f} ms, median {statistics.median(wall[b]) * 1000:.1f} ms; "
              f"cpu best {min(cpu[b]) * 1000:.1f} ms, median {statistics.median(cpu[b]) * 1000:.1f} ms")
    # The VM's speed changes between minutes, not between two runs made one
    # after the other: the ratio of each round's pair is the steady measure.
    first = a.builds[0]
    for b in a.builds[1:]:
        ratios = [y / x for x, y in zip(wall[first], wall[b])]
        q = statistics.quantiles(ratios, n=4) if len(ratios) >= 2 else [ratios[0]] * 3
        print(f"{b} / {first}: paired median {statistics.median(ratios):.3f} (quartiles {q[0]:.3f}..{q[2]:.3f})")


if __name__ == "__main__":
    main()
