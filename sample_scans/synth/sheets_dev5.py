"""Baulastenblatt templates and renderers of the ``dev5`` split: a development set (not held out) of sheets whose
dates are carried by rubber stamps and written in the margins, so that which date is the Eintragungsdatum depends on
reading a stamp's label lines with its date line, and on telling it from the stamps and notes around it.

* ``stamped_folio`` (1964-1991, a typed register sheet): each entry a typed paragraph under "Lfd. Nr. 1", and under
  it a row of rubber stamps pressed partly over its last typed line: the declaration's receipt ("EINGEGANGEN /
  03. MRZ. 1987 / Bauaufsichtsamt") on the left, the registration in the middle, its label over one or two lines,
  the date on the next, a line for the Namenszeichen below ("In das Baulastenverzeichnis / eingetragen am /
  12. MRZ. 1987 / ____", in a box, a double box or an oval), a "Geprüft" stamp with its own date on the right; a
  deleted Baulast crossed out by pen and stamped "Gelöscht am / -3. JUN. 1991 / ____" on the right of its row.
  Dates as a date stamp prints them: "12. MRZ. 1987", "12.MRZ.1987" or "-3. JUN. 1991".
* ``margin_ledger`` (1958-1985, a typed sheet on ruled paper with a punched Heftrand): no date column at all; the
  registration is written by pen (or typed) in the left margin beside its entry, across in three lines
  ("Eingetr. / 12.3.67 / Sch.") or running up the margin ("eingetragen am 12.3.67 Sch."), a deletion below it in
  the same way; the right margin holds pen notes with other dates ("AV v. / 3.4.67", "Wv. / 1.6.67"), and the
  declaration's receipt stamp with a dater's wide-set wheels ("EINGEGANGEN / 1 2  0 3  6 7") sits over the head.
* ``stamp_column`` (1987-2010, a laser-printed form): the column "Eintragungs- und Löschungsvermerke" is filled
  with stamps only: an oval "Posteingang" stamp of the Bauaufsichtsamt with its date, the registration as an oval
  "EINGETRAGEN" stamp with the date under it or as a box stamp "In das Baulastenverzeichnis / eingetragen am" whose
  date was written into it by pen, pressed over the column's rule, and a "Zur Kenntnis genommen" stamp with its date
  over the right frame; a typed deletion; an "ABSCHRIFT" stamp on the head and a stamped certification of the copy
  ("Für die Richtigkeit der Abschrift / Kaarst, den ...") at the foot.
* ``dater_register`` (1972-1998, a landscape register page kept by typewriter): columns Lfd. Nr. | Grundstück |
  Inhalt | Erklärung vom (a typed date) | Eintragung | Löschung | Vermerke; the registration is a dater stamp
  "EINGETRAGEN" over wide-set or dotted wheel digits ("12 03 87") that is wider than its column and spills over the
  rules, a deletion a "GELÖSCHT" stamp, and the Vermerke column holds pen notes ("Abschr. erteilt 15.3.87") and
  "Zur Kenntnis genommen" stamps with their own dates.

Every date a sheet prints is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates`` of
``sheets_dev3.Mention``); no mention is on an entry's registration or deletion day except ``deletion_date``, which
is the entry's deletion. The truth is the same as for every other layout. The templates are registered when
``layouts`` imports this module at its end.
"""

from __future__ import annotations

import copy
import random
import textwrap
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev4 as dev4
from .content import KIND, Akte
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import Page

SPLIT = "dev5"
dev = Later(".sheets_dev")  # pen, stamps, parcel phrases

DEV5_LABELS = {
    "DEV5_SF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Verzeichnisblatt-Nummer", "fst": "Flurstück",
                "fst_pl": "Flurstücke", "and": "und", "addr": "Lage:", "gb": "Grundbuch von", "gb_blatt": "Blatt",
                "az": "Aktenzeichen:", "entry": "Lfd. Nr.", "recv": "EINGEGANGEN", "check": "Geprüft",
                "reg_prose": "In das Baulastenverzeichnis\neingetragen am", "reg_label": "Eingetragen am",
                "reg_caps": "EINGETRAGEN", "dele": "Gelöscht am"},
    "DEV5_ML": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baul.-Verz. Blatt Nr.", "fst": "Flurst.",
                "fst_pl": "Flurst.", "and": "u.", "addr": "Straße:", "gb": "Grundbuch", "gb_blatt": "Bl.",
                "az": "Az.", "recv": "EINGEGANGEN", "reg": "Eingetr.", "reg_up": "eingetragen am",
                "dele": "gelöscht", "dele_up": "gel.", "memo": "AV v.", "resub": "Wv."},
    "DEV5_SC": {**_BASE, "title": "Baulastenblatt", "sub": "Baulastenverzeichnis",
                "number": "Blatt-Nr. im Baulastenverzeichnis", "gem": "Gemarkung", "flur": "Flur",
                "fst": "Flurstück(e)", "addr": "Lage", "gb": "Grundbuch von", "gb_blatt": "Blatt", "az": "Az.",
                "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast",
                "rem": "Eintragungs- und\nLöschungsvermerke", "inbox": "– Posteingang –",
                "reg_caps": "EINGETRAGEN", "reg_prose": "In das Baulastenverzeichnis\neingetragen am",
                "notice": "Zur Kenntnis genommen", "dele": "Gelöscht am", "copy": "ABSCHRIFT",
                "certify": "Für die Richtigkeit der Abschrift:", "den": "den", "page": "Seite", "of": "von"},
    "DEV5_RB": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baulastenregister Blatt", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück", "addr": "Lage", "gb": "Grundbuch", "gb_blatt": "Blatt",
                "az": "Az.", "nr": "Lfd.\nNr.", "parcel": "Grundstück\n(Flur, Flurstück)",
                "text": "Inhalt der Baulast", "decl": "Erklärung\nvom", "reg": "Eintragung\n(Stempel, Zeichen)",
                "dele": "Löschung", "rem": "Vermerke", "reg_caps": "EINGETRAGEN", "dele_caps": "GELÖSCHT",
                "notice": "Zur Kenntnis genommen", "copy": "Abschr. erteilt", "fl": "Fl.", "no": "Nr.",
                "to": "zugunsten", "and": "u.", "page": "Blatt"},
}
LABELS.update(DEV5_LABELS)

