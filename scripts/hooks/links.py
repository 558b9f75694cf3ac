"""MkDocs hook: marks links to other sites as external and safe to open."""
import re

EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"(?![^>]*\brel=)')


def on_page_content(html, page, config, files):
    # rel=noopener noreferrer: the other site gets no handle on this tab nor the
    # full URL; "external" lets CSS and screen-reader text mark the link.
    return EXTERNAL_LINK.sub(r'<a href="\1" rel="external noopener noreferrer"', html)
