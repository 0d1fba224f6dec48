#!/usr/bin/env python3
"""The HTML report in a real browser: Debian's headless Chromium loads
`check --format html` of samples/ (check and plans) with the network
blocked (every host maps to nothing) and a net log kept, then:
- --dump-dom: the DOM after the script ran (it marks <html data-ready>),
  one timeline per checked plan, one bar per milestone the plan does not
  restate and one limit line per limit (as the page's own limits tables), every finding of
  `check --format json`, the overview paged ("1 / 1");
- the console (--enable-logging=stderr --v=0): no script error, nothing
  the Content-Security-Policy refused;
- the net log: no request to anything but the file itself;
- --print-to-pdf: a page or more per plan (the print stylesheet);
- 120 plans (three pages of sections): only the page a link (#p102-m1)
  points into is made, and in it only that plan's timeline is drawn; the
  other pages wait as text;
- --screenshot of the overview and of a one-plan report: PNGs that are not
  empty (PLANCHECK_KEEP_SCREENSHOTS=DIR keeps them: docs/ holds two).
Without chromium the test is skipped (exit 77) saying so; scripts/deps.sh
installs it.

usage: html_chromium.py PLANCHECK SAMPLES_DIR
"""
import json, os, re, shutil, subprocess, sys, tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402
from html_tree import LEVELS, parse  # noqa: E402

PLANCHECK, SAMPLES = (os.path.abspath(a) for a in sys.argv[1:3])
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("SKIP: chromium is not installed (apt-get install chromium; scripts/deps.sh does)")
    sys.exit(77)


def chromium(tmp, url, *args):
    profile = tempfile.mkdtemp(dir=tmp, prefix="profile-")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
           "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", *args, url]
    return subprocess.run(cmd, capture_output=True, timeout=120, env={**os.environ, "HOME": profile})


def console_errors(stderr):
    lines = stderr.decode("utf-8", "replace").splitlines()
    return [l for l in lines if ("CONSOLE" in l or "Uncaught" in l or "Content Security Policy" in l
                                 or "Refused to" in l)]


def requests(netlog):
    """The URLs the page asked for: requests started on behalf of a file://
    document (the browser's own, component updates and the like, have no
    origin and are not the page's)."""
    try:
        text = open(netlog, encoding="utf-8").read().rstrip()
    except OSError:
        return None
    try:
        log = json.loads(text)
    except ValueError:  # a log cut short when the browser quit
        log = json.loads(text.rstrip(",") + "]}")
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for e in log["events"]:
        p = e.get("params") or {}
        if e.get("type") == start and str(p.get("network_isolation_key", "")).startswith("file://"):
            u = p.get("url", "")
            if not (u.startswith("file:") or u.startswith("data:")):
                urls.add(u)
    return sorted(urls)


