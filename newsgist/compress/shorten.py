"""``newsgist.shorten``: one sentence, shortened as a bullet or as a headline, traced to it.

A bullet (default) keeps what the deletion model does not expect an editor to cut
(``newsgist.compress.model``); a headline goes through the headline rules
(``newsgist.headlines.compress``: articles and auxiliaries dropped, number words as digits),
and its words are traced back to the sentence in order. Either way every word of the result is
a word of the sentence, and ``spans`` say which.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsgist.compress.deletions import WORD_EDGE
from newsgist.compress.model import MIN_WORDS, Compressed, compress_sentence
from newsgist.errors import InvalidInputError, InvalidOptionError
from newsgist.headlines.base import DEFAULT_HEADLINE_WORDS
from newsgist.headlines.compress import compress
from newsgist.lang import check_tag, language_of, lookup
from newsgist.segment import is_cased

MAX_SENTENCE_CHARS = 2_000
"""Longest sentence taken: past this it is a paragraph, or text without stops."""
_WORD = re.compile(r"\S+")


def shorten(
    text: str, *, words: int | None = None, headline: bool = False, language: str | None = None
) -> Compressed:
    """Shorten one sentence: a bullet (``words``: at most that many) or a headline.

    ``language`` is a BCP 47 tag (default: detected); without a grammar for it only the word
    budget cuts.

    Raises:
        InvalidInputError: the text is empty or longer than ``MAX_SENTENCE_CHARS``.
        InvalidOptionError: ``words`` below 1 (a bullet: below ``MIN_WORDS``), or a
            malformed language tag.

    """
    if not text.strip():
        raise InvalidInputError("the sentence is empty")
    if len(text) > MAX_SENTENCE_CHARS:
        raise InvalidInputError(
            f"a sentence is at most {MAX_SENTENCE_CHARS:,} characters, not {len(text):,}"
        )
    least = 1 if headline else MIN_WORDS
    if words is not None and words < least:
        kind = "a headline" if headline else "a bullet"
        raise InvalidOptionError(f"{kind} keeps at least {least} words, not {words}")
    if language is not None:
        check_tag(language)
    resources = lookup(language_of(text, override=language))
    if not headline:
        return compress_sentence(text, resources, words=words)
    short = compress(
        text, words=words or DEFAULT_HEADLINE_WORDS, cased=is_cased(text), language=resources
    )
    numbers = resources.headline.number_words if resources.headline else {}
    return Compressed(short, trace(text, short, numbers))


def trace(source: str, short: str, numbers: Mapping[str, str]) -> tuple[tuple[int, int], ...]:
    """Return the spans of ``source`` whose words make ``short``, matched in order.

    Words compare without case and edge marks, a number word equal to its digits.
    """
    tokens = [(m.start(), m.end(), _plain(m.group(), numbers)) for m in _WORD.finditer(source)]
    spans: list[tuple[int, int]] = []
    at = 0
    for word in short.split():
        wanted = _plain(word, numbers)
        for index in range(at, len(tokens)):
            start, end, plain = tokens[index]
            if plain == wanted:
                if spans and index == at and at > 0 and spans[-1][1] == tokens[at - 1][1]:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
                at = index + 1
                break
    return tuple(spans)


def _plain(word: str, numbers: Mapping[str, str]) -> str:
    """Return a word as traced: lower case, no edge marks, number words as digits."""
    plain = word.strip(WORD_EDGE).lower()
    return numbers.get(plain, plain)
