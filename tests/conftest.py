"""Shared fixtures: the site is built once per test session, under a subpath,
into a temporary folder, and served on a free port as GitHub Pages would.
scripts/ is on the import path through pytest.ini."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer import LANGS, NAV_SLUGS, ROOT, page_path
from devtools.harness import CHROMIUM, CHROMIUM_ARGS, CORRECTIONS_EMAIL, REPO_URL, SUBPATH, BuildFailed, built_site, copy_project, launch_chromium, run_build

__all__ = ["ROOT", "LANGS", "SLUGS", "SUBPATH", "CHROMIUM", "CHROMIUM_ARGS", "REPO_URL", "CORRECTIONS_EMAIL", "MOVED_URL", "page_url_path", "run_build"]

SLUGS = NAV_SLUGS          # the pages in reading order, "" for the home page
page_url_path = page_path  # "", "en/", "hardware/", "en/hardware/"


@pytest.fixture(scope="session")
def server():
    """(site folder, base URL): the real site, built once and served under /proj/."""
    try:
        with built_site() as (site, url):
            yield site, url
    except BuildFailed as exc:
        pytest.fail(str(exc.code))


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
            path = site / page_path(slug, lang) / "index.html"
            out[(slug, lang)] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") if path.exists() else None
    return out


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            browser = launch_chromium(p)
        except SystemExit as exc:
            pytest.fail(str(exc.code))
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
    return copy_project(tmp_path / "project")


MOVED_URL = "https://deal.example.org/explainer/"


@pytest.fixture(scope="session")
def moved_site(tmp_path_factory) -> Path:
    """The same sources built elsewhere, as a fork would build them: at another
    site URL, with no --repo-url and outside any git repository (no remote)."""
    project = copy_project(tmp_path_factory.mktemp("moved") / "project")
    out = project.parent / "site"
    result = run_build(out, MOVED_URL, cwd=project, repo_url=None, corrections_email=None)
    if result.returncode != 0:
        pytest.fail(f"the build at {MOVED_URL} failed:\n{result.stdout}{result.stderr}")
    (out.parent / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")   # what it printed
    return out
