"""The charts drawn at build time (overrides/components/chart-*.html, data under
`charts:` in data/facts.yml), read from the built pages: one figure per chart
with the same id in both languages, an SVG with an accessible name, text in the
page's language, labels equal to the data, figures that are not confirmed drawn
and said distinctly, the date the data describes, and a table with the same
numbers. Charts are found from their templates, so a new chart is tested too."""
from __future__ import annotations

import re

import pytest

from conftest import LANGS, SLUGS
from explainer.data import load_facts, load_ui
from explainer.format import render
from explainer.pages import chart_names

FACTS = load_facts()
UI = load_ui()
CHARTS = chart_names()

# Words that give a language away (whole words, any case).
MARKERS = {
    "es": ["millones", "años", "confirmado", "vinculante", "interpretación", "datos"],
    "en": ["billion", "years", "unconfirmed", "confirmed", "non-binding", "interpretation", "data"],
}

# Labels written out here, independently of the formatter: {chart: [(es, en), …]}.
LITERALS = {
    "commitments_usd": [("US$ 38.000 millones", "US$38 billion"), ("US$ 100.000 millones", "US$100 billion"),
                        ("US$ 138.000 millones", "US$138 billion"), ("US$ 250.000 millones", "US$250 billion")],
    "commitments_gw": [("4,5 GW", "4.5 GW"), ("0,75 GW", "0.75 GW"), ("10 GW", "10 GW")],
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def text_of(el) -> str:
    return norm(el.get_text(" "))


def fact_text(key: str, lang: str) -> str:
    return norm(render(FACTS.facts[key], lang))


def status_word(key: str, lang: str) -> str:
    return norm(UI[lang]["status." + FACTS.facts[key].status])


def figure(pages, name: str, lang: str):
    found = [(slug, fig) for slug in SLUGS for fig in pages[(slug, lang)].select(f"figure#chart-{name}")]
    assert len(found) == 1, f"{lang}: expected one figure#chart-{name} on the site, found {len(found)}"
    return found[0][1]


def svg_text(fig) -> str:
    """All the text the chart draws: its <title>, <desc> and every <text>."""
    svg = fig.find("svg")
    return norm(" ".join(el.get_text(" ") for el in svg.find_all(["title", "desc", "text"])))


def has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None


def rows(fig):
    return fig.find("svg").select("g.chart__row")


all_charts = pytest.mark.parametrize("name", CHARTS)
both = pytest.mark.parametrize("lang", LANGS)


def test_every_chart_template_has_data_and_a_literal_check():
    assert CHARTS, "no chart templates found"
    for name in CHARTS:
        assert name in FACTS.charts, f"chart-{name}.html has no data under `charts:`"
        assert name in LITERALS, f"write the expected labels of chart {name} by hand in LITERALS"


@all_charts
def test_each_chart_is_one_figure_with_the_same_id_in_both_languages(pages, name):
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
        labels = [svg.find(id=i) for i in ref.split()]
        assert ref and all(el is not None for el in labels), f"{lang}: aria-labelledby={ref!r} points outside the svg"
        assert labels[0].name == "title"
        names[lang] = norm(" ".join(el.get_text(" ") for el in labels))
        assert names[lang], f"{lang}: empty accessible name"
        assert norm(fig.select_one("figcaption .chart__title").get_text(" ")) == names[lang]
    assert names["es"] != names["en"], f"the chart's name is not translated: {names}"


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
    text = svg_text(figure(pages, name, lang)) + " " + text_of(figure(pages, name, lang).find("figcaption"))
    other = "en" if lang == "es" else "es"
    assert any(has_word(text, w) for w in MARKERS[lang]), f"{lang}: no {lang} words in the chart: {text!r}"
    foreign = [w for w in MARKERS[other] if has_word(text, w)]
    assert not foreign, f"{lang}: {other} words {foreign} in the chart: {text!r}"


@all_charts
@both
def test_labels_written_out_by_hand_appear(pages, name, lang):
    fig = figure(pages, name, lang)
    text, table = svg_text(fig), text_of(fig.find("table"))
    for pair in LITERALS[name]:
        expected = pair[LANGS.index(lang)]
        assert expected in text, f"{lang}: {expected!r} not drawn in chart {name}"
        assert expected in table, f"{lang}: {expected!r} not in chart {name}'s table"


@all_charts
@both
def test_each_chart_says_the_date_its_data_describes(pages, name, lang):
    fig = figure(pages, name, lang)
    from explainer.format import date_text

    stamp = norm(UI[lang]["chart.as_of"].format(date=date_text(FACTS.charts[name]["as_of"].isoformat(), lang)))
    assert stamp in text_of(fig.find("figcaption")), f"{lang}: the caption must say {stamp!r}"
    assert stamp in svg_text(fig), f"{lang}: the drawing's description must say {stamp!r}"


@all_charts
@both
def test_bars_are_labelled_with_the_data(pages, name, lang):
    bars = FACTS.charts[name]["bars"]
    found = rows(figure(pages, name, lang))
    assert len(found) == len(bars)
    for g, bar in zip(found, bars):
        head = bar.get("total") or bar["segments"][0]["fact"]
        assert g.get("data-fact") == head
        assert text_of(g.select_one(".chart__partner")) == bar["label"]
        assert text_of(g.select_one(".chart__value")) == fact_text(head, lang)
        if bar.get("note"):
            assert norm(bar["note"][lang]) in text_of(g)
        if len(bar["segments"]) > 1:
            for seg in bar["segments"]:
                assert f"{norm(seg['label'][lang])}: {fact_text(seg['fact'], lang)}" in text_of(g)


@all_charts
@both
def test_figures_that_are_not_confirmed_are_drawn_and_said_distinctly(pages, name, lang):
    fig = figure(pages, name, lang)
    statuses = set()
    for g, bar in zip(rows(fig), FACTS.charts[name]["bars"]):
        for seg in bar["segments"]:
            status = FACTS.facts[seg["fact"]].status
            statuses.add(status)
            rect = g.select_one(f'rect.bar[data-fact="{seg["fact"]}"]')
            assert rect is not None
            assert (f"bar--{status}" in rect["class"]) == (status != "confirmed"), f"{lang}: {seg['fact']} is {status}"
        head = bar.get("total") or bar["segments"][0]["fact"]
        word = status_word(head, lang)
        label = text_of(g.find("text"))
        assert (f"({word})" in label) == (FACTS.facts[head].status != "confirmed"), f"{lang}: {bar['label']}: {label!r}"
    assert len(statuses) > 1, "the data should mix statuses for this test to mean something"
    legend = text_of(fig.find("svg").select_one(".chart__legend")).lower()
    for status in statuses:
        assert norm(UI[lang]["status." + status]).lower() in legend


@all_charts
def test_bar_lengths_are_scaled_to_the_longest_and_segments_stack(pages, name):
    bars = FACTS.charts[name]["bars"]
    totals = [sum(FACTS.facts[s["fact"]].value for s in bar["segments"]) for bar in bars]
    for lang in LANGS:
        widths = []
        for g in rows(figure(pages, name, lang)):
            rects = g.select("rect.bar[data-fact]")
            for left, right in zip(rects, rects[1:]):
                assert float(right["x"]) == pytest.approx(float(left["x"]) + float(left["width"]), abs=0.2), "segments touch"
            widths.append(sum(float(r["width"]) for r in rects))
        for value, width in zip(totals, widths):
            assert width == pytest.approx(max(widths) * value / max(totals), abs=0.3)


def test_the_aws_bar_shows_the_original_deal_and_the_expansion_with_an_interpreted_total(pages):
    bar = next(b for b in FACTS.charts["commitments_usd"]["bars"] if b["label"] == "AWS")
    assert [s["fact"] for s in bar["segments"]] == ["deal.value", "expansion.value"]
    assert FACTS.facts[bar["total"]].status == "interpretation"
    for lang in LANGS:
        g = figure(pages, "commitments_usd", lang).select_one(f'g.chart__row[data-fact="{bar["total"]}"]')
        assert f"({status_word(bar['total'], lang)})" in text_of(g)


def test_money_invested_into_openai_is_not_on_the_commitments_chart():
    drawn = {s["fact"] for bar in FACTS.charts["commitments_usd"]["bars"] for s in bar["segments"]}
    for key in ("nvidia.investment", "amazon.investment", "nvidia.equity", "softbank.equity", "round.closed_value"):
        assert key not in drawn


def test_overlapping_gigawatts_are_not_summed(pages):
    assert not any(bar.get("total") for bar in FACTS.charts["commitments_gw"]["bars"])
    total = sum(FACTS.facts[s["fact"]].value for bar in FACTS.charts["commitments_gw"]["bars"] for s in bar["segments"])
    for lang in LANGS:
        text = svg_text(figure(pages, "commitments_gw", lang))
        assert norm(render(type(FACTS.facts["amd.gw"])("sum", "gw", total, [], "confirmed", None, 0), lang)) not in text


def test_dollars_and_gigawatts_are_never_on_one_chart(pages):
    for lang in LANGS:
        assert "GW" not in svg_text(figure(pages, "commitments_usd", lang))
        assert "US$" not in svg_text(figure(pages, "commitments_gw", lang))


@all_charts
@both
def test_caption_has_a_title_a_note_and_sources(pages, name, lang):
    cap = figure(pages, name, lang).find("figcaption")
    assert text_of(cap.select_one(".chart__title"))
    assert text_of(cap.select_one(".chart__caption"))
    links = cap.select("sup.cite a[href]")
    assert links and all("sources/#source-" in a["href"] for a in links)


@all_charts
@both
def test_details_table_has_a_row_per_figure_with_the_same_numbers(pages, name, lang):
    details = figure(pages, name, lang).find("details")
    assert text_of(details.find("summary")) == norm(UI[lang]["figures_table"])
    body = details.select("table tbody tr")
    expected = []
    for bar in FACTS.charts[name]["bars"]:
        expected += [(bar["label"], s["fact"]) for s in bar["segments"]]
        if len(bar["segments"]) > 1:
            expected.append((bar["label"], bar["total"]))
    assert [tr.get("data-fact") for tr in body] == [key for _, key in expected]
    for tr, (label, key) in zip(body, expected):
        cells = [text_of(c) for c in tr.find_all(["th", "td"])]
        assert cells[0].startswith(label)
        assert cells[1].startswith(fact_text(key, lang)), f"{lang}: {cells[1]!r} should read {fact_text(key, lang)!r}"
        assert cells[2].lower() == status_word(key, lang).lower()
