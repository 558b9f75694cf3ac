"""A page's source, read once and parsed once, by Jinja's own parser.

Pages are Jinja templates over Markdown. Everything the checks need comes from
one read of each file and one parse of its body (`PageSource`):

- the front matter;
- the Jinja syntax tree, compiled for rendering without a second parse
  (explainer.pages);
- every call a page makes (`nodes.Call` in the tree), with its literal
  arguments and its line in the file;
- names the page uses that it cannot use, and syntax errors, each with its line;
- the Markdown structure the calls sit in: headings with their ids, and blocks
  (paragraph, list item, table row, caption…), each knowing its section.

Texts kept in data/facts.yml (events, claims' updates, summaries, the email's
points) are small templates too: `parse_text` gives their calls the same way.
References, parity, review dates and citations (explainer.checks, .review,
.citations) all read from here; nothing else parses a page's calls.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from . import DEFAULT_LANG, DOCS, NAV_SLUGS, cache
from .errors import ContentError
from .frontmatter import split_front_matter_text
from .paths import LIBRARY

# The environment pages render in. Jinja comments are {## ##}, so that Markdown's
# {#id} heading attributes pass through untouched.
PAGE_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    comment_start_string="{##",
    comment_end_string="##}",
    keep_trailing_newline=True,
    autoescape=False,
)

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
CAPTION = re.compile(r"^Table:\s")

# How many times each file was read, and each text parsed, in this process: the
# tests hold the build to one read and one parse of each page source.
READS: Counter = Counter()


@dataclass(frozen=True)
class Call:
    """One call in a page or data text: `fact("deal.value")` on line 12."""

    name: str
    args: tuple              # the positional arguments, when literals (else None in their place)
    kwargs: dict             # the keyword arguments, when literals
    line: int                # in the file (for data texts: the entry's line)
    literal: bool = True     # False when an argument is not a literal (an expression)

    @property
    def first(self) -> Any:
        return self.args[0] if self.args else None


@dataclass
class Heading:
    level: int
    id: str | None
    text: str                # the heading without its {#id}
    line: int


@dataclass
class Block:
    """A unit of Markdown that a citation covers: a paragraph, a list item, a table
    row, a table caption, a heading, a block quote or a fenced code block."""

    kind: str
    start: int               # first and last line in the file
    end: int
    section: str             # the id of the heading it sits under ("" before the first)
    calls: list[Call] = field(default_factory=list)

    def named(self, name: str) -> list[Call]:
        return [call for call in self.calls if call.name == name]


def _literal(node: nodes.Node) -> tuple[bool, Any]:
    if isinstance(node, nodes.Const):
        return True, node.value
    if isinstance(node, (nodes.Tuple, nodes.List)):
        items = [_literal(item) for item in node.items]
        return all(ok for ok, _ in items), tuple(value for _, value in items)
    if isinstance(node, nodes.Neg) and isinstance(node.node, nodes.Const):
        return True, -node.node.value
    return False, None


def calls_in(tree: nodes.Template, first_line: int, known: frozenset[str], path: Path | None,
             allowed_names: frozenset[str] = frozenset()) -> tuple[list[Call], list[ContentError]]:
    """The calls of `known` names in a parsed template, in source order, and an
    error for each call or name a page cannot use. `first_line` is the file line
    of the template's line 1."""
    calls, errors = [], []
    stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    called: set[int] = set()
    for node in tree.find_all(nodes.Call):
        if not isinstance(node.node, nodes.Name):
            continue
        called.add(id(node.node))
        line = first_line + node.lineno - 1
        name = node.node.name
        if name not in known:
            if name not in stored:
                errors.append(ContentError(path, f"unknown call `{name}()`: pages can call " + ", ".join(f"{k}()" for k in sorted(known)), line))
            continue
        parsed = [_literal(arg) for arg in node.args]
        kwparsed = {kw.key: _literal(kw.value) for kw in node.kwargs}
        literal = all(ok for ok, _ in parsed) and all(ok for ok, _ in kwparsed.values()) and not node.dyn_args and not node.dyn_kwargs
        calls.append(Call(name, tuple(v for _, v in parsed), {k: v for k, (_, v) in kwparsed.items()}, line, literal))
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and id(node) not in called and node.name not in known | allowed_names | stored:
            errors.append(ContentError(path, f"`{node.name}` is not something a page can use; pages can call "
                                             + ", ".join(f"{k}()" for k in sorted(known)), first_line + node.lineno - 1))
    calls.sort(key=lambda c: c.line)   # find_all walks the tree depth first; lines keep reading order
    return calls, errors


