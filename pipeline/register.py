"""The Baulastenblatt-Nr.: the register sheet's own number, read after its label.

The register labels ("Baulastenblatt Nr.", "Blatt-Nr.", "Baulastenblatt-Nr.:0158") are the
anchors, found despite misread letters. The number is read from the words on the label's
text line to its right, placed by their boxes, not by the row's word order: a visual row
mixes neighbouring lines, overprinted stamps and the specks of rules, and none of them is
part of the number. Failing that, the number is read below the label.

The confidence is that of the weakest glyph read, lowered by every sign that a glyph of the
number may be lost or misread: an unreadable mark touching the number, a broken digit
grouping, digits spread apart, a lone digit, a leading glyph that may be a padded zero read
as 6, 8 or 9, a misread "Nr.", two labels naming different numbers. A wrong number in the
register costs more than a sheet a person looks at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from baulast.dates import find_dates
from baulast.model import BBox, Evidence, Field, OcrPage, Word
from baulast.regnum import HIGHEST_REGISTER_NUMBER, normalize_register_number
from baulast.textnorm import fold, run_together
from pipeline.layout import Row, is_leader, key, read_on_end, rows_of, table_head, turned_upright, union
from pipeline.vocab import GRUNDBUCH_STEMS, names_grundbuch

# The words that make a name a number's label: "Blatt-Nr.", "Blattnummer", a register program's
# "Blattkennung", "Kartei-Kennziffer".
_NUMBER_WORDS = ("nr", "nummer", "kennung", "kennzeichen", "kennziffer")
_LONG_NUMBER_WORDS = _NUMBER_WORDS[2:]  # matched whole: "Aktenkennzeichen" is no "Kartei-Kennzeichen"
# Register labels, folded (letters and digits only): the sheet title, alone or with its "Nr.",
# and the number of a sheet of the register under another name: "Verzeichnisblatt Nr.", a
# Baulastenbuch's "Buchblatt" (with its "Nr." or alone), a card index's "Karteiblatt-Nr.", and the sheet's full name
# "Baulastenverzeichnisblatt" alone.
LABEL_KEYS = ("baulastenblatt", "baulastenverzeichnisblatt", "baulastenblnr", "buchblatt") + tuple(
    f"{name}{number}" for name in ("baulastenblatt", "blatt", "verzeichnisblatt", "registerblatt", "karteiblatt",
                                   "buchblatt")
    for number in _NUMBER_WORDS)
# "Blatt" alone names the register sheet in the header of a register page ("Baulastenverzeichnis
# ... Blatt: 8.301"), where no Grundbuch owns it: a label less sure than the others, read only
# where the page has none of them.
BARE_LABEL_KEY = "blatt"
BARE_LABEL_SCORE = 0.85
_GRUNDBUCH_ABOVE = 3  # rows above a bare "Blatt" in which a Grundbuch label would own it
_REGISTER_NAMES = ("baulast", "verzeichnis", "register", "kartei")  # words that name the register itself
_QUALIFYING = {"im", "in", "des", "der", "d", "zum"}  # "Blatt im Verzeichnis", "Nr. des Baulastenverzeichnisses"
# The register's names a bare "Nr." may be qualified by ("Nr. des Verzeichnisses"); "Nr. der Baulast" is an entry's.
# Prefixes, so that a misread ending still counts ("Baulastenverzeichhis").
_REGISTERS = ("verzeichn", "baulastenverz", "baulastenbuch", "register", "kartei", "baulastenkartei", "blatt",
              "baulastenblatt")  # and the sheet: "Lfd. Nr. des Blattes"
# "Bl.-Nr." as read, its l misread ("BIL.-Nr.", "BI-Nr."); not "BV-Nr.", "Bd.-Nr." nor "B-Nr.", other numbers'
# and the initials of the register's names: "BLB-Nr." (Baulastenblatt), "BLV-Nr." (Baulastenverzeichnis), "BLK-Nr."
# ("BL-Nummer" spelt out as well).
_BL_NR = {f"{initials}{number}"
          for initials in ("bl", "bil", "bi", "b1", "bll", "blb", "bib", "blv", "biv", "blk", "bik")
          for number in ("nr", "nummer")}
# The sheet of the register under its initials: a spreadsheet's "BV-Blatt" (Baulastenverzeichnis), "BLV-Blatt-Nr.";
# "BV" alone with a number ("BV-Nr.") names a Bauvorhaben.
_BL_NR |= {f"{initials}blatt{number}" for initials in ("bv", "blv") for number in ("", "nr", "nummer")}
# A register's name cut short at a dot before its number word: "Verz.-Nr.", "Baul.-Nr.", "Baulastenverz. Nr."
# (at least four letters of the name: "Bau." or "Reg." name other things too).
# Some offices say "Baulastverzeichnis", without the plural's "en" ("Baulastverz.-Nr.").
_ABBREVIABLE = ("baulastenverzeichnis", "verzeichnis", "baulastenblatt", "baulastenkartei", "baulastenregister",
                "baulastenbuch", "baulastverzeichnis", "baulastbuch")
_ABBREVIATION = re.compile(r"([a-z]{4,})\.-?(blatt)?(nr|nummer|no)?\.?:?")  # "Verz.-Blatt Nr.", "Verz.-Nr."
MARKED_NUMBER_SCORE = 0.6  # a bare "Nr." that names no register: a number proposed for review
# The register's own number as an extract of the Baulastenverzeichnis names it ("Verzeichnis-Nr.:
# 5.944"): less specific than the sheet's title, a label a little less sure.
# A modern form's "Baulast-Nr." box names the same number where the register counts Baulasten, not
# sheets: as one word only; "BAULAST NR." in two is a stamp's (see find_marked_numbers).
# So does a card index's "Kartei-Nr.", a register extract's "Registernummer", and its "Ordnungsnummer".
VERZEICHNIS_KEYS = tuple(
    f"{name}{number}" for name in ("verzeichnis", "baulastenverzeichnis", "baulast", "kartei", "register", "ordnungs")
    for number in _NUMBER_WORDS)
# The sheet's full name too: "Baulastenverzeichnis Blatt 1234" in two words is a phrase, less sure.
_ONE_WORD_KEYS = tuple(f"baulast{number}" for number in _NUMBER_WORDS) + ("baulastenverzeichnisblatt",)
VERZEICHNIS_SCORE = 0.9
# The register's page where a register is a book of pages ("Verzeichnisseite 1147", a Baulastenbuch's
# "Seite" box over its number): as sure as the register's number, but yielding to a sheet's label on the
# same page, as a multi-page extract's "Seite 2" is no sheet's number.
PAGE_KEYS = ("verzeichnisseite", "baulastenverzeichnisseite", "baulastenbuchseite")
# A label only names the register number where the "Nr." belongs to it: "Blatt" alone is a Grundbuch sheet.
_MARKERS = {"nr", "no", "n", "nummer", "nro"}
# Words before a label on its line that make it someone else's number.
_STOP_BEFORE = {"grundbuch", "grundbuchblatt", "az", "aktenzeichen", "seite"}
# Folded stems of the words that refer to another sheet before its label: a transfer, a cross-reference, a former
# number.
_REFERRING = ("ubertrag", "ubernommen", "verwies", "siehe", "vgl", "fortsetz", "fruher", "ehemal", "bisher", "vorher")
_GRUNDBUCH_BEFORE = "grundb"  # the prefix of the words that own a "Blatt" after them on the line
_LINE_STOP_WORDS = 6  # words before a label in which a Grundbuch owns it
_DIGITS = "0123456789"
_LOOKALIKES = "OolISB"  # read for digits only inside a token that has a real digit
_CORE = re.compile(r"^[0-9OolISB]+(?:[.:,' ][0-9OolISB]+)*-?[A-Za-z]?$")
_EDGE_PUNCTUATION = "‚„\"'“”:;.,_-–—°|()[]{}»«<>*^~`"
# A mark that is no punctuation where a number stands: a digit the OCR could not read.
_PUNCTUATION = set(":.,;-–—_'\"‚„“”|")
_GLUED_MARKS = "ı|[({!"  # a mark read glued to the front of a number
# "Nr./Seite", "Nr./Jahr": a label naming the number and, after a slash, its page or its year ("348/58").
_PAGE_WORDS = {"seite", "s", "blatt", "jahr"}
_PAGE_AFTER = re.compile(r"/\d{0,4}(?=\W*$)")  # the page or year after the number ("0155A/1", "348/58", "4b/ 1961")
# The sheet's page after its number in a running head ("1233 c - S. 1", "916b-8.1.", S read as 8): no part of it.
_SHEET_PAGE = re.compile(r"[-–]\s*(?:S\.?\s*\d{0,2}|8\.\s*\d{0,2})\.?$")  # an 8 for S only with its dot

MAX_FIRST_GAP = 4.0  # label (or "Nr.") to number, in text heights
_LEADER_START = 2.0  # text heights after the label at most where its leaders begin (dots far along are a box's)
# A form's label with its value in a box across the line: read where no label has a number near it
# ("Baulastenblatt-Nr.:" ............ "1234"), nothing but marks between; never sure.
FAR_GAP = 30.0
_PHRASE_GAP = 3.0  # text heights between two words of one phrase, at most
MAX_DIGIT_GAP = 0.9  # between the parts of one number ("1 234", a typewriter's "2 1 73")
MAX_SUFFIX_GAP = 1.2  # between the number and its letter ("512 a")
MIN_HEIGHT = 0.4  # a word lower than this share of the text height is a speck or a rule's edge
SMALL_SUFFIX = 0.3  # a letter after the number at least this share of its height may be its suffix
_LETTER_CONF = 50  # a small mark read as a letter this surely is a letter, not a speck
_TOUCHING = 0.35  # a gap this share of the number's height is closer than a space
_JUNK_CONF = 40  # a word without a digit read this unsurely under a label is a rule's or a stamp's mark

# Caps on the confidence for each sign of doubt (below 0.75 a person reviews the record).
DOUBT_CAPS = {
    "unread_glyph": 0.5,  # an unreadable mark touches the number: a digit or the letter may be lost
    "broken_grouping": 0.5,  # "4.8318", "08:4": separators that no way of writing numbers puts there
    "cut_off": 0.5,  # "5.": a thousands separator with nothing after it
    "spread": 0.65,  # digits apart that are no thousands grouping: a part may be lost or a speck
    "single_digit": 0.6,  # a lone digit is more often a fragment than sheet 1 to 9
    "padded_zero": 0.6,  # "8241" may be "0241": dot-matrix and typewriter zeros read as 6, 8, 9
    "disputed": 0.5,  # two labels name different numbers
    "small_suffix": 0.6,  # a letter after the number lower than a digit's half: its suffix, or a speck
    "overlapping": 0.5,  # another reading of digits over the number's place
    "far": 0.75,  # the number stands across the line from its label, no word between: a form's box, or another field's
    "led": 1.0,  # across the line, but dot leaders run from the label to it: a key/value print's value, no doubt
    "referred": 0.5,  # the label refers to another sheet ("siehe Baulastenblatt 345"): proposed, never trusted
}
BELOW_FACTOR = 0.9  # a number below its label (not beside it) is a looser reading
_LARGER = 1.25  # a number this many times its label's height is typed larger (a card's box under "Karten-Nr.")
REPAIRED_FACTOR = 0.9  # letters read as digits (O for 0, l for 1)
MARKER_MISREAD_FACTOR = 0.9  # "N." for "Nr.": the print is damaged around the number


@dataclass(frozen=True)
class Label:
    """A register label on the page: its words, the match score, and text glued after it."""

    row: int
    words: tuple[Word, ...]
    score: float
    tail: str = ""  # "0158" of "Baulastenblatt-Nr.:0158"
    line_height: int = 0  # the type size of the label's row (see _type_size)
    line_centre: int = 0  # where the row's text stands, vertically
    paged: bool = False  # "BAULASTENBLATT-NR./SEITE:": the number is followed by its page ("0155A/1")
    qualifier: tuple[Word, ...] = ()  # "im Baulastenverzeichnis" after "Blatt-Nr.": the number follows it

    @property
    def box(self) -> tuple[int, int, int, int]:
        """The box around the label's words and their qualifier."""
        return union(w.bbox for w in self.words + self.qualifier)


