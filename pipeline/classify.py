"""Page classification: which page of the Akte is the Baulastenblatt."""

from __future__ import annotations

from baulast.dates import find_dates
from baulast.model import OcrPage
from pipeline.layout import FUZZY_STEM, key, rows_of, starts_like
from pipeline.register import extract_register_number

# What marks a register sheet, each with its weight and the word stems forms use for it. A
# declaration or a letter may mention "Baulast" too, but rarely carries the table labels; and
# letters and declarations have words of their own (salutation, closing, signature line)
# that count against. Each mark counts once, however many of its wordings a page has.
# A Lageplan's scale ("M 1:500", "Maßstab 1:1000"), as its words read joined.
_SCALE = ("massstab", "m1500", "m11000", "m1250", "m1200", "m12000")
SHEET_MARKS = (
    # The sheet's title; a card of the Baulastenkartei is a sheet too ("Baulastenbl.-Nr." counts).
    # A spreadsheet's "BV-Blatt": the Baulastenverzeichnis' sheet under its initials.
    (3.0, ("baulastenblatt", "baulastblatt", "baulastenbl", "baulastenkartei", "baulastkartei", "bvblatt")),
    # The register's names; a portal's or a program's "Baulastenauskunft" is an extract of it.
    (1.5, ("baulastenverzeichnis", "baulastverzeichnis", "verzeichnis", "baulastenbuch", "baulastenauskunft",
           "baulastauskunft")),
    (2.0, ("lfd", "ifd", "laufende")),  # "Ifd." is how "Lfd." often reads
    (1.0, ("inhalt", "wortlaut", "textderbaulast")),
    (1.0, ("eintragung", "eintr")),  # also "Eintr.-Datum"
    (2.0, ("bemerkung", "vermerk", "anmerkung")),
    (2.0, ("eingetragen", "eintragungsdatum", "eintragungstag", "eingetr")),
    (1.0, ("geloscht", "loschung", "veranderung")),
    (1.0, ("gemarkung", "gemkg", "gmkg")),
    (0.5, ("flur",)),
    # "Belastetes Grundstück", "Betroffene Flurstücke": the sheet's header ("betroffene" with its noun: a letter's
    # "betreffend" is one letter off).
    (1.0, ("belastet", "betroffenefl", "betroffenegr", "betroffeneparz")),
    (1.0, ("jeweiligeeigentum", "jeweiligeneigentum")),  # the Baulast's formula: "Der jeweilige Eigentümer"
    (-4.0, ("geehrte",)),
    (-3.0, ("freundlichen",)),
    (-2.0, ("grussen",)),
    (-4.0, ("verpflichtungserklarung",)),
    (-2.0, ("unterschrift",)),
    (-1.0, ("beglaubigt",)),
    # A Lageplan's scale: a plan names the sheet, its parcel and its date too. Only on a page of labels, though.
    (-3.0, _SCALE),
)
# A plan's text is labels: street names, parcel numbers, a title block, a legend, a surveyor's certificate of a
# sentence or two. A sheet printed with a map of its parcels (a register portal's print) has the entries' text
# beside it, and the map's scale on a line of its own. A line of this many words of three letters or more is a
# sentence; a scale within one ("der Lageplan im Maßstab 1:500") cites a plan, and counts as the plan's.
_SENTENCE_WORDS = 6
_SENTENCES = 3
# The marks that only a letter or a declaration carries; a sheet may well have a column for the
# clerk's signature, a certified copy's stamp or a reference to the Lageplan.
LETTER_MARKS = ("geehrte", "freundlichen", "grussen", "verpflichtungserklarung")
SHEET_THRESHOLD = 6.0
# A page below the threshold is still taken for the sheet, never trusted, where it is the file's
# likeliest page, shows some marks and none of a letter or declaration: a sheet in wordings
# nobody here has seen, or one poorly scanned, whose fields a reviewer can check.
WEAK_SHEET_THRESHOLD = 3.0


CITED_WEIGHT = -1.0  # a "Verpflichtungserklärung" the page only cites ("Verpflichtungserklärung vom 12.03.1987")


def sheet_score(page: OcrPage) -> float:
    """How much a page looks like a Baulastenblatt (each marker counts once, as a word's start; a map's scale
    only on a page without sentences).
    A "Verpflichtungserklärung" the page only cites (each followed by "vom" or a date: a sheet's entry
    names the owner's declaration) counts against it a little (CITED_WEIGHT); one heading the page, as
    on the declaration itself, counts fully."""
    tokens = page_tokens(page)
    cited = any(t.startswith(_DECLARATION) for t in tokens) and _only_cited(page)
    return sum(CITED_WEIGHT if cited and stems == (_DECLARATION,) else weight
               for weight, stems in SHEET_MARKS if _marked(tokens, stems, fuzzy=weight > 0)
               and not (stems == _SCALE and _beside_sentences(page)))


