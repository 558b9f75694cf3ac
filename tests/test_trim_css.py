"""Material's stylesheets as shipped (trimmed at build time, scripts/explainer/trim_css.py)
style every element exactly as the full stylesheets would: in Chromium, the computed
style of every element and of its ::before and ::after is compared with the full
files (served in their place from the installed Material package), light and dark,
phone with the menu open, desktop with search open, and printed."""
from __future__ import annotations

from pathlib import Path

import material
import pytest

from conftest import page_url_path

FULL = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

STYLES = r"""() => {
  const out = {};
  const all = [...document.querySelectorAll('*')];
  all.forEach((el, i) => {
    const path = el.tagName + '#' + i + (el.id ? '#' + el.id : '');
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && (cs.content === 'none' || cs.content === 'normal')) continue;
      const values = [];
      // custom properties left out: the trimmed files drop the unused ones, and a
      // used one shows in the properties that read it
      for (let k = 0; k < cs.length; k++) if (!cs[k].startsWith('--')) values.push(cs[k] + ':' + cs.getPropertyValue(cs[k]));
      out[path + (pseudo || '')] = values.join('\n');
    }
  });
  return out;
}"""


def scheme(page, media, colors):
    """Emulate `media` and `colors`; wait until site.js has followed the system's scheme."""
    page.emulate_media(media=media, color_scheme=colors)
    expected = "slate" if colors == "dark" else "default"
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=expected)


def states(page, width):
    """Yield a name for each state the page is put in, in order."""
    scheme(page, "screen", "light")
    yield "light"
    scheme(page, "screen", "dark")
    yield "dark"
    if width < 1220:
        page.locator(".site-menu-button").click()
        yield "menu open, dark"
        page.keyboard.press("Escape")
    else:
        page.keyboard.press("/")
        page.get_by_role("combobox").fill("nvidia")
        page.wait_for_function("() => document.querySelector('.site-search__results').getAttribute('data-excerpts') === 'nvidia'")
        yield "search open, dark"
        page.keyboard.press("Escape")
    scheme(page, "print", "light")
    yield "print"


def styles_in_every_state(browser, url, width, full):
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    if full:
        page.route("**/assets/stylesheets/*.css", lambda route: route.fulfill(
            path=FULL / route.request.url.rsplit("/", 1)[1].split("?")[0], content_type="text/css"))
    page.goto(url, wait_until="networkidle")
    out = {state: page.evaluate(STYLES) for state in states(page, width)}
    context.close()
    return out


@pytest.mark.parametrize("slug,lang,width", [("hardware", "en", 390), ("hardware", "en", 1280),
                                             ("context", "es", 1280), ("newsletter", "en", 390)])
def test_trimmed_stylesheets_style_every_element_as_the_full_ones(browser, base_url, slug, lang, width):
    url = base_url + page_url_path(slug, lang)
    trimmed = styles_in_every_state(browser, url, width, full=False)
    full = styles_in_every_state(browser, url, width, full=True)
    for state in full:
        assert trimmed[state].keys() == full[state].keys(), f"{state}: different ::before/::after content"
        differ = []
        for element, style in full[state].items():
            if trimmed[state][element] != style:
                a = dict(p.split(":", 1) for p in style.split("\n"))
                b = dict(p.split(":", 1) for p in trimmed[state][element].split("\n"))
                differ.append(f"{element}: " + ", ".join(f"{k}: {a.get(k)} (full) vs {b.get(k)} (trimmed)" for k in a if a.get(k) != b.get(k))[:300])
        assert not differ, f"{state} at {width}px, {len(differ)} elements differ:\n" + "\n".join(differ[:10])


def test_stylesheets_are_trimmed(site):
    for sheet in (site / "assets" / "stylesheets").glob("*.css"):
        full = (FULL / sheet.name).read_text(encoding="utf-8")
        assert len(sheet.read_text(encoding="utf-8")) < 0.5 * len(full), f"{sheet.name} is not trimmed"
