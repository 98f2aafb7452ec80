"""Storage: SQLAlchemy models, the ledger, records, search and the PDF store."""

from baulast.db.database import Database, default_url

__all__ = ["Database", "default_url"]
