"""Review of the fourteenth session's rules (631e153, 8d9f00e, 7c85235, 4dfefcd, 106ea11, e338e92, 0a4064d, 2ce20a1):
pages on which the new rules read a wrong value at or above its accept threshold, or turn a right reading wrong.
Fake pages, no Tesseract.

Paths judged safe (no test): "Baulastverz.-Nr." and "Baulastb." as labels (8d9f00e: only strict prefixes of the two
new names count, a cross-reference's "vgl."/"siehe" still caps the number); the register program's "27-SEP-1985"
(an English month the MONTHS table does not know, "12-MAY-1987" or "12-OCT-1987", gives no date at all, never another
month); a worded date whose year is cut at a line's end in the 1900s ("neunzehnhundert-" / "sechsundsiebzig" reads
1900, implausible, no date); `_without_specks` (a row goes only when all of its words are low, untrusted marks); a
stamp (`without_margin`) cut where the words beside a parcel line are a real stamp's or a second column with its own
parcel label (but see the caption's value below); the parcel cell's gap in its tallest word's height (a
stamp's letters would have to stand inside the cell).
Seen, not tested: where the free band of `spread_fold` is not one run (a left page's own column gap lies inside the
middle 35-65 %), the fold is its first free x, which may be that column gap: the left page's remarks column is then
read after it, with the right page (only with lines of running text long enough on both sides of that gap).
"""

from __future__ import annotations

import datetime as dt

import pytest

from baulast.gazetteer import Gazetteer
from baulast.model import OcrPage, Parcel, Word
from baulast.validation import ACCEPT_THRESHOLDS
from pipeline.extract import extract
from tests.conftest import TABLE_HEAD_ROW, make_page, words_of

SURE_DATE = ACCEPT_THRESHOLDS["date"]
SURE_PARCELS = ACCEPT_THRESHOLDS["parcels"]
SURE_NUMBER = ACCEPT_THRESHOLDS["register_number"]

TITLE = [words_of("Stadt Dormagen Der Bürgermeister"), words_of("Baulastenblatt Nr. 1.234"),
         words_of("Gemarkung Zons Flur 3 Flurstück 12")]
ENTRY_TEXT = ["Der jeweilige Eigentümer des Grundstücks Gemarkung Zons,", "Flur 3, Flurstück 12 übernimmt die",
              "Abstandfläche zugunsten des Nachbargrundstücks.", "", ""]


def _sheet(text: list[str], remarks: list[str]) -> OcrPage:
    """A typed sheet (Dormagen, Zons 3/12) with entry 1's text at x=600 and its remarks column at x=1800 (about
    22 letters wide, as "Bemerkungen" columns are)."""
    rows = [*TITLE, TABLE_HEAD_ROW]
    for index in range(max(len(text), len(remarks))):
        row = [("1", 220)] if index == 0 else []
        row += words_of(text[index], 600) if index < len(text) and text[index] else []
        row += words_of(remarks[index], 1800) if index < len(remarks) else []
        rows.append(row)
    return make_page(rows)


# --- dates written out in words (631e153) ---------------------------------------------------------------------------

@pytest.mark.parametrize(("remark", "truth"), [
    (["Eingetragen am vier-", "zehnten Mai 1977"], dt.date(1977, 5, 14)),
    (["Eingetragen am einund-", "zwanzigsten Mai 1977"], dt.date(1977, 5, 21)),
    (["Eingetragen am", "ersten März zweitausend-", "zwei"], dt.date(2002, 3, 1)),
], ids=["vier-zehnten", "einund-zwanzigsten", "zweitausend-zwei"])
def test_a_worded_date_hyphenated_at_a_line_end_is_not_read_from_its_half(gazetteer: Gazetteer, remark: list[str],
                                                                         truth: dt.date) -> None:
    """A remarks column is some twenty letters wide; a date written out in words does not fit, and the clerk
    hyphenates it: "Eingetragen am vier-" / "zehnten Mai 1977". `_date_near` reads the line below the label, and
    `_WORDED` finds "zehnten Mai 1977" there: the 10th, read at 0.95 (the 14th is right). Likewise "einund-" /
    "zwanzigsten" gives the 20th for the 21st, and a year cut after its thousands ("zweitausend-" / "zwei") reads
    2000: `_worded_year` takes "zweitausend" whole, the hyphen after it ends the match. Every day 13 to 19 cut after
    its unit (vier-zehnten, sieb-zehnten, ...) reads as the 10th, every day 21 to 29 cut after its "und" as the
    20th. Before 631e153 no date was read at all (the record went to a person). Right: a worded date whose first
    word or last word touches a line-end hyphen is a part, not a date (or the two lines are joined)."""
    date = extract(_sheet(ENTRY_TEXT, remark), gazetteer).date
    assert date is None or date.value == truth or date.confidence < SURE_DATE


