"""The site's own script and stylesheet, shipped without their comments and spacing.

overrides/assets/site.js and site.css are written to be read (comments say why
each rule and step exists); readers need none of that. After the build,
assets/site.js is minified with rjsmin and assets/site.css loses its comments
(tinycss2 tokens, serialized back without them). Both keep their names.
"""
from __future__ import annotations

from pathlib import Path

import rjsmin
import tinycss2

from .script import JOINED


def strip_css_comments(css: str) -> str:
    def clean(tokens):
        out = []
        for token in tokens:
            if token.type == "comment":
                continue
            if hasattr(token, "content") and token.content is not None:
                token.content = clean(token.content)
            if hasattr(token, "prelude") and token.prelude is not None:
                token.prelude = clean(token.prelude)
            if hasattr(token, "arguments"):
                token.arguments = clean(token.arguments)
            out.append(token)
        return out

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(tinycss2.serialize([rule]) for rule in clean(rules)) + "\n"


def minify_site_assets(site: Path) -> None:
    script = site / JOINED
    if script.exists():
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    sheet = site / "assets" / "site.css"
    if sheet.exists():
        sheet.write_text(strip_css_comments(sheet.read_text(encoding="utf-8")), encoding="utf-8")
