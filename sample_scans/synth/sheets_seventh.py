"""The heldout7 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all in this module.

The templates (``split="heldout7"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``SEVENTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import random
import zlib

from PIL import ImageFilter

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, Akte, Entry
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import FONT_FILES, Page

SPLIT = "heldout7"
dev = Later(".sheets_dev")  # pen, PENS, rubber_stamp (read at call time: the tests watch them)

FONT_FILES.setdefault("serif_bold_italic", "LiberationSerif-BoldItalic.ttf")
FONT_FILES.setdefault("dv_mono_oblique", "DejaVuSansMono-Oblique.ttf")
FONT_FILES.setdefault("narrow_italic", "LiberationSansNarrow-Italic.ttf")

SEVENTH_LABELS = {
    "S7_MF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Nr. d. Blattes", "parcel_head": "Grundstück",
              "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "addr": "Lage", "gb": "Grundbuch",
              "gb_blatt": "Bl.", "muni": "Gemeinde", "reg": "Eintrag vom", "dele": "Löschung eingetr. am",
              "decl": ("(Verpflichtungserkl. v. ", ")"), "film": ("verfilmt ", ""), "roll": "FILM", "frame": "AUFN.",
              "az": "Az.", "entries": "Inhalt"},
    "S7_AK": {**_BASE, "title": "Auskunft aus dem Baulastenverzeichnis", "number": "Nummer im Baulastenverzeichnis",
              "parcel_head": "Angefragte Flurstücke", "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück",
              "key": "Flurstückskennzeichen", "lage": "Lagebez.", "case": "Vorgangsnummer", "muni": "Gemeinde",
              "applied": ("Antrag vom ", ""), "issued": ("Auskunft erteilt am ", ""), "fee": "Verwaltungsgebühr",
              "nr": "Baulast", "kind": "Art", "reg": "Eintrag am", "dele": "Löschung am", "text": "Inhalt",
              "page": "Seite", "of": "von", "gb": "Grundbuch", "gb_blatt": "Blatt",
              "note": "Diese Auskunft wurde maschinell erstellt und ist ohne Unterschrift gültig."},
    "S7_TR": {**_BASE, "title": "BAULASTENVERZEICHNIS", "number": "BLATT-KZ.", "muni": "GEMEINDE", "run": "STAND:",
              "list": "LISTE BV-07", "page": "SEITE", "head": "MERKMAL", "col": "EINTRAG", "nr": "LAUFENDE NR.",
              "kind": "ART", "reg": "EINGETRAGEN", "dele": "GELOESCHT", "decl": "ERKL. VOM", "none": "-",
              "parcel_head": "BELASTETE FLURSTUECKE", "gem": "GEMARKUNG", "flur": "FLUR", "fst": "FLURSTUECK",
              "gb": "GRUNDBUCH", "az": "AZ.", "addr": "LAGE", "text": "TEXT ZU EINTRAG"},
    "S7_UN": {**_BASE, "title": "Baulastenverzeichnis", "number": "Neue Blatt-Nr.", "old": "Blatt", "muni": "für",
              "parcel_head": "Belastete(s) Grundstück(e)", "gem": "Gem.", "flur": "Fl.", "fst": "Nr.",
              "addr": "Straße:", "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast", "reg": "Eingetr.\n(Tag/Unterschr.)",
              "dele": "gelöscht", "renumbered": ("umgeschrieben ", ""), "stamp": "Baulastenverzeichnis",
              "form": "Vordr. Bau 41"},
}
LABELS.update(SEVENTH_LABELS)

SEVENTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_h7", "typewriter_form", "S7_MF", "serif", "serif_bold", "dv_mono_oblique", pt=10.5, margin=26,
             top=24, years=(1960, 1986), split=SPLIT, renderer="film_print"),
    Template("cp_h7", "computer_print", "S7_AK", "narrow", "narrow_bold", "narrow_italic", pt=10.5, margin=22, top=16,
             years=(2012, 2024), split=SPLIT, renderer="alkis_auskunft"),
    Template("dm_h7", "dot_matrix", "S7_TR", "dv_mono", "dv_mono_bold", "dv_mono", pt=9.5, margin=14, top=12,
             years=(1981, 1998), split=SPLIT, renderer="merkmal_liste"),
    Template("hf_h7", "typewriter_form", "S7_UN", "free_serif", "serif_bold_italic", "free_mono", pt=11, margin=18,
             top=14, years=(1961, 1974), split=SPLIT, renderer="umgeschrieben"),
)}


# --- what each template prints --------------------------------------------------------------------------------
def spread(a: Akte, opts: dict) -> Akte:
    """Parcels in a second Gemarkung where the file's draws ask for it (as dev7 spreads them; draws nothing)."""
    return dev7.spread(a, opts)


