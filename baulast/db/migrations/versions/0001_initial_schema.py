"""initial schema: the tables as they were before migrations, with SQLite's first text index

Revision ID: 0001
Revises: -
Create Date: 2026-11-23 12:49:12.224865
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


# The text index of the first release: FTS5 over pages.text, kept in step by triggers.
_SQLITE_FTS = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5(
        text, content='pages', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS pages_fts_insert AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_fts_delete AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_fts_update AFTER UPDATE OF text ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text); END""",
)


def upgrade() -> None:
    op.create_table('batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('totals', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('filename', sa.Text(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('municipality', sa.String(length=100), nullable=True),
    sa.Column('register_number', sa.String(length=32), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('sheet_page', sa.Integer(), nullable=True),
    sa.Column('pdf_key', sa.String(length=64), nullable=True),
    sa.Column('seconds', sa.Float(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    op.create_index('ix_records_date', 'records', ['date'], unique=False)
    op.create_index('ix_records_municipality', 'records', ['municipality'], unique=False)
    op.create_index('ix_records_register_number', 'records', ['register_number'], unique=False)
    op.create_index('ix_records_status', 'records', ['status'], unique=False)

    op.create_table('corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('old_value', sa.JSON(), nullable=True),
    sa.Column('new_value', sa.JSON(), nullable=True),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_corrections_record_id', 'corrections', ['record_id'], unique=False)

    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_findings_record_id', 'findings', ['record_id'], unique=False)

    op.create_table('ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('moved_to', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], ),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('path', 'sha256', name='uq_ledger_path_sha256')
    )
    op.create_index('ix_ledger_batch_id', 'ledger', ['batch_id'], unique=False)
    op.create_index('ix_ledger_record_id', 'ledger', ['record_id'], unique=False)
    op.create_index('ix_ledger_sha256', 'ledger', ['sha256'], unique=False)
    op.create_index('ix_ledger_state', 'ledger', ['state'], unique=False)

    op.create_table('pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('mean_confidence', sa.Float(), nullable=False),
    sa.Column('low_confidence_share', sa.Float(), nullable=False),
    sa.Column('rotation', sa.Integer(), nullable=False),
    sa.Column('is_sheet', sa.Boolean(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('record_id', 'number', name='uq_page_record_number')
    )
    op.create_index('ix_pages_record_id', 'pages', ['record_id'], unique=False)

    op.create_table('record_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('lfd_nr', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('deleted_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_record_entries_record_id', 'record_entries', ['record_id'], unique=False)

    op.create_table('record_fields',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('bbox', sa.JSON(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('record_id', 'name', name='uq_field_record_name')
    )
    op.create_index('ix_record_fields_record_id', 'record_fields', ['record_id'], unique=False)

    op.create_table('record_parcels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('gemarkung', sa.String(length=100), nullable=False),
    sa.Column('gemarkung_key', sa.String(length=100), nullable=False),
    sa.Column('flur', sa.Integer(), nullable=True),
    sa.Column('flurstueck', sa.String(length=32), nullable=False),
    sa.Column('zaehler', sa.Integer(), nullable=False),
    sa.Column('nenner', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_parcel_lookup', 'record_parcels', ['gemarkung_key', 'flur', 'zaehler', 'nenner'], unique=False)
    op.create_index('ix_record_parcels_record_id', 'record_parcels', ['record_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("pages_fts_insert", "pages_fts_delete", "pages_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS pages_fts")
    op.drop_index('ix_record_parcels_record_id', table_name='record_parcels')
    op.drop_index('ix_parcel_lookup', table_name='record_parcels')

    op.drop_table('record_parcels')
    op.drop_index('ix_record_fields_record_id', table_name='record_fields')

    op.drop_table('record_fields')
    op.drop_index('ix_record_entries_record_id', table_name='record_entries')

    op.drop_table('record_entries')
    op.drop_index('ix_pages_record_id', table_name='pages')

    op.drop_table('pages')
    op.drop_index('ix_ledger_state', table_name='ledger')
    op.drop_index('ix_ledger_sha256', table_name='ledger')
    op.drop_index('ix_ledger_record_id', table_name='ledger')
    op.drop_index('ix_ledger_batch_id', table_name='ledger')

    op.drop_table('ledger')
    op.drop_index('ix_findings_record_id', table_name='findings')

    op.drop_table('findings')
    op.drop_index('ix_corrections_record_id', table_name='corrections')

    op.drop_table('corrections')
    op.drop_index('ix_records_status', table_name='records')
    op.drop_index('ix_records_register_number', table_name='records')
    op.drop_index('ix_records_municipality', table_name='records')
    op.drop_index('ix_records_date', table_name='records')

    op.drop_table('records')
    op.drop_table('batches')
