"""Baulastenblatt renderers of the heldout3 split (templates with ``split="heldout3"`` in layouts.py).

Same signature as the renderers in ``sheets.py`` / ``sheets_more.py``: draw onto a Page and return
(distractors placed, overflowed?). They only read from the Akte, so the truth is the same as for every
other layout. Whoever tunes extraction must not read this file (see sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import textwrap

from PIL import Image, ImageChops, ImageDraw

from .content import KIND, STREETS, Akte, de_date
from .layouts import _BASE, LABELS, Template, flur_groups
from .render import Page

# label wordings of the heldout3 templates (keys as in layouts.LABELS, plus their own)
THIRD_LABELS = {
    "M1": {**_BASE, "title": "Baulastenverzeichnis", "der": "der", "fuer": "für die", "number": "Blatt",
           "parcel_head": "Grundstücksbezeichnung:", "gem": "Gemkg.", "flur": "Flur", "fst": "Flurstück",
           "fsts": "Flurstücke", "and": "und", "addr": "gelegen:", "gb": "Grundbuch von", "band": "Band",
           "gb_blatt": "Blatt", "az": "Bauakte:", "reg": "Eingetragen am",
           "reg_decl": "Eingetragen auf Grund der Verpflichtungserklärung vom", "reg_am": "am",
           "dele": "Die Eintragung ist am", "dele_end": "gelöscht worden."},
    "M2": {**_BASE, "title": "Baulastenverzeichnis – Blattauszug", "number": "Blattnummer", "muni": "Stadt/Gemeinde",
           "stand": "Datenstand", "page": "Seite", "parcel_head": "Angaben zum Grundstück", "gem": "Gemarkungsname",
           "flur": "Flur-Nr.", "fst": "Flurstück (Zähler/Nenner)", "addr": "Straße / Hausnummer:",
           "gb": "Buchungsstelle:", "gb_text": "Grundbuch von", "gb_blatt": "Bl.", "entries": "Eintragungen",
           "nr": "Eintrag", "reg": "Datum der Eintragung:", "dele": "Datum der Löschung:", "deleted": "gelöscht",
           "clerk": "Sachbearbeitung:", "az": "Zeichen:", "print": "erstellt am", "contact": "Auskunft erteilt:",
           "room": "Zimmer", "phone": "Telefon"},
    "M3": {**_BASE, "title": "Baulastenverzeichnis", "number": "Verz.-Bl.", "page": "Seite",
           "band_parcel": "Grundstück", "band_entries": "Eintragungen", "band_del": "Löschungen", "gem": "Gemarkg.",
           "flur": "Flur",
           "fst": "Flurstücksnr.", "addr": "Lage (Straße)", "gb": "Grundbuch:", "gb_blatt": "Bl.", "az": "Akt.-Z.:",
           "nr": "Lfd.", "text": "Eintragungstext", "reg": "Vermerk über die Eintragung", "stamp": "EINGETRAGEN",
           "del_ref": "zu Lfd.", "del_why": "Grund der Löschung", "del_date": "Löschungstag",
           "del_reason": "Verzicht der Bauaufsichtsbehörde", "form": "Form. 63-07 Baulastenverzeichnis"},
    "M4": {**_BASE, "title": "BAULASTENVERZEICHNIS - EINZELNACHWEIS", "prog": "BLV040", "run": "LAUF", "page": "SEITE",
           "muni": "GEMEINDE", "number": "BL.-NR.", "gem": "GEMARKUNG", "flur": "FLUR", "fst": "FLURSTUECK",
           "addr": "LAGE", "gb": "GRUNDBUCH", "gb_blatt": "BLATT", "az": "AKTZ", "nr": "LFD",
           "kind": "ART DER BAULAST", "reg": "EINTR-DAT", "dele": "LOES-DAT", "text": "TEXT", "end": "ENDE BLATT"},
}
LABELS.update(THIRD_LABELS)

MONTHS_FULL = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember")
TYPE_SHOWN = {"Sonstige": "Sonstige Baulast"}
AREA_CODE = {"Dormagen": "02133", "Grevenbroich": "02181", "Jüchen": "02165", "Kaarst": "02131",
             "Korschenbroich": "02161", "Meerbusch": "02132", "Neuss": "02131", "Rommerskirchen": "02183"}


def date_long(d: dt.date) -> str:
    """'3. Mai 1979'."""
    return f"{d.day}. {MONTHS_FULL[d.month - 1]} {d.year}"


def print_day(a: Akte, rng) -> dt.date:
    """Date of a print-out: some days after the last thing it shows."""
    days = [a.letter_date] + [e.registered_on for e in a.entries] + [e.deleted_on for e in a.entries if e.deleted_on]
    return max(days) + dt.timedelta(days=rng.randrange(1, 120))


def municipality_line(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


def edv(s: str) -> str:
    """Upper case without umlauts, as an old line printer's character set has it."""
    s = s.replace("m²", "qm").replace("–", "-")
    s = s.upper()
    for k, v in (("Ä", "AE"), ("Ö", "OE"), ("Ü", "UE"), ("ẞ", "SS")):
        s = s.replace(k, v)
    return s


