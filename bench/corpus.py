"""Deterministic synthetic Baulast records and a search query mix for the search benchmark.

    from bench.corpus import records, record, queries
    for rec in records(1_000_000, seed=1): ...      # SeedRecord: fields, parcels, entries, page text
    record(123_456, seed=1)                         # the same record, rebuilt on its own
    queries(1_000_000, per_kind=200, seed=1)        # SeedQuery: what clerks type, ~10 % misses

Record i depends on (seed, i) only: ``records(n, seed, start)`` yields exactly
``record(start), ..., record(start + n - 1)``. Generation runs at roughly 35-40,000 records/s
on one core (see ``python -m bench.corpus --rate``).

How it stays fast: a record's page text comes from one of 8,192 page *skeletons* per seed
(built on first use, from (seed, k) alone). A skeleton fixes the municipality and Gemarkung,
the number of parcels and entries, the Baulast types, status, scan quality, the legal wording
with its OCR errors, the notes and the signing clerks; the record fills in its own Flur and
Flurstück numbers, dates, owner, street and register number. Random numbers come from one
numpy PCG64 stream per seed, 32 floats per record, made in bulk.

Everything is made up from the word lists below and ``baulast/data/gemarkungen.csv``; nothing
is read from the network.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import random
import re
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate, chain
from operator import itemgetter

import numpy as np

__all__ = [
    "BAULAST_TYPES",
    "FIRST_DATE",
    "LAST_DATE",
    "MAX_FLUR",
    "MAX_ZAEHLER",
    "MISS_WORDS",
    "QUERY_KINDS",
    "SeedEntry",
    "SeedParcel",
    "SeedQuery",
    "SeedRecord",
    "TEXT_MAX",
    "TEXT_MIN",
    "queries",
    "record",
    "records",
]


# --------------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedParcel:
    """A burdened parcel: Gemarkung, Flur (1..60) and Flurstück ("123" or "123/4")."""

    gemarkung: str
    flur: int | None
    flurstueck: str


@dataclass(frozen=True)
class SeedEntry:
    """One entry (Lfd. Nr.) of the Baulastenblatt."""

    lfd_nr: int
    type: str
    registered_on: dt.date
    deleted_on: dt.date | None


@dataclass(frozen=True)
class SeedRecord:
    """One e-file as the pipeline would have stored it, with the OCR text of its sheet page."""

    index: int
    sha256: str
    filename: str
    path: str
    status: str  # "accepted" | "needs_review"
    municipality: str
    register_number: str
    date: dt.date | None  # registered_on of entry 1; None on some needs_review records
    parcels: tuple[SeedParcel, ...]
    entries: tuple[SeedEntry, ...]
    text: str


@dataclass(frozen=True, slots=True)
class SeedQuery:
    """A search as a clerk types it.

    kind: "parcel" (text as typed), "register_number" ("Municipality|1234"), "date_range"
    ("1987-01-01|1987-03-31"), "text" (1-2 words) or "fuzzy_text" (one word with one OCR-like
    error). expect_hit: True if some record among the first n_records matches (the record it
    was drawn from, `source`), False for a deliberate miss.
    """

    kind: str
    text: str
    expect_hit: bool | None
    source: int | None = None  # index of the record the query was drawn from (None for misses)


# --------------------------------------------------------------------------------------------
# Constants and word lists
# --------------------------------------------------------------------------------------------

FIRST_DATE = dt.date(1960, 1, 1)
LAST_DATE = dt.date(2026, 6, 30)
MAX_FLUR = 60
MAX_ZAEHLER = 3000
TEXT_MIN = 1200
TEXT_MAX = 2500
QUERY_KINDS = ("parcel", "register_number", "date_range", "text", "fuzzy_text")

BAULAST_TYPES = (
    "Vereinigungsbaulast",
    "Abstandflächenbaulast",
    "Stellplatzbaulast",
    "Erschließungsbaulast",
    "Zufahrtsbaulast",
    "Anbaubaulast",
    "Leitungsbaulast",
)
# Relative frequency of each type as the first entry (Vereinigung only with two or more parcels).
_TYPE_WEIGHTS = {
    "Abstandflächenbaulast": 30,
    "Stellplatzbaulast": 20,
    "Vereinigungsbaulast": 14,
    "Zufahrtsbaulast": 12,
    "Erschließungsbaulast": 9,
    "Anbaubaulast": 8,
    "Leitungsbaulast": 7,
}

# municipality -> (highest register number (also its share of records), kind of authority)
_MUNICIPALITY_INFO = {
    "Neuss": (40000, "Stadt"),
    "Grevenbroich": (21000, "Stadt"),
    "Dormagen": (19000, "Stadt"),
    "Meerbusch": (16000, "Stadt"),
    "Kaarst": (12000, "Stadt"),
    "Korschenbroich": (10000, "Stadt"),
    "Jüchen": (7000, "Gemeinde"),
    "Rommerskirchen": (4500, "Gemeinde"),
}
_DEFAULT_INFO = (8000, "Stadt")
_KREIS_MUNICIPALITIES = frozenset({"Jüchen", "Rommerskirchen", "Korschenbroich"})

# About 300 surnames, most frequent first (Rhineland flavour); drawn with Zipf-like weights.
SURNAMES = tuple(dict.fromkeys("""
Müller Schmitz Schmidt Schneider Fischer Meyer Weber Wagner Becker Hoffmann Schulz Schäfer Koch
Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange Werner
Krause Meier Lehmann Köhler Herrmann König Walter Kaiser Fuchs Peters Lang Scholz Möller Weiß
Jung Hahn Vogel Keller Frank Berger Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon
Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel
Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Kuhn Pohl Engel Horn Busch Bergmann Thomas
Voigt Sauer Arnold Wolff Pfeiffer Hermanns Janßen Jansen Thelen Küppers Esser Kremer Heinen
Pütz Dahmen Schiffer Görtz Büschges Wirtz Hilgers Coenen Claßen Hamacher Schlösser Mertens
Jacobs Willems Hansen Lennartz Bongartz Cremer Gerhards Houben Kamps Michels Nießen Pesch Reiners
Rütten Tillmanns Vossen Wilms Zanders Dohmen Engels Franzen Goebels Heinrichs Krings Laufs Meurer
Nolden Pauls Sieben Steffens Thissen Weyers Wolters Lambertz Kürten Breuer Dederichs Faßbender
Frings Gilles Hennes Jöris Kessel Knops Lenzen Lieven Otten Plum Reuter Schaaf Schnitzler Schwartz
Stüttgen Tönnes Welter Zöller Aretz Brors Clemens Daniels Dicken Gehlen Hammes Ingenhoven Kallen
Klinkhammer Lamers Lückerath Mostert Neuhausen Oellers Paffen Peerenboom Rennertz Schaffrath
Schüller Sprenger Stommel Strauch Terhoeven Tholen Trienekens Verhoeven Wassong Wevers Wingens
Zillikens Offermanns Dreesen Brocker Hüsgen Kaumanns Nellessen Oebel Schieren Stappen Teuwsen
Toups Vennen Brückmann Flecken Gießen Hinsen Jeuken Kox Leuchtenberg Lüngen Mülfarth Quadt
Emmerich Delhougne Hütten Hambloch Hövelmann Mommertz Nauen Rix Schiefer Spelter Tüllmann Virnich
Wefers Wimmers Bürger Feiter Holtz Joppen Kleinen Nüsser Rongen Lindner Ernst Kraft Böttcher
Seifert Thiel Marx Kramer Brinkmann Stark Witt Hesse Ritter Kurz Ulrich Lindemann Beyer Ebert
Nowak Kowalski Lewandowski Yilmaz Kaya Demir Öztürk Papadopoulos Rossi Esposito Schlebusch
Hackländer Jentges Kirschbaum Maaßen Nettesheim Ophoven Pickartz Rademacher Schiller Tacke
Vierkötter Wallraff Achterberg Bolten Dahlmanns Eickels Fassbender Hanrath Huppertz Kaulen
Korsten Lemmen Mevissen Nagelschmitz Obladen Pelzer Rosendahl Schwan Stollenwerk Thönnessen
Uerlings Vonderbank Wetzels Zervos Dickmann Hellwig Koenen Liesen Pötz Scheidt Schoenen
""".split()))

# Rare surnames: first part x second part (1,000+ names), used for ~15 % of people.
_RARE_HEADS = (
    "Brink", "Over", "Heid", "Kamp", "Busch", "Lind", "Holz", "Wester", "Oster", "Norder",
    "Mühl", "Kirch", "Hage", "Rott", "Sand", "Vos", "Lohr", "Bruch", "Esch", "Hov", "Wied",
    "Stroh", "Dorn", "Bleck", "Rade", "Gill", "Velt", "Hees", "Schoop", "Tenn", "Klap",
    "Baum", "Steg", "Pohl", "Ruhl", "Aue", "Blom", "Fell", "Grot", "Hülse",
)
_RARE_TAILS = (
    "hoff", "beck", "mann", "kamp", "hausen", "berg", "rath", "kötter", "meier", "brock",
    "wedde", "horst", "feld", "kemper", "bach", "hövel", "kotte", "bruck", "scheidt", "loh",
    "dahl", "siepen", "wald", "kuhl", "hütte", "stegge",
)
RARE_SURNAMES = tuple(dict.fromkeys(
    (h + t).capitalize() for h in _RARE_HEADS for t in _RARE_TAILS if not h.endswith(t[0])
))

FIRST_NAMES = tuple("""
Heinrich Josef Wilhelm Peter Hans Karl Werner Günter Klaus Jürgen Hermann Johann Matthias Hubert
Theodor Franz Paul Walter Willi Heinz Gerhard Helmut Manfred Dieter Horst Wolfgang Rolf Bernd Uwe
Ralf Frank Michael Thomas Andreas Stefan Markus Christian Martin Jörg Dirk Sven Jan Tobias Daniel
Sebastian Alexander Lukas Maria Anna Gertrud Elisabeth Katharina Margarete Hildegard Helene Agnes
Christine Ursula Renate Monika Brigitte Gisela Ingrid Karin Helga Marlies Sabine Petra Andrea
Claudia Birgit Susanne Martina Nicole Stefanie Julia Katrin Anja Sandra Melanie Christina Sarah
Laura Mehmet Fatma Ali Piotr Agnieszka Giuseppe Elena
""".split())
_FEMALE = frozenset("""
Maria Anna Gertrud Elisabeth Katharina Margarete Hildegard Helene Agnes Christine Ursula Renate
Monika Brigitte Gisela Ingrid Karin Helga Marlies Sabine Petra Andrea Claudia Birgit Susanne
Martina Nicole Stefanie Julia Katrin Anja Sandra Melanie Christina Sarah Laura Fatma Agnieszka Elena
""".split())
_MALE_FIRST = tuple(n for n in FIRST_NAMES if n not in _FEMALE)
_FEMALE_FIRST = tuple(n for n in FIRST_NAMES if n in _FEMALE)

# About 200 street names, most frequent first.
STREETS = tuple(dict.fromkeys(line.strip() for line in """
Hauptstraße
Kirchstraße
Schulstraße
Bahnhofstraße
Gartenstraße
Dorfstraße
Lindenstraße
Bergstraße
Mühlenstraße
Feldstraße
Ringstraße
Wiesenstraße
Friedhofstraße
Rheinstraße
Neusser Straße
Kölner Straße
Düsseldorfer Straße
Krefelder Straße
Grevenbroicher Straße
Dormagener Straße
Jüchener Straße
Kaarster Straße
Mönchengladbacher Straße
Venloer Straße
Aachener Straße
Römerstraße
Burgstraße
Marktstraße
Am Markt
Kirchplatz
Am Weiher
Am Hagelkreuz
Im Kamp
Erftstraße
Raiffeisenstraße
Mühlenweg
Lindenweg
Birkenweg
Eichenweg
Buchenweg
Ahornweg
Tannenweg
Ulmenweg
Erlenweg
Kastanienallee
Lindenallee
Goethestraße
Schillerstraße
Lessingstraße
Uhlandstraße
Heinestraße
Eichendorffstraße
Mozartstraße
Beethovenstraße
Schubertstraße
Händelstraße
Kantstraße
Bismarckstraße
Kaiserstraße
Königstraße
Friedrichstraße
Wilhelmstraße
Luisenstraße
Augustastraße
Viktoriastraße
Konrad-Adenauer-Straße
Theodor-Heuss-Straße
Friedrich-Ebert-Straße
Kurt-Schumacher-Straße
Willy-Brandt-Ring
Gustav-Heinemann-Straße
Ludwig-Erhard-Straße
Robert-Koch-Straße
Albert-Schweitzer-Straße
Sebastianusstraße
Antoniusstraße
Martinusstraße
Hubertusstraße
Quirinusstraße
Lambertusstraße
Barbarastraße
Annastraße
Josefstraße
Marienstraße
Nikolausstraße
Pfarrer-Kneipp-Straße
Klosterstraße
Schloßstraße
Mühlengasse
Kirchgasse
Rheinallee
Deichstraße
Am Deich
Hafenstraße
Industriestraße
Gewerbestraße
Daimlerstraße
Benzstraße
Siemensstraße
Dieselstraße
Max-Planck-Straße
Otto-Hahn-Straße
Gutenbergstraße
Humboldtstraße
Von-Galen-Straße
Kolpingstraße
Overbergstraße
Zur Windmühle
Am Sportplatz
Am Friedhof
Am Bahnhof
Am Wasserturm
Auf dem Hüls
Auf der Heide
In der Au
Im Winkel
Im Grund
Am Hang
Am Wäldchen
Am Rosengarten
Rosenstraße
Tulpenweg
Nelkenweg
Fliederweg
Veilchenweg
Asternweg
Dahlienweg
Lilienweg
Narzissenweg
Amselweg
Drosselweg
Finkenweg
Meisenweg
Lerchenweg
Schwalbenweg
Falkenstraße
Habichtweg
Sperberweg
Eulenweg
Kranichweg
Storchenweg
Heidestraße
Moorweg
Bruchstraße
Broicher Straße
Ackerstraße
Weidenstraße
Pappelallee
Wallstraße
Grabenstraße
Neustraße
Breite Straße
Lange Straße
Querstraße
Nordstraße
Südstraße
Oststraße
Weststraße
Sonnenweg
Talstraße
Hochstraße
Steinstraße
Sandstraße
Kiesweg
Lehmkuhle
Ziegeleiweg
Brunnenstraße
Quellenweg
Bachweg
Erftaue
Gillbachstraße
Nordkanalallee
Jahnstraße
Schützenstraße
Am Schützenplatz
Hülser Weg
Norfer Straße
Zonser Straße
Nievenheimer Straße
Büdericher Straße
Lanker Straße
Osterather Straße
Kapellener Straße
Wevelinghovener Straße
Gustorfer Straße
Rommerskirchener Straße
Glehner Weg
Liedberger Straße
Büttger Straße
Holzheimer Weg
Uedesheimer Straße
Rosellener Straße
Am Rheindamm
Deichweg
Kapuzinergasse
Oberstraße
Niederstraße
Mittelstraße
Hofstraße
Gartenweg
Wingertsweg
Auf dem Kamp
An der Burg
An der Kapelle
Kapellenstraße
Pastoratstraße
Vikariestraße
Zehntstraße
Schmiedestraße
Bleichstraße
Am Ziegelofen
""".strip().splitlines()))

# Words that never occur in generated text (checked by the tests): deliberate text misses.
MISS_WORDS = (
    "Wojciechowska", "Quappendorf", "Xylanderweg", "Zwetschgenhain", "Fjordblick", "Pflaumenquetsch",
    "Hyazinthenpfad", "Krokodilweiher", "Yggdrasil", "Zypressenhag", "Quarzsandgrube", "Vulkaneifel",
    "Jadebusen", "Tschudinsky", "Bergkristallweg", "Wasabifeld", "Papageienhof", "Zaunkönigpfad",
)


# --------------------------------------------------------------------------------------------
# Weighted choice helpers (precomputed cumulative weights; bisect is C-fast)
# --------------------------------------------------------------------------------------------


def _cumulative(weights: Sequence[float]) -> tuple[tuple[float, ...], float]:
    cum = tuple(accumulate(weights))
    return cum, cum[-1]


def _zipf(n: int, exponent: float, offset: float) -> tuple[tuple[float, ...], float]:
    return _cumulative([1.0 / (rank + offset) ** exponent for rank in range(1, n + 1)])


_SURNAME_CUM, _SURNAME_TOTAL = _zipf(len(SURNAMES), 1.0, 6.0)
_STREET_CUM, _STREET_TOTAL = _zipf(len(STREETS), 0.9, 4.0)
_FIRST_CUM, _FIRST_TOTAL = _zipf(len(FIRST_NAMES), 0.5, 3.0)
_SURNAME_SCALE = _SURNAME_TOTAL / 0.85
_RARE_SCALE = len(RARE_SURNAMES) / 0.15


def _surname(r: Callable[[], float]) -> str:
    """A surname: Zipf-like over the common list (85 %), uniform over the rare list (15 %)."""
    x = r()
    if x < 0.85:
        return SURNAMES[bisect(_SURNAME_CUM, x * _SURNAME_SCALE)]
    return RARE_SURNAMES[int((x - 0.85) * _RARE_SCALE)]


def _load_gemarkungen() -> dict[str, tuple[str, ...]]:
    text = resources.files("baulast").joinpath("data", "gemarkungen.csv").read_text("utf-8-sig")
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        municipality, gemarkung = (row.get("municipality") or "").strip(), (row.get("gemarkung") or "").strip()
        if municipality and gemarkung:
            out.setdefault(municipality, []).append(gemarkung)
    return {m: tuple(g) for m, g in out.items()}


GEMARKUNGEN: dict[str, tuple[str, ...]] = _load_gemarkungen()
MUNICIPALITIES: tuple[str, ...] = tuple(GEMARKUNGEN)

_O_SPAN = LAST_DATE.toordinal() - FIRST_DATE.toordinal()  # dates are kept as days since FIRST_DATE
_DATES = tuple(FIRST_DATE + dt.timedelta(days=n) for n in range(_O_SPAN + 1))
_DE = tuple(f"{d.day:02d}.{d.month:02d}.{d.year}" for d in _DATES)  # "03.06.1978"

# --------------------------------------------------------------------------------------------
# OCR noise
# --------------------------------------------------------------------------------------------

_CONFUSIONS = (("ü", "ii"), ("rn", "m"), ("m", "rn"), ("l", "1"), ("e", "c"), ("ä", "a"),
               ("ö", "o"), ("i", "l"), ("ß", "B"), ("h", "b"), ("", ""))  # ("", "") = drop a letter
_N_CONFUSIONS = len(_CONFUSIONS)
# Share of words with an OCR error per scan quality: clean, typical, poor.
NOISE_RATES = (0.01, 0.035, 0.08)
_LEVEL_CUM_ACCEPTED = (0.45, 0.85)  # clean 45 %, typical 40 %, poor 15 %
_LEVEL_CUM_REVIEW = (0.25, 0.65)  # needs_review scans are worse: 25 / 40 / 35 %
_N_WORD_VARIANTS = 4  # misreadings per name


def _corrupt(word: str, r: Callable[[], float]) -> str:
    """The word with one OCR-like error (ü→ii, rn→m, l→1, e→c, a dropped letter, ...);
    unchanged only if it has fewer than two letters and no confusable letter."""
    start = int(r() * _N_CONFUSIONS)
    for k in range(_N_CONFUSIONS):
        old, new = _CONFUSIONS[(start + k) % _N_CONFUSIONS]
        if not old:
            letters = [j for j, ch in enumerate(word) if ch.isalpha()]
            if len(letters) < 2:
                continue
            j = letters[int(r() * len(letters))]
            return word[:j] + word[j + 1:]
        at = word.find(old)
        if at >= 0:
            return word[:at] + new + word[at + len(old):]
    return word


def _noisy(text: str, rate: float, r: Callable[[], float]) -> str:
    """Text with about `rate` of its space-separated words corrupted (the count varies by ±50 %);
    "%(slot)s" words are left alone."""
    words = text.split(" ")
    n = len(words)
    for _ in range(int(n * rate * (0.5 + r()) + r())):
        k = int(r() * n)
        if "%(" not in words[k]:
            words[k] = _corrupt(words[k], r)
    return " ".join(words)


_IMPORT_RNG = random.Random("baulast-bench-import-v1")  # used at import only, in a fixed order


def _word_variants(word: str) -> tuple[str, ...]:
    out = []
    for _ in range(_N_WORD_VARIANTS):
        noisy = _corrupt(word, _IMPORT_RNG.random)
        out.append(noisy if noisy != word else word[:-1])
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Municipalities
# --------------------------------------------------------------------------------------------

_OFFICES = ("Bauaufsichtsamt", "Bauaufsicht", "Amt für Bauordnung", "Fachbereich Bauordnung",
            "Bauordnungsamt", "Amt 63 - Bauaufsicht")
_KREIS_AUTHORITIES = ("Rhein-Kreis Neuss\nDer Landrat\nUntere Bauaufsichtsbehörde",
                      "Rhein-Kreis Neuss\nUntere Bauaufsichtsbehörde")
_KREIS_DATIVE = "dem Rhein-Kreis Neuss"


@dataclass(frozen=True, slots=True)
class _Muni:
    name: str
    max_number: int
    dative: str  # "der Stadt Dormagen"
    gemarkungen: tuple[str, ...]
    gem_cum: tuple[float, ...]
    gem_total: float
    kreis: bool  # the Rhein-Kreis is sometimes the Bauaufsicht here
    authorities: tuple[str, ...]  # header lines (one per office name)
    titles: tuple[str, ...]  # "Baulastenverzeichnis ..." lines


def _muni(name: str) -> _Muni:
    max_number, kind = _MUNICIPALITY_INFO.get(name, _DEFAULT_INFO)
    gemarkungen = GEMARKUNGEN[name]
    # the Gemarkung named like the town is the big one
    cum, total = _cumulative([4.0 if g == name else 1.0 for g in gemarkungen])
    dative = f"der {kind} {name}"
    authorities = tuple(f"{kind} {name}\nDer Bürgermeister\n{office}" for office in _OFFICES)
    titles = ("Baulastenverzeichnis", "BAULASTENVERZEICHNIS", f"Baulastenverzeichnis {dative}",
              f"Baulastenverzeichnis von {name}", f"Baulastenverzeichnis - {kind} {name}")
    return _Muni(name, max_number, dative, gemarkungen, cum, total, name in _KREIS_MUNICIPALITIES,
                 authorities, titles)


_MUNIS = tuple(_muni(name) for name in MUNICIPALITIES)
_MUNI_CUM, _MUNI_TOTAL = _cumulative([m.max_number for m in _MUNIS])

_TYPE_FIRST_MULTI = _cumulative([_TYPE_WEIGHTS[t] * (2.5 if t == "Vereinigungsbaulast" else 1.0)
                                 for t in BAULAST_TYPES])
_TYPE_FIRST_SINGLE = _cumulative([0.0 if t == "Vereinigungsbaulast" else _TYPE_WEIGHTS[t]
                                  for t in BAULAST_TYPES])

# Misreadings of the names a record fills in (owners' surnames, streets).
_NOISY_WORD: dict[str, tuple[str, ...]] = {w: _word_variants(w) for w in (*SURNAMES, *RARE_SURNAMES, *STREETS)}

# --------------------------------------------------------------------------------------------
# Text pieces. Entry templates name these slots: own (the owner phrase), auth (dative authority),
# ben (benefiting parcel), burdened (all burdened parcels), owner, addr, street, m (metres), n.
# --------------------------------------------------------------------------------------------

_ENTRY_TEMPLATES = {
    "Abstandflächenbaulast": (
        "%(own)s verpflichtet sich gegenüber %(auth)s, die Abstandfläche für das Gebäude auf dem "
        "Grundstück %(ben)s in einer Tiefe von %(m)s m auf der im Lageplan rot gekennzeichneten Fläche "
        "von jeglicher Bebauung freizuhalten. Die Fläche darf auch nicht für Abstandflächen eigener "
        "Gebäude in Anspruch genommen werden.",
        "%(own)s duldet gegenüber %(auth)s, dass sich die Abstandflächen des auf dem Nachbargrundstück "
        "%(ben)s errichteten Wohnhauses bis zu einer Tiefe von %(m)s m auf sein Grundstück erstrecken, "
        "und verpflichtet sich, diese Fläche von baulichen Anlagen freizuhalten, soweit diese nach der "
        "Bauordnung in Abstandflächen unzulässig sind.",
        "%(own)s übernimmt gegenüber %(auth)s die Verpflichtung, die im beigefügten Lageplan schraffiert "
        "dargestellte Teilfläche von %(n)s0 m² als Abstandfläche zugunsten des Grundstücks %(ben)s von "
        "Gebäuden und gebäudegleichen Anlagen freizuhalten.",
    ),
    "Stellplatzbaulast": (
        "%(own)s verpflichtet sich gegenüber %(auth)s, auf seinem Grundstück %(n)s Einstellplätze für "
        "das Bauvorhaben auf dem Grundstück %(ben)s bereitzustellen, zu unterhalten und deren Benutzung "
        "durch die Berechtigten zu dulden. Die Stellplätze sind im Lageplan nummeriert dargestellt.",
        "%(own)s übernimmt gegenüber %(auth)s die Verpflichtung, %(n)s Stellplätze gemäß Lageplan für "
        "die Nutzer des Grundstücks %(ben)s dauerhaft zur Verfügung zu stellen und die Zufahrt zu diesen "
        "Stellplätzen von der öffentlichen Verkehrsfläche (%(street)s) aus freizuhalten.",
        "%(own)s verpflichtet sich gegenüber %(auth)s, %(n)s notwendige Stellplätze und eine Garage "
        "für das Wohn- und Geschäftshaus auf dem Grundstück %(ben)s herzustellen, zu erhalten und "
        "ausschließlich deren Nutzern zur Verfügung zu stellen.",
    ),
    "Vereinigungsbaulast": (
        "Die Eigentümer der Grundstücke %(burdened)s verpflichten sich gegenüber %(auth)s, die Grundstücke "
        "bei der Anwendung der bauordnungsrechtlichen Vorschriften als ein einheitliches Baugrundstück zu "
        "behandeln. Eigentümer zur Zeit: %(owner)s.",
        "Die Grundstücke %(burdened)s werden gegenüber %(auth)s zu einem Baugrundstück vereinigt. Die "
        "öffentlich-rechtlichen Vorschriften sind so einzuhalten, als ob die Grundstücke ein Grundstück "
        "wären. Eigentümer: %(owner)s, %(addr)s.",
    ),
    "Erschließungsbaulast": (
        "%(own)s übernimmt gegenüber %(auth)s die Verpflichtung, das Gehen, Fahren und Verlegen von "
        "Leitungen zur Erschließung des Grundstücks %(ben)s über die im Lageplan gekennzeichnete Fläche "
        "in einer Breite von %(m)s m zu dulden und diese Fläche nicht zu bebauen.",
        "%(own)s verpflichtet sich gegenüber %(auth)s, die Erschließung des Hinterliegergrundstücks "
        "%(ben)s über sein Grundstück von der öffentlichen Verkehrsfläche (%(street)s) aus durch einen "
        "%(m)s m breiten, befestigten Weg dauerhaft zu sichern und zu unterhalten.",
    ),
    "Zufahrtsbaulast": (
        "%(own)s verpflichtet sich gegenüber %(auth)s, die Zufahrt über sein Grundstück in einer Breite "
        "von %(m)s m zugunsten des Grundstücks %(ben)s zu dulden und von jeglicher Bebauung, Einfriedung "
        "und Bepflanzung freizuhalten.",
        "%(own)s gestattet gegenüber %(auth)s die Zuwegung und Überfahrt zum Grundstück %(ben)s von der "
        "öffentlichen Straße (%(street)s) aus über einen %(m)s m breiten Streifen entlang der "
        "Grundstücksgrenze, auch für Fahrzeuge der Feuerwehr und des Rettungsdienstes.",
    ),
    "Anbaubaulast": (
        "%(own)s verpflichtet sich gegenüber %(auth)s, bei einer Bebauung seines Grundstücks an das "
        "Grenzgebäude auf dem Grundstück %(ben)s ohne Abstand anzubauen und die Grenzwand in voller "
        "Höhe und Tiefe zu übernehmen.",
        "%(own)s verpflichtet sich gegenüber %(auth)s, an die auf der gemeinsamen Grenze mit dem "
        "Grundstück %(ben)s errichtete Garage anzubauen, sofern auf seinem Grundstück ein Gebäude an "
        "dieser Grenze errichtet wird (Grenzbebauung).",
    ),
    "Leitungsbaulast": (
        "%(own)s verpflichtet sich gegenüber %(auth)s, die Verlegung, den Betrieb und die Unterhaltung "
        "von Abwasser- und Versorgungsleitungen zugunsten des Grundstücks %(ben)s zu dulden und den "
        "Leitungsstreifen von %(m)s m Breite nicht zu überbauen.",
        "%(own)s duldet gegenüber %(auth)s, dass der Abwasserkanal des Grundstücks %(ben)s über sein "
        "Grundstück geführt, betrieben und unterhalten wird. Der Schutzstreifen von %(m)s m beiderseits "
        "der Leitung ist freizuhalten und jederzeit zugänglich zu halten.",
    ),
}

# Notes that fill the page to its length (they stand for the Bemerkungen column, stamps and footers).
_NOTES = (
    "Der Lageplan im Maßstab 1:500 ist Bestandteil dieser Eintragung.",
    "Die Baulast wirkt auch gegenüber den Rechtsnachfolgern der Eigentümer.",
    "Die Baulast kann nur mit Zustimmung der Bauaufsichtsbehörde gelöscht werden.",
    "Eine beglaubigte Abschrift wurde dem Eigentümer übersandt.",
    "Unterschrift des Eigentümers öffentlich beglaubigt.",
    "Die im Lageplan grün angelegte Fläche ist von jeglicher Bebauung freizuhalten.",
    "Vor Löschung ist die Stellungnahme des Bauordnungsamtes einzuholen.",
    "Der Eintragung liegt die Erklärung des Eigentümers zu Grunde.",
    "Die Baulast ist im Liegenschaftskataster nicht nachgewiesen.",
    "Vermerk: Lageplan und Erklärung in der Bauakte abgeheftet.",
    "Es wird gebeten, Änderungen der Eigentumsverhältnisse mitzuteilen.",
    "Die Zustimmung des Nachbarn liegt vor.",
    "Übereinstimmung mit dem Original wird bescheinigt.",
    "Eine Abschrift erhält der Begünstigte.",
    "Es wird auf die Eintragung im Baulastenblatt des begünstigten Grundstücks verwiesen.",
    "Die Erklärung wurde vor der Bauaufsichtsbehörde abgegeben und unterzeichnet.",
    "Sonstige Vermerke: keine.",
    "Bemerkung: Flächen gemäß Lageplan schraffiert dargestellt.",
    "Vordruck 63/12 - Baulastenblatt",
    "Diese Eintragung ersetzt keine privatrechtliche Vereinbarung.",
    "Die Baulast wurde auf Antrag des Eigentümers eingetragen.",
    "Benachrichtigung an das Grundbuchamt ist erfolgt.",
    "Die Verpflichtungserklärung liegt der Bauakte bei.",
    "Rechtsgrundlage: § 83 BauO NRW.",
    "Rechtsgrundlage: § 99 BauO NW.",
    "Rechtsgrundlage: § 85 BauO NRW 2018.",
    "Die Eintragung wurde den Beteiligten schriftlich mitgeteilt.",
    "Auf die Baulast wurde im Baugenehmigungsbescheid hingewiesen.",
    "Der Verzicht auf die Baulast bedarf der Schriftform.",
    "Eine Ausfertigung des Lageplans ist dem Eigentümer ausgehändigt worden.",
    "Katasteramt Rhein-Kreis Neuss: Flurkarte eingesehen.",
    "Die Baulast ist bei der Teilung des Grundstücks zu beachten.",
    "Hinweis: Die Baulast ist unabhängig von Eintragungen im Grundbuch wirksam.",
    "Geprüft und eingetragen durch die untere Bauaufsichtsbehörde.",
    "Die Gebühr wurde nach dem Gebührentarif erhoben.",
    "Bei Veräußerung des Grundstücks ist der Erwerber auf die Baulast hinzuweisen.",
    "Zeichnerische Darstellung siehe Anlage 1 zur Verpflichtungserklärung.",
    "Die Fläche ist dauerhaft zu befestigen und zu unterhalten.",
    "Die Eintragung erfolgte im Zusammenhang mit dem Bauantrag für ein Wohnhaus mit Garage.",
    "Die Beteiligten wurden auf die Bedeutung der Baulast hingewiesen.",
    "Nachtrag: Lageplan ersetzt durch Fassung mit Vermaßung.",
    "Sachbearbeitung: Bauordnungsamt, Zimmer 214.",
    "Der Baulastenblattauszug ersetzt nicht die Einsicht in die Bauakte.",
)

_MEASURES = ("2,50", "3,00", "3,50", "4,00", "4,50", "5,00", "6,00", "2,75", "3,25", "1,50", "7,50")
_NUMBER_LABELS = ("Baulastenblatt Nr.", "Baulastenblatt Nr.:", "Blatt-Nr.:", "Baulastenblatt-Nr.")
_TABLE_HEADS = ("Lfd. Nr.   Inhalt der Eintragung   Bemerkungen",
                "Lfd. Nr. | Inhalt der Baulast | Bemerkungen",
                "Lfd.Nr.  Inhalt der Eintragung  Vermerke")
_COMPANIES = ("%(last)s Bau GmbH", "Gebr. %(last)s GmbH & Co. KG", "%(last)s Immobilien GmbH",
              "Wohnungsbaugesellschaft %(muni)s mbH", "Grundstücksgemeinschaft %(last)s/%(last2)s")
_SAINTS = ("Martinus", "Peter und Paul", "Lambertus", "Quirinus", "Pankratius", "Stephanus", "Nikolaus")
# Typical slot lengths, to plan how many notes fill a page (others count 10).
_TYPICAL = {"f1": 2, "f2": 2, "s1": 5, "s2": 5, "s3": 5, "s4": 5, "bs": 5, "street": 14, "streetn": 14,
            "owner": 24, "ownern": 24, "shown": 5, "yy": 2}
_SLOT = re.compile(r"%\((\w+)\)s")
_MISREAD = re.compile(r"%\((street|owner)\)s")  # slots that also come misread ("streetn", "ownern")


# --------------------------------------------------------------------------------------------
# Page skeletons. A skeleton fixes everything about a record except what must differ from
# record to record: municipality and Gemarkung, how many parcels and entries, the types, which
# entries are deleted, status, scan quality, the wording with its OCR errors, the notes, the
# clerks who signed. It keeps the page as literal pieces with named slots in between (Flur,
# Flurstück, dates, owner, street, ...). Record i picks one of _N_SKELETONS skeletons and fills
# in its own values, so the costly text work is done once per skeleton. Skeleton k depends on
# (seed, k) only and is built on first use.
# --------------------------------------------------------------------------------------------

_N_SKELETONS = 8192


@dataclass(frozen=True, slots=True)
class _Skeleton:
    pieces: dict[int, str]  # the literal text between slots, by position
    order: tuple[int | str, ...]  # piece positions and slot names in page order (see _page)
    getter: Callable[[dict[int | str, str]], tuple[str, ...]]  # pieces and slot values in page order
    municipality: str
    max_number: int
    gemarkung: str
    accepted: bool
    date_missing: bool
    first_nenner: bool
    extra: tuple[tuple[str, bool, bool], ...]  # parcels 2..: (Gemarkung, on the next Flur, with Nenner)
    types: tuple[str, ...]
    deleted: tuple[bool, ...]
    suffix: str  # register number suffix: "", "a" or "b"
    shown: int  # how the number is printed: 0 as is, 1 "1.234", 2 leading zeros, 3 "512 a"
    filename: int
    ext: str
    owner: int  # 0 person, 1 couple, 2 two people, 3 company, 4 heirs, 5 parish
    company: str
    ben_next_flur: bool
    ben_nenner: bool
    misread: bool  # the text also names the owner or street misread ("ownern", "streetn")


_SKELETONS: dict[int, list[_Skeleton | None]] = {}


def _skeleton(seed: int, k: int) -> _Skeleton:
    table = _SKELETONS.get(seed)
    if table is None:
        table = _SKELETONS[seed] = [None] * _N_SKELETONS
    skeleton = table[k]
    if skeleton is None:
        skeleton = table[k] = _make_skeleton(seed, k)
    return skeleton


def _make_skeleton(seed: int, k: int) -> _Skeleton:
    rng = random.Random(f"baulast-bench-skeleton:{seed}:{k}")
    r = rng.random

    muni = _MUNIS[bisect(_MUNI_CUM, r() * _MUNI_TOTAL)]
    gemarkungen = muni.gemarkungen
    gem = gemarkungen[bisect(muni.gem_cum, r() * muni.gem_total)]

    # parcels: 1 (70 %), 2 (18 %), 3 (8 %), 4 (4 %); the others lie next to the first
    x = r()
    n_parcels = 1 if x < 0.70 else 2 if x < 0.88 else 3 if x < 0.96 else 4
    first_nenner = r() < 0.4
    extra = tuple((gem if r() < 0.95 else gemarkungen[int(r() * len(gemarkungen))], r() >= 0.8, r() < 0.4)
                  for _ in range(n_parcels - 1))

    # entries: 1 (60 %), 2 (28 %), 3 (12 %); 10 % of entries deleted
    x = r()
    n_entries = 1 if x < 0.60 else 2 if x < 0.88 else 3
    cum, total = _TYPE_FIRST_MULTI if n_parcels > 1 else _TYPE_FIRST_SINGLE
    types = [BAULAST_TYPES[bisect(cum, r() * total)]]
    while len(types) < n_entries:
        t = BAULAST_TYPES[bisect(_TYPE_FIRST_SINGLE[0], r() * _TYPE_FIRST_SINGLE[1])]
        if t not in types:
            types.append(t)
    deleted = tuple(r() < 0.10 for _ in types)

    x = r()
    accepted, date_missing = x < 0.85, x >= 0.97  # 20 % of needs_review records lack the date
    level_cum = _LEVEL_CUM_ACCEPTED if accepted else _LEVEL_CUM_REVIEW
    x = r()
    level = 0 if x < level_cum[0] else 1 if x < level_cum[1] else 2
    rate = NOISE_RATES[level]

    x = r()
    suffix = "" if x < 0.96 else "a" if x < 0.99 else "b"
    x = r()
    shown = (3 if x < 0.5 else 0) if suffix else (1 if x < 0.12 else 2 if x < 0.20 else 0)
    x = r()
    ext = ".pdf" if x < 0.7 else ".tif" if x < 0.9 else ".jpg" if x < 0.96 else ".png"
    x = r()
    filename = 0 if x < 0.35 else 1 if x < 0.60 else 2 if x < 0.80 else 3
    x = r()
    owner = 0 if x < 0.55 else 1 if x < 0.72 else 2 if x < 0.80 else 3 if x < 0.90 else 4 if x < 0.97 else 5
    company = _COMPANIES[int(r() * len(_COMPANIES))]
    ben_next_flur, ben_nenner = r() >= 0.8, r() < 0.4

    # --- the text --------------------------------------------------------------------------
    # Slots: f1/s1 (Flur, Flurstück of parcel 1), f2.., s2.., bf/bs (the benefiting neighbour),
    # street, owner, d1.. (registered), x1.. (deleted), yy (year of entry 1), shown (the number).
    def flur_of(j: int) -> str:
        return "%(f2)s" if j > 1 and extra[j - 2][1] else "%(f1)s"

    def gem_of(j: int) -> str:
        return extra[j - 2][0] if j > 1 else gem

    def phrase(j: int) -> str:
        return f"Gemarkung {gem_of(j)}, Flur {flur_of(j)}, Flurstück %(s{j})s"

    kreis = muni.kreis and r() < 0.4
    authority = rng.choice(_KREIS_AUTHORITIES if kreis else muni.authorities)
    dative = _KREIS_DATIVE if kreis else muni.dative
    address = f"%(street)s {1 + int(150 * r() ** 1.5)}{'a' if r() < 0.08 else ''}"
    own = f"Der jeweilige Eigentümer des Grundstücks {phrase(1)} ({address}), zur Zeit %(owner)s,"
    burdened = " und ".join(phrase(j) for j in range(1, n_parcels + 1))
    ben = f"Gemarkung {gem}, Flur {'%(f2)s' if ben_next_flur else '%(f1)s'}, Flurstück %(bs)s"
    clerks = [_surname(r) for _ in range(3)]

    parts = [authority, f"Az.: 63/{1 + int(r() * 4)}-{10 + int(r() * 9000)}/%(yy)s",
             rng.choice(muni.titles), f"{rng.choice(_NUMBER_LABELS)} %(shown)s   Seite 1"]
    groups: dict[tuple[str, str], list[str]] = {}
    for j in range(1, n_parcels + 1):
        groups.setdefault((gem_of(j), flur_of(j)), []).append(f"%(s{j})s")
    for (g, f), fs in groups.items():
        parts.append(f"Gemarkung {g}   Flur {f}   {'Flurstücke' if len(fs) > 1 else 'Flurstück'} {', '.join(fs)}")
    x = r()
    if x < 0.7:
        parts.append(f"Lage: {address}")
    if 0.3 < x < 0.9:
        parts.append(f"Grundbuch von {gem} Blatt {100 + int(r() * 9900)}")
    parts.append(rng.choice(_TABLE_HEADS))
    for lfd, (t, is_deleted) in enumerate(zip(types, deleted), start=1):
        templates = _ENTRY_TEMPLATES[t]
        body = (rng.choice(templates).replace("%(own)s", own).replace("%(burdened)s", burdened)
                .replace("%(ben)s", ben).replace("%(auth)s", dative).replace("%(addr)s", address)
                .replace("%(m)s", rng.choice(_MEASURES)).replace("%(n)s", str(1 + int(r() * 8))))
        parts.append((f"{lfd}  {t}: " if r() < 0.75 else f"{lfd}  ") + body)
        parts.append(f"Eingetragen am %(d{lfd})s  gez. {clerks[lfd % 2]}")
        if is_deleted:
            parts.append(f"Gelöscht am %(x{lfd})s  gez. {clerks[2]}")

    # notes up to a target length, planned with typical slot lengths
    planned = len(_SLOT.sub(lambda m: "x" * _TYPICAL.get(m.group(1), 10), "\n".join(parts)))
    target = TEXT_MIN + 120 + int(r() * (TEXT_MAX - TEXT_MIN - 400))
    order, start = _NOTE_ORDERS[int(r() * len(_NOTE_ORDERS))], int(r() * len(_NOTES))
    for note in order[start:] + order[:start]:
        if planned >= target:
            break
        parts.append(note)
        planned += len(note) + 1

    # OCR errors in the wording; the owner and street misread now and then
    fmt = _noisy("\n".join(parts), rate, r)
    misread = False

    def misread_slot(match: re.Match[str]) -> str:
        nonlocal misread
        if r() < rate:
            misread = True
            return f"%({match.group(1)}n)s"
        return match.group()

    fmt = _MISREAD.sub(misread_slot, fmt)
    split = _SLOT.split(fmt)  # literal, slot name, literal, ..., literal
    pieces = dict(enumerate(split[0::2]))
    order: list[int | str] = [0]
    for k, name in enumerate(split[1::2], start=1):
        order += [name, k]
    return _Skeleton(pieces, tuple(order), itemgetter(*order), muni.name, muni.max_number, gem, accepted, date_missing,
                     first_nenner, extra, tuple(types), deleted, suffix, shown, filename, ext, owner, company,
                     ben_next_flur, ben_nenner, misread)


def _page(skeleton: _Skeleton) -> str:
    """A skeleton's page as a "%(slot)s" string, for reading."""
    return "".join(skeleton.pieces[key] if isinstance(key, int) else f"%({key})s" for key in skeleton.order)


