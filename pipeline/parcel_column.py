"""The entries table's parcel column: a register whose entries name their burdened parcels in a column
of their own, between the running number and the entry text ("Grundstück (Flur, Flurstück)", "Belastetes
Grundstück" over "Flur | Flurstück").

A cell's line starts right of the head word before the column's, by the column head's end. Where the column
is parted into "Flur" and "Flurstück" under its head, each line's numbers are read by the part they stand
in: the Flur part's ditto mark (") repeats the Flur above, and a line "Gem. Wevelinghoven" names the
Gemarkung of the lines after it. A Grundbuch reference in the cell ("Gb.Bl. 6486") and a reference to
another entry ("wie lfd. Nr. 1") name no parcel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baulast.model import Word
from baulast.textnorm import DIGIT_LOOKALIKES
from pipeline.grid import parcel_label
from pipeline.layout import Row, key
from pipeline.vocab import GRUNDBUCH_STEMS

_PARCEL_COLUMN_HEADS = ("grundstuck", "grundstucke", "flurstuck", "flurstucke")
_SURE_HEAD = 50  # Tesseract's confidence in a head word that heads the column alone
_POOR_HEAD = 30  # ... and in one whose column is parted into "Flur | Flurstück" under it
_PARTS_GAP = 0.75  # word heights between the parts' labels, at least (a caption's words are a space apart)
_CELL_GAP = 1.5  # word heights between two words of one table cell's line, at most
CELL_WORDS = 6  # words of one line of a parcel cell ("Fl. 20 Nr. 219, 229/4"), at most
_CELL_WIDTH = 0.35  # of the page's width: a parcel cell's line is narrower; a line of prose is wider
_SPECK_CONF = 30  # a mark read less surely than this in a parcel cell is a speck or a rule's remnant
_NUMBER = re.compile(r"^\d+(/\d+)?$")
_DITTO = {'"', "„", "“", "”", "''", "do", "dto", "desgl"}
_REFERENCE = {"wie", "siehe", "vgl", "s"}  # "wie lfd. Nr. 1": the parcels of another entry
_NUMBER_NAMES = {"nr", "lfd", "ifd", "1fd", "lfdnr"}  # a reference's line going on ("Nr. 1")


@dataclass(frozen=True)
class ParcelColumn:
    """The column's words (the evidence) and its parcels as sheet text for `parse_parcels`."""

    words: tuple[Word, ...]
    text: str


def parcel_column(rows: list[Row], head_row: int, default_gemarkung: str | None = None) -> ParcelColumn:
    """The entries table's parcel column, line by line; empty where the table has none. `default_gemarkung`: the
    sheet's (each entry's cell starts from it again)."""
    head = sorted(rows[head_row].words, key=lambda w: w.bbox[0])
    word = _head_word(rows, head_row)
    after = next((w for w in head if w.bbox[0] > word.bbox[2]), None) if word is not None else None
    if word is None or after is None:
        return ParcelColumn((), "")
    # The head's first word ("Belastetes Grundstück"): the column begins after the head word before it.
    before = [w for w in head if w.bbox[2] < word.bbox[0]]
    start = word
    # A column's rule read as a mark ("|") is where the column begins.
    while before and start.bbox[0] - before[-1].bbox[2] <= _CELL_GAP * rows[head_row].height \
            and any(c.isalnum() for c in before[-1].text):
        start = before.pop()
    left = before[-1].bbox[2] if before else 0
    parts = _parts(rows, head_row, left, after.bbox[0])
    if parts is not None:
        return _read_parts(rows[parts[0] + 1 :], left, parts[1], parts[2], default_gemarkung)
    if word.conf < _SURE_HEAD:
        return ParcelColumn((), "")  # a poorly read head word: only with the column's parts under it
    widest = _CELL_WIDTH * page_width(rows)
    words: list[Word] = []
    # The head's own lines have no digit (its second line "(Gemarkung, Flur, Flurstück)"); an entry's row has its
    # running number, a date or a parcel's number: from the first such row on, the column's lines are its cells.
    begun = False
    for row in rows[head_row + 1 :]:
        if column_numbers(row):
            continue
        begun = begun or any(c.isdigit() for w in row.words for c in w.text)
        # A cell's words stand a space or so apart from where the column starts; the next column's
        # text begins after a wider gap (a head centred over its column says little of its width).
        line = sorted((w for w in row.words if w.bbox[0] > left), key=lambda w: w.bbox[0])
        if not line or line[0].bbox[0] > word.bbox[2]:
            continue
        cell = line[:1]
        for other in line[1:]:
            # The gap in the cell's type size: its tallest word's, as a short one ("u.") has no ascender.
            if other.bbox[0] - cell[-1].bbox[2] > _CELL_GAP * max(1, *(w.bbox[3] - w.bbox[1] for w in cell)) \
                    or not any(c.isalnum() for c in other.text):
                break  # the next column, or the rule before it
            cell.append(other)
        # Lines of numbers; lines of words only once the cells have begun ("Gemarkung" / "Büttgen" / "Flur 7, Flurst.
        # 1299/15" in pen), not the head's own second line "(Gemarkung, Flur, Flurstück)".
        if begun or any(c.isdigit() for w in cell for c in w.text):
            if len(cell) > CELL_WORDS or cell[-1].bbox[2] - cell[0].bbox[0] > widest:
                return ParcelColumn((), "")  # a line of prose, no cell: the head word stands over the entry text
            words += _before_grundbuch(cell)
    return ParcelColumn(tuple(words), " ".join(w.text for w in words))


