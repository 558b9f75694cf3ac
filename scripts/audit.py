#!/usr/bin/env python3
"""Lighthouse on every page, both languages, mobile settings: a table, page by page.

    python scripts/audit.py [--pages index,hardware]

Builds the site into a temporary folder, serves it under /proj/ (gzip, as GitHub
Pages does) and runs Lighthouse 12.2.3 (installed from npm into .tools/ on first
use) in Debian's Chromium. Exits 1 when a page scores below 100 in accessibility,
best practices or SEO, or below 95 in performance, and lists the failing audits.
The test suite runs the faster axe, network and console checks; this is the audit.
"""
from __future__ import annotations

import argparse
import sys

from devtools import lighthouse
from devtools.harness import built_site
from explainer import LANGS, NAV_SLUGS, page_path

MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help="comma-separated slugs (index for the home); default: every page")
    args = parser.parse_args()
    lighthouse.ensure_installed()
    slugs = args.pages.split(",") if args.pages else NAV_SLUGS
    failed = False
    with built_site() as (_, url):
        print(f"{'page':28} " + " ".join(f"{c[:13]:>14}" for c in lighthouse.CATEGORIES))
        for path in [page_path(slug, lang) for lang in LANGS for slug in slugs]:
            report = lighthouse.run(url + path)
            result = lighthouse.scores(report)
            low = [c for c, s in result.items() if s < MINIMUM[c]]
            print(f"{'/' + path:28} " + " ".join(f"{result[c]:>14}" for c in lighthouse.CATEGORIES) + ("  ← below target" if low else ""))
            if low:
                failed = True
                for audit in lighthouse.failing_audits(report):
                    print(f"{'':30}{audit}")
    print("targets: " + ", ".join(f"{c} ≥ {v}" for c, v in MINIMUM.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
