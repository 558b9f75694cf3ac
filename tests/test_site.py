"""The built site, read as files: every page in both languages, figures in each
language's conventions, the article's claims covered, nothing from other origins."""
from __future__ import annotations

import copy
import re

import pytest

from conftest import LANGS, SLUGS, page_url_path

FIGURES = {
    # fact: (Spanish form, English form) — written out here, independently of the formatter,
    # whole, as only the formatter writes them: "38.000 millones" alone is also typed in
    # data/facts.yml's prose (Ámbito's "u$s38.000 millones"), which a wrong formatter would not change.
    "value": ("US$ 38.000 millones", "US$38 billion"),
    "stake": ("27 %", "27%"),
    "azure": ("US$ 250.000 millones", "US$250 billion"),
    "announced": ("3 de noviembre de 2025", "November 3, 2025"),
}


def own_language_text(soup, lang: str) -> str:
    """The page's text without passages marked as another language (quotes, examples)."""
    soup = copy.copy(soup)
    for el in soup.select(".print-links"):   # shown only in print: every link's address
        el.decompose()
    for el in soup.select("[lang]"):
        if el.name != "html" and el.get("lang") != lang:
            el.decompose()
    article = soup.select_one("article") or soup
    return article.get_text(" ", strip=True).replace("\u00a0", " ")


def all_text(pages, lang):
    return " ".join(own_language_text(s, lang) for (slug, l), s in pages.items() if l == lang)


def test_every_page_exists_in_both_languages(pages, site):
    missing = [page_url_path(slug, lang) for (slug, lang), soup in pages.items() if soup is None]
    assert not missing, f"pages not built: {missing}"
    assert len(SLUGS) >= 9, "the nav lists fewer pages than the site has"
    built = {str(p.parent.relative_to(site)) for p in site.rglob("index.html")}
    expected = {page_url_path(slug, lang).rstrip("/") or "." for slug in SLUGS for lang in LANGS}
    assert expected <= built, f"pages not built: {sorted(expected - built)}"


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_matches_the_page_language(pages, lang):
    wrong = [slug for (slug, l), soup in pages.items() if l == lang and soup.html.get("lang") != lang]
    assert not wrong, f"<html lang> is not {lang} on {wrong}"


@pytest.mark.parametrize("slug", SLUGS)
def test_heading_ids_match_between_languages(pages, slug):
    ids = {lang: [h["id"] for h in pages[(slug, lang)].select("article h2[id], article h3[id]")] for lang in LANGS}
    assert ids["es"] == ids["en"]
    assert ids["es"], f"{slug or 'home'} has no sections"


@pytest.mark.parametrize("name", FIGURES)
def test_figures_use_each_languages_conventions(pages, name):
    es_form, en_form = FIGURES[name]
    es_text, en_text = all_text(pages, "es"), all_text(pages, "en")
    assert es_form in es_text, f"Spanish pages never show {es_form!r}"
    assert en_form in en_text, f"English pages never show {en_form!r}"
    assert en_form not in es_text, f"a Spanish page shows the English form {en_form!r}"
    assert es_form not in en_text, f"an English page shows the Spanish form {es_form!r}"


def test_spanish_pages_never_use_english_number_separators(pages):
    bad = re.compile(r"US\$ ?\d+ (?:billion|million)|\d{1,3},\d{3} millones")
    for (slug, lang), soup in pages.items():
        if lang == "es":
            assert not bad.search(own_language_text(soup, "es")), f"{slug}: English number form on a Spanish page"


@pytest.mark.parametrize("lang", LANGS)
def test_every_claim_of_the_source_article_is_checked(pages, lang):
    import yaml
    from conftest import ROOT

    claims = yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))["claims"]
    soup = pages[("fact-check", lang)]
    for claim in claims:
        section = soup.find(id=f"claim-{claim['id']}")
        assert section is not None, f"fact-check ({lang}) has no section #claim-{claim['id']}"
    assert soup.select(".verdict--imprecise") and soup.select(".verdict--unconfirmed") and soup.select(".verdict--accurate")


@pytest.mark.parametrize("lang", LANGS)
def test_the_articles_main_claims_appear_in_both_languages(pages, lang):
    text = all_text(pages, lang).lower()
    words = {
        "es": ["siete años", "us$ 38.000 millones", "nvidia", "microsoft", "sin fines de lucro", "almacenamiento", "ámbito"],
        "en": ["seven-year", "us$38 billion", "nvidia", "microsoft", "nonprofit", "storage", "ámbito"],
    }[lang]
    for word in words:
        assert word in text, f"{lang} pages never mention {word!r}"


def test_nothing_is_loaded_from_another_origin(site, base_url):
    # The build's own link check (explainer.links), run again on the finished
    # site: scripts, styles, images, frames and CSS url()/@import stay on the site.
    from explainer.links import check_links
    from explainer.site import BuiltSite

    problems = [str(e) for e in check_links(BuiltSite(site, base_url, {})) if "another origin" in str(e)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_sources_page_links_the_source_article(pages, lang):
    links = [a["href"] for a in pages[("sources", lang)].select("article a[href]")]
    assert any(href.startswith("https://www.ambito.com/") for href in links)
    assert len({h for h in links if h.startswith("https://")}) >= 30


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_a_description(pages, lang):
    for (slug, l), soup in pages.items():
        if l == lang:
            meta = soup.find("meta", attrs={"name": "description"})
            assert meta and 50 <= len(meta["content"]) <= 160, f"{slug}: description missing or off-length"


def test_quotes_have_the_same_ids_and_lang_in_both_languages(pages):
    ids = {lang: [f["id"] for f in pages[("quotes", lang)].select("figure.quote[id]")] for lang in LANGS}
    assert ids["es"] == ids["en"] and len(ids["es"]) >= 4
    for blockquote in pages[("quotes", "es")].select("figure.quote blockquote"):
        assert blockquote.get("lang") in ("en", "es")
    assert pages[("quotes", "es")].select('figure.quote blockquote[lang="en"]'), "English originals are not marked lang=en"


def test_no_template_is_published_unrendered(site):
    """Only rendered files ship: a Jinja tag in a published text file means a
    template was copied as a static file (MkDocs copies theme files it does not render)."""
    leaks = [str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in {".html", ".txt", ".xml", ".css"}
             and re.search(r"\{%-?\s|\{#-?\s|\{\{\s*\w", p.read_text(encoding="utf-8"))]
    assert not leaks, f"unrendered templates published: {leaks}"
