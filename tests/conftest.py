"""Shared fixtures: the site is built once per test session, under a subpath,
into a temporary folder, and served on a free port as GitHub Pages would."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from explainer import LANGS  # noqa: E402
from explainer.preview import Preview  # noqa: E402

SUBPATH = "/proj/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def nav_slugs() -> list[str]:
    """The pages in reading order, from mkdocs.yml's nav (the one list of pages)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)
    Loader.add_multi_constructor("!", lambda *a: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    return ["" if item == "index.md" else item[:-3] for item in nav]


SLUGS = nav_slugs()


def page_url_path(slug: str, lang: str) -> str:
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    return prefix + (f"{slug}/" if slug else "")


def run_build(out: Path, site_url: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1764806400"))
    return subprocess.run([sys.executable, str(cwd / "scripts" / "build.py"), "--out", str(out), "--site-url", site_url],
                          cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """(site folder, base URL): the real site, built once and served under /proj/."""
    site = tmp_path_factory.mktemp("built") / "site"
    preview = Preview(site, SUBPATH)
    result = run_build(site, preview.url)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    with preview as url:
        yield site, url


@pytest.fixture(scope="session")
def site(server) -> Path:
    return server[0]


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return server[1]


@pytest.fixture(scope="session")
def pages(site):
    """{(slug, lang): BeautifulSoup} for every page of the site."""
    out = {}
    for slug in SLUGS:
        for lang in LANGS:
            path = site / page_url_path(slug, lang) / "index.html"
            out[(slug, lang)] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") if path.exists() else None
    return out


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (scripts/dev.sh test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project's sources, for tests that break them."""
    dest = tmp_path / "project"
    for name in ("docs", "data", "overrides", "scripts", "mkdocs.yml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest
