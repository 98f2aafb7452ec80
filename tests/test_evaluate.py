"""`baulast eval` scoring on made-up records: fields, entries, precision of accepted records."""

from __future__ import annotations

from pipeline.evaluate import score

PARCELS = [{"gemarkung": "Zons", "flur": 3, "flurstueck": "12"}]
ENTRY_1 = {"lfd_nr": 1, "type": "Zufahrtsbaulast", "registered_on": "1981-08-21", "deleted_on": None}
ENTRY_2 = {"lfd_nr": 2, "type": "Leitungsbaulast", "registered_on": "1987-06-22", "deleted_on": "2018-11-09"}
TRUTH = {"is_baulast": True, "municipality": "Dormagen", "register_number": "5", "parcels": PARCELS,
         "date": "1981-08-21", "entries": [ENTRY_1, ENTRY_2], "quality": "clean"}


def record(name: str, status: str, entries: list[dict], **changes) -> dict:  # type: ignore[no-untyped-def]
    fields = {n: {"confidence": 0.9} for n in ("municipality", "register_number", "parcels", "date")}
    base = {"source": {"filename": name}, "status": status, "findings": [], "fields": fields, "entries": entries,
            **{k: TRUTH[k] for k in ("municipality", "register_number", "parcels", "date")}}
    return base | changes


def test_entries_and_deletions_are_scored_apart_from_the_fields() -> None:
    merged = {**ENTRY_1, "type": "Leitungsbaulast", "deleted_on": "2018-11-09"}  # two entries read as one
    records = [
        record("a.pdf", "accepted", [ENTRY_1, ENTRY_2]),
        record("b.pdf", "needs_review", [merged]),
        record("c.pdf", "accepted", [ENTRY_1, {**ENTRY_2, "type": "Sonstige"}], register_number="6"),
    ]
    result = score(records, {"a.pdf": TRUTH, "b.pdf": TRUTH, "c.pdf": TRUTH})
    assert result["entries_accuracy"] == 1 / 3
    assert result["deletions_accuracy"] == 2 / 3  # c.pdf has a wrong type but the right deletion
    assert result["field_accuracy"]["register_number"] == 2 / 3
    assert result["wrong_accepted"] == ["c.pdf"]
    assert result["precision"] == 1 / 2 and result["automation"] == 2 / 3
    at_090 = next(row for row in result["calibration"]["register_number"] if row["threshold"] == 0.9)
    at_095 = next(row for row in result["calibration"]["register_number"] if row["threshold"] == 0.95)
    assert (at_090["right"], at_090["reached"]) == (2, 3) and at_095["reached"] == 0
