"""Grids whose labels head columns: a row of labels ("Gemarkung | Flur | Flurstück(e) | Lage")
with the values in the rows beneath, one parcel (or a list of Flurstücke) per row.

A label's column runs from its left edge to the left edge of the next word of the label row, so
a value belongs to the column its centre stands in, however the cells are drawn, ruled or not.
Where the labels are centred over their columns (the values start clearly left of the first
label), a value belongs to the first label at or right of its start.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz.distance.Levenshtein import distance
from rapidfuzz.distance.Levenshtein import normalized_similarity as similarity

from baulast.model import Word
from baulast.parcels import parse_flurstueck
from baulast.textnorm import DIGIT_LOOKALIKES
from pipeline.layout import Row, key

PARCEL_LABELS = ("Gemarkung", "Flur", "Flurstück")
NENNER = "Nenner"  # the Flurstück's denominator in a column of its own, right of its Zähler ("1051 | 14")
# One column for both, its cells labelled in themselves ("Flur 31: 1294").
FLUR_AND_FLURSTUECK = "Flur/Flurstück"
_NOT_FLUR = {"flut", "flug", "flux", "fuhr"}  # words one letter away from "flur"
_MAX_VALUE_ROWS = 6
_SPECK = 0.25  # of the row's type size: a mark lower than this is a speck, no word
# Rows that end the grid: the next part of the sheet header, or the entries table.
_GRID_END = ("grundbuch", "aktenzeichen", "az", "lfd", "inhalt", "bemerkungen", "baulastenblatt", "blattnr")


def parcel_label(text: str) -> str | None:
    """The parcel label an OCR word stands for, despite misreadings ("Semarkung", "FLÜR!",
    "Fur", "lur", "Flurstück(le)", "Plurstfick(e)", "_Flurstücke"), or None."""
    folded = key(text)
    if not folded or any(c.isdigit() for c in folded):
        return None
    if "kennz" in folded:
        return None  # "Flurstückskennzeichen": the ALKIS key, a column of its own
    # The old cadastre's "Parzelle" ("Parz.") is the Flurstück.
    if folded.startswith(("flurst", "parzelle")) or folded in ("flst", "flstk", "flurs", "fst", "parz") or (
        len(folded) >= 7 and max(similarity(folded, "flurstuck"), similarity(folded, "flurstucke")) >= 0.7
    ):
        return "Flurstück"
    if len(folded) >= 7 and similarity(folded, "gemarkung") >= 0.75:
        return "Gemarkung"
    # ALKIS prints the Flurstück's number as Zähler and Nenner in columns of their own.
    if 5 <= len(folded) <= 7 and similarity(folded, "zahler") >= 0.8:
        return "Flurstück"
    if 5 <= len(folded) <= 7 and similarity(folded, "nenner") >= 0.8:
        return NENNER
    if folded in ("flur", "flurnr", "flurnummer") or (3 <= len(folded) <= 5 and distance(folded, "flur") <= 1
                            and folded not in _NOT_FLUR and "ü" not in text.lower()):
        return "Flur"  # but never "für", the commonest word one letter away
    return None


def label_text(words: tuple[Word, ...] | list[Word]) -> str:
    """The words joined by spaces, each parcel label written out in full: "Gemarkung: Zons"
    for "GEMARKUNG! Zons", "Flur 3" for "Fur 3"."""
    return " ".join(parcel_label(w.text) or w.text for w in words)


# A column a label row heads: its label, left and right edge, and the word that heads it.
Head = tuple[str, int, int, Word]


def _caption(labels: list[Word]) -> bool:
    """Whether the labels are one caption naming what a single cell holds, in parentheses or joined by commas
    ("Belastetes Grundstück (Gemarkung, Flur, Flurstück)"): they head no columns of their own."""
    texts = [w.text for w in labels]
    return texts[0].startswith("(") or len(texts) > 1 and all(t.endswith(",") for t in texts[:-1])


def _heads(row: Row, grouped: bool = False) -> list[Head] | None:
    """(label, left, right, word) of each column a label row heads, or None if the row is no label row.

    A label row names Gemarkung and Flurstück with nothing but other labels between them (a speck
    a pixel or two high read as "3" is nothing); each column ends where the next word of the row begins.
    In a grid `grouped` under a Gemarkung's caption, it names Flur and Flurstück.
    """
    words = [w for w in row.words if any(c.isalnum() for c in w.text)
             and w.bbox[3] - w.bbox[1] >= _SPECK * row.height]
    labels = [parcel_label(w.text) for w in words]
    if "Flur" not in labels and "Gemarkung" in labels and "Flurstück" in labels:
        # Between the Gemarkung's label and the Flurstück's, a word like "Flur" is its label, however misread
        # ("Fir", also the commonest misreading of "für", which a label row holds none of).
        between = range(labels.index("Gemarkung") + 1, labels.index("Flurstück"))
        misread = [i for i in between if _misread_flur(words[i].text)]
        if len(misread) == 1:
            labels[misread[0]] = "Flur"
    found = [i for i, label in enumerate(labels) if label]
    if not ({"Flur", "Flurstück"} if grouped else {"Gemarkung", "Flurstück"}) <= {labels[i] for i in found} or any(
        any(c.isdigit() for c in words[i].text) for i in range(found[0], found[-1] + 1)
    ) or _caption([words[i] for i in found]):
        return None
    heads: list[Head] = []
    for index in found:
        right = words[index + 1].bbox[0] if index + 1 < len(words) else 10**9
        if heads and heads[-1][0] == "Flur" and labels[index] == "Flurstück" and _joined(row, heads[-1], words[index]):
            heads[-1] = (FLUR_AND_FLURSTUECK, heads[-1][1], right, heads[-1][3])  # "Flur / Flurstück(e)": one column
            continue
        if any(head[0] == labels[index] for head in heads):
            continue  # a label repeated: the first heads the column (each cell is read once, by its label)
        heads.append((labels[index], words[index].bbox[0], right, words[index]))  # type: ignore[arg-type]
    return heads


def _misread_flur(text: str) -> bool:
    """Whether a word may be "Flur" misread: three to five letters, an F first, two edits away at most."""
    folded = key(text)
    return 3 <= len(folded) <= 5 and folded.isalpha() and folded[0] == "f" and distance(folded, "flur") <= 2


def _joined(row: Row, flur: Head, flurstueck: Word) -> bool:
    """Whether a Flur label and the Flurstück label after it head one column: a slash and nothing
    else between them ("Flur / Flurstück(e)", "Flur /Flurstück(e)")."""
    if flurstueck.text.startswith("/"):
        return True  # "Flur /Flurstück(e)": the slash read with the label
    between = [w for w in row.words if flur[1] < w.bbox[0] < flurstueck.bbox[0] and parcel_label(w.text) is None]
    return bool(between) and all(set(w.text) <= set("/") for w in between)


_SHORT_HEAD_CONF = 80  # a two-letter head ("qm") read this surely; less sure, it is a speck's or a rule's mark


def _column_words(row: Row) -> list[Word]:
    """The words of a label row that head columns (parcel labels and the others: "Lage", "Größe", "qm"),
    left to right."""
    return sorted((w for w in row.words if sum(c.isalnum() for c in w.text) >= 3
                   or sum(c.isalnum() for c in w.text) == 2 and w.conf >= _SHORT_HEAD_CONF), key=lambda w: w.bbox[0])


def _nearest_head(word: Word, heads: list[Word]) -> Word:
    """The head word (of `heads`, a label row centred over its columns, see `_column_words`) under which
    a value word stands: the head word over the value's centre, else the first head word at or right of
    the value's start (a centred label starts right of its column's values where they are wider, and
    left of the next column's)."""
    centre = (word.bbox[0] + word.bbox[2]) // 2
    over = next((w for w in heads if w.bbox[0] <= centre <= w.bbox[2]), None)
    return over or next((w for w in heads if w.bbox[0] >= word.bbox[0]), heads[-1])


