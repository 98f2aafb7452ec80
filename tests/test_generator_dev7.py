"""The scan generator's dev7 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output; register numbers in a title line and a footer, under a long label, pen-written
into a stamp or with a year after a slash; parcels in a sentence, one table row per parcel, over two lines of a cell,
in two Gemarkungen, as "Parz."/"Parzelle" or "123 / 4"; every truth value printed on the sheet; the older splits
unchanged by it."""

from __future__ import annotations

import random
import re

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, TEMPLATES
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_dev7 import (
    DEV7_RENDERERS,
    DEV7_TEMPLATES,
    groups,
    head_sentence,
    number_shown,
    parcel_cells,
    permit_number,
    registered,
    spread,
)
from tests.generator_splits import (
    assert_bound_to_split,
    assert_corpus,
    assert_imports_first,
    assert_older_unchanged,
    assert_own_wordings,
    check_truth,
    crowded_akte,
    digest,
    drawn_text,
    specs_and_aktes,
)

DEV7 = {"tw_d7", "dm_d7", "mg_d7", "hf_d7"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6", "heldout5")
SEED, COUNT = 26, 5  # single-page files, a Baulast on each template, deletions, parcels in two Gemarkungen

# Recorded before this split existed: heldout5's template draws and the sha256 of its first truth files, and dev6's.
HELDOUT5_SEED_9 = "mg_f5 xx_f5 mg_f5 mg_f5 mg_f5 xx_f5 tw_f5 xx_f5 xx_f5 tw_f5 mg_f5 xx_f5".split()
HELDOUT5_TRUTH_SHA_4 = ["ceed17caf6e4d29a035282034120ee26f8bbe2a15a520571ff00480c384a0bda",
                        "b4e0c423025716f3b36ce96ba014c98a5daa765a89e6049ff367d7ab7c009cd6"]
DEV6_SEED_9 = "pb_d6 mg_d6 tw_d6 cp_d6 mg_d6 mg_d6 tw_d6 mg_d6 pb_d6 pb_d6 mg_d6 cp_d6".split()
DEV6_TRUTH_SHA_4 = ["15ad227f68a412c42db07899caa3744d4e02cab7d22eb020d99d7ef2949d2fad",
                    "84c535bb96505aa002374c20a9859f5fe4a22f2489c6b8b89e5776ad0e9cba85"]


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case,
    of 'number/year' the number."""
    return re.sub(r"[.\s]", "", shown.split("/")[0]).lstrip("0").lower()


def aktes(name: str, n: int, salt: str, two: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1})
            for _ in range(n)]


def dev7_aktes(seed: int, count: int) -> list:
    """[(spec, Akte), ...] as generate() draws them for dev7 (spread as assemble.build spreads them)."""
    return [(spec, spread(a, spec.content)) for spec, a in specs_and_aktes("dev7", seed, count)]


@pytest.fixture(scope="module")
def dev7_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("dev7"), "dev7", COUNT, SEED)


def test_dev7_templates_are_bound_to_their_split():
    assert DEV7 == set(DEV7_TEMPLATES)
    assert_bound_to_split("dev7", DEV7, DEV7_RENDERERS, OLDER)


def test_dev7_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(DEV7)
    assert any(TEMPLATES[n].landscape for n in DEV7) and any(not TEMPLATES[n].landscape for n in DEV7)


def test_dev7_truth_complete_consistent_and_all_four_templates(dev7_files):
    assert_corpus(dev7_files, "dev7", DEV7, COUNT)


def test_every_dev7_truth_is_its_aktes_and_two_gemarkungen_occur(dev7_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's; some files
    have parcels in two Gemarkungen, each of the municipality."""
    truths = {p.name: check_truth(p, "dev7", DEV7) for p in dev7_files}
    two = 0
    for spec, a in dev7_aktes(SEED, COUNT):
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert truth["register_number"] == a.register_number
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 2


@pytest.mark.parametrize("name", sorted(DEV7))
def test_dev7_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (parcels in one or two Gemarkungen) the rendered sheet holds the register number as
    the template shows it, which normalizes to the truth's; the municipality; every parcel's Gemarkung, Flur and
    Flurstück as the template writes it; every entry's Eintragungsdatum as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"dev7:{name}")
    for i in range(6):
        crowded = {"n_parcels": 3, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        style = rng.choice(("plain", "dotted", "zero", "suffix"))
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded),
                   {"gemarkungen": 2 if i % 3 else 1})
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        shown = number_shown(a, tpl)
        assert shown in text and normalized(shown) == content.truth(a)["register_number"], shown
        assert a.municipality in text
        for p in a.parcels:
            assert p.gemarkung in text and str(p.flur) in text
            assert compact(p.flurstueck) in flat, p
        for shown_date in registered(a, tpl).values():
            assert compact(shown_date) in flat


