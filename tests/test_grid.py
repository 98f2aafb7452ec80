"""Parcel labels despite OCR misreadings, and grids whose labels head columns (no Tesseract)."""

from __future__ import annotations

import dataclasses

import pytest

from baulast.model import Parcel
from baulast.parcels import parse_parcels
from pipeline.extract import extract
from pipeline.grid import grid_parcel_text, label_text, parcel_label
from pipeline.layout import rows_of
from tests.conftest import TABLE_HEAD_ROW, make_page, words_of


@pytest.mark.parametrize("word, label", [
    ("Gemarkung", "Gemarkung"), ("GEMARKUNG!", "Gemarkung"), ("Semarkung", "Gemarkung"), ("Gemärkung:", "Gemarkung"),
    ("Flur", "Flur"), ("FLÜR:", "Flur"), ("Flur-Nr.:", "Flur"), ("Fur", "Flur"), ("lur", "Flur"), ("Elur", "Flur"),
    ("Fluor", "Flur"),
    ("Flurstück(e):", "Flurstück"), ("Flurstück(le)", "Flurstück"), ("_Flurstücke", "Flurstück"),
    ("Plurstfick(e)", "Flurstück"), ("Flst.", "Flurstück"), ("Flurs.", "Flurstück"), ("FLURSTÜCK(E):", "Flurstück"),
    ("Parzelle", "Flurstück"), ("Parz.", "Flurstück"),
    ("für", None), ("Für", None), ("Flut", None), ("Flure3", None), ("Grundstück", None), ("Bemerkungen", None),
    ("12", None), ("", None),
])
def test_parcel_label(word: str, label: str | None) -> None:
    assert parcel_label(word) == label


@pytest.mark.parametrize("line, parcels", [
    ("GEMARKUNG! Bedburdyck FLUR! 37 FLURSTÜCK(E): 2239/17, 65/29",
     [Parcel("Bedburdyck", 37, "2239/17"), Parcel("Bedburdyck", 37, "65/29")]),
    ("Gemarkung Hoisten Flur 36 Flurstück(le) 106/28", [Parcel("Hoisten", 36, "106/28")]),
    ("Gemarkung Osterath Flur 33 _Flurstücke 98/12", [Parcel("Osterath", 33, "98/12")]),
    ("Gemarkung Hackenbroich Fur 12 Flurstücke 5/5", [Parcel("Hackenbroich", 12, "5/5")]),
    ("Amt für Bauordnung Gemarkung Zons Flur 3 Flurstück 7", [Parcel("Zons", 3, "7")]),
    ("Gemarkung: Zons, Flur-Nr.: 3, Flurstücks-Nr.: 12", [Parcel("Zons", 3, "12")]),
])
def test_misread_labels_still_read_as_labels(line: str, parcels: list[Parcel]) -> None:
    words = [make_page([words_of(line)]).words]
    assert parse_parcels(label_text(words[0])) == parcels


def grid(*rows: list[tuple[str, int]]):  # type: ignore[no-untyped-def]
    return rows_of(make_page(list(rows)))


LABELS = [("Gemarkung", 200), ("Flur", 800), ("Flurstück(e)", 1100), ("Lage", 1700)]


def test_each_value_row_is_one_clause_and_continues_the_gemarkung_above() -> None:
    rows = grid(LABELS, [("Gustorf", 200), ("17", 800), ("185", 1100), ("Bahnhofstraße", 1700), ("66", 2100)],
                [("18", 810), ("2030/7", 1100)], words_of("Grundbuch von Gustorf Blatt 1340"))
    text = grid_parcel_text(rows)
    assert parse_parcels(text) == [Parcel("Gustorf", 17, "185"), Parcel("Gustorf", 18, "2030/7")]


