"""Shared fixtures: the example page, small written stories, and a clean method registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgist.registry import methods

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def example_page() -> str:
    """The repository's example page: a made-up story in the scraped-page format."""
    return (ROOT / "examples" / "article-page.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    """Undo any registration a test makes, so tests cannot leak methods into each other."""
    methods.names()
    saved = dict(methods._entries)
    yield
    methods._entries.clear()
    methods._entries.update(saved)