DEV5_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_d5", "typewriter_form", "DEV5_SF", "dv_serif", "dv_serif_bold", "free_mono", pt=11, margin=20,
             top=14, years=(1964, 1991), split=SPLIT, renderer="stamped_folio"),
    Template("pm_d5", "typewriter_form", "DEV5_ML", "free_serif", "free_serif_bold", "mono", pt=10.5, margin=10,
             top=14, years=(1958, 1985), split=SPLIT, renderer="margin_ledger"),
    Template("mg_d5", "modern_grid", "DEV5_SC", "dv_sans", "dv_sans_bold", "dv_sans", pt=9.5, margin=15, top=12,
             years=(1987, 2010), split=SPLIT, renderer="stamp_column"),
    Template("rb_d5", "typewriter_form", "DEV5_RB", "serif", "serif_bold", "dv_mono", pt=9.5, margin=10, top=10,
             years=(1972, 1998), split=SPLIT, renderer="dater_register", landscape=True),
)}

# a date stamp's months, as its band prints them
MONTHS_DATER = ("JAN.", "FEB.", "MRZ.", "APR.", "MAI", "JUN.", "JUL.", "AUG.", "SEP.", "OKT.", "NOV.", "DEZ.")
# the ways a stamp prints a date besides dev3's "stamp" ("12. MRZ. 1987") and dev4's pen forms
FORMATS = {
    "stamp_tight": lambda d: f"{d.day:02d}.{MONTHS_DATER[d.month - 1]}{'' if d.month != 5 else ' '}{d.year}",
    "stamp_dash": lambda d: f"{'-' if d.day < 10 else ''}{d.day}. {MONTHS_DATER[d.month - 1]} {d.year}",
    "wheels": lambda d: f"{d.day:02d} {d.month:02d} {d.year % 100:02d}",  # a dater's number wheels: 12 03 87
}


def show(d, fmt: str) -> str:
    return FORMATS[fmt](d) if fmt in FORMATS else dev4.show(d, fmt)


def mention(kind: str, day, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(day, fmt), before, after, lfd_nr)


def initials(name: str) -> str:
    """A clerk's Namenszeichen: 'Mü.' for Müller."""
    return f"{name[:2]}."


# --- what each template prints --------------------------------------------------------------------------------
def plan_folio(a: Akte) -> dev3.SheetDates:
    fmt = dev2.pick(a, "sf_fmt", ("stamp", "stamp_tight", "stamp_dash"))
    how = dev2.pick(a, "sf_reg", ("reg_prose", "reg_label", "reg_caps"))
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        if n == 1 or dev2.pick(a, f"sf_recv{n}", (True, False)):
            ms.append(mention("stamp_date", dev3.received(a, e), fmt, "EINGEGANGEN ", "", n))
        if n == 1 or dev2.pick(a, f"sf_check{n}", (True, False, False)):
            ms.append(mention("check_date", dev3.offset(a, f"sf_check_day{n}", e.registered_on, 1, 12), fmt,
                              "Geprüft ", "", n))
        if e.deleted_on:
            ms.append(mention("deletion_date", e.deleted_on, fmt, "Gelöscht am ", "", n))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, fmt) for e in a.entries}, tuple(ms), how)


def plan_margin(a: Akte) -> dev3.SheetDates:
    how = dev2.pick(a, "ml_how", ("pen", "pen", "typed", "up"))
    ms = [mention("stamp_date", a.stamp_date, "wheels", "EINGEGANGEN ")]
    reg = {}
    for e in a.entries:
        n = e.lfd_nr
        notes = dev2.pick(a, f"ml_notes{n}", ("memo", "resub", "both") if n == 1 else ("memo", "resub", "", ""))
        if notes in ("memo", "both"):
            day = dev3.offset(a, f"ml_memo{n}", e.registered_on, -45, -3)
            ms.append(mention("memo_date", day, dev4.pen_fmt(a, f"ml_mfmt{n}", day), "AV v. ", "", n))
        if notes in ("resub", "both"):
            day = dev3.offset(a, f"ml_resub{n}", e.registered_on, 14, 120)
            ms.append(mention("resubmission_date", day, dev4.pen_fmt(a, f"ml_wfmt{n}", day), "Wv. ", "", n))
        if e.deleted_on:
            ms.append(mention("deletion_date", e.deleted_on, dev4.pen_fmt(a, f"ml_dfmt{n}", e.deleted_on), "", "", n))
        typed = how == "typed" and e.registered_on.year >= 1965
        reg[n] = show(e.registered_on, "short" if typed else dev4.pen_fmt(a, f"ml_rfmt{n}", e.registered_on))
    return dev3.SheetDates(reg, tuple(ms), how)


