"""Checks on the Markdown sources, run before MkDocs writes anything.

Each returns a list of ContentError, so one run reports every problem at once.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import DOCS, LANGS
from .calls import BY_NAME, PARITY_CALL, call_args, check_references, describe
from .data import Facts
from .errors import ContentError
from .frontmatter import split_front_matter
from .review import call_date

HEADING = re.compile(r"^(#{1,3})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
DESCRIPTION_LENGTH = (50, 160)
TITLE_LENGTH = 60
LOCAL_DIFFERENCE = BY_NAME["local_difference"].regex   # a section that declares its difference
REVIEW_CALL = BY_NAME["review_by"].regex                 # compared by date: both editions expire together


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
            errors.append(ContentError(by_lang["?"], f"pages are named <slug>.<lang>.md; rename to {slug}.{LANGS[0]}.md (and add its twin in every other language: " + ", ".join(f"{slug}.{lang}.md" for lang in LANGS[1:]) + ")"))
            continue
        for lang, path in by_lang.items():
            if lang not in LANGS:
                errors.append(ContentError(path, f"unknown language `{lang}`; the site has {', '.join(LANGS)}"))
        present = [lang for lang in LANGS if lang in by_lang]
        for lang in LANGS:
            if lang not in by_lang and present:
                twin = by_lang[present[0]]
                errors.append(ContentError(twin, f"has no {lang} twin: create docs/{slug}.{lang}.md (every page exists in every language of the site)"))
    return errors


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
        if match.group(1) == "#":
            title = HEADING_ID.sub("", match.group(2)).strip()
            if len(title) > TITLE_LENGTH:
                errors.append(ContentError(path, f"the title is {len(title)} characters; keep it to {TITLE_LENGTH} or fewer (search results and share cards cut it)", first_line + offset))
        found.append((match.group(1), id_match.group(1)))
    return found, errors


def section_calls(body: str, first_line: int) -> dict[str, dict]:
    """{heading id: {"line", "calls": [(name, args, line)], "local": bool, "reviews": [(date, line)]}}, in page order."""
    sections: dict[str, dict] = {}
    current = sections.setdefault("", {"line": first_line, "calls": [], "local": False, "reviews": []})
    in_fence = False
    for offset, line in enumerate(body.splitlines()):
        lineno = first_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else HEADING.match(line)
        id_match = HEADING_ID.search(heading.group(2)) if heading else None
        if id_match:
            current = sections.setdefault(id_match.group(1), {"line": lineno, "calls": [], "local": False, "reviews": []})
            continue
        current["calls"] += [(name, call_args(name, args), lineno) for name, args in PARITY_CALL.findall(line)]
        current["local"] = current["local"] or bool(LOCAL_DIFFERENCE.search(line))
        current["reviews"] += [(str(call_date(args)), lineno) for args in REVIEW_CALL.findall(line)]
    return sections


def _rel(path: Path) -> str:
    """docs/x.en.md: a file as the error messages name it."""
    return str(ContentError(path, ""))[:-2]


def _where(path: Path, line: int) -> str:
    return f"{_rel(path)}:{line}"


def compare_calls(paths: dict[str, Path], bodies: dict[str, tuple[str, int]]) -> list[ContentError]:
    """The parity guard: each section makes the same fact, cite, quote, claim and
    chart calls in the same order in every language, unless both editions
    declare the difference with local_difference("why")."""
    errors = []
    base_lang = LANGS[0]
    base = section_calls(*bodies[base_lang])
    for lang in LANGS[1:]:
        other = section_calls(*bodies[lang])
        for sid, mine in other.items():
            theirs = base.get(sid)
            if theirs is None:
                continue
            errors += compare_reviews(sid, (paths[lang], mine), (paths[base_lang], theirs))
            if mine["local"] and theirs["local"]:
                continue
            a = [(n, args) for n, args, _ in mine["calls"]]
            b = [(n, args) for n, args, _ in theirs["calls"]]
            if a == b:
                continue
            k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            where = f"(#{sid})" if sid else "(before the first section)"
            here = f"{describe(*a[k])}" if k < len(a) else "has no further call"
            there = f"{describe(*b[k])}" if k < len(b) else "has no further call"
            line_here = mine["calls"][k][2] if k < len(a) else mine["line"]
            line_there = theirs["calls"][k][2] if k < len(b) else theirs["line"]
            # Both places in one line, as an editor reads them: file:line (#section) what.
            errors.append(ContentError(None, f"{_where(paths[lang], line_here)} {where} {here}; {_where(paths[base_lang], line_there)} {where} {there}. "
                                       "Make both editions say the same facts with the same sources, or declare the difference "
                                       "in both with {{ local_difference(\"why\") }}"))
    return errors


def compare_reviews(sid: str, here: tuple[Path, dict], there: tuple[Path, dict]) -> list[ContentError]:
    """Both editions' pending statements expire together: each section carries the
    same review_by() dates in every language (even where the wording differs)."""
    (path, mine), (base_path, theirs) = here, there
    a, b = sorted(d for d, _ in mine["reviews"]), sorted(d for d, _ in theirs["reviews"])
    if a == b:
        return []
    where = f"(#{sid})" if sid else "(before the first section)"

    def says(section, dates):
        line = section["reviews"][0][1] if section["reviews"] else section["line"]
        return line, ("marks statements for review by " + ", ".join(dates)) if dates else "marks no statement for review"

    line_here, text_here = says(mine, a)
    line_there, text_there = says(theirs, b)
    return [ContentError(None, f"{_where(path, line_here)} {where} {text_here}; {_where(base_path, line_there)} {where} {text_there}. "
                         "Both editions state the same pending facts: give the same statements the same {{ review_by(\"YYYY-MM-DD\") }} in both")]


def compare_data_texts(facts: Facts) -> list[ContentError]:
    """Texts kept per language in the data file (events, claims' updates, summaries)
    use the same facts in every language (in any order: a sentence's word order
    is the language's business)."""
    errors = []
    items = [(f"event of {e['date']}", e) for e in facts.events]
    items += [(f"claim `{c['id']}` (later)", c["later"]) for c in facts.claims if c.get("later")]
    items += [(f"newsletter summary `{name}`", texts) for name, texts in facts.newsletter.items()]
    for what, item in items:
        seqs = {lang: sorted((n, call_args(n, a)) for n, a in PARITY_CALL.findall(item[lang])) for lang in LANGS}
        for lang in LANGS[1:]:
            if seqs[lang] != seqs[LANGS[0]]:
                errors.append(ContentError(facts.path, f"{what}: `{lang}:` {', '.join(describe(*c) for c in seqs[lang]) or 'uses no fact'}, "
                                           f"but `{LANGS[0]}:` {', '.join(describe(*c) for c in seqs[LANGS[0]]) or 'uses no fact'}; every language must say the same facts",
                                           getattr(item, "line", None)))
    return errors


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


def check_dates(path: Path, meta: dict) -> list[ContentError]:
    """`published:` and `updated:` are content, written in the front matter: never the build's clock."""
    errors = []
    for key in ("published", "updated"):
        if not isinstance(meta.get(key), dt.date):
            errors.append(ContentError(path, f"no `{key}:` date (YYYY-MM-DD) in the front matter: when this page was first published and when its content last changed", 1))
    if not errors and meta["updated"] < meta["published"]:
        errors.append(ContentError(path, "`updated:` is earlier than `published:`", 1))
    return errors


def check_page(path: Path, parsed: tuple[dict, str, int], facts: Facts) -> tuple[list[tuple[str, str]], list[ContentError]]:
    meta, body, first = parsed
    errors = check_dates(path, meta)
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
    bodies: list[str] = []
    linked: dict[str, dict[str, tuple[Path, dict, list[str]]]] = {}   # slug → lang → (path, meta, heading ids)
    for slug, paths in pages.items():
        if "?" in paths:
            continue
        # Each file is read and split once; every check below works on that.
        parsed = {lang: split_front_matter(path) for lang, path in paths.items()}
        bodies += [body for _, body, _ in parsed.values()]
        found = {}
        for lang, path in paths.items():
            found[lang], page_errors = check_page(path, parsed[lang], facts)
            errors += page_errors
            linked.setdefault(slug, {})[lang] = (path, parsed[lang][0], [sid for _, sid in found[lang]])
        if all(lang in found for lang in LANGS):
            errors += compare_headings(slug, paths, found)
            errors += compare_page_dates(slug, paths, {lang: meta for lang, (meta, _, _) in parsed.items()})
            errors += compare_calls(paths, {lang: (body, first) for lang, (_, body, first) in parsed.items()})
    return errors + compare_data_texts(facts) + check_sources_cited(facts, bodies) + check_update_links(facts, linked)


def check_sources(docs: Path = DOCS) -> list[ContentError]:
    """Every check on the sources, all problems at once: the pages and their twins,
    data/facts.yml and data/ui.yml, then (when the data loads) the pages against the data.
    Run by the MkDocs hook before anything is written (scripts/hooks/pipeline.py)."""
    from .data import load_facts, load_ui

    loaded, data_errors = {}, []
    for load in (load_facts, load_ui):
        try:
            loaded[load] = load()
        except ContentError as exc:
            data_errors += exc.errors
    facts, ui = loaded.get(load_facts), loaded.get(load_ui)
    if facts and ui:
        data_errors += check_chart_words(facts, ui)
    if facts is None:
        return check_pairs(page_files(docs)) + data_errors
    return check_docs(facts, docs) + data_errors


def check_chart_words(facts: Facts, ui: dict) -> list[ContentError]:
    """Each chart's title and note are interface words (data/ui.yml), in every language."""
    from . import UI_FILE

    keys = [f"chart.{name}.{part}" for name in facts.charts for part in ("title", "note")]
    return [ContentError(UI_FILE, f"no interface word `{key}`: add `{key}` to data/ui.yml with its text in every language ({', '.join(LANGS)})")
            for key in keys if key not in ui[LANGS[0]]]


def check_update_links(facts: Facts, pages: dict[str, dict[str, tuple[Path, dict, list[str]]]]) -> list[ContentError]:
    """An entry of the updates log that links a page (`link: since#bedrock`) comes
    with that page's `updated:` date moved to the entry's day or later in every
    language, and links a heading the page has: readers who follow it find the
    change, dated."""
    errors = []
    for entry in facts.updates:
        day = entry["time"].astimezone(dt.timezone.utc).date()
        for change in entry["changes"]:
            link = change["link"]
            slug, _, anchor = link.partition("#")
            slug = slug.strip("/") or "index"
            what = f"update `{entry['id']}` links `{link or '(home page)'}`"
            editions = pages.get(slug)
            if not editions:
                errors.append(ContentError(facts.path, f"{what}, which is no page: write <page>#<section id>, e.g. since#bedrock, "
                                           f"with a page of docs/ ({', '.join(sorted(pages))}), or \"\" for the home page", change.line))
                continue
            if anchor:
                for lang in LANGS:
                    path, _, ids = editions.get(lang, (None, None, []))
                    if path and anchor not in ids:
                        errors.append(ContentError(facts.path, f"{what}, but {_rel(path)} has no heading {{#{anchor}}}: "
                                                   f"link one of its sections ({', '.join('#' + i for i in ids)})", change.line))
                        break
            stale = [(path, meta.get("updated")) for lang, (path, meta, _) in sorted(editions.items(), key=lambda kv: LANGS.index(kv[0]) if kv[0] in LANGS else 99)
                     if isinstance(meta.get("updated"), dt.date) and meta["updated"] < day]
            if stale:
                files = " and ".join(_rel(path) for path, _ in stale)
                errors.append(ContentError(facts.path, f"{what} on {day}, but page `{slug}` says `updated: {stale[0][1]}` in {files}: "
                                           f"set `updated: {day}` (or later) in the front matter of every edition of the page", change.line))
    return errors


def check_sources_cited(facts: Facts, bodies: list[str]) -> list[ContentError]:
    """The sources page lists what the site cites: an entry nothing cites is an error."""
    cited: set[int] = set()
    for fact in facts.facts.values():
        cited |= set(fact.sources)
    for quote in facts.quotes.values():
        cited |= {quote["source"], *quote.get("also", [])} | ({quote["published_es"]["source"]} if quote.get("published_es") else set())
    for item in [*facts.claims, *[c["later"] for c in facts.claims if c.get("later")], *facts.events]:
        cited |= set(item["sources"])
    for body in bodies:
        for name, args in PARITY_CALL.findall(body):
            if name == "cite":
                cited |= set(call_args("cite", args))
    return [ContentError(facts.path, f"source {n} is cited nowhere: cite it where it supports a statement, or remove it (its number is not reused)",
                         getattr(facts.sources[n], "line", None))
            for n in sorted(set(facts.sources) - cited)]


def compare_page_dates(slug: str, paths: dict[str, Path], metas: dict[str, dict]) -> list[ContentError]:
    """Both editions change together, so they carry the same dates."""
    base = metas[LANGS[0]]
    return [ContentError(paths[lang], f"`{key}: {meta.get(key)}` differs from docs/{slug}.{LANGS[0]}.md (`{base.get(key)}`): "
                         "update both editions together and give them the same dates", 1)
            for lang, meta in metas.items() for key in ("published", "updated")
            if lang != LANGS[0] and meta.get(key) != base.get(key)]
