"""The citation rule and the label rule (explainer.citations), on made-up blocks, without a build.

- A figure shown in a block is cited there with one of its own sources; a block
  that cites nothing, or only other sources, is refused at the figure's line.
- Dates, months and facts declared `claim: false` are not figures.
- An unconfirmed figure shown with mark=False has its label() later in the block;
  label() names only figures shown with mark=False before it."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.citations import (check_block_citations, check_shown_sources, check_text_citations, credits,
                                 figure_problems, is_figure, label_problems)
from explainer.data import Fact, Facts
from explainer.source import Block, Call

PAGE = Path("/tmp/docs/page.en.md")


class Src(dict):
    """A source entry that knows its line in data/facts.yml, as the loader's do."""

    def __init__(self, line, fields):
        super().__init__(fields)
        self.line = line


def F(key, kind="money", value=38e9, sources=(5,), status="confirmed", claim=True):
    return Fact.model_construct(key=key, kind=kind, value=value, sources=list(sources), status=status, line=1, claim=claim)


FACTS = Facts(
    path=Path("facts.yml"),
    facts={f.key: f for f in [
        F("deal.value", sources=(5, 12)),
        F("deal.date", kind="date", sources=(5,)),
        F("deal.month", kind="month", sources=(5,)),
        F("data.as_of", kind="date", sources=(), claim=False),
        F("as_of.figure", sources=(), claim=False),
        F("weak.gw", kind="gw", value=10, sources=(45,), status="unconfirmed"),
        F("weak.year", kind="year", value=2029, sources=(45,), status="unconfirmed"),
        F("letter.gw", kind="gw", value=10, sources=(25,), status="nonbinding"),
        F("orphan", sources=()),
        F("z.value", sources=(12,)),
    ]},
    sources={5: Src(5, {"publisher": "Computing", "lang": "en"}), 12: {"publisher": "DIGITIMES", "lang": "en"},
             25: {"publisher": "Nvidia", "lang": "en"}, 45: {"publisher": "The Grid Report", "lang": "en"}},
    quotes={}, claims=[], events=[], key_figures=[], charts={}, updates=[], newsletter={}, card=None,
)


def said(error) -> str:
    """An error's message without its `file:line: ` prefix."""
    return error.message.removeprefix(error.where())


def fact(key, line=3, **kwargs):
    return Call("fact", (key,), kwargs, line)


def cite(*numbers, line=3):
    return Call("cite", numbers, {}, line)


def label(*keys, line=3):
    return Call("label", keys, {}, line)


@pytest.mark.parametrize("key, figure", [
    ("deal.value", True), ("weak.gw", True), ("deal.date", False), ("deal.month", False),
    ("data.as_of", False), ("as_of.figure", False),
])
def test_dates_months_and_declared_non_claims_are_not_figures(key, figure):
    assert is_figure(FACTS.facts[key]) is figure


def test_a_figure_cited_with_one_of_its_sources_passes():
    assert figure_problems([fact("deal.value")], {12}, FACTS, "this paragraph") == []
    assert figure_problems([fact("deal.value")], {5, 99}, FACTS, "this paragraph") == []


def test_a_figure_in_a_block_that_cites_nothing_is_refused():
    for cited in (set(), None):
        [(line, message)] = figure_problems([fact("deal.value", line=7)], cited, FACTS, "this list item")
        assert line == 7
        assert message == ("`deal.value` (US$38 billion) is shown in this list item, which cites nothing: "
                           "cite one of its sources [5, 12] there")


def test_a_figure_cited_only_with_other_sources_is_refused():
    [(line, message)] = figure_problems([fact("deal.value", line=9)], {25, 13}, FACTS, "this table row")
    assert line == 9
    assert message.startswith("`deal.value` (US$38 billion) rests on [5, 12], but this table row cites [13, 25]: "
                              "cite one of its sources, or, if [13, 25] carries the figure, add it to the fact's `sources:`")


def test_a_figure_without_sources_in_the_data_is_refused():
    [(line, message)] = figure_problems([fact("orphan", line=4)], {5}, FACTS, "this paragraph")
    assert line == 4 and message == "`orphan` (US$38 billion) has no source in data/facts.yml: add `sources:` to it"


def test_a_figure_after_other_calls_is_still_checked():
    found = figure_problems([cite(5), Call("quote", ("q",), {}, 3), fact("deal.date"), fact("deal.value", line=6)], set(), FACTS, "x")
    assert [line for line, _ in found] == [6]


def test_only_figures_are_held_to_it():
    calls = [fact("deal.date"), fact("deal.month"), fact("data.as_of"), fact("no.such.fact"), cite(99),
             Call("quote", ("altman",), {}, 3)]
    assert figure_problems(calls, set(), FACTS, "this paragraph") == []


