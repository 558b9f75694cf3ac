"""The page functions are one registry (PAGE_CALLS): what pages can call, what
the error for an unknown name lists, and what the README documents."""
from __future__ import annotations

import re

from conftest import ROOT
from explainer.pages import PAGE_CALLS


def test_readme_documents_every_page_function():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in PAGE_CALLS if not re.search(r"`(\{\{ )?" + re.escape(name) + r"\(", readme)]
    assert not missing, f"README.md does not document {missing}: add them where it lists the calls a page can make"


def test_pages_use_only_registered_functions():
    called = set()
    for page in (ROOT / "docs").glob("*.md"):
        called |= set(re.findall(r"\{\{\s*([a-z_]+)\(", page.read_text(encoding="utf-8")))
    assert called <= set(PAGE_CALLS), f"pages call {sorted(called - set(PAGE_CALLS))}, which are not in PAGE_CALLS"
    assert set(PAGE_CALLS) <= called, f"no page calls {sorted(set(PAGE_CALLS) - called)}: drop it from PAGE_CALLS"
