"""Layouts of forms rather than wordings: numbered form fields, a key/value print with leaders, a comb of
boxes for a date, a date typed into day | month | year cells, the sheet's full name over its number."""

from __future__ import annotations

import datetime as dt

import pytest

from baulast.dates import find_damaged_date
from baulast.model import Parcel
from baulast.parcels import parse_parcels
from pipeline.entries import first_numbered_entry, names_other_act
from pipeline.extract import extract
from pipeline.layout import rows_of
from pipeline.register import extract_register_number
from tests.conftest import make_page, words_of
from tests.test_register import HEADER, line, page_of

# A data-capture form ("Erfassungsbeleg") whose fields are numbered "(1)", "(2)", ...: its "(1)" opens no entry.
FORM_HEAD = [
    [("Stadt", 200), ("Meerbusch", 400), ("Erfassungsbeleg", 1100)],
    [("Baulastenverzeichnis", 1000)],
    [("(1)", 180), ("Kenn-Nr.", 260), ("des", 460), ("Baulastenblattes", 560), ("(2)", 1500), ("Vorgang", 1560)],
    [("876", 280), ("Neuanlage", 1600)],
    [("(3)", 180), ("Gemeinde", 260), ("(4)", 1500), ("Gemeindekennziffer", 1560)],
    [("MEERBUSCH", 220)],
    [("(5)", 180), ("Belastete", 260), ("Flurstücke", 560)],
    [("Gemarkung", 180), ("Flur", 1080), ("Flurstück", 1380)],
    [("BÜDERICH", 200), ("32", 1120), ("1654/15", 1430)],
    [("(8)", 180), ("Lfd.", 260), ("Nr.", 380), ("(9)", 520), ("Art", 600), ("der", 720), ("Baulast", 840)],
    [("1", 260), ("sonstige", 560), ("Baulast", 840)],
]
ENTRY_TEXT = [
    [("(13)", 180), ("Kurzinhalt", 260)],
    words_of("sonstige Baulast zugunsten Flur 32, Flurstück 234", x=220),
]


def test_a_forms_first_numbered_field_opens_no_entry(gazetteer) -> None:
    """The header's parcel grid is read, not the benefiting parcel of the entry's text below."""
    page = make_page(FORM_HEAD + ENTRY_TEXT)
    rows = rows_of(page)
    assert first_numbered_entry(rows) != 2  # "(1) Kenn-Nr. des Baulastenblattes (2) Vorgang"
    assert extract(page, gazetteer).parcels.value == (Parcel("Büderich", 32, "1654/15"),)


def test_an_entry_numbered_in_parentheses_still_opens_the_table() -> None:
    rows = rows_of(make_page([[("Baulastenblatt", 200), ("Nr.", 600), ("12", 700)], [("Gemarkung", 200)],
                              words_of("(1) Der jeweilige Eigentümer des Grundstücks Flur 2 Flurstück 3")]))
    assert first_numbered_entry(rows) == 2


def test_a_comb_of_boxes_under_eingetragen_am(gazetteer) -> None:
    """"(11) Eingetr. am" over six boxes TTMMJJ, read with the boxes' sides and the year's two boxes apart."""
    dated = [[("(10)", 180), ("Erklärung", 230), ("vom", 530), ("(11)", 820), ("Eingetr.", 940), ("am", 1200)],
             [("‚0,9,0,7,9", 1000), ("4", 1440)]]  # the comb wider than its label: the year's last box apart
    found = extract(make_page(FORM_HEAD + dated + ENTRY_TEXT), gazetteer).date
    assert found.value == dt.date(1994, 7, 9) and found.confidence <= 0.6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("‚110,0,4,7,4|", dt.date(1974, 4, 10), id="sides-as-marks-and-a-one"),
        pytest.param("12191112,715,", dt.date(1975, 12, 29), id="most-sides-read-as-one"),
        pytest.param("‚0,9,0,7,9 4", dt.date(1994, 7, 9), id="last-box-apart"),
        pytest.param("ı119,0,8,9 12}", dt.date(1992, 8, 19), id="a-side-and-a-space"),
        pytest.param("1213101718 18", dt.date(1988, 7, 23), id="every-side-a-one"),
        pytest.param("‚12,1,0,8,1}", dt.date(1981, 10, 12), id="a-side-lost"),
        pytest.param("ı0,6,1,0,7 1,7,", dt.date(1977, 10, 6), id="one-wide-side-only"),
        pytest.param("1, 8, 10, 30, 41", None, id="a-list-spaced-everywhere"),
        pytest.param("Tel. 02131 101418", None, id="a-phone-number"),
        pytest.param("1,234,567,890", None, id="a-grouped-number"),
        pytest.param("123456789012", None, id="digits-only"),
        pytest.param("Flur 12, 13, 14, 15", None, id="a-list-of-numbers"),
    ],
)
def test_comb_dates(text: str, expected: dt.date | None) -> None:
    found = find_damaged_date(text)
    assert (found.value if found else None) == expected


