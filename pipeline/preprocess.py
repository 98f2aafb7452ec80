"""Page preparation before OCR: deskew, and form rules removed from the copy Tesseract reads.

Tesseract's page segmentation loses text that sits in ruled table cells or on the lines of a
preprinted form. Removing long straight rules (runs of dark pixels far longer than any letter
stroke) from the image that Tesseract reads brings that text back; the searchable PDF keeps
the deskewed page with its rules, and both share one pixel grid, so word boxes fit either.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

cv2.setNumThreads(1)  # one core per worker: parallelism comes from the worker processes

MAX_SKEW_DEGREES = 5.0
_SKEW_STEP = 0.25
_SKEW_MIN = 0.3  # below this, turning the page costs more sharpness than it gains


@dataclass(frozen=True)
class PreparedPage:
    """The page as shown in the PDF, the copy for OCR, and what was done to it."""

    shown: Image.Image  # deskewed page (grayscale or bilevel), for the searchable PDF
    for_ocr: Image.Image  # the same page with form rules removed
    skew: float  # degrees the page was turned to straighten it


def otsu_threshold(grey: Image.Image) -> int | None:
    """Otsu's grey level splitting ink from paper, or None for a page of one grey level."""
    histogram = np.asarray(grey.histogram(), dtype=np.float64)
    total = histogram.sum()
    weights = np.cumsum(histogram)
    means = np.cumsum(histogram * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (means[-1] * weights / total - means) ** 2 / (weights * (total - weights))
    candidates = between[:255]
    if not total or np.all(np.isnan(candidates)):
        return None
    return int(np.nanargmax(candidates))


def dark_mask(image: Image.Image, pixels: np.ndarray | None = None) -> np.ndarray:
    """Boolean array of ink pixels, split from paper by Otsu's threshold. `pixels`, where given,
    are the page's grey levels already taken out of the image (a page's worth of copying less)."""
    if image.mode == "1":
        # Pillow reads a bilevel page as True for paper; as grey levels, ink is 0 and paper 255.
        return ~np.asarray(image) if pixels is None else pixels == 0
    grey = image if image.mode == "L" else image.convert("L")
    if pixels is None:
        pixels = np.asarray(grey, dtype=np.uint8)
    threshold = otsu_threshold(grey)
    if threshold is None:
        return pixels < 128  # one grey level only (a blank page): nothing to split
    return pixels <= min(threshold, 200)


class _RowProfile:
    """The ink pixels of a page, measured by how sharp their row profile is at a given turn."""

    def __init__(self, mask: np.ndarray) -> None:
        height, width = mask.shape
        rows, columns = np.nonzero(mask)
        self.height, self.middle = height, (height - 1) / 2
        self.across = columns - (width - 1) / 2  # from the centre, worked out once for every angle
        self.down = rows - self.middle
        self.known: dict[float, float] = {}

    def sharpness(self, angle: float) -> float:
        """Variance of the row sums of ink pixels after turning the page `angle` degrees
        counter-clockwise about its centre (pixels turned off the page are dropped, as an image
        rotation would)."""
        if angle not in self.known:
            theta = np.deg2rad(angle)
            turned_rows = np.rint(self.middle - self.across * np.sin(theta)
                                  + self.down * np.cos(theta)).astype(np.int64)
            turned_rows = turned_rows[(turned_rows >= 0) & (turned_rows < self.height)]
            self.known[angle] = float(np.var(np.bincount(turned_rows, minlength=self.height).astype(np.float64)))
        return self.known[angle]


def estimate_skew(image: Image.Image) -> float:
    """The page's skew in degrees (counter-clockwise positive), by the sharpest row profile.

    Text lines of a straight page give a row-sum profile with tall peaks and empty gaps;
    turning the page by its skew makes that profile sharpest (largest variance). The ink
    pixels of a reduced copy are projected for each candidate angle, coarse to fine.
    """
    factor = -(-max(image.size) // 1000)  # reduce to at most ~1000 pixels on the long side
    small = image if image.mode == "L" else image.convert("L")
    if factor > 1:
        small = small.reduce(factor)  # box averages: fast, and smooth enough for a profile
    mask = dark_mask(small)
    if not 0.001 < mask.mean() < 0.5:
        return 0.0  # a blank (or black) page has no text lines to measure
    profile = _RowProfile(mask)

    def sharpness(angle: float) -> float:
        return profile.sharpness(float(angle))

    # Coarse to fine: whole degrees first, then quarter degrees around the best one.
    coarse = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.5, 1.0), key=sharpness)
    fine = np.arange(coarse - 0.75, coarse + 0.76, _SKEW_STEP)
    best = float(max(fine, key=sharpness))
    return best if sharpness(best) > 1.02 * sharpness(0.0) else 0.0


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page turned straight (its paper's grey filling the corners turned in), and the angle it
    was turned by.

    Bilevel pages turn pixel for pixel (no grey to smooth with, and thresholding a smoothed
    copy costs more than it gains); grey pages are resampled bilinearly. The corners take the
    paper's commonest grey level, not white: on a grey scan, white wedges would be the page's
    lightest part, and Otsu's threshold (ours and Tesseract's) would split them from the paper
    instead of the ink from the paper, taking the whole page for ink.
    """
    angle = estimate_skew(image)
    if abs(angle) < _SKEW_MIN:
        return image, 0.0
    if image.mode == "1":
        return image.rotate(angle, resample=Image.NEAREST, expand=False, fillcolor=1), angle
    grey = image.convert("L")
    return _rotate_grey(grey, angle, paper_level(grey)), angle


def paper_level(grey: Image.Image) -> int:
    """The page's commonest grey level: its paper's (255 for a clean white page)."""
    return int(np.argmax(grey.histogram()))


def _rotate_grey(image: Image.Image, angle: float, fill: int = 255) -> Image.Image:
    """The grey page turned `angle` degrees counter-clockwise about its centre, bilinear, `fill`
    at the edges: Pillow's rotate, pixel for pixel within one grey level, by OpenCV at a fifth
    of the time (a tenth of the pipeline's own cost per page)."""
    pixels = np.asarray(image, dtype=np.uint8)
    height, width = pixels.shape
    turn = cv2.getRotationMatrix2D(((width - 1) / 2, (height - 1) / 2), angle, 1.0)
    turned = cv2.warpAffine(pixels, turn, (width, height), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
    return Image.fromarray(turned)


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Pixels that belong to a horizontal run of at least `length` ink pixels.

    Each row gets a blank pixel in front, so in the flattened array every change between
    ink and paper is a run's start or (exclusive) end, in turn, and runs never span rows.
    """
    height, width = mask.shape
    if width < length:
        return np.zeros_like(mask)
    starts, ends = _run_edges(mask)
    long = (ends - starts) >= length
    marked = np.zeros(height * (width + 1) + 1, dtype=bool)
    for start, end in zip(starts[long].tolist(), ends[long].tolist()):
        marked[start:end] = True
    return marked[:-1].reshape(height, width + 1)[:, 1:]


def _run_edges(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The horizontal runs of set pixels as (start, exclusive end) positions in the rows laid end to
    end, each with a blank pixel in front: pixel (row, column) stands at row * (width + 1) + 1 + column."""
    height, width = mask.shape
    padded = np.zeros(height * (width + 1) + 1, dtype=bool)
    padded[:-1].reshape(height, width + 1)[:, 1:] = mask
    edges = np.flatnonzero(padded[1:] ^ padded[:-1]) + 1
    return edges[0::2], edges[1::2]


def _with_run(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """For each column (axis 0) or row (axis 1), whether it has `length` ink pixels in a row:
    whether any window of that length along it is all ink (an erosion, no ink beyond the edge)."""
    kernel = np.ones((length, 1) if axis == 0 else (1, length), np.uint8)
    eroded = cv2.erode(np.ascontiguousarray(mask).view(np.uint8), kernel, anchor=(0, 0),
                       borderType=cv2.BORDER_CONSTANT, borderValue=0)
    return eroded.any(axis=axis)


def _long_horizontal_runs(mask: np.ndarray, length: int, step: int = 8) -> np.ndarray:
    """Pixels that belong to a horizontal run of at least `length` ink pixels, measured exactly
    only in the rows where every `step`-th column has ink `length // step` times in a row (a
    necessary condition): on a page of text, the few rows of its rules."""
    marked = np.zeros_like(mask)
    step = max(1, min(step, length))
    candidates = np.flatnonzero(_with_run(mask[:, ::step], length // step, axis=1))
    if candidates.size:
        marked[candidates] = _long_runs(np.ascontiguousarray(mask[candidates]), length)
    return marked


def _long_vertical_runs(mask: np.ndarray, length: int, step: int = 8) -> np.ndarray:
    """Pixels that belong to a vertical run of at least `length` ink pixels.

    Only columns where every `step`-th row has ink `length // step` times in a row can hold
    such a run (a necessary condition, checked on an eighth of the rows), and only those
    columns are measured exactly: on a page of text, that is the few columns of its rules.
    """
    marked = np.zeros_like(mask)
    step = max(1, min(step, length))
    candidates = np.flatnonzero(_with_run(mask[::step], length // step, axis=0))
    if candidates.size:
        marked[:, candidates] = _long_runs(np.ascontiguousarray(mask[:, candidates].T), length).T
    return marked


def _near(mask: np.ndarray, reach: int) -> np.ndarray:
    """Pixels within `reach` rows of a set pixel of their column (a dilation down the columns)."""
    return cv2.dilate(mask.view(np.uint8), np.ones((2 * reach + 1, 1), np.uint8)).view(bool)


def _strokes(marks: np.ndarray, reach: int) -> np.ndarray:
    """The marks at least `reach` pixels tall, beside a horizontal rule: a letter's strokes, not
    a tilted rule's rims."""
    return cv2.morphologyEx(marks.view(np.uint8), cv2.MORPH_OPEN, np.ones((reach, 1), np.uint8)).view(bool)


def _bands(lines: np.ndarray, reach: int, size: int) -> list[tuple[int, int, int, int]]:
    """Groups of neighbouring line indices as (first, end, first - reach, end + reach), clipped."""
    groups: list[tuple[int, int, int, int]] = []
    for index in lines.tolist():
        if groups and index <= groups[-1][1] + 2 * reach:
            first, _, low, _ = groups[-1]
            groups[-1] = (first, index + 1, low, min(size, index + 1 + reach))
        else:
            groups.append((index, index + 1, max(0, index - reach), min(size, index + 1 + reach)))
    return groups


_STEM = 23  # the long side over this (~0.5 inch): no letter's stroke is that long, a title's neither


def _without_stems(vertical: np.ndarray, horizontal: np.ndarray, longest: int, reach: int) -> np.ndarray:
    """The vertical runs that are rules: those longer than any letter's stroke, shorter ones that
    end at a horizontal rule (a table cell's side), and thin ones (a rule's piece where a poor
    scan broke it). A shorter run thicker than a rule that touches none is the stem of a large
    letter (a title's "B", a register number's "1") and stays."""
    columns = np.flatnonzero(vertical.any(axis=0))
    if not columns.size:
        return vertical
    height = vertical.shape[0]
    tops, bottoms = _run_edges(vertical[:, columns].T)  # the columns' runs, column by column
    short = bottoms - tops < longest
    if not short.any():
        return vertical
    runs = columns[tops[short] // (height + 1)]
    tops, bottoms = tops[short] % (height + 1) - 1, (bottoms[short] - 1) % (height + 1)
    # A run's end within `reach` of a horizontal rule's pixel, either way: a cell's side. Only the
    # bands of rows around the rules can be that near one.
    box = np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)
    near_rule = np.zeros_like(horizontal)
    for _, _, low, high in _bands(np.flatnonzero(horizontal.any(axis=1)), reach, height):
        near_rule[low:high] = cv2.dilate(horizontal[low:high].view(np.uint8), box).view(bool)
    sides = near_rule[tops, runs] | near_rule[bottoms - 1, runs]
    stems = ~sides & (_stroke_widths(vertical, (tops + bottoms) // 2, runs) > reach)
    if not stems.any():
        return vertical
    kept = vertical.copy()
    for top, bottom, column in zip(tops[stems].tolist(), bottoms[stems].tolist(), runs[stems].tolist()):
        kept[top:bottom, column] = False  # a letter's stem, thicker than a rule
    return kept


def _stroke_widths(mask: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """For each set pixel (row, column) of the mask, how many neighbouring pixels of its row, itself
    among them, are set: a stroke's width. Measured on the rows asked about only."""
    wanted, index = np.unique(rows, return_inverse=True)
    width = mask.shape[1]
    starts, ends = _run_edges(mask[wanted])
    run = np.searchsorted(starts, index * (width + 1) + 1 + columns, side="right") - 1
    return ends[run] - starts[run]


def _dotted_rules(ink: np.ndarray, reach: int, length: int) -> np.ndarray:
    """The pixels of dotted and dashed form lines ("Gemarkung ........"): marks no taller than
    half a rule's thickness, apart from every letter's stroke and with paper just above and
    below them, that follow each other along a row less than two rule thicknesses apart over
    at least `length` pixels.

    A letter's thin parts lie next to the rest of it: a serif or a crossbar joins a stem, and
    the pin rows of a dot-matrix print, which has no stems, lie a few pixels apart.

    The rows that may hold such a line are found first on the page at half resolution (a
    quarter of the work); only bands around them are looked at in full.
    """
    dotted = np.zeros_like(ink)
    height, width = (ink.shape[0] // 2) * 2, (ink.shape[1] // 2) * 2
    half = (ink[0:height:2, 0:width:2] | ink[1:height:2, 0:width:2] | ink[0:height:2, 1:width:2]
            | ink[1:height:2, 1:width:2])
    apart, joined = _joined_marks(half, max(1, reach // 2))
    candidates = np.flatnonzero(np.count_nonzero(joined, axis=1) >= 0.75 * (length // 2))
    if not candidates.size:
        return dotted
    size = 2 * reach + 1
    for first, end, low, high in _bands(2 * candidates, 2 * size, ink.shape[0]):
        band = np.ascontiguousarray(ink[low:high])
        apart, joined = _joined_marks(band, reach)
        rows = np.count_nonzero(joined, axis=1) >= length
        # Only rows near the candidates: the band's edge rows lack the context around them.
        rows[: max(0, first - size - low)] = False
        rows[max(0, end + size - low) :] = False
        if not rows.any():
            continue
        found = np.zeros_like(band)
        found[rows] = _long_runs(np.ascontiguousarray(joined[rows]), length) & apart[rows]
        found = _whole_marks(band, found, size)
        # The dots' grey rims, which the threshold left out, go with them; never another mark's ink.
        dotted[low:high] |= cv2.dilate(found.view(np.uint8), np.ones((3, 3), np.uint8)).view(bool) & (found | ~band)
    return dotted


def _whole_marks(ink: np.ndarray, found: np.ndarray, height: int) -> np.ndarray:
    """`found` grown to the whole of each mark it touches that is no taller than `height`.

    Only a dash's middle rows have paper just above and below: its top and bottom rows lie
    too near the rest of it. Left standing, those rims outline the line of "=" or "-" that
    went, and Tesseract drops the text line beside the ghost, as it did the line itself. A
    mark taller than a rule, a letter that touches a dot, keeps all but the dot.
    """
    if not found.any():
        return found
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    touched = np.unique(labels[found])
    low = touched[(touched > 0) & (stats[touched, cv2.CC_STAT_HEIGHT] <= height)]
    return found | np.isin(labels, low)


def _joined_marks(ink: np.ndarray, reach: int) -> tuple[np.ndarray, np.ndarray]:
    """Ink marks no taller than a rule, apart from every tall stroke and with paper just above and
    below them (more than a dot's height, at most a rule's thickness away); and those marks joined
    where less than two rule thicknesses apart along a row."""
    mask = ink.view(np.uint8)
    size = 2 * reach + 1
    tall = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((size, 1), np.uint8))
    near_tall = cv2.dilate(tall, np.ones((size, size), np.uint8)).view(bool)
    dot = max(1, reach // 2)
    beside = np.zeros((size, 3), np.uint8)
    beside[: max(1, reach - dot)] = beside[-max(1, reach - dot) :] = 1
    crowded = cv2.dilate(mask, beside).view(bool)
    apart = ink & ~near_tall & ~crowded
    joined = cv2.morphologyEx(apart.view(np.uint8), cv2.MORPH_CLOSE, np.ones((1, 2 * reach), np.uint8)).view(bool)
    return apart, joined


def remove_rules(image: Image.Image) -> Image.Image:
    """A copy of the page with long horizontal and vertical rules, dotted and dashed ones too,
    turned white. Tesseract's page segmentation drops whole lines of text that stand on a
    dotted form line.

    Where a letter touches a rule (a typed value on its form line), the rule pixels next to
    the letter's strokes stay, so the letter keeps its foot. Only the bands of rows (and
    columns) around the rules are looked at again.
    """
    pixels = np.array(image.convert("L"), dtype=np.uint8)  # the copy turned white where rules are
    ink = dark_mask(image, pixels)
    side = max(image.width, image.height)  # the page's long side: its scale, turned or not
    horizontal = _long_horizontal_runs(ink, max(40, image.width // 20))
    reach = max(2, image.width // 400)  # a rule's thickness at most, ~6 px at 300 dpi
    vertical = _without_stems(_long_vertical_runs(ink, max(40, side // 50)), horizontal, side // _STEM, reach)
    marks = ink & ~horizontal & ~vertical
    dotted = _dotted_rules(marks, reach, max(40, image.width // 12))
    rule_rows = np.flatnonzero(horizontal.any(axis=1))
    rule_columns = np.flatnonzero(vertical.any(axis=0))
    if not (rule_rows.size or rule_columns.size or dotted.any()):
        return image
    pixels[dotted] = 255
    for _, _, low, high in _bands(rule_rows, reach, image.height):
        pixels[low:high][_rule_pixels(marks[low:high], horizontal[low:high], reach)] = 255
    for _, _, low, high in _bands(rule_columns, reach, image.width):
        # A band of columns is turned into one of rows (and each column's pixels lie side by side).
        across = _rule_pixels(np.ascontiguousarray(marks[:, low:high].T), np.ascontiguousarray(vertical[:, low:high].T),
                              reach)
        pixels[:, low:high][across.T] = 255
    return Image.fromarray(pixels)


def _rule_pixels(marks: np.ndarray, rule: np.ndarray, reach: int) -> np.ndarray:
    """The pixels of a band of rows around a horizontal rule to turn white: the rule's, except
    right next to a letter's stroke (the letter keeps its foot), and the thin rims a slightly
    tilted rule has beside its long runs, away from every letter."""
    letters = _strokes(marks, reach)
    gone = rule & ~_near(letters, reach)
    size = 2 * reach + 1
    beside_letters = cv2.dilate(letters.view(np.uint8), np.ones((size, size), np.uint8)).view(bool)
    return gone | (marks & ~beside_letters & _near(gone, 2))


def prepare(image: Image.Image) -> PreparedPage:
    """Deskew the page and make the rule-free copy for OCR."""
    shown, skew = deskew(image)
    return PreparedPage(shown=shown, for_ocr=remove_rules(shown), skew=skew)


_BRIDGED_INK = 1.1  # closing the gaps adds this share of ink or more: letters made of bars


def bridge_gaps(image: Image.Image, dpi: int) -> Image.Image | None:
    """A copy of the page with the small gaps between the pin rows of a dot-matrix print
    closed (Tesseract reads letters made of separate bars as no text at all), or None where
    closing them adds little ink: the page is no such print (a Lageplan, a blank page)."""
    page = image if image.mode == "L" else image.convert("L")
    grey = np.asarray(page)
    size = max(2, round(3 * dpi / 300))  # a pin row's gap is about a third of a millimetre
    # Opening the paper closes the ink: each pixel takes the darkest of its column's neighbours, then back.
    bridged = cv2.morphologyEx(grey, cv2.MORPH_OPEN, np.ones((size, 1), np.uint8))
    threshold = min(otsu_threshold(page) or 128, 200)
    before, after = np.count_nonzero(grey <= threshold), np.count_nonzero(bridged <= threshold)
    return Image.fromarray(bridged) if after >= _BRIDGED_INK * max(before, 1) else None


_PAPER_REACH = 0.02  # of the page's width: wider than any letter's stroke, narrower than a patch of paper
_EVENED_INK = 0.002  # at least this share of the page evened out is ink: some text to read


def even_paper(image: Image.Image) -> Image.Image | None:
    """A copy of a grey page with its paper evened out to white: each pixel divided by the paper's
    level around it (the page with its ink closed over), so that grey paper, white patches and
    shadows all become white and the ink stays dark. None for a bilevel page, or one with (almost)
    no ink (a blank page)."""
    if image.mode == "1":
        return None
    grey = np.asarray(image if image.mode == "L" else image.convert("L"))
    size = max(3, round(image.width * _PAPER_REACH) | 1)
    paper = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((size, size), np.uint8))
    evened = cv2.divide(grey, paper, scale=255)
    if np.count_nonzero(evened < 128) < _EVENED_INK * evened.size:
        return None
    return Image.fromarray(evened)
