"""Page layout from OCR word boxes: visual rows, fuzzy label anchors, values beside or below.

Forms differ in wording and placement, but a label ("Gemarkung", "Flur", "Eingetragen am")
is nearly always followed by its value to the right on the same row, or stands above it in
the same column. These helpers find labels despite OCR noise and read the value from either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from baulast.dates import find_dates
from baulast.model import BBox, Evidence, OcrPage, Word
from baulast.textnorm import fold, run_together
from pipeline.vocab import TABLE_HEAD


@dataclass(frozen=True)
class Row:
    """Words that stand on one visual row of the page, left to right."""

    words: tuple[Word, ...]

    @property
    def bbox(self) -> BBox:
        """The box around all words of the row."""
        return union(w.bbox for w in self.words)

    @property
    def text(self) -> str:
        """The row's words joined by spaces."""
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> int:
        """Median word height: the row's type size in pixels."""
        heights = sorted(w.bbox[3] - w.bbox[1] for w in self.words)
        return heights[len(heights) // 2]


@dataclass(frozen=True)
class Anchor:
    """A label found on the page: the row, the word span [start, end) and the match score."""

    row: int
    start: int
    end: int
    score: float


def evidence_of(page: OcrPage, words: list[Word]) -> Evidence:
    """Evidence for a value read from these words of the page."""
    return Evidence(page=page.number, bbox=union(w.bbox for w in words), text=" ".join(w.text for w in words))


def union(boxes) -> BBox:  # type: ignore[no-untyped-def]
    """The smallest box around the given boxes."""
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes), min(b[1] for b in boxes),
        max(b[2] for b in boxes), max(b[3] for b in boxes),
    )


@lru_cache(maxsize=1 << 16)
def key(token: str) -> str:
    """A word folded for label comparison: lower case, no accents, letters and digits only."""
    return "".join(c for c in fold(token) if c.isalnum())


_TALLEST_WORD = 6  # times the page's median word height: taller is no text
_TALL_LINE = 2.5  # times the median line height: a line this tall joins no rows together


def rows_of(page: OcrPage) -> list[Row]:
    """Group Tesseract's lines into visual rows: lines whose vertical extents overlap by half
    belong together, so a label in one table cell and its value in the next share a row. Two pages
    side by side on one (see `spread_fold`) are read one after the other, the left first."""
    fold = spread_fold(page)
    if fold is None:
        return _rows(page.words)
    left = [w for w in page.words if w.bbox[2] <= fold]
    return _rows(left) + _rows([w for w in page.words if w.bbox[2] > fold])


_SPREAD_MIDDLE = (0.35, 0.65)  # where the fold between two pages side by side may stand, of the page's width
_GUTTER = 0.01  # half the empty band at the fold, of the page's width
_RUNNING_LINE = 0.45  # of a half page's width: a line of running text is at least this wide
_RUNNING_LINES = 3  # lines of running text each page of a spread has, at least
_MIN_WORDS = 30


