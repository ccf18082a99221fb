"""Keywords: the words and names a story is about, scored by its own statistics.

A YAKE-style scorer written for newsgist (yake itself is LGPL), on the document's shared
features (``newsgist.features``: stemmed content terms, stop words left out, computed once
for every stage): a term scores by how often it occurs, how many of the story's sentences
it reaches and how early it first comes; a person, organisation or place scores by its
mentions, as one keyword. A term is shown as the word it was first written as; words of
names are left to the names. Scores are scaled so the best keyword has 1.0.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsgist.document import Document
from newsgist.models import Entity

TOP = 10
"""Keywords reported."""

NAME_WEIGHT = 1.5
"""A name's mention counts this much more than a word's use: names are what news is about."""

_MIN_LETTERS = 3


def keywords(document: Document, entities: Sequence[Entity]) -> tuple[tuple[str, float], ...]:
    """Return the story's ``TOP`` keywords with their scores, best first."""
    features = document.features
    scored: dict[str, float] = {}
    if len(features.first_sentence):  # per term: uses, share of sentences, first sentence
        spread = features.sentence_frequency / len(features)
        scores = features.term_totals * (1.0 + spread) / (1.0 + 0.1 * features.first_sentence)
        named = {token.lower() for entity in entities for token in entity.name.split()}
        leading = np.argsort(-scores, kind="stable")[: 2 * TOP].tolist()
        for column, word in zip(leading, features.first_written(leading), strict=True):
            if len(word) >= _MIN_LETTERS and word[0].isalpha() and word not in named:
                scored.setdefault(word, float(scores[column]))
            if len(scored) == TOP:
                break
    for entity in entities:
        scored[entity.name] = NAME_WEIGHT * len(entity.spans)
    best = sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    top = best[0][1] if best else 1.0
    return tuple((term, round(score / top, 3)) for term, score in best)
