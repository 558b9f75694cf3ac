"""What a reader downloads and prints: the weight budget and print output."""
from __future__ import annotations

import pytest

from conftest import LANGS, SLUGS, page_url_path
from explainer.measure import first_load

BUDGET = 75 * 1024  # bytes on the wire for the first load of any page


def test_first_load_of_every_page_fits_the_budget_and_is_compressed(browser, base_url):
    heaviest = (0, "")
    for lang in LANGS:
        for slug in SLUGS:
            url = base_url + page_url_path(slug, lang)
            traffic = first_load(browser, url)
            assert not traffic.uncompressed_types, f"sent without gzip: {traffic.uncompressed_types}"
            heaviest = max(heaviest, (traffic.transferred, url))
    assert heaviest[0] <= BUDGET, f"{heaviest[1]} weighs {heaviest[0] / 1024:.1f} KiB on first load"


@pytest.mark.parametrize("lang", LANGS)
def test_printing_gives_the_article_and_its_link_addresses(page, base_url, lang):
    page.goto(base_url + page_url_path("sources", lang))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".headerlink"):
        hidden = page.eval_on_selector_all(selector, "els => els.every(e => getComputedStyle(e).display === 'none')")
        assert hidden, f"{selector} is printed"
    assert page.locator("article").is_visible()
    after = page.eval_on_selector("article a[href^='https://www.ambito.com']", "a => getComputedStyle(a, '::after').content")
    assert "ambito.com" in after, f"printed links do not show their address: {after}"
