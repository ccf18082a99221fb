"""Choosing highlights from sentence scores, shared by every method.

A method says how good each sentence is; this module alone decides how many are taken and
returns them in document order, so every method obeys the same options in the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsgist.errors import InvalidOptionError

if TYPE_CHECKING:
    import numpy.typing as npt

MAX_SENTENCES = 50
"""Upper bound on ``sentences``: highlights, not the article again."""


@dataclass(frozen=True, slots=True)
class SelectOptions:
    """How many highlights to take; validated at construction, then immutable."""

    sentences: int = 3

    def __post_init__(self) -> None:
        if isinstance(self.sentences, bool) or not isinstance(self.sentences, int):
            raise InvalidOptionError(f"sentences must be an integer, not {self.sentences!r}")
        if not 1 <= self.sentences <= MAX_SENTENCES:
            raise InvalidOptionError(
                f"sentences must be between 1 and {MAX_SENTENCES}, not {self.sentences}"
            )


def top_k_in_order(scores: npt.NDArray[np.float64], k: int) -> list[int]:
    """Return the indices of the ``k`` best scores (earlier wins ties) in document order."""
    if k <= 0 or scores.size == 0:
        return []
    if not np.all(np.isfinite(scores)):
        raise ValueError("scores must be finite")
    positions = np.arange(scores.size)
    best = np.lexsort((positions, -scores))[:k]
    return sorted(int(i) for i in best)


def select(scores: npt.NDArray[np.float64], options: SelectOptions) -> list[int]:
    """Pick the sentences to highlight under ``options``, in document order."""
    return top_k_in_order(scores, options.sentences)
