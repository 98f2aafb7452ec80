"""The heldout9 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all in this module.

The templates (``split="heldout9"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``NINTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import random
import re

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, Akte, Entry, Parcel, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import FONT_FILES, Page

SPLIT = "heldout9"
dev = Later(".sheets_dev")  # pen, PENS, printed_on (read at call time: the tests watch pen)

FONT_FILES.setdefault("free_mono_bold_oblique", "FreeMonoBoldOblique.ttf")
FONT_FILES.setdefault("narrow_bold_italic", "LiberationSansNarrow-BoldItalic.ttf")

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# the ways this split prints a day
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "pen": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",  # 14.2.83
    "long": lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",  # 14. Februar 1983
    "roman": lambda d: f"{d.day}. {ROMAN[d.month - 1]}. {d.year}",  # 14. II. 1983
    "iso": lambda d: d.isoformat(),  # 1983-02-14
    "comb": lambda d: d.strftime("%d%m%y"),  # 140283, one digit to a cell
    "cells": lambda d: f"{d.day} {d.month} {d.year}",  # 14 | 2 | 1983 in the columns Tag, Monat, Jahr
    "cells0": lambda d: f"{d.day:02d} {d.month:02d} {d.year}",  # 14 | 02 | 1983
}

# Gemeindekennziffern of the Rhein-Kreis Neuss (Land 05, Kreis 162) as the data-capture form asks for them
MUNI_KEY = {"Dormagen": "05162004", "Grevenbroich": "05162008", "Jüchen": "05162012", "Kaarst": "05162016",
            "Korschenbroich": "05162020", "Meerbusch": "05162022", "Neuss": "05162024", "Rommerskirchen": "05162028"}
USES = ("Gebäude- und Freifläche", "Hof- und Gebäudefläche", "Gartenland", "Ackerland", "Wohnbaufläche")

NINTH_LABELS = {
    "H9_SF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baulastenverzeichnisblatt", "muni": "Gemeinde",
              "parcel": "Grundstück:", "flur": "Flur", "fst": "Flurstück", "fsts": "Flurstücke", "and": "und",
              "der_gem": "der Gemarkung", "gb_head": "Grundbuch:", "gb": "Grundbuch von", "gb_band": "Band",
              "gb_blatt": "Blatt", "court": "Amtsgericht", "az": "Az.", "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast",
              "reg": "Tag der Eintragung", "day": "Tag", "month": "Monat", "year": "Jahr", "sig": "Namens-\nzeichen",
              "decl": ("(Verpflichtungserklärung vom ", ")"), "dele": ("Gelöscht am ", ""),
              "waiver": (" auf Grund des Verzichts vom ", "."), "page": "Seite", "form": "BV-Vordruck 2"},
    "H9_FL": {**_BASE, "title": "BAULASTENVERZEICHNIS", "sub": "AUSKUNFT - BLATTDATEN", "number": "ORDNUNGSNUMMER",
              "muni": "GEMEINDE", "parcel": "BELASTETE FLURSTUECKE", "gem": "GEM.", "flur": "FL.", "fst": "FLST.",
              "addr": "LAGE", "gb": "GRUNDBUCH", "gb_blatt": "BL.", "az": "AKTENZEICHEN", "data": "LETZTE AENDERUNG",
              "baulast": "BAULAST", "nr": "LFD. NR. DER BAULAST", "kind": "ART DER BAULAST",
              "decl": "BAULASTERKL. VOM", "reg": "EINGETRAGEN AM", "dele": "GELOESCHT AM", "none": "--.--.--",
              "text": "WORTLAUT", "printed": "DRUCK", "page": "SEITE", "end": "ENDE DER AUSKUNFT"},
    "H9_EB": {**_BASE, "title": "Erfassungsbeleg", "sub": "Baulastenverzeichnis", "serial": "Beleg-Nr.",
              "hint": "Bitte in Druckschrift ausfüllen. Zahlen rechtsbündig, Datum sechsstellig (TTMMJJ).",
              "number": "Kenn-Nr. des Baulastenblattes", "suffix": "Zusatz", "muni": "Gemeinde",
              "key": "Gemeindekennziffer", "case": "Vorgang", "new": "Neuanlage", "more": "Nachtrag",
              "parcel": "Belastete Flurstücke", "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück",
              "addr": "Lage (Straße, Haus-Nr.)", "gb": "Grundbuch von / Blatt",
              "block": "Baulast", "nr": "Lfd. Nr.", "kind": "Art der Baulast", "decl": "Erklärung vom",
              "reg": "Eingetragen am", "dele": "Gelöscht am", "guide": "T T M M J J", "short": "Kurzinhalt",
              "to": "zugunsten", "unite": "Vereinigung", "captured": "Erfaßt am", "initials": "Handzeichen",
              "checked": "Geprüft", "form": "Vordruck BV-E 1"},
    "H9_SL": {**_BASE, "title": "Inhalt des Baulastenblattes", "side": "Baulastenblatt", "number": "Nummer",
              "muni": "Gemeinde", "addr": "Lage", "gb": "Grundbuch", "gb_blatt": "Blatt", "az": "Aktenzeichen",
              "state": "Datenstand", "parcel": "Belastete Grundstücke", "gem": "Gemarkung", "flur": "Flur",
              "fst": "Flurstück", "entries": "Eintragungen", "since": "eingetragen seit", "reg": "eingetragen am",
              "dele": "gelöscht am", "basis": "Grundlage: Verpflichtungserklärung vom", "benefit": "Begünstigt:",
              "made": "Erstellt am", "prog": "mit BLV-Web 4.2", "page": "Seite", "of": "von"},
}
LABELS.update(NINTH_LABELS)

NINTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_h9", "typewriter_form", "H9_SF", "dv_serif", "dv_serif_bold", "mono", pt=10, margin=15, top=12,
             years=(1958, 1984), split=SPLIT, renderer="schriftfeld_folio"),
    Template("dm_h9", "dot_matrix", "H9_FL", "free_mono_bold", "free_mono_bold", "free_mono_bold", pt=9.5, margin=14,
             top=12, years=(1979, 1999), split=SPLIT, renderer="feld_liste"),
    Template("hf_h9", "typewriter_form", "H9_EB", "narrow", "narrow_bold", "mono", pt=11, margin=14, top=11,
             years=(1974, 1995), split=SPLIT, renderer="erfassungsbeleg"),
    Template("lp_h9", "modern_grid", "H9_SL", "dv_sans", "dv_sans_bold", "narrow_bold_italic", pt=9.5, margin=14,
             top=12, years=(2006, 2024), split=SPLIT, renderer="seitenleiste"),
)}


# --- what each template prints --------------------------------------------------------------------------------
def spread(a: Akte, opts: dict) -> Akte:
    """Parcels in a second Gemarkung where the file's draws ask for it (as dev7 spreads them; draws nothing)."""
    return dev7.spread(a, opts)


