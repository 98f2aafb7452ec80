"""The whole pipeline with real Tesseract on the shipped sample scans."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import jsonschema
from pypdf import PdfReader

from baulast.db.search import SearchQuery, search
from baulast.model import CORE_FIELDS
from baulast.options import IngestOptions
from baulast.parcels import parse_parcel_query
from pipeline.evaluate import score, truth_path
from pipeline.intake import SCAN_SUFFIXES
from pipeline.run import ingest
from tests.conftest import SAMPLES, SCHEMA


def sample_files(folder: Path) -> list[Path]:
    """The scan files of a sample folder."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SCAN_SUFFIXES)


def sha256(path: Path) -> str:
    """The file's sha256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_samples_are_a_realistic_set() -> None:
    files = sample_files(SAMPLES)
    assert 15 <= len(files) <= 25
    assert sum(p.stat().st_size for p in SAMPLES.rglob("*")) <= 20 * 1024 * 1024
    assert {p.suffix.lower() for p in files} >= {".pdf", ".jpg", ".png"} and any(
        p.suffix.lower() in (".tif", ".tiff") for p in files)
    for path in files:
        assert truth_path(path).exists(), f"{path.name} has no truth file"
    assert (SAMPLES / "README.md").exists()


def test_every_file_appears_once_and_matches_the_schema(ingested, sample_copy) -> None:  # type: ignore[no-untyped-def]
    _, summary, exported = ingested
    paths = [line["source"]["path"] for line in exported]
    assert sorted(paths) == sorted(str(p) for p in sample_files(sample_copy))
    for line in exported:
        jsonschema.validate(line, SCHEMA)
    assert summary.count("rejected") == 0


def test_accepted_records_are_complete_and_clean(ingested) -> None:  # type: ignore[no-untyped-def]
    _, _, exported = ingested
    for line in exported:
        if line["status"] != "accepted":
            continue
        assert all(line[name] not in (None, []) for name in CORE_FIELDS), line["source"]["filename"]
        assert not [f for f in line["findings"] if f["severity"] == "error"]
        for name in ("register_number", "parcels", "date", "municipality"):
            evidence = line["fields"][name]
            assert evidence["page"] >= 1 and len(evidence["bbox"]) == 4 and evidence["text"]


def test_no_accepted_record_is_wrong(ingested, sample_copy) -> None:  # type: ignore[no-untyped-def]
    _, _, exported = ingested
    truths = {p.name: json.loads(truth_path(p).read_text(encoding="utf-8")) for p in sample_files(sample_copy)}
    result = score(exported, truths)
    assert result["wrong_accepted"] == []
    assert result["accepted"] > 0


def test_searchable_pdf_per_record(ingested) -> None:  # type: ignore[no-untyped-def]
    db, _, exported = ingested
    with db.session() as session:
        from baulast.db.models import Record

        records = session.query(Record).all()
        for record in records:
            reader = PdfReader(io.BytesIO(db.store.get(record.pdf_key)))
            assert len(reader.pages) == record.pages
            assert db.store.path(record.pdf_key).name == f"{record.pdf_key}.pdf"
            assert sha256(db.store.path(record.pdf_key)) == record.pdf_key
        text = " ".join(PdfReader(io.BytesIO(db.store.get(r.pdf_key))).pages[0].extract_text() for r in records)
    assert "Baulast" in text


def test_search_finds_each_accepted_record_by_its_parcel(ingested) -> None:  # type: ignore[no-untyped-def]
    db, _, exported = ingested
    for line in exported:
        if line["status"] != "accepted" or line["duplicate_of"]:
            continue
        parcel = line["parcels"][0]
        query = parse_parcel_query(f"{parcel['gemarkung']} {parcel['flur']} {parcel['flurstueck']}")
        assert line["id"] in [hit.record_id for hit in search(db, SearchQuery(parcel=query))]


def test_originals_unchanged_and_reingest_does_no_work(ingested, sample_copy) -> None:  # type: ignore[no-untyped-def]
    db, _, exported = ingested
    for path in sample_files(sample_copy):
        assert sha256(path) == sha256(SAMPLES / path.name)
    again = ingest(IngestOptions(paths=(str(sample_copy),), workers=2), db=db)
    assert again.count("unchanged") == len(sample_files(sample_copy))
    assert again.pages == 0
