"""The deploy workflow passes the two GitHub Actions linters with nothing to report:
zizmor (security: permissions, credentials, pinning, injection) and actionlint
(syntax, expressions, shell)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from devtools import actionlint
from explainer import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).parent / "zizmor"
    assert zizmor.exists(), "zizmor is missing: pip install --require-hashes -r requirements-dev.txt"
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing():
    actionlint.ensure_installed()
    assert actionlint.lint(WORKFLOWS) == []


def test_only_the_deploy_job_may_publish():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow.get("permissions") in ({}, {"contents": "read"}), f"{path.name}: top-level permissions grant more than reading"
        for name, job in workflow["jobs"].items():
            granted = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
            assert granted <= ({"pages", "id-token"} if name == "deploy" else set()), f"{path.name}: job `{name}` may write {granted}"
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert (step.get("with") or {}).get("persist-credentials") is False, f"{path.name}: job `{name}` keeps the token in .git/"
