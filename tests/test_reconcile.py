"""Header vs. entry prose: two readings of one parcel, settled by Tesseract's confidence (no Tesseract)."""

from __future__ import annotations

import pytest

from baulast.model import Parcel, Word
from pipeline.reconcile import reconcile


def words(*pairs: tuple[str, float]) -> list[Word]:
    return [Word(text, conf, (0, 0, 10, 10), 1, 1, 1) for text, conf in pairs]


@pytest.mark.parametrize("header, entry, header_word, entry_word, expected", [
    # A table rule read as a leading 1, the entry prose surer: the entry's Flur.
    (Parcel("Hülchrath", 120, "1491"), Parcel("Hülchrath", 20, "1491"), ("120", 60), ("20,", 93),
     Parcel("Hülchrath", 20, "1491")),
    # A digit confused in the header.
    (Parcel("Hemmerden", 9, "284"), Parcel("Hemmerden", 5, "284"), ("9", 70), ("5,", 95),
     Parcel("Hemmerden", 5, "284")),
    # A digit lost in the header's Flurstück.
    (Parcel("Nievenheim", 28, "4"), Parcel("Nievenheim", 28, "47"), ("4", 40), ("47", 96),
     Parcel("Nievenheim", 28, "47")),
    # The entry prose misread, the header surer: the header stays.
    (Parcel("Norf", 25, "710/39"), Parcel("Norf", 25, "719/39"), ("710/39", 95), ("719/39", 61),
     Parcel("Norf", 25, "710/39")),
])
def test_the_surer_reading_wins(header, entry, header_word, entry_word, expected) -> None:  # type: ignore[no-untyped-def]
    assert reconcile([header], {entry}, words(header_word), words(entry_word), _Gazetteer()) == [expected]


def test_a_gemarkung_cut_short_takes_the_known_name() -> None:
    settled = reconcile([Parcel("Hac", 32, "1473")], {Parcel("Hackenbroich", 32, "1473")}, [], [], _Gazetteer())
    assert settled == [Parcel("Hackenbroich", 32, "1473")]


@pytest.mark.parametrize("header, entries", [
    ([Parcel("Zons", 3, "12")], {Parcel("Zons", 3, "12")}),  # the same reading: nothing to settle
    ([Parcel("Zons", 3, "12")], {Parcel("Zons", 3, "130")}),  # a different parcel (the benefiting one)
    ([Parcel("Zons", 3, "12")], {Parcel("Zons", 4, "13")}),  # two parts differ
    ([Parcel("Zons", 3, "12")], {Parcel("Zons", 3, "13"), Parcel("Zons", 3, "22")}),  # near to two: ambiguous
    ([Parcel("Zons", 3, "12")], set()),
])
def test_nothing_settled_without_exactly_one_near_reading(header, entries) -> None:  # type: ignore[no-untyped-def]
    assert reconcile(header, entries, words(("12", 10)), words(("13", 99), ("22", 99)), _Gazetteer()) is None


class _Gazetteer:
    """Only what reconcile asks: which Gemarkungen exist."""

    known = {"Hülchrath", "Hemmerden", "Nievenheim", "Norf", "Hackenbroich", "Zons"}

    def municipality_of(self, gemarkung: str) -> str | None:
        return "somewhere" if gemarkung in self.known else None


@pytest.mark.parametrize("header, entry", [
    ([Parcel("Nettesheim", 7, "11"), Parcel("Nettesheim", 7, "30")], Parcel("Nettesheim", 7, "1130")),
    ([Parcel("Kaarst", 36, "4"), Parcel("Kaarst", 36, "8")], Parcel("Kaarst", 36, "438")),  # and a glyph lost
])
def test_one_flurstueck_read_as_two_is_joined_again(header, entry) -> None:  # type: ignore[no-untyped-def]
    assert reconcile(header, {entry, Parcel(entry.gemarkung, entry.flur, "999")}, [], [], _Gazetteer()) == [entry]


def test_two_flurstuecke_the_entry_text_also_names_stay_two() -> None:
    header = [Parcel("Zons", 3, "11"), Parcel("Zons", 3, "30")]
    assert reconcile(header, {Parcel("Zons", 3, "11"), Parcel("Zons", 3, "1130")}, [], [], _Gazetteer()) is None
