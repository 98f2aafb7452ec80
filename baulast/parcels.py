"""Parcels (Gemarkung, Flur, Flurstück) named in OCR text or typed as a search query.

`parse_parcels` reads sheet text such as "Gemarkung Zons, Flur 3, Flurstücke 123/4, 125
und 126/1"; `parse_parcel_query` reads what a clerk types ("Zons 3 120-125") or an ALKIS
Flurstückskennzeichen; `alkis_key` writes one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from baulast.model import Parcel
from baulast.textnorm import DIGIT_CLASS, digits_to_int, fix_digits, name_key

if TYPE_CHECKING:
    from baulast.gazetteer import Gazetteer

# Field widths of the ALKIS Flurstückskennzeichen; together 20 characters.
HIGHEST_FLUR = 999
HIGHEST_ZAEHLER = 99999
HIGHEST_NENNER = 9999

_D = DIGIT_CLASS
_LETTERS = r"[^\W\d_]+"
# Two or three letters in the name's own case: "ILVER CH", "Ilver ich"; a speck beside it ("Pesch j") is none.
_TAIL = r"(?:(?<=[A-ZÄÖÜ]) [ \t]*[A-ZÄÖÜ]{2,3}|(?<=[a-zäöüß]) [ \t]*[a-zäöüß]{2,3})(?![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
# "Gemarkung", "Gemkg.", "Gmkg.", "Gem.", and the cadastre's three letters "Gmk" ("GMK GLEHN FLR 031 FST 774")
_GEMARKUNG_KEYWORD = rf"(?i:ge(?:m|rn)arkun[gq]{_NOT_LETTER_AFTER}|gemkg\.?|gmkg?{_NOT_LETTER_AFTER}\.?|gem\.)"
# "Flurstück", "Flurstücke", "Flurstück(e)", "Flurstiick", "Flurstuck", "Flurstueck", "Flurst.", "Flst.", and
# with the l misread: "Fist.", "F1st.", "Fiurstück"; the cadastre's "Fst"; the older "Parzelle(n)", "Parz."
_FLURSTUECK_KEYWORD = (
    rf"(?i:(?:f(?:[li1|](?:ur)?)?st(?:(?:[uüúùi]{{1,2}}|[uü]e|li|il|l)?c?k(?:en|es|e|s)?(?:\((?:e|en|s)\))?)?"
    rf"|parz(?:ellen?)?){_NOT_LETTER_AFTER}\.?)"
)
# "Flur", and as OCR misreads it where a number follows: "Elur", "Plur", "Fiur", "F1ur", "Flür", "Fi."; the
# cadastre's "Flr"
_FLUR_KEYWORD = rf"(?i:(?:fl|[ep]l|f[i1|])[uü]?r{_NOT_LETTER_AFTER}\.?|f[li1]\.)"
_FLURSTUECK_NUMBER = rf"(?<![\w|/]){_D}+(?:[ \t]*/[ \t]*{_D}+)?(?![\w|/])"

_SHEET_TOKEN = re.compile(
    rf"""
      (?P<gemarkung_keyword>{_GEMARKUNG_KEYWORD}) [ \t]*:?[ \t]*\n?[ \t]*
        (?P<gemarkung>(?!{_FLUR_KEYWORD}|{_FLURSTUECK_KEYWORD}){_LETTERS}(?:-{_LETTERS})*  # not the next label
          # a name OCR broke in two ("ILVER CH" for ILVERICH): a short tail right before the Flur label
          (?:(?!{_FLUR_KEYWORD}){_TAIL}(?=[ \t]+{_FLUR_KEYWORD}))?)?
    | (?P<flurstueck_keyword>{_FLURSTUECK_KEYWORD})
    | (?P<flur_keyword>{_FLUR_KEYWORD}) [ \t]*(?i:nr\.?)?[ \t]*[:>»]?[ \t]*\n?[ \t]*
      (?P<flur>{_D}{{1,3}}(?![\w|/]|\.{_D}))?  # "Flur 16.08.2014": a date read into the line, no Flur
      (?P<flur_colon>(?(flur)[ \t]*:(?![ \t]*(?:{_FLURSTUECK_KEYWORD}))))?  # "Flur 31: 1294", Flurstücke follow
    | (?P<number>{_FLURSTUECK_NUMBER})
    | (?P<list_end>;)
    | (?P<separator>[,&+\-–]|(?i:\bund\b|\bu\.|\bsowie\b))
    | (?P<filler>(?i:\bnr\b\.?)|:)
    | (?P<word>\w+|\|)
    """,
    re.VERBOSE,
)


# "... der Gemarkung Zons" right after parcels: the Gemarkung follows the parcels it names.
_POSTPOSED = re.compile(r"(?i:\bder)[ \t]*\n?[ \t]*\Z")
# A key/value print's key number opening its line, before a key in capitals and its leaders or colon ("10 LAGE
# ........: KREFELDER STRASSE 50").
_KEY_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,2}[ \t]+(?=[A-ZÄÖÜ][A-ZÄÖÜ .\-]*?(?:\.{2,}|[ \t]*:))")
_MARK_BEFORE_SEPARATOR = re.compile(r"\|[ \t]*(?=(?i:und\b|u\.|sowie\b|,))")
# A key/value print's keys joined by slashes, then its values in the same order ("GEMARKUNG / FLUR /
# FLURSTÜCK ..: Hemmerden / 11 / 1071/27"): each value goes after its key; the last key takes the rest of the line.
_KEY = rf"(?:{_GEMARKUNG_KEYWORD}|{_FLURSTUECK_KEYWORD}|{_FLUR_KEYWORD})"
_SLASHED_KEYS = re.compile(rf"(?P<keys>{_KEY}(?:[ \t]*/[ \t]*{_KEY}){{1,2}})[ \t.]*:?[ \t]*(?P<values>.+)$")
_VALUE_SLASH = re.compile(r"[ \t]+/[ \t]+|[ \t]*/[ \t]*(?=[^\W\d_])|(?<=[^\W\d_])[ \t]*/[ \t]*")
# What each key's value looks like: a name, a Flur's number, a Flurstück's (or a list of them).
_VALUE_SHAPES = ((re.compile(_GEMARKUNG_KEYWORD), re.compile(rf"{_LETTERS}(?:-{_LETTERS})*")),
                 (re.compile(_FLURSTUECK_KEYWORD), re.compile(rf"{_D}.*")),
                 (re.compile(_FLUR_KEYWORD), re.compile(rf"{_D}{{1,3}}")))


def _keyed(keys: list[str], values: str) -> str | None:
    """The keys each followed by its value ("Gemarkung Hemmerden , Flur 11 , Flurstück 1071/27"), or None where the
    values do not split into as many parts of the keys' shapes."""
    parts = [part.strip() for part in _VALUE_SLASH.split(values.strip(), maxsplit=len(keys) - 1)]
    if len(parts) != len(keys):
        return None
    for name, value in zip(keys, parts):
        shape = next((shape for keyword, shape in _VALUE_SHAPES if keyword.fullmatch(name)), None)
        if shape is None or not shape.fullmatch(value):
            return None
    return " , ".join(f"{name} {value}" for name, value in zip(keys, parts))


