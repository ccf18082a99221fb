"""Text features of one document, computed once and shared by every method and by selection.

Per sentence: lower-cased word tokens; content terms (stop words out, stemmed with PyStemmer's
Snowball English stemmer); term counts; TF-IDF rows, L2-normalised, with smoothed
sentence-level IDF, ``log((1 + n) / (1 + df)) + 1``; and the cosine similarity between
sentences. No method tokenizes, stems or weights text itself.

Matrices are dense numpy: on news-length articles that is several times faster than sparse.
To bound memory, features cover at most the first ``MAX_SENTENCES`` sentences; methods score
any beyond that below all others (see ``newsgist.methods.base.pad``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import chain
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.models import Sentence

MAX_SENTENCES = 500
"""Features (and so graph methods) cover at most this many leading sentences."""

_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…–—•·"


@cache
def stop_words() -> frozenset[str]:
    """Return the English stop words, from the package's word table."""
    text = resources.files("newsgist.resources").joinpath("stopwords-en.txt").read_text("utf-8")
    return frozenset(word for line in text.splitlines() for word in line.partition("#")[0].split())


@cache
def _stemmer() -> Any:  # noqa: ANN401 - PyStemmer ships no type information
    """Return the Snowball English stemmer (PyStemmer, C), created once per process."""
    import Stemmer

    return Stemmer.Stemmer("english")


_TERM_CACHE_SIZE = 200_000


@dataclass
class _TermTable:
    """A per-process word → term-id table, so each distinct word is stemmed only once.

    A stop word maps to -1. Ids index ``names``; the table starts afresh past
    ``_TERM_CACHE_SIZE`` words, and a ``Features`` keeps its own column names, so that
    never changes a result.
    """

    ids: dict[str, int]
    names: list[str]
    index: dict[str, int]

    def lookup(self, vocabulary: set[str]) -> dict[str, int]:
        """Return the word → id table, extended to cover ``vocabulary``."""
        new = [w for w in vocabulary if w not in self.ids]  # not .difference: it walks ids
        if not new:
            return self.ids
        if len(self.ids) + len(new) > _TERM_CACHE_SIZE:
            self.ids.clear()
            self.names.clear()
            self.index.clear()
            new = list(vocabulary)
        stops = stop_words()
        content = [w for w in new if w not in stops]
        self.ids.update(dict.fromkeys([w for w in new if w in stops], -1))
        for word, term in zip(content, stem(content), strict=True):
            known = self.index.get(term)
            if known is None:
                known = self.index[term] = len(self.names)
                self.names.append(term)
            self.ids[word] = known
        return self.ids


_TABLE = _TermTable({}, [], {})


def stem(words: Sequence[str]) -> list[str]:
    """Stem words with the shared stemmer."""
    stems: list[str] = _stemmer().stemWords(words)
    return stems


def tokenize(text: str) -> list[str]:
    """Lower-cased words: whitespace-separated, punctuation stripped from their ends.

    Inner punctuation stays (``flat-bottomed``, ``3,400``, ``u.s``, ``don't``); this is
    several times faster than a regular expression and as good for counting terms.
    """
    return [w for t in text.lower().split() if (w := t.strip(_PUNCTUATION))]


@dataclass(frozen=True)
class Features:
    """Per-sentence features of one document. Build with ``Features.of(sentences)``."""

    words: tuple[tuple[str, ...], ...]
    """Lower-cased word tokens of each sentence."""
    columns: tuple[str, ...]
    """The term of each column of ``counts`` and ``tfidf``."""
    counts: npt.NDArray[np.float64]
    """(sentences, terms) counts of each stemmed content term (stop words left out)."""
    idf: npt.NDArray[np.float64]
    """(terms,) smoothed inverse sentence frequency."""
    _token_sentence: npt.NDArray[np.intp]
    _token_column: npt.NDArray[np.intp]

    @classmethod
    def of(cls, sentences: Sequence[Sentence]) -> Features:
        """Compute the features of (at most ``MAX_SENTENCES`` of) ``sentences``."""
        words = tuple(tuple(tokenize(s.text)) for s in sentences[:MAX_SENTENCES])
        table = _TABLE.lookup(set().union(*words))
        ids = np.array(list(map(table.__getitem__, chain.from_iterable(words))), dtype=np.intp)
        sentence = np.repeat(np.arange(len(words)), [len(w) for w in words])
        content = ids >= 0
        term_ids, column = np.unique(ids[content], return_inverse=True)
        sentence = sentence[content]
        n, size = len(words), max(1, len(term_ids))
        flat = np.bincount(sentence * size + column, minlength=n * size)
        counts = flat.reshape(n, size).astype(np.float64)
        idf = np.log((1 + n) / (1 + np.count_nonzero(counts, axis=0))) + 1.0
        names = _TABLE.names
        columns = tuple([names[i] for i in term_ids.tolist()])
        return cls(words, columns, counts, idf, sentence, column.reshape(-1))

    def __len__(self) -> int:
        """How many sentences the features cover."""
        return len(self.words)

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Term → column of ``counts`` and ``tfidf``."""
        return {term: i for i, term in enumerate(self.columns)}

    @cached_property
    def terms(self) -> tuple[tuple[str, ...], ...]:
        """Stemmed content terms of each sentence, in order, repeats kept."""
        per_sentence: list[list[str]] = [[] for _ in self.words]
        for row, column in zip(
            self._token_sentence.tolist(), self._token_column.tolist(), strict=True
        ):
            per_sentence[row].append(self.columns[column])
        return tuple(tuple(t) for t in per_sentence)

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
        weights = self.counts * self.idf
        norms = np.linalg.norm(weights, axis=1, keepdims=True)
        normalised: npt.NDArray[np.float64] = np.divide(
            weights, norms, out=np.zeros_like(weights), where=norms > 0
        )
        return normalised

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
