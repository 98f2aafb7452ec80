"""SQLAlchemy 2 models: one schema for SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of all baulast tables."""


class Batch(Base):
    """One run of `baulast ingest`, with its totals."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    totals: Mapped[dict | None] = mapped_column(JSON)


class LedgerEntry(Base):
    """One input file, written before any work on it starts; its state only moves forward."""

    __tablename__ = "ledger"
    __table_args__ = (UniqueConstraint("path", "sha256", name="uq_ledger_path_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)  # None: the file could not be read
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("records.id"), index=True)
    moved_to: Mapped[str | None] = mapped_column(Text)  # where inbox mode filed the original
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    record: Mapped[Record | None] = relationship()


class Record(Base):
    """One e-file: the fields a clerk searches by, its status and its searchable PDF."""

    __tablename__ = "records"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)  # None: unreadable input
    filename: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    municipality: Mapped[str | None] = mapped_column(String(100), index=True)
    register_number: Mapped[str | None] = mapped_column(String(32), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    sheet_page: Mapped[int | None] = mapped_column(Integer)
    pdf_key: Mapped[str | None] = mapped_column(String(64))
    seconds: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    fields: Mapped[list[RecordField]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="RecordField.name"
    )
    parcels: Mapped[list[RecordParcel]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="RecordParcel.position"
    )
    entries: Mapped[list[RecordEntry]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="RecordEntry.lfd_nr"
    )
    page_texts: Mapped[list[PageRow]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="PageRow.number"
    )
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="FindingRow.id"
    )
    corrections: Mapped[list[Correction]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="Correction.id"
    )


class RecordField(Base):
    """One extracted field with confidence and evidence (page, box, OCR text)."""

    __tablename__ = "record_fields"
    __table_args__ = (UniqueConstraint("record_id", "name", name="uq_field_record_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    value: Mapped[object | None] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float)
    page: Mapped[int | None] = mapped_column(Integer)
    bbox: Mapped[list | None] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text)

    record: Mapped[Record] = relationship(back_populates="fields")


class RecordParcel(Base):
    """A burdened parcel of a record, normalised for search."""

    __tablename__ = "record_parcels"
    __table_args__ = (Index("ix_parcel_lookup", "gemarkung_key", "flur", "zaehler", "nenner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    gemarkung: Mapped[str] = mapped_column(String(100))
    gemarkung_key: Mapped[str] = mapped_column(String(100))  # folded for matching
    flur: Mapped[int | None] = mapped_column(Integer)
    flurstueck: Mapped[str] = mapped_column(String(32))
    zaehler: Mapped[int] = mapped_column(Integer)
    nenner: Mapped[int | None] = mapped_column(Integer)
    alkis: Mapped[str | None] = mapped_column(String(20), index=True)  # Flurstückskennzeichen, where known

    record: Mapped[Record] = relationship(back_populates="parcels")


class SearchTerm(Base):
    """A folded word that occurs in some page: the vocabulary fuzzy search widens query words to.

    The text index proper is backend-specific and lives outside these models: FTS5 tables in
    SQLite, a generated tsvector column in PostgreSQL (see baulast/db/migrations).
    """

    __tablename__ = "search_terms"

    term: Mapped[str] = mapped_column(String(64), primary_key=True)


class RecordEntry(Base):
    """One entry (Lfd. Nr.) of the record's Baulastenblatt."""

    __tablename__ = "record_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    lfd_nr: Mapped[int] = mapped_column(Integer)
    type: Mapped[str | None] = mapped_column(String(64))
    registered_on: Mapped[dt.date | None] = mapped_column(Date)
    deleted_on: Mapped[dt.date | None] = mapped_column(Date)

    record: Mapped[Record] = relationship(back_populates="entries")


class PageRow(Base):
    """The OCR text and quality of one page; the text feeds full-text search."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("record_id", "number", name="uq_page_record_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    mean_confidence: Mapped[float] = mapped_column(Float)
    low_confidence_share: Mapped[float] = mapped_column(Float)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    is_sheet: Mapped[bool] = mapped_column(Boolean, default=False)
    width: Mapped[int | None] = mapped_column(Integer)  # pixels of the OCR image: word boxes refer to it
    height: Mapped[int | None] = mapped_column(Integer)

    record: Mapped[Record] = relationship(back_populates="page_texts")


class FindingRow(Base):
    """A validation finding; an `error` keeps the record out of the register."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    severity: Mapped[str] = mapped_column(String(8))
    code: Mapped[str] = mapped_column(String(48))
    field: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)

    record: Mapped[Record] = relationship(back_populates="findings")


class Correction(Base):
    """A reviewer's change to a record: who, when, which field, the value before and after."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[object | None] = mapped_column(JSON)
    new_value: Mapped[object | None] = mapped_column(JSON)
    user: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    record: Mapped[Record] = relationship(back_populates="corrections")


class User(Base):
    """A person who signs in to the web app or the API: a role and the municipalities they may read."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    all_municipalities: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    municipalities: Mapped[list[UserMunicipality]] = relationship(
        cascade="all, delete-orphan", order_by="UserMunicipality.municipality"
    )


class UserMunicipality(Base):
    """One municipality a user may read."""

    __tablename__ = "user_municipalities"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    municipality: Mapped[str] = mapped_column(String(100), primary_key=True)


class ApiToken(Base):
    """A bearer token for the JSON API; only its sha256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class WebSession(Base):
    """A signed-in browser: the cookie holds a secret whose sha256 is kept here, with the
    CSRF token of its forms."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """Who looked at what, and when: searches, record views, downloads, log-ins, changes."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_user_at", "username", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), index=True)
    record_id: Mapped[int | None] = mapped_column(Integer, index=True)
    query: Mapped[str | None] = mapped_column(Text)
    result_count: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict | None] = mapped_column(JSON)
    remote: Mapped[str | None] = mapped_column(String(64))
