"""More Baulastenblatt renderers, used only by split-bound templates (see ``Template.split``).

Each renderer has the signature of those in ``sheets.py``: draw onto a Page and return
(distractors placed, overflowed?). They only read from the Akte, so the truth is the same as for
every other layout.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from .content import KIND, Akte, de_date
from .layouts import _BASE, LABELS, Template, flur_groups
from .render import Page

# label wordings of the split-bound templates (keys as in layouts.LABELS, plus a few of their own)
MORE_LABELS = {
    "K1": {**_BASE, "title": "Baulastenverzeichnis", "von": "der Gemeinde/Stadt", "number_top": "Baulastenblatt",
           "number": "Nr.", "parcel_head": "Belastetes Grundstück", "fst": "Flurstück/Parz.", "ditto": '"',
           "addr": "Straße u. Haus-Nr.:", "gb_blatt": "Bl.", "az": "Vorg.-Nr.:", "nr": "Nr.",
           "text": "Inhalt der Baulast", "reg": "Tag der Eintragung", "rem": "Löschungsvermerk",
           "dele": "gelöscht am", "form": "Vordr. Bauaufs. 12 – Baulastenverzeichnis"},
    "K2": {**_BASE, "parcel_head": "Belastete Grundstücke", "fst": "Flurstück", "addr": "Lage:", "number": "Blatt:",
           "gb": "Grundbuch", "gb_blatt": "Bl.", "az": "Aktenz.:", "nr": "Nr.", "reg": "Eintr.-Datum",
           "text": "Inhalt", "rem": "Löschung", "dele": "am", "dele_mark": "– gelöscht –",
           "print": "Druckdatum:", "clerk": "Sachb.:"},
    "K3": {**_BASE, "number": "Baulastenblatt-Nummer", "flurfst": "Flur / Flurstück(e)", "addr": "Lagebezeichnung",
           "gb": "Grundbuchblatt", "az": "Aktenzeichen", "nr": "Nr.", "kind": "Baulastart",
           "text": "Inhalt der Verpflichtung", "reg": "Eintragung", "dele": "Löschung", "rem": "Sachbearbeitung",
           "print": "Stand:", "ia": "i. A.", "of": "von"},
    "K4": {**_BASE, "von": "Gemeinde", "number": "Baulastenbl.-Nr.", "parcel_head": "Grundstück", "gem": "Gem.",
           "flur": "Fl.", "fst": "Flst.", "and": "u.", "addr": "Lage", "gb": "Grundbuch", "gb_blatt": "Bl.",
           "az": "Aktenzeichen", "nr": "Nr", "reg": "Datum", "text": "Text der Baulast", "rem": "Löschung",
           "dele": "gel.", "print": "Datum:", "office": "Bauordnungsamt", "page": "Seite"},
}
LABELS.update(MORE_LABELS)

SIG = "\x00sig"  # a cell line that is a handwritten signature
MONTHS_TYPED = ("Jan.", "Febr.", "März", "April", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.")
TYPE_SHOWN = {"Sonstige": "sonstige Baulast"}


def date_typed(d: dt.date) -> str:
    """'7. März 1974' as a clerk would type it."""
    return f"{d.day}. {MONTHS_TYPED[d.month - 1]} {d.year}"


def date_short(d: dt.date) -> str:
    return d.strftime("%d.%m.%y")


def stand_date(a: Akte, rng) -> dt.date:
    """Date of a print-out: some days after the last thing it shows."""
    days = [a.letter_date] + [e.registered_on for e in a.entries] + [e.deleted_on for e in a.entries if e.deleted_on]
    return max(days) + dt.timedelta(days=rng.randrange(1, 90))


def cell_lines(pg: Page, cell: list[str], font: str, pt: float, width: float) -> list[str]:
    out: list[str] = []
    for s in cell:
        out += [s] if (s == SIG or not s) else pg.wrap(s, font, pt, width)
    return out


def entry_rows(pg: Page, a: Akte, xs: list[int], y: int, y_max: int, font: str, pt: float, cells, typed: bool = False,
               after_row=None, strike=None, spacing: float = 1.3, gap: float = 0.5) -> tuple[int, bool]:
    """Draw one table row per entry; cells(e) gives the lines per column (SIG: a signature).
    y is the first baseline; after_row(y_line) draws the rule under a row; strike(e, y, lines) marks
    deleted entries. Returns (y after the last row, overflowed?)."""
    pad = pg.px(1.8)
    lh = pg.line_height(font, pt, spacing)
    put = pg.typed if typed else pg.text
    for e in a.entries:
        cols = [cell_lines(pg, c, font, pt, xs[i + 1] - xs[i] - 2 * pad) for i, c in enumerate(cells(e))]
        n = max(len(c) for c in cols)
        if y + (n - 1) * lh + pg.px(3) > y_max:
            return y, True
        for i, lines in enumerate(cols):
            for j, line in enumerate(lines):
                if line == SIG:
                    w_mm = min(18, (xs[i + 1] - xs[i] - 2 * pad) * 25.4 / pg.dpi)
                    pg.signature(xs[i] + pad + pg.px(1), y + j * lh, w_mm=w_mm, h_mm=4.5)
                elif line:
                    put(xs[i] + pad, y + j * lh, line, font, pt)
        if strike and e.deleted_on:
            strike(e, y, lh, cols)
        y += n * lh
        if after_row:
            after_row(y - lh + round(lh * gap))
        y += round(lh * gap)
    return y, False


# --- a typewritten preprinted form: number box, parcel mini-table, four-column table -------------------
def sheet_card_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    top = P(tpl.top)

    def typed(x, y, s, size=pt):
        return pg.typed(x + P(rng.uniform(-0.8, 1.5)), y + P(rng.uniform(-1.0, 0.3)), s, fv, size)

    # number box, top left
    bw, bh = P(60), P(25)
    pg.rect((x0, top, x0 + bw, top + bh), 0.5)
    pg.text(x0 + P(3), top + P(8), L("number_top"), fb, 13)
    end = pg.text(x0 + P(3), top + P(19), L("number"), f, 11.5)
    pg.hline(end + P(2), x0 + bw - P(5), top + P(20), 0.2)
    typed(end + P(6), top + P(19), a.register_display, pt * 1.1)
    # authority and page, top right
    yy = top + P(4)
    for line in a.authority:
        pg.text(x1, yy, line, f, 10.5, anchor="rs")
        yy += pg.line_height(f, 10.5, 1.25)
    end = pg.text(x1 - P(24), yy + P(4), L("page"), f, 10)
    pg.hline(end + P(2), x1, yy + P(5), 0.2)
    typed(end + P(5), yy + P(4), str(page_no))
    d.add("page_number")
    # title, spaced out as on old forms
    y = top + bh + P(15)
    title = L("title")
    track = P(0.9)
    tw = pg.width(title, fb, 17) + track * (len(title) - 1)
    x = (pg.img.width - tw) / 2
    for ch in title:
        pg.text(x, y, ch, fb, 17)
        x += pg.width(ch, fb, 17) + track
    y += P(9)
    lab = L("von")
    x = pg.img.width // 2 - P(50)
    end = pg.text(x, y, lab, f, 11)
    pg.hline(end + P(2), x + P(100), y + P(1), 0.2)
    typed(end + P(6), y, a.municipality)
    # left: parcel mini-table with preprinted rows; right: further fields, label above the value
    y += P(13)
    pg.text(x0, y, L("parcel_head"), fb, 11)
    y += P(2.5)
    txs = [x0, x0 + P(50), x0 + P(68), x0 + P(110)]
    rh = P(8)
    rows = max(3, len(a.parcels))
    pg.rect((txs[0], y, txs[3], y + rh * (rows + 1)), 0.4)
    for xx in txs[1:3]:
        pg.vline(xx, y, y + rh * (rows + 1), 0.3)
    for i, key in enumerate(("gem", "flur", "fst")):
        pg.text(txs[i] + P(1.5), y + rh * 0.7, L(key), f, 9.5)
    for r in range(rows):
        pg.hline(txs[0], txs[3], y + rh * (r + 1), 0.3 if r == 0 else 0.2)
    for r, p in enumerate(a.parcels):
        yb = y + rh * (r + 1) + round(rh * 0.72)
        if r == 0 or p.gemarkung != a.parcels[r - 1].gemarkung:
            typed(txs[0] + P(2), yb, p.gemarkung)
        else:
            typed((txs[0] + txs[1]) // 2, yb, L("ditto"))
        typed(txs[1] + P(3), yb, str(p.flur))
        typed(txs[2] + P(3), yb, p.flurstueck)
    y_tab_end = y + rh * (rows + 1)
    xr = txs[3] + P(8)
    yr = y - P(2.5)
    gb = a.grundbuch or ("", "")
    for key, val in (("addr", a.address or ""), ("gb", gb[0])):
        pg.text(xr, yr, L(key), f, 10)
        yr += P(7)
        pg.hline(xr, x1, yr + P(1), 0.2)
        if val:
            typed(xr + P(2), yr, val)
        yr += P(8)
    end = pg.text(xr, yr, L("gb_blatt"), f, 10)
    pg.hline(end + P(2), xr + P(36), yr + P(1), 0.2)
    if a.grundbuch:
        typed(end + P(4), yr, gb[1])
        d.add("grundbuch_blatt")
    yr += P(8)
    end = pg.text(xr, yr, L("az"), f, 10)
    pg.hline(end + P(2), x1, yr + P(1), 0.2)
    typed(end + P(4), yr, a.aktenzeichen)
    d.add("aktenzeichen")
    # the preprinted table: Nr | text | date of entry | deletion
    y = max(y_tab_end, yr) + P(10)
    xs = [x0 + round((x1 - x0) * c) for c in (0, 0.065, 0.58, 0.79)] + [x1]
    y_bot = pg.img.height - P(24)
    hh = P(12)
    pg.rect((x0, y, x1, y_bot), 0.45)
    for xx in xs[1:-1]:
        pg.vline(xx, y, y_bot, 0.3)
    for i, key in enumerate(("nr", "text", "reg", "rem")):
        lines = pg.wrap(L(key), fb, 9.5, xs[i + 1] - xs[i] - P(3))
        for j, line in enumerate(lines):
            pg.text((xs[i] + xs[i + 1]) // 2, y + P(5) + j * P(4.2) + (P(2) if len(lines) == 1 else 0), line, fb, 9.5,
                    anchor="ms")
    pg.hline(x0, x1, y + hh, 0.45)

    def cells(e):
        dele = [L("dele"), date_typed(e.deleted_on), SIG] if e.deleted_on else []
        return [[f"{e.lfd_nr}."], [e.text], [date_typed(e.registered_on), SIG], dele]

    def strike(e, yy, lh, cols):  # a diagonal line through the deleted text, ruler and pen
        pg.hand_line(xs[1] + P(2), yy + (len(cols[1]) - 1) * lh + P(1), xs[2] - P(2), yy - lh * 0.8, w=0.4, fill=70)

    _, over = entry_rows(pg, a, xs, y + hh + P(7), y_bot - P(2), fv, pt, cells, typed=True,
                         after_row=lambda yl: pg.hand_line(x0, yl, x1, yl), strike=strike, spacing=1.35)
    pg.text(x0, y_bot + P(6), L("form"), f, 7)
    return d, over


# --- a computer print with a two-column header and the date in its own column ---------------------------
def sheet_two_column(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    xm = x0 + round((x1 - x0) * 0.56)
    lh = pg.line_height(f, pt, 1.35)
    # left column: authority, then the burdened parcels as an unruled list
    y = P(tpl.top) + lh
    for i, line in enumerate(a.authority):
        pg.text(x0, y, line, fb if i == 0 else f, pt)
        y += lh
    y += lh
    end = pg.text(x0, y, L("parcel_head"), fb, pt)
    pg.hline(x0, end, y + P(1), 0.25)
    y += round(lh * 1.3)
    tabs = [x0, x0 + P(44), x0 + P(60)]
    for tx, key in zip(tabs, ("gem", "flur", "fst")):
        pg.text(tx, y, L(key), f, pt * 0.9)
    y += P(1.5)
    pg.hline(x0, x0 + P(88), y, 0.15, fill=90)
    y += lh
    for p in a.parcels:
        for tx, val in zip(tabs, (p.gemarkung, str(p.flur), p.flurstueck)):
            pg.text(tx, y, val, f, pt)
        y += lh
    y += round(lh * 0.4)
    if a.address:
        pg.text(x0, y, f"{L('addr')} {a.address}", f, pt)
        y += lh
    if a.grundbuch:
        pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
        d.add("grundbuch_blatt")
        y += lh
    # right column: register, municipality, number, file reference, print date
    yr = P(tpl.top) + lh
    pg.text(xm, yr, L("title"), fb, pt * 1.3)
    yr += round(lh * 1.25)
    pg.text(xm, yr, f"{KIND[a.municipality]} {a.municipality}", fb, pt * 1.15)
    yr += round(lh * 1.6)
    pg.rect((xm - P(2), yr - round(lh * 0.95), x1, yr + round(lh * 0.45)), 0.3)
    pg.text(xm + P(1), yr, f"{L('number')} {a.register_display}", fb, pt * 1.2)
    yr += round(lh * 1.6)
    pg.text(xm, yr, f"{L('az')} {a.aktenzeichen}", f, pt)
    d.add("aktenzeichen")
    yr += lh
    if rng.random() < 0.7:
        pg.text(xm, yr, f"{L('print')} {de_date(stand_date(a, rng))}", f, pt)
        d.add("print_date")
        yr += lh
    # table: Nr | date of entry | text | deletion (horizontal rules only)
    y = max(y, yr) + lh
    pg.hline(x0, x1, y - round(lh * 0.9), 0.5)
    xs = [x0 + round((x1 - x0) * c) for c in (0, 0.06, 0.22, 0.80)] + [x1]
    for i, key in enumerate(("nr", "reg", "text", "rem")):
        pg.text(xs[i] + P(1.8), y, L(key), fb, pt * 0.95)
    y += round(lh * 0.45)
    pg.hline(x0, x1, y, 0.3)
    y += round(lh * 1.15)
    y_bot = pg.img.height - P(22)

    def cells(e):
        text = [e.text] + ([L("dele_mark")] if e.deleted_on else [])
        dele = [f"{L('dele')} {de_date(e.deleted_on)}", f"({e.deleter})"] if e.deleted_on else ["–"]
        return [[str(e.lfd_nr)], [de_date(e.registered_on), f"({e.clerk})"], text, dele]

    _, over = entry_rows(pg, a, xs, y, y_bot - P(3), f, pt, cells,
                         after_row=lambda yl: pg.hline(x0, x1, yl, 0.15, fill=140), gap=0.6)
    pg.hline(x0, x1, y_bot, 0.3)
    pg.text(x0, y_bot + P(5), a.authority[0], f, pt * 0.8)
    pg.text(x1, y_bot + P(5), f"{L('page')} {page_no}/1", f, pt * 0.85, anchor="rs")
    d.add("page_number")
    return d, over


# --- a landscape grid: labelled cells with the value underneath, six table columns --------------------
def sheet_landscape_grid(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    stand = stand_date(a, pg.rng)
    y = P(tpl.top)
    # header row: authority | title | number
    hx = [x0 + round(W * c) for c in (0, 0.30, 0.72)] + [x1]
    h1 = P(24)
    for i in range(3):
        pg.rect((hx[i], y, hx[i + 1], y + h1), 0.4)
    yy = y + P(7)
    for line in a.authority:
        pg.text(hx[0] + P(3), yy, line, f, 10)
        yy += pg.line_height(f, 10, 1.3)
    cx = (hx[1] + hx[2]) // 2
    pg.text(cx, y + P(11), L("title"), fb, 17, anchor="ms")
    pg.text(cx, y + P(19), f"{KIND[a.municipality]} {a.municipality}", f, 12.5, anchor="ms")
    pg.text(hx[2] + P(2.5), y + P(5), L("number"), f, 8)
    pg.text(hx[2] + P(6), y + P(18), a.register_display, fb, 20)
    y += h1
    # parcel row: each cell a small label with the value(s) underneath
    groups = flur_groups(a.parcels)
    fl = [f"{L('flur')} {flur}: {', '.join(fst)}" for flur, fst in groups]
    gb = f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else "–"
    cells = [("gem", [a.parcels[0].gemarkung]), ("flurfst", fl), ("addr", [a.address or "–"]), ("gb", [gb]),
             ("az", [a.aktenzeichen])]
    px_ = [x0 + round(W * c) for c in (0, 0.17, 0.45, 0.68, 0.85)] + [x1]
    cells = [(key, [w for v in vals for w in pg.wrap(v, f, pt * 1.05, px_[i + 1] - px_[i] - P(4))])
             for i, (key, vals) in enumerate(cells)]
    vlh = pg.line_height(f, pt * 1.05, 1.3)
    h2 = P(7) + vlh * max(len(v) for _, v in cells) + P(1.5)
    for i, (key, vals) in enumerate(cells):
        pg.rect((px_[i], y, px_[i + 1], y + h2), 0.4)
        pg.text(px_[i] + P(2), y + P(3.8), L(key), f, 7.5)
        for j, v in enumerate(vals):
            pg.text(px_[i] + P(2.5), y + P(6) + vlh * (j + 1) - P(1.5), v, f, pt * 1.05)
    d.add("aktenzeichen")
    if a.grundbuch:
        d.add("grundbuch_blatt")
    y += h2 + P(6)
    # the table
    xs = [x0 + round(W * c) for c in (0, 0.04, 0.195, 0.63, 0.72, 0.81)] + [x1]
    hh = P(8)
    for i, key in enumerate(("nr", "kind", "text", "reg", "dele", "rem")):
        pg.rect((xs[i], y, xs[i + 1], y + hh), 0.4, fill=225)
        pg.text(xs[i] + P(1.8), y + P(5.5), L(key), fb, pt)
    y_tab = y
    y += hh
    y_bot = pg.img.height - P(16)
    lh = pg.line_height(f, pt, 1.3)

    def cells_(e):
        rem = [f"{L('ia')} {e.clerk}"] + ([f"{L('dele')}: {L('ia')} {e.deleter}"] if e.deleted_on else [])
        return [[str(e.lfd_nr)], [TYPE_SHOWN.get(e.type, e.type)], [e.text], [de_date(e.registered_on)],
                [de_date(e.deleted_on) if e.deleted_on else ""], rem]

    def strike(e, yy, lh_, cols):  # deleted text is printed struck through
        for j, line in enumerate(cols[2]):
            w = pg.width(line, f, pt)
            pg.hline(xs[2] + P(1.8), xs[2] + P(1.8) + w, yy + j * lh_ - round(lh_ * 0.25), 0.25)

    y_end, over = entry_rows(pg, a, xs, y + round(lh * 1.1), y_bot - P(2), f, pt, cells_,
                             after_row=lambda yl: pg.hline(x0, x1, yl, 0.3), strike=strike, gap=0.55)
    y_end -= lh  # the rule under the last row
    for xx in xs:
        pg.vline(xx, y_tab, max(y_end, y_tab + hh), 0.3)
    pg.text(x0, y_bot + P(6), f"{L('print')} {de_date(stand)}", f, 8.5)
    pg.text(x1, y_bot + P(6), f"{L('page')} {page_no} {L('of')} 1", f, 8.5, anchor="rs")
    d |= {"print_date", "page_number"}
    return d, over


# --- a dot-matrix print on continuous tractor-feed paper: dotted leaders, one-line parcel list ------------
def sheet_tractor_feed(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f = tpl.form_font
    w, h = pg.img.size
    # tractor holes and perforations on both edges
    for xc in (P(6.5), w - P(6.5)):
        yc = P(6)
        while yc < h - P(3):
            r = P(2)
            pg.draw.ellipse((xc - r, yc - r, xc + r, yc + r), outline=60, width=max(1, P(0.25)))
            yc += P(12.7)
    for xp in (P(13), w - P(13)):
        yp = 0
        while yp < h:
            pg.vline(xp, yp, yp + P(1.2), 0.15, fill=140)
            yp += P(2.5)
    x0 = P(tpl.margin)
    adv = pg.width("M", f, pt)
    ncol = int((w - 2 * x0) / adv)
    lh = pg.line_height(f, pt, 1.45)

    def line(y, s, col=0):
        pg.text(x0 + col * adv, y, s, f, pt)

    y = P(tpl.top) + lh
    line(y, f"{a.authority[0]} - {L('office')}")
    right = f"{L('print')} {date_short(stand_date(a, pg.rng))}"
    line(y, right, ncol - len(right))
    d.add("print_date")
    y += lh
    line(y, L("title"))
    right = f"{L('page')} {page_no}"
    line(y, right, ncol - len(right))
    d.add("page_number")
    y += lh
    line(y, "=" * ncol)
    y += round(lh * 1.5)
    width_lab = 18

    def field(y, label, value):
        lab = f"{label} ".ljust(width_lab, ".") + ": "
        lines = textwrap.wrap(value, ncol - len(lab)) or [""]
        for i, s in enumerate(lines):
            line(y, (lab if i == 0 else " " * len(lab)) + s)
            y += lh
        return y

    parts = []
    for flur, fst in flur_groups(a.parcels):
        nums = ", ".join(fst[:-1]) + f" {L('and')} {fst[-1]}" if len(fst) > 1 else fst[0]
        parts.append(f"{L('flur')} {flur}, {L('fst')} {nums}")
    y = field(y, L("von"), a.municipality)
    y = field(y, L("number"), a.register_display)
    y = field(y, L("parcel_head"), f"{L('gem')} {a.parcels[0].gemarkung}, " + "; ".join(parts))
    if a.address:
        y = field(y, L("addr"), a.address)
    if a.grundbuch:
        y = field(y, L("gb"), f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
    y = field(y, L("az"), a.aktenzeichen)
    d.add("aktenzeichen")
    y += round(lh * 0.5)
    line(y, "-" * ncol)
    y += lh
    c_date, c_text, c_del = 4, 14, ncol - 10
    line(y, L("nr"))
    line(y, L("reg"), c_date)
    line(y, L("text"), c_text)
    line(y, L("rem"), c_del)
    y += lh
    line(y, "-" * ncol)
    y += lh
    y_max = h - P(20)
    for e in a.entries:
        body = textwrap.wrap(e.text, c_del - c_text - 2)
        dele = [L("dele"), date_short(e.deleted_on)] if e.deleted_on else []
        if y + (max(len(body), len(dele)) - 1) * lh > y_max:
            return d, True
        line(y, f"{e.lfd_nr:>2}")
        line(y, date_short(e.registered_on), c_date)
        for i, s in enumerate(body):
            line(y + i * lh, s, c_text)
        for i, s in enumerate(dele):
            line(y + i * lh, s, c_del)
        y += (max(len(body), len(dele)) + 1) * lh
    if y + lh <= y_max + lh:
        line(y - round(lh * 0.5), "-" * ncol)
    return d, False


MORE_RENDERERS = {"card_form": sheet_card_form, "two_column": sheet_two_column,
                  "landscape_grid": sheet_landscape_grid, "tractor_feed": sheet_tractor_feed}
