"""OCR: the TSV parser, and the real Tesseract engine on a rendered page."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from pipeline.efile import page_pdf
from pipeline.ocr import TesseractEngine, parse_tsv, read_page, tesseract_version

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t100\t200\t300\t50\t96.5\tBaulastenblatt\n"
    "5\t1\t1\t1\t1\t2\t420\t200\t80\t50\t91\tNr.\n"
    "5\t1\t1\t1\t2\t1\t100\t280\t200\t50\t88\tGemarkung\n"
    "5\t1\t2\t1\t1\t1\t100\t500\t200\t50\t40\tZons\n"
    "5\t1\t2\t1\t1\t2\t320\t500\t10\t50\t0\t \n"
)


def test_parse_tsv_words_lines_and_blocks() -> None:
    words, text = parse_tsv(TSV)
    assert [w.text for w in words] == ["Baulastenblatt", "Nr.", "Gemarkung", "Zons"]
    assert words[0].bbox == (100, 200, 400, 250) and words[0].conf == 96.5
    assert text == "Baulastenblatt Nr.\nGemarkung\n\nZons"


def page_with_text(lines: list[str]) -> Image.Image:
    """A 300 dpi page with lines of 11 pt text."""
    image = Image.new("L", (2480, 1400), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 46)
    for index, line in enumerate(lines):
        draw.text((200, 200 + 90 * index), line, font=font, fill=0)
    return image


LINES = [
    "Baulastenblatt Nr. 4711",
    "Gemarkung Kleinenbroich, Flur 7, Flurstück 311/2",
    "Der jeweilige Eigentümer verpflichtet sich gegenüber der Stadt",
    "die Abstandflächen auf seinem Grundstück freizuhalten.",
    "Eingetragen am 03.11.1994 gez. Schmitz",
]


def test_real_tesseract_reads_words_and_writes_a_searchable_pdf() -> None:
    assert tesseract_version().startswith("5.")
    image = page_with_text(LINES)
    output = TesseractEngine().recognize(image, number=1, dpi=300)
    assert "Baulastenblatt" in output.page.text and "311/2" in output.page.text
    assert output.page.mean_confidence > 80
    reader = PdfReader(io.BytesIO(page_pdf(image, 300, output.pdf)))
    assert reader.pages[0].images, "the page image is in the PDF"
    assert len(reader.pages) == 1
    assert "Kleinenbroich" in reader.pages[0].extract_text()


def test_upside_down_page_is_turned_upright() -> None:
    image = page_with_text(LINES * 3).rotate(180)
    reading = read_page(TesseractEngine(), image, number=1, dpi=300)
    assert reading.rotation == 180
    assert "Abstandflächen" in reading.ocr.page.text


def test_searchable_pdf_from_bilevel_and_grayscale_pages() -> None:
    for image in (page_with_text(LINES[:2]), page_with_text(LINES[:2]).convert("1")):
        output = TesseractEngine().recognize(image, number=1, dpi=300)
        reader = PdfReader(io.BytesIO(page_pdf(image, 300, output.pdf)))
        assert "Kleinenbroich" in reader.pages[0].extract_text()


def test_second_reading_distrusts_a_disputed_register_number() -> None:
    from baulast.model import Evidence, Field
    from pipeline.verify import verify_register_number
    from tests.conftest import FakeEngine

    image = page_with_text(["Baulastenblatt Nr. 0241"])
    field = Field("register_number", "8241", 0.95, Evidence(1, (200, 200, 900, 250), "Baulastenblatt Nr. 8241"))
    engine = FakeEngine([])
    engine.second_reading = "Baulastenblatt Nr. 0241"
    disputed = verify_register_number(field, image, engine)
    assert disputed.confidence <= 0.4 and "second reading: Baulastenblatt Nr. 0241" in disputed.evidence.text
    engine.second_reading = "Nr. 8.241"
    assert verify_register_number(field, image, engine) == field
    engine.second_reading = "Nr. 82"  # a cut-off reading says nothing either way
    assert verify_register_number(field, image, engine) == field
    agreeing = Field("register_number", "241", 0.95, Evidence(1, (200, 200, 900, 250), "Baulastenblatt Nr. 0241"))
    assert verify_register_number(agreeing, image, TesseractEngine()).confidence == 0.95  # real Tesseract agrees
    assert verify_register_number(field, image, TesseractEngine()).confidence <= 0.4  # and disputes the 8


@pytest.mark.parametrize("second, disputed", [
    ("Eingetragen am 19.07.1981", True),  # another date a register can carry: a person decides
    ("Eingetragen am 19.07.1987", False),
    ("Eingetragen am 19.07.1007", False),  # the enlarged crop misread: no register date
    ("19.072987 u", False),
    ("", False),
])
def test_second_reading_disputes_a_date_only_with_another_register_date(second: str, disputed: bool) -> None:
    import datetime as dt

    from baulast.model import Evidence, Field
    from pipeline.verify import verify_date
    from tests.conftest import FakeEngine

    field = Field("date", dt.date(1987, 7, 19), 0.95, Evidence(1, (200, 200, 900, 250), "Eingetragen am 19.07.1987"))
    engine = FakeEngine([])
    engine.second_reading = second
    assert (verify_date(field, page_with_text(["Eingetragen am 19.07.1987"]), engine).confidence <= 0.4) is disputed


def test_in_process_engine_reads_what_the_tesseract_command_reads(tmp_path) -> None:
    import subprocess

    image = page_with_text(LINES)
    image.save(tmp_path / "page.png", dpi=(300, 300))
    subprocess.run(["tesseract", str(tmp_path / "page.png"), str(tmp_path / "cli"), "-l", "deu", "--dpi", "300",
                    "-c", "tessedit_create_tsv=1", "-c", "textonly_pdf=1", "pdf"], check=True, capture_output=True)
    command_words, _ = parse_tsv((tmp_path / "cli.tsv").read_text(encoding="utf-8"))
    engine = TesseractEngine()
    for _ in range(2):  # the loaded engine reads the next page alike
        output = engine.recognize(image, number=1, dpi=300)
        assert output.page.words == command_words
    command_layer = PdfReader(tmp_path / "cli.pdf").pages[0].extract_text()
    assert PdfReader(io.BytesIO(output.pdf)).pages[0].extract_text() == command_layer


def test_sideways_page_is_turned_upright() -> None:
    image = page_with_text(LINES * 3).rotate(90, expand=True)  # turned counter-clockwise
    reading = read_page(TesseractEngine(), image, number=1, dpi=300)
    assert reading.rotation == 90  # turned 90 degrees clockwise to stand upright
    assert "Abstandflächen" in reading.ocr.page.text


def test_page_read_as_vertical_lines_is_turned_upright(tmp_path) -> None:
    """Tesseract reads this dot-matrix sheet, turned by 270°, as confident vertical lines: the
    words are right but stand on end, and the mean confidence beats the upright reading's."""
    from pipeline.pages import iter_pages
    from sample_scans.synth.assemble import Spec, build

    scan = build(Spec("turned.png", "dm_a", "clean", "png", 300, turns={0: 270}), tmp_path, "tuning", 3)
    page = next(iter_pages(scan))
    reading = read_page(TesseractEngine(), page.image, number=1, dpi=page.dpi)
    assert reading.rotation == 270
    words = [w for w in reading.ocr.page.words if w.text == "BAULASTENBLATT"]
    assert words and all(w.bbox[2] - w.bbox[0] > 3 * (w.bbox[3] - w.bbox[1]) for w in words)


