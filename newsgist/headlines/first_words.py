"""First-words: the first N words of the first sentence. The baseline headlines must beat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgist.models import Headline
from newsgist.registry import headlines

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from newsgist.document import Document


@headlines.register("first-words")
class FirstWordsHeadliner:
    """Cuts the first sentence to the word budget, whatever it says."""

    def write(self, document: Document, scores: npt.NDArray[np.float64], *, words: int) -> Headline:
        """Return the first ``words`` words of the first sentence."""
        first = document.sentences[0]
        return Headline.from_sentence(first, " ".join(first.text.split()[:words]))
