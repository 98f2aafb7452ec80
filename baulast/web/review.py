"""The archivists' review queue: the scan beside the fields, correct and accept in a few keys.

Enter in any field saves and accepts (the form's first button); corrections keep who,
when and the previous value, exactly as `baulast review set` does.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from baulast.access import Permission, Principal
from baulast.corrections import parse_corrections
from baulast.db import audit
from baulast.db.review import accept, correct, next_in_queue, review_queue
from baulast.errors import BadUsage
from baulast.model import Parcel
from baulast.web.auth import allowed, posted, remote_address
from baulast.web.images import evidence_png
from baulast.web.pages import CORE_FIELDS, FIELD_LABELS
from baulast.web.records import evidence_or_404, record_or_404
from baulast.web.services import Services, services

router = APIRouter()


@router.get("/review", include_in_schema=False)
def queue_page(request: Request, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(allowed(Permission.REVIEW))]) -> Response:
    """The records waiting for review, oldest first, with why they wait."""
    items = review_queue(svc.db, principal.municipalities, limit=500)
    return svc.render(request, "review_list.html", {"items": items})


def _show(request: Request, svc: Services, principal: Principal, record_id: int, *, values: dict | None = None,
          error: str | None = None, problems: list[str] | None = None, status: int = 200) -> Response:
    data = record_or_404(svc.db, principal, record_id)
    audit.record(svc.db, principal.username, audit.Action.VIEW, record_id=record_id, remote=remote_address(request),
                 detail={"page": "review"})
    return svc.render(request, "review.html", {
        "record": data, "values": values or _show_values(data), "core_fields": CORE_FIELDS, "labels": FIELD_LABELS,
        "error": error, "problems": problems or [], "municipalities": svc.gazetteer.municipalities}, status=status)


@router.get("/review/{record_id}", include_in_schema=False)
def review_page(request: Request, record_id: int, svc: Annotated[Services, Depends(services)],
                principal: Annotated[Principal, Depends(allowed(Permission.REVIEW))]) -> Response:
    """One record for review: each field with the crop it was read from, editable."""
    return _show(request, svc, principal, record_id)


@router.post("/review/{record_id}", include_in_schema=False)
def review_submit(request: Request, record_id: int, svc: Annotated[Services, Depends(services)],
                  principal: Annotated[Principal, Depends(posted(Permission.REVIEW))],
                  municipality: Annotated[str, Form()] = "", register_number: Annotated[str, Form()] = "",
                  parcels: Annotated[str, Form()] = "", date: Annotated[str, Form()] = "",
                  action: Annotated[str, Form()] = "accept") -> Response:
    """Save the changed fields; with action=accept, also accept and go to the next record."""
    data = record_or_404(svc.db, principal, record_id)
    values = {"municipality": municipality.strip(), "register_number": register_number.strip(),
              "parcels": parcels.strip(), "date": date.strip()}
    before = _show_values(data)
    changed = {name: value for name, value in values.items() if value and value != before[name]}
    try:
        changes = parse_corrections(svc.gazetteer, **changed)
    except BadUsage as exc:
        return _show(request, svc, principal, record_id, values=values, error=str(exc), status=422)
    if changes.get("municipality") and not principal.may_read(changes["municipality"]):
        return _show(request, svc, principal, record_id, values=values, status=422,
                     error=f"municipality: {changes['municipality']} is not one of your municipalities")
    if changes:
        correct(svc.db, record_id, changes, principal.username, svc.gazetteer)
        audit.record(svc.db, principal.username, audit.Action.CORRECT, record_id=record_id,
                     remote=remote_address(request), detail={"fields": sorted(changes)})
    if action != "accept":
        return RedirectResponse(f"/review/{record_id}", status_code=303)
    problems = accept(svc.db, record_id, principal.username, svc.gazetteer)
    if problems:
        return _show(request, svc, principal, record_id, problems=problems, status=422)
    audit.record(svc.db, principal.username, audit.Action.ACCEPT, record_id=record_id, remote=remote_address(request))
    following = next_in_queue(svc.db, principal.municipalities, after=record_id)
    target = f"/review/{following}" if following is not None else "/review"
    return RedirectResponse(f"{target}?accepted={record_id}", status_code=303)


def _show_values(data: dict) -> dict[str, str]:
    """The form values of a record as it stands (what the reviewer did not change is not sent
    as a correction)."""
    parcels = "; ".join(Parcel(p["gemarkung"], p["flur"], p["flurstueck"]).label() for p in data["parcels"])
    date = "" if not data["date"] else f"{data['date'][8:10]}.{data['date'][5:7]}.{data['date'][:4]}"
    return {"municipality": data["municipality"] or "", "register_number": data["register_number"] or "",
            "parcels": parcels, "date": date}


@router.get("/records/{record_id}/fields/{name}.png", include_in_schema=False)
def field_crop(record_id: int, name: str, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(allowed(Permission.VIEW))]) -> Response:
    """The crop of the page a field was read from."""
    pdf, page, bbox, width = evidence_or_404(svc.db, principal, record_id, name)
    return Response(evidence_png(pdf, page, bbox, width),
                    media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})
