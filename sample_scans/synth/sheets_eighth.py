"""The heldout8 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all in this module.

The templates (``split="heldout8"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``EIGHTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import random

from PIL import Image, ImageChops, ImageDraw

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, Akte, Entry, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import FONT_FILES, Page

SPLIT = "heldout8"
dev = Later(".sheets_dev")  # pen, PENS, long_date, ink_onto (read at call time: the tests watch pen)

FONT_FILES.setdefault("free_sans_oblique", "FreeSansOblique.ttf")

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

# the ways this split prints a day
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "spaced": lambda d: f"{d.day}. {d.month}. {d.year}",  # 14. 2. 1983
    "pen": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",  # 14.2.83
    "long": lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",  # 14. Februar 1983
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day}. {MONTHS[d.month - 1]} {d.year}",  # Montag, 14. ...
}

EIGHTH_LABELS = {
    "E8_BF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Gemarkung … Band … Blatt", "gem": "Gemarkung",
              "band": "Band", "blatt": "Blatt", "muni": "Gemeinde", "nr": "Lfd.\nNr.", "parcel_head": "Belastetes",
              "parcel_head2": "Grundstück", "flur": "Flur", "fst": "Flurstück", "text": "Inhalt der Baulast",
              "change_head": "Veränderungen", "dele_head": "Löschungen", "other_gem": "Gem.", "gb": "Gb.Bl.",
              "same": "wie lfd. Nr. 1", "reg": "Eingetragen am", "sig": "Im Auftrag", "change": "Lageplan berichtigt",
              "dele": "Gelöscht am", "form": "Vordruck 63/12 – Baulastenverzeichnis", "ditto": '"'},
    "E8_DB": {**_BASE, "title": "Baulastenverzeichnis", "number": "BL-Nummer", "muni": "Gemeinde",
              "addr": "Straße/Hausnr.", "gb": "Grundbuch", "gb_blatt": "Blatt", "az": "Vorgang",
              "parcel_head": "Flurstücke", "gem": "Gemarkung", "flur": "Flur", "zaehler": "Zähler", "nenner": "Nenner",
              "entries": "Eintragungen", "nr": "Lfd.Nr", "kind": "Art der Baulast", "reg": "Datum Eintrag",
              "dele": "Datum Löschung", "text": "Inhalt:", "data": "Datenerfassung", "page": "Seite", "of": "von"},
    "E8_SF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baulasten-\nblatt-Nr.", "muni": "Gemeinde",
              "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück(e)", "addr": "Lage (Straße, Haus-Nr.)",
              "gb": "Grundbuch von / Blatt", "az": "Aktenzeichen", "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast",
              "reg_head": "Eintragungs-\nvermerk", "dele_head": "Löschungs-\nvermerk", "decl": "Erkl. v.",
              "reg": "eingetr.", "dele": "gelöscht", "form": "Vordruck BV 1 (EDV)"},
    "E8_BP": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baulastenverzeichnis … Blatt", "der": "der",
              "blatt": "Blatt", "parcel_head": "Belastetes Grundstück", "gem": "Gemarkung", "flur": "Flur",
              "fst": "Flurstück", "fsts": "Flurstücke", "and": "und", "entries": "Eintragungen",
              "baulast": "Baulast", "gone": "gelöscht", "kind": "Art", "reg": "Eintragung", "decl": "Erklärung",
              "dele": "Löschung", "gb": "Grundbuch", "gb_blatt": "Blatt", "foot": "Baulastenblatt", "stand": "Stand:",
              "page": "Seite", "of": "von"},
}
LABELS.update(EIGHTH_LABELS)

EIGHTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_e8", "typewriter_form", "E8_BF", "serif", "serif_bold", "mono", pt=10.5, margin=16,
             top=14, years=(1961, 1987), split=SPLIT, renderer="band_folio"),
    Template("db_e8", "computer_print", "E8_DB", "sans", "sans_bold", "sans", pt=10, margin=18, top=14,
             years=(1996, 2014), split=SPLIT, renderer="access_report"),
    Template("dm_e8", "dot_matrix", "E8_SF", "free_serif", "free_serif_bold", "dv_mono", pt=10, margin=14, top=12,
             years=(1983, 1999), split=SPLIT, renderer="strip_form"),
    Template("lp_e8", "modern_grid", "E8_BP", "free_sans", "free_sans_bold", "free_sans_oblique", pt=10, margin=20,
             top=12, years=(2011, 2024), split=SPLIT, renderer="band_print"),
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
    """The register number as the sheet prints it (the needle-printed form as the program stores it, on some
    sheets with four digits)."""
    if tpl.renderer == "strip_form" and dev2.pick(a, "e8sf_num", (False, True)):
        return dev2.number_shown(a, "edv")
    return a.register_display


def roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")[n - 1]


def band(a: Akte) -> str:
    """The volume of the Gemarkung's register the sheet is filed in."""
    return roman(1 + dev2.akte_hash(a, "e8bf_band") % 6)


