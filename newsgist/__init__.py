"""newsgist: a headline and traceable bullet highlights for any news article, offline.

>>> import newsgist
>>> summary = newsgist.summarize(open("story.txt").read(), sentences=3)  # doctest: +SKIP
>>> [h.text for h in summary.highlights]  # doctest: +SKIP
>>> page = newsgist.load_url("https://news.example/story")  # doctest: +SKIP
>>> newsgist.summarize(page).headline  # doctest: +SKIP

Importing this package is cheap: numpy and the methods load on the first ``summarize``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from newsgist import headlines, methods
from newsgist.__version__ import __version__
from newsgist.errors import NewsgistError
from newsgist.ingest import load
from newsgist.models import (
    Article,
    ArticleMeta,
    Headline,
    Highlight,
    Sentence,
    Summary,
)
from newsgist.segment import segment

if TYPE_CHECKING:
    from newsgist.compress.shorten import shorten
    from newsgist.document import Document
    from newsgist.feed import FeedJob, run_feed, summarize_feed
    from newsgist.ingest.fetch import FetchOptions, load_url
    from newsgist.methods.base import Summarizer
    from newsgist.options import SummarizeOptions
    from newsgist.pipeline import make_pipeline, summarize
    from newsgist.select import SelectOptions

__all__ = [
    "Article",
    "ArticleMeta",
    "Document",
    "FeedJob",
    "FetchOptions",
    "Headline",
    "Highlight",
    "NewsgistError",
    "SelectOptions",
    "Sentence",
    "SummarizeOptions",
    "Summarizer",
    "Summary",
    "__version__",
    "headlines",
    "load",
    "load_url",
    "make_pipeline",
    "methods",
    "run_feed",
    "segment",
    "shorten",
    "summarize",
    "summarize_feed",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


_LAZY = {
    "Document": "newsgist.document",
    "summarize": "newsgist.pipeline",
    "make_pipeline": "newsgist.pipeline",
    "SummarizeOptions": "newsgist.options",
    "SelectOptions": "newsgist.select",
    "Summarizer": "newsgist.methods.base",
    "load_url": "newsgist.ingest.fetch",
    "FetchOptions": "newsgist.ingest.fetch",
    "shorten": "newsgist.compress.shorten",
    "FeedJob": "newsgist.feed",
    "run_feed": "newsgist.feed",
    "summarize_feed": "newsgist.feed",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - module attributes of several types
    """Load the pipeline, the method protocol and fetching on first use, keeping import cheap."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsgist' has no attribute {name!r}")