@dataclass
class Reading:
    """A number read after a label: the words it came from and every doubt about it."""

    value: str
    words: list[Word]
    confidence: float
    doubts: set[str] = field(default_factory=set)


def extract_register_number(page: OcrPage, rows: list[Row], lone: bool = False) -> Field | None:
    """The Baulastenblatt-Nr.: the number after a register label, never a Grundbuch Blatt; with `lone`, where
    no label names one, the number the sheet prints alone in large type near its top (see `_lone_number`).

    A sheet Tesseract read on end is read from its words turned upright (its header rows, above
    the table head), whatever rows were passed: those rows cut across its lines.
    """
    originals: dict[Word, Word] = {}
    if read_on_end(page):
        upright = turned_upright(page)
        originals = dict(zip(upright.words, page.words))
        rows = _above_table(rows_of(upright))
    readings: list[Reading] = []
    labels = find_register_labels(rows)
    # A label referring to another sheet ("siehe Baulastenblatt 345") is read last, and never trusted.
    referring = [label for label in labels if _refers(rows, label)]
    labels = [label for label in labels if label not in referring]
    pages = [label for label in labels if _names_a_page(label)]
    # "Register-Nr.", "Registernummer": a register extract's own number, but also a registry's or a
    # document system's stamp on a sheet; it yields to a bare "Blatt:" of the sheet's header.
    registers = [label for label in labels if key("".join(w.text for w in label.words)).startswith("register")]
    tiers = ([label for label in labels if label not in pages and label not in registers], pages,
             find_bare_labels(rows), registers)
    # A number some word marks ("BAULAST 02", "Nr. 0358") only where no label names the sheet's number, near
    # it or across the line in a form's box ("01 ORDNUNGSNUMMER ........ : 1554b").
    for group in (tiers, (find_marked_numbers(rows),), (referring,)):
        readings = _labelled_readings(rows, group)
        if readings:
            if group[0] is referring:
                for reading in readings:
                    reading.doubts.add("referred")
            break
    if not readings and lone:
        readings = [reading for reading in (_lone_number(page, rows),) if reading is not None]
    if not readings:
        return None
    best = max(readings, key=lambda r: r.confidence)
    if any(r.value != best.value for r in readings):
        best.doubts.add("disputed")
    confidence = min([best.confidence] + [DOUBT_CAPS[d] for d in best.doubts])
    words = [originals.get(w, w) for w in best.words]
    evidence = Evidence(page=page.number, bbox=union(w.bbox for w in words), text=" ".join(w.text for w in words))
    return Field("register_number", best.value, confidence, evidence)


