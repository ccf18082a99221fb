"""The contract every summarization method fulfils.

A method only scores sentences: higher means more worth a highlight. Choosing how many and
which (top-k, budgets, redundancy, document order) is done once for all methods in
``newsgist.select``, so no method re-implements it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from newsgist.models import Document


DEFAULT_METHOD = "learned"
"""The method used when none is named: the trained model shipped in the package."""


@runtime_checkable
class Summarizer(Protocol):
    """Scores each sentence of a document.

    ``score(document)`` returns one finite float per sentence of ``document.sentences``, in
    the same order. It must be deterministic and must not keep per-document state, so one
    instance can serve concurrent requests. A method may also set a ``redundancy`` attribute
    (``"none"``, ``"trigram"`` or ``"mmr"``): the redundancy control used when the caller
    leaves ``SelectOptions.redundancy`` unset.
    """

    def score(self, document: Document) -> npt.NDArray[np.float64]:
        """Return one score per sentence; higher is more worth a highlight."""
        ...


def pad(scores: npt.NDArray[np.float64], count: int) -> npt.NDArray[np.float64]:
    """Extend scores over ``count`` sentences: ones past the features' cap rank last, in order."""
    import numpy as np

    missing = count - len(scores)
    if missing <= 0:
        return scores
    floor = float(scores.min()) if len(scores) else 0.0
    return np.concatenate([scores, floor - 1.0 - np.arange(missing, dtype=np.float64)])
