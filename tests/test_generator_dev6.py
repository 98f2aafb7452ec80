"""The scan generator's dev6 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output; registration remarks whose wording carries more than one date (the
declaration or the Eintragungsverfügung in the same sentence, the date left of its label, later changes and the
deletion in the same cell or line, entries newest first, an issue or letter date over the table); the older splits
unchanged by it."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import TEMPLATES
from sample_scans.synth.sheets_dev6 import DEV6_RENDERERS, DEV6_TEMPLATES, plan, sheet_dates
from tests.generator_splits import (
    assert_bound_to_split,
    assert_corpus,
    assert_crowded_fits,
    assert_imports_first,
    assert_older_unchanged,
    assert_own_wordings,
    check_truth,
    digest,
    drawn_text,
    specs_and_aktes,
)

DEV6 = {"tw_d6", "mg_d6", "pb_d6", "cp_d6"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "dev2", "dev3", "dev4", "dev5")
SEED, COUNT = 22, 6  # single-page files, a Baulast on each of the four templates, entry 1 deleted on the pen book
# where a date before the registration stands in the registration's own remark line on every sheet
TWO_DATES_IN_A_LINE = {"remark_ledger", "newest_first"}

# Recorded before this split existed: dev5's template draws and the sha256 of its first truth files.
DEV5_SEED_9 = "tw_d5 tw_d5 rb_d5 tw_d5 mg_d5 rb_d5 rb_d5 rb_d5 tw_d5 pm_d5 rb_d5 pm_d5".split()
DEV5_TRUTH_SHA_4 = ["7f2603f2bd7a14358b5c722c45471e87a4998ca1cdb9ed84356603100ab28bc0",
                    "99938bc22e21b4817054f7d00aa8844e46eea89b6bcd042597ff2a53a39f2d91"]

DATE = re.compile(r"\d{1,2}(?:[./-] ?)\d{1,2}(?:[./-] ?)(?:\d{4}|\d\d)")


def read_date(shown: str) -> dt.date:
    """A date as typed, printed or written here, read back: '15.04.1987', '15.04.87', '15. 4. 1987', '15.4.87',
    '15/4/87', '15-4-87' (two-digit years after 1930 are 19xx)."""
    m = re.fullmatch(r"(\d{1,2})([./-]) ?(\d{1,2})\2 ?(\d{2}|\d{4})", shown)
    year = int(m[4]) if len(m[4]) == 4 else int(m[4]) + (1900 if int(m[4]) > 30 else 2000)
    return dt.date(year, int(m[3]), int(m[1]))


def compact(s: str) -> str:
    return "".join(s.split())


def aktes(name: str, n: int, salt: str, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [content.make_akte(rng, tpl.years, gemarkungen(), **opts) for _ in range(n)]


@pytest.fixture(scope="module")
def dev6_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("dev6"), "dev6", COUNT, SEED)


def test_dev6_templates_are_bound_to_their_split():
    assert DEV6 == set(DEV6_TEMPLATES)
    assert_bound_to_split("dev6", DEV6, DEV6_RENDERERS, OLDER)


def test_dev6_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(DEV6)
    assert any(TEMPLATES[n].landscape for n in DEV6) and any(not TEMPLATES[n].landscape for n in DEV6)


def test_dev6_truth_complete_consistent_and_all_four_templates(dev6_files):
    assert_corpus(dev6_files, "dev6", DEV6, COUNT)
    truths = [check_truth(p, "dev6", DEV6) for p in dev6_files]
    assert [t for t in truths if t["is_baulast"] and t["entries"][0]["deleted_on"]]


def test_every_dev6_sheet_plans_its_dates_from_the_truth(dev6_files):
    """Rebuilt from the seeded draws, each Baulast's sheet shows every entry's registration as a date that reads back
    as the truth's (entry 1's as the truth's date), a deletion as the entry's deletion, and other dates of other
    days, none on a registration or deletion day; the truth names every kind."""
    truths = {p.name: check_truth(p, "dev6", DEV6) for p in dev6_files}
    for spec, a in specs_and_aktes("dev6", SEED, COUNT):
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["entries"] == content.truth(a)["entries"]
        dates = sheet_dates(a, TEMPLATES[spec.template])
        assert set(dates.registered) == {e["lfd_nr"] for e in truth["entries"]}
        for entry in truth["entries"]:
            assert read_date(dates.registered[entry["lfd_nr"]]).isoformat() == entry["registered_on"]
        assert read_date(dates.registered[1]).isoformat() == truth["date"]
        taken = {e.registered_on for e in a.entries} | {e.deleted_on for e in a.entries if e.deleted_on}
        others = [m for m in dates.mentions if m.kind != "deletion_date"]
        assert others and not {m.day for m in others} & taken, spec.name
        for m in dates.mentions:
            assert read_date(m.shown) == m.day, (m.kind, m.shown)
            if m.kind == "deletion_date":
                assert m.day.isoformat() == truth["entries"][m.lfd_nr - 1]["deleted_on"]
        assert dates.kinds() <= set(truth["distractors"])


@pytest.mark.parametrize("name", sorted(DEV6))
def test_dev6_registration_remarks_carry_other_dates(name):
    """Each entry's remark holds its registration once, entry 1's in a row with another date or next to one; later
    acts (changes, transfers, renewals) are dated after the registration and come below it, in order; on the
    one-sentence templates the other date stands before the registration in its own line; every date the plan names
    is in some row (the issue or letter date: above the table)."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 12, "rows6", n_entries=3, deleted=True) + aktes(name, 12, "rows6b"):
        pl = plan(a, tpl)
        for e in a.entries:
            n = e.lfd_nr
            rows = pl.rows[n]
            reg = pl.dates.registered[n]
            at = [i for i, row in enumerate(rows) if reg in DATE.findall(row.line)]
            assert len(at) == 1, rows
            i = at[0]
            near = [d for row in rows[max(0, i - 1):i + 2] for d in DATE.findall(row.line) if d != reg]
            assert near or n > 1, rows  # entry 1's always; a later entry's where it has other dates
            if tpl.renderer in TWO_DATES_IN_A_LINE:
                line = rows[i].line
                assert [d for d in DATE.findall(line) if d != reg and read_date(d) < e.registered_on], line
            later = [m for m in pl.dates.at(n) if m.day > e.registered_on]
            assert all(m.shown in " ".join(r.line for r in rows[i:]) for m in later), (rows, later)
            days = [read_date(d) for row in rows[i + 1:] for d in DATE.findall(row.line)]
            assert days == sorted(days) and all(d > e.registered_on for d in days)
        in_rows = " ".join(row.line for rows in pl.rows.values() for row in rows)
        for m in pl.dates.mentions:
            assert m.shown in in_rows or m.kind in ("issue_date", "letter_date"), m


