"""`mkdocs serve`, the preview the README recommends, follows edits to the data as
it does to the pages, reports a content error as one line, not a traceback, shows
it in the browser at the page's own address, and never hangs on a request for a
missing address during a rebuild."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

import yaml

from devtools.harness import fetch, free_port
from explainer import read_config

WAIT = 60  # seconds: a generous bound for a first build on a busy machine


def wait_for(condition, what: str, log) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"gave up after {WAIT} s waiting for {what}; mkdocs serve said:\n{log.read_text(encoding='utf-8')}")


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


@contextmanager
def serving(project, log):
    """`mkdocs serve` in the project on a free port: yields the site's base URL."""
    port = free_port()
    mount = urlsplit(read_config(project / "mkdocs.yml")["site_url"]).path
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                  env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        yield f"http://127.0.0.1:{port}{mount}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_serve_shows_an_edited_fact_and_reports_errors_in_one_line(project_copy, tmp_path):
    key, phrase, slug = words_fact_on_an_english_page(project_copy)
    log = tmp_path / "serve.log"
    with serving(project_copy, log) as base:
        url = f"{base}en/{'' if slug == 'index' else slug + '/'}"
        wait_for(lambda: phrase in fetch(url), f"{url} to show `{key}` as {phrase!r}", log)

        edit_fact(project_copy / "data" / "facts.yml", key, phrase, "a number edited while serving")
        wait_for(lambda: "a number edited while serving" in fetch(url), f"{url} to show the edited fact", log)

        page = project_copy / "docs" / f"{slug}.en.md"
        original = page.read_text(encoding="utf-8")
        page.write_text(original.replace(f'fact("{key}")', 'fact("no_such.fact")', 1), encoding="utf-8")
        # The page's own address answers with the problems, file:line first (no hang).
        wait_for(lambda: "no_such.fact" in fetch(url), f"{url} to list the unknown fact", log)
        shown = fetch(url)
        assert re.search(rf"docs/{slug}\.en\.md:\d+: unknown fact `no_such\.fact`", shown), shown
        assert '<html lang="en">' in shown and "This preview has problems" in shown, shown

        page.write_text(original, encoding="utf-8")   # the fix brings the page back
        wait_for(lambda: phrase in fetch(url), f"{url} to show the page again after the fix", log)
        # The terminal said it too, once per problem. Read once the next build has
        # served the fixed page: the failed build had finished logging by then, so a
        # line repeated late would be counted.
        output = log.read_text(encoding="utf-8")
        assert len([line for line in output.splitlines() if "unknown fact `no_such.fact`" in line]) == 1, output
        assert "Traceback" not in output, output


def test_a_missing_address_requested_during_a_rebuild_does_not_stop_the_preview(project_copy, tmp_path):
    """MkDocs' strict mode counted the server's own request log: a 404 during a
    rebuild aborted it, and every request then hung until the next good build."""
    log = tmp_path / "serve.log"
    page = project_copy / "docs" / "terms.en.md"
    text = page.read_text(encoding="utf-8")
    with serving(project_copy, log) as base:
        url = base + "en/terms/"
        origin = base[:base.index("/", len("http://"))]
        wait_for(lambda: "<h1" in fetch(url), f"{url} to be served", log)
        for n, marker in enumerate(["first saved words", "second saved words"]):
            page.write_text(text + f"\n{marker} {n}\n", encoding="utf-8")
            # While it rebuilds, an address without the site's path (a bookmark from
            # another site, a path typed without it): answered 404 at once, and logged.
            deadline = time.monotonic() + 6
            while time.monotonic() < deadline:
                fetch(origin + "/en/terms/")
                time.sleep(0.05)
            wait_for(lambda: f"{marker} {n}" in fetch(url), f"{url} to show the save made while 404s were served", log)


def test_the_preview_notices_a_save_within_a_tenth_of_a_second(tmp_path, monkeypatch):
    """MkDocs' watcher looks for saved files every 0.5 s; the serve hook makes it
    every 0.1 s, for what MkDocs watched before the hook (docs/, mkdocs.yml) and
    what it watches after (mkdocs.yml's `watch:`). This pins the two watchdog
    attributes the hook sets: an upgrade that renames them fails here."""
    import importlib.util

    from mkdocs.livereload import LiveReloadServer

    from explainer import ROOT

    monkeypatch.syspath_prepend(str(ROOT / "scripts" / "hooks"))
    spec = importlib.util.spec_from_file_location("pipeline_hook_under_test", ROOT / "scripts" / "hooks" / "pipeline.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    for name in ("docs", "data"):
        (tmp_path / name).mkdir()
    server = LiveReloadServer(builder=lambda config=None: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(tmp_path / "docs"))
    assert [e.timeout for e in server.observer.emitters] == [0.5], "MkDocs' own interval changed: revisit POLL_SECONDS"
    hook.on_serve(server, None, server.builder)
    server.watch(str(tmp_path / "data"))
    assert sorted(e.timeout for e in server.observer.emitters) == [hook.POLL_SECONDS] * 2 == [0.1, 0.1]
    try:
        server.observer.start()   # and the watcher polls at that pace: a save is seen within a few rounds
        time.sleep(0.3)
        (tmp_path / "docs" / "page.md").write_text("saved", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server._want_rebuild, "the save was never noticed"
    finally:
        server.observer.stop()
        server.observer.join(timeout=5)
