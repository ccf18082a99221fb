"""News-tuned sentence segmentation with exact character offsets.

The text is never changed: every ``Sentence`` satisfies ``text[s.start:s.end] == s.text``,
sentences come in order without overlap, and every letter or digit of the input lies inside
one of them (only whitespace, bullet markers and letterless debris such as ``***`` fall
between).

How it decides, in one pass:

1. Blocks. A blank line ends a paragraph, and so does a single newline unless the document
   is hard-wrapped (most lines short and open-ended, and some punctuation somewhere: a text
   with none, a caption or a list, is read a line at a time). In cased text either break is soft
   when the text before it ends open and the text after it starts in lower case. A line that
   starts with a bullet marker, and every inline ``•``, starts a new block; the markers are
   not part of any sentence.
2. Candidates. Inside a block a terminator run (``.``, ``!``, ``?``, an ellipsis, CJK
   ``。！？``) with its closing quotes and brackets, followed by whitespace, may end a
   sentence; so may one glued between a lower-case word and a capitalised one
   (``tunnel.Around``: paragraphs run together by a scraper). Decimals, ``$3.5``,
   ``cnn.com``, ``U.S.-led`` and ``Mr.Smith`` never qualify.
3. Decisions use the token before the terminator and the token after it:

   - a stand-alone terminator (the space-tokenised style ``in january . a texas ...``)
     always ends a sentence, taking a following stand-alone closing quote (``''``) with it;
   - after a known abbreviation, an initial (``W.``), or dotted letters (``A.J.``, ``D.C.``),
     a sentence ends only when the next word is a sentence starter (``The``, ``He``, ...):
     ``Gen. Petraeus`` and ``2 p.m. Monday`` stay whole, ``the U.S. The`` splits; after
     ``a.m.``/``p.m.`` any capitalised word but a day, month or time zone splits;
   - after any other word, cased text splits when the next token does not start in lower
     case; caseless text (all lower case or all caps, decided per document) always splits,
     except before a number after a word-like abbreviation (``no. 5``, ``art. 3``);
   - ``?`` and ``!`` split unless cased text continues in lower case (``"Why?" he asked``);
     an ellipsis splits only before an upper-case word in cased text.

   A period after a word no sentence ends on (``the``, ``of``, ``mr``) is a line-break
   artefact, not a boundary. A candidate that would leave a fragment with no letter (``1.``
   of a numbered list) is skipped, so the fragment joins the next sentence.

The word tables (abbreviations, sentence starters, words no sentence ends on, time words) are
the language's (``newsgist.lang``; English by default). Language-neutral resources have none:
punctuation, initials, dotted letters and case decide alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from newsgist.lang import DEFAULT, Language, Segmentation
from newsgist.models import Sentence

Segmenter = Callable[[str], Sequence[Sentence]]
"""Anything that turns text into ordered, exact-offset sentences; ``segment`` is the default."""

_TERMINATORS = ".!?…。！？"
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([`"

_CANDIDATE = re.compile(
    r"""
    [.!?…。！？]                              # every candidate starts here, so the engine
    (?<![.!?…][.!?])                          # can skip ahead; never inside a run of .!?,
    (?:                                       # which the run's first character covers
        (?<=[。！？])[。！？]*                   # CJK terminators need no space after
      | (?:(?<=\.)(?:[ ]\.){2,}|[.!?]*+)        # a spaced ". . ." or a run like ?! or ...
        [\"'”’»)\]]*+                         # closing quotes and brackets (possessive:
        (?=\s|$)                              # no backtracking), then whitespace or end
      | (?<=[a-z][a-z][.!?])(?=[A-Z][a-z])     # or glued: "tunnel.Around" (scraped text)
    )
    """,
    re.VERBOSE,
)
_CJK_TERMINATORS = "。！？"
_BULLET = re.compile(r"[ \t]*(?:[•●▪◦‣∙·*]|-(?!-)|–)[ \t]+")
_INLINE_BULLET = re.compile(r"(?<![ \t])[ \t]*•[ \t]*")  # tried once per run of blanks
_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LOWER = bytes(b for b in range(256) if not 97 <= b <= 122)
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LEADING_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_NEXT_TOKEN = re.compile(r"\s*+(\S{1,64})")  # the token's head decides; unspaced CJK stays linear
_CLOSING_QUOTE_TOKENS = frozenset({"''", "'", '"', "”", "’", "-rrb-", ")"})


def segment(text: str, *, language: Language = DEFAULT) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets reproduce it exactly.

    ``language`` gives the word tables (abbreviations, sentence starters); the
    language-neutral one has none, so only punctuation and case decide.
    """
    rules = language.segmentation
    cased = is_cased(text)
    wrapped = _is_hard_wrapped(text) and has_terminator(text)  # unpunctuated: lines are units
    sentences: list[Sentence] = []
    paragraph = -1
    last_block_paragraph = -1
    spans: list[tuple[int, int]] = []
    for start, end, block_paragraph in _blocks(text, wrapped=wrapped, cased=cased):
        spans.clear()
        _split_block(text, start, end, cased=cased, rules=rules, spans=spans)
        for sent_start, sent_end in spans:
            if block_paragraph != last_block_paragraph:
                paragraph += 1
                last_block_paragraph = block_paragraph
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=text[sent_start:sent_end],
                    start=sent_start,
                    end=sent_end,
                    paragraph=paragraph,
                )
            )
    return sentences


