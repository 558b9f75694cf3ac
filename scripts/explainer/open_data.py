"""The site's figures as open data: figures.json and figures.csv per language
(at the language's root: /figures.json, /en/figures.json), written from the same
data as the pages, so the files cannot drift from what readers see.

Which figures: those the site presents as data, the key-figure cards of the home
page (each card's figure and its detail) and every figure of the charts' tables
(segments and totals), each once, in that order. Their labels come from where
they are shown (the card's label; the chart's bar, with its segment's label or
note), so no label is written twice. For each: key, label, value and unit, the
text as shown (explainer.format.render), the status and its word
(explainer.status), the date it describes (a card's `as_of:`; a chart's
`as_of:`), where it is shown, and its sources (number, outlet, title, date, URL;
a derived figure lists the sources of the figures it is computed from).

Reuse: CC BY 4.0, said once, in components/open-data.html (and in the JSON's
`licence`), with the page call open_data() on the sources and newsletter pages.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import LANGS, lang_prefix, page_path
from .charts import chart_layout
from .data import Facts, load_ui
from .format import render
from .status import status_word

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
FILES = ("figures.json", "figures.csv")
UNITS = {"money": "USD", "price": "USD", "number": "count", "percent": "fraction", "gw": "GW", "years": "years",
         "year": "year", "month": "month", "date": "date", "list": "list", "words": "words"}
CSV_COLUMNS = ("key", "label", "value", "unit", "text", "status", "status_word", "as_of", "shown_on", "sources")


def _value(fact):
    value = fact.value
    if fact.kind in ("date", "month"):
        return str(value)
    if fact.kind == "words":
        return None
    return value


def figures(facts: Facts, lang: str, site_url: str) -> list[dict]:
    """The published figures of one language, in the order readers meet them."""

    t = load_ui()[lang]
    shown: list[tuple[str, str, str, str]] = []   # (fact, label, as_of, shown on)
    home = site_url + page_path("", lang) + "#key-figures"
    for card in facts.key_figures:
        shown.append((card["fact"], card["label"][lang], str(card["as_of"]), home))
        if card.get("detail"):
            detail = facts.facts[card["detail"]]
            label = (f'{card["detail_label"][lang]}' if card.get("detail_label")
                     else f'{card["label"][lang]}: {t["open_data.detail." + detail.kind]}')
            shown.append((card["detail"], label, str(card["as_of"]), home))
    chart_pages = _chart_pages()
    for name, chart in facts.charts.items():
        layout = chart_layout(facts, name, lang, t)
        where = site_url + page_path(chart_pages.get(name, ""), lang) + f"#chart-{name}"
        for row in layout.table:
            note = t["chart.total"].lower() if row["note"] == "total" else row["note"]
            shown.append((row["fact"], f"{layout.title}: {row['label']}" + (f", {note}" if note else ""), str(chart["as_of"]), where))
    out, seen = [], set()
    for key, label, as_of, where in shown:
        if key in seen:
            continue
        seen.add(key)
        fact = facts.facts[key]
        out.append({
            "key": key, "label": label, "value": _value(fact), "unit": UNITS[fact.kind], "text": render(fact, lang),
            "status": fact.status, "status_word": status_word(fact.status, lang), "as_of": as_of, "shown_on": where,
            "sources": [{"number": n, "outlet": facts.sources[n].get("publisher"), "title": facts.sources[n].get("title"),
                         "date": str(facts.sources[n]["date"]) if facts.sources[n].get("date") else None,
                         "url": facts.sources[n].get("url")} for n in facts.facts[key].sources],   # a derived figure's: its parts' (explainer.data)
        })
    return out


def _chart_pages() -> dict[str, str]:
    """{chart name: the slug of the first page (nav order) that draws it}, from the
    pages' one parse (explainer.source)."""
    from . import DEFAULT_LANG, DOCS, NAV_SLUGS
    from .source import read_source

    found = {}
    for slug in NAV_SLUGS:
        path = DOCS / f"{slug or 'index'}.{DEFAULT_LANG}.md"
        if path.exists():
            for call in read_source(path).named("chart"):
                found.setdefault(call.first, slug)
    return found


def to_csv(rows: list[dict]) -> str:
    """One row per figure; sources as "N outlet, title, date, URL" joined by " | "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        sources = " | ".join(", ".join(str(v) for v in (f"[{s['number']}] {s['outlet']}", s["title"], s["date"], s["url"]) if v)
                             for s in row["sources"])
        writer.writerow([row[c] if c != "sources" else sources for c in CSV_COLUMNS[:-1]] + [sources])
    return buffer.getvalue()


def write_open_data(site: Path, site_url: str, site_names: dict[str, str], facts: Facts) -> list[Path]:
    """figures.json and figures.csv at each language's root."""
    written = []
    for lang in LANGS:
        rows = figures(facts, lang, site_url)
        folder = site / lang_prefix(lang)
        folder.mkdir(parents=True, exist_ok=True)
        document = {"title": load_ui()[lang]["open_data.title"], "site": site_names[lang], "url": site_url + lang_prefix(lang),
                    "language": lang, "licence": LICENCE, "figures": rows}
        (folder / "figures.json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (folder / "figures.csv").write_text(to_csv(rows), encoding="utf-8-sig")
        written += [folder / name for name in FILES]
    return written
