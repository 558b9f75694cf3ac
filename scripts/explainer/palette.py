"""The colours of the images and the email edition, each written once.

The site's colours are the custom properties of overrides/assets/site.css
(`:root { --site-ink: … }` and the dark scheme, `[data-md-color-scheme="slate"]`):
they are read from there (tinycss2), once per build, for the share cards
(explainer.cards), the chart PNGs (explainer.chart_png) and the email edition
(templates/email.html, explainer.email_edition). The few colours only the images
and the email use (an email's tinted paper, its quiet text) are named here,
in PRINT, and nowhere else.
"""
from __future__ import annotations

import re
from functools import lru_cache

import tinycss2

from . import ROOT
from .errors import ContentError

SITE_CSS = ROOT / "overrides" / "assets" / "site.css"
# The rules whose custom properties are a scheme's colours: a selector starting so.
SCHEMES = {"light": (":root", '[data-md-color-scheme="default"]'), "dark": ('[data-md-color-scheme="slate"]',)}
HEX = re.compile(r"#[0-9a-fA-F]{3,8}")

# Colours the site itself does not use: the email's paper and text, the cards' muted words.
PRINT = {
    "paper": "#f7f9f8",          # the email's body, and its button's words
    "surround": "#e6edeb",       # around the email's 600 px column
    "card": "#e3efec",           # the email's key-figure cards
    "chart_paper": "#f3f7f6",    # the chart PNG: opaque, lightly tinted, never pure white
    "text": "#1c2826",           # running text in the email and the chart PNG
    "text_muted": "#33413f",     # labels and details
    "quiet": "#4a5856",          # the email's dateline, online link and footer
    "masthead_text": "#f2f7f6",  # the site's name on the email's masthead
    "muted_on_ink": "#c9e6df",   # secondary words on the ink background (masthead, cards)
}


@lru_cache(maxsize=None)
def site_colours() -> dict[str, dict[str, str]]:
    """{"light": {"--site-ink": "#0b3f3b", …}, "dark": {…}}: the custom properties
    site.css sets to a colour, per scheme (a later declaration wins, as in CSS)."""
    found: dict[str, dict[str, str]] = {scheme: {} for scheme in SCHEMES}
    rules = tinycss2.parse_stylesheet(SITE_CSS.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
        schemes = [scheme for scheme, starts in SCHEMES.items() if any(s.startswith(starts) for s in selectors)]
        for decl in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            value = tinycss2.serialize(decl.value).strip() if decl.type == "declaration" else ""
            if decl.type == "declaration" and decl.name.startswith("--") and HEX.fullmatch(value):
                for scheme in schemes:
                    found[scheme][decl.name] = value.lower()
    return found


def _site(name: str, scheme: str = "light") -> str:
    colour = site_colours()[scheme].get(name)
    if colour is None:
        raise ContentError(SITE_CSS, f"the {scheme} colours need the custom property `{name}` (a #hex colour): the images and the email edition use it")
    return colour


@lru_cache(maxsize=None)
def palette() -> dict[str, str]:
    """Every colour the images and the email edition use, by role."""
    return {
        "ink": _site("--site-ink"),                          # headings, the masthead, the cards' background
        "link": _site("--md-typeset-a-color"),               # links and the email's button
        "on_ink": _site("--md-primary-bg-color"),            # words on the ink background
        "bar": _site("--md-primary-fg-color--light"),        # chart bars, as on the page
        "bar_2": _site("--md-primary-fg-color--dark"),       # a stack's second segment
        "warn": _site("--site-warn"),                        # status words (hedges)
        "accent_on_ink": _site("--chart-fill-2", "dark"),    # the dark scheme's bright bar: the cards' figure
        **PRINT,
    }
