"""Direct quotations and who said them.

A quotation is the words between a pair of quotation marks (``“…”``, ``"…"``, ``«…»``) of
two words or more, within one paragraph. Its speaker comes from the attribution beside it:
after it (``…," said Mayor Irene Castellano``, ``…," Krell told reporters``, ``…," she
said``) or before it (``Krell said: "…"``, ``According to Krell, "…"``). A name becomes the
person's canonical name (a surname: the full name); a pronoun, the person named last before
the quotation; a role ("a police spokeswoman") stays as written. A quotation with no
attribution that opens the sentence right after another keeps that one's speaker: the quote
goes on. A fragment quoted inside a sentence ("he called it "a disgrace"") is ``partial``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from newsgist.facts.entities import CAPITAL
from newsgist.lang import FactWords
from newsgist.models import Entity, Quote, Sentence

_PAIRS = re.compile(r"“([^“”\n]{3,3000})”|\"([^\"\n]{3,3000})\"|«\s?([^«»\n]{3,3000}?)\s?»")
_WHO = rf"(?:(?:the|a|an|another)\s+)?(?:[a-z][\w.-]*\s+){{0,3}}?{CAPITAL}(?:\s+{CAPITAL}){{0,4}}"
"""Who an attribution names: a name, with the role words before it ("union secretary
Nadia Holm", "the U.N. special envoy Mattias Krell")."""
_ROLE = r"(?:the|a|an|another|one)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*"
_TAIL_CHARS = 120
_HEAD_CHARS = 160
_NEXT_QUOTE_CHARS = 400
"""A quotation with no attribution this close after another continues it."""


@dataclass(frozen=True, slots=True)
class _Patterns:
    """One language's attribution patterns, compiled once."""

    after_name: re.Pattern[str]
    """``…," said Mayor Irene Castellano``: the verb, then who."""
    name_after: re.Pattern[str]
    """``…," Krell told reporters`` / ``…," she said``: who, then the verb."""
    name_before: re.Pattern[str]
    """``Krell said: "…"`` and reported speech before a fragment: who said, last in the head
    ("Its chairman, Douglas Finch, said the offer was "…""). Who starts at a word: a search
    that may start inside one tries every letter and backtracks through the role words."""
    according: re.Pattern[str]
    """``According to Krell, "…"``."""


@cache
def _patterns(words: FactWords) -> _Patterns:
    """Compile the attribution patterns for one language's word tables."""
    verbs = "|".join(sorted(words.speech_verbs, key=len, reverse=True))
    pronouns = "|".join(words.pronouns)
    who = rf"(?P<who>{_WHO}|{_ROLE}|(?i:{pronouns}))"
    return _Patterns(
        after_name=re.compile(rf"^\W{{0,3}}\s*(?:{verbs})\s+(?P<who>{_WHO}|{_ROLE})"),
        name_after=re.compile(rf"^\W{{0,3}}\s*{who}\s+(?:\w+\s+)?(?:{verbs})\b"),
        name_before=re.compile(rf"\b{who},?\s+(?:\w+\s+){{0,2}}?(?:{verbs})\b(?P<rest>[^.!?]*)$"),
        according=re.compile(rf"[Aa]ccording to (?P<who>{_WHO}|{_ROLE}),?\s*$"),
    )


def quotes(
    body: str,
    sentences: Sequence[Sentence],
    named: Sequence[Entity],
    canonical: Mapping[str, str],
    words: FactWords | None,
    stop_words: frozenset[str],
) -> list[Quote]:
    """Find the body's quotations with their speakers."""
    if words is None:
        return [_bare(match) for match in _PAIRS.finditer(body) if _long_enough(match)]
    patterns = _patterns(words)
    people = sorted((span[0], e.name) for e in named if e.kind == "person" for span in e.spans)
    people_at = [start for start, _ in people]
    starts = [s.start for s in sentences]
    result: list[Quote] = []
    last_end, last_speaker = -1, None
    for match in _PAIRS.finditer(body):
        if not _long_enough(match):
            continue
        inner, span = _quoted(match)
        sentence_start = starts[max(bisect.bisect_right(starts, match.start()) - 1, 0)]
        head = body[max(sentence_start, match.start() - _HEAD_CHARS) : match.start()]
        tail = body[match.end() : match.end() + _TAIL_CHARS].split("\n", 1)[0]
        if inner.rstrip()[-1:] in ".!?" and tail[:1] not in (",", ")"):
            tail = ""  # the quotation ends its sentence: what follows is the next one
        who, where = None, None
        found_after = patterns.after_name.match(tail) or patterns.name_after.match(tail)
        opens = not head.strip() or head.rstrip().endswith((":", ","))
        if found_after:
            who = found_after["who"]
            where = (match.end() + found_after.start("who"), match.end() + found_after.end("who"))
        elif head.strip() and _attributes(head, words):
            before = patterns.according.search(head) or patterns.name_before.search(head)
            if before:
                who = before["who"]
                offset = match.start() - len(head)
                where = (offset + before.start("who"), offset + before.end("who"))
        partial = not opens or inner[:1].islower()
        speaker = _speaker(who, match.start(), people, people_at, canonical, words, stop_words)
        if (
            speaker is None
            and not head.strip()
            and 0 <= match.start() - last_end < _NEXT_QUOTE_CHARS
        ):
            speaker = last_speaker  # the quotation goes on
        result.append(Quote(" ".join(inner.split()), span, speaker, where, partial))
        last_end, last_speaker = match.end(), speaker
    return result


_APART = str.maketrans(",:;", "   ")


def _attributes(head: str, words: FactWords) -> bool:
    """Whether text before a quotation has a speech verb at all (before any pattern runs)."""
    return not words.speech_verbs.isdisjoint(head.lower().translate(_APART).split())


def _long_enough(match: re.Match[str]) -> bool:
    """Whether quoted words are speech, not a term in quotes: two words or more."""
    return len(match.group(match.lastindex or 1).split()) >= 2


def _quoted(match: re.Match[str]) -> tuple[str, tuple[int, int]]:
    """Return the quoted words (a trailing comma left out) and their span in the body."""
    inner = match.group(match.lastindex or 1).rstrip().rstrip(",")
    start = match.start(match.lastindex or 1)
    return inner, (start, start + len(inner))


def _bare(match: re.Match[str]) -> Quote:
    """Make a quotation with no speaker (a language without attribution tables)."""
    inner, span = _quoted(match)
    return Quote(" ".join(inner.split()), span)


def _speaker(
    who: str | None,
    position: int,
    people: Sequence[tuple[int, str]],
    people_at: Sequence[int],
    canonical: Mapping[str, str],
    words: FactWords,
    stop_words: frozenset[str],
) -> str | None:
    """Resolve an attribution to a canonical name, the last person for a pronoun, or a role."""
    if who is None:
        return None
    if who.lower() in words.pronouns:
        index = bisect.bisect_left(people_at, position) - 1
        return people[index][1] if index >= 0 else None
    tokens = [t for t in who.split() if t not in words.titles]
    capital = next((i for i, t in enumerate(tokens) if t[:1].isupper()), None)
    if capital is None:
        return who  # a role as written: "a police spokeswoman"
    name = " ".join(tokens[capital:]).rstrip(".,")
    if name.split()[0].lower() in stop_words:
        return None  # "The club said": no one named
    return canonical.get(name, canonical.get(tokens[-1].rstrip(".,"), name))
