"""Text features of one document, computed once and shared by every method and by selection.

Per sentence: lower-cased word tokens; content terms (the language's stop words out, stemmed
with its PyStemmer Snowball stemmer, both from ``newsgist.lang``); term counts; TF-IDF rows,
L2-normalised, with smoothed sentence-level IDF, ``log((1 + n) / (1 + df)) + 1``; and the
cosine similarity between sentences. No method tokenizes, stems or weights text itself.

Matrices are dense numpy: on news-length articles that is several times faster than sparse.
To bound memory whatever the input, features cover a prefix of the sentences: at most
``MAX_SENTENCES`` of them, ``MAX_TOKENS`` tokens and ``MAX_CELLS`` sentence × term cells (a
long news story needs a tenth of each). Methods score sentences beyond it below all others
(see ``newsgist.methods.base.pad``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any

import numpy as np

from newsgist.lang import DEFAULT, Language

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.models import Sentence

MAX_SENTENCES = 500
"""Features (and so graph methods) cover at most this many leading sentences."""
MAX_TOKENS = 20_000
"""... and at most this many tokens; a longer first sentence is read up to this many."""
MAX_CELLS = 2_000_000
"""... and at most this many cells in each (sentences, terms) matrix: 16 MB of float64."""

_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…–—•·"


@cache
def _stemmer(algorithm: str) -> Any:  # noqa: ANN401 - PyStemmer ships no type information
    """Return a Snowball stemmer (PyStemmer, C), created once per process and algorithm."""
    import Stemmer

    return Stemmer.Stemmer(algorithm)


_TERM_CACHE_SIZE = 50_000
"""Tokens the term table holds before starting afresh: under ~6 MiB per process, so a batch
worker's memory stays flat over millions of articles; at 200,000 it reached ~12 MiB on 3,127
articles for no measurable speed (497 vs 495 articles/s)."""
_STOP = -1
_NOT_A_WORD = -2
_MISSING = -3


@dataclass
class _TermTable:
    """A per-process, per-language token → term-id table: each distinct token is stemmed once.

    Keys are lower-cased whitespace tokens with their punctuation still on. A stop word maps
    to ``STOP`` and a token that is all punctuation to ``NOT_A_WORD``. Ids index ``names``,
    which only ever grows; past ``_TERM_CACHE_SIZE`` tokens the table starts afresh with new
    containers, so a ``Features`` holding the old ``names`` still reads its own terms.
    """

    language: Language
    ids: dict[str, int]
    names: list[str]
    index: dict[str, int]

    def ids_of(self, tokens: list[str]) -> tuple[npt.NDArray[np.intp], list[str]]:
        """Return the term id of each token, adding those not seen before, and the names.

        One thread at a time (a service shares its pipelines between threads): ids and the
        names they index are read under the same lock, so a restart cannot come between.
        """
        with _TABLE_LOCK:
            get = self.ids.get
            ids = np.fromiter(map(get, tokens, repeat(_MISSING)), dtype=np.intp, count=len(tokens))
            missing = np.flatnonzero(ids == _MISSING).tolist()
            if missing:
                new = {tokens[i] for i in missing}
                if len(self.ids) + len(new) > _TERM_CACHE_SIZE:
                    self.ids, self.names, self.index = {}, [], {}  # old names stay valid
                    new, missing = set(tokens), list(range(len(tokens)))
                self._add(new)
                ids[missing] = [self.ids[tokens[i]] for i in missing]
            return ids, self.names

    def _add(self, new: set[str]) -> None:
        """Stem and number tokens not in the table yet."""
        stops = self.language.stop_words
        content: list[str] = []
        words: list[str] = []
        for token in new:
            word = token.strip(_PUNCTUATION)
            if not word:
                self.ids[token] = _NOT_A_WORD
            elif word in stops:
                self.ids[token] = _STOP
            else:
                content.append(token)
                words.append(word)
        for token, term in zip(content, stem(words, language=self.language), strict=True):
            known = self.index.get(term)
            if known is None:
                known = self.index[term] = len(self.names)
                self.names.append(term)
            self.ids[token] = known


_TABLE_LOCK = threading.Lock()
_STEM_LOCK = threading.Lock()
_TABLES: dict[Language, _TermTable] = {}
"""The term table of each language seen in this process."""


def _table(language: Language) -> _TermTable:
    """Return the term table of ``language``, starting it on first use."""
    with _TABLE_LOCK:
        table = _TABLES.get(language)
        if table is None:
            table = _TABLES[language] = _TermTable(language, {}, [], {})
        return table


def stem(words: Sequence[str], *, language: Language = DEFAULT) -> list[str]:
    """Stem words with the language's stemmer; a language without one leaves them as they are."""
    if language.stemmer is None:
        return list(words)
    with _STEM_LOCK:  # a PyStemmer object keeps a cache: one thread at a time
        stems: list[str] = _stemmer(language.stemmer).stemWords(words)
    return stems


