"""The status words and the weak-source rule (explainer.status, explainer.data), without a build.

- Every status but "confirmed" is said as a label in parentheses, in the page's
  language; the words are written out in tests/figures.py.
- A source tagged W, or of kind aggregator, is weak; a fact or event resting only
  on weak sources must be `status: unconfirmed` (`confirmed: false`), and a quote
  may not rest on one: the loader refuses the data file otherwise, at the line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer import DATA_FILE
from explainer.data import is_weak, parse_facts, weak_only
from explainer.errors import ContentError
from explainer.status import CONFIRMED, shared_status, status_label, status_word
from figures import STATUS_WORDS

LANGS = ("es", "en")


@pytest.mark.parametrize("status", sorted(STATUS_WORDS))
def test_each_status_has_its_words_and_label(status):
    for i, lang in enumerate(LANGS):
        word = STATUS_WORDS[status][i]
        assert status_word(status, lang) == word
        assert status_label(status, lang) == ("" if status == "confirmed" else f"({word})")


def test_confirmed_is_the_one_status_without_a_label():
    assert CONFIRMED == "confirmed"
    assert status_label("confirmed", "es") == "" and status_label("confirmed", "en") == ""
    assert status_label("unconfirmed", "es") == "(no confirmado)"
    assert status_label("nonbinding", "en") == "(non-binding)"


def test_a_status_that_has_no_words_is_an_error():
    with pytest.raises(KeyError):
        status_label("rumoured", "en")


@pytest.mark.parametrize("statuses, shared", [
    (["unconfirmed"], "unconfirmed"), (["unconfirmed", "unconfirmed"], "unconfirmed"),
    (["unconfirmed", "nonbinding"], None), ([], None), (["interpretation"] * 3, "interpretation"),
])
def test_several_figures_share_a_label_only_when_they_share_a_status(statuses, shared):
    assert shared_status(statuses) == shared
    assert shared_status(s for s in statuses) == shared     # any iterable, read once


# Weak sources ------------------------------------------------------------------------

SOURCES = {
    1: {"tag": "M", "publisher": "Major"},
    2: {"tag": "W", "publisher": "Blog"},
    3: {"tag": "M", "kind": "aggregator", "publisher": "Aggregator"},
    4: {"tag": "C", "publisher": "Company"},
    5: {"tag": "W", "kind": "aggregator", "publisher": "Both"},
}


@pytest.mark.parametrize("number, weak", [(1, False), (2, True), (3, True), (4, False), (5, True)])
def test_a_weak_source_is_tagged_w_or_an_aggregator(number, weak):
    assert is_weak(SOURCES[number]) is weak


@pytest.mark.parametrize("numbers, expected", [
    ([2], True), ([3], True), ([2, 3, 5], True), ([1], False), ([2, 1], False), ([1, 2], False),
    ([4, 3], False), ([], False), ([2, 99], True),   # an unknown number is reported elsewhere, not counted here
])
def test_weak_only_means_every_cited_source_is_weak(numbers, expected):
    assert weak_only(numbers, SOURCES) is expected


def test_the_refusal_names_aggregators_only_when_one_is_cited():
    from explainer.data import _weak_words
    assert _weak_words([2], SOURCES) == "weak sources (tag W)"
    assert _weak_words([2, 3], SOURCES) == "weak sources (tag W) or aggregators (kind: aggregator)"
    assert _weak_words([99, 2], SOURCES) == "weak sources (tag W)"        # an unknown number is no aggregator


def _data_with(tmp_path: Path, after: str, line: str, replace: tuple[str, str] | None = None) -> Path:
    """A copy of data/facts.yml with `line` added right after the line `after`."""
    text = DATA_FILE.read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text, replace[0]
        text = text.replace(replace[0], replace[1], 1)
    marker = after + "\n"
    assert marker in text, after
    text = text.replace(marker, marker + line + "\n", 1)
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _refusal(path: Path) -> str:
    with pytest.raises(ContentError) as info:
        parse_facts(path)
    return str(info.value)


@pytest.mark.parametrize("sources, words", [
    ("[45]", r"weak sources \(tag W\)"),                       # The Grid Report: a blog
    ("[45, 36]", r"weak sources \(tag W\)"),
    ("[18]", r"weak sources \(tag W\) or aggregators \(kind: aggregator\)"),
    ("[45, 18]", r"weak sources \(tag W\) or aggregators \(kind: aggregator\)"),
])
@pytest.mark.parametrize("status", ["", "status: nonbinding, "])
def test_a_fact_resting_only_on_weak_sources_must_be_unconfirmed(tmp_path, sources, words, status):
    path = _data_with(tmp_path, "facts:", f"  test.weak: {{kind: gw, value: 3, {status}sources: {sources}}}")
    message = _refusal(path)
    line = _line_of(path, "test.weak:")
    assert re.search(rf"facts\.yml:{line}: fact `test\.weak` rests only on {words}: add `status: unconfirmed`", message), message


@pytest.mark.parametrize("fact", [
    "  test.weak: {kind: gw, value: 3, status: unconfirmed, sources: [45]}",
    "  test.weak: {kind: gw, value: 3, confirmed: false, sources: [18]}",
    "  test.weak: {kind: gw, value: 3, sources: [45, 5]}",           # one strong source is enough
    "  test.weak: {kind: gw, value: 3, status: nonbinding, sources: [5, 45]}",
])
def test_a_fact_with_a_strong_source_or_marked_unconfirmed_is_accepted(tmp_path, fact):
    facts = parse_facts(_data_with(tmp_path, "facts:", fact))
    weak = facts.facts["test.weak"]
    assert weak.value == 3 and weak.confirmed is (weak.status == "confirmed")
    if "confirmed: false" in fact or "unconfirmed" in fact:
        assert weak.status == "unconfirmed"


def test_status_defaults_to_confirmed():
    facts = parse_facts()
    assert facts.facts["deal.value"].status == "confirmed" and facts.facts["deal.value"].confirmed
    assert facts.facts["stargate.gw"].status == "unconfirmed" and not facts.facts["stargate.gw"].confirmed


@pytest.mark.parametrize("event, refused", [
    ('  - {date: 2026-05-02, sources: [45], es: "Algo.", en: "Something."}', True),
    ('  - {date: 2026-05-02, sources: [45, 18], status: nonbinding, es: "Algo.", en: "Something."}', True),
    ('  - {date: 2026-05-02, sources: [45], confirmed: false, es: "Algo.", en: "Something."}', False),
    ('  - {date: 2026-05-02, sources: [18], status: unconfirmed, es: "Algo.", en: "Something."}', False),
    ('  - {date: 2026-05-02, sources: [45, 5], es: "Algo.", en: "Something."}', False),
])
def test_an_event_resting_only_on_weak_sources_must_be_unconfirmed(tmp_path, event, refused):
    path = _data_with(tmp_path, "events:", event)
    if not refused:
        assert any(str(e["date"]) == "2026-05-02" for e in parse_facts(path).events)
        return
    message = _refusal(path)
    line = _line_of(path, "date: 2026-05-02")
    assert re.search(rf"facts\.yml:{line}: event of 2026-05-02 rests only on weak sources .*: add `confirmed: false`", message), message


@pytest.mark.parametrize("source, refused", [(45, True), (18, True), (5, False)])
def test_a_quote_may_not_rest_on_a_weak_source(tmp_path, source, refused):
    quote = f'  test_quote: {{speaker: Someone, role: {{es: alguien, en: someone}}, lang: en, date: 2026-01-02, text: "Words.", es: "Palabras.", source: {source}}}'
    path = _data_with(tmp_path, "quotes:", quote)
    if not refused:
        try:
            parse_facts(path)
        except ContentError as exc:
            assert "test_quote" not in str(exc) or "rests on" not in str(exc), str(exc)
        return
    message = _refusal(path)
    assert re.search(r"quote `test_quote` rests on weak sources .*words reported only there are not quoted verbatim", message), message
