"""Review dates (explainer.review): each review_by() marker in a page and each
`review_by:` in the data, with the statement it governs, as scripts/review.py
lists them. No build."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explainer import review
from explainer.data import Fact, Facts
from explainer.errors import ContentError

FRONT = "---\ndescription: A page.\npublished: 2026-01-02\nupdated: 2026-01-02\n---\n"


class Entry(dict):
    """A data entry that knows its line, as the loader's mappings do."""

    def __init__(self, line, **fields):
        super().__init__(fields)
        self.line = line


FACTS = Facts(
    Path("/tmp/facts.yml"),
    {"deal.value": Fact.model_construct(key="deal.value", kind="money", value=38e9, sources=[5], status="confirmed", line=3),
     "review.date": Fact.model_construct(key="review.date", kind="date", value=dt.date(2026, 12, 7), status="confirmed", line=4, claim=False)},
    {}, {}, claims=[
        Entry(30, id="value", article="u$s38.000 millones", review_by=dt.date(2027, 3, 1),
              later=Entry(33, en="Later {{ fact('deal.value') }}.", es="Después.", review_by=dt.date(2027, 2, 1))),
        Entry(40, id="chips", later=Entry(41, en="No date.", es="Sin fecha.")),
        Entry(45, id="omits", article=None, later=Entry(46, en="Only later.", es="Solo después.")),
        Entry(47, id="bare"),
    ],
    events=[Entry(50, date="2026-04", en="An event.", es="Un evento.", review_by=dt.date(2027, 1, 4)),
            Entry(51, date="2026-05", en="No review.", es="Sin revisión.")],
    key_figures=[Entry(60, fact="deal.value", label={"es": "Acuerdo", "en": "Deal"}, review_by=dt.date(2027, 1, 5))],
    charts={}, updates=[],
    newsletter={"one-line": Entry(70, es="Resumen {{ fact('deal.value') }}.", en="Summary.", review_by=dt.date(2027, 1, 6))},
    card=None,
)


def page(tmp_path: Path, body: str, name: str = "page.es.md") -> Path:
    path = tmp_path / name
    path.write_text(FRONT + body, encoding="utf-8")
    return path


def test_each_marker_gives_the_statement_just_before_it(tmp_path):
    path = page(tmp_path, "# Título {#t}\n\n"
                          "Primera frase. Al {{ fact('review.date') }}, no se sabía{{ review_by(\"2027-01-04\") }}, "
                          "y el plazo {{ review_by('2027-02-01') }} sigue.\n\n"
                          "- **Un ítem** con [un enlace](x.md) y `código`{{ review_by(\"2027-03-01\") }}.\n")
    found = review.page_statements(path, FACTS)
    assert [(s.line, s.due, s.text) for s in found] == [
        (8, dt.date(2027, 1, 4), "Primera frase. … Al 7 de diciembre de 2026, no se sabía"),
        (8, dt.date(2027, 2, 1), "Primera frase. … Al 7 de diciembre de 2026, no se sabía, y el plazo"),
        (10, dt.date(2027, 3, 1), "Un ítem con un enlace y código"),
    ]
    assert found[0].where() == f"{path}:8" or found[0].where().endswith("page.es.md:8")


def test_a_statement_spanning_lines_starts_at_its_block(tmp_path):
    path = page(tmp_path, "Line one of the block.\nLine two {{ fact('deal.value') }} ends{{ review_by('2027-01-04') }}.\n", "p.en.md")
    [statement] = review.page_statements(path, FACTS)
    assert statement.line == 7
    assert statement.text == "Line one of the block. … Line two US$38 billion ends"


def test_a_bad_marker_is_refused_with_its_line(tmp_path):
    path = page(tmp_path, "Text.\n\nMore{{ review_by('2027-02-30') }}.\n")
    with pytest.raises(ContentError) as info:
        review.page_statements(path, FACTS)
    assert info.value.path == path and info.value.line == 8 and 'review_by("2027-02-30") needs one real date' in str(info.value)


def test_a_marker_alone_on_its_line_and_a_page_without_a_language(tmp_path):
    path = page(tmp_path, "El total, {{ fact('deal.value') }}\n{{ review_by('2027-01-04') }} sigue.\n", "notes.md")
    [statement] = review.page_statements(path, FACTS)
    assert statement.text == "El total, US$ 38.000 millones"     # the default language's figures


def test_a_page_without_markers_has_no_statements(tmp_path):
    assert review.page_statements(page(tmp_path, "Nothing pending {{ cite(5) }}.\n"), FACTS) == []


