"""bench.corpus: deterministic synthetic records and the search benchmark's query mix."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import time
from collections import Counter
from functools import cache

import pytest
from rapidfuzz.distance import Levenshtein

from baulast.gazetteer import Gazetteer
from baulast.model import Parcel
from baulast.parcels import parse_parcel_query
from bench import corpus
from bench.corpus import (
    BAULAST_TYPES,
    MAX_FLUR,
    MAX_ZAEHLER,
    MISS_WORDS,
    QUERY_KINDS,
    TEXT_MAX,
    TEXT_MIN,
    SeedQuery,
    SeedRecord,
    queries,
    record,
    records,
)

N = 3000  # records checked for shapes and shares
N_QUERY_RECORDS = 2000
PER_KIND = 20
FLURSTUECK = re.compile(r"[1-9]\d*(?:/[1-9]\d*)?")
REGISTER_NUMBER = re.compile(r"([1-9]\d*)([ab]?)")


@cache
def sample() -> tuple[SeedRecord, ...]:
    return tuple(records(N))


@cache
def mix() -> tuple[SeedQuery, ...]:
    return tuple(queries(N_QUERY_RECORDS, PER_KIND))


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_same_seed_same_records_other_seed_other_records() -> None:
    assert list(records(40, seed=3)) == list(records(40, seed=3))
    other = list(records(40, seed=4))
    assert all(a.text != b.text and a.sha256 != b.sha256 for a, b in zip(records(40, seed=3), other))


def test_record_depends_on_its_index_only() -> None:
    # 4090.. crosses a boundary of the blocks `records` draws its random numbers in
    assert list(records(12, seed=7, start=4090)) == [record(i, seed=7) for i in range(4090, 4102)]
    assert list(records(5, start=3)) == list(records(10))[3:8]
    assert [r.index for r in records(3, start=10)] == [10, 11, 12]
    assert list(records(0)) == []


def test_index_out_of_range() -> None:
    with pytest.raises(ValueError):
        record(-1)
    with pytest.raises(ValueError):
        list(records(1, start=-1))


def test_instances_are_ordinary_frozen_dataclasses() -> None:
    rec = record(11)
    rebuilt = dataclasses.replace(rec)  # made by __init__
    assert rebuilt == rec and hash(rebuilt.parcels) == hash(rec.parcels)
    assert dataclasses.replace(rec.parcels[0]) == rec.parcels[0]
    assert hash(dataclasses.replace(rec.entries[0])) == hash(rec.entries[0])
    assert repr(rebuilt) == repr(rec)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.text = ""  # type: ignore[misc]


def test_more_draws_than_budgeted_stays_deterministic() -> None:
    """A record that runs out of its floats goes on with its own overflow stream."""
    floats = corpus._floats(1, 0, 3)
    first, second = corpus._make(5, 1, floats), corpus._make(5, 1, list(floats))
    assert first == second and TEXT_MIN <= len(first.text) <= TEXT_MAX


def test_record_fields_shapes_and_shares() -> None:
    recs = sample()
    gemarkungen = corpus.GEMARKUNGEN
    assert {r.index for r in recs} == set(range(N))
    assert len({r.sha256 for r in recs}) == N and all(re.fullmatch(r"[0-9a-f]{64}", r.sha256) for r in recs)
    assert len({r.path for r in recs}) == N
    assert all(r.path.endswith("/" + r.filename) for r in recs)

    status = Counter(r.status for r in recs)
    assert set(status) == {"accepted", "needs_review"}
    assert 0.80 < status["accepted"] / N < 0.90

    municipalities = Counter(r.municipality for r in recs)
    assert set(municipalities) <= set(gemarkungen) and len(municipalities) == len(gemarkungen)

    for r in recs:
        match = REGISTER_NUMBER.fullmatch(r.register_number)
        assert match and int(match[1]) <= 40_000, r.register_number
        assert 1 <= len(r.parcels) <= 4 and 1 <= len(r.entries) <= 3
        assert len(set(r.parcels)) == len(r.parcels)
        for p in r.parcels:
            assert p.gemarkung in gemarkungen[r.municipality]
            assert p.flur is not None and 1 <= p.flur <= MAX_FLUR
            assert FLURSTUECK.fullmatch(p.flurstueck) and 1 <= int(p.flurstueck.split("/")[0]) <= MAX_ZAEHLER
        assert [e.lfd_nr for e in r.entries] == list(range(1, len(r.entries) + 1))
        assert len({e.type for e in r.entries}) == len(r.entries) and {e.type for e in r.entries} <= set(BAULAST_TYPES)
        registered = [e.registered_on for e in r.entries]
        assert registered == sorted(registered)
        assert all(dt.date(1960, 1, 1) <= d <= dt.date(2026, 12, 31) for d in registered)
        assert all(e.deleted_on is None or e.registered_on <= e.deleted_on <= dt.date(2026, 12, 31)
                   for e in r.entries)
        if r.date is None:
            assert r.status == "needs_review"
        else:
            assert r.date == r.entries[0].registered_on
        if len(r.parcels) == 1:
            assert r.entries[0].type != "Vereinigungsbaulast"

    parcels = [p for r in recs for p in r.parcels]
    entries = [e for r in recs for e in r.entries]
    assert 0.65 < sum(len(r.parcels) == 1 for r in recs) / N < 0.75
    assert 0.33 < sum("/" in p.flurstueck for p in parcels) / len(parcels) < 0.47
    assert 0.06 < sum(e.deleted_on is not None for e in entries) / len(entries) < 0.14
    assert 0.01 < sum(r.date is None for r in recs) / N < 0.06
    assert Counter(e.type for e in entries).most_common(1)[0][0] == "Abstandflächenbaulast"
    years = Counter(r.entries[0].registered_on.year // 10 for r in recs)
    assert set(years) == {196, 197, 198, 199, 200, 201, 202}


def test_register_numbers_repeat_little_within_a_municipality() -> None:
    numbers = Counter((r.municipality, r.register_number) for r in sample())
    assert sum(numbers.values()) / len(numbers) < 1.2


def test_text_length_and_content() -> None:
    recs = sample()
    lengths = [len(r.text) for r in recs]
    assert min(lengths) >= TEXT_MIN and max(lengths) <= TEXT_MAX
    assert 1500 < sum(lengths) / N < 2200
    for r in recs:
        text = r.text
        for p in r.parcels:  # numbers are never misread
            assert re.search(rf"(?<![\d/]){re.escape(p.flurstueck)}(?![\d/])", text), (r.index, p)
            assert re.search(rf"(?<!\d){p.flur}(?!\d)", text), (r.index, p)
        for e in r.entries:
            assert e.registered_on.strftime("%d.%m.%Y") in text
            if e.deleted_on:
                assert e.deleted_on.strftime("%d.%m.%Y") in text
        assert r.register_number.rstrip("ab") in text.replace(".", "")
    assert sum("Baulastenblatt" in r.text or "Blatt-Nr" in r.text for r in recs) > 0.9 * N
    assert sum(r.entries[0].type in r.text for r in recs) > 0.6 * N


def _clean_vocabulary() -> set[str]:
    words: set[str] = set()
    texts = [*corpus._NOTES, *(t for ts in corpus._ENTRY_TEMPLATES.values() for t in ts), *corpus._TABLE_HEADS,
             *corpus._NUMBER_LABELS, *corpus._OFFICES, *corpus._KREIS_AUTHORITIES, *corpus._COMPANIES,
             *corpus._SAINTS, *corpus.SURNAMES, *corpus.RARE_SURNAMES, *corpus.FIRST_NAMES, *corpus.STREETS,
             *BAULAST_TYPES, *(g for gs in corpus.GEMARKUNGEN.values() for g in gs), *corpus.GEMARKUNGEN,
             "Stadt Gemeinde Der Bürgermeister Baulastenverzeichnis BAULASTENVERZEICHNIS der von Seite Az",
             "Gemarkung Flur Flurstück Flurstücke Lage Grundbuch Blatt Eingetragen am gez Gelöscht",
             "Der jeweilige Eigentümer des Grundstücks zur Zeit Eheleute und Erbengemeinschaft Katholische",
             "Kirchengemeinde St last last2 muni own auth ben burdened addr street owner m n"]
    for text in texts:
        words.update(re.findall(r"[^\W\d_]+", text))
    return words


def test_ocr_noise_on_about_three_percent_of_words() -> None:
    vocabulary = _clean_vocabulary()
    total = noisy = 0
    for r in sample():
        words = re.findall(r"\S+", r.text)
        letters = [re.sub(r"[^\w]", "", w) for w in words]
        letters = [w for w in letters if w and not w.isdigit()]
        total += len(letters)
        noisy += sum(1 for w in letters if any(part not in vocabulary for part in re.findall(r"[^\W_]+", w)))
    share = noisy / total
    print(f"share of words with OCR errors: {share:.2%}")
    assert 0.015 < share < 0.05


def test_queries_are_deterministic_interleaved_with_a_tenth_misses() -> None:
    qs = mix()
    assert list(qs) == queries(N_QUERY_RECORDS, PER_KIND)
    assert queries(N_QUERY_RECORDS, PER_KIND, seed=2) != list(qs)
    assert len(qs) == PER_KIND * len(QUERY_KINDS)
    assert [q.kind for q in qs[: len(QUERY_KINDS)]] == list(QUERY_KINDS)
    for kind in QUERY_KINDS:
        of_kind = [q for q in qs if q.kind == kind]
        assert len(of_kind) == PER_KIND
        assert sum(q.expect_hit is False for q in of_kind) == PER_KIND // 10
        assert all(q.expect_hit is True and q.source is not None and 0 <= q.source < N_QUERY_RECORDS
                   for q in of_kind if q.expect_hit is not False)
        assert all(q.text.strip() for q in of_kind)


def test_parcel_queries_parse_and_find_their_record() -> None:
    notations = Counter()
    for q in mix():
        if q.kind != "parcel":
            continue
        parsed = parse_parcel_query(q.text, gazetteer())
        assert parsed is not None, q.text
        notations[("flur" if parsed.flur is not None else "no flur",
                   "range" if parsed.zaehler_to is not None else "nenner" if parsed.nenner else "zaehler")] += 1
        if q.expect_hit:
            rec = record(q.source)
            assert any(parsed.matches(Parcel(p.gemarkung, p.flur, p.flurstueck)) for p in rec.parcels), (q, rec.parcels)
        else:
            assert not any(parsed.matches(Parcel(p.gemarkung, p.flur, p.flurstueck))
                           for r in records(N_QUERY_RECORDS) for p in r.parcels), q
    print("parcel query notations:", dict(notations))


def test_parcel_notations_all_occur_and_parse() -> None:
    """Every notation, for many records, parses back to a query that matches the parcel."""
    seen: set[str] = set()
    rng = random.Random(5)
    for rec in records(300):
        for p in rec.parcels:
            typed = corpus._parcel_text(rng, p, miss=False)
            seen.add(re.sub(r"[\wäöüß]+", "w", re.sub(r"\d+", "9", typed)))
            parsed = parse_parcel_query(typed, gazetteer())
            assert parsed is not None and parsed.matches(Parcel(p.gemarkung, p.flur, p.flurstueck)), (typed, p)
    assert len(seen) >= 7, seen


def test_register_number_and_date_queries() -> None:
    recs = sample()
    numbers = {(r.municipality, r.register_number) for r in recs[:N_QUERY_RECORDS]}
    dates = [r.date for r in recs[:N_QUERY_RECORDS] if r.date]
    for q in mix():
        if q.kind == "register_number":
            municipality, number = q.text.split("|")
            assert municipality in corpus.GEMARKUNGEN and REGISTER_NUMBER.fullmatch(number)
            assert ((municipality, number) in numbers) is bool(q.expect_hit)
            if q.expect_hit:
                assert (record(q.source).municipality, record(q.source).register_number) == (municipality, number)
        elif q.kind == "date_range":
            start, end = (dt.date.fromisoformat(part) for part in q.text.split("|"))
            assert start <= end and (end - start).days <= 366
            if q.expect_hit:
                assert start <= record(q.source).date <= end
            else:
                assert not any(start <= d <= end for d in dates)


def test_text_queries_occur_in_their_record_and_misses_nowhere() -> None:
    recs = sample()
    for q in mix():
        if q.kind == "text" and q.expect_hit:
            words = q.text.split()
            assert 1 <= len(words) <= 2
            assert corpus._has_word(record(q.source).text, q.text), q
        elif q.kind == "fuzzy_text" and q.expect_hit:
            assert " " not in q.text
            tokens = set(re.findall(r"\w+", record(q.source).text))
            assert min(Levenshtein.distance(q.text, t) for t in tokens) <= 2, q
    texts = "\n".join(r.text for r in recs).casefold()
    vocabulary = " ".join(_clean_vocabulary()).casefold()
    for word in MISS_WORDS:
        assert word.casefold() not in texts and word.casefold() not in vocabulary, word
    kinds = Counter(q.kind for q in mix() if q.expect_hit is False)
    assert set(kinds) == set(QUERY_KINDS)


def test_text_queries_mix_rare_and_common_words() -> None:
    recs = sample()
    texts = [r.text.casefold() for r in recs]
    frequencies = []
    for q in queries(N, 60):
        if q.kind == "text" and q.expect_hit:
            word = q.text.split()[0].casefold()
            frequencies.append(sum(word in t for t in texts) / N)
    print("share of records holding each text query word:", [round(f, 3) for f in sorted(frequencies)])
    assert min(frequencies) < 0.01 and max(frequencies) > 0.2, sorted(frequencies)


def test_generation_throughput_smoke() -> None:
    """Prints the rate; asserts nothing about time (see `python -m bench.corpus --rate`)."""
    n = 20_000
    for _ in records(n, start=10**6):  # build the page skeletons first
        pass
    started = time.process_time()
    total = sum(len(r.text) for r in records(n, start=2 * 10**6))
    seconds = time.process_time() - started
    print(f"\n{n:,} records in {seconds:.2f} s CPU: {n / seconds:,.0f} records/s, "
          f"mean text {total / n:,.0f} characters")
    assert total > 0
