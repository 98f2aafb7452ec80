"""The list of municipalities and their Gemarkungen, and fuzzy lookup of OCR'd names in it."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from baulast.textnorm import name_key, run_together

# Names are compared a second time with letters run together read as one on both sides ("Büdench" for
# "Büderich", textnorm.RUN_TOGETHER); a match found only so scores a little lower than a direct one.
_CONFUSION_PENALTY = 0.95
_WINDOW_WORDS = 3
SHORTEST_FUZZY_NAME = 6  # shorter names only match exactly (after folding and OCR repair)
_WORD = re.compile(r"[^\W\d_][\w-]*")
SCAN_MIN_SCORE = 0.85  # stricter than a direct lookup: a scanned line is mostly other words


@dataclass(frozen=True)
class GazetteerEntry:
    """One Gemarkung and the municipality it belongs to."""

    municipality: str
    gemarkung: str
    gemarkungsnummer: int | None = None


@dataclass(frozen=True)
class GazetteerMatch:
    """A canonical name found for some text, with a similarity score 0..1."""

    name: str
    score: float


@dataclass(frozen=True)
class Gazetteer:
    """Municipalities and Gemarkungen of the district, as listed in gemarkungen.csv."""

    entries: tuple[GazetteerEntry, ...]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Read a CSV (municipality,gemarkung[,gemarkungsnummer]); None reads the packaged copy."""
        if path is None:
            text = resources.files("baulast").joinpath("data", "gemarkungen.csv").read_text("utf-8-sig")
        else:
            text = Path(path).read_text("utf-8-sig")
        return cls.from_csv(text, str(path or "baulast/data/gemarkungen.csv"))

    @classmethod
    def from_csv(cls, text: str, name: str = "CSV") -> Gazetteer:
        """Parse the CSV text of a gazetteer; `name` says where it came from in errors."""
        reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
        missing = {"municipality", "gemarkung"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(
                f"gazetteer {name} lacks the column(s) "
                f"{', '.join(sorted(missing))}; the header must read "
                "municipality,gemarkung[,gemarkungsnummer]"
            )
        rows = [
            (row["municipality"] or "", row["gemarkung"] or "", row.get("gemarkungsnummer") or None)
            for row in reader
        ]
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str | int | None]]) -> Gazetteer:
        """Build from (municipality, gemarkung[, gemarkungsnummer]) rows; blank rows are skipped."""
        entries = []
        for row in rows:
            if len(row) < 2:
                continue
            municipality, gemarkung = str(row[0] or "").strip(), str(row[1] or "").strip()
            if not municipality or not gemarkung:
                continue
            number = row[2] if len(row) > 2 else None
            number_text = "" if number is None else str(number).strip()
            if number_text and not (number_text.isascii() and number_text.isdigit()):
                raise ValueError(f"gemarkungsnummer {number_text!r} of {gemarkung} is not a number")
            number_value = int(number_text) if number_text else None
            entries.append(GazetteerEntry(municipality, gemarkung, number_value))
        return cls(tuple(entries))

    @cached_property
    def municipalities(self) -> tuple[str, ...]:
        """The municipality names, each once, in file order."""
        return tuple(dict.fromkeys(entry.municipality for entry in self.entries))

    @cached_property
    def gemarkungen(self) -> tuple[str, ...]:
        """The Gemarkung names, each once, in file order."""
        return tuple(dict.fromkeys(entry.gemarkung for entry in self.entries))

    def municipality_of(self, gemarkung: str) -> str | None:
        """The municipality a Gemarkung belongs to (spelling-tolerant), or None."""
        entry = self._entry_for(gemarkung)
        return entry.municipality if entry else None

    def gemarkungsnummer(self, gemarkung: str) -> int | None:
        """The official Gemarkung number used in ALKIS keys, or None if not listed."""
        entry = self._entry_for(gemarkung)
        return entry.gemarkungsnummer if entry else None

    def gemarkung_by_number(self, number: int) -> str | None:
        """The Gemarkung with this official number, or None."""
        for entry in self.entries:
            if entry.gemarkungsnummer == number:
                return entry.gemarkung
        return None

    def match_gemarkung(self, text: str, min_score: float = 0.8) -> GazetteerMatch | None:
        """The Gemarkung an OCR'd or typed name most likely means, or None below min_score."""
        return _best_match(_strip_leading_keyword(text), self.gemarkungen, min_score)

    def match_municipality(self, text: str, min_score: float = 0.8) -> GazetteerMatch | None:
        """The municipality an OCR'd or typed name most likely means, or None below min_score."""
        return _best_match(text, self.municipalities, min_score)

    def find_municipality_in(self, text: str) -> GazetteerMatch | None:
        """The municipality named somewhere in a line such as "Stadt Dormagen - Der Bürgermeister"."""
        words = _WORD.findall(text)
        best: GazetteerMatch | None = None
        for first in range(len(words)):
            for last in range(first + 1, min(first + _WINDOW_WORDS, len(words)) + 1):
                window = words[first:last]
                # OCR may split a name ("Dor magen"), so also try the words glued together.
                for candidate in {" ".join(window), "".join(window)}:
                    match = self.match_municipality(candidate, SCAN_MIN_SCORE)
                    if match and (best is None or match.score > best.score):
                        best = match
        return best

    def _entry_for(self, gemarkung: str) -> GazetteerEntry | None:
        key = name_key(gemarkung)
        return next((entry for entry in self.entries if name_key(entry.gemarkung) == key), None)


def _best_match(text: str, names: Sequence[str], min_score: float) -> GazetteerMatch | None:
    key = name_key(text)
    if not key or not names:
        return None
    keys = [name_key(name) for name in names]
    if key in keys:  # an exact (folded) match always wins
        return GazetteerMatch(names[keys.index(key)], 1.0)
    direct = process.extractOne(key, keys, scorer=fuzz.ratio)
    repaired = process.extractOne(
        run_together(key), [run_together(k) for k in keys], scorer=fuzz.ratio
    )
    candidates = [
        (direct[1] / 100, direct[1] / 100, direct[2]),
        (repaired[1] / 100 * _CONFUSION_PENALTY, repaired[1] / 100, repaired[2]),
    ]
    score, unpenalized, index = max(candidates, key=lambda candidate: candidate[0])
    if score < min_score:
        return None
    # One wrong letter in a short name is another word ("Neues" is not "Neuss").
    if len(keys[index]) < SHORTEST_FUZZY_NAME and unpenalized < 1.0:
        return None
    return GazetteerMatch(names[index], round(score, 4))


_GEMARKUNG_KEYWORD = re.compile(r"^\s*(?:gemarkung|gemkg|gmkg|gem)\b[.:]?\s*", re.IGNORECASE)


def _strip_leading_keyword(text: str) -> str:
    return _GEMARKUNG_KEYWORD.sub("", text, count=1)
