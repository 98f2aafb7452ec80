"""Page classification: which page of the Akte is the Baulastenblatt."""

from __future__ import annotations

from baulast.model import OcrPage
from pipeline.layout import key

# Words that mark a register sheet, with their weight. A declaration or a letter may
# mention "Baulast" too, but rarely carries the table labels; and letters and declarations
# have words of their own (salutation, closing, signature line) that count against.
SHEET_MARKERS = {
    "baulastenblatt": 3.0,
    "baulastenverzeichnis": 1.5,
    "lfd": 2.0,
    "inhalt": 1.0,
    "eintragung": 1.0,
    "bemerkungen": 2.0,
    "eingetragen": 2.0,
    "gemarkung": 1.0,
    "flur": 0.5,
    "geehrte": -4.0,
    "freundlichen": -3.0,
    "grussen": -2.0,
    "verpflichtungserklarung": -4.0,
    "unterschrift": -2.0,
    "beglaubigt": -1.0,
    "lageplan": -1.0,
}
SHEET_THRESHOLD = 6.0


def sheet_score(page: OcrPage) -> float:
    """How much a page looks like a Baulastenblatt (each marker counts once, as a word's start)."""
    words = {key(w.text) for w in page.words}
    return sum(
        weight for marker, weight in SHEET_MARKERS.items() if any(word.startswith(marker) for word in words)
    )


def find_sheet(pages: list[OcrPage]) -> OcrPage | None:
    """The page that is most clearly a Baulastenblatt, or None if none is."""
    scored = [(sheet_score(page), -page.number, page) for page in pages]
    if not scored:
        return None
    score, _, page = max(scored, key=lambda item: (item[0], item[1]))
    return page if score >= SHEET_THRESHOLD else None
