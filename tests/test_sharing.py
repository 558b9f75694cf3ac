"""What a link looks like when pasted, and what search engines and feed readers
read: head tags, share images, hreflang, sitemap, feeds, CSP, reproducible output."""
from __future__ import annotations

import base64
import filecmp
import hashlib
from urllib.parse import urljoin

import pytest
from PIL import Image

from conftest import LANGS, SLUGS, page_url_path, run_build
from explainer import DEFAULT_LANG, lang_prefix
from explainer.data import load_facts, load_ui
from figures import expected_text

FACTS, UI = load_facts(), load_ui()


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_share_preview_tags(pages, base_url, lang):
    for slug in SLUGS:
        soup = pages[(slug, lang)]
        url = base_url + page_url_path(slug, lang)
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == url
        assert meta(soup, "og:url") == canonical
        assert meta(soup, "og:title") and meta(soup, "og:description") and meta(soup, "og:site_name")
        assert meta(soup, "og:type") == "article"
        # The Spanish written is rioplatense (voseo): es_AR, not Babel's es_ES.
        assert meta(soup, "og:locale") == UI[lang]["og.locale"]
        assert meta(soup, "og:locale") == {"es": "es_AR", "en": "en_US"}[lang]
        alternates = [m["content"] for m in soup.find_all("meta", attrs={"property": "og:locale:alternate"})]
        assert sorted(alternates) == sorted(UI[other]["og.locale"] for other in LANGS if other != lang)
        # The image's alt text describes the card (title and figure), not just the title again.
        alt = meta(soup, "og:image:alt")
        assert alt and meta(soup, "twitter:image:alt") == alt
        assert alt != meta(soup, "og:title") and meta(soup, "og:title") in alt
        assert expected_text(FACTS.facts[FACTS.card["fact"]], lang) in alt and FACTS.card["label"][lang] in alt
        assert meta(soup, "article:published_time") and meta(soup, "article:modified_time")
        assert meta(soup, "twitter:card") == "summary_large_image"
        assert meta(soup, "og:image").startswith(base_url) and meta(soup, "og:image").endswith(".png")


@pytest.mark.parametrize("slug", SLUGS)
def test_share_images_are_1200x630_and_differ_per_language(site, pages, base_url, slug):
    images = {}
    for lang in LANGS:
        image_url = meta(pages[(slug, lang)], "og:image")
        path = site / image_url[len(base_url):]
        with Image.open(path) as img:
            assert img.format == "PNG" and img.size == (1200, 630)
        images[lang] = path.read_bytes()
    assert len(set(images.values())) == len(LANGS), f"{slug}: two languages share one share image"


@pytest.mark.parametrize("lang", LANGS)
def test_hreflang_links_are_absolute_with_x_default(pages, base_url, lang):
    for slug in SLUGS:
        links = {l["hreflang"]: l["href"] for l in pages[(slug, lang)].find_all("link", rel="alternate", hreflang=True)}
        assert set(links) == {*LANGS, "x-default"}
        assert links == {**{other: base_url + page_url_path(slug, other) for other in LANGS},
                         "x-default": base_url + page_url_path(slug, DEFAULT_LANG)}


def test_sitemap_lists_every_page_with_its_alternates(site, base_url):
    from xml.etree import ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = {u.find("s:loc", ns).text: {l.get("hreflang") for l in u.findall("x:link", ns)} for u in root.findall("s:url", ns)}
    for slug in SLUGS:
        for lang in LANGS:
            assert locs.get(base_url + page_url_path(slug, lang)) == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_carries_a_strict_content_security_policy(pages, site, lang):
    soups = [pages[(slug, lang)] for slug in SLUGS]
    from bs4 import BeautifulSoup
    soups.append(BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser"))
    checked = 0
    for soup in soups:
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
        assert directives["default-src"] == ["'self'"]
        assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
        assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'self'"] and directives["form-action"] == ["'none'"]
        assert soup.find("meta", attrs={"name": "referrer"})["content"] == "strict-origin-when-cross-origin"
        # Each inline script the browser runs is allowed by its own hash, and nothing
        # else is: the hashes are recomputed here from the scripts as the page carries
        # them (data blocks such as JSON-LD are not run, and need none).
        inline = [script.string or "" for script in soup.find_all("script")
                  if not script.get("src") and script.get("type", "text/javascript") in ("text/javascript", "module")]
        checked += len(inline)
        expected = {f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'" for text in inline}
        hashes = {source for source in directives["script-src"] if source.startswith("'sha")}
        assert hashes == expected, f"script-src hashes {sorted(hashes)} differ from the inline scripts' {sorted(expected)}"
    assert checked, "no inline script on any page: the hash check would check nothing"


def test_external_links_open_safely_and_are_marked(pages):
    for (slug, lang), soup in pages.items():
        for a in soup.select('article a[href^="http"]'):
            rel = a.get("rel") or []
            assert {"noopener", "noreferrer", "external"} <= set(rel), f"{slug} ({lang}): {a['href']} lacks rel"


def test_crawl_finds_no_broken_link_or_asset(site, base_url):
    """Every page, stylesheet, script and image reachable from the home pages answers 200."""
    import urllib.request
    from bs4 import BeautifulSoup

    seen, queue, broken = set(), [base_url + lang_prefix(lang) for lang in LANGS], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read()
                ctype = response.headers.get("Content-Type", "")
        except Exception as exc:  # noqa: BLE001 — any failure is a broken link
            broken.append(f"{url}: {exc}")
            continue
        if "text/html" not in ctype:
            continue
        soup = BeautifulSoup(body, "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag, attrs={attr: True}):
                target = urljoin(url, el[attr]).split("#")[0]
                if target.startswith(base_url) and target not in seen:
                    queue.append(target)
    assert not broken, "\n".join(broken)
    assert len([u for u in seen if u.endswith("/")]) >= len(LANGS) * len(SLUGS)


def test_same_commit_builds_byte_identical(tmp_path, site, base_url):
    again = tmp_path / "again"
    result = run_build(again, base_url)
    assert result.returncode == 0, result.stderr

    def differences(cmp):
        diffs = cmp.diff_files + cmp.left_only + cmp.right_only
        for sub in cmp.subdirs.values():
            diffs += differences(sub)
        return diffs

    assert differences(filecmp.dircmp(site, again)) == []
    for path in site.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (again / path.relative_to(site)).read_bytes(), path
