"""The register number and the parcels as the Akte's other pages name them.

A cover letter or a declaration often names the sheet it belongs to ("in das Baulastenblatt
Nr. 2563 eingetragen"): a reading of the number from another page, in another typeface. Where
it agrees with the sheet, two independent readings confirm the number; where a confident one
names a number one glyph away, one of the two readings is wrong and a person must decide;
where the sheet's own number is unreadable, it is proposed for review.

The notice of registration names the burdened parcels too ("zu Lasten Ihres Grundstücks
Gemarkung Zons, Flur 11, Flurstück 333/35"). Where every letter of the Akte that names parcels
names exactly the sheet's set, the set is confirmed. Only letters count: a copy or a continuation
of the sheet repeats its misreads; a declaration and a Lageplan name other parcels beside the
burdened ones (the benefiting parcel, the neighbours). A letter naming a benefiting parcel
("zugunsten") or a range ("120 bis 122": the parser takes its ends, on both pages alike) confirms
nothing, nor does any letter where the sheet's list of parcels breaks off ("333/35 und" at a line's
end: a parcel may be lost, and a letter to one owner names his parcel only).
"""

from __future__ import annotations

import dataclasses
import re

from rapidfuzz.distance import Levenshtein

from baulast.gazetteer import Gazetteer
from baulast.model import Evidence, Extraction, Field, OcrPage, Parcel
from baulast.parcels import parse_parcels
from pipeline.classify import is_letter
from pipeline.extract import parcel_words
from pipeline.layout import evidence_of, rows_of
from pipeline.register import extract_register_number

CONFIRMED = 0.9  # two readings from different pages agree
DISPUTED = 0.4  # a confident reading on another page differs by one glyph
PROPOSED = 0.5  # only another page names it
_CONFIDENT = 0.75
# Parcels read at least this surely may be confirmed. Lower values are the readers' own doubt (a header
# that may list more parcels than were read, the entry prose's first parcel only): a letter naming the
# same part of the set confirms nothing of the rest.
CONFIRMABLE_PARCELS = 0.6
_KNOWN = 0.8  # a Gemarkung matched to the gazetteer at least this well
_OTHER_PARCELS = re.compile(r"(?i)zugunsten|beg[üu]nstig|herrschend")  # a benefiting parcel named beside
# A range in a list of Flurstücke ("Flurstücke 120 bis 122", "Flst. 120-122"), on the keyword's line.
_RANGE = re.compile(r"(?im)\bfl(?:ur)?st\w*\.?[^\n]*?\d[ \t]*(?:bis\b|-[ \t]*\d)")
_BROKEN_OFF = re.compile(r"(?im)\d[ \t]*(?:,|\bund|\bu\.|\bsowie)[ \t]*$(?![\n\s]*\d)")


def other_page_numbers(pages: list[OcrPage], sheet_page: int | None) -> list[Field]:
    """Register numbers the other pages of the Akte name, one per page at most."""
    found = []
    for page in pages:
        if page.number != sheet_page and (reading := extract_register_number(page, rows_of(page))) is not None:
            found.append(reading)
    return found


def cross_check(field: Field | None, others: list[Field]) -> Field | None:
    """The sheet's register number, confirmed, disputed or proposed by the other pages."""
    if not others:
        return field
    values = {other.value for other in others}
    if field is None or field.confidence < PROPOSED and values != {field.value}:
        # No reading, or one weaker than another page's proposal: the pages' number, where they agree
        if len(values) != 1:
            return field  # pages that disagree propose nothing
        best = max(others, key=lambda other: other.confidence)
        return Field(best.name, best.value, min(best.confidence, PROPOSED), best.evidence)
    if values == {field.value}:  # every other page names this number: two readings agree
        return Field(field.name, field.value, max(field.confidence, CONFIRMED),
                     _noted(field, others[0], "also on page"))
    if field.value in values:
        # Pages that name other numbers too may name this one as another sheet's (an old sheet's deletion letter
        # beside the new sheet's notice): their agreement confirms nothing.
        return field
    near = [other for other in others if other.confidence >= _CONFIDENT
            and Levenshtein.distance(str(other.value), str(field.value)) == 1]
    if near:
        return Field(field.name, field.value, min(field.confidence, DISPUTED), _noted(field, near[0], "page"))
    return field  # another sheet's number (a cross-reference), not this one's


def other_page_parcels(pages: list[OcrPage], sheet_page: int | None, gazetteer: Gazetteer) -> list[Field]:
    """The parcel sets the Akte's letters name (one per letter), each parcel with a Gemarkung the
    gazetteer knows and its Flur; none where the sheet's list of parcels breaks off at a line's end."""
    sheet = next((page for page in pages if page.number == sheet_page), None)
    if sheet is not None and _BROKEN_OFF.search(sheet.text):
        return []
    found = []
    for page in pages:
        if page.number == sheet_page or not is_letter(page) or _OTHER_PARCELS.search(page.text) \
                or _RANGE.search(page.text):
            continue
        named: dict[Parcel, None] = {}
        for parcel in parse_parcels(page.text):
            match = gazetteer.match_gemarkung(parcel.gemarkung, _KNOWN) if parcel.gemarkung else None
            if match is not None and parcel.flur is not None:
                named[Parcel(match.name, parcel.flur, parcel.flurstueck)] = None
        if named:
            words = parcel_words(list(page.words), list(named), gazetteer) or list(page.words)
            found.append(Field("parcels", tuple(named), PROPOSED, evidence_of(page, words[:8])))
    return found


def cross_check_parcels(field: Field | None, others: list[Field]) -> Field | None:
    """The sheet's parcels, confirmed where every other page naming parcels names exactly this set."""
    if field is None or not others or field.confidence < CONFIRMABLE_PARCELS:
        return field
    if all(set(other.value) == set(field.value) for other in others):
        noted = _noted(field, others[0], "also on page")
        return Field(field.name, field.value, max(field.confidence, CONFIRMED), noted)
    return field


def confirm_place(extraction: Extraction, others: list[Field], gazetteer: Gazetteer) -> Extraction:
    """The extraction with its parcels cross-checked against the other pages' (`cross_check_parcels`),
    and the municipality confirmed with them where every confirmed parcel lies in it: the municipality
    is read from the parcels' Gemarkung, as surely as they are."""
    parcels = cross_check_parcels(extraction.parcels, others)
    if parcels is extraction.parcels or parcels is None:
        return extraction
    municipality = extraction.municipality
    places = {gazetteer.municipality_of(parcel.gemarkung) for parcel in parcels.value}
    if municipality is not None and places == {municipality.value}:
        municipality = Field(municipality.name, municipality.value, max(municipality.confidence, parcels.confidence),
                             municipality.evidence)
    return dataclasses.replace(extraction, parcels=parcels, municipality=municipality)


def _noted(field: Field, other: Field, words: str) -> Evidence | None:
    """The field's evidence with the other page's reading noted."""
    if field.evidence is None or other.evidence is None:
        return field.evidence
    return Evidence(field.evidence.page, field.evidence.bbox,
                    f"{field.evidence.text} ({words} {other.evidence.page}: {other.evidence.text})")
