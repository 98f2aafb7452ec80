"""The heldout5 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all in this module.

The templates (``split="heldout5"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``FIFTH_RENDERERS`` and ``assemble.random_spec`` calls
``spec_draws`` for this split only. Every date a sheet prints is planned by ``sheet_dates(a, tpl)`` from the Akte
alone (``sheets_dev3.SheetDates`` of ``sheets_dev3.Mention``): no mention is on an entry's registration or deletion
day except ``deletion_date``, which is the entry's deletion. The renderers only read from the Akte, so the truth is
the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
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
from . import sheets_dev5 as dev5
from .content import KIND, Akte, Entry
from .layouts import _BASE, LABELS, TEMPLATES, Template, flur_groups
from .render import Page

SPLIT = "heldout5"
dev = Later(".sheets_dev")  # pen, PENS, long_date, part_entries (read at call time: the tests watch sheets_dev.pen)

FIFTH_LABELS = {
    "F5_GB": {**_BASE, "title": "Baulastenverzeichnis", "von": "von", "number": "Baulasten-Blatt",
              "s1": "Belastete Grundstücke", "s2": "Baulasten", "s3": "Löschungen", "gnr": "Lfd. Nr.\nd. Grdst.",
              "gem": "Gemarkung", "flur": "Flur",
              "fst": "Flurstück", "addr": "Lage", "gb": "Grundbuch von", "gb_blatt": "Blatt", "az": "Akt.-Z.",
              "nr": "Lfd.\nNr.", "ref": "Lfd. Nr. der\nbel. Grdst.", "text": "Inhalt der Baulast",
              "del_nr": "Lfd. Nr.\nSp. 1", "del_text": "Löschungsvermerk",
              "decl": ("Unter Bezugnahme auf die Verpflichtungserklärung vom ", "."),
              "reg": ("Eingetragen am ", "."), "waiver": ("Auf Grund des Verzichts vom ", " gelöscht am ", "."),
              "form": "Vordruck Bauaufsicht Nr. 14"},
    "F5_CT": {**_BASE, "title": "Baulastenverzeichnis", "number": "Lfd. Nr. des Blattes", "parcel": "Grundstück:",
              "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "addr": "Lage:", "gb": "Grundbuch von",
              "gb_blatt": "Blatt", "az": "Aktenzeichen:", "stand": "Stand: ", "nr": "Lfd.\nNr.",
              "text": "Inhalt der Baulast", "reg": "Tag der\nEintragung", "rem": "Löschung", "kind": "Art:",
              "decl": ("Grundlage: Verpflichtungserklärung vom ", ""), "dele": ("gelöscht am ", ""),
              "waiver": ("(Verzicht v. ", ")"), "cont": "Fortsetzungsblatt", "more": "– Fortsetzung auf Seite 2 –",
              "page": "Seite", "of": "von"},
    "F5_AK": {**_BASE, "title": "Baulastenverzeichnis", "sub": "Baulastenblatt", "number": "Baulastenblattnummer",
              "parcels": "Belastete Flurstücke", "muni": "Gemeinde", "no": "Nr.", "gem": "Gemarkung",
              "gem_no": "Gmkg.-Nr.",
              "flur": "Flur", "fst": "Flurstück", "key": "Flurstückskennzeichen", "addr": "Lage", "gb": "Grundbuch",
              "gb_blatt": "Blatt", "az": "Aktenzeichen", "print": "Ausdruck vom ", "entry": "Lfd. Nr.",
              "kind": "Art der Baulast", "decl": ("Antrag auf Eintragung vom ", ""),
              "reg": "Eingetragen:", "dele": "Gelöscht:", "den": ", den ", "ia": "Im Auftrag", "page": "Seite",
              "of": "von", "note": "Dieser Ausdruck gibt den Inhalt des Baulastenblattes am Tag des Ausdrucks wieder."},
    "F5_CC": {**_BASE, "title": "Baulastenverzeichnis von", "number": "Verz.-Blatt Nr.", "copy": "- Durchschrift -",
              "parcel": "Grundstück:", "gem": "Gem.", "flur": "Fl.", "fst": "Flst.", "and": "u.", "addr": "Lage:",
              "gb": "Grundbuch von", "gb_blatt": "Bl.", "az": "Az.:", "entry": "Lfd. Nr.",
              "rem": "Bemerkungen:", "decl": ("Erkl. vom ", ""),
              "reg": (("Eingetragen am ", "."), ("Eingetr. am ", ""), ("Tag der Eintragung: ", "")),
              "dele": "Gelöscht am ", "den": ", den ", "ia": "I. A."},
}
LABELS.update(FIFTH_LABELS)

FIFTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_f5", "typewriter_form", "F5_GB", "dv_serif_cond", "dv_serif_cond_bold", "free_mono", pt=10.5,
             margin=14, top=12, years=(1958, 1986), split=SPLIT, renderer="grundbuch_style"),
    Template("cp_f5", "computer_print", "F5_CT", "free_sans", "free_sans_bold", "free_sans", pt=10, margin=22,
             top=14, years=(1992, 2014), split=SPLIT, renderer="continued_table"),
    Template("mg_f5", "modern_grid", "F5_AK", "dv_cond", "dv_cond_bold", "dv_cond", pt=9.5, margin=16, top=12,
             years=(2004, 2024), split=SPLIT, renderer="alkis_extract"),
    Template("xx_f5", "typewriter_form", "F5_CC", "mono", "mono_bold", "mono", pt=11, margin=24, top=18,
             years=(1955, 1979), split=SPLIT, renderer="carbon_copy"),
)}


# --- what each template prints --------------------------------------------------------------------------------
def show(d: dt.date, fmt: str) -> str:
    return dev3.FORMATS[fmt](d)


def plan_grundbuch(a: Akte, L) -> dev3.SheetDates:
    fmt = dev2.pick(a, "f5gb_fmt", ("long", "long", "numeric", "spaced"))
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        if n == 1 or dev2.pick(a, f"f5gb_decl{n}", (True, False)):
            ms.append(dev3.mention("declaration_date", dev3.declared(a, e), fmt, *L("decl"), n))
        if e.deleted_on:
            before, mid, after = L("waiver")
            ms.append(dev3.mention("waiver_date", dev3.waived(a, e), fmt, before, "", n))
            ms.append(dev3.mention("deletion_date", e.deleted_on, fmt, mid.strip() + " ", after, n))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, fmt) for e in a.entries}, tuple(ms), fmt)


def plan_continued(a: Akte, L) -> dev3.SheetDates:
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        ms.append(dev3.mention("declaration_date", dev3.declared(a, e), "numeric", *L("decl"), n))
        if e.deleted_on:
            ms.append(dev3.mention("deletion_date", e.deleted_on, "numeric", *L("dele"), n))
            if dev2.pick(a, f"f5ct_waiver{n}", (True, False)):
                ms.append(dev3.mention("waiver_date", dev3.waived(a, e), "numeric", *L("waiver"), n))
    ms.insert(0, dev3.mention("print_date", dev3.after_all(a, ms, "f5ct_stand"), "numeric", L("stand")))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, "numeric") for e in a.entries}, tuple(ms))


def plan_alkis(a: Akte, L) -> dev3.SheetDates:
    here = f"{dev3.place(a)}{L('den')}"
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        ms.append(dev3.mention("declaration_date", dev3.received(a, e), "numeric", *L("decl"), n))
        if e.deleted_on:
            ms.append(dev3.mention("deletion_date", e.deleted_on, "numeric", here, "", n))
    ms.insert(0, dev3.mention("print_date", dev3.after_all(a, ms, "f5ak_print"), "numeric", L("print")))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, "numeric") for e in a.entries}, tuple(ms))


def plan_carbon(a: Akte, L) -> dev3.SheetDates:
    how = dev2.akte_hash(a, "f5cc_how") % 3
    fmt = dev2.pick(a, "f5cc_fmt", ("numeric", "numeric", "spaced", "short"))
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        if dev2.pick(a, f"f5cc_decl{n}", (True, True, False)):
            ms.append(dev3.mention("declaration_date", dev3.declared(a, e), fmt, *L("decl"), n))
        if e.deleted_on:  # written on the copy by pen afterwards
            fmt_pen = "pen" if e.deleted_on.year < 2000 else "numeric"
            ms.append(dev3.mention("deletion_date", e.deleted_on, fmt_pen, L("dele"), "", n))
    # the copy was typed some days after the last registration; where an entry was deleted before that day the
    # deletion would have been typed too, so such a copy carries no date line
    day = dev3.offset(a, "f5cc_day", a.entries[-1].registered_on, 2, 40)
    if dev2.pick(a, "f5cc_copy", (True, True, False)) and all(e.deleted_on > day for e in a.entries if e.deleted_on):
        ms.append(dev3.mention("letter_date", day, "numeric", f"{dev3.place(a)}{L('den')}"))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, fmt) for e in a.entries}, tuple(ms), str(how))


PLANS = {"grundbuch_style": plan_grundbuch, "continued_table": plan_continued, "alkis_extract": plan_alkis,
         "carbon_copy": plan_carbon}


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout5 sheet of this Akte prints."""
    return PLANS[tpl.renderer](a, tpl.label)


