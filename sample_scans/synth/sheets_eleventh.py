"""The heldout11 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all here.

The templates (``split="heldout11"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``ELEVENTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, PLZ, SURNAMES, Akte, Entry, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import FONT_FILES, Page

SPLIT = "heldout11"
dev = Later(".sheets_dev")  # pen, rubber_stamp (read at call time: the tests watch them)

FONT_FILES.setdefault("dv_serif_cond_italic", "DejaVuSerifCondensed-Italic.ttf")
HANDS = ("free_serif_italic", "serif_italic", "dv_serif_cond_italic")  # the book keepers' hands

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")
MONTHS_STAMP = ("JAN.", "FEB.", "MRZ.", "APR.", "MAI", "JUNI", "JULI", "AUG.", "SEP.", "OKT.", "NOV.", "DEZ.")
MONTHS_EN = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

# the ways this split prints a day
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "pen": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",  # 14.2.83
    "pen_full": lambda d: f"{d.day}.{d.month}.{d.year}",  # 14.2.1983
    "long": lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",  # 14. Februar 1983
    "stamp": lambda d: f"{d.day:02d}. {MONTHS_STAMP[d.month - 1]} {d.year}",  # 14. FEB. 1983
    "fax_en": lambda d: f"{MONTHS_EN[d.month - 1]}-{d.day:02d}-{d.year % 100:02d}",  # FEB-14-83
}

ELEVENTH_LABELS = {
    # (1) a register sheet printed by a word processor and sent by fax
    "X11_FX": {**_BASE, "title": "Baulastenverzeichnis", "number": "Lfd. Nr. im Baulastenverzeichnis",
               "muni": "Gemeinde:", "parcels": "Belastete Grundstücke:", "gem": "Gemarkung", "flur": "Flur",
               "fst": "Flurstück", "addr": "Lage:", "gb": "Grundbuch von", "gb_blatt": "Blatt", "az": "Az.:",
               "nr": "Nr.", "text": "Inhalt der Baulast", "rem": "Vermerke", "decl": "Verpfl.-Erkl. vom",
               "reg": "Eingetragen:", "dele": "Gelöscht:", "gez": "gez.", "page": "Seite", "of": "von",
               "from": "FROM:", "to": "TO:", "p": "P.", "von_fax": "VON", "s": "S.", "phone": "Telefon",
               "fax": "Telefax", "notary": "NOTAR"},
    # (2) a typed register form whose later entries and deletions are typed on slips pasted onto it
    "X11_PS": {**_BASE, "title": "Baulastenverzeichnis", "number": "Verz.-Nr.", "fuer": "für",
               "plot": "Belastetes Grundstück (Gemarkung, Flur, Flurstück)", "flur": "Flur", "fst": "Flurstück",
               "fsts": "Flurstücke", "and": "und", "addr": "Lage:", "gb": "Grundbuch von", "gb_blatt": "Blatt",
               "az": "Az.", "nr": "Lfd.\nNr.", "lfd": "Lfd. Nr.", "text": "Inhalt der Baulast",
               "rem": "Bemerkungen", "decl": "Verpflichtungserklärung vom", "slip": "Nachtrag",
               "stamp1": "Eintragung vollzogen", "gone_head": "Löschungsvermerk zu lfd. Nr.",
               "waive": "Auf Grund des Verzichts vom", "gone": "gelöscht am", "plan": "Lageplan Bl.",
               "of_file": "d. A.", "page": "Seite"},
    # (3) a landscape print of the register kept as a spreadsheet, with its row and column heads
    "X11_SS": {**_BASE, "title": "Baulastenverzeichnis", "number": "BV-Blatt", "muni": "Gemeinde",
               "az": "Aktenzeichen", "gb": "Grundbuch", "gb_blatt": "Bl.", "addr": "Lage", "gem": "Gemarkung",
               "flur": "Flur", "fst": "Flurstück", "use": "Lage / Nutzung", "size": "Fläche m²",
               "nr": "Lfd. Nr.", "reg": "Eintragung", "dele": "Löschung", "kind": "Art / Kurzinhalt",
               "decl": "Erklärung vom", "cap": "Erfasst am", "rem": "Bemerkung", "waive": "Verzicht vom",
               "for": "zugunsten Gmk.", "fl": "Flur", "flst": "Flst.", "union": "Vereinigung der Flurstücke",
               "plan": "Lageplan Bl.", "sheet": "BV-Übersicht", "stand": "Stand:", "page": "Seite", "of": "von"},
    # (4) a web GIS's print of its Baulast information: browser head and foot, a map, the data and one card a Baulast
    "X11_GI": {**_BASE, "title": "Baulastenauskunft", "portal": "GeoPortal", "app": "Fachanwendung Baulasten",
               "tabs": "Karte   |   Sachdaten   |   Dokumente   |   Drucken", "data": "Sachdaten",
               "number": "Nr. Baulastenblatt", "muni": "Gemeinde", "az": "Aktenzeichen", "addr": "Lage",
               "gb": "Grundbuch", "gb_blatt": "Blatt", "changed": "Letzte Änderung", "parcels": "Betroffene Flurstücke",
               "gmk": "Gmk.", "flur": "Flur", "flst": "Flst.", "baulast": "Baulast", "live": "aktiv",
               "gone": "gelöscht", "reg": "Eintragung:", "decl": "Verpflichtungserklärung:", "dele": "Löschung:",
               "legend": "Legende", "l_burden": "Baulastfläche", "l_parcel": "Flurstücksgrenze",
               "l_house": "Gebäude", "scale": "M 1:1000", "copy": "© Geobasis NRW"},
    # (5) an open bound Baulastenbuch written by pen, scanned as a two-page spread
    "X11_BS": {**_BASE, "title": "Baulastenbuch", "blatt": "Blatt", "number": "Baulastenbuch Blatt",
               "muni": "Gemeinde", "band": "Band", "nr": "Lfd.\nNr.",
               "plot": "Belastetes Grundstück\n(Gemarkung, Flur, Flurstück)", "text": "Inhalt der Baulast",
               "reg": "Tag der\nEintragung", "sig": "Unterschrift", "dele": "Löschung", "rem": "Bemerkungen",
               "gem": "Gemarkung", "flur": "Flur", "fst": "Flurst.", "and": "u.", "same": "wie lfd. Nr. 1",
               "decl": "Erkl. v.", "gone": "gelöscht am", "permit": "Bauschein"},
}
LABELS.update(ELEVENTH_LABELS)

ELEVENTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("fx_x11", "computer_print", "X11_FX", "serif", "serif_bold", "serif", pt=10.5, margin=20, top=12,
             years=(1986, 2006), split=SPLIT, renderer="x11_fax_copy"),
    Template("ps_x11", "typewriter_form", "X11_PS", "dv_serif", "dv_serif_bold", "free_mono", pt=10.5, margin=16,
             top=12, years=(1958, 1989), split=SPLIT, renderer="x11_pasted_slips"),
    Template("ss_x11", "modern_grid", "X11_SS", "sans", "sans_bold", "sans", pt=9, margin=11, top=9,
             years=(1994, 2024), split=SPLIT, renderer="x11_spreadsheet", landscape=True),
    Template("gi_x11", "modern_grid", "X11_GI", "dv_sans", "dv_sans_bold", "dv_sans", pt=9, margin=12, top=8,
             years=(2008, 2024), split=SPLIT, renderer="x11_gis_print"),
    Template("bs_x11", "typewriter_form", "X11_BS", "free_serif", "free_serif_bold", "free_serif_italic", pt=10,
             margin=6, top=5, years=(1954, 1983), split=SPLIT, renderer="x11_book_spread", landscape=True),
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


def ascii_upper(s: str) -> str:
    """As a fax machine's header prints a name: capitals, no umlauts."""
    return s.upper().translate(str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS"}))


def number_shown(a: Akte, tpl: Template) -> str:
    """The register number as the sheet prints it (the portal with a capital suffix on some sheets, the spreadsheet
    with a thousands dot on some)."""
    r = tpl.renderer
    if r == "x11_gis_print":
        return dev2.number_shown(a, dev2.pick(a, "x11gi_num", ("display", "upper", "display")))
    shown = a.register_display
    if r == "x11_spreadsheet" and shown.isdigit() and int(shown) >= 1000 and dev2.pick(a, "x11ss_dot", (True, False)):
        return f"{int(shown) // 1000}.{int(shown) % 1000:03d}"
    return shown


def show(fmt: str, day: dt.date) -> str:
    return FORMATS[fmt](day)


def said(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(fmt, day), before, after, lfd_nr)


def reg_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints its entries' registration days."""
    r = tpl.renderer
    if r == "x11_fax_copy":
        return dev2.pick(a, "x11fx_fmt", ("numeric", "short", "numeric"))
    if r == "x11_pasted_slips":
        return "stamp"
    if r == "x11_book_spread":
        return dev2.pick(a, "x11bs_fmt", ("pen", "pen_full"))
    return "numeric"


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = reg_fmt(a, tpl)
    return {e.lfd_nr: show(fmt, e.registered_on) for e in a.entries}


def fax_english(a: Akte) -> bool:
    """Was the fax sent from a machine with an English header ('FEB-14-83 ... FROM: ... P.01')?"""
    return dev2.pick(a, "x11fx_en", (True, False))


def clock(a: Akte, salt: str) -> str:
    return f"{8 + dev2.akte_hash(a, salt + 'h') % 9:02d}:{dev2.akte_hash(a, salt + 'm') % 60:02d}"


MIGRATION = dt.date(2006, 9, 4)  # the register was keyed into the spreadsheet from then on


def captured(a: Akte, e: Entry) -> dt.date:
    """The day the entry was keyed into the spreadsheet: some days after its registration, at the earliest when the
    register was taken over into it."""
    base = max(e.registered_on, MIGRATION + dt.timedelta(days=dev2.akte_hash(a, "x11ss_mig") % 400))
    return dev3.offset(a, f"x11ss_cap{e.lfd_nr}", base, 1, 20)


def reg_first(a: Akte) -> bool:
    """Does the portal's card foot name the registration before the declaration?"""
    return dev2.pick(a, "x11gi_order", (True, False, True))


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout11 sheet of this Akte prints besides the Eintragungsdaten."""
    L, r, ms = tpl.label, tpl.renderer, []
    fmt = reg_fmt(a, tpl)
    if r == "x11_fax_copy":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, L("dele") + " ", "", e.lfd_nr))
        sent = dev3.after_all(a, ms, "x11fx_sent")
        ms.append(said("fax_date", sent, "fax_en" if fax_english(a) else "short", "", ""))
    elif r == "x11_pasted_slips":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), "numeric", L("decl") + " ", ":", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("waiver_date", dev3.waived(a, e), "numeric", L("waive") + " ", "", e.lfd_nr))
                ms.append(said("deletion_date", e.deleted_on, "numeric", L("gone") + " ", ".", e.lfd_nr))
    elif r == "x11_spreadsheet":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), "numeric", "", "", e.lfd_nr))
            ms.append(said("capture_date", captured(a, e), "numeric", "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "numeric", "", "", e.lfd_nr))
                ms.append(said("waiver_date", dev3.waived(a, e), "numeric", L("waive") + " ", "", e.lfd_nr))
        ms.append(said("print_date", dev3.after_all(a, ms, "x11ss_print"), "numeric", L("stand") + " "))
    elif r == "x11_gis_print":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), "numeric", L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "numeric", L("dele") + " ", "", e.lfd_nr))
        ms.append(said("change_date", dev3.after_all(a, ms, "x11gi_change"), "numeric"))
        ms.append(said("print_date", dev3.after_all(a, ms, "x11gi_print"), "short", "", f", {clock(a, 'x11gi')}"))
    else:
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, L("gone") + " ", "", e.lfd_nr))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), fmt)


def kept(pg: Page, s: str, keep: tuple[str, ...], font: str, pt: float, width: float) -> list[str]:
    """s wrapped to width, with each of `keep` (a number, a date) never split over two lines."""
    for k in keep:
        s = s.replace(k, k.replace(" ", "\x00"))  # glued: str.split() does not break at it
    return [line.replace("\x00", " ") for line in pg.wrap(s, font, pt, width)]


# --- (1) a register sheet printed by a word processor and sent by fax -------------------------------------------
def fax_transmit(pg: Page, a: Akte) -> None:
    """What arrives of a page sent by fax in fine mode: 8 dots/mm across, 7.7 lines/mm down, one bit a dot, a few
    lines lost on the way, on some faxes a thin line down the page from dirt on the sender's scanner glass, printed on
    greyish thermal paper."""
    rng = pg.rng
    w, h = pg.img.size
    fw, fh = max(1, round(w * 203.2 / pg.dpi)), max(1, round(h * 195.6 / pg.dpi))
    low = pg.img.resize((fw, fh), Image.BOX)
    grain = Image.frombytes("L", (fw, fh), rng.randbytes(fw * fh)).point(lambda v: v * 50 // 255)
    low = ImageChops.add(low, grain, offset=-25)
    bw = low.point(lambda v: 0 if v < 150 else 255)
    dr = ImageDraw.Draw(bw)
    for _ in range(rng.randrange(2, 8)):  # lines lost on the way arrive white
        y = rng.randrange(fh)
        dr.line([(0, y), (fw, y)], fill=255)
    if dev2.pick(a, "x11fx_streak", (True, False, False)):
        x = round(fw * (0.04 + (dev2.akte_hash(a, "x11fx_sx") % 92) / 100))
        dr.line([(x, 0), (x, fh)], fill=0)
    img = bw.resize((w, h), Image.NEAREST)
    paper, ink = 236 + rng.randrange(14), 20 + rng.randrange(35)
    img = img.point(lambda v: ink + (paper - ink) * v // 255)
    pg.img, pg.draw = img, ImageDraw.Draw(img)


def fax_header(a: Akte, tpl: Template, sd: dev3.SheetDates, auth: list[str]) -> str:
    """The sending machine's line at the top of the page."""
    L = tpl.label
    sent = sd.one("fax_date").shown
    area = dev2.AREA_CODE[a.municipality]
    own = f"{area} {100 + dev2.akte_hash(a, 'x11fx_ext') % 900}-{10 + dev2.akte_hash(a, 'x11fx_line') % 90}"
    if fax_english(a):
        notary = ascii_upper(dev2.pick(a, "x11fx_notary", SURNAMES))
        return (f"{sent} {clock(a, 'x11fx')}  {L('from')} {ascii_upper(auth[0])}  {own}   {L('to')} {L('notary')} "
                f"{notary}   {L('p')}01")
    return f"{sent}  {clock(a, 'x11fx')}  {L('von_fax')} {own}  {ascii_upper(auth[0])}  {L('s')} 1/1"


def sheet_fax_copy(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number", "fax_number", "postcode"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.3)
    auth = dev2.period_authority(a, sd.one("fax_date").day.year)  # printed for the fax, headed as of that day
    pg.text(P(8), P(6), fax_header(a, tpl, sd, auth), "dv_mono", 7.5)
    top = P(tpl.top) + P(6)
    for i, s in enumerate(auth):
        pg.text(x0, top + i * lh, s, fb if i == 0 else f, pt)
    pg.text(x1, top, L("number"), f, pt * 0.85, anchor="rs")
    pg.text(x1, top + P(8), a.register_display, fb, pt * 1.7, anchor="rs")
    pg.text(x1, top + P(13), f"{L('page')} {page_no} {L('of')} 1", f, pt * 0.8, anchor="rs")
    y = top + P(26)
    title = L("title")
    pg.text((x0 + x1) // 2, y, title, fb, 15, anchor="ms")
    tw = pg.width(title, fb, 15)
    pg.hline((x0 + x1 - tw) // 2, (x0 + x1 + tw) // 2, y + P(1.5), 0.3)
    y += P(11)
    pg.text(x0, y, f"{L('muni')} {a.municipality}", f, pt)
    pg.text(x1, y, f"{L('az')} {a.aktenzeichen}", f, pt, anchor="rs")
    y += round(lh * 1.6)
    pg.text(x0, y, L("parcels"), fb, pt)
    y += lh
    for p in a.parcels:  # one dash line a parcel, Flur by Flur
        pg.text(x0 + P(4), y, "–", f, pt)
        pg.text(x0 + P(9), y, f"{L('gem')} {p.gemarkung}, {L('flur')} {p.flur}, {L('fst')} {p.flurstueck}", f, pt)
        y += lh
    if a.address:
        pg.text(x0, y, f"{L('addr')} {a.address}", f, pt)
        y += lh
    if a.grundbuch:
        pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
        d.add("grundbuch_blatt")
        y += lh
    y += P(5)
    # the table: Nr. | Inhalt | Vermerke, ruled by the word processor
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.68)] + [x1]
    y_bot = pg.img.height - P(26)
    hh = lh + P(2)
    pg.rect((x0, y, x1, y + hh), 0.3, fill=225)
    for i, key in enumerate(("nr", "text", "rem")):
        pg.text(xs[i] + P(1.5), y + hh - P(2), L(key), fb, pt)
    y_tab = y
    y += hh + lh
    pad = P(1.5)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, xs[2] - xs[1] - 2 * pad)
        rw = xs[3] - xs[2] - 2 * pad
        decl = sd.one("declaration_date", n)
        rem = dev3.date_lines(pg, decl.label + " ", decl.shown, "", f, pt, rw)
        rem += dev3.date_lines(pg, L("reg") + " ", sd.registered[n], "", f, pt, rw)
        gez = [f"{L('gez')} {e.clerk}"]
        gone: list[str] = []
        if e.deleted_on:
            m = sd.one("deletion_date", n)
            gone = dev3.date_lines(pg, m.label + " ", m.shown, "", f, pt, rw) + [f"{L('gez')} {e.deleter}"]
        rows = max(len(body), len(rem) + len(gez) + (len(gone) + 1 if gone else 0))
        if y + rows * lh > y_bot:
            return d, True
        pg.text(xs[0] + pad, y, f"{n}.", f, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + pad, y + i * lh, s, f, pt)
        lines = rem + gez + ([""] + gone if gone else [])
        for i, s in enumerate(lines):
            if not s:
                continue
            end = pg.text(xs[2] + pad, y + i * lh, s, f, pt)
            if s.startswith(L("gez")):
                pg.signature(end + P(2), y + i * lh, w_mm=min(16, (xs[3] - end) * 25.4 / pg.dpi - 4), h_mm=4.5)
        if e.deleted_on:  # crossed out by pen on the original before it was sent
            pg.draw.line([(xs[1] + pad, y - lh * 0.7), (xs[2] - pad, y + (len(body) - 1) * lh)], fill=60,
                         width=max(1, P(0.35)))
        y += rows * lh
        pg.hline(x0, x1, y - round(lh * 0.55), 0.2)
        y += lh // 2
    for x in xs:
        pg.vline(x, y_tab, y - round(lh * 1.05), 0.3)
    pg.hline(x0, x1, y - round(lh * 1.05), 0.3)
    # the authority's address line at the foot
    area = dev2.AREA_CODE[a.municipality]
    street = dev2.pick(a, "x11fx_street", ("Am Rathaus 1", "Rathausplatz 2", "Markt 11", "Bahnstraße 4"))
    plz = PLZ["Grevenbroich"] if a.by_kreis else PLZ[a.municipality]
    place = dev3.place(a)
    foot = (f"{street}, {plz} {place}  ·  {L('phone')} {area} {100 + dev2.akte_hash(a, 'x11fx_ext') % 900}-0  ·  "
            f"{L('fax')} {area} {100 + dev2.akte_hash(a, 'x11fx_ext') % 900}-"
            f"{10 + dev2.akte_hash(a, 'x11fx_line') % 90}")
    yf = pg.img.height - P(14)
    pg.hline(x0, x1, yf - P(4), 0.2)
    pg.text((x0 + x1) // 2, yf, foot, f, 7.5, anchor="ms")
    fax_transmit(pg, a)
    return d | sd.kinds(), False


# --- (2) a typed register form whose later entries are typed on slips pasted onto it --------------------------------
def paste_slip(pg: Page, box: tuple[int, int, int, int], tone: int, angle: float, type_on) -> None:
    """A slip of paper of `tone` with what `type_on()` types into `box` (page pixels), glued onto the page turned by
    `angle` degrees, with a faint shadow under its lower and right edges."""
    P = pg.px
    x0, y0, x1, y1 = box
    pad = P(4)
    region = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    under = pg.img.crop(region)
    pg.draw.rectangle(box, fill=tone)
    type_on()
    slip = pg.img.crop(box)
    pg.img.paste(under, region[:2])
    shadow = Image.new("L", under.size, 255)
    ImageDraw.Draw(shadow).rectangle((pad + P(0.5), pad + P(0.7), pad + (x1 - x0) + P(0.5), pad + (y1 - y0) + P(0.7)),
                                     fill=165)
    shadow = shadow.filter(ImageFilter.GaussianBlur(max(1, P(0.4))))
    pg.img.paste(ImageChops.multiply(pg.img.crop(region), shadow), region[:2])
    turned = slip.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    mask = Image.new("L", slip.size, 255).rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    pg.img.paste(turned, (round(cx - turned.width / 2), round(cy - turned.height / 2)), mask)
    pg.draw = ImageDraw.Draw(pg.img)


def stamp_lines(a: Akte, tpl: Template, e: Entry, sd: dev3.SheetDates) -> list[tuple[str, str, float]]:
    """The registration stamp: what was done, the day, who did it."""
    auth = dev2.period_authority(a, e.registered_on.year)
    return [(tpl.label("stamp1"), "dv_sans_bold", 7.5), (sd.registered[e.lfd_nr], "dv_sans_bold", 9.5),
            (auth[0], "dv_sans", 6.5)]


def slip_year(e: Entry, kind: str) -> int:
    """The year a slip was made: typed until 1993, printed by a word processor from then on."""
    return (e.deleted_on if kind == "gone" else e.registered_on).year


def sheet_pasted_slips(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "file_page"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    cx = (x0 + x1) // 2
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.25)
    top = P(tpl.top)
    rng = pg.rng
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    for i, s in enumerate(auth):
        pg.typed(x0, top + P(4) + i * lh, s, fv, pt)
    pg.typed(x0, top + P(4) + (len(auth) + 0.5) * lh, f"{L('az')} {a.aktenzeichen}", fv, pt * 0.95)
    # the number's box, top right: a double frame, the caption printed, the number typed large
    bx0 = x1 - P(44)
    pg.rect((bx0, top, x1, top + P(17)), 0.6)
    pg.rect((bx0 + P(1), top + P(1), x1 - P(1), top + P(16)), 0.2)
    pg.text(bx0 + P(2.5), top + P(5), L("number"), f, 8)
    pg.typed(bx0 + P(8), top + P(13.5), a.register_display, fv, pt * 1.5)
    y = top + P(34)
    pg.text(cx, y, L("title"), fb, 16, anchor="ms")
    y += P(8)
    end = pg.text(cx - P(40), y, L("fuer"), f, 10)
    pg.draw.line([(end + P(2), y + P(1)), (cx + P(45), y + P(1))], fill=0, width=max(1, P(0.15)))
    pg.typed(end + P(5), y, municipality_name(a), fv, pt)
    y += P(9)
    # the burdened plot: a printed caption, one typed line a Flur
    gs = groups(a)
    box_h = P(7) + len(gs) * lh + P(2)
    pg.rect((x0, y, x1, y + box_h), 0.3)
    pg.text(x0 + P(1.5), y + P(3.2), L("plot"), f, 7)
    for i, (gem, flur, fst) in enumerate(gs):
        word = L("fsts") if len(fst) > 1 else L("fst")
        pg.typed(x0 + P(4), y + P(6.5) + (i + 0.6) * lh, f"{gem}, {L('flur')} {flur}, {word} "
                                                         f"{dev2.words_list(fst, L('and'))}", fv, pt)
    y += box_h + P(6)
    end = pg.text(x0, y, L("addr"), f, 9)
    pg.hline(end + P(1.5), x0 + round(W * 0.45), y + P(1), 0.15)
    if a.address:
        pg.typed(end + P(4), y, a.address, fv, pt)
    end = pg.text(x0 + round(W * 0.5), y, L("gb"), f, 9)
    pg.hline(end + P(1.5), x1, y + P(1), 0.15)
    if a.grundbuch:
        e2 = pg.typed(end + P(4), y, a.grundbuch[0], fv, pt)
        e3 = pg.text(e2 + P(4), y, L("gb_blatt"), f, 9)
        pg.typed(e3 + P(3), y, a.grundbuch[1], fv, pt)
        d.add("grundbuch_blatt")
    y += P(8)
    # the printed table down to the foot
    xs = [x0 + round(W * c) for c in (0, 0.08, 0.80)] + [x1]
    y_bot = pg.img.height - P(16)
    y_tab = dev3.card_table(pg, xs, y, y_bot, [L(k) for k in ("nr", "text", "rem")], f, 7.5, 0, 9)
    pad = P(1.5)
    width = xs[2] - xs[1] - 2 * pad
    stamp_h = P(17)

    def entry_lines(e: Entry) -> list[str]:
        decl = sd.one("declaration_date", e.lfd_nr)
        return (kept(pg, decl.text, (decl.shown,), fv, pt, width)
                + pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, width))

    def stamp(e: Entry, x_right: float, yy: float) -> None:
        box = dev.rubber_stamp(pg, x_right, yy, stamp_lines(a, tpl, e, sd), anchor="rt", pad_mm=2)
        pg.signature(box[0] - P(26), yy + P(11), w_mm=20, h_mm=5, fill=rng.randrange(25, 70))

    def cross(e: Entry, xa: float, ya: float, xb: float, yb: float) -> None:
        ink = 70 + dev2.akte_hash(a, f"x11ps_ink{e.lfd_nr}") % 50
        for p0, p1 in (((xa, ya), (xb, yb)), ((xa, yb), (xb, ya))):
            pg.draw.line([p0, p1], fill=ink, width=max(1, P(0.3)))

    # the later entries and the deletions, each typed on a slip and glued in below the last: all measured first
    sx0, sx1 = xs[0] + P(3), xs[2] - P(2)
    sw = sx1 - sx0 - 2 * P(3)
    slips: list[tuple] = []
    for k, (kind, e) in enumerate([("entry", e) for e in a.entries[1:]] + [("gone", e) for e in a.entries
                                                                          if e.deleted_on]):
        if kind == "entry":
            text = entry_lines(e)
            slips.append((kind, e, text, f"{k + 1}. {L('slip')}", P(4) + (len(text) + 2) * lh + stamp_h))
        else:
            waiver, gone = sd.one("waiver_date", e.lfd_nr), sd.one("deletion_date", e.lfd_nr)
            text = kept(pg, f"{waiver.text} {gone.text}", (waiver.shown, gone.shown), fv, pt, sw)
            slips.append((kind, e, text, f"{L('gone_head')} {e.lfd_nr}:", P(4) + (len(text) + 3.4) * lh))
    first = a.entries[0]
    lines = entry_lines(first)
    y = y_tab + lh
    if y + len(lines) * lh + stamp_h + P(2) + sum(s[4] + P(3) for s in slips) > y_bot + P(3):
        return d, True
    pg.typed(xs[0] + pad + P(2), y, "1", fv, pt)
    for i, s in enumerate(lines):
        pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
    body = (y - lh, y + (len(lines) - 1) * lh)
    plan = 2 + dev2.akte_hash(a, "x11ps_plan") % 30
    pg.typed(xs[2] + pad, y, f"{L('plan')} {plan}", fv, pt * 0.9)
    pg.typed(xs[2] + pad, y + lh, L("of_file"), fv, pt * 0.9)
    y += len(lines) * lh
    stamp(first, xs[2] - P(4), y - P(1))
    if first.deleted_on:
        cross(first, xs[1] + pad, body[0], xs[2] - pad, body[1])
    y += stamp_h + P(2)
    for k, (kind, e, text, head, h) in enumerate(slips):
        tone = 232 + dev2.akte_hash(a, f"x11ps_tone{k}") % 14
        angle = ((dev2.akte_hash(a, f"x11ps_tilt{k}") % 17) - 8) / 10
        box = (sx0, round(y), sx1, round(y + h))

        def type_on(kind=kind, e=e, text=text, head=head, box=box):
            def printed(px_, py_, s_, _font, size):
                return pg.text(px_, py_, s_, f, size)

            put = pg.typed if slip_year(e, kind) < 1994 else printed
            yy = box[1] + P(3) + lh * 0.8
            put(box[0] + P(3), yy, head, fv, pt)
            yy += lh
            if kind == "entry":
                put(box[0] + P(3), yy, f"{L('lfd')} {e.lfd_nr}", fv, pt)
                yy += lh
            for s in text:
                put(box[0] + P(3), yy, s, fv, pt)
                yy += lh

        paste_slip(pg, box, tone, angle, type_on)
        if kind == "entry":
            stamp(e, sx1 - P(3), y + h - stamp_h - P(1))
            if e.deleted_on:
                cross(e, sx0 + P(3), y + P(3) + lh * 2, sx1 - P(3), y + h - stamp_h - P(2))
        else:
            pg.signature(sx1 - P(40), y + h - P(2.5), w_mm=22, h_mm=5, fill=rng.randrange(25, 70))
        y += h + P(3)
    return d | sd.kinds(), False


# --- (3) a landscape print of the register kept as a spreadsheet ---------------------------------------------------
COLS = "ABCDEFGH"
WIDTHS = (33, 18, 20, 68, 23, 22, 22, 46)  # mm, the spreadsheet's column widths as printed


def cell_number(s: str) -> bool:
    """Would the spreadsheet hold this as a number (and align it right)? Whole numbers, with a thousands dot or not,
    and dates; '0042', '512 a' and '12/4' are text."""
    return bool(re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})*|[1-9]\d*|\d\d\.\d\d\.\d{4}", s))


