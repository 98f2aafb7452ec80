"""The text-index objects that live outside the SQLAlchemy models.

Each backend has its own full-text machinery, created by the migrations: FTS5 virtual
tables (and their shadow tables) in SQLite, a generated tsvector column and GIN indexes
in PostgreSQL. Comparing the database with the models must look past them.
"""

from __future__ import annotations

SQLITE_TEXT_TABLES = ("pages_fts", "search_terms_fts")
POSTGRES_TEXT_COLUMNS = {("pages", "search_vector")}
POSTGRES_TEXT_INDEXES = {"ix_pages_search_vector", "ix_search_terms_trigram"}


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:  # type: ignore[type-arg]
    """Alembic's include_name hook: False for the backend-specific text-index objects."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(SQLITE_TEXT_TABLES)
    if type_ == "column":
        return (parent_names.get("table_name"), name) not in POSTGRES_TEXT_COLUMNS
    if type_ == "index":
        return name not in POSTGRES_TEXT_INDEXES
    return True
