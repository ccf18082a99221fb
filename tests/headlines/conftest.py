"""Fixtures for headline tests: written stories, and the faithfulness check."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from newsgist.evaluate import read_records
from tests.conftest import DATA, ROOT

_NUMBERS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "forty": "40",
}  # fmt: skip
_WORD = re.compile(r"[\w£$€%.,'’:-]+")


def words_of(text: str) -> set[str]:
    """Lower-cased words with outer punctuation off, number words as digits."""
    found = set()
    for token in _WORD.findall(text.lower()):
        word = token.strip(".,:;'’\"-")
        found.add(_NUMBERS.get(word, word))
    return found


def unfaithful_words(headline: str, article: str) -> set[str]:
    """Words of the headline that the article does not have (up to case and numerals)."""
    return words_of(headline) - words_of(article)


def fixture_articles() -> Iterator[str]:
    """Every written article the tests have: the example page, eval records, stories here."""
    from tests.headlines.stories import EDGE_CASES, STORIES

    yield (ROOT / "examples" / "article-page.txt").read_text(encoding="utf-8")
    records, _ = read_records(DATA / "eval_records.jsonl")
    yield from (r.article for r in records if any(c.isalnum() for c in r.article))  # one has none
    yield from (article for article, _ in STORIES.values())
    yield from EDGE_CASES.values()


@pytest.fixture(params=list(fixture_articles()), ids=lambda a: a[:30])
def any_article(request: pytest.FixtureRequest) -> str:
    """Each written article in turn."""
    return str(request.param)
