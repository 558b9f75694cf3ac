"""Errors in the theme's templates (overrides/*.html, components/*.html) named as a
writer needs them: `overrides/main.html:12: template error: …`, one line, no traceback.

- Before MkDocs writes anything, `check_templates` compiles every template of
  overrides/ in the theme's environment: a syntax error is found with its line.
- While pages render, `ReportingTemplate` (the environment's template class)
  turns an error raised by a template's own code (an undefined name, a wrong
  filter argument) into the same kind of line, found in the traceback Jinja
  rewrites to point at template lines.
"""
from __future__ import annotations

import traceback
from pathlib import Path

import jinja2

from . import ROOT, cache
from .errors import ContentError

OVERRIDES = ROOT / "overrides"


def _where(exc: BaseException) -> tuple[Path | None, int | None]:
    """The innermost template file and line of an exception raised while rendering."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return Path(exc.filename), exc.lineno
    found: tuple[Path | None, int | None] = (None, None)
    for frame, line in traceback.walk_tb(exc.__traceback__):
        name = frame.f_code.co_filename
        if name.endswith(".html") or name.endswith(".txt"):
            found = (Path(name), line)
    return found


def template_error(exc: BaseException) -> ContentError:
    path, line = _where(exc)
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return ContentError(path, f"template error: {message}", line)


class ReportingTemplate(jinja2.Template):
    """A template whose rendering errors name the template file and line."""

    def render(self, *args, **kwargs):
        try:
            return super().render(*args, **kwargs)
        except ContentError:
            raise
        except Exception as exc:   # noqa: BLE001 — only a template's own error is renamed; the rest re-raised
            path, _ = _where(exc)
            if path is None:   # not from a template's own code: a bug elsewhere, reported as such
                raise
            raise template_error(exc) from None




def use_reporting_templates(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment with our template class, and Jinja's own cache of
    compiled templates on disk (keyed by each template's source: a changed template
    is compiled again), so a build does not compile Material's templates anew."""
    env.template_class = ReportingTemplate
    env.bytecode_cache = cache.bytecode_cache()
    return env


def check_templates(env: jinja2.Environment, folder: Path = OVERRIDES) -> list[ContentError]:
    """Every template under overrides/ compiles (syntax errors with their line)."""
    errors = []
    for path in sorted(folder.rglob("*.html")):
        name = path.relative_to(folder).as_posix()
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            errors.append(ContentError(path, f"template syntax: {exc.message}", exc.lineno))
        except jinja2.TemplateError as exc:
            errors.append(ContentError(path, f"template error: {exc.message or exc}"))
    return errors
