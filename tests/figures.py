"""What a reader should read, written here by hand and never by the code under test.

- `FORMATTED`: one table per language of inputs and the exact text a reader of
  that language expects (money, gigawatts, dates, percentages, the ranges of the
  scale words, and the other kinds). tests/core/test_format_rules.py holds
  explainer.format to it.
- `expected_text(fact, lang)`: a small second formatter, written from the
  conventions (Spanish "US$ 38.000 millones", "27 %", "3 de noviembre de 2025";
  English "US$38 billion", "27%", "November 3, 2025"), without Babel and without
  explainer.format. The status-label tests use it to know what text each figure
  must show on the pages; it is itself held to `FORMATTED` (test_format_rules.py),
  so a wrong formatter cannot agree with it by construction.
- `STATUS_WORDS`: each status in words, per language, written out.
"""
from __future__ import annotations

import datetime as dt
import math
import re

NBSP = "\u00a0"

STATUS_WORDS = {
    # status: (Spanish, English)
    "confirmed": ("confirmado", "confirmed"),
    "unconfirmed": ("no confirmado", "unconfirmed"),
    "nonbinding": ("no vinculante", "non-binding"),
    "interpretation": ("interpretación", "interpretation"),
    "preliminary": ("acuerdo preliminar", "term sheet"),
    "partly_firm": ("en parte en firme", "partly firm"),
    "conditional": ("condicional", "conditional"),
}
LANG_INDEX = {"es": 0, "en": 1}


def status_word(status: str, lang: str) -> str:
    return STATUS_WORDS[status][LANG_INDEX[lang]]


def label_text(status: str, lang: str) -> str:
    """«(no confirmado)», "(non-binding)"."""
    return f"({status_word(status, lang)})"


def norm(text: str) -> str:
    """Text as it reads: no-break spaces and runs of white space as one space."""
    return re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()


# The inputs: (kind, value, digits). The expected texts follow, one table per language.
D = dt.date
CASES = {
    # money: the scale word from a million up; Spanish counts millions up to a
    # billón (10^12), English has billions; the dollar sign is "US$" in both,
    # with a no-break space after it in Spanish.
    "money 38bn": ("money", 38e9, None),
    "money 250bn": ("money", 250e9, None),
    "money 22.4bn": ("money", 22.4e9, None),
    "money 1.5bn": ("money", 1.5e9, None),
    "money 852bn": ("money", 852e9, None),
    "money 1 trillion": ("money", 1e12, None),
    "money 2.5 trillion": ("money", 2.5e12, None),
    "money 1 million": ("money", 1e6, None),
    "money 5 million": ("money", 5e6, None),
    "money below a million": ("money", 999_999, None),
    "money rounded to 2 digits": ("money", 38.3e9, 2),
    "money rounded to 3 digits": ("money", 12.5e9 / 8 * 1e0, 3),   # 1.5625 bn → 1.56 bn
    "price": ("price", 254.07, None),
    "price, thousands": ("price", 1234.5, None),
    # gigawatts: a no-break space before GW; the decimal comma in Spanish.
    "gw whole": ("gw", 10, None),
    "gw decimal": ("gw", 4.5, None),
    "gw below one": ("gw", 0.75, None),
    "gw thousands": ("gw", 1200, None),
    # percentages: a ratio; Spanish puts a no-break space before %.
    "percent 27": ("percent", 0.27, None),
    "percent 4": ("percent", 0.04, None),
    "percent decimal": ("percent", 0.275, None),
    "percent whole": ("percent", 1.0, None),
    # plain numbers, and the ranges where the scale words start.
    "number thousands": ("number", 500_000, None),
    "number decimal": ("number", 4.4, None),
    "number 1500": ("number", 1500, None),
    "number one million": ("number", 1e6, None),
    "number millions": ("number", 2.5e6, None),
    "number rounded": ("number", 12_345.678, 3),
    "number millions rounded": ("number", 2_345_678, 2),
    "money below a million rounded": ("money", 123_456, 2),
    "years one": ("years", 1, None),
    "years many": ("years", 7, None),
    "years decimal": ("years", 2.5, None),
    "year": ("year", 2032, None),
    # dates and months
    "date": ("date", D(2025, 11, 3), None),
    "date first of month": ("date", D(2026, 1, 1), None),
    "date september": ("date", D(2025, 9, 1), None),
    "month": ("month", D(2026, 4, 1), None),
    "month january": ("month", D(2025, 1, 1), None),
    "list two": ("list", ["GB200", "GB300"], None),
    "list three": ("list", ["A", "B", "C"], None),
    "words": ("words", {"es": "cientos de miles", "en": "hundreds of thousands"}, None),
}