@pytest.mark.parametrize("name", sorted(DEV6))
def test_dev6_sheets_draw_the_registration_and_the_dates_around_it(name, monkeypatch):
    """On crowded and plain records the rendered sheet holds the register number, the municipality or Gemarkung,
    every parcel, every entry's Eintragungsdatum and every planned date as printed, and every remark row's words."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"dev6:{name}")
    for i in range(4):
        crowded = {"n_parcels": 3, "two_flure": True, "n_entries": 3, "deleted": True} if i % 2 else {}
        a = content.make_akte(rng, tpl.years, gemarkungen(), number_style=rng.choice(("plain", "suffix")), **crowded)
        pl = plan(a, tpl)
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        assert a.register_display in text
        assert a.municipality in text and a.parcels[0].gemarkung in text
        assert all(p.flurstueck in text for p in a.parcels)
        for shown in pl.dates.registered.values():
            assert compact(shown) in flat, shown
        for m in pl.dates.mentions:
            assert compact(m.text) in flat, (m.kind, m.text)
        for rows in pl.rows.values():
            for row in rows:
                assert compact(row.words) in flat and compact(row.date) in flat, row


def test_dev6_dated_vermerk_puts_each_date_left_of_its_label(monkeypatch):
    """The printed form's date column holds dates only, its Vermerk column none; each date is drawn right before its
    label, the Eintragungsverfügung's on the row above the registration's; the issue date is printed over the
    table."""
    tpl = TEMPLATES["mg_d6"]
    for a in aktes("mg_d6", 4, "vermerk6", n_entries=2, deleted=True):
        pl = plan(a, tpl)
        text = drawn_text(monkeypatch, a, tpl)
        for n, rows in pl.rows.items():
            assert all(read_date(row.date) and not DATE.search(row.words) for row in rows)
            assert all(f"{row.date} {row.words}" in text for row in rows), rows
            i = [row.date for row in rows].index(pl.dates.registered[n])
            assert rows[i - 1].date == pl.dates.one("order_date", n).shown
        issue = pl.dates.one("issue_date")
        assert text.index(issue.text) < text.index(pl.rows[1][0].line)


def test_dev6_newest_first_lists_entry_2_above_entry_1(monkeypatch):
    """The later print lists the entries newest first, under a letter's date line."""
    tpl = TEMPLATES["cp_d6"]
    for a in aktes("cp_d6", 3, "newest6", n_entries=3):
        text = drawn_text(monkeypatch, a, tpl)
        heads = [text.index(f"Lfd. Nr. {n}") for n in (3, 2, 1)]
        assert heads == sorted(heads)
        assert text.index(sheet_dates(a, tpl).one("letter_date").text) < heads[0]


