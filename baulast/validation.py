"""Validation: rules and reference-data checks that decide accepted vs. needs_review.

Validation never repairs a value; it records findings. A record with an error finding,
a missing core field or a core field below the confidence threshold is never accepted.
"""

from __future__ import annotations

import datetime as dt

from baulast.dates import is_plausible_register_date
from baulast.gazetteer import Gazetteer
from baulast.model import CORE_FIELDS, Extraction, Finding, Status

# The minimum confidence of each core field for auto-accept: for each field the lowest
# threshold above which every value was right in the per-field calibration table of
# `baulast eval` on the tuning corpus (see docs/accuracy.md).
ACCEPT_THRESHOLDS = {"municipality": 0.75, "register_number": 0.8, "parcels": 0.75, "date": 0.85}


def validate(extraction: Extraction, gazetteer: Gazetteer, threshold: float | None = None,
             today: dt.date | None = None) -> list[Finding]:
    """All findings about an extraction (empty when it may go straight into the register).

    `threshold`, if given, replaces every field's accept threshold (a reviewer's accept passes 0:
    a person has looked, so confidence no longer counts)."""
    if extraction.sheet_page is None:
        return [Finding("error", "no_sheet", "no Baulastenblatt page found in this file")]
    findings: list[Finding] = []
    if not extraction.sheet_certain:
        findings.append(Finding("error", "uncertain_sheet",
                                f"page {extraction.sheet_page} is only the likeliest Baulastenblatt of the file"))
    fields = extraction.fields()
    for name in CORE_FIELDS:
        found = fields.get(name)
        if found is None or found.value in (None, (), []):
            findings.append(Finding("error", "missing", f"{name} not found", name))
        elif found.confidence < (ACCEPT_THRESHOLDS[name] if threshold is None else threshold):
            findings.append(Finding(
                "error", "low_confidence", f"{name} read with confidence {found.confidence:.2f}", name,
            ))
    if extraction.parcels is not None:
        for parcel in extraction.parcels.value:
            if gazetteer.municipality_of(parcel.gemarkung) is None:
                findings.append(Finding(
                    "error", "unknown_gemarkung", f"Gemarkung {parcel.gemarkung!r} is not in the gazetteer", "parcels",
                ))
            if parcel.flur is None:
                findings.append(Finding("error", "no_flur", f"parcel {parcel.label()} has no Flur", "parcels"))
        municipalities = {gazetteer.municipality_of(p.gemarkung) for p in extraction.parcels.value} - {None}
        if len(municipalities) > 1:
            findings.append(Finding(
                "error", "parcels_span_municipalities",
                f"parcels lie in several municipalities: {', '.join(sorted(municipalities))}", "parcels",
            ))
        if extraction.municipality and municipalities and extraction.municipality.value not in municipalities:
            findings.append(Finding(
                "error", "municipality_mismatch",
                f"municipality {extraction.municipality.value} does not hold Gemarkung(en) of the parcels",
                "municipality",
            ))
    if extraction.date is not None and not is_plausible_register_date(extraction.date.value, today):
        findings.append(Finding("error", "implausible_date", f"date {extraction.date.value} is implausible", "date"))
    first = next((e for e in extraction.entries if e.lfd_nr == 1 and e.registered_on), None)
    if first and extraction.date is not None and extraction.date.value == first.registered_on:
        # A register numbers its entries as they are registered: entry 2 registered before entry 1 means
        # one of the two dates is misread (or entry 1's is another act's).
        earlier = next((e for e in extraction.entries
                        if e.lfd_nr > 1 and e.registered_on and e.registered_on < first.registered_on), None)
        if earlier is not None:
            findings.append(Finding(
                "error", "entries_out_of_order",
                f"entry {earlier.lfd_nr} registered ({earlier.registered_on}) before entry 1 ({first.registered_on}):"
                " a date is misread", "date",
            ))
    for entry in extraction.entries:
        if entry.lfd_nr == 1 and entry.registered_on and entry.registered_on == entry.deleted_on:
            findings.append(Finding(
                "error", "registered_equals_deleted",
                f"entry 1 registered and deleted on the same day ({entry.registered_on}): one date is misread",
                "date",
            ))
        if entry.registered_on and entry.deleted_on and entry.deleted_on < entry.registered_on:
            findings.append(Finding(
                "warning", "deleted_before_registered",
                f"entry {entry.lfd_nr} deleted ({entry.deleted_on}) before registered ({entry.registered_on})",
                "entries",
            ))
    return findings


def decide(findings: list[Finding]) -> Status:
    """accepted only when no finding is an error."""
    return Status.NEEDS_REVIEW if any(f.severity == "error" for f in findings) else Status.ACCEPTED
