"""The site's core editorial rule, held for every figure: a figure that is not
confirmed carries its own status label beside it, wherever a reader meets it:
on every page, in the charts, in the newsletter kit and in the email edition,
in both languages.

The list of figures comes from the data (explainer.data.load_facts()), so a new
fact is held to the rule without a new test. What each figure must read comes
from tests/figures.py, written without the site's formatter; the words of each
status too. Where each figure must appear is read from the sources themselves
(the pages' Markdown and the texts in data/facts.yml), with a plain pattern, not
with the build's parser.

"Beside" is the markup the status helper writes for that figure, never a search
of the whole page:
- a figure: `<span class="fact fact--S" data-fact="K">TEXT <span class="status
  status--S" data-status-for="K">(WORD)</span></span>`, or the figure without
  the label inside and, later in the same block element (paragraph, list item,
  table cell…), `<span class="status status--S" data-status-for="K …">(WORD)</span>`;
- a chart row or part (`li[data-fact=K]`): its `.chart__tag` (WORD); a chart
  table row (`tr[data-fact=K]`): its status column;
- the email edition and the kit's copies: the figure's text followed by
  "(WORD)" in the same block (an `<em>` in the HTML), or, for a figure written
  `mark=False` in its text, "(WORD)" later in the same block.

A figure whose markup is missing (a page that shows it as plain text) is a
failure: each page must hold as many marked figures of each fact as its source
shows, each reading the expected text.
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, SLUGS, page_url_path
from explainer.data import load_facts
from figures import STATUS_WORDS, expected_text, label_text, norm, status_word

FACTS = load_facts()
HEDGED = sorted(key for key, fact in FACTS.facts.items() if fact.status != "confirmed")
BLOCKS = ("p", "li", "td", "th", "dd", "dt", "figcaption", "caption", "summary", "h1", "h2", "h3", "h4", "blockquote")

# Places where a figure that is not "unconfirmed" is deliberately shown without its
# label, because its block says its status in words (the build allows that only
# for those statuses: explainer.citations). Each is written out here: how many such
# figures the page shows, and words its block holds. Any other figure shown
# without its label fails, and so does a place listed here that changed.
LETTER = {"es": "carta de intención", "en": "letter of intent"}      # what makes Nvidia's figures non-binding
SAID_IN_WORDS = {
    # (page slug, fact): (how many on the page, {lang: words in the same block})
    ("", "nvidia.investment"): (1, LETTER),
    ("since", "nvidia.gw"): (1, LETTER),
    ("since", "nvidia.investment"): (1, LETTER),
    ("since", "expansion.total"): (1, {"es": "Algunos análisis lo suman", "en": "Some analyses add that"}),
    ("context", "nvidia.gw"): (1, LETTER),
    ("context", "amd.gw"): (1, {"es": "En firme solo el primer gigavatio", "en": "Only the first gigawatt is firm"}),
    ("context", "broadcom.gw"): (1, {"es": "Acuerdo preliminar", "en": "Term sheet"}),
    ("quotes", "nvidia.gw"): (1, LETTER),
    ("quotes", "nvidia.investment"): (1, LETTER),
    ("glossary", "amd.gw"): (1, {"es": "solo el primer gigavatio está en firme", "en": "only the first gigawatt is firm"}),
    ("timeline", "nvidia.investment"): (1, LETTER),
    ("timeline", "amd.gw"): (2, {"es": "solo el primer gigavatio", "en": "only the first gigawatt"}),
    ("timeline", "broadcom.gw"): (1, {"es": "acuerdo preliminar", "en": "term sheet"}),
}


def calls_of(text: str, key: str) -> int:
    """How many times a template text shows fact `key` (`fact("key"` or `fact('key'`)."""
    return len(re.findall(r"""\bfact\(\s*["']%s["']""" % re.escape(key), text))


def unmarked(text: str, key: str) -> bool:
    return re.search(r"""\bfact\(\s*["']%s["']\s*,\s*mark\s*=\s*False""" % re.escape(key), text) is not None


def page_source(slug: str, lang: str) -> str:
    return (ROOT / "docs" / f"{slug or 'index'}.{lang}.md").read_text(encoding="utf-8")


def calls_in_source(source: str, name: str) -> list[str]:
    """The first argument of each `name("…")` call in a page source ("" for no argument)."""
    return re.findall(r"""\{\{\s*%s\(\s*(?:["']([^"']*)["'])?""" % name, source)


def expected_places(slug: str, lang: str) -> dict[str, int]:
    """{fact: how many marked figures of it the page must hold}, from the page's
    source and the data texts it shows (timeline events, claims, kit summaries),
    and key figures (cards), which must be marked too if they are not confirmed."""
    source = page_source(slug, lang)
    texts = [source]
    if calls_in_source(source, "timeline"):
        texts += [event[lang] for event in FACTS.events]
    for cid in calls_in_source(source, "claim"):
        claim = next(c for c in FACTS.claims if c["id"] == cid)
        if claim.get("later"):
            texts.append(claim["later"][lang])
    for name in calls_in_source(source, "kit"):
        texts.append(FACTS.newsletter[name][lang])
    counts = {key: sum(calls_of(text, key) for text in texts) for key in HEDGED}
    if calls_in_source(source, "key_figures"):
        for card in FACTS.key_figures:
            for key in (card["fact"], card.get("detail")):
                if key in counts:
                    counts[key] += 1
    return {key: n for key, n in counts.items() if n}


def block_of(el):
    """The block a figure sits in: its paragraph, list item, caption…; in a table,
    its row (as for citations, explainer.source: a Markdown table row is one block)."""
    block = el.find_parent(BLOCKS)
    if block is not None and block.name in ("td", "th"):
        return block.find_parent("tr")
    return block


def label_beside(el, key: str, lang: str) -> bool:
    """The figure's own label, inside its markup or after it in the same block."""
    status = FACTS.facts[key].status
    want = norm(label_text(status, lang))

    def is_label(tag) -> bool:
        return (key in (tag.get("data-status-for") or "").split() and f"status--{status}" in tag.get("class", [])
                and norm(tag.get_text()) == want)

    if any(is_label(tag) for tag in el.select(".status")):
        return True
    block = block_of(el)
    after = el.find_all_next(class_="status")
    return any(is_label(tag) and block is not None and block_of(tag) is block for tag in after)


def figure_text(el) -> str:
    """The figure's text without a label inside its markup."""
    el = BeautifulSoup(str(el), "html.parser").find(True)
    for status in el.select(".status"):
        status.decompose()
    return norm(el.get_text())


def said_in_words(slug: str, key: str, lang: str, el) -> bool:
    """The figure's block says its status in words, as SAID_IN_WORDS lists for this page."""
    _, words = SAID_IN_WORDS.get((slug, key), (0, {}))
    block = block_of(el)
    return lang in words and block is not None and norm(words[lang]).lower() in norm(block.get_text(" ")).lower()


def test_the_data_has_figures_of_several_statuses_to_hold():
    statuses = {FACTS.facts[key].status for key in HEDGED}
    assert {"unconfirmed", "nonbinding", "interpretation"} <= statuses, statuses
    kinds = {FACTS.facts[key].kind for key in HEDGED}
    assert {"gw", "money", "date", "year"} <= kinds, kinds
    assert set(STATUS_WORDS) >= statuses, "write the words of every status in tests/figures.py"


def test_the_status_words_are_the_interface_words():
    """The words written out in tests/figures.py are the ones data/ui.yml gives readers."""
    from explainer.data import load_ui

    ui = load_ui()
    for status in STATUS_WORDS:
        for lang in LANGS:
            assert ui[lang][f"status.{status}"] == status_word(status, lang), (status, lang)


def test_only_figures_that_may_be_said_in_words_are():
    for (slug, key) in SAID_IN_WORDS:
        assert FACTS.facts[key].status not in ("confirmed", "unconfirmed"), f"{key}: an unconfirmed figure always has its label"
        assert slug in SLUGS, slug


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_figure_that_is_not_confirmed_has_its_label_beside_it(pages, slug, lang):
    soup = pages[(slug, lang)]
    article = soup.select_one("article")
    places = expected_places(slug, lang)
    problems, in_words = [], {}
    for key in HEDGED:
        want = norm(expected_text(FACTS.facts[key], lang))
        marked = [el for el in article.select(f'.fact[data-fact="{key}"]')]
        if len(marked) != places.get(key, 0):
            problems.append(f"{key} ({want}): the page shows it {places.get(key, 0)} time(s), "
                            f"{len(marked)} with the status markup")
        if places.get(key) and want not in norm(article.get_text(" ")):
            problems.append(f"{key}: {want!r} is not in the page's text")
        for el in marked:
            if figure_text(el) != want:
                problems.append(f"{key}: reads {figure_text(el)!r}, expected {want!r}")
            if label_beside(el, key, lang):
                continue
            if said_in_words(slug, key, lang, el):
                in_words[key] = in_words.get(key, 0) + 1
            else:
                block = block_of(el)
                problems.append(f"{key} ({want}) has no {label_text(FACTS.facts[key].status, lang)} beside it: "
                                f"{norm(block.get_text(' ')) if block else el}")
    listed = {key: n for (page, key), (n, _) in SAID_IN_WORDS.items() if page == slug}
    if in_words != listed:
        problems.append(f"figures said in words instead of their label: {in_words}; SAID_IN_WORDS lists {listed}")
    assert not problems, f"{page_url_path(slug, lang) or '/'}:\n" + "\n".join(problems)


def chart_rows(pages, lang):
    for slug in SLUGS:
        for fig in pages[(slug, lang)].select("figure.chart"):
            yield slug, fig


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_figure_that_is_not_confirmed_has_its_tag_and_status_column(pages, lang):
    problems, seen = [], set()
    charts = list(chart_rows(pages, lang))
    assert charts, "no chart on the site"
    for slug, fig in charts:
        name = fig["id"].removeprefix("chart-")
        bars = FACTS.charts[name]["bars"]
        shown = [(bar.get("total") or bar["segments"][0]["fact"], "row") for bar in bars]
        shown += [(seg["fact"], "part") for bar in bars if len(bar["segments"]) > 1 for seg in bar["segments"]]
        shown += [(seg["fact"], "cell") for bar in bars for seg in bar["segments"]]
        shown += [(bar["total"], "cell") for bar in bars if len(bar["segments"]) > 1]
        for key, where in shown:
            fact = FACTS.facts[key]
            if fact.confirmed:
                continue
            seen.add(key)
            want, tag = norm(expected_text(fact, lang)), norm(label_text(fact.status, lang))
            if where == "row":
                row = fig.select_one(f'li.chart__row[data-fact="{key}"] > .chart__label')
                ok = row is not None and norm(row.select_one(".chart__value").get_text()) == want \
                    and [norm(t.get_text()) for t in row.select(".chart__tag")] == [tag]
            elif where == "part":
                part = fig.select_one(f'.chart__parts li[data-fact="{key}"]')
                ok = part is not None and want in norm(part.get_text(" ")) \
                    and [norm(t.get_text()) for t in part.select(".chart__tag")] == [tag]
            else:
                cells = fig.select_one(f'tbody tr[data-fact="{key}"]')
                cells = [norm(c.get_text(" ")) for c in cells.find_all(["th", "td"])] if cells else []
                ok = len(cells) == 3 and cells[1].startswith(want) and cells[2].lower() == status_word(fact.status, lang)
            if not ok:
                problems.append(f"{slug}: chart {name}: the {where} of {key} ({want}) does not say {tag}")
    assert seen, "no chart shows a figure that is not confirmed: this test would check nothing"
    assert not problems, "\n".join(problems)


# The email edition and the newsletter kit ------------------------------------------

def email_places(lang: str) -> dict[str, int]:
    """{fact: how many times the email shows it}: its texts, key figures and chart."""
    from explainer import DATA_FILE
    from explainer.data import load_yaml

    email = load_yaml(DATA_FILE)["email"]
    texts = [email["headline"][lang], email["credit"][lang]] + [p[lang] for p in email["points"]]
    counts = {key: sum(calls_of(t, key) for t in texts) for key in HEDGED}
    for card in FACTS.key_figures:
        for key in (card["fact"], card.get("detail")):
            if key in counts:
                counts[key] += 1
    return {key: n for key, n in counts.items() if n}, texts


def labelled_in(blocks: list[str], key: str, lang: str, said_once: bool) -> int:
    """How many times the blocks show the figure followed by its label: right after
    it, or (for a figure written mark=False) later in the same block."""
    fact = FACTS.facts[key]
    want, tag = norm(expected_text(fact, lang)), norm(label_text(fact.status, lang))
    pattern = re.escape(want) + (r"(?!\d)(?:(?!\(\w).)*?" if said_once else r"(?![\d.,]\d) ") + re.escape(tag)
    return sum(len(re.findall(pattern, norm(block))) for block in blocks)


def text_blocks(text: str) -> list[str]:
    """A plain text's paragraphs and list items."""
    blocks = []
    for para in re.split(r"\n\s*\n", text):
        blocks += [b for b in re.split(r"\n(?=[-*] )", para) if b.strip()]
    return blocks


def html_blocks(soup) -> list[str]:
    found = [el for el in soup.find_all(["p", "li", "td", "h1", "h2"]) if not el.find(["p", "li", "td", "table"])]
    return [el.get_text(" ") for el in found]


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_in_the_email_that_is_not_confirmed_has_its_label_beside_it(site, lang):
    places, texts = email_places(lang)
    folder = site / page_url_path("newsletter", lang)
    soup = BeautifulSoup((folder / "email.html").read_text(encoding="utf-8"), "html.parser")
    plain = (folder / "email.txt").read_text(encoding="utf-8")
    chart = FACTS.charts[load_email_chart()]
    drawn = {bar.get("total") or bar["segments"][0]["fact"] for bar in chart["bars"]} - {None}
    alt = " ".join(img.get("alt", "") for img in soup.find_all("img"))
    problems = []
    assert places or any(not FACTS.facts[k].confirmed for k in drawn), "the email shows no hedged figure: nothing to check"
    for key, n in places.items():
        said_once = any(unmarked(t, key) for t in texts)
        # The plain text also describes the chart in words (the HTML keeps that in the image's alt text).
        for where, blocks, shown in (("email.html", html_blocks(soup.body), n),
                                     ("email.txt", text_blocks(plain), n + (key in drawn))):
            found = labelled_in(blocks, key, lang, said_once)
            if found < shown:
                problems.append(f"{where}: {key} ({expected_text(FACTS.facts[key], lang)}) is shown {shown} time(s), "
                                f"{found} with {label_text(FACTS.facts[key].status, lang)} beside it")
    for key in sorted(drawn):
        fact = FACTS.facts[key]
        if fact.confirmed:
            continue
        for where, text in (("the chart image's alt text", alt), ("email.txt", plain)):
            if not labelled_in([text], key, lang, False):
                problems.append(f"{where}: the chart's {key} ({expected_text(fact, lang)}) lacks {label_text(fact.status, lang)}")
    assert not problems, "\n".join(problems)


def load_email_chart() -> str:
    from explainer import DATA_FILE
    from explainer.data import load_yaml

    return load_yaml(DATA_FILE)["email"]["chart"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_in_the_newsletter_kit_that_is_not_confirmed_has_its_label_beside_it(pages, lang):
    """The kit's preview marks it as the page does; its plain-text and HTML copies keep the words."""
    slug = next(s for s in SLUGS if calls_in_source(page_source(s, lang), "kit"))
    soup = pages[(slug, lang)]
    problems, checked = [], 0
    for name in calls_in_source(page_source(slug, lang), "kit"):
        text = FACTS.newsletter[name][lang]
        kit = soup.select_one(f"#kit-{name}")
        preview = kit.select_one(".kit__preview")
        copies = {
            "plain-text copy": text_blocks(kit.select_one(f"#kit-{name}-text").get_text()),
            "HTML copy": html_blocks(BeautifulSoup(kit.select_one(f"#kit-{name}-html").get_text(), "html.parser")),
        }
        for key in HEDGED:
            n = calls_of(text, key)
            if not n:
                continue
            checked += 1
            marked = preview.select(f'.fact[data-fact="{key}"]')
            if len(marked) != n or not all(label_beside(el, key, lang) for el in marked):
                problems.append(f"kit {name}: the preview shows {key} {n} time(s), {len(marked)} marked, "
                                f"not all with {label_text(FACTS.facts[key].status, lang)}")
            for where, blocks in copies.items():
                found = labelled_in(blocks, key, lang, unmarked(text, key))
                if found < n:
                    problems.append(f"kit {name}: the {where} shows {key} without {label_text(FACTS.facts[key].status, lang)}")
    assert checked, "no kit summary shows a figure that is not confirmed: this test would check nothing"
    assert not problems, "\n".join(problems)