def test_a_worded_declaration_date_before_the_registration_date_is_passed_over(gazetteer: Gazetteer) -> None:
    """Guard (passes): the closing sentence of an entry in words, "Die Baulast wurde auf Grund der Erklärung vom
    neunten Mai 1977 am fünfzehnten Juni 1977 in das Baulastenverzeichnis eingetragen.": the declaration's date,
    cited with "vom", is no registration date; the one after "am" is. Any repair of the worded dates must keep this
    (the commonest wording of a worded date on a sheet is the declaration's)."""
    text = ["Der jeweilige Eigentümer des Grundstücks", "Gemarkung Zons, Flur 3, Flurstück 12",
            "übernimmt die Abstandfläche. Die Baulast", "wurde auf Grund der Erklärung vom neunten",
            "Mai 1977 am fünfzehnten Juni 1977 in das", "Baulastenverzeichnis eingetragen."]
    date = extract(_sheet(text, []), gazetteer).date
    assert date is not None and date.value == dt.date(1977, 6, 15) and date.confidence >= SURE_DATE


# --- "mit Wirkung vom" (e338e92) ------------------------------------------------------------------------------------

@pytest.mark.parametrize("registered", ["Eingetragen am 12,03,1987", "Eingetragen am"],
                         ids=["own-date-commas", "own-date-in-pen-unread"])
def test_a_deletion_mit_wirkung_vom_under_the_registration_is_not_its_date(gazetteer: Gazetteer,
                                                                          registered: str) -> None:
    """The remarks cell holds the registration, and under it, years later, its deletion in the passive: "Mit
    Wirkung vom 01.07.1995" / "gelöscht." The registration's own date beside its label is damaged (its dots read as
    commas, "12,03,1987") or was written in pen and not read. `_date_near` reads the line below the label; since
    e338e92 "Wirkung vom" no longer cites, so the deletion's date is the label's own: 01.07.1995 at 0.95. The
    deletion's word stands on the line after, and `_date_near` looks for "Gelöscht" only on the first line below
    the label (`words_below`), which "gelöscht." does not reach. Before, the
    date after "vom" was passed over: 12.03.1987 repaired from the commas at 0.6, or no date at all. Right: the
    registration date (12.03.1987), or not sure; "mit Wirkung vom" that does not follow the label itself ("Eingetragen
    mit Wirkung vom") dates another act."""
    date = extract(_sheet(ENTRY_TEXT, [registered, "Mit Wirkung vom 01.07.1995", "gelöscht."]), gazetteer).date
    assert date is None or date.value == dt.date(1987, 3, 12) or date.confidence < SURE_DATE


# --- stacked fractions (2ce20a1) ------------------------------------------------------------------------------------

_BOOK_HEAD = [("Blattnr.", 100), ("Belastetes", 330), ("Grundstück", 650), ("Lfd.", 1000), ("Inhalt", 1200),
              ("der", 1400), ("Baulast", 1520), ("Eintragungstag", 1900)]


def _register_book(cell_lines: list[list[tuple[str, int]]]) -> OcrPage:
    """A register book's page (as test_fractions'): the sheet's parcels in their column, "Gmkg." / "Fl." / "Flst."
    a line each; entry 1's text beside them refers to "the parcel named before" and restates none."""
    prose = ["Der jeweilige Eigentümer des", "vorbezeichneten Grundstücks", "verpflichtet sich gegenüber",
             "der Stadt Kaarst, die Abstand-", "fläche zu übernehmen."]
    cells = [[("1164c", 100), ("Gmkg.", 330), ("Kaarst", 500)], [("Fl.", 330), ("21", 450)], *cell_lines]
    rows = [words_of("Baulastenverzeichnis für die Stadt Kaarst"), _BOOK_HEAD]
    for index in range(max(len(cells), len(prose))):
        row = list(cells[index]) if index < len(cells) else []
        row += [("1", 1000)] if index == 0 else []
        row += words_of(prose[index], 1200) if index < len(prose) else []
        row += [("11.11.1990", 1900)] if index == 0 else []
        rows.append(row)
    return make_page(rows)


