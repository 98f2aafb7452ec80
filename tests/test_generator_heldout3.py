"""The scan generator's heldout3 split: only its own templates, complete truth, deterministic output,
and the sample/tuning/heldout/heldout2 splits unchanged by it."""

from __future__ import annotations

import hashlib
import random
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth.assemble import random_spec
from sample_scans.synth.layouts import SPLITS, TEMPLATES, templates_for
from sample_scans.synth.sheets import render_sheet
from tests.generator_splits import (
    ENTRY_KEYS,
    HELDOUT2_SEED_3,
    HELDOUT_SEED_7,
    PARCEL_KEYS,
    TRUTH_KEYS,
    TUNING_SEED_11,
    crowded_akte,
    digest,
    spec_templates,
    template_of,
    truth_of,
)

HELDOUT3 = {"tw_m", "cp_m", "mg_m", "dm_m"}

# The sha256 of the older splits' first truth files, recorded before this split existed (the truth
# depends only on the seeded draws, not on Pillow).
TRUTH_SHA = {
    ("tuning", 11): ["ff7b2ec0555019dcb1d9f8f26ae425c64ae23f2d5403274ae0b706026767d6ee",
                     "9998edc6f022f7721eb35a7b4b1052fd4d3eb14aae1dba269a0cb777093f4818"],
    ("heldout2", 3): ["eb3ce72861423a29719796942b8608c9abc92395fa325dd2f6b142ba01162d50",
                      "2456adb45410dd4f6b352e15b122b4b451e7d2208208c16b836a3499e6772717"],
}


@pytest.fixture(scope="module")
def heldout3_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout3")
    return generate(out, "heldout3", 6, 4)


def test_heldout3_templates_are_bound_to_their_split():
    assert "heldout3" in SPLITS
    assert {t.name for t in templates_for("heldout3")} == HELDOUT3
    for split in ("sample", "tuning", "heldout", "heldout2"):
        assert not HELDOUT3 & {t.name for t in templates_for(split)}
    assert all(TEMPLATES[n].split == "heldout3" and not TEMPLATES[n].heldout for n in HELDOUT3)


def test_heldout3_templates_share_no_wording_set_or_renderer_with_other_templates():
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT3]
    mine = [TEMPLATES[n] for n in HELDOUT3]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == 4


def test_heldout3_truth_complete_and_only_new_templates(heldout3_files):
    assert len(heldout3_files) == 6
    for path in heldout3_files:
        assert path.exists()
        truth = truth_of(path)
        assert set(truth) == TRUTH_KEYS
        assert truth["split"] == "heldout3"
        assert template_of(truth) in HELDOUT3
        assert truth["layout"] == TEMPLATES[template_of(truth)].style
        if truth["is_baulast"]:
            assert truth["municipality"] and truth["register_number"] and truth["parcels"]
            assert all(set(p) == PARCEL_KEYS for p in truth["parcels"])
            assert all(set(e) == ENTRY_KEYS for e in truth["entries"])
            assert truth["date"] == truth["entries"][0]["registered_on"]
            assert 1 <= truth["sheet_page"] <= truth["pages"]
        else:
            assert truth["register_number"] is None and truth["sheet_page"] is None


def test_heldout3_is_deterministic(heldout3_files, tmp_path):
    again = generate(tmp_path, "heldout3", 6, 4)
    assert digest(again) == digest(heldout3_files)


def test_heldout3_specs_mix_templates_qualities_and_formats():
    rng = random.Random("specs:heldout3:5")
    specs = [random_spec(rng, "heldout3", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT3
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)


def test_other_splits_draw_the_same_templates_as_before():
    assert spec_templates("tuning", 11, 30) == TUNING_SEED_11
    assert spec_templates("heldout", 7, 10) == HELDOUT_SEED_7
    assert spec_templates("heldout2", 3, 10) == HELDOUT2_SEED_3


@pytest.mark.parametrize("split,seed", sorted(TRUTH_SHA))
def test_other_splits_write_the_same_truth_as_before(split, seed, tmp_path):
    paths = generate(tmp_path, split, 2, seed)
    got = [hashlib.sha256(p.with_name(p.stem + ".truth.json").read_bytes()).hexdigest() for p in paths]
    assert got == TRUTH_SHA[(split, seed)]


@pytest.mark.parametrize("name", sorted(HELDOUT3))
def test_heldout3_sheet_fits_a_crowded_record(name):
    """Three entries, three parcels on two Flure and a deletion still fit on the sheet."""
    tpl, rng, a = crowded_akte(name)
    img, distractors = render_sheet(a, tpl, 200, rng, 1)
    assert img.size[0] > 1000 and "aktenzeichen" in distractors
