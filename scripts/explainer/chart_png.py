"""PNG copies of the site's charts, for email and for download (1200 px wide).

Email clients do not show SVG or CSS-drawn bars, so every chart is also written
as a PNG, drawn from the same layout as the page (explainer.charts.chart_layout):
the same bars, lengths, statuses and patterns. The image is laid out for an
email's 600 px column read on a 375 px phone, where it shows 375 px wide, at
31% of its pixels: no text in it is smaller than MIN_PHONE_PX (12 px) there.
It says what the page says of each bar: partner, figure and status word; a
stack's segments, each with a swatch of its own fill, its label and figure, and
its total; a bar's note ("up to", "no term given"); then the legend, the
one-line caveat and the source numbers. The chart's caption and the notes are
also HTML text under the image (email_edition.py), for mail that blocks images.

Drawn as SVG here and rasterized with resvg (resvg-py wheel: no system library,
no network), in the DejaVu fonts shipped in fonts/, on an opaque tinted
background (not pure white, which dark-mode mail clients invert badly), in the
light theme's colours (site.css). Finished PNGs are kept in .cache/charts by a
hash of what they show, like the share cards.
"""
from __future__ import annotations

import hashlib
import math
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from .cache import code_digest, folder, package_version
from .charts import Layout, chart_layout
from .data import load_ui
from .errors import ContentError
from .palette import palette

WIDTH_PX = 1200                    # 2× a 600 px email column
FONTS = Path(__file__).parent / "fonts"
DESIGN_VERSION = "4"
# The colours (explainer.palette): opaque, lightly tinted paper, never pure white;
# the status words and bars as the page's light scheme draws them.
_C = palette()
BACKGROUND, INK, MUTED, WARN = _C["chart_paper"], _C["text"], _C["text_muted"], _C["warn"]
FILL, FILL2 = _C["bar"], _C["bar_2"]   # a stack's second segment darker
BOLD_FONT, REGULAR_FONT = FONTS / "DejaVuSans-Bold.ttf", FONTS / "DejaVuSans.ttf"
# On a 375 px phone the email's column, and so the image, is 375 px wide: the
# image shows at 375/1200 of its pixels. The smallest text is sized for that.
PHONE_IMAGE_PX = 375
MIN_PHONE_PX = 12                  # the smallest text on the phone, in CSS px (font size)
# Type sizes in image pixels: SMALL is the smallest that reads as MIN_PHONE_PX on the phone.
PAD = 40
SMALL = math.ceil(MIN_PHONE_PX * WIDTH_PX / PHONE_IMAGE_PX)   # 39 px: 12.2 px on the phone
TITLE, LABEL = 48, 44
BAR_H, TOTAL_H, SWATCH = 48, 16, (60, 36)
KEY = (48, 30)                     # the swatch before a segment's label
PALETTE_COLOURS = 64               # explainer.chart_png.compact

# The status patterns, as site.css draws them (.bar--<status>): 16-unit tiles.
_LINE = f'stroke="{FILL}" stroke-width="5"'
PATTERNS = {
    "unconfirmed": f'<circle cx="8" cy="8" r="4" fill="{FILL}"/>',
    "nonbinding": f'<rect width="16" height="5" fill="{FILL}"/>',
    "preliminary": f'<rect width="5" height="16" fill="{FILL}"/>',
    "partly_firm": f'<path d="M-4 4 L4 -4 M0 16 L16 0 M12 20 L20 12" {_LINE}/>',
    "conditional": f'<path d="M-4 12 L4 20 M0 0 L16 16 M12 -4 L20 4" {_LINE}/>',
    "interpretation": f'<path d="M-4 4 L4 -4 M0 16 L16 0 M12 20 L20 12 M-4 12 L4 20 M0 0 L16 16 M12 -4 L20 4" stroke="{FILL}" stroke-width="3"/>',
}
# A figure as the built pages write it: the id names the chart, the page is where it is shown.
FIGURE = re.compile(r'<figure class="chart" id="chart-(?P<name>[\w-]+)"')


@dataclass
class ChartImage:
    name: str          # commitments_usd
    lang: str
    path: Path         # site/assets/charts/<lang>/<name>.png
    url_path: str      # assets/charts/<lang>/<name>.png, under the site root
    width: int         # pixels
    height: int
    title: str         # the chart's title, in its language
    description: str   # every figure in words (alt text)
    page_url: str      # the page that shows the chart, under the site root ("en/context/")
    layout: Layout     # what it shows: the email prints its notes and caveat under it


@lru_cache(maxsize=None)
def _measure(bold: bool, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(BOLD_FONT if bold else REGULAR_FONT), size).getlength


