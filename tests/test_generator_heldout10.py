"""The scan generator's heldout10 split: only its own five templates, all of them in a small corpus, complete and
consistent truth, deterministic output; every truth value printed on the sheet; the dates around the entries off their
registration days; the older splits unchanged by it. Whoever tunes extraction must not read this file (see
sample_scans/README.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections import Counter

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content, sheets_dev
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, SPLITS, TEMPLATES
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import RENDERERS, render_sheet
from sample_scans.synth.sheets_tenth import (
    MONTHS,
    TENTH_RENDERERS,
    TENTH_TEMPLATES,
    area,
    decl_first,
    deletion_by_pen,
    gemarkung_key,
    groups,
    number_shown,
    object_id,
    ordered,
    parcel_key,
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
    crowded_akte,
    digest,
    drawn_text,
    specs_and_aktes,
)

HELDOUT10 = {"ab_x10", "nf_x10", "bb_x10", "sd_x10", "mf_x10"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6", "heldout5", "dev7", "heldout6", "dev8", "heldout7", "heldout8", "heldout9")
SEED, COUNT = 15, 6  # a Baulast on each template, a deletion, parcels in two Gemarkungen

# Recorded before this split existed: the sha256 of repr() of each older split's first 12 specs (seed 9), and of the
# first file and its truth (seed 4) of four of them.
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
}
FILE_SHA_4 = {
    "tuning": ("3256cfa8500b3fec3933a644cca43b647a7c64fe7e2c1a8e02b18276a27d51de",
               "32a05721206a3855e9aa6621252e92d2a701c1c2a3d4b84ed1cf4b54be9e099b"),
    "dev8": ("e4ebda16727413bcf3d2d14475c86ad7860d5f49c1b6a621ea9a1a6c6ae8b5f8",
             "4bc5980dda57f3fb4765374aa133d4aae137b49079ce8b0e75674526df8fd305"),
    "heldout8": ("ff9c39b4ed2fcd09aa2e589e74ce2696ec0cec5a844e19df749e0335dc9a0b16",
                 "6bc0caf568c6806343acc7199bc686096c243b15000399bbd73d6d18e319ac73"),
    "heldout9": ("9b96fbf6fcd8f7f9ef0d8157ba35a8ac868d1a6c83937a3e906f54f3246ca2fe",
                 "0e040de44dfa2422d1e747fc356e8e43c65e5aad083d9c2359c749ae88f66806"),
}
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12. 3. 1987', '12.3.87', '12. März 1987'
    or '1987-03-12'."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", shown)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})\. ?(\d{1,2})\. ?(\d{2}|\d{4})", shown)
    if m:
        day, month, year = int(m[1]), int(m[2]), m[3]
    else:
        m = re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", shown)
        day, month, year = int(m[1]), MONTHS.index(m[2]) + 1, m[3]
    year = int(year) if len(year) == 4 else int(year) + (1900 if int(year) > 30 else 2000)
    return dt.date(year, month, day)


def aktes(name: str, n: int, salt: str, two: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1})
            for _ in range(n)]


def penned(monkeypatch, a, tpl) -> list[str]:
    """What the sheet writes by pen (the last, fitting attempt)."""
    seen: list[str] = []
    pen, init = sheets_dev.pen, Page.__init__

    def init_(self, *args, **kw):
        seen.clear()
        init(self, *args, **kw)

    monkeypatch.setattr(Page, "__init__", init_)
    monkeypatch.setattr(sheets_dev, "pen", lambda pg, x, y, s, *a_, **k: seen.append(s) or pen(pg, x, y, s, *a_, **k))
    render_sheet(a, tpl, 150, random.Random(tpl.name), 1)
    monkeypatch.undo()
    return seen


@pytest.fixture(scope="module")
def heldout10_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout10"), "heldout10", COUNT, SEED)


def test_heldout10_templates_are_bound_to_their_split():
    assert HELDOUT10 == set(TENTH_TEMPLATES)
    assert SPLITS[:SPLITS.index("heldout10")] == OLDER  # the later splits come after it
    assert_bound_to_split("heldout10", HELDOUT10, TENTH_RENDERERS, OLDER)


def test_heldout10_templates_share_no_wording_set_renderer_or_number_label_with_other_templates():
    """Own wording sets and five renderers of their own; the register number's label is worded differently from
    every other template's (also in capitals) and from each other's."""
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT10]
    mine = [TEMPLATES[n] for n in HELDOUT10]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == len(mine) == 5
    assert set(TENTH_RENDERERS) == {t.renderer for t in mine}
    theirs = {LABELS[t.labels]["number"].upper().rstrip(":. ") for t in others}
    ours = [LABELS[t.labels]["number"].upper().rstrip(":. ") for t in mine]
    assert len(set(ours)) == len(ours) and not set(ours) & theirs
    assert all(RENDERERS[t.renderer] is TENTH_RENDERERS[t.renderer] for t in mine)


def test_heldout10_truth_complete_consistent_and_all_five_templates(heldout10_files):
    assert_corpus(heldout10_files, "heldout10", HELDOUT10, COUNT)


def test_every_heldout10_truth_is_its_aktes(heldout10_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (the header's
    parcels, never the benefiting one; the first entry's day as the date); the sheet's planned dates are among the
    distractors; some file has parcels in two Gemarkungen of its municipality."""
    truths = {p.name: check_truth(p, "heldout10", HELDOUT10) for p in heldout10_files}
    two = 0
    for spec, a in specs_and_aktes("heldout10", SEED, COUNT):
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


