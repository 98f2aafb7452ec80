"""Baulastenblatt numbers: "Nr. 1.234", "Blatt-Nr.: 0042", "512 a" become "1234", "42", "512a"."""

from __future__ import annotations

import re

from baulast.textnorm import DIGIT_CLASS, digits_to_int

HIGHEST_REGISTER_NUMBER = 99999

# A trailing "S" or "B" after digits is read as a letter suffix, not as 5 or 8:
# "512B" is sheet 512b far more often than sheet 5128.
_LAST_DIGIT = "[0-9OolI|]"
_CANDIDATE = re.compile(
    rf"""
    (?<!\w) (?<!\d[./])
    (?P<number>
        {DIGIT_CLASS}{{1,2}} (?:(?:\.[\u00a0\u202f ]?|[\u00a0\u202f ]){DIGIT_CLASS}{{3}})+   # 1.234 / 1 234 / 1. 234
      | {DIGIT_CLASS}* {_LAST_DIGIT}
    )
    (?:[ -]?(?P<suffix>[A-Za-z]))?  # "512 a", "512a", "512-a"
    (?![\w|]) (?![./,-]?\d)
    """,
    re.VERBOSE,
)
_NUMBER_MARKER = re.compile(r"\bN(?:r|o|ummer)\b\.?", re.IGNORECASE)


def normalize_register_number(text: str) -> str | None:
    """The register number in a text as digits plus an optional lowercase letter, or None."""
    marker = _NUMBER_MARKER.search(text)
    # Prefer a number after "Nr."; a sheet header may name other numbers before it.
    starts = [marker.end(), 0] if marker else [0]
    for start in starts:
        for match in _CANDIDATE.finditer(text, start):
            number = _number_from_match(match)
            if number is not None:
                return number
    return None


def _number_from_match(match: re.Match[str]) -> str | None:
    digits = re.sub(r"[.\u00a0\u202f ]", "", match.group("number"))
    if not any(c.isdigit() for c in digits):
        return None
    value = digits_to_int(digits)
    if value is None or not 1 <= value <= HIGHEST_REGISTER_NUMBER:
        return None
    suffix = (match.group("suffix") or "").lower()
    return f"{value}{suffix}"
