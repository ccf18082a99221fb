"""The contract every headline generator fulfils.

A generator reads the document and the summarization method's sentence scores (so "most
salient" means what the chosen method says) and writes one headline of at most ``words``
words, traced to the sentences it came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from newsgist.document import Document
from newsgist.models import Headline

DEFAULT_HEADLINE = "compress"
"""The generator used when none is named: the most salient sentence, compressed."""
DEFAULT_HEADLINE_WORDS = 12
"""The default headline budget in words."""


@runtime_checkable
class Headliner(Protocol):
    """Writes a headline for a document.

    ``write`` must return a non-empty headline of at most ``words`` words made only of
    words of the article (up to case and number formatting), be deterministic, and keep no
    per-document state.
    """

    def write(self, document: Document, scores: npt.NDArray[np.float64], *, words: int) -> Headline:
        """Return the headline; ``scores`` has one salience score per sentence."""
        ...
