"""Baulastenblatt templates and renderers of the ``dev2`` split: a second development set of layouts that
extraction may be tuned on (not held out).

Four sheets as building authorities of the Rhein-Kreis Neuss kept them over five decades, chosen for the many ways
a sheet names its register number, its Eintragungsdatum and its parcels:

* ``typed_prose`` (1962-1988, typewriter on plain paper): the number only in the typed page header line
  ("Stadt Kaarst – Baulastenverzeichnis ... Blatt Nr. 123", sometimes with ", Seite 1"); the parcels as one
  typed phrase ("Gemarkung Büttgen, Flur 3 Nr. 45 und 46; Flur 4 Nr. 12/3", "Parz." before 1972); each entry
  closed in prose ("Die Baulast wurde am 3. Mai 1984 in das Baulastenverzeichnis eingetragen."), by a typed line
  "Eingetragen am 03.05.1984" beside the signature or by a date stamp "EINGETRAGEN 03. MAI 1984"; deletions
  typed with the date of the waiver ("Gelöscht am ... auf Grund des Verzichts vom ...") or stamped "GELÖSCHT"
  with a handwritten date.
* ``greenbar_print`` (1979-1998, 9-pin dot matrix on green-bar continuous paper): an EDV report whose header
  line on every page carries print date, program, time and "BAULASTENBLATT-NR./SEITE: 0123/1"; the parcels as
  a table "GEMARKUNG  FLUR  FLURSTUECK", one row per parcel; entry fields on one line with two-digit years
  ("EINTRAGUNG: 12.03.91  ERKL. VOM: 01.02.91  LOESCHUNG: --.--.--"; four digits where a date is after 1999),
  a deletion also marked "*** BAULAST GELOESCHT ***".
* ``laser_letter`` (1993-2013, word processor on a laser printer): letterhead, a contact block with phone,
  room, date and Aktenzeichen, the title "Baulastenblatt" with the number in a box beside it ("Blatt-Nummer"),
  a ruled parcel table, and each entry closed at its foot by "eingetragen am 12.03.1998" (or "12. März 1998")
  next to the signature, a deleted one crossed out by pen and followed by "Diese Baulast wurde gelöscht am ...";
  a footer with the document's file name and "Seite 1 von 1".
* ``form_boxes`` (2006-2024, a modern printed form): labelled boxes ("Baulast-Nr.", "Gemarkung", "Flur",
  "Flurstück(e)"), the type ticked in a checkbox grid, per entry a row of date boxes ("Verpflichtungserklärung
  vom", "Eingetragen am", "Gelöscht am") – the registration typed in or, on some sheets, stamped over the empty
  box ("EINGETRAGEN 12. JUN. 2011"); deleted text printed grey and struck through.

Authorities are named as of the sheet's year (``period_authority``, ``period_text``).

Register numbers come as drawn by ``content.register_display`` (plain, "1.234", "0042", "512 a", "512a") and
some sheets print the suffix letter in capitals or after a hyphen ("512 A", "512-a"); the truth keeps the
normalized number ("512a"). A slash after the number appears only where a label says what follows it
(Blatt-Nr./Seite "0123/1"): the register number's schema has no place for a slash or a prefix letter.

Each renderer has the signature of those in ``sheets.py`` plus ``part=(i, n)`` for a sheet continued on a second
page (``sheets_dev.part_entries``). They only read from the Akte, so the truth is the same as for every other
layout. ``DEV2_TEMPLATES`` are registered in ``layouts.TEMPLATES`` when this module is imported (``layouts``
imports it at its end), ``DEV2_RENDERERS`` in ``sheets.RENDERERS``, and ``spec_draws`` is the split's own part of
``assemble.random_spec``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import textwrap
import zlib

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .content import KIND, Akte, Entry, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template, flur_groups
from .render import Page

SPLIT = "dev2"

DEV2_LABELS = {
    "DEV2_TW": {**_BASE, "number": "Blatt Nr.", "page": "Seite", "title": "Baulastenverzeichnis",
                "sheet_title": "B a u l a s t e n b l a t t", "cont": "(Fortsetzung)",
                "parcel": "Belastetes Grundstück:", "parcels": "Belastete Grundstücke:", "fst": "Nr.", "parz": "Parz.",
                "and": "und", "addr": "Lage:", "gb": "Grundbuch:", "gb_blatt": "Blatt", "az": "Akt.-Zeichen:",
                "decl": "Verpflichtungserklärung vom", "reg_prose": ("Die Baulast wurde am", "in das "
                                                                    "Baulastenverzeichnis eingetragen."),
                "reg": "Eingetragen am", "reg_stamp": "EINGETRAGEN", "dele": "Gelöscht am",
                "waiver": "auf Grund des Verzichts vom", "dele_stamp": "GELÖSCHT", "ia": "Im Auftrag",
                "more": "- b. w. -"},
    "DEV2_DM": {**_BASE, "number": "Baulastenblatt-Nr./Seite", "title": "Baulastenverzeichnis", "date": "Datum:",
                "time": "Zeit :", "prog": "Programm", "von": "Gemeinde", "gem": "Gemarkung", "flur": "Flur",
                "fst": "Flurstueck", "addr": "Lage", "gb": "Grundbuch", "gb_blatt": "Blatt", "az": "Aktenzeichen",
                "nr": "Lfd.Nr.:", "kind": "Art:", "reg": "Eintragung:", "decl": "Erkl. vom:", "dele": "Loeschung:",
                "deleted": "*** Baulast geloescht ***", "more": "Fortsetzung auf Seite",
                "end": "*** Ende des Blattes ***"},
    "DEV2_CP": {**_BASE, "number": "Blatt-Nummer", "title": "Baulastenblatt", "sub": "Baulastenverzeichnis",
                "contact": "Auskunft erteilt:", "room": "Zimmer:", "phone": "Telefon:", "date": "Datum:",
                "az": "Aktenzeichen:", "parcel_head": "Belastete Grundstücke", "fst": "Flurstück",
                "addr": "Lage", "gb": "Grundbuch von", "gb_blatt": "Blatt", "entry": "Lfd. Nr.",
                "decl": "Grundlage: Verpflichtungserklärung vom", "reg": "eingetragen am",
                "dele": "Diese Baulast wurde gelöscht am", "ia": "Im Auftrag", "of": "von", "cont": "Fortsetzung",
                "more": "Fortsetzung nächste Seite"},
    "DEV2_MG": {**_BASE, "number": "Baulast-Nr.", "title": "Baulastenblatt", "sub": "zum Baulastenverzeichnis",
                "von": "Stadt / Gemeinde", "page": "Seite", "of": "von", "sec1": "1  Belastetes Grundstück",
                "sec2": "2  Eintragungen", "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück(e)",
                "addr": "Lage (Straße, Hausnummer)", "gb": "Grundbuchbezirk", "gb_blatt": "Grundbuchblatt",
                "az": "Aktenzeichen", "entry": "Eintragung lfd. Nr.", "kind": "Art der Baulast",
                "text": "Inhalt der Baulast", "decl": "Verpflichtungserklärung vom", "reg": "Eingetragen am",
                "dele": "Gelöscht am", "sig": "Unterschrift", "reg_stamp": "EINGETRAGEN",
                "form": "Vordruck BA 22 – Baulastenblatt (Stand 03/2009)", "cont": "Fortsetzung"},
}
LABELS.update(DEV2_LABELS)

DEV2_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_d2", "typewriter_form", "DEV2_TW", "free_mono", "free_mono", "free_mono", pt=11.5, margin=22, top=14,
             years=(1962, 1988), split=SPLIT, renderer="typed_prose"),
    Template("dm_d2", "dot_matrix", "DEV2_DM", "mono_bold", "mono_bold", "mono_bold", pt=12, margin=13, top=9,
             years=(1979, 1998), upper_labels=True, split=SPLIT, renderer="greenbar_print"),
    Template("cp_d2", "computer_print", "DEV2_CP", "serif", "serif_bold", pt=11, margin=22, top=12,
             years=(1993, 2013), split=SPLIT, renderer="laser_letter"),
    Template("mg_d2", "modern_grid", "DEV2_MG", "free_sans", "free_sans_bold", pt=10, margin=14, top=10,
             years=(2006, 2024), split=SPLIT, renderer="form_boxes"),
)}

MONTHS_STAMP = ("JAN.", "FEB.", "MÄRZ", "APR.", "MAI", "JUN.", "JUL.", "AUG.", "SEP.", "OKT.", "NOV.", "DEZ.")
AREA_CODE = {"Dormagen": "02133", "Grevenbroich": "02181", "Jüchen": "02165", "Kaarst": "02131",
             "Korschenbroich": "02161", "Meerbusch": "02132", "Neuss": "02131", "Rommerskirchen": "02183"}
NUMBER_STYLES = ("plain", "plain", "dotted", "zero", "suffix", "suffix_tight")


# --- what stays the same on every page of one sheet: drawn from the Akte, not from the page's random draws ---------
def akte_hash(a: Akte, salt: str) -> int:
    return zlib.crc32(f"{salt}|{a.aktenzeichen}|{a.register_number}|{a.municipality}".encode())


def pick(a: Akte, salt: str, options):
    return options[akte_hash(a, salt) % len(options)]


def number_shown(a: Akte, how: str) -> str:
    """The register number as this sheet prints it. how: display (as drawn), upper ('512 A'), hyphen ('512-a'),
    edv (four digits, capital suffix: '0512A')."""
    m = re.fullmatch(r"(\d+)([a-z]?)", a.register_number)
    n, suffix = int(m.group(1)), m.group(2)
    if how == "edv":
        return f"{n:04d}{suffix.upper()}"
    if not suffix or how == "display":
        return a.register_display
    return f"{n} {suffix.upper()}" if how == "upper" else f"{n}-{suffix}"


def period_authority(a: Akte, year: int) -> list[str]:
    """The authority's header lines as of that year: until 1999 NRW's councils had a Stadt-/Gemeinde-/
    Oberkreisdirektor as head of the administration, and the Rhein-Kreis Neuss was the Kreis Neuss until 2003."""
    lines = list(a.authority)
    if a.by_kreis:
        if year < 2003:
            lines[0] = "Kreis Neuss"
        if year < 1999:
            lines = ["Der Oberkreisdirektor" if s == "Der Landrat" else s for s in lines]
    elif year < 1999:
        head = "Der Stadtdirektor" if KIND[a.municipality] == "Stadt" else "Der Gemeindedirektor"
        lines = [head if s == "Der Bürgermeister" else s for s in lines]
    return lines


def entry_declaration(a: Akte, e: Entry) -> dt.date:
    """The date of the owner's declaration an entry rests on (entry 1: the Akte's Verpflichtungserklärung)."""
    if e.lfd_nr == 1:
        return a.declaration_date
    return e.registered_on - dt.timedelta(days=10 + akte_hash(a, f"decl{e.lfd_nr}") % 140)


def waiver_date(a: Akte, e: Entry) -> dt.date:
    """The date of the authority's waiver (Verzicht) that a deletion rests on: some weeks before the deletion."""
    return e.deleted_on - dt.timedelta(days=5 + akte_hash(a, f"waiver{e.lfd_nr}") % 50)


