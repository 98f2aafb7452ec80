"""The scan generator's dev4 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output, and on every sheet at least two dates besides the Eintragungsdatum, drawn so
that the first date of the sheet is not the registration; the older splits unchanged by it."""

from __future__ import annotations

import random
import re

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import TEMPLATES
from sample_scans.synth.sheets_dev4 import DEV4_RENDERERS, DEV4_TEMPLATES, sheet_dates
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

DEV4 = {"pc_d4", "tw_d4", "dm_d4", "cp_d4"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "dev2", "dev3")
SEED, COUNT = 4, 8  # a corpus with a Baulast on each of the four templates

# Recorded before this split existed: dev3's template draws and the sha256 of its first truth files.
DEV3_SEED_9 = "pc_d3 dm_d3 pc_d3 cp_d3 pc_d3 pc_d3 tw_d3 cp_d3 tw_d3 dm_d3 dm_d3 dm_d3".split()
DEV3_TRUTH_SHA_4 = ["2cc712a64411f4301a6b0d23b24ffcfe3150d15973a00ccdf17d1760b4f38895",
                    "311f02b15ecd0eee97b6b6c29263cc210b5f5e1fcc56e146744787756c729703"]
DATE = re.compile(r"\b\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2,4}\b|\b\d{1,2}\. [A-ZÄa-zä]+\.? \d{4}\b")


@pytest.fixture(scope="module")
def dev4_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("dev4"), "dev4", COUNT, SEED)


def non_registration(dates) -> list:
    """Planned whole-day mentions that are neither an entry's deletion nor a cited registration."""
    return [m for m in dates.mentions if m.full and m.kind not in ("deletion_date", "cited_registration")]


def test_dev4_templates_are_bound_to_their_split():
    assert DEV4 == set(DEV4_TEMPLATES)
    assert_bound_to_split("dev4", DEV4, DEV4_RENDERERS, OLDER)


def test_dev4_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(DEV4)
    assert any(TEMPLATES[n].landscape for n in DEV4) and any(not TEMPLATES[n].landscape for n in DEV4)


def test_dev4_truth_complete_consistent_and_all_four_templates(dev4_files):
    assert_corpus(dev4_files, "dev4", DEV4, COUNT)


def test_every_dev4_sheet_plans_two_dates_besides_the_registration(dev4_files):
    """Rebuilt from the seeded draws, each Baulast's sheet plans at least two whole dates that are neither an entry's
    registration nor its deletion; a deletion mention is the entry's deletion, a cited registration is the cited
    entry's own; the truth names every kind."""
    truths = {p.name: check_truth(p, "dev4", DEV4) for p in dev4_files}
    for spec, a in specs_and_aktes("dev4", SEED, COUNT):
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["entries"] == content.truth(a)["entries"]
        dates = sheet_dates(a, TEMPLATES[spec.template])
        registered = {e.registered_on for e in a.entries}
        others = non_registration(dates)
        assert len({m.day for m in others}) >= 2, spec.name
        assert not {m.day for m in others} & (registered | {e.deleted_on for e in a.entries})
        for m in dates.mentions:
            if m.kind == "deletion_date":
                assert m.day == a.entries[m.lfd_nr - 1].deleted_on
            if m.kind == "cited_registration":
                assert m.day == a.entries[m.lfd_nr - 1].registered_on
        assert dates.kinds() <= set(truth["distractors"])
        assert set(dates.registered) == {e.lfd_nr for e in a.entries}


@pytest.mark.parametrize("name", sorted(DEV4))
def test_dev4_sheets_draw_the_registration_and_the_dates_around_it(name, monkeypatch):
    """On crowded and plain records the rendered sheet holds every entry's Eintragungsdatum as planned and every
    planned date as printed; the first date the sheet prints is never the registration, and neither is the first
    date of entry 1's row or block."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"dev4:{name}")
    for i in range(6):
        crowded = {"n_parcels": 3, "two_flure": True, "n_entries": 3, "deleted": True} if i % 2 else {}
        a = content.make_akte(rng, tpl.years, gemarkungen(), number_style=rng.choice(("plain", "suffix")), **crowded)
        dates = sheet_dates(a, tpl)
        text = drawn_text(monkeypatch, a, tpl)
        for lfd, shown in dates.registered.items():
            assert shown in text, (lfd, shown)
        assert len(non_registration(dates)) >= 2
        for m in dates.mentions:
            assert m.shown in text, (m.kind, m.shown)
            if m.kind != "cited_registration":
                assert m.shown not in set(dates.registered.values())
        assert DATE.search(text).group(0) != dates.registered[1], name
        first_reg = text.index(dates.registered[1])
        assert [m for m in non_registration(dates) if m.shown in text[:first_reg]], name
        deleted = [e for e in a.entries if e.deleted_on]
        assert {m.day for m in dates.mentions if m.kind == "deletion_date"} == {e.deleted_on for e in deleted}


def test_dev4_dates_come_in_pen_strokes_dashes_and_type():
    """Across records, dates are written 12.6.88, 12/6/88 and 12-6-88 by pen, typed 14.02.1983 or 14.02.83."""
    seen = set()
    rng = random.Random("formats4")
    for name in sorted(DEV4):
        tpl = TEMPLATES[name]
        for _ in range(30):
            a = content.make_akte(rng, tpl.years, gemarkungen())
            shown = sheet_dates(a, tpl).registered[1]
            seen |= {k for k, pat in (("stroke", r"\d+/\d+/\d\d"), ("dash", r"\d+-\d+-\d\d"),
                                      ("pen", r"\d{1,2}\.\d{1,2}\.\d\d"), ("numeric", r"\d\d\.\d\d\.\d{4}"))
                     if re.fullmatch(pat, shown)}
    assert seen == {"stroke", "dash", "pen", "numeric"}


def test_dev4_change_register_has_amendment_rows():
    """Some chronological registers carry an amendment of entry 1, dated neither by entry 1's registration nor by
    any other entry's."""
    tpl = TEMPLATES["cp_d4"]
    rng = random.Random("changes4")
    found = 0
    for _ in range(30):
        a = content.make_akte(rng, tpl.years, gemarkungen(), n_entries=2)
        dates = sheet_dates(a, tpl)
        change = dates.one("change_date", 1)
        if change:
            found += 1
            assert dates.one("cited_registration", 1).day == a.entries[0].registered_on != change.day
    assert found >= 5


def test_dev4_is_deterministic(dev4_files, tmp_path):
    again = generate(tmp_path, "dev4", COUNT, SEED)
    assert digest(again) == digest(dev4_files)


def test_dev4_specs_draw_only_its_templates():
    rng = random.Random("specs:dev4:9")
    specs = [random_spec(rng, "dev4", i + 1) for i in range(200)]
    assert {s.template for s in specs} == DEV4
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path, "dev3", DEV3_SEED_9, DEV3_TRUTH_SHA_4, OLDER, DEV4)


@pytest.mark.parametrize("first", ["sheets_dev4", "sheets_dev3", "layouts", "sheets"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('dev4')) == 4 and 'pen_card' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(DEV4))
def test_dev4_sheet_fits_a_crowded_record(name):
    assert_crowded_fits(name, sheet_dates)