def _centred(row: Row, below: list[Row], heads: list[Head]) -> bool:
    """Whether the grid's labels are centred over their columns: the first value of the grid's first
    value row (a word of two letters or digits or more, no speck) starts clearly left of the first
    label, with no word of the label row left of it (a running number's column's head), where a
    left-aligned grid's values start under their labels. Only the grid's own value rows count."""
    first_label = min(head[1] for head in heads)
    for value_row in below:
        if _ends_grid(value_row, heads) or _heads(value_row):
            return False
        values = [w for w in value_row.words if sum(c.isalnum() for c in w.text) >= 2
                  and w.bbox[3] - w.bbox[1] >= _SPECK * row.height]
        if values:
            first = values[0]
            return first.bbox[0] < first_label - 2 * row.height \
                and not any(w.bbox[2] <= first.bbox[0] for w in row.words if any(c.isalnum() for c in w.text))
    return False


def _ends_grid(row: Row, heads: list[Head]) -> bool:
    """Whether a row below the labels ends the grid: it opens the sheet's next part ("Grundbuch", "Lfd. Nr.")
    under the parcel columns. A word right of them is another column's label going on ("Baulasten-" /
    "blatt-Nr." beside "Flurstück(e)")."""
    right = max(head[2] for head in heads)
    return any(key(w.text).startswith(_GRID_END) and (w.bbox[0] + w.bbox[2]) // 2 < right for w in row.words[:3])


# "Begünstigte Flurstücke", "herrschendes Grundstück", "zugunsten des Grundstücks"
BENEFITING = ("begunstigt", "herrschend", "zugunsten")
_HEADING_WORDS = 4  # words of a grid's heading, at most ("3 Begünstigte Flurstücke"); more make a sentence


def benefiting(row: Row) -> bool:
    """Whether a grid's heading names the parcels it lists the benefiting ones ("3 Begünstigte Flurstücke"):
    the Baulast's beneficiaries, not the burdened parcels of the sheet."""
    words = [w for w in row.words if any(c.isalnum() for c in w.text)]
    return len(words) <= _HEADING_WORDS and any(key(w.text).startswith(BENEFITING) for w in words) \
        and not any(c.isdigit() for w in words[1:] for c in w.text)  # a heading's number opens it, at most


def _burdened(row: Row) -> bool:
    """Whether a row is the heading of the burdened parcels ("Belastete Flurstücke", "Belastetes Grundstück")."""
    words = [w for w in row.words if any(c.isalnum() for c in w.text)]
    return 0 < len(words) <= _HEADING_WORDS and key(words[0].text).startswith("belastet")


def _in_column(word: Word, left: int, right: int, slack: int) -> bool:
    centre = (word.bbox[0] + word.bbox[2]) // 2
    return left - slack <= centre < right - slack


def grid_parcel_text(rows: list[Row], known_gemarkung: Callable[[str], bool] = lambda name: False) -> str:
    """The parcels of a label-headed grid as sheet text ("Gemarkung Zons Flur 3 Flurstück 12/4;"),
    one clause per value row; a row without a Gemarkung of its own continues the one above.
    A row whose Flur is unreadable still counts if its Gemarkung is one `known_gemarkung`
    knows (a noise row of rules and specks never names one). A form may repeat the grid, one
    for each Flur: every grid counts. Empty if the rows hold no grid."""
    return read_grid(rows, known_gemarkung)[0]


def read_grid(rows: list[Row], known_gemarkung: Callable[[str], bool]) -> tuple[str, bool]:
    """The grid's parcels as sheet text (see `grid_parcel_text`), and whether a value row names a
    Gemarkung `known_gemarkung` knows but no Flurstück could be read in it ("Glehn | 2 | ı012 / 15"):
    then the grid's parcels are incomplete."""
    clauses: list[str] = []
    unread = False
    beneficiaries = False  # under a heading of the benefiting parcels, until one of the burdened
    for index, row in enumerate(rows):
        if benefiting(row) or _burdened(row):
            beneficiaries = benefiting(row)
        heads = _heads(row)
        group = None
        if heads is None and (group := _group(rows[max(0, index - _GROUP_REACH) : index], known_gemarkung)):
            heads = None if beneficiaries else _heads(row, grouped=True)  # the caption stands under the heading
        if heads is None or index and benefiting(rows[index - 1]):
            continue
        slack = row.height // 2
        found = len(clauses)
        centred = _centred(row, rows[index + 1 : index + 1 + _MAX_VALUE_ROWS], heads)
        column_words = _column_words(row) if centred else []
        for value_row in rows[index + 1 : index + 1 + _MAX_VALUE_ROWS]:
            if _ends_grid(value_row, heads) or _heads(value_row) or benefiting(value_row) \
                    or group and (_group([value_row], known_gemarkung) or _heads(value_row, grouped=True)):
                break
            cells = _cells(value_row, heads, column_words if centred else [], slack)
            if FLUR_AND_FLURSTUECK in cells:
                # The cell names its Flur itself ("Flur 31: 1294"); a row without one continues the
                # Flur above ("Flur 31: 1294" / "1295").
                if parse_flurstueck(cells[FLUR_AND_FLURSTUECK]) is not None:
                    gemarkung = f"Gemarkung {cells['Gemarkung']} " if cells.get("Gemarkung") else ""
                    clauses.append(f"{gemarkung}{cells[FLUR_AND_FLURSTUECK]};")
                continue
            if parse_flurstueck(cells.get("Flurstück", "")) is None:
                unread = unread or known_gemarkung(cells.get("Gemarkung", ""))
                continue
            if clauses and not cells.get("Gemarkung") and not cells.get("Flur") \
                    and clauses[-1].rstrip(";").rstrip().endswith((",", "und", "u.")):
                # The list of the row above wraps ("811/24, 691 und" / "1035/31").
                clauses[-1] = f"{clauses[-1].rstrip(';')} {cells['Flurstück']};"
                continue
            if "Flur" in cells and parse_flurstueck(cells["Flur"]) is None:
                if not known_gemarkung(cells.get("Gemarkung", "")):
                    continue
                cells["Flur"] = ""  # unreadable: the entry text may restate it
            if group and not cells.get("Gemarkung"):
                cells["Gemarkung"] = group
            clauses.append(_clause(cells))
        if len(clauses) == found and index and (above := _captioned(rows[index - 1], heads, slack, known_gemarkung)):
            clauses.append(above)
    return "\n".join(clauses), unread


_GROUP_REACH = 2  # rows between a Gemarkung's caption and the label row of its grid, at most


def _group(above: list[Row], known_gemarkung: Callable[[str], bool]) -> str | None:
    """The Gemarkung a caption over a grid names, where the grid lists the parcels of each Gemarkung under
    its own ("Gemarkung Grevenbroich" over "Flur | Flurstück Zähler | Nenner"): a row of the label and a
    name `known_gemarkung` knows, nothing else."""
    for row in reversed(above):
        words = [w for w in row.words if any(c.isalnum() for c in w.text)]
        if len(words) >= 2 and parcel_label(words[0].text) == "Gemarkung" and len(words) <= 4:
            name = " ".join(w.text for w in words[1:]).strip(":,. ")
            if known_gemarkung(name):
                return name
    return None


def _cells(value_row: Row, heads: list[Head], column_words: list[Word], slack: int) -> dict[str, str]:
    """The text of each column in a value row: a value belongs to the head word over it where the labels are
    centred (`column_words` given, see `_nearest_head`), else to the column its centre stands in. Zähler and
    Nenner in columns of their own ("1051 | 14") make one Flurstück."""
    cells = {
        label: " ".join(w.text for w in value_row.words
                        if (any(c.isalnum() for c in w.text) or w.text == "/") and (
                            _nearest_head(w, column_words) is head if column_words
                            else _in_column(w, left, right, slack)))
        for label, left, right, head in heads
    }
    cell = cells.get(NENNER, "").replace(" ", "")  # "1 2": split digits
    nenner = "".join(DIGIT_LOOKALIKES.get(c, c) for c in cell)  # "l": a lone 1
    if cells.get("Flurstück") and "/" not in cells["Flurstück"] and nenner.isdigit():
        cells["Flurstück"] = f"{cells['Flurstück']}/{nenner}"
    elif nenner:
        cells["Flurstück"] = ""  # a Nenner that does not read as one: the Flurstück is unread, not its Zähler
    return cells


def _clause(cells: dict[str, str]) -> str:
    return " ".join(f"{label} {cells[label]}" for label in PARCEL_LABELS if cells.get(label) or label == "Flurstück") \
        + ";"


def _captioned(above: Row, heads: list[Head], slack: int, known_gemarkung: Callable[[str], bool]) -> str | None:
    """The parcel a form's row names over its captions ("Rommerskirchen | 26 | 383/19" over "Gemarkung | Flur |
    Flurstück(e)"), where no row under the captions names one: only with a Gemarkung `known_gemarkung`
    knows, a Flur and a Flurstück."""
    if any(parcel_label(w.text) for w in above.words):
        return None  # labelled itself ("Gemarkung Zons Flur 3 ..."), or another label row
    cells = _cells(above, heads, [], slack)
    if not known_gemarkung(cells.get("Gemarkung", "")) or parse_flurstueck(cells.get("Flurstück", "")) is None \
            or parse_flurstueck(cells.get("Flur", "")) is None:
        return None
    return _clause(cells)
