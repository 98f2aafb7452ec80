"""Baulastenblatt templates and renderers of the ``dev4`` split: a development set (not held out) of sheets whose
dates are hard to attribute: the Eintragungsdatum is plain to a careful clerk, but neither "the date next to a
label" nor "the first date of the entry" finds it.

* ``pen_card`` (1968-1999, an index card written by pen, scanned on a landscape A4 bed): per entry the text column
  opens with the declaration ("Erkl. v. 2/5/88") and may end with the permit ("BS 412/88 v. 22-6-88"); the narrow
  "Datum" column on the right holds the registration on the entry's first line ("12.6.88", "12/6/88", "12-6-88")
  and, for a deleted Baulast, the deletion on a later line ("gel. 3.2.01") or written across the entry ("gelöscht
  am 3.2.01 Mü."); the card's own "angelegt" date in its head.
* ``two_date_ledger`` (1962-1990, a typed page of a bound register): columns Lfd. Nr. | "Eingang d. / Erklärung"
  (a date) | Gegenstand (citing the declaration) | two date columns with abbreviated, wrapped heads ("Tag d. /
  Eintr." and "Lö- / schung", in either order) | Bemerkungen (Bauschein, Verzicht); empty deletion cells.
* ``signed_entry`` (1970-1998, a typed sheet, one block per Baulast): a copy's date line in the head ("Abschrift
  ... den ..."), the entry text citing the declaration, and the registration only in the signature line under it
  ("Neuss, den 14.02.1983 / Der Oberkreisdirektor / Im Auftrag"); a deletion as a second signed block citing the
  waiver.
* ``change_register`` (1990-2016, a laser-printed chronological register): rows in order of their date, columns
  Lfd. Nr. | Eintragungen, Änderungen und Löschungen | Datum | Unterschrift, where amendments ("zu 1" – "Änderung
  der Baulast Lfd. Nr. 1 ...") and deletions ("zu 2" – "Löschung der Baulast Lfd. Nr. 2 ...") are rows of their own
  with their own dates, and the print's "Stand" date is in the head.

Every date a sheet prints is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates`` of
``sheets_dev3.Mention``); no mention is on an entry's registration day, except ``cited_registration``: an amendment
row citing the registration of the entry it changes (that entry's true date, never the amendment's). The templates
are registered when ``layouts`` imports this module at its end.
"""

from __future__ import annotations

import datetime as dt
import random

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from .content import Akte, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import Page

SPLIT = "dev4"


dev = Later(".sheets_dev")  # pen, stamps, parcel phrases

DEV4_LABELS = {
    "DEV4_PC": {**_BASE, "title": "Baulasten-Kartei", "number": "Karten-Nr.", "von": "Gemeinde", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurst.", "addr": "Lage", "nr": "Nr.", "text": "Eintragung",
                "day": "Datum", "made": "angelegt", "gone": "gelöscht am", "del_short": "gel."},
    "DEV4_TL": {**_BASE, "title": "Baulastenverzeichnis", "number": "Verzeichnisseite", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück", "addr": "Lage", "gb": "Grundbuch", "gb_blatt": "Blatt",
                "nr": "Lfd.\nNr.", "recv": "Eingang d.\nErklärung", "text": "Gegenstand der Baulast",
                "reg": "Tag d.\nEintr.", "dele": "Lö-\nschung", "rem": "Bemer-\nkungen", "az": "Az."},
    "DEV4_SE": {**_BASE, "title": "Baulastenverzeichnis", "number": "Verzeichnisblatt", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück", "fst_pl": "Flurstücke", "addr": "Lage:", "gb": "Grundbuch",
                "gb_blatt": "Blatt", "and": "und", "copy": "Abschrift", "entry": "Lfd. Nr.", "az": "Az.:",
                "ia": "Im Auftrag", "gone": "Löschung"},
    "DEV4_CR": {**_BASE, "title": "Baulastenverzeichnis", "sub": "Chronologischer Nachweis",
                "number": "Baulastblatt-Kennziffer", "von": "Gemeinde", "gem": "Gemarkung", "flur": "Flur",
                "fst": "Flurstück", "fst_pl": "Flurstücke", "and": "und", "addr": "Lage", "nr": "Lfd. Nr.",
                "text": "Eintragungen, Änderungen und Löschungen", "day": "Datum", "sig": "Unterschrift",
                "state": "Stand:", "page": "Blatt"},
}
LABELS.update(DEV4_LABELS)

