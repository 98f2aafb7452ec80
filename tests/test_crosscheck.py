"""The register number and the parcels cross-checked against the Akte's other pages (no Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from baulast.gazetteer import Gazetteer
from baulast.model import Evidence, Extraction, Field, Parcel
from baulast.options import TaskOptions
from pipeline.crosscheck import (
    CONFIRMED,
    DISPUTED,
    PROPOSED,
    confirm_place,
    cross_check,
    cross_check_parcels,
    other_page_numbers,
    other_page_parcels,
)
from pipeline.intake import hash_file
from pipeline.task import process_file
from tests.conftest import FakeEngine, make_page, words_of


def number(value: str, confidence: float, page: int = 1) -> Field:
    return Field("register_number", value, confidence, Evidence(page, (0, 0, 10, 10), f"Nr. {value}"))


@pytest.mark.parametrize("sheet, others, value, confidence", [
    (number("2563", 0.6), [number("2563", 0.8, 2)], "2563", CONFIRMED),  # two readings agree
    (number("2563", 0.97), [number("2563", 0.8, 2)], "2563", 0.97),  # never lowered by agreement
    (number("2263", 0.83), [number("2563", 0.9, 2)], "2263", DISPUTED),  # one glyph apart: a person decides
    (number("2263", 0.83), [number("2563", 0.6, 2)], "2263", 0.83),  # an unsure other reading proves nothing
    (number("2263", 0.83), [number("345", 0.9, 2)], "2263", 0.83),  # another sheet named (a cross-reference)
    (None, [number("97", 0.9, 3)], "97", PROPOSED),  # only another page names it
    (None, [number("97", 0.9, 2), number("98", 0.9, 3)], None, None),  # pages disagree: nothing proposed
    (number("12", 0.8), [], "12", 0.8),
    (number("168", 0.14), [number("3866", 0.9, 2)], "3866", PROPOSED),  # a guess yields to another page's number
    (number("168", 0.14), [number("3866", 0.9, 2), number("3867", 0.9, 3)], "168", 0.14),  # unless they disagree
    (number("168", 0.14), [number("168", 0.9, 2)], "168", CONFIRMED),  # a guess the other page confirms
    # Pages that also name another number (an old sheet's deletion letter, the new sheet's notice) confirm nothing.
    (number("812", 0.5), [number("812", 0.9, 2), number("2263", 0.9, 3)], "812", 0.5),
])
def test_cross_check(sheet, others, value, confidence) -> None:  # type: ignore[no-untyped-def]
    checked = cross_check(sheet, others)
    if value is None:
        assert checked is None
    else:
        assert (checked.value, checked.confidence) == (value, confidence)


def test_a_cover_letter_names_the_sheet_it_belongs_to() -> None:
    letter = make_page([words_of("Sehr geehrte Damen und Herren,"),
                        words_of("die Baulast wurde in das Baulastenblatt Nr. 2563 eingetragen.")], number=1)
    sheet = make_page([words_of("Baulastenblatt Nr. 2263")], number=2)
    others = other_page_numbers([letter, sheet], sheet_page=2)
    assert [(o.value, o.evidence.page) for o in others] == [("2563", 1)]


ZONS = Parcel("Zons", 11, "333/35")
ZONS_2 = Parcel("Zons", 11, "334")


def parcels(confidence: float, *value: Parcel, page: int = 1) -> Field:
    return Field("parcels", value, confidence, Evidence(page, (0, 0, 10, 10), "Gemarkung Zons Flur 11"))


@pytest.mark.parametrize("sheet, others, confidence", [
    (parcels(0.7, ZONS), [parcels(PROPOSED, ZONS, page=2)], CONFIRMED),  # the letter names the same set
    (parcels(0.7, ZONS, ZONS_2), [parcels(PROPOSED, ZONS_2, ZONS, page=2)], CONFIRMED),  # in any order
    (parcels(0.95, ZONS), [parcels(PROPOSED, ZONS, page=2)], 0.95),  # never lowered by agreement
    (parcels(0.7, ZONS), [parcels(PROPOSED, ZONS, ZONS_2, page=2)], 0.7),  # the letter names one more
    (parcels(0.7, ZONS, ZONS_2), [parcels(PROPOSED, ZONS, page=2)], 0.7),  # or one fewer
    (parcels(0.7, ZONS), [parcels(PROPOSED, ZONS, page=2), parcels(PROPOSED, ZONS_2, page=3)], 0.7),  # pages differ
    # A set the reader itself doubts (the header may list more than was read) is not confirmed by a page naming it.
    (parcels(0.5, ZONS), [parcels(PROPOSED, ZONS, page=2)], 0.5),
    (parcels(0.7, ZONS), [], 0.7),
])
def test_cross_check_parcels(sheet, others, confidence) -> None:  # type: ignore[no-untyped-def]
    checked = cross_check_parcels(sheet, others)
    assert (checked.value, checked.confidence) == (sheet.value, confidence)


def test_no_parcels_read_are_not_made_up_from_other_pages() -> None:
    assert cross_check_parcels(None, [parcels(PROPOSED, ZONS, page=2)]) is None


LETTER = [words_of("Sehr geehrte Damen und Herren,"),
          words_of("die Baulast zu Lasten des Grundstücks Gemarkung Zons, Flur 11, Flurstück 333/35"),
          words_of("wurde in das Baulastenverzeichnis eingetragen.")]


def test_only_letters_name_parcels_to_confirm_the_sheets_with(gazetteer: Gazetteer) -> None:
    letter = make_page(LETTER, number=2)
    plan = make_page([words_of("Lageplan M 1:500"), words_of("Gemarkung Zons Flur 11 Flurstück 333/35")], number=3)
    unknown = make_page([words_of("Sehr geehrte Frau Muster,"), words_of("Gemarkung Atlantis, Flur 2, Flurstück 17")],
                        number=4)
    declaration = make_page([words_of("Verpflichtungserklärung"),
                             words_of("Gemarkung Zons, Flur 11, Flurstück 333/35"),
                             words_of("Mit freundlichen Grüßen")], number=5)
    benefiting = make_page([words_of("Sehr geehrter Herr Muster,"),
                            words_of("zugunsten Ihres Grundstücks Gemarkung Zons, Flur 11, Flurstück 334")], number=6)
    sheet = make_page([words_of("Gemarkung Zons, Flur 11, Flurstück 9")], number=1)
    others = other_page_parcels([sheet, letter, plan, unknown, declaration, benefiting], sheet_page=1,
                                gazetteer=gazetteer)
    assert [(o.value, o.evidence.page) for o in others] == [((ZONS,), 2)]
    assert "333/35" in others[0].evidence.text


def test_a_sheets_list_of_parcels_broken_off_is_confirmed_by_no_letter(gazetteer: Gazetteer) -> None:
    sheet = make_page([words_of("Gemarkung Zons, Flur 11, Flurstücke 333/35 und"), words_of("Lfd. Nr. Inhalt")])
    assert other_page_parcels([sheet, make_page(LETTER, number=2)], sheet_page=1, gazetteer=gazetteer) == []
    wrapped = make_page([words_of("Gemarkung Zons, Flur 11, Flurstücke 333/35 und"), words_of("334")])
    assert len(other_page_parcels([wrapped, make_page(LETTER, number=2)], sheet_page=1, gazetteer=gazetteer)) == 1


def test_the_municipality_read_from_confirmed_parcels_is_confirmed_with_them(gazetteer: Gazetteer) -> None:
    letter = [parcels(PROPOSED, ZONS, page=2)]
    dormagen = Field("municipality", "Dormagen", 0.7, None)
    confirmed = confirm_place(Extraction(parcels=parcels(0.7, ZONS), municipality=dormagen), letter, gazetteer)
    assert (confirmed.parcels.confidence, confirmed.municipality.confidence) == (CONFIRMED, CONFIRMED)
    # A header naming another municipality than the parcels' Gemarkung stays as unsure as it was.
    neuss = Field("municipality", "Neuss", 0.7, None)
    kept = confirm_place(Extraction(parcels=parcels(0.7, ZONS), municipality=neuss), letter, gazetteer)
    assert (kept.parcels.confidence, kept.municipality) == (CONFIRMED, neuss)


def test_the_task_confirms_the_sheets_parcels_by_the_registration_notice(tmp_path: Path) -> None:
    sheet = make_page([words_of("Baulastenverzeichnis Stadt Dormagen"), words_of("Baulastenblatt Nr. 2263"),
                       words_of("Gemarkung Zons, Flur 11, Flurstück 333/35"),
                       words_of("Der jeweilige Eigentümer verpflichtet sich, die Abstandfläche freizuhalten."),
                       words_of("Eingetragen am 12.03.1987")])
    path = tmp_path / "akte.tif"
    pages = [Image.new("L", (2480, 3508), 255) for _ in range(2)]
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300))
    result = process_file(hash_file(path), TaskOptions(), engine=FakeEngine([sheet, make_page(LETTER, number=2)]))
    found = result.extraction.parcels
    assert (found.value, found.confidence) == ((ZONS,), CONFIRMED)
    assert "also on page 2" in found.evidence.text