def _unslashed(text: str) -> str:
    """The text with each slashed key line, and the lines of values only right below it (a print's next parcel),
    written key by key; lines that do not split as their keys do stay as they were."""
    lines, keys = [], None
    for line in text.split("\n"):
        head, values = "", line  # a line of values only, under the keys of the line above
        if (match := _SLASHED_KEYS.search(line)) is not None:
            keys = re.split(r"[ \t]*/[ \t]*", match.group("keys"))
            head, values = line[: match.start()], match.group("values")
        keyed = _keyed(keys, values) if keys is not None else None
        lines.append(line if keyed is None else head + keyed)
        keys = keys if keyed is not None else None
    return "\n".join(lines)


def parse_flurstueck(text: str) -> str | None:
    """The first Flurstück number in a text, normalised ("0123 / 04" → "123/4"), or None."""
    for match in re.finditer(_FLURSTUECK_NUMBER, text):
        flurstueck = _normalize_flurstueck(match.group())
        if flurstueck is not None:
            return flurstueck
    return None


def parse_parcels(text: str, default_gemarkung: str | None = None) -> list[Parcel]:
    """All parcels a text names, in order and without repeats.

    A Flurstück counts only after a "Flurstück"/"Flst." keyword (or a "Nr." or colon right after
    the Flur: "Flur 11, Nr. 898/25", "Flur 31: 1294") and only once a Gemarkung is known (from
    the text or `default_gemarkung`). A range "120-122" yields its two ends.
    """
    gemarkung, flur, in_list = default_gemarkung, None, False
    after_flur = False  # right after "Flur 11": a "Nr." there numbers the Flurstück ("Flur 11, Nr. 898/25")
    parcels: dict[Parcel, None] = {}
    listed: bool | None = None  # whether the list's last Flurstück was written zero-padded ("0012")
    pending: list[Parcel] = []  # the parcels read since the last Gemarkung was named, where none was named before
    carried = True  # whether the Gemarkung in force was not named before the parcels read now
    # A rule's mark before a list's continuation ("Nr. 2149" / "| und 1036/21") ends no list.
    text = _MARK_BEFORE_SEPARATOR.sub("", unicodedata.normalize("NFC", text))
    text = _KEY_NUMBER.sub(";", text)  # "10 LAGE .......: ...": a key/value print's next key, no Flurstück
    text = _unslashed(text)
    for token in _SHEET_TOKEN.finditer(text):
        if token.group("filler") is not None and token.group().strip(".").lower() == "nr" and after_flur:
            in_list = True
        if token.group("separator") is None and token.group("filler") is None:
            after_flur = token.group("flur_keyword") is not None and _flur_from_text(token.group("flur")) is not None
        if token.group("gemarkung_keyword") is not None:
            if token.group("gemarkung"):
                postposed = _POSTPOSED.search(text, 0, token.start()) is not None
                if postposed:
                    # "Flur 11, Flurstücke 1873 und 333/35 der Gemarkung Zons": the Gemarkung named after the
                    # parcels is theirs, where no Gemarkung was named before them.
                    for parcel in pending:
                        parcels.pop(parcel, None)
                    for parcel in pending:
                        parcels[Parcel(token.group("gemarkung"), parcel.flur, parcel.flurstueck)] = None
                pending, carried = [], postposed
                gemarkung, flur, in_list = token.group("gemarkung"), None, False
        elif token.group("flurstueck_keyword") is not None:
            in_list, listed = True, None
        elif token.group("flur_keyword") is not None:
            flur = _flur_from_text(token.group("flur")) or flur
            in_list = bool(token.group("flur_colon")) and _flur_from_text(token.group("flur")) is not None
        elif token.group("number") is not None:
            flurstueck = _normalize_flurstueck(token.group("number"))
            padded = token.group("number")[:1] == "0" and len(token.group("number")) > 1
            if in_list and padded and listed is not None and not listed:
                in_list = False  # "FLST. 1067" / "04 LAGE ...": a key's number, no Flurstück written alike
            if in_list and flurstueck and (carried or gemarkung):
                parcel = Parcel(gemarkung or "", flur, flurstueck)
                if carried and parcel not in parcels:
                    pending.append(parcel)  # its Gemarkung may yet follow it
                if gemarkung:
                    parcels[parcel] = None
                listed = padded
            elif not any(c.isdigit() for c in token.group("number")):
                in_list = False  # a word such as "So" that only looks like digits
        elif token.group("list_end") is not None or token.group("word") is not None:
            in_list = False
    return list(parcels)