tmp = tempfile.mkdtemp(prefix="plancheck-chromium-")
try:
    dirs = [os.path.join(SAMPLES, "check"), os.path.join(SAMPLES, "plans")]
    result = json.loads(run(PLANCHECK, "check", "--no-progress", "--format", "json", *dirs).stdout)
    checked = [f for f in result["files"] if f["status"] == "checked"]
    page = os.path.join(tmp, "report.html")
    r = run(PLANCHECK, "check", "--no-progress", "--format", "html", "-o", page, *dirs)
    check(r.returncode in (0, 1), "the report is written")
    url = "file://" + page
    netlog = os.path.join(tmp, "net.json")
    r = chromium(tmp, url, f"--log-net-log={netlog}", "--net-log-capture-mode=Everything", "--dump-dom")
    check(r.returncode == 0, f"chromium --dump-dom exits 0 ({r.returncode})")
    dom = r.stdout.decode("utf-8", "replace")
    errors = console_errors(r.stderr)
    check(not errors, f"no console error ({errors[:3]})")
    t = parse(dom)
    html = t.root.find_all("html")
    check(html and html[0].attrs.get("data-ready") == "1", "the script ran to its end")
    info = [n for n in t.root.walk() if n.attrs.get("id") == "page-info"]
    check(info and re.search(r"1\D+1", info[0].all_text() or ""), f"the overview is paged ({info and info[0].all_text()!r})")
    check(len(t.root.find_all("script")) == 1 and not t.root.find_all("template"),
          "a small report: every plan drawn at once, nothing left waiting")
    sections = {s.find_all("h3")[0].all_text(): s for s in t.root.find_all("section", "plan")}
    check(len(sections) == len(checked) and len(t.root.find_all("svg")) == len(checked),
          f"one timeline per checked plan ({len(t.root.find_all('svg'))}/{len(checked)})")
    for f in checked:
        s = sections.get(f["file"])
        if s is None:
            check(False, f"{f['file']}: in the DOM")
            continue
        x = json.loads(run(PLANCHECK, "extract", "--format", "json", f["file"]).stdout)
        want = sum(1 for m in x["milestones"] if m["level"] in LEVELS and not m.get("source"))
        ok = (len(s.find_all("rect", "bar")) == want
              and len(s.find_all("line", "limit")) == len(s.find_all("tr", "limit-row"))
              and len(s.find_all("li", "diag")) == len(f["diagnostics"]))
        check(ok, f"{f['file']}: {want} bars, its limits, {len(f['diagnostics'])} findings in the DOM")
    broken = os.path.join(tmp, "broken.html")
    with open(broken, "w") as f:
        f.write("<!DOCTYPE html><script>undefinedFunction();</script>")
    check(console_errors(chromium(tmp, "file://" + broken, "--dump-dom").stderr),
          "the console log shows a script error (control)")
    control = os.path.join(tmp, "control.html")
    with open(control, "w") as f:
        f.write('<!DOCTYPE html><img src="http://plancheck.invalid/x.png" alt="">')
    control_log = os.path.join(tmp, "control.json")
    chromium(tmp, "file://" + control, f"--log-net-log={control_log}", "--net-log-capture-mode=Everything", "--dump-dom")
    check(requests(control_log) == ["http://plancheck.invalid/x.png"], "the net log shows a page's request (control)")
    reqs = requests(netlog)
    check(reqs is not None, "the net log was written")
    check(not reqs, f"no request but the file ({(reqs or [])[:5]})")

    # A large report makes a page of plans, and draws a plan, when it is
    # wanted: here by a link to a bar of plan 102 (the third page of 50).
    many = os.path.join(tmp, "many")
    os.mkdir(many)
    src = os.path.join(SAMPLES, "check", "c01-huyen-lam-ha-tre-han.txt")
    for i in range(120):
        shutil.copy(src, os.path.join(many, f"{i:03}.txt"))
    big = os.path.join(tmp, "many.html")
    run(PLANCHECK, "check", "--no-progress", "--format", "html", "-o", big, many)
    r = chromium(tmp, "file://" + big + "#p102-m1", "--dump-dom")
    t = parse(r.stdout.decode("utf-8", "replace"))
    # (The parser reads waiting text as markup too: a page of plans is made
    # when its <script type="text/html" class="page"> is gone, a plan drawn
    # when its <template class="lazy"> is.)
    pages = t.root.find_all("div", "plans-page")
    made = [p.attrs.get("data-page") for p in pages if not p.find_all("script", "page")]
    shown = [p.attrs.get("data-page") for p in pages if "hidden" not in p.attrs]
    check(len(pages) == 3 and made == ["3"] and shown == ["3"], f"120 plans: only the page linked into is made and shown ({made}, {shown})")
    sections = t.root.find_all("section", "plan")
    drawn = [s.attrs.get("id") for s in sections if s.find_all("svg") and not s.find_all("template", "lazy")]
    check(len(sections) == 120 and drawn == ["p102"], f"120 plans: only the plan linked to is drawn ({drawn[:5]})")
    check(len(t.root.find_all("template", "lazy")) == 119 and len(t.root.find_all("script")) == 1 + 2,
          "120 plans: the others wait (as templates on the page made, as text on the two others)")
    rows = [n for n in t.root.walk() if n.tag == "table" and n.attrs.get("id") == "overview-table"]
    check(rows and len(rows[0].find_all("tbody")[0].find_all("tr")) == 100, "120 plans: the overview shows 100 rows")
    check(not console_errors(r.stderr), "120 plans: no console error")

    # Print: one plan a page at least (the overview before them).
    pdf = os.path.join(tmp, "report.pdf")
    chromium(tmp, url, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", open(pdf, "rb").read())) if os.path.exists(pdf) else 0
    check(pages > len(checked), f"printed: {pages} pages for {len(checked)} plans and the overview")

    shots = {}
    one = os.path.join(tmp, "one.html")
    run(PLANCHECK, "check", "--no-progress", "--format", "html", "-o", one,
        os.path.join(SAMPLES, "check", "c01-huyen-lam-ha-tre-han.txt"))
    for name, target, size in (("overview", url, "1200,1600"), ("plan", "file://" + one, "1100,1250")):
        png = os.path.join(tmp, name + ".png")
        r = chromium(tmp, target, f"--screenshot={png}", f"--window-size={size}", "--hide-scrollbars")
        shots[name] = png
        ok = os.path.exists(png) and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n" and os.path.getsize(png) > 10000
        check(ok, f"screenshot of the {name}")
        check(not console_errors(r.stderr), f"{name}: no console error")
    if os.environ.get("PLANCHECK_KEEP_SCREENSHOTS"):
        for name, png in shots.items():
            shutil.copy(png, os.path.join(os.environ["PLANCHECK_KEEP_SCREENSHOTS"], f"html-report-{name}.png"))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
