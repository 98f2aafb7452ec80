"""The heldout6 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all in this module.

The templates (``split="heldout6"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``SIXTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).

The four sheets:

* ``blatt_folio``: a printed folio of the 1950s-80s filled in on an italic typewriter; the number typed into the
  title line "Blatt ... des Baulastenverzeichnisses"; the parcels in a ruled grid beside a Grundbuchblatt column; the
  entries with their day in a column left of the text.
* ``register_software``: a recent print of register software; the number as "Registernummer" in a box of key data
  beside a creation and a last-change date; the parcels as "Gmkg. X, Flur 3, Flst. 45"; an overview table of the
  entries (days of entry and deletion) above their texts.
* ``pos_liste``: a dot-matrix list; "BLV-NR." with the number in four digits; one "GMK/FLR/FST" line per parcel;
  entry rows headed "POS", two-digit years, pages counted as "BLATT".
* ``stempel_formblatt``: a printed form of the 1950s-70s; the number pressed by a numbering stamp (leading zeros, a
  suffix letter added by pen); parcels and registration days written by pen, the entry texts typed.
"""

from __future__ import annotations

import random

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, Akte, Entry
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import FONT_FILES, Page

SPLIT = "heldout6"
dev = Later(".sheets_dev")  # pen, PENS, hand_date (read at call time: the tests watch sheets_dev.pen)

# faces no other template uses: an italic typewriter ball, an italic sans for printed hints
FONT_FILES.setdefault("mono_italic", "LiberationMono-Italic.ttf")
FONT_FILES.setdefault("sans_italic", "LiberationSans-Italic.ttf")

SIXTH_LABELS = {
    "S6_FO": {**_BASE, "number": "Blatt … des Baulastenverzeichnisses", "number_pre": "Blatt",
              "number_post": "des Baulastenverzeichnisses", "muni": "Gemeindebezirk:",
              "parcel_head": "Bezeichnung des belasteten Grundstücks", "gem": "Gemarkung", "flur": "Flur",
              "fst": "Flurstücksnummer(n)", "gb_col": "Grundbuchblatt", "addr": "Straße und Hausnummer:",
              "permit": "Bauantrag Nr.", "nr": "Nr.", "reg": "Eintragungstag",
              "text": "Gegenstand und Umfang der Baulast", "rem": "Löschung (Tag, Zeichen)", "dele": "gelöscht",
              "decl": ("(Erklärung des Eigentümers vom ", ")"), "page": "Blatt-Seite",
              "form": "Vordruck 7 a – Baulastenverzeichnis (Formularverlag Rheinland)"},
    "S6_RS": {**_BASE, "title": "Baulastenverzeichnis – Registerauszug", "number": "Registernummer",
              "created": "angelegt am", "changed": "letzte Änderung", "muni": "Gemeinde", "az": "Aktenzeichen",
              "gb": "Grundbuch", "gb_blatt": "Bl.", "parcel_head": "Betroffene Grundstücke", "gem": "Gmkg.",
              "flur": "Flur", "fst": "Flst.", "overview": "Übersicht der Eintragungen", "nr": "Nr.",
              "kind": "Art der Baulast", "reg": "Eintragungsdatum", "dele": "Löschungsdatum", "state": "Stand",
              "live": "in Kraft", "gone": "gelöscht", "texts": "Eintragungstexte", "zu": "Zu Nr.",
              "decl": ("Verpflichtungserklärung vom ", ""), "printed": "gedruckt am ", "page": "Seite",
              "of": "von", "note": "Dieser Auszug ist ohne Unterschrift gültig; maßgeblich ist das Verzeichnis."},
    "S6_PL": {**_BASE, "title": "BAULASTENVERZEICHNIS", "number": "BLV-NR.", "muni": "GEMEINDE", "run": "ERSTELLT:",
              "page": "BLATT", "gem": "GMK", "flur": "FLR", "fst": "FST", "addr": "LAGE:", "gb": "GB-BL.:",
              "az": "AZ:", "kat": "KATASTER:", "nr": "POS", "reg": "EINTR.-TAG", "dele": "LOESCH.-TAG",
              "kind": "BAULASTART", "decl": ("ERKL. V. ", ""), "none": "--.--.--", "prog": "PGM BAU310",
              "end": "*** LETZTE POSITION ***", "user": "BEN.:"},
    "S6_SF": {**_BASE, "title": "Baulastenverzeichnis", "number": "Baulastenverzeichnis Nr.",
              "parcel_head": "Das belastete Grundstück", "muni": "für", "gem": "Gemarkung", "flur": "Flur",
              "fst": "Flurstück(e) Nr.", "addr": "Straße:", "nr": "Nr.", "text": "Baulast",
              "reg": "In das Verzeichnis\nübernommen am", "rem": "Löschung vermerkt am",
              "plan": ("Lageplan vom ", ""), "hausakte": "Hausakte", "form": "Formblatt B 3"},
}
LABELS.update(SIXTH_LABELS)

SIXTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_s6", "typewriter_form", "S6_FO", "free_sans", "free_sans_bold", "mono_italic", pt=10.5, margin=18,
             top=14, years=(1957, 1984), split=SPLIT, renderer="blatt_folio"),
    Template("cp_s6", "computer_print", "S6_RS", "sans", "sans_bold", "sans_italic", pt=10, margin=20, top=14,
             years=(2007, 2024), split=SPLIT, renderer="register_software"),
    Template("dm_s6", "dot_matrix", "S6_PL", "mono", "mono_bold", "mono", pt=10, margin=16, top=12,
             years=(1978, 1998), split=SPLIT, renderer="pos_liste"),
    Template("hf_s6", "typewriter_form", "S6_SF", "serif", "serif_bold", "dv_mono", pt=10.5, margin=17, top=13,
             years=(1953, 1976), split=SPLIT, renderer="stempel_formblatt"),
)}


# --- what each template prints --------------------------------------------------------------------------------
def spread(a: Akte, opts: dict) -> Akte:
    """Parcels in a second Gemarkung where the file's draws ask for it (as dev7 spreads them; draws nothing)."""
    return dev7.spread(a, opts)


def groups(a: Akte) -> list[tuple[str, int, list[str]]]:
    """[(Gemarkung, Flur, [Flurstück, ...]), ...] in printed order."""
    return dev7.groups(a)


def number_shown(a: Akte, tpl: Template) -> str:
    """The register number as the sheet prints it (the numbering stamp: five digits, the suffix by pen after it)."""
    if tpl.renderer == "pos_liste":
        return dev2.number_shown(a, "edv")
    if tpl.renderer == "stempel_formblatt":
        digits, suffix = stamp_digits(a)
        return f"{digits}{suffix}"
    return a.register_display


def stamp_digits(a: Akte) -> tuple[str, str]:
    """(what the numbering stamp prints, the suffix letter written after it by pen)."""
    number = a.register_number
    suffix = number[-1] if number[-1].isalpha() else ""
    return f"{int(number.rstrip('abcdefghijklmnopqrstuvwxyz')):05d}", suffix


def permit_number(a: Akte) -> str:
    """A Bauantrag's number of the register number's shape, never the register number."""
    n = 100 + dev2.akte_hash(a, "s6_permit") % 1800
    if str(n) == a.register_number.rstrip("abc"):
        n += 1
    return f"{n}/{a.entries[0].registered_on.year % 100:02d}"


def date_fmt(tpl: Template, a: Akte) -> str:
    """How the sheet prints its entries' days."""
    if tpl.renderer == "blatt_folio":
        return dev2.pick(a, "s6fo_fmt", ("spaced", "numeric", "numeric"))
    if tpl.renderer == "pos_liste":
        return "short"
    if tpl.renderer == "stempel_formblatt":
        return dev2.pick(a, "s6sf_fmt", ("pen", "pen", "spaced"))
    return "numeric"


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = date_fmt(tpl, a)
    return {e.lfd_nr: dev3.FORMATS[fmt](e.registered_on) for e in a.entries}


