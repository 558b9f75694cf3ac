"""What a reader's browser fetches: requests and bytes on first load, and to answer
a first search query. Used by scripts/benchmark.py and the weight test."""
from __future__ import annotations

from dataclasses import dataclass, field


class MeasurementError(RuntimeError):
    """A response whose body could not be read: its bytes would be missing from the totals."""


@dataclass
class Traffic:
    requests: int = 0
    transferred: int = 0          # bytes on the wire (compressed bodies + headers)
    uncompressed: int = 0         # bytes of the bodies once decoded
    uncompressed_types: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)   # responses whose body could not be read

    def check(self) -> "Traffic":
        """The tally, or MeasurementError when a body could not be read: the totals
        would miss its bytes, and a gzip check would miss it."""
        if self.unread:
            raise MeasurementError("could not read the body of " + "; ".join(self.unread))
        return self

    def add(self, response) -> None:
        sizes = response.request.sizes()
        self.requests += 1
        self.urls.append(response.url)
        self.transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if 300 <= response.status < 400:   # a redirect has no body to read
            body = 0
        else:
            try:
                body = len(response.body())
            except Exception as exc:  # noqa: BLE001 — any failure is reported, never skipped
                # Noted here (an event handler's exception would be lost) and raised by check().
                self.unread.append(f"{response.url} ({response.status}): {exc}")
                return
        self.uncompressed += body
        encoding = (response.headers.get("content-encoding") or "").lower()
        if body > 1024 and not encoding and not response.headers.get("content-type", "").startswith(("image/png", "application/octet-stream")):
            self.uncompressed_types.append(response.url)


def record(page) -> tuple[Traffic, callable]:
    """Start counting responses on `page`; returns the tally and a stop function."""
    traffic = Traffic()
    page.on("response", traffic.add)
    return traffic, lambda: page.remove_listener("response", traffic.add)


def first_load(browser, url: str) -> Traffic:
    context = browser.new_context()
    page = context.new_page()
    traffic, stop = record(page)
    page.goto(url, wait_until="networkidle")
    stop()
    context.close()
    return traffic.check()


def first_query(browser, url: str, query: str, stock: bool) -> tuple[Traffic, list[str]]:
    """Bytes fetched from opening search to the first answer, and the result links."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    traffic, stop = record(page)
    if stock:
        page.keyboard.press("s")  # Material's search shortcut
        page.locator("input.md-search__input").press_sequentially(query)  # lunr listens to key events
        page.wait_for_function("() => /\\d|No matching|No se encontraron/.test(document.querySelector('.md-search-result__meta').textContent)")
        page.wait_for_load_state("networkidle")
        links = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    else:
        page.keyboard.press("/")
        page.get_by_role("combobox").fill(query)
        page.wait_for_function("q => document.querySelector('.site-search__results').getAttribute('data-query') === q", arg=query)
        page.wait_for_function("""q => { const list = document.querySelector('.site-search__results');
            return list.getAttribute('data-excerpts') === q || !list.children.length; }""", arg=query)
        page.wait_for_load_state("networkidle")
        links = [a.get_attribute("href") for a in page.locator(".site-search__results [role=option] a").all()]
    stop()
    context.close()
    return traffic.check(), links


LATENCY_HOOK = """q => {
  const list = document.querySelector('.site-search__results');
  window.__lastKey = null; window.__shown = null; window.__excerpts = null;
  if (!window.__keyHook) {
    window.__keyHook = true;
    document.addEventListener('keydown', () => { window.__lastKey = performance.now(); }, true);
  }
  const done = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));  // after the frame is painted
  new MutationObserver((_, obs) => {
    if (window.__shown === null && list.getAttribute('data-query') === q) done().then(() => { window.__shown = performance.now(); });
    if (list.getAttribute('data-excerpts') === q || (list.getAttribute('data-query') === q && !list.children.length)) { obs.disconnect(); done().then(() => { window.__excerpts = performance.now(); }); }
  }).observe(list, {attributes: true});
}"""


def keystroke_latency(browser, url: str, queries: list[str], cpu_slowdown: int = 4) -> list[tuple[str, float, float]]:
    """Milliseconds from the last keystroke of each query to its results on screen,
    and to its first excerpts, with the CPU slowed down `cpu_slowdown` times and
    the index already loaded (a first query is made and cleared before timing)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    page.keyboard.press("/")
    box = page.get_by_role("combobox")
    box.fill("index")
    page.wait_for_function("() => document.querySelector('.site-search__results').getAttribute('data-query') === 'index'")
    out = []
    for query in queries:
        box.fill("")
        page.wait_for_load_state("networkidle")
        page.evaluate(LATENCY_HOOK, query)
        box.press_sequentially(query, delay=80)
        page.wait_for_function("() => window.__shown !== null && window.__excerpts !== null")
        shown, excerpts = page.evaluate("[window.__shown - window.__lastKey, window.__excerpts - window.__lastKey]")
        out.append((query, shown, excerpts))
    context.close()
    return out
