"""Baulastenblatt templates and renderers of the ``dev8`` split: a development set (not held out) whose every FILE
draws its wordings, field order and arrangement from broad pools, so that a rule fitted to one wording scores little
and a general method (a label-like word near a number, the page's layout, the reference data) scores well.

Each sheet's ``Look`` (``look``) is drawn from the Akte alone (``pick``), so every attempt at a smaller
type size and every test sees the same one:

* the register number's label, one of 16 wordings ("Baulastenblatt Nr.", "Blatt", "Bl.", "Reg.-Nr.", "Nummer des
  Baulastenblattes", "Nr." in a box under "Baulastenverzeichnis der Stadt X", ...), with or without a colon, in
  capitals or not, on the label's line, below it, in a box, or in the title line ("Baulastenblatt 1234");
* the parcels in one of 9 arrangements: "Gemarkung X, Flur 3, Flurstück 12/4", "Gem. X Flur 3 Flst. 12/4, 13",
  "Flur 3 Nr. 12/4 und 13", "Kat.-Parzelle", a sentence ("Das Grundstück ... ist mit folgenden Baulasten belastet"),
  labelled fields, a grid Gemarkung | Flur | Flurstück, a grid Flurstück | Flur | Gemarkung, a grid with a "Lage des
  Grundstücks" column of street and parcel; head words drawn from pools;
* each entry's Eintragungsdatum in one of 6 places (a remark column with one of 10 labels, a date column with one of
  6 heads, a typed line under the entry, a sentence, a signed line "Neuss, den ...", an EINGETRAGEN stamp) in one of
  6 formats ("12.03.1987", "12.3.87", "12. März 1987", "12. MRZ. 1987", ...); deletions with one of 5 wordings;
* the order of the head's blocks (number, parcels, Grundbuch, file numbers) and the distractors around them:
  Grundbuch von X Blatt 1234, the Aktenzeichen, a Bauschein-Nr., "Seite 1 von 1", the Verpflichtungserklärung's date,
  a print date, telephone numbers and the PLZ in a letterhead.

The four templates:

* ``typed_sheet`` (1958-1982, typewriter on plain paper, everything typed);
* ``filled_form`` (1964-1996, a pre-printed form with printed labels and ruled boxes, filled in by typewriter or,
  before 1976 on some sheets, by pen);
* ``edv_print`` (1980-1999, a needle printer's EDV list, monospace, labels mostly in capitals, dashed rules);
* ``laser_print`` (1994-2024, a word processor's or register program's laser print, a letterhead with telephone and
  PLZ, ruled grids with shaded heads, one of five type faces).

The truth is as for every other layout: the register number normalized ("1.234" -> "1234", "0042" -> "42",
"512 A" -> "512a"), the burdened parcels of the head (never the benefiting one in an entry's text), the date as entry
1's Eintragungsdatum. As on dev7, ``sheets_dev7.spread`` may move the last Flur into a second Gemarkung. The templates
are registered when ``layouts`` imports this module at its end.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from .content import KIND, PLZ, Akte, Entry
from .degrade import MONTHS as MONTHS_STAMP
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import Page

SPLIT = "dev8"
dev = Later(".sheets_dev")  # pen, rubber stamps
dev7 = Later(".sheets_dev7")  # parcels grouped by Gemarkung and Flur, the Bauschein number

# --- the pools ----------------------------------------------------------------------------------------------------
NUMBER_LABELS = ("Baulastenblatt Nr.", "Baulastenblatt-Nr.", "Blatt Nr.", "Blatt", "Bl.", "Lfd. Blatt-Nr.",
                 "Baulastenverzeichnis Nr.", "Baulast Nr.", "Verzeichnis-Nr.", "Nummer des Baulastenblattes",
                 "Register-Nr.", "Reg.-Nr.", "Baulastblatt", "Blatt-Nr.", "Baulastenblatt", "Nr.")
TITLE_LABELS = {"Baulastenblatt Nr.", "Baulastenblatt-Nr.", "Baulastenverzeichnis Nr.", "Baulastblatt",
                "Baulastenblatt", "Blatt"}  # labels a sheet may carry in its title line, the number after them
NUMBER_PLACES = ("line", "line", "below", "box", "title")
TITLES = ("Baulastenverzeichnis", "Baulastenblatt", "Auszug aus dem Baulastenverzeichnis", "Baulastenverzeichnis {of}",
          "Verzeichnis der Baulasten")
PARCEL_MODES = ("full", "short", "flur_nr", "parzelle", "sentence", "fields", "grid", "grid_reversed", "grid_lage")
PARCEL_INTROS = ("Grundstück:", "Belastetes Grundstück:", "Katasterbezeichnung:", "Grundstücksbezeichnung:",
                 "Lage:", "")
GEM_WORDS = ("Gemarkung", "Gemarkung", "Gem.")
FLUR_WORDS = ("Flur", "Flur", "Flur-Nr.")
FST_WORDS = ("Flurstück", "Flurstück(e)", "Flurstücke", "Flst.", "Flurst.", "Flurstück-Nr.", "Flurstücks-Nr.")
PARZELLE_WORDS = ("Kat.-Parzelle", "Parzelle", "Parz.")
AND_WORDS = ("und", "u.", ",")
SENTENCES = ("Das Grundstück {where} ist mit folgenden Baulasten belastet:",
             "Belastet ist das Grundstück {where}.",
             "Die nachstehenden Baulasten betreffen das Grundstück {where}.")
DATE_PLACES = ("rem_col", "date_col", "line", "sentence", "signed", "stamp")
DATE_LABELS = ("Eingetragen am", "eingetragen am", "eingetr. am", "Tag der Eintragung:", "Datum der Eintragung:",
               "Eintragungsdatum:", "Eintragungsvermerk: eingetragen am", "Eingetragen:", "Eintragung vom",
               "Eingetr.:")
DATE_HEADS = ("Eingetragen am", "Datum der Eintragung", "Tag der Eintragung", "Eintragung", "Eingetr. am",
              "Eintragungs-\ndatum")
DATE_SENTENCES = ("Die Baulast wurde am {} eingetragen.", "In das Baulastenverzeichnis eingetragen am {}.",
                  "Eingetragen in das Baulastenverzeichnis am {}.")
DATE_FORMATS = ("num", "num", "short", "long", "stamp", "nopad")
DELE_LABELS = ("Gelöscht am", "gelöscht am", "Gelöscht:", "Löschung vom", "Die Baulast wurde gelöscht am")
DELE_HEADS = ("Gelöscht am", "Löschung", "gelöscht am", "Löschungs-\nvermerk")
REM_HEADS = ("Bemerkungen", "Vermerke", "Eintragungsvermerk", "Eintragung / Löschung")
TEXT_HEADS = ("Inhalt der Eintragung", "Inhalt der Baulast", "Gegenstand der Baulast", "Wortlaut der Baulast",
              "Baulast")
NR_HEADS = ("Lfd. Nr.", "Nr.", "lfd.", "Lfd.\nNr.")
AZ_LABELS = ("Az.:", "Aktenzeichen:", "Gesch.-Z.:", "Akt.-Z.:")
ORDERS = (("number", "parcels", "grundbuch", "files"), ("parcels", "number", "files", "grundbuch"),
          ("files", "number", "parcels", "grundbuch"), ("number", "files", "parcels", "grundbuch"),
          ("grundbuch", "parcels", "number", "files"), ("number", "grundbuch", "parcels", "files"))
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")
LASER_FONTS = (("sans", "sans_bold"), ("dv_sans", "dv_sans_bold"), ("free_sans", "free_sans_bold"),
               ("serif", "serif_bold"), ("free_serif", "free_serif_bold"))
TYPE_FONTS = ("mono", "dv_mono", "mono")  # FreeMono's thin strokes read badly once typed and scanned

# what each template allows of the pools (the rest it draws from all of them)
PLACES_OF = {"typed_sheet": NUMBER_PLACES, "filled_form": ("line", "below", "box", "box", "title"),
             "edv_print": ("line", "line", "below", "title"), "laser_print": NUMBER_PLACES}
DATE_PLACES_OF = {"typed_sheet": DATE_PLACES, "filled_form": ("rem_col", "date_col", "signed", "stamp"),
                  "edv_print": ("rem_col", "date_col", "line", "line"),
                  "laser_print": ("rem_col", "date_col", "line", "sentence", "signed")}
DATE_FORMATS_OF = {"typed_sheet": DATE_FORMATS, "filled_form": DATE_FORMATS, "edv_print": ("num", "num", "short2"),
                   "laser_print": ("num", "num", "long")}

DEV8_LABELS = {  # the fixed words; the drawn ones are in the pools above
    "DEV8_TW": {**_BASE, "number": "Baulastenblatt (typed, drawn)", "gb": "Grundbuch von", "gb_blatt": "Blatt",
                "permit": "Bauschein Nr.", "page": "Seite", "decl": "Verpflichtungserklärung vom", "gez": "gez."},
    "DEV8_HF": {**_BASE, "number": "Baulastenblatt (form, drawn)", "gb": "Grundbuch von", "gb_blatt": "Blatt",
                "permit": "Bauschein-Nr.", "page": "Seite", "decl": "Erklärung vom", "gez": "gez.",
                "phone": "Fernruf", "form": "Vordruck"},
    "DEV8_DM": {**_BASE, "number": "Baulastenblatt (EDV, drawn)", "gb": "Grundbuch", "gb_blatt": "Blatt",
                "permit": "Bauschein-Nr.", "page": "Seite", "decl": "Erkl. vom", "printed": "Datum", "prog": "BLV"},
    "DEV8_LP": {**_BASE, "number": "Baulastenblatt (laser, drawn)", "gb": "Grundbuch von", "gb_blatt": "Blatt",
                "permit": "Bauschein-Nr.", "page": "Seite", "of": "von", "decl": "Verpflichtungserklärung vom",
                "phone": "Telefon", "fax": "Telefax", "printed": "Datum", "room": "Zimmer"},
}
LABELS.update(DEV8_LABELS)

DEV8_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_d8", "typewriter_form", "DEV8_TW", "mono", "mono", "mono", pt=11, margin=20, top=14,
             years=(1958, 1982), split=SPLIT, renderer="typed_sheet"),
    Template("hf_d8", "typewriter_form", "DEV8_HF", "serif", "serif_bold", "mono", pt=11, margin=16, top=12,
             years=(1964, 1996), split=SPLIT, renderer="filled_form"),
    Template("dm_d8", "dot_matrix", "DEV8_DM", "mono", "mono_bold", "mono", pt=10.5, margin=14, top=12,
             years=(1980, 1999), split=SPLIT, renderer="edv_print"),
    Template("lp_d8", "modern_grid", "DEV8_LP", "sans", "sans_bold", "sans", pt=10.5, margin=20, top=12,
             years=(1994, 2024), split=SPLIT, renderer="laser_print"),
)}


def draws(a: Akte, salt: str) -> random.Random:
    """A random source of this Akte and salt only (the same on every attempt at a smaller size and in every test);
    seeded through SHA-512, so that draws under different salts are independent (a CRC of the Akte, as
    ``sheets_dev2.pick`` uses, makes two Aktes that agree on one draw agree on most)."""
    return random.Random(f"{salt}|{a.aktenzeichen}|{a.register_number}|{a.municipality}")


def pick(a: Akte, salt: str, options):
    return draws(a, salt).choice(options)


def akte_hash(a: Akte, salt: str) -> int:
    return draws(a, salt).getrandbits(32)


@dataclass(frozen=True)
class Look:
    """What one sheet draws from the pools."""

    number_label: str
    number_place: str  # line | below | box | title | nr_box
    number_right: bool
    colon: bool
    upper: bool
    title: str
    parcel_mode: str
    parcel_intro: str
    parcel_sentence: str
    heads: tuple[str, str, str]  # the words for Gemarkung, Flur, Flurstück
    and_word: str
    date_place: str
    date_label: str
    date_head: str
    date_sentence: str
    signed_prefix: str
    date_format: str
    dele_label: str
    dele_head: str
    rem_head: str
    text_head: str
    nr_head: str
    az_label: str
    order: tuple[str, ...]
    permit: bool
    declaration: bool
    page: str


def look(a: Akte, tpl: Template) -> Look:
    """The wordings and arrangement of this Akte's sheet on this template."""
    r = tpl.renderer

    def draw(key: str, pool):
        return pick(a, f"d8:{r}:{key}", pool)

    label = draw("number", NUMBER_LABELS)
    if label == "Nr.":
        place = "nr_box"
    else:
        place = draw("place", tuple(p for p in PLACES_OF[r] if p != "title" or label in TITLE_LABELS))
    fst = draw("fst", FST_WORDS)
    mode = draw("parcels", PARCEL_MODES)
    if mode == "parzelle":
        fst = draw("parz", PARZELLE_WORDS)
    pages = ("Seite {n}", "Seite {n} von 1", "- {n} -", "S. {n}")
    return Look(
        number_label=label, number_place=place, number_right=draw("right", (True, False)),
        colon=place != "title" and draw("colon", (True, False, False)),
        upper=draw("upper", (True, True, True, False) if r == "edv_print" else (False, False, False, True)),
        title=draw("title", TITLES), parcel_mode=mode, parcel_intro=draw("intro", PARCEL_INTROS),
        parcel_sentence=draw("sentence", SENTENCES),
        heads=(draw("gem", GEM_WORDS), draw("flur", FLUR_WORDS), fst), and_word=draw("and", AND_WORDS),
        date_place=draw("date_place", DATE_PLACES_OF[r]), date_label=draw("date_label", DATE_LABELS),
        date_head=draw("date_head", DATE_HEADS), date_sentence=draw("date_sentence", DATE_SENTENCES),
        signed_prefix=draw("signed", ("", "Eingetragen:", "")), date_format=draw("date_format", DATE_FORMATS_OF[r]),
        dele_label=draw("dele", DELE_LABELS), dele_head=draw("dele_head", DELE_HEADS), rem_head=draw("rem", REM_HEADS),
        text_head=draw("text", TEXT_HEADS), nr_head=draw("nr", NR_HEADS), az_label=draw("az", AZ_LABELS),
        order=draw("order", ORDERS), permit=draw("permit", (True, False)),
        declaration=draw("decl", (True, True, False)), page=draw("page", pages))


