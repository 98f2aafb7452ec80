"""Baulastenblatt templates and renderers of the ``dev3`` split: a development set (not held out) of sheets that
print several dates in or near their entries that are not the Eintragungsdatum.

Four sheets as Rhein-Kreis Neuss authorities kept them; on each, a reader who takes the first date of an entry
(or of the page) takes the wrong one, while the registration is plainly labelled for a careful one:

* ``ledger_folio`` (1960-1979, typewriter on a landscape "Baulastenbuch" folio, "Band II  Buchblatt Nr. 123"):
  the columns "Grundlage der Eintragung" (Verpflichtungserklärung vom ..., Bauantrag vom ..., Bauschein Nr. 412/63
  vom ..., Lageplan vom ... (Bl. 7 d. A.)) | Inhalt | "Tag der Eintragung" (the true date, as "14.02.1963",
  "14. 2. 1963", "14.02.63" or "14. Febr. 1963") | "Veränderungen und Löschungen" (berichtigt am ..., Gelöscht am ...
  auf Grund des Verzichts vom ...); often a typed certification of the copy at the foot ("Neuss, den ...") and the
  folio's edition ("Vordr. 61 (3/1959)").
* ``vermerk_form`` (1985-1999, a printed municipal form filled in by a needle printer): a letter-style date line
  in the header ("Kaarst, den 17.08.1992": the date of this Zweitschrift), a Bauakte number with a date in it
  ("63/2-14.02.83"), entry text opened by "Auf Grund der Baulasterklärung vom ..." and closed by the Bauantrag or
  Bauschein; a right-hand column "Eintragungsvermerk" with first the receipt of the declaration (typed, or an
  EINGEGANGEN stamp), then the labelled registration ("Eingetragen: Kaarst, den 12.03.1983", "eingetragen am
  12. März 1983" or "In das Baulastenverzeichnis eingetragen am ...") and a deletion ("Gelöscht: Kaarst, den ...");
  "Stand 01/1985" in the footer.
* ``event_printout`` (2001-2022, a print-out of the register software): per Baulast a chronological event list
  (Datum | Vorgang) in which "Eintragung in das Baulastenverzeichnis" is one row among the declaration, its
  receipt, the Bauantrag, the Baugenehmigung, an Ergänzung, the waiver and the Löschung; "Die Baulast ist gelöscht
  seit ..." under a deleted text; an Aktenzeichen "61.3 / 12.2004 - 415", a Grundbuchauszug "vom ..."; a footer
  block with print date, time, user, "Datenstand: ..." and page.
* ``kartei_card`` (1966-1996, an index card of the Baulastenkartei scanned on an A4 bed): pen writing and rubber
  stamps in the columns Eingang (an "EINGEGANGEN 03. MRZ. 1983" stamp) | Gegenstand (with "Erkl. v. 3.3.83",
  "BS 412/83 v. 22.6.83") | Eintragung (an "EINGETRAGEN 12. MRZ. 1983" stamp or a pen date "12.3.83") | Löschung
  (a GELÖSCHT stamp with a pen date); the card's edition "Vordr. 3/1979" printed at its foot.

Every date a sheet prints is planned before drawing by ``sheet_dates(a, tpl)`` from the Akte alone (so it is the
same whatever the page's own random draws): per entry the Eintragungsdatum as printed, and the other dates
(``Mention``: its kind, as named in the truth's ``distractors``, the date, the date as printed, the phrase, the
entry it stands with). No mention is on an entry's registration day; a ``deletion_date`` mention is the entry's
``deleted_on``. The renderers draw every planned mention and the truth is the same as for every other layout.

``DEV3_TEMPLATES`` are registered in ``layouts.TEMPLATES`` when this module is imported (``layouts`` imports it
at its end), ``DEV3_RENDERERS`` in ``sheets.RENDERERS``, and ``spec_draws`` is the split's own part of
``assemble.random_spec``. The helpers of ``sheets_dev``, ``sheets_dev2`` and ``sheets_more`` are used through
their modules, read at call time (``Later``), as these modules and ``layouts`` import each other.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from dataclasses import dataclass

from . import Later
from . import sheets_dev2 as dev2
from .content import Akte, Entry, de_date
from .degrade import MONTHS as MONTHS_STAMP
from .layouts import _BASE, LABELS, TEMPLATES, Template, flur_groups
from .render import Page

SPLIT = "dev3"


dev, more = Later(".sheets_dev"), Later(".sheets_more")

DEV3_LABELS = {
    "DEV3_LB": {**_BASE, "title": "Baulastenbuch", "band": "Band", "number": "Buchblatt Nr.", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück(e)", "addr": "Lage", "gb": "Grundbuch von", "gb_blatt": "Blatt",
                "az": "Akt.-Z.", "nr": "Lfd.\nNr.", "basis": "Grundlage der Eintragung\n(Erklärung, Bauschein)",
                "text": "Inhalt der Baulast", "reg": "Tag der\nEintragung", "changes": "Veränderungen\nund Löschungen",
                "certify": "Die Übereinstimmung dieser Abschrift mit dem Baulastenbuch wird beglaubigt.",
                "ia": "Im Auftrag", "seal": "SIEGEL"},
    "DEV3_VF": {**_BASE, "title": "Baulastenblatt", "copy": "– Zweitschrift für die Bauakte –",
                "number": "Verzeichnisblatt Nr.", "von": "Stadt / Gemeinde", "bauakte": "Bauakte",
                "gem": "Gemarkung", "flur": "Flur", "fst": "Flurstück", "addr": "Lage (Straße, Hausnummer)",
                "gb": "Grundbuch", "gb_blatt": "Blatt", "nr": "Lfd.\nNr.",
                "text": "Inhalt der Baulast\n(mit Angabe der Grundlage)",
                "rem": "Eintragungsvermerk\n(Datum, Unterschrift)", "basis": "Auf Grund der", "reg": "Eingetragen:",
                "reg_long": "eingetragen am", "reg_prose": "In das Baulastenverzeichnis eingetragen am",
                "dele": "Gelöscht:", "den": "den", "recv_stamp": "EINGEGANGEN",
                "page": "Seite"},
    "DEV3_CP": {**_BASE, "title": "Baulastenblatt", "sub": "Auszug aus dem automatisierten Baulastenverzeichnis",
                "number": "Blattkennung", "von": "Gemeinde", "az": "Aktenzeichen", "clerk": "Sachbearbeitung",
                "parcels": "Belastete Grundstücke", "fst": "Flurstück", "fst_pl": "Flurstücke", "and": "und",
                "addr": "Lage:", "gb": "Grundbuch:", "gb_blatt": "Blatt",
                "entry": "Baulast lfd. Nr.", "status": "Status:", "active": "wirksam", "deleted": "gelöscht",
                "day": "Datum", "event": "Vorgang", "text": "Inhalt:", "gone": "Die Baulast ist gelöscht seit",
                "user": "Benutzer:", "phone": "Tel.", "prog": "BauLIS", "of": "von", "time": "Uhr"},
    "DEV3_KK": {**_BASE, "title": "Baulastenkartei", "number": "Kartei-Nr.", "von": "Gemeinde", "gem": "Gemarkung",
                "flur": "Flur", "fst": "Flurstück(e)", "addr": "Lage", "gb": "Grundbuch", "gb_blatt": "Bl.",
                "nr": "Nr.", "recv": "Eingang", "text": "Gegenstand der Baulast", "reg": "Eintragung",
                "dele": "Löschung", "recv_stamp": "EINGEGANGEN", "reg_stamp": "EINGETRAGEN",
                "dele_stamp": "GELÖSCHT", "fl": "Fl.", "no": "Nr.", "and": "u.", "to": "zugunsten"},
}
LABELS.update(DEV3_LABELS)

DEV3_TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("tw_d3", "typewriter_form", "DEV3_LB", "dv_serif", "dv_serif_bold", "mono", pt=10.5, margin=13, top=10,
             years=(1960, 1979), split=SPLIT, renderer="ledger_folio", landscape=True),
    Template("dm_d3", "dot_matrix", "DEV3_VF", "dv_sans", "dv_sans_bold", "dv_mono", pt=10, margin=16, top=12,
             years=(1985, 1999), split=SPLIT, renderer="vermerk_form"),
    Template("cp_d3", "computer_print", "DEV3_CP", "sans", "sans_bold", "dv_cond", pt=9.5, margin=18, top=11,
             years=(2001, 2022), split=SPLIT, renderer="event_printout"),
    Template("pc_d3", "typewriter_form", "DEV3_KK", "free_serif", "free_serif_bold", "free_serif_italic", pt=11,
             margin=6, top=9, years=(1966, 1996), split=SPLIT, renderer="kartei_card"),
)}

# the ways a date is printed: typed, printed, stamped or written by hand
FORMATS = {
    "numeric": de_date,  # 14.02.1983
    "short": lambda d: d.strftime("%d.%m.%y"),  # 14.02.83
    "spaced": lambda d: f"{d.day}. {d.month}. {d.year}",  # 14. 2. 1983
    "pen": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",  # 14.2.83
    "long": lambda d: dev.long_date(d),  # 14. Februar 1983
    "abbrev": lambda d: more.date_typed(d),  # 14. Febr. 1983
    "stamp": lambda d: f"{d.day:02d}. {MONTHS_STAMP[d.month - 1]} {d.year}",  # 14. FEB. 1983
}


@dataclass(frozen=True)
class Mention:
    """A date the sheet prints that is not an entry's Eintragungsdatum."""

    kind: str  # its name in the truth's distractors
    day: dt.date
    shown: str  # the date as printed
    text: str  # the phrase it is printed in
    label: str = ""  # the phrase without the date (an event list prints the two in separate columns)
    lfd_nr: int = 0  # the entry it stands with; 0: the sheet's head or foot
    full: bool = True  # False: month and year only ("3/1979")


