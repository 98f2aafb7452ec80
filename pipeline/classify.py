"""Page classification: which page of the Akte is the Baulastenblatt."""

from __future__ import annotations

from baulast.model import OcrPage
from pipeline.layout import key

# What marks a register sheet, each with its weight and the word stems forms use for it. A
# declaration or a letter may mention "Baulast" too, but rarely carries the table labels; and
# letters and declarations have words of their own (salutation, closing, signature line)
# that count against. Each mark counts once, however many of its wordings a page has.
SHEET_MARKS = (
    (3.0, ("baulastenblatt", "baulastblatt")),
    (1.5, ("baulastenverzeichnis", "baulastverzeichnis", "verzeichnis")),
    (2.0, ("lfd", "ifd")),  # "Ifd." is how "Lfd." often reads
    (1.0, ("inhalt", "wortlaut")),
    (1.0, ("eintragung",)),
    (2.0, ("bemerkungen", "vermerke", "anmerkungen")),
    (2.0, ("eingetragen", "eintragungsdatum", "eintragungstag", "eingetr")),
    (1.0, ("geloscht", "loschung")),
    (1.0, ("gemarkung", "gemkg", "gmkg")),
    (0.5, ("flur",)),
    (-4.0, ("geehrte",)),
    (-3.0, ("freundlichen",)),
    (-2.0, ("grussen",)),
    (-4.0, ("verpflichtungserklarung",)),
    (-2.0, ("unterschrift",)),
    (-1.0, ("beglaubigt",)),
    (-1.0, ("lageplan",)),
)
SHEET_THRESHOLD = 6.0
# A page below the threshold is still taken for the sheet, never trusted, where it is the file's
# likeliest page, shows some marks and none of a letter or declaration: a sheet in wordings
# nobody here has seen, or one poorly scanned, whose fields a reviewer can check.
WEAK_SHEET_THRESHOLD = 3.0


def sheet_score(page: OcrPage) -> float:
    """How much a page looks like a Baulastenblatt (each marker counts once, as a word's start)."""
    words = {key(w.text) for w in page.words}
    return sum(weight for weight, stems in SHEET_MARKS if any(word.startswith(stems) for word in words))


def find_sheet(pages: list[OcrPage]) -> OcrPage | None:
    """The page that is most clearly a Baulastenblatt, or None if none is."""
    page, sure = likeliest_sheet(pages)
    return page if sure else None


def likeliest_sheet(pages: list[OcrPage]) -> tuple[OcrPage | None, bool]:
    """The likeliest Baulastenblatt page and whether it clearly is one; (None, False) if no page
    may be one at all."""
    scored = [(sheet_score(page), -page.number, page) for page in pages]
    if not scored:
        return None, False
    score, _, page = max(scored, key=lambda item: (item[0], item[1]))
    if score >= SHEET_THRESHOLD:
        return page, True
    if score >= WEAK_SHEET_THRESHOLD and not _has_letter_marks(page):
        return page, False
    return None, False


def _has_letter_marks(page: OcrPage) -> bool:
    """Whether a page carries a mark of a letter or a declaration."""
    words = {key(w.text) for w in page.words}
    return any(weight < 0 and any(word.startswith(stems) for word in words) for weight, stems in SHEET_MARKS)
