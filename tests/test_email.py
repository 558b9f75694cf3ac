"""The email edition (newsletter/email.html and .txt in each language) and the
chart PNGs it uses, read from the built site: what mail clients strip or refuse
is absent, images and links are absolute and resolve, the size stays under
Gmail's clipping, the text is in its language with the site's figures and
hedges, the plain text wraps at 72 characters with numbered links, the HTML
fits 600 and 375 px without sideways scrolling, and the newsletter page offers
a preview, copy buttons and the PNGs to download."""
from __future__ import annotations

import re
import struct
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from explainer.links import resolve
from conftest import LANGS, ROOT, page_url_path, run_build
from explainer import DATA_FILE, DOCS
from explainer.frontmatter import split_front_matter
from explainer.data import load_facts, load_ui, load_yaml
from figures import date_text, expected_text, label_text, norm

FACTS = load_facts()
UI = load_ui()
EMAIL = load_yaml(DATA_FILE)["email"]
BUDGET = 60 * 1024
# Written out here, independently of the formatter and of the templates.
LITERALS = {
    "es": ["US$ 38.000 millones", "US$ 100.000 millones", "US$ 50.000 millones", "(interpretación)", "Lo esencial", "Actualizado el"],
    "en": ["US$38 billion", "US$100 billion", "US$50 billion", "(interpretation)", "Key points", "Updated"],
}
OTHER = {"es": "en", "en": "es"}


def email_path(site: Path, lang: str, ext: str) -> Path:
    return site / page_url_path("newsletter", lang) / f"email.{ext}"


def read_email(site: Path, lang: str) -> tuple[str, BeautifulSoup]:
    html = email_path(site, lang, "html").read_text(encoding="utf-8")
    return html, BeautifulSoup(html, "html.parser")


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def chart_pngs(site: Path, lang: str) -> dict[str, Path]:
    return {p.stem: p for p in sorted((site / "assets" / "charts" / lang).glob("*.png"))}


def charts_on_pages(pages, lang: str) -> set[str]:
    return {fig["id"].removeprefix("chart-") for (slug, page_lang), soup in pages.items()
            if page_lang == lang and soup for fig in soup.select("figure.chart[id]")}


# The HTML edition --------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_email_html_has_nothing_mail_clients_strip(site, lang):
    html, soup = read_email(site, lang)
    assert not soup.find_all(["script", "style", "svg", "iframe", "form", "video"])
    assert not soup.find_all("link"), "no stylesheet (or any other) <link>"
    assert "@font-face" not in html and "@import" not in html
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", html), "no control characters"
    assert not soup.find_all(class_=True), "classes are inlined, then dropped"
    styled = [el for el in soup.find_all(True) if el.name not in ("html", "head", "meta", "title", "br")]
    assert sum(1 for el in styled if el.get("style")) > len(styled) / 2, "styles are inline"
    # Table layout, at most 600 px wide.
    assert soup.find("table", attrs={"role": "presentation"})
    widths = [int(el["width"]) for el in soup.find_all(attrs={"width": True}) if el["width"].isdigit()]
    assert widths and max(widths) <= 600
    for el in soup.find_all(style=True):
        for value in re.findall(r"(?<![-\w])(?:max-)?width:\s*(\d+)px", el["style"]):
            assert int(value) <= 600, el["style"]


@pytest.mark.parametrize("lang", LANGS)
def test_email_html_images_are_absolute_pngs_with_alt_and_size(site, base_url, lang):
    _, soup = read_email(site, lang)
    images = soup.find_all("img")
    assert images, "the edition shows a chart as PNG"
    for img in images:
        src = img["src"]
        assert src.startswith(base_url) and src.endswith(".png"), src
        target = resolve(site, base_url, src)
        assert target is not None, f"{src} is not in the built site"
        assert img.get("width", "").isdigit() and img.get("height", "").isdigit()
        assert int(img["width"]) <= 600
        png_w, png_h = png_size(target)
        assert png_w == 2 * int(img["width"]) and abs(png_h - 2 * int(img["height"])) <= 1, "shown at half size: sharp on 2× screens"
        assert len(img.get("alt", "")) > 20
    chart = images[0]
    title = UI[lang][f"chart.{EMAIL['chart']}.title"]
    assert title in chart["alt"] and f"/charts/{lang}/" in chart["src"]
    assert UI[OTHER[lang]][f"chart.{EMAIL['chart']}.title"] not in chart["alt"]