def genitive(authority: str) -> str:
    """'der Stadt Neuss', 'der Gemeinde Jüchen', 'des Rhein-Kreises Neuss', 'des Kreises Neuss'."""
    if authority.endswith("Kreis Neuss"):
        return f"des {authority.replace('Kreis Neuss', 'Kreises Neuss')}"
    return f"der {authority}"


def period_text(text: str, year: int) -> str:
    """An entry's text as worded in the year it was registered (the Kreis was the Kreis Neuss until 2003)."""
    return text.replace("dem Rhein-Kreis Neuss", "dem Kreis Neuss") if year < 2003 else text


def stamp_day(d: dt.date) -> str:
    """A date stamper's date: '03. MAI 1984', '12. JUN. 1991'."""
    return f"{d.day:02d}. {MONTHS_STAMP[d.month - 1]} {d.year}"


def helpers():
    """sheets_dev (pen, stamps, dates, continuation pages), imported on first use: layouts imports this module at
    its end, and sheets_dev and sheets_more import layouts, so importing them here at once would break whichever
    of the three modules is imported first."""
    from . import sheets_dev

    return sheets_dev


def type_shown(kind: str) -> str:
    from .sheets_more import TYPE_SHOWN

    return TYPE_SHOWN.get(kind, kind)


def words_list(items: list[str], and_: str) -> str:
    return f"{', '.join(items[:-1])} {and_} {items[-1]}" if len(items) > 1 else items[0]


