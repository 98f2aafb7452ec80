"""Review of the thirteenth session's rules (534bd7c..a53b7f3, docs/accuracy.md item 14): pages and headers on which
the new rules make a non-sheet a sure sheet, or accept a wrong parcel set at or above its threshold. Fake pages, no
Tesseract.

Paths judged safe (no test): a stray line of values wholly right of the header line above (`_without_strays`: a
list's continuation starts under the list, never right of its line's end; a grid's later rows start in its
columns); the caption "(Gemarkung, Flur, Flurstück)" heading no grid (a real grid's labels carry no commas or
parentheses; at worst a grid is read as text, or lost to review); a five-digit Zähler doubted (only lowers
confidence); a rule read as "|" ending the parcel column's head (a speck between two head words would end it too,
but only loses cells); "Eintragung vollzogen" over a date (a stamp's own date below it; "... im Grundbuch vollzogen"
stays the Grundbuch's); the wider head caption in `continues_head` (used only where no date was found at all); the
second reading of a value's last line only (a value and its label on one line read as before; a label or value
band under 0.4 of the other's height leaves the whole box read).
Wrong-headed, not tested (no value is lost that was read before): `_gemarkung_named`'s two-word names ("Neuss
Holzheim, Flur 2") never match, as `parts[2]` is the whole rest of the line ("Flur 2, Flurstück ...", digits in it),
never the word "Flur".
"""

from __future__ import annotations

import pytest

from baulast.gazetteer import Gazetteer
from baulast.model import Parcel
from baulast.validation import ACCEPT_THRESHOLDS
from pipeline.classify import likeliest_sheet
from pipeline.extract import extract
from tests.conftest import make_page, words_of

SURE_PARCELS = ACCEPT_THRESHOLDS["parcels"]


# --- Classification: a map's scale counts only on a page without sentences (abf11b9) ----------------------------

def _lageplan():  # type: ignore[no-untyped-def]
    # An official Lageplan filed as the Baulast's annex: its title names the sheet, its title block the parcel and
    # the scale, its legend and the surveyor's certificate are two sentences.
    return make_page([words_of("Lageplan zum Baulastenblatt Nr. 1234"),
                      words_of("Gemarkung Büttgen Flur 9 Flurstück 1086/12"),
                      words_of("Maßstab 1:500"),
                      words_of("Die mit der Baulast belastete Fläche ist rot schraffiert dargestellt."),
                      words_of("Die Darstellung stimmt mit dem Nachweis des Liegenschaftskatasters überein."),
                      words_of("Eintragung vom 12.03.1987")])


def _declaration():  # type: ignore[no-untyped-def]
    # The owner's declaration, titled "Erklärung zur Eintragung einer Baulast" (not "Verpflichtungserklärung"),
    # citing its Lageplan's scale in its text, signed, and stamped by the office once the Baulast was registered.
    return make_page([words_of("Erklärung zur Eintragung einer Baulast"),
                      words_of("Ich, der Eigentümer des Grundstücks Gemarkung Kaarst, Flur 34, Flurstück 2589,"),
                      words_of("übernehme hiermit für mich und meine Rechtsnachfolger gegenüber der Stadt Kaarst"),
                      words_of("die Verpflichtung, die im beigefügten Lageplan im Maßstab 1:500 rot dargestellte"),
                      words_of("Fläche von jeglicher Bebauung freizuhalten."),
                      words_of("Kaarst, den 03.02.1987"), words_of("Unterschrift"),
                      words_of("Eingetragen in das Baulastenverzeichnis, Baulastenblatt Nr. 1745, am 12.03.1987")])


@pytest.mark.parametrize("page", [_lageplan, _declaration], ids=["lageplan-with-legend", "declaration-citing-scale"])
def test_a_page_with_a_scale_and_two_sentences_is_no_sure_sheet(page) -> None:  # type: ignore[no-untyped-def]
    """A Lageplan is not all labels: the annex's legend ("Die mit der Baulast belastete Fläche ist rot schraffiert
    dargestellt.") and the surveyor's certificate ("Die Darstellung stimmt mit dem Nachweis des
    Liegenschaftskatasters überein.") are two lines of six words or more, so its scale no longer counts against it
    (abf11b9) and the plan that names the sheet, its parcel and the registration's date scores 6.5: a sure sheet
    (before: 3.5, proposed at most). Likewise a declaration titled "Erklärung zur Eintragung einer Baulast" whose
    text cites "den beigefügten Lageplan im Maßstab 1:500", stamped "Eingetragen in das Baulastenverzeichnis,
    Baulastenblatt Nr. 1745, am 12.03.1987": 7.0, sure (before: 4.0). Neither page is the sheet; in an Akte whose
    sheet is missing or poorly scanned neither may be taken for it surely. Sentences show that a page is not only
    a plan; they do not show that it is a sheet (a plan's legend, a declaration's text)."""
    assert likeliest_sheet([page()])[1] is False


# --- Classification: "Betroffene Flurstücke" marks a sheet (abf11b9) ----------------------------------------------

def test_betreffend_is_no_sheet_mark() -> None:
    """The office's internal order to register (an Eintragungsverfügung, filed in every Baulast Akte): "Vfg. 1.
    Baulast betreffend Gemarkung Kaarst, Flur 34, Flurstück 2589: In das Baulastenverzeichnis unter lfd. Nr. 1745
    einzutragen." The new mark "betroffen" (weight 1, stem of nine letters) is matched fuzzily, one letter off, and
    "betreffend" is "betroffen" with e for o: the order scores 6.0 and is a sure sheet (before: 5.0, proposed at
    most). "Betreff"/"betreffend" is a letter's and an order's word, never a sheet's header."""
    order = make_page([words_of("Stadt Kaarst Kaarst, den 10.03.1987"),
                       words_of("Der Stadtdirektor - Bauaufsicht -"),
                       words_of("Vfg."),
                       words_of("1. Baulast betreffend Gemarkung Kaarst, Flur 34, Flurstück 2589:"),
                       words_of("In das Baulastenverzeichnis unter lfd. Nr. 1745 einzutragen."),
                       words_of("2. Nachricht an den Eigentümer."),
                       words_of("3. Z. d. A."),
                       words_of("Im Auftrag")])
    assert likeliest_sheet([order])[1] is False


