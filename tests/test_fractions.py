"""Flurstücke written as stacked fractions in a register's parcel column: the Zähler over the Nenner."""

from __future__ import annotations

import dataclasses

from baulast.model import OcrPage, Parcel
from pipeline.extract import extract
from tests.conftest import make_page, words_of

HEAD = [("Blattnr.", 100), ("Belastetes", 330), ("Grundstück", 650), ("Lfd.", 1000), ("Inhalt", 1200), ("der", 1400),
        ("Baulast", 1520), ("Eintragungstag", 1900)]


def _register_page(parcel_line: list[tuple[str, int]], under: list[tuple[str, int]],
                   restated: str = "1020/32") -> OcrPage:
    """A register book's page: the sheet's parcels in their column, "Gmkg." / "Fl." / "Flst." on lines of
    their own, entry 1's text and date beside them. "u." is in a short type (no ascender), as printed."""
    page = make_page([
        words_of("Baulastenverzeichnis für die Stadt Kaarst"),
        HEAD,
        [("1164c", 100), ("Gmkg.", 330), ("Kaarst", 500), ("1", 1000), *words_of("Der jeweilige Eigentümer des", 1200),
         ("11.11.1990", 1900)],
        [("Fl.", 330), ("21", 450), *words_of("Grundstücks Gemarkung Kaarst, Flur", 1200)],
        [*parcel_line, *words_of(f"21, Flurstück {restated} verpflichtet", 1200)],
        [*under, *words_of("sich gegenüber der Stadt Kaarst.", 1200)],
    ])
    return dataclasses.replace(page, words=tuple(
        dataclasses.replace(w, bbox=(w.bbox[0], w.bbox[3] - 15, w.bbox[2], w.bbox[3])) if w.text == "u." else w
        for w in page.words))


def test_a_nenner_under_its_zaehler_makes_one_flurstueck(gazetteer) -> None:
    """"Flst. 1020 u. 192" over "32 22", each Nenner centred under its Zähler: 1020/32 and 192/22. The short
    "u." does not end the cell: the gap after it is measured in the cell's type size."""
    page = _register_page([("Flst.", 330), ("1020", 500), ("u.", 650), ("192", 740)], [("32", 530), ("22", 755)])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Kaarst", 21, "1020/32"), Parcel("Kaarst", 21, "192/22"))


def test_a_list_running_on_under_its_first_number_is_no_nenner(gazetteer) -> None:
    page = _register_page([("Flst.", 330), ("1020,", 500)], [("1021", 500)], restated="1020")
    assert extract(page, gazetteer).parcels.value == (Parcel("Kaarst", 21, "1020"), Parcel("Kaarst", 21, "1021"))
