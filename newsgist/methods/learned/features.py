"""Per-sentence salience features: what the learned method scores and ``newsgist train`` fits.

One row per sentence, one column per entry of ``NAMES``, all built from the shared
``Features`` (no second tokenizer) plus the raw sentence text. The groups (what each is worth,
by 5-fold cross-validation on the training set, is measured by ``benchmarks/ablation.py``):

- position in the article: news puts the gist first. Not the paragraph: whether a text
  keeps its paragraph breaks says how it was stored (the CNN/DM files have none, pages do), not
  what matters in it, and a model that reads them fails on text stored the other way
  (leave one newsroom out, docs/benchmarks.md: writer summaries -4.9 ROUGE-1 against Lead-3
  with them, -1.7 without);
- length: words, and flags for very short and very long sentences;
- centrality: TF-IDF cosine to the other sentences and to the centroid, TextRank-style
  PageRank, and the mean document frequency of the sentence's terms (SumBasic);
- similarity to the lead sentences;
- content cues: numbers, quotations, capitalised name-like words (cased text only), attribution
  verbs ("said", "told"), openings that lean on an earlier sentence ("But", "He", "This"),
  questions, and novelty against earlier sentences. The words are the article's language's
  (``newsgist.lang``); language-neutral resources have none, so those two columns are zero.

Lower-cased, tokenised text (the ``cnndm_toklower`` style) has no capitals: the ``cased``
column says so, and case-dependent columns are zero there rather than noise.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from newsgist.features import Features
from newsgist.methods.graph import pagerank
from newsgist.segment import is_cased

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document

GROUPS: dict[str, tuple[str, ...]] = {
    "position": (
        *("inverse_position", "relative_position", "is_first", "is_second", "is_third"),
        *("is_fourth", "log_sentences"),
    ),
    "length": ("words", "log_words", "is_short", "is_long"),
    "centrality": ("mean_cosine", "centroid_cosine", "pagerank", "term_frequency", "content_ratio"),
    "lead similarity": ("first_cosine", "lead_cosine"),
    "content cues": (
        *("numbers", "has_quote", "opens_with_quote", "quoted_share", "cased"),
        *("capitalised_share", "attribution", "leans_back", "is_question", "open_ending"),
        "novelty",
    ),
}
"""The feature columns by group (the groups of the module docstring, in its order)."""
NAMES: tuple[str, ...] = tuple(name for group in GROUPS.values() for name in group)
"""The feature columns, in order; a model file records them and must match."""
_COLUMN = {name: i for i, name in enumerate(NAMES)}

_QUOTES = '"“”«»'
_NUMBER = re.compile(r"\d")
_CAPITALISED = re.compile(r"\s[\"“'(]?[A-Z]")
_OPENING_QUOTE = re.compile(r"[\"“]")
_ANY_QUOTE = re.compile(f"[{_QUOTES}]")
_CLOSING_QUOTE = re.compile(r"[\"”]")
_MAX_CUE_CHARS = 5_000
"""Content cues read this much of a sentence: all of any real one, a bounded cost for run-ons."""


def salience_features(document: Document) -> npt.NDArray[np.float64]:
    """Return the (covered sentences, ``len(NAMES)``) feature matrix of ``document``.

    One row for each sentence the shared ``Features`` cover (a bounded prefix of the
    article); the learned method ranks the rest below them, as every method does.
    """
    features: Features = document.features
    n = len(features)
    if n == 0:
        return np.zeros((0, len(NAMES)))
    sentences = document.sentences[:n]
    texts = [s.text[:_MAX_CUE_CHARS] for s in sentences]
    words = np.array([len(t) for t in features.tokens], dtype=np.float64)
    position = np.arange(n, dtype=np.float64)

    cosine = features.cosine
    off_diagonal = cosine - np.eye(n)
    tfidf = features.tfidf
    centroid = tfidf.sum(axis=0)
    centroid_norm = float(np.linalg.norm(centroid))
    centroid_cosine = tfidf @ centroid / centroid_norm if centroid_norm else np.zeros(n)
    rank = pagerank(cosine, damping=0.85) * n
    frequency = features.counts.sum(axis=0) / max(1.0, float(features.counts.sum()))
    term_counts = features.term_counts
    term_frequency = np.divide(
        features.counts @ frequency, term_counts, out=np.zeros(n), where=term_counts > 0
    ) * len(frequency)
    earlier = np.tril(off_diagonal, k=-1)
    novelty = 1.0 - (earlier.max(axis=1) if n > 1 else np.zeros(n))
    novelty[0] = 1.0

    cased = is_cased(document.article.body)
    language = document.language
    rows = np.zeros((n, len(NAMES)))

    def put(name: str, values: npt.ArrayLike) -> None:
        rows[:, _COLUMN[name]] = values

    put("inverse_position", 1.0 / (1.0 + position))
    put("relative_position", position / n)
    for offset, name in enumerate(("is_first", "is_second", "is_third", "is_fourth")):
        put(name, position == offset)
    put("log_sentences", np.log(n))
    put("words", words / 30.0)
    put("log_words", np.log1p(words))
    put("is_short", words < 8)
    put("is_long", words > 45)
    put("mean_cosine", off_diagonal.sum(axis=1) / max(1, n - 1))
    put("centroid_cosine", centroid_cosine)
    put("pagerank", rank)
    put("term_frequency", term_frequency)
    put("content_ratio", np.divide(term_counts, np.maximum(words, 1.0)))
    put("first_cosine", cosine[0])
    put("lead_cosine", off_diagonal[:, :3].max(axis=1))
    put("numbers", [min(3, len(_NUMBER.findall(t))) / 3.0 for t in texts])
    quoted = [_ANY_QUOTE.search(t) is not None for t in texts]
    put("has_quote", quoted)
    put("opens_with_quote", [t[:1] in _QUOTES for t in texts])
    put(
        "quoted_share",
        [_quoted_chars(t) / len(t) if q else 0.0 for t, q in zip(texts, quoted, strict=True)],
    )
    put("cased", cased)
    if cased:
        put("capitalised_share", [_capitalised_share(t) for t in texts])
    put("attribution", [not language.attribution_verbs.isdisjoint(w) for w in features.words])
    put("leans_back", [bool(w) and w[0] in language.leaning_words for w in features.words])
    put("is_question", [t.rstrip(_QUOTES + " ')").endswith("?") for t in texts])
    put("open_ending", [t.rstrip(_QUOTES + " ')")[-1:] not in ".!?" for t in texts])
    put("novelty", novelty)
    return rows


def _quoted_chars(text: str) -> int:
    """Characters inside quotation marks, quotes included, in one left-to-right pass.

    A quote runs from an opening mark to the next closing one; once no closing mark is
    left, no later quote can close either, so the scan stops (linear on any text).
    """
    total = pos = 0
    while (opening := _OPENING_QUOTE.search(text, pos)) is not None:
        closing = _CLOSING_QUOTE.search(text, opening.end())
        if closing is None:
            break
        total += closing.end() - opening.start()
        pos = closing.end()
    return total


def _capitalised_share(text: str) -> float:
    """Share of words after the first that start with a capital: names, places, bodies."""
    later = len(text.split()) - 1
    return len(_CAPITALISED.findall(text)) / later if later > 0 else 0.0
