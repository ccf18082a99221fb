"""LexRank: Erkan & Radev (2004), "LexRank: Graph-based Lexical Centrality as Salience".

Sentences are nodes; edges are the cosine similarity of their TF-IDF vectors. Continuous
LexRank (the default) weights each edge by its cosine; with a ``threshold`` t, an edge exists
where the cosine exceeds t and all edges weigh the same (the paper's best t was 0.1). Scores
are PageRank. IDF is computed over the article's own sentences (the paper used a background
corpus), from newsgist's shared features.

Defaults: ``threshold=None`` (continuous), ``damping=0.85``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsgist.errors import InvalidOptionError
from newsgist.methods.base import MethodOption, pad
from newsgist.methods.graph import DAMPING, check_damping, pagerank
from newsgist.registry import methods

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document


@methods.register("lexrank")
class LexRankSummarizer:
    """Scores sentences by PageRank over TF-IDF cosine similarity."""

    options = (
        MethodOption(
            "threshold",
            float,
            None,
            "Cosine above which two sentences are linked (none: continuous weights).",
            0.0,
            1.0,
            high_open=True,
            nullable=True,
        ),
        DAMPING,
    )

    def __init__(self, *, threshold: float | None = None, damping: float = 0.85) -> None:
        if threshold is not None and not 0.0 <= threshold < 1.0:
            raise InvalidOptionError(f"threshold must be in [0, 1), not {threshold}")
        self.threshold = threshold
        self.damping = check_damping(damping)

    def score(self, document: Document) -> npt.NDArray[np.float64]:
        """Return each sentence's LexRank."""
        weights = document.features.cosine
        if self.threshold is not None:
            weights = (weights > self.threshold).astype(np.float64)
        return pad(pagerank(weights, damping=self.damping), len(document.sentences))
