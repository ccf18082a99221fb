"""Shared fixtures: the example page, and clean plugin registries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgist.registry import headlines, methods

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def example_page() -> str:
    """The repository's example page: a made-up story in the scraped-page format."""
    return (ROOT / "examples" / "article-page.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    """Undo any registration a test makes, so tests cannot leak plugins into each other."""
    saved_methods = dict(methods._entries) if methods.names() else {}
    saved_headlines = dict(headlines._entries) if headlines.names() else {}
    yield
    methods._entries.clear()
    methods._entries.update(saved_methods)
    headlines._entries.clear()
    headlines._entries.update(saved_headlines)