_NOTE_ORDERS = tuple(tuple(_IMPORT_RNG.sample(_NOTES, len(_NOTES))) for _ in range(32))
_PAD = "\n" + "\n".join(_NOTES)  # tops up the rare page that came out shorter than TEXT_MIN

# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------

_N_MALE, _N_FEMALE = len(_MALE_FIRST), len(_FEMALE_FIRST)
_S_KEYS = tuple(f"s{j}" for j in range(5))
_D_KEYS = tuple(f"d{j}" for j in range(4))
_X_KEYS = tuple(f"x{j}" for j in range(4))
_YY = tuple(f"{d.year % 100:02d}" for d in _DATES)

# Random numbers. Record i reads the uniform floats _DRAWS * i .. _DRAWS * (i + 1) - 1 of one
# PCG64 stream per seed (raw 64-bit words >> 11, times 2**-53; numpy keeps the bit generator's
# stream stable across versions). `records` makes the floats of thousands of records in one
# numpy call, `record(i)` jumps to its own with PCG64.advance: both give the same floats. A
# record needing more than _DRAWS (none of the first million does) goes on with a Mersenne
# Twister seeded with (seed, i), so it still depends on (seed, i) alone.
_DRAWS = 32
_CHUNK = 4096  # records whose floats `records` makes at once
_MAX_INDEX = 1 << 48
_SHIFT = np.uint64(11)
_UNIT = 2.0**-53