FORMATTED = {
    "es": {
        "money 38bn": "US$\u00a038.000 millones",
        "money 250bn": "US$\u00a0250.000 millones",
        "money 22.4bn": "US$\u00a022.400 millones",
        "money 1.5bn": "US$\u00a01.500 millones",
        "money 852bn": "US$\u00a0852.000 millones",
        "money 1 trillion": "US$\u00a01 billón",
        "money 2.5 trillion": "US$\u00a02,5 billones",
        "money 1 million": "US$\u00a01 millón",
        "money 5 million": "US$\u00a05 millones",
        "money below a million": "US$\u00a0999.999",
        "money rounded to 2 digits": "US$\u00a038.000 millones",
        "money rounded to 3 digits": "US$\u00a01.560 millones",
        "price": "US$\u00a0254,07",
        "price, thousands": "US$\u00a01.234,50",
        "gw whole": "10\u00a0GW",
        "gw decimal": "4,5\u00a0GW",
        "gw below one": "0,75\u00a0GW",
        "gw thousands": "1.200\u00a0GW",
        "percent 27": "27\u00a0%",
        "percent 4": "4\u00a0%",
        "percent decimal": "27,5\u00a0%",
        "percent whole": "100\u00a0%",
        "number thousands": "500.000",
        "number decimal": "4,4",
        "number 1500": "1.500",
        "number one million": "1 millón",
        "number millions": "2,5 millones",
        "number rounded": "12.300",
        "number millions rounded": "2,3 millones",
        "money below a million rounded": "US$\u00a0120.000",
        "years one": "1\u00a0año",
        "years many": "7\u00a0años",
        "years decimal": "2,5\u00a0años",
        "year": "2032",
        "date": "3 de noviembre de 2025",
        "date first of month": "1 de enero de 2026",
        "date september": "1 de septiembre de 2025",
        "month": "abril de 2026",
        "month january": "enero de 2025",
        "list two": "GB200 y GB300",
        "list three": "A, B y C",
        "words": "cientos de miles",
    },
    "en": {
        "money 38bn": "US$38 billion",
        "money 250bn": "US$250 billion",
        "money 22.4bn": "US$22.4 billion",
        "money 1.5bn": "US$1.5 billion",
        "money 852bn": "US$852 billion",
        "money 1 trillion": "US$1 trillion",
        "money 2.5 trillion": "US$2.5 trillion",
        "money 1 million": "US$1 million",
        "money 5 million": "US$5 million",
        "money below a million": "US$999,999",
        "money rounded to 2 digits": "US$38 billion",
        "money rounded to 3 digits": "US$1.56 billion",
        "price": "US$254.07",
        "price, thousands": "US$1,234.50",
        "gw whole": "10\u00a0GW",
        "gw decimal": "4.5\u00a0GW",
        "gw below one": "0.75\u00a0GW",
        "gw thousands": "1,200\u00a0GW",
        "percent 27": "27%",
        "percent 4": "4%",
        "percent decimal": "27.5%",
        "percent whole": "100%",
        "number thousands": "500,000",
        "number decimal": "4.4",
        "number 1500": "1,500",
        "number one million": "1 million",
        "number millions": "2.5 million",
        "number rounded": "12,300",
        "number millions rounded": "2.3 million",
        "money below a million rounded": "US$120,000",
        "years one": "1\u00a0year",
        "years many": "7\u00a0years",
        "years decimal": "2.5\u00a0years",
        "year": "2032",
        "date": "November 3, 2025",
        "date first of month": "January 1, 2026",
        "date september": "September 1, 2025",
        "month": "April 2026",
        "month january": "January 2025",
        "list two": "GB200 and GB300",
        "list three": "A, B, and C",
        "words": "hundreds of thousands",
    },
}

