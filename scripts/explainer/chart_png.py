"""PNG copies of the site's charts, for email and for download (1200 px wide).

Email clients do not show SVG, so every chart is also written as a PNG. There is
no second drawing code: the PNG is rasterized from the very SVG the built pages
carry (each `<figure class="chart">`), so a new chart template is picked up
without a change here. On the site that SVG takes its colours from site.css
(classes and CSS variables, switched by the dark theme); here the same rules
are applied with the light theme's values, on an opaque tinted background (not
pure white, which dark-mode mail clients invert badly), in the DejaVu fonts
shipped in fonts/. A title and a "data as of" line are added around the drawing
so that the image still says what it shows when pasted on its own.

Rasterized with resvg (resvg-py wheel: no system library, no network). Finished
PNGs are kept in .cache/charts by a hash of what they show, like the share cards.
"""
from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from . import ROOT
from .errors import ContentError

WIDTH_PX = 1200                    # 2× a 600 px email column
FONTS = Path(__file__).parent / "fonts"
SITE_CSS = ROOT / "overrides" / "assets" / "site.css"
CACHE = ROOT / ".cache" / "charts"
DESIGN_VERSION = "1"
# Opaque, lightly tinted (site.css --site-card-bg family), never pure white.
BACKGROUND = "#f3f7f6"
INK = "#1c2826"
MUTED = "#4a5856"
# Material's own variables that site.css's chart rules use, light theme.
MATERIAL_LIGHT = {"--md-typeset-color": INK, "--md-default-bg-color": BACKGROUND, "--md-text-font-family": "DejaVu Sans"}
PAD = 28                           # around the drawing, in SVG units (the drawing is 640 wide)
TITLE_PX, FOOTER_PX = 24, 15       # the frame's title and "data as of" line, in SVG units
BOLD_FONT, REGULAR_FONT = FONTS / "DejaVuSans-Bold.ttf", FONTS / "DejaVuSans.ttf"

# A figure as the built pages write it; the id names the chart (chart-<name>).
FIGURE = re.compile(r'<figure class="chart" id="chart-(?P<name>[\w-]+)">(?P<body>.*?)</figure>', re.S)
SVG = re.compile(r"<svg\b(?P<attrs>[^>]*)>(?P<inner>.*?)</svg>", re.S)
VIEWBOX = re.compile(r'viewBox="0 0 (?P<w>[\d.]+) (?P<h>[\d.]+)"')


@dataclass
class ChartImage:
    name: str          # commitments_usd
    lang: str
    path: Path         # site/assets/charts/<lang>/<name>.png
    url_path: str      # assets/charts/<lang>/<name>.png, under the site root
    width: int         # pixels
    height: int
    title: str         # the chart's title, in its language
    description: str   # the SVG's <desc>: every figure in words (alt text)
    page_url: str      # the page that shows the chart, under the site root ("en/context/")