def split_parcel(fst: str) -> tuple[str, str]:
    """(Zähler, Nenner) of a Flurstück: '45/2' -> ('45', '2'), '45' -> ('45', '')."""
    z, _, n = fst.partition("/")
    return z, n


def show(fmt: str, day: dt.date) -> str:
    return FORMATS[fmt](day)


def said(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(fmt, day), before, after, lfd_nr)


def reg_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints its entries' registration days."""
    if tpl.renderer == "band_folio":
        return dev2.pick(a, "e8bf_fmt", ("long", "numeric", "spaced", "long"))
    if tpl.renderer == "strip_form":
        return "short"
    return "numeric"


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = reg_fmt(a, tpl)
    return {e.lfd_nr: show(fmt, e.registered_on) for e in a.entries}


def user(a: Akte) -> str:
    return a.entries[-1].clerk


def changes(a: Akte, e: Entry) -> dt.date | None:
    """The folio's later note in the Veränderungen column of an entry, on some entries."""
    if not dev2.pick(a, f"e8bf_has_ch{e.lfd_nr}", (True, False, False)):
        return None
    return dev3.changed(a, e, "e8bf_ch")


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout8 sheet of this Akte prints besides the Eintragungsdaten."""
    L, r, ms = tpl.label, tpl.renderer, []
    if r == "band_folio":
        for e in a.entries:
            ch = changes(a, e)
            if ch:
                ms.append(said("change_date", ch, "short", L("change") + " am ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "short", L("dele") + " ", "", e.lfd_nr))
    elif r == "access_report":
        for e in a.entries:
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "numeric", "", "", e.lfd_nr))
        data = dev3.after_all(a, ms, "e8db_data")
        ms.append(said("data_date", data, "numeric", f"{L('data')}: ", f" ({user(a)})"))
        ms.append(said("print_date", dev3.offset(a, "e8db_print", data, 1, 700), "weekday"))
    elif r == "strip_form":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), "short", "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "pen", "", "", e.lfd_nr))
    else:
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), "numeric", f"{L('decl')}: ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "numeric", f"{L('dele')}: ", "", e.lfd_nr))
        ms.append(said("print_date", dev3.after_all(a, ms, "e8bp_print"), "numeric", f"{L('stand')} "))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), reg_fmt(a, tpl))


def dotted(pg: Page, xa: float, xb: float, y: float, fill: int = 130) -> None:
    """A printed dotted line to write on."""
    step, r = pg.px(1.2), max(1, pg.px(0.1))
    x = xa
    while x < xb:
        pg.draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        x += step


# --- (1) a printed folio of a Gemarkung's register volume, filled in on a typewriter --------------------------------
def sheet_band_folio(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"volume_number"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.3)
    top = P(tpl.top)
    year = a.entries[0].registered_on.year
    y = top + P(3)
    for s in dev2.period_authority(a, year):
        pg.typed(x0, y, s, fv, pt)
        y += lh
    pg.text(x1, top + P(1), L("form"), f, 7, anchor="rs")
    y += P(9)
    pg.text((x0 + x1) // 2, y, L("title"), fb, 20, anchor="ms")
    y += P(13)
    home = a.parcels[0].gemarkung
    for label, value, c0, c1 in ((L("gem"), home, 0.0, 0.5), (L("band"), band(a), 0.53, 0.68),
                                 (L("blatt"), number_shown(a, tpl), 0.71, 1.0)):
        end = pg.text(x0 + W * c0, y, label, fb, 12.5)
        dotted(pg, end + P(1.5), x0 + W * c1, y + P(1.2))
        pg.typed(end + P(4), y - P(0.6), value, fv, pt * 1.15)
        if label == L("blatt"):  # the number struck twice, a hair apart, to stand out
            pg.typed(end + P(4) + max(1, P(0.12)), y - P(0.6), value, fv, pt * 1.15)
    y += P(9)
    end = pg.text(x0, y, L("muni"), f, 10.5)
    dotted(pg, end + P(1.5), x0 + W * 0.5, y + P(1.2))
    pg.typed(end + P(4), y - P(0.6), municipality_name(a), fv, pt)
    y += P(8)
    # the ruled table, its columns numbered as on a Grundbuch page
    xs = [x0 + round(W * c) for c in (0, 0.06, 0.13, 0.27, 0.72, 0.86)] + [x1]
    y_bot = pg.img.height - P(16)
    head_h, sub = P(13), P(7)
    pg.rect((x0, y, x1, y_bot), 0.4)
    for i, xx in enumerate(xs[1:-1], 1):
        pg.vline(xx, y + (sub if i == 2 else 0), y_bot, 0.3)
    pg.hline(xs[1], xs[3], y + sub, 0.25)
    pg.text((xs[1] + xs[3]) // 2, y + P(3.2), L("parcel_head"), f, 7.5, anchor="ms")
    pg.text((xs[1] + xs[3]) // 2, y + P(6.2), L("parcel_head2"), f, 7.5, anchor="ms")
    for j, s in enumerate(L("nr").split("\n")):
        pg.text((xs[0] + xs[1]) // 2, y + P(5 + 3.4 * j), s, f, 7.5, anchor="ms")
    pg.text((xs[1] + xs[2]) // 2, y + P(11), L("flur"), f, 7.5, anchor="ms")
    pg.text((xs[2] + xs[3]) // 2, y + P(11), L("fst"), f, 7.5, anchor="ms")
    for i, key in ((3, "text"), (4, "change_head"), (5, "dele_head")):
        pg.text((xs[i] + xs[i + 1]) // 2, y + P(7.5), L(key), f, 8.5, anchor="ms")
    y += head_h
    pg.hline(x0, x1, y, 0.3)
    for i, s in enumerate(("1", "2", "3", "4", "5", "6")):
        pg.text((xs[i] + xs[i + 1]) // 2, y + P(3.3), s, f, 7, anchor="ms")
    y += P(4.5)
    pg.hline(x0, x1, y, 0.3)
    y += lh + P(1)
    pad = P(1.5)
    ditto = dev2.pick(a, "e8bf_ditto", (False, True))
    repeat = dev2.pick(a, "e8bf_repeat", (False, True, False))
    wide = xs[3] - xs[1] - 2 * pad
    for e in a.entries:
        n = e.lfd_nr
        left: list[tuple[str, str]] = []  # (Flur cell, Flurstück cell); a line across both where the Flur is ""
        if n == 1 or repeat:
            for gem, flur, fst in groups(a):
                if gem != home:
                    left += [("", s) for s in pg.wrap(f"{L('other_gem')} {gem}", fv, pt, wide)]
                for k, s in enumerate(fst):
                    left.append((str(flur) if k == 0 or not ditto else L("ditto"), s))
            if a.grundbuch and n == 1:
                left += [("", s) for s in pg.wrap(f"{L('gb')} {a.grundbuch[1]}", fv, pt, wide)]
                d.add("grundbuch_blatt")
        else:
            left += [(" ", s) for s in pg.wrap(L("same"), fv, pt, xs[3] - xs[2] - 2 * pad)]  # in the Flurstück column
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, xs[4] - xs[3] - 2 * pad)
        reg = dev3.date_lines(pg, f"{L('reg')} ", sd.registered[n], "", fv, pt, xs[4] - xs[3] - 2 * pad)
        mid = body + [""] + reg + [L("sig"), ""]
        ch = sd.one("change_date", n)
        col4 = pg.wrap(L("change"), fv, pt, xs[5] - xs[4] - 2 * pad) + ["am", ch.shown] if ch else []
        col5 = ["Gelöscht", "am", sd.one("deletion_date", n).shown, ""] if e.deleted_on else []
        rows = max(len(left), len(mid), len(col4), len(col5))
        if y + rows * lh > y_bot - P(2):
            return d, True
        pg.typed(xs[0] + pad, y, f"{n}.", fv, pt)
        for i, (fl, s) in enumerate(left):
            if fl:
                pg.typed(xs[1] + pad, y + i * lh, fl, fv, pt)
                pg.typed(xs[2] + pad, y + i * lh, s, fv, pt)
            else:
                pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
        for i, s in enumerate(mid):
            if s:
                pg.typed(xs[3] + pad, y + i * lh, s, fv, pt)
        sig_y = y + (len(mid) - 2) * lh + round(lh * 0.3)  # beside "Im Auftrag", clear of the date above it
        pg.signature(xs[3] + pad + pg.width(L("sig") + "  ", fv, pt), sig_y, w_mm=24, h_mm=4,
                     fill=pg.rng.randrange(25, 70))
        for i, s in enumerate(col4):
            pg.typed(xs[4] + pad, y + i * lh, s, fv, pt)
        if col5:
            for i, s in enumerate(col5[:3]):
                pg.typed(xs[5] + pad, y + i * lh, s, fv, pt)
            pg.signature(xs[5] + pad, y + 3.6 * lh, w_mm=14, h_mm=4.5, fill=pg.rng.randrange(25, 70))
            ink = pg.rng.randrange(60, 110)
            pg.hand_line(xs[3] + pad, y - lh * 0.7, xs[4] - pad, y + (len(body) - 1) * lh, w=0.4, fill=ink)
            pg.hand_line(xs[3] + pad, y + (len(body) - 1) * lh, xs[4] - pad, y - lh * 0.7, w=0.4, fill=ink)
        y += rows * lh
        pg.hline(x0, x1, y - round(lh * 0.6), 0.25)
        y += round(lh * 0.6)
    return d | sd.kinds(), False


# --- (2) a desktop database's report, printed on a laser printer ----------------------------------------------------
def sheet_access_report(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.4)
    y = P(tpl.top) + P(8)
    pg.text(x0, y, L("title"), fb, 18)
    pg.text(x1, y, municipality_name(a), fb, 12, anchor="rs")
    y += P(3)
    pg.hline(x0, x1, y, 0.8)
    y += P(10)
    cap = x0 + round(W * 0.22)
    rows = [(L("number"), number_shown(a, tpl), fb, pt * 1.3), (L("muni"), a.municipality, f, pt)]
    if a.address:
        rows.append((L("addr"), a.address, f, pt))
    if a.grundbuch:
        rows.append((L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt))
        d.add("grundbuch_blatt")
    rows.append((L("az"), a.aktenzeichen, f, pt))
    d.add("aktenzeichen")
    for label, value, font, size in rows:
        pg.text(x0, y, f"{label}:", fb, pt * 0.9)
        pg.text(cap, y, value, font, size)
        y += round(lh * 1.15)
    y += P(5)
    pg.text(x0, y, L("parcel_head"), fb, pt * 1.1)
    y += P(2.5)
    cs = [x0 + round(W * c) for c in (0, 0.36, 0.5, 0.66)] + [x0 + round(W * 0.82)]
    th = P(6)
    pg.rect((cs[0], y, cs[-1], y + th), 0.2, fill=215, outline=160)
    for c, key in zip(cs, ("gem", "flur", "zaehler", "nenner")):
        pg.text(c + P(1.5), y + th * 0.72, L(key), fb, pt * 0.9)
    y += th
    for p in a.parcels:
        z, nn = split_parcel(p.flurstueck)
        for c, s in zip(cs, (p.gemarkung, str(p.flur), z, nn)):
            if s:
                pg.text(c + P(1.5), y + th * 0.72, s, f, pt)
        y += th
        pg.hline(cs[0], cs[-1], y, 0.1, fill=170)
    y += P(9)
    pg.text(x0, y, L("entries"), fb, pt * 1.1)
    y += P(2.5)
    es = [x0 + round(W * c) for c in (0, 0.1, 0.45, 0.67)] + [x0 + round(W * 0.89)]
    pg.rect((es[0], y, x1, y + th), 0.2, fill=215, outline=160)
    for c, key in zip(es, ("nr", "kind", "reg", "dele")):
        pg.text(c + P(1.5), y + th * 0.72, L(key), fb, pt * 0.9)
    y += th + lh
    y_bot = pg.img.height - P(30)
    for e in a.entries:
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, x1 - es[1] - P(3))
        if y + (len(body) + 2.2) * lh > y_bot:
            return d, True
        dele = sd.one("deletion_date", e.lfd_nr)
        for c, s in zip(es, (str(e.lfd_nr), dev2.type_shown(e.type), sd.registered[e.lfd_nr],
                             dele.shown if dele else "")):
            if s:
                pg.text(c + P(1.5), y, s, f, pt)
        y += lh
        pg.text(es[0] + P(1.5), y, L("text"), fb, pt * 0.85)
        y0 = y - lh + P(1.5)
        for s in body:
            pg.text(es[1] + P(1.5), y, s, f, pt)
            y += lh
        pg.rect((es[1], y0, x1, y - lh + P(2)), 0.15, outline=150)
        y += round(lh * 0.6)
        pg.hline(x0, x1, y - lh + P(1), 0.1, fill=190)
    y += P(2)
    pg.text(x0, y, sd.one("data_date").text, f, pt * 0.85)
    yf = pg.img.height - P(16)
    pg.text(x0, yf, sd.one("print_date").text, f, 9)
    pg.text(x1, yf, f"{L('page')} {page_no} {L('of')} 1", f, 9, anchor="rs")
    return d | sd.kinds(), False


# --- (3) a printed continuous form, filled in by a needle printer, deletions written by pen -----------------------
def needle_layer(pg: Page) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """Draw the needle printer's text onto a fresh layer of the same page (swap back with ``needle_down``)."""
    saved = (pg.img, pg.draw)
    pg.img = Image.new("L", saved[0].size, 255)
    pg.draw = ImageDraw.Draw(pg.img)
    return saved


