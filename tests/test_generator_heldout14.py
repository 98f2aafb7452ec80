"""The scan generator's heldout14 split: only its own five templates, all of them in a small corpus, complete and
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
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import RENDERERS, render_sheet
from sample_scans.synth.sheets_dev2 import type_shown, words_list
from sample_scans.synth.sheets_fourteenth import (
    FOURTEENTH_RENDERERS,
    FOURTEENTH_TEMPLATES,
    MONTHS,
    ROMAN,
    TELEX_LINE,
    TELEX_UNTIL,
    ascii_upper,
    era,
    groups,
    neighbour_numbers,
    number_shown,
    registered,
    sheet_dates,
    spread,
    telex_lines,
)
from tests.generator_splits import (
    assert_bound_to_split,
    assert_corpus,
    assert_crowded_fits,
    assert_imports_first,
    check_truth,
    digest,
    drawn_text,
    specs_and_aktes,
)

HELDOUT14 = {"al_x14", "cb_x14", "vh_x14", "fs_x14", "vf_x14"}
SEED, COUNT = 29, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen
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
    "heldout13": "38b5282fd6388a5cc3de50bd67a4bc38c3a33b5621fe7227b563ae86a37d6482",
}
OLDER = tuple(SPEC_SHA_9)
FILE_SHA_4 = {
    "heldout13": ("513ec24dcc87bfb1127411f8238f27bd1b07e68e1a09b467e924df1d4db81710",
                  "95b3dbf3623e01df5ed8214d4cce4d3b2164c998d25078d406264a46d0444f33"),
}


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def two_digit_year(y: str) -> int:
    return int(y) if len(y) == 4 else int(y) + (1900 if int(y) > 30 else 2000)


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12. März 1987', '12.III.1987',
    '12.III.87' or '12. 03. 1987'."""
    if m := re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})", shown):
        return dt.date(two_digit_year(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})\.([IVX]+)\.(\d{2}|\d{4})", shown):
        return dt.date(two_digit_year(m[3]), ROMAN.index(m[2]) + 1, int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})\. (\S+) (\d{4})", shown):
        return dt.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    raise ValueError(shown)


def draws_of(name: str, two: bool = True) -> dict:
    """What a file's draws ask of ``spread`` for this template: two Gemarkungen or one, a telex's years."""
    return {"gemarkungen": 2 if two else 1, **({"until": TELEX_UNTIL} if name == "fs_x14" else {})}


def aktes(name: str, n: int, salt: str, two: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), draws_of(name, two)) for _ in range(n)]


# where each template prints the register number, the municipality, the parcels and each entry's Eintragungsdatum
def number_phrase(name: str, a) -> str:
    tpl = TEMPLATES[name]
    shown = number_shown(a, tpl)
    if name == "cb_x14":
        return f"{shown} {tpl.label('number')}"
    if name == "vf_x14":
        return f"{a.municipality} {shown}"  # the box beside the municipality's, printed in after the form
    return f"{tpl.label('number')} {shown}"


def parcel_phrases(name: str, a) -> list[str]:
    if name == "al_x14":
        return [f"Gemarkung {g}, Flur {fl}, {'Flurstücke' if len(fst) > 1 else 'Flurstück'} {words_list(fst, 'und')}"
                for g, fl, fst in groups(a)]
    if name == "cb_x14":
        return [f"{g} (Gemarkung) {fl} (Flur) {', '.join(fst)} (Flurstück)" for g, fl, fst in groups(a)]
    if name == "vh_x14":  # the first entry's row, column by column: Gemarkungen, Flure, Flurstücke
        gs = groups(a)
        return [" ".join(g for g, _, _ in gs), " ".join(str(fl) for _, fl, _ in gs),
                " ".join(", ".join(fst) for _, _, fst in gs)]
    if name == "fs_x14":
        return [f"GEMARKUNG {ascii_upper(g)}, FLUR {fl}, {'FLURSTUECKE' if len(fst) > 1 else 'FLURSTUECK'} "
                f"{words_list(fst, 'UND')}" for g, fl, fst in groups(a)]
    return [f"{g} {fl} {', '.join(fst)}" for g, fl, fst in groups(a)]


def reg_phrase(name: str, a, n: int, shown: str) -> str:
    if name == "al_x14":
        return f"in das Verzeichnis aufgenommen am {shown}"
    if name == "cb_x14":
        return f"{shown} (Tag des Eintrags)"
    if name == "fs_x14":
        return f"EINGETR. {shown}"
    if name == "vf_x14":
        return f"{n} {type_shown(a.entries[n - 1].type)}"
    return shown


@pytest.fixture(scope="module")
def heldout14_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout14"), "heldout14", COUNT, SEED)


def test_heldout14_templates_are_bound_to_their_split():
    assert HELDOUT14 == set(FOURTEENTH_TEMPLATES)
    assert SPLITS[:SPLITS.index("heldout14")] == OLDER  # the splits before it, as recorded; later ones after it
    assert_bound_to_split("heldout14", HELDOUT14, FOURTEENTH_RENDERERS, OLDER)


