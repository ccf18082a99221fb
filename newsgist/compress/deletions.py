"""The deletions a sentence allows: grammar-safe spans its language's patterns can remove.

Each candidate is one clause or phrase a pattern of ``HeadlineGrammar`` finds (a bracketed or
dashed aside, an attribution, a leading or trailing subordinate clause, an appositive, a time
expression), found on the whole sentence, so candidates may overlap; the model chooses among
them (``newsgist.compress.model``). Deleting whole phrases, never single words, is what keeps
names, numbers with their units and quotations whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from newsgist.lang import HeadlineGrammar

PARENTHESES = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
DASH_PAIR = re.compile(r"\s+(?:--|—|–|-)\s+[^—–]*?\s+(?:--|—|–|-)(?=\s)")
DASH_TAIL = re.compile(r"\s+(?:--|—|–|-)\s+.*$")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?])")
_REPEATED_MARKS = re.compile(r"([,;:])(?:\s*[,;:])+")
DASHES = "-–—"
"""Dashes that set off an aside."""
QUOTATION = re.compile(r"\"[^\"]*\"|“[^”]*”")
"""A quotation: someone's own words, which no deletion reaches into."""
QUOTE_MARKS = '"“”'
"""Marks of quoted speech."""
_MAX_SHARE = 0.6
"""A candidate deleting more than this share of the sentence's words is no compression."""
WORD_EDGE = ",.;:!?\"'“”‘’()[]"
"""Marks stripped from a word's edges to compare it."""


@dataclass(frozen=True, slots=True)
class Deletion:
    """Characters ``start:end`` of a sentence that the pattern ``rule`` can delete."""

    rule: str
    start: int
    end: int

    def overlaps(self, other: Deletion) -> bool:
        """Whether the two share a character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Deletion) -> bool:
        """Whether this deletion takes in all of the other."""
        return self.start <= other.start and other.end <= self.end


def candidates(text: str, grammar: HeadlineGrammar) -> list[Deletion]:
    """Every deletion the grammar's patterns find in the sentence, but those that cannot be.

    Left out: a deletion of more than 60% of the words; one right after a word no phrase ends
    on ("by the end of [next year]"); one reaching into a quotation; an attribution in a
    sentence that quotes someone (whose words they are is the point); an "appositive" that is
    the subject after a leading clause ("According to police[, the man,] who ...").
    """
    words = _words(text)
    quotations = [m.span() for m in QUOTATION.finditer(text)]
    return [
        d
        for d in _found(text, grammar)
        if d.end > d.start
        and _words(text[d.start : d.end]) <= _MAX_SHARE * words
        and not _after_dangling(text, d, grammar)
        and not (quotations and d.rule.startswith(("attribution", "that")))
        and not any(d.start < b and a < d.end for a, b in quotations)
    ]


def _words(text: str) -> int:
    """Count the words of a text: runs with a letter or digit (a lone comma is none)."""
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def _after_dangling(text: str, deletion: Deletion, grammar: HeadlineGrammar) -> bool:
    """Whether the word just before the deletion is one no phrase ends on (``of``, ``the``)."""
    before = text[: deletion.start].split()[-1:]
    return bool(before) and before[0].strip(WORD_EDGE).lower() in grammar.dangling


def _found(text: str, grammar: HeadlineGrammar) -> Iterator[Deletion]:
    """Yield each pattern's matches as deletions (see the module docstring).

    Patterns that need a comma, a bracket or a dash are not tried on a sentence without one.
    """
    comma = "," in text
    dash = any(mark in text for mark in DASHES)
    if "(" in text or "[" in text:
        for match in PARENTHESES.finditer(text):
            yield Deletion("parenthesis", *match.span())
    if dash:
        for match in DASH_PAIR.finditer(text):
            yield Deletion("dash-pair", *match.span())
    body = text.rstrip(" .!")  # the trailing patterns are anchored at the end
    for rule, pattern, needs in (
        ("dash-tail", DASH_TAIL, dash),
        ("attribution-tail", grammar.trailing_attribution, comma),
        ("appositive-tail", grammar.appositive_tail, comma),
        ("subordinate-tail", grammar.subordinate_tail, True),
    ):
        found = pattern.search(body) if needs else None
        if found and (rule != "appositive-tail" or _is_appositive(found.group(), grammar)):
            yield Deletion(rule, found.start(), len(body))
    for match in grammar.inner_attribution.finditer(text) if comma else ():
        yield Deletion("attribution-inner", match.start(), match.end() - 1)  # keep a space
    lead = grammar.leading_attribution.match(text)
    said = lead["rest"].split()[:1] if lead else []
    if lead and said and said[0].lower() not in grammar.pronouns:
        yield Deletion("attribution-lead", 0, lead.start("rest"))
    for match in grammar.reported_that.finditer(text):
        yield Deletion("that", match.end("verb"), match.end() - 1)
    end = leading_clause_end(text, grammar)
    if end > 0:
        yield Deletion("leading-clause", 0, end)
    at = 0 if comma else len(text)
    while (aside := grammar.appositive.search(text, at)) is not None:
        opening = aside.group().lstrip(" ,").split(maxsplit=1)[:1]
        relative = bool(opening) and opening[0].lower() in grammar.relatives
        if end > 0 and aside.start() < end and not relative:  # ", the man," is the subject
            at = aside.start() + 1  # its closing comma may open an aside
            continue
        if _is_appositive(aside.group(), grammar):
            yield Deletion("appositive", aside.start(), aside.end() - 1)
        at = aside.end()
    for match in grammar.time.finditer(text):
        yield Deletion("time", *match.span())


def leading_clause_end(text: str, grammar: HeadlineGrammar) -> int:
    """Return where a leading subordinate clause or connective ends; -1 for none.

    A list inside it is included ("After Leeds, York and Hull, ...").
    """
    clause = grammar.leading_clause.match(text)
    if clause is None:
        return -1
    end = clause.end()
    while grammar.list_goes_on.match(text, end):
        comma = text.find(", ", end)
        if comma < 0:
            return -1
        end = comma + 2
    return end


def _is_appositive(span: str, grammar: HeadlineGrammar) -> bool:
    """Whether a span set off by commas is an aside: a relative clause, or a phrase with no verb.

    ", the president defended his tariffs" is the sentence's main clause, not an appositive.
    """
    words = span.strip(" ,").split()
    return bool(words) and (
        words[0].lower() in grammar.relatives or not has_verb(" ".join(words), grammar)
    )


def kept_spans(text: str, deletions: Iterable[Deletion]) -> tuple[tuple[int, int], ...]:
    """Return the spans left after the deletions: word runs, in order, edges trimmed.

    A span of marks alone (the comma between two deletions, a final period) is dropped:
    spans say which words are kept; ``render`` restores the sentence's ending.
    """
    keep = bytearray(b"\x01") * len(text)
    for deletion in deletions:
        keep[deletion.start : deletion.end] = bytes(deletion.end - deletion.start)
    spans = []
    i = 0
    while i < len(text):
        if not keep[i] or text[i].isspace():
            i += 1
            continue
        j = keep.find(0, i)
        j = len(text) if j < 0 else j
        end = j
        while end > i and text[end - 1].isspace():
            end -= 1
        if any(c.isalnum() for c in text[i:end]):  # a lone comma left between cuts is no span
            spans.append((i, end))
        i = j
    return tuple(spans)


def render(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Write the sentence from its kept spans: marks tidied, capitalised, ended as it was."""
    out = " ".join(" ".join(text[a:b].split()) for a, b in spans)
    out = _REPEATED_MARKS.sub(r"\1", _SPACE_BEFORE_MARK.sub(r"\1", out)).strip(",;: ")
    if out[:1].islower() and text.lstrip()[:1].isupper():
        out = out[0].upper() + out[1:]
    ending = text.rstrip()[-1:]
    if out and ending in ".!?" and out[-1] not in ".!?\"'”’":
        out += ending
    return out


