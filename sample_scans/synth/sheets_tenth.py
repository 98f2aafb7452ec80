"""The heldout10 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all here.

The templates (``split="heldout10"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``TENTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, Akte, Entry, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import Page

SPLIT = "heldout10"
dev = Later(".sheets_dev")  # pen, rubber_stamp, ink_onto (read at call time: the tests watch pen and rubber_stamp)

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")

# the ways this split prints a day
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "spaced": lambda d: f"{d.day}. {d.month}. {d.year}",  # 14. 2. 1983
    "pen": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",  # 14.2.83
    "long": lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",  # 14. Februar 1983
    "iso": lambda d: d.isoformat(),  # 1983-02-14
}

TENTH_LABELS = {
    # (1) a certified typed copy of the sheet, the number inside the opening sentence
    "X10_AB": {**_BASE, "title": "Beglaubigte Abschrift", "number": "Blatt Nr. … des Baulastenverzeichnisses",
               "blatt": "Auf dem Blatt Nr.", "des": "des Baulastenverzeichnisses", "burden": "ist zu Lasten des",
               "plot": "Grundstücks in", "fst": "Flurstück", "fsts": "Flurstücke", "and": "und",
               "lage": "Lage:", "gb": "Grundbuch von", "band": "Band", "gb_blatt": "Blatt", "intro":
               "folgendes eingetragen:", "nr": "Lfd. Nr.", "gone": "(gelöscht)", "az": "Aktenzeichen:",
               "reg_decl": "Eingetragen auf Grund der Verpflichtungserklärung vom … am …",
               "reg": "Eingetragen am", "decl": "Verpflichtungserklärung vom", "on": "am", "gez": "gez.",
               "waive": "Diese Eintragung ist durch Verzicht der Bauaufsichtsbehörde vom",
               "waive2": "erloschen; gelöscht am",
               "cert": "Die Übereinstimmung vorstehender Abschrift mit der Eintragung im Baulastenverzeichnis "
                       "wird hiermit beglaubigt.", "den": "den", "sig": "Im Auftrag", "seal": "(Siegel)"},
    # (2) a pre-printed form with numbered fields, filled in on a typewriter
    "X10_NF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Nummer des Blattes", "page": "Seite",
               "f_muni": "1  Gemeinde", "f_az": "2  Aktenzeichen", "f_parcels": "3  Belastete Grundstücke",
               "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück(e)", "area": "Fläche m²",
               "f_addr": "4  Lage (Straße, Hausnummer)", "f_gb": "5  Grundbuch von … Blatt", "gb_blatt": "Bl.",
               "f_owner": "6  Eigentümer zur Zeit der Eintragung", "f_entries": "7  Eintragungen",
               "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast", "order": "Eintragungs-\nverfügung vom",
               "reg": "Eingetragen\nam", "dele": "Löschungs-\nvermerk", "gone": "gelöscht",
               "form": "Vordr. Bauaufsicht 63.07"},
    # (3) a folio of a bound register book, set out like a Grundbuch: holdings, then the burdens
    "X10_BB": {**_BASE, "title": "Baulastenbuch", "auth": "Bauaufsichtsbehörde", "of": "Baulastenbuch von",
               "number": "Buchblatt", "holdings": "Bestandsverzeichnis", "g_nr": "Lfd. Nr.\nd. Grund-\nstücke",
               "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "lage": "Wirtschaftsart\nund Lage",
               "size": "Größe\nm²", "burdens": "Baulasten", "nr": "Lfd.\nNr.", "g_ref": "Grund-\nstück\nNr.",
               "text": "Inhalt der Baulast", "dele": "Löschungen", "reg": "Eingetragen am",
               "gone": "Die Baulast Nr. … ist gelöscht am …", "gone_a": "Die Baulast Nr.", "gone_b": "ist gelöscht am",
               "use": "Gebäude- und Freifläche"},
    # (4) a register program's print of its record (key and value), the parcels with their ALKIS keys
    "X10_SD": {**_BASE, "title": "Sachdatenauszug Baulastenverzeichnis", "app": "Fachverfahren Baulasten",
               "made": "Erstellt:", "user": "Benutzer:", "record": "Baulastenblatt", "oid": "Objekt-ID",
               "number": "Verzeichnis-Nummer", "muni": "Gemeinde", "az": "Aktenzeichen", "addr": "Lage",
               "gb": "Grundbuch", "gb_blatt": "Blatt", "parcel_head": "Betroffene Flurstücke", "gem": "Gemarkung",
               "flur": "Flur", "fst": "Flurstück", "key": "Flurstückskennzeichen", "nr": "Lfd. Nr.",
               "kind": "Art", "status": "Status", "live": "aktiv", "gone": "gelöscht", "decl": "Erklärung vom",
               "reg": "Eintragungsdatum", "dele": "Löschungsdatum", "none": "–", "text": "Inhalt",
               "foot": "Maschinell erstellter Auszug, ohne Unterschrift gültig.", "page": "Seite", "of": "von"},
    # (5) a reader-printer's copy of a microfiched EDV list
    "X10_MF": {**_BASE, "title": "B A U L A S T E N V E R Z E I C H N I S", "list": "LISTE BL 04",
               "stand": "STAND", "number": "KENNUNG BAULASTENBLATT", "data": "ERFASST AM", "muni": "GEMEINDE",
               "triple": "GEMARKUNG / FLUR / FLURSTÜCK", "addr": "LAGE", "gb": "GRUNDBUCH / BLATT", "az": "AKTENZ.",
               "nr": "LFD", "reg": "EINTRAG", "dele": "LÖSCHUNG", "kind": "ART DER BAULAST", "text": "TEXT:",
               "none": "--.--.--", "gone": "*GELÖSCHT*", "end": "*** ENDE BAULASTENBLATT ***", "fiche": "FICHE",
               "frame": "BILD", "page": "SEITE"},
}
LABELS.update(TENTH_LABELS)

TENTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("ab_x10", "typewriter_form", "X10_AB", "mono", "mono", "mono", pt=10.5, margin=22, top=14,
             years=(1958, 1986), split=SPLIT, renderer="x10_certified_copy"),
    Template("nf_x10", "typewriter_form", "X10_NF", "dv_serif_cond", "dv_serif_cond_bold", "free_mono", pt=10,
             margin=14, top=10, years=(1969, 1995), split=SPLIT, renderer="x10_numbered_fields"),
    Template("bb_x10", "typewriter_form", "X10_BB", "free_serif", "free_serif_bold", "dv_mono", pt=9.5,
             margin=12, top=12, years=(1960, 1992), split=SPLIT, renderer="x10_book_folio"),
    Template("sd_x10", "modern_grid", "X10_SD", "dv_sans", "dv_sans_bold", "dv_sans", pt=9.5, margin=16,
             top=12, years=(2005, 2024), split=SPLIT, renderer="x10_record_print"),
    Template("mf_x10", "computer_print", "X10_MF", "dv_mono", "dv_mono_bold", "dv_mono", pt=9, margin=20,
             top=20, years=(1982, 1999), split=SPLIT, renderer="x10_film_print"),
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


def number_shown(a: Akte, tpl: Template) -> str:
    """The register number as the sheet prints it (the program's record with four digits on some sheets)."""
    if tpl.renderer == "x10_record_print" and dev2.pick(a, "x10sd_num", (False, True, False)):
        return dev2.number_shown(a, "edv")
    return a.register_display


def show(fmt: str, day: dt.date) -> str:
    return FORMATS[fmt](day)


def said(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(fmt, day), before, after, lfd_nr)


def reg_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints its entries' registration days."""
    r = tpl.renderer
    if r == "x10_certified_copy":
        return dev2.pick(a, "x10ab_fmt", ("long", "numeric", "spaced"))
    if r == "x10_numbered_fields":
        return "short"
    if r == "x10_book_folio":
        return dev2.pick(a, "x10bb_fmt", ("long", "numeric", "long"))
    if r == "x10_film_print":
        return "short"
    return dev2.pick(a, "x10sd_fmt", ("numeric", "iso"))


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = reg_fmt(a, tpl)
    return {e.lfd_nr: show(fmt, e.registered_on) for e in a.entries}


def decl_first(a: Akte) -> bool:
    """Does the certified copy name the declaration before the registration day in its closing sentence?"""
    return dev2.pick(a, "x10ab_order", (True, False, True))


def ordered(a: Akte, e: Entry) -> dt.date:
    """The day the registration was ordered (Eintragungsverfügung): some days before it, after the declaration."""
    lo = max(-30, (dev3.declared(a, e) - e.registered_on).days + 1)
    return dev3.offset(a, f"x10nf_order{e.lfd_nr}", e.registered_on, min(lo, -1), -1)


def deletion_by_pen(a: Akte) -> bool:
    return dev2.pick(a, "x10nf_pen", (True, False))


def object_id(a: Akte) -> str:
    return str(100000 + dev2.akte_hash(a, "x10sd_oid") % 900000)


def gemarkung_key(name: str) -> str:
    """The Gemarkung's four-digit cadastral key (made up, the same for a name on every sheet)."""
    return f"{1000 + sum(ord(c) * (i + 7) for i, c in enumerate(name)) % 9000:04d}"


def parcel_key(gem: str, flur: int, fst: str) -> str:
    """An ALKIS Flurstückskennzeichen: Land, Gemarkung, Flur, Zähler, Nenner, padded."""
    z, _, n = fst.partition("/")
    return f"05{gemarkung_key(gem)}{flur:03d}{int(z):05d}{int(n or 0):04d}__"


def area(a: Akte, i: int) -> str:
    """A parcel's (or a Flur's parcels') size in m², with a thousands dot."""
    n = 120 + dev2.akte_hash(a, f"x10_area{i}") % 3800
    return f"{n // 1000}.{n % 1000:03d}" if n >= 1000 else str(n)


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout10 sheet of this Akte prints besides the Eintragungsdaten."""
    L, r, ms = tpl.label, tpl.renderer, []
    fmt = reg_fmt(a, tpl)
    if r == "x10_certified_copy":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("waiver_date", dev3.waived(a, e), fmt, L("waive") + " ", "", e.lfd_nr))
                ms.append(said("deletion_date", e.deleted_on, fmt, L("waive2") + " ", ".", e.lfd_nr))
        ms.append(said("copy_date", dev3.after_all(a, ms, "x10ab_copy"), "numeric", f"{dev3.place(a)}, {L('den')} "))
    elif r == "x10_numbered_fields":
        for e in a.entries:
            ms.append(said("order_date", ordered(a, e), "short", "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "pen" if deletion_by_pen(a) else "short", "", "",
                               e.lfd_nr))
    elif r == "x10_book_folio":
        for e in a.entries:
            if e.deleted_on:
                before = f"{L('gone_a')} {e.lfd_nr} {L('gone_b')} "
                ms.append(said("deletion_date", e.deleted_on, fmt, before, ".", e.lfd_nr))
    elif r == "x10_film_print":
        first = a.entries[0]
        ms.append(said("data_date", dev3.offset(a, "x10mf_data", first.registered_on, 2, 60), "short",
                       f"{L('data')} ....: "))
        for e in a.entries:
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
        ms.append(said("print_date", dev3.after_all(a, ms, "x10mf_print"), "short", f"{L('stand')} "))
    else:
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
        ms.append(said("print_date", dev3.after_all(a, ms, "x10sd_print"), "numeric", f"{L('made')} "))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), fmt)


def seal(pg: Page, cx: float, cy: float, words: list[str], r_mm: float = 12) -> None:
    """A round service seal (two rings, the authority's words inside), pressed a little askew."""
    P = pg.px
    r = P(r_mm)
    ink = pg.rng.randrange(70, 120)
    layer = Image.new("L", (2 * r + 4, 2 * r + 4), 255)
    dr = ImageDraw.Draw(layer)
    w = max(1, P(0.3))
    dr.ellipse((2, 2, 2 * r + 1, 2 * r + 1), outline=ink, width=w)
    dr.ellipse((P(3.2), P(3.2), 2 * r + 4 - P(3.2), 2 * r + 4 - P(3.2)), outline=ink, width=w)
    fo = pg.font("dv_sans_bold", 5)
    for j, s in enumerate(words[:3]):
        dr.text((r + 2, r + 2 + (j - (len(words[:3]) - 1) / 2) * P(2.6)), s.upper(), font=fo, fill=ink, anchor="mm")
    dev.ink_onto(pg, layer, cx - r, cy - r, tilt=12)


def wrap_kept(pg: Page, s: str, keep: tuple[str, ...], font: str, pt: float, width: float) -> list[str]:
    """s wrapped to width, with each of `keep` (a number, a date) never split over two lines."""
    for k in keep:
        s = s.replace(k, k.replace(" ", "\x00"))  # glued: str.split() does not break at it
    return [line.replace("\x00", " ") for line in pg.wrap(s, font, pt, width)]


# --- (1) a certified typed copy of the sheet -----------------------------------------------------------------------
def sheet_certified_copy(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen"}
    fv = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.25)
    carbon = dev2.pick(a, "x10ab_carbon", (False, True, False))  # a carbon copy: paler, a little blurred
    ink = 85 if carbon else 30

    def put(x: float, y: float, s: str) -> float:
        return pg.typed(x, y, s, fv, pt, ink=ink)

    year = sd.one("copy_date").day.year  # the copy is headed by the authority as it was named when made
    y = P(tpl.top) + lh
    for s in dev2.period_authority(a, year):
        put(x0, y, s)
        y += lh
    az = f"{L('az')} {a.aktenzeichen}"
    put(x1 - pg.width(az, fv, pt), P(tpl.top) + lh, az)
    y += lh * 2
    title = L("title")
    tw = pg.width(title, fv, pt * 1.15)
    pg.typed((x0 + x1 - tw) / 2, y, title, fv, pt * 1.15, ink=ink)
    pg.hline((x0 + x1 - tw) / 2, (x0 + x1 + tw) / 2, y + P(1.3), 0.25, fill=ink)
    y += lh * 2
    num = dev2.number_shown(a, "display")
    auth = dev2.period_authority(a, year)[0]
    opening = (f"{L('blatt')} {num} {L('des')} {dev2.genitive(auth)} {L('burden')} {L('plot')} "
               f"{a.municipality}")
    for s in wrap_kept(pg, opening, (num,), fv, pt, W):
        put(x0, y, s)
        y += lh
    for gem, flur, fst in groups(a):
        word = L("fsts") if len(fst) > 1 else L("fst")
        phrase = f"{L('gem')} {gem}, {L('flur')} {flur}, {word} {dev2.words_list(fst, L('and'))}"
        for s in pg.wrap(phrase, fv, pt, W - P(10)):
            put(x0 + P(10), y, s)
            y += lh
    if a.address:
        put(x0 + P(10), y, f"{L('lage')} {a.address}")
        y += lh
    if a.grundbuch:
        vol = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[dev2.akte_hash(a, "x10ab_band") % 9]
        put(x0 + P(10), y, f"({L('gb')} {a.grundbuch[0]} {L('band')} {vol} {L('gb_blatt')} {a.grundbuch[1]})")
        d |= {"grundbuch_blatt", "volume_number"}
        y += lh
    put(x0, y, L("intro"))
    y += lh * 2
    y_bot = pg.img.height - P(62)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, W - P(10))
        decl, reg = sd.one("declaration_date", n).shown, sd.registered[n]
        if decl_first(a):
            closing = f"Eingetragen auf Grund der {L('decl')} {decl} {L('on')} {reg}."
        else:
            closing = f"{L('reg')} {reg} ({L('decl')} {decl})."
        close = wrap_kept(pg, closing, (decl, reg), fv, pt, W - P(10))
        gone: list[str] = []
        if e.deleted_on:
            waiver, dele = sd.one("waiver_date", n).shown, sd.one("deletion_date", n).shown
            gone = wrap_kept(pg, f"{L('waive')} {waiver} {L('waive2')} {dele}.", (waiver, dele), fv, pt, W - P(10))
        rows = 1 + len(body) + len(close) + 1 + len(gone) + (1 if gone else 0)
        if y + rows * lh > y_bot:
            return d, True
        head = f"{L('nr')} {n}" + (f"  {L('gone')}" if e.deleted_on else "")
        put(x0, y, head)
        pg.hline(x0, x0 + pg.width(f"{L('nr')} {n}", fv, pt), y + P(1.2), 0.2, fill=ink)
        y += lh
        y_body = y
        for s in body:
            put(x0 + P(10), y, s)
            y += lh
        if e.deleted_on:  # the copy marks the deleted text with a ruled cross, as the register does
            pg.draw.line([(x0 + P(10), y_body - lh * 0.7), (x1, y - lh * 0.9)], fill=ink + 40, width=max(1, P(0.25)))
        for s in close:
            put(x0 + P(10), y, s)
            y += lh
        gez = f"{L('gez')} {e.clerk}"
        put(x1 - pg.width(gez, fv, pt) - P(10), y, gez)
        y += lh
        if gone:
            for s in gone:
                put(x0 + P(10), y, s)
                y += lh
            gez = f"{L('gez')} {e.deleter}"
            put(x1 - pg.width(gez, fv, pt) - P(10), y, gez)
            y += lh
        y += lh // 2
    # the certification at the foot: sentence, place and day, signature and seal
    y = max(y + lh, pg.img.height - P(58))
    for s in pg.wrap(L("cert"), fv, pt, W):
        put(x0, y, s)
        y += lh
    y += lh
    put(x0, y, sd.one("copy_date").text)
    y += lh * 2
    put(x0 + W * 0.55, y, L("sig"))
    pg.signature(x0 + W * 0.55, y + lh * 1.6, w_mm=32, h_mm=7, fill=pg.rng.randrange(20, 60))
    put(x0 + P(4), y + lh, L("seal"))
    seal(pg, x0 + W * 0.35, y + lh * 0.6, auth.split(" ", 1))
    if carbon:
        pg.img = pg.img.filter(ImageFilter.GaussianBlur(max(0.6, pg.dpi / 300)))
        pg.draw = ImageDraw.Draw(pg.img)
    return d | sd.kinds(), False


# --- (2) a pre-printed form with numbered fields, filled in on a typewriter ---------------------------------------
def caption(pg: Page, x: float, y: float, s: str, font: str, size: float = 7) -> None:
    """A field's printed caption in the top left corner of its box (y: the box's top)."""
    for j, line in enumerate(s.split("\n")):
        pg.text(x + pg.px(1.2), y + pg.px(2.8 + 2.7 * j), line, font, size)


def sheet_numbered_fields(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.3)
    top = P(tpl.top)
    year = a.entries[0].registered_on.year
    rng = pg.rng
    jit = lambda: P(rng.uniform(-0.6, 0.6))  # noqa: E731  the typewriter's line was set by hand
    auth = dev2.period_authority(a, year)
    if dev2.pick(a, "x10nf_stamp", (True, False)):
        dev.rubber_stamp(pg, x0, top, [(auth[0], "dv_sans_bold", 9)] + [(s, "dv_sans", 7.5) for s in auth[1:]])
    else:
        for i, s in enumerate(auth):
            pg.typed(x0, top + P(4) + i * lh, s, fv, pt)
    pg.text(x0, top + P(30), L("title"), fb, 17)
    # the number's box, top right, and the page under it
    bx0, bx1 = x1 - P(52), x1
    pg.rect((bx0, top, bx1, top + P(19)), 0.6)
    pg.rect((bx0 + P(1), top + P(1), bx1 - P(1), top + P(18)), 0.2)
    caption(pg, bx0 + P(1), top + P(0.5), L("number"), f, 7.5)
    pg.typed(bx0 + P(8) + jit(), top + P(14) + jit(), number_shown(a, tpl), fv, pt * 1.6)
    end = pg.text(bx0, top + P(25), L("page"), f, 8)
    pg.hline(end + P(1), end + P(14), top + P(25.5), 0.2)
    pg.typed(end + P(5), top + P(25) + jit(), str(page_no), fv, pt)
    # fields 1 and 2
    y = top + P(36)
    fh = P(6) + lh
    xm = x0 + round(W * 0.62)
    for xa, xb, key, val in ((x0, xm, "f_muni", municipality_name(a)), (xm, x1, "f_az", a.aktenzeichen)):
        pg.rect((xa, y, xb, y + fh), 0.3)
        caption(pg, xa, y, L(key), f)
        pg.typed(xa + P(3) + jit(), y + fh - P(2.2) + jit(), val, fv, pt)
    y += fh + P(3)
    # field 3: the parcels, one row per Flur (and Gemarkung)
    gs = groups(a)
    cs = [x0 + round(W * c) for c in (0, 0.34, 0.44, 0.82)] + [x1]
    fst_w = cs[3] - cs[2] - P(4)
    cells = [pg.wrap(", ".join(fst), fv, pt, fst_w) for _, _, fst in gs]
    head_h = P(10)
    rows_h = [max(1, len(c)) * lh + P(2.5) for c in cells]
    n_blank = max(0, 3 - len(gs))
    box_h = head_h + sum(rows_h) + n_blank * (lh + P(2.5))
    pg.rect((x0, y, x1, y + box_h), 0.3)
    caption(pg, x0, y, L("f_parcels"), f)
    for c, key in zip(cs, ("gem", "flur", "fst", "area")):
        pg.text(c + P(1.2), y + P(8.5), L(key), f, 7)
    for c in cs[1:-1]:
        pg.vline(c, y + P(5.5), y + box_h, 0.2)
    pg.hline(x0, x1, y + head_h, 0.2)
    yy = y + head_h
    for i, ((gem, flur, _), lines, rh) in enumerate(zip(gs, cells, rows_h)):
        base = yy + lh - P(0.5)
        pg.typed(cs[0] + P(2) + jit(), base, gem, fv, pt)
        pg.typed(cs[1] + P(2) + jit(), base, str(flur), fv, pt)
        for j, s in enumerate(lines):
            pg.typed(cs[2] + P(2), base + j * lh, s, fv, pt)
        pg.typed(cs[3] + P(2) + jit(), base, area(a, i), fv, pt)
        yy += rh
        pg.hline(x0, x1, yy, 0.15)
    for _ in range(n_blank):
        yy += lh + P(2.5)
        pg.hline(x0, x1, yy, 0.15)
    d.add("parcel_area")
    y += box_h + P(3)
    # fields 4 and 5, then 6
    gb = f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else ""
    for xa, xb, key, val in ((x0, xm, "f_addr", a.address or ""), (xm, x1, "f_gb", gb)):
        pg.rect((xa, y, xb, y + fh), 0.3)
        caption(pg, xa, y, L(key), f)
        if val:
            pg.typed(xa + P(3) + jit(), y + fh - P(2.2) + jit(), val, fv, pt)
    if a.grundbuch:
        d.add("grundbuch_blatt")
    y += fh
    pg.rect((x0, y, x1, y + fh), 0.3)
    caption(pg, x0, y, L("f_owner"), f)
    pg.typed(x0 + P(3) + jit(), y + fh - P(2.2) + jit(), a.owner, fv, pt)
    y += fh + P(5)
    # field 7: the entries
    pg.text(x0, y, L("f_entries"), fb, 9)
    y += P(2)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.62, 0.74, 0.87)] + [x1]
    y_bot = pg.img.height - P(14)
    y_tab = dev3.card_table(pg, xs, y, y_bot, [L(k) for k in ("nr", "text", "order", "reg", "dele")], f, 7, 0, 9)
    pg.text(x0, pg.img.height - P(8), L("form"), f, 6.5)
    pad = P(1.5)
    y = y_tab + lh
    by_pen = deletion_by_pen(a)
    hand = dev2.pick(a, "x10nf_hand", tuple(dev.PENS))
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, xs[2] - xs[1] - 2 * pad)
        rows = max(len(body), 4, 5 if e.deleted_on else 0)
        if y + rows * lh > y_bot - P(2):
            return d, True
        pg.typed(xs[0] + pad, y, f"{n}.", fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
        pg.typed(xs[2] + pad, y, sd.one("order_date", n).shown, fv, pt)
        pg.typed(xs[3] + pad, y, sd.registered[n], fv, pt)
        pg.signature(xs[3] + pad, y + lh * 1.6, w_mm=12, h_mm=4, fill=rng.randrange(25, 70))
        if e.deleted_on:
            shown = sd.one("deletion_date", n).shown
            if by_pen:
                ink = 30 + dev2.akte_hash(a, f"x10nf_ink{n}") % 40
                dev.pen(pg, xs[4] + pad, y, L("gone"), hand, pt * 1.05, ink)
                dev.pen(pg, xs[4] + pad, y + lh * 1.3, shown, hand, pt * 1.1, ink)
            else:
                ink = 40
                pg.typed(xs[4] + pad, y, L("gone"), fv, pt)
                pg.typed(xs[4] + pad, y + lh, shown, fv, pt)
            pg.signature(xs[4] + pad, y + lh * 2.9, w_mm=10, h_mm=4, fill=ink)
            pg.hand_line(xs[1] + pad, y + (len(body) - 1) * lh, xs[2] - pad, y - lh * 0.7, w=0.35, fill=ink + 30)
        y += rows * lh
        pg.hline(x0, x1, y - round(lh * 0.55), 0.2)
        y += round(lh * 0.4)
    return d | sd.kinds(), False


# --- (3) a folio of a bound register book, set out like a Grundbuch --------------------------------------------
def gutter(pg: Page, side: str) -> None:
    """The book's binding: a shadow darkening towards the gutter and the thread's stitch holes."""
    P = pg.px
    w, h = pg.img.size
    depth = P(11)
    for i in range(depth):
        v = 255 - round(150 * (1 - i / depth) ** 2.2)
        x = i if side == "left" else w - 1 - i
        pg.draw.line([(x, 0), (x, h)], fill=v)
    xs = P(4.5) if side == "left" else w - P(4.5)
    for k in range(6):
        yc = h * (0.1 + 0.16 * k)
        pg.draw.ellipse((xs - P(0.5), yc - P(0.5), xs + P(0.5), yc + P(0.5)), fill=60)


def sheet_book_folio(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "parcel_area"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    side = dev2.pick(a, "x10bb_side", ("left", "right"))
    gutter(pg, side)
    x0 = P(tpl.margin) + (P(8) if side == "left" else 0)
    x1 = pg.img.width - P(tpl.margin) - (P(8) if side == "right" else 0)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.3)
    top = P(tpl.top)
    rng = pg.rng
    # the head: three framed cells, captions printed, values typed
    cs = [x0 + round(W * c) for c in (0, 0.38, 0.74)] + [x1]
    hh = P(16)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    for c0, c1, key, val, size in ((cs[0], cs[1], "auth", auth[0], pt), (cs[1], cs[2], "of", a.municipality, pt * 1.2),
                                   (cs[2], cs[3], "number", number_shown(a, tpl), pt * 1.5)):
        pg.rect((c0, top, c1, top + hh), 0.4)
        pg.text(c0 + P(1.5), top + P(3.5), L(key), f, 7.5)
        pg.typed(c0 + P(4), top + hh - P(3.5), val, fv, size)
    y = top + hh + P(8)
    # section I: the burdened plots, one row per parcel
    pg.text(x0, y, L("holdings"), fb, 12)
    y += P(2.5)
    ks = [x0 + round(W * c) for c in (0, 0.09, 0.32, 0.39, 0.53, 0.87)] + [x1]
    n_rows = max(3, len(a.parcels) + 1)
    rh = lh + P(1.5)
    y_end = y + P(13) + n_rows * rh
    y_tab = dev3.card_table(pg, ks, y, y_end, [L(k) for k in ("g_nr", "gem", "flur", "fst", "lage", "size")], f, 7,
                            0, 13)
    for i, p in enumerate(a.parcels):
        base = y_tab + (i + 1) * rh - P(1.8)
        lage = a.address if (a.address and i == 0) else L("use")
        for c, s in zip(ks, (str(i + 1), p.gemarkung, str(p.flur), p.flurstueck, lage, area(a, i))):
            pg.typed(c + P(1.5), base, s, fv, pt if c != ks[4] else pt * 0.9)
        pg.hline(x0, x1, y_tab + (i + 1) * rh, 0.15, fill=120)
    y = y_end + P(8)
    # section II: the burdens
    pg.text(x0, y, L("burdens"), fb, 12)
    y += P(2.5)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.15, 0.74)] + [x1]
    y_bot = pg.img.height - P(18)
    y_tab = dev3.card_table(pg, xs, y, y_bot, [L(k) for k in ("nr", "g_ref", "text", "dele")], f, 7, 0, 13)
    y = y_tab + lh
    pad = P(1.3)
    ref = ", ".join(str(i + 1) for i in range(len(a.parcels)))
    by_pen = dev2.pick(a, "x10bb_pen", (True, True, False))
    hand = dev2.pick(a, "x10bb_hand", tuple(dev.PENS))
    for e in a.entries:
        n = e.lfd_nr
        width = xs[3] - xs[2] - 2 * pad
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, width)
        reg = dev3.date_lines(pg, f"{L('reg')} ", sd.registered[n], ".", fv, pt, width)
        refs = pg.wrap(ref, fv, pt, xs[2] - xs[1] - 2 * pad)
        gone = []
        if e.deleted_on:
            m = sd.one("deletion_date", n)
            gone = (dev.pen_wrap(pg, m.text, hand, pt, xs[4] - xs[3] - 2 * pad) if by_pen
                    else dev3.date_lines(pg, m.label + " ", m.shown, ".", fv, pt, xs[4] - xs[3] - 2 * pad))
        pen_lh = 1.15 if by_pen else 1.0
        rows = max(len(body) + len(reg) + 2, len(refs), round(len(gone) * pen_lh + 2.4))
        if y + rows * lh > y_bot - P(2):
            return d, True
        pg.typed(xs[0] + pad, y, str(n), fv, pt)
        for i, s in enumerate(refs):
            pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[2] + pad, y + i * lh, s, fv, pt)
        for i, s in enumerate(reg):
            pg.typed(xs[2] + pad, y + (len(body) + i) * lh, s, fv, pt)
        sig_y = y + (len(body) + len(reg) + 0.6) * lh
        pg.signature(xs[2] + width * 0.55, sig_y, w_mm=22, h_mm=4.5, fill=rng.randrange(25, 70))
        if gone:
            ink = 30 + dev2.akte_hash(a, f"x10bb_ink{n}") % 40
            for i, s in enumerate(gone):
                if by_pen:
                    dev.pen(pg, xs[3] + pad, y + i * lh * pen_lh, s, hand, pt, ink)
                else:
                    pg.typed(xs[3] + pad, y + i * lh, s, fv, pt)
            pg.signature(xs[3] + pad, y + (len(gone) * pen_lh + 0.9) * lh, w_mm=12, h_mm=4, fill=ink)
            for i in range(len(body)):  # the deleted text underlined in red, as in a Grundbuch
                pg.hline(xs[2] + pad, xs[3] - pad, y + i * lh + P(0.9), 0.25, fill=110 + ink)
        y += rows * lh
        pg.hline(x0, x1, y - round(lh * 0.6), 0.2)
        y += round(lh * 0.5)
    folio = 2 * (1 + dev2.akte_hash(a, "x10bb_page") % 240) + (1 if side == "right" else 0)
    pg.text((x0 + x1) // 2, pg.img.height - P(9), str(folio), f, 9, anchor="ms")
    return d | sd.kinds(), False


# --- (4) a register program's print of its record ---------------------------------------------------------------
def kv_rows(pg: Page, x0: float, xk: float, x1: float, y: float, rows: list[tuple[str, str]], f: str, fb: str,
            pt: float, lh: int, shade: int = 232) -> float:
    """A two-column table: keys on a shaded ground at the left, values (wrapped) at the right; return its foot."""
    P = pg.px
    for key, val in rows:
        lines = pg.wrap(val, f, pt, x1 - xk - P(4)) if val else [""]
        h = len(lines) * lh + P(2)
        pg.rect((x0, y, xk, y + h), 0.15, fill=shade, outline=170)
        pg.rect((xk, y, x1, y + h), 0.15, outline=170)
        pg.text(x0 + P(1.5), y + lh - P(0.8), key, fb, pt * 0.9)
        for j, s in enumerate(lines):
            pg.text(xk + P(2), y + lh - P(0.8) + j * lh, s, f, pt)
        y += h
    return y


def sheet_record_print(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "aktenzeichen", "record_id", "parcel_key"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.35)
    top = P(tpl.top)
    year = a.entries[0].registered_on.year
    auth = dev2.period_authority(a, year)
    pg.text(x0, top + P(4), L("app"), f, 8, fill=90)
    pg.text(x0, top + P(11), L("title"), fb, 14)
    for i, s in enumerate(auth[:2]):
        pg.text(x1, top + P(4) + i * P(4.2), s, fb if i == 0 else f, 9 if i == 0 else 8, anchor="rs")
    pg.hline(x0, x1, top + P(14), 0.5)
    made = sd.one("print_date")
    clock = f"{8 + dev2.akte_hash(a, 'x10sd_h') % 9:02d}:{dev2.akte_hash(a, 'x10sd_m') % 60:02d}"
    ascii_ = a.entries[-1].clerk.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    login = f"{ascii_[:5]}{dev2.akte_hash(a, 'x10sd_u') % 90 + 10}"
    pg.text(x0, top + P(19), f"{made.text} {clock}    {L('user')} {login}", f, 7.5, fill=70)
    y = top + P(26)
    pg.text(x0, y, L("record"), fb, pt * 1.1)
    y += P(2)
    xk = x0 + round(W * 0.3)
    rows = [(L("oid"), object_id(a)), (L("number"), number_shown(a, tpl)), (L("muni"), a.municipality),
            (L("az"), a.aktenzeichen)]
    if a.address:
        rows.append((L("addr"), a.address))
    if a.grundbuch:
        rows.append((L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}"))
        d.add("grundbuch_blatt")
    y = kv_rows(pg, x0, xk, x1, y, rows, f, fb, pt, lh)
    y += P(7)
    pg.text(x0, y, L("parcel_head"), fb, pt * 1.1)
    y += P(2)
    cs = [x0 + round(W * c) for c in (0, 0.34, 0.44, 0.6)] + [x1]
    th = lh + P(2)
    pg.rect((x0, y, x1, y + th), 0.15, fill=215, outline=170)
    for c, key in zip(cs, ("gem", "flur", "fst", "key")):
        pg.text(c + P(1.5), y + lh - P(0.5), L(key), fb, pt * 0.9)
    y += th
    for p in a.parcels:
        cells = (f"{p.gemarkung} ({gemarkung_key(p.gemarkung)})", str(p.flur), p.flurstueck,
                 parcel_key(p.gemarkung, p.flur, p.flurstueck))
        for c, s in zip(cs, cells):
            pg.text(c + P(1.5), y + lh - P(0.5), s, f, pt if c != cs[3] else pt * 0.85)
        y += th
        pg.hline(x0, x1, y, 0.1, fill=170)
    for c in cs[1:-1]:
        pg.vline(c, y - th * (len(a.parcels) + 1), y, 0.1, fill=170)
    y += P(7)
    y_bot = pg.img.height - P(24)
    for e in a.entries:
        n = e.lfd_nr
        dele = sd.one("deletion_date", n)
        status = L("gone") if e.deleted_on else L("live")
        text = dev2.period_text(e.text, e.registered_on.year)
        need = (len(pg.wrap(text, f, pt, x1 - xk - P(4))) + 4) * lh + P(20)
        if y + need > y_bot:
            return d, True
        pg.rect((x0, y, x1, y + P(6)), 0.15, fill=200, outline=150)
        pg.text(x0 + P(1.5), y + P(4.4), f"{L('record')} {number_shown(a, tpl)} / {L('nr')} {n}", fb, pt * 0.95)
        pg.text(x1 - P(1.5), y + P(4.4), f"{L('status')}: {status}", fb, pt * 0.95, anchor="rs")
        y += P(6)
        y = kv_rows(pg, x0, xk, x1, y, [(L("kind"), dev2.type_shown(e.type))], f, fb, pt, lh, shade=240)
        # the three days side by side: a shaded row of keys over a row of values
        days = ((L("decl"), sd.one("declaration_date", n).shown), (L("reg"), sd.registered[n]),
                (L("dele"), dele.shown if dele else L("none")))
        h = lh + P(2)
        for k, (key, val) in enumerate(days):
            ka, kb = x0 + round(W * k / 3), x0 + round(W * (k + 1) / 3)
            pg.rect((ka, y, kb, y + h), 0.15, fill=240, outline=170)
            pg.rect((ka, y + h, kb, y + 2 * h), 0.15, outline=170)
            pg.text(ka + P(1.5), y + lh - P(0.8), key, fb, pt * 0.9)
            pg.text(ka + P(1.5), y + h + lh - P(0.8), val, f, pt)
        y += 2 * h
        y = kv_rows(pg, x0, xk, x1, y, [(L("text"), text)], f, fb, pt, lh, shade=240)
        y += P(5)
    yf = pg.img.height - P(14)
    pg.hline(x0, x1, yf - P(4), 0.2, fill=120)
    pg.text(x0, yf, L("foot"), f, 7.5, fill=60)
    pg.text(x1, yf, f"{L('page')} {page_no} {L('of')} 1", f, 7.5, fill=60, anchor="rs")
    return d | sd.kinds(), False


# --- (5) a reader-printer's copy of a microfiched EDV list --------------------------------------------------------
def film_copy(pg: Page, a: Akte, frame: tuple[int, int, int, int], caption_: str) -> None:
    """What a microfiche reader-printer makes of a page: a grey, mottled ground with less contrast, a little blur, the
    film frame's black surround with the fiche's caption in it, a scratch along the film."""
    P, rng = pg.px, pg.rng
    w, h = pg.img.size
    img = pg.img.point(lambda v: 55 + v * 165 // 255)
    cw, ch = max(1, w // 40), max(1, h // 40)
    toner = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).resize((w, h), Image.BILINEAR)
    img = ImageChops.subtract(img, toner.point(lambda v: v * 20 // 255))
    img = img.filter(ImageFilter.GaussianBlur(max(0.5, pg.dpi / 260)))
    dr = ImageDraw.Draw(img)
    fx0, fy0, fx1, fy1 = frame
    black = rng.randrange(15, 40)
    for box in ((0, 0, w, fy0), (0, fy1, w, h), (0, 0, fx0, h), (fx1, 0, w, h)):
        dr.rectangle(box, fill=black)
    dr.text((fx0 + P(4), fy1 + P(2)), caption_, font=pg.font("dv_mono_bold", 8), fill=200, anchor="lt")
    sx = fx0 + (fx1 - fx0) * (0.15 + (dev2.akte_hash(a, "x10mf_scratch") % 70) / 100)
    dr.line([(sx, fy0), (sx + P(rng.uniform(-3, 3)), fy1)], fill=235, width=max(1, P(0.15)))
    pg.img, pg.draw = img, ImageDraw.Draw(img)


def sheet_film_print(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number", "film_number"}
    f = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.3)
    cw = pg.width("M", f, pt)
    ncol = int((x1 - x0) / cw)
    top = P(tpl.top)

    def row(y: float, s: str, col: int = 0) -> None:
        pg.text(x0 + col * cw, y, s, f, pt)

    def field(y: float, key: str, val: str, dots: int = 30) -> None:
        row(y, f"{key} {'.' * max(2, dots - len(key) - 1)}: {val}")

    auth = dev2.period_authority(a, sd.one("print_date").day.year)
    y = top + lh
    row(y, auth[0].upper())
    stand = sd.one("print_date").text
    row(y, f"{stand}  {L('page')} {page_no:3d}", ncol - len(stand) - 11)
    y += lh
    row(y, L("list"))
    row(y, L("title"), (ncol - len(L("title"))) // 2)
    y += lh
    row(y, "=" * ncol)
    y += lh * 1.5
    num = dev2.number_shown(a, dev2.pick(a, "x10mf_num", ("display", "edv", "display")))
    key = L("number")
    row(y, f"{key} {'.' * (30 - len(key) - 1)}: {num}")
    data = sd.one("data_date")
    row(y, data.text, ncol - len(data.text))
    y += lh
    field(y, L("muni"), a.municipality)
    y += lh
    for gem, flur, fst in groups(a):
        for s in pg.wrap(f"{gem} / {flur} / {', '.join(fst)}", f, pt, (ncol - 33) * cw):
            field(y, L("triple"), s)
            y += lh
    if a.address:
        field(y, L("addr"), a.address)
        y += lh
    if a.grundbuch:
        field(y, L("gb"), f"{a.grundbuch[0]} / {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
        y += lh
    field(y, L("az"), a.aktenzeichen)
    y += lh
    row(y, "-" * ncol)
    y += lh
    heads = f"{L('nr'):<5}{L('reg'):<10}{L('dele'):<11}{L('kind')}"
    row(y, heads)
    y += lh
    row(y, "-" * ncol)
    y += lh * 1.3
    y_bot = pg.img.height - P(34)
    for e in a.entries:
        n = e.lfd_nr
        dele = sd.one("deletion_date", n)
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, (ncol - 11) * cw)
        if y + (len(body) + 2.5) * lh > y_bot:
            return d, True
        kind = dev2.type_shown(e.type).upper() + (f"  {L('gone')}" if e.deleted_on else "")
        row(y, f"{n:02d}   {sd.registered[n]:<10}{(dele.shown if dele else L('none')):<11}{kind}")
        y += lh
        row(y, L("text"), 5)
        for s in body:
            row(y, s, 11)
            y += lh
        y += lh // 2
    row(y, L("end"), (ncol - len(L("end"))) // 2)
    frame = (P(12), P(14), pg.img.width - P(12), pg.img.height - P(16))
    fiche = f"{L('fiche')} {1 + dev2.akte_hash(a, 'x10mf_fiche') % 480:04d}  {L('frame')} " \
            f"{1 + dev2.akte_hash(a, 'x10mf_frame') % 98:02d}"
    film_copy(pg, a, frame, fiche)
    return d | sd.kinds(), False


TENTH_RENDERERS = {"x10_certified_copy": sheet_certified_copy, "x10_numbered_fields": sheet_numbered_fields,
                   "x10_book_folio": sheet_book_folio, "x10_record_print": sheet_record_print,
                   "x10_film_print": sheet_film_print}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout10's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
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


TEMPLATES.update(TENTH_TEMPLATES)
