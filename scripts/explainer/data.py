"""Loads data/facts.yml and data/ui.yml, remembering each key's line so errors can point at it.

What the files may hold is described in explainer.schema (pydantic models); this
module loads the YAML (refusing a key written twice), validates each entry with
its model, checks what refers to other entries (source numbers, fact names, weak
sources), and reports every problem of a file at once."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import DATA_FILE, LANGS, UI_FILE, cache, schema
from .errors import ContentError


def is_weak(source: dict) -> bool:
    """A weak source (tag W) or an aggregator: on its own it confirms nothing."""
    return source.get("tag") == "W" or source.get("kind") == "aggregator"


def weak_only(nums, sources: dict) -> bool:
    """True when every cited source is weak or an aggregator (and there is at least one)."""
    return bool(nums) and all(is_weak(sources[n]) for n in nums if n in sources)


def _weak_words(nums, sources: dict) -> str:
    if any(sources.get(n, {}).get("kind") == "aggregator" for n in nums):
        return "weak sources (tag W) or aggregators (kind: aggregator)"
    return "weak sources (tag W)"


class LineDict(dict):
    """A mapping that knows the line it starts on in its YAML file, and each key's line."""

    line: int = 0
    key_lines: dict = {}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):   # libyaml's parser when PyYAML has it: the same nodes and marks, faster
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
            # Noted, not raised: the rest of the file is still checked, and every repeat named.
            loader.duplicates.append(DuplicateKey(key, key_node.start_mark.line + 1, seen[key]))
            continue
        seen[key] = key_node.start_mark.line + 1
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = seen
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, problems: list | None = None) -> Any:
    """A YAML file whose mappings know their lines. A key written twice is an error:
    added to `problems` when given (so the caller reports it with the rest), else raised."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, "file not found") from None
    loader = _Loader(text)
    loader.duplicates = []
    try:
        doc = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(
            path,
            f"malformed YAML: {problem}; fix the syntax (indentation, quotes, colons) there",
            line=mark.line + 1 if mark else None,
        ) from None
    finally:
        loader.dispose()
    twice = [ContentError(path, f"`{dup.key}` is written twice (first at line {dup.first_line}): keep one of them, or rename one", dup.line)
             for dup in loader.duplicates]
    if twice and problems is None:
        raise ContentError.group(twice)
    if problems is not None:
        problems += twice
    return doc


# The one Fact class: the schema's model, completed by parse_facts (key, line,
# status, the value as pages use it: a phrase per language, a date, a derived sum).
Fact = schema.Fact


# The source article this explainer starts from is source 1 (Ámbito, 4 November 2025).
ARTICLE = 1


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
    email: dict | None = None     # the email edition's texts (explainer.schema.Email)

    @property
    def article(self) -> dict:
        """The source article's entry in `sources:` (number ARTICLE)."""
        return self.sources[ARTICLE]


class Problems(list):
    """The problems found in one data file, each a ContentError with its line."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path

    def add(self, line: int | None, message: str) -> None:
        self.append(ContentError(self.path, message, line))


def key_line(node: Any, loc: tuple) -> int | None:
    """The line of the deepest key or item of `loc` found under `node` (a LineDict or list)."""
    line = getattr(node, "line", None)
    for part in loc:
        if isinstance(node, dict) and part in node:
            line = getattr(node, "key_lines", {}).get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line


def _describe_loc(raw: Any, loc: tuple) -> str:
    """`role.en`, `bars[2].segments[1].label`: the part of loc that names keys and items in the data."""
    out, node = "", raw
    for part in loc:
        if isinstance(node, dict) and part in node:
            out += f".{part}" if out else str(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out += f"[{part + 1}]"
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not part.startswith(("function-", "lax-", "strict-", "json-")):
            out += f".{part}" if out else part     # a missing key: name it too
            break
        else:
            break
    return out


def validate(model, raw: Any, what: str, problems: Problems) -> bool:
    """Validates one entry with its pydantic model (explainer.schema); each error
    becomes one problem: `what: field: the problem; the fix`, at the key's line."""
    try:
        model.model_validate(raw)
        return True
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            field = _describe_loc(raw, loc)
            line = key_line(raw, loc)
            if error["type"] == "missing":
                problems.add(line, f"{what} needs `{field.rsplit('.', 1)[-1]}:`{_fix(model, loc)}" + (f" (under `{field.rsplit('.', 1)[0]}`)" if "." in field else ""))
            elif error["type"] in ("model_type", "dict_type", "model_attributes_type") and not loc:
                problems.add(line, f"{what} must be a mapping of its fields (`key: value`)")
            elif error["type"] not in _BUILTIN_TYPES:   # our own message (explainer.schema): it names the field itself
                named = not field or f"`{field.rsplit('.', 1)[-1]}" in error["msg"]
                problems.add(line, f"{what}: {'' if named else f'`{field}:` '}{error['msg']}")
            else:
                shown = error.get("input")
                expected = _fix(model, loc).removeprefix(": ")
                problems.add(line, f"{what}: `{field}: {shown}` is not valid ({error['msg'].lower()})" + (f"; expected {expected}" if expected else ""))
        return False


