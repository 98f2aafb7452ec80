"""Field extraction from the Baulastenblatt page's word boxes.

Labels are the anchors: a value is read to the right of its label or below it in the same
column. The sheet header (above the table) names the burdened parcels, or, where it names
none, the entries table's parcel column ("Grundstück (Flur, Flurstück)"); parcels named in
the entry text (often the benefiting parcel) never become record parcels.
"""

from __future__ import annotations

import dataclasses
import re

from rapidfuzz.distance import Levenshtein

from baulast.dates import find_dates
from baulast.gazetteer import Gazetteer
from baulast.model import Extraction, Field, OcrPage, Parcel, Word
from baulast.parcels import parse_flurstueck, parse_parcels
from baulast.textnorm import digits_to_int
from baulast.validation import validate
from pipeline.annotations import amended, without_margin
from pipeline.classify import WEAK_SHEET_THRESHOLD
from pipeline.entries import extract_entries, first_numbered_entry, formula_row, inflected, introduction, of_grundbuch
from pipeline.fractions import stacked_fractions
from pipeline.grid import BENEFITING, benefiting, grid_parcel_text, label_text, parcel_label, read_grid
from pipeline.layout import (
    Anchor,
    Row,
    evidence_of,
    find_any,
    find_labels,
    key,
    mean_confidence,
    rows_of,
    spread_fold,
    table_head,
    words_below,
    words_right_of,
)
from pipeline.parcel_column import parcel_column
from pipeline.reconcile import reconcile
from pipeline.register import extract_register_number
from pipeline.vocab import REGISTERED, REMARKS

_DISPUTED = 0.6  # confidence of a value read two ways, or repaired
_FROM_PROSE = 0.5  # confidence of a parcel only the entry prose names
_PARTLY_CONFIRMED = 0.9  # weakest word's confidence that a parcel the prose does not restate needs
_INCOMPLETE = 0.5  # confidence of parcels read incompletely
_ONE_READING = 0.7  # confidence of parcels whose Flur is inferred from the entry text
_DATE_COLUMNS = REGISTERED.remark + REGISTERED.column  # head words of a date column beside the prose
_PLURALS = ("ungen",)  # "Eintragungen": a heading of the entries, not of one date's column
_SHARED_HEAD_ROWS = 7  # the head row a parcel grid shares with the entries table, and its value rows
_KNOWN = 0.8  # a Gemarkung matched to the gazetteer at least this well is one it knows
# A Flurstück's Zähler has four digits at most but in a very large Flur; five are more often "2381/9" read
# without its slash (a pen's or a cursive type's slash runs into the digit), in every reading of the same hand.
_LONGEST_ZAEHLER = 4
_NO_TABLE = 0.7  # confidence of parcels read where the entries table was not found
UNCERTAIN_SHEET = 0.7  # confidence of any field read from a page that is only the likeliest sheet
_KREIS = re.compile(r"\b[\w-]*kreis(?:es)?\s+[\w-]+", re.IGNORECASE)  # "Rhein-Kreis Neuss", "des Kreises Viersen"
_KREIS_WORD = re.compile(r"kreis(?!stadt)", re.IGNORECASE)  # not "Kreisstadt Grevenbroich"
_DISTRICT_ROW = 0.6  # a municipality read only on a row that names a Kreis: it may be the Kreis's name


def _above_first_remark(rows: list[Row], numbered: int | None) -> int | None:
    """Where the entries table begins when its head went unread: the row above the first remark
    or above the first entry's running number (`numbered`, see `first_numbered_entry`),
    whichever is higher."""
    first_entry = [a for a in find_any(rows, REGISTERED.labels, 0.8)
                   if not inflected(rows[a.row].words[a.start].text, REGISTERED.remark)  # "Eingetragene Baulasten"
                   and not of_grundbuch(rows, a)  # "eingetragen im Grundbuch von ..."
                   and not _introduces(rows, a, numbered)]
    # A remark may close its entry ("Eingetragen am 7. Juni 1971." below the text): the entry's
    # running number, where it stands higher, opens the table.
    starts = [row - 1 for row in (first_entry[0].row if first_entry else None, numbered) if row is not None]
    return max(0, min(starts)) if starts else None


def _introduces(rows: list[Row], anchor: Anchor, numbered: int | None) -> bool:
    """Whether a registration label closes the sentence that introduces the entries ("... ist folgendes
    eingetragen:") above entry 1's running number (row `numbered`): no entry's remark."""
    return numbered is not None and anchor.row < numbered and introduction(rows[anchor.row], anchor)