def paste_ink(pg: Page, layer: Image.Image, x: int, y: int) -> None:
    """Darken the page with a white-background layer whose top-left goes to (x, y)."""
    box = (x, y, x + layer.width, y + layer.height)
    pg.img.paste(ImageChops.darker(pg.img.crop(box), layer), box)


def rotated_label(pg: Page, x_center: int, y_center: int, s: str, font: str, pt: float) -> None:
    """Text running bottom-to-top, centred on (x_center, y_center)."""
    f = pg.font(font, pt)
    w, h = round(f.getlength(s)) + 4, round(pt * pg.dpi / 72 * 1.4)
    layer = Image.new("L", (w, h), 255)
    ImageDraw.Draw(layer).text((2, h * 0.78), s, font=f, fill=0, anchor="ls")
    layer = layer.rotate(90, expand=True)
    paste_ink(pg, layer, x_center - layer.width // 2, y_center - layer.height // 2)


# --- (1) a typed page on plain paper: the number only in the title line, numbered paragraphs ----------------
def sheet_typed_ledger(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    fv = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    adv = pg.width("M", fv, pt)
    ncol = int((x1 - x0) / adv)
    lh = pg.line_height(fv, pt, 1.45)
    drift = P(rng.uniform(-1.5, 1.5))  # the sheet was put into the machine a little off

    def t(y: float, s: str, col: float = 0) -> float:
        return pg.typed(x0 + drift + col * adv + P(rng.uniform(-0.35, 0.35)), y, s, fv, pt)

    y = P(tpl.top) + lh
    for i, line in enumerate(a.authority):
        t(y + i * lh, line)
    az = f"{L('az')} {a.aktenzeichen}"
    t(y, az, ncol - len(az))
    d.add("aktenzeichen")
    y += lh * (len(a.authority) + 2)
    # title line(s), centred and underlined by overtyping
    head = f"{L('title')} {L('fuer') if a.by_kreis else L('der')} {municipality_line(a)}"
    tail = f"{L('number')} {a.register_display}"
    lines = [f"{head} - {tail}"] if len(head) + len(tail) + 3 <= ncol - 2 else [head, f"- {tail} -"]
    for s in lines:
        col = max(0, (ncol - len(s)) // 2)
        t(y, s, col)
        t(y + P(0.6), "_" * len(s), col)
        y += lh
    y += lh
    # the burdened parcel(s) in one run of text
    parts = []
    for flur, fst in flur_groups(a.parcels):
        nums = f"{L('fst')} {fst[0]}" if len(fst) == 1 else f"{L('fsts')} {', '.join(fst[:-1])} {L('and')} {fst[-1]}"
        parts.append(f"{L('flur')} {flur}, {nums}")
    parcel = f"{L('gem')} {a.parcels[0].gemarkung}, " + "; ".join(parts)
    lab = L("parcel_head")
    ind = len(lab) + 2
    rows = textwrap.wrap(parcel, ncol - ind)
    if a.address:
        rows.append(f"{L('addr')} {a.address}")
    if a.grundbuch:
        rows.append(f"{L('gb')} {a.grundbuch[0]} {L('band')} {rng.randrange(1, 40)} {L('gb_blatt')} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
    t(y, lab)
    for i, s in enumerate(rows):
        t(y + i * lh, s, ind)
    y += lh * len(rows) + lh // 2
    t(y, "-" * ncol)
    y += lh * 2
    # numbered paragraphs; the date of entry closes the text
    y_max = pg.img.height - P(20)
    ind = 5
    numeric = rng.random() < 0.3
    with_decl = rng.random() < 0.6

    def day(dd: dt.date) -> str:
        return de_date(dd) if numeric else date_long(dd)

    for e in a.entries:
        if e.lfd_nr == 1 and with_decl:
            close = f"{L('reg_decl')} {de_date(a.declaration_date)} {L('reg_am')} {day(e.registered_on)}."
            d.add("declaration_date")
        else:
            close = f"{L('reg')} {day(e.registered_on)}."
        body = textwrap.wrap(f"{e.text} {close}", ncol - ind)
        dele = textwrap.wrap(f"{L('dele')} {day(e.deleted_on)} {L('dele_end')}", ncol - ind) if e.deleted_on else []
        n = len(body) + 3 + (len(dele) + 3 if dele else 0)
        if y + n * lh > y_max:
            return d, True
        t(y, f"{e.lfd_nr}.)")
        for i, s in enumerate(body):
            t(y + i * lh, s, ind)
        y_body_end = y + (len(body) - 1) * lh
        y = y_body_end + round(lh * 1.6)
        name = f"({e.clerk})"
        col = ncol - len(name) - 4
        pg.signature(x0 + (col - 2) * adv, y, w_mm=24, h_mm=6)
        t(y + lh, name, col)
        y += 2 * lh
        if e.deleted_on:  # the old text is crossed out, the deletion typed underneath later
            pg.hand_line(x0 + ind * adv, y_body_end, x1 - P(6), y_body_end - (len(body) - 1) * lh - lh * 0.7,
                         w=0.45, fill=70)
            for i, s in enumerate(dele):
                t(y + i * lh, s, ind)
            y += len(dele) * lh + round(lh * 0.6)
            pg.signature(x0 + (col - 2) * adv, y, w_mm=20, h_mm=5)
            t(y + lh, f"({e.deleter})", col)
            y += 2 * lh
        y += lh // 2
    return d, False


# --- (2) a recent municipal print: logo, contact block, parcel table, one box per entry, footer -------------
def logo(pg: Page, x: int, y: int, w: int, h: int) -> None:
    """A small town crest: shield outline, a wavy river and a tower."""
    P = pg.px
    dr = pg.draw
    pts = [(x, y), (x + w, y), (x + w, y + h * 0.55), (x + w // 2, y + h), (x, y + h * 0.55)]
    dr.polygon(pts, outline=0, width=max(2, P(0.5)))
    for k in range(2):
        yy = y + h * (0.55 + 0.12 * k)
        wave = [(x + w * i / 12, yy + P(0.8) * (1 if i % 2 else -1)) for i in range(1, 12)]
        dr.line(wave, fill=60, width=max(1, P(0.4)))
    tx, tw = x + w * 0.34, w * 0.32
    dr.rectangle((tx, y + h * 0.18, tx + tw, y + h * 0.48), fill=60)
    for i in range(3):
        bx = tx + tw * i / 2.5
        dr.rectangle((bx, y + h * 0.12, bx + tw / 5, y + h * 0.18), fill=60)


def sheet_municipal_report(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    lh = pg.line_height(f, pt, 1.35)
    top = P(tpl.top)
    # header: crest and authority left, contact block right
    logo(pg, x0, top, P(14), P(17))
    pg.text(x0 + P(18), top + P(6), a.authority[0], fb, 14)
    yy = top + P(11)
    for line in a.authority[1:]:
        pg.text(x0 + P(18), yy, line, f, 9.5)
        yy += pg.line_height(f, 9.5, 1.3)
    xc = x0 + round(W * 0.66)
    clerk = a.entries[-1].clerk
    area = AREA_CODE["Neuss" if a.by_kreis else a.municipality]
    contact = [f"{rng.choice(STREETS)} {rng.randrange(1, 60)}",
               f"{L('contact')} {rng.choice(('Frau', 'Herr'))} {clerk}",
               f"{L('room')} {rng.randrange(1, 4)}.{rng.randrange(1, 40):02d}",
               f"{L('phone')} {area} {rng.randrange(2, 9)}{rng.randrange(0, 10)}-{rng.randrange(100, 999)}"]
    yc = top + P(3)
    for s in contact:
        pg.text(xc, yc, s, f, 8.5)
        yc += pg.line_height(f, 8.5, 1.35)
    y = max(yy, yc, top + P(19)) + P(3)
    pg.hline(x0, x1, y, 0.5)
    # title and the key figures of the sheet
    y += P(11)
    pg.text(x0, y, L("title"), fb, 15)
    y += P(5)
    stand = print_day(a, rng)
    meta = [(L("number"), a.register_display, True), (L("muni"), a.municipality, False),
            (L("stand"), de_date(stand), False), (L("page"), f"{page_no} / 1", False)]
    cw = W // 4
    bh = P(13)
    for i, (lab, val, strong) in enumerate(meta):
        bx = x0 + i * cw
        pg.rect((bx, y, bx + cw - P(2), y + bh), 0.25, fill=242 if strong else None)
        pg.text(bx + P(2), y + P(4), lab, f, 7.5)
        pg.text(bx + P(2), y + P(10.5), val, fb if strong else f, 12 if strong else 10.5)
    d |= {"print_date", "page_number"}
    y += bh + P(8)
    # parcels
    pg.text(x0, y, L("parcel_head"), fb, pt * 1.1)
    y += P(2)
    xs = [x0, x0 + round(W * 0.38), x0 + round(W * 0.56), x1]
    rh = round(lh * 1.25)
    for i, key in enumerate(("gem", "flur", "fst")):
        pg.rect((xs[i], y, xs[i + 1], y + rh), 0.25, fill=225)
        pg.text(xs[i] + P(2), y + rh * 0.7, L(key), fb, pt * 0.9)
    y += rh
    for p in a.parcels:
        for i, val in enumerate((p.gemarkung, str(p.flur), p.flurstueck)):
            pg.rect((xs[i], y, xs[i + 1], y + rh), 0.25)
            pg.text(xs[i] + P(2), y + rh * 0.7, val, f, pt)
        y += rh
    y += round(lh * 0.9)
    if a.address:
        end = pg.text(x0, y, L("addr"), f, pt)
        pg.text(max(end + P(3), x0 + P(42)), y, a.address, f, pt)
        y += lh
    if a.grundbuch:
        end = pg.text(x0, y, L("gb"), f, pt)
        pg.text(max(end + P(3), x0 + P(42)), y, f"{L('gb_text')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}",
                f, pt)
        d.add("grundbuch_blatt")
        y += lh
    y += round(lh * 0.8)
    # entries, one box each
    pg.text(x0, y, L("entries"), fb, pt * 1.1)
    y += P(3)
    y_bot = pg.img.height - P(20)
    for e in a.entries:
        body = pg.wrap(e.text, f, pt, W - P(6))
        need = rh + lh * (len(body) + 2) + P(4)
        if y + need > y_bot - P(2):
            return d, True
        pg.rect((x0, y, x1, y + rh), 0.25, fill=215)
        pg.text(x0 + P(2), y + rh * 0.7, f"{L('nr')} {e.lfd_nr}", fb, pt)
        pg.text(x0 + round(W * 0.2), y + rh * 0.7, TYPE_SHOWN.get(e.type, e.type), fb, pt)
        if e.deleted_on:
            s = f"[ {L('deleted')} ]"
            pg.text(x1 - P(3), y + rh * 0.7, s, fb, pt, anchor="rs")
        y_box = y
        y += rh + lh
        for i, s in enumerate(body):
            pg.text(x0 + P(3), y + i * lh, s, f, pt, fill=0 if not e.deleted_on else 70)
        y += len(body) * lh
        pg.hline(x0 + P(3), x1 - P(3), y - round(lh * 0.55), 0.15, fill=150)
        y += round(lh * 0.25)
        end = pg.text(x0 + P(3), y, L("reg"), f, pt * 0.9)
        pg.text(end + P(2), y, de_date(e.registered_on), fb, pt * 0.95)
        xm = x0 + round(W * 0.4)
        end = pg.text(xm, y, L("dele"), f, pt * 0.9)
        pg.text(end + P(2), y, de_date(e.deleted_on) if e.deleted_on else "–", fb if e.deleted_on else f, pt * 0.95)
        pg.text(x1 - P(3), y, f"{L('clerk')} {e.deleter if e.deleted_on else e.clerk}", f, pt * 0.8, anchor="rs")
        y += round(lh * 0.6)
        pg.rect((x0, y_box, x1, y), 0.3)
        y += P(5)
    # footer
    pg.hline(x0, x1, y_bot, 0.3)
    fy = y_bot + P(5)
    pg.text(x0, fy, f"{L('az')} {a.aktenzeichen}", f, 8)
    pg.text(pg.img.width // 2, fy, f"- {L('page')} {page_no} -", f, 8, anchor="ms")
    pg.text(x1, fy, f"{L('print')} {de_date(stand)}", f, 8, anchor="rs")
    d.add("aktenzeichen")
    return d, False


# --- (3) a preprinted banded form: rotated section labels, stamped entries, separate deletion band ----------
def entry_stamp(pg: Page, x: int, y: int, w: int, label: str, when: dt.date) -> int:
    """A rubber stamp with the date of entry and a signature over it; returns its height."""
    P, rng = pg.px, pg.rng
    ww, hh = w, P(17)
    layer = Image.new("L", (ww, hh), 255)
    dr = ImageDraw.Draw(layer)
    ink = rng.randrange(40, 85)
    dr.rectangle((1, 1, ww - 2, hh - 2), outline=ink, width=max(1, P(0.35)))
    f1 = pg.font("sans_bold", 7.5)
    f2 = pg.font("mono_bold", 10.5)
    dr.text((ww // 2, P(4.5)), label, font=f1, fill=ink, anchor="ms")
    dr.text((ww // 2, P(10)), de_date(when), font=f2, fill=ink, anchor="ms")
    layer = layer.rotate(rng.uniform(-3.5, 3.5), resample=Image.BICUBIC, expand=True, fillcolor=255)
    paste_ink(pg, layer, x, y)
    pg.signature(x + P(4), y + P(15.5), w_mm=min(18, (ww - P(8)) * 25.4 / pg.dpi), h_mm=4)
    return layer.height


def sheet_banded_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    xb = x0 + P(9)  # right edge of the strip holding the section labels
    W = x1 - xb
    top, bottom = P(tpl.top), pg.img.height - P(18)
    lh = pg.line_height(fv, pt, 1.3)
    pg.rect((x0, top, x1, bottom), 0.6)
    # header band: authority | title and municipality | number box
    hx = [x0, x0 + round((x1 - x0) * 0.33), x0 + round((x1 - x0) * 0.76), x1]
    h1 = P(28)
    for xx in hx[1:3]:
        pg.vline(xx, top, top + h1, 0.4)
    yy = top + P(6)
    for line in a.authority:
        pg.text(hx[0] + P(2.5), yy, line, f, 9)
        yy += pg.line_height(f, 9, 1.3)
    cx = (hx[1] + hx[2]) // 2
    pg.text(cx, top + P(10), L("title"), fb, 16, anchor="ms")
    pg.text(cx, top + P(18), municipality_line(a), fv, 13, anchor="ms")
    year = a.entries[0].registered_on.year
    law = "BauO NW" if year < 1996 else ("§ 83 BauO NRW" if year < 2019 else "§ 85 BauO NRW")
    pg.text(cx, top + P(24), f"(Baulasten nach {law})", f, 7.5, anchor="ms")
    pg.text(hx[2] + P(2), top + P(4.5), L("number"), f, 8)
    pg.text((hx[2] + hx[3]) // 2, top + P(17), a.register_display, fb, 19, anchor="ms")
    pg.text(hx[2] + P(2), top + h1 - P(2.5), f"{L('page')} {page_no}", f, 8)
    d.add("page_number")
    y = top + h1
    pg.hline(x0, x1, y, 0.6)
    # parcel band
    y_band = y
    xs = [xb, xb + round(W * 0.30), xb + round(W * 0.40), xb + round(W * 0.62), x1]
    rh = P(8)
    for i, key in enumerate(("gem", "flur", "fst", "addr")):
        pg.text(xs[i] + P(1.5), y + P(3.8), L(key), f, 7.5)
    n_rows = max(2, len(a.parcels))
    for r in range(n_rows):
        yr = y + P(4.5) + rh * (r + 1) - P(2.2)
        if r < len(a.parcels):
            p = a.parcels[r]
            pg.text(xs[0] + P(2), yr, p.gemarkung, fv, pt)
            pg.text(xs[1] + P(2), yr, str(p.flur), fv, pt)
            pg.text(xs[2] + P(2), yr, p.flurstueck, fv, pt)
            if r == 0 and a.address:
                for j, s in enumerate(pg.wrap(a.address, fv, pt, xs[4] - xs[3] - P(4))[:1]):
                    pg.text(xs[3] + P(2), yr, s, fv, pt)
        pg.hline(xb, x1, y + P(4.5) + rh * (r + 1), 0.2)
    pg.hline(xb, x1, y + P(4.5), 0.2)
    y_rows = y + P(4.5) + rh * n_rows
    for xx in xs[1:4]:
        pg.vline(xx, y, y_rows, 0.2)
    y = y_rows + P(6)
    if a.grundbuch:
        pg.text(xb + P(2), y, f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}", fv, pt * 0.95)
        d.add("grundbuch_blatt")
    pg.text(xs[3] + P(2), y, f"{L('az')} {a.aktenzeichen}", fv, pt * 0.95)
    d.add("aktenzeichen")
    y += P(3)
    pg.hline(x0, x1, y, 0.6)
    rotated_label(pg, (x0 + xb) // 2, (y_band + y) // 2, L("band_parcel"), fb, 9)
    # deletion band at the bottom: one row per deleted entry, at least two rows
    dels = [e for e in a.entries if e.deleted_on]
    drh = P(7.5)
    n_del = max(2, len(dels))
    y_del = bottom - drh * (n_del + 1)
    pg.hline(x0, x1, y_del, 0.6)
    dx = [xb, xb + round(W * 0.12), xb + round(W * 0.72), x1]
    for i, key in enumerate(("del_ref", "del_why", "del_date")):
        pg.text(dx[i] + P(1.5), y_del + P(5), L(key), f, 8)
    for r in range(n_del):
        pg.hline(xb, x1, y_del + drh * (r + 1), 0.2)
    for xx in dx[1:3]:
        pg.vline(xx, y_del, y_del + drh * (n_del + 1), 0.2)
    for r, e in enumerate(dels):
        yr = y_del + drh * (r + 2) - P(2.2)
        pg.text(dx[0] + P(2), yr, str(e.lfd_nr), fv, pt)
        pg.text(dx[1] + P(2), yr, L("del_reason"), fv, pt)
        end = pg.text(dx[2] + P(2), yr, de_date(e.deleted_on), fv, pt)
        if dx[3] - end > P(12):
            pg.signature(end + P(2), yr, w_mm=min(12, (dx[3] - end - P(4)) * 25.4 / pg.dpi), h_mm=4)
    rotated_label(pg, (x0 + xb) // 2, (y_del + bottom) // 2, L("band_del"), fb, 9)
    pg.vline(xb, y_band, bottom, 0.4)
    # entries band
    ex = [xb, xb + round(W * 0.07), xb + round(W * 0.72), x1]
    hh = P(10)
    heads = [pg.wrap(L(k), fb, 8.5, ex[i + 1] - ex[i] - P(3)) for i, k in enumerate(("nr", "text", "reg"))]
    for i, lines in enumerate(heads):
        for j, s in enumerate(lines):
            pg.text(ex[i] + P(1.5), y + P(4) + j * P(3.6), s, fb, 8.5)
    pg.hline(xb, x1, y + hh, 0.35)
    y_tab = y
    rotated_label(pg, (x0 + xb) // 2, (y + y_del) // 2, L("band_entries"), fb, 9)
    y += hh + lh
    y_max = y_del - P(3)
    for e in a.entries:
        body = pg.wrap(e.text, fv, pt, ex[2] - ex[1] - P(4))
        h_rows = max(len(body) * lh, P(21))
        if y - lh + h_rows + P(2) > y_max:
            return d, True
        pg.text(ex[0] + P(2), y, f"{e.lfd_nr}", fv, pt)
        for i, s in enumerate(body):
            pg.text(ex[1] + P(2), y + i * lh, s, fv, pt)
        entry_stamp(pg, ex[2] + P(3), y - lh + P(2), ex[3] - ex[2] - P(6), L("stamp"), e.registered_on)
        if e.deleted_on:
            y_last = y + (len(body) - 1) * lh
            pg.hand_line(ex[1] + P(2), y_last, ex[2] - P(2), y - lh * 0.7, w=0.4, fill=80)
            pg.hand_line(ex[1] + P(2), y - lh * 0.7, ex[2] - P(2), y_last, w=0.4, fill=80)
        y += h_rows + P(2)
        pg.hline(xb, x1, y - lh + P(1), 0.2)
    for xx in ex[1:3]:
        pg.vline(xx, y_tab, y_del, 0.3)
    pg.text(x0, bottom + P(4.5), L("form"), f, 7)
    return d, False


# --- (4) a line-printer list on green-bar continuous paper, upper case without umlauts ----------------------
def sheet_edv_list(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f = tpl.form_font
    w, h = pg.img.size
    lh = round(pg.dpi / 6)  # six lines per inch
    # green bars: three lines shaded, three lines plain
    shade = rng.randrange(226, 238)
    yb = P(tpl.top) - lh // 2 + 3 * lh
    while yb < h:
        pg.draw.rectangle((0, yb, w, min(h, yb + 3 * lh)), fill=shade)
        yb += 6 * lh
    x0 = P(tpl.margin)
    adv = pg.width("M", f, pt)
    ncol = int((w - 2 * x0) / adv)

    def line(y, s, col=0):
        pg.text(x0 + col * adv, y, s, f, pt)

    y = P(tpl.top) + lh
    left = edv(" / ".join(a.authority[:1] + a.authority[-1:]))
    line(y, left)
    right = f"{L('run')} {de_date(print_day(a, rng))}   {L('page')} {page_no:4d}"
    line(y, right, ncol - len(right))
    d |= {"print_date", "page_number"}
    y += lh
    line(y, L("prog"))
    line(y, L("title"), (ncol - len(L("title"))) // 2)
    y += lh
    line(y, "*" * ncol)
    y += 2 * lh
    digits = "".join(ch for ch in a.register_number if ch.isdigit())
    suffix = a.register_number[len(digits):].upper()
    line(y, f"{L('muni')} : {edv(a.municipality)}")
    line(y, f"{L('number')} : {int(digits):06d}{suffix}", 46)
    y += 2 * lh
    c_flur, c_fst, c_addr = 24, 32, 48
    line(y, L("gem"))
    line(y, L("flur"), c_flur)
    line(y, L("fst"), c_fst)
    line(y, L("addr"), c_addr)
    y += lh
    for i, p in enumerate(a.parcels):
        line(y, edv(p.gemarkung))
        line(y, f"{p.flur:>4d}", c_flur)
        line(y, p.flurstueck, c_fst)
        if i == 0 and a.address:
            line(y, edv(a.address), c_addr)
        y += lh
    y += lh
    if a.grundbuch:
        line(y, f"{L('gb')} : {edv(a.grundbuch[0])} {L('gb_blatt')} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
    line(y, f"{L('az')} : {a.aktenzeichen}", 60 if a.grundbuch else 0)
    d.add("aktenzeichen")
    y += lh
    line(y, "-" * ncol)
    y += lh
    c_kind, c_reg, c_del = 6, 36, 50
    line(y, L("nr"))
    line(y, L("kind"), c_kind)
    line(y, L("reg"), c_reg)
    line(y, L("dele"), c_del)
    y += lh
    line(y, "-" * ncol)
    y += lh
    y_max = h - P(14)
    for e in a.entries:
        body = textwrap.wrap(edv(e.text), ncol - c_kind - len(L("text")) - 3)
        if y + (len(body) + 1) * lh > y_max:
            return d, True
        line(y, f"{e.lfd_nr:>3d}")
        line(y, edv(TYPE_SHOWN.get(e.type, e.type)), c_kind)
        line(y, de_date(e.registered_on), c_reg)
        line(y, de_date(e.deleted_on) if e.deleted_on else "-", c_del)
        y += lh
        for i, s in enumerate(body):
            line(y + i * lh, (f"{L('text')} : " if i == 0 else " " * (len(L("text")) + 3)) + s, c_kind)
        y += (len(body) + 1) * lh
    if y <= y_max:
        end = f"*** {L('end')} {int(digits):06d}{suffix} ***"
        line(y, end, (ncol - len(end)) // 2)
    return d, False


THIRD_RENDERERS = {"typed_ledger": sheet_typed_ledger, "municipal_report": sheet_municipal_report,
                   "banded_form": sheet_banded_form, "edv_list": sheet_edv_list}