# --- what the sheet prints: the number, the parcels, the dates ----------------------------------------------------
def cased(lk: Look, s: str) -> str:
    return s.upper() if lk.upper else s


def number_shown(a: Akte, lk: Look) -> str:
    """The register number as printed: as drawn ("1.234", "0042", "512 a"), its suffix in capitals where the labels
    are."""
    return dev2.number_shown(a, "upper" if lk.upper else "display")


def number_label(lk: Look) -> str:
    """The number's label as printed, with its colon where the sheet has one."""
    s = cased(lk, lk.number_label)
    return s + ":" if lk.colon else s


def date_shown(lk: Look, day: dt.date) -> str:
    """A date in this sheet's format."""
    fmt = lk.date_format
    if fmt in ("short", "short2") and day.year >= 2000:
        fmt = "num"
    if fmt == "short":
        return f"{day.day}.{day.month}.{day.year % 100:02d}"
    if fmt == "short2":
        return f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}"
    if fmt == "long":
        return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    if fmt == "stamp":
        return f"{day.day:02d}. {MONTHS_STAMP[day.month - 1]} {day.year}"
    if fmt == "nopad":
        return f"{day.day}.{day.month}.{day.year}"
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def stamp_shown(day: dt.date) -> str:
    """An EINGETRAGEN stamp's date ('12. MRZ. 1987')."""
    return f"{day.day:02d}. {MONTHS_STAMP[day.month - 1]} {day.year}"


