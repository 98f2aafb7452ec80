"""Baulastenblatt templates and renderers of the ``dev6`` split: a development set (not held out) of sheets whose
registration remark carries more than one date, so that the Eintragungsdatum is the date its wording gives to the
registration, not the first or the last date of the remark, nor the one after a label.

* ``remark_ledger`` (1960-1992, a typed page of a bound Baulastenbuch): columns Lfd. Nr. | Inhalt der Baulast |
  Eintragungsvermerk, the remark one typed sentence with two dates ("Eingetragen auf Grund der Erklärung vom
  12.03.1987 am 15.04.1987.", "Auf Grund der Verpflichtungserklärung vom ... eingetragen am ...", "Eintragung verfügt
  am 02.04.1987, eingetragen am 15.04.1987."), signed, and under it the entry's later changes typed into the same
  cell ("Geändert am ...", "Ergänzt am ...", "Berichtigt am ...") and its deletion.
* ``dated_vermerk`` (1984-2008, a printed form): an issue date above the table ("Ausgefertigt am 12.05.1990",
  "Stand: ..."), and a Datum column left of the Vermerk column, so each date stands left of its label, one row per
  act: the Eintragungsverfügung ("Eintragung verfügt"), the registration ("eingetragen", signed), a transfer
  ("übertragen auf Blatt 412"), a correction, the deletion.
* ``pen_book`` (1955-1985, a landscape page of a register kept by pen): the Bemerkungen column holds one pen line
  per entry with the date before its label or two dates in it ("am 15.4.67 eingetr. Mü.", "15.4.67 eingetragen Mü.",
  "Verfügung vom 2.4.67, eingetr. am 15.4.67 Mü."); a deleted entry's line goes on with its deletion ("..., gel.
  am 3.2.75 Sch."), and entry 1 is the deleted one on most of its files; a later correction below it.
* ``newest_first`` (1995-2020, a later computer print of the register): a letter's head with its date ("Neuss, den
  12.05.2010"), then the entries newest first (entry 2 above entry 1), each with its remark lines: "Eingetragen am
  15.04.1997 (Erkl. v. 12.03.1997)" or "15.04.1997 eingetragen (Verpflichtungserklärung vom 12.03.1997)", "Eintragung
  erneuert am ...", "Übertragen auf Blatt 412 am ...", "Berichtigt am ...", "Gelöscht am ...".

Every date a sheet prints is planned by ``plan(a, tpl)`` from the Akte alone: its ``dates``
(``sheets_dev3.SheetDates`` of ``sheets_dev3.Mention``, as in dev3-dev5) and each entry's remark ``rows`` as printed;
no mention is on an entry's registration or deletion day except ``deletion_date``, which is the entry's deletion.
The truth is the same as for every other layout. The templates are registered when ``layouts`` imports this module
at its end.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev4 as dev4
from . import sheets_dev5 as dev5
from .content import Akte, Entry
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import Page

SPLIT = "dev6"
dev = Later(".sheets_dev")  # pen, stamps, parcel phrases

DEV6_LABELS = {
    "DEV6_RL": {**_BASE, "title": "Baulastenbuch", "number": "Baulastenbuch Seite", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück", "fst_pl": "Flurstücke", "and": "und", "addr": "Lage:",
                "gb": "Grundbuch", "gb_blatt": "Blatt", "az": "Az.:", "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast",
                "rem": "Eintragungsvermerk",
                "decl_am": ("Eingetragen auf Grund der Erklärung vom ", " am "),
                "decl_first": ("Auf Grund der Verpflichtungserklärung vom ", " eingetragen am "),
                "order": ("Eintragung verfügt am ", ", eingetragen am "),
                "changes": (("Geändert am ", " (Lageplan ersetzt)."), ("Ergänzt am ", "."),
                            ("Berichtigt am ", " (Flurstücksbezeichnung).")),
                "dele": "Gelöscht am "},
    "DEV6_DV": {**_BASE, "title": "Baulastenblatt", "number": "Nummer des Baulastenblattes", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück(e)", "addr": "Lage", "gb": "Grundbuch von", "gb_blatt": "Blatt",
                "az": "Az.", "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast", "day": "Datum", "rem": "Vermerk",
                "issued": ("Ausgefertigt am ", "Stand: ", "Ausfertigungsdatum: "),
                "decl": "Verpflichtungserklärung", "order": ("Eintragung verfügt", "Eintragungsverfügung"),
                "reg": ("eingetragen", "Eingetragen", "in das Verzeichnis eingetragen"),
                "transfer": "übertragen auf Blatt ", "fix": "berichtigt (Flurstücksbezeichnung)",
                "dele": "gelöscht", "page": "Seite", "of": "von"},
    "DEV6_PB": {**_BASE, "title": "Baulasten-Register", "number": "Register-Blatt", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück", "addr": "Lage", "nr": "Nr.",
                "parcel": "Grundstück\n(Flur, Flurstück)", "text": "Inhalt der Baulast", "rem": "Bemerkungen",
                "decl": "Erkl. v. ", "fl": "Fl.", "no": "Nr.", "to": "zugunsten", "and": "u.",
                "reg_before": ("am ", " eingetr."), "reg_after": ("", " eingetragen"),
                "order": ("Verfügung vom ", ", eingetr. am "), "dele": (", gel. am ", ", gelöscht am "),
                "fix": "berichtigt am ", "page": "Blatt"},
    "DEV6_NF": {**_BASE, "title": "Auszug aus dem Baulastenverzeichnis", "number": "Blatt im Verzeichnis",
                "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "addr": "Lage", "gb": "Grundbuch von",
                "gb_blatt": "Blatt", "az": "Aktenzeichen", "entry": "Lfd. Nr.", "kind": "Art",
                "order_note": "Eintragungen in absteigender Reihenfolge", "den": "den",
                "reg_paren": ("Eingetragen am ", " (Erkl. v. ", ")"),
                "reg_left": ("", " eingetragen (Verpflichtungserklärung vom ", ")"),
                "renewed": "Eintragung erneuert am ", "transfer": ("Übertragen auf Blatt ", " am "),
                "fix": "Berichtigt am ", "dele": "Gelöscht am ", "page": "Seite", "of": "von"},
}
LABELS.update(DEV6_LABELS)

DEV6_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_d6", "typewriter_form", "DEV6_RL", "serif", "serif_bold", "mono", pt=10.5, margin=14, top=14,
             years=(1960, 1992), split=SPLIT, renderer="remark_ledger"),
    Template("mg_d6", "modern_grid", "DEV6_DV", "free_sans", "free_sans_bold", "free_sans", pt=9.5, margin=16,
             top=12, years=(1984, 2008), split=SPLIT, renderer="dated_vermerk"),
    Template("pb_d6", "typewriter_form", "DEV6_PB", "dv_serif", "dv_serif_bold", "free_serif_italic", pt=11.5,
             margin=12, top=12, years=(1955, 1985), split=SPLIT, renderer="pen_book", landscape=True),
    Template("cp_d6", "computer_print", "DEV6_NF", "dv_sans", "dv_sans_bold", "dv_sans", pt=9.5, margin=22, top=14,
             years=(1995, 2020), split=SPLIT, renderer="newest_first"),
)}


@dataclass(frozen=True)
class Row:
    """One line of an entry's remark as printed: a date column's cell and the Vermerk beside it, or (``date``
    empty) a whole line whose dates are in its words."""

    date: str
    words: str

    @property
    def line(self) -> str:
        return f"{self.date} {self.words}".strip()


@dataclass(frozen=True)
class Plan:
    """What a dev6 sheet prints: its dates, and each entry's remark rows in printed order."""

    dates: dev3.SheetDates
    rows: dict[int, tuple[Row, ...]]