def extract_parcels(page: OcrPage, rows: list[Row], header_end: int, gazetteer: Gazetteer,
                    header_rows: int | None = None) -> Field | None:
    """The burdened parcels from the sheet header, never trusted where they are incomplete: a
    parcel without its Flur, or a header line naming a Gemarkung and numbers that gave no parcel
    (a misread label: "Eur 75" for "Flurst. 75"). `header_end`: the table's (head) row;
    `header_rows`: where the header ends, if not there (no head row above entry 1)."""
    end = header_end if header_rows is None else header_rows
    header = _without_benefiting([row for row in (_without_grundbuch(row) for row in _without_specks(rows[:end]))
                                  if row.words])
    # A correction between the lines stands where a stray would; read before strays are dropped.
    header, renumbered = amended(without_margin(header, lambda name: _known_gemarkung(name, gazetteer)))
    header = _without_strays(header)
    found, cap = _read_parcels(page, rows, header, header_end, gazetteer, renumbered)
    if found is None:
        return None
    if renumbered:
        cap = min(cap, _DISPUTED)  # a Flurstück renumbered in another hand: a person confirms the new number
    if any(p.flur is None for p in found.value) or _unread_parcel_lines(header) \
            or _gemarkung_rows_unread(header, found.value, gazetteer):
        cap = min(cap, _INCOMPLETE)
    if any(len(p.flurstueck.split("/")[0]) > _LONGEST_ZAEHLER for p in found.value):
        cap = min(cap, _DISPUTED)
    return Field(found.name, found.value, min(found.confidence, cap), found.evidence) if cap < 1.0 else found


_SPECK = 0.4  # of the median word height: a box lower than this that Tesseract did not trust is no word
_SPECK_CONF = 10


def _without_specks(rows: list[Row]) -> list[Row]:
    """The rows without those of specks of dust only, read as a letter ("i" at confidence 0, a few pixels
    high), which would break a parcel list running on to the next line."""
    heights = sorted(w.bbox[3] - w.bbox[1] for row in rows for w in row.words)
    if not heights:
        return rows
    lowest = _SPECK * heights[len(heights) // 2]
    return [row for row in rows if any(w.conf > _SPECK_CONF or w.bbox[3] - w.bbox[1] >= lowest for w in row.words)]


def _known_gemarkung(name: str, gazetteer: Gazetteer) -> bool:
    match = gazetteer.match_gemarkung(name) if len(name) >= 3 else None
    return match is not None and match.score >= _KNOWN


def _without_grundbuch(row: Row) -> Row:
    """The row without its Grundbuch line, which names a Gemarkung of its own ("Grundbuch von
    Zons Blatt 2993"): from the word "Grundbuch" to the end of its text line. A parcel grid's
    values beside it in the same visual row ("Büttgen 1 919 | Grundbuch von") stay."""
    for word in row.words:
        if key(word.text) == "grundbuch":
            line = (word.block, word.par, word.line)
            return Row(tuple(w for w in row.words
                             if not ((w.block, w.par, w.line) == line and w.bbox[0] >= word.bbox[0])))
    return row


def _without_strays(header: list[Row]) -> list[Row]:
    """The header without lines of values only that stand wholly right of the line above: a map's or a plan's
    parcel numbers printed beside the header ("2608/4" right of "Gmk. Kaarst, Flur 34, Flst. 2589"), no
    continuation of a list, which goes on below its line."""
    kept: list[Row] = []
    for row in header:
        values_only = not any(sum(c.isalpha() for c in w.text) >= 3 for w in row.words)
        if kept and values_only and row.bbox[0] > kept[-1].bbox[2]:
            continue
        kept.append(row)
    return kept


def _without_benefiting(header: list[Row]) -> list[Row]:
    """The header without the benefiting parcels' lines: those right after a heading that names them
    ("BEGÜNSTIGTES GRUNDSTÜCK:", "herrschendes Grundstück") and a line such a heading opens. The heading stays:
    a grid under it is left out by the grid's reader (see `grid.benefiting`)."""
    kept: list[Row] = []
    block = False
    for row in header:
        lettered = [key(w.text) for w in row.words if any(c.isalpha() for c in w.text)]
        names = bool(parse_parcels(label_text(row.words), default_gemarkung="?"))
        if benefiting(row) or lettered and lettered[0].startswith(BENEFITING):
            block = True
            if names:
                continue  # "Begünstigtes Grundstück: Gemarkung Zons, Flur 12, Flurstück 77"
        elif block and names:
            continue
        else:
            block = False
        kept.append(row)
    return kept


def _unread_parcel_lines(header: list[Row]) -> bool:
    """Whether a header line names a Gemarkung and at least two numbers but yields no parcel."""
    for row in header:
        numbers = [w for w in row.words if any(c.isdigit() for c in w.text)]
        if len(numbers) >= 2 and any(parcel_label(w.text) == "Gemarkung" for w in row.words) \
                and not parse_parcels(label_text(row.words), default_gemarkung="?"):
            return True
    return False


def _gemarkung_rows_unread(header: list[Row], parcels: tuple[Parcel, ...], gazetteer: Gazetteer) -> bool:
    """Whether a header line opens with a Gemarkung none of the parcels read has, and numbers follow it
    ("Glehn 2 ı012 / 15 3,998 m²", a grid's row whose labels went unread), or with one they have but a
    Flurstück with its Nenner none of them is ("Hülchrath 19 589/39" over captions that did not read): a
    parcel was lost. A grid's row opened by its Gemeinde ("Jüchen | Hochneukirch | 11 | 1158") is read."""
    names = {p.gemarkung for p in parcels}
    flurstuecke = {p.flurstueck for p in parcels}
    for row in header:
        words = [w for w in row.words if any(c.isalnum() for c in w.text)]
        if len(words) < 3 or sum(any(c.isdigit() for c in w.text) for w in words[1:4]) < 2:
            continue
        match = gazetteer.match_gemarkung(words[0].text.strip(",.:;"))
        if match is None or match.score < _KNOWN:
            continue
        if match.name not in names and not any(_names_gemarkung(w, names, gazetteer) for w in words[1:4]):
            return True
        numbers = [w.text.strip(",.:;") for w in words[1:]]
        if match.name in names and any(_FRACTION.match(n) and n not in flurstuecke for n in numbers):
            return True
    return False


_FRACTION = re.compile(r"\d+/\d+$")  # a Flurstück's Zähler and Nenner ("589/39"), never another number


_GEMARKUNG_SHORT = ("gem", "gmk")  # "Gem.", "Gmk.", "Gemkg.": the Gemarkung's label cut short
# A name before its Flur, set off by a comma ("Eisen, Flur 29"): capitalised letters, a hyphen between parts.
_NAMED = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)?,")


