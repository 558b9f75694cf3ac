"""A corrections channel that works on a real deployment: `build.py --repo-url`
reaches every link (no placeholder left), every page ends with a link that opens
a new issue there with the title and body filled in, in the page's language,
with the page's address and sections; the sources and updates pages use it too."""
from __future__ import annotations

import copy
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import LANGS, REPO_URL, SLUGS, page_url_path
from explainer.data import load_ui

PLACEHOLDER = "example/openai-aws-explainer"
WORDS = load_ui()
TEXT_FILES = {".html", ".xml", ".txt", ".json", ".js", ".css", ".svg", ".webmanifest"}


def test_repo_url_reaches_every_file_and_no_placeholder_is_left(site):
    left = [str(p.relative_to(site)) for p in site.rglob("*")
            if p.is_file() and p.suffix in TEXT_FILES and PLACEHOLDER in p.read_text(encoding="utf-8", errors="replace")]
    assert not left, f"the placeholder repository is still in {left}"


@pytest.mark.parametrize("slug", SLUGS)
def test_header_links_the_repository_given(pages, slug):
    for lang in LANGS:
        links = {a["href"] for a in pages[(slug, lang)].select("a.md-source")}
        assert links == {REPO_URL}, f"{slug or 'index'}/{lang}: the header links {links}"


def _report(soup):
    links = soup.select("a.report-error__link")
    assert len(links) == 1, f"{len(links)} report links"
    return links[0]


def _title(soup) -> str:
    h1 = copy.copy(soup.select_one("article h1"))   # the session's parsed pages stay whole
    for link in h1.select(".headerlink"):
        link.decompose()
    return h1.get_text(" ", strip=True)


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_ends_with_a_prefilled_report_link(pages, base_url, slug, lang):
    soup = pages[(slug, lang)]
    words = WORDS[lang]
    link = _report(soup)
    assert link.get_text(strip=True) == words["report.link"]
    # At the end of the article, after its last section, before the footer.
    article = soup.select_one("article")
    assert link.find_parent("article") is article
    assert not [el for el in link.find_all_next(["h2", "h3"]) if el.find_parent("article") is article], "a section follows the link"
    url = urlsplit(link["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == REPO_URL + "/issues/new"
    query = parse_qs(url.query, strict_parsing=True)
    assert set(query) == {"title", "body"}
    title, body = query["title"][0], query["body"][0]
    assert title == words["report.title"].format(title=_title(soup))
    page_url = base_url + page_url_path(slug, lang)
    assert body.startswith(words["report.body"].split("{url}")[0] + page_url + "\n"), body[:200]
    # Each H2 of the page, with its id, in the body: the reader only has to say what is wrong.
    sections = [(h2.get_text(" ", strip=True).removesuffix("#").strip(), h2["id"]) for h2 in article.select("h2[id]")]
    assert sections, "no sections found"
    for name, sid in sections:
        assert f"- {name} (#{sid})" in body, f"section #{sid} is not in the report's body"


@pytest.mark.parametrize("slug", ["sources", "updates"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_corrections_sections_use_the_same_channel(pages, slug, lang):
    soup = pages[(slug, lang)]
    report = _report(soup)["href"]
    in_text = [a["href"] for a in soup.select("article a[href]")
               if a["href"].startswith(REPO_URL) and "report-error__link" not in a.get("class", [])]
    assert in_text, f"{slug}/{lang}: the corrections section does not link the repository"
    assert set(in_text) == {report}, f"{slug}/{lang}: the corrections section links {in_text}, not the prefilled report"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_report_link_is_visible_and_reached_by_keyboard(page, base_url, scheme):
    for lang in LANGS:
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(base_url + page_url_path("since", lang))
        link = page.locator("a.report-error__link")
        assert link.is_visible()
        colour, background = page.evaluate("""() => {
            const a = document.querySelector('a.report-error__link');
            let el = a, bg = 'rgba(0, 0, 0, 0)';
            while (el && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(el).backgroundColor; el = el.parentElement; }
            return [getComputedStyle(a).color, bg];
        }""")
        assert colour != background
        for _ in range(600):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.classList.contains('report-error__link')"):
                break
        else:
            pytest.fail(f"since/{lang}: Tab never reaches the report link")
