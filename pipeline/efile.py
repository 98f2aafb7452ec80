"""The e-file's searchable PDF: each page image with Tesseract's invisible text laid over it."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader, PdfWriter


def page_pdf(image: Image.Image, dpi: int, text_layer: bytes) -> bytes:
    """A one-page searchable PDF: the page image, with the text-only OCR page merged on top."""
    buffer = io.BytesIO()
    # Bilevel pages stay bilevel (small); grayscale pages are JPEG-compressed by Pillow.
    compression = {} if image.mode == "1" else {"quality": 75}
    image.save(buffer, format="PDF", resolution=float(dpi), **compression)
    writer = PdfWriter(clone_from=io.BytesIO(buffer.getvalue()))
    writer.pages[0].merge_page(PdfReader(io.BytesIO(text_layer)).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def merge_pages(page_pdfs: list[bytes], title: str | None = None) -> bytes:
    """One PDF from the page PDFs, in order, with a title in its metadata."""
    writer = PdfWriter()
    for pdf in page_pdfs:
        for page in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page)
    if title:
        writer.add_metadata({"/Title": title, "/Producer": "baulast (Tesseract, pypdf)"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
