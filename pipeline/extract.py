"""Field extraction from the Baulastenblatt page's word boxes.

Labels are the anchors: a value is read to the right of its label or below it in the same
column. The sheet header (above the table) names the burdened parcels; parcels named in
the entry text (often the benefiting parcel) never become record parcels.
"""

from __future__ import annotations

import re

from baulast.dates import find_dates
from baulast.gazetteer import Gazetteer
from baulast.model import Entry, Evidence, Extraction, Field, OcrPage, Parcel, Word
from baulast.parcels import parse_flurstueck, parse_parcels
from baulast.textnorm import digits_to_int
from pipeline.grid import grid_parcel_text, label_text
from pipeline.layout import (
    Anchor,
    Row,
    find_labels,
    key,
    mean_confidence,
    rows_of,
    union,
    words_below,
    words_right_of,
)
from pipeline.register import extract_register_number

TABLE_HEADER_LABELS = ("Lfd", "Inhalt", "Eintragung", "Bemerkungen")
_KREIS = re.compile(r"\b[\w-]*kreis\s+[\w-]+", re.IGNORECASE)

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


def _evidence(page: OcrPage, words: list[Word]) -> Evidence:
    """Evidence for a value read from these words."""
    return Evidence(page=page.number, bbox=union(w.bbox for w in words), text=" ".join(w.text for w in words))


def _table_top(rows: list[Row]) -> int | None:
    """Index of the table's header row ("Lfd. Nr. | Inhalt der Eintragung | Bemerkungen")."""
    for index, row in enumerate(rows):
        keys = [key(w.text) for w in row.words]
        hits = sum(1 for label in TABLE_HEADER_LABELS if any(k.startswith(key(label)) for k in keys))
        if hits >= 2:
            return index
    first_entry = find_labels(rows, "Eingetragen", 0.8)
    return max(0, first_entry[0].row - 1) if first_entry else None


def extract_parcels(page: OcrPage, rows: list[Row], header_end: int, gazetteer: Gazetteer) -> Field | None:
    """The burdened parcels from the sheet header (rows above the table).

    Confidence is that of the weakest word the parcels were read from, raised when the
    entry text names the same parcels (two independent readings agree) and lowered when
    it does not.
    """
    header = [row for row in rows[:header_end] if not ({key(w.text) for w in row.words} & {"grundbuch"})]
    words = [w for row in header for w in row.words]
    text = "\n".join(label_text(row.words) for row in header)
    gemarkung_anchor = next(iter(find_labels(header, "Gemarkung", 0.8)), None)
    default = _gemarkung_value(header, gemarkung_anchor, gazetteer) if gemarkung_anchor else None
    # A grid whose labels head columns is read by column; other headers as running text.
    parcels = parse_parcels(grid_parcel_text(header), default_gemarkung=default)
    if not parcels:
        parcels = parse_parcels(text, default_gemarkung=default)
    resolved, scores = _resolve(parcels, gazetteer, default)
    if not resolved:
        return None
    used = _parcel_words(words, resolved, gazetteer) or words
    confidence = min(scores) * min(max(0.0, w.conf) for w in used) / 100.0
    in_entries = set(_resolve(parse_parcels(_entry_prose(rows, header_end)), gazetteer, None)[0])
    completed = _complete_flur(resolved, in_entries)
    if completed != resolved:
        # A Flur the header lost, taken from the entry text that restates the parcel: one
        # reading only, so it never counts as confirmed.
        return Field("parcels", tuple(dict.fromkeys(completed)), confidence * 0.95, _evidence(page, used))
    if in_entries and all(p in in_entries for p in resolved):
        confidence = max(confidence, 0.9 * min(scores))
    else:
        confidence *= 0.8
    return Field("parcels", tuple(dict.fromkeys(resolved)), confidence, _evidence(page, used))


def _entry_prose(rows: list[Row], table_top: int) -> str:
    """The running text of the entries: the rows below the table head, without the remarks
    column ("Bemerkungen": dates, signatures) whose words stand between the prose's lines,
    joined with spaces as the prose flows from one line to the next."""
    if table_top >= len(rows):
        return ""
    remarks = next((a for a in find_labels(rows[table_top : table_top + 1], "Bemerkungen", 0.75)), None)
    cut = 10**9
    if remarks is not None:
        head = rows[table_top]
        cut = head.words[remarks.start].bbox[0] - head.height
    return " ".join(
        w.text for row in rows[table_top + 1 :] for w in row.words if (w.bbox[0] + w.bbox[2]) // 2 < cut
    )


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


