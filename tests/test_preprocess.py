"""Page preparation: skew estimate, deskew, and form rules removed for OCR."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image, ImageDraw, ImageFont

from pipeline.preprocess import (
    _long_runs,
    _long_vertical_runs,
    _without_stems,
    bridge_gaps,
    dark_mask,
    deskew,
    estimate_skew,
    even_paper,
    prepare,
    remove_rules,
)

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def naive_long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Row by row, pixel by pixel: the definition _long_runs must meet."""
    marked = np.zeros_like(mask)
    for row in range(mask.shape[0]):
        start = None
        for column in range(mask.shape[1] + 1):
            ink = column < mask.shape[1] and mask[row, column]
            if ink and start is None:
                start = column
            elif not ink and start is not None:
                if column - start >= length:
                    marked[row, start:column] = True
                start = None
    return marked


@settings(max_examples=200, deadline=None)
@given(mask=arrays(bool, st.tuples(st.integers(1, 12), st.integers(1, 40))), length=st.integers(1, 12))
def test_long_runs_match_the_definition(mask: np.ndarray, length: int) -> None:
    assert (_long_runs(mask, length) == naive_long_runs(mask, length)).all()


@settings(max_examples=200, deadline=None)
@given(mask=arrays(bool, st.tuples(st.integers(1, 60), st.integers(1, 12)), elements=st.booleans() | st.just(True)),
       length=st.integers(1, 40), step=st.integers(1, 10))
def test_long_vertical_runs_match_the_definition(mask: np.ndarray, length: int, step: int) -> None:
    expected = naive_long_runs(np.ascontiguousarray(mask.T), length).T
    assert (_long_vertical_runs(mask, length, step) == expected).all()


