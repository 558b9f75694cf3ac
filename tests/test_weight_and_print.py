"""What a reader downloads and prints: the weight budget and print output."""
from __future__ import annotations

import pytest

from conftest import LANGS, SLUGS, page_url_path
from devtools.measure import first_load

BUDGET = 40 * 1024  # bytes on the wire for the first load of any page
BUDGETS = {"en/hardware/": 35 * 1024}  # tighter for the benchmark's page


def test_first_load_of_every_page_fits_the_budget_and_is_compressed(browser, base_url):
    over = []
    for lang in LANGS:
        for slug in SLUGS:
            path = page_url_path(slug, lang)
            traffic = first_load(browser, base_url + path)
            assert not traffic.uncompressed_types, f"sent without gzip: {traffic.uncompressed_types}"
            favicons = [u for u in traffic.urls if u.endswith("favicon.svg")]
            assert len(favicons) <= 1, f"/{path}: the favicon is fetched {len(favicons)} times"
            budget = BUDGETS.get(path, BUDGET)
            if traffic.transferred > budget:
                over.append(f"/{path} weighs {traffic.transferred / 1024:.1f} KiB on first load (budget {budget / 1024:.0f} KiB)")
    assert not over, "\n".join(over)


@pytest.mark.parametrize("lang", LANGS)
def test_printing_gives_the_article_and_its_link_addresses(page, base_url, lang):
    page.goto(base_url + page_url_path("sources", lang))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".headerlink"):
        hidden = page.eval_on_selector_all(selector, "els => els.every(e => getComputedStyle(e).display === 'none')")
        assert hidden, f"{selector} is printed"
    assert page.locator("article").is_visible()
    # The link is numbered where it stands; its address is in the list at the end.
    link = page.locator("article p a[href^='https://www.ambito.com']").first
    note = link.get_attribute("data-print-note")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert note and note in after, f"a printed link does not show its number: {after}"
    listed = page.locator(".print-links li").nth(int(note) - 1)
    assert listed.is_visible() and listed.inner_text().startswith("https://www.ambito.com/")
    page.emulate_media(media="screen")
    assert not page.locator(".print-links").is_visible(), "the list of addresses is for paper only"


# Printed to PDF (A4, as a reader's "Save as PDF"), read back as text ----------------

PRINTED = ["", "context", "fact-check", "sources"]


def printed_text(page, url: str) -> str:
    import io

    from pypdf import PdfReader

    page.goto(url)
    pdf = page.pdf(format="A4")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("lang", LANGS)
def test_printed_pages_keep_sentences_whole_and_list_link_addresses(page, base_url, lang):
    """No address in the middle of a sentence: a line of the PDF never starts with
    the punctuation that followed a link, an address only starts a line (a source
    entry's, or a numbered one in the list at the end), and every link's address,
    internal ones in full, is printed."""
    import re

    report = []
    for slug in PRINTED:
        url = base_url + page_url_path(slug, lang)
        text = printed_text(page, url)
        where = page_url_path(slug, lang) or "/"
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        report += [f"{where}: a line starts with what followed a link: {line!r}" for line in lines if re.match(r"^[,.;:)]", line)]
        report += [f"{where}: an address in the middle of a line: {line!r}" for line in lines
                   if re.search(r"https?://", line) and not re.match(r"^(\d+\.\s*)?https?://", line)]
        flat = re.sub(r"\s+", "", text)
        listed = page.eval_on_selector_all(".print-links li", "els => els.map(e => e.textContent)")
        notes = page.eval_on_selector_all("article a[data-print-note]", "els => els.map(e => e.dataset.printNote)")
        assert (len(listed) > 0) == (len(notes) > 0)
        assert {int(n) for n in notes} == set(range(1, len(listed) + 1)), f"{where}: every numbered link is listed"
        assert all(u.startswith(("https://", "http://", "mailto:")) for u in listed), f"{where}: addresses in full: {listed}"
        report += [f"{where}: {u} is not printed" for u in listed if u.replace(" ", "") not in flat]
        if slug == "sources":
            entries = page.eval_on_selector_all("ol.sources li", "els => els.map(e => e.dataset.printUrl)")
            assert entries and all(entries)
            report += [f"{where}: source address {u} is not printed" for u in entries if u not in flat]
    assert not report, "\n".join(report)


@pytest.mark.parametrize("lang", LANGS)
def test_printed_tables_are_whole_and_chart_tables_open(page, base_url, lang):
    """Every table prints inside the page's width with every cell's words, and the
    charts' tables ("The same figures as a table") print open."""
    import re

    report = []
    for slug in PRINTED:
        url = base_url + page_url_path(slug, lang)
        text = re.sub(r"\s+", "", printed_text(page, url))
        where = page_url_path(slug, lang) or "/"
        page.emulate_media(media="print")
        cells = page.eval_on_selector_all("article table", """tables => tables.map(t => {
            const article = t.closest('article').getBoundingClientRect();
            return {right: t.getBoundingClientRect().right - article.right, height: t.getBoundingClientRect().height,
                    caption: t.caption ? t.caption.textContent : '',
                    cells: [...t.querySelectorAll('th, td')].map(c => c.innerText)};
        })""")
        page.emulate_media(media="null")  # "screen" would also make the next page.pdf() print screen styles
        for table in cells:
            if table["right"] > 1 or table["height"] == 0:
                report.append(f"{where}: table {table['caption']!r} clipped or hidden in print ({table})")
            # A wrapped cell's lines come out interleaved with its neighbours': word by word.
            for cell in table["cells"]:
                missing = [w for w in cell.split() if w not in text]
                if missing:
                    report.append(f"{where}: {table['caption']!r}: {missing} of cell {cell!r} not in the PDF")
        if slug == "context":
            assert len(cells) >= 3, "the context page's table and the charts' tables are printed"
    assert not report, "\n".join(report)
