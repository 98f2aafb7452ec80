"""What every request needs: the database, the gazetteer, the settings, the templates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from baulast.db import Database
from baulast.gazetteer import Gazetteer
from baulast.web.settings import WebSettings

TEMPLATES = Path(__file__).parent / "templates"


def _german_date(value: dt.date | str | None) -> str:
    """12.03.1987 from a date or an ISO string; – for none."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%d.%m.%Y")


def _local_time(value: dt.datetime | None) -> str:
    """A moment as 23.11.2026 14:05 (UTC marked)."""
    if value is None:
        return "–"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone().strftime("%d.%m.%Y %H:%M")


@dataclass
class Services:
    """Shared by all requests of one server."""

    settings: WebSettings
    db: Database
    gazetteer: Gazetteer
    templates: Jinja2Templates

    @classmethod
    def start(cls, settings: WebSettings) -> Services:
        """Open the database (migrating it to head) and load the gazetteer and templates."""
        templates = Jinja2Templates(directory=str(TEMPLATES))
        templates.env.filters["german_date"] = _german_date
        templates.env.filters["local_time"] = _local_time
        return cls(settings, Database(settings.db_url, settings.store_dir), Gazetteer.load(settings.gazetteer),
                   templates)

    def render(self, request: Request, name: str, context: dict[str, Any] | None = None,
               status: int = 200) -> HTMLResponse:
        """A page, with the signed-in user and the CSRF token of their forms."""
        values = {"user": getattr(request.state, "principal", None),
                  "csrf_token": getattr(request.state, "csrf_token", ""), **(context or {})}
        return self.templates.TemplateResponse(request, name, values, status_code=status)


def services(request: Request) -> Services:
    """The services of the app serving this request."""
    return request.app.state.services
