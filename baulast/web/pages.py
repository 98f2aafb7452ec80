"""The clerks' pages: search, a record with its page images, and the downloads."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlalchemy import select

from baulast.access import Permission, Principal
from baulast.dates import parse_german_date
from baulast.db import audit
from baulast.db.models import RecordEntry
from baulast.db.searchtext import snippet_html
from baulast.querybox import read_box
from baulast.web.auth import allowed, remote_address
from baulast.web.images import THUMB_DPI, VIEW_DPI, page_png
from baulast.web.records import pdf_or_404, record_or_404, scoped_search
from baulast.web.services import Services, services

router = APIRouter()
STATUSES = ("accepted", "needs_review", "rejected")
CORE_FIELDS = ("municipality", "register_number", "parcels", "date")
FIELD_LABELS = {"municipality": "Municipality", "register_number": "Baulastenblatt-Nr.",
                "parcels": "Parcels (burdened)", "date": "Eintragungsdatum"}
_NO_STORE = {"Cache-Control": "no-store"}  # pages naming owners are not kept in shared caches


def date_filter(text: str | None, label: str) -> dt.date | None:
    """A filter date in German or ISO form; a clear 422 for one that cannot be read."""
    if not text:
        return None
    parsed = parse_german_date(text)
    if parsed is None:
        raise HTTPException(422, f"{label}: cannot read {text!r} as a date (use 12.03.1987 or 1987-03-12)")
    return parsed


def _types(svc: Services) -> list[str]:
    with svc.db.session() as session:
        return sorted(t for t in session.scalars(select(RecordEntry.type).distinct()) if t)


@router.get("/", include_in_schema=False)
def home() -> Response:
    """The search page is the start page."""
    return RedirectResponse("/search", status_code=303)


@router.get("/search", include_in_schema=False)
def search_page(request: Request, svc: Annotated[Services, Depends(services)],
                principal: Annotated[Principal, Depends(allowed(Permission.SEARCH))],
                q: str = "", municipality: str = "", gemarkung: str = "", date_from: str = "", date_to: str = "",
                type: str = "", status: str = "", page: int = 1) -> Response:
    """One box for parcels, register numbers and words, with filters; paged results."""
    municipalities = [m for m in svc.gazetteer.municipalities if principal.may_read(m)]
    context = {"q": q, "municipality": municipality, "gemarkung": gemarkung, "date_from": date_from,
               "date_to": date_to, "type": type, "status": status, "statuses": STATUSES,
               "municipalities": municipalities, "types": _types(svc),
               "gemarkungen": [g for g in svc.gazetteer.gemarkungen
                               if principal.may_read(svc.gazetteer.municipality_of(g))],
               "hits": None, "page": max(1, page)}
    if not any((q.strip(), municipality, gemarkung, date_from, date_to, type, status)):
        return svc.render(request, "search.html", context)
    box = read_box(q, svc.gazetteer)
    size = svc.settings.page_size
    hits = scoped_search(svc.db, principal, box, municipality=municipality, gemarkung=gemarkung,
                         date_from=date_filter(date_from, "from"), date_to=date_filter(date_to, "to"),
                         baulast_type=type, status=status, limit=size + 1, offset=(context["page"] - 1) * size)
    more = len(hits) > size
    hits = hits[:size]
    audit.record(svc.db, principal.username, audit.Action.SEARCH, query=str(request.url.query),
                 result_count=len(hits), remote=remote_address(request),
                 detail={"reading": box.reading, "page": context["page"]})
    context.update(hits=hits, more=more, reading=box.reading,
                   snippets={h.record_id: snippet_html(list(h.snippet)) for h in hits})
    return svc.render(request, "search.html", context)


@router.get("/records/{record_id}", include_in_schema=False)
def record_page(request: Request, record_id: int, svc: Annotated[Services, Depends(services)],
                principal: Annotated[Principal, Depends(allowed(Permission.VIEW))], page: int | None = None) -> Response:
    """Fields with confidence and evidence on the page images, entries, corrections, downloads."""
    data = record_or_404(svc.db, principal, record_id)
    pages = {p.number: p for p in data["page_info"]}
    shown = page if page in pages else next((p.number for p in data["page_info"] if p.is_sheet), 1)
    audit.record(svc.db, principal.username, audit.Action.VIEW, record_id=record_id, remote=remote_address(request))
    boxes: dict[int, list[tuple[str, list[int]]]] = {}
    for name, field in data["fields"].items():
        if field.get("page") and field.get("bbox"):
            boxes.setdefault(field["page"], []).append((name, field["bbox"]))
    response = svc.render(request, "record.html", {
        "record": data, "boxes": boxes, "core_fields": CORE_FIELDS, "labels": FIELD_LABELS,
        "shown": pages.get(shown), "can_review": principal.can(Permission.REVIEW)})
    response.headers.update(_NO_STORE)
    return response


_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def ascii_filename(text: str, suffix: str) -> str:
    """A download name every browser keeps: Jüchen 12 a → Juechen-12-a (a header is Latin-1 at best)."""
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in text.translate(_ASCII)).split()
    return "-".join(words) + suffix


def download_name(data: dict, suffix: str) -> str:
    """baulast-Dormagen-1234.pdf, or the record id where fields are missing."""
    parts = ["baulast", data.get("municipality") or "", data.get("register_number") or f"record-{data['id']}"]
    return ascii_filename(" ".join(p for p in parts if p), suffix)


@router.get("/records/{record_id}/pdf", include_in_schema=False)
def record_pdf(request: Request, record_id: int, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(allowed(Permission.VIEW))]) -> Response:
    """The searchable PDF of a record."""
    data = record_or_404(svc.db, principal, record_id)
    if data["pdf_path"] is None or not data["pdf_path"].is_file():
        raise HTTPException(404, "this record has no searchable PDF (a rejected file?)")
    audit.record(svc.db, principal.username, audit.Action.DOWNLOAD_PDF, record_id=record_id,
                 remote=remote_address(request))
    return FileResponse(data["pdf_path"], media_type="application/pdf", filename=download_name(data, ".pdf"),
                        headers=_NO_STORE)


@router.get("/records/{record_id}/original", include_in_schema=False)
def record_original(request: Request, record_id: int, svc: Annotated[Services, Depends(services)],
                    principal: Annotated[Principal, Depends(allowed(Permission.VIEW))]) -> Response:
    """The original scan, byte for byte, if it is still where the ledger says."""
    data = record_or_404(svc.db, principal, record_id)
    original = data["original_path"]
    if original is None:
        raise HTTPException(404, f"the original scan is no longer at {data['source']['path']}")
    audit.record(svc.db, principal.username, audit.Action.DOWNLOAD_ORIGINAL, record_id=record_id,
                 remote=remote_address(request))
    return FileResponse(original, filename=original.name, headers=_NO_STORE)


@router.get("/records/{record_id}/pages/{number}.png", include_in_schema=False)
def page_image(record_id: int, number: int, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(allowed(Permission.VIEW))], size: str = "view") -> Response:
    """A page of the record as an image (size=view or thumb)."""
    pdf, pages = pdf_or_404(svc.db, principal, record_id)
    if not 1 <= number <= pages:
        raise HTTPException(404, "no such page")
    dpi = THUMB_DPI if size == "thumb" else VIEW_DPI
    return Response(page_png(pdf, number, dpi), media_type="image/png",
                    headers={"Cache-Control": "private, max-age=3600"})