@dataclass(frozen=True)
class ParcelQuery:
    """A parcel search: every field that is None matches anything; zaehler_to makes a range."""

    gemarkung: str | None
    flur: int | None
    zaehler: int | None
    nenner: int | None = None
    zaehler_to: int | None = None

    def matches(self, parcel: Parcel) -> bool:
        """Whether a parcel satisfies every field the query sets."""
        if self.gemarkung is not None and name_key(self.gemarkung) != name_key(parcel.gemarkung):
            return False
        if self.flur is not None and parcel.flur != self.flur:
            return False
        zaehler, nenner = _split_flurstueck(parcel.flurstueck)
        if self.zaehler is not None:
            highest = self.zaehler if self.zaehler_to is None else self.zaehler_to
            if zaehler is None or not self.zaehler <= zaehler <= highest:
                return False
        return self.nenner is None or nenner == self.nenner


_ALKIS_KEY = re.compile(
    r"(?P<land>\d{2})(?P<gemarkungsnummer>\d{4})(?P<flur>\d{3}|_{3})"
    r"(?P<zaehler>\d{5})(?P<nenner>\d{4}|_{4})(?P<folge>\d{2}|_{2})"
)
_QUERY_TOKEN = re.compile(
    rf"""
      (?P<gemarkung_keyword>{_GEMARKUNG_KEYWORD})
    | (?P<flurstueck_keyword>{_FLURSTUECK_KEYWORD})
    | (?P<flur_keyword>{_FLUR_KEYWORD})
    | (?P<filler>(?i:\bnr\b\.?))
    | (?P<range>\b\d+[ \t]*[-–][ \t]*\d+\b)(?![ \t]*/)
    | (?P<fraction>\b\d+[ \t]*/[ \t]*\d+\b)
    | (?P<integer>\b\d+\b)
    | (?P<word>{_LETTERS}(?:-{_LETTERS})*)
    """,
    re.VERBOSE,
)


