"""The batch report: a summary on the terminal and the same facts as JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from baulast import __version__
from pipeline.ocr import tool_versions
from pipeline.run import BatchSummary


def report_dict(summary: BatchSummary) -> dict[str, Any]:
    """The batch report as JSON-ready data: totals, one line per file, tool versions."""
    return {
        "batch_id": summary.batch_id,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "totals": summary.totals(),
        "files": [
            {"path": f.path, "status": f.status, "reason": f.reason, "record_id": f.record_id,
             "pages": f.pages, "seconds": f.seconds, "moved_to": f.moved_to}
            for f in summary.files
        ],
        "skipped": summary.skipped,
        "versions": {"baulast": __version__, **tool_versions()},
    }


def write_report(summary: BatchSummary, path: Path) -> None:
    """Write the batch report as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report_dict(summary), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def print_summary(summary: BatchSummary, console: Console) -> None:
    """The batch summary a person reads after an ingest."""
    totals = summary.totals()
    console.print(
        f"Batch {summary.batch_id}: {totals['files']} file(s), {totals['pages']} page(s) in "
        f"{totals['seconds']:.1f} s ({totals['pages_per_minute']:.1f} pages/min)", highlight=False,
    )
    console.print(
        f"  accepted {totals['accepted']}, needs review {totals['needs_review']}, rejected {totals['rejected']}, "
        f"duplicates {totals['duplicates']}, unchanged (already ingested) {totals['unchanged']}", highlight=False,
    )
    if totals["waiting"]:
        console.print(f"  waiting {totals['waiting']} (still being written; left for the next run)", highlight=False)
    if totals["unchanged"] and totals["unchanged"] == totals["files"]:
        console.print("  Nothing new: every file was ingested before; no OCR was done.")
    if summary.skipped:
        console.print(f"  skipped {len(summary.skipped)} file(s) that are not scans (e.g. {Path(summary.skipped[0]).name})",
                      highlight=False)
    for outcome in summary.files:
        if outcome.status == "rejected":
            console.print("  [red]rejected[/red]", escape(f"{outcome.path}: {outcome.reason}"), highlight=False)
