"""The heldout12 split: its templates, their label wordings, date plans and Baulastenblatt renderers, all here.

The templates (``split="heldout12"``) register themselves into ``layouts.TEMPLATES`` at the end of this module, which
``layouts`` imports at its own end; ``sheets.RENDERERS`` takes ``TWELFTH_RENDERERS``, ``assemble.random_spec`` calls
``spec_draws`` and ``assemble.build`` calls ``spread`` for this split only. Every date a sheet prints besides the
entries' own is planned by ``sheet_dates(a, tpl)`` from the Akte alone (``sheets_dev3.SheetDates``): none of them
falls on an entry's registration or deletion day except ``deletion_date``. The renderers only read from the Akte, so
the truth is the same as for every other layout. Whoever tunes extraction must not read this file or its test (see
sample_scans/README.md).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from . import Later
from . import sheets_dev2 as dev2
from . import sheets_dev3 as dev3
from . import sheets_dev7 as dev7
from .content import KIND, SURNAMES, Akte, Entry, Parcel, de_date
from .layouts import _BASE, LABELS, TEMPLATES, Template
from .render import FONT_FILES, Page

SPLIT = "heldout12"
dev = Later(".sheets_dev")  # pen, pen_wrap, rubber_stamp (read at call time: the tests watch them)

FONT_FILES.setdefault("dv_serif_cond_italic", "DejaVuSerifCondensed-Italic.ttf")
HANDS = ("free_serif_italic", "serif_italic", "dv_serif_cond_italic")  # the clerks' hands

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")
MONTHS_STAMP = ("JAN.", "FEB.", "MRZ.", "APR.", "MAI", "JUNI", "JULI", "AUG.", "SEP.", "OKT.", "NOV.", "DEZ.")
MONTHS_TYPED = ("Jan.", "Febr.", "März", "April", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.")
MONTHS_HOST = ("JAN", "FEB", "MRZ", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")

# German number words, for dates written out
ONES = ("", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
TEENS = ("zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn")
TENS = ("", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig")
ORDINAL_IRREGULAR = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}


def cardinal(n: int) -> str:
    """1..99 in words: 'eins', 'zwölf', 'siebenundachtzig'."""
    if n == 1:
        return "eins"
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return f"{ONES[ones]}und{TENS[tens]}" if ones else TENS[tens]


def ordinal(n: int) -> str:
    """A day of the month after 'am': 'ersten', 'zwölften', 'einundzwanzigsten'."""
    if n in ORDINAL_IRREGULAR:
        return ORDINAL_IRREGULAR[n]
    return f"{cardinal(n)}ten" if n < 20 else f"{cardinal(n)}sten"


def year_words(y: int) -> str:
    """'neunzehnhundertneunundsiebzig', 'zweitausendvier'."""
    head, rest = ("neunzehnhundert", y - 1900) if y < 2000 else ("zweitausend", y - 2000)
    return head + (cardinal(rest) if rest else "")


# the ways this split prints a day
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "pen": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",  # 14.2.83
    "pen_full": lambda d: f"{d.day}.{d.month}.{d.year}",  # 14.2.1983
    "long": lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",  # 14. Februar 1983
    "abbrev": lambda d: f"{d.day}. {MONTHS_TYPED[d.month - 1]} {d.year}",  # 14. Febr. 1983
    "stamp": lambda d: f"{d.day:02d}. {MONTHS_STAMP[d.month - 1]} {d.year}",  # 14. FEB. 1983
    "words": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",  # vierzehnten Februar 1983
    "words_full": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {year_words(d.year)}",
    "host": lambda d: f"{d.day:02d}-{MONTHS_HOST[d.month - 1]}-{d.year}",  # 14-FEB-1983
}

TWELFTH_LABELS = {
    # (1) a photocopy of a register book's page that holds several sheets, the others blacked out
    "X12_RB": {**_BASE, "title": "Baulastenverzeichnis", "fuer": "für die", "number": "Blattnr.",
               "plot": "Belastetes Grundstück\n(Gmkg., Flur, Flurstück)", "gem": "Gmkg.", "flur": "Fl.",
               "fst": "Flst.", "to": "bis", "and": "u.", "nr": "Lfd.\nNr.", "text": "Inhalt der Baulast",
               "reg": ("Tag der\nEintragung", "Eintragungs-\ntag", "Datum der\nEintragung"), "dele": "Löschungen",
               "gone": "gelöscht am", "decl": "Erkl. v.", "page": "Seite", "copy": "Kopie f. Bauakte",
               "blacked": ("Angaben zu anderen", "Baulastenblättern", "unkenntlich gemacht")},
    # (2) a landscape register page, its form run off on a spirit duplicator, filled in by pen
    "X12_HK": {**_BASE, "title": "Baulastenverzeichnis", "muni": "Gemeinde", "number": "BL-Nr.",
               "nr": "Lfd.\nNr.", "burden": "Belastetes Grundstück", "benefit": "Begünstigtes Grundstück",
               "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "owner": "Eigentümer",
               "text": "Kurze Bezeichnung der Baulast", "decl": "Erklärung\nvom", "reg": "eingetr.\nam",
               "sig": "Namens-\nzeichen", "dele": "gelöscht\nam", "same": ("wie vor", "wie oben"),
               "ditto": ("marks", "do.", "dto."), "form": "Vordruck BA 17", "blatt": "Blatt"},
    # (3) a register program's two-page PDF printed two pages to a sheet
    "X12_NU": {**_BASE, "title": "Baulastenblatt", "number": "Laufende Blattnummer", "az": "Aktenzeichen",
               "created": "Angelegt am", "changed": "Letzte Änderung", "status": "Status", "muni": "Gemeinde",
               "parcels": "Belastete Flurstücke", "gem": "Gemarkung", "flur": "Flur", "zaehler": "Flurstück\nZähler",
               "nenner": "Nenner", "addr": "Lage", "size": "Fläche m²", "baulast": "Baulast", "lfd": "Lfd. Nr.",
               "decl": "Erklärung vom", "reg": ("Eingetragen mit Wirkung vom", "Wirksam seit (Eintragung)",
                                                  "Eintragung / Wirksamkeit"),
               "dele": "Löschung", "ben": "Begünstigt", "content": "Inhalt", "live": "aktiv", "gone": "gelöscht",
               "part": "teilweise gelöscht", "notes": "Hinweise", "printed": "Gedruckt am", "by": "durch",
               "page": "Seite", "of": "von", "contact": "Auskunft erteilt", "room": "Zimmer", "phone": "Telefon",
               "fax": "Telefax", "mail": "E-Mail", "gmk": "Gmkg.", "fl": "Fl.", "flst": "Flst."},
    # (4) a typed sheet, its parcels brought up to date by pen after a survey of the cadastre
    "X12_FO": {**_BASE, "title": "Baulastenblatt", "number": "Baulasten-Nr.", "muni": "Gemeinde:",
               "az": "Aktenzeichen:", "s1": "I. Belastetes Grundstück", "s2": "II. Baulasten", "gem": "Gemarkung",
               "flur": "Flur", "fst": "Flurstück", "fsts": "Flurstücke", "and": "und", "addr": "Lage:",
               "gb": "Grundbuch von", "gb_blatt": "Blatt", "now": "jetzt", "ff1": "Katasterfortführung",
               "ff2": "berücksichtigt am", "fn": "FN", "decl": "Verpflichtungserklärung vom",
               "formula": (("Eingetragen auf Grund der {decl} {d} am {r}.", True),
                           ("Eingetragen am {r}.", False),
                           ("Die Baulast wurde am {r} in das Baulastenverzeichnis eingetragen.", False)),
               "gone": "Gelöscht am", "ia": "Im Auftrag", "page": "Seite", "form": "Vordruck 63/40"},
    # (5) a line printer's list on continuous paper, photographed on a desk
    "X12_PH": {**_BASE, "title": "BAULASTENVERZEICHNIS - AUSKUNFT", "number": "BAULASTVERZ.-NR.:",
               "muni": "GEMEINDE:", "az": "AKTENZEICHEN:", "gb": "GRUNDBUCH:", "gb_blatt": "BL.", "addr": "LAGE:",
               "parcels": "BELASTETE FLURSTUECKE:", "gem": "GMKG.", "flur": "FL.", "fst": "FLST.", "nr": "LFD.NR.",
               "kind": "ART:", "reg": "EINGETR.:", "decl": "ERKL. V.:", "dele": "GELOESCHT:", "date": "DATUM:",
               "page": "SEITE:", "time": "ZEIT:", "prog": "PROGRAMM:", "end": "*** ENDE DER AUSKUNFT ***",
               "none": "---------"},
}
LABELS.update(TWELFTH_LABELS)

TWELFTH_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("rb_x12", "typewriter_form", "X12_RB", "dv_serif", "dv_serif_bold", "mono", pt=9.5, margin=12, top=10,
             years=(1961, 1992), split=SPLIT, renderer="x12_blacked_page"),
    Template("hk_x12", "typewriter_form", "X12_HK", "dv_sans", "dv_sans_bold", "free_serif_italic", pt=10.5,
             margin=10, top=9, years=(1958, 1982), split=SPLIT, renderer="x12_spirit_register", landscape=True),
    Template("nu_x12", "modern_grid", "X12_NU", "sans", "sans_bold", "sans", pt=10, margin=12, top=10,
             years=(2003, 2024), split=SPLIT, renderer="x12_two_up", landscape=True),
    Template("fo_x12", "typewriter_form", "X12_FO", "serif", "serif_bold", "free_mono", pt=10.5, margin=18, top=12,
             years=(1964, 1992), split=SPLIT, renderer="x12_survey_amended"),
    Template("ph_x12", "computer_print", "X12_PH", "mono", "mono_bold", "mono", pt=10.5, margin=20, top=16,
             years=(1984, 1999), split=SPLIT, renderer="x12_photographed_list"),
)}


# --- what each template prints --------------------------------------------------------------------------------
def draws(a: Akte, salt: str) -> random.Random:
    """A random source of this Akte and salt only: the same on every attempt at a smaller size and in every test."""
    return random.Random(f"x12|{salt}|{a.aktenzeichen}|{a.register_number}|{a.municipality}")


def pick(a: Akte, salt: str, options):
    return draws(a, salt).choice(options)


def akte_hash(a: Akte, salt: str) -> int:
    return draws(a, salt).getrandbits(32)


def replace_parcels(texts: list[str], changes: list[tuple[Parcel, Parcel]]) -> list[str]:
    """Each text with every old parcel's phrase replaced by the new one's, all at once (a whole phrase only:
    'Flurstück 45' is not the start of 'Flurstück 45/2')."""
    out = []
    for s in texts:
        for k, (old, _) in enumerate(changes):
            s = re.sub(re.escape(old.phrase()) + r"(?![\d/])", f"\x01{k}\x01", s)
        for k, (_, new) in enumerate(changes):
            s = s.replace(f"\x01{k}\x01", new.phrase())
        out.append(s)
    return out


def consecutive(a: Akte, opts: dict) -> Akte:
    """Where the file's draws ask for it (``run``): the parcels of the first Flur that has more than one are numbered
    one after the other ('45', '46', '47'), so a sheet may write them as a range. Draws nothing."""
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
    for e, text in zip(a.entries, replace_parcels([e.text for e in a.entries], changes)):
        e.text = text
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


def runs(fst: list[str]) -> list[list[str]]:
    """The Flurstücke cut into runs of whole numbers one after the other (a fraction is a run of its own)."""
    out: list[list[str]] = []
    for s in fst:
        if out and s.isdigit() and out[-1][-1].isdigit() and int(s) == int(out[-1][-1]) + 1:
            out[-1].append(s)
        else:
            out.append([s])
    return out


def fst_tokens(fst: list[str], to: str) -> list[str]:
    """The Flurstücke as a sheet writes them: three or more in a run as a range ('45 bis 47')."""
    out: list[str] = []
    for r in runs(fst):
        if len(r) >= 3:
            out.append(f"{r[0]} {to} {r[-1]}")
        else:
            out.extend(r)
    return out


def municipality_name(a: Akte) -> str:
    return f"{KIND[a.municipality]} {a.municipality}"


def show(fmt: str, day: dt.date) -> str:
    return FORMATS[fmt](day)


def said(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> dev3.Mention:
    return dev3.said(kind, day, show(fmt, day), before, after, lfd_nr)


def reg_fmt(a: Akte, tpl: Template) -> str:
    """How the sheet prints its entries' registration days."""
    r = tpl.renderer
    if r == "x12_blacked_page":
        return pick(a, "x12rb_fmt", ("numeric", "abbrev", "short"))
    if r == "x12_spirit_register":
        return pick(a, "x12hk_fmt", ("pen", "pen_full"))
    if r == "x12_survey_amended":
        return pick(a, "x12fo_fmt", ("words", "words_full", "words", "long"))
    if r == "x12_photographed_list":
        return "host"
    return "numeric"


