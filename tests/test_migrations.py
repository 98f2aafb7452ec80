"""Alembic migrations on both backends: head equals the models, old data survives upgrades."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from baulast.cli import main
from baulast.db import Database, migrate
from baulast.db.database import make_engine
from baulast.db.models import Base
from baulast.db.schema_filter import include_name
from baulast.db.search import SearchQuery, search


def test_empty_database_migrated_to_head_equals_the_models(empty_url: str) -> None:
    engine = make_engine(empty_url)
    before, after = migrate.upgrade(engine)
    assert (before, after) == (None, migrate.head_revision())
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
    assert {table.name for table in Base.metadata.sorted_tables} <= tables
    engine.dispose()


def test_data_of_the_first_revision_is_searchable_after_upgrading(empty_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(empty_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO records (id, filename, path, pages, status, municipality, register_number) "
            "VALUES (7, 'alt.pdf', '/scans/alt.pdf', 1, 'accepted', 'Dormagen', '12')"))
        connection.execute(text(
            "INSERT INTO pages (record_id, number, text, mean_confidence, low_confidence_share, rotation, is_sheet) "
            "VALUES (7, 1, 'Die Stellplätze werden auf dem Grundstück nachgewiesen', 90, 0.1, 0, true)"))
    engine.dispose()

    db = Database(empty_url, tmp_path / "store")  # opening migrates to head
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    assert [hit.record_id for hit in search(db, SearchQuery(words="Stellplatz"))] == [7]
    assert [hit.record_id for hit in search(db, SearchQuery(words="Grundstuk"))] == [7]  # fuzzy: vocabulary filled
    db.dispose()


def test_downgrade_to_the_first_revision_and_back(empty_url: str) -> None:
    engine = make_engine(empty_url)
    migrate.upgrade(engine)
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0001")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0001"
        assert not inspect(connection).has_table("search_terms")
    assert migrate.upgrade(engine) == ("0001", migrate.head_revision())
    engine.dispose()


def test_database_from_before_migrations_is_stamped_and_upgraded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'legacy.sqlite'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))  # what the first release left behind
    engine.dispose()
    db = Database(url, tmp_path / "store")
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    db.dispose()


def test_db_commands(empty_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    args = ["--db", empty_url, "--store", str(tmp_path / "store")]
    current = runner.invoke(main, ["db", "current", *args])
    assert current.exit_code == 0 and "none (empty database)" in current.output
    upgraded = runner.invoke(main, ["db", "upgrade", *args])
    assert upgraded.exit_code == 0 and f"upgraded from an empty database to {migrate.head_revision()}" in upgraded.output
    again = runner.invoke(main, ["db", "upgrade", *args])
    assert "already at revision" in again.output
    current = runner.invoke(main, ["db", "current", *args])
    assert current.output.strip() == f"{migrate.head_revision()} (head)"
