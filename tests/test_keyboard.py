"""The site from the keyboard alone, on a phone (390 px) and a desktop (1280 px):
the skip link first, the content soon after, a menu that opens and closes, and a
focus indicator you can see at every stop — measured in pixels, not assumed."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from conftest import LANGS, SLUGS, page_url_path

PHONE, DESKTOP = 390, 1280
MAX_STOPS_TO_CONTENT = 8
PAGE = "hardware" if "hardware" in SLUGS else SLUGS[-1]   # any page with headings and links: all share the frame

# What the focused element is, and where it is on the screen (CSS px).
DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), cls: String(el.className.baseVal ?? el.className),
    text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
    inContent: !!el.closest('article'), inDrawer: !!el.closest('.md-sidebar--primary'),
    x: r.left, y: r.top, w: r.width, h: r.height,
    vw: innerWidth, vh: innerHeight,
  };
}"""


def luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def shot(page, box) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot(clip=box, animations="disabled"))).convert("RGB")


def indicator_pixels(page, info) -> int:
    """How many pixels around and on the focused element change, between focused
    and not focused, by a contrast of at least 3:1 (WCAG 2.4.11/2.4.13)."""
    pad = 6
    x0, y0 = max(info["x"] - pad, 0), max(info["y"] - pad, 0)
    x1, y1 = min(info["x"] + info["w"] + pad, info["vw"]), min(info["y"] + info["h"] + pad, info["vh"])
    if x1 - x0 < 1 or y1 - y0 < 1:
        return 0
    box = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    focused = shot(page, box)
    page.evaluate("window.__lastFocus = document.activeElement; document.activeElement.blur()")
    unfocused = shot(page, box)
    page.evaluate("window.__lastFocus.focus()")
    a, b = focused.get_flattened_data(), unfocused.get_flattened_data()
    return sum(1 for p, q in zip(a, b) if p != q and contrast(p, q) >= 3)


def perimeter(info) -> float:
    return 2 * (info["w"] + info["h"])


def context_at(browser, width, lang="en"):
    # bypass_csp: Playwright's waiting helpers evaluate strings, which the site's CSP forbids.
    context = browser.new_context(viewport={"width": width, "height": 844 if width == PHONE else 800},
                                  locale="es-ES" if lang == "es" else "en-US", bypass_csp=True)
    return context, context.new_page()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_tab_order_reaches_content_with_a_visible_indicator_at_every_stop(browser, base_url, width, lang):
    context, page = context_at(browser, width, lang)
    page.goto(base_url + page_url_path(PAGE, lang))
    stops, problems = [], []
    for n in range(1, 40):
        page.keyboard.press("Tab")
        info = page.evaluate(DESCRIBE_FOCUS)
        if info is None:
            break
        stops.append(info)
        if info["inDrawer"] and width == PHONE:
            problems.append(f"stop {n}: {info['tag']}.{info['cls']} «{info['text']}» is in the closed menu")
        changed = indicator_pixels(page, info)
        if changed < perimeter(info):
            problems.append(f"stop {n}: {info['tag']}.{info['cls']} «{info['text']}»: only {changed} pixels change "
                            f"by 3:1 on focus (needs {perimeter(info):.0f}, the element's perimeter)")
        if info["inContent"] and info["tag"] == "a":
            break
    context.close()
    assert stops and "md-skip" in stops[0]["cls"], f"the first Tab stop is {stops[:1]}, not the skip link"
    first_content = next((n for n, s in enumerate(stops, 1) if s["inContent"] and s["tag"] == "a"), None)
    if width == PHONE:
        # No visible menu in the way: plain Tab reaches the article quickly.
        assert first_content and first_content <= MAX_STOPS_TO_CONTENT, (
            f"the first link in the content is Tab stop {first_content}, after: "
            + ", ".join(f"{s['tag']}.{s['cls'].split()[0] if s['cls'] else ''}" for s in stops))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_skip_link_reaches_content_within_8_stops_on_the_desktop(browser, base_url, lang):
    # On the desktop the menu is on screen, so its links come first in the tab
    # order; the skip link is how the keyboard passes them (WCAG 2.4.1).
    context, page = context_at(browser, DESKTOP, lang)
    page.goto(base_url + page_url_path(PAGE, lang))
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Enter")
    for n in range(2, MAX_STOPS_TO_CONTENT + 1):
        page.keyboard.press("Tab")
        info = page.evaluate(DESCRIBE_FOCUS)
        if info and info["inContent"] and info["tag"] == "a":
            break
    else:
        pytest.fail(f"no link inside the content within {MAX_STOPS_TO_CONTENT} stops after the skip link")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width,key,slug", [(PHONE, "Enter", PAGE), (PHONE, " ", PAGE), (1024, "Enter", PAGE),
                                            # the home page's own link is hidden in the drawer (its contents hang from it)
                                            (PHONE, "Enter", "")])
