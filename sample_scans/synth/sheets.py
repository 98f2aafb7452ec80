"""Rendering of the Baulastenblatt page in the four styles.

Each renderer draws onto a Page and returns (distractors placed, overflowed?). ``render_sheet``
retries with smaller type until all entries fit, so the truth never lists an entry that is cut off.
"""

from __future__ import annotations

import random

from PIL import Image

from .content import Akte, Entry, de_date
from .layouts import Template, flur_groups
from .render import Page, dot_matrix
from .sheets_dev import DEV_RENDERERS
from .sheets_dev2 import DEV2_RENDERERS
from .sheets_dev3 import DEV3_RENDERERS
from .sheets_dev4 import DEV4_RENDERERS
from .sheets_dev5 import DEV5_RENDERERS
from .sheets_dev6 import DEV6_RENDERERS
from .sheets_dev7 import DEV7_RENDERERS
from .sheets_dev8 import DEV8_RENDERERS
from .sheets_eighth import EIGHTH_RENDERERS
from .sheets_eleventh import ELEVENTH_RENDERERS
from .sheets_fifth import FIFTH_RENDERERS
from .sheets_fourteenth import FOURTEENTH_RENDERERS
from .sheets_fourth import FOURTH_RENDERERS
from .sheets_more import MORE_RENDERERS
from .sheets_ninth import NINTH_RENDERERS
from .sheets_seventh import SEVENTH_RENDERERS
from .sheets_sixth import SIXTH_RENDERERS
from .sheets_tenth import TENTH_RENDERERS
from .sheets_third import THIRD_RENDERERS
from .sheets_thirteenth import THIRTEENTH_RENDERERS
from .sheets_twelfth import TWELFTH_RENDERERS


def colon(s: str) -> str:
    return s if s.endswith(":") else s + ":"


def plain(s: str) -> str:
    return s.rstrip(":")


def remark_lines(e: Entry, tpl: Template) -> list[str]:
    """Bemerkungen column; a line starting with 'gez.' gets a signature scribble."""
    out = [f"{tpl.label('reg')} {de_date(e.registered_on)}", f"{tpl.label('gez')} {e.clerk}"]
    if e.deleted_on:
        out += ["", f"{tpl.label('dele')} {de_date(e.deleted_on)}", f"{tpl.label('gez')} {e.deleter}"]
    return out


def draw_entries(pg: Page, tpl: Template, a: Akte, xs: list[int], y: int, y_max: int, font: str, pt: float,
                 typed: bool, rule: str) -> tuple[int, bool]:
    """Draw the entries into columns starting at x positions xs (4 edges); return (y_end, overflow)."""
    pad = pg.px(2)
    lh = pg.line_height(font, pt, 1.3)
    for e in a.entries:
        nr = f"{e.lfd_nr}" if typed or tpl.style != "computer_print" else f"{e.lfd_nr}."
        body = pg.wrap(e.text, font, pt, xs[2] - xs[1] - 2 * pad)
        rem: list[str] = []
        for r in remark_lines(e, tpl):
            rem += pg.wrap(r, font, pt, xs[3] - xs[2] - 2 * pad) if r else [""]
        n = max(len(body), len(rem) + 1)
        if y + n * lh > y_max:
            return y, True
        put = pg.typed if typed else pg.text
        put(xs[0] + pad + pg.px(1), y, nr, font, pt)
        for i, line in enumerate(body):
            put(xs[1] + pad, y + i * lh, line, font, pt)
        for i, line in enumerate(rem):
            if line:
                end = put(xs[2] + pad, y + i * lh, line, font, pt)
                room = xs[3] - end - pg.px(3)
                if line.startswith(tpl.label("gez")) and room > pg.px(10) and pg.rng.random() < 0.85:
                    pg.signature(end + pg.px(2), y + i * lh, w_mm=min(16, room * 25.4 / pg.dpi), h_mm=5)
        if e.deleted_on:  # deleted entries are struck through
            pg.draw.line([(xs[1] + pad, y - lh * 0.7), (xs[2] - pad, y + (len(body) - 1) * lh)],
                         fill=90, width=max(1, pg.px(0.35)))
        y += n * lh
        if rule == "hand":
            pg.hand_line(xs[0], y - lh * 0.6, xs[3], y - lh * 0.6)
        elif rule == "grid":
            pg.hline(xs[0], xs[3], y - lh * 0.55, 0.3)
        y += lh // 2
    return y, False


