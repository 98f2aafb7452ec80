"""Scans for the ingest benchmark: a mixed corpus, many small index cards, one very long PDF.

The mixed corpus comes from the sample-scan generator's tuning split (never the held-out
one), so it has the same formats, qualities and layouts the pipeline is tuned on. The
index cards stand for a big batch of small files; the long PDF for a whole Akte scanned
into one file.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

from pipeline.pages import count_pages, iter_pages
from sample_scans.generate import generate

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
GEMARKUNGEN = ("Zons", "Nievenheim", "Büttgen", "Holzheim", "Lank", "Wevelinghoven", "Kleinenbroich", "Norf")


def mixed_corpus(folder: Path, pages: int, seed: int) -> list[Path]:
    """Generated Baulastenakten (tuning split) in every format, together at least `pages` pages."""
    count = max(1, pages // 2)
    while True:
        files = generate(folder, "tuning", count, seed)
        if sum(count_pages(path) for path in files) >= pages:
            return files
        count += max(1, count // 4)


def page_images(files: list[Path], folder: Path) -> list[Path]:
    """Every page of the files as a lossless PNG, rendered as the pipeline renders it."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file in files:
        for page in iter_pages(file):
            target = folder / f"{file.stem}-{page.number:03d}.png"
            page.image.save(target, dpi=(page.dpi, page.dpi))
            page.image.close()
            written.append(target)
    return written


def index_card(number: int, rng: random.Random) -> Image.Image:
    """A Baulastenkartei card (A6, 150 dpi) naming a sheet, its parcel and its date."""
    image = Image.new("L", (874, 620), 246)
    draw = ImageDraw.Draw(image)
    title, body = ImageFont.truetype(FONT, 30), ImageFont.truetype(MONO, 24)
    date = dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(22_000))
    lines = [
        f"Baulastenblatt Nr. {number}",
        f"Gemarkung {rng.choice(GEMARKUNGEN)}",
        f"Flur {rng.randint(1, 40)}  Flurstück {rng.randint(1, 2400)}/{rng.randint(1, 30)}",
        f"eingetragen am {date:%d.%m.%Y}",
    ]
    draw.text((60, 50), "Baulastenkartei", font=title, fill=20)
    draw.line((60, 100, 814, 100), fill=40, width=3)
    for index, line in enumerate(lines):
        draw.text((60, 150 + 70 * index), line, font=body, fill=25)
    return image


def index_cards(folder: Path, count: int, first_number: int, seed: int) -> list[Path]:
    """`count` card scans, each different, as PNG, JPEG and TIFF in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"cards:{seed}:{first_number}")
    written = []
    for offset in range(count):
        number = first_number + offset
        card = index_card(number, rng)
        kind = ("png", "jpg", "tif")[offset % 3]
        target = folder / f"karte_{number:06d}.{kind}"
        card.save(target, dpi=(150, 150), **({"quality": 85} if kind == "jpg" else {}))
        written.append(target)
    return written


def _cycle(images: list[Path]) -> Iterator[Path]:
    while True:
        yield from images


def long_pdf(target: Path, pages: int, sources: list[Path]) -> Path:
    """One PDF of `pages` scanned pages (grayscale JPEG or bilevel), made by cycling through page images."""
    writer = PdfWriter()
    for _, source in zip(range(pages), _cycle(sources)):
        with Image.open(source) as image:
            dpi = float(image.info.get("dpi", (300, 300))[0])
            buffer = io.BytesIO()
            image.save(buffer, format="PDF", resolution=dpi, **({} if image.mode == "1" else {"quality": 75}))
        writer.add_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    with open(target, "wb") as handle:
        writer.write(handle)
    return target
