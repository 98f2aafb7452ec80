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
    """The evidence box (label and value) cut from the page with a margin, enlarged; where the box spans lines (the
    value below its label, a stamp's date under its words), its last line only: read as one line, two lines are
    neither."""
    left, _, right, bottom = evidence.bbox
    top = _last_line_top(image, evidence.bbox)
    margin = bottom - top
    box = (max(0, left - margin), max(0, top - margin // 2),
           min(image.width, right + margin), min(image.height, bottom + margin // 2))
    crop = image.crop(box)
    return crop.resize((crop.width * SCALE, crop.height * SCALE), Image.LANCZOS)


_INK_SHARE = 0.01  # of the box's width: a pixel row with this much ink holds a line's glyphs
_LINE_SHARE = 0.4  # of the tallest band's height: a lower band is a rule, a speck or an umlaut's dots


def _last_line_top(image: Image.Image, bbox: tuple[int, int, int, int]) -> int:
    """Where the box's last line of text begins: its top where it holds one line. Lines are the bands of pixel rows
    that hold ink, apart from each other by rows that hold none."""
    left, top, right, bottom = bbox
    if right - left < 2 or bottom - top < 2:
        return top
    gray = image.crop(bbox).convert("L")
    histogram = gray.histogram()
    total = sum(histogram)
    cumulative, low, high = 0, 0, 255
    for value, count in enumerate(histogram):  # the 5th and 95th percentiles: ink and paper, however grey
        cumulative += count
        if cumulative <= 0.05 * total:
            low = value
        if cumulative < 0.95 * total:
            high = value + 1
    threshold = (low + high) // 2
    width, height = gray.size
    pixels = gray.load()
    ink = [sum(pixels[x, y] < threshold for x in range(width)) >= max(1, _INK_SHARE * width) for y in range(height)]
    bands: list[tuple[int, int]] = []
    for y, inked in enumerate(ink):
        if inked and bands and bands[-1][1] == y:
            bands[-1] = (bands[-1][0], y + 1)
        elif inked:
            bands.append((y, y + 1))
    tallest = max((end - start for start, end in bands), default=0)
    lines = [band for band in bands if band[1] - band[0] >= _LINE_SHARE * tallest]
    return top + lines[-1][0] if len(lines) >= 2 else top


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
