"""The one search box: a parcel, a register number or words, told apart by their shape.

"Zons 3 123/4", "Gemarkung Zons Flur 3 Flurstück 123/4" or an ALKIS key is a parcel;
"Nr. 1234", "Blatt 512a" or a bare "1234" is a Baulastenblatt number; anything else is
words. The web page and the JSON API read the box the same way, and say how they read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baulast.gazetteer import Gazetteer
from baulast.parcels import ParcelQuery, parse_parcel_query
from baulast.regnum import normalize_register_number

_REGISTER_KEYWORD = re.compile(r"^\s*(?:baulastenblatt|blatt|bl\.|nr\.?|nummer)\s*[-.:]?\s*(?:nr\.?\s*)?(?=\d)", re.I)
_BARE_NUMBER = re.compile(r"^\s*\d{1,6}\s*[a-z]?\s*$", re.I)
_ALKIS = re.compile(r"^\s*\d{2}\d{4}\d{3}\d{5}\d{4}_*\s*$")
_PARCEL_WORDS = re.compile(r"\b(?:gemarkung|gmk\.?|flur|flurst(?:ü|ue)ck\w*|flst\.?)", re.I)


@dataclass(frozen=True)
class BoxQuery:
    """How the box was read: exactly one of parcel, register number or words."""

    parcel: ParcelQuery | None = None
    register_number: str | None = None
    words: str | None = None

    @property
    def reading(self) -> str:
        """How the box was understood, in words a clerk reads."""
        if self.parcel is not None:
            p = self.parcel
            parts = [f"Gemarkung {p.gemarkung}" if p.gemarkung else None,
                     f"Flur {p.flur}" if p.flur is not None else None]
            if p.zaehler is not None:
                number = f"{p.zaehler}" + (f"/{p.nenner}" if p.nenner is not None else "")
                parts.append(f"Flurstück {number}" + (f"–{p.zaehler_to}" if p.zaehler_to is not None else ""))
            return "parcel " + ", ".join(part for part in parts if part)
        if self.register_number is not None:
            return f"Baulastenblatt-Nr. {self.register_number}"
        return f"words {self.words}" if self.words else "everything"


def read_box(text: str, gazetteer: Gazetteer) -> BoxQuery:
    """What the text in the search box asks for."""
    text = " ".join(text.split())
    if not text:
        return BoxQuery()
    if _REGISTER_KEYWORD.match(text) or _BARE_NUMBER.match(text):
        number = normalize_register_number(_REGISTER_KEYWORD.sub("", text))
        if number is not None:
            return BoxQuery(register_number=number)
    parcel = _parcel(text, gazetteer)
    if parcel is not None:
        return BoxQuery(parcel=parcel)
    return BoxQuery(words=text)


def _parcel(text: str, gazetteer: Gazetteer) -> ParcelQuery | None:
    """A parcel query, if the text reads as one: an ALKIS key, or a known Gemarkung (or the
    words Flur/Flurstück) with numbers; a Gemarkung name alone counts too."""
    query = parse_parcel_query(text, gazetteer)
    if query is None:
        return None
    if _ALKIS.match(text):
        return query
    if query.gemarkung is not None:
        match = gazetteer.match_gemarkung(query.gemarkung, min_score=0.9)
        if match is None:
            return None
        return ParcelQuery(match.name, query.flur, query.zaehler, query.nenner, query.zaehler_to)
    has_numbers = query.flur is not None or query.zaehler is not None
    return query if has_numbers and _PARCEL_WORDS.search(text) else None
