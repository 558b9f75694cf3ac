"""Statements that know when they expire: where they are, and when each is due.

A statement about something pending (a deadline not yet passed, "has not said",
"as of November 28") carries the day it must be checked again:

- in a page, the call `{{ review_by("YYYY-MM-DD") }}` right after the statement;
- in data/facts.yml, `review_by: YYYY-MM-DD` on the entry (an event, a claim or
  its `later:`, a key figure, a newsletter summary).

scripts/review.py lists the overdue ones (the one place that reads the clock);
the build shows each page's earliest date in its dateline and never reads the clock.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import DOCS, LANGS
from .calls import bad_call_message, call_date
from .data import Facts

BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>)")
SENTENCE_END = re.compile(r"""(?<=[.!?])[»”"')\]]*\s+(?=[«“"¿¡(\[]*[A-ZÁÉÍÓÚÑ0-9])""")
STATEMENT_WIDTH = 70    # characters of each part of a statement shown in the list


@dataclass(frozen=True)
class Statement:
    """One pending statement: where it is, how it starts, and when it is due."""

    path: Path
    line: int
    text: str
    due: dt.date
    shown_by: tuple = ()   # for a data entry: the page call that shows it, (name, its argument or None): ("claim", "chips")

    def where(self) -> str:
        from .errors import ContentError
        return ContentError(self.path, "", self.line).where().rstrip(": ")


# Reading a statement ----------------------------------------------------------

def _readable(text: str, lang: str, facts: Facts | None) -> str:
    """Markdown with Jinja calls as a reader would see them: facts in words, the rest
    dropped (the text is rendered by Jinja itself, with every call but fact() silent)."""
    from .calls import PAGE_CALLS, PAGE_VALUES
    from .format import render
    from .source import PAGE_ENV

    def fact(key, *args, **kwargs) -> str:
        return render(facts.facts[key], lang) if facts and key in facts.facts else ""

    silent = ({name: (lambda *a, **k: "") for name in PAGE_CALLS} | {name: "" for name in PAGE_VALUES}
              | {"fact": fact, "lang": lang, "sources_shown": {}})
    try:
        text = PAGE_ENV.from_string(text).render(**silent)
    except Exception:   # a part of a statement that is no template on its own: show it as written
        pass
    text = re.sub(r"\{[^}]*#[\w-]+[^}]*\}\s*$", "", text)           # a heading's {#id}
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)           # [text](link) → text
    text = re.sub(r"<[^>]+>", "", text)                               # inline HTML
    text = re.sub(r"(\*\*|__|\*|`)", "", text)                        # emphasis, code
    text = BLOCK_START.sub("", text)                                  # list marker, heading, quote
    return re.sub(r"\s+", " ", text).strip()


def _shorten(text: str) -> str:
    return text if len(text) <= STATEMENT_WIDTH else text[:STATEMENT_WIDTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def describe(block: str, lang: str, facts: Facts | None) -> str:
    """The statement that ends where `block` ends (the text before a marker): its
    sentence, after the start of its paragraph or list item when that differs."""
    sentences = [s for s in SENTENCE_END.split(_readable(block, lang, facts)) if s.strip()]
    if not sentences:
        return "(no text before the marker)"
    first, last = sentences[0], sentences[-1]
    return _shorten(last) if first == last else f"{_shorten(first)} … {_shorten(last)}"


# Finding them -------------------------------------------------------------------

def page_statements(path: Path, facts: Facts | None = None) -> list[Statement]:
    """The review_by() calls of one page (explainer.source's one parse), each with
    the statement just before it: its block's text up to the marker."""
    from .source import read_source

    source = read_source(path)
    lang = source.lang or LANGS[0]
    lines = source.body.splitlines()
    found, seen_on_line = [], {}
    for block in source.blocks:
        for call in block.named("review_by"):
            due = call_date(call.first)
            if due is None:   # the build refuses it too, with the same message
                from .errors import ContentError
                raise ContentError(path, bad_call_message(call.first), call.line)
            # Where the marker stands on its line: the n-th review_by( of that line.
            n = seen_on_line[call.line] = seen_on_line.get(call.line, -1) + 1
            text = lines[call.line - source.first]
            at = -1
            for _ in range(n + 1):
                at = text.index("review_by(", at + 1)
            at = text.rfind("{{", 0, at)
            before = lines[block.start - source.first:call.line - source.first] + [text[:at]]
            found.append(Statement(path, call.line, describe("\n".join(before), lang, facts), due))
    return found


def data_entries(facts: Facts) -> list[tuple[str, dict, str]]:
    """(what, entry, its text in the first language) for every data entry that may carry `review_by:`."""
    lang = LANGS[0]
    entries = [(f"event {e['date']}", e, e[lang]) for e in facts.events]
    for claim in facts.claims:
        entries.append((f"claim {claim['id']}", claim, claim.get("article") or (claim.get("later") or {}).get(lang, "")))
        if claim.get("later"):
            entries.append((f"claim {claim['id']} (later)", claim["later"], claim["later"][lang]))
    entries += [(f"key figure {k['fact']}", k, f"{k['label'][lang]} {{{{ fact('{k['fact']}') }}}}") for k in facts.key_figures]
    entries += [(f"newsletter {name}", texts, texts[lang]) for name, texts in facts.newsletter.items()]
    return entries


def entry_dates(entry: dict) -> list[str]:
    """The review date of one data entry (and of a claim's `later:`), as YYYY-MM-DD strings."""
    dates = [entry["review_by"]] if entry.get("review_by") else []
    later = entry.get("later")
    if isinstance(later, dict) and later.get("review_by"):
        dates.append(later["review_by"])
    return [str(d) for d in dates]


def _shown_by(what: str) -> tuple:
    """The page call that shows a data entry: "claim chips" → ("claim", "chips"), "event …" → ("timeline", None)."""
    kind, _, name = what.partition(" ")
    name = name.removesuffix(" (later)")
    return {"event": ("timeline", None), "claim": ("claim", name), "key": ("key_figures", None), "newsletter": ("kit", name)}[kind]


def data_statements(facts: Facts) -> list[Statement]:
    return [Statement(facts.path, entry.line, f"{what}: {describe(text, LANGS[0], facts)}", entry["review_by"], _shown_by(what))
            for what, entry, text in data_entries(facts) if entry.get("review_by")]


def all_statements(facts: Facts, docs: Path = DOCS) -> list[Statement]:
    """Every marked statement, pages first (in file order), then the data file's."""
    pages = [s for path in sorted(docs.rglob("*.md")) for s in page_statements(path, facts)]
    return pages + data_statements(facts)


# Where readers see them -------------------------------------------------------

def _page_url(site_url: str, path: Path, line: int) -> str:
    """The page a Markdown file builds and the section that holds `line`: site URL +
    page path + #id (from the page's one parse, explainer.source)."""
    from . import page_path
    from .source import read_source

    source = read_source(path)
    block = next((b for b in source.blocks if b.start <= line <= b.end), None)
    section = block.section if block else ""
    return site_url + page_path(source.slug, source.lang or LANGS[0]) + (f"#{section}" if section else "")


def statement_urls(statement: Statement, site_url: str, docs: Path = DOCS) -> list[str]:
    """Where readers see a statement: its page and section; for a data entry, every
    page (each language) that makes the call that shows it."""
    from .source import read_source

    if not statement.shown_by:
        return [_page_url(site_url, statement.path, statement.line)]
    name, argument = statement.shown_by
    urls = [_page_url(site_url, path, call.line) for path in sorted(docs.rglob("*.md"))
            for call in read_source(path).named(name) if argument is None or call.first == argument]
    return list(dict.fromkeys(urls))


ISSUE_TITLE = "Statements due for review"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def issue_body(due: list[Statement], today: dt.date, site_url: str, docs: Path = DOCS) -> str:
    """The body of the issue the weekly review opens (scripts/review.py --markdown):
    one line per statement due, `path:line: start… (review by DATE)`, with links to
    where readers see it, then what to do."""
    lines = [f"{len(due)} marked statement{'s are' if len(due) != 1 else ' is'} due for review on {today.isoformat()}, "
             "each with where readers see it:", ""]
    for s in due:
        text = MARKDOWN_SPECIAL.sub(r"\\\1", f"{s.where()}: {s.text} (review by {s.due.isoformat()})")
        links = ", ".join(f"<{url}>" for url in statement_urls(s, site_url, docs))
        lines.append(f"- {text}" + (f"  \n  {links}" if links else ""))
    lines += ["", "For each: check it against the sources; rewrite it (a new fact for the new moment, in both "
                  "languages) or, if it still holds, give it a later review date; move the page's `updated:` date and "
                  "log the change in `updates:`. README: \"When a review is due\". This issue is updated every Monday "
                  "and closed when nothing is due."]
    return "\n".join(lines) + "\n"
