"""What `mkdocs serve` shows when the sources have problems: a page that lists
every one as `file:line: what to fix`, at every page's address, in that page's
language. The preview never hangs on a build error (MkDocs would leave every
request waiting until the next good build): the writer sees the problems where
they were looking, and the save that fixes them brings the real page back
through live reload (MkDocs adds its reload script to every page it serves).
"""
from __future__ import annotations

import html
from pathlib import Path

from . import LANGS, NAV_SLUGS, page_path

# If data/ui.yml itself is broken, the page still says what it is.
FALLBACK = {"serve.title": "This preview has problems",
            "serve.intro": "The site was not built. Fix each problem below and save: this page reloads by itself.",
            "serve.count": "{n} problems"}


def _words(lang: str) -> dict[str, str]:
    try:
        from .data import load_ui
        return {**FALLBACK, **load_ui()[lang]}
    except Exception:   # the interface words are one of the problems listed
        return FALLBACK


def problems_page(problems: list[str], lang: str) -> str:
    t = _words(lang)
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return f"""<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(t['serve.title'])}</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.4rem; color: #8a1c1c; }}
li {{ margin: .6em 0; }}
code {{ white-space: pre-wrap; font-size: .9rem; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #eee; background: #111; }} h1 {{ color: #ff9b9b; }} }}
</style>
</head>
<body>
<main>
<h1 id="problems">{html.escape(t['serve.title'])}</h1>
<p>{html.escape(t['serve.intro'])}</p>
<p>{html.escape(t['serve.count'].format(n=len(problems)))}</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def write_problems_site(site: Path, problems: list[str]) -> None:
    """The problems page at every page's address in every language, and as 404.html;
    every other page file of a half-built site goes, so nothing stale is served."""
    for old in site.rglob("*.html"):
        old.unlink()
    for lang in LANGS:
        page = problems_page(problems, lang)
        for slug in NAV_SLUGS:
            dest = site / page_path(slug, lang) / "index.html"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(page, encoding="utf-8")
    (site / "404.html").write_text(problems_page(problems, LANGS[0]), encoding="utf-8")