def dates_shown(a: Akte, lk: Look) -> dict[int, str]:
    """Each entry's Eintragungsdatum as a sheet of this look prints it (a stamp in the stamper's format)."""
    if lk.date_place == "stamp":
        return {e.lfd_nr: stamp_shown(e.registered_on) for e in a.entries}
    return {e.lfd_nr: date_shown(lk, e.registered_on) for e in a.entries}


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as the template's sheet of this Akte prints it."""
    return dates_shown(a, look(a, tpl))


def fst_list(lk: Look, fst: list[str]) -> str:
    if lk.and_word == ",":
        return ", ".join(fst)
    return dev2.words_list(fst, lk.and_word)


def fst_word(lk: Look, n: int) -> str:
    word = lk.heads[2]
    return "Flurstücke" if word == "Flurstück" and n > 1 else word


def group_phrase(lk: Look, gem: str | None, flur: int, fst: list[str]) -> str:
    """One Flur's parcels as the sheet's parcel mode words them (gem None: the Gemarkung was named before)."""
    g_word, f_word = lk.heads[0], lk.heads[1]
    if lk.parcel_mode == "short":
        return f"{'Gem. ' + gem + ' ' if gem else ''}Flur {flur} Flst. {fst_list(lk, fst)}"
    if lk.parcel_mode == "flur_nr":
        return f"{g_word + ' ' + gem + ', ' if gem else ''}Flur {flur} Nr. {fst_list(lk, fst)}"
    if lk.parcel_mode == "fields":
        return f"{g_word}: {gem}   {f_word}: {flur}   {fst_word(lk, len(fst))}: {fst_list(lk, fst)}"
    return f"{g_word + ' ' + gem + ', ' if gem else ''}{f_word} {flur}, {fst_word(lk, len(fst))} {fst_list(lk, fst)}"


