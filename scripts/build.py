#!/usr/bin/env python3
"""Build the explainer: checks, MkDocs, then every post-build step (cards, feeds, open data, email, CSP, search, styles, links, pruning).

    python scripts/build.py [--out DIR] [--site-url URL] [--repo-url URL] [--corrections-email ADDRESS]

Defaults: --out site/, --site-url and --repo-url from mkdocs.yml (`site_url`,
`repo_url`: the repository, where readers report errors; while that is still the
github.com/example placeholder, `git remote get-url origin` when it is on GitHub,
else no repository link at all), --corrections-email from `extra.corrections_email`
(none by default: a prefilled e-mail beside the report link). The site is built in a
temporary folder next to DIR and moved into place only when every step and
check passed: on any problem the previous DIR is left exactly as it was, and
the command prints what to fix (file, line where known) and exits 1.
Reads nothing from the network. Content dates come from the pages' front matter
and the updates log, never the clock; what MkDocs stamps internally is pinned by
SOURCE_DATE_EPOCH (set here from the last commit when unset), so two builds of
one commit are identical.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# scripts/ is on the import path: Python puts a script's own folder there.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's MkDocs-2 banner
# The project is the folder holding this scripts/ folder, as the command named it
# (not resolved: a copy of the content whose scripts/ links here builds itself).
os.environ["EXPLAINER_PROJECT"] = str(Path(__file__).absolute().parents[1])

from explainer import LANGS, ROOT  # noqa: E402
from explainer.errors import ContentError  # noqa: E402

log = logging.getLogger("explainer.build")


def source_date_epoch() -> str:
    """A fixed build date: SOURCE_DATE_EPOCH, else the last commit's time, else the data's."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    # No commit to read (a tarball): any fixed value will do, since no content
    # date comes from the clock; the newest update's time keeps it meaningful.
    from explainer.data import load_facts
    try:
        return str(int(load_facts().updates[0]["time"].timestamp()))
    except ContentError:   # the hooks' checks report it, with every other problem
        return "0"


def run_mkdocs(site_dir: Path, site_url: str | None, repo_url: str | None = None, corrections_email: str | None = None) -> None:
    """MkDocs' build with the project's hooks, which check the sources first and run
    every post-build step after the pages (scripts/hooks/pipeline.py): any problem
    comes back as one ContentError listing all of them."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    mk_log = logging.getLogger("mkdocs")
    mk_log.setLevel(logging.WARNING)
    mk_log.propagate = False  # print our summary, not MkDocs' chatter (nor its copy of our errors)
    quiet = logging.NullHandler()
    mk_log.addHandler(quiet)
    overrides = {"site_dir": str(site_dir)}
    if site_url:
        overrides["site_url"] = site_url if site_url.endswith("/") else site_url + "/"
    if repo_url is not None:
        # The header's repository link and every page's "report an error" link ("": none).
        overrides["repo_url"] = repo_url.rstrip("/")
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), **overrides)
        if corrections_email is not None:
            config.extra["corrections_email"] = corrections_email
        build(config)
    except ContentError:  # a MkDocsException too, but it already names its file
        raise
    except exceptions.MkDocsException as exc:
        # MkDocs turns a hook's error into its own Abort; the hook's error lists every problem.
        raise (ContentError.behind(exc) or ContentError(ROOT / "mkdocs.yml", str(exc))) from None
    finally:
        mk_log.removeHandler(quiet)
        mk_log.propagate = True


def build_site(out: Path, site_url: str | None, repo_url: str | None = None, corrections_email: str | None = None) -> int:
    from explainer import CONFIG
    from explainer.repository import check_email, resolve_repo_url

    started = time.monotonic()
    if repo_url and not re.fullmatch(r"https://[^/\s]+/[^\s?#]+", repo_url):
        raise ContentError(None, f"--repo-url `{repo_url}` is not a repository address: give its https:// URL, e.g. https://github.com/user/repo")
    # Never the placeholder repository: the one given, else git's origin on GitHub, else none.
    repo_url, repo_note = resolve_repo_url(repo_url, CONFIG.get("repo_url"))
    if corrections_email is not None:
        corrections_email = check_email(corrections_email)
    else:
        check_email((CONFIG.get("extra") or {}).get("corrections_email") or "", ROOT / "mkdocs.yml")
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch()
    # The source checks run in MkDocs' hooks (scripts/hooks/pipeline.py), as under
    # `mkdocs serve`: every problem is listed at once and the build stops before anything is written.
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        run_mkdocs(tmp, site_url, repo_url, corrections_email)
        os.chmod(tmp, 0o755)
        old = None
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            out.rename(old)
        tmp.rename(out)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    pages = len(list(out.rglob("index.html")))
    print(repo_note)
    print(f"Built {pages} pages ({', '.join(LANGS)}) into {out} in {time.monotonic() - started:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--site-url", help="public URL of the site, e.g. https://user.github.io/repo/ (default: site_url in mkdocs.yml)")
    parser.add_argument("--repo-url", help="the site's repository, e.g. https://github.com/user/repo: the header links to it and "
                        "every page's \"report an error\" link opens a new issue there (default: repo_url in mkdocs.yml; "
                        "while that is the placeholder, git's origin when it is on GitHub, else no repository link)")
    parser.add_argument("--corrections-email", metavar="ADDRESS",
                        help="a corrections address: every page also offers a prefilled e-mail to it, for readers "
                        "without a GitHub account (default: extra.corrections_email in mkdocs.yml, empty)")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks for internal errors")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        return build_site(args.out.resolve(), args.site_url, args.repo_url, args.corrections_email)
    except ContentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("The site was not written; the previous output is unchanged.", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in the build itself, not in the content
        if args.debug:
            raise
        print(f"internal error: {type(exc).__name__}: {exc}\nRun again with --debug for the traceback, and report it.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
