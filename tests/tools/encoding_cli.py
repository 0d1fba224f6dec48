#!/usr/bin/env python3
"""Plans in legacy Vietnamese encodings through the command line (issue 19):
samples/encodings/ holds sample plans written in TCVN3, VNI-Windows, VISCII
and Windows-1258 by tests/tools/make_encoding_samples.py. Each is detected
and read as its UTF-8 original is — the same model, the same diagnostics
at the same lines — and says how it was read (a `decoded_from` notice in
the extraction, `encoding` in check's JSON, the text heading); `--encoding`
forces a reading; the committed samples are what the generator writes.

usage: encoding_cli.py PLANCHECK ENCODE_LEGACY SAMPLES_DIR
"""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_test  # noqa: E402
from cli_test import check, failures  # noqa: E402

PLANCHECK, ENCODER, SAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
HERE = os.path.dirname(os.path.abspath(__file__))
ENC_DIR = os.path.join(SAMPLES, "encodings")


def run(*args):
    return cli_test.run(PLANCHECK, *args)


def original_of(name):
    stem = name.split(".")[0]
    for sub in ("plans", "check"):
        p = os.path.join(SAMPLES, sub, stem + ".txt")
        if os.path.exists(p):
            return p
    raise SystemExit(f"no original for {name}")


def model(path, *extra):
    r = run("extract", "--format", "json", *extra, path)
    return r, (json.loads(r.stdout) if r.returncode == 0 and r.stdout else None)


def without_file(x):
    x = dict(x)
    x.pop("file", None)
    return x


samples = sorted(n for n in os.listdir(ENC_DIR) if n.endswith(".txt"))
check(len(samples) >= 6, f"{len(samples)} samples in legacy encodings")
for name in samples:
    path, enc = os.path.join(ENC_DIR, name), name.split(".")[-2]
    orig = original_of(name)
    raw = open(path, "rb").read()
    try:
        raw.decode("utf-8")
        check(False, f"{name} is not UTF-8")
    except UnicodeDecodeError:
        pass
    r, got = model(path)
    _, want = model(orig)
    check(got is not None, f"{name}: read (exit {r.returncode}, {r.stderr.decode(errors='replace').strip()[:120]})")
    if got is None:
        continue
    first = got["notices"][0] if got["notices"] else {}
    check(first.get("code") == "decoded_from" and first.get("text") == enc,
          f"{name}: said first to be read as {enc} ({first.get('code')} {first.get('text')})")
    got["notices"] = got["notices"][1:]
    check(without_file(got) == without_file(want), f"{name}: the same model as {os.path.basename(orig)}")
    # check: the same diagnostics, the encoding named in JSON and in the heading.
    cj = run("check", "--format", "json", path)
    oj = run("check", "--format", "json", orig)
    cd, od = json.loads(cj.stdout), json.loads(oj.stdout)
    key = lambda d: [(x["rule"], (x.get("span") or {}).get("line"), x["severity"]) for x in d["files"][0]["diagnostics"]]
    check(cj.returncode == oj.returncode and key(cd) == key(od),
          f"{name}: the same diagnostics as the original ({len(key(cd))}, exit {cj.returncode})")
    check(cd["files"][0].get("encoding") == enc and "encoding" not in od["files"][0],
          f"{name}: check's JSON says encoding {cd['files'][0].get('encoding')}")
    text = run("check", "--lang", "en", path).stdout.decode()
    check("not UTF-8: read as" in text.splitlines()[0], f"{name}: the text heading says how it was read")
    # Forced: UTF-8 refuses it naming the file; its own encoding reads it.
    u = run("extract", "--encoding", "utf-8", path)
    check(u.returncode == 2 and name in u.stderr.decode() and u.stdout == b"",
          f"{name}: --encoding utf-8 refuses it, naming the file (exit {u.returncode})")
    r2, forced = model(path, "--encoding", enc)
    check(forced is not None and without_file(forced) == without_file(dict(got, notices=[first] + got["notices"])),
          f"{name}: --encoding {enc} reads it as detection does")

# A reading forced in the wrong legacy encoding never crashes: it reads
# something (mojibake) and says what it was read as.
tcvn = [n for n in samples if ".tcvn3." in n]
if tcvn:
    r, x = model(os.path.join(ENC_DIR, tcvn[0]), "--encoding", "vni")
    check(r.returncode == 0 and x and x["notices"][0]["text"] == "vni", "a TCVN3 file forced as VNI: read, said so")
# A UTF-8 file forced as TCVN3 is read byte by byte in it, not refused.
r, x = model(original_of(samples[0]), "--encoding", "tcvn3")
check(r.returncode == 0 and x is not None, "a UTF-8 file forced as TCVN3: read without a crash")
# An encoding that does not exist is refused with the choices.
r = run("extract", "--encoding", "klingon", original_of(samples[0]))
check(r.returncode == 2 and b"tcvn3" in r.stderr, "an unknown --encoding is refused, listing the choices")

# The committed samples are what the generator writes.
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, os.path.join(HERE, "make_encoding_samples.py"), ENCODER, SAMPLES, tmp], check=True)
    made = sorted(os.listdir(tmp))
    check(made == samples, f"the generator writes the committed set ({len(made)})")
    for n in made:
        check(open(os.path.join(tmp, n), "rb").read() == open(os.path.join(ENC_DIR, n), "rb").read(),
              f"{n}: as committed")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
