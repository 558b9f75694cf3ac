"""Corrections channels that work on a real deployment: `build.py --repo-url`
reaches every link (no placeholder left), every page ends with a link that opens
a new issue there with the title and body filled in, in the page's language,
with the page's address and sections, and, with `--corrections-email`, a
prefilled e-mail beside it for readers without a GitHub account (its address
printed in full on paper); the sources and updates pages name both. A build with
no real repository links no placeholder: git's origin on GitHub, else no GitHub
link at all, and it says which."""
from __future__ import annotations

import copy
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import CORRECTIONS_EMAIL, LANGS, MOVED_URL, REPO_URL, SLUGS, page_url_path
from explainer.data import load_ui
from explainer.repository import resolve_repo_url

PLACEHOLDER = "github.com/example"
WORDS = load_ui()
TEXT_FILES = {".html", ".xml", ".txt", ".json", ".js", ".css", ".svg", ".webmanifest"}


def text_files_of(root):
    return [p for p in root.rglob("*") if p.is_file() and p.suffix in TEXT_FILES]


def test_repo_url_reaches_every_file_and_no_placeholder_is_left(site):
    left = [str(p.relative_to(site)) for p in text_files_of(site) if PLACEHOLDER in p.read_text(encoding="utf-8", errors="replace")]
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
def test_the_corrections_sections_use_the_same_channels(pages, slug, lang):
    soup = pages[(slug, lang)]
    report, mail = _report(soup)["href"], _mail(soup)["href"]
    in_text = [a["href"] for a in soup.select("article a[href]")
               if a["href"].startswith((REPO_URL, "mailto:")) and not {"report-error__link", "report-mail__link"} & set(a.get("class", []))]
    assert in_text, f"{slug}/{lang}: the corrections section does not link the repository"
    assert set(in_text) == {report, mail}, f"{slug}/{lang}: the corrections section links {in_text}, not the prefilled report and e-mail"


def _mail(soup):
    links = soup.select("a.report-mail__link")
    assert len(links) == 1, f"{len(links)} corrections e-mail links"
    return links[0]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_offers_a_prefilled_email_beside_the_report_link(pages, base_url, slug, lang):
    soup = pages[(slug, lang)]
    words, link = WORDS[lang], _mail(soup)
    assert link.get_text(strip=True) == CORRECTIONS_EMAIL, "the address itself is the link's text"
    assert link.find_parent("p").find_previous_sibling("p") is _report(soup).find_parent("p"), "it follows the report link"
    assert words["report.mail"] in link.find_parent("p").get_text(" ", strip=True)
    url = urlsplit(link["href"])
    assert url.scheme == "mailto" and url.path == CORRECTIONS_EMAIL
    query = parse_qs(url.query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"][0] == words["report.title"].format(title=_title(soup))
    body = query["body"][0]
    assert "\r\n" in body and "\n" not in body.replace("\r\n", ""), "line breaks are CRLF (RFC 6068)"
    assert base_url + page_url_path(slug, lang) + "\r\n" in body
    for h2 in soup.select("article h2[id]"):
        assert f"(#{h2['id']})" in body, f"section #{h2['id']} is not in the e-mail"


def test_print_shows_the_corrections_address_in_full(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + page_url_path("terms", "en"))
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('.report-mail, .report-error')]
        .map(p => [p.className, getComputedStyle(p).display, p.innerText.trim()])""")
    page.close()
    mail = next(text for cls, display, text in shown if "report-mail" in cls and display != "none")
    assert mail == f"{WORDS['en']['report.mail_print']} {CORRECTIONS_EMAIL}"
    assert all(display == "none" for cls, display, _ in shown if "report-error" in cls), "the long issue link stays off paper"


def test_a_build_without_a_repository_links_no_placeholder_and_says_so(moved_site):
    """No --repo-url, mkdocs.yml's placeholder, no git remote: no GitHub link at all."""
    log = (moved_site.parent / "build.log").read_text(encoding="utf-8")
    assert sum(line.startswith("Repository: none") for line in log.splitlines()) == 1, log
    left = [str(p.relative_to(moved_site)) for p in text_files_of(moved_site) if PLACEHOLDER in p.read_text(encoding="utf-8")]
    assert not left, f"the placeholder repository is in {left}"
    for lang in LANGS:
        for slug in SLUGS:
            html = (moved_site / page_url_path(slug, lang) / "index.html").read_text(encoding="utf-8")
            for trace in ("md-source", "report-error", "report-mail", "issues/new", "mailto:"):
                assert trace not in html, f"{slug or 'index'}/{lang}: {trace} without a repository or an address"
        sources = (moved_site / page_url_path("sources", lang) / "index.html").read_text(encoding="utf-8")
        assert WORDS[lang]["report.channel.none"] in sources
    assert MOVED_URL in (moved_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("remote,expected", [
    ("https://github.com/someone/explainer.git", "https://github.com/someone/explainer"),
    ("git@github.com:someone/explainer.git", "https://github.com/someone/explainer"),
    ("https://gitlab.com/someone/explainer.git", ""),
])
def test_without_repo_url_the_repository_is_gits_origin_on_github(tmp_path, remote, expected):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", remote], check=True)
    url, note = resolve_repo_url(None, "https://github.com/example/openai-aws-explainer", cwd=tmp_path)
    assert url == expected
    assert note.startswith("Repository: ") and "\n" not in note
    assert ("git remote get-url origin" in note) if expected else note.startswith("Repository: none")
    # A repository given, or a real one in mkdocs.yml, wins over git's.
    assert resolve_repo_url(REPO_URL, None, cwd=tmp_path)[0] == REPO_URL
    assert resolve_repo_url(None, "https://github.com/acme/real", cwd=tmp_path)[0] == "https://github.com/acme/real"


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
