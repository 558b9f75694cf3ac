"""The figures as open data: each language publishes figures.json and figures.csv
at its root, linked from the sources and newsletter pages with one line on reuse;
read back, every figure readers see on the home page's key-figure cards and in the
charts' tables is there with the same value, text and status."""
from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from conftest import LANGS, SLUGS, page_url_path
from explainer.data import load_facts, load_ui
from figures import expected_text, status_word

FACTS = load_facts()
WORDS = load_ui()
both = pytest.mark.parametrize("lang", LANGS)


def read_back(site, lang) -> tuple[dict, list[dict]]:
    folder = site / page_url_path("", lang)
    document = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((folder / "figures.csv").read_text(encoding="utf-8-sig"))))
    return document, rows


def text_of(el) -> str:
    """A cell's text without its source markers (on a copy: the session's pages stay whole)."""
    el = copy.copy(el)
    for cite in el.select("sup.cite"):
        cite.extract()
    return el.get_text(" ", strip=True)


@both
def test_both_files_hold_the_same_figures_with_everything_a_reuser_needs(site, base_url, lang):
    document, rows = read_back(site, lang)
    figures = document["figures"]
    assert document["language"] == lang and document["licence"]["url"].startswith("https://creativecommons.org/")
    assert [r["key"] for r in rows] == [f["key"] for f in figures] and len(figures) >= 15
    for figure, row in zip(figures, rows):
        fact = FACTS.facts[figure["key"]]
        assert figure["value"] == fact.value and row["value"] == str(fact.value), figure["key"]
        assert figure["text"] == row["text"] == expected_text(fact, lang)
        assert figure["status"] == row["status"] == fact.status
        assert figure["status_word"] == row["status_word"] == status_word(fact.status, lang)
        assert figure["label"] and figure["label"] == row["label"]
        assert figure["unit"] and figure["as_of"][:4].isdigit() and row["as_of"] == figure["as_of"]
        assert figure["shown_on"].startswith(base_url + page_url_path("", lang))
        assert figure["sources"], f"{figure['key']}: no sources"
        for source in figure["sources"]:
            entry = FACTS.sources[source["number"]]
            assert (source["outlet"], source["url"]) == (entry.get("publisher"), entry.get("url"))
            assert f"[{source['number']}] {source['outlet']}" in row["sources"]


@both
def test_every_figure_on_the_cards_and_in_the_charts_tables_is_in_the_files(pages, site, lang):
    figures = {f["key"]: f for f in read_back(site, lang)[0]["figures"]}
    by_label = {f["label"]: f for f in figures.values()}
    home = pages[("", lang)]
    cards = home.select("ul.cards > li.card")
    assert len(cards) == len(FACTS.key_figures)
    for card in cards:
        figure = by_label[card.select_one(".card__label").get_text(strip=True)]
        assert card.select_one(".card__value").get_text(strip=True) == figure["text"]
        if figure["status"] != "confirmed":
            assert figure["status_word"] in card.get_text(" "), f"{figure['key']}: the card does not say its status"
    rows = [row for slug in SLUGS for row in pages[(slug, lang)].select("figure.chart table tr[data-fact]")]
    assert rows, "no chart tables"
    for row in rows:
        figure = figures[row["data-fact"]]
        cells = row.find_all("td")
        assert text_of(cells[0]) == figure["text"], row["data-fact"]
        assert cells[1].get_text(strip=True).lower() == figure["status_word"].lower(), row["data-fact"]


@pytest.mark.parametrize("slug", ["sources", "newsletter"])
@both
def test_the_sources_and_newsletter_pages_link_both_files_with_the_licence(pages, site, slug, lang):
    block = pages[(slug, lang)].select_one(".open-data")
    assert block is not None, f"{slug}/{lang}: no open-data line"
    hrefs = [a["href"] for a in block.select("a[download]")]
    page_dir = site / page_url_path(slug, lang)
    assert sorted((page_dir / h).resolve().name for h in hrefs) == ["figures.csv", "figures.json"]
    assert all((page_dir / h).resolve().is_file() and (page_dir / h).resolve().parent == (site / page_url_path("", lang)).resolve()
               for h in hrefs), "each page links its own language's files"
    assert block.select_one("a[rel~=license]")["href"] == read_back(site, lang)[0]["licence"]["url"]
