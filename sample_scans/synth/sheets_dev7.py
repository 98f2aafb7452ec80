"""Baulastenblatt templates and renderers of the ``dev7`` split: a development set (not held out) of sheets whose
register number and parcels are hard to read off: the number in a title line, under a long label, written into a
stamp or carrying a year; the parcels in a sentence, in a table with one row per parcel, over two lines of a cell,
in two Gemarkungen, as "Parzelle" or with the Nenner set apart ("123 / 4").

* ``sentence_sheet`` (1956-1990, typewriter on plain paper): the number only in the typed title line ("Baulastenblatt
  No. 1.234", the label letter-spaced on some sheets) and again in the footer ("Baulastenblatt No. 1.234 - Seite
  1"); the parcels only in the sentence under it ("Die nachstehenden Baulasten betreffen das Grundstück in Kaarst,
  Gemarkung Büttgen, Flur 3, Flurstücke 12, 13 und 14/2; Gemarkung Kaarst, Flur 7, Flurstück 88 (Kirchstraße 12)."),
  wrapped where the line ends, "Parz." before 1972; the Aktenzeichen and a Bauschein-Nr. top right, the Grundbuch in the
  sentence; each entry a numbered paragraph closed by "Eingetragen am ..." and a signature.
* ``parcel_rows`` (1979-1999, a landscape EDV list from a needle printer): "LAUFENDE NR. DES VERZEICHNISSES: 1234" in
  the head beside the Aktenzeichen, the Grundbuch and the print's date and page; the parcels a table GEMARKUNG |
  FLUR | FLURSTUECK | FLAECHE | LAGE / NUTZUNG with one row per parcel, the Flurstück as "12/4" or "12 / 4", the area
  ("1.234 m²") and a Lage cell that runs onto a second line; the entries LFD | ART | INHALT | EINGETRAGEN |
  GELOESCHT.
* ``box_form`` (1996-2024, a laser-printed form): the number only pen-written into a rubber stamp of the
  Bauaufsicht in the top corner ("STADT KAARST · BAUAUFSICHT / Baulastenverzeichnis / Bl.-Nr. 1234"); a box of
  file numbers (Aktenzeichen, Bauschein-Nr., Grundbuch, Blatt), a parcel grid Gemarkung | Flur | Flurstück(e) |
  Lage with a narrow Flurstück column, so that a list runs over two lines ("12, 13 und" / "14/2"), a row per
  Gemarkung and Flur; the form's edition and "Seite 1 von 1" in its footer.
* ``parzellen_form`` (1955-1978, a printed form filled in by pen and typewriter): "Baulast-Nr./Jahr" with the year
  of its first entry after a slash ("45/67", "45/1967"), a Bauschein-Nr. of the same shape beside it; the parcels in
  the form's rows "Gemarkung | Flur | Parzelle | Größe", written by pen ("123/4" or "123 / 4"); the entry typed, its
  registration written by pen in the Eintragungsvermerk column ("eingetr. 12.3.67", signed).

The truth is the same as for every other layout: the register number as normalized ("1.234" -> "1234", "0042" ->
"42"; of "45/67" the running number before the slash, "45": the year after it is the year the sheet was opened, the
year of its entry 1, which a clerk does not record as part of the number), each parcel's Flurstück as "123/4". Where
the file's draws ask for it (``spec_draws``: ``gemarkungen: 2``), ``spread`` moves the parcels of the last Flur (or
the last parcel) into a second Gemarkung of the municipality before anything is drawn or written (``assemble.build``
calls it; it draws nothing at random). The templates are registered when ``layouts`` imports this module at its end.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from functools import lru_cache

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from .content import Akte, Parcel, de_date, load_gemarkungen
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import Page

SPLIT = "dev7"
dev = Later(".sheets_dev")  # pen, rubber stamps, long dates

DEV7_LABELS = {
    "DEV7_SS": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baulastenblatt No.", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück", "fst_pl": "Flurstücke", "old": "Parz.", "and": "und",
                "intro": ("Die nachstehenden Baulasten betreffen das Grundstück in", "Belastet ist das Grundstück in",
                          "Grundstück in"),
                "gb": "eingetragen im Grundbuch von", "gb_blatt": "Blatt", "az": "Az.:", "permit": "Bauschein-Nr.",
                "reg": "Eingetragen am", "dele": "Gelöscht am", "page": "Seite"},
    "DEV7_PR": {**_BASE, "title": "Baulastenverzeichnis", "number": "Laufende Nr. des Verzeichnisses",
                "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstueck", "area": "Flaeche", "lage": "Lage / Nutzung",
                "parcels": "Belastete Grundstuecke", "gb": "Grundbuch von", "gb_blatt": "Blatt", "az": "Aktenzeichen:",
                "nr": "Lfd", "kind": "Art der Baulast", "text": "Inhalt", "reg": "Eingetragen", "dele": "Geloescht",
                "printed": "Datum", "page": "Seite"},
    "DEV7_BX": {**_BASE, "title": "Baulastenblatt", "number": "Baulastenverzeichnis Bl.-Nr.", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück(e)", "and": "und", "addr": "Lage", "gb": "Grundbuch von",
                "gb_blatt": "Grundbuchblatt", "az": "Aktenzeichen", "permit": "Bauschein-Nr.",
                "parcels": "Belastete Grundstücke", "nr": "Lfd. Nr.", "text": "Inhalt der Baulast",
                "rem": "Eintragung / Löschung", "reg": "eingetragen am", "dele": "gelöscht am", "page": "Seite",
                "of": "von", "form": "Vordruck Bauaufsicht 63.12"},
    "DEV7_HF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baulast-Nr./Jahr", "muni": "Gemeinde / Stadt",
                "gem": "Gemarkung", "flur": "Flur", "fst": "Parzelle", "size": "Größe", "addr": "Lage des Grundstücks",
                "gb": "Grundbuch von", "gb_blatt": "Blatt", "permit": "Bauschein Nr.", "nr": "Lfd.\nNr.",
                "text": "Inhalt der Baulast", "rem": "Eintragungsvermerk", "reg": ("eingetr.", "eingetragen am"),
                "dele": ("gel.", "gelöscht am"), "page": "Blatt"},
}
LABELS.update(DEV7_LABELS)

DEV7_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_d7", "typewriter_form", "DEV7_SS", "serif", "serif_bold", "mono", pt=11, margin=22, top=16,
             years=(1956, 1990), split=SPLIT, renderer="sentence_sheet"),
    Template("dm_d7", "dot_matrix", "DEV7_PR", "mono", "mono_bold", "mono", pt=9.5, margin=14, top=12,
             years=(1979, 1999), upper_labels=True, split=SPLIT, renderer="parcel_rows", landscape=True),
    Template("mg_d7", "modern_grid", "DEV7_BX", "sans", "sans_bold", "sans", pt=9.5, margin=18, top=14,
             years=(1996, 2024), split=SPLIT, renderer="box_form"),
    Template("hf_d7", "typewriter_form", "DEV7_HF", "dv_serif", "dv_serif_bold", "dv_serif_italic", pt=12,
             margin=16, top=14, years=(1955, 1978), split=SPLIT, renderer="parzellen_form"),
)}

USES = ("Gebäude- und Freifläche", "Hof- und Gartenland", "Ackerland", "Grünland", "Gartenland", "Zufahrt")


# --- the content: parcels in a second Gemarkung --------------------------------------------------------------------
@lru_cache(maxsize=1)
def _gemarkungen() -> dict[str, list[str]]:
    return load_gemarkungen()


def spread(a: Akte, opts: dict) -> Akte:
    """Where ``opts`` ask for two Gemarkungen and the municipality has them: the parcels of the last Flur (or, on one
    Flur, the last parcel) lie in another Gemarkung of it, on a Flur of their own; the entry texts name them so. Drawn
    from the Akte alone (no random draw), so the rest of the file is as it would be without."""
    if not a.is_baulast or opts.get("gemarkungen", 1) < 2 or len(a.parcels) < 2:
        return a
    home = a.parcels[0].gemarkung
    others = [g for g in _gemarkungen()[a.municipality] if g != home]
    if not others:
        return a
    other = dev2.pick(a, "d7_gem", others)
    flur = 1 + dev2.akte_hash(a, "d7_flur") % 30
    last = a.parcels[-1].flur
    moved = [i for i, p in enumerate(a.parcels) if i and p.flur == last]
    if len({p.flur for p in a.parcels}) == 1:
        moved = moved[-1:]
    for i in moved:
        old = a.parcels[i]
        new = Parcel(other, flur, old.flurstueck)
        a.parcels[i] = new
        for e in a.entries:  # a whole phrase only: 'Flurstück 45' is not the start of 'Flurstück 45/2'
            e.text = re.sub(re.escape(old.phrase()) + r"(?![\d/])", new.phrase(), e.text)
    return a


def groups(a: Akte) -> list[tuple[str, int, list[str]]]:
    """[(Gemarkung, Flur, [Flurstück, ...]), ...] in printed order."""
    out: list[tuple[str, int, list[str]]] = []
    for p in a.parcels:
        if out and out[-1][:2] == (p.gemarkung, p.flur):
            out[-1][2].append(p.flurstueck)
        else:
            out.append((p.gemarkung, p.flur, [p.flurstueck]))
    return out


def spaced(a: Akte, salt: str) -> bool:
    """Does this sheet set the Nenner apart ('123 / 4')?"""
    return dev2.pick(a, salt, (True, False))


def fst_shown(fst: str, apart: bool) -> str:
    return fst.replace("/", " / ") if apart else fst


def year_of(a: Akte) -> int:
    return a.entries[0].registered_on.year


def permit_number(a: Akte) -> str:
    """A Bauschein number of the register number's shape ('412/67'), never the register number."""
    n = 100 + dev2.akte_hash(a, "d7_permit") % 880
    own = int(re.match(r"\d+", a.register_number).group())
    return f"{n + 1 if n == own else n}/{year_of(a) % 100:02d}"


