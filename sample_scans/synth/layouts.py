"""Layout templates for the Baulastenblatt: label wording, field order, positions, fonts.

Templates flagged ``heldout`` are only ever used by the heldout split, so an extractor tuned on the
sample/tuning splits meets unseen label wordings, orders, positions and fonts there. Templates with a
``split`` set (e.g. "heldout2", "heldout3", "dev") are used by that split only and by no other; their wordings and
renderers live in ``sheets_more.py`` (heldout2), ``sheets_third.py`` (heldout3) and ``sheets_dev.py`` (dev, a
development set of layouts that extraction may be tuned on). The heldout4 templates are defined, worded and drawn in
``sheets_fourth.py`` only; it registers them into ``TEMPLATES`` (imported at the end of this module).
"""

from __future__ import annotations

from dataclasses import dataclass

STYLES = ("typewriter_form", "computer_print", "modern_grid", "dot_matrix")

_BASE = {
    "title": "Baulastenverzeichnis", "von": "von", "number": "Baulastenblatt Nr.", "gem": "Gemarkung",
    "flur": "Flur", "fst": "Flurstück(e)", "addr": "Grundstück:", "gb": "Grundbuch von", "gb_blatt": "Blatt",
    "az": "Az.:", "nr": "Lfd. Nr.", "text": "Inhalt der Eintragung", "rem": "Bemerkungen",
    "reg": "Eingetragen am", "dele": "Gelöscht am", "page": "Seite", "gez": "gez.",
}
LABELS = {
    "A": dict(_BASE),
    "B": {**_BASE, "number": "Blatt-Nr.", "fst": "Flurstücke", "addr": "Lage:", "text": "Inhalt der Baulast",
          "reg": "eingetragen am", "dele": "gelöscht am", "az": "Aktenzeichen:"},
    "C": {**_BASE, "number": "Baulastenblatt-Nr.:", "addr": "Grundstück (Straße, Hausnr.):", "nr": "Nr.",
          "fst": "Flurstück"},
    # heldout-only wordings
    "H1": {**_BASE, "title": "Verzeichnis der Baulasten", "von": "für", "number": "Baulastblatt Nr.",
           "fst": "Flurst.", "addr": "Anschrift:", "nr": "lfd.", "text": "Wortlaut der Baulast",
           "rem": "Vermerke", "reg": "Eintragung vom", "dele": "Löschung vom", "page": "S.",
           "az": "Gesch.-Z.:"},
    "H2": {**_BASE, "number": "Nr. des Baulastenblattes:", "fst": "Flurstück-Nr.", "addr": "Lagebezeichnung:",
           "text": "Gegenstand der Baulast", "rem": "Eintragungsvermerk", "reg": "eingetr. am",
           "dele": "gelöscht:", "gb": "Grundbuchbezirk", "nr": "Lfd.Nr."},
    # heldout2-only wordings live in sheets_more.py, heldout3-only ones in sheets_third.py, dev-only ones in
    # sheets_dev.py (registered there)
}


@dataclass(frozen=True)
class Template:
    name: str
    style: str
    labels: str = "A"
    form_font: str = "serif"  # printed form / plain text font
    bold_font: str = "serif_bold"
    value_font: str = "free_mono"  # typed values (typewriter, dot matrix)
    pt: float = 12.0
    margin: float = 20.0  # left/right margin in mm
    top: float = 15.0  # top margin in mm
    number_pos: str = "right"  # right | left | center
    parcel_mode: str = "inline"  # inline | stacked
    order: tuple[str, ...] = ("number", "parcels", "address", "grundbuch")
    cols: tuple[float, float, float] = (0.11, 0.60, 0.29)
    years: tuple[int, int] = (1965, 2024)
    upper_labels: bool = False
    heldout: bool = False
    split: str = ""  # if set: used by this split only (and by no other)
    renderer: str = ""  # key of sheets.RENDERERS; default: the style's renderer
    landscape: bool = False

    def label(self, key: str) -> str:
        s = LABELS[self.labels][key]
        return s.upper() if self.upper_labels else s


TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_a", "typewriter_form", "A", "serif", "serif_bold", "free_mono", years=(1965, 1992)),
    Template("tw_b", "typewriter_form", "B", "dv_serif", "dv_serif_bold", "mono", pt=11.5, number_pos="left",
             order=("parcels", "number", "grundbuch", "address"), cols=(0.10, 0.62, 0.28), years=(1968, 1996)),
    Template("cp_a", "computer_print", "A", "sans", "sans_bold", parcel_mode="inline", years=(1988, 2008)),
    Template("cp_b", "computer_print", "C", "free_sans", "free_sans_bold", parcel_mode="stacked", margin=24,
             order=("number", "address", "parcels", "grundbuch"), cols=(0.09, 0.63, 0.28), years=(1990, 2010)),
    Template("mg_a", "modern_grid", "A", "sans", "sans_bold", pt=11, years=(1998, 2024)),
    Template("mg_b", "modern_grid", "B", "dv_sans", "dv_sans_bold", pt=10.5, margin=18,
             cols=(0.10, 0.58, 0.32), years=(2000, 2024)),
    Template("dm_a", "dot_matrix", "A", "mono", "mono_bold", "mono", pt=11, upper_labels=True,
             cols=(0.13, 0.58, 0.29), years=(1982, 1996)),
    # heldout-only variants: unseen wordings, orders, positions, fonts
    Template("tw_h", "typewriter_form", "H1", "free_serif", "free_serif_bold", "dv_mono", pt=11.5, margin=25,
             top=22, number_pos="center", order=("grundbuch", "parcels", "number", "address"),
             cols=(0.08, 0.64, 0.28), years=(1965, 1990), heldout=True),
    Template("cp_h", "computer_print", "H2", "narrow", "narrow_bold", pt=12.5, parcel_mode="stacked",
             margin=28, order=("parcels", "address", "grundbuch", "number"), years=(1990, 2012), heldout=True),
    Template("mg_h", "modern_grid", "H1", "dv_cond", "dv_cond_bold", pt=11, margin=15, top=12,
             cols=(0.07, 0.55, 0.38), years=(1996, 2024), heldout=True),
    Template("dm_h", "dot_matrix", "H2", "free_mono_bold", "free_mono_bold", "free_mono_bold", pt=11.5,
             upper_labels=True, margin=15, cols=(0.12, 0.58, 0.30), years=(1980, 1995), heldout=True),
    # heldout2-only templates: never seen by sample/tuning/heldout
    Template("tw_k", "typewriter_form", "K1", "dv_serif_cond", "dv_serif_cond_bold", "mono", pt=11, margin=18,
             top=14, years=(1961, 1985), split="heldout2", renderer="card_form"),
    Template("cp_k", "computer_print", "K2", "serif", "serif_bold", pt=11, margin=20, top=16,
             years=(1986, 2007), split="heldout2", renderer="two_column"),
    Template("mg_k", "modern_grid", "K3", "free_sans", "free_sans_bold", pt=9.5, margin=12, top=12,
             years=(1999, 2024), split="heldout2", renderer="landscape_grid", landscape=True),
    Template("dm_k", "dot_matrix", "K4", "dv_mono_bold", "dv_mono_bold", "dv_mono_bold", pt=9.5, margin=22, top=14,
             years=(1979, 1996), split="heldout2", renderer="tractor_feed"),
    # heldout3-only templates: never seen by sample/tuning/heldout/heldout2
    Template("tw_m", "typewriter_form", "M1", "serif", "serif_bold", "mono", pt=11, margin=22, top=16,
             years=(1963, 1986), split="heldout3", renderer="typed_ledger"),
    Template("cp_m", "computer_print", "M2", "dv_sans", "dv_sans_bold", pt=10, margin=20, top=12,
             years=(2004, 2024), split="heldout3", renderer="municipal_report"),
    Template("mg_m", "modern_grid", "M3", "free_serif", "free_serif_bold", "narrow", pt=10.5, margin=14, top=12,
             years=(1992, 2024), split="heldout3", renderer="banded_form"),
    Template("dm_m", "dot_matrix", "M4", "dv_mono", "dv_mono_bold", "dv_mono", pt=10, margin=14, top=10,
             years=(1977, 1997), split="heldout3", renderer="edv_list", landscape=True),
    # dev-only templates: a development set of layouts, not held out (see sheets_dev.py)
    Template("tw_v", "typewriter_form", "D1", "dv_serif", "dv_serif_bold", "free_serif_italic", pt=12.5, margin=16,
             top=12, years=(1962, 1979), split="dev", renderer="pen_register"),
    Template("tw_w", "typewriter_form", "D2", "mono", "mono", "mono", pt=11, margin=24, top=14,
             years=(1968, 1994), split="dev", renderer="typed_stamped"),
    Template("mg_v", "modern_grid", "D3", "sans", "sans_bold", pt=10, margin=20, top=12,
             years=(2003, 2024), split="dev", renderer="auszug_blocks"),
    Template("cp_v", "computer_print", "D4", "free_serif", "free_serif_bold", pt=10.5, margin=14, top=12,
             years=(1986, 2012), split="dev", renderer="landscape_list", landscape=True),
)}


SPLITS = ("sample", "tuning", "heldout", "heldout2", "heldout3", "dev", "heldout4")


