#!/usr/bin/env python3
"""`plancheck check --format html` read back with Python's html.parser:
- valid: no parse error by the HTML5 algorithm (html5lib, when installed);
  well-formed: every element closed in order (void elements aside), one
  <html>, one <script> (the report's own);
- per checked plan (samples/check, samples/plans): one <section class=plan>
  named by its file, one timeline <svg>, one bar per milestone of the four
  levels that the plan does not restate from a higher document (as
  `extract --format json` counts them), one limit line per row of its
  limits table, among them one labelled with the document of each
  milestone it restates, each finding of `check --format json` (rule,
  line) once; the overview has a row per checked plan;
- self-contained: every src/href is a '#' anchor or a data: URI, no url()
  but url(#…), nothing that loads (link, img, iframe, object, @import);
- escaped: a file named `<b>&"x'.txt` with `<script>` in its text shows as
  text, never as markup;
- --lang en: an English page (<html lang=en>).

usage: html_report.py PLANCHECK SAMPLES_DIR
"""
import json, os, re, shutil, sys, tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_test import check, failures, run  # noqa: E402

PLANCHECK, SAMPLES = (os.path.abspath(a) for a in sys.argv[1:3])
from html_tree import LEVELS, html5_errors, parse  # noqa: E402


def scripts(t):
    """The scripts that run (not the bodies held for them, type text/html)."""
    return [n for n in t.root.find_all("script") if n.attrs.get("type") != "text/html"]


def report(*args):
    out = os.path.join(tmp, "r.html")
    r = run(PLANCHECK, "check", "--no-progress", "--format", "html", "-o", out, *args)
    check(r.returncode in (0, 1), f"check --format html {' '.join(args)} runs (exit {r.returncode}: {r.stderr[-300:]!r})")
    with open(out, encoding="utf-8") as f:
        return f.read()


def self_contained(t, html, what):
    bad = []
    for tag, attrs in t.attrs_seen:
        if tag in ("link", "img", "iframe", "object", "embed", "base"):
            bad.append(f"<{tag}>")
        for k, v in attrs:
            if k in ("src", "href", "xlink:href", "action", "srcset", "poster") and v is not None:
                if not (v.startswith("#") or v.startswith("data:")):
                    bad.append(f"{k}={v}")
    for m in re.finditer(r"url\(([^)]*)\)", html):
        if not m.group(1).strip("'\"").startswith("#"):
            bad.append(m.group(0))
    if "@import" in html:
        bad.append("@import")
    check(not bad, f"{what}: nothing external ({bad[:5]})")