def registration(a: Akte, tpl: Template, e: Entry) -> str:
    """The phrase that registers an entry, as printed (the date as ``sheet_dates`` shows it)."""
    L, shown = tpl.label, sheet_dates(a, tpl).registered[e.lfd_nr]
    if tpl.renderer == "grundbuch_style":
        return f"{L('reg')[0]}{shown}{L('reg')[1]}"
    if tpl.renderer == "carbon_copy":
        before, after = L("reg")[int(sheet_dates(a, tpl).how)]
        return f"{before}{shown}{after}"
    if tpl.renderer == "alkis_extract":
        return f"{dev3.place(a)}{L('den')}{shown}"
    return shown


def gemarkung_number(name: str) -> str:
    """The Gemarkung's four-digit number in the cadastre (made up, stable per Gemarkung)."""
    return f"{1000 + zlib.crc32(('gmkno5:' + name).encode()) % 9000:04d}"


def alkis_key(gemarkung: str, flur: int, flurstueck: str) -> str:
    """The 20-character ALKIS Flurstückskennzeichen: Land 05, Gemarkung, Flur, Zähler, Nenner, Folge."""
    z, _, n = flurstueck.partition("/")
    return f"05{gemarkung_number(gemarkung)}{flur:03d}{int(z):05d}{f'{int(n):04d}' if n else '____'}__"


