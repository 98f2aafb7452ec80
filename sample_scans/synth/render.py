"""Low-level drawing helpers: fonts, an A4 page canvas, wrapping, typewriter text, signatures."""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_ROOT = Path("/usr/share/fonts")

# short key -> font file name (looked up anywhere below FONT_ROOT)
FONT_FILES = {
    "serif": "LiberationSerif-Regular.ttf",
    "serif_bold": "LiberationSerif-Bold.ttf",
    "dv_serif": "DejaVuSerif.ttf",
    "dv_serif_bold": "DejaVuSerif-Bold.ttf",
    "free_serif": "FreeSerif.ttf",
    "free_serif_bold": "FreeSerifBold.ttf",
    "sans": "LiberationSans-Regular.ttf",
    "sans_bold": "LiberationSans-Bold.ttf",
    "dv_sans": "DejaVuSans.ttf",
    "dv_sans_bold": "DejaVuSans-Bold.ttf",
    "dv_cond": "DejaVuSansCondensed.ttf",
    "dv_cond_bold": "DejaVuSansCondensed-Bold.ttf",
    "free_sans": "FreeSans.ttf",
    "free_sans_bold": "FreeSansBold.ttf",
    "narrow": "LiberationSansNarrow-Regular.ttf",
    "narrow_bold": "LiberationSansNarrow-Bold.ttf",
    "mono": "LiberationMono-Regular.ttf",
    "mono_bold": "LiberationMono-Bold.ttf",
    "free_mono": "FreeMono.ttf",
    "free_mono_bold": "FreeMonoBold.ttf",
    "dv_mono": "DejaVuSansMono.ttf",
    "dv_mono_bold": "DejaVuSansMono-Bold.ttf",
    "dv_serif_cond": "DejaVuSerifCondensed.ttf",
    "dv_serif_cond_bold": "DejaVuSerifCondensed-Bold.ttf",
    # italic faces, used as pen writing filled into printed forms
    "serif_italic": "LiberationSerif-Italic.ttf",
    "free_serif_italic": "FreeSerifItalic.ttf",
    "dv_serif_italic": "DejaVuSerif-Italic.ttf",
}


THIN_FONTS = {"free_mono"}  # typed with a little extra stroke, like a worn ribbon on paper


@lru_cache(maxsize=None)
def font_path(key: str) -> str:
    name = FONT_FILES[key]
    hits = sorted(FONT_ROOT.rglob(name))
    if not hits:
        raise FileNotFoundError(f"font {name} not found below {FONT_ROOT}")
    return str(hits[0])


@lru_cache(maxsize=256)
def load_font(key: str, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(key), size_px)


