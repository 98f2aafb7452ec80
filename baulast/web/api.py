"""The JSON API under /api/v1 for other systems of the municipalities: token auth,
the same query language as the search box, the export record, the PDF.

Errors come in one shape: {"error": {"status": 404, "code": "not_found", "message": "..."}}.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from baulast import __version__
from baulast.access import Permission, Principal
from baulast.db import audit, users
from baulast.db.searchtext import snippet_plain
from baulast.querybox import read_box
from baulast.web.auth import remote_address
from baulast.web.errors import LoginRequired, install_json_errors
from baulast.web.pages import STATUSES, date_filter, download_name
from baulast.web.records import record_or_404, scoped_search
from baulast.web.services import Services, services

_bearer = HTTPBearer(auto_error=False, description="An API token from `baulast token create USERNAME`.")


def token_user(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
               svc: Annotated[Services, Depends(services)]) -> Principal:
    """The user of the bearer token; no or a wrong token: 401."""
    if credentials is None:
        raise LoginRequired()
    principal = users.principal_for_token(svc.db, credentials.credentials)
    if principal is None:
        raise HTTPException(401, "the API token is not valid (revoked, or its user is disabled)",
                            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    if not principal.can(Permission.SEARCH):
        raise HTTPException(403, "this user's role may not read records")
    return principal


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class Error(BaseModel):
    """The one error shape of the API."""

    error: ErrorBody


class SearchHit(BaseModel):
    record_id: int
    url: str
    municipality: str | None
    register_number: str | None
    parcels: list[str]
    date: str | None
    types: list[str]
    deleted: bool
    status: str
    score: float | None
    snippet: str | None
    page: int | None


class SearchResult(BaseModel):
    query: dict[str, Any]
    reading: str
    count: int
    offset: int
    hits: list[SearchHit]


_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Error, "description": "no or an invalid token"},
    403: {"model": Error, "description": "the token's user may not do this"},
    404: {"model": Error, "description": "no such record, or not one of the user's municipalities"},
    422: {"model": Error, "description": "a parameter cannot be read"},
}


def create_api() -> FastAPI:
    """The API app, mounted at /api/v1 (its OpenAPI document is /api/v1/openapi.json)."""
    # No Swagger UI: it loads its scripts from a CDN, which the CSP (and closed networks) forbid.
    api = FastAPI(title="baulast API", version=__version__, openapi_url="/openapi.json", docs_url=None,
                  redoc_url=None, description=__doc__)
    install_json_errors(api)

    @api.get("/search", response_model=SearchResult, responses=_ERRORS)
    def search(request: Request, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(token_user)],
               q: Annotated[str, Query(description="A parcel, a Baulastenblatt-Nr. or words, as in the search box")] = "",
               municipality: str = "", gemarkung: str = "",
               date_from: Annotated[str, Query(alias="from", description="12.03.1987 or 1987-03-12")] = "",
               date_to: Annotated[str, Query(alias="to")] = "", type: str = "",
               status: Annotated[str, Query(description=" | ".join(STATUSES))] = "",
               limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Annotated[int, Query(ge=0)] = 0) -> SearchResult:
        """Records matching the query inside the token user's municipalities."""
        if status and status not in STATUSES:
            raise HTTPException(422, f"status: one of {', '.join(STATUSES)}")
        if not any((q.strip(), municipality, gemarkung, date_from, date_to, type, status)):
            raise HTTPException(422, "give q or at least one filter")
        box = read_box(q, svc.gazetteer)
        hits = scoped_search(svc.db, principal, box, municipality=municipality, gemarkung=gemarkung,
                             date_from=date_filter(date_from, "from"), date_to=date_filter(date_to, "to"),
                             baulast_type=type, status=status, limit=limit, offset=offset)
        audit.record(svc.db, principal.username, audit.Action.SEARCH, query=str(request.url.query),
                     result_count=len(hits), remote=remote_address(request), detail={"api": True, "reading": box.reading})
        return SearchResult(
            query={"q": q, "municipality": municipality or None, "gemarkung": gemarkung or None,
                   "from": date_from or None, "to": date_to or None, "type": type or None, "status": status or None},
            reading=box.reading, count=len(hits), offset=offset,
            hits=[SearchHit(record_id=h.record_id, url=f"/api/v1/records/{h.record_id}", municipality=h.municipality,
                            register_number=h.register_number, parcels=list(h.parcels),
                            date=h.date.isoformat() if h.date else None, types=list(h.types), deleted=h.deleted,
                            status=h.status, score=h.score, snippet=snippet_plain(list(h.snippet)) or None,
                            page=h.page) for h in hits])

    @api.get("/records/{record_id}", responses=_ERRORS)
    def record(request: Request, record_id: int, svc: Annotated[Services, Depends(services)],
               principal: Annotated[Principal, Depends(token_user)]) -> dict[str, Any]:
        """The record in the export form (schemas/baulast-record.schema.json)."""
        data = record_or_404(svc.db, principal, record_id)
        audit.record(svc.db, principal.username, audit.Action.VIEW, record_id=record_id,
                     remote=remote_address(request), detail={"api": True})
        for internal in ("page_info", "pdf_path", "original_path", "created_at"):
            data.pop(internal)
        return data

    @api.get("/records/{record_id}/pdf", responses={**_ERRORS, 200: {"content": {"application/pdf": {}}}},
             response_class=Response)
    def record_pdf(request: Request, record_id: int, svc: Annotated[Services, Depends(services)],
                   principal: Annotated[Principal, Depends(token_user)]) -> Response:
        """The searchable PDF of the record."""
        data = record_or_404(svc.db, principal, record_id)
        if data["pdf_path"] is None or not data["pdf_path"].is_file():
            raise HTTPException(404, "this record has no searchable PDF (a rejected file?)")
        audit.record(svc.db, principal.username, audit.Action.DOWNLOAD_PDF, record_id=record_id,
                     remote=remote_address(request), detail={"api": True})
        return FileResponse(data["pdf_path"], media_type="application/pdf", filename=download_name(data, ".pdf"))

    return api
