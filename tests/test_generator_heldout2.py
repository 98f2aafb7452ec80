"""The scan generator's heldout2 split: only its own templates, complete truth, deterministic output,
and the tuning/heldout splits unchanged by it."""

from __future__ import annotations

import json

import pytest

from sample_scans.generate import generate
from sample_scans.synth.layouts import TEMPLATES, templates_for
from sample_scans.synth.sheets import render_sheet
from tests.generator_splits import (
    ENTRY_KEYS,
    HELDOUT_SEED_7,
    PARCEL_KEYS,
    TRUTH_KEYS,
    TUNING_SEED_11,
    crowded_akte,
    digest,
    spec_templates,
    template_of,
)

HELDOUT2 = {"tw_k", "cp_k", "mg_k", "dm_k"}


@pytest.fixture(scope="module")
def heldout2_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout2")
    return generate(out, "heldout2", 6, 3)


def test_heldout2_templates_are_bound_to_their_split():
    assert {t.name for t in templates_for("heldout2")} == HELDOUT2
    for split in ("sample", "tuning", "heldout"):
        assert not HELDOUT2 & {t.name for t in templates_for(split)}
    assert all(TEMPLATES[n].split == "heldout2" and not TEMPLATES[n].heldout for n in HELDOUT2)


def test_heldout2_truth_complete_and_only_new_templates(heldout2_files):
    assert len(heldout2_files) == 6
    for path in heldout2_files:
        assert path.exists()
        truth = json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))
        assert set(truth) == TRUTH_KEYS
        assert truth["split"] == "heldout2"
        assert template_of(truth) in HELDOUT2
        assert truth["layout"] == TEMPLATES[template_of(truth)].style
        if truth["is_baulast"]:
            assert truth["municipality"] and truth["register_number"] and truth["parcels"]
            assert all(set(p) == PARCEL_KEYS for p in truth["parcels"])
            assert all(set(e) == ENTRY_KEYS for e in truth["entries"])
            assert truth["date"] == truth["entries"][0]["registered_on"]
            assert 1 <= truth["sheet_page"] <= truth["pages"]
        else:
            assert truth["register_number"] is None and truth["sheet_page"] is None


def test_heldout2_is_deterministic(heldout2_files, tmp_path):
    again = generate(tmp_path, "heldout2", 6, 3)
    assert digest(again) == digest(heldout2_files)


def test_other_splits_draw_the_same_templates_as_before():
    assert spec_templates("tuning", 11, 30) == TUNING_SEED_11
    assert spec_templates("heldout", 7, 10) == HELDOUT_SEED_7


def test_tuning_files_use_the_recorded_templates(tmp_path):
    paths = generate(tmp_path, "tuning", 3, 11)
    names = [template_of(json.loads(p.with_name(p.stem + ".truth.json").read_text(encoding="utf-8"))) for p in paths]
    assert names == TUNING_SEED_11[:3]


@pytest.mark.parametrize("name", sorted(HELDOUT2))
def test_heldout2_sheet_fits_a_crowded_record(name):
    """Three entries, three parcels on two Flure and a deletion still fit on the sheet."""
    tpl, rng, a = crowded_akte(name)
    img, distractors = render_sheet(a, tpl, 200, rng, 1)
    assert img.size[0] > 1000 and {"aktenzeichen", "page_number"} <= distractors
