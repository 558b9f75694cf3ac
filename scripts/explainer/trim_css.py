"""Material's stylesheets cut down to the rules this site's pages can use.

Material ships one stylesheet for every feature it has (about 23 KB compressed);
these pages use a fraction of it. After the build, each rule of
`assets/stylesheets/*.css` is kept only if one of its selectors matches an element
of a built page, parsed with tinycss2 and matched with soupsieve (the selector
engine Beautiful Soup uses):

- every pseudo-class and pseudo-element is treated as "could be true" (`a:hover`
  is kept when the page has an `a`; `:root` is `html`), so hover, focus, checked
  drawers, `::before` icons and `:not(…)` variants stay;
- each page is matched as site.js leaves it (see `as_scripted`): with the menu
  and search buttons, the search dialog and the live region it adds, the `js`
  class, and in both colour schemes (`data-md-color-scheme` default and slate);
- `@media` (print, widths, reduced motion) and `@supports` blocks are trimmed the
  same way and dropped when empty; other at-rules (`@font-face`, `@keyframes`)
  are kept as they are.

The trimmed file keeps its name; the source map that described the full file is
removed. tests/test_trim_css.py compares computed styles with and without
trimming in Chromium, light and dark, menu and search open, and in print.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2

from . import cache
from .errors import ContentError


NEVER_AN_ID = ":not(#site-never-an-id)"  # stands for a stripped pseudo-class: matches anything

# What the site's script adds to every page: the header's buttons (overrides/assets/js/
# 03-header.js), the search dialog (09-search-dialog.js) and the live region (01-core.js).
# Keep in step with those files; the computed-style test catches drift.
SCRIPTED_HEADER = ('<button class="md-header__button md-icon site-menu-button" aria-expanded="false"><svg></svg></button>')
SCRIPTED_SEARCH_BUTTON = '<button class="md-header__button md-icon site-search-open"><svg></svg></button>'
SCRIPTED_BODY = (
    '<div class="site-sr-only" role="status"></div>'
    '<dialog class="site-search"><div class="site-search__box"><h2 class="site-sr-only"></h2>'
    '<div class="site-search__bar"><label class="site-sr-only"></label><input type="search" role="combobox">'
    '<button class="site-search__close"></button></div><p class="site-search__status" role="status"></p>'
    '<ul class="site-search__results" role="listbox"><li role="option"><a><span class="site-search__title"></span>'
    '<span class="site-search__section"></span><span class="site-search__excerpt"><mark></mark></span></a></li>'
    '<li role="option" class="site-search__more"><a><span class="site-sr-only"></span><span class="site-search__section"></span></a></li>'
    '</ul></div></dialog>'
)


def as_scripted(page: BeautifulSoup) -> BeautifulSoup:
    """The page, changed in place to what site.js makes of it (light scheme); once."""
    from bs4 import BeautifulSoup

    if page.html is None or page.html.get("class") == ["js"]:
        return page
    page.html["class"] = ["js"]
    if page.body is None:
        return page
    page.body["data-md-color-scheme"] = "default"
    label = page.select_one('.md-header label.md-header__button[for="__drawer"]')
    if label:
        label.insert_after(BeautifulSoup(SCRIPTED_HEADER, "html.parser"))
    inner = page.select_one(".md-header__inner")
    if inner:
        inner.append(BeautifulSoup(SCRIPTED_SEARCH_BUTTON, "html.parser"))
    page.body.append(BeautifulSoup(SCRIPTED_BODY, "html.parser"))
    for heading in page.select("article figure.quote[id] > figcaption"):
        heading.append(BeautifulSoup('<a class="headerlink">#</a><span class="site-copy-link__done"></span>', "html.parser"))
    return page


def split_selectors(prelude: list) -> list[list]:
    """A rule's selector list as token lists, one per selector."""
    out: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append([])
        else:
            out[-1].append(token)
    return out


def static_selector(tokens: list) -> str:
    """The selector with every pseudo-class and pseudo-element replaced by a match-anything."""
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "literal" and token.value == ":":
            j = i + 1
            if j < len(tokens) and tokens[j].type == "literal" and tokens[j].value == ":":
                j += 1  # a pseudo-element
            name = tokens[j] if j < len(tokens) else None
            if name is not None and name.type == "ident" and name.lower_value == "root" and j == i + 1:
                parts.append(":root")
            else:
                parts.append(NEVER_AN_ID)
            i = j + 1
            continue
        parts.append(tinycss2.serialize([token]))
        i += 1
    return "".join(parts).strip()


