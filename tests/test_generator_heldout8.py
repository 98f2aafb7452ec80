"""The scan generator's heldout8 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output; every truth value printed on the sheet; the dates around the entries off their
registration days; the older splits unchanged by it. Whoever tunes extraction must not read this file (see
sample_scans/README.md)."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content, sheets_dev
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, TEMPLATES
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_eighth import (
    EIGHTH_RENDERERS,
    EIGHTH_TEMPLATES,
    MONTHS,
    band,
    groups,
    number_shown,
    registered,
    sheet_dates,
    split_parcel,
    spread,
)
from tests.generator_splits import (
    assert_bound_to_split,
    assert_corpus,
    assert_crowded_fits,
    assert_imports_first,
    assert_older_unchanged,
    assert_own_wordings,
    check_truth,
    crowded_akte,
    digest,
    drawn_text,
    specs_and_aktes,
)

HELDOUT8 = {"tw_e8", "db_e8", "dm_e8", "lp_e8"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6", "heldout5", "dev7", "heldout6", "dev8", "heldout7")
SEED, COUNT = 122, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen

# Recorded before this split existed: heldout7's and dev8's template draws and the sha256 of their first truth files.
HELDOUT7_SEED_9 = "cp_h7 cp_h7 hf_h7 cp_h7 dm_h7 cp_h7 tw_h7 dm_h7 tw_h7 dm_h7 hf_h7 cp_h7".split()
HELDOUT7_TRUTH_SHA_4 = ["7fd06d23465468cd6803fc01e4862682c8dc004772162d1b628ae9dcf7c20393",
                        "d2055522c94fefb469d0080794f331e7857d6d08dc6a1dc91a8a850dc10b0c71"]
DEV8_SEED_9 = "hf_d8 dm_d8 tw_d8 lp_d8 lp_d8 lp_d8 tw_d8 tw_d8 dm_d8 hf_d8 hf_d8 dm_d8".split()
DEV8_TRUTH_SHA_4 = ["4bc5980dda57f3fb4765374aa133d4aae137b49079ce8b0e75674526df8fd305",
                    "2518ed11c74c31ce8a50276d821aec2bd1f9e7cae3ddd28593a9a7769fcd1158"]
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12. 3. 1987', '12.3.87',
    '12. März 1987' or 'Donnerstag, 12. März 1987' (the weekday must be the day's)."""
    weekday, _, rest = shown.rpartition(", ")
    m = re.fullmatch(r"(\d{1,2})\. ?(\d{1,2})\. ?(\d{2}|\d{4})", rest)
    if m:
        day, month, year = int(m[1]), int(m[2]), m[3]
    else:
        m = re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", rest)
        day, month, year = int(m[1]), MONTHS.index(m[2]) + 1, m[3]
    year = int(year) if len(year) == 4 else int(year) + (1900 if int(year) > 30 else 2000)
    out = dt.date(year, month, day)
    assert not weekday or weekday == WEEKDAYS[out.weekday()], shown
    return out


def aktes(name: str, n: int, salt: str, two: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1})
            for _ in range(n)]


def penned(monkeypatch, a, tpl) -> list[str]:
    """What the sheet writes by pen (the last, fitting attempt)."""
    seen: list[str] = []
    pen, init = sheets_dev.pen, Page.__init__

    def init_(self, *args, **kw):
        seen.clear()
        init(self, *args, **kw)

    monkeypatch.setattr(Page, "__init__", init_)
    monkeypatch.setattr(sheets_dev, "pen", lambda pg, x, y, s, *a_, **k: seen.append(s) or pen(pg, x, y, s, *a_, **k))
    render_sheet(a, tpl, 150, random.Random(tpl.name), 1)
    monkeypatch.undo()
    return seen


@pytest.fixture(scope="module")
def heldout8_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout8"), "heldout8", COUNT, SEED)


def test_heldout8_templates_are_bound_to_their_split():
    assert HELDOUT8 == set(EIGHTH_TEMPLATES)
    assert_bound_to_split("heldout8", HELDOUT8, EIGHTH_RENDERERS, OLDER)


def test_heldout8_templates_share_no_wording_set_or_renderer_with_other_templates():
    """Own wordings and renderers; one of the templates sets some values in a face no other template uses."""
    assert_own_wordings(HELDOUT8)
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT8]
    faces = {f for t in others for f in (t.form_font, t.bold_font, t.value_font)}
    assert sum(TEMPLATES[n].value_font not in faces for n in HELDOUT8) >= 1


def test_heldout8_truth_complete_consistent_and_all_four_templates(heldout8_files):
    assert_corpus(heldout8_files, "heldout8", HELDOUT8, COUNT)


