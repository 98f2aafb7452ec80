"""The entries table of a Baulastenblatt: every entry with its Lfd. Nr., Baulast type,
Eintragungsdatum and Löschungsdatum, and the date field (entry 1's Eintragungsdatum).

Each entry's remark ("Eingetragen am ...", "Gelöscht am ...") is read beside or below its
label; where Tesseract dropped the running numbers, the remarks mark where entries begin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from baulast.dates import comb_date, find_damaged_date, find_dates, is_plausible_register_date
from baulast.model import Entry, Field, OcrPage, Word
from pipeline.layout import (
    Anchor,
    Row,
    evidence_of,
    find_any,
    find_labels,
    is_leader,
    key,
    mean_confidence,
    starts_like,
    word_score,
    words_below,
    words_right_of,
)
from pipeline.vocab import DELETED, EVENT_WORDS, OTHER_ACTS, REGISTERED, LabelSet, names_grundbuch

REPAIRED = 0.6  # confidence of a date repaired from a damaged reading

BAULAST_TYPES = (
    # (type, stems that name it in the entry text), first match wins
    ("Vereinigungsbaulast", ("vereinigung", "einbaugrundstuck", "einheitlichesbaugrundstuck")),
    ("Abstandflächenbaulast", ("abstandflach", "abstandsflach")),
    ("Stellplatzbaulast", ("stellplatz", "einstellplatz", "garage")),
    ("Erschließungsbaulast", ("erschliess", "erschlies")),
    ("Zufahrtsbaulast", ("zufahrt", "zugang", "uberfahrt", "zuwegung")),
    ("Anbaubaulast", ("anbau", "grenzbebauung", "anzubauen", "grenzbau")),
    ("Leitungsbaulast", ("leitung", "kanal")),
)


@dataclass(frozen=True)
class Remark:
    """A date the table gives one entry (registered or deleted): the row, the date and the
    words it was read from (label and value), the label's match and whether it was repaired."""

    row: int
    date: dt.date | None
    words: tuple[Word, ...]
    score: float
    repaired: bool = False


def remarks(table: list[Row], vocabulary: LabelSet, head_read: bool = True) -> list[Remark]:
    """Every dated remark of one kind in the table, top to bottom (see `_remarks`). Only where the
    head's first line heads no column that gives a date, nor any label in the rows, does a column the
    head's second line heads ("Tag d." over "Eintr.") give its dates."""
    found = _remarks(table, vocabulary, head_read)
    if head_read and not any(remark.date for remark in found) and continues_head(table):
        found = _remarks(table, vocabulary, head_read, second_line=True)
    return found


def _remarks(table: list[Row], vocabulary: LabelSet, head_read: bool, second_line: bool = False) -> list[Remark]:
    """Every dated remark of one kind in the table, top to bottom.

    A label in an entry's rows ("Eingetragen am 12.03.1987", "Tag der Eintragung: ...") gives
    the date beside or below it; a label heading a column of the table ("Eintragungsdatum")
    gives the dates standing in that column, one per entry. `head_read`: whether the table's
    first row is its head; only then do its column-only wordings ("Datum") head a date column.
    """
    found: dict[int, Remark] = {}
    taken: set[int] = set()  # date words already a remark's: one date is never two entries'
    heads = _column_heads(table, vocabulary, second_line) if head_read else []
    second = [a for a in heads if a.row == 1]
    column_only = {id(a) for a in heads}  # wordings that head a date column and label nothing else ("Datum")
    anchors = find_any(table, vocabulary.labels, 0.8) + heads
    anchors += _inline_labels(table, vocabulary)
    anchors += find_any(table[:2], vocabulary.head_only, 0.8) if head_read and vocabulary.head_only else []
    anchors = [a for a in anchors if not _lookalike(table[a.row].words[a.start : a.end], vocabulary)
               and not of_grundbuch(table, a) and not _cited_entry(table[a.row], a)]
    for remark in _event_dates(table, vocabulary):
        found.setdefault(remark.row, remark)
        taken.update(id(w) for w in remark.words)
    # Remark wordings first: a prose word near the same date must not claim it.
    strong = {id(a) for a in anchors if _is_one_of(table[a.row].words[a.start : a.end], vocabulary.remark)}
    for anchor in sorted(anchors, key=lambda a: id(a) not in strong):
        label_words = table[anchor.row].words[anchor.start : anchor.end]
        # Only a head that names the registration itself ("Eingetr.") widens its column: a Vermerke column
        # ("Eintragungs- und Löschungsvermerke") holds stamps of other acts too.
        widen = vocabulary is REGISTERED and id(anchor) in strong
        heading = anchor.row == 0 and (head_read or not introduction(table[0], anchor)) or anchor in second
        if heading and (column := _column_head(table, anchor, widen)):
            for remark in column:
                # The cell alone is the evidence: a box from the column's head down to the date
                # would hold other entries' lines, and its second reading would dispute nothing.
                # It dates a label beside it that found no date of its own ("15.04.1987 | eingetragen").
                # A label in the cell that took the date already ("eingetr." over it) dated it as this.
                if any(id(w) in taken for w in remark.words):
                    continue
                if remark.row not in found or found[remark.row].date is None:
                    found[remark.row] = Remark(remark.row, remark.date, remark.words, anchor.score, remark.repaired)
                    taken.update(id(w) for w in remark.words)
            continue
        after = table[anchor.row].words[anchor.end : anchor.end + 1]
        if id(anchor) in column_only and not any(c.isdigit() for w in after for c in w.text):
            # Its column gave no date (another act's, a deletion's): nor does the date below it. A
            # date right after it ("EINTRAGUNG: 83.11.1988") is the label's own.
            continue
        date, used, repaired = _date_near(table, anchor)
        if date is None and id(anchor) not in strong:
            continue  # a `dated` wording without a date is a word of the prose, no remark
        if date is None and inflected(label_words[0].text, vocabulary.remark):
            continue  # "Eingetragene Baulasten": a heading, no entry's remark
        if any(id(w) in taken for w in used):
            continue
        taken.update(id(w) for w in used)
        found.setdefault(anchor.row, Remark(anchor.row, date, label_words + tuple(used), anchor.score, repaired))
    return [found[row] for row in sorted(found)]


def _cited_entry(row: Row, anchor: Anchor) -> bool:
    """Whether "Eintrag am/vom" stands inside a sentence ("ersetzt den Eintrag vom 01.02.1980": an earlier
    entry cited), not opening its line as an extract's field does ("Eintrag am 01.01.2012")."""
    word = row.words[anchor.start]
    if key(word.text) not in ("eintrag", "eintragam", "eintragvom"):
        return False  # "Eintragung vom", also misread ("Eintragun vom")
    reach = 2 * (word.bbox[3] - word.bbox[1])  # the sentence's words stand a space apart; another column's further
    return any(any(c.isalnum() for c in w.text) and 0 <= word.bbox[0] - w.bbox[2] <= reach
               for w in row.words[: anchor.start])


def introduction(row: Row, anchor: Anchor) -> bool:
    """Whether a label closes its row's sentence with a colon ("... ist folgendes eingetragen:"), a word of it
    a space before: it introduces the entries below, and heads no column of dates."""
    words = row.words
    if anchor.end != len(words) or not words[anchor.end - 1].text.endswith(":") or anchor.start == 0:
        return False
    before, label = words[anchor.start - 1], words[anchor.start]
    return 0 <= label.bbox[0] - before.bbox[2] <= label.bbox[3] - label.bbox[1]


def _lookalike(words: tuple[Word, ...], vocabulary: LabelSet) -> bool:
    """Whether a one-word label reads more like a word that names something else ("EINGEGANGEN",
    "EINSEGANGEN": a receipt stamp, not "Eingetragen")."""
    if len(words) != 1 or not vocabulary.lookalikes:
        return False
    label = max(word_score(words[0].text, wording) for wording in vocabulary.labels + vocabulary.column)
    return any(word_score(words[0].text, other) > label for other in vocabulary.lookalikes)


