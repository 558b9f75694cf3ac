"""What runs after MkDocs has written the pages: one ordered list of steps over a
site read and parsed once (explainer.site.BuiltSite).

The MkDocs hook (scripts/hooks/pipeline.py) runs STEPS once every language is
built, under `scripts/build.py`, plain `mkdocs build` and `mkdocs serve` alike;
under `serve` the steps that only shrink bytes are skipped (`in_preview=False`).
The order is the list's:

1. the site's script (joined from its parts), share cards, feeds, the open
   data, the email edition: files beside the pages; the email edition also fills the newsletter
   page's copy slots (an edit of its HTML);
2. the Content-Security-Policy: hashes every page's inline scripts, so it comes
   after the last step that edits a page;
3. then the steps that read the parsed pages, which no step edits any more:
   the sources shown, the search index, the link crawl;
4. the trimmed stylesheets, last to change the pages' parse (into what site.js
   makes of them); minified script and styles; then, last, the files nothing
   served refers to are deleted (their references read from the same parse).

Every problem of every step is reported at once, each with its file.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import DEFAULT_LANG, read_config
from .cache import save_cldr
from .errors import ContentError
from .site import BuiltSite

log = logging.getLogger("mkdocs.explainer")


def _script(site: BuiltSite, facts) -> list[ContentError]:
    from .script import join_site_script
    return join_site_script(site.root)


def _cards(site: BuiltSite, facts) -> None:
    from .cards import write_card
    from .format import render

    card, drawn = facts.card, 0
    for page in site.pages:
        dest = site.root / "assets" / "cards" / page.lang / f"{page.slug or 'index'}.png"
        drawn += write_card(dest, page.title, card["label"][page.lang], render(facts.facts[card["fact"]], page.lang),
                            site.names[page.lang], page.lang)
    log.info("cards: %d drawn, %d from cache", drawn, len(site.pages) - drawn)


def _feeds(site: BuiltSite, facts) -> None:
    from .feeds import write_feeds
    write_feeds(site.root, site.site_url, site.names, facts)


def _open_data(site: BuiltSite, facts) -> None:
    from .open_data import write_open_data
    write_open_data(site.root, site.site_url, site.names, facts)


def _email(site: BuiltSite, facts) -> None:
    from .email_edition import write_email_editions
    write_email_editions(site, facts)


def _csp(site: BuiltSite, facts) -> None:
    from .security import add_csp
    # The email editions go to mail clients, not browsers: no policy meta.
    for path in site.html_files():
        if path.name != "email.html":
            html = add_csp(site.text(path))
            if html is not None:
                site.edit(path, html)


def _shown_sources(site: BuiltSite, facts) -> list[ContentError]:
    from .citations import check_shown_sources
    from .source import special_slugs
    return check_shown_sources(site.pages, facts, special_slugs()["sources"])


def _search(site: BuiltSite, facts) -> list[ContentError]:
    from .search import write_search
    return write_search(site.root, site.pages)


def _links(site: BuiltSite, facts) -> list[ContentError]:
    from .links import check_links
    return check_links(site)


def _trim(site: BuiltSite, facts) -> list[ContentError]:
    from .trim_css import trim_stylesheets
    return trim_stylesheets(site)


def _minify(site: BuiltSite, facts) -> None:
    from .minify import minify_site_assets
    minify_site_assets(site.root)


def _prune(site: BuiltSite, facts) -> None:
    from .prune import prune_unreferenced
    prune_unreferenced(site)


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[BuiltSite, object], list[ContentError] | None]
    in_preview: bool = True      # False: it only shrinks bytes, so `mkdocs serve` skips it


STEPS = (
    Step("site script", _script),              # assets/site.js from overrides/assets/js/*.js
    Step("share cards", _cards),
    Step("feeds", _feeds),
    Step("open data", _open_data),             # figures.json, figures.csv per language
    Step("email edition", _email),             # edits the newsletter page: before anything parses it
    Step("content security policy", _csp),     # hashes inline scripts: after the last edit of a page
    Step("sources shown", _shown_sources),     # from here on, steps read the parsed pages
    Step("search index", _search),
    Step("link crawl", _links),
    Step("trimmed styles", _trim, in_preview=False),   # turns each parse into the scripted page: after the steps that read text
    Step("minified script and styles", _minify, in_preview=False),
    Step("only what readers load", _prune, in_preview=False),   # last: deletes every file nothing served refers to
)

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


LAST_RUN: list[BuiltSite] = []   # the site of the latest run, for the tests (parse counts)


def run(root: Path, site_url: str, names: dict[str, str], pages: list[dict] | None, preview: bool = False) -> list[ContentError]:
    """Every step in order over the built site in `root`; the problems of all of them.
    `pages`: what MkDocs said of each page (url, title, description), else read off the files."""
    from .data import load_facts

    facts = load_facts()
    site = BuiltSite(root, site_url, names, pages)
    LAST_RUN[:] = [site]
    errors: list[ContentError] = []
    for step in STEPS:
        if preview and not step.in_preview:
            continue
        started = time.monotonic()
        try:
            errors += step.run(site, facts) or []
        except ContentError as exc:
            errors += exc.errors
        log.debug("%s: %.2f s", step.name, time.monotonic() - started)
    site.write()
    site.forget_unused()
    save_cldr()
    return errors