@pytest.mark.parametrize("name", sorted(HELDOUT10))
def test_heldout10_dates_read_back_and_keep_off_registration_days(name):
    """Every entry's day as printed reads back to its registration; every other planned date reads back to its own
    day and is on no registration or deletion day unless it is that entry's deletion; every deletion is planned."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates10", n_entries=3, deleted=True) + aktes(name, 10, "dates10b", two=False):
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


@pytest.mark.parametrize("name", sorted(HELDOUT10))
def test_heldout10_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (parcels in one or two Gemarkungen) the rendered sheet holds the register number
    as the template shows it, which normalizes to the truth's; the municipality; every parcel's Gemarkung, Flur and
    Flurstück; every entry's Eintragungsdatum and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print10:{name}")
    for i in range(6):
        crowded = {"n_parcels": 3, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        style = rng.choice(("plain", "dotted", "zero", "suffix", "suffix_tight"))
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded),
                   {"gemarkungen": 2 if i % 3 else 1})
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        shown = number_shown(a, tpl)
        if tpl.renderer != "x10_film_print":  # the film's list picks its own way to show it (tested below)
            assert compact(shown) in flat, shown
        assert normalized(shown) == content.truth(a)["register_number"], shown
        assert a.municipality in text
        for gem, flur, fst in groups(a):
            assert gem in text
            assert str(flur) in text
            assert all(s in text for s in fst), fst
        for shown_date in registered(a, tpl).values():
            assert compact(shown_date) in flat
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout10_copy_opens_with_the_number_and_closes_each_entry_in_prose(monkeypatch):
    """The certified copy names its number in the opening sentence with the register's authority; each entry's
    closing sentence names the declaration and the registration in the Akte's order; a deletion follows its waiver;
    the certification's day comes after everything and is printed last."""
    tpl = TEMPLATES["ab_x10"]
    orders = set()
    for a in aktes("ab_x10", 10, "copy10", n_parcels=2, n_entries=3, deleted=True):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"Auf dem Blatt Nr. {a.register_display} des Baulastenverzeichnisses" in text
        sd = sheet_dates(a, tpl)
        for e in a.entries:
            decl, reg = sd.one("declaration_date", e.lfd_nr).shown, sd.registered[e.lfd_nr]
            if decl_first(a):
                assert f"Verpflichtungserklärung vom {decl} am {reg}." in text
            else:
                assert f"Eingetragen am {reg} (Verpflichtungserklärung vom {decl})." in text
            if e.deleted_on:
                waiver, dele = sd.one("waiver_date", e.lfd_nr), sd.one("deletion_date", e.lfd_nr)
                assert waiver.day < dele.day and text.index(waiver.shown) < text.index(dele.text)
        orders.add(decl_first(a))
        copy = sd.one("copy_date")
        assert copy.day > max(m.day for m in sd.mentions if m.kind != "copy_date")
        assert text.index(copy.text) > text.index("beglaubigt") > text.index(sd.registered[len(a.entries)])
    assert orders == {True, False}


