"""Page crops for reviewers: the part of the scanned page a field was read from, as PNG."""

from __future__ import annotations

from pathlib import Path

from pdf2image import convert_from_path
from PIL import Image

CROP_DPI = 150
MARGIN = 0.25  # of the box's height, around the box


def page_image(pdf: Path, number: int, dpi: int = CROP_DPI) -> Image.Image:
    """One page of the e-file's searchable PDF as an image."""
    return convert_from_path(pdf, dpi=dpi, first_page=number, last_page=number)[0]


def crop(image: Image.Image, bbox: list[int] | tuple[int, ...], ocr_width: int) -> Image.Image:
    """The box (in OCR pixels of a page `ocr_width` wide) cut from the page image, with a margin."""
    scale = image.width / max(1, ocr_width)
    left, top, right, bottom = (v * scale for v in bbox)
    margin = max(8.0, (bottom - top) * MARGIN * 4)
    box = (
        max(0, int(left - margin)), max(0, int(top - margin)),
        min(image.width, int(right + margin)), min(image.height, int(bottom + margin)),
    )
    return image.crop(box)


def save_field_crops(pdf: Path, fields: dict[str, dict], page_widths: dict[int, int], folder: Path,
                     record_id: int) -> dict[str, Path]:
    """Save a PNG crop of each field's evidence; returns the file per field name."""
    folder.mkdir(parents=True, exist_ok=True)
    pages: dict[int, Image.Image] = {}
    saved: dict[str, Path] = {}
    for name, field in fields.items():
        page, bbox = field.get("page"), field.get("bbox")
        if not page or not bbox or page not in page_widths:
            continue
        if page not in pages:
            pages[page] = page_image(pdf, page)
        target = folder / f"record-{record_id}-{name}.png"
        crop(pages[page], bbox, page_widths[page]).save(target)
        saved[name] = target
    return saved
