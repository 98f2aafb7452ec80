"""The scan generator's dev5 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output; dates carried by rubber stamps (label and date on lines of their own) and
written in the margins, beside stamps and notes with other dates; the older splits unchanged by it."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content, sheets_dev, sheets_dev5
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.degrade import MONTHS
from sample_scans.synth.layouts import TEMPLATES
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_dev5 import DEV5_RENDERERS, DEV5_TEMPLATES, MONTHS_DATER, sheet_dates
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

DEV5 = {"tw_d5", "pm_d5", "mg_d5", "rb_d5"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "dev2", "dev3", "dev4")
SEED, COUNT = 5, 6  # a corpus with a Baulast on each of the four templates and a deletion
STAMPED = {"stamp_date", "check_date", "notice_date"}  # kinds a stamp carries on every template that has them
IN_MARGIN = {"memo_date", "resubmission_date"}
NOTED = STAMPED | IN_MARGIN | {"copy_date"}  # stamped, or noted in a margin or a Vermerk column

# Recorded before this split existed: dev4's template draws and the sha256 of its first truth files.
DEV4_SEED_9 = "tw_d4 dm_d4 pc_d4 pc_d4 tw_d4 tw_d4 dm_d4 cp_d4 cp_d4 tw_d4 pc_d4 cp_d4".split()
DEV4_TRUTH_SHA_4 = ["99e780496d7aa5297bbf35d102a3305b933b1cd1171c5ec94ebd94856690cdb3",
                    "cd223d24cb135758f8815c0153c0e7703405cb17597a0880c61ff97c62cc7df0"]

STAMP_MONTHS = {m.rstrip("."): i + 1 for months in (MONTHS, MONTHS_DATER) for i, m in enumerate(months)}


def read_date(shown: str) -> dt.date:
    """A date as a stamp, a typewriter or a pen puts it, read back: '12. MRZ. 1987', '12.MRZ.1987', '-3. JUN. 1991',
    '12 03 87', '12.03.1987', '12.03.87', '12.3.87', '12/3/87', '12-3-87' (two-digit years after 1930 are 19xx)."""
    if m := re.fullmatch(r"-?(\d{1,2})\. ?([A-Z]+)\.? ?(\d{4})", shown):
        return dt.date(int(m[3]), STAMP_MONTHS[m[2]], int(m[1]))
    m = re.fullmatch(r"(\d{1,2})([./ -])(\d{1,2})\2(\d{2}|\d{4})", shown)
    year = int(m[4]) if len(m[4]) == 4 else int(m[4]) + (1900 if int(m[4]) > 30 else 2000)
    return dt.date(year, int(m[3]), int(m[1]))


def compact(s: str) -> str:
    """Without spaces: a dater's wide-set wheels are drawn one by one."""
    return "".join(s.split())


def whole_days(dates) -> list:
    """Planned mentions that are not an entry's deletion."""
    return [m for m in dates.mentions if m.kind != "deletion_date"]


def stamps_of(monkeypatch, a, tpl) -> list[list[sheets_dev5.Line]]:
    """The lines of every rubber stamp pressed on the sheet's last (fitting) attempt, in order."""
    seen: list[list] = []
    stamp, init = sheets_dev5.stamp, Page.__init__

    def init_(self, *args, **kw):
        seen.clear()
        init(self, *args, **kw)

    monkeypatch.setattr(Page, "__init__", init_)
    monkeypatch.setattr(sheets_dev5, "stamp", lambda pg, x, y, lines, *a_, **k: seen.append(lines) or
                        stamp(pg, x, y, lines, *a_, **k))
    render_sheet(a, tpl, 200, random.Random(tpl.name), 1)
    monkeypatch.undo()
    return seen


