"""The Auskunft aus dem Baulastenverzeichnis: for one parcel, a printable PDF listing the
Baulasten that burden it (or stating that none are registered), with date and issuing user.

Only accepted records are listed as registered. Records for the parcel that still wait for
review are named in a notice on the Auskunft, so it never states "none" while one is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import Response
from fpdf import FPDF
from sqlalchemy import select

from baulast.access import Permission, Principal
from baulast.db import audit
from baulast.db.models import RecordParcel
from baulast.db.search import Hit
from baulast.model import Status
from baulast.parcels import ParcelQuery, parse_parcel_query
from baulast.querybox import BoxQuery
from baulast.textnorm import name_key
from baulast.web.auth import allowed, posted, remote_address
from baulast.web.pages import ascii_filename
from baulast.web.records import scoped_search
from baulast.web.services import Services, services

router = APIRouter()


@dataclass(frozen=True)
class Auskunft:
    """What an Auskunft states."""

    parcel: ParcelQuery
    registered: list[Hit]
    unreviewed: list[Hit]
    issued_by: str
    issued_at: dt.datetime

    @property
    def parcel_label(self) -> str:
        p = self.parcel
        number = f"{p.zaehler}" + (f"/{p.nenner}" if p.nenner is not None else "")
        flur = f", Flur {p.flur}" if p.flur is not None else ""
        return f"Gemarkung {p.gemarkung}{flur}, Flurstück {number}"


def _latin1(text: str) -> str:
    """The PDF's core font speaks Latin-1: German letters yes, typographic dashes no."""
    return text.replace("–", "-").replace("—", "-").replace("„", '"').replace("“", '"').encode(
        "latin-1", "replace").decode("latin-1")


def _row(hit: Hit) -> list[str]:
    kind = ", ".join(hit.types) or "-"
    return [hit.register_number or "-", hit.municipality or "-",
            hit.date.strftime("%d.%m.%Y") if hit.date else "-",
            kind + (" (gelöscht)" if hit.deleted else ""), "; ".join(hit.parcels)]


def render_pdf(auskunft: Auskunft) -> bytes:
    """The Auskunft as an A4 PDF."""
    pdf = FPDF(format="A4")
    pdf.set_title("Auskunft aus dem Baulastenverzeichnis")
    pdf.set_author(_latin1(auskunft.issued_by))
    pdf.set_creator("baulast")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Auskunft aus dem Baulastenverzeichnis", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.ln(2)
    pdf.cell(0, 7, _latin1(f"Flurstück: {auskunft.parcel_label}"), new_x="LMARGIN", new_y="NEXT")
    stamp = auskunft.issued_at.astimezone().strftime("%d.%m.%Y %H:%M")
    pdf.cell(0, 7, _latin1(f"Stand: {stamp}    Erteilt von: {auskunft.issued_by}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if auskunft.registered:
        pdf.multi_cell(0, 6, _latin1(f"Für dieses Flurstück sind im Baulastenverzeichnis "
                                     f"{len(auskunft.registered)} Baulastenblatt/-blätter eingetragen:"))
        pdf.ln(2)
        with pdf.table(col_widths=(22, 28, 24, 50, 56), text_align="LEFT", line_height=6) as table:
            table.row([_latin1(h) for h in ("Blatt-Nr.", "Gemeinde", "Eingetragen", "Art", "Flurstücke")])
            for hit in auskunft.registered:
                table.row([_latin1(cell) for cell in _row(hit)])
    else:
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, "Für dieses Flurstück sind im Baulastenverzeichnis keine Baulasten eingetragen.")
        pdf.set_font("Helvetica", "", 11)
    if auskunft.unreviewed:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 11)
        numbers = ", ".join(h.register_number or f"Akte {h.record_id}" for h in auskunft.unreviewed)
        pdf.multi_cell(0, 6, _latin1(
            f"Hinweis: {len(auskunft.unreviewed)} weitere Akte(n) zu diesem Flurstück sind noch nicht geprüft "
            f"und oben nicht aufgeführt ({numbers}). Diese Auskunft ist daher vorläufig."))
        pdf.set_font("Helvetica", "", 11)
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, "Diese Auskunft gibt den Inhalt des Baulastenverzeichnisses zum angegebenen Stand wieder. "
                         "Gelöschte Baulasten sind als solche gekennzeichnet.")
    return bytes(pdf.output())


def _exactly(svc: Services, hits: list[Hit], parcel: ParcelQuery) -> list[Hit]:
    """The hits that burden exactly this Flurstück: a search for 77 also finds 77/3, which is
    another parcel (a given Flur must match too; none given, any Flur does)."""
    if not hits:
        return hits
    statement = select(RecordParcel.record_id).where(
        RecordParcel.record_id.in_([h.record_id for h in hits]),
        RecordParcel.gemarkung_key == name_key(parcel.gemarkung or ""),
        RecordParcel.zaehler == parcel.zaehler,
        RecordParcel.nenner.is_(None) if parcel.nenner is None else RecordParcel.nenner == parcel.nenner)
    if parcel.flur is not None:
        statement = statement.where(RecordParcel.flur == parcel.flur)
    with svc.db.session() as session:
        exact = set(session.scalars(statement))
    return [h for h in hits if h.record_id in exact]


def build(svc: Services, principal: Principal, parcel: ParcelQuery) -> Auskunft:
    """Look up the parcel (inside the user's municipalities) and state what was found."""
    box = BoxQuery(parcel=parcel)
    registered = scoped_search(svc.db, principal, box, status=Status.ACCEPTED.value, limit=1000)
    unreviewed = scoped_search(svc.db, principal, box, status=Status.NEEDS_REVIEW.value, limit=1000)
    return Auskunft(parcel, _exactly(svc, registered, parcel), _exactly(svc, unreviewed, parcel),
                    principal.username, dt.datetime.now(dt.timezone.utc))


def _parcel(svc: Services, principal: Principal, text: str) -> ParcelQuery:
    """One parcel with a known Gemarkung of the user's municipalities, else a clear 422/404."""
    query = parse_parcel_query(text, svc.gazetteer) if text.strip() else None
    match = svc.gazetteer.match_gemarkung(query.gemarkung, 0.9) if query and query.gemarkung else None
    if query is None or match is None or query.zaehler is None or query.zaehler_to is not None:
        raise HTTPException(422, f"cannot read {text!r} as one parcel with its Gemarkung "
                                 "(e.g. \"Zons 3 123/4\" or \"Gemarkung Zons, Flur 3, Flurstück 123/4\")")
    if not principal.may_read(svc.gazetteer.municipality_of(match.name)):
        raise HTTPException(404, f"Gemarkung {match.name} is not in one of your municipalities")
    return ParcelQuery(match.name, query.flur, query.zaehler, query.nenner)


@router.get("/auskunft", include_in_schema=False)
def auskunft_page(request: Request, svc: Annotated[Services, Depends(services)],
                  principal: Annotated[Principal, Depends(allowed(Permission.SEARCH))], parcel: str = "") -> Response:
    """The form, and with a parcel, what the Auskunft will state."""
    context: dict = {"parcel": parcel, "auskunft": None}
    if parcel:
        context["auskunft"] = build(svc, principal, _parcel(svc, principal, parcel))
    return svc.render(request, "auskunft.html", context)


@router.post("/auskunft", include_in_schema=False)
def auskunft_pdf(request: Request, svc: Annotated[Services, Depends(services)],
                 principal: Annotated[Principal, Depends(posted(Permission.SEARCH))],
                 parcel: Annotated[str, Form()]) -> Response:
    """Issue the Auskunft as a PDF (recorded in the audit log)."""
    auskunft = build(svc, principal, _parcel(svc, principal, parcel))
    audit.record(svc.db, principal.username, audit.Action.AUSKUNFT, query=auskunft.parcel_label,
                 result_count=len(auskunft.registered), remote=remote_address(request),
                 detail={"records": [h.record_id for h in auskunft.registered],
                         "unreviewed": [h.record_id for h in auskunft.unreviewed]})
    name = ascii_filename(f"auskunft {auskunft.parcel_label}", ".pdf")
    return Response(render_pdf(auskunft), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})
