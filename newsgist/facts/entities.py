"""People, organisations and places: capitalised names, typed by context and word lists.

A name is a run of capitalised words (with "of", "de", "van", ... between them), found
once over the body. A sentence's first word joins a name only if the story never writes it
in lower case. Titles before a name ("Mayor", "Dr.") are dropped from it and make it a
person's. Each mention votes for a kind: its last word (``Council``: an organisation;
``River``: a place), the country and city list, an all-capital acronym (an organisation,
unless it is a place such as ``UK``), a role noun before it ("envoy Mattias Krell"), a
speech verb next to it ("said Krell", "Krell told"), a place preposition before it ("in
Lumea"). The kind with most votes wins; a two- or three-word name with no vote is a person
(news names people most). Then aliases merge: a surname alone is the person who bears it,
an acronym the organisation whose initials it spells.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from newsgist.lang import FactWords
from newsgist.models import Entity, Sentence

CAPITAL = r"(?:(?:[A-Z]\.)+|[A-Z][\w'’&-]*)"
"""A capitalised word, or dotted initials ("U.N."); a name never runs over a full stop, so
a sentence's last name and the next one's first word stay apart."""
KINDS = ("person", "organisation", "place")
"""The kinds of entity, in the order they are listed: people, then organisations, places."""

_JOINERS = r"of|de|da|del|della|la|le|van|von|der|den|bin|al|el|for"
_JOINER_WORDS = frozenset(_JOINERS.split("|"))
_POSSESSIVE = re.compile(r"['’]s?$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_DOTTED = re.compile(r"[A-Z][\w'’&-]*\.")
"""A title written short ("Dr.", "Capt."): a word and its full stop."""
_LOWER_WORD = re.compile(r"[a-z][a-z'-]+")
_SPACES = re.compile(r"\s*")
_MAX_NAME_WORDS = 6
_EDGE = ",;:.\"'“”‘’()"
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
_CLOSING = "\"'”’)"
_SENTENCE_ENDS = frozenset(".!?")
_CONTEXT = 40
"""Characters read before and after a mention for the words next to it."""


@cache
def _name_pattern(words: FactWords) -> re.Pattern[str]:
    """Return the name pattern: capitalised runs, with "Dr." and "St." before a next word.

    It opens with a consumed capital and only then looks behind, and the dotted titles are
    a word's optional full stop: a pattern that opens with a character class is scanned for
    by the engine's fast search, one that opens with a look-around is tried at every position.
    """
    shortened = [t for t in words.titles | words.name_abbreviations if _DOTTED.fullmatch(t)]
    by_width: dict[int, list[str]] = defaultdict(list)
    for title in shortened:
        by_width[len(title) - 1].append(re.escape(title[:-1]))
    titled = "|".join(
        rf"(?<=(?<![\w'’-])(?:{'|'.join(sorted(group))}))" for _, group in sorted(by_width.items())
    )
    stop = rf"(?:(?:{titled})\.(?=\s+[A-Z]))?" if titled else ""
    rest = rf"(?:\.(?:[A-Z]\.)*|[\w'’&-]*{stop})"  # after the capital: initials, or a word
    joined = rf"(?:(?:\s+(?:{_JOINERS})(?=\s+[A-Z]))?[ \t]+[A-Z]{rest})*"
    return re.compile(rf"[A-Z](?<![\w'’-].){rest}{joined}")


Mention = tuple[str, tuple[int, int], str | None]
"""One name as written, where, and the kind its context says (None: no clue).

