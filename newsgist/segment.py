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
   not part of any sentence. A block that opens an inline list (``1. … 2. …``, ``a) … b)``)
   is split before each next marker in sequence.
2. Candidates. Inside a block a terminator run (``.``, ``!``, ``?``, an ellipsis; Arabic,
   Devanagari and Armenian stops) with its closing quotes and brackets, followed by
   whitespace, may end a sentence; CJK, Ethiopic and Myanmar stops need no space, but not
   inside a nearby ``《…》`` or ``「…」``. So may a stop glued between a lower-case word and a
   capitalised one (``tunnel.Around``, ``jeudi.Élus``: paragraphs run together by a scraper),
   never inside an e-mail address. Decimals, ``$3.5``, ``cnn.com``, ``U.S.-led`` and
   ``Mr.Smith`` never qualify.
3. Decisions use the token before the terminator and the token after it:

   - a stand-alone terminator (the space-tokenised style ``in january . a texas ...``)
     always ends a sentence, taking a following stand-alone closing quote (``''``) with it;
   - after a title (``Dr.``, ``Dhr.``) never; after spaced letters (``z. B.``) never;
   - after a known abbreviation, an initial (``W.``), dotted letters (``A.J.``, ``LL.AA.``),
     a number sign (``N°.``) or, in languages that write ordinals so, a number (``12. Juni``),
     a sentence ends only when the next word is a sentence starter (``The``, ``He``, ...):
     ``Gen. Petraeus`` and ``2 p.m. Monday`` stay whole, ``the U.S. The`` splits; after
     ``a.m.``/``p.m.`` any capitalised word but a day, month or time zone splits, unless the
     sentence so far is a fragment (``At 5 a.m. Mr. Smith``); ``I`` after a lower-case word
     is a word, not an initial (``you and I. Did``);
   - after any other word, cased text splits when the next token does not start in lower
     case; caseless text (all lower case or all caps, decided per document) always splits,
     except before a number after a word-like abbreviation (``no. 5``, ``art. 3``);
   - ``?`` and ``!`` split unless cased text continues in lower case (``"Why?" he asked``),
     also after a dash (``? — he asked``); an ellipsis splits only before an upper-case word
     in cased text, a spaced ``. . .`` never (AP style: it marks words left out; four dots
     end a sentence); a quotation's bracketed source stays with it
     (``"…" (Smith 55).``).

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
from dataclasses import dataclass

from newsgist.lang import DEFAULT, Language, Segmentation
from newsgist.models import Sentence

Segmenter = Callable[[str], Sequence[Sentence]]
"""Anything that turns text into ordered, exact-offset sentences; ``segment`` is the default."""

_TERMINATORS = ".!?…。！？؟۔।॥։።፧။"
_CLOSERS = "\"'”’»“‘)]"
_OPENERS = "\"'“‘«»„‚([`"

