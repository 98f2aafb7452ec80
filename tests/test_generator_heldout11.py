"""The scan generator's heldout11 split: only its own five templates, all of them in a small corpus, complete and
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
from sample_scans.synth.sheets_eleventh import (
    ELEVENTH_RENDERERS,
    ELEVENTH_TEMPLATES,
    MONTHS,
    MONTHS_EN,
    MONTHS_STAMP,
    groups,
    neighbour_numbers,
    number_shown,
    parcel_lines,
    registered,
    sheet_dates,
    spread,
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

HELDOUT11 = {"fx_x11", "ps_x11", "ss_x11", "gi_x11", "bs_x11"}
SEED, COUNT = 50, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen
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
}
OLDER = tuple(SPEC_SHA_9)
FILE_SHA_4 = {
    "heldout10": ("dad3cc127353b0e82af0c680cfcce50def8f3f6cc1f1829f2ce88ca2d5671f21",
                  "b62e2aed5765be326188091ebd45782d7463e28bb5a62fc7699a8faf5fc5dfb2"),
}


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12.3.87', '12.3.1987', '12. März 1987',
    '12. MRZ. 1987' or 'MAR-12-87'."""
    m = re.fullmatch(r"([A-Z]{3})-(\d\d)-(\d\d)", shown)
    if m:
        day, month, year = int(m[2]), MONTHS_EN.index(m[1]) + 1, m[3]
    elif m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", shown):
        day, month, year = int(m[1]), int(m[2]), m[3]
    else:
        m = re.fullmatch(r"(\d{1,2})\. (\S+) (\d{4})", shown)
        day, year = int(m[1]), m[3]
        month = (MONTHS.index(m[2]) if m[2] in MONTHS else MONTHS_STAMP.index(m[2])) + 1
    year = int(year) if len(year) == 4 else int(year) + (1900 if int(year) > 30 else 2000)
    return dt.date(year, month, day)


def aktes(name: str, n: int, salt: str, two: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1})
            for _ in range(n)]


# where each template prints the parcels and each entry's Eintragungsdatum (as drawn, whitespace normalized)
def parcel_phrases(name: str, a) -> list[str]:
    tpl = TEMPLATES[name]
    if name == "fx_x11":
        return [f"Gemarkung {p.gemarkung}, Flur {p.flur}, Flurstück {p.flurstueck}" for p in a.parcels]
    if name == "ps_x11":
        return [f"{g}, Flur {fl}, {'Flurstücke' if len(fst) > 1 else 'Flurstück'} "
                f"{', '.join(fst[:-1]) + ' und ' + fst[-1] if len(fst) > 1 else fst[0]}" for g, fl, fst in groups(a)]
    if name == "ss_x11":
        return [f"{p.gemarkung} {p.flur} {p.flurstueck}" for p in a.parcels]
    if name == "gi_x11":
        return [f"Gmk. {g}, Flur {fl}, Flst. {', '.join(fst)}" for g, fl, fst in groups(a)]
    return [" ".join(parcel_lines(a, tpl))]


def reg_phrase(name: str, n: int, shown: str) -> str:
    return {"fx_x11": f"Eingetragen: {shown}", "ps_x11": f"Eintragung vollzogen {shown}", "ss_x11": f"{n} {shown}",
            "gi_x11": f"Eintragung: {shown}", "bs_x11": shown}[name]


@pytest.fixture(scope="module")
def heldout11_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout11"), "heldout11", COUNT, SEED)


def test_heldout11_templates_are_bound_to_their_split():
    assert HELDOUT11 == set(ELEVENTH_TEMPLATES)
    assert SPLITS[:SPLITS.index("heldout11")] == OLDER  # the splits before it, as recorded; later ones after it
    assert_bound_to_split("heldout11", HELDOUT11, ELEVENTH_RENDERERS, OLDER)


def test_heldout11_templates_share_no_wording_set_renderer_or_number_label_with_other_templates():
    """Own wording sets and five renderers of their own; the register number's label is worded differently from
    every other template's (also in capitals) and from each other's."""
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT11]
    mine = [TEMPLATES[n] for n in HELDOUT11]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == len(mine) == 5
    assert set(ELEVENTH_RENDERERS) == {t.renderer for t in mine}
    theirs = {LABELS[t.labels]["number"].upper().rstrip(":. ") for t in others}
    ours = [LABELS[t.labels]["number"].upper().rstrip(":. ") for t in mine]
    assert len(set(ours)) == len(ours) and not set(ours) & theirs
    assert all(RENDERERS[t.renderer] is ELEVENTH_RENDERERS[t.renderer] for t in mine)


def test_heldout11_files_truth_complete_consistent_and_all_five_templates(heldout11_files):
    assert_corpus(heldout11_files, "heldout11", HELDOUT11, COUNT)
    assert all(p.stat().st_size > 10_000 for p in heldout11_files)
    assert {p.suffix for p in heldout11_files} <= {".pdf", ".tif", ".tiff", ".jpg", ".png"}


