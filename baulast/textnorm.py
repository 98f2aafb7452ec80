"""Small helpers for noisy OCR text, shared by the field parsers.

Tesseract confuses a handful of letters with digits (O/0, l/1, S/5, B/8) and
breaks German umlauts in several ways ("Flurstück", "Flurstiick", "Flurstuck").
The parsers compare folded text and repair digits only where digits are expected.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that OCR returns in place of a digit.
DIGIT_LOOKALIKES = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "ı": "1", "S": "5", "B": "8"}

# A character class (for regular expressions) of digits and their lookalikes.
DIGIT_CLASS = "[0-9OolI|ıSB]"

# Letter pairs OCR reads as one letter where type runs together ("Kanei" for "Kartei", "Ruhrstrasse" with
# "m" for "rn"), and back: words are compared once more with each pair read as its letter.
RUN_TOGETHER = (("rn", "m"), ("ri", "n"), ("rt", "n"), ("ii", "u"), ("cl", "d"), ("vv", "w"), ("li", "h"))

_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def run_together(folded: str) -> str:
    """A folded word with each pair of RUN_TOGETHER read as the one letter OCR takes it for."""
    for pair, letter in RUN_TOGETHER:
        folded = folded.replace(pair, letter)
    return folded


def fold(text: str) -> str:
    """Casefold and strip accents so that "Büderich", "Buederich" and "BUDERICH" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.casefold().replace("ı", "i")  # also turns ß into ss; "ı" is how OCR often reads an i
    for digraph, vowel in _DIGRAPHS:
        folded = folded.replace(digraph, vowel)
    return folded


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Fold a place name and treat hyphens, dots and runs of spaces as one space."""
    return _NOT_LETTER_OR_DIGIT.sub(" ", fold(text)).strip()


def fix_digits(token: str) -> str:
    """Replace digit lookalike letters by digits when the token already holds a real digit."""
    if not any(c.isdigit() for c in token):
        return token
    return "".join(DIGIT_LOOKALIKES.get(c, c) for c in token)


def digits_to_int(token: str) -> int | None:
    """The integer a digit token stands for after OCR repair; None if anything else is left."""
    repaired = fix_digits(token).replace(" ", "")
    if not repaired.isascii() or not repaired.isdigit():
        return None
    return int(repaired)
