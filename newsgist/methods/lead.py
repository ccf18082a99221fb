"""Lead-k: the first k sentences. The baseline every news summarizer must beat.

On news, Lead-3 beats almost every unsupervised method (See et al. 2017 report 40.3 ROUGE-1
on CNN/DailyMail). No parameters: ``k`` is the shared ``sentences`` option.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsgist.registry import methods

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document


@methods.register("lead")
class LeadSummarizer:
    """Scores sentences by position: earlier is better."""

    def score(self, document: Document) -> npt.NDArray[np.float64]:
        """Return ``-index`` for each sentence."""
        return -np.arange(len(document.sentences), dtype=np.float64)
