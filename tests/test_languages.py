"""The languages come from one place, the i18n plugin's list in mkdocs.yml: a
language added there is picked up everywhere, and the build says what it lacks."""
from __future__ import annotations

import re

from conftest import SLUGS, run_build
from explainer import CONFIG, LANGS, read_languages


def test_languages_are_the_i18n_plugins_default_first():
    i18n = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
    default = next(entry["locale"] for entry in i18n["languages"] if entry.get("default"))
    assert LANGS[0] == default
    assert set(LANGS) == {entry["locale"] for entry in i18n["languages"]}


def test_each_language_gets_its_prefix_and_locale():
    config = {"plugins": [{"i18n": {"languages": [
        {"locale": "en", "name": "English"},
        {"locale": "fr", "name": "Français", "default": True},
        {"locale": "pt-BR", "name": "Português", "link": "/br/"},
    ]}}]}
    languages = read_languages(config)
    assert [(l.code, l.prefix, l.locale) for l in languages] == [
        ("fr", "", "fr_FR"), ("en", "en/", "en_US"), ("pt-BR", "br/", "pt_BR")]


def test_a_third_language_fails_the_build_naming_its_missing_pages(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = re.search(r"^( +)- locale: (\w+)\n", text, re.M)
    indent = entry.group(1)
    text = text.replace(entry.group(0), f"{indent}- locale: fr\n{indent}  name: Français\n{entry.group(0)}", 1)
    config.write_text(text, encoding="utf-8")

    result = run_build(project_copy / "site", "http://127.0.0.1:9/proj/", cwd=project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for slug in SLUGS:
        assert f"docs/{slug or 'index'}.fr.md" in result.stderr, result.stderr
    assert not (project_copy / "site").exists()
