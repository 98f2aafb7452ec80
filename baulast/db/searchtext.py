"""How page text is cut into search terms: the same rules for the index and for the query.

Words are folded the way PostgreSQL's `unaccent` folds them ("Büderich" → "buderich",
"Straße" → "strasse") and stemmed with the Snowball German stemmer, which is the stemmer
behind PostgreSQL's `german` configuration: "Abstandflächen" and "Abstandfläche" both
become "abstandflach". SQLite indexes these stems in FTS5; PostgreSQL computes its own
with the `baulast_de` configuration (unaccent, then german_stem), so both backends
answer a query alike.

The vocabulary of folded words (not stems) feeds fuzzy search: a query word that OCR
spelled differently ("Abstandsfiäche") is widened to the indexed words that are close to it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from rapidfuzz.distance import Levenshtein

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
SHORTEST_FUZZY_WORD = 4  # shorter words are matched exactly: "Nr", "am" have too many neighbours
LONGEST_TERM = 64
_STEMMER = Stemmer.Stemmer("german")


def fold(word: str) -> str:
    """Lower case without accents; ß becomes ss (as unaccent and lower() do in PostgreSQL)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, in order (digits are words too)."""
    return [fold(w) for w in _WORD.findall(text)]


@lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    """The German stem of a folded word; numbers stay as they are."""
    if folded.isdigit():
        return folded
    return _STEMMER.stemWord(folded)


def stems_of(text: str) -> str:
    """The text as stems separated by spaces: what SQLite's FTS5 index holds for a page."""
    return " ".join(stem(w) for w in words(text))


def vocabulary(text: str) -> set[str]:
    """The distinct folded words of a text worth keeping for fuzzy search."""
    return {w for w in words(text) if SHORTEST_FUZZY_WORD <= len(w) <= LONGEST_TERM and not w.isdigit()}


def max_edits(word: str) -> int:
    """How many OCR errors a word of this length may carry and still be the same word."""
    return 1 if len(word) < 8 else 2


def is_close(query_word: str, term: str) -> bool:
    """True if term is query_word with at most a few letters changed, dropped or added."""
    limit = max_edits(query_word)
    return abs(len(term) - len(query_word)) <= limit and Levenshtein.distance(query_word, term, score_cutoff=limit) <= limit


def trigrams(word: str) -> list[str]:
    """The distinct three-letter pieces of a word, in order."""
    seen: dict[str, None] = {}
    for i in range(len(word) - 2):
        seen.setdefault(word[i : i + 3], None)
    return list(seen)


@dataclass(frozen=True)
class QueryWord:
    """One word a clerk typed, with the indexed words that fuzzy search lets it stand for."""

    typed: str
    folded: str
    variants: tuple[str, ...] = ()  # folded vocabulary words close to it (the word itself excluded)

    @property
    def stems(self) -> tuple[str, ...]:
        """The stems to look up: the word's own first, then its variants'."""
        seen = dict.fromkeys([stem(self.folded), *(stem(v) for v in self.variants)])
        return tuple(seen)


def query_words(text: str) -> list[QueryWord]:
    """The words of a text query (duplicates dropped, order kept)."""
    seen: dict[str, QueryWord] = {}
    for raw in _WORD.findall(text):
        folded = fold(raw)
        seen.setdefault(folded, QueryWord(typed=raw, folded=folded))
    return list(seen.values())


def snippet(text: str, query: Iterable[QueryWord], width: int = 24) -> list[tuple[str, bool]]:
    """About `width` words of the text around the first matches, as (text, is_match) pieces.

    A word matches if its stem starts with a query stem (the search is a prefix search, so
    "Abstand" finds "Abstandflächenbaulast") or it is one of the fuzzy variants.
    """
    query = list(query)
    prefixes = tuple(s for q in query for s in q.stems)
    variants = {v for q in query for v in q.variants}
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return []

    def matches(token: re.Match[str]) -> bool:
        folded = fold(token.group())
        return folded in variants or (bool(prefixes) and stem(folded).startswith(prefixes))

    hits = [i for i, t in enumerate(tokens) if matches(t)]
    first = hits[0] if hits else 0
    start = max(0, first - width // 3)
    end = min(len(tokens), start + width)
    hit_set = set(hits)
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("… ", False))
    cursor = tokens[start].start()
    for i in range(start, end):
        token = tokens[i]
        gap = " ".join(text[cursor : token.start()].split())
        if gap or i > start:
            pieces.append((f" {gap} " if gap else " ", False))
        pieces.append((token.group(), i in hit_set))
        cursor = token.end()
    if end < len(tokens):
        pieces.append((" …", False))
    return _merge(pieces)


def _merge(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Neighbouring pieces of the same kind joined, spaces tidied."""
    merged: list[tuple[str, bool]] = []
    for piece, is_match in pieces:
        if merged and merged[-1][1] == is_match:
            merged[-1] = (merged[-1][0] + piece, is_match)
        else:
            merged.append((piece, is_match))
    return [(re.sub(r" {2,}", " ", piece), is_match) for piece, is_match in merged]


def snippet_plain(pieces: list[tuple[str, bool]]) -> str:
    """A snippet with matches in «guillemets», for terminals and CSV."""
    return "".join(f"«{p}»" if m else p for p, m in pieces).strip()


def snippet_html(pieces: list[tuple[str, bool]]) -> str:
    """A snippet as HTML: escaped text with matches in <mark>."""
    return "".join(f"<mark>{html.escape(p)}</mark>" if m else html.escape(p) for p, m in pieces).strip()
