"""Page-call parsing (explainer.source, with Jinja's own parser) and the calls table
(explainer.calls): which calls a page makes, with their literal arguments and
lines, the blocks they sit in, the errors for what a page cannot call, and the
check of each call's references against the data. No build."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explainer import calls as calls_mod
from explainer.calls import (BY_NAME, PAGE_CALLS, PARITY, bad_call_message, call_args, call_date, check_references,
                             describe, parse_day)
from explainer.data import Fact, Facts
from explainer.source import PAGE_ENV, READS, Call, parse_template, parse_text, read_source, special_slugs

FRONT = "---\ndescription: A page.\npublished: 2026-01-02\nupdated: 2026-01-02\n---\n"


def write(tmp_path: Path, body: str, name: str = "page.en.md") -> Path:
    path = tmp_path / name
    path.write_text(FRONT + body, encoding="utf-8")
    return path


def said(error) -> str:
    return error.message.removeprefix(error.where())


# Days -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("2027-01-04", dt.date(2027, 1, 4)), ("2028-02-29", dt.date(2028, 2, 29)),
    ("2027-02-30", None), ("2027-13-01", None), ("2027-1-4", None), ("27-01-04", None), (" 2027-01-04", None),
    ("2027-01-04 ", None), ("2027/01/04", None), ("20270104", None), ("", None), ("2027-01-04x", None),
])
def test_parse_day_takes_only_a_real_yyyy_mm_dd(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("value, day", [("2027-01-04", dt.date(2027, 1, 4)), (20270104, None), (None, None),
                                        (dt.date(2027, 1, 4), None), ("2027-02-30", None)])
def test_call_date_takes_one_quoted_date(value, day):
    assert call_date(value) == day


@pytest.mark.parametrize("value, shown", [(None, ""), ("2027-02-30", '"2027-02-30"'), (20270104, "20270104"), ("", '""')])
def test_the_message_for_a_bad_review_date_shows_what_was_written(value, shown):
    assert bad_call_message(value) == (f"review_by({shown}) needs one real date in quotes, YYYY-MM-DD: the day the statement "
                                       'before it must be checked again, e.g. {{ review_by("2027-01-04") }}')


# The calls table -----------------------------------------------------------------------

def test_the_calls_a_page_can_make():
    assert PAGE_CALLS == ("fact", "label", "cite", "quote", "claim", "chart", "key_figures", "timeline", "sources_list",
                          "updates_list", "open_data", "kit", "local_difference", "review_by")
    assert set(PARITY) == {"fact", "label", "cite", "quote", "claim", "chart"}
    assert describe("fact", "deal.value") == "uses fact `deal.value`"
    assert describe("cite", (5, 13)) == "cites [5, 13]"
    assert describe("label", ("a", "b")) == "labels [a, b]"
    assert describe("chart", "x") == "draws chart `x`" and describe("claim", "c") == "shows claim `c`" and describe("quote", "q") == "quotes `q`"
    assert call_args(Call("cite", (5, 13), {}, 1)) == (5, 13)
    assert call_args(Call("fact", ("a", "b"), {}, 1)) == "a"
    assert call_args(Call("label", ("a", "b"), {}, 1)) == ("a", "b")
    assert call_args(Call("timeline", (), {}, 1)) is None
    assert [BY_NAME[n].takes for n in ("fact", "label", "cite", "review_by", "local_difference")] == [
        "a quoted name", "quoted fact names", "source numbers", "a quoted date", "a quoted reason"]


def F(key):
    return Fact.model_construct(key=key, kind="money", value=1e9, sources=[5], status="confirmed", line=1)


FACTS = Facts(Path("facts.yml"), {"deal.value": F("deal.value"), "weak.gw": F("weak.gw")}, {5: {}, 12: {}},
              {"altman": {}}, [{"id": "chips"}], [], [], {"commitments_usd": {}, "commitments_gw": {}}, [],
              {"one-line": {}}, None)
PAGE = Path("/tmp/page.en.md")


@pytest.mark.parametrize("call, messages", [
    (Call("fact", ("deal.value",), {}, 4), []),
    (Call("fact", ("deal.nope",), {}, 4), ["unknown fact `deal.nope`: add it to data/facts.yml or fix the name"]),
    (Call("quote", ("nobody",), {}, 4), ["unknown quote `nobody`: add it under `quotes:` in data/facts.yml"]),
    (Call("quote", ("altman",), {}, 4), []),
    (Call("claim", ("chips",), {}, 4), []),
    (Call("claim", ("value",), {}, 4), ["unknown claim `value`: add it under `claims:` in data/facts.yml"]),
    (Call("kit", ("one-line",), {}, 4), []),
    (Call("kit", ("long",), {}, 4), ["unknown newsletter summary `long`: add it under `newsletter:` in data/facts.yml"]),
    (Call("chart", ("commitments_usd",), {}, 4), []),
    (Call("chart", ("pie",), {}, 4), ["unknown chart `pie`: add `pie:` under `charts:` in data/facts.yml (commitments_gw, commitments_usd)"]),
    (Call("cite", (5, 12), {}, 4), []),
    (Call("cite", (5, 99, 98), {}, 4), ["cites source 99, which is not in `sources:` of data/facts.yml",
                                        "cites source 98, which is not in `sources:` of data/facts.yml"]),
    (Call("cite", (), {}, 4), ["cite() takes source numbers, e.g. {{ cite(5, 13) }}"]),
    (Call("cite", (5, "12"), {}, 4), ["cite() takes source numbers, e.g. {{ cite(5, 13) }}"]),
    (Call("label", ("weak.gw",), {}, 4), []),
    (Call("label", (), {}, 4), ['label() names the facts it qualifies, e.g. {{ label("stargate.gw") }}']),
    (Call("label", ("weak.gw", "x"), {}, 4), ["label() names unknown fact `x`: add it to data/facts.yml or fix the name"]),
    (Call("review_by", ("2027-01-04",), {}, 4), []),
    (Call("review_by", ("2027-02-30",), {}, 4), [bad_call_message("2027-02-30")]),
    (Call("review_by", (), {}, 4), [bad_call_message(None)]),
    (Call("timeline", (), {}, 4), []),
    (Call("local_difference", ("why",), {}, 4), []),
    (Call("fact", (None,), {}, 4, literal=False), ["fact() takes a quoted name written out, not an expression"]),
    (Call("cite", (None,), {}, 4, literal=False), ["cite() takes source numbers written out, not an expression"]),
])
def test_every_reference_is_checked_against_the_data(call, messages):
    errors = check_references([call], PAGE, FACTS)
    assert [said(e) for e in errors] == messages
    assert all(e.line == 4 and e.path == PAGE for e in errors)


@pytest.mark.parametrize("kind, key, known", [
    ("fact", "deal.value", True), ("fact", "x", False), ("quote", "altman", True), ("quote", "deal.value", False),
    ("claim", "chips", True), ("claim", "altman", False), ("newsletter summary", "one-line", True),
    ("newsletter summary", "chips", False),
])
def test_each_kind_of_name_is_looked_up_in_its_own_section(kind, key, known):
    check = calls_mod._missing(kind, "the fix")
    assert check(key, FACTS) == ([] if known else [f"unknown {kind} `{key}`: the fix"])


def test_every_bad_call_of_a_page_is_reported():
    errors = check_references([Call("fact", ("a",), {}, 2), Call("cite", (99,), {}, 3), Call("quote", ("b",), {}, 4)], PAGE, FACTS)
    assert [e.line for e in errors] == [2, 3, 4]


def test_chart_names_are_the_charts_in_the_data():
    from explainer.data import load_facts
    assert calls_mod.chart_names() == sorted(load_facts().charts)


# Parsing a data text ---------------------------------------------------------------------

def test_a_data_text_gives_its_calls_at_the_entrys_line():
    calls, errors = parse_text("About {{ fact('a.b') }} and {{ fact(\"c\", mark=False) }} {{ label('c') }}.\nMore {{ cite(5, -2) }}",
                               PAGE, 40)
    assert errors == []
    assert calls == [Call("fact", ("a.b",), {}, 40), Call("fact", ("c",), {"mark": False}, 40), Call("label", ("c",), {}, 40),
                     Call("cite", (5, -2), {}, 40)]
    calls, _ = parse_text("{{ fact('x') }}", PAGE, None)
    assert calls[0].line == 0


def test_a_data_text_with_a_syntax_error_or_an_unknown_call_is_refused_at_the_entrys_line():
    calls, [error] = parse_text("About {{ fact('a' }}", PAGE, 12)
    assert calls == [] and error.line == 12 and said(error).startswith("template syntax: ")
    calls, [error] = parse_text("{{ facts('a') }}", PAGE, 13)
    assert error.line == 13 and said(error).startswith("unknown call `facts()`: pages can call chart(), cite(), claim(), fact()")
    _, [error] = parse_text("{{ deal }}", PAGE, 14)
    assert said(error).startswith("`deal` is not something a page can use; pages can call chart(), cite()")
    for allowed in ("{{ lang }}", "{{ report_url }}", "{{ sources_shown.total }}", "{% set x = 1 %}{{ x }}",
                    "{% for n in [1] %}{{ n }}{% endfor %}"):
        assert parse_text(allowed, PAGE, 1) == ([], []), allowed


def test_literal_arguments_and_expressions():
    calls, _ = parse_text("{{ cite(*[5]) }}{{ fact(key) }}{{ cite(5, (1, 2)) }}{{ fact('a', mark=x) }}{{ fact('a', **k) }}"
                          "{{ cite([5, 6]) }}{{ cite(-5) }}{{ cite(-x) }}", PAGE, 1)
    assert [c.literal for c in calls] == [False, False, True, False, False, True, True, False]
    assert calls[2].args == (5, (1, 2)) and calls[5].args == ((5, 6),) and calls[6].args == (-5,)
    assert calls[1].args == (None,) and calls[3].kwargs == {"mark": None}


def test_a_method_call_is_not_a_page_call():
    assert parse_text("{{ 'a'.upper() }}{{ sources_shown.get('total') }}", PAGE, 1) == ([], [])
    calls, errors = parse_text("{{ x.y() }}{{ cite(5) }}", PAGE, 1)
    assert [c.name for c in calls] == ["cite"]
    calls, errors = parse_text("{% set f = 1 %}{{ f() }}{{ cite(5) }}{{ nope() }}{{ cite(12) }}", PAGE, 1)
    assert [c.args for c in calls] == [(5,), (12,)] and len(errors) == 1


def test_a_macros_parameters_are_names_a_page_may_use():
    assert parse_text("{% macro m(p) %}{{ p }}{% endmacro %}", PAGE, 1) == ([], [])


def test_each_data_text_is_parsed_once_however_often_it_is_checked():
    text = "{{ cite(5) }} counted once"
    before = READS[("text", text)]
    first = parse_text(text, PAGE, 1)
    again = parse_text(text, PAGE, 7)
    assert READS[("text", text)] == before + 1
    assert [c.line for c in first[0]] == [1] and [c.line for c in again[0]] == [7], "each call is placed at its own entry's line"


def test_errors_of_a_data_text_name_its_file():
    for text in ("{{ fact('a' }}", "{{ nope() }}", "{{ deal }}"):
        [error] = parse_text(text, PAGE, 3)[1]
        assert error.path == PAGE and error.line == 3


def test_parse_template_reports_the_line_in_the_file():
    tree, [error] = parse_template("one\ntwo\n{{ fact( }}\n", 10, PAGE)
    assert tree is None and error.line == 12
    tree, errors = parse_template("fine {{ x }}", 10, PAGE)
    assert errors == [] and tree is not None


# Reading a page ---------------------------------------------------------------------------

BODY = """# The page {#top}

