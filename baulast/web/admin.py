"""Archive staff's batch pages and the admins' users and audit pages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from baulast.access import Permission, Principal
from baulast.db import audit
from baulast.db.models import Batch, LedgerEntry, Record
from baulast.db.users import list_users
from baulast.model import LedgerState, Status
from baulast.web.auth import allowed
from baulast.web.services import Services, services

router = APIRouter()


@router.get("/batches", include_in_schema=False)
def batches_page(request: Request, svc: Annotated[Services, Depends(services)],
                 principal: Annotated[Principal, Depends(allowed(Permission.BATCHES))]) -> Response:
    """Every ingest batch, newest first, with its totals."""
    with svc.db.session() as session:
        batches = session.scalars(select(Batch).order_by(Batch.id.desc()).limit(200)).all()
    return svc.render(request, "batches.html", {"batches": batches})


@router.get("/batches/{batch_id}", include_in_schema=False)
def batch_page(request: Request, batch_id: int, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(allowed(Permission.BATCHES))]) -> Response:
    """One batch: its totals, and each rejected file with its reason."""
    with svc.db.session() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise HTTPException(404, f"no batch {batch_id}")
        rejected = session.execute(
            select(LedgerEntry.path, LedgerEntry.error, Record.error, LedgerEntry.record_id)
            .outerjoin(Record, Record.id == LedgerEntry.record_id)
            .where(LedgerEntry.batch_id == batch_id, LedgerEntry.state == LedgerState.DONE,
                   Record.status == Status.REJECTED.value)
            .order_by(LedgerEntry.id)
        ).all()
        states = dict(session.execute(select(LedgerEntry.state, func.count()).where(LedgerEntry.batch_id == batch_id)
                                      .group_by(LedgerEntry.state)).all())
    return svc.render(request, "batch.html", {"batch": batch, "rejected": rejected, "states": states})


@router.get("/admin/audit", include_in_schema=False)
def audit_page(request: Request, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(allowed(Permission.AUDIT))],
               username: str = "", action: str = "", record_id: str = "", page: int = 1) -> Response:
    """The audit log, newest first, filtered by user, action or record."""
    size = 100
    # The filter form sends record_id= when the field is left empty: that means any record.
    record_id = record_id.strip()
    if record_id and not (record_id.isascii() and record_id.isdigit()):
        raise HTTPException(422, f"record: {record_id!r} is not a record number")
    record = int(record_id) if record_id else None
    lines = audit.read(svc.db, username=username or None, action=action or None, record_id=record,
                       limit=size + 1, offset=(max(1, page) - 1) * size)
    actions = sorted(v for k, v in vars(audit.Action).items() if k.isupper())
    return svc.render(request, "audit.html", {"lines": lines[:size], "more": len(lines) > size, "page": max(1, page),
                                              "username": username, "action": action, "record_id": record,
                                              "actions": actions})


@router.get("/admin/users", include_in_schema=False)
def users_page(request: Request, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(allowed(Permission.USERS))]) -> Response:
    """The users, their roles and municipalities (managed with `baulast user ...`)."""
    return svc.render(request, "users.html", {"users": list_users(svc.db), "now": dt.datetime.now(dt.timezone.utc)})