def test_page_osd_is_unsure_of_at_half_resolution_is_turned_upright(tmp_path) -> None:
    """A poor typewriter page upside down: at 150 dpi OSD cannot tell which way its thin letters
    run, at the page's own 300 dpi it can."""
    from pipeline.ocr import _for_orientation
    from pipeline.pages import iter_pages
    from pipeline.preprocess import prepare
    from sample_scans.synth.assemble import Spec, build

    scan = build(Spec("t5poor.png", "tw_s6", "poor", "png", 300, turns={0: 180}), tmp_path, "heldout6", 5)
    page = next(iter_pages(scan))
    engine = TesseractEngine()
    assert engine.orientation(*_for_orientation(prepare(page.image).for_ocr, page.dpi))[1] < 1.0  # unsure at 150 dpi
    reading = read_page(engine, page.image, number=1, dpi=page.dpi)
    assert reading.rotation == 180
    assert "Eigentümer" in reading.ocr.page.text


def test_words_standing_on_end_do_not_show_a_page_upright() -> None:
    from baulast.model import OcrPage, Word
    from pipeline.ocr import _reads_well

    def page(width: int, height: int) -> OcrPage:
        words = tuple(Word("Baulast", 95.0, (10, 60 * i, 10 + width, 60 * i + height), 1, 1, i) for i in range(40))
        return OcrPage(1, 2480, 3508, words, "Baulast\n" * 40)

    assert _reads_well(page(width=200, height=40))
    assert not _reads_well(page(width=40, height=200))


