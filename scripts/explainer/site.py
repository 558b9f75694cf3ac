"""The built site as the post-build steps see it: every HTML file read once and
parsed at most once (explainer.pipeline runs the steps over one BuiltSite).

A step that rewrites a file's HTML (the email edition filling the newsletter
page, the CSP meta) does so with `edit()` before any step parses that file: a
file parsed and then edited would be parsed twice, or read stale, so `edit()`
refuses it (the steps' order in explainer.pipeline.STEPS prevents it).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import LANGS, cache, lang_of_path, lang_prefix


@dataclass
class BuiltPage:
    """A content page of the built site (not 404.html, not the email edition)."""

    site: "BuiltSite" = field(repr=False)
    path: Path            # the HTML file
    url: str              # relative to the site root: "", "en/", "hardware/", "en/hardware/"
    lang: str
    slug: str             # "" for a home page
    title: str            # the H1's text, as MkDocs read it from the Markdown
    description: str      # the front matter's `description:`

    @property
    def source(self) -> str:
        """The Markdown file this page was built from, for error messages."""
        return f"docs/{self.slug or 'index'}.{self.lang}.md"

    @property
    def html(self) -> str:
        return self.site.text(self.path)

    @property
    def soup(self) -> BeautifulSoup:
        return self.site.soup(self.path)

    def extract(self, what: str, read: Callable[[BeautifulSoup], object]):
        return self.site.extract(self.path, what, read)


# What steps read off a file's parse, by the file's exact text and the reader's
# code (BuiltSite.extract): a page whose HTML did not change since the last build
# is not parsed again. In memory, entries unused by the latest build are dropped.
_EXTRACTED: dict[tuple[str, str, str], object] = {}


def _code_digest(read: Callable) -> str:
    """The source file of the function that reads a page, hashed: a change to the
    reader is a new key, never a stale result."""
    return cache.code_digest(read.__code__.co_filename)   # a function's own file (readers are functions)


class BuiltSite:
    """The output folder of one build: its pages (as MkDocs described them) and
    every HTML file's text and parse, each made once."""

    def __init__(self, root: Path, site_url: str, names: dict[str, str], pages: list[dict] | None = None):
        self.root, self.site_url, self.names = root, site_url, names
        self._text: dict[Path, str] = {}
        self._soup: dict[Path, BeautifulSoup] = {}
        self._edited: set[Path] = set()
        self.reads: Counter = Counter()
        self.parses: Counter = Counter()
        self._used: set[tuple[str, str]] = set()
        self._digest: dict[Path, str] = {}   # each file's text, hashed once
        self.pages = self._pages(pages)

    def _pages(self, described: list[dict] | None) -> list[BuiltPage]:
        """Every content page, sorted by language then URL: from what MkDocs said of
        each (explainer's hook records url, title and description), else read off
        the files (a site built elsewhere)."""
        if described is None:
            described = []
            for path in sorted(self.root.rglob("index.html")):
                rel = path.parent.relative_to(self.root).as_posix()
                url = "" if rel == "." else rel + "/"
                if url.startswith(("search/", "assets/")):
                    continue
                soup = self.soup(path)
                h1 = soup.select_one("article h1")
                meta = soup.find("meta", attrs={"name": "description"})
                described.append({"url": url, "title": h1.get_text(" ", strip=True).rstrip("#").strip() if h1 else "",
                                  "description": meta["content"] if meta else ""})
        pages = []
        for info in described:
            url = info["url"]
            lang = lang_of_path(url)
            slug = url[len(lang_prefix(lang)):].strip("/")
            pages.append(BuiltPage(self, self.root / url / "index.html", url, lang, slug, info["title"], info["description"]))
        order = {lang: i for i, lang in enumerate(LANGS)}
        return sorted(pages, key=lambda p: (order.get(p.lang, 99), p.url))

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def text(self, path: Path) -> str:
        if path not in self._text:
            self.reads[path] += 1
            self._text[path] = path.read_text(encoding="utf-8")
        return self._text[path]

    def edit(self, path: Path, text: str) -> None:
        """A step's new HTML for a file, written at the end (write())."""
        if path in self._soup:
            raise RuntimeError(f"{path.relative_to(self.root)} was edited after a step parsed it: "
                               "order the steps so that every edit comes first (explainer.pipeline.STEPS)")
        self._text[path] = text
        self._digest.pop(path, None)
        self._edited.add(path)

    def soup(self, path: Path) -> BeautifulSoup:
        """The file parsed (lxml), once per build."""
        if path not in self._soup:
            self.parses[path] += 1
            from bs4 import BeautifulSoup   # only when a page must be parsed: a warm build parses none
            self._soup[path] = BeautifulSoup(self.text(path), "lxml")
        return self._soup[path]

    def extract(self, path: Path, what: str, read: Callable[[BeautifulSoup], object]):
        """`read(parse of the file)`, remembered by the file's exact text and the code
        of the module that reads it: in memory for this process (under `mkdocs serve`,
        across rebuilds), and in .cache/extract across builds. A step that needs only
        what it reads off a page (links, ids, words) calls this, not soup(): a page
        unchanged since any earlier build is not parsed at all."""
        if path not in self._digest:
            self._digest[path] = hashlib.sha1(self.text(path).encode("utf-8")).hexdigest()
        key = (what, self._digest[path], _code_digest(read))
        self._used.add(key)
        if key not in _EXTRACTED:
            _EXTRACTED[key] = cache.kept(cache.folder("extract"), cache.key_of(*key), lambda: read(self.soup(path)))
        return _EXTRACTED[key]

    def forget_unused(self) -> None:
        """Keep only what this build read (the memory of a long `mkdocs serve` stays flat)."""
        for key in set(_EXTRACTED) - self._used:
            del _EXTRACTED[key]

    def write(self) -> None:
        for path in sorted(self._edited):
            path.write_text(self._text[path], encoding="utf-8")
        self._edited.clear()