# --- what each template prints: the number, the parcels, the dates ----------------------------------------------
def number_shown(a: Akte, tpl: Template) -> str:
    """The register number as the sheet prints it; on the parzellen form with the year of entry 1 after a slash."""
    if tpl.renderer == "parzellen_form":
        year = year_of(a)
        return f"{a.register_number}/{dev2.pick(a, 'hf_year', (f'{year % 100:02d}', str(year)))}"
    return a.register_display


def parcel_sentence(a: Akte, L) -> str:
    """The typed sentence that names the parcels: per Gemarkung its Flure, each with its Flurstücke."""
    old = year_of(a) < 1972
    parts, gem = [], None
    for g, flur, fst in groups(a):
        word = L("old") if old else (L("fst_pl") if len(fst) > 1 else L("fst"))
        head = f"{L('gem')} {g}, " if g != gem else ""
        parts.append(f"{head}{L('flur')} {flur}, {word} {dev2.words_list(fst, L('and'))}")
        gem = g
    return "; ".join(parts)


def head_sentence(a: Akte, L) -> str:
    s = f"{dev2.pick(a, 'ss_intro', L('intro'))} {a.municipality}, {parcel_sentence(a, L)}"
    if a.address:
        s += f" ({a.address})"
    if a.grundbuch:
        s += f", {L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}"
    return s + "."