def _floats(seed: int, first: int, count: int) -> list[float]:
    """Floats first .. first+count-1 of the seed's stream."""
    bits = np.random.PCG64(np.random.SeedSequence([seed & 0xFFFFFFFFFFFFFFFF, 0xBA01A57]))
    bits.advance(first)
    return ((bits.random_raw(count) >> _SHIFT) * _UNIT).tolist()


def _overflow(seed: int, index: int) -> Iterator[float]:
    r = random.Random(f"baulast-bench-overflow:{seed}:{index}").random
    while True:
        yield r()


def _make(index: int, seed: int, floats: list[float]) -> SeedRecord:
    try:
        return _build(index, seed, iter(floats).__next__)
    except StopIteration:  # ran out of floats: rebuild, going on with the overflow stream
        return _build(index, seed, chain(floats, _overflow(seed, index)).__next__)


# A frozen dataclass's __init__ sets each field with object.__setattr__ (~0.15 µs a field); the
# generator fills the instance dict in one go instead. The result is an ordinary instance
# (equal, hashing and printing as if made by the constructor; the tests check that).
_new = object.__new__
_setattr = object.__setattr__
_sha256 = hashlib.sha256


def _build(index: int, seed: int, r: Callable[[], float]) -> SeedRecord:
    sk = _skeleton(seed, int(r() * _N_SKELETONS))
    gem = sk.gemarkung

    # parcels
    flur = 1 + int(MAX_FLUR * r() ** 1.4)
    zaehler = 1 + int(MAX_ZAEHLER * r() ** 1.6)
    fst = f"{zaehler}/{1 + int(120 * r() ** 3)}" if sk.first_nenner else str(zaehler)
    first = _new(SeedParcel)
    _setattr(first, "__dict__", {"gemarkung": gem, "flur": flur, "flurstueck": fst})
    next_flur = min(MAX_FLUR, flur + 1)
    slots = {**sk.pieces, "f1": str(flur), "f2": str(next_flur), "s1": fst}
    if sk.extra:
        parcels = [first]
        for j, (g, on_next_flur, nenner) in enumerate(sk.extra, start=2):
            f = next_flur if on_next_flur else flur
            x = r()
            z = min(MAX_ZAEHLER, max(1, zaehler - 1 - int(x * 30) if x < 0.5 else zaehler + 1 + int((x - 0.5) * 30)))
            s = f"{z}/{1 + int(120 * r() ** 3)}" if nenner else str(z)
            p = SeedParcel(g, f, s)
            while p in parcels:  # rare: the same parcel twice
                z = z % MAX_ZAEHLER + 1
                s = f"{z}/{s.partition('/')[2]}" if nenner else str(z)
                p = SeedParcel(g, f, s)
            parcels.append(p)
            slots[_S_KEYS[j]] = s
        parcel_tuple = tuple(parcels)
    else:
        parcel_tuple = (first,)
    x = r()  # the benefiting neighbour: 1..40 Flurstücke away
    z = min(MAX_ZAEHLER, max(1, zaehler - 1 - int(x * 80) if x < 0.5 else zaehler + 1 + int((x - 0.5) * 80)))
    slots["bs"] = f"{z}/{1 + int(40 * r() ** 3)}" if sk.ben_nenner else str(z)

    # entries; dates are days since FIRST_DATE, later years busier
    reg = reg1 = int(_O_SPAN * r() ** 0.8)
    slots["yy"] = _YY[reg1]
    entries = []
    for lfd, t, is_deleted in zip((1, 2, 3), sk.types, sk.deleted):
        if lfd > 1:
            reg = min(_O_SPAN, reg + 30 + int(3600 * r() ** 2))
        slots[_D_KEYS[lfd]] = _DE[reg]
        entry = _new(SeedEntry)
        if is_deleted:
            left = _O_SPAN - reg
            gone = reg + min(60, left) + int(max(0, left - 60) * r() ** 1.5)
            slots[_X_KEYS[lfd]] = _DE[gone]
            _setattr(entry, "__dict__", {"lfd_nr": lfd, "type": t, "registered_on": _DATES[reg],
                                         "deleted_on": _DATES[gone]})
        else:
            _setattr(entry, "__dict__", {"lfd_nr": lfd, "type": t, "registered_on": _DATES[reg],
                                         "deleted_on": None})
        entries.append(entry)

    # register number: grows with the registration date
    v = reg1 / _O_SPAN + (r() - 0.5) * 0.04  # reflected at both ends, so 1 and max are no more common
    number = 1 + int(sk.max_number * (-v if v < 0 else min(0.99999, 2 - v) if v >= 1 else v))
    register_number = f"{number}{sk.suffix}"
    shown = sk.shown
    if shown == 0:
        slots["shown"] = register_number
    elif shown == 1:
        slots["shown"] = f"{number // 1000}.{number % 1000:03d}" if number >= 1000 else register_number
    elif shown == 2:
        slots["shown"] = f"{number:05d}" if number >= 1000 else f"{number:04d}"
    else:
        slots["shown"] = f"{number} {sk.suffix}"

    # file
    filename = sk.filename
    if filename == 0:
        filename = f"BL_{register_number}_{gem}_{index:07d}{sk.ext}"
    elif filename == 1:
        filename = f"scan_{index:07d}{sk.ext}"
    elif filename == 2:
        filename = f"Baulastenblatt {register_number} {gem} ({index}){sk.ext}"
    else:
        filename = f"akte_{index:07d}{sk.ext}"

    # owner and street
    slots["street"] = street = STREETS[bisect(_STREET_CUM, r() * _STREET_TOTAL)]
    kind = sk.owner
    last = _surname(r)
    if kind == 0:
        owner = f"{FIRST_NAMES[bisect(_FIRST_CUM, r() * _FIRST_TOTAL)]} {last}"
    elif kind == 1:
        owner = f"Eheleute {_MALE_FIRST[int(r() * _N_MALE)]} und {_FEMALE_FIRST[int(r() * _N_FEMALE)]} {last}"
    elif kind == 2:
        owner = (f"{_MALE_FIRST[int(r() * _N_MALE)]} {last} und "
                 f"{_FEMALE_FIRST[int(r() * _N_FEMALE)]} {_surname(r)}")
    elif kind == 3:
        owner = sk.company % {"last": last, "last2": _surname(r), "muni": sk.municipality}
    elif kind == 4:
        owner = f"Erbengemeinschaft {last}"
    else:
        owner = f"Katholische Kirchengemeinde St. {_SAINTS[int(r() * len(_SAINTS))]}"
    slots["owner"] = owner
    if sk.misread:
        slots["streetn"] = _NOISY_WORD[street][int(r() * _N_WORD_VARIANTS)]
        slots["ownern"] = owner.replace(last, _NOISY_WORD[last][int(r() * _N_WORD_VARIANTS)])

    text = "".join(sk.getter(slots))
    size = len(text)
    if size > TEXT_MAX:
        cut = text.rfind("\n", 0, TEXT_MAX)
        text = text[:cut] if cut >= TEXT_MIN else text[: text.rfind(" ", 0, TEXT_MAX)]
    elif size < TEXT_MIN:
        text += _PAD[: _PAD.find("\n", TEXT_MIN - size)]

    rec = _new(SeedRecord)
    _setattr(rec, "__dict__", {
        "index": index, "sha256": _sha256(b"baulast-bench:%d:%d" % (seed, index)).hexdigest(),
        "filename": filename, "path": f"/srv/baulast/scans/{sk.municipality}/{index // 10000:04d}/{filename}",
        "status": "accepted" if sk.accepted else "needs_review", "municipality": sk.municipality,
        "register_number": register_number, "date": None if sk.date_missing else _DATES[reg1],
        "parcels": parcel_tuple, "entries": tuple(entries), "text": text,
    })
    return rec


