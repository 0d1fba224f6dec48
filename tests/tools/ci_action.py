#!/usr/bin/env python3
"""The CI integrations as CI runs them. The GitHub Action (action.yml): its
shell steps run in order as a runner would — inputs and `${{ … }}`
expressions substituted, GITHUB_PATH and GITHUB_OUTPUT honoured, the
`uses:` upload step skipped — with the .deb cpack makes from this build:
the SARIF is written and valid, the step fails on findings only when
asked. The pre-commit hook (.pre-commit-hooks.yaml): its `files` pattern
picks the plans and its entry, given them as pre-commit gives them, checks
them. The example workflow parses and uses the action.

usage: ci_action.py PLANCHECK BUILD_DIR SOURCE_DIR CPACK
Exits 77 (skipped) without python3-yaml or dpkg-deb.
"""
import json, os, re, shlex, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

PLANCHECK, BUILD, SOURCE, CPACK = (os.path.abspath(a) for a in sys.argv[1:5])
try:
    import yaml
except ImportError:
    print("skipped: python3-yaml is not installed (scripts/deps.sh installs it)")
    sys.exit(77)
if not shutil.which("dpkg-deb"):
    print("skipped: dpkg-deb is not installed")
    sys.exit(77)

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


action = yaml.safe_load(open(os.path.join(SOURCE, "action.yml")))
check(action["runs"]["using"] == "composite", "action.yml is a composite action")
check({"paths", "args", "deb"} <= set(action["inputs"]), "inputs: paths, args, deb")
uploads = [s for s in action["runs"]["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
check(len(uploads) == 1, "one step uploads the SARIF to code scanning")


def run_action(workspace, tmp, inputs):
    """Runs the action's shell steps; returns (exit status of the first failing step or 0, outputs)."""
    values = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    values.update(inputs)
    runner_temp = os.path.join(tmp, "runner-temp")
    os.makedirs(runner_temp, exist_ok=True)
    github_path = os.path.join(tmp, "github-path")
    open(github_path, "w").close()
    outputs = {}
    path = os.environ["PATH"]
    # A runner's PATH, without the build's plancheck: the action installs its own.
    path = ":".join(p for p in path.split(":") if not os.path.exists(os.path.join(p, "plancheck")))

    def expand(text):
        def one(m):
            e = m.group(1).strip()
            if (k := re.fullmatch(r"inputs\.([\w-]+)", e)):
                return values[k.group(1)]
            if e == "github.action_path":
                return SOURCE
            if e == "runner.temp":
                return runner_temp
            if (k := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", e)):
                return outputs.get(k.group(1), {}).get(k.group(2), "")
            raise ValueError(f"expression the test does not know: {e}")
        return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))

    for step in action["runs"]["steps"]:
        if "uses" in step:
            continue
        check(step.get("shell") == "bash", f"step '{step['name']}' runs in bash")
        output_file = os.path.join(tmp, "github-output")
        open(output_file, "w").close()
        env = {k: v for k, v in os.environ.items() if k not in ("PLANCHECK_LANG",)}
        extra = [l.strip() for l in open(github_path) if l.strip()]
        env.update(PATH=":".join(extra[::-1] + [path]), GITHUB_PATH=github_path, GITHUB_OUTPUT=output_file,
                   RUNNER_TEMP=runner_temp, GITHUB_ACTION_PATH=SOURCE)
        env.update({k: expand(v) for k, v in step.get("env", {}).items()})
        # As the runner runs a `shell: bash` step.
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step["run"])],
                           cwd=workspace, env=env, capture_output=True, text=True, timeout=300)
        print(f"  step '{step['name']}': exit {r.returncode}\n" + "".join("    " + l + "\n" for l in (r.stdout + r.stderr).splitlines()[-6:]))
        if "id" in step:
            outputs[step["id"]] = dict(l.split("=", 1) for l in open(output_file).read().splitlines() if "=" in l)
        if r.returncode != 0:
            return r.returncode, outputs
    return 0, outputs


