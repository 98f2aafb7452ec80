"""The register number (Baulastenblatt-Nr.) from word boxes: labels, the number's line, doubts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from baulast.model import OcrPage, Word
from pipeline.layout import read_on_end, rows_of, turned_upright
from pipeline.register import extract_register_number

H = 40  # text height in px; a character is 24 px wide, a space 20


def line(*tokens: str | tuple, y: int = 500, x: int = 200, line_id: int = 1) -> list[Word]:
    """Words left to right on one text line. A token is a text, or (text, options) where options
    may set "gap" (px before the word), "conf", "dy" (shift down) and "h" (box height)."""
    words, position = [], x
    for token in tokens:
        text, options = (token, {}) if isinstance(token, str) else token
        position += options.get("gap", 0)
        top = y + options.get("dy", 0)
        height = options.get("h", H)
        right = position + 24 * len(text)
        words.append(Word(text=text, conf=options.get("conf", 95.0), bbox=(position, top, right, top + height),
                          block=line_id, par=1, line=1))
        position = right + 20
    return words


def page_of(*lines: list[Word]) -> OcrPage:
    words = tuple(w for ws in lines for w in ws)
    return OcrPage(number=1, width=2480, height=3508, words=words, text=" ".join(w.text for w in words))


def read(page: OcrPage):  # type: ignore[no-untyped-def]
    return extract_register_number(page, rows_of(page))


HEADER = line("Stadt", "Dormagen", "Der", "Bürgermeister", y=200, line_id=9)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        pytest.param(("Baulastenblatt", "Nr.", "1.234"), "1234", id="thousands-dot"),
        pytest.param(("Baulastenblatt-Nr.:0158",), "158", id="glued-to-label"),
        pytest.param(("Baulastenblatt", "Nr.1407"), "1407", id="glued-to-marker"),
        pytest.param(("Banlastenplaft", "Nr.", "3467"), "3467", id="misread-label"),
        pytest.param(("Baulastenblart", "Nr.", "‚2997"), "2997", id="quote-before-number"),
        pytest.param(("Blatt-", "Nr.", "650"), "650", id="label-split-at-hyphen"),
        pytest.param(("BlattNr", "400"), "400", id="label-without-hyphen"),
        pytest.param(("BAULASTENBLATT", "NR.", "0376"), "376", id="capitals-leading-zero"),
        pytest.param(("Blatt-Nr.", "7.413_"), "7413", id="underline-after-number"),
        pytest.param(("Baulastenblatt", "Nr.", "167°"), "167", id="degree-after-number"),
        pytest.param(("Baulastenblatt", "Nr.", "811", "b"), "811b", id="suffix-letter"),
        pytest.param(("Baulastenblatt", "Nr.", "874", "b_"), "874b", id="suffix-underlined"),
        pytest.param(("Blatt-Nr.", "1233b"), "1233b", id="suffix-attached"),
        pytest.param(("Baulastenblatt", "Nr.", "0026", ("N", {"gap": 400})), "26", id="far-letter-no-suffix"),
        pytest.param(("Baulastenblatt", "Nr.", "167", ("m", {"h": 6, "dy": 38})), "167", id="speck-no-suffix"),
        pytest.param(("Baulastenblatt", "Nr.", "26", "Seite", "1", "von", "1"), "26", id="page-number-after"),
        pytest.param(("Baulastenblatt", "Nr.", ("2", {"h": 2, "dy": 20}), "603"), "603", id="speck-before"),
        pytest.param(("Grundbuch", "von", "Zons", "Blatt-Nr.", "2345"), None, id="grundbuch-blatt-nr"),
        pytest.param(("Grundbuch", "von", "Zons", "Blatt", "2345"), None, id="grundbuch-blatt"),
        pytest.param(("Blätter", "3"), None, id="blaetter-is-no-label"),
        pytest.param(("Baulastenblatt", "Nr.", "Az.:", "63/4-5713/96"), None, id="aktenzeichen-after"),
        pytest.param(("Baulastenblatt", "Nr.", "12.03.1987"), None, id="date-after"),
        pytest.param(("Baulastenblatt", "Nr.", "000"), None, id="zeros"),
        pytest.param(("Baulastenverzeichnis", "von", "Neuss", "1234"), None, id="register-title-is-no-label"),
        pytest.param(("Blatt", "im", "Verzeichnis:", "0858"), "858", id="blatt-im-verzeichnis"),
        pytest.param(("Blatt-Nr.", "im", "Baulastenverzeichnis", "3.763"), "3763", id="label-then-register-name"),
        pytest.param(("Blatt", "im", "Grundbuch", "2345"), None, id="blatt-im-grundbuch"),
        pytest.param(("Seite", "1", "von", "1", ("Blatt-Nr.", {"gap": 600}), "355"), "355",
                     id="page-phrase-far-left-stops-nothing"),
        pytest.param(("Grundbuch", "von", "Hackenbroich", ("Blatt", {"gap": 350}), "1709"), None,
                     id="grundbuch-field-far-left-owns-its-blatt"),
        pytest.param(("Grundbuch", "von", "Zons", "Blatt", "2993", ("Baulastenblatt", {"gap": 200}), "Nr.", "55"), "55",
                     id="grundbuch-phrase-ends-at-its-number"),
        pytest.param(("Baulast-Nr./Jahr", "348/58"), "348", id="number-and-year"),
        pytest.param(("Baulast-Nr./Jahrr", "564/1972"), "564", id="number-and-year-misread"),
        pytest.param(("LAUFENDE", "NR.", "DES", "VERZEICHNISSES:", "9.057"), "9057", id="nr-des-verzeichnisses"),
        pytest.param(("LAUFENDE", "NR.", "BES", "VERZEICHNISSES:", "1871"), "1871", id="nr-des-misread"),
        pytest.param(("LAUFENDE", "NR.", ("DES", {"dy": 8}), ("VERZEICHNISSES:", {"dy": 16}), (".1824", {"dy": 26})),
                     "1824", id="nr-des-verzeichnisses-skewed"),
        pytest.param(("Lfd.", "Nr.", "der", "Baulast", "3"), None, id="nr-der-baulast-is-an-entrys"),
        pytest.param(("BIL.-Nr.", "0699"), "699", id="bl-nr-misread"),
        pytest.param(("Bl.-Nr.", "2598"), "2598", id="bl-nr"),
        pytest.param(("BV-Nr.", "1234"), None, id="bauvorhaben-nr-is-none"),
        pytest.param(("Bd.-Nr.", "12"), None, id="band-nr-is-none"),
        pytest.param(("Blatt", "in", "Baulastensachen", "12"), None, id="blatt-in-baulastensachen"),
        pytest.param(("Baulast-Nr./Jahr", "81", "4b/", "1961"), "814b", id="number-and-year-apart"),
        pytest.param(("Verzeichnisseite", "1147"), "1147", id="register-page"),
        pytest.param(("Baulastblatt-Kennzifier", "0977"), "977", id="misread-long-number-word"),
        pytest.param(("Baulastenbuch", "von", "Neuss", "Buchblatt", "5256"), "5256", id="buchblatt-of-baulastenbuch"),
        pytest.param(("Grundbuch", "von", "Zons", "Buchblatt", "2345"), None, id="grundbuch-buchblatt"),
    ],
)
def test_value(tokens: tuple, expected: str | None) -> None:
    found = read(page_of(HEADER, line(*tokens)))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("tokens", "expected", "low", "high"),
    [
        pytest.param(("Baulastenblatt", "Nr.", "1.234"), "1234", 0.9, 1.0, id="clean"),
        pytest.param(("Baulastenblatt", "Nr.", "8.394"), "8394", 0.9, 1.0, id="grouped-leading-8-is-sure"),
        pytest.param(("Baulastenblatt", "Nr.", ("1950", {"conf": 60})), "1950", 0.5, 0.65, id="weak-glyph"),
        pytest.param(("Baulastenblatt", "Nr.", "811", ("b", {"conf": 30})), "811b", 0.2, 0.35, id="weak-suffix"),
        pytest.param(("Baulastenblatt", "Nr.", "5."), "5", 0.0, 0.5, id="cut-off-after-separator"),
        pytest.param(("Baulastenblatt", "Nr.", "7"), "7", 0.0, 0.6, id="lone-digit"),
        pytest.param(("Baulastenblatt", "Nr.", ">", "0", "33"), "33", 0.0, 0.5, id="unread-glyph-before"),
        pytest.param(("Baulastenblatt", "Nr.", ">»", "1", "62"), "162", 0.0, 0.5, id="unread-glyphs-before"),
        pytest.param(("Blatt-Nr.", "475", "&"), "475", 0.0, 0.5, id="unread-glyph-after"),
        pytest.param(("Baulastenblatt", "Nr.", "8241"), "8241", 0.0, 0.6, id="leading-8-may-be-zero"),
        pytest.param(("Baulastenblatt", "Nr.", "6123"), "6123", 0.0, 0.6, id="leading-6-may-be-zero"),
        pytest.param(("Baulastenblatt", "Nr.", "4.8318"), "48318", 0.0, 0.5, id="broken-grouping"),
        pytest.param(("Baulastenblatt", "Nr.", "08:4."), "84", 0.0, 0.5, id="colon-in-number"),
        pytest.param(("Baulastenblatt", "Nr.", "2", "1", "73"), "2173", 0.0, 0.65, id="spread-digits"),
        pytest.param(("Baulastenblatt", "N.", "2971"), "2971", 0.8, 0.9, id="misread-marker"),
        pytest.param(("Baulastenblatt", "Nr.", "l2O4"), "1204", 0.8, 0.9, id="letters-for-digits"),
        pytest.param(("Baulastenblatt", "1212", "/", "Lfd.", "Nr.", "1"), "1212", 0.9, 1.0, id="slash-then-entry"),
        pytest.param(("Baulastenblatt", "1212", ("/", {"gap": -18})), "1212", 0.0, 0.5, id="slash-touching"),
        pytest.param(("Baulastenblatt", "Nr.", "5,256"), "5256", 0.9, 1.0, id="comma-for-thousands-dot"),
        pytest.param(("Buchblatt", "5.256"), "5256", 0.9, 1.0, id="buchblatt-is-a-sheets-label"),
        pytest.param(("Baulastenblatt", "Nr.", "4,8318"), "48318", 0.0, 0.5, id="comma-no-grouping"),
    ],
)
def test_confidence(tokens: tuple, expected: str, low: float, high: float) -> None:
    found = read(page_of(HEADER, line(*tokens)))
    assert found is not None and found.value == expected
    assert low <= found.confidence <= high


def test_a_buchblatt_under_a_grundbuch_is_the_grundbuchs() -> None:
    page = page_of(HEADER, line("Grundbuch", "von", "Zons", y=400, line_id=2),
                   line("Buchblatt", "2345", y=460, line_id=3))
    assert read(page) is None


def test_a_blatt_opening_the_line_after_a_grundbuch_is_the_grundbuchs() -> None:
    """The header's sentence wraps after the Grundbuch's name ("... eingetragen im Grundhuch von Osterath" /
    "Blatt 186."), its "Grundbuch" misread: the sheet it names is the Grundbuch's."""
    page = page_of(HEADER, line("Parz.", "1130,", "eingetragen", "im", "Grundhuch", "von", "Osterath", y=400,
                                line_id=2),
                   line("Blatt", "186.", y=460, line_id=3))
    assert read(page) is None