def test_heldout14_templates_share_no_wording_set_renderer_or_number_label_with_other_templates():
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT14]
    mine = [TEMPLATES[n] for n in HELDOUT14]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == len(mine) == 5
    assert set(FOURTEENTH_RENDERERS) == {t.renderer for t in mine}
    theirs = {LABELS[t.labels]["number"].upper().rstrip(":. ") for t in others}
    ours = [LABELS[t.labels]["number"].upper().rstrip(":. ") for t in mine]
    assert len(set(ours)) == len(ours) and not set(ours) & theirs
    assert all(RENDERERS[t.renderer] is FOURTEENTH_RENDERERS[t.renderer] for t in mine)


def test_heldout14_files_truth_complete_consistent_and_all_five_templates(heldout14_files):
    assert_corpus(heldout14_files, "heldout14", HELDOUT14, COUNT)
    assert all(p.stat().st_size > 10_000 for p in heldout14_files)
    assert {p.suffix for p in heldout14_files} <= {".pdf", ".tif", ".tiff", ".jpg", ".png"}


def test_every_heldout14_truth_is_its_aktes(heldout14_files):
    """Rebuilt from the seeded draws (spread as the file's draws ask), each truth is the Akte's (never the benefiting
    parcel; the first entry's day as the date); the sheet's planned dates are among the distractors; a telex's days
    all lie within its years."""
    truths = {p.name: check_truth(p, "heldout14", HELDOUT14) for p in heldout14_files}
    two = 0
    for spec, a in specs_and_aktes("heldout14", SEED, COUNT):
        a = spread(a, spec.content)
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert a.benefit is None or a.benefit.to_json() not in truth["parcels"]
        assert truth["register_number"] == a.register_number
        assert truth["municipality"] == a.municipality
        assert truth["date"] == a.entries[0].registered_on.isoformat()
        assert [e["registered_on"] for e in truth["entries"]] == [e.registered_on.isoformat() for e in a.entries]
        assert [e["deleted_on"] for e in truth["entries"]] == [
            e.deleted_on.isoformat() if e.deleted_on else None for e in a.entries]
        assert sheet_dates(a, TEMPLATES[spec.template]).kinds() <= set(truth["distractors"])
        if spec.template == "fs_x14":
            days = [e["registered_on"] for e in truth["entries"]] + [e["deleted_on"] for e in truth["entries"]]
            assert max(d for d in days if d) <= f"{TELEX_UNTIL}-12-31"
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 1