def wrap_to_width(text: str, size: int, width: float, bold: bool = False) -> list[str]:
    """Lines of `text` that fit `width` pixels in this font (measured, not guessed)."""
    measure = _measure(bold, size)
    lines: list[str] = []
    for word in text.split():
        if lines and measure(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _wrap_words(words: list[tuple[str, bool]], size: int, width: float) -> list[list[tuple[str, bool]]]:
    """Lines of (text, is_status_word) runs that fit `width`, measured in bold
    (the wider face: a line that fits in bold fits)."""
    measure = _measure(True, size)
    lines: list[list[tuple[str, bool]]] = []
    for word, tag in words:
        if lines and measure("".join(t for t, _ in lines[-1]) + " " + word) <= width:
            last_text, last_tag = lines[-1][-1]
            if last_tag == tag:
                lines[-1][-1] = (f"{last_text} {word}", tag)
            else:
                lines[-1][-1] = (last_text + " ", last_tag)
                lines[-1].append((word, tag))
        else:
            lines.append([(word, tag)])
    return lines


def _fill(status: str, n: int = 1) -> str:
    return f"url(#p-{status})" if status in PATTERNS else (FILL2 if n == 2 else FILL)


def _bar(x: float, y: float, w: float, h: float, status: str, n: int = 1) -> str:
    w = max(w, 4)
    outline = f' stroke="{FILL}" stroke-width="3"' if status in PATTERNS else ""
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h}" fill="{_fill(status, n)}"{outline}/>'


def _text(x: float, y: float, text: str, size: int, fill: str = INK, bold: bool = False, italic: bool = False) -> str:
    style = (' font-weight="bold"' if bold else "") + (' font-style="italic"' if italic else "")
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}"{style}>{escape(text)}</text>'


def chart_svg(layout: Layout, footer: str, sources_word: str) -> tuple[str, int]:
    """The email image of a chart as SVG, WIDTH_PX wide; returns (svg, height)."""
    inner = WIDTH_PX - 2 * PAD
    out: list[str] = []
    y = PAD
    for line in wrap_to_width(layout.title, TITLE, inner, bold=True):
        y += TITLE * 1.2
        out.append(_text(PAD, y, line, TITLE, bold=True))
    y += 20
    for row in layout.rows:
        # Partner and figure in bold ink, the status word in the hedge colour,
        # wrapped together word by word (the status word may start a new line).
        words = [(w, False) for w in f"{row.label}: {row.value}".split()] + [(w, True) for w in row.tag.split()]
        for line in _wrap_words(words, LABEL, inner):
            y += LABEL * 1.25
            spans = "".join(f'<tspan fill="{WARN}" font-style="italic" font-weight="normal">{escape(text)}</tspan>' if tag else escape(text)
                            for text, tag in line)
            out.append(f'<text x="{PAD}" y="{y:.1f}" font-size="{LABEL}" fill="{INK}" font-weight="bold" xml:space="preserve">{spans}</text>')
        y += 16
        for s in row.segments:
            out.append(_bar(PAD + s.start / 100 * inner, y, s.width / 100 * inner, BAR_H, s.status, s.n))
        y += BAR_H
        if row.total:
            y += 6
            out.append(_bar(PAD, y, row.total.width / 100 * inner, TOTAL_H, row.total.status))
            y += TOTAL_H
        # What the page says of the bar: each segment of a stack with a swatch of
        # its fill (the second is darker) and its label, then the total; a note.
        keyed = [(s.status, s.n, f"{s.label}: {s.text} {s.tag}".strip()) for s in row.segments] if row.multi else []
        if row.total:
            keyed.append((row.total.status, 0, f"{row.total.label}: {row.value} {row.tag}".strip()))
        y += 8
        for status, n, text in keyed:
            lines = wrap_to_width(text, SMALL, inner - KEY[0] - 16)
            if n:
                out.append(_bar(PAD, y + 10, KEY[0], KEY[1], status, n))
            else:   # the total: its band, as drawn under the bar
                out.append(_bar(PAD, y + 10 + (KEY[1] - TOTAL_H) / 2, KEY[0], TOTAL_H, status))
            for line in lines:
                y += SMALL * 1.25
                out.append(_text(PAD + KEY[0] + 16, y, line, SMALL))
            y += 6
        if row.note:
            for line in wrap_to_width(row.note, SMALL, inner):
                y += SMALL * 1.25
                out.append(_text(PAD, y, line, SMALL, fill=MUTED))
        y += 26
    # The legend: each style drawn, its swatch and word, flowing into rows.
    x, y = PAD, y + 10
    measure = _measure(False, SMALL)
    for status, word in layout.legend:
        width = SWATCH[0] + 14 + measure(word) + 40
        if x > PAD and x + width > WIDTH_PX - PAD:
            x, y = PAD, y + SWATCH[1] + 18
        out.append(_bar(x, y, SWATCH[0], SWATCH[1], status))
        out.append(_text(x + SWATCH[0] + 14, y + SWATCH[1] - 8, word, SMALL))
        x += width
    y += SWATCH[1] + 14
    for line in wrap_to_width(layout.caveat, SMALL, inner, bold=True):
        y += SMALL * 1.3
        out.append(_text(PAD, y, line, SMALL, bold=True))
    tail = f"{sources_word}: {', '.join(str(n) for n in layout.sources)}. {footer}"
    for line in wrap_to_width(tail, SMALL, inner):
        y += SMALL * 1.3
        out.append(_text(PAD, y, line, SMALL, fill=MUTED))
    height = round(y + PAD)
    defs = "".join(f'<pattern id="p-{s}" width="16" height="16" patternUnits="userSpaceOnUse">'
                   f'<rect width="16" height="16" fill="{BACKGROUND}"/>{tile}</pattern>' for s, tile in PATTERNS.items())
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH_PX}" height="{height}" viewBox="0 0 {WIDTH_PX} {height}" font-family="DejaVu Sans">'
           f'<defs>{defs}</defs><rect width="100%" height="100%" fill="{BACKGROUND}"/>' + "".join(out) + "</svg>")
    return svg, height