_CANDIDATE = re.compile(
    r"""
    [.!?…。！？؟۔।॥։።፧။]                      # every candidate starts here, so the engine
    (?<![.!?…][.!?])                          # can skip ahead; never inside a run of .!?,
    (?:                                       # which the run's first character covers
        (?<=[。！？።፧။])[。！？።፧။]*[”’」』）]*   # CJK, Ethiopic, Myanmar: no space needed
      | (?:(?<=\.)(?:[ ]\.){2,}|[.!?؟]*+)       # a spaced ". . ." or a run like ?! or ...
        [\"'”’»“‘)\]]*+                       # closing quotes and brackets (possessive:
        (?=\s|$)                              # no backtracking), then whitespace or end
      | (?<=[a-zß-öø-ÿıșşğčćďěłńňőřśšťůűźżžа-яё]{2}[.!?])     # or glued: "tunnel.Around"
        (?=[A-ZÀ-ÖØ-ÞİȘŞĞČĆĎĚŁŃŇŐŘŚŠŤŮŰŹŻŽА-ЯЁ][a-zß-öø-ÿıșşğčćďěłńňőřśšťůűźżžа-яё])
        (?![\w.+-]{0,64}@)                    # (scraped text), never in an e-mail address
      | (?<=[^\W\d_]{2}[.!?])(?=[«„][ \u00a0]?[^\W\d_])  # or glued to a quote it opens
    )
    """,
    re.VERBOSE,
)
_UNSPACED_TERMINATORS = "。！？።፧။"
_SCRIPT_TERMINATORS = "؟۔।॥։"
"""Arabic-script, Devanagari and Armenian full stops and question marks: they end a sentence
before whitespace, as ``?`` does (these scripts have no case to say otherwise)."""
_TITLE_OPENERS = "《「『（"
_TITLE_CLOSERS = "》」』）"
_TITLE_LOOKBACK = 200
"""How far back an unclosed title or quotation bracket is looked for (a bounded look)."""
_BULLET = re.compile(r"[ \t]*(?:[•●▪◦‣∙·*]|-(?!-)|–)[ \t]+")
_INLINE_BULLET = re.compile(r"(?<![ \t])[ \t]*•[ \t]*")  # tried once per run of blanks
_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LOWER = bytes(b for b in range(256) if not 97 <= b <= 122)
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]|(?:[A-Z]{1,2}\.)+[A-Z]{1,2}")
_SINGLE_LETTER = re.compile(r"[^\W\d_]\.")
_NUMBER_SIGN = re.compile(r"[Nn][°º]|№")
_ORDINAL = re.compile(r"\d{1,2}|[IVXLC]{1,6}")
"""An ordinal before its dot: a day or a rank ("12. Juni", "XII."), not a count ("150.")."""
_LEADING_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ELISION = re.compile(r"['’]")
_FRAGMENT_CHARS = 40
"""How long a sentence opening is read to tell a fragment ("At 5 a.m.") from a sentence."""
_NEXT_TOKEN = re.compile(r"\s*+(\S{1,64})")  # the token's head decides; unspaced CJK stays linear
_CITATION = re.compile(r"\([^()\n]{1,60}\)[.!?]")
"""A bracketed source right after a quotation, ``"..." (Smith 55).``: part of its sentence."""
_DASHES = frozenset({"-", "–", "—"})
_QUOTES = "\"'”’»«“‘"
_LIST_MARKER = re.compile(r"(?:⁃\s?)?(?:(\d{1,3})|([a-z]))(?:\.\)|\)|\.)(?=\s)")
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
    for start, end, block_paragraph in _blocks(text, wrapped=wrapped, cased=cased, rules=rules):
        spans.clear()
        _split_block(text, start, end, cased=cased, rules=rules, spans=spans)
        for sent_start, sent_end in spans:
            if block_paragraph != last_block_paragraph:
                paragraph += 1
                last_block_paragraph = block_paragraph
            # positional: keywords cost a fifth more, once per sentence
            sentences.append(
                Sentence(len(sentences), text[sent_start:sent_end], sent_start, sent_end, paragraph)
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


def _blocks(
    text: str, *, wrapped: bool, cased: bool, rules: Segmentation
) -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, paragraph)`` for each block that sentences cannot cross."""
    lists = _ListStyle(cased=cased, ordinal_dots=rules.ordinal_dots)
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
            yield from _inline_blocks(text, block_start, block_end, paragraph, lists)
            paragraph += 1
            block_start = -1
        if block_start < 0:
            block_start = content_start
        block_end = line_end
    if block_start >= 0:
        yield from _inline_blocks(text, block_start, block_end, paragraph, lists)


def _continues(text: str, previous_end: int, start: int) -> bool:
    """Whether a line continues the previous one: that ended open, this starts in lower case."""
    last = text[previous_end - 1] if previous_end > 0 else "."
    return last not in _TERMINATORS + _CLOSERS and text[start : start + 1].islower()


@dataclass(frozen=True, slots=True)
class _ListStyle:
    """Which inline lists a document can hold (lettered ones only in cased text).

    ``1.`` lists only where a number with a dot is no ordinal ("1. FC Köln").
    """

    cased: bool
    ordinal_dots: bool


def _inline_blocks(
    text: str, start: int, end: int, paragraph: int, lists: _ListStyle
) -> Iterator[tuple[int, int, int]]:
    """Split a block at inline ``•`` bullets, then each part at inline list markers."""
    if text.find("•", start, end) < 0:  # the common case, without a regex scan
        for item_start, item_end in _list_items(text, start, end, lists):
            yield item_start, item_end, paragraph
        return
    for marker in _INLINE_BULLET.finditer(text, start, end):
        if marker.start() > start:
            for item_start, item_end in _list_items(text, start, marker.start(), lists):
                yield item_start, item_end, paragraph
        start = marker.end()
    if start < end:
        for item_start, item_end in _list_items(text, start, end, lists):
            yield item_start, item_end, paragraph


def _list_items(text: str, start: int, end: int, lists: _ListStyle) -> Iterator[tuple[int, int]]:
    """Split a block that opens an inline list (``1. … 2. …``, ``a) … b) …``) at its markers.

    A list starts at ``1`` or ``a``, and only the markers that follow in sequence count,
    each after a space: ``1.`` then ``2.``.
    """
    first = _LIST_MARKER.match(text, start, end)
    if first is None or not _opens_list(first, lists):
        yield start, end
        return
    head = first.group()
    number, letter = first.group(1), first.group(2)
    prefix = head[: head.index(number or letter)]
    suffix = head[len(prefix) + len(number or letter) :]
    count = int(number) if number else ord(letter)
    while True:
        count += 1
        label = str(count) if number else chr(count) if count <= ord("z") else ""
        found = text.find(f" {prefix}{label}{suffix}", start, end) if label else -1
        after = found + 1 + len(prefix) + len(label) + len(suffix)
        if found < 0 or after >= end or not text[after].isspace():
            break
        yield start, found
        start = found + 1
    yield start, end


def _opens_list(marker: re.Match[str], lists: _ListStyle) -> bool:
    """Whether a marker at a block's start opens an inline list this document can hold."""
    number, letter = marker.group(1), marker.group(2)
    if letter is not None:
        return letter == "a" and lists.cased
    dotted = marker.group().endswith(".")
    bulleted = marker.group().startswith("⁃")  # "⁃9. … ⁃10. …" may start anywhere
    return bulleted or (number == "1" and not (dotted and lists.ordinal_dots))


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
    marker = _LIST_MARKER.match(text, sent_start, end)
    marker_end = marker.end() if marker else -1  # a list item's own "2." ends nothing
    lettered = False  # whether text[sent_start:scanned] has a letter: each char is read once
    scanned = sent_start
    for match in _CANDIDATE.finditer(text, start, end):
        if match.start() < marker_end:
            continue
        following = _NEXT_TOKEN.match(text, match.end(), end)
        if following is None:
            break  # only whitespace is left in the block
        sent_end = match.end()
        next_start, next_token = following.start(1), following.group(1)
        found = match.group()
        if found[0] in _UNSPACED_TERMINATORS:
            boundary = not _in_title(text, sent_start, match.start())
        elif found[0] in _SCRIPT_TERMINATORS:
            boundary = not (cased and next_token[:1].islower())
        else:
            term_start = match.start()
            token_start = _token_start(text, sent_start, term_start)
            previous = text[token_start:term_start]
            if not previous:  # a stand-alone terminator: space-tokenised text
                if _word_before(text, sent_start, term_start).lower() in rules.never_final:
                    continue
                if next_token in _CLOSING_QUOTE_TOKENS:
                    sent_end = next_start + len(next_token)
                    following = _NEXT_TOKEN.match(text, sent_end, end)
                    if following is None:
                        break
                    next_start, next_token = following.start(1), following.group(1)
            term = found.rstrip(_CLOSERS)
            where = (text, sent_start, token_start)
            boundary = _is_boundary(term, previous, next_token, where, cased=cased, rules=rules)
            if (
                boundary
                and found[-1] in _QUOTES
                and next_token.startswith("(")
                and _CITATION.match(text, next_start)
            ):
                boundary = False
            elif boundary and term[-1] in "?!" and next_token in _DASHES:
                after = _NEXT_TOKEN.match(text, next_start + len(next_token), end)
                boundary = after is None or not after.group(1)[:1].islower()  # "? — he said"
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


