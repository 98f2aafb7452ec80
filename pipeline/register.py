"""The Baulastenblatt-Nr.: the register sheet's own number, read after its label."""

from __future__ import annotations

import re

from baulast.model import Evidence, Field, OcrPage, Word
from baulast.regnum import normalize_register_number
from pipeline.layout import Row, find_labels, key, mean_confidence, union, words_below, words_right_of

REGISTER_LABELS = ("Baulastenblatt", "Blatt-Nr", "Blattnummer")
_STOP_WORDS = {"grundbuch", "az", "aktenzeichen", "seite"}
_NUMBER_TOKEN = re.compile(r"^[0-9OolI|SB][0-9OolI|SB.\s]*[a-zA-Z]?$")


def _evidence(page: OcrPage, words: list[Word]) -> Evidence:
    """Evidence for a value read from these words."""
    return Evidence(page=page.number, bbox=union(w.bbox for w in words), text=" ".join(w.text for w in words))


def extract_register_number(page: OcrPage, rows: list[Row]) -> Field | None:
    """The Baulastenblatt-Nr.: the number after a register label, never a Grundbuch Blatt."""
    best: Field | None = None
    for label in REGISTER_LABELS:
        for anchor in find_labels(rows, label, 0.8):
            before = {key(w.text) for w in rows[anchor.row].words[max(0, anchor.start - 3) : anchor.start]}
            if before & _STOP_WORDS:
                continue
            for candidate in (words_right_of(rows, anchor, 5), words_below(rows, anchor)):
                value, used = _number_after(candidate)
                if value is None:
                    continue
                label_words = list(rows[anchor.row].words[anchor.start : anchor.end])
                confidence = anchor.score * mean_confidence(used)
                found = Field("register_number", value, confidence, _evidence(page, label_words + used))
                if best is None or found.confidence > best.confidence:
                    best = found
                break
    return best


def _number_after(words: list[Word]) -> tuple[str | None, list[Word]]:
    """A register number from the first words after a label ("Nr.", ":" skipped)."""
    used: list[Word] = []
    for word in words:
        token = word.text.strip(":;,")
        folded = key(token)
        if folded in ("nr", "nummer", "no", "") and not used:
            continue
        if _NUMBER_TOKEN.match(token) and any(c.isdigit() for c in token):
            used.append(word)  # a lone "|" or "l" is a table rule or a letter, not a digit
            continue
        if used and len(token) == 1 and token.isalpha() and token not in "lIO":
            used.append(word)  # a letter suffix: "512 a"
        break
    if not used:
        return None, []
    # Digits spread over several words are one number ("1 234", a typewriter's "2 1 73").
    value = normalize_register_number("".join(w.text for w in used))
    return value, used