def date_shown(a: Akte, tpl: Template, day: dt.date) -> str:
    """A date on this sheet: typed numerically or with the month's name, printed, or written by pen."""
    if tpl.renderer == "sentence_sheet" and dev2.pick(a, "ss_fmt", (False, True)):
        return dev.long_date(day)
    if tpl.renderer == "parzellen_form":
        short = dev2.pick(a, "hf_fmt", (True, False))
        return f"{day.day}.{day.month}.{day.year % 100:02d}" if short else f"{day.day}.{day.month}.{day.year}"
    return de_date(day)


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as the sheet prints it."""
    return {e.lfd_nr: date_shown(a, tpl, e.registered_on) for e in a.entries}


def parcel_cells(a: Akte, tpl: Template) -> list[tuple[str, str, str]]:
    """The parcel rows of the table templates, as printed: (Gemarkung, Flur, Flurstück(e))."""
    if tpl.renderer == "box_form":
        return [(g, str(flur), dev2.words_list(fst, tpl.label("and"))) for g, flur, fst in groups(a)]
    apart = spaced(a, f"{tpl.renderer}_apart")
    return [(p.gemarkung, str(p.flur), fst_shown(p.flurstueck, apart)) for p in a.parcels]


def area(a: Akte, p: Parcel) -> str:
    m2 = 120 + dev2.akte_hash(a, f"area{p.flurstueck}{p.flur}") % 4800
    return f"{m2 // 1000}.{m2 % 1000:03d} m²" if m2 >= 1000 else f"{m2} m²"


def lage(a: Akte, i: int, p: Parcel) -> str:
    """What the EDV list says of a parcel's position and use."""
    use = USES[dev2.akte_hash(a, f"use{i}") % len(USES)]
    if i == 0 and a.address:
        return f"{a.address}, {use}"
    street = dev2.pick(a, f"street{i}", ("Am Hagelkreuz", "Im Kamp", "Mühlenweg", "Feldstraße", "Hinter den Höfen"))
    return f"{street}, {use}"


