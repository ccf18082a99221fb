r"""ROUGE-1, ROUGE-2 and ROUGE-Lsum through Google's ``rouge-score``, the CNN/DailyMail protocol.

Lin (2004), "ROUGE: A Package for Automatic Evaluation of Summaries". English scores use
rouge-score's default tokenizer with the Porter stemmer on (as ROUGE-1.5.5 ``-m``); ROUGE-Lsum
is summary-level LCS over newline-separated sentences, which is what papers report as
"ROUGE-L" on CNN/DailyMail. Equivalent to ``rouge_scorer.RougeScorer(["rouge1", "rouge2",
"rougeLsum"], use_stemmer=True).score("\n".join(target), "\n".join(prediction))``.

rouge-score's tokenizer keeps only ``a-z`` and digits, so a Russian or Greek summary would
score 0 and accented words would be split. Every other language is scored as XL-Sum's
multilingual ROUGE does it: words are runs of Unicode letters or digits, each CJK character
is a word, and words are stemmed with the language's Snowball stemmer when newsgist has one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from newsgist.errors import MissingDependencyError
from newsgist.features import stem
from newsgist.lang import Language, lookup

if TYPE_CHECKING:
    import numpy.typing as npt

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
"""The reported ROUGE variants, in report order."""
MEASURES = ("precision", "recall", "f1")
"""The measures of each variant, in array order."""


_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"


@cache
def _word() -> re.Pattern[str]:
    """Return the word pattern: a CJK character, or letters and digits with their marks.

    Python's word class leaves out combining marks, which would cut "हिन्दी" or vowelled
    Arabic into pieces; the marks are gathered from the Unicode database once.
    """
    marks = "".join(
        re.escape(chr(point))
        for point in range(0x300, 0x10000)
        if unicodedata.category(chr(point)).startswith("M")
    )
    return re.compile(rf"[{_CJK}]|(?:[^\W_{_CJK}]|[{marks}])+")


class UnicodeTokenizer:
    """Words in any script, lower-cased and stemmed in one language (rouge-score's interface)."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def tokenize(self, text: str) -> list[str]:
        """Split ``text`` into stemmed words: letter or digit runs, and single CJK characters."""
        lowered = self.language.lower(text)
        return stem(_word().findall(lowered), language=self.language)


class Rouge:
    """Scores predicted highlight sentences against target (reference) sentences.

    ``language`` (a BCP 47 tag) chooses the tokenizer: rouge-score's own for English (and
    when none is given), ``UnicodeTokenizer`` with the language's stemmer for any other.
    """

    def __init__(self, language: str | None = None) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError as error:
            raise MissingDependencyError("ROUGE scoring", "eval", error.name) from None
        resources = lookup(language)
        if resources.code == "en":
            self._scorer: Any = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
        else:
            tokenizer = UnicodeTokenizer(resources)
            self._scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=tokenizer)

    def score(self, target: Sequence[str], prediction: Sequence[str]) -> npt.NDArray[np.float64]:
        """Return a (variant, measure) array: rows ``ROUGE_TYPES``, columns ``MEASURES``."""
        result = self._scorer.score("\n".join(target), "\n".join(prediction))
        return np.array(
            [[result[t].precision, result[t].recall, result[t].fmeasure] for t in ROUGE_TYPES],
            dtype=np.float64,
        )