def needle_down(pg: Page, saved, dx: int, dy: int) -> None:
    """Lay the printer's layer on the form, off register by (dx, dy) (the pin rows come with the page's style)."""
    layer = pg.img
    shifted = Image.new("L", layer.size, 255)
    shifted.paste(layer, (dx, dy))
    form, draw = saved
    pg.img = ImageChops.darker(form, shifted)
    pg.draw = ImageDraw.Draw(pg.img)


def seal(pg: Page, cx: float, cy: float, name: str) -> None:
    """The authority's round service seal, pressed beside a signature."""
    P = pg.px
    r = P(11)
    ink = pg.rng.randrange(80, 130)
    layer = Image.new("L", (2 * r + 4, 2 * r + 4), 255)
    dr = ImageDraw.Draw(layer)
    w = max(1, P(0.35))
    dr.ellipse((2, 2, 2 * r + 1, 2 * r + 1), outline=ink, width=w)
    dr.ellipse((P(3), P(3), 2 * r + 4 - P(3), 2 * r + 4 - P(3)), outline=ink, width=w)
    fo = pg.font("sans_bold", 5.5)
    for j, s in enumerate(name.upper().split(" ", 1)):
        dr.text((r + 2, r + 2 + (j - 0.5) * P(2.8)), s, font=fo, fill=ink, anchor="mm")
    dev.ink_onto(pg, layer, cx - r, cy - r, tilt=10)