def _check_index(index: int) -> None:
    if not 0 <= index < _MAX_INDEX:
        raise ValueError(f"index must be 0 .. {_MAX_INDEX - 1}, not {index}")


def record(index: int, seed: int = 1) -> SeedRecord:
    """Record number `index` for this seed; depends on (seed, index) only."""
    _check_index(index)
    return _make(index, seed, _floats(seed, index * _DRAWS, _DRAWS))


def records(n: int, seed: int = 1, start: int = 0) -> Iterator[SeedRecord]:
    """Records start, start+1, ..., start+n-1: the same as record(i, seed) for each i, but
    about 20 µs faster each (their random numbers are made in bulk)."""
    if n <= 0:
        return
    _check_index(start)
    _check_index(start + n - 1)
    make, k = _make, _DRAWS
    for chunk_start in range(start, start + n, _CHUNK):
        count = min(_CHUNK, start + n - chunk_start)
        floats = _floats(seed, chunk_start * k, count * k)
        for j in range(count):
            yield make(chunk_start + j, seed, floats[j * k:(j + 1) * k])


# --------------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
_TYPE_SET = frozenset(BAULAST_TYPES)
_SURNAME_SET = frozenset(SURNAMES) | frozenset(RARE_SURNAMES)
_LEGAL_WORDS = ("Abstandfläche", "Abstandflächen", "Einstellplätze", "Stellplätze", "Zufahrt",
                "Grenzgebäude", "Grenzwand", "Erschließung", "Zuwegung", "Überfahrt", "Abwasserkanals",
                "Versorgungsleitungen", "Regenwasserleitung", "Baugrundstück", "Rechtsnachfolgern",
                "Verpflichtungserklärung", "Lageplan", "Grundbuchamt", "Tarifstelle", "beglaubigt",
                "Liegenschaftskataster", "Nachbargrundstück", "Wohnhauses", "Eigentümer")