def test_labels_naming_different_numbers_are_disputed() -> None:
    page = page_of(HEADER, line("Baulastenblatt", "Nr.", "1234", y=400, line_id=2),
                   line("Blatt-Nr.", "1284", y=600, line_id=3))
    found = read(page)
    assert found.value in ("1234", "1284") and found.confidence <= 0.5


def test_a_register_page_yields_to_the_sheets_label() -> None:
    """A multi-page extract's "Verzeichnisseite 2" is the page, not the sheet "Baulastenblatt Nr. 1234" names."""
    page = page_of(HEADER, line("Verzeichnisseite", "2", y=300, line_id=2),
                   line("Baulastenblatt", "Nr.", "1234", y=600, line_id=3))
    found = read(page)
    assert found.value == "1234" and found.confidence > 0.9


def test_a_register_books_page_box_with_its_number_below() -> None:
    """A Baulastenbuch's corner box: "Baulastenbuch Seite" over the number in large type."""
    page = page_of(HEADER, line("Baulastenbuch", "Seite", y=400, x=1700, line_id=2),
                   line(("3771", {"h": 60}), y=470, x=1850, line_id=3))
    found = read(page)
    assert found.value == "3771" and 0.75 <= found.confidence <= 0.9


def test_a_number_typed_larger_than_its_label_may_start_right_of_it() -> None:
    """A card's small "Karten-Nr." over a box whose number is typed in large type, set a little to the right."""
    label = line("Karten-Nr.", y=400, x=1500, line_id=2)  # ends at x = 1740
    page = page_of(HEADER, label, line(("2611", {"h": 80}), y=450, x=1850, line_id=3))
    assert read(page).value == "2611"
    a_third_larger = page_of(HEADER, label, line(("9.285", {"h": 54}), y=450, x=1830, line_id=3))
    assert read(a_third_larger).value == "9285"
    small = page_of(HEADER, label, line("2611", y=450, x=1850, line_id=3))  # in the label's type: another column's
    assert read(small) is None


