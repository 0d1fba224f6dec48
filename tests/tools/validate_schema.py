#!/usr/bin/env python3
"""Validates real `plancheck extract --format jsonl` output against
docs/extract.schema.json (and checks each span's text against the file).

usage: validate_schema.py PLANCHECK SCHEMA FILE...
"""
import json, subprocess, sys
import jsonschema

def main():
    plancheck, schema_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    run = subprocess.run([plancheck, "extract", "--format", "jsonl", *files], capture_output=True, check=True)
    lines = [l for l in run.stdout.decode("utf-8").splitlines() if l.strip()]
    if len(lines) != len(files):
        print(f"expected {len(files)} objects, got {len(lines)}"); sys.exit(1)
    errors = 0
    for line in lines:
        obj = json.loads(line)
        for e in validator.iter_errors(obj):
            errors += 1
            print(f"{obj['file']}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        for t in obj["times"]:
            if t["period"]["start"] > t["period"]["end"]:
                errors += 1
                print(f"{obj['file']}: period ends before it starts: {t}")
    print(f"{len(lines)} outputs validated, {errors} errors")
    sys.exit(1 if errors else 0)

main()