def parse_parcel_query(text: str, gazetteer: Gazetteer | None = None) -> ParcelQuery | None:
    """Read a clerk's parcel search ("Zons 3 123/4", "Zons 3 120-125", an ALKIS key), or None."""
    text = unicodedata.normalize("NFC", text)
    compact = re.sub(r"\s+", "", text)
    if _ALKIS_KEY.fullmatch(compact):
        return _query_from_alkis_key(compact, gazetteer)
    name_words: list[str] = []
    flur: str | None = None
    flurstueck: str | None = None
    unlabelled: list[str] = []
    expecting: str | None = None  # "flur" or "flurstueck" right after that keyword
    for token in _QUERY_TOKEN.finditer(text):
        kind = next(name for name, value in token.groupdict().items() if value is not None)
        if kind in ("flur_keyword", "flurstueck_keyword"):
            expecting = kind.removesuffix("_keyword")
        elif kind == "word":
            name_words.append(token.group())
        elif kind in ("range", "fraction", "integer"):
            if expecting == "flur" and flur is None:
                flur = token.group()
            elif expecting == "flurstueck" and flurstueck is None:
                flurstueck = token.group()
            else:
                unlabelled.append(token.group())
            expecting = None
    if unlabelled and flur is None and flurstueck is None and len(unlabelled) == 2:
        flur, flurstueck = unlabelled
    elif len(unlabelled) == 1 and flurstueck is None:
        flurstueck = unlabelled[0]
    elif len(unlabelled) == 1 and flur is None:
        flur = unlabelled[0]
    elif unlabelled:
        return None  # more numbers than a parcel has
    return _build_query(" ".join(name_words), flur, flurstueck, gazetteer)


