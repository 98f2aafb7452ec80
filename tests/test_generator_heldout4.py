"""The scan generator's heldout4 split: only its own templates (all defined in synth/sheets_fourth.py), complete
truth, deterministic output, and the sample/tuning/heldout/heldout2/heldout3/dev splits unchanged by it."""

from __future__ import annotations

import hashlib
import random
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, SPLITS, TEMPLATES, templates_for
from sample_scans.synth.sheets import RENDERERS, render_sheet
from sample_scans.synth.sheets_fourth import FOURTH_LABELS, FOURTH_RENDERERS, FOURTH_TEMPLATES
from tests.generator_splits import (
    ENTRY_KEYS,
    HELDOUT2_SEED_3,
    HELDOUT_SEED_7,
    PARCEL_KEYS,
    TRUTH_KEYS,
    TUNING_SEED_11,
    digest,
    spec_templates,
    template_of,
    truth_of,
)

HELDOUT4 = {"tw_q", "cp_q", "mg_q", "dm_q"}

# Recorded before this split existed: the templates of the first random files of the two newest older splits.
HELDOUT3_SEED_5 = "dm_m dm_m cp_m dm_m dm_m dm_m mg_m dm_m dm_m cp_m".split()
DEV_SEED_9 = "mg_v mg_v tw_w tw_w tw_w tw_v mg_v cp_v tw_w tw_w".split()

# The sha256 of the older splits' first truth files, recorded before this split existed (the truth
# depends only on the seeded draws, not on Pillow).
TRUTH_SHA = {
    ("tuning", 11): ["ff7b2ec0555019dcb1d9f8f26ae425c64ae23f2d5403274ae0b706026767d6ee",
                     "9998edc6f022f7721eb35a7b4b1052fd4d3eb14aae1dba269a0cb777093f4818"],
    ("heldout", 7): ["f3674b2783ecd115f6c4e5072ebda03044a3a912a0f683da6bde7df9265414a6",
                     "21600d8b695e32d318617abb2938bd94ae7f7f39349108244cba99d82be4d0f0"],
    ("heldout2", 3): ["eb3ce72861423a29719796942b8608c9abc92395fa325dd2f6b142ba01162d50",
                      "2456adb45410dd4f6b352e15b122b4b451e7d2208208c16b836a3499e6772717"],
    ("heldout3", 5): ["3984d1d219fc0b6c6d874668d0d9a414463ef45dcdc32af1e70caa8eed28fb93",
                      "95567910663b648d200d849284dffc6fc7d5208d5c3e7b6117f53df53f6a3eae"],
    ("dev", 9): ["165bace64f4c7e5d91da5e1919531e2b5eda01f9220d4f11c9b5c6409470a3cd",
                 "44fb78a6d8423d2005aeebdbfb2da2365f4f3dea364c09ab3ce2690c1a627b27"],
}


@pytest.fixture(scope="module")
def heldout4_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout4")
    return generate(out, "heldout4", 8, 4)


def test_heldout4_templates_are_bound_to_their_split_and_defined_in_their_module():
    assert "heldout4" in SPLITS
    assert set(FOURTH_TEMPLATES) == HELDOUT4
    assert {t.name for t in templates_for("heldout4")} == HELDOUT4
    for split in ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev"):
        assert not HELDOUT4 & {t.name for t in templates_for(split)}
    for n in HELDOUT4:
        assert TEMPLATES[n] is FOURTH_TEMPLATES[n]
        assert TEMPLATES[n].split == "heldout4" and not TEMPLATES[n].heldout
        assert RENDERERS[TEMPLATES[n].renderer] is FOURTH_RENDERERS[TEMPLATES[n].renderer]
        assert LABELS[TEMPLATES[n].labels] is FOURTH_LABELS[TEMPLATES[n].labels]