def test_heldout10_form_fills_its_numbered_fields(monkeypatch):
    """The form's number follows the caption of its box; each Flur's row gives Gemarkung, Flur, the Flurstücke and
    an area; the order to register comes before the registration; deletions are typed or written by pen."""
    tpl = TEMPLATES["nf_x10"]
    hands = set()
    for a in aktes("nf_x10", 10, "form10", n_parcels=3, n_entries=2, deleted=True):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"{tpl.label('number')} {a.register_display}" in text
        for i, (gem, flur, fst) in enumerate(groups(a)):
            assert f"{gem} {flur} {', '.join(fst)}" in text
            assert area(a, i) in text
        assert a.owner in text
        sd = sheet_dates(a, tpl)
        for e in a.entries:
            assert ordered(a, e) < e.registered_on
            assert f"{sd.one('order_date', e.lfd_nr).shown} {sd.registered[e.lfd_nr]}" in text
        gone = [sd.one("deletion_date", e.lfd_nr).shown for e in a.entries if e.deleted_on]
        pen = penned(monkeypatch, a, tpl)
        assert all((day in pen) == deletion_by_pen(a) for day in gone)
        hands.add(deletion_by_pen(a))
    assert hands == {True, False}


def test_heldout10_book_folio_lists_its_plots_and_burdens(monkeypatch):
    """The folio's head gives the book's municipality and its number under 'Buchblatt'; the holdings list every
    parcel in its own numbered row; every burden names the plots' numbers and closes with its registration."""
    tpl = TEMPLATES["bb_x10"]
    for a in aktes("bb_x10", 8, "book10", n_parcels=3, n_entries=2, deleted=True):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"{tpl.label('of')} {a.municipality} {tpl.label('number')} {a.register_display}" in text
        for i, p in enumerate(a.parcels):
            assert f"{i + 1} {p.gemarkung} {p.flur} {p.flurstueck}" in text
        sd = sheet_dates(a, tpl)
        for e in a.entries:
            assert f"Eingetragen am {sd.registered[e.lfd_nr]}." in text
            if e.deleted_on:
                assert f"Die Baulast Nr. {e.lfd_nr} ist gelöscht am {sd.one('deletion_date', e.lfd_nr).shown}." in text


def test_heldout10_record_print_keys_its_parcels_and_sets_the_number_apart_from_its_id(monkeypatch):
    """The program's record names the number after its key, an object id of six digits that is not the number, and
    one row per parcel with the Gemarkung's key and the ALKIS Flurstückskennzeichen encoding Flur, Zähler and
    Nenner; every block shows its status; the print date is after every date shown."""
    tpl = TEMPLATES["sd_x10"]
    for a in aktes("sd_x10", 8, "record10", n_parcels=3, n_entries=2, deleted=True):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"{tpl.label('number')} {number_shown(a, tpl)}" in text
        oid = object_id(a)
        assert re.fullmatch(r"\d{6}", oid) and f"{tpl.label('oid')} {oid}" in text
        assert normalized(oid) != a.register_number
        for p in a.parcels:
            key = parcel_key(p.gemarkung, p.flur, p.flurstueck)
            z, _, n = p.flurstueck.partition("/")
            assert key == f"05{gemarkung_key(p.gemarkung)}{p.flur:03d}{int(z):05d}{int(n or 0):04d}__"
            assert f"{p.gemarkung} ({gemarkung_key(p.gemarkung)}) {p.flur} {p.flurstueck} {key}" in text
        for e in a.entries:
            assert f"Status: {'gelöscht' if e.deleted_on else 'aktiv'}" in text
        sd = sheet_dates(a, tpl)
        printed = sd.one("print_date").day
        assert all(printed > m.day for m in sd.mentions if m.kind != "print_date")