def has_terminator(text: str) -> bool:
    """Whether ``text`` has any sentence-ending punctuation at all."""
    return any(t in text for t in _TERMINATORS)


def is_cased(text: str) -> bool:
    """Whether capitals carry information: false for all-lower-case or all-caps text.

    Latin letters are counted fast, as bytes; a text with few of them (Cyrillic, Greek) is
    counted letter by letter instead. Scripts without case (CJK, Arabic) are caseless.
    """
    text = text[:4000]
    sample = text.encode("ascii", "ignore")
    upper = len(sample.translate(None, _NOT_UPPER))
    lower = len(sample.translate(None, _NOT_LOWER))
    if 4 * (upper + lower) < len(text):  # under a quarter Latin letters: another script
        upper = sum(map(str.isupper, text))
        lower = sum(map(str.islower, text))
    letters = upper + lower
    if letters == 0:
        return False
    ratio = upper / letters
    return 0.01 <= ratio <= 0.6


def _is_hard_wrapped(text: str) -> bool:
    """Whether single newlines are soft wraps: most lines short and ending mid-sentence."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 3:
        return False
    short = sum(1 for line in lines if len(line) <= 100)
    open_ended = sum(1 for line in lines[:-1] if line[-1] not in _TERMINATORS + _CLOSERS)
    return short >= 0.9 * len(lines) and open_ended >= 0.5 * (len(lines) - 1)


def _blocks(text: str, *, wrapped: bool, cased: bool) -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, paragraph)`` for each block that sentences cannot cross."""
    paragraph = 0
    block_start = -1
    block_end = -1
    blank = False
    pos = 0
    length = len(text)
    while pos <= length:
        newline = text.find("\n", pos)
        line_end = length if newline < 0 else newline
        line_start = pos
        pos = line_end + 1
        if not text[line_start:line_end].strip():
            blank = True
            continue
        bullet = _BULLET.match(text, line_start, line_end)
        content_start = bullet.end() if bullet else line_start
        soft = (wrapped and not blank) or (cased and _continues(text, block_end, content_start))
        blank = False
        if block_start >= 0 and (bullet or not soft):
            yield from _inline_blocks(text, block_start, block_end, paragraph)
            paragraph += 1
            block_start = -1
        if block_start < 0:
            block_start = content_start
        block_end = line_end
    if block_start >= 0:
        yield from _inline_blocks(text, block_start, block_end, paragraph)


def _continues(text: str, previous_end: int, start: int) -> bool:
    """Whether a line continues the previous one: that ended open, this starts in lower case."""
    last = text[previous_end - 1] if previous_end > 0 else "."
    return last not in _TERMINATORS + _CLOSERS and text[start : start + 1].islower()


def _inline_blocks(
    text: str, start: int, end: int, paragraph: int
) -> Iterator[tuple[int, int, int]]:
    """Split a block at inline ``•`` bullets."""
    if text.find("•", start, end) < 0:  # the common case, without a regex scan
        yield start, end, paragraph
        return
    for marker in _INLINE_BULLET.finditer(text, start, end):
        if marker.start() > start:
            yield start, marker.start(), paragraph
        start = marker.end()
    if start < end:
        yield start, end, paragraph


