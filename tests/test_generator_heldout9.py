"""The scan generator's heldout9 split: only its own four templates, all of them in a small corpus, complete and
consistent truth, deterministic output; every truth value printed on the sheet; the dates around the entries off their
registration days; the register number's digits read by bare Tesseract on most sheets; the older splits unchanged by
it. Whoever tunes extraction must not read this file (see sample_scans/README.md)."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from sample_scans.generate import generate
from sample_scans.synth import content, degrade, sheets_dev
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import TEMPLATES
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import render_sheet
from sample_scans.synth.sheets_ninth import (
    MONTHS,
    MUNI_KEY,
    NINTH_RENDERERS,
    NINTH_TEMPLATES,
    ROMAN,
    groups,
    municipality_name,
    number_shown,
    registered,
    serial,
    sheet_dates,
    spread,
    upper_ascii,
)
from tests.generator_splits import (
    TUNING_SEED_11,
    assert_bound_to_split,
    assert_corpus,
    assert_crowded_fits,
    assert_imports_first,
    assert_older_unchanged,
    assert_own_wordings,
    check_truth,
    crowded_akte,
    digest,
    drawn_text,
    spec_templates,
    specs_and_aktes,
)

HELDOUT9 = {"tw_h9", "dm_h9", "hf_h9", "lp_h9"}
OLDER = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4", "dev2", "dev3", "dev4", "dev5",
         "dev6", "heldout5", "dev7", "heldout6", "dev8", "heldout7", "heldout8")
SEED, COUNT = 105, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen
STYLES = ("plain", "dotted", "zero", "suffix", "suffix_tight")

# Recorded before this split existed: heldout8's template draws and the sha256 of its first truth files.
HELDOUT8_SEED_9 = "lp_e8 tw_e8 lp_e8 lp_e8 tw_e8 db_e8 tw_e8 dm_e8 lp_e8 tw_e8 db_e8 dm_e8".split()
HELDOUT8_TRUTH_SHA_4 = ["6bc0caf568c6806343acc7199bc686096c243b15000399bbd73d6d18e319ac73",
                        "fe5f0cfa7a35a137de9ad754048bef823bb89078c826a3489e0aea2019d48a87"]


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def century(yy: str) -> int:
    return int(yy) if len(yy) == 4 else int(yy) + (1900 if int(yy) > 30 else 2000)


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12.3.87', '12. März 1987',
    '12. III. 1987', '1987-03-12', '120387' (a cell to each digit) or '12 3 1987' (columns Tag, Monat, Jahr)."""
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", shown):
        return dt.date(century(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})\. ([IVX]+)\. (\d{4})", shown):
        return dt.date(int(m[3]), ROMAN.index(m[2]) + 1, int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", shown):
        return dt.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", shown):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d\d)(\d\d)(\d\d)", shown):
        return dt.date(century(m[3]), int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{1,2}) (\d{1,2}) (\d{4})", shown)
    return dt.date(int(m[3]), int(m[2]), int(m[1]))


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


def names_of(word: str) -> tuple[str, str, str]:
    """A name as the sheets may set it: as it is, in capitals, in capitals with the umlauts spelled out."""
    return word, word.upper(), upper_ascii(word)


@pytest.fixture(scope="module")
def heldout9_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout9"), "heldout9", COUNT, SEED)


def test_heldout9_templates_are_bound_to_their_split():
    assert HELDOUT9 == set(NINTH_TEMPLATES)
    assert_bound_to_split("heldout9", HELDOUT9, NINTH_RENDERERS, OLDER)


def test_heldout9_templates_share_no_wording_set_or_renderer_with_other_templates():
    assert_own_wordings(HELDOUT9)


def test_heldout9_truth_complete_consistent_and_all_four_templates(heldout9_files):
    assert_corpus(heldout9_files, "heldout9", HELDOUT9, COUNT)


