"""Second review of a cross-check of the parcels against the Akte's letters (eleventh session, commits 68ec654 and
28ca532; withdrawn after this review): Akten in which every letter naming parcels names exactly the sheet's set
although that set is not the sheet's burdened parcels. A set read at 0.6 to 0.75 (below the parcels' accept
threshold) must stay there; the cross-check raised it to 0.9. Fake engine, no Tesseract.

Ranked by how likely they seem in real Akten:

1. the benefiting parcel named in words the fix's list does not hold ("zu Gunsten" written apart, the Betreff's
   "Bauvorhaben ... Flurstück 334", "zu Ihren Gunsten") beside a sheet reading that holds it too;
2. a copy of the sheet sent to the owner with a "Mit freundlichen Grüßen" stamp or compliments slip: a letter by
   the greeting, the sheet's misread by its text;
3. a parcel renumbered after a Teilung (the old number struck through, so Tesseract is unsure of it, the new one
   written by hand beside it and lost), confirmed by the notice of registration from before the Teilung;
4. ranges the fix's `_RANGE` does not see: wrapped between the keyword's line and the numbers (letters' prose wraps
   anywhere), written with an en dash (a word processor's AutoFormat turns "120 - 122" into "120 – 122");
5. a parcel lost from the sheet's list without a trailing connector that `_BROKEN_OFF` sees: "u" read without its
   period, or the connector misread ("uud") so the parser stops at it, beside a letter to one owner;
6. a word after the first Flurstück ("12 tlw. und 13", "12 (alt 11) und 13") that ends parse_parcels' list on the
   sheet and in the letter alike.

Judged safe (no test): a letter about a neighbouring Baulast or another sheet (its set differs: nothing confirmed);
a deletion letter for the same parcel (it names the sheet's own header set); a letter to the benefiting owner naming
only his own parcel (differs from the sheet's burdened set, fails closed); a salutation misread (the page is not a
letter: one reading fewer, never a wrong one, except beside case 5); the municipality (no Gemarkung name is in two
municipalities of the gazetteer, so it is wrong only where the confirmed Gemarkung is); letters naming the Gemarkung
without the keyword ("in Zons, Flur 11") or without a Flur (no parcel: nothing counted); "Flur 3 und 4, Flurstücke
12 und 13" (a rare wording; the parser gives all Flur 3, a letter would word it otherwise); the Flur inferred from
the entry text (0.7; a letter naming the Flur is an independent reading); `_BROKEN_OFF` without "&" or "+" (not
typed in German registers' parcel lists).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from baulast.model import OcrPage, Parcel
from tests.conftest import TABLE_HEAD_ROW, make_page, words_of
from tests.test_review_eleventh import (  # the first review's Akte pieces
    BENEFITING,
    BURDENED,
    ENTRY_1,
    HEAD,
    SURE,
    _process,
    _sheet,
    _unsure,
)


def _letter(*lines: str, number: int = 2) -> OcrPage:
    return make_page([words_of("Sehr geehrte Damen und Herren,"), *(words_of(line) for line in lines),
                      words_of("Mit freundlichen Grüßen")], number=number)


# --- 1. the benefiting parcel in other words -------------------------------------------------------------------

def _no_table_head() -> OcrPage:
    # As in test_review_eleventh: the table's head went unread and entry 1 opens with its type; the header runs
    # down to "Eingetragen am", the benefiting parcel's clause with it (capped at 0.7 for just this).
    return make_page([*HEAD, words_of("Gemarkung Zons, Flur 11, Flurstück 333/35"),
                      words_of("Abstandflächenbaulast zugunsten des Grundstücks Gemarkung Zons,"),
                      words_of("Flur 11, Flurstück 334:"),
                      words_of("Die Fläche ist von jeder Bebauung freizuhalten."),
                      words_of("Eingetragen am 12.03.1987")])


def _benefiting_field() -> OcrPage:
    # As in test_review_eleventh: a form's field for the benefiting parcel under the burdened one, read with it.
    return _sheet("Gemarkung Zons, Flur 11, Flurstück 333/35", conf=85.0,
                  extra=(words_of("Begünstigtes Grundstück: Gemarkung Zons, Flur 11, Flurstück 334"),))


BENEFIT_IN_OTHER_WORDS = {
    # "zu Gunsten" written apart (as correct as "zugunsten", and how OCR splits the word at a line's gap too).
    "zu-gunsten-apart": ("Betr.: Eintragung einer Baulast",
                         "zu Lasten Ihres Grundstücks Gemarkung Zons, Flur 11, Flurstück 333/35",
                         "zu Gunsten des Grundstücks Gemarkung Zons, Flur 11, Flurstück 334"),
    # The notice's Betreff names the building project the Baulast serves, its body the burdened parcel.
    "bauvorhaben-betreff": ("Betr.: Bauvorhaben Gemarkung Zons, Flur 11, Flurstück 334",
                            "hier: Eintragung einer Baulast zu Lasten Ihres Grundstücks",
                            "Gemarkung Zons, Flur 11, Flurstück 333/35"),
    # The notice to the benefiting owner.
    "zu-ihren-gunsten": ("die Baulast zu Lasten des Grundstücks Gemarkung Zons, Flur 11, Flurstück 333/35",
                         "wurde zu Ihren Gunsten für Ihr Grundstück Gemarkung Zons, Flur 11, Flurstück 334",
                         "in das Baulastenverzeichnis eingetragen."),
}


@pytest.mark.parametrize("sheet", [_no_table_head, _benefiting_field], ids=["no-table-head", "benefiting-field"])
@pytest.mark.parametrize("lines", BENEFIT_IN_OTHER_WORDS.values(), ids=BENEFIT_IN_OTHER_WORDS.keys())
def test_a_benefiting_parcel_read_with_the_burdened_is_not_confirmed_by_a_letter_naming_it_in_other_words(
        tmp_path: Path, sheet, lines: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """The reader's set holds the benefiting parcel 334 beside the burdened 333/35, at 0.7 or less (the two sheets
    of test_review_eleventh). The fix skips letters with "zugunsten", "begünstig" or "herrschend"; but a notice
    names the benefiting parcel just as often as "zu Gunsten" (two words), as the Betreff's "Bauvorhaben ...
    Flurstück 334", or, to the benefiting owner, "zu Ihren Gunsten für Ihr Grundstück". The letter's set is the
    reader's wrong one: raised to 0.9, the benefiting parcel recorded as burdened."""
    result = _process(tmp_path, [sheet(), _letter(*lines)])
    found = result.extraction.parcels
    # The reader's set: {333/35, 334}, wrong, for both sheets until the twelfth session; since then the header's
    # "Begünstigtes Grundstück:" field is left out and the second sheet reads 333/35 alone. Nothing wrong is sure.
    assert set(found.value) == {BURDENED} or set(found.value) == {BURDENED, BENEFITING} and found.confidence < SURE


