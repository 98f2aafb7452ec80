"""Page images for the browser: pages of the stored searchable PDF rendered as PNG, and the
crop of a field's evidence. Rendering a page costs a few hundred milliseconds, so the last
pages asked for are kept in memory."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image

from pipeline.crops import CROP_DPI, crop, page_image

VIEW_DPI = 100  # an A4 page about 830 px wide: sharp enough to read on a screen
THUMB_DPI = 24


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


@lru_cache(maxsize=48)
def page_png(pdf: Path, number: int, dpi: int) -> bytes:
    """One page as PNG at this resolution."""
    return _png(page_image(pdf, number, dpi).convert("L"))


def evidence_png(pdf: Path, number: int, bbox: list[int], ocr_width: int) -> bytes:
    """The part of a page a field was read from, with a margin, as PNG."""
    page = Image.open(io.BytesIO(page_png(pdf, number, CROP_DPI)))
    return _png(crop(page, bbox, ocr_width))
