"""A second reading of values that nothing else on the page confirms.

Tesseract can be confidently wrong on a glyph: a dotted or slashed zero (dot-matrix
printers, some typewriters) reads as "8" at 98% confidence. Reading the value's crop again,
enlarged and as a single line, flips such errors often enough that disagreement is a strong
sign of a misread; the field then goes to a person instead of into the register.
"""

from __future__ import annotations

from PIL import Image

from baulast.dates import find_dates, is_plausible_register_date
from baulast.model import Evidence, Field
from pipeline.ocr import OcrEngine

SCALE = 2
DISAGREEMENT_CONFIDENCE = 0.4


def value_crop(image: Image.Image, evidence: Evidence) -> Image.Image:
    """The evidence box (label and value) cut from the page with a margin, enlarged."""
    left, top, right, bottom = evidence.bbox
    margin = bottom - top
    box = (max(0, left - margin), max(0, top - margin // 2),
           min(image.width, right + margin), min(image.height, bottom + margin // 2))
    crop = image.crop(box)
    return crop.resize((crop.width * SCALE, crop.height * SCALE), Image.LANCZOS)


def _digits(text: str) -> str:
    """The digits of a text, in order (leading zeros kept: they are glyphs that can be misread)."""
    return "".join(c for c in text if c.isascii() and c.isdigit())


def verify_register_number(field: Field | None, image: Image.Image | None, engine: OcrEngine) -> Field | None:
    """The register number, distrusted when a second reading of its crop disputes a digit."""
    return verify_digits(field, image, engine)


def verify_date(field: Field | None, image: Image.Image | None, engine: OcrEngine) -> Field | None:
    """The Eintragungsdatum, distrusted when a second reading of its crop is another date a
    register can carry. A second reading that is no such date ("21.03.1078", "04.022008": the
    enlarged crop misread) disputes nothing."""
    line = _second_reading(field, image, engine)
    if field is None or line is None:
        return field
    second = [m.value for m in find_dates(line) if is_plausible_register_date(m.value)]
    if not second or field.value in second:
        return field
    return _disputed(field, line)


def verify_digits(field: Field | None, image: Image.Image | None, engine: OcrEngine) -> Field | None:
    """The field, distrusted when a second reading of its crop disputes a digit.

    Only a reading with as many digits that differs in one of them counts as a dispute: that
    is the confident glyph confusion this guards against. A second reading with fewer or more
    digits (a cut-off crop, a neighbour's number in the margin) says nothing either way.
    """
    line = _second_reading(field, image, engine)
    if field is None or line is None:
        return field
    # The evidence as read on the sheet, without what other pages' readings added to it.
    read = field.evidence.text.split(" (also on page")[0]  # type: ignore[union-attr]  # evidence checked above
    first, second = _digits(read), _digits(line)
    if not second or len(first) != len(second) or first == second:
        return field
    return _disputed(field, line)


def _second_reading(field: Field | None, image: Image.Image | None, engine: OcrEngine) -> str | None:
    """The field's crop read again as one line, or None where there is nothing to read."""
    if field is None or image is None or field.evidence is None or field.evidence.bbox is None:
        return None
    return engine.read_line(value_crop(image, field.evidence))


def _disputed(field: Field, line: str) -> Field:
    """The field distrusted, with the second reading noted in its evidence."""
    assert field.evidence is not None
    evidence = Evidence(field.evidence.page, field.evidence.bbox,
                        f"{field.evidence.text} (second reading: {line})")
    return Field(field.name, field.value, min(field.confidence, DISAGREEMENT_CONFIDENCE), evidence)
