"""Reads the built site: its pages, their language, title, description and links."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from . import DEFAULT_LANG, LANGS, lang_of_path, lang_prefix


@dataclass
class BuiltPage:
    path: Path            # the HTML file
    url: str              # relative to the site root: "", "en/", "hardware/", "en/hardware/"
    lang: str
    slug: str             # "" for a home page
    title: str
    description: str
    soup: BeautifulSoup

    @property
    def source(self) -> str:
        """The Markdown file this page was built from, for error messages."""
        return f"docs/{self.slug or 'index'}.{self.lang}.md"


def read_pages(site: Path) -> list[BuiltPage]:
    """Every content page (not 404.html), sorted by language then URL."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        url = "" if rel == "." else rel + "/"
        if url.startswith(("search/", "assets/")):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        lang = soup.html.get("lang", DEFAULT_LANG)
        slug = url[len(lang_prefix(lang_of_path(url))):]
        h1 = soup.select_one("article h1")
        meta = soup.find("meta", attrs={"name": "description"})
        pages.append(BuiltPage(path, url, lang, slug.strip("/"), h1.get_text(" ", strip=True).rstrip("#").strip() if h1 else "",
                               meta["content"] if meta else "", soup))
    order = {lang: i for i, lang in enumerate(LANGS)}
    return sorted(pages, key=lambda p: (order.get(p.lang, 99), p.url))
