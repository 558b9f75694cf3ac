"""The site in Debian's Chromium, served under /proj/ as GitHub Pages serves a
project site: search, deep links, language switch, copy buttons, CSP, console."""
from __future__ import annotations

import re

import pytest

from playwright.sync_api import expect

from conftest import LANGS, SLUGS, page_url_path

# The clipboard is written after the click's handler finishes: wait for it (retrying),
# never read it right after the click.
CLIPBOARD_IS = "async want => (await navigator.clipboard.readText()) === want"
CLIPBOARD_HAS = "async parts => { const text = await navigator.clipboard.readText(); return parts.every(p => text.includes(p)); }"


def open_search(page):
    page.keyboard.press("/")
    box = page.get_by_role("combobox")
    box.wait_for()
    return box


def search(page, query):
    """The result links for `query`, once the first results' excerpts are in."""
    box = open_search(page)
    box.fill(query)
    page.wait_for_function("""q => { const list = document.querySelector('.site-search__results');
        return list.getAttribute('data-query') === q && (list.getAttribute('data-excerpts') === q || !list.children.length); }""", arg=query)
    return [a.get_attribute("href") for a in page.locator(".site-search__results a").all()]


# Search ----------------------------------------------------------------------

def test_search_lists_only_spanish_pages_on_a_spanish_page(page, base_url):
    page.goto(base_url + "hardware/")
    results = search(page, "chips")
    assert results, "no results for 'chips'"
    assert all("/proj/en/" not in href for href in results), results


def test_search_lists_only_english_pages_on_an_english_page(page, base_url):
    page.goto(base_url + "en/hardware/")
    results = search(page, "chips")
    assert results and all("/proj/en/" in href for href in results), results


# Words whose accent the stemmer keeps (lunr's English stemmer keeps "cómputo" and
# "ámbito"; lunr-languages' Spanish one keeps the ñ of "español"): only folding lets
# the accentless query meet them. "computo" on a Spanish page is not among them
# (the Spanish stemmer drops that accent itself), so it proves nothing about folding.
# And the other way: an accent typed where the text has none ("nvídia") still matches.
@pytest.mark.parametrize("path,query,expected", [("", "energia", "energía"), ("", "espanol", "español"),
                                                 ("en/", "computo", "cómputo"), ("en/", "nvídia", "nvidia")])
def test_search_folds_accents_both_ways(page, base_url, path, query, expected):
    page.goto(base_url + path)
    assert search(page, query)
    marked = [m.lower() for m in page.locator(".site-search__excerpt mark").all_inner_texts()]
    assert any(m.startswith(expected) for m in marked), f"{query!r} did not find {expected!r}: {marked}"


def test_search_plural_finds_the_singular(page, base_url):
    page.goto(base_url)
    assert search(page, "confiables"), "'confiables' finds nothing though a page says 'confiable'"
    assert "confiable" in page.locator(".site-search__results").inner_text().lower()


def test_search_result_lands_on_the_section(page, base_url):
    page.goto(base_url + "en/")
    results = search(page, "UltraServers")
    assert any("#" in href for href in results), results


def test_search_by_keyboard_alone(page, base_url):
    page.goto(base_url + "en/")
    results = search(page, "gigawatt")
    assert len(results) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    box = page.get_by_role("combobox")
    active = box.get_attribute("aria-activedescendant")
    assert active == "site-search-option-1"
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    target = page.locator(f"#{active} a").get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.split("#")[0])))


def test_escape_closes_search_and_returns_focus(page, base_url):
    page.goto(base_url)
    open_search(page)
    page.keyboard.press("Escape")
    assert not page.locator("dialog.site-search").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('site-search-open')")


@pytest.mark.parametrize("lang,message", [("es", "No hay resultados"), ("en", "No results")])
def test_nonsense_query_says_no_results_in_the_page_language(page, base_url, lang, message):
    page.goto(base_url + page_url_path("", lang))
    # Search matches words the query starts with (results while typing):
    # the nonsense must not begin with a word.
    assert search(page, "zqxwvy") == []
    assert message in page.locator(".site-search__status").inner_text()


