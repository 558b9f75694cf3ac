"""A page's source: its front matter, and where its body starts."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import ContentError

FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


def split_front_matter_text(text: str, path: Path) -> tuple[dict, str, int, list[ContentError]]:
    """(front matter, body, line where the body starts, problems) of a page's text."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1, []
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, text[match.end():], match.group(0).count("\n") + 1, [
            ContentError(path, f"malformed front matter: {getattr(exc, 'problem', exc)}", (mark.line + 2) if mark else 1)]
    if not isinstance(meta, dict):
        return {}, text[match.end():], match.group(0).count("\n") + 1, [
            ContentError(path, "the front matter must be `key: value` lines (description, published, updated)", 1)]
    return meta, text[match.end():], match.group(0).count("\n") + 1, []


def split_front_matter(path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line where the body starts) of a page file."""
    meta, body, first, errors = split_front_matter_text(path.read_text(encoding="utf-8"), path)
    if errors:
        raise errors[0]
    return meta, body, first
