"""An Atom feed per language (feed.xml, en/feed.xml): what RSS-to-email tools read.

Each entry is one published update from `updates:` in data/facts.yml (the same
list the updates page shows), newest first, with its own time, so a reader's
feed tool sees each change once and in order. Its `summary` is the update's
`summary:` (one or two sentences); its `content` is the full text, every change
with its kind and a link to the section it changed, as HTML.

Ids are permanent and do not depend on where the site is served: `tag:` URIs
(RFC 4151) built from `extra.feed_tag` in mkdocs.yml (an authority and a date,
fixed once) and the update's permanent `id`. A move to another domain changes
every link but no id, so feed readers do not show old entries again.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path
from xml.etree import ElementTree as ET

from . import CONFIG, CONFIG_FILE, LANGS, lang_prefix, page_path
from .source import special_slugs
from .data import Facts, load_ui
from .errors import ContentError

ATOM = "http://www.w3.org/2005/Atom"
# RFC 4151: "tag:" authority "," date ":" — a DNS name or e-mail address owned
# on that date (YYYY, YYYY-MM or YYYY-MM-DD); the specific part follows.
TAG_PREFIX = re.compile(r"tag:(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|[^@\s,:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+),"
                        r"\d{4}(?:-\d{2}(?:-\d{2})?)?:", re.I)


def feed_tag(config: dict = CONFIG) -> str:
    """`extra.feed_tag` from mkdocs.yml, checked: the start of every feed and entry id."""
    tag = ((config.get("extra") or {}).get("feed_tag") or "").strip()
    if not TAG_PREFIX.fullmatch(tag):
        raise ContentError(CONFIG_FILE, f"extra.feed_tag `{tag}` is not the start of a tag: URI (RFC 4151): write "
                                        "\"tag:DOMAIN-OR-EMAIL,YYYY-MM-DD:\", an authority you held on that date, and never change it")
    return tag


def feed_id(tag: str, lang: str) -> str:
    return f"{tag}{lang}"


def entry_id(tag: str, lang: str, update_id: str) -> str:
    return f"{tag}{lang}/update/{update_id}"


def _stamp(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _change_url(site_url: str, lang: str, link: str) -> str:
    slug, _, anchor = link.partition("#")
    return site_url + page_path(slug, lang) + (f"#{anchor}" if anchor else "")


def _content(update: dict, site_url: str, lang: str, words: dict) -> str:
    """The update's full text as HTML: each change with its kind and a link to what it changed."""
    items = "".join(
        f'<li><strong>{escape(words["update." + c["kind"]], quote=False)}</strong> {escape(c[lang], quote=False)} '
        f'<a href="{escape(_change_url(site_url, lang, c["link"]))}">{escape(words["update.see"], quote=False)}</a></li>'
        for c in update["changes"])
    return f"<ul>{items}</ul>"


def write_feeds(site: Path, site_url: str, site_names: dict[str, str], facts: Facts) -> list[Path]:
    ET.register_namespace("", ATOM)
    ui = load_ui()
    tag = feed_tag()
    written = []
    for lang in LANGS:
        t, prefix = ui[lang], lang_prefix(lang)
        feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
        ET.SubElement(feed, f"{{{ATOM}}}title").text = site_names[lang]
        ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_id(tag, lang)
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(facts.updates[0]["time"])
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": site_url + prefix})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": f"{site_url}{prefix}feed.xml"})
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = site_names[lang]
        for update in facts.updates:
            url = f"{site_url}{page_path(special_slugs()['updates'], lang)}#update-{update['id']}"
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            ET.SubElement(entry, f"{{{ATOM}}}title").text = update["title"][lang]
            ET.SubElement(entry, f"{{{ATOM}}}id").text = entry_id(tag, lang, update["id"])
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url})
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(update["time"])
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(update["time"])
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = update["summary"][lang]
            ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "html"}).text = _content(update, site_url, lang, t)
            for change in update["changes"]:
                ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "related", "type": "text/html",
                                                         "href": _change_url(site_url, lang, change["link"])})
        path = site / prefix / "feed.xml"
        ET.ElementTree(feed).write(path, encoding="utf-8", xml_declaration=True)
        written.append(path)
    return written