def tokenize(text: str) -> list[str]:
    """Lower-cased words: whitespace-separated, punctuation stripped from their ends.

    Inner punctuation stays (``flat-bottomed``, ``3,400``, ``u.s``, ``don't``); this is
    several times faster than a regular expression and as good for counting terms.
    """
    return _strip(text.lower().split())


def _strip(tokens: Iterable[str]) -> list[str]:
    """Strip punctuation from the ends of lower-cased tokens, dropping those left empty."""
    return [w for t in tokens if (w := t.strip(_PUNCTUATION))]


def _leading_tokens(sentences: Sequence[Sentence]) -> tuple[tuple[str, ...], ...]:
    """Lower-cased tokens of the leading sentences, up to ``MAX_SENTENCES`` and ``MAX_TOKENS``."""
    texts = [s.text for s in sentences[:MAX_SENTENCES]]
    if sum(map(len, texts)) + len(texts) < 2 * MAX_TOKENS:  # under MAX_TOKENS tokens for sure
        return tuple([tuple(text.split()) for text in map(str.lower, texts)])
    tokens: list[tuple[str, ...]] = []
    left = MAX_TOKENS
    for text in texts:
        if left <= 0:
            break
        words = text.lower().split(maxsplit=left)[:left]
        tokens.append(tuple(words))
        left -= len(words)
    return tuple(tokens)


def _within_cells(sentence: npt.NDArray[np.intp], ids: npt.NDArray[np.intp], n: int) -> int:
    """How many leading sentences keep ``sentences × distinct terms`` within ``MAX_CELLS``."""
    if n * len(ids) <= MAX_CELLS:  # the usual case: no bound can be reached
        return n
    content = ids >= 0
    _, first = np.unique(ids[content], return_index=True)
    new_terms = np.bincount(sentence[content][first], minlength=n)
    terms = np.maximum(np.cumsum(new_terms), 1)  # distinct terms of sentences 0..k
    return max(1, int(np.count_nonzero(np.arange(1, n + 1) * terms <= MAX_CELLS)))


