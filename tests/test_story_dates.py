"""Honest dates, kept as content: each page's published and updated dates come
from its front matter and show as a dateline under the H1, in the page's
language; the same dates feed the head tags, JSON-LD, the sitemap and the feeds
(whose entries are the updates log); and no date moves with the build clock."""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, SLUGS, page_url_path
from explainer import DEFAULT_LANG
from explainer.frontmatter import split_front_matter
from explainer.data import load_facts
from explainer.format import date_text

FACTS = load_facts()
DATELINE_WORDS = {"es": ("Publicado el", "Actualizado el"), "en": ("Published", "Updated")}
REFERENCE_PAGES = {"glossary", "sources", "updates"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def front_matter(slug: str, lang: str) -> dict:
    return split_front_matter(ROOT / "docs" / f"{slug or 'index'}.{lang}.md")[0]


def json_ld(soup: BeautifulSoup, url: str) -> dict:
    import extruct

    found = extruct.extract(str(soup), base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert len(found) == 1, f"{url}: expected one JSON-LD item, found {len(found)}"
    return found[0]


both = pytest.mark.parametrize("lang", LANGS)
every_page = pytest.mark.parametrize("slug", SLUGS)


@every_page
@both
def test_dateline_under_the_title_in_the_page_language(pages, base_url, slug, lang):
    soup, meta = pages[(slug, lang)], front_matter(slug, lang)
    h1 = soup.select_one("article h1")
    dateline = h1.find_next_sibling()
    assert dateline is not None and "dateline" in dateline.get("class", []), f"{slug}/{lang}: no dateline right under the H1"
    published, updated = dateline.select(".dateline__published time, .dateline__updated time")
    assert published["datetime"] == str(meta["published"]) and updated["datetime"] == str(meta["updated"])
    text = dateline.get_text(" ", strip=True).replace("\u00a0", " ")
    word_published, word_updated = DATELINE_WORDS[lang]
    assert f"{word_published} {date_text(meta['published'].isoformat(), lang)}" in text, text
    assert f"{word_updated} {date_text(meta['updated'].isoformat(), lang)}" in text, text
    link = urljoin(base_url + page_url_path(slug, lang), dateline.find("a", href=True)["href"])
    assert link == base_url + page_url_path("updates", lang), "the dateline links to the log of changes"


def test_dateline_reads_naturally_in_each_language(pages):
    """Written out here, not with the formatter: a Spanish date is not an English one."""
    es = pages[("terms", "es")].select_one(".dateline").get_text(" ", strip=True)
    en = pages[("terms", "en")].select_one(".dateline").get_text(" ", strip=True)
    assert "Publicado el 28 de noviembre de 2026" in es and "November" not in es
    assert "Published November 28, 2026" in en and "noviembre" not in en


@every_page
@both
def test_json_ld_describes_the_page_with_its_own_dates_and_its_twin(pages, base_url, slug, lang):
    soup, meta = pages[(slug, lang)], front_matter(slug, lang)
    url = base_url + page_url_path(slug, lang)
    data = json_ld(soup, url)
    assert data["@type"] == ("Article" if slug in REFERENCE_PAGES else "NewsArticle")
    assert data["inLanguage"] == lang
    assert data["datePublished"] == str(meta["published"]) and data["dateModified"] == str(meta["updated"])
    assert data["url"] == url and data["headline"] == soup.select_one("article h1").get_text(" ", strip=True).rstrip("#").strip()
    assert data["description"] == meta["description"]
    assert data["image"] == soup.find("meta", property="og:image")["content"]
    assert data["publisher"]["name"] and data["author"]["name"]
    assert data["isBasedOn"]["url"] == FACTS.sources[1]["url"], "the page is based on Ámbito's article"
    twins = {other: base_url + page_url_path(slug, other) for other in LANGS if other != lang}
    if lang == DEFAULT_LANG:
        link = data["workTranslation"]
    else:
        link = data["translationOfWork"]
        assert link["url"] == base_url + page_url_path(slug, DEFAULT_LANG)
    assert link["url"] in twins.values() and link["inLanguage"] != lang


@every_page
@both
def test_head_and_sitemap_use_the_pages_own_updated_date(pages, site, base_url, slug, lang):
    meta = front_matter(slug, lang)
    soup = pages[(slug, lang)]
    assert soup.find("meta", property="article:published_time")["content"] == str(meta["published"])
    assert soup.find("meta", property="article:modified_time")["content"] == str(meta["updated"])
    root = ET.parse(site / "sitemap.xml").getroot()
    lastmod = {u.findtext("s:loc", namespaces=SITEMAP): u.findtext("s:lastmod", namespaces=SITEMAP) for u in root.findall("s:url", SITEMAP)}
    assert lastmod[base_url + page_url_path(slug, lang)] == str(meta["updated"])


@both
def test_feed_has_one_entry_per_update_newest_first_with_distinct_dates(site, base_url, lang):
    import feedparser

    feed = feedparser.parse((site / page_url_path("", lang) / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    entries = feed.entries
    assert [e.title for e in entries] == [u["title"][lang] for u in FACTS.updates]
    stamps = [e.updated for e in entries]
    assert len(set(stamps)) == len(stamps), "two entries share atom:updated (the W3C validator warns)"
    assert stamps == sorted(stamps, reverse=True), "newest first"
    assert len({e.id for e in entries}) == len(entries)
    for entry, update in zip(entries, FACTS.updates):
        assert entry.link == f"{base_url}{page_url_path('updates', lang)}#update-{update['id']}"
        assert entry.updated == update["time"].strftime("%Y-%m-%dT%H:%M:%SZ")
    assert feed.feed.updated == stamps[0]


@both
def test_updates_page_lists_the_log_with_corrections_labelled_and_linked(pages, site, base_url, lang):
    soup = pages[("updates", lang)]
    entries = soup.select("ol.updates > li")
    assert [li["id"] for li in entries] == [f"update-{u['id']}" for u in FACTS.updates]
    corrections = soup.select(".updates__change--correction")
    assert corrections, "the log has corrections, and they are marked as such"
    label = {"es": "Corrección", "en": "Correction"}[lang]
    assert all(c.select_one(".updates__kind").get_text(strip=True).startswith(label) for c in corrections)
    for change in soup.select(".updates__change"):
        assert change.find("a", href=True), "each change links to what it changed"


def test_a_build_at_another_clock_leaves_every_content_date_unchanged(site, base_url, tmp_path):
    """SOURCE_DATE_EPOCH (or the commit time) must not leak into any date a reader or a crawler sees."""
    other = tmp_path / "site"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1924992000")  # 2031-01-01
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--out", str(other), "--site-url", base_url],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr

    def dates(root: Path) -> dict:
        out = {}
        for slug in SLUGS:
            for lang in LANGS:
                soup = BeautifulSoup((root / page_url_path(slug, lang) / "index.html").read_text(encoding="utf-8"), "html.parser")
                out[(slug, lang)] = (
                    [t["datetime"] for t in soup.select(".dateline time")],
                    soup.find("meta", property="article:modified_time")["content"],
                    soup.find("script", type="application/ld+json").string,
                )
        out["sitemap"] = (root / "sitemap.xml").read_text(encoding="utf-8")
        for lang in LANGS:
            out[f"feed-{lang}"] = (root / page_url_path("", lang) / "feed.xml").read_text(encoding="utf-8")
        return out

    assert dates(other) == dates(site)
    assert "2031" not in (other / "sitemap.xml").read_text(encoding="utf-8")


ATOM = {"a": "http://www.w3.org/2005/Atom"}
# RFC 4151's tagURI, as far as this site writes one: tag:authority,date:specific
TAG_URI = r"tag:[a-z0-9.@-]+,\d{4}(-\d{2}(-\d{2})?)?:[\w.~!$&'()*+,;=:@/?%-]+"


def feed_ids(root: Path, lang: str) -> list[str]:
    feed = ET.parse(root / page_url_path("", lang) / "feed.xml").getroot()
    return [feed.findtext("a:id", namespaces=ATOM)] + [e.findtext("a:id", namespaces=ATOM) for e in feed.findall("a:entry", ATOM)]


@both
def test_feed_ids_are_tag_uris_that_survive_a_move_to_another_site_url(site, moved_site, lang):
    """A feed reader knows an entry by its id: the same ids at any address, so a
    move to another domain shows no entry twice."""
    import re

    ids = feed_ids(site, lang)
    assert len(set(ids)) == len(ids) == len(FACTS.updates) + 1
    for one in ids:
        assert re.fullmatch(TAG_URI, one), f"{one} is not a tag: URI (RFC 4151)"
    assert feed_ids(moved_site, lang) == ids
    assert "deal.example.org" in (moved_site / page_url_path("", lang) / "feed.xml").read_text(encoding="utf-8"), "the links did move"


@both
def test_feed_entries_have_a_short_summary_and_the_full_text_as_html(site, lang):
    import feedparser

    feed = feedparser.parse((site / page_url_path("", lang) / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    for entry, update in zip(feed.entries, FACTS.updates):
        assert entry.summary == update["summary"][lang]
        assert 0 < len(entry.summary) <= 300, f"{entry.id}: summary of {len(entry.summary)} characters"
        assert entry.summary.count(". ") <= 1, f"{entry.id}: the summary is more than two sentences"
        (content,) = entry.content
        assert content.type == "text/html"
        body = BeautifulSoup(content.value, "html.parser")
        items = body.select("ul > li")
        assert len(items) == len(update["changes"]), f"{entry.id}: one item per change"
        for li, change in zip(items, update["changes"]):
            assert change[lang] in li.get_text(" "), f"{entry.id}: a change's full text is missing from the content"