def of_grundbuch(rows: list[Row], anchor: Anchor) -> bool:
    """Whether the words right after a label give it to the Grundbuch ("eingetragen im Grundbuch von
    Hemmerden Blatt 8103", also where the sentence wraps after "eingetragen"): the property's entry there,
    no Baulast's registration."""
    row = rows[anchor.row]
    after = list(row.words[anchor.end : anchor.end + 3])
    if len(after) < 3 and anchor.row + 1 < len(rows):
        # The sentence wraps onto the next row in its own column: a sidebar's words left of where the label's row
        # begins ("Grundbuch" under "Gemeinde" beside "eingetragen seit 29.09.2016") are another column's.
        column = row.words[0].bbox[0] - 2 * row.height
        after += [w for w in rows[anchor.row + 1].words if w.bbox[2] > column][: 3 - len(after)]
    return any(names_grundbuch(key(w.text)) for w in after)


def names_other_act(words: list[Word] | tuple[Word, ...]) -> bool:
    """Whether the words name an act whose date is no registration's nor deletion's: a receipt, a
    check, a copy issued, a file note (see `vocab.OTHER_ACTS`)."""
    return any(key(w.text).startswith(OTHER_ACTS) for w in words)


def _inline_labels(table: list[Row], vocabulary: LabelSet) -> list[Anchor]:
    """The wordings that label a date only where the date follows them at once, below the table's
    first row ("EINTRAGUNG: 15.06.1992 ERKL. VOM: ..."): not "Inhalt der Eintragung", nor the
    prose's "mit der Eintragung"."""
    found = []
    for anchor in find_any(table[1:], vocabulary.inline, 0.8) if vocabulary.inline else []:
        words = table[anchor.row + 1].words
        if _longer_or_of(words, anchor, vocabulary.inline, 0):
            continue  # "der Eintragung", "Eintragungen"
        after = " ".join(w.text for w in words[anchor.end : anchor.end + 3])
        if (match := next(iter(find_dates(after)), None)) is not None and match.start == 0:
            found.append(Anchor(anchor.row + 1, anchor.start, anchor.end, anchor.score))
    return found


EVENT_SCORE = 1.0  # an event list's row: a date and what happened on it, as plainly as "Eingetragen am"


def _event_dates(table: list[Row], vocabulary: LabelSet) -> list[Remark]:
    """The rows of an event list (Datum | Vorgang) opened by a date whose event is of this kind,
    told in words that name nothing else: "03.05.2005 Eintragung der Baulast", "10.08.2020
    Baulast eingetragen". Not "Antrag auf Eintragung", "Eintragung der Änderung" nor a date
    in the prose."""
    found = []
    for index, row in enumerate(table):
        words = [w for w in row.words if any(c.isalnum() for c in w.text)]
        match = next(iter(find_dates(" ".join(w.text for w in words[:3]))), None)
        if match is None or match.start != 0:
            continue
        used = [w for w in words[:3] if w.text in match.raw or match.raw in w.text]
        # Words of two letters or less that are none of the event's are specks ("oo." after it).
        event = [w for w in words[len(used) :]
                 if sum(c.isalpha() for c in w.text) >= 3 or _is_one_of((w,), EVENT_WORDS)]
        # The event's own word, not a longer one it begins ("Eintragungsverfügung": the order to register).
        named = [w for w in event if _is_one_of((w,), vocabulary.event)
                 and len(key(w.text)) <= max(len(key(label)) for label in vocabulary.event) + 2]
        others = [w for w in event if w not in named and not _is_one_of((w,), EVENT_WORDS)]
        # The event follows its date within a column's gap; far from it, the "eingetragen am" of
        # a stamp beside another stamp's date ("EINGEGANGEN 25. OKT. 1972") merely shares a line.
        gap = event[0].bbox[0] - used[-1].bbox[2] if used and event else 0
        apart = gap > _FAR * (used[-1].bbox[3] - used[-1].bbox[1]) if used else False
        if used and named and not others and len(event) <= 5 and not apart:
            found.append(Remark(index, match.value, tuple(used + named), EVENT_SCORE))
    return found


_ENDINGS = ("e", "en", "er", "es", "em")


def inflected(text: str, labels: tuple[str, ...]) -> bool:
    """Whether a word is one of the labels with a grammatical ending ("Eingetragene" for
    "Eingetragen"): an adjective, no remark's label."""
    folded = key(text)
    return any(folded[len(key(label)) :] in _ENDINGS and folded.startswith(key(label)) for label in labels)


def _is_one_of(words: tuple[Word, ...], labels: tuple[str, ...]) -> bool:
    """Whether the words read as one of the labels."""
    return any(find_labels([Row(words)], label, 0.8) for label in labels)


_UNREAD_DATE_DIGITS = 4  # digits in a date column's cell, opened by a day ("25."), that must be a date
_DAY = re.compile(r"\d{1,2}\.")
_OF = {"der", "des", "d"}  # "Inhalt der Eintragung", "Datum der Erklärung": the column holds something else


def _column_heads(table: list[Row], vocabulary: LabelSet, second_line: bool = False) -> list[Anchor]:
    """The table head's labels that name the date only as a column's head ("Eintragung",
    "Datum"), where they head a column of their own: not "Inhalt der Eintragung" nor "Datum
    der Erklärung"."""
    if not table or not vocabulary.column:
        return []
    heads = []
    for row in (0, 1) if second_line else (0,):
        words = table[row].words
        # A head's second line may end a label its first line began, abbreviated ("Tag d." over "Eintr.").
        wordings = vocabulary.column + (vocabulary.second_line if row else ())
        for anchor in find_any(table[row : row + 1], wordings, 0.8):
            after = key(words[anchor.end].text) if anchor.end < len(words) else ""
            # Not a longer word that begins like one ("Eintragungsvermerk": the remarks column).
            if not _longer_or_of(words, anchor, wordings, 1) and after not in _OF \
                    and (row == 0 or _dated_above(table[0], words[anchor.start])):
                heads.append(Anchor(row, anchor.start, anchor.end, anchor.score))
    return heads


# Stems of a date column's head over a second line's "Eintragung" ("Tag der", "Tägd.", "Datum der"); "Inhalt der"
# over it heads the entry's text.
_DATE_HEADS = ("tag", "dat")


def _dated_above(head: Row, word: Word) -> bool:
    """Whether the head's first line over a second line's word names a date ("Tag d." over "Eintr.") or
    nothing at all; "Inhalt der" over "Eintragung" heads the entry's text."""
    reach = word.bbox[3] - word.bbox[1]
    above = [w for w in head.words if w.bbox[0] < word.bbox[2] + reach and w.bbox[2] > word.bbox[0] - reach]
    return not above or any(key(w.text).startswith(_DATE_HEADS) for w in above)


def continues_head(table: list[Row]) -> bool:
    """Whether the table's second row is its head's second line ("Lfd. | Eingang d. | ... | Tag d." over
    "Nr. | Erklärung | ... | Eintr."): right under the head, no digit in it, every word under the head's span."""
    if len(table) < 2 or not table[1].words:
        return False
    head, below = table[0], table[1]
    reach = _CAPTION_REACH * head.height  # a caption under a centred head runs wider than it ("(Gemarkung, Flur, ...)")
    return below.bbox[1] - head.bbox[3] < head.height \
        and not any(c.isdigit() for w in below.words for c in w.text) \
        and all(head.bbox[0] - reach <= w.bbox[0] and w.bbox[2] <= head.bbox[2] + reach for w in below.words)


_CAPTION_REACH = 3  # head heights a word of the head's second line may stand beyond the first line's span


def _longer_or_of(words: tuple[Word, ...], anchor: Anchor, labels: tuple[str, ...], slack: int) -> bool:
    """Whether the label's words spell a longer word than any of the labels (by more than `slack`
    letters) or follow "der"/"des" ("Inhalt der Eintragung"): no date's label of its own."""
    before = key(words[anchor.start - 1].text) if anchor.start > 0 else ""
    spelled = key("".join(w.text for w in words[anchor.start : anchor.end]))
    return before in _OF or len(spelled) > max(len(key(label)) for label in labels) + slack


_CELL_WORDS = 3  # words of a date column's cell besides the date (a place, a signature); more are prose


