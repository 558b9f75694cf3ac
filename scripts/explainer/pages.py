"""Turns a page's Markdown into Markdown with its facts filled in, in the page's language.

Pages are Jinja templates: {{ fact("deal.value") }}, {{ cite(5, 13) }},
{{ quote("altman") }}… Markup for each component lives in
overrides/components/*.html, rendered with the theme's Jinja environment.
Jinja comments use {## ##} so that Markdown's {#id} heading attributes pass through.
"""
from __future__ import annotations

import hashlib
import re
from functools import cached_property, lru_cache
from pathlib import Path

import jinja2
from mkdocs.utils import get_relative_url

from . import cache, lang_prefix, page_language, page_path
from .citations import credits
from .calls import PAGE_CALLS, PAGE_VALUES, bad_call_message, parse_day
from .charts import chart_layout
from .data import Facts, load_facts, load_ui
from .errors import ContentError
from .format import date_text, listing, render
from .report import PLACEHOLDER as REPORT_PLACEHOLDER, channels_markup, corrections_email
from .source import PAGE_ENV, read_source, special_slugs, text_template
from .review import entry_dates
from .status import CONFIRMED, shared_status, status_label

def _block(html: str) -> str:
    """Component HTML as one Markdown HTML block: no indentation, no blank lines."""
    lines = [line.strip() for line in html.splitlines()]
    return "\n".join(line for line in lines if line)


_THEME_ENV: list = []   # [(theme, its Jinja environment, {component: its template})]: one per build, not one per page


def theme_env(theme) -> jinja2.Environment:
    """The theme's Jinja environment (components render in it), made once per
    theme object: MkDocs gives each build, and each `serve` rebuild, a new one."""
    if not _THEME_ENV or _THEME_ENV[0][0] is not theme:
        from .templates import use_reporting_templates
        _THEME_ENV[:] = [(theme, use_reporting_templates(theme.get_env()), {})]
    return _THEME_ENV[0][1]


def component_template(theme, name: str) -> jinja2.Template:
    """components/<name>.html, loaded once per build (the environment would check
    the file's date on every one of the page's hundreds of calls)."""
    env = theme_env(theme)
    loaded = _THEME_ENV[0][2]
    if name not in loaded:
        loaded[name] = env.get_template(f"components/{name}.html")
    return loaded[name]


class UIWords(dict):
    """A language's interface words; a missing one stops the build and says where
    to add it (a lenient lookup would print an empty title)."""

    def __init__(self, words: dict, lang: str):
        super().__init__(words)
        self.lang = lang

    def __missing__(self, key):
        from . import UI_FILE
        raise ContentError(UI_FILE, f"no interface word `{key}`: add `{key}` to data/ui.yml with its `{self.lang}:` text (and every other language's)")


