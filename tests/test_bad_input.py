"""Bad input stops the build with one clear message (file, line where known, what
to do), no traceback, and leaves the previous output exactly as it was."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_build


def _replace(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replaces `old` with `new`; returns the line where the new text starts (its first
    character that is not a line break), which is where the build must point."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1 + len(new) - len(new.lstrip("\n"))


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def remove_twin(p: Path):
    (p / "docs" / "glossary.en.md").unlink()


def broken_link(p: Path):
    f = p / "docs" / "terms.es.md"
    f.write_text(f.read_text(encoding="utf-8") + "\n\nVer [otra página](no-such-page.md).\n", encoding="utf-8")


def broken_anchor(p: Path):
    f = p / "docs" / "terms.es.md"
    f.write_text(f.read_text(encoding="utf-8") + "\n\nVer [el hardware](hardware.md#no-such-section).\n", encoding="utf-8")


def malformed_yaml(p: Path):
    return _replace(p / "data" / "facts.yml", "  deal.years:        {kind: years, value: 7,", "  deal.years:        {kind: years, value: [7,")


def unknown_fact(p: Path):
    return _insert_line(p / "docs" / "terms.en.md", 9, 'It cost {{ fact("deal.no_such_figure") }}.')


def heading_ids_differ(p: Path):
    f = p / "docs" / "hardware.en.md"
    text = f.read_text(encoding="utf-8")
    first_id = re.search(r"^##+ .*\{#([\w-]+)\}", text, re.M).group(1)
    f.write_text(text.replace("{#" + first_id + "}", "{#renamed-" + first_id + "}", 1), encoding="utf-8")


def no_description(p: Path):
    f = p / "docs" / "timeline.es.md"
    f.write_text(re.sub(r"^description:.*\n", "", f.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    return 1   # the front matter's first line


def parity_gap(p: Path):
    """One edition cites a source the other does not: the languages drift apart."""
    f = p / "docs" / "terms.en.md"
    text = f.read_text(encoding="utf-8")
    first = re.search(r"\{\{ cite\(([\d, ]+)\) \}\}", text)
    f.write_text(text[:first.start()] + "{{ cite(" + first.group(1) + ", 32) }}" + text[first.end():], encoding="utf-8")
    return text[:first.start()].count("\n") + 1


def chart_without_interface_words(p: Path):
    """A new chart: its data and both pages, but no words in ui.yml."""
    _replace(p / "data" / "facts.yml", "charts:\n", "charts:\n  demo:\n    as_of: 2026-11-28\n    caveat: {es: Demo., en: Demo.}\n    bars:\n      - {label: AWS, segments: [{fact: deal.value}]}\n")
    for lang in ("es", "en"):
        f = p / "docs" / f"terms.{lang}.md"
        f.write_text(f.read_text(encoding="utf-8") + '\n{{ chart("demo") }}\n', encoding="utf-8")


def table_without_caption(p: Path):
    """A data table a screen reader would list unnamed."""
    caption = _replace(p / "docs" / "index.en.md", "\nTable: ", "\nA paragraph, not a caption: ")
    lines = (p / "docs" / "index.en.md").read_text(encoding="utf-8").splitlines()
    first = caption - 1                      # the message points at the table's first row
    while first > 1 and not lines[first - 1].startswith("|"):
        first -= 1
    while first > 1 and lines[first - 2].startswith("|"):
        first -= 1
    return first


def figure_cited_to_another_source(p: Path):
    """A paragraph shows the US$730bn valuation (Tom's Hardware [33]) but cites only CNA [40]."""
    f = p / "docs" / "glossary.en.md"
    return _replace(f, 'a pre-money valuation of {{ fact("round.premoney") }} {{ cite(33, 40) }}', 'a pre-money valuation of {{ fact("round.premoney") }} {{ cite(40) }}')


def source_shown_on_no_page(p: Path):
    """A source the data lists (as one of a fact's sources) that no page cites where readers see it."""
    line = _replace(p / "data" / "facts.yml", "  57: {", '  90: {tag: M, publisher: Nobody, lang: en, url: "https://example.org/"}\n  57: {')
    _replace(p / "data" / "facts.yml", "  deal.years:        {kind: years, value: 7, sources: [5, 12]}", "  deal.years:        {kind: years, value: 7, sources: [5, 12, 90]}")
    return line


def weak_source_stated_as_fact(p: Path):
    """A figure reported by one weak outlet may only appear as unconfirmed."""
    _replace(p / "data" / "facts.yml", "  55: {tag: M,", "  55: {tag: W,")
    return _replace(p / "data" / "facts.yml", "  review.date:", "  talks.weak: {kind: money, value: 50000000000, sources: [55]}\n  review.date:")


def source_cited_nowhere(p: Path):
    return _replace(p / "data" / "facts.yml", "  57: {", '  90: {tag: M, publisher: Nobody, lang: en, url: "https://example.org/"}\n  57: {')


def fact_written_twice(p: Path):
    """A second `deal.value` would silently replace the first on every page."""
    return _replace(p / "data" / "facts.yml", "  deal.years:        {", "  deal.value: {kind: money, value: 1, sources: [1]}\n  deal.years:        {")


def quote_without_source(p: Path):
    """The message points at the quote's first field, where its mapping starts."""
    _replace(p / "data" / "facts.yml", "    source: 11\n", "")
    return _line_of(p / "data" / "facts.yml", "  jassy:") + 1


def _first_section_id(page: Path) -> str:
    return re.search(r"^## .*\{#([\w-]+)\}", page.read_text(encoding="utf-8"), re.M).group(1)


def _new_update(p: Path, link: str, day: str = "2030-01-02") -> int:
    """A new entry at the top of the updates log, newer than every page's `updated:`;
    returns the line of its change."""
    return 6 + _replace(p / "data" / "facts.yml", "\nupdates:\n",
             f"\nupdates:\n  - id: {day}-test\n    time: {day}T10:00:00Z\n    title: {{es: Prueba, en: Test}}\n    summary: {{es: Prueba., en: Test.}}\n"
             f"    changes:\n      - {{kind: update, link: \"{link}\", es: Un cambio., en: A change.}}\n")


def update_without_moved_date(p: Path):
    """The log says a page changed, but the page's `updated:` still says it did not."""
    return _new_update(p, "since#" + _first_section_id(p / "docs" / "since.en.md"))


def update_to_unknown_anchor(p: Path):
    """A change in the newest entry (whose pages are up to date) links a section the page does not have."""
    text = (p / "data" / "facts.yml").read_text(encoding="utf-8")
    at = text.index("    changes:\n", text.index("\nupdates:\n")) + len("    changes:\n")
    (p / "data" / "facts.yml").write_text(text[:at] + '      - {kind: update, link: "since#no-such-section", es: Un cambio., en: A change.}\n' + text[at:], encoding="utf-8")
    return text[:at].count("\n") + 1


def review_date_not_a_date(p: Path):
    f = p / "docs" / "since.en.md"
    return _replace(f, 'review_by("2027-01-04")', 'review_by("2027-02-30")')


def review_dates_differ(p: Path):
    """One edition's pending statement expires on another day than its twin's."""
    return _replace(p / "docs" / "timeline.en.md", 'review_by("2027-01-04")', 'review_by("2027-03-01")')


def data_review_date_not_a_date(p: Path):
    return _replace(p / "data" / "facts.yml", "\nevents:\n  - {", "\nevents:\n  - {review_by: next week, ") + 1


CASES = {
    # case: (break the copy, what the message must name, a line number is expected).
    # A breaker returns the line it broke, and the message's first `file:line` must be it.
    # No line: a page without its twin, a heading id or a missing interface word is a
    # whole file's (or a missing entry's) problem, and links are checked in the built
    # HTML, after the Markdown's lines are gone.
    "page without its twin": (remove_twin, r"docs/glossary\.es\.md: has no en twin: create docs/glossary\.en\.md", False),
    "broken internal link": (broken_link, r"terms\.es\.md.*no-such-page\.md", False),
    "broken anchor": (broken_anchor, r"terms\.es\.md.*no-such-section", False),
    "malformed facts YAML": (malformed_yaml, r"data/facts\.yml:\d+: malformed YAML", True),
    "unknown fact": (unknown_fact, r"docs/terms\.en\.md:\d+: unknown fact `deal\.no_such_figure`", True),
    "heading ids differ": (heading_ids_differ, r"docs/hardware\.en\.md: heading ids differ from docs/hardware\.es\.md .*missing #", False),
    "page without description": (no_description, r"docs/timeline\.es\.md:1: no `description:`", True),
    "languages out of step": (parity_gap, r"docs/terms\.en\.md:\d+ \(#[\w-]+\) cites \[[\d, ]+, 32\]; docs/terms\.es\.md:\d+ \(#[\w-]+\) cites \[[\d, ]+\]", True),
    "chart without interface words": (chart_without_interface_words, r"data/ui\.yml: no interface word `chart\.demo\.title`: add `chart\.demo\.title` to data/ui\.yml", False),
    "table without caption": (table_without_caption, r"docs/index\.en\.md:\d+: a table has no caption: add a line `Table: …` after it", True),
    "figure cited to another source": (figure_cited_to_another_source, r"docs/glossary\.en\.md:\d+: `round\.premoney` \(US\$730 billion\) rests on \[33\], "
                                       r"but this paragraph cites \[40, 41\]: cite one of its sources", True),
    "source shown on no page": (source_shown_on_no_page, r"data/facts\.yml:\d+: source 90 is listed on the sources page but no page in es, en cites it", True),
    "weak source stated as fact": (weak_source_stated_as_fact, r"data/facts\.yml:\d+: fact `talks\.weak` rests only on weak sources \(tag W\): add `status: unconfirmed`", True),
    "source cited nowhere": (source_cited_nowhere, r"data/facts\.yml:\d+: source 90 is cited nowhere", True),
    "fact written twice": (fact_written_twice, r"data/facts\.yml:\d+: `deal\.value` is written twice \(first at line \d+\)", True),
    "quote without source": (quote_without_source, r"data/facts\.yml:\d+: quote `jassy` has no source", True),
    "update without the page's date moved": (update_without_moved_date, r"data/facts\.yml:\d+: update `2030-01-02-test` links `since#[\w-]+` on 2030-01-02, "
                                            r"but page `since` says `updated: [\d-]+` in docs/since\.es\.md and docs/since\.en\.md: set `updated: 2030-01-02`", True),
    "update to an unknown section": (update_to_unknown_anchor, r"data/facts\.yml:\d+: update `[\w-]+` links `since#no-such-section`, but docs/since\.es\.md has no heading \{#no-such-section\}: link one of its sections \(#", True),
    "review date that is no date": (review_date_not_a_date, r'docs/since\.en\.md:\d+: review_by\("2027-02-30"\) needs one real date in quotes, YYYY-MM-DD', True),
    "review dates differ between editions": (review_dates_differ, r"docs/timeline\.en\.md:\d+ \(#[\w-]+\) marks statements for review by [\d, -]*2027-03-01[\d, -]*; docs/timeline\.es\.md:\d+ \(#[\w-]+\) marks statements for review by [\d, -]+\. Both editions", True),
    "data review date that is no date": (data_review_date_not_a_date, r"data/facts\.yml:\d+: event of [\d-]+: `review_by: next week` is not a date; write .* as YYYY-MM-DD", True),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_and_previous_output_kept(project_copy, tmp_path, case):
    breaker, pattern, has_line = CASES[case]
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("previous build", encoding="utf-8")
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    line = breaker(project_copy)

    result = run_build(out, "http://127.0.0.1:9/proj/", cwd=project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    found = re.search(pattern, result.stderr)
    assert found, f"message does not say what and where:\n{result.stderr}"
    where = re.match(r"[\w/.-]+\.(?:md|yml):(\d+)", found.group(0))
    if has_line:
        assert isinstance(line, int), f"the breaker of {case!r} must return the line it broke"
        assert where and int(where.group(1)) == line, f"expected line {line}: {found.group(0)}"
    else:
        assert line is None and where is None, f"{case!r} has no line, yet the message gives one: {found.group(0)}"
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert (out / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not list(tmp_path.glob(".out.*")), "a half-built folder was left behind"


def _previous_site(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("previous build", encoding="utf-8")
    return out


def test_plain_mkdocs_build_refuses_a_page_without_its_twin_in_one_line(project_copy, tmp_path):
    """The checks run in the MkDocs hooks: `mkdocs build` (and `serve`) refuse what
    scripts/build.py refuses, one line per problem, no traceback, nothing written."""
    out = _previous_site(tmp_path)
    remove_twin(project_copy)

    result = _plain_mkdocs_build(project_copy, out)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "jinja2" not in output, output
    problems = [line for line in output.splitlines() if "glossary" in line]
    assert len(problems) == 1 and re.search(r"ERROR +- +docs/glossary\.es\.md: has no en twin: create docs/glossary\.en\.md", problems[0]), output
    assert [p.name for p in out.iterdir()] == ["index.html"] and (out / "index.html").read_text(encoding="utf-8") == "previous build"


def test_one_build_reports_every_data_mistake(project_copy, tmp_path):
    """Three unrelated mistakes in the data files: one build names all three, each on its line."""
    _replace(project_copy / "data" / "facts.yml", "  deal.years:        {kind: years, value: 7,", "  deal.years:        {kind: years, value: seven,")
    _replace(project_copy / "data" / "ui.yml", "verdict:            {es: Veredicto, en: Verdict}", "verdict:            {es: Veredicto}")
    _replace(project_copy / "data" / "facts.yml", "\nevents:\n  - {", "\nevents:\n  - {review_by: next week, ")
    out = _previous_site(tmp_path)

    result = run_build(out, "http://127.0.0.1:9/proj/", cwd=project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line.strip() for line in result.stderr.splitlines() if re.match(r"\s+data/", line)]
    expected = [r"data/facts\.yml:\d+: fact `deal\.years`: `value: seven` must be a number",
                r"data/facts\.yml:\d+: event of [\d-]+: `review_by: next week` is not a date",
                r"data/ui\.yml:\d+: UI string `verdict` needs `en:`"]
    assert len(lines) == 3 and all(any(re.match(p, line) for line in lines) for p in expected), result.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "previous build"


def _plain_mkdocs_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                          cwd=project, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def _insert_line(f: Path, line: int, text: str) -> int:
    """`text` as line `line` (from 1) of file `f`; returns that line."""
    lines = f.read_text(encoding="utf-8").splitlines()
    lines.insert(line - 1, text)
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line


def override_with_a_syntax_error(p: Path) -> int:
    return _insert_line(p / "overrides" / "partials" / "copyright.html", 3, "{% if %}")


def override_that_fails_while_rendering(p: Path) -> int:
    return _insert_line(p / "overrides" / "partials" / "copyright.html", 3, "{{ (1 // 0) }}")


def page_call_left_open(p: Path) -> int:
    return _insert_line(p / "docs" / "terms.en.md", 9, 'It cost {{ fact("deal.value" }}.')


TEMPLATE_CASES = {
    "an override with a syntax error": (override_with_a_syntax_error, r"overrides/partials/copyright\.html:{line}: template syntax: "),
    "an override that fails while rendering": (override_that_fails_while_rendering, r"overrides/partials/copyright\.html:{line}: template error: "),
    "a page call left open": (page_call_left_open, r"docs/terms\.en\.md:{line}: template syntax: "),
}


@pytest.mark.parametrize("runner", ["build.py", "mkdocs build"])
@pytest.mark.parametrize("case", TEMPLATE_CASES)
def test_a_template_error_is_one_line_naming_its_file_and_line(project_copy, tmp_path, case, runner):
    breaker, pattern = TEMPLATE_CASES[case]
    line = breaker(project_copy)
    out = _previous_site(tmp_path)
    result = run_build(out, "http://127.0.0.1:9/proj/", cwd=project_copy) if runner == "build.py" else _plain_mkdocs_build(project_copy, out)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and 'File "' not in output, output
    found = [l for l in output.splitlines() if re.search(pattern.format(line=line), l)]
    assert len(found) == 1, output
    if runner == "build.py" or "syntax" in pattern:   # found before MkDocs writes (plain mkdocs empties its folder first)
        assert (out / "index.html").read_text(encoding="utf-8") == "previous build"


def test_a_page_left_out_of_the_nav_and_an_unknown_fact_elsewhere_are_reported_by_one_build(project_copy, tmp_path):
    _replace(project_copy / "mkdocs.yml", "  - timeline.md\n", "")
    unknown_fact(project_copy)
    out = _previous_site(tmp_path)
    result = run_build(out, "http://127.0.0.1:9/proj/", cwd=project_copy)
    assert result.returncode == 1
    assert re.search(r"docs/timeline\.es\.md: is not in the nav: add `timeline\.md` to `nav:` in mkdocs\.yml", result.stderr), result.stderr
    assert re.search(r"docs/terms\.en\.md:9: unknown fact `deal\.no_such_figure`", result.stderr), result.stderr