A plain tuple: a story has dozens, and a named tuple takes several times longer to make.
"""


def mentions(
    body: str, sentences: Iterable[Sentence], words: FactWords, stop_words: frozenset[str]
) -> list[Mention]:
    """Find every capitalised name in the body, each with the kind its context votes for."""
    starts = {s.start for s in sentences}
    lower_words = _LowerCase(body)
    forms: dict[str, str | None] = {}  # a name's own vote ("" for none), None: not a name
    singles: dict[str, str] = {}  # a one-word run mid-sentence: its name ("": none)
    clues = _clues(words)
    found: list[Mention] = []

    def form_of(name: str) -> str | None:
        """Return a name's own vote, or None for a common word or a date (once per name)."""
        form = forms[name] = (
            None
            if _common(name, lower_words, stop_words) or _is_date(name, words)
            else _form_vote(name, words)
        )
        return form

    def record(name: str, span: tuple[int, int], person: bool) -> None:
        """Keep a mention unless its name is a common word or a date; vote for its kind."""
        form = forms[name] if name in forms else form_of(name)
        if form is not None:
            kind = "person" if person else form or _context_vote(body, span, clues)
            found.append((name, span, kind))

    for match in _name_pattern(words).finditer(body):
        where = match.start()
        text = match.group()
        opening = where in starts or body[max(0, where - 2) : where].strip() in _OPENING_QUOTES
        if " " not in text and "\t" not in text:  # one word, the usual case: the short way
            if opening and _common(text.strip("."), lower_words, stop_words):
                continue
            name = singles.get(text)
            if name is None:
                name = _tidy(text) if text[-1] in _TIDIED else text
                if text in words.titles or text.lower().strip(".") in words.roles:
                    name = ""
                singles[text] = name
            if name:
                form = forms[name] if name in forms else form_of(name)
                if form is not None:
                    span = (where, where + len(name))
                    found.append((name, span, form or _context_vote(body, span, clues)))
            continue
        tokens = text.split()
        first = 0
        while first < len(tokens) and opening:
            if not _common(tokens[first].strip("."), lower_words, stop_words):
                break
            first += 1  # a sentence's first word, written in lower case elsewhere ("The")
        if first == len(tokens):
            continue
        if (
            opening
            and first + 2 < len(tokens)
            and tokens[first + 1] == "of"
            and not _name_word(tokens[first], words)
        ):
            first += 2  # "Shareholders of Brightwater Foods": a common noun and its "of"
        offsets = [where]
        for token in tokens[:-1]:
            after = offsets[-1] + len(token)
            offsets.append(_SPACES.match(body, after).end())  # type: ignore[union-attr]
        titled = False
        while first < len(tokens) and (
            tokens[first] in words.titles or tokens[first].lower() in words.roles
        ):
            titled = True
            first += 1
        inner = _inner_title(tokens, first, words)
        if inner is not None:  # "Chief Fire Officer Marta Lindqvist": "Fire Officer" goes too
            titled, first = True, inner
        while first < len(tokens) and tokens[first] in _JOINER_WORDS:
            first += 1  # "Mayor of The …": the title went, its "of" goes too ("Van Rijn" stays)
        last = len(tokens)
        while last > first and tokens[last - 1].lower() in _JOINER_WORDS:
            last -= 1
        if last == first or last - first > _MAX_NAME_WORDS:
            continue
        for begin, end, person in _parts(tokens, first, last, titled, words):
            tail = _tidy(tokens[end - 1])
            if tail:
                name = " ".join([*tokens[begin : end - 1], tail])
                record(name, (offsets[begin], offsets[end - 1] + len(tail)), person)
    return found


def _name_word(token: str, words: FactWords) -> bool:
    """Whether a word can open a name before "of" ("Bank of …", "Duke of …", "Cape of …")."""
    return (
        token in words.organisation_words
        or token in words.place_words
        or token in words.place_openers
        or token in words.titles
        or token in words.first_names
    )


def _inner_title(tokens: list[str], first: int, words: FactWords) -> int | None:
    """Return where a person's name starts after a title a word or two in, or None.

    "Transport Secretary Neil Ashworth", "Chief Fire Officer Marta Lindqvist": a title within
    the run's first three words, followed by one to three words that are no organisation's.
    """
    for at in range(min(first + 2, len(tokens) - 2), first, -1):
        token = tokens[at]
        if token in words.titles or token.lower() in words.roles:
            rest = tokens[at + 1 :]
            if len(rest) <= 3 and rest[-1] not in words.organisation_words:
                return at + 1
    return None


def _parts(
    tokens: list[str], first: int, last: int, titled: bool, words: FactWords
) -> list[tuple[int, int, bool]]:
    """Split "Robert Chen of Meridian Capital" into the person and where they are from.

    Returns ``(first, end, person)`` token ranges. A name with "of" in it is one name ("Bank
    of England") unless what comes before "of" is a person's: a title or a role came before
    it, or it opens with a first name.
    """
    person = titled or tokens[first] in words.first_names
    if person and "of" in tokens[first:last]:
        cut = tokens.index("of", first, last)
        head = [(first, cut, True)] if cut > first else []
        return [*head, *([(cut + 1, last, False)] if cut + 1 < last else [])]
    return [(first, last, titled)]