@pytest.mark.parametrize("text, shown", [
    ("Short.", "Short."),
    ("A " + "long " * 20 + "sentence", "A " + ("long " * 13).strip() + "…"),
    ("x" * 80, "x" * 70 + "…"),
    ("y" * 70, "y" * 70),
    (":" + "a" * 58 + "X, " + "b" * 20, ":" + "a" * 58 + "X…"),
    ("a" * 60 + " " + "b" * 5 + "\u00a0" + "c" * 10, "a" * 60 + "…"),
])
def test_long_statements_are_shortened_at_a_word(text, shown):
    assert review._shorten(text) == shown


def test_readable_text_drops_markup_and_silences_calls():
    assert review._readable("## Heading {#h}", "en", FACTS) == "Heading"
    text = "## Heading\n**Bold** [link](a.md) <i lang=\"en\">word</i> `code` {{ cite(5) }} {{ fact('deal.value') }} {{ fact('nope') }}"
    assert review._readable(text, "en", FACTS) == "Heading Bold link word code US$38 billion"
    assert review._readable("{{ fact('deal.value') }}", "en", None) == ""
    assert review._readable("{% if %} broken", "en", FACTS) == "{% if %} broken"
    assert review._readable("> quoted\n1. listed", "en", FACTS) == "quoted 1. listed"
    assert review._readable("In {{ lang }}{{ report_url }}{{ sources_shown }}.", "en", FACTS) == "In en{}."


def test_describe_gives_the_last_sentence_after_the_first():
    assert review.describe("One. Two? «Three» four", "es", FACTS) == "One. … «Three» four"
    assert review.describe("Only one", "en", FACTS) == "Only one"
    assert review.describe("", "en", FACTS) == "(no text before the marker)"
    assert review.describe("Ends with 3. 4 starts", "en", FACTS) == "Ends with 3. … 4 starts"


def test_entry_dates_include_a_claims_later_update():
    assert review.entry_dates(FACTS.claims[0]) == ["2027-03-01", "2027-02-01"]
    assert review.entry_dates(FACTS.claims[1]) == []
    assert review.entry_dates({"review_by": "2027-01-04", "later": "not a mapping"}) == ["2027-01-04"]
    assert review.entry_dates({"later": {"review_by": dt.date(2027, 5, 1)}}) == ["2027-05-01"]


def test_every_data_entry_that_may_carry_a_date_is_listed():
    entries = review.data_entries(FACTS)
    assert [what for what, _, _ in entries] == [
        "event 2026-04", "event 2026-05", "claim value", "claim value (later)", "claim chips", "claim chips (later)",
        "claim omits", "claim omits (later)", "claim bare", "key figure deal.value", "newsletter one-line"]
    texts = {what: text for what, _, text in entries}
    assert texts["claim value"] == "u$s38.000 millones"
    assert texts["claim chips"] == "Sin fecha."      # no article: its later text
    assert texts["claim bare"] == ""
    assert texts["key figure deal.value"] == "Acuerdo {{ fact('deal.value') }}"


def test_data_statements_carry_their_entrys_line_and_date():
    found = review.data_statements(FACTS)
    assert [(s.line, s.due, s.text) for s in found] == [
        (50, dt.date(2027, 1, 4), "event 2026-04: Un evento."),
        (30, dt.date(2027, 3, 1), "claim value: u$s38.000 millones"),
        (33, dt.date(2027, 2, 1), "claim value (later): Después."),
        (60, dt.date(2027, 1, 5), "key figure deal.value: Acuerdo US$ 38.000 millones"),
        (70, dt.date(2027, 1, 6), "newsletter one-line: Resumen US$ 38.000 millones."),
    ]
    assert all(s.path == FACTS.path for s in found)


def test_all_statements_lists_pages_in_file_order_then_the_data(tmp_path):
    page(tmp_path, "B{{ review_by('2027-01-02') }}.\n", "b.es.md")
    page(tmp_path, "A {{ fact('deal.value') }}{{ review_by('2027-01-03') }}.\n", "a.en.md")
    found = review.all_statements(FACTS, docs=tmp_path)
    assert [(s.path.name, s.due) for s in found[:2]] == [("a.en.md", dt.date(2027, 1, 3)), ("b.es.md", dt.date(2027, 1, 2))]
    assert [s.text for s in found[:2]] == ["A US$38 billion", "B"]
    assert len(found) == 2 + len(review.data_statements(FACTS))


# Where readers see a due statement, and the weekly issue's body ----------------

def test_a_page_statement_links_its_page_and_the_section_it_sits_in(tmp_path):
    path = page(tmp_path, "# Terms {#terms}\n\nIntro.\n\n## Scale {#scale}\n\nIt is pending{{ review_by(\"2027-01-04\") }}.\n", "terms.en.md")
    statement = review.page_statements(path)[0]
    assert review.statement_urls(statement, "https://x.example/", tmp_path) == ["https://x.example/en/terms/#scale"]
    before = page(tmp_path, "Before any heading{{ review_by(\"2027-01-04\") }}.\n\n# Home {#home}\n", "index.es.md")
    assert review.statement_urls(review.page_statements(before)[0], "https://x.example/", tmp_path) == ["https://x.example/"]