def parcel_phrases(a: Akte, L) -> list[str]:
    """'Gem. X, Fl. 3, Flst. 45, 46 u. 47' per Flur."""
    return [f"{L('gem')} {a.parcels[0].gemarkung}, {L('flur')} {flur}, {L('fst')} {dev2.words_list(fst, L('and'))}"
            for flur, fst in flur_groups(a.parcels)]


# --- (1) a typed register sheet on a printed form laid out like a Grundbuch -------------------------------------
def sheet_grundbuch_style(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    top = P(tpl.top)
    grey = 60
    pg.typed(x0, top + P(6), auth[0], fv, pt)
    pg.typed(x0, top + P(6) + pg.line_height(fv, pt, 1.3), auth[-1], fv, pt)
    # the number's box in the top right corner, as on a Grundbuch sheet
    bx = x1 - P(46)
    pg.rect((bx, top, x1, top + P(16)), 0.5, outline=grey)
    pg.text(bx + P(3), top + P(6), L("number"), fb, 11, fill=grey)
    pg.typed(bx + P(8), top + P(13), dev2.number_shown(a, "display"), fv, pt * 1.5)
    y = top + P(28)
    cx = (x0 + x1) // 2
    pg.text(cx, y, L("title"), fb, 17, fill=grey, anchor="ms")
    y += P(8)
    end = pg.text(cx - P(40), y, L("von"), f, 11, fill=grey)
    pg.hline(end + P(2), cx + P(45), y + P(1), 0.2, fill=grey)
    pg.typed(end + P(6), y, a.municipality, fv, pt * 1.1)
    y += P(7)
    gb = f"{L('gb')} {a.grundbuch[0]}  {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else ""
    pg.text(x0, y, L("az"), f, 9, fill=grey)
    pg.typed(x0 + P(14), y, a.aktenzeichen, fv, pt * 0.95)
    if gb:
        pg.typed(x1 - pg.width(gb, fv, pt * 0.95) - P(2), y, gb, fv, pt * 0.95)
        d.add("grundbuch_blatt")
    d.add("aktenzeichen")
    y += P(5)
    lh = pg.line_height(fv, pt, 1.35)
    # section I: one row per burdened parcel
    pg.text(x0, y + P(4), f"I.  {L('s1')}", fb, 10.5, fill=grey)
    y += P(6)
    cs = [x0 + round(W * c) for c in (0, 0.1, 0.36, 0.46, 0.62)] + [x1]
    y_head = dev3.card_table(pg, cs, y, y + P(9) + lh * (len(a.parcels) + 0.6),
                             [L(k) for k in ("gnr", "gem", "flur", "fst", "addr")], f, 8, grey, 9)
    yy = y_head + lh
    for i, p in enumerate(a.parcels):
        cells = [f"{i + 1}", p.gemarkung, str(p.flur), p.flurstueck, (a.address or "") if i == 0 else ""]
        for c, s in zip(cs, cells):
            pg.typed(c + P(2), yy, s, fv, pt)
        yy += lh
    y = y_head + round(lh * (len(a.parcels) + 0.6)) + P(7)
    # section II: the Baulasten, each closed by its registration and two signatures
    pg.text(x0, y + P(4), f"II.  {L('s2')}", fb, 10.5, fill=grey)
    y += P(6)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.19)] + [x1]
    deleted = [e for e in a.entries if e.deleted_on]
    y_end = pg.img.height - P(tpl.top) - P(8)
    y_bot_s2 = y_end - P(21) - lh * max(2, 3 * len(deleted))
    y = dev3.card_table(pg, xs, y, y_bot_s2, [L(k) for k in ("nr", "ref", "text")], f, 8, grey, 9)
    y += lh
    pad, width = P(1.8), xs[3] - xs[2] - P(4)
    refs = ", ".join(str(i + 1) for i in range(len(a.parcels)))
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, width)
        decl = sd.one("declaration_date", n)
        if decl:
            body += dev3.date_lines(pg, decl.label + " ", decl.shown, ".", fv, pt, width)
        body += [registration(a, tpl, e)]
        if y + (len(body) + 1.6) * lh > y_bot_s2:
            return d, True
        pg.typed(xs[0] + pad, y, str(n), fv, pt)
        pg.typed(xs[1] + pad, y, refs, fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[2] + pad, y + i * lh, s, fv, pt)
            if e.deleted_on:  # a deleted Baulast is underlined in red, as in the Grundbuch
                pg.hline(xs[2] + pad, xs[2] + pad + pg.width(s, fv, pt), y + i * lh + P(1), 0.3, fill=150)
        y += len(body) * lh
        for k in range(2):  # signed by two officials
            pg.signature(xs[2] + P(12 + 55 * k), y + P(2), w_mm=26, h_mm=5, fill=rng.randrange(20, 60))
        y += round(lh * 1.6)
        pg.hline(xs[0], x1, y - round(lh * 0.8), 0.2, fill=grey)
    if y < y_bot_s2 - P(8):  # the rest of the column struck out, as the Grundbuch requires
        pg.hand_line(xs[2] + P(4), y_bot_s2 - P(3), x1 - P(4), y - P(2), w=0.3, fill=90)
    # section III: the Löschungen
    y = y_bot_s2 + P(6)
    pg.text(x0, y + P(4), f"III.  {L('s3')}", fb, 10.5, fill=grey)
    y += P(6)
    ds = [x0 + round(W * c) for c in (0, 0.1)] + [x1]
    y = dev3.card_table(pg, ds, y, y_end, [L("del_nr"), L("del_text")], f, 8, grey, 9)
    y += lh
    for e in deleted:
        n = e.lfd_nr
        waiver, gone = sd.one("waiver_date", n), sd.one("deletion_date", n)
        lines = pg.wrap(f"{waiver.text} {gone.text}", fv, pt, x1 - ds[1] - P(4))
        if y + len(lines) * lh > y_end:
            return d, True
        pg.typed(ds[0] + pad, y, str(n), fv, pt)
        for i, s in enumerate(lines):
            pg.typed(ds[1] + pad, y + i * lh, s, fv, pt)
        pg.signature(x1 - P(40), y + len(lines) * lh, w_mm=24, h_mm=4.5, fill=rng.randrange(20, 60))
        y += (len(lines) + 1) * lh
    edition = a.entries[0].registered_on.year - 1 - dev2.akte_hash(a, "f5gb_ed") % 6
    pg.text(x0, pg.img.height - P(tpl.top) + P(3), f"{L('form')} ({edition})", f, 7, fill=grey)
    d |= sd.kinds()
    return d, False