def groups(a: Akte) -> list[tuple[str, int, list[str]]]:
    """[(Gemarkung, Flur, [Flurstück, ...]), ...] in printed order."""
    return dev7.groups(a)


def municipality_name(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


def upper_ascii(s: str) -> str:
    """As an EDV print of the 1980s sets a word: capitals, umlauts spelled out."""
    for k, v in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "AE"), ("Ö", "OE"), ("Ü", "UE"), ("ß", "SS")):
        s = s.replace(k, v)
    return s.upper()


def number_digits(a: Akte) -> tuple[str, str]:
    """(digits as written, suffix letter in capitals) of the register number: '1.234' -> ('1234', ''),
    '0042' -> ('0042', ''), '512 a' -> ('512', 'A')."""
    return re.sub(r"\D", "", a.register_display), re.sub(r"[^a-z]", "", a.register_number).upper()


def number_shown(a: Akte, tpl: Template) -> str:
    """The register number as the sheet prints it (on the capture form: its digits and the suffix letter in boxes of
    their own; on some EDV prints: four digits, the suffix in capitals)."""
    if tpl.renderer == "erfassungsbeleg":
        return "".join(number_digits(a))
    if tpl.renderer == "feld_liste" and dev2.pick(a, "h9fl_num", (False, True)):
        return dev2.number_shown(a, "edv")
    return a.register_display


def show(fmt: str, day: dt.date) -> str:
    return FORMATS[fmt](day)


def said(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(fmt, day), before, after, lfd_nr)


def reg_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints its entries' registration days."""
    r = tpl.renderer
    if r == "schriftfeld_folio":
        return dev2.pick(a, "h9sf_cells", ("cells", "cells0"))
    if r == "feld_liste":
        return "short"
    if r == "erfassungsbeleg":
        return "comb"
    return dev2.pick(a, "h9sl_fmt", ("numeric", "iso", "numeric"))


def other_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints the other days (declarations, deletions, waivers)."""
    if tpl.renderer == "schriftfeld_folio":
        return dev2.pick(a, "h9sf_fmt", ("roman", "long", "numeric", "roman"))
    return reg_fmt(a, tpl)


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = reg_fmt(a, tpl)
    return {e.lfd_nr: show(fmt, e.registered_on) for e in a.entries}


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout9 sheet of this Akte prints besides the Eintragungsdaten."""
    L, r, ms = tpl.label, tpl.renderer, []
    fmt = other_fmt(a, tpl)
    for e in a.entries:
        n = e.lfd_nr
        if r == "schriftfeld_folio":
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, *L("decl"), n))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, *L("dele"), n))
                ms.append(said("waiver_date", dev3.waived(a, e), fmt, *L("waiver"), n))
        elif r == "seitenleiste":
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, f"{L('basis')} ", "", n))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, f"{L('dele')} ", "", n))
        else:  # the EDV print and the capture form: the value after (or in the boxes under) its printed label
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", n))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", n))
    if r == "feld_liste":
        data = dev3.after_all(a, ms, "h9fl_data")
        ms.append(said("data_date", data, "short"))
        ms.append(said("print_date", dev3.offset(a, "h9fl_print", data, 1, 400), "numeric", f"{L('printed')}: "))
    elif r == "erfassungsbeleg":
        last = a.entries[-1].registered_on
        ms.append(said("capture_date", dev3.offset(a, "h9eb_cap", last, 2, 40), "pen"))
    elif r == "seitenleiste":
        data = dev3.after_all(a, ms, "h9sl_data")
        ms.append(said("data_date", data, fmt))
        ms.append(said("print_date", dev3.offset(a, "h9sl_print", data, 1, 90), "numeric", f"{L('made')} "))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), reg_fmt(a, tpl))