@dataclass(frozen=True)
class SheetDates:
    """What dates one sheet prints: each entry's Eintragungsdatum as printed, and the mentions around them."""

    registered: dict[int, str]
    mentions: tuple[Mention, ...]
    how: str = ""  # how the registration is put, where a template has several ways

    def at(self, lfd_nr: int, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.lfd_nr == lfd_nr and (not kinds or m.kind in kinds)]

    def one(self, kind: str, lfd_nr: int = 0) -> Mention | None:
        return next(iter(self.at(lfd_nr, kind)), None)

    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions}


def said(kind: str, day: dt.date, shown: str, before: str = "", after: str = "", lfd_nr: int = 0) -> Mention:
    """The day, printed as `shown`, in the phrase before + shown + after (the splits' own formats make `shown`)."""
    return Mention(kind, day, shown, f"{before}{shown}{after}", before.strip(), lfd_nr)


def mention(kind: str, day: dt.date, fmt: str, before: str = "", after: str = "", lfd_nr: int = 0) -> Mention:
    return said(kind, day, FORMATS[fmt](day), before, after, lfd_nr)


def month_mention(kind: str, day: dt.date, shown: str, before: str = "", after: str = "") -> Mention:
    return Mention(kind, day.replace(day=1), shown, f"{before}{shown}{after}", before.strip(), 0, full=False)


# --- the dates around the entries: from the Akte alone, never on an entry's registration or deletion day -----------
def clear(a: Akte, day: dt.date, step: int) -> dt.date:
    taken = {e.registered_on for e in a.entries} | {e.deleted_on for e in a.entries if e.deleted_on}
    while day in taken:
        day += dt.timedelta(days=step)
    return day


def offset(a: Akte, salt: str, base: dt.date, lo: int, hi: int) -> dt.date:
    """base moved by lo..hi days (drawn from the Akte), then off any registration or deletion day."""
    n = lo + dev2.akte_hash(a, salt) % (hi - lo + 1)
    return clear(a, base + dt.timedelta(days=n), 1 if n >= 0 else -1)


def declared(a: Akte, e: Entry) -> dt.date:
    """The owner's declaration (entry 1: the Akte's Verpflichtungserklärung, as on its own page)."""
    return a.declaration_date if e.lfd_nr == 1 else clear(a, dev2.entry_declaration(a, e), -1)


def received(a: Akte, e: Entry) -> dt.date:
    """The declaration's receipt (entry 1: the date of the Akte's EINGEGANGEN stamps)."""
    return a.stamp_date if e.lfd_nr == 1 else offset(a, f"recv{e.lfd_nr}", declared(a, e), 1, 7)


def applied(a: Akte, e: Entry) -> dt.date:
    return offset(a, f"app{e.lfd_nr}", declared(a, e), -200, -5)


def permitted(a: Akte, e: Entry) -> dt.date:
    """The building permit the Baulast was needed for: after the registration, before any deletion."""
    return offset(a, f"permit{e.lfd_nr}", e.registered_on, 6, 50)


