"""Crawls the built site: every internal link, anchor and asset must exist,
and nothing may load from another origin. The build runs check_links() over the
site's one parse (explainer.pipeline); the tests use the same functions
(resolve(), foreign_css()) instead of their own."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .errors import ContentError

ASSET_TAGS = {"link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


def target_file(site: Path, path: str) -> Path | None:
    """The built file an address under the site root serves (a folder: its index.html), or None."""
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir() or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _ids(path: Path) -> set[str]:
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return {el["id"] for el in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}


def resolve(site: Path, site_url: str, url: str) -> Path | None:
    """The built file an absolute URL under site_url points to, with its #anchor
    checked; None when the file or the anchor is missing, or the URL is elsewhere."""
    base, parts = urlsplit(site_url), urlsplit(url)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
        return None
    target = target_file(site, parts.path[len(base.path):])
    if target and parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
        return None
    return target


CSS_IMPORT = re.compile(r"@import|url\((['\"]?)(?:https?:)?//")


def foreign_css(site: Path) -> list[str]:
    """Stylesheets that import or load anything from another origin (fonts above all)."""
    return [str(path.relative_to(site)) for path in sorted(site.rglob("*.css"))
            if CSS_IMPORT.search(path.read_text(encoding="utf-8"))]


def _refs_and_ids(soup) -> tuple[list[tuple[str, str]], set[str]]:
    """(every (tag, address) the page links or loads, every id and anchor name it has)."""
    refs = [("a", a.get("href")) for a in soup.find_all("a", href=True)]
    for tag, attr in ASSET_TAGS.items():
        for el in soup.find_all(tag):
            if el.get(attr) and not (tag == "link" and {"canonical", "alternate"} & set(el.get("rel", []))):
                refs.append((tag, el[attr]))
    ids = {el["id"] for el in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}
    return refs, ids


def check_links(site) -> list[ContentError]:
    """Every link and asset of every HTML file of `site` (an explainer.site.BuiltSite,
    whose parses it reads) must exist; an error names the Markdown file a page came from."""
    base = urlsplit(site.site_url)
    root_path = base.path if base.path.endswith("/") else base.path + "/"
    sources = {page.path: page.source for page in site.pages}

    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = site.extract(path, "links", _refs_and_ids)[1]
        return ids[path]

    targets: dict[str, Path | None] = {}   # the same few hundred addresses, linked from every page

    def target_of(path: str) -> Path | None:
        if path not in targets:
            targets[path] = target_file(site.root, path)
        return targets[path]

    resolved: dict[tuple[str, str], object] = {}   # a link means the same from every page of a folder

    def resolve(folder_url: str, href: str):
        if (folder_url, href) not in resolved:
            resolved[folder_url, href] = urlsplit(urljoin(folder_url, href))
        return resolved[folder_url, href]

    errors = []
    for page in site.html_files():
        rel = page.relative_to(site.root).as_posix()
        source = sources.get(page, rel)
        page_url = f"{base.scheme}://{base.netloc}{root_path}{rel}"
        folder = rel.rpartition("/")[0]
        folder_url = f"{base.scheme}://{base.netloc}{root_path}{folder + '/' if folder else ''}"
        refs, _ = site.extract(page, "links", _refs_and_ids)
        for tag, href in refs:
            if href.startswith(("mailto:", "data:", "javascript:")):
                continue
            url = resolve(page_url if href[:1] in ("", "#", "?") else folder_url, href)
            same_origin = (url.scheme, url.netloc) == (base.scheme, base.netloc)
            if not same_origin:
                if tag != "a":
                    errors.append(ContentError(source, f"loads {href} from another origin; ship it with the site instead"))
                continue
            if not url.path.startswith(root_path):
                errors.append(ContentError(source, f"link {href} leaves the site's path {root_path}"))
                continue
            target = target_of(url.path[len(root_path):])
            if target is None:
                errors.append(ContentError(source, f"broken link {href}: no such page or file in the built site"))
                continue
            if url.fragment and target.suffix == ".html" and unquote(url.fragment) not in ids_of(target):
                errors.append(ContentError(source, f"broken anchor {href}: the target page has no id `{url.fragment}`"))
    errors += [ContentError(None, f"{name} imports or loads a file from another origin; ship it with the site instead") for name in foreign_css(site.root)]
    return errors
