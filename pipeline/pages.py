"""Page loading: turn a PDF, TIFF, JPEG or PNG into page images, one at a time."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pdf2image import convert_from_path
from pdf2image.exceptions import PDFPageCountError, PDFSyntaxError
from PIL import Image, ImageSequence
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ContentStream

from baulast.errors import InputRejected

DEFAULT_DPI = 300
# A scanned page stored as one image at this resolution is read as it is, not rasterised again.
NATIVE_DPI_RANGE = (200, 400)
_NATIVE_FILTERS = {"/DCTDecode", "/CCITTFaxDecode"}  # what Pillow decodes exactly as poppler does
MAX_PAGE_PIXELS = 150_000_000  # an A0 sheet at 300 dpi is ~140 MP; a bigger "page" is an attack or a mistake
Image.MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS  # Pillow's own bomb guard at the same limit
_MAGIC = {
    b"%PDF": "pdf",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
    b"\xff\xd8\xff": "jpeg",
    b"\x89PNG": "png",
}


@dataclass(frozen=True)
class Page:
    """One page image (grayscale or bilevel) with its resolution."""

    number: int  # 1-based
    image: Image.Image
    dpi: int


def sniff(path: Path) -> str:
    """The file's real type from its first bytes: pdf, tiff, jpeg or png."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not head:
        raise InputRejected("empty file (0 bytes)")
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if b"%PDF" in head:  # PDFs may have junk before the header
        return "pdf"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype" in lowered:
        raise InputRejected("not a scan: the file is HTML")
    if all(32 <= b < 127 or b in b"\r\n\t" for b in head):
        raise InputRejected("not a scan: the file is plain text")
    raise InputRejected("not a scan: unknown file format (expected PDF, TIFF, JPEG or PNG)")


def count_pages(path: Path) -> int:
    """Number of pages of the file (opens PDFs and images without decoding pages)."""
    kind = sniff(path)
    if kind == "pdf":
        return len(_open_pdf(path).pages)
    with _open_image(path) as image:
        return getattr(image, "n_frames", 1)


