"""The citation rule: a figure shown to readers is cited with one of its own sources.

`{{ fact("x") }}` takes its figure from the data, and the data says which sources
carry it (`sources:` in data/facts.yml). So the citation beside it can be
checked: in the same block (a paragraph, a list item, a table row, a caption; a
timeline event, a claim's update, a newsletter summary, an email point), each
figure must be cited with at least one of its own sources.

- A block that cites sources, but none of the figure's own, means the data or
  the citation is wrong: refused at `file:line`, naming the figure, its sources
  and what the block cites.
- A block that shows a figure and cites nothing is refused too (we chose that
  over a marker added by fact(): the writer places the citation, once per block).
- A derived figure (`divide:`, `add:`) rests on the sources of its parts.
- Not figures: a date or a month (it places a sentence in time), and a fact the
  data declares `claim: false` (the "data as of" date). Headings are not held to
  it: the section under them cites.

The status label rule is checked on the same blocks: a figure of status
`unconfirmed` shown with `mark=False` has its `label()` later in the block (the
sentence around it never replaces the label), and `label()` names only figures
shown with `mark=False` before it.

After the build, `check_shown_sources` holds the sources page to what readers see:
every listed source is cited from at least one page in each language.
"""
from __future__ import annotations

from pathlib import Path

from .data import Fact, Facts
from .errors import ContentError
from .format import render
from .source import Block, Call

NOT_FIGURES = ("date", "month")   # kinds that place a statement in time rather than state a figure
UNCONFIRMED = "unconfirmed"


def is_figure(fact: Fact) -> bool:
    """A fact a reader takes as a claim needing a source: any kind but a date or a
    month, unless the data declares it `claim: false`."""
    return fact.kind not in NOT_FIGURES and fact.claim


def _numbers(numbers) -> str:
    return "[" + ", ".join(str(n) for n in sorted(numbers)) + "]"


def figure_problems(calls: list[Call], cited: set[int] | None, facts: Facts, where: str) -> list[tuple[int, str]]:
    """(line, message) for each figure among `calls` that `cited` does not cover.
    `where` names the block in messages: "this paragraph", "the event of 2026-01-14"."""
    problems = []
    for call in calls:
        if call.name != "fact" or call.first not in facts.facts:
            continue
        fact = facts.facts[call.first]
        if not is_figure(fact):
            continue
        shown = render(fact, "en")
        own = set(fact.sources)
        if not own:
            problems.append((call.line, f"`{fact.key}` ({shown}) has no source in data/facts.yml: add `sources:` to it"))
        elif not cited:
            problems.append((call.line, f"`{fact.key}` ({shown}) is shown in {where}, which cites nothing: cite one of its sources "
                                        f"{_numbers(own)} there"))
        elif not own & cited:
            problems.append((call.line, f"`{fact.key}` ({shown}) rests on {_numbers(own)}, but {where} cites {_numbers(cited)}: "
                                        f"cite one of its sources, or, if {_numbers(cited)} carries the figure, add it to the fact's "
                                        "`sources:` in data/facts.yml"))
    return problems


def label_problems(calls: list[Call], facts: Facts, covered: str | None = None) -> list[tuple[int, str]]:
    """(line, message) for each status label missing or out of place among `calls`
    (in reading order). `covered`: the status an enclosing timeline event says once."""
    problems, deferred = [], {}
    for call in calls:
        if call.name == "fact" and call.first in facts.facts:
            fact = facts.facts[call.first]
            if fact.status == covered:
                continue
            if call.kwargs.get("mark") is False:
                deferred[fact.key] = call
        elif call.name == "label":
            for key in call.args:
                if key in facts.facts and deferred.pop(key, None) is None:
                    problems.append((call.line, f"label() names `{key}`, which is not shown with fact(\"{key}\", mark=False) "
                                                "before it in the same block: a label follows the figures it qualifies"))
    for key, call in deferred.items():
        if facts.facts[key].status == UNCONFIRMED:
            problems.append((call.line, f"`{key}` is unconfirmed (it rests only on weak sources or unnamed ones) and is shown with "
                                        f"mark=False, but no {{{{ label(\"{key}\") }}}} follows it in the same block: readers must see "
                                        "its status whatever the sentence says"))
    return problems


def check_block_citations(block: Block, facts: Facts, path: Path) -> list[ContentError]:
    """The citation and label rules on one block of a page."""
    if block.kind in ("heading", "fence") or not block.calls:
        return []
    cited = {n for call in block.named("cite") for n in call.args if isinstance(n, int)}
    where = {"row": "this table row", "item": "this list item", "caption": "this caption", "quote": "this quote"}.get(block.kind, "this paragraph")
    found = figure_problems(block.calls, cited, facts, where) + label_problems(block.calls, facts)
    return [ContentError(path, message, line) for line, message in sorted(found, key=lambda p: p[0])]


def check_text_citations(what: str, calls: list[Call], cited: list[int] | None, facts: Facts, path: Path,
                         line: int | None, status: str | None = None) -> list[ContentError]:
    """The same rules on a text kept in data/facts.yml, which cites through its own
    `sources:` (None: a headline or credit, held to no citation)."""
    found = label_problems(calls, facts, covered=status)
    if cited is not None:
        found += figure_problems(calls, set(cited), facts, "its `sources:`")
    return [ContentError(path, f"{what}: {message}", line) for _, message in found]


def credits(numbers, facts: Facts, entry_url) -> list[tuple[int, str, str, str]]:
    """(number, outlet, address of its entry on the sources page, the outlet's
    language) for each source number: how a text without [n] markers (a newsletter
    summary, an email point) cites, by outlet name. `entry_url(n)` gives the address."""
    return [(n, facts.sources[n]["publisher"], entry_url(n), facts.sources[n]["lang"]) for n in numbers]


def _cited(soup) -> set[int]:
    """The source numbers a page links to (`…#source-n`)."""
    found = set()
    for a in soup.select('a[href*="#source-"]'):
        number = a["href"].rsplit("#source-", 1)[1]
        if number.isdigit():
            found.add(int(number))
    return found


def check_shown_sources(pages, facts: Facts, sources_slug: str) -> list[ContentError]:
    """Every source on the sources page is cited, where readers see it, from at
    least one other page in every language: a [n] marker or a quote's credit that
    links `…#source-n`."""
    from . import DATA_FILE, LANGS

    shown: dict[str, set[int]] = {lang: set() for lang in LANGS}
    for page in pages:
        if page.slug == sources_slug:
            continue
        shown.setdefault(page.lang, set()).update(page.extract("cited", _cited))
    errors = []
    for n in sorted(facts.sources):
        missing = [lang for lang in LANGS if n not in shown[lang]]
        if missing:
            errors.append(ContentError(DATA_FILE, f"source {n} is listed on the sources page but no page in {', '.join(missing)} cites it: "
                                                  "cite it where it supports a statement, or remove it", getattr(facts.sources[n], "line", None)))
    return errors