def deleted_shown(a: Akte, tpl: Template, e: Entry) -> str:
    return dev3.FORMATS[date_fmt(tpl, a)](e.deleted_on)


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout6 sheet of this Akte prints besides the Eintragungsdaten."""
    L, fmt, ms = tpl.label, date_fmt(tpl, a), []
    for e in a.entries:
        n = e.lfd_nr
        if e.deleted_on:
            ms.append(dev3.mention("deletion_date", e.deleted_on, fmt, "", "", n))
    if tpl.renderer == "blatt_folio":
        for e in a.entries:
            if e.lfd_nr == 1 or dev2.pick(a, f"s6fo_decl{e.lfd_nr}", (True, False)):
                ms.append(dev3.mention("declaration_date", dev3.declared(a, e), fmt, *L("decl"), e.lfd_nr))
    elif tpl.renderer == "register_software":
        for e in a.entries:
            ms.append(dev3.mention("declaration_date", dev3.declared(a, e), fmt, *L("decl"), e.lfd_nr))
        first = a.entries[0]
        ms.insert(0, dev3.mention("created_date", dev3.offset(a, "s6rs_new", first.registered_on, -30, -2), fmt,
                                  L("created")))
        ms.insert(1, dev3.mention("change_date", dev3.after_all(a, ms, "s6rs_chg"), fmt, L("changed")))
        ms.insert(2, dev3.mention("print_date", dev3.offset(a, "s6rs_prn", ms[1].day, 3, 400), fmt, L("printed")))
    elif tpl.renderer == "pos_liste":
        for e in a.entries:
            if dev2.pick(a, f"s6pl_decl{e.lfd_nr}", (True, True, False)):
                ms.append(dev3.mention("declaration_date", dev3.declared(a, e), fmt, *L("decl"), e.lfd_nr))
        ms.insert(0, dev3.mention("print_date", dev3.after_all(a, ms, "s6pl_run"), fmt, L("run") + " "))
    else:
        for e in a.entries:
            if dev2.pick(a, f"s6sf_plan{e.lfd_nr}", (True, False)):
                day = dev3.offset(a, f"s6sf_plan{e.lfd_nr}", dev3.declared(a, e), -90, -4)
                ms.append(dev3.mention("plan_date", day, "numeric", *L("plan"), e.lfd_nr))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), fmt)


def authority_lines(a: Akte) -> list[str]:
    return dev2.period_authority(a, a.entries[0].registered_on.year)


def municipality_name(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


# --- (1) a printed folio filled in on an italic typewriter --------------------------------------------------------
def blank(pg: Page, x0: float, x1: float, y: float, grey: int) -> None:
    """A dotted blank of the form, for a typed value."""
    step = pg.px(1.2)
    x = x0
    while x < x1:
        pg.draw.point((x, y + pg.px(1)), fill=grey)
        pg.draw.point((x + 1, y + pg.px(1)), fill=grey)
        x += step


def sheet_blatt_folio(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    grey = 70
    top = P(tpl.top)
    y = top + P(3)
    for i, s in enumerate(authority_lines(a)):  # the letterhead printed on the form
        pg.text(x0, y, s, fb if i == 0 else f, 10 if i == 0 else 8.5, fill=grey)
        y += P(4.2)
    end = pg.text(x1 - P(62), top + P(3), L("permit"), f, 8.5, fill=grey)
    pg.typed(end + P(3), top + P(3), permit_number(a), fv, pt)
    blank(pg, end + P(2), x1, top + P(3), grey)
    end = pg.text(x1 - P(62), top + P(10), L("az"), f, 8.5, fill=grey)
    pg.typed(end + P(3), top + P(10), a.aktenzeichen, fv, pt)
    blank(pg, end + P(2), x1, top + P(10), grey)
    d |= {"aktenzeichen", "permit_number"}
    # the title line with the typed number in its blank
    y = max(y, top + P(14)) + P(9)
    cx = (x0 + x1) // 2
    number = number_shown(a, tpl)
    pre, post = L("number_pre"), L("number_post")
    gap = P(26)
    w_all = pg.width(pre, fb, 15) + gap + pg.width(post, fb, 15)
    xs = cx - w_all / 2
    end = pg.text(xs, y, pre, fb, 15, fill=grey)
    blank(pg, end + P(2), end + gap - P(2), y, grey)
    pg.typed(end + gap / 2 - pg.width(number, fv, pt * 1.35) / 2, y - P(0.5), number, fv, pt * 1.35)
    pg.text(end + gap, y, post, fb, 15, fill=grey)
    y += P(9)
    end = pg.text(cx - P(45), y, L("muni"), f, 10, fill=grey)
    blank(pg, end + P(2), cx + P(50), y, grey)
    pg.typed(end + P(5), y, municipality_name(a), fv, pt)
    y += P(10)
    # the parcels: a ruled grid of three rows, a Grundbuchblatt column beside them
    pg.text(x0, y, L("parcel_head"), fb, 9.5, fill=grey)
    y += P(2)
    cs = [x0 + round(W * c) for c in (0, 0.33, 0.45, 0.8)] + [x1]
    rh = P(7.5)
    heads = [L(k) for k in ("gem", "flur", "fst", "gb_col")]
    pg.rect((x0, y, x1, y + rh * 4), 0.3, outline=grey)
    for c in cs[1:-1]:
        pg.vline(c, y, y + rh * 4, 0.25, fill=grey)
    for i, h in enumerate(heads):
        pg.text(cs[i] + P(1.5), y + rh * 0.68, h, f, 8.5, fill=grey)
    for k in range(1, 4):
        pg.hline(x0, x1, y + rh * k, 0.25, fill=grey)
    gs = groups(a)
    if len(gs) > 3:
        return d, True
    for i, (gem, flur, fst) in enumerate(gs):
        yy = y + rh * (i + 1) + rh * 0.7
        cells = [gem, str(flur), ", ".join(fst), (a.grundbuch[1] if a.grundbuch else "") if i == 0 else ""]
        for c, s in zip(cs, cells):
            if s:
                pg.typed(c + P(2), yy, s, fv, pt)
    if a.grundbuch:
        d.add("grundbuch_blatt")
    y += rh * 4 + P(7)
    end = pg.text(x0, y, L("addr"), f, 9, fill=grey)
    blank(pg, end + P(2), x0 + W * 0.6, y, grey)
    if a.address:
        pg.typed(end + P(4), y, a.address, fv, pt)
    y += P(7)
    # the entries: number, day, text, deletion
    xs_ = [x0 + round(W * c) for c in (0, 0.055, 0.21, 0.79)] + [x1]
    y_bot = pg.img.height - P(22)
    y = dev3.card_table(pg, xs_, y, y_bot, [L(k) for k in ("nr", "reg", "text", "rem")], f, 8, grey, 7)
    lh = pg.line_height(fv, pt, 1.3)
    y += lh
    pad = P(1.8)
    for e in a.entries:
        n = e.lfd_nr
        width = xs_[3] - xs_[2] - 2 * pad
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, width)
        decl = sd.one("declaration_date", n)
        if decl:
            body += dev3.date_lines(pg, decl.label + " ", decl.shown, ")", fv, pt, width)
        rows = max(len(body), 5 if e.deleted_on else 3)
        if y + (rows + 0.8) * lh > y_bot - P(2):
            return d, True
        pg.typed(xs_[0] + pad, y, f"{n}", fv, pt)
        pg.typed(xs_[1] + pad, y, sd.registered[n], fv, pt)
        pg.signature(xs_[1] + P(3), y + lh * 1.6, w_mm=16, h_mm=4.5, fill=rng.randrange(25, 70))
        for i, s in enumerate(body):
            pg.typed(xs_[2] + pad, y + i * lh, s, fv, pt)
        if e.deleted_on:
            pg.typed(xs_[3] + pad, y, L("dele"), fv, pt)
            pg.typed(xs_[3] + pad, y + lh, deleted_shown(a, tpl, e), fv, pt)
            pg.signature(xs_[3] + P(3), y + lh * 2.6, w_mm=14, h_mm=4, fill=rng.randrange(25, 70))
            # a deleted Baulast is crossed out in its text column, corner to corner
            pg.hand_line(xs_[2] + pad, y - lh * 0.7, xs_[3] - pad, y + (len(body) - 1) * lh, w=0.3, fill=100)
        y += round((rows + 0.4) * lh)
        pg.hline(xs_[0], x1, y - round(lh * 0.75), 0.2, fill=grey)
    pg.text(x0, pg.img.height - P(15), L("form"), f, 7, fill=grey)
    pg.text(x1, pg.img.height - P(15), f"{L('page')} {page_no}", f, 8, fill=grey, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


# --- (2) a recent print of register software ------------------------------------------------------------------
def sheet_register_software(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fi = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    top = P(tpl.top)
    lh = pg.line_height(f, pt, 1.38)
    y = top + P(4)
    for i, s in enumerate(a.authority):
        pg.text(x0, y, s, fb if i == 0 else f, 11.5 if i == 0 else 9.5)
        y += P(4.8)
    pg.hline(x0, x1, y, 0.5)
    y += P(9)
    pg.text(x0, y, L("title"), fb, 14)
    y += P(6)
    # the key data box on the right, the file's references on the left
    bx, by = x0 + round(W * 0.56), y
    kv = [(L("number"), number_shown(a, tpl)), (L("muni"), municipality_name(a)),
          (L("created"), sd.one("created_date").shown), (L("changed"), sd.one("change_date").shown)]
    rh = P(8)
    pg.rect((bx, by, x1, by + rh * len(kv)), 0.35)
    for i, (k, v) in enumerate(kv):
        yy = by + rh * i
        if i:
            pg.hline(bx, x1, yy, 0.2)
        pg.text(bx + P(2), yy + rh * 0.68, k, f, 8.5)
        pg.text(bx + P(34), yy + rh * 0.72, v, fb if i == 0 else f, pt * 1.15 if i == 0 else pt)
    pg.vline(bx + P(31), by, by + rh * len(kv), 0.2)
    yy = by + P(5)
    pg.text(x0, yy, f"{L('az')}: {a.aktenzeichen}", f, pt)
    d.add("aktenzeichen")
    if a.grundbuch:
        pg.text(x0, yy + lh, f"{L('gb')}: {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
        d.add("grundbuch_blatt")
    y = by + rh * len(kv) + P(8)
    # the parcels, one line per Flur
    pg.text(x0, y, L("parcel_head"), fb, pt * 1.1)
    pg.hline(x0, x1, y + P(1.5), 0.25)
    y += round(lh * 1.3)
    for i, (gem, flur, fst) in enumerate(groups(a)):
        s = f"{L('gem')} {gem}, {L('flur')} {flur}, {L('fst')} {', '.join(fst)}"
        if i == 0 and a.address:
            s += f"  ({a.address})"
        pg.text(x0 + P(3), y, f"–  {s}", f, pt)
        y += lh
    y += round(lh * 0.7)
    # the overview table
    pg.text(x0, y, L("overview"), fb, pt * 1.1)
    y += P(2.5)
    cs = [x0 + round(W * c) for c in (0, 0.07, 0.44, 0.63, 0.82)] + [x1]
    th = P(6.5)
    pg.rect((x0, y, x1, y + th), 0.3, fill=225)
    for i, k in enumerate(("nr", "kind", "reg", "dele", "state")):
        pg.text(cs[i] + P(1.5), y + th * 0.7, L(k), fb, 8.5)
    y += th
    for e in a.entries:
        cells = [str(e.lfd_nr), dev2.type_shown(e.type), sd.registered[e.lfd_nr],
                 deleted_shown(a, tpl, e) if e.deleted_on else "–", L("gone") if e.deleted_on else L("live")]
        for i, s in enumerate(cells):
            pg.text(cs[i] + P(1.5), y + th * 0.7, s, f, pt)
        y += th
        pg.hline(x0, x1, y, 0.2)
    pg.rect((x0, y - th * (len(a.entries) + 1), x1, y), 0.3)
    y += P(9)
    # the texts, each under 'Zu Nr. n'
    pg.text(x0, y, L("texts"), fb, pt * 1.1)
    pg.hline(x0, x1, y + P(1.5), 0.25)
    y += round(lh * 1.4)
    y_bot = pg.img.height - P(24)
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, W - P(22))
        decl = sd.one("declaration_date", n)
        if y + (len(body) + 2) * lh > y_bot:
            return d, True
        pg.text(x0, y, f"{L('zu')} {n}:", fb, pt)
        for i, s in enumerate(body):
            pg.text(x0 + P(20), y + i * lh, s, f, pt, fill=90 if e.deleted_on else 0)
        y += len(body) * lh
        pg.text(x0 + P(20), y, decl.text, fi, pt * 0.95)
        y += round(lh * 1.7)
    pg.hline(x0, x1, pg.img.height - P(19), 0.25)
    pg.text(x0, pg.img.height - P(14.5), L("note"), fi, 7.5)
    foot = f"{sd.one('print_date').text}  ·  {L('page')} {page_no} {L('of')} 1"
    pg.text(x1, pg.img.height - P(10.5), foot, f, 8, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


# --- (3) a dot-matrix list -------------------------------------------------------------------------------------
def sheet_pos_liste(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    adv = pg.width("M", f, pt)
    cols = int((x1 - x0) / adv)
    lh = pg.line_height(f, pt, 1.45)
    y = P(tpl.top) + lh

    def put(col: int, s: str, bold: bool = False) -> None:
        pg.text(x0 + col * adv, y, s, fb if bold else f, pt)

    auth = authority_lines(a)
    put(0, " - ".join(auth[:2]).upper()[: cols - 22])
    right = f"{L('page')} {page_no}"
    put(cols - len(right), right)
    y += lh
    put(0, f"{L('prog')}  {L('user')} {a.entries[0].clerk[:3].upper()}")
    run = sd.one("print_date").text
    put(cols - len(run), run)
    y += lh
    put(0, "=" * cols)
    y += lh * 1.4
    put(0, f"{L('title')}  {L('muni')} {a.municipality.upper()}", bold=True)
    num = f"{L('number')} {number_shown(a, tpl)}"
    put(cols - len(num), num, bold=True)
    y += lh * 1.6
    put(0, L("kat"))
    for gem, flur, fst in groups(a):
        for s in fst:
            put(10, f"{L('gem')} {gem.upper():<22} {L('flur')} {flur:03d}  {L('fst')} {s}")
            y += lh
    y += lh * 0.4
    if a.address:
        put(0, L("addr"))
        put(10, a.address.upper())
        y += lh
    if a.grundbuch:
        put(0, L("gb"))
        put(10, f"{a.grundbuch[0].upper()} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
        y += lh
    put(0, L("az"))
    put(10, a.aktenzeichen)
    d.add("aktenzeichen")
    y += lh * 1.6
    heads = [(0, L("nr")), (5, L("reg")), (17, L("dele")), (30, L("kind"))]
    for c, s in heads:
        put(c, s, bold=True)
    y += lh * 0.6
    put(0, "-" * cols)
    y += lh
    y_bot = pg.img.height - P(20)
    width = (cols - 5) * adv
    for e in a.entries:
        n = e.lfd_nr
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, width)
        decl = sd.one("declaration_date", n)
        if decl:
            body.append(decl.text)
        if y + (len(body) + 2.2) * lh > y_bot:
            return d, True
        gone = deleted_shown(a, tpl, e) if e.deleted_on else L("none")
        for c, s in ((0, f"{n:03d}"), (5, sd.registered[n]), (17, gone), (30, dev2.type_shown(e.type).upper())):
            put(c, s)
        y += lh
        for s in body:
            put(5, s)
            y += lh
        y += lh * 0.8
    put(0, "-" * cols)
    y += lh
    put(0, L("end"))
    d |= sd.kinds() | {"page_number"}
    return d, False


# --- (4) a printed form: numbering stamp, pen and typewriter ----------------------------------------------------
def sheet_stempel_formblatt(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    top = P(tpl.top)
    hand = dev2.pick(a, "s6sf_hand", tuple(dev.PENS))
    ink = 20 + dev2.akte_hash(a, "s6sf_ink") % 35
    hpt = pt * 1.2
    y = top + P(5)
    for i, s in enumerate(authority_lines(a)):  # the authority's own printed form
        pg.text(x0, y, s, fb if i == 0 else f, 11 if i == 0 else 9.5)
        y += P(4.6)
    # the number: a printed label, a numbering stamp's digits, a suffix added by pen
    digits, suffix = stamp_digits(a)
    bx = x1 - P(64)
    pg.rect((bx, top, x1, top + P(20)), 0.4)
    pg.text(bx + P(2.5), top + P(5.5), L("number"), f, 9)
    sx = bx + P(10)
    end = pg.text(sx, top + P(15), digits, "mono_bold", 17, fill=55 + dev2.akte_hash(a, "s6sf_st") % 30)
    if suffix:
        dev.pen(pg, end + P(2), top + P(15), suffix, hand, hpt * 1.2, ink)
    y = max(y, top + P(20)) + P(10)
    pg.text((x0 + x1) // 2, y, L("title"), fb, 18, anchor="ms")
    y += P(9)
    xm = pg.text(x0 + W * 0.25, y, L("muni"), f, 10)  # the municipality written in by pen
    pg.hline(xm + P(1), x0 + W * 0.75, y + P(0.6), 0.15, fill=60)
    dev.pen(pg, xm + P(4), y - P(0.6), municipality_name(a), hand, hpt, ink)
    y += P(6)
    pg.text((x0 + x1) // 2, y + P(1), f"{L('hausakte')} {a.aktenzeichen}", f, 9, anchor="ms")
    d.add("aktenzeichen")
    y += P(9)
    # the parcel box: three printed rows of blanks, filled by pen
    pg.text(x0, y, L("parcel_head"), fb, 10.5)
    y += P(2)
    rh = P(9)
    pg.rect((x0, y, x1, y + rh * 4), 0.35)
    gs = groups(a)
    if len(gs) > 3:
        return d, True
    for k in range(3):
        yy = y + rh * (k + 1) - P(2.2)
        xg = pg.text(x0 + P(2), yy, L("gem"), f, 9)
        pg.hline(xg + P(1), x0 + W * 0.36, yy + P(0.6), 0.15, fill=60)
        xf = pg.text(x0 + W * 0.38, yy, L("flur"), f, 9)
        pg.hline(xf + P(1), x0 + W * 0.5, yy + P(0.6), 0.15, fill=60)
        xn = pg.text(x0 + W * 0.52, yy, L("fst"), f, 9)
        pg.hline(xn + P(1), x1 - P(2), yy + P(0.6), 0.15, fill=60)
        if k < len(gs):
            gem, flur, fst = gs[k]
            dev.pen(pg, xg + P(3), yy - P(0.6), gem, hand, hpt, ink)
            dev.pen(pg, xf + P(3), yy - P(0.6), str(flur), hand, hpt, ink)
            dev.pen(pg, xn + P(3), yy - P(0.6), ", ".join(fst), hand, hpt, ink)
    yy = y + rh * 4 - P(2.2)
    xa = pg.text(x0 + P(2), yy, L("addr"), f, 9)
    pg.hline(xa + P(1), x1 - P(2), yy + P(0.6), 0.15, fill=60)
    if a.address:
        dev.pen(pg, xa + P(3), yy - P(0.6), a.address, hand, hpt, ink)
    y += rh * 4 + P(7)
    # the entries: texts typed, the day of entry and of deletion by pen
    xs = [x0 + round(W * c) for c in (0, 0.06, 0.7, 0.86)] + [x1]
    y_bot = pg.img.height - P(20)
    y = dev3.card_table(pg, xs, y, y_bot, [L(k).replace(" am", "\nam") if k == "rem" else L(k)
                                           for k in ("nr", "text", "reg", "rem")], f, 8, 0, 9)
    lh = pg.line_height(fv, pt, 1.3)
    y += lh
    pad = P(1.8)
    for e in a.entries:
        n = e.lfd_nr
        width = xs[2] - xs[1] - 2 * pad
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), fv, pt, width)
        plan = sd.one("plan_date", n)
        if plan:
            body.append(plan.text)
        rows = max(len(body), 4)
        if y + (rows + 0.8) * lh > y_bot - P(2):
            return d, True
        pg.typed(xs[0] + pad, y, f"{n}.", fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[1] + pad, y + i * lh, s, fv, pt)
        dev.pen(pg, xs[2] + pad, y + P(1), sd.registered[n], hand, hpt, ink)
        pg.signature(xs[2] + P(3), y + lh * 2.2, w_mm=15, h_mm=4.5, fill=ink)
        if e.deleted_on:
            dev.pen(pg, xs[3] + pad, y + P(1), deleted_shown(a, tpl, e), hand, hpt, ink)
            pg.signature(xs[3] + P(3), y + lh * 2.2, w_mm=13, h_mm=4, fill=ink)
            for k in range(2):  # struck out by pen, corner to corner
                ya, yb = (y - lh * 0.6, y + (len(body) - 1) * lh) if k == 0 else (y + (len(body) - 1) * lh,
                                                                                  y - lh * 0.6)
                pg.hand_line(xs[1] + pad, ya, xs[2] - pad, yb, w=0.35, fill=ink + 40)
        y += round((rows + 0.5) * lh)
        pg.hline(xs[0], x1, y - round(lh * 0.8), 0.2)
    edition = a.entries[0].registered_on.year - 1 - dev2.akte_hash(a, "s6sf_ed") % 5
    pg.text(x0, pg.img.height - P(14), f"{L('form')} ({edition})", f, 7)
    return d | sd.kinds(), False


SIXTH_RENDERERS = {"blatt_folio": sheet_blatt_folio, "register_software": sheet_register_software,
                   "pos_liste": sheet_pos_liste, "stempel_formblatt": sheet_stempel_formblatt}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout6's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
    entries, one to four parcels (on two Flure or, via ``spread``, in two Gemarkungen on some files), every number
    style."""
    if opts.get("is_baulast") is False:
        return kinds, opts
    n_entries = rng.choice((1, 1, 2, 2, 3))
    n_parcels = rng.choice((1, 1, 2, 2, 3, 4))
    return kinds, {**opts, "n_entries": n_entries, "deleted": n_entries > 1 and rng.random() < 0.5,
                   "n_parcels": n_parcels, "two_flure": n_parcels > 1 and rng.random() < 0.4,
                   "number_style": rng.choice(dev2.NUMBER_STYLES),
                   "gemarkungen": 2 if n_parcels > 1 and rng.random() < 0.3 else 1}


TEMPLATES.update(SIXTH_TEMPLATES)
