"""The headline stage: what goes above the highlights.

Until a headline generator is chosen, the page's own title is used when the article has
one, else the first highlight, and ``Summary.headline_origin`` says which.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgist.models import Article, HeadlineOrigin, Highlight


def headline_for(article: Article, highlights: Sequence[Highlight]) -> tuple[str, HeadlineOrigin]:
    """Return the headline text and where it came from."""
    if article.title:
        return article.title, "title"
    if highlights:
        return highlights[0].text, "first-highlight"
    return "", "first-highlight"
