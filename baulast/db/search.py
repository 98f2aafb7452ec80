"""Search records by parcel, register number, municipality, date range and words."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, and_, column, func, literal_column, select, table

from baulast.db.database import Database
from baulast.db.models import PageRow, Record, RecordParcel
from baulast.parcels import ParcelQuery
from baulast.textnorm import name_key


@dataclass(frozen=True)
class SearchQuery:
    """What a clerk asks for; every given criterion must hold."""

    parcel: ParcelQuery | None = None
    register_number: str | None = None
    municipality: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    words: str | None = None
    status: str | None = None
    municipalities: frozenset[str] | None = None  # what the caller may read; None = all
    limit: int = 50


@dataclass(frozen=True)
class Hit:
    """One matching record with a text snippet where words were searched."""

    record_id: int
    filename: str
    status: str
    municipality: str | None
    register_number: str | None
    date: dt.date | None
    parcels: tuple[str, ...]
    snippet: str | None


_WORD = re.compile(r"\w+", re.UNICODE)


def _fts_expression(words: str) -> str:
    """An FTS5 query: every word must occur, as a prefix, quoted so no word is an operator."""
    return " ".join(f'"{w}"*' for w in _WORD.findall(words))


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


def search(db: Database, query: SearchQuery) -> list[Hit]:
    """The records matching every given criterion, newest entry date first (best text match
    first when words are given)."""
    statement = select(Record)
    if query.municipalities is not None:
        statement = statement.where(Record.municipality.in_(sorted(query.municipalities)))
    if query.parcel is not None:
        statement = statement.where(Record.id.in_(_parcel_filter(query.parcel)))
    if query.register_number:
        statement = statement.where(Record.register_number == query.register_number)
    if query.municipality:
        statement = statement.where(func.lower(Record.municipality) == query.municipality.lower())
    if query.date_from:
        statement = statement.where(Record.date >= query.date_from)
    if query.date_to:
        statement = statement.where(Record.date <= query.date_to)
    if query.status:
        statement = statement.where(Record.status == query.status)

    snippets: dict[int, str] = {}
    with db.session() as session:
        if query.words and _WORD.search(query.words):
            allowed = statement.with_only_columns(Record.id)  # every other filter, applied inside
            ranked = _ranked_text_matches(db, session, query.words, allowed, 20 * query.limit)
            snippets = {record_id: snippet for record_id, snippet in ranked}
            order = {record_id: rank for rank, (record_id, _) in enumerate(ranked)}
            statement = statement.where(Record.id.in_(list(order) or [-1]))
            records = sorted(session.scalars(statement), key=lambda r: order[r.id])[: query.limit]
        else:
            statement = statement.order_by(Record.date.desc().nulls_last(), Record.id).limit(query.limit)
            records = list(session.scalars(statement))
        return [
            Hit(
                record_id=r.id, filename=r.filename, status=r.status, municipality=r.municipality,
                register_number=r.register_number, date=r.date,
                parcels=tuple(f"{p.gemarkung} {p.flur or ''} {p.flurstueck}".replace("  ", " ") for p in r.parcels),
                snippet=snippets.get(r.id),
            )
            for r in records
        ]


def _ranked_text_matches(db: Database, session, words: str, allowed: Select, limit: int) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(record id, snippet) of the allowed records' pages holding all words, best first, one per record."""
    if db.is_sqlite:
        fts = table("pages_fts", column("rowid"))
        statement = (
            select(PageRow.record_id, literal_column("snippet(pages_fts, 0, '[', ']', ' … ', 12)"))
            .join(fts, fts.c.rowid == PageRow.id)
            .where(literal_column("pages_fts").op("MATCH")(_fts_expression(words)))
            .where(PageRow.record_id.in_(allowed))
            .order_by(literal_column("bm25(pages_fts)"))
            .limit(limit)
        )
        rows = session.execute(statement).all()
    else:
        conditions = [PageRow.text.ilike(f"%{_escape_like(w)}%", escape="\\") for w in _WORD.findall(words)]
        statement = (
            select(PageRow.record_id, func.substr(PageRow.text, 1, 160))
            .where(and_(*conditions), PageRow.record_id.in_(allowed))
            .limit(limit)
        )
        rows = session.execute(statement).all()
    seen: dict[int, str] = {}
    for record_id, snippet in rows:
        seen.setdefault(record_id, " ".join(snippet.split()))
    return list(seen.items())


def _escape_like(word: str) -> str:
    """A word with LIKE's wildcards taken literally."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