def test_a_date_typed_into_day_month_year_cells(gazetteer) -> None:
    """A typewriter form's date column parted into day | month | year: "4   2   1978" right of the entry's
    first line, no separator typed. Never sure: a person confirms it."""
    page = make_page([
        [("Stadt", 200), ("Dormagen", 400)],
        [("Baulastenverzeichnis", 400)],
        words_of("Grundstück: Flur 34, Flurstück 8 der Gemarkung Hackenbroich"),
        [("1.", 130), ("Der", 220), ("jeweilige", 330), ("Eigentümer", 620), ("des", 950), ("4", 1180),
         ("2", 1320), ("1978", 1460)],
        words_of("Grundstücks Gemarkung Hackenbroich, Flur 34, Flurstück 8", x=220),
        words_of("übernimmt gegenüber der Stadt Dormagen die Verpflichtung", x=220),
    ])
    found = extract(page, gazetteer).date
    assert found.value == dt.date(1978, 2, 4) and found.confidence <= 0.5


def test_numbers_of_one_phrase_are_no_date_cells(gazetteer) -> None:
    page = make_page([
        [("Stadt", 200), ("Dormagen", 400)],
        [("Baulastenverzeichnis", 400)],
        words_of("Grundstück: Flur 34, Flurstück 8 der Gemarkung Hackenbroich"),
        words_of("1. Der jeweilige Eigentümer des Grundstücks Flur 4 2 1978", x=130),
        words_of("Grundstücks Gemarkung Hackenbroich, Flur 34, Flurstück 8", x=220),
        words_of("übernimmt gegenüber der Stadt Dormagen die Verpflichtung", x=220),
    ])
    assert extract(page, gazetteer).date is None


def test_a_key_value_print_with_leaders_names_the_sheets_number_across_the_line() -> None:
    """A register program's print: "01 ORDNUNGSNUMMER ........ : 1554b" with the value in a column far right;
    the entry's "BAULAST 01" below is no sheet's number."""
    page = page_of(HEADER, line("BAULASTENVERZEICHNIS", y=300, line_id=2),
                   line("01", ("ORDNUNGSNUMMER", {"gap": 60}), "...........", ":", ("1554b", {"gap": 300}), y=400,
                        x=100, line_id=3),
                   line("02", ("GEMEINDE", {"gap": 60}), "..........", ":", ("DORMAGEN", {"gap": 300}), y=460,
                        x=100, line_id=4),
                   line("BAULAST", "01", y=700, line_id=5))
    found = extract_register_number(page, rows_of(page))
    assert found.value == "1554b" and found.confidence >= 0.8  # the dots lead from the key to its value


def test_a_number_across_the_line_without_leaders_is_doubted() -> None:
    page = page_of(HEADER, line("BAULASTENVERZEICHNIS", y=300, line_id=2),
                   line("01", ("ORDNUNGSNUMMER", {"gap": 60}), ("1554b", {"gap": 600}), y=400, x=100, line_id=3))
    found = extract_register_number(page, rows_of(page))
    assert found.value == "1554b" and found.confidence <= 0.75  # a form's box, or another field's value


