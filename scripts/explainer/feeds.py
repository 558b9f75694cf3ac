"""An Atom feed per language (feed.xml, en/feed.xml): what RSS-to-email tools read."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree as ET

from . import DEFAULT_LANG, LANGS
from .site import BuiltPage

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(value) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day.isoformat()}T00:00:00Z"


def write_feeds(site: Path, pages: list[BuiltPage], site_url: str, site_names: dict[str, str], dates: dict) -> list[Path]:
    ET.register_namespace("", ATOM)
    written = []
    for lang in LANGS:
        prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
        feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
        ET.SubElement(feed, f"{{{ATOM}}}title").text = site_names[lang]
        ET.SubElement(feed, f"{{{ATOM}}}id").text = site_url + prefix
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(dates["updated"])
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": site_url + prefix})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": f"{site_url}{prefix}feed.xml"})
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = site_names[lang]
        for page in (p for p in pages if p.lang == lang):
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            ET.SubElement(entry, f"{{{ATOM}}}title").text = page.title
            ET.SubElement(entry, f"{{{ATOM}}}id").text = site_url + page.url
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": site_url + page.url})
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(dates["published"])
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(dates["updated"])
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = page.description
        path = site / prefix / "feed.xml"
        ET.ElementTree(feed).write(path, encoding="utf-8", xml_declaration=True)
        written.append(path)
    return written