# --- 2. a copy of the sheet with a greeting ----------------------------------------------------------------------

MISREAD = "Gemarkung Zons, Flur 11, Flurstück 333/36"  # typed 333/35, its 5 read as a 6 (Tesseract unsure: 80)


def _stamped_copy() -> OcrPage:
    # The copy of the sheet sent to the owner with the notice, scanned behind it: the office's stamp (or the
    # "Kurzmitteilung" slip stapled on it) reads "Zur Kenntnisnahme. Mit freundlichen Grüßen, Im Auftrag".
    return _unsure(make_page([words_of("Abschrift"), *HEAD, words_of(MISREAD), TABLE_HEAD_ROW, *ENTRY_1,
                              words_of("Zur Kenntnisnahme."), words_of("Mit freundlichen Grüßen"),
                              words_of("Im Auftrag")], number=2), "333/36", 80.0)


def test_the_sheets_misread_is_not_confirmed_by_a_copy_of_the_sheet_with_a_greeting(tmp_path: Path) -> None:
    """The sheet reads "333/36" for 333/35 (0.64). The only other page naming parcels is a copy of the sheet with a
    greeting stamped or slipped onto it: is_letter takes it for a letter by the greeting, although its parcels are
    the same typed glyphs, photocopied and misread alike. 0.64 becomes 0.9, accepted with the wrong Flurstück
    (test_review_eleventh's "copy" case, reopened by one stamp)."""
    sheet = _unsure(_sheet(MISREAD), "333/36", 80.0)
    result = _process(tmp_path, [sheet, _stamped_copy()])
    found = result.extraction.parcels
    assert found.value == (Parcel("Zons", 11, "333/36"),)
    assert found.confidence < SURE


# --- 3. a parcel renumbered after a Teilung -----------------------------------------------------------------------

def test_a_struck_out_parcel_is_not_confirmed_by_the_notice_from_before_its_teilung(tmp_path: Path) -> None:
    """333/35 was divided; the clerk struck the number through and wrote the new "333/40" beside it by hand
    ("Fortgeführt: jetzt 333/40", read as words without a "Flurstück" keyword, or not at all). Tesseract reads the
    struck number, unsure of it (80): {333/35} at 0.64. The notice of registration in the Akte dates from before the
    Teilung and names 333/35: raised to 0.9, accepted with a parcel the cadastre no longer has, the sheet's own
    current parcel lost."""
    sheet = _unsure(_sheet("Gemarkung Zons, Flur 11, Flurstück 333/35",
                           extra=(words_of("Fortgeführt: jetzt 333/40"),)), "333/35", 80.0)
    letter = _letter("die Baulast zu Lasten Ihres Grundstücks Gemarkung Zons, Flur 11, Flurstück 333/35",
                     "wurde in das Baulastenverzeichnis (Blatt Nr. 2263) eingetragen.")
    result = _process(tmp_path, [sheet, letter])
    found = result.extraction.parcels
    assert found.value == (BURDENED,)  # the struck number only
    assert found.confidence < SURE


