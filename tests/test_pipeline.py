"""The build reads and parses each page source once (explainer.source) and each
built page once (explainer.site, in the one post-build pipeline), and runs the
post-build steps in the order explainer.pipeline.STEPS gives them."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT


def test_each_source_and_each_built_page_is_parsed_once_per_build(tmp_path, monkeypatch):
    import build
    from explainer import cache, pipeline, site as built, source

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")
    source.READS.clear()
    source._CACHE.clear()
    built._EXTRACTED.clear()   # what a build in this process may have read already,
    monkeypatch.setattr(cache, "CACHE", tmp_path / "no-cache")   # and what earlier builds kept
    assert build.build_site(tmp_path / "site", "http://127.0.0.1:9/proj/") == 0

    page_reads = {path: n for path, n in source.READS.items() if isinstance(path, Path)}
    assert sorted(page_reads) == sorted((ROOT / "docs").glob("*.md"))
    assert set(page_reads.values()) == {1}, {p.name: n for p, n in page_reads.items() if n != 1}

    site = pipeline.LAST_RUN[0]   # built in a temporary folder, then moved into place
    html = sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html"))
    assert sorted(p.relative_to(site.root) for p in site.parses) == html, "a built HTML file no step parsed: the link crawl reads them all"
    assert set(site.parses.values()) == {1}, {str(p): n for p, n in site.parses.items() if n != 1}
    assert set(site.reads.values()) == {1}


def test_the_steps_that_edit_pages_come_before_the_steps_that_parse_them():
    from explainer.pipeline import STEPS

    names = [step.name for step in STEPS]
    edits = ["email edition", "content security policy"]
    parses = ["sources shown", "search index", "link crawl", "trimmed styles", "only what readers load"]
    assert max(names.index(n) for n in edits) < min(names.index(n) for n in parses), names
    # Trimming changes the parsed pages into what site.js makes of them: after every
    # step that reads their text; pruning only follows their references (unchanged).
    assert names.index("trimmed styles") > max(names.index(n) for n in ["sources shown", "search index", "link crawl"]), names
    assert names[-1] == "only what readers load", "pruning deletes what nothing refers to: it must see every file the others wrote"
    assert [s.name for s in STEPS if not s.in_preview] == ["trimmed styles", "minified script and styles", "only what readers load"]


def test_cached_work_gives_the_bytes_a_build_without_caches_gives(tmp_path, monkeypatch):
    """Everything a build keeps for the next (explainer.cache: page analyses,
    renders and Markdown conversions, compiled templates, validated data, Babel's
    answers, what steps read off pages, the inlined email, trimmed styles, cards
    and chart images), in memory and in .cache/: a build from them must give
    exactly the bytes of a build from nothing."""
    import build
    from explainer import cache, converted, data, pages, site as built, source

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")
    assert build.build_site(tmp_path / "warm", "http://127.0.0.1:9/proj/") == 0   # fills the caches
    assert build.build_site(tmp_path / "again", "http://127.0.0.1:9/proj/") == 0  # from them
    monkeypatch.setattr(cache, "CACHE", tmp_path / "empty-cache")
    for memory in (built._EXTRACTED, source._CACHE, pages._RENDERED, converted._KEPT, cache._CLDR):
        memory.clear()
    for memo in (source.text_template, data._parse_cached, data._ui_cached):
        memo.cache_clear()
    assert build.build_site(tmp_path / "cold", "http://127.0.0.1:9/proj/") == 0

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    again, cold = files(tmp_path / "again"), files(tmp_path / "cold")
    assert sorted(again) == sorted(cold)
    assert [name for name in again if again[name] != cold[name]] == []
    kinds = {p.name for p in (tmp_path / "empty-cache").iterdir()}
    assert kinds >= {"source", "render", "markdown", "jinja", "data", "cldr", "extract", "email", "trim", "cards", "charts"}, "the cold build kept nothing of its own: " + ", ".join(sorted(kinds))


def test_a_copy_of_the_content_builds_itself_with_the_one_library(project_copy, tmp_path):
    """The library works on the project it is run from (explainer/paths.py), not on
    the folder it sits in: a copy of the content whose scripts/ is a link to this
    repository's builds the copy's words, and leaves this repository's alone."""
    from conftest import run_build

    assert (project_copy / "scripts").is_symlink() and not (project_copy / ".git").exists()
    page = project_copy / "docs" / "terms.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\n\n", "\n\nWords only the copy has.\n\n", 1), encoding="utf-8")
    result = run_build(tmp_path / "out", "http://127.0.0.1:9/proj/", cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Words only the copy has." in (tmp_path / "out" / "en" / "terms" / "index.html").read_text(encoding="utf-8")
    assert "Words only the copy has." not in (ROOT / "docs" / "terms.en.md").read_text(encoding="utf-8")
    assert (project_copy / ".cache").is_dir() and not (ROOT / ".cache" / "render").samefile(project_copy / ".cache" / "render")