def test_dev7_spread_moves_the_last_flur_into_another_gemarkung():
    """Two Gemarkungen where asked and possible: the first parcel stays, the moved ones share a Flur of their own; the
    entry texts name the parcels as they now are, never a moved parcel by its old Gemarkung; without the ask the Akte
    is unchanged."""
    for name in sorted(DEV7):
        for plain, a in zip(aktes(name, 8, "spread7", two=False, n_parcels=3, n_entries=2, first_type="Sonstige"),
                            aktes(name, 8, "spread7", n_parcels=3, n_entries=2, first_type="Sonstige")):
            assert plain.parcels[0] == a.parcels[0]
            assert [p.flurstueck for p in plain.parcels] == [p.flurstueck for p in a.parcels]
            moved = [p for p in a.parcels if p.gemarkung != a.parcels[0].gemarkung]
            if len(gemarkungen()[a.municipality]) > 1:
                assert moved and len({p.flur for p in moved}) == 1
            assert len(moved) <= 2
    for a in aktes("tw_d7", 10, "unite7", n_parcels=3, first_type="Vereinigungsbaulast"):
        assert all(p.phrase() in a.entries[0].text for p in a.parcels)


def test_dev7_sentence_sheet_names_parcels_only_in_its_sentence_and_the_number_twice(monkeypatch):
    """The typed sheet names the number in its title and its footer, the parcels in one sentence (no label of their
    own), as 'Parz.' before 1972 and 'Flurstück(e)' after; a Bauschein-Nr. of the number's shape stands in the head."""
    tpl = TEMPLATES["tw_d7"]
    years = set()
    for a in aktes("tw_d7", 10, "sentence7", n_parcels=3, two_flure=True):
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        assert flat.count(compact(f"{number_shown(a, tpl)}")) >= 2
        assert flat.count(compact(tpl.label("number"))) >= 2  # letter-spaced or not
        assert compact(head_sentence(a, tpl.label)) in flat
        old = a.entries[0].registered_on.year < 1972
        years.add(old)
        assert ("Parz." in head_sentence(a, tpl.label)) == old
        assert "Gemarkung:" not in text and permit_number(a) in text
    assert years == {True, False}


def test_dev7_parcel_rows_have_one_row_per_parcel(monkeypatch):
    """The EDV list prints one row per parcel (Gemarkung, Flur, Flurstück, Fläche in that order), the Flurstück with
    its Nenner set apart on some lists, the number after 'LAUFENDE NR. DES VERZEICHNISSES:'."""
    tpl = TEMPLATES["dm_d7"]
    apart = set()
    for a in aktes("dm_d7", 8, "rows7", n_parcels=4, two_flure=True):
        text = drawn_text(monkeypatch, a, tpl)
        cells = parcel_cells(a, tpl)
        assert len(cells) == len(a.parcels)
        for p, (gem, flur, fst) in zip(a.parcels, cells):
            assert compact(fst) == p.flurstueck and gem == p.gemarkung and flur == str(p.flur)
            assert f"{gem} {flur} {fst} " in text, (gem, flur, fst)
            apart.add(" / " in fst)
        assert f"LAUFENDE NR. DES VERZEICHNISSES: {a.register_display}" in text
    assert apart == {True, False}


