"""The backend-specific half of text search: the vocabulary, fuzzy widening, and page matches.

Both backends answer the same question — which pages hold every query word (as a stem
prefix, or as one of its fuzzy variants), best first — each with its own engine:
FTS5 with bm25 in SQLite, a tsvector with ts_rank_cd in PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, bindparam, column, func, literal_column, select, table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from baulast.db.models import PageRow, SearchTerm
from baulast.db.searchtext import SHORTEST_FUZZY_WORD, QueryWord, is_close, trigrams, vocabulary

FUZZY_CANDIDATES = 200  # vocabulary words looked at per query word, most similar first
MOST_VARIANTS = 12  # variants kept per query word
_RAREST_TRIGRAMS = 4


def add_vocabulary(session: Session, texts: Iterable[str]) -> None:
    """Remember the words of these texts for fuzzy search (words known already are skipped)."""
    terms: set[str] = set()
    for page_text in texts:
        terms |= vocabulary(page_text)
    if not terms:
        return
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    statement = dialect.insert(SearchTerm).on_conflict_do_nothing(index_elements=["term"])
    session.execute(statement, [{"term": t} for t in sorted(terms)])


def widen(session: Session, words: list[QueryWord]) -> list[QueryWord]:
    """Each query word with the vocabulary words close to it (OCR misreadings of it, or its
    misspelling of what OCR read right)."""
    widened = []
    for word in words:
        if len(word.folded) < SHORTEST_FUZZY_WORD or word.folded.isdigit():
            widened.append(word)
            continue
        candidates = _candidates(session, word.folded)
        variants = [t for t in candidates if t != word.folded and is_close(word.folded, t)]
        widened.append(QueryWord(word.typed, word.folded, tuple(variants[:MOST_VARIANTS])))
    return widened


def _candidates(session: Session, folded: str) -> list[str]:
    """Vocabulary words sharing trigrams with the word, most similar first."""
    if session.get_bind().dialect.name == "sqlite":
        grams = _rarest_trigrams(session, folded)
        if not grams:
            return []
        match = " OR ".join('"' + g.replace('"', '""') + '"' for g in grams)
        rows = session.execute(
            text("SELECT term FROM search_terms_fts WHERE search_terms_fts MATCH :match LIMIT :limit"),
            {"match": match, "limit": 20 * FUZZY_CANDIDATES},
        ).scalars()
        return sorted(rows, key=lambda term: (abs(len(term) - len(folded)), term))[:FUZZY_CANDIDATES]
    session.execute(text("SET LOCAL pg_trgm.similarity_threshold = 0.4"))
    rows = session.execute(
        text(
            "SELECT term FROM search_terms WHERE term % :word "
            "ORDER BY similarity(term, :word) DESC, term LIMIT :limit"
        ),
        {"word": folded, "limit": FUZZY_CANDIDATES},
    ).scalars()
    return list(rows)


def _rarest_trigrams(session: Session, folded: str) -> list[str]:
    """The word's trigrams that the fewest vocabulary words share: one OCR error leaves at least
    one of four trigrams intact in all but the shortest words, and rare ones keep the scan small."""
    grams = trigrams(folded)
    if len(grams) <= _RAREST_TRIGRAMS:
        return grams
    counts = []
    for gram in grams:
        quoted = '"' + gram.replace('"', '""') + '"'
        count = session.execute(
            text("SELECT count(*) FROM (SELECT 1 FROM search_terms_fts WHERE search_terms_fts MATCH :m LIMIT 5000)"),
            {"m": quoted},
        ).scalar_one()
        counts.append((count, gram))
    return [gram for _, gram in sorted(counts)[:_RAREST_TRIGRAMS]]


def page_matches(session: Session, words: list[QueryWord], allowed: Select, limit: int) -> list[tuple[int, int, float]]:
    """(page id, record id, score) of the allowed records' pages that hold every word, best first."""
    if session.get_bind().dialect.name == "sqlite":
        fts = table("pages_fts", column("rowid"))
        expression = " AND ".join(
            "(" + " OR ".join(f'"{s}"*' for s in word.stems) + ")" for word in words
        )
        score = literal_column("-bm25(pages_fts)")
        statement = (
            select(PageRow.id, PageRow.record_id, score)
            .join(fts, fts.c.rowid == PageRow.id)
            .where(literal_column("pages_fts").op("MATCH")(bindparam("fts_match", expression)))
            .where(PageRow.record_id.in_(allowed))
            .order_by(literal_column("bm25(pages_fts)"))
            .limit(limit)
        )
    else:
        # PostgreSQL stems the words itself, with the configuration that built the index.
        tsquery = " & ".join(
            "(" + " | ".join(_pg_lexeme(form) + ":*" for form in (word.folded, *word.variants)) + ")"
            for word in words
        )
        query = func.to_tsquery(literal_column("'baulast_de'::regconfig"), bindparam("ts_query", tsquery))
        vector = literal_column("pages.search_vector")
        score = func.ts_rank_cd(vector, query)
        statement = (
            select(PageRow.id, PageRow.record_id, score)
            .where(vector.op("@@")(query))
            .where(PageRow.record_id.in_(allowed))
            .order_by(score.desc(), PageRow.id)
            .limit(limit)
        )
    return [(page_id, record_id, float(value)) for page_id, record_id, value in session.execute(statement)]


def _pg_lexeme(word: str) -> str:
    """A word quoted as a tsquery operand."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
