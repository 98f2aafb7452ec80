"""What the scan generator's split tests share: the keys every truth file has, the templates the
older splits drew before a newer split existed, helpers to read files, specs and their content back, and the checks
every split bound to templates of its own passes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path

from sample_scans.generate import generate
from sample_scans.synth import content, sheets_dev
from sample_scans.synth.assemble import gemarkungen, random_spec
from sample_scans.synth.layouts import LABELS, SPLITS, TEMPLATES, templates_for
from sample_scans.synth.render import Page
from sample_scans.synth.sheets import RENDERERS, render_sheet

TRUTH_KEYS = {"municipality", "register_number", "parcels", "date", "entries", "is_baulast", "sheet_page", "pages",
              "layout", "quality", "format", "split", "distractors", "notes"}
ENTRY_KEYS = {"lfd_nr", "type", "registered_on", "deleted_on"}
PARCEL_KEYS = {"gemarkung", "flur", "flurstueck"}

# Recorded before the newer splits existed: templates of the first random files per split/seed.
TUNING_SEED_11 = ("cp_b mg_b mg_a dm_a dm_a tw_b dm_a tw_a dm_a mg_b tw_b mg_a tw_a cp_b dm_a mg_a mg_a mg_a mg_b "
                  "cp_a mg_a mg_b cp_b mg_a cp_a cp_b tw_b tw_b tw_b cp_a").split()
HELDOUT_SEED_7 = "mg_h cp_h dm_h tw_h mg_h mg_h cp_h cp_h mg_h cp_h".split()
HELDOUT2_SEED_3 = "cp_k tw_k tw_k dm_k mg_k tw_k tw_k tw_k dm_k tw_k".split()


def truth_of(path) -> dict:
    return json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))


def template_of(truth: dict) -> str:
    return re.search(r"\[template (\w+)\]", truth["notes"]).group(1)


def spec_templates(split: str, seed: int, count: int) -> list[str]:
    rng = random.Random(f"specs:{split}:{seed}")  # as generate() draws its specs
    return [random_spec(rng, split, i + 1).template for i in range(count)]


def digest(paths) -> dict[str, str]:
    out = {}
    for p in paths:
        for f in (p, p.with_name(p.stem + ".truth.json")):
            out[f.name] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


# --- checks every split bound to templates of its own shares ---------------------------------------------------
def assert_bound_to_split(split: str, names: set[str], renderers: dict, older: tuple[str, ...]) -> None:
    """The split draws exactly these templates, no older split draws any of them, and their renderers are the
    split's own."""
    assert split in SPLITS
    assert {t.name for t in templates_for(split)} == names
    for other in older:
        assert not names & {t.name for t in templates_for(other)}, other
    assert all(TEMPLATES[n].split == split and not TEMPLATES[n].heldout for n in names)
    assert all(RENDERERS[TEMPLATES[n].renderer] is renderers[TEMPLATES[n].renderer] for n in names)


def assert_own_wordings(names: set[str]) -> None:
    """The templates share no wording set or renderer with any other template, have four renderers, and word the
    register number's label differently from every other template (also in capitals)."""
    others = [t for t in TEMPLATES.values() if t.name not in names]
    mine = [TEMPLATES[n] for n in names]
    assert not {t.labels for t in mine} & {t.labels for t in others}
    assert not {t.renderer for t in mine} & {t.renderer or t.style for t in others}
    assert len({t.renderer for t in mine}) == 4
    theirs = {LABELS[t.labels]["number"].upper().rstrip(":. ") for t in others}
    assert not {LABELS[t.labels]["number"].upper().rstrip(":. ") for t in mine} & theirs


def check_truth(path, split: str, names: set[str], always: tuple[str, ...] = ()) -> dict:
    """Assert what every truth file of a split-bound corpus says (all keys, the split, one of its templates, complete
    fields for a Baulast, none for the rest; the distractor kinds `always` on every Baulast); return the truth."""
    assert path.exists()
    truth = truth_of(path)
    assert set(truth) == TRUTH_KEYS
    assert truth["split"] == split
    assert template_of(truth) in names
    assert truth["layout"] == TEMPLATES[template_of(truth)].style
    if truth["is_baulast"]:
        assert truth["municipality"] and re.fullmatch(r"[1-9][0-9]*[a-z]?", truth["register_number"])
        assert truth["parcels"] and all(set(p) == PARCEL_KEYS for p in truth["parcels"])
        assert all(set(e) == ENTRY_KEYS for e in truth["entries"])
        assert truth["date"] == truth["entries"][0]["registered_on"]
        assert 1 <= truth["sheet_page"] <= truth["pages"]
        assert set(always) <= set(truth["distractors"])
    else:
        assert truth["register_number"] is None and truth["sheet_page"] is None
    return truth


def specs_and_aktes(split: str, seed: int, count: int) -> list:
    """[(spec, Akte), ...] of the files generate(outdir, split, count, seed) writes, drawn as it draws them."""
    rng = random.Random(f"specs:{split}:{seed}")
    specs = [random_spec(rng, split, i + 1) for i in range(count)]
    out = []
    for spec in specs:  # as assemble.build draws the content
        draws = random.Random(f"{split}:{seed}:{spec.name}")
        out.append((spec, content.make_akte(draws, TEMPLATES[spec.template].years, gemarkungen(), **spec.content)))
    return out


