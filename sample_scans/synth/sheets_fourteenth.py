"""The heldout14 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all here.

The templates (``split="heldout14"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``FOURTEENTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import random

from PIL import Image, ImageChops, ImageDraw

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import FEMALE, FIRSTNAMES, KIND, PLZ, STREETS, SURNAMES, Akte, Entry, Parcel, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import FONT_FILES, Page

SPLIT = "heldout14"
dev = Later(".sheets_dev")  # pen, shield, ink_onto (read at call time: the tests watch pen)

FONT_FILES.setdefault("dv_sans_light", "DejaVuSans-ExtraLight.ttf")

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# the ways this split prints a day
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "long": lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",  # 14. Februar 1983
    "roman": lambda d: f"{d.day}.{ROMAN[d.month - 1]}.{d.year}",  # 14.II.1983
    "roman_short": lambda d: f"{d.day}.{ROMAN[d.month - 1]}.{d.year % 100:02d}",  # 14.II.83
    "padded": lambda d: f"{d.day:02d}. {d.month:02d}. {d.year}",  # 14. 02. 1983
}

FOURTEENTH_LABELS = {
    # (1) the authority's letter answering a notary's inquiry, the register's content in running text
    "X14_AL": {**_BASE, "title": "Auskunft aus dem Baulastenverzeichnis", "number": "Baulastenblatt mit der Nummer",
               "plot": "Grundstück in", "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "fsts": "Flurstücke",
               "yours": "Ihr Zeichen", "inquiry": "Ihre Nachricht vom", "mine": "Mein Zeichen",
               "clerk": "Auskunft erteilt", "room": "Zimmer", "phone": "Telefon", "date": "Datum",
               "reg": "in das Verzeichnis aufgenommen am", "decl": "Grundlage: Verpflichtungserklärung vom",
               "gone": "Diese Eintragung ist gelöscht worden am", "nr": "Lfd. Nr.", "gb": "Grundbuch von",
               "gb_blatt": "Blatt", "hello": "Sehr geehrte Damen und Herren,", "bye": "Mit freundlichen Grüßen",
               "ia": "Im Auftrag", "fee": "Verwaltungsgebühr", "cash": "Kassenzeichen",
               "hours": "Sprechzeiten: Mo.–Fr. 8.30–12.00 Uhr, Do. 14.00–17.30 Uhr"},
    # (2) a printed form of the 1950s-70s, each typed value on a line with its caption printed below it
    "X14_CB": {**_BASE, "title": "Baulastenverzeichnis", "number": "(Nummer dieses Blattes)",
               "office": "(Bauaufsichtsbehörde)", "muni": "(Gemeinde)", "plot": "Belastetes Grundstück",
               "gem": "(Gemarkung)", "flur": "(Flur)", "fst": "(Flurstück)", "addr": "(Straße und Hausnummer)",
               "gb": "(Grundbuch von)", "gb_blatt": "(Blatt)", "az": "(Aktenzeichen)", "entries": "Eintragungen",
               "lfd": "Lfd. Nr.", "decl": "Auf Grund der Verpflichtungserklärung vom", "reg": "(Tag des Eintrags)",
               "sig": "(Unterschrift)", "dele": "(Tag der Löschung)", "sketch": "Lageskizze (ohne Maßstab)",
               "form": "Vordruck Nr. 63/7 – Baulastenverzeichnis"},
    # (3) a landscape register folio with narrow columns whose heads stand on end, filled in on a daisy-wheel machine
    "X14_VH": {**_BASE, "title": "Baulastenregister", "number": "Registerblatt Nr.", "der": "der",
               "gb": "Grundbuch von", "gb_blatt": "Blatt", "az": "Az.", "addr": "Lage", "nr": "Lfd. Nr.",
               "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "kind": "Art der Baulast",
               "text": "Inhalt der Baulast",
               "ben": "Begünstigtes Grundstück", "reg": "Eintragungsvermerk (Tag, Unterschrift)",
               "dele": "Löschungsvermerk (Tag, Unterschrift)", "rem": "Bemerkungen", "ditto": "dto.",
               "decl": "Erkl. v.", "permit": "Bauschein", "gmk": "Gmk.", "fl": "Fl.", "flst": "Flst.",
               "page": "Seite", "form": "Vordruck BR 2"},
    # (4) a telex answering an inquiry, torn off the teleprinter's roll
    "X14_FS": {**_BASE, "number": "UNTER BLATT NR.", "nr": "FS-NR.", "to": "AN:", "from": "VON:", "az": "AZ.:",
               "subject": "BETR.: BAULASTENAUSKUNFT", "ref": "BEZUG: DORT. FS VOM", "gem": "GEMARKUNG",
               "flur": "FLUR", "fst": "FLURSTUECK", "fsts": "FLURSTUECKE", "reg": "EINGETR.", "decl": "ERKL. VOM",
               "for": "ZUGUNSTEN", "dele": "GELOESCHT AM", "gb": "GRUNDBUCH VON", "gb_blatt": "BLATT",
               "bye": "MFG", "ia": "I.A.", "end": "+", "notary": "NOTAR"},
    # (5) a printed Auskunft form, the values printed into it by the office's printer, out of register
    "X14_VF": {**_BASE, "title": "Auskunft aus dem Baulastenverzeichnis", "number": "Fundstelle (Blatt-Nr.)",
               "who": "Antragsteller (Name, Anschrift)", "applied": "Antrag vom", "az": "Aktenzeichen",
               "muni": "Gemeinde", "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück(e)",
               "addr": "Lage (Straße, Hausnummer)", "none": "Für das o. g. Grundstück sind im Baulastenverzeichnis "
               "keine Baulasten eingetragen.", "some": "Für das o. g. Grundstück sind im Baulastenverzeichnis die "
               "nachstehenden Baulasten eingetragen:", "nr": "Lfd. Nr.", "kind": "Art der Baulast",
               "ben": "Begünstigtes Grundstück", "reg": "Eintragung erfolgt am", "dele": "Gelöscht am",
               "rem": "Bemerkungen", "waive": "Verzicht der Bauaufsichtsbehörde vom", "copy":
               "Eine Abschrift des Baulastenblattes liegt bei:", "yes": "ja", "no": "nein", "fee": "Gebühr",
               "cash": "Kassenzeichen", "issued": "Ort, Datum", "sign": "Unterschrift / Siegel",
               "form": "Vordruck BA 63.07", "note": "Hinweis: Baulasten werden nicht in das Grundbuch eingetragen. "
               "Die Auskunft gibt den Inhalt des Baulastenverzeichnisses am Tag ihrer Ausstellung wieder; über "
               "privatrechtliche Rechte und Pflichten (Grunddienstbarkeiten) gibt sie keine Auskunft."},
}
LABELS.update(FOURTEENTH_LABELS)

FOURTEENTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("al_x14", "computer_print", "X14_AL", "free_serif", "free_serif_bold", "free_serif", pt=10.5, margin=20,
             top=10, years=(1994, 2024), split=SPLIT, renderer="x14_auskunft_letter"),
    Template("cb_x14", "typewriter_form", "X14_CB", "free_serif", "free_serif_bold", "dv_mono", pt=10, margin=18,
             top=12, years=(1956, 1981), split=SPLIT, renderer="x14_caption_below"),
    Template("vh_x14", "typewriter_form", "X14_VH", "dv_cond", "dv_cond_bold", "serif", pt=8.5, margin=10, top=9,
             years=(1969, 1995), split=SPLIT, renderer="x14_vertical_heads", landscape=True),
    Template("fs_x14", "typewriter_form", "X14_FS", "mono", "mono_bold", "mono", pt=10.5, margin=22, top=8,
             years=(1972, 1987), split=SPLIT, renderer="x14_telex"),
    Template("vf_x14", "modern_grid", "X14_VF", "dv_sans", "dv_sans_bold", "mono", pt=9.5, margin=15, top=10,
             years=(1995, 2016), split=SPLIT, renderer="x14_overprinted_form"),
)}


# --- what each template prints --------------------------------------------------------------------------------
def draws(a: Akte, salt: str) -> random.Random:
    """A random source of this Akte and salt only: the same on every attempt at a smaller size and in every test."""
    return random.Random(f"x14|{salt}|{a.aktenzeichen}|{a.register_number}|{a.municipality}")


def pick(a: Akte, salt: str, options):
    return draws(a, salt).choice(options)


def akte_hash(a: Akte, salt: str) -> int:
    return draws(a, salt).getrandbits(32)


def era(a: Akte, opts: dict) -> Akte:
    """Where the file's draws ask for it (``until``, a year): every later registration and every deletion that falls
    after that year moved into the years before its end, in their order, each on a day of its own (the telex answers
    an inquiry of its own years and knows nothing later). Draws nothing."""
    until = opts.get("until")
    if not a.is_baulast or not until:
        return a
    end = dt.date(until, 12, 31)
    n = len(a.entries)
    prev = a.entries[0].registered_on
    for i, e in enumerate(a.entries[1:], start=1):
        limit = end - dt.timedelta(days=120 + 400 * (n - 1 - i))
        if not prev + dt.timedelta(days=30) <= e.registered_on <= limit:
            room = max(1, (limit - prev).days - 30)
            e.registered_on = prev + dt.timedelta(days=30 + akte_hash(a, f"x14_era{i}") % room)
        prev = e.registered_on
    days = {e.registered_on for e in a.entries}
    for e in a.entries:
        if e.deleted_on and (e.deleted_on > end or e.deleted_on <= e.registered_on or e.deleted_on in days):
            room = max(1, (end - e.registered_on).days - 60)
            day = e.registered_on + dt.timedelta(days=60 + akte_hash(a, f"x14_era_del{e.lfd_nr}") % room)
            while day in days:
                day += dt.timedelta(days=1)
            e.deleted_on = day
    return a


def spread(a: Akte, opts: dict) -> Akte:
    """The file's dates and parcels as its draws ask: within the years ``until`` allows (``era``), then in a second
    Gemarkung (as dev7 spreads them). Draws nothing."""
    return dev7.spread(era(a, opts), opts)


def groups(a: Akte) -> list[tuple[str, int, list[str]]]:
    """[(Gemarkung, Flur, [Flurstück, ...]), ...] in printed order."""
    return dev7.groups(a)


def municipality_name(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


def ascii_upper(s: str) -> str:
    """As a teleprinter writes a word: capitals, 'UE' for 'Ü', 'SS' for 'ß'."""
    return s.upper().translate(str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS", "–": "-", "²": "2"}))


def show(fmt: str, day: dt.date) -> str:
    return FORMATS[fmt](day)


def said(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(fmt, day), before, after, lfd_nr)


def reg_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints its entries' registration days."""
    r = tpl.renderer
    if r == "x14_auskunft_letter":
        return "long"
    if r == "x14_caption_below":
        return pick(a, "x14cb_fmt", ("roman", "roman_short", "roman"))
    if r == "x14_vertical_heads":
        return "padded"
    if r == "x14_telex":
        return "short"
    return pick(a, "x14vf_fmt", ("numeric", "numeric", "short"))


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = reg_fmt(a, tpl)
    return {e.lfd_nr: show(fmt, e.registered_on) for e in a.entries}


