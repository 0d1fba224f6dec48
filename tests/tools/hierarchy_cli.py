#!/usr/bin/env python3
"""Plans of one batch as limits for each other (issue 24), on samples/hierarchy:
- the district plan that ends grassroots congresses on 30/6/2025 is held to
  its province's 31/5/2025 (a finding named by the province plan's rule, with
  the province's sentence as the related location: JSON limit.source, SARIF
  relatedLocations) and not to the other province's plan of the same number;
- chains: the commune plan is held to its district's plan, which extends the
  province's;
- the same output whatever the order of the inputs and --jobs;
- `rules derive` of the province plan, given with --rules, gives the district
  plan the same findings as the batch does;
- plans citing each other: a warning, neither followed;
- the same plan in two files (a copy): followed once, no warning.
- a higher plan in a legacy encoding is followed;
- the HTML report names each plan's higher documents.
usage: hierarchy_cli.py PLANCHECK SAMPLES_DIR [ENCODE_LEGACY]
"""
import json, os, shutil, subprocess, sys, tempfile

from cli_test import check, failures, run


def findings(report):
    return {f["file"]: sorted((d["rule"], d["severity"], d["span"]["line"] if d["span"] else 0)
                              for d in f["diagnostics"]) for f in report["files"]}


def main():
    plancheck, samples = (os.path.abspath(a) for a in sys.argv[1:3])
    encoder = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
    folder = os.path.join(samples, "hierarchy")
    plans = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
    province, district_ok, district_late, commune, other = plans
    r = run(plancheck, "check", "--format", "json", *plans)
    check(r.returncode == 1, f"the batch has errors: exit 1 ({r.returncode})")
    report = json.loads(r.stdout)
    files = {f["file"]: f for f in report["files"]}
    late = files[district_late]
    rules = [d["rule"] for d in late["diagnostics"] if d["severity"] == "error"]
    check(any(r_.endswith("/grassroots-deadline") and r_.startswith("318-kh-tu-2024") for r_ in rules),
          f"the late district plan is held to its province's grassroots deadline ({rules})")
    d = next(d for d in late["diagnostics"] if d["rule"].endswith("/grassroots-deadline"))
    src = d["limit"].get("source", {})
    check(src.get("file") == province and src.get("line", 0) > 0,
          f"the finding gives the province's sentence as its source ({src})")
    with open(province, encoding="utf-8") as f:
        line = f.read().splitlines()[src.get("line", 1) - 1]
    check("31/5/2025" in line, f"that line states the limit: {line!r}")
    parents = [p["file"] for p in late["parents"]]
    check(province in parents and other not in parents, f"parents: the province plan, not the other province's ({parents})")
    commune_sets = files[commune]["rulesets"]
    check(commune_sets[0].startswith("205-kh-hu-2024") and any(s.startswith("318-kh-tu-2024") for s in commune_sets),
          f"the commune plan: its district's plan, and through it the province's ({commune_sets})")
    check(any(d["rule"].startswith("205-kh-hu-2024/") and d["severity"] == "error"
              for d in files[commune]["diagnostics"]), "the commune plan breaks its district's branch deadline")
    check(not [d for d in files[district_ok]["diagnostics"] if d["severity"] == "error"],
          "the district plan within its province's schedule: no error")
    held = {h["file"]: h["held"] for h in report["summary"].get("higher_plans", [])}
    check(held.get(province) == [district_ok, district_late, commune],
          f"the summary: what the province plan held, the commune plan through its district's ({held})")

    # SARIF: the province's sentence as the related location, parents on the artifact.
    sarif = json.loads(run(plancheck, "check", "--format", "sarif", *plans).stdout)["runs"][0]
    results = [r_ for r_ in sarif["results"] if r_["ruleId"].startswith("318-kh-tu-2024")]
    rel = [loc for r_ in results for loc in r_.get("relatedLocations", [])]
    check(len(results) >= 2 and len(rel) == len(results) and
          all(loc["physicalLocation"]["artifactLocation"]["uri"].endswith("01-tinh-quang-binh.txt") for loc in rel),
          f"SARIF: each province-limit result's relatedLocations is the province plan ({len(results)}, {len(rel)})")
    arts = [a for a in sarif["artifacts"] if a["location"]["uri"].endswith("03-huyen-le-thuy-tre-han.txt")]
    check(arts and any(p["file"] == province for p in arts[0].get("properties", {}).get("parents", [])),
          "SARIF: the late district's artifact names the province plan among its parents")

    # Order and jobs do not change a byte.
    base = run(plancheck, "check", "--format", "json", "--jobs", "1", *plans).stdout
    for args in (["--jobs", "2", *plans], ["--jobs", "1", *reversed(plans)], ["--jobs", "2", *reversed(plans)]):
        out = run(plancheck, "check", "--format", "json", *args).stdout
        a, b = json.loads(base), json.loads(out)
        for s in (a["summary"], b["summary"]):
            s["most_errors"].sort(key=lambda m: (-m["errors"], m["file"]))  # ties listed in input order
        same = findings(a) == findings(b) and a["summary"] == b["summary"]
        check(same, f"same findings and summary with {' '.join(args[:2])}{' reversed' if args[2] != plans[0] else ''}")
    check(run(plancheck, "check", "--format", "json", "--jobs", "2", *plans).stdout == base,
          "byte-identical with -j1 and -j2")

    with tempfile.TemporaryDirectory() as tmp:
        # `rules derive` + --rules = the batch (without the other province's
        # plan, whose number makes the batch name the set by its day).
        rules_file = os.path.join(tmp, "province.toml")
        r = run(plancheck, "rules", "derive", province, "-o", rules_file)
        check(r.returncode == 0, "rules derive of the province plan")
        alone = findings(json.loads(run(plancheck, "check", "--format", "json", "--rules", rules_file,
                                        district_late).stdout))
        pair = findings(json.loads(run(plancheck, "check", "--format", "json", province, district_late).stdout))
        check(alone.get(district_late) == pair.get(district_late),
              f"--rules with the derived file = the two plans in one batch ({alone.get(district_late)})")

        # Plans citing each other: not followed.
        a = os.path.join(tmp, "a.txt")
        b = os.path.join(tmp, "b.txt")
        with open(district_ok, encoding="utf-8") as f:
            text = f.read()
        with open(a, "w", encoding="utf-8") as f:
            f.write(text)
        with open(province, encoding="utf-8") as f:
            ptext = f.read()
        with open(b, "w", encoding="utf-8") as f:
            f.write(ptext.replace("Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị",
                                  "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị và Kế hoạch số "
                                  "205-KH/HU ngày 20/9/2024 của Ban Thường vụ Huyện ủy Bố Trạch"))
        r = run(plancheck, "check", "--format", "json", "--lang", "en", a, b)
        check(b"cite each other" in r.stderr, f"a cycle: warned ({r.stderr.decode()[:200]!r})")
        sets = [s for f in json.loads(r.stdout)["files"] for s in f["rulesets"]]
        check(not any(s.startswith(("205-kh", "318-kh")) for s in sets), f"a cycle: neither followed ({sets})")

        # The same plan twice: followed once, silently.
        copy = os.path.join(tmp, "copy-of-province.txt")
        shutil.copy(province, copy)
        r = run(plancheck, "check", "--format", "json", "--lang", "en", province, copy, district_late)
        check(b"more than once" not in r.stderr, "the same plan in two files: no warning")
        f = {x["file"]: x for x in json.loads(r.stdout)["files"]}[district_late]
        check(any(s.startswith("318-kh-tu-2024") for s in f["rulesets"]), "the same plan in two files: followed")

        # Two drafts of one identity that differ: warned, not followed.
        draft = os.path.join(tmp, "draft.txt")
        with open(draft, "w", encoding="utf-8") as f:
            f.write(ptext.replace("31/5/2025", "15/6/2025"))
        r = run(plancheck, "check", "--format", "json", "--lang", "en", province, draft, district_late)
        check(b"more than once" in r.stderr, "two different drafts of one plan: warned")
        f = {x["file"]: x for x in json.loads(r.stdout)["files"]}[district_late]
        check(not any(s.startswith("318-kh") for s in f["rulesets"]), f"two drafts: not followed ({f['rulesets']})")

        # A higher plan typed in a legacy encoding (TCVN3) is read as the
        # check reads it, decoded: the commune plan is held to it.
        if encoder:
            legacy = os.path.join(tmp, "02-tcvn3.txt")
            with open(district_ok, "rb") as f:
                encoded = subprocess.run([encoder, "tcvn3"], input=f.read(), capture_output=True, check=True).stdout
            with open(legacy, "wb") as f:
                f.write(encoded)
            r = run(plancheck, "check", "--format", "json", province, legacy, commune)
            f = {x["file"]: x for x in json.loads(r.stdout)["files"]}[commune]
            check(f["rulesets"][0].startswith("205-kh-hu-2024") and
                  any(p["file"] == legacy for p in f["parents"]),
                  f"a higher plan in TCVN3: followed ({f['rulesets']})")

    # The HTML report names each plan's higher documents, with their files.
    html = run(plancheck, "check", "--format", "html", *plans).stdout.decode()
    check("<dt>Văn bản cấp trên</dt>" in html and f"318-KH/TU ngày 6/9/2024 ({province})" in html,
          "html: a plan's higher documents, the province plan with its file")

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
