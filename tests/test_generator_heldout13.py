"""The scan generator's heldout13 split: only its own five templates, all of them in a small corpus, complete and
consistent truth, deterministic output; every truth value printed on the sheet where the template puts it; the dates
around the entries off their registration days; the older splits unchanged by it. Whoever tunes extraction must not
read this file (see sample_scans/README.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, SPLITS, TEMPLATES
from sample_scans.synth.sheets import RENDERERS, render_sheet
from sample_scans.synth.sheets_thirteenth import (
    MONTHS,
    THIRTEENTH_RENDERERS,
    THIRTEENTH_TEMPLATES,
    WEEKDAYS,
    ascii_upper,
    card_fields,
    consecutive,
    fst_list,
    groups,
    holes,
    pick,
    registered,
    screen_rows,
    sheet_dates,
    spread,
)
from tests.generator_splits import (
    assert_bound_to_split,
    assert_corpus,
    assert_imports_first,
    check_truth,
    crowded_akte,
    digest,
    drawn_text,
    specs_and_aktes,
)

HELDOUT13 = {"fc_x13", "pc_x13", "sh_x13", "hl_x13", "wp_x13"}
SEED, COUNT = 25, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen
STYLES = ("plain", "dotted", "zero", "suffix", "suffix_tight")

# Recorded before this split existed: the sha256 of repr() of each older split's first 12 specs (seed 9), and of the
# first file and its truth (seed 4) of the split before it.
SPEC_SHA_9 = {
    "sample": "58beb1b0982db1256983394e3c6c3f6b7e768b176f07763e30482dc6920e463a",
    "tuning": "8a10b3571d1ce9493fe7faae782076b6aa8f37bcf84677bda2abadeef7cb101c",
    "heldout": "d1f080e1d2cc957a0e8b460c7a18270dbc9aec634f52a3bb9dd7b3fd728eb467",
    "heldout2": "c1d10923812f2dce363b769ba50114a5a63fb2286ed2670a23996201ffd5823f",
    "heldout3": "78a38d485d751cddc1efe4ee22fd2638479df03b02b9b37e12ec2314765a6da8",
    "dev": "65b9f6a3b8eedde9d2e7f44e32e61ce880364aef4d8800a8a657f62579560642",
    "heldout4": "9d184a48e2281bc294b8025506eed0ead7f207cf588d39f1de6e5ce6e51fdf5e",
    "dev2": "c38e2193ae0e503f5a787090a261f37a8191574f6584951586ea743b2c88ef11",
    "dev3": "635a43d22b70f5f76b9eeebf34855b4fd6417242f8a060e62815e2398a3316cc",
    "dev4": "0f8f44326393ce8c5bc216cbb85fa8408c903b834e925a479a4ffd850194f29a",
    "dev5": "9e1165f79504a0913445e96fd2deb9ac39f7e19f04258c160098b260c4a389d0",
    "dev6": "46b87bcd6b59894d3f65cd9ee21a046c3343ca41819ada98c81705e2494da7ca",
    "heldout5": "8cc4edbc5d60ee0d35c0c9e29746bf9ed1b0e81580f7562da2de45ab05b64009",
    "dev7": "4a6f666e339732bfd6dfc9bca5315c766f860d329d74f2d0d6e4b6dccc080970",
    "heldout6": "25699fd92af7b359fccdc065b218aafc6368155bef16df73d9adb99d872b0048",
    "dev8": "22b30ea76d0852abd0357d4ecc665520550942e71c9903f229fbcfc9660ae4ad",
    "heldout7": "163aec0433e3215f3c2a2d478049275c418e5b8a46a1d7a6d4825e92dcbc0f1c",
    "heldout8": "3a94e32eb3d00996c730205234fa8c629c8e79bfef2f396662c5c160c8674be0",
    "heldout9": "af7d3f8211f1c959fa532c43e05dacbd450ebcc7e7c87b8b40893248fe48309f",
    "heldout10": "a727d58ba4294da68dce720f48761e19e16fbfa230e2940353c856a5e59f4d30",
    "heldout11": "c07531681a9e13c125d3316b12b732f040fb6ac184197fdc467a3c7524c21049",
    "heldout12": "e123ab8464efa8b8c8de5f7891358f4ce4334f5b806d635975d72dabbea1c649",
}
OLDER = tuple(SPEC_SHA_9)
FILE_SHA_4 = {
    "heldout12": ("09f9026ab4fbad60f3b749a391d24642ddebfa00bb0b1d22bad69a323d5e0f6a",
                  "b38e4d9f2a96c9c1bad0568dffbeefdb351d956d30986f5004e89e057af0c7fa"),
}


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def two_digit_year(y: str) -> int:
    return int(y) if len(y) == 4 else int(y) + (1900 if int(y) > 30 else 2000)


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12.3.87', '12.3.1987', '12. März 1987',
    'Donnerstag, 12. März 1987' or '870312'."""
    if m := re.fullmatch(r"(\d\d)(\d\d)(\d\d)", shown):
        return dt.date(two_digit_year(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", shown):
        return dt.date(two_digit_year(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(?:(\w+), )?(\d{1,2})\. (\S+) (\d{4})", shown):
        day = dt.date(int(m[4]), MONTHS.index(m[3]) + 1, int(m[2]))
        assert m[1] is None or WEEKDAYS.index(m[1]) == day.weekday()
        return day
    raise ValueError(shown)


def aktes(name: str, n: int, salt: str, two: bool = True, run: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1,
                                                                              "run": run}) for _ in range(n)]


def card_values(a, tpl) -> dict[str, list[str]]:
    """Each card field's head and the values punched under it, over the whole deck."""
    out: dict[str, list[str]] = {}
    for _, fields in card_fields(a, tpl):
        for _, _, head, value in fields:
            out.setdefault(head, []).append(value.strip())
    return out


# where each template prints the register number, the parcels and each entry's Eintragungsdatum
def number_phrase(name: str, a) -> str:
    tpl = TEMPLATES[name]
    shown = a.register_display
    return {"fc_x13": shown, "sh_x13": f"{tpl.label('number')}: {shown}"}.get(name, f"{tpl.label('number')} {shown}")


def parcel_phrases(name: str, a) -> list[str]:
    tpl = TEMPLATES[name]
    L = tpl.label
    if name == "fc_x13":
        return [g for g, _, _ in groups(a)] + [p.flurstueck for p in a.parcels]
    if name == "sh_x13":
        return [f"{p.gemarkung} {p.flur} {p.flurstueck}" for p in a.parcels]
    if name == "hl_x13":
        out = [f"{L('gem')} {g}" for g, _, _ in groups(a)]
        for _, flur, fst in groups(a):
            word = L("fsts") if len(fst) > 1 else L("fst")
            out.append(f"{L('flur')} {flur}: {word} {fst_list(fst)}")
        return out
    return [f"Gemarkung {p.gemarkung} · Flur {p.flur} · Flurstück {p.flurstueck}" for p in a.parcels]


def reg_phrase(name: str, a, n: int, shown: str) -> str:
    tpl = TEMPLATES[name]
    decl = sheet_dates(a, tpl).one("declaration_date", n)
    if name in ("fc_x13", "sh_x13"):
        return f"{decl.shown} {shown}"
    if name == "hl_x13":
        return f"{pick(a, 'x13hl_reglabel', tpl.label('reg'))} {shown}"
    return f"{pick(a, 'x13wp_reglabel', tpl.label('regs'))} {shown}"


@pytest.fixture(scope="module")
def heldout13_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout13"), "heldout13", COUNT, SEED)


def test_heldout13_templates_are_bound_to_their_split():
    assert HELDOUT13 == set(THIRTEENTH_TEMPLATES)
    assert SPLITS[:SPLITS.index("heldout13")] == OLDER  # the splits before it, as recorded; later ones after it
    assert_bound_to_split("heldout13", HELDOUT13, THIRTEENTH_RENDERERS, OLDER)


def test_heldout13_templates_share_no_wording_set_renderer_or_number_label_with_other_templates():
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT13]
    mine = [TEMPLATES[n] for n in HELDOUT13]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == len(mine) == 5
    assert set(THIRTEENTH_RENDERERS) == {t.renderer for t in mine}
    theirs = {LABELS[t.labels]["number"].upper().rstrip(":. ") for t in others}
    ours = [LABELS[t.labels]["number"].upper().rstrip(":. ") for t in mine]
    assert len(set(ours)) == len(ours) and not set(ours) & theirs
    assert all(RENDERERS[t.renderer] is THIRTEENTH_RENDERERS[t.renderer] for t in mine)


def test_heldout13_files_truth_complete_consistent_and_all_five_templates(heldout13_files):
    assert_corpus(heldout13_files, "heldout13", HELDOUT13, COUNT)
    assert all(p.stat().st_size > 10_000 for p in heldout13_files)


def test_every_heldout13_truth_is_its_aktes(heldout13_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (never the
    benefiting parcel; the first entry's day as the date); the sheet's planned dates are among the distractors."""
    truths = {p.name: check_truth(p, "heldout13", HELDOUT13) for p in heldout13_files}
    two = 0
    for spec, a in specs_and_aktes("heldout13", SEED, COUNT):
        a = spread(a, spec.content)
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert a.benefit is None or a.benefit.to_json() not in truth["parcels"]
        assert truth["register_number"] == a.register_number
        assert truth["municipality"] == a.municipality
        assert truth["date"] == a.entries[0].registered_on.isoformat()
        assert sheet_dates(a, TEMPLATES[spec.template]).kinds() <= set(truth["distractors"])
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 1


def test_consecutive_numbers_a_flurs_parcels_one_after_the_other_and_their_texts_with_them():
    tpl = TEMPLATES["hl_x13"]
    changed = 0
    for i in range(20):
        rng = random.Random(f"run13:{i}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), n_parcels=3, two_flure=False, n_entries=2,
                              first_type="Vereinigungsbaulast")
        before = [p.flurstueck for p in a.parcels]
        assert [p.flurstueck for p in consecutive(a, {}).parcels] == before
        a = consecutive(a, {"run": True})
        nums = [p.flurstueck for p in a.parcels]
        if nums != before:
            changed += 1
            assert [int(n) - int(nums[0]) for n in nums] == [0, 1, 2]
            assert all(p.phrase() in a.entries[0].text for p in a.parcels)
            assert fst_list(nums) == f"{nums[0]}–{nums[2]}"
    assert changed >= 15


@pytest.mark.parametrize("name", sorted(HELDOUT13))
def test_heldout13_dates_read_back_and_keep_off_registration_days(name):
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates13", n_entries=3, deleted=True) + aktes(name, 10, "dates13b", two=False):
        sd = sheet_dates(a, tpl)
        assert {n: read_date(s) for n, s in sd.registered.items()} == {e.lfd_nr: e.registered_on for e in a.entries}
        taken = {e.registered_on for e in a.entries} | {e.deleted_on for e in a.entries if e.deleted_on}
        for m in sd.mentions:
            assert read_date(m.shown) == m.day, m
            assert m.shown in m.text, m
            if m.kind == "deletion_date":
                assert m.day == a.entries[m.lfd_nr - 1].deleted_on
            else:
                assert m.day not in taken, m
        gone = {m.lfd_nr for m in sd.mentions if m.kind == "deletion_date"}
        assert gone == {e.lfd_nr for e in a.entries if e.deleted_on}


@pytest.mark.parametrize("name", sorted(HELDOUT13 - {"pc_x13"}))
def test_heldout13_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (every number style, the municipality's own register and the Kreis's, parcels
    in one or two Gemarkungen, in a run or not) the sheet holds the register number, the municipality, every parcel,
    every entry's Eintragungsdatum where the template puts it and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print13:{name}")
    for i, style in enumerate(STYLES * 2):
        crowded = {"n_parcels": 3 + i % 2, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        kreis = {"municipality": "Jüchen", "by_kreis": True} if i in (1, 2, 7) else {}
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded, **kreis),
                   {"gemarkungen": 2 if i % 3 else 1, "run": i % 4 != 2})
        text = drawn_text(monkeypatch, a, tpl, dpi=150)
        flat = compact(text)
        assert number_phrase(name, a) in text, (a.register_display, text[:400])
        assert normalized(a.register_display) == content.truth(a)["register_number"]
        assert a.municipality in text
        for phrase in parcel_phrases(name, a):
            assert compact(phrase) in flat, (phrase, text)
        for n, shown in registered(a, tpl).items():
            assert compact(reg_phrase(name, a, n, shown)) in flat, (n, shown)
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout13_cards_punch_every_truth_value():
    """The deck holds the number (five digits and a suffix column), the municipality, a card a parcel with its
    Gemarkung, Flur, Zähler and Nenner, a card an entry with its day as JJMMTT; the holes spell the printed line."""
    tpl = TEMPLATES["pc_x13"]
    L = tpl.label
    rng = random.Random("cards13")
    for i, style in enumerate(STYLES * 2):
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, n_parcels=1 + i % 4,
                                     n_entries=1 + i % 3, deleted=i % 2 == 1),
                   {"gemarkungen": 2 if i % 3 else 1, "run": True})
        v = card_values(a, tpl)
        assert {normalized(s) for s in v[L("number")]} == {a.register_number}
        assert v[L("muni")] == [ascii_upper(a.municipality)]
        rows = list(zip(v[L("gem")], v[L("flur")], v[L("zaehler")], v[L("nenner")]))
        assert rows == [(ascii_upper(p.gemarkung), str(p.flur), *(p.flurstueck.split("/") + [""])[:2])
                        for p in a.parcels]
        assert [read_date(s) for s in v[L("reg")]] == [e.registered_on for e in a.entries]
        assert [read_date(s) if s else None for s in v[L("dele")]] == [e.deleted_on for e in a.entries]
    codes = {c: holes(c) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    assert len(set(codes.values())) == len(codes)


def test_heldout13_layout_details():
    """The screens are 80 characters by 25 rows; the deck is fanned out within the page; every template fits a
    crowded record, turned as it is, naming its planned dates among the distractors."""
    for a in aktes("sh_x13", 10, "screen13", n_parcels=4, n_entries=3):
        screens = screen_rows(a, TEMPLATES["sh_x13"])
        assert len(screens) == 2 and all(len(s) == 25 and {len(r) for r in s} == {80} for s in screens)
    for name in sorted(HELDOUT13):
        tpl, rng, a = crowded_akte(name)
        a = spread(a, {"gemarkungen": 2, "run": True})
        for dpi in (200, 300):
            img, distractors = render_sheet(a, tpl, dpi, rng, 1)
            assert (img.size[0] > img.size[1]) == tpl.landscape
            assert sheet_dates(a, tpl).kinds() <= distractors


def test_heldout13_is_deterministic(heldout13_files, tmp_path):
    again = generate(tmp_path, "heldout13", 2, SEED)
    first = digest(heldout13_files[:2])
    assert digest(again) == first and len(first) == 4


def test_heldout13_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout13:5")
    specs = [random_spec(rng, "heldout13", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT13
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    assert any(s.turns for s in specs) and any(s.stamps for s in specs)
    assert {"decl", "plan", "letter"} <= {k for s in specs for k in s.pages}
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3, 4}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert {s.content["run"] for s in baulast} == {True, False}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    for split in OLDER:
        rng = random.Random(f"specs:{split}:9")
        specs = [random_spec(rng, split, i + 1) for i in range(12)]
        assert hashlib.sha256(repr(specs).encode()).hexdigest() == SPEC_SHA_9[split], split
        rng = random.Random(f"specs:{split}:1")
        assert not {random_spec(rng, split, i + 1).template for i in range(100)} & HELDOUT13, split
    for split, (file_sha, truth_sha) in FILE_SHA_4.items():
        path = generate(tmp_path / split, split, 1, 4)[0]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == file_sha, split
        assert hashlib.sha256(path.with_name(path.stem + ".truth.json").read_bytes()).hexdigest() == truth_sha, split


@pytest.mark.parametrize("first", ["sheets_thirteenth", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout13')) == 5 and 'x13_punch_cards' in RENDERERS\n")
