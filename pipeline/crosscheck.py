"""The register number as the Akte's other pages name it.

A cover letter or a declaration often names the sheet it belongs to ("in das Baulastenblatt
Nr. 2563 eingetragen"): a reading of the number from another page, in another typeface. Where
it agrees with the sheet, two independent readings confirm the number; where a confident one
names a number one glyph away, one of the two readings is wrong and a person must decide;
where the sheet's own number is unreadable, it is proposed for review.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from baulast.model import Evidence, Field, OcrPage
from pipeline.layout import rows_of
from pipeline.register import extract_register_number

CONFIRMED = 0.9  # two readings from different pages agree
DISPUTED = 0.4  # a confident reading on another page differs by one glyph
PROPOSED = 0.5  # only another page names it
_CONFIDENT = 0.75


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


def _noted(field: Field, other: Field, words: str) -> Evidence | None:
    """The field's evidence with the other page's reading noted."""
    if field.evidence is None or other.evidence is None:
        return field.evidence
    return Evidence(field.evidence.page, field.evidence.bbox,
                    f"{field.evidence.text} ({words} {other.evidence.page}: {other.evidence.text})")
