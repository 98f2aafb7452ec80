"""The scan generator's heldout6 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output; every truth value printed on the sheet (the number typed into a title line,
in a key-data box, in four EDV digits, or pressed by a numbering stamp with a suffix by pen); the dates around the
entries off their registration days; the older splits unchanged by it. Whoever tunes extraction must not read this
file (see sample_scans/README.md)."""

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
from sample_scans.synth.sheets_sixth import (
    SIXTH_RENDERERS,
    SIXTH_TEMPLATES,
    groups,
    number_shown,
    permit_number,
    registered,
    sheet_dates,
    spread,
    stamp_digits,
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

HELDOUT6 = {"tw_s6", "cp_s6", "dm_s6", "hf_s6"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6", "heldout5", "dev7")
SEED, COUNT = 113, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen

# Recorded before this split existed: dev7's and heldout5's template draws and the sha256 of their first truth files.
DEV7_SEED_9 = "hf_d7 mg_d7 mg_d7 mg_d7 dm_d7 tw_d7 mg_d7 mg_d7 mg_d7 tw_d7 hf_d7 mg_d7".split()
DEV7_TRUTH_SHA_4 = ["1a9cb9609c56eea1c27140649b10a7211d3339f1e06a49691e1c6e26b35e6d42",
                    "cf4fc5088e099207ca2441d5d6a4bbbc219b21790077c7a54ae23e8c62ccbc9d"]
HELDOUT5_SEED_9 = "mg_f5 xx_f5 mg_f5 mg_f5 mg_f5 xx_f5 tw_f5 xx_f5 xx_f5 tw_f5 mg_f5 xx_f5".split()
HELDOUT5_TRUTH_SHA_4 = ["ceed17caf6e4d29a035282034120ee26f8bbe2a15a520571ff00480c384a0bda",
                        "b4e0c423025716f3b36ce96ba014c98a5daa765a89e6049ff367d7ab7c009cd6"]


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12. 3. 1987' or '12.3.87'."""
    m = re.fullmatch(r"(\d{1,2})\. ?(\d{1,2})\. ?(\d{2}|\d{4})", shown)
    year = int(m[3]) if len(m[3]) == 4 else int(m[3]) + (1900 if int(m[3]) > 30 else 2000)
    return dt.date(year, int(m[2]), int(m[1]))


def aktes(name: str, n: int, salt: str, two: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1})
            for _ in range(n)]


def penned(monkeypatch, a, tpl) -> list[str]:
    """What the sheet writes by pen (the last, fitting attempt)."""
    seen: list[str] = []
    pen, init = sheets_dev.pen, Page.__init__
    monkeypatch.setattr(Page, "__init__", lambda self, *a_, **k: seen.clear() or init(self, *a_, **k))
    monkeypatch.setattr(sheets_dev, "pen", lambda pg, x, y, s, *a_, **k: seen.append(s) or pen(pg, x, y, s, *a_, **k))
    render_sheet(a, tpl, 150, random.Random(tpl.name), 1)
    monkeypatch.undo()
    return seen


@pytest.fixture(scope="module")
def heldout6_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout6"), "heldout6", COUNT, SEED)


def test_heldout6_templates_are_bound_to_their_split():
    assert HELDOUT6 == set(SIXTH_TEMPLATES)
    assert_bound_to_split("heldout6", HELDOUT6, SIXTH_RENDERERS, OLDER)


def test_heldout6_templates_share_no_wording_set_or_renderer_with_other_templates():
    """Own wordings and renderers; two of the templates set their values in a face no other template uses."""
    assert_own_wordings(HELDOUT6)
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT6]
    faces = {f for t in others for f in (t.form_font, t.bold_font, t.value_font)}
    assert sum(TEMPLATES[n].value_font not in faces for n in HELDOUT6) >= 2


def test_heldout6_truth_complete_consistent_and_all_four_templates(heldout6_files):
    assert_corpus(heldout6_files, "heldout6", HELDOUT6, COUNT)