def area(a: Akte, p: Parcel) -> str:
    return str(180 + dev2.akte_hash(a, f"h9_area{p.flur}/{p.flurstueck}") % 2600)


def parcel_phrase(a: Akte, L) -> str:
    """'Flur 3, Flurstücke 12 und 14/2 der Gemarkung Büttgen; Flur 7, Flurstück 88 der Gemarkung Kaarst'."""
    parts = []
    for gem, flur, fst in groups(a):
        word = L("fsts") if len(fst) > 1 else L("fst")
        parts.append(f"{L('flur')} {flur}, {word} {dev2.words_list(fst, L('and'))} {L('der_gem')} {gem}")
    return "; ".join(parts)


def wrap_keeping(pg: Page, text: str, days: list[str], font: str, pt: float, width: float) -> list[str]:
    """Typed lines of text to width, never breaking one of the days (a monospaced face: '~' is as wide as a space)."""
    for s in days:
        text = text.replace(s, s.replace(" ", "~"))
    return [line.replace("~", " ") for line in pg.wrap(text, font, pt, width)]


def centered_typed(pg: Page, xa: float, xb: float, y: float, s: str, font: str, pt: float) -> None:
    pg.typed((xa + xb) / 2 - pg.width(s, font, pt) / 2, y, s, font, pt)


