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
from collections import deque
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from rapidfuzz.distance import Levenshtein

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The blocks of combining marks that NFKD splits off accented letters (ü → u + U+0308).
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
SHORTEST_FUZZY_WORD = 4  # shorter words are matched exactly: "Nr", "am" have too many neighbours
LONGEST_TERM = 64
_STEMMER = Stemmer.Stemmer("german")


@lru_cache(maxsize=500_000)
def fold(word: str) -> str:
    """Lower case without accents; ß becomes ss (as unaccent and lower() do in PostgreSQL)."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", word)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, in order (digits are words too)."""
    return _WORD.findall(_COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold())


class _StemCache(dict):  # type: ignore[type-arg]
    """Folded word -> stem, filled on first use; dict lookups keep stemming a page cheap."""

    LARGEST = 1_000_000  # OCR noise makes the vocabulary open-ended: start afresh beyond this

    def __missing__(self, folded: str) -> str:
        if len(self) >= self.LARGEST:
            self.clear()
        value = self[folded] = folded if folded.isdigit() else _STEMMER.stemWord(folded)
        return value


_STEMS = _StemCache()
stem = _STEMS.__getitem__  # the German stem of a folded word; numbers stay as they are


def stems_of(text: str) -> str:
    """The text as stems separated by spaces: what SQLite's FTS5 index holds for a page."""
    return " ".join(map(stem, words(text)))


def is_vocabulary(folded: str) -> bool:
    """True for a folded word worth keeping for fuzzy search (not too short or long, no number)."""
    return SHORTEST_FUZZY_WORD <= len(folded) <= LONGEST_TERM and not folded.isdigit()


def vocabulary(text: str) -> set[str]:
    """The distinct folded words of a text worth keeping for fuzzy search."""
    return {w for w in set(words(text)) if is_vocabulary(w)}


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


def query_words(text: str) -> list[QueryWord]:
    """The words of a text query (duplicates dropped, order kept)."""
    seen: dict[str, QueryWord] = {}
    for raw in _WORD.findall(text):
        folded = fold(raw)
        seen.setdefault(folded, QueryWord(typed=raw, folded=folded))
    return list(seen.values())


def snippet(text: str, query: Iterable[QueryWord], width: int = 24) -> list[tuple[str, bool]]:
    """About `width` words of the text around the first match, as (text, is_match) pieces.

    A word matches as the search does: its stem starts with a query word's stem (so
    "Abstand" finds "Abstandflächenbaulast"), or it is one of a word's fuzzy variants.
    The text is read only up to the end of the window.
    """
    query = list(query)
    own = tuple(stem(q.folded) for q in query)
    variant_stems = {stem(v) for q in query for v in q.variants}

    def matches(word: str) -> bool:
        word_stem = stem(fold(word))
        return (bool(own) and word_stem.startswith(own)) or word_stem in variant_stems

    before: deque[re.Match[str]] = deque(maxlen=width // 3)
    window: list[re.Match[str]] = []
    tokens = _WORD.finditer(text)
    for token in tokens:
        if matches(token.group()):
            window = [*before, token]
            break
        before.append(token)
    else:  # no word matches (a fuzzy match on a variant's form): the start of the page
        window = list(before) or list(_WORD.finditer(text))[:1]
        tokens = iter(())
    more = False
    for token in tokens:
        if len(window) >= width:
            more = True
            break
        window.append(token)
    if not window:
        return []
    pieces: list[tuple[str, bool]] = [("… ", False)] if window[0].start() > _first_word_start(text) else []
    cursor = window[0].start()
    for token in window:
        if token is not window[0]:  # what stood between the words, line breaks made spaces
            pieces.append((_SPACES.sub(" ", text[cursor : token.start()]), False))
        pieces.append((token.group(), matches(token.group())))
        cursor = token.end()
    if more:
        pieces.append((" …", False))
    return _merge(pieces)


def _first_word_start(text: str) -> int:
    first = _WORD.search(text)
    return first.start() if first else 0


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