def _gemarkung_named(line: str, previous: str, gazetteer: Gazetteer) -> str:
    """A header line that opens with a Gemarkung's name before its Flur, unlabelled ("Jüchen, Flur 13, Flurstücke 14,
    59/23" under a caption "(Gemarkung, Flur, Flurstück)"), with the label the parcels' reader needs. A name the
    gazetteer does not know there ("Eisen," misread) is labelled too: it is the line's Gemarkung, unknown (a person
    looks), never the line above's carried on. Where the `previous` line ends with the label, its name wrapped
    ("Belastet ist das Grundstück in Kaarst, Gemarkung" / "Kaarst, Flur 10, ..."), the line needs none."""
    ending = previous.split()[-1:]
    if ending and parcel_label(ending[0]) == "Gemarkung":
        return line
    parts = line.split()
    for size in (1, 2):  # "Ossum-Bösinghoven, Flur 17", "Neuss Holzheim, Flur 2"
        if len(parts) <= size or parcel_label(parts[size]) != "Flur" \
                or any(parcel_label(p) or key(p).startswith(_GEMARKUNG_SHORT) for p in parts[:size]):
            continue  # "Gemarkung, Flur, Flurstück": a caption of labels; "Gem. Evinghoven Flur 5": labelled
        name = " ".join(parts[:size])
        match = gazetteer.match_gemarkung(name.strip(",;:"))
        if match is not None and match.score >= _KNOWN or _NAMED.fullmatch(name):
            return f"Gemarkung {line}"
    return line


def _names_gemarkung(word: Word, names: set[str], gazetteer: Gazetteer) -> bool:
    """Whether the word names one of the Gemarkungen (as the gazetteer matches it)."""
    match = gazetteer.match_gemarkung(word.text.strip(",.:;"))
    return match is not None and match.score >= _KNOWN and match.name in names


