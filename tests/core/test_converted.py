"""MkDocs' Markdown conversion, kept by its inputs (explainer.converted): a page
converted once is not converted again while its Markdown, its file, the site's
files and the settings are the same; a conversion that made MkDocs say anything
(a link to a missing page) is never kept, so it says it on every build. No site
build: one page, converted by MkDocs' own Page.render."""
from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from explainer import cache, converted


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """MkDocs' own conversions, counted; the caches empty and private to the test."""
    monkeypatch.setattr(cache, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(converted, "_KEPT", type(converted._KEPT)())
    calls = []
    original = Page.render

    def render(self, config, files):
        calls.append(self.file.src_uri)
        return original(self, config, files)

    monkeypatch.setattr(Page, "render", render)
    return calls


def page(tmp_path, text: str, others=("b.md",)):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [toc, attr_list]\n"
                                         "validation:\n  links:\n    not_found: warn\n    anchors: warn\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    names = ["a.md", *others]
    for name in names:
        (docs / name).write_text("# " + name, encoding="utf-8")
    files = Files([File(name, str(docs), str(tmp_path / "site"), use_directory_urls=True) for name in names])
    built = Page(None, files.get_file_from_path("a.md"), config)
    built.markdown = text
    return built, config, files


def test_a_page_is_converted_once_then_taken_from_memory_or_disk(counted, tmp_path):
    text = "# Title {#top}\n\nSee [b](b.md#part) and [here](#top).\n"
    first, config, files = page(tmp_path, text)
    converted.render(first, config, files)
    assert counted == ["a.md"]
    again = page(tmp_path, text)
    converted.render(*again)   # same inputs, this process
    converted._KEPT.clear()
    third = page(tmp_path, text)
    converted.render(*third)   # same inputs, another build: from .cache/markdown
    assert counted == ["a.md"]
    for later, _, files in (again, third):
        assert later.content == first.content and later.title == "Title"
        assert [(a.title, a.id) for a in later.toc] == [("Title", "top")]
        assert later.present_anchor_ids == first.present_anchor_ids == {"top"}
        # what MkDocs' anchor check reads after all pages are converted: the File of this build
        by_name = {f.src_uri: links for f, links in later.links_to_anchors.items()}
        assert by_name == {f.src_uri: links for f, links in first.links_to_anchors.items()}
        assert by_name["b.md"] == {"part": "b.md#part"}
        assert all(f is files.get_file_from_path(f.src_uri) for f in later.links_to_anchors)


def test_a_change_to_any_input_converts_again(counted, tmp_path):
    converted.render(*page(tmp_path, "Some *text*.\n"))
    converted.render(*page(tmp_path, "Some *other* text.\n"))          # the Markdown
    converted.render(*page(tmp_path, "Some *text*.\n", others=("c.md",)))   # the site's files
    assert counted == ["a.md"] * 3


def test_a_conversion_that_warns_is_converted_and_warns_every_time(counted, tmp_path, caplog):
    for _ in range(2):
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            converted.render(*page(tmp_path, "A [link](missing.md).\n"))
    assert counted == ["a.md", "a.md"]
    assert len([r for r in caplog.records if "missing.md" in r.getMessage()]) == 2
    assert not (tmp_path / "cache" / "markdown").exists() or not any((tmp_path / "cache" / "markdown").iterdir())