class PageFunctions:
    """The functions a page template calls, bound to one page and language."""

    def __init__(self, page, config, facts: Facts):
        self.page = page
        self.lang = page_language(page)
        self.facts = facts
        self.t = UIWords(load_ui()[self.lang], self.lang)
        self.theme = config.theme
        self.site_url = config.site_url
        self.report_channels = channels_markup(self.lang, bool(config.repo_url), corrections_email(config))
        self.review_dates: list[str] = []   # filled by review_by() while the page renders
        self._covered: str | None = None      # while an event renders: its status, which its label says once
        self._covered_keys: list[str] = []

    # helpers ---------------------------------------------------------------
    def url(self, slug: str, anchor: str = "") -> str:
        """Relative URL from this page to page `slug` in the same language."""
        target = page_path(slug, self.lang)
        return get_relative_url(target or ".", self.page.url) + (f"#{anchor}" if anchor else "")

    def component(self, component: str, **ctx) -> str:
        template = component_template(self.theme, component)
        return template.render(lang=self.lang, t=self.t, fn=self, slugs=special_slugs(), **ctx)

    def text(self, key: str) -> str:
        return render(self.facts.facts[key], self.lang)

    def date(self, value) -> str:
        return date_text(value, self.lang)

    # called from pages -----------------------------------------------------
    def fact(self, key: str, mark: bool = True) -> str:
        """A figure from the data, in this page's language. One that is not confirmed
        comes in its markup with its status label after it; with `mark=False` the
        label comes later in the sentence, from label() (or the timeline event's)."""
        f = self.facts.facts.get(key)
        if f is None:
            raise ContentError(self.page.file.abs_src_path, f"unknown fact `{key}`: add it to data/facts.yml or fix the name")
        text = render(f, self.lang)
        if f.confirmed:
            return text
        if f.status == self._covered:   # said once by the enclosing event's label
            self._covered_keys.append(key)
            mark = False
        label = self.status_markup(f.status, [key]) if mark else ""
        return self.component("fact", key=key, text=text, status=f.status, label=label).strip()

    def label(self, *keys: str) -> str:
        """The status label of figures shown earlier in the sentence with mark=False,
        said once: `… {{ fact("a", mark=False) }} and {{ fact("b", mark=False) }} {{ label("a", "b") }}`."""
        path = self.page.file.abs_src_path
        unknown = [k for k in keys if k not in self.facts.facts]
        if not keys or unknown:
            raise ContentError(path, f"label() names {'no fact' if not keys else 'unknown fact `' + unknown[0] + '`'}: "
                               'give the facts it qualifies, e.g. {{ label("stargate.gw") }}')
        status = shared_status(self.facts.facts[k].status for k in keys)
        if status is None or status == CONFIRMED:
            raise ContentError(path, f"label({', '.join(map(repr, keys))}) must name figures that share one status other than confirmed; "
                               "give each status its own label()")
        return self.status_markup(status, list(keys))

    def status_markup(self, status: str, keys: list[str]) -> str:
        """The label for figures `keys` of `status` (components/status.html, words from explainer.status)."""
        return self.component("status", status=status, keys=keys, text=status_label(status, self.lang)).strip()

    def cite(self, *numbers: int) -> str:
        return self.component("cite", numbers=numbers).strip()

    def quote(self, qid: str) -> str:
        return _block(self.component("quote", qid=qid, q=self.facts.quotes[qid]))

    def claim(self, cid: str) -> str:
        claim = next(c for c in self.facts.claims if c["id"] == cid)
        self._pending([claim])
        return _block(self.component("claim", claim=claim))

    def key_figures(self) -> str:
        self._pending(self.facts.key_figures)
        return _block(self.component("cards", cards=self.facts.key_figures))

    def timeline(self) -> str:
        self._pending(self.facts.events)
        return _block(self.component("timeline", events=self.facts.events))

    def sources_list(self) -> str:
        return _block(self.component("sources", sources=self.facts.sources))

    def source_counts(self) -> dict:
        """How many sources there are, how many show no headline, no publication
        date, and which of those give the day we checked them instead: the sources
        page states these numbers, so they come from the data."""
        entries = self.facts.sources.values()
        return {"total": len(entries),
                "untitled": sum(1 for s in entries if not s.get("title")),
                "undated": sum(1 for s in entries if not s.get("date")),
                "checked": sum(1 for s in entries if not s.get("date") and s.get("checked"))}

    def chart(self, name: str) -> str:
        return _block(self.component("chart", c=chart_layout(self.facts, name, self.lang, self.t)))

    def updates_list(self) -> str:
        """The updates log from data (newest first): the same entries as the feeds."""
        return _block(self.component("updates", updates=self.facts.updates))

    def open_data(self) -> str:
        """Links to this language's figures.json and figures.csv, and the one line on reuse."""
        from .open_data import FILES, LICENCE

        files = [(name, get_relative_url(lang_prefix(self.lang) + name, self.page.url)) for name in FILES]
        return _block(self.component("open-data", files=files, licence=LICENCE))

    def review_by(self, day: str) -> str:
        """Marks the statement just before it as pending: it must be checked again
        by `day` (YYYY-MM-DD). Renders nothing here; scripts/review.py lists the
        overdue ones, and the dateline shows the page's earliest review date."""
        if parse_day(str(day)) is None:   # checked with its line before rendering; this is the backstop
            raise ContentError(self.page.file.abs_src_path, bad_call_message(day))
        self.review_dates.append(str(day))
        return ""

    def _pending(self, entries) -> None:
        """Data entries shown on this page that carry `review_by:` count as the page's statements."""
        for entry in entries:
            self.review_dates += entry_dates(entry)

    def local_difference(self, reason: str) -> str:
        """Declares, visibly, that this section deliberately differs between the editions."""
        return _block(self.component("local-difference", reason=reason))

    def render_text(self, template: str) -> str:
        """A text from the data file (event, claim update, summary) rendered for this page."""
        return text_template(template).render(**self._namespace)   # built once per page, not per text

    def kit(self, name: str) -> str:
        """A newsletter summary from data, with plain-text and HTML versions."""
        texts = self.facts.newsletter.get(name)
        if texts is None:
            raise ContentError(self.page.file.abs_src_path, f"unknown newsletter summary `{name}`; add it under `newsletter:` in data/facts.yml")
        self._pending([texts])
        text = self.render_text(texts[self.lang])
        link = self.site_url + lang_prefix(self.lang)
        sources_page = self.site_url + page_path(special_slugs()["sources"], self.lang)
        sources = credits(texts["sources"], self.facts, lambda n: f"{sources_page}#source-{n}")
        names = listing([name for _, name, _, _ in sources], self.lang)
        return _block(self.component("kit", name=name, text=text.strip(), link=link, sources=sources, source_names=names))

    def event(self, event) -> tuple[str, str]:
        """A timeline event's text, with its status label said once before its full
        stop (the event's own figures of that status carry none of their own), and
        that status ("" when confirmed)."""
        status = event.get("status") or ("unconfirmed" if event.get("confirmed") is False else CONFIRMED)
        self._covered, self._covered_keys = (status if status != CONFIRMED else None), []
        try:
            text = self.render_text(event[self.lang]).strip()
        finally:
            self._covered = None
        if status == CONFIRMED:
            return text, ""
        body, stop = (text[:-1], text[-1]) if text.endswith((".", "…")) else (text, "")
        return f"{body} {self.status_markup(status, self._covered_keys)}{stop}", status

    @cached_property
    def _namespace(self) -> dict:
        return self.namespace()

    def namespace(self) -> dict:
        """What a page may call: the PAGE_CALLS registry (explainer.calls), bound to this page;
        `report_url`, the prefilled new-issue link for this page (explainer.report);
        `report_channels`, every way this build offers to report an error, linked, for a sentence;
        and `sources_shown`, the counts the sources page states."""
        values = {"lang": self.lang, "report_url": REPORT_PLACEHOLDER, "report_channels": self.report_channels,
                  "sources_shown": self.source_counts()}
        assert tuple(values) == PAGE_VALUES, "explainer.calls.PAGE_VALUES lists what pages may use: keep the two in step"
        return {name: getattr(self, name) for name in PAGE_CALLS} | values