def groups(a: Akte) -> list[tuple[str, int, list[str]]]:
    """[(Gemarkung, Flur, [Flurstück, ...]), ...] in printed order."""
    return dev7.groups(a)


def number_shown(a: Akte, tpl: Template) -> str:
    """The register number as the sheet prints it."""
    if tpl.renderer == "merkmal_liste":
        return a.register_display.upper()
    return a.register_display


def old_number(a: Akte) -> str:
    """The number the sheet had in the former municipality's register, never the new one."""
    n = 1 + dev2.akte_hash(a, "s7_old") % 240
    if str(n) == a.register_number.rstrip("abc"):
        n += 1
    return str(n)


def former_authority(a: Akte) -> str:
    """The municipality that kept the register before the reorganisation of 1975 (named like the first Gemarkung)."""
    gem = a.parcels[0].gemarkung
    return f"Amt {gem}" if gem == a.municipality else f"Gemeinde {gem}"


def case_number(a: Akte) -> str:
    """The Auskunft's own case number (a year and a running number, never the register number)."""
    return f"BL-{2012 + dev2.akte_hash(a, 's7_case') % 13}-{1000 + dev2.akte_hash(a, 's7_case2') % 8999:05d}"


def gemarkung_number(gem: str) -> str:
    return f"{3000 + zlib.crc32(gem.encode()) % 2000:04d}"


def parcel_key(gem: str, flur: int, fst: str) -> str:
    """The parcel's Flurstückskennzeichen (Land, Gemarkung, Flur, Zähler, Nenner)."""
    z, _, n = fst.partition("/")
    return f"05{gemarkung_number(gem)}-{flur:03d}-{int(z):05d}/{int(n or 0):04d}"


def film_marks(a: Akte) -> tuple[str, str]:
    return f"{1 + dev2.akte_hash(a, 's7_roll') % 120:04d}", f"{1 + dev2.akte_hash(a, 's7_frame') % 2400:04d}"


def date_fmt(tpl: Template, a: Akte) -> str:
    """How the sheet prints its entries' days."""
    if tpl.renderer == "film_print":
        return dev2.pick(a, "s7mf_fmt", ("numeric", "spaced"))
    if tpl.renderer == "umgeschrieben":
        return "pen"
    return "numeric"


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = date_fmt(tpl, a)
    return {e.lfd_nr: dev3.FORMATS[fmt](e.registered_on) for e in a.entries}