def _has_word(text: str, phrase: str) -> bool:
    """Whether every word of `phrase` starts a token of `text` (case-insensitive), as full-text
    prefix search (SQLite FTS5) and substring search (ILIKE) both would find it."""
    folded = text.casefold()
    return all(re.search(rf"(?<!\w){re.escape(w.casefold())}", folded) for w in _TOKEN.findall(phrase))


def _text_candidates(rec: SeedRecord) -> dict[str, list[str]]:
    """Words and phrases of a record that occur intact (not hit by OCR noise) in its text."""
    tokens = set(_TOKEN.findall(rec.text))
    streets = [s for s in STREETS if s.count(" ") < 2 and s in rec.text and _has_word(rec.text, s)]
    return {
        "surname": sorted(t for t in tokens if t in _SURNAME_SET),
        "street": streets,
        "type": sorted(t for t in tokens if t in _TYPE_SET),
        "legal": [w for w in _LEGAL_WORDS if w in tokens],
    }


def _pick(rng: random.Random, options: Sequence[str]) -> str | None:
    return options[rng.randrange(len(options))] if options else None


def _text_hit(rng: random.Random, rec: SeedRecord, single: bool) -> str | None:
    c = _text_candidates(rec)
    x = rng.random()
    if not single and x < 0.15:
        first = _pick(rng, c["surname"]) or _pick(rng, c["type"])
        second = _pick(rng, [s for s in c["street"] if " " not in s]) or _pick(rng, c["legal"])
        if first and second and first != second:
            return f"{first} {second}"
    if x < 0.55:
        word = _pick(rng, c["surname"])
    elif x < 0.75:
        word = _pick(rng, c["street"] if not single else [s for s in c["street"] if " " not in s])
    elif x < 0.90:
        word = _pick(rng, c["type"])
    else:
        word = _pick(rng, c["legal"])
    return word or _pick(rng, c["surname"]) or _pick(rng, c["legal"])


