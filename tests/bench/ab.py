#!/usr/bin/env python3
"""Compares plancheck builds by running them in turn on the same corpus:
this VM's speed drifts by up to 2x within minutes, so builds timed minutes
apart cannot be compared, and runs interleaved can.

usage: ab.py BUILD [BUILD ...] [--jobs 1] [--runs 11] [--corpus FOLDER]
Prints, per build, the best and median wall and CPU time (user + system)
of `plancheck check -jN --no-progress FOLDER`. The default corpus is the
one e2e.py makes (2,000 plans).
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
    for _ in range(a.runs):
        for b in a.builds:
            cmd = [b, "check", f"-j{a.jobs}", "--no-progress", "--no-config", a.corpus]
            t = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(p.pid, 0)
            wall[b].append(time.perf_counter() - t)
            cpu[b].append(usage.ru_utime + usage.ru_stime)
    for b in a.builds:
        print(f"-j{a.jobs} {b}: wall best {min(wall[b]) * 1000:.0f} ms, median {statistics.median(wall[b]) * 1000:.0f} ms; "
              f"cpu best {min(cpu[b]) * 1000:.0f} ms, median {statistics.median(cpu[b]) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
