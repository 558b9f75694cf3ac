"""The explainer's build library: facts data, formatting, checks and post-build steps.

The MkDocs hooks in ``scripts/hooks/`` and ``scripts/build.py`` import from here,
so each piece of logic exists once. This module also holds what the rest of the
code knows about languages and pages, read once from mkdocs.yml: the languages
of the i18n plugin (default first), each one's locale and URL prefix, and the
pages of the nav. Adding a language is an edit to mkdocs.yml, nothing here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .paths import CONFIG_FILE, DATA_FILE, DOCS, ROOT, UI_FILE  # noqa: F401 — the package's names for them


def read_config(path: Path = CONFIG_FILE) -> dict:
    """mkdocs.yml as plain data; MkDocs' own tags (!ENV, !relative, python/…) read as None."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)
    Loader.add_multi_constructor("!", lambda *a: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}


@dataclass(frozen=True)
class Language:
    code: str     # "es": page suffix (docs/x.es.md), <html lang>, hreflang, JSON-LD inLanguage
    locale: str   # "es_ES": Babel's CLDR locale for numbers and dates (og:locale is ui.yml's og.locale)
    prefix: str   # "" for the default language, else "en/": where its pages live under the site root


def _locale(code: str) -> str:
    """language_TERRITORY for a code: as written when it names a territory (en_US,
    pt-BR), else the territory CLDR deems likeliest (es → es_ES, en → en_US, fr → fr_FR)."""
    from . import cache

    if "_" in code or "-" in code:
        parts = code.replace("-", "_").split("_")
        return f"{parts[0]}_{parts[-1]}"
    likely = cache.cldr(_likely_subtags, code).split("_")
    return f"{likely[0]}_{likely[-1]}" if len(likely) > 1 else code


def _likely_subtags(code: str) -> str:
    from babel.core import get_global

    return get_global("likely_subtags").get(code, code)


def read_languages(config: dict) -> tuple[Language, ...]:
    """The i18n plugin's languages that are built, the default one first."""
    i18n = next((p["i18n"] for p in config.get("plugins", []) if isinstance(p, dict) and "i18n" in p), None)
    if not i18n or not i18n.get("languages"):
        raise SystemExit(f"{CONFIG_FILE.name}: the i18n plugin lists no `languages:`; the site needs at least one")
    entries = [entry for entry in i18n["languages"] if entry.get("build", True) and entry.get("locale") != "null"]
    entries.sort(key=lambda entry: not entry.get("default", False))  # stable: the others keep their order
    languages = []
    for entry in entries:
        code = entry["locale"]
        link = entry.get("link") or ("/" if entry.get("default") else f"/{code}/")
        languages.append(Language(code, _locale(code), link.strip("/") + "/" if link.strip("/") else ""))
    return tuple(languages)


def read_nav_slugs(config: dict) -> list[str]:
    """The pages in reading order, from the nav: "" for the home page, else its slug."""
    def files(items):
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for value in item.values():
                    yield from (files(value) if isinstance(value, list) else [value])

    return ["" if f == "index.md" else f.removesuffix(".md").removesuffix("/index") for f in files(config.get("nav") or [])]


CONFIG = read_config()
LANGUAGES = read_languages(CONFIG)
LANGS = tuple(language.code for language in LANGUAGES)   # the first is the default language, served at /
DEFAULT_LANG = LANGS[0]
LOCALES = {language.code: language.locale for language in LANGUAGES}
NAV_SLUGS = read_nav_slugs(CONFIG)
_PREFIXES = {language.code: language.prefix for language in LANGUAGES}


def page_language(page, fallback: str | None = None) -> str:
    """The language of a MkDocs page: its file's suffix (mkdocs-static-i18n sets
    `file.locale`), else `fallback` (the language being built, for pages without a
    file such as the 404), else the default language."""
    return getattr(getattr(page, "file", None), "locale", None) or fallback or DEFAULT_LANG


def lang_prefix(lang: str) -> str:
    """Where a language's pages live under the site root: "" for the default, else "en/"."""
    return _PREFIXES[lang]


def page_path(slug: str, lang: str) -> str:
    """A page's URL path under the site root: "", "en/", "hardware/", "en/hardware/".
    The home page is "" (or "index", as the command-line tools spell it)."""
    return lang_prefix(lang) + ("" if slug in ("", "index") else f"{slug}/")


def lang_of_path(path: str) -> str:
    """The language of a URL path under the site root: "en/hardware/" → "en", "hardware/" → the default."""
    path = path.lstrip("/")
    return next((code for code, prefix in _PREFIXES.items() if prefix and path.startswith(prefix)), DEFAULT_LANG)
