"""Two pages side by side on one landscape scan (a register's print two-up, a book opened flat)."""

from __future__ import annotations

from baulast.model import OcrPage, Word
from pipeline.layout import rows_of, spread_fold

LEFT = ["Baulastenblatt Nr. 1281 der Stadt Neuss", "Die Eigentümer der Grundstücke Gemarkung",
        "Grimlinghausen verpflichten sich gegenüber", "der Stadt Neuss, die Abstandfläche zu",
        "übernehmen und von Bebauung freizuhalten."]
RIGHT = ["Baulast Lfd. Nr. 2: Stellplatzbaulast aktiv", "Der jeweilige Eigentümer des Grundstücks",
         "verpflichtet sich gegenüber der Stadt Neuss,", "auf seinem Grundstück vier Einstellplätze",
         "bereitzustellen und zu unterhalten."]


def _words(lines: list[str], x: int, block: int) -> list[Word]:
    """Each line a Tesseract line of its own, 80 px apart, 30 px a letter."""
    placed = []
    for number, line in enumerate(lines):
        position, top = x, 200 + 80 * number
        for token in line.split():
            placed.append(Word(token, 95.0, (position, top, position + 30 * len(token), top + 50), block, 1, number))
            position += 30 * len(token) + 30
    return placed


def _page(right: list[str], width: int = 3508, height: int = 2480) -> OcrPage:
    words = _words(LEFT, 150, 1) + _words(right, 1950, 2)
    return OcrPage(1, width, height, tuple(words), "")


def test_two_pages_side_by_side_are_read_one_after_the_other() -> None:
    page = _page(RIGHT)
    fold = spread_fold(page)
    assert fold is not None and 1500 < fold < 1950
    assert [row.text for row in rows_of(page)] == LEFT + RIGHT


def test_a_portrait_page_or_a_wide_tables_short_cells_are_no_spread() -> None:
    """A portrait page is one page, whatever its gaps. A landscape table has gaps between its columns too, but no
    running text in both halves: its rows stay whole."""
    assert spread_fold(_page(RIGHT, width=2480, height=3508)) is None
    cells = ["12.10.80 Pesch 8", "1369/29 1.10.80", "Lange 3,00 m", "Zufahrt dulden", "gez. Schmitz"]
    page = _page(cells)
    assert spread_fold(page) is None
    assert rows_of(page)[1].text == LEFT[1] + " " + cells[1]
