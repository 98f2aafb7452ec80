"""Content generation: what an Akte says (municipality, Blatt number, parcels, entries, dates),
independent of how it is laid out on paper."""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

GEMARKUNGEN_CSV = Path(__file__).resolve().parents[2] / "baulast" / "data" / "gemarkungen.csv"

# municipality -> kind of local authority (all of Rhein-Kreis Neuss)
KIND = {"Dormagen": "Stadt", "Grevenbroich": "Stadt", "Jüchen": "Gemeinde", "Kaarst": "Stadt",
        "Korschenbroich": "Stadt", "Meerbusch": "Stadt", "Neuss": "Stadt", "Rommerskirchen": "Gemeinde"}
# where the Kreis sometimes acts as Bauaufsicht (untere Bauaufsichtsbehörde)
KREIS_MUNICIPALITIES = ("Jüchen", "Rommerskirchen", "Korschenbroich")
PLZ = {"Dormagen": "41539", "Grevenbroich": "41515", "Jüchen": "41363", "Kaarst": "41564",
       "Korschenbroich": "41352", "Meerbusch": "40667", "Neuss": "41460", "Rommerskirchen": "41569"}

TYPES = ("Abstandflächenbaulast", "Stellplatzbaulast", "Vereinigungsbaulast", "Zufahrtsbaulast",
         "Erschließungsbaulast", "Anbaubaulast", "Leitungsbaulast", "Sonstige")

SURNAMES = ("Müller", "Schmitz", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
            "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Zimmermann",
            "Braun", "Krüger", "Hartmann", "Lange", "Krause", "Köhler", "Janßen", "Hermanns", "Büschges",
            "Esser", "Kremer", "Heinen", "Pütz", "Dahmen", "Küppers", "Thelen", "Schiffer", "Görtz")
FEMALE = {"Maria", "Anna", "Gertrud", "Elisabeth", "Ursula", "Renate", "Monika", "Sabine"}
FIRSTNAMES = ("Heinrich", "Josef", "Wilhelm", "Peter", "Hans", "Karl", "Werner", "Günter", "Klaus", "Jürgen",
              "Maria", "Anna", "Gertrud", "Elisabeth", "Ursula", "Renate", "Monika", "Sabine", "Thomas", "Stefan")
STREETS = ("Kirchstraße", "Hauptstraße", "Schulstraße", "Am Weiher", "Neusser Straße", "Kölner Straße",
           "Bahnhofstraße", "Rheinstraße", "Lindenweg", "Mühlenweg", "Gartenstraße", "Feldstraße",
           "Raiffeisenstraße", "Burgstraße", "Im Kamp", "Erftstraße", "Am Hagelkreuz", "Krefelder Straße")


@dataclass(frozen=True)
class Parcel:
    gemarkung: str
    flur: int
    flurstueck: str

    def phrase(self) -> str:
        return f"Gemarkung {self.gemarkung}, Flur {self.flur}, Flurstück {self.flurstueck}"

    def to_json(self) -> dict:
        return {"gemarkung": self.gemarkung, "flur": self.flur, "flurstueck": self.flurstueck}


@dataclass
class Entry:
    lfd_nr: int
    type: str
    text: str
    registered_on: dt.date
    clerk: str
    deleted_on: dt.date | None = None
    deleter: str | None = None


@dataclass
class Akte:
    """Everything written in one e-file; layout code only reads from here."""

    is_baulast: bool
    municipality: str
    authority: list[str]  # header lines, e.g. ["Stadt Dormagen", "Der Bürgermeister", "Bauaufsichtsamt"]
    authority_dative: str  # "der Stadt Dormagen"
    by_kreis: bool
    register_display: str | None = None
    register_number: str | None = None
    parcels: list[Parcel] = field(default_factory=list)
    address: str | None = None
    entries: list[Entry] = field(default_factory=list)
    benefit: Parcel | None = None
    grundbuch: tuple[str, str] | None = None  # ("Zons", "2345")
    aktenzeichen: str = ""
    owner: str = ""
    owner_address: tuple[str, str] = ("", "")
    declaration_date: dt.date | None = None
    letter_date: dt.date | None = None
    stamp_date: dt.date | None = None
    letter_kind: str = "anschreiben"  # for non-Baulast files: "eingang" or "negativ"


def load_gemarkungen(path: Path = GEMARKUNGEN_CSV) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["municipality"], []).append(row["gemarkung"])
    return out