def png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


def rasterize(svg: str) -> bytes:
    import resvg_py

    return compact(bytes(resvg_py.svg_to_bytes(svg_string=svg, width=WIDTH_PX, background=BACKGROUND,
                                               skip_system_fonts=True, font_dirs=[str(FONTS)], font_family="DejaVu Sans",
                                               sans_serif_family="DejaVu Sans", text_rendering="optimize_legibility")))


def compact(png: bytes) -> bytes:
    """The image in 64 colours (a palette PNG): a few flat colours and their
    anti-aliased edges, at less than half the bytes of resvg's RGBA output. The
    most used colours, paper, ink and bars, come through exactly."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        quantized = image.convert("RGB").quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    quantized.save(out, "PNG", optimize=True)
    return out.getvalue()


@lru_cache(maxsize=1)
def _renderer_key() -> str:
    """What every image depends on besides what it shows: the design, the fonts,
    Pillow (which measures the text to wrap it, and packs the PNG) and the
    renderer (read once per build, not once per chart)."""
    fonts = "".join(hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(FONTS.glob("*.ttf")))
    return "\0".join([DESIGN_VERSION, package_version("resvg-py"), package_version("pillow"), fonts])


def _cached_png(inputs: str, svg) -> tuple[bytes, bool]:
    """(PNG bytes, drawn now?) for a chart: kept in .cache/charts under a hash of
    everything the drawing depends on (`inputs`: what it shows and this module's
    code; the renderer and the fonts), so a chart drawn before is not even laid
    out again (no font is opened). `svg()` makes the drawing when it is not."""
    key = hashlib.sha256("\0".join([_renderer_key(), code_digest(__file__), inputs]).encode()).hexdigest()[:20]
    cached = folder("charts") / f"{key}.png"
    if cached.exists():
        return cached.read_bytes(), False
    data = rasterize(svg())
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{key}.tmp")
    tmp.write_bytes(data)
    tmp.replace(cached)
    return data, True


def write_chart_pngs(site: Path, pages, footer_for, facts) -> tuple[list[ChartImage], int]:
    """A PNG of every chart on the built pages, per language: ([images], how many drawn).

    `pages` are explainer.site.BuiltPage; `footer_for(name, lang)` is the line under
    the drawing (the date its data describes, the site)."""
    images: list[ChartImage] = []
    seen: set[tuple[str, str]] = set()
    drawn = 0
    for page in pages:
        html = page.html
        for figure in FIGURE.finditer(html):
            name = figure.group("name")
            if (page.lang, name) in seen:
                continue
            seen.add((page.lang, name))
            t = load_ui()[page.lang]
            layout = chart_layout(facts, name, page.lang, t)
            footer = footer_for(name, page.lang)
            try:
                data, new = _cached_png(repr((layout, footer, t["sources"], _C)),
                                        lambda: chart_svg(layout, footer, t["sources"])[0])
            except ValueError as exc:  # resvg refuses the SVG
                raise ContentError(Path(__file__), f"cannot draw chart `{name}` ({page.lang}) as PNG: {exc}") from None
            drawn += new
            url_path = f"assets/charts/{page.lang}/{name}.png"
            dest = site / url_path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
            width, height = png_size(data)
            images.append(ChartImage(name, page.lang, dest, url_path, width, height, layout.title,
                                     layout.description, page.url, layout))
    return images, drawn