def margin_writing(monkeypatch, a, tpl) -> list[tuple[float, str]]:
    """(x on the page, text) of what is typed, written by pen or written up the margin straight onto the page."""
    seen: list[tuple[float, str]] = []
    init, typed, pen, turned = Page.__init__, Page.typed, sheets_dev.pen, sheets_dev5.turned
    size = (round(210 * 200 / 25.4), round(297 * 200 / 25.4))

    def init_(self, *args, **kw):
        seen.clear()
        init(self, *args, **kw)

    def on_page(pg, x, s):
        if pg.img.size == size:  # not a stamp's or a turned line's own strip
            seen.append((x, s))

    monkeypatch.setattr(Page, "__init__", init_)
    monkeypatch.setattr(Page, "typed", lambda self, x, y, s, *a_, **k: on_page(self, x, s) or
                        typed(self, x, y, s, *a_, **k))
    monkeypatch.setattr(sheets_dev, "pen", lambda pg, x, y, s, *a_, **k: on_page(pg, x, s) or
                        pen(pg, x, y, s, *a_, **k))
    monkeypatch.setattr(sheets_dev5, "turned", lambda pg, x, b, s, *a_, **k: on_page(pg, x, s) or
                        turned(pg, x, b, s, *a_, **k))
    render_sheet(a, tpl, 200, random.Random(tpl.name), 1)
    monkeypatch.undo()
    return seen


@pytest.fixture(scope="module")
def dev5_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("dev5"), "dev5", COUNT, SEED)


def test_dev5_templates_are_bound_to_their_split():
    assert DEV5 == set(DEV5_TEMPLATES)
    assert_bound_to_split("dev5", DEV5, DEV5_RENDERERS, OLDER)


def test_dev5_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(DEV5)
    assert any(TEMPLATES[n].landscape for n in DEV5) and any(not TEMPLATES[n].landscape for n in DEV5)


def test_dev5_truth_complete_consistent_and_all_four_templates(dev5_files):
    assert_corpus(dev5_files, "dev5", DEV5, COUNT)


def test_every_dev5_sheet_plans_its_dates_from_the_truth(dev5_files):
    """Rebuilt from the seeded draws, each Baulast's sheet shows every entry's registration as a date that reads back
    as the truth's (entry 1's as the truth's date), a deletion as the entry's deletion, and at least two other dates,
    stamped or in the margin, none on a registration or deletion day; the truth names every kind."""
    truths = {p.name: check_truth(p, "dev5", DEV5) for p in dev5_files}
    for spec, a in specs_and_aktes("dev5", SEED, COUNT):
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
        others = whole_days(dates)
        assert len({m.day for m in others}) >= 2, spec.name
        assert not {m.day for m in others} & taken
        assert {m.kind for m in others} & NOTED
        for m in dates.mentions:
            assert read_date(m.shown) == m.day, (m.kind, m.shown)
            if m.kind == "deletion_date":
                assert m.day.isoformat() == truth["entries"][m.lfd_nr - 1]["deleted_on"]
        assert dates.kinds() <= set(truth["distractors"])


@pytest.mark.parametrize("name", sorted(DEV5))
def test_dev5_sheets_draw_the_registration_and_the_dates_around_it(name, monkeypatch):
    """On crowded and plain records the rendered sheet holds the register number, the municipality or Gemarkung,
    every parcel, every entry's Eintragungsdatum and every planned date as printed; a date that is not the
    registration is drawn before entry 1's registration."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"dev5:{name}")
    for i in range(4):
        crowded = {"n_parcels": 3, "two_flure": True, "n_entries": 3, "deleted": True} if i % 2 else {}
        a = content.make_akte(rng, tpl.years, gemarkungen(), number_style=rng.choice(("plain", "suffix")), **crowded)
        dates = sheet_dates(a, tpl)
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        assert a.register_display in text
        assert a.municipality in text and a.parcels[0].gemarkung in text
        assert all(p.flurstueck in text for p in a.parcels)
        for lfd, shown in dates.registered.items():
            assert compact(shown) in flat, (lfd, shown)
        for m in dates.mentions:
            assert compact(m.shown) in flat, (m.kind, m.shown)
        first_reg = flat.index(compact(dates.registered[1]))
        assert [m for m in whole_days(dates) if compact(m.shown) in flat[:first_reg]], name


@pytest.mark.parametrize("name", ["tw_d5", "mg_d5", "rb_d5"])
def test_dev5_registration_stamps_put_label_date_and_signing_line_apart(name, monkeypatch):
    """Each entry has a stamp of its own whose label (EINGETRAGEN, Eingetragen am, In das Baulastenverzeichnis /
    eingetragen am) stands on a line above the date (or above the blank line the date is written into by pen); other
    dates stand in stamps of their own (receipt, Geprüft, Posteingang, Zur Kenntnis genommen), and where a template
    stamps its deletions, the deletion's date is in a stamp labelled as one."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"stamps5:{name}")
    for i in range(3):
        a = content.make_akte(rng, tpl.years, gemarkungen(), n_entries=3, deleted=True)
        dates = sheet_dates(a, tpl)
        stamps = [[ln.text for ln in lines] for lines in stamps_of(monkeypatch, a, tpl)]
        registrations = [s for s in stamps if any(re.search(r"(?i)eingetragen", t) for t in s)]
        assert len(registrations) == len(a.entries), stamps
        for n, lines in enumerate(registrations, 1):
            label = next(j for j, t in enumerate(lines) if re.search(r"(?i)eingetragen", t))
            if dates.registered[n] in lines:
                assert lines.index(dates.registered[n]) > label
            else:  # written into the stamp by pen: the stamp keeps blank lines for it
                assert dates.how == "filled" and lines[label + 1:].count("") == 2
        for m in dates.mentions:
            if m.kind in STAMPED:
                assert any(m.shown in s and s.index(m.shown) > 0 for s in stamps), m
            if m.kind == "deletion_date" and name != "mg_d5":
                assert any(m.shown in s and re.search("(?i)gelöscht", s[0]) for s in stamps), m