def test_menu_opens_and_closes_from_the_keyboard(browser, base_url, lang, width, key, slug):
    """Phones and tablets (and a desktop zoomed past 1220 CSS px) get the drawer."""
    context, page = context_at(browser, width, lang)
    page.goto(base_url + page_url_path(slug, lang))
    button = None
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-expanded') !== null && !!document.activeElement.closest('header')"):
            button = page.evaluate("document.activeElement.className")
            break
    assert button, "no menu button (with aria-expanded) in the header's first Tab stops"
    controls = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    assert controls and page.locator(f"#{controls}").count() == 1, f"aria-controls={controls!r} names no element"
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    # Closed: nothing in the drawer can take focus.
    assert page.evaluate(f"""() => {{ const d = document.getElementById('{controls}');
        return d.inert || getComputedStyle(d).visibility === 'hidden'; }}"""), "the closed drawer's links are in the tab order"

    page.keyboard.press(key)
    page.wait_for_function(f"document.activeElement.closest('#{controls}') !== null", timeout=3000)
    assert page.evaluate(f"document.querySelector('[aria-controls={controls}]').getAttribute('aria-expanded')") == "true"
    # Material slides the drawer in (a CSS transition): wait until it is on screen.
    page.wait_for_function(f"""() => {{ const r = document.getElementById('{controls}').getBoundingClientRect();
        return r.left >= -1 && r.right <= innerWidth + 1; }}""", timeout=3000)
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.activeElement.closest('#{controls}') !== null"), "Tab left the drawer at once"

    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.className") == button, "Escape did not return focus to the menu button"
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.wait_for_function(f"document.getElementById('{controls}').getBoundingClientRect().right <= 1", timeout=3000)
    context.close()


FOCUSABLE_RINGS = """() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = c => (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backdrop = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0.5) return c; } return parse(getComputedStyle(document.body).backgroundColor) || [255, 255, 255, 1]; };
  const out = [];
  const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  for (const el of all) {
    if (el.closest('[inert], [hidden], dialog:not([open])') || el.tabIndex < 0 || el.disabled) continue;
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;
    el.focus({preventScroll: true});
    if (document.activeElement !== el) continue;
    const f = getComputedStyle(el);
    const width = parseFloat(f.outlineWidth), color = parse(f.outlineColor), offset = parseFloat(f.outlineOffset);
    const behind = backdrop(offset <= 0 ? el : el.parentElement);  // a ring drawn on or inside the edge meets the element's own background
    const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
      + ' «' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30) + '»';
    if (f.outlineStyle === 'none' || !(width >= 2) || !color || color[3] < 1)
      out.push(name + ': no outline (' + f.outlineStyle + ' ' + f.outlineWidth + ' ' + f.outlineColor + ')');
    else if (ratio(color, behind) < 3)
      out.push(name + ': outline ' + f.outlineColor + ' on ' + behind.join(',') + ' is ' + ratio(color, behind).toFixed(2) + ':1');
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_every_focusable_element_has_a_ring_of_3_to_1(browser, base_url, width, scheme):
    """Every link, button and control on every page, both languages: focused from
    the keyboard, it has an outline at least 2 px wide and 3:1 against the
    background it is drawn on."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    report = []
    for lang in LANGS:
        for slug in SLUGS:
            page.goto(base_url + page_url_path(slug, lang))
            page.keyboard.press("Tab")  # keyboard modality: focus() then matches :focus-visible
            report += [f"{page_url_path(slug, lang) or '/'}: {p}" for p in page.evaluate(FOCUSABLE_RINGS)]
    context.close()
    assert not report, f"{len(report)} elements without a visible focus ring:\n" + "\n".join(sorted(set(report))[:40])


