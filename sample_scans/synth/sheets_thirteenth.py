"""The heldout13 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all here.

The templates (``split="heldout13"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``THIRTEENTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import random
import re

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, SURNAMES, Akte, Entry, Parcel, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import Page, load_font

SPLIT = "heldout13"
dev = Later(".sheets_dev")  # pen, pen_wrap, rubber_stamp (read at call time: the tests watch them)

HANDS = ("free_serif_italic", "serif_italic", "dv_serif_italic")  # the clerks' hands
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

# the ways this split prints a day
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "pen": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",  # 14.2.83
    "pen_full": lambda d: f"{d.day}.{d.month}.{d.year}",  # 14.2.1983
    "long": lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",  # 14. Februar 1983
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day}. {MONTHS[d.month - 1]} {d.year}",  # Mo., spelt out
    "card": lambda d: d.strftime("%y%m%d"),  # 830214 (a punched card's JJMMTT)
}

THIRTEENTH_LABELS = {
    # (1) the cardboard cover of a Baulastenakte, filled in by pen
    "X13_FC": {**_BASE, "title": "BAULASTEN", "sub": "Akte zum Baulastenverzeichnis", "number": "Baulastenakte Nr.",
               "plan": "Aktenplan", "muni": "Gemeinde", "addr": "Straße, Haus-Nr.", "owner": "Eigentümer",
               "gb": "Grundbuch von", "gb_blatt": "Blatt", "az": "Bauakte Az.", "plots": "Belastete Grundstücke",
               "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück(e)", "ben": "Begünstigt:",
               "entries": "Eintragungen im Baulastenverzeichnis", "nr": "Lfd.\nNr.", "kind": "Art der Baulast",
               "decl": "Erklärung\nvom", "reg": "eingetragen\nam", "hz": "Hz.", "dele": "gelöscht\nam",
               "created": "Akte angelegt am", "wv": "Wiedervorlage", "keep": "Aufbewahrung: dauernd",
               "form": "Vordruck 63/BL 2"},
    # (2) the register's punched cards, a deck fanned out on the scanner glass
    "X13_PC": {**_BASE, "number": "VERZ-BLATT", "sa": "SA", "muni": "GEMEINDE", "az": "AKTENZEICHEN",
               "gb": "GRUNDBUCH / BLATT", "created": "ANGEL. JJMMTT", "gem": "GEMARKUNG", "flur": "FLUR",
               "zaehler": "ZAEHLER", "nenner": "NENN", "addr": "LAGE", "nr": "LFD", "kind": "ART DER BAULAST",
               "decl": "ERKL JJMMTT", "reg": "EINTR JJMMTT", "dele": "LOESCH JJMMTT", "ben": "BEGUENSTIGT",
               "seq": "KARTE", "form": "Vordruck 63-BLV-{k}"},
    # (3) hard copies of two screens of a register program, printed by a needle printer
    "X13_SH": {**_BASE, "number": "Baulastbl.", "prog": "BLV010", "title": "BAULASTENVERZEICHNIS - ANZEIGEN",
               "screen": "Bild", "of": "von", "muni": "Gemeinde", "az": "Aktenz.", "gb": "Grundbuch",
               "gb_blatt": "Bl.", "changed": "Letzte Änd.", "plots": "Belastete Flurstücke", "gem": "Gemarkung",
               "flur": "Flur", "fst": "Flurstück", "addr": "Lage", "nr": "Lfd", "kind": "Art", "decl": "Erkl.",
               "reg": "Eintr.", "dele": "Lösch.", "text": "Inhalt (Auszug) zu Lfd", "ben": "Begünstigt",
               "keys": "F1=Hilfe  F3=Ende  F7=Zurück  F8=Vor  F10=Drucken",
               "more": "Weitere Angaben mit F8"},
    # (4) a word processor's sheet with the labels hanging in the left margin
    "X13_HL": {**_BASE, "title": "Baulastenverzeichnis", "number": "Eintragungsblatt Nr.", "plot": "Grundstück",
               "cad": "Katasterangaben", "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "fsts": "Flurstücke",
               "gb": "Grundbuch", "gb_blatt": "Blatt", "owner": "Eigentümer", "baulast": "Baulast", "kind": "Art",
               "decl": "Erklärung", "text": "Inhalt",
               "reg": ("Eintragung", "Eingetragen", "Eintragungstag"), "dele": "Löschung", "none": "–",
               "made": "Ausgefertigt", "ia": "Im Auftrag", "page": "Seite", "of": "von", "az": "Az."},
    # (5) a browser's print of the register's web portal
    "X13_WP": {**_BASE, "title": "Baulastenauskunft", "number": "Baulastnummer", "crumbs":
               "Startseite › Bauen und Wohnen › Baulastenauskunft › Ergebnis", "tabs": ("Übersicht", "Flurstücke",
                                                                                        "Baulasten", "Dokumente"),
               "muni": "Gemeinde", "az": "Aktenzeichen", "req": "Antrags-ID", "addr": "Lage", "plots":
               "Belastete Flurstücke", "bens": "Begünstigte Flurstücke", "gem": "Gemarkung", "flur": "Flur",
               "fst": "Flurstück", "entries": "Eingetragene Baulasten", "nr": "Lfd. Nr.",
               "decl": "Verpflichtungserklärung vom", "dele": "Gelöscht am", "regs": ("Eingetragen am",
               "Eintragungsdatum", "Tag der Eintragung", "Datum der Eintragung"), "gone": "gelöscht", "live": "wirksam",
               "stand": "Datenstand", "phone": "Servicetelefon", "links": "Impressum  |  Datenschutz  |  "
               "Barrierefreiheit  |  Kontakt", "cookies": "Diese Website verwendet technisch notwendige Cookies.",
               "ok": "Verstanden"},
}
LABELS.update(THIRTEENTH_LABELS)

THIRTEENTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("fc_x13", "typewriter_form", "X13_FC", "dv_sans", "dv_sans_bold", "free_serif_italic", pt=12, margin=16,
             top=14, years=(1966, 1993), split=SPLIT, renderer="x13_folder_cover"),
    Template("pc_x13", "computer_print", "X13_PC", "dv_cond", "dv_cond_bold", "mono", pt=7.5, margin=11,
             top=12, years=(1971, 1986), split=SPLIT, renderer="x13_punch_cards"),
    Template("sh_x13", "computer_print", "X13_SH", "dv_mono", "dv_mono", "dv_mono", pt=9.6, margin=14, top=16,
             years=(1988, 2003), split=SPLIT, renderer="x13_screen_hardcopy"),
    Template("hl_x13", "computer_print", "X13_HL", "serif", "serif_bold", "serif", pt=11, margin=22, top=16,
             years=(1984, 2006), split=SPLIT, renderer="x13_hanging_labels"),
    Template("wp_x13", "modern_grid", "X13_WP", "sans", "sans_bold", "sans", pt=9.5, margin=14, top=8,
             years=(2011, 2024), split=SPLIT, renderer="x13_portal_print"),
)}


# --- what each template prints --------------------------------------------------------------------------------
def draws(a: Akte, salt: str) -> random.Random:
    """A random source of this Akte and salt only: the same on every attempt at a smaller size and in every test."""
    return random.Random(f"x13|{salt}|{a.aktenzeichen}|{a.register_number}|{a.municipality}")


def pick(a: Akte, salt: str, options):
    return draws(a, salt).choice(options)


def akte_hash(a: Akte, salt: str) -> int:
    return draws(a, salt).getrandbits(32)


def consecutive(a: Akte, opts: dict) -> Akte:
    """Where the file's draws ask for it (``run``): the parcels of the first Flur that has more than one are numbered
    one after the other ('45', '46', '47'), and the entry texts name them so. Draws nothing."""
    if not a.is_baulast or not opts.get("run"):
        return a
    keys = [(p.gemarkung, p.flur) for p in a.parcels]
    key = next((k for k in keys if keys.count(k) > 1), None)
    if key is None:
        return a
    idx = [i for i, k in enumerate(keys) if k == key]
    base = int(a.parcels[idx[0]].flurstueck.split("/")[0])
    new = [Parcel(key[0], key[1], str(base + j)) for j in range(len(idx))]
    rest = [p for i, p in enumerate(a.parcels) if i not in idx]
    if a.benefit in new or set(new) & set(rest):
        return a
    changes = [(a.parcels[i], p) for i, p in zip(idx, new) if a.parcels[i] != p]
    for e in a.entries:  # all at once, a whole phrase only: 'Flurstück 45' is not the start of 'Flurstück 45/2'
        s = e.text
        for k, (old, _) in enumerate(changes):
            s = re.sub(re.escape(old.phrase()) + r"(?![\d/])", f"\x01{k}\x01", s)
        for k, (_, p) in enumerate(changes):
            s = s.replace(f"\x01{k}\x01", p.phrase())
        e.text = s
    for i, p in zip(idx, new):
        a.parcels[i] = p
    return a


def spread(a: Akte, opts: dict) -> Akte:
    """The file's parcels as its draws ask: numbered one after the other (``consecutive``), then in a second
    Gemarkung (as dev7 spreads them). Draws nothing."""
    return dev7.spread(consecutive(a, opts), opts)


def groups(a: Akte) -> list[tuple[str, int, list[str]]]:
    """[(Gemarkung, Flur, [Flurstück, ...]), ...] in printed order."""
    return dev7.groups(a)


def fst_list(fst: list[str], and_: str = "und") -> str:
    """Flurstücke as a sentence lists them; three or more whole numbers one after the other as a range ('45–47')."""
    runs: list[list[str]] = []
    for s in fst:
        if runs and s.isdigit() and runs[-1][-1].isdigit() and int(s) == int(runs[-1][-1]) + 1:
            runs[-1].append(s)
        else:
            runs.append([s])
    toks = []
    for r in runs:
        toks += [f"{r[0]}–{r[-1]}"] if len(r) >= 3 else r
    return dev2.words_list(toks, and_)


def ascii_upper(s: str) -> str:
    """As a card punch writes a word: capitals, 'UE' for 'Ü'."""
    return s.upper().translate(str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS"}))


def municipality_name(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


def show(fmt: str, day: dt.date) -> str:
    return FORMATS[fmt](day)


def said(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(fmt, day), before, after, lfd_nr)


def reg_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints its entries' registration days."""
    r = tpl.renderer
    if r == "x13_folder_cover":
        return pick(a, "x13fc_fmt", ("pen", "pen_full", "pen"))
    if r == "x13_punch_cards":
        return "card"
    if r == "x13_screen_hardcopy":
        return "short"
    if r == "x13_hanging_labels":
        return "weekday"
    return "numeric"


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = reg_fmt(a, tpl)
    return {e.lfd_nr: show(fmt, e.registered_on) for e in a.entries}