def sheet_strip_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.3)
    top = P(tpl.top)
    year = a.entries[0].registered_on.year
    # the printed form: the authority, the title, the head strip and the ruled table
    for i, s in enumerate(dev2.period_authority(a, year)):
        pg.text(x0, top + P(4) + i * P(4.4), s, fb if i == 0 else f, 10.5 if i == 0 else 9)
    pg.text(x1, top + P(8), L("title"), fb, 17, anchor="rs")
    y = top + P(22)
    gs = groups(a)
    fst_w = W * 0.29 - P(4)
    fst_lines = [pg.wrap(", ".join(fst), fv, pt, fst_w) for _, _, fst in gs]
    n_lines = sum(len(x) for x in fst_lines)
    cs = [x0 + round(W * c) for c in (0, 0.18, 0.42, 0.49, 0.78)] + [x1]
    box_h = P(6) + n_lines * lh + P(2)
    box_h = max(box_h, P(6) + round(lh * 1.5) + P(3))
    pg.rect((x0, y, x1, y + box_h), 0.3)
    for c in cs[1:-1]:
        pg.vline(c, y, y + box_h, 0.2)
    for c, key in zip(cs, ("muni", "gem", "flur", "fst", "number")):
        for j, s in enumerate(L(key).split("\n")):
            pg.text(c + P(1.2), y + P(3) + j * P(2.8), s, f, 7)
    y2 = y + box_h + P(2)
    cs2 = [x0 + round(W * c) for c in (0, 0.45, 0.75)] + [x1]
    row2 = P(6) + lh + P(2)
    pg.rect((x0, y2, x1, y2 + row2), 0.3)
    for c in cs2[1:-1]:
        pg.vline(c, y2, y2 + row2, 0.2)
    for c, key in zip(cs2, ("addr", "gb", "az")):
        pg.text(c + P(1.2), y2 + P(3), L(key), f, 7)
    y3 = y2 + row2 + P(6)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.64, 0.82)] + [x1]
    y_bot = pg.img.height - P(16)
    y_tab = dev3.card_table(pg, xs, y3, y_bot, [L("nr"), L("text"), L("reg_head"), L("dele_head")], f, 8, 0, 9)
    pg.text(x0, pg.img.height - P(9), L("form"), f, 7)
    # what the needle printer filled in, off register by a millimetre or two
    dx = P((dev2.akte_hash(a, "e8sf_dx") % 23 - 6) / 10)
    dy = P((dev2.akte_hash(a, "e8sf_dy") % 19 - 7) / 10)
    saved = needle_layer(pg)
    vy = y + P(6) + lh * 0.8
    pg.text(cs[0] + P(2.5), vy, a.municipality, fv, pt)
    yy = vy
    for (gem, flur, _), lines in zip(gs, fst_lines):
        pg.text(cs[1] + P(2.5), yy, gem, fv, pt)
        pg.text(cs[2] + P(2.5), yy, str(flur), fv, pt)
        for s in lines:
            pg.text(cs[3] + P(2.5), yy, s, fv, pt)
            yy += lh
    pg.text((cs[4] + cs[5]) // 2, vy + P(2.5), number_shown(a, tpl), fv, pt * 1.4, anchor="ms")
    vy2 = y2 + P(6) + lh * 0.8
    if a.address:
        pg.text(cs2[0] + P(2.5), vy2, a.address, fv, pt)
    if a.grundbuch:
        pg.text(cs2[1] + P(2.5), vy2, f"{a.grundbuch[0]} / {a.grundbuch[1]}", fv, pt)
        d.add("grundbuch_blatt")
    pg.text(cs2[2] + P(2.5), vy2, a.aktenzeichen, fv, pt)
    y = y_tab + lh
    pad = P(1.5)
    spans = []
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, xs[2] - xs[1] - 2 * pad)
        vermerk = [L("decl"), sd.one("declaration_date", n).shown, L("reg"), sd.registered[n]]
        rows = max(len(body), len(vermerk) + 2, 6 if e.deleted_on else 0)
        if y + rows * lh > y_bot - P(2):
            pg.img, pg.draw = saved
            return d, True
        pg.text(xs[0] + pad, y, f"{n}", fv, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + pad, y + i * lh, s, fv, pt)
        for i, s in enumerate(vermerk):
            pg.text(xs[2] + pad, y + i * lh, s, fv, pt)
        spans.append((e, y, len(body), len(vermerk)))
        y += rows * lh
        y += round(lh * 0.4)
    needle_down(pg, saved, dx, dy)
    # signatures, the rules between entries, and the deletions written by pen with the seal beside them
    hand = dev2.pick(a, "e8sf_hand", tuple(dev.PENS))
    for e, ey, nb, nv in spans:
        rows = max(nb, nv + 2, 6 if e.deleted_on else 0)
        pg.signature(xs[2] + pad, ey + (nv + 0.8) * lh, w_mm=18, h_mm=5, fill=pg.rng.randrange(30, 80))
        pg.hline(x0, x1, ey + rows * lh - round(lh * 0.55), 0.2)
        if e.deleted_on:
            ink = 25 + dev2.akte_hash(a, f"e8sf_ink{e.lfd_nr}") % 40
            dev.pen(pg, xs[3] + pad, ey, L("dele"), hand, pt * 1.15, ink)
            dev.pen(pg, xs[3] + pad, ey + lh * 1.3, sd.one("deletion_date", e.lfd_nr).shown, hand, pt * 1.2, ink)
            pg.signature(xs[3] + pad, ey + lh * 2.8, w_mm=14, h_mm=4.5, fill=ink)
            seal(pg, xs[3] + (xs[4] - xs[3]) * 0.62, ey + lh * 4.2, municipality_name(a))
            pg.hand_line(xs[1] + pad, ey - lh * 0.6, xs[2] - pad, ey + (nb - 1) * lh, w=0.35, fill=ink + 30)
    return d | sd.kinds(), False