DEV4_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("pc_d4", "typewriter_form", "DEV4_PC", "dv_serif_cond", "dv_serif_cond_bold", "serif_italic", pt=12,
             margin=14, top=12, years=(1968, 1999), split=SPLIT, renderer="pen_card", landscape=True),
    Template("tw_d4", "typewriter_form", "DEV4_TL", "serif", "serif_bold", "free_mono", pt=10, margin=12, top=12,
             years=(1962, 1990), split=SPLIT, renderer="two_date_ledger"),
    Template("dm_d4", "typewriter_form", "DEV4_SE", "dv_serif", "dv_serif_bold", "mono", pt=10.5, margin=22,
             top=14, years=(1970, 1998), split=SPLIT, renderer="signed_entry"),
    Template("cp_d4", "computer_print", "DEV4_CR", "narrow", "narrow_bold", "free_sans", pt=9.5, margin=16, top=12,
             years=(1990, 2016), split=SPLIT, renderer="change_register"),
)}

# the ways a date is written besides dev3's: by pen with strokes or dashes
FORMATS = {
    "stroke": lambda d: f"{d.day}/{d.month}/{d.year % 100:02d}",  # 12/6/88
    "dash": lambda d: f"{d.day}-{d.month}-{d.year % 100:02d}",  # 12-6-88
}


def show(d: dt.date, fmt: str) -> str:
    return FORMATS[fmt](d) if fmt in FORMATS else dev3.FORMATS[fmt](d)


def mention(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0):
    return dev3.said(kind, day, show(day, fmt), before, after, lfd_nr)


def pen_fmt(a: Akte, salt: str, d: dt.date) -> str:
    """How a clerk writes a date by pen (two-digit years only before 2000)."""
    return dev2.pick(a, salt, ("pen", "stroke", "dash")) if d.year < 2000 else "numeric"


# --- what each template prints --------------------------------------------------------------------------------
def plan_card(a: Akte) -> dev3.SheetDates:
    how = dev2.pick(a, "pc_del", ("column", "column", "across"))
    ms = [mention("card_date", dev3.offset(a, "pc_made", a.entries[0].registered_on, -40, -3),
                  pen_fmt(a, "pc_made_fmt", a.entries[0].registered_on), "angelegt ")]
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("declaration_date", dev3.declared(a, e), pen_fmt(a, f"pc_decl{n}", e.registered_on),
                          "Erkl. v. ", ":", n))
        if dev2.pick(a, f"pc_permit{n}", (True, True, False)):
            ms.append(mention("permit_date", dev3.permitted(a, e), pen_fmt(a, f"pc_pfmt{n}", e.registered_on),
                              f"BS {dev3.permit_number(a, e)} v. ", "", n))
        if e.deleted_on:
            fmt = pen_fmt(a, f"pc_dfmt{n}", e.deleted_on)
            ms.append(mention("deletion_date", e.deleted_on, fmt,
                              "gel. " if how == "column" else "gelöscht am ",
                              "" if how == "column" else f" {e.deleter[:2]}.", n))
    reg = {e.lfd_nr: show(e.registered_on, pen_fmt(a, f"pc_reg{e.lfd_nr}", e.registered_on)) for e in a.entries}
    return dev3.SheetDates(reg, tuple(ms), how)


def plan_ledger(a: Akte) -> dev3.SheetDates:
    order = dev2.pick(a, "tl_order", ("reg_first", "reg_first", "del_first"))
    reg_fmt = dev2.pick(a, "tl_reg", ("numeric", "short", "short"))
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("receipt_date", dev3.received(a, e), "short", "", "", n))
        ms.append(mention("declaration_date", dev3.declared(a, e), "numeric", "Gemäß Erklärung vom ", "", n))
        if dev2.pick(a, f"tl_permit{n}", (True, False)):
            ms.append(mention("permit_date", dev3.permitted(a, e), "short", f"Bauschein {dev3.permit_number(a, e)}"
                              " v. ", "", n))
        if e.deleted_on:
            ms.append(mention("waiver_date", dev3.waived(a, e), "short", "Verzicht v. ", "", n))
            ms.append(mention("deletion_date", e.deleted_on, reg_fmt, "", "", n))
    ed = dev3.edition(a, "tl_ed", 9)
    ms.append(dev3.month_mention("form_date", ed, f"{ed.month}.{ed.year % 100:02d}", "Vordr. Nr. 12b (",
                                 ") – Baulastenverzeichnis"))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, reg_fmt) for e in a.entries}, tuple(ms), order)


