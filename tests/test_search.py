"""Search as clerks use it, against every backend: parcels in any notation, German word
forms, OCR misreadings, filters, scope, snippets and deleted entries."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import text

from baulast.db import Database, pgtext
from baulast.db.bulk import insert_records
from baulast.db.ledger import register, start_batch
from baulast.db.models import Record
from baulast.db.records import save_result
from baulast.db.search import SearchQuery, search
from baulast.db.searchtext import query_words, snippet, snippet_html, snippet_plain, stems_of
from baulast.db.textindex import _ts_word
from baulast.gazetteer import Gazetteer
from baulast.model import Entry, Evidence, Extraction, Field, FileResult, PageText, Parcel, ScanFile, Status
from baulast.parcels import parse_parcel_query
from bench.corpus import records
from tests.conftest import _TEMPLATE, blank_pdf

GAZETTEER = Gazetteer.from_rows([
    ("Dormagen", "Zons", 1234), ("Dormagen", "Nievenheim", 1235), ("Kaarst", "Büttgen", 2001),
])


def save(db, name: str, *, municipality: str = "Dormagen", number: str = "1",  # type: ignore[no-untyped-def]
         parcels: tuple[Parcel, ...] = (Parcel("Zons", 3, "123/4"),), text: str = "",
         date: dt.date = dt.date(1987, 3, 12), entries: tuple[Entry, ...] | None = None,
         status: Status = Status.ACCEPTED) -> int:
    """Save one record the way ingest does, and return its id."""
    data = name.encode()
    source = ScanFile(path=f"/scans/{name}", sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    (ledger_id, _), = register(db, start_batch(db), [source]).to_process
    evidence = Evidence(page=1, bbox=(1, 2, 3, 4), text=number)
    extraction = Extraction(
        municipality=Field("municipality", municipality, 0.9, evidence),
        register_number=Field("register_number", number, 0.9, evidence),
        parcels=Field("parcels", parcels, 0.9, evidence),
        date=Field("date", date, 0.9, evidence),
        entries=entries if entries is not None else (Entry(1, "Abstandflächenbaulast", date),),
        sheet_page=1,
    )
    result = FileResult(
        source=source, status=status, extraction=extraction,
        pages=(PageText(1, text or f"Baulastenblatt Nr. {number}", 90.0, 0.05, 0, True),
               PageText(2, "Anlage: Lageplan zum Antrag", 90.0, 0.05, 0, False)),
        pdf=blank_pdf(),
    )
    return save_result(db, ledger_id, result, GAZETTEER)


def ids(db, **criteria) -> list[int]:  # type: ignore[no-untyped-def]
    return [hit.record_id for hit in search(db, SearchQuery(**criteria))]


@pytest.fixture
def register_of(database):  # type: ignore[no-untyped-def]
    """A small register over two municipalities."""
    made = {
        "zons": save(database, "zons.pdf", number="1234", parcels=(Parcel("Zons", 3, "123/4"), Parcel("Zons", 3, "125")),
                     text="Der Eigentümer Müller übernimmt die Abstandflächen zugunsten des Grundstücks "
                          "Gemarkung Zons Flur 3 Flurstück 130. Eingetragen am 12.03.1987.",
                     entries=(Entry(1, "Abstandflächenbaulast", dt.date(1987, 3, 12)),)),
        "nievenheim": save(database, "nievenheim.pdf", number="77", parcels=(Parcel("Nievenheim", 1, "12"),),
                           date=dt.date(2001, 6, 1),
                           text="Die Stellplätze für das Haus an der Kölner Straße werden auf dem Grundstück "
                                "nachgewiesen. Eigentümerin: Frau Schäfer.",
                           entries=(Entry(1, "Stellplatzbaulast", dt.date(2001, 6, 1), dt.date(2010, 1, 5)),)),
        "buettgen": save(database, "buettgen.pdf", municipality="Kaarst", number="815",
                         parcels=(Parcel("Büttgen", 12, "77/3"),), date=dt.date(1975, 1, 20),
                         text="Zufahrt über das Grundstück der Eheleute Schmitz zur Straße Am Mühlenbach.",
                         entries=(Entry(1, "Zufahrtsbaulast", dt.date(1975, 1, 20)),)),
    }
    return database, made


@pytest.mark.parametrize("typed", [
    "Zons 3 123/4",
    "Gemarkung Zons, Flur 3, Flurstück 123/4",
    "Zons Flur 3 Flst. 123/4",
    "zons 123/4",  # without Flur
    "Zons 3 120-124",  # a range of Zähler
    "Zons 3 123",  # the Zähler only
    "051234003001230004__",  # ALKIS Flurstückskennzeichen
])
def test_parcel_in_any_notation(register_of, typed: str) -> None:
    db, made = register_of
    query = parse_parcel_query(typed, GAZETTEER)
    assert query is not None, typed
    assert ids(db, parcel=query) == [made["zons"]]


def test_parcel_that_is_not_burdened_finds_nothing(register_of) -> None:
    db, made = register_of
    # Flurstück 130 is only the benefiting parcel named in the entry text.
    assert ids(db, parcel=parse_parcel_query("Zons 3 130", GAZETTEER)) == []
    assert ids(db, parcel=parse_parcel_query("Zons 4 123/4", GAZETTEER)) == []


def test_parcels_are_stored_with_their_alkis_key(register_of) -> None:
    db, made = register_of
    from sqlalchemy import select

    from baulast.db.models import RecordParcel

    with db.session() as session:
        keys = session.scalars(select(RecordParcel.alkis).order_by(RecordParcel.id)).all()
    assert keys[:2] == ["051234003001230004__", "05123400300125______"]


@pytest.mark.parametrize("words, record", [
    ("Abstandfläche", "zons"),  # singular finds the plural
    ("abstandflachen", "zons"),  # without umlaut
    ("Muller", "zons"),
    ("Strasse Kölner", "nievenheim"),  # ß folded, word order free
    ("Stellplatz", "nievenheim"),  # prefix of a stem: Stellplätze
    ("Eigentümer", None),  # a prefix: also finds "Eigentümerin"
])
def test_text_search_german_forms(register_of, words: str, record: str | None) -> None:
    db, made = register_of
    found = ids(db, words=words, fuzzy=False)
    if record is None:
        assert set(found) == {made["zons"], made["nievenheim"]}
    else:
        assert found == [made[record]]


def test_fuzzy_search_finds_ocr_misreadings(register_of) -> None:
    db, made = register_of
    # OCR read "Mühlenbach" right; the clerk types it as it sounds on the phone, or OCR
    # misread the page and the clerk types it right: both sides differ by a letter or two.
    assert ids(db, words="Muhlenbaeh", fuzzy=False) == []
    assert ids(db, words="Muhlenbaeh") == [made["buettgen"]]
    assert ids(db, words="Schmltz") == [made["buettgen"]]
    assert ids(db, words="Abstandsflachen") == [made["zons"]]
    assert ids(db, words="Xylophon") == []


def test_filters_and_scope(register_of) -> None:
    db, made = register_of
    assert ids(db, words="Grundstück") and set(ids(db, words="Grundstück")) == set(made.values())
    assert ids(db, words="Grundstück", municipalities=frozenset({"Kaarst"})) == [made["buettgen"]]
    assert ids(db, words="Grundstück", municipalities=frozenset()) == []
    assert ids(db, register_number="1234", municipalities=frozenset({"Kaarst"})) == []
    assert ids(db, baulast_type="stellplatzbaulast") == [made["nievenheim"]]
    assert ids(db, date_from=dt.date(1980, 1, 1), date_to=dt.date(1990, 12, 31)) == [made["zons"]]
    assert ids(db, municipality="dormagen") == [made["nievenheim"], made["zons"]]  # newest first
    assert ids(db, words="Grundstück", status="needs_review") == []


def test_paging(register_of) -> None:
    db, made = register_of
    everything = ids(db, words="Grundstück", limit=10)
    assert len(everything) == 3
    assert ids(db, words="Grundstück", limit=2) + ids(db, words="Grundstück", limit=2, offset=2) == everything


def test_hits_carry_snippet_score_and_deletion(register_of) -> None:
    db, made = register_of
    (hit,) = search(db, SearchQuery(words="Stellplatz Kölner"))
    assert hit.record_id == made["nievenheim"] and hit.page == 1 and hit.score is not None
    assert hit.deleted and hit.types == ("Stellplatzbaulast",)
    plain = snippet_plain(list(hit.snippet))
    assert "«Stellplätze»" in plain and "«Kölner»" in plain
    (other,) = search(db, SearchQuery(register_number="1234"))
    assert not other.deleted and other.snippet == () and other.score is None


def test_ranking_puts_the_better_match_first(database) -> None:
    weak = save(database, "weak.pdf", number="1", text="Baulast " + "Grundstück und Gebäude " * 30 + "Garage")
    strong = save(database, "strong.pdf", number="2", text="Garage Garage: die Garage an der Grenze")
    assert ids(database, words="Garage")[:2] == [strong, weak]


def test_snippet_marks_matches_and_escapes_html() -> None:
    words = query_words("Stellplatz")
    pieces = snippet("<b>Zwei Stellplätze</b> auf dem Grundstück", words)
    html = snippet_html(pieces)
    assert html == "b&gt;Zwei <mark>Stellplätze</mark>&lt;/b&gt; auf dem Grundstück"  # spacing as on the page
    assert snippet_plain(pieces) == "b>Zwei «Stellplätze»</b> auf dem Grundstück"
    dates = snippet("Eingetragen am\n12.03.1987 für die Garage", query_words("Garage"))
    assert snippet_plain(dates) == "Eingetragen am 12.03.1987 für die «Garage»"


@pytest.mark.parametrize("text, expected", [
    ("Abstandflächen", "abstandflach"),
    ("Straße", "strass"),
    ("Häuser", "haus"),
    ("Flurstück 123", "flurstuck 123"),
])
def test_stems(text: str, expected: str) -> None:
    assert stems_of(text) == expected


def test_reading_a_record_is_scoped_too(register_of) -> None:
    from baulast.db.records import export_records, record_view

    db, made = register_of
    kaarst = frozenset({"Kaarst"})
    assert record_view(db, made["buettgen"], kaarst)["register_number"] == "815"
    assert record_view(db, made["zons"], kaarst) is None  # as if it did not exist
    assert record_view(db, made["zons"])["municipality"] == "Dormagen"
    assert list(export_records(db, list(made.values()), kaarst)) == [made["buettgen"]]


@pytest.fixture(scope="module")
def postgres_register(postgres, tmp_path_factory):  # type: ignore[no-untyped-def]
    """600 synthetic records on PostgreSQL, analysed, for the ways of reading text matches."""
    url = postgres.create_database("text_plans", template=_TEMPLATE)
    db = Database(url, tmp_path_factory.mktemp("store"))
    insert_records(db, records(600), batch_size=300)
    with db.engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    yield db
    db.dispose()
    postgres.drop_database("text_plans")


@pytest.mark.parametrize("common_share", [
    pytest.param(0.0, id="always-walk"),
    pytest.param(pgtext.COMMON_SHARE, id="by-estimate"),
    pytest.param(1.1, id="always-bitmap"),
])
@pytest.mark.parametrize("typed", [
    "Eigentümer",  # on every page
    "Stellplatzbaulast",
    "Jüchener Straße",  # two words that go together
    "Müller Lageplan",  # a rare word and a common one
    "Stellplatzbaulast Zufahrtsbaulast",  # two common words that seldom meet
    "Im Kamp",  # a stop word
    "im der",  # nothing but stop words
    "Quastenflosser",  # on no page
])
def test_postgres_finds_the_newest_matches_whichever_way_it_reads(  # type: ignore[no-untyped-def]
        postgres_register, monkeypatch, typed: str, common_share: float) -> None:
    """Walking the newest pages, reading the index by windows, or a mix: the same pages."""
    monkeypatch.setattr(pgtext, "COMMON_SHARE", common_share)
    word_queries = [_ts_word(word) for word in query_words(typed)]
    for conditions in (None, Record.municipality == "Neuss"):
        with postgres_register.session() as session:
            found = pgtext.newest_matches(session, word_queries, conditions, 25)
            statement = ("SELECT pages.id FROM pages JOIN records ON records.id = pages.record_id "
                         "WHERE search_vector @@ to_tsquery('baulast_de'::regconfig, :query) "
                         + ("AND records.municipality = 'Neuss' " if conditions is not None else "")
                         + "ORDER BY pages.id DESC LIMIT 25")
            expected = session.execute(text(statement), {"query": " & ".join(word_queries)}).scalars().all()
        assert found == expected