def compiled(text: str, name: str | None = None, filename: str | None = None, tree: nodes.Template | None = None) -> jinja2.Template:
    """`text` compiled for rendering (from `tree` when it is already parsed), or
    taken from Jinja's bytecode cache in .cache/jinja. Its key is the text, its
    file and this module's code, so a change to the page environment compiles
    everything again."""
    bcc = cache.bytecode_cache()
    key = cache.key_of(cache.code_digest(__file__), name or "", text)
    bucket = bcc.get_bucket(PAGE_ENV, key, filename, text)
    if bucket.code is None:
        bucket.code = PAGE_ENV.compile(tree if tree is not None else text, name=name, filename=filename)
        bcc.set_bucket(bucket)
    return PAGE_ENV.template_class.from_code(PAGE_ENV, bucket.code, PAGE_ENV.make_globals(None), None)


@lru_cache(maxsize=4096)
def text_template(text: str) -> jinja2.Template:
    """A text kept in data/facts.yml, compiled once (a timeline event is shown by
    pages in every language; under `mkdocs serve`, in every rebuild)."""
    return compiled(text)


def parse_template(text: str, first_line: int, path: Path | None) -> tuple[nodes.Template | None, list[ContentError]]:
    """Jinja's syntax tree of a page body or data text, or the syntax error at its line."""
    try:
        return PAGE_ENV.parse(text), []
    except jinja2.TemplateSyntaxError as exc:
        return None, [ContentError(path, f"template syntax: {exc.message}", first_line + (exc.lineno or 1) - 1)]


def parse_text(text: str, path: Path, line: int | None) -> tuple[list[Call], list[ContentError]]:
    """The calls of a text kept in data/facts.yml, all placed at the entry's line."""
    calls, messages = _text_analysis(text)
    return ([Call(c.name, c.args, c.kwargs, line or 0, c.literal) for c in calls],
            [ContentError(path, message, line) for message in messages])


@lru_cache(maxsize=4096)
def _text_analysis(text: str) -> tuple[tuple[Call, ...], tuple[str, ...]]:
    """A data text's calls and problems, parsed once per process (under `mkdocs
    serve`, a text unchanged since the last rebuild is not parsed again)."""
    from .calls import PAGE_CALLS, PAGE_VALUES

    READS[("text", text)] += 1
    tree, errors = parse_template(text, 1, None)
    if tree is None:
        return (), (errors[0].message,)
    calls, errors = calls_in(tree, 1, frozenset(PAGE_CALLS), None, frozenset(PAGE_VALUES))
    return tuple(calls), tuple(e.message for e in errors)


def _blocks(lines: list[str], first: int) -> tuple[list[Heading], list[Block]]:
    """Headings and blocks of a Markdown body (fenced code is one block; a `#` in it
    is no heading)."""
    headings: list[Heading] = []
    blocks: list[Block] = []
    section = ""
    current: Block | None = None
    fence: str | None = None

    def close():
        nonlocal current
        if current is not None:
            blocks.append(current)
        current = None

    for i, text in enumerate(lines):
        line = first + i
        if fence is not None:
            current.end = line
            if text.strip().startswith(fence):
                fence = None
                close()
            continue
        match = FENCE.match(text)
        if match:
            close()
            fence = match.group(1)
            current = Block("fence", line, line, section)
            continue
        if not text.strip():
            close()
            continue
        heading = HEADING.match(text)
        if heading:
            close()
            id_match = HEADING_ID.search(heading.group(2))
            hid = id_match.group(1) if id_match else None
            headings.append(Heading(len(heading.group(1)), hid, HEADING_ID.sub("", heading.group(2)).strip(), line))
            if hid and len(heading.group(1)) <= 3:
                section = hid
            blocks.append(Block("heading", line, line, section))
            continue
        if text.lstrip().startswith("|"):
            close()
            blocks.append(Block("row", line, line, section))
            continue
        if CAPTION.match(text):
            close()
            blocks.append(Block("caption", line, line, section))
            continue
        if LIST_ITEM.match(text):
            close()
            current = Block("item", line, line, section)
            continue
        if text.startswith(">") and (current is None or current.kind != "quote"):
            close()
            current = Block("quote", line, line, section)
            continue
        if current is None:
            current = Block("paragraph", line, line, section)
        current.end = line
    if current is not None:
        blocks.append(current)
    return headings, blocks