# --- (a) typewriter on a preprinted form -------------------------------------
def form_field(pg: Page, tpl: Template, x: int, y: int, label: str, value: str, length_mm: float, pt: float) -> int:
    end = pg.text(x, y, label, tpl.form_font, 10.5)
    x_line_end = x + pg.px(length_mm)
    pg.draw.line([(end + pg.px(1.5), y + pg.px(1)), (x_line_end, y + pg.px(1))], fill=0, width=max(1, pg.px(0.2)))
    if value:
        jx, jy = pg.rng.uniform(-1.5, 2.5), pg.rng.uniform(-1.2, 0.4)
        pg.typed(end + pg.px(3 + jx), y + pg.px(jy), value, tpl.value_font, pt)
    return x_line_end


def sheet_typewriter(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    y = P(tpl.top) + P(5)
    for line in a.authority:
        pg.text(x0, y, line, tpl.form_font, 11)
        y += pg.line_height(tpl.form_font, 11, 1.2)
    form_field(pg, tpl, x1 - P(62), P(tpl.top) + P(5), L("az"), a.aktenzeichen, 62, pt)
    d.add("aktenzeichen")
    y += P(10)
    cx = pg.img.width // 2
    pg.text(cx, y, L("title"), tpl.bold_font, 18, anchor="ms")
    y += P(10)
    form_field(pg, tpl, cx - P(35), y, L("von"), a.municipality, 70, pt)
    y += P(13)
    groups = flur_groups(a.parcels)
    for block in tpl.order:
        if block == "number":
            x = {"right": x1 - P(80), "left": x0, "center": cx - P(40)}[tpl.number_pos]
            form_field(pg, tpl, x, y, L("number"), a.register_display, 80, pt)
        elif block == "parcels":
            for i in range(2):  # the form always has two parcel rows
                flur, fst = groups[i] if i < len(groups) else ("", [])
                x = form_field(pg, tpl, x0, y, L("gem"), a.parcels[0].gemarkung if fst else "", 58, pt)
                x = form_field(pg, tpl, x + P(4), y, L("flur"), str(flur), 20, pt)
                form_field(pg, tpl, x + P(4), y, L("fst"), ", ".join(fst), (x1 - x - P(4)) * 25.4 / pg.dpi, pt)
                y += P(9)
            y -= P(9)
        elif block == "address":
            form_field(pg, tpl, x0, y, L("addr"), a.address or "", (x1 - x0) * 25.4 / pg.dpi, pt)
        elif block == "grundbuch":
            gb = a.grundbuch or ("", "")
            x = form_field(pg, tpl, x0, y, L("gb"), gb[0], 90, pt)
            form_field(pg, tpl, x + P(5), y, L("gb_blatt"), gb[1], 40, pt)
            if a.grundbuch:
                d.add("grundbuch_blatt")
        y += P(11)
    # the preprinted table
    xs = [x0 + round((x1 - x0) * f) for f in (0, tpl.cols[0], tpl.cols[0] + tpl.cols[1])] + [x1]
    y_top, y_bot = y, pg.img.height - P(25)
    pg.rect((x0, y_top, x1, y_bot), 0.4)
    for x in xs[1:3]:
        pg.vline(x, y_top, y_bot, 0.3)
    hh = P(11)
    for i, key in enumerate(("nr", "text", "rem")):
        pg.text((xs[i] + xs[i + 1]) // 2, y_top + hh * 0.65, L(key), tpl.bold_font, 10.5, anchor="ms")
    pg.hline(x0, x1, y_top + hh, 0.4)
    _, over = draw_entries(pg, tpl, a, xs, y_top + hh + P(7), y_bot - P(3), tpl.value_font, pt, True, "hand")
    form_field(pg, tpl, x1 - P(30), y_bot + P(9), L("page"), str(page_no), 30, pt)
    pg.text(x0, y_bot + P(9), "Vordruck 63/12 – Baulastenblatt", tpl.form_font, 7)
    d.add("page_number")
    return d, over


# --- (b) computer print, (d) dot matrix: plain lines, no grid -----------------
def sheet_plain(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    mono = tpl.style == "dot_matrix"
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    lh = pg.line_height(f, pt, 1.35)
    y = P(tpl.top) + lh
    if mono:
        pg.text(x0, y, " - ".join(a.authority).upper(), f, pt)
        y += lh
    else:
        for line in a.authority:
            pg.text(x0, y, line, f, pt * 0.92)
            y += round(lh * 0.95)
    if pg.rng.random() < 0.5:
        pg.text(x1, P(tpl.top) + (lh if not mono else -lh // 4), f"Ausdruck vom {de_date(a.letter_date)}", f,
                pt * 0.85, anchor="rs")
        d.add("print_date")
    y += lh
    muni = a.municipality.upper() if mono else a.municipality
    pg.text(x0, y, f"{L('title')} {L('von')} {muni}", fb, pt * (1 if mono else 1.2))
    y += round(lh * 1.3)
    if mono:
        pg.text(x0, y, "=" * int((x1 - x0) / pg.width("=", f, pt)), f, pt)
        y += lh
    tab = x0 + round(max(pg.width(colon(L(k)), f, pt) for k in ("gem", "flur", "fst")) + P(4))
    for block in tpl.order:
        if block == "number":
            pg.text(x0, y, f"{L('number')} {a.register_display}", fb, pt * (1 if mono else 1.1))
        elif block == "parcels":
            gem = a.parcels[0].gemarkung
            groups = flur_groups(a.parcels)
            if tpl.parcel_mode == "inline" and not mono:
                for flur, fst in groups:
                    pg.text(x0, y, f"{colon(L('gem'))} {gem}    {colon(L('flur'))} {flur}    "
                                   f"{colon(L('fst'))} {', '.join(fst)}", f, pt)
                    y += lh
            else:
                rows = [(L("gem"), gem)]
                for flur, fst in groups:
                    rows += [(L("flur"), str(flur)), (L("fst"), ", ".join(fst))]
                for lab, val in rows:
                    pg.text(x0, y, colon(lab), f, pt)
                    pg.text(tab, y, val, f, pt)
                    y += lh
            y -= lh
        elif block == "address":
            if not a.address:
                continue
            pg.text(x0, y, f"{colon(L('addr'))} {a.address}", f, pt)
        elif block == "grundbuch":
            if not a.grundbuch:
                continue
            pg.text(x0, y, f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}", f, pt)
            d.add("grundbuch_blatt")
        y += round(lh * 1.15)
    pg.text(x0, y, f"{L('az')} {a.aktenzeichen}", f, pt)
    d.add("aktenzeichen")
    y += round(lh * 1.6)
    xs = [x0 + round((x1 - x0) * c) for c in (0, tpl.cols[0], tpl.cols[0] + tpl.cols[1])] + [x1]
    for i, key in enumerate(("nr", "text", "rem")):
        pg.text(xs[i] + P(2), y, L(key), fb, pt)
    y += round(lh * 0.5)
    if mono:
        y += round(lh * 0.3)
        pg.text(x0, y, "-" * int((x1 - x0) / pg.width("-", f, pt)), f, pt)
    else:
        pg.hline(x0, x1, y, 0.3)
    y += round(lh * 1.2)
    y_bot = pg.img.height - P(22)
    _, over = draw_entries(pg, tpl, a, xs, y, y_bot - P(4), f, pt, False, "none")
    pg.text(pg.img.width // 2, y_bot + P(6), f"{L('page')} {page_no}" if pg.rng.random() < 0.6 else f"- {page_no} -",
            f, pt * 0.9, anchor="ms")
    d.add("page_number")
    return d, over


# --- (c) modern grid ------------------------------------------------------------
def cell_row(pg: Page, xs: list[int], y: int, h: int, texts: list[str], font: str, pt: float,
             shade: int | None = None) -> int:
    for i, t in enumerate(texts):
        pg.rect((xs[i], y, xs[i + 1], y + h), 0.3, fill=shade)
        pg.text(xs[i] + pg.px(2), y + h * 0.68, t, font, pt)
    return y + h


def sheet_grid(pg: Page, tpl: Template, a: Akte, page_no: int, pt: float) -> tuple[set, bool]:
    P, L, d = pg.px, tpl.label, set()
    f, fb = tpl.form_font, tpl.bold_font
    x0, x1 = P(tpl.margin), pg.img.width - P(tpl.margin)
    y = P(tpl.top)
    xm = x0 + round((x1 - x0) * 0.55)
    h1 = P(30)
    pg.rect((x0, y, xm, y + h1), 0.4)
    pg.rect((xm, y, x1, y + h1), 0.4)
    yy = y + P(8)
    for line in a.authority:
        pg.text(x0 + P(3), yy, line, f if yy > y + P(8) else fb, 10.5)
        yy += pg.line_height(f, 10.5, 1.25)
    pg.text(xm + P(3), y + P(11), L("title"), fb, 14)
    pg.text(xm + P(3), y + P(20), f"{L('von')} {a.municipality}", f, 12)
    y += h1
    h = P(12)
    pg.rect((x0, y, xm, y + h), 0.4)
    pg.rect((xm, y, x1, y + h), 0.4)
    end = pg.text(x0 + P(3), y + P(8.2), L("number"), fb, 12.5)
    pg.text(end + P(3), y + P(8.2), a.register_display, fb, 13)
    pg.text(xm + P(3), y + P(8.2), f"{L('page')} {page_no} von 1", f, 11)
    d.add("page_number")
    y += h + P(6)
    cw = [0, 0.25, 0.37, 0.64, 1.0]
    xs = [x0 + round((x1 - x0) * c) for c in cw]
    rh = P(9)
    y = cell_row(pg, xs, y, rh, [plain(L(k)) for k in ("gem", "flur", "fst", "addr")], fb, pt, shade=225)
    for i, (flur, fst) in enumerate(flur_groups(a.parcels)):
        addr = (a.address or "") if i == 0 else ""
        y = cell_row(pg, xs, y, rh, [a.parcels[0].gemarkung, str(flur), ", ".join(fst), addr], f, pt)
    gb = f"{L('gb')} {a.grundbuch[0]} {L('gb_blatt')} {a.grundbuch[1]}" if a.grundbuch else ""
    y = cell_row(pg, [x0, xm, x1], y, rh, [gb, f"{L('az')} {a.aktenzeichen}"], f, pt * 0.95)
    d |= {"aktenzeichen"} | ({"grundbuch_blatt"} if a.grundbuch else set())
    y += P(7)
    xs = [x0 + round((x1 - x0) * c) for c in (0, tpl.cols[0], tpl.cols[0] + tpl.cols[1])] + [x1]
    y_bot = pg.img.height - P(20)
    for i, key in enumerate(("nr", "text", "rem")):
        pg.rect((xs[i], y, xs[i + 1], y + P(10)), 0.4, fill=215)
        pg.text(xs[i] + P(2), y + P(6.8), L(key), fb, pt)
    y_tab = y
    y += P(10) + pg.line_height(f, pt, 1.3)
    y_end, over = draw_entries(pg, tpl, a, xs, y, y_bot, f, pt, False, "grid")
    y_end = y_end - pg.line_height(f, pt, 1.3) * 1.05
    for x in xs:
        pg.vline(x, y_tab, y_end, 0.3)
    return d, over


RENDERERS = {"typewriter_form": sheet_typewriter, "computer_print": sheet_plain, "dot_matrix": sheet_plain,
             "modern_grid": sheet_grid, **MORE_RENDERERS, **THIRD_RENDERERS, **DEV_RENDERERS,
             **FOURTH_RENDERERS}
RENDERERS.update(DEV2_RENDERERS)
RENDERERS.update(DEV3_RENDERERS)
RENDERERS.update(DEV4_RENDERERS)
RENDERERS.update(DEV5_RENDERERS)
RENDERERS.update(DEV6_RENDERERS)
RENDERERS.update(FIFTH_RENDERERS)
RENDERERS.update(DEV7_RENDERERS)
RENDERERS.update(SIXTH_RENDERERS)
RENDERERS.update(DEV8_RENDERERS)
RENDERERS.update(SEVENTH_RENDERERS)
RENDERERS.update(EIGHTH_RENDERERS)
RENDERERS.update(NINTH_RENDERERS)
RENDERERS.update(TENTH_RENDERERS)
RENDERERS.update(ELEVENTH_RENDERERS)
RENDERERS.update(TWELFTH_RENDERERS)
RENDERERS.update(THIRTEENTH_RENDERERS)
RENDERERS.update(FOURTEENTH_RENDERERS)


def render_sheet(a: Akte, tpl: Template, dpi: int, rng: random.Random, page_no: int,
                 part: tuple[int, int] | None = None) -> tuple[Image.Image, set]:
    """part=(i, n): page i of a sheet that runs over n pages (only the dev, dev2 and heldout5 renderers draw parts)."""
    kw = {"part": part} if part else {}
    for scale in (1.0, 0.92, 0.85, 0.78, 0.72):
        pg = Page(dpi, random.Random(rng.random()), *((297, 210) if tpl.landscape else (210, 297)))
        d, over = RENDERERS[tpl.renderer or tpl.style](pg, tpl, a, page_no, tpl.pt * scale, **kw)
        if not over:
            break
    else:
        raise RuntimeError(f"entries do not fit on the sheet ({tpl.name})")
    img = dot_matrix(pg.img, dpi) if tpl.style == "dot_matrix" else pg.img
    if a.benefit:
        d.add("benefiting_parcel")
    if a.address:
        d.add("address")
    return img, d
