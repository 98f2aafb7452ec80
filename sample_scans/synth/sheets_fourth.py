"""The heldout4 split: its templates, their label wordings and their Baulastenblatt renderers, all in this module.

The templates (``split="heldout4"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``FOURTH_RENDERERS``. The renderers have the signature
of those in ``sheets.py``: draw onto a Page and return (distractors placed, overflowed?). They only read from the
Akte, so the truth is the same as for every other layout. Whoever tunes extraction must not read this file (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
import zlib

from PIL import Image, ImageChops, ImageDraw

from .content import KIND, TYPES, Akte, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template, flur_groups
from .render import Page


# sheets_dev's pens, imported when drawing: this module is imported while layouts loads, and sheets_dev (through
# sheets_more) imports layouts, so importing sheets_dev here could meet a module still loading.
def pen(*args, **kwargs):  # type: ignore[no-untyped-def]
    """sheets_dev.pen."""
    from .sheets_dev import pen as dev_pen

    return dev_pen(*args, **kwargs)


def _pens():  # type: ignore[no-untyped-def]
    """sheets_pens()."""
    from .sheets_dev import PENS

    return PENS

# label wordings of the heldout4 templates (keys as in layouts.LABELS, plus their own)
FOURTH_LABELS = {
    "Q1": {**_BASE, "title": "Baulastenkartei", "number": "Karteiblatt Nr.", "muni": "Gemeinde",
           "gb": "Grundbuch von", "gb_blatt": "Bl.", "az": "Akt.-Z.", "gem": "Gemarkung", "flur": "Flur",
           "fst": "Flurstück(e)", "addr": "Lage (Straße, Nr.)", "reg": "Eingetr.", "text": "Inhalt der Baulast",
           "rem": "Löschung", "dele": "gelöscht", "card": "Karte", "form": "Vordr. Bauaufs. 40 – Karteikarte DIN A5"},
    "Q2": {**_BASE, "title": "Baulastenverzeichnis", "number": "Bl.", "page": "S.", "copy": "Abschrift",
           "copy_cert": "Beglaubigte Abschrift", "from": "aus dem Baulastenverzeichnis", "der": "der",
           "fuer": "für die", "parcel": "Belastetes Grundstück:", "parcels": "Belastete Grundstücke:",
           "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "fsts": "Flurstücke", "and": "und",
           "addr": "Lage:", "gb": "Grundbuch von", "gb_blatt": "Blatt", "az": "Az.:", "entries": "Eintragungen:",
           "nr": "Lfd. Nr.", "reg": "Eingetragen am", "reg_in": "eingetragen am", "gez": "gez.",
           "decl": "Grundlage: Verpflichtungserklärung vom", "dele": "Gelöscht am", "deleted": "gelöscht",
           "cert": "Die Übereinstimmung dieser Abschrift mit der Eintragung im Baulastenverzeichnis wird hiermit "
                   "beglaubigt.", "den": "den", "ia": "Im Auftrag", "seal_kreis": "RHEIN-KREIS NEUSS"},
    "Q3": {**_BASE, "title": "Baulastenverzeichnis", "law_old": "nach § 83 BauO NRW",
           "law_new": "nach § 85 BauO NRW", "s1": "1  Stammdaten", "number": "BLB-Nr.:", "muni": "Gemeinde:",
           "az": "Aktenzeichen:", "gb": "Grundbuch:", "gb_blatt": "Blatt", "stand": "Stand:",
           "s2": "2  Belastete Flurstücke", "s3": "3  Begünstigte Flurstücke", "none": "keine Angaben",
           "gem": "Gemarkung", "gem_key": "Gmkg.-Nr.", "flur": "Flur", "zaehler": "Zähler", "nenner": "Nenner",
           "addr": "Lage", "s4": "4  Art der Baulast(en)", "s5": "5  Eintragungen", "nr": "Lfd.",
           "text": "Inhalt", "decl": "Erklärung vom", "reg": "Eintragung", "dele": "Löschung",
           "deleted": "(gelöscht)", "print": "Ausdruck vom", "of": "von", "page": "Seite",
           "note": "Maschinell erstellter Ausdruck – ohne Unterschrift gültig."},
    "Q4": {**_BASE, "title": "BAULASTENVERZEICHNIS - DATENBLATT", "number": "BAULAST-BLATT", "muni": "GEMEINDE",
           "az": "AKTENZ.", "gb": "GRUNDBUCH", "gb_blatt": "BL.", "keyed": "ERFASST", "date": "DATUM",
           "page": "SEITE", "parcels": "GRUNDSTUECK(E)", "nr": "NR", "gem": "GEMARKUNG", "flur": "FLUR",
           "fst": "FLURSTUECK", "addr": "LAGE", "log": "VORGAENGE", "when": "DATUM", "what": "VORGANG",
           "lfd": "LFD", "clerk": "SACHB.", "ev_decl": "VERPFL.-ERKLAERUNG", "ev_reg": "EINTRAGUNG",
           "ev_del": "LOESCHUNG", "texts": "INHALT DER EINTRAGUNGEN", "deleted": "*** GELOESCHT ***",
           "end": "ENDE DATENBLATT"},
}
LABELS.update(FOURTH_LABELS)

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
KREIS_SEAT = "Grevenbroich"  # where the Kreis' Bauaufsicht sits


def long_date(d: dt.date) -> str:
    """'3. Mai 1979'."""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def card_date(d: dt.date, short: bool) -> str:
    """A date as typed on a card: '03.05.79' (two-digit years only before 2000) or '3.5.1979'."""
    if short and d.year < 2000:
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    return f"{d.day}.{d.month}.{d.year}"


def municipality_line(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


def seat(a: Akte) -> str:
    return KREIS_SEAT if a.by_kreis else a.municipality


def printed_day(a: Akte, rng, lo: int = 1, hi: int = 120) -> dt.date:
    """A day some time after the last thing the sheet shows (print-out, certification)."""
    days = [a.letter_date] + [e.registered_on for e in a.entries] + [e.deleted_on for e in a.entries if e.deleted_on]
    return max(days) + dt.timedelta(days=rng.randrange(lo, hi))


def declared_on(a: Akte, rng) -> dict[int, dt.date]:
    """Date of the declaration behind each entry: the Akte's own for Lfd. Nr. 1, some weeks before the entry else."""
    return {e.lfd_nr: a.declaration_date if e.lfd_nr == 1 else
            e.registered_on - dt.timedelta(days=rng.randrange(12, 140)) for e in a.entries}


