"""The bulk loader: records loaded in batches are searchable like ingested ones, and the
database takes normal inserts afterwards (text-index trigger back, id sequences moved on)."""

from __future__ import annotations

from baulast.db.bulk import insert_records
from baulast.db.search import SearchQuery, search
from baulast.gazetteer import Gazetteer
from baulast.parcels import parse_parcel_query
from bench.corpus import records
from tests.test_search import save


def test_bulk_loaded_records_are_searchable(database) -> None:  # type: ignore[no-untyped-def]
    seeded = list(records(120))
    done: list[int] = []
    assert insert_records(database, seeded, batch_size=50, progress=done.append) == 120
    assert done == sorted(done) and done[-1] == 120 and len(done) == 3  # one report per batch

    first = seeded[7]
    parcel = first.parcels[0]
    query = parse_parcel_query(f"{parcel.gemarkung} {parcel.flur} {parcel.flurstueck}", Gazetteer.load())
    found = search(database, SearchQuery(parcel=query, limit=500))
    assert 8 in [hit.record_id for hit in found]  # ids follow the load order, from 1
    hit = next(h for h in found if h.record_id == 8)
    assert (hit.municipality, hit.register_number) == (first.municipality, first.register_number)

    surname = next(w for w in first.text.split() if w.istitle() and len(w) > 6 and w.isalpha())
    assert 8 in [h.record_id for h in search(database, SearchQuery(words=surname, fuzzy=False, limit=500))]

    # A record saved the normal way afterwards gets a fresh id and is found by its words.
    later = save(database, "later.pdf", text="Die Zuwegung über das Grundstück Quastenflosser")
    assert later == 121
    assert [h.record_id for h in search(database, SearchQuery(words="Quastenflosser"))] == [later]
