"""The scan generator's dev split: only its own templates, complete truth, deterministic output, continuation
pages of the sheet, and the sample/tuning/heldout/heldout2/heldout3 splits unchanged by it."""

from __future__ import annotations

import hashlib
import random
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, SPLITS, TEMPLATES, templates_for
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_dev import part_entries
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

DEV = {"tw_v", "tw_w", "mg_v", "cp_v"}

# The sha256 of the older splits' first truth files, recorded before this split existed (the truth
# depends only on the seeded draws, not on Pillow).
TRUTH_SHA = {
    ("tuning", 11): ["ff7b2ec0555019dcb1d9f8f26ae425c64ae23f2d5403274ae0b706026767d6ee",
                     "9998edc6f022f7721eb35a7b4b1052fd4d3eb14aae1dba269a0cb777093f4818"],
    ("heldout2", 3): ["eb3ce72861423a29719796942b8608c9abc92395fa325dd2f6b142ba01162d50",
                      "2456adb45410dd4f6b352e15b122b4b451e7d2208208c16b836a3499e6772717"],
    ("heldout3", 5): ["3984d1d219fc0b6c6d874668d0d9a414463ef45dcdc32af1e70caa8eed28fb93",
                      "95567910663b648d200d849284dffc6fc7d5208d5c3e7b6117f53df53f6a3eae"],
}


@pytest.fixture(scope="module")
def dev_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("dev")
    return generate(out, "dev", 6, 4)


def test_dev_templates_are_bound_to_their_split():
    assert "dev" in SPLITS
    assert {t.name for t in templates_for("dev")} == DEV
    for split in ("sample", "tuning", "heldout", "heldout2", "heldout3"):
        assert not DEV & {t.name for t in templates_for(split)}
    assert all(TEMPLATES[n].split == "dev" and not TEMPLATES[n].heldout for n in DEV)


def test_dev_templates_share_no_wording_set_or_renderer_with_other_templates():
    others = [t for t in TEMPLATES.values() if t.name not in DEV]
    mine = [TEMPLATES[n] for n in DEV]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == 4
    # the register number's label is worded differently from every other template's
    assert not {LABELS[t.labels]["number"] for t in mine} & {LABELS[t.labels]["number"] for t in others}
    assert any(t.landscape for t in mine) and any(not t.landscape for t in mine)


def test_dev_truth_complete_and_only_new_templates(dev_files):
    assert len(dev_files) == 6
    continued = 0
    for path in dev_files:
        assert path.exists()
        truth = truth_of(path)
        assert set(truth) == TRUTH_KEYS
        assert truth["split"] == "dev"
        assert template_of(truth) in DEV
        assert truth["layout"] == TEMPLATES[template_of(truth)].style
        if truth["is_baulast"]:
            assert truth["municipality"] and truth["register_number"] and truth["parcels"]
            assert all(set(p) == PARCEL_KEYS for p in truth["parcels"])
            assert all(set(e) == ENTRY_KEYS for e in truth["entries"])
            assert truth["date"] == truth["entries"][0]["registered_on"]
            assert 1 <= truth["sheet_page"] <= truth["pages"]
            if "sheet, sheet_cont" in truth["notes"]:  # the sheet's second page follows it
                continued += 1
                assert truth["sheet_page"] < truth["pages"] and len(truth["entries"]) >= 2
        else:
            assert truth["register_number"] is None and truth["sheet_page"] is None
    assert continued >= 1


def test_dev_is_deterministic(dev_files, tmp_path):
    again = generate(tmp_path, "dev", 6, 4)
    assert digest(again) == digest(dev_files)


def test_dev_specs_mix_templates_qualities_formats_and_continuations():
    rng = random.Random("specs:dev:9")
    specs = [random_spec(rng, "dev", i + 1) for i in range(200)]
    assert {s.template for s in specs} == DEV
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    cont = [s for s in specs if "sheet_cont" in s.pages]
    assert cont and {s.template for s in cont} == DEV
    for s in cont:
        assert s.pages.index("sheet_cont") == s.pages.index("sheet") + 1 and s.fmt in ("pdf", "tiff")
        assert s.content["n_entries"] in (2, 3)


def test_other_splits_draw_the_same_templates_as_before():
    assert spec_templates("tuning", 11, 30) == TUNING_SEED_11
    assert spec_templates("heldout", 7, 10) == HELDOUT_SEED_7
    assert spec_templates("heldout2", 3, 10) == HELDOUT2_SEED_3
    for split in ("tuning", "heldout", "heldout2", "heldout3"):
        rng = random.Random(f"specs:{split}:1")
        assert not any("sheet_cont" in random_spec(rng, split, i + 1).pages for i in range(200))


@pytest.mark.parametrize("split,seed", sorted(TRUTH_SHA))
def test_other_splits_write_the_same_truth_as_before(split, seed, tmp_path):
    paths = generate(tmp_path, split, 2, seed)
    got = [hashlib.sha256(p.with_name(p.stem + ".truth.json").read_bytes()).hexdigest() for p in paths]
    assert got == TRUTH_SHA[(split, seed)]


def test_a_continued_sheet_splits_its_entries():
    rng = random.Random(1)
    a = content.make_akte(rng, (1970, 1990), gemarkungen(), n_entries=3)
    first, more = part_entries(a, (1, 2))
    rest, after = part_entries(a, (2, 2))
    assert more and not after and first + rest == a.entries and len(first) == 2
    assert part_entries(a, None) == (a.entries, False)


@pytest.mark.parametrize("name", sorted(DEV))
def test_dev_sheet_fits_a_crowded_record(name):
    """Three entries, three parcels on two Flure and a deletion still fit on the sheet, also over two pages."""
    tpl, rng, a = crowded_akte(name)
    img, distractors = render_sheet(a, tpl, 200, rng, 1)
    assert img.size[0] > 1000 and "aktenzeichen" in distractors
    assert (img.size[0] > img.size[1]) == tpl.landscape
    for i in (1, 2):
        img, distractors = render_sheet(a, tpl, 200, rng, i, part=(i, 2))
        assert img.size[0] > 1000
    assert "page_number" in distractors  # a continuation page says which page it is
