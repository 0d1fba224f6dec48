#!/usr/bin/env python3
"""Never a silent pass: a report that could not be written is exit 2 with
the reason on stderr, in every subcommand; -o FILE holds a whole report or
what it held before, never half of one, and never overwrites an input.

usage: faults_cli.py PLANCHECK SAMPLES_DIR
"""
import json, os, shutil, signal, subprocess, sys, tempfile, time

PLANCHECK, SAMPLES = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PLANS = os.path.join(SAMPLES, "plans")
ONE = os.path.join(PLANS, "01-huyen-huong-son.txt")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(args, **kw):
    return subprocess.run([PLANCHECK, *args], capture_output=True, timeout=300, **kw)


COMMANDS = [
    ["check", "--lang", "en", PLANS],
    ["check", "--lang", "en", "--format", "sarif", PLANS],
    ["check", "--lang", "en", "--format", "jsonl", PLANS],
    ["check", "--lang", "en", "--format", "github", PLANS],
    ["check", "--lang", "en", "--format", "html", PLANS],
    ["check", "--lang", "en", "--format", "csv", PLANS],
    ["extract", "--lang", "en", ONE],
    ["extract", "--lang", "en", "--format", "text", PLANS],
    ["rules", "list", "--lang", "en"],
    ["explain", "--lang", "en", "tw-35-2024/grassroots-deadline"],
    ["config", "--lang", "en", SAMPLES],
]

# A full disk: every write fails with ENOSPC.
if os.path.exists("/dev/full"):
    for args in COMMANDS:
        with open("/dev/full", "wb") as full:
            r = subprocess.run([PLANCHECK, *args], stdout=full, stderr=subprocess.PIPE, timeout=300)
        err = r.stderr.decode()
        check(r.returncode == 2 and "could not write the report to standard output" in err,
              f"full disk: `{' '.join(args[:2])}` exits 2 and says so ({r.returncode}, {err.strip()[:80]})")