def registered(a: Akte, tpl: Template) -> dict[int, str]:
    """Each entry's Eintragungsdatum as printed."""
    fmt = reg_fmt(a, tpl)
    return {e.lfd_nr: show(fmt, e.registered_on) for e in a.entries}


# the Bauordnung a print's notes cite: (in force from, its date, its section on the register, its gazette)
LAWS = ((dt.date(2000, 3, 1), dt.date(2000, 3, 1), "§ 83", "GV. NRW. S. 256"),
        (dt.date(2019, 1, 1), dt.date(2018, 7, 21), "§ 85", "GV. NRW. S. 421"))


def law(a: Akte, printed: dt.date) -> tuple[dt.date, str, str]:
    """The Bauordnung in force on the day of the print: (its date, section, gazette)."""
    _, day, section, gazette = [x for x in LAWS if x[0] <= printed][-1]
    return day, section, gazette


def printed_day(a: Akte, ms: list[dev3.Mention]) -> dt.date:
    return dev3.after_all(a, ms, "x12nu_print")


def sheet_dates(a: Akte, tpl: Template) -> dev3.SheetDates:
    """The dates a heldout12 sheet of this Akte prints besides the Eintragungsdaten."""
    L, r, ms = tpl.label, tpl.renderer, []
    fmt = reg_fmt(a, tpl)
    taken = {e.registered_on for e in a.entries} | {e.deleted_on for e in a.entries if e.deleted_on}
    if r == "x12_blacked_page":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, f"({L('decl')} ", ")", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, L("gone") + " ", "", e.lfd_nr))
        ms.append(said("copy_date", dev3.after_all(a, ms, "x12rb_copy"), "pen"))
    elif r == "x12_spirit_register":
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
    elif r == "x12_two_up":
        first = a.entries[0].registered_on
        ms.append(said("creation_date", dev3.offset(a, "x12nu_created", first, -30, -2), fmt))
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, "", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, "", "", e.lfd_nr))
        ms.append(said("change_date", dev3.after_all(a, ms, "x12nu_change"), fmt))
        printed = printed_day(a, ms)
        ms.append(said("print_date", printed, fmt, f"{L('printed')} ", f", {clock(a, 'x12nu')}"))
        day, _, _ = law(a, printed)
        if day not in taken:
            ms.append(said("law_date", day, "long", "vom ", ""))
    elif r == "x12_survey_amended":
        for e in a.entries:
            if pick(a, "x12fo_formula", L("formula"))[1]:  # the closing formula cites the declaration
                ms.append(said("declaration_date", dev3.declared(a, e), "long", L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, L("gone") + " ", ".", e.lfd_nr))
        if amendments(a):
            ms.append(said("change_date", survey_day(a), "stamp"))
    else:
        for e in a.entries:
            ms.append(said("declaration_date", dev3.declared(a, e), fmt, L("decl") + " ", "", e.lfd_nr))
            if e.deleted_on:
                ms.append(said("deletion_date", e.deleted_on, fmt, L("dele") + " ", "", e.lfd_nr))
        ms.append(said("print_date", dev3.after_all(a, ms, "x12ph_print"), fmt, L("date") + " ", ""))
    return dev3.SheetDates(registered(a, tpl), tuple(ms), fmt)


def clock(a: Akte, salt: str) -> str:
    return f"{7 + akte_hash(a, salt + 'h') % 11:02d}:{akte_hash(a, salt + 'm') % 60:02d}"


def typed_lines(pg: Page, s: str, font: str, pt: float, width: float) -> list[str]:
    """A typist's lines: as many characters as the carriage allows (a monospace face)."""
    return pg.wrap(s, font, pt, width)


def kept(pg: Page, s: str, keep: tuple[str, ...], font: str, pt: float, width: float) -> list[str]:
    """s wrapped to width, with each of `keep` (a number, a date) never split over two lines."""
    for k in keep:
        s = s.replace(k, k.replace(" ", "\x00"))  # glued: str.split() does not break at it
    return [line.replace("\x00", " ") for line in pg.wrap(s, font, pt, width)]


def date_cell(pg: Page, shown: str, font: str, pt: float, width: float) -> list[str]:
    """A date in a narrow column: on one line where it fits, else its year on a line of its own."""
    if pg.width(shown, font, pt) <= width or " " not in shown:
        return [shown]
    head, year = shown.rsplit(" ", 1)
    return [head, year]


# --- (1) a photocopy of a register book's page that holds several sheets, the others blacked out ---------------------
FILLER = ("Der", "jeweilige", "Eigentümer", "verpflichtet", "sich", "gegenüber", "der", "Stadt", "die", "Fläche",
          "freizuhalten", "zu", "dulden", "Grundstücks", "Zufahrt", "Stellplätze", "Gebäude", "Abstand", "auf",
          "seinem", "Gemarkung", "Flur", "zugunsten", "des", "und", "Unterhaltung", "Leitungen", "Bebauung")


