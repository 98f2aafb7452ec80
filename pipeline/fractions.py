"""Flurstücke written as stacked fractions, as the old cadastre wrote them: the Zähler over the Nenner,
a bar between ("Flst. 1020 u. 192" over "32 22" is "1020/32 u. 192/22").

Tesseract reads the two numbers of a fraction on two lines. A Nenner is told from a list running on to the next
line by its place: right under a number of a line that names a Flurstück by its label, centred in its width
and narrower, and close under it.
"""

from __future__ import annotations

import dataclasses

from baulast.model import Word
from pipeline.grid import parcel_label
from pipeline.layout import Row

_CLOSE = 1.0  # the Zähler's heights between it and its Nenner, at most
_MARGIN = 0.1  # of the Zähler's width: a Nenner stands at least this far inside it on either side


def _number(word: Word) -> bool:
    return word.text.isdigit()


def _under(lower: Word, upper: Word) -> bool:
    """Whether a word stands as a Nenner under a Zähler: centred under it and narrower, inside its width with a
    margin on either side (a list's next number, one a line, stands flush left or right under the one above),
    close under it."""
    margin = _MARGIN * (upper.bbox[2] - upper.bbox[0])
    height = upper.bbox[3] - upper.bbox[1]
    return upper.bbox[0] + margin <= lower.bbox[0] and lower.bbox[2] <= upper.bbox[2] - margin \
        and 0 <= lower.bbox[1] - upper.bbox[3] <= _CLOSE * height


def _zaehler(row: Row) -> tuple[list[Word], int, int] | None:
    """The numbers after a row's Flurstück label that may have a Nenner under them, and the span from the label
    to the last of them; None where the row names no Flurstück by its label or no such number follows it."""
    label = next((i for i, w in enumerate(row.words) if parcel_label(w.text) == "Flurstück"), None)
    if label is None:
        return None
    numbers = []
    for word in row.words[label + 1 :]:
        if _number(word):
            numbers.append(word)
        elif any(c.isdigit() for c in word.text) or parcel_label(word.text):
            break  # "12/3", "12,": written in a line; or the next parcel's label
    if not numbers:
        return None
    return numbers, row.words[label].bbox[0], numbers[-1].bbox[2]


def _over_parcel_line(numbers: list[Word], next_rows: list[Row]) -> bool:
    """Whether the numbers stand right over numbers of a line below that names a Flurstück by its label: then
    they are a correction between two parcel lines (see `pipeline.annotations`), no Nenner."""
    found = _zaehler(next_rows[0]) if next_rows else None
    return found is not None and any(_under(target, number) or _under(number, target)
                                     for number in numbers for target in found[0])


def stacked_fractions(rows: list[Row]) -> list[Row]:
    """The rows with each stacked fraction written in a line: the Zähler's word becomes "Zähler/Nenner", the
    Nenner's word leaves its row. All of the lower row's words in the span of the upper row's parcels must be
    numbers, each under a Zähler of its own."""
    result = list(rows)
    for index in range(len(result) - 1):
        found = _zaehler(result[index])
        if found is None:
            continue
        numbers, left, right = found
        below = [w for w in result[index + 1].words if w.bbox[0] < right and w.bbox[2] > left]
        if not below or not all(_number(w) for w in below) or _over_parcel_line(below, result[index + 2 : index + 3]):
            continue
        pairs = {}
        for word in below:
            upper = next((n for n in numbers if _under(word, n)), None)
            if upper is None or id(upper) in pairs:
                break
            pairs[id(upper)] = word
        else:
            joined = tuple(dataclasses.replace(w, text=f"{w.text}/{pairs[id(w)].text}",
                                               conf=min(w.conf, pairs[id(w)].conf)) if id(w) in pairs else w
                           for w in result[index].words)
            result[index] = Row(joined)
            taken = {id(w) for w in pairs.values()}
            result[index + 1] = Row(tuple(w for w in result[index + 1].words if id(w) not in taken))
    return [row for row in result if row.words]
