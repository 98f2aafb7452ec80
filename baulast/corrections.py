"""Reading a reviewer's corrections, as typed on the command line or in the web form."""

from __future__ import annotations

from typing import Any

from baulast.dates import parse_german_date
from baulast.errors import BadUsage
from baulast.gazetteer import Gazetteer
from baulast.model import Parcel
from baulast.parcels import parse_parcel_query
from baulast.regnum import normalize_register_number


def parse_parcels(text: str, gazetteer: Gazetteer, label: str = "parcels") -> tuple[Parcel, ...]:
    """Parcels separated by ";", each in any usual notation, with a known Gemarkung and a Flur."""
    parcels = []
    for part in (p.strip() for p in text.split(";")):
        query = parse_parcel_query(part, gazetteer) if part else None
        if query is None or query.zaehler is None or query.zaehler_to is not None:
            raise BadUsage(f"{label}: cannot read {part!r} as one parcel (e.g. \"Zons 3 123/4\")")
        if query.gemarkung is None or gazetteer.municipality_of(query.gemarkung) is None:
            raise BadUsage(f"{label}: {part!r} names no Gemarkung of the gazetteer")
        if query.flur is None:
            raise BadUsage(f"{label}: {part!r} has no Flur (e.g. \"Zons 3 123/4\")")
        flurstueck = f"{query.zaehler}/{query.nenner}" if query.nenner else str(query.zaehler)
        parcels.append(Parcel(query.gemarkung, query.flur, flurstueck))
    return tuple(parcels)


def parse_corrections(gazetteer: Gazetteer, *, municipality: str | None = None, register_number: str | None = None,
                      parcels: str | None = None, date: str | None = None, prefix: str = "") -> dict[str, Any]:
    """The changes to make, parsed and checked; a field given as None is left alone.

    `prefix` goes before each field name in messages ("--" on the command line)."""
    changes: dict[str, Any] = {}
    if municipality is not None:
        match = gazetteer.match_municipality(municipality, min_score=0.9)
        if match is None:
            raise BadUsage(f"{prefix}municipality: {municipality!r} is not a municipality of the gazetteer")
        changes["municipality"] = match.name
    if register_number is not None:
        changes["register_number"] = normalize_register_number(register_number)
        if changes["register_number"] is None:
            raise BadUsage(f"{prefix}register-number: {register_number!r} holds no register number")
    if parcels is not None:
        changes["parcels"] = parse_parcels(parcels, gazetteer, f"{prefix}parcels")
    if date is not None:
        changes["date"] = parse_german_date(date)
        if changes["date"] is None:
            raise BadUsage(f"{prefix}date: cannot read {date!r} as a date")
    return changes