# --- a typed sheet: the number in the title line and the footer, the parcels in a sentence -------------------------
def sheet_sentence(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    fv = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    lh = pg.line_height(fv, pt, 1.45)
    auth = dev2.period_authority(a, year_of(a))
    y = P(tpl.top) + P(4)
    for s in auth:
        pg.typed(x0, y, s, fv, pt)
        y += lh
    right = x1 - P(62)
    pg.typed(right, P(tpl.top) + P(4), f"{L('az')} {a.aktenzeichen}", fv, pt)
    pg.typed(right, P(tpl.top) + P(4) + lh, f"{L('permit')} {permit_number(a)}", fv, pt)
    d |= {"aktenzeichen", "permit_number"} | ({"grundbuch_blatt"} if a.grundbuch else set())
    y += lh * 2
    label = L("number")
    if dev2.pick(a, "ss_spaced", (True, False)):
        label = " ".join(label)  # letter-spaced, as a typist set a title
    title = f"{label}  {number_shown(a, tpl)}"
    cx = pg.img.width // 2
    tx = cx - pg.width(title, fv, pt * 1.2) / 2
    end = pg.typed(tx, y, title, fv, pt * 1.2)
    pg.hand_line(tx, y + P(1.5), end, y + P(1.5), w=0.3, fill=40)  # underlined by typing '_' over it
    y += lh
    sub = f"{L('title')} {dev2.genitive(auth[0])}"
    pg.typed(cx - pg.width(sub, fv, pt) / 2, y, sub, fv, pt)
    y += lh * 2
    for s in pg.wrap(head_sentence(a, L), fv, pt, x1 - x0):
        pg.typed(x0, y, s, fv, pt)
        y += lh
    y += lh
    y_bot = pg.img.height - P(22)
    regs = registered(a, tpl)
    ind = x0 + P(10)
    for e in a.entries:
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, x1 - ind)
        extra = 1 + (1 if e.deleted_on else 0)
        if y + (len(body) + extra + 1.5) * lh > y_bot:
            return d, True
        pg.typed(x0, y, f"{e.lfd_nr}.", fv, pt)
        y0 = y
        for s in body:
            pg.typed(ind, y, s, fv, pt)
            y += lh
        if e.deleted_on:
            pg.hand_line(ind, y0 - lh * 0.3, x1, y - lh * 0.9, w=0.35, fill=70)
        y += round(lh * 0.4)
        end = pg.typed(ind, y, f"{L('reg')} {regs[e.lfd_nr]}", fv, pt)
        pg.signature(max(end + P(8), x1 - P(45)), y, w_mm=30, h_mm=6, fill=rng.randrange(20, 60))
        y += lh
        if e.deleted_on:
            pg.typed(ind, y, f"{L('dele')} {date_shown(a, tpl, e.deleted_on)}", fv, pt)
            y += lh
        y += lh
    foot = f"{L('number')} {number_shown(a, tpl)} - {L('page')} {page_no}"
    pg.typed(cx - pg.width(foot, fv, pt) / 2, pg.img.height - P(12), foot, fv, pt)
    d.add("page_number")
    return d, False