# --- 4. ranges _RANGE does not see -----------------------------------------------------------------------------------

@pytest.mark.parametrize("sheet_line, letter_lines, read", [
    # The letter's prose wraps between "Flurstücke" and the numbers: _RANGE looks on the keyword's line only.
    ("Gemarkung Zons, Flur 11, Flurstücke 120 bis 122",
     ("die Baulast zu Lasten Ihrer Grundstücke Gemarkung Zons, Flur 11, Flurstücke",
      "120 bis 122 wurde in das Baulastenverzeichnis eingetragen."), ("120",)),
    # The sheet typed with a hyphen, the letter's word processor made it an en dash.
    ("Gemarkung Zons, Flur 11, Flurstücke 120-122",
     ("die Baulast zu Lasten Ihrer Grundstücke Gemarkung Zons, Flur 11, Flurstücke 120 – 122",
      "wurde in das Baulastenverzeichnis eingetragen."), ("120", "122")),
], ids=["wrapped", "en-dash"])
def test_a_range_the_fix_does_not_see_is_not_confirmed(
        tmp_path: Path, sheet_line: str, letter_lines: tuple[str, ...], read: tuple[str, ...]) -> None:
    """As test_review_eleventh's range case (three parcels 120, 121, 122; the parser keeps the ends or the first),
    with the letter's range in a form `_RANGE` misses: the keyword at one line's end and the numbers on the next,
    or an en dash. Both pages parse to the same incomplete set: 0.68 becomes 0.9, accepted without 121."""
    sheet = _sheet(sheet_line, conf=85.0)
    result = _process(tmp_path, [sheet, _letter(*letter_lines)])
    found = result.extraction.parcels
    assert found.value == tuple(Parcel("Zons", 11, n) for n in read)
    assert found.confidence < SURE


# --- 5. a parcel lost from the sheet's list, no connector `_BROKEN_OFF` sees ----------------------------------------

@pytest.mark.parametrize("line", [
    "Gemarkung Zons, Flur 11, Flurstücke 333/35 u",  # "u." read without its period, the 334 under a stamp
    "Gemarkung Zons, Flur 11, Flurstücke 333/35 uud 334",  # "und" misread: the parser's list ends at the word
], ids=["u-without-period", "und-misread"])
def test_a_parcel_lost_from_the_sheets_list_is_not_confirmed_by_a_letter_to_one_owner(
        tmp_path: Path, line: str) -> None:
    """The header burdens 333/35 and 334; the reader gets {333/35} at 0.68 (words at 85): 334 lost under a stamp
    after an "u." whose period went unread (`_BROKEN_OFF` wants "u."), or read but dropped by the parser after a
    misread "und" ("uud": a word, which ends the list). The Akte's only letter is the notice to the owner of 333/35:
    raised to 0.9, accepted without 334 (test_review_eleventh's "notice-to-one-owner" case, past the fix)."""
    sheet = _sheet(line, conf=85.0)
    letter = _letter("die Baulast zu Lasten Ihres Grundstücks Gemarkung Zons, Flur 11, Flurstück 333/35",
                     "wurde in das Baulastenverzeichnis (Blatt Nr. 2263) eingetragen.")
    result = _process(tmp_path, [sheet, letter])
    found = result.extraction.parcels
    assert found.value == (BURDENED,)  # incomplete: 334 is burdened too
    assert found.confidence < SURE


# --- 6. a word after a Flurstück ends both pages' lists alike ------------------------------------------------------

@pytest.mark.parametrize("sheet_line, letter_line", [
    ("Gemarkung Zons, Flur 11, Flurstücke 12 tlw. und 13",
     "Gemarkung Zons, Flur 11, Flurstücke 12 (teilweise) und 13"),
    ("Gemarkung Zons, Flur 11, Flurstücke 12 (alt 11) und 13",
     "Gemarkung Zons, Flur 11, Flurstücke 12 (früher 11) und 13"),
], ids=["teilweise", "alt"])
def test_a_list_the_parser_ends_early_on_both_pages_is_not_confirmed(
        tmp_path: Path, sheet_line: str, letter_line: str) -> None:
    """The header burdens 12 (in part, or renumbered from 11) and 13. parse_parcels ends a list at any word, so
    "tlw." or "(alt 11)" after the first number drops 13, on the sheet and in the letter alike (the range case's
    shared blind spot, with another word): {12} at 0.68 becomes 0.9, accepted without 13."""
    sheet = _sheet(sheet_line, conf=85.0)
    letter = _letter(f"die Baulast zu Lasten Ihrer Grundstücke {letter_line}",
                     "wurde in das Baulastenverzeichnis (Blatt Nr. 2263) eingetragen.")
    result = _process(tmp_path, [sheet, letter])
    found = result.extraction.parcels
    assert found.value == (Parcel("Zons", 11, "12"),)  # 13 lost by the parser
    assert found.confidence < SURE
