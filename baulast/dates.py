"""Dates as they appear on Baulast sheets and stamps, read from noisy OCR text.

Handles "12.03.1987", "12.3.87", "12. März 1987", "12. MRZ. 1987", "12. III. 1987", "1987-03-12",
"12/03/1987", a register program's "12-MAR-1987", dates in words ("am neunten Mai 1977") and digits
misread as letters ("l2.O3.1987").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from baulast.textnorm import DIGIT_CLASS, digits_to_int, fold

EARLIEST_REGISTER_DATE = dt.date(1950, 1, 1)

# Two-digit years up to this value are read as 20xx, later ones as 19xx.
TWO_DIGIT_YEAR_PIVOT = 29

# Folded month words (see textnorm.fold: "März" and "Maerz" both become "marz").
MONTHS = {
    "jan": 1, "januar": 1, "janner": 1,
    "feb": 2, "febr": 2, "februar": 2,
    "mar": 3, "marz": 3, "mrz": 3,
    "apr": 4, "april": 4,
    "mai": 5,
    "jun": 6, "juni": 6,
    "jul": 7, "juli": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10,
    "nov": 11, "november": 11,
    "dez": 12, "dezember": 12,
}  # fmt: skip

_D = DIGIT_CLASS
_YEAR = rf"(?:{_D}{{4}}|{_D}{{2}})"
_GAP = r"[ \t]{0,2}"  # stray spaces around dots, never across lines
_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"  # also combining marks of a decomposed "ä"
# A month in Roman numerals, as older offices wrote it ("14. II. 1983", "3.VII.61"); longest first.
ROMAN_MONTHS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
                "XII": 12}
_ROMAN = "(?:" + "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True)) + ")"
_DATE = re.compile(
    rf"""
    (?<![0-9|]) (?<![^\W\d_])
    (?:
        (?P<iso_year>{_D}{{4}}) - (?P<iso_month>{_D}{{1,2}}) - (?P<iso_day>{_D}{{1,2}})
      | (?P<roman_day>{_D}{{1,2}}) {_GAP}\.{_GAP} (?P<roman_month>{_ROMAN}) {_GAP}\.{_GAP} (?P<roman_year>{_YEAR})
      | (?P<dot_day>{_D}{{1,2}}) {_GAP}\.{_GAP} (?P<dot_month>{_D}{{1,2}}) {_GAP}\.{_GAP}
        (?P<dot_year>{_YEAR})
      | (?P<sep_day>{_D}{{1,2}}) (?P<sep>[/-]) (?P<sep_month>{_D}{{1,2}}) (?P=sep)
        (?P<sep_year>{_YEAR})
      | (?P<name_day>{_D}{{1,2}}) {_GAP}\.?{_GAP} (?P<name_month>{_LETTER}{{3,12}}) \.?{_GAP}
        (?P<name_year>{_YEAR})
      | (?P<dash_day>{_D}{{1,2}}) - (?P<dash_month>{_LETTER}{{3,9}}) - (?P<dash_year>{_YEAR})
    )
    (?![\w|])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class DateMatch:
    """One date found in a longer text: its span, value and the text as read."""

    start: int
    end: int
    value: dt.date
    raw: str


def parse_german_date(text: str) -> dt.date | None:
    """The first date in a short string such as "12. März 1987", or None."""
    found = find_dates(text)
    return found[0].value if found else None


def find_dates(text: str) -> list[DateMatch]:
    """All dates in a text, in reading order and without overlaps."""
    matches: list[DateMatch] = []
    position = 0
    while (match := _DATE.search(text, position)) is not None:
        value = _date_from_match(match)
        if value is None:
            position = match.start() + 1  # a later, shorter reading may still be a date
            continue
        matches.append(DateMatch(match.start(), match.end(), value, match.group()))
        position = match.end()
    worded = [m for m in _worded_dates(text) if not any(m.start < o.end and o.start < m.end for o in matches)]
    return sorted(matches + worded, key=lambda m: m.start) if worded else matches


