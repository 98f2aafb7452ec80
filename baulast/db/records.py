"""Saving a processed file as a record, and reading records back in the export form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from baulast.db.database import Database
from baulast.db.models import (
    FindingRow,
    LedgerEntry,
    PageRow,
    Record,
    RecordEntry,
    RecordField,
    RecordParcel,
)
from baulast.db.textindex import add_vocabulary
from baulast.gazetteer import Gazetteer
from baulast.model import FileResult, LedgerState, Parcel
from baulast.parcels import alkis_key
from baulast.textnorm import name_key


def _json_value(value: Any) -> Any:
    """A field value in its JSON form (dates as ISO, parcels as objects)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Parcel):
        return value.to_json()
    if isinstance(value, (tuple, list)):
        return [_json_value(v) for v in value]
    return value


def parcel_row(position: int, parcel: Parcel, gazetteer: Gazetteer | None = None) -> RecordParcel:
    """A parcel normalised for search, with its ALKIS key where the gazetteer knows the
    Gemarkungsnummer."""
    number = gazetteer.gemarkungsnummer(parcel.gemarkung) if gazetteer is not None else None
    try:
        alkis = alkis_key(parcel, number) if number is not None else None
    except ValueError:
        alkis = None  # a Flur or Flurstück out of ALKIS range: searchable, but without a key
    return RecordParcel(
        position=position, gemarkung=parcel.gemarkung, gemarkung_key=name_key(parcel.gemarkung),
        flur=parcel.flur, flurstueck=parcel.flurstueck, zaehler=parcel.zaehler, nenner=parcel.nenner,
        alkis=alkis,
    )


def save_result(db: Database, ledger_id: int, result: FileResult, gazetteer: Gazetteer | None = None) -> int:
    """Store the PDF, then the record with its text, fields and findings and the ledger
    update in one transaction: all of it is there afterwards, or none of it.

    The PDF comes as bytes or as a file (`result.pdf_file`, which the caller removes after)."""
    if result.pdf_file:
        pdf_key: str | None = db.store.put_file(result.pdf_file)
    else:
        pdf_key = db.store.put(result.pdf) if result.pdf else None
    extraction = result.extraction
    with db.session() as session:
        record = Record(
            sha256=result.source.sha256,
            filename=result.source.filename,
            path=result.source.path,
            pages=len(result.pages),
            status=result.status.value,
            error=result.error,
            municipality=extraction.municipality.value if extraction.municipality else None,
            register_number=extraction.register_number.value if extraction.register_number else None,
            date=extraction.date.value if extraction.date else None,
            sheet_page=extraction.sheet_page,
            pdf_key=pdf_key,
            seconds=round(result.seconds, 3),
        )
        for name, found in extraction.fields().items():
            evidence = found.evidence
            record.fields.append(RecordField(
                name=name,
                value=_json_value(found.value),
                confidence=round(found.confidence, 4),
                page=evidence.page if evidence else None,
                bbox=list(evidence.bbox) if evidence and evidence.bbox else None,
                text=evidence.text if evidence else None,
            ))
        if extraction.parcels:
            for position, parcel in enumerate(extraction.parcels.value):
                record.parcels.append(parcel_row(position, parcel, gazetteer))
        for entry in extraction.entries:
            record.entries.append(RecordEntry(
                lfd_nr=entry.lfd_nr, type=entry.type,
                registered_on=entry.registered_on, deleted_on=entry.deleted_on,
            ))
        for page in result.pages:
            record.page_texts.append(PageRow(
                number=page.number, text=page.text, mean_confidence=round(page.mean_confidence, 2),
                low_confidence_share=round(page.low_confidence_share, 4),
                rotation=page.rotation, is_sheet=page.is_sheet, width=page.width, height=page.height,
            ))
        for finding in result.findings:
            record.findings.append(FindingRow(
                severity=finding.severity, code=finding.code, field=finding.field, message=finding.message,
            ))
        session.add(record)
        add_vocabulary(session, (page.text for page in result.pages))
        session.flush()
        session.execute(
            update(LedgerEntry).where(LedgerEntry.id == ledger_id)
            .values(state=LedgerState.DONE, record_id=record.id, error=result.error)
        )
        # Identical copies under other names that were waiting for this record.
        session.execute(
            update(LedgerEntry)
            .where(LedgerEntry.sha256 == result.source.sha256, LedgerEntry.state == LedgerState.PENDING)
            .values(state=LedgerState.DUPLICATE, record_id=record.id)
        )
        return record.id


