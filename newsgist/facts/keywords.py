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
from newsgist.features import stem
from newsgist.models import Entity

TOP = 10
"""Keywords reported."""

NAME_WEIGHT = 1.5
"""A name's mention counts this much more than a word's use: names are what news is about."""

_MIN_LETTERS = 3
_EDGE = ".,;:!?\"'“”‘’()[]"


def keywords(document: Document, entities: Sequence[Entity]) -> tuple[tuple[str, float], ...]:
    """Return the story's ``TOP`` keywords with their scores, best first."""
    features = document.features
    scored: dict[str, float] = {}
    if len(features) and features.columns:
        counts = features.counts
        present = counts > 0
        total = counts.sum(axis=0)
        spread = present.sum(axis=0) / len(features)
        first = np.argmax(present, axis=0)
        scores = total * (1.0 + spread) / (1.0 + 0.1 * first)
        named = {token.lower() for entity in entities for token in entity.name.split()}
        stems: dict[int, dict[str, str]] = {}
        for column in np.argsort(-scores, kind="stable")[: 2 * TOP].tolist():
            row = int(first[column])
            if row not in stems:
                stems[row] = _surfaces(features.tokens[row], document)
            word = stems[row].get(features.columns[column])
            if word is not None and word not in named:
                scored[word] = float(scores[column])
            if len(scored) == TOP:
                break
    for entity in entities:
        scored[entity.name] = NAME_WEIGHT * len(entity.spans)
    best = sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    top = best[0][1] if best else 1.0
    return tuple((term, round(score / top, 3)) for term, score in best)


def _surfaces(tokens: Sequence[str], document: Document) -> dict[str, str]:
    """Map each term of a sentence to the word it was first written as there."""
    words = (token.strip(_EDGE) for token in tokens)
    candidates = [w for w in words if len(w) >= _MIN_LETTERS and w[0].isalpha()]
    found: dict[str, str] = {}
    for word, term in zip(candidates, stem(candidates, language=document.language), strict=True):
        found.setdefault(term, word)
    return found
