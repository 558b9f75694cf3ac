"""The languages come from one place, the i18n plugin's list in mkdocs.yml: a
language added there is picked up everywhere, and the build says what it lacks."""
from __future__ import annotations

import json
import re

import yaml
from bs4 import BeautifulSoup

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


def add_language(project, code: str, name: str) -> None:
    """A language added to the i18n plugin's list in the project's mkdocs.yml, after the default."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = re.search(r"^( +)- locale: (\w+)\n", text, re.M)
    indent = entry.group(1)
    text = text.replace(entry.group(0), f"{indent}- locale: {code}\n{indent}  name: {name}\n{entry.group(0)}", 1)
    config.write_text(text, encoding="utf-8")


def test_a_third_language_fails_the_build_naming_everything_it_lacks_at_once(project_copy):
    add_language(project_copy, "fr", "Français")

    result = run_build(project_copy / "site", "http://127.0.0.1:9/proj/", cwd=project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    for slug in SLUGS:
        assert f"docs/{slug or 'index'}.fr.md" in result.stderr, result.stderr
    # The data's texts too, in the same run: every interface word, and the data file's texts.
    ui = yaml.safe_load((project_copy / "data" / "ui.yml").read_text(encoding="utf-8"))
    missing_ui = [key for key in ui if not re.search(rf"data/ui\.yml:\d+: UI string `{re.escape(key)}` needs `fr:`", result.stderr)]
    assert not missing_ui, result.stderr
    for what in [r"fact `[\w.]+`: \(words\) needs a phrase in every language: add `fr:`", r"quote `[\w-]+` needs `fr:` \(under `role`\)",
                 r"key figure `[\w.]+` needs `fr:`", r"chart `\w+` needs `fr:` \(under `bars\[\d+\]\.note`\)",
                 r"event of [\d-]+: needs its text in `fr:`", r"update `[\w-]+`: `changes\[\d+\]:` needs its text in `fr:`",
                 r"newsletter summary `[\w-]+`: needs its text in `fr:`", r"`email:` needs `fr:`"]:
        assert re.search(r"data/facts\.yml:\d+: " + what, result.stderr), f"no {what!r} in:\n{result.stderr}"
    assert not (project_copy / "site").exists()


def _fill(node, code: str):
    """Gives every text a `code:` version (the English one; a quote's translation: the Spanish one)."""
    if isinstance(node, dict):
        if "speaker" in node and code not in node:
            node[code] = node["es"]
        if "en" in node and code not in node and isinstance(node["en"], (str, list)):
            node[code] = node["en"]
        for value in node.values():
            _fill(value, code)
    elif isinstance(node, list):
        for value in node:
            _fill(value, code)


def test_a_complete_third_language_builds_and_links_every_edition(project_copy, tmp_path):
    add_language(project_copy, "fr", "Français")
    for name in ("facts.yml", "ui.yml"):
        path = project_copy / "data" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _fill(data, "fr")
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
    for page in (project_copy / "docs").glob("*.en.md"):
        page.with_name(page.name.replace(".en.md", ".fr.md")).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "site"

    result = run_build(out, "http://127.0.0.1:9/proj/", cwd=project_copy)

    assert result.returncode == 0, result.stdout + result.stderr
    langs = ["es", "fr", "en"]
    for lang in langs:
        soup = BeautifulSoup((out / ("" if lang == "es" else f"{lang}/") / "terms" / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert {l["hreflang"] for l in soup.select('link[rel="alternate"][hreflang]')} == {*langs, "x-default"}
        assert {a["hreflang"] for a in soup.select("a[data-lang-switch]")} == set(langs) - {lang}
        ld = json.loads(soup.find("script", type="application/ld+json").string)
        if lang == "es":   # the original, with a translation per other language
            assert sorted(t["inLanguage"] for t in ld["workTranslation"]) == ["en", "fr"] and "translationOfWork" not in ld
        else:
            assert ld["translationOfWork"]["inLanguage"] == "es" and "workTranslation" not in ld