def paste_darker(img: Image.Image, layer: Image.Image, x: float, y: float) -> None:
    x, y = round(x), round(y)
    box = (x, y, x + layer.width, y + layer.height)
    img.paste(ImageChops.darker(img.crop(box), layer), box)


def parcel_prose(a: Akte, L) -> str:
    """'Gemarkung X, Flur 3, Flurstücke 12 und 15, und Flur 4, Flurstück 7'."""
    parts = []
    for flur, fst in flur_groups(a.parcels):
        nums = f"{L('fst')} {fst[0]}" if len(fst) == 1 else f"{L('fsts')} {', '.join(fst[:-1])} {L('and')} {fst[-1]}"
        parts.append(f"{L('flur')} {flur}, {nums}")
    return f"{L('gem')} {a.parcels[0].gemarkung}, " + f", {L('and')} ".join(parts)


# --- (1) an index card of the 1960s-80s, typed, put on the scanner glass ------------------------------------
def sheet_index_card(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    cw, chh = 204, 146
    card = Page(pg.dpi, rng, cw, chh)
    tone = rng.randrange(238, 248)
    W, H = card.img.size
    card.draw.rectangle((0, 0, W, H), fill=tone)
    x0, x1 = P(tpl.margin), W - P(tpl.margin)
    adv = card.width("M", fv, pt)
    short = rng.random() < 0.65

    def typed(x, y, s, size=pt):
        return card.typed(x + P(rng.uniform(-0.6, 1.0)), y + P(rng.uniform(-0.8, 0.3)), s, fv, size)

    def field(x, y, length_mm, label, value=""):
        """A writing line with its label printed small underneath; returns the line's right end."""
        xe = x + P(length_mm)
        card.hline(x, xe, y + P(1.2), 0.2, fill=50)
        card.text(x, y + P(4.2), label, f, 6.5)
        if value:
            typed(x + P(1.5), y, value)
        return xe

    # the signal strip along the top edge (1-12) with a metal rider clipped on
    y_strip = P(tpl.top)
    card.hline(0, W, y_strip, 0.25, fill=60)
    cells = [x0 + (x1 - x0) * i / 12 for i in range(13)]
    for i in range(12):
        card.vline(cells[i], 0, y_strip, 0.2, fill=80)
        card.text((cells[i] + cells[i + 1]) / 2, y_strip - P(1.6), str(i + 1), f, 7, anchor="ms")
    card.vline(cells[12], 0, y_strip, 0.2, fill=80)
    k = rng.randrange(12)
    card.draw.rectangle((cells[k] + P(1), 0, cells[k + 1] - P(1), y_strip - P(0.8)), fill=rng.randrange(40, 90))
    # header: authority | title | number box
    yh = y_strip + P(7)
    card.text(x0, yh, a.authority[0], fb, 9)
    card.text(x0, yh + P(4), a.authority[-1], f, 8)
    card.text(W // 2 - P(8), yh + P(2), L("title"), fb, 15, anchor="ms")
    bw, bh = P(58), P(11)
    bx, by = x1 - bw, y_strip + P(3)
    card.hline(bx, x1, by + bh, 0.6)
    end = card.text(bx + P(2), by + P(7), L("number"), fb, 9.5)
    typed(end + P(4), by + P(7), a.register_display, pt * 1.15)
    # row of fields, then two printed parcel rows
    y = by + bh + P(8)
    gb = a.grundbuch or ("", "")
    xe = field(x0, y, 44, L("muni"), a.municipality)
    xe = field(xe + P(4), y, 40, L("gb"), gb[0])
    xe = field(xe + P(4), y, 17, L("gb_blatt"), gb[1])
    field(xe + P(4), y, (x1 - xe - P(4)) * 25.4 / pg.dpi, L("az"), a.aktenzeichen)
    d.add("aktenzeichen")
    if a.grundbuch:
        d.add("grundbuch_blatt")
    groups = flur_groups(a.parcels)
    for r in range(max(2, len(groups))):
        y += P(10)
        flur, fst = groups[r] if r < len(groups) else ("", [])
        xe = field(x0, y, 44, L("gem"), a.parcels[0].gemarkung if fst else "")
        xe = field(xe + P(4), y, 14, L("flur"), str(flur))
        xe = field(xe + P(4), y, 62, L("fst"), ", ".join(fst))
        field(xe + P(4), y, (x1 - xe - P(4)) * 25.4 / pg.dpi, L("addr"), (a.address or "") if r == 0 else "")
    # the printed table with ruled lines
    y_top, y_bot = y + P(7), H - P(9)
    xs = [x0, x0 + P(21), x1 - P(25), x1]
    card.rect((x0, y_top, x1, y_bot), 0.35)
    for xx in xs[1:3]:
        card.vline(xx, y_top, y_bot, 0.3)
    hh = P(5.5)
    for i, key in enumerate(("reg", "text", "rem")):
        card.text((xs[i] + xs[i + 1]) // 2, y_top + P(4), L(key), fb, 8, anchor="ms")
    card.hline(x0, x1, y_top + hh, 0.35)
    lh = card.line_height(fv, pt, 1.32)
    first = y_top + hh + round(lh * 0.95)
    yy = first
    while yy < y_bot - P(1.5):
        card.hline(x0 + P(0.4), x1 - P(0.4), yy + P(0.9), 0.12, fill=175)
        yy += lh
    n_text = max(8, int((xs[2] - xs[1] - P(3)) / adv))
    y = first
    for e in a.entries:
        body = textwrap.wrap(f"{e.lfd_nr}) {e.text}", n_text, subsequent_indent="   ")
        n = max(len(body), 3 if e.deleted_on else 2)
        if y + (n - 1) * lh > y_bot - P(1.5):
            return d, True
        typed(xs[0] + P(1), y, card_date(e.registered_on, short))
        card.signature(xs[0] + P(3), y + lh, w_mm=12, h_mm=3.5)
        for i, line in enumerate(body):
            typed(xs[1] + P(1.5), y + i * lh, line)
        if e.deleted_on:  # typed while the office still typed its cards, later noted by hand
            if e.deleted_on.year < 1992:
                typed(xs[2] + P(1.5), y, L("dele"))
                typed(xs[2] + P(1.5), y + lh, card_date(e.deleted_on, short))
            else:
                hand = rng.choice(_pens())
                pen(card, xs[2] + P(1.5), y, L("dele"), hand, pt * 1.1, rng.randrange(15, 60))
                pen(card, xs[2] + P(1.5), y + lh, card_date(e.deleted_on, False), hand, pt * 1.1, rng.randrange(15, 60))
            card.signature(xs[2] + P(4), y + 2 * lh, w_mm=13, h_mm=3.5)
            y_last = y + (len(body) - 1) * lh
            card.hand_line(xs[1] + P(2), y_last, xs[2] - P(2), y - round(lh * 0.7), w=0.4, fill=70)
        y += (n + 1) * lh
    card.text(x0, H - P(3.5), L("form"), f, 6.5)
    end = card.text(x1 - P(18), H - P(3.5), L("card"), f, 7.5)
    typed(end + P(2), H - P(3.5), str(page_no))
    d.add("page_number")
    # lay the card on the glass: rounded corners, a little askew, a faint shadow under its lower and right edge
    mask = Image.new("L", card.img.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, W - 1, H - 1), radius=P(3.5), fill=255)
    ang = rng.uniform(-1.2, 1.2)
    img = card.img.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=255)
    mask = mask.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=0)
    ox, oy = P(rng.uniform(1.5, 4)), P(rng.uniform(3, 10))
    shadow = Image.new("L", img.size, rng.randrange(150, 190))
    pg.img.paste(shadow, (ox + P(0.8), oy + P(0.8)), mask)
    pg.img.paste(img, (ox, oy), mask)
    return d, False


