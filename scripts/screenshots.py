#!/usr/bin/env python3
"""Screenshots of every page, both languages, phone and desktop, light and dark.

    python scripts/screenshots.py [--out screenshots/] [--pages index,terms] [--full] [--date YYYY-MM-DD]

Builds the site into a temporary folder, serves it under /proj/ and drives
Debian's Chromium with Playwright (scripts/devtools/harness.py). Writes
<out>/<lang>-<page>-<width>-<scheme>.png. Look at them. --date sets the
browser's clock (noon that day), e.g. past a page's next review to see its
overdue notice.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer import LANGS, NAV_SLUGS, ROOT, page_path
from devtools.harness import built_site, launch_chromium

WIDTHS = {390: 844, 1280: 800}
SCHEMES = ("light", "dark")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--pages", help="comma-separated slugs (index for the home); default: all")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    parser.add_argument("--date", help="the browser's date (YYYY-MM-DD), e.g. past a review date to show the overdue notice")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    slugs = args.pages.split(",") if args.pages else NAV_SLUGS
    args.out.mkdir(parents=True, exist_ok=True)
    with built_site() as (_, url), sync_playwright() as p:
        browser = launch_chromium(p)
        for width, height in WIDTHS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                if args.date:
                    import datetime as dt
                    page.clock.set_fixed_time(dt.datetime.fromisoformat(args.date + "T12:00:00"))
                for slug in slugs:
                    for lang in LANGS:
                        page.goto(url + page_path("" if slug == "index" else slug, lang))
                        dest = args.out / f"{lang}-{slug or 'index'}-{width}-{scheme}.png"
                        page.screenshot(path=str(dest), full_page=args.full)
                        print(dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