# Each Tab stop with the menu open: its box, whether it lies inside the viewport,
# an ancestor that hides it (opacity 0, visibility hidden), and its outline.
TAB_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect(), f = getComputedStyle(el);
  let hiddenBy = null;
  for (let e = el; e && !hiddenBy; e = e.parentElement) {
    const cs = getComputedStyle(e);
    if (parseFloat(cs.opacity) === 0) hiddenBy = 'opacity 0 on ' + e.tagName.toLowerCase() + '.' + String(e.className).split(' ').join('.');
    else if (cs.visibility !== 'visible') hiddenBy = 'visibility ' + cs.visibility;
  }
  return {
    name: el.tagName.toLowerCase() + ' «' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) + '»',
    inDrawer: !!el.closest('.md-sidebar--primary'),
    box: [r.left, r.top, r.right, r.bottom].map(Math.round),
    onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5,
    hiddenBy, outline: f.outlineStyle !== 'none' && parseFloat(f.outlineWidth) >= 2 ? f.outlineWidth + ' ' + f.outlineStyle : null,
  };
}"""
MENU_SIZES = [(390, 844), (768, 1024), (1024, 768), (1219, 800), (320, 256)]
MENU_PAGES = [slug for slug in ("context", "hardware", "") if slug in SLUGS]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width,height", MENU_SIZES, ids=[f"{w}x{h}" for w, h in MENU_SIZES])
def test_every_tab_stop_in_the_open_menu_is_visible_on_screen_and_outlined(browser, base_url, width, height, lang):
    """Below 1220 px, with the menu open, Tab walks the whole drawer (the current
    page's sections included): every stop has a box inside the viewport, nothing
    above it at opacity 0 or hidden, and an outline; nothing focusable is unseen."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="es-ES" if lang == "es" else "en-US",
                                  bypass_csp=True)
    page = context.new_page()
    problems = []
    for slug in MENU_PAGES if height > 256 else MENU_PAGES[:1]:
        where = page_url_path(slug, lang) or "/"
        page.goto(base_url + page_url_path(slug, lang))
        page.locator(".site-menu-button").focus()
        page.keyboard.press("Enter")
        # Material slides the drawer in (a CSS transition): wait until it is all on screen.
        page.wait_for_function("""() => { const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
            return r.left >= 0 && r.right <= innerWidth; }""", timeout=3000)
        stops = 0
        for _ in range(60):
            info = page.evaluate(TAB_STOP)
            if not info or not info["inDrawer"]:
                break
            stops += 1
            if not info["onScreen"]:
                problems.append(f"{where} at {width}×{height}: stop {stops} {info['name']} is off screen, box {info['box']}")
            if info["hiddenBy"]:
                problems.append(f"{where} at {width}×{height}: stop {stops} {info['name']} is invisible ({info['hiddenBy']})")
            if not info["outline"]:
                problems.append(f"{where} at {width}×{height}: stop {stops} {info['name']} has no outline")
            page.keyboard.press("Tab")
        # Every page of the nav is a stop (the current one too); below 960 px the
        # current page's sections are stops as well, and they were seen above.
        assert stops >= len(SLUGS), f"{where} at {width}×{height}: only {stops} stops in the open menu"
    context.close()
    assert not problems, "\n".join(problems)
