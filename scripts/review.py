#!/usr/bin/env python3
"""List the pending statements whose review date has passed.

    python scripts/review.py [--today YYYY-MM-DD] [--markdown [--site-url URL]]

A statement about something pending (a deadline not yet passed, "has not said",
"as of November 28") is marked with the day it must be checked again: in a page
with {{ review_by("YYYY-MM-DD") }} right after it, in data/facts.yml with
`review_by: YYYY-MM-DD` on the entry. This lists every one whose day is today or
earlier, one per line as `path:line: the statement's start… (review by DATE)`,
and exits 1; with none due it says how many are marked and when the next is due,
and exits 0. Bad input exits 2.

With --markdown it prints, when something is due, the body of the issue the
weekly workflow (.github/workflows/review.yml) opens or updates, "Statements due
for review": the same lines, each with links to where readers see the statement
(site URL + page path + #section; --site-url defaults to site_url in mkdocs.yml).
With nothing due it prints the one line the workflow closes that issue with.

When one is listed: check the statement against the sources; rewrite it (a new
fact, a new sentence) or, if it still holds, give it a later review date; move the
page's `updated:` date and log the change in `updates:` (see the README).

This is the one command that reads the clock (--today defaults to today, UTC);
the build never does.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

# scripts/ is on the import path: Python puts a script's own folder there.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The project: the folder holding this scripts/ folder, as the command named it (see build.py).
os.environ["EXPLAINER_PROJECT"] = str(Path(__file__).absolute().parents[1])

from explainer.errors import ContentError  # noqa: E402


def _day(text: str) -> dt.date:
    from explainer.calls import parse_day

    day = parse_day(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2027-01-05")
    return day


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line and exit 2, as argparse does, without the usage block
        self.exit(2, f"error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description=__doc__.split("\n\n")[0], epilog="\n\n".join(__doc__.split("\n\n")[1:]),
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--today", type=_day, metavar="YYYY-MM-DD",
                        help="the day to check against (default: today's date, UTC)")
    parser.add_argument("--markdown", action="store_true",
                        help="print the review issue's body (Markdown, with links to the pages) instead of plain lines")
    parser.add_argument("--site-url", metavar="URL", help="the published site, for --markdown's links (default: site_url in mkdocs.yml)")
    args = parser.parse_args(argv)
    today = args.today or dt.datetime.now(dt.timezone.utc).date()
    try:
        from explainer.data import parse_facts
        from explainer.review import all_statements

        statements = all_statements(parse_facts())
    except ContentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    due = [s for s in statements if s.due <= today]
    if args.markdown and due:
        from explainer import CONFIG
        from explainer.review import issue_body

        site_url = args.site_url or CONFIG.get("site_url") or ""
        print(issue_body(due, today, site_url if site_url.endswith("/") else site_url + "/"), end="")
        return 1
    for s in due:
        print(f"{s.where()}: {s.text} (review by {s.due.isoformat()})")
    if due:
        print(f"{len(due)} of {len(statements)} marked statements are due for review on {today.isoformat()}: "
              "check each against the sources, then update it or give it a later review date, "
              "and log the change in `updates:` (README, \"When a review is due\").", file=sys.stderr)
        return 1
    upcoming = sorted(s.due for s in statements)
    nxt = f"; the next is due on {upcoming[0].isoformat()}" if upcoming else ""
    print(f"Nothing overdue on {today.isoformat()}: {len(statements)} statements marked for review{nxt}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
