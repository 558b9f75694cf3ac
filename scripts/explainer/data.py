"""Loads data/facts.yml, remembering each entry's line so errors can point at it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import DATA_FILE, LANGS, UI_FILE
from .errors import ContentError

KINDS = {"money", "price", "number", "percent", "gw", "years", "year", "month", "date", "list", "words"}
VERDICTS = {"accurate", "imprecise", "unconfirmed", "incomplete"}
# How firm a figure is; every status but "confirmed" is shown in words beside it.
STATUSES = {"confirmed", "unconfirmed", "nonbinding", "preliminary", "partly_firm", "conditional", "interpretation"}
CHANGE_KINDS = {"update", "correction", "published"}
SOURCE_TAGS = {"C", "M", "W"}            # company or filing, major outlet, weak
SOURCE_KINDS = {"original", "aggregator"}  # `kind: aggregator`: a page that only restates others' reporting


def is_weak(source: dict) -> bool:
    """A weak source (tag W) or an aggregator: on its own it confirms nothing."""
    return source.get("tag") == "W" or source.get("kind") == "aggregator"


def weak_only(nums, sources: dict) -> bool:
    """True when every cited source is weak or an aggregator (and there is at least one)."""
    return bool(nums) and all(is_weak(sources[n]) for n in nums if n in sources)


def _weak_words(nums, sources: dict) -> str:
    if any(sources[n].get("kind") == "aggregator" for n in nums):
        return "weak sources (tag W) or aggregators (kind: aggregator)"
    return "weak sources (tag W)"


class LineDict(dict):
    """A mapping that knows the line it starts on in its YAML file."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


class DuplicateKey(yaml.YAMLError):
    """A key written twice in one mapping: YAML would silently keep the last one,
    so a second `deal.value:` would replace the first figure on every page."""

    def __init__(self, key, line: int, first_line: int):
        super().__init__(key)
        self.key, self.line, self.first_line = key, line, first_line


