"""Content-Security-Policy for every page, with the hashes of its inline scripts."""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
NOT_EXECUTED = re.compile(r'type="application/(?:json|ld\+json)"')
HEAD = re.compile(r"<head>", re.I)

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)


def script_hashes(html: str) -> list[str]:
    hashes = []
    for attrs, body in INLINE_SCRIPT.findall(html):
        if NOT_EXECUTED.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def add_csp(html: str) -> str | None:
    """The page with its Content-Security-Policy meta first in <head>, or None when
    it has one already (or no <head>)."""
    if "Content-Security-Policy" in html:
        return None
    policy = POLICY.format(hashes=" ".join(script_hashes(html))).replace(" ;", ";")
    meta = f'<head>\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    html, count = HEAD.subn(meta, html, count=1)
    return html if count else None
