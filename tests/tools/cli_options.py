#!/usr/bin/env python3
"""The command as a user meets it: one value per option occurrence, settings
found from each input, standard input, colour variables, the nearest name
for a mistyped one, folders for extract, the same exit statuses everywhere.

usage: cli_options.py PLANCHECK SAMPLES_DIR
"""
import json, os, subprocess, sys, tempfile

PLANCHECK, SAMPLES = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def run(*args, cwd=None, stdin=None, env=None):
    e = dict(os.environ)
    for k in ("NO_COLOR", "CLICOLOR_FORCE", "PLANCHECK_LANG"):
        e.pop(k, None)
    e.update(env or {})
    return subprocess.run([PLANCHECK, *args], capture_output=True, cwd=cwd, input=stdin, env=e, timeout=120)


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def jsonl_files(r):
    return [json.loads(l)["file"] for l in r.stdout.decode().splitlines() if l.strip()]


late = os.path.join(SAMPLES, "check", "c02-tinh-gia-lai-tre-han.txt")
clean = os.path.join(SAMPLES, "check", "c11-huyen-dung-han-dung-loi.txt")
plan_bytes = open(late, "rb").read()

with tempfile.TemporaryDirectory() as tmp:
    # A repository of drafts: ke-hoach/{moi,cu}/…, a settings file at its
    # top, one in a sub-folder, and one above the repository that must not
    # be read.
    above = os.path.join(tmp, "above")
    repo = os.path.join(above, "repo")
    for d in ("ke-hoach/moi", "ke-hoach/cu", ".git", "luat"):
        os.makedirs(os.path.join(repo, d))
    for rel in ("ke-hoach/moi/a.txt", "ke-hoach/moi/b.txt", "ke-hoach/cu/c.txt"):
        open(os.path.join(repo, rel), "wb").write(plan_bytes)
    open(os.path.join(above, ".plancheck.toml"), "w").write('lang = "en"\nexclude = ["*"]\n')
    open(os.path.join(repo, ".plancheck.toml"), "w").write('exclude = ["ke-hoach/cu/*"]\nfail-on = "warning"\n')
    open(os.path.join(repo, "ke-hoach", ".plancheck.toml"), "w").write('fail-on = "note"\n')
    other = os.path.join(tmp, "other")
    os.makedirs(os.path.join(other, "cu"))
    for rel in ("x.txt", "cu/y.txt"):
        open(os.path.join(other, rel), "wb").write(plan_bytes)

    # One value per occurrence.
    r = run("check", "--format", "jsonl", "--exclude", "cu/*", other, os.path.join(repo, "ke-hoach", "moi"))
    files = [os.path.relpath(f, tmp) for f in jsonl_files(r)]
    check(files == ["other/x.txt", "above/repo/ke-hoach/moi/a.txt", "above/repo/ke-hoach/moi/b.txt"],
          f"--exclude GLOB takes one value: the folders after it are inputs ({files})")
    r = run("check", "--format", "jsonl", "--exclude=cu/*", other, "--exclude", "x*", other)
    check([os.path.relpath(f, tmp) for f in jsonl_files(r)] == [],
          "--exclude=GLOB and repeated --exclude add up")
    rules = os.path.join(repo, "luat", "r.toml")
    open(rules, "w").write('id = "r"\nkind = "plan"\nnumber = "1-KH/TU"\ndate = 2024-08-26\nsource = "t"\n'
                           'extends = ["tw-35-2024"]\n')
    r = run("check", "--format", "jsonl", "--rules", rules, late, clean)
    check(r.returncode == 1 and len(jsonl_files(r)) == 2, "--rules FILE takes one value: two plans after it are plans")
    r = run("extract", "--format", "jsonl", "--include", "x.txt", other, late)
    check(len(jsonl_files(r)) == 2, "extract --include takes one value too")

    # Settings found from each input, up to the repository's top.
    r = run("check", "--format", "jsonl", ".", cwd=repo)
    files = jsonl_files(r)
    check(sorted(files) == ["./ke-hoach/moi/a.txt", "./ke-hoach/moi/b.txt"],
          f"settings at the repository's top exclude ke-hoach/cu/* for `check .` ({files})")
    r = run("check", "--format", "jsonl", repo, cwd=tmp)
    files = [os.path.relpath(f, repo) for f in jsonl_files(r)]
    check(sorted(files) == ["ke-hoach/moi/a.txt", "ke-hoach/moi/b.txt"],
          f"the same from another folder: found from the input, globs relative to the file ({files})")
    r = run("check", "--format", "jsonl", os.path.join(repo, "ke-hoach"), cwd=tmp)
    files = [os.path.relpath(f, repo) for f in jsonl_files(r)]
    check(sorted(files) == ["ke-hoach/moi/a.txt", "ke-hoach/moi/b.txt"],
          f"a sub-folder as input: the repository's globs still relative to their file ({files})")
    r = run("config", os.path.join(repo, "ke-hoach"), "--lang", "en")
    out = r.stdout.decode()
    check(r.returncode == 0 and "fail-on  = \"note\"" in out and "ke-hoach/.plancheck.toml:1:11" in out
          and "ke-hoach/cu/*" in out and os.path.join(repo, ".plancheck.toml") + ":1:11" in out
          and "lang     = \"vi\"  (default)" in out,
          "config: nearest file wins per key, each key says where it is written, nothing above the repository")
    check("none" in run("config", "--no-config", "--lang", "en", repo).stdout.decode(), "config --no-config: no file")
    r = run("check", "--no-config", "--format", "jsonl", repo)
    check(len(jsonl_files(r)) == 3, "check --no-config reads every plan")

    # Standard input.
    r = run("check", "--format", "jsonl", "-", stdin=plan_bytes)
    check(r.returncode == 1 and jsonl_files(r) == ["<stdin>"], "check -: reads standard input")
    r = run("check", "--stdin-name", "du-thao.txt", "-", stdin=plan_bytes, env={"NO_COLOR": "1"})
    check(r.stdout.decode().startswith("== du-thao.txt:") and "du-thao.txt:5:" in r.stdout.decode(),
          "check --stdin-name names standard input in the report")
    r = run("extract", "--format", "jsonl", "-", stdin=plan_bytes)
    check(r.returncode == 0 and jsonl_files(r) == ["<stdin>"], "extract -: reads standard input")
    r = run("extract", "-", stdin=b"")
    check(r.returncode == 2 and "<stdin>" in r.stderr.decode(), "extract - on empty input: an error naming it, exit 2")

    # Colour.
    esc = lambda r: b"\x1b[" in r.stdout
    check(not esc(run("check", late)), "colour: off when stdout is not a terminal")
    check(esc(run("check", late, env={"CLICOLOR_FORCE": "1"})), "colour: CLICOLOR_FORCE turns it on")
    check(not esc(run("check", late, env={"CLICOLOR_FORCE": "1", "NO_COLOR": "1"})), "colour: NO_COLOR wins over it")
    check(esc(run("check", "--color", "always", late, env={"NO_COLOR": "1"})), "colour: --color always wins over NO_COLOR")

    # The nearest name.
    r = run("chek", late)
    check(r.returncode == 2 and "`plancheck check`" in r.stderr.decode(), "an unknown command names the nearest")
    r = run("check", "--formt", "json", late)
    check(r.returncode == 2 and "`--format`" in r.stderr.decode(), "an unknown option names the nearest")
    r = run("check", "--format", "sarf", late)
    check(r.returncode == 2 and "`sarif`" in r.stderr.decode(), "an unknown value names the nearest")
    r = run("rules", "lsit")
    check(r.returncode == 2 and "`plancheck rules list`" in r.stderr.decode(), "an unknown action names the nearest")
    r = run("help", "check")
    out = r.stdout.decode()
    check(r.returncode == 0 and "plancheck check" in out and "Ví dụ" in out and "Mã thoát" in out,
          "plancheck help check: the page, with examples and exit statuses")
    r = run("check", "--help", "--lang", "en")
    out = r.stdout.decode()
    check(r.returncode == 0 and "Usage: plancheck check" in out and PLANCHECK not in out and "Examples" in out,
          "--help: the usage names `plancheck`, not the binary's path, and ends with examples")
    r = run()
    check(r.returncode == 2 and "check" in r.stderr.decode(), "no command: the commands listed, exit 2")

    # extract takes folders; exit statuses the same across commands.
    r = run("extract", "--format", "jsonl", os.path.join(SAMPLES, "plans"))
    n = len([f for f in os.listdir(os.path.join(SAMPLES, "plans")) if f.endswith(".txt")])
    check(r.returncode == 0 and len(jsonl_files(r)) == n, f"extract FOLDER reads its {n} plans")
    missing = os.path.join(tmp, "không-có.txt")
    check(run("extract", late, missing).returncode == 2, "extract: an unreadable input exits 2")
    # check: reported and the batch goes on (spec/check-json.md: 1); nothing read at all is 2.
    check(run("check", clean, missing).returncode == 1, "check: an unreadable input among others exits 1")
    check(run("check", missing).returncode == 2, "check: nothing read at all exits 2")

sys.exit(1 if failures else 0)
