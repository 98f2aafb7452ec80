"""The other pages of an Akte: Verpflichtungserklärung, Lageplan, letters (and non-Baulast letters)."""

from __future__ import annotations

import math
import random

from PIL import Image

from .content import FEMALE, Akte, de_date
from .layouts import flur_groups
from .render import Page


def parcel_phrase(a: Akte) -> str:
    parts = [f"Flur {flur}, Flurstück{'e' if len(fst) > 1 else ''} {', '.join(fst)}" for flur, fst in flur_groups(a.parcels)]
    return f"Gemarkung {a.parcels[0].gemarkung}, " + "; ".join(parts)


class Writer:
    """Running text on a page in either typewriter or printed font."""

    def __init__(self, pg: Page, typed: bool, font: str, pt: float = 12):
        self.pg, self.typed, self.font, self.pt = pg, typed, font, pt
        self.lh = pg.line_height(font, pt, 1.4)

    def line(self, x: int, y: int, s: str, bold: str | None = None) -> float:
        if self.typed or not bold:
            return (self.pg.typed if self.typed else self.pg.text)(x, y, s, self.font, self.pt)
        return self.pg.text(x, y, s, bold, self.pt)

    def para(self, x: int, y: int, s: str, width: int) -> int:
        return self.pg.paragraph(x, y, s, self.font, self.pt, width, typed=self.typed, spacing=1.4) + self.lh // 2


def declaration_page(a: Akte, dpi: int, rng: random.Random, typed: bool, font: str) -> tuple[Image.Image, set]:
    pg = Page(dpi, rng)
    P = pg.px
    w = Writer(pg, typed, font)
    x0, width = P(25), pg.img.width - P(45)
    y = P(28)
    for s in (a.owner, *a.owner_address):
        w.line(x0, y, s)
        y += w.lh
    y += w.lh
    for s in ("An die" if not a.by_kreis else "An den", *a.authority):
        w.line(x0, y, s)
        y += w.lh
    y += 2 * w.lh
    w.line(x0, y, "Verpflichtungserklärung (Übernahme einer Baulast)", bold="sans_bold")
    y += 2 * w.lh
    y = w.para(x0, y, f"Ich/Wir, {a.owner}, {a.owner_address[0]}, {a.owner_address[1]}, bin/sind Eigentümer "
                      f"des Grundstücks {parcel_phrase(a)}. Hiermit übernehme(n) ich/wir gegenüber "
                      f"{a.authority_dative} als Bauaufsichtsbehörde folgende Baulast:", width)
    y = w.para(x0 + P(8), y, a.entries[0].text, width - P(8))
    y = w.para(x0, y, "Mir/Uns ist bekannt, dass die Baulast mit der Eintragung in das Baulastenverzeichnis "
                      "wirksam wird und auch gegenüber Rechtsnachfolgern gilt.", width)
    y += w.lh
    w.line(x0, y, f"{a.owner_address[1].split(' ', 1)[1]}, den {de_date(a.declaration_date)}")
    y += 3 * w.lh
    pg.signature(x0 + P(5), y - P(3), w_mm=45, h_mm=9)
    pg.hline(x0, x0 + P(80), y + P(2), 0.25)
    pg.text(x0, y + P(7), f"(Unterschrift {a.owner})", "sans", 9)
    y += 3 * w.lh
    y = w.para(x0, y, "Die vorstehende Unterschrift wurde heute vor mir vollzogen und wird hiermit "
                      f"öffentlich beglaubigt. {a.municipality}, den {de_date(a.declaration_date)}", width)
    pg.text(x0, y + P(2), "Im Auftrag", "sans", 10)
    pg.signature(x0 + P(25), y + P(2), w_mm=30, h_mm=7)
    return pg.img, {"declaration_date"}


def _poly(cx, cy, ang, pts):
    c, s = math.cos(ang), math.sin(ang)
    return [(cx + x * c - y * s, cy + x * s + y * c) for x, y in pts]