def _read_parcels(page: OcrPage, rows: list[Row], header: list[Row], header_end: int,
                  gazetteer: Gazetteer, renumbered: dict[str, str]) -> tuple[Field | None, float]:
    """The burdened parcels from the sheet header (`header`: its rows above the table
    beginning at `header_end`, the Grundbuch line left out), and the cap on their confidence that
    the reading's doubts set (1.0: none): a grid row of a known Gemarkung left unread (the set is
    incomplete), or an entry's parcel cell read differently from the others (a person looks).
    `renumbered`: the header's Flurstücke corrected between its lines, old number to new; the entry
    text, written before, names them by the old.

    Confidence is that of the weakest word the parcels were read from, raised when the
    entry text names the same parcels (two independent readings agree) and lowered when
    it does not.
    """
    words = [w for row in header for w in row.words]
    lines = [label_text(row.words) for row in header]
    text = "\n".join(_gemarkung_named(line, previous, gazetteer) for previous, line in zip(["", *lines], lines))
    gemarkung_anchor = next(iter(find_labels(header, "Gemarkung", 0.8)), None)
    default = _gemarkung_value(header, gemarkung_anchor, gazetteer) if gemarkung_anchor else None
    # A grid whose labels head columns is read by column; other headers as running text.
    known = lambda name: gazetteer.match_gemarkung(name) is not None if name else False  # noqa: E731
    grid_text, grid_unread = read_grid(header, known)
    parcels = parse_parcels(grid_text, default_gemarkung=default)
    cap = _INCOMPLETE if grid_unread else 1.0
    if not parcels and header_end < len(rows):
        # One head row for the parcel grid and the entries table ("Gemarkung | Flur | Flurstück |
        # Lfd. | Gegenstand der Baulast | Eingetragen"): the parcels stand in the table's rows.
        shared = rows[header_end : header_end + _SHARED_HEAD_ROWS]
        parcels = parse_parcels(grid_parcel_text(shared, known), default_gemarkung=default)
        if parcels:
            words = words + [w for row in shared[1:] for w in row.words if _in_parcel_columns(w, shared[0])]
    if not parcels:
        parcels = parse_parcels(text, default_gemarkung=default)
    column: list[Word] = []
    if not parcels and header_end < len(rows):
        # A register whose entries name their parcels in a column of their own ("Grundstück (Flur,
        # Flurstück) | Inhalt der Baulast"): the sheet's parcels are those the column names.
        found = parcel_column(rows, header_end, default)
        column = list(found.words)
        parcels = parse_parcels(found.text, default_gemarkung=default)
        if not parcels:
            column = []  # the column named none: the prose keeps its words
        kept = _without_lost_slashes(parcels)
        if len(kept) < len(parcels):
            cap = min(cap, _DISPUTED)
        parcels = kept
        words = words + column
    resolved, scores = _resolve(parcels, gazetteer, default)
    prose = [w for w in _entry_words(rows, header_end) if w not in column]
    if not resolved:
        return _first_restated(page, prose, gazetteer), cap
    used = _parcel_words(words, resolved, gazetteer) or words
    if not used:
        return _first_restated(page, prose, gazetteer), cap
    confidence = min(scores) * min(max(0.0, w.conf) for w in used) / 100.0
    restated, restated_scores = _resolve(parse_parcels(" ".join(w.text for w in prose)), gazetteer, None)
    restated = [_renumber(p, renumbered) for p in restated]
    in_entries = set(restated)
    twins = {parcel: other for parcel in resolved for other in in_entries
             if _slash_lost(parcel, other) and parcel.flurstueck == other.flurstueck.replace("/", "")}
    if twins:
        # The entry text names the parcel with its slash too ("7593" in the header and in one entry, "759/3"
        # in another; the same digits): a slash is lost more often than one is read into a number. Read
        # so; a person decides.
        resolved = list(dict.fromkeys(twins.get(parcel, parcel) for parcel in resolved))
        cap = min(cap, _DISPUTED)
    settled = reconcile(resolved, in_entries, words, prose, gazetteer)
    if settled is not None:
        # Header and entry prose read a parcel differently: the likelier reading is kept,
        # and a person decides.
        used = _parcel_words(words, settled, gazetteer) or used
        return Field("parcels", tuple(settled), min(confidence, _DISPUTED), evidence_of(page, used)), cap
    completed = _complete_flur(resolved, in_entries)
    if completed != resolved:
        # A Flur the header lost, taken from the entry text that restates the parcel: one
        # reading only, so it never counts as confirmed; a Flur only inferred for a parcel
        # the entry text does not restate is never trusted.
        # A number the header's row holds where the Flur would stand, other than the entry text's, was the
        # Flur misread or unlabelled ("Hoisten 308 176/11" beside "Flur 39, Flurstück 176/11"): disputed.
        inferred = any(p not in in_entries for p in completed) or _other_flur_in_header(header, resolved, completed)
        confidence = min(confidence, _ONE_READING) if inferred else confidence * 0.95
        return Field("parcels", tuple(dict.fromkeys(completed)), confidence, evidence_of(page, used)), cap
    # "7593" is "759/3" read without its slash
    burdened = {_renumber(p, renumbered) for p in _burdened_in_prose(prose, gazetteer)} - set(twins)
    if burdened and not burdened <= set(resolved):
        # The entry's own clause names a burdened parcel the header reading lacks ("Flurstück 12
        # und 13", the header read "12" only): the header's set is incomplete, however well read.
        # The clause's parcels are burdened too: proposed with the header's, for a person to check.
        added = sorted(burdened - set(resolved), key=lambda p: (p.gemarkung, p.flur or 0, p.flurstueck))
        resolved = [*resolved, *added]
        confidence = min(confidence, _INCOMPLETE)
    elif in_entries and all(p in in_entries for p in resolved):
        # Two readings name the same parcels: each Gemarkung is as sure as the better-spelt of
        # the two ("Liedeeg" in a smudged header, "Liedberg" in the prose).
        best: dict[Parcel, float] = {}
        for parcel, score in zip(restated, restated_scores):
            best[parcel] = max(score, best.get(parcel, 0.0))
        confidence = max(confidence, 0.9 * min(max(score, best[parcel]) for parcel, score in zip(resolved, scores)))
    elif not (any(p in in_entries for p in resolved) and confidence >= _PARTLY_CONFIRMED):
        # Where the prose restates some of the header's parcels (commonly the first only),
        # the others stand on a reading Tesseract was sure of in every glyph, or fall short.
        confidence *= 0.8
    return Field("parcels", tuple(dict.fromkeys(resolved)), confidence, evidence_of(page, used)), cap


def _renumber(parcel: Parcel, renumbered: dict[str, str]) -> Parcel:
    """The parcel under the number the header's correction gave it."""
    new = renumbered.get(parcel.flurstueck)
    return dataclasses.replace(parcel, flurstueck=new) if new else parcel


