"""Every built page is valid HTML by the Nu Html Checker (vnu.jar, from npm into
.tools/test by scripts/dev.sh test; it needs Java: Debian's default-jre-headless).
One JVM run checks all pages: the checker takes seconds to start, not per page.
No error is tolerated: Material's checkboxes with autocomplete="off" (not allowed
on a checkbox) are gone or fixed at build time (explainer/theme.py)."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT

VNU = ROOT / ".tools" / "test" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

def run_vnu(files: list[str]) -> list[dict]:
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run scripts/dev.sh test (it installs tests/npm with npm)")
    if not shutil.which("java"):
        pytest.fail("java is missing: apt-get install default-jre-headless (scripts/dev.sh test installs it)")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *files],
                            capture_output=True, text=True, timeout=600)
    try:
        return json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar did not report JSON (exit {result.returncode}): {result.stderr[-1000:]}")


def test_every_page_is_valid_html(site):
    # Web pages only: newsletter/email.html is an e-mail for mail programs, whose
    # Outlook-only markup (xmlns:v, mso-*) is deliberate and not HTML.
    files = sorted(str(p) for p in [*site.rglob("index.html"), site / "404.html"])
    assert len(files) >= 20, f"only {len(files)} HTML files in the built site"
    report = []
    for m in run_vnu(files):
        if m.get("type") in ("error", "non-document-error"):
            where = m.get("url", "").split(str(site))[-1]
            report.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()[:160]}")
    assert not report, "Nu Html Checker errors:\n" + "\n".join(report)


def test_the_checker_finds_an_error(tmp_path):
    """The test above can fail: a <div> after a <figcaption> inside <figure> (the
    bug this test was written for) is reported."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><title>x</title><figure><blockquote><p>q</p></blockquote>'
                   '<figcaption>c</figcaption><div>d</div></figure></html>', encoding="utf-8")
    messages = [m for m in run_vnu([str(bad)]) if m.get("type") == "error"]
    assert any("figure" in m["message"] or "figcaption" in m["message"] for m in messages), messages