def test_every_heldout8_truth_is_its_aktes(heldout8_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (the header's
    parcels, never the benefiting one; the first entry's day as the date); the sheet's planned dates are among the
    distractors; some file has parcels in two Gemarkungen of its municipality."""
    truths = {p.name: check_truth(p, "heldout8", HELDOUT8) for p in heldout8_files}
    two = 0
    for spec, a in specs_and_aktes("heldout8", SEED, COUNT):
        a = spread(a, spec.content)
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert a.benefit is None or a.benefit.to_json() not in truth["parcels"]
        assert truth["register_number"] == a.register_number
        assert truth["date"] == a.entries[0].registered_on.isoformat()
        assert [e["deleted_on"] for e in truth["entries"]] == [
            e.deleted_on.isoformat() if e.deleted_on else None for e in a.entries]
        assert sheet_dates(a, TEMPLATES[spec.template]).kinds() <= set(truth["distractors"])
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 1


@pytest.mark.parametrize("name", sorted(HELDOUT8))
def test_heldout8_dates_read_back_and_keep_off_registration_days(name):
    """Every entry's day as printed reads back to its registration; every other planned date reads back to its own
    day and is on no registration or deletion day unless it is that entry's deletion; every deletion is planned."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates8", n_entries=3, deleted=True) + aktes(name, 10, "dates8b", two=False):
        sd = sheet_dates(a, tpl)
        assert {n: read_date(s) for n, s in sd.registered.items()} == {e.lfd_nr: e.registered_on for e in a.entries}
        taken = {e.registered_on for e in a.entries} | {e.deleted_on for e in a.entries if e.deleted_on}
        for m in sd.mentions:
            assert read_date(m.shown) == m.day, m
            if m.kind == "deletion_date":
                assert m.day == a.entries[m.lfd_nr - 1].deleted_on
            else:
                assert m.day not in taken, m
        gone = {m.lfd_nr for m in sd.mentions if m.kind == "deletion_date"}
        assert gone == {e.lfd_nr for e in a.entries if e.deleted_on}


@pytest.mark.parametrize("name", sorted(HELDOUT8))
def test_heldout8_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (parcels in one or two Gemarkungen) the rendered sheet holds the register number
    as the template shows it, which normalizes to the truth's; the municipality; every parcel's Gemarkung, Flur and
    Flurstück (on the report: its Zähler and Nenner); every entry's Eintragungsdatum and every planned date as
    printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print8:{name}")
    for i in range(6):
        crowded = {"n_parcels": 3, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        style = rng.choice(("plain", "dotted", "zero", "suffix", "suffix_tight"))
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded),
                   {"gemarkungen": 2 if i % 3 else 1})
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        shown = number_shown(a, tpl)
        assert compact(shown) in flat and normalized(shown) == content.truth(a)["register_number"], shown
        assert a.municipality in text
        for gem, flur, fst in groups(a):
            assert gem in text
            assert str(flur) in text
            if tpl.renderer == "access_report":
                assert all(all(part in text for part in split_parcel(s)) for s in fst), fst
            else:
                assert all(s in text for s in fst), fst
        for shown_date in registered(a, tpl).values():
            assert compact(shown_date) in flat
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout8_folio_heads_its_number_with_the_gemarkung_and_volume(monkeypatch):
    """The folio's head line names the first parcel's Gemarkung, the volume (a Roman numeral) and the number in
    that order; every entry is closed by 'Eingetragen am' and its day; parcels of a second Gemarkung are marked."""
    tpl = TEMPLATES["tw_e8"]
    for a in aktes("tw_e8", 8, "folio8", n_parcels=3, n_entries=2):
        text = drawn_text(monkeypatch, a, tpl)
        head = f"{tpl.label('gem')} {a.parcels[0].gemarkung} {tpl.label('band')} {band(a)} {tpl.label('blatt')} "
        assert head + number_shown(a, tpl) in text
        assert re.fullmatch(r"[IVX]+", band(a))
        for day in registered(a, tpl).values():
            assert f"{tpl.label('reg')} {day}" in text
        for gem in {p.gemarkung for p in a.parcels} - {a.parcels[0].gemarkung}:
            assert f"{tpl.label('other_gem')} {gem}" in text


def test_heldout8_report_prints_one_row_per_parcel_and_a_later_capture(monkeypatch):
    """The report prints a row Gemarkung, Flur, Zähler (and Nenner) per parcel, the number after its label, and a
    capture date after every registration, printed before the long print date with its weekday."""
    tpl = TEMPLATES["db_e8"]
    for a in aktes("db_e8", 6, "report8", n_parcels=3, n_entries=2, deleted=True):
        text = drawn_text(monkeypatch, a, tpl)
        for p in a.parcels:
            z, n = split_parcel(p.flurstueck)
            assert f"{p.gemarkung} {p.flur} {z}{' ' + n if n else ''}" in text
        assert f"{LABELS[tpl.labels]['number']}: {a.register_display}" in text
        sd = sheet_dates(a, tpl)
        data, printed = sd.one("data_date"), sd.one("print_date")
        assert data.day > max(e.registered_on for e in a.entries) and printed.day > data.day
        assert printed.shown.split(", ")[0] in WEEKDAYS
        assert text.index(data.text) < text.index(printed.text)


def test_heldout8_needle_form_fills_its_strip_and_writes_deletions_by_pen(monkeypatch):
    """The needle-printed values (number, municipality, parcels, the declaration and registration days) are set
    after the printed form's labels; each deletion's day is written by pen, never printed."""
    tpl = TEMPLATES["dm_e8"]
    for a in aktes("dm_e8", 6, "strip8", n_entries=3, deleted=True, number_style="suffix"):
        text = drawn_text(monkeypatch, a, tpl)
        form_end = text.index(LABELS[tpl.labels]["form"])
        assert text.index(number_shown(a, tpl), form_end) > form_end
        sd = sheet_dates(a, tpl)
        for e in a.entries:
            decl = sd.one("declaration_date", e.lfd_nr).shown
            assert f"{tpl.label('decl')} {decl} {tpl.label('reg')} {sd.registered[e.lfd_nr]}" in text
        pen = penned(monkeypatch, a, tpl)
        gone = [sd.one("deletion_date", e.lfd_nr).shown for e in a.entries if e.deleted_on]
        assert gone and all(day in pen for day in gone)


def test_heldout8_band_print_sets_its_number_in_the_band_and_the_footer(monkeypatch):
    """The print puts 'Blatt <number>' in white in its shaded band and again in its footer; the parcels follow the
    street in brackets where there is one."""
    tpl = TEMPLATES["lp_e8"]
    for a in aktes("lp_e8", 8, "band8", n_parcels=2, n_entries=2, address=True):
        text = drawn_text(monkeypatch, a, tpl)
        assert text.count(f"{tpl.label('blatt')} {number_shown(a, tpl)}") >= 1
        assert f"{tpl.label('foot')} {number_shown(a, tpl)}" in text
        assert f"{a.address}, {a.municipality} ({tpl.label('gem')} {a.parcels[0].gemarkung}" in text
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    band_px = [img.getpixel((x, y)) for x in range(img.width // 3, img.width // 2, 7) for y in range(img.height // 12,
                                                                                                     img.height // 6)]
    assert sum(v < 140 for v in band_px) > len(band_px) // 3  # a dark band in the head


def test_heldout8_is_deterministic(heldout8_files, tmp_path):
    again = generate(tmp_path, "heldout8", COUNT, SEED)
    assert digest(again) == digest(heldout8_files)


def test_heldout8_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout8:5")
    specs = [random_spec(rng, "heldout8", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT8
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path / "heldout7", "heldout7", HELDOUT7_SEED_9, HELDOUT7_TRUTH_SHA_4, OLDER, HELDOUT8)
    assert_older_unchanged(tmp_path / "dev8", "dev8", DEV8_SEED_9, DEV8_TRUTH_SHA_4, OLDER, HELDOUT8)


@pytest.mark.parametrize("first", ["sheets_eighth", "sheets_seventh", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout8')) == 4 and 'strip_form' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT8))
def test_heldout8_sheet_fits_a_crowded_record(name):
    """Three entries, a deletion, three parcels on two Flure (also in two Gemarkungen), a suffixed number: the sheet
    fits at both resolutions, portrait, and names every kind of date it plans among its distractors."""
    assert_crowded_fits(name, sheet_dates)
    tpl, rng, a = crowded_akte(name)
    a = spread(a, {"gemarkungen": 2})
    assert len({p.gemarkung for p in a.parcels}) == 2
    for dpi in (200, 300):
        img, distractors = render_sheet(a, tpl, dpi, rng, 1)
        assert img.size[0] < img.size[1]
        assert sheet_dates(a, tpl).kinds() <= distractors


@pytest.mark.parametrize("name", sorted(HELDOUT8))
@pytest.mark.parametrize("style", ["plain", "dotted", "zero", "suffix", "suffix_tight"])
def test_heldout8_sheet_renders_every_number_style_and_authority(name, style):
    tpl = TEMPLATES[name]
    for by_kreis in (False, True):
        rng = random.Random(f"{name}:{style}:{by_kreis}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), municipality="Jüchen", by_kreis=by_kreis,
                              number_style=style, n_entries=3, deleted=True)
        img, _ = render_sheet(a, tpl, 150, rng, 1)
        assert img.getextrema()[0] < 100  # something was drawn
