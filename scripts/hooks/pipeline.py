"""MkDocs hook: the source checks before anything is written, and the outputs beside
the pages (share cards, feeds, email edition) once every language is built.

So `mkdocs build` and `mkdocs serve` refuse bad input as scripts/build.py does:
one line per problem, file:line, no traceback (explainer.checks.check_sources).
"""
from pathlib import Path

import _path
from mkdocs.plugins import event_priority


def _inner_build(config) -> bool:
    """True while mkdocs-static-i18n builds the other languages (it runs MkDocs'
    build again per language): the checks and the outputs run once, in the outer build."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def on_config(config):
    # Never link mkdocs.yml's placeholder repository, under plain `mkdocs build` or
    # `serve` either: git's origin when it is on GitHub, else none (build.py does
    # the same before MkDocs, and says which).
    from explainer.repository import is_placeholder, resolve_repo_url

    if is_placeholder(config.repo_url):
        config.repo_url = resolve_repo_url(None, config.repo_url)[0]
        if not config.repo_url:
            config.edit_uri = None   # derived from the placeholder; nothing to edit it in
    return config


def on_pre_build(config):
    if _inner_build(config):
        return
    from explainer.checks import check_sources
    from explainer.errors import ContentError

    errors = check_sources()
    if errors:
        raise ContentError.group(errors)


@event_priority(-200)   # after the i18n plugin's (-100), which builds the other languages
def on_post_build(config):
    if _inner_build(config):
        return
    from explainer.outputs import site_names, write_outputs

    write_outputs(Path(config.site_dir), config.site_url, site_names(config))