_TIDIED = frozenset("s'’.")
"""Last characters of a word ``_tidy`` may change: other words need no call."""


def _tidy(word: str) -> str:
    """Drop a possessive and a trailing full stop (not an initial's: "U.N.")."""
    word = _POSSESSIVE.sub("", word)
    if word.endswith(".") and not _INITIALS.fullmatch(word):
        word = word.rstrip(".")
    return word


class _LowerCase:
    """Whether a body writes a word in lower case, looked up on demand and remembered.

    A story asks about a few dozen words: finding each one is cheaper than listing every
    lower-case word of the body first.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` (in lower case) stands as a word of its own in the body."""
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = bool(_LOWER_WORD.fullmatch(word)) and self._find(word)
        return found

    def _find(self, word: str) -> bool:
        """Whether the body has ``word`` with no letter or digit either side."""
        body, size = self.body, len(word)
        at = body.find(word)
        while at >= 0:
            end = at + size
            if not (at and body[at - 1].isalnum()) and not body[end : end + 1].isalnum():
                return True
            at = body.find(word, end)
        return False


def _common(name: str, lower_words: _LowerCase, stop_words: frozenset[str]) -> bool:
    """Whether a "name" is a common word: written in lower case elsewhere, or a stop word."""
    lowered = name.lower()
    return lowered in stop_words or lowered in lower_words


def _is_date(name: str, words: FactWords) -> bool:
    """Whether a name is only day, month and time words ("Monday", "March")."""
    return name in words.date_words or all(token in words.date_words for token in name.split())


def _form_vote(name: str, words: FactWords) -> str:
    """Return the kind a name's own words say ("" without a clue): the same at every mention."""
    tokens = name.split()
    last = tokens[-1]
    bare = name.replace(".", "")
    several = len(tokens) > 1
    head = tokens[tokens.index("of", 1) - 1] if "of" in tokens[1:] else last
    if several and (last in words.organisation_words or head in words.organisation_words):
        return "organisation"  # "Bank of England", "Army Corps of Engineers"
    if several and (last in words.place_words or head in words.place_words):
        return "place"
    if bare in words.acronym_places or name in words.places or last in words.places:
        return "place"
    if several and tokens[0] in words.place_openers:
        return "place"  # "Cape Varna", "River Tam"
    if several and tokens[0] in words.first_names:
        return "person"
    if bare.isupper() and 2 <= len(bare) <= 6 and bare.isalpha():
        return "organisation"
    return ""


class _Clues(NamedTuple):
    """One language's context words, looked up once per mention.

    ``before``: the kind the word before a name says ("envoy", "said", "in", "operator");
    the sets: the words read after it.
    """

    before: dict[str, str]
    speech_verbs: frozenset[str]
    place_nouns: frozenset[str]
    organisation_nouns: frozenset[str]


@cache
def _clues(words: FactWords) -> _Clues:
    """Gather the context words, a stronger clue overriding a weaker one for the same word."""
    before = dict.fromkeys(words.place_prepositions, "place")
    before.update(dict.fromkeys(words.roles | words.speech_verbs, "person"))
    before.update(dict.fromkeys(words.organisation_nouns, "organisation"))
    return _Clues(before, words.speech_verbs, words.place_nouns, words.organisation_nouns)


def _context_vote(body: str, span: tuple[int, int], clues: _Clues) -> str | None:
    """Return the kind the words next to one mention say, or None without a clue."""
    before = body[max(0, span[0] - _CONTEXT) : span[0]].rsplit(None, 2)[-2:]
    after = body[span[1] : span[1] + _CONTEXT].split(None, 3)[:3]
    if before and before[-1].rstrip(_CLOSING)[-1:] in _SENTENCE_ENDS:
        before = []  # the last sentence's last word says nothing of this one's first
    previous = before[-1].lower().strip(_EDGE) if before else ""
    following = after[0].lower().strip(_EDGE) if after else ""
    kind = clues.before.get(previous)
    if kind == "organisation" or _appositive(after, clues.organisation_nouns):
        return "organisation"  # "the operator, Northline", "Veltra Biologics, the company"
    if kind == "person" or following in clues.speech_verbs:
        return "person"
    if kind == "place":
        return "place"
    if previous == "of" and len(before) == 2 and before[0].lower() in clues.place_nouns:
        return "place"  # "the city of Lumea"
    if following in clues.place_nouns and after[0][0].islower():
        return "place"  # "the Varda province"
    return None