# A closed standard output.
for args in COMMANDS:
    r = subprocess.run([PLANCHECK, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300,
                       preexec_fn=lambda: os.close(1))
    err = r.stderr.decode()
    check(r.returncode == 2 and "the output is closed" in err,
          f"closed stdout: `{' '.join(args[:2])}` exits 2 and says so ({r.returncode}, {err.strip()[:80]})")

with tempfile.TemporaryDirectory() as d:
    # -o writes the whole report, the same as standard output, and leaves nothing else.
    out = os.path.join(d, "r.sarif")
    r = run(["check", "--format", "sarif", "-o", out, PLANS])
    direct = run(["check", "--format", "sarif", PLANS])
    check(r.returncode == direct.returncode and r.stdout == b"" and open(out, "rb").read() == direct.stdout,
          "-o FILE holds exactly what standard output would")
    check(sorted(os.listdir(d)) == ["r.sarif"], f"-o leaves no temporary file ({os.listdir(d)})")
    r = run(["extract", "--format", "jsonl", "--output", os.path.join(d, "x.jsonl"), ONE])
    check(r.returncode == 0 and open(os.path.join(d, "x.jsonl"), "rb").read() == run(["extract", "--format", "jsonl", ONE]).stdout,
          "extract --output FILE")

    # Never onto an input.
    victim = os.path.join(d, "ke-hoach.txt")
    shutil.copyfile(ONE, victim)
    before = open(victim, "rb").read()
    r = run(["check", "--lang", "en", "-o", victim, victim])
    check(r.returncode == 2 and open(victim, "rb").read() == before and "over the input" in r.stderr.decode(),
          "-o onto an input is refused and the input is untouched")

    # A folder that cannot be written to: a clear error, exit 2.
    r = run(["check", "--lang", "en", "-o", os.path.join(d, "nowhere", "r.txt"), ONE])
    check(r.returncode == 2 and "cannot create the report file" in r.stderr.decode(), "-o into a missing folder")

    # Interrupted: the target keeps what it held, and no temporary file is
    # left. The run waits on standard input (a pipe kept open), so the signal
    # reaches it while the report is being written, every time.
    target = os.path.join(d, "report.txt")
    open(target, "w").write("the previous report\n")
    p = subprocess.Popen([PLANCHECK, "check", "--no-progress", "-o", target, "-"],
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    p.stdin.write(open(ONE, "rb").read())
    p.stdin.flush()
    deadline = time.time() + 30
    while time.time() < deadline and not [f for f in os.listdir(d) if f.startswith(".report.txt")]:
        time.sleep(0.01)
    check(bool([f for f in os.listdir(d) if f.startswith(".report.txt")]), "-o writes to a temporary file first")
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=60)
    p.stdin.close()
    check(p.returncode == -signal.SIGTERM, f"-o interrupted: the run ends by the signal ({p.returncode})")
    check(open(target).read() == "the previous report\n", "-o interrupted: the target keeps what it held")
    leftovers = [f for f in os.listdir(d) if f.startswith(".report.txt")]
    check(not leftovers, f"-o interrupted: no temporary file left ({leftovers})")

# Text of a plan and file names reach a terminal or a log only as visible
# escapes: no escape sequence runs, no newline in a name forges a line.
with tempfile.TemporaryDirectory() as d:
    plan = ("Kế hoạch của Huyện ủy Lâm Hà nhiệm kỳ 2025 - 2030.\n"
            "Đại hội đảng bộ cơ sở hoàn thành trong tháng 7/2025 \x1b]0;PWNED\x07\x1b[2J \x1b[8mẩn\x1b[0m.\n")
    forged = "b\nx.txt:1:1: error: forged.txt"
    for name in ("a.txt", forged):
        open(os.path.join(d, name), "w", encoding="utf-8").write(plan)
    for fmt in ("text", "github"):
        r = run(["check", "--lang", "en", "--color", "never", "--format", fmt, d])
        out = r.stdout.decode("utf-8", "replace") + r.stderr.decode("utf-8", "replace")
        check(b"\x1b" not in r.stdout and b"\x07" not in r.stdout and b"\x1b" not in r.stderr,
              f"{fmt}: no escape character of the plan reaches the output")
        if fmt == "text":  # (github messages quote no plan line: nothing to show there)
            check("\\x1b]0;PWNED\\x07" in out, "text: the escape is shown as \\x1b in the snippet")
        check(not any(l.startswith("x.txt:1:1") for l in out.splitlines()),
              f"{fmt}: a newline in a file name does not start a line of its own")
    r = run(["extract", "--format", "text", os.path.join(d, forged)])
    check(b"\x1b" not in r.stdout and "b\\nx.txt:1:1" in r.stdout.decode().splitlines()[0],
          "extract text: the name and the text shown escaped")

# SARIF over 40,000 files: every file an artifact, results streamed (memory
# that does not hold them), and a run with an unreadable file not "successful".
with tempfile.TemporaryDirectory() as d:
    first = os.path.join(d, "00000.txt")
    open(first, "w", encoding="utf-8").write("Đại hội đảng bộ cơ sở nhiệm kỳ 2025 - 2030 hoàn thành trong tháng 7/2025.\n")
    for i in range(1, 40000):
        os.link(first, os.path.join(d, f"{i:05d}.txt"))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from measure import peak_rss_mb
    out = os.path.join(d, "r.sarif")
    # --no-batch-plans: the SARIF writer's own memory (a batch holds each
    # plan's schedule until its higher plans are known: batch_cli measures that).
    rss = peak_rss_mb([PLANCHECK, "check", "--no-progress", "--no-batch-plans", "--format", "sarif", "-j2", "-o", out, d])
    run_ = json.load(open(out, encoding="utf-8"))["runs"][0]
    check(len(run_["artifacts"]) == 40000 and len(run_["results"]) == 40000 and
          run_["invocations"][0]["executionSuccessful"] is True,
          "SARIF over 40,000 files: every file an artifact, every result there")
    if os.environ.get("PLANCHECK_SANITIZED") != "1":  # the sanitizers' own memory is not ours
        check(rss < 120, f"SARIF over 40,000 files: results streamed, not held ({rss:.0f} MB peak)")
    os.unlink(out)
    open(os.path.join(d, "hong.txt"), "wb").write(b"\xff\xfe\x00")
    r = run(["check", "--format", "sarif", os.path.join(d, "hong.txt"), first])
    inv = json.loads(r.stdout)["runs"][0]["invocations"][0]
    check(r.returncode == 1 and inv["executionSuccessful"] is False and inv["toolExecutionNotifications"],
          "SARIF: a file that could not be read makes the run not successful")

# Every report says which settings file and which of the user's rule files
# it was made under.
with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, ".git"))
    os.makedirs(os.path.join(d, "luat"))
    shutil.copyfile(ONE, os.path.join(d, "a.txt"))
    rules = open(os.path.join(os.path.dirname(SAMPLES), "rules", "ha-tinh-2024.toml"), encoding="utf-8").read()
    open(os.path.join(d, "luat", "x.toml"), "w", encoding="utf-8").write(rules.replace('id = "ha-tinh-2024"', 'id = "x-2024"'))
    open(os.path.join(d, ".plancheck.toml"), "w").write('rules = ["luat"]\n')
    settings, rule_file = os.path.join(d, ".plancheck.toml"), os.path.join(d, "luat", "x.toml")
    r = run(["check", "--lang", "en", "."], cwd=d)
    out = r.stdout.decode()
    check(f"Settings: {settings}" in out and f"Rule files: {rule_file}" in out,
          "text: the summary names the settings file and the rule files")
    summary = json.loads(run(["check", "--format", "json", "."], cwd=d).stdout)["summary"]
    check(summary["settings_files"] == [settings] and summary["rule_files"] == [rule_file],
          "json: the summary names the settings file and the rule files")
    props = json.loads(run(["check", "--format", "sarif", "."], cwd=d).stdout)["runs"][0]["invocations"][0]["properties"]
    check(props == {"settingsFiles": [settings], "ruleFiles": [rule_file]},
          "sarif: the invocation names the settings file and the rule files")
    open(os.path.join(d, ".plancheck.toml"), "w").write('rules = ["luat"]\nruleset = "khong-co"\n')
    r = run(["check", "--lang", "en", "."], cwd=d)
    check(r.returncode == 2 and f"{settings}:2:11: no rule set 'khong-co'".encode() in r.stderr,
          f"a ruleset in the settings that does not exist is located ({r.stderr[:120]})")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
