"""text search: German stems in both backends, a vocabulary for fuzzy search, ALKIS keys

SQLite: the FTS5 index now holds German stems (computed by the baulast_stems function
the engine registers), and a trigram FTS5 index over the vocabulary finds words close
to a misspelt one. PostgreSQL: a generated tsvector column with the `baulast_de`
configuration (unaccent, then the German Snowball stemmer) under a GIN index, and a
pg_trgm index over the vocabulary.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from baulast.db.searchtext import vocabulary

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = (
    "DROP TRIGGER IF EXISTS pages_fts_insert",
    "DROP TRIGGER IF EXISTS pages_fts_delete",
    "DROP TRIGGER IF EXISTS pages_fts_update",
    "DROP TABLE IF EXISTS pages_fts",
    # Contentless: the stems are only indexed; snippets are cut from pages.text.
    "CREATE VIRTUAL TABLE pages_fts USING fts5(stems, content='', tokenize='unicode61 remove_diacritics 2')",
    """CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts(rowid, stems) VALUES (new.id, baulast_stems(new.text)); END""",
    """CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, stems) VALUES ('delete', old.id, baulast_stems(old.text)); END""",
    """CREATE TRIGGER pages_fts_update AFTER UPDATE OF text ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, stems) VALUES ('delete', old.id, baulast_stems(old.text));
        INSERT INTO pages_fts(rowid, stems) VALUES (new.id, baulast_stems(new.text)); END""",
    "INSERT INTO pages_fts(rowid, stems) SELECT id, baulast_stems(text) FROM pages",
    """CREATE VIRTUAL TABLE search_terms_fts USING fts5(
        term, content='search_terms', content_rowid='rowid', tokenize='trigram')""",
    """CREATE TRIGGER search_terms_fts_insert AFTER INSERT ON search_terms BEGIN
        INSERT INTO search_terms_fts(rowid, term) VALUES (new.rowid, new.term); END""",
    """CREATE TRIGGER search_terms_fts_delete AFTER DELETE ON search_terms BEGIN
        INSERT INTO search_terms_fts(search_terms_fts, rowid, term) VALUES ('delete', old.rowid, old.term); END""",
)

_POSTGRES_UP = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TEXT SEARCH CONFIGURATION baulast_de (COPY = german)",
    "ALTER TEXT SEARCH CONFIGURATION baulast_de ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem",
    """ALTER TABLE pages ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('baulast_de'::regconfig, text)) STORED""",
    "CREATE INDEX ix_pages_search_vector ON pages USING gin (search_vector)",
    "CREATE INDEX ix_search_terms_trigram ON search_terms USING gin (term gin_trgm_ops)",
)


def upgrade() -> None:
    op.add_column("record_parcels", sa.Column("alkis", sa.String(length=20), nullable=True))
    op.create_index("ix_record_parcels_alkis", "record_parcels", ["alkis"], unique=False)
    op.create_table(
        "search_terms",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )
    bind = op.get_bind()
    for statement in _SQLITE_UP if bind.dialect.name == "sqlite" else _POSTGRES_UP:
        op.execute(statement)
    _fill_vocabulary(bind)


def _fill_vocabulary(bind: sa.Connection) -> None:
    """The vocabulary of the pages already stored."""
    terms: set[str] = set()
    for (text,) in bind.execute(sa.text("SELECT text FROM pages")):
        terms |= vocabulary(text)
    if terms:
        bind.execute(sa.text("INSERT INTO search_terms(term) VALUES (:term)"), [{"term": t} for t in sorted(terms)])


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("pages_fts_insert", "pages_fts_delete", "pages_fts_update",
                     "search_terms_fts_insert", "search_terms_fts_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_terms_fts")
        op.execute("DROP TABLE IF EXISTS pages_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_pages_search_vector")
        op.execute("ALTER TABLE pages DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS baulast_de")
    op.drop_table("search_terms")
    op.drop_index("ix_record_parcels_alkis", table_name="record_parcels")
    with op.batch_alter_table("record_parcels") as batch:
        batch.drop_column("alkis")
    if bind.dialect.name == "sqlite":
        from importlib import import_module

        initial = import_module("baulast.db.migrations.versions.0001_initial_schema")
        for statement in initial._SQLITE_FTS:
            op.execute(statement)
        op.execute("INSERT INTO pages_fts(pages_fts) VALUES ('rebuild')")