def test_table_rules_and_lists_in_a_cell() -> None:
    rows = grid([("|", 150), *LABELS], [("|", 150), ("Kleinenbroich", 200), ("8", 800), ("|", 1050),
                                         ("873,", 1100), ("288/39", 1250), ("|", 1650)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Kleinenbroich", 8, "873"),
                                                      Parcel("Kleinenbroich", 8, "288/39")]


def test_a_caption_of_the_parts_heads_no_columns(gazetteer) -> None:
    """"Belastetes Grundstück (Gemarkung, Flur, Flurstück)" names what one cell holds: the words below its labels
    are no grid's cells (a parcel column's lines, the entry text beside them)."""
    rows = grid([("Lfd.", 500), ("Belastetes", 816), ("Grundstück", 1088), ("Inhalt", 2174)],
                [("Nr.", 520), ("(Gemarkung,", 718), ("Flur,", 1078), ("Flurstück)", 1222)],
                [("1.", 504), ("Gemarkung", 708), *words_of("Der jeweilige Eigentümer", 1550)],
                [("Büderich", 706), *words_of("Gemarkung Büderich, Flur 27, Flurstück 332", 1554)],
                [("Flur", 702), ("27,", 872), ("Flurst.", 1004), ("332", 1242), *words_of("verpflichtet sich", 1524)])
    known = lambda name: gazetteer.match_gemarkung(name) is not None if name else False  # noqa: E731
    assert grid_parcel_text(rows, known) == ""
    # The same labels apart, without the caption's commas, head a grid.
    rows = grid([("Gemarkung", 300), ("Flur", 650), ("Flurstück", 820)], [("Büderich", 300), ("27", 650),
                                                                         ("332", 820)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Büderich", 27, "332")]


def test_a_misread_flur_label_still_heads_its_column() -> None:
    rows = grid([("Gemarkung", 200), ("lur", 800), ("Flurstücke", 1100)], [("Kaarst", 200), ("27.", 800),
                                                                          ("1010/39", 1100)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Kaarst", 27, "1010/39")]


def test_a_noise_row_without_a_flur_is_no_parcel() -> None:
    rows = grid(LABELS, [("este", 200), ("er", 400), ("4", 1100), ("i", 1300)],
                [("Gustorf", 200), ("17", 800), ("185", 1100)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Gustorf", 17, "185")]


def test_a_filled_typewriter_line_is_no_label_row() -> None:
    rows = grid(words_of("Gemarkung Zons Flur 3 Flurstück 12"), words_of("Gemarkung Flur Flurstück(e)"),
                words_of("Grundstück: Kirchstraße 7"))
    assert grid_parcel_text(rows) == ""


def test_entry_prose_read_without_the_remarks_column(gazetteer) -> None:
    """The entry restates the header's parcel across two lines with the Eintragungsdatum of the
    remarks column between them: the two readings still agree, so the parcel is confirmed."""
    page = make_page([
        words_of("Stadt Dormagen Der Bürgermeister"), words_of("Baulastenblatt Nr. 88"),
        [("Gemarkung", 200), ("Zons", 520), ("Flur", 800), ("3", 950), ("Flurstück", 1100), ("123/4", 1450)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Grundstücks Gemarkung Zons, Flur", 600), ("12.03.1987", 1800)],
        [*words_of("3, Flurstück 123/4 übernimmt die", 600), *words_of("gez. Weber", 1800)],
        words_of("Abstandfläche zugunsten Flurstück 130.", 600),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "123/4"),)
    assert parcels.confidence >= 0.85


def test_a_row_with_an_unreadable_flur_counts_only_under_a_known_gemarkung() -> None:
    rows = grid(LABELS, [("Dormagen", 200), ("E", 800), ("513/7", 1100)], [("este", 200), ("i", 800), ("4", 1100)])
    known = {"Dormagen"}.__contains__
    assert parse_parcels(grid_parcel_text(rows, known)) == [Parcel("Dormagen", None, "513/7")]
    assert grid_parcel_text(rows) == ""  # nothing known: no row counts


def test_an_unreadable_flur_in_a_grid_is_completed_from_the_entry_text(gazetteer) -> None:
    page = make_page([
        words_of("Stadt Dormagen Der Bürgermeister"), words_of("Baulastenblatt Nr. 227"),
        LABELS, [("Dormagen", 200), ("E", 800), ("513/7", 1100)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Gemarkung Dormagen, Flur", 600), ("12.03.1987", 1800)],
        words_of("27, Flurstück 513/7 verpflichtet sich", 600),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Dormagen", 27, "513/7"),)


def test_flurstuecke_under_one_unreadable_flur_share_the_flur_the_entry_names(gazetteer) -> None:
    page = make_page([
        words_of("Gemeinde Rommerskirchen"), words_of("BAULASTENBLATT NR. 77"), words_of("GEMARKUNG: Rommerskirchen"),
        words_of("FLUR: ah"), words_of("FLURSTÜCK(E): 374/30, 130/2"),
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Gemarkung Rommerskirchen,", 600), ("12.03.1987", 1800)],
        words_of("Flur 11, Flurstück 374/30", 600),
    ])
    parcels = extract(page, gazetteer).parcels
    assert set(parcels.value) == {Parcel("Rommerskirchen", 11, "374/30"), Parcel("Rommerskirchen", 11, "130/2")}
    assert parcels.confidence < 0.75  # the Flur is one reading only


def test_an_unreadable_header_falls_back_to_the_first_parcel_of_the_entry_prose(gazetteer) -> None:
    page = make_page([
        words_of("Stadt Meerbusch Der Bürgermeister"), words_of("Baulastenblatt Nr. 31"),
        words_of("Gemarkung Lank _ ___._. . Flar 42 Frei 1031 4"),
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Gemarkung Lank, Flur 12,", 600), ("12.03.1987", 1800)],
        words_of("Flurstück 1031 gestattet dem Eigentümer", 600),
        words_of("von Gemarkung Lank, Flur 12, Flurstück 113", 600),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Lank", 12, "1031"),)
    assert parcels.confidence < 0.75


def partly_restated(conf: float):  # type: ignore[no-untyped-def]
    """Two header parcels; the entry prose restates only the first."""
    return make_page([
        words_of("Stadt Dormagen Der Bürgermeister"), words_of("Baulastenblatt Nr. 88"),
        words_of("Gemarkung Zons Flur 3 Flurstücke 123/4, 125"),
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Die Eigentümer des Grundstücks", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Gemarkung Zons, Flur 3,", 600), ("12.03.1987", 1800)],
        words_of("Flurstück 123/4 verpflichten sich", 600),
    ], conf=conf)


@pytest.mark.parametrize("conf, trusted", [(97.0, True), (88.0, False)])
def test_a_parcel_the_prose_does_not_restate_needs_a_sure_reading(gazetteer, conf, trusted) -> None:
    parcels = extract(partly_restated(conf), gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "123/4"), Parcel("Zons", 3, "125"))
    assert (parcels.confidence >= 0.75) is trusted


@pytest.mark.parametrize("second_line", [
    "Gemarkung Elsen Flur 28 Eur 75, 288/13",  # "Flurst." misread: two parcels lost
    "Gemarkung Elsen Flur 29 Fl 1768",
])
def test_a_parcel_line_that_yields_nothing_makes_the_parcels_untrusted(gazetteer, second_line) -> None:
    """The prose confirms the parcel that was read; the header's other line was lost."""
    page = make_page([
        words_of("Stadt Grevenbroich Der Bürgermeister"), words_of("Baulastenblatt Nr. 432"),
        words_of("Gemarkung Elsen Flur 28 Flurstück 713"), words_of(second_line),
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der Eigentümer des Grundstücks", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Gemarkung Elsen, Flur 28,", 600), ("12.03.1987", 1800)],
        words_of("Flurstück 713 verpflichtet sich", 600),
    ])
    parcels = extract(page, gazetteer).parcels
    assert Parcel("Elsen", 28, "713") in parcels.value and parcels.confidence < 0.75


def test_a_parcel_without_flur_is_never_trusted(gazetteer) -> None:
    page = make_page([words_of("Stadt Dormagen"), words_of("Baulastenblatt Nr. 9"),
                      words_of("Gemarkung Zons Flurstück 12"), *ENTRY_ROWS])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", None, "12"),) and parcels.confidence <= 0.5


ENTRY_ROWS = [
    TABLE_HEAD_ROW,
    [("1", 220), *words_of("Der Eigentümer des Grundstücks", 600), *words_of("Eingetragen am", 1800)],
    [*words_of("Gemarkung Zons, Flurstück 12", 600), ("12.03.1987", 1800)],
]


def test_one_column_headed_flur_slash_flurstueck() -> None:
    """"Flur / Flurstück(e)" heads one column whose cells name their Flur ("Flur 31: 1294")."""
    rows = grid([("Gemarkung", 200), ("Flur", 800), ("/", 950), ("Flurstück(e)", 1000), ("Lagebezeichnung", 1600)],
                [("Zons", 200), ("Flur", 800), ("31:", 950), ("1294", 1060), ("Mühlenweg", 1600), ("96a", 1900)],
                [("Flur", 800), ("32:", 950), ("1624/24", 1060)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Zons", 31, "1294"), Parcel("Zons", 32, "1624/24")]


def test_the_slash_read_with_the_flurstueck_label() -> None:
    rows = grid([("Gemarkung", 200), ("Flur", 800), ("/Flurstückle)", 900), ("Lagebezeichnung", 1600)],
                [("Hackenbroich", 200), ("Flur", 800), ("15:", 950), ("1838", 1060)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Hackenbroich", 15, "1838")]


def test_a_grid_row_beside_the_grundbuch_line_is_read(gazetteer) -> None:
    """The grid's value row shares its visual row with "Grundbuch von" in the column beside it:
    the Grundbuch's words are left out, the parcel is not."""
    page = make_page([
        words_of("Baulastenblatt Nr. 358"),
        [("Gemarkung", 200), ("Flur", 800), ("Flurstück/Parz.", 1100), ("Straße", 1800)],
        [("Büttgen", 200), ("1", 800), ("919", 1100)] + [("Grundbuch", 1800), ("von", 2100)],
        [("Büttgen", 1800)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der Eigentümer des Grundstücks Gemarkung", 600)],
        words_of("Büttgen, Flur 1, Flurstück 919 übernimmt", 600),
        words_of("die Abstandfläche zugunsten Flur 1, Flurstück 154/35.", 600),
    ])
    # make_page gives each row one OCR line; the Grundbuch words form a line of their own
    words = [w if w.text not in ("Grundbuch", "von") else dataclasses.replace(w, block=99) for w in page.words]
    extraction = extract(dataclasses.replace(page, words=tuple(words)), gazetteer)
    assert extraction.parcels.value == (Parcel("Büttgen", 1, "919"),) and extraction.parcels.confidence >= 0.75


def test_a_head_row_shared_by_the_parcel_grid_and_the_entries_table(gazetteer) -> None:
    """"Gemarkung | Flur | Flurstück | Lfd. | Gegenstand der Baulast | Eingetragen": the burdened
    parcel stands in the table's first row, left of the entry text."""
    page = make_page([
        words_of("Baulastenblatt 2321"),
        [("Gemarkung", 100), ("Flur", 400), ("Flurstück", 550), ("Lfd.", 850), ("Gegenstand", 1000), ("der", 1330),
         ("Baulast", 1450), ("Eingetragen", 2150)],
        [("Zons", 100), ("13", 400), ("621/35", 550), ("1", 850), *words_of("Der Eigentümer des Grundstücks", 1000),
         ("10.12.2009", 2150)],
        words_of("Gemarkung Zons, Flur 13, Flurstück", 1000),
        words_of("621/35 verpflichtet sich, zugunsten", 1000),
        words_of("Gemarkung Zons, Flur 12, Flurstück 248", 1000),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Zons", 13, "621/35"),) and extraction.parcels.confidence >= 0.85


def test_a_speck_beside_a_taller_head_label_does_not_split_the_head_row() -> None:
    """"Gemarkung" in a shaded cell, its box taller than the other heads, with a speck read as "!"
    at its foot in the same OCR line: the line's place is its word's, not the speck's, so the
    head row holds all three labels and every value row beneath is read."""
    from baulast.model import OcrPage, Word

    def word(text: str, x: int, top: int, bottom: int, block: int, line: int, conf: float = 95.0) -> Word:
        return Word(text, conf, (x, top, x + 25 * len(text), bottom), block, 1, line)

    words = (word("!", 160, 514, 515, 1, 1, conf=0), word("Gemarkung", 170, 480, 517, 1, 1),
             word("Flur", 626, 484, 503, 2, 1), word("Flurstück", 760, 484, 503, 2, 1),
             word("Kapellen", 171, 534, 560, 3, 1), word("26", 626, 535, 554, 4, 1), word("168", 760, 535, 554, 4, 1),
             word("Kapellen", 171, 579, 605, 3, 2), word("27", 626, 580, 599, 4, 2), word("764", 760, 580, 599, 4, 2))
    rows = rows_of(OcrPage(1, 2480, 3508, words, ""))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Kapellen", 26, "168"), Parcel("Kapellen", 27, "764")]


def test_a_grid_repeated_for_each_flur_is_read_whole() -> None:
    """A form with one row of Gemarkung | Flur | Flurstück(e) boxes for each Flur."""
    rows = rows_of(make_page([
        [("Gemarkung", 200), ("Flur", 800), ("Flurstück(e)", 1000)],
        [("Nierst", 200), ("28", 800), ("996/38", 1000)],
        [("Gemarkung", 200), ("Flur", 800), ("Flurstück(e)", 1000)],
        [("Nierst", 200), ("29", 800), ("73,", 1000), ("1807/3", 1150)],
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Nierst", 28, "996/38"), Parcel("Nierst", 29, "73"),
                                                     Parcel("Nierst", 29, "1807/3")]


def test_a_grid_whose_labels_are_centred_over_their_columns() -> None:
    """A printed form's heads centred over wide columns ("Gemarkung | Flur | Parzelle | Größe"), the values
    written at each column's left edge, left of its label: a short Parzelle number stands nearer the Flur
    label, and the area ("4143 qm") is none."""
    rows = rows_of(make_page([
        [("Gemarkung", 450), ("Flur", 1050), ("Parzelle", 1430), ("Größe", 1980)],
        [("Kaarst", 210), ("6", 970), ("133", 1265), ("415", 1790), ("qm", 1910)],
        [("Kaarst", 210), ("6", 970), ("38", 1265), ("3209", 1790), ("qm", 1940)],
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Kaarst", 6, "133"), Parcel("Kaarst", 6, "38")]


def test_a_grid_row_whose_list_wraps_onto_the_next_line() -> None:
    rows = rows_of(make_page([
        [("Gemarkung", 230), ("Flur", 850), ("Flurstück(e)", 1055), ("Lage", 1500)],
        [("Zons", 230), ("26", 850), ("92/33", 1055)],
        [("Zons", 230), ("27", 850), ("811/24,", 1055), ("691", 1280), ("und", 1390)],
        [("1035/31", 1055)],
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Zons", 26, "92/33"), Parcel("Zons", 27, "811/24"),
                                                     Parcel("Zons", 27, "691"), Parcel("Zons", 27, "1035/31")]


@pytest.mark.parametrize("lost_row", [
    [("Glehn", 230), ("2", 850), ("ırms.", 1055)],  # a grid row, its Flurstück unread
], ids=["grid-row-unread"])
def test_a_lost_parcel_row_leaves_the_parcels_unsure(gazetteer, lost_row) -> None:
    page = make_page([
        words_of("Stadt Korschenbroich Der Stadtdirektor"),
        words_of("Baulastenblatt Nr. 77"),
        [("Gemarkung", 230), ("Flur", 850), ("Flurstück", 1055), ("Lage", 1500)],
        lost_row,
        [("Pesch", 230), ("26", 850), ("1026", 1055), ("Hinter", 1500), ("den", 1700), ("Höfen", 1800)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Pesch,", 600)],
        words_of("Flur 26, Flurstück 1026 übernimmt die Abstandfläche.", 600),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Pesch", 26, "1026"),) and parcels.confidence <= 0.5


def test_an_unlabelled_header_line_of_a_gemarkung_no_parcel_has_leaves_the_parcels_unsure(gazetteer) -> None:
    """The grid's labels went unread; a line opens with a Gemarkung and numbers, and yields no parcel."""
    page = make_page([
        words_of("Stadt Korschenbroich Der Stadtdirektor"),
        words_of("Baulastenblatt Nr. 77"),
        words_of("Gemarkung Pesch Flur 26 Flurstück 1026"),
        words_of("Glehn 2 ı012 / 15 3,998 m²"),
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Pesch,", 600)],
        words_of("Flur 26, Flurstück 1026 übernimmt die Abstandfläche.", 600),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Pesch", 26, "1026"),) and parcels.confidence <= 0.5


def test_a_grid_cell_with_a_spaced_slash() -> None:
    """"ı012 / 15": the slash stands apart, the 1 read as a dotless i; one Flurstück, not 1012 and 15."""
    rows = rows_of(make_page([
        [("Gemarkung", 230), ("Flur", 850), ("Flurstück", 1055), ("Lage", 1500)],
        [("Glehn", 230), ("2", 850), ("ı012", 1055), ("/", 1180), ("15", 1220)],
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Glehn", 2, "1012/15")]


def test_a_centred_grid_with_short_values_under_their_labels_and_an_area_column() -> None:
    """Values centred under their centred labels ("2" under "Flur") stay in their column; the area under a
    "qm" head is no Flurstück."""
    rows = rows_of(make_page([
        [("Gemarkung", 400), ("Flur", 900), ("Flurstück", 1200), ("qm", 1700)],
        [("Rommerskirchen", 200), ("2", 945), ("45/3", 1275), ("4143", 1680)],
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Rommerskirchen", 2, "45/3")]


def test_a_centred_grid_with_a_row_of_specks_under_its_labels() -> None:
    """A rule's specks read as a row ("+ + . 4") between the labels and the values tell nothing of the grid."""
    rows = rows_of(make_page([
        [("Gemarkung", 450), ("Flur", 1050), ("Parzelle", 1430), ("Größe", 1980)],
        [("+", 187), ("+", 937), (".", 2109), ("4", 2280)],
        [("Strümp", 210), ("33", 970), ("734", 1265), ("1346", 1810), ("qm", 1930)],
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Strümp", 33, "734")]


def test_a_speck_read_as_a_digit_between_the_labels_leaves_the_label_row() -> None:
    page = make_page([
        [("Gemarkung", 300), ("3", 520), ("Flur", 700), ("Parzelle", 960), ("Größe", 1320)],
        [("Otzenrath", 150), ("39", 650), ("145", 830), ("4230", 1190), ("qm", 1290)],
    ])
    speck = next(w for w in page.words if w.text == "3")
    words = tuple(dataclasses.replace(w, bbox=(w.bbox[0], w.bbox[1] + 5, w.bbox[2], w.bbox[1] + 6)) if w is speck
                  else w for w in page.words)
    rows = rows_of(dataclasses.replace(page, words=words))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Otzenrath", 39, "145")]


def test_a_left_aligned_grid_after_a_running_number_is_read_by_its_left_edges() -> None:
    """A grid with a running number's column ("Nr. | Gemarkung | Flur | Flurstück | Lage") whose values start
    under their labels: a Flurstück list running to the right ("123/4, 125") stays in its column, whatever
    stands at the margin below the grid."""
    rows = rows_of(make_page([
        [("Nr.", 100), ("Gemarkung", 300), ("Flur", 800), ("Flurstück", 1000), ("Lage", 1500)],
        [("1", 100), ("Zons", 300), ("3", 800), ("123/4,", 1000), ("125", 1300)],
        words_of("Grundbuch von Zons Blatt 2993", 100),
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Zons", 3, "123/4"), Parcel("Zons", 3, "125")]


ALKIS = [("Gemarkung", 200), ("Gmkg.-Nr.", 600), ("Flur", 900), ("Zähler", 1100), ("Nenner", 1350), ("Lage", 1600)]


def test_zaehler_and_nenner_in_columns_of_their_own() -> None:
    """An ALKIS print: the Flurstück as Zähler and Nenner, the Gemarkung's number beside its name."""
    rows = grid([("2", 120), ("Belastete", 200), ("Flurstücke", 500)], ALKIS,
                [("Pesch", 200), ("059872", 600), ("32", 900), ("1051", 1100), ("14", 1350), ("Lindenweg", 1600)],
                [("Pesch", 200), ("059872", 600), ("32", 900), ("463", 1100), ("?", 1350)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Pesch", 32, "1051/14"), Parcel("Pesch", 32, "463")]


def test_a_grid_of_benefiting_parcels_names_none_of_the_sheet() -> None:
    rows = grid([("2", 120), ("Belastete", 200), ("Flurstücke", 500)], ALKIS,
                [("Zons", 200), ("053060", 600), ("22", 900), ("213", 1100)],
                [("3", 120), ("Begünstigte", 200), ("Flurstücke", 500)], ALKIS,
                [("Zons", 200), ("053060", 600), ("22", 900), ("449", 1100), ("39", 1350)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Zons", 22, "213")]


def test_a_forms_values_over_its_captions() -> None:
    """A card typed over its captions ("Rommerskirchen | 26 | 383/19" over "Gemarkung | Flur | Flurstück(e)"):
    the row above names the parcel where none below does; a labelled line above names none this way."""
    known = {"Rommerskirchen"}.__contains__
    captions = [("Gemarkung", 200), ("Flur", 800), ("Flurstück(e)", 1100), ("Lage", 1700)]
    typed = [("Rommerskirchen", 200), ("26", 800), ("383/19", 1100), ("Bahnhofstraße", 1700), ("109", 2100)]
    rows = grid(words_of("Rommerskirchen 8730 63/3-7490/85"), typed, captions, words_of("Eingetr. Inhalt der Baulast"))
    assert parse_parcels(grid_parcel_text(rows, known)) == [Parcel("Rommerskirchen", 26, "383/19")]
    assert grid_parcel_text(grid(typed, captions), lambda name: False) == ""  # a Gemarkung nobody knows
    labelled = grid(words_of("Gemarkung Rommerskirchen Flur 26 Flurstück 383/19"), captions)
    assert grid_parcel_text(labelled, known) == ""


def test_the_alkis_key_column_heads_no_flurstueck() -> None:
    """"Flurstück | Flurstückskennzeichen": the second column holds the ALKIS key, no Flurstück."""
    labels = [("Nr.", 140), ("Gemarkung", 223), ("Gmkg.-Nr.", 560), ("Flur", 729), ("Flurstück", 855),
              ("Flurstückskennzeichen", 1051)]
    rows = grid(labels, [("1", 140), ("Hülchrath", 224), ("7125", 561), ("39", 729), ("263/5", 855),
                         ("057125039002630005__", 1050)],
                [("2", 140), ("Hülchrath", 224), ("7125", 561), ("40", 728), ("361/17", 855),
                 ("057125040003610017_", 1050)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Hülchrath", 39, "263/5"),
                                                      Parcel("Hülchrath", 40, "361/17")]
    assert parcel_label("Flurstückskennzeichen") is None


@pytest.mark.parametrize(("nenner", "expected"), [("l", ["1086/1"]), ("x?", [])])
def test_review_a_nenner_read_as_a_lookalike_or_unread(nenner: str, expected: list[str]) -> None:
    """A lone "l" in the Nenner column is a 1; a Nenner that reads as nothing leaves the Flurstück unread,
    never its Zähler alone."""
    rows = grid([("Gemarkung", 100), ("Flur", 450), ("Zähler", 650), ("Nenner", 900)],
                [("Büttgen", 100), ("9", 450), ("1086", 650), (nenner, 900)])
    assert [p.flurstueck for p in parse_parcels(grid_parcel_text(rows))] == expected


def test_review_prose_naming_the_benefiting_parcel_is_no_grids_heading() -> None:
    rows = grid(words_of("zugunsten des herrschenden Grundstücks Flur 9 Flurstück 1087 wird belastet:"),
                [("Gemarkung", 100), ("Flur", 450), ("Flurstück", 650)],
                [("Büttgen", 100), ("9", 450), ("1086/12", 650)])
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Büttgen", 9, "1086/12")]


def test_another_columns_label_going_on_beside_the_parcel_labels_ends_no_grid(gazetteer) -> None:
    """"Baulasten-" / "blatt-Nr." beside "Gemeinde | Gemarkung | Flur | Flurstück(e)": the label's second line
    stands right of the parcel columns and ends no grid; the values below it, two parcels, are read."""
    page = make_page([
        words_of("Stadt Neuss Der Stadtdirektor"),
        [("Gemeinde", 100), ("Gemarkung", 500), ("Flur", 1000), ("Flurstück(e)", 1150), ("Baulasten-", 1800)],
        [("blatt-Nr.", 1800)],
        [("Neuss", 100), ("Holzheim", 500), ("20", 1000), ("2167", 1150)],
        [("Rosellen", 500), ("2", 1000), ("1987", 1150), ("860", 1900)],
        [*words_of("Grundbuch von / Blatt", 1000)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer duldet Leitungen.", 600)],
    ])
    found = extract(page, gazetteer).parcels
    assert set(found.value) == {Parcel("Holzheim", 20, "2167"), Parcel("Rosellen", 2, "1987")}


def test_a_misread_flur_label_between_the_gemarkung_and_the_flurstueck() -> None:
    """"Gemarkung | Fir | Flurstück(e)": the word between the two labels is the Flur's, however misread."""
    rows = rows_of(make_page([
        [("Gemeinde", 100), ("Gemarkung", 500), ("Fir", 1000), ("Flurstück(e)", 1150)],
        [("Neuss", 100), ("Rosellen", 500), ("39", 1000), ("142", 1150)],
        [("Rosellen", 500), ("40", 1000), ("494", 1150)],
    ]))
    assert parse_parcels(grid_parcel_text(rows)) == [Parcel("Rosellen", 39, "142"), Parcel("Rosellen", 40, "494")]


def test_a_grid_under_each_gemarkungs_caption() -> None:
    """A register portal's print lists each Gemarkung's parcels under a caption of its own ("Gemarkung Glehn"
    over "Flur | Flurstück | Nenner | Lage"): the caption names the Gemarkung of the rows under it, up to the
    next caption. A caption naming no Gemarkung it knows heads nothing."""
    known = {"Grevenbroich", "Glehn"}.__contains__
    head = [("Flur", 200), ("Flurstück", 400), ("Nenner", 700), ("Lage", 900)]
    rows = grid(words_of("Gemarkung Grevenbroich"), head,
                [("31", 200), ("261", 400), ("32", 700), ("Burgstraße", 900)],
                [("32", 200), ("465", 400), ("27", 700), ("Hinter", 900), ("den", 1100), ("Höfen", 1230)],
                words_of("Gemarkung Glehn"), head,
                [("19", 200), ("130", 400), ("27", 700), ("Am", 900), ("Kamp", 1000)])
    assert parse_parcels(grid_parcel_text(rows, known)) == [
        Parcel("Grevenbroich", 31, "261/32"), Parcel("Grevenbroich", 32, "465/27"), Parcel("Glehn", 19, "130/27")]
    assert grid_parcel_text(rows, lambda name: False) == ""
