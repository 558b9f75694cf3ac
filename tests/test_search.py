"""Search's promises that are counted, not looked at: what the first query costs in
bytes (deterministic, so asserted), that every page holding a word is reachable
from the results and counted, and that nothing loads before the reader reaches
for search. The behaviour tests (language, accents, stemming, keyboard) are in
test_browser.py and test_engines.py."""
from __future__ import annotations

import copy
import re
from urllib.parse import urlsplit

import pytest

from conftest import SLUGS, page_url_path
from devtools.measure import first_query

QUERY_BUDGET = 40 * 1024  # bytes on the wire from pressing "/" to the first results


@pytest.mark.parametrize("slug,lang,query", [("hardware", "en", "nvidia"), ("hardware", "es", "nvidia"),
                                             ("", "es", "computo"), ("", "en", "openai"), ("", "es", "amazon")])
def test_first_query_fits_the_budget(browser, base_url, slug, lang, query):
    traffic, links = first_query(browser, base_url + page_url_path(slug, lang), query, stock=False)
    assert links, f"no results for {query!r}"
    assert traffic.transferred <= QUERY_BUDGET, f"{query!r} on /{page_url_path(slug, lang)} cost {traffic.transferred / 1024:.1f} KiB"
    assert not traffic.uncompressed_types, f"sent without gzip: {traffic.uncompressed_types}"


def article_words(soup) -> str:
    article = copy.copy(soup.select_one("article"))   # the session's parsed pages stay whole
    for node in article.select(".headerlink, sup.cite, button, pre, code, svg, .dateline"):
        node.decompose()
    return article.get_text(" ").lower()


@pytest.mark.parametrize("lang,word", [("en", "openai"), ("es", "amazon")])
def test_every_page_with_a_word_is_reachable_and_counted(page, base_url, pages, lang, word):
    expected = {page_url_path(slug, lang) for slug in SLUGS
                if re.search(rf"\b{word}\b", article_words(pages[(slug, lang)]))}
    assert len(expected) == len(SLUGS), f"{word!r} is no longer on every page; pick another common word"
    page.goto(base_url + page_url_path("", lang))
    page.keyboard.press("/")
    page.get_by_role("combobox").fill(word)
    page.wait_for_function("q => document.querySelector('.site-search__results').getAttribute('data-excerpts') === q", arg=word)
    root = urlsplit(base_url).path
    hrefs = page.locator(".site-search__results [role=option] a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    reached = {urlsplit(h).path[len(root):] for h in hrefs}
    assert reached == expected, f"not reachable: {sorted(expected - reached)}"
    assert all("#" in h for h in hrefs), "every result links to its section"
    count = int(re.search(r"\d+", page.locator(".site-search__status").inner_text()).group())
    assert count == len(expected), f"says {count}, lists {len(expected)} pages"
    # Every page's first entry carries its title; the first five have their excerpt
    # in already, with the word marked (unless only the section's title holds it).
    firsts = page.locator(".site-search__results [role=option]:not(.site-search__more)")
    assert firsts.locator(".site-search__title").count() == len(expected)
    for k in range(5):
        entry = firsts.nth(k)
        marked = entry.locator(".site-search__excerpt mark").all_inner_texts()
        assert entry.locator(".site-search__excerpt").inner_text(), f"entry {k} has no excerpt"
        assert all(word in m.lower() for m in marked), marked
        assert marked or word in entry.locator(".site-search__section").inner_text().lower(), f"entry {k}: no match shown"


def test_search_loads_on_intent_before_the_click(page, base_url):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base_url + "en/hardware/")
    page.wait_for_load_state("networkidle")
    assert not any("/search/" in url for url in fetched), "search loaded before the reader reached for it"
    # Awaited as events: the two files the hover must fetch (networkidle had already
    # been reached, so waiting for it again returned at once).
    with page.expect_response(lambda r: r.url.endswith("/search/lunr-en.js")), \
            page.expect_response(lambda r: r.url.endswith("/search/en.json")):
        page.locator(".site-search-open").hover()
    loaded = [url for url in fetched if "/search/" in url]
    assert any(url.endswith("/search/lunr-en.js") for url in loaded) and any(url.endswith("/search/en.json") for url in loaded), loaded
    assert not any("/search/es" in url or "lunr-es" in url for url in loaded), "the other language's index"


def test_results_while_typing_and_sections_ranked_within_a_page(page, base_url):
    page.goto(base_url + "en/")
    page.keyboard.press("/")
    box = page.get_by_role("combobox")
    box.press_sequentially("trainiu")  # a word not finished yet already finds it
    page.wait_for_function("() => document.querySelector('.site-search__results').getAttribute('data-excerpts') === 'trainiu'")
    marked = page.locator(".site-search__excerpt mark").all_inner_texts()
    assert marked and all(m.lower().startswith("trainium") for m in marked), marked
    # A page's further sections follow its first entry, at most two of them.
    classes = page.locator(".site-search__results [role=option]").evaluate_all("o => o.map(e => e.className)")
    runs = "".join("m" if c == "site-search__more" else "p" for c in classes)
    assert runs.startswith("p") and "mmm" not in runs, runs
