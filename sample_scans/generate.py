#!/usr/bin/env python3
"""Render synthetic scanned Baulastenakten with ground truth.

    python sample_scans/generate.py OUTDIR [--count N] [--seed S]
        [--split sample|tuning|heldout|heldout2|heldout3|dev|heldout4|dev2|dev3|dev4|dev5|dev6|heldout5|dev7
                 |heldout6|dev8|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12
                 |heldout13|heldout14]

``--split sample`` without ``--count`` writes the curated, committed set (SAMPLE_SPECS below).
``tuning`` / ``heldout`` / ``heldout2`` / ``heldout3`` / ``dev`` / ``heldout4`` write random corpora; heldout uses
only templates flagged heldout, heldout2, heldout3 and heldout4 only the templates bound to that split (kept unseen by
whoever tunes extraction; heldout4's are all in ``synth/sheets_fourth.py``). ``dev`` uses only its own four
templates (``synth/sheets_dev.py``): a development set of layouts that extraction may be tuned on; its PDF/TIFF
files may continue the Baulastenblatt on a second page. ``dev2`` and ``dev3`` are further development sets with
four templates each (``synth/sheets_dev2.py``, ``synth/sheets_dev3.py``); dev3's sheets print several dates besides
the Eintragungsdatum (declarations, permits, date lines, stamps, deletions). ``dev4`` (``synth/sheets_dev4.py``)
is a fourth development set whose dates are hard to attribute (registration only in a signature line, in a narrow
date column shared with the deletion, beside amendment rows with dates of their own). ``dev5``
(``synth/sheets_dev5.py``) is a fifth, whose dates are carried by rubber stamps (label and date on lines of their own,
tilted, over typed text and form rules, beside receipt, "Geprüft", "Posteingang" and "Zur Kenntnis genommen" stamps
with dates of their own) and written in the margins (registrations, deletions, Aktenvermerk and Wiedervorlage notes).
``dev6`` (``synth/sheets_dev6.py``) is a sixth, whose registration remarks carry more than one date (the declaration
or the Eintragungsverfügung in the same sentence, the date left of its label, later changes, transfers, renewals and
deletions in the same cell, entries listed newest first, an issue or letter date above the table).
``heldout5`` is a fifth held-out split with four templates of its own, all in ``synth/sheets_fifth.py`` (kept unseen
by whoever tunes extraction, like heldout4).
``dev7`` (``synth/sheets_dev7.py``) is a seventh development set, whose register numbers and parcels are hard to read
off (the number in a title line and a footer, under "Laufende Nr. des Verzeichnisses", pen-written into a stamp, or with
its year after a slash; the parcels in a sentence, one table row per parcel, over two lines of a cell, in two
Gemarkungen, as "Parzelle", or as "123 / 4").
``heldout6`` is a sixth held-out split with four templates of its own, all in ``synth/sheets_sixth.py`` (kept unseen by
whoever tunes extraction).
``dev8`` (``synth/sheets_dev8.py``) is an eighth development set, each of whose files draws its register number's label,
the parcels' arrangement, the date's wording and place and the order of the head from broad pools (16 labels, 9
parcel arrangements, 6 date places in 6 formats), so that only a general method, not a rule fitted to one wording,
reads it well.
``heldout7`` is a seventh held-out split with four templates of its own, all in ``synth/sheets_seventh.py`` (kept unseen
by whoever tunes extraction).
``heldout8`` is an eighth held-out split with four templates of its own, all in ``synth/sheets_eighth.py`` (kept unseen
by whoever tunes extraction).
``heldout9`` is a ninth held-out split with four templates of its own, all in ``synth/sheets_ninth.py`` (kept unseen
by whoever tunes extraction).
``heldout10`` is a tenth held-out split with five templates of its own, all in ``synth/sheets_tenth.py`` (kept unseen
by whoever tunes extraction).
``heldout11`` is an eleventh held-out split with five templates of its own, all in ``synth/sheets_eleventh.py`` (kept
unseen by whoever tunes extraction).
``heldout12`` is a twelfth held-out split with five templates of its own, all in ``synth/sheets_twelfth.py`` (kept
unseen by whoever tunes extraction).
``heldout13`` is a thirteenth held-out split with five templates of its own, all in ``synth/sheets_thirteenth.py``
(kept unseen by whoever tunes extraction).
``heldout14`` is a fourteenth held-out split with five templates of its own, all in ``synth/sheets_fourteenth.py``
(kept unseen by whoever tunes extraction).
Depends only on Pillow and the standard library; output is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

try:  # imported as sample_scans.generate
    from .synth.assemble import Spec, build, random_spec
    from .synth.layouts import SPLITS
except ImportError:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synth.assemble import Spec, build, random_spec
    from synth.layouts import SPLITS

DEFAULT_SEED = 1987

# The committed sample set: each entry is chosen to cover one or more variations (see README.md).
SAMPLE_SPECS: list[Spec] = [
    Spec("akte_0001.pdf", "tw_a", "clean", "pdf", 300, ("sheet", "decl", "plan"),
         content={"municipality": "Dormagen", "gemarkung": "Zons", "n_entries": 1, "number_style": "plain"},
         notes="typewriter form, clean, Baulastenblatt + Verpflichtungserklärung + Lageplan"),
    Spec("akte_0002.tif", "cp_a", "typical", "tiff", 300, ("sheet", "letter"), variant="group4",
         content={"municipality": "Neuss", "number_style": "dotted", "n_entries": 2},
         notes="computer print, bilevel G4 TIFF, Blatt number with thousands dot, Anschreiben"),
    Spec("akte_0003.jpg", "mg_a", "clean", "jpeg", 200,
         content={"municipality": "Kaarst", "n_parcels": 2, "two_flure": False, "first_type": "Vereinigungsbaulast"},
         notes="modern grid, 200 dpi JPEG, Vereinigungsbaulast over two Flurstücke of one Flur"),
    Spec("akte_0004.png", "tw_b", "typical", "png", 300, variant="bilevel",
         content={"municipality": "Grevenbroich", "number_style": "zero"},
         notes="typewriter form (variant B labels 'Blatt-Nr.'), leading-zero number, bilevel PNG"),
    Spec("akte_0005.pdf", "mg_b", "poor", "pdf", 200, ("sheet", "decl"), stamps=(0,),
         content={"municipality": "Korschenbroich", "by_kreis": False, "n_entries": 2, "deleted": True},
         notes="modern grid, poor scan with EINGEGANGEN stamp over the sheet, later entry deleted"),
    Spec("akte_0006.tiff", "tw_a", "poor", "tiff", 300, ("letter", "sheet", "plan"), stamps=(1,),
         variant="group4", content={"municipality": "Meerbusch", "gemarkung": "Lank"},
         notes="typewriter form, poor G4 TIFF, Baulastenblatt is page 2 behind the Anschreiben"),
    Spec("akte_0007.pdf", "cp_b", "typical", "pdf", 300, ("letter", "decl", "sheet"), stamps=(1,),
         content={"municipality": "Dormagen", "number_style": "suffix", "n_entries": 3},
         notes="computer print, Baulastenblatt is page 3, number '512 a' style, three entries"),
    Spec("akte_0008.tif", "mg_a", "typical", "tiff", 200, ("sheet", "plan"), turns={1: 90}, variant="lzw",
         content={"municipality": "Neuss", "gemarkung": "Holzheim"},
         notes="modern grid, grayscale LZW TIFF, Lageplan page turned 90°"),
    Spec("akte_0009.pdf", "tw_a", "typical", "pdf", 300, ("sheet", "decl"), turns={0: 180}, stamps=(1,),
         content={"municipality": "Grevenbroich", "gemarkung": "Wevelinghoven", "n_entries": 2},
         notes="typewriter form, Baulastenblatt itself scanned upside down (180°)"),
    Spec("akte_0010.jpg", "cp_a", "poor", "jpeg", 200, stamps=(0,),
         content={"municipality": "Kaarst", "gemarkung": "Büttgen"},
         notes="computer print, poor 200 dpi JPEG with stamp"),
    Spec("akte_0011.png", "mg_b", "typical", "png", 300, variant="bilevel",
         content={"municipality": "Rommerskirchen", "by_kreis": True, "n_entries": 2},
         notes="modern grid, Rhein-Kreis Neuss as authority (header names Neuss, municipality Rommerskirchen)"),
    Spec("akte_0012.pdf", "cp_a", "typical", "pdf", 300, ("letter",),
         content={"is_baulast": False, "letter_kind": "eingang", "municipality": "Meerbusch"},
         notes="NOT a Baulast: plain letter (Eingangsbestätigung Bauantrag)"),
    Spec("akte_0013.tif", "cp_b", "clean", "tiff", 200, ("sheet", "decl"), variant="deflate",
         content={"municipality": "Jüchen", "by_kreis": False, "n_entries": 3, "deleted": True},
         notes="computer print, grayscale Deflate TIFF, three entries, one deleted"),
    Spec("akte_0014.jpg", "tw_b", "typical", "jpeg", 300,
         content={"municipality": "Neuss", "gemarkung": "Norf", "n_parcels": 2, "two_flure": True},
         notes="typewriter form, two parcels on two different Flure"),
    Spec("akte_0015.pdf", "mg_a", "typical", "pdf", 200, ("sheet", "decl", "plan", "letter"), turns={2: 270},
         stamps=(1,), content={"municipality": "Grevenbroich", "n_entries": 2},
         notes="modern grid, four pages, Lageplan turned 270°, stamped declaration"),
    Spec("akte_0016.tiff", "tw_b", "poor", "tiff", 200, stamps=(0,), variant="group4",
         content={"municipality": "Dormagen", "gemarkung": "Nievenheim", "number_style": "dotted"},
         notes="typewriter form, poor single-page 200 dpi G4 TIFF with stamp"),
    Spec("akte_0017.png", "cp_a", "clean", "png", 200,
         content={"municipality": "Rommerskirchen", "by_kreis": True, "gemarkung": "Frixheim-Anstel"},
         notes="computer print, Kreis authority, hyphenated Gemarkung, grayscale PNG"),
    Spec("akte_0018.jpg", "mg_b", "poor", "jpeg", 300, stamps=(0,),
         content={"municipality": "Jüchen", "by_kreis": True, "n_parcels": 2},
         notes="modern grid, poor 300 dpi JPEG, Kreis authority, stamp"),
    Spec("akte 0019 Büderich.png", "tw_a", "typical", "png", 200,
         content={"municipality": "Meerbusch", "gemarkung": "Büderich", "number_style": "suffix_tight"},
         notes="file name with space and umlaut, Gemarkung with umlaut, number like '512a'"),
    Spec("akte_0020.pdf", "dm_a", "typical", "pdf", 300, ("sheet", "letter"), variant="bilevel",
         content={"municipality": "Korschenbroich", "gemarkung": "Kleinenbroich", "n_entries": 2},
         notes="dot-matrix print (uppercase labels, pin-row gaps), bilevel PDF"),
    Spec("akte_0021.tif", "cp_b", "clean", "tiff", 300, ("letter", "letter2"), variant="group4",
         content={"is_baulast": False, "letter_kind": "negativ", "municipality": "Kaarst"},
         notes="NOT a Baulast: Negativauskunft ('keine Baulasten eingetragen') mentioning the Baulastenverzeichnis"),
]


def generate(outdir, split: str = "sample", count: int | None = None, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write files + truth.json into outdir; return the file paths (truth files not included)."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    if split == "sample" and count is None:
        specs = SAMPLE_SPECS
    else:
        rng = random.Random(f"specs:{split}:{seed}")
        specs = [random_spec(rng, split, i + 1) for i in range(count if count is not None else 100)]
    return [build(spec, outdir, split, seed) for spec in specs]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--count", type=int, default=None, help="number of random files (default: curated set / 100)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--split", choices=SPLITS, default="sample",
                    help=f"which templates and draws ({', '.join(SPLITS)}; default: sample)")
    args = ap.parse_args(argv)
    for path in generate(args.outdir, args.split, args.count, args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