def test_every_heldout11_truth_is_its_aktes(heldout11_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (the head's
    parcels, never the benefiting one; the first entry's day as the date); the sheet's planned dates are among the
    distractors; some file has parcels in two Gemarkungen of its municipality."""
    truths = {p.name: check_truth(p, "heldout11", HELDOUT11) for p in heldout11_files}
    two = 0
    for spec, a in specs_and_aktes("heldout11", SEED, COUNT):
        a = spread(a, spec.content)
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert a.benefit is None or a.benefit.to_json() not in truth["parcels"]
        assert truth["register_number"] == a.register_number
        assert truth["municipality"] == a.municipality
        assert truth["date"] == a.entries[0].registered_on.isoformat()
        assert [e["deleted_on"] for e in truth["entries"]] == [
            e.deleted_on.isoformat() if e.deleted_on else None for e in a.entries]
        assert sheet_dates(a, TEMPLATES[spec.template]).kinds() <= set(truth["distractors"])
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 1


@pytest.mark.parametrize("name", sorted(HELDOUT11))
def test_heldout11_dates_read_back_and_keep_off_registration_days(name):
    """Every entry's day as printed reads back to its registration; every other planned date reads back to its own
    day and is on no registration or deletion day unless it is that entry's deletion; every deletion is planned."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates11", n_entries=3, deleted=True) + aktes(name, 10, "dates11b", two=False):
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


@pytest.mark.parametrize("name", sorted(HELDOUT11))
def test_heldout11_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (every number style, the municipality's own register and the Kreis's, parcels
    in one or two Gemarkungen) the rendered sheet holds the register number after its label as the template shows it,
    which normalizes to the truth's; the municipality; every parcel in the template's own phrase; every entry's
    Eintragungsdatum where the template puts it; and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print11:{name}")
    for i, style in enumerate(STYLES):
        crowded = {"n_parcels": 3, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        kreis = {"municipality": "Jüchen", "by_kreis": True} if i in (1, 2) else {}
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded, **kreis),
                   {"gemarkungen": 2 if i % 3 else 1})
        text = drawn_text(monkeypatch, a, tpl, dpi=150)
        flat = compact(text)
        shown = number_shown(a, tpl)
        assert f"{tpl.label('number')} {shown}" in text, (shown, text[:300])
        assert normalized(shown) == content.truth(a)["register_number"], shown
        assert a.municipality in text
        for phrase in parcel_phrases(name, a):
            assert phrase in text, (phrase, text)
        for p in a.parcels:
            assert p.gemarkung in text and str(p.flur) in text and p.flurstueck in text
        for n, shown_date in registered(a, tpl).items():
            assert reg_phrase(name, n, shown_date) in text, (n, shown_date)
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout11_layout_details(monkeypatch):
    """A few things only one template does: the fax arrives in two tones under its machine's header line; later
    entries on the pasted slips are numbered Nachträge, each registration stamped; the spreadsheet prints its column
    letters and row numbers; the portal's map labels no other parcel with one of the sheet's numbers; the book
    repeats the number on its right page, refers entries 2 and 3 to the parcels of entry 1 and lies on a dark lid."""
    a = aktes("fx_x11", 1, "detail11")[0]
    tpl = TEMPLATES["fx_x11"]
    text = drawn_text(monkeypatch, a, tpl, dpi=150)
    assert text.startswith(sheet_dates(a, tpl).one("fax_date").shown)
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    assert len(img.getcolors()) == 2
    a = aktes("ps_x11", 1, "detail11", n_entries=3, deleted=True)[0]
    text = drawn_text(monkeypatch, a, TEMPLATES["ps_x11"], dpi=150)
    assert "1. Nachtrag Lfd. Nr. 2" in text and "2. Nachtrag Lfd. Nr. 3" in text
    assert text.count("Eintragung vollzogen") == 3 and "Löschungsvermerk zu lfd. Nr." in text
    a = aktes("ss_x11", 1, "detail11", n_entries=2)[0]
    text = drawn_text(monkeypatch, a, TEMPLATES["ss_x11"], dpi=150)
    assert "A B C D E F G H 1" in text and " 2 3 " in f" {text} "
    for a in aktes("gi_x11", 20, "detail11"):
        assert not set(neighbour_numbers(a, 15)) & {p.flurstueck for p in a.parcels}
    a = aktes("bs_x11", 1, "detail11", n_entries=3)[0]
    tpl = TEMPLATES["bs_x11"]
    text = drawn_text(monkeypatch, a, tpl, dpi=150)
    assert text.count(a.register_display) >= 2 and text.count("wie lfd. Nr. 1") == 2
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    assert max(img.getpixel((x, y)) for x in range(4) for y in range(4)) < 60


def test_heldout11_is_deterministic(heldout11_files, tmp_path):
    """The same seed writes the same files: the first two again, byte for byte."""
    again = generate(tmp_path, "heldout11", 2, SEED)
    first = digest(heldout11_files[:2])
    assert digest(again) == first and len(first) == 4


def test_heldout11_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout11:5")
    specs = [random_spec(rng, "heldout11", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT11
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    assert any(s.turns for s in specs) and any(s.stamps for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    """Every older split draws the same specs as before this split existed, the one before it writes the same first
    file and truth, and none draws a heldout11 template."""
    for split in OLDER:
        rng = random.Random(f"specs:{split}:9")
        specs = [random_spec(rng, split, i + 1) for i in range(12)]
        assert hashlib.sha256(repr(specs).encode()).hexdigest() == SPEC_SHA_9[split], split
        rng = random.Random(f"specs:{split}:1")
        assert not {random_spec(rng, split, i + 1).template for i in range(100)} & HELDOUT11, split
    for split, (file_sha, truth_sha) in FILE_SHA_4.items():
        path = generate(tmp_path / split, split, 1, 4)[0]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == file_sha, split
        assert hashlib.sha256(path.with_name(path.stem + ".truth.json").read_bytes()).hexdigest() == truth_sha, split


@pytest.mark.parametrize("first", ["sheets_eleventh", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout11')) == 5 and 'x11_book_spread' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT11))
def test_heldout11_sheet_fits_a_crowded_record(name):
    """Three entries, a deletion, three parcels on two Flure, a suffixed number: the sheet fits at both resolutions,
    turned as the template is, and names every kind of date it plans among its distractors."""
    assert_crowded_fits(name, sheet_dates)