def number_shown(a: Akte, tpl: Template) -> str:
    """The register number as the sheet prints it (the teleprinter in capitals)."""
    if tpl.renderer == "x14_telex":
        return a.register_display.upper()
    return a.register_display


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout14 sheet of this Akte prints besides the Eintragungsdaten."""
    L, r, ms = tpl.label, tpl.renderer, []
    fmt = reg_fmt(a, tpl)
    if r == "x14_auskunft_letter":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", ".", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, L("gone") + " ", ".", e.lfd_nr))
        asked = dev3.after_all(a, ms, "x14al_inq")
        ms.append(said("inquiry_date", asked, "numeric"))
        ms.append(said("letter_date", dev3.offset(a, "x14al_date", asked, 3, 24), "numeric"))
    elif r == "x14_caption_below":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", ":", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
    elif r == "x14_vertical_heads":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
    elif r == "x14_telex":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, L("dele") + " ", "", e.lfd_nr))
        asked = dev3.after_all(a, ms, "x14fs_ref")
        ms.append(said("inquiry_date", asked, fmt, L("ref") + " "))
        ms.append(said("telex_date", dev3.offset(a, "x14fs_sent", asked, 1, 9), fmt))
    else:
        for e in a.entries:
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
                ms.append(said("waiver_date", dev3.waived(a, e), fmt, L("waive") + " ", "", e.lfd_nr))
        asked = dev3.after_all(a, ms, "x14vf_app")
        ms.append(said("application_date", asked, fmt))
        ms.append(said("issue_date", dev3.offset(a, "x14vf_issued", asked, 2, 20), fmt, f"{dev3.place(a)}, "))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), fmt)


def benefit_of(a: Akte, e: Entry) -> Parcel | None:
    return a.benefit if a.benefit and e.type != "Vereinigungsbaulast" else None


def fst_word(L, fst: list[str]) -> str:
    return L("fsts") if len(fst) > 1 else L("fst")


def kept(pg: Page, s: str, keep: tuple[str, ...], font: str, pt: float, width: float) -> list[str]:
    """s wrapped to width, with each of `keep` (a number, a date) never split over two lines."""
    for k in keep:
        s = s.replace(k, k.replace(" ", "\x00"))  # glued: str.split() does not break at it
    return [line.replace("\x00", " ") for line in pg.wrap(s, font, pt, width)]


def onto_layer(pg: Page, layer: Image.Image) -> tuple:
    """Let the page's drawing calls draw onto `layer` for a while; returns what to give back to ``back``."""
    saved = pg.img, pg.draw
    pg.img, pg.draw = layer, ImageDraw.Draw(layer)
    return saved


def back(pg: Page, saved: tuple) -> None:
    pg.img, pg.draw = saved


def multiply_onto(pg: Page, layer: Image.Image, x: int, y: int) -> None:
    """Print a layer (dark on white) onto the page at (x, y), over what is there."""
    box = (x, y, x + layer.width, y + layer.height)
    pg.img.paste(ImageChops.multiply(pg.img.crop(box), layer), box[:2])
    pg.draw = ImageDraw.Draw(pg.img)


# --- (1) the authority's letter answering a notary's inquiry ------------------------------------------------------
NOTARY_PLACES = (("Neuss", "41460"), ("Düsseldorf", "40212"), ("Mönchengladbach", "41061"), ("Grevenbroich", "41515"),
                 ("Dormagen", "41539"), ("Meerbusch", "40667"))