def test_every_heldout9_truth_is_its_aktes(heldout9_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (the sheet's
    parcels, never the benefiting one; the first entry's day as the date); the sheet's planned dates are among the
    distractors; some file has parcels in two Gemarkungen of its municipality."""
    truths = {p.name: check_truth(p, "heldout9", HELDOUT9) for p in heldout9_files}
    two = 0
    for spec, a in specs_and_aktes("heldout9", SEED, COUNT):
        a = spread(a, spec.content)
        truth = truths[spec.name]
        if not truth["is_baulast"]:
            continue
        assert truth["parcels"] == [p.to_json() for p in a.parcels]
        assert a.benefit is None or a.benefit.to_json() not in truth["parcels"]
        assert truth["register_number"] == a.register_number
        assert truth["date"] == a.entries[0].registered_on.isoformat()
        assert [e["deleted_on"] for e in truth["entries"]] == [
            e.deleted_on.isoformat() if e.deleted_on else None for e in a.entries]
        assert sheet_dates(a, TEMPLATES[spec.template]).kinds() <= set(truth["distractors"])
        gems = {p["gemarkung"] for p in truth["parcels"]}
        assert gems <= set(gemarkungen()[truth["municipality"]])
        two += len(gems) > 1
    assert two >= 1


@pytest.mark.parametrize("name", sorted(HELDOUT9))
def test_heldout9_dates_read_back_and_keep_off_registration_days(name):
    """Every entry's day as printed reads back to its registration; every other planned date reads back to its own
    day and is on no registration or deletion day unless it is that entry's deletion; every deletion is planned."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates9", n_entries=3, deleted=True) + aktes(name, 10, "dates9b", two=False):
        sd = sheet_dates(a, tpl)
        assert {n: read_date(s) for n, s in sd.registered.items()} == {e.lfd_nr: e.registered_on for e in a.entries}
        taken = {e.registered_on for e in a.entries} | {e.deleted_on for e in a.entries if e.deleted_on}
        for m in sd.mentions:
            assert read_date(m.shown) == m.day, m
            if m.kind == "deletion_date":
                assert m.day == a.entries[m.lfd_nr - 1].deleted_on
            else:
                assert m.day not in taken, m
        gone = {m.lfd_nr for m in sd.mentions if m.kind == "deletion_date"}
        assert gone == {e.lfd_nr for e in a.entries if e.deleted_on}


@pytest.mark.parametrize("name", sorted(HELDOUT9))
def test_heldout9_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (parcels in one or two Gemarkungen) the rendered sheet holds the register number
    as the template shows it, which normalizes to the truth's; the municipality; every parcel's Gemarkung, Flur and
    Flurstück; every entry's Eintragungsdatum and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print9:{name}")
    for i in range(6):
        crowded = {"n_parcels": 3, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=rng.choice(STYLES), **crowded),
                   {"gemarkungen": 2 if i % 3 else 1})
        text = drawn_text(monkeypatch, a, tpl)
        flat = compact(text)
        shown = number_shown(a, tpl)
        assert compact(shown) in flat and normalized(shown) == content.truth(a)["register_number"], shown
        assert any(s in text for s in names_of(a.municipality))
        for gem, flur, fst in groups(a):
            assert any(s in text for s in names_of(gem)), gem
            assert str(flur) in text
            assert all(s in text for s in fst), fst
        for shown_date in registered(a, tpl).values():
            assert compact(shown_date) in flat
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout9_folio_names_its_number_in_the_title_block_at_the_foot(monkeypatch):
    """The typed folio names the sheet's number only in the title block drawn after the entries (the Gemeinde over
    it, the page beside it); each registration is typed as day, month and year in three columns; a deletion is typed
    with the waiver it rests on, which came before it."""
    tpl = TEMPLATES["tw_h9"]
    L = tpl.label
    for a in aktes("tw_h9", 8, "folio9", n_entries=3, deleted=True, number_style="suffix"):
        text = drawn_text(monkeypatch, a, tpl)
        block = f"{L('muni')} {municipality_name(a)} {L('number')} {a.register_display} {L('page')} 1"
        assert text.endswith(f"{block} {L('form')}")
        assert text.index(block) > max(text.index(" ".join(registered(a, tpl)[e.lfd_nr].split())) for e in a.entries)
        sd = sheet_dates(a, tpl)
        for e in a.entries:
            day, month, year = sd.registered[e.lfd_nr].split(" ")
            assert (int(day), int(month), int(year)) == (e.registered_on.day, e.registered_on.month,
                                                         e.registered_on.year)
            if e.deleted_on:
                gone, waiver = sd.one("deletion_date", e.lfd_nr), sd.one("waiver_date", e.lfd_nr)
                assert compact(gone.text + waiver.text) in compact(text) and waiver.day < gone.day


def test_heldout9_field_list_numbers_its_fields_and_spells_out_umlauts(monkeypatch):
    """The EDV print sets each value after its numbered field's label and leader dots, the number in field 01, the
    registration in field 13 of each Baulast; no umlaut or ß anywhere."""
    tpl = TEMPLATES["dm_h9"]
    L = tpl.label
    for a in aktes("dm_h9", 6, "list9", n_entries=2, deleted=True, municipality="Jüchen"):
        text = drawn_text(monkeypatch, a, tpl)
        assert re.search(rf"01 {L('number')} \.+ : {re.escape(number_shown(a, tpl))} 02 ", text)
        for e in a.entries:
            assert re.search(rf"13 {L('reg')} \.+ : {re.escape(registered(a, tpl)[e.lfd_nr])} 14 ", text)
        assert not re.search("[äöüÄÖÜß]", text)
        assert "JUECHEN" in text


def test_heldout9_capture_form_writes_its_values_by_pen_and_its_dates_in_six_cells(monkeypatch):
    """On the capture form every value is written by pen: the number's digits whole (the suffix in capitals in a box
    of its own), the parcels, and each date one digit to a cell (TTMMJJ); the form's printed serial number and the
    municipality's key are never the register number."""
    tpl = TEMPLATES["hf_h9"]
    for a in aktes("hf_h9", 6, "form9", n_entries=3, deleted=True, number_style="suffix", n_parcels=2):
        pen = penned(monkeypatch, a, tpl)
        digits, suffix = re.fullmatch(r"(\d+)([a-z])", a.register_number).groups()
        assert digits in pen and suffix.upper() in pen
        assert all(p.flurstueck in pen and p.gemarkung.upper() in pen for p in a.parcels)
        sd = sheet_dates(a, tpl)
        cells = "".join(s for s in pen if len(s) == 1)
        for e in a.entries:
            assert len(sd.registered[e.lfd_nr]) == 6 and sd.registered[e.lfd_nr] in cells
        assert serial(a).lstrip("0") != digits and MUNI_KEY[a.municipality].lstrip("0") != digits
        assert MUNI_KEY[a.municipality] in cells


def test_heldout9_office_print_keeps_its_number_in_the_side_column(monkeypatch):
    """The office print names the number under its label at the head of the shaded side column, before the main
    column's title; the parcels are bullet lines; each entry says since when it is registered, or when it was
    deleted and when registered."""
    tpl = TEMPLATES["lp_h9"]
    L = tpl.label
    for a in aktes("lp_h9", 8, "side9", n_entries=2, deleted=True):
        text = drawn_text(monkeypatch, a, tpl)
        assert f"{L('side')} {L('number')} {a.register_display} {L('muni')}" in text
        assert text.index(a.register_display) < text.index(L("title"))
        for p in a.parcels:
            assert f"{L('gem')} {p.gemarkung}, {L('flur')} {p.flur}, {L('fst')} {p.flurstueck}" in text
        sd = sheet_dates(a, tpl)
        for e in a.entries:
            reg = sd.registered[e.lfd_nr]
            if e.deleted_on:
                assert f"{sd.one('deletion_date', e.lfd_nr).text} ({L('reg')} {reg})" in text
            else:
                assert f"{L('since')} {reg}" in text
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    side = [img.getpixel((x, img.height // 2)) for x in range(img.width // 10, img.width // 5, 3)]
    assert all(200 < v < 250 for v in side)  # a light shade under the column


def test_heldout9_is_deterministic(heldout9_files, tmp_path):
    again = generate(tmp_path, "heldout9", COUNT, SEED)
    assert digest(again) == digest(heldout9_files)


def test_heldout9_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout9:5")
    specs = [random_spec(rng, "heldout9", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT9
    assert set(Counter(s.quality for s in specs)) == {"clean", "typical", "poor"}
    assert set(Counter(s.fmt for s in specs)) == {"pdf", "tiff", "jpeg", "png"}
    assert any(s.content.get("is_baulast") is False for s in specs)
    baulast = [s for s in specs if s.content.get("is_baulast", True)]
    assert {s.content["n_entries"] for s in baulast} == {1, 2, 3}
    assert {s.content["n_parcels"] for s in baulast} == {1, 2, 3}
    assert {s.content["gemarkungen"] for s in baulast} == {1, 2}
    assert not any("sheet_cont" in s.pages for s in specs)


def test_older_splits_draw_and_write_the_same_as_before(tmp_path):
    assert_older_unchanged(tmp_path / "heldout8", "heldout8", HELDOUT8_SEED_9, HELDOUT8_TRUTH_SHA_4, OLDER, HELDOUT9)
    assert spec_templates("tuning", 11, len(TUNING_SEED_11)) == TUNING_SEED_11


@pytest.mark.parametrize("first", ["sheets_ninth", "sheets_eighth", "layouts", "sheets", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout9')) == 4 and 'feld_liste' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT9))
def test_heldout9_sheet_fits_a_crowded_record(name):
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


@pytest.mark.parametrize("name", sorted(HELDOUT9))
@pytest.mark.parametrize("style", STYLES)
def test_heldout9_sheet_renders_every_number_style_and_authority(name, style):
    tpl = TEMPLATES[name]
    for by_kreis in (False, True):
        rng = random.Random(f"{name}:{style}:{by_kreis}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), municipality="Jüchen", by_kreis=by_kreis,
                              number_style=style, n_entries=3, deleted=True)
        img, _ = render_sheet(a, tpl, 150, rng, 1)
        assert img.getextrema()[0] < 100  # something was drawn


def bare_tesseract(path) -> str:
    """`tesseract PAGE stdout -l deu`, as the project's benchmark runs it: no preparation of the page."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(["tesseract", str(path), "stdout", "-l", "deu"], env=env, check=True, capture_output=True,
                          text=True).stdout


def test_bare_tesseract_reads_the_register_numbers_digits_on_most_sheets(tmp_path):
    """Three sheets of each template (every number style, 1-3 entries and parcels), scanned as a typical file at
    200 dpi: bare Tesseract's text holds the register number's digits (dots and spaces aside) on most of them, so
    the number is legible on the page and what extraction makes of it is a fair measure."""
    pages = []
    for name in sorted(HELDOUT9):
        tpl = TEMPLATES[name]
        rng = random.Random(f"ocr9:{name}")
        for i in range(3):
            a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=STYLES[(i * 2 + len(name)) % 5],
                                         n_entries=1 + i, n_parcels=1 + (i + 1) % 3), {"gemarkungen": 1 + i % 2})
            img, _ = render_sheet(a, tpl, 200, rng, 1)
            path = tmp_path / f"{name}_{i}.png"
            degrade.degrade(img, "typical", rng, 200).save(path, dpi=(200, 200))
            pages.append((name, path, re.sub(r"\D", "", a.register_number)))
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(bare_tesseract, [path for _, path, _ in pages]))
    found = [digits in re.sub(r"[.\s]", "", text) for (_, _, digits), text in zip(pages, texts)]
    assert sum(found) >= 0.75 * len(pages), list(zip([n for n, _, _ in pages], found))
    for name in HELDOUT9:  # and on some sheet of every template
        assert any(ok for (n, _, _), ok in zip(pages, found) if n == name), name
