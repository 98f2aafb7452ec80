"""Two readings of one parcel: the sheet header's and the entry prose's restatement.

A header parcel the entry prose does not name may still be named there in a reading one OCR
slip away: a Flur with a table rule read as a leading "1" ("120" for 20), a digit confused
("9" for 5), a digit lost ("4" for 47), a Gemarkung cut short ("Hac"), one Flurstück read as
two ("11 30" for 1130). Where exactly one
entry parcel is that near, the reading whose differing word Tesseract was surer of wins. The
two readings disagree, so the result is never trusted enough to skip review.
"""

from __future__ import annotations

from rapidfuzz.distance.Levenshtein import distance

from baulast.gazetteer import Gazetteer
from baulast.model import Parcel, Word
from baulast.textnorm import name_key


def _component_confidence(words: list[Word], value: str) -> float:
    """Tesseract's confidence in the word that carries a value ("20" in "20,"), 0 if none does."""
    found = [w.conf for w in words if w.text.strip(",.;:()|[]") == value]
    return max(found, default=0.0)


def _near_numbers(a: str, b: str) -> bool:
    return a != b and distance(a, b) <= 1


def _differing(header: Parcel, entry: Parcel, gazetteer: Gazetteer) -> str | None:
    """The one component in which an entry parcel is an OCR slip away from a header parcel."""
    same = (header.gemarkung == entry.gemarkung, header.flur == entry.flur, header.flurstueck == entry.flurstueck)
    if same == (True, True, False) and _near_numbers(header.flurstueck, entry.flurstueck):
        return "flurstueck"
    if same == (True, False, True) and header.flur is not None and entry.flur is not None \
            and _near_numbers(str(header.flur), str(entry.flur)):
        return "flur"
    cut_short = name_key(header.gemarkung)
    if same == (False, True, True) and gazetteer.municipality_of(header.gemarkung) is None \
            and gazetteer.municipality_of(entry.gemarkung) is not None \
            and len(cut_short) >= 3 and name_key(entry.gemarkung).startswith(cut_short):
        return "gemarkung"
    return None


def _rejoined(header: list[Parcel], entries: set[Parcel]) -> tuple[list[Parcel], bool]:
    """Header parcels with one Flurstück read as two ("11 30" for 1130: a typewriter's spacing)
    joined again where the entry text names the joined number (or one glyph from it)."""
    joined, changed, index = [], False, 0
    while index < len(header):
        first = header[index]
        second = header[index + 1] if index + 1 < len(header) else None
        if second is not None and first not in entries and second not in entries \
                and (first.gemarkung, first.flur) == (second.gemarkung, second.flur):
            digits = (first.flurstueck + second.flurstueck).replace("/", "")
            whole = [e for e in entries if (e.gemarkung, e.flur) == (first.gemarkung, first.flur)
                     and e not in header and distance(e.flurstueck.replace("/", ""), digits) <= 1]
            if len(whole) == 1:
                joined.append(whole[0])
                changed, index = True, index + 2
                continue
        joined.append(first)
        index += 1
    return joined, changed


def reconcile(header: list[Parcel], entries: set[Parcel], header_words: list[Word], entry_words: list[Word],
              gazetteer: Gazetteer) -> list[Parcel] | None:
    """The header parcels with near readings settled, or None if no parcel had one."""
    header, changed = _rejoined(header, entries)
    settled = []
    for parcel in header:
        if parcel in entries:
            settled.append(parcel)
            continue
        near = [(e, part) for e in entries if (part := _differing(parcel, e, gazetteer))]
        if len(near) != 1:
            settled.append(parcel)
            continue
        entry, part = near[0]
        changed = True
        if part == "gemarkung":
            settled.append(entry)  # a name the gazetteer knows over one it does not
            continue
        mine, theirs = str(getattr(parcel, part)), str(getattr(entry, part))
        better = _component_confidence(entry_words, theirs) > _component_confidence(header_words, mine)
        settled.append(entry if better else parcel)
    return list(dict.fromkeys(settled)) if changed else None
