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
from .data import Facts

# The call as written in a page, quotes and all; group 1 is what is between the parentheses.
REVIEW_CALL = re.compile(r"""\breview_by\(([^)]*)\)""")
REVIEW_EXPR = re.compile(r"""\{\{-?\s*review_by\([^)]*\)\s*-?\}\}""")
DATE_ARG = re.compile(r"""\s*["'](\d{4}-\d{2}-\d{2})["']\s*""")
FENCE = re.compile(r"^\s*(```|~~~)")
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>)")
SENTENCE_END = re.compile(r"""(?<=[.!?])[»”"')\]]*\s+(?=[«“"¿¡(\[]*[A-ZÁÉÍÓÚÑ0-9])""")
STATEMENT_WIDTH = 70    # characters of each part of a statement shown in the list


def parse_day(text: str) -> dt.date | None:
    """A YYYY-MM-DD day, or None when it is not one (2027-02-30 is not)."""
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


def call_date(args: str) -> dt.date | None:
    """The date in a review_by(…) call's arguments: one quoted YYYY-MM-DD, else None."""
    match = DATE_ARG.fullmatch(args)
    return parse_day(match.group(1)) if match else None


def bad_call_message(args: str) -> str:
    return (f"review_by({args.strip()}) needs one real date in quotes, YYYY-MM-DD: the day the statement before it "
            'must be checked again, e.g. {{ review_by("2027-01-04") }}')


@dataclass(frozen=True)
class Statement:
    """One pending statement: where it is, how it starts, and when it is due."""

    path: Path
    line: int
    text: str
    due: dt.date
    shown_by: str = ""   # for a data entry: the page call that shows it, as a regex (timeline(, claim("x")…)

    def where(self) -> str:
        from .errors import ContentError
        return ContentError(self.path, "", self.line).where().rstrip(": ")


# Reading a statement ----------------------------------------------------------

def _readable(text: str, lang: str, facts: Facts | None) -> str:
    """Markdown with Jinja calls as a reader would see them: facts in words, the rest dropped."""
    from .format import render

    def call(match: re.Match) -> str:
        fact = re.match(r"""\s*fact\(\s*["']([^"']+)["']""", match.group(1))
        if fact and facts and fact.group(1) in facts.facts:
            return render(facts.facts[fact.group(1)], lang)
        return ""

    text = re.sub(r"\{\{-?(.*?)-?\}\}", call, text)
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
    """The review_by() calls of one page, each with the statement just before it."""
    lang = path.name.split(".")[-2] if path.name.count(".") >= 2 else LANGS[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    found, in_fence, block_start = [], False, 0
    for i, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        if not line.strip() or BLOCK_START.match(line):
            block_start = i if line.strip() else i + 1
        for match in REVIEW_CALL.finditer(line):
            due = call_date(match.group(1))
            if due is None:   # the build refuses it too, with the same message
                from .errors import ContentError
                raise ContentError(path, bad_call_message(match.group(1)), i + 1)
            expr = next((m for m in REVIEW_EXPR.finditer(line) if m.start() <= match.start() < m.end()), match)
            block = "\n".join(lines[block_start:i] + [line[:expr.start()]])
            found.append(Statement(path, i + 1, describe(block, lang, facts), due))
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


def _shown_by(what: str) -> str:
    """The page call that shows a data entry, as a regex: "claim chips" → claim("chips")."""
    kind, _, name = what.partition(" ")
    name = re.escape(name.removesuffix(" (later)").removeprefix("figure "))
    return {"event": r"\btimeline\(", "claim": rf"""\bclaim\(\s*["']{name}["']""", "key": r"\bkey_figures\(",
            "newsletter": rf"""\bkit\(\s*["']{name}["']"""}[kind]


def data_statements(facts: Facts) -> list[Statement]:
    return [Statement(facts.path, entry.line, f"{what}: {describe(text, LANGS[0], facts)}", entry["review_by"], _shown_by(what))
            for what, entry, text in data_entries(facts) if entry.get("review_by")]


def all_statements(facts: Facts, docs: Path = DOCS) -> list[Statement]:
    """Every marked statement, pages first (in file order), then the data file's."""
    pages = [s for path in sorted(docs.rglob("*.md")) for s in page_statements(path, facts)]
    return pages + data_statements(facts)


# Where readers see them -------------------------------------------------------

HEADING_ID = re.compile(r"^#{1,6}\s.*\{[^}]*#([\w-]+)[^}]*\}\s*$")


def _page_url(site_url: str, path: Path, line: int) -> str:
    """The page a Markdown file builds and the section that holds `line`: site URL + page path + #id."""
    from . import page_path

    slug, lang = path.name.split(".")[0], path.name.split(".")[-2]
    section = ""
    for text in path.read_text(encoding="utf-8").splitlines()[:line]:
        match = HEADING_ID.match(text)
        if match:
            section = match.group(1)
    return site_url + page_path(slug, lang) + (f"#{section}" if section else "")


def statement_urls(statement: Statement, site_url: str, docs: Path = DOCS) -> list[str]:
    """Where readers see a statement: its page and section; for a data entry, every
    page (each language) whose Markdown calls what shows it."""
    if not statement.shown_by:
        return [_page_url(site_url, statement.path, statement.line)]
    call = re.compile(statement.shown_by)
    urls = []
    for path in sorted(docs.rglob("*.md")):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if call.search(text):
                urls.append(_page_url(site_url, path, number))
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