# --- a landscape EDV list: the number under a long label, one table row per parcel ----------------------------------
def sheet_parcel_rows(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f = tpl.form_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    lh = pg.line_height(f, pt, 1.4)
    rule = "-" * int(W / pg.width("-", f, pt))
    printed, _ = dev.printed_on(a)
    auth = dev2.period_authority(a, printed.year)  # as of the day of the print
    y = P(tpl.top) + lh
    pg.text(x0, y, " - ".join(auth).upper(), f, pt)
    pg.text(x1, y, f"{L('printed')} {de_date(printed)}   {L('page')} {page_no:3d}", f, pt, anchor="rs")
    y += lh
    pg.text(x0, y, f"{L('title')} {dev2.genitive(auth[0]).upper()}", f, pt)
    y += lh
    pg.text(x0, y, rule, f, pt)
    y += lh
    pg.text(x0, y, f"{L('number')}: {number_shown(a, tpl)}", tpl.bold_font, pt)
    pg.text(x0 + round(W * 0.36), y, f"{L('az')} {a.aktenzeichen}", f, pt)
    if a.grundbuch:
        pg.text(x0 + round(W * 0.64), y, f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
        d.add("grundbuch_blatt")
    d |= {"aktenzeichen", "print_date", "page_number", "parcel_area"}
    y += lh
    pg.text(x0, y, rule, f, pt)
    y += lh
    pg.text(x0, y, L("parcels"), f, pt)
    y += lh
    cs = [x0 + round(W * c) for c in (0, 0.2, 0.27, 0.42, 0.52)] + [x1]
    for i, key in enumerate(("gem", "flur", "fst", "area", "lage")):
        pg.text(cs[i], y, L(key), f, pt)
    y += lh
    y_bot = pg.img.height - P(12)
    for i, (p, (gem, flur, fst)) in enumerate(zip(a.parcels, parcel_cells(a, tpl))):
        cont = pg.wrap(lage(a, i, p), f, pt, (cs[5] - cs[4]) * 0.55)  # the Lage column's printed width
        for j, s in enumerate([gem, flur, fst, area(a, p)]):
            pg.text(cs[j], y, s, f, pt)
        for s in cont:
            pg.text(cs[4], y, s, f, pt)
            y += lh
    pg.text(x0, y, rule, f, pt)
    y += lh
    es = [x0 + round(W * c) for c in (0, 0.04, 0.2, 0.78, 0.89)] + [x1]
    for i, key in enumerate(("nr", "kind", "text", "reg", "dele")):
        pg.text(es[i], y, L(key), f, pt)
    y += lh
    pg.text(x0, y, rule, f, pt)
    y += lh
    regs = registered(a, tpl)
    for e in a.entries:
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, es[3] - es[2] - P(3))
        kind = pg.wrap(dev2.type_shown(e.type), f, pt, es[2] - es[1] - P(2))
        if y + (max(len(body), len(kind)) + 1) * lh > y_bot:
            return d, True
        pg.text(es[0], y, f"{e.lfd_nr:3d}", f, pt)
        for j, s in enumerate(kind):
            pg.text(es[1], y + j * lh, s, f, pt)
        for j, s in enumerate(body):
            pg.text(es[2], y + j * lh, s, f, pt)
        pg.text(es[3], y, regs[e.lfd_nr], f, pt)
        pg.text(es[4], y, date_shown(a, tpl, e.deleted_on) if e.deleted_on else "--.--.----", f, pt)
        y += (max(len(body), len(kind)) + 1) * lh
    return d, False


# --- a laser-printed form: the number pen-written into a stamp, a narrow Flurstück column ---------------------------
def number_stamp(pg: Page, tpl: Template, a: Akte, x: int, y: int, auth: list[str]) -> None:
    """The Bauaufsicht's register stamp pressed top right, its blank written on by pen with the number."""
    P = pg.px
    first, rest = tpl.label("number").split(" ", 1)
    who = f"{auth[0].upper()} · BAUAUFSICHT"
    blank = " " * 16
    box = dev.rubber_stamp(pg, x, y, [(who, "sans_bold", 7.5), (first, "sans", 9), (f"{rest}{blank}", "sans", 10)],
                           anchor="rt")
    at = box[2] - P(2.5) - pg.width(blank, "sans", 10)
    dev.pen(pg, at, box[3] - P(3), number_shown(a, tpl), "free_serif_italic", 15,
            pg.rng.randrange(15, 50))


def sheet_box_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    auth = dev2.period_authority(a, year_of(a))
    y = P(tpl.top) + P(4)
    for i, s in enumerate(auth):
        pg.text(x0, y, s, fb if i == 0 else f, 11 if i == 0 else 9)
        y += P(4.5)
    number_stamp(pg, tpl, a, x1, P(tpl.top) - P(2), auth)
    y += P(10)
    pg.text(x0, y, L("title"), fb, 17)
    y += P(3)
    pg.hline(x0, x1, y, 0.6)
    y += P(4)
    # file numbers: labelled cells
    cells = [(L("az"), a.aktenzeichen), (L("permit"), permit_number(a))]
    if a.grundbuch:
        cells += [(L("gb"), a.grundbuch[0]), (L("gb_blatt"), a.grundbuch[1])]
        d.add("grundbuch_blatt")
    d |= {"aktenzeichen", "permit_number", "page_number"}
    cw = W / len(cells)
    h = P(11)
    for i, (lab, val) in enumerate(cells):
        cx = x0 + round(i * cw)
        pg.rect((cx, y, x0 + round((i + 1) * cw), y + h), 0.3)
        pg.text(cx + P(1.5), y + P(3.5), lab, f, 7)
        pg.text(cx + P(1.5), y + P(8.8), val, f, pt)
    y += h + P(5)
    pg.text(x0, y, L("parcels"), fb, pt)
    y += P(2)
    cs = [x0 + round(W * c) for c in (0, 0.3, 0.4, 0.56)] + [x1]  # a narrow Flurstück column: lists wrap
    head = P(6.5)
    pg.rect((x0, y, x1, y + head), 0.3, fill=228)
    for i, key in enumerate(("gem", "flur", "fst", "addr")):
        pg.text(cs[i] + P(1.5), y + P(4.6), L(key), fb, 8)
    y += head
    lh = pg.line_height(f, pt, 1.35)
    for i, cell in enumerate(parcel_cells(a, tpl)):
        cols = [[cell[0]], [cell[1]], pg.wrap(cell[2], f, pt, cs[3] - cs[2] - P(3)),
                pg.wrap(a.address or "", f, pt, cs[4] - cs[3] - P(3)) if i == 0 else [""]]
        n = max(len(c) for c in cols)
        rh = n * lh + P(2.5)
        for j, lines in enumerate(cols):
            pg.rect((cs[j], y, cs[j + 1], y + rh), 0.3)
            for k, s in enumerate(lines):
                pg.text(cs[j] + P(1.5), y + P(1) + (k + 0.8) * lh, s, f, pt)
        y += rh
    y += P(7)
    xs = [x0 + round(W * c) for c in (0, 0.08, 0.7)] + [x1]
    y_bot = pg.img.height - P(20)
    y = dev3.card_table(pg, xs, y, y_bot, [L(k) for k in ("nr", "text", "rem")], fb, 8, 0, 7, shade=228)
    y += lh
    regs = registered(a, tpl)
    pad = P(1.8)
    for e in a.entries:
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, xs[2] - xs[1] - 2 * pad)
        rem = [L("reg"), regs[e.lfd_nr], ""]
        if e.deleted_on:
            rem += [L("dele"), date_shown(a, tpl, e.deleted_on)]
        n = max(len(body), len(rem))
        if y + n * lh > y_bot - P(2):
            return d, True
        pg.text(xs[0] + pad, y, f"{e.lfd_nr}", f, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + pad, y + i * lh, s, f, pt, fill=100 if e.deleted_on else 0)
        for i, s in enumerate(rem):
            if s:
                pg.text(xs[2] + pad, y + i * lh, s, f, pt)
        pg.signature(xs[2] + pad + P(2), y + 2 * lh, w_mm=16, h_mm=4, fill=rng.randrange(20, 60))
        if e.deleted_on:
            pg.hline(xs[1] + pad, xs[2] - pad, y + (len(body) - 1) * lh - lh * 0.35, 0.3)
        y += n * lh + round(lh * 0.6)
        pg.hline(x0, x1, y - round(lh * 0.8), 0.2)
    foot = pg.img.height - P(12)
    form_year = max(1994, year_of(a) - 1 - dev2.akte_hash(a, "bx_form") % 4)
    pg.text(x0, foot, f"{L('form')} ({1 + dev2.akte_hash(a, 'bx_month') % 12:02d}/{form_year})", f, 7)
    pg.text(x1, foot, f"{L('page')} {page_no} {L('of')} 1", f, 8, anchor="rs")
    return d, False


