"""What was written onto a typed sheet header after it was typed: a stamp in the margin beside the parcel lines
("Katasterfortführung berücksichtigt am 19. MAI 1982"), and a correction between the lines, a Flurstück's new
number over its old one, struck through after a renumbering ("jetzt 267/30" over "Flurstück 267").

Tesseract reads a stamp beside a line as part of that line, and the stamp's own lines between the parcel lines;
a list running on to the next line ("Flurstücke 2336 und" / "2385") then reads as two lists. A correction reads as
a line of its own. Both are told apart by their place: the stamp stands apart, right of the parcel text; the
correction stands right over the number it replaces.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from baulast.dates import find_dates
from baulast.model import Word
from pipeline.grid import parcel_label
from pipeline.layout import Row, key

_MARGIN_GAP = 4.0  # word heights between a line's text and a stamp beside it, at least (words of a line: about 1)
_APART = 8.0  # word heights between a correction and a stamp's words in the same row, at least
_STAMP_ROWS = 4  # rows above and below a parcel line a stamp beside it may reach
_PARCEL_NUMBER = re.compile(r"\d+(?:/\d+)?[,.;]?$")  # "267", "1252,", "267/30"
_AMENDING = ("jetzt", "nunmehr", "neu", "nun")  # folded words that may open a correction ("jetzt 267/30")
_CONTINUED = ("und", "u", "sowie")  # a list's last word where it runs on to the next line (besides a comma)
_OVERLAP = 0.5  # of the narrower box: a correction stands over the number it replaces
_REACH = 1.5  # row heights between a correction and the line below it, at most


def _flurstueck_label(row: Row) -> int | None:
    """The index of a line's Flurstück label, or None where the line has none."""
    return next((i for i, w in enumerate(row.words) if parcel_label(w.text) == "Flurstück"), None)


def _parcel_line(row: Row) -> int | None:
    """Where a line naming a Flurstück by its label ends its parcel text: the index of the last number after
    the label, or None where the line names none ("Gemarkung Jüchen, Flur 27, Flurstück 267")."""
    label = _flurstueck_label(row)
    if label is None:
        return None
    return next((i for i in range(len(row.words) - 1, label, -1) if _PARCEL_NUMBER.match(row.words[i].text)), None)


def _gap(row: Row, index: int) -> float:
    """The space between a row's word and the next, in the word's heights (a stamp's letters are taller)."""
    word = row.words[index]
    return (row.words[index + 1].bbox[0] - word.bbox[2]) / max(1, word.bbox[3] - word.bbox[1])


def _stamp(header: list[Row], known: Callable[[str], bool]) -> tuple[int, range] | None:
    """The left edge of a stamp beside the parcel lines, and the rows it may reach: where a parcel line's text
    is followed, after a wide gap, by words that name no parcel and no Gemarkung `known` knows (a form's box
    "Gemarkung" has its value typed under it, level with the line). None where no line has such a neighbour."""
    for number, row in enumerate(header):
        label = _flurstueck_label(row)
        if label is None:
            continue
        gap = next((i for i in range(label, len(row.words) - 1) if _gap(row, i) >= _MARGIN_GAP), None)
        if gap is None or not any(_PARCEL_NUMBER.match(w.text) for w in row.words[label + 1 : gap + 1]):
            continue  # no gap, or one right after the label: a grid's head row ("Flurstück | Grundbuchblatt")
        beside = row.words[gap + 1 :]
        if any(parcel_label(w.text) or known(w.text.strip(",.:;")) for w in beside) \
                or not any(sum(c.isalpha() for c in w.text) >= 3 for w in beside):
            continue  # a grid's next cell, a Gemarkung's name, or more numbers
        return (row.words[gap].bbox[2] + beside[0].bbox[0]) // 2, range(number - _STAMP_ROWS, number + _STAMP_ROWS + 1)
    return None


def without_margin(header: list[Row], known: Callable[[str], bool]) -> list[Row]:
    """The header without a stamp beside its parcel lines: its words right of the stamp's edge, where they
    stand apart from the row's text (a wide gap before them) or make the whole row. `known`: whether a word
    names a Gemarkung."""
    stamp = _stamp(header, known)
    if stamp is None:
        return header
    edge, reach = stamp
    cuts = []
    for number, row in enumerate(header):
        cut = next((i for i, w in enumerate(row.words) if w.bbox[0] >= edge), len(row.words)) if number in reach \
            else len(row.words)
        if 0 < cut < len(row.words) and _gap(row, cut - 1) < _MARGIN_GAP \
                or any(parcel_label(w.text) or known(w.text.strip(",.:;")) for w in row.words[cut:]):
            cut = len(row.words)  # a line running on past the edge, or a second column of the header's parcels
        cuts.append(cut)
    beside = " ".join(w.text for row, cut in zip(header, cuts) for w in row.words[cut:])
    if not find_dates(beside):
        return header  # a stamp dates what it attests ("berücksichtigt am 19. MAI 1982"): this is a column of text
    return [Row(row.words[:cut]) for row, cut in zip(header, cuts) if cut]


