"""What data/facts.yml and data/ui.yml hold, described once with pydantic models.

Each entry is validated on its own, so one build lists every problem: the
loader (explainer.data) turns each pydantic error into
`data/facts.yml:LINE: what, and the fix`, with the line of the key at fault.
A field's `description` is the fix the message gives when it is missing or of
the wrong type. Texts shown to readers exist in every language configured in
mkdocs.yml (`Texts`, built from LANGS). What refers to another entry (source
numbers, fact names, weak sources) is checked after this, in explainer.data.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, StrictStr, create_model, model_validator
from pydantic_core import PydanticCustomError

from . import LANGS

KINDS = ("money", "price", "number", "percent", "gw", "years", "year", "month", "date", "list", "words")
VERDICTS = ("accurate", "imprecise", "unconfirmed", "incomplete")
# How firm a figure is; every status but "confirmed" is shown in words beside it.
STATUSES = ("confirmed", "unconfirmed", "nonbinding", "preliminary", "partly_firm", "conditional", "interpretation")
CHANGE_KINDS = ("update", "correction", "published")
SUMMARY_MAX = 300                         # characters in an update's `summary:` (the feed entry's summary)
SOURCE_TAGS = ("C", "M", "W")             # company or filing, major outlet, weak
SOURCE_KINDS = ("original", "aggregator")  # `kind: aggregator`: a page that only restates others' reporting


class Entry(BaseModel):
    # Fields the build does not read are allowed (a chart's extra options, notes to editors).
    model_config = ConfigDict(extra="allow", strict=True, populate_by_name=True, defer_build=True)


def _field(lang: str) -> str:
    return "lang_" + lang.replace("-", "_")


def texts_model(name: str, value: Any = StrictStr, langs=LANGS) -> type[BaseModel]:
    """A text per language: {es: …, en: …}, one required field per configured language."""
    fields = {_field(lang): (value, Field(alias=lang)) for lang in langs}
    return create_model(name, __base__=Entry, **fields)


Texts = texts_model("Texts")
# data/ui.yml: each interface word in every language; a few are lists (number scales, the palette's names).
UIText = texts_model("UIText", Union[StrictStr, list])


class WithTexts(Entry):
    """An entry that holds its text in every language among its own keys (es: …, en: …)."""

    @model_validator(mode="before")
    @classmethod
    def _texts(cls, data):
        missing = [lang for lang in LANGS if isinstance(data, dict) and not isinstance(data.get(lang), str)]
        if missing:
            raise PydanticCustomError("text", "needs its text in {missing}", {"missing": ", ".join(f"`{lang}:`" for lang in missing)})
        return data


def _review_date(value: Any) -> Any:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    raise PydanticCustomError("review_by", "`review_by: {value}` is not a date; write the day this statement must be checked "
                              "again as YYYY-MM-DD, e.g. review_by: 2027-01-04", {"value": value})


ReviewBy = Annotated[Optional[dt.date], BeforeValidator(_review_date),
                     Field(description="the day this statement must be checked again, YYYY-MM-DD")]
SourceList = Annotated[list[StrictInt], Field(min_length=1, description="a list of source numbers, e.g. [5, 13]")]
Day = Annotated[dt.date, Field(description="a date, YYYY-MM-DD")]


def _choice(value, name, choices):
    if value not in choices:
        raise PydanticCustomError("choice", "`{name}: {value}` is not one of {choices}",
                                  {"name": name, "value": value, "choices": ", ".join(choices)})
    return value


class Source(Entry):
    tag: Annotated[str, BeforeValidator(lambda v: _choice(v, "tag", SOURCE_TAGS)),
                   Field(description="C (company or filing), M (major outlets) or W (single or weak source)")]
    publisher: StrictStr = Field(description="the outlet's name")
    url: StrictStr = Field(pattern=r"^https://", description="the page's https:// address")
    lang: StrictStr = Field(description="the page's language code, e.g. en")
    title: Optional[StrictStr] = None
    date: Union[dt.date, Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")], None] = Field(None, description="the publication date, YYYY-MM-DD (or YYYY-MM)")
    checked: Optional[dt.date] = None
    kind: Optional[str] = None
    copy_: Optional[Texts] = Field(None, alias="copy")

    @model_validator(mode="after")
    def _rules(self):
        if self.kind is not None and self.kind not in SOURCE_KINDS:
            raise PydanticCustomError("kind", "`kind:` is `aggregator` (a page that only restates other outlets' reporting) or absent")
        if self.checked and self.date:
            raise PydanticCustomError("checked", "`checked:` is the day (YYYY-MM-DD) we checked a page that shows no publication date; "
                                                 "drop it when the page has a `date:`")
        return self


class Fact(Entry):
    """One fact of `facts:`: validated from the file, then completed by the loader
    (explainer.data) with its key, line, status and value as pages use it. The one
    Fact class at runtime."""
    kind: Annotated[str, BeforeValidator(lambda v: _choice(v, "kind", KINDS)), Field(description="the kind of figure")]
    sources: list[StrictInt] = Field(default_factory=list, description="a list of source numbers, e.g. [5, 13]")
    status: Optional[Annotated[str, BeforeValidator(lambda v: _choice(v, "status", STATUSES))]] = None
    # `confirmed: false` in the file is the older spelling of `status: unconfirmed`.
    confirmed_flag: Optional[bool] = Field(None, alias="confirmed")
    digits: Optional[StrictInt] = None
    # false: a fact that is no claim readers need a source for (the date the data describes);
    # the citation rule (explainer.citations) does not ask pages to cite it.
    claim: Optional[bool] = None
    value: Any = None
    divide: Optional[list] = None
    add: Optional[list[StrictStr]] = None
    # Set by the loader, not written in the file:
    key: StrictStr = ""        # its name, e.g. deal.value
    line: StrictInt = 0        # its line in data/facts.yml

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"

    @model_validator(mode="after")
    def _value(self):
        fields = self.model_fields_set
        if self.kind == "words":
            missing = [lang for lang in LANGS if not isinstance((self.model_extra or {}).get(lang), str)]
            if missing:
                raise PydanticCustomError("words", "(words) needs a phrase in every language: add {missing}",
                                          {"missing": ", ".join(f"`{lang}:`" for lang in missing)})
        elif "divide" in fields:
            if not (isinstance(self.divide, list) and len(self.divide) == 2):
                raise PydanticCustomError("divide", "`divide:` takes [fact, fact-or-number]")
        elif "add" in fields:
            if len(self.add or []) < 2:
                raise PydanticCustomError("add", "`add:` takes a list of two or more fact names")
        elif "value" not in fields:
            raise PydanticCustomError("value", "needs `value:` (or `divide:`)")
        elif self.kind == "date" and not (isinstance(self.value, dt.date) and not isinstance(self.value, dt.datetime)):
            raise PydanticCustomError("date", "a date is written YYYY-MM-DD")
        elif self.kind == "month":
            try:
                dt.datetime.strptime(str(self.value), "%Y-%m")
            except ValueError:
                raise PydanticCustomError("month", "a month is written YYYY-MM") from None
        elif self.kind == "list" and not isinstance(self.value, list):
            raise PydanticCustomError("list", "a list fact needs a YAML list")
        elif self.kind not in ("date", "month", "list") and (isinstance(self.value, bool) or not isinstance(self.value, (int, float))):
            raise PydanticCustomError("number", "`value: {value}` must be a number (or give the fact another `kind:`)", {"value": self.value})
        return self


class PublishedQuote(Entry):
    text: StrictStr
    source: StrictInt


class Quote(Entry):
    speaker: StrictStr = Field(description="who said it")
    role: Texts = Field(description="the speaker's role, in every language")
    date: Day
    lang: StrictStr = Field(description="the language the words were said in")
    text: StrictStr = Field(description="the words, verbatim")
    source: Optional[StrictInt] = None   # checked with the other references: "has no source" says what to add
    also: list[StrictInt] = Field(default_factory=list)
    published_es: Optional[PublishedQuote] = None
    # Its translation into every other language (`es: …` for a quote in `en`) depends on
    # `lang:`, so it is checked in explainer.data, for every quote, even one with other problems.


class Later(WithTexts):
    date: Day = Field(description="the date (YYYY-MM-DD) of what changed")
    sources: SourceList


class Claim(Entry):
    id: StrictStr = Field(description="a short permanent name, e.g. chips")
    verdict: Annotated[str, BeforeValidator(lambda v: _choice(v, "verdict", VERDICTS))]
    sources: SourceList
    article: Optional[StrictStr] = None
    gloss: Optional[dict[str, StrictStr]] = None
    review_by: ReviewBy = None
    later: Optional[Later] = None


class Event(WithTexts):
    date: Union[StrictInt, StrictStr, dt.date] = Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    sources: SourceList
    confirmed: Optional[bool] = None
    status: Optional[str] = None
    review_by: ReviewBy = None


class Change(WithTexts):
    kind: Annotated[str, BeforeValidator(lambda v: _choice(v, "kind", CHANGE_KINDS))]
    link: StrictStr = Field(description="the page (and #section) it changed, e.g. terms#scale, or \"\" for the home page")


def _utc(value):
    if not (isinstance(value, dt.datetime) and value.tzinfo is not None):
        raise PydanticCustomError("time", "needs `time:` in UTC, e.g. 2026-11-28T21:30:00Z")
    return value


class Update(Entry):
    id: StrictStr = Field(description="a permanent id (it becomes the feed entry's id; never change it)")
    time: Annotated[dt.datetime, BeforeValidator(_utc)] = Field(description="the time in UTC, e.g. 2026-11-28T21:30:00Z")
    title: Texts = Field(description="a title in every language")
    summary: Texts = Field(description="the change in one or two sentences, at most 300 characters, in every language "
                                       "(the feed entry's summary; the changes are its full text)")
    changes: list[Change] = Field(min_length=1, description="each with kind, link and the text in every language")

    @model_validator(mode="before")
    @classmethod
    def _short_summary(cls, data):
        summary = data.get("summary") if isinstance(data, dict) else None
        long = [f"`{lang}:` has {len(text)}" for lang, text in (summary or {}).items() if isinstance(text, str) and len(text) > SUMMARY_MAX]
        if long:
            raise PydanticCustomError("summary", f"summary over {SUMMARY_MAX} characters ({', '.join(long)}): "
                                                 "say the change in one or two sentences; the changes carry the detail")
        return data


class Summary(WithTexts):
    # What its figures rest on: shown with the summary, and held to the citation rule (explainer.citations).
    sources: SourceList
    review_by: ReviewBy = None


class EmailPoint(WithTexts):
    sources: SourceList


class KeyFigure(Entry):
    fact: StrictStr = Field(description="the fact it shows")
    label: Texts = Field(description="what the figure is, in every language")
    detail: Optional[StrictStr] = None
    detail_label: Optional[Texts] = None
    review_by: ReviewBy = None


class Card(Entry):
    fact: StrictStr = Field(description="the fact on every share image")
    label: Texts = Field(description="what the figure is, in every language")


class Segment(Entry):
    fact: StrictStr = Field(description="the fact this segment draws")
    label: Optional[Texts] = None


class Bar(Entry):
    label: StrictStr = Field(description="the bar's name, e.g. AWS")
    segments: list[Segment] = Field(min_length=1, description="a list like [{fact: deal.value}]")
    total: Optional[StrictStr] = None
    note: Optional[Texts] = None


class Chart(Entry):
    as_of: Day = Field(description="the date its data describes (YYYY-MM-DD)")
    caveat: Texts = Field(description="the one line its email image carries (what the figures are not), in every language")
    bars: list[Bar] = Field(min_length=1, description="a list of bars, each with `label:` and `segments:`")


class Email(Entry):
    headline: Texts
    points: list[EmailPoint] = Field(min_length=3, max_length=5, description="3 to 5 key points, each a text per language and `sources:`")
    chart: StrictStr
    links: list[StrictStr] = Field(min_length=1, description="the slugs of the pages to link, e.g. [since, context]")
    credit: Texts


# Each top-level section of data/facts.yml: (the YAML type that holds the entries, the model of one entry).
SECTIONS: dict[str, tuple[type, type[BaseModel]]] = {
    "sources": (dict, Source),
    "facts": (dict, Fact),
    "quotes": (dict, Quote),
    "claims": (list, Claim),
    "events": (list, Event),
    "updates": (list, Update),
    "key_figures": (list, KeyFigure),
    "charts": (dict, Chart),
    "newsletter": (dict, Summary),
}
# Sections that hold one entry rather than many.
SINGLE: dict[str, tuple[type[BaseModel], str]] = {
    "card": (Card, "`card:` (the share images' figure) needs `fact:`, a fact name, and `label:` in every language"),
    "email": (Email, "`email:` (the email edition) needs headline, points, chart, links and credit"),
}
