"""The scan generator's heldout7 split: only its own four templates, all of them in a small corpus, complete and
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
from sample_scans.synth.sheets_seventh import (
    SEVENTH_RENDERERS,
    SEVENTH_TEMPLATES,
    case_number,
    former_authority,
    groups,
    number_shown,
    old_number,
    parcel_key,
    registered,
    sheet_dates,
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

HELDOUT7 = {"tw_h7", "cp_h7", "dm_h7", "hf_h7"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6", "heldout5", "dev7", "heldout6", "dev8")
SEED, COUNT = 102, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen

# Recorded before this split existed: dev8's and heldout6's template draws and the sha256 of their first truth files.
DEV8_SEED_9 = "hf_d8 dm_d8 tw_d8 lp_d8 lp_d8 lp_d8 tw_d8 tw_d8 dm_d8 hf_d8 hf_d8 dm_d8".split()
DEV8_TRUTH_SHA_4 = ["4bc5980dda57f3fb4765374aa133d4aae137b49079ce8b0e75674526df8fd305",
                    "2518ed11c74c31ce8a50276d821aec2bd1f9e7cae3ddd28593a9a7769fcd1158"]
HELDOUT6_SEED_9 = "cp_s6 dm_s6 hf_s6 cp_s6 dm_s6 dm_s6 dm_s6 cp_s6 tw_s6 cp_s6 hf_s6 dm_s6".split()
HELDOUT6_TRUTH_SHA_4 = ["7bddd03ae841424fe3f5315151257e3466c2d8a0d90f8f2955f811625e3c9e2d",
                        "1682eefabd4e04a607e4cccaec3b2da261c67d758a19fb6a1c4daa33320e8bde"]


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12. 3. 1987' or '12.3.87'."""
    m = re.fullmatch(r"(\d{1,2})\. ?(\d{1,2})\. ?(\d{2}|\d{4})", shown)
    year = int(m[3]) if len(m[3]) == 4 else int(m[3]) + (1900 if int(m[3]) > 30 else 2000)
    return dt.date(year, int(m[2]), int(m[1]))


def aktes(name: str, n: int, salt: str, two: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1})
            for _ in range(n)]


def penned_and_stamped(monkeypatch, a, tpl) -> tuple[list[str], list[str]]:
    """What the sheet writes by pen and what its rubber stamps say (the last, fitting attempt)."""
    pen_seen: list[str] = []
    stamp_seen: list[str] = []
    pen, stamp, init = sheets_dev.pen, sheets_dev.rubber_stamp, Page.__init__

    def init_(self, *args, **kw):
        pen_seen.clear()
        stamp_seen.clear()
        init(self, *args, **kw)

    monkeypatch.setattr(Page, "__init__", init_)
    monkeypatch.setattr(sheets_dev, "pen",
                        lambda pg, x, y, s, *a_, **k: pen_seen.append(s) or pen(pg, x, y, s, *a_, **k))
    monkeypatch.setattr(sheets_dev, "rubber_stamp", lambda pg, x, y, lines, *a_, **k: stamp_seen.extend(
        s for s, _, _ in lines) or stamp(pg, x, y, lines, *a_, **k))
    render_sheet(a, tpl, 150, random.Random(tpl.name), 1)
    monkeypatch.undo()
    return pen_seen, stamp_seen


@pytest.fixture(scope="module")
def heldout7_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout7"), "heldout7", COUNT, SEED)


def test_heldout7_templates_are_bound_to_their_split():
    assert HELDOUT7 == set(SEVENTH_TEMPLATES)
    assert_bound_to_split("heldout7", HELDOUT7, SEVENTH_RENDERERS, OLDER)


def test_heldout7_templates_share_no_wording_set_or_renderer_with_other_templates():
    """Own wordings and renderers; two of the templates set their values in a face no other template uses."""
    assert_own_wordings(HELDOUT7)
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT7]
    faces = {f for t in others for f in (t.form_font, t.bold_font, t.value_font)}
    assert sum(TEMPLATES[n].value_font not in faces or TEMPLATES[n].bold_font not in faces for n in HELDOUT7) >= 2


def test_heldout7_truth_complete_consistent_and_all_four_templates(heldout7_files):
    assert_corpus(heldout7_files, "heldout7", HELDOUT7, COUNT)


