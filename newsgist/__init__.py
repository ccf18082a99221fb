"""newsgist: a headline and traceable bullet highlights for any news article, offline.

>>> import newsgist
>>> summary = newsgist.summarize(open("story.txt").read(), sentences=3)  # doctest: +SKIP
>>> [h.text for h in summary.highlights]  # doctest: +SKIP

Importing this package is cheap: numpy and the methods load on the first ``summarize``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from newsgist import headlines, methods
from newsgist.__version__ import __version__
from newsgist.errors import NewsgistError
from newsgist.models import (
    Article,
    ArticleMeta,
    Document,
    Headline,
    Highlight,
    Sentence,
    Summary,
)
from newsgist.segment import segment

if TYPE_CHECKING:
    from newsgist.methods.base import Summarizer
    from newsgist.pipeline import summarize

__all__ = [
    "Article",
    "ArticleMeta",
    "Document",
    "Headline",
    "Highlight",
    "NewsgistError",
    "Sentence",
    "Summarizer",
    "Summary",
    "__version__",
    "headlines",
    "methods",
    "segment",
    "summarize",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:  # noqa: ANN401 - module attributes of several types
    """Load the pipeline and the method protocol on first use, keeping import cheap."""
    if name == "summarize":
        from newsgist.pipeline import summarize

        return summarize
    if name == "Summarizer":
        from newsgist.methods.base import Summarizer

        return Summarizer
    raise AttributeError(f"module 'newsgist' has no attribute {name!r}")
