"""The per-article working set every method reads: an article, its sentences, their features.

Kept apart from the value types of ``newsgist.models`` (which flow out to every surface):
a ``Document`` lives for one summary and computes the shared ``Features`` once, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from newsgist.features import Features
from newsgist.lang import Language, lookup
from newsgist.models import Article, Sentence


@dataclass(frozen=True)
class Document:
    """An article with its sentences: what every summarization method reads.

    ``features`` (tokens, stems, TF-IDF, similarity) is computed on first use and then shared
    by every method and by selection, so no stage computes it twice. ``language`` holds the
    resources for ``article.language`` that every stage reads.
    """

    article: Article
    sentences: tuple[Sentence, ...]

    @cached_property
    def language(self) -> Language:
        """The resources for the article's language (``newsgist.lang.lookup``)."""
        return lookup(self.article.language)

    @cached_property
    def features(self) -> Features:
        """The shared text features of the sentences."""
        return Features.of(self.sentences, language=self.language)