def test_dev6_pen_book_deletes_entry_1_in_its_registration_line():
    """On the pen-kept register a deleted entry's registration and deletion are one line; its files delete entry 1
    more often than not."""
    tpl = TEMPLATES["pb_d6"]
    for a in aktes("pb_d6", 6, "pen6", n_entries=2, deleted=True, delete_first=True):
        assert a.entries[0].deleted_on and not a.entries[1].deleted_on
        pl = plan(a, tpl)
        gone = pl.dates.one("deletion_date", 1)
        line = next(row.line for row in pl.rows[1] if pl.dates.registered[1] in row.line)
        assert gone.shown in line and re.search(r"gel(\.|öscht)", line)
    rng = random.Random("specs:dev6:9")
    specs = [s for s in (random_spec(rng, "dev6", i + 1) for i in range(300)) if s.template == "pb_d6"]
    chosen = [s.content["delete_first"] for s in specs if "delete_first" in s.content]
    assert sum(chosen) > len(chosen) / 2 > 0


def test_dev6_wordings_vary():
    """Across records each template words the registration's remark in more than one way."""
    for name in sorted(DEV6):
        tpl = TEMPLATES[name]
        hows = {sheet_dates(a, tpl).how for a in aktes(name, 30, "how6")}
        assert len(hows) >= 2, name


def test_dev6_is_deterministic(dev6_files, tmp_path):
    again = generate(tmp_path, "dev6", COUNT, SEED)
    assert digest(again) == digest(dev6_files)


def test_dev6_specs_draw_only_its_templates():
    rng = random.Random("specs:dev6:9")
    specs = [random_spec(rng, "dev6", i + 1) for i in range(200)]
    assert {s.template for s in specs} == DEV6
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path, "dev5", DEV5_SEED_9, DEV5_TRUTH_SHA_4, OLDER, DEV6)


@pytest.mark.parametrize("first", ["sheets_dev6", "sheets_dev5", "layouts", "sheets"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('dev6')) == 4 and 'pen_book' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(DEV6))
def test_dev6_sheet_fits_a_crowded_record(name):
    assert_crowded_fits(name, sheet_dates)
