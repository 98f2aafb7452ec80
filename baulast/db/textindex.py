"""The backend-specific half of text search: the vocabulary, fuzzy widening, and page matches.

Both backends answer the same question — which pages hold every query word (as a stem
prefix, or as one of its fuzzy variants), best first — each with its own engine:
FTS5 with bm25 in SQLite, a tsvector with ts_rank in PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein
from sqlalchemy import ColumnElement, Integer, any_, bindparam, column, func, literal_column, select, table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from baulast.db.models import PageRow, Record, SearchTerm
from baulast.db.pgtext import newest_matches
from baulast.db.searchtext import SHORTEST_FUZZY_WORD, QueryWord, is_close, stem, trigrams, vocabulary

FUZZY_CANDIDATES = 5_000  # vocabulary words looked at per query word
MOST_VARIANTS = 12  # variants kept per query word
_RAREST_TRIGRAMS = 4
CANDIDATES = 1_000  # newest matching pages ranked per text query (see page_matches)


def add_vocabulary(session: Session, texts: Iterable[str]) -> None:
    """Remember the words of these texts for fuzzy search (words known already are skipped)."""
    terms: set[str] = set()
    for page_text in texts:
        terms |= vocabulary(page_text)
    add_terms(session, terms)


def add_terms(session: Session, terms: set[str]) -> None:
    """Remember these folded words (from searchtext.vocabulary) for fuzzy search."""
    if not terms:
        return
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    statement = dialect.insert(SearchTerm).on_conflict_do_nothing(index_elements=["term"])
    session.execute(statement, [{"term": t} for t in sorted(terms)])


def widen(session: Session, words: list[QueryWord]) -> list[QueryWord]:
    """Each query word with the vocabulary words close to it (OCR misreadings of it, or its
    misspelling of what OCR read right), closest first."""
    widened = []
    for word in words:
        if len(word.folded) < SHORTEST_FUZZY_WORD or word.folded.isdigit():
            widened.append(word)
            continue
        close = [t for t in _candidates(session, word.folded) if t != word.folded and is_close(word.folded, t)]
        close.sort(key=lambda term: (Levenshtein.distance(word.folded, term), term))
        widened.append(QueryWord(word.typed, word.folded, tuple(close[:MOST_VARIANTS])))
    return widened


def _candidates(session: Session, folded: str) -> list[str]:
    """Vocabulary words that share trigrams with the word (a superset of the close ones)."""
    if session.get_bind().dialect.name == "sqlite":
        grams = _rarest_trigrams(session, folded)
        if not grams:
            return []
        match = " OR ".join('"' + g.replace('"', '""') + '"' for g in grams)
        rows = session.execute(
            text("SELECT term FROM search_terms_fts WHERE search_terms_fts MATCH :match LIMIT :limit"),
            {"match": match, "limit": FUZZY_CANDIDATES},
        ).scalars()
        return list(rows)
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


def page_matches(
    session: Session, words: list[QueryWord], conditions: ColumnElement[bool] | None, limit: int
) -> list[tuple[int, int, float]]:
    """(page id, record id, score) of pages that hold every word and whose record meets the
    conditions, best first (bm25 in SQLite, ts_rank in PostgreSQL).

    Only the newest CANDIDATES matching pages are ranked. A word such as "Grundstück" is on
    most pages of a large register: ranking all of them would take seconds, and a clerk
    narrows such a search with a filter or a second word anyway. Rarer words (the usual
    case: names, streets) have fewer matches than that, and all of them are ranked.
    """
    if session.get_bind().dialect.name == "sqlite":
        fts = table("pages_fts", column("rowid"))
        expression = " AND ".join(_fts_word(word) for word in words)
        candidates = (
            select(PageRow.id, PageRow.record_id, literal_column("-bm25(pages_fts)").label("score"))
            .select_from(fts)
            .join(PageRow, PageRow.id == fts.c.rowid)
            .join(Record, Record.id == PageRow.record_id)
            .where(literal_column("pages_fts").op("MATCH")(bindparam("fts_match", expression)))
            .order_by(fts.c.rowid.desc())
            .limit(CANDIDATES)
        )
        if conditions is not None:
            candidates = candidates.where(conditions)
        ranked = candidates.subquery()
        statement = select(ranked.c.id, ranked.c.record_id, ranked.c.score).order_by(
            ranked.c.score.desc(), ranked.c.id.desc()
        )
    else:
        # PostgreSQL stems the words itself, with the configuration that built the index.
        # Which pages are the newest matches is decided first (pgtext: the cheap way for how
        # common the words are), then only those are ranked.
        word_queries = [_ts_word(word) for word in words]
        newest = newest_matches(session, word_queries, conditions, CANDIDATES)
        tsquery = bindparam("ts_query", " & ".join(word_queries))
        score = func.ts_rank(literal_column("pages.search_vector"),
                             func.to_tsquery(literal_column("'baulast_de'::regconfig"), tsquery))
        statement = (
            select(PageRow.id, PageRow.record_id, score)
            .where(PageRow.id == any_(bindparam("newest", newest, type_=postgresql.ARRAY(Integer))))
            .order_by(score.desc(), PageRow.id.desc())
        )
    rows = session.execute(statement.limit(limit)).all()
    return [(page_id, record_id, float(value)) for page_id, record_id, value in rows]


def _fts_word(word: QueryWord) -> str:
    """An FTS5 query for one word: its stem as a prefix (German compounds), or any of its
    fuzzy variants as a whole word (their prefixes would match half the register)."""
    own = stem(word.folded)
    variants = [s for s in dict.fromkeys(stem(v) for v in word.variants) if s != own]
    return "(" + " OR ".join([f'"{own}"*', *(f'"{s}"' for s in variants)]) + ")"


def _ts_word(word: QueryWord) -> str:
    """The tsquery for one word, as _fts_word builds it for SQLite."""
    return "(" + " | ".join([_pg_lexeme(word.folded) + ":*", *(_pg_lexeme(v) for v in word.variants)]) + ")"


def _pg_lexeme(word: str) -> str:
    """A word quoted as a tsquery operand."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