def parcel_lines(a: Akte, lk: Look) -> list[str]:
    """The parcels as lines of text (the modes without a grid)."""
    groups = dev7.groups(a)
    if lk.parcel_mode == "sentence":
        parts, last = [], None
        for gem, flur, fst in groups:
            parts.append(group_phrase(lk, gem if gem != last else None, flur, fst))
            last = gem
        where = f"in {a.municipality}, {'; '.join(parts)}"
        if a.address:
            where += f" ({a.address})"
        return [lk.parcel_sentence.format(where=where)]
    return [group_phrase(lk, gem, flur, fst) for gem, flur, fst in groups]


def parcel_grid(a: Akte, lk: Look) -> tuple[list[str], list[list[str]], list[float]]:
    """(heads, rows, column widths as fractions) of the grid modes."""
    groups = dev7.groups(a)
    g, f, s = lk.heads
    if lk.parcel_mode == "grid_lage":
        rows = []
        for i, (gem, flur, fst) in enumerate(groups):
            street = f"{a.address}, " if a.address and i == 0 else ""
            rows.append([gem, f"{street}Flur {flur}, Flst. {fst_list(lk, fst)}"])
        return [g, "Lage des Grundstücks"], rows, [0.3, 0.7]
    rows = [[gem, str(flur), fst_list(lk, fst)] for gem, flur, fst in groups]
    if lk.parcel_mode == "grid_reversed":
        return [s, f, g], [r[::-1] for r in rows], [0.4, 0.2, 0.4]
    return [g, f, s], rows, [0.35, 0.15, 0.5]


def grid_mode(lk: Look) -> bool:
    return lk.parcel_mode.startswith("grid")


def printed_day(a: Akte) -> dt.date:
    return dev.printed_on(a)[0]


# --- how a sheet puts words on paper --------------------------------------------------------------------------------
@dataclass
class Ink:
    """A sheet's printed (or typed) labels and its filled-in values, and how its tables are ruled."""

    pg: Page
    label_font: str
    bold_font: str
    value_font: str
    labels: str  # print | typed
    values: str  # print | typed | pen
    frame: str  # ruled | ascii | typed
    ink: int = 30
    shade: int | None = None

    def label(self, x: float, y: float, s: str, pt: float, bold: bool = False) -> float:
        if self.labels == "typed":
            return self.pg.typed(x, y, s, self.label_font, pt)
        return self.pg.text(x, y, s, self.bold_font if bold else self.label_font, pt)

    def value(self, x: float, y: float, s: str, pt: float) -> float:
        if self.values == "typed":
            return self.pg.typed(x, y, s, self.value_font, pt)
        if self.values == "pen":
            return dev.pen(self.pg, x, y, s, self.value_font, pt * 1.15, self.ink)
        return self.pg.text(x, y, s, self.value_font, pt)

    def number(self, x: float, y: float, s: str, pt: float) -> float:
        """The register number: a needle printer prints it double-struck (bold), as its key fields."""
        if self.frame == "ascii":
            return self.pg.text(x, y, s, self.bold_font, pt)
        return self.value(x, y, s, pt)

    def label_width(self, s: str, pt: float, bold: bool = False) -> float:
        return self.pg.width(s, self.bold_font if bold and self.labels == "print" else self.label_font, pt)

    def value_width(self, s: str, pt: float) -> float:
        return self.pg.width(s, self.value_font, pt) * (1.3 if self.values == "pen" else 1.0)

    def wrap(self, s: str, pt: float, width: float) -> list[str]:
        if self.values == "pen":
            return dev.pen_wrap(self.pg, s, self.value_font, pt * 1.15, width)
        return self.pg.wrap(s, self.value_font, pt, width)

    def rule(self, x0: float, x1: float, y: float) -> None:
        if self.frame == "ascii":
            n = int((x1 - x0) / self.pg.width("-", self.label_font, 10))
            self.pg.text(x0, y, "-" * n, self.label_font, 10)
        elif self.frame == "typed":
            self.pg.hand_line(x0, y, x1, y, w=0.25, fill=60)
        else:
            self.pg.hline(x0, x1, y, 0.3)