def de_date(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


def rand_date(rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=rng.randrange(max(1, (hi - lo).days)))


def flurstueck(rng: random.Random) -> str:
    z = rng.choice((rng.randrange(1, 300), rng.randrange(1, 1500), rng.randrange(100, 2600)))
    return f"{z}/{rng.randrange(1, 40)}" if rng.random() < 0.5 else str(z)


def register_display(rng: random.Random, style: str) -> tuple[str, str]:
    """Return (as printed, normalized). Styles: plain, dotted, zero, suffix, suffix_tight."""
    if style == "dotted":
        n = rng.randrange(1000, 9999)
        return f"{n // 1000}.{n % 1000:03d}", str(n)
    if style == "zero":
        n = rng.randrange(10, 999)
        return f"{n:04d}", str(n)
    if style in ("suffix", "suffix_tight"):
        n, s = rng.randrange(10, 2000), rng.choice("abc")
        return (f"{n} {s}" if style == "suffix" else f"{n}{s}"), f"{n}{s}"
    n = rng.randrange(1, 4000)
    return str(n), str(n)


def authority_for(municipality: str, by_kreis: bool, rng: random.Random) -> tuple[list[str], str]:
    if by_kreis:
        lines = ["Rhein-Kreis Neuss", "Der Landrat", "Untere Bauaufsichtsbehörde"]
        return (lines if rng.random() < 0.6 else [lines[0], lines[2]]), "dem Rhein-Kreis Neuss"
    kind = KIND[municipality]
    office = rng.choice(("Bauaufsichtsamt", "Bauaufsicht", "Amt für Bauordnung"))
    return [f"{kind} {municipality}", "Der Bürgermeister", office], f"der {kind} {municipality}"


def entry_text(kind: str, burdened: list[Parcel], benefit: Parcel | None, auth: str, rng: random.Random) -> str:
    b = burdened[0].phrase()
    own = f"Der jeweilige Eigentümer des Grundstücks {b}"
    ben = benefit.phrase() if benefit else ""
    m = f"{rng.randrange(2, 9)},{rng.choice(('00', '50', '25', '75'))} m"
    if kind == "Abstandflächenbaulast":
        return (f"{own} verpflichtet sich gegenüber {auth}, die Abstandfläche für das Gebäude auf dem "
                f"Grundstück {ben} in einer Tiefe von {m} auf der im Lageplan gekennzeichneten Fläche "
                f"von jeglicher Bebauung freizuhalten.")
    if kind == "Stellplatzbaulast":
        return (f"{own} verpflichtet sich gegenüber {auth}, auf seinem Grundstück {rng.randrange(1, 7)} "
                f"Einstellplätze für das Bauvorhaben auf dem Grundstück {ben} bereitzustellen, "
                f"zu unterhalten und deren Benutzung zu dulden.")
    if kind == "Vereinigungsbaulast":
        names = " und ".join(p.phrase() for p in burdened)
        return (f"Die Eigentümer der Grundstücke {names} verpflichten sich gegenüber {auth}, "
                f"die Grundstücke bei der Anwendung der bauordnungsrechtlichen Vorschriften "
                f"als ein Grundstück zu behandeln.")
    if kind == "Zufahrtsbaulast":
        return (f"{own} verpflichtet sich gegenüber {auth}, die Zufahrt über sein Grundstück in einer "
                f"Breite von {m} zugunsten des Grundstücks {ben} zu dulden und von Bebauung freizuhalten.")
    if kind == "Erschließungsbaulast":
        return (f"{own} übernimmt gegenüber {auth} die Verpflichtung, das Gehen, Fahren und Verlegen von "
                f"Leitungen zur Erschließung des Grundstücks {ben} auf einer Breite von {m} zu dulden.")
    if kind == "Anbaubaulast":
        return (f"{own} verpflichtet sich gegenüber {auth}, bei einer Bebauung seines Grundstücks an das "
                f"Grenzgebäude auf dem Grundstück {ben} ohne Abstand anzubauen.")
    if kind == "Leitungsbaulast":
        return (f"{own} verpflichtet sich gegenüber {auth}, die Verlegung, den Betrieb und die Unterhaltung "
                f"von Abwasser- und Versorgungsleitungen zugunsten des Grundstücks {ben} zu dulden.")
    return (f"{own} verpflichtet sich gegenüber {auth}, die im Lageplan gekennzeichnete Fläche von "
            f"{rng.randrange(40, 200)} m² dauerhaft als Kinderspielfläche für das Grundstück {ben} "
            f"herzurichten und zu unterhalten.")


def make_parcels(rng: random.Random, gemarkung: str, n: int, two_flure: bool) -> list[Parcel]:
    flur = rng.randrange(1, 40)
    out: list[Parcel] = []
    while len(out) < n:
        f = flur + (1 if (two_flure and out) else 0)
        p = Parcel(gemarkung, f, flurstueck(rng))
        if p not in out:
            out.append(p)
    return out


def make_akte(rng: random.Random, years: tuple[int, int], gem: dict[str, list[str]], **opt) -> Akte:
    """Random but consistent content. Options: municipality, gemarkung, by_kreis, number_style,
    n_parcels, two_flure, n_entries, deleted, delete_first (the deletion is entry 1's), address, first_type,
    is_baulast, letter_kind."""
    muni = opt.get("municipality") or rng.choice(sorted(gem))
    gemarkung = opt.get("gemarkung") or rng.choice(gem[muni])
    by_kreis = opt.get("by_kreis", muni in KREIS_MUNICIPALITIES and rng.random() < 0.4)
    authority, dative = authority_for(muni, by_kreis, rng)
    a = Akte(is_baulast=opt.get("is_baulast", True), municipality=muni, authority=authority,
             authority_dative=dative, by_kreis=by_kreis)
    a.owner = f"{rng.choice(FIRSTNAMES)} {rng.choice(SURNAMES)}"
    a.owner_address = (f"{rng.choice(STREETS)} {rng.randrange(1, 140)}", f"{PLZ[muni]} {muni}")
    n_parcels = opt.get("n_parcels", rng.choice((1, 1, 1, 2)))
    a.parcels = make_parcels(rng, gemarkung, n_parcels, opt.get("two_flure", n_parcels > 1 and rng.random() < 0.4))
    reg1 = rand_date(rng, dt.date(years[0], 1, 1), dt.date(min(years[1], 2022), 12, 31))
    a.declaration_date = reg1 - dt.timedelta(days=rng.randrange(10, 150))
    a.stamp_date = a.declaration_date + dt.timedelta(days=rng.randrange(1, 8))
    a.letter_date = reg1 + dt.timedelta(days=rng.randrange(2, 30))
    a.aktenzeichen = f"63/{rng.randrange(1, 5)}-{rng.randrange(10, 9999)}/{reg1.year % 100:02d}"
    a.letter_kind = opt.get("letter_kind", "anschreiben")
    if not a.is_baulast:
        return a
    a.register_display, a.register_number = register_display(
        rng, opt.get("number_style") or rng.choice(("plain", "plain", "plain", "dotted", "zero", "suffix")))
    if opt.get("address", rng.random() < 0.6):
        a.address = f"{rng.choice(STREETS)} {rng.randrange(1, 140)}{rng.choice(('', '', '', 'a', 'b'))}"
    if rng.random() < 0.75:
        a.grundbuch = (gemarkung, str(rng.randrange(100, 9999)))
    # benefiting neighbour parcel: same Gemarkung, never one of the record parcels
    while True:
        ben = Parcel(gemarkung, a.parcels[0].flur + rng.choice((0, 0, 0, 1, -1 if a.parcels[0].flur > 1 else 0)),
                     flurstueck(rng))
        if ben not in a.parcels:
            break
    clerks = rng.sample(SURNAMES, 3)
    kinds = [t for t in TYPES if t != "Vereinigungsbaulast" or n_parcels > 1]
    first = opt.get("first_type") or rng.choice(kinds + (["Vereinigungsbaulast"] * 2 if n_parcels > 1 else []))
    n_entries = opt.get("n_entries", rng.choice((1, 1, 1, 2, 2, 3)))
    reg = reg1
    later = rng.sample([t for t in kinds if t not in ("Vereinigungsbaulast", first)], n_entries - 1)
    for i in range(n_entries):
        kind = first if i == 0 else later[i - 1]
        use_ben = kind != "Vereinigungsbaulast"
        if use_ben:
            a.benefit = a.benefit or ben
        text = entry_text(kind, a.parcels, ben if use_ben else None, dative, rng)
        e = Entry(i + 1, kind, text, reg, clerk=clerks[i % 2])
        a.entries.append(e)
        if i + 1 < n_entries:
            reg = rand_date(rng, reg + dt.timedelta(days=30), min(dt.date(2024, 6, 30), reg + dt.timedelta(days=3650)))
    deleted = opt.get("deleted", n_entries > 1 and rng.random() < 0.5)
    if deleted and n_entries > 1:
        last = rng.random() < 0.7  # drawn even where the caller chose, so every other file stays the same
        e = a.entries[0 if opt.get("delete_first", not last) else -1]
        e.deleted_on = rand_date(rng, e.registered_on + dt.timedelta(days=60),
                                 max(e.registered_on + dt.timedelta(days=61), dt.date(2024, 12, 31)))
        e.deleter = clerks[2]
    return a


def truth(a: Akte) -> dict:
    """The content part of <name>.truth.json."""
    if not a.is_baulast:
        return {"municipality": None, "register_number": None, "parcels": [], "date": None,
                "entries": [], "is_baulast": False}
    return {
        "municipality": a.municipality,
        "register_number": a.register_number,
        "parcels": [p.to_json() for p in a.parcels],
        "date": a.entries[0].registered_on.isoformat(),
        "entries": [{"lfd_nr": e.lfd_nr, "type": e.type, "registered_on": e.registered_on.isoformat(),
                     "deleted_on": e.deleted_on.isoformat() if e.deleted_on else None} for e in a.entries],
        "is_baulast": True,
    }