def test_each_figure_of_a_block_is_checked():
    found = figure_problems([fact("deal.value", line=2), fact("weak.gw", line=5)], {5}, FACTS, "this paragraph")
    assert [line for line, _ in found] == [5]


# The label rule ----------------------------------------------------------------------

def test_an_unconfirmed_figure_shown_unmarked_needs_its_label_later():
    [(line, message)] = label_problems([fact("weak.gw", line=6, mark=False), cite(45)], FACTS)
    assert line == 6
    assert message.startswith("`weak.gw` is unconfirmed (it rests only on weak sources or unnamed ones) and is shown with "
                              'mark=False, but no {{ label("weak.gw") }} follows it in the same block')
    assert message.endswith("follows it in the same block: readers must see its status whatever the sentence says")
    assert label_problems([fact("weak.gw", mark=False), label("weak.gw")], FACTS) == []
    assert label_problems([fact("weak.gw", mark=False), fact("weak.year", mark=False), label("weak.gw", "weak.year")], FACTS) == []


def test_a_marked_figure_needs_no_label_call():
    assert label_problems([fact("weak.gw"), fact("weak.gw", mark=True)], FACTS) == []


def test_each_unmarked_figure_needs_its_own_label():
    found = label_problems([fact("weak.gw", line=2, mark=False), fact("weak.year", line=3, mark=False), label("weak.gw", line=4)], FACTS)
    assert [(line, msg.split(" ")[0]) for line, msg in found] == [(3, "`weak.year`")]


def test_a_label_before_its_figure_or_for_a_figure_not_shown_unmarked_is_refused():
    [(line, message)] = label_problems([label("weak.gw", line=2), fact("weak.gw", line=3, mark=False)], FACTS)[:1]
    assert line == 2 and message.startswith("label() names `weak.gw`, which is not shown with fact(\"weak.gw\", mark=False) before it")
    found = label_problems([fact("weak.gw", line=2), label("weak.gw", line=5)], FACTS)
    assert found and found[0][0] == 5
    # said once: a second label for the same figure names nothing left
    found = label_problems([fact("weak.gw", mark=False), label("weak.gw"), label("weak.gw", line=8)], FACTS)
    assert [line for line, _ in found] == [8]


def test_a_label_naming_an_unknown_fact_is_left_to_the_reference_check():
    assert label_problems([label("no.such.fact")], FACTS) == []


def test_other_statuses_may_be_said_in_words():
    """The build's rule binds "unconfirmed"; others may be said by the sentence
    (tests/test_status_labels.py lists each place that does)."""
    assert label_problems([fact("letter.gw", mark=False)], FACTS) == []
    assert label_problems([fact("letter.gw", mark=False), label("letter.gw")], FACTS) == []


def test_an_events_own_label_covers_its_figures_of_that_status():
    assert label_problems([fact("weak.gw", mark=False)], FACTS, covered="unconfirmed") == []
    # covered figures are not "shown unmarked": a label() for them names nothing
    assert label_problems([fact("weak.gw", mark=False), label("weak.gw")], FACTS, covered="unconfirmed")
    assert label_problems([fact("weak.gw", mark=False)], FACTS, covered="nonbinding")


# Blocks and texts ----------------------------------------------------------------------

@pytest.mark.parametrize("kind, where", [
    ("paragraph", "this paragraph"), ("row", "this table row"), ("item", "this list item"),
    ("caption", "this caption"), ("quote", "this quote"),
])
def test_a_block_names_itself_in_the_message(kind, where):
    block = Block(kind, 10, 12, "scale", [fact("deal.value", line=11)])
    [error] = check_block_citations(block, FACTS, PAGE)
    assert error.line == 11 and error.path == PAGE
    assert f"is shown in {where}, which cites nothing" in error.message


def test_headings_and_code_are_not_held_to_it():
    for kind in ("heading", "fence"):
        assert check_block_citations(Block(kind, 1, 1, "", [fact("deal.value")]), FACTS, PAGE) == []
    assert check_block_citations(Block("paragraph", 1, 1, ""), FACTS, PAGE) == []


def test_a_block_cites_with_its_cite_calls_and_reports_in_line_order():
    block = Block("paragraph", 1, 9, "", [fact("weak.gw", line=8), cite(5, line=2), fact("deal.value", line=3),
                                          fact("weak.year", line=5, mark=False), Call("cite", ("x",), {}, 9)])
    errors = check_block_citations(block, FACTS, PAGE)
    assert [e.line for e in errors] == [5, 5, 8]
    assert "is unconfirmed" in errors[1].message or "is unconfirmed" in errors[0].message
    assert check_block_citations(Block("item", 1, 2, "", [fact("weak.gw", line=1), cite(45, line=2)]), FACTS, PAGE) == []


