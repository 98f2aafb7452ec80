"""Parcels from sheet text and from clerks' queries, and ALKIS keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baulast.gazetteer import Gazetteer
from baulast.model import Parcel
from baulast.parcels import ParcelQuery, alkis_key, parse_flurstueck, parse_parcel_query, parse_parcels

GAZETTEER = Gazetteer.from_rows(
    [("Dormagen", "Zons", 1234), ("Dormagen", "Nievenheim", 1235), ("Meerbusch", "Ossum-Bösinghoven", 4711)]
)
NOISY_TEXT = st.text(alphabet="0123456789OolI|SB/-,;. :Flurstückgemakn\u0308\nZons") | st.text()
RANGE = ParcelQuery("Zons", None, 120, None, 125)
KEYWORDS = ("fl", "gem", "gemarkung", "gemkg", "gmkg", "und", "sowie", "nr", "u")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("123/4", "123/4", id="with-nenner"),
        pytest.param("123 / 4", "123/4", id="spaces"),
        pytest.param("0123/04", "123/4", id="leading-zeros"),
        pytest.param("12", "12", id="zaehler-only"),
        pytest.param("l2/3", "12/3", id="ocr-l-for-1"),
        pytest.param("ı012 / 15", "1012/15", id="ocr-dotless-i-for-1"),
        pytest.param("1O5/B", "105/8", id="ocr-o-and-b"),
        pytest.param("Flst. 123/4", "123/4", id="after-keyword"),
        pytest.param("0", None, id="zero"),
        pytest.param("12/0", None, id="zero-nenner"),
        pytest.param("abc", None, id="no-number"),
    ],
)
def test_parse_flurstueck(text: str, expected: str | None) -> None:
    assert parse_flurstueck(text) == expected


def zons(flur: int | None, *flurstuecke: str) -> list[Parcel]:
    return [Parcel("Zons", flur, flurstueck) for flurstueck in flurstuecke]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Gemarkung Zons, Flur 3, Flurstück 123/4", zons(3, "123/4"), id="full"),
        pytest.param(
            "Gemarkung Zons Flur 3 Flurstücke 123/4, 125 und 126/1",
            zons(3, "123/4", "125", "126/1"),
            id="list",
        ),
        pytest.param("Flur 3 Flst. 12/3", [Parcel("Default", 3, "12/3")], id="default-gemarkung"),
        pytest.param("Gem. Zons, Fl. 3, Flst. 12", zons(3, "12"), id="abbreviations"),
        pytest.param("KATASTER: GMK Zons FLR 003 FST 12", zons(3, "12"), id="cadastre-three-letters"),
        pytest.param("Gmk. Zons, Flr. 3, Fst. 123/4, 125", zons(3, "123/4", "125"), id="cadastre-with-dots"),
        pytest.param("GMKG. ILVER CH FL. 6 FLST. 927", [Parcel("ILVER CH", 6, "927")], id="name-broken-in-two"),
        pytest.param("Gemarkung Zons u. Flur 3 Flurstück 12", zons(3, "12"), id="no-tail-but-a-word"),
        pytest.param("Gemarkung Zons j Flur 3 Flurstück 12", zons(3, "12"), id="no-tail-but-a-speck"),
        pytest.param("Gemarkung Zons Ab Flur 3 Flurstück 12", zons(3, "12"), id="no-tail-in-another-case"),
        pytest.param("GEMARKUNG / FLUR / FLURSTÜCK ..: Zons / 3 / 1071/27", zons(3, "1071/27"), id="slashed-keys"),
        pytest.param("Gemarkung / Flur / Flurstücke: Zons / 3 / 123/4, 125", zons(3, "123/4", "125"),
                     id="slashed-keys-list"),
        pytest.param("Flur / Flurstück ....: 3 / 12", [Parcel("Default", 3, "12")], id="slashed-keys-two"),
        pytest.param("Gemarkung / Flur / Flurstück: Zons / 3", [], id="slashed-keys-value-missing"),
        pytest.param("Gemarkung / Flur / Flurstück: Zons/3/12", [], id="slashed-keys-unspaced-ambiguous"),
        pytest.param("Gemarkung Zons, Flur. 3, Flurstück 12", zons(3, "12"), id="flur-with-a-dot"),
        pytest.param(
            "Flur 3, Flurstück 12; Flur 4, Flurstück 7",
            [Parcel("Default", 3, "12"), Parcel("Default", 4, "7")],
            id="several-flure",
        ),
        pytest.param("Gemarkung Zons, Flur ı1, Flurstück 140", zons(11, "140"), id="dotless-i-in-the-flur"),
        pytest.param("Grundstück in Zons, Gemarkung\nZons, Flur 10, Parz. 1131/38 und 244/33",
                     zons(10, "1131/38", "244/33"), id="gemarkung-name-on-the-next-line"),
        pytest.param(
            "Gemarkung Zons, Flur 26, Parz. 4/19; Flur\n27, Parz. 750/3 und 2597",
            [Parcel("Zons", 26, "4/19"), Parcel("Zons", 27, "750/3"), Parcel("Zons", 27, "2597")],
            id="flur-number-on-the-next-line",
        ),
        pytest.param(
            "Gemarkung Zons Flur 3 Flurstücke 120-122", zons(3, "120", "122"), id="range-not-expanded"
        ),
        pytest.param("Gemarkung Zons, Flur 3, Flurstiick l2O/3", zons(3, "120/3"), id="ocr-noise"),
        pytest.param("Gemarkung Zons, Flur 3, Flurstuck 5", zons(3, "5"), id="lost-umlaut"),
        pytest.param("Gemarkung Zons, Flur 3, Flurstueck 5", zons(3, "5"), id="umlaut-as-ue"),
        pytest.param("Gemarkung Zons, Flur 3, Flurstu\u0308ck 5", zons(3, "5"), id="decomposed-umlaut"),
        pytest.param("Gemarkung Zons, Flurstück 5", zons(None, "5"), id="no-flur"),
        pytest.param("Gemarkung Zons Flur 3 Flurstück 5, Flurstück 5", zons(3, "5"), id="deduplicated"),
        pytest.param("Gemarkung Zons Flur 3 Flurstück 5 vom 12.03.1987", zons(3, "5"), id="date-ends-list"),
        pytest.param(
            "Gemarkung Ossum-Bösinghoven Flur 1 Flurstück 9 u. 10 Gemarkung Zons Flurstück 2",
            [
                Parcel("Ossum-Bösinghoven", 1, "9"),
                Parcel("Ossum-Bösinghoven", 1, "10"),
                Parcel("Zons", None, "2"),
            ],
            id="two-gemarkungen",
        ),
        pytest.param("Baulast Nr. 12 vom 12.03.1987", [], id="no-keyword-no-parcel"),
        pytest.param("Gemarkung: Flur: 3 Flurstück 5", [Parcel("Default", 3, "5")],
                     id="the-next-label-is-no-gemarkung"),
        pytest.param("Gemarkung Flurbereinigung Flur 3 Flurstück 5", [Parcel("Flurbereinigung", 3, "5")],
                     id="a-name-that-starts-like-a-label"),
        pytest.param("Gemarkung Zons, Elur>3, Flurstück 5", zons(3, "5"), id="flur-misread-E-and-a-mark"),
        pytest.param("Gemarkung Zons Plur 3 Flurstück 5; F1ur: 4 Flst. 6", zons(3, "5") + zons(4, "6"),
                     id="flur-misread-P-and-1"),
        pytest.param("Gemarkung Zons Flure 3 Flurstück 5", zons(None, "5"), id="flure-is-no-flur-label"),
        pytest.param("Gemarkung Zons Flur 31: 1294, 1295; Flur 32: 16/24", zons(31, "1294", "1295") + zons(32, "16/24"),
                     id="flur-colon-flurstuecke"),
        pytest.param("Gemarkung Zons Flur 3: Flurstück 5", zons(3, "5"), id="flur-colon-then-label"),
        pytest.param("Gemarkung Zons, Flur 16.08.2014 20.10.2014\n32, Flurstück 5", zons(None, "5"),
                     id="a-date-beside-the-flur-label-is-no-flur"),
        pytest.param("Gemarkung Zons, Flur 36 Nr. 2149\n| und 1036/21\nGrundbuch Zons Blatt 6066",
                     zons(36, "2149", "1036/21"), id="a-rules-mark-before-the-lists-continuation"),
        pytest.param("Gem. Zons, Fi. 34, Fist. 532 u. 207/26", zons(34, "532", "207/26"), id="fl-misread-as-fi"),
        pytest.param("Gemarkung Zons, Flur 11, Nr. 898/25 und 12", zons(11, "898/25", "12"), id="flur-then-nr"),
        pytest.param("Gemarkung Zons, Flur 11 Parz. 898", zons(11, "898"), id="parzelle-abbreviated"),
        pytest.param("Gemarkung Zons, Flur 11, Parzellen 898 und 12", zons(11, "898", "12"), id="parzellen"),
        pytest.param("Gemarkung Zons Flur 3 Flurstück 4 Haus Nr. 5", zons(3, "4"),
                     id="a-nr-after-a-word-lists-nothing"),
        pytest.param("Gem. Zons, F1. 3, F1st. 12", zons(3, "12"), id="fl-misread-as-f1"),
        pytest.param("Gemarkung Zons Flur: 3 Lage Weg 9", [], id="colon-before-the-flur-lists-nothing"),
        pytest.param("Gemarkung Zons Flur 31: Mühlenweg 9", [], id="flur-colon-then-a-word"),
    ],
)
def test_parse_parcels(text: str, expected: list[Parcel]) -> None:
    assert parse_parcels(text, default_gemarkung="Default") == expected


def test_parse_parcels_without_any_gemarkung() -> None:
    assert parse_parcels("Flur 3 Flst. 12/3") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Zons 3 123/4", ParcelQuery("Zons", 3, 123, 4), id="short"),
        pytest.param("Gemarkung Zons, Flur 3, Flurstück 123/4", ParcelQuery("Zons", 3, 123, 4), id="long"),
        pytest.param("Zons Flur 3 Flst. 123/4", ParcelQuery("Zons", 3, 123, 4), id="keywords"),
        pytest.param("Zons 123/4", ParcelQuery("Zons", None, 123, 4), id="no-flur"),
        pytest.param("Zons 3 123", ParcelQuery("Zons", 3, 123, None), id="zaehler-only"),
        pytest.param("Zons 3 120-125", ParcelQuery("Zons", 3, 120, None, 125), id="range"),
        pytest.param("Zons 3 125-120", ParcelQuery("Zons", 3, 120, None, 125), id="range-reversed"),
        pytest.param("zons 3 12", ParcelQuery("Zons", 3, 12, None), id="gazetteer-canonical-name"),
        pytest.param("Nievenhelm 3 12", ParcelQuery("Nievenheim", 3, 12, None), id="gazetteer-fuzzy"),
        pytest.param("Zons", ParcelQuery("Zons", None, None, None), id="gemarkung-only"),
        pytest.param("051234003001230004__", ParcelQuery("Zons", 3, 123, 4), id="alkis-key"),
        pytest.param("051234___00005______", ParcelQuery("Zons", None, 5, None), id="alkis-key-empty-parts"),
        pytest.param("059999003001230004__", None, id="alkis-unknown-gemarkungsnummer"),
        pytest.param("05123400312300004__", None, id="alkis-19-characters"),
        pytest.param("Zons 3 4 5", None, id="too-many-numbers"),
        pytest.param("Zons 1000 5", None, id="flur-too-large"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_parcel_query(text: str, expected: ParcelQuery | None) -> None:
    assert parse_parcel_query(text, GAZETTEER) == expected


def test_parse_parcel_query_without_gazetteer() -> None:
    assert parse_parcel_query("zons 3 12") == ParcelQuery("zons", 3, 12, None)
    assert parse_parcel_query("051234003001230004__") is None


@pytest.mark.parametrize(
    ("query", "parcel", "expected"),
    [
        pytest.param(ParcelQuery("Zons", 3, 123, 4), Parcel("Zons", 3, "123/4"), True, id="exact"),
        pytest.param(ParcelQuery("zons", 3, 123, None), Parcel("Zons", 3, "123/4"), True, id="any-nenner"),
        pytest.param(ParcelQuery("Zons", 3, 123, 5), Parcel("Zons", 3, "123/4"), False, id="other-nenner"),
        pytest.param(ParcelQuery("Zons", 4, 123, 4), Parcel("Zons", 3, "123/4"), False, id="other-flur"),
        pytest.param(
            ParcelQuery("Straberg", 3, 123, 4), Parcel("Zons", 3, "123/4"), False, id="other-gemarkung"
        ),
        pytest.param(RANGE, Parcel("Zons", 3, "125"), True, id="range-end"),
        pytest.param(RANGE, Parcel("Zons", 3, "126"), False, id="past-range"),
        pytest.param(
            ParcelQuery(None, None, 7, None), Parcel("Zons", 3, "bad"), False, id="malformed-parcel"
        ),
    ],
)
def test_matches(query: ParcelQuery, parcel: Parcel, expected: bool) -> None:
    assert query.matches(parcel) is expected


def test_alkis_key() -> None:
    assert alkis_key(Parcel("Zons", 3, "123/4"), 1234) == "051234003001230004__"
    assert alkis_key(Parcel("Zons", None, "5"), 1234) == "051234___00005______"
    with pytest.raises(ValueError, match="flur"):
        alkis_key(Parcel("Zons", 1000, "5"), 1234)


@given(NOISY_TEXT)
def test_parsers_never_raise(text: str) -> None:
    parse_flurstueck(text)
    parse_parcels(text)
    parse_parcels(text, default_gemarkung="Zons")
    parse_parcel_query(text)
    parse_parcel_query(text, GAZETTEER)


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=2, max_size=12).map(str.capitalize)
gemarkungen = (names | st.sampled_from(GAZETTEER.gemarkungen)).filter(
    lambda name: name.casefold() not in KEYWORDS and not name.casefold().startswith(("flur", "flst"))
)
flure = st.none() | st.integers(min_value=1, max_value=999)
flurstuecke = st.builds(
    lambda zaehler, nenner: f"{zaehler}" if nenner is None else f"{zaehler}/{nenner}",
    st.integers(min_value=1, max_value=99999),
    st.none() | st.integers(min_value=1, max_value=9999),
)


@given(gemarkung=gemarkungen, flur=flure, flurstueck=flurstuecke)
def test_round_trip_sheet_text(gemarkung: str, flur: int | None, flurstueck: str) -> None:
    flur_part = "" if flur is None else f"Flur {flur}, "
    text = f"Gemarkung {gemarkung}, {flur_part}Flurstück {flurstueck}"
    assert parse_parcels(text) == [Parcel(gemarkung, flur, flurstueck)]


@given(gemarkung=st.sampled_from(GAZETTEER.gemarkungen), flur=flure, flurstueck=flurstuecke)
def test_round_trip_alkis_key(gemarkung: str, flur: int | None, flurstueck: str) -> None:
    parcel = Parcel(gemarkung, flur, flurstueck)
    number = GAZETTEER.gemarkungsnummer(gemarkung)
    assert number is not None
    query = parse_parcel_query(alkis_key(parcel, number), GAZETTEER)
    assert query == ParcelQuery(gemarkung, flur, parcel.zaehler, parcel.nenner)
    assert query.matches(parcel)