def _appositive(after: list[str], organisation_nouns: frozenset[str]) -> bool:
    """Whether a name is followed by ", the company" / ", a charity": an organisation's."""
    return (
        len(after) == 3
        and after[0] == ","
        and after[1] in ("the", "a", "an")
        and after[2].rstrip(",.;:") in organisation_nouns
    )


def entities(found: list[Mention], words: FactWords) -> tuple[list[Entity], dict[str, str]]:
    """Merge mentions into typed entities; also return each surface form's canonical name."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    votes: dict[str, list[str]] = defaultdict(list)
    for name, span, kind in found:
        spans[name].append(span)
        if kind is not None:
            votes[name].append(kind)
    first_names = words.first_names
    kinds = {name: _kind(name, votes.get(name), first_names) for name in spans}
    for name, kind in kinds.items():  # "Varga told": then "Ines Varga" is a person
        if (
            kind is None
            and 1 <= name.count(" ") <= 2
            and kinds.get(name.rsplit(" ", 1)[1]) == "person"
        ):
            kinds[name] = "person"
    canonical = _aliases(kinds)
    merged: dict[str, list[str]] = defaultdict(list)
    for name in spans:
        target = canonical[name]
        if kinds[target] is not None:
            merged[target].append(name)
    result = []
    for name, forms in merged.items():
        if forms == [name]:
            aliases: tuple[str, ...] = ()
            where = spans[name]  # in body order already
        else:
            aliases = tuple(sorted(form for form in forms if form != name))
            where = sorted(span for form in forms for span in spans[form])
        result.append(Entity(name=name, kind=str(kinds[name]), aliases=aliases, spans=tuple(where)))
    result.sort(key=lambda e: (KINDS.index(e.kind), -len(e.spans), e.spans[0]))
    return result, {form: target for form, target in canonical.items() if kinds[target]}


def _kind(name: str, voted: list[str] | None, first_names: frozenset[str]) -> str | None:
    """Return the kind most mentions vote for; with no vote, a first name makes a person."""
    if voted:
        if len(voted) == 1:
            return voted[0]
        tally: dict[str, int] = {}
        for kind in voted:
            tally[kind] = tally.get(kind, 0) + 1
        return max(tally, key=lambda kind: (tally[kind], kind))
    tokens = name.split()
    if 2 <= len(tokens) <= 3 and tokens[0] in first_names:
        return "person"
    return None


def _aliases(kinds: dict[str, str | None]) -> dict[str, str]:
    """Map each name to its canonical form: surnames to full names, acronyms to names.

    A name that opens exactly one organisation's longer name, and that no context called a
    place, is that organisation ("Brightwater" and "Van Rijn" after "Brightwater Foods" and
    "Van Rijn Holdings"). Names are words joined by single spaces (``mentions``).
    """
    surnames: dict[str, set[str]] = defaultdict(set)
    initials: dict[str, set[str]] = defaultdict(set)
    openers: dict[str, set[str]] = defaultdict(set)  # an organisation's first words
    for name, kind in kinds.items():
        if kind == "person" and " " in name:
            surnames[name.rsplit(" ", 1)[1]].add(name)
        elif kind == "organisation" and " " in name:
            tokens = name.split(" ")
            initials["".join(t[0] for t in tokens if t[0].isupper())].add(name)
            for size in range(1, len(tokens)):
                openers[" ".join(tokens[:size])].add(name)
    canonical: dict[str, str] = {name: name for name in kinds}
    for name, kind in kinds.items():
        single = " " not in name
        if single and kind in (None, "person") and len(surnames.get(name, ())) == 1:
            canonical[name] = next(iter(surnames[name]))
        elif kind != "place" and len(longer := openers.get(name, ())) == 1:
            canonical[name] = next(iter(longer))  # "Brightwater", "Van Rijn": the company
        if single and len(spelled := initials.get(name.replace(".", ""), ())) == 1:
            canonical[name] = next(iter(spelled))
    return canonical