# --- (2) a word-processed copy of the sheet, certified, the number only in the running head or foot line ----
def official_seal(pg: Page, cx: float, cy: float, r_mm: float, ring: str) -> None:
    """A round official seal: two rings, the authority's name around, a small shield inside; inked unevenly."""
    P, rng = pg.px, pg.rng
    R = P(r_mm)
    size = 2 * R + P(4)
    c = size / 2
    layer = Image.new("L", (size, size), 255)
    dr = ImageDraw.Draw(layer)
    ink = rng.randrange(60, 110)
    dr.ellipse((c - R, c - R, c + R, c + R), outline=ink, width=max(2, P(0.5)))
    ri = R - P(4.2)
    dr.ellipse((c - ri, c - ri, c + ri, c + ri), outline=ink, width=max(1, P(0.3)))
    fnt = pg.font("sans_bold", 6.2)
    rt = (R + ri) / 2
    step = min(300 / max(1, len(ring)), 13.0)
    total = step * (len(ring) - 1)
    box = P(4)
    for i, ch in enumerate(ring):
        if ch == " ":
            continue
        th = math.radians(90 + total / 2 - i * step)
        g = Image.new("L", (box, box), 255)
        ImageDraw.Draw(g).text((box / 2, box / 2), ch, font=fnt, fill=ink, anchor="mm")
        g = g.rotate(math.degrees(th) - 90, resample=Image.BICUBIC, fillcolor=255)
        paste_darker(layer, g, c + rt * math.cos(th) - box / 2, c - rt * math.sin(th) - box / 2)
    sw, sh = P(9), P(11)
    pts = [(c - sw / 2, c - sh / 2), (c + sw / 2, c - sh / 2), (c + sw / 2, c + sh * 0.05), (c, c + sh / 2),
           (c - sw / 2, c + sh * 0.05)]
    dr.polygon(pts, outline=ink, width=max(1, P(0.35)))
    dr.line([(c - sw / 2, c - sh * 0.1), (c + sw / 2, c - sh * 0.1)], fill=ink, width=max(1, P(0.35)))
    dr.line([(c, c - sh / 2), (c, c + sh / 2)], fill=ink, width=max(1, P(0.35)))
    cw_, ch_ = max(1, size // 9), max(1, size // 9)
    spots = Image.frombytes("L", (cw_, ch_), rng.randbytes(cw_ * ch_)).resize((size, size), Image.BILINEAR)
    layer = ImageChops.lighter(layer, spots.point(lambda v: 190 if v > 215 else 0))
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC, fillcolor=255)
    x, y = round(cx - c), round(cy - c)
    bb = (x, y, x + size, y + size)
    pg.img.paste(ImageChops.multiply(pg.img.crop(bb), layer), bb)


