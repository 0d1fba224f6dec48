#!/usr/bin/env python3
"""The Debian package as an office installs it: cpack in the build directory
(the build's own files, installed under /usr), the .deb unpacked with
`dpkg-deb -x` into an empty folder, and from there the command (it finds its
rule sets: the same findings as the build's), every man page through
`man -l` (each lists the options `plancheck COMMAND --help` lists), and the
completions (bash run through its function; zsh and fish parsed, fish run).

usage: package_deb.py PLANCHECK BUILD_DIR SOURCE_DIR CPACK
Exits 77 (skipped) when dpkg-deb or man is missing.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time

PLANCHECK, BUILD, SOURCE, CPACK = (os.path.abspath(a) for a in sys.argv[1:5])
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def env(**extra):
    e = {k: v for k, v in os.environ.items() if k not in ("PLANCHECK_LANG", "NO_COLOR", "CLICOLOR_FORCE", "MANPATH")}
    e.update(LC_ALL="C.UTF-8", **extra)
    return e


def run(cmd, **kw):
    kw.setdefault("env", env())
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


for tool in ("dpkg-deb", "man"):
    if not shutil.which(tool):
        print(f"skipped: {tool} is not installed (scripts/deps.sh installs it)")
        sys.exit(77)


def help_of(binary, words, lang):
    return run([binary, *words, "--help"], env=env(PLANCHECK_LANG=lang)).stdout


def commands_of(binary):
    """The commands `plancheck --help` lists (English)."""
    text = help_of(binary, [], "en")
    section = text.split("Subcommands:", 1)[1]
    return [m.group(1) for m in re.finditer(r"^  ([a-z][a-z-]*)\s", section, re.M)]


def options_in(help_text):
    """Every -x and --name a help page names in its option column."""
    names = set()
    for line in help_text.splitlines():
        m = re.match(r"^  (-[^ ]+(?: [^ ]+)?)", line)
        if m:
            for part in re.split(r"[ ,]", m.group(1)):
                if re.fullmatch(r"--?[a-z][a-z0-9-]*", part):
                    names.add(part)
    return names


started = time.monotonic()
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "out")
    r = run([CPACK, "-G", "DEB", "-B", out, "--config", os.path.join(BUILD, "CPackConfig.cmake")], cwd=BUILD)
    check(r.returncode == 0, f"cpack -G DEB builds the package ({r.stderr.strip()[-400:]})")
    debs = [f for f in os.listdir(out) if f.endswith(".deb")] if os.path.isdir(out) else []
    version = run([PLANCHECK, "--version"]).stdout.splitlines()[0].split()[1]
    check(debs == [f"plancheck_{version}_amd64.deb"], f"one plancheck_<version>_amd64.deb, the version --version prints ({debs})")
    if not debs:
        sys.exit(1)
    deb = os.path.join(out, debs[0])
    fields = run(["dpkg-deb", "-f", deb, "Package", "Version", "Depends", "Maintainer", "Section", "Description"]).stdout
    check("Version: " + version in fields, "the package's version is the program's")
    depends = re.search(r"^Depends: (.*)$", fields, re.M)
    check(depends and all(p in depends.group(1) for p in ("libc6", "libpoppler-cpp", "libzip", "libxml2")),
          f"Depends comes from the linked shared libraries ({depends.group(1) if depends else 'none'})")
    check("Section: utils" in fields and "Maintainer: " in fields, "section and maintainer are set")

    root = os.path.join(tmp, "root")
    os.makedirs(root)
    r = run(["dpkg-deb", "-x", deb, root])
    check(r.returncode == 0, "dpkg-deb -x unpacks it")
    installed = os.path.join(root, "usr", "bin", "plancheck")
    check(os.access(installed, os.X_OK), "usr/bin/plancheck")
    for rel in ("usr/share/bash-completion/completions/plancheck", "usr/share/zsh/vendor-completions/_plancheck",
                "usr/share/fish/vendor_completions.d/plancheck.fish", "usr/share/doc/plancheck/README.md",
                "usr/share/doc/plancheck/docs/cli.md", "usr/share/plancheck/rules/tw-45-2025.toml"):
        check(os.path.isfile(os.path.join(root, rel)), rel)

    # The unpacked command, run from an empty folder (no settings file, no
    # source tree near), finds its rule sets: the build's findings exactly.
    empty = os.path.join(tmp, "empty")
    os.makedirs(empty)
    for sample in ("samples/check/c02-tinh-gia-lai-tre-han.txt", "samples/plans/02-tinh-ha-tinh.txt"):
        path = os.path.join(SOURCE, sample)
        a = run([installed, "check", "--lang", "en", path], cwd=empty)
        b = run([PLANCHECK, "check", "--lang", "en", path], cwd=empty)
        check(a.returncode == b.returncode and a.stdout == b.stdout and a.stdout.strip(),
              f"the installed command checks {sample} as the build's does (exit {a.returncode})")
    # The version from git: the commit built (HEAD when the build began) names itself, or a v* tag does.
    if run(["git", "-C", SOURCE, "rev-parse", "HEAD"]).returncode == 0:
        m = re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+(?:\+(?:[0-9]+\.)?g([0-9a-f]+)(?:\.dirty)?|\+dirty)?", version)
        released = run(["git", "-C", SOURCE, "describe", "--tags", "--match", "v[0-9]*"]).returncode == 0
        known = m and (m.group(1) is None and released or m.group(1) is not None and
                       run(["git", "-C", SOURCE, "cat-file", "-e", m.group(1) + "^{commit}"]).returncode == 0)
        check(bool(known), f"--version names a commit of this repository, or a release ({version})")
    a, b = run([installed, "--version"]), run([PLANCHECK, "--version"])
    check(a.stdout == b.stdout and "tw-45-2025" in a.stdout, "--version: the same version and rule sets")

    # Man pages: plancheck(1) and one per command, in both languages; each
    # renders, and lists every option its command's --help lists.
    commands = commands_of(installed)
    check({"check", "extract", "rules", "explain", "config"} <= set(commands), f"the commands ({commands})")
    check("completion" not in commands and "man" not in commands, "the build's own commands stay hidden")
    for lang, mandir in (("en", "usr/share/man/man1"), ("vi", "usr/share/man/vi/man1")):
        pages = sorted(os.listdir(os.path.join(root, mandir)))
        want = sorted(["plancheck.1"] + [f"plancheck-{c}.1" for c in commands])
        check(pages == want, f"{mandir}: a page per command ({pages})")
        for words in [[]] + [[c] for c in commands]:
            page = os.path.join(root, mandir, "-".join(["plancheck"] + words) + ".1")
            if not os.path.exists(page):
                continue
            r = run(["man", "-l", page], env=env(MANWIDTH="80"))
            text = r.stdout.replace("\u2010", "-").replace("\u2212", "-")
            missing = sorted(o for o in options_in(help_of(installed, words, lang)) if o not in text)
            check(r.returncode == 0 and not missing and "README.md" in text,
                  f"man -l {lang}/{os.path.basename(page)} renders with every option of its --help "
                  f"(missing: {missing}; {r.stderr.strip()[:200]})")
            if words == ["rules"]:
                check(all(re.search(rf"rules {a}\b", text) for a in ("list", "show", "lint", "test", "derive")),
                      f"{lang}/plancheck-rules.1 describes each action")

    # Completions. The words --format takes, as `check --help` says them.
    formats = re.search(r"Output format: ([a-z0-9|-]+)", help_of(installed, ["check"], "en")).group(1).split("|")
    rule_sets = [s["id"] for s in json.loads(run([installed, "rules", "list", "--format", "json"]).stdout)]
    bash_file = os.path.join(root, "usr/share/bash-completion/completions/plancheck")
    r = run(["bash", "-c", f'source "{bash_file}" && complete -p plancheck'])
    check(r.returncode == 0 and "-F _plancheck" in r.stdout, f"bash: complete -p plancheck ({r.stdout.strip()})")

    def bash_complete(words):
        script = (f'source "{bash_file}"; COMP_WORDS=({" ".join(repr(w) for w in words)}); '
                  f"COMP_CWORD={len(words) - 1}; _plancheck; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
        return sorted(l for l in run(["bash", "-c", script], cwd=empty).stdout.splitlines() if l)

    got = bash_complete(["plancheck", "check", "--format", ""])
    check(got == sorted(formats), f"bash: `plancheck check --format ` offers {formats} ({got})")
    got = bash_complete(["plancheck", "check", "--format", "=", "js"])
    check(got == sorted(f for f in formats if f.startswith("js")), f"bash: --format=js… ({got})")
    got = bash_complete(["plancheck", "check", "--ruleset", ""])
    check(got == sorted(rule_sets), f"bash: --ruleset offers the rule set ids of `rules list` ({got})")
    got = bash_complete(["plancheck", "extract", "--lang", ""])
    check(got == ["en", "vi"], f"bash: --lang offers vi and en ({got})")
    got = bash_complete(["plancheck", ""])
    check(got == sorted(commands), f"bash: the commands ({got})")
    got = bash_complete(["plancheck", "rules", "l"])
    check(got == ["lint", "list"], f"bash: the actions of rules ({got})")
    got = bash_complete(["plancheck", "rules", "list", "--f"])
    check(got == ["--format"], f"bash: an action's options ({got})")
    got = bash_complete(["plancheck", "check", "--no-p"])
    check(got == ["--no-progress"], f"bash: check's options ({got})")
    got = bash_complete(["plancheck", "explain", "tw-45-2025/d"])
    check("tw-45-2025/district-deadline" in got and all(g.startswith("tw-45-2025/d") for g in got),
          f"bash: explain offers the shipped rules' ids ({got})")
    got = bash_complete(["plancheck", "rules", "show", "tw-45"])
    check("tw-45-2025" in got and "tw-45-2025/district-deadline" in got, f"bash: rules show offers sets and rules ({got[:4]})")
    open(os.path.join(empty, "plan-a.txt"), "w").close()
    got = bash_complete(["plancheck", "check", "pla"])
    check(got == ["plan-a.txt"], f"bash: files for the inputs ({got})")

    zsh_file = os.path.join(root, "usr/share/zsh/vendor-completions/_plancheck")
    fish_file = os.path.join(root, "usr/share/fish/vendor_completions.d/plancheck.fish")
    if shutil.which("zsh"):
        r = run(["zsh", "-n", zsh_file])
        check(r.returncode == 0, f"zsh -n _plancheck ({r.stderr.strip()[:300]})")
        check(all(f in open(zsh_file).read() for f in formats), "zsh: the formats are offered")
    else:
        print("skip zsh: not installed")
    if shutil.which("fish"):
        r = run(["fish", "-n", fish_file])
        check(r.returncode == 0, f"fish -n plancheck.fish ({r.stderr.strip()[:300]})")
        r = run(["fish", "--no-config", "-c", f"source {fish_file}; complete -C 'plancheck check --format '"])
        got = sorted(l.split("\t")[0] for l in r.stdout.splitlines() if l)
        check(got == sorted(formats), f"fish: `plancheck check --format ` offers the formats ({got})")
        r = run(["fish", "--no-config", "-c", f"source {fish_file}; complete -C 'plancheck rules '"])
        got = sorted(l.split("\t")[0] for l in r.stdout.splitlines() if l and not l.startswith("-"))
        check(got == ["derive", "lint", "list", "show", "test"], f"fish: the actions of rules ({got})")
    else:
        print("skip fish: not installed")

elapsed = time.monotonic() - started
# CI's budget for it (a sanitized build runs slower and is not held to it).
if not os.environ.get("PLANCHECK_SANITIZED"):
    check(elapsed < 60, f"the package test takes under a minute ({elapsed:.1f} s)")
if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
