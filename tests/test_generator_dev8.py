"""The scan generator's dev8 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output; each file's wordings and arrangement drawn from broad pools (the register
number's label and place, the parcels' arrangement and head words, the Eintragungsdatum's place, label and format,
the head's order), every one of them really drawn, every truth value printed on the sheet by the label drawn for
it; the older splits unchanged by it."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import TEMPLATES
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_dev7 import spread
from sample_scans.synth.sheets_dev8 import (
    DATE_PLACES,
    DEV8_RENDERERS,
    DEV8_TEMPLATES,
    NUMBER_LABELS,
    PARCEL_MODES,
    date_shown,
    look,
    number_label,
    number_shown,
    parcel_grid,
    parcel_lines,
    registered,
)
from tests.generator_splits import (
    assert_bound_to_split,
    assert_corpus,
    assert_imports_first,
    assert_older_unchanged,
    check_truth,
    crowded_akte,
    digest,
    drawn_text,
    specs_and_aktes,
)

DEV8 = {"tw_d8", "hf_d8", "dm_d8", "lp_d8"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6", "heldout5", "dev7")
SEED, COUNT = 150, 5  # single-page files, a Baulast on each template, a deletion, parcels in two Gemarkungen

# Recorded before this split existed (at f58f306): dev7's template draws and the sha256 of its first truth files.
DEV7_SEED_9 = "hf_d7 mg_d7 mg_d7 mg_d7 dm_d7 tw_d7 mg_d7 mg_d7 mg_d7 tw_d7 hf_d7 mg_d7".split()
DEV7_TRUTH_SHA_4 = ["1a9cb9609c56eea1c27140649b10a7211d3339f1e06a49691e1c6e26b35e6d42",
                    "cf4fc5088e099207ca2441d5d6a4bbbc219b21790077c7a54ae23e8c62ccbc9d"]


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def aktes(name: str, n: int, salt: str, **opts) -> list:
    """n records for the template, drawn as dev8's files draw them (every number style, parcels spread over two
    Gemarkungen on every other one)."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    out = []
    for i in range(n):
        style = rng.choice(("plain", "dotted", "zero", "suffix", "suffix_tight"))
        a = content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **opts)
        out.append(spread(a, {"gemarkungen": 1 + i % 2}))
    return out


def dev8_aktes(seed: int, count: int) -> list:
    """[(spec, Akte), ...] as generate() draws them for dev8 (spread as assemble.build spreads them)."""
    return [(spec, spread(a, spec.content)) for spec, a in specs_and_aktes("dev8", seed, count)]


@pytest.fixture(scope="module")
def dev8_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("dev8"), "dev8", COUNT, SEED)


def test_dev8_templates_are_bound_to_their_split():
    assert DEV8 == set(DEV8_TEMPLATES)
    assert_bound_to_split("dev8", DEV8, DEV8_RENDERERS, OLDER)
    assert len({TEMPLATES[n].renderer for n in DEV8}) == 4


def test_dev8_truth_complete_consistent_and_all_four_templates(dev8_files):
    assert_corpus(dev8_files, "dev8", DEV8, COUNT)