def light_theme_css(css: str) -> str:
    """site.css's chart rules as a stand-alone style sheet with the light theme's colours.

    Takes the variables of the first (light) colour block, the rules whose selectors
    all start with `.chart ` (top level, then the small-screen @media ones), drops
    that prefix (the SVG is the root here) and resolves var(--x)."""
    variables = dict(MATERIAL_LIGHT)
    light = re.search(r":root[^{]*\{(.*?)\}", css, re.S)
    if light:
        variables.update(dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", light.group(1))))
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    media = re.compile(r"@media(?P<query>[^{]*)\{(?P<rules>(?:[^{}]*\{[^{}]*\})*[^{}]*)\}")
    # The phones' rules come last: an email's 600 px column shows the drawing at
    # about the size a phone does, so the PNG uses the larger text the site uses there.
    phone = "".join(m.group("rules") for m in media.finditer(css) if "max-width" in m.group("query") and "screen" in m.group("query"))
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", media.sub("", css) + phone):
        parts = [s.strip() for s in selectors.split(",")]
        if not all(p.startswith(".chart ") for p in parts):
            continue
        body = re.sub(r"var\((--[\w-]+)\)", lambda m: variables.get(m.group(1), INK), body)
        rules.append(", ".join(p.removeprefix(".chart ").strip() for p in parts) + " {" + body.strip() + "}")
    return "\n".join(rules)


def font_sizes(css: str) -> dict[str, float]:
    """{"text": 20, ".chart__note": 19, …}: the font size each selector sets, the last rule winning."""
    sizes: dict[str, float] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        size = re.search(r"font-size:\s*([\d.]+)px", body)
        if size:
            for selector in selectors.split(","):
                sizes[selector.strip()] = float(size.group(1))
    return sizes


def text_extent(drawing: str, css: str) -> float:
    """How far right the drawing's text reaches, measured in its fonts and sizes.
    The site's small-screen sizes can carry a long note past the drawing's edge,
    where a browser clips it; the PNG widens its frame instead."""
    from PIL import ImageFont

    sizes, right = font_sizes(css), 0.0
    for attrs, content in re.findall(r"<text\b([^>]*)>(.*?)</text>", drawing, re.S):
        classes = re.search(r'class="([^"]*)"', attrs)
        size = next((sizes[f".{c}"] for c in reversed(classes.group(1).split()) if f".{c}" in sizes), None) if classes else None
        size = size or sizes.get("text", 14.0)
        x = re.search(r'\bx="([\d.]+)"', attrs)
        bold = bool(classes and "chart__label" in classes.group(1))  # labels are mostly bold: measure them so
        font = ImageFont.truetype(str(BOLD_FONT if bold else REGULAR_FONT), round(size))
        right = max(right, (float(x.group(1)) if x else 0.0) + font.getlength(_text(content)))
    return right


def standalone_svg(svg_attrs: str, inner: str, title: str, footer: str, css: str = "") -> tuple[str, float, float]:
    """The chart's drawing inside a frame with its title above and the footer below;
    returns (svg, width, height) in SVG units."""
    box = VIEWBOX.search(svg_attrs)
    if not box:
        raise ValueError("the chart's <svg> has no viewBox=\"0 0 W H\"")
    w, h = float(box.group("w")), float(box.group("h"))
    w = max(w, round(text_extent(inner, css) + 4)) if css else w
    title_lines = wrap_to_width(title, BOLD_FONT, TITLE_PX, w)
    footer_lines = wrap_to_width(footer, REGULAR_FONT, FOOTER_PX, w)
    top = PAD + 30 * len(title_lines) + 16
    height = top + h + 20 + 20 * len(footer_lines) + PAD - 8
    width = w + 2 * PAD
    texts = [f'<text class="png__title" x="{PAD}" y="{PAD + 22 + 30 * i}">{escape(line)}</text>' for i, line in enumerate(title_lines)]
    texts += [f'<text class="png__footer" x="{PAD}" y="{top + h + 28 + 20 * i}">{escape(line)}</text>' for i, line in enumerate(footer_lines)]
    # <title>/<desc> are for screen readers on the site; a PNG carries its alt text outside.
    drawing = re.sub(r"<(title|desc)\b.*?</\1>", "", inner, flags=re.S)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" viewBox="0 0 {width:g} {height:g}">'
           f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>' + "".join(texts)
           + f'<svg x="{PAD}" y="{top:g}" width="{w:g}" height="{h:g}" viewBox="0 0 {w:g} {h:g}" overflow="visible">{drawing}</svg></svg>')
    return svg, width, height