def deleted_shown(a: Akte, tpl: Template, e: Entry) -> str:
    return dev3.FORMATS[date_fmt(tpl, a)](e.deleted_on)


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout7 sheet of this Akte prints besides the Eintragungsdaten."""
    L, fmt, ms = tpl.label, date_fmt(tpl, a), []
    for e in a.entries:
        if e.deleted_on:
            ms.append(dev3.mention("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
    if tpl.renderer == "film_print":
        for e in a.entries:
            if e.lfd_nr == 1 or dev2.pick(a, f"s7mf_decl{e.lfd_nr}", (True, False)):
                ms.append(dev3.mention("declaration_date", dev3.declared(a, e), fmt, *L("decl"), e.lfd_nr))
        ms.append(dev3.mention("film_date", dev3.after_all(a, ms, "s7mf_film"), "numeric", *L("film")))
    elif tpl.renderer == "alkis_auskunft":
        issued = dev3.after_all(a, ms, "s7ak_iss")
        ms.append(dev3.mention("print_date", issued, fmt, *L("issued")))
        ms.append(dev3.mention("application_date", dev3.offset(a, "s7ak_app", issued, -40, -3), fmt, *L("applied")))
    elif tpl.renderer == "merkmal_liste":
        for e in a.entries:
            ms.append(dev3.mention("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
        ms.insert(0, dev3.mention("print_date", dev3.after_all(a, ms, "s7tr_run"), fmt, L("run") + " "))
    else:
        day = dev3.offset(a, "s7un_new", dt.date(1975, 1, 1), 20, 1000)
        ms.append(dev3.mention("renumber_date", day, "numeric", *L("renumbered")))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), fmt)


def municipality_name(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


# --- (1) a print-back from the microfilm of a typed sheet ------------------------------------------------------------
def sheet_film_print(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    fb, fv = tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.32)
    xl = x0 + round(W * 0.24)  # the typed values right of the margin column of labels
    y = P(tpl.top) + P(4)
    for s in dev2.period_authority(a, a.entries[0].registered_on.year):
        pg.typed(x0, y, s, fv, pt)
        y += lh
    pg.typed(x1 - pg.width(f"{L('az')} {a.aktenzeichen}", fv, pt), P(tpl.top) + P(4), f"{L('az')} {a.aktenzeichen}",
             fv, pt)
    d.add("aktenzeichen")
    y += lh
    pg.text((x0 + x1) // 2, y, L("title"), fb, 15, anchor="ms")
    pg.hline(x0 + W * 0.3, x1 - W * 0.3, y + P(1.6), 0.3)
    y += round(lh * 2)
    y_rows = y - lh

    def row(label: str, values: list[str]) -> None:
        nonlocal y
        pg.typed(x0, y, label, fv, pt)
        for s in values:
            pg.typed(xl, y, s, fv, pt)
            y += lh
        y += round(lh * 0.4)

    row(L("muni"), [municipality_name(a)])
    row(L("parcel_head"), [f"{L('gem')} {g}, {L('flur')} {fl}, {L('fst')} {', '.join(fs)}" for g, fl, fs in groups(a)])
    if a.grundbuch:
        row(L("gb"), [f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}"])
        d.add("grundbuch_blatt")
    row(L("number"), [number_shown(a, tpl)])
    if a.address:
        row(L("addr"), [a.address])
    pg.vline(xl - P(3), y_rows, y, 0.25)
    y += lh
    pg.hline(x0, x1, y - lh * 0.6, 0.3)
    y += lh
    y_bot = pg.img.height - P(36)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, x1 - xl)
        decl = sd.one("declaration_date", n)
        if decl:
            body += dev3.date_lines(pg, decl.label + " ", decl.shown, ")", fv, pt, x1 - xl)
        need = len(body) + (4 if e.deleted_on else 2.5)
        if y + need * lh > y_bot:
            return d, True
        pg.typed(x0, y, f"{n}.", fv, pt)
        for i, s in enumerate(body):
            pg.typed(xl, y + i * lh, s, fv, pt)
        y += len(body) * lh + round(lh * 0.5)
        pg.typed(xl, y, f"{L('reg')} {sd.registered[n]}", fv, pt)
        pg.signature(x1 - P(40), y, w_mm=28, h_mm=6, fill=pg.rng.randrange(30, 80))
        y += lh
        if e.deleted_on:
            pg.typed(xl, y, f"{L('dele')} {deleted_shown(a, tpl, e)}", fv, pt)
            y += lh
        y += round(lh * 0.9)
    # the film print: a grey ground, soft edges of the copy, the film's frame marks in black bands
    img = pg.img.filter(ImageFilter.GaussianBlur(max(0.4, pg.dpi / 300 * 0.7)))
    ground = 212 + dev2.akte_hash(a, "s7mf_ground") % 18
    img = img.point(lambda v: round(v * ground / 255))
    pg.img.paste(img)
    band = P(13)
    pg.draw.rectangle((0, 0, pg.img.width, band), fill=22)
    pg.draw.rectangle((0, pg.img.height - band, pg.img.width, pg.img.height), fill=22)
    roll, frame = film_marks(a)
    pg.text(P(8), pg.img.height - P(5), f"{L('roll')} {roll}   {L('frame')} {frame}", "mono_bold", 9, fill=225)
    pg.text(pg.img.width - P(8), pg.img.height - P(5), sd.one("film_date").text, "mono_bold", 9, fill=225, anchor="rs")
    d |= sd.kinds() | {"film_marks"}
    return d, False


# --- (2) a recent Auskunft of the register, with parcel keys ----------------------------------------------------------
def sheet_alkis_auskunft(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fi = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.35)
    top = P(tpl.top)
    for i, s in enumerate(a.authority):  # the authority on the right, the case on the left
        pg.text(x1, top + P(4) + i * P(4.6), s, fb if i == 0 else f, 11 if i == 0 else 9.5, anchor="rs")
    pg.text(x0, top + P(4), f"{L('case')}: {case_number(a)}", f, pt)
    pg.text(x0, top + P(4) + lh, sd.one("application_date").text, f, pt)
    d |= {"case_number"}
    y = top + P(4) + P(4.6) * len(a.authority) + P(10)
    pg.text(x0, y, L("title"), fb, 15)
    y += P(3)
    pg.hline(x0, x1, y, 0.6)
    y += P(9)
    pg.text(x0, y, L("parcel_head"), fb, pt * 1.1)
    y += P(2.5)
    cs = [x0 + round(W * c) for c in (0, 0.25, 0.34, 0.52)] + [x1]
    th = P(6.5)
    heads = [L(k) for k in ("gem", "flur", "fst", "key")]
    pg.rect((x0, y, x1, y + th), 0.25, fill=230)
    for c, h in zip(cs, heads):
        pg.text(c + P(1.5), y + th * 0.7, h, fb, 9)
    y += th
    for p in a.parcels:
        cells = [f"{p.gemarkung} ({gemarkung_number(p.gemarkung)})", str(p.flur), p.flurstueck,
                 parcel_key(p.gemarkung, p.flur, p.flurstueck)]
        for c, s in zip(cs, cells):
            pg.text(c + P(1.5), y + th * 0.7, s, f, pt)
        y += th
        pg.hline(x0, x1, y, 0.15)
    d.add("parcel_key")
    if a.address:
        pg.text(x0, y + lh, f"{L('lage')}: {a.address}, {a.municipality}", f, pt)
        y += lh
    y += P(9)
    # the register number, below the parcels, in a ruled line of its own
    pg.rect((x0, y - P(6), x1, y + P(3)), 0.35)
    pg.text(x0 + P(2), y, f"{L('number')}:", f, pt * 1.05)
    pg.text(x0 + round(W * 0.5), y, number_shown(a, tpl), fb, pt * 1.3)
    pg.text(x1 - P(2), y, municipality_name(a), f, pt, anchor="rs")
    y += P(8)
    if a.grundbuch:
        pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
        d.add("grundbuch_blatt")
        y += lh
    y += P(4)
    y_bot = pg.img.height - P(30)
    kx = x0 + round(W * 0.2)
    for e in a.entries:
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, x1 - kx - P(2))
        rows = [(L("nr"), str(e.lfd_nr), fb), (L("kind"), dev2.type_shown(e.type), f),
                (L("reg"), sd.registered[e.lfd_nr], f)]
        if e.deleted_on:
            rows.append((L("dele"), deleted_shown(a, tpl, e), f))
        if y + (len(rows) + len(body) + 1.5) * lh > y_bot:
            return d, True
        y0 = y - lh + P(1)
        for k, v, font in rows:
            pg.text(x0 + P(2), y, k, fb, pt * 0.95)
            pg.text(kx, y, v, font, pt)
            y += lh
        pg.text(x0 + P(2), y, L("text"), fb, pt * 0.95)
        for s in body:
            pg.text(kx, y, s, f, pt, fill=100 if e.deleted_on else 0)
            y += lh
        pg.rect((x0, y0, x1, y - lh + P(2.5)), 0.25)
        pg.vline(kx - P(2), y0, y - lh + P(2.5), 0.2)
        y += round(lh * 0.8)
    yf = pg.img.height - P(22)
    pg.hline(x0, x1, yf, 0.3)
    pg.text(x0, yf + P(5), sd.one("print_date").text, f, 9)
    fee = 10 + dev2.akte_hash(a, "s7ak_fee") % 6 * 5
    pg.text(x0, yf + P(9.5), f"{L('fee')}: {fee},00 EUR", f, 9)
    pg.text(x0, yf + P(14), L("note"), fi, 8)
    pg.text(x1, yf + P(5), f"{L('page')} {page_no} {L('of')} 1", f, 9, anchor="rs")
    d |= sd.kinds() | {"page_number", "fee"}
    return d, False


# --- (3) a needle-printer list, its entries in columns --------------------------------------------------------------
def sheet_merkmal_liste(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    adv = pg.width("M", f, pt)
    cols = int((x1 - x0) / adv)
    lh = pg.line_height(f, pt, 1.45)
    y = P(tpl.top) + lh

    def put(col: int, s: str, bold: bool = False) -> None:
        pg.text(x0 + col * adv, y, s, fb if bold else f, pt)

    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    put(0, auth[0].upper())
    right = f"{L('list')}  {L('page')} {page_no:3d}"
    put(cols - len(right), right)
    y += lh
    put(0, " - ".join(auth[1:]).upper()[: cols - 22])
    run = sd.one("print_date").text
    put(cols - len(run), run)
    y += lh * 1.5
    put(0, L("title"), bold=True)
    y += lh * 1.3
    put(0, f"{L('number')} {number_shown(a, tpl)}", bold=True)
    put(24, f"{L('muni')} {a.municipality.upper()}")
    y += lh
    put(0, "=" * cols)
    y += lh
    # the entries as columns, their properties as rows
    w0, wc = 16, 16
    if len(a.entries) * wc + w0 > cols:
        return d, True
    put(0, L("head"), bold=True)
    for e in a.entries:
        put(w0 + (e.lfd_nr - 1) * wc, f"! {L('col')} {e.lfd_nr}", bold=True)
    y += lh
    put(0, "-" * cols)
    y += lh
    rows = [(L("nr"), lambda e: str(e.lfd_nr)), (L("kind"), short_kind),
            (L("reg"), lambda e: sd.registered[e.lfd_nr]),
            (L("dele"), lambda e: deleted_shown(a, tpl, e) if e.deleted_on else L("none")),
            (L("decl"), lambda e: sd.one("declaration_date", e.lfd_nr).shown)]
    for label, cell in rows:
        put(0, label)
        for e in a.entries:
            put(w0 + (e.lfd_nr - 1) * wc, f"! {cell(e)}")
        y += lh
    put(0, "-" * cols)
    y += lh * 1.5
    put(0, L("parcel_head") + ":")
    y += lh
    put(2, L("gem"))
    put(28, L("flur"))
    put(36, L("fst"))
    y += lh
    for gem, flur, fst in groups(a):
        for s in fst:
            put(2, gem.upper())
            put(28, f"{flur:4d}")
            put(36, s)
            y += lh
    y += lh * 0.4
    if a.address:
        put(0, f"{L('addr')}: {a.address.upper()}")
        y += lh
    if a.grundbuch:
        put(0, f"{L('gb')}: {a.grundbuch[0].upper()} BL. {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
        y += lh
    put(0, f"{L('az')}: {a.aktenzeichen}")
    d.add("aktenzeichen")
    y += lh * 1.5
    y_bot = pg.img.height - P(16)
    width = (cols - 4) * adv
    for e in a.entries:
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year).upper(), f, pt, width)
        if y + (len(body) + 2) * lh > y_bot:
            return d, True
        put(0, f"{L('text')} {e.lfd_nr}:")
        y += lh
        for s in body:
            put(4, s)
            y += lh
        y += lh * 0.5
    d |= sd.kinds() | {"page_number"}
    return d, False


def short_kind(e: Entry) -> str:
    """The kind of Baulast as the list's narrow column holds it."""
    return dev2.type_shown(e.type).upper().replace("BAULAST", "").strip()[:14]