def _in_title(text: str, sent_start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a title or quotation bracket opened shortly before it."""
    floor = max(sent_start, pos - _TITLE_LOOKBACK)
    for opener, closer in zip(_TITLE_OPENERS, _TITLE_CLOSERS, strict=True):
        if text.rfind(opener, floor, pos) > text.rfind(closer, floor, pos):
            return True
    return False


_Where = tuple[str, int, int]
"""A candidate's token in its text: the text, the sentence's start and the token's start,
read only by the rare rules that need more than the token (no object made per candidate)."""


def _opens_fragment(where: _Where, rules: Segmentation) -> bool:
    """Whether the sentence so far is a short phrase opened by a preposition ("At 5")."""
    text, sent_start, token_start = where
    if token_start - sent_start > _FRAGMENT_CHARS:
        return False
    words = text[sent_start:token_start].split()
    return 0 < len(words) < 4 and words[0].lower() in rules.fragment_openers


def _is_boundary(
    term: str,
    previous: str,
    next_token: str,
    where: _Where,
    *,
    cased: bool,
    rules: Segmentation,
) -> bool:
    """Decide whether ``previous`` + ``term`` ends a sentence given the token after it."""
    following = next_token.lstrip(_OPENERS)
    first = following[:1]
    if " " in term:  # AP style: a spaced ". . ." marks words left out, ". . . ." ends too
        return term.count(".") > 3 and cased and first.isupper()
    if term == "…" or term.count(".") > 1:  # ellipsis
        return cased and first.isupper()
    if term != ".":  # runs of ? and !
        return not (cased and first.islower())
    if not previous:
        return True  # space-tokenised text: a stand-alone period
    word = previous.lstrip(_OPENERS)
    if word.lower() in rules.never_final:
        return False
    # each regex is asked only of a word short enough to match it: most words are longer
    if (len(word) <= 2 and _NUMBER_SIGN.fullmatch(word)) or (
        rules.ordinal_dots and len(word) <= 6 and _ORDINAL.fullmatch(word)
    ):
        return _starts_sentence(following, cased=cased, rules=rules)  # "N°. 5", "am 12. Juni"
    if not (word[:1].isalnum() or _ALNUM.search(word)):  # a word's first letter settles it
        return True  # "(AP)." or a closing bracket before the period
    if len(word) == 1 and _SINGLE_LETTER.fullmatch(following.rstrip(",;:")):
        return False  # spaced letters: "z. B.", "s. r. o."
    if _is_title(word, rules):
        return False  # "Dr. De Vries": a name follows a title
    if _is_abbreviation(word, cased=cased, rules=rules) and not _is_word(
        word, following, where, rules
    ):
        if not cased and word.lower() in rules.wordlike:
            return not first.isdigit()
        if cased and word.lower() in rules.time_abbreviations and first.isupper():
            if _opens_fragment(where, rules):
                return False  # "At 5 a.m. Mr. Smith went ...": no sentence ends yet
            leading = _LEADING_WORD.match(following)
            return leading is None or leading.group().lower() not in rules.time_followers
        return _starts_sentence(following, cased=cased, rules=rules)
    if cased:
        return not first.islower()
    return True


def _is_title(word: str, rules: Segmentation) -> bool:
    """Whether ``word`` is a title a name follows, as written or capitalised ("Dhr")."""
    return word in rules.titles or word.lower() in rules.titles


def _is_word(word: str, following: str, where: _Where, rules: Segmentation) -> bool:
    """Whether a letter that looks like an initial is a word: "you and I. Did" is no name.

    It is when a lower-case word comes before it and a sentence starter after it; "aide I.
    Lewis Libby" keeps the initial.
    """
    if word not in rules.letter_words or not _starts_sentence(following, cased=True, rules=rules):
        return False
    before = _word_before(*where).lstrip(_OPENERS)
    return bool(before) and before[:1].islower()


def _is_abbreviation(word: str, *, cased: bool, rules: Segmentation) -> bool:
    """Whether ``word`` (without its final period) is an abbreviation or an initial."""
    if len(word) == 1 and word.isalpha():
        return word.isupper() or not cased or word in rules.abbreviations
    if "." in word and _DOTTED.fullmatch(word):
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
    elided = _ELISION.split(lowered, maxsplit=1)[0]  # "L'enquête" opens as "l'" does
    if cased:
        starts = lowered in rules.starters or elided in rules.starters
        return word.group()[0].isupper() and starts
    return lowered in rules.strong_starters or elided in rules.strong_starters


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
    other = _OTHER_SPACE.search(text, start, pos)  # tabs, thin spaces: rare, so no finditer
    while other is not None:
        start = other.end()
        other = _OTHER_SPACE.search(text, start, pos)
    return start


def _word_before(text: str, floor: int, pos: int) -> str:
    """Return the whitespace-delimited word that ends before the spaces preceding ``pos``."""
    end = pos
    while end > floor and text[end - 1].isspace():
        end -= 1
    return text[_token_start(text, floor, end) : end]