def test_a_key_value_print_of_entries(gazetteer) -> None:
    """A register program's print of keys and values: "BAULAST 01" opens entry 1, and its "EINGETRAGEN AM ..
    : 29.01.82" dots lead from the key to the date, across the line."""
    page = make_page([
        [("STADT", 120), ("DORMAGEN", 320), ("SEITE", 1400), ("001", 1600)],
        [("BAULASTENVERZEICHNIS", 120), ("DRUCK:", 1300), ("01.09.1988", 1500)],
        [("01", 120), ("ORDNUNGSNUMMER", 220), ("...........", 700), (":", 1060), ("1554b", 1120)],
        [("02", 120), ("GEMEINDE", 220), ("..........", 700), (":", 1060), ("DORMAGEN", 1120)],
        [("03", 120), ("BELASTETE", 220), ("FLURSTUECKE", 520), (":", 1060), ("GEM.", 1120), ("STRABERG", 1270),
         ("FL.", 1540), ("39", 1650), ("FLST.", 1740), ("62/7", 1920)],
        [("04", 120), ("LAGE", 220), ("....", 700), (":", 1060), ("KREFELDER", 1120), ("STRASSE", 1420), ("50", 1660)],
        [("BAULAST", 120), ("01", 380)],
        [("10", 120), ("LFD.", 220), ("NR.", 360), ("DER", 480), ("BAULAST", 600), (":", 1060), ("1", 1120)],
        [("11", 120), ("ART", 220), ("DER", 340), ("BAULAST", 460), (":", 1060), ("ABSTANDFLAECHENBAULAST", 1120)],
        [("12", 120), ("BAULASTERKL.", 220), ("VOM", 600), (":", 1060), ("13.10.81", 1120)],
        [("13", 120), ("EINGETRAGEN", 220), ("AM", 580), ("..", 680), ("29.01.82", 1120)],  # its ":" unread
        [("14", 120), ("GELOESCHT", 220), ("AM", 520), (":", 1060)],
        [("15", 120), ("WORTLAUT", 220), (":", 1060), ("DER", 1120), ("JEWEILIGE", 1240), ("EIGENTUEMER", 1530)],
        words_of("DES GRUNDSTUECKS GEMARKUNG STRABERG, FLUR 39, FLURSTUECK 62/7 VERPFLICHTET SICH", x=1120),
    ])
    found = extract(page, gazetteer)
    assert found.register_number.value == "1554b" and found.register_number.confidence >= 0.8
    assert found.date.value == dt.date(1982, 1, 29) and found.date.confidence >= 0.85
    assert found.parcels.value == (Parcel("Straberg", 39, "62/7"),)


def test_the_sheets_full_name_over_its_number() -> None:
    """A form's footer box: "Baulastenverzeichnisblatt:" over the number, "Seite" beside."""
    page = page_of(HEADER, line("Baulastenverzeichnisblatt:", ("Seite", {"gap": 300}), y=3000, x=800, line_id=2),
                   line("1090", y=3060, x=840, line_id=3))
    assert extract_register_number(page, rows_of(page)).value == "1090"


def sidebar_page(beside: bool = True):  # type: ignore[no-untyped-def]
    """A register program's print with a sidebar of keys over values left of the parcels and the entries;
    entry 1's title beside the sidebar's value "Rommerskirchen", or (not `beside`) on a row of its own."""
    title = [("1.", 1160), ("Erschließungsbaulast", 1220)]
    municipality = [("Rommerskirchen", 140)]
    rows = [
        [("Rhein-Kreis", 1900), ("Neuss", 2260)],
        [("Baulastenblatt", 140), ("Inhalt", 1160), ("des", 1360), ("Baulastenblattes", 1480)],
        [("Nummer", 140), ("Belastete", 1160), ("Grundstücke", 1450)],
        [("2361", 140), ("Gemarkung", 1200), ("Nettesheim,", 1500), ("Flur", 1850), ("20,", 1990), ("Flurstück", 2100),
         ("1535", 2400)],
        [("Gemeinde", 140), ("Eintragungen", 1160)],
        *([municipality + title] if beside else [municipality, title]),
        [("eingetragen", 1200), ("seit", 1550), ("29.09.2016", 1700)],
        [("Grundbuch", 140), ("Der", 1200), ("jeweilige", 1320), ("Eigentümer", 1600), ("des", 1930),
         ("Grundstücks", 2040)],
        [("Nettesheim,", 140), ("Blatt", 500), ("1360", 680), ("Gemarkung", 1200), ("Nettesheim,", 1500),
         ("Flur", 1850), ("20,", 1990), ("Flurstück", 2100), ("1535", 2400)],
        words_of("übernimmt gegenüber dem Rhein-Kreis Neuss die Verpflichtung", x=1200),
        [("sonstige", 1200), ("Baulast", 1450)],
        [("eingetragen", 1200), ("seit", 1550), ("22.06.2020", 1700)],
        words_of("Der jeweilige Eigentümer des Grundstücks verpflichtet sich", x=1200),
    ]
    return make_page(rows)


def test_a_sidebars_grundbuch_label_below_a_dated_remark(gazetteer) -> None:
    """The sidebar's "Grundbuch" on the line below "eingetragen seit 29.09.2016" does not make that remark
    the Grundbuch's."""
    assert extract(sidebar_page(), gazetteer).date.value == dt.date(2016, 9, 29)