@pytest.mark.parametrize("lang", LANGS)
def test_email_html_links_are_absolute_and_resolve(site, base_url, lang):
    _, soup = read_email(site, lang)
    links = [a["href"] for a in soup.find_all("a", href=True)]
    assert len(links) >= 5
    site_links = [href for href in links if href.startswith(base_url)]
    for href in links:
        assert re.match(r"https?://", href), f"relative link {href}"
        if href in site_links:
            assert resolve(site, base_url, href) is not None, f"{href} does not resolve in the built site"
        else:
            assert href.startswith("https://") and href in {s["url"] for s in FACTS.sources.values()}, f"{href}: outside links go to a listed source"
    home = base_url + page_url_path("", lang)
    assert home in site_links, "the 'read the full explainer' button goes to the home page in its language"
    for slug in EMAIL["links"]:
        assert base_url + page_url_path(slug, lang) in site_links
    assert all(urlsplit(h).path.startswith(urlsplit(home).path) for h in site_links), "links stay in the edition's language"


@pytest.mark.parametrize("lang", LANGS)
def test_email_html_fits_the_size_budget(site, lang):
    size = email_path(site, lang, "html").stat().st_size
    assert size <= BUDGET, f"{size} bytes"


@pytest.mark.parametrize("lang", LANGS)
def test_email_html_is_in_its_language_with_the_sites_figures(site, lang):
    _, soup = read_email(site, lang)
    assert soup.html["lang"] == lang
    text = norm(soup.body.get_text(" "))
    for literal in LITERALS[lang]:
        assert literal in text, literal
    for literal in LITERALS[OTHER[lang]]:
        if literal not in LITERALS[lang]:
            assert literal not in text, f"{literal} from the other language"
    for card in FACTS.key_figures:
        assert norm(expected_text(FACTS.facts[card["fact"]], lang)) in text
        assert norm(card["label"][lang]) in text
    updated = split_front_matter(DOCS / f"newsletter.{lang}.md")[0]["updated"]
    assert norm(f"{UI[lang]['dateline.updated']} {date_text(str(updated), lang)}") in text, "dateline from the newsletter page"
    assert 3 <= len(soup.find("ul").find_all("li")) <= 5, "three to five key points, first"


@pytest.mark.parametrize("lang", LANGS)
def test_every_hedge_in_the_email_texts_is_shown(site, lang):
    """A fact that is not confirmed says so in words wherever the email names it."""
    html, soup = read_email(site, lang)
    text = norm(soup.body.get_text(" "))
    plain = norm(email_path(site, lang, "txt").read_text(encoding="utf-8"))
    named = set()
    for entry in [EMAIL["headline"], EMAIL["credit"], *EMAIL["points"]]:
        named |= set(re.findall(r"fact\('([^']+)'\)", entry[lang]))
    hedged = [key for key in named if not FACTS.facts[key].confirmed]
    assert hedged, "the key points name at least one hedged figure"
    for key in hedged:
        fact = FACTS.facts[key]
        said = norm(f"{expected_text(fact, lang)} {label_text(fact.status, lang)}")
        assert said in text and said in plain, said


def test_email_html_is_not_given_the_sites_csp(site):
    for lang in LANGS:
        html, _ = read_email(site, lang)
        assert "Content-Security-Policy" not in html
    assert "Content-Security-Policy" in (site / "newsletter" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [600, 375])
