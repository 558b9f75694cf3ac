"""axe-core on every page, both languages, light and dark; keyboard basics."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import LANGS, SLUGS, page_url_path

AXE = Axe()


def test_every_data_table_has_a_caption_in_the_page_language(pages):
    """A screen reader's list of tables names each one: Markdown tables (a
    `Table: …` line after them) and the charts' tables alike."""
    counts = {}
    for lang in LANGS:
        captions = []
        for slug in SLUGS:
            for table in pages[(slug, lang)].select("article table"):
                caption = table.find("caption")
                assert caption is not None and caption.get_text(strip=True), f"{lang} {slug}: a table without a caption"
                assert table.contents and next(c for c in table.children if getattr(c, "name", None)).name == "caption"
                captions.append(caption.get_text(" ", strip=True))
        assert not any(c.startswith("Table:") for c in captions), "the caption line's marker is not shown"
        counts[lang] = captions
    assert len(counts["es"]) == len(counts["en"]) >= 5
    assert not set(counts["es"]) & set(counts["en"]), "each edition names its tables in its own language"


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


# Zoom and reflow (WCAG 1.4.4, 1.4.10) ------------------------------------------

HEADER_CONTROLS = ".site-menu-button, .site-palette__button, .site-lang__link, .site-search-open"
OVERFLOW = """() => {
  const w = document.documentElement.clientWidth;
  return {
    scrollWidth: document.documentElement.scrollWidth, width: w,
    offscreen: [...document.querySelectorAll('%s')].filter(e => e.getClientRects().length)
      .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > w + 1; })
      .map(e => e.className),
  };
}""" % HEADER_CONTROLS


@pytest.mark.parametrize("width,text_px", [(320, 16), (390, 32)], ids=["320px", "390px-text-200%"])
def test_no_sideways_scroll_and_header_controls_on_screen(browser, base_url, width, text_px):
    """Every page, both languages, and the 404 page, at 320 px, and at 390 px with
    the browser's text size doubled (Chromium's own setting, as a reader would set
    it: 32 px standard)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": text_px, "fixed": text_px * 13 // 16}})
    report = []
    for lang in LANGS:
        for slug in SLUGS:
            page.goto(base_url + page_url_path(slug, lang))
            got = page.evaluate(OVERFLOW)
            if got["scrollWidth"] > got["width"]:
                report.append(f"{page_url_path(slug, lang) or '/'}: scrollWidth {got['scrollWidth']} > {got['width']}")
            if got["offscreen"]:
                report.append(f"{page_url_path(slug, lang) or '/'}: header controls off screen: {got['offscreen']}")
    page.goto(base_url + "no/such/page/")
    got = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    if got[0] > got[1]:
        report.append(f"404: scrollWidth {got[0]} > {got[1]}")
    context.close()
    assert not report, "\n".join(report)


# Heading links ------------------------------------------------------------------

@pytest.mark.parametrize("lang,name", [("es", "Copiar enlace a esta sección"), ("en", "Copy link to this section")])
def test_one_control_per_heading_named_in_the_page_language(page, base_url, lang, name):
    page.goto(base_url + page_url_path("hardware" if "hardware" in SLUGS else SLUGS[-1], lang))
    headings = page.locator("article :is(h2, h3)[id]")
    assert headings.count() >= 2
    for i in range(headings.count()):
        heading = headings.nth(i)
        controls = heading.locator("a[href], button")
        hid = heading.get_attribute("id")
        assert controls.count() == 1, f"#{hid} has {controls.count()} controls"
        assert controls.first.get_attribute("href") == f"#{hid}"
        assert controls.first.get_attribute("aria-label") == name


def test_heading_links_work_without_javascript(browser, base_url):
    # Newsletter editors link to sections: the link is a plain #fragment link.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + page_url_path("hardware" if "hardware" in SLUGS else SLUGS[-1], "en"))
    link = page.locator("article h2[id] a[href^='#']").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    context.close()


def test_without_javascript_no_header_control_does_nothing(browser, base_url):
    # The palette, menu and search buttons need site.js (it makes the last two):
    # without it none shows, and Material's menu label (touch, mouse) is there instead.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base_url + page_url_path("", "en"))
    shown = page.evaluate("""[...document.querySelectorAll('.site-palette, .site-menu-button, .site-search-open')]
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)""")
    assert not shown, f"controls that need JavaScript are shown without it: {shown}"
    assert page.locator('.md-header label.md-header__button[for="__drawer"]').is_visible()
    context.close()


# Forced colours (Windows high contrast) -------------------------------------------

FORCED_VISIBLE = """() => {
  const canvas = getComputedStyle(document.body).backgroundColor;
  const out = [];
  const check = (what, value) => { if (!value || value === canvas || value === 'rgba(0, 0, 0, 0)' || value === 'none') out.push(what + ': ' + value); };
  document.querySelectorAll('li.card').forEach(c => { const cs = getComputedStyle(c);
    if (cs.borderLeftStyle === 'none' || parseFloat(cs.borderLeftWidth) === 0) out.push('card without an outline'); });
  document.querySelectorAll('.chart .bar').forEach(b => { const cs = getComputedStyle(b);
    if ((cs.fill === canvas || cs.fill === 'none') && (cs.stroke === 'none' || cs.stroke === canvas)) out.push('chart bar invisible: ' + b.getAttribute('class')); });
  document.querySelectorAll('.verdict').forEach(v => check('badge border', getComputedStyle(v).borderTopColor));
  document.querySelectorAll('.md-header svg').forEach(s => check('header icon', getComputedStyle(s).fill));
  return out;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_forced_colours_keep_cards_badges_charts_icons_and_focus_visible(browser, base_url, lang):
    context = browser.new_context(forced_colors="active", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    report = []
    with_details = None
    for slug in SLUGS:
        page.goto(base_url + page_url_path(slug, lang))
        report += [f"{page_url_path(slug, lang) or '/'}: {p}" for p in page.evaluate(FORCED_VISIBLE)]
        if with_details is None and page.locator("details > summary").count():
            with_details = slug
    # The icons of "same figures as a table" are CSS masks: compare pixels with and without them.
    assert with_details is not None, "no page has a <details> (charts' tables) to check"
    page.goto(base_url + page_url_path(with_details, lang))
    summary = page.locator("details > summary").first
    with_icons = summary.screenshot(animations="disabled")
    page.add_style_tag(content="summary::before, summary::after { visibility: hidden !important; }")
    if summary.screenshot(animations="disabled") == with_icons:
        report.append(f"{page_url_path(with_details, lang)}: the icons of a <details> summary are invisible")
    page.goto(base_url + page_url_path("", lang))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")
    if ring[0] == "none" or float(ring[1].rstrip("px")) < 2:
        report.append(f"focus ring in forced colours: {ring}")
    context.close()
    assert not report, "\n".join(sorted(set(report)))
