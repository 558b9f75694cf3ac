"""The corrections channel: a link that opens a new issue in the site's repository,
its title and body already filled in, in the page's language, with the page's
full address and its sections. Built at build time, so it works without JavaScript.

The link at the end of every page (overrides/partials/comments.html) and the
`{{ report_url }}` a page can write (sources/, updates/) are the same URL.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote, urlencode

from . import page_language
from .data import load_ui

# What a page writes for the link while its Markdown renders: the sections are
# known only once MkDocs has made the page's table of contents, so the hook
# (on_page_content) swaps this for the real URL. An address that cannot resolve
# (.invalid), so a miss would never send a reader anywhere.
PLACEHOLDER = "https://report-an-error.invalid/"


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text or ""))).strip()


def sections(toc) -> list[tuple[str, str]]:
    """(title, id) of the page's H2 headings, in order, from MkDocs' table of contents."""
    found = []

    def walk(items):
        for item in items:
            if item.level == 2:
                found.append((_plain(item.title), item.id))
            walk(item.children)

    walk(toc)
    return found


def issue_url(repo_url: str, lang: str, title: str, page_url: str, heads: list[tuple[str, str]]) -> str:
    """REPO/issues/new?title=…&body=…, every character percent-encoded as a query needs."""
    words = load_ui()[lang]
    listed = "\n".join(f"- {name} (#{sid})" for name, sid in heads) or "-"
    query = {
        "title": words["report.title"].format(title=_plain(title)),
        "body": words["report.body"].format(url=page_url, sections=listed),
    }
    return repo_url.rstrip("/") + "/issues/new?" + urlencode(query, quote_via=quote)


def page_issue_url(page, config) -> str:
    """The report URL for a built page ("" when mkdocs.yml names no repository)."""
    if not config.repo_url:
        return ""
    lang = page_language(page)
    return issue_url(config.repo_url, lang, page.title or config.site_name, config.site_url + page.url, sections(page.toc))
