"""Search: one small index per language, read by lunr.js in the reader's browser.

The build writes, into `search/` at the site root:

- `<lang>.json`: the language's pages and sections (titles, `#id`s) and every
  word with the sections that hold it (see `language_index`);
- `<lang>/<n>.txt`: each section's text, fetched for the excerpts of the
  results on screen only;
- `lunr-<lang>.js`: lunr 2.3.9, minified here (rjsmin) from the copy mkdocs
  ships (`mkdocs/contrib/search/templates/search/lunr.js`), licence header kept;
  for a language other than English, followed by lunr-languages' stemmer support
  and that language's stemmer and stop words, from the minified copies Material
  ships (`material/templates/assets/javascripts/lunr/min/`).

`site.js` fetches the script and the index the first time a reader shows intent
to search and builds lunr's index in the browser (a few milliseconds here): fewer
bytes than a serialized lunr index (51 KB compressed for English, more than all
its text) or than the whole text. Nothing comes from the network; no Node.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import material
import mkdocs
import rjsmin

from .errors import ContentError
from .site import BuiltPage

LUNR_JS = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"
LUNR_LANGUAGES = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
# What readers do not search for: the "#" permalinks, source markers "[5]", button
# labels, the dateline; and what repeats text found elsewhere: the newsletter's
# copyable kits (code blocks holding the pages' summaries) and the charts' drawings
# (the table beside each chart holds the same numbers).
# Markup says "not for search" with data-search-ignore: the print-only link list,
# the "report an error" line.
NOT_TEXT = ".headerlink, sup.cite, button, script, style, pre, code, svg, .dateline, .site-copy-link__done, [data-search-ignore]"
SECTION = ("h1", "h2", "h3")
# Elements inside a line of text; any other element (a card's span shown as a
# block, a table cell, a paragraph) parts words: "US$38 billion" "7 years".
INLINE = {"a", "strong", "em", "b", "i", "q", "abbr", "time", "sub", "mark", "small", "cite", "code", "kbd", "s", "u"}
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?»”’)\]])")


def _text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def sections(page: BuiltPage) -> list[dict]:
    """The page's article cut at every h1–h3 with an id: [{id, title, text}] (read
    once per version of the page: explainer.site.BuiltSite.extract)."""
    return page.extract("search", lambda soup: _sections(soup, page.title, page.description))


def _sections(soup, title: str, description: str) -> list[dict]:
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return []
    article = article.__copy__()
    for node in article.select(NOT_TEXT):
        node.decompose()
    out: list[dict] = []
    current = {"id": "", "title": title, "text": []}
    for node in article.descendants:
        name = getattr(node, "name", None)
        if name in SECTION and node.get("id"):
            out.append(current)
            current = {"id": node["id"], "title": _text(node), "text": []}
        elif name is not None and name not in INLINE:
            current["text"].append(" ")
        elif name is None and type(node).__name__ == "NavigableString" and not any(p.name in SECTION for p in node.parents):
            current["text"].append(str(node))
    out.append(current)
    found = [{"id": s["id"], "title": s["title"], "text": SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join("".join(s["text"]).split()))}
             for s in out if s["id"]]
    for section in found[:1]:  # the title's section: its text, else the page's description
        section["text"] = section["text"] or description
    return found


WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The distinct words of a text, lowercased, in order; accents kept (the browser
    stems each word as written and as folded, see site.js)."""
    return list(dict.fromkeys(WORD.findall(text.lower())))


def _base36(n: int) -> str:
    digits = ""
    while True:
        n, r = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + digits
        if not n:
            return digits


def language_index(pages: list[BuiltPage]) -> tuple[dict, list[str]]:
    """The index a language's pages travel in, and each section's text.

    Index: {"pages": [[url, title]], "sections": [[page number, id, title]],
    "words": "word 0.2.b\n…"}: every distinct word, then the sections holding it,
    as base-36 gaps from the previous section number. The browser rebuilds each
    section's words from it and hands them to lunr; the texts (for the excerpts)
    are separate files, fetched only for the results on screen."""
    index: dict = {"pages": [], "sections": []}
    texts: list[str] = []
    postings: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        index["pages"].append([page.url, page.title])
        for section in sections(page):
            k = len(texts)
            index["sections"].append([number, section["id"], section["title"]])
            texts.append(section["text"])
            for word in words(section["title"] + " " + section["text"]):
                postings.setdefault(word, []).append(k)
    lines = []
    for word in sorted(postings):
        ks = postings[word]
        lines.append(word + " " + ".".join(_base36(b - a) for a, b in zip([0] + ks, ks)))
    index["words"] = "\n".join(lines)
    return index, texts


def write_search(site: Path, pages: list[BuiltPage]) -> list[ContentError]:
    """search/lunr-<lang>.js, search/<lang>.json and search/<lang>/<section>.txt for each language."""
    out = site / "search"
    out.mkdir(exist_ok=True)
    lunr = LUNR_JS.read_text(encoding="utf-8")
    licence = lunr[:lunr.index("*/") + 2]
    lunr = licence + "\n" + rjsmin.jsmin(lunr[len(licence):])
    errors = []
    for lang in sorted({p.lang for p in pages}):
        script = lunr  # lunr's own stemmer and stop words are English
        base = lang.split("-")[0].lower()  # lunr-languages names languages, not regions: pt-BR is pt
        if base != "en":
            stemmer = LUNR_LANGUAGES / f"lunr.{base}.min.js"
            if not stemmer.exists():
                errors.append(ContentError(None, f"search: lunr-languages has no stemmer for {lang!r} ({stemmer} is missing)"))
                continue
            support = LUNR_LANGUAGES / "lunr.stemmer.support.min.js"
            script += "\n" + support.read_text(encoding="utf-8") + "\n" + stemmer.read_text(encoding="utf-8")
        (out / f"lunr-{lang}.js").write_text(script, encoding="utf-8")
        index, texts = language_index([p for p in pages if p.lang == lang])
        (out / f"{lang}.json").write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        (out / lang).mkdir(exist_ok=True)
        for k, text in enumerate(texts):
            (out / lang / f"{k}.txt").write_text(text, encoding="utf-8")
    return errors
