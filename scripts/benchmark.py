#!/usr/bin/env python3
"""This site against a stock build, side by side: requests and bytes on first
load, bytes to answer the first search query, and (with --lighthouse) scores; then,
for this site, the time from the last keystroke to results on screen with the
CPU slowed down 4x.

    python scripts/benchmark.py [--page en/hardware/ ...] [--query nvidia] [--lighthouse]

The stock build is Material's defaults (Google Fonts, lunr search, its JS
bundle) plus mkdocs-static-i18n over the same Markdown, with the same facts hook
so the pages hold the same words. Both are served under /proj/ with gzip, as
GitHub Pages does, and loaded in Debian's Chromium with an empty cache.
Requests to other origins (Google Fonts) fail here for lack of network; they are
counted, not weighed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from explainer import DEFAULT_LANG, ROOT, lang_of_path
from devtools.harness import SUBPATH, built_site, launch_chromium
from devtools.measure import first_load, first_query, keystroke_latency
from devtools.preview import Preview


def build_stock(out: Path, site_url: str, work: Path) -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    components = work / "stock-overrides" / "components"
    shutil.copytree(ROOT / "overrides" / "components", components)  # the facts hook's markup only
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    for lang in i18n["languages"]:
        lang.pop("theme", None)
    i18n["reconfigure_search"] = True
    stock = {
        "site_name": config["site_name"], "site_url": site_url, "docs_dir": str(ROOT / "docs"),
        "theme": {"name": "material", "custom_dir": str(components.parent), "language": DEFAULT_LANG},
        "plugins": ["search", {"i18n": i18n}],
        "hooks": [str(ROOT / "scripts" / "hooks" / "facts.py")],
        "markdown_extensions": config["markdown_extensions"], "nav": config["nav"],
    }
    (work / "stock.yml").write_text(yaml.safe_dump(stock, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "stock.yml"), "-d", str(out)],
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", action="append", help="page to load, relative to the site root (repeatable; default: en/hardware/ and hardware/)")
    parser.add_argument("--query", default="nvidia", help="first search query")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (mobile) on both")
    args = parser.parse_args()
    pages = args.page or ["en/hardware/", "hardware/"]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, built_site() as (_, ours_url):
        work = Path(tmp)
        stock = Preview(work / "stock", SUBPATH)
        build_stock(work / "stock", stock.url, work)
        tables = []
        with stock as stock_url, sync_playwright() as p:
            browser = launch_chromium(p)
            for page_path in pages:
                results = {}
                for name, url, is_stock in (("stock", stock_url, True), ("this site", ours_url, False)):
                    load = first_load(browser, url + page_path)
                    query, links = first_query(browser, url + page_path, args.query, stock=is_stock)
                    accents = first_query(browser, url + page_path, "computo", stock=is_stock)[1]
                    root_path = urlsplit(url).path
                    other_language = [h for h in links
                                      if lang_of_path(urlsplit(urljoin(url + page_path, h)).path[len(root_path):]) != lang_of_path(page_path)]
                    results[name] = (load, query, len(links), len(accents), len(other_language))
                s, o = results["stock"], results["this site"]
                both = (s[0].transferred + s[1].transferred, o[0].transferred + o[1].transferred)
                rows = [
                    ("first load: requests", s[0].requests, o[0].requests),
                    ("first load: bytes transferred", kib(s[0].transferred), kib(o[0].transferred)),
                    ("first load: bytes uncompressed", kib(s[0].uncompressed), kib(o[0].uncompressed)),
                    ("first load: uncompressed responses", len(s[0].uncompressed_types), len(o[0].uncompressed_types)),
                    (f"first query '{args.query}': requests", s[1].requests, o[1].requests),
                    (f"first query '{args.query}': bytes transferred", kib(s[1].transferred), kib(o[1].transferred)),
                    ("first load + first query: bytes", kib(both[0]), f"{kib(both[1])} ({both[1] / both[0]:.2f}x)"),
                    (f"first query '{args.query}': result links", s[2], o[2]),
                    ("  of which in the other language", s[4], o[4]),
                    ("'computo' (no accent): result links", s[3], o[3]),
                ]
                if args.lighthouse:
                    from devtools import lighthouse
                    lighthouse.ensure_installed()
                    ls = lighthouse.scores(lighthouse.run(stock_url + page_path))
                    lo = lighthouse.scores(lighthouse.run(ours_url + page_path))
                    rows += [(f"Lighthouse {c}", ls[c], lo[c]) for c in lighthouse.CATEGORIES]
                tables.append((page_path, rows))
            timings = keystroke_latency(browser, ours_url + pages[0], ["nvidia", "trainium", "gigawatt", "openai", "amazon"])
            browser.close()
    for page_path, rows in tables:
        print(f"\n/{page_path}, served under /proj/ with gzip, empty cache\n")
        print(f"{'':44} {'stock':>14} {'this site':>20}")
        for label, a, b in rows:
            print(f"{label:44} {str(a):>14} {str(b):>20}")
    print(f"\nThis site, /{pages[0]}, CPU slowed down 4x, index loaded: last keystroke to")
    print(f"{'query':12} {'results on screen':>18} {'their excerpts':>16}")
    for query, shown, excerpts in timings:
        print(f"{query:12} {shown:>15.0f} ms {excerpts:>13.0f} ms")
    shown = sorted(t[1] for t in timings)
    print(f"{'median':12} {shown[len(shown) // 2]:>15.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