def test_every_heldout7_truth_is_its_aktes(heldout7_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (the header's
    parcels, never the benefiting one; the first entry's day as the date); the sheet's planned dates are among the
    distractors; some file has parcels in two Gemarkungen of its municipality."""
    truths = {p.name: check_truth(p, "heldout7", HELDOUT7) for p in heldout7_files}
    two = 0
    for spec, a in specs_and_aktes("heldout7", SEED, COUNT):
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


@pytest.mark.parametrize("name", sorted(HELDOUT7))
def test_heldout7_dates_read_back_and_keep_off_registration_days(name):
    """Every entry's day as printed reads back to its registration; every other planned date reads back to its own
    day and is on no registration or deletion day unless it is that entry's deletion."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates7", n_entries=3, deleted=True) + aktes(name, 10, "dates7b", two=False):
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


@pytest.mark.parametrize("name", sorted(HELDOUT7))
def test_heldout7_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (parcels in one or two Gemarkungen) the rendered sheet holds the register number
    as the template shows it, which normalizes to the truth's; the municipality; every parcel's Gemarkung, Flur and
    Flurstück; every entry's Eintragungsdatum and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print7:{name}")
    upper = tpl.renderer == "merkmal_liste"
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
            assert str(flur) in text
            assert all(s in text for s in fst), fst
        for shown_date in registered(a, tpl).values():
            assert compact(shown_date) in flat
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout7_film_print_labels_its_values_in_a_margin_column(monkeypatch):
    """The film print names its number right after its label, the first entry's day after 'Eintrag vom', a
    declaration day for entry 1, and its film marks; the page is a grey ground with black bands."""
    tpl = TEMPLATES["tw_h7"]
    for a in aktes("tw_h7", 6, "film7", n_entries=2):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"{LABELS[tpl.labels]['number']} {a.register_display}" in text
        assert f"{tpl.label('reg')} {registered(a, tpl)[1]}" in text
        assert sheet_dates(a, tpl).one("declaration_date", 1).text in text
        assert re.search(r"FILM \d{4} +AUFN\. \d{4}", text)
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    assert img.getpixel((img.width // 2, 5)) < 60 and img.getpixel((img.width // 2, img.height - 5)) < 60
    assert 200 < img.getpixel((img.width // 2, img.height * 0.93)) < 240


def test_heldout7_auskunft_keys_every_parcel_and_sets_its_number_below_them(monkeypatch):
    """The Auskunft prints one row per parcel with its Flurstückskennzeichen, the number after the parcels, and a case
    number that is not the register number."""
    tpl = TEMPLATES["cp_h7"]
    for a in aktes("cp_h7", 6, "alkis7", n_parcels=3, n_entries=2, deleted=True):
        text = drawn_text(monkeypatch, a, tpl)
        for p in a.parcels:
            key = parcel_key(p.gemarkung, p.flur, p.flurstueck)
            assert re.fullmatch(r"05\d{4}-\d{3}-\d{5}/\d{4}", key)
            assert f"{p.flur} {p.flurstueck} {key}" in text
        last = max(text.index(parcel_key(p.gemarkung, p.flur, p.flurstueck)) for p in a.parcels)
        assert text.index(f"{LABELS[tpl.labels]['number']}: {a.register_display}") > last
        assert a.register_number not in case_number(a).split("-")
        assert {"print_date", "application_date", "deletion_date"} <= sheet_dates(a, tpl).kinds()


def test_heldout7_list_puts_its_entries_in_columns(monkeypatch):
    """The list prints each property of the entries on one row, the entries side by side, before any entry text."""
    tpl = TEMPLATES["dm_h7"]
    for a in aktes("dm_h7", 6, "list7", n_entries=3, deleted=True, number_style="suffix"):
        text = drawn_text(monkeypatch, a, tpl)
        assert re.search(r"\d [A-C]$", number_shown(a, tpl))
        days = " ".join(f"! {s}" for s in registered(a, tpl).values())
        assert f"{tpl.label('reg')} {days}" in text
        assert text.index(days) < text.index(f"{tpl.label('text')} 1:")


def test_heldout7_renumbered_form_strikes_the_old_number_and_stamps_the_new(monkeypatch):
    """The form was the former authority's: its old number is typed and struck, the new number and the renumbering
    day are stamped with the current municipality's name, the registration days are written by pen."""
    tpl = TEMPLATES["hf_h7"]
    for a in aktes("hf_h7", 8, "renum7", n_entries=2):
        assert old_number(a) != a.register_number.rstrip("abc")
        assert former_authority(a).endswith(f" {a.parcels[0].gemarkung}")
        pen, stamp = penned_and_stamped(monkeypatch, a, tpl)
        assert set(registered(a, tpl).values()) <= set(pen)
        assert stamp[0] == f"{content.KIND[a.municipality]} {a.municipality}"
        assert f"{LABELS[tpl.labels]['number']} {a.register_display}" in stamp
        assert sheet_dates(a, tpl).one("renumber_date").text in stamp
        text = drawn_text(monkeypatch, a, tpl)
        assert old_number(a) in text and former_authority(a) in text


def test_heldout7_is_deterministic(heldout7_files, tmp_path):
    again = generate(tmp_path, "heldout7", COUNT, SEED)
    assert digest(again) == digest(heldout7_files)


def test_heldout7_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout7:5")
    specs = [random_spec(rng, "heldout7", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT7
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path / "dev8", "dev8", DEV8_SEED_9, DEV8_TRUTH_SHA_4, OLDER, HELDOUT7)
    assert_older_unchanged(tmp_path / "heldout6", "heldout6", HELDOUT6_SEED_9, HELDOUT6_TRUTH_SHA_4, OLDER, HELDOUT7)


@pytest.mark.parametrize("first", ["sheets_seventh", "sheets_sixth", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout7')) == 4 and 'merkmal_liste' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT7))
def test_heldout7_sheet_fits_a_crowded_record(name):
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


@pytest.mark.parametrize("name", sorted(HELDOUT7))
@pytest.mark.parametrize("style", ["plain", "dotted", "zero", "suffix", "suffix_tight"])
def test_heldout7_sheet_renders_every_number_style_and_authority(name, style):
    tpl = TEMPLATES[name]
    for by_kreis in (False, True):
        rng = random.Random(f"{name}:{style}:{by_kreis}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), municipality="Jüchen", by_kreis=by_kreis,
                              number_style=style, n_entries=3, deleted=True)
        img, _ = render_sheet(a, tpl, 150, rng, 1)
        assert img.getextrema()[0] < 100  # something was drawn
