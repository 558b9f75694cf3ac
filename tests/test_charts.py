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
from explainer import DOCS as ROOT_DOCS
from explainer.data import load_facts, load_ui
from explainer.charts import chart_layout
from explainer.calls import chart_names
from figures import date_text as expected_date, expected_text, format_value, norm

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


def text_of(el) -> str:
    return norm(el.get_text(" "))


def fact_text(key: str, lang: str) -> str:
    """What figure `key` must read: tests/figures.py, never the site's formatter."""
    return norm(expected_text(FACTS.facts[key], lang))


def status_word(key: str, lang: str) -> str:
    return norm(UI[lang]["status." + FACTS.facts[key].status])


def figure(pages, name: str, lang: str):
    found = [(slug, fig) for slug in SLUGS for fig in pages[(slug, lang)].select(f"figure#chart-{name}")]
    assert len(found) == 1, f"{lang}: expected one figure#chart-{name} on the site, found {len(found)}"
    return found[0][1]


def chart_text(fig) -> str:
    """All the words the chart shows beside its bars: rows and legend (not the table)."""
    return norm(" ".join(el.get_text(" ") for el in fig.select(".chart__rows, .chart__legend")))


def has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None


def rows(fig):
    return fig.select("ol.chart__rows > li.chart__row")


def width(bar) -> float:
    m = re.fullmatch(r"width: ([\d.]+)%", bar.get("style", ""))
    assert m, f"a bar's only inline style is its width in %: {bar.get('style')!r}"
    return float(m.group(1))


all_charts = pytest.mark.parametrize("name", CHARTS)
both = pytest.mark.parametrize("lang", LANGS)


def test_every_chart_has_a_literal_check():
    assert CHARTS, "no charts under `charts:`"
    for name in CHARTS:
        assert name in LITERALS, f"write the expected labels of chart {name} by hand in LITERALS"


@all_charts
def test_each_chart_is_one_figure_with_the_same_id_in_both_languages(pages, name):
    for lang in LANGS:
        fig = figure(pages, name, lang)
        assert "chart" in fig.get("class", [])
        assert fig.find("figcaption") is not None and fig.select_one("ol.chart__rows") is not None
        assert fig.find("svg") is None and fig.find("img") is None, "the chart's words are HTML text, not a drawing"


@all_charts
def test_the_chart_is_named_by_its_title_in_the_page_language(pages, name):
    names = {}
    for lang in LANGS:
        fig = figure(pages, name, lang)
        title = fig.select_one("figcaption .chart__title")
        assert title.get("id") and fig.get("aria-labelledby") == title["id"]
        assert fig.select_one("ol.chart__rows").get("aria-labelledby") == title["id"], "the list of bars is named too"
        names[lang] = text_of(title)
        assert names[lang] == norm(UI[lang][f"chart.{name}.title"])
        assert norm(fig.select_one("table caption").get_text()) == names[lang], "the table is named by the same title"
    assert names["es"] != names["en"], f"the chart's name is not translated: {names}"


@all_charts
def test_bars_are_shapes_sized_in_percent_with_colours_from_css(pages, name):
    for lang in LANGS:
        fig = figure(pages, name, lang)
        for track in fig.select(".chart__track"):
            assert track.get("aria-hidden") == "true", "the bars repeat the figures written beside them"
            for bar in track.select(".bar"):
                assert 0 < width(bar) <= 100
        for el in fig.find_all(True):
            for attr in ("fill", "stroke", "color", "bgcolor"):
                assert attr not in el.attrs, f"{lang}: <{el.name} {attr}=…> hard-codes a colour; use a CSS class"


@all_charts
@both
def test_chart_text_is_in_the_page_language(pages, name, lang):
    text = chart_text(figure(pages, name, lang)) + " " + text_of(figure(pages, name, lang).find("figcaption"))
    other = "en" if lang == "es" else "es"
    assert any(has_word(text, w) for w in MARKERS[lang]), f"{lang}: no {lang} words in the chart: {text!r}"
    foreign = [w for w in MARKERS[other] if has_word(text, w)]
    assert not foreign, f"{lang}: {other} words {foreign} in the chart: {text!r}"


@all_charts
@both
def test_labels_written_out_by_hand_appear(pages, name, lang):
    fig = figure(pages, name, lang)
    text, table = chart_text(fig), text_of(fig.find("table"))
    for pair in LITERALS[name]:
        expected = pair[LANGS.index(lang)]
        assert expected in text, f"{lang}: {expected!r} not drawn in chart {name}"
        assert expected in table, f"{lang}: {expected!r} not in chart {name}'s table"


@all_charts
@both
def test_each_chart_says_the_date_its_data_describes(pages, name, lang):
    fig = figure(pages, name, lang)
    stamp = norm(UI[lang]["chart.as_of"].format(date=expected_date(FACTS.charts[name]["as_of"].isoformat(), lang)))
    assert stamp in text_of(fig.find("figcaption")), f"{lang}: the caption must say {stamp!r}"
    layout = chart_layout(FACTS, name, lang, UI[lang])
    assert norm(layout.description).startswith(stamp), "the email image's alt text starts with the date too"


