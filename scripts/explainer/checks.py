"""Checks on the sources, run before MkDocs writes anything (scripts/hooks/pipeline.py).

Each returns a list of ContentError, so one run reports every problem at once.
Page sources are read and parsed once (explainer.source); the data texts once
(explainer.source.parse_text); every check below works on those.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import DOCS, LANGS, NAV_SLUGS, ROOT
from .calls import PARITY, call_args, call_date, check_references, describe
from .citations import check_block_citations, check_text_citations
from .data import Facts
from .errors import ContentError
from .source import Call, PageSource, parse_text, read_source

DESCRIPTION_LENGTH = (50, 160)
TITLE_LENGTH = 60


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


def _first_edition(by_lang: dict[str, Path]) -> Path:
    """The page in the first language the site has it in (the default, usually)."""
    return next((by_lang[lang] for lang in LANGS if lang in by_lang), next(iter(by_lang.values())))


def check_nav(pages: dict[str, dict[str, Path]], nav: list[str] = NAV_SLUGS) -> list[ContentError]:
    """Every page is in the nav of mkdocs.yml (the one list of pages, in reading
    order), and every nav entry is a page."""
    slug_of = {("" if slug == "index" else slug): slug for slug in pages}
    errors = [ContentError(_first_edition(pages[slug]), f"is not in the nav: add `{slug}.md` to `nav:` in mkdocs.yml "
                           "(the one list of pages, in reading order), or remove the page")
              for key, slug in slug_of.items() if key not in nav and "?" not in pages[slug]]
    errors += [ContentError(ROOT / "mkdocs.yml", f"`nav:` lists `{entry or 'index'}.md`, which is no page: write "
                            f"docs/{entry or 'index'}.{LANGS[0]}.md (and its twins) or remove the entry")
               for entry in nav if entry not in slug_of]
    return errors


def check_headings(source: PageSource) -> list[ContentError]:
    """Every # to ### heading has an id (the same in every edition); the title is short."""
    errors = []
    for heading in source.headings:
        if heading.level > 3:
            continue
        if heading.id is None:
            errors.append(ContentError(source.path, f"heading `{'#' * heading.level} {heading.text}` has no id: end it with {{#some-id}}, "
                                                    "the same id as in the other language", heading.line))
        elif heading.level == 1 and len(heading.text) > TITLE_LENGTH:
            errors.append(ContentError(source.path, f"the title is {len(heading.text)} characters; keep it to {TITLE_LENGTH} or fewer "
                                                    "(search results and share cards cut it)", heading.line))
    return errors


def heading_ids(source: PageSource) -> list[tuple[int, str]]:
    return [(h.level, h.id) for h in source.headings if h.level <= 3 and h.id]


def check_captions(source: PageSource) -> list[ContentError]:
    """A Markdown table is followed by its caption, `Table: …` (Pandoc's convention),
    in the page's language: what a screen reader's list of tables shows."""
    errors, blocks = [], source.blocks
    for i, block in enumerate(blocks):
        if block.kind != "row" or (i and blocks[i - 1].kind == "row"):
            continue
        end = i
        while end + 1 < len(blocks) and blocks[end + 1].kind == "row":
            end += 1
        if end + 1 >= len(blocks) or blocks[end + 1].kind != "caption":
            errors.append(ContentError(source.path, "a table has no caption: add a line `Table: …` after it (after a blank line), "
                                                    "naming the table in the page's language", block.start))
    return errors


def _rel(path: Path) -> str:
    """docs/x.en.md: a file as the error messages name it."""
    return ContentError(path, "").where().rstrip(": ")


def _where(path: Path, line: int) -> str:
    return f"{_rel(path)}:{line}"


def section_calls(source: PageSource) -> dict[str, dict]:
    """{heading id: {"line", "calls": [(name, args, line)], "local": bool, "reviews": [(date, line)]}}, in page order."""
    sections: dict[str, dict] = {"": {"line": source.first, "calls": [], "local": False, "reviews": []}}
    for block in source.blocks:
        current = sections.setdefault(block.section, {"line": block.start, "calls": [], "local": False, "reviews": []})
        for call in block.calls:
            if call.name in PARITY:
                current["calls"].append((call.name, call_args(call), call.line))
            elif call.name == "local_difference":
                current["local"] = True
            elif call.name == "review_by" and call_date(call.first):   # a bad date is reported as such, not compared
                current["reviews"].append((str(call_date(call.first)), call.line))
    return sections