def assert_imports_first(module: str, check: str) -> None:
    """Import sample_scans.synth.<module> first in a fresh interpreter, then run the check (the synth modules import
    each other, so each must work as the first one imported)."""
    code = (f"import sample_scans.synth.{module}\n"
            "from sample_scans.synth.layouts import templates_for\n"
            "from sample_scans.synth.sheets import RENDERERS\n" + check)
    subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], check=True)


def crowded_akte(name: str) -> tuple:
    """A template, its random source and a record that crowds its sheet: three entries, three
    parcels on two Flure, a deletion and a register number with a suffix."""
    tpl = TEMPLATES[name]
    rng = random.Random(name)
    akte = content.make_akte(rng, tpl.years, gemarkungen(), n_parcels=3, two_flure=True, n_entries=3, deleted=True,
                             number_style="suffix")
    return tpl, rng, akte


def drawn_text(monkeypatch, a, tpl, dpi=200) -> str:
    """Everything the renderer prints, types, writes by pen or stamps on the sheet's last (fitting) attempt, in
    drawing order, whitespace normalized."""
    seen: list[str] = []
    init, text, typed = Page.__init__, Page.text, Page.typed
    pen, stamp = sheets_dev.pen, sheets_dev.rubber_stamp

    def init_(self, *args, **kw):  # a new attempt at a smaller size starts afresh
        seen.clear()
        init(self, *args, **kw)

    monkeypatch.setattr(Page, "__init__", init_)
    monkeypatch.setattr(Page, "text", lambda self, x, y, s, *a_, **k: seen.append(s) or text(self, x, y, s, *a_, **k))
    monkeypatch.setattr(Page, "typed", lambda self, x, y, s, *a_, **k: seen.append(s) or typed(self, x, y, s, *a_, **k))
    monkeypatch.setattr(sheets_dev, "pen", lambda pg, x, y, s, *a_, **k: seen.append(s) or pen(pg, x, y, s, *a_, **k))
    monkeypatch.setattr(sheets_dev, "rubber_stamp",
                        lambda pg, x, y, lines, *a_, **k: seen.extend(s for s, _, _ in lines) or stamp(pg, x, y, lines,
                                                                                                         *a_, **k))
    render_sheet(a, tpl, dpi, random.Random(tpl.name), 1)
    monkeypatch.undo()
    return " ".join(" ".join(seen).split())


def entry_deletions(truth: dict, template: str) -> int:
    """Checks a Baulast's entries (registered within the template's years, later entries later,
    numbered 1, 2, ..., each deletion after its registration); how many are deleted."""
    years = TEMPLATES[template].years
    days = [dt.date.fromisoformat(e["registered_on"]) for e in truth["entries"]]
    assert years[0] <= days[0].year <= years[1]
    assert days == sorted(days) and len(set(days)) == len(days)  # later entries registered later
    assert [e["lfd_nr"] for e in truth["entries"]] == list(range(1, len(days) + 1))
    deleted = 0
    for entry, day in zip(truth["entries"], days):
        if entry["deleted_on"]:
            deleted += 1
            assert dt.date.fromisoformat(entry["deleted_on"]) > day
    return deleted


def assert_corpus(paths, split: str, names: set[str], count: int) -> None:
    """A split's small corpus: `count` files, each with complete truth (``check_truth``), a Baulast on each of the
    split's templates, consistent entries (``entry_deletions``) and at least one of them deleted."""
    assert len(paths) == count
    used, deleted = set(), 0
    for path in paths:
        truth = check_truth(path, split, names)
        if truth["is_baulast"]:
            used.add(template_of(truth))
            deleted += entry_deletions(truth, template_of(truth))
    assert used == names and deleted >= 1


def assert_older_unchanged(tmp_path, previous: str, templates: list[str], truth_sha: list[str],
                           older: tuple[str, ...], names: set[str]) -> None:
    """The split before a new one draws its first templates (seed 9) and writes its first two truth files (seed 4)
    as recorded before the new split existed, and no older split draws any of the new split's templates."""
    assert spec_templates(previous, 9, len(templates)) == templates
    paths = generate(tmp_path, previous, 2, 4)
    assert [hashlib.sha256(p.with_name(p.stem + ".truth.json").read_bytes()).hexdigest() for p in paths] == truth_sha
    for split in older[1:]:
        rng = random.Random(f"specs:{split}:1")
        assert not {random_spec(rng, split, i + 1).template for i in range(100)} & names, split


def assert_crowded_fits(name: str, sheet_dates) -> None:
    """The crowded record (``crowded_akte``) fits on the template's sheet at both resolutions, the page turned as the
    template is, and the sheet names every kind of date ``sheet_dates`` plans for it among its distractors."""
    tpl, rng, a = crowded_akte(name)
    for dpi in (200, 300):
        img, distractors = render_sheet(a, tpl, dpi, rng, 1)
        assert (img.size[0] > img.size[1]) == tpl.landscape
        assert sheet_dates(a, tpl).kinds() <= distractors