def required_names(tokens: list) -> tuple[set[str], set[str]]:
    """Classes and ids a selector needs outside any pseudo-class (a quick filter before soupsieve)."""
    classes, ids = set(), set()
    for k, token in enumerate(tokens):
        if token.type == "literal" and token.value == "." and k + 1 < len(tokens) and tokens[k + 1].type == "ident":
            classes.add(tokens[k + 1].value)
        elif token.type == "hash" and token.is_identifier:
            ids.add(token.value)
    return classes, ids


def compounds(tokens: list) -> list[list]:
    """The selector's compounds, split at combinators (descendant, >, +, ~)."""
    out: list[list] = [[]]
    for token in tokens:
        if token.type == "whitespace" or (token.type == "literal" and token.value in (">", "+", "~")):
            if out[-1]:
                out.append([])
        else:
            out[-1].append(token)
    return [c for c in out if c]


def keys(compound: list) -> list[tuple[str, str]]:
    """What a compound names, before any pseudo-class: ("class", x), ("id", x), ("tag", x), ("attr", x)."""
    out = []
    if compound and compound[0].type == "ident":
        out.append(("tag", compound[0].lower_value))
    for k, token in enumerate(compound):
        if token.type == "literal" and token.value == ":":
            break
        if token.type == "literal" and token.value == "." and k + 1 < len(compound) and compound[k + 1].type == "ident":
            out.append(("class", compound[k + 1].value))
        elif token.type == "hash" and token.is_identifier:
            out.append(("id", token.value))
        elif token.type == "[] block":
            name = next((t for t in token.content if t.type == "ident"), None)
            if name is not None:
                out.append(("attr", name.lower_value))
    return out


class Page:
    """A scripted page, its elements indexed by class, id and tag."""

    def __init__(self, soup: BeautifulSoup):
        self.soup = soup
        self.elements = soup.find_all(True)
        self.by_key: dict = {}
        for el in self.elements:
            self.by_key.setdefault(("tag", el.name), []).append(el)
            for name in el.get("class") or []:
                self.by_key.setdefault(("class", name), []).append(el)
            if el.get("id"):
                self.by_key.setdefault(("id", el["id"]), []).append(el)
            for name in el.attrs:
                self.by_key.setdefault(("attr", name), []).append(el)

    def candidates(self, parts: list[list]):
        """Elements that could be the selector's subject: those named by its last
        compound, narrowed to the surroundings of the rarest element it names."""
        subject_keys = keys(parts[-1])
        subject = min(subject_keys, key=lambda k: len(self.by_key.get(k, ())), default=None)
        pool = self.by_key.get(subject, ()) if subject else self.elements
        anchors = [(len(self.by_key.get(k, ())), k) for part in parts[:-1] for k in keys(part)]
        if not anchors:
            return pool
        count, anchor = min(anchors)
        if count >= len(pool):
            return pool
        # descendants of an anchor's parent: the anchor's own, and its following siblings' (+ and ~)
        scopes = {id(el.parent or el) for el in self.by_key.get(anchor, ())}
        return [el for el in pool if any(id(p) in scopes for p in el.parents)]


class Matcher:
    """Does a selector match an element of any page? It is tried only on the
    elements its compounds point to (see Page.candidates); a selector that names
    the colour scheme is tried in both, light and dark (slate)."""

    def __init__(self, pages: list[BeautifulSoup]):
        self.pages = [Page(p) for p in pages]
        self.names = {key for page in self.pages for key in page.by_key}
        self.cache: dict[str, bool] = {}

    def _any(self, compiled, parts: list[list], schemes: tuple[str, ...]) -> bool:
        for page in self.pages:
            for scheme in schemes:
                if page.soup.body is not None:
                    page.soup.body["data-md-color-scheme"] = scheme
                if any(compiled.match(el) for el in page.candidates(parts)):
                    return True
        return False

    def used(self, tokens: list) -> bool:
        classes, ids = required_names(tokens)
        if any(("class", c) not in self.names for c in classes) or any(("id", i) not in self.names for i in ids):
            return False
        selector = static_selector(tokens)
        if selector not in self.cache:
            try:
                import soupsieve
                compiled = soupsieve.compile(selector)
            except Exception:  # noqa: BLE001 — a selector soupsieve cannot read: keep its rule
                self.cache[selector] = True
            else:
                schemes = ("default", "slate") if "data-md-color-scheme" in selector else ("default",)
                self.cache[selector] = self._any(compiled, compounds(tokens), schemes)
                for page in self.pages:
                    if page.soup.body is not None:
                        page.soup.body["data-md-color-scheme"] = "default"
        return self.cache[selector]