def test_a_data_statement_links_every_page_that_makes_the_call_that_shows_it(tmp_path):
    page(tmp_path, "# Hitos {#timeline}\n\n## Todo {#events}\n\n{{ timeline() }}\n", "timeline.es.md")
    page(tmp_path, "# Milestones {#timeline}\n\n## All {#events}\n\n{{ timeline() }}\n", "timeline.en.md")
    page(tmp_path, "# Check {#check}\n\n## Chips {#claim-chips}\n\n{{ claim(\"chips\") }}\n\n## Value {#claim-value}\n\n{{ claim(\"value\") }}\n",
         "fact-check.en.md")
    by_start = {s.text.split(":")[0]: s for s in review.data_statements(FACTS)}
    event, value = by_start["event 2026-04"], by_start["claim value"]
    figure, newsletter = by_start["key figure deal.value"], by_start["newsletter one-line"]
    assert event.shown_by == ("timeline", None) and value.shown_by == ("claim", "value")
    assert figure.shown_by == ("key_figures", None) and newsletter.shown_by == ("kit", "one-line")
    assert by_start["claim value (later)"].shown_by == ("claim", "value")   # a claim's update shows with the claim
    assert review.statement_urls(event, "https://x.example/", tmp_path) == [
        "https://x.example/en/timeline/#events", "https://x.example/timeline/#events"]
    # Only the claim it is, not every claim on the page.
    assert review.statement_urls(value, "https://x.example/", tmp_path) == ["https://x.example/en/fact-check/#claim-value"]
    chips = review.Statement(Path("x"), 1, "claim chips", dt.date(2027, 1, 1), ("claim", "chips"))
    assert review.statement_urls(chips, "https://x.example/", tmp_path) == ["https://x.example/en/fact-check/#claim-chips"]
    assert review.statement_urls(figure, "https://x.example/", tmp_path) == []   # no page here shows the cards


def test_the_issue_body_lists_each_statement_with_its_links_and_markdown_escaped(tmp_path):
    path = page(tmp_path, "# Terms {#terms}\n\n## Scale {#scale}\n\nIt is pending{{ review_by(\"2027-01-04\") }}.\n", "terms.en.md")
    due = review.page_statements(path)
    lines = review.issue_body(due, dt.date(2027, 1, 5), "https://x.example/", tmp_path).splitlines()
    assert lines[0] == "1 marked statement is due for review on 2027-01-05, each with where readers see it:"
    assert lines[1] == ""
    where = due[0].where().replace("_", "\\_")   # the path's own underscores are escaped too
    assert lines[2] == f"- {where}: It is pending (review by 2027-01-04)  "
    assert lines[3] == "  <https://x.example/en/terms/#scale>"
    assert lines[4:] == ["", "For each: check it against the sources; rewrite it (a new fact for the new moment, in both languages) "
                         "or, if it still holds, give it a later review date; move the page's `updated:` date and log the change in "
                         "`updates:`. README: \"When a review is due\". This issue is updated every Monday and closed when nothing is due."]
    two = review.issue_body(due * 2, dt.date(2027, 1, 5), "https://x.example/", tmp_path)
    assert two.startswith("2 marked statements are due for review on 2027-01-05, each with")
    tricky = review.Statement(path, 9, "a|b_c*d`e<f>[g]\\h", dt.date(2027, 1, 4))
    escaped = review.issue_body([tricky], dt.date(2027, 1, 5), "https://x.example/", tmp_path)
    assert "a\\|b\\_c\\*d\\`e\\<f\\>\\[g\\]\\\\h (review by 2027-01-04)" in escaped


def test_the_issue_body_joins_several_links_and_gives_none_when_no_page_shows_it(tmp_path):
    page(tmp_path, "# Hitos {#timeline}\n\n## Todo {#events}\n\n{{ timeline() }}\n", "timeline.es.md")
    page(tmp_path, "# Milestones {#timeline}\n\n## All {#events}\n\n{{ timeline() }}\n", "timeline.en.md")
    by_start = {s.text.split(":")[0]: s for s in review.data_statements(FACTS)}
    body = review.issue_body([by_start["event 2026-04"], by_start["key figure deal.value"]], dt.date(2027, 1, 5), "https://x.example/", tmp_path)
    lines = body.splitlines()
    assert lines[3] == "  <https://x.example/en/timeline/#events>, <https://x.example/timeline/#events>"
    assert lines[4].startswith("- ") and lines[4].endswith("(review by 2027-01-05)") and lines[5] == ""
    assert body.endswith("closed when nothing is due.\n") and not body.endswith("\n\n")