def _load_options():  # type: ignore[no-untyped-def]
    """Eager loads for everything the export shows."""
    return (
        selectinload(Record.fields), selectinload(Record.parcels), selectinload(Record.entries),
        selectinload(Record.findings), selectinload(Record.page_texts), selectinload(Record.corrections),
    )


def get_record(session: Session, record_id: int, municipalities: frozenset[str] | None = None) -> Record | None:
    """One record with its fields, parcels, entries, findings and pages; None if there is
    none, or if it lies outside the caller's municipalities (None: all)."""
    statement = select(Record).where(Record.id == record_id).options(*_load_options())
    if municipalities is not None:
        statement = statement.where(Record.municipality.in_(sorted(municipalities)))
    return session.scalar(statement)


def export_record(record: Record, ledger: LedgerEntry | None = None) -> dict[str, Any]:
    """The export contract object of a record (as seen from one input file's ledger row)."""
    is_duplicate = ledger is not None and ledger.state == LedgerState.DUPLICATE
    path = ledger.path if ledger is not None else record.path
    return {
        "id": record.id,
        "source": {
            "filename": path.rsplit("/", 1)[-1],
            "path": path,
            "sha256": ledger.sha256 if ledger is not None else record.sha256,
            "pages": record.pages,
        },
        "status": record.status,
        "error": record.error,
        "duplicate_of": record.sha256 if is_duplicate else None,
        "municipality": record.municipality,
        "register_number": record.register_number,
        "parcels": [
            {"gemarkung": p.gemarkung, "flur": p.flur, "flurstueck": p.flurstueck} for p in record.parcels
        ],
        "date": record.date.isoformat() if record.date else None,
        "entries": [
            {
                "lfd_nr": e.lfd_nr, "type": e.type,
                "registered_on": e.registered_on.isoformat() if e.registered_on else None,
                "deleted_on": e.deleted_on.isoformat() if e.deleted_on else None,
            }
            for e in record.entries
        ],
        "fields": {
            f.name: {"value": f.value, "confidence": f.confidence, "page": f.page, "bbox": f.bbox, "text": f.text}
            for f in record.fields
        },
        "findings": [
            {"severity": f.severity, "code": f.code, "field": f.field, "message": f.message}
            for f in record.findings
        ],
        "corrections": [
            {"field": c.field, "old_value": c.old_value, "new_value": c.new_value, "user": c.user,
             "at": c.at.isoformat() if c.at else None}
            for c in record.corrections
        ],
    }


def record_view(db: Database, record_id: int, municipalities: frozenset[str] | None = None) -> dict[str, Any] | None:
    """A record as shown to a person: the export form plus its PDF's path and page widths;
    None if there is none the caller may read."""
    with db.session() as session:
        record = get_record(session, record_id, municipalities)
        if record is None:
            return None
        data = export_record(record)
        data["pdf"] = str(db.store.path(record.pdf_key)) if record.pdf_key else None
        data["page_widths"] = {p.number: p.width for p in record.page_texts if p.width}
        return data


def export_records(
    db: Database, record_ids: list[int], municipalities: frozenset[str] | None = None
) -> dict[int, dict[str, Any]]:
    """The export objects of those of these records the caller may read, by id."""
    statement = select(Record).where(Record.id.in_(record_ids)).options(*_load_options())
    if municipalities is not None:
        statement = statement.where(Record.municipality.in_(sorted(municipalities)))
    with db.session() as session:
        records = session.scalars(statement)
        return {record.id: export_record(record) for record in records}


def export_all(db: Database) -> list[dict[str, Any]]:
    """One export object per input file that has an outcome, in ledger order."""
    with db.session() as session:
        rows = session.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.state.in_((LedgerState.DONE, LedgerState.DUPLICATE)))
            .order_by(LedgerEntry.id)
        ).all()
        records: dict[int, Record] = {}
        ids = {row.record_id for row in rows if row.record_id is not None}
        if ids:
            for record in session.scalars(select(Record).where(Record.id.in_(ids)).options(*_load_options())):
                records[record.id] = record
        return [export_record(records[row.record_id], row) for row in rows if row.record_id in records]