# --- (4) a former municipality's form, renumbered by the new one -----------------------------------------------------
def sheet_umgeschrieben(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    top = P(tpl.top)
    hand = dev2.pick(a, "s7un_hand", tuple(dev.PENS))
    ink = 20 + dev2.akte_hash(a, "s7un_ink") % 35
    old = former_authority(a)
    head = "Der Amtsdirektor" if old.startswith("Amt") else "Der Gemeindedirektor"
    y = top + P(5)
    for i, s in enumerate((old, head, "- Bauaufsicht -")):
        pg.text(x0, y, s, fb if i == 0 else f, 12 if i == 0 else 10)
        y += P(5)
    # the old number in the form's box, struck through; the new one stamped beside it
    bx = x1 - P(40)
    pg.rect((bx, top, x1, top + P(16)), 0.4)
    pg.text(bx + P(2), top + P(4.5), L("old"), f, 9)
    on = old_number(a)
    end = pg.typed(bx + P(12), top + P(12), on, fv, pt * 1.3)
    pg.hand_line(bx + P(10), top + P(12.5), end + P(2), top + P(8), w=0.45, fill=ink)
    pg.hand_line(bx + P(10), top + P(8), end + P(2), top + P(12.5), w=0.45, fill=ink)
    d.add("old_register_number")
    renum = sd.one("renumber_date")
    stamp = [(municipality_name(a), "sans_bold", 10), (L("stamp"), "sans", 8.5),
             (f"{L('number')} {number_shown(a, tpl)}", "sans_bold", 13), (renum.text, "sans", 8.5)]
    dev.rubber_stamp(pg, bx - P(6), top + P(19), stamp, anchor="rt")
    y = max(y, top + P(20)) + P(14)
    pg.text(x0, y, L("title"), fb, 19)
    y += P(8)
    end = pg.text(x0, y, L("muni"), f, 10)
    pg.hline(end + P(1), x0 + W * 0.5, y + P(0.6), 0.15, fill=60)
    pg.typed(end + P(4), y, old, fv, pt)
    y += P(12)
    pg.text(x0, y, L("parcel_head"), fb, 10.5)
    y += P(1.5)
    lh = pg.line_height(fv, pt, 1.35)
    gs = groups(a)
    box_h = lh * (len(gs) + (1 if a.address else 0)) + P(5)
    pg.rect((x0, y, x1, y + box_h), 0.3)
    y += P(2) + lh
    for gem, flur, fst in gs:
        pg.typed(x0 + P(3), y, f"{L('gem')} {gem}, {L('flur')} {flur}, {L('fst')} {', '.join(fst)}", fv, pt)
        y += lh
    if a.address:
        pg.typed(x0 + P(3), y, f"{L('addr')} {a.address}", fv, pt)
        y += lh
    y += P(10)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.75)] + [x1]
    y_bot = pg.img.height - P(20)
    y = dev3.card_table(pg, xs, y, y_bot, [L(k) for k in ("nr", "text", "reg")], f, 8, 0, 9)
    y += lh
    pad = P(1.8)
    hpt = pt * 1.15
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, xs[2] - xs[1] - 2 * pad)
        rows = max(len(body), 6 if e.deleted_on else 3)
        if y + (rows + 0.8) * lh > y_bot - P(2):
            return d, True
        pg.typed(xs[0] + pad, y, f"{n}", fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
        dev.pen(pg, xs[2] + pad, y + P(1), sd.registered[n], hand, hpt, ink)
        pg.signature(xs[2] + P(3), y + lh * 1.9, w_mm=15, h_mm=4.5, fill=ink)
        if e.deleted_on:
            dev.pen(pg, xs[2] + pad, y + lh * 3, f"{L('dele')} {deleted_shown(a, tpl, e)}", hand, hpt, ink)
            pg.signature(xs[2] + P(3), y + lh * 4.6, w_mm=13, h_mm=4, fill=ink)
            pg.hand_line(xs[1] + pad, y - lh * 0.6, xs[2] - pad, y + (len(body) - 1) * lh, w=0.35, fill=ink + 40)
        y += round((rows + 0.5) * lh)
        pg.hline(xs[0], x1, y - round(lh * 0.8), 0.2)
    pg.text(x0, pg.img.height - P(14), L("form"), f, 7)
    return d | sd.kinds(), False


SEVENTH_RENDERERS = {"film_print": sheet_film_print, "alkis_auskunft": sheet_alkis_auskunft,
                     "merkmal_liste": sheet_merkmal_liste, "umgeschrieben": sheet_umgeschrieben}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout7's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
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


TEMPLATES.update(SEVENTH_TEMPLATES)