def clock(a: Akte, salt: str) -> str:
    return f"{7 + akte_hash(a, salt + 'h') % 11:02d}:{akte_hash(a, salt + 'm') % 60:02d}"


def created_day(a: Akte) -> dt.date:
    return dev3.offset(a, "x13_created", a.entries[0].registered_on, -45, -2)


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout13 sheet of this Akte prints besides the Eintragungsdaten."""
    L, r, ms = tpl.label, tpl.renderer, []
    fmt = reg_fmt(a, tpl)
    if r == "x13_folder_cover":
        ms.append(said("creation_date", created_day(a), fmt))
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
        ms.append(said("resubmission_date", dev3.after_all(a, ms, "x13fc_wv"), fmt))
    elif r == "x13_punch_cards":
        ms.append(said("creation_date", created_day(a), fmt))
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
    elif r == "x13_screen_hardcopy":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
        ms.append(said("change_date", dev3.after_all(a, ms, "x13sh_change"), fmt, f"{L('changed')}: "))
        ms.append(said("print_date", dev3.after_all(a, ms, "x13sh_print"), fmt, "", f"  {clock(a, 'x13sh')}"))
    elif r == "x13_hanging_labels":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), "long", "vom ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, "numeric", "am ", "", e.lfd_nr))
        ms.append(said("copy_date", dev3.after_all(a, ms, "x13hl_made"), "long", f"{dev3.place(a)}, den "))
    else:
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
        stand = dev3.after_all(a, ms, "x13wp_stand")
        ms.append(said("data_date", stand, fmt, f"{L('stand')}: "))
        printed = dev3.offset(a, "x13wp_print", stand, 1, 40)
        ms.append(said("print_date", printed, "short", "", f", {clock(a, 'x13wp')}"))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), fmt)


def benefit_of(a: Akte, e: Entry) -> Parcel | None:
    return a.benefit if a.benefit and e.type != "Vereinigungsbaulast" else None


# --- (1) the cardboard cover of a Baulastenakte, filled in by pen ----------------------------------------------
def cardboard(pg: Page, a: Akte) -> None:
    """The cover's grey-brown board: a tone with fibres and mottling."""
    rng = pg.rng
    w, h = pg.img.size
    tone = 205 + akte_hash(a, "x13fc_tone") % 22
    cw, ch = max(1, w // 12), max(1, h // 12)
    mottle = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).resize((w, h), Image.BILINEAR)
    board = mottle.point(lambda v: tone - 8 + v * 16 // 255)
    dr = ImageDraw.Draw(board)
    for _ in range(int(w * h / 9000)):
        x, y = rng.randrange(w), rng.randrange(h)
        ln = rng.randrange(3, 14)
        dr.line([(x, y), (x + ln * rng.uniform(-1, 1), y + ln * rng.uniform(-0.4, 0.4))],
                fill=tone - 30 - rng.randrange(30))
    pg.img = ImageChops.multiply(pg.img, board)
    pg.draw = ImageDraw.Draw(pg.img)


def sheet_folder_cover(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "owner_name", "file_plan"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    hand = pick(a, "x13fc_hand", HANDS)
    ink = 15 + akte_hash(a, "x13fc_ink") % 40
    cardboard(pg, a)
    top = P(tpl.top)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    ink_f = 35  # the board's printing ink
    for i, s in enumerate(auth):
        pg.text(x0, top + P(5) + i * P(5), s, fb if i == 0 else f, 11 if i == 0 else 9.5, fill=ink_f)
    plan = f"{L('plan')} 63.22.{10 + akte_hash(a, 'x13fc_plan') % 30}"
    pg.text(x1, top + P(5), plan, f, 9, fill=ink_f, anchor="rs")
    # the number's field, top right, written big with a felt pen
    box = (x1 - P(70), top + P(10), x1, top + P(34))
    pg.rect(box, 0.6, outline=ink_f)
    pg.text(box[0] + P(2), box[1] + P(4.5), L("number"), f, 8.5, fill=ink_f)
    num = a.register_display
    dev.pen(pg, box[0] + P(12), box[3] - P(5), num, hand, pt * 2.3, max(0, ink - 15))
    y = top + P(52)
    pg.text(x0, y, L("title"), fb, 30, fill=ink_f)
    y += P(7)
    pg.text(x0, y, L("sub"), f, 10, fill=ink_f)
    y += P(14)

    def field(x: float, yy: float, label: str, value: str, length: float) -> None:
        end = pg.text(x, yy, label, f, 9.5, fill=ink_f)
        pg.hline(end + P(1.5), x + length, yy + P(1), 0.2, fill=ink_f)
        if value:
            dev.pen(pg, end + P(4), yy - P(0.4), value, hand, pt, ink)

    field(x0, y, L("muni"), a.municipality, W * 0.55)
    field(x0 + W * 0.6, y, L("az"), a.aktenzeichen, W * 0.4)
    y += P(10)
    field(x0, y, L("addr"), a.address or "", W)
    y += P(10)
    field(x0, y, L("owner"), a.owner, W * 0.5)
    gb = a.grundbuch
    field(x0 + W * 0.53, y, L("gb"), gb[0] if gb else "", W * 0.3)
    field(x0 + W * 0.85, y, L("gb_blatt"), gb[1] if gb else "", W * 0.15)
    if gb:
        d.add("grundbuch_blatt")
    y += P(12)
    # the plots: a printed grid of five rows
    pg.text(x0, y, L("plots"), fb, 10, fill=ink_f)
    y += P(2)
    xs = [x0 + round(W * c) for c in (0, 0.34, 0.46, 1.0)]
    rh = P(8.5)
    y_tab = dev3.card_table(pg, xs, y, y + P(6) + 5 * rh, [L("gem"), L("flur"), L("fst")], f, 8, ink_f)
    for k in range(1, 5):
        pg.hline(xs[0], xs[-1], y_tab + k * rh, 0.15, fill=ink_f)
    row = 0
    for gem, flur, fst in groups(a):
        lines = dev.pen_wrap(pg, ", ".join(fst), hand, pt, xs[3] - xs[2] - P(3))
        if row + len(lines) > 5:
            return d, True
        yy = y_tab + row * rh + rh * 0.72
        dev.pen(pg, xs[0] + P(2), yy, gem, hand, pt, ink)
        dev.pen(pg, xs[1] + P(3), yy, str(flur), hand, pt, ink)
        for j, s in enumerate(lines):
            dev.pen(pg, xs[2] + P(2), yy + j * rh, s, hand, pt, ink)
        row += len(lines)
    y = y_tab + 5 * rh + P(7)
    ben = next((b for b in (benefit_of(a, e) for e in a.entries) if b), None)
    end = pg.text(x0, y, L("ben"), f, 9.5, fill=ink_f)
    if ben:
        dev.pen(pg, end + P(3), y, f"Gmkg. {ben.gemarkung}, Fl. {ben.flur}, Flst. {ben.flurstueck}", hand, pt * 0.95,
                ink)
    y += P(12)
    # the entries
    pg.text(x0, y, L("entries"), fb, 10, fill=ink_f)
    y += P(2)
    xs = [x0 + round(W * c) for c in (0, 0.08, 0.44, 0.59, 0.74, 0.81, 0.94, 1.0)]
    heads = [L("nr"), L("kind"), L("decl"), L("reg"), L("hz"), L("dele"), L("hz")]
    y_bot = pg.img.height - P(34)
    y_tab = dev3.card_table(pg, xs, y, y_bot, heads, f, 7.5, ink_f, head_mm=9)
    lh = P(8)
    yy = y_tab + lh * 0.75
    for e in a.entries:
        n = e.lfd_nr
        kind = dev.pen_wrap(pg, dev2.type_shown(e.type), hand, pt, xs[2] - xs[1] - P(3))
        if yy + len(kind) * lh > y_bot:
            return d, True
        dev.pen(pg, xs[0] + P(2), yy, str(n), hand, pt, ink)
        for j, s in enumerate(kind):
            dev.pen(pg, xs[1] + P(1.5), yy + j * lh, s, hand, pt, ink)
        cells = ((2, sd.one("declaration_date", n).shown), (3, sd.registered[n]))
        gone = sd.one("deletion_date", n)
        for c, s in cells + (((5, gone.shown),) if gone else ()):
            size = min(pt, pt * (xs[c + 1] - xs[c] - P(2)) / max(1, pg.width(s, hand, pt * 1.1)))
            dev.pen(pg, xs[c] + P(1), yy, s, hand, size, ink)
        pg.signature(xs[4] + P(1), yy, w_mm=5.5, h_mm=3, fill=ink)
        if gone:
            pg.signature(xs[6] + P(1), yy, w_mm=5, h_mm=3, fill=ink)
            pg.hand_line(xs[1] + P(1), yy - lh * 0.3, xs[4] - P(1), yy - lh * 0.3, 0.3, fill=ink + 10)
        yy += len(kind) * lh + lh * 0.3
    y = pg.img.height - P(24)
    field(x0, y, L("created"), sd.one("creation_date").shown, W * 0.45)
    field(x0 + W * 0.55, y, L("wv"), sd.one("resubmission_date").shown, W * 0.45)
    pg.text(x0, y + P(9), L("keep"), fb, 9, fill=ink_f)
    pg.text(x1, y + P(9), L("form"), f, 7, fill=ink_f, anchor="rs")
    return d | sd.kinds(), False


# --- (2) the register's punched cards, a deck fanned out on the scanner glass ----------------------------------
CARD_MM = (187.3, 82.5)
ZONES = {"&": (12,), "-": (11,), "/": (0, 1), ".": (12, 3, 8), ",": (0, 3, 8), " ": ()}


def holes(ch: str) -> tuple[int, ...]:
    """The rows a card punch punches for a character (Hollerith: 12, 11, 0 zones over the digit rows 1-9)."""
    if ch.isdigit():
        return (int(ch),)
    if "A" <= ch <= "I":
        return (12, ord(ch) - 64)
    if "J" <= ch <= "R":
        return (11, ord(ch) - 73)
    if "S" <= ch <= "Z":
        return (0, ord(ch) - 81)
    return ZONES.get(ch, (12, 0))


def card_fields(a: Akte, tpl: Template) -> list[tuple[int, list[tuple[int, int, str, str]]]]:
    """The deck: per card its kind (0 the sheet, 1 a parcel, 2 an entry) and fields (first column, width, head, value);
    columns are 1-based as on the card."""
    L = tpl.label
    sd = sheet_dates(a, tpl)
    m = re.fullmatch(r"(\d+)([a-z]?)", a.register_number)
    blatt = f"{int(m[1]):05d}{m[2].upper() or ' '}"
    cards: list[tuple[int, list[tuple[int, int, str, str]]]] = []
    gb = f"{ascii_upper(a.grundbuch[0])[:12]} {a.grundbuch[1]}" if a.grundbuch else ""
    muni = ascii_upper(a.municipality)
    cards.append((0, [(1, 1, L("sa"), "0"), (3, 6, L("number"), blatt), (10, 16, L("muni"), muni),
                      (26, 18, L("az"), a.aktenzeichen), (45, 18, L("gb"), gb),
                      (64, 6, L("created"), sd.one("creation_date").shown)]))
    for i, p in enumerate(a.parcels):
        z, _, n = p.flurstueck.partition("/")
        lage = ascii_upper(a.address or "")[:30] if i == 0 else ""
        gem = ascii_upper(p.gemarkung)
        cards.append((1, [(1, 1, L("sa"), "1"), (3, 6, L("number"), blatt), (10, 18, L("gem"), gem),
                          (29, 3, L("flur"), f"{p.flur:>3}"), (33, 5, L("zaehler"), f"{z:>5}"),
                          (39, 4, L("nenner"), f"{n:>4}"), (44, 30, L("addr"), lage)]))
    for e in a.entries:
        k = e.lfd_nr
        gone = sd.one("deletion_date", k)
        b = benefit_of(a, e)
        ben = f"{ascii_upper(b.gemarkung)[:10]} {b.flur}-{b.flurstueck}" if b else ""
        cards.append((2, [(1, 1, L("sa"), "2"), (3, 6, L("number"), blatt), (10, 2, L("nr"), f"{k:02d}"),
                          (13, 16, L("kind"), ascii_upper(dev2.type_shown(e.type)).replace("BAULAST", "")[:16]),
                          (29, 6, L("decl"), sd.one("declaration_date", k).shown), (36, 6, L("reg"), sd.registered[k]),
                          (43, 6, L("dele"), gone.shown if gone else ""), (50, 22, L("ben"), ben)]))
    base = 10 * (akte_hash(a, "x13pc_seq") % 900 + 100)
    for j, (_, fields) in enumerate(cards):
        fields.append((75, 6, L("seq"), f"{base + j + 1:06d}"))
    return cards


def draw_card(a: Akte, tpl: Template, dpi: int, kind: int, fields, rng: random.Random) -> Image.Image:
    """One punched card: its board, the printed form (field heads, dividers, the digit rows), the holes, and the
    characters the punch printed along its top edge."""
    px = lambda mm: round(mm * dpi / 25.4)  # noqa: E731
    w, h = px(CARD_MM[0]), px(CARD_MM[1])
    tone = (236, 226, 218)[kind]
    card = Image.new("L", (w, h), tone)
    dr = ImageDraw.Draw(card)
    col_w = w / 80
    cut = px(6)
    dr.polygon([(0, 0), (cut, 0), (0, cut)], fill=255)  # the cut corner
    grey = tone - 95
    tiny = load_font(tpl.form_font, max(5, round(4.4 * dpi / 72)))
    head = load_font(tpl.bold_font, max(6, round(5.2 * dpi / 72)))
    row_y = {12: px(15.5), 11: px(21.5)}
    for r in range(10):
        row_y[r] = px(27.5 + r * 5.4)
    # the printed form: field dividers and heads, the digit rows in each column
    head_font = head
    for first, width, head, _ in fields:
        xa = (first - 1) * col_w
        dr.line([(xa, px(5.5)), (xa, h - px(2))], fill=grey, width=max(1, px(0.15)))
        dr.text((xa + (width * col_w) / 2, px(9.8)), head, font=head_font, fill=grey - 20, anchor="ms")
    dr.line([(0, px(5.5)), (w, px(5.5))], fill=grey, width=max(1, px(0.12)))
    dr.line([(0, px(11)), (w, px(11))], fill=grey, width=max(1, px(0.12)))
    for c in range(80):
        cx = (c + 0.5) * col_w
        for r in range(10):
            dr.text((cx, row_y[r] + px(1.2)), str(r), font=tiny, fill=grey + 30, anchor="ms")
        if c % 5 == 4 or c == 0:
            dr.text((cx, h - px(1.2)), str(c + 1), font=tiny, fill=grey + 30, anchor="ms")
    form = tpl.label("form").format(k=kind + 1)
    dr.text((w - px(3), h - px(4.5)), form, font=tiny, fill=grey, anchor="rs")
    # the holes and the printed line
    mono = load_font(tpl.value_font, max(6, round(8.2 * dpi / 72)))
    hw, hh = max(2, round(col_w * 0.45)), px(3.1)
    for first, width, _, value in fields:
        value = value[:width].ljust(width)
        for j, ch in enumerate(value):
            c = first - 1 + j
            cx = (c + 0.5) * col_w
            for r in holes(ch):
                y = row_y[r] - hh // 2
                dr.rectangle((cx - hw // 2, y, cx + hw // 2, y + hh), fill=40 + rng.randrange(30))
            if ch != " ":
                dr.text((cx, px(4.3)), ch, font=mono, fill=25 + rng.randrange(25), anchor="ms")
    dr.rectangle((0, 0, w - 1, h - 1), outline=tone - 40, width=1)
    return card


def sheet_punch_cards(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, d = pg.px, {"aktenzeichen", "card_sequence"}
    sd = sheet_dates(a, tpl)
    if a.grundbuch:
        d.add("grundbuch_blatt")
    cards = card_fields(a, tpl)
    # the lid's white, a little grey; the deck fanned down the page, each card on the one before it
    pg.img.paste(236 + akte_hash(a, "x13pc_lid") % 12, (0, 0, pg.img.width, pg.img.height))
    ch = P(CARD_MM[1])
    step = min(P(26), (pg.img.height - P(tpl.top) - P(8) - ch) / max(1, len(cards) - 1))
    if step < P(16):
        return d, True
    x_base = (pg.img.width - P(CARD_MM[0])) // 2
    for k, (kind, fields) in enumerate(cards):
        card = draw_card(a, tpl, pg.dpi, kind, fields, pg.rng)
        x = x_base + round(P(1.2) * ((akte_hash(a, f"x13pc_dx{k}") % 5) - 2))
        y = round(P(tpl.top) + k * step)
        pg.draw.rectangle((x + P(0.8), y + P(1), x + P(0.8) + card.width, y + P(1) + card.height), fill=150)
        pg.img.paste(card, (x, y))
    pg.img = pg.img.filter(ImageFilter.GaussianBlur(max(0.4, pg.dpi / 500)))
    pg.draw = ImageDraw.Draw(pg.img)
    return d | sd.kinds(), False


# --- (3) hard copies of two screens of a register program, printed by a needle printer ------------------------
def screen_rows(a: Akte, tpl: Template) -> list[list[str]]:
    """The two screens, each 25 rows of 80 characters, as the program showed them."""
    L = tpl.label
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, sd.one("print_date").day.year)
    printed = sd.one("print_date").text

    def row(s: str = "") -> str:
        return "║ " + s[:76].ljust(76) + " ║"

    def frame(n: int, body: list[str]) -> list[str]:
        head = [f"{L('prog')}   {L('title')}", f"{auth[0]} - {auth[-1]}"]
        right = [printed, f"{L('screen')} {n} {L('of')} 2"]
        rows = ["╔" + "═" * 78 + "╗"]
        rows += [row(h_.ljust(76 - len(r_)) + r_) for h_, r_ in zip(head, right)]
        rows.append("╠" + "═" * 78 + "╣")
        rows += [row(s) for s in body]
        rows += [row()] * (18 - len(body))
        rows.append("╠" + "═" * 78 + "╣")
        rows.append(row(L("keys")))
        rows.append("╚" + "═" * 78 + "╝")
        return rows

    gb = f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else ""
    one = [f"{L('number')}: {a.register_display:<12}  {L('muni')}: {a.municipality}",
           f"{L('az')}...: {a.aktenzeichen:<17}  {L('gb')}: {gb}",
           f"{sd.one('change_date').text} / {pick(a, 'x13sh_user', SURNAMES).upper()}", "",
           f"{L('plots')}:", f"  Nr  {L('gem'):<20} {L('flur'):>4}  {L('fst')}"]
    for i, p in enumerate(a.parcels):
        one.append(f"  {i + 1:>2}  {p.gemarkung:<20} {p.flur:>4}  {p.flurstueck}")
    one += ["", f"{L('addr')}: {a.address or ''}", "", L("more")]
    two = [f"{L('number')}: {a.register_display}", "",
           f"{L('nr')} {L('kind'):<24} {L('decl'):<9} {L('reg'):<9} {L('dele'):<9}", "-" * 62]
    for e in a.entries:
        k = e.lfd_nr
        gone = sd.one("deletion_date", k)
        two.append(f"{k:>3} {dev2.type_shown(e.type)[:24]:<24} {sd.one('declaration_date', k).shown:<9} "
                   f"{sd.registered[k]:<9} {gone.shown if gone else '':<9}")
    first = a.entries[0]
    b = benefit_of(a, first)
    two += ["", f"{L('text')} 1:"]
    body = re.sub(r"\s+", " ", dev2.period_text(first.text, first.registered_on.year))
    lines, cur = [], ""
    for word in body.split():
        if len(cur) + len(word) + 1 > 72:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    lines.append(cur)
    room = 18 - len(two) - (2 if b else 0)
    two += ["  " + s for s in lines[:max(1, room)]]
    if b:
        two += ["", f"{L('ben')}: Gmkg. {b.gemarkung}, Flur {b.flur}, Flst. {b.flurstueck}"]
    if len(one) > 18 or len(two) > 18:
        return []
    return [frame(1, one), frame(2, two)]


def sheet_screen_hardcopy(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, d = pg.px, {"aktenzeichen", "program_name", "page_number"}
    f = tpl.value_font
    sd = sheet_dates(a, tpl)
    screens = screen_rows(a, tpl)
    if not screens:
        return d, True
    if a.grundbuch:
        d.add("grundbuch_blatt")
    x0 = P(tpl.margin)
    size = pt
    while pg.width("M" * 80, f, size) > pg.img.width - 2 * x0:
        size *= 0.97
    lh = round(pg.dpi / 6 * size / 10)  # six lines to the inch at the printer's ten characters to it
    y = P(tpl.top)
    for screen in screens:
        if y + len(screen) * lh > pg.img.height - P(8):
            return d, True
        for s in screen:
            pg.text(x0, y, s, f, size, fill=30)
            y += lh
        y += lh * 3
    pg.img = dev2.dotify(pg.img, max(2, round(pg.dpi / 72)), pg.rng)
    pg.draw = ImageDraw.Draw(pg.img)
    return d | sd.kinds(), False


# --- (4) a word processor's sheet with the labels hanging in the left margin -----------------------------------
def sheet_hanging_labels(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "owner_name", "page_number", "file_name"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(f, pt, 1.3)
    tab = x0 + P(36)
    width = x1 - tab
    made = sd.one("copy_date")
    auth = dev2.period_authority(a, made.day.year)
    reg_label = pick(a, "x13hl_reglabel", L("reg"))
    y = P(tpl.top)
    for i, s in enumerate(auth):
        pg.text(x0, y + i * lh, s, fb if i == 0 else f, pt * 0.95)
    pg.text(x1, y, f"{L('az')} {a.aktenzeichen}", f, pt * 0.9, anchor="rs")
    y += len(auth) * lh + P(10)
    cx = (x0 + x1) // 2
    pg.text(cx, y, L("title"), fb, pt * 1.6, anchor="ms")
    y += round(lh * 1.3)
    keeper = dev2.genitive(auth[0] if a.by_kreis else municipality_name(a))
    pg.text(cx, y, keeper, f, pt * 1.1, anchor="ms")
    y += round(lh * 2.2)
    num = f"{L('number')} {a.register_display}"
    end = pg.text(x1, y, num, fb, pt * 1.2, anchor="rs")
    wnum = pg.width(num, fb, pt * 1.2)
    del end
    pg.hline(x1 - wnum, x1, y + P(1.5), 0.25)
    pg.hline(x1 - wnum, x1, y + P(2.4), 0.25)
    y += round(lh * 2)

    def hang(label: str, lines: list[str], yy: float, bold: bool = False) -> float:
        pg.text(x0, yy, label, fb, pt)
        for s in lines:
            pg.text(tab, yy, s, fb if bold else f, pt)
            yy += lh
        return yy

    y = hang(L("plot"), [f"{a.municipality}, {a.address}" if a.address else a.municipality], y)
    cad: list[str] = []
    gem_ = None
    for gem, flur, fst in groups(a):
        if gem != gem_:
            cad.append(f"{L('gem')} {gem}")
            gem_ = gem
        word = L("fsts") if len(fst) > 1 else L("fst")
        cad += pg.wrap(f"    {L('flur')} {flur}:  {word} {fst_list(fst)}", f, pt, width)
    y = hang(L("cad"), cad, y + P(1))
    if a.grundbuch:
        y = hang(L("gb"), [f"{a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}"], y + P(1))
        d.add("grundbuch_blatt")
    y = hang(L("owner"), [a.owner], y + P(1))
    y_bot = pg.img.height - P(40)
    for e in a.entries:
        n = e.lfd_nr
        decl = sd.one("declaration_date", n)
        gone = sd.one("deletion_date", n)
        text = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, width)
        need = (len(text) + 6) * lh + P(8)
        if y + need > y_bot:
            return d, True
        y += P(3)
        pg.hline(x0, x1, y - lh * 0.6, 0.2)
        y += P(2)
        y = hang(f"{L('baulast')} {n}", [dev2.type_shown(e.type)], y, bold=True)
        y = hang(L("decl"), [decl.text], y)
        y = hang(L("text"), text, y)
        reg_y = y
        y = hang(reg_label, [sd.registered[n]], y)
        pg.signature(tab + pg.width(sd.registered[n], f, pt) + P(6), reg_y, w_mm=18, h_mm=4.5, fill=40)
        y = hang(L("dele"), [gone.text if gone else L("none")], y)
        if gone:
            pg.signature(tab + pg.width(gone.text, f, pt) + P(6), y - lh, w_mm=16, h_mm=4.5, fill=40)
    pg.hline(x0, x1, y + P(1), 0.2)
    y = max(y + P(12), pg.img.height - P(44))
    pg.text(x0, y, f"{L('made')}: {made.text}", f, pt)
    pg.text(x1 - P(55), y + P(12), L("ia"), f, pt)
    pg.signature(x1 - P(55), y + P(22), w_mm=30, h_mm=6, fill=35)
    m = re.fullmatch(r"(\d+)([a-z]?)", a.register_number)
    name = f"C:\\TEXT\\BAULAST\\BL{int(m[1]):04d}{m[2].upper()}.TXT"
    pg.text(x0, pg.img.height - P(10), name, f, 7, fill=70)
    pg.text(x1, pg.img.height - P(10), f"{L('page')} {page_no} {L('of')} 1", f, 8.5, anchor="rs")
    return d | sd.kinds(), False


# --- (5) a browser's print of the register's web portal ------------------------------------------------------
def host(a: Akte) -> str:
    name = "rhein-kreis-neuss" if a.by_kreis else a.municipality.lower()
    return name.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")


def chip(pg: Page, x: float, y: float, s: str, font: str, size: float, fill: int = 238) -> float:
    """A rounded box around s (baseline y); returns its right edge."""
    P = pg.px
    w = pg.width(s, font, size)
    hgt = round(size * pg.dpi / 72)
    pg.draw.rounded_rectangle((x, y - hgt - P(1), x + w + P(5), y + P(2)), radius=P(1.8), fill=fill, outline=170,
                              width=max(1, P(0.15)))
    pg.text(x + P(2.5), y, s, font, size)
    return x + w + P(5)


def sheet_portal_print(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "phone_number", "page_number", "url", "request_id"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    printed = sd.one("print_date")
    auth = dev2.period_authority(a, printed.day.year)
    num = a.register_display
    lh = pg.line_height(f, pt, 1.45)
    reg_label = pick(a, "x13wp_reglabel", L("regs"))
    decl_first = pick(a, "x13wp_order", (False, False, True))
    # the browser's head and foot lines
    pg.text(P(8), P(7), printed.text, f, 7.5)
    pg.text(pg.img.width // 2, P(7), f"{L('title')} – {auth[0]}", f, 7.5, anchor="ms")
    sid = f"{akte_hash(a, 'x13wp_sid'):08x}"
    url = f"https://www.{host(a)}.de/bauen/baulastenauskunft/ergebnis?vorgang={sid}"
    pg.text(P(8), pg.img.height - P(6), url, f, 7.5)
    pg.text(pg.img.width - P(8), pg.img.height - P(6), f"{page_no}/1", f, 7.5, anchor="rs")
    # the site's band, its crumbs and tabs
    y = P(tpl.top) + P(5)
    band = (x0, y, x1, y + P(16))
    pg.rect(band, 0.1, fill=55, outline=55)
    pg.text(x0 + P(4), y + P(7), auth[0], fb, 13, fill=255)
    pg.text(x0 + P(4), y + P(12.5), auth[-1], f, 8.5, fill=225)
    y += P(23)
    pg.text(x0, y, L("crumbs"), f, 7.5, fill=80)
    y += P(8)
    pg.text(x0, y, f"{L('title')}", fb, 17)
    y += P(7)
    tx = x0
    for i, t in enumerate(L("tabs")):
        w = pg.width(t, fb if i == 0 else f, 9) + P(8)
        pg.rect((tx, y, tx + w, y + P(7)), 0.15, fill=255 if i == 0 else 232, outline=160)
        pg.text(tx + P(4), y + P(5), t, fb if i == 0 else f, 9)
        tx += w
    pg.hline(tx, x1, y + P(7), 0.15, fill=160)
    y += P(14)
    # the record's key data as a list of terms
    req = f"{printed.day.year}-{akte_hash(a, 'x13wp_req') % 90000 + 10000:06d}"
    keys = [(L("number"), num), (L("muni"), a.municipality), (L("addr"), a.address or "–"), (L("az"), a.aktenzeichen),
            (L("req"), req)]
    kx = x0 + P(42)
    for k, val in keys:
        pg.text(x0, y, k, fb, pt * 0.95, fill=70)
        pg.text(kx, y, val, fb if k == L("number") else f, pt * (1.15 if k == L("number") else 1))
        y += lh
    y += P(4)
    pg.text(x0, y, L("plots"), fb, pt * 1.2)
    y += lh + P(2)
    x = x0
    for p in a.parcels:
        s = f"{L('gem')} {p.gemarkung} · {L('flur')} {p.flur} · {L('fst')} {p.flurstueck}"
        if x + pg.width(s, f, pt) + P(8) > x1:
            x, y = x0, y + lh + P(1.5)
        x = chip(pg, x, y, s, f, pt) + P(3)
    y += lh + P(5)
    bens = [b for b in {benefit_of(a, e) for e in a.entries} if b]
    if bens:
        pg.text(x0, y, L("bens"), fb, pt * 1.05, fill=70)
        y += lh + P(2)
        b = bens[0]
        chip(pg, x0, y, f"{L('gem')} {b.gemarkung} · {L('flur')} {b.flur} · {L('fst')} {b.flurstueck}", f, pt * 0.95,
             fill=250)
        y += lh + P(5)
    pg.text(x0, y, L("entries"), fb, pt * 1.2)
    y += P(3)
    y_bot = pg.img.height - P(42)
    for e in a.entries:
        n = e.lfd_nr
        gone = sd.one("deletion_date", n)
        text = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt * 0.95, W - P(8))
        kv = [(reg_label, sd.registered[n]), (L("decl"), sd.one("declaration_date", n).shown)]
        if decl_first:
            kv.reverse()
        if gone:
            kv.append((L("dele"), gone.shown))
        hgt = P(9) + len(kv) * lh + len(text) * round(lh * 0.92) + P(4)
        if y + hgt > y_bot:
            return d, True
        pg.rect((x0, y, x1, y + hgt), 0.15, outline=170)
        pg.rect((x0, y, x1, y + P(8)), 0.15, fill=228, outline=170)
        ax, ay = x0 + P(3), y + P(3)
        pg.draw.polygon([(ax, ay), (ax + P(2.6), ay), (ax + P(1.3), ay + P(2))], fill=40)
        pg.text(x0 + P(8), y + P(5.6), f"{L('nr')} {n} – {dev2.type_shown(e.type)}", fb, pt)
        tag = L("gone") if gone else L("live")
        tw = pg.width(tag, fb, pt * 0.85)
        pg.draw.rounded_rectangle((x1 - tw - P(9), y + P(1.5), x1 - P(3), y + P(6.5)), radius=P(1.5),
                                  fill=120 if gone else 200)
        pg.text(x1 - tw - P(6), y + P(5.3), tag, fb, pt * 0.85, fill=255 if gone else 0)
        yy = y + P(9) + lh * 0.8
        for k, val in kv:
            pg.text(x0 + P(4), yy, k, f, pt * 0.95, fill=80)
            pg.text(x0 + P(58), yy, val, f, pt)
            yy += lh
        for s in text:
            pg.text(x0 + P(4), yy, s, f, pt * 0.95, fill=60 if gone else 20)
            yy += round(lh * 0.92)
        y += hgt + P(4)
    # the site's foot
    y = pg.img.height - P(34)
    pg.hline(x0, x1, y, 0.2, fill=150)
    pg.text(x0, y + P(5), sd.one("data_date").text, f, 8, fill=70)
    area = dev2.AREA_CODE[a.municipality]
    phone = f"{L('phone')} {area} {100 + akte_hash(a, 'x13wp_ph') % 800}-{10 + akte_hash(a, 'x13wp_ph2') % 90}"
    pg.text(x1, y + P(5), phone, f, 8, fill=70, anchor="rs")
    pg.text(x0, y + P(10), L("links"), f, 8, fill=90)
    # the cookie notice the print caught at the foot of the window
    if pick(a, "x13wp_cookie", (True, False)):
        yb = pg.img.height - P(21)
        pg.rect((x0, yb, x1, yb + P(10)), 0.15, fill=215, outline=215)
        pg.text(x0 + P(4), yb + P(6.3), L("cookies"), f, 8.5)
        bw = pg.width(L("ok"), fb, 8.5) + P(8)
        pg.draw.rounded_rectangle((x1 - bw - P(3), yb + P(2), x1 - P(3), yb + P(8)), radius=P(1.2), fill=70)
        pg.text(x1 - bw + P(1), yb + P(6.3), L("ok"), fb, 8.5, fill=255)
    return d | sd.kinds(), False


THIRTEENTH_RENDERERS = {"x13_folder_cover": sheet_folder_cover, "x13_punch_cards": sheet_punch_cards,
                        "x13_screen_hardcopy": sheet_screen_hardcopy, "x13_hanging_labels": sheet_hanging_labels,
                        "x13_portal_print": sheet_portal_print}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout13's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
    entries, one to four parcels (on two Flure, numbered one after the other or, via ``spread``, in two Gemarkungen on
    some files), every number style."""
    if opts.get("is_baulast") is False:
        return kinds, opts
    n_entries = rng.choice((1, 1, 2, 2, 3))
    n_parcels = rng.choice((1, 1, 2, 2, 3, 3, 4))
    return kinds, {**opts, "n_entries": n_entries, "deleted": n_entries > 1 and rng.random() < 0.5,
                   "n_parcels": n_parcels, "two_flure": n_parcels > 1 and rng.random() < 0.4,
                   "number_style": rng.choice(dev2.NUMBER_STYLES),
                   "gemarkungen": 2 if n_parcels > 1 and rng.random() < 0.3 else 1,
                   "run": n_parcels > 2 and rng.random() < 0.5}


TEMPLATES.update(THIRTEENTH_TEMPLATES)
