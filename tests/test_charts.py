"""The four charts drawn at build time (overrides/components/chart-*.html), read
from the built pages: one figure per chart with the same id in both languages,
an SVG with an accessible name, text in the page's language, labels equal to the
data, unconfirmed figures drawn distinctly, and a table with the same numbers."""
from __future__ import annotations

import re

import pytest

from conftest import LANGS
from explainer.data import load_facts, load_ui
from explainer.format import render

FACTS = load_facts()
UI = load_ui()

# chart name: the page (slug) it is drawn on.
CHARTS = {"deal_years": "terms", "chips": "terms", "commitments_usd": "context", "commitments_gw": "context"}
BAR_CHARTS = {"commitments_usd": FACTS.commitments_usd, "commitments_gw": FACTS.commitments_gw}
CHIPS_ROWS = [("gpus.article", "gpus.article_floor"), ("gpus.companies", "gpus.companies_floor")]

# Words that give a language away (whole words, any case).
MARKERS = {
    "es": ["millones", "año", "años", "confirmado", "promedio", "miles", "al menos", "empresas", "reparto"],
    "en": ["billion", "year", "years", "unconfirmed", "confirmed", "average", "thousands", "at least", "companies", "split"],
}

# Labels written out here, independently of the formatter: {chart: [(es, en), …]}.
LITERALS = {
    "commitments_usd": [("US$ 38.000 millones", "US$38 billion"), ("US$ 250.000 millones", "US$250 billion")],
    "commitments_gw": [("4,5 GW", "4.5 GW"), ("10 GW", "10 GW")],
    "chips": [("1.000", "1,000"), ("100.000", "100,000"), ("miles", "thousands")],
    "deal_years": [("US$ 5.400 millones", "US$5.4 billion"), ("US$ 38.000 millones", "US$38 billion")],
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def text_of(el) -> str:
    return norm(el.get_text(" "))


def fact_text(key: str, lang: str) -> str:
    return norm(render(FACTS.facts[key], lang))


def figure(pages, name: str, lang: str):
    soup = pages[(CHARTS[name], lang)]
    assert soup is not None, f"page {CHARTS[name]}/ ({lang}) was not built"
    found = soup.select(f"figure#chart-{name}")
    assert len(found) == 1, f"{lang}: expected one figure#chart-{name}, found {len(found)}"
    return found[0]


def svg_text(fig) -> str:
    """All the text the chart draws: its <title>, <desc> and every <text>."""
    svg = fig.find("svg")
    return norm(" ".join(el.get_text(" ") for el in svg.find_all(["title", "desc", "text"])))


def has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None


def rows(fig):
    return fig.find("svg").select("g.chart__row")


all_charts = pytest.mark.parametrize("name", sorted(CHARTS))
both = pytest.mark.parametrize("lang", LANGS)


@all_charts
def test_each_chart_is_one_figure_with_the_same_id_in_both_languages(pages, name):
    ids = {lang: figure(pages, name, lang).get("id") for lang in LANGS}
    assert set(ids.values()) == {f"chart-{name}"}
    for lang in LANGS:
        fig = figure(pages, name, lang)
        assert "chart" in fig.get("class", [])
        assert fig.find("figcaption") is not None and fig.find("svg") is not None


@all_charts
def test_the_svg_is_an_image_named_in_the_page_language(pages, name):
    names = {}
    for lang in LANGS:
        fig = figure(pages, name, lang)
        svg = fig.find("svg")
        assert svg.get("role") == "img"
        ref = svg.get("aria-labelledby", "")
        assert ref, f"{lang}: the svg needs aria-labelledby"
        labels = [svg.find(id=i) for i in ref.split()]
        assert all(el is not None for el in labels), f"{lang}: aria-labelledby={ref!r} points outside the svg"
        assert labels[0].name == "title"
        names[lang] = norm(" ".join(el.get_text(" ") for el in labels))
        assert names[lang], f"{lang}: empty accessible name"
        # The accessible name is also the visible caption's title.
        assert norm(fig.select_one("figcaption .chart__title").get_text(" ")) == names[lang]
    assert names["es"] != names["en"], f"the chart's name is not translated: {names}"


@all_charts
def test_ids_inside_the_chart_are_unique_on_the_page_and_equal_in_both_languages(pages, name):
    inner = {}
    for lang in LANGS:
        soup = pages[(CHARTS[name], lang)]
        fig = figure(pages, name, lang)
        inner[lang] = sorted(el["id"] for el in fig.find_all(id=True))
        for i in inner[lang]:
            assert len(soup.find_all(id=i)) == 1, f"{lang}: id {i!r} appears more than once on {CHARTS[name]}/"
    assert inner["es"] == inner["en"]


@all_charts
def test_the_svg_scales_and_takes_its_colours_from_css(pages, name):
    for lang in LANGS:
        svg = figure(pages, name, lang).find("svg")
        assert "width" not in svg.attrs and "height" not in svg.attrs, "a fixed size would not scale to phones"
        x, y, w, h = (float(n) for n in svg["viewbox"].split())
        assert (x, y) == (0, 0) and 600 <= w <= 700 and h > 0
        for el in svg.find_all(True):
            for attr in ("fill", "stroke", "style", "color"):
                assert attr not in el.attrs, f"{lang}: <{el.name} {attr}=…> hard-codes a colour; use a CSS class"


@all_charts
@both
def test_chart_text_is_in_the_page_language(pages, name, lang):
    text = svg_text(figure(pages, name, lang))
    other = "en" if lang == "es" else "es"
    assert any(has_word(text, w) for w in MARKERS[lang]), f"{lang}: no {lang} words in the chart: {text!r}"
    foreign = [w for w in MARKERS[other] if has_word(text, w)]
    assert not foreign, f"{lang}: {other} words {foreign} in the chart: {text!r}"
    if name in ("commitments_usd", "deal_years"):
        if lang == "es":
            assert "millones" in text and "billion" not in text
        else:
            assert "billion" in text and "millones" not in text


@all_charts
@both
def test_labels_written_out_by_hand_appear(pages, name, lang):
    fig = figure(pages, name, lang)
    text = svg_text(fig)
    table = text_of(fig.find("table"))
    for pair in LITERALS[name]:
        expected = pair[LANGS.index(lang)]
        assert expected in text, f"{lang}: {expected!r} not drawn in chart {name}"
        assert expected in table, f"{lang}: {expected!r} not in chart {name}'s table"


@pytest.mark.parametrize("name", sorted(BAR_CHARTS))
@both
def test_commitment_bars_are_labelled_with_the_data(pages, name, lang):
    items = BAR_CHARTS[name]
    found = rows(figure(pages, name, lang))
    assert [g.get("data-fact") for g in found] == [it["fact"] for it in items]
    for g, it in zip(found, items):
        assert text_of(g.select_one(".chart__partner")) == it["partner"]
        assert text_of(g.select_one(".chart__value")) == fact_text(it["fact"], lang)
        if it.get("note"):
            assert norm(it["note"][lang]) in text_of(g)


@pytest.mark.parametrize("name", sorted(BAR_CHARTS))
@both
def test_unconfirmed_bars_are_drawn_and_said_distinctly(pages, name, lang):
    items = BAR_CHARTS[name]
    fig = figure(pages, name, lang)
    word = norm(UI[lang]["unconfirmed"])
    states = []
    for g, it in zip(rows(fig), items):
        unconfirmed = FACTS.facts[it["fact"]].confirmed is False
        states.append(unconfirmed)
        bars = g.select("rect.bar")
        assert len(bars) == 1
        assert ("bar--unconfirmed" in bars[0]["class"]) == unconfirmed, f"{lang}: {it['partner']} ({it['fact']})"
        assert (word in text_of(g)) == unconfirmed, f"{lang}: {it['partner']}: the label must say {word!r} exactly when unconfirmed"
    assert any(states) and not all(states), "the data should have both kinds for this test to mean something"
    # …and a legend explains the two.
    legend = fig.find("svg").select_one(".chart__legend")
    assert legend is not None
    assert [("bar--unconfirmed" in r["class"]) for r in legend.select("rect.bar")] == [False, True]
    assert word.lower() in text_of(legend).lower()


@pytest.mark.parametrize("name", sorted(BAR_CHARTS))
def test_bar_lengths_are_scaled_to_the_largest(pages, name):
    items = BAR_CHARTS[name]
    values = [FACTS.facts[it["fact"]].value for it in items]
    for lang in LANGS:
        widths = [float(g.select_one("rect.bar")["width"]) for g in rows(figure(pages, name, lang))]
        for v, w in zip(values, widths):
            assert w == pytest.approx(max(widths) * v / max(values), abs=0.2)


def test_dollars_and_gigawatts_are_never_on_one_chart(pages):
    for lang in LANGS:
        usd = svg_text(figure(pages, "commitments_usd", lang))
        gw = svg_text(figure(pages, "commitments_gw", lang))
        assert "GW" not in usd
        assert "US$" not in gw


@both
def test_chips_chart_compares_the_floors_of_the_two_phrases(pages, lang):
    found = rows(figure(pages, "chips", lang))
    assert [g.get("data-fact") for g in found] == [floor for _, floor in CHIPS_ROWS]
    for g, (phrase, floor) in zip(found, CHIPS_ROWS):
        assert text_of(g.select_one(".chart__words")) == fact_text(phrase, lang)
        assert text_of(g.select_one(".chart__value")) == fact_text(floor, lang)
    small, large = (float(g.select_one("rect.bar")["width"]) for g in found)
    ratio = FACTS.facts["gpus.companies_floor"].value / FACTS.facts["gpus.article_floor"].value
    assert large / small == pytest.approx(ratio, rel=0.02)


@both
def test_deal_years_chart_splits_the_total_evenly(pages, lang):
    fig = figure(pages, "deal_years", lang)
    years = int(FACTS.facts["deal.years"].value)
    found = rows(fig)
    assert len(found) == years
    svg = fig.find("svg")
    assert text_of(svg.select_one(".chart__value")) == fact_text("deal.per_year", lang)
    assert text_of(svg.select_one(".chart__total")) == fact_text("deal.value", lang)
    word = UI[lang]["chart.year_n"]
    assert [text_of(g.find("text")) for g in found] == [word.format(n=i) for i in range(1, years + 1)]
    bars = [g.select_one("rect.bar") for g in found]
    assert all("bar--even" in b["class"] for b in bars), "an even split is drawn with a dashed outline"
    assert len({b["height"] for b in bars}) == 1
    # The note that the schedule was not disclosed is visible, in the caption and the drawing.
    assert norm(UI[lang]["chart.deal_years.note"]) in text_of(fig.find("figcaption"))
    assert norm(UI[lang]["chart.deal_years.legend"]) in svg_text(fig)


@all_charts
@both
def test_caption_has_a_title_a_note_and_sources(pages, name, lang):
    cap = figure(pages, name, lang).find("figcaption")
    assert text_of(cap.select_one(".chart__title"))
    assert text_of(cap.select_one(".chart__caption"))
    links = cap.select("sup.cite a[href]")
    assert links and all("sources/#source-" in a["href"] for a in links)


def expected_rows(name: str, lang: str) -> list[list[str]]:
    """The table rows each chart must have: [first cell, value cell (start), status]."""
    if name in BAR_CHARTS:
        status = {True: UI[lang]["confirmed"], False: UI[lang]["unconfirmed"]}
        return [[it["partner"], fact_text(it["fact"], lang), status[FACTS.facts[it["fact"]].confirmed is not False]]
                for it in BAR_CHARTS[name]]
    if name == "chips":
        return [[None, fact_text(phrase, lang), fact_text(floor, lang)] for phrase, floor in CHIPS_ROWS]
    years = int(FACTS.facts["deal.years"].value)
    return [[UI[lang]["chart.year_n"].format(n=i), fact_text("deal.per_year", lang)] for i in range(1, years + 1)]


@all_charts
@both
def test_details_table_has_one_row_per_item_with_the_same_numbers(pages, name, lang):
    details = figure(pages, name, lang).find("details")
    assert details is not None
    assert text_of(details.find("summary")) == norm(UI[lang]["figures_table"])
    table = details.find("table")
    assert table is not None and len(table.select("thead th")) >= 2
    body = table.select("tbody tr")
    expected = expected_rows(name, lang)
    assert len(body) == len(expected), f"{lang}: {len(body)} table rows for {len(expected)} items"
    for tr, exp in zip(body, expected):
        cells = [text_of(c) for c in tr.find_all(["th", "td"])]
        if exp[0] is not None:
            assert cells[0].startswith(exp[0])
        assert cells[1].startswith(exp[1]), f"{lang}: {cells[1]!r} should read {exp[1]!r}"
        if len(exp) > 2:
            assert cells[2].lower() == norm(exp[2]).lower()