def test_problems_of_one_line_keep_the_order_they_were_found_in():
    """Figure problems first, then label problems, each in reading order (sorted by line only)."""
    block = Block("paragraph", 5, 5, "", [fact("z.value", line=5), fact("weak.gw", line=5, mark=False)])
    assert [said(e).split(" ")[0] + (" label" if "mark=False" in e.message else "") for e in check_block_citations(block, FACTS, PAGE)] == [
        "`z.value`", "`weak.gw`", "`weak.gw` label"]


def test_a_data_text_reports_label_and_citation_problems_together():
    errors = check_text_citations("x", [fact("weak.gw", mark=False), fact("deal.value")], [25], FACTS, PAGE, 40)
    assert len(errors) == 3 and "mark=False" in errors[0].message
    assert "`weak.gw` (10\u00a0GW) rests on [45]" in errors[1].message and "`deal.value` (US$38 billion) rests on [5, 12]" in errors[2].message


def test_a_data_text_cites_through_its_sources():
    errors = check_text_citations("newsletter summary `x`", [fact("deal.value", line=0)], [25], FACTS, PAGE, 40)
    [error] = errors
    assert error.line == 40 and error.where().endswith("page.en.md:40: ") and said(error).startswith("newsletter summary `x`: `deal.value` (US$38 billion) rests on [5, 12], "
                                                         "but its `sources:` cites [25]")
    assert check_text_citations("x", [fact("deal.value")], [12], FACTS, PAGE, 40) == []
    assert check_text_citations("x", [fact("deal.value")], None, FACTS, PAGE, 40) == []   # a headline: no citation asked
    assert check_text_citations("x", [fact("deal.value")], [], FACTS, PAGE, 40)


def test_a_data_text_is_held_to_the_label_rule_with_its_events_status():
    calls = [fact("weak.gw", mark=False)]
    [error] = check_text_citations("event of 2026-04-29", calls, None, FACTS, PAGE, 12)
    assert error.line == 12 and said(error).startswith("event of 2026-04-29: `weak.gw` is unconfirmed")
    assert check_text_citations("event", calls, [45], FACTS, PAGE, 12, status="unconfirmed") == []


def test_credits_name_each_outlet_with_its_entry():
    assert credits([12, 5], FACTS, lambda n: f"sources/#source-{n}") == [
        (12, "DIGITIMES", "sources/#source-12", "en"), (5, "Computing", "sources/#source-5", "en")]


class Page:
    def __init__(self, slug, lang, html):
        self.slug, self.lang, self.soup = slug, lang, BeautifulSoup(html, "html.parser")

    def extract(self, what, read):   # as explainer.site.BuiltPage: what a step reads off the parse
        return read(self.soup)


def test_every_listed_source_is_cited_from_another_page_in_every_language():
    link = '<a href="../sources/#source-{}">[{}]</a>'
    pages = [Page("", "es", link.format(5, 5) + link.format(12, 12) + link.format(25, 25) + link.format(45, 45)),
             Page("", "en", link.format(5, 5) + link.format(12, 12) + '<a href="#source-x">x</a>' + link.format(45, 45)),
             Page("sources", "en", link.format(25, 25))]   # the sources page itself does not count
    errors = check_shown_sources(pages, FACTS, "sources")
    assert [e.where() for e in errors] == ["data/facts.yml: "]
    assert [e.line for e in errors] == [None]
    assert [said(e) for e in errors] == ["source 25 is listed on the sources page but no page in en cites it: "
                                           "cite it where it supports a statement, or remove it"]
    pages[1] = Page("", "en", link.format(5, 5) + link.format(12, 12) + link.format(25, 25) + link.format(45, 45))
    assert check_shown_sources(pages, FACTS, "sources") == []
    # the sources page listed first is skipped, not the end of the list; a link naming
    # #source- twice counts its last number; a page in a language not built still counts
    odd = [Page("sources", "en", ""), Page("", "es", link.format(5, 5) + link.format(12, 12) + link.format(45, 45)),
           Page("", "en", '<a href="a#source-x#source-25">[25]</a>' + link.format(5, 5) + link.format(12, 12) + link.format(45, 45)),
           Page("", "fr", link.format(25, 25))]
    errors = check_shown_sources(odd, FACTS, "sources")
    assert [said(e) for e in errors] == ["source 25 is listed on the sources page but no page in es cites it: "
                                         "cite it where it supports a statement, or remove it"]
    errors = check_shown_sources([Page("", "es", link.format(12, 12))], FACTS, "sources")
    assert [e.line for e in errors][:1] == [5], "a source's error points at its line in data/facts.yml"
    errors = check_shown_sources(pages[2:], FACTS, "sources")
    assert len(errors) == 4 and said(errors[0]).startswith("source 5 is listed on the sources page but no page in es, en cites it")
