"""The scan generator's dev2 split: only its own templates, complete truth, deterministic output, continuation
pages of the sheet, numbers printed in ways that normalize to the truth, and the sample/tuning/heldout/heldout2/
heldout3/dev splits unchanged by it."""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import TEMPLATES
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_dev2 import DEV2_RENDERERS, DEV2_TEMPLATES, number_shown, period_authority
from tests.generator_splits import (
    HELDOUT2_SEED_3,
    HELDOUT_SEED_7,
    TUNING_SEED_11,
    assert_bound_to_split,
    assert_imports_first,
    assert_own_wordings,
    check_truth,
    crowded_akte,
    digest,
    spec_templates,
    template_of,
)

DEV2 = {"tw_d2", "dm_d2", "cp_d2", "mg_d2"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev")

# Recorded before this split existed: the dev split's template draws and the sha256 of the older splits' first
# truth files (the truth depends only on the seeded draws, not on Pillow).
DEV_SEED_4 = "mg_v cp_v tw_v tw_w cp_v cp_v cp_v tw_w tw_w tw_v mg_v cp_v".split()
HELDOUT3_SEED_5 = "dm_m dm_m cp_m dm_m dm_m dm_m mg_m dm_m dm_m cp_m".split()
TRUTH_SHA = {
    ("tuning", 11): ["ff7b2ec0555019dcb1d9f8f26ae425c64ae23f2d5403274ae0b706026767d6ee",
                     "9998edc6f022f7721eb35a7b4b1052fd4d3eb14aae1dba269a0cb777093f4818"],
    ("heldout2", 3): ["eb3ce72861423a29719796942b8608c9abc92395fa325dd2f6b142ba01162d50",
                      "2456adb45410dd4f6b352e15b122b4b451e7d2208208c16b836a3499e6772717"],
    ("heldout3", 5): ["3984d1d219fc0b6c6d874668d0d9a414463ef45dcdc32af1e70caa8eed28fb93",
                      "95567910663b648d200d849284dffc6fc7d5208d5c3e7b6117f53df53f6a3eae"],
    ("dev", 4): ["6b5414ab15e033a48e0982a2017eb4d53110e6195ceb0c1f76269224d2f8aaab",
                 "ef1e65fa84bc8ca32c0f590ac906d95098be97a0e23a67b92df6ff4504251fc6"],
}


@pytest.fixture(scope="module")
def dev2_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("dev2")
    return generate(out, "dev2", 7, 4)


def test_dev2_templates_are_bound_to_their_split():
    assert DEV2 == set(DEV2_TEMPLATES)
    assert_bound_to_split("dev2", DEV2, DEV2_RENDERERS, OLDER)


def test_dev2_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(DEV2)
    assert len({TEMPLATES[n].style for n in DEV2}) == 4


def test_dev2_truth_complete_and_only_new_templates(dev2_files):
    assert len(dev2_files) == 7
    continued, used = 0, set()
    for path in dev2_files:
        truth = check_truth(path, "dev2", DEV2, always=("aktenzeichen", "benefiting_parcel"))
        if truth["is_baulast"]:
            used.add(template_of(truth))
            if "sheet, sheet_cont" in truth["notes"]:  # the sheet's second page follows it
                continued += 1
                assert truth["sheet_page"] < truth["pages"] and len(truth["entries"]) >= 2
    assert continued >= 1 and used == DEV2


def test_dev2_is_deterministic(dev2_files, tmp_path):
    again = generate(tmp_path, "dev2", 7, 4)
    assert digest(again) == digest(dev2_files)


def test_dev2_specs_mix_templates_qualities_formats_parcels_and_continuations():
    rng = random.Random("specs:dev2:9")
    specs = [random_spec(rng, "dev2", i + 1) for i in range(300)]
    assert {s.template for s in specs} == DEV2
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3}
    assert any(s.content["two_flure"] for s in baulast)
    assert {s.content["number_style"] for s in baulast} == {"plain", "dotted", "zero", "suffix", "suffix_tight"}
    cont = [s for s in specs if "sheet_cont" in s.pages]
    assert cont and {s.template for s in cont} == DEV2
    for s in cont:
        assert s.pages.index("sheet_cont") == s.pages.index("sheet") + 1 and s.fmt in ("pdf", "tiff")
        assert s.content["n_entries"] in (2, 3)


