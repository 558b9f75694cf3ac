"""axe-core on every page, both languages, light and dark; keyboard basics."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import LANGS, SLUGS, page_url_path

AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violations(browser, base_url, lang, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    report = []
    for slug in SLUGS:
        page.goto(base_url + page_url_path(slug, lang))
        results = AXE.run(page)
        for violation in results.response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            report.append(f"{page_url_path(slug, lang) or '/'}: {violation['id']} ({violation['impact']}) {targets}")
    context.close()
    assert not report, "\n".join(report)


def test_skip_link_is_the_first_stop_and_visible(page, base_url):
    page.goto(base_url + "en/terms/")
    page.keyboard.press("Tab")
    focused = page.evaluate("(() => { const a = document.activeElement; const r = a.getBoundingClientRect(); return [a.className, r.width > 0 && r.height > 0]; })()")
    assert "md-skip" in focused[0] and focused[1]


def test_header_controls_are_reachable_by_keyboard(page, base_url):
    page.goto(base_url)
    reached = set()
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.className || document.activeElement.tagName"))
    assert any("site-lang__link" in c for c in reached)
    assert any("site-palette__button" in c for c in reached)
    assert any("site-search-open" in c for c in reached)