def plan_column(a: Akte) -> dev3.SheetDates:
    how = dev2.pick(a, "sc_how", ("oval", "oval", "filled"))
    stamp_fmt = dev2.pick(a, "sc_fmt", ("stamp_tight", "stamp", "stamp_dash"))
    recv_fmt = dev2.pick(a, "sc_recv", ("short", "stamp_tight", "stamp_dash"))
    ms = []
    reg = {}
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("stamp_date", dev3.received(a, e), recv_fmt, "Posteingang ", "", n))
        if n == 1 or dev2.pick(a, f"sc_notice{n}", (True, False)):
            ms.append(mention("notice_date", dev3.offset(a, f"sc_notice_day{n}", e.registered_on, 2, 35),
                              stamp_fmt, "Zur Kenntnis genommen ", "", n))
        if e.deleted_on:
            ms.append(mention("deletion_date", e.deleted_on, "numeric", "Gelöscht am ", "", n))
        pen = dev2.pick(a, f"sc_pen{n}", ("pen", "numeric"))
        reg[n] = show(e.registered_on, stamp_fmt if how == "oval" else pen)
    if dev2.pick(a, "sc_copy", (True, True, False)):
        ms.append(mention("copy_date", dev3.after_all(a, ms, "sc_copy_day"), "numeric", f"{dev3.place(a)}, den "))
    return dev3.SheetDates(reg, tuple(ms), how)


def plan_register(a: Akte) -> dev3.SheetDates:
    how = dev2.pick(a, "rb_how", ("tracked", "tracked", "dotted"))
    ms = []
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("declaration_date", dev3.declared(a, e), "short", "", "", n))
        if n == 1 or dev2.pick(a, f"rb_copy{n}", (True, False)):
            day = dev3.offset(a, f"rb_copy_day{n}", e.registered_on, 2, 25)
            ms.append(mention("copy_date", day, dev4.pen_fmt(a, f"rb_cfmt{n}", day), "Abschr. erteilt ", "", n))
        if dev2.pick(a, f"rb_notice{n}", (True, False)):
            ms.append(mention("notice_date", dev3.offset(a, f"rb_notice_day{n}", e.registered_on, 3, 40),
                              "stamp_dash", "Zur Kenntnis genommen ", "", n))
        if e.deleted_on:
            ms.append(mention("deletion_date", e.deleted_on, "stamp_dash", "GELÖSCHT ", "", n))
    return dev3.SheetDates({e.lfd_nr: show(e.registered_on, "wheels") for e in a.entries}, tuple(ms), how)


PLANS = {"stamped_folio": plan_folio, "margin_ledger": plan_margin, "stamp_column": plan_column,
         "dater_register": plan_register}


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a dev5 sheet of this Akte prints."""
    return PLANS[tpl.renderer](a)


# --- stamps and margin writing ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    """One line of a rubber stamp: its text, size (pt) and weight, and how it is set: plain type, a dater's wide-set
    number wheels ("tracked"), a numbering machine's dot digits ("dotted"), or a rule to sign on ("rule")."""

    text: str = ""
    pt: float = 7.0
    bold: bool = False
    look: str = "plain"


RULE = Line(pt=9, look="rule")  # room above the rule for the Namenszeichen
TRACK = 0.9  # mm between a dater's wheels


def strip(pg: Page, w: float, h: float) -> Page:
    """A blank strip that draws as the page does (its resolution, random source and fonts), for what is stamped or
    turned before it goes onto the page."""
    s = copy.copy(pg)
    s.img = Image.new("L", (max(1, round(w)), max(1, round(h))), 255)
    s.draw = ImageDraw.Draw(s.img)
    return s


def line_width(pg: Page, ln: Line) -> float:
    if ln.look == "rule":
        return pg.px(20)
    font = "sans_bold" if ln.bold else "sans"
    return pg.width(ln.text, font, ln.pt) + (pg.px(TRACK) * (len(ln.text) - 1) if ln.look == "tracked" else 0)