tmp = tempfile.mkdtemp(prefix="plancheck-html-")
try:
    dirs = [os.path.join(SAMPLES, "check"), os.path.join(SAMPLES, "plans")]
    r = run(PLANCHECK, "check", "--no-progress", "--format", "json", *dirs)
    result = json.loads(r.stdout)
    checked = [f for f in result["files"] if f["status"] == "checked"]
    check(len(checked) >= 30, f"{len(checked)} plans checked in json")

    html = report(*dirs)
    t = parse(html)
    check(not t.errors, f"well-formed ({t.errors[:5]})")
    errs = html5_errors(html)
    if errs is None:
        print("note: html5lib not installed (python3-html5lib): the HTML5 parse is not checked")
    else:
        check(not errs, f"no HTML5 parse error (html5lib: {errs[:5]})")
    check(len(t.root.find_all("html")) == 1 and t.root.find_all("html")[0].attrs.get("lang") == "vi",
          "one <html lang=vi>")
    check(len(scripts(t)) == 1, "one <script>: the report's own")
    self_contained(t, html, "samples")

    sections = {s.find_all("h3")[0].all_text(): s for s in t.root.find_all("section", "plan")}
    check(len(sections) == len(checked), f"one section per checked plan ({len(sections)} vs {len(checked)})")
    overview = t.root.find_all("table", None)
    rows = [n for n in t.root.walk() if n.tag == "table" and n.attrs.get("id") == "overview-table"]
    check(len(rows) == 1 and len(rows[0].find_all("tbody")[0].find_all("tr")) == len(checked),
          "the overview has a row per checked plan")

    restated_total = [0]
    for f in checked:
        name = f["file"]
        s = sections.get(name)
        if s is None:
            check(False, f"{name}: has a section")
            continue
        svgs = s.find_all("svg")
        check(len(svgs) == 1 and "timeline-chart" in svgs[0].cls(), f"{name}: one timeline svg")
        x = json.loads(run(PLANCHECK, "extract", "--format", "json", name).stdout)
        want = sum(1 for m in x["milestones"] if m["level"] in LEVELS and not m.get("source"))
        bars = s.find_all("rect", "bar")
        check(len(bars) == want, f"{name}: {len(bars)} bars for {want} milestones")
        check(all(b.attrs.get("tabindex") == "0" and b.find_all("title") for b in bars),
              f"{name}: every bar focusable with a title")
        lines = s.find_all("line", "limit")
        limit_rows = s.find_all("tr", "limit-row")
        check(len(lines) == len(limit_rows), f"{name}: {len(lines)} limit lines, {len(limit_rows)} limits")
        labels = [l.find_all("title")[0].all_text() for l in lines]
        # A milestone restated from a higher document is that document's
        # limit: a line labelled with it ("96-KH/TU: 30/6/2025").
        restated = [m for m in x["milestones"] if m["level"] in LEVELS and m.get("source")
                    and (m["time"]["period"] or {}).get("start" if m["event"] == "start" else "end")]
        restated_total[0] += len(restated)
        for m in restated:
            check(any(lb.split(": ")[0].find(m["source"]) >= 0 for lb in labels),
                  f"{name}: a limit line labelled {m['source']} (restated, line {m['span']['line']})")
        for d in f["diagnostics"]:
            lim = d.get("limit")
            if d.get("level") in LEVELS and lim and lim.get("time", {}).get("end"):
                doc = lim.get("directive") or ""
                check(any(doc in lb for lb in labels), f"{name}: a limit line of {doc or 'the plan'} ({d['rule']})")
        items = [(li.attrs.get("data-rule"), int(li.attrs.get("data-line") or 0)) for li in s.find_all("li", "diag")]
        want_items = [(d["rule"], d["span"]["line"] if d.get("span") else 0) for d in f["diagnostics"]]
        check(sorted(items) == sorted(want_items), f"{name}: every finding shown ({len(items)}/{len(want_items)})")
        for li in s.find_all("li", "diag"):
            sev = [n for n in li.find_all("span", "sev")]
            check(sev and sev[0].all_text().strip(), f"{name}: severity written out, not colour alone")
            break

    check(restated_total[0] >= 3, f"the samples restate higher plans' limits ({restated_total[0]})")

    # Escaping: a hostile file name and text.
    evil_dir = os.path.join(tmp, "evil")
    os.mkdir(evil_dir)
    src = os.path.join(SAMPLES, "check", "c01-huyen-lam-ha-tre-han.txt")
    with open(src, encoding="utf-8") as fi:
        text = fi.read()
    evil = os.path.join(evil_dir, "<b>&\"x'.txt")
    with open(evil, "w", encoding="utf-8") as fo:
        fo.write(text.replace("Đại hội đảng bộ", "<script>alert(1)</script> Đại hội đảng bộ", 1))
    shutil.copy(src, os.path.join(evil_dir, "ok.txt"))
    html = report(evil_dir)
    t = parse(html)
    check(not t.errors, f"hostile names: well-formed ({t.errors[:3]})")
    check(len(scripts(t)) == 1 and not t.root.find_all("b"), "hostile names: shown as text, not markup")
    check(any("<b>&\"x'.txt" in h.all_text() for h in t.root.find_all("h3")), "hostile names: the name as written")
    self_contained(t, html, "hostile names")

    # Every word of the page from the catalogue, in the page's language.
    cat = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib", "include", "plancheck",
                            "messages.inc"), encoding="utf-8").read()
    html_rows = re.findall(r'PLANCHECK_MESSAGE\((html_\w+),\s*"([^"]*)",\s*"([^"]*)"\)', cat)
    vi_page = report(*dirs)
    # One file, unreadable: the page says so.
    empty = os.path.join(tmp, "rỗng.txt")
    open(empty, "w").close()
    out = os.path.join(tmp, "empty.html")
    r = run(PLANCHECK, "check", "--no-progress", "--format", "html", "-o", out, empty)
    page = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    t = parse(page)
    failed = t.root.find_all("table", "failed")
    check(r.returncode == 2 and failed and "rỗng.txt" in failed[0].all_text() and not t.errors,
          f"an unreadable file alone is listed with its reason (exit {r.returncode})")

    html = report("--lang", "en", *dirs)
    # The fixed words of a message (two words or more, as lang_check.py
    # takes them), in the page's text, unless the plans or rules say them.
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    sources = ""
    for d in (os.path.join(SAMPLES, "plans"), os.path.join(SAMPLES, "check"), os.path.join(repo, "rules")):
        for f in sorted(os.listdir(d)):
            sources += open(os.path.join(d, f), encoding="utf-8", errors="replace").read()

    def fixed(m):
        parts = (p.strip(" :;,.()'\"—–…") for p in re.split(r"\{[^}]*\}", m))
        return [p for p in parts if len(p) >= 10 and len(p.split()) >= 2 and p not in sources]

    en_text, vi_text = parse(html).root.all_text(), parse(vi_page).root.all_text()
    vi_left = [vi for _, vi, en in html_rows if vi != en and any(p in en_text for p in fixed(vi))]
    en_left = [en for _, vi, en in html_rows if vi != en and any(p in vi_text for p in fixed(en))]
    check(len(html_rows) > 30 and not vi_left, f"--lang en: no Vietnamese of the catalogue ({vi_left[:3]})")
    check(not en_left, f"--lang vi: no English of the catalogue ({en_left[:3]})")
    t = parse(html)
    check(t.root.find_all("html")[0].attrs.get("lang") == "en" and "Congress plan check report" in html,
          "--lang en: an English page")
    check("Tổng quan" not in html and "Các kế hoạch" not in html, "--lang en: none of the Vietnamese headings")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