def grid(ink: Ink, x0: float, x1: float, y: float, heads: list[str], rows: list[list[str]], widths: list[float],
         pt: float) -> float:
    """A table of head words and rows of values, ruled as the sheet rules its tables; the y below it."""
    pg, P = ink.pg, ink.pg.px
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + round((x1 - x0) * w))
    xs[-1] = x1
    lh = pg.line_height(ink.value_font, pt, 1.3)
    pad = P(1.8)
    head_lines = max(len(h.split("\n")) for h in heads)
    hh = round(head_lines * lh * 0.9 + P(3))
    if ink.frame == "ruled":
        pg.rect((x0, y, x1, y + hh), 0.3, fill=ink.shade)
    for i, h in enumerate(heads):
        for j, s in enumerate(h.split("\n")):
            ink.label(xs[i] + pad, y + P(1.5) + (j + 0.8) * lh * 0.9, s, pt * 0.9, bold=True)
    y += hh
    if ink.frame == "typed":
        ink.rule(x0, x1, y - P(1))
        y += P(1)
    elif ink.frame == "ascii":  # a line of dashes of its own under the heads
        ink.rule(x0, x1, y + round(lh * 0.5))
        y += round(lh * 0.8)
    for row in rows:
        cells = [ink.wrap(c, pt, xs[i + 1] - xs[i] - 2 * pad) for i, c in enumerate(row)]
        n = max(len(c) for c in cells)
        rh = round(n * lh + P(2.5))
        for i, lines in enumerate(cells):
            if ink.frame == "ruled":
                pg.rect((xs[i], y, xs[i + 1], y + rh), 0.3)
            for k, s in enumerate(lines):
                ink.value(xs[i] + pad, y + P(1) + (k + 0.8) * lh, s, pt)
        y += rh
    if ink.frame == "ascii":
        ink.rule(x0, x1, y)
        y += round(lh * 0.6)
    return y + P(2)


def number_block(ink: Ink, a: Akte, lk: Look, x0: float, x1: float, y: float, pt: float) -> float:
    """The register number by its label: on one line, the number below the label, or in a box; the y below it."""
    pg, P = ink.pg, ink.pg.px
    label, shown = number_label(lk), number_shown(a, lk)
    big = pt * 1.2
    if lk.number_place == "line":
        w = ink.label_width(label, pt, True) + P(3) + ink.value_width(shown, big)
        x = x1 - w - P(2) if lk.number_right else x0
        end = ink.label(x, y, label, pt, bold=True)
        ink.number(end + P(3), y, shown, big)
        return y + P(9)
    if lk.number_place == "below":
        w = max(ink.label_width(label, pt * 0.85), ink.value_width(shown, big))
        x = x1 - w - P(4) if lk.number_right else x0
        ink.label(x, y, label, pt * 0.85)
        ink.number(x, y + P(7), shown, big)
        return y + P(14)
    # a box: the label small in its top left corner, the number large below it
    w = max(ink.label_width(label, pt * 0.8), ink.value_width(shown, pt * 1.4)) + P(8)
    bx = x1 - w if lk.number_right else x0
    top = y - P(4)
    if ink.frame == "ascii":
        ink.label(bx, y, label, pt * 0.9)
        ink.number(bx + P(4), y + P(6), shown, pt * 1.2)
        return y + P(13)
    pg.rect((bx, top, bx + w, top + P(17)), 0.4)
    ink.label(bx + P(2), top + P(4.5), label, pt * 0.8)
    ink.value(bx + P(4), top + P(13.5), shown, pt * 1.4)
    return top + P(23)


def parcel_block(ink: Ink, a: Akte, lk: Look, x0: float, x1: float, y: float, pt: float) -> float:
    """The burdened parcels in the sheet's arrangement; the y below them."""
    pg, P = ink.pg, ink.pg.px
    lh = pg.line_height(ink.value_font, pt, 1.35)
    if grid_mode(lk):
        if lk.parcel_intro:
            ink.label(x0, y, cased(lk, lk.parcel_intro.rstrip(":")), pt, bold=True)
            y += round(lh * 0.6)
        heads, rows, widths = parcel_grid(a, lk)
        return grid(ink, x0, x1, y, [cased(lk, h) for h in heads], rows, widths, pt) + P(3)
    x = x0
    if lk.parcel_intro and lk.parcel_mode != "sentence":
        end = ink.label(x0, y, cased(lk, lk.parcel_intro), pt, bold=True)
        x = max(end + P(3), x0 + P(45))
    for s in parcel_lines(a, lk):
        for line in ink.wrap(s, pt, x1 - x):
            ink.value(x, y, line, pt)
            y += lh
    return y + P(3)


def grundbuch_block(ink: Ink, a: Akte, lk: Look, x0: float, y: float, pt: float, d: set) -> float:
    if not a.grundbuch:
        return y
    tpl_words = ("Grundbuch von", "Blatt")
    end = ink.label(x0, y, cased(lk, tpl_words[0]), pt)
    end = ink.value(end + ink.pg.px(2), y, a.grundbuch[0], pt)
    end = ink.label(end + ink.pg.px(3), y, cased(lk, tpl_words[1]), pt)
    ink.value(end + ink.pg.px(2), y, a.grundbuch[1], pt)
    d.add("grundbuch_blatt")
    return y + ink.pg.px(8)


def files_block(ink: Ink, a: Akte, lk: Look, x0: float, x1: float, y: float, pt: float, d: set) -> float:
    end = ink.label(x0, y, cased(lk, lk.az_label), pt)
    ink.value(end + ink.pg.px(2), y, a.aktenzeichen, pt)
    d.add("aktenzeichen")
    if lk.permit:
        x = x0 + (x1 - x0) * 0.55
        end = ink.label(x, y, cased(lk, "Bauschein-Nr."), pt)
        ink.value(end + ink.pg.px(2), y, dev7.permit_number(a), pt)
        d.add("permit_number")
    return y + ink.pg.px(8)


def head(ink: Ink, a: Akte, lk: Look, x0: float, x1: float, y: float, pt: float, d: set) -> float:
    """The head's blocks in the sheet's order (the number only where it is not in the title line)."""
    for block in lk.order:
        if block == "number" and lk.number_place in ("line", "below", "box"):
            y = number_block(ink, a, lk, x0, x1, y, pt)
        elif block == "parcels":
            y = parcel_block(ink, a, lk, x0, x1, y, pt)
        elif block == "grundbuch":
            y = grundbuch_block(ink, a, lk, x0, y, pt, d)
        elif block == "files":
            y = files_block(ink, a, lk, x0, x1, y, pt, d)
    return y