_BUILTIN_TYPES = {"string_type", "int_type", "date_type", "datetime_type", "list_type", "bool_type", "too_short", "too_long",
                  "string_pattern_mismatch", "dict_type", "model_type", "date_from_datetime_inexact", "union_tag_invalid",
                  "int_parsing", "float_type", "date_parsing", "is_instance_of", "model_attributes_type"}


def _fix(model, loc: tuple) -> str:
    """The fix for a field: its description in the schema, when it has one."""
    try:
        current = model
        info = None
        for part in loc:
            if isinstance(part, int):
                continue
            fields = {f.alias or n: f for n, f in current.model_fields.items()}
            info = fields.get(part)
            if info is None:
                break
            annotation = info.annotation
            args = [a for a in getattr(annotation, "__args__", ()) if isinstance(a, type) and issubclass(a, BaseModel)]
            current = args[0] if args else annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else current
        return f": {info.description}" if info is not None and info.description else ""
    except (AttributeError, TypeError):
        return ""


def _name(section: str, key, raw) -> str:
    """How a message names an entry: fact `deal.value`, source 27, claim `chips`, event of 2025-09-25…"""
    get = raw.get if isinstance(raw, dict) else (lambda *_: None)
    n = key + 1 if isinstance(key, int) else key   # a list's entries are counted from 1
    return {
        "facts": f"fact `{key}`", "sources": f"source {key}", "quotes": f"quote `{key}`", "charts": f"chart `{key}`",
        "newsletter": f"newsletter summary `{key}`", "claims": f"claim `{get('id') or n}`",
        "events": f"event of {get('date')}" if get("date") else f"event {n}",
        "updates": f"update `{get('id') or n}`", "key_figures": f"key figure `{get('fact') or n}`",
    }[section]


def _cite_check(problems: Problems, line, nums, sources: dict, what: str) -> None:
    for n in nums or []:
        if n not in sources:
            problems.add(line, f"{what} cites source {n}, which is not in `sources:`; add it or fix the number")


def _resolve_derived(facts: dict[str, Fact], known: set, problems: Problems) -> None:
    """Compute `divide:` and `add:` facts from the facts they name (chains allowed, cycles refused)."""

    def value_of(key, seen, by):
        fact = facts.get(key)
        if fact is None:
            if key not in known:   # a fact with a problem of its own is reported as such
                problems.add(by.line, f"fact `{by.key}` is derived from `{key}`, which is not a fact")
            return None
        if key in seen:
            problems.add(fact.line, f"fact `{key}` is derived from itself")
            return None
        if fact.value is not None or key in done:
            return fact.value
        done.add(key)
        names = fact.add if fact.add is not None else [k for k in fact.divide if isinstance(k, str)]
        values = {k: value_of(k, seen | {key}, fact) for k in names}
        if any(v is None for v in values.values()):
            return None
        fact.sources = sorted(set(fact.sources).union(*(facts[k].sources for k in names)))
        if fact.add is not None:
            fact.value = sum(values.values())
        else:
            a, b = fact.divide
            den = values[b] if isinstance(b, str) else b
            if not den:
                problems.add(fact.line, f"fact `{key}` divides by zero")
                return None
            fact.value = values[a] / den
        return fact.value

    done: set[str] = set()
    for key in list(facts):
        value_of(key, set(), facts[key])


