"""`baulast eval`: ingest a folder with ground truth into a throwaway database and score it."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from baulast.db import Database
from baulast.db.records import export_all
from baulast.model import CORE_FIELDS
from baulast.options import IngestOptions, default_workers
from pipeline.run import ingest

THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def truth_path(scan: Path) -> Path:
    """The ground truth beside a scan: akte_0007.pdf → akte_0007.truth.json."""
    return scan.with_name(scan.name.rsplit(".", 1)[0] + ".truth.json")


def _parcel_set(parcels: list[dict[str, Any]] | None) -> set[tuple]:
    """Parcels as a comparable set."""
    return {(p["gemarkung"], p["flur"], p["flurstueck"]) for p in parcels or []}


def field_correct(name: str, got: dict[str, Any], truth: dict[str, Any]) -> bool:
    """Whether one core field of an exported record equals the truth."""
    if name == "parcels":
        return _parcel_set(got.get("parcels")) == _parcel_set(truth.get("parcels"))
    return got.get(name) == truth.get(name)


def _entries(entries: list[dict[str, Any]] | None) -> list[tuple]:
    return [(e["lfd_nr"], e["type"], e["registered_on"], e["deleted_on"]) for e in entries or []]


def entries_correct(got: dict[str, Any], truth: dict[str, Any]) -> bool:
    """Whether every entry of the sheet was read right: Lfd. Nr., type and both dates."""
    return _entries(got.get("entries")) == _entries(truth.get("entries"))


def deletions_correct(got: dict[str, Any], truth: dict[str, Any]) -> bool:
    """Whether the record says right which entries are deleted (what an Auskunft must get right)."""
    return [e[3] is not None for e in _entries(got.get("entries"))] == \
        [e[3] is not None for e in _entries(truth.get("entries"))]


def _blocking_without_confidence(record: dict[str, Any]) -> bool:
    """Whether a record has an error finding other than a low confidence one."""
    return any(f["severity"] == "error" and f["code"] != "low_confidence" for f in record["findings"])


def _min_core_confidence(record: dict[str, Any]) -> float:
    """The lowest confidence among the core fields (0 when one is missing)."""
    fields = record["fields"]
    return min((fields[name]["confidence"] if name in fields else 0.0) for name in CORE_FIELDS)


def score(records: list[dict[str, Any]], truths: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, automation and precision of exported records against their truths."""
    baulast = [r for r in records if truths.get(r["source"]["filename"], {}).get("is_baulast")]
    per_field = {
        name: sum(field_correct(name, r, truths[r["source"]["filename"]]) for r in baulast) / len(baulast)
        if baulast else 0.0
        for name in CORE_FIELDS
    }

    def share(check) -> float:  # type: ignore[no-untyped-def]
        """The share of Baulast files for which check(record, truth) holds."""
        return sum(check(r, truths[r["source"]["filename"]]) for r in baulast) / len(baulast) if baulast else 0.0

    accepted = [r for r in records if r["status"] == "accepted" and r["source"]["filename"] in truths]
    wrong = [
        r["source"]["filename"] for r in accepted
        if not truths[r["source"]["filename"]].get("is_baulast")
        or not all(field_correct(n, r, truths[r["source"]["filename"]]) for n in CORE_FIELDS)
    ]
    by_quality: dict[str, list[int]] = {}
    for r in baulast:
        quality = truths[r["source"]["filename"]].get("quality", "unknown")
        counts = by_quality.setdefault(quality, [0, 0])
        counts[0] += r["status"] == "accepted"
        counts[1] += 1
    reasons = Counter(
        f"{f['code']}:{f['field']}" if f["field"] else f["code"]
        for r in records if r["status"] == "needs_review" for f in r["findings"] if f["severity"] == "error"
    )
    trade_off = []
    for threshold in THRESHOLDS:
        chosen = [r for r in baulast if not _blocking_without_confidence(r) and _min_core_confidence(r) >= threshold]
        right = [r for r in chosen if all(field_correct(n, r, truths[r["source"]["filename"]]) for n in CORE_FIELDS)]
        trade_off.append({
            "threshold": threshold,
            "automation": len(chosen) / len(baulast) if baulast else 0.0,
            "precision": len(right) / len(chosen) if chosen else 1.0,
        })
    calibration = {name: _calibration(name, baulast, truths) for name in CORE_FIELDS}
    return {
        "files": len(records),
        "baulast_files": len(baulast),
        "field_accuracy": per_field,
        "entries_accuracy": share(entries_correct),
        "deletions_accuracy": share(deletions_correct),
        "automation": sum(r["status"] == "accepted" for r in baulast) / len(baulast) if baulast else 0.0,
        "automation_by_quality": {q: c[0] / c[1] for q, c in sorted(by_quality.items())},
        "accepted": len(accepted),
        "precision": (len(accepted) - len(wrong)) / len(accepted) if accepted else 1.0,
        "wrong_accepted": wrong,
        "needs_review_reasons": reasons.most_common(10),
        "trade_off": trade_off,
        "calibration": calibration,
    }


