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


def data_statements(facts: Facts) -> list[Statement]:
    return [Statement(facts.path, entry.line, f"{what}: {describe(text, LANGS[0], facts)}", entry["review_by"])
            for what, entry, text in data_entries(facts) if entry.get("review_by")]


def all_statements(facts: Facts, docs: Path = DOCS) -> list[Statement]:
    """Every marked statement, pages first (in file order), then the data file's."""
    pages = [s for path in sorted(docs.rglob("*.md")) for s in page_statements(path, facts)]
    return pages + data_statements(facts)
