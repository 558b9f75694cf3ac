"""The calls a page can make, each described once: `{{ fact("deal.value") }}`, `{{ cite(5, 13) }}`…

Everything else derives from the table CALLS: the names a page may call
(PAGE_CALLS, bound to a page by explainer.pages), how their references are
checked against the data before anything renders (check_references), and which
ones the parity guard compares between the editions, with the verb its messages
use (explainer.checks). The calls themselves are found by Jinja's parser
(explainer.source), never by a pattern. A new call is one row here and one
method of PageFunctions.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from .data import Facts
from .errors import ContentError


def parse_day(text: str) -> dt.date | None:
    """A YYYY-MM-DD day, or None when it is not one (2027-02-30 is not)."""
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


def call_date(value) -> dt.date | None:
    """The date a review_by(…) call gives: its one argument, a quoted YYYY-MM-DD; else None."""
    return parse_day(value) if isinstance(value, str) else None


def bad_call_message(value) -> str:
    shown = "" if value is None else f'"{value}"' if isinstance(value, str) else repr(value)
    return (f"review_by({shown}) needs one real date in quotes, YYYY-MM-DD: the day the statement before it "
            'must be checked again, e.g. {{ review_by("2027-01-04") }}')


def chart_names() -> list[str]:
    """Charts are their data: the names under `charts:` in data/facts.yml (one
    template, components/chart.html, draws them all)."""
    from .data import load_facts
    return sorted(load_facts().charts)


# A `Call` is explainer.source.Call (name, args, kwargs, line); not imported here,
# since explainer.source reads the call names from this table.
def _first(call: Call):
    return call.first


def _all(call: Call) -> tuple:
    return tuple(call.args)


def _unknown_chart(name, facts: Facts) -> Optional[str]:
    if name not in facts.charts:
        return f"unknown chart `{name}`: add `{name}:` under `charts:` in data/facts.yml ({', '.join(sorted(facts.charts))})"
    return None


@dataclass(frozen=True)
class PageCall:
    name: str
    # What the call names in the data, and the message when it names nothing (None: nothing to check).
    # Given the call's argument(s) as read by `args`; returns the messages, one per problem.
    check: Optional[Callable[[object, Facts], list[str]]] = None
    args: Callable[[Call], object] = _first    # what the checks compare: "deal.value", or (5, 13) for cite
    parity: Optional[str] = None               # the verb of the parity guard's messages; None: not compared
    takes: str = "a quoted name"               # what its arguments must be, for the message when they are not


def _missing(kind: str, where: str) -> Callable[[object, Facts], list[str]]:
    """The check of a call naming one entry of a section of data/facts.yml."""
    def check(key, facts: Facts) -> list[str]:
        known = {"fact": facts.facts, "quote": facts.quotes, "claim": {c["id"] for c in facts.claims},
                 "newsletter summary": facts.newsletter}[kind]
        return [] if key in known else [f"unknown {kind} `{key}`: {where}"]
    return check


def _cite(numbers, facts: Facts) -> list[str]:
    if not numbers or not all(isinstance(n, int) for n in numbers):
        return ["cite() takes source numbers, e.g. {{ cite(5, 13) }}"]
    return [f"cites source {n}, which is not in `sources:` of data/facts.yml" for n in numbers if n not in facts.sources]


def _label(keys, facts: Facts) -> list[str]:
    if not keys:
        return ['label() names the facts it qualifies, e.g. {{ label("stargate.gw") }}']
    return [f"label() names unknown fact `{k}`: add it to data/facts.yml or fix the name" for k in keys if k not in facts.facts]


CALLS = (
    PageCall("fact", _missing("fact", "add it to data/facts.yml or fix the name"), parity="uses fact"),
    # The status label of figures shown earlier in the sentence with fact(…, mark=False).
    PageCall("label", _label, args=_all, parity="labels", takes="quoted fact names"),
    PageCall("cite", _cite, args=_all, parity="cites", takes="source numbers"),
    PageCall("quote", _missing("quote", "add it under `quotes:` in data/facts.yml"), parity="quotes"),
    PageCall("claim", _missing("claim", "add it under `claims:` in data/facts.yml"), parity="shows claim"),
    PageCall("chart", lambda name, facts: [m for m in [_unknown_chart(name, facts)] if m], parity="draws chart"),
    PageCall("key_figures"),
    PageCall("timeline"),
    PageCall("sources_list"),
    PageCall("updates_list"),
    PageCall("open_data"),   # links figures.json and figures.csv, with the licence (explainer/open_data.py)
    PageCall("kit", _missing("newsletter summary", "add it under `newsletter:` in data/facts.yml")),
    # Declares a deliberate difference between the editions: the parity guard skips that section.
    PageCall("local_difference", takes="a quoted reason"),
    # Compared between the editions by date (explainer.checks.compare_reviews), not call by call.
    PageCall("review_by", lambda day, facts: [] if call_date(day) else [bad_call_message(day)],
             takes="a quoted date"),
)
BY_NAME = {call.name: call for call in CALLS}

# The functions a page template can call; the error for an unknown name lists them.
PAGE_CALLS = tuple(call.name for call in CALLS)
# The values a page may use besides its calls (explainer.pages.PageFunctions.namespace):
# its language, the prefilled report links, the sources page's counts.
PAGE_VALUES = ("lang", "report_url", "report_channels", "sources_shown")
# The calls the editions must make alike, section by section (the parity guard).
PARITY = {call.name: call for call in CALLS if call.parity}


def call_args(call: Call):
    """A call's argument(s) as the checks compare them: "deal.value", or (5, 13) for cite."""
    return BY_NAME[call.name].args(call)


def describe(name: str, args) -> str:
    """`uses fact `deal.value``, `cites [5, 13]`: a call as the parity guard's messages say it."""
    shown = f"[{', '.join(map(str, args))}]" if isinstance(args, tuple) else f"`{args}`"
    return f"{PARITY[name].parity} {shown}"


def check_references(calls: list[Call], path: Path, facts: Facts) -> list[ContentError]:
    """Every fact, quote, claim, chart, source and review date the calls name must exist in the data."""
    errors = []
    for call in calls:
        row = BY_NAME[call.name]
        if not call.literal:
            errors.append(ContentError(path, f"{call.name}() takes {row.takes} written out, not an expression", call.line))
        elif row.check:
            errors += [ContentError(path, message, call.line) for message in row.check(row.args(call), facts)]
    return errors