# Where the entry text's clause naming the burdened parcels ends: "Der jeweilige Eigentümer des
# Grundstücks Gemarkung Zons, Flur 3, Flurstück 12 verpflichtet sich ..."
# The words after the verb end it too, where the verb is misread ("verp' lichtet sich gegenüber").
_BURDENED_CLAUSE_END = ("verpflicht", "ubernimm", "ubernehm", "duldet", "gestattet", "zugunsten", "gegenuber")
_BURDENED_CLAUSE_END_WORDS = {"sich", "fur"}


def _burdened_in_prose(prose: list[Word], gazetteer: Gazetteer) -> set[Parcel]:
    """The parcels the first entry's text names before it says what their owner undertakes: the
    burdened ones, restated. Empty where no such clause is found."""
    clause: list[str] = []
    for word in prose:
        if key(word.text).startswith(_BURDENED_CLAUSE_END) or key(word.text) in _BURDENED_CLAUSE_END_WORDS:
            found, scores = _resolve(parse_parcels(" ".join(clause)), gazetteer, None)
            # Only parcels read whole: a known Gemarkung ("Gemarkung gel. Hoisten": a margin note
            # read into the line names none) and a Flur.
            return {p for p, score in zip(found, scores) if p.flur is not None and score >= _KNOWN}
        clause.append(word.text)
    return set()