def show(d: dt.date, fmt: str) -> str:
    return dev4.show(d, fmt)


def mention(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev4.mention(kind, day, fmt, before, after, lfd_nr)


def ordered(a: Akte, e: Entry) -> dt.date:
    """The Eintragungsverfügung: a few days before the registration, after the declaration."""
    lo = max(-14, (dev3.declared(a, e) - e.registered_on).days + 1)
    return dev3.offset(a, f"order{e.lfd_nr}", e.registered_on, lo, -1)


def later_acts(a: Akte, e: Entry, salt: str, acts: tuple, most: int = 2) -> list[tuple[dt.date, tuple]]:
    """Up to `most` later acts on an entry (a change, a correction, a transfer, a renewal), each one of `acts` on a
    day of its own after the registration and before any deletion, in order of their days; entry 1 has one at least
    where there is room."""
    k = dev2.akte_hash(a, f"{salt}n{e.lfd_nr}") % (most + 1)
    out = {}
    for i in range(max(k, 1 if e.lfd_nr == 1 else 0)):
        day = dev3.changed(a, e, f"{salt}{i}")
        if day and day not in out:
            out[day] = acts[dev2.akte_hash(a, f"{salt}a{e.lfd_nr}{i}") % len(acts)]
    return sorted(out.items())


def other_blatt(a: Akte, salt: str) -> str:
    """The number of another register sheet an entry was carried over to."""
    own = int(a.register_number.rstrip("abcdefghijklmnopqrstuvwxyz"))
    n = 100 + dev2.akte_hash(a, salt) % 850
    return str(n + 1 if n == own else n)


def deletion(e: Entry, fmt: str, before: str, after: str = "") -> list[dev3.Mention]:
    return [mention("deletion_date", e.deleted_on, fmt, before, after, e.lfd_nr)] if e.deleted_on else []


# --- what each template prints --------------------------------------------------------------------------------
def plan_ledger(a: Akte, L) -> Plan:
    fmt = dev2.pick(a, "rl_fmt", ("numeric", "numeric", "short", "spaced"))
    how = dev2.pick(a, "rl_how", ("decl_am", "decl_first", "order"))
    ms, rows = [], {}
    for e in a.entries:
        n = e.lfd_nr
        before, between = L(how)
        day = ordered(a, e) if how == "order" else dev3.declared(a, e)
        first = mention("order_date" if how == "order" else "declaration_date", day, fmt, before, "", n)
        ms.append(first)
        row = [Row("", f"{first.text}{between}{show(e.registered_on, fmt)}.")]
        for day, (pre, post) in later_acts(a, e, "rl", L("changes")):
            ms.append(mention("change_date", day, fmt, pre, post, n))
            row.append(Row("", ms[-1].text))
        ms += deletion(e, fmt, L("dele"), ".")
        row += [Row("", m.text) for m in ms[-1:] if m.kind == "deletion_date" and m.lfd_nr == n]
        rows[n] = tuple(row)
    reg = {e.lfd_nr: show(e.registered_on, fmt) for e in a.entries}
    return Plan(dev3.SheetDates(reg, tuple(ms), how), rows)


def plan_vermerk(a: Akte, L) -> Plan:
    fmt = dev2.pick(a, "dv_fmt", ("numeric", "numeric", "short"))
    issued = L("issued")[dev2.akte_hash(a, "dv_issued") % 3]
    order, reg_word = dev2.pick(a, "dv_order", L("order")), dev2.pick(a, "dv_reg", L("reg"))
    ms, rows = [], {}
    for e in a.entries:
        n = e.lfd_nr
        row = []
        if dev2.pick(a, f"dv_decl{n}", (True, False)):
            ms.append(mention("declaration_date", dev3.declared(a, e), fmt, "", "", n))
            row.append(Row(ms[-1].shown, L("decl")))
        ms.append(mention("order_date", ordered(a, e), fmt, "", "", n))
        row += [Row(ms[-1].shown, order), Row(show(e.registered_on, fmt), reg_word)]
        for day, act in later_acts(a, e, "dv", ("transfer", "fix"), 1 if e.deleted_on else 2):
            words = f"{L('transfer')}{other_blatt(a, f'dv_blatt{n}')}" if act == "transfer" else L("fix")
            ms.append(mention("transfer_date" if act == "transfer" else "change_date", day, fmt, "", "", n))
            row.append(Row(ms[-1].shown, words))
        for m in deletion(e, fmt, ""):
            ms.append(m)
            row.append(Row(m.shown, L("dele")))
        rows[n] = tuple(row)
    ms.insert(0, mention("issue_date", dev3.after_all(a, ms, "dv_issue"), fmt, issued))
    reg = {e.lfd_nr: show(e.registered_on, fmt) for e in a.entries}
    return Plan(dev3.SheetDates(reg, tuple(ms), issued), rows)


def plan_book(a: Akte, L) -> Plan:
    how = dev2.pick(a, "pb_how", ("reg_before", "reg_after", "order"))
    gone_words = dev2.pick(a, "pb_dele", L("dele"))
    ms, rows = [], {}
    reg = {}
    for e in a.entries:
        n = e.lfd_nr
        fmt = dev4.pen_fmt(a, f"pb_fmt{n}", e.registered_on)
        reg[n] = show(e.registered_on, fmt)
        row = []
        if dev2.pick(a, f"pb_decl{n}", (True, False)):
            ms.append(mention("declaration_date", dev3.declared(a, e), fmt, L("decl"), "", n))
            row.append(Row("", ms[-1].text))
        if how == "order":
            ms.append(mention("order_date", ordered(a, e), fmt, L("order")[0], "", n))
            line = f"{ms[-1].text}{L('order')[1]}{reg[n]}"
        else:
            before, after = L(how)
            line = f"{before}{reg[n]}{after}"
        line += f" {dev5.initials(e.clerk)}"
        for m in deletion(e, fmt, gone_words, f" {dev5.initials(e.deleter or '')}"):
            ms.append(m)
            line += m.text
        row.append(Row("", line))
        for day, _ in later_acts(a, e, "pb", ("fix",), 1):
            ms.append(mention("change_date", day, dev4.pen_fmt(a, f"pb_cfmt{n}", day), L("fix"), "", n))
            row.append(Row("", ms[-1].text))
        rows[n] = tuple(row)
    return Plan(dev3.SheetDates(reg, tuple(ms), how), rows)


def plan_newest(a: Akte, L) -> Plan:
    how = dev2.pick(a, "nf_how", ("reg_paren", "reg_paren", "reg_left"))
    fmt = dev2.pick(a, "nf_fmt", ("numeric", "numeric", "short"))
    ms, rows = [], {}
    for e in a.entries:
        n = e.lfd_nr
        before, mid, after = L(how)
        ms.append(mention("declaration_date", dev3.declared(a, e), "numeric", "", "", n))
        row = [Row("", f"{before}{show(e.registered_on, fmt)}{mid}{ms[-1].shown}{after}")]
        for day, act in later_acts(a, e, "nf", ("renewed", "transfer", "fix"), 1 if e.deleted_on else 2):
            if act == "transfer":
                pre, post = L("transfer")
                ms.append(mention("transfer_date", day, fmt, f"{pre}{other_blatt(a, f'nf_blatt{n}')}{post}", "", n))
            else:
                ms.append(mention("renewal_date" if act == "renewed" else "change_date", day, fmt, L(act), "", n))
            row.append(Row("", ms[-1].text))
        for m in deletion(e, fmt, L("dele")):
            ms.append(m)
            row.append(Row("", m.text))
        rows[n] = tuple(row)
    ms.insert(0, mention("letter_date", dev3.after_all(a, ms, "nf_letter"), "numeric", f"{dev3.place(a)}, den "))
    reg = {e.lfd_nr: show(e.registered_on, fmt) for e in a.entries}
    return Plan(dev3.SheetDates(reg, tuple(ms), how), rows)


PLANS = {"remark_ledger": plan_ledger, "dated_vermerk": plan_vermerk, "pen_book": plan_book,
         "newest_first": plan_newest}


def plan(a: Akte, tpl: Template) -> Plan:
    """The dates and remark rows a dev6 sheet of this Akte prints."""
    return PLANS[tpl.renderer](a, tpl.label)


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a dev6 sheet of this Akte prints."""
    return plan(a, tpl).dates


def head_values(a: Akte, L) -> list[tuple[str, str]]:
    """The head's (label, value) pairs: Gemarkung, each Flur with its Flurstücke, Lage, Grundbuch."""
    out = [(L("gem"), a.parcels[0].gemarkung)]
    out += [(L("flur"), f"{flur}, {L('fst')} {fst}") for flur, fst in dev3.parcel_cells(a)]
    if a.address:
        out.append((L("addr").rstrip(":"), a.address))
    if a.grundbuch:
        out.append((L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}"))
    return out


# --- a typed page of a bound Baulastenbuch, the remark one sentence with two dates --------------------------------
def sheet_remark_ledger(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    pl = plan(a, tpl)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    top = P(tpl.top)
    # the book's printed head: title and whose, the page number in a box on the right
    pg.text(x0, top + P(6), L("title"), fb, 16)
    pg.text(x0, top + P(11.5), dev5.of_whom(a, auth), f, 9.5)
    bw = P(54)
    pg.rect((x1 - bw, top, x1, top + P(14)), 0.4)
    pg.text(x1 - bw + P(2), top + P(4), L("number"), f, 7.5)
    pg.typed(x1 - bw + P(14), top + P(11.5), dev2.number_shown(a, "display"), fv, pt * 1.4)
    y = top + P(22)
    lh = pg.line_height(fv, pt, 1.4)
    for label, value in head_values(a, L):
        dev4.typed_after(pg, x0, y, f"{label}:", value, tpl, 9, pt)
        y += lh
    dev4.typed_after(pg, x0 + round(W * 0.62), top + P(22), L("az"), a.aktenzeichen, tpl, 9, pt)
    d |= {"aktenzeichen"} | ({"grundbuch_blatt"} if a.grundbuch else set())
    y += P(2)
    xs = [x0 + round(W * c) for c in (0, 0.07, 0.58)] + [x1]
    y_bot = pg.img.height - P(14)
    y = dev3.card_table(pg, xs, y, y_bot, [L(key) for key in ("nr", "text", "rem")], fb, 8.5, 0, 9)
    y += lh
    pad = P(1.8)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, xs[2] - xs[1] - 2 * pad)
        rem = [(i, s) for i, row in enumerate(pl.rows[n]) for s in pg.wrap(row.line, fv, pt, xs[3] - xs[2] - 2 * pad)]
        first = sum(1 for i, _ in rem if i == 0)  # the registration's sentence, signed under it
        if y + (max(len(body), len(rem) + 1) + 1) * lh > y_bot:
            return d, True
        pg.typed(xs[0] + pad, y, f"{n}.", fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
        yy = y
        for j, (i, s) in enumerate(rem):
            pg.typed(xs[2] + pad, yy, s, fv, pt)
            yy += lh
            if j == first - 1:  # the clerk's signature under the registration
                pg.signature(xs[2] + pad + P(rng.uniform(4, 20)), yy, w_mm=18, h_mm=4.5, fill=rng.randrange(20, 60))
                yy += lh
        if e.deleted_on:
            pg.hand_line(xs[1] + pad, y - round(lh * 0.6), xs[2] - pad, y + (len(body) - 1) * lh, w=0.35, fill=70)
        y = max(y + len(body) * lh, yy) + round(lh * 0.4)
        pg.hline(x0, x1, y - round(lh * 0.7), 0.2)
    d |= pl.dates.kinds()
    return d, False


# --- a printed form: an issue date above the table, a Datum column left of the Vermerk column ---------------------
def sheet_dated_vermerk(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    pl = plan(a, tpl)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    top = P(tpl.top)
    yy = top + P(5)
    for i, s in enumerate(auth):
        pg.text(x0, yy, s, fb if i == 0 else f, 10 if i == 0 else 8.5)
        yy += P(4.2)
    pg.text(x1, top + P(7), L("title"), fb, 18, anchor="rs")
    pg.text(x1, top + P(12), dev5.of_whom(a, auth), f, 8.5, anchor="rs")
    xb = x1 - P(70)
    pg.rect((xb, top + P(15), x1, top + P(25)), 0.35, fill=236)
    end = pg.text(xb + P(2), top + P(21.5), L("number"), f, 8)
    pg.text(end + P(4), top + P(22), dev2.number_shown(a, "display"), fb, 13)
    y = max(yy, top + P(25)) + P(8)
    issue = pl.dates.one("issue_date")
    pg.text(x1, y, issue.text, f, 9, anchor="rs")
    pg.text(x0, y, f"{L('page')} {page_no} {L('of')} 1", f, 8.5)
    d.add("page_number")
    y += P(4)
    cs = [x0 + round(W * c) for c in (0, 0.3, 0.42, 0.7)] + [x1]
    y = dev5.parcel_grid(pg, tpl, a, cs, y, P(7.5), pt, 8, 228, d)
    y += P(6)
    xs = [x0 + round(W * c) for c in (0, 0.06, 0.56, 0.7)] + [x1]
    y_bot = pg.img.height - P(14)
    y = dev3.card_table(pg, xs, y, y_bot, [L(key) for key in ("nr", "text", "day", "rem")], fb, 8, 0, 9, shade=222)
    lh = pg.line_height(f, pt, 1.4)
    y += lh
    pad = P(1.8)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, xs[2] - xs[1] - 2 * pad)
        rows = [(row, pg.wrap(row.words, f, pt, xs[4] - xs[3] - 2 * pad)) for row in pl.rows[n]]
        need = max(len(body), sum(len(w) + 0.5 for _, w in rows)) * lh
        if y + need > y_bot - P(2):
            return d, True
        pg.text(xs[0] + pad, y, f"{n}", f, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + pad, y + i * lh, s, f, pt)
        yy = y
        for row, words in rows:
            pg.text(xs[2] + pad, yy, row.date, f, pt)
            for s in words:
                end = pg.text(xs[3] + pad, yy, s, f, pt)
                yy += lh
            room = (xs[4] - end) * 25.4 / pg.dpi - 3
            if row.date == pl.dates.registered[n] and room > 6:  # signed where the registration is noted
                pg.signature(end + P(2), yy - lh, w_mm=min(14, room), h_mm=4, fill=rng.randrange(20, 60))
            yy += lh // 2
        if e.deleted_on:
            pg.hand_line(xs[1] + pad, y - round(lh * 0.6), xs[2] - pad, y + (len(body) - 1) * lh, w=0.35, fill=70)
        y = round(y + need) + round(lh * 0.3)
        pg.hline(x0, x1, y - round(lh * 0.75), 0.25)
    d |= pl.dates.kinds()
    return d, False


# --- a landscape register page kept by pen, date and label in one line -------------------------------------------
def sheet_pen_book(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, hand = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    pl = plan(a, tpl)
    grey = 80  # the book's printing
    ink = rng.randrange(20, 55)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    y = P(tpl.top) + P(6)
    pg.text(x0, y, L("title"), fb, 16, fill=grey)
    end = pg.text(x0 + P(75), y, L("gem"), f, 9, fill=grey)
    dev.pen(pg, end + P(3), y, a.parcels[0].gemarkung, hand, pt * 1.1, ink)
    pg.text(x0 + P(140), y, auth[0], f, 9, fill=grey)
    end = pg.text(x1 - P(58), y, L("number"), f, 9, fill=grey)
    pg.hline(end + P(1.5), x1, y + P(1), 0.15, fill=grey)
    dev.pen(pg, end + P(5), y, a.register_display, hand, pt * 1.35, ink)
    y += P(4)
    pg.hline(x0, x1, y, 0.5, fill=grey)
    y += P(3)
    keys = ("nr", "parcel", "text", "rem")
    xs = [x0 + round(W * c) for c in (0, 0.04, 0.2, 0.62)] + [x1]
    y_bot = pg.img.height - P(10)
    y = dev3.card_table(pg, xs, y, y_bot, [L(key) for key in keys], fb, 8.5, grey, 10)
    lh = round(pg.line_height(hand, pt, 1.35))
    pad = P(1.8)
    y += lh
    for e in a.entries:
        n = e.lfd_nr
        font = hand if n == 1 else rng.choice(dev.PENS)
        ink_e = rng.randrange(15, 60)
        width = xs[3] - xs[2] - 2 * pad
        body = dev.pen_wrap(pg, f"{dev3.short_text(a, e, L)}: {dev2.period_text(e.text, e.registered_on.year)}",
                            font, pt, width)
        parcels = [s for flur, fst in dev3.parcel_cells(a)
                   for s in dev.pen_wrap(pg, f"{L('fl')} {flur} {L('no')} {fst}", font, pt,
                                         xs[2] - xs[1] - 2 * pad)]
        if a.address and n == 1:
            parcels += dev.pen_wrap(pg, a.address, font, pt, xs[2] - xs[1] - 2 * pad)
        rem = [s for row in pl.rows[n] for s in dev.pen_wrap(pg, row.line, font, pt, xs[4] - xs[3] - 2 * pad)]
        h = (max(len(body), len(parcels), len(rem)) + 0.6) * lh
        if y + h > y_bot - P(2):
            return d, True
        dev.pen(pg, xs[0] + pad, y, f"{n}.", font, pt, ink_e)
        for col, lines in ((1, parcels), (2, body), (3, rem)):
            for i, s in enumerate(lines):
                dev.pen(pg, xs[col] + pad, y + i * lh, s, font, pt, ink_e)
        if e.deleted_on:  # struck through, by the hand that deleted it
            pg.hand_line(xs[2] + pad, y - round(lh * 0.6), xs[3] - pad, y + (len(body) - 1) * lh, w=0.35, fill=70)
        y += round(h)
        pg.hline(x0, x1, y - round(lh * 0.75), 0.15, fill=grey)
    pg.text(x1, pg.img.height - P(5), f"{L('page')} {page_no}", f, 8, fill=grey, anchor="rs")
    d |= pl.dates.kinds() | {"page_number"}
    return d, False


# --- a later computer print: a letter's date in the head, the entries newest first ---------------------------------
def sheet_newest_first(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    pl = plan(a, tpl)
    auth = dev2.period_authority(a, pl.dates.one("letter_date").day.year)
    y = P(tpl.top)
    for i, s in enumerate(auth):
        pg.text(x0, y, s, fb if i == 0 else f, 11 if i == 0 else 9.5)
        y += P(4.6)
    pg.text(x1, P(tpl.top) + P(14), pl.dates.one("letter_date").text, f, 10, anchor="rs")
    y += P(10)
    pg.text(x0, y, L("title"), fb, 14)
    pg.text(x0, y + P(5), dev5.of_whom(a, auth), f, 9.5)
    y += P(12)
    lh = pg.line_height(f, pt, 1.45)
    tab = x0 + P(42)
    pairs = [(L("number"), dev2.number_shown(a, "display"))] + head_values(a, L) + [(L("az"), a.aktenzeichen)]
    for label, value in pairs:
        pg.text(x0, y, f"{label}:", f, pt)
        pg.text(tab, y, value, fb if label == L("number") else f, pt * (1.25 if label == L("number") else 1))
        y += lh
    d |= {"aktenzeichen"} | ({"grundbuch_blatt"} if a.grundbuch else set())
    y += P(2)
    pg.hline(x0, x1, y, 0.4)
    y += lh
    if len(a.entries) > 1:
        pg.text(x0, y, f"({L('order_note')})", f, pt * 0.9)
        y += lh
    y_bot = pg.img.height - P(16)
    for e in reversed(a.entries):  # the newest entry first
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, W - P(30))
        rows = [s for row in pl.rows[n] for s in pg.wrap(row.line, f, pt, W - P(30))]
        if y + (len(body) + len(rows) + 2.5) * lh > y_bot:
            return d, True
        pg.text(x0, y, f"{L('entry')} {n}", fb, pt)
        pg.text(tab, y, f"{L('kind')}: {dev2.type_shown(e.type)}", f, pt)
        y += round(lh * 1.2)
        for s in body:
            pg.text(tab, y, s, f, pt, fill=90 if e.deleted_on else 0)
            y += lh
        y += round(lh * 0.3)
        for s in rows:
            pg.text(tab, y, s, f, pt)
            y += lh
        y += round(lh * 0.4)
        pg.hline(x0, x1, y - round(lh * 0.6), 0.2, fill=110)
        y += round(lh * 0.3)
    pg.text(x1, pg.img.height - P(9), f"{L('page')} {page_no} {L('of')} 1", f, 8, anchor="rs")
    d |= pl.dates.kinds() | {"page_number"}
    return d, False


DEV6_RENDERERS = {"remark_ledger": sheet_remark_ledger, "dated_vermerk": sheet_dated_vermerk,
                  "pen_book": sheet_pen_book, "newest_first": sheet_newest_first}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str, tpl: Template) -> tuple[list[str], dict]:
    """dev6's own draws for one random file (made by ``assemble.random_spec`` for this split only): as dev3's (more
    entries and deletions than elsewhere, 1-3 parcels, every number style); on the pen-kept register the deleted
    entry is entry 1 on most files."""
    kinds, opts = dev3.spec_draws(rng, kinds, opts, fmt)
    if tpl.renderer == "pen_book" and opts.get("deleted"):
        opts = {**opts, "delete_first": rng.random() < 0.7}
    return kinds, opts


TEMPLATES.update(DEV6_TEMPLATES)