def sheet_certified_copy(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin - 5)
    W = x1 - x0
    lh = pg.line_height(f, pt, 1.3)
    top, y_bot = P(tpl.top), pg.img.height - P(20)
    # the running line with register and page, at the head or at the foot of the page
    run_left = f"{L('title')} {municipality_line(a)}"
    run_right = f"{L('number')} {a.register_display} – {L('page')} {page_no}"
    at_head = rng.random() < 0.6
    y_run = top + P(2) if at_head else y_bot + P(7)
    pg.text(x0, y_run, run_left, f, 9.5)
    pg.text(x1, y_run, run_right, f, 9.5, anchor="rs")
    pg.hline(x0, x1, y_run + P(1.8) if at_head else y_run - P(4.5), 0.25)
    d.add("page_number")
    # authority left, kind of copy right, file reference under it
    y = top + P(14)
    for i, line in enumerate(a.authority):
        pg.text(x0, y + i * P(4.6), line, fb if i == 0 else f, 10.5 if i == 0 else 9.5)
    certified = rng.random() < 0.55
    head = L("copy_cert") if certified else L("copy")
    pg.text(x1, y + P(1), head, fb, 15, anchor="rs")
    pg.text(x1, y + P(7), f"{L('az')} {a.aktenzeichen}", f, 9.5, anchor="rs")
    d.add("aktenzeichen")
    y += P(4.6) * len(a.authority) + P(9)
    sub = f"{L('from')} {L('fuer') if a.by_kreis else L('der')} {municipality_line(a)}"
    pg.text(pg.img.width // 2, y, sub, fb, pt * 1.15, anchor="ms")
    y += round(lh * 2)
    # the burdened land in prose
    lab = L("parcels") if len(a.parcels) > 1 else L("parcel")
    pg.text(x0, y, lab, fb, pt)
    tab = x0 + P(48)
    y = pg.paragraph(tab, y, parcel_prose(a, L), f, pt, x1 - tab, spacing=1.3)
    if a.address:
        pg.text(x0, y, L("addr"), fb, pt)
        pg.text(tab, y, a.address, f, pt)
        y += lh
    if a.grundbuch:
        pg.text(tab, y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
        d.add("grundbuch_blatt")
        y += lh
    y += lh
    pg.text(x0, y, L("entries"), fb, pt)
    pg.hline(x0, x0 + pg.width(L("entries"), fb, pt), y + P(1), 0.2)
    y += round(lh * 1.6)
    # the entries: date in the heading line or after the text, written out or in figures
    in_head = rng.random() < 0.45
    written = rng.random() < 0.6
    with_decl = rng.random() < 0.55

    def day(when: dt.date) -> str:
        return long_date(when) if written else de_date(when)

    cert_h = round(lh * 2.2) + P(34)
    for e in a.entries:
        body = pg.wrap(e.text, f, pt, W - P(8))
        tail = []
        if e.lfd_nr == 1 and with_decl:
            tail.append(f"({L('decl')} {de_date(a.declaration_date)})")
            d.add("declaration_date")
        if not in_head:
            tail.append(f"{L('reg')} {day(e.registered_on)}.")
        n = 1 + len(body) + len(tail) + 1 + (1 if e.deleted_on else 0)
        if y + n * lh + (cert_h if e is a.entries[-1] else 0) > y_bot - P(4):
            return d, True
        heading = f"{L('nr')} {e.lfd_nr}"
        if in_head:
            heading += f" – {L('reg_in')} {day(e.registered_on)}"
        if e.deleted_on:
            heading += f" ({L('deleted')})"
        pg.text(x0, y, heading, fb, pt)
        y += lh
        for line in body + tail:
            pg.text(x0 + P(8), y, line, f, pt)
            y += lh
        pg.text(x0 + P(8), y, f"{L('gez')} {e.clerk}", f, pt)
        y += lh
        if e.deleted_on:
            pg.text(x0 + P(8), y, f"{L('dele')} {day(e.deleted_on)}. {L('gez')} {e.deleter}", f, pt)
            y += lh
        y += round(lh * 0.6)
    # the certification with seal and signature (only on a certified copy; a plain one just ends)
    if certified:
        y += round(lh * 0.6)
        y = pg.paragraph(x0, y, L("cert"), f, pt, W, spacing=1.3)
        when = printed_day(a, rng, 2, 200)
        pg.text(x0, y + round(lh * 0.3), f"{seat(a)}, {L('den')} {de_date(when)}", f, pt)
        d.add("print_date")
        y += round(lh * 1.8)
        ring = (L("seal_kreis") if a.by_kreis else municipality_line(a).upper()) + " * BAUAUFSICHT *"
        official_seal(pg, x0 + P(24), y + P(12), 15, ring)
        xs = x0 + P(62)
        pg.text(xs, y + P(2), L("ia"), f, pt)
        pg.signature(xs + P(2), y + P(11), w_mm=32, h_mm=7)
        pg.text(xs, y + P(17), f"({a.entries[-1].clerk})", f, pt * 0.95)
    return d, False


# --- (3) a recent software print: numbered sections, burdened and benefiting parcels, type check boxes ------
def barcode(pg: Page, x: float, y: float, w_mm: float, h_mm: float, key: str) -> None:
    """A one-dimensional barcode (bars from a hash of key; not meant to decode)."""
    P = pg.px
    unit = max(1, round(pg.dpi / 150))
    bits = zlib.crc32(key.encode())
    xx, end, i = x, x + P(w_mm), 0
    while xx < end - 3 * unit:
        b = (bits >> (i % 29)) & 7
        i += 3
        bw = unit * (1 + b % 3)
        pg.draw.rectangle((xx, y, xx + bw - 1, y + P(h_mm)), fill=0)
        xx += bw + unit * (1 + (b >> 1) % 2)


def gemarkung_no(name: str) -> str:
    """A six-digit Gemarkung number as the cadastre prints it (made up, stable per Gemarkung)."""
    return f"05{2000 + zlib.crc32(('gmk:' + name).encode()) % 8000:04d}"


def sheet_software_sheet(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    lh = pg.line_height(f, pt, 1.35)
    top, y_bot = P(tpl.top), pg.img.height - P(20)
    decl = declared_on(a, rng)
    stand = printed_day(a, rng, 1, 60)
    # header: authority, barcode
    pg.text(x0, top + P(5), a.authority[0], fb, 13)
    yy = top + P(10)
    for line in a.authority[1:]:
        pg.text(x0, yy, line, f, 9)
        yy += pg.line_height(f, 9, 1.3)
    barcode(pg, x1 - P(48), top, 48, 9, a.aktenzeichen)
    y = max(yy, top + P(16)) + P(3)
    # title bar
    year = a.entries[0].registered_on.year
    pg.rect((x0, y, x1, y + P(10)), 0.1, fill=rng.randrange(214, 230), outline=200)
    pg.text(x0 + P(3), y + P(7), L("title"), fb, 14)
    pg.text(x1 - P(3), y + P(7), L("law_old") if year < 2019 else L("law_new"), f, 9, anchor="rs")
    y += P(10) + P(9)

    def section(y: float, key: str) -> float:
        pg.text(x0, y, L(key), fb, pt * 1.15)
        pg.hline(x0, x1, y + P(1.8), 0.3, fill=90)
        return y + P(1.8) + round(lh * 1.15)

    # 1 key data in two columns
    y = section(y, "s1")
    gb = f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else "–"
    if a.grundbuch:
        d.add("grundbuch_blatt")
    xm = x0 + round(W * 0.5)
    cols = ((x0, [(L("number"), a.register_display, True), (L("muni"), a.municipality, False)]),
            (xm, [(L("az"), a.aktenzeichen, False), (L("gb"), gb, False), (L("stand"), de_date(stand), False)]))
    ye = y
    for cx, kv in cols:
        tab = cx + P(30)
        yk = y
        for k, v, strong in kv:
            pg.text(cx + P(1), yk, k, f, pt)
            pg.text(tab, yk, v, fb if strong else f, pt * (1.25 if strong else 1))
            yk += round(lh * 1.1)
        ye = max(ye, yk)
    d |= {"aktenzeichen", "print_date"}
    y = ye + P(3)

    # 2 and 3 parcel tables: the cadastre's Zähler/Nenner in separate columns
    px = [x0 + round(W * c) for c in (0, 0.27, 0.42, 0.50, 0.62, 0.72)] + [x1]
    rh = round(lh * 1.2)

    def parcel_table(y: float, rows: list[tuple[str, int, str, str]]) -> float:
        y -= round(lh * 0.8)
        for i, key in enumerate(("gem", "gem_key", "flur", "zaehler", "nenner", "addr")):
            pg.rect((px[i], y, px[i + 1], y + rh), 0.2, fill=232)
            pg.text(px[i] + P(1.5), y + rh * 0.7, L(key), fb, pt * 0.92)
        y += rh
        for gem, flur, fst, addr in rows:
            z, _, n = fst.partition("/")
            for i, v in enumerate((gem, gemarkung_no(gem), str(flur), z, n, addr)):
                pg.rect((px[i], y, px[i + 1], y + rh), 0.2)
                pg.text(px[i] + P(1.5), y + rh * 0.7, v, f, pt)
            y += rh
        return y + P(6)

    y = section(y, "s2")
    y = parcel_table(y, [(p.gemarkung, p.flur, p.flurstueck, (a.address or "") if i == 0 else "")
                         for i, p in enumerate(a.parcels)])
    y = section(y, "s3")
    if a.benefit:
        y = parcel_table(y, [(a.benefit.gemarkung, a.benefit.flur, a.benefit.flurstueck, "")])
    else:
        pg.text(x0 + P(1), y, L("none"), f, pt)
        y += lh + P(3)
    # 4 check boxes of the kinds of Baulast
    y = section(y, "s4")
    kinds = {e.type for e in a.entries}
    bs = P(3.2)
    for i, t in enumerate(TYPES):
        bx = x0 + P(1) + (i % 4) * round(W / 4)
        by = y + (i // 4) * round(lh * 1.25)
        pg.rect((bx, by - bs, bx + bs, by), 0.25)
        if t in kinds:  # a cross in the box
            lo, hi = P(0.5), bs - P(0.5)
            pg.draw.line([(bx + lo, by - hi), (bx + hi, by - lo)], fill=0, width=max(1, P(0.35)))
            pg.draw.line([(bx + lo, by - lo), (bx + hi, by - hi)], fill=0, width=max(1, P(0.35)))
        pg.text(bx + bs + P(1.5), by, t, f, pt * 0.9)
    y += 2 * round(lh * 1.25) + P(3)
    # 5 the entries table
    y = section(y, "s5") - round(lh * 0.8)
    xs = [x0 + round(W * c) for c in (0, 0.055, 0.615, 0.745, 0.87)] + [x1]
    hh = round(lh * 1.3)
    for i, key in enumerate(("nr", "text", "decl", "reg", "dele")):
        pg.rect((xs[i], y, xs[i + 1], y + hh), 0.2, fill=232)
        pg.text(xs[i] + P(1.2), y + hh * 0.7, L(key), fb, pt * 0.85)
    y += hh
    elh = pg.line_height(f, pt * 0.95, 1.3)
    for e in a.entries:
        body = pg.wrap(e.text, f, pt * 0.95, xs[2] - xs[1] - P(3))
        if e.deleted_on:
            body.append(L("deleted"))
        h = elh * len(body) + round(elh * 0.6)
        if y + h > y_bot - P(14):
            return d, True
        vals = (str(e.lfd_nr), "", de_date(decl[e.lfd_nr]), de_date(e.registered_on),
                de_date(e.deleted_on) if e.deleted_on else "–")
        for i, v in enumerate(vals):
            pg.rect((xs[i], y, xs[i + 1], y + h), 0.2)
            if v:
                pg.text(xs[i] + P(1.2), y + elh, v, f, pt * 0.95)
        for j, line in enumerate(body):
            gray = 95 if e.deleted_on and j < len(body) - 1 else 0
            pg.text(xs[1] + P(1.5), y + elh * (j + 1), line, f, pt * 0.95, fill=gray)
        y += h
    d.add("declaration_date")
    # footer
    pg.hline(x0, x1, y_bot, 0.3)
    h = zlib.crc32(a.aktenzeichen.encode())
    pg.text(x0, y_bot + P(4.5), f"{L('print')} {de_date(stand)}, {8 + h % 9:02d}:{h // 9 % 60:02d} Uhr", f, 8)
    pg.text(x0, y_bot + P(8.5), L("note"), f, 7.5)
    pg.text(x1, y_bot + P(4.5), f"{L('page')} {page_no} {L('of')} 1", f, 8, anchor="rs")
    d.add("page_number")
    return d, False


# --- (4) a PC database record printed on a 24-pin printer: boxed number, dates only in a log of events ----------
def sheet_database_record(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f = tpl.form_font
    w, h = pg.img.size
    x0 = P(tpl.margin)
    adv = pg.width("M", f, pt)
    ncol = int((w - 2 * x0) / adv)
    lh = round(pg.line_height(f, pt, 1.0) * 1.42)
    ink = rng.randrange(0, 35)  # the ribbon

    def line(y, s, col=0):
        pg.text(x0 + col * adv, y, s, f, pt, fill=ink)

    def right(y, s):
        line(y, s, ncol - len(s))

    decl = declared_on(a, rng)
    # the record was keyed into the database when it was set up (older sheets were taken over from the cards then)
    reg1 = a.entries[0].registered_on
    keyed = max(reg1 + dt.timedelta(days=rng.randrange(3, 60)), dt.date(1985 + rng.randrange(6), 1, 2)
                + dt.timedelta(days=rng.randrange(360)))
    stand = max(printed_day(a, rng, 1, 150), keyed + dt.timedelta(days=rng.randrange(20, 700)))
    y = P(tpl.top) + lh
    line(y, f"{a.authority[0]} - {a.authority[-1]}".upper())
    right(y, f"{L('date')} {de_date(stand)}")
    y += lh
    line(y, L("title"))
    right(y, f"{L('page')} {page_no:3d}")
    d |= {"print_date", "page_number"}
    y += lh
    line(y, "=" * ncol)
    y += 2 * lh
    # key fields left, the number framed by asterisks right
    inner = f" {L('number')}  {a.register_display} "
    bcol = ncol - len(inner) - 2
    box = ["*" * (len(inner) + 2), "*" + inner + "*", "*" * (len(inner) + 2)]
    kv = [(L("muni"), a.municipality), (L("az"), a.aktenzeichen)]
    if a.grundbuch:
        kv.append((L("gb"), f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}"))
        d.add("grundbuch_blatt")
    kv.append((L("keyed"), f"{de_date(keyed)} / {a.entries[0].clerk.upper()}"))
    d.add("aktenzeichen")
    for i in range(max(len(kv), len(box))):
        if i < len(kv):
            line(y, f"{kv[i][0]:<10}: {kv[i][1]}")
        if i < len(box):
            line(y, box[i], bcol)
        y += lh
    y += lh
    # the parcels, one per line
    line(y, L("parcels"))
    y += lh
    line(y, "-" * len(L("parcels")))
    y += lh
    c_gem, c_flur, c_fst, c_addr = 4, 26, 33, 47
    for col, key in ((0, "nr"), (c_gem, "gem"), (c_flur, "flur"), (c_fst, "fst"), (c_addr, "addr")):
        line(y, L(key), col)
    y += lh
    for i, p in enumerate(a.parcels):
        line(y, f"{i + 1:>2}")
        line(y, p.gemarkung, c_gem)
        line(y, f"{p.flur:03d}", c_flur)
        line(y, p.flurstueck, c_fst)
        if i == 0 and a.address:
            line(y, a.address[: ncol - c_addr], c_addr)
        y += lh
    y += lh
    # the log of events: declaration, entry, deletion, in order of date
    events = [(decl[e.lfd_nr], 0, L("ev_decl"), e.lfd_nr, "") for e in a.entries]
    events += [(e.registered_on, 1, L("ev_reg"), e.lfd_nr, e.clerk) for e in a.entries]
    events += [(e.deleted_on, 2, L("ev_del"), e.lfd_nr, e.deleter) for e in a.entries if e.deleted_on]
    events.sort(key=lambda ev: (ev[0], ev[1], ev[3]))
    d.add("declaration_date")
    line(y, L("log"))
    y += lh
    line(y, "-" * len(L("log")))
    y += lh
    c_what, c_lfd, c_clerk = 13, 36, 42
    for col, key in ((0, "when"), (c_what, "what"), (c_lfd, "lfd"), (c_clerk, "clerk")):
        line(y, L(key), col)
    y += lh
    for when, _, what, lfd, clerk in events:
        line(y, de_date(when))
        line(y, what, c_what)
        line(y, f"{lfd:>3}", c_lfd)
        line(y, clerk.upper(), c_clerk)
        y += lh
    y += lh
    # the texts
    line(y, L("texts"))
    y += lh
    line(y, "-" * len(L("texts")))
    y += lh
    y_max = h - P(16)
    ind = 7
    for e in a.entries:
        body = textwrap.wrap(e.text, ncol - ind)
        if y + len(body) * lh > y_max:
            return d, True
        line(y, f"{L('lfd')} {e.lfd_nr}")
        line(y, e.type.upper().replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE"), ind)
        if e.deleted_on:
            right(y, L("deleted"))
        y += lh
        for i, s in enumerate(body):
            line(y + i * lh, s, ind)
        y += (len(body) + 1) * lh
    if y <= y_max:
        end = f"--- {L('end')} ---"
        line(y, end, (ncol - len(end)) // 2)
    return d, False


FOURTH_RENDERERS = {"index_card": sheet_index_card, "certified_copy": sheet_certified_copy,
                    "software_sheet": sheet_software_sheet, "database_record": sheet_database_record}

# the heldout4 templates: used by that split only (registered into layouts.TEMPLATES below)
FOURTH_TEMPLATES = {t.name: t for t in (
    Template("tw_q", "typewriter_form", "Q1", "narrow", "narrow_bold", "free_mono", pt=10.5, margin=9, top=6,
             years=(1962, 1988), split="heldout4", renderer="index_card"),
    Template("cp_q", "computer_print", "Q2", "free_serif", "free_serif_bold", pt=11.5, margin=24, top=12,
             years=(1986, 2010), split="heldout4", renderer="certified_copy"),
    Template("mg_q", "modern_grid", "Q3", "free_sans", "free_sans_bold", pt=9.5, margin=17, top=11,
             years=(2006, 2024), split="heldout4", renderer="software_sheet"),
    Template("dm_q", "dot_matrix", "Q4", "mono_bold", "mono_bold", "mono_bold", pt=10, margin=18, top=12,
             years=(1968, 1996), split="heldout4", renderer="database_record"),
)}
TEMPLATES.update(FOURTH_TEMPLATES)
