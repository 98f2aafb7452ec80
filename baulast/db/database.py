"""Opening the database (SQLite or PostgreSQL) and its content-addressed store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from baulast.db.models import Base
from baulast.db.store import Store
from baulast.errors import BadUsage, DatabaseUnreachable

DEFAULT_DATA_DIR = Path("baulast-data")

# External-content FTS5 index over pages.text, kept in step by triggers.
# remove_diacritics folds ü/ö/ä to u/o/a so "Buderich" finds "Büderich".
_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5(
        text, content='pages', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS pages_fts_insert AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_fts_delete AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_fts_update AFTER UPDATE OF text ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text); END""",
]


def default_url() -> str:
    """The database URL from BAULAST_DB, else a SQLite file in ./baulast-data."""
    return os.environ.get("BAULAST_DB") or f"sqlite:///{DEFAULT_DATA_DIR / 'baulast.sqlite'}"


def _default_store(url: str) -> Path:
    """Store folder: BAULAST_STORE, else `store/` next to a SQLite file, else ./baulast-data/store."""
    if os.environ.get("BAULAST_STORE"):
        return Path(os.environ["BAULAST_STORE"])
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database).resolve().parent / "store"
    return DEFAULT_DATA_DIR / "store"


class Database:
    """The e-file database: an engine, a session factory and the PDF store."""

    def __init__(self, url: str | None = None, store_dir: str | Path | None = None) -> None:
        self.url = url or default_url()
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise BadUsage(f"not a database URL: {self.url!r} (try sqlite:///path/file.sqlite)") from exc
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).resolve().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUnreachable(
                    f"cannot create the database folder {folder}: {exc.strerror}. Check --db / BAULAST_DB."
                ) from exc
        self.engine = self._create_engine()
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.store = Store(store_dir or _default_store(self.url))
        self._create_schema()

    def _create_engine(self) -> Engine:
        """An engine with SQLite set up for a busy single office (WAL, foreign keys)."""
        if not self.is_sqlite:
            return create_engine(self.url, pool_pre_ping=True)
        engine = create_engine(self.url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine

    def _create_schema(self) -> None:
        """Create the tables (and the SQLite text index) where they are missing."""
        try:
            Base.metadata.create_all(self.engine)
            if self.is_sqlite:
                with self.engine.begin() as connection:
                    for statement in _SQLITE_FTS:
                        connection.execute(text(statement))
        except OperationalError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            raise DatabaseUnreachable(
                f"cannot open database {self.safe_url}: {reason}. Check --db / BAULAST_DB."
            ) from exc

    @property
    def safe_url(self) -> str:
        """The URL with any password hidden, for messages and logs."""
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        """Close all pooled connections."""
        self.engine.dispose()
