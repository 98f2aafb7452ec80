"""The ingest benchmark's own parts: its scans and its memory sampler (no OCR here)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from bench.ingest_bench import PeakMemory
from bench.scans import index_cards, long_pdf


def test_index_cards_are_distinct_scans_in_three_formats(tmp_path: Path) -> None:
    cards = index_cards(tmp_path, 6, 41, seed=1)
    assert [card.suffix for card in cards] == [".png", ".jpg", ".tif"] * 2
    assert len({hashlib.sha256(card.read_bytes()).hexdigest() for card in cards}) == 6
    with Image.open(cards[0]) as image:
        assert image.size == (874, 620) and round(image.info["dpi"][0]) == 150


def test_long_pdf_cycles_through_its_page_images(tmp_path: Path) -> None:
    sources = []
    for index, mode in enumerate(("L", "1")):
        path = tmp_path / f"page-{index}.png"
        Image.new(mode, (850, 1100), 255 if mode == "L" else 1).save(path, dpi=(100, 100))
        sources.append(path)
    pdf = long_pdf(tmp_path / "long.pdf", 5, sources)
    pages = PdfReader(pdf).pages
    assert len(pages) == 5
    assert round(float(pages[0].mediabox.width)) == 612  # 850 px at 100 dpi = 8.5 in


def test_peak_memory_sees_a_child_process() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; block = b\"\\x01\" * (200 * 2**20); time.sleep(1.5)"])
    with PeakMemory(child.pid) as memory:
        child.wait()
    assert memory.process >= 200 * 2**20 and memory.tree >= memory.process
