"""Baulastenblatt renderers of the ``dev`` split: a development set of layouts that extraction may be tuned on.

Four sheets of the kinds found in NRW archives from the 1960s to today:

* ``pen_register``: a printed register form of the 1960s/70s filled in by hand: pen writing on ruled lines,
  the number written into a box in the top corner ("Lfd. Blatt-Nr."), the parcels as "Gemarkung X Flur 3
  Nr. 12", the table "Nr. | Baulast | Eintragung", deleted entries crossed out with a dated note.
* ``typed_stamped``: a sheet typed on plain paper; the number only in a numbering stamp in the corner
  ("Baulast Nr."), the parcel as a typed line ("Grundstück: Gemarkung X, Flur 3, Flurstücke 12 und 15"),
  entries as numbered paragraphs closed by "Eingetragen am 3. Mai 1979." or by an entry stamp.
* ``auszug_blocks``: a modern software print "Auszug aus dem Baulastenverzeichnis" with a "Verzeichnis-Nr.",
  a small parcel table and one block per entry ("Datum der Eintragung", "Art der Baulast", "Status").
* ``landscape_list``: a landscape list print of the 1990s with the number only in the title ("Baulastenblatt
  1234" under "Baulastenverzeichnis der Gemeinde X"), the parcels in the first row's own columns and the columns
  "Lfd. | Gegenstand der Baulast | Eingetragen | Vermerke".

Each renderer has the signature of those in ``sheets.py`` plus an optional ``part=(i, n)``: a sheet that runs
onto a continuation page is drawn as part (1, 2) with the first entries and part (2, 2) with the rest (see
``part_entries``). They only read from the Akte, so the truth is the same as for every other layout.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
import zlib

from PIL import Image, ImageChops, ImageDraw

from .content import KIND, Akte, Entry, de_date
from .layouts import _BASE, LABELS, Template, flur_groups
from .render import Page
from .sheets_more import TYPE_SHOWN, entry_rows

DEV_LABELS = {
    "D1": {**_BASE, "number": "Lfd. Blatt-Nr.", "cont_title": "Baulastenverzeichnis – Fortsetzungsblatt",
           "von": "Gemeinde", "parcel": "Katasterbezeichnung:", "fst": "Nr.", "and": "und",
           "addr": "Lage (Straße, Haus-Nr.):", "gb": "Grundbuch", "gb_blatt": "Bl.", "az": "Akt.-Z.:", "nr": "Nr.",
           "text": "Baulast", "reg": "Eintragung", "dele": "gelöscht", "more": "Forts. Seite",
           "form": "Vordruck BA 17 – Baulastenverzeichnis"},
    "D2": {**_BASE, "number": "Baulast Nr.", "parcel": "Grundstück:", "fst": "Flurstück", "fst_pl": "Flurstücke",
           "and": "und", "addr": "Lage:", "gb": "Grundbuch:", "gb_blatt": "Blatt", "az": "Vorgang:",
           "entries": "Eintragungen:", "reg": "Eingetragen am", "reg_stamp": "Eingetragen:",
           "decl": "Verpflichtungserklärung vom", "dele": "Gelöscht am", "ia": "Im Auftrag", "more": "- b.w. -"},
    "D3": {**_BASE, "title": "Auszug aus dem Baulastenverzeichnis", "number": "Verzeichnis-Nr.:", "von": "Gemeinde:",
           "az": "Geschäftszeichen:", "gb": "Grundbuchblatt:", "gb_blatt": "Blatt",
           "parcel_head": "Belastete Flurstücke", "fst": "Flurstück", "addr": "Lagebezeichnung",
           "entries": "Eingetragene Baulasten", "entry": "Eintrag",
           "kind": "Art der Baulast:", "reg": "Datum der Eintragung:", "text": "Inhalt:", "status": "Status:",
           "active": "wirksam", "dele": "gelöscht am", "print": "Erstellt am", "of": "von", "cont": "Fortsetzung",
           "more": "Fortsetzung auf Seite", "clerk": "Bearbeiter/in:",
           "note": "Dieser Auszug wurde maschinell erstellt und ist ohne Unterschrift gültig.",
           "hint": "Hinweis: Der Auszug nennt nur Baulasten, die die oben bezeichneten Flurstücke belasten. Baulasten "
                   "zugunsten dieser Flurstücke sind dem Verzeichnis nicht zu entnehmen. Die Flurstücksangaben "
                   "entsprechen dem Liegenschaftskataster am Tag der Eintragung."},
    "D4": {**_BASE, "von": "der", "number": "Baulastenblatt", "addr": "Lage:", "gb": "Grundbuch:", "gb_blatt": "Bl.",
           "fst": "Flurstück", "nr": "Lfd.", "text": "Gegenstand der Baulast", "reg": "Eingetragen", "rem": "Vermerke",
           "dele": "gelöscht am", "decl": "Erkl. v.", "az": "Az.:", "print": "Druck:", "cont": "(Fortsetzung)"},
}
LABELS.update(DEV_LABELS)

MONTHS_LONG = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember")
PENS = ("free_serif_italic", "serif_italic", "dv_serif_italic")  # different clerks' hands
PEN_SCALE = {"dv_serif_italic": 0.86}  # a wide face: written smaller


def printed_on(a: Akte) -> tuple[dt.date, str]:
    """Date and time of a print-out, some days after the last thing it shows; the same on every page of it."""
    h = zlib.crc32(a.aktenzeichen.encode())
    days = [a.letter_date] + [e.registered_on for e in a.entries] + [e.deleted_on for e in a.entries if e.deleted_on]
    return max(days) + dt.timedelta(days=1 + h % 89), f"{7 + h % 10:02d}:{h // 10 % 60:02d}"


def part_entries(a: Akte, part: tuple[int, int] | None) -> tuple[list[Entry], bool]:
    """(entries drawn on this page, does the sheet go on after it?). A sheet in two parts keeps the first
    half of its entries (rounded up) on the first page."""
    if not part or part[1] == 1:
        return a.entries, False
    k = (len(a.entries) + 1) // 2
    return (a.entries[:k], True) if part[0] == 1 else (a.entries[k:], False)


def long_date(d: dt.date) -> str:
    """'3. Mai 1979'."""
    return f"{d.day}. {MONTHS_LONG[d.month - 1]} {d.year}"


def hand_date(d: dt.date, rng) -> str:
    """A date as a clerk writes it by hand: '3.5.1967' or '3.5.67'."""
    if d.year < 2000 and rng.random() < 0.45:
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    return f"{d.day}.{d.month}.{d.year}"


def pen(pg: Page, x: float, y: float, s: str, font: str, pt: float, ink: int = 40, slope: float | None = None) -> float:
    """Handwriting: each word a little tilted, resized and off the line; return the end x."""
    rng = pg.rng
    pt *= PEN_SCALE.get(font, 1.0)
    slope = rng.uniform(-0.012, 0.012) if slope is None else slope
    stroke = 1 if pg.dpi >= 250 else 0
    space = pg.width(" ", font, pt)
    x_start = x
    for word in s.split(" "):
        if not word:
            x += space
            continue
        f = pg.font(font, pt * rng.uniform(0.96, 1.05))
        w = int(f.getlength(word)) + 1
        asc, desc = f.getmetrics()
        pad = pg.px(1.5)
        layer = Image.new("L", (w + 2 * pad, asc + desc + 2 * pad), 255)
        ImageDraw.Draw(layer).text((pad, pad + asc), word, font=f, fill=ink, anchor="ls", stroke_width=stroke,
                                   stroke_fill=ink)
        layer = layer.rotate(rng.uniform(-2.0, 2.0), resample=Image.BICUBIC, fillcolor=255)
        bx = round(x - pad)
        by = round(y + slope * (x - x_start) + rng.uniform(-0.4, 0.4) * pg.px(1) - asc - pad)
        box = (bx, by, bx + layer.width, by + layer.height)
        pg.img.paste(ImageChops.darker(pg.img.crop(box), layer), box[:2])
        x += w + space * rng.uniform(0.8, 1.35)
    return x


def pen_wrap(pg: Page, s: str, font: str, pt: float, width: float) -> list[str]:
    """Lines of handwriting that fit width (words come out a little wider and further apart than printed)."""
    return pg.wrap(s, font, pt * 1.1 * PEN_SCALE.get(font, 1.0), width)


def rubber_stamp(pg: Page, x: float, y: float, lines: list[tuple[str, str, float]], anchor: str = "lt",
                 pad_mm: float = 2.5) -> tuple[int, int, int, int]:
    """A rectangular rubber stamp with lines (text, font, pt), multiplied onto the page with uneven ink and a small
    tilt; (x, y) is its top-left (anchor 'lt') or top-right ('rt') corner. Returns its box on the page."""
    rng, P = pg.rng, pg.px
    ink = rng.randrange(55, 100)
    fonts = [(s, pg.font(f, pt)) for s, f, pt in lines]
    w = round(max(fo.getlength(s) for s, fo in fonts) + 2 * P(pad_mm))
    heights = [sum(fo.getmetrics()) for _, fo in fonts]
    h = round(sum(heights) + P(1.2) * (len(lines) - 1) + 2 * P(pad_mm * 0.8))
    layer = Image.new("L", (w, h), 255)
    dr = ImageDraw.Draw(layer)
    dr.rectangle((0, 0, w - 1, h - 1), outline=ink, width=max(2, P(0.45)))
    yy = P(pad_mm * 0.8)
    for (s, fo), hh in zip(fonts, heights):
        dr.text((w // 2, yy + fo.getmetrics()[0]), s, font=fo, fill=ink, anchor="ms")
        yy += hh + P(1.2)
    return ink_onto(pg, layer, x, y, anchor)


def ink_onto(pg: Page, layer: Image.Image, x: float, y: float, anchor: str = "lt",
             tilt: float = 4.0) -> tuple[int, int, int, int]:
    """Press a stamp's layer (dark on white) onto the page: uneven ink, tilted up to `tilt` degrees either way,
    multiplied onto what is there; (x, y) is its top-left (anchor 'lt') or top-right ('rt') corner. Returns its
    box on the page."""
    rng = pg.rng
    w, h = layer.size
    # uneven ink: a few pale spots, sparse enough to stay legible
    cw, ch = max(1, w // 10), max(1, h // 10)
    spots = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).resize((w, h), Image.BILINEAR)
    layer = ImageChops.lighter(layer, spots.point(lambda v: 175 if v > 225 else 0))
    layer = layer.rotate(rng.uniform(-tilt, tilt), resample=Image.BICUBIC, expand=True, fillcolor=255)
    bx = round(x - layer.width if anchor == "rt" else x)
    box = (bx, round(y), bx + layer.width, round(y) + layer.height)
    pg.img.paste(ImageChops.multiply(pg.img.crop(box), layer), box[:2])
    return box


def parcel_text(a: Akte, L, fst_pl: str | None = None, gem_each: bool = True) -> list[str]:
    """One phrase per Flur: 'Gemarkung X, Flur 3, Flurstücke 12, 13 und 15'."""
    out = []
    for i, (flur, fst) in enumerate(flur_groups(a.parcels)):
        nums = f"{', '.join(fst[:-1])} {L('and')} {fst[-1]}" if len(fst) > 1 else fst[0]
        word = fst_pl if (fst_pl and len(fst) > 1) else L("fst")
        gem = f"{L('gem')} {a.parcels[0].gemarkung}, " if (gem_each or i == 0) else ""
        out.append(f"{gem}{L('flur')} {flur}, {word} {nums}")
    return out


# --- a printed register form of the 1960s/70s, filled in by hand ---------------------------------------------
def sheet_pen_register(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, hand = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    top = P(tpl.top)
    entries, more = part_entries(a, part)
    cont = bool(part and part[0] > 1)
    ink = rng.randrange(20, 60)

    def write(x, y, s, size=pt, font=hand, ink_=ink):
        return pen(pg, x, y, s, font, size, ink_)

    def blank(x, y, length_mm, label, size=10.5):  # a printed label with a dotted line to write on
        end = pg.text(x, y, label, f, size)
        xx = end + P(2)
        while xx < x + P(length_mm):
            pg.hline(xx, min(xx + P(0.5), x + P(length_mm)), y + P(1), 0.2, fill=60)
            xx += P(1.3)
        return end + P(4)

    y = top + P(5)
    for i, line in enumerate(a.authority):
        pg.text(x0, y, line, fb if i == 0 else f, 10)
        y += pg.line_height(f, 10, 1.25)
    # the number box in the top right corner
    bw, bh = P(50), P(21)
    pg.rect((x1 - bw, top, x1, top + bh), 0.35)
    pg.text(x1 - bw + P(2.5), top + P(5), L("number"), f, 9)
    write(x1 - bw + P(7), top + P(16), a.register_display, pt * 1.5)
    y = max(y, top + bh) + P(13)
    pg.text(pg.img.width // 2, y, L("cont_title") if cont else L("title"), fb, 15 if cont else 19, anchor="ms")
    y += P(3.5)
    pg.hline(x0, x1, y, 0.6)
    pg.hline(x0, x1, y + P(1.3), 0.2)
    y += P(12)
    write(blank(x0, y, 115, L("von")), y, a.municipality)
    write(blank(x1 - P(32), y, 32, L("page")), y, str(page_no))
    d.add("page_number")
    y += P(10)
    if not cont:
        xs_ = blank(x0, y, (x1 - x0) * 25.4 / pg.dpi, L("parcel"))
        width = x1 - xs_ - P(4)
        lines = [w for s in parcel_text(a, L) for w in pen_wrap(pg, s, hand, pt, width)]
        for i, s in enumerate(lines):
            if i:
                blank(xs_ - P(4), y, (x1 - xs_ + P(4)) * 25.4 / pg.dpi, "")
            write(xs_, y, s)
            y += P(9)
        xa = blank(x0, y, 108, L("addr"))
        if a.address:
            write(xa, y, a.address)
        xg = blank(x0 + P(112), y, (x1 - x0) * 25.4 / pg.dpi - 112, L("gb"))
        if a.grundbuch:
            write(xg, y, f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}")
            d.add("grundbuch_blatt")
        y += P(9)
        write(blank(x0, y, 80, L("az")), y, a.aktenzeichen)
        d.add("aktenzeichen")
        y += P(7)
    # the table: printed heads, printed ruling, pen writing on the lines
    xs = [x0 + round((x1 - x0) * c) for c in (0, 0.07, 0.75)] + [x1]
    y_top, y_bot = y, pg.img.height - P(22)
    hh = P(9)
    pg.rect((x0, y_top, x1, y_bot), 0.45)
    for xx in xs[1:-1]:
        pg.vline(xx, y_top, y_bot, 0.3)
    for i, key in enumerate(("nr", "text", "reg")):
        pg.text((xs[i] + xs[i + 1]) // 2, y_top + P(6.3), L(key), fb, 10.5, anchor="ms")
    pg.hline(x0, x1, y_top + hh, 0.45)
    lh = pg.line_height(hand, pt, 1.45)
    first = y_top + hh + round(lh * 0.95)
    yy = first
    while yy < y_bot - P(2):  # the printed ruling
        pg.hline(x0 + P(0.5), x1 - P(0.5), yy + P(0.8), 0.12, fill=165)
        yy += lh
    pad = P(2)
    y = first
    for e in entries:
        font = hand if e.lfd_nr == 1 else rng.choice(PENS)
        ink_e = rng.randrange(15, 70)
        body = pen_wrap(pg, e.text, font, pt, xs[2] - xs[1] - 2 * pad)
        n_text = len(body) + (1 if e.deleted_on else 0)
        date = pen_wrap(pg, hand_date(e.registered_on, rng), font, pt, xs[3] - xs[2] - 2 * pad)
        n = max(n_text, len(date) + 1)
        if y + (n - 1) * lh > y_bot - P(3):
            return d, True
        write(xs[0] + pad + P(1), y, f"{e.lfd_nr}.", font=font, ink_=ink_e)
        for i, line in enumerate(body):
            write(xs[1] + pad, y + i * lh, line, font=font, ink_=ink_e)
        for i, line in enumerate(date):
            write(xs[2] + pad, y + i * lh, line, font=font, ink_=ink_e)
        pg.signature(xs[2] + pad + P(2), y + len(date) * lh, w_mm=min(22, (xs[3] - xs[2]) * 25.4 / pg.dpi - 8),
                     h_mm=4.5, fill=ink_e)
        if e.deleted_on:  # crossed out, with a dated note under the text
            y_a, y_b = y - round(lh * 0.8), y + (len(body) - 1) * lh + P(1)
            pg.hand_line(xs[1] + pad, y_a, xs[2] - pad, y_b, w=0.4, fill=80)
            pg.hand_line(xs[1] + pad, y_b, xs[2] - pad, y_a, w=0.4, fill=80)
            del_font = rng.choice(PENS)
            end = write(xs[1] + pad + P(10), y + len(body) * lh, f"{L('dele')} {hand_date(e.deleted_on, rng)}",
                        font=del_font, ink_=rng.randrange(15, 70))
            pg.signature(end + P(3), y + len(body) * lh, w_mm=16, h_mm=4.5)
        y += n * lh
        pg.hand_line(x0, y - round(lh * 0.55), x1, y - round(lh * 0.55), w=0.3)
        y += lh
    if more:
        write(xs[1] + pad, min(y, y_bot - P(4)), f"{L('more')} {page_no + 1}", ink_=ink)
    run = entries[0].registered_on.year if entries else 1965
    pg.text(x0, y_bot + P(6), f"{L('form')} – {rng.choice(('2500', '3000', '5000'))} – "
                              f"{rng.randrange(1, 13)}.{max(1961, run - rng.randrange(0, 4)) % 100:02d}", f, 7)
    return d, False


# --- typed on plain paper, the number only in a numbering stamp ---------------------------------------------
def sheet_typed_stamped(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f = tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    top = P(tpl.top)
    entries, more = part_entries(a, part)
    cont = bool(part and part[0] > 1)
    adv = pg.width("M", f, pt)
    ncol = int((x1 - x0) / adv)
    lh = pg.line_height(f, pt, 1.5)  # typed with one-and-a-half line spacing
    dx = P(rng.uniform(-1.5, 1.5))  # the sheet sat a little off in the typewriter

    def typed(col, y, s, ink=30):
        return pg.typed(x0 + dx + col * adv, y, s, f, pt, ink=ink)

    def centred(y, s, ink=30):
        return typed((ncol - len(s)) // 2, y, s, ink)

    # the numbering stamp in the top right corner
    rubber_stamp(pg, x1 + P(rng.uniform(0, 6)), P(rng.uniform(6, 11)),
                 [(L("number").upper(), "dv_sans_bold", 7.5), (a.register_display, "dv_mono_bold", 19)], anchor="rt")
    y = top + lh
    if cont or rng.random() < 0.5:
        centred(top, f"- {page_no} -")
        d.add("page_number")
        y += lh
    for line in a.authority:
        typed(0, y, line)
        y += lh
    y += lh
    title = " ".join(L("title"))
    centred(y, title)
    centred(y + P(1), "_" * len(title))
    y += lh
    centred(y, f"{KIND[a.municipality]} {a.municipality}")
    y += round(lh * 2)
    tab = 14
    if not cont:
        for i, s in enumerate(parcel_text(a, L, L("fst_pl"), gem_each=False)):
            for j, w in enumerate(textwrap.wrap(s, ncol - tab)):
                typed(0, y, L("parcel") if i == j == 0 else "")
                typed(tab, y, w)
                y += lh
        rows = [(L("addr"), a.address)]
        if a.grundbuch:
            rows.append((L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}"))
            d.add("grundbuch_blatt")
        rows.append((L("az"), a.aktenzeichen))
        d.add("aktenzeichen")
        for lab, val in rows:
            if val:
                typed(0, y, lab)
                typed(tab, y, val)
                y += lh
        y += lh
    typed(0, y, L("entries"))
    typed(0, y + P(1), "_" * len(L("entries")))
    y += round(lh * 1.6)
    y_max = pg.img.height - P(22)
    by_stamp = rng.random() < 0.45
    for e in entries:
        body = textwrap.wrap(e.text, ncol - 5)
        decl = e.lfd_nr == 1 and rng.random() < 0.5
        n = len(body) + (1 if decl else 0) + 3 + (2 if e.deleted_on else 0)
        if y + (n - 1) * lh > y_max:
            return d, True
        typed(0, y, f"{e.lfd_nr}.)")
        for i, line in enumerate(body):
            typed(5, y + i * lh, line)
        y += len(body) * lh
        if decl:
            typed(5, y, f"({L('decl')} {de_date(a.declaration_date)})")
            d.add("declaration_date")
            y += lh
        if e.deleted_on:  # the typed text crossed out by hand
            y_a = y - (len(body) + (1 if decl else 0)) * lh - round(lh * 0.6)
            pg.hand_line(x0 + 5 * adv, y_a, x1 - P(4), y - round(lh * 0.8), w=0.35, fill=70)
        if by_stamp:  # the registration stamped, the date stamped in with it
            dd = e.registered_on
            box = rubber_stamp(pg, x0 + 5 * adv, y - round(lh * 0.6),
                               [(f"{L('reg_stamp')} {dd.day}.{dd.month}.{dd.year % 100:02d}", "sans_bold", 10),
                                (a.authority[-1], "sans", 7.5)])
            pg.signature(box[2] + P(6), y + lh, w_mm=24, h_mm=6)
        else:
            typed(5, y, f"{L('reg')} {long_date(e.registered_on)}.")
            typed(ncol - 22, y + lh, L("ia"))
            pg.signature(x0 + dx + (ncol - 22) * adv, y + 2 * lh, w_mm=30, h_mm=6)
        y += 3 * lh
        if e.deleted_on:  # typed while the office still typed, later written by hand
            if e.deleted_on.year < 1995:
                end = typed(5, y, f"{L('dele')} {long_date(e.deleted_on)}.", ink=rng.randrange(20, 45))
            else:
                end = pen(pg, x0 + dx + 5 * adv, y, f"{L('dele')} {hand_date(e.deleted_on, rng)}", rng.choice(PENS),
                          pt * 1.15, rng.randrange(15, 60))
            pg.signature(end + P(8), y, w_mm=22, h_mm=5.5)
            y += 2 * lh
        y += round(lh * 0.3)
    if more:
        typed(ncol - len(L("more")), min(y, y_max), L("more"))
    return d, False


# --- a modern software print: "Auszug aus dem Baulastenverzeichnis" -----------------------------------------
def shield(pg: Page, x: int, y: int, w: int, h: int) -> None:
    """A municipal coat of arms, reduced to its outline and a bar."""
    pts = [(x, y), (x + w, y), (x + w, y + h * 0.55), (x + w / 2, y + h), (x, y + h * 0.55)]
    pg.draw.polygon(pts, outline=0, width=max(1, pg.px(0.4)))
    pg.draw.rectangle((x + w * 0.2, y + h * 0.3, x + w * 0.8, y + h * 0.42), fill=90)


def gemarkung_key(name: str) -> str:
    """A four-digit Gemarkung key as printed next to the name (made up, stable per Gemarkung)."""
    return str(1000 + zlib.crc32(name.encode()) % 9000)


def sheet_auszug_blocks(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    top = P(tpl.top)
    entries, more = part_entries(a, part)
    cont = bool(part and part[0] > 1)
    total = part[1] if part else 1
    lh = pg.line_height(f, pt, 1.4)
    shield(pg, x0, top, P(11), P(13))
    y = top + P(4)
    for i, line in enumerate(a.authority):
        pg.text(x0 + P(15), y, line, fb if i == 0 else f, 9.5)
        y += pg.line_height(f, 9.5, 1.25)
    pg.text(x1, top + P(6), L("title"), fb, 14, anchor="rs")
    if cont:
        pg.text(x1, top + P(12), f"– {L('cont')} –", f, 10, anchor="rs")
    y = max(y, top + P(15)) + P(2)
    pg.hline(x0, x1, y, 0.5)
    y += round(lh * 1.5)
    xm = x0 + round((x1 - x0) * 0.5)
    kv_left = [(L("number"), a.register_display, True), (L("von"), a.municipality, False)]
    kv_right = [(L("az"), a.aktenzeichen, False)]
    d.add("aktenzeichen")
    if a.grundbuch and not cont:
        kv_right.append((L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", False))
        d.add("grundbuch_blatt")
    for col, kv in ((x0, kv_left), (xm, kv_right)):
        yy = y
        tab = col + round(max(pg.width(k, f, pt) for k, _, _ in kv) + P(3))
        for k, v, bold in kv:
            pg.text(col, yy, k, f, pt)
            pg.text(tab, yy, v, fb if bold else f, pt * (1.15 if bold else 1))
            yy += round(lh * 1.15)
    y += round(lh * 1.15) * 2 + P(3)

    def bar(y, s):
        pg.rect((x0, y, x1, y + P(7)), 0.1, fill=222, outline=222)
        pg.text(x0 + P(2), y + P(5), s, fb, pt * 1.05)
        return y + P(7)

    if not cont:
        y = bar(y, L("parcel_head"))
        xs = [x0 + round((x1 - x0) * c) for c in (0, 0.34, 0.44, 0.62)] + [x1]
        rh = round(lh * 1.15)
        for i, key in enumerate(("gem", "flur", "fst", "addr")):
            pg.text(xs[i] + P(1.5), y + round(rh * 0.8), L(key), fb, pt * 0.95)
        y += rh + P(1)
        pg.hline(x0, x1, y - P(1), 0.25)
        for i, p in enumerate(a.parcels):
            vals = [f"{p.gemarkung} ({gemarkung_key(p.gemarkung)})", str(p.flur), p.flurstueck,
                    (a.address or "") if i == 0 else ""]
            for j, v in enumerate(vals):
                pg.text(xs[j] + P(1.5), y + round(rh * 0.75), v, f, pt)
            y += rh
            pg.hline(x0, x1, y, 0.12, fill=150)
        y += P(6)
    y = bar(y, L("entries") + (f" ({L('cont')})" if cont else ""))
    y += round(lh * 1.2)
    y_bot = pg.img.height - P(22)
    tab = x0 + round(pg.width(L("text"), f, pt) + P(4))
    for e in entries:
        gray = 105 if e.deleted_on else 0
        body = pg.wrap(e.text, f, pt, x1 - tab)
        if y + (len(body) + 2) * lh > y_bot - P(3):
            return d, True
        pg.text(x0, y, f"{L('entry')} {e.lfd_nr}", fb, pt * 1.05)
        end = pg.text(xm, y, L("reg"), f, pt)
        pg.text(end + P(2), y, de_date(e.registered_on), fb, pt)
        y += lh
        end = pg.text(x0, y, L("kind"), f, pt)
        pg.text(end + P(2), y, TYPE_SHOWN.get(e.type, e.type), f, pt)
        end = pg.text(xm, y, L("status"), f, pt)
        pg.text(end + P(2), y, f"{L('dele')} {de_date(e.deleted_on)}" if e.deleted_on else L("active"),
                fb if e.deleted_on else f, pt)
        y += lh
        pg.text(x0, y, L("text"), f, pt)
        for i, line in enumerate(body):
            pg.text(tab, y + i * lh, line, f, pt, fill=gray)
        y += len(body) * lh
        pg.hline(x0, x1, y - round(lh * 0.45), 0.15, fill=120)
        y += round(lh * 0.6)
    if more:
        pg.text(x1, min(y, y_bot - P(3)), f"{L('more')} {page_no + 1}", f, pt * 0.9, anchor="rs")
    if not more:  # the usual note closes the extract
        yy = y_bot - P(4) - 2 * pg.line_height(f, pt * 0.85, 1.3)
        if y + P(2) < yy:
            pg.paragraph(x0, yy, L("hint"), f, pt * 0.85, x1 - x0, spacing=1.3)
    stand, time = printed_on(a)
    pg.hline(x0, x1, y_bot, 0.3)
    pg.text(x0, y_bot + P(5), f"{L('print')} {de_date(stand)}, {time} Uhr – {L('clerk')} {a.entries[0].clerk}", f, 8)
    pg.text(x0, y_bot + P(9.5), L("note"), f, 7.5)
    pg.text(x1, y_bot + P(5), f"{L('page')} {page_no} {L('of')} {total}", f, 8.5, anchor="rs")
    d |= {"print_date", "page_number"}
    return d, False


# --- a landscape list print: number only in the title, parcels in the first row's columns --------------------
def sheet_landscape_list(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float, part=None) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    top = P(tpl.top)
    entries, more = part_entries(a, part)
    cont = bool(part and part[0] > 1)
    total = part[1] if part else 1
    y = top + P(3)
    pg.text(x0, y, f"{a.authority[0]} – {a.authority[-1]}", f, 9.5)
    pg.text(x1, y, f"{L('print')} {de_date(printed_on(a)[0])}", f, 9.5, anchor="rs")
    d.add("print_date")
    y += P(8)
    end = pg.text(x0, y, f"{L('title')} {L('von')} {KIND[a.municipality]} {a.municipality}", fb, 12)
    x = end + P(14)
    extras = []
    if a.address and not cont:
        extras.append(f"{L('addr')} {a.address}")
    if a.grundbuch and not cont:
        extras.append(f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
    extras.append(f"{L('az')} {a.aktenzeichen}")
    d.add("aktenzeichen")
    for s in extras:
        x = pg.text(x, y, s, f, 10.5) + P(12)
    y += P(9)
    pg.text(x0, y, f"{L('number')} {a.register_display}" + (f" {L('cont')}" if cont else ""), fb, 16)
    y += P(6)
    xs = [x0 + round(W * c) for c in (0, 0.125, 0.165, 0.245, 0.28, 0.75, 0.835)] + [x1]
    pg.hline(x0, x1, y, 0.6)
    heads = ("gem", "flur", "fst", "nr", "text", "reg", "rem")
    for i, key in enumerate(heads):
        pg.text(xs[i] + P(1.5), y + P(5.5), L(key), fb, pt)
    y += P(8)
    pg.hline(x0, x1, y, 0.3)
    lh = pg.line_height(f, pt, 1.3)
    y_bot = pg.img.height - P(16)
    first = entries[0].lfd_nr if entries else 0
    decl = rng.random() < 0.6

    def cells(e):
        show = e.lfd_nr == first and not cont
        gem = [p.gemarkung for p in a.parcels] if show else []
        flur = [str(p.flur) for p in a.parcels] if show else []
        fst = [p.flurstueck for p in a.parcels] if show else []
        rem = []
        if e.lfd_nr == 1 and decl:
            rem.append(f"{L('decl')} {de_date(a.declaration_date)}")
        if e.deleted_on:
            rem.append(f"{L('dele')} {de_date(e.deleted_on)}")
        rem.append(f"Sb. {e.deleter if e.deleted_on else e.clerk}")
        return [gem, flur, fst, [f"{e.lfd_nr}"], [e.text], [de_date(e.registered_on)], rem]

    def strike(e, yy, lh_, cols):  # deleted later: the printed text crossed out by pen
        pg.hand_line(xs[4] + P(1.5), yy - round(lh_ * 0.7), xs[5] - P(2), yy + (len(cols[4]) - 1) * lh_, w=0.4, fill=70)

    view = dataclasses.replace(a, entries=entries)
    y_end, over = entry_rows(pg, view, xs, y + round(lh * 1.05), y_bot - P(2), f, pt, cells,
                             after_row=lambda yl: pg.hline(x0, x1, yl, 0.15, fill=110), strike=strike, gap=0.6)
    if any(e.lfd_nr == 1 for e in entries) and decl:
        d.add("declaration_date")
    if over:
        return d, True
    pg.hline(x0, x1, y_end - lh + round(lh * 0.6), 0.6)
    if more:
        pg.text(x1, y_end + lh, f"./. {L('page')} {page_no + 1}", f, pt, anchor="rs")
    pg.text(x0, y_bot + P(7), a.authority[0], f, 8.5)
    pg.text(x1, y_bot + P(7), f"{L('page')} {page_no}/{total}", f, 8.5, anchor="rs")
    d.add("page_number")
    return d, False


DEV_RENDERERS = {"pen_register": sheet_pen_register, "typed_stamped": sheet_typed_stamped,
                 "auszug_blocks": sheet_auszug_blocks, "landscape_list": sheet_landscape_list}