def extract_entries(page: OcrPage, rows: list[Row], table_top: int) -> tuple[list[Entry], Field | None]:
    """Every entry of the table with its type and dates, and the date field (entry Lfd. Nr. 1)."""
    table = rows[table_top:]
    registered = find_labels(table, "Eingetragen", 0.8)
    deleted = find_labels(table, "Gelöscht", 0.75)
    numbered = _entry_starts(table)
    starts = numbered or sorted({max(1, a.row) for a in registered})
    if starts:
        starts[0] = min(starts[0], min((a.row for a in registered), default=starts[0]))
    entries: list[Entry] = []
    date_field: Field | None = None
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(table)
        segment = table[start:end]
        anchor = next((a for a in registered if start <= a.row < end), None)
        date, used = _date_near(table, anchor) if anchor else (None, [])
        deletion = next((_date_near(table, d)[0] for d in deleted if start <= d.row < end), None)
        lfd_nr = _lfd_nr(segment) or index + 1
        entries.append(Entry(lfd_nr=lfd_nr, type=classify_type(" ".join(r.text for r in segment)),
                             registered_on=date, deleted_on=deletion))
        if index == 0 and anchor is not None and date is not None:
            label_words = list(table[anchor.row].words[anchor.start : anchor.end])
            confidence = anchor.score * mean_confidence(used)
            if not numbered:
                # Without the Lfd. Nr. column the first remark found may belong to a later
                # entry (the first one's remark unreadable): never sure enough to accept.
                confidence *= 0.7
            date_field = Field("date", date, confidence, _evidence(page, label_words + used))
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


_REMARK_LABELS = ("eingetragen", "geloscht", "gelost", "lfd")
_ONE_LOOKALIKES = {"l", "I", "ı", "i", "|", "!"}


def _date_near(rows: list[Row], anchor: Anchor):  # type: ignore[no-untyped-def]
    """The first date right of a label, else in the label's column on the next row, unless
    that row starts another remark ("Gelöscht am ...") whose date is not this label's."""
    below = words_below(rows, anchor, max_rows=1)
    if any(key(w.text).startswith(_REMARK_LABELS) for w in below):
        below = []
    for candidate in (words_right_of(rows, anchor, 6), below):
        text = " ".join(w.text for w in candidate)
        matches = find_dates(text)
        if matches:
            first = matches[0]
            used = [w for w in candidate if w.text in first.raw or first.raw in w.text] or candidate
            return first.value, used
    return None, []


def _lfd_nr(segment: list[Row]) -> int | None:
    """The running number that opens an entry: a small number as the first word of a row."""
    for row in segment[:3]:
        token = row.words[0].text.rstrip(".")
        if token.isascii() and token.isdigit() and 0 < int(token) < 100:
            return int(token)
    return None


def classify_type(text: str) -> str:
    """The Baulast type named by an entry's text."""
    folded = key(text.replace(" ", ""))
    for baulast_type, stems in BAULAST_TYPES:
        if any(key(stem) in folded for stem in stems):
            return baulast_type
    return "Sonstige"


def extract_municipality(page: OcrPage, rows: list[Row], header_end: int, gazetteer: Gazetteer,
                         parcels: Field | None) -> Field | None:
    """The municipality where the parcel lies: from the Gemarkung, else from the header."""
    from_header: Field | None = None
    for row in rows[: max(1, header_end)]:
        # "Rhein-Kreis Neuss" names the district that keeps the register, not a municipality.
        match = gazetteer.find_municipality_in(_KREIS.sub(" ", row.text))
        if match:
            from_header = Field("municipality", match.name, match.score * mean_confidence(list(row.words)),
                                _evidence(page, list(row.words)))
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
    rows = rows_of(page)
    table_top = _table_top(rows)
    header_end = table_top if table_top is not None else len(rows)
    register_number = extract_register_number(page, rows[: max(header_end, 1)] or rows)
    if register_number is None:
        # Outside the header a number after "Baulastenblatt" may be a cross-reference in the
        # entry text ("siehe Baulastenblatt Nr. 345"): keep it for the reviewer, never trust it.
        found = extract_register_number(page, rows)
        if found is not None:
            register_number = Field(found.name, found.value, min(found.confidence, 0.5), found.evidence)
    parcels = extract_parcels(page, rows, header_end, gazetteer)
    entries, date = extract_entries(page, rows, table_top or 0)
    municipality = extract_municipality(page, rows, header_end, gazetteer, parcels)
    return Extraction(
        municipality=municipality, register_number=register_number, parcels=parcels, date=date,
        entries=tuple(entries), sheet_page=page.number,
    )
