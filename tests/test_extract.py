"""Field extraction on prepared word boxes (no Tesseract): labels, header vs. entry text, distractors."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from baulast.model import Parcel, Word
from pipeline.classify import find_sheet, sheet_score
from pipeline.entries import classify_type
from pipeline.extract import extract, from_uncertain_sheet
from tests.conftest import TABLE_HEAD_ROW, make_page, words_of


def sheet(*header: str, entries: list[tuple[str, list[str], list[str]]] | None = None):  # type: ignore[no-untyped-def]
    """A sheet page: header lines, the table head, then entries of (lfd, text lines, remark lines)."""
    rows = [words_of(line) for line in header]
    rows.append(TABLE_HEAD_ROW)
    for lfd, text_lines, remarks in entries or []:
        for index in range(max(len(text_lines), len(remarks))):
            row = [(lfd, 220)] if index == 0 else []
            if index < len(text_lines):
                row += words_of(text_lines[index], 600)
            if index < len(remarks):
                row += words_of(remarks[index], 1800)
            rows.append(row)
    return make_page(rows)


ENTRY = ("1", ["Der jeweilige Eigentümer des Grundstücks Gemarkung Zons,", "Flur 3, Flurstück 123/4 übernimmt",
               "die Abstandfläche zugunsten Flurstück 130."], ["Eingetragen", "am 12.03.1987"])


def test_header_parcels_not_entry_text_parcels(gazetteer) -> None:
    page = sheet("Stadt Dormagen Der Bürgermeister", "Baulastenblatt Nr. 1.234",
                 "Gemarkung Zons Flur 3 Flurstück 123/4", entries=[ENTRY])
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Zons", 3, "123/4"),)
    assert extraction.register_number.value == "1234"
    assert extraction.date.value == dt.date(1987, 3, 12)
    assert extraction.municipality.value == "Dormagen"
    assert extraction.entries[0].type == "Abstandflächenbaulast"


def test_grundbuch_blatt_is_not_the_register_number(gazetteer) -> None:
    page = sheet("Grundbuch von Zons Blatt 2345", "Baulastenblatt Nr. 77", "Gemarkung Zons Flur 3 Flurstück 12",
                 entries=[ENTRY])
    assert extract(page, gazetteer).register_number.value == "77"


def test_labels_above_values_in_a_grid(gazetteer) -> None:
    page = make_page([
        words_of("Rhein-Kreis Neuss Untere Bauaufsichtsbehörde"),
        [("Baulastenblatt-Nr.:", 200), ("512", 800), ("a", 900)],
        [("Gemarkung", 200), ("Flur", 800), ("Flurstück", 1200)],
        [("Büderich", 200), ("12", 800), ("45/1", 1200)],
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("Bemerkungen", 1800)],
        [("1", 220), *words_of("Vereinigungsbaulast: die Grundstücke gelten als ein Baugrundstück.", 600),
         *words_of("Eingetragen am 01.02.2003", 1800)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.register_number.value == "512a"
    assert extraction.parcels.value == (Parcel("Büderich", 12, "45/1"),)
    assert extraction.municipality.value == "Meerbusch"
    assert extraction.entries[0].type == "Vereinigungsbaulast"


def test_the_kreis_row_names_the_district_not_the_municipality(gazetteer) -> None:
    """A Kreis keeps the register: its name is no municipality, whether the row reads in order,
    inflected ("des Rhein-Kreises Neuss") or interleaved by the OCR ("Der Rhein-Kreis Landrat
    Neuss"). A later header row naming a municipality is the one; without it, the name read on the
    Kreis's row is only proposed."""
    entry = [[("1", 220), *words_of("Stellplatzbaulast für zwei Stellplätze.", 600),
              *words_of("Eingetragen am 01.02.2003", 1800)]]
    head = [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("Bemerkungen", 1800)]
    for authority in ("Der Landrat des Rhein-Kreises Neuss", "Der Rhein-Kreis Landrat Neuss"):
        named = extract(make_page([words_of(authority), words_of("Bauaufsicht für die Gemeinde Jüchen"),
                                   words_of("Baulastenblatt Nr. 77"), head, *entry]), gazetteer)
        assert named.municipality.value == "Jüchen", authority
        alone = extract(make_page([words_of(authority), words_of("Baulastenblatt Nr. 77"), head, *entry]),
                        gazetteer)
        assert alone.municipality is None or alone.municipality.confidence < 0.75, authority


def test_deleted_entry_gets_deleted_on(gazetteer) -> None:
    second = ("2", ["Stellplatzbaulast für zwei Stellplätze."], ["Eingetragen am 05.06.1990", "Gelöscht am 04.05.1999"])
    page = sheet("Baulastenblatt Nr. 9", "Gemarkung Zons Flur 3 Flurstück 12", entries=[ENTRY, second])
    entries = extract(page, gazetteer).entries
    assert [(e.lfd_nr, e.deleted_on) for e in entries] == [(1, None), (2, dt.date(1999, 5, 4))]
    assert entries[1].type == "Stellplatzbaulast"


def test_missing_fields_stay_missing(gazetteer) -> None:
    page = sheet("Baulastenblatt", entries=[])
    extraction = extract(page, gazetteer)
    assert extraction.register_number is None
    assert extraction.parcels is None
    assert extraction.date is None


@pytest.mark.parametrize("text, expected", [
    pytest.param("die Abstandflächen auf seinem Grundstück zu übernehmen", "Abstandflächenbaulast", id="abstand"),
    pytest.param("zwei Einstellplätze bereitzustellen", "Stellplatzbaulast", id="stellplatz"),
    pytest.param("als ein Baugrundstück zu behandeln (Vereinigung)", "Vereinigungsbaulast", id="vereinigung"),
    pytest.param("eine Zufahrt zu dulden", "Zufahrtsbaulast", id="zufahrt"),
    pytest.param("die Erschließung zu sichern", "Erschließungsbaulast", id="erschliessung"),
    pytest.param("an die Grenze anzubauen", "Anbaubaulast", id="anbau"),
    pytest.param("eine Leitung zu dulden", "Leitungsbaulast", id="leitung"),
    pytest.param("etwas ganz anderes", "Sonstige", id="other"),
])
def test_classify_type(text: str, expected: str) -> None:
    assert classify_type(text) == expected


def test_sheet_is_found_on_page_two() -> None:
    letter = make_page([words_of("Sehr geehrte Damen und Herren, anbei die Verpflichtungserklärung.")], number=1)
    register = sheet("Baulastenblatt Nr. 5", "Gemarkung Zons Flur 3 Flurstück 12", entries=[ENTRY])
    register = dataclasses.replace(register, number=2)
    assert sheet_score(letter) < sheet_score(register)
    assert find_sheet([letter, register]).number == 2
    assert find_sheet([letter]) is None


def test_deletion_date_below_an_unreadable_entry_date_is_not_the_date(gazetteer) -> None:
    entry = ("1", ["Abstandfläche zugunsten Flurstück 130."], ["Eingetragen am", "Gelöscht am 04.05.1999"])
    page = sheet("Baulastenblatt Nr. 9", "Gemarkung Zons Flur 3 Flurstück 12", entries=[entry])
    extraction = extract(page, gazetteer)
    assert extraction.date is None
    assert extraction.entries[0].deleted_on == dt.date(1999, 5, 4)


def test_unknown_gemarkung_is_kept_not_replaced(gazetteer) -> None:
    page = sheet("Baulastenblatt Nr. 9", "Gemarkung Zons Flur 3 Flurstück 12", "Gemarkung Qwertzuiop Flur 1 Flurstück 5",
                 entries=[ENTRY])
    parcels = extract(page, gazetteer).parcels.value
    assert Parcel("Qwertzuiop", 1, "5") in parcels


def test_register_number_outside_the_header_is_never_trusted(gazetteer) -> None:
    entry = ("1", ["Zufahrt zugunsten Flurstück 130,", "siehe Baulastenblatt Nr. 345."], ["Eingetragen am 12.03.1987"])
    page = sheet("Gemarkung Zons Flur 3 Flurstück 12", entries=[entry])
    register_number = extract(page, gazetteer).register_number
    assert register_number.value == "345" and register_number.confidence <= 0.5


def test_superscript_digit_does_not_break_entries(gazetteer) -> None:
    entry = ("²", ["Fläche von 116 m² als Spielfläche."], ["Eingetragen am 12.03.1987"])
    page = sheet("Baulastenblatt Nr. 9", "Gemarkung Zons Flur 3 Flurstück 12", entries=[entry])
    assert extract(page, gazetteer).date.value == dt.date(1987, 3, 12)


@pytest.mark.parametrize("blank_rows, trusted", [(0, True), (1, True), (2, False), (4, False)])
def test_date_without_lfd_nr_is_trusted_only_on_the_tables_first_lines(gazetteer, blank_rows, trusted) -> None:
    """Tesseract often drops the lone "1" of the Lfd. Nr. column. A remark on the first lines of
    the table is still the first entry's; one further down may be a later entry's."""
    text = ["Der jeweilige Eigentümer des Grundstücks"] * blank_rows + ["Abstandfläche zugunsten Flurstück 130."]
    entry = ("", text, [""] * blank_rows + ["Eingetragen am 12.03.1987"])
    page = sheet("Baulastenblatt Nr. 9", "Gemarkung Zons Flur 3 Flurstück 12", entries=[entry])
    date = extract(page, gazetteer).date
    assert date.value == dt.date(1987, 3, 12)
    assert (date.confidence >= 0.75) is trusted


def test_an_unread_running_number_does_not_merge_two_entries(gazetteer) -> None:
    """The "2" of the Lfd. Nr. column went unread: the second remark still opens entry 2, so
    entry 1 (in force) never carries entry 2's deletion date."""
    first = ("1", ["Zufahrtsbaulast zugunsten Flurstück 130,", "Breite 4 m."], ["Eingetragen am 21.08.1981"])
    second = ("", ["Leitungsbaulast: Gehen, Fahren und Verlegen", "von Leitungen zu dulden."],
              ["Eingetragen am 22.06.1987", "Gelöscht am 09.11.2018"])
    page = sheet("Baulastenblatt Nr. 5", "Gemarkung Zons Flur 3 Flurstück 12", entries=[first, second])
    entries = extract(page, gazetteer).entries
    assert [(e.lfd_nr, e.registered_on, e.deleted_on) for e in entries] == [
        (1, dt.date(1981, 8, 21), None), (2, dt.date(1987, 6, 22), dt.date(2018, 11, 9))]
    assert [e.type for e in entries] == ["Zufahrtsbaulast", "Leitungsbaulast"]


def test_a_sheet_in_unknown_wordings_is_proposed_but_never_trusted(gazetteer) -> None:
    from baulast.validation import validate
    from pipeline.classify import likeliest_sheet

    odd = make_page([words_of("Verzeichnis der Baulasten für Jüchen"), words_of("Blatt-Nr. 101"),
                     words_of("Gemarkung Jüchen Flur 20 Flurstück 335/11"), words_of("Wortlaut der Baulast")])
    letter = make_page([words_of("Sehr geehrte Damen und Herren, das Baulastenverzeichnis von Jüchen"),
                        words_of("Gemarkung Jüchen Flur 20 Flurstück 335/11 Mit freundlichen Grüßen")], number=2)
    assert find_sheet([odd]) is None
    assert likeliest_sheet([odd, letter]) == (odd, False)
    assert likeliest_sheet([letter]) == (None, False)  # a letter is never taken for a sheet
    extraction = from_uncertain_sheet(extract(odd, gazetteer))
    assert extraction.parcels.value == (Parcel("Jüchen", 20, "335/11"),)
    assert "uncertain_sheet" in {f.code for f in validate(extraction, gazetteer)}
    # However well read, no field of a page that is only the likeliest sheet is sure.
    assert extract(odd, gazetteer).register_number.confidence > 0.9
    assert all(getattr(extraction, name).confidence <= 0.7
               for name in ("register_number", "parcels", "municipality"))


def test_parcels_of_a_page_without_its_entries_table_are_not_sure(gazetteer) -> None:
    """No table head and no remark: the whole page is "header", and the benefiting parcel of an
    entry's text cannot be told from the burdened one."""
    page = make_page([words_of("Baulastenblatt Nr. 17"), words_of("Gemarkung Zons Flur 3 Flurstück 12"),
                      words_of("Die Abstandfläche zugunsten Gemarkung Zons Flur 3 Flurstück 9")])
    parcels = extract(page, gazetteer).parcels
    assert parcels is not None and parcels.confidence <= 0.7


def test_sheet_marks_are_found_letter_spaced_split_or_with_a_misread_letter() -> None:
    from pipeline.classify import page_tokens

    tokens = page_tokens(make_page([words_of("B A U L A S T E N B L A T T Nr. 17"), words_of("Baulasten- verzeichnis"),
                                    words_of("Lfd. Nr. Eingetragcn am")]))
    assert {"baulastenblatt", "baulastenverzeichnis", "lfdnr"} <= tokens
    spaced = make_page([words_of("B a u l a s t e n b l a t t"), words_of("Bemerkungen")])
    misread = make_page([words_of("Baulastenb1att Nr. 17"), words_of("Bemerkunqen")])
    plain = make_page([words_of("Baulastenblatt Nr. 17"), words_of("Bemerkungen")])
    assert sheet_score(spaced) == sheet_score(misread) == sheet_score(plain) == 5.0


def test_an_abbreviated_sheet_title_marks_the_sheet() -> None:
    """A printed register extract: "Baulastenbl.-Nr.", a "Text der Baulast" column, no other title."""
    from pipeline.classify import likeliest_sheet

    page = make_page([words_of("Baulastenbl.-Nr. .: 7.143"), words_of("Grundstück .: Gem. Elsen, Fl. 8, Flst. 172/31"),
                      words_of("Nr Datum Text der Baulast Löschung"),
                      words_of("1 01.02.82 Der Eigentümer des Grundstücks Gemarkung Elsen, Flur 8, Flurstück 172/31")])
    declaration = make_page([words_of("Ich übernehme für das Grundstück Gemarkung Elsen, Flur 8 eine Baulast.")], 2)
    assert sheet_score(page) == 3.0 + 1.0 + 1.0 + 1.0 + 0.5
    assert likeliest_sheet([page, declaration]) == (page, True)


def test_a_card_of_the_baulastenkartei_is_a_sheet() -> None:
    """An index card: "Baulastenkartei" over columns Nr. | Eingang | Gegenstand der Baulast |
    Eintragung | Löschung, entries in pen and stamps."""
    from pipeline.classify import likeliest_sheet

    card = make_page([words_of("Baulastenkartei Kartei-Nr."), words_of("Gemeinde Rommerskirchen 1616c"),
                      words_of("Gemarkung Nettesheim Flur 31 Flurstück(e) 1443"),
                      words_of("Nr. Eingang Gegenstand der Baulast Eintragung Löschung"),
                      words_of("1. 15.12.1975 Anbaubaulast zugunsten Fl. 32 Nr. 1369/6 23.02.1976")])
    assert sheet_score(card) == 3.0 + 1.0 + 1.0 + 0.5 + 1.0
    assert likeliest_sheet([card]) == (card, True)


def test_a_register_extract_in_other_words_is_a_sheet() -> None:
    """"Belastete Grundstücke", an "Eintr.-Datum" column, and prose that mentions the Lageplan
    (as every Baulast's text may): marks of a sheet, none of a letter."""
    from pipeline.classify import likeliest_sheet

    page = make_page([words_of("Baulastenverzeichnis Stadt Dormagen"), words_of("Belastete Grundstücke"),
                      words_of("Gemarkung Flur Flurstück"), words_of("Nr. Eintr.-Datum Inhalt Löschung"),
                      words_of("1 13.10.1986 Die im Lageplan gekennzeichnete Fläche Gemarkung Zons, Flur 3")])
    assert sheet_score(page) == 1.5 + 1.0 + 1.0 + 1.0 + 1.0 + 1.0 + 0.5
    assert likeliest_sheet([page]) == (page, True)


def test_the_baulast_formula_marks_a_sheet_but_not_a_letter() -> None:
    from pipeline.classify import likeliest_sheet

    sheet = make_page([words_of("Baulastenverzeichnis Gemarkung Zons Flur 3"),
                       words_of("1 12.03.1987 Der jeweilige Eigentümer des Grundstücks übernimmt")])
    letter = make_page([words_of("Sehr geehrte Damen und Herren, der jeweilige Eigentümer des Grundstücks"),
                        words_of("Gemarkung Zons Flur 3 Mit freundlichen Grüßen")])
    assert sheet_score(sheet) == 1.5 + 1.0 + 0.5 + 1.0
    assert likeliest_sheet([sheet]) == (sheet, False) and likeliest_sheet([letter]) == (None, False)


def test_a_declaration_the_sheet_only_cites_is_no_letter_mark() -> None:
    """A sheet's entry ends "(Verpflichtungserklärung vom 18.07.1991)"; a declaration is headed by
    it. Such a sheet was once never sure (on the unseen layouts of 2026-12-06 such pages gave wrong sure
    dates); since 2026-12-07 the citation counts against it only a little, and its marks make it sure."""
    from pipeline.classify import likeliest_sheet

    sheet = make_page([words_of("Baulastenverzeichnis Stadt Kaarst"),
                       words_of("Grundstück: Gemarkung Büttgen, Flur 31 Lfd. Nr."),
                       words_of("1.) Der jeweilige Eigentümer übernimmt die Zufahrt."),
                       words_of("(Verpflichtungserklärung vom 18.07.1991) Eingetragen am 30. August 1991.")])
    declaration = make_page([words_of("Verpflichtungserklärung (Übernahme einer Baulast)"),
                             words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Büttgen, Flur 31")])
    assert likeliest_sheet([sheet]) == (sheet, True)
    assert likeliest_sheet([declaration]) == (None, False)


def test_a_sheet_citing_a_declaration_whose_title_went_unread_is_proposed() -> None:
    """The letter-spaced title misread ("Bra uelmassswien ver zeesichh.n ds"): the entry's marks
    alone (5.5) less the citation's -1 make a proposal, no sure sheet; the declaration itself, headed by
    the word, stays none."""
    from pipeline.classify import likeliest_sheet

    sheet = make_page([words_of("Bra uelmassswien ver zeesichh.n ds"),
                       words_of("Grundstück: Gemarkung Dormagen, Flur 4, Flurstück 510/14"),
                       words_of("Eintragungen:"),
                       words_of("1.) Der jeweilige Eigentümer des Grundstücks übernimmt die Leitung."),
                       words_of("(Verpflichtungserklärung vom 03.05.1975) Eingetragen: 11.7.75")])
    declaration = make_page([words_of("Verpflichtungserklärung (Übernahme einer Baulast)"),
                             words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Dormagen, Flur 4")])
    assert sheet_score(sheet) == 1.0 + 2.0 + 1.0 + 0.5 + 1.0 - 1.0
    assert likeliest_sheet([sheet, declaration]) == (sheet, False)
    assert likeliest_sheet([declaration]) == (None, False)


def test_a_sheet_citing_the_owners_declaration_is_a_sure_sheet() -> None:
    """A register sheet whose entry names "(Verpflichtungserklärung vom ...)": its marks make it sure;
    the citation counts against it a little, not as a declaration's heading would."""
    from pipeline.classify import likeliest_sheet

    sheet = make_page([words_of("Baulastenverzeichnis der Stadt Kaarst"),
                       words_of("Gemarkung Büttgen Flur 9 Flurstück 1086/12"),
                       words_of("Lfd. Nr. Inhalt"),
                       words_of("1 Der jeweilige Eigentümer des Grundstücks übernimmt die Abstandfläche."),
                       words_of("Eingetragen am 12.03.1987 (Verpflichtungserklärung vom 03.02.1987)")])
    declaration = make_page([words_of("Verpflichtungserklärung"), words_of("Baulastenverzeichnis der Stadt Kaarst"),
                             words_of("Gemarkung Büttgen Flur 9 Flurstück 1086/12"),
                             words_of("Der jeweilige Eigentümer des Grundstücks übernimmt die Abstandfläche."),
                             words_of("Eingetragen wird die Baulast nach Unterschrift.")])
    assert likeliest_sheet([declaration, sheet]) == (sheet, True)
    assert likeliest_sheet([declaration]) == (None, False)


def test_a_signature_column_does_not_make_a_sheet_a_letter() -> None:
    from pipeline.classify import likeliest_sheet

    sheet = make_page([words_of("Baulastenverzeichnis Gemarkung Zons Flur 3 Flurstück 12"),
                       words_of("Inhalt der Eintragung Unterschrift")])
    assert likeliest_sheet([sheet]) == (sheet, False)  # weak (3.0 + 1 + 1 + 0.5 - 2), but no letter


def test_entry_prose_keeps_tesseracts_reading_order_beside_a_margin_note() -> None:
    """A margin note beside the prose shares its visual rows; read row by row, the two would be
    shuffled into each other and the prose's parcel lost."""
    from baulast.model import OcrPage, Word
    from pipeline.extract import _entry_words
    from pipeline.layout import rows_of

    def line(block: int, number: int, x: int, y: int, text: str) -> list[Word]:
        words, left = [], x
        for token in text.split():
            words.append(Word(token, 95.0, (left, y, left + 25 * len(token), y + 40), block, 1, number))
            left += 25 * len(token) + 25
        return words

    words = (line(1, 1, 200, 100, "Lfd. Nr. Inhalt der Eintragung")
             + line(2, 1, 150, 200, "Rhein-Kreis") + line(2, 2, 150, 260, "Neuss")
             + line(3, 1, 600, 200, "Gemarkung Jüchen,") + line(3, 2, 600, 260, "Flur 20, Flurstück 164"))
    page = OcrPage(1, 2480, 3508, tuple(words), "")
    prose = " ".join(w.text for w in _entry_words(rows_of(page), 0))
    assert prose == "Rhein-Kreis Neuss Gemarkung Jüchen, Flur 20, Flurstück 164"


def test_a_tall_mark_does_not_join_a_label_line_to_the_value_line_below() -> None:
    """A table rule read as "|" reaches from the label's line into the next; the label and the
    date below it must stay two rows, or the row reads "Eintragung 29.03.1982 vom"."""
    from baulast.model import OcrPage, Word
    from pipeline.layout import rows_of

    words = (Word("|", 60.0, (90, 180, 100, 290), 1, 1, 1), Word("Eintragung", 95.0, (120, 200, 400, 240), 1, 1, 1),
             Word("vom", 95.0, (420, 200, 520, 240), 1, 1, 1), Word("29.03.1982", 95.0, (300, 255, 560, 295), 1, 1, 2))
    rows = rows_of(OcrPage(1, 2480, 3508, words, ""))
    assert [row.text for row in rows] == ["| Eintragung vom", "29.03.1982"]


def test_a_gemarkung_smudged_in_the_header_is_as_sure_as_the_prose_spells_it(gazetteer) -> None:
    """The header reads "Liedeeg" (a loose gazetteer match), the prose "Liedberg" with the same
    Flur and Flurstück: two readings agree, and the better-spelt one sets how sure it is."""
    restating = ("1", ["Der Eigentümer des Grundstücks", "Gemarkung Liedberg, Flur 11,", "Flurstück 138 übernimmt",
                       "die Abstandfläche."], ["Eingetragen", "am 12.03.1987"])
    silent = ("1", ["Der jeweilige Eigentümer übernimmt die Abstandfläche."], ["Eingetragen", "am 12.03.1987"])
    header = "Gemarkung Liedeeg Flur 11 Flurstück 138"
    confirmed = extract(sheet("Baulastenblatt Nr. 77", header, entries=[restating]), gazetteer).parcels
    unconfirmed = extract(sheet("Baulastenblatt Nr. 77", header, entries=[silent]), gazetteer).parcels
    assert confirmed.value == unconfirmed.value == (Parcel("Liedberg", 11, "138"),)
    assert confirmed.confidence >= 0.85 > unconfirmed.confidence


def test_a_date_no_label_names_is_proposed_from_the_first_entrys_date_column(gazetteer) -> None:
    """A remarks column in a wording nobody here has seen: the first entry's date beside the
    prose is proposed for a person to confirm; a date the prose gives a declaration is not."""
    unknown = ("1", ["Der Eigentümer übernimmt laut", "Erklärung vom 02.02.1987 die", "Abstandfläche."],
               ["Registriert", "12.03.1987"])
    extraction = extract(sheet("Baulastenblatt Nr. 77", "Gemarkung Zons Flur 3 Flurstück 12", entries=[unknown]),
                         gazetteer)
    assert extraction.date.value == dt.date(1987, 3, 12)
    assert extraction.date.confidence <= 0.5
    prose_only = ("1", ["Der Eigentümer übernimmt laut", "Erklärung vom 02.02.1987 die", "Abstandfläche."], [])
    assert extract(sheet("Baulastenblatt Nr. 77", "Gemarkung Zons Flur 3 Flurstück 12", entries=[prose_only]),
                   gazetteer).date is None


def test_a_word_many_lines_tall_joins_no_rows() -> None:
    """A punched margin read as one tall "word" spans the page: it must not merge all rows."""
    from baulast.model import Word
    from pipeline.layout import rows_of

    page = make_page([words_of("Gemarkung Jüchen"), words_of("Flur 20 Flurstück 335/11"),
                      words_of("Lage: Hauptstr. 3")])
    margin = Word(text="v000000000680c", conf=11.0, bbox=(10, 50, 130, 3200), block=99, par=1, line=1)
    rows = rows_of(dataclasses.replace(page, words=(margin, *page.words)))
    assert [row.text for row in rows] == ["Gemarkung Jüchen", "Flur 20 Flurstück 335/11", "Lage: Hauptstr. 3"]


def test_a_speck_several_lines_tall_joins_no_rows() -> None:
    """A speck in the margin, five lines tall, beside three header lines: the lines stay rows."""
    from baulast.model import Word
    from pipeline.layout import rows_of

    page = make_page([words_of("Grundstück: Gem. Zons, Fl. 20, Flst. 1648", 300), words_of("Lage: Lindenweg 28", 300),
                      words_of("Grundbuch: Zons Bl. 9487", 300)])
    speck = Word(text="aa", conf=20.0, bbox=(50, 180, 100, 420), block=99, par=1, line=1)
    rows = rows_of(dataclasses.replace(page, words=(speck, *page.words)))
    assert [row.text for row in rows] == ["aa Grundstück: Gem. Zons, Fl. 20, Flst. 1648", "Lage: Lindenweg 28",
                                          "Grundbuch: Zons Bl. 9487"]


def test_the_entrys_own_clause_naming_more_parcels_makes_the_header_incomplete(gazetteer) -> None:
    """The header's reading lost a parcel; the entry's clause before "verpflichtet" names it. The
    prose restates every parcel the header read, yet the header's set is not sure; the clause's
    parcels are proposed with it (they are burdened too), the benefiting one never."""
    rows = [words_of("Baulastenblatt Nr. 17"), words_of("Gemarkung Zons Flur 3 Flurstück 12"), TABLE_HEAD_ROW,
            [("1", 220), *words_of("Der Eigentümer der Grundstücke", 600)],
            words_of("Gemarkung Zons, Flur 3,", 600),
            words_of("Flurstück 12 und 13 verpflichtet", 600),
            words_of("sich, die Abstandfläche zugunsten", 600),
            words_of("Gemarkung Zons, Flur 3, Flurstück 9", 600)]
    parcels = extract(make_page(rows), gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "12"), Parcel("Zons", 3, "13")) and parcels.confidence <= 0.5
    # The verb misread ("verp' lichtet"): the clause still ends at the words after it, before
    # the benefiting parcel ("für das Grundstück ... Flurstück 9").
    misread = [*rows[:5], words_of("Flurstück 12 und 13 verp' lichtet sich", 600),
               words_of("gegenüber der Stadt, für das Grundstück", 600), rows[7]]
    parcels = extract(make_page(misread), gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "12"), Parcel("Zons", 3, "13")) and parcels.confidence <= 0.5
    rows[5] = words_of("Flurstück 12 verpflichtet", 600)
    parcels = extract(make_page(rows), gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 3, "12"),) and parcels.confidence >= 0.85
    rows[4] = words_of("Gemarkung gel. Zons, Flur 3,", 600)
    assert extract(make_page(rows), gazetteer).parcels.confidence > 0.5  # a margin note names no parcel


def test_a_remark_closing_its_entry_does_not_make_the_entry_text_header(gazetteer) -> None:
    """No table head; each entry is a numbered paragraph closed by "Eingetragen am ...". The
    table begins at "1.)", so the benefiting parcel of entry 1's text is no header parcel."""
    page = make_page([
        words_of("Baulastenverzeichnis Stadt Dormagen"),
        words_of("Grundstück: Gemarkung Zons, Flur 13, Flurstück 15"),
        words_of("Vorgang: 63/2-8680/71"),
        words_of("1.) Der jeweilige Eigentümer des Grundstücks Gemarkung Zons,"),
        words_of("Flur 13, Flurstück 15 verpflichtet sich, zugunsten des Grundstücks"),
        words_of("Gemarkung Zons, Flur 13, Flurstück 624 die Zufahrt zu dulden."),
        words_of("Eingetragen am 7. Juni 1971."),
        words_of("2.) Der jeweilige Eigentümer des Grundstücks Gemarkung Zons,"),
        words_of("Flur 13, Flurstück 15 verpflichtet sich, auf dem Grundstück"),
        words_of("Gemarkung Zons, Flur 13, Flurstück 624 Stellplätze zu dulden."),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Zons", 13, "15"),) and extraction.parcels.confidence >= 0.85
    # Without the running numbers, the header ends above the first remark, below entry 1's text:
    # its benefiting parcel is read as a header parcel, and nothing there is sure.
    from pipeline.layout import rows_of

    unnumbered = make_page([[(w.text, w.bbox[0]) for w in row.words if w.text not in ("1.)", "2.)")]
                            for row in rows_of(page)])
    parcels = extract(unnumbered, gazetteer).parcels
    assert parcels.confidence <= 0.7


def test_a_date_column_beside_the_prose_is_no_part_of_it(gazetteer) -> None:
    """"Lfd. | Gegenstand der Baulast | Eingetragen | Vermerke": the dates of the "Eingetragen"
    column stand between the prose's lines; read into it, "Flurstück 10.12.2009" names a parcel."""
    page = make_page([
        words_of("Baulastenblatt Nr. 2321"),
        words_of("Gemarkung Zons Flur 13 Flurstück 621/35"),
        [("Lfd.", 100), ("Gegenstand", 300), ("der", 640), ("Baulast", 760), ("Eingetragen", 1500),
         ("Vermerke", 2000)],
        [("1", 100), *words_of("Der Eigentümer des Grundstücks", 300)],
        [*words_of("Gemarkung Zons, Flur 13, Flurstück", 300), ("10.12.2009", 1500), ("Erkl.", 2000)],
        words_of("621/35 verpflichtet sich zugunsten", 300),
        words_of("Gemarkung Zons, Flur 12, Flurstück 248", 300),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Zons", 13, "621/35"),) and extraction.parcels.confidence >= 0.85


def test_a_program_prints_heading_with_its_number_run_into_a_dash_opens_entry_1(gazetteer) -> None:
    """"Baulast Ifd. Nr. 1- Anbaubaulast": the running number read together with the dash
    after it still opens entry 1, so the entry's text, which names the neighbour's parcel
    the Baulast benefits, is no part of the header's burdened parcels."""
    page = make_page([
        words_of("Stadt Neuss Der Bürgermeister Baulastenblatt"),
        [*words_of("Bauaufsicht"), *words_of("Blattkennung 0373", 1500)],
        words_of("Belastete Grundstücke"),
        words_of("Gemarkung Rosellen, Flur 25, Flurstück 2140"),
        words_of("Baulast Ifd. Nr. 1- Anbaubaulast Status: wirksam"),
        [("Datum", 200), ("Vorgang", 500)],
        [("05.02.2006", 200), *words_of("Baulasterklärung des Eigentümers", 500)],
        [("08.03.2006", 200), *words_of("Eintragung in das Baulastenverzeichnis", 500)],
        words_of("Inhalt: Der jeweilige Eigentümer des Grundstücks Gemarkung Rosellen, Flur 25, Flurstück 2140"),
        words_of("verpflichtet sich, an das Grenzgebäude auf dem Grundstück Gemarkung Rosellen,"),
        words_of("Flur 25, Flurstück 491 ohne Abstand anzubauen."),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Rosellen", 25, "2140"),)
    assert extraction.date.value == dt.date(2006, 3, 8)


def _parcel_column_sheet(second_cell: str):  # type: ignore[no-untyped-def]
    """A register page whose entries name their parcels in a "Grundstück" column beside the entry text;
    the header names the Gemarkung only."""
    head = [("Nr.", 100), ("Grundstück", 300), ("Inhalt", 1000), ("der", 1200), ("Baulast", 1320),
            ("Bemerkungen", 1800)]
    return make_page([
        words_of("Baulasten-Register Gemarkung Straberg Stadt Dormagen"),
        words_of("Baulastenblatt Nr. 423"),
        head,
        words_of("(Flur, Flurstück)", 300),
        [("1.", 100), *words_of("Fl. 20 Nr. 219,", 250), *words_of("Vereinigungsbaulast zugunsten", 900),
         *words_of("eingetragen", 1800)],
        [*words_of("229/4", 250), *words_of("Fl. 20 Nr. 295/11: Die", 900), *words_of("am 12.03.1987", 1800)],
        [("2.", 100), *words_of("Fl. 20 Nr. 219,", 250), *words_of("Anbaubaulast zugunsten", 900),
         *words_of("eingetragen", 1800)],
        [*words_of(second_cell, 250), *words_of("Fl. 21 Nr. 5: Der", 900), *words_of("am 03.04.1990", 1800)],
    ])


def test_parcels_from_the_entries_parcel_column(gazetteer) -> None:
    """The burdened parcels stand in each entry's "Grundstück" cell, not in the header; the entry text's
    benefiting parcels (295/11, Flur 21) are not the record's."""
    found = extract(_parcel_column_sheet("229/4"), gazetteer).parcels
    assert set(found.value) == {Parcel("Straberg", 20, "219"), Parcel("Straberg", 20, "229/4")}


def test_a_parcel_cell_read_without_its_slash_is_no_parcel_but_a_doubt(gazetteer) -> None:
    """One entry's "229/4" read as "2294": the other entries name the parcel; a person looks."""
    found = extract(_parcel_column_sheet("2294"), gazetteer).parcels
    assert set(found.value) == {Parcel("Straberg", 20, "219"), Parcel("Straberg", 20, "229/4")}
    assert found.confidence <= 0.6



def test_a_two_word_parcel_column_head(gazetteer) -> None:
    """"Belastetes Grundstück" heads the parcel column: its first word is no column of its own."""
    head = [("Nr.", 100), ("Belastetes", 250), ("Grundstück", 560), ("Inhalt", 1000), ("der", 1200),
            ("Baulast", 1320), ("Bemerkungen", 1800)]
    page = make_page([
        words_of("Baulasten-Register Gemarkung Straberg Stadt Dormagen"),
        words_of("Baulastenblatt Nr. 423"),
        head,
        [("1.", 100), *words_of("Fl. 20 Nr. 219,", 250), *words_of("Anbaubaulast zugunsten", 900),
         *words_of("eingetragen", 1800)],
        [*words_of("229/4", 250), *words_of("Fl. 20 Nr. 295/11: Der", 900), *words_of("am 12.03.1987", 1800)],
    ])
    found = extract(page, gazetteer).parcels
    assert set(found.value) == {Parcel("Straberg", 20, "219"), Parcel("Straberg", 20, "229/4")}


def test_a_grundstueck_head_over_the_entry_text_is_no_parcel_column(gazetteer) -> None:
    """"Grundstück" heads a column whose lines are the entry's prose: no parcel cells, and the prose's
    benefiting parcel (130) is not the record's."""
    page = make_page([
        words_of("Stadt Dormagen Der Bürgermeister"),
        words_of("Baulastenblatt Nr. 423"),
        [("Nr.", 100), ("Grundstück", 300), ("Bemerkungen", 1800)],
        [("1", 100), *words_of("Der jeweilige Eigentümer des Grundstücks", 250)],
        words_of("Gemarkung Zons, Flur 3, Flurstück 12 übernimmt", 250),
        words_of("die Abstandfläche zugunsten Flurstück 130.", 250),
    ])
    found = extract(page, gazetteer).parcels
    assert set(found.value) == {Parcel("Zons", 3, "12")}


def test_review_a_declarations_split_heading_is_no_citation() -> None:
    """"Verpflichtungs- erklärung" split over two words heads a declaration: it counts fully against the page."""
    from pipeline.classify import likeliest_sheet

    declaration = make_page([words_of("Verpflichtungs- erklärung"), words_of("Baulastenverzeichnis der Stadt Kaarst"),
                             words_of("Gemarkung Büttgen Flur 9 Flurstück 1086/12"),
                             words_of("Der jeweilige Eigentümer des Grundstücks übernimmt die Abstandfläche."),
                             words_of("Eingetragen am: ____ Bl. Nr. ____ Lfd. Nr. ____")])
    assert likeliest_sheet([declaration])[1] is False


def test_a_lageplan_naming_the_sheet_is_no_sure_sheet() -> None:
    """A Lageplan names the sheet's number, its parcel and its date too; its scale ("M 1:500") counts against
    it as a sheet, so an Akte without its sheet gets no sure one."""
    from pipeline.classify import likeliest_sheet

    plan = make_page([words_of("Lageplan zur Verpflichtungserklärung vom 03.02.1987"),
                      words_of("Baulastenblatt Nr. 1234"),
                      words_of("Gemarkung Büttgen Flur 9 Flurstück 1086/12"), words_of("Belastete Fläche"),
                      words_of("M 1:500"), words_of("Eingetragen 12.03.1987")])
    assert likeliest_sheet([plan])[1] is False


def test_a_sheet_printed_with_a_map_of_its_parcels_is_a_sure_sheet() -> None:
    """A register portal prints the sheet beside a map of its parcels, with the map's scale ("M 1:1000"). A plan's
    text is labels; the sheet's entries are sentences, so the scale does not count against it. Its "Betroffene
    Flurstücke" and the print's title "Baulastenauskunft" are a sheet's marks."""
    from pipeline.classify import likeliest_sheet

    words = [words_of("Baulastenauskunft - GeoPortal Rhein-Kreis Neuss"), words_of("Nr. Baulastenblatt 0255"),
             words_of("Gemeinde Grevenbroich"), words_of("Betroffene Flurstücke"),
             words_of("Gmk. Elsen, Flur 1, Flst. 275/2, 1066/37"), words_of("0 10 20 m M 1:1000"),
             words_of("Baulast 1: Vereinigungsbaulast aktiv"),
             words_of("Die Eigentümer der Grundstücke Gemarkung Elsen, Flur 1, Flurstück 275/2 und Gemarkung Elsen,"),
             words_of("Flur 1, Flurstück 1066/37 verpflichten sich gegenüber der Stadt Grevenbroich, die"),
             words_of("Grundstücke bei der Anwendung der bauordnungsrechtlichen Vorschriften als ein Grundstück"),
             words_of("Eintragung: 28.05.2014 - Verpflichtungserklärung: 16.01.2014")]
    page = make_page(words)
    assert sheet_score(page) == 3.0 + 1.5 + 1.0 + 1.0 + 0.5 + 1.0 - 1.0
    assert likeliest_sheet([page]) == (page, True)
    # Its labels alone, without the entries' sentences, would be a plan's.
    assert sheet_score(make_page(words[:7] + words[-1:])) == 3.0 + 1.5 + 1.0 + 0.5 + 1.0 - 1.0 - 3.0


def test_a_spreadsheets_bv_blatt_marks_the_sheet() -> None:
    """A register kept in a spreadsheet, printed, its shaded column heads unread: "BV-Blatt 0761" under
    "Baulastenverzeichnis Stadt Dormagen" is the sheet's title under the register's initials."""
    from pipeline.classify import likeliest_sheet

    page = make_page([words_of("Baulasten_Dormagen.xlsx BV-Übersicht"), words_of("Baulastenverzeichnis Stadt Dormagen"),
                      words_of("BV-Blatt 0761"), words_of("Gemeinde Dormagen"),
                      words_of("Hackenbroich 32 1351 Am Hagelkreuz, Gebäude- und Freifläche 1.947")])
    assert sheet_score(page) == 1.5 + 3.0
    assert likeliest_sheet([page]) == (page, False)  # proposed for a person to check


def _portal_print(stray: list[tuple[str, int]]):  # type: ignore[no-untyped-def]
    """A register portal's print: its header's fields, the burdened parcel in one line, and `stray` (a map's
    labels) on the line below it; entry 1 restating the parcel."""
    return make_page([
        words_of("Baulastenauskunft - GeoPortal Stadt Kaarst"), words_of("Nr. Baulastenblatt 1745"),
        words_of("Gemeinde Kaarst"), words_of("Betroffene Flurstücke"), words_of("Gmk. Kaarst, Flur 34, Flst. 2589"),
        stray,
        words_of("Baulast 1: Abstandflächenbaulast"),
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Kaarst, Flur 34, Flurstück 2589 verpflichtet"),
        words_of("sich gegenüber der Stadt Kaarst, die Abstandfläche von jeglicher Bebauung freizuhalten."),
        words_of("Eintragung: 09.04.2011 - Verpflichtungserklärung: 17.02.2011"),
    ])


def test_a_maps_parcel_number_right_of_the_headers_parcels_is_none_of_them(gazetteer) -> None:
    """"2608/4" beside the header, wholly right of the parcel's line: a map's label, no continuation of the list,
    which goes on below its line ("2590" under it is one)."""
    assert extract(_portal_print([("2608/4", 1571)]), gazetteer).parcels.value == (Parcel("Kaarst", 34, "2589"),)
    below = extract(_portal_print([("2590", 620)]), gazetteer).parcels
    assert set(below.value) == {Parcel("Kaarst", 34, "2589"), Parcel("Kaarst", 34, "2590")}


def _typed_register(parcel_lines: list[str], restated: str):  # type: ignore[no-untyped-def]
    """A typed register sheet: a caption "(Gemarkung, Flur, Flurstück)" over the parcels' lines, which name their
    Gemarkung unlabelled; entry 1's text restating `restated`."""
    return make_page([
        words_of("Gemeinde Jüchen Verz.-Nr. 2104"), words_of("Baulastenverzeichnis", 600),
        words_of("Belastetes Grundstück (Gemarkung, Flur, Flurstück)"),
        *[words_of(line) for line in parcel_lines],
        [("Lfd.", 160), ("Inhalt", 600), ("der", 790), ("Baulast", 900), ("Bemerkungen", 1700)],
        [("1", 160), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung", 250)],
        words_of(f"{restated} verpflichtet sich, die Abstandfläche zu übernehmen.", 250),
        words_of("Eingetragen am 05.12.1971", 250),
    ])


def test_parcel_lines_naming_their_gemarkung_unlabelled_under_a_caption(gazetteer) -> None:
    """"Jüchen, Flur 13, Flurstücke 14, 59/23" under "(Gemarkung, Flur, Flurstück)": each line opens with its
    Gemarkung, the second line's another ("Elsen, Flur 29, Flurstück 234")."""
    page = _typed_register(["Jüchen, Flur 13, Flurstücke 14, 59/23", "Elsen, Flur 29, Flurstück 234"],
                           "Jüchen, Flur 13, Flurstück 14")
    assert set(extract(page, gazetteer).parcels.value) == {
        Parcel("Jüchen", 13, "14"), Parcel("Jüchen", 13, "59/23"), Parcel("Elsen", 29, "234")}


def test_a_gemarkung_label_wrapped_before_its_name_is_read_once(gazetteer) -> None:
    """"Belastet ist das Grundstück in Rommerskirchen, Gemarkung" / "Rommerskirchen, Flur 10, Flurstücke 1131/38 und
    234/18": the name on the next line is the label's, which needs no second one."""
    page = _typed_register(["Belastet ist das Grundstück in Rommerskirchen, Gemarkung",
                            "Rommerskirchen, Flur 10, Flurstücke 1131/38 und 234/18"],
                           "Rommerskirchen, Flur 10, Flurstück 1131/38")
    assert set(extract(page, gazetteer).parcels.value) == {Parcel("Rommerskirchen", 10, "1131/38"),
                                                           Parcel("Rommerskirchen", 10, "234/18")}


def test_a_gemarkung_labelled_short_needs_no_second_label(gazetteer) -> None:
    """"Gem. Evinghoven Flur 5 Flst. 127/9": the line's Gemarkung is labelled, cut short."""
    page = _typed_register(["Katasterbezeichnung: Gem. Evinghoven Flur 4 Flst. 447",
                            "Gem. Evinghoven Flur 5 Flst. 127/9"], "Evinghoven, Flur 4, Flurstück 447")
    assert set(extract(page, gazetteer).parcels.value) == {Parcel("Evinghoven", 4, "447"),
                                                           Parcel("Evinghoven", 5, "127/9")}


def test_a_flurstueck_of_five_digits_is_doubted(gazetteer) -> None:
    """"23819" in the header and the entry text alike: more often "2381/9" read without its slash (a cursive hand's
    slash runs into the digit, in every reading of it) than a Zähler of five digits."""
    page = _typed_register(["Jüchen, Flur 5, Flurstück 23819"], "Jüchen, Flur 5, Flurstück 23819")
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Jüchen", 5, "23819"),) and parcels.confidence < 0.75
    four = extract(_typed_register(["Jüchen, Flur 5, Flurstück 2381"], "Jüchen, Flur 5, Flurstück 2381"), gazetteer)
    assert four.parcels.confidence >= 0.75


def _register_extract(*texts: list[tuple[str, int]]):  # type: ignore[no-untyped-def]
    """A register program's extract: the parcels listed in the header, a summary table of the entries
    ("Nr. | Art der Baulast | Eintragungsdatum | Löschungsdatum | Stand"), the entries' texts below it."""
    return make_page([
        words_of("Stadt Kaarst"), words_of("Baulastenverzeichnis - Registerauszug"),
        words_of("Registernummer 3751"), words_of("Betroffene Grundstücke"),
        words_of("- Gmkg. Kaarst, Flur 14, Flst. 7593", 230),
        [("Nr.", 230), ("Art", 330), ("der", 450), ("Baulast", 570), ("Eintragungsdatum", 1300),
         ("Löschungsdatum", 1650), ("Stand", 2150)],
        [("1", 240), ("Zufahrtsbaulast", 330), ("10.11.2017", 1300), ("in", 2150), ("Kraft", 2230)],
        words_of("Eintragungstexte"),
        *texts,
    ])


def test_entry_texts_below_a_summary_table_run_the_pages_width(gazetteer) -> None:
    """The texts below the summary table run under its date columns: the parcel they restate
    there confirms the header's."""
    page = _register_extract(words_of("Zu Nr. 1: Der Eigentümer des Grundstücks Gemarkung Kaarst, Flur 14,", 200),
                             words_of("Flurstück 7593 duldet die Zufahrt über sein Grundstück auf Flurstück 7593", 200))
    assert next(w for w in page.words if w.text == "Gemarkung" and w.bbox[0] > 1300)  # under the date columns
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Kaarst", 14, "7593"),)
    assert extraction.parcels.confidence >= 0.85


def test_a_parcel_the_entry_text_also_names_with_its_slash_is_read_with_it(gazetteer) -> None:
    """"7593" in the header and one entry, "759/3" in the other: the slash was lost, not read in."""
    page = _register_extract(words_of("Zu Nr. 1: Der Eigentümer des Grundstücks Gemarkung Kaarst, Flur 14,", 200),
                             words_of("Flurstück 7593 duldet die Zufahrt.", 200),
                             words_of("Zu Nr. 2: Der Eigentümer des Grundstücks Gemarkung Kaarst, Flur 14,", 200),
                             words_of("Flurstück 759/3 duldet die Leitungen.", 200))
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Kaarst", 14, "759/3"),) and parcels.confidence < 0.75


def _odd_sheet_and_plan(plan_words: str):  # type: ignore[no-untyped-def]
    """A register sheet in wordings the classifier does not know well (a weak score), and a Lageplan."""
    odd = make_page([words_of("Stadt Jüchen Der Bürgermeister"), words_of("Verzeichnis der Baulasten"),
                     words_of("Registernummer 3751"), words_of("Gemarkung Jüchen Flur 20 Flurstück 335/11"),
                     [("Nr.", 200), ("Art", 330), ("der", 450), ("Baulast", 570), ("Tag", 1300), ("der", 1420),
                      ("Eintragung", 1540)],
                     [("1", 200), ("Abstandflächenbaulast", 330), ("12.03.1987", 1300)],
                     words_of("Der Eigentümer des Grundstücks Gemarkung Jüchen, Flur 20, Flurstück 335/11", 330),
                     words_of("übernimmt die Abstandfläche.", 330)])
    plan = make_page([words_of(plan_words)], number=2)
    return odd, plan


@pytest.mark.parametrize(("plan_words", "trusted"), [
    pytest.param("Lageplan M 1:500 Flurstück 335/11", True, id="no-rival"),
    pytest.param("Lageplan zum Verzeichnis der Baulasten Gemarkung Jüchen Flur 20", False, id="a-rival"),
])
def test_a_likeliest_sheet_that_reads_as_a_sheet_in_every_field_is_trusted(gazetteer, plan_words, trusted) -> None:
    """A page the classifier knows only weakly, whose every field reads as surely as a sure sheet's
    (a register number under its label, parcels of a known Gemarkung, a labelled date), is a sheet in
    other wordings; not where another page of the file may be the sheet as well."""
    from baulast.validation import validate
    from pipeline.classify import WEAK_SHEET_THRESHOLD, likeliest_sheet
    from pipeline.extract import from_likeliest_sheet

    odd, plan = _odd_sheet_and_plan(plan_words)
    scores = [sheet_score(odd), sheet_score(plan)]
    assert likeliest_sheet([odd, plan]) == (odd, False)
    assert (scores[1] >= WEAK_SHEET_THRESHOLD) is not trusted
    extraction = from_likeliest_sheet(extract(odd, gazetteer), odd, scores, 0, gazetteer)
    assert extraction.sheet_certain is trusted
    assert extraction.register_number.value == "3751" and extraction.date.value == dt.date(1987, 3, 12)
    assert (not [f for f in validate(extraction, gazetteer) if f.severity == "error"]) is trusted


def test_a_likeliest_sheet_with_one_field_unsure_stays_uncertain(gazetteer) -> None:
    from pipeline.extract import from_likeliest_sheet

    odd, _ = _odd_sheet_and_plan("")
    unsure = dataclasses.replace(extract(odd, gazetteer), date=None)  # the date went unread
    extraction = from_likeliest_sheet(unsure, odd, [sheet_score(odd)], 0, gazetteer)
    assert not extraction.sheet_certain and extraction.register_number.confidence <= 0.7


def test_a_remark_a_words_space_from_the_prose_is_no_part_of_it(gazetteer) -> None:
    """A tight ledger: "eingetr. am 21.04.1992" and "gez. Wolf" stand a word's space right of the prose
    lines, in the Eintragungsvermerk column. Read into the prose, they would split "Gemarkung" from "Zons"
    and the entry text would restate no parcel."""
    page = make_page([
        words_of("Baulastenverzeichnis von Dormagen"), words_of("Gemarkung: Zons"), words_of("Flur: 27"),
        words_of("Flurstück-Nr.: 696"), words_of("Nr. des Baulastenblattes: 1874"),
        [("Lfd.Nr.", 200), ("Gegenstand", 560), ("der", 900), ("Baulast", 1020), ("Eintragungsvermerk", 1950)],
        [("1.", 200), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung", 400),
         *words_of("eingetr. am 21.04.1992", 1950)],
        [*words_of("Zons, Flur 27, Flurstück 696 verpflichtet sich", 400), *words_of("gez. Wolf", 1830)],
        words_of("gegenüber der Stadt Dormagen, eine Fläche freizuhalten.", 400),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Zons", 27, "696"),) and parcels.confidence >= 0.85


def test_an_enumeration_heading_the_prose_column_heads_no_remarks_column(gazetteer) -> None:
    """"Eintragungen, Änderungen und Löschungen" heads the entries' text: its "Änderungen" (much like
    "Anmerkungen") cuts no remarks column out of the prose that restates the parcel."""
    page = make_page([
        words_of("Baulastenverzeichnis Baulastblatt-Kennziffer 152 a"), words_of("Gemeinde: Grevenbroich"),
        words_of("Gemarkung Elsen, Flur 12, Flurstück 169"),
        [("Lfd.", 130), ("Nr.", 230), ("Eintragungen,", 330), ("Änderungen", 750), ("und", 1100),
         ("Löschungen", 1230), ("Datum", 1900), ("Unterschrift", 2100)],
        [("1", 130), *words_of("Zufahrtsbaulast - Der jeweilige Eigentümer des Grundstücks", 330),
         ("01.11.1994", 1900)],
        words_of("Gemarkung Elsen, Flur 12, Flurstück 169 duldet die Zufahrt.", 330),
    ])
    parcels = extract(page, gazetteer).parcels
    assert parcels.value == (Parcel("Elsen", 12, "169"),) and parcels.confidence >= 0.85


@pytest.mark.parametrize("rows", [
    pytest.param([words_of("Stadt Dormagen Der Bürgermeister"), words_of("Baulastenakte Verzeichnis-Nr. 1234"),
                  words_of("Gemarkung Zons Flur 3 Flurstück 123/4"), [("Nr.", 200), ("Datum", 400), ("Vorgang", 800)],
                  [("1", 200), ("05.01.1987", 400), *words_of("Schreiben des Architekten", 800)],
                  [("2", 200), ("20.02.1987", 400), ("Lageplan", 800)]], id="an-akte's-cover-sheet"),
    pytest.param([words_of("Stadt Dormagen Der Bürgermeister"), words_of("Betr.: Baulastenverzeichnis Blatt-Nr. 1234"),
                  words_of("Gemarkung Zons Flur 3 Flurstück 123/4"),
                  [("Pos.", 200), ("Datum", 400), ("Leistung", 800), ("Betrag", 1800)],
                  [("1", 200), ("20.04.1987", 400), *words_of("Eintragung einer Baulast", 800), ("150,00", 1800)]],
                 id="a-fee-notice"),
])
def test_a_likeliest_page_that_states_no_registered_baulast_is_not_trusted(gazetteer, rows) -> None:
    """An Akte's cover sheet or a fee notice reads a number, a parcel and a date as surely as a sheet, but
    names no registration in a register's words nor states a Baulast: never trusted (from the review)."""
    from pipeline.classify import likeliest_sheet
    from pipeline.extract import from_likeliest_sheet

    page, blank = make_page(rows), make_page([], number=2)
    assert likeliest_sheet([page, blank]) == (page, False)
    extraction = from_likeliest_sheet(extract(page, gazetteer), page, [sheet_score(page), 0.0], 0, gazetteer)
    assert not extraction.sheet_certain
    assert all(f.confidence <= 0.7 for f in (extraction.register_number, extraction.date) if f is not None)



def _with_footer(page, *texts: str, y: int = 3300):  # type: ignore[no-untyped-def]
    """The page with a footer line low on it: each text a word, left to right."""
    words, x = [], 200
    for text in texts:
        words.append(Word(text=text, conf=95.0, bbox=(x, y, x + 30 * len(text), y + 60), block=99, par=1, line=1))
        x += 30 * len(text) + 30
    return dataclasses.replace(page, words=page.words + tuple(words))


def test_the_footer_of_a_register_program_names_the_sheet(gazetteer) -> None:
    """"Baulastenblatt 2102 - Stand: 31.08.2023 - Seite 1 von 1" low on the page, apart from the entries: the
    sheet the footer closes; the entry text's cross-reference is no longer the number."""
    entry = ("1", ["Zufahrt zugunsten Flurstück 130,", "siehe Baulastenblatt Nr. 345."], ["Eingetragen am 12.03.1987"])
    page = sheet("Gemarkung Zons Flur 3 Flurstück 12", entries=[entry])
    footed = _with_footer(page, "Baulastenblatt", "2102", "-", "Stand:", "31.08.2023", "Seite", "1", "von", "1")
    register_number = extract(footed, gazetteer).register_number
    assert register_number.value == "2102" and register_number.confidence >= 0.8
    # Not the last line of the entries' text, however low: a footer stands apart from the text above it.
    close = _with_footer(page, "Baulastenblatt", "2102", y=max(w.bbox[3] for w in page.words) + 20)
    assert extract(close, gazetteer).register_number.confidence <= 0.5


@pytest.mark.parametrize("flur_cell, sure", [(("308", 1000), False), ((), True)])
def test_a_flur_from_the_entry_text_is_disputed_by_another_number_in_the_header(gazetteer, flur_cell, sure) -> None:
    """The grid's Flur label unread ("Klar"), its value "308" in no column: the entry text's "Flur 39" completes
    the parcel, but the header's row holds another number where the Flur stands: never sure. Without it, the
    entry text's Flur is taken."""
    page = make_page([
        words_of("Stadt Neuss Der Stadtdirektor Baulastenverzeichnis"),
        [("Gemeinde", 100), ("Gemarkung", 500), ("Klar", 1000), ("Flurstück(e)", 1150), ("Baulastenblatt-Nr.", 1800)],
        [("Neuss", 100), ("Hoisten", 500), *([flur_cell] if flur_cell else []), ("176/11", 1150), ("0248", 1900)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600)],
        words_of("Gemarkung Hoisten, Flur 39, Flurstück 176/11 übernimmt", 600),
        words_of("die Abstandfläche. Eingetragen am 12.03.1987", 600),
    ])
    found = extract(page, gazetteer).parcels
    assert found.value == (Parcel("Hoisten", 39, "176/11"),)
    assert (found.confidence >= 0.8) is sure


def test_a_parcel_row_over_captions_that_did_not_read_leaves_the_set_incomplete(gazetteer) -> None:
    """"Hülchrath 19 589/39" over captions read with a speck among them ("Gemarkung Flur 5 Flurstück(e)"), then
    "Hülchrath 20 2231" over clean captions: only the second is read, and the set is never sure."""
    page = make_page([
        words_of("Stadt Grevenbroich Baulastenkartei Karteiblatt Nr. 1781 a"),
        [("Hülchrath", 150), ("19", 700), ("589/39", 950)],
        [("Gemarkung", 150), ("Flur", 700), ("5", 820), ("Flurstück(e)", 950)],
        [("Hülchrath", 150), ("20", 700), ("2231", 950)],
        [("Gemarkung", 150), ("Flur", 700), ("Flurstück(e)", 950)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Die Eigentümer der Grundstücke Gemarkung Hülchrath,", 600)],
        words_of("Flur 20, Flurstück 2231 verpflichten sich. Eingetragen am 09.08.1970", 600),
    ])
    found = extract(page, gazetteer).parcels
    assert Parcel("Hülchrath", 20, "2231") in found.value and found.confidence <= 0.5


def test_the_rows_other_flurstueck_disputes_no_flur(gazetteer) -> None:
    """"Nievenheim | Zei: | 150, 2074": the Flur unread, the entry text names both parcels in Flur 27; the row's
    "150" before "2074" is a Flurstück, no other Flur."""
    page = make_page([
        words_of("Stadt Dormagen Verzeichnisblatt Nr. 2056"),
        [("Gemarkung", 100), ("Flur", 700), ("Flurstück", 950)],
        [("Nievenheim", 100), ("Zei:", 700), ("150,", 950), ("2074", 1100)],
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Die Eigentümer der Grundstücke Gemarkung Nievenheim,", 600)],
        words_of("Flur 27, Flurstücke 150 und 2074 verpflichten sich.", 600),
        words_of("Eingetragen am 12.03.1987", 600),
    ])
    found = extract(page, gazetteer).parcels
    assert set(found.value) == {Parcel("Nievenheim", 27, "150"), Parcel("Nievenheim", 27, "2074")}
    assert found.confidence >= 0.8


def test_eingetragen_mit_wirkung_vom_dates_the_registration(gazetteer) -> None:
    """"Eingetragen mit Wirkung vom 08.11.2010": the registration takes effect from that date, it is the
    Eintragungsdatum, though "vom" elsewhere cites another document's date."""
    entry = ("1", ["Der jeweilige Eigentümer des Grundstücks", "Gemarkung Zons, Flur 3, Flurstück 12",
                   "übernimmt die Abstandfläche."], ["Eingetragen mit Wirkung vom 08.11.2010"])
    page = sheet("Stadt Dormagen Der Bürgermeister", "Baulastenblatt Nr. 1.234", "Gemarkung Zons Flur 3 Flurstück 12",
                 entries=[entry])
    assert extract(page, gazetteer).date.value == dt.date(2010, 11, 8)