def notary(a: Akte) -> list[str]:
    """The notaries who asked: their office's address in the letter's window."""
    one, two = draws(a, "x14_notary").sample(SURNAMES, 2)
    place, plz = pick(a, "x14_notary_place", NOTARY_PLACES)
    street = f"{pick(a, 'x14_notary_street', STREETS)} {1 + akte_hash(a, 'x14_notary_no') % 80}"
    return ["Notariat", f"Dr. {one} und {two}", street, f"{plz} {place}"]


def notary_reference(a: Akte, year: int) -> str:
    """The notaries' own file number, as they gave it ('412/99 Sch'): shaped like a register number."""
    return f"{100 + akte_hash(a, 'x14_ur') % 1400}/{year % 100:02d} {pick(a, 'x14_ur_k', ('Sch', 'K', 'Dr.B', 'M'))}"


def clerk_name(a: Akte) -> tuple[str, str]:
    """(the clerk as the info block names her or him, the name typed under the signature)."""
    first = pick(a, "x14_clerk_first", FIRSTNAMES)
    last = pick(a, "x14_clerk_last", SURNAMES)
    return f"{'Frau' if first in FEMALE else 'Herr'} {last}", f"{first} {last}"


def phone(a: Akte, salt: str) -> str:
    return f"{dev2.AREA_CODE[a.municipality]} {100 + akte_hash(a, salt) % 800}-{10 + akte_hash(a, salt + 'x') % 90}"


def fee(a: Akte, year: int) -> str:
    amount = pick(a, "x14_fee", ("20,00", "25,00", "30,00", "35,00"))
    return f"{amount} {'DM' if year < 2002 else 'EUR'}"


def cash_reference(a: Akte) -> str:
    return f"5.{61000 + akte_hash(a, 'x14_kz') % 900}.{akte_hash(a, 'x14_kz2') % 1000000:06d}"


def bank_line(a: Akte, year: int) -> str:
    acct = 100000 + akte_hash(a, "x14_acct") % 899999
    if year < 2014:
        return f"Sparkasse Neuss · BLZ 305 500 00 · Konto {acct}"
    check = 10 + akte_hash(a, "x14_iban") % 89
    return f"Sparkasse Neuss · IBAN DE{check} 3055 0000 0000 {acct // 100:04d} {acct % 100:02d}"


def sheet_auskunft_letter(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L = pg.px, tpl.label
    d = {"aktenzeichen", "phone_number", "postcode", "reference_number", "fee", "cash_reference", "bank_account"}
    sd = sheet_dates(a, tpl)
    dated = sd.one("letter_date")
    year = dated.day.year
    f, fb = (tpl.form_font, tpl.bold_font) if year < 2002 else ("sans", "sans_bold")
    x0, x1 = P(25), pg.img.width - P(tpl.margin)
    W = x1 - x0
    lh = pg.line_height(f, pt, 1.3)
    auth = dev2.period_authority(a, year)
    # the fold and punch marks at the left edge
    for y_mm in (105, 148.5, 210):
        pg.hline(P(4), P(9 if y_mm == 148.5 else 7), P(y_mm), 0.2, fill=90)
    # the letterhead: the authority to the right, its arms beside it
    y = P(tpl.top) + P(8)
    pg.text(x1, y, auth[0], fb, 16, anchor="rs")
    head_w = pg.width(auth[0], fb, 16)
    dev.shield(pg, round(x1 - head_w - P(16)), round(y - P(9)), P(10), P(12))
    for i, s in enumerate(auth[1:]):
        pg.text(x1, y + P(6) + i * P(4.5), s, f, 10, anchor="rs")
    pg.hline(x0, x1, y + P(6) + len(auth[1:]) * P(4.5), 0.3)
    # the window: the return line, the notaries' address
    street = pick(a, "x14al_street", ("Am Neumarkt 2", "Rathausplatz 1", "Markt 2", "Oberstraße 7", "Lindenstraße 10"))
    plz = PLZ["Grevenbroich"] if a.by_kreis else PLZ[a.municipality]
    ret = f"{auth[0]} · {street} · {plz} {dev3.place(a)}"
    yw = P(50)
    pg.text(x0, yw, ret, f, 7)
    pg.hline(x0, x0 + pg.width(ret, f, 7), yw + P(0.8), 0.1)
    for i, s in enumerate(notary(a)):
        pg.text(x0, yw + P(7) + i * P(4.8), s, f, 10.5)
    # the info block
    clerk, signer = clerk_name(a)
    info = [(L("yours"), notary_reference(a, sd.one("inquiry_date").day.year)),
            (L("inquiry"), sd.one("inquiry_date").text), (L("mine"), a.aktenzeichen), (L("clerk"), clerk),
            (L("room"), str(100 + akte_hash(a, "x14al_room") % 320)), (L("phone"), phone(a, "x14al_ph")),
            (L("date"), dated.text)]
    xi = x0 + P(100)
    yi = P(52)
    for k, v in info:
        pg.text(xi, yi, k, f, 7.5, fill=80)
        pg.text(xi + P(30), yi, v, f, 9)
        yi += P(4.6)
    # the subject: what was asked about
    y = P(100)
    pg.text(x0, y, L("title"), fb, pt * 1.05)
    y += lh
    where = f"{L('plot')} {a.municipality}" + (f", {a.address}" if a.address else "")
    pg.text(x0, y, where, fb, pt)
    y += lh
    for g, flur, fst in groups(a):
        for s in kept(pg, f"{L('gem')} {g}, {L('flur')} {flur}, {fst_word(L, fst)} {dev2.words_list(fst, 'und')}",
                      (), fb, pt, W):
            pg.text(x0, y, s, fb, pt)
            y += lh
    if a.grundbuch:
        pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
        d.add("grundbuch_blatt")
        y += lh
    y += lh
    pg.text(x0, y, L("hello"), f, pt)
    y += round(lh * 1.6)
    keeper = dev2.genitive(auth[0] if a.by_kreis else municipality_name(a))
    number = f"{L('number')} {a.register_display}"
    intro = (f"auf Ihre o. g. Anfrage teile ich Ihnen mit, dass im Baulastenverzeichnis {keeper} für das oben "
             f"bezeichnete Grundstück auf dem {number} folgende Baulasten eingetragen sind:")
    for s in kept(pg, intro, (number,), f, pt, W):
        pg.text(x0, y, s, f, pt)
        y += lh
    y += round(lh * 0.5)
    closing_h = 9 * lh + P(26)
    y_bot = pg.img.height - P(22) - closing_h
    ind = P(8)
    for e in a.entries:
        n = e.lfd_nr
        reg = f"{L('reg')} {sd.registered[n]}"
        head = kept(pg, f"{L('nr')} {n} – {dev2.type_shown(e.type)}, {reg}:", (reg,), fb, pt, W)
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, W - ind)
        decl = sd.one("declaration_date", n)
        tail = [(s, f) for s in kept(pg, decl.text, (decl.shown,), f, pt, W - ind)]
        gone = sd.one("deletion_date", n)
        if gone:
            tail += [(s, fb) for s in kept(pg, gone.text, (gone.shown,), fb, pt, W - ind)]
        if y + (len(head) + len(body) + len(tail)) * lh > y_bot:
            return d, True
        for s in head:
            pg.text(x0, y, s, fb, pt)
            y += lh
        for s in body:
            pg.text(x0 + ind, y, s, f, pt)
            y += lh
        for s, font in tail:
            pg.text(x0 + ind, y, s, font, pt)
            y += lh
        y += round(lh * 0.4)
    y += round(lh * 0.3)
    rest = (f"Weitere Eintragungen enthält das Baulastenblatt nicht. Für diese Auskunft wird eine {L('fee')} von "
            f"{fee(a, year)} erhoben. Bitte überweisen Sie den Betrag innerhalb von 14 Tagen unter Angabe des "
            f"{L('cash')}s {cash_reference(a)}.")
    for s in kept(pg, rest, (cash_reference(a), fee(a, year)), f, pt, W):
        pg.text(x0, y, s, f, pt)
        y += lh
    y += lh
    pg.text(x0, y, L("bye"), f, pt)
    pg.text(x0, y + lh, L("ia"), f, pt)
    pg.signature(x0 + P(2), y + lh + P(11), w_mm=32, h_mm=7, fill=35)
    pg.text(x0, y + lh + P(16), signer, f, pt)
    # the foot: address, hours, bank
    yf = pg.img.height - P(18)
    pg.hline(x0, x1, yf - P(4), 0.15, fill=120)
    pg.text(x0, yf, f"{auth[0]} · {street} · {plz} {dev3.place(a)} · {L('phone')} {phone(a, 'x14al_main')}", f, 7)
    pg.text(x0, yf + P(3.5), L("hours"), f, 7)
    pg.text(x0, yf + P(7), bank_line(a, year), f, 7)
    pg.text(x1, yf + P(7), f"{L('page')} {page_no}", f, 7, anchor="rs")
    d.add("page_number")
    return d | sd.kinds(), False