@pytest.mark.parametrize(("cell_lines", "truth"), [
    ([[("Flst.", 330), ("1020", 500)], [("1021", 500)]], {"1020", "1021"}),
    ([[("Flst.", 330), ("1020", 500)], [("1021", 500)], [("1022", 500)]], {"1020", "1021", "1022"}),
], ids=["two-lines", "three-lines"])
def test_a_list_one_flurstueck_a_line_is_no_stacked_fraction(gazetteer: Gazetteer,
                                                              cell_lines: list[list[tuple[str, int]]],
                                                              truth: set[str]) -> None:
    """A register book lists a sheet's Flurstücke in its parcel column one a line, each under the one before,
    without commas ("Flst. 1020" / "1021"). `stacked_fractions` takes "1021" for a Nenner: a number alone under
    the line's only number, centred in it, no wider, a line's spacing below (a Nenner may stand a whole type height
    below its Zähler, farther than the next line of single-spaced type). Kaarst 21/1020/1021 is read, one parcel that
    does not
    exist, at 0.76 (the text restates no parcel; Tesseract sure of every word): accepted. Before 2ce20a1 the column
    read Kaarst 21/1020 and 21/1021 at 0.76, right. Right: a number as wide as the one above it (a Nenner is
    mostly shorter), or one on a line's spacing, may be the list's next Flurstück; not sure either way."""
    parcels = extract(_register_book(cell_lines), gazetteer).parcels
    assert parcels is not None
    assert {p.flurstueck for p in parcels.value} == truth or parcels.confidence < SURE_PARCELS


# --- grids under each Gemarkung's caption (106ea11) -----------------------------------------------------------------

_GROUP_HEAD = [("Flur", 200), ("Flurstück", 400), ("Nenner", 700), ("Lage", 900)]


