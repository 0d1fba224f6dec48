#!/usr/bin/env python3
"""`plancheck check --format sarif`: validates the log against the published
SARIF 2.1.0 schema and checks that every region points at the text its
snippet quotes (the user's own text there, byte for byte), in the unit columnKind declares.

Vietnamese makes byte and code-point columns differ; a character outside the
BMP (an emoji someone pasted into a draft) makes code-point and UTF-16
columns differ. A plan with both is written to a temporary folder, and the
log is checked in both column kinds.

usage: sarif_check.py PLANCHECK SHARED_DIR SAMPLE_FILE...
exit 77 (skipped) when SHARED_DIR has no schema.
"""
import json, os, subprocess, sys, tempfile, urllib.parse
import jsonschema

# A plan line where the violating time stands after Vietnamese letters and
# an emoji: byte column 112, code-point column 95, UTF-16 column 96.
ASTRAL_PLAN = (
    "Kế hoạch số 12-KH/ĐU ngày 10/10/2024 của Đảng ủy xã Tân Phú về đại hội nhiệm kỳ 2025 - 2030.\n"
    "📅 Lịch: Đại hội các chi bộ trực thuộc xong trong tháng 3/2025; "
    "đại hội đảng bộ xã hoàn thành trong tháng 7/2025.\n"
)


def columns_of(line, index, kind):
    """1-based column of code-point index `index` of `line` in `kind`."""
    if kind == "unicodeCodePoints":
        return index + 1
    return len(line[:index].encode("utf-16-le")) // 2 + 1


def index_of(line, column, kind):
    """Code-point index in `line` of a 1-based column in `kind`."""
    if kind == "unicodeCodePoints":
        return column - 1
    units = 0
    for i, ch in enumerate(line):
        if units == column - 1:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def run(plancheck, files, extra):
    p = subprocess.run([plancheck, "check", "--format", "sarif", *extra, *files], capture_output=True)
    # 2: the missing file among them could not be read (the log still reports it).
    if p.returncode not in (0, 1, 2) or not p.stdout:
        print(p.stderr.decode("utf-8", "replace"))
        sys.exit(1)
    return json.loads(p.stdout.decode("utf-8"))


def main():
    plancheck, shared = sys.argv[1], sys.argv[2]
    samples = sys.argv[3:]
    schema_path = os.path.join(shared, "schemas", "sarif-schema-2.1.0.json")
    if not os.path.exists(schema_path):
        print(f"skipped: {schema_path} is not there")
        sys.exit(77)
    schema = json.load(open(schema_path, encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    failures = []

    with tempfile.TemporaryDirectory() as tmp:
        astral = os.path.join(tmp, "xã tân phú.txt")  # a space and Vietnamese in the URI
        open(astral, "w", encoding="utf-8").write(ASTRAL_PLAN)
        missing = os.path.join(tmp, "không-có.txt")
        files = samples + [astral, missing]
        for kind, flag in (("utf16CodeUnits", "utf16"), ("unicodeCodePoints", "code-points")):
            log = run(plancheck, files, ["--sarif-columns", flag])
            for e in validator.iter_errors(log):
                failures.append(f"{kind}: schema: {'/'.join(map(str, e.absolute_path))}: {e.message}")
            r = log["runs"][0]
            if r.get("columnKind") != kind:
                failures.append(f"columnKind is {r.get('columnKind')}, want {kind}")
            rules = r["tool"]["driver"]["rules"]
            seen_astral = False
            for res in r["results"]:
                if rules[res["ruleIndex"]]["id"] != res["ruleId"]:
                    failures.append(f"ruleIndex {res['ruleIndex']} is not {res['ruleId']}")
                if not res.get("partialFingerprints", {}).get("plancheck/v1"):
                    failures.append(f"{res['ruleId']}: no partialFingerprints")
                loc = res["locations"][0]["physicalLocation"]
                uri = loc["artifactLocation"]["uri"]
                if " " in uri or any(ord(c) > 127 for c in uri):
                    failures.append(f"URI not percent-encoded: {uri}")
                region = loc.get("region")
                if not region:
                    continue
                path = r["artifacts"][loc["artifactLocation"]["index"]]["location"]["uri"]
                path = urllib.parse.unquote(path.removeprefix("file://"))
                raw = open(path, "rb").read()
                text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
                lines = text.replace("\r\n", "\n").split("\n")
                if region["startLine"] != region["endLine"]:
                    continue
                line = lines[region["startLine"] - 1]
                a = index_of(line, region["startColumn"], kind)
                b = index_of(line, region["endColumn"], kind)
                quoted = line[a:b]
                if path == astral:
                    seen_astral = True
                    byte_col = len(line[:a].encode("utf-8")) + 1
                    cp_col, u16_col = a + 1, columns_of(line, a, "utf16CodeUnits")
                    if not (byte_col != cp_col != u16_col):
                        failures.append(f"test plan does not separate the column kinds: {byte_col} {cp_col} {u16_col}")
                if quoted != region["snippet"]["text"]:
                    failures.append(f"{kind}: {path}:{region['startLine']}:{region['startColumn']}: region quotes "
                                    f"{quoted!r}, snippet is {region['snippet']['text']!r}")
            if not seen_astral:
                failures.append(f"{kind}: no result in the plan with an emoji (expected a grassroots deadline)")
            notes = r["invocations"][0].get("toolExecutionNotifications", [])
            if not any("không-có" in n["message"]["text"] for n in notes):
                failures.append(f"{kind}: the missing file is not reported as a notification")
    for f in failures:
        print(f)
    print(f"sarif: {len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