def test_every_dev8_truth_is_its_aktes(dev8_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's: its
    burdened parcels (never the benefiting one), its register number, entry 1's Eintragungsdatum; some file has
    parcels in two Gemarkungen of its municipality."""
    truths = {p.name: check_truth(p, "dev8", DEV8) for p in dev8_files}
    two = 0
    for spec, a in dev8_aktes(SEED, COUNT):
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert a.benefit is None or a.benefit.to_json() not in truth["parcels"]
        assert truth["register_number"] == a.register_number
        assert truth["date"] == a.entries[0].registered_on.isoformat()
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 1


def test_dev8_files_draw_from_the_pools():
    """Over 60 files the sheets word the register number in at least 8 ways and put it in at least 4 places; they
    arrange the parcels in at least 6 ways, put the Eintragungsdatum in at least 5 places, in at least 4 formats, and
    order the head in at least 4 ways; each template alone draws at least 4 number labels."""
    looks = [(spec.template, look(a, TEMPLATES[spec.template])) for spec, a in dev8_aktes(9, 60) if a.is_baulast]
    assert len(looks) >= 50
    assert len({lk.number_label for _, lk in looks}) >= 8
    assert len({lk.number_place for _, lk in looks}) >= 4
    assert len({lk.parcel_mode for _, lk in looks}) >= 6
    assert len({lk.date_place for _, lk in looks}) >= 5
    assert len({lk.date_format for _, lk in looks}) >= 4
    assert len({lk.order for _, lk in looks}) >= 4
    per_template = Counter()
    for name in DEV8:
        per_template[name] = len({lk.number_label for t, lk in looks if t == name})
    assert min(per_template.values()) >= 4, per_template


def test_dev8_pools_are_broad():
    """The pools the files draw from: 16 register labels, 9 parcel arrangements, 6 places of the date, 10 date labels;
    over 400 records every label, arrangement and place is drawn by some template."""
    assert len(NUMBER_LABELS) >= 12 and len(PARCEL_MODES) >= 8 and len(DATE_PLACES) >= 6
    seen = {"label": set(), "mode": set(), "place": set(), "date_label": set()}
    for name in sorted(DEV8):
        for a in aktes(name, 100, "pools8"):
            lk = look(a, TEMPLATES[name])
            seen["label"].add(lk.number_label)
            seen["mode"].add(lk.parcel_mode)
            seen["place"].add(lk.date_place)
            seen["date_label"].add(lk.date_label)
    assert seen["label"] == set(NUMBER_LABELS)
    assert seen["mode"] == set(PARCEL_MODES)
    assert seen["place"] == set(DATE_PLACES)
    assert len(seen["date_label"]) >= 8


@pytest.mark.parametrize("name", sorted(DEV8))
def test_dev8_sheets_print_every_truth_value_by_its_drawn_label(name, monkeypatch):
    """On plain and crowded records the rendered sheet prints the drawn number label with the number right after it,
    the number normalizing to the truth's; the municipality; every parcel's Gemarkung, Flur and Flurstück (in the
    drawn arrangement, with its head words where it is a grid); every entry's Eintragungsdatum as printed, by its
    drawn label where the sheet labels it."""
    tpl = TEMPLATES[name]
    for i, a in enumerate(aktes(name, 8, "print8")):
        if i % 2:
            a = aktes(name, 1, f"crowded8:{i}", n_parcels=3, two_flure=True, n_entries=3, deleted=True)[0]
        lk = look(a, tpl)
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        shown = number_shown(a, lk)
        assert normalized(shown) == content.truth(a)["register_number"], shown
        label = number_label(lk)
        assert f"{label} {shown}" in text, (label, shown, lk.number_place)
        assert a.municipality.upper() in text.upper()  # in capitals on some sheets
        for p in a.parcels:
            assert p.gemarkung in text and str(p.flur) in text
            assert p.flurstueck in flat, p
        if lk.parcel_mode.startswith("grid"):
            heads, rows, _ = parcel_grid(a, lk)
            assert all(compact(h.upper() if lk.upper else h) in flat for h in heads)
        else:
            assert all(compact(s) in flat for s in parcel_lines(a, lk))
        for day in registered(a, tpl).values():
            assert compact(day) in flat
        if lk.date_place in ("rem_col", "line"):
            assert compact(f"{lk.date_label} {date_shown(lk, a.entries[0].registered_on)}") in flat
        for e in a.entries:
            if e.deleted_on:
                assert compact(date_shown(lk, e.deleted_on)) in flat


def test_dev8_distractors_are_printed_and_named(monkeypatch):
    """Every Baulast sheet names its Aktenzeichen and page number among its distractors and prints them; the
    Grundbuch's Blatt where the record has one; a letterhead's telephone number on the form and the laser print."""
    for name in sorted(DEV8):
        tpl = TEMPLATES[name]
        for a in aktes(name, 4, "distract8"):
            _, distractors = render_sheet(a, tpl, 100, random.Random(0), 1)
            text = drawn_text(monkeypatch, a, tpl)
            assert {"aktenzeichen", "page_number"} <= distractors
            assert a.aktenzeichen in text
            if a.grundbuch:
                assert "grundbuch_blatt" in distractors and a.grundbuch[1] in text
            if name in ("hf_d8", "lp_d8"):
                assert "phone_number" in distractors


def test_dev8_is_deterministic(dev8_files, tmp_path):
    again = generate(tmp_path, "dev8", COUNT, SEED)
    assert digest(again) == digest(dev8_files)


def test_dev8_specs_draw_only_its_templates():
    rng = random.Random("specs:dev8:9")
    specs = [random_spec(rng, "dev8", i + 1) for i in range(200)]
    assert {s.template for s in specs} == DEV8
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path / "dev7", "dev7", DEV7_SEED_9, DEV7_TRUTH_SHA_4, OLDER, DEV8)


@pytest.mark.parametrize("first", ["sheets_dev8", "sheets_dev7", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('dev8')) == 4 and 'edv_print' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(DEV8))
def test_dev8_sheet_fits_a_crowded_record(name):
    """Three entries, a deletion, three parcels on two Flure in two Gemarkungen, a suffixed number: the sheet fits at
    both resolutions, upright."""
    tpl, rng, a = crowded_akte(name)
    a = spread(a, {"gemarkungen": 2})
    assert len({p.gemarkung for p in a.parcels}) == 2
    for dpi in (200, 300):
        img, distractors = render_sheet(a, tpl, dpi, rng, 1)
        assert img.size[0] < img.size[1]
        assert "page_number" in distractors