def test_heldout4_templates_share_no_wording_set_renderer_or_number_label_with_other_templates():
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT4]
    mine = [TEMPLATES[n] for n in HELDOUT4]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == 4
    assert {t.style for t in mine} == {"typewriter_form", "computer_print", "modern_grid", "dot_matrix"}
    # the register number's label is worded differently from every other template's
    seen = {LABELS[t.labels]["number"].upper() for t in others}
    assert not {LABELS[t.labels]["number"].upper() for t in mine} & seen


def test_heldout4_truth_complete_and_only_new_templates(heldout4_files):
    assert len(heldout4_files) == 8
    for path in heldout4_files:
        assert path.exists()
        truth = truth_of(path)
        assert set(truth) == TRUTH_KEYS
        assert truth["split"] == "heldout4"
        assert template_of(truth) in HELDOUT4
        assert truth["layout"] == TEMPLATES[template_of(truth)].style
        if truth["is_baulast"]:
            assert truth["municipality"] and truth["register_number"] and truth["parcels"]
            assert all(set(p) == PARCEL_KEYS for p in truth["parcels"])
            assert all(set(e) == ENTRY_KEYS for e in truth["entries"])
            assert truth["date"] == truth["entries"][0]["registered_on"]
            assert [e["lfd_nr"] for e in truth["entries"]] == list(range(1, len(truth["entries"]) + 1))
            assert 1 <= truth["sheet_page"] <= truth["pages"]
            assert "sheet_cont" not in truth["notes"]
        else:
            assert truth["register_number"] is None and truth["sheet_page"] is None


def test_heldout4_is_deterministic(heldout4_files, tmp_path):
    again = generate(tmp_path, "heldout4", 8, 4)
    assert digest(again) == digest(heldout4_files)


def test_heldout4_specs_mix_templates_qualities_and_formats():
    rng = random.Random("specs:heldout4:5")
    specs = [random_spec(rng, "heldout4", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT4
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    assert not any("sheet_cont" in s.pages for s in specs)


def test_other_splits_draw_the_same_templates_as_before():
    assert spec_templates("tuning", 11, 30) == TUNING_SEED_11
    assert spec_templates("heldout", 7, 10) == HELDOUT_SEED_7
    assert spec_templates("heldout2", 3, 10) == HELDOUT2_SEED_3
    assert spec_templates("heldout3", 5, 10) == HELDOUT3_SEED_5
    assert spec_templates("dev", 9, 10) == DEV_SEED_9


@pytest.mark.parametrize("split,seed", sorted(TRUTH_SHA))
def test_other_splits_write_the_same_truth_as_before(split, seed, tmp_path):
    paths = generate(tmp_path, split, 2, seed)
    got = [hashlib.sha256(p.with_name(p.stem + ".truth.json").read_bytes()).hexdigest() for p in paths]
    assert got == TRUTH_SHA[(split, seed)]


@pytest.mark.parametrize("name", sorted(HELDOUT4))
def test_heldout4_sheet_fits_a_crowded_record(name):
    """Three entries, three parcels on two Flure and a deletion still fit on the sheet."""
    tpl = TEMPLATES[name]
    rng = random.Random(name)
    a = content.make_akte(rng, tpl.years, gemarkungen(), n_parcels=3, two_flure=True, n_entries=3, deleted=True,
                          number_style="suffix")
    img, distractors = render_sheet(a, tpl, 200, rng, 1)
    assert img.size[0] > 1000 and "aktenzeichen" in distractors
    assert (img.size[0] > img.size[1]) == tpl.landscape


@pytest.mark.parametrize("name", sorted(HELDOUT4))
@pytest.mark.parametrize("style", ["plain", "dotted", "zero", "suffix", "suffix_tight"])
def test_heldout4_sheet_renders_every_number_style_and_authority(name, style):
    tpl = TEMPLATES[name]
    for by_kreis in (False, True):
        rng = random.Random(f"{name}:{style}:{by_kreis}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), municipality="Jüchen", by_kreis=by_kreis,
                              number_style=style)
        img, _ = render_sheet(a, tpl, 150, rng, 1)
        assert img.getextrema()[0] < 100  # something was drawn