# A date written out in words, as a register's entry may state it: "am neunten Mai 1977", "am dreißigsten
# Januar neunzehnhundertsechsundsiebzig". The day is an ordinal, the year digits or a cardinal.
_WORDED = re.compile(rf"(?<!\w)(?P<day>{_LETTER}{{4,25}})[ \t]+(?P<month>{_LETTER}{{3,9}})\.?[ \t]+"
                     rf"(?P<year>\d{{4}}|{_LETTER}{{8,40}})(?![\w])")
_UNITS = {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8,
          "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwolf": 12, "dreizehn": 13, "vierzehn": 14, "funfzehn": 15, "sechzehn": 16,
          "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreissig": 30, "vierzig": 40, "funfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
         "neunzig": 90}
_IRREGULAR_ORDINALS = {"erst": 1, "dritt": 3, "siebt": 7, "siebent": 7, "acht": 8}


def _cardinal(word: str) -> int | None:
    """A folded number word from 1 to 99 ("sechsundsiebzig"), or None."""
    if word in _UNITS or word in _TEENS or word in _TENS:
        return _UNITS.get(word) or _TEENS.get(word) or _TENS[word]
    unit, _, ten = word.partition("und")
    return _UNITS[unit] + _TENS[ten] if unit in _UNITS and ten in _TENS else None


def _ordinal(word: str) -> int | None:
    """A folded ordinal from 1 to 31 in any ending ("neunten", "dreißigsten", "erste"), or None."""
    stem = re.sub(r"(?:e|en|er|es|em)$", "", word)
    if stem in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[stem]
    if stem.endswith("st") and (number := _cardinal(stem[:-2])) is not None and number >= 20:
        return number if number <= 31 else None
    number = _cardinal(stem[:-1]) if stem.endswith("t") else None
    return number if number is not None and number < 20 else None


def _worded_year(word: str) -> int | None:
    """A year in digits or words ("neunzehnhundertsechsundsiebzig", "zweitausendzwei"), or None."""
    if word.isdigit():
        return int(word)
    for prefix, century in (("neunzehnhundert", 1900), ("zweitausend", 2000)):
        if word.startswith(prefix):
            rest = word[len(prefix) :].removeprefix("und")
            number = _cardinal(rest) if rest else 0
            return century + number if number is not None else None
    return None


def _worded_dates(text: str) -> list[DateMatch]:
    """The dates a text writes out in words."""
    found = []
    for match in _WORDED.finditer(text):
        if text[: match.start()].rstrip().endswith("-") or text[match.end() : match.end() + 1] == "-":
            continue  # "vier-" / "zehnten Mai 1977", "zweitausend-" / "zwei": a part of a word split at a line's end
        day, month = _ordinal(fold(match["day"])), MONTHS.get(fold(match["month"]))
        year = _worded_year(fold(match["year"]))
        if day is None or month is None or year is None:
            continue
        try:
            found.append(DateMatch(match.start(), match.end(), dt.date(year, month, day), match.group()))
        except ValueError:  # "einunddreißigsten Juni"
            continue
    return found


_DAMAGED = re.compile(r"(?<!\d)[|!\[lI]?(?P<day>\d{1,3})[.,](?P<month>\d{1,2})[.,](?P<year>\d{4})(?!\d)")
_STRAY_DOTS = re.compile(r"\.(?:\s*\.)+\s*")  # two or more dots in a row, spaces between
# A dater stamp's wheels printed apart, or its dots unread: "22 11 96", "-3 06 1991".
_SPACED = re.compile(r"(?<![\d.,/:-])(?P<day>\d{1,2}) {1,3}(?P<month>\d{1,2}) {1,3}(?P<year>\d{4}|\d{2})(?![\d.,/:-])")
_DAMAGED_NAMED = re.compile(  # "18, Februar 1978"
    rf"(?<![\d.,])(?P<day>\d{{1,2}}),{_GAP}(?P<month>{_LETTER}{{3,12}})\.?{_GAP}(?P<year>\d{{4}})(?!\d)")


