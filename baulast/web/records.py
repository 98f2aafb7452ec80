"""Reading records for the web app, always inside the caller's municipalities: a record
outside them is "not found" (404), so its existence does not leak."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import HTTPException
from sqlalchemy import select

from baulast.access import Principal
from baulast.db import Database
from baulast.db.models import LedgerEntry, PageRow, Record, RecordField
from baulast.db.records import export_record, get_record
from baulast.db.search import Hit, SearchQuery, search
from baulast.model import LedgerState
from baulast.parcels import ParcelQuery
from baulast.querybox import BoxQuery

NOT_FOUND = "no such record (or not one of your municipalities)"


@dataclass(frozen=True)
class PageInfo:
    """A page of a record as the record page shows it."""

    number: int
    width: int | None
    height: int | None
    is_sheet: bool
    mean_confidence: float
    low_confidence_share: float
    rotation: int


def record_or_404(db: Database, principal: Principal, record_id: int) -> dict[str, Any]:
    """The export form of a record the caller may read, with its pages, PDF and original; else 404."""
    with db.session() as session:
        record = get_record(session, record_id, principal.municipalities)
        if record is None:
            raise HTTPException(404, NOT_FOUND)
        data = export_record(record)
        data["page_info"] = [
            PageInfo(p.number, p.width, p.height, p.is_sheet, p.mean_confidence, p.low_confidence_share, p.rotation)
            for p in record.page_texts
        ]
        data["pdf_path"] = db.store.path(record.pdf_key) if record.pdf_key else None
        data["original_path"] = _original(session, record)
        data["created_at"] = record.created_at
        return data


def _scoped(principal: Principal, record_id: int):  # type: ignore[no-untyped-def]
    """The id condition of a record inside the caller's municipalities."""
    condition = Record.id == record_id
    if principal.municipalities is not None:
        condition = condition & Record.municipality.in_(sorted(principal.municipalities))
    return condition


def pdf_or_404(db: Database, principal: Principal, record_id: int) -> tuple[Path, int]:
    """The searchable PDF of a record the caller may read, and its page count; else 404.
    (Page images ask only this, not the whole record with its texts.)"""
    with db.session() as session:
        row = session.execute(select(Record.pdf_key, Record.pages).where(_scoped(principal, record_id))).first()
    if row is None:
        raise HTTPException(404, NOT_FOUND)
    if row.pdf_key is None:
        raise HTTPException(404, "this record has no searchable PDF (a rejected file?)")
    return db.store.path(row.pdf_key), row.pages


def evidence_or_404(db: Database, principal: Principal, record_id: int,
                    name: str) -> tuple[Path, int, list[int], int]:
    """Where a field of a record the caller may read was read from: (PDF, page, box, width of
    the OCR image); else 404."""
    pdf, _ = pdf_or_404(db, principal, record_id)
    with db.session() as session:
        row = session.execute(
            select(RecordField.page, RecordField.bbox, PageRow.width)
            .join(PageRow, (PageRow.record_id == RecordField.record_id) & (PageRow.number == RecordField.page))
            .where(RecordField.record_id == record_id, RecordField.name == name)).first()
    if row is None or not row.bbox or not row.width:
        raise HTTPException(404, f"no evidence image for {name}")
    return pdf, row.page, row.bbox, row.width


def _original(session, record: Record) -> Path | None:  # type: ignore[no-untyped-def]
    """Where the original scan is now: its path, or where the inbox filed it; None if gone."""
    candidates = [record.path]
    moved = session.scalars(select(LedgerEntry.moved_to).where(
        LedgerEntry.record_id == record.id, LedgerEntry.state == LedgerState.DONE, LedgerEntry.moved_to.is_not(None)))
    candidates += list(moved)
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file():
            return path
    return None


def scoped_search(db: Database, principal: Principal, box: BoxQuery, *, municipality: str | None = None,
                  gemarkung: str | None = None, date_from: dt.date | None = None, date_to: dt.date | None = None,
                  baulast_type: str | None = None, status: str | None = None, limit: int = 20,
                  offset: int = 0) -> list[Hit]:
    """The search box and filters as one query, inside the caller's municipalities."""
    parcel = box.parcel
    if gemarkung:
        if parcel is None:
            parcel = ParcelQuery(gemarkung=gemarkung)
        elif parcel.gemarkung is None:
            parcel = ParcelQuery(gemarkung, parcel.flur, parcel.zaehler, parcel.nenner, parcel.zaehler_to)
        elif parcel.gemarkung != gemarkung:
            return []  # the box names another Gemarkung than the filter: nothing can match both
    query = SearchQuery(parcel=parcel, register_number=box.register_number, words=box.words,
                        municipality=municipality or None, baulast_type=baulast_type or None,
                        date_from=date_from, date_to=date_to, status=status or None,
                        municipalities=principal.municipalities, limit=limit, offset=offset)
    return search(db, query)