# An event date may be a year, a month or a day (explainer.format.date_text).
DATE_TEXTS = {
    "es": {"2026": "2026", "2026-04": "abril de 2026", "2026-04-20": "20 de abril de 2026", "2025-12-01": "1 de diciembre de 2025"},
    "en": {"2026": "2026", "2026-04": "April 2026", "2026-04-20": "April 20, 2026", "2025-12-01": "December 1, 2025"},
}


# The second formatter ------------------------------------------------------------

MONTHS = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
# (threshold, one, many), largest first
SCALES = {
    "es": [(10**12, "billón", "billones"), (10**6, "millón", "millones")],
    "en": [(10**12, "trillion", "trillion"), (10**9, "billion", "billion"), (10**6, "million", "million")],
}
DOLLARS = {"es": "US$" + NBSP, "en": "US$"}
YEARS = {"es": ("año", "años"), "en": ("year", "years")}


def _significant(x: float, digits: int | None) -> float:
    if not digits or x == 0:
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def _number(x: float, lang: str, decimals: int | None = None) -> str:
    """Digits grouped by three ("." in Spanish, "," in English), the other mark for decimals."""
    group, point = (".", ",") if lang == "es" else (",", ".")
    if decimals is None:
        text = repr(float(x))
        if "e" in text:
            text = f"{x:f}"
        whole, _, frac = text.partition(".")
        frac = frac.rstrip("0")
    else:
        whole, _, frac = f"{x:.{decimals}f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + group.join(groups) + (point + frac if frac else "")


def _scaled(value: float, lang: str, digits: int | None) -> str:
    for threshold, one, many in SCALES[lang]:
        if value >= threshold:
            n = _significant(value / threshold, digits)
            return f"{_number(n, lang)} {one if n == 1 else many}"
    return _number(_significant(value, digits), lang)


def _date(day: dt.date, lang: str) -> str:
    month = MONTHS[lang][day.month - 1]
    return f"{day.day} de {month} de {day.year}" if lang == "es" else f"{month} {day.day}, {day.year}"


def _month(day: dt.date, lang: str) -> str:
    month = MONTHS[lang][day.month - 1]
    return f"{month} de {day.year}" if lang == "es" else f"{month} {day.year}"


def _list(items: list, lang: str) -> str:
    items = [str(x) for x in items]
    if len(items) == 1:
        return items[0]
    if lang == "es":
        return ", ".join(items[:-1]) + " y " + items[-1]
    return " and ".join(items) if len(items) == 2 else ", ".join(items[:-1]) + ", and " + items[-1]


def format_value(kind: str, value, digits: int | None, lang: str) -> str:
    """The text a reader of `lang` expects for a figure of `kind` (see the module's docstring)."""
    if kind == "money":
        return DOLLARS[lang] + _scaled(value, lang, digits)
    if kind == "price":
        return DOLLARS[lang] + _number(value, lang, decimals=2)
    if kind == "number":
        return _scaled(value, lang, digits) if value >= 10**6 else _number(_significant(value, digits), lang)
    if kind == "percent":
        text = _number(round(value * 100, 6), lang)
        return f"{text}{NBSP}%" if lang == "es" else f"{text}%"
    if kind == "gw":
        return f"{_number(value, lang)}{NBSP}GW"
    if kind == "years":
        one, many = YEARS[lang]
        return f"{_number(value, lang)}{NBSP}{one if value == 1 else many}"
    if kind == "year":
        return str(value)
    if kind == "month":
        return _month(value, lang)
    if kind == "date":
        return _date(value, lang)
    if kind == "list":
        return _list(value, lang)
    if kind == "words":
        return value[lang]
    raise AssertionError(f"kind `{kind}`: teach tests/figures.py how readers expect to read it")


def expected_text(fact, lang: str) -> str:
    """The text fact `fact` (explainer.data.Fact: kind, value, digits) must show in `lang`."""
    return format_value(fact.kind, fact.value, fact.digits, lang)


def date_text(value: str, lang: str) -> str:
    text = str(value)
    if len(text) == 4:
        return text
    if len(text) == 7:
        return _month(dt.date.fromisoformat(text + "-01"), lang)
    return _date(dt.date.fromisoformat(text), lang)