# --- Header parcels: an unlabelled Gemarkung before "Flur" names it (0faaa95) -------------------------------------

def _typed_register(parcel_lines: list[str], restated: str, benefiting: str = ""):  # type: ignore[no-untyped-def]
    """A typed register sheet (as test_extract's): the caption "(Gemarkung, Flur, Flurstück)" over the parcels'
    lines; entry 1 restating `restated` as the burdened parcel (and `benefiting` as the one it benefits)."""
    text = [words_of(f"{restated} verpflichtet sich, die Abstandfläche zu übernehmen.", 250)]
    if benefiting:
        text = [words_of(f"{restated} verpflichtet sich gegenüber der Gemeinde Jüchen, die Zufahrt", 250),
                words_of(f"zugunsten des Grundstücks Gemarkung {benefiting} zu dulden.", 250)]
    return make_page([
        words_of("Gemeinde Jüchen Verz.-Nr. 2104"), words_of("Baulastenverzeichnis", 600),
        words_of("Belastetes Grundstück (Gemarkung, Flur, Flurstück)"),
        *[words_of(line) for line in parcel_lines],
        [("Lfd.", 160), ("Inhalt", 600), ("der", 790), ("Baulast", 900), ("Bemerkungen", 1700)],
        [("1", 160), *words_of("Der jeweilige Eigentümer des Grundstücks Gemarkung", 250)],
        *text,
        words_of("Eingetragen am 05.12.1971", 250),
    ])


@pytest.mark.parametrize("burdened", ["Jüchen, Flur 13, Flurstück 14", "Gemarkung Jüchen, Flur 13, Flurstück 14"],
                         ids=["unlabelled (regression)", "labelled (older gap)"])
def test_the_benefiting_parcel_after_zugunsten_is_not_burdened(gazetteer: Gazetteer, burdened: str) -> None:
    """A typed sheet names under its caption "(Gemarkung, Flur, Flurstück)" the burdened parcel, then the one the
    Baulast serves: "Jüchen, Flur 13, Flurstück 14" / "zugunsten des Grundstücks" / "Elsen, Flur 29, Flurstück 234".
    "zugunsten" is no benefiting heading `_without_benefiting` knows ("begünstigt", "herrschend" only), and the new
    `_gemarkung_named` now labels "Elsen, Flur 29, ..." as a Gemarkung: the set {Jüchen 13/14, Elsen 29/234} is read,
    and as the entry text names both parcels (the burdened and, after "zugunsten", the benefiting), it counts as
    confirmed: 0.95, accepted with the benefiting parcel in it. Before, the unlabelled lines gave no header parcels
    and the prose's first parcel was proposed at 0.5. Right: Elsen 29/234 is not a burdened parcel (or the set is
    reviewed). Where the first line is labelled ("Gemarkung Jüchen, ..."), the second line was read before too, as
    Jüchen's (Jüchen 29/234, 0.95): an older gap."""
    page = _typed_register([burdened, "zugunsten des Grundstücks", "Elsen, Flur 29, Flurstück 234"],
                           "Jüchen, Flur 13, Flurstück 14", benefiting="Elsen, Flur 29, Flurstück 234")
    parcels = extract(page, gazetteer).parcels
    assert parcels is not None
    assert parcels.confidence < SURE_PARCELS or parcels.value == (Parcel("Jüchen", 13, "14"),)


@pytest.mark.parametrize("first", ["Jüchen, Flur 13, Flurstücke 14, 59/23",
                                   "Gemarkung Jüchen, Flur 13, Flurstücke 14, 59/23"],
                         ids=["unlabelled (regression)", "labelled (older gap)"])
def test_a_misread_gemarkung_opening_the_next_line_is_not_the_line_aboves(gazetteer: Gazetteer, first: str) -> None:
    """The new rule's own sheet ("Jüchen, Flur 13, Flurstücke 14, 59/23" / "Elsen, Flur 29, Flurstück 234" under
    "(Gemarkung, Flur, Flurstück)") with the second line's name misread as OCR reads l as i: "Eisen". A short name is
    matched exactly only, so "Eisen" names no Gemarkung and its line is left unlabelled; the first line now is
    labelled, and its Gemarkung runs on: Flur 29, Flurstück 234 is read as Jüchen's. Jüchen 29/234 (a parcel that
    is not on the sheet) is accepted with the others at 0.95, since the entry text restates the first parcel and
    the words were read surely; `_gemarkung_rows_unread` does not see the line ("Eisen" is no Gemarkung, and only
    one number follows it within three words). Before, no line was labelled and the prose's parcel was proposed at
    0.5. Right: a line that opens with an unknown name before its Flur, under lines that each name their own
    Gemarkung, is a Gemarkung unread: the set is reviewed. With the first line labelled the same happened before:
    an older gap."""
    page = _typed_register([first, "Eisen, Flur 29, Flurstück 234"], "Jüchen, Flur 13, Flurstück 14")
    parcels = extract(page, gazetteer).parcels
    assert parcels is not None
    assert Parcel("Jüchen", 29, "234") not in parcels.value or parcels.confidence < SURE_PARCELS
