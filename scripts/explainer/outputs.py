"""What the post-build steps need to know of the MkDocs configuration."""
from __future__ import annotations

from pathlib import Path

from . import DEFAULT_LANG, read_config


def site_names(config) -> dict[str, str]:
    """{lang: the site's name in that language}, from the i18n plugin's settings. The
    default language's is read from mkdocs.yml as written: while it builds the other
    languages, the i18n plugin sets `config.site_name` to theirs."""
    default = read_config(Path(config.config_file_path)).get("site_name") or config.site_name
    names = {DEFAULT_LANG: default}
    for lang_cfg in config.plugins["i18n"].config.languages:
        if lang_cfg.locale != DEFAULT_LANG:
            names[lang_cfg.locale] = lang_cfg.site_name or default
    return names