def test_dev7_box_form_wraps_a_long_flurstueck_list_and_pens_the_number_into_a_stamp(monkeypatch):
    """The laser form's Flurstück cell holds a Flur's list joined by 'und'; a list of three or more runs over two
    lines; the number is only written by pen after the stamp's label lines."""
    tpl = TEMPLATES["mg_d7"]
    pg = Page(200, random.Random(0))
    width = pg.px(210 - 2 * tpl.margin) * 0.16 - pg.px(3)
    wrapped = 0
    for a in aktes("mg_d7", 8, "box7", two=False, n_parcels=3, two_flure=False):
        (gem, flur, fst), = parcel_cells(a, tpl)
        assert fst.count(",") == 1 and " und " in fst
        wrapped += len(pg.wrap(fst, tpl.form_font, tpl.pt, width)) > 1
        text = drawn_text(monkeypatch, a, tpl)
        assert "Baulastenverzeichnis Bl.-Nr." in text
        assert text.index("Bl.-Nr.") < text.index(a.register_display)
    assert wrapped >= 4


def test_dev7_parzellen_form_prints_the_number_with_its_year(monkeypatch):
    """The pen-filled form writes the number with the year of entry 1 after a slash (two or four digits), the truth
    keeps the number before it; the Bauschein-Nr. beside it has the same shape and another number; its parcel rows
    say 'Parzelle'."""
    tpl = TEMPLATES["hf_d7"]
    assert LABELS[tpl.labels]["fst"] == "Parzelle"
    widths = set()
    for a in aktes("hf_d7", 10, "year7"):
        shown = number_shown(a, tpl)
        number, year = shown.split("/")
        assert number == a.register_number
        assert int(year) % 100 == a.entries[0].registered_on.year % 100
        widths.add(len(year))
        permit = permit_number(a)
        assert re.fullmatch(r"\d+/\d\d", permit) and permit.split("/")[0] != number
        text = drawn_text(monkeypatch, a, tpl)
        assert shown in text and permit in text and "Parzelle" in text
    assert widths == {2, 4}


def test_dev7_is_deterministic(dev7_files, tmp_path):
    again = generate(tmp_path, "dev7", COUNT, SEED)
    assert digest(again) == digest(dev7_files)


def test_dev7_specs_draw_only_its_templates():
    rng = random.Random("specs:dev7:9")
    specs = [random_spec(rng, "dev7", i + 1) for i in range(200)]
    assert {s.template for s in specs} == DEV7
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3, 4}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert not any("sheet_cont" in s.pages for s in specs)
    aktes_ = dev7_aktes(9, 60)
    assert sum(len({g for g, _, _ in groups(a)}) > 1 for _, a in aktes_ if a.is_baulast) >= 10


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path / "heldout5", "heldout5", HELDOUT5_SEED_9, HELDOUT5_TRUTH_SHA_4, OLDER, DEV7)
    assert_older_unchanged(tmp_path / "dev6", "dev6", DEV6_SEED_9, DEV6_TRUTH_SHA_4, OLDER, DEV7)


@pytest.mark.parametrize("first", ["sheets_dev7", "sheets_dev6", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('dev7')) == 4 and 'parzellen_form' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(DEV7))
def test_dev7_sheet_fits_a_crowded_record(name):
    """Three entries, a deletion, three parcels on two Flure in two Gemarkungen, a suffixed number: the sheet fits at
    both resolutions, turned as the template is."""
    tpl, rng, a = crowded_akte(name)
    a = spread(a, {"gemarkungen": 2})
    assert len({p.gemarkung for p in a.parcels}) == 2
    for dpi in (200, 300):
        img, distractors = render_sheet(a, tpl, dpi, rng, 1)
        assert (img.size[0] > img.size[1]) == tpl.landscape
        assert "page_number" in distractors