def test_labels_naming_the_same_number_agree() -> None:
    page = page_of(HEADER, line("Baulastenblatt", "Nr.", "1234", y=400, line_id=2),
                   line("Blatt-Nr.", "1.234", y=600, line_id=3))
    assert read(page).confidence > 0.9


def test_words_of_other_lines_between_label_and_number_are_passed_over() -> None:
    label = line("Baulastenblatt", "Nr.", y=500, line_id=1)
    noise = line(("AU", {"conf": 30}), y=450, x=600, line_id=2)  # a stamp's line, half a line higher
    number = line("3651", y=505, x=620, line_id=1)
    found = read(page_of(HEADER, label, noise, number))
    assert found.value == "3651" and found.confidence > 0.9


def test_noise_over_the_label_is_passed_over() -> None:
    label = line("Baulastenblatt", "Nr.", "0504", y=500, line_id=1)
    overprint = line(("TRR,", {"conf": 0}), y=520, x=300, line_id=2)  # inside the label's span
    assert read(page_of(HEADER, label, overprint)).value == "504"


def test_number_below_its_label() -> None:
    page = page_of(HEADER, line("Baulastenblatt-Nr.:", y=400, line_id=2), line("512", "a", y=460, line_id=3),
                   line("Gemarkung", "Zons", y=560, line_id=4))
    found = read(page)
    assert found.value == "512a" and found.confidence <= 0.9


def test_no_number_below_a_label_followed_by_other_fields() -> None:
    page = page_of(HEADER, line("BAULASTENBLATT", y=400, line_id=2), line("FLUR!", "27", y=460, line_id=3))
    assert read(page) is None


def test_evidence_names_label_and_number() -> None:
    found = read(page_of(HEADER, line("Baulastenblatt", "Nr.", "1.234", "Seite", "1")))
    assert found.evidence.text == "Baulastenblatt Nr. 1.234"
    assert found.evidence.bbox == (200, 500, 200 + 24 * 14 + 20 + 24 * 3 + 20 + 24 * 5, 540)


def _turned(page: OcrPage) -> OcrPage:
    """The page as Tesseract reads a sheet turned by 90° without turning it back: lines run down."""
    words = [replace(w, bbox=(page.height - w.bbox[3], w.bbox[0], page.height - w.bbox[1], w.bbox[2]))
             for w in page.words]
    return replace(page, width=page.height, height=page.width, words=tuple(words))