def lageplan_page(a: Akte, dpi: int, rng: random.Random) -> tuple[Image.Image, set]:
    """A simple site plan at 1:500 (1 m = 2 mm): four street-front parcels, buildings, Baulastfläche."""
    pg = Page(dpi, rng)
    P = pg.px
    pg.rect((P(12), P(12), pg.img.width - P(12), pg.img.height - P(12)), 0.5)
    cx, cy, ang = P(105), P(115), math.radians(rng.uniform(-25, 25))
    m = P(2)  # one metre on paper
    widths = [rng.randrange(18, 26) for _ in range(4)]
    depth = rng.randrange(32, 42)
    x = -sum(widths) / 2
    burdened = a.parcels[0].flurstueck
    benefit = a.benefit.flurstueck if a.benefit else str(int(burdened.split("/")[0]) + 1)
    labels = [str(rng.randrange(1, 900)), burdened, benefit, str(rng.randrange(1, 900))]
    for i, wd in enumerate(widths):
        box = [(x * m, -depth / 2 * m), ((x + wd) * m, -depth / 2 * m), ((x + wd) * m, depth / 2 * m), (x * m, depth / 2 * m)]
        pg.draw.polygon(_poly(cx, cy, ang, box), outline=0, width=max(1, P(0.35)))
        bx, bw, bd = x + rng.uniform(3, 5), wd - rng.uniform(7, 10), rng.uniform(10, 14)
        house = [(bx * m, -bd / 2 * m), ((bx + bw) * m, -bd / 2 * m), ((bx + bw) * m, bd / 2 * m), (bx * m, bd / 2 * m)]
        pg.draw.polygon(_poly(cx, cy, ang, house), outline=0, fill=150, width=max(1, P(0.3)))
        lx, ly = _poly(cx, cy, ang, [((x + wd / 2) * m, (depth / 2 - 6) * m)])[0]
        pg.text(lx, ly, labels[i], "sans", 11, anchor="ms")
        if i == 1:  # the Baulastfläche along the boundary to the benefiting parcel
            fx = x + wd - 3
            for k in range(0, 30, 2):
                p = _poly(cx, cy, ang, [(fx * m, (-depth / 2 + k) * m), ((fx + 3) * m, (-depth / 2 + k + 3) * m)])
                pg.draw.line(p, fill=60, width=max(1, P(0.25)))
        x += wd
    sx, sy = _poly(cx, cy, ang, [(0, (depth / 2 + 7) * m)])[0]
    pg.text(sx, sy, a.address.rsplit(" ", 1)[0] if a.address else "Gemeindestraße", "sans", 11, anchor="ms")
    # north arrow
    nx, ny = P(175), P(40)
    pg.draw.polygon([(nx, ny - P(12)), (nx - P(4), ny + P(4)), (nx, ny), (nx + P(4), ny + P(4))], fill=0)
    pg.text(nx, ny - P(14), "N", "sans_bold", 14, anchor="ms")
    # title block
    tx, ty = P(110), P(225)
    pg.rect((tx, ty, pg.img.width - P(18), pg.img.height - P(18)), 0.4)
    rows = ["Lageplan M 1:500", f"Gemarkung {a.parcels[0].gemarkung}", f"Flur {a.parcels[0].flur}",
            f"Flurstück {burdened}", "Anlage zur Baulast", f"Az. {a.aktenzeichen}"]
    for i, s in enumerate(rows):
        pg.text(tx + P(4), ty + P(9) + i * P(8), s, "sans_bold" if i == 0 else "sans", 13 if i == 0 else 11)
    pg.rect((P(20), P(235), P(30), P(241)), 0.3, fill=None)
    for k in range(0, 10, 2):
        pg.draw.line([(P(20 + k), P(241)), (P(20 + k + 4), P(235))], fill=60, width=max(1, P(0.25)))
    pg.text(P(33), P(240), "Baulastfläche", "sans", 10)
    pg.text(P(20), P(255), "Öffentl. best. Vermessungsingenieur", "sans", 9)
    pg.signature(P(20), P(266), w_mm=30, h_mm=6)
    return pg.img, {"lageplan_parcel_numbers", "aktenzeichen"}


