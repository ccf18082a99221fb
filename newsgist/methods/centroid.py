"""Centroid scoring: Radev, Jing, Styś & Tam (2004), the MEAD centroid feature.

"Centroid-based summarization of multiple documents", Information Processing & Management.

The centroid is the mean TF-IDF vector of the article's sentences. Terms whose centroid
weight is below ``topic`` times the largest are dropped, which leaves the "centroid words"
that say what the article is about. A sentence scores the sum of the centroid weights of its
distinct terms, as in MEAD.

Defaults: ``topic=0.1``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsgist.errors import InvalidOptionError
from newsgist.methods.base import MethodOption, pad
from newsgist.registry import methods

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document


@methods.register("centroid")
class CentroidSummarizer:
    """Scores sentences by how many of the article's centroid words they carry."""

    options = (
        MethodOption(
            "topic",
            float,
            0.1,
            "Share of the top centroid weight below which terms drop.",
            0.0,
            1.0,
            high_open=True,
        ),
    )

    def __init__(self, *, topic: float = 0.1) -> None:
        if not 0.0 <= topic < 1.0:
            raise InvalidOptionError(f"topic must be in [0, 1), not {topic}")
        self.topic = topic

    def score(self, document: Document) -> npt.NDArray[np.float64]:
        """Return each sentence's sum of centroid weights."""
        features = document.features
        if not len(features):
            return pad(np.zeros(0), len(document.sentences))
        centroid = (features.counts * features.idf).mean(axis=0)
        centroid[centroid < self.topic * centroid.max()] = 0.0
        scores: npt.NDArray[np.float64] = features.presence @ centroid
        return pad(scores, len(document.sentences))