def test_sheet_read_on_end() -> None:
    upright = page_of(
        HEADER,
        line("Baulastenverzeichnis", "von", "Kaarst", y=300, line_id=2),
        line("Baulastenblatt", "Nr.", "1533", y=400, line_id=3),
        line("Gemarkung", "Büttgen", "Flurstück", "2537", y=500, line_id=4),
        line("Lfd.", "Nr.", "Inhalt", "der", "Eintragung", "Bemerkungen", y=700, line_id=5),
        line("Eigentümer", "verpflichtet", "Grundstücke", "Vorschriften", y=800, line_id=6),
    )
    turned = _turned(upright)
    assert read_on_end(upright) == 0 and read_on_end(turned) == 1
    assert [w.bbox for w in turned_upright(turned).words] == [w.bbox for w in upright.words]
    # Rows cut across a turned sheet's lines: the sheet is read from its own words turned upright.
    found = extract_register_number(turned, [])
    assert found.value == "1533" and found.confidence > 0.9
    # The evidence box is on the page as read (the crop verify.py reads again), not the turned one.
    label_and_number = [w.bbox for w in turned.words if w.text in ("Baulastenblatt", "1533")]
    assert found.evidence.bbox == (label_and_number[0][0], label_and_number[0][1],
                                   label_and_number[1][2], label_and_number[1][3])


def test_an_underlined_label_whose_box_is_swollen_still_reads_its_number() -> None:
    """Sample akte_0008: the title's box runs down over its underline, to 2.6 times the type size;
    "Nr." and the number are the text's height, not specks."""
    found = read(page_of(line(("Baulastenblatt", {"h": 104}), "Nr.", "309", ("Seite", {"gap": 300}), "1von1")))
    assert found is not None and found.value == "309"


def test_nr_and_number_below_the_sheet_title() -> None:
    """A boxed title "Baulastenblatt" with "Nr. 0358" on the line below it."""
    page = page_of(HEADER, line("Baulastenblatt", y=400, line_id=2), line("Nr.", "0358", y=470, line_id=3),
                   line("Baulastenverzeichnis", y=700, x=800, line_id=4))
    found = read(page)
    assert found is not None and found.value == "358" and 0.75 <= found.confidence <= 0.9


def test_a_cell_value_printed_larger_than_its_label() -> None:
    """"Baulastenblatt-Nummer" in small type heading a cell, the number large below it, specks between."""
    page = page_of(HEADER, line(("Baulastenblatt-Nummer", {"h": 24}), y=400, line_id=2),
                   line(("i", {"conf": 0, "h": 30}), y=440, x=900, line_id=3),
                   line(("886", {"h": 90}), y=520, x=240, line_id=4))
    found = read(page)
    assert found is not None and found.value == "886"


@pytest.mark.parametrize("label", ["Baulastenbl.-Nr.", "Baulastenbi.-Nr."])
def test_abbreviated_label(label: str) -> None:
    found = read(page_of(HEADER, line(label, ".:", "3546")))
    assert found is not None and found.value == "3546" and found.confidence >= 0.8


def test_bare_blatt_in_a_register_header() -> None:
    """"Blatt: 1258 b" opening its line, no Grundbuch over it: the register sheet's number, a
    label less sure than "Baulastenblatt Nr."."""
    page = page_of(HEADER, line("Baulastenverzeichnis", y=300, x=1200, line_id=2),
                   line("Blatt:", "1258", "b", y=400, x=1200, line_id=3),
                   line("Grundbuch", "Hackenbroich", "Bl.", "1229", y=600, line_id=4))
    found = read(page)
    assert found is not None and found.value == "1258b" and 0.75 <= found.confidence <= 0.85


def test_the_registers_volume_and_sheet() -> None:
    """"Gemarkung Jüchen .... Band III Blatt 768 b" under "Baulastenverzeichnis": the register's volume and its
    sheet (a speck between them); a label less sure than "Baulastenblatt Nr."."""
    page = page_of(HEADER, line("Baulastenverzeichnis", y=300, x=600, line_id=2),
                   line("Gemarkung", "Jüchen", ("Band", {"gap": 400}), "III", ("_", {"gap": -10}), "Blatt", "768", "b",
                        y=400, line_id=3))
    found = read(page)
    assert found is not None and found.value == "768b" and found.confidence < 0.8


@pytest.mark.parametrize("lines", [
    pytest.param([line("Grundbuch", "von", "Zons", "Band", "12", "Blatt", "416", y=400, line_id=2)],
                 id="grundbuch-band"),
    pytest.param([line("Grundbuch", "von", y=400, x=1200, line_id=2), line("Büttgen", y=470, x=1200, line_id=3),
                  line("Blatt", "8468", y=540, x=1200, line_id=4)], id="grundbuch-above"),
    pytest.param([line("Grundbuchblatt", y=400, x=1200, line_id=2),
                  line("Zons,", "Blatt", "416", y=470, x=1200, line_id=3)], id="gemarkung-before"),
    pytest.param([line("Lage:", "Am", "Weiher", "104b", "Blatt", "7", y=400, line_id=2)], id="not-opening-its-line"),
])
def test_a_grundbuch_blatt_is_no_register_number(lines) -> None:
    assert read(page_of(HEADER, *lines)) is None


def test_a_register_label_wins_over_a_bare_blatt() -> None:
    page = page_of(HEADER, line("Baulastenblatt", "Nr.", "1234", y=400, line_id=2),
                   line("Blatt", "2", y=600, x=1800, line_id=3))
    found = read(page)
    assert found.value == "1234" and found.confidence > 0.9