def _column_head(table: list[Row], anchor: Anchor, widen: bool = False) -> list[Remark]:
    """The dates of the column a head label heads, on the head's first line or, where the head has two
    lines, its second ("Tag d." over "Eintr."); [] for a label below the head. `widen`: a column every entry
    has a date in (the registration's, not the deletion's) may reach further left than its head."""
    if anchor.row == 0:
        dates = _column_dates(table, anchor)
        if any(remark.date for remark in dates) or anchor.start == 0 or not widen:
            return dates
        # No date under the head word: the column may reach further left than its head (a pen's date in a
        # wide cell, "17.8.61" left of "Eingetr. (Tag/Unterschr.)"), up to halfway to the head word before it.
        head = table[0].words
        left = (head[anchor.start - 1].bbox[2] + head[anchor.start].bbox[0]) // 2
        right = head[anchor.end].bbox[0] if anchor.end < len(head) else 10**9
        # Only a date opening its cell there: "Dormagen, den 28.02.1990" closing the entry's text, or "Bescheid
        # v. 28.02.1990", dates the declaration or another act.
        wide = [remark for remark in _column_dates(table, anchor, (left, right)) if _opens_cell(remark.words)]
        return wide if any(remark.date for remark in wide) else dates
    if anchor.row == 1 and continues_head(table):
        # The head words of both lines are centred over their columns: the column ends where its
        # head word's line would end, not at the next head word.
        first, last = table[1].words[anchor.start], table[1].words[anchor.end - 1]
        reach = _HEAD_REACH * (last.bbox[3] - last.bbox[1])
        span = (first.bbox[0] - reach, last.bbox[2] + reach)
        return [dataclasses.replace(remark, row=remark.row + 1)
                for remark in _column_dates(table[1:], Anchor(0, anchor.start, anchor.end, anchor.score), span)]
    return []


def _opens_cell(words: tuple[Word, ...]) -> bool:
    """Whether the cell's first word of substance is the date's (a digit in it), no word before it."""
    first = next((w for w in words if any(c.isalnum() for c in w.text)), None)
    return first is not None and any(c.isdigit() for c in first.text)


_HEAD_REACH = 2  # heights right of a second head line's word that its column's cells reach, at most


def _run_on(row: Row, cell: list[Word], gap: float = 0.0) -> list[Word]:
    """The cell with the words of its row that run on from it to either side, a space or so apart (`gap`
    row heights, if given)."""
    if not cell:
        return cell
    line = sorted(row.words, key=lambda w: w.bbox[0])
    start, end = line.index(cell[0]), line.index(cell[-1])
    space = (gap or _RUN_ON) * row.height
    while start > 0 and cell[0].bbox[0] - line[start - 1].bbox[2] <= space:
        start -= 1
        cell = [line[start], *cell]
    while end + 1 < len(line) and line[end + 1].bbox[0] - cell[-1].bbox[2] <= space:
        end += 1
        cell = [*cell, line[end]]
    return cell


_RUN_ON = 1.5  # row heights between two words of one phrase, at most (a column's gap is wider)
_COMB_GAP = 3.0  # row heights between the parts of a comb's reading, at most