# --- (1) a typed register page of the 1960s-80s: the sheet's identification in a title block at the foot -----------
def sheet_schriftfeld_folio(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.3)
    top = P(tpl.top)
    year = a.entries[0].registered_on.year
    y = top + P(4)
    for s in dev2.period_authority(a, year):
        pg.typed(x0, y, s, fv, pt)
        y += lh
    az = f"{L('az')} {a.aktenzeichen}"
    pg.typed(x1 - pg.width(az, fv, pt), top + P(4), az, fv, pt)
    y += P(8)
    title = " ".join(L("title"))  # letter-spaced, as the form's printer set it
    pg.text((x0 + x1) // 2, y, title, fb, 16, anchor="ms")
    y += P(4)
    pg.hline((x0 + x1) // 2 - P(55), (x0 + x1) // 2 + P(55), y, 0.4)
    y += P(9)
    # the parcels and the Grundbuch, typed after the printed labels
    tab = x0 + round(pg.width(L("gb_head") + "  ", f, 10))
    pg.text(x0, y, L("parcel"), f, 10)
    where = parcel_phrase(a, L) + (f" ({a.address})" if a.address else "")
    for s in pg.wrap(where, fv, pt, x1 - tab):
        pg.typed(tab, y, s, fv, pt)
        y += lh
    y += P(2)
    pg.text(x0, y, L("gb_head"), f, 10)
    if a.grundbuch:
        band = 1 + dev2.akte_hash(a, "h9sf_band") % 40
        court = "Grevenbroich" if a.municipality in ("Grevenbroich", "Jüchen", "Rommerskirchen") else "Neuss"
        gb = (f"{L('court')} {court}, {L('gb')} {a.grundbuch[0]} {L('gb_band')} {band} "
              f"{L('gb_blatt')} {a.grundbuch[1]}")
        for s in pg.wrap(gb, fv, pt, x1 - tab):
            pg.typed(tab, y, s, fv, pt)
            y += lh
        d.add("grundbuch_blatt")
    else:
        y += lh
    y += P(5)
    # the ruled table; the title block at the foot
    sf_h = P(24)
    y_sf = pg.img.height - P(14) - sf_h
    y_bot = y_sf - P(6)
    xs = [x0 + round(W * c) for c in (0, 0.065, 0.64, 0.7, 0.76, 0.85)] + [x1]
    head_h, sub = P(13), P(6.5)
    pg.rect((x0, y, x1, y_bot), 0.4)
    for i, xx in enumerate(xs[1:-1], 1):
        pg.vline(xx, y + (sub if i in (3, 4) else 0), y_bot, 0.3)
    pg.hline(xs[2], xs[5], y + sub, 0.25)
    for j, s in enumerate(L("nr").split("\n")):
        pg.text((xs[0] + xs[1]) // 2, y + P(5.5 + 3.6 * j), s, f, 8, anchor="ms")
    pg.text((xs[1] + xs[2]) // 2, y + P(8), L("text"), fb, 9.5, anchor="ms")
    pg.text((xs[2] + xs[5]) // 2, y + P(4.5), L("reg"), f, 8, anchor="ms")
    for i, key in ((2, "day"), (3, "month"), (4, "year")):
        pg.text((xs[i] + xs[i + 1]) // 2, y + sub + P(4.5), L(key), f, 7.5, anchor="ms")
    for j, s in enumerate(L("sig").split("\n")):
        pg.text((xs[5] + xs[6]) // 2, y + P(5.5 + 3.6 * j), s, f, 8, anchor="ms")
    y += head_h
    pg.hline(x0, x1, y, 0.4)
    y += lh + P(1)
    pad = P(1.5)
    width = xs[2] - xs[1] - 2 * pad
    for e in a.entries:
        n = e.lfd_nr
        decl = sd.one("declaration_date", n)
        body = wrap_keeping(pg, dev2.period_text(e.text, e.registered_on.year) + " " + decl.text, [decl.shown],
                            fv, pt, width)
        dele = []
        if e.deleted_on:
            gone, waiver = sd.one("deletion_date", n), sd.one("waiver_date", n)
            dele = wrap_keeping(pg, gone.text + waiver.text, [gone.shown, waiver.shown], fv, pt, width)
        rows = len(body) + (len(dele) + 1 if dele else 0) + 1
        if y + rows * lh > y_bot - P(2):
            return d, True
        pg.typed(xs[0] + pad, y, f"{n}.", fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
        for i, s in enumerate(sd.registered[n].split(" ")):  # day, month and year in their columns
            centered_typed(pg, xs[2 + i], xs[3 + i], y, s, fv, pt)
        pg.signature(xs[5] + pad, y + round(lh * 0.2), w_mm=min(16, (xs[6] - xs[5] - 2 * pad) * 25.4 / pg.dpi),
                     h_mm=4, fill=pg.rng.randrange(25, 70))
        if dele:
            ink = pg.rng.randrange(60, 110)
            pg.hand_line(xs[1] + pad, y - lh * 0.7, xs[2] - pad, y + (len(body) - 1) * lh, w=0.4, fill=ink)
            yd = y + (len(body) + 1) * lh
            for i, s in enumerate(dele):
                pg.typed(xs[1] + pad, yd + i * lh, s, fv, pt)
            pg.signature(xs[5] + pad, yd + round(lh * 0.2), w_mm=min(14, (xs[6] - xs[5] - 2 * pad) * 25.4 / pg.dpi),
                         h_mm=4, fill=ink)
        y += rows * lh
        pg.hline(x0, x1, y - round(lh * 0.65), 0.25)
        y += round(lh * 0.4)
    # the title block: Gemeinde over the sheet's number and the page
    sx = x1 - P(96)
    pg.rect((sx, y_sf, x1, y_sf + sf_h), 0.5)
    pg.hline(sx, x1, y_sf + sf_h // 2, 0.3)
    xp = x1 - P(24)
    pg.vline(xp, y_sf + sf_h // 2, y_sf + sf_h, 0.3)
    pg.text(sx + P(2), y_sf + P(3.5), L("muni"), f, 7)
    pg.typed(sx + P(6), y_sf + P(9.5), municipality_name(a), fv, pt * 1.1)
    pg.text(sx + P(2), y_sf + sf_h // 2 + P(3.5), L("number"), f, 7.5)
    pg.typed(sx + P(10), y_sf + sf_h - P(2.2), a.register_display, fv, pt * 1.45)
    pg.text(xp + P(2), y_sf + sf_h // 2 + P(3.5), L("page"), f, 7)
    pg.typed(xp + P(9), y_sf + sf_h - P(2.5), str(page_no), fv, pt * 1.1)
    pg.text(x0, y_sf + sf_h, L("form"), f, 7)
    return d | sd.kinds(), False


# --- (2) an EDV print of the register's record: numbered fields with leader dots --------------------------------
def sheet_feld_liste(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "aktenzeichen", "field_code"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    adv = pg.width("M", f, pt)
    cols = int((x1 - x0) / adv)
    lh = pg.line_height(f, pt, 1.5)
    at = 33  # the values' column
    y = P(tpl.top) + lh
    y_bot = pg.img.height - P(14)

    def put(col: int, s: str, bold: bool = False) -> None:
        pg.text(x0 + col * adv, y, s, fb if bold else f, pt)

    def field(code: str, label: str, value: str, bold: bool = False) -> None:
        nonlocal y
        head = f"{code} {label} "
        put(1, head + "." * max(2, at - 4 - len(head)) + " :")
        put(at, value, bold)
        y += lh

    auth = dev2.period_authority(a, sd.one("print_date").day.year)  # as the office was named when it printed
    put(0, upper_ascii(" - ".join(auth[:2]))[: cols - 14])
    right = f"{L('page')} {page_no:03d}"
    put(cols - len(right), right)
    y += lh
    put(0, L("title"), bold=True)
    printed = sd.one("print_date").text
    put(cols - len(printed), printed)
    y += lh
    put(0, "=" * cols)
    y += lh
    put(1, L("sub"))
    y += lh * 1.4
    field("01", L("number"), number_shown(a, tpl))
    field("02", L("muni"), upper_ascii(a.municipality))
    lines = [f"{L('gem')} {upper_ascii(p.gemarkung)}  {L('flur')} {p.flur}  {L('fst')} {p.flurstueck}"
             for p in a.parcels]
    field("03", L("parcel"), lines[0])
    for s in lines[1:]:
        put(at, s)
        y += lh
    field("04", L("addr"), upper_ascii(a.address) if a.address else "")  # an empty field is printed empty
    if a.grundbuch:
        field("05", L("gb"), f"{upper_ascii(a.grundbuch[0])} {L('gb_blatt')} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
    else:
        field("05", L("gb"), "")
    field("06", L("az"), a.aktenzeichen)
    field("07", L("data"), sd.one("data_date").text)
    width = (cols - at) * adv
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(upper_ascii(dev2.period_text(e.text, e.registered_on.year)), f, pt, width)
        if y + (len(body) + 8) * lh > y_bot - lh:
            return d, True
        put(0, "-" * cols)
        y += lh
        put(1, f"{L('baulast')} {n:02d}", bold=True)
        y += lh
        field("10", L("nr"), str(n))
        field("11", L("kind"), upper_ascii(dev2.type_shown(e.type)))
        field("12", L("decl"), sd.one("declaration_date", n).text)
        field("13", L("reg"), sd.registered[n])
        dele = sd.one("deletion_date", n)
        field("14", L("dele"), dele.text if dele else L("none"))
        field("15", L("text"), body[0])
        for s in body[1:]:
            put(at, s)
            y += lh
    put(0, "-" * cols)
    y += lh
    put(1, f"*** {L('end')} ***")
    return d | sd.kinds(), False


# --- (3) a data-capture form for the register's EDV, filled in by pen ---------------------------------------------
FORM_INK, LINE_INK = 85, 125  # the form's printing: labels darker than its box lines


def comb(pg: Page, x: float, y: float, n: int, cell: float, h: float) -> None:
    """A row of n cells marked only by ticks rising from a base line (y), as forms lay out their character fields."""
    pg.hline(x, x + n * cell, y, 0.25, fill=LINE_INK)
    for i in range(n + 1):
        pg.vline(x + i * cell, y - h, y, 0.25, fill=LINE_INK)


def comb_write(pg: Page, x: float, y: float, n: int, cell: float, chars: str, font: str, pt: float, ink: int,
               right: bool = True) -> None:
    """Write chars one to a cell (right-aligned in the n cells unless ``right`` is False)."""
    start = n - len(chars) if right else 0
    for i, ch in enumerate(chars):
        cw = pg.width(ch, font, pt)
        dev.pen(pg, x + (start + i) * cell + (cell - cw) / 2, y - pg.px(1.2), ch, font, pt, ink)


def form_box(pg: Page, xa: float, ya: float, xb: float, yb: float, label: str, no: int, font: str) -> None:
    """A ruled field with its number and label in small print in its top left corner."""
    pg.rect((xa, ya, xb, yb), 0.25, outline=LINE_INK)
    pg.text(xa + pg.px(1.2), ya + pg.px(3), f"({no}) {label}", font, 6.5, fill=FORM_INK)


def z_line(pg: Page, xa: float, ya: float, xb: float, yb: float, ink: int) -> None:
    """The Z a clerk draws through a field left empty."""
    pg.hand_line(xa, ya, xb, ya, w=0.3, fill=ink)
    pg.hand_line(xb, ya, xa, yb, w=0.3, fill=ink)
    pg.hand_line(xa, yb, xb, yb, w=0.3, fill=ink)


def short_text(a: Akte, e: Entry, L) -> str:
    kind = dev2.type_shown(e.type)
    if e.type == "Vereinigungsbaulast" or a.benefit is None:
        return f"{L('unite')} {L('fst')} {dev2.words_list([p.flurstueck for p in a.parcels], 'u.')}"
    b = a.benefit
    return f"{kind} {L('to')} {L('flur')} {b.flur}, {L('fst')} {b.flurstueck}"


def serial(a: Akte) -> str:
    """The form's pre-printed running number (never the register number)."""
    n = 10000 + dev2.akte_hash(a, "h9eb_serial") % 89990
    own = int(re.sub(r"\D", "", a.register_display) or 0)
    return f"{n + 1 if n == own else n:06d}"


def sheet_erfassungsbeleg(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"form_serial", "municipality_key", "field_number", "capture_date"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    top = P(tpl.top)
    year = a.entries[0].registered_on.year
    hand = dev2.pick(a, "h9eb_hand", tuple(dev.PENS))
    ink = 25 + dev2.akte_hash(a, "h9eb_ink") % 35
    later_hand = dev2.pick(a, "h9eb_hand2", tuple(dev.PENS))
    cell, tick = P(6.2), P(2.2)
    wpt = pt * 1.15  # pen size in the cells
    auth = dev2.period_authority(a, year)
    # the printed head
    pg.text(x0, top + P(5), auth[0], fb, 9.5, fill=FORM_INK)
    pg.text(x0, top + P(9.5), auth[-1], f, 8, fill=FORM_INK)
    cx = (x0 + x1) // 2
    pg.text(cx, top + P(7), L("title"), fb, 15, fill=FORM_INK, anchor="ms")
    pg.text(cx, top + P(12.5), L("sub"), f, 10, fill=FORM_INK, anchor="ms")
    end = pg.text(x1 - P(38), top + P(6), L("serial"), f, 7, fill=FORM_INK)
    pg.text(end + P(2), top + P(6.5), serial(a), "dv_mono", 12, fill=70)
    pg.text(x0, top + P(18.5), L("hint"), f, 7.5, fill=FORM_INK)
    y = top + P(21.5)
    no = 1
    # (1) the number, (2) the case
    h = P(17)
    xm = x0 + round(W * 0.62)
    form_box(pg, x0, y, xm, y + h, L("number"), no, f)
    digits, suffix = number_digits(a)
    nx, sx = x0 + P(6), x0 + P(64)
    pg.text(sx, y + P(5.5), L("suffix"), f, 6.5, fill=FORM_INK)
    pg.rect((sx, y + P(6.5), sx + P(11), y + h - P(2)), 0.25, outline=LINE_INK)
    pg.hline(nx, nx + P(40), y + h - P(3), 0.2, fill=LINE_INK)
    dev.pen(pg, nx + P(4), y + h - P(4.2), digits, hand, wpt * 1.2, ink)
    if suffix:
        dev.pen(pg, sx + P(3), y + h - P(4.2), suffix, hand, wpt * 1.1, ink)
    no += 1
    form_box(pg, xm, y, x1, y + h, L("case"), no, f)
    first = len(a.entries) == 1 and not a.entries[0].deleted_on
    for k, key in enumerate(("new", "more")):
        bx = xm + P(4) + k * P(30)
        pg.rect((bx, y + h - P(7.5), bx + P(4), y + h - P(3.5)), 0.25, outline=LINE_INK)
        pg.text(bx + P(5.5), y + h - P(4), L(key), f, 8, fill=FORM_INK)
        if (k == 0) == first:
            dev.pen(pg, bx + P(0.6), y + h - P(3.9), "X", hand, wpt * 0.9, ink)
    y += h
    no += 1
    # (3) the municipality, (4) its key
    form_box(pg, x0, y, xm, y + h, L("muni"), no, f)
    dev.pen(pg, x0 + P(5), y + h - P(3.5), a.municipality.upper(), hand, wpt, ink)
    no += 1
    form_box(pg, xm, y, x1, y + h, L("key"), no, f)
    kc = P(5.2)
    comb(pg, xm + P(4), y + h - P(3), 8, kc, tick)
    comb_write(pg, xm + P(4), y + h - P(3), 8, kc, MUNI_KEY[a.municipality], hand, wpt * 0.95, ink)
    y += h + P(3)
    no += 1
    # (5) the parcels: four rows, those left empty struck out
    cs = [x0, x0 + round(W * 0.42), x0 + round(W * 0.56), x1]
    hh = P(5.5)
    pg.rect((x0, y, x1, y + hh), 0.25, fill=235, outline=LINE_INK)
    pg.text(x0 + P(1.2), y + P(3.9), f"({no}) {L('parcel')}", fb, 7, fill=FORM_INK)
    y += hh
    rh = P(9.5)
    pg.rect((x0, y, x1, y + P(4.5)), 0.25, outline=LINE_INK)
    for c, key in zip(cs, ("gem", "flur", "fst")):
        pg.text(c + P(1.2), y + P(3.3), L(key), f, 6.5, fill=FORM_INK)
    y += P(4.5)
    for i in range(4):
        ya, yb = y + i * rh, y + (i + 1) * rh
        pg.rect((x0, ya, x1, yb), 0.25, outline=LINE_INK)
        for c in cs[1:-1]:
            pg.vline(c, ya, yb, 0.25, fill=LINE_INK)
        base = yb - P(2.6)
        if i < len(a.parcels):
            p = a.parcels[i]
            dev.pen(pg, cs[0] + P(3), base, p.gemarkung.upper(), hand, wpt, ink)
            dev.pen(pg, cs[1] + P(5), base, str(p.flur), hand, wpt, ink)
            dev.pen(pg, cs[2] + P(5), base, p.flurstueck, hand, wpt, ink)
        else:
            z_line(pg, x0 + P(3), ya + P(2), x1 - P(3), yb - P(2), ink + 20)
    y += 4 * rh
    no += 1
    # (6) the street, (7) the Grundbuch
    h2 = P(13)
    form_box(pg, x0, y, xm, y + h2, L("addr"), no, f)
    if a.address:
        dev.pen(pg, x0 + P(5), y + h2 - P(3), a.address, hand, wpt, ink)
    else:
        z_line(pg, x0 + P(40), y + P(5), xm - P(5), y + h2 - P(2), ink + 20)
    no += 1
    form_box(pg, xm, y, x1, y + h2, L("gb"), no, f)
    if a.grundbuch:
        dev.pen(pg, xm + P(5), y + h2 - P(3), f"{a.grundbuch[0]} / {a.grundbuch[1]}", hand, wpt * 0.9, ink)
        d.add("grundbuch_blatt")
    y += h2 + P(3)
    no += 1
    # three Baulast blocks, those left empty struck out
    y_foot = pg.img.height - P(26)
    bh = (y_foot - P(3) - y) // 3
    if bh < P(36):
        return d, True
    third = W / 3
    for k in range(3):
        yb0 = y + k * bh
        pg.rect((x0, yb0, x1, yb0 + P(5)), 0.25, fill=235, outline=LINE_INK)
        pg.text(x0 + P(1.2), yb0 + P(3.7), f"{L('block')} {k + 1}", fb, 7, fill=FORM_INK)
        r1, r2 = yb0 + P(5), yb0 + P(5) + round((bh - P(7)) * 0.34)
        r3, r4 = r2 + round((bh - P(7)) * 0.36), yb0 + bh - P(2)
        xn = x0 + round(W * 0.16)
        form_box(pg, x0, r1, xn, r2, L("nr"), no, f)
        form_box(pg, xn, r1, x1, r2, L("kind"), no + 1, f)
        for j, key in enumerate(("decl", "reg", "dele")):
            xa = x0 + round(j * third)
            form_box(pg, xa, r2, x0 + round((j + 1) * third), r3, L(key), no + 2 + j, f)
            comb(pg, xa + P(5), r3 - P(5), 6, cell, tick)
            for q, ch in enumerate(L("guide").split()):
                pg.text(xa + P(5) + q * cell + cell // 2, r3 - P(1.5), ch, f, 5.5, fill=FORM_INK, anchor="ms")
        form_box(pg, x0, r3, x1, r4, L("short"), no + 5, f)
        if k < len(a.entries):
            e = a.entries[k]
            base = r2 - P(3)
            dev.pen(pg, x0 + P(8), base, str(e.lfd_nr), hand, wpt, ink)
            dev.pen(pg, xn + P(5), base, dev2.type_shown(e.type), hand, wpt, ink)
            comb_write(pg, x0 + P(5), r3 - P(5), 6, cell, sd.one("declaration_date", e.lfd_nr).shown, hand, wpt, ink)
            comb_write(pg, x0 + round(third) + P(5), r3 - P(5), 6, cell, sd.registered[e.lfd_nr], hand, wpt, ink)
            if e.deleted_on:  # written later, by another hand
                ink2 = 30 + dev2.akte_hash(a, f"h9eb_ink{e.lfd_nr}") % 50
                comb_write(pg, x0 + round(2 * third) + P(5), r3 - P(5), 6, cell,
                           sd.one("deletion_date", e.lfd_nr).shown, later_hand, wpt, ink2)
            dev.pen(pg, x0 + P(5), r4 - P(2.5), short_text(a, e, L), hand, wpt * 0.9, ink)
        else:
            z_line(pg, x0 + P(4), r1 + P(3), x1 - P(4), r4 - P(2), ink + 20)
    y = y_foot
    no += 6
    # the foot: captured on, initials, checked
    h3 = P(14)
    for j, key in enumerate(("captured", "initials", "checked")):
        form_box(pg, x0 + round(j * third), y, x0 + round((j + 1) * third), y + h3, L(key), no + j, f)
    dev.pen(pg, x0 + P(6), y + h3 - P(3), sd.one("capture_date").shown, hand, wpt, ink)
    clerk = a.entries[-1].clerk
    dev.pen(pg, x0 + round(third) + P(6), y + h3 - P(3), clerk[:2] + ".", hand, wpt, ink)
    pg.signature(x0 + round(2 * third) + P(6), y + h3 - P(3), w_mm=22, h_mm=5, fill=ink + 10)
    pg.text(x0, y + h3 + P(4), L("form"), f, 7, fill=FORM_INK)
    return d | sd.kinds(), False


# --- (4) a recent office print: the sheet's key data in a shaded column on the left ------------------------------
def sheet_seitenleiste(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "aktenzeichen"}
    f, fb, fi = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.42)
    top = P(tpl.top)
    auth = dev2.period_authority(a, sd.one("print_date").day.year)
    for i, s in enumerate(auth):
        pg.text(x1, top + P(4) + i * P(4.2), s, fb if i == 0 else f, 9.5 if i == 0 else 8, anchor="rs")
    y_top = top + P(4.2) * len(auth) + P(6)
    y_foot = pg.img.height - P(17)
    side_w = P(50)
    sx0, sx1 = x0, x0 + side_w
    pg.draw.rectangle((sx0, y_top, sx1, y_foot - P(4)), fill=238)
    pg.draw.rectangle((sx0, y_top, sx1, y_top + P(1.5)), fill=90)
    # the column: the number first, then the other key data, each label over its value
    yy = y_top + P(10)
    pg.text(sx0 + P(4), yy, L("side"), fb, 12)
    yy += P(9)
    gb = f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else ""
    items = [(L("number"), a.register_display, fb, 17), (L("muni"), municipality_name(a), f, pt)]
    if a.address:
        items.append((L("addr"), a.address, f, pt))
    if gb:
        items.append((L("gb"), gb, f, pt))
        d.add("grundbuch_blatt")
    items += [(L("az"), a.aktenzeichen, f, pt), (L("state"), sd.one("data_date").text, f, pt)]
    for label, value, font, size in items:
        pg.text(sx0 + P(4), yy, label, f, 7.5, fill=95)
        yy += round(pg.line_height(font, size, 1.2))
        for s in pg.wrap(value, font, size, side_w - P(8)):
            pg.text(sx0 + P(4), yy, s, font, size)
            yy += round(pg.line_height(font, size, 1.25))
        yy += P(4)
    # the main column
    mx0 = sx1 + P(7)
    MW = x1 - mx0
    y = y_top + P(8)
    pg.text(mx0, y, L("title"), fb, 14)
    y += P(3)
    pg.hline(mx0, x1, y, 0.3, fill=120)
    y += P(9)
    pg.text(mx0, y, L("parcel"), fb, pt * 1.1)
    y += round(lh * 1.2)
    for p in a.parcels:
        s = f"{L('gem')} {p.gemarkung}, {L('flur')} {p.flur}, {L('fst')} {p.flurstueck}"
        pg.draw.ellipse((mx0 + P(1), y - P(2.2), mx0 + P(2.6), y - P(0.6)), fill=30)
        for j, line in enumerate(pg.wrap(s, f, pt, MW - P(6))):
            pg.text(mx0 + P(5), y, line, f, pt)
            y += lh
    y += P(6)
    pg.text(mx0, y, L("entries"), fb, pt * 1.1)
    y += round(lh * 1.3)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt * 0.95, MW - P(5))
        dele = sd.one("deletion_date", n)
        status = (f"{dele.text} ({L('reg')} {sd.registered[n]})" if dele
                  else f"{L('since')} {sd.registered[n]}")
        basis = sd.one("declaration_date", n).text
        ben = a.benefit if (e.type != "Vereinigungsbaulast" and a.benefit) else None
        extra = 2 + (1 if ben else 0)
        if y + (len(body) + extra + 2.5) * lh > y_foot - P(8):
            return d, True
        pg.text(mx0, y, f"{n}.  {dev2.type_shown(e.type)}", fb, pt * 1.05)
        y += round(lh * 1.05)
        pg.text(mx0 + P(5), y, status, fi, pt * 0.95, fill=70 if dele else 35)
        y += round(lh * 1.15)
        for s in body:
            pg.text(mx0 + P(5), y, s, f, pt * 0.95, fill=120 if dele else 0)
            y += lh
        pg.text(mx0 + P(5), y, basis, f, pt * 0.85, fill=80)
        y += lh
        if ben:
            pg.text(mx0 + P(5), y, f"{L('benefit')} {ben.phrase()}", f, pt * 0.85, fill=80)
            y += lh
        y += round(lh * 0.6)
    pg.hline(x0, x1, y_foot, 0.25, fill=120)
    pg.text(x0, y_foot + P(4.5), f"{sd.one('print_date').text} {L('prog')}", f, 7.5, fill=60)
    pg.text(x1, y_foot + P(4.5), f"{L('page')} {page_no} {L('of')} 1", f, 7.5, fill=60, anchor="rs")
    return d | sd.kinds(), False


NINTH_RENDERERS = {"schriftfeld_folio": sheet_schriftfeld_folio, "feld_liste": sheet_feld_liste,
                   "erfassungsbeleg": sheet_erfassungsbeleg, "seitenleiste": sheet_seitenleiste}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout9's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
    entries, one to three parcels (on two Flure or, via ``spread``, in two Gemarkungen on some files), every number
    style."""
    if opts.get("is_baulast") is False:
        return kinds, opts
    n_entries = rng.choice((1, 1, 2, 2, 3))
    n_parcels = rng.choice((1, 1, 2, 2, 3))
    return kinds, {**opts, "n_entries": n_entries, "deleted": n_entries > 1 and rng.random() < 0.5,
                   "n_parcels": n_parcels, "two_flure": n_parcels > 1 and rng.random() < 0.4,
                   "number_style": rng.choice(dev2.NUMBER_STYLES),
                   "gemarkungen": 2 if n_parcels > 1 and rng.random() < 0.3 else 1}


TEMPLATES.update(NINTH_TEMPLATES)