def test_a_lone_letter_between_label_and_number_below_is_passed_over() -> None:
    page = page_of(HEADER, line("Baulastenblatt", y=400, line_id=2),
                   line("i", ("Bauaufsicht", {"gap": 1500}), y=460, x=250, line_id=3),
                   line("N.", "0905", y=520, line_id=4))
    found = read(page)
    assert found is not None and found.value == "905"


def test_punctuation_touching_the_number_may_be_a_lost_digit() -> None:
    """"- 282" for 1282: a mark all but touching the number is a doubt; one a space away is not."""
    touching = read(page_of(HEADER, line("Baulastenblatt-Nr.", "-", ("282", {"gap": -10}))))
    spaced = read(page_of(HEADER, line("Baulastenblatt-Nr.", "-", ("282", {"gap": 20}))))
    assert touching.value == spaced.value == "282"
    assert touching.confidence <= 0.5 < 0.9 <= spaced.confidence


def test_blatt_after_the_register_name() -> None:
    found = read(page_of(HEADER, line("Baulastenverzeichnis", "Blatt", "1234", y=400, line_id=2)))
    assert found is not None and found.value == "1234" and found.confidence <= 0.85


@pytest.mark.parametrize("tokens", [("Baulast", "Nr.", "17"), ("Nr.", "17")])
def test_a_bare_nr_naming_the_register_is_proposed_never_trusted(tokens) -> None:
    found = read(page_of(HEADER, line(*tokens, y=400, line_id=2)))
    assert found is not None and found.value == "17" and found.confidence <= 0.6


@pytest.mark.parametrize("tokens", [("Haus", "Nr.", "17"), ("Lfd.", "Nr.", "17"), ("Az.", "Nr.", "17")])
def test_a_nr_of_something_else_is_no_register_number(tokens) -> None:
    assert read(page_of(HEADER, line(*tokens, y=400, line_id=2))) is None


def test_rows_of_other_columns_do_not_end_the_search_below_a_label() -> None:
    """The label heads a cell at the right; the left column's lines between it and its number are
    no part of the cell and do not count as the gap."""
    page = page_of(line(("Baulastenblatt-Nummer", {"h": 24}), y=100, x=1600, line_id=1),
                   line("Gemeinde", "Rommerskirchen", y=150, x=100, line_id=2),
                   line("Der", "Bürgermeister", y=200, x=100, line_id=3),
                   line("Bauaufsichtsamt", y=250, x=100, line_id=4),
                   line(("0213", {"h": 60}), y=300, x=1650, line_id=5))
    found = read(page)
    assert found is not None and found.value == "213"


def test_the_nr_heading_the_entries_column_proposes_no_number() -> None:
    page = page_of(HEADER, line("Gemarkung", "Zons", "Flur", "3", "Flurstück", "12", y=300, line_id=2),
                   line("Nr.", "Inhalt", "der", "Eintragung", "Bemerkungen", y=400, line_id=3),
                   line("1", "Der", "Eigentümer", y=460, line_id=4))
    assert read(page) is None


def test_a_lower_case_suffix_is_read_but_not_trusted() -> None:
    """"1720 c": the letter's box is under half the digits' height; it is the suffix (or a speck
    read as a letter), and the number is never sure without it being checked."""
    found = read(page_of(HEADER, line("Baulastenblatt", ("1720", {"h": 66}), ("c", {"h": 26, "dy": 26}))))
    assert found.value == "1720c" and found.confidence <= 0.6


def test_two_readings_of_the_numbers_place_are_a_doubt() -> None:
    """Tesseract gave "14" and "1402" over the same place: one of them is wrong."""
    page = page_of(HEADER, line("Blatt:", ("14", {"h": 68}), ("1402", {"gap": -60, "h": 26, "dy": 20}),
                                y=400, x=900, line_id=2))
    found = read(page)
    assert found is not None and found.confidence <= 0.5


def test_a_stamp_beside_the_page_number_opens_its_phrase() -> None:
    """"- 1 -" (the page number) and the stamp "BAULAST NR." share a text line far apart."""
    page = page_of(line("-", "1", "-", ("BAULAST", {"gap": 900}), "NR.", y=100, x=1000, line_id=1),
                   line(("903", {"h": 60}), y=160, x=2150, line_id=2))
    found = read(page)
    assert found is not None and found.value == "903" and found.confidence <= 0.6


def test_a_stamp_baulast_and_its_number() -> None:
    found = read(page_of(line("BAULAST", "2335", y=100, x=1900, line_id=1), HEADER))
    assert found is not None and found.value == "2335" and found.confidence <= 0.6
    assert read(page_of(HEADER, line("Die", "Baulast", "wird", "eingetragen", y=400, line_id=2))) is None


def test_a_stamps_number_large_below_its_label_in_the_same_visual_row() -> None:
    """A boxed stamp "BAULAST NR." over a number in large type, slightly tilted: the number's box
    reaches up into the label's line, so both fall into one visual row."""
    page = page_of(line(("BAULAST", {"h": 27}), ("nr.", {"h": 69, "dy": -29, "conf": 57}), y=131, x=2006,
                        line_id=1),
                   line(("2335", {"h": 120}), y=152, x=2026, line_id=2),
                   line("Stadt", "Kaarst", "Der", "Bürgermeister", y=330, line_id=3))
    assert len(rows_of(page)[0].words) == 3  # the premise: one visual row
    found = read(page)
    assert found is not None and found.value == "2335" and found.confidence <= 0.6


