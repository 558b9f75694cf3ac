"""What a reader downloads and prints: the weight budget and print output."""
from __future__ import annotations

import pytest

from conftest import LANGS, SLUGS, page_url_path
from explainer.measure import first_load

BUDGET = 40 * 1024  # bytes on the wire for the first load of any page
BUDGETS = {"en/hardware/": 35 * 1024}  # tighter for the benchmark's page


def test_first_load_of_every_page_fits_the_budget_and_is_compressed(browser, base_url):
    over = []
    for lang in LANGS:
        for slug in SLUGS:
            path = page_url_path(slug, lang)
            traffic = first_load(browser, base_url + path)
            assert not traffic.uncompressed_types, f"sent without gzip: {traffic.uncompressed_types}"
            favicons = [u for u in traffic.urls if u.endswith("favicon.svg")]
            assert len(favicons) <= 1, f"/{path}: the favicon is fetched {len(favicons)} times"
            budget = BUDGETS.get(path, BUDGET)
            if traffic.transferred > budget:
                over.append(f"/{path} weighs {traffic.transferred / 1024:.1f} KiB on first load (budget {budget / 1024:.0f} KiB)")
    assert not over, "\n".join(over)


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