def plan_signed(a: Akte) -> dev3.SheetDates:
    reg_fmt = dev2.pick(a, "se_reg", ("numeric", "numeric", "long"))
    decl_fmt = dev2.pick(a, "se_decl", ("numeric", "long"))
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("declaration_date", dev3.declared(a, e), decl_fmt, "Auf Grund der Verpflichtungserklärung"
                          " vom ", "", n))
        if n == 1 and dev2.pick(a, "se_app", (True, False)):
            ms.append(mention("application_date", dev3.applied(a, e), "numeric", "(Bauantrag vom ", ")", n))
        if e.deleted_on:
            ms.append(mention("waiver_date", dev3.waived(a, e), decl_fmt, "auf Grund des Verzichts vom ", "", n))
            ms.append(mention("deletion_date", e.deleted_on, reg_fmt, f"{dev3.place(a)}, den ", "", n))
    ms.insert(0, mention("letter_date", dev3.after_all(a, ms, "se_copy"), "numeric", f"{dev3.place(a)}, den "))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, reg_fmt) for e in a.entries}, tuple(ms))


def plan_changes(a: Akte) -> dev3.SheetDates:
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("declaration_date", dev3.declared(a, e), "numeric", "Baulasterklärung vom ", "", n))
        day = dev3.changed(a, e)
        if day and dev2.pick(a, f"cr_change{n}", (True, True, False) if n == 1 else (True, False)):
            what = dev2.pick(a, f"cr_what{n}", ("der Lageplan wird durch den Lageplan vom ",
                                                "die Flurstücksbezeichnung wird berichtigt gem. Fortführung vom "))
            plan = dev3.offset(a, f"cr_plan{n}", day, -40, -3)
            ms.append(mention("cited_registration", e.registered_on, "numeric", f"Änderung der Baulast Lfd. Nr. {n}"
                              " (eingetragen am ", ")", n))
            ms.append(mention("plan_date", plan, "numeric", what,
                              " ersetzt." if what.startswith("der") else ".", n))
            ms.append(mention("change_date", day, "numeric", "", "", n))
        if e.deleted_on:
            ms.append(mention("waiver_date", dev3.waived(a, e), "numeric", "Verzichts der Bauaufsichtsbehörde vom ",
                              "", n))
            ms.append(mention("deletion_date", e.deleted_on, "numeric", "", "", n))
    printed = dev3.after_all(a, [m for m in ms if m.kind != "cited_registration"], "cr_print")
    ms.insert(0, mention("print_date", printed, "numeric", "Stand: "))
    return dev3.SheetDates({e.lfd_nr: de_date(e.registered_on) for e in a.entries}, tuple(ms))