def set_line(st: Page, cx: float, base: float, ln: Line, ink: int) -> None:
    """One stamp line centred on cx, its baseline at base."""
    font, P = ("sans_bold" if ln.bold else "sans"), st.px
    if ln.look == "rule":
        st.hline(cx - P(10), cx + P(10), base, 0.2, fill=ink)
    elif ln.look == "tracked":  # each wheel a little apart from the next
        x = cx - line_width(st, ln) / 2
        for ch in ln.text:
            st.text(x, base, ch, font, ln.pt, fill=ink)
            x += st.width(ch, font, ln.pt) + P(TRACK)
    elif ln.look == "dotted":  # a numbering machine: the digits made of dots
        h = st.line_height(font, ln.pt, 1.4)
        sub = strip(st, st.img.width, h)
        sub.text(cx, round(h * 0.75), ln.text, font, ln.pt, anchor="ms")
        pitch = max(3, P(0.42))
        mask = sub.img.resize((sub.img.width // pitch, h // pitch), Image.BOX)
        top, r = round(base - h * 0.75), pitch * 0.4
        for j in range(mask.height):
            for i in range(mask.width):
                if mask.getpixel((i, j)) < 150:
                    x, y = (i + 0.5) * pitch, top + (j + 0.5) * pitch
                    st.draw.ellipse((x - r, y - r, x + r, y + r), fill=ink)
    else:
        st.text(cx, base, ln.text, font, ln.pt, fill=ink, anchor="ms")


def stamp(pg: Page, x: float, y: float, lines: list[Line], shape: str = "box", tilt: float = 5.0,
          anchor: str = "lt") -> tuple[int, int, int, int]:
    """A rubber stamp of a few lines in a box, a double box or an oval, pressed onto the page with uneven ink and a
    tilt of up to `tilt` degrees; (x, y) its top-left ('lt') or top-right ('rt') corner. Returns its box."""
    P = pg.px
    heights = [pg.line_height("sans", ln.pt, 1.25) for ln in lines]
    w = max(line_width(pg, ln) for ln in lines) + 2 * P(2.2)
    h = sum(heights) + 2 * P(1.4)
    if shape == "oval":  # the text must stay inside the curve
        w, h = w * 1.22 + P(2), h * 1.25 + P(1.5)
    st = strip(pg, w, h)
    ink = pg.rng.randrange(40, 95)
    edge = max(2, P(0.45))
    if shape == "oval":
        st.draw.ellipse((0, 0, st.img.width - 1, st.img.height - 1), outline=ink, width=edge)
    else:
        st.draw.rectangle((0, 0, st.img.width - 1, st.img.height - 1), outline=ink, width=edge)
        if shape == "double":
            st.draw.rectangle((P(1), P(1), st.img.width - 1 - P(1), st.img.height - 1 - P(1)), outline=ink,
                              width=max(1, edge // 2))
    yy = (st.img.height - sum(heights)) / 2
    for ln, hh in zip(lines, heights):
        set_line(st, st.img.width / 2, yy + hh * 0.8, ln, ink)
        yy += hh
    return dev.ink_onto(pg, st.img, x, y, anchor, tilt)


def sign_in(pg: Page, box: tuple[int, int, int, int], scale: float = 1.0) -> None:
    """A Namenszeichen scribbled over a stamp's lower part, as the clerk signed it."""
    x = box[0] + (box[2] - box[0]) * pg.rng.uniform(0.25, 0.45)
    pg.signature(x, box[3] - pg.px(2.2 * scale), w_mm=11 * scale, h_mm=3 * scale, fill=pg.rng.randrange(15, 60))


def turned(pg: Page, x: float, bottom: float, s: str, font: str, pt: float, ink: int, typed: bool = False) -> int:
    """Pen writing (or typing) running up the margin from `bottom`, the tops of its letters towards x; returns the
    top of its strip."""
    st = strip(pg, pg.width(s, font, pt) * 1.3 + pg.px(4), pg.line_height(font, pt, 1.7))
    base = round(st.img.height * 0.7)
    if typed:
        st.typed(pg.px(2), base, s, font, pt)
    else:
        dev.pen(st, pg.px(2), base, s, font, pt, ink)
    img = st.img.rotate(90, expand=True, fillcolor=255)
    box = (round(x), round(bottom) - img.height, round(x) + img.width, round(bottom))
    pg.img.paste(ImageChops.darker(pg.img.crop(box), img), box[:2])
    return box[1]


def label_lines(L, key: str, pt: float, bold: bool = False) -> list[Line]:
    """A stamp's label, over as many lines as its wording has."""
    return [Line(s, pt, bold) for s in L(key).split("\n")]


def of_whom(a: Akte, auth: list[str]) -> str:
    """Whose register this is: 'der Stadt Kaarst'; a Kreis's names the Gemeinde too ('des Kreises Neuss, Gemeinde
    Jüchen')."""
    own = dev2.genitive(auth[0])
    return f"{own}, {KIND[a.municipality]} {a.municipality}" if a.by_kreis else own


def typed_rows(a: Akte, L, d: set) -> list[str]:
    """The typed head of a sheet: parcels, Lage, Grundbuch, Aktenzeichen (noted in the distractors)."""
    rows = dev.parcel_text(a, L, L("fst_pl")) + ([f"{L('addr')} {a.address}"] if a.address else [])
    if a.grundbuch:
        rows.append(f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
    d.add("aktenzeichen")
    return rows + [f"{L('az')} {a.aktenzeichen}"]


# --- a typed register sheet, each entry stamped under its text ----------------------------------------------------
def sheet_stamped_folio(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    k = pt / tpl.pt  # stamps drawn smaller with the type, on a crowded sheet
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    top = P(tpl.top)
    y = top + P(4)
    for i, s in enumerate(auth):  # the preprinted letterhead
        pg.text(x0, y, s, fb if i == 0 else f, 10 if i == 0 else 9)
        y += P(4.3)
    bw, bh = P(58), P(17)
    pg.rect((x1 - bw, top, x1, top + bh), 0.35)
    pg.text(x1 - bw + P(2), top + P(4), L("number"), f, 7.5)
    pg.typed(x1 - bw + P(10), top + P(13.5), dev2.number_shown(a, "display"), fv, pt * 1.5)
    y = max(y, top + bh) + P(11)
    cx = pg.img.width // 2
    pg.text(cx, y, L("title"), fb, 17, anchor="ms")
    pg.text(cx, y + P(5.5), of_whom(a, auth), f, 10, anchor="ms")
    y += P(9)
    pg.hline(x0, x1, y, 0.6)
    pg.hline(x0, x1, y + P(1.2), 0.2)
    lh = pg.line_height(fv, pt, 1.4)
    adv = pg.width("M", fv, pt)
    ncol = int(W / adv)
    y += P(5) + lh
    for row in typed_rows(a, L, d):
        for s in textwrap.wrap(row, ncol):
            pg.typed(x0, y, s, fv, pt)
            y += lh
    pg.hline(x0, x1, y - round(lh * 0.4), 0.3)
    y += lh
    y_bot = pg.img.height - P(14)
    for e in a.entries:
        n = e.lfd_nr
        body = textwrap.wrap(dev2.period_text(e.text, e.registered_on.year), ncol - 5)
        check, gone = sd.one("check_date", n), sd.one("deletion_date", n)
        if y + len(body) * lh + P((28 + (20 if check and gone else 0)) * k) > y_bot:
            return d, True
        head = f"{L('entry')} {n}"
        pg.typed(x0, y, head, fv, pt)
        pg.typed(x0, y + P(0.9), "_" * len(head), fv, pt)
        y += lh
        y_text = y
        for s in body:
            pg.typed(x0 + 5 * adv, y, s, fv, pt)
            y += lh
        y_last = y - lh
        top_s = y_last - round(lh * 0.75)  # the stamps cover the last typed line in part
        boxes = []
        recv = sd.one("stamp_date", n)
        if recv:
            boxes.append(stamp(pg, x0 + P(rng.uniform(1, 9)), top_s + P(rng.uniform(0, 3)),
                               [Line(L("recv"), 7.5 * k, True), Line(recv.shown, 9.5 * k, True), Line(auth[-1], 6 * k)],
                               rng.choice(("box", "box", "oval"))))
        shape = {"reg_prose": "box", "reg_label": "double", "reg_caps": "oval"}[sd.how]
        under = [Line(auth[-1], 6 * k)] if shape == "oval" else [RULE]
        reg = stamp(pg, x0 + round(W * rng.uniform(0.37, 0.45)), top_s + P(rng.uniform(-1, 2)),
                    label_lines(L, sd.how, 8 * k, shape == "oval") + [Line(sd.registered[n], 10 * k, True)] + under,
                    shape, tilt=6)
        if shape == "oval":  # no line to sign on: the Namenszeichen beside it
            dev.pen(pg, reg[2] + P(1), reg[3] - P(5 * k), initials(e.clerk), rng.choice(dev.PENS), pt * 1.1,
                    rng.randrange(20, 60))
        else:
            sign_in(pg, reg, k)
        boxes.append(reg)
        y_right = top_s + P(rng.uniform(1, 5))
        if check:
            boxes.append(stamp(pg, x1 + P(rng.uniform(-4, 2)), y_right,
                               [Line(L("check"), 8.5 * k, True), Line(check.shown, 8.5 * k), RULE], anchor="rt"))
            sign_in(pg, boxes[-1], k * 0.8)
            y_right = boxes[-1][3] + P(1)
        if gone:  # crossed out by pen, and stamped on the right when the Baulast was deleted
            pg.hand_line(x0 + 5 * adv, y_text - round(lh * 0.6), x1 - P(4), y_last, w=0.35, fill=70)
            boxes.append(stamp(pg, x1 - P(rng.uniform(0, 6)), y_right, [Line(L("dele"), 8 * k, True),
                                                                      Line(gone.shown, 10 * k, True), RULE],
                               anchor="rt", tilt=7))
            sign_in(pg, boxes[-1], k)
        y = max(b[3] for b in boxes) + round(lh * 0.9)
    d |= sd.kinds()
    return d, False


# --- a typed sheet on ruled paper, the registration written in its margin ------------------------------------------
def sheet_margin_ledger(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    fv = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    xl, xr = x0 + P(30), x1 - P(25)  # the printed margin rules
    H = pg.img.height
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    # the paper: a punched Heftrand, double rule on the left, single on the right, faint ruling
    for hy in (0.32, 0.68):
        pg.draw.ellipse((P(3), H * hy - P(3), P(9), H * hy + P(3)), fill=228, outline=190)
    pg.vline(xl, P(5), H - P(5), 0.25, fill=120)
    pg.vline(xl + P(1), P(5), H - P(5), 0.15, fill=150)
    pg.vline(xr, P(5), H - P(5), 0.2, fill=130)
    recv = sd.one("stamp_date")
    stamp(pg, x1 + P(rng.uniform(-2, 4)), P(rng.uniform(5, 10)),
          [Line(L("recv"), 7, True), Line(recv.shown, 10, True, "tracked"), Line(auth[-1], 6)], tilt=7, anchor="rt")
    bx = xl + P(4)
    adv = pg.width("M", fv, pt)
    ncol = int((xr - P(3) - bx) / adv)
    lh = pg.line_height(fv, pt, 1.5)
    y = P(tpl.top) + P(4)
    for s in auth:
        pg.typed(bx, y, s, fv, pt)
        y += lh
    y += lh
    title = " ".join(L("title").upper())
    tx = bx + (ncol - len(title)) // 2 * adv
    pg.typed(tx, y, title, fv, pt)
    pg.typed(tx, y + P(1.2), "_" * len(title), fv, pt)
    whose = of_whom(a, auth)
    pg.typed(bx + (ncol - len(whose)) // 2 * adv, y + lh, whose, fv, pt)
    y += round(lh * 2.8)
    pg.typed(bx, y, f"{L('number')} {dev2.number_shown(a, 'display')}", fv, pt * 1.1)
    y += round(lh * 1.5)
    for row in typed_rows(a, L, d):
        for i, s in enumerate(textwrap.wrap(row, ncol - 2)):
            pg.typed(bx + (2 * adv if i else 0), y, s, fv, pt)
            y += lh
    pg.hline(xl, xr, y - round(lh * 0.3), 0.25)
    y += lh
    y_bot = H - P(12)
    ink = rng.randrange(20, 55)
    small = pt * 0.95
    for e in a.entries:
        n = e.lfd_nr
        hand = rng.choice(dev.PENS)
        body = textwrap.wrap(dev2.period_text(e.text, e.registered_on.year), ncol - 4)
        gone = sd.one("deletion_date", n)
        notes = sd.at(n, "memo_date", "resubmission_date")
        reg = sd.registered[n]
        if sd.how == "up":
            up = f"{L('reg_up')} {reg} {initials(e.clerk)}"
            need = max(len(body) * lh, pg.width(up, hand, small) * 1.15 + P(3))  # its strip's blank end may stick out
            margin_rows = 0
        else:
            margin_rows = 3 + (4 if gone else 0)
            need = max(len(body), margin_rows, 3 * len(notes)) * lh
        if y + need > y_bot:
            return d, True
        pg.typed(bx, y, f"{n}.", fv, pt)
        for i, s in enumerate(body):
            pg.typed(bx + 4 * adv, y + i * lh, s, fv, pt)
        if gone:  # crossed out by pen
            y_end = y + (len(body) - 1) * lh
            pg.hand_line(bx + 4 * adv, y - round(lh * 0.6), xr - P(3), y_end, w=0.35, fill=80)
            pg.hand_line(bx + 4 * adv, y_end, xr - P(3), y - round(lh * 0.6), w=0.35, fill=80)
        for i, m in enumerate(notes):  # the right margin: other dates, by other hands
            ink_m, pen_m = rng.randrange(20, 70), rng.choice(dev.PENS)
            dev.pen(pg, xr + P(2), y + 3 * i * lh, m.label, pen_m, small, ink_m)
            dev.pen(pg, xr + P(2), y + (3 * i + 1) * lh, m.shown, pen_m, small, ink_m)
        xm = x0 + P(3)
        if sd.how == "up":  # running up the margin; a deletion beside it, by another hand
            turned(pg, xm, y + round(need) - lh, up, hand, small, ink)
            if gone:
                turned(pg, xm + P(8), y + round(need) - lh, f"{L('dele_up')} {gone.shown} {initials(e.deleter)}",
                       rng.choice(dev.PENS), small, rng.randrange(20, 70))
        else:
            rows = [L("reg"), reg, initials(e.clerk)]
            for i, s in enumerate(rows):
                if sd.how == "typed" and i < 2 and e.registered_on.year >= 1965:
                    pg.typed(xm, y + i * lh, s, fv, small)
                else:
                    dev.pen(pg, xm + P(2 if i == 2 else 0), y + i * lh, s, hand, small, ink)
            if gone:
                hand_g, ink_g = rng.choice(dev.PENS), rng.randrange(20, 70)
                for i, s in enumerate((L("dele"), gone.shown, initials(e.deleter))):
                    dev.pen(pg, xm, y + (4 + i) * lh, s, hand_g, small, ink_g)
        y += round(need) + round(lh * 0.6)
        pg.hline(xl, xr, y - lh, 0.15, fill=120)
    d |= sd.kinds()
    return d, False


# --- a laser-printed form whose Vermerk column is filled with stamps -----------------------------------------------
def parcel_grid(pg: Page, tpl: Template, a: Akte, cs: list[int], y: int, rh: int, pt: float, head_pt: float,
                shade: int, d: set) -> int:
    """A printed form's grid of cells between the edges `cs`: Gemarkung | Flur | Flurstück | Lage over a row per
    Flur, then Grundbuch and Aktenzeichen (noted in the distractors `d`); the line below it."""
    from .sheets import cell_row  # sheets imports this module

    L, f = tpl.label, tpl.form_font
    y = cell_row(pg, cs, y, rh, [L(key) for key in ("gem", "flur", "fst", "addr")], tpl.bold_font, head_pt,
                 shade=shade)
    for i, (flur, fst) in enumerate(dev3.parcel_cells(a)):
        y = cell_row(pg, cs, y, rh, [a.parcels[0].gemarkung, flur, fst, (a.address or "") if i == 0 else ""], f, pt)
    gb = f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else ""
    y = cell_row(pg, [cs[0], cs[3], cs[-1]], y, rh, [gb, f"{L('az')} {a.aktenzeichen}"], f, pt)
    d |= {"aktenzeichen"} | ({"grundbuch_blatt"} if a.grundbuch else set())
    return y


def sheet_stamp_column(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    k = pt / tpl.pt
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    town = dev3.place(a)
    top = P(tpl.top)
    # the head: authority left, title right, the number in a box under it
    xm = x0 + round(W * 0.55)
    pg.rect((x0, top, xm, top + P(26)), 0.35)
    pg.rect((xm, top, x1, top + P(26)), 0.35)
    yy = top + P(7)
    for i, s in enumerate(auth):
        pg.text(x0 + P(3), yy, s, fb if i == 0 else f, 10 if i == 0 else 9)
        yy += P(5)
    pg.text(xm + P(3), top + P(10), L("title"), fb, 15)
    for i, s in enumerate(pg.wrap(f"{L('sub')} {of_whom(a, auth)}", f, 8.5, x1 - xm - P(6))[:2]):
        pg.text(xm + P(3), top + P(17 + 4 * i), s, f, 8.5)
    y = top + P(26)
    pg.rect((xm, y, x1, y + P(11)), 0.35, fill=238)
    end = pg.text(xm + P(3), y + P(7.5), L("number"), f, 9)
    pg.text(end + P(4), y + P(7.8), dev2.number_shown(a, "display"), fb, 13)
    pg.text(x0 + P(3), y + P(7.5), f"{L('page')} {page_no} {L('of')} 1", f, 8.5)
    d.add("page_number")
    copy_ = sd.one("copy_date")
    if copy_:  # the copy's stamp, pressed over the head
        stamp(pg, x0 + round(W * rng.uniform(0.28, 0.36)), top + P(rng.uniform(9, 14)),
              [Line(L("copy"), 13, True)], rng.choice(("box", "double")), tilt=8)
    y += P(16)
    cs = [x0 + round(W * c) for c in (0, 0.3, 0.4, 0.68)] + [x1]
    y = parcel_grid(pg, tpl, a, cs, y, P(8.5), pt, 8.5, 225, d)
    y += P(6)
    # the table, ruled down to the foot; the Vermerk column wide enough for a stamp or two side by side
    xs = [x0 + round(W * c) for c in (0, 0.065, 0.62)] + [x1]
    y_bot = pg.img.height - P(36 if copy_ else 16)
    y = dev3.card_table(pg, xs, y, y_bot, [L(key) for key in ("nr", "text", "rem")], fb, 8, 0, 10, shade=220)
    lh = pg.line_height(f, pt, 1.35)
    y += lh
    pad = P(2)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, xs[2] - xs[1] - 2 * pad)
        gone = sd.one("deletion_date", n)
        notice = sd.one("notice_date", n)
        need = max(len(body) * lh, P(48 * k) + (P(10 * k) if notice else 0) + (3 * lh if gone else 0))
        if y + need > y_bot - P(2):
            return d, True
        pg.text(xs[0] + pad, y, f"{n}", f, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + pad, y + i * lh, s, f, pt, fill=95 if gone else 0)
        if gone:  # struck through by pen when the Baulast was deleted
            pg.hand_line(xs[1] + pad, y - round(lh * 0.6), xs[2] - pad, y + (len(body) - 1) * lh, w=0.35, fill=70)
        recv = sd.one("stamp_date", n)
        inbox = stamp(pg, xs[2] + P(rng.uniform(2, 7)), y - round(lh * 0.9),
                      [Line(auth[-1], 5.5 * k), Line(L("inbox"), 6 * k), Line(recv.shown, 8 * k, True),
                       Line(town, 5.5 * k)], "oval", tilt=8)
        reg = sd.registered[n]
        x_reg = xs[2] - P(rng.uniform(3, 12))  # over the column's rule, into the text beside it
        y_reg = inbox[3] - P(rng.uniform(3, 6))
        if sd.how == "oval":
            box = stamp(pg, x_reg, y_reg, [Line(town, 5.5 * k), Line(L("reg_caps"), 7.5 * k, True),
                                           Line(reg, 8.5 * k, True)], "oval", tilt=7)
            dev.pen(pg, box[2] + P(1), box[3] - P(4), initials(e.clerk), rng.choice(dev.PENS), pt * 1.1,
                    rng.randrange(20, 60))
        else:  # a stamp with a blank line, the date written into it by pen
            box = stamp(pg, x_reg, y_reg, label_lines(L, "reg_prose", 6.5 * k) + [RULE, RULE], tilt=4)
            dev.pen(pg, box[0] + P(5), box[3] - P(6.5 * k), reg, rng.choice(dev.PENS), pt * 1.15,
                    rng.randrange(15, 55))
            sign_in(pg, box, k)
        y_next = box[3]
        if notice:  # over the table's right frame
            nb = stamp(pg, x1 + P(rng.uniform(1, 5)), y_next - P(1), [Line(L("notice"), 6.5 * k, True),
                                                                       Line(notice.shown, 7.5 * k), RULE],
                       anchor="rt", tilt=6)
            sign_in(pg, nb, k * 0.8)
            y_next = nb[3]
        if gone:
            yg = y_next + lh
            pg.text(xs[2] + pad, yg, L("dele"), f, pt)
            end = pg.text(xs[2] + pad, yg + lh, gone.shown, f, pt)
            pg.signature(end + P(3), yg + lh, w_mm=16, h_mm=4)
            y_next = yg + lh
        y = max(y + len(body) * lh, y_next + lh) + round(lh * 0.4)
        pg.hline(x0, x1, y - lh, 0.25)
    if copy_:
        box = stamp(pg, x0 + round(W * rng.uniform(0.45, 0.55)), y_bot + P(4),
                    [Line(L("certify"), 6.5, True), Line(f"{town}, {L('den')} {copy_.shown}", 7.5), RULE], tilt=3)
        sign_in(pg, box)
    d |= sd.kinds()
    return d, False


# --- a landscape register page kept by typewriter, dater stamps in its narrow columns ------------------------------
def sheet_dater_register(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    k = pt / tpl.pt
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    y = P(tpl.top) + P(7)
    end = pg.text(x0, y, L("title"), fb, 17)
    pg.typed(end + P(5), y, of_whom(a, auth), fv, pt * 1.1)
    dev4.typed_after(pg, x1 - P(64), y, L("number"), dev2.number_shown(a, "display"), tpl, 10, pt * 1.6, 4)
    y += P(3)
    pg.hline(x0, x1, y, 0.7)
    y += P(7)
    dev4.typed_after(pg, x0, y, f"{L('gem')}:", a.parcels[0].gemarkung, tpl, 9.5, pt)
    if a.grundbuch:
        gb = f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}"
        dev4.typed_after(pg, x0 + P(80), y, f"{L('gb')}:", gb, tpl, 9.5, pt)
        d.add("grundbuch_blatt")
    dev4.typed_after(pg, x0 + P(175), y, L("az"), a.aktenzeichen, tpl, 9.5, pt)
    d.add("aktenzeichen")
    if a.address:
        y += P(6)
        dev4.typed_after(pg, x0, y, f"{L('addr')}:", a.address, tpl, 9.5, pt)
    y += P(5)
    keys = ("nr", "parcel", "text", "decl", "reg", "dele", "rem")
    xs = [x0 + round(W * c) for c in (0, 0.035, 0.165, 0.5, 0.58, 0.685, 0.785)] + [x1]
    col = {key: i for i, key in enumerate(keys)}
    y_bot = pg.img.height - P(12)
    y = dev3.card_table(pg, xs, y, y_bot, [L(key) for key in keys], fb, 8, 0, 11)
    lh = pg.line_height(fv, pt, 1.3)
    pad = P(1.5)
    y += lh

    def cell(key, yy, s, size=pt):
        pg.typed(xs[col[key]] + pad, yy, s, fv, size)

    for e in a.entries:
        n = e.lfd_nr
        width = xs[col["text"] + 1] - xs[col["text"]] - 2 * pad
        body = pg.wrap(f"{dev3.short_text(a, e, L)}: {dev2.period_text(e.text, e.registered_on.year)}", fv, pt,
                       width)
        notes = sd.at(n, "copy_date", "notice_date")
        parcels = [s for flur, fst in dev3.parcel_cells(a)
                   for s in pg.wrap(f"{L('fl')} {flur} {L('no')} {fst}", fv, pt * 0.9,
                                    xs[col["parcel"] + 1] - xs[col["parcel"]] - 2 * pad)]
        h = max(len(body) + 1, len(parcels) + 1, 6, 3 * len(notes) + 1) * lh
        if y + h > y_bot - P(2):
            return d, True
        cell("nr", y, f"{n}.")
        for i, s in enumerate(parcels):
            cell("parcel", y + i * lh, s, pt * 0.9)
        for i, s in enumerate(body):
            cell("text", y + i * lh, s)
        cell("decl", y, sd.one("declaration_date", n).shown)
        look = sd.how
        box = stamp(pg, xs[col["reg"]] - P(rng.uniform(1, 6)), y - round(lh * 0.9),
                    [Line(L("reg_caps"), 7.5 * k, True), Line(sd.registered[n], 12 * k, True, look)], tilt=7)
        dev.pen(pg, xs[col["reg"]] + P(4), box[3] + round(lh * 0.9), initials(e.clerk), rng.choice(dev.PENS),
                pt * 1.2, rng.randrange(20, 60))
        gone = sd.one("deletion_date", n)
        if gone:
            box = stamp(pg, xs[col["dele"]] + P(rng.uniform(0, 3)), y - round(lh * 0.8),
                        [Line(L("dele_caps"), 7.5 * k, True), Line(gone.shown, 7.5 * k, True)], tilt=6)
            sign_in(pg, (box[0], box[1], box[2], box[3] + P(5)), k)
            pg.hand_line(xs[col["text"]] + pad, y - round(lh * 0.6), xs[col["text"] + 1] - pad,
                         y + (len(body) - 1) * lh, w=0.35, fill=70)
        yn = y
        for m in notes:
            if m.kind == "copy_date":  # by pen
                dev.pen(pg, xs[col["rem"]] + pad, yn, m.text, rng.choice(dev.PENS), pt, rng.randrange(20, 60))
                yn += 2 * lh
            else:
                nb = stamp(pg, xs[col["rem"]] + pad + P(rng.uniform(0, 10)), yn - round(lh * 0.8),
                           [Line(L("notice"), 6 * k, True), Line(m.shown, 7 * k)], tilt=5)
                yn = nb[3] + lh
        y += h
        pg.hline(x0, x1, y - round(lh * 0.7), 0.2)
    pg.text(x1, pg.img.height - P(6), f"{L('page')} {page_no}", f, 8, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


DEV5_RENDERERS = {"stamped_folio": sheet_stamped_folio, "margin_ledger": sheet_margin_ledger,
                  "stamp_column": sheet_stamp_column, "dater_register": sheet_dater_register}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """dev5's own draws for one random file (made by ``assemble.random_spec`` for this split only): as dev3's, more
    entries and deletions than elsewhere (each brings stamps of its own), 1-3 parcels, every number style."""
    return dev3.spec_draws(rng, kinds, opts, fmt)


TEMPLATES.update(DEV5_TEMPLATES)
