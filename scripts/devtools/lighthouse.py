"""Lighthouse 12.2.3 (from npm; later versions need Node 22) run on Debian's Chromium."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

from explainer import ROOT
from .harness import CHROMIUM, CHROMIUM_ARGS

TOOLS = ROOT / ".tools"
CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def ensure_installed() -> None:
    """npm install lighthouse@12.2.3 into .tools/ (once)."""
    if CLI.exists():
        return
    if not shutil.which("npm"):
        raise SystemExit("Lighthouse needs Node.js and npm: apt-get install nodejs npm")
    TOOLS.mkdir(exist_ok=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", f"lighthouse@{VERSION}"], cwd=TOOLS, check=True)


def run(url: str) -> dict:
    """One Lighthouse run with mobile settings (its default); the JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        ["node", str(CLI), url, "--output=json", "--quiet", f"--chrome-flags={flags}",
         "--only-categories=" + ",".join(CATEGORIES)],
        capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout)


def scores(report: dict) -> dict[str, int]:
    """{category: 0–100}."""
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def failing_audits(report: dict) -> list[str]:
    """The audits that did not pass, so a report says what to fix."""
    return [f"{a['id']}: {a['title']}" for a in report["audits"].values()
            if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