@dataclass
class PageSource:
    """One page's source (docs/<slug>.<lang>.md), read and parsed once."""

    path: Path
    slug: str
    lang: str | None
    meta: dict
    body: str
    first: int                       # the file line where the body starts
    parsed: bool                     # False: a syntax error (in `errors`, with its line)
    calls: list[Call]
    headings: list[Heading]
    blocks: list[Block]
    errors: list[ContentError]
    _tree: nodes.Template | None = None
    _template: jinja2.Template | None = None

    @property
    def tree(self) -> nodes.Template | None:
        """Jinja's syntax tree of the body (None after a syntax error); when the
        analysis came from .cache/source, parsed only if something asks for it."""
        if self._tree is None and self.parsed:
            self._tree = PAGE_ENV.parse(self.body)
        return self._tree

    def template(self) -> jinja2.Template:
        """The body compiled for rendering: from Jinja's bytecode cache, else from
        the tree already parsed."""
        if self._template is None:
            self._template = compiled(self.body, self.path.name, str(self.path), self._tree)
        return self._template

    def named(self, name: str) -> list[Call]:
        return [call for call in self.calls if call.name == name]

    def sections(self) -> dict[str, list[Block]]:
        """{heading id: its blocks}, in page order ("" before the first heading)."""
        out: dict[str, list[Block]] = {"": []}
        for block in self.blocks:
            out.setdefault(block.section, []).append(block)
        return out


_CACHE: dict[Path, tuple[tuple[int, int], PageSource]] = {}
# What read_source finds in a page is also kept across builds in .cache/source, by
# the file's path and exact text and the code that reads it (never a page with a
# problem: its errors are found anew, with their lines).

def read_source(path: Path) -> PageSource:
    """The page's source, read and parsed once per change of the file (so `mkdocs
    serve` re-reads only what was saved)."""
    from .calls import PAGE_CALLS, PAGE_VALUES

    path = Path(path)
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(path)
    if cached and cached[0] == key:
        return cached[1]
    READS[path] += 1
    text = path.read_text(encoding="utf-8")
    match = re.fullmatch(r"(.+)\.([A-Za-z-]+)\.md", path.name)
    slug, lang = (match.group(1), match.group(2)) if match else (path.stem, None)
    code = cache.code_digest(__file__, LIBRARY / "calls.py", LIBRARY / "frontmatter.py")
    kept_key = cache.key_of(code, jinja2.__version__, str(path), text)
    kept = cache.load(cache.folder("source"), kept_key)
    if kept is not cache.MISSING:
        source = PageSource(path, slug, lang, *kept, errors=[])
        _CACHE[path] = (key, source)
        return source
    meta, body, first, errors = split_front_matter_text(text, path)
    tree, syntax = parse_template(body, first, path)
    errors += syntax
    calls: list[Call] = []
    if tree is not None:
        calls, unknown = calls_in(tree, first, frozenset(PAGE_CALLS), path, frozenset(PAGE_VALUES))
        errors += unknown
    headings, blocks = _blocks(body.splitlines(), first)
    for call in calls:
        block = next((b for b in blocks if b.start <= call.line <= b.end), None)
        if block is not None:
            block.calls.append(call)
    source = PageSource(path, slug, lang, meta, body, first, tree is not None, calls, headings, blocks, errors, tree)
    _CACHE[path] = (key, source)
    if not errors:
        cache.store(cache.folder("source"), kept_key, (meta, body, first, True, calls, headings, blocks))
    return source


# The pages other pages link to by what they do, found in the nav by the call that
# makes them what they are: the sources page lists the sources, and so on.
SPECIAL_PAGES = {"sources": "sources_list", "updates": "updates_list", "newsletter": "kit"}


@lru_cache(maxsize=None)
def special_slugs() -> dict[str, str]:
    """{"sources": slug, "updates": slug, "newsletter": slug}: the first page of the nav
    (mkdocs.yml) whose source, in the default language, makes the call named in SPECIAL_PAGES."""
    found = {}
    for role, name in SPECIAL_PAGES.items():
        found[role] = next((slug for slug in NAV_SLUGS
                            if (path := DOCS / f"{slug or 'index'}.{DEFAULT_LANG}.md").exists() and read_source(path).named(name)),
                           role)   # no such page yet: the nav check names it; links keep the usual slug
    return found