# --- a printed form of the 1960s filled in by pen: the number with its year, "Parzelle" rows ------------------------
def pen_field(pg: Page, tpl: Template, x: int, y: int, label: str, value: str, length_mm: float, pt: float,
              ink: int) -> int:
    """A printed label, a dotted line after it, the value written on the line by pen; the line's end x."""
    end = pg.text(x, y, label, tpl.form_font, 9)
    x_end = x + pg.px(length_mm)
    dot = pg.px(1.2)
    for xx in range(round(end + pg.px(1.5)), x_end, dot * 2):
        pg.draw.point((xx, y + pg.px(0.8)), fill=60)
    if value:
        dev.pen(pg, end + pg.px(3), y, value, tpl.value_font, pt, ink)
    return x_end


def sheet_parzellen_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, hand = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    ink = rng.randrange(15, 55)
    auth = dev2.period_authority(a, year_of(a))
    y = P(tpl.top) + P(4)
    for s in auth:
        pg.text(x0, y, s, f, 9)
        y += P(4)
    pg.text(x1, P(tpl.top) + P(8), L("title"), fb, 16, anchor="rs")
    y += P(8)
    pen_field(pg, tpl, x0, y, L("muni"), a.municipality, 95, pt, ink)
    pen_field(pg, tpl, x1 - P(75), y, L("number"), number_shown(a, tpl), 75, pt * 1.25, ink)
    y += P(10)
    pen_field(pg, tpl, x0, y, L("addr"), a.address or "", 95, pt, ink)
    pen_field(pg, tpl, x1 - P(75), y, L("permit"), permit_number(a), 75, pt, ink)
    y += P(10)
    gb = a.grundbuch or ("", "")
    xg = pen_field(pg, tpl, x0, y, L("gb"), gb[0], 95, pt, ink)
    pen_field(pg, tpl, xg + P(4), y, L("gb_blatt"), gb[1], 35, pt, ink)
    d |= {"permit_number", "parcel_area"} | ({"grundbuch_blatt"} if a.grundbuch else set())
    y += P(7)
    # the form's parcel rows: four printed rows, written into from the top
    cs = [x0 + round(W * c) for c in (0, 0.36, 0.5, 0.76)] + [x1]
    rows = max(4, len(a.parcels))
    rh = P(8)
    pg.rect((x0, y, x1, y + P(6) + rows * rh), 0.35)
    for xx in cs[1:-1]:
        pg.vline(xx, y, y + P(6) + rows * rh, 0.25)
    for i, key in enumerate(("gem", "flur", "fst", "size")):
        pg.text((cs[i] + cs[i + 1]) // 2, y + P(4.3), L(key), fb, 8.5, anchor="ms")
    y += P(6)
    for i in range(rows):
        pg.hline(x0, x1, y + i * rh, 0.2)
    for i, (p, cell) in enumerate(zip(a.parcels, parcel_cells(a, tpl))):
        for j, s in enumerate(cell + (f"{area(a, p)[:-3].replace('.', '')} qm",)):
            dev.pen(pg, cs[j] + P(2), y + i * rh + P(6), s, hand, pt, ink)
    y += rows * rh + P(8)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.72)] + [x1]
    y_bot = pg.img.height - P(16)
    y = dev3.card_table(pg, xs, y, y_bot, [L(k) for k in ("nr", "text", "rem")], fb, 8.5, 0, 10)
    fv = "mono"  # the entry's text was typed onto the form
    lh = pg.line_height(fv, pt * 0.85, 1.4)
    y += lh
    regs = registered(a, tpl)
    reg_word = dev2.pick(a, "hf_reg", L("reg"))
    gone_word = dev2.pick(a, "hf_dele", L("dele"))
    pad = P(1.8)
    for e in a.entries:
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt * 0.85, xs[2] - xs[1] - 2 * pad)
        rem = [f"{reg_word} {regs[e.lfd_nr]}"]
        if e.deleted_on:
            rem += ["", f"{gone_word} {date_shown(a, tpl, e.deleted_on)}"]
        n = max(len(body), len(rem) * 1.5 + 1.5)
        if y + n * lh > y_bot - P(2):
            return d, True
        pg.typed(xs[0] + pad, y, f"{e.lfd_nr}", fv, pt * 0.85)
        for i, s in enumerate(body):
            pg.typed(xs[1] + pad, y + i * lh, s, fv, pt * 0.85)
        for i, s in enumerate(rem):
            if s:
                dev.pen(pg, xs[2] + pad, y + round(i * 1.5 * lh), s, hand, pt * 0.9, ink)
        pg.signature(xs[2] + pad + P(4), y + round(1.3 * lh), w_mm=18, h_mm=4.5, fill=ink)
        if e.deleted_on:
            pg.hand_line(xs[1] + pad, y - lh * 0.5, xs[2] - pad, y + (len(body) - 1) * lh, w=0.35, fill=ink)
        y += round(n * lh)
        pg.hline(x0, x1, y - round(lh * 0.7), 0.2)
    pg.text(x1, pg.img.height - P(8), f"{L('page')} {page_no}", f, 8, anchor="rs")
    d.add("page_number")
    return d, False


DEV7_RENDERERS = {"sentence_sheet": sheet_sentence, "parcel_rows": sheet_parcel_rows, "box_form": sheet_box_form,
                  "parzellen_form": sheet_parzellen_form}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """dev7's own draws for one random file (made by ``assemble.random_spec`` for this split only): as dev3's (more
    entries and deletions, every number style), then 1-4 parcels, on two Flure or in two Gemarkungen on many files
    (``spread``)."""
    kinds, opts = dev3.spec_draws(rng, kinds, opts, fmt)
    if opts.get("is_baulast") is False:
        return kinds, opts
    n = rng.choice((1, 2, 2, 3, 3, 4))
    return kinds, {**opts, "n_parcels": n, "two_flure": n > 1 and rng.random() < 0.45,
                   "gemarkungen": 2 if n > 1 and rng.random() < 0.5 else 1}


TEMPLATES.update(DEV7_TEMPLATES)