@pytest.mark.parametrize("second_caption", [True, False], ids=["benefiting-captioned", "benefiting-uncaptioned"])
def test_a_benefiting_grid_under_its_own_gemarkung_caption_is_not_burdened(gazetteer: Gazetteer,
                                                                           second_caption: bool) -> None:
    """The register portal's print the rule was made for lists the burdened parcels under "Belastete Flurstücke",
    each Gemarkung's under its caption ("Gemarkung Glehn" over "Flur | Flurstück | Nenner | Lage"), and then the
    benefiting parcels the same way under "Begünstigte Flurstücke". The benefiting grid's label row has the caption
    right above it, not the heading, so `benefiting(rows[index - 1])` does not see it, and `_group` gives it
    Glehn: Glehn 19/131/4 is read as burdened. Without a caption of its own the benefiting grid's rows are read
    as value rows of the burdened one (its label row heads nothing ungrouped, so it ends nothing). The entry text
    names both parcels (the burdened and, after "zugunsten", the benefiting), so the set counts as confirmed:
    0.95, accepted with the benefiting parcel. Before 106ea11 no grid was read and the prose's first parcel was
    proposed at 0.5. Right: {Glehn 19/130/27}, or not sure; a grid under a benefiting heading two rows up (past
    its caption) is the benefiting one."""
    rows = [words_of("Stadt Korschenbroich Der Bürgermeister"), words_of("Baulastenblatt Nr. 2104"),
            words_of("Belastete Flurstücke"), words_of("Gemarkung Glehn"), _GROUP_HEAD,
            [("19", 200), ("130", 400), ("27", 700), ("Am", 900), ("Kamp", 1000)],
            words_of("Begünstigte Flurstücke"), *([words_of("Gemarkung Glehn")] if second_caption else []),
            _GROUP_HEAD, [("19", 200), ("131", 400), ("4", 700), ("Am", 900), ("Kamp", 1000)],
            TABLE_HEAD_ROW,
            [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Glehn,", 600)],
            [*words_of("Flur 19, Flurstück 130/27 übernimmt die Abstandfläche", 600), *words_of("Eingetragen", 1800)],
            [*words_of("zugunsten des Grundstücks Gemarkung Glehn,", 600), *words_of("am 12.03.1987", 1800)],
            words_of("Flur 19, Flurstück 131/4.", 600)]
    parcels = extract(make_page(rows), gazetteer).parcels
    assert parcels is not None
    assert parcels.value == (Parcel("Glehn", 19, "130/27"),) or parcels.confidence < SURE_PARCELS


# --- corrections over a struck Flurstück (7c85235, 4dfefcd) ---------------------------------------------------------

def test_a_list_whose_comma_was_read_as_a_full_stop_is_no_correction(gazetteer: Gazetteer) -> None:
    """Regression (right and sure to wrong): two typed parcel lines of the same build, "Gemarkung Zons, Flur 3,
    Flurstücke 12," whose list runs on to "14" on the next line (hung under the list's first number), and "Gemarkung
    Zons, Flur 4, Flurstück 15" below, its number under the "14". Tesseract reads the comma after "12" as a full
    stop, as it often does: `_runs_on` sees no comma, and "14", a number alone right over "15", is taken for a
    correction of it. {Zons 3/12, Zons 4/14} is read at 0.6: Zons 3/14 and Zons 4/15 are lost, Zons 4/14 (on no
    line of the sheet) stands in. Before 7c85235 the set was read right, {Zons 3/12, Zons 3/14, Zons 4/15}, at 0.95
    (the entry text restating "Flurstücke 12 und 14"). Right: that set; a number alone under a line ending in a
    number and a full stop may be the list going on (a correction is written in another hand, over a struck
    number, and is rarely alone where a list's continuation stands)."""
    rows = [*TITLE[:2], words_of("Gemarkung Zons, Flur 3, Flurstücke 12."), [("14", 1220)],
            words_of("Gemarkung Zons, Flur 4, Flurstück 15"), TABLE_HEAD_ROW,
            [("1", 220), *words_of("Der jeweilige Eigentümer der Grundstücke Gemarkung Zons,", 600)],
            [*words_of("Flur 3, Flurstücke 12 und 14 übernimmt die Abstandfläche.", 600),
             *words_of("Eingetragen", 1800)],
            words_of("am 12.03.1987", 1800)]
    parcels = extract(make_page(rows), gazetteer).parcels
    assert parcels is not None
    assert set(parcels.value) == {Parcel("Zons", 3, "12"), Parcel("Zons", 3, "14"), Parcel("Zons", 4, "15")}


def test_a_forms_gemarkung_under_its_caption_beside_the_parcel_line_is_no_stamp(gazetteer: Gazetteer) -> None:
    """Regression (right and sure to none; no wrong value): a card's printed header has a box "Gemarkung" at the
    right, the name typed under the caption ("Zons"), level with the typed parcel line on the left ("Flur 3,
    Flurstück 12"), and the card's "angelegt am 02.03.1987" under it. `_stamp` takes "Zons", apart from the parcel
    line by a wide gap and no parcel label, for a stamp beside it, and the date below makes it one:
    `without_margin` cuts "Zons" and the date, the caption "Gemarkung" keeps its row but has no value under it any
    more, and no parcel is read at all (the entry text refers to "the parcel named before"). Before 7c85235:
    Zons 3/12 at 0.76. Right: Zons 3/12; a word under a parcel label's caption is that label's value, no stamp's."""
    rows = [*TITLE[:2], [*words_of("Gemeinde Dormagen"), ("Gemarkung", 1500)],
            [*words_of("Flur 3, Flurstück 12"), ("Zons", 1500)], words_of("angelegt am 02.03.1987", 1500),
            TABLE_HEAD_ROW, [("1", 220), *words_of("Der jeweilige Eigentümer des vorbezeichneten", 600)],
            [*words_of("Grundstücks übernimmt die Abstandfläche", 600), *words_of("Eingetragen", 1800)],
            [*words_of("zugunsten des Nachbargrundstücks.", 600), *words_of("am 12.03.1987", 1800)]]
    parcels = extract(make_page(rows), gazetteer).parcels
    assert parcels is not None and parcels.value == (Parcel("Zons", 3, "12"),)


# --- two pages side by side (0a4064d) -------------------------------------------------------------------------------

_LETTER = 24  # px a letter on a landscape scan of a book opened flat
_LEFT, _RIGHT = 120, 1880  # where each page's text begins


def _page_words(lines: list[tuple[int, list[tuple[str, int]]]], left: int, block: int) -> list[Word]:
    """A book page's words: (line, [(cell text, x in the page)]); each cell a Tesseract block of its own, as
    Tesseract parts a ruled register's columns."""
    words = []
    for number, (line, cells) in enumerate(lines):
        top = 150 + 70 * line
        for cell, (text, dx) in enumerate(cells):
            position = left + dx
            for token in text.split():
                words.append(Word(token, 93.0, (position, top, position + _LETTER * len(token), top + 45),
                                  block + 10 * cell + number, 1, 1))
                position += _LETTER * (len(token) + 1)
    return words


def _entry(line: int, number: str, flurstueck: str, date: str, last: str) -> list[tuple[int, list[tuple[str, int]]]]:
    """An entry of a register page: its running number, four lines of text, its remark at x=1050."""
    return [(line, [(number, 20), ("Der jeweilige Eigentümer des Grund-", 160), ("Eingetragen am", 1050)]),
            (line + 1, [("stücks Gemarkung Kaarst, Flur 34,", 160), (date, 1050)]),
            (line + 2, [(f"Flurstück {flurstueck} übernimmt die Ab-", 160)]),
            (line + 3, [(last, 160)])]


_HEAD = [("Lfd. Nr.", 0), ("Inhalt der Eintragung", 160), ("Bemerkungen", 1050)]
# Sheet 1745's first page: the title, the parcel, entry 1.
_FIRST_PAGE = [(0, [("Stadt Kaarst - Baulastenverzeichnis", 0)]), (1, [("Baulastenblatt Nr. 1745", 0)]),
               (2, [("Gemarkung Kaarst Flur 34 Flurstück 2589", 0)]), (3, _HEAD),
               *_entry(4, "1", "2589", "12.03.1987", "standfläche zugunsten Flurstück 2590.")]


def _spread(left: list[tuple[int, list[tuple[str, int]]]], right: list[tuple[int, list[tuple[str, int]]]]) -> OcrPage:
    words = _page_words(left, _LEFT, 1) + _page_words(right, _RIGHT, 1000)
    return OcrPage(1, 3508, 2480, tuple(words), "")


# The page before it in the bound book: sheet 1744's second page, its entries 3 and 4.
_PREVIOUS_SHEETS_LAST_PAGE = [(0, [("Baulastenblatt Nr. 1744 - Blatt 2", 0)]), (2, _HEAD),
                              *_entry(3, "3", "2600", "04.07.1990", "standfläche zugunsten Flurstück 2601."),
                              *_entry(8, "4", "2601", "02.05.1994", "standfläche zugunsten Flurstück 2600.")]


def test_a_book_opened_on_the_previous_sheets_last_page_reads_no_sure_register_number(gazetteer: Gazetteer) -> None:
    """Regression (not sure to surely wrong): a bound register book scanned opened flat for sheet 1745, whose first
    page is the right-hand one; the left-hand page is the last of sheet 1744 ("Baulastenblatt Nr. 1744 - Blatt 2",
    its entries 3 and 4). `spread_fold` reads the left page first: the header above the first table head is the
    left page's running head, and "1744" is read at 0.93, the sheet whose header, parcel and entry 1 the scan shows
    (1745) lying below the table. Before 0a4064d both labels stood on one row and the number was disputed (0.5).
    Right: 1745, or not sure where the two pages name two sheets."""
    number = extract(_spread(_PREVIOUS_SHEETS_LAST_PAGE, _FIRST_PAGE), gazetteer).register_number
    assert number is not None
    assert number.value == "1745" or number.confidence < SURE_NUMBER


def test_a_book_opened_on_the_previous_sheets_last_page_reads_no_sure_date(gazetteer: Gazetteer) -> None:
    """Older gap, not mended by 0a4064d (fails before it too): on the same spread the first entry read is sheet
    1744's entry 3 (its running number "3"), and its date, 04.07.1990, is taken as entry 1's at 0.93. Entry 1 of
    the sheet the scan is for (1745) was registered on 12.03.1987; entry 1 of 1744 is on another page. Right:
    12.03.1987, or not sure where the first running number read is no 1 and a second "1" follows."""
    date = extract(_spread(_PREVIOUS_SHEETS_LAST_PAGE, _FIRST_PAGE), gazetteer).date
    assert date is None or date.value == dt.date(1987, 3, 12) or date.confidence < SURE_DATE


def test_a_book_opened_on_one_sheets_two_pages_stays_sure(gazetteer: Gazetteer) -> None:
    """Guard (passes): the spread the rule was made for, sheet 1745's first page on the left and its second page
    (entries 2 and 3) on the right. Read left first, the number, the parcel and entry 1's date are sure and right;
    a repair of the test above (doubting a spread whose pages name two sheets) must leave this one sure."""
    second_page = [(0, [("Baulastenblatt Nr. 1745 - Blatt 2", 0)]), (2, _HEAD),
                   *_entry(3, "2", "2589", "04.07.1990", "standfläche zugunsten Flurstück 2591."),
                   *_entry(8, "3", "2589", "02.05.1994", "standfläche zugunsten Flurstück 2592.")]
    extraction = extract(_spread(_FIRST_PAGE, second_page), gazetteer)
    assert extraction.register_number is not None and extraction.register_number.value == "1745"
    assert extraction.register_number.confidence >= SURE_NUMBER
    assert extraction.date is not None and extraction.date.value == dt.date(1987, 3, 12)
    assert extraction.date.confidence >= SURE_DATE
    assert extraction.parcels is not None and extraction.parcels.value == (Parcel("Kaarst", 34, "2589"),)
