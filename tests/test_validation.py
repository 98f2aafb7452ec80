"""Validation: nothing incomplete, unknown or unsure is ever accepted."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from baulast.model import Evidence, Extraction, Field, Parcel, Status
from baulast.validation import decide, validate

EVIDENCE = Evidence(page=1, bbox=(0, 0, 10, 10), text="x")


def good(**changes) -> Extraction:  # type: ignore[no-untyped-def]
    """A complete, confident extraction; keyword arguments replace fields."""
    fields = {
        "municipality": Field("municipality", "Dormagen", 0.95, EVIDENCE),
        "register_number": Field("register_number", "1234", 0.95, EVIDENCE),
        "parcels": Field("parcels", (Parcel("Zons", 3, "123/4"),), 0.95, EVIDENCE),
        "date": Field("date", dt.date(1987, 3, 12), 0.95, EVIDENCE),
    }
    fields.update(changes)
    return Extraction(**fields, sheet_page=1)


def codes(extraction: Extraction, gazetteer) -> set[str]:  # type: ignore[no-untyped-def]
    """The codes of the error findings."""
    return {f.code for f in validate(extraction, gazetteer) if f.severity == "error"}


def test_complete_confident_extraction_is_accepted(gazetteer) -> None:
    findings = validate(good(), gazetteer)
    assert findings == []
    assert decide(findings) is Status.ACCEPTED


@pytest.mark.parametrize("changes, code", [
    pytest.param({"register_number": None}, "missing", id="no-number"),
    pytest.param({"parcels": None}, "missing", id="no-parcels"),
    pytest.param({"date": None}, "missing", id="no-date"),
    pytest.param({"municipality": None}, "missing", id="no-municipality"),
    pytest.param({"date": Field("date", dt.date(1987, 3, 12), 0.4, EVIDENCE)}, "low_confidence", id="unsure-date"),
    pytest.param({"date": Field("date", dt.date(1890, 1, 1), 0.99, EVIDENCE)}, "implausible_date", id="old-date"),
    pytest.param({"date": Field("date", dt.date(2999, 1, 1), 0.99, EVIDENCE)}, "implausible_date", id="future"),
    pytest.param({"parcels": Field("parcels", (Parcel("Atlantis", 1, "1"),), 0.99, EVIDENCE)},
                 "unknown_gemarkung", id="unknown-gemarkung"),
    pytest.param({"municipality": Field("municipality", "Kaarst", 0.99, EVIDENCE)}, "municipality_mismatch",
                 id="wrong-municipality"),
    pytest.param({"parcels": Field("parcels", (Parcel("Zons", 1, "1"), Parcel("Kaarst", 2, "2")), 0.99, EVIDENCE)},
                 "parcels_span_municipalities", id="two-municipalities"),
])
def test_problems_send_the_record_to_review(changes, code, gazetteer) -> None:  # type: ignore[no-untyped-def]
    extraction = good(**changes)
    assert code in codes(extraction, gazetteer)
    assert decide(validate(extraction, gazetteer)) is Status.NEEDS_REVIEW


def test_file_without_a_sheet_needs_review(gazetteer) -> None:
    findings = validate(Extraction(), gazetteer)
    assert [f.code for f in findings] == ["no_sheet"]
    assert decide(findings) is Status.NEEDS_REVIEW


@pytest.mark.parametrize("name, value, confidence, accepted", [
    ("date", dt.date(1987, 3, 12), 0.8, False),  # dates are held to 0.85
    ("date", dt.date(1987, 3, 12), 0.86, True),
    ("register_number", "1234", 0.78, False),  # register numbers to 0.8
    ("register_number", "1234", 0.8, True),
    ("parcels", (Parcel("Zons", 3, "123/4"),), 0.76, True),
    ("municipality", "Dormagen", 0.74, False),
])
def test_each_field_has_its_own_accept_threshold(gazetteer, name, value, confidence, accepted) -> None:
    extraction = good(**{name: Field(name, value, confidence, EVIDENCE)})
    assert (decide(validate(extraction, gazetteer)) is Status.ACCEPTED) is accepted
    # A reviewer's accept: confidence no longer counts.
    assert decide(validate(extraction, gazetteer, threshold=0.0)) is Status.ACCEPTED


def test_entries_registered_out_of_order_send_the_record_to_review(gazetteer) -> None:
    """Entry 2 registered before entry 1: one of the dates is misread, though each was read surely."""
    from baulast.model import Entry

    def with_entries(second: dt.date) -> Extraction:
        entries = (Entry(1, "Stellplatzbaulast", dt.date(1987, 3, 12), None),
                   Entry(2, "Anbaubaulast", second, None))
        return dataclasses.replace(good(), entries=entries)

    assert "entries_out_of_order" in codes(with_entries(dt.date(1985, 8, 8)), gazetteer)
    assert codes(with_entries(dt.date(1991, 8, 8)), gazetteer) == set()
    assert codes(with_entries(dt.date(1987, 3, 12)), gazetteer) == set()  # two entries on one day
