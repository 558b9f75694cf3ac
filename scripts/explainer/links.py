"""Crawls the built site: every internal link, anchor and asset must exist,
and nothing may load from another origin."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from .errors import ContentError

ASSET_TAGS = {"link": "href", "script": "src", "img": "src", "source": "src"}


def _target_file(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir() or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _ids(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {el["id"] for el in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}
    return cache[path]


def check_links(site: Path, site_url: str, source_of) -> list[ContentError]:
    """source_of(html_path) names the Markdown file a page came from, for messages."""
    base = urlsplit(site_url)
    root_path = base.path if base.path.endswith("/") else base.path + "/"
    errors, id_cache = [], {}
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        rel = page.relative_to(site).as_posix()
        page_url = f"{base.scheme}://{base.netloc}{root_path}{rel}"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        refs = [("a", a.get("href")) for a in soup.find_all("a", href=True)]
        for tag, attr in ASSET_TAGS.items():
            for el in soup.find_all(tag):
                if el.get(attr) and not (tag == "link" and {"canonical", "alternate"} & set(el.get("rel", []))):
                    refs.append((tag, el[attr]))
        for tag, href in refs:
            if href.startswith(("mailto:", "data:", "javascript:")):
                continue
            url = urlsplit(urljoin(page_url, href))
            same_origin = (url.scheme, url.netloc) == (base.scheme, base.netloc)
            if not same_origin:
                if tag != "a":
                    errors.append(ContentError(source_of(page), f"loads {href} from another origin; ship it with the site instead"))
                continue
            if not url.path.startswith(root_path):
                errors.append(ContentError(source_of(page), f"link {href} leaves the site's path {root_path}"))
                continue
            target = _target_file(site, url.path[len(root_path):])
            if target is None:
                errors.append(ContentError(source_of(page), f"broken link {href}: no such page or file in the built site"))
                continue
            if url.fragment and target.suffix == ".html" and unquote(url.fragment) not in _ids(target, id_cache):
                errors.append(ContentError(source_of(page), f"broken anchor {href}: the target page has no id `{url.fragment}`"))
    return errors