def trim_rules(rules: list, matcher: Matcher) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if any(matcher.used(sel) for sel in split_selectors(rule.prelude) if sel):
                kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = trim_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), matcher)
            if inner:
                rule.content = [tok for r in inner for tok in (r, tinycss2.ast.WhitespaceToken(0, 0, "\n"))]
                kept.append(rule)
        elif rule.type == "at-rule":
            kept.append(rule)
    return kept


def trim_css(css: str, matcher: Matcher) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    header = [r for r in rules[:1] if r.type == "comment"]  # Material's licence
    kept = trim_rules([r for r in rules if r.type != "comment"], matcher)
    return "\n".join(tinycss2.serialize([r]) for r in header + kept) + "\n"


VALUE_SELECTOR = re.compile(r"\[\s*([\w-]+)\s*[~|^$*]?=")


def page_structure(page: BeautifulSoup, valued: frozenset[str]) -> str:
    """A page's element tree as a selector sees it, hashed: tags, classes, ids,
    attribute names, and the values of the attributes in `valued` (those the
    stylesheets test, such as `data-md-toggle`); never the text, on which no kept
    or dropped rule depends."""
    digest = hashlib.sha256()

    def walk(el):
        attrs = ",".join(f"{k}={el[k]}" if k in valued else k for k in sorted(el.attrs))
        digest.update(f"<{el.name}[{attrs}]".encode("utf-8"))
        for child in el.children:
            if getattr(child, "name", None):
                walk(child)
        digest.update(b">")

    walk(page)
    return digest.hexdigest()


def trim_stylesheets(site) -> list[ContentError]:
    """Material's stylesheets in `site` (an explainer.site.BuiltSite), trimmed to the
    rules its pages can use. It changes the site's parsed pages into what site.js
    makes of them (as_scripted). The result is kept in .cache/trim under a key of
    everything it depends on: this module's code, the stylesheets and each page's
    structure (page_structure), so an edit of words only takes it from the cache."""
    sheets = sorted((site.root / "assets" / "stylesheets").glob("*.css"))
    if not sheets:
        return []
    # The email editions have their styles inline and link no stylesheet.
    paths = [path for path in site.html_files() if "assets/stylesheets/" in site.text(path)]
    if not paths:
        return [ContentError(None, "CSS trimming: no page links Material's stylesheets; nothing to match them against")]
    texts = [sheet.read_text(encoding="utf-8") for sheet in sheets]
    valued = frozenset({name.lower() for css in texts for name in VALUE_SELECTOR.findall(css)} | {"class", "id"})
    digest = hashlib.sha256(cache.code_digest(__file__).encode())
    for css in texts:
        digest.update(css.encode("utf-8"))
    for path in paths:
        digest.update(site.extract(path, "structure " + ",".join(sorted(valued)), lambda soup: page_structure(as_scripted(soup), valued)).encode())
    cached = cache.folder("trim") / digest.hexdigest()[:32]
    if not all((cached / sheet.name).is_file() for sheet in sheets):
        matcher = Matcher([as_scripted(site.soup(path)) for path in paths])
        cached.mkdir(parents=True, exist_ok=True)
        for sheet, css in zip(sheets, texts):
            tmp = cached / f".{sheet.name}.tmp"
            tmp.write_text(trim_css(css, matcher), encoding="utf-8")
            tmp.replace(cached / sheet.name)
    for sheet in sheets:
        sheet.write_text((cached / sheet.name).read_text(encoding="utf-8"), encoding="utf-8")
        source_map = sheet.with_name(sheet.name + ".map")
        if source_map.exists():
            source_map.unlink()
    return []
