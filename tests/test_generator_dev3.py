"""The scan generator's dev3 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output, and on every sheet at least two dates besides the Eintragungsdatum that
are drawn where a naive reader would take them; the older splits unchanged by it."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import TEMPLATES
from sample_scans.synth.sheets_dev3 import DEV3_RENDERERS, DEV3_TEMPLATES, FORMATS, sheet_dates
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

DEV3 = {"tw_d3", "dm_d3", "cp_d3", "pc_d3"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "dev2")
SEED, COUNT = 3, 8  # a corpus with a Baulast on each of the four templates

# Recorded before this split existed: dev2's template draws and the sha256 of its first truth files.
DEV2_SEED_9 = "cp_d2 dm_d2 dm_d2 tw_d2 dm_d2 dm_d2 dm_d2 tw_d2 dm_d2 cp_d2 cp_d2 dm_d2".split()
DEV2_TRUTH_SHA_4 = ["f14f2aabe4597f225fae9bb278b0be245555e6b8cc23dbf0b6db826441b0d972",
                    "2c4c58d92779fd9af3148ac0edb31611328fe3519dabbd802681008be53fdb21"]


@pytest.fixture(scope="module")
def dev3_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("dev3"), "dev3", COUNT, SEED)


def non_registration(dates) -> list:
    """The planned mentions that name a whole day and are neither the registration nor the deletion of an entry."""
    return [m for m in dates.mentions if m.full and m.kind != "deletion_date"]


def test_dev3_templates_are_bound_to_their_split():
    assert DEV3 == set(DEV3_TEMPLATES)
    assert_bound_to_split("dev3", DEV3, DEV3_RENDERERS, OLDER)


def test_dev3_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(DEV3)
    assert any(TEMPLATES[n].landscape for n in DEV3) and any(not TEMPLATES[n].landscape for n in DEV3)


def test_dev3_truth_complete_consistent_and_all_four_templates(dev3_files):
    assert_corpus(dev3_files, "dev3", DEV3, COUNT)


def test_every_dev3_sheet_plans_two_dates_besides_the_registration(dev3_files):
    """Rebuilt from the seeded draws, each Baulast's sheet plans at least two whole dates that are neither an entry's
    registration nor its deletion, a deletion mention is the entry's deletion date, and the truth names them all."""
    truths = {p.name: check_truth(p, "dev3", DEV3) for p in dev3_files}
    for spec, a in specs_and_aktes("dev3", SEED, COUNT):
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["entries"] == content.truth(a)["entries"]  # the rebuilt Akte is the file's
        dates = sheet_dates(a, TEMPLATES[spec.template])
        registered = {e.registered_on for e in a.entries}
        others = non_registration(dates)
        assert len({m.day for m in others}) >= 2, spec.name
        assert not {m.day for m in others} & registered
        assert not {m.day for m in others} & {e.deleted_on for e in a.entries}
        for m in dates.mentions:
            if m.kind == "deletion_date":
                assert m.day == a.entries[m.lfd_nr - 1].deleted_on
        assert dates.kinds() <= set(truth["distractors"])
        assert set(dates.registered) == {e.lfd_nr for e in a.entries}


@pytest.mark.parametrize("name", sorted(DEV3))
def test_dev3_sheets_draw_the_registration_and_the_dates_around_it(name, monkeypatch):
    """On crowded and on plain records, the rendered sheet holds every entry's Eintragungsdatum as planned and every
    planned distractor date as printed, none of which is an Eintragungsdatum: two or more per sheet, and the first
    date the sheet prints for the first entry is one of them, not the registration."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"dev3:{name}")
    for i in range(6):
        crowded = {"n_parcels": 3, "two_flure": True, "n_entries": 3, "deleted": True} if i % 2 else {}
        a = content.make_akte(rng, tpl.years, gemarkungen(), number_style=rng.choice(("plain", "suffix")), **crowded)
        dates = sheet_dates(a, tpl)
        text = drawn_text(monkeypatch, a, tpl)
        shown_reg = set(dates.registered.values())
        for lfd, shown in dates.registered.items():
            assert shown in text, (lfd, shown)
        others = non_registration(dates)
        assert len(others) >= 2
        for m in dates.mentions:
            assert m.shown in text, (m.kind, m.shown)
            assert m.shown not in shown_reg
        if e_del := [e for e in a.entries if e.deleted_on]:
            assert {m.day for m in dates.mentions if m.kind == "deletion_date"} == {e.deleted_on for e in e_del}
        # a reader who takes the first whole date printed before entry 1's registration gets a distractor
        first_reg = text.index(dates.registered[1])
        before = [m for m in others if m.shown in text[:first_reg]]
        assert before, name


def test_dev3_registration_formats_vary():
    """Across records, the Eintragungsdatum comes in numeric, two-digit-year, spaced, month-name, abbreviated-month,
    stamped and handwritten forms."""
    forms = set()
    rng = random.Random("formats")
    for name in sorted(DEV3):
        tpl = TEMPLATES[name]
        for _ in range(40):
            a = content.make_akte(rng, tpl.years, gemarkungen())
            day, shown = a.entries[0].registered_on, sheet_dates(a, tpl).registered[1]
            forms |= {fmt for fmt, show in FORMATS.items() if show(day) == shown}
    assert forms >= {"numeric", "short", "spaced", "long", "abbrev", "stamp", "pen"}


def test_dev3_is_deterministic(dev3_files, tmp_path):
    again = generate(tmp_path, "dev3", COUNT, SEED)
    assert digest(again) == digest(dev3_files)


def test_dev3_specs_mix_templates_entries_deletions_and_parcels():
    rng = random.Random("specs:dev3:9")
    specs = [random_spec(rng, "dev3", i + 1) for i in range(300)]
    assert {s.template for s in specs} == DEV3
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3}
    assert sum(s.content["deleted"] for s in baulast) > len(baulast) // 4
    assert not any("sheet_cont" in s.pages for s in specs)  # a dev3 sheet is one page


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path, "dev2", DEV2_SEED_9, DEV2_TRUTH_SHA_4, OLDER, DEV3)


@pytest.mark.parametrize("first", ["sheets_dev3", "sheets_dev2", "sheets_dev", "sheets_more", "layouts", "sheets"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('dev3')) == 4 and 'kartei_card' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(DEV3))
def test_dev3_sheet_fits_a_crowded_record(name):
    """Three entries, three parcels on two Flure and a deletion still fit on the sheet, at both resolutions."""
    assert_crowded_fits(name, sheet_dates)
