"""A second, sparse reading of the sheet for the core fields its first reading did not find.

Tesseract's first reading analyses the page's layout into blocks and lines, and words it
cannot place drop out: a stamp's date, a number alone in a box, a value far to the right of
its label on a form. Read again as sparse text (Tesseract's PSM 11: every word it can find,
no blocks), the page often states them. This is no rule about any one form: it is a
different reading of the same image, so it helps on layouts nobody here has seen.

Only a field the first reading did not find is taken from the second, and never as sure as
the readers rate it there (`SECOND_READING`): a value only one of two readings of the page
states is one a reader should look at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PIL import Image

from baulast.gazetteer import Gazetteer
from baulast.model import CORE_FIELDS, Entry, Evidence, Extraction, Field, OcrPage
from pipeline.extract import extract
from pipeline.ocr import OcrEngine

SECOND_READING = 0.6  # the most a field only the sparse reading found may be trusted


def _found(field: Field | None) -> bool:
    return field is not None and field.value not in (None, (), [])


def missing_fields(extraction: Extraction) -> list[str]:
    """The core fields the extraction did not find."""
    fields = extraction.fields()
    return [name for name in CORE_FIELDS if not _found(fields.get(name))]


def reread_missing(extraction: Extraction, sheet: OcrPage, image: Image.Image | None, engine: OcrEngine,
                   gazetteer: Gazetteer, dpi: int) -> Extraction:
    """The extraction with each core field it lacks read from a sparse reading of the sheet's image,
    where that reading finds it. Costs a reading only where a field is missing."""
    missing = missing_fields(extraction)
    if not missing or image is None:
        return extraction
    found = extract(engine.read_sparse(image, sheet.number, dpi), gazetteer)
    taken: dict[str, object] = {name: _second(getattr(found, name)) for name in missing if _found(getattr(found, name))}
    if "date" in taken:
        # The date is entry 1's registration: entry 1 carries it too, so that validation checks it against the
        # other entries' (entry 2 registered before entry 1 means a date is misread).
        taken["entries"] = _dated_first(extraction.entries, found.date.value) if extraction.entries else found.entries
    return dataclasses.replace(extraction, **taken) if taken else extraction


def _dated_first(entries: tuple[Entry, ...], date: dt.date) -> tuple[Entry, ...]:
    """The entries with entry 1's missing registration date filled in."""
    return tuple(dataclasses.replace(entry, registered_on=date) if entry.lfd_nr == 1 and entry.registered_on is None
                 else entry for entry in entries)


def _second(field: Field) -> Field:
    """A field found by the second reading only: capped, and its evidence says so."""
    evidence = field.evidence
    if evidence is not None:
        evidence = Evidence(evidence.page, evidence.bbox, f"{evidence.text} (sparse reading)")
    return Field(field.name, field.value, min(field.confidence, SECOND_READING), evidence)