def _parcel_text(rng: random.Random, p: SeedParcel, miss: bool) -> str:
    g, f, s = p.gemarkung, p.flur, p.flurstueck
    z = int(s.split("/")[0])
    if miss:  # a Flur or Zähler beyond any generated one
        f = MAX_FLUR + 1 + rng.randrange(39)
        z = MAX_ZAEHLER + 1 + rng.randrange(6000)
        s = f"{z}/{s.split('/')[1]}" if "/" in s else str(z)
    x = rng.random()
    if x < 0.30:
        return f"{g} {f} {s}"
    if x < 0.45:
        return f"Gemarkung {g}, Flur {f}, Flurstück {s}"
    if x < 0.57:
        return f"{g} Flur {f} Flst. {s}"
    if x < 0.62:
        return f"Gem. {g} Fl. {f} Flst. {s}"
    if x < 0.74:
        return f"{g} {s}"
    if x < 0.87:
        lo = max(1, z - rng.randrange(6))
        hi = z + 1 + rng.randrange(6)
        return f"{g} {f} {lo}-{hi}"
    return f"{g} {f} {z}"


def _date_range(rng: random.Random, d: dt.date) -> str:
    width = (1, 7, 31, 92, 366)[min(4, int(rng.random() ** 0.9 * 5))]
    start = d - dt.timedelta(days=rng.randrange(width))
    return f"{start.isoformat()}|{(start + dt.timedelta(days=width - 1)).isoformat()}"