def letter_page(a: Akte, dpi: int, rng: random.Random, typed: bool, font: str, kind: str = "anschreiben",
                part: int = 1) -> tuple[Image.Image, set]:
    """Authority letter. kind: anschreiben (registration notice), eingang (Bauantrag receipt),
    negativ (no Baulast registered). part 2 = second page (Rechtsbehelfsbelehrung)."""
    pg = Page(dpi, rng)
    P = pg.px
    w = Writer(pg, typed, font, 11.5)
    x0, width = P(25), pg.img.width - P(45)
    y = P(20)
    for i, s in enumerate(a.authority):
        pg.text(pg.img.width - P(20), y, s, "sans_bold" if i == 0 else "sans", 12 if i == 0 else 10, anchor="rs")
        y += P(5.5)
    pg.hline(x0, pg.img.width - P(20), y, 0.3)
    if part == 2:
        y += P(15)
        w.line(x0, y, "- 2 -")
        y += 2 * w.lh
        w.line(x0, y, "Rechtsbehelfsbelehrung:", bold="sans_bold")
        y = w.para(x0, y + w.lh, "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage "
                                 "beim Verwaltungsgericht Düsseldorf, Bastionstraße 39, 40213 Düsseldorf, "
                                 "erhoben werden.", width)
        return pg.img, set()
    pg.text(x0, P(47), f"{a.authority[0]} · {a.owner_address[1]}", "sans", 7)
    y = P(55)
    for s in ("Frau" if a.owner.split()[0] in FEMALE else "Herrn", a.owner, *a.owner_address):
        w.line(x0, y, s)
        y += w.lh
    rx = P(130)
    info = (f"Az.: {a.aktenzeichen}", f"Datum: {de_date(a.letter_date)}",
            f"Zimmer {rng.randrange(1, 4)}.{rng.randrange(1, 30):02d}")
    for i, s in enumerate(info):
        pg.text(rx, P(55) + i * w.lh, s, "sans", 10.5)
    y = P(100)
    subject = {"anschreiben": "Eintragung einer Baulast in das Baulastenverzeichnis",
               "eingang": "Eingangsbestätigung – Ihr Bauantrag",
               "negativ": "Auskunft aus dem Baulastenverzeichnis"}[kind]
    w.line(x0, y, subject, bold="sans_bold")
    y += w.lh
    w.line(x0, y, parcel_phrase(a))
    y += 2 * w.lh
    w.line(x0, y, "Sehr geehrte Damen und Herren,")
    y += int(w.lh * 1.5)
    fee = "DM" if a.letter_date.year < 2002 else "EUR"
    if kind == "anschreiben":
        e = a.entries[0]
        body = [f"die von Ihnen am {de_date(a.declaration_date)} übernommene Baulast ist am "
                f"{de_date(e.registered_on)} unter der lfd. Nr. {e.lfd_nr} in das Baulastenblatt "
                f"Nr. {a.register_display} des Baulastenverzeichnisses eingetragen worden.",
                "Eine beglaubigte Abschrift des Baulastenblattes erhalten Sie in der Anlage.",
                f"Für die Eintragung wird eine Verwaltungsgebühr von {rng.randrange(5, 30) * 10},00 {fee} erhoben."]
    elif kind == "eingang":
        body = [f"Ihr Bauantrag zum Neubau eines Einfamilienhauses mit Garage ist am {de_date(a.declaration_date)} "
                f"bei uns eingegangen. Für die weitere Bearbeitung werden noch folgende Unterlagen benötigt: "
                f"amtlicher Lageplan, Nachweis der Standsicherheit, Berechnung der Wohnfläche.",
                "Bitte reichen Sie die Unterlagen innerhalb von vier Wochen nach."]
    else:
        body = [f"auf Ihre Anfrage vom {de_date(a.declaration_date)} teile ich Ihnen mit, dass im "
                f"Baulastenverzeichnis von {a.municipality} für das oben genannte Grundstück keine "
                f"Baulasten eingetragen sind.",
                f"Für diese Auskunft wird eine Gebühr von {rng.randrange(2, 8) * 10},00 {fee} erhoben."]
    for para in body:
        y = w.para(x0, y, para, width)
    y += w.lh
    for s in ("Mit freundlichen Grüßen", "Im Auftrag"):
        w.line(x0, y, s)
        y += w.lh
    pg.signature(x0, y + P(4), w_mm=35, h_mm=8)
    w.line(x0, y + 2 * w.lh, f"({a.entries[0].clerk if a.entries else 'Schmitz'})")
    return pg.img, {"letter_date", "aktenzeichen"}
