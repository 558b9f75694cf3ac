"""What the build writes beside MkDocs' pages: share cards, feeds, the open data, the email edition.

Run by the MkDocs hook (scripts/hooks/pipeline.py) once every language is built,
so `mkdocs build`, `mkdocs serve` and scripts/build.py all write them.
"""
from __future__ import annotations

import logging
from pathlib import Path

from . import DEFAULT_LANG, read_config

log = logging.getLogger("mkdocs.explainer")


def site_names(config) -> dict[str, str]:
    """{lang: the site's name in that language}, from the i18n plugin's settings. The
    default language's is read from mkdocs.yml as written: while it builds the other
    languages, the i18n plugin sets `config.site_name` to theirs."""
    default = read_config(Path(config.config_file_path)).get("site_name") or config.site_name
    names = {DEFAULT_LANG: default}
    for lang_cfg in config.plugins["i18n"].config.languages:
        if lang_cfg.locale != DEFAULT_LANG:
            names[lang_cfg.locale] = lang_cfg.site_name or default
    return names


def write_outputs(site: Path, site_url: str, names: dict[str, str]) -> None:
    from .cards import write_card
    from .data import load_facts
    from .email_edition import write_email_editions
    from .feeds import write_feeds
    from .format import render
    from .open_data import write_open_data
    from .site import read_pages

    facts = load_facts()
    pages = read_pages(site)
    drawn = 0
    card = facts.card
    for page in pages:
        dest = site / "assets" / "cards" / page.lang / f"{page.slug or 'index'}.png"
        drawn += write_card(dest, page.title, card["label"][page.lang], render(facts.facts[card["fact"]], page.lang),
                            names[page.lang], page.lang)
    write_feeds(site, site_url, names, facts)
    write_open_data(site, site_url, names, facts)
    write_email_editions(site, site_url, names, facts, pages)  # before build.py's CSP: fills the newsletter page
    log.info("cards: %d drawn, %d from cache", drawn, len(pages) - drawn)