def alkis_key(parcel: Parcel, gemarkungsnummer: int, land: str = "05") -> str:
    """The 20-character ALKIS Flurstückskennzeichen of a parcel; ValueError if a part does not fit."""
    zaehler, nenner = _split_flurstueck(parcel.flurstueck)
    if not (len(land) == 2 and land.isascii() and land.isdigit()):
        raise ValueError(f"land must be two digits (05 is Nordrhein-Westfalen), not {land!r}")
    if not 0 <= gemarkungsnummer <= 9999:
        raise ValueError(f"gemarkungsnummer must have at most 4 digits, not {gemarkungsnummer}")
    if parcel.flur is not None and not 1 <= parcel.flur <= HIGHEST_FLUR:
        raise ValueError(f"flur must be 1..{HIGHEST_FLUR}, not {parcel.flur}")
    if zaehler is None or not 1 <= zaehler <= HIGHEST_ZAEHLER:
        raise ValueError(f"flurstueck {parcel.flurstueck!r} has no Zähler in 1..{HIGHEST_ZAEHLER}")
    if nenner is not None and not 1 <= nenner <= HIGHEST_NENNER:
        raise ValueError(f"flurstueck {parcel.flurstueck!r} has no Nenner in 1..{HIGHEST_NENNER}")
    flur = "___" if parcel.flur is None else f"{parcel.flur:03d}"
    nenner_part = "____" if nenner is None else f"{nenner:04d}"
    return f"{land}{gemarkungsnummer:04d}{flur}{zaehler:05d}{nenner_part}__"


def _query_from_alkis_key(key: str, gazetteer: Gazetteer | None) -> ParcelQuery | None:
    parts = _ALKIS_KEY.fullmatch(key)
    if parts is None or gazetteer is None:
        return None
    gemarkung = gazetteer.gemarkung_by_number(int(parts["gemarkungsnummer"]))
    zaehler = int(parts["zaehler"])
    if gemarkung is None or zaehler == 0:
        return None
    flur = None if parts["flur"] == "___" else int(parts["flur"]) or None
    nenner = None if parts["nenner"] == "____" else int(parts["nenner"]) or None
    return ParcelQuery(gemarkung, flur, zaehler, nenner)


def _build_query(
    name: str, flur_text: str | None, flurstueck_text: str | None, gazetteer: Gazetteer | None
) -> ParcelQuery | None:
    gemarkung = name or None
    if gemarkung and gazetteer is not None:
        match = gazetteer.match_gemarkung(gemarkung)
        gemarkung = match.name if match else gemarkung
    flur = None
    if flur_text is not None:
        if not flur_text.isdigit() or not 1 <= int(flur_text) <= HIGHEST_FLUR:
            return None
        flur = int(flur_text)
    zaehler = nenner = zaehler_to = None
    if flurstueck_text is not None:
        if "-" in flurstueck_text or "–" in flurstueck_text:
            low, high = sorted(int(part) for part in re.split("[-–]", flurstueck_text))
            if not 1 <= low <= high <= HIGHEST_ZAEHLER:
                return None
            zaehler, zaehler_to = low, (high if high != low else None)
        else:
            normalized = _normalize_flurstueck(flurstueck_text)
            if normalized is None:
                return None
            zaehler, nenner = _split_flurstueck(normalized)
    if gemarkung is None and flur is None and zaehler is None:
        return None
    return ParcelQuery(gemarkung, flur, zaehler, nenner, zaehler_to)


def _normalize_flurstueck(token: str) -> str | None:
    parts = [digits_to_int(part.strip()) for part in fix_digits(token).split("/")]
    if any(part is None for part in parts) or not 1 <= parts[0] <= HIGHEST_ZAEHLER:
        return None
    if len(parts) == 1:
        return str(parts[0])
    if not 1 <= parts[1] <= HIGHEST_NENNER:
        return None
    return f"{parts[0]}/{parts[1]}"


def _split_flurstueck(flurstueck: str) -> tuple[int | None, int | None]:
    match = re.fullmatch(r"\s*(\d+)\s*(?:/\s*(\d+)\s*)?", flurstueck)
    if match is None or not flurstueck.isascii():
        return None, None
    return int(match[1]), (int(match[2]) if match[2] else None)


def _flur_from_text(token: str | None) -> int | None:
    value = digits_to_int(token) if token else None
    return value if value is not None and 1 <= value <= HIGHEST_FLUR else None
