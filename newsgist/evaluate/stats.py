"""Seeded bootstrap statistics: confidence intervals and the paired test between systems.

Efron & Tibshirani (1993) percentile intervals; the paired bootstrap test of Koehn (2004),
"Statistical Significance Tests for Machine Translation Evaluation", as used for ROUGE by
Berg-Kirkpatrick et al. (2012). Both resample articles with replacement, with an explicit
seed so every report can be reproduced exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsgist.errors import InvalidOptionError

if TYPE_CHECKING:
    import numpy.typing as npt

ALPHA = 0.05
"""Two-sided significance level; intervals are 1 - ALPHA = 95%."""


@dataclass(frozen=True, slots=True)
class Interval:
    """A mean with its bootstrap confidence interval."""

    mean: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """A paired comparison of one system against the baseline on one figure."""

    difference: float
    p_value: float

    @property
    def significant(self) -> bool:
        """Whether the difference is significant at ``ALPHA``."""
        return self.p_value < ALPHA


def resample_indices(n: int, *, samples: int, seed: int) -> npt.NDArray[np.intp]:
    """Draw ``samples`` bootstrap resamples of ``n`` items, seeded."""
    if samples < 1:
        raise InvalidOptionError(f"bootstrap samples must be positive, not {samples}")
    if n < 1:
        raise InvalidOptionError("cannot bootstrap an empty sample")
    return np.random.default_rng(seed).integers(0, n, size=(samples, n))


def interval(values: npt.NDArray[np.float64], indices: npt.NDArray[np.intp]) -> Interval:
    """Return the mean of ``values`` and its percentile bootstrap interval over ``indices``."""
    means = values[indices].mean(axis=1)
    low, high = np.quantile(means, [ALPHA / 2, 1 - ALPHA / 2])
    return Interval(float(values.mean()), float(low), float(high))


def paired_test(
    system: npt.NDArray[np.float64],
    baseline: npt.NDArray[np.float64],
    indices: npt.NDArray[np.intp],
) -> Comparison:
    """Compare per-article scores of a system and the baseline on the same articles.

    The two-sided p-value is twice the share of resamples whose mean difference falls on the
    other side of zero from the observed one (capped at 1).
    """
    differences = system - baseline
    observed = float(differences.mean())
    if not np.any(differences):
        return Comparison(0.0, 1.0)
    means = differences[indices].mean(axis=1)
    against = np.mean(means <= 0) if observed > 0 else np.mean(means >= 0)
    return Comparison(observed, float(min(1.0, 2 * against)))
