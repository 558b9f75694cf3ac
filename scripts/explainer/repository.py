"""Where readers report errors: the site's repository and a corrections address.

The repository is `build.py --repo-url`, else `repo_url` in mkdocs.yml. That one
is a placeholder (github.com/example/…) until a deployment names its own: a build
that links it would send readers to someone else's issues. So when no real
repository is given, the build takes it from `git remote get-url origin` when that
is a GitHub remote, else leaves every GitHub link out (the header's repository
link, "Report an error on this page", the sources and updates pages' link), and
says which in one line of its output.

The corrections address (`build.py --corrections-email`, else
`extra.corrections_email` in mkdocs.yml, empty by default) adds a second channel
beside the report link on every page: a prefilled e-mail (explainer/report.py).
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from . import ROOT
from .errors import ContentError

PLACEHOLDER = re.compile(r"^https?://github\.com/example/", re.I)
GITHUB_REMOTE = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)(?P<path>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")
EMAIL = re.compile(r"[^@\s<>\"'?&]+@[^@\s<>\"'?&]+\.[^@\s<>\"'?&]+")


def is_placeholder(url: str | None) -> bool:
    return bool(url) and bool(PLACEHOLDER.match(url))


def git_remote(cwd: Path = ROOT) -> str | None:
    """The GitHub repository `origin` points to, as https://github.com/owner/name; else None."""
    try:
        out = subprocess.run(["git", "remote", "get-url", "origin"], cwd=cwd, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    match = GITHUB_REMOTE.match(out.stdout.strip()) if out.returncode == 0 else None
    return f"https://github.com/{match.group('path')}" if match else None


def resolve_repo_url(given: str | None, configured: str | None, cwd: Path = ROOT) -> tuple[str, str]:
    """(the repository to link, "" for none; one line saying where it came from)."""
    if given:
        return given.rstrip("/"), f"Repository: {given.rstrip('/')} (--repo-url)"
    if configured and not is_placeholder(configured):
        return configured.rstrip("/"), f"Repository: {configured.rstrip('/')} (repo_url in mkdocs.yml)"
    remote = git_remote(cwd)
    if remote:
        return remote, f"Repository: {remote}, from `git remote get-url origin` (no --repo-url; mkdocs.yml's repo_url is a placeholder)"
    return "", ("Repository: none (no --repo-url, mkdocs.yml's repo_url is a placeholder and git's origin is not on GitHub): "
                "the pages link no repository and no report-an-error form")


def check_email(address: str, where: Path | None = None) -> str:
    address = (address or "").strip()
    if address and not EMAIL.fullmatch(address):
        raise ContentError(where, f"corrections address `{address}` is not an e-mail address: write it as name@example.org")
    return address