def _calibration(name: str, baulast: list[dict[str, Any]], truths: dict[str, dict[str, Any]]) -> list[dict]:
    """For each threshold: the share of Baulast files whose field reaches it, and how many of
    those are right. The data each field's accept threshold is chosen from."""
    rows = []
    for threshold in THRESHOLDS:
        sure = [r for r in baulast if name in r["fields"] and r["fields"][name]["confidence"] >= threshold]
        right = sum(field_correct(name, r, truths[r["source"]["filename"]]) for r in sure)
        rows.append({"threshold": threshold, "reached": len(sure), "right": right})
    return rows


def evaluate_folder(folder: Path, workers: int | None = None, keep_db: str | None = None) -> dict[str, Any]:
    """Ingest a folder into a temporary SQLite database and score it against *.truth.json."""
    with tempfile.TemporaryDirectory(prefix="baulast-eval-") as tmp:
        db_path = Path(keep_db) if keep_db else Path(tmp) / "eval.sqlite"
        database = Database(f"sqlite:///{db_path}", Path(tmp) / "store")
        options = IngestOptions(paths=(str(folder),), workers=workers or default_workers())
        summary = ingest(options, db=database)
        records = export_all(database)
        database.dispose()
    truths = {}
    for record in records:
        path = truth_path(Path(record["source"]["path"]))
        if path.exists():
            truths[record["source"]["filename"]] = json.loads(path.read_text(encoding="utf-8"))
    result = score(records, truths)
    result["seconds"] = round(summary.seconds, 1)
    result["pages"] = summary.pages
    return result


def print_evaluation(result: dict[str, Any], console: Console) -> None:
    """The evaluation figures as a person reads them."""
    console.print(f"{result['files']} file(s), {result['baulast_files']} Baulast file(s), "
                  f"{result['pages']} page(s) in {result['seconds']} s", highlight=False)
    table = Table("Field", "Accuracy", title="Per-field accuracy (Baulast files)", title_justify="left")
    for name, value in result["field_accuracy"].items():
        table.add_row(name, f"{value:.1%}")
    console.print(table)
    console.print(f"Entries read right (Lfd. Nr., type, both dates): {result['entries_accuracy']:.1%}; "
                  f"deleted entries marked right: {result['deletions_accuracy']:.1%}", highlight=False)
    console.print(f"Automation (auto-accepted): {result['automation']:.1%}", highlight=False)
    for quality, value in result["automation_by_quality"].items():
        console.print(f"  {quality}: {value:.1%}", highlight=False)
    console.print(f"Precision of accepted records: {result['precision']:.1%} of {result['accepted']}", highlight=False)
    if result["wrong_accepted"]:
        console.print("[red]Accepted but wrong:[/red] " + ", ".join(result["wrong_accepted"]), highlight=False)
    else:
        console.print("Accepted but wrong: none")
    trade = Table("Threshold", "Automation", "Precision", title="Precision / automation trade-off",
                  title_justify="left")
    for row in result["trade_off"]:
        trade.add_row(f"{row['threshold']:.2f}", f"{row['automation']:.1%}", f"{row['precision']:.1%}")
    console.print(trade)
    calibration = Table("Threshold", *result["calibration"], title="Per field: right / reaching the threshold",
                        title_justify="left")
    for index, threshold in enumerate(THRESHOLDS):
        calibration.add_row(f"{threshold:.2f}", *(f"{rows[index]['right']}/{rows[index]['reached']}"
                                                  for rows in result["calibration"].values()))
    console.print(calibration)
    if result["needs_review_reasons"]:
        console.print("Most common reasons for needs_review:")
        for reason, count in result["needs_review_reasons"]:
            console.print(f"  {count:3d}  {reason}", highlight=False)
