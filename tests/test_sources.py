"""The sources page: what each entry shows, what the method section counts, and
the rule that a fact resting only on weak sources or aggregators is shown as
unconfirmed (the build refuses it otherwise)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import LANGS, page_url_path, run_build
from explainer.data import is_weak, parse_facts

# The goal (issue 17): at least 75% of entries show a date. A publication date
# counts where the page, a verbatim copy or the outlet's own address shows it
# (data/facts.yml never infers one from a "Monday"); a documentation page with no
# publication date shows, labelled as such, the day we checked it.
DATED_SHARE_FLOOR = 0.75
DOUBT_LABELS = re.compile(r"not verified|unverified|undated|no verificado|sin fecha", re.I)


@pytest.fixture(scope="module")
def facts():
    return parse_facts()


def entries(pages, lang):
    soup = pages[("sources", lang)]
    return soup.select("ol.sources > li")


@pytest.mark.parametrize("lang", LANGS)
def test_no_source_is_labelled_as_doubtful(pages, lang):
    doubtful = [li.get("id") for li in entries(pages, lang) if DOUBT_LABELS.search(li.get_text(" "))]
    assert not doubtful, f"entries labelled 'not verified' or 'undated' in {lang}: {doubtful}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_shows_outlet_language_and_link(pages, lang, facts):
    lis = entries(pages, lang)
    assert [int(li["value"]) for li in lis] == sorted(facts.sources)
    for li in lis:
        src = facts.sources[int(li["value"])]
        first = li.find("a")
        assert first["href"] == src["url"] and first.get_text(strip=True) == src["publisher"], li["id"]
        assert li.select_one(".sources__lang"), f"{li['id']} does not say its language"
        cite = li.find("cite")
        assert (cite.get_text() if cite else None) == src.get("title"), f"{li['id']}: headline differs from the data"
        time = li.find("time")
        shown = str(src["date"]) if src.get("date") else (str(src["checked"]) if src.get("checked") else None)
        assert (time["datetime"] if time else None) == shown, li["id"]
        if src.get("checked") and not src.get("date"):
            words = {"es": "consultada el", "en": "checked"}[lang]
            assert words in li.get_text(" "), f"{li['id']}: the day we checked it is not said to be that"


@pytest.mark.parametrize("lang", LANGS)
def test_most_entries_show_a_date(pages, lang):
    lis = entries(pages, lang)
    dated = sum(1 for li in lis if li.find("time"))
    assert dated / len(lis) >= DATED_SHARE_FLOOR, f"only {dated} of {len(lis)} entries show a date"


@pytest.mark.parametrize("lang", LANGS)
def test_method_counts_match_the_data(pages, lang, facts):
    soup = pages[("sources", lang)]
    para = soup.find(id="headlines-dates").find_next("p").get_text(" ", strip=True)
    numbers = [int(n) for n in re.findall(r"\d+", para)[:4]]
    total = len(facts.sources)
    untitled = sum(1 for s in facts.sources.values() if not s.get("title"))
    undated = sum(1 for s in facts.sources.values() if not s.get("date"))
    checked = sum(1 for s in facts.sources.values() if not s.get("date") and s.get("checked"))
    assert checked, "no documentation page gives the day we checked it: this part checks nothing"
    assert numbers == [total, untitled, undated, checked], para
    assert len(entries(pages, lang)) == total


def test_no_confirmed_fact_rests_only_on_weak_sources_or_aggregators(facts):
    weak_only = [k for k, f in facts.facts.items() if f.sources and all(is_weak(facts.sources[n]) for n in f.sources)]
    assert weak_only, "the data has no weak-only fact: this test would check nothing"
    assert all(facts.facts[k].status == "unconfirmed" for k in weak_only), \
        [k for k in weak_only if facts.facts[k].status != "unconfirmed"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_weak_only_fact_reads_as_unconfirmed_on_the_page(pages, lang):
    """stargate.gw rests only on The Grid Report [45], a blog: wherever since/ shows
    it, its own label says so (every figure of every page: tests/test_status_labels.py)."""
    soup = pages[("since", lang)]
    word = {"es": "(no confirmado)", "en": "(unconfirmed)"}[lang]
    shown = soup.select('article .fact[data-fact="stargate.gw"]')
    assert shown, "since/ no longer shows stargate.gw: pick another weak-only figure"
    for el in shown:
        own = el.select('.status[data-status-for~="stargate.gw"]') or [
            s for s in el.find_all_next(class_="status") if "stargate.gw" in s.get("data-status-for", "").split()
            and s.find_parent(["p", "li", "tr"]) is el.find_parent(["p", "li", "tr"])]
        assert own and own[0].get_text(strip=True) == word, f"stargate.gw without {word} on since/ in {lang}"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refused(project_copy, tmp_path, pattern):
    out = tmp_path / "out"
    result = run_build(out, "http://127.0.0.1:9/proj/", cwd=project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(pattern, result.stderr), result.stderr
    assert not out.exists() or not any(out.iterdir()), "a half-built site was left behind"


def test_a_confirmed_fact_whose_only_source_is_an_aggregator_is_refused(project_copy, tmp_path):
    # Nasdaq (RTTNews) [27] is the only source of amd.date; mark it an aggregator.
    _replace(project_copy / "data" / "facts.yml", "  27: {tag: M,", "  27: {tag: M, kind: aggregator,")
    _refused(project_copy, tmp_path, r"data/facts\.yml:\d+: fact `amd\.[\w.]+` rests only on weak sources \(tag W\) or aggregators \(kind: aggregator\): add `status: unconfirmed`")


def test_a_confirmed_event_whose_only_source_is_weak_is_refused(project_copy, tmp_path):
    # The CoreWeave event rests on Reuters [30] alone; tag it weak and give its facts an unconfirmed status.
    facts = project_copy / "data" / "facts.yml"
    _replace(facts, "  30: {tag: M,", "  30: {tag: W,")
    text = facts.read_text(encoding="utf-8")
    text = re.sub(r"(  coreweave\.\w+: +\{kind: \w+, value: [\d-]+, )(sources: \[30\]\})", r"\1status: unconfirmed, \2", text)
    facts.write_text(text, encoding="utf-8")
    _refused(project_copy, tmp_path, r"data/facts\.yml:\d+: event of 2025-09-25 rests only on weak sources \(tag W\): add `confirmed: false`")


def test_a_quote_resting_on_a_weak_source_is_refused(project_copy, tmp_path):
    _replace(project_copy / "data" / "facts.yml", "  11: {tag: M,", "  11: {tag: W,")
    _refused(project_copy, tmp_path, r"data/facts\.yml:\d+: quote `jassy` rests on weak sources \(tag W\)")


def test_unknown_source_kind_is_refused(project_copy, tmp_path):
    _replace(project_copy / "data" / "facts.yml", "  27: {tag: M,", "  27: {tag: M, kind: blog,")
    _refused(project_copy, tmp_path, r"data/facts\.yml:\d+: source 27: `kind:` is `aggregator`")