def test_a_large_title_and_its_number_beside_a_letterheads_small_contact_lines() -> None:
    """"Baulastenblatt 2259" in large type; far along the same row the letterhead's contact block in
    small type ("Telefon: 02161 / 992-802"). The number's distance is measured by the title's size."""
    page = page_of(line(("Baulastenblatt", {"h": 50}), ("2259", {"h": 34, "gap": 60, "dy": 13}),
                        ("Telefon:", {"h": 17, "gap": 280, "dy": 18}), ("02161", {"h": 18, "dy": 16}),
                        ("/", {"h": 18, "dy": 16}), ("992-802", {"h": 17, "dy": 16}), y=365, x=169, line_id=1),
                   line("Stadt", "Korschenbroich", y=150, line_id=2))
    found = read(page)
    assert found is not None and found.value == "2259" and found.confidence >= 0.9


def test_a_baulast_nr_box_and_its_number_with_the_boxs_side_glued_to_it() -> None:
    """A modern form's "Baulast-Nr." box: the number below the caption, the box's left side read
    glued to it ("ı1921a") or beside it ("ı 1604b"). Read, but the mark may be a lost "1"."""
    glued = page_of(line("Baulast-Nr.", "Stadt", "/", "Gemeinde", y=336, x=160, line_id=1),
                    line(("ı1921a", {"h": 60}), y=402, x=166, line_id=2),
                    line("Rhein-Kreis", "Neuss", y=150, line_id=3))
    found = read(glued)
    assert found is not None and found.value == "1921a" and found.confidence <= 0.5
    beside = page_of(line(("Baulastenblatt", {"h": 50}), ("ı", {"gap": 30, "dy": 20, "h": 26}),
                          ("1604b", {"gap": 10, "dy": 10, "h": 34}), y=362, x=175, line_id=1))
    found = read(beside)
    assert found is not None and found.value == "1604b" and found.confidence <= 0.5


def test_a_label_naming_the_number_and_its_page() -> None:
    """A printout's header "BAULASTENBLATT-NR./SEITE: 0155A/1": the number, without its page."""
    found = read(page_of(line("BAULASTENBLATT-NR./SEITE:", "0155A/1", y=268, x=600, line_id=1), HEADER))
    assert found is not None and found.value == "155a" and found.confidence >= 0.85
    assert read(page_of(line("BAULASTENBLATT-NR./AKTE:", "0155A/1", y=268, x=600, line_id=1), HEADER)) is None


def test_a_suffix_after_a_hyphen() -> None:
    found = read(page_of(line("Baulastenblatt", "930-a", y=364, line_id=1), HEADER))
    assert found is not None and found.value == "930a"


def test_verzeichnis_nr_labels_the_register_number() -> None:
    found = read(page_of(HEADER, line("Verzeichnis-Nr.:", "5.944", y=400, line_id=2)))
    assert found is not None and found.value == "5944" and 0.8 <= found.confidence <= 0.9


def test_the_registers_name_alone_labels_no_number() -> None:
    """A form's footer "Vordruck BA 17 - Baulastenverzeichnis - 3000 - 11.68": a print run."""
    footer = line("Vordruck", "BA", "17", "–", "Baulastenverzeichnis", "–", "3000", "–", "11.68", y=3000)
    assert read(page_of(HEADER, footer)) is None


def test_a_number_wider_than_its_label_begins_left_of_it() -> None:
    """A stamp "BAULAST NR." over "5.235" in large type, read as "5." and "235": the number is
    centred under the label and begins left of "NR.", its first part outside the label's column
    (read less surely than the rest, as on the scan this comes from)."""
    page = page_of(line(("BAULAST", {"h": 17}), ("NR.", {"h": 17}), y=106, x=1290, line_id=1),
                   line(("5.", {"h": 40, "conf": 72}), ("235", {"h": 42, "gap": -6}), y=146, x=1400, line_id=2),
                   line("Stadt", "Jüchen", "Der", "Bürgermeister", y=330, line_id=3))
    found = read(page)
    assert found is not None and found.value == "5235"


@pytest.mark.parametrize("label", ["Verzeichnisblatt Nr.", "Buchblatt Nr.", "Kartei-Nr.", "Blattkennung",
                                   "Blatt-Kennziffer"])
def test_a_register_sheets_number_under_other_names(label: str) -> None:
    """The sheet's number under the names other registers give it: a Verzeichnisblatt, a
    Baulastenbuch's Buchblatt, a card index's Kartei-Nr., a program's Blattkennung."""
    found = read(page_of(line("Stadt", "Kaarst", y=100, line_id=1), line(*label.split(), "1648a", y=200, line_id=2)))
    assert found is not None and found.value == "1648a" and found.confidence >= 0.8


def test_a_grundbuchblatt_or_an_aktenkennzeichen_names_no_register_number() -> None:
    for label in ("Grundbuchblatt Nr.", "Aktenkennzeichen", "Handelsregisternummer", "BV-Nr."):
        assert read(page_of(line(*label.split(), "4711", y=200, line_id=2))) is None


