"""Renders a fact in a language's conventions, with Babel (CLDR data).

Spanish: "US$ 38.000 millones", "27 %", "3 de noviembre de 2025"; a Spanish
"billón" is 10^12. English: "US$38 billion", "27%", "November 3, 2025".
"""
from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from . import LOCALES as LOCALE
from .cache import cldr
from .data import Fact, load_ui

NBSP = "\u00a0"


def _words(lang: str, key: str):
    """Number words live with the other interface words, in data/ui.yml."""
    return load_ui()[lang][key]


def round_sig(x: float, digits: int | None) -> float:
    if not digits or x == 0:
        return x
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def number(x: float, lang: str) -> str:
    """A number with the language's separators and no needless decimals."""
    if float(x).is_integer():
        x = int(x)
    return cldr(format_decimal, x, locale=LOCALE[lang], decimal_quantization=False)


def scaled(value: float, lang: str, digits: int | None = None) -> str:
    """'38 billion' / '38.000 millones': the number with its scale word."""
    for threshold, one, many in _words(lang, "number.scales"):
        if value >= threshold:
            n = round_sig(value / threshold, digits)
            return f"{number(n, lang)} {one if n == 1 else many}"
    return number(round_sig(value, digits), lang)


def money(value: float, lang: str, digits: int | None = None) -> str:
    return f"{_words(lang, 'number.dollars')}{scaled(value, lang, digits)}"


def render(fact: Fact, lang: str) -> str:
    """The fact as a reader of `lang` expects to read it (plain text)."""
    v, loc = fact.value, LOCALE[lang]
    match fact.kind:
        case "money":
            return money(v, lang, fact.digits)
        case "price":
            return f"{_words(lang, 'number.dollars')}{cldr(format_decimal, v, format='#,##0.00', locale=loc)}"
        case "number":
            return scaled(v, lang, fact.digits) if v >= 10**6 else number(round_sig(v, fact.digits), lang)
        case "percent":
            return cldr(format_percent, v, locale=loc, decimal_quantization=False)
        case "gw":
            return f"{number(v, lang)}{NBSP}GW"
        case "years":
            one, many = _words(lang, "number.years")
            return f"{number(v, lang)}{NBSP}{one if v == 1 else many}"
        case "year":
            return str(v)
        case "month":
            return cldr(format_skeleton, "yMMMM", v, locale=loc)
        case "date":
            return cldr(format_date, v, format="long", locale=loc)
        case "list":
            return listing([str(x) for x in v], lang)
        case "words":
            return v[lang]
    raise ValueError(f"unknown kind {fact.kind}")


def date_text(value: str | int | dt.date, lang: str) -> str:
    """An event date that may be a year, a month or a day."""
    text = str(value)
    if len(text) == 4:
        return text
    if len(text) == 7:
        return cldr(format_skeleton, "yMMMM", dt.datetime.strptime(text, "%Y-%m").date(), locale=LOCALE[lang])
    return cldr(format_date, dt.date.fromisoformat(text), format="long", locale=LOCALE[lang])


def listing(items: list[str], lang: str) -> str:
    """"a, b and c" / "a, b y c"."""
    return cldr(format_list, list(items), locale=LOCALE[lang])
