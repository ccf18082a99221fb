r"""ROUGE-1, ROUGE-2 and ROUGE-Lsum through Google's ``rouge-score``, the CNN/DailyMail protocol.

Lin (2004), "ROUGE: A Package for Automatic Evaluation of Summaries". Scores use rouge-score's
default tokenizer with the Porter stemmer on (as ROUGE-1.5.5 ``-m``); ROUGE-Lsum is
summary-level LCS over newline-separated sentences, which is what papers report as "ROUGE-L"
on CNN/DailyMail. Equivalent to ``rouge_scorer.RougeScorer(["rouge1", "rouge2",
"rougeLsum"], use_stemmer=True).score("\n".join(target), "\n".join(prediction))``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newsgist.errors import MissingDependencyError

if TYPE_CHECKING:
    import numpy.typing as npt

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
"""The reported ROUGE variants, in report order."""
MEASURES = ("precision", "recall", "f1")
"""The measures of each variant, in array order."""


class Rouge:
    """Scores predicted highlight sentences against target (reference) sentences."""

    def __init__(self) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError as error:
            raise MissingDependencyError("ROUGE scoring", "eval", error.name) from None
        self._scorer: Any = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def score(self, target: Sequence[str], prediction: Sequence[str]) -> npt.NDArray[np.float64]:
        """Return a (variant, measure) array: rows ``ROUGE_TYPES``, columns ``MEASURES``."""
        result = self._scorer.score("\n".join(target), "\n".join(prediction))
        return np.array(
            [[result[t].precision, result[t].recall, result[t].fmeasure] for t in ROUGE_TYPES],
            dtype=np.float64,
        )
