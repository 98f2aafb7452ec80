"""Putting one e-file together: spec -> content -> pages -> scan degradation -> file + truth.json."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import content, degrade, pages, writers
from .layouts import TEMPLATES, templates_for
from .sheets import render_sheet
from .sheets_dev2 import spec_draws as dev2_spec_draws
from .sheets_dev3 import spec_draws as dev3_spec_draws
from .sheets_dev4 import spec_draws as dev4_spec_draws
from .sheets_dev5 import spec_draws as dev5_spec_draws
from .sheets_dev6 import spec_draws as dev6_spec_draws
from .sheets_dev7 import spec_draws as dev7_spec_draws
from .sheets_dev7 import spread as dev7_spread
from .sheets_dev8 import spec_draws as dev8_spec_draws
from .sheets_eighth import spec_draws as heldout8_spec_draws
from .sheets_eighth import spread as heldout8_spread
from .sheets_eleventh import spec_draws as heldout11_spec_draws
from .sheets_eleventh import spread as heldout11_spread
from .sheets_fifth import spec_draws as heldout5_spec_draws
from .sheets_fourteenth import spec_draws as heldout14_spec_draws
from .sheets_fourteenth import spread as heldout14_spread
from .sheets_ninth import spec_draws as heldout9_spec_draws
from .sheets_ninth import spread as heldout9_spread
from .sheets_seventh import spec_draws as heldout7_spec_draws
from .sheets_seventh import spread as heldout7_spread
from .sheets_sixth import spec_draws as heldout6_spec_draws
from .sheets_sixth import spread as heldout6_spread
from .sheets_tenth import spec_draws as heldout10_spec_draws
from .sheets_tenth import spread as heldout10_spread
from .sheets_thirteenth import spec_draws as heldout13_spec_draws
from .sheets_thirteenth import spread as heldout13_spread
from .sheets_twelfth import spec_draws as heldout12_spec_draws
from .sheets_twelfth import spread as heldout12_spread

PAGE_KINDS = ("sheet", "sheet_cont", "decl", "plan", "letter", "letter2")  # sheet_cont: dev, dev2, heldout5


@dataclass
class Spec:
    """What one file should look like. Page indices below are 0-based positions in `pages`."""

    name: str  # file name with extension
    template: str  # key of layouts.TEMPLATES
    quality: str  # clean | typical | poor
    fmt: str  # pdf | tiff | jpeg | png
    dpi: int = 300
    pages: tuple[str, ...] = ("sheet",)
    turns: dict[int, int] = field(default_factory=dict)  # page index -> 90/180/270
    stamps: tuple[int, ...] = ()  # page indices that get an EINGEGANGEN stamp
    variant: str = ""  # writer variant: pdf/png 'bilevel', tiff group4|lzw|deflate
    content: dict = field(default_factory=dict)  # options for content.make_akte
    notes: str = ""


@lru_cache(maxsize=1)
def gemarkungen() -> dict[str, list[str]]:
    return content.load_gemarkungen()


def render_page(kind: str, a: content.Akte, spec: Spec, rng: random.Random) -> tuple:
    tpl = TEMPLATES[spec.template]
    year = a.entries[0].registered_on.year if a.entries else a.letter_date.year
    typed = tpl.style in ("typewriter_form", "dot_matrix") or year < 1990
    font = tpl.value_font if typed else ("sans" if tpl.style == "modern_grid" else tpl.form_font)
    if kind == "sheet":
        if "sheet_cont" in spec.pages:  # the sheet runs onto the next page
            return render_sheet(a, tpl, spec.dpi, rng, 1, part=(1, 2))
        return render_sheet(a, tpl, spec.dpi, rng, 1)
    if kind == "sheet_cont":
        return render_sheet(a, tpl, spec.dpi, rng, 2, part=(2, 2))
    if kind == "decl":
        return pages.declaration_page(a, spec.dpi, rng, typed and year < 1996, font)
    if kind == "plan":
        return pages.lageplan_page(a, spec.dpi, rng)
    if kind in ("letter", "letter2"):
        kind_ = a.letter_kind if not a.is_baulast else "anschreiben"
        return pages.letter_page(a, spec.dpi, rng, typed, font, kind_, part=2 if kind == "letter2" else 1)
    raise ValueError(kind)


def describe(spec: Spec, a: content.Akte, tpl_name: str) -> str:
    if spec.notes:
        return f"{spec.notes} [template {tpl_name}]"
    kinds = ", ".join(spec.pages)
    turned = f"; page(s) {', '.join(str(i + 1) for i in spec.turns)} turned" if spec.turns else ""
    what = "Baulastenakte" if a.is_baulast else f"not a Baulast ({a.letter_kind} letter)"
    return f"{what}: {kinds}{turned} [template {tpl_name}]"


def build(spec: Spec, outdir: Path, split: str, seed: int) -> Path:
    """Render, degrade and write one file plus its truth.json; return the file path."""
    rng = random.Random(f"{split}:{seed}:{spec.name}")
    tpl = TEMPLATES[spec.template]
    a = content.make_akte(rng, tpl.years, gemarkungen(), **spec.content)
    if tpl.split in ("dev7", "dev8"):  # their parcels may lie in two Gemarkungen (sheets_dev7.spread draws nothing)
        a = dev7_spread(a, spec.content)
    if tpl.split == "heldout6":  # heldout6's own spread (sheets_sixth.spread, which draws nothing)
        a = heldout6_spread(a, spec.content)
    if tpl.split == "heldout7":  # heldout7's own spread (sheets_seventh.spread, which draws nothing)
        a = heldout7_spread(a, spec.content)
    if tpl.split == "heldout8":  # heldout8's own spread (sheets_eighth.spread, which draws nothing)
        a = heldout8_spread(a, spec.content)
    if tpl.split == "heldout9":  # heldout9's own spread (sheets_ninth.spread, which draws nothing)
        a = heldout9_spread(a, spec.content)
    if tpl.split == "heldout10":  # heldout10's own spread (sheets_tenth.spread, which draws nothing)
        a = heldout10_spread(a, spec.content)
    if tpl.split == "heldout11":  # heldout11's own spread (sheets_eleventh.spread, which draws nothing)
        a = heldout11_spread(a, spec.content)
    if tpl.split == "heldout12":  # heldout12's own spread (sheets_twelfth.spread, which draws nothing)
        a = heldout12_spread(a, spec.content)
    if tpl.split == "heldout13":  # heldout13's own spread (sheets_thirteenth.spread, which draws nothing)
        a = heldout13_spread(a, spec.content)
    if tpl.split == "heldout14":  # heldout14's own spread (sheets_fourteenth.spread, which draws nothing)
        a = heldout14_spread(a, spec.content)
    images, distractors = [], set()
    for i, kind in enumerate(spec.pages):
        img, d = render_page(kind, a, spec, rng)
        stamp = None
        if i in spec.stamps:
            stamp = degrade.stamp_text(a.stamp_date, a.authority[0])
            d.add("stamp_date")
        img = degrade.degrade(img, spec.quality, rng, spec.dpi, stamp)
        images.append(degrade.turn(img, spec.turns.get(i, 0)))
        distractors |= d
    path = outdir / spec.name
    writers.write_pages(images, path, spec.fmt, spec.dpi, spec.variant)
    truth = content.truth(a)
    truth.update({
        "sheet_page": spec.pages.index("sheet") + 1 if a.is_baulast else None,
        "pages": len(images),
        "layout": tpl.style,
        "quality": spec.quality,
        "format": spec.fmt,
        "split": split,
        "distractors": sorted(distractors),
        "notes": describe(spec, a, tpl.name),
    })
    writers.write_truth(path, truth)
    return path


def random_spec(rng: random.Random, split: str, index: int) -> Spec:
    """A random file for the tuning/heldout/heldout2/.../heldout14/dev/dev2/.../dev8 corpora
    (the split-bound ones use only their own templates). Only dev, dev2 and heldout5 files may have a continuation page
    of the sheet (drawn after everything the other splits draw, so their files do not change)."""
    tpl = rng.choice(templates_for(split))
    fmt = rng.choices(writers.FORMATS, weights=(4, 3, 2, 2))[0]
    quality = rng.choices(degrade.QUALITIES, weights=(3, 5, 2))[0]
    dpi = rng.choice((200, 300))
    opts: dict = {}
    if rng.random() < 0.08:
        opts = {"is_baulast": False, "letter_kind": rng.choice(("eingang", "negativ"))}
        kinds = ["letter", "letter2"][: 1 if fmt in ("jpeg", "png") else rng.choice((1, 2))]
    elif fmt in ("jpeg", "png"):
        kinds = ["sheet"]
    else:
        kinds = rng.sample(["decl", "plan", "letter"], k=rng.choice((0, 1, 1, 2, 2, 3)))
        kinds.insert(rng.choice((0, 0, 0, 0, 1, 2)) if len(kinds) >= 2 else 0, "sheet")
        if tpl.split == "dev" and rng.random() < 0.3:  # two or three entries, the last ones on a second page
            kinds.insert(kinds.index("sheet") + 1, "sheet_cont")
            opts = {"n_entries": rng.choice((2, 3))}
    if tpl.split == "dev2":  # dev2's own draws (sheets_dev2.spec_draws); no other split makes them
        kinds, opts = dev2_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "dev3":  # dev3's own draws (sheets_dev3.spec_draws); no other split makes them
        kinds, opts = dev3_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "dev4":  # dev4's own draws (sheets_dev4.spec_draws); no other split makes them
        kinds, opts = dev4_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "dev5":  # dev5's own draws (sheets_dev5.spec_draws); no other split makes them
        kinds, opts = dev5_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "dev6":  # dev6's own draws (sheets_dev6.spec_draws, which may choose the deleted entry)
        kinds, opts = dev6_spec_draws(rng, kinds, opts, fmt, tpl)
    if tpl.split == "heldout5":  # heldout5's own draws (sheets_fifth.spec_draws, which may add a continuation page)
        kinds, opts = heldout5_spec_draws(rng, kinds, opts, fmt, tpl)
    if tpl.split == "dev7":  # dev7's own draws (sheets_dev7.spec_draws: more parcels, two Gemarkungen)
        kinds, opts = dev7_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout6":  # heldout6's own draws (sheets_sixth.spec_draws)
        kinds, opts = heldout6_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "dev8":  # dev8's own draws (sheets_dev8.spec_draws: 1-3 parcels, two Gemarkungen)
        kinds, opts = dev8_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout7":  # heldout7's own draws (sheets_seventh.spec_draws)
        kinds, opts = heldout7_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout8":  # heldout8's own draws (sheets_eighth.spec_draws)
        kinds, opts = heldout8_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout9":  # heldout9's own draws (sheets_ninth.spec_draws)
        kinds, opts = heldout9_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout10":  # heldout10's own draws (sheets_tenth.spec_draws)
        kinds, opts = heldout10_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout11":  # heldout11's own draws (sheets_eleventh.spec_draws)
        kinds, opts = heldout11_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout12":  # heldout12's own draws (sheets_twelfth.spec_draws)
        kinds, opts = heldout12_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout13":  # heldout13's own draws (sheets_thirteenth.spec_draws)
        kinds, opts = heldout13_spec_draws(rng, kinds, opts, fmt)
    if tpl.split == "heldout14":  # heldout14's own draws (sheets_fourteenth.spec_draws, a telex's within its years)
        kinds, opts = heldout14_spec_draws(rng, kinds, opts, fmt, tpl)
    turns = {}
    if rng.random() < 0.1:
        turns[rng.randrange(len(kinds))] = rng.choice((90, 180, 270))
    stamps = []
    if quality == "poor" and "sheet" in kinds and rng.random() < 0.6:
        stamps.append(kinds.index("sheet"))
    if "decl" in kinds and rng.random() < 0.4:
        stamps.append(kinds.index("decl"))
    variant = {"pdf": "bilevel" if rng.random() < 0.2 else "",
               "tiff": "group4" if dpi == 300 or rng.random() < 0.6 else rng.choice(("lzw", "deflate")),
               "png": "bilevel" if rng.random() < 0.5 else ""}.get(fmt, "")
    ext = rng.choice(writers.EXTENSIONS[fmt])
    return Spec(f"akte_{index:04d}{ext}", tpl.name, quality, fmt, dpi, tuple(kinds), turns, tuple(stamps),
                variant, opts)
