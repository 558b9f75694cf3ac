"""Only what readers load: after the build, every file that nothing served refers
to is deleted.

What is served on its own (the roots): every page, the 404 page (GitHub Pages
serves it for any missing URL), the feeds, the sitemap, the open-data files
(figures.csv, figures.json) and the search files in search/, which site.js fetches
by computed URLs (explainer/search.py writes exactly those). From them, every
reference is followed: href, src, srcset and the share images' og:/twitter: URLs
in HTML, url(…) in stylesheets, <link href> in feeds, <loc> in the sitemap;
relative or absolute under the site's URL. What is never reached goes: Material's
JavaScript bundle, search worker and lunr language files, their source maps, its
stylesheets the pages do not link, the gzipped sitemap MkDocs writes beside the
plain one, the PNG favicon, and whatever a later change leaves behind.

The build logs the count and size removed. tests/test_output.py walks the output
on its own and fails on any file it cannot reach.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from .links import target_file

log = logging.getLogger("mkdocs.explainer")

ROOT_FILES = ("404.html", "sitemap.xml", "feed.xml", "figures.csv", "figures.json")
HTML_ATTRS = ("href", "src", "srcset", "poster")
META_URLS = ("og:image", "twitter:image")
CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def roots(site: Path) -> set[Path]:
    """What is served without a link to it: pages, 404, feeds, sitemap, open data, search files."""
    found = {p for p in site.rglob("index.html")}
    for name in ROOT_FILES:
        found |= {p for p in site.rglob(name) if p.is_file()}
    search = site / "search"
    if search.is_dir():   # fetched by site.js at computed URLs (explainer/search.py)
        found |= {p for p in search.rglob("*") if p.is_file()}
    return found


def _refs_in_html(soup) -> list[str]:
    refs = []
    for el in soup.find_all(True):
        for attr in HTML_ATTRS:
            value = el.get(attr)
            if not value:
                continue
            if attr == "srcset":
                refs += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
            else:
                refs.append(value)
        if el.name == "meta" and (el.get("property") in META_URLS or el.get("name") in META_URLS) and el.get("content"):
            refs.append(el["content"])
        if el.name == "style" and el.string:
            refs += [m.group(2) for m in CSS_URL.finditer(el.string)]
        if el.get("style"):
            refs += [m.group(2) for m in CSS_URL.finditer(el["style"])]
    return refs


def _refs_in_xml(text: str) -> list[str]:
    tree = ET.fromstring(text.encode("utf-8"))
    return [el.get("href") for el in tree.iter() if el.tag.endswith("}link") and el.get("href")] + \
           [el.text.strip() for el in tree.iter() if el.tag.endswith("}loc") and el.text]


def references(path: Path, site=None) -> list[str]:
    """The URLs a served file refers to, as written (an HTML file from the build's
    one parse of it when `site`, an explainer.site.BuiltSite, is given)."""
    suffix = path.suffix
    if suffix not in (".html", ".css", ".xml"):
        return []
    if suffix == ".html":
        if site is not None:
            return site.extract(path, "references", _refs_in_html)
        from bs4 import BeautifulSoup
        return _refs_in_html(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml"))
    text = path.read_text(encoding="utf-8")
    if suffix == ".css":
        return [m.group(2) for m in CSS_URL.finditer(text)]
    return _refs_in_xml(text)


def local_file(site: Path, site_url: str, of: Path, url: str) -> Path | None:
    """The built file a reference in `of` points to, or None (another site, data:, mailto:)."""
    if url.startswith(("data:", "mailto:", "javascript:", "#")):
        return None
    base = urlsplit(site_url)
    root_path = base.path if base.path.endswith("/") else base.path + "/"
    here = f"{base.scheme}://{base.netloc}{root_path}{of.relative_to(site).as_posix()}"
    target = urlsplit(urljoin(here, url))
    if (target.scheme, target.netloc) != (base.scheme, base.netloc) or not target.path.startswith(root_path):
        return None
    return target_file(site, target.path[len(root_path):])


def reachable(site: Path, site_url: str, built=None) -> set[Path]:
    """Every file reached from the roots by following references."""
    seen: set[Path] = set()
    todo = list(roots(site))
    # A reference means the same file from any file of a folder: every page of a
    # depth links the same assets the same way, so each is looked up once.
    found: dict[tuple[Path, str], Path | None] = {}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for url in references(path, built):
            if (path.parent, url) not in found:
                found[path.parent, url] = local_file(site, site_url, path, url)
            target = found[path.parent, url]
            if target and target not in seen:
                todo.append(target)
    return seen


def prune_unreferenced(built) -> list[Path]:
    """Delete every file nothing served refers to, and folders left empty; returns
    what went. `built` is the explainer.site.BuiltSite being finished."""
    site, site_url = built.root, built.site_url
    keep = reachable(site, site_url, built)
    removed = [p for p in sorted(site.rglob("*")) if p.is_file() and p not in keep]
    size = sum(p.stat().st_size for p in removed)
    for path in removed:
        path.unlink()
    for folder in sorted((p for p in site.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    log.info("unreferenced files removed: %d, %.1f KiB", len(removed), size / 1024)
    return removed