def permit_number(a: Akte, e: Entry) -> str:
    return f"{100 + dev2.akte_hash(a, f'pno{e.lfd_nr}') % 850}/{permitted(a, e).year % 100:02d}"


def changed(a: Akte, e: Entry, salt: str = "change") -> dt.date | None:
    """A later amendment of the entry (a new Lageplan, a corrected parcel name), if there was room for one; another
    `salt` draws another day."""
    end = min(e.deleted_on - dt.timedelta(days=30) if e.deleted_on else dt.date(2024, 6, 30),
              e.registered_on + dt.timedelta(days=2500))
    span = (end - e.registered_on).days
    return offset(a, f"{salt}{e.lfd_nr}", e.registered_on, 120, span) if span > 120 else None


def waived(a: Akte, e: Entry) -> dt.date:
    return clear(a, dev2.waiver_date(a, e), -1)


def edition(a: Akte, salt: str, back: int) -> dt.date:
    """The month a printed form was issued, some years before the first entry."""
    year = a.entries[0].registered_on.year - 1 - dev2.akte_hash(a, salt) % back
    return dt.date(year, 1 + dev2.akte_hash(a, salt + "m") % 12, 1)


def after_all(a: Akte, ms: list[Mention], salt: str) -> dt.date:
    """The day a copy or print-out was made: after every date it shows (at the earliest ``sheets_dev.printed_on``,
    which is after every registration and deletion)."""
    printed, _ = dev.printed_on(a)
    last = max(m.day for m in ms if m.full) if any(m.full for m in ms) else printed
    return printed if last < printed else offset(a, salt, last, 1, 60)


def place(a: Akte) -> str:
    """Where the authority sits, as a letter's date line names it."""
    return "Grevenbroich" if a.by_kreis else a.municipality


# --- what each template prints --------------------------------------------------------------------------------
def plan_ledger(a: Akte) -> SheetDates:
    reg_fmt = dev2.pick(a, "lb_reg", ("numeric", "spaced", "short", "abbrev"))
    decl_fmt = dev2.pick(a, "lb_decl", ("numeric", "long", "abbrev"))
    decl_word = dev2.pick(a, "lb_decl_word", ("Verpflichtungserklärung vom ", "Erklärung vom "))
    ms: list[Mention] = []
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("declaration_date", declared(a, e), decl_fmt, decl_word, "", n))
        if n == 1:
            basis = dev2.pick(a, "lb_basis", ("permit", "application", "both"))
            if basis != "permit":
                ms.append(mention("application_date", applied(a, e), "numeric", "Bauantrag vom ", "", n))
            if basis != "application":
                ms.append(mention("permit_date", permitted(a, e), "short", f"Bauschein Nr. {permit_number(a, e)} vom ",
                                  "", n))
            if dev2.pick(a, "lb_plan", (True, False, False)):
                sheet = 3 + dev2.akte_hash(a, "lb_bl") % 20
                ms.append(mention("plan_date", offset(a, "plan", declared(a, e), -60, -3), "numeric", "Lageplan vom ",
                                  f" (Bl. {sheet} d. A.)", n))
        day = changed(a, e)
        if day and dev2.pick(a, f"lb_change{n}", (True, False)):
            what = dev2.pick(a, f"lb_what{n}", ("Lageplan ergänzt am ", "Flurstücksbezeichnung berichtigt am "))
            ms.append(mention("change_date", day, "numeric", what, "", n))
        if e.deleted_on:
            ms.append(mention("deletion_date", e.deleted_on, "numeric", "Gelöscht am ", "", n))
            ms.append(mention("waiver_date", waived(a, e), "numeric", "auf Grund des Verzichts vom ", ".", n))
    if dev2.pick(a, "lb_copy", (True, True, False)):
        ms.append(mention("letter_date", after_all(a, ms, "lb_copy_day"), "numeric", f"{place(a)}, den "))
    ed = edition(a, "lb_ed", 8)
    ms.append(month_mention("form_date", ed, f"{ed.month}/{ed.year}", "Vordr. 61 (", ")"))
    return SheetDates({e.lfd_nr: FORMATS[reg_fmt](e.registered_on) for e in a.entries}, tuple(ms))


def plan_vermerk(a: Akte) -> SheetDates:
    how = dev2.pick(a, "vf_reg", ("line", "line", "long", "prose"))
    reg_fmt = {"line": "numeric", "long": "long", "prose": dev2.pick(a, "vf_prose", ("numeric", "short"))}[how]
    here = f"{place(a)}, den "
    ms: list[Mention] = []
    first = a.entries[0]
    if dev2.pick(a, "vf_az", (True, False)):
        group = 1 + dev2.akte_hash(a, "vf_group") % 4
        ms.append(mention("aktenzeichen_date", applied(a, first), "short", f"63/{group}-"))
    decl = dev2.pick(a, "vf_decl", (True, True, False))
    decl_word = dev2.pick(a, "vf_decl_word", ("Baulasterklärung vom ", "Verpflichtungserklärung vom "))
    for e in a.entries:
        n = e.lfd_nr
        if n == 1 and dev2.pick(a, "vf_stamp", (True, False)):
            ms.append(mention("stamp_date", received(a, e), "stamp", "EINGEGANGEN ", "", n))
        else:
            ms.append(mention("receipt_date", received(a, e), "numeric", "Erklärung eingeg. am ", "", n))
        if decl:
            ms.append(mention("declaration_date", declared(a, e), dev2.pick(a, "vf_decl_fmt", ("numeric", "long")),
                              decl_word, "", n))
        basis = dev2.pick(a, f"vf_basis{n}", ("permit", "application", "none") if n == 1 else ("permit", "none"))
        if basis == "permit":
            ms.append(mention("permit_date", permitted(a, e), "numeric", f"Bauschein Nr. {permit_number(a, e)} vom ",
                              "", n))
        elif basis == "application":
            ms.append(mention("application_date", applied(a, e), "numeric", "Bauantrag vom ", "", n))
        if e.deleted_on:
            ms.append(mention("deletion_date", e.deleted_on, "numeric", here, "", n))
    ms.insert(0, mention("letter_date", after_all(a, ms, "vf_copy_day"), "numeric", here))
    ed = edition(a, "vf_ed", 5)
    ms.append(month_mention("form_date", ed, f"{ed.month:02d}/{ed.year}", "Vordruck 63.12 – Baulastenblatt – Stand "))
    return SheetDates({e.lfd_nr: FORMATS[reg_fmt](e.registered_on) for e in a.entries}, tuple(ms), how)


