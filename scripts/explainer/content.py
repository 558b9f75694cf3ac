"""What the hooks do to a page's HTML after Markdown: table captions, and the
numbered addresses of its links for print."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from .errors import ContentError

# A Markdown table's caption is the line `Table: …` right after it (Pandoc's
# convention), in the page's language; it becomes the table's <caption>.
CAPTIONED = re.compile(r"<table>(?P<body>(?:(?!<table>).)*?</table>)\s*<p>Table: (?P<caption>.*?)</p>", re.S)
TABLE = re.compile(r"<table\b[^>]*>\s*(?P<next><\w+)")
# A link a printed page lists at its end: to another site, or to another page of
# this one (not an anchor on this page, not a citation's source number, not an
# entry of the sources list, which prints its own address after it).
LINK = re.compile(r'(?<!<sup class="cite">)(?<!</a>)<a href="(?P<href>(?!#)[^"]+)"')
SOURCES_LIST = re.compile(r'<ol class="sources">.*?</ol>', re.S)


def caption_tables(html: str, source) -> str:
    """Markdown tables get their <caption>; a data table without one stops the build."""
    html = CAPTIONED.sub(lambda m: f"<table>\n<caption>{m.group('caption').strip()}</caption>{m.group('body')}", html)
    for m in TABLE.finditer(html):
        if m.group("next") != "<caption":
            line = html[:m.start()].count("\n") + 1
            raise ContentError(source, f"a table has no caption (rendered line {line}): add a line `Table: …` after it, "
                                       "naming the table in the page's language")
    return html


def print_links(html: str, page_url: str, heading: str, skip: frozenset[str] = frozenset()) -> str:
    """Each link gets a number that print shows after it (site.css), and the page
    ends with the numbered addresses in full, shown only in print: an address never
    interrupts a sentence on paper, and a link to another page says where it goes.
    Links to the addresses in `skip` (as written in the href) are left as they are."""
    urls: list[str] = []
    keep = [(m.start(), m.end()) for m in SOURCES_LIST.finditer(html)]

    def number(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in keep) or m.group("href") in skip:
            return m.group(0)
        url = urljoin(page_url, m.group("href"))
        if url not in urls:
            urls.append(url)
        return f'<a data-print-note="{urls.index(url) + 1}" href="{m.group("href")}"'

    html = LINK.sub(number, html)
    if not urls:
        return html
    items = "".join(f"<li>{url}</li>" for url in urls)
    return (html + f'\n<div class="print-links" data-search-ignore><p class="print-links__title">{heading}</p>'
            f'<ol>{items}</ol></div>')