def _column_dates(table: list[Row], head: Anchor, span: tuple[int, int] | None = None) -> list[Remark]:
    """The dates standing in the column a table-head label heads, with their rows. A date the
    column's width breaks over two lines ("16. April" / "1980") is read from both. `span`: the
    column's extent, where not from its head word's start to the next head word; a cell there takes in
    the words its line runs on with (a typed "10. Mai 1962" wider than the head word over it)."""
    head_row = table[0]
    right = head_row.words[head.end].bbox[0] if head.end < len(head_row.words) else 10**9
    left = head_row.words[head.start].bbox[0] - head_row.height
    if span is not None:
        left, right = span
    cells = [[w for w in row.words if left <= (w.bbox[0] + w.bbox[2]) // 2 < right] for row in table]
    if span is not None:
        cells = [_run_on(row, cell) for row, cell in zip(table, cells)]
    dates = []
    index = 1
    while index < len(table):
        cell = cells[index]
        if sum(sum(c.isalpha() for c in w.text) >= 3 for w in cell) > _CELL_WORDS:
            index += 1
            continue  # a line of prose: the column is the entry's text ("Eintragung" heading it)
        # Only a cell that begins a date goes on below: an empty one may be the row above the
        # next entry's date.
        started = any(c.isdigit() for w in cell for c in w.text)
        joined = cell + (cells[index + 1] if started and index + 1 < len(table) else [])
        for words in (cell, joined):
            text = " ".join(w.text for w in words)
            if (match := next(iter(find_dates(text)), None)) is not None:
                # "gel. 02.04.2013": a deletion's; "Posteingang" over the date: a receipt stamp's;
                # "12.03.1987 | Verpflichtungserklärung": the act beside it is another.
                other = names_other_act(cell) or index > 1 and names_other_act(cells[index - 1]) \
                    or _another_act_beside(table[index].words, words) \
                    or _cited_before(table[index].words + (table[index + 1].words if index + 1 < len(table) else ()),
                                     match.raw, words, table[index - 1].words if index > 1 else ())
                if not other and not _deletion_before(table[index].words, match.raw):
                    # "12. 1. 1062": a year no register has, misread; kept, never trusted.
                    dates.append(Remark(index, match.value, tuple(words), 1.0,
                                        repaired=not is_plausible_register_date(match.value)))
                break
            if (damaged := find_damaged_date(text)) is not None:
                dates.append(Remark(index, damaged.value, tuple(words), 1.0, repaired=True))
                break
        else:
            digits = sum(c.isdigit() for w in cell for c in w.text)
            if cell and _DAY.match(cell[0].text) and digits >= _UNREAD_DATE_DIGITS:
                # A date stands here but does not read ("25. April 19671"): this entry's date is
                # unknown, and the next date down the column is another entry's.
                dates.append(Remark(index, None, tuple(cell), 1.0))
        index += 2 if dates and dates[-1].row == index and len(dates[-1].words) > len(cell) else 1
    return _unlabelled_above_labelled(dates, cells)


def _unlabelled_above_labelled(dates: list[Remark], cells: list[list[Word]]) -> list[Remark]:
    """The column's dates without one standing in a cell right above "eingetr." and its date ("Erkl. v." /
    "28.02.90" / "eingetr." / "12.05.90", the ground's words misread): the date the cell labels as the
    registration's is the entry's, the other dates another act."""
    labelled = {d.row for d in dates if d.row >= 2 and _labels_registration(cells[d.row - 1])}
    # Right above the label's line only: a line between ("12.05.90" / "Nachtrag" / "eingetr." / "03.04.95")
    # makes the lower date a later act's, and the upper one stays the registration's.
    return [d for d in dates if d.row in labelled or d.row + 2 not in labelled]


def _labels_registration(cell: list[Word]) -> bool:
    """Whether a cell's line ends in a registration's label ("eingetr.", "Eingetragen am")."""
    words = [w for w in cell if any(c.isalpha() for c in w.text)]
    if words and key(words[-1].text) == "am":
        words = words[:-1]
    return bool(words) and _is_one_of((words[-1],), REGISTERED.remark)


# "Eintragung verfügt am ...", "Eintragungsverfügung": the order to register, dated before it.
_ORDERED = ("verfugt", "verfugung", "eintragungsverf")
# Folded stems of acts a date column beside a Vermerk column may date besides the registration:
# the order to register and later changes ("berichtigt", "übertragen auf Blatt 412").
_LATER_ACTS = _ORDERED + ("berichtigt", "geandert", "erganzt", "ubertragen", "erneuert")


def _another_act_beside(row: tuple[Word, ...], cell: list[Word] | tuple[Word, ...]) -> bool:
    """Whether the words right after a date column's cell name an act that is not the
    registration: the declaration, the order to register, a change. An act cited with a date
    of its own ("24.01.1993 | Erkl. v. 06.11.1992") is not the column date's."""
    dated = [w for w in cell if any(c.isdigit() for c in w.text)] or list(cell)
    right = max(w.bbox[2] for w in dated)  # the act may stand in the date's cell too
    beside = [key(w.text) for w in row if w.bbox[0] >= right][:4]
    # "geändert am 01.04.1990" beside the cell's own 01.04.1990: the change is what the column dates.
    own = "".join(key(w.text) for w in dated)
    citing = _CITING if not own or own not in [key(w.text) for w in row if w.bbox[0] >= right] else _CITES
    return any(k.startswith(_GROUNDS + _LATER_ACTS + OTHER_ACTS) and not set(beside[i + 1 : i + 3]) & citing
               for i, k in enumerate(beside[:3]))


# "Erkl. v.", "Erklärung vom", "ergänzt am" (with another date than the cell's): an act cited with its own date
_CITING = {"v", "vom", "am"}
_CITES = _CITING - {"am"}  # the words that cite another document's date after them ("Erklärung vom", "Erkl. v.")
# "Eingetragen mit Wirkung vom 08.11.2010": the date the registration takes effect from, no document's.
_IN_EFFECT = "wirkung"


def _cited_before(words: tuple[Word, ...], raw: str, cell: list[Word] | tuple[Word, ...],
                  above: tuple[Word, ...] = ()) -> bool:
    """Whether the date `raw` read in the cell is cited by the words right before it: a ground and "vom",
    on its line ("ERKL. V. 22.09.83" under a print's columns, the entry's text running under all of them)
    or stacked over it in a narrow cell ("Erkl. v." over "28.02.90", then "eingetr." over the registration's
    date). `words`: the rows the cell spans; `above`: the row above the cell's."""
    dated = next((w for w in cell if w.text in raw or raw in w.text), None)
    if dated is None:
        return False
    middle = (dated.bbox[1] + dated.bbox[3]) // 2
    line = [w for w in words if w.bbox[1] <= middle <= w.bbox[3] and w.bbox[2] <= dated.bbox[0]]
    if _cites(line):
        return True
    # Stacked: the words over the date, from its left edge to its right (a wider cell's run-on aside).
    height = dated.bbox[3] - dated.bbox[1]
    over = sorted((w for w in above if w.bbox[2] > dated.bbox[0] - height and w.bbox[0] < dated.bbox[2]),
                  key=lambda w: w.bbox[0])
    # The cited date follows "v." on the line below, not on its own line ("ERKL. V. 22.09.83").
    beside = [w for w in above if over and 0 <= w.bbox[0] - over[-1].bbox[2] <= 2 * height]
    return bool(over) and not beside and min(w.bbox[0] for w in over) >= dated.bbox[0] - 2 * height \
        and _cites(over)


def _cites(words: list[Word]) -> bool:
    """Whether the words end in a ground and "vom" ("Erkl. v."): they cite the date after them."""
    before = [key(w.text) for w in sorted(words, key=lambda w: w.bbox[0])][-3:]
    return len(before) >= 2 and before[-1] in _CITES and any(_names_ground(k) for k in before[:-1])


_DELETION_STEMS = ("geloscht", "gelost", "loschung")  # folded: "gelöscht", "gelöst", "Löschung"


def _names_deletion(folded: str) -> bool:
    """Whether a folded word names a deletion: "gelöscht", "Löschung", a pen's "gel."."""
    return folded == "gel" or folded.startswith(_DELETION_STEMS)


def _deletion_before(words: list[Word] | tuple[Word, ...], raw: str) -> bool:
    """Whether the date `raw` on a row follows a deletion's word ("gel. 3.2.01", "gelöscht am"),
    which may stand left of the date column: the column holds the deletion's date too."""
    # The date's own word: one that holds it, or a part of it ("16." "April" "1980"), not a lone "1" of the
    # line read into it.
    at = next((i for i, w in enumerate(words) if raw in w.text), None)
    if at is None:
        at = next((i for i, w in enumerate(words)
                   if w.text in raw and (len(w.text) >= 3 or not w.text.isdigit())), None)
    return at is not None and any(_names_deletion(key(w.text)) for w in words[max(0, at - 2) : at])


def extract_entries(page: OcrPage, rows: list[Row], table_top: int,
                    head_read: bool = True) -> tuple[list[Entry], Field | None]:
    """Every entry of the table with its type and dates, and the date field (entry Lfd. Nr. 1).

    `head_read`: whether the table's head row was read; without it the table's first lines are
    not known, and the first remark found may be a later entry's."""
    table = rows[table_top:]
    registered = remarks(table, REGISTERED, head_read)
    deleted = remarks(table, DELETED, head_read)
    numbered, titled = _entry_starts(table)
    # Every "Eingetragen am" remark is one entry's. Where Tesseract dropped running numbers
    # (a lone "2" in its cell often goes unread), the remarks mark where the entries begin;
    # one entry made of two would carry the other's deletion date.
    # A remark dating a ground ("Antrag auf Eintragung vom ...") opens no entry: the entry's own remark follows.
    own = [r for r in registered if not _ground_before(table, r)]
    own_ids = {id(r) for r in own}
    # An undated label above entry 1's running number opens no entry either: it introduces the entries ("... ist
    # folgendes eingetragen:") or heads a column.
    own = [r for r in own if not (numbered and r.date is None and r.row < numbered[0])]
    by_remark: list[int] = []
    undated = {max(1, r.row) for r in own if r.date is None}
    for row in sorted({max(1, r.row) for r in own}):
        # A label over an empty box and a stamp in the box ("Eingetragen am" / "EINGETRAGEN 23.
        # OKT. 2016") a row or two apart are one entry's remark.
        if by_remark and by_remark[-1] in undated and row - by_remark[-1] <= _FIRST_ENTRY_ROWS:
            continue
        by_remark.append(row)
    starts = numbered if len(numbered) >= len(by_remark) else by_remark
    newest_first = _newest_first(table)
    if newest_first:  # a print that lists the newest entry first ("Lfd. Nr. 2" above "Lfd. Nr. 1")
        starts = numbered = newest_first
    if starts:
        first = min(starts[0], min((r.row for r in registered), default=starts[0]))
        starts[0] = min(first, 1) if starts is by_remark else first  # the first entry opens the table
    entries: list[Entry] = []
    date_field: Field | None = None
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(table)
        segment = table[start:end]
        # A label whose date went unread ("Eingetragen am" over an empty box) yields to a dated
        # remark of the same entry (a stamp "EINGETRAGEN 23. OKT. 2016" in that box).
        mine = [r for r in registered if start <= r.row < end]
        # "Antrag auf Eintragung vom 24.07.2004" dates the application: the entry's own remark below it wins.
        remark = next((r for r in mine if r.date is not None and id(r) in own_ids),
                      next((r for r in mine if r.date is not None), mine[0] if mine else None))
        # A dated deletion wins over a word without a date ("Status: gelöscht" in the entry's heading).
        deletion = next((r.date for r in deleted if start <= r.row < end and r.date is not None), None)
        date = remark.date if remark else None
        lfd_nr = len(starts) - index if newest_first else index + 1
        entries.append(Entry(lfd_nr=lfd_nr, type=classify_type(" ".join(r.text for r in segment)),
                             registered_on=date, deleted_on=deletion))
        if lfd_nr == 1 and remark is not None and date is not None:
            value_words = [w for w in remark.words if any(c.isdigit() for c in w.text)] or list(remark.words)
            confidence = remark.score * mean_confidence(value_words)
            alone = titled and len(numbered) < 2 and remark.row - start > _FIRST_ENTRY_ROWS
            if alone or not numbered and (remark.row > _FIRST_ENTRY_ROWS or not head_read):
                # Without the Lfd. Nr. column (a lone "1" is often not read at all) a remark
                # further down may belong to a later entry, the first one's unreadable:
                # never sure enough to accept. A remark on the table's first lines is entry 1's. Entry 1's
                # title alone ("1. Erschließungsbaulast" beside a sidebar) parts it from no later entry whose
                # title has no number ("sonstige Baulast").
                confidence *= 0.7
            if remark.repaired or _year_runs_on(table, value_words):
                confidence = min(confidence, REPAIRED)
            if _named_otherwise(segment, date, remark.words) or _second_text_before(table[: remark.row + 1]):
                confidence = min(confidence, OTHERWISE_NAMED)
            if len(numbered) < 2 and _text_resumes(table[start : remark.row + 1], remark.words):
                confidence = min(confidence, LATER_TEXT)
            date_field = Field("date", date, confidence, evidence_of(page, list(remark.words)))
    if date_field is None and (head_read or numbered) and not registered and not newest_first:
        first_entry = table[: starts[1] if len(starts) > 1 else len(table)]
        date_field = _date_after_number(page, table[numbered[0]]) if numbered else None
        date_field = date_field or _unlabelled_date(page, first_entry, deleted)
    if date_field is None and table_top > 0:
        date_field = _header_date(page, rows[:table_top])
    return sorted(entries, key=lambda entry: entry.lfd_nr), date_field


def _year_runs_on(table: list[Row], value_words: list[Word]) -> bool:
    """Whether a date read with a two-digit year has digits right after it on its line ("31.12.20 15"): the
    year may be four digits broken apart, and the date is another than the one read."""
    last = value_words[-1]
    if not re.search(r"[./]\d{2}\.?$", last.text):
        return False
    row = next((r for r in table if last in r.words), None)
    if row is None:
        return False
    after = [w for w in row.words if w.bbox[0] > last.bbox[2]]
    following = min(after, key=lambda w: w.bbox[0], default=None)
    return following is not None and following.text[:1].isdigit() \
        and following.bbox[0] - last.bbox[2] <= row.height


HEADER_DATE = 0.75  # a registration date only the header names ("Eingetragen am:" in a form's header): proposed


def _header_date(page: OcrPage, header: list[Row]) -> Field | None:
    """The date a registration label names in the header above the table, where no entry gives one: a
    form's "Eingetragen am: 12.03.1987" over an entries table whose rows carry none. Never sure: a sheet's
    header may date something else the label's wording names too."""
    found = next((r for r in remarks(header, REGISTERED, head_read=False) if r.date is not None), None)
    if found is None:
        return None
    value_words = [w for w in found.words if any(c.isdigit() for c in w.text)] or list(found.words)
    confidence = min(found.score * mean_confidence(value_words), HEADER_DATE, REPAIRED if found.repaired else 1.0)
    return Field("date", found.date, confidence, evidence_of(page, list(found.words)))


_GROUND_WORDS = 3  # words before a remark's label on its line that may name the ground it dates


def _ground_before(table: list[Row], remark: Remark) -> bool:
    """Whether the remark's label is the noun "Eintragung" after a ground's word in its phrase ("Antrag auf
    Eintragung vom"): the date is the application's, not the registration's."""
    row = table[remark.row]
    line = sorted(row.words, key=lambda w: w.bbox[0])
    start = next((i for i, w in enumerate(line) if w in remark.words), 0)
    if not line or not key(line[start].text).startswith("eintragung"):
        return False  # "Antrag v. 02.03.87, eingetragen am 15.03.1987": the entry's own remark
    phrase, left = [], line[start].bbox[0]
    for word in reversed(line[max(0, start - _GROUND_WORDS) : start]):  # its own phrase: no column's gap between
        if left - word.bbox[2] > _RUN_ON * row.height or any(c.isdigit() for c in word.text):
            break  # a date between: the ground's phrase has ended
        phrase.append(word)
        left = word.bbox[0]
    return any(key(w.text).startswith(_GROUNDS) for w in phrase)


def _newest_first(table: list[Row]) -> list[int]:
    """The rows that open the entries of a table listing the newest first: each begins with a
    word naming its running number ("Lfd. Nr. 2", "Eintrag 2"), and the numbers read count down
    to 1 (a header's "Nr. 314" above them aside). Empty where the entries run the usual way, or
    their numbers are not all read."""
    rows, numbers = [], []
    for index, row in enumerate(table):
        lettered = [w for w in row.words if any(c.isalnum() for c in w.text)]
        named = _number_words(lettered)
        token = lettered[named].text.strip("|[](.):-") if named else ""
        if token.isascii() and token.isdigit():
            rows.append(index)
            numbers.append(int(token))
    if 1 not in numbers:
        return []
    last = len(numbers) - 1 - numbers[::-1].index(1)  # entry 1's row: the last "1" read
    first = last
    while first > 0 and numbers[first - 1] == numbers[first] + 1:
        first -= 1  # the entries above it count down to it
    return rows[first : last + 1] if last > first else []


UNLABELLED = 0.5  # confidence of a date no label names: a person always confirms it
AFTER_NUMBER = 0.6  # confidence of the date right after entry 1's running number, no label naming it


def _date_after_number(page: OcrPage, row: Row) -> Field | None:
    """The date standing right after entry 1's running number ("1 18.01.83 Der jeweilige ..."),
    where no label names it: registers list an entry's date first. Only proposed."""
    words = [w for w in row.words if any(c.isalnum() for c in w.text)][1:4]
    match = next(iter(find_dates(" ".join(w.text for w in words))), None)
    if match is None or match.start > len(words[0].text) - len(words[0].text.lstrip("|[(")) \
            or not is_plausible_register_date(match.value):
        return None  # no date, or one within the text ("Erklärung vom 02.01.1987")
    used = [w for w in words if w.text in match.raw or match.raw in w.text] or words
    return Field("date", match.value, min(AFTER_NUMBER, mean_confidence(used)), evidence_of(page, used))
# Words before a date that make it the date of something else than the entry's registration.
_OTHER_DATE_BEFORE = ("erklarung", "verpflichtungserklarung", "antrag", "schreiben", "urkunde", "bescheid",
                      "geloscht", "loschung", "ausdruck", "gedruckt", "stand")
# ... and, in an entry's own text, the documents a Baulast rests on, dated before it (the
# declaration, its receipt, the application), and the permit it makes possible, dated after.
_GROUNDS = ("erklarung", "verpflichtungserklarung", "baulasterklarung", "erkl", "verpflerkl", "antrag", "bauantrag",
            "urkunde", "eingang", "eingegangen", "eingeg", "verzicht")  # "Verpfl.-Erklärung"
_PERMITS = ("bauschein", "baugenehmigung")
# Within a word: a declaration of any kind, even with a letter misread before it ("vVerpflichtungserklärung").
_DECLARATION = "erklarung"
OTHERWISE_NAMED = 0.5  # the registration date the entry names as another document's, or before its grounds


def _names_ground(folded: str) -> bool:
    """Whether a folded word names a document the Baulast rests on (see _GROUNDS)."""
    return folded.startswith(_GROUNDS) or _DECLARATION in folded


def _second_text_before(rows: list[Row]) -> bool:
    """Whether a second Baulast's text begins above the remark taken for entry 1 (the owner's
    formula "Der jeweilige Eigentümer" on two lines): the remark may close entry 2, entry 1's
    own gone unread, where no running number parted them."""
    formulas = 0
    for row in rows:
        folded = [key(w.text) for w in row.words]
        formulas += any(k.startswith("jeweilig") and any(f.startswith("eigentum") for f in folded[i + 1 : i + 3])
                        for i, k in enumerate(folded))
    return formulas >= 2


LATER_TEXT = 0.7  # a remark that may close a later entry, whose running number went unread
_PARAGRAPH_GAP = 3  # lines without text in the text column: the entry's text has ended
_OWN_COLUMN = 10  # line heights right of the text's left edge: a remark in a column of its own


def _text_resumes(rows: list[Row], remark_words: tuple[Word, ...]) -> bool:
    """Whether, left of the remark, the entry's text ends and, after lines of nothing but stamps
    and notes, text begins again above or beside the remark: a later entry's, its running
    number gone unread (and the remark may be that entry's)."""
    left = min(w.bbox[0] for w in remark_words)
    lettered = [w for row in rows for w in row.words if sum(c.isalpha() for c in w.text) >= 3]
    height = max(w.bbox[3] - w.bbox[1] for w in remark_words)
    if not lettered or left < min(w.bbox[0] for w in lettered) + _OWN_COLUMN * height:
        return False  # the remark stands in the text's own column ("Die Baulast wurde am ... eingetragen.")
    prose = [any(sum(c.isalpha() for c in w.text) >= 3 and w.bbox[0] < left for w in row.words) for row in rows]
    first = prose.index(True) if True in prose else len(prose)
    gap = 0
    for has_text in prose[first:]:
        if has_text and gap >= _PARAGRAPH_GAP:
            return True
        gap = 0 if has_text else gap + 1
    return False


def _named_otherwise(segment: list[Row], date: dt.date, remark_words: tuple[Word, ...]) -> bool:
    """Whether the entry's text names the registration date as another's (the declaration "vom
    12.03.1987", a receipt stamp, the Bauschein), or dates a document the Baulast rests on after
    it, on the remark's line or above (below it, where the running numbers went unread, a later
    entry's grounds may stand): the label may have been read with a neighbour's date. Such a
    date is proposed, never trusted."""
    # The line the remark's date stands on (below its label, or a column's head).
    remark_row = max((i for i, row in enumerate(segment) if any(w in remark_words for w in row.words)), default=0)
    for row_index, row in enumerate(segment):
        words = [w for w in row.words if any(c.isalnum() for c in w.text)]
        for index, word in enumerate(words):
            if not any(c.isdigit() for c in word.text):
                continue  # the remark's own date too: "Erkl. v. 4-11-86" read below a column's head
            before = words[max(0, index - 4) : index]  # "Bauschein Nr. 412/83 vom"
            # Only since the date before it: "Erklärung vom 12.03.1987 am 15.04.1987" names the first.
            after_date = max((i + 1 for i, w in enumerate(before) if find_dates(w.text)), default=0)
            before = [key(w.text) for w in before[after_date:]]
            grounds = any(_names_ground(k) for k in before) and row_index <= remark_row
            if not grounds and not any(k.startswith(_PERMITS) for k in before):
                continue
            match = next(iter(find_dates(" ".join(w.text for w in words[index : index + 3]))), None)
            if match is not None and match.start == 0 and (match.value == date or grounds and match.value > date):
                return True
    return False


def _unlabelled_date(page: OcrPage, entry: list[Row], deleted: list[Remark]) -> Field | None:
    """Where no label names the Eintragungsdatum (a wording nobody here has seen, a column
    whose head went unread): the first date a register can carry in the first entry's rows,
    right of the middle of the table (the column beside the prose), that is no deletion date
    and follows no word naming another date ("Erklärung vom ..."), or the entry's signed place and date
    before it. Only proposed, never trusted.
    """
    if len(entry) < 2:
        return None
    taken = {id(w) for remark in deleted for w in remark.words}
    boxes = [w.bbox for row in entry for w in row.words]
    middle = (min(b[0] for b in boxes) + max(b[2] for b in boxes)) // 2
    for row in entry[1:]:
        words = [w for w in row.words if id(w) not in taken]
        # The entry's signed place and date ("Rommerskirchen, den 6. September 2014"), wherever it stands.
        signed = _SIGNED.match(" ".join(w.text for w in words if any(c.isalnum() for c in w.text)))
        date = next(iter(find_dates(signed.group(1))), None) if signed else None
        if date is not None and date.start == 0 and is_plausible_register_date(date.value):
            used = [w for w in words if w.text in date.raw or date.raw in w.text] or list(words)
            return Field("date", date.value, min(UNLABELLED, mean_confidence(used)), evidence_of(page, used))
        for index, word in enumerate(words):
            if (word.bbox[0] + word.bbox[2]) // 2 < middle or not any(c.isdigit() for c in word.text):
                continue
            match = next(iter(find_dates(" ".join(w.text for w in words[index : index + 3]))), None)
            value = match.value if match is not None else _celled_date(words[index : index + 3])
            if value is None or not is_plausible_register_date(value):
                continue
            before = {key(w.text) for w in words[max(0, index - 3) : index]}
            if any(k.startswith(_OTHER_DATE_BEFORE) for k in before):
                continue
            if match is None:
                used = words[index : index + 3]
            else:
                used = [w for w in words[index : index + 3] if w.text in match.raw or match.raw in w.text] or [word]
            return Field("date", value, min(UNLABELLED, mean_confidence(used)), evidence_of(page, used))
    return None


_CELL_GAP = 1.5  # text heights between a date's day, month and year typed into cells of their own, at least


def _celled_date(words: list[Word]) -> dt.date | None:
    """A date typed into the cells of a form's date column, day | month | year ("16   8   1976"), where
    no separator joins its parts: three numbers a cell's width apart, a day, a month and a four-digit year."""
    if len(words) < 3:
        return None
    parts = [w.text.strip(".,°'") for w in words]
    if not all(p.isascii() and p.isdigit() for p in parts) or len(parts[0]) > 2 or len(parts[1]) > 2 \
            or len(parts[2]) != 4:
        return None
    height = max(w.bbox[3] - w.bbox[1] for w in words)
    if any(b.bbox[0] - a.bbox[2] < _CELL_GAP * height for a, b in zip(words, words[1:])):
        return None  # numbers of one phrase ("Flur 4 Flurstück 12 1978"), no cells
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None


_PROSE_WORDS = 4  # words of an entry's first line after its running number, where no date follows it


def first_numbered_entry(rows: list[Row]) -> int | None:
    """The row of entry 1 in a table whose head went unread: a "1" at the left edge of the
    page's text, below the sheet's first lines, followed by a date ("1 18.01.83 Der jeweilige
    ...") or by a line of prose; in a print that lists the newest entry first, the row of the
    first one listed; None if there is none."""
    if len(rows) < 3:
        return None
    if newest_first := _newest_first(rows[2:]):
        return newest_first[0] + 2  # the newest entry, listed first, opens the table
    # The text's left edge: where lines of several words begin (a speck in the margin is none).
    starts = sorted(words[0].bbox[0] for row in rows
                    if len(words := [w for w in row.words if any(c.isalnum() for c in w.text)]) >= 2)
    if not starts:
        return None
    left = starts[len(starts) // 10]
    for index, row in enumerate(rows[2:], start=2):
        words = [w for w in row.words if any(c.isalnum() for c in w.text)]
        if len(words) > 2 and len(words[0].text) == 1 and not words[0].text.isdigit() \
                and key(words[1].text) in _NUMBER_WORDS:
            words = words[1:]  # a portal's fold-out arrow read as a letter ("V Lfd. Nr. 1- Leitungsbaulast")
        if (side := _beside_sidebar(words, row.height) or _titled(words)) and _opens_entry(side, 1):
            return index  # "Rommerskirchen      1. Erschließungsbaulast": entry 1 beside a sidebar's value
        if not words or abs(words[0].bbox[0] - left) > 4 * row.height:
            continue  # a "1" within a line, not at the table's left edge
        named = _number_words(words)
        number = words[named].text.strip("|[](.):-")  # "1", "(1)", "1.", "1-" before the type ("Nr. 1- Anbaubaulast")
        if number == "01" and (named or find_dates(" ".join(w.text for w in words[1:3]))):
            number = "1"  # "BAULAST 01", "01 02.06.92 ...": a print's running number, zero-padded
        if number not in ({"1"} | _ONE_LOOKALIKES) or (named and number != "1"):
            continue
        if _field_numbered(words[named:]):
            continue  # a form's numbered fields ("(1) Kenn-Nr. ... (2) Vorgang"), no entry
        after = " ".join(w.text for w in words[named + 1 : named + 3])
        if named or find_dates(after) or len(words) > _PROSE_WORDS:
            return index
    return None


_SIDEBAR_GAP = 6  # row heights between a sidebar's words and the main column's on one row, at least


def _beside_sidebar(words: list[Word], height: int) -> list[Word]:
    """The words of a row right of a sidebar of keys and values ("Gemeinde" / "Rommerskirchen" left of the
    entries): those after the first wide gap that follows a word; empty where there is none."""
    for index in range(1, len(words)):
        if words[index].bbox[0] - words[index - 1].bbox[2] >= _SIDEBAR_GAP * height \
                and any(c.isalpha() for w in words[:index] for c in w.text):
            return words[index:]
    return []


def _titled(words: list[Word]) -> list[Word]:
    """A row that is an entry's title, its running number and its type ("1. Zufahrtsbaulast"), wherever it
    stands (right of a sidebar, indented); empty for other rows."""
    if len(words) == 2 and len(folded := key(words[1].text)) > len("baulast") and folded.endswith("baulast"):
        return words
    return []


def _opens_entry(words: list[Word], number: int) -> bool:
    """Whether the words beside a sidebar open entry `number`: its running number, then its type ("1.
    Erschließungsbaulast"), a date, or a line of prose."""
    token = words[0].text.strip("|[](.):;")
    if not (token.isascii() and token.isdigit() and int(token) == number) or len(words) < 2:
        return False
    after = " ".join(w.text for w in words[1:3])
    return key(words[1].text).endswith("baulast") or bool(find_dates(after)) or len(words) > _PROSE_WORDS


def _field_numbered(words: list[Word]) -> bool:
    """Whether a row opened by "(1)" is a form's row of numbered fields: another field's number in
    parentheses ("(2)") stands later in the same row. An entry's text never names entry 2 on entry 1's
    first line."""
    return words[0].text.startswith("(") and any(re.fullmatch(r"\(\d{1,2}\)", w.text) for w in words[1:])


# How a Baulast's text begins: its owner's formula ("Der jeweilige Eigentümer des Grundstücks").
_FORMULA = ("derjeweilige", "diejeweilige", "dieeigentumer", "dereigentumer")


def formula_row(rows: list[Row]) -> int | None:
    """The row where entry 1's text begins with the owner's formula ("Der jeweilige Eigentümer
    ..."), below the sheet's first lines, where neither a table head nor a running number was
    read: no header line begins so. None if no row does."""
    for index, row in enumerate(rows[2:], start=2):
        words = [key(w.text) for w in row.words if any(c.isalpha() for c in w.text)][:4]
        # A running number misread as letters may stand before it ("ER) Der jeweilige ...").
        if not words:
            continue
        if "".join(words[:3]).startswith(_FORMULA) or len(words[0]) <= 3 and "".join(words[1:]).startswith(_FORMULA):
            return index
    return None


def _entry_starts(table: list[Row]) -> tuple[list[int], bool]:
    """Rows that open an entry: a running number (1, 2, ...) as the row's first, leftmost word, or an entry's
    title beside a sidebar or indented ("1. Erschließungsbaulast"); and whether a title opened one."""
    if not table:
        return [], False
    head_words = table[0].words
    content_left = head_words[min(2, len(head_words) - 1)].bbox[0] if head_words else 0
    if len(head_words) < 3 and len(table) > 2:
        # No head row of columns above (a heading "Eintragungen:", or none read): the entries'
        # text begins where most of the table's lines begin, and a running number stands left of it.
        lefts = sorted(row.words[0].bbox[0] for row in table[1:])
        content_left = lefts[len(lefts) // 2]
    starts: list[int] = []
    titled = False
    expected = 1
    for index, row in enumerate(table[1:], start=1):
        # Remnants of the table's rules ("|", "[", "—") may stand before the number, and a word
        # that names it ("Eintrag 1", "Lfd. Nr. 2").
        lettered = [w for w in row.words if any(c.isalnum() for c in w.text)] or list(row.words)
        # The number follows a word naming it: where it stands says nothing more.
        named = bool(skipped := _number_words(lettered))
        first = lettered[skipped]
        token = first.text.strip("|[](.):;")  # "1;" is how a typed "1." often reads
        if expected == 1 and token in _ONE_LOOKALIKES:
            token = "1"  # a lone "1" in its cell is often read as l, I or ı
        if token.isascii() and token.isdigit() and int(token) == expected and (named or first.bbox[0] < content_left):
            starts.append(index)
            expected += 1
        elif (side := _beside_sidebar(lettered, row.height) or _titled(lettered)) and _opens_entry(side, expected):
            starts.append(index)
            expected += 1
            titled = True
    return starts, titled

_FIRST_ENTRY_ROWS = 2  # rows below the table head that surely belong to the first entry
# Words before an entry's running number ("Ifd." is how "Lfd." often reads).
_NUMBER_WORDS = {"eintrag", "eintragung", "baulast", "lfd", "ifd", "lfdnr", "ifdnr", "nr"}
def _number_words(words: list[Word]) -> int:
    """How many words at the front name the running number after them ("Lfd. Nr. 1", "Eintrag
    1"); the last word is never one of them."""
    named = 0
    while named + 1 < len(words) and key(words[named].text) in _NUMBER_WORDS:
        named += 1
    return named


_REMARK_LABELS = ("eingetragen", "eintragungsdatum", "geloscht", "gelost", "loschung", "lfd")
_ONE_LOOKALIKES = {"l", "I", "ı", "i", "|", "!"}

def _date_near(rows: list[Row], anchor: Anchor):  # type: ignore[no-untyped-def]
    """The first date right of a label, else on the next line in the label's column (a line of
    the column beside may lie between), unless that line starts another remark ("Gelöscht am
    ...") whose date is not this label's; and whether it had to be repaired (see
    `find_damaged_date`)."""
    below = words_below(rows, anchor, max_rows=2)
    # The whole line the words below stand on: "Eintragung erneuert am 03.09.2022" whose act stands left of
    # the label's column.
    line: tuple[Word, ...] = ()
    if below:  # its words left of the label's column
        row_below = next((row.words for row in rows[anchor.row + 1 :] if below[0] in row.words), ())
        line = tuple(w for w in row_below if w.bbox[2] <= below[0].bbox[0])
    if any(key(w.text).startswith(_REMARK_LABELS) or any(starts_like(key(w.text), act) for act in _LATER_ACTS)
           for w in [*below, *line]) or names_other_act(below):
        below = []  # "Gelöscht am ...", "20.05.1990 berichtigt": the line dates something else
    right, far = _right_of_label(rows, anchor)
    if _names_place(right) or _names_place(below):  # "Eingetragen: Kaarst, den" over the date
        after = next((i for i in range(anchor.row + 1, len(rows)) if below and below[0] in rows[i].words), anchor.row)
        below = below + words_below(rows, anchor, max_rows=2, first=after - anchor.row + 1)
    right_text = " ".join(w.text for w in right)
    if _own_date(right_text) is None and find_damaged_date(right_text) is None \
            and (before := _am_date_before(rows[anchor.row].words, anchor.start)) is not None:
        return before  # "am 22-3-79 eingetr.": the date the label closes, not the next line's
    for find, repaired in ((_own_date, False), (find_damaged_date, True)):
        # A date far right of the label, across a column's or another stamp's gap, is the label's
        # only where nothing stands right by or below it, and even then not sure.
        for candidate, unsure in ((right, repaired), (below, repaired), (far, True)):
            # A stamp's rule read between the date's parts ("01. OKT. — 1977") is no part of it.
            text = _without_rules(candidate)
            if candidate is below and right_text.rstrip().endswith("-"):
                text = f"{right_text.split()[-1]} {text}"  # "am vier-" / "zehnten Mai 1977": one word split
            if repaired and find_dates(text):
                continue  # intact dates, given to a declaration or a waiver: none is damaged
            first = _own_date(text, right_text) if find is _own_date and candidate is below else find(text)
            if first is None and find is _own_date and candidate is below and find_dates(text):
                # The label's sentence cites the declaration's date first: the registration's may follow it in
                # the same sentence, beyond the label's column. The sentence is read on, not another column.
                row = next((row for row in rows if below[0] in row.words), None)
                sentence = _run_on(row, below) if row is not None else below
                candidate = sentence[sentence.index(below[0]) :]
                first = _own_date(_without_rules(candidate), right_text)
            if first is not None:
                used = [w for w in candidate if w.text in first.raw or first.raw in w.text] or candidate
                return first.value, used, unsure
    return _comb_below(rows, anchor, below) or _signed_below(rows, anchor) or _date_before(rows, anchor)


def _without_rules(words: list[Word]) -> str:
    """The words' text without a stamp's rules read between them ("01. OKT. — 1977")."""
    return " ".join(w.text for w in words if not set(w.text) <= set("—–-|_~"))


def _comb_below(rows: list[Row], anchor: Anchor, below: list[Word]):  # type: ignore[no-untyped-def]
    """(date, words, True) of a comb of boxes below the label (TTMMJJ), wider than the label: its last boxes,
    which stand apart from the label's column, are read with it; None where the run-on words hold none."""
    row_below = next((row for row in rows[anchor.row + 1 :] if below and below[0] in row.words), None)
    if row_below is None or not all(w in row_below.words for w in below):
        return None
    combed = _run_on(row_below, below, _COMB_GAP)
    if len(combed) > len(below) and (comb := comb_date(" ".join(w.text for w in combed))) is not None:
        return comb.value, combed, True
    return None


_SIGNED_ROWS = 14  # rows below an entry's "wird folgende Baulast eingetragen:" in which its signature stands
_SIGNED = re.compile(r"^[\w.\- ]+,? den (.+)$")  # "Dormagen, den 19.12.1979"


def _signed_below(rows: list[Row], anchor: Anchor):  # type: ignore[no-untyped-def]
    """(date, words, True) of the signed place and date ("Dormagen, den 19.12.1979") that closes the
    entry a label in its text opens ("Auf Grund der Erklärung vom ... wird folgende Baulast eingetragen:",
    "Löschung: Die Baulast ist auf Grund des Verzichts vom ... gelöscht."), or None: the first such line
    below the label, before another remark's label or the next entry, and signed for an office ("Der
    Stadtdirektor", "Im Auftrag") on the lines below. The label must stand in the entry's sentence: a
    column's head or a stamp is no such label. The registering official signs and dates the entry;
    still a reading a person confirms."""
    own = [w for w in rows[anchor.row].words[: anchor.start] + rows[anchor.row].words[anchor.end :]
           if sum(c.isalpha() for c in w.text) >= 3]
    if len(own) < _SENTENCE_AROUND:
        return None
    below = rows[anchor.row + 1 : anchor.row + 1 + _SIGNED_ROWS]
    for index, row in enumerate(below):
        words = [w for w in row.words if any(c.isalnum() for c in w.text)]
        if any(key(w.text).startswith(_REMARK_LABELS) for w in words[:3]):
            return None
        match = _SIGNED.match(" ".join(w.text for w in words))
        date = next(iter(find_dates(match.group(1))), None) if match else None
        signed = any(key(w.text).startswith(_OFFICES) for later in below[index + 1 : index + 3] for w in later.words)
        if date is not None and date.start == 0 and signed:
            return date.value, [w for w in words if w.text in date.raw or date.raw in w.text], True
    return None


_SENTENCE_AROUND = 3  # words of three letters or more beside a label in the entry's sentence
# Folded stems of the signature under an entry: the office signing, or on its behalf.
_OFFICES = ("stadtdirektor", "oberstadtdirektor", "gemeindedirektor", "burgermeister", "oberburgermeister",
            "oberkreisdirektor", "kreisdirektor", "landrat", "auftrag", "vertretung")


_FAR = 6  # a gap of this many line heights after a label: the next word stands in another column or stamp


def _own_date(text: str, before: str = ""):  # type: ignore[no-untyped-def]
    """The first date of a remark's text that is not another document's: "Eingetragen auf Grund
    der Erklärung vom 12.03.1987 am 15.04.1987" is registered on 15.04.1987. A date that the words
    since the label (or since the date before it) cite ("... vom", "... v.": a declaration, its
    supplement, a letter) or give to the order to register is passed over; a ground named without
    its date ("auf Grund der Erklärung am 15.04.1987") leaves the date the label's. `before`: the
    words after the label on its line, where the text is the line below ("Eingetragen auf Grund der
    Erklärung vom" over "6. November 1965 am 5. Januar 1966.")."""
    dated = find_dates(before)
    lead = before[dated[-1].end :] if dated else before
    folded = [key(word) for word in lead.split()]
    if not (folded and folded[-1] in _CITES and any(_names_ground(k) for k in folded)):
        lead = ""  # only a ground the line cites ("... Verpflichtungserklärung vom") dates the line below ("AV v.")
    start = 0
    for match in find_dates(text):
        since = [key(word) for word in (lead + " " + text[start : match.start]).split()]
        # "Eingetragen mit Wirkung vom ...": only right after the label; under "Eingetragen am" another act's.
        in_effect = since == ["mit", _IN_EFFECT, "vom"] and not any(key(word) for word in before.split())
        cited = len(since) >= 2 and since[-1] in _CITES and not in_effect
        if not (cited or any(k.startswith(_ORDERED) for k in since)):
            return match
        start, lead = match.end, ""
    return None


def _right_of_label(rows: list[Row], anchor: Anchor) -> tuple[list[Word], list[Word]]:
    """The words right of a label up to the first wide gap, and those beyond it; both end where
    a word names another act ("EINGETRAGEN Abschr. erteilt 1.12.96": the copy's date), a
    deletion or a change."""
    words = words_right_of(rows, anchor, 10)
    # "... eingetr. Wo., gel. am 7-10-98": the deletion's date; "berichtigt am": a change's.
    cut = next((i for i, w in enumerate(words)
                if names_other_act([w]) or _names_deletion(key(w.text)) or key(w.text).startswith(_LATER_ACTS)),
               len(words))
    words = words[:cut]
    label = rows[anchor.row].words[anchor.start : anchor.end]
    height = max(w.bbox[3] - w.bbox[1] for w in label)
    edge = label[-1].bbox[2]
    led = False  # dot leaders run from the label to the words after them ("EINGETRAGEN AM .. : 29.01.82")
    for index, word in enumerate(words):
        if word.bbox[0] - edge > _FAR * height and not led:
            return words[:index], words[index:]
        # Leaders begin where the label's words end: dots far along the line are another field's.
        led = led or is_leader(word.text) and word.bbox[0] - edge <= 2 * height
        edge = word.bbox[2]
    return words, []


def _names_place(words: list[Word]) -> bool:
    """Whether words end with a place's "den" and no date ("Kaarst, den"): the date follows on
    the next line of a narrow column."""
    lettered = [w for w in words if any(c.isalnum() for c in w.text)]
    return bool(lettered) and key(lettered[-1].text) == "den"


def _am_date_before(words: tuple[Word, ...], start: int):  # type: ignore[no-untyped-def]
    """(date, words, repaired) of "am <date>" right before the label on its line ("am 22-3-79
    eingetr."), or None."""
    for size in (1, 2, 3):  # the date in one to three words ("am 22. März 1979 eingetragen")
        if start - size - 1 < 0 or key(words[start - size - 1].text) != "am":
            continue
        used = list(words[start - size : start])
        text = " ".join(w.text for w in used)
        for find, repaired in ((lambda t: next(iter(find_dates(t)), None), False), (find_damaged_date, True)):
            match = find(text)
            if match is not None and match.start == 0 and match.end >= len(text.rstrip(".,;")):
                return match.value, used, repaired
    return None


_SENTENCE_WORDS = 8  # words from "am <date>" to the "eingetragen" closing its sentence


def _speck(word: Word) -> bool:
    """A mark read as a letter or two, unsurely: a speck, a signature's stroke."""
    return len(word.text) <= 2 and word.conf < 50


def _date_before(rows: list[Row], anchor: Anchor):  # type: ignore[no-untyped-def]
    """The date of a sentence the label closes: "Die Baulast wurde am 17. Mai 1978 in das
    Baulastenverzeichnis eingetragen." A label followed by words of its own ("eingetragen am")
    closes no sentence, and a deletion's date before it is none of its own."""
    after = words_right_of(rows, anchor, 1)
    if after and any(c.isalnum() for c in after[0].text) and not _speck(after[0]):
        return None, [], False
    before = [*(rows[anchor.row - 1].words if anchor.row > 0 else ()), *rows[anchor.row].words[: anchor.start]]
    words = before[-(_SENTENCE_WORDS + 3) :]
    for index in range(len(words) - 2, -1, -1):
        if key(words[index].text) != "am":
            continue
        text = " ".join(w.text for w in words[index + 1 : index + 4])
        match = next(iter(find_dates(text)), None)
        if match is None or match.start != 0:
            continue
        if any(key(w.text).startswith(_DELETION_STEMS) for w in words[max(0, index - 1) :]):
            break
        used = [w for w in words[index + 1 : index + 4] if w.text in match.raw]
        return match.value, used, False
    return None, [], False


def classify_type(text: str) -> str:
    """The Baulast type named by an entry's text."""
    folded = key(text.replace(" ", ""))
    for baulast_type, stems in BAULAST_TYPES:
        if any(key(stem) in folded for stem in stems):
            return baulast_type
    return "Sonstige"