def _first_use(
    ids: npt.NDArray[np.intp], known: int
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Return the distinct ids in order of first use, where each is first, and each id's column.

    Columns in order of first use are independent of the table's history. A scratch array
    indexed by id (``known`` ids exist) finds them in a few linear passes, no sort:
    ``np.unique`` and ranking its result took twice as long on news-length articles.
    """
    position = np.arange(len(ids))
    scratch = np.empty(known, dtype=np.intp)
    scratch[ids] = len(ids)
    np.minimum.at(scratch, ids, position)  # each id's first position
    first = np.flatnonzero(scratch[ids] == position)
    distinct = ids[first]
    scratch[distinct] = np.arange(len(distinct))
    return distinct, first, scratch[ids]


@dataclass(frozen=True)
class Features:
    """Per-sentence features of one document. Build with ``Features.of(sentences)``."""

    tokens: tuple[tuple[str, ...], ...]
    """Lower-cased whitespace tokens of each sentence, punctuation still on."""
    counts: npt.NDArray[np.float64]
    """(sentences, terms) counts of each stemmed content term (stop words left out)."""
    idf: npt.NDArray[np.float64]
    """(terms,) smoothed inverse sentence frequency."""
    sentence_frequency: npt.NDArray[np.intp]
    """How many sentences have each column of ``counts`` (one empty column if no terms)."""
    first_sentence: npt.NDArray[np.intp]
    """(terms,) the sentence each term is first used in."""
    _term_ids: npt.NDArray[np.intp]
    _names: list[str]
    _token_sentence: npt.NDArray[np.intp]
    _token_column: npt.NDArray[np.intp]
    _first_token: npt.NDArray[np.intp]

    @classmethod
    def of(cls, sentences: Sequence[Sentence], *, language: Language = DEFAULT) -> Features:
        """Compute the features of the leading ``sentences`` within the caps (see the module).

        Content terms use ``language``'s stop words and stemmer.
        """
        table = _table(language)
        tokens = _leading_tokens(sentences)
        ids, names = table.ids_of(list(chain.from_iterable(tokens)))
        sentence = np.repeat(np.arange(len(tokens)), [len(t) for t in tokens])
        covered = _within_cells(sentence, ids, len(tokens))
        if covered < len(tokens):
            kept = sentence < covered
            tokens, ids, sentence = tokens[:covered], ids[kept], sentence[kept]
        where = np.flatnonzero(ids >= 0)
        term_ids, first, column = _first_use(ids[where], len(names))
        first_token = where[first]
        sentence = sentence[where]
        n, size = len(tokens), max(1, len(term_ids))
        flat = np.bincount(sentence * size + column, minlength=n * size)
        counts = flat.reshape(n, size).astype(np.float64)
        frequency = np.count_nonzero(counts, axis=0)
        idf = np.log((1 + n) / (1 + frequency)) + 1.0
        return cls(
            tokens,
            counts,
            idf,
            frequency,
            sentence[first],
            term_ids,
            names,
            sentence,
            column,
            first_token,
        )

    def __len__(self) -> int:
        """How many sentences the features cover."""
        return len(self.tokens)

    @cached_property
    def words(self) -> tuple[tuple[str, ...], ...]:
        """Lower-cased word tokens of each sentence, punctuation stripped (see ``tokenize``)."""
        return tuple(tuple(_strip(tokens)) for tokens in self.tokens)

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """The term of each column of ``counts`` and ``tfidf``, in order of first use."""
        names = self._names
        return tuple([names[i] for i in self._term_ids.tolist()])

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Term → column of ``counts`` and ``tfidf``."""
        return {term: i for i, term in enumerate(self.columns)}

    def first_written(self, columns: Iterable[int]) -> list[str]:
        """Return the word each column's term is first written as (lower case, no punctuation).

        Read from the tokens, so showing a term (a keyword) needs no second stemming pass.
        """
        flat = self._flat_tokens
        return [flat[i].strip(_PUNCTUATION) for i in self._first_token[list(columns)].tolist()]

    @cached_property
    def _flat_tokens(self) -> list[str]:
        """Every token of the covered sentences, in order."""
        return list(chain.from_iterable(self.tokens))

    @cached_property
    def terms(self) -> tuple[tuple[str, ...], ...]:
        """Stemmed content terms of each sentence, in order, repeats kept."""
        per_sentence: list[list[str]] = [[] for _ in self.tokens]
        for row, column in zip(
            self._token_sentence.tolist(), self._token_column.tolist(), strict=True
        ):
            per_sentence[row].append(self.columns[column])
        return tuple(tuple(t) for t in per_sentence)

    @cached_property
    def term_totals(self) -> npt.NDArray[np.intp]:
        """(terms,) how many times each term is used in all the covered sentences."""
        totals: npt.NDArray[np.intp] = np.bincount(
            self._token_column, minlength=len(self.first_sentence)
        )
        return totals

    @cached_property
    def term_counts(self) -> npt.NDArray[np.float64]:
        """Number of content terms in each sentence, repeats counted."""
        totals: npt.NDArray[np.float64] = self.counts.sum(axis=1)
        return totals

    @cached_property
    def presence(self) -> npt.NDArray[np.float64]:
        """(sentences, terms) 1.0 where a sentence has a term, else 0.0."""
        return (self.counts > 0).astype(np.float64)

    @cached_property
    def tfidf(self) -> npt.NDArray[np.float64]:
        """TF-IDF rows, L2-normalised (all-zero rows stay zero)."""
        weights: npt.NDArray[np.float64] = self.counts * self.idf
        norms = np.sqrt(np.einsum("ij,ij->i", weights, weights))
        norms[norms == 0] = 1.0
        weights /= norms[:, None]
        return weights

    @cached_property
    def cosine(self) -> npt.NDArray[np.float64]:
        """(sentences, sentences) cosine similarity of the TF-IDF rows."""
        tfidf = self.tfidf
        similarity: npt.NDArray[np.float64] = tfidf @ tfidf.T
        return similarity

    @cached_property
    def trigrams(self) -> tuple[frozenset[tuple[str, str, str]], ...]:
        """Word trigrams of each sentence, for trigram blocking."""
        return tuple(frozenset(zip(w, w[1:], w[2:], strict=False)) for w in self.words)