def clause_verb(text: str, grammar: HeadlineGrammar) -> bool:
    """Whether the text has a verb outside its asides.

    A part between commas that opens with a relative pronoun, or with a participle and has a
    comma after it ("which employs ...", "published in ...,"), is an aside, not a clause.
    """
    parts = re.split(r"[,;:]", text)
    for index, part in enumerate(parts):
        words = part.split()
        if not words:
            continue
        first = words[0].strip(WORD_EDGE).lower()
        participle = len(first) > 4 and first.endswith(grammar.verb_endings)
        if first in grammar.relatives or (participle and index < len(parts) - 1):
            continue  # an aside; a participle closing the sentence is its verb ("resigned")
        if has_verb(part, grammar):
            return True
    return False


def has_verb(text: str, grammar: HeadlineGrammar) -> bool:
    """Whether any word of the text is (very likely) a verb."""
    return any(is_verb(word.strip(WORD_EDGE).lower(), grammar) for word in text.split())


@lru_cache(maxsize=1 << 16)
def is_verb(word: str, grammar: HeadlineGrammar) -> bool:
    """Whether a word is (very likely) a verb: listed, a common news verb, or by its ending.

    Cached: headlines and bullets ask about the same words many times over.
    """
    if word in grammar.verbs or (len(word) > 4 and word.endswith(grammar.verb_endings)):
        return True
    for ending in grammar.verb_inflections:
        if word.endswith(ending) and word[: -len(ending)] in grammar.news_verbs:
            return True
    return word in grammar.news_verbs
