"""MkDocs hook: fills each page's facts in, in the page's language (see explainer/pages.py)."""
import logging
import sys
from pathlib import Path

import _path
import _session
from jinja2 import pass_context


def _drop_page_prefix_of_content_errors(record: logging.LogRecord) -> bool:
    # A ContentError names its file and line; MkDocs' "Error reading page 'x.en.md':"
    # before it would say that twice. MkDocs logs that line while handling the
    # exception, so the exception in flight tells whose it is (by class name: under
    # `mkdocs serve` the library is imported afresh on each rebuild, class and all).
    error = sys.exc_info()[1]
    return not (type(error).__name__ == "ContentError" and record.getMessage().startswith(("Error reading page", "Error building page")))


logging.getLogger("mkdocs.commands.build").addFilter(_drop_page_prefix_of_content_errors)


def _library_version(config_file: str) -> tuple:
    """When the build library or the project's mkdocs.yml (which it reads on import) last changed."""
    files = [*Path(_path.SCRIPTS, "explainer").rglob("*.py"), Path(config_file)]
    return tuple(sorted((str(f), f.stat().st_mtime_ns) for f in files if f.exists()))


def on_config(config):
    _path.ensure()
    _path.use_project(config.config_file_path)
    # `mkdocs serve` watches scripts/ too: when the library or mkdocs.yml changed,
    # forget the library so that the rebuild runs the code as it is now. Otherwise
    # keep it, with what it has read: page sources and data files are cached by
    # their own dates, so only what was saved is read again.
    if _session.serving:
        version = _library_version(config.config_file_path)
        if version != _session.library_version:
            for name in [n for n in sys.modules if n == "explainer" or n.startswith("explainer.")]:
                del sys.modules[name]
            _session.library_version = version
    return config


def on_env(env, config, files):
    from explainer import DEFAULT_LANG, LANGS, lang_prefix
    from explainer.templates import use_reporting_templates
    from explainer.data import load_facts, load_ui
    from explainer.format import render
    from explainer.report import corrections_email, page_issue_url, page_mail_url

    # What the templates in overrides/ know: interface words, the languages, the
    # source article (JSON-LD `isBasedOn`) and the share card's figure.
    use_reporting_templates(env)   # a template's error names its file and line (explainer.templates)
    env.globals["site_strings"] = load_ui()
    env.globals["default_lang"] = DEFAULT_LANG
    env.globals["site_languages"] = LANGS
    env.globals["lang_prefix"] = lang_prefix
    facts = load_facts()
    env.globals["site_source_article"] = facts.article
    # What the share card shows besides the title (explainer/cards.py), for its alt text.
    env.globals["site_card_figure"] = {code: f"{facts.card['label'][code]} {render(facts.facts[facts.card['fact']], code)}" for code in LANGS}
    env.globals["report_issue_url"] = page_issue_url   # overrides/partials/comments.html
    env.globals["report_mail_url"] = page_mail_url
    env.globals["corrections_email"] = corrections_email
    env.globals["page_lang"] = page_lang
    # The logo drawn inline (partials/logo.html): as an <img> of the favicon's file,
    # browsers fetch that file twice, once for the tab and once for the image.
    logo = config.theme["logo"] if "logo" in config.theme else None  # the benchmark's stock build has none
    env.globals["site_logo_svg"] = (Path(config.docs_dir) / logo).read_text(encoding="utf-8").strip() if logo else ""
    return env


@pass_context
def page_lang(context) -> str:
    """The language of the page being rendered (its file's suffix), else the
    language being built (pages without a file: 404): `{%- set here = page_lang() -%}`."""
    from explainer import page_language

    page = context.get("page")
    if getattr(page, "file", None) is None:
        return page_language(page, context["config"].theme["language"])
    return page_language(page)


def on_pre_page(page, config, files):
    from explainer import converted

    # MkDocs converts the page's Markdown with page.render(config, files): this
    # one keeps each conversion by its inputs (explainer/converted.py).
    page.render = lambda config, files: converted.render(page, config, files)
    return page


def on_page_markdown(markdown, page, config, files):
    from explainer.pages import render_page

    # The sitemap's <lastmod> is the page's own `updated:` date, not the build's.
    if page.meta.get("updated"):
        page.update_date = str(page.meta["updated"])
    return render_page(markdown, page, config)


def on_page_content(html, page, config, files):
    from html import escape

    from explainer.report import MAIL_PLACEHOLDER, PLACEHOLDER, page_issue_url, page_mail_url

    # A page's {{ report_channels }} (sources/, updates/) links the prefilled new
    # issue and e-mail, now that the page's sections are known.
    if PLACEHOLDER in html:
        html = html.replace(PLACEHOLDER, escape(page_issue_url(page, config)))
    if MAIL_PLACEHOLDER in html:
        html = html.replace(MAIL_PLACEHOLDER, escape(page_mail_url(page, config)))
    return html


def on_post_page(output, page, config):
    from explainer.theme import tidy_toggles

    # Material's unused search checkbox out, the drawer's without autocomplete (explainer/theme.py).
    return tidy_toggles(output, page.file.src_uri if page.file else "a page")