def _in_parcel_columns(word: Word, head: Row) -> bool:
    """Whether a word stands left of the first head word after the parcel labels (the parcel
    grid's part of a head row it shares with the entries table)."""
    labels = [w for w in head.words if parcel_label(w.text)]
    after = [w for w in head.words if labels and w.bbox[0] > labels[-1].bbox[2]]
    return bool(labels) and (not after or (word.bbox[0] + word.bbox[2]) // 2 < after[0].bbox[0])


def _without_lost_slashes(parcels: list[Parcel]) -> list[Parcel]:
    """The parcels without those that repeat another of their Flur with its slash lost ("2294" beside
    "229/4", "10780" beside "107/30"): an entries' column names the same parcels again and again."""
    return [parcel for parcel in parcels if not any(_slash_lost(parcel, other) for other in parcels)]


def _slash_lost(parcel: Parcel, other: Parcel) -> bool:
    """Whether a parcel reads as the other with its slash lost (or read as a digit): "2294" for "229/4"."""
    return "/" not in parcel.flurstueck and "/" in other.flurstueck \
        and other.flur == parcel.flur and other.gemarkung == parcel.gemarkung \
        and parcel.flurstueck.startswith(other.flurstueck.split("/")[0]) \
        and Levenshtein.distance(parcel.flurstueck, other.flurstueck.replace("/", "")) <= 1


def _first_restated(page: OcrPage, prose: list[Word], gazetteer: Gazetteer) -> Field | None:
    """Where the header yields no parcel: the first parcel the entry prose names, which is
    the burdened one ("Der jeweilige Eigentümer des Grundstücks Gemarkung ..."). One reading,
    and the header may list more parcels: a person must confirm it."""
    for parcel in parse_parcels(" ".join(w.text for w in prose)):
        match = gazetteer.match_gemarkung(parcel.gemarkung)
        if match is not None and parcel.flur is not None:
            found = Parcel(match.name, parcel.flur, parcel.flurstueck)
            used = _parcel_words(prose, [found], gazetteer) or prose
            return Field("parcels", (found,), _FROM_PROSE, evidence_of(page, used[:8]))
    return None


def _entry_words(rows: list[Row], table_top: int) -> list[Word]:
    """The running text of the entries: the rows below the table head, without the remarks
    column ("Bemerkungen": dates, signatures) whose words stand between the prose's lines.
    Joined with spaces, the prose flows from one line to the next.

    The words keep Tesseract's reading order (block, paragraph, line), not the visual rows':
    a margin note or a second column beside the prose shares its rows, and row by row the
    two would be shuffled into each other ("Gemarkung Jüchen, Neuss, sich Flur ...")."""
    if table_top >= len(rows):
        return []
    head = rows[table_top]
    remarks_cut = date_cut = 10**9
    # Not a word of an enumeration heading the prose column ("Eintragungen, Änderungen und Löschungen":
    # "Änderungen" reads much like "Anmerkungen").
    remarks = next((a for a in find_any([head], REMARKS, 0.75) if not _enumerated(head.words, a)), None)
    if remarks is not None:
        remarks_cut = head.words[remarks.start].bbox[0] - head.height
    # A date column right of the prose ("Eingetragen", "Eintragung" standing alone) is cut off too.
    middle = (head.bbox[0] + head.bbox[2]) // 2
    for anchor in find_any([head], _DATE_COLUMNS, 0.8):
        left = head.words[anchor.start].bbox[0]
        before = key(head.words[anchor.start - 1].text) if anchor.start else ""
        # "Eintragungen" is the entries' heading over the prose, no date column's head.
        plural = key(head.words[anchor.start].text).endswith(_PLURALS)
        if left > middle and before not in ("der", "des") and not plural:
            date_cut = min(date_cut, left - head.height)
    cut, beyond = min(remarks_cut, date_cut), max(remarks_cut, date_cut)
    # A line that runs on across the cut to the next column's edge is prose (see _run_on_across).
    reach = min(beyond, head.bbox[2]) - 2 * _WORD_GAP * head.height
    words = [w for row in rows[table_top + 1 :] for w in _run_on_across(row, cut, reach)]
    return sorted(words, key=lambda w: (w.block, w.par, w.line, w.bbox[0]))


_WORD_GAP = 1.0  # row heights between two words of one line of prose, at most (a column's gap is wider)


def _enumerated(words: tuple[Word, ...], anchor: Anchor) -> bool:
    """Whether a head's label stands in an enumeration: after a comma, or before "und"."""
    before = words[anchor.start - 1].text if anchor.start else ""
    after = key(words[anchor.end].text) if anchor.end < len(words) else ""
    return before.endswith(",") or after in ("und", "u")


def _run_on_across(row: Row, cut: int, reach: int) -> list[Word]:
    """The row's words left of the cut, and the rest of a line that runs on across it, a word's space
    apart, to the next column's edge (`reach`) without a date among them: the entries' texts below a
    summary table run under its date columns ("Zu Nr. 1: ... Flurstück 643/5"), and a head's word taken
    for a column's may head none. A ledger's date or signature beside the prose, however close, stands
    in its own column and ends no line there."""
    line = sorted(row.words, key=lambda w: w.bbox[0])
    kept = [w for w in line if (w.bbox[0] + w.bbox[2]) // 2 < cut]
    if not kept:
        return kept
    across: list[Word] = []
    for word in line[line.index(kept[-1]) + 1 :]:
        if word.bbox[0] - (across or kept)[-1].bbox[2] > _WORD_GAP * row.height:
            break
        across.append(word)
    if across and across[-1].bbox[2] >= reach and not find_dates(" ".join(w.text for w in across)):
        return kept + across
    return kept


def _other_flur_in_header(header: list[Row], read: list[Parcel], completed: list[Parcel]) -> bool:
    """Whether a header row that names a completed parcel's Flurstück holds another number between its
    Gemarkung and the Flurstück than the Flur the entry text gave."""
    flurstuecke = {p.flurstueck.replace("/", "") for p in completed}  # the row's other Flurstücke
    for before, after in zip(read, completed):
        if before.flur is not None or after.flur is None:
            continue
        for row in header:
            at = next((i for i, w in enumerate(row.words) if w.text.strip(",.;") == after.flurstueck), None)
            name = next((i for i, w in enumerate(row.words[:at]) if key(w.text) == key(after.gemarkung)), None) \
                if at is not None else None
            if name is None:
                continue
            numbers = ["".join(c for c in w.text if c.isdigit()) for w in row.words[name + 1 : at]]  # "17_": 17
            if any(number and number != str(after.flur) and number not in flurstuecke for number in numbers):
                return True
    return False


def _complete_flur(header: list[Parcel], in_entries: set[Parcel]) -> list[Parcel]:
    """Header parcels whose Flur is missing, completed from the entry text where it names the
    same Gemarkung and Flurstück under exactly one Flur."""
    completed = []
    for parcel in header:
        if parcel.flur is None:
            flure = {p.flur for p in in_entries
                     if p.gemarkung == parcel.gemarkung and p.flurstueck == parcel.flurstueck and p.flur is not None}
            if len(flure) == 1:
                parcel = Parcel(parcel.gemarkung, flure.pop(), parcel.flurstueck)
        completed.append(parcel)
    # Flurstücke the header lists under one unreadable Flur label share that Flur: where the
    # entry text restates some of them under one Flur, the others are in it too.
    found = {p.flur for p in completed if p.flur is not None}
    if all(p.flur is None for p in header) and len(found) == 1 and len({p.gemarkung for p in header}) == 1:
        flur = found.pop()
        completed = [Parcel(p.gemarkung, flur, p.flurstueck) if p.flur is None else p for p in completed]
    return completed


def _resolve(parcels: list[Parcel], gazetteer: Gazetteer, default: str | None) -> tuple[list[Parcel], list[float]]:
    """Parcels with their Gemarkung matched to the gazetteer, and the match scores."""
    resolved: list[Parcel] = []
    scores: list[float] = []
    for parcel in parcels:
        # The header's Gemarkung stands in only for a parcel that names none of its own: an
        # unknown name must stay visible (validation flags it), not be replaced.
        name = parcel.gemarkung or default
        match = gazetteer.match_gemarkung(name) if name else None
        resolved.append(Parcel(match.name if match else (name or ""), parcel.flur, parcel.flurstueck))
        scores.append(match.score if match else 0.3)
    return resolved, scores


def _parcel_words(words: list[Word], parcels: list[Parcel], gazetteer: Gazetteer) -> list[Word]:
    """The header words the parcels were read from: Gemarkung, Flur and Flurstück numbers."""
    flurstuecke = {p.flurstueck for p in parcels}
    flure = {p.flur for p in parcels if p.flur is not None}
    gemarkungen = {p.gemarkung for p in parcels}
    used = []
    for word in words:
        token = word.text.strip(",;.:()")
        if not token:
            continue
        if parse_flurstueck(token) in flurstuecke or digits_to_int(token) in flure:
            used.append(word)
        elif len(token) >= 4 and (match := gazetteer.match_gemarkung(token)) and match.name in gemarkungen:
            used.append(word)
    return used


def _gemarkung_value(rows: list[Row], anchor: Anchor, gazetteer: Gazetteer) -> str | None:
    """The Gemarkung name right of its label or below it, matched against the gazetteer."""
    for candidate in (words_right_of(rows, anchor, 3), words_below(rows, anchor)):
        for size in (1, 2, 3):
            text = " ".join(w.text.strip(",;:") for w in candidate[:size])
            match = gazetteer.match_gemarkung(text) if text else None
            if match:
                return match.name
    return None


def extract_municipality(page: OcrPage, rows: list[Row], header_end: int, gazetteer: Gazetteer,
                         parcels: Field | None) -> Field | None:
    """The municipality where the parcel lies: from the Gemarkung, else from the header."""
    from_header: Field | None = None
    for row in rows[: max(1, header_end)]:
        # "Rhein-Kreis Neuss" names the district that keeps the register, not a municipality.
        match = gazetteer.find_municipality_in(_KREIS.sub(" ", row.text))
        if match is None:
            continue
        confidence = match.score * mean_confidence(list(row.words))
        if _KREIS_WORD.search(row.text):
            # The district's row, read out of order ("Der Rhein-Kreis Landrat Neuss"): the name
            # left may still be the Kreis's. A later row naming a municipality is the one.
            if from_header is None:
                from_header = Field("municipality", match.name, min(confidence, _DISTRICT_ROW),
                                    evidence_of(page, list(row.words)))
            continue
        from_header = Field("municipality", match.name, confidence, evidence_of(page, list(row.words)))
        break
    if parcels and parcels.value:
        names = {gazetteer.municipality_of(p.gemarkung) for p in parcels.value}
        if len(names) == 1 and None not in names:
            name = names.pop()
            confidence = parcels.confidence
            if from_header is not None and from_header.value == name:
                confidence = max(confidence, from_header.confidence)
            return Field("municipality", name, confidence, parcels.evidence)
    return from_header


def extract(page: OcrPage, gazetteer: Gazetteer) -> Extraction:
    """All fields of a Baulastenblatt page."""
    rows = stacked_fractions(rows_of(page))
    head = table_head(rows)
    numbered = first_numbered_entry(rows) if head is None else None
    table_top = head if head is not None else _above_first_remark(rows, numbered)
    header_end = table_top if table_top is not None else len(rows)
    # Without a head row above entry 1's running number, the row just above it is the header's last.
    header_rows = numbered if head is None and numbered is not None and table_top == numbered - 1 else header_end
    if head is None and (formula := formula_row(rows)) is not None and formula < header_rows:
        header_rows = formula  # "Der jeweilige Eigentümer ...": entry 1's text begins
        if table_top is None:
            header_end = formula - 1  # the entry text, read for the parcels it restates, begins there too
    register_number = extract_register_number(page, rows[: max(header_rows, 1)] or rows, lone=True)
    if register_number is None and (footer := _footer(page, rows[max(header_rows, 1) :])):
        # A register program's footer names the sheet it closes ("Baulastenblatt 2102 - Stand: 31.08.2023 -
        # Seite 1 von 1"), below the entries, apart from them.
        register_number = extract_register_number(page, footer)
    if register_number is None:
        # Outside the header a number after "Baulastenblatt" may be a cross-reference in the
        # entry text ("siehe Baulastenblatt Nr. 345"): keep it for the reviewer, never trust it.
        found = extract_register_number(page, rows)
        if found is not None:
            register_number = Field(found.name, found.value, min(found.confidence, 0.5), found.evidence)
    parcels = extract_parcels(page, rows, header_end, gazetteer, header_rows)
    by_number = numbered is not None and table_top == numbered - 1  # entry 1's running number opens the table
    if head is None and parcels is not None and not by_number and not grid_parcel_text(rows[:header_rows]):
        # Without the table's head the header's end is a guess (or the whole page): the entry
        # text's benefiting parcels may stand among the burdened ones ("Eingetragen am ..."
        # closing an entry, not opening it), and nothing tells them apart. A grid headed
        # "Gemarkung | Flur | Flurstück" is the header's own, wherever the header ends, and a
        # header that ends above entry 1's running number ("1.) Der jeweilige ...") holds no entry.
        parcels = Field(parcels.name, parcels.value, min(parcels.confidence, _NO_TABLE), parcels.evidence)
    entries, date = extract_entries(page, rows, table_top or 0, head_read=head is not None)
    municipality = extract_municipality(page, rows, header_rows, gazetteer, parcels)
    extraction = Extraction(
        municipality=municipality, register_number=register_number, parcels=parcels, date=date,
        entries=tuple(entries), sheet_page=page.number,
    )
    return _capped(extraction, _DISPUTED) if _two_sheets(page, rows) else extraction


def _two_sheets(page: OcrPage, rows: list[Row]) -> bool:
    """Whether the two pages side by side on a scan (see `spread_fold`) name two sheets by their numbers: a bound
    book opened on one sheet's last page and the next one's first. Which of them the file is for, and which
    page's entries are its first, a person tells."""
    fold = spread_fold(page)
    if fold is None:
        return False
    halves = ([row for row in rows if row.bbox[2] <= fold], [row for row in rows if row.bbox[0] > fold])
    numbers = {found.value for half in halves if (found := extract_register_number(page, half)) is not None}
    return len(numbers) > 1


_FOOTER_ZONE = 0.85  # of the page's height: a footer's line stands below this
_FOOTER_GAP = 4  # row heights between a footer and the text above it, at least


def _footer(page: OcrPage, rows: list[Row]) -> list[Row]:
    """The page's footer: its last rows, low on the page and well apart from the text above them."""
    footer: list[Row] = []
    for index in range(len(rows) - 1, 0, -1):
        row = rows[index]
        if row.bbox[1] < _FOOTER_ZONE * page.height:
            break
        footer.insert(0, row)
        if row.bbox[1] - rows[index - 1].bbox[3] >= _FOOTER_GAP * row.height:
            # Only a line the sheet's name opens ("Baulastenblatt 2102 - Stand: ..."): "Fortsetzung auf
            # Baulastenblatt 2103" or "Formular Baulastenblatt Nr. 17" names another sheet or a form. A form's
            # footer box has the number below the name ("Baulastenverzeichnisblatt:" over "1090"): the line below
            # a named line without a digit is kept too.
            named = [key(r.words[0].text).startswith(_FOOTER_NAMES) for r in footer]
            return [r for i, r in enumerate(footer) if named[i] or i and named[i - 1] and not _has_digit(footer[i - 1])]
    return []


def _has_digit(row: Row) -> bool:
    return any(c.isdigit() for w in row.words for c in w.text)


_FOOTER_NAMES = ("baulastenblatt", "baulastenverzeichnis", "blatt")


def from_likeliest_sheet(extraction: Extraction, page: OcrPage, scores: list[float], index: int,
                         gazetteer: Gazetteer) -> Extraction:
    """The fields of a page that is only the likeliest sheet: trusted where the page reads as a register
    sheet in every field, names a registration and states a Baulast, and no other page of the file may be
    a sheet; otherwise capped (`from_uncertain_sheet`).

    The page classifier knows a sheet by the words of known forms; each field reader knows its field by
    broader vocabularies (a register number under its label, parcels of known Gemarkungen with their
    Flur). A page on which all of them read their field as surely as validation demands of a sure sheet,
    which names a registration in a register's words ("Eingetragen", "Eintragungsdatum", "Tag der
    Eintragung", not a bare "Datum") and whose entries state a Baulast (a Baulast's type, or the owner's
    formula "Der jeweilige Eigentümer"), is a register sheet in wordings the classifier does not know. An
    Akte's cover sheet, a fee notice or another register's extract may read a number, a parcel and a date
    as surely, but state no Baulast registered. `scores`: the file's pages' sheet scores; `index`: the
    page's place among them."""
    rival = any(score >= WEAK_SHEET_THRESHOLD for other, score in enumerate(scores) if other != index)
    if not rival and _names_registration(page) and _states_a_baulast(page, extraction) \
            and not any(f.severity == "error" for f in validate(extraction, gazetteer)):
        return extraction
    return from_uncertain_sheet(extraction)


# A registration in a register's own words (not "Datum" or "Eintragung" alone, which head other lists' columns).
_REGISTRATION_WORDS = REGISTERED.remark + REGISTERED.dated + REGISTERED.head_only + tuple(
    wording for wording in REGISTERED.column if wording not in ("Datum", "Eintragung"))
_FORMULA_STEMS = ("jeweiligeeigentum", "jeweiligeneigentum")


def _names_registration(page: OcrPage) -> bool:
    return bool(find_any(rows_of(page), _REGISTRATION_WORDS, 0.8))


def _states_a_baulast(page: OcrPage, extraction: Extraction) -> bool:
    """Whether an entry names a Baulast's type, or the page the owner's formula ("Der jeweilige Eigentümer")."""
    if any(entry.type != "Sonstige" for entry in extraction.entries):
        return True
    words = [key(w.text) for w in page.words]
    return any((a + b).startswith(_FORMULA_STEMS) for a, b in zip(words, words[1:]))


def from_uncertain_sheet(extraction: Extraction) -> Extraction:
    """The fields of a page that is only the likeliest sheet (unknown wordings, a poor scan):
    none is sure, however well it was read, for the page itself may be another document."""
    return dataclasses.replace(_capped(extraction, UNCERTAIN_SHEET), sheet_certain=False)


def _capped(extraction: Extraction, cap: float) -> Extraction:
    """The extraction with no core field surer than `cap`."""
    capped = {
        name: Field(value.name, value.value, min(value.confidence, cap), value.evidence)
        for name in ("municipality", "register_number", "parcels", "date")
        if (value := getattr(extraction, name)) is not None
    }
    return dataclasses.replace(extraction, **capped)