def _beside_sentences(page: OcrPage) -> bool:
    """Whether the page has `_SENTENCES` lines of sentences (as Tesseract read its lines) and its map's scale
    stands on none of them."""
    sentences = [words for words in _folded_lines(page)
                 if sum(len(w) >= 3 and w.isalpha() for w in words) >= _SENTENCE_WORDS]
    joined = (frozenset(words + [a + b for a, b in zip(words, words[1:])]) for words in sentences)  # "M" "1:500"
    return len(sentences) >= _SENTENCES and not any(_marked(tokens, _SCALE, fuzzy=False) for tokens in joined)


_DECLARATION = "verpflichtungserklarung"


def _own_tokens(page: OcrPage) -> frozenset[str]:
    """The page's tokens (`page_tokens`) without a declaration it only cites: a sheet's entry may
    name the owner's "(Verpflichtungserklärung vom 18.07.1991)"; a declaration is headed by it.
    A page that only cites one may be proposed as a sheet, but is never sure of being one."""
    tokens = page_tokens(page)
    if any(t.startswith(_DECLARATION) for t in tokens) and _only_cited(page):
        return frozenset(t for t in tokens if not t.startswith(_DECLARATION))
    return tokens


def _only_cited(page: OcrPage) -> bool:
    """Whether every "Verpflichtungserklärung" on the page is followed by "vom" or a date."""
    words = [w.text for w in page.words]
    places = [i for i, text in enumerate(words) if key(text).startswith(_DECLARATION)]
    # A heading split or letter-spaced ("Verpflichtungs- erklärung") is no citation: no word of it is cited.
    return bool(places) and all(any(key(w) in ("vom", "v") or find_dates(w) for w in words[i + 1 : i + 3])
                                for i in places)


def page_tokens(page: OcrPage) -> frozenset[str]:
    """The page's words folded for comparison, and what its lines spell when read together.

    Forms print a title letter-spaced ("B a u l a s t e n b l a t t") or split a compound over
    two words ("Baulasten- verzeichnis", "Lfd. Nr."); OCR breaks words apart too. So beside
    each word, two and three neighbouring words of a line joined count, and so does a run of
    four or more single letters.
    """
    tokens: set[str] = set()
    for words in _folded_lines(page):
        tokens.update(words)
        tokens.update(a + b for a, b in zip(words, words[1:]))
        tokens.update(a + b + c for a, b, c in zip(words, words[1:], words[2:]))
        letters: list[str] = []
        for word in [*words, ""]:
            if len(word) == 1 and word.isalpha():
                letters.append(word)
                continue
            if len(letters) >= 4:
                tokens.update(("".join(letters), "".join(letters) + word))
            letters = []
    return frozenset(tokens)


def _folded_lines(page: OcrPage) -> list[list[str]]:
    """The page's lines as Tesseract read them, each its words folded (`key`), those that fold to nothing left out."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    for word in page.words:
        if folded := key(word.text):
            lines.setdefault((word.block, word.par, word.line), []).append(folded)
    return list(lines.values())


def _marked(tokens: frozenset[str], stems: tuple[str, ...], fuzzy: bool) -> bool:
    """Whether a token starts with one of the stems (long stems: despite one misread letter)."""
    if any(token.startswith(stems) for token in tokens):
        return True
    # The marks of a letter count against a page only where they plainly stand.
    return fuzzy and any(starts_like(token, stem) for stem in stems if len(stem) >= FUZZY_STEM for token in tokens)


def find_sheet(pages: list[OcrPage]) -> OcrPage | None:
    """The page that is most clearly a Baulastenblatt, or None if none is."""
    page, sure = likeliest_sheet(pages)
    return page if sure else None


def likeliest_sheet(pages: list[OcrPage], scores: list[float] | None = None) -> tuple[OcrPage | None, bool]:
    """The likeliest Baulastenblatt page and whether it clearly is one; (None, False) if no page
    may be one at all. `scores`: the pages' sheet scores, where the caller has them already."""
    if scores is None:
        scores = [sheet_score(page) for page in pages]
    scored = [(score, -page.number, page) for score, page in zip(scores, pages)]
    if not scored:
        return None, False
    score, _, page = max(scored, key=lambda item: (item[0], item[1]))
    if score >= SHEET_THRESHOLD:
        # A sheet continued over two pages: the first holds the header and entry 1. The page
        # before counts as the sheet's first only where it names the same register number (a
        # declaration or a cover letter before the sheet may score as high).
        index = pages.index(page)
        while index > 0 and scores[index - 1] >= SHEET_THRESHOLD and _same_sheet(pages[index - 1], pages[index]):
            index -= 1
        return pages[index], True
    if score >= WEAK_SHEET_THRESHOLD and not _has_letter_marks(page):
        return page, False
    return None, False


def _same_sheet(first: OcrPage, later: OcrPage) -> bool:
    """Whether two pages name the same register number: one sheet over two pages."""
    numbers = [extract_register_number(page, rows_of(page)) for page in (first, later)]
    return all(numbers) and numbers[0].value == numbers[1].value  # type: ignore[union-attr]


def _has_letter_marks(page: OcrPage) -> bool:
    """Whether a page carries a mark of a letter or a declaration."""
    return _marked(_own_tokens(page), LETTER_MARKS, fuzzy=False)
