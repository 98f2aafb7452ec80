"""The e-file's searchable PDF: Tesseract's one-page PDFs merged into one document."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter


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
