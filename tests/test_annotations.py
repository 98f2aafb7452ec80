"""What was written onto a typed header later: a correction between the lines, a stamp beside the parcel lines."""

from __future__ import annotations

from baulast.model import Parcel
from pipeline.extract import extract
from tests.conftest import TABLE_HEAD_ROW, make_page, words_of

TITLE = [words_of("Stadt Dormagen Der Bürgermeister"), words_of("Baulastenblatt Nr. 1.234")]
# "Gemarkung Zons, Flur 3, Flurstück(e)" from x=200 ends at 1190; the first number stands at 1220.
PARCEL_LINE = "Gemarkung Zons, Flur 3, Flurstück"


def _entry(parcel_text: str) -> list[list[tuple[str, int]]]:
    return [[("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Zons,", 600)],
            [*words_of(f"Flur 3, {parcel_text} übernimmt die Abstandfläche.", 600),
             *words_of("Eingetragen", 1800)],
            words_of("am 12.03.1987", 1800)]


def _sheet(*header: list[tuple[str, int]], restated: str) -> list:
    return make_page([*TITLE, *header, TABLE_HEAD_ROW, *_entry(restated)])


def test_a_number_written_over_a_struck_flurstueck_replaces_it_and_a_person_confirms(gazetteer) -> None:
    """"jetzt 123/4" over "Flurstück 123" after a renumbering: the new number is the parcel's, the entry text
    (written before) restating the old one confirms it, and the record goes to a person."""
    page = _sheet([("jetzt", 1150), ("123/4", 1330)], words_of(f"{PARCEL_LINE} 123"), restated="Flurstück 123")
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "123/4"),)
    assert parcels.confidence <= 0.6


def test_two_numbers_over_two_struck_ones_each_replace_their_own(gazetteer) -> None:
    # "Flurstücke 1619 und 418": 1619 at 1250, "und" at 1400, 418 at 1520.
    page = _sheet([("1628", 1250), ("465", 1520)], words_of(f"{PARCEL_LINE}e 1619 und 418"),
                  restated="Flurstücke 1619 und 418")
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "1628"), Parcel("Zons", 3, "465"))
    assert parcels.confidence <= 0.6


def test_a_list_running_on_over_the_next_parcel_line_is_no_correction(gazetteer) -> None:
    """A line ending "12," runs on to "14"; that "14" stands over the next line's number is chance."""
    page = _sheet(words_of(f"{PARCEL_LINE}e 12,"), [("14", 1220)], words_of("Gemarkung Zons, Flur 4, Flurstück 15"),
                  restated="Flurstück 12")
    assert set(extract(page, gazetteer).parcels.value) == {Parcel("Zons", 3, "12"), Parcel("Zons", 3, "14"),
                                                           Parcel("Zons", 4, "15")}


def test_a_stamp_beside_a_list_running_on_does_not_break_it(gazetteer) -> None:
    """A Katasterfortführung stamp right of the parcel lines: Tesseract reads its lines into theirs, and its
    date between "Flurstücke 12 und" and "13"; the list is read whole, as sure as the entry text restating it
    makes it, and the stamp's "FN 426/82" is no parcel."""
    page = _sheet([*words_of(f"{PARCEL_LINE}e 12 und"), *words_of("berücksichtigt am", 1800)],
                  words_of("19. MAI 1982", 1800),
                  [("13", 400), *words_of("FN 426/82", 1800)],
                  restated="Flurstücke 12 und 13")
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "12"), Parcel("Zons", 3, "13"))
    assert parcels.confidence >= 0.75


def test_a_speck_between_a_list_and_its_last_line_does_not_break_it(gazetteer) -> None:
    page = make_page([*TITLE, words_of(f"{PARCEL_LINE}e 12 und"), [("i", 900)], [("13", 400)], TABLE_HEAD_ROW,
                      *_entry("Flurstücke 12 und 13")])
    speck = next(w for w in page.words if w.text == "i")
    page = page.__class__(page.number, page.width, page.height,
                          tuple(w if w is not speck else w.__class__("i", 0.0, (900, speck.bbox[1], 903, speck.bbox[1]
                                                                                + 4), w.block, w.par, w.line)
                                for w in page.words), page.text)
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "12"), Parcel("Zons", 3, "13"))
    assert parcels.confidence >= 0.75


def test_a_grid_heads_column_far_right_is_no_stamp(gazetteer) -> None:
    """A grid's head row "Gemarkung | Flur | Flurstück | Grundbuchblatt", its last column far right: no stamp
    beside a parcel line, so the Grundbuchblatt's column stays a column and its number no parcel."""
    page = make_page([*TITLE, [("Gemarkung", 200), ("Flur", 600), ("Flurstück", 900), ("Grundbuchblatt", 1800)],
                      [("Zons", 200), ("3", 600), ("123/4,", 900), ("125,", 1110), ("126,", 1290), ("127,", 1470),
                       ("128", 1650), ("3168", 1800)], TABLE_HEAD_ROW,
                      *_entry("Flurstücke 123/4, 125, 126, 127 und 128")])
    assert extract(page, gazetteer).parcels.value == tuple(Parcel("Zons", 3, n) for n in ("123/4", "125", "126",
                                                                                            "127", "128"))


def test_a_second_column_of_the_header_is_no_stamp(gazetteer) -> None:
    """A card's header in two columns, "Gemeinde Dormagen | Gemarkung Zons" over "Flur 3, Flurst. 12 |
    Gartenstraße 58": the address beside the parcel line stands apart like a stamp, but dates nothing, and the
    right column names the Gemarkung: nothing is cut."""
    page = make_page([*TITLE, [*words_of("Gemeinde Dormagen"), *words_of("Gemarkung Zons", 1400)],
                      [*words_of("Flur 3, Flurst. 12"), *words_of("Gartenstraße 58", 1400)], TABLE_HEAD_ROW,
                      *_entry("Flurstück 12")])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "12"),)
    assert parcels.confidence >= 0.75


def test_a_labels_value_over_a_parcel_line_is_no_correction(gazetteer) -> None:
    """"Register-Nr.:" over "3573" over the parcel line's "Flurstück: 963": the number is its label's value, and
    the number before a field's label ("03 Gem. Zons ...", a register program's field list) is no Flurstück."""
    page = make_page([*TITLE, [("Register-Nr.:", 1200)], [("3573", 1220)], words_of(f"{PARCEL_LINE} 963"),
                      [("02", 100), ("Dormagen", 1500)], [("03", 100), *words_of("Gem. Zons Fl. 3 Flst. 12", 200)],
                      TABLE_HEAD_ROW, *_entry("Flurstück 963")])
    parcels = extract(page, gazetteer).parcels
    assert set(parcels.value) == {Parcel("Zons", 3, "963"), Parcel("Zons", 3, "12")}
    assert parcels.confidence > 0.6
