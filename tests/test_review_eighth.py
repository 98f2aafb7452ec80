"""Review of the eighth round of rules (footer register number, "Band Blatt", "BL-Nummer", "Eintrag am/vom", stacked
"eingetr." cells, the widened "Eingetr." column, the parted parcel column): layouts where a rule makes a value wrong
but sure enough to be accepted. No Tesseract."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from baulast.model import OcrPage, Parcel, Word
from baulast.validation import ACCEPT_THRESHOLDS
from pipeline.extract import extract
from pipeline.layout import rows_of
from pipeline.register import extract_register_number
from tests.conftest import TABLE_HEAD_ROW, make_page, words_of

ENTRY_HEADER = [words_of("Gemeinde Jüchen Der Bürgermeister"), words_of("Baulastblatt Nr. 314"),
                words_of("Gemarkung Jüchen Flur 20 Flurstück 335/11")]


def _sure(field, name: str) -> bool:  # type: ignore[no-untyped-def]
    return field is not None and field.confidence >= ACCEPT_THRESHOLDS[name]


def _with_footer(page: OcrPage, *texts: str, y: int = 3300) -> OcrPage:
    """The page with a footer line low on it, well apart from the text above."""
    words, x = [], 200
    for text in texts:
        words.append(Word(text=text, conf=95.0, bbox=(x, y, x + 30 * len(text), y + 60), block=99, par=1, line=1))
        x += 30 * len(text) + 30
    return dataclasses.replace(page, words=page.words + tuple(words))


def _numberless_sheet() -> OcrPage:
    """A sheet whose header names no register number: the footer rule is asked."""
    return make_page([
        words_of("Stadt Dormagen Der Bürgermeister"),
        words_of("Gemarkung Zons Flur 3 Flurstück 12"),
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Zons,", 600)],
        [*words_of("Flur 3, Flurstück 12 übernimmt die Abstandfläche.", 600), *words_of("Eingetragen am", 1800)],
        words_of("12.03.1987", 1800),
    ])


# --- register number -------------------------------------------------------------------------------------------


def test_a_continuation_note_in_the_footer_names_no_register_number(gazetteer) -> None:
    """The last line of a full sheet points to the next one: that is another sheet's number."""
    page = _with_footer(_numberless_sheet(), "Fortsetzung", "auf", "Baulastenblatt", "2103")
    found = extract(page, gazetteer).register_number
    assert not (_sure(found, "register_number") and found.value == "2103")


def test_a_footers_page_count_names_no_register_number(gazetteer) -> None:
    """"Baulastenblatt - Stand: ... - Seite 2 von 3": the program's footer without the sheet's number; its page
    numbers are no register number."""
    page = _with_footer(_numberless_sheet(), "Baulastenblatt", "-", "Stand:", "31.08.2023", "-", "Seite", "2",
                        "von", "3")
    found = extract(page, gazetteer).register_number
    assert not _sure(found, "register_number")


def test_band_and_blatt_under_a_grundbuch_line_are_the_grundbuchs() -> None:
    """"Grundbuch von Zons" over "Band 12 Blatt 416": the Grundbuch's volume and sheet, not the register's."""
    page = make_page([words_of("Stadt Dormagen Der Bürgermeister"), words_of("Grundbuch von Zons"),
                      words_of("Band 12 Blatt 416")])
    found = extract_register_number(page, rows_of(page))
    assert not _sure(found, "register_number")


def test_bl_nummer_under_a_grundbuch_line_is_the_grundbuchs_sheet() -> None:
    page = make_page([words_of("Stadt Neuss Der Bürgermeister"), words_of("Grundbuch von Hoisten"),
                      [("Bl.-Nummer", 200), ("3577", 600)]])
    found = extract_register_number(page, rows_of(page))
    assert not _sure(found, "register_number")


# --- registration date ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("registered", ["label", "column"])
def test_an_earlier_entry_cited_in_the_prose_dates_no_registration(gazetteer, registered: str) -> None:
    cited = words_of("Die Baulast ersetzt den Eintrag vom 01.02.1980 auf Blatt 12.", 600)
    if registered == "label":
        rows = [[("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks duldet die Zufahrt.", 600)],
                cited, words_of("Eingetragen am 05.03.2012", 600)]
    else:
        rows = [[("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks duldet die Zufahrt.", 600),
                 ("05.03.2012", 1800)], cited]
    date = extract(make_page([*ENTRY_HEADER, TABLE_HEAD_ROW, *rows]), gazetteer).date
    assert date is not None
    assert date.value == dt.date(2012, 3, 5) or not _sure(date, "date")


_VERMERK_HEAD = [[("Lfd.", 200), ("Inhalt", 600), ("der", 760), ("Baulast", 860), ("Eintragungs-", 1600),
                  ("Löschungs-", 2000)],
                 [("Nr.", 200), ("vermerk", 1620), ("vermerk", 2020)]]


