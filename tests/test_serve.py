"""`mkdocs serve`, the preview the README recommends, follows edits to the data as
it does to the pages, and reports a content error as one line, not a traceback."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import yaml

from explainer import read_config

WAIT = 60  # seconds: a generous bound for a first build on a busy machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, what: str, log) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"gave up after {WAIT} s waiting for {what}; mkdocs serve said:\n{log.read_text(encoding='utf-8')}")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def words_fact_on_an_english_page(project):
    """(key, its English phrase, the page's slug) for a `words` fact an English page uses,
    written on one line of data/facts.yml (so the test can edit it there)."""
    data = project / "data" / "facts.yml"
    facts = yaml.safe_load(data.read_text(encoding="utf-8"))["facts"]
    lines = data.read_text(encoding="utf-8").splitlines()
    for page in sorted((project / "docs").glob("*.en.md")):
        for key in re.findall(r"""\bfact\(\s*["']([^"']+)["']""", page.read_text(encoding="utf-8")):
            raw = facts.get(key) or {}
            if raw.get("kind") == "words" and any(l.strip().startswith(f"{key}:") and raw["en"] in l for l in lines):
                return key, raw["en"], page.name.removesuffix(".en.md")
    raise AssertionError("no English page uses a one-line `words` fact; pick another fact to edit")


def edit_fact(data, key: str, old: str, new: str) -> None:
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, l in enumerate(lines) if l.strip().startswith(f"{key}:") and old in l)
    lines[i] = lines[i].replace(old, new)
    data.write_text("".join(lines), encoding="utf-8")


def test_serve_shows_an_edited_fact_and_reports_errors_in_one_line(project_copy, tmp_path):
    key, phrase, slug = words_fact_on_an_english_page(project_copy)
    port = free_port()
    mount = urlsplit(read_config(project_copy / "mkdocs.yml")["site_url"]).path
    url = f"http://127.0.0.1:{port}{mount}en/{'' if slug == 'index' else slug + '/'}"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project_copy, stdout=out, stderr=subprocess.STDOUT,
                                  env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        wait_for(lambda: phrase in fetch(url), f"{url} to show `{key}` as {phrase!r}", log)

        edit_fact(project_copy / "data" / "facts.yml", key, phrase, "a number edited while serving")
        wait_for(lambda: "a number edited while serving" in fetch(url), f"{url} to show the edited fact", log)

        page = project_copy / "docs" / f"{slug}.en.md"
        page.write_text(page.read_text(encoding="utf-8").replace(f'fact("{key}")', 'fact("no_such.fact")', 1), encoding="utf-8")
        wait_for(lambda: "no_such.fact" in log.read_text(encoding="utf-8"), "the unknown fact to be reported", log)
        time.sleep(0.5)  # let the rest of the report reach the log
        output = log.read_text(encoding="utf-8")
        # One line per problem, as scripts/build.py reports it: the unknown fact once, with
        # its file and line (the checks run in the hooks; the parity guard may add its own line).
        assert [line for line in output.splitlines() if "unknown fact `no_such.fact`" in line] == [
            next(line for line in output.splitlines() if f"docs/{slug}.en.md:" in line and "unknown fact `no_such.fact`" in line)], output
        assert "Traceback" not in output, output
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