def test_a_digit_read_as_letters_right_before_a_number_below_its_label_is_a_doubt() -> None:
    """A boxed "2320" under "Lfd. Blatt-Nr.", its "2" read unsurely as "ar" touching "320": the
    number read is never sure."""
    page = page_of(line(("Blatt-Nr.", {"h": 49}), y=200, x=1888, line_id=1),
                   line(("ar", {"h": 54, "conf": 20}), ("320", {"h": 59, "gap": -20}), y=305, x=1836, line_id=2),
                   line("Rhein-Kreis", "Neuss", y=130, x=260, line_id=3))
    found = read(page)
    assert found is not None and found.value == "320" and found.confidence <= 0.5


def test_a_forms_number_across_the_line_from_its_label_is_only_proposed() -> None:
    """A form's "Baulastenblatt-Nr.:" with its value in a box far along the line, nothing but marks between:
    read, never sure; a word between makes it another field's."""
    found = read(page_of(HEADER, line("Baulastenblatt-Nr.:", ("...", {"gap": 300}), ("1234", {"gap": 300}))))
    assert found is not None and found.value == "1234" and found.confidence <= 0.75
    assert read(page_of(HEADER, line("Baulastenblatt-Nr.:", ("Flur", {"gap": 300}), "1234"))) is None


def test_a_number_near_one_label_wins_over_one_across_the_line_from_another() -> None:
    page = page_of(HEADER, line("Baulastenblatt-Nr.", ("17", {"gap": 900}), y=400, line_id=2),
                   line("Blatt-Nr.", "1234", y=600, line_id=3))
    found = read(page)
    assert found.value == "1234" and found.confidence > 0.9


@pytest.mark.parametrize("label", ["Verz.-Nr.", "Baul.-Nr.", "Baulastenverz. Nr.", "VERZ.-NR.:", "BAULASTVERZ.-NR.:"])
def test_a_registers_name_cut_short_before_its_number_word(label: str) -> None:
    found = read(page_of(HEADER, line(*label.split(), "3546")))
    assert found is not None and found.value == "3546" and found.confidence >= 0.8


@pytest.mark.parametrize("label", ["Bau.-Nr.", "Reg.-Nr.", "Verz."])
def test_other_names_cut_short_are_no_register_label(label: str) -> None:
    assert read(page_of(HEADER, line(*label.split(), "3546"))) is None


@pytest.mark.parametrize("title", ["Baulastenverzeichnis der Stadt Neuss", "Eintragung im Baulastenverzeichnis"])
def test_blatt_in_a_phrase_naming_the_register(title: str) -> None:
    """A bare "Blatt" whose phrase begins with the register's name, a few words between: the register's sheet,
    never sure; a number between ends the phrase."""
    found = read(page_of(HEADER, line(*title.split(), "Blatt", "1234")))
    assert found is not None and found.value == "1234" and 0.6 <= found.confidence < 0.8
    assert read(page_of(HEADER, line("Baulastenverzeichnis", "vom", "12.03.1987", "Blatt", "1234"))) is None


def test_letters_run_together_in_a_label() -> None:
    """"Kanei-Nr." for "Kartei-Nr.": "rt" read as one "n" is one misread letter, not two."""
    page = page_of(HEADER, line("Baulastenkartei", ("Kanei-Nr.", {"gap": 600}), y=400, line_id=2),
                   line(("3.363", {"h": 60}), y=470, x=1100, line_id=3))
    found = read(page)
    assert found is not None and found.value == "3363"


def _card(*lines: list) -> object:
    """A card whose number stands alone in large type in its top right corner, no label naming it."""
    return extract_register_number(page_of(*lines), rows_of(page_of(*lines)), lone=True)


def test_a_number_alone_in_large_type_at_the_top_is_proposed() -> None:
    found = _card(line("Baulastenkartei", y=150, line_id=1), line(("4.845", {"h": 70}), y=140, x=1900, line_id=2),
                  line("Gemeinde", "Rommerskirchen", y=260, line_id=3))
    assert found is not None and found.value == "4845" and found.confidence <= 0.5
    assert read(page_of(line("Baulastenkartei", y=150, line_id=1),
                        line(("4.845", {"h": 70}), y=140, x=1900, line_id=2))) is None  # only where asked


@pytest.mark.parametrize("lines", [
    pytest.param([line(("41460", {"h": 70}), ("Neuss", {"h": 70}), y=140, x=1500)], id="beside-a-word"),
    pytest.param([line(("12.03.1987", {"h": 70}), y=140, x=1500)], id="a-date"),
    pytest.param([line("4845", y=140, x=1900)], id="in-the-text's-type"),
    pytest.param([line(("4845", {"h": 70}), y=2400, x=1900)], id="low-on-the-page"),
])
def test_no_lone_number(lines: list) -> None:
    assert _card(line("Baulastenkartei", y=150, line_id=9), line("Gemeinde", "Kaarst", y=260, line_id=8),
                 *lines) is None