# --- (4) a recent print with a shaded title band, the parcels after the street, entries as blocks -------------------
def sheet_band_print(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "grundbuch_blatt"} if a.grundbuch else {"page_number"}
    f, fb, fi = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.4)
    top = P(tpl.top)
    year = a.entries[0].registered_on.year
    auth = dev2.period_authority(a, year)
    for i, s in enumerate(auth):
        pg.text(x1, top + P(3) + i * P(4.2), s, fb if i == 0 else f, 10 if i == 0 else 8.5, anchor="rs")
    # a simple crest: a shield outline at the left
    sx, sy = x0, top
    pg.draw.polygon([(sx, sy), (sx + P(9), sy), (sx + P(9), sy + P(7)), (sx + P(4.5), sy + P(11)),
                     (sx, sy + P(7))], outline=60, width=max(1, P(0.4)))
    y = top + P(4.2) * len(auth) + P(6)
    band_h = P(11)
    shade = 70 + dev2.akte_hash(a, "e8bp_shade") % 50
    pg.draw.rectangle((x0, y, x1, y + band_h), fill=shade)
    title = f"{L('title')} {L('der')} {municipality_name(a)}"
    pg.text(x0 + P(3), y + band_h * 0.68, title, fb, 12.5, fill=255)
    pg.text(x1 - P(3), y + band_h * 0.68, f"{L('blatt')} {number_shown(a, tpl)}", fb, 14, fill=255, anchor="rs")
    y += band_h + P(11)
    pg.text(x0, y, L("parcel_head"), fb, pt * 1.15)
    y += P(1.8)
    pg.hline(x0, x1, y, 0.3, fill=110)
    y += lh
    parts = []
    for gem, flur, fst in groups(a):
        word = L("fsts") if len(fst) > 1 else L("fst")
        nums = dev2.words_list(fst, L("and"))
        parts.append(f"{L('gem')} {gem}, {L('flur')} {flur}, {word} {nums}")
    where = "; ".join(parts)
    line = f"{a.address}, {a.municipality} ({where})" if a.address else f"{a.municipality}, {where}"
    for s in pg.wrap(line, f, pt, W):
        pg.text(x0, y, s, f, pt)
        y += lh
    if a.grundbuch:
        pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt * 0.9, fill=70)
        y += lh
    y += P(6)
    pg.text(x0, y, L("entries"), fb, pt * 1.15)
    y += P(1.8)
    pg.hline(x0, x1, y, 0.3, fill=110)
    y += lh + P(1)
    y_bot = pg.img.height - P(26)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, W - P(6))
        meta = [f"{L('kind')}: {dev2.type_shown(e.type)}", f"{L('reg')}: {sd.registered[n]}",
                sd.one("declaration_date", n).text]
        if e.deleted_on:
            meta.append(sd.one("deletion_date", n).text)
        meta_lines = pg.wrap(" · ".join(meta), fi, pt * 0.9, W - P(6))
        if y + (len(body) + len(meta_lines) + 2) * lh > y_bot:
            return d, True
        head = f"{L('baulast')} {n}" + (f" – {L('gone')}" if e.deleted_on else "")
        pg.text(x0, y, head, fb, pt * 1.05)
        y += round(lh * 1.1)
        grey = 110 if e.deleted_on else 0
        for s in body:
            pg.text(x0 + P(6), y, s, f, pt, fill=grey)
            y += lh
        for s in meta_lines:
            pg.text(x0 + P(6), y, s, fi, pt * 0.9, fill=60)
            y += lh
        y += round(lh * 0.7)
    yf = pg.img.height - P(18)
    pg.hline(x0, x1, yf, 0.25, fill=110)
    foot = f"{L('foot')} {number_shown(a, tpl)} · {sd.one('print_date').text}"
    pg.text(x0, yf + P(4.5), foot, f, 8)
    pg.text(x1, yf + P(4.5), f"{L('page')} {page_no} {L('of')} 1", f, 8, anchor="rs")
    return d | sd.kinds(), False


EIGHTH_RENDERERS = {"band_folio": sheet_band_folio, "access_report": sheet_access_report,
                    "strip_form": sheet_strip_form, "band_print": sheet_band_print}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout8's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
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


TEMPLATES.update(EIGHTH_TEMPLATES)