Intro with {{ fact("deal.value") }} {{ cite(5) }}
and its second line {{ fact("weak.gw", mark=False) }} {{ label("weak.gw") }}.

## Scale {#scale}

- An item {{ cite(12) }}
  continued {{ fact("deal.value") }}
- Another {{ cite(5) }}

| a | b |
|---|---|
| {{ fact("deal.value") }} | {{ cite(5) }} |

Table: A caption {{ cite(12) }}

> A quote {{ cite(5) }}
> goes on {{ fact("weak.gw") }}

```
{{ not_parsed_as_a_heading }}
# not a heading
```

#### Deep {#deep}

Under the deep heading {{ cite(5) }}

### Third {#third}
Right after it {{ review_by("2027-01-04") }}
"""


def test_a_page_is_read_into_calls_headings_and_blocks(tmp_path):
    path = write(tmp_path, BODY, "hardware.es.md")
    source = read_source(path)
    assert (source.slug, source.lang, source.first) == ("hardware", "es", 6)
    assert source.meta["description"] == "A page."
    assert [(h.level, h.id, h.text, h.line) for h in source.headings] == [
        (1, "top", "The page", 6), (2, "scale", "Scale", 11), (4, "deep", "Deep", 31), (3, "third", "Third", 35)]
    kinds = [(b.kind, b.start, b.end, b.section) for b in source.blocks]
    assert kinds == [
        ("heading", 6, 6, "top"), ("paragraph", 8, 9, "top"), ("heading", 11, 11, "scale"),
        ("item", 13, 14, "scale"), ("item", 15, 15, "scale"), ("row", 17, 17, "scale"), ("row", 18, 18, "scale"),
        ("row", 19, 19, "scale"), ("caption", 21, 21, "scale"), ("quote", 23, 24, "scale"), ("fence", 26, 29, "scale"),
        ("heading", 31, 31, "scale"), ("paragraph", 33, 33, "scale"), ("heading", 35, 35, "third"),
        ("paragraph", 36, 36, "third")]
    by_block = [[(c.name, c.line) for c in b.calls] for b in source.blocks]
    assert by_block[1] == [("fact", 8), ("cite", 8), ("fact", 9), ("label", 9)]
    assert by_block[3] == [("cite", 13), ("fact", 14)]
    assert by_block[7] == [("fact", 19), ("cite", 19)]
    assert by_block[9] == [("cite", 23), ("fact", 24)]
    assert by_block[10] == []     # `{{ not_parsed_as_a_heading }}` is a name, reported, not a call
    assert by_block[14] == [("review_by", 36)]
    assert [c.kwargs for c in source.named("fact")] == [{}, {"mark": False}, {}, {}, {}]
    assert [said(e) for e in source.errors] == [
        "`not_parsed_as_a_heading` is not something a page can use; pages can call " + ", ".join(f"{k}()" for k in sorted(PAGE_CALLS))]
    assert source.errors[0].line == 27
    sections = source.sections()
    assert list(sections) == ["", "top", "scale", "third"] and sections[""] == []
    assert [b.kind for b in sections["third"]] == ["heading", "paragraph"]
    assert source.blocks[1].named("cite") == [Call("cite", (5,), {}, 8)]


def test_a_page_renders_from_its_one_parse(tmp_path):
    source = read_source(write(tmp_path, "# T {#t}\n\nA {{ fact('x') }} and {{ lang }}.\n"))
    assert source.template().render(fact=lambda k: k.upper(), lang="en") == "# T {#t}\n\nA X and en.\n"
    assert source.template() is source.template()
    template = source.template()
    assert template.name == "page.en.md" and template.filename == str(tmp_path / "page.en.md")
    assert template.globals == PAGE_ENV.make_globals(None)


def test_a_runtime_error_in_a_page_points_at_the_page(tmp_path):
    import traceback

    path = write(tmp_path, "# T {#t}\n\n{{ missing_name.x }}\n", "broken.en.md")
    with pytest.raises(Exception) as info:
        read_source(path).template().render()
    assert str(path) in [frame.filename for frame in traceback.extract_tb(info.tb)]


def test_a_page_is_read_once_until_it_changes(tmp_path):
    import os
    path = write(tmp_path, "# T {#t}\n\nA {{ cite(5) }}\n")
    first = read_source(path)
    assert read_source(path) is first and READS[path] == 1
    path.write_text(FRONT + "# T {#t}\n\nA {{ cite(5) }} {{ cite(12) }}\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    second = read_source(path)
    assert second is not first and READS[path] == 2 and len(second.named("cite")) == 2


def test_a_page_with_a_syntax_error_has_no_tree_and_the_error_at_its_line(tmp_path):
    path = write(tmp_path, "# T {#t}\n\nfine\n\n{% if %}\n")
    source = read_source(path)
    assert source.tree is None and source.calls == []
    [error] = source.errors
    assert error.line == 10 and error.path == path and said(error).startswith("template syntax:")


def test_every_problem_of_a_page_is_kept(tmp_path):
    path = tmp_path / "page.en.md"
    path.write_text("---\ndescription: [unclosed\n---\nText {{ nope() }} {{ deal }} {{ lang }} {{ report_url }}\n", encoding="utf-8")
    source = read_source(path)
    assert [e.line for e in source.errors] == [2, 4, 4]
    assert all(e.path == path for e in source.errors)
    assert said(source.errors[1]).startswith("unknown call `nope()`")
    path = tmp_path / "syntax.en.md"
    path.write_text("---\ndescription: [unclosed\n---\nText {% if %}\n", encoding="utf-8")
    assert [e.line for e in read_source(path).errors] == [2, 4]


def test_the_language_suffix_may_name_a_territory(tmp_path):
    source = read_source(write(tmp_path, "text\n", "page.pt-BR.md"))
    assert (source.slug, source.lang) == ("page", "pt-BR")


def test_blocks_before_any_heading_and_odd_ones(tmp_path):
    source = read_source(write(tmp_path, "Before any heading.\n\n## No id here\n\n  | indented | row |\n\n> one line\n\n```\nunclosed\n"))
    assert [(b.kind, b.start, b.end, b.section) for b in source.blocks] == [
        ("paragraph", 6, 6, ""), ("heading", 8, 8, ""), ("row", 10, 10, ""), ("quote", 12, 12, ""), ("fence", 14, 15, "")]
    assert [(h.level, h.id, h.text) for h in source.headings] == [(2, None, "No id here")]
    source = read_source(write(tmp_path, "```\n", "fence.en.md"))
    assert [(b.kind, b.start, b.end) for b in source.blocks] == [("fence", 6, 6)]


def test_a_page_without_a_language_suffix(tmp_path):
    source = read_source(write(tmp_path, "text\n", "notes.md"))
    assert (source.slug, source.lang) == ("notes", None)
    path = tmp_path / "bare.en.md"
    path.write_text("no front matter {{ cite(5) }}\n", encoding="utf-8")
    source = read_source(path)
    assert source.first == 1 and source.meta == {} and source.calls[0].line == 1


def test_a_call_found_by_the_parser_not_by_a_pattern(tmp_path):
    source = read_source(write(tmp_path, 'Not a call: fact("deal.value") nor {{ "fact(\'x\')" }}.\n\n{{ fact(\n  "deal.value") }}\n'))
    assert [(c.name, c.args, c.line) for c in source.calls] == [("fact", ("deal.value",), 8)]


def test_the_special_pages_are_found_by_what_they_call():
    assert special_slugs() == {"sources": "sources", "updates": "updates", "newsletter": "newsletter"}


def test_pages_render_in_an_environment_that_leaves_heading_ids_alone():
    assert PAGE_ENV.from_string("## A {#a}\n{## a comment ##}").render() == "## A {#a}\n"