# --- (2) a printed form, each typed value on a line with its caption printed below it -----------------------------
def neighbour_numbers(a: Akte, k: int) -> list[str]:
    """Flurstück numbers for the sketch's other parcels: near the burdened one's, never one of the sheet's parcels."""
    taken = {p.flurstueck for p in a.parcels} | ({a.benefit.flurstueck} if a.benefit else set())
    base = int(a.parcels[0].flurstueck.split("/")[0])
    out: list[str] = []
    i = 0
    while len(out) < k:
        h = akte_hash(a, f"x14cb_nb{i}")
        z = max(1, base + (h % 31) - 15)
        s = f"{z}/{1 + h // 31 % 9}" if h % 3 == 0 else str(z)
        if s not in taken and s not in out:
            out.append(s)
        i += 1
    return out


def sketch(pg: Page, tpl: Template, a: Akte, box: tuple[int, int, int, int], hand: str, ink: int) -> None:
    """The clerk's sketch of where the Baulast lies: a row of parcels along the street, the burdened ones hatched,
    each parcel with its number, the street's name, a north arrow."""
    P = pg.px
    bx0, by0, bx1, by1 = box
    pg.rect(box, 0.25)
    pg.text(bx0 + P(2), by0 + P(4), tpl.label("sketch"), tpl.form_font, 7.5)
    first = [p for p in a.parcels if (p.gemarkung, p.flur) == (a.parcels[0].gemarkung, a.parcels[0].flur)][:2]
    ben = a.benefit if a.benefit and (a.benefit.gemarkung, a.benefit.flur) == (first[0].gemarkung, first[0].flur) \
        else None
    others = neighbour_numbers(a, 3)
    cells = [others[0]] + [p.flurstueck for p in first] + [ben.flurstueck if ben else others[1], others[2]]
    n = len(cells)
    sx0, sx1 = bx0 + P(10), bx1 - P(22)
    sy0, sy1 = by0 + P(9), by1 - P(13)
    xs = [sx0 + (sx1 - sx0) * i / n + (P(draws(a, f"x14cb_x{i}").uniform(-2, 2)) if 0 < i < n else 0)
          for i in range(n + 1)]
    for i, label in enumerate(cells):
        x_a, x_b = xs[i], xs[i + 1]
        pg.hand_line(x_a, sy0, x_b, sy0, 0.3, fill=ink)
        pg.hand_line(x_a, sy0, x_a, sy1, 0.3, fill=ink)
        if 1 <= i <= len(first):  # the burdened parcels, hatched
            step = P(3)
            k = x_a + step
            while k < x_b:
                pg.draw.line([(k, sy1), (min(x_b, k + (sy1 - sy0) * 0.5), sy1 - min(sy1 - sy0, (x_b - k) * 2))],
                             fill=ink + 60, width=max(1, P(0.2)))
                k += step
        dev.pen(pg, (x_a + x_b) / 2 - pg.width(label, hand, 9) / 2, (sy0 + sy1) / 2 + P(1.5), label, hand, 9, ink)
    pg.hand_line(xs[-1], sy0, xs[-1], sy1, 0.3, fill=ink)
    pg.hand_line(sx0 - P(4), sy1, sx1 + P(4), sy1, 0.35, fill=ink)
    pg.hand_line(sx0 - P(4), sy1 + P(8), sx1 + P(4), sy1 + P(8), 0.35, fill=ink)
    street = a.address.rsplit(" ", 1)[0] if a.address else pick(a, "x14cb_street", STREETS)
    dev.pen(pg, (sx0 + sx1) / 2 - pg.width(street, hand, 9) / 2, sy1 + P(5.5), street, hand, 9, ink)
    nx, ny = bx1 - P(11), by0 + P(16)
    pg.hand_line(nx, ny + P(8), nx, ny - P(4), 0.35, fill=ink)
    pg.draw.polygon([(nx, ny - P(6)), (nx - P(1.6), ny - P(2)), (nx + P(1.6), ny - P(2))], fill=ink)
    dev.pen(pg, nx - P(1.5), ny - P(7.5), "N", hand, 9, ink)