def _head_word(rows: list[Row], head_row: int) -> Word | None:
    """The word heading the parcel column: in the table's head row, or on the head's line just above it (a
    head of two lines, "Belastetes" / "Grundstück" over "Nr. | Inhalt der Baulast", read as rows of their
    own), a line of words only."""
    above = rows[head_row - 1] if head_row else None
    candidates = list(rows[head_row].words)
    if above is not None and rows[head_row].bbox[1] - above.bbox[1] <= _HEAD_LINES * rows[head_row].height \
            and not any(c.isdigit() for w in above.words for c in w.text):
        candidates += above.words
    return next((w for w in sorted(candidates, key=lambda w: w.bbox[0])
                 if key(w.text) in _PARCEL_COLUMN_HEADS and w.conf >= _POOR_HEAD), None)


_HEAD_LINES = 1.5  # row heights a head's upper line stands above the head row's, at most


def page_width(rows: list[Row]) -> int:
    """The width the page's words span."""
    return max((w.bbox[2] for row in rows for w in row.words), default=1) - \
        min((w.bbox[0] for row in rows for w in row.words), default=0)


def column_numbers(row: Row) -> bool:
    """Whether a row numbers the table's columns ("1 | 2 | 3 | 4 | 5 | 6", some unread, a rule's mark read
    as a letter or a digit between): small numbers, at least three, rising from left to right but for one,
    and no word of three letters or more."""
    marks = [w.text.strip(".|") for w in sorted(row.words, key=lambda w: w.bbox[0]) if any(c.isalnum() for c in w.text)]
    numbers = [int(m) for m in marks if m.isascii() and m.isdigit() and len(m) <= 2]
    if len(numbers) < 3 or any(len(m) > 2 for m in marks) or len(marks) - len(numbers) > len(numbers) // 2:
        return False
    return sum(a >= b for a, b in zip(numbers, numbers[1:])) <= (len(numbers) - 1) // 4


def _parts(rows: list[Row], head_row: int, left: int, right: int) -> tuple[int, Word | None, Word] | None:
    """(row, Flur word, Flurstück word) of the labels that part the column under its head ("Flur |
    Flurstück"), the Flur's missing where it went unread; None where the column has no parts."""
    for index in range(head_row + 1, min(head_row + 3, len(rows))):
        inside = [w for w in rows[index].words if left < w.bbox[0] < right and any(c.isalnum() for c in w.text)]
        labels = {parcel_label(w.text): w for w in inside}
        if inside and None not in labels and "Flurstück" in labels and _apart(labels.get("Flur"), labels["Flurstück"]):
            return index, labels.get("Flur"), labels["Flurstück"]
        if any(c.isdigit() for w in inside for c in w.text):
            return None  # the cells begin: no parts
    return None


def _apart(flur: Word | None, flurstueck: Word) -> bool:
    """Whether the labels head parts of their own: a column's gap between them, not one caption naming
    what a cell holds ("(Flur, Flurstück)": "Fl. 20 Nr. 219")."""
    if flur is None:
        return True
    return flurstueck.bbox[0] - flur.bbox[2] > _PARTS_GAP * (flurstueck.bbox[3] - flurstueck.bbox[1]) \
        and not any(c in "(),;" for c in flur.text + flurstueck.text)