def _corrections(row: Row) -> list[tuple[Word, tuple[int, int]]]:
    """The numbers a line of corrections writes, each with the span it covers (from the word that opens it:
    "jetzt 267/30"); none where the line is more than corrections: numbers alone, or after such a word."""
    found: list[tuple[Word, tuple[int, int]]] = []
    opened: Word | None = None
    for index, word in enumerate(row.words):
        if index and _gap(row, index - 1) >= _APART:
            break  # a stamp's or a margin's words, far right of the correction
        if _PARCEL_NUMBER.match(word.text):
            found.append((word, ((opened or word).bbox[0], word.bbox[2])))
            opened = None
        elif key(word.text) in _AMENDING and opened is None:
            opened = word
        else:
            return []
    return found if opened is None else []


def _target(span: tuple[int, int], top: int, candidates: list[Word], height: int) -> Word | None:
    """The number a correction's span stands right over, close above it: the one it overlaps most."""
    def share(word: Word) -> tuple[float, float]:  # of the narrower box, then of both (a struck box is wide)
        overlap = min(span[1], word.bbox[2]) - max(span[0], word.bbox[0])
        narrower = min(span[1] - span[0], word.bbox[2] - word.bbox[0])
        union = max(span[1], word.bbox[2]) - min(span[0], word.bbox[0])
        if not 0 <= word.bbox[1] - top <= _REACH * height:
            return 0.0, 0.0
        return overlap / max(1, narrower), overlap / max(1, union)

    best = max(candidates, key=share, default=None)
    return best if best is not None and share(best)[0] >= _OVERLAP else None


def _runs_on(row: Row) -> bool:
    """Whether a line ends its list with a word that continues it on the next line."""
    if not row.words:
        return False
    last = row.words[-1].text
    # "12," and "12." alike: Tesseract reads a comma as a full stop often enough
    return last.endswith(",") or key(last) in _CONTINUED or last[:1].isdigit() and last.endswith((".", ";"))


def amended(header: list[Row]) -> tuple[list[Row], dict[str, str]]:
    """The header with each correction between its lines put in place of the Flurstück below it, and the
    numbers corrected: old number to new. A number alone on a line, under no line whose list runs on to it,
    standing right over a number the parcel line below names after its label, is that number's correction."""
    rows = list(header)
    renumbered: dict[str, str] = {}
    for index in range(len(rows) - 1):
        corrections = _corrections(rows[index])
        if not corrections or index and _runs_on(rows[index - 1]):
            continue
        left, right = corrections[0][1][0], corrections[-1][1][1]
        if index and any(w.bbox[0] < right and w.bbox[2] > left and sum(c.isalpha() for c in w.text) >= 3
                         for w in rows[index - 1].words):
            continue  # the value of a label right over it ("Register-Nr.:" over "3573"), no correction
        # The line below it, past a stamp's line beside it ("Katasterfortführung" right of the correction).
        under = next((i for i in range(index + 1, len(rows))
                      if any(w.bbox[0] < right and w.bbox[2] > left for w in rows[i].words)), None)
        last = _parcel_line(rows[under]) if under is not None else None
        if last is None:
            continue
        below = rows[under]
        numbers = [w for w in below.words[_flurstueck_label(below) : last + 1] if _PARCEL_NUMBER.match(w.text)]
        bottom = max(word.bbox[3] for word, _ in corrections)  # not a stamp's taller letters beside them
        targets = [_target(span, bottom, numbers, below.height) for _, span in corrections]
        if None in targets or len(set(map(id, targets))) < len(targets):
            continue  # not each number over one of its own
        new_words = {id(target): dataclasses.replace(target, text=word.text.rstrip(",.;")
                                                     + target.text[len(target.text.rstrip(",.;")) :], conf=word.conf)
                     for (word, _), target in zip(corrections, targets)}  # the list's comma stays
        for (word, _), target in zip(corrections, targets):
            renumbered[target.text.rstrip(",.;")] = word.text.rstrip(",.;")
        rows[index] = Row(tuple(w for w in rows[index].words if w.bbox[0] > right))
        rows[under] = Row(tuple(new_words.get(id(w), w) for w in below.words))
    return [row for row in rows if row.words], renumbered
