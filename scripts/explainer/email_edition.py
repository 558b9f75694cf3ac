"""The email edition: newsletter/email.html and .txt, per language, and its chart PNGs.

Newsletter editors paste into Substack, Mailchimp, Buttondown or Outlook, where
SVG, <style> and web fonts do not survive, Gmail clips past 102 KB and Outlook
lays out with Word. So the HTML edition is tables at most 600 px wide with every
style inlined (css-inline, from the template's own <style>, which is then
dropped), absolute links and images, a PNG of one chart, and colours that read
in dark-mode clients (no pure white to invert); the plain-text edition wraps at
72 characters and lists its links at the end, numbered.

Everything comes from the site's data, rendered as pages are (the same Jinja
syntax and fact formatting, with the same status words): the `email:` section
of data/facts.yml (headline, key points, chart, sections, credit), the
key-figure cards, the newsletter summary, the newsletter page's `updated:`
date, and the chart as drawn on the built pages (explainer.chart_png).

A step of explainer.pipeline, after MkDocs: it also fills the newsletter page's
copy sources and chart download list, which the page leaves empty.
"""
from __future__ import annotations

import html as html_lib
import logging
import re
import textwrap
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import DATA_FILE, DOCS, LANGS, cache, lang_prefix, page_path
from .source import special_slugs
from .chart_png import ChartImage, write_chart_pngs
from .data import ARTICLE, Facts, load_ui
from .errors import ContentError
from .format import date_text, render
from .citations import credits
from .source import text_template
from .palette import palette
from .status import CONFIRMED, shared_status, status_label

log = logging.getLogger("mkdocs.explainer")

# Beside this module, not in overrides/: MkDocs would publish the .txt template
# there as a static file of the theme.
TEMPLATES = Path(__file__).parent / "templates"
SIZE_BUDGET = 60 * 1024          # bytes; Gmail clips at 102 KB
TEXT_WIDTH = 72
# Where the newsletter page (docs/newsletter.*.md) leaves room for what only exists after the build.
SLOT_HTML = '<code id="email-html-source"></code>'
SLOT_TEXT = '<code id="email-text-source"></code>'
SLOT_CHARTS = '<ul class="email-kit__charts" id="email-charts"></ul>'
# In the plain text a figure and its status word stay on one line ("US$38 billion
# (interpretation)"): their spaces are this character until the lines are wrapped.
KEEP_TOGETHER = "\x01"


class EmailText:
    """Renders data texts for one language as pages do (the pages' Jinja syntax,
    the same fact formatting and status words), for HTML or for plain text."""

    def __init__(self, facts: Facts, lang: str, html: bool):
        self.facts, self.lang, self.html = facts, lang, html
        self.t = load_ui()[lang]
        self._marks: list[Markup] = []

    def fact(self, key: str, mark: bool = True) -> str:
        f = self.facts.facts[key]
        text = render(f, self.lang)
        if f.confirmed or not mark:
            return text if self.html else text.replace(" ", KEEP_TOGETHER)
        tag = status_label(f.status, self.lang)
        if not self.html:
            return f"{text} {tag}".replace(" ", KEEP_TOGETHER)
        return f"{text} {self._status_markup(tag)}"

    def label(self, *keys: str) -> str:
        """The status label said once for figures shown with mark=False (as on pages)."""
        status = shared_status(self.facts.facts[k].status for k in keys) or CONFIRMED
        tag = status_label(status, self.lang)
        if not self.html or not tag:
            return tag
        return self._status_markup(tag)

    def _status_markup(self, tag: str) -> str:
        """A placeholder for the label's markup, so that the whole text can be escaped before the markup goes in."""
        self._marks.append(Markup('<em style="color:{};font-style:italic;">{}</em>').format(palette()["warn"], tag))
        return f"\x00{len(self._marks) - 1}\x00"

    def __call__(self, template: str) -> str:
        text = text_template(template).render(fact=self.fact, label=self.label, lang=self.lang).strip()
        if not self.html:
            return text
        return Markup(re.sub(r"\x00(\d+)\x00", lambda m: self._marks[int(m.group(1))], str(escape(text))))

    def value(self, key: str) -> str:
        """One fact on its own (a key-figure card), with its status."""
        return self("{{ fact(%r) }}" % key)


class LinkList:
    """Plain-text links: each URL gets a number, [n] in the text, listed at the end."""

    def __init__(self):
        self.urls: list[str] = []

    def __call__(self, url: str) -> str:
        if url not in self.urls:
            self.urls.append(url)
        return f"[{self.urls.index(url) + 1}]"