def parse_facts(path: Path = DATA_FILE) -> Facts:
    """data/facts.yml, validated: every problem in the file is reported at once (a
    ContentError listing them, one per line), or the facts are returned."""
    problems = Problems(path)
    doc = load_yaml(path, problems)
    if not isinstance(doc, dict):
        raise ContentError(path, "the file must be a mapping with `facts:`, `sources:`, `quotes:`…")
    valid: dict[str, Any] = {}
    for section, (container, model) in schema.SECTIONS.items():
        entries = doc.get(section)
        if not isinstance(entries, container):
            problems.add(getattr(doc, "key_lines", {}).get(section),
                         f"missing top-level section `{section}:`" if entries is None else f"`{section}:` must be a {'mapping' if container is dict else 'list'}")
            valid[section] = container()
            continue
        items = entries.items() if container is dict else enumerate(entries)
        ok = [(key, raw) for key, raw in items if validate(model, raw, _name(section, key, raw), problems)]
        valid[section] = dict(ok) if container is dict else [raw for _, raw in ok]
    for section, (model, what) in schema.SINGLE.items():
        raw = doc.get(section)
        if raw is None:
            problems.add(None, what)
        valid[section] = raw if raw is not None and validate(model, raw, f"`{section}:`", problems) else None

    sources = valid["sources"]
    all_sources = doc.get("sources") if isinstance(doc.get("sources"), dict) else {}
    for num, src in all_sources.items():
        if not isinstance(num, int):
            problems.add(getattr(src, "line", None), f"source numbers must be integers, got {num!r}")

    facts: dict[str, Fact] = {}
    for key, raw in valid["facts"].items():
        srcs = raw.get("sources", [])
        _cite_check(problems, raw.line, srcs, all_sources, f"fact `{key}`")
        status = raw.get("status", "confirmed" if raw.get("confirmed", True) else "unconfirmed")
        if weak_only(srcs, all_sources) and status != "unconfirmed":
            problems.add(raw.line, f"fact `{key}` rests only on {_weak_words(srcs, all_sources)}: add `status: unconfirmed`, or cite a company statement or major outlet")
        value = raw.get("value")
        if raw["kind"] == "words":
            value = {lang: raw[lang] for lang in LANGS}
        elif "divide" in raw or "add" in raw:
            value = None
        elif raw["kind"] == "month":
            value = dt.datetime.strptime(str(value), "%Y-%m").date()
        claim = raw.get("claim") is not False
        if claim and not srcs and not ("divide" in raw or "add" in raw):
            problems.add(raw.line, f"fact `{key}` has no `sources:`: give the numbers of the sources that carry it "
                                   "(or `claim: false` for a fact that is no claim, such as the date the data describes)")
        fact = Fact.model_validate(raw)
        fact.key, fact.line, fact.status, fact.value, fact.sources, fact.claim = key, raw.line, status, value, list(srcs), claim
        facts[key] = fact
    known = set(doc.get("facts") or {})   # every fact written, valid or not: a bad one is reported once, where it is
    _resolve_derived(facts, known, problems)

    for qid, q in (doc.get("quotes") or {}).items():
        missing = [lang for lang in LANGS if isinstance(q, dict) and q.get("lang") in LANGS and lang != q["lang"] and not isinstance(q.get(lang), str)]
        if missing:
            problems.add(q.line, f"quote `{qid}` is in `{q['lang']}`: add {', '.join(f'`{lang}:`' for lang in missing)}, a translation for "
                                 "those pages (shown beside the original, never in its quote marks)")
    for qid, q in valid["quotes"].items():
        if q.get("source") is None:
            problems.add(q.line, f"quote `{qid}` has no source: add `source:` with the number of the outlet that published it")
        elif q["source"] not in all_sources:
            problems.add(q.line, f"quote `{qid}` cites source {q['source']}, which is not in `sources:`")
        elif is_weak(all_sources[q["source"]]):
            problems.add(q.line, f"quote `{qid}` rests on {_weak_words([q['source']], all_sources)}: words reported only there are not quoted verbatim; cite the outlet that published them")
        _cite_check(problems, q.line, q.get("also"), all_sources, f"quote `{qid}`")

    article_lang = all_sources.get(1, {}).get("lang")
    for claim in valid["claims"]:
        what = f"claim `{claim['id']}`"
        _cite_check(problems, claim.line, claim["sources"], all_sources, what)
        if claim.get("article"):
            missing = [lang for lang in LANGS if lang != article_lang and lang not in (claim.get("gloss") or {})]
            if missing:
                problems.add(claim.line, f"{what}: add {', '.join(f'`{lang}:`' for lang in missing)} to `gloss:`, our translation of the excerpt for those pages")
        if claim.get("later"):
            _cite_check(problems, claim["later"].line, claim["later"]["sources"], all_sources, f"{what} (later)")

    for event in valid["events"]:
        what = f"event of {event['date']}"
        _cite_check(problems, event.line, event["sources"], all_sources, what)
        if weak_only(event["sources"], all_sources) and event.get("confirmed") is not False and event.get("status") != "unconfirmed":
            problems.add(event.line, f"{what} rests only on {_weak_words(event['sources'], all_sources)}: add `confirmed: false`, or cite a company statement or major outlet")

    updates = valid["updates"]
    times = [entry["time"] for entry in updates]
    for entry in updates:
        if times.count(entry["time"]) > 1:
            problems.add(entry.line, f"update `{entry['id']}` has the same `time:` as another update; feed entries need distinct times")
    if times != sorted(times, reverse=True):
        problems.add(updates[0].line, "`updates:` must be newest first")

    for item in valid["key_figures"]:
        for key in (item["fact"], item.get("detail")):
            if key is not None and key not in known:
                problems.add(item.line, f"`key_figures` names fact `{key}`, which is not in `facts:`")

    for name, chart in valid["charts"].items():
        for bar in chart["bars"]:
            for seg in bar["segments"]:
                if seg["fact"] not in known:
                    problems.add(seg.line, f"chart `{name}` names fact `{seg['fact']}`, which is not in `facts:`")
            if "total" in bar and bar["total"] not in known:
                problems.add(bar.line, f"chart `{name}`: total `{bar['total']}` is not in `facts:`")

    card = valid["card"]
    if card is not None and card["fact"] not in known:
        problems.add(card.line, f"`card:` names fact `{card['fact']}`, which is not in `facts:`")

    if problems:
        raise ContentError.group(sorted(problems, key=lambda e: e.line or 0))
    return Facts(path, facts, sources, valid["quotes"], valid["claims"], valid["events"], valid["key_figures"],
                 valid["charts"], updates, valid["newsletter"], card, doc.get("email"))


