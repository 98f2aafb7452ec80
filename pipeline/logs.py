"""Structured log lines: one JSON object per line, for cron mail, log shippers and grep."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path


class JsonLines(logging.Formatter):
    """Format a record as one JSON line: time, level, event and the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        """The line for one log record."""
        line = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        return json.dumps(line, ensure_ascii=False, default=str)


def log_to(destination: str | None) -> logging.Handler | None:
    """Send baulast's structured log lines to a file ("-" for stderr); None sends them nowhere."""
    if not destination:
        return None
    if destination == "-":
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
    else:
        Path(destination).parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(destination, encoding="utf-8")
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("baulast")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler
