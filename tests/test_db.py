"""Storage: a result is saved whole, the ledger accounts for every file, search finds it."""

from __future__ import annotations

import datetime as dt
import hashlib

import jsonschema

from baulast.db.ledger import register, start_batch
from baulast.db.records import export_all, save_result
from baulast.db.search import SearchQuery, search
from baulast.model import (
    Entry,
    Evidence,
    Extraction,
    Field,
    FileResult,
    Finding,
    LedgerState,
    PageText,
    Parcel,
    ScanFile,
    Status,
)
from baulast.parcels import parse_parcel_query
from tests.conftest import SCHEMA, blank_pdf


def scan(name: str, content: bytes = b"") -> ScanFile:
    """A ScanFile for a made-up path."""
    data = content or name.encode()
    return ScanFile(path=f"/scans/{name}", sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def result(source: ScanFile, number: str = "1234", flurstueck: str = "123/4", text: str = "Abstandfläche") -> FileResult:
    """An accepted result for a file."""
    evidence = Evidence(page=1, bbox=(1, 2, 3, 4), text="Baulastenblatt Nr. " + number)
    extraction = Extraction(
        municipality=Field("municipality", "Dormagen", 0.9, evidence),
        register_number=Field("register_number", number, 0.97, evidence),
        parcels=Field("parcels", (Parcel("Zons", 3, flurstueck),), 0.9, evidence),
        date=Field("date", dt.date(1987, 3, 12), 0.9, evidence),
        entries=(Entry(1, "Abstandflächenbaulast", dt.date(1987, 3, 12)),),
        sheet_page=1,
    )
    return FileResult(
        source=source, status=Status.ACCEPTED, extraction=extraction,
        pages=(PageText(1, f"Baulastenblatt {number}\nDie {text} wird übernommen.", 91.0, 0.05, 0, True),),
        findings=(Finding("warning", "note", "just a note"),), pdf=blank_pdf(),
    )


def test_save_export_and_search(database) -> None:
    batch = start_batch(database)
    first, copy, other = scan("a.pdf", b"A"), scan("a-copy.pdf", b"A"), scan("b.pdf", b"B")
    plan = register(database, batch, [first, copy, other])
    assert [s.path for _, s in plan.to_process] == [first.path, other.path]
    assert plan.duplicates == [copy]
    ids = {}
    for ledger_id, item in plan.to_process:
        ids[item.path] = save_result(database, ledger_id, result(item, "7" if item is other else "1234",
                                                                  "125" if item is other else "123/4",
                                                                  "Stellplätze" if item is other else "Abstandfläche"))

    exported = export_all(database)
    assert [e["source"]["filename"] for e in exported] == ["a.pdf", "a-copy.pdf", "b.pdf"]
    assert exported[1]["duplicate_of"] == first.sha256 and exported[1]["id"] == ids[first.path]
    for line in exported:
        jsonschema.validate(line, SCHEMA)
    assert database.store.path(hashlib.sha256(blank_pdf()).hexdigest()).exists()

    def found(**criteria) -> list[int]:  # type: ignore[no-untyped-def]
        return [hit.record_id for hit in search(database, SearchQuery(**criteria))]

    assert found(parcel=parse_parcel_query("Zons 3 123/4")) == [ids[first.path]]
    assert found(parcel=parse_parcel_query("Gemarkung Zons, Flur 3, Flurstück 125")) == [ids[other.path]]
    assert found(parcel=parse_parcel_query("Zons 3 123")) == [ids[first.path]]
    assert found(register_number="7") == [ids[other.path]]
    assert found(words="stellplatze") == [ids[other.path]]  # umlaut folded
    assert found(words="Abstandfl") == [ids[first.path]]  # prefix
    assert sorted(found(date_from=dt.date(1987, 1, 1), date_to=dt.date(1987, 12, 31))) == sorted(ids.values())
    assert found(date_from=dt.date(1990, 1, 1)) == []
    assert found(municipality="Dormagen", municipalities=frozenset({"Kaarst"})) == []
    assert found(words="Abstandfl", municipalities=frozenset({"Kaarst"})) == []  # scope holds for text too
    assert found(words="Abstandfl", municipalities=frozenset({"Dormagen"})) == [ids[first.path]]
    assert found(words="100%_") == []  # wildcards and operators are plain text


def test_registering_again_does_no_work(database) -> None:
    files = [scan("a.pdf", b"A")]
    plan = register(database, start_batch(database), files)
    save_result(database, plan.to_process[0][0], result(files[0]))
    again = register(database, start_batch(database), files)
    assert again.to_process == [] and again.already_done == files


def test_interrupted_file_is_picked_up_again(database) -> None:
    files = [scan("a.pdf", b"A")]
    first = register(database, start_batch(database), files)
    again = register(database, start_batch(database), files)  # the first run died before saving
    assert [ledger_id for ledger_id, _ in again.to_process] == [first.to_process[0][0]]


def test_rejected_file_is_exported_with_its_reason(database) -> None:
    files = [scan("broken.pdf", b"%PDF-broken")]
    plan = register(database, start_batch(database), files)
    save_result(database, plan.to_process[0][0], FileResult(files[0], Status.REJECTED, error="damaged PDF: no xref"))
    (line,) = export_all(database)
    assert line["status"] == "rejected" and line["error"] == "damaged PDF: no xref"
    jsonschema.validate(line, SCHEMA)
    from baulast.db.ledger import ledger_rows

    assert [row.state for row in ledger_rows(database)] == [LedgerState.DONE]
