"""An Atom feed per language (feed.xml, en/feed.xml): what RSS-to-email tools read.

Each entry is one published update from `updates:` in data/facts.yml (the same
list the updates page shows), newest first, with its own id and time, so a
reader's feed tool sees each change once and in order.
"""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from . import LANGS, lang_prefix, page_path
from .source import special_slugs
from .data import Facts, load_ui

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _change_url(site_url: str, lang: str, link: str) -> str:
    slug, _, anchor = link.partition("#")
    return site_url + page_path(slug, lang) + (f"#{anchor}" if anchor else "")


def write_feeds(site: Path, site_url: str, site_names: dict[str, str], facts: Facts) -> list[Path]:
    ET.register_namespace("", ATOM)
    ui = load_ui()
    written = []
    for lang in LANGS:
        t, prefix = ui[lang], lang_prefix(lang)
        feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
        ET.SubElement(feed, f"{{{ATOM}}}title").text = site_names[lang]
        ET.SubElement(feed, f"{{{ATOM}}}id").text = site_url + prefix
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(facts.updates[0]["time"])
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": site_url + prefix})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": f"{site_url}{prefix}feed.xml"})
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = site_names[lang]
        for update in facts.updates:
            url = f"{site_url}{page_path(special_slugs()['updates'], lang)}#update-{update['id']}"
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            ET.SubElement(entry, f"{{{ATOM}}}title").text = update["title"][lang]
            ET.SubElement(entry, f"{{{ATOM}}}id").text = url
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url})
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(update["time"])
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(update["time"])
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = " ".join(
                f"{t['update.' + c['kind']]} {c[lang]}" for c in update["changes"])
            for change in update["changes"]:
                ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "related", "type": "text/html",
                                                         "href": _change_url(site_url, lang, change["link"])})
        path = site / prefix / "feed.xml"
        ET.ElementTree(feed).write(path, encoding="utf-8", xml_declaration=True)
        written.append(path)
    return written
