"""The gazetteer: loading, lookups and fuzzy matching of OCR'd names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baulast.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_load_packaged_copy(gazetteer: Gazetteer) -> None:
    assert "Dormagen" in gazetteer.municipalities
    assert "Zons" in gazetteer.gemarkungen
    assert len(set(gazetteer.municipalities)) == len(gazetteer.municipalities)
    assert gazetteer.municipality_of("Zons") == "Dormagen"
    assert gazetteer.municipality_of("BUEDERICH") == "Meerbusch"
    assert gazetteer.municipality_of("Nowhere") is None
    assert gazetteer.gemarkungsnummer("Zons") is None  # the packaged copy has no numbers


def test_load_csv_with_gemarkungsnummer(tmp_path: Path) -> None:
    path = tmp_path / "gemarkungen.csv"
    path.write_text("municipality,gemarkung,gemarkungsnummer\nDormagen,Zons,1234\nDormagen,Straberg,\n")
    gazetteer = Gazetteer.load(path)
    assert gazetteer.gemarkungsnummer("Zons") == 1234
    assert gazetteer.gemarkungsnummer("Straberg") is None
    assert gazetteer.gemarkung_by_number(1234) == "Zons"
    assert gazetteer.gemarkung_by_number(9999) is None


def test_load_rejects_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("stadt,gemarkung\nDormagen,Zons\n")
    with pytest.raises(ValueError, match="municipality"):
        Gazetteer.load(path)


def test_is_immutable(gazetteer: Gazetteer) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        gazetteer.entries = ()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Zons", "Zons", id="exact"),
        pytest.param("Buderich", "Büderich", id="lost-umlaut"),
        pytest.param("Buederich", "Büderich", id="umlaut-as-ue"),
        pytest.param("Büdench", "Büderich", id="ocr-ri-as-n"),
        pytest.param("BÜDERICH", "Büderich", id="uppercase"),
        pytest.param("Ossum-Bosinghoven", "Ossum-Bösinghoven", id="hyphenated"),
        pytest.param("Ossum Bösinghoven", "Ossum-Bösinghoven", id="space-for-hyphen"),
        pytest.param("Grevenbroích", "Grevenbroich", id="stray-accent"),
        pytest.param("Nievenhelm", "Nievenheim", id="one-wrong-letter"),
        pytest.param("Gemarkung Zons", "Zons", id="keyword-dropped"),
        pytest.param("Neuß", "Neuss", id="sharp-s"),
        pytest.param("Flurstück", None, id="not-flurstueck"),
        pytest.param("Gemarkung", None, id="not-gemarkung"),
        pytest.param("Stadt", None, id="not-stadt"),
        pytest.param("Neues", None, id="short-name-needs-exact"),
        pytest.param("Zone", None, id="short-name-one-letter-off"),
        pytest.param("", None, id="empty"),
    ],
)
def test_match_gemarkung(gazetteer: Gazetteer, text: str, expected: str | None) -> None:
    match = gazetteer.match_gemarkung(text)
    assert (match.name if match else None) == expected
    if match:
        assert 0.8 <= match.score <= 1.0


def test_exact_match_scores_higher_than_noisy(gazetteer: Gazetteer) -> None:
    exact, noisy = gazetteer.match_gemarkung("Büderich"), gazetteer.match_gemarkung("Büdench")
    assert exact is not None and noisy is not None
    assert exact.score == 1.0 > noisy.score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Grevenbroich", "Grevenbroich", id="exact"),
        pytest.param("JUECHEN", "Jüchen", id="umlaut-as-ue"),
        pytest.param("Korschenbroisch", "Korschenbroich", id="extra-letter"),
        pytest.param("Zons", None, id="gemarkung-is-no-municipality"),
        pytest.param("Stadt", None, id="not-stadt"),
    ],
)
def test_match_municipality(gazetteer: Gazetteer, text: str, expected: str | None) -> None:
    match = gazetteer.match_municipality(text)
    assert (match.name if match else None) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Stadt Dormagen - Der Bürgermeister", "Dormagen", id="letterhead"),
        pytest.param("Baulastenverzeichnis der Gemeinde Jüchen", "Jüchen", id="register-title"),
        pytest.param("Der Bürgermeister der Stadt Grevenbroích", "Grevenbroich", id="ocr-accent"),
        pytest.param("Stadt Dor magen", "Dormagen", id="split-word"),
        pytest.param("Gemeinde Rommerskirchen", "Rommerskirchen", id="long-name"),
        pytest.param("Neues Baulastenverzeichnis", None, id="neues-is-not-neuss"),
        pytest.param("Der Bürgermeister", None, id="no-name"),
    ],
)
def test_find_municipality_in(gazetteer: Gazetteer, line: str, expected: str | None) -> None:
    match = gazetteer.find_municipality_in(line)
    assert (match.name if match else None) == expected


@given(st.text())
def test_matching_never_raises(gazetteer: Gazetteer, text: str) -> None:
    gazetteer.match_gemarkung(text)
    gazetteer.match_municipality(text)
    gazetteer.find_municipality_in(text)
    gazetteer.municipality_of(text)
    gazetteer.gemarkungsnummer(text)
