"""MkDocs hook: the source checks before anything is written, and the post-build
steps (explainer.pipeline.STEPS) once every language is built: the same under
scripts/build.py, plain `mkdocs build` and `mkdocs serve`.

Strictness is ours, not MkDocs' `strict:` (mkdocs.yml leaves it off): every
warning MkDocs logs while building (a broken link, a missing anchor) is a
problem, listed with the checks' and the steps' own; `mkdocs build` and
scripts/build.py then stop with every problem on its own line and write nothing
(build.py keeps the previous site). Under `mkdocs serve` the same problems are
shown in the browser instead (explainer.serve), so a rebuild never aborts and
the preview never hangs: MkDocs' own strict mode counted the server's request
log too (a 404 for an old bookmark aborted the rebuild, MkDocs issue 2557).
"""
import logging
from pathlib import Path

import _path
import _session
from mkdocs.plugins import event_priority

# One build's state (MkDocs loads this file afresh for every build; see _session).
_state = {"depth": 0, "pages": [], "warnings": None}


class _Warnings(logging.Handler):
    """MkDocs' warnings during one build, but for the preview server's request log."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        if not record.name.startswith("mkdocs.livereload"):
            self.messages.append(record.getMessage())


def _warning_problems(messages: list[str]) -> list[str]:
    import re
    # "Doc file 'terms.es.md' contains a link …" → "docs/terms.es.md: contains a link …"
    return list(dict.fromkeys(re.sub(r"^Doc file '([^']+)'\s*", r"docs/\1: ", m) for m in messages))


def on_startup(command, dirty):
    _session.serving = command == "serve"


def _problems(exc: BaseException) -> list[str]:
    """What stopped a build, one problem per line: our checks' and steps' errors, else the exception."""
    from explainer.errors import ContentError

    found = ContentError.behind(exc)
    return [str(e) for e in found.errors] if found else [f"{type(exc).__name__}: {exc}"]


# How often the preview looks for saved files. MkDocs polls every 0.5 s: a save
# waited a quarter of a second on average before the rebuild even began.
POLL_SECONDS = 0.1


def poll_faster(observer, seconds: float = POLL_SECONDS) -> None:
    """Make MkDocs' polling watcher (watchdog's PollingObserver, pinned in
    requirements.txt) look every `seconds`: the paths it already watches (docs/,
    mkdocs.yml) and those scheduled after the serve hook (`watch:`). watchdog sets
    the interval only when an observer is made, and MkDocs makes it; a test pins
    that these two attributes still are the interval (tests/test_serve.py)."""
    observer._timeout = seconds
    for emitter in observer.emitters:
        emitter._timeout = seconds


def on_serve(server, config, builder):
    """Every rebuild ends with a site to serve: a failed one serves its problems.
    And the watcher notices a save within POLL_SECONDS."""
    poll_faster(server.observer)

    def build_or_show_problems(config=None):
        try:
            builder(config)
        except Exception as exc:   # noqa: BLE001 — whatever stopped it, the writer reads it in the browser
            from explainer.serve import write_problems_site

            write_problems_site(Path(server.root), _problems(exc))
            logging.getLogger("mkdocs.explainer").info("The preview shows these problems at every page's address")
    server.builder = build_or_show_problems
    return server


def _reset():
    handler = _state["warnings"]
    if handler is not None:
        logging.getLogger("mkdocs").removeHandler(handler)
    _state.update(depth=0, warnings=None)


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
    # mkdocs-static-i18n builds the other languages by running MkDocs' build again,
    # inside this build's post-build: the checks and the steps run once, outside.
    _state["depth"] += 1
    if _state["depth"] > 1:
        return
    from explainer.checks import check_sources
    from explainer.errors import ContentError
    from explainer.pages import shared_inputs, theme_env
    from explainer.source import special_slugs
    from explainer.templates import check_templates

    special_slugs.cache_clear()   # which pages list the sources, the updates, the kit: as the pages say now
    shared_inputs.cache_clear()   # what every page's render reads: as it is now
    _state["pages"] = []
    handler = _state["warnings"] = _Warnings()
    logging.getLogger("mkdocs").addHandler(handler)
    # The theme's environment the pages' components render in: what the check compiles, they reuse.
    errors = check_sources() + check_templates(theme_env(config.theme), Path(config.theme.custom_dir))
    if errors:
        _reset()
        raise ContentError.group(errors)


def on_post_page(output, page, config):
    # What the post-build steps need of each page, as MkDocs read it (no re-parse).
    _state["pages"].append({"url": page.url, "title": page.title or "", "description": page.meta.get("description", "")})
    return output


def on_build_error(error):
    _reset()


@event_priority(-200)   # after the i18n plugin's (-100), which builds the other languages
def on_post_build(config):
    if _state["depth"] > 1:
        _state["depth"] -= 1
        return
    from explainer.errors import ContentError
    from explainer.pipeline import run, site_names

    warnings = _warning_problems(_state["warnings"].messages if _state["warnings"] else [])
    _reset()
    if warnings:   # strict: MkDocs' warnings are problems like the others
        raise ContentError.group([ContentError(None, w) for w in warnings])
    errors = run(Path(config.site_dir), config.site_url, site_names(config), _state["pages"], preview=_session.serving)
    if errors:
        raise ContentError.group(errors)
