"""PostgreSQL: the newest pages that hold a text query, read the way that is cheap for its words.

There are two ways to find the newest thousand matching pages among a million:

- walk the primary key down from the newest page and test each page's tsvector: about 5 µs a
  page (the vector is read from TOAST), cheap when most pages match, ruinous when few do;
- read the matches from the GIN index as a bitmap, ANDed with a range of the newest ids: the
  index part costs about 1 µs for every page a prefix word is on, whatever the range, and each
  match read from the table costs more again; cheap for rare words, dear for common ones
  ("Eigentümer" is on every page).

Which is cheaper follows from the share of pages that match. The planner's statistics (the most
common lexemes ANALYZE keeps for the tsvector column) estimate it for free, where counting the
matches through the index cost as much as the search itself. An estimate can be wrong (variants
of a misspelling, words that seldom meet, a filter on the record), so the pages are read in id
windows, newest first, each sized from the share seen so far, until enough are found or the
table is done: a wrong estimate costs another window, never a walk through the whole table.
The result is the same whichever way is taken: the newest matching pages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import ColumnElement, bindparam, func, literal_column, select, text
from sqlalchemy.orm import Session

from baulast.db.models import PageRow, Record

COMMON_SHARE = 0.08  # a query (or word) on this share of pages is walked, not read by the index
_MARGIN = 1.25  # a window holds this many times the matches still wanted, by the estimate
_WIDEST_WINDOW = 0.2  # a window wider than this share of the pages left is widened to all of them
_EMPTY_GROWTH = 8  # a window without a match: the next is this many times wider
_WORK_MEM = "64MB"  # GIN collects prefix matches in a bitmap: keep it exact (no recheck)
_CONFIG = literal_column("'baulast_de'::regconfig")


@dataclass(frozen=True)
class _Window:
    """Page ids lowest < id <= highest (lowest None: down to the first page)."""

    lowest: int | None
    highest: int


def newest_matches(session: Session, word_queries: list[str], conditions: ColumnElement[bool] | None,
                   want: int) -> list[int]:
    """Ids of the newest `want` pages that match every tsquery in word_queries (one per query
    word) and whose record meets the conditions, newest first."""
    # psycopg prepares a statement run five times, and PostgreSQL may then plan it once for
    # any window and words: the plans here depend on those values, so plan each run afresh.
    session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    try:
        return _newest(session, word_queries, conditions, want)
    finally:
        session.execute(text("RESET plan_cache_mode"))


def _newest(session: Session, word_queries: list[str], conditions: ColumnElement[bool] | None,
            want: int) -> list[int]:
    bounds = session.execute(select(func.min(PageRow.id), func.max(PageRow.id))).one()
    if bounds[0] is None:
        return []
    first, last = bounds
    span = last - first + 1
    word_queries = _with_lexemes(session, word_queries)
    if not word_queries:
        return []
    whole = " & ".join(word_queries)
    shares = sorted((min(1.0, _estimated_matches(session, query) / span), query) for query in word_queries)
    # The rarest word bounds the share of pages that match (words of one street name or
    # compound go together; multiplying their shares would miss that by far).
    share = shares[0][0]
    # Words on many pages narrow the bitmap little but cost most to collect: the index reads
    # the others, and the pages it finds are tested for the whole query.
    kept = [query for word_share, query in shares if word_share < COMMON_SHARE] or [shares[0][1]]
    narrow = whole if len(kept) == len(word_queries) else " & ".join(kept)

    found: list[int] = []
    highest, seen = last, 0
    while len(found) < want:
        width = math.ceil((want - len(found)) * _MARGIN / max(share, 1e-9))
        # A window over much of the rest costs more to cut out of the index than it saves.
        lowest = highest - width if width < _WIDEST_WINDOW * (highest - first + 1) else None
        window = _Window(lowest if lowest is not None and lowest >= first else None, highest)
        if share >= COMMON_SHARE:
            ids = _walk(session, whole, conditions, window, want - len(found))
        else:
            ids = _bitmap(session, whole, narrow, conditions, window, want - len(found))
        found += ids
        if window.lowest is None:
            break
        seen += window.highest - window.lowest
        share = len(found) / seen if found else share / _EMPTY_GROWTH
        highest = window.lowest
    return found


def _with_lexemes(session: Session, word_queries: list[str]) -> list[str]:
    """The word queries left once stop words ("im", "am", "der") are dropped: PostgreSQL
    ignores those in a query, and the planner would call them the rarest words of all."""
    counts = session.execute(
        text("SELECT numnode(to_tsquery('baulast_de'::regconfig, query)) "
             "FROM unnest(CAST(:queries AS text[])) WITH ORDINALITY AS words(query, position) ORDER BY position"),
        {"queries": word_queries},
    ).scalars()
    return [query for query, count in zip(word_queries, counts, strict=True) if count > 0]


def _estimated_matches(session: Session, tsquery: str) -> float:
    """How many pages the planner expects to match (from ANALYZE's statistics; no page is read)."""
    plan = session.execute(
        text("EXPLAIN (FORMAT JSON) SELECT 1 FROM pages "
             "WHERE search_vector @@ to_tsquery('baulast_de'::regconfig, :query)"),
        {"query": tsquery},
    ).scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"])


def _in_window(column, window: _Window) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    inside = column <= window.highest
    return inside if window.lowest is None else inside & (column > window.lowest)


def _matches(vector, tsquery: str, name: str) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    return vector.op("@@")(func.to_tsquery(_CONFIG, bindparam(name, tsquery)))


def _walk(session: Session, whole: str, conditions: ColumnElement[bool] | None, window: _Window,
          limit: int) -> list[int]:
    """The newest matches in the window, testing page after page down the primary key."""
    statement = (
        select(PageRow.id)
        .where(_matches(literal_column("pages.search_vector"), whole, "whole"), _in_window(PageRow.id, window))
        .order_by(PageRow.id.desc())
        .limit(limit)
    )
    if conditions is not None:
        statement = statement.join(Record, Record.id == PageRow.record_id).where(conditions)
    session.execute(text("SET LOCAL enable_bitmapscan = off"))
    ids = list(session.execute(statement).scalars())
    session.execute(text("RESET enable_bitmapscan"))
    return ids


def _bitmap(session: Session, whole: str, narrow: str, conditions: ColumnElement[bool] | None,
            window: _Window, limit: int) -> list[int]:
    """The newest matches in the window, read from the GIN index (narrow words) and the primary
    key (the window) as bitmaps; pages are tested for the whole query if narrow leaves words out."""
    vector = literal_column("pages.search_vector")
    if narrow == whole:
        statement = select(PageRow.id).where(_matches(vector, whole, "whole"), _in_window(PageRow.id, window))
        id_column, record_column = PageRow.id, PageRow.record_id
    else:
        # OFFSET 0 keeps the planner from handing the whole query to the index again; the
        # candidates come sorted, newest first, so only as many are tested as it takes.
        candidates = (
            select(PageRow.id, PageRow.record_id, vector.label("vector"))
            .where(_matches(vector, narrow, "narrow"), _in_window(PageRow.id, window))
            .order_by(PageRow.id.desc())
            .offset(0)
            .subquery("window_candidates")
        )
        statement = select(candidates.c.id).where(_matches(candidates.c.vector, whole, "whole"))
        id_column, record_column = candidates.c.id, candidates.c.record_id
    statement = statement.order_by(id_column.desc()).limit(limit)
    if conditions is not None:
        statement = statement.join(Record, Record.id == record_column).where(conditions)
    for setting in ("enable_indexscan = off", "enable_seqscan = off", f"work_mem = '{_WORK_MEM}'"):
        session.execute(text(f"SET LOCAL {setting}"))
    ids = list(session.execute(statement).scalars())
    for setting in ("enable_indexscan", "enable_seqscan", "work_mem"):
        session.execute(text(f"RESET {setting}"))
    return ids