def _one_query(kind: str, j: int, n_records: int, seed: int) -> SeedQuery:
    rng = random.Random(f"baulast-bench-query:{seed}:{kind}:{j}")
    miss = int((j + 1) * 0.1) > int(j * 0.1)  # every tenth query of a kind
    if miss:
        if kind == "text":
            return SeedQuery(kind, _pick(rng, MISS_WORDS) or "", False)
        if kind == "fuzzy_text":
            word = _pick(rng, MISS_WORDS) or ""
            return SeedQuery(kind, _corrupt(word, rng.random), False)
        if kind == "register_number":
            muni = _MUNIS[rng.randrange(len(_MUNIS))]
            return SeedQuery(kind, f"{muni.name}|{muni.max_number + 1 + rng.randrange(50000)}", False)
        if kind == "date_range":
            year = rng.choice((rng.randrange(1930, FIRST_DATE.year - 1), rng.randrange(2028, 2040)))
            return SeedQuery(kind, _date_range(rng, dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(330))),
                             False)
        rec = record(rng.randrange(n_records), seed)
        return SeedQuery(kind, _parcel_text(rng, rec.parcels[0], True), False)
    for _ in range(100):
        index = rng.randrange(n_records)
        rec = record(index, seed)
        if kind == "parcel":
            return SeedQuery(kind, _parcel_text(rng, _pick(rng, rec.parcels), False), True, index)
        if kind == "register_number":
            return SeedQuery(kind, f"{rec.municipality}|{rec.register_number}", True, index)
        if kind == "date_range":
            if rec.date is not None:
                return SeedQuery(kind, _date_range(rng, rec.date), True, index)
            continue
        if kind == "text":
            words = _text_hit(rng, rec, single=False)
            if words:
                return SeedQuery(kind, words, True, index)
            continue
        if kind == "fuzzy_text":
            word = _text_hit(rng, rec, single=True)
            if word and len(word) >= 5:
                noisy = _corrupt(word, rng.random)
                if noisy != word:
                    return SeedQuery(kind, noisy, True, index)
            continue
        raise ValueError(f"unknown query kind {kind!r}")
    raise RuntimeError(f"no {kind} query found in 100 records")  # pragma: no cover