# --- a typed sheet on plain paper: the number only in the page header line, entries closed in prose -------------
def sheet_typed_prose(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    dev = helpers()
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    entries, more = dev.part_entries(a, part)
    cont = bool(part and part[0] > 1)
    adv = pg.width("M", f, pt)
    ncol = int((x1 - x0) / adv)
    lh = pg.line_height(f, pt, 1.5)
    dx = P(rng.uniform(-1.5, 1.5))
    y_max = pg.img.height - P(20)
    auth = period_authority(a, a.entries[0].registered_on.year)

    def typed(col, y, s, ink=30):
        return pg.typed(x0 + dx + col * adv, y, s, f, pt, ink=ink)

    # the page header line: authority and register left, the sheet's number (and page) right
    num = f"{L('number')} {number_shown(a, pick(a, 'tw_num', ('display', 'display', 'upper')))}"
    bold = num[len(L("number")) + 1:]
    head = pick(a, "tw_head", ("plain", "page", "plain_foot"))
    right = f"{num}, {L('page')} {page_no}" if head == "page" else num
    y = P(tpl.top) + lh
    typed(0, y, f"{auth[0]} – {L('title')}")
    typed(ncol - len(right), y, right)
    typed(ncol - len(right) + len(L("number")) + 1, y, bold)  # the number struck twice, to stand out
    typed(0, y + P(1.2), "_" * ncol)
    y += lh
    if head == "page":
        d.add("page_number")
    elif head == "plain" and (cont or more):
        label = f"- {page_no} -"
        typed((ncol - len(label)) // 2, y + lh // 2, label)
        d.add("page_number")
    y += lh
    for line in auth[1:]:
        typed(0, y, line)
        y += lh
    y += lh // 2
    title = L("sheet_title") if not cont else f"{L('sheet_title')}   {L('cont')}"
    typed((ncol - len(title)) // 2, y, title)
    y += 2 * lh
    tab = 24
    if not cont:
        groups = flur_groups(a.parcels)
        word = L("parz") if a.entries[0].registered_on.year < 1972 else L("fst")
        parts = [f"{L('flur')} {flur} {word} {words_list(fst, L('and'))}" for flur, fst in groups]
        phrase = f"{L('gem')} {a.parcels[0].gemarkung}, " + "; ".join(parts)
        for i, s in enumerate(textwrap.wrap(phrase, ncol - tab)):
            if i == 0:
                typed(0, y, L("parcel") if len(a.parcels) == 1 else L("parcels"))
            typed(tab, y, s)
            y += lh
        rows = [(L("addr"), a.address)]
        if a.grundbuch:
            rows.append((L("gb"), f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}"))
            d.add("grundbuch_blatt")
        rows.append((L("az"), a.aktenzeichen))
        d.add("aktenzeichen")
        for lab, val in rows:
            if val:
                typed(0, y, lab)
                typed(tab, y, val)
                y += lh
        y += lh // 2
    typed(0, y, "- " * (ncol // 2))
    y += round(lh * 1.5)
    nr_style = pick(a, "tw_nr", ("lfd", "paren", "nr"))
    decl = pick(a, "tw_decl", (True, False))
    ind = 6
    for e in entries:
        body = textwrap.wrap(period_text(e.text, e.registered_on.year), ncol - ind)
        head_line = nr_style == "lfd"
        closing = rng.choice(("prose", "prose", "line", "stamp"))
        n = len(body) + (1 if head_line else 0) + (1 if decl and e.lfd_nr == 1 else 0)
        n += {"prose": 4, "line": 4, "stamp": 4}[closing] + (4 if e.deleted_on else 0)
        if y + (n - 1) * lh > y_max:
            return d, True
        if head_line:
            typed(0, y, f"Lfd. Nr. {e.lfd_nr}")
            y += lh
        else:
            typed(0, y, f"{e.lfd_nr}.)" if nr_style == "paren" else f"Nr. {e.lfd_nr}")
        y_text = y
        for i, line in enumerate(body):
            typed(ind, y + i * lh, line)
        y += len(body) * lh
        if decl and e.lfd_nr == 1:
            typed(ind, y, f"({L('decl')} {de_date(a.declaration_date)})")
            d.add("declaration_date")
            y += lh
        if e.deleted_on:  # the typed text crossed out by hand when the Baulast was deleted
            pg.hand_line(x0 + ind * adv, y_text - round(lh * 0.7), x1 - P(6), y - round(lh * 0.9), w=0.35, fill=70)
        y_close = y
        if closing == "prose":
            first, rest = L("reg_prose")
            for line in textwrap.wrap(f"{first} {dev.long_date(e.registered_on)} {rest}", ncol - ind):
                typed(ind, y, line)
                y += lh
            typed(ncol - 24, y, L("ia"))
            pg.signature(x0 + dx + (ncol - 24) * adv, y + round(lh * 1.4), w_mm=30, h_mm=5)
            y += 2 * lh
        elif closing == "line":
            y += lh // 2
            end = typed(ind, y, f"{L('reg')} {de_date(e.registered_on)}")
            pg.signature(end + P(12), y, w_mm=32, h_mm=5)
            typed(ind + 32, y + lh, f"({e.clerk})")
            y += 2 * lh
        else:  # a date stamp with the registration date; signed beside it
            box = dev.rubber_stamp(pg, x0 + ind * adv, y - round(lh * 0.7),
                               [(L("reg_stamp"), "sans_bold", 8), (stamp_day(e.registered_on), "sans_bold", 11),
                                (auth[0].upper(), "sans", 6.5)])
            pg.signature(box[2] + P(8), box[3] - P(3), w_mm=28, h_mm=6)
            y = max(y + 2 * lh, box[3] + lh)
        if e.deleted_on:
            if e.deleted_on.year < 1993:  # still typed
                s = f"{L('dele')} {dev.long_date(e.deleted_on)} {L('waiver')} {de_date(waiver_date(a, e))}."
                for line in textwrap.wrap(s, ncol - ind):
                    typed(ind, y, line, ink=rng.randrange(20, 45))
                    y += lh
                pg.signature(x0 + dx + (ncol - 24) * adv, y - round(lh * 0.2), w_mm=24, h_mm=5)
                y += lh // 2
                d.add("waiver_date")
            else:  # a GELÖSCHT stamp, the date written in by hand
                box = dev.rubber_stamp(pg, x0 + ind * adv, y - round(lh * 0.7), [(L("dele_stamp"), "sans_bold", 11)])
                end = dev.pen(pg, box[2] + P(4), box[3] - P(2), dev.hand_date(e.deleted_on, rng),
                              rng.choice(dev.PENS), pt * 1.2, rng.randrange(15, 60))
                pg.signature(end + P(6), box[3] - P(2), w_mm=22, h_mm=5.5)
                y = max(y + lh, box[3] + lh)
            y += lh // 2
        y = max(y, y_close + lh)
        y += lh // 2
    if more:
        typed(ncol - len(L("more")), min(y, y_max), L("more"))
    if head == "plain_foot":
        label = f"{L('page')} {page_no}"
        typed((ncol - len(label)) // 2, pg.img.height - P(12), label)
        d.add("page_number")
    return d, False


# --- a 9-pin dot-matrix EDV report on green-bar continuous paper -------------------------------------------------
def dotify(img: Image.Image, k: int, rng: random.Random, gaps: bool = True) -> Image.Image:
    """Redraw everything dark on the page as a 9-pin head prints it: rows of needle dots k pixels apart (with gaps:
    the last pixel row of each k left blank, as render.dot_matrix's pin-row gaps), along a row at twice that
    density so the dots run together, with the uneven ink of a worn ribbon."""
    w, h = img.size
    kx = max(1, k // 2)
    sw, sh = w // kx, h // k
    small = img.crop((0, 0, sw * kx, sh * k)).resize((sw, sh), Image.BOX)
    struck = small.point(lambda v: 0 if v < 170 else 255).resize((sw * kx, sh * k), Image.NEAREST)
    gap = Image.new("L", (1, k), 0)
    gap.putpixel((0, k - 1), 255 if gaps else 0)
    gap = gap.resize((sw * kx, k), Image.NEAREST)
    rows = Image.new("L", (sw * kx, sh * k), 0)
    for j in range(sh):
        rows.paste(gap, (0, j * k))
    cw, ch = max(1, w // 150), max(1, h // 30)
    ink = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).resize((sw * kx, sh * k), Image.BILINEAR)
    dots = ImageChops.lighter(ImageChops.lighter(struck, rows), ink.point(lambda v: 10 + v * 60 // 255))
    out = Image.new("L", (w, h), 255)
    out.paste(dots, (0, 0))
    return out.filter(ImageFilter.GaussianBlur(max(0.5, k * 0.18)))


def sheet_greenbar_print(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    dev = helpers()
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f = tpl.form_font
    w, h = pg.img.size
    x0 = P(tpl.margin)
    entries, more = dev.part_entries(a, part)
    cont = bool(part and part[0] > 1)
    adv = pg.width("M", f, pt)
    ncol = int((w - 2 * x0) / adv)
    lh = round(pg.dpi / 6)  # six lines per inch
    y_max = h - P(16)
    years4 = any(day.year >= 2000 for e in a.entries for day in (e.registered_on, e.deleted_on) if day)

    def date(day: dt.date) -> str:
        return de_date(day) if years4 else day.strftime("%d.%m.%y")

    def line(y, s, col=0):
        pg.text(x0 + col * adv, y, s, f, pt)

    def right(y, s):
        line(y, s, ncol - len(s))

    def centre(y, s):
        line(y, s, (ncol - len(s)) // 2)

    stand, time = dev.printed_on(a)
    auth = period_authority(a, stand.year)
    prog = f"{L('prog')} BLV{20 + akte_hash(a, 'prog') % 60:03d}"
    y = P(tpl.top) + lh
    line(y, f"{auth[0]} - {auth[-1]}".upper())
    right(y, f"{L('date')} {date(stand)}")
    y += lh
    line(y, prog)
    right(y, f"{L('time')} {time.replace(':', '.')}")
    y += lh
    centre(y, " ".join(L("title")))
    y += lh
    centre(y, f"{L('number')}: {number_shown(a, 'edv')}/{page_no}")
    d |= {"print_date", "page_number"}
    y += lh
    line(y, "=" * ncol)
    y += lh
    tab = 16

    def field(y, label, value):
        line(y, label.ljust(tab - 2) + ": " + value)
        return y + lh

    if not cont:
        y += lh
        y = field(y, L("von"), a.municipality)
        y += lh // 2
        cols = (tab, tab + 24, tab + 32)
        line(y, L("gem"), cols[0])
        line(y, L("flur"), cols[1] - 1)
        line(y, L("fst"), cols[2])
        y += lh // 2
        line(y, "-" * (ncol - tab), tab)
        y += lh
        for p in a.parcels:
            line(y, p.gemarkung, cols[0])
            line(y, f"{p.flur:>4}", cols[1] - 2)
            line(y, p.flurstueck, cols[2])
            y += lh
        y += lh // 2
        if a.address:
            y = field(y, L("addr"), a.address)
        if a.grundbuch:
            y = field(y, L("gb"), f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}")
            d.add("grundbuch_blatt")
        y = field(y, L("az"), a.aktenzeichen)
        d.add("aktenzeichen")
    y += lh // 2
    for e in entries:
        body = textwrap.wrap(period_text(e.text, e.registered_on.year), ncol - 4)
        n = 4 + len(body) + (1 if e.deleted_on else 0)
        if y + n * lh > y_max:
            return d, True
        line(y, "-" * ncol)
        y += lh
        line(y, f"{L('nr')} {e.lfd_nr:>2}")
        line(y, f"{L('kind')} {type_shown(e.type).upper()}", 16)
        y += lh
        dele = date(e.deleted_on) if e.deleted_on else ("--.--.----" if years4 else "--.--.--")
        decl = entry_declaration(a, e)
        line(y, f"{L('reg')} {date(e.registered_on)}   {L('decl')} {date(decl)}   {L('dele')} {dele}")
        d.add("declaration_date")
        y += lh
        for s in body:
            line(y, s, 2)
            y += lh
        if e.deleted_on:
            line(y, L("deleted"), 2)
            y += lh
    line(y, "-" * ncol)
    y += lh
    centre(y, f"{L('more')} {page_no + 1}" if more else L("end"))
    # the needles, then the paper: green bars every half inch, a faint perforation at the top
    if pg.dpi >= 250:  # the head's pitch, on the pin-row gaps render.dot_matrix draws
        pg.img = dotify(pg.img, round(pg.dpi / 72), rng)
    else:  # too coarse a scan to show single needles: half the pitch, render.dot_matrix's gaps only
        pg.img = dotify(pg.img, 2, rng, gaps=False)
    bars = Image.new("L", (w, h), 255)
    dr = ImageDraw.Draw(bars)
    band = round(pg.dpi / 2)
    for yy in range(P(tpl.top) + lh // 3, h, 2 * band):
        dr.rectangle((P(6), yy, w - P(6), yy + band - 1), fill=236)
    for xx in range(0, w, P(2.5)):
        dr.line([(xx, P(1.5)), (xx + P(1.2), P(1.5))], fill=150, width=max(1, P(0.2)))
    pg.img = ImageChops.multiply(pg.img, bars)
    pg.draw = ImageDraw.Draw(pg.img)
    return d, False


# --- a word-processor sheet from a laser printer: number box beside the title, closing line per entry ------------
def sheet_laser_letter(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    dev = helpers()
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    entries, more = dev.part_entries(a, part)
    cont = bool(part and part[0] > 1)
    total = part[1] if part else 1
    lh = pg.line_height(f, pt, 1.35)
    stand, _ = dev.printed_on(a)
    auth = period_authority(a, stand.year)
    # letterhead, right-aligned, and a rule under it
    y = P(tpl.top) + P(6)
    pg.text(x1, y, auth[0], fb, 17, anchor="rs")
    y += P(5.5)
    for s in auth[1:]:
        pg.text(x1, y, s, f, 10.5, anchor="rs")
        y += P(4.6)
    y += P(1)
    pg.hline(x0, x1, y, 0.4)
    y += P(9)
    # the contact block on the right, the title and the number box on the left
    sans = "sans"
    contact = [(L("contact"), f"{'Frau' if akte_hash(a, 'sex') % 3 == 0 else 'Herr'} {a.entries[0].clerk}"),
               (L("room"), f"{1 + akte_hash(a, 'room') % 3}.{akte_hash(a, 'room2') % 30 + 1:02d}"),
               (L("phone"), f"{'02181' if a.by_kreis else AREA_CODE[a.municipality]} / "
                            f"{600 + akte_hash(a, 'tel') % 399}-{100 + akte_hash(a, 'tel2') % 899}"),
               (L("date"), de_date(stand)), (L("az"), a.aktenzeichen)]
    xc = x0 + round((x1 - x0) * 0.62)
    tab = xc + round(max(pg.width(k, sans, 8.5) for k, _ in contact) + P(2))
    yc = y
    for k, v in contact:
        pg.text(xc, yc, k, sans, 8.5)
        pg.text(tab, yc, v, sans, 8.5)
        yc += P(4.2)
    d |= {"letter_date", "aktenzeichen", "phone_number"}
    yt = y + P(9)
    end = pg.text(x0, yt, L("title") + (f" – {L('cont')}" if cont else ""), fb, 20 if not cont else 15)
    how = pick(a, "cp_num", ("display", "display", "upper", "hyphen"))
    num = number_shown(a, how)
    bw = round(max(pg.width(num, fb, 18), pg.width(L("number"), sans, 7)) + P(8))
    bx = end + P(6)
    pg.rect((bx, yt - P(11), bx + bw, yt + P(3)), 0.45)
    pg.text(bx + P(1.5), yt - P(8), L("number"), sans, 7)
    pg.text(bx + P(4), yt + P(0.5), num, fb, 18)
    yt += P(7)
    pg.text(x0, yt, f"{L('sub')} {genitive(auth[0])}", f, 11)
    y = max(yc, yt) + P(9)
    if not cont:
        end = pg.text(x0, y, L("parcel_head"), fb, pt)
        y += P(2.5)
        xs = [x0 + round((x1 - x0) * c) for c in (0, 0.32, 0.44, 0.64)] + [x1]
        rh = round(lh * 1.2)
        pg.hline(x0, x1, y, 0.35)
        for i, key in enumerate(("gem", "flur", "fst", "addr")):
            pg.text(xs[i] + P(1.5), y + round(rh * 0.72), L(key), fb, pt * 0.92)
        y += rh
        pg.hline(x0, x1, y, 0.25)
        for i, p in enumerate(a.parcels):
            vals = (p.gemarkung, str(p.flur), p.flurstueck, (a.address or "") if i == 0 else "")
            for j, v in enumerate(vals):
                pg.text(xs[j] + P(1.5), y + round(rh * 0.72), v, f, pt)
            y += rh
            pg.hline(x0, x1, y, 0.15, fill=120)
        for xx in xs[1:-1]:
            pg.vline(xx, y - rh * (len(a.parcels) + 1), y, 0.15, fill=120)
        y += round(lh * 1.2)
        if a.grundbuch:
            pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
            d.add("grundbuch_blatt")
            y += lh
        y += round(lh * 0.6)
    y_bot = pg.img.height - P(20)
    long = pick(a, "cp_long", (False, False, True))
    decl = pick(a, "cp_decl", (True, True, False))
    show_type = pick(a, "cp_type", (True, False))
    for e in entries:
        body = pg.wrap(period_text(e.text, e.registered_on.year), f, pt, x1 - x0)
        n = 1 + len(body) + (1 if decl and e.lfd_nr == 1 else 0) + 3 + (1 if e.deleted_on else 0)
        if y + n * lh + P(6) > y_bot:
            return d, True
        pg.hline(x0, x1, y - round(lh * 0.85), 0.2, fill=90)
        head = f"{L('entry')} {e.lfd_nr}" + (f"  –  {type_shown(e.type)}" if show_type else "")
        pg.text(x0, y, head, fb, pt * 1.05)
        y += round(lh * 1.2)
        y_text = y
        for s in body:
            pg.text(x0, y, s, f, pt)
            y += lh
        if e.deleted_on:  # crossed out by pen after the print
            pg.hand_line(x0 + P(2), y_text - round(lh * 0.6), x1 - P(2), y - round(lh * 0.9), w=0.4, fill=80)
        if decl and e.lfd_nr == 1:
            pg.text(x0, y, f"{L('decl')} {de_date(a.declaration_date)}", f, pt * 0.92)
            d.add("declaration_date")
            y += lh
        y += round(lh * 0.6)
        reg = dev.long_date(e.registered_on) if long else de_date(e.registered_on)
        pg.text(x0, y + lh, f"{L('reg')} {reg}", f, pt)
        xs_ = x0 + round((x1 - x0) * 0.58)
        pg.text(xs_, y, L("ia"), f, pt * 0.92)
        pg.signature(xs_ + P(2), y + round(lh * 1.15), w_mm=32, h_mm=5)
        pg.text(xs_, y + 2 * lh, f"({e.clerk})", f, pt * 0.92)
        y += 3 * lh
        if e.deleted_on:
            end = pg.text(x0, y, f"{L('dele')} {de_date(e.deleted_on)}", fb, pt)
            pg.signature(end + P(8), y, w_mm=24, h_mm=5)
            pg.text(end + P(36), y, f"({e.deleter})", f, pt * 0.92)
            y += lh
        y += round(lh * 1.1)
    if more:
        pg.text(x1, min(y, y_bot - P(2)), f"{L('more')}", f, pt * 0.9, anchor="rs")
    pg.hline(x0, x1, y_bot, 0.2)
    path = f"{'K' if a.by_kreis else 'S'}:\\BAUORDNUNG\\BAULAST\\BL_{a.register_number.upper()}.DOC"
    pg.text(x0, y_bot + P(4.5), path, sans, 6.5)
    pg.text(x1, y_bot + P(4.5), f"{L('page')} {page_no} {L('of')} {total}", sans, 8.5, anchor="rs")
    d.add("page_number")
    return d, False


# --- a modern form: labelled boxes, type checkboxes, date boxes (typed or stamped) -------------------------------
def sheet_form_boxes(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    dev = helpers()
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    val = "sans"  # filled in by the software in another face than the printed form
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    entries, more = dev.part_entries(a, part)
    cont = bool(part and part[0] > 1)
    total = part[1] if part else 1
    top = P(tpl.top)
    auth = period_authority(a, a.entries[0].registered_on.year)
    lab_pt = 7

    def box(xa, ya, xb, yb, label, value="", bold=False, size=None):
        pg.rect((xa, ya, xb, yb), 0.3)
        pg.text(xa + P(1.2), ya + P(3), label, f, lab_pt, fill=60)
        if value:
            pg.text(xa + P(2), yb - P(2), value, fb if bold else val, size or pt)

    dev.shield(pg, x0, top, P(10), P(12))
    yy = top + P(4)
    for i, s in enumerate(auth):
        pg.text(x0 + P(14), yy, s, fb if i == 0 else f, 9)
        yy += P(4)
    pg.text(x1, top + P(7), L("title") + (f" – {L('cont')}" if cont else ""), fb, 16, anchor="rs")
    pg.text(x1, top + P(12.5), f"{L('sub')} {genitive(auth[0])}", f, 9, anchor="rs")
    y = max(yy, top + P(15)) + P(3)
    bh = P(11)
    xs = [x0 + round(W * c) for c in (0, 0.3, 0.78)] + [x1]
    how = pick(a, "mg_num", ("display", "display", "upper"))
    box(xs[0], y, xs[1], y + bh, L("number"), number_shown(a, how), bold=True, size=pt * 1.45)
    box(xs[1], y, xs[2], y + bh, L("von"), a.municipality, size=pt * 1.1)
    box(xs[2], y, xs[3], y + bh, L("page"), f"{page_no} {L('of')} {total}")
    d.add("page_number")
    y += bh + P(4)

    def section(y, s):
        pg.rect((x0, y, x1, y + P(6)), 0.1, fill=70, outline=70)
        pg.text(x0 + P(2), y + P(4.4), s, fb, 9.5, fill=255)
        return y + P(6)

    if not cont:
        y = section(y, L("sec1"))
        cx = [x0 + round(W * c) for c in (0, 0.42, 0.54)] + [x1]
        for flur, fst in flur_groups(a.parcels):
            box(cx[0], y, cx[1], y + bh, L("gem"), a.parcels[0].gemarkung)
            box(cx[1], y, cx[2], y + bh, L("flur"), str(flur))
            box(cx[2], y, cx[3], y + bh, L("fst"), ", ".join(fst))
            y += bh
        gx = [x0 + round(W * c) for c in (0, 0.42, 0.64, 0.78)] + [x1]
        gb = a.grundbuch or ("", "")
        box(gx[0], y, gx[1], y + bh, L("addr"), a.address or "")
        box(gx[1], y, gx[2], y + bh, L("gb"), gb[0])
        box(gx[2], y, gx[3], y + bh, L("gb_blatt"), gb[1])
        box(gx[3], y, gx[4], y + bh, L("az"), a.aktenzeichen, size=pt * 0.85)
        d.add("aktenzeichen")
        if a.grundbuch:
            d.add("grundbuch_blatt")
        y += bh + P(4)
    y = section(y, L("sec2"))
    y_bot = pg.img.height - P(16)
    lh = pg.line_height(val, pt, 1.3)
    stamped = pick(a, "mg_stamp", (False, False, False, True))
    dh = P(18) if stamped else bh  # room in the date boxes for a stamp
    kinds = ("Abstandflächenbaulast", "Stellplatzbaulast", "Vereinigungsbaulast", "Zufahrtsbaulast",
             "Erschließungsbaulast", "Anbaubaulast", "Leitungsbaulast", "Sonstige")
    for e in entries:
        body = pg.wrap(e.text, val, pt, W - P(4))
        need = P(7) + 2 * P(6) + P(4) + len(body) * lh + P(5) + dh
        if y + need > y_bot:
            return d, True
        pg.rect((x0, y, x1, y + P(7)), 0.3, fill=228)
        pg.text(x0 + P(2), y + P(5), f"{L('entry')} {e.lfd_nr}", fb, 10)
        y += P(7)
        # the type as a ticked checkbox, four to a row
        pg.text(x0 + P(1.2), y + P(3), L("kind"), f, lab_pt, fill=60)
        for i, k in enumerate(kinds):
            cxk = x0 + P(2) + round((W - P(4)) * (i % 4) / 4)
            cyk = y + P(4) + (i // 4) * P(6)
            pg.rect((cxk, cyk, cxk + P(3.2), cyk + P(3.2)), 0.25)
            if k == e.type:
                pg.draw.line([(cxk + P(0.5), cyk + P(0.5)), (cxk + P(2.7), cyk + P(2.7))], fill=0, width=P(0.4))
                pg.draw.line([(cxk + P(0.5), cyk + P(2.7)), (cxk + P(2.7), cyk + P(0.5))], fill=0, width=P(0.4))
            pg.text(cxk + P(4.5), cyk + P(2.9), type_shown(k), f, 8.5)
        y_kind = y
        y += P(4) + 2 * P(6) - P(1)
        pg.rect((x0, y_kind, x1, y), 0.3)
        # the text of the Baulast
        yt = y
        pg.text(x0 + P(1.2), y + P(3), L("text"), f, lab_pt, fill=60)
        y += P(4) + round(lh * 0.8)
        for s in body:
            pg.text(x0 + P(2), y, s, val, pt, fill=110 if e.deleted_on else 0)
            y += lh
        y += P(1)
        pg.rect((x0, yt, x1, y), 0.3)
        if e.deleted_on:  # deleted text printed grey and struck through
            pg.draw.line([(x0 + P(3), y - P(2)), (x1 - P(3), yt + P(5))], fill=60, width=max(1, P(0.3)))
        # the date boxes
        dx_ = [x0 + round(W * c) for c in (0, 0.25, 0.5, 0.72)] + [x1]
        box(dx_[0], y, dx_[1], y + dh, L("decl"), de_date(entry_declaration(a, e)))
        d.add("declaration_date")
        box(dx_[1], y, dx_[2], y + dh, L("reg"), "" if stamped else de_date(e.registered_on), bold=True)
        box(dx_[2], y, dx_[3], y + dh, L("dele"), de_date(e.deleted_on) if e.deleted_on else "—",
            bold=bool(e.deleted_on))
        box(dx_[3], y, dx_[4], y + dh, L("sig"))
        pg.signature(dx_[3] + P(4), y + dh - P(2.5), w_mm=min(28, (dx_[4] - dx_[3]) * 25.4 / pg.dpi - 8), h_mm=5)
        if stamped:  # the registration stamped into its empty box
            dev.rubber_stamp(pg, dx_[1] + P(rng.uniform(2, 7)), y + P(rng.uniform(3.8, 4.6)),
                             [(L("reg_stamp"), "sans_bold", 7.5), (stamp_day(e.registered_on), "sans_bold", 10)],
                             pad_mm=1.4)
        y += dh + P(5)
    if more:
        pg.text(x1, min(y, y_bot - P(2)), f"{L('cont')}: {L('page')} {page_no + 1}", f, 9, anchor="rs")
    pg.text(x0, y_bot + P(6), L("form"), f, 7)
    pg.text(x1, y_bot + P(6), f"{L('page')} {page_no} {L('of')} {total}", f, 8.5, anchor="rs")
    return d, False


DEV2_RENDERERS = {"typed_prose": sheet_typed_prose, "greenbar_print": sheet_greenbar_print,
                  "laser_letter": sheet_laser_letter, "form_boxes": sheet_form_boxes}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """dev2's own draws for one random file (``assemble.random_spec`` makes them only for this split, so no other
    split's draws change): more parcels, also on two Flure, every number style, and in PDF/TIFF files now and then
    a sheet continued on a second page."""
    if opts.get("is_baulast") is False:
        return kinds, opts
    n_parcels = rng.choice((1, 1, 2, 2, 3))
    opts = {**opts, "n_parcels": n_parcels, "two_flure": n_parcels > 1 and rng.random() < 0.5,
            "number_style": rng.choice(NUMBER_STYLES)}
    if fmt in ("pdf", "tiff") and rng.random() < 0.25:
        kinds = list(kinds)
        kinds.insert(kinds.index("sheet") + 1, "sheet_cont")
        opts["n_entries"] = rng.choice((2, 3))
    return kinds, opts


TEMPLATES.update(DEV2_TEMPLATES)
