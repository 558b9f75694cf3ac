"""What the tests and the tools (audit, screenshots, benchmark) share: build the site
into a temporary folder, serve it under /proj/ as GitHub Pages serves a project
site, and drive Debian's Chromium with the same settings everywhere."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from explainer import ROOT
from .preview import Preview

SUBPATH = "/proj/"
CHROMIUM = "/usr/bin/chromium"   # Debian's package; Playwright's own download is never used
# No sandbox: tests run as root in containers. No GPU, no background requests:
# nothing leaves the machine and nothing varies from run to run.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Any fixed date: two builds of the same sources must be byte-identical.
BUILD_DATE = "1764806400"


class BuildFailed(SystemExit):
    """The build refused the sources; carries its message (a tool exits with it)."""


# A repository other than mkdocs.yml's placeholder, as a real deployment passes
# (--repo-url): the tests check that it reaches every link.
REPO_URL = "https://github.com/acme/explainer"
# And a corrections address (--corrections-email), the second channel beside the report link.
CORRECTIONS_EMAIL = "corrections@acme.example"


def free_port() -> int:
    """A TCP port nothing listens on now, for a server of our own."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    """A page's text, or "" when it cannot be had (not up yet, refused, timed out)."""
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


# What a copy of the project needs to build: the tests and tools break or edit copies, never the tree.
PROJECT_PARTS = ("docs", "data", "overrides", "mkdocs.yml")   # the content, copied
LINKED_PARTS = ("scripts",)                                    # the code, linked: one library for every copy


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """The project's content copied into `dest`, with scripts/ linked to this one's
    (the library works on the project it is run from: explainer/paths.py). No .git,
    so no remote to read. Never edit scripts/ in a copy: it is this repository's."""
    import shutil
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    for name in LINKED_PARTS:
        (dest / name).symlink_to(root / name, target_is_directory=True)
    return dest


def run_build(out: Path, site_url: str, cwd: Path = ROOT, repo_url: str | None = REPO_URL,
              corrections_email: str | None = CORRECTIONS_EMAIL) -> subprocess.CompletedProcess:
    """scripts/build.py of the project in folder `cwd` (this one, or a test's copy), output captured.
    repo_url=None and corrections_email=None build as a fork would, without those options."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", BUILD_DATE))
    options = (["--repo-url", repo_url] if repo_url else []) + (["--corrections-email", corrections_email] if corrections_email else [])
    return subprocess.run([sys.executable, str(cwd / "scripts" / "build.py"), "--out", str(out), "--site-url", site_url, *options],
                          cwd=cwd, capture_output=True, text=True, env=env)


@contextmanager
def built_site(cwd: Path = ROOT, subpath: str = SUBPATH) -> Iterator[tuple[Path, str]]:
    """with built_site() as (site, url): the site built into a temporary folder and
    served on a free port under `subpath`; both go away on exit."""
    with tempfile.TemporaryDirectory(prefix="explainer-site-") as tmp:
        site = Path(tmp) / "site"
        preview = Preview(site, subpath)
        result = run_build(site, preview.url, cwd)
        if result.returncode != 0:
            raise BuildFailed(f"the build failed:\n{result.stdout}{result.stderr}".rstrip())
        with preview as url:
            yield site, url


def launch_chromium(playwright, **options):
    """Debian's Chromium through Playwright, with the shared flags."""
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium (scripts/dev.sh test installs it)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options)