def _labelled_readings(rows: list[Row], tiers: tuple[list[Label], ...]) -> list[Reading]:
    """The numbers the first tier of labels that has any names near its labels; where none has, those that
    the first such tier names across the line."""
    for labels in tiers:
        readings = [r for r in (read_number_right(rows, label) or read_number_below(rows, label)
                                for label in labels) if r is not None]
        if readings:
            return readings
    for labels in tiers:  # no label has its number near it: a form's box across the line
        readings = [r for r in (read_number_right(rows, label, far=True) for label in labels) if r is not None]
        if readings:
            return readings
    return []


LONE_NUMBER_SCORE = 0.5  # a number no label names, standing alone in large type at the top of the sheet
_TOP_SHARE = 0.25  # of the page's height: where a sheet's number stands alone (a card's corner, a title box)
_LARGE = 1.3  # times the median word height: type that large is the sheet's own number, not a field's


def _lone_number(page: OcrPage, rows: list[Row]) -> Reading | None:
    """The number a sheet prints alone in large type near its top ("4.845" in a card's corner), where no
    label names one: no word beside it, no date, no doubt about its glyphs; never sure (LONE_NUMBER_SCORE).
    Only the sheet's: on the Akte's other pages (a Lageplan's scale, a letter's) such numbers name other things."""
    heights = sorted(_height(w) for row in rows for w in row.words if sum(c.isalnum() for c in w.text) >= 2)
    if not heights:
        return None
    median = heights[len(heights) // 2]
    best: Reading | None = None
    for row in rows:
        for word in row.words:
            if word.bbox[1] > _TOP_SHARE * page.height or _height(word) < _LARGE * median \
                    or not _number_token(word.text) or "/" in word.text or find_dates(word.text):
                continue
            near = [w for w in row.words if w is not word and _same_line(w.bbox, word.bbox)
                    and min(abs(w.bbox[0] - word.bbox[2]), abs(word.bbox[0] - w.bbox[2])) < 3 * _height(word)]
            if any(not _number_token(w.text) and any(c.isalnum() for c in w.text) for w in near):
                continue  # "41460 Neuss", "Tel. 2131": part of a phrase
            label = Label(-1, (word,), LONE_NUMBER_SCORE)
            line = sorted((w for w in near if w.bbox[0] > word.bbox[0]), key=lambda w: w.bbox[0])
            reading = _read_from(label, [word] + line, word.bbox[0], glued="", band=word.bbox)
            if reading is not None and not reading.doubts and (best is None or _height(word) > _height(best.words[0])):
                best = reading  # any doubt about a number no label names leaves nothing worth proposing
    return best


def _names_a_page(label: Label) -> bool:
    """Whether a register label names the register's page ("Verzeichnisseite"), not its sheet."""
    folded = key("".join(w.text for w in label.words))
    return len(folded) > 5 and Levenshtein.distance(folded[-5:], "seite") <= 1


def _above_table(rows: list[Row]) -> list[Row]:
    """The rows above the table head ("Lfd. Nr. | Inhalt der Eintragung | Bemerkungen")."""
    head = table_head(rows)
    return rows if head is None else rows[: max(head, 1)]


def _height(word: Word) -> int:
    return max(1, word.bbox[3] - word.bbox[1])


# Each label and the long number word it ends with ("kennung" of "blattkennung"), or "".
_LABEL_SUFFIXES = {label: next((word for word in _LONG_NUMBER_WORDS + ("seite",) if label.endswith(word)), "")
                   for label in LABEL_KEYS + VERZEICHNIS_KEYS + PAGE_KEYS}


def _name_part(token_key: str, suffix: str) -> str | None:
    """The token without its long number word, matched with one misread letter at most
    ("baulastblattkennzifier"); None where it does not end with one."""
    if not suffix or token_key.endswith(suffix):
        return token_key[: len(token_key) - len(suffix)]
    for size in (len(suffix), len(suffix) - 1, len(suffix) + 1):
        if len(token_key) > size and Levenshtein.distance(token_key[-size:], suffix) <= 1:
            return token_key[:-size]
    return None


def _similarity(token_key: str, pair: bool = False) -> float:
    """How well a folded word matches the closest register label (0 where it is too far off)."""
    if len(token_key) < 5:
        return 0.0
    if token_key.startswith("blatt") and not token_key[5:].startswith(("n", "hr", "mr", "k")):
        return 0.0  # "Blatt-Nr.", "Blatt-Hr.", "Blattkennung", never "Blätter" or a Grundbuch "Blatt:"
    best = 0.0
    for label, suffix in _LABEL_SUFFIXES.items():
        # "Blattkennung": the long suffix is matched on its own, the name's letters are compared.
        name_part = _name_part(token_key, suffix)
        if name_part is None:
            continue
        name = label[: len(label) - len(suffix)]
        distance = _ocr_distance(name_part, name)
        allowed = 1 if len(name) <= 8 else 2 if len(name) <= 14 else 3
        if label in VERZEICHNIS_KEYS and not token_key.endswith(_NUMBER_WORDS):
            continue  # "Baulastenverzeichnis" alone is the register's name, no number's label
        if pair and label in _ONE_WORD_KEYS:
            continue
        if label.startswith("register") and not token_key.startswith("register"):
            continue  # "Registriernummer", a registry's stamp: only the word itself names the register
        if distance <= allowed:
            weight = VERZEICHNIS_SCORE if label in VERZEICHNIS_KEYS + PAGE_KEYS else 1.0
            best = max(best, weight * (1.0 - distance / max(len(label), len(token_key))))
    return best


def _ocr_distance(read: str, name: str) -> int:
    """The edits between a word as read and a label's name, letters run together counting as one."""
    return min(Levenshtein.distance(read, name), Levenshtein.distance(run_together(read), run_together(name)))


def _split_glued(text: str) -> tuple[str, str]:
    """A word split where its first digit starts: "Baulastenblatt-Nr.:0158" → ("Baulastenblatt-Nr.:", "0158")."""
    match = re.search(r"\d", text)
    return (text, "") if match is None else (text[: match.start()], text[match.start() :])


def find_register_labels(rows: list[Row]) -> list[Label]:
    """Every register label: one word ("Baulastenblatt", "Blattnr", "Baulastenblatt-Nr.:0158") or two
    ("Baulasten blatt", "Blatt- Nr."), misread letters tolerated; none after "Grundbuch", "Az." or "Seite"."""
    labels: list[Label] = []
    for row_index, row in enumerate(rows):
        words = row.words
        index = 0
        while index < len(words):
            head, tail = _split_glued(words[index].text)
            label_part, _, page_part = head.partition("/")
            paged = bool(page_part) and _names_page_or_year(key(page_part))
            single = _similarity(key(label_part if paged else head))
            pair = 0.0
            if not tail and len(key(head)) >= 3 and index + 1 < len(words) and _near(words[index], words[index + 1]):
                head2, tail2 = _split_glued(words[index + 1].text)
                if len(key(head2)) >= 2:
                    pair = _similarity(key(head) + key(head2), pair=True) * 0.98
            if pair > single and pair > 0:
                label = Label(row_index, (words[index], words[index + 1]), pair, tail2,
                              *_type_size(row, words[index]))
            elif single > 0:
                label = Label(row_index, (words[index],), single, tail, *_type_size(row, words[index]), paged=paged)
            elif not tail and key(head) == BARE_LABEL_KEY and _qualifier(words, index + 1):
                label = Label(row_index, (words[index],), 1.0, "", *_type_size(row, words[index]))
            elif not tail and _is_marker(head) and _qualifier(words, index + 1):
                # "Laufende Nr. des Verzeichnisses: 9.057": the register's own number, not an entry's
                label = Label(row_index, (words[index],), VERZEICHNIS_SCORE, "", *_type_size(row, words[index]))
            elif not tail and key(head) in _BL_NR:  # "Bl.-Nr.", "BV-Blatt"
                label = Label(row_index, (words[index],), VERZEICHNIS_SCORE, "", *_type_size(row, words[index]))
                if _grundbuch_above(rows, label) and not _grundbuch_sheet_given(rows, label):
                    index += 1  # "Grundbuch von Hoisten" over "Bl.-Nummer 3577": the Grundbuch's sheet
                    continue
            elif size := _abbreviated_label(words, index, head):  # "Verz.-Nr.", "Baul. Nr.:1234"
                label = Label(row_index, tuple(words[index : index + size]), VERZEICHNIS_SCORE,
                              tail if size == 1 else _split_glued(words[index + 1].text)[1],
                              *_type_size(row, words[index]))
            else:
                index += 1
                continue
            if not label.tail and _qualifier(words, index + len(label.words)):
                end = index + len(label.words) + 2  # "Blatt-Nr. im Baulastenverzeichnis 3.763"
                label = replace(label, qualifier=tuple(words[end - 2 : end]),
                                tail=_split_glued(words[end - 1].text)[1])
            # "Nr. des Blattes" under "Grundbuch von Zons": the Grundbuch's sheet
            sheet_named = bool(label.qualifier) and key(label.qualifier[-1].text).startswith("blatt")
            # ... but not where the Grundbuch's line gives its own sheet ("Grundbuch Hoisten Bl. 3577" over it).
            # A "Buchblatt" under a Grundbuch's label is the Grundbuch's sheet; "buchblatt" in lower case is the end
            # of a word broken at its hyphen ("Grund-" / "buchblatt"), no label at all.
            book_sheet = key("".join(w.text for w in label.words)).startswith("buchblatt")
            if book_sheet and not label.words[0].text.lstrip(_EDGE_PUNCTUATION).startswith("B"):
                index += len(label.words)
                continue
            if not _stopped(rows, label) and not ((sheet_named or book_sheet) and _grundbuch_above(rows, label)
                                                  and not _grundbuch_sheet_given(rows, label)):
                labels.append(label)
            index += len(label.words) + len(label.qualifier)
    return labels


def _abbreviated_label(words: list[Word], index: int, head: str) -> int:
    """How many words make a label of a register's name cut short before its number word or "Blatt"
    ("Verz.-Nr.", "Verz.-Blatt", "Baul." "Nr."): 1, 2, or 0 where they make none."""
    match = _ABBREVIATION.fullmatch(fold(head))
    if match is None or not any(name.startswith(match[1]) and name != match[1] for name in _ABBREVIABLE):
        return 0
    if match[2] or match[3]:
        return 1
    following = index + 1 < len(words) and _near(words[index], words[index + 1])
    return 2 if following and _is_marker(_split_glued(words[index + 1].text)[0]) else 0


def _qualifier(words: list[Word], index: int) -> bool:
    """Whether the row's words from `index` on name the register the label's number belongs to, right
    after the label: "Blatt im Verzeichnis: 0858", "Blatt-Nr. im Baulastenverzeichnis 3.763"."""
    folded = key(words[index].text) if index < len(words) else ""
    # "des", or "BES" as OCR may read it: a short word one letter off, as a register's name must follow.
    if index + 1 >= len(words) or not any(Levenshtein.distance(folded, word) <= (len(word) > 2)
                                          for word in _QUALIFYING):
        return False
    name = key(_split_glued(words[index + 1].text)[0])
    return _near(words[index - 1], words[index]) and _near(words[index], words[index + 1]) \
        and name.startswith(_REGISTERS)


def _names_page_or_year(folded: str) -> bool:
    """Whether the word after a label's slash names the number's page or year ("Seite", "Jahr"), one
    letter misread at most in a longer word ("Jahrr")."""
    return folded in _PAGE_WORDS or any(len(word) >= 4 and Levenshtein.distance(folded, word) <= 1
                                        for word in _PAGE_WORDS)


def find_bare_labels(rows: list[Row]) -> list[Label]:
    """Every "Blatt" that opens its text line ("Blatt: 1258 b", "| Blatt 8.301") with no Grundbuch
    label before it on its line or above it in its column ("Grundbuch von Zons" over "Blatt 416",
    a "Grundbuchblatt" cell head): the register sheet's number in a header that names no other. Also "Bl."
    after the register's name in its phrase ("Baulastenverzeichnis Stadt Meerbusch Bl. 1233 c - S. 1", a
    running head), never at a line's start, where it is as often a Grundbuch's."""
    return _phrase_labels(rows, len(rows), lambda folded: folded == BARE_LABEL_KEY, BARE_LABEL_SCORE) \
        + _phrase_labels(rows, len(rows), lambda folded: folded in ("bl", "bi", "b1"), BARE_LABEL_SCORE, named=True)


def _phrase_labels(rows: list[Row], limit: int, is_label: Callable[[str], bool], score: float,
                   named: bool = False) -> list[Label]:
    """The words of the first `limit` rows that `is_label` takes for a label (folded, glued
    digits split off) where they open their phrase (`named`: after the register's name in it) and no
    Grundbuch owns them."""
    labels: list[Label] = []
    for row_index, row in enumerate(rows[:limit]):
        for index, word in enumerate(row.words):
            head, tail = _split_glued(word.text)
            opens = _opens_register_line(row, index, named) if is_label(key(head)) else 0.0
            if not opens:
                continue  # "Zons, Blatt 416", "Grundbuch von Zons Blatt 2993"
            label = Label(row_index, (word,), score * opens, tail, *_type_size(row, word))
            if not _stopped(rows, label) and not _grundbuch_above(rows, label):
                labels.append(label)
    return labels


_VOLUME = re.compile(r"[ivx]{1,5}|\d{1,3}")  # a volume's number, Roman or Arabic (folded)
_NAMED_PHRASE = 4  # words between the register's name and a label that its phrase names ("der Stadt Neuss")
NAMED_PHRASE_FACTOR = 0.9  # such a phrase names the register less surely than its name right before the label


def _opens_register_line(row: Row, index: int, named: bool = False) -> float:
    """Whether the row's word at `index` opens its phrase (a wide gap before it, or its line's
    start), or follows only the register's name ("Baulastenverzeichnis Blatt 1234",
    "Verzeichnis der Baulasten Nr. 17", a stamp "BAULAST NR." beside a page number): 1.0; whether its
    phrase begins with the register's name and a few words without a digit follow it ("Baulastenverzeichnis
    der Stadt Neuss Blatt 1234", "Eintragung im Baulastenverzeichnis Blatt 12"): NAMED_PHRASE_FACTOR; else 0.
    `named`: only after the register's name, never at the phrase's start."""
    word = row.words[index]
    before: list[Word] = []  # the phrase the word ends: the words before it, a space or so apart
    right = word.bbox[0]
    for other in reversed(row.words[:index]):
        if (other.block, other.par, other.line) != (word.block, word.par, word.line) \
                or right - other.bbox[2] > 2 * _height(word) and not named:
            break  # `named`: a running head's "Bl." stands far right of the register's name on its line
        before.append(other)
        right = other.bbox[0]
    words = [key(w.text) for w in reversed(before) if any(c.isalnum() for c in w.text)]
    name_at = next((i for i, w in enumerate(words) if w.startswith(_REGISTER_NAMES)), None)
    if named and name_at is None:
        return 0.0
    if not named and len(words) == 2 and words[0] == "band" and _VOLUME.fullmatch(words[1]):
        return NAMED_PHRASE_FACTOR  # "Band III Blatt 768 b": the register's volume and sheet (a Grundbuch's is named)
    if all(w.startswith(_REGISTER_NAMES) or w in ("der", "des") for w in words):
        return 1.0
    after = words[name_at + 1 :] if name_at is not None else []
    if name_at is not None and len(after) <= _NAMED_PHRASE and not any(c.isdigit() for w in after for c in w):
        return NAMED_PHRASE_FACTOR
    return 0.0


def find_marked_numbers(rows: list[Row]) -> list[Label]:
    """Every "Nr." that opens its text line or follows the register's name ("Baulast Nr. 17",
    "Verzeichnis-Nr. 12", "Nr. 0358" alone in a box, a stamp "BAULAST 2335"): a number some
    sheets give no other label.
    The least sure label, read only where the page has no other; never trusted."""
    head_row = table_head(rows)  # "Nr." heading the entries' column is none of these
    return _phrase_labels(rows, len(rows) if head_row is None else head_row, _names_a_number, MARKED_NUMBER_SCORE)


def _names_a_number(folded: str) -> bool:
    """"Nr.", "Nummer", a stamp's "BAULAST", "Verzeichnis-Nr.": a word a register number may follow."""
    return folded in ("nr", "nummer", "no", "baulast") or folded.startswith(_REGISTER_NAMES) and folded.endswith("nr")


def _grundbuch_above(rows: list[Row], label: Label) -> bool:
    """Whether a Grundbuch label stands in the rows just above the label, over its column, or ends the line
    above one the label opens (the sentence wraps: "... eingetragen im Grundbuch von Osterath" / "Blatt 186.")."""
    left, _, right, _ = label.box
    if label.row > 0 and rows[label.row].words[0] is label.words[0] \
            and any(_grundbuch_word(key(w.text)) for w in rows[label.row - 1].words[-3:]):
        return True
    for row in rows[max(0, label.row - _GRUNDBUCH_ABOVE) : label.row]:
        for word in row.words:
            if word.bbox[0] < right + 10 * _height(word) and word.bbox[2] > left - 10 * _height(word) \
                    and _grundbuch_word(key(word.text)):
                return True
    return False


def _grundbuch_word(folded: str) -> bool:
    """Whether a folded word names a Grundbuch, in full or short ("Grundb.", "Gb.Bl.")."""
    return folded.startswith(GRUNDBUCH_STEMS) or names_grundbuch(folded)


def _grundbuch_sheet_given(rows: list[Row], label: Label) -> bool:
    """Whether a Grundbuch's line just above the label gives the Grundbuch's sheet number itself ("Grundbuch
    Hoisten Bl. 3577"): then a "Nr. des Blattes" below it is another sheet's, the register's."""
    for row in rows[max(0, label.row - _GRUNDBUCH_ABOVE) : label.row]:
        words = [key(w.text) for w in row.words]
        if any(_grundbuch_word(k) for k in words) and any(
                k in ("bl", "blatt") and any(c.isdigit() for c in after) for k, after in zip(words, words[1:])):
            return True
    return False


_NEAR_LABEL = 8  # label heights to either side of the label: the words whose type size it shares


def _type_size(row: Row, label: Word) -> tuple[int, int]:
    """The median height and the median vertical centre of the confidently read words of two or
    more letters or digits beside the label (specks, rule fragments, the row's other lines and
    the words of other blocks far along the row left out); (0, 0) if there are none."""
    reach = _NEAR_LABEL * _height(label)  # another block of the row (a letterhead's contact lines) says nothing
    real = [w for w in row.words if w.conf >= 60 and sum(c.isalnum() for c in w.text) >= 2
            and label.bbox[1] <= (w.bbox[1] + w.bbox[3]) // 2 <= label.bbox[3]
            and w.bbox[0] <= label.bbox[2] + reach and w.bbox[2] >= label.bbox[0] - reach]
    if not real:
        return 0, 0
    heights = sorted(_height(w) for w in real)
    centres = sorted((w.bbox[1] + w.bbox[3]) // 2 for w in real)
    return heights[len(heights) // 2], centres[len(centres) // 2]


def _near(left: Word, right: Word) -> bool:
    """Whether two words stand side by side on one line, a space or less apart."""
    height = min(_height(left), _height(right))
    return _same_line(left.bbox, right.bbox) and 0 <= right.bbox[0] - left.bbox[2] <= 1.5 * height


def _same_line(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Whether two boxes share a text line: they overlap by half the lower one's height."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])


def _line_words(rows: list[Row], label: Label) -> list[Word]:
    """Words of the label's text line (neighbouring rows included: skewed lines split), by x."""
    found = [
        w for row in rows[max(0, label.row - 1) : label.row + 2] for w in row.words
        if w not in label.words and _same_line(w.bbox, _text_band(label))
    ]
    return sorted(found, key=lambda w: w.bbox[0])


def _text_band(label: Label) -> BBox:
    """The label's box cut to its text height: a word box swollen by a rule or a stamp would take
    in the lines above and below. A label whose every word is swollen (an underlined title) is
    cut to its row's type size around where the row's text stands."""
    word = min(label.words, key=_height)
    left, top, right, bottom = word.bbox
    height = _text_height(label)
    if bottom - top > 1.5 * height and label.line_centre:
        return left, label.line_centre - height, right, label.line_centre + height
    return word.bbox


def _text_height(label: Label) -> int:
    """The type size of the label's text: its smallest word's height, or its row's where the
    label's words are swollen (underlined, struck through by a rule)."""
    own = min(_height(w) for w in label.words)
    return min(own, label.line_height) if label.line_height else own


def _stopped(rows: list[Row], label: Label) -> bool:
    """Whether the words before the label make it another number's label: a Grundbuch before it on its
    line with no number between ("Grundbuch von Zons ...... Blatt 1709", a form's field), an Aktenzeichen
    or a page in its own phrase ("Az. Blatt-Nr."), not in a phrase of its own further left ("Seite 1 von
    1 ... Blatt-Nr.")."""
    left = label.box[0]
    before = [w for w in _line_words(rows, label) if w.bbox[2] <= left + 1]
    recent = before[-_LINE_STOP_WORDS:]
    owner = max((i for i, w in enumerate(recent) if key(w.text).startswith(_GRUNDBUCH_BEFORE)
                 or names_grundbuch(key(w.text))), default=None)
    if owner is not None and not any(c.isdigit() for w in recent[owner + 1 :] for c in w.text):
        return True  # a number between ends the Grundbuch's phrase ("Grundbuch Zons Blatt 2993 Baulastenblatt 55")
    return any(key(w.text) in _STOP_BEFORE for w in _phrase_before(rows, label)[:4])


def _phrase_before(rows: list[Row], label: Label) -> list[Word]:
    """The words of the label's phrase before it on its line, nearest first."""
    left = label.box[0]
    phrase: list[Word] = []
    for word in reversed([w for w in _line_words(rows, label) if w.bbox[2] <= left + 1]):
        if left - word.bbox[2] > _PHRASE_GAP * _text_height(label):
            break
        phrase.append(word)
        left = word.bbox[0]
    return phrase


def _refers(rows: list[Row], label: Label) -> bool:
    """Whether the label's phrase refers to another sheet: "Übertragen aus Baulastenverzeichnisblatt 812",
    "siehe Baulastenblatt 345", "früher Blatt-Nr. 17"."""
    return any(key(w.text).startswith(_REFERRING) for w in _phrase_before(rows, label)[:4])


def _is_marker(text: str) -> bool:
    return key(text) in _MARKERS and any(c.isalpha() for c in text)


def _is_speck(word: Word, height: float) -> bool:
    return _height(word) < MIN_HEIGHT * height


def _core(text: str) -> tuple[str, bool]:
    """A token without the marks around it, and whether it ended in a separator ("5.")."""
    stripped = text.strip(_EDGE_PUNCTUATION + " ")
    trailing_dot = text.rstrip("_°'\"-–— ").endswith((".", ","))
    return stripped, trailing_dot


def _number_token(text: str) -> bool:
    core, _ = _core(text)
    return bool(core) and bool(_CORE.match(core)) and any(c in _DIGITS for c in core)


def _suffix_token(text: str) -> str | None:
    core, _ = _core(text)
    if len(core) == 1 and core.isascii() and core.isalpha() and core not in "lIOo":
        return core.lower()
    return None


def read_number_right(rows: list[Row], label: Label, far: bool = False) -> Reading | None:
    """The number on the label's line to its right, "Nr." and stray marks skipped; with `far`, also
    across the line (FAR_GAP), where nothing but marks stands between (see DOUBT_CAPS["far"])."""
    nearby = [w for row in rows[max(0, label.row - 1) : label.row + 2] for w in row.words]
    line = sorted((w for w in nearby if w not in label.words and w.bbox[2] > label.box[2]), key=lambda w: w.bbox[0])
    band = None
    if label.qualifier:  # a skewed line: the number stands level with the qualifier's end, not the label's start
        last, half = label.qualifier[-1], 3 * _text_height(label) // 4  # a skewed word box is taller than its type
        centre = (last.bbox[1] + last.bbox[3]) // 2
        band = (last.bbox[0], centre - half, last.bbox[2], centre + half)
    reading = _read_from(label, line, label.box[2], glued=label.tail, band=band,
                         first_gap=FAR_GAP if far else MAX_FIRST_GAP)
    if far and reading is not None and not reading.doubts & {"far", "led"}:
        return None  # near its label: read so already
    return reading


def _junk(word: Word) -> bool:
    """A mark under a label that is neither a number, nor "Nr.", nor a word: a rule's or a
    stamp's speck read unsurely, or a lone letter."""
    if any(c.isdigit() for c in word.text) or _is_marker(_split_glued(word.text)[0]):
        return False
    return word.conf < _JUNK_CONF or sum(c.isalnum() for c in word.text) < 2


def read_number_below(rows: list[Row], label: Label) -> Reading | None:
    """The number under the label (a grid whose labels head their cells)."""
    box = label.box
    height = _text_height(label)
    left, right = box[0] - height, box[2] + 2 * height
    centre = (box[1] + box[3]) // 2
    bottom = box[3]  # of the label, or of its "Nummer" on the line below
    for row_index in range(label.row, min(len(rows), label.row + 6)):
        row = rows[row_index]
        # A number typed larger than its label (a card's box under a small "Karten-Nr.") may start
        # right of the label's end, within twice its own height.
        column = [w for w in row.words if w.bbox[2] > left and not _is_speck(w, height)
                  and w.bbox[0] < max(right, box[2] + 2 * _height(w) * (_height(w) >= _LARGER * height))]
        if row_index == label.row:
            # A number in large type below its label (a stamp, a boxed cell) may join the label's
            # visual row: only the words that stand below the label's middle count there.
            column = [w for w in column if w.bbox[1] > centre and (w.bbox[1] + w.bbox[3]) // 2 > box[3]]
        readable = [w for w in column if not _junk(w)]
        if not readable:
            continue  # nothing, or the specks of a rule or a stamp
        first = _number_start(row, readable[0])
        # A cell's value may be printed larger than its label ("Baulastenblatt-Nummer" over "886").
        if first.bbox[1] - bottom > 3 * max(height, min(_height(first), 3 * height)):
            return None
        if not (_number_token(first.text) or _is_marker(_split_glued(first.text)[0])
                or first.text[:1] in _GLUED_MARKS and _number_token(first.text[1:])):
            return None
        # The marks in the column before the number stay in: one may be a digit read as a mark.
        before = [w for w in column if w.bbox[0] < first.bbox[0] and not any(c.isalnum() for c in w.text)]
        line = sorted((w for w in row.words if _same_line(w.bbox, first.bbox) and w.bbox[0] >= first.bbox[0]),
                      key=lambda w: w.bbox[0])
        reading = _read_from(label, before[-1:] + line, first.bbox[0], glued="", band=first.bbox)
        head, tail = _split_glued(first.text)
        if reading is None and row_index > label.row and _is_marker(head) and not tail and bottom == box[3]:
            bottom = first.bbox[3]  # "Baulastenblatt" / "Nummer" / "2361": a narrow column's label on two lines
            continue
        if reading is not None and not reading.value[-1:].isalpha() \
                and (boxed := _boxed_suffix(rows[label.row : row_index], line, reading)) is not None:
            reading.value += boxed[0]  # "876" | "A" under "Zusatz": the sheet 876a
            reading.words.append(boxed[1])
        if reading is not None:
            reading.confidence *= BELOW_FACTOR
            if any(_junk(w) and _same_line(w.bbox, first.bbox) and _lost_digit(w, first) for w in column
                   if w.bbox[2] <= first.bbox[0] + _height(first) // 4 and w not in reading.words):
                reading.doubts.add("unread_glyph")  # "ar 320": a digit read as letters, unsurely
        return reading
    return None


# Folded captions of a form's box for the letter of a sheet's number ("Zusatz", "Buchstabe", "Buchst."), whole
# words: "Zusätzliche Angaben" is no letter's box.
_SUFFIX_CAPTIONS = ("zusatz", "buchst", "buchstabe")


def _boxed_suffix(above: list[Row], line: list[Word], reading: Reading) -> tuple[str, Word] | None:
    """The letter of the number in a box of its own right of it on its line, under a caption naming the
    letter (a form's "Kenn-Nr." | "Zusatz"), or None."""
    end = max((w.bbox[2] for w in reading.words if w in line), default=None)
    if end is None:
        return None
    # The letter is the next word after the number, and the caption over it the next caption after the
    # number's label: "Hausnr. | Zusatz" over "12 | b" is the house number's.
    word = next((w for w in line if w.bbox[0] >= end and any(c.isalnum() for c in w.text)), None)
    letter = _suffix_token(word.text) if word is not None else None
    if word is None or letter is None or word.conf < _LETTER_CONF:
        return None
    label_end = max(w.bbox[2] for w in reading.words if w not in line)
    captions = (w for row in above for w in row.words if w.bbox[0] >= label_end and any(c.isalpha() for c in w.text))
    caption = min(captions, key=lambda w: w.bbox[0], default=None)
    centre, height = (word.bbox[0] + word.bbox[2]) // 2, _height(word)
    if caption is None or key(caption.text) not in _SUFFIX_CAPTIONS \
            or not caption.bbox[0] - height <= centre <= caption.bbox[2] + height:
        return None
    return letter, word


def _number_start(row: Row, first: Word) -> Word:
    """The first word of the number `first` belongs to: a number wider than the label above it
    ("5.235" under a stamp's "NR.") begins left of the label, its first part outside the column."""
    line = sorted((w for w in row.words if _same_line(w.bbox, first.bbox) and w.bbox[2] <= first.bbox[0]),
                  key=lambda w: w.bbox[0])
    while line and _number_token(line[-1].text) and \
            first.bbox[0] - line[-1].bbox[2] <= MAX_DIGIT_GAP * _height(first):
        first = line.pop()
    return first


def _read_from(label: Label, line: list[Word], start: int, glued: str, band: BBox | None = None,
               first_gap: float = MAX_FIRST_GAP) -> Reading | None:
    """Read a number from words left to right from x = start: "Nr." and stray marks before it
    skipped, digits spread over words joined, a letter after it taken as its suffix. Each word
    read must share a text line with the one read before it (the label's first), so a skewed
    line is followed and words of the lines above and below are passed over."""
    band = band or _text_band(label)
    height = _text_height(label)  # of the text before the number; the number's own once read
    doubts: set[str] = set()
    markers: list[Word] = []
    parts: list[tuple[str, Word | None]] = []  # the number's texts and the words they came from
    suffix: tuple[str, Word] | None = None
    before_mark: Word | None = None  # an unreadable mark right before the number
    previous_right = start
    factor = 1.0
    glued = _SHEET_PAGE.sub("", glued)
    if glued:
        if not _number_token(glued):
            return None
        parts.append((glued, None))
    slashed = False  # the page or the year follows: the number has ended
    led = False  # dot leaders stand between the label and the number
    for word in line:
        if slashed:
            break  # the page or the year follows the slash, no part of the number
        gap = word.bbox[0] - previous_right
        text = _SHEET_PAGE.sub("", _PAGE_AFTER.sub("", word.text) if label.paged else word.text)
        if not text.strip():
            break  # "-S.1": the page follows
        if parts and parts[-1][1] is not None and any(c.isdigit() for c in text) \
                and _overlap(parts[-1][1], word) and _same_line(word.bbox, band):
            doubts.add("overlapping")  # "14" over "1402": the same place read twice, differently
            continue
        small_letter = bool(parts) and _suffix_token(text) is not None and word.conf >= _LETTER_CONF \
            and _height(word) >= SMALL_SUFFIX * height  # "1720 c": no speck, a lower-case suffix
        if not parts and is_leader(word.text, dots=3) and word.bbox[0] - start <= _LEADER_START * height:
            led = True  # "ORDNUNGSNUMMER ........... : 1554b": dots lead the eye from the key to its value
        if (_is_speck(word, height) and not small_letter) or not _same_line(word.bbox, band):
            continue
        slashed = text != word.text
        if not parts:
            if gap > first_gap * height:
                break
            if gap > MAX_FIRST_GAP * height:
                doubts.add("led" if led else "far")
            head, tail = _split_glued(text)
            if tail and _is_marker(head):  # "Nr.1407", "Nr.:0158"
                markers.append(word)
                text = tail
            elif _is_marker(text):
                markers.append(word)
                if key(text) not in ("nr", "nummer") or word.conf < 60:
                    factor *= MARKER_MISREAD_FACTOR
                height = min(height, _height(word))
                previous_right, band = word.bbox[2], word.bbox
                continue
            if not any(c.isalnum() for c in text) or text in _GLUED_MARKS:  # "ı": a box's side, or a lost "1"
                before_mark = word
                previous_right = word.bbox[2]
                continue
            if not _number_token(text) and text[:1] in _GLUED_MARKS and _number_token(text[1:]):
                text = text[1:]  # "ı1921a": a box's side glued to the number, or a digit read as a mark
                doubts.add("unread_glyph")
            if not _number_token(text):
                break
            if before_mark is not None and _lost_digit(before_mark, word):
                doubts.add("unread_glyph")  # "> 0 33", ">» 1 62", "- 282": a digit read as a mark
            parts.append((text, word))
            height = _height(word)
            previous_right, band = word.bbox[2], word.bbox
            continue
        if suffix is None and not _has_suffix(parts):
            letter = _suffix_token(text)
            if letter and gap <= MAX_SUFFIX_GAP * height and _height(word) >= SMALL_SUFFIX * height:
                if _height(word) < 0.45 * height:
                    doubts.add("small_suffix")  # "1720 c": a lower-case letter, or a speck read as one
                suffix = (letter, word)
                previous_right = word.bbox[2]
                continue
            if _number_token(text) and gap <= MAX_DIGIT_GAP * height:
                parts.append((text, word))
                height = max(height, _height(word))
                previous_right, band = word.bbox[2], word.bbox
                continue
        # A slash a space apart ends the number and names what follows ("Baulastenblatt 1212 / Lfd. Nr. 1").
        spaced_slash = text == "/" and gap > _TOUCHING * height
        if gap <= height and _height(word) >= 0.45 * height and not set(text) <= _PUNCTUATION and not spaced_slash:
            if not any(c.isalnum() for c in text) or word.conf < 30:
                doubts.add("unread_glyph")  # "475 &": the letter after the number unread
        break
    if not parts:
        return None
    value, more_doubts, repaired = _value_of([p for p, _ in parts], suffix[0] if suffix else "")
    if value is None:
        return None
    doubts |= more_doubts
    if repaired:
        factor *= REPAIRED_FACTOR
    used = [w for _, w in parts if w is not None] + ([suffix[1]] if suffix else [])
    confs = [w.conf for w in used] or [w.conf for w in label.words]
    confidence = label.score * factor * max(0.0, min(confs)) / 100.0
    words = list(dict.fromkeys(list(label.words) + markers + used))
    return Reading(value, words, confidence, doubts)


def _overlap(a: Word, b: Word) -> bool:
    """Whether two words cover more than half of the narrower one's width: one place read twice."""
    shared = min(a.bbox[2], b.bbox[2]) - max(a.bbox[0], b.bbox[0])
    return shared > 0.5 * min(a.bbox[2] - a.bbox[0], b.bbox[2] - b.bbox[0])


def _lost_digit(mark: Word, number: Word) -> bool:
    """Whether a mark before the number may be a digit read as a mark: a sign no number is
    written with ("> 0 33") within a line's height, or punctuation ("-", ".") that all but
    touches the number, closer than a space ("-282" for "1282")."""
    gap = number.bbox[0] - mark.bbox[2]
    if set(mark.text) <= _PUNCTUATION:
        return gap <= _TOUCHING * _height(number)
    return gap <= _height(number)


def _has_suffix(parts: list[tuple[str, Word | None]]) -> bool:
    core, _ = _core(parts[-1][0])
    return bool(core) and core[-1].isalpha() and core[-1] not in _LOOKALIKES


def _value_of(texts: list[str], suffix: str) -> tuple[str | None, set[str], bool]:
    """The register number of the number's parts (and letter), the doubts it raises, and whether
    letters were read as digits."""
    doubts: set[str] = set()
    cores = []
    for index, text in enumerate(texts):
        core, trailing_dot = _core(text)
        cores.append(core)
        if trailing_dot and index == len(texts) - 1 and not suffix:
            digits = sum(c in _DIGITS for c in core)
            if digits <= 2:
                doubts.add("cut_off")
    joined = " ".join(cores)
    letter = ""
    if joined[-1].isalpha() and joined[-1] not in _LOOKALIKES:
        joined, letter = joined[:-1].rstrip(), joined[-1].lower()
    letter = letter or suffix
    groups = re.split(r"[.:,' ]", joined)
    if any(not g for g in groups):
        return None, doubts, False
    if len(groups) > 1:
        thousands = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        # A comma in a thousands' place is a dot misread ("5,256"); a colon or an apostrophe is no grouping.
        dotted = re.search(r"[:']", joined) is not None or ("," in joined and not thousands)
        if dotted or (not thousands and "." in joined):
            doubts.add("broken_grouping")
        elif not thousands:
            doubts.add("spread")
    digits = "".join(groups)
    repaired = any(c in _LOOKALIKES for c in digits)
    value = normalize_register_number(digits + letter)
    if value is None or not value[0].isdigit():
        return None, doubts, repaired
    number = int(re.match(r"\d+", value).group())  # type: ignore[union-attr]
    if not 1 <= number <= HIGHEST_REGISTER_NUMBER:
        return None, doubts, repaired
    if number < 10:
        doubts.add("single_digit")
    if len(groups) == 1 and len(digits) >= 4 and digits[0] in "689":
        doubts.add("padded_zero")  # a thousands separator ("8.394") would show a real leading digit
    return value, doubts, repaired