def neighbour_numbers(a: Akte) -> tuple[list[str], list[str]]:
    """The numbers of the sheets kept on the page before and after this one, written as the book writes them."""
    m = re.fullmatch(r"(\d+)([a-z]?)", a.register_number)
    n, suffix = int(m[1]), m[2]
    shown = a.register_display
    if suffix:
        sep = " " if " " in shown else ""
        before = [str(n)] if suffix == "a" else [f"{n}{sep}{chr(ord(suffix) - 1)}"]
        return before, [f"{n}{sep}{chr(ord(suffix) + k)}" for k in (1, 2, 3)]

    def written(k: int) -> str:
        if "." in shown:
            return f"{k // 1000}.{k % 1000:03d}" if k >= 1000 else str(k)
        return f"{k:0{len(shown)}d}" if shown.startswith("0") else str(k)

    return [written(k) for k in (n - 2, n - 1) if k >= 1], [written(n + k) for k in (1, 2, 3)]


def parcel_segments(pg: Page, a: Akte, L, font: str, pt: float, width: float, stacked: bool) -> list[list]:
    """The plot as the clerk typed it into the narrow column: the Gemarkung on a line, then per Flur its line and
    the Flurstücke (a run as a range, a fraction typed as Zähler over Nenner where the sheet does so). A line is a
    list of segments: a string, or (Zähler, Nenner)."""
    lines: list[list] = []
    space = pg.width(" ", font, pt)
    gem_ = None
    for gem, flur, fst in groups(a):
        if gem != gem_:
            lines += [[s] for s in pg.wrap(f"{L('gem')} {gem}", font, pt, width)]
            gem_ = gem
        toks = fst_tokens(fst, L("to"))
        lines.append([f"{L('flur')} {flur}"])
        cur: list = [L("fst")]
        cur_w = pg.width(L("fst"), font, pt) + space
        for k, t in enumerate(toks):
            sep = "," if k < len(toks) - 2 else (f" {L('and')}" if k == len(toks) - 2 else "")
            frac = stacked and re.fullmatch(r"\d+/\d+", t)
            seg = tuple(t.split("/")) if frac else t + sep
            w = (max(pg.width(seg[0], font, pt), pg.width(seg[1], font, pt)) + pg.width(sep, font, pt) if frac
                 else pg.width(seg, font, pt)) + space
            if cur_w + w > width:  # on to the next line (the word alone stays where it is)
                lines.append(cur)
                cur, cur_w = [], pg.width("    ", font, pt)
            cur.append(seg)
            if frac and sep:
                cur.append(("sep", sep))
            cur_w += w
        lines.append(cur)
    return lines


def stacked_fractions(a: Akte) -> bool:
    """Does the clerk type a Flurstück's fraction as Zähler over Nenner?"""
    return pick(a, "x12rb_stacked", (True, True, False))


def draw_segments(pg: Page, x: float, y: float, line: list, font: str, pt: float, lh: int) -> None:
    """One line of parcel segments typed at baseline y; a fraction's Zähler half a line up and underlined, its
    Nenner half a line down."""
    space = pg.width(" ", font, pt)
    for seg in line:
        if isinstance(seg, tuple) and seg[0] == "sep":
            x = pg.typed(x - space, y, seg[1], font, pt) + space
        elif isinstance(seg, tuple):
            z, n = seg
            wz, wn = pg.width(z, font, pt), pg.width(n, font, pt)
            w = max(wz, wn)
            pg.typed(x + (w - wz) / 2, y - lh * 0.42, z, font, pt)
            pg.hline(x - pg.px(0.3), x + w + pg.px(0.3), y - lh * 0.42 + pg.px(0.9), 0.18, fill=50)
            pg.typed(x + (w - wn) / 2, y + lh * 0.5, n, font, pt)
            x += w + space
        else:
            x = pg.typed(x, y, seg, font, pt) + space


def line_advance(line: list, lh: int) -> float:
    """How far a parcel line moves the carriage down: a line with a fraction needs room above and below."""
    return lh * 1.75 if any(isinstance(s, tuple) and s[0] != "sep" for s in line) else lh


def marker(pg: Page, box: tuple[float, float, float, float], a: Akte, salt: str) -> None:
    """A box blacked out with a broad felt pen before the copy was made: overlapping strokes across, ragged at their
    ends, nothing of the writing under them left on the copy."""
    P = pg.px
    x0, y0, x1, y1 = (round(v) for v in box)
    if x1 - x0 < P(2) or y1 - y0 < P(2):
        return
    rng = draws(a, salt)
    layer = Image.new("L", (x1 - x0 + P(6), y1 - y0), 255)  # no lower than the box: the next block stays clear
    dr = ImageDraw.Draw(layer)
    ink = 28 + rng.randrange(22)
    stroke = P(4.2)
    yy = 0
    while yy < layer.height:
        top, bot = yy, min(layer.height, yy + stroke)
        left = P(3) + rng.uniform(-1.5, 0.5) * P(1)
        right = layer.width - P(3) + rng.uniform(-0.5, 1.5) * P(1)
        dr.polygon([(left, top), (right + P(rng.uniform(-1, 1)), top), (right, bot),
                    (left + P(rng.uniform(-1, 1)), bot)], fill=ink + rng.randrange(-6, 7))
        yy += stroke - P(0.9)
    region = (x0 - P(3), y0, x0 - P(3) + layer.width, y0 + layer.height)
    pg.img.paste(layer, region[:2], layer.point(lambda v: 255 if v < 200 else 0))
    pg.draw = ImageDraw.Draw(pg.img)


