"""Content-Security-Policy for every page, with the hashes of its inline scripts."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

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


def add_csp(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    if "Content-Security-Policy" in html:
        return
    policy = POLICY.format(hashes=" ".join(script_hashes(html))).replace(" ;", ";")
    meta = f'<head>\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    html, count = HEAD.subn(meta, html, count=1)
    if count:
        path.write_text(html, encoding="utf-8")


def add_csp_everywhere(site: Path) -> int:
    # The email editions (newsletter/email.html) go to mail clients, not browsers: no policy meta.
    pages = [p for p in site.rglob("*.html") if p.name != "email.html"]
    for path in pages:
        add_csp(path)
    return len(pages)
