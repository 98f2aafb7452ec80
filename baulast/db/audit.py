"""The audit log: every search, record view, download, sign-in and change, with user and time.

Written in its own transaction, so a look is recorded even when what follows fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from baulast.db.database import Database
from baulast.db.models import AuditEntry


class Action:
    """The actions the log knows (a plain string column: new ones need no migration)."""

    SEARCH = "search"
    VIEW = "view"
    DOWNLOAD_PDF = "download_pdf"
    DOWNLOAD_ORIGINAL = "download_original"
    PAGE_IMAGE = "page_image"
    AUSKUNFT = "auskunft"
    CORRECT = "correct"
    ACCEPT = "accept"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    DENIED = "denied"


@dataclass(frozen=True)
class AuditLine:
    """One line of the log as read back."""

    id: int
    at: dt.datetime
    username: str
    action: str
    record_id: int | None
    query: str | None
    result_count: int | None
    detail: dict[str, Any] | None
    remote: str | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def record(db: Database, username: str, action: str, *, record_id: int | None = None, query: str | None = None,
           result_count: int | None = None, detail: dict[str, Any] | None = None, remote: str | None = None) -> None:
    """Write one line of the log."""
    with db.session() as session:
        session.add(AuditEntry(at=_now(), username=username[:64], action=action, record_id=record_id,
                               query=query, result_count=result_count, detail=detail,
                               remote=(remote or None) and remote[:64]))


def read(db: Database, *, username: str | None = None, action: str | None = None, record_id: int | None = None,
         since: dt.datetime | None = None, limit: int = 100, offset: int = 0) -> list[AuditLine]:
    """Lines of the log, newest first, filtered."""
    statement = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
    if username:
        statement = statement.where(AuditEntry.username == username)
    if action:
        statement = statement.where(AuditEntry.action == action)
    if record_id is not None:
        statement = statement.where(AuditEntry.record_id == record_id)
    if since is not None:
        statement = statement.where(AuditEntry.at >= since)
    with db.session() as session:
        return [
            AuditLine(e.id, e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.timezone.utc), e.username, e.action,
                      e.record_id, e.query, e.result_count, e.detail, e.remote)
            for e in session.scalars(statement)
        ]


def recent_failures(db: Database, username: str, remote: str | None, window: dt.timedelta) -> tuple[int, int]:
    """Failed sign-ins within the window: (for this user name from this address, from this
    address for any name). Without an address, both count this name from anywhere."""
    since = _now() - window
    failed = select(func.count()).select_from(AuditEntry).where(
        AuditEntry.action == Action.LOGIN_FAILED, AuditEntry.at >= since)
    with db.session() as session:
        if not remote:
            by_name = session.scalar(failed.where(AuditEntry.username == username[:64])) or 0
            return by_name, by_name
        from_address = failed.where(AuditEntry.remote == remote[:64])
        return (session.scalar(from_address.where(AuditEntry.username == username[:64])) or 0,
                session.scalar(from_address) or 0)