with tempfile.TemporaryDirectory() as tmp:
    r = subprocess.run([CPACK, "-G", "DEB", "-B", os.path.join(tmp, "deb"), "--config",
                        os.path.join(BUILD, "CPackConfig.cmake")], cwd=BUILD, capture_output=True, text=True)
    debs = [os.path.join(tmp, "deb", f) for f in os.listdir(os.path.join(tmp, "deb")) if f.endswith(".deb")]
    check(r.returncode == 0 and len(debs) == 1, "cpack makes the .deb the action installs")
    if not debs:
        sys.exit(1)

    # A repository of drafts: one plan late against its directive, one on time.
    workspace = os.path.join(tmp, "repo")
    os.makedirs(os.path.join(workspace, "ke-hoach"))
    late = os.path.join(SOURCE, "samples/check/c02-tinh-gia-lai-tre-han.txt")
    clean = os.path.join(SOURCE, "samples/check/c11-huyen-dung-han-dung-loi.txt")
    shutil.copy(late, os.path.join(workspace, "ke-hoach", "tre-han.txt"))
    shutil.copy(clean, os.path.join(workspace, "ke-hoach", "dung-han.txt"))

    status, outputs = run_action(workspace, os.path.join(tmp, "run1"),
                                 {"paths": "ke-hoach", "args": "--lang en", "deb": debs[0]})
    sarif_path = os.path.join(workspace, "plancheck.sarif")
    check(outputs.get("check", {}).get("sarif") == "plancheck.sarif", f"output sarif ({outputs})")
    check(outputs.get("check", {}).get("exit-code") == "1", "output exit-code: 1, a plan is late")
    check(status == 1, f"the action fails on the findings once the report is written (exit {status})")
    try:
        sarif = json.load(open(sarif_path))
    except (OSError, ValueError) as e:
        sarif = None
        check(False, f"the SARIF is valid JSON ({e})")
    if sarif:
        results = sarif["runs"][0]["results"]
        files = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        check(sarif["version"] == "2.1.0" and results, f"SARIF 2.1.0 with results ({len(results)})")
        check(any("tre-han.txt" in f for f in files) and not any("dung-han.txt" in f for f in files),
              f"the findings are the late plan's ({sorted(files)})")
        # What the upload step is given exists.
        check(os.path.exists(os.path.join(workspace, outputs["check"]["sarif"])), "the upload step's sarif_file exists")

    os.remove(sarif_path)
    status, outputs = run_action(workspace, os.path.join(tmp, "run2"),
                                 {"paths": "ke-hoach/dung-han.txt", "deb": debs[0]})
    check(status == 0 and outputs.get("check", {}).get("exit-code") == "0" and os.path.exists(sarif_path),
          f"a clean plan: exit 0, the SARIF written ({status}, {outputs})")
    status, _ = run_action(workspace, os.path.join(tmp, "run3"),
                           {"paths": "ke-hoach", "deb": debs[0], "fail-on-findings": "false"})
    check(status == 0, f"fail-on-findings: false reports without failing ({status})")
    status, _ = run_action(workspace, os.path.join(tmp, "run4"), {"paths": "khong-co", "deb": debs[0]})
    check(status == 2, f"a path that does not exist fails the check step with 2 ({status})")

    # pre-commit: the hook's files pattern and entry, with the staged files as arguments.
    hooks = yaml.safe_load(open(os.path.join(SOURCE, ".pre-commit-hooks.yaml")))
    hook = next(h for h in hooks if h["id"] == "plancheck")
    check(hook["language"] == "system" and hook["entry"] == "plancheck check", "hook plancheck: system, plancheck check")
    pattern = re.compile(hook["files"])
    names = ["ke-hoach/a.txt", "ke-hoach/b.docx", "b.html", "c.htm", "d.pdf", "e.toml", "f.json", "g.png"]
    picked = [n for n in names if pattern.search(n)]
    check(picked == names[:5], f"files: .txt .docx .html .htm .pdf ({picked})")
    entry = shlex.split(hook["entry"])
    entry[0] = PLANCHECK
    for name, want in (("ke-hoach/tre-han.txt", 1), ("ke-hoach/dung-han.txt", 0)):
        r = subprocess.run(entry + [name], cwd=workspace, capture_output=True, text=True)
        check(r.returncode == want, f"the hook on {name} exits {want} ({r.returncode})")

    # The example workflow uses the action and may upload.
    workflow = yaml.safe_load(open(os.path.join(SOURCE, "docs/ci/github-workflow.yml")))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    jobs = list(workflow["jobs"].values())
    check(any("plancheck" in s.get("uses", "") for s in steps), "docs/ci/github-workflow.yml uses the action")
    check(all(j.get("permissions", {}).get("security-events") == "write" for j in jobs),
          "its job may write code scanning alerts")

# The example .gitlab-ci.yml: its script run as GitLab runs it (one shell,
# errexit), with the built command as `plancheck`, on a folder of plans.
gitlab = yaml.safe_load(open(os.path.join(SOURCE, "docs/ci/gitlab-ci.yml")))["plancheck"]
reports = gitlab["artifacts"]["reports"]
with tempfile.TemporaryDirectory() as work:
    os.makedirs(os.path.join(work, "ke-hoach"))
    os.makedirs(os.path.join(work, "bin"))
    os.symlink(PLANCHECK, os.path.join(work, "bin", "plancheck"))
    for name in ("c01-huyen-lam-ha-tre-han.txt", "c11-huyen-dung-han-dung-loi.txt"):
        shutil.copy(os.path.join(SOURCE, "samples", "check", name), os.path.join(work, "ke-hoach", name))
    env = dict(os.environ, PATH=os.path.join(work, "bin") + os.pathsep + os.environ["PATH"])
    r = subprocess.run(["bash", "-eo", "pipefail", "-c", "\n".join(gitlab["script"])], cwd=work, env=env,
                       capture_output=True, timeout=120)
    check(r.returncode == 1, f"docs/ci/gitlab-ci.yml: the job fails on c01's findings ({r.returncode})")
    cq = os.path.join(work, reports["codequality"])
    issues = json.load(open(cq)) if os.path.exists(cq) else []
    check(any(i["location"]["path"] == "ke-hoach/c01-huyen-lam-ha-tre-han.txt" for i in issues),
          f"its Code Quality report names c01's findings ({len(issues)} issue(s))")
    ju = os.path.join(work, reports["junit"])
    check(os.path.exists(ju) and ET.parse(ju).getroot().tag == "testsuites", "its JUnit report is written")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