def wrap_text(text: str, width: int = TEXT_WIDTH) -> str:
    """Every line at most `width` characters; "- " and "* " items get a hanging indent.
    Words are never broken (a URL longer than the line keeps its own line)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line.rstrip())
            continue
        bullet = re.match(r"^(\s*(?:[-*]|\[\d+\])\s+)", line)
        indent = " " * len(bullet.group(1)) if bullet else ""
        out += textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    return "\n".join(out)


def _template_env() -> jinja2.Environment:
    """The email's templates, compiled once ever (Jinja's bytecode cache, by their text)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=jinja2.select_autoescape(["html"]),
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                              bytecode_cache=cache.bytecode_cache())


def edition_context(lang: str, html: bool, facts: Facts, section: dict, site_url: str, site_names: dict, pages, chart: ChartImage) -> dict:
    t = load_ui()[lang]
    text = EmailText(facts, lang, html)
    prefix = site_url + page_path("", lang)
    slugs = special_slugs()
    newsletter_source = DOCS / f"{slugs['newsletter'] or 'index'}.{lang}.md"
    from .source import read_source
    meta = read_source(newsletter_source).meta
    if "updated" not in meta:
        raise ContentError(newsletter_source, "front matter needs `updated:` (YYYY-MM-DD): the email edition's dateline", 1)
    sources_page = site_url + page_path(slugs["sources"], lang)

    def entry(n: int) -> str:
        return f"{sources_page}#source-{n}"

    titles = {(p.slug, p.lang): p for p in pages}
    sections = []
    for slug in section["links"]:
        page = titles.get((slug, lang))
        if page is None:
            raise ContentError(DATA_FILE, f"`email: links:` names page `{slug}`, which was not built in `{lang}`")
        sections.append({"title": page.title, "description": page.description, "url": site_url + page_path(slug, lang)})
    cards = []
    for card in facts.key_figures:
        detail = ""
        if card.get("detail"):
            label = card["detail_label"][lang] + " " if card.get("detail_label") else ""
            detail = (escape(label) if html else label) + text.value(card["detail"])
        cards.append({"label": card["label"][lang], "value": text.value(card["fact"]), "detail": detail,
                      # A figure cites one of its own sources (explainer.citations): here by outlet.
                      "sources": credits(facts.facts[card["fact"]].sources[:2], facts, entry)})
    article = facts.article
    return {
        "lang": lang, "t": t, "site_name": site_names[lang],
        "c": palette(),   # the colours (explainer.palette)
        "headline": text(section["headline"][lang]),
        # What inboxes show after the subject: the one-line newsletter summary, as plain text.
        "preheader": EmailText(facts, lang, False)(facts.newsletter["one-line"][lang]).replace(KEEP_TOGETHER, " ") if "one-line" in facts.newsletter else "",
        "dateline": f"{t['dateline.updated']} {date_text(str(meta['updated']), lang)}",
        "updated_iso": str(meta["updated"]),
        # Each point names the outlets its figures rest on (its `sources:`), linked to their entries.
        "points": [{"text": text(p[lang]), "sources": credits(p["sources"], facts, entry)} for p in section["points"]],
        "cards": cards,
        "chart": {"src": site_url + chart.url_path, "width": chart.width // 2, "height": round(chart.height / 2),
                  "alt": t["email.chart_alt"].format(title=chart.title, description=chart.description),
                  "title": chart.title, "link": f"{site_url}{chart.page_url}#chart-{chart.name}",
                  # What the image leaves out, as text under it: the caption's caveats and each bar's note.
                  "note": chart.layout.note, "as_of": chart.layout.as_of,
                  "notes": [(r.label, r.note or "; ".join(f"{s.label}: {s.text}" for s in r.segments))
                            for r in chart.layout.rows]},
        "home": prefix,
        "online": site_url + page_path(slugs["newsletter"], lang) + "email.html",
        "sections": sections,
        "credit": text(section["credit"][lang]),
        "article_url": article["url"],
        # The plain text keeps lines within 72 characters: the article through its entry on the sources page.
        "article_entry_url": site_url + page_path(slugs["sources"], lang) + f"#source-{ARTICLE}",
        "sources_url": site_url + page_path(slugs["sources"], lang),
        "footer": t["email.footer"].format(date=date_text(str(facts.facts["review.date"].value), lang)),
    }


def render_html(ctx: dict) -> str:
    return inline_styles(_template_env().get_template("email.html").render(**ctx))