def test_email_html_needs_no_sideways_scrolling(browser, base_url, lang, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto(base_url + page_url_path("newsletter", lang) + "email.html")
        page.wait_for_load_state("load")
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{scroll} px of content in a {client} px window"
        widths = page.evaluate("Array.from(document.images, i => [i.naturalWidth, i.getBoundingClientRect().width])")
        assert widths and all(natural == 1200 and 0 < shown <= width for natural, shown in widths), widths
    finally:
        page.close()


# The plain-text edition ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_plain_text_wraps_at_72_and_lists_numbered_links(site, base_url, lang):
    text = email_path(site, lang, "txt").read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", text), "no control characters"
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 72, max(lines, key=len)
    heading = UI[lang]["email.links"] + ":"
    assert heading in lines
    body, listed = text.split("\n" + heading + "\n")
    entries = re.findall(r"^\[(\d+)\] (\S+)$", listed, re.M)
    assert [int(n) for n, _ in entries] == list(range(1, len(entries) + 1))
    used = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert used == set(range(1, len(entries) + 1)), "every link is cited in the text and listed"
    for _, url in entries:
        assert url.startswith(base_url) and resolve(site, base_url, url) is not None, url
    assert base_url + page_url_path("", lang) in dict(entries).values()
    for literal in LITERALS[lang]:
        assert literal.lower() in norm(body).lower(), literal  # headings are in capitals there
    for card in FACTS.key_figures:
        figure = norm(expected_text(FACTS.facts[card["fact"]], lang))
        assert any(figure in norm(line) for line in lines), f"{figure} is split across lines"


# Chart PNGs ------------------------------------------------------------------------

def test_every_chart_has_a_png_per_language_that_differs(site, pages):
    for lang in LANGS:
        expected = charts_on_pages(pages, lang)
        assert expected and set(chart_pngs(site, lang)) == expected
    for name in chart_pngs(site, LANGS[0]):
        images = [chart_pngs(site, lang)[name] for lang in LANGS]
        assert len({p.read_bytes() for p in images}) == len(LANGS), f"{name}: the languages' PNGs are identical"


@pytest.mark.parametrize("lang", LANGS)
def test_chart_pngs_are_1200_wide_and_opaque_on_a_tinted_background(site, lang):
    from PIL import Image

    for name, path in chart_pngs(site, lang).items():
        with Image.open(path) as image:
            assert image.width == 1200 and 400 < image.height < 2400, (name, image.size)
            rgba = image.convert("RGBA")
            assert rgba.getextrema()[3] == (255, 255), f"{name}: transparent pixels (dark-mode clients show them black)"
            corner = rgba.getpixel((2, 2))[:3]
            assert corner != (255, 255, 255) and min(corner) > 200, f"{name}: background {corner}"
            # Text was drawn (dark pixels), not just bars.
            dark = sum(rgba.convert("L").resize((300, 300)).histogram()[:70])
            assert dark > 300, name


# On the newsletter page --------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_newsletter_page_previews_and_offers_the_email_edition(site, base_url, pages, lang):
    soup = pages[("newsletter", lang)]
    section = soup.find(id="email-kit")
    assert soup.find("h2", id="email") and section
    frame = section.find("iframe")
    assert frame["src"] == "email.html" and frame.get("title") and frame.get("loading") == "lazy"
    html = email_path(site, lang, "html").read_text(encoding="utf-8")
    text = email_path(site, lang, "txt").read_text(encoding="utf-8")
    assert section.find(id="email-html-source").get_text() == html
    assert section.find(id="email-text-source").get_text() == text
    assert {b["data-copy-target"] for b in section.find_all("button")} == {"email-html-source", "email-text-source"}
    downloads = section.select("#email-charts a[download]")
    assert {a["href"].rsplit("/", 1)[-1].removesuffix(".png") for a in downloads} == set(chart_pngs(site, lang))
    page_url = base_url + page_url_path("newsletter", lang)
    for a in downloads:
        assert resolve(site, base_url, urljoin(page_url, a["href"])) is not None, a["href"]
        assert f"/charts/{lang}/" in a["href"]


@pytest.mark.parametrize("lang", LANGS)
def test_copy_buttons_copy_the_email_edition_and_confirm(page, base_url, site, lang):
    page.goto(base_url + page_url_path("newsletter", lang) + "#email")
    # What is copied is not also shown: the page shows the preview instead.
    assert not page.locator("#email-html-source").is_visible() and not page.locator("#email-text-source").is_visible()
    for target, ext in (("email-html-source", "html"), ("email-text-source", "txt")):
        button = page.locator(f'button[data-copy-target="{target}"]')
        button.click()
        # Both retried until they hold (site.js confirms after the copy, then restores the text).
        expect(button).to_have_text(UI[lang]["copied_text"])
        page.wait_for_function("async want => (await navigator.clipboard.readText()) === want",
                               arg=email_path(site, lang, ext).read_text(encoding="utf-8"))


# Bad input ----------------------------------------------------------------------------

def test_an_unknown_fact_in_the_email_points_stops_the_build(project_copy, tmp_path):
    facts = project_copy / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    start = text.index("\nemail:\n")
    point = text.index("fact('expansion.value')", start)
    facts.write_text(text[:point] + "fact('expansion.no_such_figure')" + text[point + len("fact('expansion.value')"):], encoding="utf-8")
    result = run_build(tmp_path / "out", "http://127.0.0.1:8000/proj/", cwd=project_copy)
    assert result.returncode == 1
    assert re.search(r"data/facts\.yml:\d+: unknown fact `expansion\.no_such_figure`", result.stderr), result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


DRAWN_TEXT = re.compile(r'<text x="([\d.]+)" y="[\d.]+" font-size="(\d+)"([^>]*)>(.*?)</text>')


def drawn_texts(name: str, lang: str):
    """(layout, svg, [(x, font size, plain text, bold?)]) of chart `name`'s email image."""
    from explainer.chart_png import chart_svg
    from explainer.charts import chart_layout

    layout = chart_layout(FACTS, name, lang, UI[lang])
    svg, _ = chart_svg(layout, "footer", UI[lang]["sources"])
    texts = [(float(x), int(size), re.sub(r"<[^>]+>", "", text).replace("&amp;", "&"), 'font-weight="bold"' in attrs)
             for x, size, attrs, text in DRAWN_TEXT.findall(svg)]
    return layout, svg, texts


@pytest.mark.parametrize("lang", LANGS)
def test_chart_pngs_say_what_the_page_says_of_each_bar_within_the_image(lang):
    """Every line inside the image; the caveat and source numbers drawn; each
    segment of a stack labelled beside a swatch of its own fill (the darker second
    one too), its total, and each bar's note ("up to", "no term given")."""
    from explainer.chart_png import FILL2, PAD, WIDTH_PX, _measure

    for name in FACTS.charts:
        layout, svg, texts = drawn_texts(name, lang)
        assert texts
        drawn = " ".join(t for _, _, t, _ in texts)
        for x, size, plain, bold in texts:
            # A line with a status word mixes faces: measured in bold, the wider, it fits.
            assert x + _measure(bold, size)(plain) <= WIDTH_PX - PAD + 1, f"{name}: {plain!r} runs off the image"
        assert all(w in drawn for w in layout.caveat.split()), f"{name}: no caveat"
        assert all(str(n) in drawn for n in layout.sources), f"{name}: source numbers missing"
        for row in layout.rows:
            if row.note:
                assert norm(row.note) in norm(drawn), f"{name}: {row.label}'s note is not in the image"
            if row.multi:
                for segment in row.segments:
                    assert norm(f"{segment.label}: {segment.text}") in norm(drawn), f"{name}: {row.label}'s segment has no label"
                if row.total:
                    assert norm(f"{row.total.label}: {row.value}") in norm(drawn)
                if any(s.n == 2 and s.status == "confirmed" for s in row.segments):
                    assert svg.count(f'fill="{FILL2}"') >= 2, f"{name}: the darker segment's colour is explained by no swatch"


@pytest.mark.parametrize("lang", LANGS)
def test_every_label_in_the_emails_chart_is_at_least_12_px_on_a_375_px_phone(browser, base_url, lang):
    """The 1200 px image, shown in the email at 375 px: each text's font size times
    the scale it is shown at, measured in Chromium, is at least MIN_PHONE_PX."""
    from explainer.chart_png import MIN_PHONE_PX

    assert MIN_PHONE_PX == 12
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(base_url + page_url_path("newsletter", lang) + "email.html")
        page.wait_for_load_state("load")
        shown = page.evaluate("Array.from(document.images, i => [i.getAttribute('src'), i.naturalWidth, i.getBoundingClientRect().width])")
    finally:
        page.close()
    charts = [(src, natural, width) for src, natural, width in shown if "/assets/charts/" in src]
    assert charts, "no chart image in the email"
    for src, natural, width in charts:
        assert natural == 1200, f"{src} did not load"
        name = src.rsplit("/", 1)[-1].removesuffix(".png")
        _, _, texts = drawn_texts(name, lang)
        smallest = min(size for _, size, _, _ in texts) * width / natural
        assert smallest >= MIN_PHONE_PX, f"{name}: its smallest text shows {smallest:.1f} px tall at 375 px"


@pytest.mark.parametrize("lang", LANGS)
def test_the_emails_chart_caveats_are_text_under_the_image(site, lang):
    _, soup = read_email(site, lang)
    img = soup.find("img")
    after = norm(" ".join(el.get_text(" ") for el in img.find_all_next("td", limit=2)))
    note = norm(UI[lang][f"chart.{EMAIL['chart']}.note"])
    assert note in after, "the chart's caption is HTML text under the image"
    for bar in FACTS.charts[EMAIL["chart"]]["bars"]:
        if bar.get("note"):
            assert norm(bar["note"][lang]) in after


# caniemail ------------------------------------------------------------------------------

DOIUSE = ROOT / ".tools" / "test" / "node_modules" / "@jsx-email" / "doiuse-email"
# The clients an editor's readers use most: the preheader must hide in all of them.
CLIENTS = ["gmail.*", "outlook.windows", "outlook.windows-mail", "apple-mail.*", "yahoo.*"]
DOIUSE_RUNNER = """
const { doIUseEmail } = require(process.env.DOIUSE_PACKAGE);
const html = require("node:fs").readFileSync(process.argv[1], "utf8");
const result = doIUseEmail(html, { emailClients: JSON.parse(process.env.DOIUSE_CLIENTS) });
process.stdout.write(JSON.stringify(result.errors || []));
"""
# What caniemail still reports, accepted by name, with the reason it does no harm.
ACCEPTED = {
    "<body> element": "Yahoo's apps replace <body> with a <div>: its margin and colour are repeated on the outer table (bgcolor).",
    "role attribute": "role=\"presentation\" on layout tables is for screen readers in clients that keep it; Windows Mail ignores it and shows the table as before.",
    "outline": "outline:none on the image only resets a default; Outlook for Windows draws none anyway.",
    "border-radius": "The button's rounded corners: Outlook for Windows draws square ones, still a button.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_caniemail_flags_nothing_but_what_is_accepted(site, lang):
    import json
    import os
    import subprocess

    if not DOIUSE.exists():
        pytest.fail(f"{DOIUSE.relative_to(ROOT)} is missing: run scripts/dev.sh test (it installs tests/npm with npm)")
    result = subprocess.run(["node", "-e", DOIUSE_RUNNER, str(email_path(site, lang, "html"))], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, DOIUSE_PACKAGE=str(DOIUSE), DOIUSE_CLIENTS=json.dumps(CLIENTS)))
    assert result.returncode == 0, result.stderr[-500:]
    errors = json.loads(result.stdout)
    assert errors, "caniemail reported nothing at all: is the checker reading the edition?"
    unaccepted = sorted({e for e in errors if not any(e.startswith(f"`{name}`") for name in ACCEPTED)})
    assert not unaccepted, "\n".join(unaccepted)


@pytest.mark.parametrize("lang", LANGS)
def test_the_preheader_is_hidden_without_what_clients_drop(site, lang):
    _, soup = read_email(site, lang)
    first = soup.body.find(True)
    style = first.get("style", "")
    assert first.get_text(strip=True), "the preheader comes first, with its text"
    for unsupported in ("display:", "opacity", "overflow"):
        assert unsupported not in style.replace(" ", ""), f"{unsupported} is not supported by every client: {style}"
    for hiding in ("font-size:0", "line-height:0", "max-height:0", "mso-hide:all"):
        assert hiding in style.replace(" ", ""), f"the preheader needs {hiding}: {style}"
