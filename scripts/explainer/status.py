"""How firm a figure is, said in words: the one place the status label is made.

Every status but "confirmed" is shown to readers as a label after the phrase it
qualifies: «(no confirmado)», "(non-binding)". Pages (components/fact.html and
status.html through explainer.pages), charts (explainer.charts), the timeline,
the email edition and the chart PNGs all call `status_label`; the words are
`status.<status>` in data/ui.yml.

House style (README, "The status label"): the label follows the phrase it
qualifies, never between a number and its noun; one label per sentence, so a
page writes `fact("x", mark=False)` and then `label("x")` at the end of the
phrase; a fact resting only on weak sources carries its label whatever the
sentence says (explainer.citations checks both).
"""
from __future__ import annotations

from typing import Iterable

from .data import load_ui

CONFIRMED = "confirmed"


def status_word(status: str, lang: str) -> str:
    """«no confirmado», "non-binding": the status in words, lower case."""
    return load_ui()[lang][f"status.{status}"]


def status_label(status: str, lang: str) -> str:
    """«(no confirmado)», "(non-binding)"; "" for a confirmed figure."""
    return "" if status == CONFIRMED else f"({status_word(status, lang)})"


def shared_status(statuses: Iterable[str]) -> str | None:
    """The one status several figures share, else None (a label says one status)."""
    found = set(statuses)
    return found.pop() if len(found) == 1 else None
