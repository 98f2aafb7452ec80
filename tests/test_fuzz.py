"""Fuzzing with Hypothesis: no exception escapes the parsers on any input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baulast.model import OcrPage, Word
from baulast.validation import validate
from pipeline.classify import find_sheet
from pipeline.extract import extract
from pipeline.ocr import parse_tsv

LABELS = ["Baulastenblatt", "Nr.", "Blatt-Nr.:", "Gemarkung", "Flur", "Flurstück(e)", "Flurstücke", "Lfd.",
          "Inhalt", "Eintragung", "Bemerkungen", "Eingetragen", "am", "Gelöscht", "Grundbuch", "Blatt",
          "Zons", "Büderich", "Rhein-Kreis", "Neuss", "Stadt", "Dormagen", "12.03.1987", "1.234", "512", "a",
          "123/4", "125,", "und", "3", "1", "2", "²", "|", "—", "Stellplatz", "Abstandfläche", "0", "l2.O3.87"]

words = st.builds(
    Word,
    text=st.one_of(st.sampled_from(LABELS), st.text(min_size=1, max_size=12)),
    conf=st.floats(min_value=-1, max_value=100),
    bbox=st.tuples(st.integers(0, 2400), st.integers(0, 3400), st.integers(0, 2480), st.integers(0, 3508)),
    block=st.integers(0, 5), par=st.integers(0, 2), line=st.integers(0, 8),
)
pages = st.builds(
    OcrPage, number=st.integers(1, 5), width=st.just(2480), height=st.just(3508),
    words=st.lists(words, max_size=60).map(tuple), text=st.text(max_size=50),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=pages)
def test_extraction_never_raises(page: OcrPage, gazetteer) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(page, gazetteer)
    for field in extraction.fields().values():
        assert 0.0 <= field.confidence <= 1.0
    validate(extraction, gazetteer)
    find_sheet([page])


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_tool_output_parsers_never_raise(text: str) -> None:
    parse_tsv("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" + text)
    parse_tsv(text)