def naive_without_stems(vertical: np.ndarray, horizontal: np.ndarray, longest: int, reach: int) -> np.ndarray:
    """Run by run: the definition _without_stems must meet. A vertical run shorter than `longest`
    whose ends are both more than `reach` pixels (either way) from every horizontal rule pixel,
    and whose row at its middle is more than `reach` pixels wide there, is a letter's stem."""
    height, width = vertical.shape
    kept = vertical.copy()
    for column in range(width):
        row = 0
        while row < height:
            if not vertical[row, column]:
                row += 1
                continue
            top = row
            while row < height and vertical[row, column]:
                row += 1
            if row - top >= longest:
                continue
            if any(horizontal[max(0, end - reach) : end + reach + 1, max(0, column - reach) : column + reach + 1].any()
                   for end in (top, row - 1)):
                continue
            middle = vertical[(top + row) // 2]
            left, right = column, column
            while left > 0 and middle[left - 1]:
                left -= 1
            while right + 1 < width and middle[right + 1]:
                right += 1
            if right - left + 1 > reach:
                kept[top:row, column] = False
    return kept


@settings(max_examples=300, deadline=None)
@given(vertical=arrays(bool, st.tuples(st.integers(1, 30), st.integers(1, 30))),
       horizontal_rows=st.sets(st.integers(0, 29), max_size=3), longest=st.integers(1, 20), reach=st.integers(1, 4))
def test_without_stems_matches_the_definition(vertical: np.ndarray, horizontal_rows: set[int], longest: int,
                                              reach: int) -> None:
    horizontal = np.zeros_like(vertical)
    for row in horizontal_rows:
        if row < horizontal.shape[0]:
            horizontal[row, ::2] = True
    expected = naive_without_stems(vertical, horizontal, longest, reach)
    assert (_without_stems(vertical, horizontal, longest, reach) == expected).all()


def text_page(lines: int = 24) -> Image.Image:
    """A 300 dpi page of typed lines."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 46)
    for index in range(lines):
        draw.text((200, 300 + 110 * index), f"Zeile {index}: Der Eigentümer verpflichtet sich, die Fläche freizuhalten.",
                  font=font, fill=0)
    return image


def test_skew_of_a_turned_page_is_measured_and_undone() -> None:
    page = text_page()
    assert estimate_skew(page) == 0.0
    turned = page.rotate(-2.0, resample=Image.BILINEAR, fillcolor=255)  # 2 degrees clockwise
    assert abs(estimate_skew(turned) - 2.0) <= 0.25
    straight, angle = deskew(turned)
    assert abs(angle - 2.0) <= 0.25 and abs(estimate_skew(straight)) <= 0.25


@settings(max_examples=12, deadline=None)
@given(angle=st.floats(-5.0, 5.0).filter(lambda a: abs(a) >= 0.3),
       size=st.tuples(st.integers(50, 400), st.integers(50, 400)))
def test_grey_pages_turn_as_pillow_turns_them(angle: float, size: tuple[int, int]) -> None:
    """OpenCV does the turning; the page must come out as Pillow's bilinear rotate makes it.
    (Along the edge of the white fill the two differ: OpenCV blends it in, Pillow cuts it hard;
    a page has a white margin there, so the test's page gets one too.)"""
    from pipeline.preprocess import _rotate_grey

    page = Image.new("L", (size[0] + 60, size[1] + 60), 255)
    page.paste(text_page(4).crop((150, 250, 150 + size[0], 250 + size[1])), (30, 30))
    ours = np.asarray(_rotate_grey(page, angle), dtype=np.int16)
    pillow = np.asarray(page.rotate(angle, resample=Image.BILINEAR, fillcolor=255), dtype=np.int16)
    assert ours.shape == pillow.shape
    assert np.abs(ours - pillow).max() <= 2


def test_a_grey_scan_turned_straight_is_not_taken_for_ink() -> None:
    """A poor scan: grey paper (190), a few faint lines (120), set 2.5° askew. Turned straight, its corners
    take the paper's grey: white wedges would be its lightest part, and Otsu's threshold would split them
    from the paper and take the whole page for ink (98 % of it; Tesseract read no word of such a page)."""
    grey = Image.eval(text_page(8), lambda level: 190 if level > 200 else 120).rotate(2.5, fillcolor=190)
    shown, skew = deskew(grey)
    assert skew != 0.0
    assert np.asarray(shown)[:20, :20].min() >= 180  # a corner turned in: paper, not white
    assert dark_mask(shown).mean() < 0.2


def test_bilevel_page_stays_bilevel_when_deskewed() -> None:
    turned = text_page().rotate(1.5, fillcolor=255).convert("1")
    straight, angle = deskew(turned)
    assert straight.mode == "1" and angle != 0.0 and straight.size == turned.size


def test_rules_are_removed_but_letters_on_them_keep_their_strokes() -> None:
    image = Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi: rules are longer than any letter stroke
    draw = ImageDraw.Draw(image)
    draw.text((300, 300), "Flurstück 123", font=ImageFont.truetype(FONT, 60), fill=0)
    draw.rectangle((100, 371, 2300, 374), fill=0)  # a form line under the typed value
    draw.rectangle((2350, 50, 2353, 750), fill=0)  # a column rule
    letters_before = np.asarray(image)[250:365, 300:900] < 128
    cleaned = np.asarray(remove_rules(image))
    assert (cleaned[371:375, 1200:2300] == 255).all()  # the line, away from the letters
    assert (cleaned[50:750, 2350:2354] == 255).all()  # the column rule
    assert ((cleaned[250:365, 300:900] < 128) == letters_before).all()  # the letters untouched


def test_large_letters_keep_their_stems_and_cell_sides_go() -> None:
    """A landscape page: a register number in large bold type ("1691 b": its stems are as long
    as a short rule) stays whole; the sides of a table's cells, ending at its rules, go."""
    image = Image.new("L", (3508, 2480), 255)  # A4 landscape at 300 dpi
    draw = ImageDraw.Draw(image)
    draw.text((400, 300), "1691 b", font=ImageFont.truetype(FONT, 110), fill=0)
    draw.rectangle((100, 800, 3400, 804), fill=0)  # a table: two rules and a cell's short side between
    draw.rectangle((100, 870, 3400, 874), fill=0)
    draw.rectangle((1500, 804, 1504, 870), fill=0)
    letters_before = np.asarray(image)[250:500, 380:1200] < 128
    cleaned = np.asarray(remove_rules(image))
    assert ((cleaned[250:500, 380:1200] < 128) == letters_before).all()
    assert (cleaned[806:868, 1500:1505] == 255).all()


def test_a_bold_cells_side_goes_though_thicker_than_a_rule() -> None:
    """A short side as thick as a bold letter's stem, between two rules: it ends at a rule, so it
    is the cell's side, not a letter's stem."""
    image = Image.new("L", (3508, 2480), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 800, 3400, 804), fill=0)
    draw.rectangle((100, 870, 3400, 874), fill=0)
    draw.rectangle((1500, 804, 1511, 870), fill=0)  # 12 px wide: more than a rule's thickness (8 px)
    cleaned = np.asarray(remove_rules(image))
    assert (cleaned[806:868, 1500:1512] == 255).all()


def test_a_rules_piece_where_a_poor_scan_broke_it_still_goes() -> None:
    """A cell's side, broken by a poor scan: a thin piece that touches neither rule is no letter."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 800, 2300, 803), fill=0)
    draw.rectangle((100, 1000, 2300, 1003), fill=0)
    draw.rectangle((1500, 830, 1502, 970), fill=0)  # 3 px wide, 140 px long, apart from both rules
    cleaned = np.asarray(remove_rules(image))
    assert (cleaned[830:971, 1500:1503] == 255).all()


def test_prepare_keeps_one_pixel_grid_for_both_copies() -> None:
    prepared = prepare(text_page().rotate(1.0, fillcolor=255))
    assert prepared.shown.size == prepared.for_ocr.size and prepared.skew != 0.0


SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"


def test_dotted_form_lines_go_and_letters_stay() -> None:
    """A typed value on a dotted form line: the dots go, the letters above keep every pixel. A
    line of serif text, whose thin serifs and crossbars follow each other along its baseline,
    loses none."""
    image = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(image)
    draw.text((300, 300), "Gemarkung Büderich, Flur 38, Nr. 278", font=ImageFont.truetype(SERIF, 46), fill=0)
    for x in range(250, 2300, 14):
        draw.rectangle((x, 362, x + 7, 364), fill=0)  # the dots, 8 px long and 3 px tall, 6 px apart
    draw.text((300, 700), "Flurstück nnnn mmmm Wiimmiinnuu HHH", font=ImageFont.truetype(SERIF, 46), fill=0)
    before = np.asarray(image)
    cleaned = np.asarray(remove_rules(image))
    assert (cleaned[360:367, 1500:2300] == 255).all()  # the dots, away from the letters
    assert ((cleaned[280:358] < 128) == (before[280:358] < 128)).all()  # the value's letters
    assert (cleaned[650:800] == before[650:800]).all()  # the serif line, untouched


def test_a_dot_matrix_prints_pin_rows_are_no_dotted_line() -> None:
    """A dot-matrix print in draft mode: its letters are rows of short bars a few pixels apart,
    with no stroke taller than a rule. None of its bars goes."""
    image = Image.new("L", (2480, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.text((300, 200), "GEMEINDE JUECHEN - BAUAUFSICHT 0155A", font=ImageFont.truetype(MONO, 56), fill=0)
    pixels = np.array(image)
    pixels[np.arange(600) % 5 >= 3] = 255  # the gaps between the pin rows
    image = Image.fromarray(pixels)
    assert (np.asarray(remove_rules(image)) == pixels).all()


def test_only_a_print_of_bars_is_bridged() -> None:
    """Closing the pin rows' gaps adds much ink to a draft dot-matrix print, little to ordinary
    type: only the print is worth another reading."""
    image = Image.new("L", (2480, 600), 255)
    ImageDraw.Draw(image).text((300, 200), "GEMEINDE JUECHEN - BAUAUFSICHT", font=ImageFont.truetype(MONO, 56), fill=0)
    assert bridge_gaps(image, 300) is None
    pixels = np.array(image)
    pixels[np.arange(600) % 5 >= 3] = 255  # the gaps between the pin rows
    bridged = bridge_gaps(Image.fromarray(pixels), 300)
    assert bridged is not None and np.count_nonzero(np.asarray(bridged) < 128) > 1.3 * np.count_nonzero(pixels < 128)


def test_a_line_of_equals_signs_goes_whole() -> None:
    """A printout's "=====" underline: each bar goes whole, not only its middle rows (the rims
    left standing outline the line, and Tesseract then drops the title beside it). The title
    keeps every pixel."""
    image = Image.new("L", (2480, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.text((230, 200), "=" * 66, font=ImageFont.truetype(MONO, 44), fill=0)
    draw.text((230, 260), "BAULASTENBLATT NR. 379 c", font=ImageFont.truetype(MONO, 40), fill=0)
    before = np.asarray(image)
    cleaned = np.asarray(remove_rules(image))
    assert np.count_nonzero(before[150:255] < 128) > 10000
    assert not (cleaned[150:255] < 128).any()
    assert ((cleaned[255:] < 128) == (before[255:] < 128)).all()


def test_a_form_lines_ragged_rims_go_with_it() -> None:
    """A scanned form line: a 2 px rule with 1 px rims along it, as the threshold of a slightly
    tilted scan leaves them. The rims are no letter's foot: the whole line goes (before, each
    rim kept the rule beside it, and the line stood as dashes). The value above keeps every pixel."""
    image = Image.new("L", (1654, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.text((300, 230), "Osterath", font=ImageFont.truetype(SERIF, 40), fill=0)
    draw.rectangle((100, 301, 1500, 302), fill=0)
    for x in range(100, 1500, 40):
        draw.rectangle((x, 303, x + 27, 303), fill=0)
        draw.rectangle((x + 20, 300, x + 31, 300), fill=0)
    before = np.asarray(image)
    cleaned = np.asarray(remove_rules(image))
    assert not (cleaned[290:320, 600:1500] < 128).any()
    assert ((cleaned[200:285] < 128) == (before[200:285] < 128)).all()


def test_even_paper_turns_grey_paper_and_white_patches_alike_white() -> None:
    page = np.full((1200, 900), 170, np.uint8)
    page[:, 450:] = 235  # a lighter patch over half the page
    page[300:306, 100:800] = 60  # a stroke of ink across both
    evened = np.asarray(even_paper(Image.fromarray(page)))
    assert evened[100, 200] > 240 and evened[100, 700] > 240
    assert evened[303, 200] < 128 and evened[303, 700] < 128
    assert even_paper(Image.new("L", (900, 1200), 200)) is None  # no ink: a blank page
    assert even_paper(Image.new("1", (900, 1200), 1)) is None
