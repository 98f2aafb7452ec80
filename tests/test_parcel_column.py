"""The entries table's parcel column ("Belastetes Grundstück" over "Flur | Flurstück"), no Tesseract."""

from __future__ import annotations

import dataclasses

import pytest

from baulast.model import Parcel
from pipeline.extract import extract
from pipeline.layout import Row, rows_of
from pipeline.parcel_column import column_numbers, parcel_column
from tests.conftest import make_page, words_of

HEAD = [("Nr.", 100), ("Grundstück", 300), ("Inhalt", 900), ("der", 1090), ("Baulast", 1200),
        ("Veränderungen", 1600), ("Löschungen", 2050)]


def _parted_sheet(flur_cell: str = '"'):  # type: ignore[no-untyped-def]
    """A Baulastenverzeichnis page whose entries name their parcels in a column parted into Flur and Flurstück,
    its columns numbered under the head, a ditto mark (`flur_cell`) for the Flur above, a second Gemarkung, the
    Grundbuch sheet in the cell, and entry 2 referring to entry 1's parcels."""
    return make_page([
        words_of("Stadt Grevenbroich Der Bürgermeister"),
        words_of("Baulastenverzeichnis", 800),
        [*words_of("Gemarkung Elsen", 100), *words_of("Band I Blatt 3222", 1300)],
        [("Lfd.", 100), ("Belastetes", 300)],
        HEAD,
        [("Flur", 240), ("Flurstück", 420)],
        [("1", 110), ("2", 270), ("3", 500), ("4", 1100), ("5", 1700), ("6", 2150)],
        [("1.", 100), ("29", 250), ("1414", 450), *words_of("Der jeweilige Eigentümer des", 750)],
        [(flur_cell, 260), ("2580", 450), *words_of("Grundstücks Gemarkung Elsen,", 750)],
        [("30", 250), ("826/18", 450), *words_of("Flur 29, Flurstück 1414 verpflichtet", 750)],
        [("Gem.", 250), ("Hemmerden", 400), *words_of("sich, das Grenzgebäude zu dulden.", 750)],
        [("13", 250), ("88", 450), *words_of("Eingetragen am 12.03.1987", 750)],
        [("Gb.Bl.", 250), ("2392", 450)],
        [("2.", 100), ("wie", 250), ("lfd.", 380), *words_of("Der jeweilige Eigentümer duldet", 750)],
        [("Nr.", 250), ("1", 380), *words_of("Leitungen. Eingetragen am 03.04.1990", 750)],
    ])


def test_a_column_parted_into_flur_and_flurstueck(gazetteer) -> None:
    """Each line's numbers are read by the part they stand in: the ditto mark repeats the Flur above, "Gem."
    names the Gemarkung of the lines after it; the column numbers, the Grundbuch sheet ("Gb.Bl. 2392") and
    entry 2's reference to entry 1 ("wie lfd. Nr. 1") name no parcel."""
    found = extract(_parted_sheet(), gazetteer).parcels
    assert set(found.value) == {Parcel("Elsen", 29, "1414"), Parcel("Elsen", 29, "2580"),
                                Parcel("Elsen", 30, "826/18"), Parcel("Hemmerden", 13, "88")}


def test_a_flur_cell_left_empty_goes_on_from_the_line_above(gazetteer) -> None:
    found = extract(_parted_sheet(flur_cell="—"), gazetteer).parcels
    assert Parcel("Elsen", 29, "2580") in found.value


def test_a_poorly_read_head_word_heads_a_parted_column_only(gazetteer) -> None:
    """"Grundstück" read at confidence 40: the parts "Flur | Flurstück" under it show the column."""
    page = _parted_sheet()
    poor = dataclasses.replace(page, words=tuple(
        dataclasses.replace(w, conf=40.0) if w.text == "Grundstück" else w for w in page.words))
    rows = rows_of(poor)
    head_row = next(i for i, row in enumerate(rows) if row.words[0].text == "Nr.")
    assert "Flurstück 1414" in parcel_column(rows, head_row).text


@pytest.mark.parametrize("marks, numbered", [
    ("1 2 3 4 5 6", True), ("1 2 3 A 4 2 5 6", True), ("3 4 6", True),
    ("1 2", False), ("29 1414", False), ("1 Der jeweilige", False), ("6 4 2", False),
])
def test_column_numbers(marks: str, numbered: bool) -> None:
    words = make_page([words_of(marks)]).words
    assert column_numbers(Row(words)) is numbered



def _book_page(rule: bool = False):  # type: ignore[no-untyped-def]
    """A Baulastenbuch's page: the burdened parcel of each entry written in its column in pen, the Gemarkung's
    label and name on lines of their own above its Flur and Flurstück, the head's second line a caption; `rule`:
    the column's rules read as marks ("|") beside the head's words."""
    bar = [("|", 250)] if rule else []
    return make_page([
        words_of("Baulastenbuch Blatt 3038 Gemeinde Kaarst Band I"),
        [("Lfd.", 100), *bar, ("Belastetes", 330), ("Grundstück", 650), ("Inhalt", 1100), ("der", 1310),
         ("Baulast", 1430), ("Tag", 1900), ("der", 2020), ("Eintragung", 2140)],
        [("Nr.", 100), *bar, ("(Gemarkung,", 330), ("Flur,", 680), ("Flurstück)", 850)],
        [("1.", 100), ("Gemarkung", 300), *words_of("Der jeweilige Eigentümer des", 1000), ("12.5.1954", 1900)],
        [("Büttgen", 300), *words_of("Grundstücks Gemarkung Büttgen, Flur", 1000)],
        [("Flur", 300), ("7,", 450), ("Flurst.", 540), *words_of("7, Flurstück 1299/15 verpflichtet sich", 1000)],
        [("1299/15", 300), *words_of("gegenüber der Stadt Kaarst, die Zufahrt", 1000)],
        [*words_of("zugunsten des Grundstücks Gemarkung Büttgen,", 1000)],
        [*words_of("Flur 6, Flurstück 417 zu dulden.", 1000)],
        [("2.", 100), ("wie", 300), ("lfd.", 420), ("Nr.", 540), ("1", 660),
         *words_of("Der jeweilige Eigentümer duldet", 1000), ("23.6.1960", 1900)],
    ])


@pytest.mark.parametrize("rule", [False, True], ids=["plain", "rules-read-as-marks"])
def test_a_columns_lines_of_words_are_its_cells_once_the_entries_begin(gazetteer, rule: bool) -> None:
    """"Gemarkung" / "Büttgen" on lines of their own are the cell's, though they hold no number; the head's second
    line "(Gemarkung, Flur, Flurstück)" is not. A rule read as "|" left of the head's words is where the column
    begins: the running numbers left of it are none of its lines."""
    page = _book_page(rule)
    assert parcel_column(rows_of(page), 1).text == "Gemarkung Büttgen Flur 7, Flurst. 1299/15 wie lfd. Nr. 1"
    found = extract(page, gazetteer).parcels
    assert found.value == (Parcel("Büttgen", 7, "1299/15"),)