def _split_block(
    text: str,
    start: int,
    end: int,
    *,
    cased: bool,
    rules: Segmentation,
    spans: list[tuple[int, int]],
) -> None:
    """Append the ``(start, end)`` sentence spans inside one block to ``spans``."""
    first = _NEXT_TOKEN.match(text, start, end)
    if first is None:
        return
    sent_start = first.start(1)
    lettered = False  # whether text[sent_start:scanned] has a letter: each char is read once
    scanned = sent_start
    for match in _CANDIDATE.finditer(text, start, end):
        following = _NEXT_TOKEN.match(text, match.end(), end)
        if following is None:
            break  # only whitespace is left in the block
        sent_end = match.end()
        next_start, next_token = following.start(1), following.group(1)
        found = match.group()
        if found[0] in _CJK_TERMINATORS:
            boundary = True
        else:
            term_start = match.start()
            previous = text[_token_start(text, sent_start, term_start) : term_start]
            if not previous:  # a stand-alone terminator: space-tokenised text
                if _word_before(text, sent_start, term_start).lower() in rules.never_final:
                    continue
                if next_token in _CLOSING_QUOTE_TOKENS:
                    sent_end = next_start + len(next_token)
                    following = _NEXT_TOKEN.match(text, sent_end, end)
                    if following is None:
                        break
                    next_start, next_token = following.start(1), following.group(1)
            boundary = _is_boundary(
                found.rstrip(_CLOSERS), previous, next_token, cased=cased, rules=rules
            )
        if boundary and not lettered:
            lettered = _LETTER.search(text, scanned, sent_end) is not None
            scanned = sent_end
        if boundary and lettered:
            spans.append((sent_start, sent_end))
            sent_start = scanned = next_start
            lettered = False
    if _ALNUM.search(text, sent_start, end):
        while text[end - 1].isspace():
            end -= 1
        spans.append((sent_start, end))


def _is_boundary(
    term: str, previous: str, next_token: str, *, cased: bool, rules: Segmentation
) -> bool:
    """Decide whether ``previous`` + ``term`` ends a sentence given the token after it."""
    following = next_token.lstrip(_OPENERS)
    first = following[:1]
    if term == "…" or term.count(".") > 1:  # ellipsis
        return cased and first.isupper()
    if term != ".":  # runs of ? and !
        return not (cased and first.islower())
    if not previous:
        return True  # space-tokenised text: a stand-alone period
    word = previous.lstrip(_OPENERS)
    if word.lower() in rules.never_final:
        return False
    if not _ALNUM.search(word):
        return True  # "(AP)." or a closing bracket before the period
    if _is_abbreviation(word, cased=cased, rules=rules):
        if not cased and word.lower() in rules.wordlike:
            return not first.isdigit()
        if cased and word.lower() in rules.time_abbreviations and first.isupper():
            leading = _LEADING_WORD.match(following)
            return leading is None or leading.group().lower() not in rules.time_followers
        return _starts_sentence(following, cased=cased, rules=rules)
    if cased:
        return not first.islower()
    return True


def _is_abbreviation(word: str, *, cased: bool, rules: Segmentation) -> bool:
    """Whether ``word`` (without its final period) is an abbreviation or an initial."""
    if len(word) == 1 and word.isalpha():
        return word.isupper() or not cased
    if _DOTTED.fullmatch(word):
        return True
    if not cased:
        return word.lower() in rules.abbreviations_lower
    return word in rules.abbreviations or (
        word.isupper() and word.lower() in rules.abbreviations_lower
    )


def _starts_sentence(token: str, *, cased: bool, rules: Segmentation) -> bool:
    """Whether ``token`` is a word that typically opens a sentence."""
    word = _LEADING_WORD.match(token)
    if word is None:
        return False
    lowered = word.group().lower()
    if cased:
        return word.group()[0].isupper() and lowered in rules.starters
    return lowered in rules.strong_starters


_OTHER_SPACE = re.compile(r"[^\S ]")
"""Whitespace other than the plain space."""
_LONGEST_TOKEN = 64
"""How far back a token before a terminator is read: no abbreviation or word that decides a
boundary is longer, and a bounded look keeps segmentation linear on text without spaces."""


def _token_start(text: str, floor: int, pos: int) -> int:
    """Return where the token ending at ``pos`` starts, at most ``_LONGEST_TOKEN`` back.

    That is after the last whitespace before ``pos``, and never below ``floor``.
    """
    lowest = max(floor, pos - _LONGEST_TOKEN)
    start = max(text.rfind(" ", lowest, pos) + 1, lowest)
    for other in _OTHER_SPACE.finditer(text, start, pos):  # tabs, thin spaces: rare
        start = other.end()
    return start


def _word_before(text: str, floor: int, pos: int) -> str:
    """Return the whitespace-delimited word that ends before the spaces preceding ``pos``."""
    end = pos
    while end > floor and text[end - 1].isspace():
        end -= 1
    return text[_token_start(text, floor, end) : end]