# --- (2) a word processor's register sheet on a laser printer, continued on a second sheet where it runs over ------
def sheet_continued_table(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    entries, more = dev.part_entries(a, part)
    pages = part[1] if part else 1
    auth = dev2.period_authority(a, sd.one("print_date").day.year)
    top = P(tpl.top)
    lh = pg.line_height(f, pt, 1.4)
    y = top
    for i, s in enumerate(auth):
        pg.text(x0, y, s, fb if i == 0 else f, 11 if i == 0 else 9.5)
        y += P(4.6)
    pg.text(x1, top, sd.one("print_date").text, f, 9, anchor="rs")
    y += P(8)
    number = dev2.number_shown(a, "display")
    if part and part[0] > 1:  # the continuation sheet repeats only what finds its place in the register
        pg.text(x0, y, f"{L('title')} – {L('cont')}", fb, 14)
        y += P(8)
        end = pg.text(x0, y, f"{L('number')}:", f, pt * 1.1)
        pg.text(end + P(3), y, number, fb, pt * 1.3)
        y += P(8)
    else:
        pg.text(x0, y, L("title"), fb, 15)
        pg.text(x0, y + P(5.5), dev5.of_whom(a, auth), f, 9.5)
        y += P(15)
        end = pg.text(x0, y, f"{L('number')}:", f, pt * 1.1)
        pg.text(end + P(3), y, number, fb, pt * 1.3)
        y += round(lh * 1.5)
        tab = x0 + round(pg.width(L("parcel"), f, pt)) + P(3)
        pg.text(x0, y, L("parcel"), f, pt)
        for p in a.parcels:  # one line per parcel
            pg.text(tab, y, f"{L('gem')} {p.gemarkung}, {L('flur')} {p.flur}, {L('fst')} {p.flurstueck}", f, pt)
            y += lh
        if a.address:
            pg.text(x0, y, L("addr"), f, pt)
            pg.text(tab, y, a.address, f, pt)
            y += lh
        if a.grundbuch:
            pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
            d.add("grundbuch_blatt")
            y += lh
        pg.text(x0, y, f"{L('az')} {a.aktenzeichen}", f, pt)
        d.add("aktenzeichen")
        y += lh
    y += P(3)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.62, 0.79)] + [x1]
    y_bot = pg.img.height - P(24)
    y = dev3.card_table(pg, xs, y, y_bot, [L(k) for k in ("nr", "text", "reg", "rem")], fb, 8.5, 0, 10, shade=232)
    y += lh
    pad = P(1.8)
    for e in entries:
        n = e.lfd_nr
        width = xs[2] - xs[1] - 2 * pad
        body = pg.wrap(f"{L('kind')} {dev2.type_shown(e.type)}", fb, pt, width)
        body += pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, width)
        decl = sd.one("declaration_date", n)
        body += dev3.date_lines(pg, decl.label + " ", decl.shown, "", f, pt, width)
        gone = [m.text for m in sd.at(n, "deletion_date", "waiver_date")]
        rem = [s for g in gone for s in pg.wrap(g, f, pt * 0.95, xs[4] - xs[3] - 2 * pad)]
        if y + (max(len(body), len(rem)) + 1) * lh > y_bot - (lh if more else 0):
            return d, True
        pg.text(xs[0] + pad, y, f"{n}.", f, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + pad, y + i * lh, s, fb if i == 0 else f, pt)
        pg.text(xs[2] + pad, y, sd.registered[n], f, pt)
        for i, s in enumerate(rem):
            pg.text(xs[3] + pad, y + i * lh, s, f, pt * 0.95)
        y += (max(len(body), len(rem)) + 0.5) * lh
        pg.hline(x0, x1, y - round(lh * 0.6), 0.25)
        y += round(lh * 0.3)
    if more:
        pg.text((x0 + x1) // 2, y + lh, L("more"), f, pt * 0.9, anchor="ms")
    pg.text(x1, pg.img.height - P(14), f"{L('page')} {page_no} {L('of')} {pages}", f, 8.5, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


# --- (3) a recent print of the register software, the parcels with their ALKIS keys, signature blocks ------------
def signed_block(pg: Page, x: float, y: float, label: str, where: str, who: str, font: str, bold: str, pt: float,
                 grey: int = 0) -> float:
    """'Eingetragen:' over '<place>, den <date>', 'Im Auftrag', a signature and the name in brackets; the y after."""
    lh = pg.line_height(font, pt, 1.35)
    pg.text(x, y, label, bold, pt, fill=grey)
    pg.text(x, y + lh, where, font, pt, fill=grey)
    pg.text(x, y + 2 * lh, "Im Auftrag", font, pt * 0.95, fill=grey)
    pg.signature(x + pg.px(2), y + 3.6 * lh, w_mm=24, h_mm=5, fill=pg.rng.randrange(20, 60))
    pg.text(x, y + 4.6 * lh, f"({who})", font, pt * 0.95, fill=grey)
    return y + 5.4 * lh


def sheet_alkis_extract(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, sd.one("print_date").day.year)
    top = P(tpl.top)
    y = top + P(4)
    for i, s in enumerate(auth):
        pg.text(x0, y, s, fb if i == 0 else f, 11 if i == 0 else 9)
        y += P(4.4)
    pg.text(x1, top + P(5), L("title"), fb, 15, anchor="rs")
    pg.text(x1, top + P(10.5), L("sub"), f, 11, anchor="rs")
    bx = x1 - P(62)
    pg.rect((bx, top + P(14), x1, top + P(27)), 0.35, fill=238)
    pg.text(bx + P(2.5), top + P(18), L("number"), f, 7.5)
    pg.text(bx + P(2.5), top + P(25), dev2.number_shown(a, "display"), fb, 14)
    y = max(y, top + P(27)) + P(7)
    pg.text(x0, y, f"{L('az')}: {a.aktenzeichen}", f, 9)
    pg.text(x1, y, sd.one("print_date").text, f, 9, anchor="rs")
    d.add("aktenzeichen")
    y += P(5)
    rh = P(6.5)
    pg.rect((x0, y, x1, y + rh), 0.3, fill=205)
    pg.text(x0 + P(2), y + rh * 0.7, L("parcels"), fb, 9.5)
    y += rh
    cs = [x0 + round(W * c) for c in (0, 0.06, 0.3, 0.42, 0.51, 0.65)] + [x1]
    y = _grid_row(pg, cs, y, rh, [L(k) for k in ("no", "gem", "gem_no", "flur", "fst", "key")], fb, 8.5, 228)
    for i, p in enumerate(a.parcels):
        y = _grid_row(pg, cs, y, rh, [str(i + 1), p.gemarkung, gemarkung_number(p.gemarkung), str(p.flur),
                                      p.flurstueck, alkis_key(p.gemarkung, p.flur, p.flurstueck)], f, pt)
    kv = [(L("muni"), f"{KIND[a.municipality]} {a.municipality}")]
    if a.address:
        kv.append((L("addr"), a.address))
    if a.grundbuch:
        kv.append((L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}"))
        d.add("grundbuch_blatt")
    for k, v in kv:
        y = _grid_row(pg, [x0, cs[2], x1], y, rh, [k, v], f, pt)
    y += P(6)
    lh = pg.line_height(f, pt, 1.35)
    y_bot = pg.img.height - P(22)
    pad = P(2)
    for e in a.entries:
        n = e.lfd_nr
        grey = 110 if e.deleted_on else 0
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, W - 2 * pad)
        decl = sd.one("declaration_date", n)
        h = rh + (len(body) + 1.6) * lh + 6 * pg.line_height(f, pt * 0.95, 1.35)
        if y + h > y_bot:
            return d, True
        pg.rect((x0, y, x1, y + rh), 0.3, fill=228)
        pg.text(x0 + pad, y + rh * 0.7, f"{L('entry')} {n}", fb, pt)
        pg.text(x0 + P(30), y + rh * 0.7, f"{L('kind')}: {dev2.type_shown(e.type)}", f, pt)
        yy = y + rh + lh
        for s in body:
            pg.text(x0 + pad, yy, s, f, pt, fill=grey)
            yy += lh
        pg.text(x0 + pad, yy, decl.text, f, pt * 0.95)
        yy += round(lh * 1.6)
        end = signed_block(pg, x1 - P(70), yy, L("reg"), registration(a, tpl, e), e.clerk, f, fb, pt * 0.95)
        gone = sd.one("deletion_date", n)
        if gone:
            signed_block(pg, x0 + pad, yy, L("dele"), gone.text, e.deleter or "", f, fb, pt * 0.95)
        pg.rect((x0, y, x1, round(end)), 0.3)
        y = round(end) + P(5)
    pg.text(x0, pg.img.height - P(14), L("note"), f, 7.5)
    pg.text(x1, pg.img.height - P(14), f"{L('page')} {page_no} {L('of')} 1", f, 8, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


def _grid_row(pg: Page, xs: list[int], y: int, h: int, texts: list[str], font: str, pt: float,
              shade: int | None = None) -> int:
    for i, t in enumerate(texts):
        pg.rect((xs[i], y, xs[i + 1], y + h), 0.25, fill=shade)
        pg.text(xs[i] + pg.px(1.5), y + h * 0.7, t, font, pt)
    return y + h


# --- (4) the carbon copy of a typed sheet, a deletion written on it by pen -----------------------------------------
def carbon(pg: Page) -> None:
    """What was typed so far becomes a carbon copy: spread, softer and paler than the ribbon's original."""
    soft = pg.img.filter(ImageFilter.GaussianBlur(pg.px(0.09)))
    tone = pg.rng.uniform(0.84, 0.94)
    pg.img.paste(soft.point(lambda v: round(255 - (255 - v) * tone)))


def sheet_carbon_copy(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    fv = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    lh = pg.line_height(fv, pt, 1.5)
    adv = pg.width("M", fv, pt)
    cols = int(W / adv)
    y = P(tpl.top)
    for s in auth[:2]:
        pg.typed(x0, y, s, fv, pt)
        y += lh
    pg.typed(x1 - len(L("copy")) * adv, P(tpl.top), L("copy"), fv, pt)
    y += lh
    head = f"{L('title')} {a.municipality}"
    num = f"{L('number')} {dev2.number_shown(a, 'display')}"
    pg.typed(x0, y, head, fv, pt)
    pg.typed(x1 - len(num) * adv, y, num, fv, pt)
    y += round(lh * 0.6)
    pg.typed(x0, y, "-" * cols, fv, pt)
    y += lh * 1.5
    tab = len(L("parcel")) + 1
    rows = [(L("parcel"), s) for s in parcel_phrases(a, L)]
    if a.address:
        rows.append((L("addr"), a.address))
    if a.grundbuch:
        rows.append(("", f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}"))
        d.add("grundbuch_blatt")
    rows.append((L("az"), a.aktenzeichen))
    d.add("aktenzeichen")
    last = None
    for label, value in rows:
        pg.typed(x0, y, (label if label != last else "").ljust(tab) + value, fv, pt)
        last = label
        y += lh
    y += lh
    letter = sd.one("letter_date")
    y_bot = pg.img.height - P(tpl.top) - (5 * lh if letter else lh)
    width = W - 4 * adv
    crossed = []
    for e in a.entries:
        n = e.lfd_nr
        text = dev2.period_text(e.text, e.registered_on.year)
        decl = sd.one("declaration_date", n)
        body = pg.wrap(f"{text} ({decl.text})" if decl else text, fv, pt, width)
        rem = f"{L('rem')} {registration(a, tpl, e)}"
        if y + (len(body) + 4.5) * lh > y_bot:
            return d, True
        head = f"{L('entry')} {n}"
        pg.typed(x0, y, head, fv, pt)
        pg.typed(x0, y + P(1), "_" * len(head), fv, pt)
        y += lh * 1.3
        for i, s in enumerate(body):
            pg.typed(x0 + 4 * adv, y + i * lh, s, fv, pt)
        y_rem = y + len(body) * lh + lh * 0.3
        pg.typed(x0 + 4 * adv, y_rem, rem, fv, pt)
        pg.typed(x0 + 4 * adv + (len(rem) + 3) * adv, y_rem, f"gez. {e.clerk}", fv, pt)
        if e.deleted_on:
            crossed.append((e, y - lh, y + (len(body) - 1) * lh, y_rem + lh * 1.2))
        y = y_rem + lh * (2.6 if e.deleted_on else 1.8)
    if letter:
        yy = pg.img.height - P(tpl.top) - 4 * lh
        pg.typed(x0 + cols // 2 * adv, yy, letter.text, fv, pt)
        pg.typed(x0 + cols // 2 * adv, yy + lh, auth[1] if len(auth) > 2 else auth[0], fv, pt)
        pg.typed(x0 + cols // 2 * adv, yy + 2 * lh, L("ia"), fv, pt)
        pg.typed(x0 + cols // 2 * adv, yy + 3 * lh, f"gez. {a.entries[0].clerk}", fv, pt)
    carbon(pg)
    for e, y_a, y_b, y_pen in crossed:  # by pen, on the copy itself
        ink = rng.randrange(15, 55)
        pg.hand_line(x0 + 4 * adv, y_a, x1 - P(4), y_b, w=0.35, fill=ink)
        pg.hand_line(x0 + 4 * adv, y_b, x1 - P(4), y_a, w=0.35, fill=ink)
        hand = rng.choice(dev.PENS)
        gone = sd.one("deletion_date", e.lfd_nr)
        dev.pen(pg, x0 + 4 * adv, y_pen, f"{gone.text} {dev5.initials(e.deleter or '')}", hand, pt * 1.15, ink)
    d |= sd.kinds()
    return d, False


FIFTH_RENDERERS = {"grundbuch_style": sheet_grundbuch_style, "continued_table": sheet_continued_table,
                   "alkis_extract": sheet_alkis_extract, "carbon_copy": sheet_carbon_copy}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str, tpl: Template) -> tuple[list[str], dict]:
    """heldout5's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
    entries and parcels, every number style; the laser-printed sheet of a PDF or TIFF file with more than one entry
    runs onto a continuation sheet on some files."""
    if opts.get("is_baulast") is False:
        return kinds, opts
    n_entries = rng.choice((1, 1, 2, 2, 3))
    n_parcels = rng.choice((1, 1, 2, 3))
    opts = {**opts, "n_entries": n_entries, "deleted": n_entries > 1 and rng.random() < 0.5, "n_parcels": n_parcels,
            "two_flure": n_parcels > 1 and rng.random() < 0.4, "number_style": rng.choice(dev2.NUMBER_STYLES)}
    if tpl.renderer == "continued_table" and fmt in ("pdf", "tiff") and n_entries > 1 and rng.random() < 0.75:
        kinds = list(kinds)
        kinds.insert(kinds.index("sheet") + 1, "sheet_cont")
    return kinds, opts


TEMPLATES.update(FIFTH_TEMPLATES)