def queries(n_records: int, per_kind: int, seed: int = 1) -> list[SeedQuery]:
    """per_kind queries of each kind, interleaved (parcel, register_number, date_range, text,
    fuzzy_text, parcel, ...), drawn from records 0..n_records-1; every tenth of a kind is a miss."""
    if n_records < 1:
        raise ValueError("n_records must be at least 1")
    return [_one_query(kind, j, n_records, seed) for j in range(per_kind) for kind in QUERY_KINDS]


# --------------------------------------------------------------------------------------------
# python -m bench.corpus
# --------------------------------------------------------------------------------------------


def _main(argv: list[str] | None = None) -> int:
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Synthetic Baulast records for the search benchmark.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, metavar="I", help="print record I")
    parser.add_argument("--rate", type=int, metavar="N", nargs="?", const=200_000,
                        help="generate N records [200,000] and print records/s (CPU time, one core)")
    args = parser.parse_args(argv)
    if args.show is not None:
        rec = record(args.show, args.seed)
        for name in ("index", "sha256", "filename", "path", "status", "municipality", "register_number", "date"):
            print(f"{name}: {getattr(rec, name)}")
        print("parcels:", ", ".join(f"{p.gemarkung} {p.flur} {p.flurstueck}" for p in rec.parcels))
        for e in rec.entries:
            print(f"entry {e.lfd_nr}: {e.type}, registered {e.registered_on}, deleted {e.deleted_on}")
        print(f"--- text ({len(rec.text)} characters) ---\n{rec.text}")
    if args.rate:
        started, total = time.process_time(), 0
        for rec in records(args.rate, args.seed):
            total += len(rec.text)
        seconds = time.process_time() - started
        print(f"{args.rate:,} records in {seconds:.2f} s CPU: {args.rate / seconds:,.0f} records/s "
              f"(including building the page skeletons); mean text {total / args.rate:,.0f} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
