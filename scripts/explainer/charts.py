"""A chart's layout, computed once from the data and drawn twice: as HTML by the
one template overrides/components/chart.html (text that follows the reader's
font size, bars that are CSS boxes sized in % of the longest bar), and as a PNG
for email by explainer.chart_png. No per-chart template: a chart is its data
under `charts:` in data/facts.yml and its title and note in data/ui.yml.

Bars keep the order of the data (firmest first). A bar may stack segments (the
AWS agreement and its expansion; AMD's firm gigawatt and the rest); a bar with a
`total` gets a second, thin band of the total's length drawn in the total's
status style (our sum is an interpretation), so the total never looks like a
confirmed figure. Every figure that is not confirmed says its status in words
beside it and is drawn in its status's pattern; the legend lists the styles drawn.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import DATA_FILE
from .data import Facts
from .errors import ContentError
from .format import date_text, render
from .status import status_label, status_word

# The order statuses appear in a legend: firmest first.
STATUS_ORDER = ("confirmed", "partly_firm", "conditional", "preliminary", "nonbinding", "unconfirmed", "interpretation")


@dataclass
class Segment:
    fact: str
    text: str            # "US$38 billion"
    status: str
    label: str           # the segment's own label ("original, Nov 2025, 7 years"), or ""
    start: float         # where it starts, in % of the longest bar
    width: float         # its length, in % of the longest bar
    n: int               # 1, 2…: its place in a stack
    sources: list[int] = field(default_factory=list)
    tag: str = ""        # its status label, "(unconfirmed)", or "" when confirmed (explainer.status)


@dataclass
class Row:
    label: str           # the partner: "AWS"
    head: str            # the fact the row's figure is (the total of a stack)
    value: str           # that figure, formatted
    status: str          # that figure's status
    tag: str             # "(interpretation)", or "" when confirmed
    note: str
    segments: list[Segment]
    total: Segment | None   # the band under a stack, when the bar has a `total`

    @property
    def multi(self) -> bool:
        return len(self.segments) > 1


@dataclass
class Layout:
    name: str
    lang: str
    title: str
    note: str            # the caption's explanation
    caveat: str          # one line: what the figures are not (the email image carries it)
    as_of: str           # "Data as of November 28, 2026."
    unit: str            # the table's column for the figures: "Amount", "Capacity"
    rows: list[Row]
    legend: list[tuple[str, str]]   # [(status, "Confirmed"), …]: the styles drawn
    sources: list[int]
    description: str     # every figure in words, for alt text

    @property
    def table(self) -> list[dict]:
        """The table's rows: each segment, then a stack's total."""
        out = []
        for r in self.rows:
            for s in r.segments:
                out.append({"fact": s.fact, "label": r.label, "note": s.label or r.note, "text": s.text,
                            "status": s.status, "word": status_word(s.status, self.lang), "sources": s.sources})
            if r.total:
                out.append({"fact": r.head, "label": r.label, "note": "total", "text": r.value, "status": r.status,
                            "word": status_word(r.status, self.lang), "sources": []})
        return out


def chart_layout(facts: Facts, name: str, lang: str, t) -> Layout:
    """The layout of chart `name` in language `lang` (`t`: that language's interface words)."""
    chart = facts.charts.get(name)
    if chart is None:
        raise ContentError(DATA_FILE, f"no chart `{name}`: add `{name}:` under `charts:` ({', '.join(sorted(facts.charts))})")
    F = facts.facts
    title, note = t[f"chart.{name}.title"], t[f"chart.{name}.note"]   # a missing word names data/ui.yml
    caveat = (chart.get("caveat") or {}).get(lang)
    if not isinstance(caveat, str):
        raise ContentError(DATA_FILE, f"chart `{name}` needs `caveat: {{{lang}: …}}`, the one line its email image carries", getattr(chart, "line", None))
    totals = [sum(F[s["fact"]].value for s in bar["segments"]) for bar in chart["bars"]]
    longest = max(totals)
    rows, statuses, sources, desc = [], {"confirmed"}, set(), []

    def pct(value) -> float:
        return round(value / longest * 100, 2)

    for bar in chart["bars"]:
        segments, x = [], 0.0
        for n, seg in enumerate(bar["segments"], 1):
            f = F[seg["fact"]]
            label = seg["label"][lang] if seg.get("label") else ""
            segments.append(Segment(f.key, render(f, lang), f.status, label, round(x, 2), pct(f.value), n, list(f.sources),
                                    status_label(f.status, lang)))
            x += f.value / longest * 100
            statuses.add(f.status)
            sources.update(f.sources)
        head = bar.get("total") or bar["segments"][0]["fact"]
        hf = F[head]
        statuses.add(hf.status)
        total = None
        if bar.get("total"):
            total = Segment(head, render(hf, lang), hf.status, t["chart.total"], 0.0, pct(sum(F[s["fact"]].value for s in bar["segments"])), 0)
        tag = status_label(hf.status, lang)
        bar_note = bar["note"][lang] if bar.get("note") else ""
        rows.append(Row(bar["label"], head, render(hf, lang), hf.status, tag, bar_note, segments, total))
        parts = " + ".join(f"{s.text} {s.tag}".rstrip() for s in segments)
        desc.append(f"{bar['label']}: {render(hf, lang)}" + (f" {tag}" if tag else "") + (f" = {parts}" if len(segments) > 1 else "")
                    + (f", {bar_note}" if bar_note else ""))
    as_of = t["chart.as_of"].format(date=date_text(str(chart["as_of"]), lang))
    unit = t["capacity"] if F[chart["bars"][0]["segments"][0]["fact"]].kind == "gw" else t["amount"]
    legend = [(s, status_word(s, lang)[:1].upper() + status_word(s, lang)[1:]) for s in STATUS_ORDER if s in statuses]
    return Layout(name, lang, title, note, caveat, as_of, unit, rows, legend,
                  sorted(sources), f"{as_of} " + "; ".join(desc) + ".")
