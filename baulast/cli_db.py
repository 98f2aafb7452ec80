"""`baulast db`: where the schema stands, and bringing it up to date."""

from __future__ import annotations

import click

from baulast.cli import db_option, handle_errors, plain


def _database(db_url: str | None, store_dir: str | None):  # type: ignore[no-untyped-def]
    """The database, opened without migrating it."""
    from baulast.db import Database

    return Database(db_url, store_dir, migrate_schema=False)


@click.group()
def db() -> None:
    """Schema migrations (Alembic). Every baulast command migrates the database on opening;
    run `baulast db upgrade` to do it ahead of time, e.g. before starting a new release."""


@db.command()
@db_option
@handle_errors
def upgrade(db_url: str | None, store_dir: str | None) -> None:
    """Bring the database schema to the newest revision."""
    from baulast.db import migrate

    database = _database(db_url, store_dir)
    before, after = migrate.upgrade(database.engine)
    if before == after:
        plain.print(f"{database.safe_url}: already at revision {after} (head)")
    else:
        plain.print(f"{database.safe_url}: upgraded from {before or 'an empty database'} to {after}")


@db.command()
@db_option
@handle_errors
def current(db_url: str | None, store_dir: str | None) -> None:
    """Print the revision the database stands at, and whether that is the newest."""
    from baulast.db import migrate

    database = _database(db_url, store_dir)
    with database.engine.connect() as connection:
        revision = migrate.current_revision(connection)
    head = migrate.head_revision()
    state = "head" if revision == head else f"behind head {head}: run `baulast db upgrade`"
    plain.print(f"{revision or 'none (empty database)'} ({state})")
