"""The entries table in wordings and shapes of other offices (no Tesseract)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from baulast.model import Parcel
from pipeline.classify import find_sheet
from pipeline.entries import first_numbered_entry
from pipeline.extract import extract
from pipeline.layout import rows_of
from tests.conftest import TABLE_HEAD_ROW, make_page, words_of

HEADER = [words_of("Gemeinde Jüchen Der Bürgermeister"), words_of("Baulastblatt Nr. 314"),
          words_of("Gemarkung Jüchen Flur 20 Flurstück 335/11")]


def test_remarks_headed_vermerke_with_tag_der_eintragung(gazetteer) -> None:
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Baulast", 920), ("Vermerke", 1800)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600),
         *words_of("Tag der Eintragung:", 1800)],
        [*words_of("Gemarkung Jüchen, Flur", 600), ("12.03.1987", 1800)],
        words_of("20, Flurstück 335/11 übernimmt die Abstandfläche", 600),
    ])
    assert find_sheet([page]) is page
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1987, 3, 12) and extraction.date.confidence >= 0.75
    assert extraction.register_number.value == "314"
    assert extraction.parcels.value == (Parcel("Jüchen", 20, "335/11"),)
    assert extraction.parcels.confidence >= 0.85  # confirmed by the prose, read without the Vermerke column


def test_dates_in_columns_of_their_own(gazetteer) -> None:
    """No remark labels in the rows: the table head names a date column and a deletion column."""
    page = make_page([
        *HEADER,
        [("Nr.", 200), ("Inhalt", 400), ("der", 560), ("Eintragung", 680), ("Eintragungsdatum", 1500),
         ("Löschung", 2000)],
        [("1", 220), *words_of("Zufahrtsbaulast zugunsten Flurstück 130.", 400), ("21.08.1981", 1500)],
        words_of("Breite 4,00 m.", 400),
        [("2", 220), *words_of("Leitungsbaulast: Leitungen zu dulden.", 400), ("22.06.1987", 1500),
         ("09.11.2018", 2000)],
    ])
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.type, e.registered_on, e.deleted_on) for e in extraction.entries] == [
        (1, "Zufahrtsbaulast", dt.date(1981, 8, 21), None),
        (2, "Leitungsbaulast", dt.date(1987, 6, 22), dt.date(2018, 11, 9)),
    ]
    assert extraction.date.value == dt.date(1981, 8, 21)
    # The evidence is the date's cell, not the column from its head down: that box is read again.
    date_word = next(w for w in page.words if w.text == "21.08.1981")
    assert extraction.date.evidence.bbox[1::2] == date_word.bbox[1::2]  # its top and bottom


def test_a_register_programs_print_heads_its_columns_in_short(gazetteer) -> None:
    """An EDV print of the register: "POS | EINTR.-TAG | LOESCH.-TAG | BAULASTART", the umlaut spelled
    out, a placeholder for a deletion not made; the entry's text runs under all columns, and the date of
    the declaration it cites ("ERKL. V. 22.09.83") is no deletion's."""
    page = make_page([
        *HEADER,
        [("POS", 130), ("EINTR.-TAG", 210), ("LOESCH.-TAG", 400), ("BAULASTART", 600)],
        [("001", 130), ("01.12.83", 210), ("--.--.--", 400), ("LEITUNGSBAULAST", 600)],
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Jüchen, Flur 20,", 210),
        words_of("Flurstück 335/11 duldet die Leitungen.", 210),
        words_of("ERKL. V. 22.09.83", 200),  # the declaration's date, under the deletion's column
        [("002", 130), ("14.02.90", 210), ("03.05.01", 400), ("STELLPLATZBAULAST", 600)],
        words_of("Zwei Stellplätze sind bereitzuhalten.", 210),
    ])
    assert next(w for w in page.words if w.text == "22.09.83").bbox[0] > 400  # in the column
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.type, e.registered_on, e.deleted_on) for e in extraction.entries] == [
        (1, "Leitungsbaulast", dt.date(1983, 12, 1), None),
        (2, "Stellplatzbaulast", dt.date(1990, 2, 14), dt.date(2001, 5, 3)),
    ]
    assert extraction.date.value == dt.date(1983, 12, 1)


def test_a_word_of_the_prose_is_no_remark(gazetteer) -> None:
    """'Eintragung' in the prose, with no date by it, opens no entry."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der Eigentümer übernimmt die Baulast.", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Sie wird mit der Eintragung am", 600), ("12.03.1987", 1800)],
        words_of("Tage wirksam.", 600),
    ])
    entries = extract(page, gazetteer).entries
    assert [(e.lfd_nr, e.registered_on) for e in entries] == [(1, dt.date(1987, 3, 12))]


def test_without_the_table_head_the_first_remark_found_is_not_trusted(gazetteer) -> None:
    """A poor scan: the table head and entry 1's remark unread; the first remark found may be
    entry 2's, so the date it gives is proposed, never accepted."""
    page = make_page([
        *HEADER,
        words_of("zu dulden. gez. Fischer"),
        [*words_of("Stellplatzbaulast für zwei Stellplätze.", 600), *words_of("eingetragen am 08.08.2010", 1800)],
    ])
    date = extract(page, gazetteer).date
    assert date.value == dt.date(2010, 8, 8) and date.confidence < 0.75