def inline_styles(page: str) -> str:
    """The page with its styles moved into style="" attributes, as mail clients
    need; kept in .cache/email by the page's text and this module's code, so a
    build whose edition did not change does not load the inliner at all."""
    key = cache.key_of(cache.code_digest(__file__), cache.package_version("css-inline"), page)
    return cache.kept(cache.folder("email"), key, lambda: _inline(page))


def _inline(page: str) -> str:
    import css_inline

    inlined = css_inline.inline(page, keep_style_tags=False, keep_link_tags=False, load_remote_stylesheets=False)
    # css-inline leaves class attributes behind; mail clients ignore them, so drop the weight.
    inlined = re.sub(r'\s+class="[^"]*"', "", inlined)
    return inlined if inlined.lstrip().lower().startswith("<!doctype") else "<!DOCTYPE html>\n" + inlined


def render_text(ctx: dict) -> str:
    links = LinkList()
    body = _template_env().get_template("email.txt").render(**ctx, link=links)
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    listed = "\n".join(f"[{i}] {url}" for i, url in enumerate(links.urls, 1))
    return wrap_text(body + f"\n{ctx['t']['email.links']}:\n{listed}\n").replace(KEEP_TOGETHER, " ")


def fill_newsletter_page(site, lang: str, html: str, text: str, charts: list[ChartImage]) -> None:
    """The newsletter page's copy sources (the edition itself) and chart download links."""
    slug = special_slugs()["newsletter"]
    path = site.root / page_path(slug, lang) / "index.html"
    source = DOCS / f"{slug or 'index'}.{lang}.md"
    if not path.exists():
        raise ContentError(source, "the newsletter page was not built; the email edition needs it")
    page = site.text(path)
    up = "../" * page_path(slug, lang).count("/")  # from the page's folder to the site root
    items = "".join(
        f'<li><a href="{up}{c.url_path}" download="{c.name}-{lang}.png">{escape(c.title)}</a>'
        f' <span class="email-kit__size">(PNG, {c.width}×{c.height})</span></li>'
        for c in charts if c.lang == lang)
    for slot, content in ((SLOT_HTML, SLOT_HTML.replace("></", f">{html_lib.escape(html, quote=False)}</")),
                          (SLOT_TEXT, SLOT_TEXT.replace("></", f">{html_lib.escape(text, quote=False)}</")),
                          (SLOT_CHARTS, SLOT_CHARTS.replace("></", f">{items}</"))):
        if slot not in page:
            raise ContentError(source, f"the section {{#email}} needs `{slot}`: the build puts the email edition and chart downloads there")
        page = page.replace(slot, content, 1)
    site.edit(path, page)


def write_email_editions(site, facts: Facts) -> list[Path]:
    """Chart PNGs, then per language newsletter/email.html and email.txt; fills the
    newsletter page. `site` is the explainer.site.BuiltSite being finished."""
    section = facts.email   # validated by explainer.schema.Email; its references by explainer.checks
    site_url, site_names, pages = site.site_url, site.names, site.pages

    def chart_footer(name: str, lang: str) -> str:
        t = load_ui()[lang]
        as_of = t["chart.as_of"].format(date=date_text(str(facts.charts[name]["as_of"]), lang))
        return t["email.chart_footer"].format(as_of=as_of, site=site_names[lang], url=site_url + lang_prefix(lang))

    charts, drawn = write_chart_pngs(site.root, pages, chart_footer, facts)
    log.info("chart PNGs: %d drawn, %d from cache", drawn, len(charts) - drawn)
    written = []
    for lang in LANGS:
        chart = next((c for c in charts if c.lang == lang and c.name == section["chart"]), None)
        if chart is None:
            raise ContentError(DATA_FILE, f"`email: chart:` is `{section['chart']}`, but no {lang} page shows that chart; add {{{{ chart(\"{section['chart']}\") }}}} to a page or pick another")
        html = render_html(edition_context(lang, True, facts, section, site_url, site_names, pages, chart))
        text = render_text(edition_context(lang, False, facts, section, site_url, site_names, pages, chart))
        size = len(html.encode("utf-8"))
        if size > SIZE_BUDGET:
            raise ContentError(TEMPLATES / "email.html", f"the {lang} email edition is {size // 1024} KB; keep it under {SIZE_BUDGET // 1024} KB (Gmail clips at 102 KB): shorten the points or the sections listed under `email:`")
        folder = site.root / page_path(special_slugs()["newsletter"], lang)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "email.html").write_text(html, encoding="utf-8")
        (folder / "email.txt").write_text(text, encoding="utf-8")
        written += [folder / "email.html", folder / "email.txt"]
        fill_newsletter_page(site, lang, html, text, charts)
    return written
