"""The calls a page can make, each described once: `{{ fact("deal.value") }}`, `{{ cite(5, 13) }}`…

Everything else derives from the table CALLS: the names a page may call
(PAGE_CALLS, bound to a page by explainer.pages), the patterns that find them
in a page's source (REF_PATTERNS, PARITY_CALL), how their references are checked
against the data before anything renders (check_references), and which ones the
parity guard compares between the editions, with the verb its messages use
(explainer.checks). A new call is one row here and one method of PageFunctions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from . import DEFAULT_LANG, DOCS, NAV_SLUGS
from .data import Facts
from .errors import ContentError
from .review import bad_call_message, call_date

QUOTED = r"""\s*["']([^"']+)["']"""   # the first argument, a quoted literal
ARGUMENTS = r"([^)]*)\)"                 # everything between the parentheses


def chart_names() -> list[str]:
    """Charts are their data: the names under `charts:` in data/facts.yml (one
    template, components/chart.html, draws them all)."""
    from .data import load_facts
    return sorted(load_facts().charts)


def _numbers(args: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", args))


def _quoted(args: str) -> tuple[str, ...]:
    return tuple(re.findall(r"""["']([^"']+)["']""", args))


def _first(args: str) -> str:
    first = re.match(QUOTED, args)
    return first.group(1) if first else args.strip()


def _unknown_chart(name: str, facts: Facts) -> Optional[str]:
    if name not in facts.charts:
        return f"unknown chart `{name}`: add `{name}:` under `charts:` in data/facts.yml ({', '.join(sorted(facts.charts))})"
    return None


@dataclass(frozen=True)
class PageCall:
    name: str
    # What the call names in the data, and the message when it names nothing (None: nothing to check).
    # Given the call's argument as read by `args`; returns the messages, one per problem.
    check: Optional[Callable[[object, Facts], list[str]]] = None
    args: Callable[[str], object] = _first     # the argument(s) as written: "deal.value", or (5, 13) for cite
    parity: Optional[str] = None               # the verb of the parity guard's messages; None: not compared
    pattern: str = ""                          # what is matched between the parentheses (default: the whole argument list)

    @property
    def regex(self) -> re.Pattern:
        """Group 1: the quoted literal (pattern QUOTED), else everything between the parentheses."""
        return re.compile(rf"\b{self.name}\(" + (self.pattern or ARGUMENTS))


def _missing(kind: str, where: str) -> Callable[[object, Facts], list[str]]:
    """The check of a call naming one entry of a section of data/facts.yml."""
    def check(key, facts: Facts) -> list[str]:
        known = {"fact": facts.facts, "quote": facts.quotes, "claim": {c["id"] for c in facts.claims},
                 "newsletter summary": facts.newsletter}[kind]
        return [] if key in known else [f"unknown {kind} `{key}`: {where}"]
    return check


CALLS = (
    PageCall("fact", _missing("fact", "add it to data/facts.yml or fix the name"), parity="uses fact", pattern=QUOTED),
    # The status label of figures shown earlier in the sentence with fact(…, mark=False).
    PageCall("label", lambda keys, facts: [f"label() names unknown fact `{k}`: add it to data/facts.yml or fix the name"
                                           for k in keys if k not in facts.facts], args=_quoted, parity="labels"),
    PageCall("cite", lambda numbers, facts: [f"cites source {n}, which is not in `sources:` of data/facts.yml"
                                             for n in numbers if n not in facts.sources],
             args=_numbers, parity="cites"),
    PageCall("quote", _missing("quote", "add it under `quotes:` in data/facts.yml"), parity="quotes", pattern=QUOTED),
    PageCall("claim", _missing("claim", "add it under `claims:` in data/facts.yml"), parity="shows claim", pattern=QUOTED),
    PageCall("chart", lambda name, facts: [m for m in [_unknown_chart(name, facts)] if m], parity="draws chart", pattern=QUOTED),
    PageCall("key_figures"),
    PageCall("timeline"),
    PageCall("sources_list"),
    PageCall("updates_list"),
    PageCall("open_data"),   # links figures.json and figures.csv, with the licence (explainer/open_data.py)
    PageCall("kit", _missing("newsletter summary", "add it under `newsletter:` in data/facts.yml"), pattern=QUOTED),
    # Declares a deliberate difference between the editions: the parity guard skips that section.
    PageCall("local_difference"),
    # Compared between the editions by date (explainer.checks.compare_reviews), not call by call.
    PageCall("review_by", lambda args, facts: [] if call_date(args) else [bad_call_message(args)], args=str),
)
BY_NAME = {call.name: call for call in CALLS}

# The functions a page template can call; the error for an unknown name lists them.
PAGE_CALLS = tuple(call.name for call in CALLS)
# The calls whose references are checked against the data, each with its pattern.
REF_PATTERNS = {call.name: call.regex for call in CALLS if call.check}
# The calls the editions must make alike, section by section (the parity guard).
PARITY = {call.name: call for call in CALLS if call.parity}
PARITY_CALL = re.compile(rf"""\b({'|'.join(PARITY)})\(([^)]*)\)""")


def call_args(name: str, args: str):
    """A call's argument(s) as the checks compare them: "deal.value", or (5, 13) for cite."""
    return BY_NAME[name].args(args)


def describe(name: str, args) -> str:
    """`uses fact `deal.value``, `cites [5, 13]`: a call as the parity guard's messages say it."""
    shown = f"[{', '.join(map(str, args))}]" if isinstance(args, tuple) else f"`{args}`"
    return f"{PARITY[name].parity} {shown}"


def check_references(text: str, path: Path, facts: Facts, first_line: int = 1) -> list[ContentError]:
    """Every fact, quote, claim, chart, source and review date a text names must exist in the data."""
    errors = []
    for offset, line in enumerate(text.splitlines()):
        for name, pattern in REF_PATTERNS.items():
            call = BY_NAME[name]
            for args in pattern.findall(line):
                errors += [ContentError(path, message, first_line + offset) for message in call.check(call.args(args), facts)]
    return errors


# The pages other pages link to by what they do, found in the nav by the call that
# makes them what they are: the sources page lists the sources, and so on.
SPECIAL_PAGES = {"sources": "sources_list", "updates": "updates_list", "newsletter": "kit"}


@lru_cache(maxsize=None)
def special_slugs() -> dict[str, str]:
    """{"sources": slug, "updates": slug, "newsletter": slug}: the first page of the nav
    (mkdocs.yml) whose source, in the default language, makes the call named in SPECIAL_PAGES."""
    found = {}
    for role, name in SPECIAL_PAGES.items():
        pattern = BY_NAME[name].regex
        found[role] = next((slug for slug in NAV_SLUGS
                            if (path := DOCS / f"{slug or 'index'}.{DEFAULT_LANG}.md").exists() and pattern.search(path.read_text(encoding="utf-8"))),
                           role)   # no such page yet: the nav check names it; links keep the usual slug
    return found
