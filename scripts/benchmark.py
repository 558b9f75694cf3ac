#!/usr/bin/env python3
"""This site against a stock build, side by side: requests and bytes on first
load, bytes to answer the first search query, and (with --lighthouse) scores; then,
for this site, the time from the last keystroke to results on screen with the
CPU slowed down 4x.

    python scripts/benchmark.py [--page en/hardware/ ...] [--query nvidia] [--lighthouse]
    python scripts/benchmark.py --preview [--runs 5]

With --preview it measures the writer's loop instead, against plain Material +
mkdocs-static-i18n over the same docs/ (no hooks), alternating the two: the full
build (wall time and peak memory; ours with its caches warm, then cold), and,
under `mkdocs serve`, the seconds from saving a Markdown page until the new text
is served (and, for this site, the same for an edit of data/facts.yml), and of
those the rebuild alone as MkDocs logs it ("Documentation built in …"): the rest
is the watcher's wait (this site's preview polls every 0.1 s, MkDocs' every 0.5 s).
Medians with min–max. Figures, not tests: they vary with the machine's load.

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
import re
import shutil
import subprocess
import sys
import tempfile
import time
from statistics import median
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from explainer import DEFAULT_LANG, ROOT, lang_of_path
from devtools.harness import SUBPATH, built_site, copy_project, fetch, free_port, launch_chromium
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


def stock_config(work: Path, site_url: str) -> Path:
    """Plain Material + mkdocs-static-i18n over this site's docs/: no hooks, no overrides."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["reconfigure_search"] = True
    stock = {"site_name": config["site_name"], "site_url": site_url, "docs_dir": str(work / "docs"),
             "theme": {"name": "material", "language": DEFAULT_LANG}, "plugins": ["search", {"i18n": i18n}],
             "markdown_extensions": config["markdown_extensions"], "nav": config["nav"]}
    shutil.copytree(ROOT / "docs", work / "docs", dirs_exist_ok=True)
    path = work / "stock.yml"
    path.write_text(yaml.safe_dump(stock, allow_unicode=True), encoding="utf-8")
    return path


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """(wall seconds, peak memory in KiB) of one command."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()}")
    return time.monotonic() - started, usage.ru_maxrss


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    return f"{median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


class Serving:
    """`mkdocs serve` of a config in a folder, on a free port; waits for the first build."""

    def __init__(self, cwd: Path, config: Path, page_url: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}" + page_url
        self.log = cwd.parent / f"serve-{cwd.name}.log"
        with self.log.open("w") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{self.port}"],
                                         cwd=cwd, stdout=subprocess.DEVNULL, stderr=log,
                                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        self.rebuilt: float | None = None   # MkDocs' own "Documentation built in X seconds" for the latest save
        deadline = time.monotonic() + 120
        while "<h1" not in fetch(self.url, timeout=60):
            if time.monotonic() > deadline:
                raise SystemExit(f"mkdocs serve did not answer at {self.url}")
            time.sleep(0.1)

    def save_to_served(self, path: Path, old: str, new: str, token: str) -> float:
        """Seconds from writing `new` in place of `old` in `path` until the page shows `token`."""
        text = path.read_text(encoding="utf-8")
        logged = len(self.log.read_text(encoding="utf-8"))
        started = time.monotonic()
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        while token not in fetch(self.url, timeout=60):   # during a rebuild the server holds the request until it is done
            if time.monotonic() - started > 120:
                raise SystemExit(f"{self.url} never showed {token!r}")
            time.sleep(0.02)
        seconds = time.monotonic() - started
        built = re.findall(r"Documentation built in ([\d.]+) seconds", self.log.read_text(encoding="utf-8")[logged:])
        self.rebuilt = float(built[-1]) if built else None
        return seconds

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=20)


def preview(runs: int) -> int:
    page = "terms"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours = copy_project(work / "ours")
        stock_dir = work / "stock"
        stock_dir.mkdir()
        mount = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
        stock = stock_config(stock_dir, "http://127.0.0.1:8000" + mount)

        builds = {"stock": [], "ours": [], "ours, cold": []}
        for _ in range(runs):
            builds["stock"].append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(stock), "-d", str(work / "out-stock")], stock_dir))
            builds["ours"].append(timed([sys.executable, "scripts/build.py", "--out", str(work / "out-ours")], ours))
        for _ in range(max(1, runs // 2)):
            shutil.rmtree(ours / ".cache", ignore_errors=True)
            builds["ours, cold"].append(timed([sys.executable, "scripts/build.py", "--out", str(work / "out-ours")], ours))

        edits = {"stock": [], "ours": [], "ours, data": []}
        rebuilt = {"stock": [], "ours": []}
        served_ours = Serving(ours, ours / "mkdocs.yml", f"{mount}en/{page}/")
        served_stock = Serving(stock_dir, stock, f"{mount}en/{page}/")
        try:
            marker = "\n\n"   # a new paragraph after the first blank line
            for n in range(runs):
                for name, server, folder in (("stock", served_stock, stock_dir), ("ours", served_ours, ours)):
                    source = folder / "docs" / f"{page}.en.md"
                    token = f"Saved-{name}-{n}-{time.monotonic_ns()}"
                    edits[name].append(server.save_to_served(source, marker, f"\n\n{token}\n\n", token))
                    if server.rebuilt is not None:
                        rebuilt[name].append(server.rebuilt)
                data = ours / "data" / "facts.yml"
                old = "en: hundreds of thousands" if n == 0 else f"en: edited {n - 1}"
                edits["ours, data"].append(served_ours.save_to_served(data, old, f"en: edited {n}", f"edited {n}"))
        finally:
            served_ours.close()
            served_stock.close()

    stock_time = median(t for t, _ in builds["stock"])
    print(f"\nThe writer's loop, {runs} alternating runs (median, min–max)\n")
    print(f"{'':46} {'stock':>22} {'this site':>28}")
    ours_time = median(t for t, _ in builds["ours"])
    cold_time = median(t for t, _ in builds["ours, cold"])
    print(f"{'full build, wall time (caches warm)':46} {spread([t for t, _ in builds['stock']]):>22} {spread([t for t, _ in builds['ours']]) + f' {ours_time / stock_time:.1f}x':>28}")
    print(f"{'full build, wall time (no cache)':46} {'':>22} {spread([t for t, _ in builds['ours, cold']]) + f' {cold_time / stock_time:.1f}x':>28}")
    stock_mem = median(m for _, m in builds["stock"])
    ours_mem = median(m for _, m in builds["ours"])
    print(f"{'full build, peak memory':46} {stock_mem / 1024:>19.0f} MiB {ours_mem / 1024:>21.0f} MiB {ours_mem / stock_mem:.1f}x")
    stock_edit, ours_edit = median(edits["stock"]), median(edits["ours"])
    print(f"{'save a Markdown page → new text served':46} {spread(edits['stock']):>22} {spread(edits['ours']) + f' {ours_edit / stock_edit:.1f}x':>28}")
    # The save's figure is the watcher's wait plus the rebuild; the rebuild alone, as MkDocs times it:
    stock_built, ours_built = rebuilt["stock"], rebuilt["ours"]
    if stock_built and ours_built:
        ratio = median(ours_built) / median(stock_built)
        print(f"{'  of which the rebuild (MkDocs: built in …)':46} {spread(stock_built):>22} {spread(ours_built) + f' {ratio:.1f}x':>28}")
    print(f"{'save data/facts.yml → new figure served':46} {'(no data file)':>22} {spread(edits['ours, data']):>28}")
    return 0


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", action="append", help="page to load, relative to the site root (repeatable; default: en/hardware/ and hardware/)")
    parser.add_argument("--query", default="nvidia", help="first search query")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (mobile) on both")
    parser.add_argument("--preview", action="store_true", help="measure the writer's loop instead: full build and save-to-preview against stock")
    parser.add_argument("--runs", type=int, default=5, help="with --preview: runs of each measurement (default 5)")
    args = parser.parse_args()
    if args.preview:
        return preview(args.runs)
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