@pytest.mark.parametrize(("tokens", "expected"), [
    pytest.param(("BLB-Nr.:", "8.439"), "8439", id="initials"),
    pytest.param(("BLV-NR.", "1548"), "1548", id="initials-of-the-verzeichnis"),
    pytest.param(("BLK-Nr.", "612"), "612", id="initials-of-the-kartei"),
    pytest.param(("Registernummer", "3.378"), "3378", id="registernummer"),
    pytest.param(("Register-Nr.", "0857"), "857", id="register-nr"),
    pytest.param(("BL-Nummer:", "1013", "b"), "1013b", id="bl-nummer"),
    pytest.param(("Verz.-Blatt", "Nr.", "3177"), "3177", id="verzeichnisblatt-cut-short"),
    pytest.param(("Lfd.", "Nr.", "des", "Blattes:", "3.501"), "3501", id="nr-des-blattes"),
    pytest.param(("BV-Blatt", "2845"), "2845", id="bv-blatt"),  # a spreadsheet's: Baulastenverzeichnis-Blatt
])
def test_the_sheets_number_in_more_wordings(tokens: tuple, expected: str) -> None:
    found = read(page_of(HEADER, line(*tokens)))
    assert found is not None and found.value == expected and found.confidence >= 0.8


@pytest.mark.parametrize(("tokens", "expected"), [
    pytest.param(("BI.", "1536", "c-S.1"), "1536c", id="suffix-glued-to-page"),
    pytest.param(("Bl.", "7.360", "-S.1"), "7360", id="page-apart"),
    pytest.param(("Bl.", "1233", "c-8.", "1"), "1233c", id="page-s-read-as-8"),
    pytest.param(("Bl.916b-8.1.",), "916b", id="all-glued"),
])
def test_bl_in_a_running_head_after_the_registers_name(tokens: tuple, expected: str) -> None:
    """"Baulastenverzeichnis Stadt Dormagen ........ Bl. 1536 c-S.1": the sheet's number and page in the
    running head, far right of the register's name on its line."""
    words = line("Baulastenverzeichnis", "Stadt", "Dormagen", y=100, line_id=1)
    words += line(*tokens, y=100, x=1300, line_id=1)
    found = read(page_of(words, line("Stadt", "Dormagen", y=300, line_id=2)))
    assert found is not None and found.value == expected


def test_bv_with_a_number_word_names_a_bauvorhaben() -> None:
    """"BV-Blatt" is the register's sheet under its initials; "BV-Nr." is a Bauvorhaben's number."""
    assert read(page_of(HEADER, line("BV-Nr.", "2845"))) is None


def test_bl_alone_is_no_register_label() -> None:
    """"Bl. 1229" opening its line, or after a Grundbuch: as often a Grundbuch's sheet."""
    assert read(page_of(HEADER, line("Bl.", "1229"))) is None
    assert read(page_of(HEADER, line("Grundbuch", "von", "Zons", "Bl.", "1229"))) is None


def test_a_skewed_qualified_label_whose_last_word_box_is_tall() -> None:
    """"Nummer des Baulastenblattes 798" rising along a skewed line: the number stands level with the
    qualifier's end, whose word box the skew makes taller than its type."""
    page = page_of(HEADER, line(("Nummer", {"h": 32}), ("des", {"dy": -10, "h": 34}),
                                ("Baulastenblattes", {"dy": -24, "h": 53}), ("798", {"dy": -39, "h": 41}), y=1311))
    found = read(page)
    assert found is not None and found.value == "798"


def test_review_nr_des_blattes_under_a_grundbuch_is_the_grundbuchs() -> None:
    page = page_of(line("Grundbuch", "von", "Zons", y=300, line_id=2), line("Nr.", "des", "Blattes:", "1234", y=400))
    found = read(page)
    assert found is None or found.value != "1234" or found.confidence < 0.8


def test_review_a_hyphenated_number_is_no_page() -> None:
    """"123-8": no page ("-S.1", "-8.1" with its dot) follows the number."""
    found = read(page_of(HEADER, line("Baulastenblatt-Nr.", "123-8")))
    assert found is None or found.value != "123"


def test_review_a_number_near_a_lower_tiers_label_wins_over_one_across_the_title_line() -> None:
    page = page_of(line("Baulastenblatt", ("17", {"gap": 1000}), y=300, line_id=1),
                   line("Blatt:", "1258", y=400, line_id=2))
    assert read(page).value == "1258"


@pytest.mark.parametrize("stamp", ["Register-Nr. 4457", "Eingang Register-Nr. 4457", "Registriernummer 4457"])
def test_a_registrys_stamp_yields_to_the_sheets_blatt(stamp: str) -> None:
    """A sheet labelled only "Blatt:", with a registry's or document system's stamp "Register-Nr. 4457"
    in its header: the sheet's number is the Blatt's."""
    page = page_of(line("Baulastenverzeichnis", "der", "Stadt", "Dormagen", y=100, line_id=1),
                   line("Blatt:", "1234", y=200, line_id=2),
                   line("Gemarkung", "Zons", "Flur", "3", "Flurstück", "12", y=300, line_id=3),
                   line(*stamp.split(), y=400, x=1400, line_id=4))
    found = read(page)
    assert found is not None and found.value == "1234"


def test_nr_d_blattes_under_a_grundbuch_line_that_gives_its_own_sheet() -> None:
    """"Grundbuch Hoisten Bl. 3577" over "Nr. d. Blattes 1306b": the Grundbuch's sheet is given on its own line;
    the number below is the register sheet's ("d." for "des")."""
    page = page_of(HEADER, line("Grundbuch", "Hoisten", "Bl.", "3577", y=300, line_id=2),
                   line("Nr.", "d.", "Blattes", ("1306b", {"gap": 60}), y=400, line_id=3))
    found = read(page)
    assert found is not None and found.value == "1306b" and found.confidence >= 0.8
