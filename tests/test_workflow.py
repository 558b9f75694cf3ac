"""Both workflows (deploy, weekly review) pass the two GitHub Actions linters with
nothing to report: zizmor (security: permissions, credentials, pinning, injection,
concurrency), also with its pedantic persona, and actionlint (syntax, expressions,
shell); each job may write only what it must."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from devtools import actionlint
from explainer import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


# What each job may write; every other job writes nothing.
MAY_WRITE = {"deploy": {"pages", "id-token"}, "review": {"issues"}}


@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_finds_nothing(persona):
    zizmor = Path(sys.executable).parent / "zizmor"
    assert zizmor.exists(), "zizmor is missing: pip install --require-hashes -r requirements-dev.txt"
    assert {p.name for p in WORKFLOWS} >= {"pages.yml", "review.yml"}
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", "--persona", persona, *map(str, WORKFLOWS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr, result.stdout + result.stderr


def test_actionlint_finds_nothing():
    actionlint.ensure_installed()
    assert actionlint.lint(WORKFLOWS) == []


def test_only_the_deploy_job_may_publish():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow.get("permissions") in ({}, {"contents": "read"}), f"{path.name}: top-level permissions grant more than reading"
        for name, job in workflow["jobs"].items():
            granted = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
            assert granted <= MAY_WRITE.get(name, set()), f"{path.name}: job `{name}` may write {granted}"
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert (step.get("with") or {}).get("persist-credentials") is False, f"{path.name}: job `{name}` keeps the token in .git/"


def test_every_workflow_runs_one_at_a_time():
    for path in WORKFLOWS:
        assert "concurrency" in yaml.safe_load(path.read_text(encoding="utf-8")), f"{path.name} has no concurrency:"


def test_the_weekly_review_opens_updates_and_closes_one_issue():
    """The schedule's result lands where maintainers see it: one issue, titled as
    scripts/review.py's body expects, opened or edited with its --markdown output,
    closed with a comment when nothing is due; issues: write for that job alone."""
    from explainer.review import ISSUE_TITLE

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"], "review.yml runs on a schedule"   # YAML 1.1 reads `on:` as True
    (job,) = workflow["jobs"].values()
    assert job["permissions"].get("issues") == "write"
    script = "\n".join(step.get("run", "") for step in job["steps"])
    env = {k: v for step in job["steps"] for k, v in (step.get("env") or {}).items()}
    assert env.get("TITLE") == ISSUE_TITLE
    assert "scripts/review.py --markdown" in script
    for command in ("gh issue create", "gh issue edit", "gh issue close", "--comment"):
        assert command in script, command