@pytest.mark.parametrize("query", ["MkDocs", "Material"])
def test_only_article_content_is_indexed(page, base_url, query):
    # "Made with Material for MkDocs" is in every page's footer, outside the
    # article: search must not find it.
    page.goto(base_url)
    assert search(page, query) == []


def test_search_assets_load_only_when_search_opens(page, base_url):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert not any("/search/" in url for url in fetched)
    search(page, "nvidia")
    assert any("/search/" in url for url in fetched)


# Deep links and language switch ------------------------------------------------

def test_switching_language_keeps_the_section(page, base_url):
    page.goto(base_url + "hardware/#gpus")
    page.locator("a[data-lang-switch]").click()
    page.wait_for_url(base_url + "en/hardware/#gpus")
    assert page.evaluate("location.hash") == "#gpus"


def test_heading_link_copies_the_full_url_and_confirms(page, base_url):
    page.goto(base_url + "hardware/")
    page.locator('#gpus a[data-copy-link="gpus"]').click()
    expect(page.locator("#gpus")).to_contain_text("Enlace copiado")      # retries until the copy is confirmed
    page.wait_for_function(CLIPBOARD_IS, arg=base_url + "hardware/#gpus")
    expect(page).to_have_url(base_url + "hardware/#gpus")


def test_copy_link_on_a_quote(page, base_url):
    page.goto(base_url + "en/quotes/")
    page.locator('a[data-copy-link="quote-altman"]').click()
    expect(page.locator("#quote-altman figcaption")).to_contain_text("Link copied")
    page.wait_for_function(CLIPBOARD_IS, arg=base_url + "en/quotes/#quote-altman")


def test_newsletter_copy_button_copies_the_plain_text(page, base_url):
    page.goto(base_url + "en/newsletter/")
    page.locator('button[data-copy-target="kit-one-line-text"]').click()
    page.wait_for_function(CLIPBOARD_HAS, arg=["US$38 billion", base_url + "en/"])


# Theme -------------------------------------------------------------------------

def test_palette_toggle_by_keyboard(page, base_url):
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    button = page.locator(".site-palette__button")
    button.focus()
    page.keyboard.press("Enter")   # system → light
    page.keyboard.press("Enter")   # light → dark
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate", "the choice is not remembered"


def test_dark_system_setting_is_followed(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(base_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    context.close()


def test_without_javascript_content_and_language_links_work(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "terms/")
    assert "38.000 millones" in page.locator("article").inner_text().replace("\u00a0", " ")
    page.locator("a[data-lang-switch]").click()
    page.wait_for_url(base_url + "en/terms/")
    assert "US$38 billion" in page.locator("article").inner_text()
    context.close()


# Every page: no console errors, no failed or foreign requests, no CSP violations --

@pytest.mark.parametrize("lang", LANGS)
def test_every_page_loads_cleanly(browser, base_url, lang):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    page.on("request", lambda r: not r.url.startswith(base_url.split("/proj/")[0]) and problems.append(f"other origin: {r.url}"))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI))")
    for slug in SLUGS:
        page.goto(base_url + page_url_path(slug, lang))
        page.wait_for_load_state("networkidle")
    search(page, "nvidia")  # search must run under the CSP too
    context.close()
    assert not problems, "\n".join(problems)


def test_404_page_reads_in_both_languages_at_any_depth(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    failed = []
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document" and failed.append(r.url))
    response = page.goto(base_url + "en/no/such/page/")
    assert response.status == 404
    text = page.locator("body").inner_text()
    assert "Página no encontrada" in text and "Page not found" in text
    assert page.locator("link[rel=stylesheet]").count() == 1 and not failed
    assert page.evaluate("getComputedStyle(document.querySelector('.notfound__main')).maxWidth") != "none"
    page.get_by_role("link", name="Go to the English summary").click()
    page.wait_for_url(base_url + "en/")
    context.close()