def _construct_mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise DuplicateKey(key, key_node.start_mark.line + 1, seen[key])
        seen[key] = key_node.start_mark.line + 1
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, "file not found") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except DuplicateKey as exc:
        raise ContentError(path, f"`{exc.key}` is written twice (first at line {exc.first_line}): "
                                 "keep one of them, or rename one", line=exc.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(
            path,
            f"malformed YAML: {problem}; fix the syntax (indentation, quotes, colons) there",
            line=mark.line + 1 if mark else None,
        ) from None


@dataclass
class Fact:
    key: str
    kind: str
    value: Any
    sources: list[int]
    status: str
    digits: int | None
    line: int
    raw: dict = field(repr=False, default_factory=dict)

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"


@dataclass
class Facts:
    """Everything in data/facts.yml, validated."""

    path: Path
    facts: dict[str, Fact]
    sources: dict[int, dict]
    quotes: dict[str, dict]
    claims: list[dict]
    events: list[dict]
    key_figures: list[dict]
    charts: dict[str, dict]
    updates: list[dict]
    newsletter: dict
    card: dict
    email: dict | None = None     # the email edition's texts, checked by explainer.email_edition


def _need(cond: bool, path: Path, line: int | None, message: str) -> None:
    if not cond:
        raise ContentError(path, message, line)


def check_review_by(path: Path, item: dict, what: str) -> None:
    """`review_by:` on a data entry that states something pending: the day it must
    be checked again, a real YYYY-MM-DD date (scripts/review.py lists it when due)."""
    if "review_by" in item:
        value = item["review_by"]
        _need(isinstance(value, dt.date) and not isinstance(value, dt.datetime), path, getattr(item, "line", None),
              f"{what}: `review_by: {value}` is not a date; write the day this statement must be checked again as YYYY-MM-DD, e.g. review_by: 2027-01-04")


def _check_sources(path, where: LineDict, nums, sources, what: str) -> None:
    _need(isinstance(nums, list) and nums, path, where.line, f"{what} needs `sources:`, a list of source numbers")
    for n in nums:
        _need(n in sources, path, where.line, f"{what} cites source {n}, which is not in `sources:`; add it or fix the number")


def _resolve_derived(path: Path, facts: dict[str, Fact]) -> None:
    """Compute `divide:` facts from the facts they name (chains allowed, cycles refused)."""

    def value_of(key, seen):
        fact = facts.get(key)
        _need(fact is not None, path, None, f"a derived fact divides by `{key}`, which is not a fact")
        if fact.value is not None:
            return fact.value
        _need(key not in seen, path, fact.line, f"fact `{key}` is derived from itself")
        if "add" in fact.raw:
            parts = fact.raw["add"]
            fact.value = sum(value_of(k, seen | {key}) for k in parts)
            fact.sources = sorted(set(fact.sources).union(*(facts[k].sources for k in parts)))
            return fact.value
        a, b = fact.raw["divide"]
        num = value_of(a, seen | {key})
        den = value_of(b, seen | {key}) if isinstance(b, str) else b
        _need(den, path, fact.line, f"fact `{key}` divides by zero")
        fact.value = num / den
        fact.sources = sorted(set(fact.sources) | set(facts[a].sources) | (set(facts[b].sources) if isinstance(b, str) else set()))
        return fact.value

    for key in facts:
        value_of(key, set())


def parse_facts(path: Path = DATA_FILE) -> Facts:
    doc = load_yaml(path)
    _need(isinstance(doc, dict), path, None, "the file must be a mapping with `facts:`, `sources:`, `quotes:`…")
    for section in ("facts", "sources", "quotes", "claims", "events", "updates", "key_figures", "charts"):
        _need(section in doc, path, None, f"missing top-level section `{section}:`")

    sources = doc["sources"]
    for num, src in sources.items():
        _need(isinstance(num, int), path, src.line, f"source numbers must be integers, got {num!r}")
        for req in ("publisher", "url", "lang"):
            _need(req in src, path, src.line, f"source {num} needs `{req}:`")
        _need(str(src["url"]).startswith("https://"), path, src.line, f"source {num}: `url` must be an https:// address")
        _need(src.get("tag") in SOURCE_TAGS, path, src.line, f"source {num} needs `tag:` C (company or filing), M (major outlets) or W (single or weak source)")
        _need(src.get("kind", "original") in SOURCE_KINDS, path, src.line, f"source {num}: `kind:` is `aggregator` (a page that only restates other outlets' reporting) or absent")
        if "checked" in src:
            _need(isinstance(src["checked"], dt.date) and "date" not in src, path, src.line,
                  f"source {num}: `checked:` is the day (YYYY-MM-DD) we checked a page that shows no publication date; drop it when the page has a `date:`")

    facts: dict[str, Fact] = {}
    for key, raw in doc["facts"].items():
        line = getattr(raw, "line", None)
        _need(isinstance(raw, dict), path, line, f"fact `{key}` must be a mapping like {{kind: money, value: 1, sources: [1]}}")
        kind = raw.get("kind")
        _need(kind in KINDS, path, line, f"fact `{key}` has kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
        if kind == "words":
            for lang in LANGS:
                _need(isinstance(raw.get(lang), str), path, line, f"fact `{key}` (words) needs a `{lang}:` phrase")
            value = {lang: raw[lang] for lang in LANGS}
        elif "divide" in raw:
            div = raw["divide"]
            _need(isinstance(div, list) and len(div) == 2, path, line, f"fact `{key}`: `divide:` takes [fact, fact-or-number]")
            value = None
        elif "add" in raw:
            parts = raw["add"]
            _need(isinstance(parts, list) and len(parts) >= 2 and all(isinstance(k, str) for k in parts), path, line, f"fact `{key}`: `add:` takes a list of two or more fact names")
            value = None
        else:
            _need("value" in raw, path, line, f"fact `{key}` needs `value:` (or `divide:`)")
            value = raw["value"]
            if kind == "date":
                _need(isinstance(value, dt.date), path, line, f"fact `{key}`: a date is written YYYY-MM-DD")
            elif kind == "month":
                try:
                    value = dt.datetime.strptime(str(value), "%Y-%m").date()
                except ValueError:
                    raise ContentError(path, f"fact `{key}`: a month is written YYYY-MM", line) from None
            elif kind == "list":
                _need(isinstance(value, list), path, line, f"fact `{key}`: a list fact needs a YAML list")
            else:
                _need(isinstance(value, (int, float)), path, line, f"fact `{key}`: value must be a number")
        srcs = raw.get("sources", [])
        for n in srcs:
            _need(n in sources, path, line, f"fact `{key}` cites source {n}, which is not in `sources:`")
        status = raw.get("status", "confirmed" if raw.get("confirmed", True) else "unconfirmed")
        _need(status in STATUSES, path, line, f"fact `{key}` has status {status!r}; use one of {', '.join(sorted(STATUSES))}")
        _need(not weak_only(srcs, sources) or status == "unconfirmed", path, line,
              f"fact `{key}` rests only on {_weak_words(srcs, sources)}: add `status: unconfirmed`, or cite a company statement or major outlet")
        facts[key] = Fact(key, kind, value, list(srcs), status, raw.get("digits"), line, raw)
    _resolve_derived(path, facts)

    quotes = doc["quotes"]
    for qid, q in quotes.items():
        for req in ("speaker", "role", "date", "lang", "text"):
            _need(req in q, path, q.line, f"quote `{qid}` needs `{req}:`")
        _need("source" in q, path, q.line, f"quote `{qid}` has no source: add `source:` with the number of the outlet that published it")
        _need(q["source"] in sources, path, q.line, f"quote `{qid}` cites source {q['source']}, which is not in `sources:`")
        _need(not is_weak(sources[q["source"]]), path, q.line,
              f"quote `{qid}` rests on {_weak_words([q['source']], sources)}: words reported only there are not quoted verbatim; cite the outlet that published them")
        for lang in LANGS:
            _need(lang in q["role"], path, q.line, f"quote `{qid}` needs the speaker's role in `{lang}`")
            if lang != q["lang"]:
                _need(isinstance(q.get(lang), str), path, q.line, f"quote `{qid}` is in `{q['lang']}`: add `{lang}:`, a translation for {lang} pages (shown beside the original, never in its quote marks)")

    for claim in doc["claims"]:
        _need(claim.get("verdict") in VERDICTS, path, claim.line, f"claim `{claim.get('id')}`: verdict must be one of {', '.join(sorted(VERDICTS))}")
        _check_sources(path, claim, claim.get("sources"), sources, f"claim `{claim.get('id')}`")
        if claim.get("article"):
            for lang in LANGS:
                _need(lang == doc["sources"][1]["lang"] or lang in (claim.get("gloss") or {}), path, claim.line,
                      f"claim `{claim.get('id')}`: add `gloss: {{{lang}: …}}`, our translation of the excerpt for {lang} pages")
        check_review_by(path, claim, f"claim `{claim.get('id')}`")
        later = claim.get("later")
        if later:
            _need(isinstance(later.get("date"), dt.date), path, later.line, f"claim `{claim.get('id')}`: `later:` needs the `date:` (YYYY-MM-DD) of what changed")
            _check_sources(path, later, later.get("sources"), sources, f"claim `{claim.get('id')}` (later)")
            for lang in LANGS:
                _need(isinstance(later.get(lang), str), path, later.line, f"claim `{claim.get('id')}`: `later:` needs its `{lang}:` text")

    for event in doc["events"]:
        _need("date" in event, path, event.line, "every event needs a `date:` (YYYY, YYYY-MM or YYYY-MM-DD)")
        for lang in LANGS:
            _need(lang in event, path, event.line, f"event of {event['date']} needs its `{lang}:` text")
        _check_sources(path, event, event.get("sources"), sources, f"event of {event['date']}")
        _need(not weak_only(event["sources"], sources) or event.get("confirmed") is False or event.get("status") == "unconfirmed", path, event.line,
              f"event of {event['date']} rests only on {_weak_words(event['sources'], sources)}: add `confirmed: false`, or cite a company statement or major outlet")
        check_review_by(path, event, f"event of {event['date']}")

    seen_times = set()
    for entry in doc["updates"]:
        what = f"update `{entry.get('id')}`"
        _need(isinstance(entry.get("id"), str), path, entry.line, "every update needs an `id:` (it becomes the feed entry's id; never change it)")
        stamp = entry.get("time")
        _need(isinstance(stamp, dt.datetime) and stamp.tzinfo is not None, path, entry.line, f"{what} needs `time:` in UTC, e.g. 2026-11-28T21:30:00Z")
        _need(stamp not in seen_times, path, entry.line, f"{what} has the same `time:` as another update; feed entries need distinct times")
        seen_times.add(stamp)
        for lang in LANGS:
            _need(lang in entry.get("title", {}), path, entry.line, f"{what} needs a `title:` in `{lang}`")
        _need(entry.get("changes"), path, entry.line, f"{what} needs `changes:`, each with kind, link and the text in every language")
        for change in entry["changes"]:
            _need(change.get("kind") in CHANGE_KINDS, path, change.line, f"{what}: a change's `kind:` is one of {', '.join(sorted(CHANGE_KINDS))}")
            _need(isinstance(change.get("link"), str), path, change.line, f"{what}: each change needs `link:`, the page (and #section) it changed, e.g. terms#scale, or \"\" for the home page")
            for lang in LANGS:
                _need(isinstance(change.get(lang), str), path, change.line, f"{what}: a change needs its `{lang}:` text")
    times = [e["time"] for e in doc["updates"]]
    _need(times == sorted(times, reverse=True), path, doc["updates"][0].line if doc["updates"] else None, "`updates:` must be newest first")

    for name, texts in doc.get("newsletter", {}).items():
        for lang in LANGS:
            _need(isinstance(texts.get(lang), str), path, texts.line, f"newsletter summary `{name}` needs its `{lang}:` text")
        check_review_by(path, texts, f"newsletter summary `{name}`")

    for item in doc["key_figures"]:
        for key in (item.get("fact"), item.get("detail")):
            if key is not None:
                _need(key in facts, path, item.line, f"`key_figures` names fact `{key}`, which is not in `facts:`")
        check_review_by(path, item, f"key figure `{item.get('fact')}`")

    for name, chart in doc["charts"].items():
        _need(isinstance(chart, dict) and isinstance(chart.get("as_of"), dt.date), path, getattr(chart, "line", None), f"chart `{name}` needs `as_of:`, the date its data describes (YYYY-MM-DD)")
        _need(isinstance(chart.get("bars"), list) and chart["bars"], path, chart.line, f"chart `{name}` needs `bars:`, each with `label:` and `segments:`")
        for bar in chart["bars"]:
            _need(isinstance(bar.get("label"), str) and bar.get("segments"), path, bar.line, f"chart `{name}`: each bar needs `label:` and `segments: [{{fact: …}}]`")
            for seg in bar["segments"]:
                _need(seg.get("fact") in facts, path, seg.line, f"chart `{name}` names fact `{seg.get('fact')}`, which is not in `facts:`")
            if "total" in bar:
                _need(bar["total"] in facts, path, bar.line, f"chart `{name}`: total `{bar['total']}` is not in `facts:`")

    card = doc.get("card") or {}
    _need(card.get("fact") in facts and all(lang in card.get("label", {}) for lang in LANGS), path, getattr(card, "line", None),
          "`card:` (the share images' figure) needs `fact:`, a fact name, and `label:` in every language")

    return Facts(path, facts, sources, quotes, doc["claims"], doc["events"], doc["key_figures"],
                 doc["charts"], doc["updates"], doc.get("newsletter", {}), card, doc.get("email"))


def load_facts(path: Path = DATA_FILE) -> Facts:
    """The facts, parsed once per change of the file (so `mkdocs serve` sees edits)."""
    return _parse_cached(path, path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=4)
def _parse_cached(path: Path, _mtime: int) -> Facts:
    return parse_facts(path)


def load_ui(path: Path = UI_FILE) -> dict[str, dict[str, str]]:
    """UI strings (labels, messages) per language: {lang: {key: text}}."""
    return _ui_cached(path, path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=4)
def _ui_cached(path: Path, _mtime: int) -> dict[str, dict[str, str]]:
    doc = load_yaml(path)
    out: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for key, texts in doc.items():
        for lang in LANGS:
            _need(isinstance(texts, dict) and lang in texts, path, getattr(texts, "line", None), f"UI string `{key}` needs a `{lang}:` text")
            out[lang][key] = texts[lang]
    return out
