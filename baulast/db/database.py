"""Opening the database (SQLite or PostgreSQL) and its content-addressed store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from baulast.db import migrate
from baulast.db.searchtext import stems_of
from baulast.db.store import Store
from baulast.errors import BadUsage, DatabaseUnreachable

DEFAULT_DATA_DIR = Path("baulast-data")


def default_url() -> str:
    """The database URL from BAULAST_DB, else a SQLite file in ./baulast-data."""
    return os.environ.get("BAULAST_DB") or f"sqlite:///{DEFAULT_DATA_DIR / 'baulast.sqlite'}"


def make_engine(url: str) -> Engine:
    """An engine; SQLite set up for a busy single office (WAL, foreign keys) and given the
    stemming function its text-index triggers call."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _sqlite_setup(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.create_function("baulast_stems", 1, stems_of, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages: the indexes of a large register
        cursor.close()

    return engine


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

    def __init__(
        self, url: str | None = None, store_dir: str | Path | None = None, *, migrate_schema: bool = True
    ) -> None:
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
        self.engine = make_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.store = Store(store_dir or _default_store(self.url))
        if migrate_schema:
            self._migrate()

    def _migrate(self) -> None:
        """Bring the schema to head (a no-op, one query, when it is there already)."""
        try:
            if not migrate.is_current(self.engine):
                migrate.upgrade(self.engine)
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