def photocopy(pg: Page, a: Akte) -> None:
    """What a copier makes of a page of a bound book: the gutter dark along the bound edge, the white a little grey and
    uneven, a few specks of toner."""
    P, rng = pg.px, pg.rng
    w, h = pg.img.size
    side = pick(a, "x12rb_gutter", ("left", "right"))
    row = Image.new("L", (w, 1), 255)
    depth = P(9 + akte_hash(a, "x12rb_depth") % 8)
    for x in range(w):
        dist = x if side == "left" else w - 1 - x
        if dist < 3 * depth:
            row.putpixel((x, 0), round(255 * (1 - 0.85 * math.exp(-dist / (depth * 0.45)))))
    gutter = row.resize((w, h))
    cw, ch = max(1, w // 60), max(1, h // 60)
    grey = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).resize((w, h), Image.BILINEAR)
    grey = grey.point(lambda v: 236 + v * 16 // 255)
    img = ImageChops.multiply(ImageChops.multiply(pg.img, gutter), grey)
    dr = ImageDraw.Draw(img)
    for _ in range(rng.randrange(40, 140)):
        x, y = rng.randrange(w), rng.randrange(h)
        r = max(1, P(rng.choice((0.1, 0.1, 0.2, 0.3))))
        dr.ellipse((x, y, x + r, y + r), fill=rng.randrange(30, 120))
    pg.img, pg.draw = img, ImageDraw.Draw(img)


def filler_lines(a: Akte, salt: str, n: int) -> list[str]:
    """Typed lines of another sheet's entry (blacked out on the copy): words only."""
    rng = draws(a, salt)
    return [" ".join(rng.choice(FILLER) for _ in range(rng.randrange(4, 7))) for _ in range(n)]


def sheet_blacked_page(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "aktenzeichen"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    cx = (x0 + x1) // 2
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.3)
    top = P(tpl.top)
    hand = pick(a, "x12rb_hand", HANDS)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    # the book's printed head
    folio = 20 + akte_hash(a, "x12rb_folio") % 160
    pg.text(x0, top + P(14), auth[0], f, 9.5)
    pg.text(x1, top + P(6), f"{L('page')} {folio}", f, 10, anchor="rs")
    pg.text(cx, top + P(21), L("title"), fb, 15, anchor="ms")
    end = pg.text(cx - P(32), top + P(28), L("fuer"), f, 10)
    pg.hline(end + P(1.5), cx + P(42), top + P(29), 0.15)
    pg.typed(end + P(4), top + P(28), municipality_name(a), fv, pt)
    # the table, printed down to the foot of the page
    xs = [x0 + round(W * c) for c in (0, 0.08, 0.29, 0.34, 0.745, 0.875, 1.0)]
    y_bot = pg.img.height - P(12)
    reg_head = pick(a, "x12rb_reghead", L("reg"))
    y_tab = dev3.card_table(pg, xs, top + P(33), y_bot, [L("number"), L("plot"), L("nr"), L("text"), reg_head,
                                                          L("dele")], f, 7.5, 0, 10)
    pad = P(1.2)
    widths = [xs[i + 1] - xs[i] - 2 * pad for i in range(6)]
    plot = parcel_segments(pg, a, L, fv, pt, widths[1], stacked_fractions(a))
    plot_h = sum(line_advance(s, lh) for s in plot)

    # this sheet's block: measured first
    def entry_cells(e: Entry) -> tuple[list[str], list[str], list[str]]:
        decl = sd.one("declaration_date", e.lfd_nr)
        body = kept(pg, f"{dev2.period_text(e.text, e.registered_on.year)} {decl.text}", (decl.text,), fv, pt,
                    widths[3])
        reg = date_cell(pg, sd.registered[e.lfd_nr], fv, pt, widths[4])
        gone = []
        if e.deleted_on:
            m = sd.one("deletion_date", e.lfd_nr)
            gone = [m.label] + date_cell(pg, m.shown, fv, pt, widths[5])
        return body, reg, gone

    cells = [entry_cells(e) for e in a.entries]
    rows = [max(len(b), len(r) + 2, len(g) + 2) for b, r, g in cells]
    ours_h = max(plot_h + lh, sum(n + 0.6 for n in rows) * lh) + lh
    before_nums, after_nums = neighbour_numbers(a)
    show_others = pick(a, "x12rb_show", (True, False))
    room = y_bot - y_tab - ours_h
    n_before = min(len(before_nums), pick(a, "x12rb_before", (1, 1, 2)))
    sizes = [4 + akte_hash(a, f"x12rb_size{k}") % 6 for k in range(6)]
    while n_before and sum(sizes[:n_before]) * lh + lh > room:
        n_before -= 1
    if n_before == 0 and room < 0:
        return d, True
    # the blocks of the page: the sheets before this one, this one, the sheets after it to the foot
    y = y_tab
    blocks: list[tuple[str, float, float]] = []  # (number, top, bottom) of the other sheets
    nums = before_nums[len(before_nums) - n_before:]

    def other(num: str, k: int, yy: float) -> float:
        n_lines = sizes[k]
        end = min(y_bot - P(1), yy + (n_lines + 1) * lh)
        pg.typed(xs[0] + pad, yy + lh, num, fv, pt)
        fill = filler_lines(a, f"x12rb_fill{k}", n_lines)
        for j, s in enumerate(fill):
            if yy + (j + 1) * lh > end - P(1):
                break
            pg.typed(xs[1] + pad, yy + (j + 1) * lh, pg.wrap(s, fv, pt, widths[1])[0], fv, pt)
            pg.typed(xs[3] + pad, yy + (j + 1) * lh, pg.wrap(s, fv, pt, widths[3])[0], fv, pt)
        blocks.append((num, yy, end))
        return end

    def rule(yy: float) -> None:  # the double line the book keeper drew under a sheet's block
        pg.hand_line(xs[0], yy - P(0.5), xs[-1], yy - P(0.5), 0.25, fill=30)
        pg.hand_line(xs[0], yy + P(0.5), xs[-1], yy + P(0.5), 0.25, fill=30)

    for k, num in enumerate(nums):
        y = other(num, k, y)
        rule(y)
    # this sheet
    y0 = y
    pg.typed(xs[0] + pad, y0 + lh, a.register_display, fv, pt)
    yy = y0 + lh
    for line in plot:
        adv = line_advance(line, lh)
        base = yy + (adv - lh) / 2
        draw_segments(pg, xs[1] + pad, base, line, fv, pt, lh)
        yy += adv
    ink = 30 + akte_hash(a, "x12rb_ink") % 40
    ye = y0 + lh
    for e, (body, reg, gone), n in zip(a.entries, cells, rows):
        pg.typed(xs[2] + pad + P(1), ye, str(e.lfd_nr), fv, pt)
        for i, s in enumerate(body):
            pg.typed(xs[3] + pad, ye + i * lh, s, fv, pt)
        for i, s in enumerate(reg):
            pg.typed(xs[4] + pad, ye + i * lh, s, fv, pt)
        pg.signature(xs[4] + pad + P(2), ye + (len(reg) + 0.4) * lh, w_mm=9, h_mm=3, fill=ink)
        if gone:
            for i, s in enumerate(gone):
                dev.pen(pg, xs[5] + pad, ye + i * lh, s, hand, pt * 1.05, ink)
            pg.signature(xs[5] + pad + P(2), ye + (len(gone) + 0.4) * lh, w_mm=9, h_mm=3, fill=ink)
            ya, yb = ye - lh * 0.7, ye + (len(body) - 1) * lh
            pg.draw.line([(xs[3] + pad, yb), (xs[4] - pad, ya)], fill=ink + 20, width=max(1, P(0.3)))
        ye += (n + 0.6) * lh
    y = y0 + ours_h
    rule(y)
    k = n_before
    while y + 3 * lh < y_bot and k < len(sizes):
        y = other(after_nums[k - n_before] if k - n_before < len(after_nums) else "", k, y)
        if y < y_bot - P(2):
            rule(y)
        k += 1
    # the copy: the other sheets blacked out, a note and a stamp of what was done
    for k, (num, ya, yb) in enumerate(blocks):
        left = xs[1] if show_others else xs[0]
        marker(pg, (left + P(0.6), ya + P(1.2), xs[-1] - P(0.6), yb - P(1.2)), a, f"x12rb_mark{k}")
    if show_others and blocks:
        d.add("other_sheet_numbers")
    copy = sd.one("copy_date")
    initials = pick(a, "x12rb_init", SURNAMES)[:2] + "."
    end = dev.pen(pg, x0, top + P(4), f"{L('copy')} {a.aktenzeichen}", hand, 10, ink)
    dev.pen(pg, end + P(3), top + P(4), f"{copy.shown} {initials}", hand, 10, ink)
    blacked = [(s, "dv_sans_bold" if i == 0 else "dv_sans", 7) for i, s in enumerate(L("blacked"))]
    dev.rubber_stamp(pg, x1, top + P(9), blacked, anchor="rt", pad_mm=1.6)
    photocopy(pg, a)
    return d | sd.kinds(), False


# --- (2) a landscape register page, its form run off on a spirit duplicator, filled in by pen -----------------------
MEASURE = re.compile(r"(\d,\d\d m)\b")


def short_content(e: Entry) -> str:
    """What the clerk wrote of a Baulast into the narrow column: its gist, with its measure where it has one."""
    m = MEASURE.search(e.text)
    width = m.group(1) if m else ""
    places = re.search(r"Grundstück (\d) Einstellplätze", e.text)
    area = re.search(r"Fläche von (\d+) m²", e.text)
    return {
        "Abstandflächenbaulast": f"Abstandfläche freihalten, Tiefe {width}",
        "Stellplatzbaulast": f"{places.group(1) if places else 'Die'} Einstellplätze bereitstellen u. dulden",
        "Vereinigungsbaulast": "Vereinigung: die Grundstücke gelten als ein Grundstück",
        "Zufahrtsbaulast": f"Zufahrt dulden, Breite {width}",
        "Erschließungsbaulast": f"Geh-, Fahr- u. Leitungsrecht, Breite {width}",
        "Anbaubaulast": "Anbau an das Grenzgebäude ohne Abstand",
        "Leitungsbaulast": "Abwasser- u. Versorgungsleitungen dulden",
    }.get(e.type, f"Kinderspielfläche {area.group(1) if area else ''} m² herrichten u. unterhalten")


def spirit_copy(pg: Page, a: Akte) -> None:
    """What a spirit duplicator makes of its master: soft violet lines a little doubled, which a scanner turns into a
    pale grey, paler where the copy ran dry."""
    P, rng = pg.px, pg.rng
    w, h = pg.img.size
    soft = pg.img.filter(ImageFilter.GaussianBlur(max(1, P(0.12))))
    ghost = ImageChops.offset(soft, P(0.3), P(0.2)).point(lambda v: 255 - (255 - v) * 45 // 100)
    img = ImageChops.darker(soft, ghost)
    cw, ch = max(1, w // 90), max(1, h // 90)
    dry = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).resize((w, h), Image.BILINEAR)
    strength = 48 + akte_hash(a, "x12hk_dry") % 20  # percent of the master's darkness that reached the paper
    faint = img.point(lambda v: 255 - (255 - v) * strength // 100)
    fainter = img.point(lambda v: 255 - (255 - v) * (strength - 18) // 100)
    img = Image.composite(faint, fainter, dry.point(lambda v: 255 if v > 90 else 0).filter(ImageFilter.BoxBlur(P(3))))
    pg.img, pg.draw = img, ImageDraw.Draw(img)


HK_WIDTHS = (8, 26, 10, 19, 27, 68, 24, 10, 17, 18, 18, 14, 18)  # mm, the form's columns


def ditto(pg: Page, a: Akte, x: float, y: float, hand: str, pt: float, ink: int) -> None:
    """'The same as above', as the clerk wrote it: two little strokes, or 'do.' / 'dto.'."""
    how = pick(a, "x12hk_ditto", LABELS["X12_HK"]["ditto"])
    if how == "marks":
        P = pg.px
        for k in (0, 1):
            xa = x + P(2) + k * P(1.6)
            pg.draw.line([(xa, y - P(2.6)), (xa - P(0.6), y - P(1.0))], fill=ink, width=max(1, P(0.3)))
    else:
        dev.pen(pg, x, y, how, hand, pt, ink)


def sheet_spirit_register(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"page_number", "owner_name"}
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    sd = sheet_dates(a, tpl)
    hand = pick(a, "x12hk_hand", HANDS)
    ink = 25 + akte_hash(a, "x12hk_ink") % 45
    top = P(tpl.top)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    # the form: the authority, the title, the number's ring, the columns with their numbers
    pg.text(x0, top + P(5), auth[0], fb, 10)
    pg.text(x0, top + P(9.5), auth[-1], f, 9)
    pg.text((x0 + x1) // 2, top + P(8), L("title"), fb, 17, anchor="ms")
    muni_end = pg.text(x0, top + P(19), L("muni"), f, 10)
    pg.hline(muni_end + P(1.5), muni_end + P(70), top + P(20), 0.2)
    ring = (x1 - P(36), top, x1 - P(4), top + P(22))
    pg.draw.ellipse(ring, outline=0, width=max(1, P(0.4)))
    pg.text((ring[0] + ring[2]) // 2, top + P(6.5), L("number"), fb, 9, anchor="ms")
    scale = W / P(sum(HK_WIDTHS))
    xs = [x0]
    for wd in HK_WIDTHS:
        xs.append(xs[-1] + round(P(wd) * scale))
    yh = top + P(25)
    y_bot = pg.img.height - P(16)
    h1, h2, h3 = P(6), P(9), P(4.5)  # the spanning heads, the column heads, the row of column numbers
    pg.rect((xs[0], yh, xs[-1], y_bot), 0.35)
    spans = {1: ("burden", 3), 6: ("benefit", 3)}
    heads = (L("nr"), L("gem"), L("flur"), L("fst"), L("owner"), L("text"), L("gem"), L("flur"), L("fst"),
             L("decl"), L("reg"), L("sig"), L("dele"))
    for i in range(13):
        span = next(((k, key, n) for k, (key, n) in spans.items() if k <= i < k + n), None)
        if span and span[0] == i:
            k, key, n = span
            pg.hline(xs[k], xs[k + n], yh + h1, 0.25)
            pg.text((xs[k] + xs[k + n]) // 2, yh + P(4.3), L(key), fb, 8.5, anchor="ms")
        y_head = yh + h1 if span else yh
        lines = heads[i].split("\n")
        mid = y_head + ((yh + h1 + h2) - y_head) / 2
        for j, s in enumerate(lines):
            pg.text((xs[i] + xs[i + 1]) // 2, mid + P(1.2) + (j - (len(lines) - 1) / 2) * P(3.4), s, f, 7.5,
                    anchor="ms")
        if i:
            pg.vline(xs[i], yh + (h1 if span and span[0] != i else 0), y_bot, 0.25)
    for i in range(13):  # the row of column numbers under the heads
        pg.text((xs[i] + xs[i + 1]) // 2, yh + h1 + h2 + P(3.4), str(i + 1), f, 7, anchor="ms")
    y_rows = yh + h1 + h2 + h3
    pg.hline(xs[0], xs[-1], yh + h1 + h2, 0.25)
    pg.hline(xs[0], xs[-1], y_rows, 0.35)
    lh = pg.line_height(hand, pt, 1.5)
    yy = y_rows + lh
    while yy < y_bot - P(1):
        pg.hline(xs[0], xs[-1], yy, 0.12)
        yy += lh
    pg.text(x0, pg.img.height - P(10), L("form"), f, 7)
    end = pg.text(x1 - P(22), pg.img.height - P(10), L("blatt"), f, 9)
    spirit_copy(pg, a)
    # the clerk's entries, each on the next ruled lines
    dev.pen(pg, end + P(3), pg.img.height - P(10.3), str(page_no), hand, pt, ink)
    dev.pen(pg, muni_end + P(5), top + P(19.3), a.municipality, hand, pt * 1.1, ink)
    num = a.register_display
    nw = pg.width(num, hand, pt * 1.6)
    dev.pen(pg, (ring[0] + ring[2]) / 2 - nw / 2, top + P(16), num, hand, pt * 1.6, ink)
    pad = P(1.1)

    def room(i: int) -> float:
        return xs[i + 1] - xs[i] - 2 * pad

    def write(i: int, row: float, s: str, size: float = pt) -> None:
        wide = pg.width(s, hand, size * 1.1)
        dev.pen(pg, xs[i] + pad, row, s, hand, size if wide <= room(i) else size * room(i) / wide, ink)

    y = y_rows + lh - P(1.2)
    b = a.benefit
    for e in a.entries:
        n = e.lfd_nr
        text = dev.pen_wrap(pg, short_content(e), hand, pt, room(5))
        if n == 1:
            plot = [(p.gemarkung, str(p.flur), p.flurstueck) for p in a.parcels]
        else:
            plot = []
        owner = dev.pen_wrap(pg, a.owner if n == 1 else pick(a, "x12hk_same", L("same")), hand, pt, room(4))
        decl = sd.one("declaration_date", n)
        gone = sd.one("deletion_date", n)
        rows = max(len(plot), 1, len(text), len(owner), 2 if gone else 1)
        if y + (rows - 1) * lh > y_bot - P(2):
            return d, True
        write(0, y, f"{n}")
        prev = None
        for r, (gem, flur, fst) in enumerate(plot):
            ry = y + r * lh
            if prev and gem == prev[0]:
                ditto(pg, a, xs[1] + pad + P(6), ry, hand, pt, ink)
            else:
                write(1, ry, gem)
            if prev and gem == prev[0] and flur == prev[1]:
                ditto(pg, a, xs[2] + pad, ry, hand, pt, ink)
            else:
                write(2, ry, flur)
            write(3, ry, fst)
            prev = (gem, flur)
        if not plot:
            dev.pen(pg, xs[1] + pad, y, pick(a, "x12hk_same", L("same")), hand, pt, ink)
        for r, s in enumerate(owner):
            write(4, y + r * lh, s)
        for r, s in enumerate(text):
            dev.pen(pg, xs[5] + pad, y + r * lh, s, hand, pt, ink)
        if e.type != "Vereinigungsbaulast" and b:
            write(6, y, b.gemarkung)
            write(7, y, str(b.flur))
            write(8, y, b.flurstueck)
        else:
            for i in (6, 7, 8):
                pg.hand_line(xs[i] + P(3), y - P(1.5), xs[i + 1] - P(3), y - P(1.5), 0.25, fill=ink)
        write(9, y, decl.shown)
        write(10, y, sd.registered[n])
        pg.signature(xs[11] + pad + P(1), y, w_mm=min(10, room(11) * 25.4 / pg.dpi - 1), h_mm=3.5, fill=ink)
        if gone:
            write(12, y, gone.shown)
            pg.signature(xs[12] + pad + P(1), y + lh, w_mm=9, h_mm=3, fill=ink)
            ya, yb = y - lh * 0.35, y + (len(text) - 1) * lh - lh * 0.35
            pg.draw.line([(xs[5] + pad, ya), (xs[6] - pad, yb)], fill=ink + 25, width=max(1, P(0.3)))
        y += rows * lh
    return d | sd.kinds(), False


# --- (3) a register program's two-page PDF, printed two pages to a landscape sheet ---------------------------------
NUP = 0.673  # the printer's reduction: an A4 page onto half of a landscape A4 sheet


def inner_page(pg: Page, scale: float) -> Page:
    """A page of the PDF as the printer draws it onto the sheet: an A4 page at `scale` of the sheet's resolution. Made
    without calling Page(), which would start a new attempt for whoever watches the drawing."""
    v = Page.__new__(Page)
    v.dpi, v.rng = pg.dpi * scale, pg.rng
    v.width_mm, v.height_mm = 210, 297
    v.img = Image.new("L", (v.px(210), v.px(297)), 255)
    v.draw = ImageDraw.Draw(v.img)
    return v


def status(a: Akte, L) -> str:
    gone = sum(1 for e in a.entries if e.deleted_on)
    return L("live") if not gone else (L("gone") if gone == len(a.entries) else L("part"))


def mail_host(a: Akte) -> str:
    name = "rhein-kreis-neuss" if a.by_kreis else a.municipality.lower()
    return name.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")


def sheet_two_up(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    L, d = tpl.label, {"aktenzeichen", "page_number", "phone_number", "parcel_area"}
    f, fb = tpl.form_font, tpl.bold_font
    sd = sheet_dates(a, tpl)
    printed = sd.one("print_date")
    day, section, gazette = law(a, printed.day)
    auth = dev2.period_authority(a, printed.day.year)
    num = a.register_display
    reg_label = pick(a, "x12nu_reglabel", L("reg"))
    pt = pt * 1.1
    pages = [inner_page(pg, NUP), inner_page(pg, NUP)]
    v = pages[0]
    V = v.px
    x0, x1 = V(20), v.img.width - V(18)
    W = x1 - x0
    lh = v.line_height(f, pt, 1.35)
    y_foot = v.img.height - V(14)
    print_line = f"{printed.text} {L('by')} {pick(a, 'x12nu_user', SURNAMES)}"

    def foot(pv: Page, k: int) -> None:
        pv.hline(x0, x1, y_foot - V(4), 0.2, fill=120)
        pv.text(x0, y_foot, print_line, f, 7.5, fill=60)
        pv.text(x1, y_foot, f"{L('page')} {k} {L('of')} 2", f, 7.5, fill=60, anchor="rs")

    # page 1: letterhead, contact, title, the sheet's key data and its parcels
    for i, s in enumerate(auth):
        v.text(x0, V(18) + i * V(5), s, fb if i == 0 else f, 10.5 if i == 0 else 9.5)
    area = dev2.AREA_CODE[a.municipality]
    ext = 100 + akte_hash(a, "x12nu_ext") % 800
    contact = [(L("contact"), pick(a, "x12nu_clerk", SURNAMES)), (L("room"), f"{1 + akte_hash(a, 'x12nu_r') % 4}."
                                                                           f"{10 + akte_hash(a, 'x12nu_r2') % 40}"),
               (L("phone"), f"{area} {ext}-{10 + akte_hash(a, 'x12nu_line') % 90}"), (L("fax"), f"{area} {ext}-99"),
               (L("mail"), f"bauaufsicht@{mail_host(a)}.de")]
    xc = x0 + round(W * 0.60)
    for i, (k, val) in enumerate(contact):
        v.text(xc, V(18) + i * V(4.2), k, f, 7.5, fill=70)
        v.text(xc + V(25), V(18) + i * V(4.2), val, f, 7.5)
    y = V(50)
    v.text(x0, y, L("title"), fb, 20)
    y += V(7)
    keeper = dev2.genitive(auth[0] if a.by_kreis else municipality_name(a))
    v.text(x0, y, f"Baulastenverzeichnis {keeper} nach {section} BauO NRW", f, 9.5, fill=50)
    y += V(6)
    keys = [(L("number"), num), (L("muni"), a.municipality), (L("az"), a.aktenzeichen),
            (L("created"), sd.one("creation_date").shown), (L("changed"), sd.one("change_date").shown),
            (L("status"), status(a, L))]
    kx = x0 + V(42)
    for k, val in keys:
        v.rect((x0, y, x1, y + lh + V(1.5)), 0.15, outline=170)
        v.rect((x0, y, kx, y + lh + V(1.5)), 0.15, fill=238, outline=170)
        v.text(x0 + V(1.5), y + lh - V(0.3), k, fb, pt * 0.9)
        v.text(kx + V(2), y + lh - V(0.3), val, fb if k == L("number") else f, pt * (1.15 if k == L("number") else 1))
        y += lh + V(1.5)
    y += V(6)
    v.text(x0, y, L("parcels"), fb, pt * 1.15)
    y += V(2.5)
    cols = [x0 + round(W * c) for c in (0, 0.12, 0.30, 0.42, 0.82, 1.0)]
    heads = (L("flur"), L("zaehler"), L("nenner"), L("addr"), L("size"))
    gem_ = None
    for i, p in enumerate(a.parcels):
        if p.gemarkung != gem_:  # a table a Gemarkung, its name in the table's head
            gem_ = p.gemarkung
            y += V(1.5)
            v.rect((cols[0], y, cols[-1], y + lh + V(1)), 0.2, fill=205, outline=120)
            v.text(cols[0] + V(1.5), y + lh - V(0.5), f"{L('gem')} {p.gemarkung}", fb, pt)
            y += lh + V(1)
            hh = 2 * lh
            for c, head in enumerate(heads):
                v.rect((cols[c], y, cols[c + 1], y + hh), 0.15, fill=232, outline=150)
                for j, s in enumerate(head.split("\n")):
                    v.text(cols[c] + V(1.2), y + lh * (j + 0.85), s, fb, pt * 0.85)
            y += hh
        z, _, n = p.flurstueck.partition("/")
        cells = (str(p.flur), z, n, dev7.lage(a, i, p), dev7.area(a, p).removesuffix(" m²"))
        lage = v.wrap(cells[3], f, pt * 0.9, cols[4] - cols[3] - V(2))[:2]
        rh = max(1, len(lage)) * lh + V(1)
        for c, s in enumerate(cells):
            v.rect((cols[c], y, cols[c + 1], y + rh), 0.15, outline=150)
            lines = lage if c == 3 else [s]
            for j, line in enumerate(lines):
                right = c in (0, 1, 2, 4)
                v.text(cols[c + 1] - V(1.5) if right else cols[c] + V(1.2), y + lh * (j + 0.85) - V(0.2), line, f,
                       pt * (0.9 if c == 3 else 1), anchor="rs" if right else "ls")
        y += rh
    y += V(7)

    # the Baulasten: a block each, on page 1 as far as they go, the rest on page 2 above the notes
    def block_lines(pv: Page, e: Entry) -> tuple[list[tuple[str, str]], list[str]]:
        n = e.lfd_nr
        gone = sd.one("deletion_date", n)
        b = a.benefit
        ben = (f"{L('gmk')} {b.gemarkung}, {L('fl')} {b.flur}, {L('flst')} {b.flurstueck}"
               if b and e.type != "Vereinigungsbaulast" else "–")
        kv = [(L("decl"), sd.one("declaration_date", n).shown), (reg_label, sd.registered[n]),
              (L("dele"), gone.shown if gone else "–"), (L("ben"), ben)]
        text = pv.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, W - V(4))
        return kv, text

    def block_height(pv: Page, e: Entry) -> float:
        kv, text = block_lines(pv, e)
        return V(7) + len(kv) * lh + V(2) + lh + len(text) * lh + V(5)

    def block(pv: Page, e: Entry, yb: float) -> float:
        kv, text = block_lines(pv, e)
        pv.rect((x0, yb, x1, yb + V(7)), 0.15, fill=215, outline=130)
        pv.text(x0 + V(1.5), yb + V(5), f"{L('baulast')} – {L('lfd')} {e.lfd_nr}: {dev2.type_shown(e.type)}", fb, pt)
        pv.text(x1 - V(1.5), yb + V(5), L("gone") if e.deleted_on else L("live"), fb, pt * 0.9, anchor="rs")
        yy = yb + V(7) + lh
        for k, val in kv:
            pv.text(x0 + V(1.5), yy, k, f, pt * 0.9, fill=70)
            pv.text(x0 + V(50), yy, val, f, pt)
            yy += lh
        yy += V(2)
        pv.text(x0 + V(1.5), yy, L("content"), fb, pt * 0.9)
        yy += lh
        for s in text:
            pv.text(x0 + V(1.5), yy, s, f, pt, fill=90 if e.deleted_on else 0)
            yy += lh
        return yb + block_height(pv, e)

    rest = list(a.entries)
    while rest and y + block_height(v, rest[0]) <= y_foot - V(8):
        y = block(v, rest.pop(0), y)
    foot(v, 1)
    # page 2: the running head, the other Baulasten, the notes
    v2 = pages[1]
    v2.text(x0, V(14), f"{L('title')} {num} – {municipality_name(a)}", f, 8.5, fill=60)
    v2.text(x1, V(14), f"{L('page')} 2 {L('of')} 2", f, 8.5, fill=60, anchor="rs")
    v2.hline(x0, x1, V(16), 0.2, fill=120)
    y = V(26)
    for e in rest:
        if y + block_height(v2, e) > y_foot - V(40):
            return d, True
        y = block(v2, e, y)
    cited = f"({section} Abs. 1 BauO NRW" + (f" vom {FORMATS['long'](day)}, {gazette})" if sd.one("law_date")
                                             else ")")
    notes = [f"Baulasten werden unbeschadet der Rechte Dritter mit der Eintragung in das Baulastenverzeichnis wirksam "
             f"{cited}.",
             "Die Auskunft gibt den Stand des Baulastenverzeichnisses am Tag des Ausdrucks wieder. Sie ersetzt nicht "
             "die Einsicht in die Baulastenakte.",
             "Dieser Ausdruck wurde maschinell erstellt und ist ohne Unterschrift gültig."]
    y += V(6)
    v2.text(x0, y, L("notes"), fb, pt)
    y += lh
    for s in notes:
        for line in v2.wrap(s, f, pt * 0.9, W):
            v2.text(x0, y, line, f, pt * 0.9, fill=40)
            y += lh
        y += V(1.5)
    foot(v2, 2)
    # the sheet: both pages side by side, each in the printer's thin frame where the driver draws one
    frame = pick(a, "x12nu_frame", (True, False))
    half = pg.img.width // 2
    for k, pv in enumerate(pages):
        px_ = k * half + (half - pv.img.width) // 2
        py_ = (pg.img.height - pv.img.height) // 2
        pg.img.paste(pv.img, (px_, py_))
        if frame:
            pg.rect((px_, py_, px_ + pv.img.width - 1, py_ + pv.img.height - 1), 0.15, outline=90)
    pg.draw = ImageDraw.Draw(pg.img)
    return d | sd.kinds(), False


# --- (4) a typed sheet, its parcels brought up to date by pen after a survey of the cadastre --------------------------
def amendments(a: Akte) -> list[tuple[list[int], str]]:
    """The parcels a survey of the cadastre changed after the sheet was typed: (the indices of the parcels as they are
    now, the Flurstück the sheet was typed with). A Flurstück with a Nenner was split off the whole one ('45' into
    '45/2' and '45/3'); one without was renumbered. None that would read as another of the sheet's parcels or as the
    benefiting one."""
    if not a.is_baulast:
        return []
    which = pick(a, "x12fo_which", ("all", "first", "last", "all"))
    last = len(a.parcels) - 1
    now = {(p.gemarkung, p.flur, p.flurstueck) for p in a.parcels}
    if a.benefit:
        now.add((a.benefit.gemarkung, a.benefit.flur, a.benefit.flurstueck))
    out: list[tuple[list[int], str]] = []
    used: set[tuple[str, int, str]] = set()
    for i, p in enumerate(a.parcels):
        if (which == "first" and i) or (which == "last" and i != last):
            continue
        z, _, n = p.flurstueck.partition("/")
        step = 1 + akte_hash(a, f"x12fo_old{i}") % 60
        old = z if n else str(int(z) - step if int(z) > step else int(z) + step)
        key = (p.gemarkung, p.flur, old)
        if out and out[-1][1] == old and out[-1][0][-1] == i - 1 and a.parcels[i - 1].flur == p.flur \
                and a.parcels[i - 1].gemarkung == p.gemarkung:
            out[-1][0].append(i)  # the second part of the same split
            continue
        if key in now or key in used:
            continue
        used.add(key)
        out.append(([i], old))
    return out


def survey_day(a: Akte) -> dt.date:
    """The day the survey was taken over into the register: after the last registration."""
    return dev3.offset(a, "x12fo_survey", a.entries[-1].registered_on, 150, 2400)


def survey_number(a: Akte) -> str:
    return f"{100 + akte_hash(a, 'x12fo_fn') % 880}/{survey_day(a).year % 100:02d}"


def typed_plot(a: Akte) -> list[tuple[str, int, list[tuple[str, list[str]]]]]:
    """The plot as it was typed, Flur by Flur: (Gemarkung, Flur, [(typed Flurstück, [its parcels now] or [])])."""
    changed = {idx[0]: (idx, old) for idx, old in amendments(a)}
    skip = {i for idx, _ in changed.values() for i in idx[1:]}
    out: list[tuple[str, int, list[tuple[str, list[str]]]]] = []
    for i, p in enumerate(a.parcels):
        if i in skip:
            continue
        tok = (changed[i][1], [a.parcels[j].flurstueck for j in changed[i][0]]) if i in changed else (p.flurstueck, [])
        if out and out[-1][:2] == (p.gemarkung, p.flur):
            out[-1][2].append(tok)
        else:
            out.append((p.gemarkung, p.flur, [tok]))
    return out


def typed_text(a: Akte, e: Entry) -> str:
    """An entry's text as it was typed: naming the parcels as they were then."""
    changes = [(a.parcels[j], Parcel(a.parcels[j].gemarkung, a.parcels[j].flur, old))
               for idx, old in amendments(a) for j in idx]
    return replace_parcels([dev2.period_text(e.text, e.registered_on.year)], changes)[0]


def sheet_survey_amended(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number"}
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    cx = (x0 + x1) // 2
    sd = sheet_dates(a, tpl)
    lh = pg.line_height(fv, pt, 1.3)
    top = P(tpl.top)
    hand = pick(a, "x12fo_hand", HANDS)
    ink = 30 + akte_hash(a, "x12fo_ink") % 40
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    # the printed head: the number's box on the left, the authority on the right
    box = (x0, top, x0 + P(48), top + P(19))
    pg.rect(box, 0.5)
    pg.rect((box[0] + P(1), box[1] + P(1), box[2] - P(1), box[3] - P(1)), 0.2)
    pg.text(box[0] + P(2.5), box[1] + P(5), L("number"), f, 8)
    pg.typed(box[0] + P(7), box[1] + P(14), a.register_display, fv, pt * 1.45)
    for i, s in enumerate(auth):
        pg.text(x1, top + P(4) + i * P(4.6), s, fb if i == 0 else f, 10 if i == 0 else 9.5, anchor="rs")
    y = top + P(31)
    pg.text(cx, y, L("title"), fb, 17, anchor="ms")
    y += P(11)
    end = pg.text(x0, y, L("muni"), f, 10)
    pg.hline(end + P(1.5), x0 + round(W * 0.45), y + P(1), 0.15)
    pg.typed(end + P(4), y, a.municipality, fv, pt)
    end = pg.text(x0 + round(W * 0.52), y, L("az"), f, 10)
    pg.hline(end + P(1.5), x1, y + P(1), 0.15)
    pg.typed(end + P(4), y, a.aktenzeichen, fv, pt)
    y += P(11)
    pg.text(x0, y, L("s1"), fb, 11)
    y += P(3)
    plot = typed_plot(a)
    changed = any(now for _, _, toks in plot for _, now in toks)
    stamp_w = P(52) if changed else 0
    now_word = pick(a, "x12fo_now", (L("now") + " ", ""))
    space = pg.width(" ", fv, pt)
    y_plot = y
    y += round(lh * 1.9)
    for gem, flur, toks in plot:
        word = L("fsts") if len(toks) > 1 else L("fst")
        x = pg.typed(x0 + P(4), y, f"{L('gem')} {gem}, {L('flur')} {flur}, {word}", fv, pt) + space
        pen_end = 0.0
        for k, (typed, now) in enumerate(toks):
            sep = "," if k < len(toks) - 2 else (f" {L('and')}" if k == len(toks) - 2 else "")
            tw = pg.width(typed, fv, pt)
            if x + tw > x1 - stamp_w:
                y += round(lh * 1.9)
                x = x0 + P(4) + pg.width("    ", fv, pt)
                pen_end = 0.0
            xe = pg.typed(x, y, typed, fv, pt)
            if now:  # struck through by pen, the parcels as they are now written above it
                pg.hand_line(x - P(0.5), y - lh * 0.28, xe + P(0.5), y - lh * 0.32, 0.3, fill=ink)
                xp = max(x, pen_end + P(2))
                pen_end = dev.pen(pg, xp, y - lh * 0.95, now_word + f" {L('and')} ".join(now), hand, pt * 0.95, ink)
            x = pg.typed(xe, y, sep, fv, pt) + space
        y += round(lh * 1.9)
    if changed:
        stamp = [(L("ff1"), "dv_sans_bold", 7.5), (L("ff2"), "dv_sans", 7),
                 (sd.one("change_date").shown, "dv_sans_bold", 9), (f"{L('fn')} {survey_number(a)}", "dv_sans", 7.5)]
        dev.rubber_stamp(pg, x1, y_plot + P(1), stamp, anchor="rt", pad_mm=1.8)
        d |= {"survey_number", "former_parcel"}
    y -= round(lh * 0.5)
    if a.address:
        pg.typed(x0 + P(4), y, f"{L('addr')} {a.address}", fv, pt)
        y += lh
    if a.grundbuch:
        pg.typed(x0 + P(4), y, f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}", fv, pt)
        d.add("grundbuch_blatt")
        y += lh
    y = max(y + P(6), y_plot + P(25)) if changed else y + P(6)
    pg.text(x0, y, L("s2"), fb, 11)
    y += P(4) + lh
    y_bot = pg.img.height - P(18)
    formula, _ = pick(a, "x12fo_formula", L("formula"))
    tx = x0 + P(8)
    width = x1 - tx
    for e in a.entries:
        n = e.lfd_nr
        body = typed_lines(pg, typed_text(a, e), fv, pt, width)
        decl = sd.one("declaration_date", n)
        reg = sd.registered[n]
        closing = formula.format(decl=L("decl"), d=decl.shown if decl else "", r=reg)
        close = kept(pg, closing, (decl.shown, reg) if decl else (reg,), fv, pt, width)
        gone = sd.one("deletion_date", n)
        gone_lines = kept(pg, gone.text, (gone.shown,), fv, pt, width) if gone else []
        need = (len(body) + len(close) + 2.4 + (len(gone_lines) + 1.6 if gone else 0)) * lh
        if y + need > y_bot:
            return d, True
        pg.typed(x0, y, f"{n}.", fv, pt)
        for i, s in enumerate(body):
            pg.typed(tx, y + i * lh, s, fv, pt)
        yy = y + len(body) * lh
        for i, s in enumerate(close):
            pg.typed(tx, yy + i * lh, s, fv, pt)
        yy += len(close) * lh + lh * 0.9
        end = pg.typed(x1 - P(62), yy, L("ia"), fv, pt)
        pg.signature(end + P(4), yy, w_mm=26, h_mm=5.5, fill=ink)
        if gone:  # crossed out by pen
            pg.draw.line([(tx, y - lh * 0.7), (x1 - P(4), y + (len(body) - 1) * lh)], fill=ink + 20,
                         width=max(1, P(0.3)))
            yy += lh * 1.3
            for i, s in enumerate(gone_lines):  # typed while the office had typewriters, later written by pen
                if e.deleted_on.year < 1995:
                    pg.typed(tx, yy + i * lh, s, fv, pt)
                else:
                    dev.pen(pg, tx, yy + i * lh, s, hand, pt * 1.1, ink)
            pg.signature(x1 - P(40), yy + (len(gone_lines) - 0.2) * lh, w_mm=22, h_mm=5, fill=ink)
            yy += len(gone_lines) * lh
        y = yy + lh * 1.5
    pg.text(x0, pg.img.height - P(10), L("form"), f, 7)
    pg.text(x1, pg.img.height - P(10), f"{L('page')} {page_no}", f, 9, anchor="rs")
    return d | sd.kinds(), False


# --- (5) a line printer's list on continuous paper, photographed lying on a desk ----------------------------------
def ascii_upper(s: str) -> str:
    """As a printer without umlauts prints a word: capitals, 'UE' for 'Ü'."""
    return s.upper().translate(str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS"}))


def printer_case(a: Akte):
    """How this list prints words: in capitals, with umlauts where the printer's chain had them."""
    return ascii_upper if pick(a, "x12ph_umlaut", (True, False)) else (lambda s: s.upper().replace("ß", "SS"))


def solve(rows: list[list[float]], rhs: list[float]) -> list[float]:
    """The solution of a small linear system (Gaussian elimination with pivoting)."""
    n = len(rhs)
    m = [row[:] + [b] for row, b in zip(rows, rhs)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                k = m[r][c] / m[c][c]
                m[r] = [x - k * y for x, y in zip(m[r], m[c])]
    return [m[r][n] / m[r][r] for r in range(n)]


def perspective(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) taking each point dst[i] of the photo to src[i] of the page."""
    rows, rhs = [], []
    for (X, Y), (x, y) in zip(src, dst):
        rows += [[x, y, 1, 0, 0, 0, -X * x, -X * y], [0, 0, 0, x, y, 1, -Y * x, -Y * y]]
        rhs += [X, Y]
    return solve(rows, rhs)


def photograph(pg: Page, a: Akte) -> None:
    """The page photographed from above while lying on a desk: a little smaller than the picture, its corners not
    quite square, the light falling off to one side, the desk around it, a soft shadow of the one who took it."""
    P, rng = pg.px, pg.rng
    w, h = pg.img.size
    page = pg.img.point(lambda v: 18 + v * (228 + akte_hash(a, "x12ph_white") % 20) // 255)

    def corner(salt: str, fx: float, fy: float) -> tuple[float, float]:
        jx = (akte_hash(a, salt + "x") % 100 - 50) / 50 * 0.015
        jy = (akte_hash(a, salt + "y") % 100 - 50) / 50 * 0.012
        return w * (fx + jx), h * (fy + jy)

    ix, iy = 0.045 + (akte_hash(a, "x12ph_ix") % 30) / 1000, 0.035 + (akte_hash(a, "x12ph_iy") % 25) / 1000
    quad = [corner("tl", ix, iy), corner("tr", 1 - ix, iy + 0.004), corner("br", 1 - ix + 0.006, 1 - iy),
            corner("bl", ix - 0.004, 1 - iy + 0.003)]
    coeffs = perspective([(0, 0), (w, 0), (w, h), (0, h)], quad)
    warped = page.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=255)
    mask = Image.new("L", (w, h), 255).transform((w, h), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=0)
    # the desk: a dark, grainy, streaked surface
    cw, ch = max(1, w // 6), max(1, h // 120)
    grain = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch)).resize((w, h), Image.BILINEAR)
    tone = 70 + akte_hash(a, "x12ph_desk") % 60
    desk = grain.point(lambda v: max(0, min(255, tone - 18 + v * 36 // 255)))
    img = Image.composite(warped, desk, mask)
    # the light: brighter on one side, falling off to the far corner
    angle = math.radians(akte_hash(a, "x12ph_light") % 360)
    gw, gh = 64, 64
    light = Image.new("L", (gw, gh))
    for yy in range(gh):
        for xx in range(gw):
            u, v_ = xx / (gw - 1) - 0.5, yy / (gh - 1) - 0.5
            t = u * math.cos(angle) + v_ * math.sin(angle)
            light.putpixel((xx, yy), round(255 * (0.86 + 0.14 * (0.5 - t) - 0.1 * (u * u + v_ * v_))))
    img = ImageChops.multiply(img, light.resize((w, h), Image.BILINEAR))
    # the photographer's shadow over one edge
    shadow = Image.new("L", (w, h), 255)
    sd_ = ImageDraw.Draw(shadow)
    side = pick(a, "x12ph_shadow", ("bottom", "right", "left", "none"))
    if side != "none":
        depth = P(22 + akte_hash(a, "x12ph_sdepth") % 25)
        box = {"bottom": (-P(40), h - depth, w * 0.7, h + P(40)), "right": (w - depth, h * 0.3, w + P(40), h + P(40)),
               "left": (-P(40), h * 0.45, depth, h + P(40))}[side]
        sd_.ellipse(box, fill=165)
        shadow = shadow.filter(ImageFilter.GaussianBlur(P(9)))
        img = ImageChops.multiply(img, shadow)
    img = img.filter(ImageFilter.GaussianBlur(max(0.6, pg.dpi / 320)))
    pg.img, pg.draw = img, ImageDraw.Draw(img)


def continuous_paper(pg: Page) -> tuple[int, int]:
    """The tractor strips of continuous paper: the feed holes down both sides and the perforation inside them; the
    printable width between."""
    P = pg.px
    w, h = pg.img.size
    strip = P(12.7)
    y = P(6.35)
    while y < h:
        for cx in (strip // 2, w - strip // 2):
            r = P(2)
            pg.draw.ellipse((cx - r, y - r, cx + r, y + r), fill=205, outline=150)
        y += P(12.7)
    for x in (strip, w - strip):
        yy = 0
        while yy < h:
            pg.vline(x, yy, yy + P(1.2), 0.15, fill=170)
            yy += P(2.4)
    return strip, w - strip


def sheet_photographed_list(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, {"aktenzeichen", "page_number", "program_name"}
    f = tpl.value_font
    sd = sheet_dates(a, tpl)
    up = printer_case(a)
    continuous_paper(pg)
    x0 = P(tpl.margin)
    adv = pg.width("M", f, pt)
    cols = int((pg.img.width - 2 * x0) / adv)
    lh = round(pg.dpi / 6 * pt / 10.5)  # six lines to the inch at the list's own size
    y = P(tpl.top)
    y_bot = pg.img.height - P(14)

    def line(s: str, col: int = 0) -> None:
        pg.typed(x0 + col * adv, y, s, f, pt, ink=25)

    def right(s: str) -> None:
        line(s, cols - len(s))

    auth = dev2.period_authority(a, sd.one("print_date").day.year)
    line(up(auth[0]))
    right(sd.one("print_date").text)
    y += lh
    line(L("title"))
    right(f"{L('page')} {page_no:>5}")
    y += lh
    line(f"{L('prog')} BLV{200 + akte_hash(a, 'x12ph_prog') % 90}")
    right(f"{L('time')} {clock(a, 'x12ph')}")
    y += lh
    line("=" * cols)
    y += lh * 1.5
    line(f"{L('number')} {a.register_display}")
    line(f"{L('muni')} {up(a.municipality)}", cols // 2)
    y += lh
    line(f"{L('az')} {a.aktenzeichen}")
    if a.grundbuch:
        line(f"{L('gb')} {up(a.grundbuch[0])} {L('gb_blatt')} {a.grundbuch[1]}", cols // 2)
        d.add("grundbuch_blatt")
    y += lh
    if a.address:
        line(f"{L('addr')} {up(a.address)}")
        y += lh
    y += lh * 0.5
    line(L("parcels"))
    y += lh
    by_gem: list[tuple[str, list[str]]] = []
    for gem, flur, fst in groups(a):
        part = f"{L('flur')} {flur} {L('fst')} {', '.join(fst)}"
        if by_gem and by_gem[-1][0] == gem:
            by_gem[-1][1].append(part)
        else:
            by_gem.append((gem, [part]))
    for gem, parts in by_gem:
        for s in pg.wrap(f"{L('gem')} {up(gem)} " + "; ".join(parts), f, pt, (cols - 4) * adv):
            line(s, 2)
            y += lh
    y += lh * 0.5
    for e in a.entries:
        n = e.lfd_nr
        text = pg.wrap(up(dev2.period_text(e.text, e.registered_on.year)), f, pt, (cols - 4) * adv)
        if y + (len(text) + 4) * lh > y_bot:
            return d, True
        line("-" * cols)
        y += lh
        line(f"{L('nr')} {n:<3} {L('kind')} {up(dev2.type_shown(e.type))}")
        y += lh
        gone = sd.one("deletion_date", n)
        line(f"{L('reg')} {sd.registered[n]}   {sd.one('declaration_date', n).text}   "
             f"{gone.text if gone else L('dele') + ' ' + L('none')}", 2)
        y += lh
        for s in text:
            line(s, 2)
            y += lh
    line("-" * cols)
    y += lh * 1.5
    line(L("end"), (cols - len(L("end"))) // 2)
    photograph(pg, a)
    return d | sd.kinds(), False


TWELFTH_RENDERERS = {"x12_blacked_page": sheet_blacked_page, "x12_spirit_register": sheet_spirit_register,
                     "x12_two_up": sheet_two_up, "x12_survey_amended": sheet_survey_amended,
                     "x12_photographed_list": sheet_photographed_list}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """heldout12's own draws for one random file (made by ``assemble.random_spec`` for this split only): one to three
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
                   "run": n_parcels > 2 and rng.random() < 0.6}


TEMPLATES.update(TWELFTH_TEMPLATES)