def find_damaged_date(text: str) -> DateMatch | None:
    """A date OCR damaged in one of its common ways, repaired; for a text where `find_dates`
    finds none. Never as sure as an intact date: the caller must distrust it.

    The repairs: a stray dot ("23. OKT. . 2016"), commas for dots ("16,04,1992", "18, Februar
    1978"), a table rule glued to the front ("|05.05.1975", "131.05.1991"), and a zero read as 8
    or 9 where the day or month cannot be ("18.81.1993", "17.19.1985"), as dot-matrix and worn
    typewriter zeros often are; and a dater stamp's parts with spaces for dots ("22 11 96").
    """
    if (stray := _STRAY_DOTS.sub(". ", text)) != text and (found := next(iter(find_dates(stray)), None)):
        return found  # "23. OKT. . 2016": a speck read as a dot between a stamp's parts
    for match in _DAMAGED_NAMED.finditer(text):
        month = MONTHS.get(fold(match["month"]))
        try:
            value = dt.date(int(match["year"]), month, int(match["day"])) if month else None
        except ValueError:
            value = None
        if value is not None:
            return DateMatch(match.start(), match.end(), value, match.group())
    for match in _DAMAGED.finditer(text):
        day, month, year = match["day"], match["month"], match["year"]
        if len(day) == 3:
            if day[0] != "1":
                continue
            day = day[1:]  # a rule read as "1"
        day, month = _zero_for_lookalike(day, 31), _zero_for_lookalike(month, 12)
        try:
            value = dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
        return DateMatch(match.start(), match.end(), value, match.group())
    if (comb := comb_date(text)) is not None:
        return comb
    for match in _SPACED.finditer(text):
        year = int(match["year"])
        try:
            value = dt.date(year if len(match["year"]) == 4 else expand_two_digit_year(year), int(match["month"]),
                            int(match["day"]))
        except ValueError:
            continue
        return DateMatch(match.start(), match.end(), value, match.group())
    return None


# A form's date typed or written into a comb of six boxes (TTMMJJ): the boxes' sides read between the
# digits as marks, as a "1", or not at all ("‚1|0,0,4,7,4|", "12191112,715,", "‚0,9,0,7,9 4", "ı12,0,9,8,2;").
_COMB_SIDES = frozenset(",|:;!ıl‚'.I}]) 1")
_COMB_RUN = re.compile(r"[\d,|:;!ıl‚'.I}\])][\d,|:;!ıl‚'.I}\]) ]{10,24}")
_COMB_DIGITS = 6
_COMB_SIDE_WIDTH = 3  # marks and spaces read for one side, at most (" 1,")
_LOST_SIDE_COST = 2  # a side not read at all between two digits costs as much as two "1"s read for sides
_LOST_SIDES = 1  # sides lost in one comb, at most
_WIDE_SIDES = 1  # sides of more than one mark, or a space, in one comb, at most


def comb_date(text: str) -> DateMatch | None:
    """A DDMMYY date read from a comb of boxes: side, digit, side, ..., digit, side. A side is a mark, or up to
    three marks and spaces once (where the comb's halves stand apart); one read as "1", or lost between two
    digits (once at most), is a cost. Of the readings of the run into six digits, the cheapest count, and None
    unless they give one date. A run without any mark is read only with every side there (a number is no comb);
    a list ("1, 8, 10, 30, 41") has spaces in every side and is none."""
    for match in _COMB_RUN.finditer(text):
        run = match.group().rstrip()
        if sum(c.isdigit() for c in run) < _COMB_DIGITS:
            continue
        readings = _comb_readings(run, 0, True)
        costs = [cost for (digits, _, _, _), cost in readings.items() if len(digits) == _COMB_DIGITS]
        if not costs:
            continue
        values = set()
        for (digits, marked, lost, _), cost in readings.items():
            if len(digits) != _COMB_DIGITS or cost != min(costs) or lost and not marked:
                continue
            try:
                values.add(dt.date(expand_two_digit_year(int(digits[4:])), int(digits[2:4]), int(digits[:2])))
            except ValueError:
                continue
        if len(values) == 1:
            return DateMatch(match.start(), match.start() + len(run), values.pop(), run)
    return None