def plan_events(a: Akte) -> SheetDates:
    ms: list[Mention] = []
    first = a.entries[0]
    if dev2.pick(a, "cp_az", (True, False)):
        day = applied(a, first)
        ms.append(month_mention("aktenzeichen_date", day, f"{day.month:02d}.{day.year}", "61.3 / ",
                                f" - {100 + dev2.akte_hash(a, 'cp_az_n') % 900}"))
    if a.grundbuch and dev2.pick(a, "cp_gb", (True, False)):
        ms.append(mention("grundbuch_date", offset(a, "gbx", declared(a, first), -90, -10), "numeric",
                          "Grundbuchauszug vom "))
    for e in a.entries:
        n = e.lfd_nr
        ms.append(mention("declaration_date", declared(a, e), "numeric", "Baulasterklärung des Eigentümers ", "", n))
        if dev2.pick(a, f"cp_recv{n}", (True, True, False)):
            ms.append(mention("receipt_date", received(a, e), "numeric", "Eingang der Erklärung ", "", n))
        if n == 1 and dev2.pick(a, "cp_app", (True, False)):
            ms.append(mention("application_date", applied(a, e), "numeric", "Bauantrag eingegangen ", "", n))
        if dev2.pick(a, f"cp_permit{n}", (True, True, False)):
            ms.append(mention("permit_date", permitted(a, e), "numeric",
                              f"Baugenehmigung erteilt (Az. 63-{permit_number(a, e)}) ", "", n))
        day = changed(a, e)
        if day and dev2.pick(a, f"cp_change{n}", (True, False)):
            what = dev2.pick(a, f"cp_what{n}", ("Ergänzung: Lageplan ersetzt ",
                                                "Berichtigung der Flurstücksbezeichnung "))
            ms.append(mention("change_date", day, "numeric", what, "", n))
        if e.deleted_on:
            ms.append(mention("waiver_date", waived(a, e), "numeric", "Verzicht der Bauaufsichtsbehörde ", "", n))
            ms.append(mention("deletion_date", e.deleted_on, "numeric", "Löschung im Baulastenverzeichnis ", "", n))
    data = after_all(a, ms, "cp_data_day")  # the state of the data printed, the print a few days later
    printed = offset(a, "cp_print_day", data, 0, 3)
    ms.append(mention("print_date", printed, "numeric", "Druck: "))
    if dev2.pick(a, "cp_data", (True, True, False)):
        ms.append(mention("data_date", data, "numeric", "Datenstand: "))
    return SheetDates({e.lfd_nr: de_date(e.registered_on) for e in a.entries}, tuple(ms))


def plan_card(a: Akte) -> SheetDates:
    how = dev2.pick(a, "kk_reg", ("stamp", "stamp", "stamp", "pen"))
    ms: list[Mention] = []
    for e in a.entries:
        n = e.lfd_nr
        if n == 1:
            ms.append(mention("stamp_date", received(a, e), "stamp", "EINGEGANGEN ", "", n))
        else:
            ms.append(mention("receipt_date", received(a, e), "pen", "", "", n))
        ms.append(mention("declaration_date", declared(a, e), "pen", "Erkl. v. ", "", n))
        if n == 1 and dev2.pick(a, "kk_permit", (True, False)):
            ms.append(mention("permit_date", permitted(a, e), "pen", f"BS {permit_number(a, e)} v. ", "", n))
        day = changed(a, e)
        if day and dev2.pick(a, f"kk_change{n}", (True, False, False)):
            ms.append(mention("change_date", day, "pen", "erg. ", "", n))
        if e.deleted_on:
            ms.append(mention("deletion_date", e.deleted_on, "pen", "", "", n))
    ed = edition(a, "kk_ed", 6)
    ms.append(month_mention("form_date", ed, f"{ed.month}/{ed.year}", "Vordr. ", " – Karteikarte Baulasten"))
    return SheetDates({e.lfd_nr: FORMATS[how](e.registered_on) for e in a.entries}, tuple(ms), how)


PLANS = {"ledger_folio": plan_ledger, "vermerk_form": plan_vermerk, "event_printout": plan_events,
         "kartei_card": plan_card}


def sheet_dates(a: Akte, tpl: Template) -> SheetDates:
    """The dates a dev3 sheet of this Akte prints."""
    return PLANS[tpl.renderer](a)


def date_lines(pg: Page, before: str, shown: str, after: str, font: str, pt: float, width: float) -> list[str]:
    """A phrase wrapped to width with its date kept on one line, as a clerk would type it."""
    lines = pg.wrap(f"{before}{shown}{after}", font, pt, width)
    if any(shown in line for line in lines):
        return lines
    return pg.wrap(before, font, pt, width) + pg.wrap(f"{shown}{after}", font, pt, width)


def parcel_cells(a: Akte) -> list[tuple[str, str]]:
    """(Flur, Flurstücke) per Flur in printed order."""
    return [(str(flur), ", ".join(fst)) for flur, fst in flur_groups(a.parcels)]


