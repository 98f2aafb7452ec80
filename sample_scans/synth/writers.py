"""File writers: image-only PDF, multi-page TIFF, single-page JPEG / PNG, and the truth JSON.

Metadata that would change between runs (PDF dates) is pinned, so regenerating gives identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

FORMATS = ("pdf", "tiff", "jpeg", "png")
EXTENSIONS = {"pdf": (".pdf",), "tiff": (".tif", ".tiff"), "jpeg": (".jpg",), "png": (".png",)}
TIFF_COMPRESSIONS = {"group4": "group4", "lzw": "tiff_lzw", "deflate": "tiff_adobe_deflate"}
FIXED_DATE = "D:20240101000000Z"


def bilevel(img: Image.Image) -> Image.Image:
    """Threshold at 35 % of the way from the paper tone (60th percentile) to the dark tone (2nd percentile)."""
    hist = img.histogram()
    total, acc, lo, hi = sum(hist), 0, None, None
    for v, n in enumerate(hist):
        acc += n
        if lo is None and acc >= total * 0.02:
            lo = v
        if hi is None and acc >= total * 0.60:
            hi = v
    if lo > hi - 40:  # clean page: under 2 % ink
        lo = 0
    thr = hi - (hi - lo) * 35 // 100
    return img.point(lambda v: 255 if v > thr else 0).convert("1", dither=Image.Dither.NONE)


def flatten_background(img: Image.Image) -> Image.Image:
    """Scanner background removal (usual for lossless grayscale output): paper tone becomes white."""
    hist = img.histogram()
    total, acc, paper = sum(hist), 0, 255
    for v, n in enumerate(hist):
        acc += n
        if acc >= total * 0.5:
            paper = v
            break
    cut = max(0, paper - 18)
    return img.point(lambda v: 255 if v >= cut else v * 255 // max(1, cut))


def write_pdf(pages: list[Image.Image], path: Path, dpi: int, bilevel_pages: bool = False, quality: int = 50) -> None:
    imgs = [bilevel(p) if bilevel_pages else p.convert("L") for p in pages]
    extra = {} if bilevel_pages else {"quality": quality}  # 1-bit pages are stored CCITT G4 by Pillow
    imgs[0].save(path, "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi), **extra,
                 title=path.stem, producer="baulast sample_scans", creator="Scanner",
                 creationDate=FIXED_DATE, modDate=FIXED_DATE)


def write_tiff(pages: list[Image.Image], path: Path, dpi: int, compression: str = "group4") -> None:
    if compression == "group4":
        imgs = [bilevel(p) for p in pages]
    else:
        imgs = [flatten_background(p.convert("L")) for p in pages]
    imgs[0].save(path, "TIFF", save_all=True, append_images=imgs[1:], dpi=(dpi, dpi),
                 compression=TIFF_COMPRESSIONS[compression])


def write_jpeg(page: Image.Image, path: Path, dpi: int, quality: int = 70) -> None:
    page.convert("L").save(path, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)


def write_png(page: Image.Image, path: Path, dpi: int, bilevel_page: bool = False) -> None:
    (bilevel(page) if bilevel_page else flatten_background(page.convert("L"))).save(path, "PNG", dpi=(dpi, dpi), optimize=True)


def write_pages(pages: list[Image.Image], path: Path, fmt: str, dpi: int, variant: str = "") -> None:
    """variant: pdf -> 'bilevel' or ''; tiff -> group4|lzw|deflate; png -> 'bilevel' or ''."""
    if fmt == "pdf":
        write_pdf(pages, path, dpi, bilevel_pages=variant == "bilevel")
    elif fmt == "tiff":
        write_tiff(pages, path, dpi, variant or "group4")
    elif fmt == "jpeg":
        write_jpeg(pages[0], path, dpi)
    elif fmt == "png":
        write_png(pages[0], path, dpi, bilevel_page=variant == "bilevel")
    else:
        raise ValueError(fmt)


def truth_path(path: Path) -> Path:
    return path.with_name(path.stem + ".truth.json")


def write_truth(path: Path, truth: dict) -> Path:
    out = truth_path(path)
    out.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out
