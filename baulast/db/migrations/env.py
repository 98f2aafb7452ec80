"""Alembic environment: runs the migrations on the connection baulast hands over.

`baulast db upgrade` (and every `Database()` open) passes its own connection in
`config.attributes["connection"]`, so SQLite gets the functions its triggers call.
Run from the `alembic` command instead, the URL comes from BAULAST_DB or alembic.ini.
"""

from __future__ import annotations

from alembic import context

from baulast.db.models import Base
from baulast.db.schema_filter import include_name

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from baulast.db.database import default_url, make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or default_url())
    with engine.begin() as own_connection:
        _run(own_connection)
    engine.dispose()
