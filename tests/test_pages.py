"""Page loading: every format streams its pages; bad input gets a one-line reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from baulast.errors import InputRejected
from pipeline.pages import count_pages, iter_pages, sniff


def a4(text_colour: int = 0) -> Image.Image:
    """A small grey page."""
    image = Image.new("L", (420, 594), 255)
    image.putpixel((10, 10), text_colour)
    return image


def test_multipage_tiff_streams_every_page(tmp_path: Path) -> None:
    path = tmp_path / "akte.tif"
    a4().save(path, save_all=True, append_images=[a4(), a4().convert("1")], dpi=(200, 200))
    pages = list(iter_pages(path))
    assert [p.number for p in pages] == [1, 2, 3]
    assert {p.dpi for p in pages} == {200}
    assert count_pages(path) == 3


def test_image_only_pdf_renders_each_page(tmp_path: Path) -> None:
    path = tmp_path / "akte.pdf"
    a4().convert("RGB").save(path, save_all=True, append_images=[a4().convert("RGB")], resolution=100)
    pages = list(iter_pages(path, dpi=100))
    assert len(pages) == 2 and pages[0].image.mode == "L"


def test_rgb_jpeg_becomes_grayscale(tmp_path: Path) -> None:
    path = tmp_path / "akte.jpg"
    Image.new("RGB", (300, 400), (200, 180, 160)).save(path, dpi=(300, 300))
    (page,) = iter_pages(path)
    assert page.image.mode == "L" and page.dpi == 300


@pytest.mark.parametrize("content, name, reason", [
    pytest.param(b"", "empty.pdf", "empty file", id="zero-bytes"),
    pytest.param(b"Hello, this is a letter.\n", "letter.pdf", "plain text", id="text-named-pdf"),
    pytest.param(b"<!DOCTYPE html><html><body>x</body></html>", "page.tif", "HTML", id="html-named-tif"),
    pytest.param(b"\x00\x01\x02\x03binary", "blob.png", "unknown file format", id="unknown-binary"),
])
def test_not_a_scan_is_rejected_with_a_reason(tmp_path: Path, content: bytes, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputRejected, match=reason):
        list(iter_pages(path))
    assert sniff.__doc__


def test_truncated_pdf_is_rejected(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    a4().convert("RGB").save(good, resolution=100)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(good.read_bytes()[:200])
    with pytest.raises(InputRejected):
        list(iter_pages(broken))


def test_decompression_bomb_is_rejected_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    Image.new("1", (20_000, 20_000)).save(path)  # 400 MP, a few kB on disk
    assert path.stat().st_size < 1_000_000
    with pytest.raises(InputRejected, match="too large"):
        list(iter_pages(path))


def test_one_pixel_image_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "dot.png"
    Image.new("L", (1, 1)).save(path)
    with pytest.raises(InputRejected, match="too small"):
        list(iter_pages(path))


def test_blank_and_single_colour_pages_prepare_without_error() -> None:
    from pipeline.preprocess import prepare

    for colour, mode in ((255, "L"), (0, "L"), (1, "1"), (128, "L")):
        prepared = prepare(Image.new(mode, (400, 560), colour))
        assert prepared.for_ocr.size == (400, 560) and prepared.skew == 0.0


def test_oversized_later_tiff_frame_is_rejected_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "sneaky.tif"
    Image.new("1", (100, 100), 1).save(path, save_all=True, compression="group4",
                                        append_images=[Image.new("1", (13_000, 13_000), 1)])
    assert path.stat().st_size < 100_000
    with pytest.raises(InputRejected, match="page 2 has an impossible size"):
        list(iter_pages(path))


def test_huge_pdf_page_is_rejected_before_rendering(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=14_400, height=14_400)  # 200 x 200 inches
    path = tmp_path / "poster.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    with pytest.raises(InputRejected, match="too large"):
        list(iter_pages(path))


def test_scratch_folders_of_dead_batches_are_swept(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from pipeline.efile import batch_scratch, sweep_scratch

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = tmp_path / f"baulast-batch-{gone.pid}-abc"
    (dead / "baulast-pdf-x").mkdir(parents=True)
    (dead / "baulast-pdf-x" / "page-00001.pdf").write_bytes(b"%PDF-1.4")
    living = tmp_path / f"baulast-batch-{os.getpid()}-def"
    living.mkdir()
    other = tmp_path / "baulast-batch-notapid"
    other.mkdir()
    assert sweep_scratch(str(tmp_path)) == 1
    assert not dead.exists() and living.exists() and other.exists()
    with batch_scratch(str(tmp_path)) as scratch:
        assert Path(scratch).name.startswith(f"baulast-batch-{os.getpid()}-")
    assert not Path(scratch).exists()


SAMPLE_PDFS = sorted((Path(__file__).resolve().parent.parent / "sample_scans").glob("*.pdf"))


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_scanned_pdf_pages_are_read_as_their_image(path: Path) -> None:
    """A page that is one scanned image is read at the scan's own resolution, and its pixels are
    what poppler renders at that resolution (up to JPEG decoder rounding)."""
    import numpy as np
    from pdf2image import convert_from_path

    for page in iter_pages(path):
        assert page.dpi in (200, 300)
        assert page.image.info["dpi"] == (page.dpi, page.dpi)
        rendered = convert_from_path(path, dpi=page.dpi, first_page=page.number, last_page=page.number,
                                     grayscale=True)[0]
        assert rendered.size == page.image.size
        difference = np.abs(np.asarray(page.image.convert("L"), dtype=np.int16)
                            - np.asarray(rendered, dtype=np.int16)).mean()
        assert difference < 5, f"page {page.number} differs from the rendering by {difference:.1f} grey levels"


def test_pdf_pages_that_are_more_than_one_scan_are_rendered(tmp_path: Path) -> None:
    """A turned page, or a resolution outside 200-400 dpi, is rendered by poppler at the pipeline's dpi."""
    from pypdf import PdfWriter

    scan = tmp_path / "scan.pdf"
    Image.new("L", (1654, 2339), 255).save(scan, resolution=200)  # A4 at 200 dpi: read as it is
    (page,) = iter_pages(scan)
    assert (page.dpi, page.image.size) == (200, (1654, 2339))

    writer = PdfWriter(clone_from=scan)
    writer.pages[0].rotate(90)
    turned = tmp_path / "turned.pdf"
    writer.write(turned)
    (page,) = iter_pages(turned)
    assert page.dpi == 300 and page.image.size[0] > page.image.size[1]  # rendered, landscape

    fax = tmp_path / "fax.pdf"
    Image.new("L", (827, 1170), 255).save(fax, resolution=100)  # 100 dpi: rendered at 300
    (page,) = iter_pages(fax)
    assert page.dpi == 300 and abs(page.image.size[0] - 2481) <= 2
