"""The scan generator's heldout12 split: only its own five templates, all of them in a small corpus, complete and
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
from PIL import ImageStat

from sample_scans.generate import generate
from sample_scans.synth import content
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, SPLITS, TEMPLATES
from sample_scans.synth.sheets import RENDERERS, render_sheet
from sample_scans.synth.sheets_twelfth import (
    MONTHS,
    MONTHS_HOST,
    MONTHS_STAMP,
    MONTHS_TYPED,
    TWELFTH_RENDERERS,
    TWELFTH_TEMPLATES,
    amendments,
    cardinal,
    consecutive,
    fst_tokens,
    groups,
    neighbour_numbers,
    ordinal,
    printer_case,
    registered,
    sheet_dates,
    spread,
    stacked_fractions,
    typed_plot,
    typed_text,
    year_words,
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

HELDOUT12 = {"rb_x12", "hk_x12", "nu_x12", "fo_x12", "ph_x12"}
SEED, COUNT = 367, 5  # a Baulast on each template, a deletion, parcels in two Gemarkungen and in a run, a survey
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
}
OLDER = tuple(SPEC_SHA_9)
FILE_SHA_4 = {
    "heldout11": ("7eac5cd283015af605d1c2b475a0d42fd1aa4097c3877928a54bcb93bf30c901",
                  "39de838b0ecdaec0cb38088263cb75d3304358d7577c96c7fbf03bc77928c313"),
}

# German number words, read back independently of the generator's own tables
UNITS = {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
         "neun": 9}
TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
         "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
        "neunzig": 90}
FIRST_DAYS = {"ersten": 1, "dritten": 3, "siebten": 7, "achten": 8}


def number_word(w: str) -> int:
    """1..99 from its German word."""
    for table in (UNITS, TEENS, TENS):
        if w in table:
            return table[w]
    unit, tens = w.split("und")
    return UNITS[unit] + TENS[tens]


def day_word(w: str) -> int:
    """A day after 'am': 'ersten', 'sechsten', 'zwanzigsten'."""
    if w in FIRST_DAYS:
        return FIRST_DAYS[w]
    try:
        return number_word(w[:-3])  # ...ten
    except (KeyError, ValueError):
        return number_word(w[:-4])  # ...sten


def year_word(w: str) -> int:
    for head, base in (("neunzehnhundert", 1900), ("zweitausend", 2000)):
        if w.startswith(head):
            rest = w[len(head):]
            return base + (number_word(rest) if rest else 0)
    raise ValueError(w)


def compact(s: str) -> str:
    return "".join(s.split())


def normalized(shown: str) -> str:
    """A register number as a clerk records it: no thousands dot, spaces or leading zeros, the suffix in lower case."""
    return re.sub(r"[.\s]", "", shown).lstrip("0").lower()


def read_date(shown: str) -> dt.date:
    """A date as this split prints it, read back: '12.03.1987', '12.03.87', '12.3.87', '12.3.1987', '12. März 1987',
    '12. Febr. 1987', '12. MRZ. 1987', 'zwölften März 1987', 'zwölften März neunzehnhundertsiebenundachtzig' or
    '12-MRZ-1987'."""
    if m := re.fullmatch(r"(\d\d)-([A-Z]{3})-(\d{4})", shown):
        return dt.date(int(m[3]), MONTHS_HOST.index(m[2]) + 1, int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", shown):
        day, month, year = int(m[1]), int(m[2]), m[3]
    elif m := re.fullmatch(r"([^\W\d_]+) (\S+) (\d{4}|[^\W\d_]+)", shown):
        day, month = day_word(m[1]), MONTHS.index(m[2]) + 1
        year = m[3] if m[3].isdigit() else str(year_word(m[3]))
    else:
        m = re.fullmatch(r"(\d{1,2})\. (\S+) (\d{4})", shown)
        day, year = int(m[1]), m[3]
        month = next(table.index(m[2]) for table in (MONTHS, MONTHS_TYPED, MONTHS_STAMP) if m[2] in table) + 1
    year = int(year) if len(year) == 4 else int(year) + (1900 if int(year) > 30 else 2000)
    return dt.date(year, month, day)


def aktes(name: str, n: int, salt: str, two: bool = True, run: bool = True, **opts) -> list:
    tpl = TEMPLATES[name]
    rng = random.Random(f"{salt}:{name}")
    return [spread(content.make_akte(rng, tpl.years, gemarkungen(), **opts), {"gemarkungen": 2 if two else 1,
                                                                              "run": run}) for _ in range(n)]


# where each template prints the register number, the parcels and each entry's Eintragungsdatum (as drawn, whitespace
# normalized)
def number_phrase(name: str, a) -> str:
    tpl = TEMPLATES[name]
    shown = a.register_display
    return {"rb_x12": f"{shown} {tpl.label('gem')}", "hk_x12": f"{a.municipality} {shown}"}.get(
        name, f"{tpl.label('number')} {shown}")


def parcel_phrases(name: str, a, text: str) -> list[str]:
    tpl = TEMPLATES[name]
    L = tpl.label
    if name == "rb_x12":
        out = []
        stacked = stacked_fractions(a)
        for gem, flur, fst in groups(a):
            out += [f"{L('gem')} {gem}", f"{L('flur')} {flur} {L('fst')}"]
            for tok in fst_tokens(fst, L("to")):
                out.append(tok.replace("/", " ") if stacked and "/" in tok else tok)
        return out
    if name == "hk_x12":
        p = a.parcels[0]
        return [f"{p.gemarkung} {p.flur} {p.flurstueck}"] + [p.flurstueck for p in a.parcels]
    if name == "nu_x12":
        out = [f"Gemarkung {g}" for g, _, _ in groups(a)]
        for p in a.parcels:
            z, _, n = p.flurstueck.partition("/")
            out.append(f"{p.flur} {z} {n}" if n else f"{p.flur} {z}")
        return out
    if name == "fo_x12":
        out = [f"Gemarkung {g}, Flur {fl}," for g, fl, _ in typed_plot(a)]
        for _, _, toks in typed_plot(a):
            for typed, now in toks:
                out.append(typed)
                out += now
        return out
    up = printer_case(a)
    by_gem: dict[str, list[str]] = {}
    for g, fl, fst in groups(a):
        by_gem.setdefault(g, []).append(f"FL. {fl} FLST. {', '.join(fst)}")
    return [f"GMKG. {up(g)} " + "; ".join(parts) for g, parts in by_gem.items()]


def reg_phrase(name: str, a, n: int, shown: str) -> str:
    decl = sheet_dates(a, TEMPLATES[name]).one("declaration_date", n)
    if name == "rb_x12":
        return f"{decl.text} {shown}"
    if name == "hk_x12":
        return f"{decl.shown} {shown}"
    return {"nu_x12": f"{shown} Löschung", "fo_x12": f"am {shown}", "ph_x12": f"EINGETR.: {shown}"}[name]


@pytest.fixture(scope="module")
def heldout12_files(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("heldout12"), "heldout12", COUNT, SEED)


@pytest.mark.parametrize(("n", "words"), [
    pytest.param(1, "eins", id="1"), pytest.param(7, "sieben", id="7"), pytest.param(16, "sechzehn", id="16"),
    pytest.param(21, "einundzwanzig", id="21"), pytest.param(30, "dreißig", id="30"),
    pytest.param(67, "siebenundsechzig", id="67"), pytest.param(99, "neunundneunzig", id="99")])
def test_cardinal_words(n, words):
    assert cardinal(n) == words and number_word(words) == n


@pytest.mark.parametrize(("day", "words"), [
    pytest.param(1, "ersten", id="1"), pytest.param(3, "dritten", id="3"), pytest.param(7, "siebten", id="7"),
    pytest.param(6, "sechsten", id="6"), pytest.param(8, "achten", id="8"), pytest.param(12, "zwölften", id="12"),
    pytest.param(15, "fünfzehnten", id="15"), pytest.param(16, "sechzehnten", id="16"),
    pytest.param(20, "zwanzigsten", id="20"), pytest.param(21, "einundzwanzigsten", id="21"),
    pytest.param(31, "einunddreißigsten", id="31")])
def test_ordinal_days(day, words):
    assert ordinal(day) == words and day_word(words) == day


@pytest.mark.parametrize(("year", "words"), [
    pytest.param(1958, "neunzehnhundertachtundfünfzig", id="1958"), pytest.param(1970, "neunzehnhundertsiebzig",
                                                                                   id="1970"),
    pytest.param(1901, "neunzehnhunderteins", id="1901"), pytest.param(2000, "zweitausend", id="2000"),
    pytest.param(2013, "zweitausenddreizehn", id="2013")])
def test_year_words(year, words):
    assert year_words(year) == words and year_word(words) == year


def test_heldout12_templates_are_bound_to_their_split():
    assert HELDOUT12 == set(TWELFTH_TEMPLATES)
    assert SPLITS[:SPLITS.index("heldout12")] == OLDER  # the splits before it, as recorded; later ones after it
    assert_bound_to_split("heldout12", HELDOUT12, TWELFTH_RENDERERS, OLDER)


def test_heldout12_templates_share_no_wording_set_renderer_or_number_label_with_other_templates():
    """Own wording sets and five renderers of their own; the register number's label is worded differently from
    every other template's (also in capitals) and from each other's."""
    others = [t for t in TEMPLATES.values() if t.name not in HELDOUT12]
    mine = [TEMPLATES[n] for n in HELDOUT12]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == len(mine) == 5
    assert set(TWELFTH_RENDERERS) == {t.renderer for t in mine}
    theirs = {LABELS[t.labels]["number"].upper().rstrip(":. ") for t in others}
    ours = [LABELS[t.labels]["number"].upper().rstrip(":. ") for t in mine]
    assert len(set(ours)) == len(ours) and not set(ours) & theirs
    assert all(RENDERERS[t.renderer] is TWELFTH_RENDERERS[t.renderer] for t in mine)


def test_heldout12_files_truth_complete_consistent_and_all_five_templates(heldout12_files):
    assert_corpus(heldout12_files, "heldout12", HELDOUT12, COUNT)
    assert all(p.stat().st_size > 10_000 for p in heldout12_files)
    assert {p.suffix for p in heldout12_files} <= {".pdf", ".tif", ".tiff", ".jpg", ".png"}


def test_every_heldout12_truth_is_its_aktes(heldout12_files):
    """Rebuilt from the seeded draws (parcels spread as the file's draws ask), each truth is the Akte's (the head's
    parcels as they are now, never the benefiting one; the first entry's day as the date); the sheet's planned dates
    are among the distractors; some file has parcels in two Gemarkungen of its municipality, some a run of three."""
    truths = {p.name: check_truth(p, "heldout12", HELDOUT12) for p in heldout12_files}
    two = run = 0
    for spec, a in specs_and_aktes("heldout12", SEED, COUNT):
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
        run += any(" bis " in t for _, _, fst in groups(a) for t in fst_tokens(fst, "bis"))
    assert two >= 1 and run >= 1


def test_consecutive_numbers_a_flurs_parcels_one_after_the_other_and_their_texts_with_them():
    """Asked for a run, the first Flur with more than one parcel has them numbered one after the other, and the entry
    texts name them as they are now; without the ask nothing changes."""
    tpl = TEMPLATES["rb_x12"]
    changed = 0
    for i in range(20):
        rng = random.Random(f"run12:{i}")
        a = content.make_akte(rng, tpl.years, gemarkungen(), n_parcels=3, two_flure=False, n_entries=2,
                              first_type="Vereinigungsbaulast")
        before = [p.flurstueck for p in a.parcels]
        assert [p.flurstueck for p in consecutive(a, {}).parcels] == before
        a = consecutive(a, {"run": True})
        nums = [p.flurstueck for p in a.parcels]
        if nums != before:
            changed += 1
            assert all(n.isdigit() for n in nums) and [int(n) - int(nums[0]) for n in nums] == [0, 1, 2]
            assert all(p.phrase() in a.entries[0].text for p in a.parcels)
    assert changed >= 15


@pytest.mark.parametrize("name", sorted(HELDOUT12))
def test_heldout12_dates_read_back_and_keep_off_registration_days(name):
    """Every entry's day as printed reads back to its registration; every other planned date reads back to its own
    day and is on no registration or deletion day unless it is that entry's deletion; every deletion is planned."""
    tpl = TEMPLATES[name]
    for a in aktes(name, 10, "dates12", n_entries=3, deleted=True) + aktes(name, 10, "dates12b", two=False):
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


@pytest.mark.parametrize("name", sorted(HELDOUT12))
def test_heldout12_sheets_print_every_truth_value(name, monkeypatch):
    """On plain and crowded records (every number style, the municipality's own register and the Kreis's, parcels
    in one or two Gemarkungen, in a run or not) the rendered sheet holds the register number where the template puts
    it, which normalizes to the truth's; the municipality; every parcel in the template's own notation; every entry's
    Eintragungsdatum where the template puts it; and every planned date as printed."""
    tpl = TEMPLATES[name]
    rng = random.Random(f"print12:{name}")
    for i, style in enumerate(STYLES * 2):
        crowded = {"n_parcels": 3 + i % 2, "two_flure": i % 4 == 1, "n_entries": 3, "deleted": True} if i % 2 else {}
        kreis = {"municipality": "Jüchen", "by_kreis": True} if i in (1, 2, 7) else {}
        a = spread(content.make_akte(rng, tpl.years, gemarkungen(), number_style=style, **crowded, **kreis),
                   {"gemarkungen": 2 if i % 3 else 1, "run": i % 4 != 2})
        text = drawn_text(monkeypatch, a, tpl, dpi=150)
        flat = compact(text)
        assert number_phrase(name, a) in text, (a.register_display, text[:400])
        assert normalized(a.register_display) == content.truth(a)["register_number"]
        muni = printer_case(a)(a.municipality) if name == "ph_x12" else a.municipality
        assert muni in text
        for phrase in parcel_phrases(name, a, text):
            assert phrase in text, (phrase, text)
        for n, shown in registered(a, tpl).items():
            assert compact(reg_phrase(name, a, n, shown)) in flat, (n, shown)
        for m in sheet_dates(a, tpl).mentions:
            assert compact(m.text) in flat, m


def test_heldout12_layout_details(monkeypatch):
    """A few things only one template does: the register page names the sheets around this one, each other than it,
    and blacks them out; the duplicated form numbers its columns and writes later entries' plot as the one above; the
    print puts two pages side by side, Zähler and Nenner in columns of their own; the survey strikes the typed
    Flurstücke it changed, writes the new ones above them and leaves the entry texts as typed; the list lies on a desk
    in the photograph."""
    for a in aktes("rb_x12", 20, "detail12"):
        before, after = neighbour_numbers(a)
        assert before + after and all(normalized(n) != a.register_number for n in before + after)
    a = aktes("rb_x12", 1, "detail12b")[0]
    img, _ = render_sheet(a, TEMPLATES["rb_x12"], 150, random.Random(1), 1)
    dark = sum(img.histogram()[:60]) / (img.width * img.height)
    assert dark > 0.05
    a = aktes("hk_x12", 1, "detail12", n_entries=3)[0]
    text = drawn_text(monkeypatch, a, TEMPLATES["hk_x12"], dpi=150)
    assert " ".join(str(k) for k in range(1, 14)) in text
    assert text.count("wie vor") + text.count("wie oben") >= 4
    a = aktes("nu_x12", 1, "detail12", n_entries=3)[0]
    tpl = TEMPLATES["nu_x12"]
    text = drawn_text(monkeypatch, a, tpl, dpi=150)
    assert "Seite 1 von 2" in text and "Seite 2 von 2" in text and "Zähler" in text and "Nenner" in text
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    half = img.width // 2
    for box in ((0, 0, half, img.height), (half, 0, img.width, img.height)):
        assert img.crop(box).getextrema()[0] < 60
    surveyed = 0
    for a in aktes("fo_x12", 20, "detail12", n_parcels=3, n_entries=2):
        changes = amendments(a)
        surveyed += bool(changes)
        text = drawn_text(monkeypatch, a, TEMPLATES["fo_x12"], dpi=150) if changes else ""
        for idx, old in changes:
            assert old in text and all(a.parcels[j].flurstueck in text for j in idx)
            assert old not in {p.flurstueck for p in a.parcels if p.flur == a.parcels[idx[0]].flur}
            for j in idx:
                gone = a.parcels[j].phrase()
                assert all(not re.search(re.escape(gone) + r"(?![\d/])", typed_text(a, e)) for e in a.entries)
    assert surveyed >= 15
    a = aktes("ph_x12", 1, "detail12")[0]
    tpl = TEMPLATES["ph_x12"]
    text = drawn_text(monkeypatch, a, tpl, dpi=150)
    assert text.endswith("*** ENDE DER AUSKUNFT ***")
    img, _ = render_sheet(a, tpl, 150, random.Random(1), 1)
    corner = img.crop((0, 0, img.width // 40, img.height // 40))
    assert ImageStat.Stat(corner).mean[0] < 160


def test_heldout12_is_deterministic(heldout12_files, tmp_path):
    """The same seed writes the same files: the first two again, byte for byte."""
    again = generate(tmp_path, "heldout12", 2, SEED)
    first = digest(heldout12_files[:2])
    assert digest(again) == first and len(first) == 4


def test_heldout12_specs_draw_only_its_templates_and_mix_the_rest():
    rng = random.Random("specs:heldout12:5")
    specs = [random_spec(rng, "heldout12", i + 1) for i in range(200)]
    assert {s.template for s in specs} == HELDOUT12
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
    """Every older split draws the same specs as before this split existed, the one before it writes the same first
    file and truth, and none draws a heldout12 template."""
    for split in OLDER:
        rng = random.Random(f"specs:{split}:9")
        specs = [random_spec(rng, split, i + 1) for i in range(12)]
        assert hashlib.sha256(repr(specs).encode()).hexdigest() == SPEC_SHA_9[split], split
        rng = random.Random(f"specs:{split}:1")
        assert not {random_spec(rng, split, i + 1).template for i in range(100)} & HELDOUT12, split
    for split, (file_sha, truth_sha) in FILE_SHA_4.items():
        path = generate(tmp_path / split, split, 1, 4)[0]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == file_sha, split
        assert hashlib.sha256(path.with_name(path.stem + ".truth.json").read_bytes()).hexdigest() == truth_sha, split


@pytest.mark.parametrize("first", ["sheets_twelfth", "assemble"])
def test_the_synth_modules_import_in_any_order(first):
    assert_imports_first(first, "assert len(templates_for('heldout12')) == 5 and 'x12_two_up' in RENDERERS\n")


@pytest.mark.parametrize("name", sorted(HELDOUT12))
def test_heldout12_sheet_fits_a_crowded_record(name):
    """Three entries, a deletion, three parcels on two Flure, a suffixed number: the sheet fits at both resolutions,
    turned as the template is, and names every kind of date it plans among its distractors; so do four parcels in a
    run, in two Gemarkungen."""
    assert_crowded_fits(name, sheet_dates)
    tpl = TEMPLATES[name]
    a = aktes(name, 1, "crowded12", n_parcels=4, two_flure=True, n_entries=3, deleted=True, number_style="dotted")[0]
    for dpi in (200, 300):
        _, distractors = render_sheet(a, tpl, dpi, random.Random(name), 1)
        assert sheet_dates(a, tpl).kinds() <= distractors
