"""One ingest at a time per database: an exclusive lock that a second run cannot take."""

from __future__ import annotations

import fcntl
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from baulast.db.database import Database
from baulast.errors import Locked


@contextmanager
def ingest_lock(db: Database) -> Iterator[None]:
    """Hold the database's ingest lock, or raise Locked at once if another run holds it.

    SQLite: an flock on `<database>.lock` beside the file. PostgreSQL: a session advisory
    lock. Both are released by the operating system or the server when the process dies,
    so a crashed run never leaves a stale lock behind.
    """
    if db.is_sqlite:
        database = make_url(db.url).database or ":memory:"
        path = Path(database + ".lock") if database != ":memory:" else None
        if path is None:
            yield
            return
        handle = open(path, "a+")  # noqa: SIM115 - held for the whole batch
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise Locked(f"another ingest is running on {database} (lock {path}); try again later") from exc
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield
        finally:
            handle.close()
        return
    key = zlib.crc32(b"baulast-ingest")
    with db.engine.connect() as connection:
        if not connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar():
            raise Locked(f"another ingest is running on {db.safe_url}; try again later")
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