def test_entry_one_beside_the_sidebars_value(gazetteer) -> None:
    """"Rommerskirchen      1. Erschließungsbaulast": entry 1's running number opens the table though a
    sidebar's value stands before it on the row, so entry 1's remark is surely entry 1's."""
    found = extract(sidebar_page(), gazetteer)
    assert [entry.lfd_nr for entry in found.entries] == [1, 2]
    assert found.date.confidence >= 0.85


def test_entry_ones_title_on_a_row_of_its_own_right_of_the_pages_left_edge(gazetteer) -> None:
    """"1. Erschließungsbaulast" alone on its row, in the main column right of the sidebar: the title of entry
    1 wherever it stands."""
    found = extract(sidebar_page(beside=False), gazetteer)
    assert [entry.lfd_nr for entry in found.entries] == [1, 2]
    assert found.date.value == dt.date(2016, 9, 29) and found.date.confidence >= 0.85


def test_the_entries_heading_eintragungen_heads_no_date_column(gazetteer) -> None:
    """"Gemeinde      Eintragungen" (the sidebar's key and the entries' heading) cuts no date column off the
    prose: the prose restates the header's parcel, which two readings then confirm."""
    assert extract(sidebar_page(), gazetteer).parcels.confidence >= 0.9


def test_a_narrow_columns_label_on_two_lines() -> None:
    """"Baulastenblatt" over "Nummer" over "2361" in a sidebar."""
    page = page_of(HEADER, line("Baulastenblatt", y=400, x=140, line_id=2),
                   line("Nummer", ("Belastete", {"gap": 400}), "Grundstücke", y=480, x=140, line_id=3),
                   line("2361", ("Gemarkung", {"gap": 400}), "Nettesheim", y=540, x=140, line_id=4))
    found = extract_register_number(page, rows_of(page))
    assert found.value == "2361" and found.confidence >= 0.8


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("GEM. ZONS FL. 27 FLST. 1067\n04 LAGE ....: KREFELDER STRASSE 50", [("ZONS", 27, "1067")],
                     id="the-next-keys-number"),
        pytest.param("GEM. ZONS FL. 27 FLST. 1067\n04, 10", [("ZONS", 27, "1067")], id="a-key-number-and-more"),
        pytest.param("Gemarkung Zons Flur 27 Flurstücke 0012, 0013 und 0014",
                     [("Zons", 27, "12"), ("Zons", 27, "13"), ("Zons", 27, "14")], id="padded-alike"),
        pytest.param("Flur 1, Flurstück 2347 der Gemarkung Nievenheim; Flur 11, Flurstücke 1873\nund 333/35 der "
                     "Gemarkung Zons", [("Nievenheim", 1, "2347"), ("Zons", 11, "1873"), ("Zons", 11, "333/35")],
                     id="gemarkung-after-its-parcels"),
        pytest.param("Gemarkung Zons Flur 3 Flurstück 5 und Flurstück 7 der Gemarkung Nievenheim",
                     [("Zons", 3, "5"), ("Zons", 3, "7")], id="named-before-stays"),
    ],
)
def test_parcels_of_key_value_prints_and_postposed_gemarkungen(text: str, expected: list[tuple]) -> None:
    assert sorted(parse_parcels(text)) == sorted(Parcel(*p) for p in expected)


def test_a_gemarkung_named_after_its_parcels_overrides_the_default() -> None:
    assert parse_parcels("Flur 3 Flurstück 5 der Gemarkung Nievenheim", default_gemarkung="Zons") == [
        Parcel("Nievenheim", 3, "5")]


def test_the_letter_in_a_box_of_its_own_under_zusatz() -> None:
    """A form's "Kenn-Nr. des Baulastenblattes" box with the number and, right of it under the caption
    "Zusatz", the letter: the sheet 876a."""
    page = page_of(HEADER, line("(1)", "Kenn-Nr.", "des", "Baulastenblattes", y=400, x=180, line_id=2),
                   line("Zusatz", y=440, x=1100, line_id=3),
                   line("876", ("A", {"gap": 500}), y=500, x=560, line_id=4))
    assert extract_register_number(page, rows_of(page)).value == "876a"
    no_caption = page_of(HEADER, line("(1)", "Kenn-Nr.", "des", "Baulastenblattes", y=400, x=180, line_id=2),
                         line("876", ("A", {"gap": 500}), y=500, x=560, line_id=4))
    assert extract_register_number(no_caption, rows_of(no_caption)).value == "876"