def load_facts(path: Path = DATA_FILE) -> Facts:
    """The facts, parsed once per change of the file (so `mkdocs serve` sees edits)."""
    return _parse_cached(path, path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=4)
def _parse_cached(path: Path, _mtime: int) -> Facts:
    return _kept(path, parse_facts)


def _kept(path: Path, parse):
    """parse(path), or what it gave for this exact file with this code, from
    .cache/data: a build whose data did not change validates nothing (and builds
    no validator: the schema's models are built on first use). Only a file
    without problems is kept; one with problems is reported anew each time."""
    key = cache.key_of(cache.library_digest(), cache.package_version("pydantic"), cache.package_version("PyYAML"),
                       parse.__name__, str(path), path.read_bytes().decode("utf-8", "replace") if path.exists() else "")
    return cache.kept(cache.folder("data"), key, lambda: parse(path))


def load_ui(path: Path = UI_FILE) -> dict[str, dict[str, str]]:
    """UI strings (labels, messages) per language: {lang: {key: text}}."""
    return _ui_cached(path, path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=4)
def _ui_cached(path: Path, _mtime: int) -> dict[str, dict[str, str]]:
    return _kept(path, parse_ui)


def parse_ui(path: Path = UI_FILE) -> dict[str, dict[str, str]]:
    problems = Problems(path)
    doc = load_yaml(path, problems)
    if not isinstance(doc, dict):
        raise ContentError(path, "the file must be a mapping of interface words: `key: {es: …, en: …}`")
    for key, texts in doc.items():
        validate(schema.UIText, texts, f"UI string `{key}`", problems)
    if problems:
        raise ContentError.group(problems)
    return {lang: {key: texts[lang] for key, texts in doc.items()} for lang in LANGS}
