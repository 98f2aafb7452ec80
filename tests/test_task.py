"""One file through the task with a fake OCR engine: which page is the sheet, and which page's
image the second reading is taken from (no Tesseract)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PIL import Image

from baulast.options import TaskOptions
from pipeline.classify import SHEET_THRESHOLD, sheet_score
from pipeline.intake import hash_file
from pipeline.task import process_file
from tests.conftest import TABLE_HEAD_ROW, FakeEngine, make_page, words_of

FIRST = make_page([
    words_of("Baulastenverzeichnis Stadt Dormagen Baulastenblatt Nr. 2263"),
    words_of("Gemarkung Zons Flur 3 Flurstück 12"),
    TABLE_HEAD_ROW,
    [("1", 220), *words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("Eingetragen am", 1800)],
    [*words_of("die Abstandfläche.", 600), ("12.03.1987", 1800)],
], number=1)
# The continuation: the same header, a fuller table, so it outscores the first page.
CONTINUED = make_page([
    words_of("Baulastenverzeichnis Stadt Dormagen Baulastenblatt Nr. 2263 Fortsetzung"),
    words_of("Gemarkung Zons Flur 3 Flurstück 12"),
    TABLE_HEAD_ROW,
    [("2", 220), *words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("Eingetragen am", 1800)],
    [*words_of("eine Stellplatzbaulast.", 600), ("01.02.1990", 1800)],
    words_of("Gelöscht am 02.02.2000 Vermerk"),
], number=2)


class RecordingEngine(FakeEngine):
    """The fake engine, disputing the register number in every second reading."""

    second_reading = "Baulastenblatt Nr. 2268"


def test_a_continued_sheet_is_read_from_its_first_page_and_checked_there(tmp_path: Path) -> None:
    assert SHEET_THRESHOLD <= sheet_score(FIRST) < sheet_score(CONTINUED)
    path = tmp_path / "akte.tif"
    pages = [Image.new("L", (2480, 3508), 255) for _ in range(2)]
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300))
    result = process_file(hash_file(path), TaskOptions(), engine=RecordingEngine([FIRST, CONTINUED]))
    assert result.extraction.sheet_page == 1
    assert result.extraction.date.value.isoformat() == "1987-03-12"
    # The second reading of page 1's crop disputes a digit: the number is not trusted.
    assert result.extraction.register_number.value == "2263"
    assert result.extraction.register_number.confidence <= 0.5


def test_a_page_scoring_as_high_before_the_sheet_is_not_its_first_page() -> None:
    """A declaration headed otherwise than "Verpflichtungserklärung" may score as a sheet; it names
    no register number of the sheet, so the sheet after it stays the sheet."""
    from pipeline.classify import likeliest_sheet

    declaration = make_page([
        words_of("Erklärung zur Eintragung in das Baulastenverzeichnis"),
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Zons Flur 3 Flurstück 12"),
        words_of("Eingetragen werden soll: Lfd. Nr. Inhalt der Eintragung Bemerkungen"),
    ], number=1)
    sheet = dataclasses.replace(FIRST, number=2)
    assert sheet_score(declaration) >= SHEET_THRESHOLD
    assert likeliest_sheet([declaration, sheet, dataclasses.replace(CONTINUED, number=3)]) == (sheet, True)