PLANS = {"pen_card": plan_card, "two_date_ledger": plan_ledger, "signed_entry": plan_signed,
         "change_register": plan_changes}


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a dev4 sheet of this Akte prints."""
    return PLANS[tpl.renderer](a)


def typed_after(pg: Page, x: float, y: float, label: str, value: str, tpl: Template, size: float, pt: float,
                gap_mm: float = 3) -> None:
    """A printed label (the form's font at `size`) with its value typed after it on the same line (at `pt`)."""
    end = pg.text(x, y, label, tpl.form_font, size)
    pg.typed(end + pg.px(gap_mm), y, value, tpl.value_font, pt)


def head_parcels(a: Akte, L) -> str:
    return "; ".join(f"{L('flur')} {flur}, {L('fst')} {fst}" for flur, fst in dev3.parcel_cells(a))


# --- an index card written by pen, on a landscape scan bed --------------------------------------------------------
def sheet_pen_card(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, hand = tpl.form_font, tpl.bold_font, tpl.value_font
    sd = sheet_dates(a, tpl)
    ink, grey = rng.randrange(20, 50), 70
    cx0, cy0 = P(tpl.margin + rng.uniform(0, 8)), P(tpl.top + rng.uniform(0, 6))
    cx1, cy1 = cx0 + P(240), cy0 + P(170)
    pg.draw.rectangle((cx0 + P(1), cy0 + P(1), cx1 + P(1), cy1 + P(1)), fill=180)
    pg.draw.rectangle((cx0, cy0, cx1, cy1), fill=240, outline=140, width=max(1, P(0.2)))
    pg.draw.rectangle((cx0, cy0, cx1, cy0 + P(4)), fill=215)  # the card's coloured top band
    x0, x1 = cx0 + P(6), cx1 - P(6)
    W = x1 - x0

    def write(x, y, s, size=pt, font=hand, ink_=ink):
        return dev.pen(pg, x, y, s, font, size, ink_)

    def blank(x, y, xe, label, value):
        end = pg.text(x, y, label, f, 8.5, fill=grey)
        pg.hline(end + P(1.5), xe, y + P(1), 0.15, fill=grey)
        if value:
            write(end + P(3), y - P(0.3), value)

    y = cy0 + P(13)
    pg.text(x0, y, L("title"), fb, 15, fill=grey)
    made = sd.one("card_date")
    end = pg.text(x0 + P(70), y, L("made"), f, 8.5, fill=grey)
    write(end + P(3), y, made.shown)
    bw = P(58)
    pg.rect((x1 - bw, cy0 + P(6), x1, cy0 + P(17)), 0.3, outline=grey)
    pg.text(x1 - bw + P(1.5), cy0 + P(9), L("number"), f, 7, fill=grey)
    write(x1 - bw + P(20), cy0 + P(15), a.register_display, pt * 1.3)
    y += P(9)
    xm = x0 + round(W * 0.42)
    blank(x0, y, xm - P(4), L("von"), a.municipality)
    blank(xm, y, x1, L("gem"), a.parcels[0].gemarkung)
    y += P(8)
    blank(x0, y, x1, "", head_parcels(a, L) + (f" – {a.address}" if a.address else ""))
    y += P(5)
    xs = [x0 + round(W * c) for c in (0, 0.05, 0.86)] + [x1]
    y_bot = cy1 - P(6)
    y = dev3.card_table(pg, xs, y, y_bot, [L(key) for key in ("nr", "text", "day")], fb, 8.5, grey)
    lh = round(pg.line_height(hand, pt, 1.3))
    pad = P(1.5)
    y += lh
    for e in a.entries:
        n = e.lfd_nr
        font = hand if n == 1 else rng.choice(dev.PENS)
        ink_e = rng.randrange(15, 60)
        decl = sd.one("declaration_date", n)
        text = f"{decl.text} {dev2.type_shown(e.type)} – {dev2.period_text(e.text, e.registered_on.year)}"
        lines = dev.pen_wrap(pg, text, font, pt, xs[2] - xs[1] - 2 * pad)
        lines = lines[:5] if len(lines) > 5 else lines  # a card takes the gist; the declaration stays first
        lines += [m.text for m in sd.at(n, "permit_date")]
        gone = sd.one("deletion_date", n)
        rows = len(lines) + (2 if gone and sd.how == "column" else 0)
        h = max(rows, 2) * lh
        if y + h > y_bot - P(1):
            return d, True
        write(xs[0] + pad, y, f"{n}.", font=font, ink_=ink_e)
        for i, s in enumerate(lines):
            write(xs[1] + pad, y + i * lh, s, font=font, ink_=ink_e)
        write(xs[2] + pad, y, sd.registered[n], font=font, ink_=ink_e)
        pg.signature(xs[2] + pad, y + round(lh * 0.7), w_mm=10, h_mm=3, fill=ink_e)
        if gone:
            ink_g, font_g = rng.randrange(15, 60), rng.choice(dev.PENS)
            if sd.how == "column":  # a later line of the same narrow column
                write(xs[2] + pad, y + (rows - 1) * lh, gone.text, pt * 0.95, font_g, ink_g)
            else:  # written across the entry, over a stroke through it
                pg.hand_line(xs[1] + pad, y + (len(lines) - 1) * lh, xs[2] - pad, y - round(lh * 0.5), w=0.35,
                             fill=ink_g)
                write(xs[1] + round((xs[2] - xs[1]) * 0.35), y + round(lh * 0.55 * max(1, len(lines) - 1)),
                      gone.text, pt * 1.05, font_g, ink_g)
        y += h
        pg.hline(x0, x1, y - round(lh * 0.6), 0.15, fill=grey)
        y += round(lh * 0.5)
    d |= sd.kinds()
    return d, False


# --- a typed page of a bound register with two date columns --------------------------------------------------------
def sheet_two_date_ledger(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    y = P(tpl.top) + P(7)
    pg.text(x0, y, L("title"), fb, 17)
    pg.text(x0, y + P(5.5), dev2.genitive(auth[0]), f, 10)
    typed_after(pg, x1 - P(62), y, L("number"), dev2.number_shown(a, "display"), tpl, 10, pt * 1.5, 4)
    y += P(9)
    pg.hline(x0, x1, y, 0.8)
    y += P(8)
    typed_after(pg, x0, y, f"{L('gem')}:", a.parcels[0].gemarkung, tpl, 9.5, pt)
    typed_after(pg, x0 + P(70), y, L("az"), a.aktenzeichen, tpl, 9.5, pt)
    d.add("aktenzeichen")
    y += P(6)
    for s in pg.wrap(head_parcels(a, L), fv, pt, x1 - x0):
        pg.typed(x0, y, s, fv, pt)
        y += P(5)
    if a.address:
        typed_after(pg, x0, y, f"{L('addr')}:", a.address, tpl, 9.5, pt)
        y += P(5)
    if a.grundbuch:
        typed_after(pg, x0, y, f"{L('gb')}:", f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", tpl, 9.5, pt)
        d.add("grundbuch_blatt")
        y += P(5)
    y += P(3)
    keys = ["nr", "recv", "text"] + (["reg", "dele"] if sd.how == "reg_first" else ["dele", "reg"]) + ["rem"]
    widths = {"nr": 0.055, "recv": 0.1, "text": 0.415, "reg": 0.125, "dele": 0.125, "rem": 0.18}
    xs = [x0]
    for k in keys:
        xs.append(xs[-1] + round((x1 - x0) * widths[k]))
    xs[-1] = x1
    y_bot = pg.img.height - P(16)
    head = P(10)
    pg.rect((x0, y, x1, y_bot), 0.5)
    for xx in xs[1:-1]:
        pg.vline(xx, y, y_bot, 0.3)
    for i, k in enumerate(keys):
        for j, s in enumerate(L(k).split("\n")):
            pg.text((xs[i] + xs[i + 1]) // 2, y + P(4 + j * 3.8), s, fb, 8, anchor="ms")
    pg.hline(x0, x1, y + head, 0.5)
    col = {k: i for i, k in enumerate(keys)}
    lh = pg.line_height(fv, pt, 1.25)
    pad = P(1.5)
    y += head + lh
    for e in a.entries:
        n = e.lfd_nr
        decl = sd.one("declaration_date", n)
        body = pg.wrap(f"{dev2.period_text(e.text, e.registered_on.year)} {decl.text}.", fv, pt,
                       xs[col["text"] + 1] - xs[col["text"]] - 2 * pad)
        rem = [s for m in sd.at(n, "permit_date", "waiver_date")
               for s in dev3.date_lines(pg, m.text.partition(m.shown)[0], m.shown, "", fv, pt * 0.9,
                                        xs[col["rem"] + 1] - xs[col["rem"]] - 2 * pad)]
        h = (max(len(body), len(rem) + 1, 3) + 1) * lh
        if y + h > y_bot - P(2):
            return d, True

        def cell(k, yy, s, size=pt):
            pg.typed(xs[col[k]] + pad, yy, s, fv, size)

        cell("nr", y, f"{n}.")
        cell("recv", y, sd.one("receipt_date", n).shown, pt * 0.85)
        for i, s in enumerate(body):
            cell("text", y + i * lh, s)
        cell("reg", y, sd.registered[n], pt * 0.85)
        pg.signature(xs[col["reg"]] + pad, y + lh, w_mm=14, h_mm=4)
        if e.deleted_on:
            cell("dele", y + lh * (len(body) - 1 if sd.how == "reg_first" else 0), sd.one("deletion_date", n).shown,
                 pt * 0.85)
            pg.hand_line(xs[col["text"]] + pad, y - round(lh * 0.6), xs[col["text"] + 1] - pad,
                         y + (len(body) - 1) * lh, w=0.35, fill=60)
        for i, s in enumerate(rem):
            cell("rem", y + i * lh, s, pt * 0.9)
        y += h
        pg.hline(x0, x1, y - round(lh * 0.7), 0.2)
    pg.text(x0, pg.img.height - P(9), sd.one("form_date").text, f, 7)
    pg.text(x1, pg.img.height - P(9), f"- {page_no} -", f, 8, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


# --- a typed sheet: each entry signed, the registration only in its signature line -------------------------------
def sheet_signed_entry(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    fb, fv = tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    copy = sd.one("letter_date")
    lh = pg.line_height(fv, pt, 1.35)
    y = P(tpl.top) + P(4)
    for i, s in enumerate(dev2.period_authority(a, copy.day.year)):
        pg.typed(x0, y, s, fv, pt)
        y += lh
    pg.typed(x1 - P(62), P(tpl.top) + P(4), L("copy"), fv, pt)
    pg.typed(x1 - P(62), P(tpl.top) + P(4) + lh, copy.text, fv, pt)
    y += lh
    pg.text(pg.img.width // 2, y + P(4), L("title"), fb, 15, anchor="ms")
    y += P(12)
    pg.typed(x0, y, f"{L('number')} {dev2.number_shown(a, 'display')}", fv, pt * 1.2)
    pg.typed(x0 + P(95), y, f"{L('az')} {a.aktenzeichen}", fv, pt)
    d.add("aktenzeichen")
    y += lh * 1.5
    for s in dev.parcel_text(a, L, L("fst_pl")):
        pg.typed(x0, y, s, fv, pt)
        y += lh
    if a.address:
        pg.typed(x0, y, f"{L('addr')} {a.address}", fv, pt)
        y += lh
    if a.grundbuch:
        pg.typed(x0, y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", fv, pt)
        d.add("grundbuch_blatt")
        y += lh
    y += lh * 0.5
    pg.hline(x0, x1, y, 0.4)
    y += lh * 1.3
    y_bot = pg.img.height - P(14)
    for e in a.entries:
        n = e.lfd_nr
        year = e.registered_on.year
        decl, app = sd.one("declaration_date", n), sd.one("application_date", n)
        text = f"{decl.text} {'(' + app.text[1:] if app else ''}".rstrip()
        body = pg.wrap(f"{text} wird folgende Baulast eingetragen: {dev2.period_text(e.text, year)}", fv, pt,
                       x1 - x0 - P(14))
        gone = sd.one("deletion_date", n)
        need = (len(body) + 6 + (6 if gone else 0)) * lh
        if y + need > y_bot:
            return d, True
        pg.typed(x0, y, f"{L('entry')} {n}", tpl.bold_font, pt)
        y += lh
        for s in body:
            pg.typed(x0 + P(14), y, s, fv, pt)
            y += lh
        if gone:
            pg.hand_line(x0 + P(14), y - len(body) * lh - round(lh * 0.4), x1, y - round(lh * 1.3), w=0.3, fill=70)
        y += lh * 0.5
        xs = x0 + P(80)  # the signature block, the place and date on its first line
        pg.typed(xs, y, f"{dev3.place(a)}, den {sd.registered[n]}", fv, pt)
        pg.typed(xs, y + lh, dev2.period_authority(a, year)[1], fv, pt)
        pg.typed(xs, y + 2 * lh, L("ia"), fv, pt)
        pg.signature(xs + P(4), y + round(3.1 * lh), w_mm=32, h_mm=6)
        pg.typed(xs, y + 4 * lh, f"({e.clerk})", fv, pt)
        y += 5 * lh
        if gone:
            waiver = sd.one("waiver_date", n)
            for s in dev3.date_lines(pg, f"{L('gone')}: Die Baulast ist {waiver.label} ", waiver.shown, " gelöscht.",
                                     fv, pt, x1 - x0 - P(14)):
                pg.typed(x0 + P(14), y, s, fv, pt)
                y += lh
            pg.typed(xs, y, gone.text, fv, pt)
            pg.typed(xs, y + lh, L("ia"), fv, pt)
            pg.signature(xs + P(4), y + round(2 * lh), w_mm=26, h_mm=5)
            y += 3 * lh
        pg.hline(x0, x1, y - lh * 0.4, 0.2)
        y += lh * 0.6
    d |= sd.kinds()
    return d, False


# --- a laser print of a chronological register: entries, amendments and deletions as rows of their own -----------
def sheet_change_register(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    printed = sd.one("print_date")
    lh = pg.line_height(fv, pt, 1.35)
    y = P(tpl.top) + P(4)
    for i, s in enumerate(dev2.period_authority(a, printed.day.year)):
        pg.text(x0, y, s, fb if i == 0 else f, 10 if i == 0 else 9)
        y += P(4.3)
    pg.text(x1, P(tpl.top) + P(4), printed.text, f, 9, anchor="rs")
    y += P(4)
    pg.text(x0, y, L("title"), fb, 16)
    pg.text(x0, y + P(5), L("sub"), f, 9, fill=70)
    end = pg.text(x1 - P(70), y, L("number"), f, 9)
    pg.text(end + P(3), y, dev2.number_shown(a, "display"), fb, 14)
    y += P(10)
    pg.hline(x0, x1, y, 0.5)
    y += P(6)
    for s in [f"{L('von')}: {a.municipality}"] + dev.parcel_text(a, L, L("fst_pl")) + (
            [f"{L('addr')}: {a.address}"] if a.address else []):
        pg.text(x0, y, s, fv, pt)
        y += lh
    y += P(3)
    xs = [x0 + round((x1 - x0) * c) for c in (0, 0.09, 0.68, 0.82)] + [x1]
    pg.rect((x0, y, x1, y + P(7)), 0.2, fill=215, outline=120)
    for i, key in enumerate(("nr", "text", "day", "sig")):
        pg.text(xs[i] + P(1.5), y + P(4.8), L(key), fb, 8.5)
    y += P(7) + lh
    rows = []  # (date, order, nr cell, text, shown date)
    for e in a.entries:
        n = e.lfd_nr
        decl = sd.one("declaration_date", n)
        rows.append((e.registered_on, 0, f"{n}", f"{dev2.type_shown(e.type)} – {decl.text}: "
                     f"{dev2.period_text(e.text, e.registered_on.year)}", sd.registered[n]))
        change = sd.one("change_date", n)
        if change:
            cited, plan = sd.one("cited_registration", n), sd.one("plan_date", n)
            rows.append((change.day, 1, f"zu {n}", f"{cited.text}: {plan.text}", change.shown))
        if e.deleted_on:
            waiver = sd.one("waiver_date", n)
            rows.append((e.deleted_on, 2, f"zu {n}", f"Löschung der Baulast Lfd. Nr. {n} auf Grund des "
                         f"{waiver.text}.", sd.one("deletion_date", n).shown))
    y_bot = pg.img.height - P(16)
    for _, kind, nr, text, shown in sorted(rows):
        body = pg.wrap(text, fv, pt, xs[2] - xs[1] - P(3))
        if y + (len(body) + 0.6) * lh > y_bot:
            return d, True
        pg.text(xs[0] + P(1.5), y, nr, fb if kind == 0 else fv, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + P(1.5), y + i * lh, s, fv, pt)
        pg.text(xs[2] + P(1.5), y, shown, fv, pt)
        pg.signature(xs[3] + P(2), y, w_mm=18, h_mm=4)
        y += len(body) * lh
        pg.hline(x0, x1, y - round(lh * 0.55), 0.15, fill=110)
        y += round(lh * 0.5)
    pg.hline(x0, x1, y_bot, 0.3)
    pg.text(x1, y_bot + P(5), f"{L('page')} {page_no}", f, 8, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


DEV4_RENDERERS = {"pen_card": sheet_pen_card, "two_date_ledger": sheet_two_date_ledger,
                  "signed_entry": sheet_signed_entry, "change_register": sheet_change_register}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """dev4's own draws for one random file (made by ``assemble.random_spec`` for this split only): as dev3's, more
    entries and deletions than elsewhere, 1-3 parcels, every number style; a sheet is one page."""
    return dev3.spec_draws(rng, kinds, opts, fmt)


TEMPLATES.update(DEV4_TEMPLATES)