def spread_fold(page: OcrPage) -> int | None:
    """Where a landscape scan shows two pages side by side (a register's print two-up, a book opened flat): the
    middle of the empty band between them, or None. The band runs down the whole page, no word crosses it
    (one in a hundred may: specks), and each side has a fifth of the words and lines of running text of its
    own; a wide table's columns have gaps too, but no running text in both halves."""
    if page.width <= page.height:
        return None
    words = [w for w in page.words if any(c.isalnum() for c in w.text) and w.conf > 30]
    if len(words) < _MIN_WORDS:
        return None
    gutter = int(_GUTTER * page.width)
    free = [x for x in range(int(_SPREAD_MIDDLE[0] * page.width), int(_SPREAD_MIDDLE[1] * page.width), gutter)
            if sum(w.bbox[0] < x + gutter and w.bbox[2] > x - gutter for w in words) <= max(1, len(words) // 100)]
    if not free:
        return None
    fold = free[len(free) // 2] if free[-1] - free[0] == gutter * (len(free) - 1) else free[0]
    if min(sum(w.bbox[2] <= fold for w in words), sum(w.bbox[0] >= fold for w in words)) < 0.2 * len(words):
        return None
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.par, word.line), []).append(word)
    spans = [(min(w.bbox[0] for w in ws), max(w.bbox[2] for w in ws)) for ws in lines.values()]
    running = [(a, b) for a, b in spans if b - a >= _RUNNING_LINE * page.width / 2]
    if min(sum(b <= fold for _, b in running), sum(a >= fold for a, _ in running)) < _RUNNING_LINES:
        return None
    return fold


def _rows(page_words: tuple[Word, ...] | list[Word]) -> list[Row]:
    lines: dict[tuple[int, int, int], list[Word]] = {}
    heights = sorted(w.bbox[3] - w.bbox[1] for w in page_words if w.text.strip())
    tallest = _TALLEST_WORD * heights[len(heights) // 2] if heights else 0
    for word in page_words:
        # A "word" many lines tall is a rule, a punched margin or a stamp's frame read as
        # letters: it would join every line it spans into one row.
        if word.text.strip() and word.bbox[3] - word.bbox[1] <= tallest:
            lines.setdefault((word.block, word.par, word.line), []).append(word)
    segments = sorted(lines.values(), key=lambda ws: (union(w.bbox for w in ws)[1], ws[0].bbox[0]))
    extents = [_line_extent(segment) for segment in segments]
    heights = sorted(_height_of(box) for box in extents)
    tall = _TALL_LINE * heights[len(heights) // 2] if heights else 0
    rows: list[list[Word]] = []
    boxes: list[BBox] = []
    # A line several lines tall (a speck, a large title, a stamp) overlaps every line beside it:
    # it joins the row it overlaps most and does not stretch it over the others.
    towers = [(segment, box) for segment, box in zip(segments, extents) if _height_of(box) > tall]
    for segment, box in zip(segments, extents):
        if _height_of(box) > tall:
            continue
        for index in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            other = boxes[index]
            overlap = min(box[3], other[3]) - max(box[1], other[1])
            if overlap > 0.5 * min(box[3] - box[1], other[3] - other[1]):
                rows[index].extend(segment)
                boxes[index] = union([other, box])
                break
        else:
            rows.append(list(segment))
            boxes.append(box)
    for segment, box in towers:
        overlaps = [min(box[3], other[3]) - max(box[1], other[1]) for other in boxes]
        best = max(range(len(boxes)), key=overlaps.__getitem__, default=None)
        if best is not None and overlaps[best] > 0:
            rows[best].extend(segment)
        else:
            rows.append(list(segment))
            boxes.append(box)
    ordered = sorted(zip(boxes, rows), key=lambda pair: pair[0][1])
    return [Row(tuple(sorted(words, key=lambda w: w.bbox[0]))) for _, words in ordered]


def _height_of(box: BBox) -> int:
    return box[3] - box[1]


def _line_extent(words: list[Word]) -> BBox:
    """The box of one OCR line by its typical word: the median top and bottom, so a table rule
    read as "|" or a speck that reaches into the next line does not join the two lines. Only
    words with a letter or digit count where the line has any: a mark ("!", "|") beside a single
    word would otherwise be half the line's words."""
    typical = [w for w in words if any(c.isalnum() for c in w.text)] or words
    tops = sorted(w.bbox[1] for w in typical)
    bottoms = sorted(w.bbox[3] for w in typical)
    middle = len(typical) // 2
    return (min(w.bbox[0] for w in words), tops[middle], max(w.bbox[2] for w in words), bottoms[middle])


def word_score(token: str, label: str) -> float:
    """How well one OCR word matches one label word (0..1), tolerant of a wrong letter or two."""
    a, b = key(token), key(label)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(b) <= 3:
        return 0.0  # short labels ("nr", "am") must match exactly
    # Levenshtein, not InDel: OCR errors substitute letters, and a different word that shares
    # many letters ("Eigentümer" for "Eingetragen") must not pass for the label. Letters run together
    # ("Vermerk" read "Verrnerk") are compared as the one letter they were read for.
    return max(Levenshtein.normalized_similarity(a, b),
               Levenshtein.normalized_similarity(run_together(a), run_together(b)))


FUZZY_STEM = 8  # stems this long are recognised with one letter misread
_FUZZY_PREFIX = 0.87


def starts_like(token: str, stem: str) -> bool:
    """Whether a folded word begins with a folded stem; a stem of eight letters or more with one
    letter misread ("eintraqung", "bemerkunqen", "baulastenb1att")."""
    if token.startswith(stem):
        return True
    return len(stem) >= FUZZY_STEM and len(token) >= len(stem) - 1 and (token[0] == stem[0] or token[1] == stem[1]) \
        and Levenshtein.normalized_similarity(token[: len(stem)], stem) >= _FUZZY_PREFIX


_TABLE_HEAD_KEYS = tuple(key(label) for label in TABLE_HEAD)


_ENTRY_HEADING_WORDS = 5  # at most, in an entry's heading that ends with its running number


def table_head(rows: list[Row]) -> int | None:
    """Index of the entries table's head row ("Lfd. Nr. | Inhalt der Eintragung | Bemerkungen"):
    the first row with two of its words and no date ("Datum der Eintragung: 12.03.1987" is a
    header line), or None where it went unread."""
    for index, row in enumerate(rows):
        keys = [key(w.text) for w in row.words]
        found = sum(1 for head in _TABLE_HEAD_KEYS if any(starts_like(k, head) for k in keys))
        # "Nr." or "Pos." opening the row heads the running numbers' column ("Nr. | Baulast | Eintragung").
        found += next((k for k in keys if k), "") in ("nr", "pos")
        words = [k for k in keys if k]
        if words and words[-1].isdigit() and len(words) <= _ENTRY_HEADING_WORDS:
            continue  # "Eintragung lfd. Nr. 2": one entry's heading, no column's
        if found >= 2 and not find_dates(row.text):
            return index
    return None


def find_labels(rows: list[Row], label: str, min_score: float = 0.8) -> list[Anchor]:
    """Every place where the (one- or several-word) label stands, best match per position."""
    parts = label.split()
    anchors: list[Anchor] = []
    for row_index, row in enumerate(rows):
        for start in range(len(row.words) - len(parts) + 1):
            scores = [word_score(row.words[start + i].text, part) for i, part in enumerate(parts)]
            score = min(scores)
            if score < min_score and len(parts) > 1 and (glued := _glued_last(row.words[start + len(parts) - 1].text,
                                                                              parts[-1])):
                # "Eintragung vom:11.01.2007": the label's last word glued to the value. The anchor
                # ends before it, so the value is read from it.
                score = min(scores[:-1] + [glued])
                if score >= min_score:
                    anchors.append(Anchor(row_index, start, start + len(parts) - 1, score))
                continue
            if score < min_score and len(parts) == 1:
                # A label glued to its neighbour ("Flurstück:123") or split in two ("Baulasten blatt").
                score = max(_prefix_score(row.words[start].text, label), _split_score(row, start, label))
            if score >= min_score:
                end = start + len(parts) + (1 if len(parts) == 1 and _is_split(row, start, label, score) else 0)
                anchors.append(Anchor(row_index, start, end, score))
    return _best_per_position(anchors)


def find_any(rows: list[Row], labels: tuple[str, ...] | list[str], min_score: float = 0.8) -> list[Anchor]:
    """Every place where one of several wordings of a label stands, best match per position."""
    return _best_per_position([anchor for label in labels for anchor in find_labels(rows, label, min_score)])


def _best_per_position(anchors: list[Anchor]) -> list[Anchor]:
    """Where matches overlap, the better one wins ("| eingetragen" loses to "eingetragen"), and of
    equally good ones the longer (a whole "Tag der Eintragung" over its "Eintragung")."""
    best: list[Anchor] = []
    for anchor in sorted(anchors, key=lambda a: (-a.score, a.start - a.end)):
        if not any(a.row == anchor.row and a.start < anchor.end and anchor.start < a.end for a in best):
            best.append(anchor)
    return sorted(best, key=lambda a: (a.row, a.start))


def _is_split(row: Row, start: int, label: str, score: float) -> bool:
    """Whether a match was made of this word and the next one."""
    return word_score(row.words[start].text, label) < score and _prefix_score(row.words[start].text, label) < score


def _glued_last(token: str, part: str) -> float:
    """Score of a word that is a label's last word with a value glued to it ("vom:11.01.2007");
    0 where no digit follows the word."""
    for index, char in enumerate(token):
        if char.isdigit() or char == ":":
            head, tail = token[:index], token[index:]
            return word_score(head, part) if any(c.isdigit() for c in tail) and head else 0.0
    return 0.0


def _prefix_score(token: str, label: str) -> float:
    """Score of a word that begins with the label and carries more after it."""
    a, b = key(token), key(label)
    if len(b) < 5 or len(a) <= len(b):
        return 0.0
    return Levenshtein.normalized_similarity(a[: len(b)], b)


def _split_score(row: Row, start: int, label: str) -> float:
    """Score of two neighbouring words that together spell the label."""
    if start + 1 >= len(row.words) or len(key(label)) < 8:
        return 0.0
    first, second = key(row.words[start].text), key(row.words[start + 1].text)
    if len(first) < 3 or len(second) < 3:
        return 0.0
    joined = first + second
    return Levenshtein.normalized_similarity(joined, key(label)) * 0.98


def words_right_of(rows: list[Row], anchor: Anchor, limit: int = 8) -> list[Word]:
    """Words after the label on its row (at most `limit`)."""
    return list(rows[anchor.row].words[anchor.end : anchor.end + limit])


def words_below(rows: list[Row], anchor: Anchor, max_rows: int = 2, first: int = 1) -> list[Word]:
    """Words on the next rows (from the `first` below the label's) that stand in the label's
    column (horizontal overlap): those of the first such row that has any."""
    label_box = union(w.bbox for w in rows[anchor.row].words[anchor.start : anchor.end])
    width = label_box[2] - label_box[0]
    left, right = label_box[0] - width // 2, label_box[2] + width
    found: list[Word] = []
    for row in rows[anchor.row + first : anchor.row + first + max_rows]:
        if row.bbox[1] - label_box[3] > 4 * max(1, row.height):
            break
        in_column = [w for w in row.words if w.bbox[2] > left and w.bbox[0] < right]
        if in_column:
            found.extend(in_column)
            break
    return found


def is_leader(text: str, dots: int = 2) -> bool:
    """Whether a word is dot leaders between a key and its value, as OCR reads them ("...........", ".. :")."""
    return re.fullmatch(rf"[.:…]*\.{{{dots},}}[.:…]*", text) is not None


def mean_confidence(words: list[Word]) -> float:
    """Mean Tesseract confidence of the words on a 0..1 scale."""
    confs = [max(0.0, w.conf) for w in words]
    return sum(confs) / (100.0 * len(confs)) if confs else 0.0


def read_on_end(page: OcrPage) -> int:
    """Whether Tesseract read the page on end (a sheet turned by 90° and not turned back): 0 if
    the words stand upright, else +1 where the lines run down the image and -1 where they run up.

    Only long, confidently read words count: their boxes are wider than tall on an upright page.
    """
    tall, wide = 0, 0
    runs: list[int] = []
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in page.words:
        if len(key(word.text)) < 4 or word.conf < 50:
            continue
        width, height = word.bbox[2] - word.bbox[0], word.bbox[3] - word.bbox[1]
        if height > 1.5 * width:
            tall += 1
            lines.setdefault((word.block, word.par, word.line), []).append(word)
        elif width > 1.5 * height:
            wide += 1
    if tall < 10 or tall <= 2 * wide:
        return 0
    for words in lines.values():
        if len(words) >= 2:
            runs.append(1 if words[-1].bbox[1] > words[0].bbox[1] else -1)
    return 1 if sum(runs) >= 0 else -1


def turned_upright(page: OcrPage) -> OcrPage:
    """The page with its word boxes turned so that lines read left to right (see read_on_end)."""
    direction = read_on_end(page)
    if direction == 0:
        return page
    words = []
    for word in page.words:
        x1, y1, x2, y2 = word.bbox
        if direction > 0:  # lines run down: the text's top faces right
            box = (y1, page.width - x2, y2, page.width - x1)
        else:
            box = (page.height - y2, x1, page.height - y1, x2)
        words.append(replace(word, bbox=box))
    return replace(page, width=page.height, height=page.width, words=tuple(words))