def test_a_column_headed_datum_or_eintragung_holds_the_dates(gazetteer) -> None:
    """A head that names the date column only by "Datum" (or "Eintragung" standing alone): its
    dates are the entries', and a date the column breaks over two lines is read from both."""
    for head in ("Datum", "Eintragung"):
        page = make_page([
            *HEADER,
            [("Nr.", 200), (head, 330), ("Text", 700), ("der", 860), ("Baulast", 980), ("Löschung", 2000)],
            [("1", 220), ("16.", 330), ("April", 420), *words_of("Der jeweilige Eigentümer des Grundstücks", 700)],
            [("1980", 330), *words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11 übernimmt", 700)],
            words_of("die Abstandfläche.", 700),
            [("2", 220), ("07.06.1989", 330), *words_of("Stellplatzbaulast für zwei Stellplätze.", 700),
             ("01.02.2001", 2000)],
        ])
        extraction = extract(page, gazetteer)
        assert [(e.lfd_nr, e.registered_on, e.deleted_on) for e in extraction.entries] == [
            (1, dt.date(1980, 4, 16), None), (2, dt.date(1989, 6, 7), dt.date(2001, 2, 1))], head
        assert extraction.date.value == dt.date(1980, 4, 16) and extraction.date.confidence >= 0.85


def test_the_prose_column_is_no_date_column(gazetteer) -> None:
    """"Inhalt der Eintragung" heads the prose: a date in the prose is no Eintragungsdatum."""
    page = make_page([
        *HEADER,
        [("Nr.", 200), ("Inhalt", 600), ("der", 800), ("Eintragung", 920), ("Löschung", 2000)],
        [("1", 220), *words_of("Erklärung vom 02.01.1987: der jeweilige Eigentümer übernimmt", 600)],
        words_of("die Abstandfläche.", 600),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date is None or extraction.date.confidence < 0.75
    assert extraction.date is None or extraction.date.value != dt.date(1987, 1, 2)


def test_a_header_line_with_a_date_is_no_table_head(gazetteer) -> None:
    from pipeline.layout import rows_of, table_head

    page = make_page([
        words_of("Datum der Eintragung: 12.03.1987"),
        [("Lfd.", 200), ("Nr.", 330), ("Text", 600), ("Bemerkungen", 1800)],
    ])
    assert table_head(rows_of(page)) == 1


def test_a_date_glued_to_its_label() -> None:
    """"Eintragung vom:11.01.2007.": the label's last word and the date read as one word."""
    from pipeline.layout import find_labels, rows_of

    page = make_page([[*words_of("Eintragung", 1800), ("vom:11.01.2007.", 2100)]])
    anchors = find_labels(rows_of(page), "Eintragung vom")
    assert [(a.start, a.end) for a in anchors] == [(0, 1)]


@pytest.mark.parametrize(("read", "label"), [("Eintragung Verrnerk", "Vermerk"), ("Lfd. Nurnmer", "Nummer")])
def test_a_label_with_letters_run_together(read: str, label: str) -> None:
    """"Verrnerk": an "m" read as "rn" is one misread letter, not two."""
    from pipeline.layout import find_labels, rows_of

    page = make_page([words_of(read, 200)])
    start = len(read.split()) - 1
    assert [(a.start, a.end) for a in find_labels(rows_of(page), label)] == [(start, start + 1)]


def test_a_date_glued_to_its_label_is_entry_ones(gazetteer) -> None:
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600), ("Eintragung", 1800),
         ("vom:11.01.2007.", 2100)],
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11 übernimmt die Abstandfläche", 600),
        [("2", 220), *words_of("Der jeweilige Eigentümer übernimmt eine Stellplatzbaulast", 600),
         *words_of("Eintragung vom 17.06.2009", 1800)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(2007, 1, 11)
    assert [e.registered_on for e in extraction.entries] == [dt.date(2007, 1, 11), dt.date(2009, 6, 17)]


def test_an_unreadable_date_in_the_date_column_is_not_replaced_by_the_next(gazetteer) -> None:
    """Entry 1's date cell reads "25. April 19671": its date is unknown; entry 2's date, further
    down the column, must not become entry 1's."""
    page = make_page([
        *HEADER,
        [("Nr.", 200), ("Inhalt", 600), ("der", 800), ("Baulast", 920), ("Tag", 1700), ("der", 1800),
         ("Eintragung", 1900)],
        [*words_of("Der Eigentümer des Grundstücks", 600), ("25.", 1700), ("April", 1800), ("19671", 1960)],
        words_of("Gemarkung Jüchen, Flur 20,", 600),
        words_of("Flurstück 335/11 verpflichtet", 600),
        words_of("sich, ohne Abstand anzubauen.", 600),
        [*words_of("Der Eigentümer übernimmt", 600), ("26.", 1700), ("Aug.", 1800), ("1973", 1960)],
        words_of("eine Stellplatzbaulast.", 600),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date is None or extraction.date.value != dt.date(1973, 8, 26)
    assert [e.registered_on for e in extraction.entries][-1] == dt.date(1973, 8, 26)


def test_a_table_whose_head_went_unread_begins_at_entry_ones_number(gazetteer) -> None:
    """No table head, no remark labels: the running number "1" at the left edge, a date after it,
    marks where the entries begin. The date after the number is proposed, never trusted, and the
    benefiting parcel of the entry text is no header parcel."""
    page = make_page([
        words_of("Baulastenverzeichnis Seite 1"),
        words_of("Baulastenbl.-Nr. .: 99"),
        words_of("Grundstück .: Gem. Jüchen, Fl. 20, Flst. 335/11"),
        words_of("Aktenzeichen .: 63/2-3132/83"),
        [("1", 200), ("18.01.83", 260), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung", 560)],
        words_of("Jüchen, Flur 20, Flurstück 335/11 übernimmt die Abstandfläche zugunsten", 560),
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 183.", 560),
        [("2", 200), ("18.03.90", 260), *words_of("Der jeweilige Eigentümer übernimmt eine Stellplatzbaulast", 560)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1983, 1, 18) and extraction.date.confidence <= 0.6
    assert extraction.parcels.value == (Parcel("Jüchen", 20, "335/11"),)


def test_a_heading_eingetragene_baulasten_is_no_remark(gazetteer) -> None:
    """"Eingetragene Baulasten" heads the entries of an extract; it opens no entry of its own."""
    page = make_page([
        *HEADER,
        words_of("Eingetragene Baulasten"),
        words_of("Eintrag 1 Datum der Eintragung: 11.09.2018"),
        words_of("Inhalt: Der jeweilige Eigentümer übernimmt eine Stellplatzbaulast."),
    ])
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [(1, dt.date(2018, 9, 11))]
    assert extraction.date.value == dt.date(2018, 9, 11)
    # Nor does it end the header: a parcel grid's last row above it is a header row.
    from pipeline.entries import first_numbered_entry
    from pipeline.extract import _above_first_remark
    from pipeline.layout import rows_of

    rows = rows_of(page)
    assert _above_first_remark(rows, first_numbered_entry(rows)) == len(HEADER)


def test_an_extract_in_blocks_eintrag_1_with_its_date(gazetteer) -> None:
    """An extract without a table: a labelled parcel grid, then one block per entry ("Eintrag 1
    Datum der Eintragung: ..."). The grid is the header's, and entry 1's date is entry 1's."""
    page = make_page([
        words_of("Auszug aus dem Baulastenverzeichnis"),
        words_of("Verzeichnis-Nr.: 5.944 Geschäftszeichen: 63/2-3875/18"),
        words_of("Belastete Flurstücke"),
        [("Gemarkung", 200), ("Flur", 800), ("Flurstück", 1100), ("Lagebezeichnung", 1600)],
        [("Jüchen", 200), ("20", 800), ("335/11", 1100)],
        words_of("Eingetragene Baulasten"),
        words_of("Eintrag 1 Datum der Eintragung: 11.09.2018"),
        words_of("Inhalt: Der jeweilige Eigentümer des Grundstücks Gemarkung Jüchen,"),
        words_of("Flur 20, Flurstück 335/11 verpflichtet sich, Stellplätze zu dulden."),
        words_of("Eintrag 2 Datum der Eintragung: 02.03.2020"),
    ])
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [
        (1, dt.date(2018, 9, 11)), (2, dt.date(2020, 3, 2))]
    assert extraction.date.value == dt.date(2018, 9, 11) and extraction.date.confidence >= 0.85
    assert extraction.parcels.value == (Parcel("Jüchen", 20, "335/11"),) and extraction.parcels.confidence >= 0.85
    assert extraction.register_number.value == "5944" and 0.8 <= extraction.register_number.confidence <= 0.9


def test_a_head_row_opened_by_nr(gazetteer) -> None:
    """"Nr. | Baulast | Eintragung": "Nr." opening the row heads the running numbers' column; the
    same word after "BAULAST" (a stamp) heads nothing."""
    from pipeline.layout import rows_of, table_head

    page = make_page([words_of("BAULAST NR."), words_of("Gemarkung Zons, Flur 3, Nr. 12"),
                      [("Nr.", 200), ("Baulast", 600), ("Eintragung", 1800)],
                      [("1.", 200), *words_of("Der jeweilige Eigentümer", 600), ("13.10.75", 1800)]])
    assert table_head(rows_of(page)) == 2
    assert extract(page, gazetteer).date.value == dt.date(1975, 10, 13)


def test_numbered_paragraphs_under_a_heading_are_entries(gazetteer) -> None:
    """"Eintragungen:" heads numbered paragraphs with a hanging indent, each closed by its remark:
    the running numbers open the entries, so entry 1's remark is sure to be entry 1's."""
    page = make_page([
        *HEADER,
        words_of("Eintragungen:"),
        [("1.)", 200), *words_of("Der jeweilige Eigentümer des Grundstücks übernimmt", 340)],
        words_of("die Abstandfläche für das Gebäude auf dem Nachbargrundstück", 340),
        words_of("2 Stellplätze sind freizuhalten und zu unterhalten.", 340),
        words_of("Eingetragen am 25. November 1979.", 340),
        [("2.)", 200), *words_of("Der jeweilige Eigentümer übernimmt eine Zufahrt.", 340)],
        words_of("Eingetragen am 25. September 1985.", 340),
    ])
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [
        (1, dt.date(1979, 11, 25)), (2, dt.date(1985, 9, 25))]
    assert extraction.date.value == dt.date(1979, 11, 25) and extraction.date.confidence >= 0.85


def test_a_remarks_column_headed_eintragungsvermerk_is_no_date_column(gazetteer) -> None:
    """"EINTRAGUNGSVERMERK" heads the remarks (registration and deletion notes), not a column of
    registration dates: its deletion date opens no entry."""
    page = make_page([
        *HEADER,
        [("LFD.NR.", 200), ("GEGENSTAND", 600), ("DER", 900), ("BAULAST", 1000), ("EINTRAGUNGSVERMERK", 1800)],
        [*words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("EINGETR. AM", 1800)],
        [*words_of("die Zufahrt zu dulden.", 600), ("09.10.1991", 1800)],
        [*words_of("Der jeweilige Eigentümer übernimmt", 600), *words_of("EINGETR. AM", 1800)],
        [*words_of("die Abstandfläche für das Gebäude", 600), ("10.05.1997", 1800)],
        [*words_of("auf dem Nachbargrundstück.", 600), *words_of("GELÖSCHT: 22.12.1998", 1800)],
    ])
    entries = extract(page, gazetteer).entries
    assert [(e.lfd_nr, e.registered_on, e.deleted_on) for e in entries] == [
        (1, dt.date(1991, 10, 9), None), (2, dt.date(1997, 5, 10), dt.date(1998, 12, 22))]


def test_a_sentence_closed_by_eingetragen_gives_its_date(gazetteer) -> None:
    """Typed prose instead of a remark: "Die Baulast wurde am 17. Mai 1978 in das
    Baulastenverzeichnis eingetragen." A deletion's date before it is none of its own."""
    page = make_page([
        words_of("Stadt Dormagen - Baulastenverzeichnis Blatt Nr. 1171 a"),
        words_of("Belastete Grundstücke: Gemarkung Straberg, Flur 27 Nr. 782/13"),
        words_of("1.) Der jeweilige Eigentümer des Grundstücks Gemarkung Straberg,"),
        words_of("Flur 27, Flurstück 782/13 verpflichtet sich, die Abstandfläche freizuhalten."),
        words_of("Die Baulast wurde am 17. Mai 1978 in das Baulastenverzeichnis"),
        [*words_of("eingetragen."), ("j", 900)],  # a signature's stroke read as a letter
        words_of("2.) Der jeweilige Eigentümer übernimmt die Zufahrt."),
        words_of("Gelöscht am 3. März 1990, die Baulast wurde"),
        words_of("eingetragen."),
    ])
    page = dataclasses.replace(page, words=tuple(dataclasses.replace(w, conf=14.0) if w.text == "j" else w
                                                 for w in page.words))
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1978, 5, 17) and "17. Mai 1978" in extraction.date.evidence.text
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [(1, dt.date(1978, 5, 17)), (2, None)]


def test_a_named_entry_number_alone_on_its_row_ends_the_header(gazetteer) -> None:
    """No table head: "Lfd. Nr. 1" alone on its row opens entry 1. The parcel grid's last row,
    just above it, is the header's; the benefiting parcel of the entry's text is none."""
    page = make_page([
        words_of("Stadt Kaarst Baulastenblatt Nr. 855"),
        [("Gemarkung", 200), ("Flur", 800), ("Flurstück", 1000), ("Lage", 1400)],
        [("Kaarst", 200), ("17", 800), ("290/10", 1000), *words_of("Im Kamp 64a", 1400)],
        [("Kaarst", 200), ("17", 800), ("100", 1000)],
        words_of("Lfd. Nr. 1 – Stellplatzbaulast"),
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Kaarst, Flur 17, Flurstück 290/10"),
        words_of("verpflichtet sich, für das Grundstück Gemarkung Kaarst, Flur 16, Flurstück 172"),
        words_of("Stellplätze bereitzustellen."),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Kaarst", 17, "290/10"), Parcel("Kaarst", 17, "100"))
    assert [(e.lfd_nr, e.type) for e in extraction.entries] == [(1, "Stellplatzbaulast")]
    assert first_numbered_entry(rows_of(page)) == 4


def test_entry_blocks_with_date_boxes_and_a_stamp_in_the_registration_box(gazetteer) -> None:
    """A modern form: each entry a block headed "Eintragung Ifd. Nr. 1" (no table head; "Ifd." is
    "Lfd." misread), closed by a row of date boxes whose "Eingetragen am" box holds a stamp
    "EINGETRAGEN / 23. OKT. 2016" instead of a typed date."""
    page = make_page([
        words_of("Rhein-Kreis Neuss Baulastenblatt"),
        [("Baulast-Nr.", 200), ("Stadt", 800)],
        [("632b", 200), ("Korschenbroich", 800)],
        words_of("Gemarkung Pesch, Flur 34, Flurstück 1400/24"),
        words_of("Eintragung Ifd. Nr. 1"),
        words_of("Der jeweilige Eigentümer des Grundstücks übernimmt die Abstandfläche."),
        [*words_of("Verpflichtungserklärung vom", 200), *words_of("Eingetragen am", 900),
         *words_of("Gelöscht am", 1500)],
        [("EINGETRAGEN", 900)],
        [("04.06.2016", 200), ("23.", 880), ("OKT.", 980), (".", 1110), ("2016", 1150), ("—", 1500)],
        words_of("Eintragung lfd. Nr. 2"),
        words_of("Der jeweilige Eigentümer des Grundstücks duldet die Zufahrt."),
        [*words_of("Verpflichtungserklärung vom", 200), *words_of("Eingetragen am", 900),
         *words_of("Gelöscht am", 1500)],
        [("18.01.2023", 200), ("28.11.2023", 900), ("—", 1500)],
    ])
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [
        (1, dt.date(2016, 10, 23)), (2, dt.date(2023, 11, 28))]
    assert extraction.date.value == dt.date(2016, 10, 23) and extraction.date.confidence < 0.85  # repaired


def test_a_heads_second_line_may_run_wider_than_its_first() -> None:
    """A book's head without "Lfd. Nr.": "Belastetes Grundstück | Inhalt der Baulast | Tag der | Löschung" over
    "(Gemarkung, Flur, Flurstück) | Eintragung", the caption wider than the centred words above it. It is the
    head's second line all the same: its "Eintragung" under "Tag der" heads the date column."""
    from pipeline.entries import continues_head

    rows = rows_of(make_page([
        [("Belastetes", 300), ("Grundstück", 630), ("Inhalt", 1100), ("der", 1300), ("Baulast", 1420),
         ("Tag", 1900), ("der", 2020), ("Löschung", 2300)],
        [("(Gemarkung,", 200), ("Flur,", 560), ("Flurstück)", 730), ("Eintragung", 1850)],
        [("Gemarkung", 200), *words_of("Die Eigentümer der Grundstücke", 1000), ("23.1.1982", 1850)],
    ]))
    assert continues_head(rows)
    assert not continues_head([rows[0], rows[2]])  # an entry's row, with its date


def test_a_stamp_eintragung_vollzogen_labels_the_date_below_it(gazetteer) -> None:
    """A typed register sheet whose entries are closed by a stamp "Eintragung vollzogen" over "Am 05. DEZ. 1971"
    and the office's name: the registration done, its date the Eintragungsdatum (the declaration's date in the
    entry's first line is another's)."""
    page = make_page([
        words_of("Gemeinde Jüchen Verz.-Nr."), words_of("Der Gemeindedirektor"), words_of("Bauaufsicht 2104"),
        words_of("Baulastenverzeichnis", 600),
        words_of("Belastetes Grundstück (Gemarkung, Flur, Flurstück)"),
        words_of("Gemarkung Jüchen, Flur 13, Flurstück 14"),
        [("Lfd.", 160), ("Inhalt", 600), ("der", 790), ("Baulast", 900), ("Bemerkungen", 1700)],
        [("Nr.", 160)],
        [("1", 160), *words_of("Verpflichtungserklärung vom 22.10.1971:", 250), *words_of("Lageplan Bl. 12", 1700)],
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung", 250),
        words_of("Jüchen, Flur 13, Flurstück 14 verpflichtet sich, die Abstandfläche zu übernehmen.", 250),
        words_of("Eintragung vollzogen", 950),
        [("Am", 720), ("05.", 800), ("DEZ.", 900), ("1971", 1040)],
        words_of("Gemeinde Jüchen", 990),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1971, 12, 5) and extraction.date.confidence >= 0.85
    assert extraction.entries[0].registered_on == dt.date(1971, 12, 5)


def test_eintragung_right_before_its_date_labels_it(gazetteer) -> None:
    """A printout's entry line "EINTRAGUNG: 15.06.1992 ERKL. VOM: 30.05.1992 LOESCHUNG: --.--.----":
    "Eintragung" names the date it stands right before; "Inhalt der Eintragung" names none."""
    page = make_page([
        words_of("BAULASTENBLATT-NR./SEITE: 0155A/1"),
        words_of("GEMARKUNG Otzenrath FLUR 27 FLURSTUECK 975"),
        words_of("LFD.NR.: 1 ART: ERSCHLIESSUNGSBAULAST"),
        words_of("EINTRAGUNG: 15.06.1992 ERKL. VOM: 30.05.1992 LOESCHUNG: --.--.----"),
        words_of("Der jeweilige Eigentümer übernimmt die Zufahrt (Inhalt der Eintragung 01.02.1993)."),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1992, 6, 15)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [(1, dt.date(1992, 6, 15))]


def test_the_owners_formula_ends_the_header_where_nothing_else_does(gazetteer) -> None:
    """No table head, entry 1's number unread ("ER)"): the header ends where the entry's text begins
    with the owner's formula, so the benefiting parcel of that text is none of the header's. The
    older "Parz." names the Flurstück."""
    page = make_page([
        words_of("Kreis Neuss - Baulastenverzeichnis Blatt Nr. 1648 b"),
        words_of("Baulastenblatt"),
        words_of("Belastetes Grundstück: Gemarkung Kleinenbroich, Flur 2 Parz. 1907"),
        words_of("Akt.-Zeichen: 63/1-8116/68"),
        words_of("ER) Der jeweilige Eigentümer des Grundstücks Gemarkung"),
        words_of("Kleinenbroich, Flur 2, Flurstück 1907 verpflichtet sich, für das"),
        words_of("Grundstück Gemarkung Kleinenbroich, Flur 2, Flurstück 2553/8 eine Fläche"),
        words_of("von 109 m² dauerhaft als Kinderspielfläche"),
        words_of("herzurichten und zu unterhalten."),
        words_of("Eingetragen am 03.06.1968"),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Kleinenbroich", 2, "1907"),)
    assert extraction.date.value == dt.date(1968, 6, 3)


def test_an_event_list_gives_each_baulasts_registration_and_deletion(gazetteer) -> None:
    """A register program's print: each Baulast under its heading ("Baulast lfd. Nr. 2 ...
    Status: gelöscht") with a list of dated events. The registration is the event that says
    so and nothing else; the declaration, its receipt, an application "auf Eintragung" and a
    correction "Eintragung der Änderung" are other dates."""
    page = make_page([
        words_of("Stadt Kaarst Der Bürgermeister Baulastenblatt"),
        [*words_of("Amt für Bauordnung"), *words_of("Blattkennung 2854", 1500)],
        words_of("Gemarkung Büttgen, Flur 39, Flurstück 2363"),
        words_of("Baulast lfd. Nr. 1 - Abstandflächenbaulast Status: wirksam"),
        [("Datum", 200), ("Vorgang", 500)],
        [("21.08.2021", 200), *words_of("Baulasterklärung des Eigentümers", 500)],
        [("26.08.2021", 200), *words_of("Antrag auf Eintragung", 500)],
        [("08.10.2021", 200), *words_of("Eintragung der Baulast", 500)],
        [("02.02.2022", 200), *words_of("Eintragung der Änderung", 500)],
        words_of("Inhalt: Der jeweilige Eigentümer verpflichtet sich, die Abstandfläche freizuhalten."),
        words_of("Baulast lfd. Nr. 2 - Stellplatzbaulast Status: gelöscht"),
        [("Datum", 200), ("Vorgang", 500)],
        [("31.03.2014", 200), *words_of("Baulasterklärung des Eigentümers", 500)],
        [("06.06.2014", 200), *words_of("Baulast eingetragen", 500)],
        [("25.10.2016", 200), *words_of("Löschung im Baulastenverzeichnis", 500)],
        words_of("Inhalt: Der jeweilige Eigentümer verpflichtet sich, zwei Stellplätze bereitzuhalten."),
    ])
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.type, e.registered_on, e.deleted_on) for e in extraction.entries] == [
        (1, "Abstandflächenbaulast", dt.date(2021, 10, 8), None),
        (2, "Stellplatzbaulast", dt.date(2014, 6, 6), dt.date(2016, 10, 25)),
    ]
    assert extraction.date.value == dt.date(2021, 10, 8)
    assert extraction.register_number.value == "2854"
    assert extraction.parcels.value == (Parcel("Büttgen", 39, "2363"),)


def test_a_remark_signed_with_place_and_den_gives_the_date_on_the_line_below(gazetteer) -> None:
    """A narrow "Eintragungsvermerk" column: the receipt stamp, then "Eingetragen:" over
    "Kaarst, den" over the date; the deletion written the same way."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Baulast", 920), ("Eintragungsvermerk", 1700)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 400), ("EINGEGANGEN", 1700)],
        [*words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11", 400), *words_of("05. JAN. 1991", 1700)],
        [*words_of("verpflichtet sich, die Abstandfläche", 400), ("Eingetragen:", 1700)],
        [*words_of("von jeglicher Bebauung freizuhalten.", 400), *words_of("Kaarst, den", 1700)],
        [("20.04.1991", 1700)],
        [("Gelöscht:", 1700)],
        [*words_of("Kaarst, den", 1700)],
        [("26.09.2000", 1700)],
    ])
    extraction = extract(page, gazetteer)
    assert [(e.registered_on, e.deleted_on) for e in extraction.entries] == [
        (dt.date(1991, 4, 20), dt.date(2000, 9, 26))]
    assert extraction.date.value == dt.date(1991, 4, 20)


def test_a_line_of_the_prose_between_a_remark_and_its_date_is_passed_over(gazetteer) -> None:
    """The remarks column's lines fall between the prose's: "eingetragen am", a line of the prose
    alone, then the date in the remarks column."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600)],
        [*words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11", 600), *words_of("eingetragen am", 2000)],
        words_of("verpflichtet sich, die Abstandfläche", 600),
        [*words_of("von jeglicher Bebauung freizuhalten.", 600), *words_of("17. März 1994", 2000)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1994, 3, 17)


def _entry_with(remark_date: str, grounds: str) -> list:
    return [
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of(grounds, 600)],
        [*words_of("Der jeweilige Eigentümer des Grundstücks", 600), *words_of("Eingetragen am", 1800)],
        [*words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11", 600), (remark_date, 1800)],
        words_of("übernimmt die Abstandfläche.", 600),
        words_of("(Bauschein Nr. 412/83 vom 22.06.1983)", 600),
    ]


def test_a_registration_date_the_entry_names_as_another_documents_is_never_sure(gazetteer) -> None:
    """The date read for the registration is the declaration's too, or the declaration it rests
    on is dated after it: the label may have taken a neighbour's date. A Bauschein dated after
    the registration is as it should be."""
    sure = extract(make_page(_entry_with("02.03.1983", "Auf Grund der Erklärung vom 14.02.1983:")), gazetteer)
    assert sure.date.value == dt.date(1983, 3, 2) and sure.date.confidence >= 0.85
    for remark_date, grounds in (("14.02.1983", "Auf Grund der Erklärung vom 14.02.1983:"),
                                 ("02.03.1983", "Auf Grund der Erklärung vom 20.04.1983:"),
                                 ("22.06.1983", "Auf Grund der Erklärung vom 14.02.1983:")):
        doubtful = extract(make_page(_entry_with(remark_date, grounds)), gazetteer)
        assert doubtful.date.value == dt.datetime.strptime(remark_date, "%d.%m.%Y").date()
        assert doubtful.date.confidence <= 0.5


def test_a_card_whose_date_column_holds_the_deletion_too(gazetteer) -> None:
    """A card's narrow "Datum" column: entry 1's registration unread, its pen deletion "gel.
    02.04.2013" lower in the same column. The deletion's date is no registration; the entry text
    (its column headed "Eintragung") is prose, not a date column."""
    page = make_page([
        words_of("Baulasten-Kartei Gemeinde Rommerskirchen Karten-Nr. 2611"),
        words_of("Gemarkung Rommerskirchen Flur 38, Flurst. 1425"),
        [("Nr.", 200), ("Eintragung", 900), ("Datum", 1790)],
        [("1.", 200), *words_of("Erkl. v. 13-8-96: Leitungsbaulast - Der jeweilige Eigentümer des", 300)],
        words_of("Grundstücks Gemarkung Rommerskirchen, Flur 38, Flurstück 1425 verpflichtet", 300),
        [*words_of("sich, Leitungen zu dulden. Eingetragen am 17.6.96", 300)],
        [("gel.", 1715), ("02.04.2013", 1790)],
        [("2", 200), *words_of("Erkl. v. 06.07.2005: Stellplatzbaulast - Der jeweilige", 300), ("25.09.2005", 1790)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date is None or extraction.date.value != dt.date(2013, 4, 2)
    assert extraction.date is None or extraction.date.confidence < 0.85
    assert dt.date(2013, 4, 2) in [e.deleted_on for e in extraction.entries]
    assert dt.date(2013, 4, 2) not in [e.registered_on for e in extraction.entries]


def test_a_remark_below_a_second_baulasts_text_is_never_entry_ones_for_sure(gazetteer) -> None:
    """Entry 1's remark went unread and entry 2's running number too: the only remark stands
    beside entry 2's text, which begins with the owner's formula a second time."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 600)],
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11 duldet Leitungen.", 600),
        [*words_of("jeweilige Eigentümer des Grundstücks", 600), *words_of("eingetragen am", 1800)],
        [*words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11", 600), ("08.08.2010", 1800)],
        words_of("übernimmt die Zufahrt.", 600),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(2010, 8, 8) and extraction.date.confidence <= 0.5


def test_a_copys_date_beside_a_registration_stamp_is_not_the_registration(gazetteer) -> None:
    """The stamp "EINGETRAGEN" in the Eintragung column, its date on the line below; on the
    stamp's line, across the column, the remark "Abschr. erteilt 1.12.96" dates a copy."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 500), ("Erklärung", 1100), ("Eintragung", 1400), ("Vermerke", 1900)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des", 500), ("05.09.96", 1100), ("EINGETRAGEN", 1400),
         *words_of("Abschr. erteilt 1.12.96", 1900)],
        [*words_of("Grundstücks verpflichtet sich,", 500), ("22.11.96", 1400)],
        words_of("die Abstandfläche freizuhalten.", 500),
    ])
    assert extract(page, gazetteer).date.value == dt.date(1996, 11, 22)


def test_another_stamps_date_far_right_of_the_label_yields_to_the_date_below_it(gazetteer) -> None:
    """Stamps side by side share OCR lines: "In das Baulastenverzeichnis / eingetragen am"
    over its date, and beside it, across a wide gap, "Geprüft" over the check's date; below,
    on the receipt stamp's line, "EINGEGANGEN" over the receipt's date, far left of
    "eingetragen am": no event list's "date eingetragen" line."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Baulast", 920), ("Bemerkungen", 1800)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks verpflichtet sich,", 400)],
        words_of("die Abstandfläche von jeglicher Bebauung freizuhalten.", 400),
        [("EINGEGANGEN", 300), *words_of("In das Baulastenverzeichnis", 1000), ("Geprüft", 1900)],
        [*words_of("25. OKT. 1972", 300), *words_of("eingetragen am", 1000), *words_of("10. MAI 1985", 1900)],
        [*words_of("20. DEZ. 1972", 1000)],
    ])
    assert extract(page, gazetteer).date.value == dt.date(1972, 12, 20)


def test_a_receipt_stamps_date_in_the_date_column_is_no_registration(gazetteer) -> None:
    """A column headed "Eintragung" holds, in entry 1's rows, only a receipt stamp
    ("Posteingang" over its date): entry 1's registration date is unknown; the receipt's date is
    at most proposed, as any date no label names."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Baulast", 920), ("Eintragung", 1800)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 400), *words_of("— Posteingang —", 1800)],
        [*words_of("verpflichtet sich, die Abstandfläche", 400), ("10.09.08", 1800)],
        words_of("von jeglicher Bebauung freizuhalten.", 400),
    ])
    date = extract(page, gazetteer).date
    assert date is None or date.confidence <= 0.5


def test_a_dater_stamps_spaced_date_below_its_label_is_proposed(gazetteer) -> None:
    """A dater stamp's wheels print "22 11 96" under "EINGETRAGEN": the date, repaired from the
    spaces, is proposed for a person to confirm, never accepted on its own."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 500), ("Eintragung", 1400), ("Vermerke", 1900)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des", 500), ("EINGETRAGEN", 1400)],
        [*words_of("Grundstücks verpflichtet sich,", 500), *words_of("22 11 96", 1400)],
        words_of("die Abstandfläche freizuhalten.", 500),
    ])
    date = extract(page, gazetteer).date
    assert (date.value, date.confidence <= 0.6) == (dt.date(1996, 11, 22), True)


def test_a_remark_beside_text_that_resumes_after_a_gap_may_close_a_later_entry(gazetteer) -> None:
    """Entry 1's text ends; lines of stamps only in the remarks column follow; then text begins
    again, entry 2's, its running number unread, and the only "eingetragen am" stands beside it:
    the date may be entry 2's and is not trusted for entry 1."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Baulast", 920), ("Bemerkungen", 1800)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks", 400)],
        words_of("verpflichtet sich, die Abstandfläche von", 400),
        words_of("jeglicher Bebauung freizuhalten.", 400),
        words_of("Zur Kenntnis genommen", 1800),
        words_of("28. NOV. 1998", 1800),
        words_of("— Posteingang —", 1800),
        words_of("10. MRZ. 2005", 1800),
        [*words_of("Unterhaltung von Abwasserleitungen zugunsten", 400), *words_of("eingetragen am", 1800)],
        [*words_of("des Grundstücks zu dulden.", 400), ("27.03.2005", 1800)],
    ])
    date = extract(page, gazetteer).date
    assert (date.value, date.confidence <= 0.7) == (dt.date(2005, 3, 27), True)


def test_a_remark_that_cites_its_declaration_first_is_dated_by_its_own_date(gazetteer) -> None:
    """"Eingetragen auf Grund der Erklärung vom 12.03.1987 am 15.04.1987": the first date after
    the label is the declaration's; the registration is the date after "am"."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Baulast", 920)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks verpflichtet sich,", 400)],
        words_of("die Abstandfläche von jeglicher Bebauung freizuhalten.", 400),
        words_of("Eingetragen auf Grund der Erklärung vom 12.03.1987 am 15.04.1987", 400),
    ])
    date = extract(page, gazetteer).date
    assert (date.value, date.confidence >= 0.85) == (dt.date(1987, 4, 15), True)


def test_a_print_listing_the_newest_entry_first_dates_the_record_by_entry_1(gazetteer) -> None:
    """A later computer print lists "Lfd. Nr. 2" above "Lfd. Nr. 1": the record's date is entry
    1's registration, the lower one, and the entries keep their own running numbers."""
    page = make_page([
        *HEADER,
        words_of("Eintragungen (neueste zuerst)"),
        words_of("Lfd. Nr. 2 Art: Stellplatzbaulast"),
        words_of("Der jeweilige Eigentümer verpflichtet sich, zwei Stellplätze bereitzuhalten.", 500),
        words_of("Eingetragen am 03.05.2005 (Erkl. v. 12.04.2005)", 500),
        words_of("Lfd. Nr. 1 Art: Abstandflächenbaulast"),
        words_of("Der jeweilige Eigentümer verpflichtet sich, die Abstandfläche freizuhalten.", 500),
        words_of("Eingetragen am 15.04.1997 (Erkl. v. 12.03.1997)", 500),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1997, 4, 15)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [
        (1, dt.date(1997, 4, 15)), (2, dt.date(2005, 5, 3))]


def test_a_date_column_beside_the_acts_it_dates_gives_the_registration_only(gazetteer) -> None:
    """A Datum column left of a Vermerk column, one row per act: the declaration, the order to
    register, the registration (signed), a correction. Only the row that registers dates it."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 500), ("Datum", 1300), ("Vermerk", 1600)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des", 500), ("12.03.1987", 1300),
         ("Verpflichtungserklärung", 1600)],
        [*words_of("Grundstücks verpflichtet sich,", 500), ("02.04.1987", 1300), *words_of("Eintragung verfügt", 1600)],
        [*words_of("die Abstandfläche freizuhalten.", 500), ("15.04.1987", 1300),
         *words_of("eingetragen Müller", 1600)],
        [("20.05.1990", 1300), *words_of("berichtigt Schmitz", 1600)],
    ])
    date = extract(page, gazetteer).date
    assert date.value == dt.date(1987, 4, 15)


def test_a_declaration_cited_with_its_own_date_beside_the_date_column_leaves_the_column_date(gazetteer) -> None:
    """"24.01.1993 | Erkl. v. 06.11.1992": the Vermerke column cites the declaration with its own
    date; the Eingetragen column's date is still the registration."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 500), ("Eingetragen", 1300), ("Vermerke", 1700)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des", 500), ("24.01.1993", 1300),
         *words_of("Erkl. v. 06.11.1992", 1700)],
        [*words_of("Grundstücks verpflichtet sich,", 500), *words_of("Sb. Neumann", 1700)],
        words_of("die Abstandfläche freizuhalten.", 500),
    ])
    assert extract(page, gazetteer).date.value == dt.date(1993, 1, 24)


def test_a_pen_remark_with_registration_and_deletion_on_one_line_dates_each(gazetteer) -> None:
    """"am 23-4-72 eingetr. Wo., gel. am 7-10-98 Kr." and, on the next line, "berichtigt am
    22-2-85": the label closes its own date; the deletion's and the correction's are not it."""
    for remark, below in (("am 23-4-72 eingetr. Wo., gel. am 7-10-98 Kr.", "Sb."),
                          ("am 23-4-72 eingetr. Bü.", "berichtigt am 22-2-85")):
        page = make_page([
            *HEADER,
            [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 600), ("der", 800), ("Baulast", 920), ("Bemerkungen", 1500)],
            [("1", 220), *words_of("Der jeweilige Eigentümer des", 400), *words_of(remark, 1500)],
            [*words_of("Grundstücks verpflichtet sich,", 400), *words_of(below, 1500)],
            words_of("die Abstandfläche freizuhalten.", 400),
        ])
        assert extract(page, gazetteer).date.value == dt.date(1972, 4, 23), remark


def test_the_order_to_register_is_no_event_of_registration(gazetteer) -> None:
    """"03.05.1989 Eintragungsverfügung" dates the order to register, not the registration
    ("12.05.1989 eingetragen" below it)."""
    page = make_page([
        *HEADER,
        words_of("Lfd. Nr. 1 Abstandflächenbaulast"),
        [("Datum", 200), ("Vorgang", 500)],
        [("21.04.1989", 200), *words_of("Verpflichtungserklärung", 500)],
        [("03.05.1989", 200), *words_of("Eintragungsverfügung", 500)],
        [("12.05.1989", 200), *words_of("eingetragen", 500)],
        words_of("Der jeweilige Eigentümer verpflichtet sich, die Abstandfläche freizuhalten."),
    ])
    assert extract(page, gazetteer).date.value == dt.date(1989, 5, 12)


def test_acts_read_into_the_date_columns_cell_keep_their_dates_from_the_registration(gazetteer) -> None:
    """The Vermerk column's act words stand so close to the Datum column that they fall into its
    cells ("03.05.1989 Eintragungsverfügung"): still only the registering row dates the record."""
    page = make_page([
        *HEADER,
        [("Lfd.", 200), ("Nr.", 330), ("Inhalt", 500), ("Datum", 1300), ("Vermerk", 1900)],
        [("1", 220), *words_of("Der jeweilige Eigentümer des", 500), ("21.04.1989", 1250),
         ("Verpflichtungserklärung", 1560)],
        [*words_of("Grundstücks verpflichtet sich,", 500), ("03.05.1989", 1250), ("Eintragungsverfügung", 1560)],
        [*words_of("die Abstandfläche freizuhalten.", 500), ("12.05.1989", 1250), ("eingetragen", 1560)],
    ])
    assert extract(page, gazetteer).date.value == dt.date(1989, 5, 12)


def _two_line_head_ledger(registered: str):  # type: ignore[no-untyped-def]
    """A bound register's typed page: the head's labels abbreviated over two lines ("Eingang d. / Erklärung",
    "Lö- / schung", "Tag d. / Eintr."), the declaration's receipt first on the entry's line."""
    return make_page([
        *HEADER,
        [("Lfd.", 100), ("Eingang", 200), ("d.", 440), ("Gegenstand", 520), ("der", 850), ("Baulast", 960),
         ("Lö-", 1300), ("Tag", 1500), ("d.", 1620), ("Bemer-", 1900)],
        [("Nr.", 100), ("Erklärung", 200), ("schung", 1280), ("Eintr.", 1500), ("kungen", 1900)],
        [("1.", 100), ("28.11.87", 180), *words_of("Der jeweilige Eigentümer", 520), (registered, 1480),
         *words_of("Bauschein 690/88", 1900)],
        words_of("des Grundstücks übernimmt die Abstandfläche.", 520),
    ])


def test_a_date_column_headed_on_the_heads_second_line(gazetteer) -> None:
    """"Tag d." over "Eintr." heads the registration's column; the receipt of the declaration
    ("Eingang d. Erklärung") is dated first on the entry's line, and is no registration. "Eintr." heads
    no deletion's column."""
    extraction = extract(_two_line_head_ledger("08.01.88"), gazetteer)
    assert extraction.date.value == dt.date(1988, 1, 8)
    assert [(e.lfd_nr, e.registered_on, e.deleted_on) for e in extraction.entries] == [(1, dt.date(1988, 1, 8), None)]


def test_a_date_column_with_a_year_no_register_has_is_never_sure(gazetteer) -> None:
    extraction = extract(_two_line_head_ledger("08.01.1088"), gazetteer)
    assert extraction.date is None or extraction.date.confidence < 0.75


def test_a_change_cited_with_its_own_date_beside_the_registration_column(gazetteer) -> None:
    """"Tag der" over "Eintragung" heads the registration's column; the next column's "Lageplan ergänzt am"
    names a change with its own date below it, so the registration's date (typed wider than its head) stands."""
    page = make_page([
        *HEADER,
        [("Lfd.", 100), ("Grundlage", 250), ("der", 560), ("Eintragung", 680), ("Inhalt", 1000), ("der", 1200),
         ("Baulast", 1320), ("Tag", 1800), ("der", 1920), ("Veränderungen", 2300)],
        [("Nr.", 100), ("(Erklärung,", 250), ("Bauschein)", 600), ("Eintragung", 1760), ("und", 2300),
         ("Löschungen", 2420)],
        [("1.", 100), ("Verpflichtungserklärung", 250), *words_of("Der jeweilige", 1000),
         *words_of("10. Mai 1962", 1560), *words_of("Lageplan ergänzt am", 2300)],
        [*words_of("vom 07.01.1962", 250), *words_of("Eigentümer übernimmt", 1000), ("19.12.1964", 2300)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1962, 5, 10)
    assert extraction.date.evidence.text == "10. Mai 1962"  # read in the column, not beside the head


def _signed_entries(office: str):  # type: ignore[no-untyped-def]
    """A typed sheet, one block per Baulast, dated only by the signature under it ("Dormagen, den ..."),
    its deletion a second signed block citing the waiver."""
    return make_page([
        words_of("Stadt Dormagen Abschrift"),
        words_of("Der Bürgermeister Dormagen, den 22.01.2003"),
        words_of("Verzeichnisblatt 229 c"),
        words_of("Gemarkung Nievenheim, Flur 19, Flurstück 1499/29"),
        words_of("Lfd. Nr. 1"),
        words_of("Auf Grund der Verpflichtungserklärung vom 21.11.1979 wird folgende"),
        words_of("Baulast eingetragen: Der jeweilige Eigentümer des Grundstücks"),
        words_of("Gemarkung Nievenheim, Flur 19, Flurstück 1499/29 übernimmt die"),
        words_of("Abstandfläche zugunsten des Flurstücks 439."),
        words_of("Dormagen, den 19.12.1979"),
        words_of(office),
        words_of("Löschung: Die Baulast ist auf Grund des Verzichts vom 09.12.2002"),
        words_of("gelöscht."),
        words_of("Dormagen, den 14.12.2002"),
        words_of("Im Auftrag"),
    ])


def test_an_entry_dated_by_its_signature(gazetteer) -> None:
    """"wird folgende Baulast eingetragen:" names no date; the signed "Dormagen, den 19.12.1979" under the
    entry does, for a person to confirm. The waiver's date is the deletion's ground, not its date."""
    extraction = extract(_signed_entries("Der Stadtdirektor"), gazetteer)
    assert extraction.date.value == dt.date(1979, 12, 19) and extraction.date.confidence < 0.75
    assert [(e.registered_on, e.deleted_on) for e in extraction.entries] == [
        (dt.date(1979, 12, 19), dt.date(2002, 12, 14))]


def test_a_place_and_date_signed_for_no_office_dates_no_entry(gazetteer) -> None:
    """A copy's certification ("Für die Richtigkeit ...: Kaarst, den ...") is signed by nobody for the office."""
    extraction = extract(_signed_entries("Für die Richtigkeit der Abschrift"), gazetteer)
    assert extraction.date is None or extraction.date.value != dt.date(1979, 12, 19)


def test_eingetragen_im_grundbuch_is_no_registration(gazetteer) -> None:
    """The header's sentence "eingetragen im Grundbuch von ..." names the property's Grundbuch: no remark, and
    the header (with its parcels) goes on to entry 1's running number."""
    page = make_page([
        words_of("Stadt Grevenbroich Der Stadtdirektor"),
        words_of("Baulastenblatt No. 3049"),
        words_of("Die nachstehenden Baulasten betreffen das Grundstück in Grevenbroich,"),
        words_of("Gemarkung Hemmerden, Flur 13, Parz. 1627/26; Gemarkung Elsen, Flur 5,"),
        words_of("Parz. 225/12, eingetragen im Grundbuch von Hemmerden Blatt 8103."),
        words_of("1. Die Eigentümer der Grundstücke Gemarkung Hemmerden, Flur 13,"),
        words_of("Flurstück 1627/26 und Gemarkung Elsen, Flur 5, Flurstück 225/12"),
        words_of("verpflichten sich, die Grundstücke als ein Grundstück zu behandeln."),
        words_of("Eingetragen am 21. November 1967"),
    ])
    extraction = extract(page, gazetteer)
    assert set(extraction.parcels.value) == {Parcel("Hemmerden", 13, "1627/26"), Parcel("Elsen", 5, "225/12")}
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [(1, dt.date(1967, 11, 21))]


def test_eingetragen_im_grundbuch_over_a_line_break_is_no_registration(gazetteer) -> None:
    page = make_page([
        words_of("Stadt Dormagen Der Stadtdirektor"),
        words_of("Baulastenblatt No. 0871"),
        words_of("Die nachstehenden Baulasten betreffen das Grundstück in Dormagen,"),
        words_of("Gemarkung Dormagen, Flur 32, Parz. 101/36, 416 und 1003/6, eingetragen"),
        words_of("im Grundbuch von Dormagen Blatt 7152."),
        words_of("1. Der jeweilige Eigentümer des Grundstücks Gemarkung Dormagen, Flur"),
        words_of("32, Flurstück 101/36 übernimmt die Abstandfläche."),
        words_of("Eingetragen am 08.09.1968"),
    ])
    extraction = extract(page, gazetteer)
    assert set(extraction.parcels.value) == {Parcel("Dormagen", 32, "101/36"), Parcel("Dormagen", 32, "416"),
                                             Parcel("Dormagen", 32, "1003/6")}
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [(1, dt.date(1968, 9, 8))]



def test_inhalt_der_over_eintragung_heads_no_date_column(gazetteer) -> None:
    """"Inhalt der" over "Eintragung" heads the entry's text: the declaration's date in it is none."""
    page = make_page([
        *HEADER,
        [("Lfd.", 100), ("Inhalt", 600), ("der", 800), ("Bemerkungen", 1800)],
        [("Nr.", 100), ("Eintragung", 600)],
        [("1.", 100), *words_of("Der jeweilige Eigentümer übernimmt die Abstandfläche gemäß Lageplan", 600)],
        words_of("vom 12.03.1980.", 600),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date is None or extraction.date.confidence < 0.75


def test_a_change_dated_like_the_column_is_what_the_column_dates(gazetteer) -> None:
    """"01.04.1990 | geändert am 01.04.1990": the column's date is the change's, no registration."""
    page = make_page([
        *HEADER,
        [("Lfd.", 100), ("Inhalt", 400), ("Datum", 1400), ("Vermerk", 1800)],
        [("1", 100), *words_of("Der jeweilige Eigentümer übernimmt die Abstandfläche.", 400), ("01.04.1990", 1400),
         *words_of("Lageplan geändert am 01.04.1990", 1800)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date is None or extraction.date.value != dt.date(1990, 4, 1) \
        or extraction.date.confidence < 0.75


def test_a_registration_date_only_the_header_names_is_proposed(gazetteer) -> None:
    """A form's header "Eingetragen am: 12.03.1987" over an entries table whose rows date nothing: the date,
    never sure; "eingetragen im Grundbuch" in the header names none."""
    rows = [words_of("Stadt Meerbusch Der Bürgermeister"), words_of("Baulastenblatt Nr. 1234"),
            words_of("Gemarkung Büderich Flur 3 Flurstück 125")]
    table = [words_of("Lfd. Nr. Inhalt der Eintragung Bemerkungen"),
             words_of("1 Abstandflächenbaulast zugunsten Flur 4 Flurstück 99")]
    extraction = extract(make_page(rows + [words_of("Eingetragen am: 12.03.1987")] + table), gazetteer)
    assert extraction.date.value == dt.date(1987, 3, 12) and extraction.date.confidence <= 0.75
    grundbuch = [words_of("eingetragen im Grundbuch von Büderich Blatt 12 am 01.02.1970")]
    assert extract(make_page(rows + grundbuch + table), gazetteer).date is None


def test_a_date_column_beside_an_abbreviated_declaration_dates_no_registration(gazetteer) -> None:
    """An event list whose first row dates the "VERPFL.-ERKLAERUNG" (the declaration), the second the
    registration: the declaration's date is no registration's."""
    page = make_page([
        words_of("STADT MEERBUSCH - AMT FÜR BAUORDNUNG"), words_of("BAULAST-BLATT 8.006"),
        words_of("GEMARKUNG Büderich FLUR 10 FLURSTUECK 493/13"),
        [("DATUM", 200), ("VORGANG", 600), ("LFD", 1400), ("SACHB.", 1700)],
        [("17.07.1968", 200), ("VERPFL.-ERKLAERUNG", 600), ("1", 1400)],
        [("15.11.1968", 200), ("EINTRAGUNG", 600), ("1", 1400), ("SCHIFFER", 1700)],
    ])
    assert extract(page, gazetteer).date.value == dt.date(1968, 11, 15)


def test_the_application_to_register_opens_no_entry(gazetteer) -> None:
    """"Antrag auf Eintragung vom 24.07.2004" dates the application; the entry's own "Eingetragen:" over its
    signed "Dormagen, den 15.09.2004" is the registration. A declaration's column head beside the remark's
    label on the same row ("Verpflichtungserklärung vom | Eingetragen am") is no ground of it."""
    rows = [words_of("Stadt Dormagen Der Bürgermeister"), words_of("Baulastenblattnummer 7.476"),
            words_of("Gemarkung Nievenheim Flur 13 Flurstück 1050/1"),
            words_of("Lfd. Nr. 1 Art der Baulast: Anbaubaulast"),
            words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Nievenheim, Flur 13, Flurstück 1050/1"),
            words_of("verpflichtet sich, an das Grenzgebäude ohne Abstand anzubauen."),
            words_of("Antrag auf Eintragung vom 24.07.2004"),
            words_of("Eingetragen:", 1000), words_of("Dormagen, den 15.09.2004", 1000), words_of("Im Auftrag", 1000)]
    extraction = extract(make_page(rows), gazetteer)
    assert extraction.date.value == dt.date(2004, 9, 15)
    assert [e.registered_on for e in extraction.entries] == [dt.date(2004, 9, 15)]
    form = [*HEADER, [*words_of("Verpflichtungserklärung vom", 200), *words_of("Eingetragen am", 1300)],
            [("1", 100), ("12.01.1987", 200), ("12.03.1987", 1300)]]
    assert extract(make_page(form), gazetteer).date.value == dt.date(1987, 3, 12)


def test_a_renewal_below_the_registration_dates_something_else(gazetteer) -> None:
    """"27.05.2020 eingetragen (Verpflichtungserklärung vom 06.03.2020)" over "Eintragung erneurt am
    03.09.2022" (the renewal, its word misread): the renewal's date is not the registration's."""
    page = make_page([*HEADER, words_of("Lfd. Nr. 1 Art: Anbaubaulast"),
                      words_of("Der jeweilige Eigentümer des Grundstücks übernimmt die Abstandfläche."),
                      [("27.05.2020", 200), ("eingetragen", 520), ("(Verpflichtungserklärung", 900),
                       ("vom", 1650), ("06.03.2020)", 1800)],
                      [("Eintragung", 200), ("erneurt", 520), ("am", 760), ("03.09.2022", 880)]])
    date = extract(page, gazetteer).date
    assert date is None or date.value != dt.date(2022, 9, 3)


def test_a_stamps_rule_between_the_dates_parts(gazetteer) -> None:
    """A stamp "EINGETRAGEN" over "| 01. OKT. — 1977": the rule read between month and year is no part of it."""
    page = make_page([*HEADER, words_of("1. Der jeweilige Eigentümer übernimmt die Abstandfläche."),
                      words_of("EINGETRAGEN", 400), words_of("| 01. OKT. — 1977 j", 380)])
    assert extract(page, gazetteer).date.value == dt.date(1977, 10, 1)


def test_an_entry_dated_only_by_its_signed_place_and_date(gazetteer) -> None:
    """No label names the registration: the entry's signed "Rommerskirchen, den 6. September 2014" under its
    text (left, where an unlabelled date in the column beside the prose would not stand), only proposed."""
    page = make_page([*HEADER, words_of("1. Der jeweilige Eigentümer des Grundstücks übernimmt die Abstandfläche"),
                      words_of("für das Gebäude auf dem Nachbargrundstück. (Verpflichtungserklärung vom 6. Juli 2014)"),
                      words_of("Rommerskirchen, den 6. September 2014"),
                      words_of("2. Der jeweilige Eigentümer des Grundstücks übernimmt die Zufahrt.")])
    date = extract(page, gazetteer).date
    assert date.value == dt.date(2014, 9, 6) and date.confidence <= 0.5


def test_review_a_ground_dated_before_the_entrys_own_remark_on_its_line(gazetteer) -> None:
    """"Antrag v. 02.03.87, eingetragen am 15.03.1987": the entry's own remark, its ground dated before it;
    a later "Nachtrag eingetragen am" below is no registration of entry 1."""
    page = make_page([*HEADER, words_of("1 Der jeweilige Eigentümer übernimmt die Abstandfläche."),
                      words_of("Antrag v. 02.03.87, eingetragen am 15.03.1987", 600),
                      words_of("Nachtrag eingetragen am 10.10.1995", 600)])
    assert extract(page, gazetteer).date.value == dt.date(1987, 3, 15)


def test_taken_into_the_register_on_names_the_registration(gazetteer) -> None:
    """"In das Verzeichnis / übernommen am" over the column of the entries' dates: the day the Baulast
    was taken into the register."""
    page = make_page([
        *HEADER,
        [("Nr.", 200), ("Baulast", 330), ("In", 1700), ("das", 1780), ("Verzeichnis", 1900), ("Löschung", 2250)],
        [("übernommen", 1700), ("am", 2050), ("am", 2300)],
        [("1.", 200), *words_of("Der jeweilige Eigentümer des Grundstücks", 330), ("8.12.1956", 1750)],
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11 übernimmt die Abstandfläche.", 330),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1956, 12, 8) and extraction.date.confidence >= 0.85


def test_taken_over_in_the_entrys_text_dates_no_registration(gazetteer) -> None:
    """"... hat die Abstandflächenbaulast übernommen am 05.01.1987" in the entry's text dates the owner's
    act; the remark's "Eingetragen am" below it gives the registration."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der Eigentümer von Gemarkung", 600)],
        words_of("Jüchen Flur 20 Flurstück 335/11 hat", 600),
        words_of("die Abstandflächenbaulast", 600),
        words_of("übernommen am 05.01.1987.", 600),
        words_of("Eingetragen am 12.03.1987", 1800),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1987, 3, 12)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [(1, dt.date(1987, 3, 12))]


def _stacked_vermerk_sheet(ground: tuple[str, str], label: str = "eingetr."):  # type: ignore[no-untyped-def]
    """A print whose "Eintragungsvermerk" cell stacks the declaration's date and the registration's:
    "Erkl. v." / "28.02.90" / "eingetr." / "12.05.90" beside each entry's text (`label`: the registration's
    word, "" for none)."""
    labelled = [(label, 1600)] if label else []
    return make_page([
        *HEADER,
        [("Lfd.", 200), ("Inhalt", 600), ("der", 760), ("Baulast", 860), ("Eintragungs-", 1600),
         ("Löschungs-", 2000)],
        [("Nr.", 200), ("vermerk", 1620), ("vermerk", 2020)],
        [("1", 200), *words_of("Der jeweilige Eigentümer des Grundstücks", 340), (ground[0], 1600), (ground[1], 1750)],
        [*words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11", 340), ("28.02.90", 1600)],
        [*words_of("verpflichtet sich, Leitungen zu dulden.", 340), *labelled],
        [("12.05.90", 1600)],
        [("2", 200), *words_of("Zwei Stellplätze hält", 340), (ground[0], 1600),
         (ground[1], 1750)],
        [*words_of("der Eigentümer bereit.", 340), ("03.04.91", 1600)],
        [*words_of("Im Auftrag", 340), *labelled],
        [("17.06.91", 1600)],
    ])


def test_a_declaration_dated_over_the_registration_in_a_stacked_cell(gazetteer) -> None:
    """"Erkl. v." over a date in the Vermerk cell cites the declaration; the next date is the registration's
    (here unlabelled): one entry each, with its registration's date."""
    extraction = extract(_stacked_vermerk_sheet(("Erkl.", "v."), label=""), gazetteer)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [
        (1, dt.date(1990, 5, 12)), (2, dt.date(1991, 6, 17))]
    assert extraction.date.value == dt.date(1990, 5, 12)


def test_the_date_eingetr_labels_wins_over_the_unlabelled_one_above_it(gazetteer) -> None:
    """The ground's words misread ("EPKL. V."): the date the cell labels "eingetr." is still the
    registration's, the one above it another act's."""
    extraction = extract(_stacked_vermerk_sheet(("EPKL.", "V.")), gazetteer)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [
        (1, dt.date(1990, 5, 12)), (2, dt.date(1991, 6, 17))]
    assert extraction.date.value == dt.date(1990, 5, 12)


def test_a_two_digit_year_with_digits_after_it_is_never_sure(gazetteer) -> None:
    """"Eintragung: 31.12.20 15": the year may be 2015 broken apart; the date is proposed, never sure."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks duldet Leitungen.", 600)],
        [*words_of("Art: Leitungsbaulast", 600), ("Eintragung:", 1500), ("31.12.20", 1830), ("15", 2080)],
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(2020, 12, 31)
    assert extraction.date.confidence <= 0.6
    same_without = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer des Grundstücks duldet Leitungen.", 600)],
        [*words_of("Art: Leitungsbaulast", 600), ("Eintragung:", 1500), ("31.12.20", 1830)],
    ])
    assert extract(same_without, gazetteer).date.confidence > 0.85


@pytest.mark.parametrize("number", ["1.", "1;"])
def test_entry_ones_number_read_with_a_semicolon(gazetteer, number: str) -> None:
    """"1;" is how a typed "1." often reads: the entry's running number, so its date at the entry's
    end is entry 1's, not one a later entry may have."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [(number, 210), *words_of("Der jeweilige Eigentümer des Grundstücks", 600)],
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11 übernimmt", 600),
        words_of("die Abstandfläche für das Gebäude auf dem", 600),
        words_of("Grundstück Flurstück 12.", 600),
        words_of("Eingetragen am 30. April 1967", 600),
    ])
    assert extract(page, gazetteer).date.confidence >= 0.85


def test_eintrag_am_labels_the_registration(gazetteer) -> None:
    """An extract's blocks: "Eintrag am 01.01.2012", "Löschung am ..." under each Baulast."""
    page = make_page([
        *HEADER,
        words_of("Baulast 1"),
        words_of("Art: Zufahrtsbaulast"),
        words_of("Eintrag am 01.01.2012"),
        words_of("Inhalt: Der jeweilige Eigentümer duldet die Zufahrt."),
        words_of("Baulast 2"),
        words_of("Eintrag am 31.10.2018"),
        words_of("Löschung am 21.11.2021"),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(2012, 1, 1)


@pytest.mark.parametrize("head", ["Eingetr.", "Gelöscht"])
def test_a_pens_date_left_of_its_columns_head(gazetteer, head: str) -> None:
    """"17.8.61" written into a wide cell, left of its head "Eingetr." (the head word right in its column): the
    registration's column reaches halfway to the head word before it. A deletion column does not: most
    entries have no deletion, and the registration's date is no deletion's."""
    page = make_page([
        *HEADER,
        [("Lfd.", 150), ("Inhalt", 700), ("der", 900), ("Baulast", 1000), (head, 1950)],
        [("(Tag/Unterschr.)", 1900)],
        [("1", 150), *words_of("Der jeweilige Eigentümer des Grundstücks", 300), ("17.8.61", 1700)],
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11 übernimmt", 300),
        words_of("die Abstandfläche.", 300),
    ])
    extraction = extract(page, gazetteer)
    if head == "Eingetr.":
        assert extraction.date.value == dt.date(1961, 8, 17) and extraction.date.confidence >= 0.85
    else:
        assert [e.deleted_on for e in extraction.entries] == [None]


def test_a_deletion_in_the_registration_column_after_a_lone_number_in_the_prose(gazetteer) -> None:
    """"... auf seinem Grundstück 1 Stellplatz ... gelöscht 1.9.09": the lone "1" of the prose is no part of the
    date; "gelöscht" before it makes the date the deletion's, not the registration's."""
    page = make_page([
        *HEADER,
        [("Lfd.", 150), ("Inhalt", 700), ("der", 900), ("Baulast", 1000), ("Eingetr.", 1700)],
        [("1", 150), *words_of("Der jeweilige Eigentümer des Grundstücks", 300), ("9.5.63", 1700)],
        words_of("Gemarkung Jüchen, Flur 20, Flurstück 335/11", 300),
        [*words_of("hält auf seinem Grundstück 1 Stellplatz", 300), ("gelöscht", 1450), ("1.9.09", 1700)],
        words_of("für das Bauvorhaben bereit.", 300),
    ])
    extraction = extract(page, gazetteer)
    assert [(e.registered_on, e.deleted_on) for e in extraction.entries] == [(dt.date(1963, 5, 9), dt.date(2009, 9, 1))]


def test_a_flurs_number_wrapping_to_the_lines_start_is_no_running_number(gazetteer) -> None:
    """"... Gemarkung Liedberg, Flur" / "2, Flurstück 909/20 verpflichtet ...": the "2," opening the prose's
    line is the Flur's, not entry 2's running number."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1.", 210), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Jüchen, Flur", 600)],
        [("2,", 595), *words_of("Flurstück 335/11 verpflichtet sich, Leitungen zu dulden.", 680)],
        words_of("Eingetragen am 21. April 1975", 600),
    ])
    extraction = extract(page, gazetteer)
    assert [(e.lfd_nr, e.registered_on) for e in extraction.entries] == [(1, dt.date(1975, 4, 21))]



def test_eintrag_vom_in_the_remarks_column_beside_the_prose_is_no_citation(gazetteer) -> None:
    """"Der jeweilige Eigentümer ... | Eintrag vom 18.01.2008": the prose stands in another column, far left of
    the label; only a word a space before "Eintrag" makes it a sentence's citation."""
    page = make_page([
        *HEADER,
        TABLE_HEAD_ROW,
        [("1", 220), *words_of("Der jeweilige Eigentümer", 600), *words_of("Eintrag vom 18.01.2008", 1800)],
        words_of("des Grundstücks Gemarkung Jüchen, Flur 20, Flurstück 335/11", 600),
        words_of("übernimmt die Abstandfläche.", 600),
    ])
    date = extract(page, gazetteer).date
    assert date.value == dt.date(2008, 1, 18) and date.confidence >= 0.85


def _certified_copy(ground: str = "Verpflichtungserklärung", lfd_1: str = "Lfd. Nr. 1"):  # type: ignore[no-untyped-def]
    """A certified copy of a sheet in prose: "Auf dem Blatt Nr. ... ist ... folgendes eingetragen:", then its
    entries under "Lfd. Nr. 1", "Lfd. Nr. 2", each closed by "Eingetragen auf Grund der ... vom <declaration>
    am <registration>"."""
    return make_page([
        words_of("Kreis Neuss Aktenzeichen: 63/2-9274/78"),
        words_of("Der Oberkreisdirektor"),
        words_of("Beglaubigte Abschrift", 600),
        words_of("Auf dem Blatt Nr. 2.882 des Baulastenverzeichnisses des Kreises Neuss ist"),
        words_of("zu Lasten des Grundstücks in Korschenbroich"),
        words_of("Gemarkung Liedberg, Flur 7, Flurstück 177/2", 260),
        words_of("(Grundbuch von Liedberg Band VI Blatt 8386)", 260),
        words_of("folgendes eingetragen:"),
        words_of(lfd_1),
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Liedberg, Flur 7,", 260),
        words_of("Flurstück 177/2 übernimmt die Abstandfläche zugunsten des Grundstücks", 260),
        words_of("Gemarkung Liedberg, Flur 7, Flurstück 128/22.", 260),
        words_of(f"Eingetragen auf Grund der {ground} vom 5. Februar 1981", 260),
        words_of("am 28. Juni 1981.", 260),
        words_of("gez. Schiffer", 1200),
        words_of("Lfd. Nr. 2 (gelöscht)"),
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Liedberg, Flur 7,", 260),
        words_of("Flurstück 177/2 verpflichtet sich, Stellplätze bereitzustellen.", 260),
        words_of("Eingetragen am 27.04.1984 (Verpflichtungserklärung vom 26.03.1984).", 260),
        words_of("Gelöscht am 14.06.1997.", 260),
        words_of("Die Übereinstimmung vorstehender Abschrift mit der Eintragung im"),
        words_of("Baulastenverzeichnis wird hiermit beglaubigt."),
        words_of("Grevenbroich, den 19.07.1997"),
    ])


def test_the_sentence_introducing_the_entries_opens_none(gazetteer) -> None:
    """"... ist folgendes eingetragen:" above entry 1's running number names no entry's registration: the
    entries are those the running numbers open, and the header ends at entry 1's."""
    extraction = extract(_certified_copy(), gazetteer)
    assert [(e.lfd_nr, e.registered_on, e.deleted_on) for e in extraction.entries] == [
        (1, dt.date(1981, 6, 28), None), (2, dt.date(1984, 4, 27), dt.date(1997, 6, 14))]
    assert extraction.date.value == dt.date(1981, 6, 28) and extraction.date.confidence >= 0.85
    assert extraction.parcels.value == (Parcel("Liedberg", 7, "177/2"),) and extraction.parcels.confidence >= 0.75


def test_a_declaration_with_a_misread_letter_still_dates_the_declaration(gazetteer) -> None:
    """"auf Grund der vVerpflichtungserklärung vom 5. Februar 1981 am 28. Juni 1981": a letter misread before
    the ground's name leaves it a declaration, whose date is not the registration's."""
    extraction = extract(_certified_copy("vVerpflichtungserklärung"), gazetteer)
    assert extraction.date.value == dt.date(1981, 6, 28)


def test_an_introduction_without_entry_numbers_still_proposes_nothing_sure(gazetteer) -> None:
    """Where entry 1's running number went unread, nothing parts the introduction from entry 1: its date
    is never accepted unseen."""
    extraction = extract(_certified_copy(lfd_1="rd Net"), gazetteer)
    assert extraction.date is None or extraction.date.confidence < 0.85


def test_a_register_prints_zero_padded_entry_under_slashed_keys(gazetteer) -> None:
    """A register program's list: its keys joined by slashes with their values likewise ("GEMARKUNG / FLUR /
    FLURSTÜCK ..: Hemmerden / 11 / 1071/27"), then entries opened by "01", "02" and their dates. The header
    ends above "01"; the benefiting parcel of the entry text is none of the sheet's."""
    page = make_page([
        words_of("STADT GREVENBROICH STAND 14.02.02 SEITE 1"),
        words_of("LISTE BL 04 BAULASTENVERZEICHNIS"),
        words_of("KENNUNG BAULASTENBLATT .......: 1168C ERFASST AM ....: 18.07.92"),
        words_of("GEMEINDE ......................: Grevenbroich"),
        words_of("GEMARKUNG / FLUR / FLURSTÜCK ..: Hemmerden / 11 / 1071/27"),
        words_of("GRUNDBUCH / BLATT ............: Hemmerden / 7412"),
        words_of("01 02.06.92 --.--.-- LEITUNGSBAULAST"),
        words_of("TEXT: Der jeweilige Eigentümer des Grundstücks Gemarkung Hemmerden, Flur 11,", 350),
        words_of("Flurstück 1071/27 duldet Leitungen zugunsten des Grundstücks", 490),
        words_of("Gemarkung Hemmerden, Flur 12, Flurstück 1232/35.", 490),
        words_of("02 07.05.98 --.--.-- ZUFAHRTSBAULAST"),
        words_of("TEXT: Der jeweilige Eigentümer des Grundstücks Gemarkung Hemmerden, Flur 11,", 350),
        words_of("Flurstück 1071/27 duldet die Zufahrt zugunsten des Grundstücks", 490),
        words_of("Gemarkung Hemmerden, Flur 12, Flurstück 1232/35.", 490),
    ])
    assert first_numbered_entry(rows_of(page)) == 6
    extraction = extract(page, gazetteer)
    assert extraction.parcels.value == (Parcel("Hemmerden", 11, "1071/27"),)
    assert extraction.parcels.confidence >= 0.75
    assert extraction.date.value == dt.date(1992, 6, 2)


def test_a_declarations_date_wrapped_onto_the_next_line_is_the_declarations(gazetteer) -> None:
    """"Eingetragen auf Grund der Verpflichtungserklärung vom" / "6. November 1965 am 5. Januar 1966.": the
    first date below the label is still the declaration's, named on the label's line."""
    page = make_page([
        words_of("Stadt Neuss Der Stadtdirektor"),
        words_of("Auf dem Blatt Nr. 519 des Baulastenverzeichnisses der Stadt Neuss ist"),
        words_of("zu Lasten des Grundstücks Gemarkung Rosellen, Flur 6, Flurstück 502"),
        words_of("folgendes eingetragen:"),
        words_of("Lfd. Nr. 1"),
        words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung Rosellen, Flur 6,", 380),
        words_of("Flurstück 502 duldet die Zufahrt zugunsten des Flurstücks 1158.", 380),
        words_of("Eingetragen auf Grund der Verpflichtungserklärung vom", 380),
        words_of("6. November 1965 am 5. Januar 1966.", 380),
        words_of("gez. Schäfer", 1700),
    ])
    extraction = extract(page, gazetteer)
    assert extraction.date.value == dt.date(1966, 1, 5)


def test_the_headers_benefiting_parcels_are_none_of_the_sheets(gazetteer) -> None:
    """A header that names the benefiting parcel too, under a heading of its own ("BEGÜNSTIGTES GRUNDSTÜCK:", "3
    Begünstigte Flurstücke" over a grid) or opening its line: the sheet's parcels are the burdened ones only."""
    grid_head = [("Gemarkung", 220), ("Flur", 800), ("Zähler", 1000), ("Nenner", 1250), ("Lage", 1500)]
    burdened = [words_of("BELASTETES GRUNDSTÜCK:"), words_of("Gemarkung Zons, Flur 11, Flurstück 333/35")]
    burdened_grid = [words_of("2 Belastete Flurstücke"), grid_head,
                     [("Zons", 220), ("11", 800), ("333", 1000), ("35", 1250), ("Am", 1500), ("Hang", 1600)]]
    for header in ([*burdened, words_of("BEGÜNSTIGTES GRUNDSTÜCK:"), words_of("Gemarkung Zons, Flur 12, Flurstück 77")],
                   [*burdened, words_of("Begünstigtes Grundstück: Gemarkung Zons, Flur 12, Flurstück 77")],
                   [*burdened_grid, words_of("3 Begünstigte Flurstücke"), grid_head,
                    [("Zons", 220), ("12", 800), ("77", 1000), ("Im", 1500), ("Kamp", 1600)]]):
        page = make_page([
            words_of("Stadt Dormagen Der Bürgermeister"),
            words_of("Baulastenblatt Nr. 2263"),
            *header,
            TABLE_HEAD_ROW,
            [("1", 220), *words_of("Der jeweilige Eigentümer übernimmt die Abstandfläche.", 600)],
            [*words_of("Eingetragen am", 1800), ("12.03.1987", 2100)],
        ])
        assert extract(page, gazetteer).parcels.value == (Parcel("Zons", 11, "333/35"),)
