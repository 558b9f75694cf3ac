"""Share-preview images (1200×630 PNG), one per page per language, drawn with Pillow.

Material's `social` plugin downloads fonts at build time and fails offline, so
the cards use the DejaVu font shipped in fonts/ (licence beside it). A card is
redrawn only when what it shows changes: finished cards are kept in .cache/cards.
"""
from __future__ import annotations

import hashlib
import shutil
import textwrap
from pathlib import Path

from . import cache
from .palette import palette

SIZE = (1200, 630)
FONTS = Path(__file__).parent / "fonts"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
REGULAR = FONTS / "DejaVuSans.ttf"
# The site's colours (explainer.palette, from overrides/assets/site.css).
_C = palette()
BACKGROUND, INK, ACCENT, MUTED = _C["ink"], _C["on_ink"], _C["accent_on_ink"], _C["muted_on_ink"]
DESIGN_VERSION = "2"


def _draw(title: str, kicker: str, figure: str, site_name: str, lang: str):
    from PIL import Image, ImageDraw, ImageFont   # only to draw a card the cache does not have

    img = Image.new("RGB", SIZE, BACKGROUND)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 18, SIZE[1]], fill=ACCENT)
    small = ImageFont.truetype(str(REGULAR), 30)
    d.text((80, 60), site_name, font=small, fill=MUTED)
    title_font = ImageFont.truetype(str(BOLD), 68)
    lines = textwrap.wrap(title, width=26)[:3]
    y = 130
    for line in lines:
        d.text((80, y), line, font=title_font, fill=INK)
        y += 84
    d.text((80, 410), kicker, font=small, fill=MUTED)
    fig_font = ImageFont.truetype(str(BOLD), 84 if len(figure) < 22 else 64)
    d.text((80, 455), figure, font=fig_font, fill=ACCENT)
    d.text((SIZE[0] - 80, SIZE[1] - 60), lang.upper(), font=small, fill=MUTED, anchor="rs")
    return img


def write_card(dest: Path, title: str, kicker: str, figure: str, site_name: str, lang: str) -> bool:
    """Write the card to dest; returns True when it had to be drawn (not cached).
    The kicker says what the figure is and when (the story moves on)."""
    key = hashlib.sha256("\0".join([DESIGN_VERSION, cache.code_digest(__file__), cache.package_version("pillow"),
                                    BACKGROUND, INK, ACCENT, MUTED, title, kicker, figure, site_name, lang]).encode()).hexdigest()[:20]
    cached = cache.folder("cards") / f"{key}.png"
    dest.parent.mkdir(parents=True, exist_ok=True)
    if cached.exists():
        shutil.copyfile(cached, dest)
        return False
    cached.parent.mkdir(parents=True, exist_ok=True)
    image = _draw(title, kicker, figure, site_name, lang)
    tmp = cached.with_suffix(".tmp")
    image.save(tmp, format="PNG", optimize=True)
    tmp.replace(cached)
    shutil.copyfile(cached, dest)
    return True
