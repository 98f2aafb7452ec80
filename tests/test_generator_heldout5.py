"""The scan generator's heldout5 split: only its own four templates (all in synth/sheets_fifth.py), complete and
consistent truth, deterministic output, every truth value printed on the sheet, and the older splits unchanged by it.
Whoever tunes extraction must not read this file (see sample_scans/README.md)."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, TEMPLATES
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_dev3 import FORMATS
from sample_scans.synth.sheets_fifth import (
    FIFTH_LABELS,
    FIFTH_RENDERERS,
    FIFTH_TEMPLATES,
    alkis_key,
    registration,
    sheet_dates,
)
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
    spec_templates,
    specs_and_aktes,
    truth_of,
)

HELDOUT5 = {"tw_f5", "cp_f5", "mg_f5", "xx_f5"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6")
SEED, COUNT = 22, 5  # a Baulast on each template, a deletion, a sheet continued on a second page

# Recorded before this split existed: dev6's and heldout4's template draws and the sha256 of dev6's first truth files.
DEV6_SEED_9 = "pb_d6 mg_d6 tw_d6 cp_d6 mg_d6 mg_d6 tw_d6 mg_d6 pb_d6 pb_d6 mg_d6 cp_d6".split()
DEV6_TRUTH_SHA_4 = ["15ad227f68a412c42db07899caa3744d4e02cab7d22eb020d99d7ef2949d2fad",
                    "84c535bb96505aa002374c20a9859f5fe4a22f2489c6b8b89e5776ad0e9cba85"]
HELDOUT4_SEED_4 = "dm_q tw_q mg_q cp_q tw_q mg_q tw_q dm_q mg_q mg_q".split()


def compact(s: str) -> str:
    return "".join(s.split())


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12. 3. 1987', '12.3.87' or
    '12. März 1987'."""
    m = re.fullmatch(r"(\d{1,2})\. ?(\d{1,2})\. ?(\d{2}|\d{4})", shown)
    if m:
        year = int(m[3]) if len(m[3]) == 4 else int(m[3]) + (1900 if int(m[3]) > 30 else 2000)
        return dt.date(year, int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", shown)
    months = [FORMATS["long"](dt.date(2000, k, 1)).split()[1] for k in range(1, 13)]
    return dt.date(int(m[3]), months.index(m[2]) + 1, int(m[1]))


def aktes(name: str, n: int, salt: str, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [content.make_akte(rng, tpl.years, gemarkungen(), **opts) for _ in range(n)]


def printed(monkeypatch, a, tpl, part) -> str:
    """Everything one part of a continued sheet prints, in drawing order."""
    seen: list[str] = []
    text = Page.text
    init = Page.__init__
    monkeypatch.setattr(Page, "__init__", lambda self, *a_, **k: seen.clear() or init(self, *a_, **k))
    monkeypatch.setattr(Page, "text", lambda self, x, y, s, *a_, **k: seen.append(s) or text(self, x, y, s, *a_, **k))
    render_sheet(a, tpl, 150, random.Random(tpl.name), part[0], part=part)
    monkeypatch.undo()
    return " ".join(" ".join(seen).split())


@pytest.fixture(scope="module")
def heldout5_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout5"), "heldout5", COUNT, SEED)


def test_heldout5_templates_are_bound_to_their_split_and_defined_in_their_module():
    assert set(FIFTH_TEMPLATES) == HELDOUT5
    assert_bound_to_split("heldout5", HELDOUT5, FIFTH_RENDERERS, OLDER)
    for n in HELDOUT5:
        assert TEMPLATES[n] is FIFTH_TEMPLATES[n]
        assert LABELS[TEMPLATES[n].labels] is FIFTH_LABELS[TEMPLATES[n].labels]


def test_heldout5_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(HELDOUT5)
    assert {TEMPLATES[n].style for n in HELDOUT5} == {"typewriter_form", "computer_print", "modern_grid"}


def test_heldout5_truth_complete_consistent_and_all_four_templates(heldout5_files):
    assert_corpus(heldout5_files, "heldout5", HELDOUT5, COUNT)
    truths = [check_truth(p, "heldout5", HELDOUT5) for p in heldout5_files]
    continued = [t for t in truths if "sheet_cont" in t["notes"]]
    assert continued and all(t["pages"] >= 2 and "[template cp_f5]" in t["notes"] for t in continued)


def test_heldout5_truth_is_the_content_drawn(heldout5_files):
    """Rebuilt from the seeded draws, each file's truth is its Akte's: number, parcels, municipality, entries; the
    sheet page is where the sheet is; every kind of date the sheet prints is named among the distractors."""
    truths = {p.name: truth_of(p) for p in heldout5_files}
    for spec, a in specs_and_aktes("heldout5", SEED, COUNT):
        truth = truths[spec.name]
        assert {k: truth[k] for k in content.truth(a)} == content.truth(a)
        if a.is_baulast:
            assert truth["sheet_page"] == spec.pages.index("sheet") + 1
            assert sheet_dates(a, TEMPLATES[spec.template]).kinds() <= set(truth["distractors"])


@pytest.mark.parametrize("name", sorted(HELDOUT5))
def test_heldout5_dates_read_back_and_keep_off_registration_days(name):
    """Each entry's registration as printed reads back as its day; every other date the sheet prints reads back as its
    own day, is on no registration or deletion day unless it is that entry's deletion."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates5", n_entries=3, deleted=True) + aktes(name, 10, "dates5b"):
        sd = sheet_dates(a, tpl)
        assert {n: read_date(s) for n, s in sd.registered.items()} == {e.lfd_nr: e.registered_on for e in a.entries}
        taken = {e.registered_on for e in a.entries} | {e.deleted_on for e in a.entries if e.deleted_on}
        for m in sd.mentions:
            shown = re.sub(r"^\D*", "", m.shown)
            assert read_date(shown) == m.day, m
            if m.kind == "deletion_date":
                assert m.day == a.entries[m.lfd_nr - 1].deleted_on
            else:
                assert m.day not in taken, m
        gone = {m.lfd_nr for m in sd.mentions if m.kind == "deletion_date"}
        assert gone == {e.lfd_nr for e in a.entries if e.deleted_on}


@pytest.mark.parametrize("name", sorted(HELDOUT5))
def test_heldout5_sheets_print_every_truth_value(name, monkeypatch):
    """On crowded and plain records the rendered sheet holds the register number, the municipality, the Gemarkung,
    every Flur and Flurstück, every entry's registration phrase and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print5:{name}")
    for i in range(4):
        crowded = {"n_parcels": 3, "two_flure": True, "n_entries": 3, "deleted": True} if i % 2 else {}
        a = content.make_akte(rng, tpl.years, gemarkungen(), number_style=rng.choice(("plain", "suffix", "zero")),
                              **crowded)
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        assert a.register_display in text
        assert a.municipality in text and a.parcels[0].gemarkung in text
        assert all(p.flurstueck in text and str(p.flur) in text for p in a.parcels)
        for e in a.entries:
            assert compact(registration(a, tpl, e)) in flat, e.lfd_nr
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, (m.kind, m.text)


def test_heldout5_continued_sheet_splits_its_entries_over_two_pages(monkeypatch):
    """A continued sheet prints the first half of the entries (rounded up) on its first page, the rest on the second,
    and the register number on both; the parcels only on the first."""
    tpl = TEMPLATES["cp_f5"]
    for a in aktes("cp_f5", 3, "cont5", n_entries=3, deleted=True, n_parcels=2):
        one, two = printed(monkeypatch, a, tpl, (1, 2)), printed(monkeypatch, a, tpl, (2, 2))
        reg = sheet_dates(a, tpl).registered
        assert reg[1] in one and reg[2] in one and reg[3] not in one
        assert reg[3] in two and reg[1] not in two
        assert a.register_display in one and a.register_display in two
        assert a.parcels[1].flurstueck in one and f"Flurstück {a.parcels[1].flurstueck}" not in two


def test_heldout5_alkis_keys_encode_the_parcel():
    assert alkis_key("Zons", 3, "123/4")[6:] == "003001230004__"
    assert alkis_key("Zons", 12, "7")[6:] == "01200007______"
    for a in aktes("mg_f5", 10, "keys5", n_parcels=3):
        for p in a.parcels:
            key = alkis_key(p.gemarkung, p.flur, p.flurstueck)
            assert len(key) == 20 and key.startswith("05")
            assert int(key[6:9]) == p.flur and int(key[9:14]) == int(p.flurstueck.split("/")[0])


def test_heldout5_is_deterministic(heldout5_files, tmp_path):
    again = generate(tmp_path, "heldout5", COUNT, SEED)
    assert digest(again) == digest(heldout5_files)


def test_heldout5_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout5:5")
    specs = [random_spec(rng, "heldout5", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT5
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    continued = [s for s in specs if "sheet_cont" in s.pages]
    assert continued and all(s.template == "cp_f5" and s.fmt in ("pdf", "tiff") for s in continued)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path, "dev6", DEV6_SEED_9, DEV6_TRUTH_SHA_4, OLDER, HELDOUT5)
    assert spec_templates("heldout4", 4, len(HELDOUT4_SEED_4)) == HELDOUT4_SEED_4


@pytest.mark.parametrize("first", ["sheets_fifth", "sheets_dev6", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout5')) == 4 and 'carbon_copy' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT5))
def test_heldout5_sheet_fits_a_crowded_record(name):
    assert_crowded_fits(name, sheet_dates)


@pytest.mark.parametrize("name", sorted(HELDOUT5))
@pytest.mark.parametrize("style", ["plain", "dotted", "zero", "suffix", "suffix_tight"])
def test_heldout5_sheet_renders_every_number_style_and_authority(name, style):
    tpl = TEMPLATES[name]
    for by_kreis in (False, True):
        rng = random.Random(f"{name}:{style}:{by_kreis}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), municipality="Jüchen", by_kreis=by_kreis,
                              number_style=style)
        img, _ = render_sheet(a, tpl, 150, rng, 1)
        assert img.getextrema()[0] < 100  # something was drawn
