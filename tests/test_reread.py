"""The sparse second reading of a sheet for the core fields its first reading did not find."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from baulast.gazetteer import Gazetteer
from baulast.model import Status
from baulast.options import TaskOptions
from pipeline.extract import extract
from pipeline.intake import hash_file
from pipeline.ocr import TesseractEngine
from pipeline.reread import SECOND_READING, reread_missing
from pipeline.task import process_file
from tests.conftest import TABLE_HEAD_ROW, FakeEngine, make_page, words_of

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def sheet_with_a_tilted_stamp() -> Image.Image:
    """A 300 dpi sheet whose registration date stands only in a framed stamp set 6° askew: Tesseract's
    page layout analysis takes the stamp for a picture and drops its words."""
    font = ImageFont.truetype(FONT, 46)
    image = Image.new("L", (2480, 1600), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(["Baulastenblatt Nr. 4711", "Gemarkung Kleinenbroich, Flur 7, Flurstück 311/2",
                                  "Der jeweilige Eigentümer verpflichtet sich gegenüber der Stadt",
                                  "die Abstandflächen auf seinem Grundstück freizuhalten."]):
        draw.text((200, 200 + 90 * index), line, font=font, fill=0)
    stamp = Image.new("L", (700, 220), 255)
    stamp_draw = ImageDraw.Draw(stamp)
    stamp_draw.rectangle((5, 5, 694, 214), outline=0, width=6)
    stamp_draw.text((40, 30), "EINGETRAGEN", font=font, fill=0)
    stamp_draw.text((40, 110), "03.11.1994", font=font, fill=0)
    image.paste(stamp.rotate(6, expand=True, fillcolor=255), (1500, 700))
    return image


def test_real_tesseract_finds_a_stamps_date_only_in_the_sparse_reading(gazetteer: Gazetteer) -> None:
    image = sheet_with_a_tilted_stamp()
    engine = TesseractEngine()
    first = engine.recognize(image, number=1, dpi=300).page
    extraction = extract(first, gazetteer)
    assert extraction.date is None and "03.11.1994" not in first.text
    assert extraction.register_number.value == "4711"

    reread = reread_missing(extraction, first, image, engine, gazetteer, 300)
    assert reread.date.value.isoformat() == "1994-11-03"
    assert reread.date.confidence <= SECOND_READING < 0.85  # found by one reading only: a person looks
    assert reread.date.evidence.text.endswith("(sparse reading)")
    assert reread.register_number == extraction.register_number  # what the first reading found stays


SHEET = [
    words_of("Baulastenverzeichnis Stadt Dormagen Baulastenblatt Nr. 2263"),
    words_of("Gemarkung Zons Flur 3 Flurstück 12"),
    TABLE_HEAD_ROW,
    [("1", 220), *words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("Eingetragen am", 1800)],
]
DATED = [words_of("die Abstandfläche.", 600) + [("12.03.1987", 1800)]]


class SparseEngine(FakeEngine):
    """The fake engine whose sparse reading of page 1 states the date and another register number."""

    def __init__(self) -> None:
        super().__init__([make_page(SHEET + [words_of("die Abstandfläche.", 600)])])
        other = [words_of("Baulastenverzeichnis Stadt Dormagen Baulastenblatt Nr. 2268")] + SHEET[1:]
        self.sparse_pages = {1: make_page(other + DATED)}


def test_only_missing_fields_are_taken_from_the_sparse_reading(gazetteer: Gazetteer) -> None:
    engine = SparseEngine()
    first = engine.pages[0]
    extraction = extract(first, gazetteer)
    assert extraction.date is None and extraction.register_number.value == "2263"
    reread = reread_missing(extraction, first, Image.new("L", (8, 8)), engine, gazetteer, 300)
    assert reread.date.value.isoformat() == "1987-03-12" and reread.date.confidence <= SECOND_READING
    assert reread.register_number.value == "2263"  # not the sparse reading's 2268
    assert engine.sparse_calls == 1


def test_nothing_missing_costs_no_second_reading(gazetteer: Gazetteer) -> None:
    engine = SparseEngine()
    complete = make_page(SHEET + DATED)
    extraction = extract(complete, gazetteer)
    assert reread_missing(extraction, complete, Image.new("L", (8, 8)), engine, gazetteer, 300) is extraction
    assert engine.sparse_calls == 0


def test_the_task_reads_a_missing_date_again_and_sends_the_record_to_review(tmp_path: Path) -> None:
    path = tmp_path / "akte.png"
    Image.new("L", (2480, 3508), 255).save(path, dpi=(300, 300))
    engine = SparseEngine()
    result = process_file(hash_file(path), TaskOptions(), engine=engine)
    assert engine.sparse_calls == 1
    assert result.extraction.date.value.isoformat() == "1987-03-12"
    assert result.status is Status.NEEDS_REVIEW
    assert any(f.code == "low_confidence" and f.field == "date" for f in result.findings)
