"""The review queue: list uncertain records, correct their fields, accept them.

Every correction keeps who made it, when, and the value it replaced; the record itself holds
the corrected value, so search and export show it. Accepting re-runs validation on the
corrected fields: a record is never accepted with a core field missing or failing a check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from baulast.db.database import Database
from baulast.db.models import Correction, FindingRow, Record, RecordField
from baulast.db.records import get_record, parcel_row
from baulast.errors import BadUsage
from baulast.gazetteer import Gazetteer
from baulast.model import Evidence, Extraction, Field, Parcel, Status
from baulast.validation import validate

CORRECTABLE = ("municipality", "register_number", "parcels", "date")


@dataclass(frozen=True)
class QueueItem:
    """One record waiting for review, with why it waits."""

    record_id: int
    filename: str
    municipality: str | None
    register_number: str | None
    reasons: tuple[str, ...]


def review_queue(db: Database, municipalities: frozenset[str] | None = None, limit: int = 100) -> list[QueueItem]:
    """Records with status needs_review, oldest first, with their error findings."""
    with db.session() as session:
        statement = (select(Record).where(Record.status == Status.NEEDS_REVIEW.value).order_by(Record.id)
                     .limit(limit).options(selectinload(Record.findings)))
        if municipalities is not None:
            statement = statement.where(Record.municipality.in_(sorted(municipalities)))
        return [
            QueueItem(r.id, r.filename, r.municipality, r.register_number,
                      tuple(f.message for f in r.findings if f.severity == "error"))
            for r in session.scalars(statement)
        ]


def next_in_queue(db: Database, municipalities: frozenset[str] | None, after: int) -> int | None:
    """The record waiting for review after this one, else the first waiting (None: none waits)."""
    statement = select(Record.id).where(Record.status == Status.NEEDS_REVIEW.value).order_by(Record.id).limit(1)
    if municipalities is not None:
        statement = statement.where(Record.municipality.in_(sorted(municipalities)))
    with db.session() as session:
        return session.scalar(statement.where(Record.id > after)) or session.scalar(statement)


def _load(session: Session, record_id: int) -> Record:
    """A record by id, or a clear error."""
    record = get_record(session, record_id)
    if record is None:
        raise BadUsage(f"no record with id {record_id}")
    return record


def _as_extraction(record: Record) -> Extraction:
    """The record's current fields as an Extraction, for validation."""
    fields = {f.name: f for f in record.fields}

    def field(name: str, value: Any) -> Field | None:
        stored = fields.get(name)
        if value in (None, (), []) or stored is None:
            return None
        return Field(name, value, stored.confidence, Evidence(stored.page or 1, None, stored.text or ""))

    parcels = tuple(Parcel(p.gemarkung, p.flur, p.flurstueck) for p in record.parcels)
    return Extraction(
        municipality=field("municipality", record.municipality),
        register_number=field("register_number", record.register_number),
        parcels=field("parcels", parcels),
        date=field("date", record.date),
        sheet_page=record.sheet_page or 1,
    )


def _set_field(
    session: Session, record: Record, name: str, value: Any, json_value: Any, user: str, gazetteer: Gazetteer | None
) -> None:
    """Write one corrected value on the record, its field row and the corrections log."""
    field = next((f for f in record.fields if f.name == name), None)
    previous = field.value if field is not None else None
    if field is None:
        field = RecordField(name=name, value=None, confidence=1.0, page=record.sheet_page, bbox=None, text=None)
        record.fields.append(field)
    field.value, field.confidence, field.text = json_value, 1.0, f"corrected by {user}"
    if name == "parcels":
        record.parcels.clear()
        session.flush()
        for position, parcel in enumerate(value):
            record.parcels.append(parcel_row(position, parcel, gazetteer))
    else:
        setattr(record, name, value)
    session.add(Correction(record_id=record.id, field=name, old_value=previous, new_value=json_value, user=user))


def correct(
    db: Database, record_id: int, changes: dict[str, Any], user: str, gazetteer: Gazetteer | None = None
) -> None:
    """Set corrected values (already parsed: str, date, tuple of Parcel) on a record."""
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise BadUsage(f"cannot correct {', '.join(sorted(unknown))}; correctable: {', '.join(CORRECTABLE)}")
    with db.session() as session:
        record = _load(session, record_id)
        for name, value in changes.items():
            if isinstance(value, dt.date):
                json_value: Any = value.isoformat()
            elif name == "parcels":
                json_value = [p.to_json() for p in value]
            else:
                json_value = value
            _set_field(session, record, name, value, json_value, user, gazetteer)


def accept(db: Database, record_id: int, user: str, gazetteer: Gazetteer) -> list[str]:
    """Accept a record after review; returns the problems that prevent it (empty when accepted).

    Confidence no longer counts (a person has looked), but every other check still does.
    """
    with db.session() as session:
        record = _load(session, record_id)
        if record.status == Status.REJECTED.value:
            return ["a rejected file has no record to accept; fix the file and ingest it again"]
        findings = [
            f for f in validate(_as_extraction(record), gazetteer, threshold=0.0) if f.severity == "error"
        ]
        if findings:
            return [f.message for f in findings]
        if record.status != Status.ACCEPTED.value:
            session.add(Correction(record_id=record.id, field="status", old_value=record.status,
                                   new_value=Status.ACCEPTED.value, user=user))
            record.status = Status.ACCEPTED.value
            for finding in record.findings:  # kept as history, no longer blocking
                if finding.severity == "error":
                    finding.severity, finding.code = "warning", f"resolved_{finding.code}"[:48]
            record.findings.append(FindingRow(severity="warning", code="reviewed",
                                              message=f"reviewed and accepted by {user}", field=None))
        return []
