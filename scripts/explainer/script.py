"""The site's one script, assets/site.js, joined from the files of overrides/assets/js/.

Each job of the script has its own file (palette, menu, copy links, language
switch, search, overdue notice…), each opening with one line on what it does;
they are joined in name order inside one function, whose names they share
(`T`, the strings; `announce`; `copyText`…), and 99-start.js starts them. Pages
load only the joined file (the minify step then shrinks it), so readers fetch
one script, as before; the parts are removed from the output.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .errors import ContentError

PARTS = "assets/js"
JOINED = "assets/site.js"


def join_site_script(site: Path) -> list[ContentError]:
    folder = site / PARTS
    parts = sorted(folder.glob("*.js"))
    if not parts:
        return [ContentError(None, f"no script parts in overrides/{PARTS}/: the pages load {JOINED}, joined from them")]
    body = "\n".join(part.read_text(encoding="utf-8").rstrip() + "\n" for part in parts)
    (site / JOINED).write_text("(function () {\n\"use strict\";\n" + body + "})();\n", encoding="utf-8")
    shutil.rmtree(folder)
    return []
