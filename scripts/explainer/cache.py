"""What a build keeps in .cache/ between builds, keyed by everything it depends on.

A result is stored under a hash of its inputs: the exact text it was made from
and the code that made it (`code_digest`), so a change to either is a new key,
never a stale result. Nothing here reads the clock; an old entry is simply never
asked for again (delete .cache/ to reclaim the space). Entries are written to a
temporary file and renamed, so a build stopped halfway leaves no torn entry.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from .paths import LIBRARY, ROOT

CACHE = ROOT / ".cache"   # one root: a test (or a maintainer) points it elsewhere for a build from nothing
_CODE: dict[str, str] = {}


def code_digest(*files: str | Path) -> str:
    """The files' bytes, hashed (once per process per file)."""
    out = []
    for file in files:
        name = str(file)
        if name not in _CODE:
            _CODE[name] = hashlib.sha1(Path(name).read_bytes()).hexdigest() if name else ""
        out.append(_CODE[name])
    return ",".join(out)


def folder(kind: str) -> Path:
    """.cache/<kind>/, as CACHE is now."""
    return CACHE / kind


_BYTECODE: dict[Path, object] = {}


def bytecode_cache():
    """Jinja's own cache of compiled templates, in .cache/jinja (theme, overrides,
    components, page bodies, data texts, the email): keyed by each template's name
    and source, so a changed template is compiled again."""
    import jinja2

    path = folder("jinja")
    if path not in _BYTECODE:
        path.mkdir(parents=True, exist_ok=True)
        _BYTECODE[path] = jinja2.FileSystemBytecodeCache(str(path))
    return _BYTECODE[path]


@lru_cache(maxsize=None)
def package_version(name: str) -> str:
    """An installed package's version: a cached result made by a library is kept
    under it, so an upgrade makes it again."""
    from importlib.metadata import version

    return version(name)


@lru_cache(maxsize=1)
def library_digest() -> str:
    """The build library's Python files and mkdocs.yml (which it reads on import),
    hashed once per process: under `mkdocs serve`, a change to any of them imports
    the library afresh (scripts/hooks/facts.py), this module with it."""
    return code_digest(*sorted(LIBRARY.rglob("*.py")), ROOT / "mkdocs.yml")


# Babel's answers (explainer.format): by Babel's version, {call: text}, loaded
# once per process and written back at the end of a build that asked anything new.
_CLDR: dict[Path, dict[str, str]] = {}
_CLDR_NEW: set[Path] = set()


def cldr(function, *args, **kwargs) -> str:
    """function(*args, **kwargs), a call into Babel, remembered in .cache/cldr by
    Babel's version: CLDR's answer to the same question does not change, and a
    build that asks nothing new never loads Babel's locale data (about 6 MiB)."""
    path = folder("cldr") / f"{package_version('babel')}.pickle"
    if path not in _CLDR:
        found = load(path.parent, path.stem)
        _CLDR[path] = found if isinstance(found, dict) else {}
    memo = _CLDR[path]
    key = repr((function.__module__, function.__qualname__, args, sorted(kwargs.items())))
    if key not in memo:
        memo[key] = function(*args, **kwargs)
        _CLDR_NEW.add(path)
    return memo[key]


def save_cldr() -> None:
    """Write back what cldr() learnt (the end of every build)."""
    for path in sorted(_CLDR_NEW):
        store(path.parent, path.stem, _CLDR[path])
    _CLDR_NEW.clear()


def key_of(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()


MISSING = object()


def load(where: Path, key: str):
    """The object kept as <where>/<key>.pickle, or MISSING (never stored, or
    unreadable: then it is made again and stored over)."""
    try:
        return pickle.loads((where / f"{key}.pickle").read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, ImportError, TypeError):
        return MISSING


def kept(where: Path, key: str, make):
    """make(), or what it gave before under `key` in <where>/ (kept there now if not)."""
    value = load(where, key)
    if value is MISSING:
        value = make()
        store(where, key, value)
    return value


class Recent(OrderedDict):
    """What a process keeps in memory for the next rebuild: the latest `size`
    entries, so that a long `mkdocs serve` session stays flat."""

    def __init__(self, size: int = 256):   # a few rebuilds' worth of pages, both languages
        super().__init__()
        self.size = size

    def keep(self, key, value) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


def store(where: Path, key: str, value) -> None:
    where.mkdir(parents=True, exist_ok=True)
    stored = where / f"{key}.pickle"
    tmp = stored.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(stored)