@functools.lru_cache(maxsize=4096)
def _comb_readings(run: str, at: int, side_next: bool) -> dict[tuple[str, bool, int, int], int]:
    """The cheapest cost of each reading of run[at:] as a comb, by (digits, a side held a mark, sides lost,
    wide sides), a side first where `side_next` (the first and the last side may be missing at no cost)."""
    found: dict[tuple[str, bool, int, int], int] = {}

    def keep(reading: tuple[str, bool, int, int], cost: int) -> None:
        digits, _, lost, wide = reading
        if len(digits) <= _COMB_DIGITS and lost <= _LOST_SIDES and wide <= _WIDE_SIDES:
            found[reading] = min(cost, found.get(reading, cost))

    if at == len(run):
        return {("", False, 0, 0): 0}
    if side_next:
        for width in range(1, _COMB_SIDE_WIDTH + 1):
            side = run[at : at + width]
            if len(side) == width and set(side) <= _COMB_SIDES:
                for (digits, marked, lost, wide), cost in _comb_readings(run, at + width, False).items():
                    # The comb's closing side may trail apart ("... 8 |").
                    spread = (width > 1 or side == " ") and at + width < len(run)
                    marked_now = marked or any(c not in "1 " for c in side)
                    keep((digits, marked_now, lost, wide + spread), cost + side.count("1"))
    if run[at].isdigit() and (not side_next or at == 0 or run[at - 1].isdigit()):
        missed = side_next and at > 0  # a digit right after a digit: the side between them was not read
        for (digits, marked, lost, wide), cost in _comb_readings(run, at + 1, True).items():
            keep((run[at] + digits, marked, lost + missed, wide), cost + _LOST_SIDE_COST * missed)
    return found


def _zero_for_lookalike(part: str, highest: int) -> str:
    """A two-digit day or month above its range with an 8 or 9 read for a 0 ("81", "19")."""
    if len(part) != 2 or int(part) <= highest:
        return part
    for index in (0, 1):
        if part[index] in "89" and 1 <= int(fixed := part[:index] + "0" + part[index + 1 :]) <= highest:
            return fixed
    return part


def is_plausible_register_date(date: dt.date, today: dt.date | None = None) -> bool:
    """Whether a date can be a register date: from 1950-01-01 up to today."""
    return EARLIEST_REGISTER_DATE <= date <= (today or dt.date.today())


def expand_two_digit_year(year: int) -> int:
    """Read a two-digit year: 00–29 as 2000–2029, 30–99 as 1930–1999."""
    return 2000 + year if year <= TWO_DIGIT_YEAR_PIVOT else 1900 + year


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    for form in ("iso", "roman", "dot", "sep", "name", "dash"):
        if match.group(f"{form}_day") is not None:
            break
    day = digits_to_int(match.group(f"{form}_day"))
    year_text = match.group(f"{form}_year")
    year = digits_to_int(year_text)
    if form in ("name", "dash"):
        month = MONTHS.get(fold(match.group(f"{form}_month")))
    elif form == "roman":
        month = ROMAN_MONTHS[match.group("roman_month")]
    else:
        month = digits_to_int(match.group(f"{form}_month"))
    if day is None or month is None or year is None:
        return None
    if len(year_text) == 2:
        year = expand_two_digit_year(year)
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31.02., month 13, year 0
        return None
