"""Dates from OCR text: table of sheet and stamp forms, plus round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baulast.dates import find_damaged_date, find_dates, is_plausible_register_date, parse_german_date

MARCH_12_1987 = dt.date(1987, 3, 12)
MONTH_NAMES = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip
NOISY_TEXT = st.text(alphabet="0123456789OolI|SB.-/ :,MärzMRZokt\u0308\n") | st.text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("12.03.1987", MARCH_12_1987, id="dotted"),
        pytest.param("12.3.87", MARCH_12_1987, id="short-year"),
        pytest.param("12. März 1987", MARCH_12_1987, id="month-name"),
        pytest.param("12. III. 1987", MARCH_12_1987, id="roman-month"),
        pytest.param("12.III.87", MARCH_12_1987, id="roman-month-tight"),
        pytest.param("14. II. 1983", dt.date(1983, 2, 14), id="roman-two-not-eleven"),
        pytest.param("3. VIII. 1961", dt.date(1961, 8, 3), id="roman-eight"),
        pytest.param("1. XII. 1990", dt.date(1990, 12, 1), id="roman-twelve"),
        pytest.param("19 maı 2010", dt.date(2010, 5, 19), id="month-name-dotless-i"),
        pytest.param("12. Maerz 1987", MARCH_12_1987, id="month-name-ae"),
        pytest.param("12. Ma\u0308rz 1987", MARCH_12_1987, id="month-name-decomposed-umlaut"),
        pytest.param("12. MRZ. 1987", MARCH_12_1987, id="stamp-abbreviation"),
        pytest.param("12. mär 1987", MARCH_12_1987, id="stamp-abbreviation-lowercase"),
        pytest.param("12 März 1987", MARCH_12_1987, id="month-name-no-dot"),
        pytest.param("1. Sept. 2001", dt.date(2001, 9, 1), id="sept"),
        pytest.param("3 DEZ 99", dt.date(1999, 12, 3), id="stamp-short-year"),
        pytest.param("1987-03-12", MARCH_12_1987, id="iso"),
        pytest.param("EINGETR.: 12-MRZ-1987", MARCH_12_1987, id="register-program-dashes"),
        pytest.param("27-SEP-1985", dt.date(1985, 9, 27), id="register-program-dashes-sep"),
        pytest.param("am neunten Mai 1977", dt.date(1977, 5, 9), id="words-day"),
        pytest.param("am dreißigsten Januar neunzehnhundertsechsundsiebzig", dt.date(1976, 1, 30), id="words-all"),
        pytest.param("den ersten März zweitausendzwei", dt.date(2002, 3, 1), id="words-2000s"),
        pytest.param("am siebten August 1976", dt.date(1976, 8, 7), id="words-irregular-ordinal"),
        pytest.param("am einunddreißigsten Juni 1980", None, id="words-no-such-day"),
        pytest.param("am letzten Mai 1980", None, id="words-no-ordinal"),
        pytest.param("12-03-1987", MARCH_12_1987, id="dashes"),
        pytest.param("12/03/1987", MARCH_12_1987, id="slashes"),
        pytest.param("l2.O3.1987", MARCH_12_1987, id="ocr-letters-for-digits"),
        pytest.param("12 . 03 . 1987", MARCH_12_1987, id="spaces-around-dots"),
        pytest.param("eingetragen am 12.03.1987.", MARCH_12_1987, id="in-sentence"),
        pytest.param("1.2.29", dt.date(2029, 2, 1), id="pivot-29-is-2000s"),
        pytest.param("1.2.30", dt.date(1930, 2, 1), id="pivot-30-is-1900s"),
        pytest.param("31.02.1987", None, id="no-such-day"),
        pytest.param("12.13.1987", None, id="no-such-month"),
        pytest.param("12. Foo 1987", None, id="unknown-month-word"),
        pytest.param("112.03.1987", None, id="day-too-long"),
        pytest.param("12.03.19871", None, id="year-too-long"),
        pytest.param("Flurstück 123/4", None, id="parcel-is-no-date"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_german_date(text: str, expected: dt.date | None) -> None:
    assert parse_german_date(text) == expected


def test_find_dates_in_order_with_spans() -> None:
    text = "eingetragen am 12.03.1987, gelöscht am 1. Okt. 2001; falsch: 31.02.1999"
    found = find_dates(text)
    assert [match.value for match in found] == [MARCH_12_1987, dt.date(2001, 10, 1)]
    assert [match.raw for match in found] == ["12.03.1987", "1. Okt. 2001"]
    assert all(text[match.start : match.end] == match.raw for match in found)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        pytest.param(dt.date(1949, 12, 31), False, id="before-1950"),
        pytest.param(dt.date(1950, 1, 1), True, id="first-day"),
        pytest.param(dt.date(2024, 6, 1), True, id="today"),
        pytest.param(dt.date(2024, 6, 2), False, id="future"),
    ],
)
def test_is_plausible_register_date(date: dt.date, expected: bool) -> None:
    assert is_plausible_register_date(date, today=dt.date(2024, 6, 1)) is expected


@given(NOISY_TEXT)
def test_parsers_never_raise(text: str) -> None:
    parse_german_date(text)
    find_damaged_date(text)
    found = find_dates(text)
    ends = [0] + [match.end for match in found]
    assert all(match.start >= end for match, end in zip(found, ends))
    assert all(text[match.start : match.end] == match.raw for match in found)


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_round_trip_dotted(date: dt.date) -> None:
    assert parse_german_date(f"{date.day:02d}.{date.month:02d}.{date.year}") == date


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2029, 12, 31)))
def test_round_trip_short_year(date: dt.date) -> None:
    assert parse_german_date(f"{date.day}.{date.month}.{date.year % 100:02d}") == date


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_round_trip_month_name(date: dt.date) -> None:
    assert parse_german_date(f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}") == date


_UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_TEENS = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def _spelt(number: int) -> str:
    """1..99 in German words, as a clerk wrote them."""
    if number < 10:
        return "eins" if number == 1 else _UNITS[number]
    if number < 20:
        return _TEENS[number - 10]
    unit, ten = number % 10, number // 10
    return (f"{_UNITS[unit]}und" if unit else "") + _TENS[ten]


def _spelt_ordinal(day: int) -> str:
    special = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}
    return special.get(day) or _spelt(day) + ("sten" if day >= 20 else "ten")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.booleans())
def test_round_trip_in_words(date: dt.date, year_in_words: bool) -> None:
    century, rest = divmod(date.year, 100)
    spelt_year = ("neunzehnhundert" if century == 19 else "zweitausend") + (_spelt(rest) if rest else "")
    year = spelt_year if year_in_words else str(date.year)
    text = f"Die Baulast wurde am {_spelt_ordinal(date.day)} {MONTH_NAMES[date.month - 1]} {year} eingetragen."
    assert parse_german_date(text) == date


@pytest.mark.parametrize("text, expected", [
    ("16,04,1992", dt.date(1992, 4, 16)),  # commas for dots
    ("|05.05.1975 |", dt.date(1975, 5, 5)),  # a table rule before the day
    ("131.05.1991", dt.date(1991, 5, 31)),  # a rule read as "1"
    ("18.81.1993", dt.date(1993, 1, 18)),  # a zero read as 8
    ("91.07.1990", dt.date(1990, 7, 1)),  # a zero read as 9
    ("17.19.1985", dt.date(1985, 10, 17)),
    ("Eingetragen am 18, Februar 1978.", dt.date(1978, 2, 18)),  # a comma after a named month's day
    ("23. OKT. . 2016", dt.date(2016, 10, 23)),  # a speck read as a dot in a stamp
    ("22 11 96", dt.date(1996, 11, 22)),  # a dater stamp's wheels, spaced
    ("EINGETRAGEN 3  06 1991", dt.date(1991, 6, 3)),
    ("Flur 12 Nr. 3 45", None),
    ("32 11 96", None),
    ("12 13 1996", None),
    ("Az. 63 11 96-2", None),  # glued to more
    ("Seite 1 .. 2", None),
    ("18, Kirchstraße 1978", None),  # no month
    ("31, Februar 1978", None),
    ("231.05.1991", None),  # no rule looks like a 2
    ("45.13.1990", None),  # no lookalike explains it
    ("30.02.1990", None),
    ("12.03.87", None),  # two-digit years are not repaired
    ("Az. 63/4-8267/86", None),
])
def test_find_damaged_date(text: str, expected: dt.date | None) -> None:
    found = find_damaged_date(text)
    assert (found.value if found else None) == expected


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_an_intact_date_needs_no_repair_and_survives_one(date: dt.date) -> None:
    text = f"{date.day:02d}.{date.month:02d}.{date.year:04d}"
    assert find_dates(text)[0].value == date
    assert find_damaged_date(text).value == date
