#!/usr/bin/env python3
"""Screenshots of every page, both languages, phone and desktop, light and dark.

    python scripts/screenshots.py [--out screenshots/] [--pages index,terms] [--full]

Builds the site into a temporary folder, serves it under /proj/ and drives
Debian's Chromium (/usr/bin/chromium) with Playwright. Writes
<out>/<lang>-<page>-<width>-<scheme>.png. Look at them.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from explainer import LANGS, ROOT  # noqa: E402
from explainer.preview import Preview  # noqa: E402

WIDTHS = {390: 844, 1280: 800}
SCHEMES = ("light", "dark")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--pages", help="comma-separated slugs (index for the home); default: all")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        preview = Preview(site, "/proj/")
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--out", str(site), "--site-url", preview.url], check=True)
        slugs = args.pages.split(",") if args.pages else sorted(p.name.split(".")[0] for p in (ROOT / "docs").glob("*.es.md"))
        args.out.mkdir(parents=True, exist_ok=True)
        with preview as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for width, height in WIDTHS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page = context.new_page()
                    for slug in slugs:
                        for lang in LANGS:
                            path = ("" if lang == LANGS[0] else f"{lang}/") + ("" if slug == "index" else f"{slug}/")
                            page.goto(url + path)
                            dest = args.out / f"{lang}-{slug}-{width}-{scheme}.png"
                            page.screenshot(path=str(dest), full_page=args.full)
                            print(dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest)
                    context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
