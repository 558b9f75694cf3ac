"""Only what readers load: every file in the output is reached from something
served (a page, the 404 page, a feed, the sitemap, the email edition, the open
data, the search files site.js fetches), and the whole output stays within a
byte budget. The walk here is written apart from the build's (explainer/prune.py),
so a mistake in one is not repeated in the other."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import LANGS

# The whole output, in bytes: pages, share cards (0.99 MB), chart PNGs (0.33 MB),
# search files, feeds, open data. Measured at 3.33 MB when this budget was set, on
# 2026-12-07 (5.65 MB before Material's unused bundle, search worker, lunr language
# files and source maps were removed, and the chart PNGs were stored in 64 colours).
OUTPUT_BUDGET = 3_500_000
# What a reader's browser may fetch without a link: every page (by URL), 404.html
# (GitHub Pages serves it), and the files crawlers and tools ask for by name.
SERVED_BY_NAME = {"404.html", "sitemap.xml", "feed.xml", "figures.csv", "figures.json"}
URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def urls_in(path: Path) -> list[str]:
    if path.suffix not in (".css", ".xml", ".html"):
        return []
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".css":
        return URL_IN_CSS.findall(text)
    if path.suffix == ".xml":  # Atom <link href>, sitemap <loc>
        return re.findall(r'<link[^>]*\bhref="([^"]+)"', text) + re.findall(r"<loc>([^<]+)</loc>", text)
    soup = BeautifulSoup(text, "html.parser")
    found = []
    for el in soup.find_all(True):
        found += [el[a] for a in ("href", "src") if el.get(a)]
        found += [part.split()[0] for part in el.get("srcset", "").split(",") if part.strip()]
        if el.name == "meta" and el.get("content", "").startswith(("http", "/")):
            found.append(el["content"])
        found += URL_IN_CSS.findall(el.get("style", ""))
    return found


def served_walk(site: Path, site_url: str) -> set[Path]:
    base = urlsplit(site_url)
    start = {p for p in site.rglob("*") if p.is_file() and (p.name == "index.html" or p.name in SERVED_BY_NAME)}
    start |= {p for p in (site / "search").rglob("*") if p.is_file()}   # fetched by site.js; checked below
    seen, todo = set(), list(start)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        page_url = site_url + path.relative_to(site).as_posix()
        for url in urls_in(path):
            target = urlsplit(urljoin(page_url, url))
            if (target.scheme, target.netloc) != (base.scheme, base.netloc) or not target.path.startswith(base.path):
                continue
            file = site / unquote(target.path[len(base.path):])
            file = file / "index.html" if file.is_dir() else file
            if file.is_file():
                todo.append(file)
    return seen


def test_every_file_in_the_output_is_referenced_from_something_served(site, base_url):
    reached = served_walk(site, base_url)
    every = {p for p in site.rglob("*") if p.is_file()}
    unreferenced = sorted(every - reached)
    size = sum(p.stat().st_size for p in unreferenced)
    assert not unreferenced, (f"{len(unreferenced)} files ({size / 1024:.1f} KiB) nothing served refers to:\n  "
                              + "\n  ".join(str(p.relative_to(site)) for p in unreferenced[:30]))


def test_the_search_folder_holds_exactly_what_site_js_fetches(site):
    """site.js builds the search URLs itself (search/lunr-<lang>.js, search/<lang>.json,
    search/<lang>/<n>.txt for each section n): those files and no others."""
    expected = set()
    for lang in LANGS:
        index = json.loads((site / "search" / f"{lang}.json").read_text(encoding="utf-8"))
        expected |= {f"lunr-{lang}.js", f"{lang}.json"} | {f"{lang}/{k}.txt" for k in range(len(index["sections"]))}
    actual = {p.relative_to(site / "search").as_posix() for p in (site / "search").rglob("*") if p.is_file()}
    assert actual == expected, f"missing {sorted(expected - actual)[:5]}, extra {sorted(actual - expected)[:5]}"


def test_nothing_of_materials_unused_javascript_or_maps_ships(site, pages):
    leftovers = [p.relative_to(site).as_posix() for p in site.rglob("*")
                 if p.suffix == ".map" or "javascripts" in p.parts or p.name.endswith(".gz")]
    assert not leftovers, leftovers
    for (slug, lang), soup in pages.items():
        assert soup.select_one("#__search") is None, f"{slug or 'home'} ({lang}): Material's search checkbox is still there"
        assert not soup.select("input[type=checkbox][autocomplete]"), f"{slug or 'home'} ({lang}): autocomplete on a checkbox"


def test_the_output_stays_within_its_byte_budget(site):
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert total <= OUTPUT_BUDGET, f"the output is {total:,} bytes, over the budget of {OUTPUT_BUDGET:,}: what grew?"
