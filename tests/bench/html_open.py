#!/usr/bin/env python3
"""How long the HTML report of a large folder takes to open: headless
Chromium loads `check --format html` of N synthetic plans (make_corpus.py)
and takes a screenshot of the first screen — parse, script, style, layout
and paint of what a person sees first. The time is the command's wall time
less that of the same command on an empty page (the browser's own start),
the median of --runs runs. Then the same for print: every plan drawn (the
page's beforeprint), timed as --print-to-pdf less an empty page's.

usage: html_open.py PLANCHECK [--plans 10000] [--runs 3] [--keep DIR] [--no-print]

Prints one line per measure; docs/performance.md ("The HTML report of
10,000 plans") has the figures. Exit 77 without chromium.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("plancheck")
ap.add_argument("--plans", type=int, default=10000)
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--keep", help="a folder for the corpus and the report (kept between runs)")
ap.add_argument("--no-print", action="store_true")
args = ap.parse_args()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("SKIP: chromium is not installed")
    sys.exit(77)
here = os.path.dirname(os.path.abspath(__file__))
work = args.keep or tempfile.mkdtemp(prefix="plancheck-html-open-")
os.makedirs(work, exist_ok=True)
corpus = os.path.join(work, f"plans-{args.plans}")
if not os.path.isdir(corpus):
    subprocess.run([sys.executable, os.path.join(here, "make_corpus.py"), corpus, "--plans", str(args.plans)],
                   check=True, stdout=subprocess.DEVNULL)
page = os.path.join(work, "report.html")
t = time.monotonic()
subprocess.run([args.plancheck, "check", "--no-progress", "--format", "html", "-o", page, corpus],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"write: {time.monotonic() - t:.2f} s, {os.path.getsize(page) / 1e6:.1f} MB")
blank = os.path.join(work, "blank.html")
with open(blank, "w") as f:
    f.write("<!DOCTYPE html><title>x</title><p>x")


def chromium_seconds(url, *extra):
    profile = tempfile.mkdtemp(dir=work, prefix="profile-")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--window-size=1200,1600", *extra, url]
    t = time.monotonic()
    subprocess.run(cmd, capture_output=True, timeout=600, env={**os.environ, "HOME": profile})
    s = time.monotonic() - t
    shutil.rmtree(profile, ignore_errors=True)
    return s


def measure(what, *extra):
    out = []
    for _ in range(args.runs):
        base = chromium_seconds("file://" + blank, *extra)
        out.append(chromium_seconds("file://" + page, *extra) - base)
    print(f"{what}: median {statistics.median(out):.2f} s (runs: {', '.join(f'{s:.2f}' for s in out)})")


measure("open (screenshot of the first screen)", f"--screenshot={os.path.join(work, 'shot.png')}")
if not args.no_print:
    measure("print (every plan drawn, to PDF)", f"--print-to-pdf={os.path.join(work, 'r.pdf')}", "--no-pdf-header-footer")
if not args.keep:
    shutil.rmtree(work, ignore_errors=True)
