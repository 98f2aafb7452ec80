"""Schema migrations with Alembic: where a database stands, and bringing it to head.

Every `Database()` brings its database to head on opening (under an advisory lock on
PostgreSQL, so two processes starting at once do not both migrate). `baulast db upgrade`
does the same explicitly, and `baulast db current` tells where a database stands.
A SQLite file made before migrations existed (tables, no alembic_version) is stamped
at the first revision, which is exactly the schema it has, and upgraded from there.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

FIRST_REVISION = "0001"
_ADVISORY_LOCK_KEY = 0x62617531  # "bau1": serialises migrations on a shared PostgreSQL


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at baulast's migrations, using this connection."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("baulast.db").joinpath("migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest revision this version of baulast knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "baulast ships at least one migration"
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database stands at; None for an empty or pre-migration database."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the database to `revision`; (revision before, revision after)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK_KEY})
        before = current_revision(connection)
        if before is None and inspect(connection).has_table("records"):
            command.stamp(alembic_config(connection), FIRST_REVISION)
            before = FIRST_REVISION
        if before != (head_revision() if revision == "head" else revision):
            command.upgrade(alembic_config(connection), revision)
        return before, current_revision(connection)


def is_current(engine: Engine) -> bool:
    """True if the database stands at head (checked cheaply, without running Alembic's scripts)."""
    with engine.connect() as connection:
        return current_revision(connection) == head_revision()