def wrap_to_width(text: str, font: Path, size: int, width: float) -> list[str]:
    """Lines of `text` that fit `width` SVG units in this font (measured, not guessed)."""
    from PIL import ImageFont

    measure = ImageFont.truetype(str(font), size).getlength
    lines: list[str] = []
    for word in text.split():
        if lines and measure(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def frame_css(chart_css: str) -> str:
    # The legend's spacing (bars.html) is laid out for small text: keep it small.
    return (f"svg {{ color: {INK}; font-family: 'DejaVu Sans'; }}\n" + chart_css
            + "\n.chart__small { font-size: 15px; }"
            + f"\n.png__title {{ font-size: {TITLE_PX}px; font-weight: 700; fill: {INK}; }}"
            + f"\n.png__footer {{ font-size: {FOOTER_PX}px; fill: {MUTED}; }}")


def png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


def rasterize(svg: str, css: str) -> bytes:
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, style_sheet=css, width=WIDTH_PX, background=BACKGROUND,
                                       skip_system_fonts=True, font_dirs=[str(FONTS)], font_family="DejaVu Sans",
                                       sans_serif_family="DejaVu Sans", text_rendering="optimize_legibility"))


@lru_cache(maxsize=1)
def _renderer_key() -> str:
    """What every image depends on besides its SVG: the design, the renderer's
    version and the fonts (read once per build, not once per chart)."""
    from importlib.metadata import version

    fonts = "".join(hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(FONTS.glob("*.ttf")))
    return "\0".join([DESIGN_VERSION, version("resvg-py"), fonts])


def _cached_png(svg: str, css: str) -> tuple[bytes, bool]:
    """(PNG bytes, drawn now?) for this SVG and style sheet."""
    key = hashlib.sha256("\0".join([_renderer_key(), css, svg]).encode()).hexdigest()[:20]
    cached = CACHE / f"{key}.png"
    if cached.exists():
        return cached.read_bytes(), False
    data = rasterize(svg, css)
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{key}.tmp")
    tmp.write_bytes(data)
    tmp.replace(cached)
    return data, True


def write_chart_pngs(site: Path, pages, footer_for) -> tuple[list[ChartImage], int]:
    """A PNG of every chart on the built pages, per language: ([images], how many drawn).

    `pages` are explainer.site.BuiltPage; `footer_for(name, lang)` is the line under
    the drawing (the date its data describes, the site)."""
    css = frame_css(light_theme_css(SITE_CSS.read_text(encoding="utf-8")))
    images: list[ChartImage] = []
    seen: set[tuple[str, str]] = set()
    drawn = 0
    for page in pages:
        html = page.path.read_text(encoding="utf-8")
        for figure in FIGURE.finditer(html):
            name = figure.group("name")
            if (page.lang, name) in seen:
                continue
            seen.add((page.lang, name))
            svg = SVG.search(figure.group("body"))
            if not svg:
                raise ContentError(ROOT / page.source, f"chart `{name}` has no <svg> to draw as PNG: check overrides/components/chart-{name}.html")
            title_match = re.search(r"<title\b[^>]*>(.*?)</title>", svg.group("inner"), re.S)
            desc_match = re.search(r"<desc\b[^>]*>(.*?)</desc>", svg.group("inner"), re.S)
            title = _text(title_match.group(1)) if title_match else name
            try:
                standalone, _, _ = standalone_svg(svg.group("attrs"), svg.group("inner"), title, footer_for(name, page.lang), css)
                data, new = _cached_png(standalone, css)
            except ValueError as exc:  # resvg refuses the SVG, or it has no viewBox
                raise ContentError(ROOT / "overrides" / "components" / f"chart-{name}.html", f"cannot draw chart `{name}` ({page.lang}) as PNG: {exc}") from None
            drawn += new
            url_path = f"assets/charts/{page.lang}/{name}.png"
            dest = site / url_path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
            width, height = png_size(data)
            images.append(ChartImage(name, page.lang, dest, url_path, width, height, title,
                                     _text(desc_match.group(1)) if desc_match else title, page.url))
    return images, drawn


def _text(markup: str) -> str:
    """Text content of a bit of SVG/HTML markup, entities decoded, spaces collapsed."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())

