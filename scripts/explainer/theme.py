"""Material's page frame, less what this site does not use.

Material's base.html writes two hidden checkboxes at the top of every page,
outside any block a theme override can replace: `#__search`, which only its
search (not used here: explainer/search.py and site.js) reads, and `#__drawer`,
which opens the menu. Both carry autocomplete="off" (so Firefox does not restore
them checked on back/forward), which HTML does not allow on a checkbox (the Nu
checker's one error). The search checkbox goes; the drawer's loses the attribute,
and site.js closes the drawer when a page is shown again (setupMenu).

Run on every rendered page by the facts hook (on_post_page), so `mkdocs serve`
shows the same markup. When Material writes them differently, the build says so
(a warning, which strict mode turns into a failure) instead of shipping them.
"""
from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.explainer")

SEARCH_TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
DRAWER_TOGGLE = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
DRAWER_PLAIN = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'


def tidy_toggles(html: str, where: str = "a page") -> str:
    if SEARCH_TOGGLE not in html or DRAWER_TOGGLE not in html:
        log.warning("%s: Material's #__search and #__drawer checkboxes are not written as explainer/theme.py expects; "
                    "update SEARCH_TOGGLE and DRAWER_TOGGLE there to the new markup", where)
        return html
    return html.replace(SEARCH_TOGGLE + "\n", "").replace(SEARCH_TOGGLE, "").replace(DRAWER_TOGGLE, DRAWER_PLAIN)
