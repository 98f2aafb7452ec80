"""The register number cross-checked against the Akte's other pages (no Tesseract)."""

from __future__ import annotations

import pytest

from baulast.model import Evidence, Field
from pipeline.crosscheck import CONFIRMED, DISPUTED, PROPOSED, cross_check, other_page_numbers
from tests.conftest import make_page, words_of


def number(value: str, confidence: float, page: int = 1) -> Field:
    return Field("register_number", value, confidence, Evidence(page, (0, 0, 10, 10), f"Nr. {value}"))


@pytest.mark.parametrize("sheet, others, value, confidence", [
    (number("2563", 0.6), [number("2563", 0.8, 2)], "2563", CONFIRMED),  # two readings agree
    (number("2563", 0.97), [number("2563", 0.8, 2)], "2563", 0.97),  # never lowered by agreement
    (number("2263", 0.83), [number("2563", 0.9, 2)], "2263", DISPUTED),  # one glyph apart: a person decides
    (number("2263", 0.83), [number("2563", 0.6, 2)], "2263", 0.83),  # an unsure other reading proves nothing
    (number("2263", 0.83), [number("345", 0.9, 2)], "2263", 0.83),  # another sheet named (a cross-reference)
    (None, [number("97", 0.9, 3)], "97", PROPOSED),  # only another page names it
    (None, [number("97", 0.9, 2), number("98", 0.9, 3)], None, None),  # pages disagree: nothing proposed
    (number("12", 0.8), [], "12", 0.8),
    (number("168", 0.14), [number("3866", 0.9, 2)], "3866", PROPOSED),  # a guess yields to another page's number
    (number("168", 0.14), [number("3866", 0.9, 2), number("3867", 0.9, 3)], "168", 0.14),  # unless they disagree
    (number("168", 0.14), [number("168", 0.9, 2)], "168", CONFIRMED),  # a guess the other page confirms
    # Pages that also name another number (an old sheet's deletion letter, the new sheet's notice) confirm nothing.
    (number("812", 0.5), [number("812", 0.9, 2), number("2263", 0.9, 3)], "812", 0.5),
])
def test_cross_check(sheet, others, value, confidence) -> None:  # type: ignore[no-untyped-def]
    checked = cross_check(sheet, others)
    if value is None:
        assert checked is None
    else:
        assert (checked.value, checked.confidence) == (value, confidence)


def test_a_cover_letter_names_the_sheet_it_belongs_to() -> None:
    letter = make_page([words_of("Sehr geehrte Damen und Herren,"),
                        words_of("die Baulast wurde in das Baulastenblatt Nr. 2563 eingetragen.")], number=1)
    sheet = make_page([words_of("Baulastenblatt Nr. 2263")], number=2)
    others = other_page_numbers([letter, sheet], sheet_page=2)
    assert [(o.value, o.evidence.page) for o in others] == [("2563", 1)]
