"""The e-file's searchable PDF: each page image with Tesseract's invisible text laid over it."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject


def page_pdf(image: Image.Image, dpi: int, text_layer: bytes) -> bytes:
    """A one-page searchable PDF: the page image, with the text-only OCR page laid on top.

    Both pages have the same size (the image at `dpi`), so the text layer's content stream is
    appended to the image page as it is, with its font: no content stream is parsed or
    rewritten (pypdf's merge_page would, at a cost of a tenth of a page's pipeline time).
    """
    buffer = io.BytesIO()
    # Bilevel pages stay bilevel (CCITT G4, small); grayscale pages are JPEG-compressed by Pillow.
    compression = {} if image.mode == "1" else {"quality": 75}
    image.save(buffer, format="PDF", resolution=float(dpi), **compression)
    writer = PdfWriter(clone_from=io.BytesIO(buffer.getvalue()))
    page = writer.pages[0]
    text_page = PdfReader(io.BytesIO(text_layer)).pages[0]
    fonts = text_page.get("/Resources", {}).get("/Font")
    if fonts is not None and "/Contents" in text_page:  # a text layer without text adds nothing
        resources = page["/Resources"].get_object()
        resources[NameObject("/Font")] = fonts.clone(writer)
        procedures = ("/PDF", "/Text", "/ImageB", "/ImageC", "/ImageI")
        resources[NameObject("/ProcSet")] = ArrayObject(NameObject(name) for name in procedures)
        text_content = text_page.raw_get("/Contents").clone(writer)
        page[NameObject("/Contents")] = ArrayObject([page.raw_get("/Contents"), text_content])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class PdfSpool:
    """The e-file's pages, each written to a temporary folder as it is made, merged into one file
    at the end: a long file's pages are never all in memory at once, nor copied from hand to hand.

    Whoever ends up with the merged file removes it with `discard_pdf` once it is stored.
    """

    def __init__(self, root: str | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="baulast-pdf-", dir=root))
        self.pages: list[Path] = []

    def add(self, page_pdf_bytes: bytes) -> None:
        """Write the next page's one-page PDF."""
        path = self.folder / f"page-{len(self.pages) + 1:05d}.pdf"
        path.write_bytes(page_pdf_bytes)
        self.pages.append(path)

    def merge(self, title: str | None = None) -> Path:
        """One PDF of the pages, in order, with a title in its metadata; the page files are removed."""
        writer = PdfWriter()
        for page in self.pages:
            writer.add_page(PdfReader(page).pages[0])
        if title:
            writer.add_metadata({"/Title": title, "/Producer": "baulast (Tesseract, pypdf)"})
        merged = self.folder / "efile.pdf"
        with open(merged, "wb") as out:
            writer.write(out)
        for page in self.pages:
            page.unlink()
        return merged

    def discard(self) -> None:
        """Remove the folder and whatever is in it."""
        shutil.rmtree(self.folder, ignore_errors=True)


def discard_pdf(path: str | Path) -> None:
    """Remove a merged e-file PDF and its spool folder, once it is stored (or not wanted)."""
    folder = Path(path).parent
    if folder.name.startswith("baulast-pdf-"):
        shutil.rmtree(folder, ignore_errors=True)
    else:
        Path(path).unlink(missing_ok=True)


SCRATCH_PREFIX = "baulast-batch-"


def batch_scratch(root: str | None = None) -> tempfile.TemporaryDirectory:
    """A scratch folder for one batch's PDFs in the making, named after this process; the
    folders that batches killed mid-way left behind are swept away first."""
    sweep_scratch(root)
    return tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=root)


def sweep_scratch(root: str | None = None) -> int:
    """Remove the scratch folders whose process is gone; how many were removed."""
    removed = 0
    for folder in Path(root or tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        pid = folder.name.removeprefix(SCRATCH_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += not folder.exists()
    return removed


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (anyone's: then its folder stays)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