def test_a_page_of_little_text_reads_well_only_where_most_of_its_words_run_across() -> None:
    """A Lageplan names a street and the Gemarkung in a dozen words; upside down, Tesseract
    still reads a few words of letters confidently, but only among many it reads poorly."""
    from baulast.model import OcrPage, Word
    from pipeline.ocr import _reads_well

    def page(confident: int, poor: int, width: int = 200, height: int = 40) -> OcrPage:
        words = tuple(Word("Straße", 95.0 if i < confident else 30.0, (10, 60 * i, 10 + width, 60 * i + height),
                           1, 1, i) for i in range(confident + poor))
        return OcrPage(1, 2480, 3508, words, "")

    assert _reads_well(page(confident=11, poor=2))  # a plan, upright
    assert not _reads_well(page(confident=12, poor=63))  # a letter upside down
    assert not _reads_well(page(confident=5, poor=1))  # too few words to tell
    assert not _reads_well(page(confident=11, poor=2, width=40, height=200))  # on end
    assert _reads_well(OcrPage(1, 2480, 3508, (), ""))  # nothing to tell the way from


def test_a_page_over_its_time_limit_is_rejected_and_the_engine_reads_on() -> None:
    import pytest

    from baulast.errors import InputRejected

    image = page_with_text(LINES * 6)
    with pytest.raises(InputRejected, match="timed out after 0.01 s"):
        TesseractEngine(timeout=0.01).recognize(image, number=3, dpi=300)
    assert "Kleinenbroich" in TesseractEngine().recognize(image, number=3, dpi=300).page.text


def test_a_typed_line_on_a_dotted_form_line_is_read(tmp_path) -> None:
    """A typed form whose values stand on dotted lines (the dev split's file 87 of seed 9):
    Tesseract's page segmentation dropped the whole "Katasterbezeichnung" line, legible as it
    is, until the dotted lines were removed from the copy it reads."""
    import random

    from sample_scans.synth.assemble import build, random_spec

    rng = random.Random("specs:dev:9")  # as sample_scans/generate.py draws its specs
    spec = [random_spec(rng, "dev", index + 1) for index in range(87)][-1]
    image = Image.open(build(spec, tmp_path, "dev", 9))
    text = read_page(TesseractEngine(), image, 1, 300).ocr.page.text
    assert "Katasterbezeichnung" in text and "Flur 38" in text


def test_a_draft_dot_matrix_print_is_read_with_its_pin_rows_bridged(tmp_path) -> None:
    """A draft dot-matrix printout (the dev2 split's file 20 of seed 9): its letters are rows of
    bars, and Tesseract reads no word of the page as scanned. Read again with the gaps between
    the bars closed, the page is text."""
    import random

    from sample_scans.synth.assemble import build, random_spec

    rng = random.Random("specs:dev2:9")  # as sample_scans/generate.py draws its specs
    spec = [random_spec(rng, "dev2", index + 1) for index in range(20)][-1]
    image = Image.open(build(spec, tmp_path, "dev2", 9))
    engine = TesseractEngine()
    assert not engine.recognize(image, 1, 300).page.words  # the premise: nothing read as it is
    reading = read_page(engine, image, 1, 300)
    assert "BAULASTENBLATT-NR./SEITE:" in reading.ocr.page.text and "Otzenrath" in reading.ocr.page.text
    assert reading.shown.size == image.size and reading.rotation == 0


def test_a_grey_scan_with_white_patches_is_read_with_its_paper_evened_out(tmp_path) -> None:
    """A poor copy of a typed sheet (the heldout7 split's file 62 of seed 7): grey paper with lighter
    patches. Tesseract's one threshold for the page splits the patches from the paper, and it reads
    no word of the page as scanned; with the paper evened out to white, the page is text."""
    import random

    from pdf2image import convert_from_path

    from pipeline.preprocess import prepare
    from sample_scans.synth.assemble import build, random_spec

    rng = random.Random("specs:heldout7:7")  # as sample_scans/generate.py draws its specs
    spec = [random_spec(rng, "heldout7", index + 1) for index in range(62)][-1]
    image = convert_from_path(build(spec, tmp_path, "heldout7", 7), dpi=300, grayscale=True, first_page=1,
                              last_page=1)[0]
    engine = TesseractEngine()
    assert not engine.recognize(prepare(image).for_ocr, 1, 300).page.words  # the premise: nothing read as it is
    reading = read_page(engine, image, 1, 300)
    assert "Bauaufsichtsbeh" in reading.ocr.page.text and len(reading.ocr.page.words) > 100