def test_heldout10_film_print_lists_its_record_and_frames_the_copy(monkeypatch):
    """The list's key line gives the number (as stored or with four digits) beside the capture date; one line per
    Flur as 'Gemarkung / Flur / Flurstücke'; each entry's line starts with its two-digit number, the registration
    and the deletion (or its empty mask); the copy is framed in black."""
    tpl = TEMPLATES["mf_x10"]
    for a in aktes("mf_x10", 8, "film10", n_parcels=3, n_entries=3, deleted=True, number_style="suffix"):
        text = drawn_text(monkeypatch, a, tpl)
        m = re.search(r"KENNUNG BAULASTENBLATT \.+: (\S+(?: [a-z])?) ERFASST AM", text)
        assert m and normalized(m[1]) == a.register_number, text[:200]
        for gem, flur, fst in groups(a):
            assert f"{gem} / {flur} / {', '.join(fst)}" in text
        sd = sheet_dates(a, tpl)
        for e in a.entries:
            dele = sd.one("deletion_date", e.lfd_nr)
            assert f"{e.lfd_nr:02d} {sd.registered[e.lfd_nr]} {dele.shown if dele else '--.--.--'}" in text
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    corner = [img.getpixel((x, y)) for x in range(0, 15) for y in range(0, 15)]
    middle = [img.getpixel((img.width // 2 + dx, img.height - 200 + dy)) for dx in range(10) for dy in range(10)]
    assert max(corner) < 60 and min(middle) > 120


def test_heldout10_is_deterministic(heldout10_files, tmp_path):
    again = generate(tmp_path, "heldout10", COUNT, SEED)
    assert digest(again) == digest(heldout10_files)


def test_heldout10_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout10:5")
    specs = [random_spec(rng, "heldout10", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT10
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
    """Every older split draws the same specs as before this split existed, four of them write the same first file
    and truth, and none draws a heldout10 template."""
    assert set(SPEC_SHA_9) == set(OLDER) == set(SPLITS[:SPLITS.index("heldout10")])
    for split in OLDER:
        rng = random.Random(f"specs:{split}:9")
        specs = [random_spec(rng, split, i + 1) for i in range(12)]
        assert hashlib.sha256(repr(specs).encode()).hexdigest() == SPEC_SHA_9[split], split
        rng = random.Random(f"specs:{split}:1")
        assert not {random_spec(rng, split, i + 1).template for i in range(100)} & HELDOUT10, split
    for split, (file_sha, truth_sha) in FILE_SHA_4.items():
        path = generate(tmp_path / split, split, 1, 4)[0]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == file_sha, split
        assert hashlib.sha256(path.with_name(path.stem + ".truth.json").read_bytes()).hexdigest() == truth_sha, split


@pytest.mark.parametrize("first", ["sheets_tenth", "sheets_eighth", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout10')) == 5 and 'x10_film_print' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT10))
def test_heldout10_sheet_fits_a_crowded_record(name):
    """Three entries, a deletion, three parcels on two Flure (also in two Gemarkungen), a suffixed number: the sheet
    fits at both resolutions, portrait, and names every kind of date it plans among its distractors."""
    assert_crowded_fits(name, sheet_dates)
    tpl, rng, a = crowded_akte(name)
    a = spread(a, {"gemarkungen": 2})
    assert len({p.gemarkung for p in a.parcels}) == 2
    for dpi in (200, 300):
        img, distractors = render_sheet(a, tpl, dpi, rng, 1)
        assert img.size[0] < img.size[1]
        assert sheet_dates(a, tpl).kinds() <= distractors


@pytest.mark.parametrize("name", sorted(HELDOUT10))
@pytest.mark.parametrize("style", ["plain", "dotted", "zero", "suffix", "suffix_tight"])
def test_heldout10_sheet_renders_every_number_style_and_authority(name, style):
    tpl = TEMPLATES[name]
    for by_kreis in (False, True):
        rng = random.Random(f"{name}:{style}:{by_kreis}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), municipality="Jüchen", by_kreis=by_kreis,
                              number_style=style, n_entries=3, deleted=True)
        img, _ = render_sheet(a, tpl, 150, rng, 1)
        assert img.getextrema()[0] < 100  # something was drawn
