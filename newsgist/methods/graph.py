"""Weighted PageRank over a sentence graph, shared by the graph-based methods.

Brin & Page (1998). Self-loops are ignored (a sentence does not vote for itself), and a row
with no other edges jumps uniformly (dangling node). Sentence graphs are
small (features cap them at a few hundred nodes), so the stationary vector is found exactly
by solving ``(I - d Pᵀ) x = (1 - d) / n`` rather than by power iteration: the same fixed
point, without a tolerance, and several times faster at these sizes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsgist.errors import InvalidOptionError
from newsgist.methods.base import MethodOption

if TYPE_CHECKING:
    import numpy.typing as npt


DAMPING = MethodOption(
    "damping", float, 0.85, "PageRank damping: the chance of following an edge.", 0.0, 1.0
)
"""The damping option every graph method declares."""


def check_damping(damping: float) -> float:
    """Validate a damping factor: strictly between 0 and 1."""
    if not 0.0 < damping < 1.0:
        raise InvalidOptionError(f"damping must be between 0 and 1 (exclusive), not {damping}")
    return damping


def pagerank(weights: npt.NDArray[np.float64], *, damping: float) -> npt.NDArray[np.float64]:
    """Return the stationary PageRank score of each node of a weighted graph (sums to 1)."""
    n = len(weights)
    if n == 0:
        return np.zeros(0)
    sums = weights.sum(axis=1) - weights.diagonal()
    dangling = sums <= 0
    sums[dangling] = np.inf
    system = np.divide(weights.T, sums, order="C")  # the transition matrix, transposed
    system *= -damping
    diagonal = system.reshape(-1)[:: n + 1]  # a view: no self-loops, so 1 - 0
    diagonal[:] = 1.0
    if dangling.any():  # a dangling row jumps anywhere, itself included
        jump = 1.0 / n * -damping
        system[:, dangling] = jump
        diagonal[dangling] = jump + 1.0
    scores: npt.NDArray[np.float64] = np.linalg.solve(system, np.full(n, (1.0 - damping) / n))
    return scores
