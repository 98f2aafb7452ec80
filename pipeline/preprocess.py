"""Page preparation before OCR: deskew, and form rules removed from the copy Tesseract reads.

Tesseract's page segmentation loses text that sits in ruled table cells or on the lines of a
preprinted form. Removing long straight rules (runs of dark pixels far longer than any letter
stroke) from the image that Tesseract reads brings that text back; the searchable PDF keeps
the deskewed page with its rules, and both share one pixel grid, so word boxes fit either.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

MAX_SKEW_DEGREES = 5.0
_SKEW_STEP = 0.25
_SKEW_MIN = 0.3  # below this, turning the page costs more sharpness than it gains


@dataclass(frozen=True)
class PreparedPage:
    """The page as shown in the PDF, the copy for OCR, and what was done to it."""

    shown: Image.Image  # deskewed page (grayscale or bilevel), for the searchable PDF
    for_ocr: Image.Image  # the same page with form rules removed
    skew: float  # degrees the page was turned to straighten it


def dark_mask(image: Image.Image) -> np.ndarray:
    """Boolean array of ink pixels, split from paper by Otsu's threshold."""
    pixels = np.asarray(image.convert("L"), dtype=np.uint8)
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    weights = np.cumsum(histogram)
    means = np.cumsum(histogram * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (means[-1] * weights / total - means) ** 2 / (weights * (total - weights))
    candidates = between[:255]
    if not total or np.all(np.isnan(candidates)):
        return pixels < 128  # one grey level only (a blank page): nothing to split
    threshold = int(np.nanargmax(candidates))
    return pixels <= min(threshold, 200)


def estimate_skew(image: Image.Image) -> float:
    """The page's skew in degrees (counter-clockwise positive), by the sharpest row profile.

    Text lines of a straight page give a row-sum profile with tall peaks and empty gaps;
    turning the page by its skew makes that profile sharpest (largest variance).
    """
    small = image.convert("L")
    scale = 1000 / max(small.size)
    if scale < 1:
        small = small.resize((max(1, int(small.width * scale)), max(1, int(small.height * scale))))
    mask = dark_mask(small)
    if not 0.001 < mask.mean() < 0.5:
        return 0.0  # a blank (or black) page has no text lines to measure
    ink = Image.fromarray((mask * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        turned = np.asarray(ink.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float64)
        return float(np.var(turned.sum(axis=1)))

    # Coarse to fine: whole degrees first, then quarter degrees around the best one.
    coarse = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.5, 1.0), key=lambda a: sharpness(float(a)))
    fine = np.arange(coarse - 0.75, coarse + 0.76, _SKEW_STEP)
    best = float(max(fine, key=lambda a: sharpness(float(a))))
    return best if sharpness(best) > 1.02 * sharpness(0.0) else 0.0


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page turned straight (white fill at the edges), and the angle it was turned by."""
    angle = estimate_skew(image)
    if abs(angle) < _SKEW_MIN:
        return image, 0.0
    mode = image.mode
    turned = image.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if mode == "1":  # back to bilevel by threshold: dithering would speckle every letter
        turned = turned.point(lambda value: 255 if value > 127 else 0, mode="1")
    return turned, angle


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Pixels that belong to a horizontal run of at least `length` ink pixels."""
    height, width = mask.shape
    if width < length:
        return np.zeros_like(mask)
    padded = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=padded[:, 1:])
    window = padded[:, length:] - padded[:, :-length]  # ink count in each window of `length`
    starts = window == length
    # Mark every pixel covered by a full window: a run-length "opening" in linear time.
    cover = np.zeros((height, width + 1), dtype=np.int32)
    cover[:, : width - length + 1] += starts
    cover[:, length : width + 1] -= starts
    return np.cumsum(cover, axis=1)[:, :width] > 0


def _near(mask: np.ndarray, reach: int, axis: int) -> np.ndarray:
    """Pixels within `reach` pixels of a set pixel along one axis (a one-axis dilation)."""
    grown = mask.copy()
    for shift in range(1, reach + 1):
        if axis == 0:
            grown[shift:] |= mask[:-shift]
            grown[:-shift] |= mask[shift:]
        else:
            grown[:, shift:] |= mask[:, :-shift]
            grown[:, :-shift] |= mask[:, shift:]
    return grown


def remove_rules(image: Image.Image) -> Image.Image:
    """A copy of the page with long horizontal and vertical rules turned white.

    Where a letter touches a rule (a typed value on its form line), the rule pixels next to
    the letter's strokes stay, so the letter keeps its foot.
    """
    ink = dark_mask(image)
    horizontal = _long_runs(ink, max(40, image.width // 20))
    vertical = _long_runs(ink.T, max(40, image.height // 50)).T
    if not (horizontal.any() or vertical.any()):
        return image
    reach = max(2, image.width // 400)  # a rule's thickness at most, ~6 px at 300 dpi
    letters = ink & ~horizontal & ~vertical
    rules = (horizontal & ~_near(letters, reach, axis=0)) | (vertical & ~_near(letters, reach, axis=1))
    pixels = np.array(image.convert("L"), dtype=np.uint8)
    pixels[rules] = 255
    return Image.fromarray(pixels)


def prepare(image: Image.Image) -> PreparedPage:
    """Deskew the page and make the rule-free copy for OCR."""
    shown, skew = deskew(image)
    return PreparedPage(shown=shown, for_ocr=remove_rules(shown), skew=skew)