def test_a_forms_footer_box_names_the_sheet_over_its_number(gazetteer) -> None:
    """A typewriter form's footer box, low on the page and apart from the text: "Baulastenverzeichnisblatt:"
    over "1090", "Seite" beside. The sheet's own field, read as surely as a header's."""
    rows = [
        [("Stadt", 120), ("Dormagen", 300)],
        [("Baulastenverzeichnis", 600)],
        words_of("Grundstück: Flur 34, Flurstück 8 der Gemarkung Hackenbroich", x=120),
        words_of("1. Der jeweilige Eigentümer des Grundstücks Gemarkung Hackenbroich, Flur 34,", x=120),
        words_of("Flurstück 8 verpflichtet sich, Stellplätze bereitzustellen.", x=220),
    ]
    page = make_page(rows + [[]] * 31 + [
        [("Gemeinde", 1000)],
        [("Stadt", 1000), ("Dormagen", 1200)],
        [("Baulastenverzeichnisblatt:", 1000), ("Seite", 1900)],
        [("1090", 1050), ("1", 1950)],
    ])
    found = extract(page, gazetteer).register_number
    assert found.value == "1090" and found.confidence >= 0.8


def test_a_sidebars_value_seven_heights_from_the_main_column() -> None:
    """"Stadt Grevenbroich" ends seven text heights left of "1. Leitungsbaulast": a sidebar's value."""
    from pipeline.entries import _beside_sidebar

    words = line("Stadt", "Grevenbroich", ("1.", {"gap": 7 * 40 - 20}), "Leitungsbaulast")
    assert [w.text for w in _beside_sidebar(words, 40)] == ["1.", "Leitungsbaulast"]
    assert _beside_sidebar(line("Der", "jeweilige", ("Eigentümer", {"gap": 3 * 40})), 40) == []


def _portal_print():  # type: ignore[no-untyped-def]
    """A register portal's print: each entry under a fold-out heading whose arrow reads as a letter ("V Lfd.
    Nr. 1- Leitungsbaulast"), the page's data state in its footer ("Datenstand: 25.08.2022")."""
    return make_page([
        words_of("Baulastenauskunft Rhein-Kreis Neuss"), words_of("Baulastnummer 355b"),
        words_of("Gemeinde Rommerskirchen"), words_of("Belastete Flurstücke"),
        words_of("Gemarkung Evinghoven - Flur 7 - Flurstück 109/9"), words_of("Eingetragene Baulasten"),
        [("V", 134), *words_of("Lfd. Nr. 1- Vereinigungsbaulast", 174), ("wirksam", 1400)],
        [*words_of("Tag der Eintragung", 142), ("11.07.2022", 900)],
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Evinghoven, Flur 7,", 142),
        words_of("Flurstück 109/9 verpflichtet sich, beide Grundstücke als eines zu behandeln.", 142),
        [("V", 134), *words_of("Lfd. Nr. 2- Leitungsbaulast", 174), ("wirksam", 1400)],
        [*words_of("Tag der Eintragung", 142), ("03.02.2023", 900)],
        words_of("Der jeweilige Eigentümer duldet die Leitung.", 142),
        words_of("Datenstand: 25.08.2022 Servicetelefon 02183 236-47", 142),
    ])


def test_a_portals_entry_under_a_fold_out_arrow_is_entry_one(gazetteer) -> None:
    """The arrow before "Lfd. Nr. 1" is no word of the heading: entry 1 opens there, its type is its own
    (before, the page's first entry went unfound and the entries' types shifted), and the footer's data state
    opens no entry of its own."""
    page = _portal_print()
    rows = rows_of(page)
    assert rows[first_numbered_entry(rows)].text.startswith("V Lfd. Nr. 1-")
    entries = extract(page, gazetteer).entries
    assert [(e.lfd_nr, e.type, e.registered_on) for e in entries] == [
        (1, "Vereinigungsbaulast", dt.date(2022, 7, 11)), (2, "Leitungsbaulast", dt.date(2023, 2, 3))]


def test_a_prints_data_state_names_another_act() -> None:
    """"Datenstand: 25.08.2022" in a portal print's footer dates the data, no registration: on heldout13's portal
    prints it opened an entry of its own after the last one, and shifted the entries' types."""
    assert names_other_act(rows_of(make_page([words_of("Datenstand: 25.08.2022 Servicetelefon")]))[0].words)
    assert not names_other_act(rows_of(make_page([words_of("Tag der Eintragung 11.07.2022")]))[0].words)