def test_other_splits_draw_the_same_templates_as_before():
    assert spec_templates("tuning", 11, 30) == TUNING_SEED_11
    assert spec_templates("heldout", 7, 10) == HELDOUT_SEED_7
    assert spec_templates("heldout2", 3, 10) == HELDOUT2_SEED_3
    assert spec_templates("heldout3", 5, 10) == HELDOUT3_SEED_5
    assert spec_templates("dev", 4, 12) == DEV_SEED_4
    for split in OLDER[1:]:
        rng = random.Random(f"specs:{split}:1")
        specs = [random_spec(rng, split, i + 1) for i in range(200)]
        assert not any("number_style" in s.content or "n_parcels" in s.content for s in specs)


@pytest.mark.parametrize("split,seed", sorted(TRUTH_SHA))
def test_other_splits_write_the_same_truth_as_before(split, seed, tmp_path):
    paths = generate(tmp_path, split, 2, seed)
    got = [hashlib.sha256(p.with_name(p.stem + ".truth.json").read_bytes()).hexdigest() for p in paths]
    assert got == TRUTH_SHA[(split, seed)]


@pytest.mark.parametrize("style", ["plain", "dotted", "zero", "suffix", "suffix_tight"])
def test_every_printed_number_reads_back_as_the_truth(style):
    """However a dev2 sheet prints the number ('1.234', '0042', '512 A', '512-a', '0512A'), taking away the
    thousands dot, spaces, hyphen and leading zeros and lowering the suffix gives the truth's number."""
    rng = random.Random(style)
    for _ in range(20):
        a = content.make_akte(rng, (1980, 2000), gemarkungen(), number_style=style)
        for how in ("display", "upper", "hyphen", "edv"):
            shown = number_shown(a, how)
            assert re.sub(r"[. -]", "", shown).lstrip("0").lower() == a.register_number, (how, shown)


def test_period_authority_names_the_head_of_the_day():
    rng = random.Random(3)
    a = content.make_akte(rng, (1970, 1980), gemarkungen(), municipality="Jüchen", by_kreis=False)
    assert period_authority(a, 1975)[1] == "Der Gemeindedirektor" and period_authority(a, 2005) == a.authority
    k = content.make_akte(rng, (1970, 1980), gemarkungen(), municipality="Rommerskirchen", by_kreis=True)
    assert period_authority(k, 1980)[0] == "Kreis Neuss" and period_authority(k, 2001)[0] == "Kreis Neuss"
    assert period_authority(k, 2010)[0] == "Rhein-Kreis Neuss"
    assert "Der Landrat" not in period_authority(k, 1990)


@pytest.mark.parametrize("first", ["sheets_dev2", "sheets_dev", "sheets_more", "layouts", "sheets"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('dev2')) == 4 and 'form_boxes' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(DEV2))
def test_dev2_sheet_fits_a_crowded_record(name):
    """Three entries, three parcels on two Flure and a deletion still fit on the sheet, also over two pages."""
    tpl, rng, a = crowded_akte(name)
    img, distractors = render_sheet(a, tpl, 200, rng, 1)
    assert img.size[0] > 1000 and "aktenzeichen" in distractors
    assert (img.size[0] > img.size[1]) == tpl.landscape
    for i in (1, 2):
        img, distractors = render_sheet(a, tpl, 200, rng, i, part=(i, 2))
        assert img.size[0] > 1000
    assert "page_number" in distractors  # a continuation page says which page it is