def title_block(ink: Ink, a: Akte, lk: Look, auth: list[str], cx: float, y: float, pt: float) -> float:
    """The sheet's title, centred: the number in it (or in a box under it, labelled 'Nr.') where the sheet puts it
    there; the y below it."""
    pg, P = ink.pg, ink.pg.px
    of = dev2.genitive(auth[0])
    if lk.number_place == "title":
        s = f"{cased(lk, lk.number_label)} {number_shown(a, lk)}"
        ink.label(cx - ink.label_width(s, pt * 1.5, True) / 2, y, s, pt * 1.5, bold=True)
        sub = cased(lk, f"Baulastenverzeichnis {of}")
        if a.by_kreis:
            sub += cased(lk, f" – {KIND[a.municipality]} {a.municipality}")
        ink.label(cx - ink.label_width(sub, pt) / 2, y + P(7), sub, pt)
        return y + P(17)
    title = cased(lk, lk.title.format(of=of))
    ink.label(cx - ink.label_width(title, pt * 1.4, True) / 2, y, title, pt * 1.4, bold=True)
    y += P(6)
    if a.by_kreis:  # the Kreis keeps the register for several municipalities: the sheet names its own
        y += P(1)
        muni = cased(lk, f"{KIND[a.municipality]} {a.municipality}")
        ink.label(cx - ink.label_width(muni, pt) / 2, y, muni, pt)
        y += P(6)
    if lk.number_place == "nr_box":
        if "{of}" not in lk.title:
            sub = cased(lk, f"Baulastenverzeichnis {of}")
            ink.label(cx - ink.label_width(sub, pt) / 2, y + P(1), sub, pt)
            y += P(7)
        label, shown = number_label(lk), number_shown(a, lk)
        w = ink.label_width(label, pt) + ink.value_width(shown, pt * 1.3) + P(10)
        if ink.frame != "ascii":
            pg.rect((cx - w / 2, y, cx + w / 2, y + P(10)), 0.4)
        end = ink.label(cx - w / 2 + P(3), y + P(7), label, pt)
        ink.number(end + P(4), y + P(7), shown, pt * 1.3)
        y += P(12)
    return y + P(8)


# --- the entries ------------------------------------------------------------------------------------------------
def entry_text(a: Akte, lk: Look, e: Entry) -> str:
    text = dev2.period_text(e.text, e.registered_on.year)
    if lk.declaration:
        text += f" (Verpflichtungserklärung vom {date_shown(lk, dev2.entry_declaration(a, e))})"
    return text


def entries_block(ink: Ink, a: Akte, lk: Look, x0: float, x1: float, y: float, y_bot: float, pt: float,
                  place: str, d: set) -> tuple[float, bool]:
    """The entries with their Eintragungsdaten where the sheet puts them; (y below them, overflowed?)."""
    pg, P = ink.pg, ink.pg.px
    lh = pg.line_height(ink.value_font, pt, 1.3)
    shown = dates_shown(a, lk)
    if lk.declaration:
        d.add("declaration_date")
    if lk.date_place in ("rem_col", "date_col"):
        if lk.date_place == "rem_col":
            heads = [lk.nr_head, lk.text_head, lk.rem_head]
            xs = [x0, x0 + (x1 - x0) * 0.08, x0 + (x1 - x0) * 0.70, x1]
        else:
            heads = [lk.nr_head, lk.date_head, lk.text_head, lk.dele_head]
            xs = [x0, x0 + (x1 - x0) * 0.08, x0 + (x1 - x0) * 0.27, x0 + (x1 - x0) * 0.80, x1]
        heads = [cased(lk, h) for h in heads]
        pad = P(1.8)
        head_lines = max(len(h.split("\n")) for h in heads)
        hh = round(head_lines * lh * 0.9 + P(3))
        y_top = y
        if ink.frame == "ruled":
            pg.rect((x0, y, x1, y + hh), 0.3, fill=ink.shade)
        for i, h in enumerate(heads):
            for j, s in enumerate(h.split("\n")):
                ink.label(xs[i] + pad, y + P(1.5) + (j + 0.8) * lh * 0.9, s, pt * 0.9, bold=True)
        y += hh
        if ink.frame == "typed":
            ink.rule(x0, x1, y)
        elif ink.frame == "ascii":
            ink.rule(x0, x1, y + round(lh * 0.5))
            y += round(lh * 0.8)
        y += round(lh * 1.1)
        for e in a.entries:
            body = ink.wrap(entry_text(a, lk, e), pt, xs[2 if lk.date_place == "rem_col" else 3]
                            - xs[1 if lk.date_place == "rem_col" else 2] - 2 * pad)
            if lk.date_place == "rem_col":
                w = xs[3] - xs[2] - 2 * pad
                rem = ink.wrap(f"{lk.date_label} {shown[e.lfd_nr]}", pt, w)
                if e.deleted_on:
                    rem += [""] + ink.wrap(f"{lk.dele_label} {date_shown(lk, e.deleted_on)}", pt, w)
                cols = [[str(e.lfd_nr)], body, rem]
            else:
                cols = [[str(e.lfd_nr)], ink.wrap(shown[e.lfd_nr], pt, xs[2] - xs[1] - 2 * pad), body,
                        ink.wrap(date_shown(lk, e.deleted_on), pt, xs[4] - xs[3] - 2 * pad) if e.deleted_on else []]
            n = max(len(c) for c in cols) + 1
            if y + n * lh > y_bot:
                return y, True
            for i, lines in enumerate(cols):
                for k, s in enumerate(lines):
                    if s:
                        ink.value(xs[i] + pad, y + k * lh, s, pt)
            if e.deleted_on:  # the text struck through
                t0, t1 = (xs[1], xs[2]) if lk.date_place == "rem_col" else (xs[2], xs[3])
                pg.hand_line(t0 + pad, y - lh * 0.4, t1 - pad, y + (len(body) - 1) * lh, w=0.3, fill=90)
            y += n * lh
            if ink.frame == "ruled":
                pg.hline(x0, x1, y - lh * 0.75, 0.2)
        if ink.frame == "ruled":
            pg.rect((x0, y_top, x1, y - lh * 0.75), 0.3)
            for xx in xs[1:-1]:
                pg.vline(xx, y_top, y - lh * 0.75, 0.2)
        return y, False
    # paragraphs: the number, the text, then the date as the sheet words it
    ind = x0 + P(9)
    for e in a.entries:
        body = ink.wrap(entry_text(a, lk, e), pt, x1 - ind)
        extra = 2.5 + (1.5 if e.deleted_on else 0) + (1.5 if place in ("signed", "stamp") else 0)
        if y + (len(body) + extra) * lh > y_bot:
            return y, True
        ink.value(x0, y, f"{e.lfd_nr}.", pt)
        y0 = y
        for s in body:
            ink.value(ind, y, s, pt)
            y += lh
        if e.deleted_on:
            pg.hand_line(ind, y0 - lh * 0.3, x1 - P(10), y - lh * 0.9, w=0.3, fill=80)
        y += round(lh * 0.4)
        day = shown[e.lfd_nr]
        if place == "line":
            end = ink.value(ind, y, f"{lk.date_label} {day}", pt)
            pg.signature(max(end + P(8), x1 - P(45)), y, w_mm=28, h_mm=5, fill=pg.rng.randrange(20, 60))
        elif place == "sentence":
            for s in ink.wrap(lk.date_sentence.format(day), pt, x1 - ind):
                ink.value(ind, y, s, pt)
                y += lh
            y -= lh
        elif place == "signed":
            if lk.signed_prefix:
                ink.value(ind, y, lk.signed_prefix, pt)
                y += lh
            ink.value(ind, y, f"{dev3.place(a)}, den {day}", pt)
            pg.signature(x1 - P(55), y + lh * 0.6, w_mm=30, h_mm=6, fill=pg.rng.randrange(20, 60))
            y += lh
        else:  # a rubber stamp, its date set in the stamper
            dev.rubber_stamp(pg, ind, y - lh * 0.6, [("EINGETRAGEN", "sans_bold", 9), (day, "sans_bold", 11)])
            pg.signature(ind + P(55), y + lh, w_mm=26, h_mm=5, fill=pg.rng.randrange(20, 60))
            y += round(lh * 1.8)
        y += lh
        if e.deleted_on:
            s = f"{lk.dele_label} {date_shown(lk, e.deleted_on)}" + ("." if lk.dele_label.startswith("Die") else "")
            ink.value(ind, y, s, pt)
            y += lh
        y += round(lh * 0.6)
    return y, False