def sheet_caption_below(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "form_number"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.45)
    cap = 6.5  # the captions' size
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    hand = pick(a, "x14cb_hand", ("free_serif_italic", "serif_italic"))
    ink = 35 + akte_hash(a, "x14cb_ink") % 40

    def field(x: float, y: float, width: float, value: str, caption: str, size: float = pt) -> None:
        """A typed value on a printed line, its caption printed small below the line, centred."""
        if value:
            pg.typed(x + P(2), y, value, fv, size)
        pg.hline(x, x + width, y + P(1.2), 0.15)
        pg.text(x + width / 2, y + P(4.2), caption, f, cap, anchor="ms")

    def fit(value: str, width: float, size: float) -> float:
        """The size at which a typed value fits its line."""
        return min(size, size * (width - P(4)) / max(1, len(value) * pg.width("M", fv, size)))

    y = P(tpl.top) + P(6)
    office = " – ".join((auth[0], auth[-1]))
    field(x0, y, W * 0.56, office, L("office"), fit(office, W * 0.56, pt * 0.9))
    field(x0 + W * 0.64, y, W * 0.36, a.register_display, L("number"), pt * 1.3)
    y += P(12)
    field(x0, y, W * 0.4, a.aktenzeichen, L("az"), pt * 0.9)
    d.add("aktenzeichen")
    y += P(14)
    pg.text((x0 + x1) // 2, y, L("title"), fb, 17, anchor="ms")
    y += P(10)
    field(x0 + W * 0.3, y, W * 0.4, a.municipality, L("muni"))
    y += P(11)
    pg.text(x0, y, L("plot"), fb, 10.5)
    y += P(8)
    for g, flur, fst in groups(a):
        fsts = ", ".join(fst)
        field(x0, y, W * 0.36, g, L("gem"))
        field(x0 + W * 0.39, y, W * 0.12, str(flur), L("flur"))
        field(x0 + W * 0.54, y, W * 0.46, fsts, L("fst"))
        y += P(10)
    field(x0, y, W * 0.55, a.address or "", L("addr"))
    gb = a.grundbuch or ("", "")
    field(x0 + W * 0.6, y, W * 0.26, gb[0], L("gb"))
    field(x0 + W * 0.89, y, W * 0.11, gb[1], L("gb_blatt"))
    if a.grundbuch:
        d.add("grundbuch_blatt")
    y += P(12)
    # the entries: typed blocks on the form's ruled lines, each closed by its date line and signature line
    pg.text(x0, y, L("entries"), fb, 10.5)
    pg.hline(x0, x1, y + P(1.5), 0.3)
    y += P(4) + lh
    draw_sketch = pick(a, "x14cb_sketch", (True, True, False))
    y_bot = pg.img.height - P(16) - (P(52) if draw_sketch else 0)
    ind = round(pg.width("M", fv, pt) * (len(L("lfd")) + 3))
    for e in a.entries:
        n = e.lfd_nr
        decl = sd.one("declaration_date", n)
        text = kept(pg, decl.text, (decl.shown,), fv, pt, W - ind) + pg.wrap(
            dev2.period_text(e.text, e.registered_on.year), fv, pt, W - ind)
        gone = sd.one("deletion_date", n)
        need = len(text) * lh + P(10) + (P(10) if gone else 0)
        if y + need > y_bot:
            return d, True
        pg.typed(x0, y, f"{L('lfd')} {n}", fv, pt)
        for i, s in enumerate(text):
            pg.typed(x0 + ind, y + i * lh, s, fv, pt)
        if gone:  # struck out by a ruler, corner to corner
            pg.draw.line([(x0 + ind, y - lh * 0.6), (x1, y + (len(text) - 1) * lh)], fill=ink + 40,
                         width=max(1, P(0.3)))
        y += (len(text) - 1) * lh + P(8)
        field(x0 + ind, y, W * 0.3, sd.registered[n], L("reg"))
        field(x0 + ind + W * 0.4, y, W * 0.35, "", L("sig"))
        pg.signature(x0 + ind + W * 0.45, y, w_mm=26, h_mm=5, fill=ink)
        if gone:
            y += P(10)
            field(x0 + ind, y, W * 0.3, gone.shown, L("dele"))
            field(x0 + ind + W * 0.4, y, W * 0.35, "", L("sig"))
            pg.signature(x0 + ind + W * 0.45, y, w_mm=22, h_mm=5, fill=ink)
        y += P(6) + lh
    if draw_sketch:
        d.add("sketch_parcel_numbers")
        sketch(pg, tpl, a, (x0, pg.img.height - P(64), x1, pg.img.height - P(16)), hand, ink)
    pg.text(x0, pg.img.height - P(9), L("form"), f, 6.5)
    return d | sd.kinds(), False


# --- (3) a landscape register folio whose narrow columns' heads stand on end ------------------------------------------
def upright(pg: Page, x: float, y: float, s: str, font: str, size: float, fill: int = 0) -> None:
    """s printed bottom to top, the foot of its first letter at (x, y) (x is where its baseline runs up)."""
    f = pg.font(font, size)
    asc, desc = f.getmetrics()
    w, h = int(f.getlength(s)) + 4, asc + desc + 4
    layer = Image.new("L", (w, h), 255)
    saved = onto_layer(pg, layer)
    pg.text(2, 2 + asc, s, font, size, fill=fill)
    back(pg, saved)
    turned = layer.rotate(90, expand=True)
    multiply_onto(pg, turned, round(x - 2 - asc), round(y - w + 2))


def daisy(pg: Page, x: float, y: float, s: str, font: str, pt: float) -> float:
    """A daisy-wheel typewriter's line: proportional letters, the line a shade darker or lighter than the next, a
    little off its baseline; returns the end x."""
    rng = pg.rng
    shade = int(min(90, max(10, rng.gauss(38, 12))))
    return pg.text(x + rng.choice((0, 0, 1)), y + rng.choice((-1, 0, 0, 1)), s, font, pt, fill=shade)


def ben_phrase(L, b: Parcel) -> str:
    return f"{L('gmk')} {b.gemarkung}, {L('fl')} {b.flur}, {L('flst')} {b.flurstueck}"


def kind_cell(pg: Page, kind: str, font: str, pt: float, width: float) -> list[str]:
    """A Baulast's kind in a narrow column: a word too long for it broken before '-baulast', as a typist would."""
    lines = pg.wrap(kind, font, pt, width)
    out: list[str] = []
    for s in lines:
        if pg.width(s, font, pt) > width and s.endswith("baulast") and len(s) > len("baulast"):
            out += [s[: -len("baulast")] + "-", "baulast"]
        else:
            out.append(s)
    return out


VH_COLS = (("nr", 0.035, True), ("gem", 0.10, True), ("flur", 0.035, True), ("fst", 0.075, True),
           ("kind", 0.095, False), ("text", 0.29, False), ("ben", 0.11, False), ("reg", 0.095, False),
           ("dele", 0.085, False), ("rem", 0.08, False))


def sheet_vertical_heads(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number", "column_numbers", "form_number"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.25)
    top = P(tpl.top)
    # the head: the register's title with the municipality typed in, the number's box, Grundbuch and Az. lines
    y = top + P(7)
    end = pg.text(x0, y, L("title"), fb, 17)
    end = pg.text(end + P(4), y, L("der"), f, 11)
    pg.hline(end + P(2), end + P(75), y + P(1), 0.15)
    daisy(pg, end + P(5), y - P(0.3), municipality_name(a), fv, pt * 1.3)
    bw = P(62)
    pg.rect((x1 - bw, top, x1, top + P(12)), 0.5)
    pg.text(x1 - bw + P(2.5), top + P(7.5), L("number"), fb, 10)
    daisy(pg, x1 - bw + P(2.5) + pg.width(L("number"), fb, 10) + P(4), top + P(8), a.register_display, fv, pt * 1.6)
    y += P(9)
    end = pg.text(x0, y, L("gb"), f, 9)
    pg.hline(end + P(2), end + P(50), y + P(1), 0.15)
    e2 = pg.text(end + P(53), y, L("gb_blatt"), f, 9)
    pg.hline(e2 + P(2), e2 + P(22), y + P(1), 0.15)
    if a.grundbuch:
        daisy(pg, end + P(4), y - P(0.3), a.grundbuch[0], fv, pt)
        daisy(pg, e2 + P(4), y - P(0.3), a.grundbuch[1], fv, pt)
        d.add("grundbuch_blatt")
    e3 = pg.text(e2 + P(32), y, L("az"), f, 9)
    pg.hline(e3 + P(2), e3 + P(45), y + P(1), 0.15)
    daisy(pg, e3 + P(4), y - P(0.3), a.aktenzeichen, fv, pt)
    e4 = pg.text(e3 + P(52), y, L("addr"), f, 9)
    pg.hline(e4 + P(2), x1, y + P(1), 0.15)
    if a.address:
        daisy(pg, e4 + P(4), y - P(0.3), a.address, fv, pt)
    y += P(4)
    # the printed table: heads on end in the narrow columns, across in the wide ones, a row of column numbers
    xs = [x0]
    for _, w, _ in VH_COLS:
        xs.append(xs[-1] + round(W * w))
    xs[-1] = x1
    head_h = P(30)
    y_tab = y
    y_bot = pg.img.height - P(14)
    pg.rect((x0, y_tab, x1, y_bot), 0.45)
    for xx in xs[1:-1]:
        pg.vline(xx, y_tab, y_bot, 0.2)
    for i, (key, _, up) in enumerate(VH_COLS):
        label = L(key)
        if up:
            fs = 7.5
            words = label if pg.width(label, f, fs) < head_h - P(3) else label.replace(" ", "\n", 1)
            lines = words.split("\n")
            for j, s in enumerate(lines):
                xx = (xs[i] + xs[i + 1]) / 2 + (j - (len(lines) - 1) / 2) * P(3.2) + P(1.2)
                upright(pg, xx, y_tab + head_h - P(2), s, f, fs)
        else:
            room = xs[i + 1] - xs[i] - P(2)
            fs = min(7.5, 7.5 * room / max(pg.width(w, f, 7.5) for w in label.split()))
            lines = [t for s in label.replace(" (", "\n(").split("\n") for t in pg.wrap(s, f, fs, room)]
            y0 = y_tab + head_h / 2 - (len(lines) - 1) * P(1.6)
            for j, s in enumerate(lines):
                pg.text((xs[i] + xs[i + 1]) // 2, y0 + j * P(3.2) + P(1), s, f, fs, anchor="ms")
    pg.hline(x0, x1, y_tab + head_h, 0.3)
    for i in range(len(VH_COLS)):
        pg.text((xs[i] + xs[i + 1]) // 2, y_tab + head_h + P(3.3), str(i + 1), f, 6.5, anchor="ms")
    pg.hline(x0, x1, y_tab + head_h + P(4.5), 0.3)
    y = y_tab + head_h + P(4.5) + lh
    pad = P(1.2)

    def cell(i: int, s: str) -> list[str]:
        return pg.wrap(s, fv, pt, xs[i + 1] - xs[i] - 2 * pad)

    for e in a.entries:
        n = e.lfd_nr
        cols: dict[int, list[str]] = {0: [f"{n}"]}
        if n == 1:
            cols[1], cols[2], cols[3] = [], [], []
            for g, flur, fst in groups(a):
                gl = cell(1, g)
                fl = cell(3, ", ".join(fst))
                rows = max(len(gl), len(fl))
                cols[1] += gl + [""] * (rows - len(gl))
                cols[2] += [str(flur)] + [""] * (rows - 1)
                cols[3] += fl + [""] * (rows - len(fl))
        else:
            cols[1], cols[2], cols[3] = [L("ditto")], [L("ditto")], [L("ditto")]
        cols[4] = kind_cell(pg, dev2.type_shown(e.type), fv, pt, xs[5] - xs[4] - 2 * pad)
        cols[5] = cell(5, dev2.period_text(e.text, e.registered_on.year))
        b = benefit_of(a, e)
        cols[6] = cell(6, ben_phrase(L, b)) if b else ["–"]
        cols[7] = [sd.registered[n], "", ""]
        gone = sd.one("deletion_date", n)
        cols[8] = [gone.shown, "", ""] if gone else []
        decl = sd.one("declaration_date", n)
        cols[9] = cell(9, L("decl")) + [decl.shown]
        if pick(a, f"x14vh_permit{n}", (True, False)):
            cols[9] += cell(9, f"{L('permit')} {dev3.permit_number(a, e)}")
            d.add("permit_number")
        rows = max(len(v) for v in cols.values())
        if y + (rows - 1) * lh > y_bot - P(2):
            return d, True
        for i in range(len(VH_COLS)):  # column by column, top down, as the row's cells were typed
            for j, s in enumerate(cols.get(i, [])):
                if s:
                    daisy(pg, xs[i] + pad, y + j * lh, s, fv, pt)
        pg.signature(xs[7] + pad + P(1), y + lh * 1.6, w_mm=min(14, (xs[8] - xs[7]) * 25.4 / pg.dpi - 4), h_mm=3.5)
        if gone:
            pg.signature(xs[8] + pad + P(1), y + lh * 1.6, w_mm=min(12, (xs[9] - xs[8]) * 25.4 / pg.dpi - 4),
                         h_mm=3.5)
            for p0, p1 in (((xs[4] + pad, y - lh * 0.7), (xs[6] - pad, y + (len(cols[5]) - 1) * lh)),):
                pg.draw.line([p0, p1], fill=70, width=max(1, P(0.3)))
        y += rows * lh
        pg.hline(x0, x1, y - round(lh * 0.6), 0.2)
        y += round(lh * 0.5)
    pg.text(x0, pg.img.height - P(8), L("form"), f, 6.5)
    pg.text(x1, pg.img.height - P(8), f"{L('page')} {page_no}", f, 8, anchor="rs")
    return d | sd.kinds(), False


# --- (4) a telex answering an inquiry, torn off the teleprinter's roll ------------------------------------------------
TELEX_LINE = 69  # characters a teleprinter's line holds


def answerback(a: Akte, salt: str, name: str) -> str:
    """A telex subscriber's answerback: number, short name, country letter."""
    return f"{8510000 + akte_hash(a, salt) % 89999} {name} d"


def telex_lines(a: Akte, tpl: Template) -> list[str]:
    """The telex as the teleprinter wrote it: capitals, no umlauts, at most 69 characters a line."""
    L = tpl.label
    sd = sheet_dates(a, tpl)
    sent = sd.one("telex_date")
    auth = [ascii_upper(s) for s in dev2.period_authority(a, sent.day.year)]
    ours = answerback(a, "x14fs_ours", ("krn" if a.by_kreis else ascii_upper(a.municipality)[:4].lower()))
    theirs = answerback(a, "x14fs_theirs", "nota")
    one, _ = draws(a, "x14_notary").sample(SURNAMES, 2)
    place, _ = pick(a, "x14_notary_place", NOTARY_PLACES)
    wrapped: list[str] = []

    def say(s: str, keep: tuple[str, ...] = ()) -> None:
        for k in keep:
            s = s.replace(k, k.replace(" ", "\x00"))
        line = ""
        for word in s.split(" "):
            cand = f"{line} {word}" if line else word
            if len(cand.replace("\x00", " ")) > TELEX_LINE and line:
                wrapped.append(line.replace("\x00", " "))
                line = word
            else:
                line = cand
        wrapped.append(line.replace("\x00", " "))

    say(theirs)
    say(ours)
    say("")
    say(f"{L('nr')} {1 + akte_hash(a, 'x14fs_no') % 900:04d}   {sent.shown}   "
        f"{8 + akte_hash(a, 'x14fs_h') % 9:02d}.{akte_hash(a, 'x14fs_m') % 60:02d}")
    say("")
    say(f"{L('to')} {L('notary')} DR. {ascii_upper(one)}, {ascii_upper(place)}")
    say(f"{L('from')} {' - '.join(auth)}")
    say(f"{L('az')} {a.aktenzeichen}")
    say(L("subject"))
    say(sd.one("inquiry_date").text)
    say("")
    keeper = ascii_upper(dev2.genitive(auth[0].title() if a.by_kreis else municipality_name(a)))
    plots = "; ".join(f"{L('gem')} {ascii_upper(g)}, {L('flur')} {flur}, {fst_word(L, fst)} "
                      f"{dev2.words_list(fst, 'UND')}" for g, flur, fst in groups(a))
    where = f" ({ascii_upper(a.address)})" if a.address else ""
    number = f"{L('number')} {number_shown(a, tpl)}"
    say(f"IM BAULASTENVERZEICHNIS {keeper} IST FUER DAS GRUNDSTUECK IN {ascii_upper(a.municipality)}, {plots}{where} "
        f"{number} FOLGENDES EINGETRAGEN:", (number,))
    say("")
    for e in a.entries:
        n = e.lfd_nr
        reg = f"{L('reg')} {sd.registered[n]}"
        decl = sd.one("declaration_date", n)
        b = benefit_of(a, e)
        what = ascii_upper(dev2.type_shown(e.type))
        if b:
            what += (f" {L('for')} {L('gem')} {ascii_upper(b.gemarkung)}, {L('flur')} {b.flur}, "
                     f"{L('fst')} {b.flurstueck}")
        s = f"{n}. {reg}, {decl.text}: {what}."
        gone = sd.one("deletion_date", n)
        if gone:
            s += f" {gone.text}."
        say(s, (reg, decl.text) + ((gone.text,) if gone else ()))
    say("")
    if a.grundbuch:
        say(f"{L('gb')} {ascii_upper(a.grundbuch[0])} {L('gb_blatt')} {a.grundbuch[1]}.")
    say(L("bye"))
    say(f"{L('ia')} {ascii_upper(pick(a, 'x14_clerk_last', SURNAMES))}")
    say(f"{auth[0]} {auth[-1]} {L('end')}")
    say("")
    say(ours)
    say(theirs)
    return wrapped


def torn(pg: Page, y: float, up: bool, tone: int) -> None:
    """The roll's torn edge at y: the paper's tone on one side, the scanner's white lid on the other."""
    rng = draws_of(pg)
    P = pg.px
    pts = [(0, y)]
    x = 0
    while x < pg.img.width:
        x += P(rng.uniform(1.5, 5))
        pts.append((x, y + P(rng.uniform(-1.6, 1.6))))
    edge = pts + ([(pg.img.width, 0), (0, 0)] if up else [(pg.img.width, pg.img.height), (0, pg.img.height)])
    pg.draw.polygon(edge, fill=255)
    pg.draw.line(pts, fill=max(0, tone - 40), width=1)


def draws_of(pg: Page) -> random.Random:
    return random.Random(pg.rng.random())


def sheet_telex(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, d = pg.px, {"aktenzeichen", "answerback", "message_number"}
    fv = tpl.value_font
    lines = telex_lines(a, tpl)
    lh = pg.line_height(fv, pt, 1.5)
    x0 = P(tpl.margin)
    top = P(tpl.top) + P(10)
    y_end = top + P(6) + (len(lines) + 1) * lh
    if y_end > pg.img.height - P(8):
        return d, True
    tone = 232 + akte_hash(a, "x14fs_tone") % 14
    pg.draw.rectangle((0, 0, pg.img.width, pg.img.height), fill=tone)
    grain = Image.effect_noise((max(1, pg.img.width // 4), max(1, pg.img.height // 4)), 6).resize(pg.img.size)
    pg.img = ImageChops.add(pg.img, grain.point(lambda v: max(0, v - 128) // 3))
    pg.img = ImageChops.subtract(pg.img, grain.point(lambda v: max(0, 128 - v) // 3))
    pg.draw = ImageDraw.Draw(pg.img)
    torn(pg, top - P(4), True, tone)
    torn(pg, y_end + P(6), False, tone)
    y = top + lh
    for s in lines:
        if s:
            pg.typed(x0, y, s, fv, pt, ink=40)
        y += lh
    if a.grundbuch:
        d.add("grundbuch_blatt")
    return d | sheet_dates(a, tpl).kinds(), False


# --- (5) a printed Auskunft form, the values printed into it out of register ------------------------------------------
def applicant(a: Akte) -> list[str]:
    """Who asked for the Auskunft: an owner, a buyer or an architect's office."""
    first = pick(a, "x14vf_first", FIRSTNAMES)
    last = pick(a, "x14vf_last", SURNAMES)
    street = f"{pick(a, 'x14vf_street', STREETS)} {1 + akte_hash(a, 'x14vf_no') % 120}"
    place = pick(a, "x14vf_place", sorted(PLZ))
    who = pick(a, "x14vf_who", (f"{first} {last}", f"Architekturbüro {last}", f"{first} und Anna {last}"))
    return [who, street, f"{PLZ[place]} {place}"]


def seal(pg: Page, cx: float, cy: float, r: float, name: str) -> None:
    """The authority's round seal: two rings, its name in the middle, pressed on with uneven ink."""
    size = round(2 * r + 8)
    layer = Image.new("L", (size, size), 255)
    dr = ImageDraw.Draw(layer)
    ink = 70 + akte_hash_pg(pg) % 50
    c = size / 2
    dr.ellipse((c - r, c - r, c + r, c + r), outline=ink, width=max(2, pg.px(0.4)))
    dr.ellipse((c - r * 0.78, c - r * 0.78, c + r * 0.78, c + r * 0.78), outline=ink, width=max(1, pg.px(0.25)))
    fo = pg.font("dv_sans_bold", 6.5)
    for i, word in enumerate(name.split(" ")[:2]):
        dr.text((c, c - pg.px(1) + i * pg.px(3.5)), word, font=fo, fill=ink, anchor="ms")
    dev.ink_onto(pg, layer, cx - size / 2, cy - size / 2)


def akte_hash_pg(pg: Page) -> int:
    return int(pg.rng.random() * 1e9)


def sheet_overprinted_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L = pg.px, tpl.label
    d = {"aktenzeichen", "form_number", "fee", "cash_reference", "postcode"}
    f, fb, fv = "dv_sans_light", tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    issued = sd.one("issue_date")
    auth = dev2.period_authority(a, issued.day.year)
    grey = 60
    cap = 6.5
    values: list[tuple[float, float, str, float]] = []  # what the office's printer prints: x, y (baseline), text, pt

    def box(bx0: float, by0: float, bx1: float, by1: float, caption: str, value: str = "") -> None:
        pg.rect((bx0, by0, bx1, by1), 0.2, outline=grey)
        pg.text(bx0 + P(1.2), by0 + P(2.6), caption, f, cap, fill=grey)
        if value:
            values.append((bx0 + P(2), by0 + P(7.2), value, pt))

    def check(x: float, y: float, text: str, ticked: bool) -> None:
        pg.rect((x, y - P(3.2), x + P(3.6), y + P(0.4)), 0.25, outline=grey)
        pg.text(x + P(6), y, text, f, 8, fill=20)
        if ticked:
            values.append((x + P(0.4), y, "X", pt * 1.1))

    # the form's head: the authority's name printed in, the title, the law
    y = P(tpl.top)
    law = ("§ 83 Abs. 6 BauO NW" if issued.day.year < 2000 else "§ 83 Abs. 6 BauO NRW" if issued.day.year < 2019
           else "§ 85 Abs. 5 BauO NRW 2018")
    pg.text(x0, y + P(5), auth[0], fb, 12)
    pg.text(x0, y + P(10), auth[-1], "dv_sans", 8.5)
    pg.text(x1, y + P(5), L("title"), fb, 12.5, anchor="rs")
    pg.text(x1, y + P(10), f"({law})", f, 8, anchor="rs")
    y += P(15)
    h = P(10)
    box(x0, y, x0 + W * 0.5, y + 2 * h, L("who"))
    for i, s in enumerate(applicant(a)):
        values.append((x0 + P(2), y + P(7.2) + i * P(4.2), s, pt))
    box(x0 + W * 0.5, y, x0 + W * 0.75, y + h, L("applied"), sd.one("application_date").shown)
    box(x0 + W * 0.75, y, x1, y + h, L("az"), a.aktenzeichen)
    box(x0 + W * 0.5, y + h, x0 + W * 0.75, y + 2 * h, L("muni"), a.municipality)
    box(x0 + W * 0.75, y + h, x1, y + 2 * h, L("number"), a.register_display)
    y += 2 * h + P(4)
    # the plot: four printed rows, one a Flur filled in
    cw = [0, 0.26, 0.34, 0.62, 1.0]
    cx = [x0 + round(W * c) for c in cw]
    for i, key in enumerate(("gem", "flur", "fst", "addr")):
        pg.rect((cx[i], y, cx[i + 1], y + P(5)), 0.2, fill=235, outline=grey)
        pg.text(cx[i] + P(1.2), y + P(3.6), L(key), f, cap + 0.5, fill=20)
    y += P(5)
    rows = groups(a)
    n_rows = max(4, len(rows))
    for r in range(n_rows):
        for i in range(4):
            pg.rect((cx[i], y, cx[i + 1], y + P(7)), 0.2, outline=grey)
        if r < len(rows):
            g, flur, fst = rows[r]
            for i, s in enumerate((g, str(flur), ", ".join(fst), (a.address or "") if r == 0 else "")):
                if s:
                    values.append((cx[i] + P(2), y + P(5), s, pt))
        y += P(7)
    y += P(5)
    check(x0, y, L("none"), False)
    y += P(6)
    check(x0, y, L("some"), True)
    y += P(5)
    # the entries' table
    ew = [0, 0.08, 0.36, 0.68, 0.84, 1.0]
    ex = [x0 + round(W * c) for c in ew]
    for i, key in enumerate(("nr", "kind", "ben", "reg", "dele")):
        pg.rect((ex[i], y, ex[i + 1], y + P(8)), 0.2, fill=235, outline=grey)
        for j, s in enumerate(pg.wrap(L(key), f, cap + 0.5, ex[i + 1] - ex[i] - P(2))):
            pg.text(ex[i] + P(1.2), y + P(3.4) + j * P(2.9), s, f, cap + 0.5, fill=20)
    y += P(8)
    rh = P(8)
    for k in range(5):
        for i in range(5):
            pg.rect((ex[i], y + k * rh, ex[i + 1], y + (k + 1) * rh), 0.2, outline=grey)
    for k, e in enumerate(a.entries):
        n = e.lfd_nr
        b = benefit_of(a, e)
        gone = sd.one("deletion_date", n)
        ben = f"Gem. {b.gemarkung}, Fl. {b.flur}, Flst. {b.flurstueck}" if b else "–"
        for i, s in enumerate((str(n), dev2.type_shown(e.type), ben, sd.registered[n], gone.shown if gone else "")):
            lines = pg.wrap(s, fv, pt * (0.85 if i == 2 else 1), ex[i + 1] - ex[i] - P(3))
            for j, t in enumerate(lines[:2]):
                values.append((ex[i] + P(1.5), y + k * rh + P(4.3) + j * P(3.2) - (P(1.3) if len(lines) > 1 else 0),
                               t, pt * (0.85 if i == 2 else 1)))
    y += 5 * rh + P(4)
    # the remarks: the waivers the deletions rest on
    rem_h = P(20)
    box(x0, y, x1, y + rem_h, L("rem"))
    yy = y + P(7.2)
    for e in a.entries:
        if e.deleted_on:
            w = sd.one("waiver_date", e.lfd_nr)
            values.append((x0 + P(2), yy, f"{L('nr')} {e.lfd_nr}: {w.text}", pt))
            yy += P(4.2)
    y += rem_h + P(3)
    copy = pick(a, "x14vf_copy", (True, False))
    pg.text(x0, y + P(3), L("copy"), f, 8, fill=20)
    cx0 = x0 + P(72)
    check(cx0, y + P(3), L("yes"), copy)
    check(cx0 + P(20), y + P(3), L("no"), not copy)
    y += P(8)
    money = fee(a, issued.day.year)
    box(x0, y, x0 + W * 0.25, y + h, L("fee"), money)
    box(x0 + W * 0.25, y + 0, x0 + W * 0.55, y + h, L("cash"), cash_reference(a))
    box(x0 + W * 0.55, y, x1, y + 2.6 * h, L("issued"), issued.text)
    box(x0, y + h, x0 + W * 0.55, y + 2.6 * h, L("sign"))
    yh = y + 2.6 * h + P(8)
    for line in pg.wrap(L("note"), f, 7.5, W):
        pg.text(x0, yh, line, f, 7.5, fill=20)
        yh += P(3.6)
    pg.text(x0, pg.img.height - P(8), f"{L('form')} – {auth[0]}", f, 6.5, fill=grey)
    # the office's printer prints the values, the sheet a little askew and off in the paper tray
    layer = Image.new("L", pg.img.size, 255)
    saved = onto_layer(pg, layer)
    for vx, vy, s, size in values:
        pg.text(vx, vy, s, fv, size, fill=25)
    back(pg, saved)
    dx = P(draws(a, "x14vf_dx").uniform(-1.5, 2.8))
    dy = P(draws(a, "x14vf_dy").uniform(-1.0, 1.6))
    angle = draws(a, "x14vf_tilt").uniform(-0.45, 0.45)
    layer = layer.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=255)
    pg.img = ImageChops.multiply(pg.img, layer)
    pg.draw = ImageDraw.Draw(pg.img)
    yb = y + h
    pg.signature(x0 + W * 0.08, yb + P(11), w_mm=34, h_mm=7, fill=35)
    seal(pg, x0 + W * 0.42, yb + P(8), P(9), auth[0])
    return d | sd.kinds(), False


FOURTEENTH_RENDERERS = {"x14_auskunft_letter": sheet_auskunft_letter, "x14_caption_below": sheet_caption_below,
                        "x14_vertical_heads": sheet_vertical_heads, "x14_telex": sheet_telex,
                        "x14_overprinted_form": sheet_overprinted_form}


TELEX_UNTIL = 1991  # the last year a telex of this kind answers an inquiry


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str, tpl: Template) -> tuple[list[str], dict]:
    """heldout14's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
    entries, one to four parcels (on two Flure or, via ``spread``, in two Gemarkungen on some files), every number
    style; a telex's registrations and deletions all within its years (``until``, applied by ``spread``)."""
    if opts.get("is_baulast") is False:
        return kinds, opts
    n_entries = rng.choice((1, 1, 2, 2, 3))
    n_parcels = rng.choice((1, 1, 2, 2, 3, 4))
    out = {**opts, "n_entries": n_entries, "deleted": n_entries > 1 and rng.random() < 0.5,
           "n_parcels": n_parcels, "two_flure": n_parcels > 1 and rng.random() < 0.4,
           "number_style": rng.choice(dev2.NUMBER_STYLES),
           "gemarkungen": 2 if n_parcels > 1 and rng.random() < 0.3 else 1}
    if tpl.renderer == "x14_telex":
        out["until"] = TELEX_UNTIL
    return kinds, out


TEMPLATES.update(FOURTEENTH_TEMPLATES)