def _open_pdf(path: Path) -> PdfReader:
    """A reader for the PDF, decrypted if it opens with an empty password, with at least a page."""
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputRejected("encrypted PDF: needs a password; save it unencrypted and ingest again")
            except NotImplementedError as exc:
                raise InputRejected(f"encrypted PDF with an unsupported cipher: {exc}") from exc
        pages = len(reader.pages)
    except InputRejected:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputRejected(f"damaged PDF: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
    if pages == 0:
        raise InputRejected("PDF has no pages")
    return reader


def _check_pdf_page_size(reader: PdfReader, number: int, dpi: int) -> None:
    """Refuse a page whose rendering would be far larger than any scanned sheet."""
    try:
        box = reader.pages[number - 1].mediabox
        width, height = float(box.width) * dpi / 72, float(box.height) * dpi / 72
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputRejected(f"page {number} of the PDF is damaged: {exc}") from exc
    if abs(width * height) > MAX_PAGE_PIXELS:
        raise InputRejected(
            f"page {number} is too large to be a scanned sheet ({abs(width):.0f}x{abs(height):.0f} pixels at {dpi} dpi)"
        )


def _open_image(path: Path) -> Image.Image:
    """Open an image lazily, refusing decompression bombs before any pixel is decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputRejected(f"image too large to be a scanned page: {exc}") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputRejected(f"unreadable image: {exc}") from exc
    width, height = image.size
    if width * height > MAX_PAGE_PIXELS:
        image.close()
        raise InputRejected(f"image too large to be a scanned page: {width}x{height} pixels")
    if width < 16 or height < 16:
        image.close()
        raise InputRejected(f"image too small to be a scanned page: {width}x{height} pixels")
    return image


def _as_page_image(frame: Image.Image) -> Image.Image:
    """A decoded copy of a frame in a mode Tesseract reads well (bilevel stays bilevel)."""
    if frame.mode in ("1", "L"):
        return frame.copy()
    return frame.convert("L")


def _image_dpi(image: Image.Image) -> int:
    """The resolution the scanner wrote into the file, or 300 if it wrote none or nonsense."""
    dpi = image.info.get("dpi")
    try:
        value = int(round(float(dpi[0]))) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if 70 <= value <= 1200 else DEFAULT_DPI


def _scanned_image(reader: PdfReader, number: int) -> Page | None:
    """The page's scan itself, when the page is nothing but one grey or bilevel image (JPEG or
    fax-coded) drawn over the whole page at 200 to 400 dpi, as scanners write them; else None,
    and the page is rendered. Decoding the image costs a tenth of rendering the page again."""
    try:
        page = reader.pages[number - 1]
        if page.get("/Rotate", 0) or "/Annots" in page:
            return None
        operations = ContentStream(page.get_contents(), reader).operations
        if [op for _, op in operations] != [b"q", b"cm", b"Do", b"Q"]:
            return None
        (matrix, _), (name, _) = operations[1:3]
        xobject = page["/Resources"]["/XObject"][name[0]].get_object()
        filters = xobject.get("/Filter")
        filters = [filters] if not isinstance(filters, list) else filters
        if (len(filters) != 1 or filters[0] not in _NATIVE_FILTERS or xobject.get("/ColorSpace") != "/DeviceGray"
                or any(key in xobject for key in ("/Decode", "/SMask", "/Mask", "/ImageMask"))):
            return None
        a, b, c, d, e, f = (float(v) for v in matrix)
        box = page.mediabox
        if b or c or abs(e - float(box.left)) > 1 or abs(f - float(box.bottom)) > 1 \
                or abs(a - float(box.width)) > 1 or abs(d - float(box.height)) > 1:
            return None
        width, height = int(xobject["/Width"]), int(xobject["/Height"])
        dpi_x, dpi_y = width * 72 / a, height * 72 / d
        if abs(dpi_x - dpi_y) > 0.01 * dpi_x or not NATIVE_DPI_RANGE[0] <= round(dpi_x) <= NATIVE_DPI_RANGE[1]:
            return None
        image = next(iter(page.images)).image
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, StopIteration, OSError):
        return None  # anything unusual: let poppler render it
    if image is None or image.size != (width, height):
        return None
    page_image = _as_page_image(image)
    dpi = round(dpi_x)
    page_image.info["dpi"] = (dpi, dpi)
    return Page(number=number, image=page_image, dpi=dpi)


def iter_pages(path: Path, dpi: int = DEFAULT_DPI) -> Iterator[Page]:
    """Yield the pages of a file one by one, so a 300-page file never sits in memory whole."""
    kind = sniff(path)
    if kind == "pdf":
        reader = _open_pdf(path)
        for number in range(1, len(reader.pages) + 1):
            _check_pdf_page_size(reader, number, dpi)
            scanned = _scanned_image(reader, number)
            if scanned is not None:
                yield scanned
                continue
            try:
                rendered = convert_from_path(
                    path, dpi=dpi, first_page=number, last_page=number, grayscale=True, timeout=120
                )
            except (PDFPageCountError, PDFSyntaxError) as exc:
                raise InputRejected(f"page {number} cannot be rendered: {exc}") from exc
            if not rendered:
                raise InputRejected(f"page {number} cannot be rendered")
            image = rendered[0]
            image.info["dpi"] = (dpi, dpi)
            yield Page(number=number, image=image, dpi=dpi)
        return
    image = _open_image(path)
    try:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            width, height = frame.size  # known from the frame's header, before decoding
            if width * height > MAX_PAGE_PIXELS or width < 16 or height < 16:
                raise InputRejected(f"page {number} has an impossible size for a scanned sheet: {width}x{height} pixels")
            try:
                page_image = _as_page_image(frame)
            except (OSError, SyntaxError, ValueError) as exc:
                raise InputRejected(f"page {number} cannot be decoded: {exc}") from exc
            page_dpi = _image_dpi(image)
            page_image.info["dpi"] = (page_dpi, page_dpi)
            yield Page(number=number, image=page_image, dpi=page_dpi)
    finally:
        image.close()
