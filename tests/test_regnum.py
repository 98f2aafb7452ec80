"""Register (Baulastenblatt) numbers: table of sheet forms, plus round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baulast.regnum import normalize_register_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Nr. 1.234", "1234", id="thousands-dot"),
        pytest.param("01234", "1234", id="leading-zero"),
        pytest.param("512 a", "512a", id="suffix-with-space"),
        pytest.param("512A", "512a", id="suffix-uppercase"),
        pytest.param("930-a", "930a", id="suffix-after-hyphen"),
        pytest.param("512B", "512b", id="suffix-b-not-eight"),
        pytest.param("Baulastenblatt Nr. 17", "17", id="sheet-title"),
        pytest.param("Blatt-Nr.: 0042", "42", id="blatt-nr"),
        pytest.param("1 234", "1234", id="thousands-space"),
        pytest.param("Nr. 5. 235", "5235", id="thousands-dot-then-space"),
        pytest.param("l.2O4", "1204", id="ocr-letters-for-digits"),
        pytest.param("Blatt 3 Nr. 55", "55", id="prefers-number-after-nr"),
        pytest.param("Nr. 17 vom 12.03.1987", "17", id="followed-by-date"),
        pytest.param("Nr. 12a)", "12a", id="suffix-before-bracket"),
        pytest.param("99999 b", "99999b", id="largest"),
        pytest.param("100000", None, id="too-large"),
        pytest.param("0", None, id="zero"),
        pytest.param("Nr. 000", None, id="zeros"),
        pytest.param("12.03.1987", None, id="date-is-no-number"),
        pytest.param("Baulastenverzeichnis", None, id="no-number"),
        pytest.param("", None, id="empty"),
    ],
)
def test_normalize_register_number(text: str, expected: str | None) -> None:
    assert normalize_register_number(text) == expected


@given(st.text(alphabet="0123456789OolI|SB. -:Nr,abc\u00a0") | st.text())
def test_never_raises(text: str) -> None:
    result = normalize_register_number(text)
    assert result is None or result[:1].isdigit()


@given(
    number=st.integers(min_value=1, max_value=99999),
    suffix=st.sampled_from(["", *"abcdefghijklmnopqrstuvwxyz"]),
    form=st.sampled_from(["plain", "zeros", "dot", "space", "nr"]),
    uppercase=st.booleans(),
)
def test_round_trip(number: int, suffix: str, form: str, uppercase: bool) -> None:
    written = {
        "plain": str(number),
        "zeros": f"{number:06d}",
        "dot": f"{number:,}".replace(",", "."),
        "space": f"{number:,}".replace(",", " "),
        "nr": f"Baulastenblatt Nr. {number}",
    }[form]
    written_suffix = suffix.upper() if uppercase else suffix
    if written_suffix not in ("o", "O", "l", "I"):  # attached, these are read as 0 and 1
        assert normalize_register_number(written + written_suffix) == f"{number}{suffix}"
    assert normalize_register_number(f"{written} {written_suffix}") == f"{number}{suffix}"