class Page:
    """A white A4 grayscale page; coordinates are pixels, helpers convert from mm / pt."""

    def __init__(self, dpi: int, rng: random.Random, width_mm: float = 210, height_mm: float = 297):
        self.dpi = dpi
        self.rng = rng
        self.img = Image.new("L", (self.px(width_mm), self.px(height_mm)), 255)
        self.draw = ImageDraw.Draw(self.img)
        self.width_mm, self.height_mm = width_mm, height_mm

    # --- units -------------------------------------------------------------
    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def font(self, key: str, pt: float) -> ImageFont.FreeTypeFont:
        return load_font(key, max(6, round(pt * self.dpi / 72)))

    def line_height(self, key: str, pt: float, spacing: float = 1.35) -> int:
        return round(pt * self.dpi / 72 * spacing)

    def width(self, s: str, key: str, pt: float) -> float:
        return self.font(key, pt).getlength(s)

    # --- text --------------------------------------------------------------
    def text(self, x: float, y: float, s: str, key: str, pt: float, fill: int = 0, anchor: str = "ls") -> float:
        """Draw s with its baseline-left at (x, y) px; return the right edge x."""
        f = self.font(key, pt)
        self.draw.text((x, y), s, font=f, fill=fill, anchor=anchor)
        if anchor[0] == "l":
            return x + f.getlength(s)
        return x

    def typed(self, x: float, y: float, s: str, key: str, pt: float, ink: float = 30) -> float:
        """Typewriter text: per-character baseline jitter and uneven ink; returns the end x."""
        f = self.font(key, pt)
        rng = self.rng
        step = f.getlength("M")  # monospace advance
        unit = max(1, round(self.dpi / 200))
        stroke = max(1, round(self.dpi / 300)) if key in THIN_FONTS else 0  # ribbon ink spreads
        for ch in s:
            if ch != " ":
                dy = rng.choice((-1, 0, 0, 0, 0, 1)) * unit
                dx = rng.choice((0, 0, 0, 1)) * unit
                shade = int(min(150, max(0, rng.gauss(ink, 18))))
                if rng.random() < 0.03:
                    shade = 120 + rng.randrange(40)  # weak key strike
                self.draw.text((x + dx, y + dy), ch, font=f, fill=shade, anchor="ls",
                               stroke_width=stroke, stroke_fill=shade)
                if rng.random() < 0.12:  # heavy strike bleeds a little
                    self.draw.text((x + dx + unit, y + dy), ch, font=f, fill=min(255, shade + 60), anchor="ls")
            x += step
        return x

    def wrap(self, s: str, key: str, pt: float, width_px: float) -> list[str]:
        f = self.font(key, pt)
        lines: list[str] = []
        for para in s.split("\n"):
            cur = ""
            for word in para.split():
                cand = f"{cur} {word}".strip()
                if cur and f.getlength(cand) > width_px:
                    lines.append(cur)
                    cur = word
                else:
                    cur = cand
            lines.append(cur)
        return lines

    def paragraph(self, x: float, y: float, s: str, key: str, pt: float, width_px: float,
                  typed: bool = False, spacing: float = 1.35) -> float:
        """Draw wrapped text starting with first baseline at y; return the y after the last line."""
        lh = self.line_height(key, pt, spacing)
        for line in self.wrap(s, key, pt, width_px):
            if typed:
                self.typed(x, y, line, key, pt)
            else:
                self.text(x, y, line, key, pt)
            y += lh
        return y

    # --- lines and shapes --------------------------------------------------
    def hline(self, x0: float, x1: float, y: float, w: float = 0.3, fill: int = 0) -> None:
        self.draw.line([(x0, y), (x1, y)], fill=fill, width=max(1, self.px(w)))

    def vline(self, x: float, y0: float, y1: float, w: float = 0.3, fill: int = 0) -> None:
        self.draw.line([(x, y0), (x, y1)], fill=fill, width=max(1, self.px(w)))

    def rect(self, box, w: float = 0.3, fill=None, outline: int = 0) -> None:
        self.draw.rectangle(box, fill=fill, outline=outline, width=max(1, self.px(w)))

    def hand_line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.35, fill: int = 40) -> None:
        """A slightly wobbly ruler/pen line."""
        rng, pts, n = self.rng, [], 8
        for i in range(n + 1):
            t = i / n
            pts.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + rng.uniform(-1, 1) * self.px(0.25)))
        self.draw.line(pts, fill=fill, width=max(1, self.px(w)))

    def signature(self, x: float, y: float, w_mm: float = 30, h_mm: float = 7, fill: int = 30) -> None:
        """A handwritten-looking scribble starting at (x, y) (y = baseline)."""
        rng = self.rng
        w, h = self.px(w_mm), self.px(h_mm)
        pts, cx = [], x
        while cx < x + w:
            pts.append((cx, y - rng.uniform(0.1, 1.0) * h))
            cx += rng.uniform(0.03, 0.09) * w
            pts.append((cx, y - rng.uniform(-0.1, 0.35) * h))
            cx += rng.uniform(0.02, 0.06) * w
        self.draw.line(pts, fill=fill, width=max(2, self.px(0.4)), joint="curve")
        self.draw.line([(x - self.px(2), y + self.px(1)),
                        (x + w * rng.uniform(0.6, 1.0), y + self.px(rng.uniform(0, 2)))],
                       fill=fill, width=max(2, self.px(0.35)))


def dot_matrix(img: Image.Image, dpi: int) -> Image.Image:
    """Make dark glyph areas look like 9-pin printer output: faint horizontal gaps between pin rows."""
    period = max(3, round(dpi / 72))
    w, h = img.size
    mask = Image.new("L", (1, period), 0)
    mask.putpixel((0, period - 1), 110)
    mask = mask.resize((1, period)).resize((w, period))
    stripes = Image.new("L", (w, h), 0)
    for y in range(0, h, period):
        stripes.paste(mask, (0, y))
    from PIL import ImageChops

    return ImageChops.add(img, stripes)
