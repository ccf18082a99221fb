"""TextRank sentence extraction: Mihalcea & Tarau (2004), "TextRank: Bringing Order into Texts".

Sentences are nodes; the edge between two sentences weighs their shared content terms,
normalised by length as in the paper's eq. 5: ``|Si ∩ Sj| / (log |Si| + log |Sj|)``. Terms
are newsgist's shared stemmed content terms (stop words out), where the paper used raw
words. Scores are weighted PageRank.

Defaults: ``damping=0.85`` (the paper's d).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsgist.methods.base import pad
from newsgist.methods.graph import DAMPING, check_damping, pagerank
from newsgist.registry import methods

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document


@methods.register("textrank")
class TextRankSummarizer:
    """Scores sentences by PageRank over term-overlap similarity."""

    options = (DAMPING,)

    def __init__(self, *, damping: float = 0.85) -> None:
        self.damping = check_damping(damping)

    def score(self, document: Document) -> npt.NDArray[np.float64]:
        """Return each sentence's TextRank."""
        features = document.features
        overlap = features.presence @ features.presence.T
        sizes = np.log(np.maximum(features.term_counts, 1.0))
        norm = np.add.outer(sizes, sizes)
        norm[norm == 0] = np.inf  # two one-term sentences: no defined weight, so no edge
        overlap /= norm
        return pad(pagerank(overlap, damping=self.damping), len(document.sentences))
