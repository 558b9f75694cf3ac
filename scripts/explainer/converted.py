"""A page's Markdown converted to HTML once per change of what the conversion reads.

MkDocs converts every page's Markdown on every build and every `mkdocs serve`
rebuild, though a save changes one page. The conversion is a pure function of
the page's final Markdown (its facts filled in), the page's own file and URL,
the site's files (which relative links resolve against) and the Markdown
settings in mkdocs.yml. `render(page, config, files)` does what MkDocs'
`Page.render` does, and keeps its result by a hash of exactly those inputs: in
memory (a `serve` rebuild converts only the page saved) and in .cache/markdown
(a build converts only what changed since the last).

A conversion during which MkDocs said anything (a warning for a link to a
missing page, a note) is never kept, so it is converted, and says it, every
time. The facts hook hands MkDocs this function for each page
(scripts/hooks/facts.py, `on_pre_page`); a test builds the site from an empty
cache and from a full one and compares every byte.
"""
from __future__ import annotations

import hashlib
import logging
import pickle

from . import cache

LIBRARIES = ("markdown", "pymdown-extensions", "mkdocs")
_KEPT = cache.Recent()   # the latest conversions, in memory (pickled)
_FILES: list = []        # [(files object, its digest)]: one per build


class _Said(logging.Handler):
    """Counts what MkDocs tells the writer (info and above) during one conversion."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record):
        self.count += 1


def _files_digest(files) -> str:
    """Every file of the build as links see it: source path, URL, inclusion."""
    if not _FILES or _FILES[0][0] is not files:
        digest = hashlib.sha1()
        for file in sorted(files, key=lambda f: f.src_uri):
            digest.update(f"{file.src_uri}\0{file.url}\0{file.inclusion.name}\n".encode("utf-8"))
        _FILES[:] = [(files, digest.hexdigest())]
    return _FILES[0][1]


def _collects_anchor_links() -> bool:
    """As Page.render: links to other pages' anchors are collected for MkDocs'
    anchor check, except when MkDocs logs at debug level."""
    return logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG


def conversion_key(page, config, files) -> str:
    settings = repr((config.markdown_extensions, config.mdx_configs, dict(config.validation), config.use_directory_urls,
                     _collects_anchor_links()))
    return cache.key_of(cache.code_digest(__file__), *(cache.package_version(n) for n in LIBRARIES), settings,
                        _files_digest(files), page.file.src_uri, page.file.url, page.url, page.markdown)


def render(page, config, files) -> None:
    """MkDocs' Page.render(config, files), or its kept result for the same inputs."""
    from mkdocs.structure.pages import Page

    key = conversion_key(page, config, files)
    kept = _KEPT.get(key)
    if kept is None:
        found = cache.load(cache.folder("markdown"), key)
        if found is cache.MISSING:
            said = _Said()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(said)
            try:
                Page.render(page, config, files)
            finally:
                mkdocs_log.removeHandler(said)
            if said.count:   # converted, and said again, every time: only a silent conversion is kept
                return
            links = {f.src_uri: anchors for f, anchors in (page.links_to_anchors or {}).items()}
            found = (page.content, page.toc, page._title_from_render, page.present_anchor_ids, links)
            cache.store(cache.folder("markdown"), key, found)
        kept = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)   # each build gets objects of its own
    _KEPT.keep(key, kept)
    content, toc, title, anchors, links = pickle.loads(kept)
    page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
    if _collects_anchor_links():
        page.links_to_anchors = {files.get_file_from_path(src): a for src, a in links.items()}