def templates_for(split: str) -> list[Template]:
    """sample/tuning: never heldout templates; heldout: only heldout templates; a split named by some
    template's ``split`` (heldout2, heldout3, dev, heldout4): only those templates. Split-bound templates appear in
    no other split."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    if any(t.split == split for t in TEMPLATES.values()):
        return [t for t in TEMPLATES.values() if t.split == split]
    want = split == "heldout"
    return [t for t in TEMPLATES.values() if t.heldout == want and not t.split]


def flur_groups(parcels) -> list[tuple[int, list[str]]]:
    """[(flur, [flurstueck, ...]), ...] in printed order."""
    groups: list[tuple[int, list[str]]] = []
    for p in parcels:
        if groups and groups[-1][0] == p.flur:
            groups[-1][1].append(p.flurstueck)
        else:
            groups.append((p.flur, [p.flurstueck]))
    return groups


# dev2: a second development split; its templates, wordings and renderers live in sheets_dev2.py, which adds its
# templates to TEMPLATES when imported (here, at the end, as it imports this module's names)
SPLITS += ("dev2",)
# dev3: a third development split, of sheets with several dates besides the Eintragungsdatum (sheets_dev3.py, which
# adds its templates to TEMPLATES in the same way)
SPLITS += ("dev3",)
# dev4: a fourth development split, of sheets whose dates are hard to attribute (sheets_dev4.py, which adds its
# templates to TEMPLATES in the same way)
SPLITS += ("dev4",)
# dev5: a fifth development split, of sheets whose dates are carried by rubber stamps and written in the margins
# (sheets_dev5.py, which adds its templates to TEMPLATES in the same way)
SPLITS += ("dev5",)
# dev6: a sixth development split, of sheets whose registration remark carries more than one date (sheets_dev6.py,
# which adds its templates to TEMPLATES in the same way)
SPLITS += ("dev6",)
# heldout5: a fifth held-out split, whose templates, wordings and renderers live in sheets_fifth.py only (which adds
# them to TEMPLATES in the same way)
SPLITS += ("heldout5",)
# dev7: a seventh development split, of sheets whose register number and parcels are hard to read off (sheets_dev7.py,
# which adds its templates to TEMPLATES in the same way)
SPLITS += ("dev7",)
# heldout6: a sixth held-out split, whose templates, wordings and renderers live in sheets_sixth.py only (which adds
# them to TEMPLATES in the same way)
SPLITS += ("heldout6",)
# dev8: an eighth development split, whose every file draws its label wordings, field order and arrangement from broad
# pools (sheets_dev8.py, which adds its templates to TEMPLATES in the same way)
SPLITS += ("dev8",)
# heldout7: a seventh held-out split, whose templates, wordings and renderers live in sheets_seventh.py only (which adds
# them to TEMPLATES in the same way)
SPLITS += ("heldout7",)
# heldout8: an eighth held-out split, whose templates, wordings and renderers live in sheets_eighth.py only (which adds
# them to TEMPLATES in the same way)
SPLITS += ("heldout8",)
# heldout9: a ninth held-out split, whose templates, wordings and renderers live in sheets_ninth.py only (which adds
# them to TEMPLATES in the same way)
SPLITS += ("heldout9",)
# heldout10: a tenth held-out split, whose templates, wordings and renderers live in sheets_tenth.py only (which adds
# them to TEMPLATES in the same way)
SPLITS += ("heldout10",)
# heldout11: an eleventh held-out split, whose templates, wordings and renderers live in sheets_eleventh.py only (which
# adds them to TEMPLATES in the same way)
SPLITS += ("heldout11",)
# heldout12: a twelfth held-out split, whose templates, wordings and renderers live in sheets_twelfth.py only (which
# adds them to TEMPLATES in the same way)
SPLITS += ("heldout12",)
# heldout13: a thirteenth held-out split, whose templates, wordings and renderers live in sheets_thirteenth.py only
# (which adds them to TEMPLATES in the same way)
SPLITS += ("heldout13",)
# heldout14: a fourteenth held-out split, whose templates, wordings and renderers live in sheets_fourteenth.py only
# (which adds them to TEMPLATES in the same way)
SPLITS += ("heldout14",)
# the heldout4 templates live in their own module, which adds them to TEMPLATES (and its wordings to LABELS)
from . import (
    sheets_dev2,  # noqa: E402,F401
    sheets_dev3,  # noqa: E402,F401
    sheets_dev4,  # noqa: E402,F401
    sheets_dev5,  # noqa: E402,F401
    sheets_dev6,  # noqa: E402,F401
    sheets_dev7,  # noqa: E402,F401
    sheets_dev8,  # noqa: E402,F401
    sheets_eighth,  # noqa: E402, F401
    sheets_eleventh,  # noqa: E402, F401
    sheets_fifth,  # noqa: E402, F401
    sheets_fourteenth,  # noqa: E402, F401
    sheets_fourth,  # noqa: E402, F401
    sheets_ninth,  # noqa: E402, F401
    sheets_seventh,  # noqa: E402, F401
    sheets_sixth,  # noqa: E402, F401
    sheets_tenth,  # noqa: E402, F401
    sheets_thirteenth,  # noqa: E402, F401
    sheets_twelfth,  # noqa: E402, F401
)
