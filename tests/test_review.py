"""Statements that know when they expire: scripts/review.py lists the overdue ones
with path:line and fails; the build shows each page's next review in its dateline,
in the page's language, and never reads the clock to do it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGS, ROOT, SLUGS, page_url_path, run_build
from explainer.data import load_facts
from explainer.format import date_text
from explainer.review import entry_dates

LISTED = re.compile(r"^(?P<path>\S+?):(?P<line>\d+): (?P<text>.+) \(review by (?P<date>\d{4}-\d{2}-\d{2})\)$")
MARKER = re.compile(r"""review_by\(\s*["'](\d{4}-\d{2}-\d{2})["']\s*\)""")
NEXT_REVIEW = {"es": "Próxima revisión:", "en": "Next review:"}


def review(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(cwd / "scripts" / "review.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def markers(root: Path = ROOT) -> list[tuple[str, int, str]]:
    """(path, line, date) of every review_by() call in the pages."""
    found = []
    for path in sorted((root / "docs").glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [(path.relative_to(root).as_posix(), number, date) for date in MARKER.findall(line)]
    return found


def listed(stdout: str) -> list[re.Match]:
    lines = stdout.splitlines()
    matches = [LISTED.match(line) for line in lines]
    assert all(matches), "every line is path:line: statement (review by date):\n" + "\n".join(l for l, m in zip(lines, matches) if not m)
    return matches


def test_january_2027_lists_the_end_2026_statements_with_path_and_line():
    result = review("--today", "2027-01-05")
    assert result.returncode == 1, result.stdout + result.stderr
    found = listed(result.stdout)
    where = {(m["path"], int(m["line"])) for m in found}
    due = {(path, line) for path, line, date in markers() if date <= "2027-01-05"}
    assert due <= where, f"not listed: {sorted(due - where)}"
    for page in ("since", "timeline"):
        for lang in LANGS:
            assert any(m["path"] == f"docs/{page}.{lang}.md" and m["date"] == "2027-01-04" for m in found), f"{page}.{lang}: the end-2026 deadline is not listed"
    for m in found:
        assert "{{" not in m["text"] and "**" not in m["text"], f"the statement should read as text: {m['text']}"
        if m["path"].startswith("docs/"):
            line = (ROOT / m["path"]).read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
            assert f'review_by("{m["date"]}")' in line, f"{m['path']}:{m['line']} is not the marker's line"
    # The statement shown is the one the marker governs: the sentence just before it.
    by_path = {m["path"]: m["text"] for m in found}
    # Worded to stay true after 31 December 2026 (README, "Mark a statement that expires").
    assert "did not report" in by_path["docs/since.en.md"] and "has not passed" not in by_path["docs/since.en.md"]
    assert "no informaban" in by_path["docs/since.es.md"] and "todavía no venció" not in by_path["docs/since.es.md"]
    assert "due for review" in result.stderr


def test_nothing_overdue_on_2_december_2026():
    result = review("--today", "2026-12-02")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Nothing overdue on 2026-12-02" in result.stdout
    counted = re.search(r"(\d+) statements marked for review; the next is due on (\d{4}-\d{2}-\d{2})", result.stdout)
    assert counted and int(counted.group(1)) >= len(markers())
    assert counted.group(2) == min(date for _, _, date in markers())


def test_without_today_it_reads_the_clock_and_reports_in_the_same_form():
    """Today (UTC) decides the answer: 1 with the list when a marked date is due, else 0."""
    import datetime as dt

    before = dt.datetime.now(dt.timezone.utc).date().isoformat()
    result = review()
    after = dt.datetime.now(dt.timezone.utc).date().isoformat()
    dates = [date for _, _, date in markers()]
    dates += re.findall(r"review_by: (\d{4}-\d{2}-\d{2})", (ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))
    due = {today: any(date <= today for date in dates) for today in (before, after)}
    expected = {1 if is_due else 0 for is_due in due.values()}   # two answers only if the day changed meanwhile
    assert result.returncode in expected, result.stdout + result.stderr
    if result.returncode == 1:
        listed(result.stdout)
    else:
        assert result.stdout.startswith(f"Nothing overdue on {after}") or result.stdout.startswith(f"Nothing overdue on {before}")


@pytest.mark.parametrize("bad", ["2027-02-30", "5 January 2027", "tomorrow"])
def test_a_bad_today_is_one_line_and_exit_2(bad):
    result = review("--today", bad)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "YYYY-MM-DD" in result.stderr, result.stderr


def test_a_marker_without_a_real_date_is_an_error_not_skipped(project_copy):
    page = project_copy / "docs" / "since.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace('review_by("2027-01-04")', 'review_by("2027-01-32")', 1), encoding="utf-8")
    result = review("--today", "2026-12-02", cwd=project_copy)
    assert result.returncode == 2
    assert re.fullmatch(r'error: docs/since\.en\.md:\d+: review_by\("2027-01-32"\) needs one real date.*\n', result.stderr), result.stderr


def test_help_says_what_it_does_and_how_statements_are_marked():
    result = review("--help")
    assert result.returncode == 0
    for words in ("--today", "review_by", "review_by:", "exits 1", "README"):
        assert words in result.stdout, words


def test_a_data_entry_with_review_by_is_listed_at_its_line_and_dates_the_pages_that_show_it(project_copy, tmp_path):
    facts = project_copy / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    at = text.index("\n  - {", text.index("\nevents:\n")) + len("\n  - {")
    facts.write_text(text[:at] + "review_by: 2026-12-20, " + text[at:], encoding="utf-8")
    line = text[:at].count("\n") + 1

    result = review("--today", "2026-12-21", cwd=project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert any(m["path"] == "data/facts.yml" and int(m["line"]) == line and m["date"] == "2026-12-20" and m["text"].startswith("event ")
               for m in listed(result.stdout)), result.stdout
    assert review("--today", "2026-12-19", cwd=project_copy).returncode == 0

    # timeline() shows every event: the page's next review is now this earlier date.
    built = run_build(tmp_path / "out", "http://127.0.0.1:9/proj/", cwd=project_copy)
    assert built.returncode == 0, built.stderr
    for lang, prefix in zip(LANGS, ("", "en/")):
        html = (tmp_path / "out" / prefix / "timeline" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'class="dateline__review">[^<]*<time datetime="2026-12-20">', html), f"timeline/{lang}"


def test_since_shows_its_next_review_in_each_language(pages):
    for lang, words in NEXT_REVIEW.items():
        review_el = pages[("since", lang)].select_one(".dateline .dateline__review")
        assert review_el is not None, f"since/{lang}: no next review in the dateline"
        time = review_el.find("time")
        assert time["datetime"] == "2027-01-04"
        assert review_el.get_text(" ", strip=True).replace("\u00a0", " ") == f"{words} {date_text('2027-01-04', lang)}"
    assert pages[("since", "es")].select_one(".dateline__review").get_text(" ", strip=True) == "Próxima revisión: 4 de enero de 2027"
    assert pages[("since", "en")].select_one(".dateline__review").get_text(" ", strip=True) == "Next review: January 4, 2027"


def _expected_review(slug: str, lang: str) -> str | None:
    """The earliest review date of what a page states: its own markers, and the data entries it shows."""
    source = (ROOT / "docs" / f"{slug or 'index'}.{lang}.md").read_text(encoding="utf-8")
    dates = MARKER.findall(source)
    facts = load_facts()
    shown = []
    if "timeline()" in source:
        shown += facts.events
    if "key_figures()" in source:
        shown += facts.key_figures
    shown += [c for c in facts.claims if re.search(r"""claim\(\s*["']""" + re.escape(c["id"]) + "[\"']", source)]
    shown += [t for name, t in facts.newsletter.items() if re.search(r"""kit\(\s*["']""" + re.escape(name) + "[\"']", source)]
    dates += [d for entry in shown for d in entry_dates(entry)]
    return min(dates, default=None)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_shows_its_earliest_review_date_and_only_when_it_has_one(pages, slug):
    for lang in LANGS:
        expected = _expected_review(slug, lang)
        found = pages[(slug, lang)].select_one(".dateline .dateline__review time")
        assert (found["datetime"] if found else None) == expected, f"{slug or 'index'}/{lang}"


def test_markdown_is_the_review_issues_body_with_links_to_the_sections(pages, base_url):
    """What the weekly workflow posts as the issue "Statements due for review": one
    item per statement due, `path:line: start… (review by DATE)` as the plain list
    says it, then a link to each place readers see it (site URL + page + #section)."""
    plain = listed(review("--today", "2027-01-05").stdout)
    result = review("--today", "2027-01-05", "--markdown", "--site-url", base_url)
    assert result.returncode == 1, result.stderr
    body = result.stdout
    items = re.findall(r"^- (.+)  \n  (.+)$", body, flags=re.M)
    assert len(items) == len(plain), body[:2000]
    for (text, links), match in zip(items, plain):
        assert re.sub(r"\\(.)", r"\1", text) == match.group(0), "the item reads as the plain list's line"
        urls = re.findall(r"<([^>]+)>", links)
        assert urls, f"{text}: no link"
        for url in urls:
            assert url.startswith(base_url), url
            path, _, section = url[len(base_url):].partition("#")
            soup = next(s for (slug, lang), s in pages.items() if page_url_path(slug, lang) == path)
            assert section and soup.find(id=section), f"{url}: no such section"
    since = next(links for text, links in items if text.startswith("docs/since.en.md:"))
    assert f"<{base_url}en/since/#unknowns>" in since
    assert "README" in body and "updates:" in body


def test_markdown_with_nothing_due_is_the_line_the_issue_is_closed_with():
    result = review("--today", "2026-12-02", "--markdown")
    assert result.returncode == 0
    assert result.stdout.startswith("Nothing overdue on 2026-12-02:") and result.stdout.count("\n") == 1
