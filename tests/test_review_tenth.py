"""Review of the sparse second reading (pipeline/reread.py, commits 0ef6e49 and 927a40b): layouts where a field only
the sparse reading found ends up surely wrong, or the record it is merged into is inconsistent. Fake engine, no
Tesseract.

Paths judged safe (no test): the promotion in `from_likeliest_sheet` (a sparse field is at most 0.6, below every
accept threshold, so validate() always has an error and the extraction is capped); parcels, date and municipality
(nothing after the reread raises them: cross_check touches the number only, verify only lowers); the "(sparse
reading)" suffix (no digits, and verify_digits cuts at " (also on page", which cross_check appends after it);
word boxes (scaled back by 1/SPARSE_SCALE into the page's pixels, the page's own width and height); an empty or
timed-out sparse reading (an empty page extracts nothing); a municipality missing beside parcels (only where the
parcels already carry an error finding).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from baulast.gazetteer import Gazetteer
from baulast.model import OcrPage, Status
from baulast.options import TaskOptions
from baulast.validation import ACCEPT_THRESHOLDS, validate
from pipeline.extract import extract
from pipeline.intake import hash_file
from pipeline.reread import reread_missing
from pipeline.task import process_file
from tests.conftest import TABLE_HEAD_ROW, FakeEngine, make_page, words_of

HEAD = words_of("Baulastenverzeichnis Stadt Dormagen")
PARCELS = words_of("Gemarkung Zons Flur 3 Flurstück 12")
ENTRY_1 = [
    [("1", 220), *words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("Eingetragen am", 1800)],
    [*words_of("die Abstandfläche.", 600), ("12.03.1987", 1800)],
]


class PreparedSparse(FakeEngine):
    """The fake engine with a prepared sparse reading of the sheet (page 1)."""

    def __init__(self, pages: list[OcrPage], sparse: OcrPage) -> None:
        super().__init__(pages)
        self.sparse_pages = {1: sparse}


def _process(tmp_path: Path, engine: FakeEngine):  # type: ignore[no-untyped-def]
    path = tmp_path / "akte.tif"
    images = [Image.new("L", (2480, 3508), 255) for _ in engine.pages]
    images[0].save(path, save_all=True, append_images=images[1:], dpi=(300, 300))
    return process_file(hash_file(path), TaskOptions(), engine=engine)


@pytest.mark.parametrize("note", ["Übertragen aus Baulastenblatt 812", "siehe Baulastenblatt 812"])
def test_a_reference_only_the_sparse_reading_found_is_not_confirmed_into_an_accepted_number(
        tmp_path: Path, note: str) -> None:
    """The sheet's own number stands in a box both readings drop; a tilted transfer stamp ("Übertragen aus
    Baulastenblatt 812": the Baulast was carried over from sheet 812), just what the sparse reading recovers,
    names the sheet it came from. register.py caps a referring label's number at 0.5 ("proposed, never trusted"),
    the reread at 0.6; but cross_check treats any sheet reading of 0.5 or more as one to confirm: the old sheet's
    deletion letter (page 2) names 812, and 0.5 becomes 0.9, although page 3 says the Baulast was entered in sheet
    2263. Accepted, 812, wrong. Before the change: no number on the sheet, the pages disagree, needs review."""
    first = make_page([HEAD, PARCELS, TABLE_HEAD_ROW, *ENTRY_1])
    sparse = make_page([HEAD, words_of(note, 1300), PARCELS, TABLE_HEAD_ROW, *ENTRY_1])
    old = make_page([words_of("Sehr geehrte Damen und Herren,"),
                     words_of("die Baulast aus dem Baulastenblatt Nr. 812 wird gelöscht.")], number=2)
    new = make_page([words_of("Sehr geehrte Damen und Herren,"),
                     words_of("die Baulast wurde in das Baulastenblatt Nr. 2263 eingetragen.")], number=3)
    result = _process(tmp_path, PreparedSparse([first, old, new], sparse))
    number = result.extraction.register_number
    # 812 may be proposed (the sparse reading found it), never sure.
    assert number is None or number.value != "812" or number.confidence < ACCEPT_THRESHOLDS["register_number"]
    assert result.status is not Status.ACCEPTED


def test_a_date_from_the_sparse_reading_is_checked_against_the_entries(gazetteer: Gazetteer) -> None:
    """Only the missing date is taken from the sparse reading; the entries stay the first reading's, in which
    entry 1 has no date. The record then says date 1987-03-12 while its entry 1 is registered on no date, and
    validation's check that entry 1 was registered no later than entry 2 (entries_out_of_order: "a date is
    misread") compares nothing: the sparse reading's own extraction raises it (entry 2 registered in 1980), the
    merged record does not. The reviewer loses the one finding that says this date is misread."""
    def sheet(first_date: str | None) -> OcrPage:
        return make_page([
            words_of("Baulastenverzeichnis Stadt Dormagen Baulastenblatt Nr. 2263"), PARCELS, TABLE_HEAD_ROW,
            [("1", 220), *words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("Eingetragen am", 1800)],
            [*words_of("die Abstandfläche.", 600), *([(first_date, 1800)] if first_date else [])],
            [("2", 220), *words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("Eingetragen am", 1800)],
            [*words_of("eine Stellplatzbaulast.", 600), ("01.02.1980", 1800)],
        ])

    first, sparse = sheet(None), sheet("12.03.1987")
    extraction = extract(first, gazetteer)
    assert extraction.date is None
    assert "entries_out_of_order" in {f.code for f in validate(extract(sparse, gazetteer), gazetteer)}

    reread = reread_missing(extraction, first, Image.new("L", (8, 8)), PreparedSparse([first], sparse), gazetteer,
                            300)
    assert reread.date is not None and reread.date.value.isoformat() == "1987-03-12"
    assert "entries_out_of_order" in {f.code for f in validate(reread, gazetteer)}
    entry_1 = next(e for e in reread.entries if e.lfd_nr == 1)
    assert entry_1.registered_on == reread.date.value  # the record's date is its entry 1's registration