# Rendered pages, by everything a render reads (render_key): in memory (under
# `mkdocs serve`, a save renders only the page saved) and in .cache/render.
_RENDERED = cache.Recent()
# The inputs every page's render shares: the library's code, and the project's
# components and data. Any change to a file there renders every page again.
RENDER_INPUTS = ("overrides", "data", "mkdocs.yml")
LIBRARIES = ("jinja2", "markupsafe", "babel", "mkdocs", "mkdocs-material")


@lru_cache(maxsize=4)
def shared_inputs(site_url: str, repo_url: str, email: str) -> str:
    """A digest of what every page's render depends on besides its own source; made
    once per build (the pre-build hook forgets it: `shared_inputs.cache_clear()`)."""
    from .paths import ROOT

    files = []
    for top in (ROOT / name for name in RENDER_INPUTS):
        files += [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
    digest = hashlib.sha1()
    for part in [cache.library_digest(), site_url, repo_url, email, repr(special_slugs()), *(cache.package_version(n) for n in LIBRARIES)]:
        digest.update(part.encode("utf-8") + b"\0")
    for file in files:
        digest.update(file.relative_to(ROOT).as_posix().encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def render_key(markdown: str, page, config) -> str:
    shared = shared_inputs(config.site_url or "", config.repo_url or "", corrections_email(config))
    return cache.key_of(shared, page.url, page.file.src_uri, repr(sorted(page.meta.items())), markdown)


def render_page(markdown: str, page, config) -> str:
    """The page's Markdown with its calls rendered, from the source's one parse
    (explainer.source: the checks before the build read the same parse); taken
    from _RENDERED or .cache/render when nothing it reads has changed."""
    key = render_key(markdown, page, config)
    rendered = _RENDERED.get(key)
    if rendered is None:
        rendered = cache.kept(cache.folder("render"), key, lambda: _render_page(markdown, page, config))
    _RENDERED.keep(key, rendered)
    return rendered


def _render_page(markdown: str, page, config) -> str:
    facts = load_facts()
    path = Path(page.file.abs_src_path)
    source = read_source(path)
    if not source.parsed:   # the checks before the build refuse it with its line; this is the backstop
        raise ContentError.group(source.errors)
    # MkDocs strips the front matter itself; the text is the body we parsed unless
    # the file changed between the checks and this render (then parse it afresh).
    template = source.template() if source.body.strip() == markdown.strip() else PAGE_ENV.from_string(markdown)
    functions = PageFunctions(page, config, facts)
    try:
        body = template.render(**functions.namespace())
    except jinja2.UndefinedError as exc:
        raise ContentError(path, f"{exc.message}; pages can call " + ", ".join(f"{name}()" for name in PAGE_CALLS)) from None
    return add_dateline(body, functions, page.meta)


H1 = re.compile(r"^# .*$", re.M)


def add_dateline(markdown: str, fn: PageFunctions, meta: dict) -> str:
    """The page's dates as a line under its H1 (checks.py makes sure both exist),
    with the earliest review date of its pending statements when it has any."""
    review = min(fn.review_dates, default=None)
    dateline = _block(fn.component("dateline", published=meta["published"], updated=meta["updated"], review=review))
    return H1.sub(lambda m: m.group(0) + "\n\n" + dateline + "\n", markdown, count=1)