def test_a_later_changes_stacked_eingetr_does_not_displace_the_registration(gazetteer) -> None:
    """"12.05.90" (the registration, unlabelled) / "Nachtrag" / "eingetr." / "03.04.95" in one Vermerk cell: the
    label dates the amendment, not the Baulast."""
    page = make_page([
        *ENTRY_HEADER, *_VERMERK_HEAD,
        [("1", 200), *words_of("Der jeweilige Eigentümer des Grundstücks", 340), ("12.05.90", 1600)],
        [*words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11", 340), ("Nachtrag", 1600)],
        [*words_of("verpflichtet sich, Leitungen zu dulden.", 340), ("eingetr.", 1600)],
        [*words_of("Die Leitungstrasse wurde geändert.", 340), ("03.04.95", 1600)],
    ])
    date = extract(page, gazetteer).date
    assert date is not None
    assert date.value == dt.date(1990, 5, 12) or not _sure(date, "date")


def test_the_widened_registration_column_takes_no_date_of_the_entry_text(gazetteer) -> None:
    """The "Eingetr." cell holds a signature only (its pen date unread); the text column's last line, right in its
    column, is the declaration's place and date."""
    page = make_page([
        *ENTRY_HEADER,
        [("Lfd.", 150), ("Inhalt", 700), ("der", 900), ("Baulast", 1000), ("Eingetr.", 1950)],
        [("(Tag/Unterschr.)", 1900)],
        [("1", 150), *words_of("Der jeweilige Eigentümer des Grundstücks", 300), ("gez.", 1950), ("Müller", 2100)],
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11 übernimmt", 300),
        words_of("die Abstandfläche.", 300),
        words_of("Dormagen, den 28.02.1990", 1150),
    ])
    date = extract(page, gazetteer).date
    assert not (_sure(date, "date") and date.value == dt.date(1990, 2, 28))


# --- the parcel column parted into Flur | Flurstück -----------------------------------------------------------

_PARCEL_HEAD = [("Nr.", 100), ("Grundstück", 300), ("Inhalt", 900), ("der", 1090), ("Baulast", 1200),
                ("Veränderungen", 1600), ("Löschungen", 2050)]
_PARTED_TOP = [
    words_of("Stadt Grevenbroich Der Bürgermeister"),
    words_of("Baulastenverzeichnis", 800),
    [*words_of("Gemarkung Elsen", 100), *words_of("Band I Blatt 3222", 1300)],
    [("Lfd.", 100), ("Belastetes", 300)],
    _PARCEL_HEAD,
    [("Flur", 240), ("Flurstück", 420)],
]


def test_a_poorly_read_flur_is_not_replaced_by_the_one_above(gazetteer) -> None:
    page = make_page([
        *_PARTED_TOP,
        [("1.", 100), ("29", 250), ("1414", 450), *words_of("Der jeweilige Eigentümer des", 750)],
        [("31", 250), ("2580", 450), *words_of("Grundstücks Gemarkung Elsen,", 750)],
        words_of("Flur 29, Flurstück 1414 verpflichtet", 750),
        words_of("sich, das Grenzgebäude zu dulden.", 750),
        words_of("Eingetragen am 12.03.1987", 750),
    ])
    page = dataclasses.replace(page, words=tuple(dataclasses.replace(w, conf=25.0) if w.text == "31" else w
                                                 for w in page.words))
    parcels = extract(page, gazetteer).parcels
    assert parcels is not None
    assert Parcel("Elsen", 29, "2580") not in parcels.value or not _sure(parcels, "parcels")


def test_an_unread_flur_in_the_next_entry_is_not_the_last_entrys(gazetteer) -> None:
    page = make_page([
        *_PARTED_TOP,
        [("1.", 100), ("29", 250), ("1414", 450), *words_of("Der jeweilige Eigentümer des", 750)],
        words_of("Grundstücks Gemarkung Elsen, Flur 29, Flurstück 1414", 750),
        words_of("verpflichtet sich, das Grenzgebäude zu dulden.", 750),
        words_of("Eingetragen am 12.03.1987", 750),
        [("2.", 100), ("826/18", 450), *words_of("Der jeweilige Eigentümer duldet", 750)],
        words_of("Leitungen. Eingetragen am 03.04.1990", 750),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels is not None
    assert Parcel("Elsen", 29, "826/18") not in parcels.value or not _sure(parcels, "parcels")


def test_a_gem_line_of_one_entry_names_no_gemarkung_of_the_next(gazetteer) -> None:
    page = make_page([
        *_PARTED_TOP,
        [("1.", 100), ("29", 250), ("1414", 450), *words_of("Der jeweilige Eigentümer des", 750)],
        [("Gem.", 250), ("Hemmerden", 400), *words_of("Grundstücks Gemarkung Elsen,", 750)],
        [("13", 250), ("88", 450), *words_of("Flur 29, Flurstück 1414 verpflichtet", 750)],
        words_of("sich, das Grenzgebäude zu dulden. Eingetragen am 12.03.1987", 750),
        [("2.", 100), ("30", 250), ("826/18", 450), *words_of("Der jeweilige Eigentümer duldet", 750)],
        words_of("Leitungen. Eingetragen am 03.04.1990", 750),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels is not None
    assert Parcel("Hemmerden", 30, "826/18") not in parcels.value or not _sure(parcels, "parcels")
