"""What the command-line tests share: a check that prints ok/FAIL and keeps
the failures, and a run of plancheck that captures its output."""
import subprocess

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    print(("ok   " if cond else "FAIL ") + what)


def run(plancheck, *args, cwd=None):
    return subprocess.run([plancheck, *args], capture_output=True, cwd=cwd)