@all_charts
@both
def test_bars_are_labelled_with_the_data(pages, name, lang):
    bars = FACTS.charts[name]["bars"]
    found = rows(figure(pages, name, lang))
    assert len(found) == len(bars)
    for g, bar in zip(found, bars):
        head = bar.get("total") or bar["segments"][0]["fact"]
        assert g.get("data-fact") == head
        assert text_of(g.select_one(".chart__label .chart__partner")) == bar["label"]
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
            drawn = g.select_one(f'.chart__track .bar[data-fact="{seg["fact"]}"]')
            assert drawn is not None and f"bar--{status}" in drawn["class"], f"{lang}: {seg['fact']} is {status}"
            if len(bar["segments"]) > 1:
                part = text_of(g.select_one(f'.chart__parts li[data-fact="{seg["fact"]}"]'))
                assert (f"({status_word(seg['fact'], lang)})" in part) == (status != "confirmed"), part
        head = bar.get("total") or bar["segments"][0]["fact"]
        statuses.add(FACTS.facts[head].status)
        word = status_word(head, lang)
        label = text_of(g.select_one(".chart__label"))
        assert (f"({word})" in label) == (FACTS.facts[head].status != "confirmed"), f"{lang}: {bar['label']}: {label!r}"
        if bar.get("note"):
            assert not has_word(norm(bar["note"][lang]), word), f"{lang}: {bar['label']}: the note repeats the status word {word!r}"
    assert len(statuses) > 1, "the data should mix statuses for this test to mean something"
    legend = fig.select(".chart__legend li")
    assert {text_of(li).lower() for li in legend} == {norm(UI[lang]["status." + s]).lower() for s in statuses}
    for li in legend:
        swatch = li.select_one(".chart__swatch")
        status = next(s for s in statuses if text_of(li).lower() == norm(UI[lang]["status." + s]).lower())
        assert f"bar--{status}" in swatch["class"], "each legend entry shows its status's pattern"


@all_charts
def test_bar_lengths_are_scaled_to_the_longest_and_segments_stack(pages, name):
    bars = FACTS.charts[name]["bars"]
    totals = [sum(FACTS.facts[s["fact"]].value for s in bar["segments"]) for bar in bars]
    for lang in LANGS:
        widths = []
        for g, bar in zip(rows(figure(pages, name, lang)), bars):
            segments = g.select(".chart__track:not(.chart__track--total) .bar")
            assert [b["data-fact"] for b in segments] == [s["fact"] for s in bar["segments"]], "segments stack in order"
            widths.append(sum(width(b) for b in segments))
            band = g.select_one(".chart__track--total .bar")
            assert (band is not None) == bool(bar.get("total"))
            if band is not None:
                assert width(band) == pytest.approx(widths[-1], abs=0.05), "the total's band is as long as its stack"
                assert f"bar--{FACTS.facts[bar['total']].status}" in band["class"]
        assert max(widths) == pytest.approx(100, abs=0.05)
        for value, w in zip(totals, widths):
            assert w == pytest.approx(100 * value / max(totals), abs=0.05)


def test_the_aws_bar_shows_the_original_deal_and_the_expansion_with_an_interpreted_total(pages):
    bar = next(b for b in FACTS.charts["commitments_usd"]["bars"] if b["label"] == "AWS")
    assert [s["fact"] for s in bar["segments"]] == ["deal.value", "expansion.value"]
    assert FACTS.facts[bar["total"]].status == "interpretation"
    for lang in LANGS:
        fig = figure(pages, "commitments_usd", lang)
        g = fig.select_one(f'li.chart__row[data-fact="{bar["total"]}"]')
        assert f"({status_word(bar['total'], lang)})" in text_of(g)
        assert g.select_one(".chart__track--total .bar--interpretation") is not None, "our sum is hatched, not solid"
        assert fig.select_one(".chart__legend .bar--interpretation") is not None, "and the legend shows that style"


def test_amds_gigawatts_stack_the_firm_one_and_the_conditional_rest():
    """Read from the data: the page side is test_bar_lengths_are_scaled_to_the_longest_and_segments_stack."""
    bar = next(b for b in FACTS.charts["commitments_gw"]["bars"] if b["label"] == "AMD")
    parts = [(FACTS.facts[s["fact"]].value, FACTS.facts[s["fact"]].status) for s in bar["segments"]]
    assert parts == [(1, "confirmed"), (5, "conditional")]
    assert FACTS.facts[bar["total"]].value == 6


def test_gigawatt_bars_are_ordered_by_firmness():
    from explainer.charts import STATUS_ORDER

    ranks = [STATUS_ORDER.index(FACTS.facts[b.get("total") or b["segments"][0]["fact"]].status)
             for b in FACTS.charts["commitments_gw"]["bars"]]
    assert ranks == sorted(ranks), "firm deals first, the letter of intent last"


