"""Search records by parcel, register number, municipality, type, date range and words.

Every criterion given must hold. `municipalities` is the caller's scope: the set of
municipalities whose records they may read (None: all of them, for archive staff and
the command line). A record outside the scope is never returned, whatever else matches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import selectinload

from baulast.db.database import Database
from baulast.db.models import PageRow, Record, RecordEntry, RecordParcel
from baulast.db.searchtext import query_words, snippet
from baulast.db.textindex import page_matches, widen
from baulast.parcels import ParcelQuery
from baulast.textnorm import name_key

_PAGES_PER_HIT = 4  # page matches fetched per wanted record: several pages of one record may match


@dataclass(frozen=True)
class SearchQuery:
    """What a clerk asks for; every given criterion must hold."""

    parcel: ParcelQuery | None = None
    register_number: str | None = None
    municipality: str | None = None
    baulast_type: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    words: str | None = None
    fuzzy: bool = True  # widen words to close vocabulary words (OCR noise on either side)
    status: str | None = None
    municipalities: frozenset[str] | None = None  # what the caller may read; None = all
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class Hit:
    """One matching record; the score and snippet come from the text match, if words were given."""

    record_id: int
    filename: str
    status: str
    municipality: str | None
    register_number: str | None
    date: dt.date | None
    parcels: tuple[str, ...]
    types: tuple[str, ...]
    deleted: bool  # every entry of the sheet is deleted (gelöscht)
    score: float | None = None
    snippet: tuple[tuple[str, bool], ...] = ()  # (text, is_match) pieces
    page: int | None = None  # the page the snippet comes from


def _parcel_filter(query: ParcelQuery) -> Select:
    """Record ids that have a burdened parcel matching the query."""
    conditions = []
    if query.gemarkung:
        conditions.append(RecordParcel.gemarkung_key == name_key(query.gemarkung))
    if query.flur is not None:
        conditions.append(RecordParcel.flur == query.flur)
    if query.zaehler is not None:
        if query.zaehler_to is not None:
            conditions.append(RecordParcel.zaehler.between(query.zaehler, query.zaehler_to))
        else:
            conditions.append(RecordParcel.zaehler == query.zaehler)
    if query.nenner is not None:
        conditions.append(RecordParcel.nenner == query.nenner)
    return select(RecordParcel.record_id).where(and_(*conditions))


def filtered(query: SearchQuery) -> Select:
    """The records that meet every criterion but the words (and lie in the caller's scope)."""
    statement = select(Record)
    if query.municipalities is not None:
        statement = statement.where(Record.municipality.in_(sorted(query.municipalities)))
    if query.parcel is not None:
        statement = statement.where(Record.id.in_(_parcel_filter(query.parcel)))
    if query.register_number:
        statement = statement.where(Record.register_number == query.register_number)
    if query.municipality:
        statement = statement.where(func.lower(Record.municipality) == query.municipality.lower())
    if query.baulast_type:
        typed = select(RecordEntry.record_id).where(func.lower(RecordEntry.type) == query.baulast_type.lower())
        statement = statement.where(Record.id.in_(typed))
    if query.date_from:
        statement = statement.where(Record.date >= query.date_from)
    if query.date_to:
        statement = statement.where(Record.date <= query.date_to)
    if query.status:
        statement = statement.where(Record.status == query.status)
    return statement


def search(db: Database, query: SearchQuery) -> list[Hit]:
    """The records matching every criterion: best text match first when words are given,
    else newest entry date first."""
    base = filtered(query)
    statement = base.options(selectinload(Record.parcels), selectinload(Record.entries))
    words = query_words(query.words or "")
    with db.session() as session:
        if not words:
            statement = statement.order_by(Record.date.desc().nulls_last(), Record.id.desc())
            records = session.scalars(statement.offset(query.offset).limit(query.limit)).all()
            return [_hit(record) for record in records]

        if query.fuzzy:
            words = widen(session, words)
        wanted = query.offset + query.limit
        conditions = base.whereclause
        best: dict[int, tuple[int, float]] = {}  # record id -> (page id, score) of its best page
        for page_id, record_id, score in page_matches(session, words, conditions, _PAGES_PER_HIT * wanted):
            best.setdefault(record_id, (page_id, score))
        chosen = list(best)[query.offset : wanted]
        if not chosen:
            return []
        records = {r.id: r for r in session.scalars(statement.where(Record.id.in_(chosen)))}
        texts = _page_texts(session, [best[rid][0] for rid in chosen])
        hits = []
        for record_id in chosen:
            page_id, score = best[record_id]
            number, page_text = texts[page_id]
            hits.append(_hit(records[record_id], score, tuple(snippet(page_text, words)), number))
        return hits


def _page_texts(session, page_ids: list[int]) -> dict[int, tuple[int, str]]:  # type: ignore[no-untyped-def]
    """Page number and text of these pages."""
    rows = session.execute(select(PageRow.id, PageRow.number, PageRow.text).where(PageRow.id.in_(page_ids)))
    return {page_id: (number, page_text) for page_id, number, page_text in rows}



def _hit(record: Record, score: float | None = None, pieces: tuple[tuple[str, bool], ...] = (),
         page: int | None = None) -> Hit:
    entries = record.entries
    return Hit(
        record_id=record.id, filename=record.filename, status=record.status,
        municipality=record.municipality, register_number=record.register_number, date=record.date,
        parcels=tuple(" ".join(str(part) for part in (p.gemarkung, p.flur, p.flurstueck) if part is not None)
                      for p in record.parcels),
        types=tuple(dict.fromkeys(e.type for e in entries if e.type)),
        deleted=bool(entries) and all(e.deleted_on is not None for e in entries),
        score=None if score is None else round(score, 4), snippet=pieces, page=page,
    )