def short_content(a: Akte, e: Entry, L) -> str:
    """What the spreadsheet's Kurzinhalt says of a Baulast: its kind and whom it benefits."""
    kind = dev2.type_shown(e.type)
    if e.type == "Vereinigungsbaulast" or not a.benefit:
        return f"{kind}: {L('union')} {dev2.words_list([p.flurstueck for p in a.parcels], 'und')}"
    b = a.benefit
    return f"{kind} {L('for')} {b.gemarkung}, {L('fl')} {b.flur}, {L('flst')} {b.flurstueck}"


def sheet_spreadsheet(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number", "row_numbers"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.25)
    top = P(tpl.top)
    rh_w = P(8)  # the row heads' column
    scale = (x1 - x0 - rh_w) / P(sum(WIDTHS))
    xs = [x0 + rh_w]
    for w in WIDTHS:
        xs.append(xs[-1] + round(P(w) * scale))
    # the page's head and foot as the spreadsheet prints them
    book = f"Baulasten_{a.municipality.replace('ü', 'ue').replace('ö', 'oe')}.xlsx"
    pg.text(x0, top, book, f, 8, fill=60)
    pg.text((x0 + x1) // 2, top, L("sheet"), f, 8, fill=60, anchor="ms")
    # the rows: (cells, bold, shaded); a cell: (first column, last column, text, align)
    rows: list[tuple[list[tuple[int, int, str, str]], bool, bool]] = []
    num = number_shown(a, tpl)
    rows.append(([(0, 7, f"{L('title')} {municipality_name(a)}", "l")], True, False))
    rows.append(([], False, False))
    rows.append(([(0, 0, L("number"), "l"), (1, 1, num, "r" if cell_number(num) else "l")], True, False))
    rows.append(([(0, 0, L("muni"), "l"), (1, 3, a.municipality, "l")], False, False))
    az = [(0, 0, L("az"), "l"), (1, 3, a.aktenzeichen, "l")]
    if a.grundbuch:
        az += [(4, 4, L("gb"), "l"), (5, 7, f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", "l")]
        d.add("grundbuch_blatt")
    rows.append((az, False, False))
    if a.address:
        rows.append(([(0, 0, L("addr"), "l"), (1, 3, a.address, "l")], False, False))
    rows.append(([], False, False))
    rows.append(([(i, i, L(k), "l") for i, k in enumerate(("gem", "flur", "fst", "use", "size"))], True, True))
    for i, p in enumerate(a.parcels):
        size = dev7.area(a, p).removesuffix(" m²")
        rows.append(([(0, 0, p.gemarkung, "l"), (1, 1, str(p.flur), "r"),
                      (2, 2, p.flurstueck, "r" if cell_number(p.flurstueck) else "l"),
                      (3, 3, dev7.lage(a, i, p), "l"), (4, 4, size, "r")], False, False))
    rows.append(([], False, False))
    heads = ("nr", "reg", "dele", "kind", "decl", "cap")
    rows.append(([(i, i, L(k), "l") for i, k in enumerate(heads)] + [(6, 7, L("rem"), "l")], True, True))
    for e in a.entries:
        n = e.lfd_nr
        dele = sd.one("deletion_date", n)
        if e.deleted_on:
            rem = sd.one("waiver_date", n).text
        else:
            rem = f"{L('plan')} {2 + dev2.akte_hash(a, f'x11ss_plan{n}') % 40}" if n == 1 else ""
        rows.append(([(0, 0, str(n), "r"), (1, 1, sd.registered[n], "r"), (2, 2, dele.shown if dele else "", "r"),
                      (3, 3, short_content(a, e, L), "w"), (4, 4, sd.one("declaration_date", n).shown, "r"),
                      (5, 5, sd.one("capture_date", n).shown, "r"), (6, 7, rem, "w")], False, False))
    # the grid: column heads, then each row with its number at the left
    grid, head_grey = 170, 225
    y = top + P(4)
    ch = lh + P(1)
    pg.rect((x0, y, xs[-1], y + ch), 0.15, fill=head_grey, outline=grid)
    for i, c in enumerate(COLS):
        pg.rect((xs[i], y, xs[i + 1], y + ch), 0.15, fill=head_grey, outline=grid)
        pg.text((xs[i] + xs[i + 1]) // 2, y + ch - P(1.3), c, f, pt * 0.9, fill=70, anchor="ms")
    y += ch
    y_bot = pg.img.height - P(16)
    cp = P(1)
    for r, (cells, bold, shade) in enumerate(rows, start=1):
        font = fb if bold else f
        size = pt * (1.35 if r == 1 else 1)
        wrapped = {c0: (pg.wrap(s, font, size, xs[c1 + 1] - xs[c0] - 2 * cp) if al == "w" else [s])
                   for c0, c1, s, al in cells}
        n_lines = max([len(v) for v in wrapped.values()] + [1])
        h = n_lines * lh + P(1.6) + (P(2) if r == 1 else 0)
        if y + h > y_bot:
            return d, True
        pg.rect((x0, y, xs[0], y + h), 0.15, fill=head_grey, outline=grid)
        pg.text((x0 + xs[0]) // 2, y + lh, str(r), f, pt * 0.9, fill=70, anchor="ms")
        covered = {}
        for c0, c1, s, al in cells:
            for c in range(c0, c1 + 1):
                covered[c] = (c0, c1)
        c = 0
        while c < len(COLS):
            c0, c1 = covered.get(c, (c, c))
            pg.rect((xs[c0], y, xs[c1 + 1], y + h), 0.15, fill=215 if shade else None, outline=grid)
            c = c1 + 1
        for c0, c1, s, al in cells:
            for j, line in enumerate(wrapped[c0]):
                base = y + lh + j * lh - P(0.2) + (P(1) if r == 1 else 0)
                if al == "r":
                    pg.text(xs[c1 + 1] - cp, base, line, font, size, anchor="rs")
                else:
                    pg.text(xs[c0] + cp, base, line, font, size)
        y += h
    foot = pg.img.height - P(9)
    pg.text(x0, foot, sd.one("print_date").text, f, 8, fill=60)
    pg.text((x0 + x1) // 2, foot, f"{L('page')} {page_no} {L('of')} 1", f, 8, fill=60, anchor="ms")
    return d | sd.kinds(), False


# --- (4) a web GIS's print of its Baulast information ----------------------------------------------------------------
def neighbour_numbers(a: Akte, k: int) -> list[str]:
    """Flurstück numbers for the map's other parcels: near the burdened one's, never one of the sheet's parcels."""
    taken = {p.flurstueck for p in a.parcels} | ({a.benefit.flurstueck} if a.benefit else set())
    base = int(a.parcels[0].flurstueck.split("/")[0])
    out: list[str] = []
    i = 0
    while len(out) < k:
        h = dev2.akte_hash(a, f"x11gi_nb{i}")
        z = max(1, base + (h % 41) - 20)
        s = f"{z}/{1 + h // 41 % 12}" if h % 3 == 0 else str(z)
        if s not in taken and s not in out:
            out.append(s)
        i += 1
    return out


def draw_map(pg: Page, tpl: Template, a: Akte, box: tuple[int, int, int, int]) -> None:
    """The portal's map: a block of parcels (the burdened ones hatched, every one labelled with its number), houses,
    the street, a scale bar, a north arrow and the copyright."""
    P, L = pg.px, tpl.label
    mx0, my0, mx1, my1 = box
    outside = pg.img.copy()  # the map is cut off at its frame
    pg.rect(box, 0.3, fill=250)
    cols, rows = 5, 3
    cw, chh = (mx1 - mx0) / (cols + 0.4), (my1 - my0 - P(16)) / (rows + 0.2)
    ang = math.radians(dev2.akte_hash(a, "x11gi_ang") % 21 - 10)
    cx, cy = (mx0 + mx1) / 2, my0 + (my1 - my0 - P(12)) / 2

    def pt_(u: float, v: float) -> tuple[float, float]:
        dx, dy = (u - cols / 2) * cw, (v - rows / 2) * chh
        return cx + dx * math.cos(ang) - dy * math.sin(ang), cy + dx * math.sin(ang) + dy * math.cos(ang)

    jit = {}
    for u in range(cols + 1):
        for v in range(rows + 1):
            h = dev2.akte_hash(a, f"x11gi_j{u}{v}")
            jit[u, v] = (u + ((h % 21) - 10) / 60 if 0 < u < cols else u, v + ((h // 21 % 21) - 10) / 60 if 0 < v < rows
                         else v)
    first = [p for p in a.parcels if (p.gemarkung, p.flur) == (a.parcels[0].gemarkung, a.parcels[0].flur)][:3]
    burdened = {(1 + i, 1): p.flurstueck for i, p in enumerate(first)}
    ben = a.benefit if a.benefit and (a.benefit.gemarkung, a.benefit.flur) == (first[0].gemarkung, first[0].flur) \
        else None
    others = iter(neighbour_numbers(a, cols * rows))
    hatch = Image.new("L", (mx1 - mx0, my1 - my0), 255)
    hd = ImageDraw.Draw(hatch)
    step = P(2)
    for k in range(-(my1 - my0), mx1 - mx0, step):
        hd.line([(k, my1 - my0), (k + (my1 - my0), 0)], fill=120, width=max(1, P(0.2)))
    for u in range(cols):
        for v in range(rows):
            poly = [pt_(*jit[u, v]), pt_(*jit[u + 1, v]), pt_(*jit[u + 1, v + 1]), pt_(*jit[u, v + 1])]
            if (u, v) in burdened:
                mask = Image.new("L", hatch.size, 0)
                ImageDraw.Draw(mask).polygon([(x - mx0, y - my0) for x, y in poly], fill=255)
                region = (mx0, my0, mx1, my1)
                pg.img.paste(ImageChops.multiply(pg.img.crop(region), hatch), region[:2], mask)
                pg.draw = ImageDraw.Draw(pg.img)
            pg.draw.polygon(poly, outline=40, width=max(1, P(0.35 if (u, v) in burdened else 0.2)))
            px_, py_ = pt_(u + 0.5, v + 0.62)
            if (u, v) in burdened:
                label, font = burdened[u, v], "dv_sans_bold"
            elif ben is not None and (u, v) == (1, 0):
                label, font = ben.flurstueck, "dv_sans"
            else:
                label, font = next(others), "dv_sans"
            if dev2.akte_hash(a, f"x11gi_house{u}{v}") % 3:
                hx, hy = pt_(u + 0.5, v + 0.28)
                hw, hh = cw * 0.22, chh * 0.14
                pg.rect((hx - hw, hy - hh, hx + hw, hy + hh), 0.2, fill=185, outline=90)
            w = pg.width(label, font, 7)
            pg.rect((px_ - w / 2 - P(0.6), py_ - P(2.4), px_ + w / 2 + P(0.6), py_ + P(0.8)), 0.1, fill=250,
                    outline=250)
            pg.text(px_, py_, label, font, 7)
    street = a.address.rsplit(" ", 1)[0] if a.address else "Gemeindestraße"
    sx, sy = pt_(cols / 2, rows + 0.16)
    pg.text(sx, sy, street, "dv_sans", 7.5, fill=80, anchor="ms")
    pg.text(mx0 + P(2.5), my0 + P(4), f"{L('flur')} {first[0].flur}", "dv_sans", 7, fill=110)
    # scale bar, north arrow, copyright
    bx, by = mx0 + P(4), my1 - P(5)
    for k in range(4):
        pg.rect((bx + k * P(5), by - P(1.2), bx + (k + 1) * P(5), by), 0.15, fill=0 if k % 2 == 0 else 255)
    pg.text(bx, by - P(2), "0", "dv_sans", 6)
    pg.text(bx + P(10), by - P(2), "10", "dv_sans", 6, anchor="ms")
    pg.text(bx + P(20), by - P(2), "20 m", "dv_sans", 6, anchor="ms")
    pg.text(bx + P(27), by, L("scale"), "dv_sans", 6.5)
    nx, ny = mx1 - P(7), my0 + P(10)
    pg.draw.polygon([(nx, ny - P(6)), (nx - P(2.2), ny + P(2)), (nx, ny + P(0.8)), (nx + P(2.2), ny + P(2))], fill=0)
    pg.text(nx, ny - P(7), "N", "dv_sans_bold", 7, anchor="ms")
    year = 2012 + dev2.akte_hash(a, "x11gi_copy") % 12
    pg.text(mx1 - P(2), my1 - P(2), f"{L('copy')} {year}", "dv_sans", 5.5, fill=70, anchor="rs")
    frame = Image.new("L", pg.img.size, 255)
    ImageDraw.Draw(frame).rectangle(box, fill=0)
    pg.img.paste(outside, (0, 0), frame)
    pg.draw = ImageDraw.Draw(pg.img)
    pg.rect(box, 0.3)


def sheet_gis_print(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number", "map_parcel_numbers", "url"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.35)
    top = P(tpl.top)
    kreis = a.by_kreis or dev2.pick(a, "x11gi_kreis", (True, False))
    portal = f"{L('portal')} {'Rhein-Kreis Neuss' if kreis else municipality_name(a)}"
    # the browser's head and foot
    pg.text(P(7), P(6), sd.one("print_date").text, "dv_sans", 7)
    pg.text(pg.img.width // 2, P(6), f"{L('title')} – {portal}", "dv_sans", 7, anchor="ms")
    host = "geoportal.rhein-kreis-neuss.de" if kreis else f"geoportal.{a.municipality.lower()}.de"
    host = host.replace("ü", "ue").replace("ö", "oe")
    rec = 10000 + dev2.akte_hash(a, "x11gi_id") % 89999
    url = f"https://{host}/baulasten/auskunft?id={rec}&layer=alkis"
    pg.text(P(7), pg.img.height - P(5), url, "dv_sans", 7)
    pg.text(pg.img.width - P(7), pg.img.height - P(5), f"{page_no}/1", "dv_sans", 7, anchor="rs")
    # the portal's banner and tabs
    y = top + P(4)
    pg.rect((x0, y, x1, y + P(10)), 0.1, fill=60, outline=60)
    pg.text(x0 + P(3), y + P(6.8), portal, fb, 11, fill=255)
    pg.text(x1 - P(3), y + P(6.8), L("app"), f, 8.5, fill=235, anchor="rs")
    y += P(10)
    pg.text(x0 + P(3), y + P(5), L("tabs"), f, 7.5, fill=90)
    pg.hline(x0, x1, y + P(7), 0.2, fill=160)
    y += P(11)
    # the data (left) beside the map (right)
    xm = x0 + round(W * 0.46)
    map_box = (xm + P(3), y, x1, y + P(84))
    draw_map(pg, tpl, a, map_box)
    pg.text(xm + P(3), map_box[3] + P(4.5), L("legend"), fb, 7)
    sx = xm + P(17)
    for key, fill, hatch in (("l_burden", 215, True), ("l_parcel", 250, False), ("l_house", 185, False)):
        pg.rect((sx, map_box[3] + P(2), sx + P(5), map_box[3] + P(5)), 0.15, fill=fill, outline=60)
        if hatch:
            for k in range(0, 5, 1):
                pg.draw.line([(sx + P(k), map_box[3] + P(5)), (sx + P(k + 1), map_box[3] + P(2))], fill=90)
        sx = pg.text(sx + P(6.5), map_box[3] + P(4.7), L(key), f, 6.5) + P(4)
    pg.text(x0, y + P(4), L("data"), fb, pt * 1.25)
    yk = y + P(7)
    xk = x0 + round(W * 0.17)
    keys = [(L("number"), number_shown(a, tpl)), (L("muni"), a.municipality), (L("az"), a.aktenzeichen)]
    if a.address:
        keys.append((L("addr"), a.address))
    if a.grundbuch:
        keys.append((L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}"))
        d.add("grundbuch_blatt")
    keys.append((L("changed"), sd.one("change_date").shown))
    for key, val in keys:
        lines = pg.wrap(val, f, pt, xm - xk - P(1))
        kl = pg.wrap(key, fb, pt * 0.85, xk - x0 - P(1))
        hh = max(len(lines), len(kl)) * lh + P(1.5)
        for j, s in enumerate(kl):
            pg.text(x0, yk + lh + j * lh - P(0.5), s, fb, pt * 0.85, fill=90)
        for j, s in enumerate(lines):
            pg.text(xk, yk + lh + j * lh - P(0.5), s, fb if key == L("number") else f, pt)
        yk += hh
        pg.hline(x0, xm - P(2), yk, 0.1, fill=190)
    yk += P(5)
    pg.text(x0, yk, L("parcels"), fb, pt)
    yk += P(1.5)
    for gem, flur, fst in groups(a):
        for s in pg.wrap(f"{L('gmk')} {gem}, {L('flur')} {flur}, {L('flst')} {', '.join(fst)}", f, pt,
                         xm - x0 - P(6)):
            yk += lh
            pg.text(x0 + P(1), yk, "•" if s.startswith(L("gmk")) else "", f, pt)
            pg.text(x0 + P(4), yk, s, f, pt)
    y = max(map_box[3] + P(10), yk + P(6))
    # one card a Baulast, its days in the card's foot
    y_bot = pg.img.height - P(14)
    cpad = P(2.5)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, W - 2 * cpad)
        parts = [f"{L('reg')} {sd.registered[n]}", sd.one("declaration_date", n).text]
        if not reg_first(a):
            parts.reverse()
        dele = sd.one("deletion_date", n)
        if dele:
            parts.append(dele.text)
        foot = kept(pg, "   ·   ".join(parts), tuple(parts), f, pt * 0.9, W - 2 * cpad)
        h = P(7) + (len(body) + 0.4) * lh + P(3) + len(foot) * lh + P(2)
        if y + h > y_bot:
            return d, True
        pg.rect((x0, y, x1, y + h), 0.2, outline=150)
        pg.rect((x0, y, x1, y + P(7)), 0.1, fill=232, outline=150)
        pg.text(x0 + cpad, y + P(5), f"{L('baulast')} {n}: {dev2.type_shown(e.type)}", fb, pt)
        status = L("gone") if e.deleted_on else L("live")
        sw = pg.width(status, fb, pt * 0.85)
        pg.rect((x1 - cpad - sw - P(3), y + P(1.3), x1 - cpad, y + P(5.7)), 0.2, fill=255, outline=90)
        pg.text(x1 - cpad - P(1.5), y + P(4.8), status, fb, pt * 0.85, anchor="rs")
        yy = y + P(7) + lh
        for s in body:
            pg.text(x0 + cpad, yy, s, f, pt, fill=95 if e.deleted_on else 0)
            yy += lh
        yy += P(0.5)
        pg.hline(x0 + cpad, x1 - cpad, yy - lh + P(2), 0.1, fill=170)
        yy += P(2)
        for s in foot:
            pg.text(x0 + cpad, yy, s, f, pt * 0.9, fill=55)
            yy += lh
        y += h + P(3)
    return d | sd.kinds(), False


# --- (5) an open bound Baulastenbuch written by pen, scanned as a two-page spread ------------------------------------
def book_shade(pg: Page, book: tuple[int, int, int, int], gx: int) -> None:
    """The scanner's dark lid around the book, the stacked page edges at its sides and the shadow of the gutter."""
    P = pg.px
    w, h = pg.img.size
    bx0, by0, bx1, by1 = book
    dark = Image.new("L", (w, h), 255)
    dd = ImageDraw.Draw(dark)
    for box in ((0, 0, w, by0), (0, by1, w, h), (0, 0, bx0, h), (bx1, 0, w, h)):
        dd.rectangle(box, fill=38)
    for k in range(4):  # the edges of the pages under these
        dd.line([(bx0 - P(0.6) * (k + 1), by0 + P(1) * k, ), (bx0 - P(0.6) * (k + 1), by1 - P(1) * k)], fill=205)
        dd.line([(bx1 + P(0.6) * (k + 1), by0 + P(1) * k, ), (bx1 + P(0.6) * (k + 1), by1 - P(1) * k)], fill=205)
    row = Image.new("L", (w, 1), 255)
    sigma = P(7)
    for x in range(max(0, gx - 4 * sigma), min(w, gx + 4 * sigma)):
        t = (x - gx) / sigma
        row.putpixel((x, 0), round(255 * (1 - 0.62 * math.exp(-t * t))))
    gutter = row.resize((w, h))
    pg.img = ImageChops.multiply(ImageChops.multiply(pg.img, gutter), dark)
    pg.draw = ImageDraw.Draw(pg.img)


def parcel_lines(a: Akte, tpl: Template) -> list[str]:
    """Entry 1's plot as the book keeper wrote it: a Gemarkung's name on a line, then one line a Flur."""
    L, out, gem_ = tpl.label, [], None
    for gem, flur, fst in groups(a):
        if gem != gem_:
            out.append(f"{L('gem')} {gem}")
            gem_ = gem
        out.append(f"{L('flur')} {flur}, {L('fst')} {dev2.words_list(fst, L('and'))}")
    return out


def book_hand(a: Akte) -> str:
    return dev2.pick(a, "x11bs_hand", HANDS)


def sheet_book_spread(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "volume_number", "permit_number"}
    f, fb = tpl.form_font, tpl.bold_font
    hand = book_hand(a)
    sd = sheet_dates(a, tpl)
    w, h = pg.img.size
    book = (P(tpl.margin), P(tpl.top), w - P(tpl.margin), h - P(tpl.top))
    gx = w // 2
    pg.draw.rectangle(book, fill=244)
    lx0, lx1 = book[0] + P(13), gx - P(10)
    rx0, rx1 = gx + P(10), book[2] - P(13)
    lh = pg.line_height(hand, pt, 1.5)
    ink = 35 + dev2.akte_hash(a, "x11bs_ink") % 40
    grey = 45

    def write(x: float, y: float, s: str, size: float = pt) -> float:
        return dev.pen(pg, x, y, s, hand, size, ink)

    # the printed heads of both pages, the book keeper's entries in them
    yh = book[1] + P(13)
    end = pg.text(lx0, yh, L("title"), fb, 16, fill=grey - 30)
    end = pg.text(end + P(6), yh, L("blatt"), f, 10, fill=grey)
    pg.hline(end + P(1.5), end + P(22), yh + P(1), 0.15, fill=grey)
    write(end + P(4), yh - P(0.3), a.register_display, pt * 1.25)
    end = pg.text(lx0 + round((lx1 - lx0) * 0.58), yh, L("muni"), f, 10, fill=grey)
    pg.hline(end + P(1.5), lx1, yh + P(1), 0.15, fill=grey)
    write(end + P(4), yh - P(0.3), a.municipality, pt * 1.1)
    end = pg.text(rx0, yh, L("band"), f, 10, fill=grey)
    vol = ("I", "II", "III", "IV", "V")[dev2.akte_hash(a, "x11bs_band") % 5]
    write(end + P(3), yh - P(0.3), vol)
    end = pg.text(rx1 - P(30), yh, L("blatt"), f, 10, fill=grey)
    pg.hline(end + P(1.5), rx1, yh + P(1), 0.15, fill=grey)
    write(end + P(4), yh - P(0.3), a.register_display, pt * 1.25)
    # the printed columns of both pages, ruled down to the foot
    yt = yh + P(6)
    y_bot = book[3] - P(13)
    lxs = [lx0 + round((lx1 - lx0) * c) for c in (0, 0.08, 0.38)] + [lx1]
    rxs = [rx0 + round((rx1 - rx0) * c) for c in (0, 0.19, 0.40, 0.71)] + [rx1]
    head_mm = 11
    heads = 35  # the columns' heads printed black enough to survive a poor copy
    y_l = dev3.card_table(pg, lxs, yt, y_bot, [L(k) for k in ("nr", "plot", "text")], f, 8, heads, head_mm)
    dev3.card_table(pg, rxs, yt, y_bot, [L(k) for k in ("reg", "sig", "dele", "rem")], f, 8, heads, head_mm)
    yy = y_l + lh
    while yy < y_bot - P(1):
        pg.hline(lxs[0], lxs[-1], yy + P(0.8), 0.1, fill=200)
        pg.hline(rxs[0], rxs[-1], yy + P(0.8), 0.1, fill=200)
        yy += lh
    pad = P(1.2)
    y = y_l + lh
    for e in a.entries:
        n = e.lfd_nr
        plot = parcel_lines(a, tpl) if n == 1 else [L("same")]
        plot = [s for line in plot for s in dev.pen_wrap(pg, line, hand, pt, lxs[2] - lxs[1] - 2 * pad)]
        body = dev.pen_wrap(pg, dev2.period_text(e.text, e.registered_on.year), hand, pt, lxs[3] - lxs[2] - 2 * pad)
        decl = sd.one("declaration_date", n)
        rem = [decl.label, decl.shown]
        if dev2.pick(a, f"x11bs_permit{n}", (True, False)):
            rem += [f"{L('permit')} {dev3.permit_number(a, e)}"]
        gone = []
        if e.deleted_on:
            m = sd.one("deletion_date", n)
            gone = [m.label, m.shown]
        rows = max(len(plot), len(body), len(rem), len(gone) + 2 if gone else 2)
        if y + (rows - 1) * lh > y_bot - P(2):
            return d, True
        write(lxs[0] + pad + P(1), y, f"{n}.")
        room = lxs[2] - lxs[1] - 2 * pad
        for i, s in enumerate(plot):  # a long Gemarkung's name written smaller to stay in its column
            wide = pg.width(s, hand, pt * 1.1)
            write(lxs[1] + pad, y + i * lh, s, pt if wide <= room else pt * room / wide)
        for i, s in enumerate(body):
            write(lxs[2] + pad, y + i * lh, s)
        write(rxs[0] + pad, y, sd.registered[n])
        pg.signature(rxs[1] + pad + P(2), y, w_mm=min(18, (rxs[2] - rxs[1]) * 25.4 / pg.dpi - 6), h_mm=4.5,
                     fill=ink)
        for i, s in enumerate(gone):
            write(rxs[2] + pad, y + i * lh, s)
        if gone:
            pg.signature(rxs[2] + pad + P(2), y + (len(gone) + 0.5) * lh, w_mm=14, h_mm=3.5, fill=ink)
            xa, xb = lxs[2] + pad, lxs[3] - pad
            ya, yb = y - lh * 0.8, y + (len(body) - 1) * lh
            for p0, p1 in (((xa, ya), (xb, yb)), ((xa, yb), (xb, ya))):
                pg.draw.line([p0, p1], fill=ink + 30, width=max(1, P(0.3)))
        for i, s in enumerate(rem):
            write(rxs[3] + pad, y + i * lh, s, pt * 0.95)
        y += rows * lh
        yl = y - lh + P(2.2)  # the line drawn under the entry across both pages
        pg.hand_line(lxs[0], yl, lxs[-1], yl, 0.3, fill=ink)
        pg.hand_line(rxs[0], yl, rxs[-1], yl, 0.3, fill=ink)
        y += lh
    folio = 2 * (10 + dev2.akte_hash(a, "x11bs_folio") % 180)
    pg.text(lx0, book[3] - P(6), str(folio), f, 9, fill=grey)
    pg.text(rx1, book[3] - P(6), str(folio + 1), f, 9, fill=grey, anchor="rs")
    book_shade(pg, book, gx)
    return d | sd.kinds(), False


ELEVENTH_RENDERERS = {"x11_fax_copy": sheet_fax_copy, "x11_pasted_slips": sheet_pasted_slips,
                      "x11_spreadsheet": sheet_spreadsheet, "x11_gis_print": sheet_gis_print,
                      "x11_book_spread": sheet_book_spread}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout11's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
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


TEMPLATES.update(ELEVENTH_TEMPLATES)
