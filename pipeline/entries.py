"""The entries table of a Baulastenblatt: every entry with its Lfd. Nr., Baulast type,
Eintragungsdatum and Löschungsdatum, and the date field (entry 1's Eintragungsdatum).

Each entry's remark ("Eingetragen am ...", "Gelöscht am ...") is read beside or below its
label; where Tesseract dropped the running numbers, the remarks mark where entries begin.
"""

from __future__ import annotations

from baulast.dates import find_damaged_date, find_dates
from baulast.model import Entry, Field, OcrPage
from pipeline.layout import Anchor, Row, evidence_of, find_labels, key, mean_confidence, words_below, words_right_of

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




def extract_entries(page: OcrPage, rows: list[Row], table_top: int) -> tuple[list[Entry], Field | None]:
    """Every entry of the table with its type and dates, and the date field (entry Lfd. Nr. 1)."""
    table = rows[table_top:]
    registered = find_labels(table, "Eingetragen", 0.8)
    deleted = find_labels(table, "Gelöscht", 0.75)
    numbered = _entry_starts(table)
    # Every "Eingetragen am" remark is one entry's. Where Tesseract dropped running numbers
    # (a lone "2" in its cell often goes unread), the remarks mark where the entries begin;
    # one entry made of two would carry the other's deletion date.
    by_remark = sorted({max(1, a.row) for a in registered})
    starts = numbered if len(numbered) >= len(by_remark) else by_remark
    if starts:
        first = min(starts[0], min((a.row for a in registered), default=starts[0]))
        starts[0] = min(first, 1) if starts is by_remark else first  # the first entry opens the table
    entries: list[Entry] = []
    date_field: Field | None = None
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(table)
        segment = table[start:end]
        anchor = next((a for a in registered if start <= a.row < end), None)
        date, used, repaired = _date_near(table, anchor) if anchor else (None, [], False)
        deletion = next((_date_near(table, d)[0] for d in deleted if start <= d.row < end), None)
        lfd_nr = index + 1  # entries run 1, 2, ... on the sheet
        entries.append(Entry(lfd_nr=lfd_nr, type=classify_type(" ".join(r.text for r in segment)),
                             registered_on=date, deleted_on=deletion))
        if index == 0 and anchor is not None and date is not None:
            label_words = list(table[anchor.row].words[anchor.start : anchor.end])
            confidence = anchor.score * mean_confidence(used)
            if not numbered and anchor.row > _FIRST_ENTRY_ROWS:
                # Without the Lfd. Nr. column (a lone "1" is often not read at all) a remark
                # further down may belong to a later entry, the first one's unreadable:
                # never sure enough to accept. A remark on the table's first lines is entry 1's.
                confidence *= 0.7
            if repaired:
                confidence = min(confidence, REPAIRED)
            date_field = Field("date", date, confidence, evidence_of(page, label_words + used))
    return entries, date_field


def _entry_starts(table: list[Row]) -> list[int]:
    """Rows that open an entry: a running number (1, 2, ...) as the row's first, leftmost word."""
    if not table:
        return []
    head_words = table[0].words
    content_left = head_words[min(2, len(head_words) - 1)].bbox[0] if head_words else 0
    starts: list[int] = []
    expected = 1
    for index, row in enumerate(table[1:], start=1):
        # Remnants of the table's rules ("|", "[", "—") may stand before the number.
        first = next((w for w in row.words if any(c.isalnum() for c in w.text)), row.words[0])
        token = first.text.strip("|[](.):")
        if expected == 1 and token in _ONE_LOOKALIKES:
            token = "1"  # a lone "1" in its cell is often read as l, I or ı
        if token.isascii() and token.isdigit() and int(token) == expected and first.bbox[0] < content_left:
            starts.append(index)
            expected += 1
    return starts




_FIRST_ENTRY_ROWS = 2  # rows below the table head that surely belong to the first entry
_REMARK_LABELS = ("eingetragen", "geloscht", "gelost", "lfd")
_ONE_LOOKALIKES = {"l", "I", "ı", "i", "|", "!"}

def _date_near(rows: list[Row], anchor: Anchor):  # type: ignore[no-untyped-def]
    """The first date right of a label, else in the label's column on the next row, unless
    that row starts another remark ("Gelöscht am ...") whose date is not this label's; and
    whether it had to be repaired (see `find_damaged_date`)."""
    below = words_below(rows, anchor, max_rows=1)
    if any(key(w.text).startswith(_REMARK_LABELS) for w in below):
        below = []
    candidates = (words_right_of(rows, anchor, 6), below)
    for find, repaired in ((lambda text: next(iter(find_dates(text)), None), False), (find_damaged_date, True)):
        for candidate in candidates:
            first = find(" ".join(w.text for w in candidate))
            if first is not None:
                used = [w for w in candidate if w.text in first.raw or first.raw in w.text] or candidate
                return first.value, used, repaired
    return None, [], False




def classify_type(text: str) -> str:
    """The Baulast type named by an entry's text."""
    folded = key(text.replace(" ", ""))
    for baulast_type, stems in BAULAST_TYPES:
        if any(key(stem) in folded for stem in stems):
            return baulast_type
    return "Sonstige"
