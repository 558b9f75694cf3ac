"""Number and date formatting (explainer.format), held to texts written out by hand
in tests/figures.py: one table per language of money, gigawatts, dates,
percentages, the ranges of the scale words and the other kinds. No build, no
browser: these run in well under a second, and scripts/devtools/mutation.py runs
them against every mutant of explainer.format."""
from __future__ import annotations

import datetime as dt

import pytest

from explainer import format as fmt
from explainer.data import Fact
from figures import CASES, DATE_TEXTS, FORMATTED, NBSP, format_value

LANGS = ("es", "en")


def fact(kind, value, digits=None, status="confirmed") -> Fact:
    return Fact.model_construct(key="test.fact", kind=kind, value=value, sources=[1], status=status, digits=digits, line=1)


def test_each_language_has_an_expected_text_for_every_case():
    for lang in LANGS:
        assert set(FORMATTED[lang]) == set(CASES), lang


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_render_writes_what_the_table_says(case, lang):
    kind, value, digits = CASES[case]
    assert fmt.render(fact(kind, value, digits), lang) == FORMATTED[lang][case]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_tests_own_formatter_agrees_with_the_table(case, lang):
    """tests/figures.py's second formatter, which the page tests use, is held to the same table."""
    kind, value, digits = CASES[case]
    assert format_value(kind, value, digits, lang) == FORMATTED[lang][case]


@pytest.mark.parametrize("lang", LANGS)
def test_event_dates_may_be_a_year_a_month_or_a_day(lang):
    for value, expected in DATE_TEXTS[lang].items():
        assert fmt.date_text(value, lang) == expected
    assert fmt.date_text(dt.date(2025, 12, 1), lang) == DATE_TEXTS[lang]["2025-12-01"]
    assert fmt.date_text(2026, lang) == "2026"


def test_no_break_spaces_where_a_line_must_not_break():
    assert fmt.render(fact("gw", 4.5), "en") == "4.5" + NBSP + "GW"
    assert fmt.render(fact("money", 38e9), "es").startswith("US$" + NBSP)
    assert NBSP not in fmt.render(fact("money", 38e9), "en")


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown kind"):
        fmt.render(fact("furlongs", 3), "en")


@pytest.mark.parametrize("value, digits, expected", [
    (38.349, 3, 38.3), (38.35e9, 2, 38e9), (1562.5, 3, 1560), (0.0456, 1, 0.05), (-1234, 2, -1200),
    (999, None, 999), (999, 0, 999), (0, 3, 0), (7, 1, 7), (15, 1, 20),
])
def test_round_sig_keeps_significant_digits(value, digits, expected):
    assert fmt.round_sig(value, digits) == pytest.approx(expected)


def test_number_drops_needless_decimals_and_keeps_needed_ones():
    assert fmt.number(38.0, "en") == "38"
    assert fmt.number(38.25, "es") == "38,25"
    assert fmt.number(1234567, "es") == "1.234.567"
    assert fmt.number(0.125, "en") == "0.125"
    assert fmt.number(0.12345, "en") == "0.12345"       # every decimal the data gives, none added


@pytest.mark.parametrize("lang, value, expected", [
    ("en", 999_999, "999,999"), ("en", 1_000_000, "1 million"), ("en", 999e6, "999 million"),
    ("en", 1e9, "1 billion"), ("en", 1e12, "1 trillion"), ("en", 2e12, "2 trillion"),
    ("es", 999_999, "999.999"), ("es", 1_000_000, "1 millón"), ("es", 2e6, "2 millones"),
    ("es", 999e9, "999.000 millones"), ("es", 1e12, "1 billón"), ("es", 2e12, "2 billones"),
])
def test_scale_words_start_where_their_range_starts(lang, value, expected):
    assert fmt.scaled(value, lang) == expected


def test_money_rounds_after_scaling():
    assert fmt.money(38.349e9, "en", 3) == "US$38.3 billion"
    assert fmt.money(38.349e9, "es", 3) == "US$" + NBSP + "38.300 millones"
    assert fmt.money(1.04e6, "en", 1) == "US$1 million"   # rounded to one: the singular word