def test_era_moves_a_telex_s_days_into_its_years_in_order():
    """Later registrations and deletions past the telex's years move into them, in their order, 30 days apart at
    least, each deletion after its own registration and on no registration day; without ``until`` nothing moves."""
    tpl = TEMPLATES["fs_x14"]
    moved = 0
    for i in range(40):
        rng = random.Random(f"era14:{i}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), n_entries=3, deleted=True, delete_first=i % 2 == 0)
        before = [(e.registered_on, e.deleted_on) for e in a.entries]
        assert [(e.registered_on, e.deleted_on) for e in era(a, {}).entries] == before
        a = era(a, {"until": TELEX_UNTIL})
        regs = [e.registered_on for e in a.entries]
        assert regs[0] == before[0][0]
        assert all(later - earlier >= dt.timedelta(days=30) for earlier, later in zip(regs, regs[1:]))
        assert max(regs) <= dt.date(TELEX_UNTIL, 12, 31)
        for e in a.entries:
            if e.deleted_on:
                assert e.registered_on < e.deleted_on <= dt.date(TELEX_UNTIL, 12, 31) + dt.timedelta(days=3)
                assert e.deleted_on not in regs
        moved += [(e.registered_on, e.deleted_on) for e in a.entries] != before
    assert moved >= 20


@pytest.mark.parametrize("name", sorted(HELDOUT14))
def test_heldout14_dates_read_back_and_keep_off_registration_days(name):
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates14", n_entries=3, deleted=True) + aktes(name, 10, "dates14b", two=False):
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


@pytest.mark.parametrize("name", sorted(HELDOUT14))
def test_heldout14_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (every number style, the municipality's own register and the Kreis's, parcels
    in one or two Gemarkungen) the sheet holds the register number, the municipality, every parcel, every entry's
    Eintragungsdatum where the template puts it and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print14:{name}")
    for i, style in enumerate(STYLES * 2):
        crowded = {"n_parcels": 3 + i % 2, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        kreis = {"municipality": "Jüchen", "by_kreis": True} if i in (1, 2, 7) else {}
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded, **kreis),
                   draws_of(name, i % 3 != 0))
        text = drawn_text(monkeypatch, a, tpl, dpi=150)
        flat = compact(text)
        assert number_phrase(name, a) in text, (a.register_display, text[:400])
        assert normalized(number_shown(a, tpl)) == content.truth(a)["register_number"]
        assert tpl.label("number") in text
        assert (ascii_upper(a.municipality) if name == "fs_x14" else a.municipality) in text
        for phrase in parcel_phrases(name, a):
            assert compact(phrase) in flat, (phrase, text)
        for n, shown in registered(a, tpl).items():
            assert shown in text, (n, shown)
            assert compact(reg_phrase(name, a, n, shown)) in flat, (n, shown)
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout14_layout_details(monkeypatch):
    """A few things only one template does: the letter's fold marks at the left edge; the captions printed under the
    typed values, the sketch's other parcels never one of the sheet's; the register's narrow heads standing on end,
    its columns numbered; the telex in capitals without umlauts, at most 69 characters a line, between the two
    answerbacks; the form's values printed askew and off the form by a different amount on different sheets."""
    a = aktes("al_x14", 1, "detail14")[0]
    img, _ = render_sheet(a, TEMPLATES["al_x14"], 150, random.Random(1), 1)
    mark = round(105 * 150 / 25.4)
    assert min(img.getpixel((x, y)) for x in range(20, 45) for y in range(mark - 2, mark + 3)) < 128
    assert min(img.getpixel((x, y)) for x in range(20, 45) for y in range(mark + 20, mark + 40)) > 200
    a = aktes("cb_x14", 1, "detail14", n_entries=2)[0]
    text = drawn_text(monkeypatch, a, TEMPLATES["cb_x14"], dpi=150)
    assert f"{a.municipality} (Gemeinde)" in text and text.count("(Tag des Eintrags)") == 2
    for a in aktes("cb_x14", 20, "sketch14"):
        assert not set(neighbour_numbers(a, 3)) & ({p.flurstueck for p in a.parcels} | {getattr(a.benefit,
                                                                                              "flurstueck", None)})
    a = aktes("vh_x14", 1, "detail14")[0]
    rotated: list[str] = []
    text_ = Page.text

    def spy(self, x, y, s, *args, **kw):
        if self.img.size[1] < self.dpi:  # a layer less than an inch high, turned onto the page afterwards
            rotated.append(s)
        return text_(self, x, y, s, *args, **kw)

    monkeypatch.setattr(Page, "text", spy)
    render_sheet(a, TEMPLATES["vh_x14"], 150, random.Random(1), 1)
    monkeypatch.undo()
    assert {"Lfd.", "Nr.", "Gemarkung", "Flur", "Flurstück"} <= set(" ".join(rotated).split())
    text = drawn_text(monkeypatch, a, TEMPLATES["vh_x14"], dpi=150)
    assert " 1 2 3 4 5 6 7 8 9 10 " in text
    for a in aktes("fs_x14", 10, "detail14", n_entries=3, deleted=True):
        lines = telex_lines(a, TEMPLATES["fs_x14"])
        assert all(len(s) <= TELEX_LINE for s in lines)
        body = [s for s in lines if s and not s.endswith(" d")]
        assert all(s == s.upper() and s.isascii() for s in body)
        assert lines[0] == lines[-1] and lines[1] == lines[-2] and lines[0].endswith(" d")
    shifts = set()
    for a in aktes("vf_x14", 6, "detail14"):
        img, _ = render_sheet(a, TEMPLATES["vf_x14"], 100, random.Random(1), 1)
        shifts.add(hashlib.sha256(img.crop((0, 0, img.width, img.height // 3)).tobytes()).hexdigest())
    assert len(shifts) == 6


def test_heldout14_is_deterministic(heldout14_files, tmp_path):
    again = generate(tmp_path, "heldout14", 2, SEED)
    first = digest(heldout14_files[:2])
    assert digest(again) == first and len(first) == 4


def test_heldout14_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout14:5")
    specs = [random_spec(rng, "heldout14", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT14
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    assert any(s.turns for s in specs) and any(s.stamps for s in specs)
    assert {"decl", "plan", "letter"} <= {k for s in specs for k in s.pages}
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3, 4}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert all((s.content.get("until") == TELEX_UNTIL) == (s.template == "fs_x14") for s in baulast)
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    for split in OLDER:
        rng = random.Random(f"specs:{split}:9")
        specs = [random_spec(rng, split, i + 1) for i in range(12)]
        assert hashlib.sha256(repr(specs).encode()).hexdigest() == SPEC_SHA_9[split], split
        rng = random.Random(f"specs:{split}:1")
        assert not {random_spec(rng, split, i + 1).template for i in range(100)} & HELDOUT14, split
    for split, (file_sha, truth_sha) in FILE_SHA_4.items():
        path = generate(tmp_path / split, split, 1, 4)[0]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == file_sha, split
        assert hashlib.sha256(path.with_name(path.stem + ".truth.json").read_bytes()).hexdigest() == truth_sha, split


@pytest.mark.parametrize("first", ["sheets_fourteenth", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout14')) == 5 and 'x14_telex' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT14))
def test_heldout14_sheet_fits_a_crowded_record(name):
    """Three entries, a deletion, three parcels on two Flure, a suffixed number: the sheet fits at both resolutions,
    turned as the template is, and names every kind of date it plans among its distractors."""
    assert_crowded_fits(name, sheet_dates)