def test_money_invested_into_openai_is_not_on_the_commitments_chart():
    """Read from the data: a rule of what the chart may hold."""
    drawn = {s["fact"] for bar in FACTS.charts["commitments_usd"]["bars"] for s in bar["segments"]}
    for key in ("nvidia.investment", "amazon.investment", "nvidia.equity", "softbank.equity", "round.closed_value"):
        assert key not in drawn


def test_overlapping_gigawatts_are_not_summed(pages):
    # A total only ever adds the parts of one deal (AMD's firm and conditional gigawatts).
    for bar in FACTS.charts["commitments_gw"]["bars"]:
        if bar.get("total"):
            assert FACTS.facts[bar["total"]].value == sum(FACTS.facts[s["fact"]].value for s in bar["segments"])
    total = sum(FACTS.facts[s["fact"]].value for bar in FACTS.charts["commitments_gw"]["bars"] for s in bar["segments"])
    for lang in LANGS:
        text = chart_text(figure(pages, "commitments_gw", lang))
        assert norm(format_value("gw", total, None, lang)) not in text


def test_dollars_and_gigawatts_are_never_on_one_chart(pages):
    for lang in LANGS:
        assert "GW" not in chart_text(figure(pages, "commitments_usd", lang))
        assert "US$" not in chart_text(figure(pages, "commitments_gw", lang))


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


# What readers see (Chromium) -------------------------------------------------------

SIZES = """(name) => {
  const fig = document.getElementById('chart-' + name);
  const size = (sel) => parseFloat(getComputedStyle(fig.querySelector(sel)).fontSize);
  return {label: size('.chart__label'), note: size('.chart__note, .chart__parts'), legend: size('.chart__legend li'),
          body: parseFloat(getComputedStyle(document.querySelector('article p')).fontSize),
          overflow: fig.scrollWidth - fig.clientWidth, page: document.documentElement.scrollWidth - innerWidth};
}"""


def test_chart_words_grow_with_the_readers_text_size(browser, base_url):
    """At 390 px, the browser's text size doubled (32 px, as a reader sets it)
    doubles the charts' labels, notes and legend, like body text; nothing scrolls."""
    from conftest import page_url_path

    slug = next(s for s in SLUGS if "chart(" in (ROOT_DOCS / f"{s or 'index'}.en.md").read_text(encoding="utf-8"))
    measured = {}
    for text_px in (16, 32):
        context = browser.new_context(viewport={"width": 390, "height": 800})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": text_px, "fixed": text_px * 13 // 16}})
        for lang in LANGS:
            page.goto(base_url + page_url_path(slug, lang))
            for name in CHARTS:
                measured[(text_px, lang, name)] = page.evaluate(SIZES, name)
        context.close()
    for lang in LANGS:
        for name in CHARTS:
            small, large = measured[(16, lang, name)], measured[(32, lang, name)]
            assert small["label"] >= 14, f"{lang} {name}: labels of {small['label']}px at 100%"
            for key in ("label", "note", "legend", "body"):
                assert large[key] == pytest.approx(2 * small[key], rel=0.1), f"{lang} {name}: {key} {small[key]} → {large[key]}px"
            assert large["overflow"] <= 0 and large["page"] <= 0, f"{lang} {name}: scrolls sideways at 200% text: {large}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_forced_colours_keep_every_status_pattern_apart(browser, base_url, scheme):
    """Windows high contrast (Chromium's forced-colours emulation): each legend
    swatch still shows its own pattern, no two alike, none the plain fill of
    "confirmed" unless it is confirmed, and every bar keeps its pattern."""
    import io

    from PIL import Image

    from conftest import page_url_path

    slug = next(s for s in SLUGS if "chart(" in (ROOT_DOCS / f"{s or 'index'}.en.md").read_text(encoding="utf-8"))
    context = browser.new_context(forced_colors="active", color_scheme=scheme, viewport={"width": 800, "height": 900})
    page = context.new_page()
    page.goto(base_url + page_url_path(slug, "en"))
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    report = []
    for name in CHARTS:
        shots = {}
        for swatch in page.locator(f"#chart-{name} .chart__legend .chart__swatch").all():
            status = next(c.removeprefix("bar--") for c in swatch.get_attribute("class").split() if c.startswith("bar--"))
            image = Image.open(io.BytesIO(swatch.screenshot(animations="disabled"))).convert("L")
            inner = image.crop((3, 3, image.width - 3, image.height - 3))  # the pattern, not the outline
            shots[status] = inner.resize((24, 12)).tobytes()
            darkest, lightest = inner.getextrema()
            if (darkest != lightest) == (status == "confirmed"):
                report.append(f"{name}: the {status} swatch is {'patterned' if darkest != lightest else 'one flat colour'} in forced colours")
        seen = {}
        for status, pixels in shots.items():
            if pixels in seen:
                report.append(f"{name}: {status} looks like {seen[pixels]} in forced colours")
            seen[pixels] = status
        images = page.eval_on_selector_all(f"#chart-{name} .chart__track .bar", "els => els.map(e => [e.className, getComputedStyle(e).backgroundImage])")
        report += [f"{name}: {cls} lost its pattern" for cls, image in images if "bar--confirmed" not in cls and image == "none"]
    context.close()
    assert not report, "\n".join(report)
