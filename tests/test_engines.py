"""The site in three browser engines, from Debian's packages: Chromium (Playwright),
Firefox ESR (WebDriver BiDi, spoken directly) and WebKitGTK (WebKitWebDriver,
under Xvfb). In each: every page loads with no console error, the language link
works from the keyboard, and search ("/", then "nvidia") lists pages in the
language of the page it was opened on. README.md says why these routes."""
from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import CHROMIUM, LANGS, SLUGS, SUBPATH, page_url_path
from devtools.harness import free_port

FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = next(iter(sorted(Path("/usr/lib").glob("*/webkit2gtk-4.1/MiniBrowser"))),
                   Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"))  # libwebkit2gtk-4.1-0
WAIT = 20  # seconds: the longest any one step may take before the test says what it waited for

# WebDriver key codes (the same in BiDi and in classic WebDriver).
KEYS = {"Enter": "\ue007", "Tab": "\ue004", "Escape": "\ue00c"}


def key_actions(text: str) -> list[dict]:
    keys = [KEYS.get(text, text)] if text in KEYS else list(text)
    return [{"type": t, "value": k} for k in keys for t in ("keyDown", "keyUp")]


class Engine:
    """What the test needs from a browser: go, run an expression, press keys, and
    the console errors seen since the last call."""
    name = ""

    def goto(self, url: str) -> None: ...
    def evaluate(self, expression: str): ...
    def keys(self, text: str) -> None: ...
    def take_errors(self) -> list[str]: ...
    def close(self) -> None: ...

    def wait_for(self, expression: str, what: str):
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"{self.name}: waited {WAIT} s for {what}")


# Chromium: Playwright on Debian's chromium -------------------------------------

class Chromium(Engine):
    name = "Chromium"

    def __init__(self, browser):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def goto(self, url):
        self.page.goto(url, wait_until="load")

    def evaluate(self, expression):
        from playwright.sync_api import Error

        try:
            return self.page.evaluate(expression)
        except Error as e:  # a navigation started: the caller's wait_for asks again
            if "context was destroyed" not in str(e):
                raise
            return None

    def keys(self, text):
        if text in KEYS:
            self.page.keyboard.press(text)
        else:
            self.page.keyboard.type(text)

    def take_errors(self):
        errors, self.errors = self.errors, []
        return errors

    def close(self):
        self.context.close()


# Firefox ESR: WebDriver BiDi over its own WebSocket ------------------------------

# Nothing leaves the machine: every request but the test server's goes to a
# proxy that is not there (updates, telemetry, remote settings, push...).
FIREFOX_PREFS = {
    "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9, "network.proxy.socks_remote_dns": True,
    "network.proxy.no_proxies_on": "127.0.0.1,localhost", "network.proxy.allow_hijacking_localhost": False,
    "network.trr.mode": 5, "network.dns.disablePrefetch": True, "network.prefetch-next": False,
    "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False,
    "app.update.auto": False, "app.update.enabled": False, "browser.safebrowsing.update.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.enabled": False,
    "dom.push.connection.enabled": False, "extensions.update.enabled": False,
    "browser.shell.checkDefaultBrowser": False, "browser.startup.homepage_override.mstone": "ignore",
}