def compare_calls(sources: dict[str, PageSource]) -> list[ContentError]:
    """The parity guard: each section makes the same fact, label, cite, quote, claim
    and chart calls in the same order in every language, unless both editions
    declare the difference with local_difference("why")."""
    errors = []
    base_lang = LANGS[0]
    base = section_calls(sources[base_lang])
    for lang in LANGS[1:]:
        other = section_calls(sources[lang])
        for sid, mine in other.items():
            theirs = base.get(sid)
            if theirs is None:
                continue
            errors += compare_reviews(sid, (sources[lang].path, mine), (sources[base_lang].path, theirs))
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
            errors.append(ContentError(None, f"{_where(sources[lang].path, line_here)} {where} {here}; {_where(sources[base_lang].path, line_there)} {where} {there}. "
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


def data_texts(facts: Facts) -> list[tuple[str, dict, list[int] | None]]:
    """(what, its texts by language, the sources it cites) for every text kept per
    language in data/facts.yml: events, claims' updates, newsletter summaries, the
    email edition's headline, points and credit."""
    items = [(f"event of {e['date']}", e, e["sources"]) for e in facts.events]
    items += [(f"claim `{c['id']}` (later)", c["later"], c["later"]["sources"]) for c in facts.claims if c.get("later")]
    items += [(f"newsletter summary `{name}`", texts, texts.get("sources")) for name, texts in facts.newsletter.items()]
    email = facts.email or {}
    if email:
        items += [("`email:` headline", email["headline"], None), ("`email:` credit", email["credit"], None)]
        items += [(f"`email:` point {i}", point, point.get("sources")) for i, point in enumerate(email["points"], 1)]
    return items


def check_data_texts(facts: Facts) -> list[ContentError]:
    """Each data text, parsed once per language: its calls name what exists, every
    language says the same facts (in any order: a sentence's word order is the
    language's business), and its figures are cited by its own sources."""
    errors = []
    for what, item, cited in data_texts(facts):
        line = getattr(item, "line", None)
        parsed: dict[str, list[Call]] = {}
        for lang in LANGS:
            calls, problems = parse_text(item[lang], facts.path, line)
            errors += problems + check_references(calls, facts.path, facts)
            parsed[lang] = calls
            errors += check_text_citations(what, calls, cited, facts, facts.path, line, status=_event_status(item))
        seqs = {lang: sorted((c.name, call_args(c)) for c in calls if c.name in PARITY) for lang, calls in parsed.items()}
        for lang in LANGS[1:]:
            if seqs[lang] != seqs[LANGS[0]]:
                errors.append(ContentError(facts.path, f"{what}: `{lang}:` {', '.join(describe(*c) for c in seqs[lang]) or 'uses no fact'}, "
                                           f"but `{LANGS[0]}:` {', '.join(describe(*c) for c in seqs[LANGS[0]]) or 'uses no fact'}; every language must say the same facts",
                                           line))
    return errors


def _event_status(item) -> str | None:
    """The status an event's own label says once (explainer.pages.PageFunctions.event)."""
    if "date" in item and ("status" in item or item.get("confirmed") is False):
        return item.get("status") or "unconfirmed"
    return None


def compare_headings(slug: str, sources: dict[str, PageSource]) -> list[ContentError]:
    errors = []
    base_lang = LANGS[0]
    base = heading_ids(sources[base_lang])
    for lang in LANGS[1:]:
        other = heading_ids(sources[lang])
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
            detail.append(f"heading {diff + 1} is {'#' * other[diff][0]} #{other[diff][1]} here but {'#' * base[diff][0]} #{base[diff][1]} there (same order and levels in both)")
        errors.append(ContentError(sources[lang].path, f"heading ids differ from docs/{slug}.{base_lang}.md ({len(other)} vs {len(base)} headings): " + "; ".join(detail)))
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


def check_page(source: PageSource, facts: Facts) -> list[ContentError]:
    errors = list(source.errors) + check_dates(source.path, source.meta)
    desc = source.meta.get("description")
    low, high = DESCRIPTION_LENGTH
    if not isinstance(desc, str) or not desc.strip():
        errors.append(ContentError(source.path, "no `description:` in the front matter: add one sentence (50–160 characters) for search engines and link previews", 1))
    elif not low <= len(desc) <= high:
        errors.append(ContentError(source.path, f"`description:` is {len(desc)} characters; write {low}–{high}", 1))
    errors += check_headings(source)
    errors += check_captions(source)
    references = check_references(source.calls, source.path, facts)
    errors += references
    if not references:   # the citation rule reads the facts the calls name: only once they all exist
        errors += [e for block in source.blocks for e in check_block_citations(block, facts, source.path)]
    return errors


def check_docs(facts: Facts, docs: Path = DOCS) -> list[ContentError]:
    """All source checks on the pages: twins, nav, descriptions, headings, captions,
    references to the data, parity, citations, the updates log's links."""
    pages = page_files(docs)
    errors = check_pairs(pages) + check_nav(pages)
    parsed: dict[str, dict[str, PageSource]] = {}
    for slug, paths in pages.items():
        if "?" in paths:
            continue
        sources = parsed[slug] = {lang: read_source(path) for lang, path in paths.items()}
        for source in sources.values():
            errors += check_page(source, facts)
        if all(lang in sources and sources[lang].parsed for lang in LANGS):
            errors += compare_headings(slug, sources)
            errors += compare_page_dates(slug, sources)
            errors += compare_calls(sources)
    errors += check_data_texts(facts) + check_sources_cited(facts, parsed) + check_update_links(facts, parsed) + check_email_links(facts)
    return list({str(e): e for e in errors}.values())   # a data text's problem is found once per language: say it once


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
        pages = page_files(docs)
        return check_pairs(pages) + check_nav(pages) + data_errors
    return check_docs(facts, docs) + data_errors


def check_chart_words(facts: Facts, ui: dict) -> list[ContentError]:
    """Each chart's title and note are interface words (data/ui.yml), in every language."""
    from . import UI_FILE

    keys = [f"chart.{name}.{part}" for name in facts.charts for part in ("title", "note")]
    return [ContentError(UI_FILE, f"no interface word `{key}`: add `{key}` to data/ui.yml with its text in every language ({', '.join(LANGS)})")
            for key in keys if key not in ui[LANGS[0]]]


def check_email_links(facts: Facts) -> list[ContentError]:
    """The email edition links pages of the nav, and draws a chart that exists."""
    email = facts.email
    if not email:
        return []
    line = getattr(email, "line", None)
    errors = [ContentError(facts.path, f"`email: links:` names page `{slug}`, which is not in the nav of mkdocs.yml", line)
              for slug in email["links"] if slug not in NAV_SLUGS]
    if email["chart"] not in facts.charts:
        errors.append(ContentError(facts.path, f"`email: chart:` names `{email['chart']}`, which is not under `charts:`", line))
    return errors


def check_update_links(facts: Facts, parsed: dict[str, dict[str, PageSource]]) -> list[ContentError]:
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
            editions = parsed.get(slug)
            if not editions:
                errors.append(ContentError(facts.path, f"{what}, which is no page: write <page>#<section id>, e.g. since#bedrock, "
                                           f"with a page of docs/ ({', '.join(sorted(parsed))}), or \"\" for the home page", change.line))
                continue
            if anchor:
                for lang in LANGS:
                    source = editions.get(lang)
                    ids = [i for _, i in heading_ids(source)] if source else []
                    if source and anchor not in ids:
                        errors.append(ContentError(facts.path, f"{what}, but {_rel(source.path)} has no heading {{#{anchor}}}: "
                                                   f"link one of its sections ({', '.join('#' + i for i in ids)})", change.line))
                        break
            stale = [(source.path, source.meta.get("updated")) for lang, source in sorted(editions.items(), key=lambda kv: LANGS.index(kv[0]) if kv[0] in LANGS else 99)
                     if isinstance(source.meta.get("updated"), dt.date) and source.meta["updated"] < day]
            if stale:
                files = " and ".join(_rel(path) for path, _ in stale)
                errors.append(ContentError(facts.path, f"{what} on {day}, but page `{slug}` says `updated: {stale[0][1]}` in {files}: "
                                           f"set `updated: {day}` (or later) in the front matter of every edition of the page", change.line))
    return errors


def check_sources_cited(facts: Facts, parsed: dict[str, dict[str, PageSource]]) -> list[ContentError]:
    """The sources page lists what the site cites: an entry nothing cites is an error.
    (What readers see is checked again on the built pages: explainer.citations.check_shown_sources.)"""
    cited: set[int] = set()
    for fact in facts.facts.values():
        cited |= set(fact.sources)
    for quote in facts.quotes.values():
        cited |= {quote["source"], *quote.get("also", [])} | ({quote["published_es"]["source"]} if quote.get("published_es") else set())
    for item in [*facts.claims, *[c["later"] for c in facts.claims if c.get("later")], *facts.events]:
        cited |= set(item["sources"])
    for sources in parsed.values():
        for source in sources.values():
            for call in source.named("cite"):
                cited |= {n for n in call.args if isinstance(n, int)}
    return [ContentError(facts.path, f"source {n} is cited nowhere: cite it where it supports a statement, or remove it (its number is not reused)",
                         getattr(facts.sources[n], "line", None))
            for n in sorted(set(facts.sources) - cited)]


def compare_page_dates(slug: str, sources: dict[str, PageSource]) -> list[ContentError]:
    """Both editions change together, so they carry the same dates."""
    base = sources[LANGS[0]].meta
    return [ContentError(source.path, f"`{key}: {source.meta.get(key)}` differs from docs/{slug}.{LANGS[0]}.md (`{base.get(key)}`): "
                         "update both editions together and give them the same dates", 1)
            for lang, source in sources.items() for key in ("published", "updated")
            if lang != LANGS[0] and source.meta.get(key) != base.get(key)]