# --- the four sheets ----------------------------------------------------------------------------------------------
def footer(ink: Ink, lk: Look, x: float, y: float, page_no: int, pt: float, anchor: str, d: set) -> None:
    s = lk.page.format(n=page_no)
    w = ink.label_width(s, pt)
    ink.label({"m": x - w / 2, "r": x - w, "l": x}[anchor], y, s, pt)
    d.add("page_number")


def sheet_typed(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    """A sheet typed on plain paper: the authority, the title, the head's blocks, the entries, a page number."""
    P, d, lk = pg.px, set(), look(a, tpl)
    font = pick(a, "d8:tw_font", TYPE_FONTS)
    ink = Ink(pg, font, font, font, "typed", "typed", "typed")
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    lh = pg.line_height(font, pt, 1.4)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    y = P(tpl.top) + P(4)
    for s in auth:
        pg.typed(x0, y, s, font, pt)
        y += lh
    y = title_block(ink, a, lk, auth, pg.img.width / 2, y + lh * 1.5, pt)
    y = head(ink, a, lk, x0, x1, y, pt, d) + P(4)
    y, over = entries_block(ink, a, lk, x0, x1, y, pg.img.height - P(22), pt, lk.date_place, d)
    footer(ink, lk, pg.img.width / 2, pg.img.height - P(12), page_no, pt, "m", d)
    return d, over


def sheet_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    """A pre-printed form: printed labels, heads and rules, filled in by typewriter or (before 1976) by pen."""
    P, d, lk, rng = pg.px, set(), look(a, tpl), pg.rng
    year = a.entries[0].registered_on.year
    f, fb = pick(a, "d8:hf_font", (("serif", "serif_bold"), ("dv_serif", "dv_serif_bold"), ("sans", "sans_bold")))
    by_pen = year < 1976 and pick(a, "d8:hf_pen", (True, False, False))
    ink = Ink(pg, f, fb, pick(a, "d8:hf_hand", dev.PENS) if by_pen else pick(a, "d8:hf_type", TYPE_FONTS),
              "print", "pen" if by_pen else "typed", "ruled", ink=rng.randrange(15, 50))
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    auth = dev2.period_authority(a, year)
    y = P(tpl.top) + P(4)
    for i, s in enumerate(auth):
        pg.text(x0, y, s, fb if i == 0 else f, 10 if i == 0 else 8.5)
        y += P(4.2)
    area = dev2.AREA_CODE[dev3.place(a)]
    phone = f"{pick(a, 'd8:hf_phone_word', ('Fernruf', 'Fernsprecher', 'Tel.'))} ({area}) " \
            f"{100 + akte_hash(a, 'd8:phone') % 900}-{akte_hash(a, 'd8:ext') % 90 + 10}"
    pg.text(x1, P(tpl.top) + P(4), phone, f, 8.5, anchor="rs")
    d.add("phone_number")
    y = title_block(ink, a, lk, auth, pg.img.width / 2, y + P(8), pt)
    y = head(ink, a, lk, x0, x1, y, pt, d) + P(3)
    y, over = entries_block(ink, a, lk, x0, x1, y, pg.img.height - P(20), pt, lk.date_place, d)
    edition = max(1955, year - 1 - akte_hash(a, "d8:form") % 6)
    pg.text(x0, pg.img.height - P(10), f"Vordruck 63/{10 + akte_hash(a, 'd8:form_no') % 40} ({edition})", f, 7)
    footer(ink, lk, x1, pg.img.height - P(10), page_no, 8.5, "r", d)
    return d, over


def sheet_edv(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    """A needle printer's list: a print head line, dashed rules, monospace throughout."""
    P, d, lk = pg.px, set(), look(a, tpl)
    ink = Ink(pg, "mono", "mono_bold", "mono", "print", "print", "ascii")
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    lh = pg.line_height("mono", pt, 1.35)
    printed = printed_day(a)
    auth = dev2.period_authority(a, printed.year)
    y = P(tpl.top) + lh
    pg.text(x0, y, f"{auth[0].upper()} - {auth[-1].upper()}", "mono", pt)
    pg.text(x1, y, cased(lk, f"Datum: {date_shown(lk, printed)}"), "mono", pt, anchor="rs")
    y += lh
    pg.text(x0, y, f"PROGRAMM BLV{10 + akte_hash(a, 'd8:prog') % 80:03d}", "mono", pt)
    footer(ink, lk, x1, y, page_no, pt, "r", d)
    d.add("print_date")
    y += lh
    ink.rule(x0, x1, y)
    y = title_block(ink, a, lk, auth, pg.img.width / 2, y + lh * 1.6, pt)
    y = head(ink, a, lk, x0, x1, y, pt, d) + P(2)
    ink.rule(x0, x1, y)
    y, over = entries_block(ink, a, lk, x0, x1, y + lh * 1.2, pg.img.height - P(18), pt, lk.date_place, d)
    pg.text(x0, pg.img.height - P(12), cased(lk, "*** Ende des Baulastenblattes ***"), "mono", pt)
    return d, over


def sheet_laser(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    """A laser print: a letterhead with address, telephone and date, shaded grid heads, a page footer."""
    P, d, lk = pg.px, set(), look(a, tpl)
    f, fb = pick(a, "d8:lp_font", LASER_FONTS)
    ink = Ink(pg, f, fb, f, "print", "print", "ruled", shade=pick(a, "d8:lp_shade", (225, 235, None)))
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    printed = printed_day(a)
    auth = dev2.period_authority(a, printed.year)
    y = P(tpl.top) + P(5)
    pg.text(x0, y, auth[0], fb, 14)
    for s in auth[1:]:
        y += P(5)
        pg.text(x0, y, s, f, 9.5)
    area = dev2.AREA_CODE[dev3.place(a)]
    ext = 100 + akte_hash(a, "d8:phone") % 900
    right = [f"{dev3.place(a)}, {date_shown(lk, printed)}" if pick(a, "d8:lp_dateline", (True, False))
             else f"Datum: {date_shown(lk, printed)}",
             f"{pick(a, 'd8:lp_street', ('Markt 1', 'Rathausplatz 2', 'Oberstraße 91', 'Am Rathaus 1'))}",
             f"{plz(a)} {dev3.place(a)}", f"Telefon {area} {ext}-{akte_hash(a, 'd8:ext') % 90 + 10}",
             f"Telefax {area} {ext}-99", f"Zimmer {100 + akte_hash(a, 'd8:room') % 300}"]
    ry = P(tpl.top) + P(5)
    for s in right:
        pg.text(x1, ry, s, f, 8.5, anchor="rs")
        ry += P(4)
    d |= {"phone_number", "print_date"}
    y = max(y, ry) + P(6)
    pg.hline(x0, x1, y, 0.4)
    y = title_block(ink, a, lk, auth, pg.img.width / 2, y + P(11), pt)
    y = head(ink, a, lk, x0, x1, y, pt, d) + P(3)
    y, over = entries_block(ink, a, lk, x0, x1, y, pg.img.height - P(20), pt, lk.date_place, d)
    pg.hline(x0, x1, pg.img.height - P(15), 0.2)
    pg.text(x0, pg.img.height - P(11), f"{auth[0]} · {auth[-1]}", f, 7.5)
    footer(ink, lk, x1, pg.img.height - P(11), page_no, 8, "r", d)
    return d, over


def plz(a: Akte) -> str:
    """The authority's postcode (the Kreis sits in Grevenbroich)."""
    return PLZ["Grevenbroich" if a.by_kreis else a.municipality]


DEV8_RENDERERS = {"typed_sheet": sheet_typed, "filled_form": sheet_form, "edv_print": sheet_edv,
                  "laser_print": sheet_laser}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """dev8's own draws for one random file (made by ``assemble.random_spec`` for this split only): as dev3's (more
    entries and deletions, every number style), then 1-3 parcels, on two Flure or in two Gemarkungen on some files
    (``sheets_dev7.spread``)."""
    kinds, opts = dev3.spec_draws(rng, kinds, opts, fmt)
    if opts.get("is_baulast") is False:
        return kinds, opts
    n = rng.choice((1, 1, 2, 2, 3))
    return kinds, {**opts, "n_parcels": n, "two_flure": n > 1 and rng.random() < 0.4,
                   "gemarkungen": 2 if n > 1 and rng.random() < 0.3 else 1}


TEMPLATES.update(DEV8_TEMPLATES)