class Firefox(Engine):
    """Firefox speaks WebDriver BiDi itself (--remote-debugging-port): no
    geckodriver (Debian does not package it) and no Firefox download."""
    name = "Firefox ESR"

    def __init__(self):
        import queue

        import websocket  # websocket-client, in requirements-dev

        self.profile = tempfile.mkdtemp(prefix="firefox-profile-")
        Path(self.profile, "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in FIREFOX_PREFS.items()), encoding="utf-8")
        self.proc = subprocess.Popen([FIREFOX, "--headless", "--no-remote", "--profile", self.profile,
                                      "--remote-debugging-port", "0", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.proc.stderr], daemon=True).start()
        endpoint, deadline = None, time.monotonic() + WAIT * 3
        while endpoint is None and time.monotonic() < deadline and self.proc.poll() is None:
            try:
                found = re.search(r"WebDriver BiDi listening on (ws://\S+)", lines.get(timeout=1))  # Firefox says where
            except queue.Empty:
                continue
            endpoint = found and found.group(1)
        if not endpoint:
            self.proc.kill()
            raise RuntimeError(f"{FIREFOX} did not start WebDriver BiDi (exit {self.proc.poll()})")
        try:
            self.ws = websocket.create_connection(endpoint + "/session", suppress_origin=True, timeout=WAIT * 3)
            self.ids = itertools.count(1)
            self.errors: list[str] = []
            self.send("session.new", {"capabilities": {}})
            self.send("session.subscribe", {"events": ["log.entryAdded"]})
            self.context = self.send("browsingContext.getTree", {})["contexts"][0]["context"]
        except Exception:
            self.proc.kill()  # no browser left behind
            raise

    def send(self, method: str, params: dict) -> dict:
        mine = next(self.ids)
        self.ws.send(json.dumps({"id": mine, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == mine:
                if message.get("type") == "error":
                    raise RuntimeError(f"Firefox {method}: {message.get('error')}: {message.get('message')}")
                return message["result"]
            if message.get("method") == "log.entryAdded" and message["params"].get("level") == "error":
                self.errors.append(message["params"].get("text", ""))

    def goto(self, url):
        self.send("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def evaluate(self, expression):
        result = self.send("script.evaluate", {"expression": f"JSON.stringify({expression})",
                                               "target": {"context": self.context}, "awaitPromise": True})
        if result.get("type") != "success":
            raise RuntimeError(f"Firefox could not evaluate {expression!r}: {result.get('exceptionDetails', {}).get('text')}")
        value = result["result"].get("value")
        return None if value is None else json.loads(value)

    def keys(self, text):
        self.send("input.performActions", {"context": self.context,
                                           "actions": [{"type": "key", "id": "keyboard", "actions": key_actions(text)}]})

    def take_errors(self):
        self.send("script.evaluate", {"expression": "1", "target": {"context": self.context}, "awaitPromise": False})
        errors, self.errors = self.errors, []
        return errors

    def close(self):
        try:
            self.send("session.end", {})
        except Exception:  # noqa: BLE001 - the browser may already be gone; it is stopped below
            pass
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=WAIT)
        shutil.rmtree(self.profile, ignore_errors=True)


# WebKitGTK: WebKitWebDriver (classic WebDriver over HTTP) under Xvfb ---------------

# WebKitWebDriver offers no console log and no script before the page's own, so
# the test serves a copy of the site whose pages load this first (same origin,
# so the pages' CSP allows it) and reads what it recorded.
CONSOLE_RECORDER = """(function () {
  var seen = [];
  window.__consoleErrors = seen;
  var original = console.error;
  console.error = function () { seen.push([].map.call(arguments, String).join(" ")); return original.apply(console, arguments); };
  addEventListener("error", function (e) { seen.push(e.message || "failed to load " + (e.target && (e.target.src || e.target.href))); }, true);
  addEventListener("unhandledrejection", function (e) { seen.push("unhandled rejection: " + e.reason); });
  document.addEventListener("securitypolicyviolation", function (e) { seen.push("CSP: " + e.violatedDirective + " " + e.blockedURI); });
})();
"""
RECORDER_TAG = f'<script src="{SUBPATH}__console-recorder.js"></script>'


def site_with_console_recorder(site: Path, dest: Path) -> Path:
    shutil.copytree(site, dest)
    (dest / "__console-recorder.js").write_text(CONSOLE_RECORDER, encoding="utf-8")
    for page in dest.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"<head>", "<head>" + RECORDER_TAG, html, count=1), encoding="utf-8")
    return dest


class WebKit(Engine):
    name = "WebKitGTK"

    def __init__(self):
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        display = self.xvfb.stdout.readline().strip()
        if not display:
            raise RuntimeError("Xvfb did not start (apt-get install xvfb)")
        port = free_port()
        self.driver = subprocess.Popen([WEBKIT_DRIVER, f"--port={port}"], env=dict(os.environ, DISPLAY=f":{display}"),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        try:
            self.start_session()
        except Exception:
            for proc in (self.driver, self.xvfb):  # nothing left behind
                proc.kill()
            raise

    def start_session(self):
        deadline = time.monotonic() + WAIT
        while True:
            try:
                self.request("GET", "/status")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{WEBKIT_DRIVER} did not answer at {self.base}")
                time.sleep(0.1)
        # "--automation" must be passed when a browser binary is named.
        session = self.request("POST", "/session", {"capabilities": {"alwaysMatch": {
            "webkitgtk:browserOptions": {"binary": str(MINIBROWSER), "args": ["--automation"]}}}})
        self.session = f"/session/{session['sessionId']}"

    def request(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=WAIT * 3) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"WebKitWebDriver {method} {path}: {e.read()[:300]!r}") from None

    def goto(self, url):
        self.request("POST", self.session + "/url", {"url": url})

    def evaluate(self, expression):
        return self.request("POST", self.session + "/execute/sync", {"script": f"return {expression};", "args": []})

    def keys(self, text):
        self.request("POST", self.session + "/actions",
                     {"actions": [{"type": "key", "id": "keyboard", "actions": key_actions(text)}]})

    def take_errors(self):
        errors = self.evaluate("(window.__consoleErrors || ['the console recorder did not load']).splice(0)")
        return errors or []

    def close(self):
        try:
            self.request("DELETE", self.session)
        finally:
            for proc in (self.driver, self.xvfb):
                proc.terminate()
                proc.wait(timeout=WAIT)


# The tests -----------------------------------------------------------------------

ENGINES = ["chromium", "firefox", "webkit"]
PAGE = "hardware" if "hardware" in SLUGS else SLUGS[-1]  # any page: the language link and search are on all
NEEDS = {"chromium": [CHROMIUM], "firefox": [FIREFOX], "webkit": [WEBKIT_DRIVER, MINIBROWSER, shutil.which("Xvfb") or "/usr/bin/Xvfb"]}


@pytest.fixture(scope="module")
def recorded_site(site, tmp_path_factory):
    """(base URL) of a copy of the built site whose pages record console errors (WebKit)."""
    from devtools.preview import Preview

    copy = site_with_console_recorder(site, tmp_path_factory.mktemp("webkit") / "site")
    with Preview(copy, SUBPATH) as url:
        yield url


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, browser):
    name = request.param
    missing = [path for path in NEEDS[name] if not Path(path).exists()]
    if missing:
        pytest.fail(f"{name}: {', '.join(missing)} missing; scripts/dev.sh test installs Debian's "
                    "chromium, firefox-esr, webkit2gtk-driver and xvfb")
    if name == "chromium":
        driver = Chromium(browser)
    elif name == "firefox":
        driver = Firefox()
    else:
        driver = WebKit()
    yield driver
    driver.close()


@pytest.fixture
def engine_url(engine, base_url, request):
    return request.getfixturevalue("recorded_site") if isinstance(engine, WebKit) else base_url


def test_console_errors_are_caught(engine, engine_url):
    """The capture works in this engine: an error a page logs is seen."""
    engine.goto(engine_url + page_url_path("", "en"))
    engine.take_errors()
    engine.evaluate("(setTimeout(() => { console.error('deliberate test error'); }), 1)")
    engine.wait_for("document.readyState === 'complete'", "the page")
    # Polled until the error is reported or the deadline passes (no fixed wait).
    errors, deadline = [], time.monotonic() + WAIT
    while not any("deliberate test error" in e for e in errors) and time.monotonic() < deadline:
        errors += engine.take_errors()
        time.sleep(0.05)   # pacing between polls
    assert any("deliberate test error" in e for e in errors), f"{engine.name} did not report the console error: {errors}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_loads_without_console_errors(engine, engine_url, lang):
    report = []
    for slug in SLUGS:
        engine.goto(engine_url + page_url_path(slug, lang))
        engine.wait_for("document.documentElement.classList.contains('js')", f"site.js on {page_url_path(slug, lang)}")
        report += [f"{page_url_path(slug, lang) or '/'}: {e}" for e in engine.take_errors()]
    assert not report, f"{engine.name}:\n" + "\n".join(report)


@pytest.mark.parametrize("lang", LANGS)
def test_switch_language_then_search_by_keyboard(engine, engine_url, lang):
    other = next(code for code in LANGS if code != lang)
    engine.goto(engine_url + page_url_path(PAGE, lang))
    engine.wait_for("document.documentElement.classList.contains('js')", "site.js")
    # To the language link by keyboard (it is in the header's first stops), then Enter.
    for _ in range(8):
        engine.keys("Tab")
        if engine.evaluate("document.activeElement.hasAttribute('data-lang-switch')"):
            break
    else:
        pytest.fail(f"{engine.name}: the language link is not in the first 8 Tab stops")
    engine.keys("Enter")
    engine.wait_for(f"document.documentElement.lang === '{other}' && document.readyState === 'complete'",
                    f"the {other} page after the language link")
    assert engine.evaluate("location.pathname").endswith("/" + page_url_path(PAGE, other))
    engine.wait_for("document.documentElement.classList.contains('js')", "site.js")

    engine.keys("/")
    engine.wait_for("document.activeElement && document.activeElement.id === 'site-search-input'", "the search box after '/'")
    engine.keys("nvidia")
    engine.wait_for("document.querySelector('.site-search__results').getAttribute('data-query') === 'nvidia'",
                    "search results for 'nvidia'")
    hrefs = engine.evaluate("[...document.querySelectorAll('.site-search__results a')].map(a => new URL(a.href).pathname)")
    assert hrefs, f"{engine.name}: no results for 'nvidia'"
    in_english = [h.startswith(SUBPATH + "en/") for h in hrefs]
    assert all(in_english) if other == "en" else not any(in_english), f"{engine.name} on a {other} page: {hrefs}"
    errors = engine.take_errors()
    assert not errors, f"{engine.name}: console errors while searching: {errors}"