def test_every_heldout6_truth_is_its_aktes(heldout6_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (the header's
    parcels, never the benefiting one; the first entry's day as the date); the sheet's planned dates are among the
    distractors; some file has parcels in two Gemarkungen of its municipality."""
    truths = {p.name: check_truth(p, "heldout6", HELDOUT6) for p in heldout6_files}
    two = 0
    for spec, a in specs_and_aktes("heldout6", SEED, COUNT):
        a = spread(a, spec.content)
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert a.benefit is None or a.benefit.to_json() not in truth["parcels"]
        assert truth["register_number"] == a.register_number
        assert truth["date"] == a.entries[0].registered_on.isoformat()
        assert sheet_dates(a, TEMPLATES[spec.template]).kinds() <= set(truth["distractors"])
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 1


@pytest.mark.parametrize("name", sorted(HELDOUT6))
def test_heldout6_dates_read_back_and_keep_off_registration_days(name):
    """Every entry's day as printed reads back to its registration; every other planned date reads back to its own
    day and is on no registration or deletion day unless it is that entry's deletion."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates6", n_entries=3, deleted=True) + aktes(name, 10, "dates6b", two=False):
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


@pytest.mark.parametrize("name", sorted(HELDOUT6))
def test_heldout6_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (parcels in one or two Gemarkungen) the rendered sheet holds the register number
    as the template shows it, which normalizes to the truth's; the municipality; every parcel's Gemarkung, Flur and
    Flurstück; every entry's Eintragungsdatum and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print6:{name}")
    upper = tpl.renderer == "pos_liste"
    for i in range(6):
        crowded = {"n_parcels": 3, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        style = rng.choice(("plain", "dotted", "zero", "suffix", "suffix_tight"))
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded),
                   {"gemarkungen": 2 if i % 3 else 1})
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        shown = number_shown(a, tpl)
        assert compact(shown) in flat and normalized(shown) == content.truth(a)["register_number"], shown
        assert (a.municipality.upper() if upper else a.municipality) in text
        for gem, flur, fst in groups(a):
            assert (gem.upper() if upper else gem) in text
            assert (f"{flur:03d}" if upper else str(flur)) in text
            assert all(s in text for s in fst), fst
        for shown_date in registered(a, tpl).values():
            assert compact(shown_date) in flat
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout6_folio_types_the_number_into_its_title_line(monkeypatch):
    """The folio's title prints 'Blatt', the typed number, 'des Baulastenverzeichnisses' in that order; the Bauantrag
    number beside it has the register number's shape and another number; the Grundbuchblatt stands in the parcel
    grid's first row, after the first Flurstück."""
    tpl = TEMPLATES["tw_s6"]
    seen_gb = 0
    for a in aktes("tw_s6", 8, "folio6", n_parcels=2):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"{tpl.label('number_pre')} {a.register_display} {tpl.label('number_post')}" in text
        permit = permit_number(a)
        assert re.fullmatch(r"\d+/\d\d", permit) and permit.split("/")[0] != a.register_number
        assert permit in text
        if a.grundbuch:
            first = groups(a)[0][2]
            assert f"{', '.join(first)} {a.grundbuch[1]}" in text
            seen_gb += 1
    assert seen_gb >= 3


def test_heldout6_register_print_lists_entries_before_their_texts(monkeypatch):
    """The software print names the number right after 'Registernummer', its parcels as 'Gmkg. X, Flur n, Flst. ...',
    every entry's day in the overview before any entry's text, and a creation, last-change and print date."""
    tpl = TEMPLATES["cp_s6"]
    for a in aktes("cp_s6", 6, "register6", n_entries=3, deleted=True, n_parcels=3):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"{LABELS[tpl.labels]['number']} {a.register_display}" in text
        for gem, flur, fst in groups(a):
            assert f"Gmkg. {gem}, Flur {flur}, Flst. {', '.join(fst)}" in text
        days = [text.index(s) for s in registered(a, tpl).values()]
        assert max(days) < text.index("Zu Nr. 1:")
        kinds = sheet_dates(a, tpl).kinds()
        assert {"created_date", "change_date", "print_date", "declaration_date"} <= kinds


def test_heldout6_list_prints_four_digits_one_line_per_parcel_and_two_digit_years(monkeypatch):
    """The dot-matrix list prints 'BLV-NR.' and the number in four digits (the suffix in capitals), counts its pages
    as 'BLATT', one GMK/FLR/FST line per parcel, and its days with two-digit years."""
    tpl = TEMPLATES["dm_s6"]
    for a in aktes("dm_s6", 8, "list6", n_parcels=4, two_flure=True, number_style="suffix"):
        text = drawn_text(monkeypatch, a, tpl)
        shown = number_shown(a, tpl)
        assert re.fullmatch(r"\d{4}[A-C]", shown)
        assert f"BLV-NR. {shown}" in text and "BLATT 1" in text
        assert text.count("GMK ") == len(a.parcels)
        for p in a.parcels:
            assert re.search(rf"GMK {re.escape(p.gemarkung.upper())} +FLR {p.flur:03d} FST {re.escape(p.flurstueck)}",
                             text), p
        assert all(re.fullmatch(r"\d\d\.\d\d\.\d\d", s) for s in registered(a, tpl).values())


def test_heldout6_form_stamps_the_number_and_writes_days_by_pen(monkeypatch):
    """The form's number is a numbering stamp's five digits with leading zeros; a suffix letter and every
    registration day are written by pen, as are the parcels."""
    tpl = TEMPLATES["hf_s6"]
    suffixes = 0
    for a in aktes("hf_s6", 8, "stamp6", n_entries=2, number_style="suffix"):
        digits, suffix = stamp_digits(a)
        assert re.fullmatch(r"\d{5}", digits) and digits.lstrip("0") + suffix == a.register_number
        pen = penned(monkeypatch, a, tpl)
        if suffix:
            assert suffix in pen
            suffixes += 1
        assert set(registered(a, tpl).values()) <= set(pen)
        assert all(", ".join(fst) in pen for _, _, fst in groups(a))
        assert digits in drawn_text(monkeypatch, a, tpl)
    assert suffixes == 8


def test_heldout6_is_deterministic(heldout6_files, tmp_path):
    again = generate(tmp_path, "heldout6", COUNT, SEED)
    assert digest(again) == digest(heldout6_files)


def test_heldout6_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout6:5")
    specs = [random_spec(rng, "heldout6", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT6
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3, 4}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path / "dev7", "dev7", DEV7_SEED_9, DEV7_TRUTH_SHA_4, OLDER, HELDOUT6)
    assert_older_unchanged(tmp_path / "heldout5", "heldout5", HELDOUT5_SEED_9, HELDOUT5_TRUTH_SHA_4, OLDER, HELDOUT6)


@pytest.mark.parametrize("first", ["sheets_sixth", "sheets_dev7", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout6')) == 4 and 'pos_liste' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT6))
def test_heldout6_sheet_fits_a_crowded_record(name):
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


@pytest.mark.parametrize("name", sorted(HELDOUT6))
@pytest.mark.parametrize("style", ["plain", "dotted", "zero", "suffix", "suffix_tight"])
def test_heldout6_sheet_renders_every_number_style_and_authority(name, style):
    tpl = TEMPLATES[name]
    for by_kreis in (False, True):
        rng = random.Random(f"{name}:{style}:{by_kreis}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), municipality="Jüchen", by_kreis=by_kreis,
                              number_style=style, n_entries=3, deleted=True)
        img, _ = render_sheet(a, tpl, 150, rng, 1)
        assert img.getextrema()[0] < 100  # something was drawn
