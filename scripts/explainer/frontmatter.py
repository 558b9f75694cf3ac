"""A page's source: its front matter, read once, and where its body starts."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import ContentError

FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


def split_front_matter(path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line where the body starts)."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(path, f"malformed front matter: {getattr(exc, 'problem', exc)}", (mark.line + 2) if mark else 1) from None
    return meta, text[match.end():], match.group(0).count("\n") + 1
