"""Page classification: which page of the Akte is the Baulastenblatt."""

from __future__ import annotations

from baulast.model import OcrPage
from pipeline.layout import key

# Words that mark a register sheet, with their weight. A declaration or a letter may
# mention "Baulast" too, but rarely carries the table labels and "Eingetragen am".
SHEET_MARKERS = {
    "baulastenblatt": 4.0,
    "baulastenverzeichnis": 1.5,
    "lfd": 2.0,
    "eintragung": 1.5,
    "bemerkungen": 1.5,
    "eingetragen": 3.0,
    "gemarkung": 1.0,
    "flurstuck": 0.5,
    "flurstucke": 0.5,
}
SHEET_THRESHOLD = 6.0


def sheet_score(page: OcrPage) -> float:
    """How much a page looks like a Baulastenblatt (each marker counts once)."""
    words = {key(w.text) for w in page.words}
    return sum(weight for marker, weight in SHEET_MARKERS.items() if marker in words)


def find_sheet(pages: list[OcrPage]) -> OcrPage | None:
    """The page that is most clearly a Baulastenblatt, or None if none is."""
    scored = [(sheet_score(page), -page.number, page) for page in pages]
    if not scored:
        return None
    score, _, page = max(scored, key=lambda item: (item[0], item[1]))
    return page if score >= SHEET_THRESHOLD else None
