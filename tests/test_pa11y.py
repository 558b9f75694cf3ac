"""pa11y-ci (npm, locked in tests/npm/, installed into .tools/test by
scripts/dev.sh test) over every page of both languages and the 404 page, with its
default runner, HTML_CodeSniffer (WCAG 2 AA), driving Debian's Chromium through
Puppeteer's launch options: no browser is downloaded (PUPPETEER_SKIP_DOWNLOAD at
install). Zero errors.

axe-core, pa11y's other runner, already runs on every page in both colour schemes
(tests/test_accessibility.py); run here too it doubled this test's time. Run by
hand with "runners": ["axe", "htmlcs"] on 2026-12-07 it reported 0 errors but
one rule, `frame-tested` (axe could not look inside the newsletter's preview
<iframe>, the email edition, an e-mail checked by tests/test_email.py)."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, LANGS, ROOT, SLUGS, page_url_path

PA11Y_CI = ROOT / ".tools" / "test" / "node_modules" / "pa11y-ci" / "bin" / "pa11y-ci.js"


def test_pa11y_ci_finds_no_error_on_any_page(base_url, tmp_path):
    if not PA11Y_CI.exists():
        pytest.fail(f"{PA11Y_CI.relative_to(ROOT)} is missing: run scripts/dev.sh test (it installs tests/npm with npm)")
    node = shutil.which("node")
    assert node, "node is missing: apt-get install nodejs (scripts/dev.sh test installs it)"
    urls = [base_url + page_url_path(slug, lang) for lang in LANGS for slug in SLUGS] + [base_url + "404.html"]
    report = tmp_path / "pa11y.json"
    config = {
        "defaults": {
            "standard": "WCAG2AA",
            "runners": ["htmlcs"],
            "timeout": 120_000,
            "concurrency": 1,   # two tabs at once lose targets with Debian's Chromium ("No target with given id")
            "chromeLaunchConfig": {"executablePath": CHROMIUM, "args": CHROMIUM_ARGS},
            "reporters": [["json", {"fileName": str(report)}]],
        },
        "urls": urls,
    }
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run([node, str(PA11Y_CI), "--config", str(tmp_path / "config.json")],
                            capture_output=True, text=True, timeout=600)
    assert report.exists(), f"pa11y-ci wrote no report (exit {result.returncode}):\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["total"] == len(urls), found
    problems = [f"{url.removeprefix(base_url) or '/'}: [{issue.get('runner', '?')} {issue.get('code', '')}] {issue['message'][:160]}\n"
                f"    {(issue.get('context') or '')[:160]}"
                for url, issues in found["results"].items() for issue in issues]
    assert not problems, f"{len(problems)} pa11y-ci errors:\n" + "\n".join(problems[:40])
