"""What a reader's browser fetches: requests and bytes on first load, and to answer
a first search query. Used by scripts/benchmark.py and the weight test."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Traffic:
    requests: int = 0
    transferred: int = 0          # bytes on the wire (compressed bodies + headers)
    uncompressed: int = 0         # bytes of the bodies once decoded
    uncompressed_types: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def add(self, response) -> None:
        sizes = response.request.sizes()
        self.requests += 1
        self.urls.append(response.url)
        self.transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        try:
            body = len(response.body())
        except Exception:  # noqa: BLE001 — redirects have no body
            body = 0
        self.uncompressed += body
        encoding = (response.headers.get("content-encoding") or "").lower()
        if body > 1024 and not encoding and not response.headers.get("content-type", "").startswith(("image/png", "application/wasm", "application/octet-stream")):
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
    return traffic


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
    return traffic, links
