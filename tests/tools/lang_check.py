#!/usr/bin/env python3
"""One language at a time: what `plancheck` shows a person with --lang vi
(the default) holds no English of its own, and with --lang en no Vietnamese
of its own — words of the plans it quotes aside.

Two probes: the phrases of the other language's column of the catalogues
(lib/include/plancheck/messages.inc, cli/messages.inc) must not appear, and
in Vietnamese output no English word may stand outside quotes, rule ids,
paths and option names (a literal written in code instead of the catalogue).

usage: lang_check.py PLANCHECK REPO_DIR SAMPLES_DIR
"""
import os, re, subprocess, sys, tempfile

PLANCHECK, REPO, SAMPLES = (os.path.abspath(a) for a in sys.argv[1:4])
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def c_strings(chunk):
    # The concatenated C string literals of one macro argument.
    return "".join(bytes(m, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                   for m in re.findall(r'"((?:[^"\\]|\\.)*)"', chunk))


def catalogue_rows():
    rows = []
    for rel in ("lib/include/plancheck/messages.inc", "cli/messages.inc"):
        text = open(os.path.join(REPO, rel), encoding="utf-8").read()
        text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))
        for m in re.finditer(r'PLANCHECK_MESSAGE\(\s*(\w+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)',
                             text):
            rows.append((m.group(1), c_strings(m.group(2)), c_strings(m.group(3))))
    return rows


def phrases(s):
    # The fixed words of a message: between its fields and line ends, two
    # words or more.
    out = []
    for part in re.split(r"\{[^}]*\}|\n", s):
        part = part.strip(" :;,.()'\"`=—–…[]")
        if len(part) >= 10 and len(part.split()) >= 2:
            out.append(part)
    return out


rows = catalogue_rows()
check(len(rows) > 50, f"the catalogues read ({len(rows)} rows)")
quoted_sources = ""
for d in (os.path.join(SAMPLES, "plans"), os.path.join(SAMPLES, "check"), os.path.join(REPO, "rules")):
    for f in sorted(os.listdir(d)):
        quoted_sources += open(os.path.join(d, f), encoding="utf-8", errors="replace").read()
vi_phrases = {p for _, vi, en in rows if vi != en for p in phrases(vi) if p not in quoted_sources and p not in en}
en_phrases = {p for _, vi, en in rows if vi != en for p in phrases(en) if p not in vi}

ENGLISH = set("""the of and is are not with for from by file files error errors warning warnings note notes checked
rule rules plan plans level congress congresses deadline cannot must example examples source limit usage options
see this that has have which when only read unreadable skipped found none shipped document round kind date""".split())


def stray_english(text):
    words = []
    for line in text.splitlines():
        # Quoted text, rule ids, code in backticks and paths say what the
        # user wrote or types; a settings key opens its line ("rules = …");
        # the word after "plancheck" is a command.
        line = re.sub(r'"[^"]*"|“[^”]*”|\[[^\]]*\]|`[^`]*`|\([^()]*/[^()]*\)|\'[^\'\s][^\']*\'', " ", line)
        line = re.sub(r"^\s*[a-z][a-z-]*\s+=", " ", line)
        line = re.sub(r"\bplancheck\s+[a-z]+", " ", line)
        for tok in line.split():
            if "/" in tok or tok.startswith("-") or "." in tok.strip(".,;:") or "_" in tok:
                continue
            w = tok.strip(".,;:()'!?")
            if w.lower() in ENGLISH:
                words.append(w)
    return words


def outputs(lang):
    with tempfile.TemporaryDirectory() as tmp:
        missing = os.path.join(tmp, "missing.txt")
        bad_rules = os.path.join(tmp, "bad.toml")
        open(bad_rules, "w").write('id = "x"\nkind = "plan"\nlevel = "distrct"\n')
        runs = [
            ["check", "--color", "never", os.path.join(SAMPLES, "plans"), os.path.join(SAMPLES, "check")],
            ["check", "--color", "never", os.path.join(SAMPLES, "plans", "01-huyen-huong-son.txt"), missing],
            ["check", "--rules", bad_rules, os.path.join(SAMPLES, "plans", "01-huyen-huong-son.txt")],
            ["check", "--help"], ["extract", "--help"], ["rules", "--help"], ["explain", "--help"], ["config", "--help"],
            ["extract", "--format", "text", os.path.join(SAMPLES, "plans", "02-tinh-ha-tinh.txt")],
            ["rules", "list"], ["rules", "show", "tw-35-2024"], ["rules", "show", "tw-35-2024/grassroots-deadline"],
            ["explain", "tw-45-2025/district-deadline"], ["rules", "test"], ["config", SAMPLES],
            ["check", "--formt", "x"], ["chek"], ["check", "--format", "sarf", SAMPLES],
        ]
        for args in runs:
            r = subprocess.run([PLANCHECK, *args, "--lang", lang] if args[0] != "chek" else [PLANCHECK, *args],
                               capture_output=True, timeout=300, env={**os.environ, "PLANCHECK_LANG": lang})
            yield " ".join(args[:3]), r.stdout.decode("utf-8", "replace") + r.stderr.decode("utf-8", "replace")


for what, out in outputs("vi"):
    leaks = sorted(p for p in en_phrases if p in out)
    check(not leaks, f"vi: no English catalogue phrase in `{what}` {leaks[:5]}")
    stray = stray_english(out)
    check(not stray, f"vi: no English word outside quotes in `{what}` {sorted(set(stray))[:10]}")
for what, out in outputs("en"):
    leaks = sorted(p for p in vi_phrases if p in out)
    check(not leaks, f"en: no Vietnamese catalogue phrase in `{what}` {leaks[:5]}")

sys.exit(1 if failures else 0)
