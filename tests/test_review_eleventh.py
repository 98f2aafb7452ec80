"""Akten in which the Akte's other pages name exactly the sheet's parcel set although that set is not the sheet's
burdened parcels: a set read at 0.6 to 0.75 (below the parcels' accept threshold) must stay there. Written by a
review of a cross-check of the parcels against the Akte's other pages (eleventh session, commit 68ec654), which
raised such sets to 0.9; the cross-check was withdrawn after this review and a second one
(tests/test_review_eleventh_b.py): these Akten guard any later attempt. Fake engine, no Tesseract.

Each case is one where the other page's reading is not independent of the sheet's: the same page (a copy, a
continuation repeating the header) carries the same misread; the reader and the other page both go through
parse_parcels and share its blind spots; the declaration names the benefiting parcel beside the burdened one, just
as the reader's doubted set does; a page naming one of two burdened parcels agrees with a header that lost the
other.

Paths judged safe (no test): a letter about another sheet or parcel (its set differs, nothing is confirmed); a
Lageplan whose scale is read (skipped) or that labels the neighbours with "Flurstück" (its set is larger); a
Grundbuch extract's Bestandsverzeichnis (its columns "Gemarkung | Flur | Flurstück" over bare values parse to no
parcel); a declaration naming burdened and benefiting parcel beside a sheet read right (sets differ, nothing
confirmed); the municipality (extract_municipality already takes it from the parcels' Gemarkung where they lie in
one municipality, so it is raised only with a Gemarkung the confirmed parcels carry: it is wrong only where they
are; the gazetteer's closest Gemarkungen, Evinghoven / Wevelinghoven 0.87 and Osterath / Otzenrath 0.82, need two
alike misreads to swap); a page that only the likeliest sheet is (capped at 0.7 and raised, but the record keeps its
uncertain_sheet error, and a wrong set there needs one of the cases below anyway); the disputed readings at exactly
0.6 (a lost slash, header and prose read differently): a letter agreeing with the kept reading is a third, independent
reading.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image

from baulast.model import OcrPage, Parcel
from baulast.options import TaskOptions
from baulast.validation import ACCEPT_THRESHOLDS
from pipeline.intake import hash_file
from pipeline.task import process_file
from tests.conftest import TABLE_HEAD_ROW, FakeEngine, make_page, words_of

SURE = ACCEPT_THRESHOLDS["parcels"]
HEAD = [words_of("Baulastenverzeichnis Stadt Dormagen"), words_of("Baulastenblatt Nr. 2263")]
ENTRY_1 = [
    [("1", 220), *words_of("Der jeweilige Eigentümer verpflichtet sich,", 600), *words_of("Eingetragen am", 1800)],
    [*words_of("die Abstandfläche freizuhalten.", 600), ("12.03.1987", 1800)],
]
BURDENED = Parcel("Zons", 11, "333/35")
BENEFITING = Parcel("Zons", 11, "334")


def _process(tmp_path: Path, pages: list[OcrPage]):  # type: ignore[no-untyped-def]
    path = tmp_path / "akte.tif"
    images = [Image.new("L", (2480, 3508), 255) for _ in pages]
    images[0].save(path, save_all=True, append_images=images[1:], dpi=(300, 300))
    return process_file(hash_file(path), TaskOptions(), engine=FakeEngine(pages))


def _unsure(page: OcrPage, text: str, conf: float) -> OcrPage:
    """The page with Tesseract less sure of one word (a glyph it hesitated over)."""
    words = tuple(dataclasses.replace(w, conf=conf) if w.text == text else w for w in page.words)
    return dataclasses.replace(page, words=words)


def _sheet(parcel_line: str, number: int = 1, conf: float = 95.0, extra: tuple = ()) -> OcrPage:  # type: ignore[type-arg]
    return make_page([*HEAD, words_of(parcel_line), *extra, TABLE_HEAD_ROW, *ENTRY_1], number=number, conf=conf)


def _notice(parcels: str, number: int = 2) -> OcrPage:
    return make_page([words_of("Sehr geehrte Damen und Herren,"),
                      words_of(f"die Baulast zu Lasten Ihres Grundstücks {parcels}"),
                      words_of("wurde in das Baulastenverzeichnis (Blatt Nr. 2263) eingetragen."),
                      words_of("Mit freundlichen Grüßen")], number=number)


DECLARATION = make_page([
    words_of("Verpflichtungserklärung"),
    words_of("Ich, der Eigentümer des Grundstücks Gemarkung Zons, Flur 11, Flurstück 333/35,"),
    words_of("übernehme zugunsten des Grundstücks Gemarkung Zons, Flur 11, Flurstück 334"),
    words_of("die Verpflichtung, die Abstandfläche von jeder Bebauung freizuhalten."),
    words_of("Dormagen, den 02.02.1987"),
    words_of("Unterschrift"),
], number=2)


# The sheet's header typed "Flurstück 333/35"; its 5 reads as a 6, Tesseract unsure of the word (80).
MISREAD = "Gemarkung Zons, Flur 11, Flurstück 333/36"


def _copy_of_the_sheet() -> OcrPage:
    # The copy of the sheet sent with the notice of registration ("Abschrift"), scanned into the Akte behind it:
    # the same typed line, photocopied, misread alike.
    return _unsure(make_page([words_of("Abschrift"), *HEAD, words_of(MISREAD), TABLE_HEAD_ROW, *ENTRY_1],
                             number=2), "333/36", 80.0)


def _continuation_page() -> OcrPage:
    # The sheet's second page, whose header repeats the sheet's parcels (a register program's print repeats its
    # head on every page; a typed register its Gemarkung line), from the same typewriter: the same worn 5.
    return _unsure(make_page([words_of("Baulastenblatt Nr. 2263 - Seite 2"), words_of(MISREAD), TABLE_HEAD_ROW,
                              [("2", 220), *words_of("Die Baulast lfd. Nr. 1 wird gelöscht.", 600),
                               *words_of("Gelöscht am", 1800)],
                              [("04.05.1995", 1800)]], number=2), "333/36", 80.0)


@pytest.mark.parametrize("other", [_copy_of_the_sheet, _continuation_page], ids=["copy", "continuation"])
def test_the_sheets_misread_is_not_confirmed_by_a_copy_of_the_sheet(tmp_path: Path, other) -> None:  # type: ignore[no-untyped-def]
    """The sheet reads "333/36" for 333/35 (word confidence 80; the entry prose restates no parcel, so 0.64, not
    sure). The only other page naming parcels is the same text again: a copy of the sheet (Akten keep the copy
    sent to the owner with the notice) or the sheet's continuation page repeating its header. OCR of the same
    glyphs misreads them alike (the register-number check knows this: "a continuation page in the same typeface
    misreads a glyph alike"), so the copy is no second reading; yet it is taken for one, 0.64 becomes 0.9, and the
    record is accepted with the wrong Flurstück."""
    sheet = _unsure(_sheet(MISREAD), "333/36", 80.0)
    result = _process(tmp_path, [sheet, other()])
    found = result.extraction.parcels
    assert found.value == (Parcel("Zons", 11, "333/36"),)  # the misread, as the reader read it
    assert found.confidence < SURE


# A Lageplan whose scale went unread as such ("1:500" without its "M", or "M l:500"): is_plan misses it, and its
# title block names the building's Flurstück only.
PLAN_SCALE_UNREAD = make_page([words_of("Lageplan 1:500"),
                               words_of("zum Bauantrag Gemarkung Zons Flur 11 Flurstück 333/35"),
                               words_of("Hauptstraße 5")], number=2)


@pytest.mark.parametrize("other", [_notice("Gemarkung Zons, Flur 11, Flurstück 333/35"), PLAN_SCALE_UNREAD],
                         ids=["notice-to-one-owner", "lageplan-scale-unread"])
def test_a_parcel_lost_from_the_sheets_list_is_not_confirmed_by_a_page_naming_the_other(
        tmp_path: Path, other: OcrPage) -> None:
    """The header burdens two parcels, "Flurstücke 333/35 und 334"; a stamp over the 334 leaves Tesseract nothing
    of it, and the reader takes {333/35} at 0.68 (its words read at 85; nothing marks the list incomplete, though it
    ends in "und"). The Akte's only other page naming parcels names 333/35 alone: the notice of registration to
    the owner of 333/35 (each owner is notified of the Baulast on his own parcel), or the Lageplan whose title
    names the building's Flurstück and whose scale is read as "1:500" without its "M". Its one parcel agrees with
    the header's surviving one: 0.9, accepted without 334."""
    sheet = _sheet("Gemarkung Zons, Flur 11, Flurstücke 333/35 und", conf=85.0)
    result = _process(tmp_path, [sheet, other])
    found = result.extraction.parcels
    assert found.value == (BURDENED,)  # incomplete: 334 is burdened too
    assert found.confidence < SURE


def _no_table_head() -> OcrPage:
    # The table's head went unread and entry 1 opens with its type, not the owner's formula: the header runs down
    # to the row above "Eingetragen am", the benefiting parcel's clause with it; extract caps the set at 0.7 for
    # just this ("the entry text's benefiting parcels may stand among the burdened ones, and nothing tells them
    # apart").
    return make_page([*HEAD, words_of("Gemarkung Zons, Flur 11, Flurstück 333/35"),
                      words_of("Abstandflächenbaulast zugunsten des Grundstücks Gemarkung Zons,"),
                      words_of("Flur 11, Flurstück 334:"),
                      words_of("Die Fläche ist von jeder Bebauung freizuhalten."),
                      words_of("Eingetragen am 12.03.1987")])


def _benefiting_field() -> OcrPage:
    # A form with a field for the benefiting parcel under the burdened one (some registers' forms have one:
    # "Begünstigtes Grundstück", "herrschendes Grundstück"); the reader takes both lines, at 0.68 (words at 85).
    return _sheet("Gemarkung Zons, Flur 11, Flurstück 333/35", conf=85.0,
                  extra=(words_of("Begünstigtes Grundstück: Gemarkung Zons, Flur 11, Flurstück 334"),))


@pytest.mark.parametrize("sheet", [_no_table_head, _benefiting_field], ids=["no-table-head", "benefiting-field"])
def test_a_benefiting_parcel_read_with_the_burdened_is_not_confirmed_by_the_declaration(
        tmp_path: Path, sheet) -> None:  # type: ignore[no-untyped-def]
    """The reader's set holds the benefiting parcel 334 beside the burdened 333/35, at 0.7 or less. The owner's
    Verpflichtungserklärung, in every Akte, names both too: its own parcel and the one the Baulast is granted to
    ("zugunsten des Grundstücks ... Flurstück 334"). The same two parcels: raised to 0.9, the benefiting parcel
    recorded as burdened (accepted in the second layout)."""
    result = _process(tmp_path, [sheet(), DECLARATION])
    found = result.extraction.parcels
    # The reader's set: {333/35, 334}, wrong, for both sheets until the twelfth session; since then the header's
    # "Begünstigtes Grundstück:" field is left out and the second sheet reads 333/35 alone. Nothing wrong is sure.
    assert set(found.value) == {BURDENED} or set(found.value) == {BURDENED, BENEFITING} and found.confidence < SURE


@pytest.mark.parametrize("written, read", [
    ("120 bis 122", ("120",)),  # "bis" is a word: the list ends at it
    ("120-122", ("120", "122")),  # a range yields its two ends (test_parcels: range-not-expanded)
], ids=["bis", "hyphen"])
def test_a_range_both_pages_parse_alike_is_not_confirmed(tmp_path: Path, written: str, read: tuple[str, ...]) -> None:
    """The header burdens "Flurstücke 120 bis 122" (three parcels: 120, 121, 122), and the notice names them in the
    same words. The reader and other_page_parcels both read the text with parse_parcels, which does not expand a
    range: both get the same incomplete set, and their agreement is the parser's, not two readings'. 0.68 (words
    at 85, the prose restates none) becomes 0.9: accepted without 121 (and, for "bis", 122)."""
    sheet = _sheet(f"Gemarkung Zons, Flur 11, Flurstücke {written}", conf=85.0)
    result = _process(tmp_path, [sheet, _notice(f"Gemarkung Zons, Flur 11, Flurstücke {written}")])
    found = result.extraction.parcels
    assert found.value == tuple(Parcel("Zons", 11, n) for n in read)  # not the three burdened parcels
    assert found.confidence < SURE