def test_dev5_margin_ledger_writes_dates_in_its_margins(monkeypatch):
    """On the ruled sheet every registration and deletion is written in the left margin, left of its rule, and the
    Aktenvermerk and Wiedervorlage notes in the right margin, right of its rule; the body holds no date at all."""
    tpl = TEMPLATES["pm_d5"]
    left = round((tpl.margin + 30) * 200 / 25.4)
    right = round((210 - tpl.margin - 25) * 200 / 25.4)
    rng = random.Random("margins5")
    hows = set()
    for _ in range(8):
        a = content.make_akte(rng, tpl.years, gemarkungen(), n_entries=2, deleted=True)
        dates = sheet_dates(a, tpl)
        hows.add(dates.how)
        written = margin_writing(monkeypatch, a, tpl)
        for shown in list(dates.registered.values()) + [m.shown for m in dates.mentions if m.kind == "deletion_date"]:
            assert [x for x, s in written if shown in s and x < left], shown
        for m in dates.mentions:
            if m.kind in IN_MARGIN:
                assert [x for x, s in written if s == m.shown and x > right], m
        body = " ".join(s for x, s in written if left < x < right)
        assert not [d for d in list(dates.registered.values()) + [m.shown for m in dates.mentions] if d in body]
    assert hows == {"pen", "typed", "up"}


def test_dev5_dates_come_in_stamp_formats_and_by_pen():
    """Across records, registrations are stamped '12. MRZ. 1987', '12.MRZ.1987', '-3. JUN. 1991' and '12 03 87',
    written '12.3.87', '12/3/87', '12-3-87' and typed '12.03.87'."""
    patterns = {"stamp": r"\d\d\. [A-Z]+\.? \d{4}", "tight": r"\d\d\.[A-Z]+\.? ?\d{4}",
                "dash": r"-\d\. [A-Z]+\.? \d{4}", "wheels": r"\d\d \d\d \d\d", "pen": r"\d{1,2}\.\d{1,2}\.\d\d",
                "stroke": r"\d+/\d+/\d\d", "pen_dash": r"\d+-\d+-\d\d", "short": r"\d\d\.\d\d\.\d\d"}
    seen = set()
    rng = random.Random("formats5")
    for name in sorted(DEV5):
        tpl = TEMPLATES[name]
        for _ in range(40):
            a = content.make_akte(rng, tpl.years, gemarkungen())
            shown = sheet_dates(a, tpl).registered[1]
            seen |= {k for k, pat in patterns.items() if re.fullmatch(pat, shown)}
    assert seen == set(patterns)


def test_dev5_is_deterministic(dev5_files, tmp_path):
    again = generate(tmp_path, "dev5", COUNT, SEED)
    assert digest(again) == digest(dev5_files)


def test_dev5_specs_draw_only_its_templates():
    rng = random.Random("specs:dev5:9")
    specs = [random_spec(rng, "dev5", i + 1) for i in range(200)]
    assert {s.template for s in specs} == DEV5
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path, "dev4", DEV4_SEED_9, DEV4_TRUTH_SHA_4, OLDER, DEV5)


@pytest.mark.parametrize("first", ["sheets_dev5", "sheets_dev4", "layouts", "sheets"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('dev5')) == 4 and 'stamped_folio' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(DEV5))
def test_dev5_sheet_fits_a_crowded_record(name):
    assert_crowded_fits(name, sheet_dates)
