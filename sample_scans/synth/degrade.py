"""Scan degradation: paper tone, stamps, skew, blur, noise, speckle, dark edges, wrong-way pages.

All randomness comes from the passed random.Random (noise via rng.randbytes), so output is
reproducible for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .render import load_font

QUALITIES = ("clean", "typical", "poor")
MONTHS = ("JAN.", "FEB.", "MRZ.", "APR.", "MAI", "JUNI", "JULI", "AUG.", "SEP.", "OKT.", "NOV.", "DEZ.")


def stamp_text(d: dt.date, authority: str) -> list[str]:
    return ["EINGEGANGEN", f"{d.day:02d}. {MONTHS[d.month - 1]} {d.year}", authority.upper()]


def add_stamp(img: Image.Image, rng: random.Random, dpi: int, lines: list[str], region=(0.35, 0.05, 0.95, 0.45),
              shape: str | None = None) -> Image.Image:
    """Stamp (round or rectangular, uneven ink) multiplied onto the page inside region (fractions)."""
    px = lambda mm: round(mm * dpi / 25.4)  # noqa: E731
    shape = shape or rng.choice(("round", "rect"))
    size = (px(48), px(48)) if shape == "round" else (px(62), px(26))
    layer = Image.new("L", size, 255)
    d = ImageDraw.Draw(layer)
    ink = rng.randrange(70, 130)
    wid = max(2, px(0.6))
    if shape == "round":
        d.ellipse((wid, wid, size[0] - wid, size[1] - wid), outline=ink, width=wid)
        d.ellipse((px(5), px(5), size[0] - px(5), size[1] - px(5)), outline=ink, width=max(1, wid // 2))
        f = load_font("sans_bold", px(4.2))
        f2 = load_font("sans", px(3))
        d.text((size[0] // 2, size[1] // 2 - px(4)), lines[0], font=f2, fill=ink, anchor="mm")
        d.text((size[0] // 2, size[1] // 2 + px(2)), lines[1], font=f, fill=ink, anchor="mm")
        d.text((size[0] // 2, size[1] // 2 + px(9)), lines[2][:18], font=f2, fill=ink, anchor="mm")
    else:
        d.rectangle((0, 0, size[0] - 1, size[1] - 1), outline=ink, width=wid)
        for i, s in enumerate(lines):
            f = load_font("sans_bold" if i == 1 else "sans", px(5.5 if i == 1 else 4))
            d.text((size[0] // 2, px(6 + 7.5 * i)), s[:26], font=f, fill=ink, anchor="mm")
    # uneven ink: lighten random blotches
    holes = Image.frombytes("L", (size[0] // 8, size[1] // 8), rng.randbytes((size[0] // 8) * (size[1] // 8)))
    holes = holes.resize(size, Image.BILINEAR).point(lambda v: 255 if v > 200 else 0)
    layer = ImageChops.lighter(layer, holes)
    layer = layer.rotate(rng.uniform(-20, 20), resample=Image.BICUBIC, expand=True, fillcolor=255)
    w, h = img.size
    x = rng.randrange(int(w * region[0]), max(int(w * region[0]) + 1, int(w * region[2]) - layer.width))
    y = rng.randrange(int(h * region[1]), max(int(h * region[1]) + 1, int(h * region[3]) - layer.height))
    page = img.copy()
    box = (x, y, x + layer.width, y + layer.height)
    page.paste(ImageChops.multiply(page.crop(box), layer), box)
    return page


def noise(img: Image.Image, rng: random.Random, amp: int, grain: int = 1) -> Image.Image:
    """Add zero-mean uniform noise of +-amp/2 at the given grain size (pixels)."""
    w, h = img.size
    nw, nh = max(1, w // grain), max(1, h // grain)
    n = Image.frombytes("L", (nw, nh), rng.randbytes(nw * nh))
    if grain > 1:
        n = n.resize((w, h), Image.BILINEAR)
    n = n.point(lambda v: v * amp // 255)
    return ImageChops.add(img, n, scale=1.0, offset=-(amp // 2))


def speckle(img: Image.Image, rng: random.Random, dpi: int, count: int) -> Image.Image:
    img = img.copy()
    d = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(count):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((1, 1, 1, 2, 2, 3)) * max(1, dpi // 200)
        d.ellipse((x, y, x + r, y + r), fill=rng.randrange(0, 90))
    return img


def dark_edge(img: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Scanner lid shadow / book edge: a dark ragged band along one side."""
    img = img.copy()
    d = ImageDraw.Draw(img)
    w, h = img.size
    side = rng.choice(("left", "right", "top", "bottom"))
    depth = round(rng.uniform(3, 9) * dpi / 25.4)
    steps = 40
    for i in range(steps):
        a = i / steps
        cur = depth + rng.randrange(-depth // 4, depth // 4 + 1)
        if side in ("left", "right"):
            y0, y1 = int(h * a), int(h * (a + 1 / steps)) + 1
            box = (0, y0, cur, y1) if side == "left" else (w - cur, y0, w, y1)
        else:
            x0, x1 = int(w * a), int(w * (a + 1 / steps)) + 1
            box = (x0, 0, x1, cur) if side == "top" else (x0, h - cur, x1, h)
        d.rectangle(box, fill=rng.randrange(15, 50))
    return img


def contrast(img: Image.Image, black: int, white: int) -> Image.Image:
    return img.point(lambda v: black + (white - black) * v // 255)


def degrade(img: Image.Image, quality: str, rng: random.Random, dpi: int, stamp: list[str] | None = None) -> Image.Image:
    """Simulate a scan of the given quality. stamp: text lines of an EINGEGANGEN stamp to put on the page."""
    if stamp:
        img = add_stamp(img, rng, dpi, stamp)
    if quality == "clean":
        return img
    s = dpi / 300
    if quality == "typical":
        img = contrast(img, rng.randrange(10, 30), rng.randrange(238, 252))
        img = img.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor=rng.randrange(240, 250))
        img = img.filter(ImageFilter.GaussianBlur(0.5 * s))
        img = noise(img, rng, 14)
        return speckle(img, rng, dpi, rng.randrange(20, 120))
    # poor
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.9, 1.4) * s))
    img = contrast(img, rng.randrange(55, 85), rng.randrange(195, 220))
    sign = rng.choice((-1, 1))
    img = img.rotate(sign * rng.uniform(1.5, 4.0), resample=Image.BICUBIC, fillcolor=rng.randrange(200, 220))
    img = noise(img, rng, 36, grain=4)
    img = noise(img, rng, 22)
    img = speckle(img, rng, dpi, rng.randrange(400, 1500))
    return dark_edge(img, rng, dpi)


def turn(img: Image.Image, degrees: int) -> Image.Image:
    """A page put on the scanner the wrong way (counter-clockwise degrees: 90/180/270)."""
    ops = {0: None, 90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}
    return img if not ops[degrees] else img.transpose(ops[degrees])