def _read_parts(rows: list[Row], left: int, flur: Word | None, flurstueck: Word,
                default_gemarkung: str | None) -> ParcelColumn:
    """The parcels of a column parted into Flur and Flurstück, one clause per line. Each entry's cell (a running
    number left of the column opens it) starts again from the sheet's Gemarkung, and its first line's Flur is
    its own: a ditto mark repeats only a Flur of the same cell."""
    height = flurstueck.bbox[3] - flurstueck.bbox[1]
    right = flurstueck.bbox[2] + height // 2  # a value centred under its label ends about where it does
    # Between the two labels, centred over their parts: where the Flur's values end.
    cut = (flur.bbox[2] + flurstueck.bbox[0]) // 2 if flur is not None else None
    clauses: list[str] = []
    words: list[Word] = []
    last_flur = ""
    referring = naming = False
    gemarkung = default_gemarkung  # the Gemarkung the cell's lines are in ("Gem. X" names another)
    for row in rows:
        if column_numbers(row):
            continue
        if any(_running_number(w) for w in row.words if w.bbox[2] <= left):
            last_flur = ""  # the next entry's cell
            if default_gemarkung and gemarkung != default_gemarkung:
                clauses.append(f"Gemarkung {default_gemarkung}")
            gemarkung = default_gemarkung
        inside = sorted((w for w in row.words if w.bbox[0] > left and (w.bbox[0] + w.bbox[2]) // 2 < right),
                        key=lambda w: w.bbox[0])
        if naming and (name := [w for w in inside if sum(c.isalpha() for c in w.text) >= 3]):
            # "Gem." / "Wevelinghoven": the name wraps to the next line (however poorly read: the
            # gazetteer judges it).
            gemarkung = " ".join(w.text for w in name)
            clauses.append(f"Gemarkung {gemarkung}")
            words += name
            naming = False
            continue
        naming = False
        line = [w for w in _before_grundbuch(inside) if w.conf >= _SPECK_CONF]
        line = [w for w in line if any(c.isalnum() for c in w.text) or w.text.strip() in _DITTO]
        if not line:
            continue
        first = key(line[0].text)
        if first in _REFERENCE or referring and first in _NUMBER_NAMES:
            referring = True
            continue
        referring = False
        if first.startswith("gem"):
            if len(line) > 1:
                gemarkung = " ".join(w.text for w in line[1:])
                clauses.append(f"Gemarkung {gemarkung}")
            naming = len(line) == 1
            words += line
            continue
        in_flur = [w for w in line if cut is not None and (w.bbox[0] + w.bbox[2]) // 2 < cut]
        numbers = [(w, value) for w in line if w not in in_flur and (value := _number(w.text)) is not None]
        if not numbers:
            continue
        flur_text = " ".join(w.text for w in in_flur)
        # A mark read too poorly to keep stands in the Flur's part: the Flur is unread, not the one above.
        specked = not flur_text and cut is not None and any(
            (w.bbox[0] + w.bbox[2]) // 2 < cut and w.conf < _SPECK_CONF and any(c.isalnum() for c in w.text)
            for w in inside)
        if not specked and (flur_text.strip() in _DITTO or not flur_text and cut is not None and last_flur):
            flur_text = last_flur  # the ditto mark, or none: the Flur above goes on
        else:
            flur_text = _number(flur_text) or ""  # unread where no number
        last_flur = flur_text or last_flur
        flurstuecke = ", ".join(value for _, value in numbers)
        if flur_text:
            clauses.append(f"Flur {flur_text} Flurstück {flurstuecke};")
        elif gemarkung:  # naming the Gemarkung again: no Flur of a line above goes on (parse_parcels carries it)
            clauses.append(f"Gemarkung {gemarkung} Flurstück {flurstuecke};")
        else:
            clauses.append(f"Flurstück {flurstuecke};")
        words += [*in_flur, *(w for w, _ in numbers)]
    return ParcelColumn(tuple(words), "\n".join(clauses))


def _running_number(word: Word) -> bool:
    """Whether a word left of the column is an entry's running number ("2.", "2)")."""
    token = word.text.strip(".):;|")
    return token.isascii() and token.isdigit() and len(token) <= 2


def _number(text: str) -> str | None:
    """A Flur's or Flurstück's number as a cell gives it ("233/34,"), one digit's lookalike repaired ("7ı"
    for 71); None if the text is no number."""
    token = text.strip().rstrip(",.;")
    if sum(c in DIGIT_LOOKALIKES for c in token) <= 1 and any(c.isdigit() for c in token):
        token = "".join(DIGIT_LOOKALIKES.get(c, c) for c in token)
    return token if _NUMBER.match(token) else None


def _before_grundbuch(cell: list[Word]) -> list[Word]:
    """The cell's words before a Grundbuch reference ("233/34 Gb.Bl. 6486": the Grundbuch sheet's number,
    also read as "6b.Bl.")."""
    for index, word in enumerate(cell):
        folded = key(word.text)
        if folded.startswith(GRUNDBUCH_STEMS) or "bl" in folded and len(folded) <= 6 and not folded.startswith("bl"):
            return cell[:index]
    return cell