# --- a typed folio of a bound Baulastenbuch (landscape) -------------------------------------------------------
def sheet_ledger_folio(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    from .sheets import form_field  # sheets imports this module

    P, L, d = pg.px, tpl.label, set()
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    y = P(tpl.top) + P(8)
    end = pg.text(x0, y, L("title"), fb, 21)
    pg.typed(end + P(5), y, dev2.genitive(auth[0]), fv, pt * 1.15)
    band = ("I", "II", "III", "IV", "V")[dev2.akte_hash(a, "band") % 5]
    x = form_field(pg, tpl, x1 - P(112), y, L("band"), band, 24, pt * 1.15)
    form_field(pg, tpl, x + P(8), y, L("number"), dev2.number_shown(a, "display"), 80, pt * 1.4)
    d.add("volume_number")
    y += P(3)
    pg.hline(x0, x1, y, 0.7)
    y += P(9)
    width = (x1 - x0) * 25.4 / pg.dpi
    for i, (flur, fst) in enumerate(parcel_cells(a)):
        x = form_field(pg, tpl, x0, y, L("gem"), a.parcels[0].gemarkung, 72, pt)
        x = form_field(pg, tpl, x + P(4), y, L("flur"), flur, 22, pt)
        x = form_field(pg, tpl, x + P(4), y, L("fst"), fst, 75, pt)
        if i == 0:
            form_field(pg, tpl, x + P(4), y, L("addr"), a.address or "", width - 181, pt)
        y += P(8)
    gb = a.grundbuch or ("", "")
    x = form_field(pg, tpl, x0, y, L("gb"), gb[0], 85, pt)
    x = form_field(pg, tpl, x + P(4), y, L("gb_blatt"), gb[1], 30, pt)
    form_field(pg, tpl, x + P(10), y, L("az"), a.aktenzeichen, 70, pt)
    d.add("aktenzeichen")
    if a.grundbuch:
        d.add("grundbuch_blatt")
    y += P(6)
    # the printed table down to the foot, the copy's certification under it
    copy = sd.one("letter_date")
    y_bot = pg.img.height - P(34 if copy else 16)
    xs = [x0 + round((x1 - x0) * c) for c in (0, 0.045, 0.22, 0.62, 0.76)] + [x1]
    head = P(11)
    pg.rect((x0, y, x1, y_bot), 0.5)
    for xx in xs[1:-1]:
        pg.vline(xx, y, y_bot, 0.3)
    for i, key in enumerate(("nr", "basis", "text", "reg", "changes")):
        for j, s in enumerate(L(key).split("\n")):
            pg.text((xs[i] + xs[i + 1]) // 2, y + P(4.5 + j * 4), s, fb if j == 0 else f, 8.5, anchor="ms")
    pg.hline(x0, x1, y + head, 0.5)

    def fit(i: int, before: str, shown: str, after: str = "") -> list[str]:  # into column i, as entry_rows pads it
        return date_lines(pg, before, shown, after, fv, pt, xs[i + 1] - xs[i] - 2 * P(1.8))

    def cells(e: Entry) -> list[list[str]]:
        n = e.lfd_nr
        basis = [s for m in sd.at(n, "declaration_date", "application_date", "permit_date", "plan_date")
                 for s in fit(1, *m.text.partition(m.shown))]
        changes = [s for m in sd.at(n, "change_date") for s in fit(4, *m.text.partition(m.shown))]
        if e.deleted_on:
            gone, waiver = sd.one("deletion_date", n), sd.one("waiver_date", n)
            changes += fit(4, *gone.text.partition(gone.shown)) + fit(4, *waiver.text.partition(waiver.shown))
            changes.append(more.SIG)
        return [[f"{n}."], basis, [dev2.period_text(e.text, e.registered_on.year)],
                fit(3, "", sd.registered[n]) + [more.SIG], changes]

    def strike(e: Entry, yy: int, lh: int, cols: list[list[str]]) -> None:  # deleted: the text crossed out by pen
        pg.hand_line(xs[2] + P(2), yy - round(lh * 0.7), xs[3] - P(2), yy + (len(cols[2]) - 1) * lh, w=0.35, fill=70)

    lh = pg.line_height(fv, pt, 1.25)
    _, over = more.entry_rows(pg, a, xs, y + head + lh, y_bot - P(1), fv, pt, cells, typed=True, spacing=1.25,
                              after_row=lambda yl: pg.hline(x0, x1, yl, 0.2), strike=strike, gap=0.7)
    if over:
        return d, True
    if copy:
        xc = x0 + round((x1 - x0) * 0.5)
        ncol = int((x1 - xc) / pg.width("M", fv, pt))
        yy = y_bot + P(7)
        for s in textwrap.wrap(L("certify"), ncol):
            pg.typed(xc, yy, s, fv, pt)
            yy += lh
        pg.typed(xc, yy, copy.text, fv, pt)
        pg.typed(xc + P(75), yy, L("ia"), fv, pt)
        pg.signature(xc + P(75), yy + P(8), w_mm=30, h_mm=6)
        r = P(9)  # the office seal beside the date
        pg.draw.ellipse((xc - P(26) - r, yy - r, xc - P(26) + r, yy + r), outline=110, width=max(1, P(0.4)))
        pg.text(xc - P(26), yy + P(1), L("seal"), "sans", 6, fill=110, anchor="ms")
    pg.text(x0, pg.img.height - P(7), sd.one("form_date").text, f, 7)
    d |= sd.kinds()
    return d, False


# --- a printed municipal form filled in by a needle printer, with a right-hand Eintragungsvermerk column -----------
def sheet_vermerk_form(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, fv = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    W = x1 - x0
    top = P(tpl.top)
    sd = sheet_dates(a, tpl)
    auth = dev2.period_authority(a, sd.one("letter_date").day.year)
    # the printed head of the form, the date line printed in with the values
    y = top + P(4)
    for i, s in enumerate(auth):
        pg.text(x0, y, s, fb if i == 0 else f, 10 if i == 0 else 8.5)
        y += P(4.2)
    pg.text(x1, top + P(4), sd.one("letter_date").text, fv, pt, anchor="rs")
    y = max(y, top + P(16)) + P(6)
    pg.text(pg.img.width // 2, y, L("title"), fb, 17, anchor="ms")
    pg.text(pg.img.width // 2, y + P(5), L("copy"), f, 8.5, anchor="ms")
    y += P(10)

    def box(xa, ya, xb, yb, label, value, size=pt):
        pg.rect((xa, ya, xb, yb), 0.3)
        pg.text(xa + P(1.2), ya + P(2.8), label, f, 6.5, fill=50)
        if value:
            pg.text(xa + P(2.5), yb - P(2.2), value, fv, size)

    bh = P(11)
    dated = sd.one("aktenzeichen_date")
    bx = [x0 + round(W * c) for c in (0, 0.3, 0.62)] + [x1]
    box(bx[0], y, bx[1], y + bh, L("number"), dev2.number_shown(a, "display"), pt * 1.35)
    box(bx[1], y, bx[2], y + bh, L("von"), a.municipality)
    box(bx[2], y, bx[3], y + bh, L("bauakte"), dated.text if dated else a.aktenzeichen)
    d.add("aktenzeichen")
    y += bh
    px_ = [x0 + round(W * c) for c in (0, 0.3, 0.4, 0.62)] + [x1]
    rows = [(a.parcels[0].gemarkung, flur, fst, (a.address or "") if i == 0 else "")
            for i, (flur, fst) in enumerate(parcel_cells(a))]
    for i, row in enumerate(rows):
        for j, key in enumerate(("gem", "flur", "fst", "addr")):
            box(px_[j], y, px_[j + 1], y + bh, L(key) if i == 0 else "", row[j])
        y += bh
    if a.grundbuch:
        box(x0, y, x1, y + bh, L("gb"), f"{a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}")
        d.add("grundbuch_blatt")
        y += bh
    y += P(6)
    # the table; the form's ruling runs down to its foot
    xs = [x0 + round(W * c) for c in (0, 0.075, 0.655)] + [x1]
    y_bot = pg.img.height - P(18)
    head = P(10)
    pg.rect((x0, y, x1, y + head), 0.3, fill=225)
    for i, key in enumerate(("nr", "text", "rem")):
        for j, s in enumerate(L(key).split("\n")):
            pg.text((xs[i] + xs[i + 1]) // 2, y + P(4.3 + j * 3.8), s, fb if j == 0 else f, 8 if j == 0 else 7,
                    anchor="ms")
    pg.rect((x0, y, x1, y_bot), 0.4)
    for xx in xs[1:-1]:
        pg.vline(xx, y, y_bot, 0.3)
    y += head
    lh = pg.line_height(fv, pt, 1.3)
    pad = P(2)
    wide, narrow = xs[2] - xs[1] - 2 * pad, xs[3] - xs[2] - 2 * pad
    y += lh
    for e in a.entries:
        n = e.lfd_nr
        decl, basis = sd.one("declaration_date", n), sd.at(n, "permit_date", "application_date")
        text = dev2.period_text(e.text, e.registered_on.year)
        if decl:
            text = f"{L('basis')} {decl.text}: {text}"
        if basis:
            text += f" ({basis[0].text})"
        body = pg.wrap(text, fv, pt, wide)
        stamp, recv = sd.one("stamp_date", n), sd.one("receipt_date", n)
        note = pg.wrap(recv.text, fv, pt * 0.9, narrow) if recv else []
        reg = sd.registered[n]
        if sd.how == "line":
            vermerk = [L("reg")] + date_lines(pg, f"{place(a)}, {L('den')} ", reg, "", fv, pt, narrow)
        else:
            vermerk = date_lines(pg, f"{L('reg_long' if sd.how == 'long' else 'reg_prose')} ", reg, "", fv, pt, narrow)
        gone = pg.wrap(sd.one("deletion_date", n).text, fv, pt, narrow) if e.deleted_on else []
        y_stamp = P(15) if stamp else 0
        rows_v = len(note) + len(vermerk) + 3 + (len(gone) + 3 if gone else 0)
        h = max(len(body) * lh, y_stamp + rows_v * lh)
        if y + h > y_bot - P(2):
            return d, True
        pg.text(xs[0] + pad, y, f"{n}", fv, pt)
        for i, s in enumerate(body):
            pg.text(xs[1] + pad, y + i * lh, s, fv, pt)
        if e.deleted_on:  # crossed out by pen when the Baulast was deleted
            pg.hand_line(xs[1] + pad, y - round(lh * 0.6), xs[2] - pad, y + (len(body) - 1) * lh, w=0.35, fill=70)
        yv = y
        if stamp:
            dev.rubber_stamp(pg, xs[2] + pad + P(pg.rng.uniform(0, 4)), yv - round(lh * 0.8),
                             [(L("recv_stamp"), "sans_bold", 6.5), (stamp.shown, "sans_bold", 8.5)], pad_mm=1.2)
            yv += y_stamp
        for s in note:
            pg.text(xs[2] + pad, yv, s, fv, pt * 0.9)
            yv += lh
        for s in vermerk:
            pg.text(xs[2] + pad, yv, s, fv, pt)
            yv += lh
        pg.signature(xs[2] + pad + P(3), yv + round(lh * 0.3), w_mm=min(28, narrow * 25.4 / pg.dpi - 4), h_mm=5)
        pg.text(xs[2] + pad, yv + round(lh * 1.6), f"({e.clerk})", fv, pt * 0.9)
        yv += round(lh * 2.6)
        if gone:
            yv += lh // 2
            pg.text(xs[2] + pad, yv, L("dele"), fv, pt)
            yv += lh
            for s in gone:
                pg.text(xs[2] + pad, yv, s, fv, pt)
                yv += lh
            pg.signature(xs[2] + pad + P(3), yv + round(lh * 0.3), w_mm=22, h_mm=5)
            yv += lh
        y += h
        pg.hline(x0, x1, y - round(lh * 0.5), 0.25)
        y += round(lh * 0.6)
    pg.text(x0, y_bot + P(5), sd.one("form_date").text, f, 7)
    pg.text(x1, y_bot + P(5), f"{L('page')} {page_no}", f, 8, anchor="rs")
    d |= sd.kinds() | {"page_number"}
    return d, False


# --- a print-out of the register software: per Baulast a chronological list of events ----------------------------
def sheet_event_printout(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb, small = tpl.form_font, tpl.bold_font, tpl.value_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    top = P(tpl.top)
    sd = sheet_dates(a, tpl)
    printed, time = sd.one("print_date").day, dev.printed_on(a)[1]
    auth = dev2.period_authority(a, printed.year)
    lh = pg.line_height(f, pt, 1.35)
    # the head: authority left, title and number in a grey box right
    y = top + P(4)
    for i, s in enumerate(auth):
        pg.text(x0, y, s, fb if i == 0 else f, 10 if i == 0 else 8.5)
        y += P(4.2)
    bw = P(72)
    pg.rect((x1 - bw, top, x1, top + P(17)), 0.3, fill=232, outline=120)
    pg.text(x1 - bw + P(3), top + P(6.5), L("title"), fb, 13)
    end = pg.text(x1 - bw + P(3), top + P(13.5), L("number"), f, 9)
    pg.text(end + P(3), top + P(13.5), dev2.number_shown(a, dev2.pick(a, "cp_num", ("display", "upper"))), fb, 13)
    y = max(y, top + P(17)) + P(5)
    pg.text(x0, y, L("sub"), f, 8.5, fill=60)
    pg.hline(x0, x1, y + P(2), 0.5)
    y += P(8)
    # the record's head: key-value lines
    az = sd.one("aktenzeichen_date")
    phone = f"{600 + dev2.akte_hash(a, 'tel') % 399}-{100 + dev2.akte_hash(a, 'tel2') % 899}"
    kv = [(L("von"), a.municipality), (L("az"), az.text if az else a.aktenzeichen),
          (L("clerk"), f"{a.entries[0].clerk}, {L('phone')} {phone}")]
    tab = x0 + round(max(pg.width(k, f, pt) for k, _ in kv) + P(4))
    for k, v in kv:
        pg.text(x0, y, k, f, pt)
        pg.text(tab, y, v, f, pt)
        y += lh
    d.add("aktenzeichen")
    y += P(2)
    pg.text(x0, y, L("parcels"), fb, pt * 1.05)
    y += lh
    for s in dev.parcel_text(a, L, L("fst_pl")):
        pg.text(x0 + P(4), y, s, f, pt)
        y += lh
    if a.address:
        pg.text(x0 + P(4), y, f"{L('addr')} {a.address}", f, pt)
        y += lh
    if a.grundbuch:
        gb = sd.one("grundbuch_date")
        pg.text(x0 + P(4), y, f"{L('gb')} {a.grundbuch[0]}, {L('gb_blatt')} {a.grundbuch[1]}"
                              + (f" ({gb.text})" if gb else ""), f, pt)
        d.add("grundbuch_blatt")
        y += lh
    y += P(3)
    # one block per Baulast: a bar, the event list, the text
    y_bot = pg.img.height - P(24)
    xd = x0 + P(3)
    xe = xd + round(pg.width("00.00.0000", f, pt) + P(6))
    reg_label = dev2.pick(a, "cp_reg", ("Eintragung in das Baulastenverzeichnis", "Eintragung der Baulast",
                                        "Baulast eingetragen"))
    for e in a.entries:
        n = e.lfd_nr
        events = sorted([(m.day, m.label, m.shown) for m in sd.at(n, "declaration_date", "receipt_date",
                                                                      "application_date", "permit_date", "change_date",
                                                                      "waiver_date", "deletion_date")]
                        + [(e.registered_on, reg_label, sd.registered[n])])
        body = pg.wrap(dev2.period_text(e.text, e.registered_on.year), f, pt, x1 - xe)
        need = P(7) + (len(events) + 1) * lh + (len(body) + 2) * lh + (lh if e.deleted_on else 0)
        if y + need > y_bot:
            return d, True
        pg.rect((x0, y, x1, y + P(6.5)), 0.1, fill=222, outline=222)
        pg.text(x0 + P(2), y + P(4.6), f"{L('entry')} {n} – {dev2.type_shown(e.type)}", fb, pt)
        pg.text(x1 - P(2), y + P(4.6), f"{L('status')} {L('deleted') if e.deleted_on else L('active')}", f, pt,
                anchor="rs")
        y += P(6.5) + lh
        pg.text(xd, y, L("day"), fb, pt * 0.9)
        pg.text(xe, y, L("event"), fb, pt * 0.9)
        pg.hline(xd, x1, y + P(1.3), 0.15, fill=100)
        y += lh
        for _, what, shown in events:
            pg.text(xd, y, shown, f, pt)
            pg.text(xe, y, what, fb if what == reg_label else f, pt)
            y += lh
        y += lh // 3
        pg.text(xd, y, L("text"), fb, pt)
        y_text = y
        for s in body:
            pg.text(xe, y, s, f, pt, fill=100 if e.deleted_on else 0)
            y += lh
        if e.deleted_on:  # printed struck through, and said once more
            for i in range(len(body)):
                yy = y_text + i * lh - round(lh * 0.25)
                pg.hline(xe, xe + pg.width(body[i], f, pt), yy, 0.2, fill=60)
            pg.text(xe, y, f"{L('gone')} {sd.one('deletion_date', n).shown}.", fb, pt)
            y += lh
        y += lh
    # the footer block
    pg.hline(x0, x1, y_bot, 0.4)
    user = a.entries[0].clerk.upper()[:8]
    law = "§ 85 BauO NRW" if printed.year >= 2019 else "§ 83 BauO NRW"
    data = sd.one("data_date")
    pg.text(x0, y_bot + P(4.5), f"{sd.one('print_date').text}, {time} {L('time')}   {L('user')} {user}   "
                                f"{L('prog')} {3 + printed.year % 4}.{dev2.akte_hash(a, 'ver') % 10}", small, 7.5)
    pg.text(x0, y_bot + P(8.5), (f"{data.text}   " if data else "") + f"Auskunft gem. {law}", small, 7.5)
    pg.text(x1, y_bot + P(4.5), f"{L('page')} {page_no} {L('of')} 1", small, 8, anchor="rs")
    d |= sd.kinds() | {"page_number", "phone_number"}
    return d, False


# --- an index card of the Baulastenkartei: pen and rubber stamps ----------------------------------------------
def short_text(a: Akte, e: Entry, L) -> str:
    """What a card says of a Baulast: its kind and the other parcel ('zugunsten Fl. 3 Nr. 45/2')."""
    what = dev2.type_shown(e.type)
    if e.type == "Vereinigungsbaulast":
        nums = dev2.words_list([p.flurstueck for p in a.parcels], L("and"))
        return f"{what} {L('fl')} {a.parcels[0].flur} {L('no')} {nums}"
    b = a.benefit
    return f"{what} {L('to')} {L('fl')} {b.flur} {L('no')} {b.flurstueck}"


def card_table(pg: Page, xs: list[int], y: int, y_bot: int, heads: list[str], font: str, size: float,
               grey: int, head_mm: float = 6, shade: int | None = None) -> int:
    """A card's (or a printed register page's) ruled table from `y` down to `y_bot`, its columns between `xs` and
    their heads in grey, a line of a head for each line of its text, on a head row `head_mm` high (shaded where
    `shade` is given); the line below the head row, where the entries begin."""
    if shade is not None:
        pg.rect((xs[0], y, xs[-1], y + pg.px(head_mm)), 0.3, fill=shade, outline=grey)
    pg.rect((xs[0], y, xs[-1], y_bot), 0.3, outline=grey)
    for xx in xs[1:-1]:
        pg.vline(xx, y, y_bot, 0.2, fill=grey)
    for i, head in enumerate(heads):
        for j, s in enumerate(head.split("\n")):
            pg.text((xs[i] + xs[i + 1]) // 2, y + pg.px(4.2 + 3.8 * j), s, font, size, fill=grey, anchor="ms")
    y += pg.px(head_mm)
    pg.hline(xs[0], xs[-1], y, 0.3, fill=grey)
    return y


def sheet_kartei_card(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d, rng = pg.px, tpl.label, set(), pg.rng
    f, fb, hand = tpl.form_font, tpl.bold_font, tpl.value_font
    sd = sheet_dates(a, tpl)
    ink = rng.randrange(20, 55)
    grey = 75  # the card's printing
    # the card on the scanner's bed: a tinted A5 card with a shadow on two edges
    cx0, cy0 = P(tpl.margin + rng.uniform(0, 3)), P(tpl.top + rng.uniform(0, 3))
    cx1, cy1 = cx0 + P(196), cy0 + P(146)
    pg.draw.rectangle((cx0 + P(0.8), cy0 + P(0.8), cx1 + P(0.8), cy1 + P(0.8)), fill=185)
    pg.draw.rectangle((cx0, cy0, cx1, cy1), fill=244, outline=150, width=max(1, P(0.2)))
    x0, x1 = cx0 + P(5), cx1 - P(5)
    W = x1 - x0

    def write(x, y, s, size=pt, font=hand, ink_=ink):
        return dev.pen(pg, x, y, s, font, size, ink_)

    def blank(x, y, xe, label, value="", size=pt):
        end = pg.text(x, y, label, f, 8.5, fill=grey)
        pg.hline(end + P(1.5), xe, y + P(1), 0.15, fill=grey)
        if value:
            write(end + P(3), y - P(0.3), value, size)

    auth = dev2.period_authority(a, a.entries[0].registered_on.year)
    y = cy0 + P(9)
    pg.text(x0, y, L("title"), fb, 15, fill=grey)
    pg.text(x0, y + P(4.5), auth[0], f, 8, fill=grey)
    bw = P(52)
    pg.rect((x1 - bw, cy0 + P(3.5), x1, cy0 + P(15)), 0.3, outline=grey)
    pg.text(x1 - bw + P(1.5), cy0 + P(6.5), L("number"), f, 7, fill=grey)
    write(x1 - bw + P(12), cy0 + P(13.5), a.register_display, pt * 1.35)
    y += P(13)
    xm = x0 + round(W * 0.48)
    blank(x0, y, xm - P(4), L("von"), a.municipality)
    blank(xm, y, x1, L("gem"), a.parcels[0].gemarkung)
    y += P(7.5)
    for flur, fst in parcel_cells(a):
        blank(x0, y, x0 + P(30), L("flur"), flur)
        blank(x0 + P(34), y, x1, L("fst"), fst)
        y += P(7.5)
    gb = a.grundbuch or ("", "")
    blank(x0, y, xm - P(4), L("addr"), a.address or "")
    blank(xm, y, x1 - P(32), L("gb"), gb[0])
    blank(x1 - P(28), y, x1, L("gb_blatt"), gb[1])
    if a.grundbuch:
        d.add("grundbuch_blatt")
    y += P(5)
    # the ruled table: Nr. | Eingang | Gegenstand | Eintragung | Löschung
    xs = [x0 + round(W * c) for c in (0, 0.05, 0.21, 0.62, 0.82)] + [x1]
    y_bot = cy1 - P(9)
    y = card_table(pg, xs, y, y_bot, [L(key) for key in ("nr", "recv", "text", "reg", "dele")], fb, 8, grey)
    lh = round(pg.line_height(hand, pt, 1.3))
    pad = P(1.5)
    y += lh
    for e in a.entries:
        n = e.lfd_nr
        font = hand if n == 1 else rng.choice(dev.PENS)
        ink_e = rng.randrange(15, 65)
        lines = dev.pen_wrap(pg, short_text(a, e, L), font, pt, xs[3] - xs[2] - 2 * pad)
        lines += [m.text for m in sd.at(n, "declaration_date", "permit_date", "change_date")]
        h = max(len(lines) * lh, P(17))
        if y + h > y_bot - P(1):
            return d, True
        write(xs[0] + pad, y, f"{n}.", font=font, ink_=ink_e)
        for i, s in enumerate(lines):
            write(xs[2] + pad, y + i * lh, s, font=font, ink_=ink_e)
        stamp = sd.one("stamp_date", n)
        if stamp:
            dev.rubber_stamp(pg, xs[1] + pad + P(rng.uniform(0, 2)), y - round(lh * 0.8),
                             [(L("recv_stamp"), "sans_bold", 6), (stamp.shown, "sans_bold", 8)], pad_mm=1)
        else:
            write(xs[1] + pad, y, sd.one("receipt_date", n).text, font=font, ink_=ink_e)
        reg = sd.registered[n]
        if sd.how == "stamp":
            box = dev.rubber_stamp(pg, xs[3] + pad + P(rng.uniform(0, 2)), y - round(lh * 0.8),
                                   [(L("reg_stamp"), "sans_bold", 6), (reg, "sans_bold", 8)], pad_mm=1)
            write(xs[3] + pad + P(2), box[3] + P(3.5), e.clerk[:2] + ".", pt * 0.9, font, ink_e)
        else:
            write(xs[3] + pad, y, reg, font=font, ink_=ink_e)
            pg.signature(xs[3] + pad, y + lh, w_mm=12, h_mm=4, fill=ink_e)
        if e.deleted_on:
            box = dev.rubber_stamp(pg, xs[4] + pad, y - round(lh * 0.8), [(L("dele_stamp"), "sans_bold", 7)], pad_mm=1)
            write(xs[4] + pad, box[3] + P(4), sd.one("deletion_date", n).text, pt, rng.choice(dev.PENS),
                  rng.randrange(15, 60))
            pg.hand_line(xs[2] + pad, y - round(lh * 0.5), xs[3] - pad, y + (len(lines) - 1) * lh, w=0.35, fill=70)
        y += h
        pg.hline(x0, x1, y - round(lh * 0.55), 0.15, fill=grey)
        y += round(lh * 0.4)
    pg.text(x0, cy1 - P(3.5), sd.one("form_date").text, f, 6.5, fill=grey)
    d |= sd.kinds()
    return d, False


DEV3_RENDERERS = {"ledger_folio": sheet_ledger_folio, "vermerk_form": sheet_vermerk_form,
                  "event_printout": sheet_event_printout, "kartei_card": sheet_kartei_card}


def spec_draws(rng: random.Random, kinds: list[str], opts: dict, fmt: str) -> tuple[list[str], dict]:
    """dev3's own draws for one random file (``assemble.random_spec`` makes them only for this split): more entries
    and deletions than elsewhere (each brings dates of its own), 1-3 parcels, every number style."""
    if opts.get("is_baulast") is False:
        return kinds, opts
    n_entries = rng.choice((1, 2, 2, 3))
    n_parcels = rng.choice((1, 1, 2, 3))
    return kinds, {**opts, "n_entries": n_entries, "deleted": n_entries > 1 and rng.random() < 0.6,
                   "n_parcels": n_parcels, "two_flure": n_parcels > 1 and rng.random() < 0.4,
                   "number_style": rng.choice(dev2.NUMBER_STYLES)}


TEMPLATES.update(DEV3_TEMPLATES)
