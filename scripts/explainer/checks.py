"""Checks on the Markdown sources, run before MkDocs writes anything.

Each returns a list of ContentError, so one run reports every problem at once.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from . import DOCS, LANGS
from .data import Facts
from .errors import ContentError
from .pages import check_references

HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)
DESCRIPTION_LENGTH = (50, 160)


def page_files(docs: Path = DOCS) -> dict[str, dict[str, Path]]:
    """{slug: {lang: path}} for every docs/<slug>.<lang>.md."""
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        match = re.fullmatch(r"(.+)\.([a-z]{2})\.md", rel)
        lang = match.group(2) if match else None
        slug = match.group(1) if match else rel[:-3]
        pages.setdefault(slug, {})[lang or "?"] = path
    return pages


def check_pairs(pages: dict[str, dict[str, Path]]) -> list[ContentError]:
    errors = []
    for slug, by_lang in pages.items():
        if "?" in by_lang:
            errors.append(ContentError(by_lang["?"], f"pages are named <slug>.<lang>.md; rename to {slug}.{LANGS[0]}.md (and add {slug}.{LANGS[1]}.md)"))
            continue
        for lang, path in by_lang.items():
            if lang not in LANGS:
                errors.append(ContentError(path, f"unknown language `{lang}`; the site has {', '.join(LANGS)}"))
        present = [lang for lang in LANGS if lang in by_lang]
        for lang in LANGS:
            if lang not in by_lang and present:
                twin = by_lang[present[0]]
                errors.append(ContentError(twin, f"has no {lang} twin: create docs/{slug}.{lang}.md (every page exists in both languages)"))
    return errors


def split_front_matter(path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line where the body starts)."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(path, f"malformed front matter: {getattr(exc, 'problem', exc)}", (mark.line + 2) if mark else 1) from None
    return meta, text[match.end():], match.group(0).count("\n") + 1


def headings(body: str, path: Path, first_line: int) -> tuple[list[tuple[str, str]], list[ContentError]]:
    """The (level, id) of each ## and ### heading; a heading without an id is an error."""
    found, errors, in_fence = [], [], False
    for offset, line in enumerate(body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = HEADING.match(line)
        if in_fence or not match:
            continue
        id_match = HEADING_ID.search(match.group(2))
        if not id_match:
            errors.append(ContentError(path, f"heading `{line.strip()}` has no id: end it with {{#some-id}}, the same id as in the other language", first_line + offset))
            continue
        found.append((match.group(1), id_match.group(1)))
    return found, errors


def compare_headings(slug: str, paths: dict[str, Path], found: dict[str, list]) -> list[ContentError]:
    errors = []
    base_lang = LANGS[0]
    base = found[base_lang]
    for lang in LANGS[1:]:
        other = found[lang]
        if other == base:
            continue
        base_ids, other_ids = [i for _, i in base], [i for _, i in other]
        missing = [f"#{i}" for i in base_ids if i not in other_ids]
        extra = [f"#{i}" for i in other_ids if i not in base_ids]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("not in the twin: " + ", ".join(extra))
        if not detail:
            diff = next(k for k, (a, b) in enumerate(zip(base, other)) if a != b)
            detail.append(f"heading {diff + 1} is {other[diff][0]} #{other[diff][1]} here but {base[diff][0]} #{base[diff][1]} there (same order and levels in both)")
        errors.append(ContentError(paths[lang], f"heading ids differ from docs/{slug}.{base_lang}.md ({len(other)} vs {len(base)} headings): " + "; ".join(detail)))
    return errors


def check_page(path: Path, facts: Facts) -> tuple[list[tuple[str, str]], list[ContentError]]:
    meta, body, first = split_front_matter(path)
    errors = []
    desc = meta.get("description")
    low, high = DESCRIPTION_LENGTH
    if not isinstance(desc, str) or not desc.strip():
        errors.append(ContentError(path, "no `description:` in the front matter: add one sentence (50–160 characters) for search engines and link previews", 1))
    elif not low <= len(desc) <= high:
        errors.append(ContentError(path, f"`description:` is {len(desc)} characters; write {low}–{high}", 1))
    found, heading_errors = headings(body, path, first)
    errors += heading_errors
    errors += check_references(body, path, facts, first)
    return found, errors


def check_docs(facts: Facts, docs: Path = DOCS) -> list[ContentError]:
    """All source checks: twins, descriptions, heading ids, references to the data."""
    pages = page_files(docs)
    errors = check_pairs(pages)
    for slug, paths in pages.items():
        if "?" in paths:
            continue
        found = {}
        for lang, path in paths.items():
            found[lang], page_errors = check_page(path, facts)
            errors += page_errors
        if all(lang in found for lang in LANGS):
            errors += compare_headings(slug, paths, found)
    return errors
