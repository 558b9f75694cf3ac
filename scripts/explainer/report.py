"""The corrections channels: a link that opens a new issue in the site's repository,
and, when the site has a corrections address, a prefilled e-mail to it (for readers
without a GitHub account); both with their subject and text already filled in, in
the page's language, with the page's title, full address and sections. Built at
build time, so they work without JavaScript.

The lines at the end of every page (overrides/partials/comments.html) and the
`{{ report_channels }}` a page can write (sources/, updates/) use the same URLs.
Which channels a build has: explainer/repository.py.
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
MAIL_PLACEHOLDER = "https://report-by-mail.invalid/"


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


def mail_url(address: str, lang: str, title: str, page_url: str, heads: list[tuple[str, str]]) -> str:
    """mailto:ADDRESS?subject=…&body=… (RFC 6068: line breaks as CRLF, all percent-encoded)."""
    words = load_ui()[lang]
    listed = "\n".join(f"- {name} (#{sid})" for name, sid in heads) or "-"
    subject = words["report.title"].format(title=_plain(title))
    body = words["report.body"].format(url=page_url, sections=listed).replace("\n", "\r\n")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def corrections_email(config) -> str:
    return ((config.extra or {}).get("corrections_email") or "").strip()


def page_issue_url(page, config) -> str:
    """The report URL for a built page ("" when the build has no repository)."""
    if not config.repo_url:
        return ""
    lang = page_language(page)
    return issue_url(config.repo_url, lang, page.title or config.site_name, config.site_url + page.url, sections(page.toc))


def page_mail_url(page, config) -> str:
    """The prefilled e-mail for a built page ("" when the site has no corrections address)."""
    address = corrections_email(config)
    if not address:
        return ""
    return mail_url(address, page_language(page), page.title or config.site_name, config.site_url + page.url, sections(page.toc))


def channels_markup(lang: str, has_repo: bool, address: str) -> str:
    """What `{{ report_channels }}` writes in a sentence ("please tell us …"): the
    channels this build has, linked with placeholders the facts hook fills in once
    the page's sections are known."""
    words = load_ui()[lang]
    found = []
    if has_repo:
        found.append(words["report.channel.issues"].format(url=PLACEHOLDER))
    if address:
        found.append(words["report.channel.mail"].format(url=MAIL_PLACEHOLDER, address=html.escape(address)))
    return words["report.channel.or"].join(found) or words["report.channel.none"]
