"""Direct quotations and who said them.

A quotation is the words between a pair of quotation marks (``“…”``, ``"…"``, ``«…»``, and
the single marks British papers use, ``‘…’`` and ``'…'``, where an apostrophe inside a word
does not close them) of two words or more, within one paragraph; single marks inside a
double-quoted passage are a quote within the quote, not another. Its speaker comes from the
attribution beside it: after it (``…," said Mayor Irene Castellano``, ``…," said Northfield
manager Graham Petrie``, ``…," Krell told reporters``, ``…," she said``) or before it
(``Krell said: "…"``, ``According to Krell, "…"``, ``Dr Samuel Okonjo, a glaciologist at
…, said the plan was "…"``, ``She called the findings "…"``). Words between the speaker and
the verb are lower case ("Krell later said"): a capitalised word there is another name. A
name becomes the person's canonical name (a surname: the full name); a pronoun, the person
of its gender named last before the quotation outside any quotation (gender from "Mr",
"Mrs", "her son" before a mention, else the given-name tables), unless an unnamed speaker
spoke since ("A fire service spokeswoman said …. "…," she said."); an unnamed speaker is
the role as written, its article and any relative clause left out ("police spokeswoman",
"a witness who asked not to be named": "witness"); "the judge" is the person named last, "the
commission" the body so named, "the family" itself; an aside after a title holds the name
("Staffordshire Police's Chief Constable, Martin Hollis-Greene, said"). A quotation with no
attribution that opens the sentence right after another keeps that one's speaker: the
quote goes on; one that opens a paragraph after someone's reported speech is theirs; one in
a sentence whose subject is a pronoun, a person or a body and whose verb is a speech verb
("She called the findings "…" and said the melt was "…"") is that subject's. A double mark
left open at a paragraph's end, the next opening with one, runs on. A fragment quoted
inside a sentence ("he called it "a disgrace"") is ``partial``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from newsgist.facts.entities import (
    CAPITAL,
    JOINED,
    PARTICLE,
    alternatives,
    known_places,
    phrase_head,
)
from newsgist.lang import FactWords
from newsgist.models import Entity, Quote, Sentence

_DOUBLE = re.compile(r"“([^“”\n]{3,3000})”|\"([^\"\n]{3,3000})\"|«\s?([^«»\n]{3,3000}?)\s?»")
_RUN_ON = re.compile(r"[“\"](?<![\w.,;:!?].)(?=\S)([^“”\"\n]{2,3000}\S)(?=\n\s*[“\"])")
"""A quotation that runs on into the next paragraph: its opening mark, no closing one, and
the next paragraph opening with a mark (as American papers print a long quotation)."""
_SINGLE = re.compile(
    r"‘(?<![\w‘’'].)(?=\S)((?:[^‘’\n]|(?<=\w)’(?=\w)){1,3000}?\S)’(?!\w)"
    r"|'(?<![\w'‘’].)(?=[^\s'])((?:[^'\n]|(?<=\w)'(?=\w)){1,3000}?[^\s'])'(?!\w)"
)
"""Single marks: the opening one not after a letter (not "don't"), the closing one not before
one; an apostrophe between letters stays inside ("we've", "it's"), and only that, so a
mark that opens nothing fails at the next one (linear on any text). A plural possessive
inside ("the players' fault") ends the quotation early: telling it from a closing mark
("'a menace on our roads' and promised") cost more quotations than it saved. Each opens
with its mark, so the engine's fast scan finds it."""
_PARTICLED = rf"(?:{PARTICLE})?{CAPITAL}"
"""A capitalised word, maybe after a particle and a hyphen or apostrophe ("al-Hassani")."""
_NAME = rf"{_PARTICLED}(?:\s+(?:(?:{JOINED})\s+){{0,2}}{_PARTICLED}){{0,7}}"
"""A name as attributions write it: capitalised words, particles and "of" between them
("Maarten van den Broek", "Department of Transportation", "Siobhan O'Driscoll of Ohio")."""
_WHO_ROLE = r"(?:(?:the|a|an|another)\s+)?(?:[a-z][\w-]*(?:\.[\w-]+)*(?:['’]s)?\s+){0,4}?"
"""The words before the name in who an attribution names ("union secretary Nadia Holm",
"the u.s.-based envoy Mattias Krell"), with a title written short after them ("Dr. Hannah
Greeley", from the titles table: "Baker. Instead" is two sentences); a role word never ends
in a full stop, so who never reaches back over a sentence's end."""
_ROLE = (
    r"(?i:the|a|an|another|one|his|her|their|its)\s+(?:(?!by\s)[a-z][\w'’-]*\s+){0,4}[a-z][\w-]*"
)
"""An unnamed speaker: a determiner and lower-case words, none of them "by" (not "the
world by blaming the victim")."""
_APPOSED = re.compile(rf"((?:{PARTICLE})?[A-Z][\w'’-]*),\s+(?:\d{{1,3}},\s+)?\Z")
"""A capitalised word and a comma (and an age) just before an unnamed speaker's words: when
it ends a person's name, they describe that person ("Megan Whitfield, a nurse from Omaha,
told", "Kayla Brandt, 29, a teacher from Boise, Idaho, said"), not
when it is a place ("In West Lothian, one teacher said")."""
_AGED = re.compile(r"(?i:the)\s+\d{1,3}-year-old")
"""An age for a name ("the 24-year-old said"): news writes it for the person just named."""
_CLAUSE = r"(?:[^.!?]|(?<=\d)\.(?=\d))*"
"""The rest of a sentence: no sentence end, a decimal point aside ("about £2.3bn of funds")."""
_BRACKETED = (
    r"(?:\s+\((?:[A-Z]{2,6}|[A-Z]-[A-Z][\w.]{1,12}|\d{1,3}"
    r"|[^\x00-\u024f()\s][^\x00-\u024f()]{0,15})\))"
)
"""A party, a party and a state, an age, or the name in its own script in brackets after a
name: "Lerato Mahlangu (DA) said", "Rep. Janet Kilbride (R-Ohio), who chairs …, said",
"Sunita (52)", "Emily Wang (王怡文) said"."""
_GAP = r"(?:[a-z][\w'’-]*\s+)"
"""A word between a speaker and the verb ("Krell later said"): lower case, as a capitalised
one would be part of another name."""
_ARTICLES = frozenset({"the", "a", "an", "another", "one", "his", "her", "their", "its"})
_TAIL_CHARS = 120
_HEAD_CHARS = 240
_NEXT_QUOTE_CHARS = 400
"""A quotation with no attribution this close after another continues it."""
_TRIES = 6
"""Attributions tried before a quotation, nearest the verb last, before giving up."""
_MAX_SPOKEN = 200
"""Quotations whose speakers are looked for; later ones are listed with none, so a body of
thousands of quotations (hostile) costs linear time. News stories have a few dozen (34 at
most in 600 CNN/Daily Mail and BBC stories); at 200, the hostile page of long heads of
joined names (``joined-heads`` in ``benchmarks/adversarial.py``) runs 2 MB in 0.5 s."""
_LOOK_BACK = 1_000
"""Mentions read back for "the commission" or a story's main body: bounded, for hostile input."""
_PRONOUN_REACH = 12
"""Names a pronoun's search goes back past (quoted ones, the other gender's) at most."""
_CONTEXT_CHARS = 30
_EDGE = ",;:\"'“”‘’()"
_ROLE_SAID_CHARS = 600
"""How far back a pronoun may find an unnamed speaker who spoke last ("a spokeswoman said")."""
_TITLED_LATER_CHARS = 2_000
"""How far after a lede's "a judge" the story may name the judge ("Judge Catherine Aldous")."""
_JUST_NAMED_CHARS = 200
"""A body named as a subject this close before "the company said" is the one meant."""


@dataclass(frozen=True, slots=True)
class _Patterns:
    """One language's attribution patterns, compiled once."""

    after_name: re.Pattern[str]
    """``…," said Mayor Irene Castellano``: the verb, then who."""
    name_after: re.Pattern[str]
    """``…," Krell told reporters`` / ``…," she said``: who, then the verb."""
    aside_after: re.Pattern[str]
    """``…," Daniel Whitford, an analyst at Brookline, told Reuters``: who, an aside, the verb."""
    clause_after: re.Pattern[str]
    """``made the fire "extremely difficult" to contain, spokesman Yannis Karras told ERT``:
    a fragment's sentence ending in who said it."""
    appositive: re.Pattern[str]
    """``Dr Samuel Okonjo, a glaciologist at …, said the plan was "…"``: who, an aside between
    commas, the verb, last in the head."""
    name_before: re.Pattern[str]
    """``Krell said: "…"`` and reported speech before a fragment: who said, last in the head
    ("Its chairman, Douglas Finch, said the offer was "…""). Who starts at a word: a search
    that may start inside one tries every letter and backtracks through the role words."""
    according: re.Pattern[str]
    """``According to Krell, "…"``."""
    subject: re.Pattern[str]
    """A sentence's subject when it is a pronoun or a name ("She called the findings …"),
    roles before the name and all ("Former girl-band star Kerry Vance")."""
    role_said: re.Pattern[str]
    """An unnamed speaker and a speech verb ("A fire service spokeswoman said …")."""
    spoke: re.Pattern[str]
    """A name, maybe an aside, and a speech verb: who speaks in a paragraph."""
    role_of: re.Pattern[str]
    """A role for a body or tied to something ("a spokesman for Kendall Rowe Advisory", "a
    source close to the actor"): the speaker is the phrase."""
    introduced: re.Pattern[str]
    """An unnamed speaker introduced with what they are tied to ("a source close to the
    actor", "two people familiar with the matter"), for a later "the source said"."""
    listened: re.Pattern[str]
    """What comes just before a listener ("Speaking to the Mirror, Brenda said"): told, or
    an -ing verb and "to", maybe "the"."""


@cache
def _patterns(words: FactWords) -> _Patterns:
    """Compile the attribution patterns for one language's word tables."""
    verbs = alternatives(words.speech_verbs)
    cues = alternatives(words.speech_verbs | words.quote_verbs)
    pronouns = "|".join(words.pronouns)
    roles = alternatives(words.roles)
    shortened = alternatives(  # "Dr.", "St." ("St. Louis County Police Chief Jon Belmar")
        frozenset(t for t in words.titles | words.name_abbreviations if t.endswith("."))
    )
    owned_role = rf"{CAPITAL}['’]s\s+(?:[a-z][\w-]*\s+){{0,4}}[a-z][\w-]*"  # "VSV's head of
    # human resources, Martina Oberhauser, told"
    who_named = rf"{_WHO_ROLE}(?:(?:{CAPITAL}\s+){{0,3}}?{shortened}\s+)?{_NAME}"  # "Police Capt."
    groups = alternatives(words.groups)
    bodies = alternatives(words.organisation_nouns)  # "a person close to the Almenara board"
    ties = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(words.speaker_ties))
    ties = ties or "(?!)"
    named_role = (  # "Northfield manager Graham Petrie": the name after the role is who;
        # "Northlight co-president Adam Reisfeld": a role's hyphened prefix too
        rf"{CAPITAL}(?:\s+{CAPITAL}){{0,3}}\s+(?:[a-z][\w-]*\s+){{0,2}}(?:[a-z]+-)?(?:{roles})"
        rf"\s+{_NAME}"
    )
    unnamed = (  # "an Environment Agency spokesman", "a spokesman for Kendall Rowe": a role
        rf"(?i:the|a|an|another|one)\s+(?:(?:[a-z][\w-]*\s+)?{_NAME}\s+(?:[a-z][\w-]*\s+){{0,2}}"
        rf"(?:{roles}|{groups})\b|(?:[a-z][\w-]*\s+){{0,2}}(?:{roles})\s+(?:for|at|from|of)\s+"
        rf"(?:(?:the\s+)?{_NAME}|(?:the|an?)\s+(?:[a-z][\w'’-]*\s+){{0,2}}[a-z][\w'’-]*)"  # "a
        # partner at a rival venture firm", "a site manager at a construction company in Mussafah"
        rf"(?:\s+in\s+{_NAME})?"
        rf"|(?:[a-z][\w-]*\s+)?(?:{roles}|{groups})\s+(?:{ties})\s+"
        rf"(?:the\s+)?(?:{_NAME}(?:\s+(?:{bodies})\b)?(?:\s+\([A-Z][A-Za-z]{{1,6}}\))?"
        rf"|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,3}}))"
    )
    plural = rf"\b(?:[a-z][\w-]*\s+)?(?:{roles})s\b"  # "inspectors described it as"
    relative = (  # an aside that is a relative clause, commas and names in it ("who voted
        # against it with Jo Haslam and Pete Lund"): the name before it speaks, not one in it
        rf"(?:{alternatives(words.relative_pronouns)})\s[^;:\"“”‘’\n]{{1,200}}?"
    )
    spoken = rf"(?:(?!(?:{pronouns})\s){_GAP})"  # a word before the verb: "In an interview
    # with Nature, she added": "she" speaks, so it is no gap after "Nature"
    who = (
        rf"(?P<who>{unnamed}|{named_role}|{_ROLE}|{plural}|{who_named}|(?i:{pronouns})"
        rf"|{_AGED.pattern})"
    )
    return _Patterns(
        after_name=re.compile(
            rf"^\W{{0,3}}\s*(?:{verbs})\s+(?:{CAPITAL}['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}"
            rf"(?:{roles}),?\s+(?P<owned>{_NAME})|(?P<who>{unnamed}|{named_role}|{_ROLE}|{who_named})"
            rf"(?:,\s+(?P<aside>{_NAME})(?=[,.]))?)"
        ),
        name_after=re.compile(rf"^\W{{0,3}}\s*{who}{_BRACKETED}?\s+{_GAP}?(?:{verbs})\b"),
        clause_after=re.compile(
            rf"^[^.!?\"“”‘’\n]{{0,100}}?,\s+{who}\s+{_GAP}?(?:{verbs})\b(?![^.!?\n]*[\"“”])"
        ),
        aside_after=re.compile(
            rf"^\W{{0,3}}\s*(?P<who>{_ROLE}|{who_named}|{owned_role}){_BRACKETED}?,\s+"
            rf"(?P<aside>[^,;:\"“”‘’\n]{{1,120}}?)"
            rf"{_BRACKETED}?,\s+(?:[^,;:\"“”‘’\n]{{1,80}}?,\s+)?{_GAP}?(?:{verbs})\b"
        ),
        appositive=re.compile(
            rf"\b(?P<who>{unnamed}|{_ROLE}|{who_named}){_BRACKETED}?,\s+"
            rf"(?P<aside>{relative}|[^,;:\"“”‘’\n]{{1,200}}?){_BRACKETED}?,"  # "Duncan Orr (71),"
            rf"\s+(?:(?:{relative}|[^,;:\"“”‘’\n]{{1,150}}?),\s+){{0,2}}?{_GAP}{{0,2}}?(?:{cues})\b"
            rf"(?P<rest>{_CLAUSE})$"
        ),
        name_before=re.compile(
            rf"\b{who}{_BRACKETED}?(?:\s+(?:of|at|from)\s+(?:the\s+)?"  # "Devon Marsh of
            rf"(?:(?!(?:{JOINED})\s)[a-z]+\s+){{1,2}}{_NAME})?"  # research firm Tidewell said"
            rf"(?P<relative>\s+(?:{alternatives(words.relatives)})(?:\s+(?!(?:{cues})\b)[\w'’-]+)"
            rf"{{1,10}}?)?"  # "A passenger who was on board
            rf",?\s+{spoken}{{0,2}}?(?:{cues})\b(?P<rest>{_CLAUSE})$"  # told …"
        ),
        according=re.compile(
            rf"[Aa]ccording to (?P<who>{who_named}|{_ROLE})(?!\s+[A-Z])(?:,\s+(?P<aside>{_NAME}),)?"
            rf"(?:,?\s*$|,?\s(?!{_NAME}\s+{_GAP}?(?:{verbs})\b)[^.!?]*$)"  # "According to Signe
            # Kalnina, an analyst at …, X had", not "According to the BBC, Ada Obi later said"
        ),
        subject=re.compile(
            rf"\W*(?P<who>(?i:{pronouns})|(?i:the)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{roles})"
            rf"(?:-[\w-]+)?|{CAPITAL}\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{roles})\s+{_NAME}|{_NAME})\b"
        ),
        spoke=re.compile(  # the aside no name that speaks: "In an interview with Montana
            # Free Press, Brewster said": Brewster
            rf"(?P<who>{_NAME}){_BRACKETED}?(?:,\s+(?!{CAPITAL}\s+{_GAP}?(?:{cues})\b)"
            rf"[^,.;\"“”‘’\n]{{1,150}}?)?,?\s+{_GAP}?(?:{cues})\b"
        ),
        role_said=re.compile(
            rf"(?<![\w-])(?P<who>(?i:the|a|an|another|one)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{roles})"
            rf"(?:\s+(?:for|at|from|of|in)\s+(?:[\w'’&-]+\s+){{0,5}}[\w'’&-]+)?)"
            rf"(?:\s+\([A-Z]{{2,6}}\))?"  # "a spokesman for the … Authority (NOSA) told"
            rf"(?:,\s+[^,.;\"“”‘’\n]{{1,160}}?(?:,\s+[^,.;\"“”‘’\n]{{1,80}}?){{0,2}},"
            rf"|\s+(?:{ties})\s+(?:[^,.;\"“”‘’\n]|[’']s\b)"
            rf"{{1,60}}?)?\s+{_GAP}?(?:{verbs})\b"
        ),
        role_of=re.compile(
            rf"^(?i:the|a|an|another|one)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*\s+"
            rf"(?:for|at|from|of|{ties})\s"
        ),
        listened=re.compile(
            rf"(?:\b(?i:{alternatives(words.listener_verbs)})|\b[A-Za-z]+ing\s+to)\s+(?:the\s+)?\Z"
        ),
        introduced=re.compile(
            rf"\b(?:(?i:an?|one|two|three|several|some)\s+)?(?:[a-z][\w-]*\s+)?(?P<noun>[a-z]+)\s+"
            rf"(?P<rest>(?:{ties})\s+(?:the\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*)"
        ),
    )


class _Pair(NamedTuple):
    """A pair of quotation marks: where they are, and the words between them."""

    start: int
    end: int
    inner: str
    inner_start: int


def _pairs(body: str) -> Iterator[_Pair]:
    """Yield the body's quotation-mark pairs in order; single marks inside double ones are not.

    A double mark left open at a paragraph's end, the next paragraph opening with one, is a
    quotation that runs on (``_RUN_ON``).
    """
    double = [_pair(match) for match in _DOUBLE.finditer(body)]
    extra = [_pair(match) for match in _SINGLE.finditer(body)]  # and double ones that run on
    if "\n" in body:
        extra += [_pair(match) for match in _RUN_ON.finditer(body)]
    if extra:
        starts = [pair.start for pair in double]
        extra = [pair for pair in extra if not _inside(pair, double, starts)]
        double = sorted(double + extra)
    yield from double


def _pair(match: re.Match[str]) -> _Pair:
    """Make a pair from a match whose one matching group holds the quoted words."""
    group = match.lastindex or 1
    return _Pair(match.start(), match.end(), match.group(group), match.start(group))


def _inside(pair: _Pair, double: Sequence[_Pair], starts: Sequence[int]) -> bool:
    """Whether a pair overlaps a double-quoted one."""
    index = bisect.bisect_right(starts, pair.start) - 1
    before = double[index] if index >= 0 else None
    after = double[index + 1] if index + 1 < len(double) else None
    return (before is not None and before.end > pair.start) or (
        after is not None and after.start < pair.end
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
        return [_bare(pair) for pair in _pairs(body) if _long_enough(pair)]
    patterns = _patterns(words)
    pairs = list(_pairs(body))
    resolve = _Resolver(
        _Mentioned.of(named, "person"),
        _Mentioned.of(named, "organisation"),
        frozenset(e.name for e in named if e.kind == "place"),
        canonical,
        words,
        stop_words,
        body,
        patterns,
        {e.name: e for e in named if e.kind == "person"},
        _Quoted([pair.start for pair in pairs], [pair.end for pair in pairs]),
    )
    starts = [s.start for s in sentences]
    result: list[Quote] = []
    last_end, last_speaker = -1, None
    for pair in pairs:
        if not _long_enough(pair):
            continue
        inner, span = _quoted(pair)
        sentence_start = starts[max(bisect.bisect_right(starts, pair.start) - 1, 0)]
        begin = _name_start(body, max(sentence_start, pair.start - _HEAD_CHARS), sentence_start)
        head = body[begin : pair.start]
        if sentence_start < last_end < pair.start and _ENDED.search(
            body, max(last_end, pair.start - _CONTEXT_CHARS), pair.start
        ):
            head = ""  # '"…," al-Hassani told broadcaster NOS. "…"': a sentence the split missed
        tail = body[pair.end : pair.end + _TAIL_CHARS].split("\n", 1)[0]
        if inner.rstrip()[-1:] == "." and tail[:1] not in (",", ")"):
            tail = ""  # the quotation ends its sentence: what follows is the next one (not
            # after "?" or "!": '"Where has the money gone?" Soomro asked')
        opens = not head.strip() or head.rstrip().endswith((":", ","))
        partial = not opens or inner[:1].islower()
        if len(result) >= _MAX_SPOKEN:
            result.append(Quote(" ".join(inner.split()), span, None, None, partial))
            continue
        speaks = bool(head.strip()) and _attributes(head, words)
        speaker, where = None, None
        head_first = speaks and not opens  # "X said the cut was "…", while Y said …": X's
        found_in = _attributions(patterns, head, tail, speaks, pair, head_first, partial)
        asked = tail and inner.rstrip()[-1:] in "?!"
        for found, offset in found_in:
            if asked and offset == pair.end and not _closes(tail, found, words):
                continue  # '"Who pays?" Senator Cantwell said the answer was clear': hers
            group = _speaking(found, words)
            speaker = resolve(found[group], pair.start)
            if speaker is not None:
                where = (offset + found.start(group), offset + found.end(group))
                if result and found[group].lower() in words.pronouns:
                    speaker = resolve.subject_kept(speaker, result[-1], pair.start)
                break
        colon = head.rstrip().endswith(":")  # "Principal Ada Obi addressed the crowd: "…""
        if (
            speaker is None
            and (speaks or partial or colon)
            and sentence_start >= pair.start - _HEAD_CHARS
        ):
            subject = patterns.subject.match(head)  # "She called the findings "…" and said …"
            if subject and (
                speaks or (colon and not partial) or _acts(head, subject.end(), inner, words)
            ):
                speaker = resolve(subject["who"], sentence_start, people_only=True)
            if (
                colon
                and not speaks
                and subject
                and speaker is not None
                and (
                    head[subject.end() : subject.end() + 1] in ("'", "’")
                    or resolve.people.between(begin + subject.end(), pair.start, speaker)
                )
            ):
                speaker = None  # "Huskins' father, …, appealed:", "Gomis …, which prompted
                # Jean-Michel Aulas to tell TF1:": the colon is someone else's
            if not speaks and speaker not in resolve.people.names:
                speaker = None  # no speech verb: only a person's words ("Okonkwo-Hale agrees
                # they are "not the final word""), not a body's slogan
        if speaker is None and result and _interrupted(body, last_end, pair.start, result[-1]):
            speaker = result[-1].speaker  # '"…," said Kongkiat Saelim, 52, "but …"': his still
        if (
            speaker is None
            and not head.strip()
            and last_end >= 0
            and pair.start - last_end < _NEXT_QUOTE_CHARS
            and _goes_on(
                body[last_end : pair.start],
                resolve.people.between(last_end, pair.start, last_speaker),
            )
        ):
            speaker = last_speaker  # the quotation goes on
        elif speaker is None and not head.strip() and _reported(body, pair.start, words):
            speaker = _reporter(body, pair.start, patterns, resolve)
        result.append(Quote(" ".join(inner.split()), span, speaker, where, partial))
        last_end, last_speaker = pair.end, speaker
    return result


def _closes(tail: str, found: re.Match[str], words: FactWords) -> bool:
    """Whether an attribution after a question or a cry ends its clause: it says who asked.

    "…?" Soomro asked. / "…!" she shouted, / "…?" he asked the law officer; not "…?" Mboweni
    said it was spent, whose words are reported, not quoted.
    """
    after = tail[found.end() :].lstrip()
    return after[:1] in ("", ".", ",", ";", "!", "?") or not words.listener_verbs.isdisjoint(
        found.group().lower().split()
    )


def _acts(head: str, after_subject: int, inner: str, words: FactWords) -> bool:
    """Whether a sentence's subject does what puts a fragment in their mouth, no speech verb.

    An active verb after it, no aside or passive ("Okafor was charged with "…"", "Okafor,
    known to fans as "…""), and words in lower case, not a title ("Cold Harbour Nights").
    """
    following = head[after_subject:].split(None, 1)
    return (
        inner[:1].islower()
        and bool(following)
        and following[0][:1].islower()
        and following[0] not in words.passive_words
    )


def _attributions(
    patterns: _Patterns,
    head: str,
    tail: str,
    speaks: bool,
    pair: _Pair,
    head_first: bool,
    fragment: bool,
) -> Iterator[tuple[re.Match[str], int]]:
    """Yield the attributions beside a quotation, each with its text's offset in the body.

    After it first, then before it (only where the head has a speech verb); before it first
    for a fragment quoted in reported speech (``head_first``); last, for a fragment, who
    said it at its sentence's end.
    """
    if head_first:
        yield from _before(patterns, head, pair)
    for pattern in (patterns.after_name, patterns.name_after, patterns.aside_after):
        if pattern is patterns.aside_after and tail.count(",") < 2:
            continue  # two commas around the aside (the quotation's own may be inside it)
        found = pattern.match(tail)
        if found:
            yield found, pair.end
    if speaks and not head_first:
        yield from _before(patterns, head, pair)
    if fragment and (found := patterns.clause_after.match(tail)):
        yield found, pair.end


def _name_start(body: str, begin: int, floor: int) -> int:
    """Move a cut head's start back to the word, and the capitalised run, it falls in.

    "…al Conduct Authority said": the head opens at "Financial" (or "The"), a bounded
    ``_CONTEXT_CHARS`` further back at most.
    """
    lowest = max(floor, begin - _CONTEXT_CHARS)
    while begin > lowest and not body[begin - 1].isspace():
        begin -= 1  # to the start of the word it cut
    while begin > lowest:
        before = body.rfind(" ", lowest, begin - 1) + 1
        word = body[max(before, lowest) : begin].strip()
        if not word[:1].isupper():
            break
        begin = max(before, lowest)  # the capitalised word before it belongs to the name
    return begin


def _before(patterns: _Patterns, head: str, pair: _Pair) -> Iterator[tuple[re.Match[str], int]]:
    """Yield the attributions in the text before a quotation."""
    asides = head.count(",") >= 2  # an aside between commas needs two
    for pattern in (patterns.according, patterns.appositive, patterns.name_before):
        if pattern is patterns.appositive and not asides:
            continue
        at, tries, inside = 0, 0, 0
        while tries < _TRIES and (found := pattern.search(head, at)) is not None:
            start = found.start("who")
            tail = start < inside and _NAME_TAIL.search(head, 0, start) is not None
            unnamed = not found.groupdict().get("relative") or (
                found["who"].split(None, 1)[0].lower() in _ARTICLES
            )  # "One man who had returned home told", not "… at King's College who was not"
            if (
                not tail
                and unnamed
                and (pattern is patterns.according or not _listener(patterns, head, found))
            ):
                yield found, pair.start - len(head)
            at = start + 1  # "a five-hour meeting in which opposition …"
            inside = max(inside, found.end("who"))
            tries += 1


_NAME_TAIL = re.compile(rf"{CAPITAL}\s+\Z")
"""A capitalised word just before: a speaker found again from inside the last one starts at
a name's last word ("One neighbour on Lime Street, …, said": not "Street")."""


def _listener(patterns: _Patterns, text: str, found: re.Match[str]) -> bool:
    """Whether the name an attribution found listens: "Speaking to the Mirror, Brenda said"."""
    who = found["who"]
    name = found.start("who") + next((i for i, c in enumerate(who) if c.isupper()), 0)
    return patterns.listened.search(text, max(0, name - 24), name) is not None


def _speaking(found: re.Match[str], words: FactWords) -> str:
    """Return the group that names the speaker: the aside where "who" is a title or a role.

    "Staffordshire Police's Chief Constable, Martin Hollis-Greene, said": the name; "said
    Kestrion's chief executive, Dana Whitcombe": the name after the owner's role.
    """
    groups = found.groupdict()
    if groups.get("owned"):
        return "owned"
    aside = groups.get("aside")
    who = found["who"].split()
    if aside and _NAMED.search(aside):
        opener = aside.split(None, 2)[1:2] if aside.startswith("the ") else []
        titled = bool(opener) and opener[0] in words.titles  # "the Deputy Minister of …": no name
        if (who[-1] in words.titles or who[-1].islower()) and not titled:
            return "aside"  # "his agent, Rodrigo Salas,", "His partner, the cellist Niamh O'Dwyer,"
        if aside[0].isupper() and who[0] in words.topic_joiners:
            return "aside"  # "the chairman of the House Committee on Roads, Rep. Ama Lutu,":
            # the match began inside the body's name
        if (
            not _PLACED.isdisjoint(who)
            and (
                not words.titles.isdisjoint(who)
                or any(_role_word(token, words) for token in who[:2])  # "Lawyer for Chitale
                # Mills, Wezi Banda,", "A plant geneticist at the Isan Institute, Dr …,"
                or (len(who) > 2 and who[1].lower() in words.roles)
            )
            and aside[0].isupper()
        ):
            return "aside"  # "the Deputy Minister of Finance, Mr Kwabena Asante-Boakye, said",
            # "Its director for Wales, Huw Prydderch, said"
        if aside[0].isupper() and _TIED.search(found.string, 0, found.start("who")):
            return "aside"  # "The head of the utilities association AquaEuropa, Hendrik de
            # Vries,": the match began after the role
    return "who"


_CAPITALISED = re.compile(rf"(?:{PARTICLE})?[A-ZÀ-Þ]")
"""A word that opens with a capital, maybe after a particle ("al-Hassani")."""
_PLACED = frozenset({"of", "for", "at", "from", "on", "in", "with", "near"})
"""Words between a role and a name that tie the role to it: who speaks holds the role."""
_NAMED_AFTER = re.compile(rf",\s+(?:[A-Z][a-z]{{0,3}}\.?\s+)?{CAPITAL}(?:\s+{CAPITAL}){{1,3}},")
"""A name between commas just after a role: the role's holder is named."""
_TIED = re.compile(rf"\b(?:{'|'.join(sorted(_PLACED))})\s+\Z")
"""What ties a role to the body a match began at: the name in the aside after it speaks."""


def _role_word(token: str, words: FactWords) -> bool:
    """Whether a word is a role noun, listed or by its ending ("geneticist")."""
    lowered = token.lower()
    return lowered in words.roles or (lowered.isalpha() and lowered.endswith(words.role_suffixes))


_NAMED = re.compile(rf"(?:^|\s){CAPITAL}(?:\s+(?:(?:{JOINED})\s+)?{CAPITAL}){{1,4}}$")
"""An aside that ends in a name: "Martin Hollis-Greene", "the cellist Niamh O'Dwyer"."""


_RESUMED = re.compile(r"[^.!?\n\"“”]{1,200},\s*")
"""The words between a quotation and its resumption: one clause, ending in a comma."""


def _interrupted(body: str, last_end: int, start: int, last: Quote) -> bool:
    """Whether a quotation resumes after the attribution that named the last one's speaker.

    Between them: that attribution, no sentence's end, and a comma last ('"…," said
    Kongkiat Saelim, 52, president of the Phuket Tourist Association, "but …"').
    """
    where = last.speaker_span
    return (
        where is not None
        and last_end <= where[0] < start
        and _RESUMED.fullmatch(body, last_end, start) is not None
    )


def _goes_on(between: str, named: bool) -> bool:
    """Whether a quotation continues the one before (its paragraph, or a later one).

    Over paragraphs only while no one else is named between: a paragraph that names
    someone is likely their turn.
    """
    return "\n" not in between or not named


def _reporter(body: str, start: int, patterns: _Patterns, resolve: _Resolver) -> str | None:
    """Return who spoke in the paragraph before a quotation that opens one.

    The last person the paragraph names before a speech verb ("Daniel Okonjo-Price, general
    secretary of the union, said …"), else whom "he" would mean there.
    """
    speakers = [
        who
        for found in patterns.spoke.finditer(_paragraph_before(body, start))
        if (who := resolve(found["who"], start, people_only=True)) is not None
    ]
    return speakers[-1] if speakers else resolve("they", start)


def _reported(body: str, start: int, words: FactWords) -> bool:
    """Whether the paragraph before a quotation that opens one reports someone's speech."""
    if body[max(0, start - 2) : start].strip("\n ") or start < 2:
        return False  # the quotation does not open a paragraph
    return _attributes(_paragraph_before(body, start), words)


def _paragraph_before(body: str, start: int) -> str:
    """Return the paragraph before ``start`` (its last ``_NEXT_QUOTE_CHARS`` characters)."""
    before = body[max(0, start - _NEXT_QUOTE_CHARS) : start].rstrip()
    return before[before.rfind("\n") + 1 :]


def _attributes(head: str, words: FactWords) -> bool:
    """Whether text before a quotation has a speech verb at all (before any pattern runs)."""
    return not _cue_words(words).isdisjoint(head.lower().translate(_APART).split())


@cache
def _cue_words(words: FactWords) -> frozenset[str]:
    """Return the speech and quote verbs together, for one set lookup per word."""
    return words.speech_verbs | words.quote_verbs


_APART = str.maketrans(",:;", "   ")


def _long_enough(pair: _Pair) -> bool:
    """Whether quoted words are speech, not a term in quotes: two words or more."""
    return len(pair.inner.split(None, 1)) >= 2


def _quoted(pair: _Pair) -> tuple[str, tuple[int, int]]:
    """Return the quoted words (a trailing comma left out) and their span in the body."""
    inner = pair.inner.rstrip().rstrip(",")
    return inner, (pair.inner_start, pair.inner_start + len(inner))


def _bare(pair: _Pair) -> Quote:
    """Make a quotation with no speaker (a language without attribution tables)."""
    inner, span = _quoted(pair)
    return Quote(" ".join(inner.split()), span)


@dataclass(frozen=True, slots=True)
class _Mentioned:
    """The entities of one kind, and where each mention of them starts, in body order."""

    names: frozenset[str]
    starts: list[int]
    named: list[str]
    last_words: dict[str, str]
    """Each person's last word, to the first one mentioned with it ("al-Hassani")."""
    listed_ends: dict[str, str]
    """Each body's name after a comma in it, to the body: "Food and Rural Affairs" to
    "Department for Environment, Food and Rural Affairs", which attributions cut there."""

    @classmethod
    def of(cls, entities: Sequence[Entity], kind: str) -> _Mentioned:
        """Gather the mentions of ``kind``."""
        mentions = sorted((span[0], e.name) for e in entities if e.kind == kind for span in e.spans)
        named = [name for _, name in mentions]
        last_words: dict[str, str] = {}
        for name in named if kind == "person" else ():
            last_words.setdefault(name.rsplit(" ", 1)[-1], name)
        listed_ends: dict[str, str] = {}
        for name in named:  # the first named wins a shared end, the same on every run
            for i in range(1, name.count(", ") + 1):
                listed_ends.setdefault(name.split(", ", i)[-1], name)
        names = frozenset(e.name for e in entities if e.kind == kind)
        return cls(names, [start for start, _ in mentions], named, last_words, listed_ends)

    def last_named(self, position: int, word: str) -> str | None:
        """Return the last one before ``position`` whose name has ``word`` ("Commission")."""
        index = bisect.bisect_left(self.starts, position) - 1
        stop = index - _LOOK_BACK
        while index >= 0 and index > stop:
            if word in self.named[index].split():
                return self.named[index]
            index -= 1
        return None

    def most_named(self, position: int, least: int) -> str | None:
        """Return the one mentioned most often before ``position``, if ``least`` times."""
        index = bisect.bisect_left(self.starts, position)
        counts: dict[str, int] = {}
        for name in self.named[max(0, index - _LOOK_BACK) : index]:
            counts[name] = counts.get(name, 0) + 1
        most = max(counts, key=counts.__getitem__) if counts else None
        return most if most is not None and counts[most] >= least else None

    def between(self, start: int, end: int, other_than: str | None) -> bool:
        """Whether one of them other than ``other_than`` is mentioned in ``start:end``."""
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.starts) and self.starts[index] < end:
            if self.named[index] != other_than:
                return True
            index += 1
        return False

    def last_before(self, position: int, within: int) -> str | None:
        """Return the one mentioned last before ``position``, at most ``within`` before it."""
        index = bisect.bisect_left(self.starts, position) - 1
        if index >= 0 and position - self.starts[index] < within:
            return self.named[index]
        return None


@dataclass(frozen=True, slots=True)
class _Resolver:
    """Turns an attribution's words into a speaker, with what the story says about names."""

    people: _Mentioned
    bodies: _Mentioned
    places: frozenset[str]
    canonical: Mapping[str, str]
    words: FactWords
    stop_words: frozenset[str]
    body: str
    patterns: _Patterns
    persons: Mapping[str, Entity]
    """Each person by canonical name, for their gender when a pronoun needs it."""
    quoted: _Quoted
    genders: dict[str, str | None] = field(default_factory=dict)
    """Each person's gender once asked for (``_gender``)."""

    def __call__(self, who: str | None, position: int, *, people_only: bool = False) -> str | None:
        """Resolve an attribution to a canonical name, the last speaker, or a role.

        A pronoun is the last speaker (``_last_speaker``); an unnamed speaker is the role as
        written. ``people_only``: a known person or body, or a pronoun, else None.
        """
        if who is None:
            return None
        words = self.words
        if " " in who:  # "a witness who asked not to be named": the witness
            written = who.split()
            cut = next(
                (
                    i
                    for i, t in enumerate(written[1:], 1)
                    if t in words.relatives or t in words.speech_verbs or t in words.speaker_ends
                ),
                None,
            )  # "The studio said a replacement would be announced": the studio
            if cut is not None:
                who = " ".join(written[:cut])
            elif (
                written[0].lower() in _ARTICLES
                and (
                    role := next(
                        (i for i, t in enumerate(written[1:-1], 1) if t in words.roles), None
                    )
                )
                and written[role + 1].endswith(words.participle_ends)
            ):  # "one longshoreman leaving a shift at the port": the longshoreman
                who = " ".join(written[: role + 1])
        if who.lower() in words.pronouns:
            return self._last_speaker(position, gender_of(who.lower(), words))
        if _AGED.fullmatch(who):  # "the 24-year-old said": the person last named, as "they"
            return self._last_speaker(position, None, reporting=False)  # the one named
        if who in words.group_members:  # "One said", after "two officials familiar with …"
            return self._member(position) or (None if people_only else who.lower())
        if _DEFINITE.match(who) and (introduced := self._introduced(position, who)):
            return introduced  # "the source said", after "a source close to the actor"
        if _KIN.match(who) and _definite("the " + who.split(None, 1)[1], words) == "person":
            at = self._last_titled(position, who.split()[-1].lower())  # "Her mother, Ann …"
            found = None if at is None else self.people.named[at]
            return found or (None if people_only else _unnamed(who.split(), self.words))
        kind = _definite(who, words)
        if kind is not None:  # "the judge": the person named last; "the club": the body
            mentioned = self.people if kind == "person" else self.bodies
            noun = who.split()[-1]
            if kind == "person":  # "Judge Helen Achterberg", else "a state official said"
                found = self._nearest_role(position, noun.lower())
                found = found or self._named_after(position, noun.lower())
                found = found or self._introduced_unnamed(position, noun.lower())
            else:  # "the company": the one so named, one just named, the story's main body
                found = mentioned.last_named(position, noun.capitalize())
                found = found or self._subject_before(position)
                found = found or mentioned.most_named(position, 2)
            found = found or mentioned.last_before(position, _ROLE_SAID_CHARS)
            if kind != "person":
                found = found or mentioned.most_named(position, 1)
            if found is not None and (kind == "person" or not people_only):
                return found
            return None if people_only else _unnamed(who.split(), self.words)
        written = who.split()
        if written[-1] in words.owned_titles and (holder := self._owner(written[:-1])):
            at = self._last_owned(position, f"{holder} {written[-1]}")  # "the Texas Governor
            if at is not None:  # added": who was named with this owner's title, not the owner
                return self.people.named[at]
            return None if people_only else _unnamed(written, self.words)
        tokens = [  # "Mayor Irene Castellano": the name; "the Liberal Democrat": all of it
            t
            for t, after in zip(written, [*written[1:], ""], strict=True)
            if t not in words.titles or (t in words.party_titles and not after[:1].isupper())
        ]
        if not tokens:
            return None
        if tokens[-1].lower() in words.roles or self.patterns.role_of.search(who):  # who holds it
            head = tokens[-1].lower()
            if (
                len(tokens) == 2
                and tokens[0].lower() in ("a", "an")
                and head.title() in words.titles
            ):
                named = self._named_after(position, head, _TITLED_LATER_CHARS)  # "a judge
                if named is not None:  # described it as '…'", then "Judge Catherine Aldous"
                    return named
            return None if people_only else _unnamed(tokens, self.words)
        last_title = max((i for i, t in enumerate(written[:-1]) if t in words.titles), default=-1)
        owner = max((i for i, t in enumerate(written[:-1]) if t[-2:] in ("'s", "’s")), default=-1)
        if owner >= 0 and " ".join(written[owner:]) in self.bodies.names:
            owner = -1  # "Alzheimer's Research UK said": a body's own name, no owner's person
        if max(last_title, owner) >= 0:  # "District Judge Harriet Moy", "Police's Jo Bell"
            tokens = [t for t in written[max(last_title, owner) + 1 :] if t not in words.titles]
            if not tokens:
                return None  # "Staffordshire Police Chief Constable": a title, no one named
        role = max((i for i, t in enumerate(tokens[:-1]) if t.lower() in words.roles), default=None)
        if role is not None and tokens[role + 1][:1].isupper():
            tokens = tokens[role + 1 :]  # "Northfield manager Graham Petrie"
        capital = next((i for i, t in enumerate(tokens) if _CAPITALISED.match(t)), None)
        if (
            capital
            and (held := next((i for i in range(capital) if _role_word(tokens[i], words)), None))
            is not None
            and not _PLACED.isdisjoint(tokens[held + 1 : capital])
        ):
            while held and tokens[held - 1].islower() and tokens[held - 1] not in _ARTICLES:
                held -= 1  # "municipal official"
            return (
                None if people_only else _unnamed(tokens[held:], self.words)
            )  # "municipal official on
            # Leros", "spokesperson for the regional Culture Ministry": the role, not the name
        if capital is None:  # "opposition councillors", not "a statement after the vote"
            head = tokens[-1].lower().rstrip(".,")
            spoke = (
                head in words.roles or head.removesuffix("s") in words.roles or head in words.groups
            )
            while len(tokens) > 1 and tokens[0].lower() in self.stop_words:
                tokens = tokens[1:]  # "after inspectors", "as nurses": the role, not the word
            return None if people_only or not spoke else _unnamed(tokens, self.words)
        while capital < len(tokens) - 1 and tokens[capital].lower() in self.stop_words:
            capital += 1  # "But Miss Marsden", "The Department of Transportation"
        name = " ".join(tokens[capital:]).rstrip(".,")
        if name.split()[0].lower() in self.stop_words or name in words.date_words:
            return None  # "The said", "It said", "Tuesday": no one named
        if name[-2:] in ("'s", "’s"):
            return None  # "Kestrion's …": an owner, not a speaker
        if " of " in name:  # "Siobhan O'Driscoll of Ohio": the person, where they are from
            person = self._known(name.split(" of ", 1)[0], None)
            if person in self.people.names:
                return person
        found = self._known(name, tokens[-1].rstrip(".,"))
        if found in self.places:
            return None  # "Pasadena said" is someone else's quotation
        known = found in self.people.names or found in self.bodies.names
        if not known and (people_only or (found.istitle() and found.lower() in words.common_words)):
            return None  # no person or body ("Tolva"), or a common word ("Critics argued")
        return found

    def subject_kept(self, speaker: str, prior: Quote, position: int) -> str:
        """Return whom a pronoun means when the last quotation's speaker named another in an aside.

        '"…," said Richard Atkinson, 58, who farms with his son Tom, 31. "…," he said': Tom is
        the last person named, but named in the sentence that made Atkinson the speaker, and
        no one since; "he" goes on being Atkinson, if of his gender.
        """
        said, where = prior.speaker, prior.speaker_span
        if said is None or where is None or said == speaker or said not in self.persons:
            return speaker
        people = self.people
        if people.between(prior.span[1], position, None):
            return speaker  # someone named since the last quotation: the pronoun may be theirs
        named_in = range(bisect.bisect_left(people.starts, where[1]), len(people.starts))
        aside = next((i for i in named_in if people.named[i] == speaker), None)
        if (
            aside is None
            or people.starts[aside] > prior.span[0]
            or _SENTENCE_END.search(self.body, where[1], people.starts[aside])
        ):
            return speaker  # not named after the speaker in the same sentence
        return said if self._gender(said) in (None, self._gender(speaker)) else speaker

    def _known(self, name: str, last_word: str | None) -> str:
        """Return a name's canonical form, or its last word's ("Krell"), or the name itself."""
        found = self.canonical.get(name) or self.canonical.get(name + ".")  # "… Jr." at an end
        if found is None and " " in name:  # "Co-author Henrik Aasland": a name it ends with
            tokens = name.split()
            found = next(
                (
                    self.canonical[tail]
                    for i in range(1, len(tokens) - 1)
                    if (tail := " ".join(tokens[i:])) in self.canonical
                ),
                None,
            )
        if found is None:  # "Food and Rural Affairs said": a body's name, cut at its comma
            found = self.bodies.listed_ends.get(name)
        if found is None and last_word is not None:
            found = self.canonical.get(last_word)
        if found is None and " " not in name:  # a surname no mention wrote alone ("al-Hassani")
            found = self.people.last_words.get(name)
        return name if found is None else found

    def _recent(self, position: int) -> range:
        """Return the indexes of the people named before ``position``, last first (a few)."""
        index = bisect.bisect_left(self.people.starts, position) - 1
        return range(index, max(-1, index - _PRONOUN_REACH), -1)

    def _last_titled(self, position: int, role: str) -> int | None:
        """Return the last mention before ``position`` with ``role`` before it (its index)."""
        starts, called = self.people.starts, _title_roles(self.words)
        for at in self._recent(position):
            title = _word_before(self.body, starts[at])
            if title == role or called.get(title) == role:  # "Justice Ann Grey": "the judge"
                return at
        return None

    def _gender(self, name: str) -> str | None:
        """Return a person's gender where the story or the given-name tables tell it.

        The story first: a gendered word just before a mention ("Mr Caldwell", "Her mother,
        Denise Marchbanks", "mum-of-two Stacey Rudd"), the most votes winning; then the given
        name ("Hannah", "Graham"). None: any pronoun may mean them.
        """
        if name in self.genders:
            return self.genders[name]
        words, entity = self.words, self.persons.get(name)
        votes = [
            vote
            for start, _ in (entity.spans if entity else ())
            if (vote := gender_of(_word_before(self.body, start), words)) is not None
        ]
        male = votes.count("male")
        given = name.split()[0]
        gender: str | None = None
        if votes and male * 2 != len(votes):
            gender = "male" if male * 2 > len(votes) else "female"
        elif not votes and given in words.male_names:
            gender = "male"
        elif not votes and given in words.female_names:
            gender = "female"
        self.genders[name] = gender
        return gender

    def _owns(self, start: int) -> bool:
        """Whether the mention at ``start`` is a possessive ("Caldwell's family")."""
        end = start + len(self.body[start : start + _CONTEXT_CHARS * 2].split(None, 1)[0])
        return self.body[end - 2 : end] in ("'s", "’s") or self.body[end : end + 2] in ("'s", "’s")

    def _introduced(self, position: int, who: str) -> str | None:
        """Return "source close to the actor" for "the source", as the story introduced them.

        The last "a source close to …" / "people familiar with …" before ``position`` whose
        noun is the one ``who`` ends in (one or many): that noun and what follows it.
        """
        noun = who.split()[-1].lower()
        if noun not in self.words.groups:
            return None
        window = self.body[max(0, position - _ROLE_SAID_CHARS * 2) : position]
        found = [
            m for m in self.patterns.introduced.finditer(window) if _same_noun(m["noun"], noun)
        ]
        return f"{noun} {found[-1]['rest']}" if found else None

    def _subject_before(self, position: int) -> str | None:
        """Return the body last named as a subject (no preposition before it), or None.

        Only within ``_JUST_NAMED_CHARS`` before ``position``.
        "Greenline has not been charged. The company said …": that company, though another
        body is named more often; not "Analysts at Brook Bank were pleased".
        """
        bodies = self.bodies
        words = self.words
        index = bisect.bisect_left(bodies.starts, position) - 1
        while index >= 0 and position - bodies.starts[index] < _JUST_NAMED_CHARS:
            before = _word_before(self.body, bodies.starts[index]).lower()
            if before not in words.place_prepositions and before not in words.aside_ends:
                return bodies.named[index]
            index -= 1
        return None

    def _member(self, position: int) -> str | None:
        """Return one of the unnamed group introduced last: "official familiar with the case".

        "Two officials familiar with the case said …. One said …": the group's noun made
        singular and what ties it to the story.
        """
        window = self.body[max(0, position - _ROLE_SAID_CHARS) : position]
        found = list(self.patterns.introduced.finditer(window))
        if not found:
            return None
        noun = found[-1]["noun"]
        one = "person" if noun == "people" else noun.removesuffix("s")
        return f"{one} {found[-1]['rest']}"

    def _named_after(self, position: int, head: str, reach: int = _ROLE_SAID_CHARS) -> str | None:
        """Return the person the story names in the role just after an attribution, or None.

        '"…," the county fire chief told reporters. … The chief, Dale Hufnagel, said':
        within ``reach`` characters after ``position``, "the ``head``, Name," or "Head Name".
        """
        window = self.body[position : position + reach]
        named = _named_in_role(head).search(window)
        if named is None:
            return None
        name = named["name"] or named["titled"]
        tokens = name.split()
        if len(tokens) > 2 and tokens[-1].isupper():
            tokens.pop()  # "Judge Rosalind Achebe KC": a post-nominal, no part of the name
        found = self._known(" ".join(tokens), tokens[-1])
        return found if found in self.people.names else None

    def _owner(self, tokens: list[str]) -> str | None:
        """Return the known place or story's body ``tokens`` name, a leading article dropped."""
        if tokens[:1] and tokens[0].lower() in _ARTICLES:
            tokens = tokens[1:]
        name = " ".join(tokens)
        words = self.words
        known = name in known_places(words) or name in self.bodies.names
        return name if name and known else None

    def _last_owned(self, position: int, title: str) -> int | None:
        """Return the last mention before ``position`` written just after ``title``."""
        starts, body = self.people.starts, self.body
        return next(
            (
                at
                for at in self._recent(position)
                if body.rfind(title, max(0, starts[at] - len(title) - 2), starts[at]) >= 0
            ),
            None,
        )

    def _nearest_role(self, position: int, head: str) -> str | None:
        """Return who "the ``head``" means: whoever of the two came last.

        The person named with that role before them, or the unnamed speaker so called ("A
        state official … told CNN").
        """
        at = self._last_titled(position, head)
        begin = max(0, position - _ROLE_SAID_CHARS)
        titled = None
        if at is not None:
            begin, titled = max(begin, self.people.starts[at]), self.people.named[at]
        window = self.body[begin:position]
        spoke = [
            found["who"]
            for found in self.patterns.role_said.finditer(window)
            if phrase_head(found["who"].lower().split(), self.words.aside_ends) == head
            and not _DEFINITE.match(found["who"])
        ]  # not a later "the official spoke": the role in full
        if spoke:
            return _unnamed(spoke[-1].split(), self.words)
        return titled or self._described(position, head)

    def _introduced_unnamed(self, position: int, head: str) -> str | None:
        """Return the unnamed person last introduced as "a ``head``", whatever they did.

        "A police spokesperson urged drivers to stay home … the spokesperson said": the
        police spokesperson, where no one so called was named or spoke.
        """
        window = self.body[max(0, position - _ROLE_SAID_CHARS) : position]
        introduced = _last(_introducing(head).finditer(window))
        return None if introduced is None else _unnamed(introduced.group().split(), self.words)

    def _described(self, position: int, head: str) -> str | None:
        """Return the person an aside gave the role "the ``head``" means, or None.

        "Alison Trevelyan-Marsh, the senior coroner for Lancashire, said …" and later "the
        coroner said": the last of ``_PRONOUN_REACH`` people named before ``position``.
        """
        people = self.people
        aside = _described_as(head)
        for at in self._recent(position):
            if aside.match(self.body, people.starts[at], position):
                return people.named[at]
        return None

    def _last_speaker(
        self, position: int, gender: str | None, *, reporting: bool = True
    ) -> str | None:
        """Return whom a pronoun before ``position`` means.

        An unnamed speaker who spoke since the last person named, else that person. A name
        inside a quotation is never the one meant, nor one of the other gender ("he said"
        after "her son Alfie"): the search goes back past them, up to ``_PRONOUN_REACH``
        names. ``reporting``: a pronoun may mean who reported the sentence naming that
        person (``_reporting``); an age ("the 24-year-old") means the person named.
        """
        people = self.people
        index = bisect.bisect_left(people.starts, position) - 1
        stop = max(-1, index - _PRONOUN_REACH)
        owner = -1  # a possessive ("ten Bosch's party") is the one meant only if no one else is
        while index > stop:
            start = people.starts[index]
            if not self.quoted.inside(start):
                if self._owns(start):
                    owner = index if owner < 0 else owner
                elif gender is None or self._gender(people.named[index]) in (None, gender):
                    break
            index -= 1
        if index == stop:
            index = owner
        elif gender is not None and self._gender(people.named[index]) is None:
            index = self._same_sentence(index, stop, gender)
        if index >= 0 and reporting:
            index = self._reporting(index, stop, gender)
        named_at = people.starts[index] if index >= 0 else -1
        window = self.body[max(named_at + 1, position - _ROLE_SAID_CHARS) : position]
        roles = self.words.roles
        spoke = (  # a cheap check first: the window names a role at all
            [
                found["who"]
                for found in self.patterns.role_said.finditer(window)
                if not (
                    (apposed := _APPOSED.search(window, 0, found.start()))
                    and apposed[1] in people.last_words
                )
                and not _NAMED_AFTER.match(window, found.end("who"))
            ]  # not "Megan Whitfield, a nurse from Omaha, told", nor "The president of AMRA,
            # Sofia Gago, said": she is named
            if not roles.isdisjoint(window.lower().translate(_APART).split())  # "member,"
            else []
        )
        if spoke and _DEFINITE.match(spoke[-1]):  # "the mayor, who is white, told CNN": the
            head = phrase_head(spoke[-1].lower().split(), self.words.aside_ends)  # one named
            titled = self._last_titled(position, head)  # "Mayor James Knowles", if any
            if titled is not None:
                if gender is None or self._gender(people.named[titled]) in (None, gender):
                    return people.named[titled]
                spoke = []  # "Mayor Bob Stone … the mayor told CNN. "…," she said": not him
        if spoke:
            return _unnamed(spoke[-1].split(), self.words)
        return people.named[index] if index >= 0 else None

    def _reporting(self, index: int, stop: int, gender: str | None) -> int:
        """Return who reports the sentence that names the person at ``index``, if another does.

        "Curator Dr Ada Obi said the canvas showed Hale at her best. "…," she said": Obi,
        whose speech names Hale, not Hale; else ``index`` itself.
        """
        people, body, spoke_at = self.people, self.body, self.patterns.spoke.match
        end = named_at = people.starts[index]
        for at in range(index - 1, stop, -1):
            start = people.starts[at]
            if start < named_at - _ROLE_SAID_CHARS or _CLAUSE_END.search(body, start, end):
                break
            end = start
            if people.named[at] == people.named[index] or self.quoted.inside(start):
                continue
            spoke = spoke_at(body, start, named_at)
            if spoke and not body[spoke.end() : named_at].strip():
                spoke = None  # "…, said David Pryce": the verb before a name is that name's
            if spoke and (gender is None or self._gender(people.named[at]) in (None, gender)):
                return at
        return index

    def _same_sentence(self, index: int, stop: int, gender: str) -> int:
        """Return a person of ``gender`` in the sentence of the unknown one at ``index``.

        Named earlier in it ("spokeswoman Ada Obi said … Femi Ade. "…," she said"); else
        ``index`` itself.
        """
        people, body = self.people, self.body
        end = people.starts[index]
        for at in range(index - 1, stop, -1):
            start = people.starts[at]
            if _SENTENCE_END.search(body, start, end):
                break
            end = start  # each stretch of text read once
            if self._gender(people.named[at]) == gender and not self.quoted.inside(start):
                return at
        return index


@dataclass(frozen=True, slots=True)
class _Quoted:
    """Where the body's quotations are, to tell a name quoted from a name in the narrative."""

    starts: list[int]
    ends: list[int]

    def inside(self, position: int) -> bool:
        """Whether ``position`` lies between a pair of quotation marks."""
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]


@lru_cache(maxsize=1024)
def _introducing(head: str) -> re.Pattern[str]:
    """Match an unnamed person introduced with a role ("a police spokesperson"), any verb."""
    return re.compile(rf"\b(?:[Aa]n?|One|one)\s+(?:[a-z][\w-]*\s+){{0,2}}?{re.escape(head)}\b")


def _last(found: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """Return the last of some matches, or None."""
    last = None
    for last in found:  # noqa: B007 - the loop only walks to the last
        pass
    return last


@cache
def _title_roles(words: FactWords) -> dict[str, str]:
    """Return the role noun each title's holder is called by (``FactWords.title_roles``)."""
    return dict(words.title_roles)


def _word_before(body: str, start: int) -> str:
    """Return the word before ``start``, lower case, without punctuation or a hyphenated tail."""
    before = body[max(0, start - _CONTEXT_CHARS) : start].split()
    return before[-1].strip(_EDGE).lower().split("-")[0] if before else ""


def gender_of(word: str, words: FactWords) -> str | None:
    """Return "male" or "female" for a gendered word ("he", "Mrs", "son"), else None."""
    if word in words.male_words:
        return "male"
    return "female" if word in words.female_words else None


_DEFINITE = re.compile(r"(?i:the)\s")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s")
_CLAUSE_END = re.compile(r"[.!?;][\"'”’]?(?:\s|(?=[A-Z\"“]))|\sbut\s")
"""A sentence's end, also where a scraped page lost the space after it ("hours.Ms Cole"), or
a clause's that turns to someone else ("Hale said …, but Obi rejected it")."""
_ENDED = re.compile(r"[A-Z][.!?]\s+$")
"""Text between two quotations that ends a sentence at a capital's full stop ("NOS. ")."""
_KIN = re.compile(r"(?i:his|her|their)\s+\S")
"""A possessive before a role ("her mother"): the person once introduced with that role."""


def _same_noun(written: str, noun: str) -> bool:
    """Whether a noun as written is ``noun``, one or many ("people" for "person")."""
    return written in (noun, noun + "s") or {written, noun} == {"person", "people"}


def _definite(who: str, words: FactWords) -> str | None:
    """Return the kind of entity "the …" refers back to, or None (not a role, or a name).

    "person" for a role ("the judge", "the mother-of-two"), "organisation" for a body ("the
    club", "the company").
    """
    if not _DEFINITE.match(who):
        return None
    tokens = who.split()[1:]
    if not tokens or any(t[:1].isupper() for t in tokens):
        return None
    head = tokens[-1].split("-")[0].lower()
    if head in words.groups:
        return None  # "the family said": the family, as written
    if head in words.roles:
        return "person"
    return "organisation" if head in words.organisation_nouns else None


@lru_cache(maxsize=1024)
def _named_in_role(head: str) -> re.Pattern[str]:
    """Return the pattern of "the ``head``, Name," or "Head Name", compiled once per role.

    Each takes over a millisecond to compile, and the ``re`` module's own cache is small and
    shared with every other library.
    """
    return re.compile(
        rf"\b(?i:the)\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(head)},\s+(?P<name>{_NAME}),"
        rf"|\b{re.escape(head.capitalize())}\s+(?P<titled>{_NAME})"
    )


@lru_cache(maxsize=1024)
def _described_as(head: str) -> re.Pattern[str]:
    """Return the pattern of a name and an aside giving it the role ``head``, compiled once."""
    return re.compile(
        rf"[^,\n]{{1,60}}?,\s+(?i:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(head)}\b"
    )


def _unnamed(tokens: list[str], words: FactWords) -> str:
    """Write an unnamed speaker as written, its article and any relative clause left out.

    "police spokeswoman"; "a resident of the society who declined to be named": "resident
    of the society".
    """
    if len(tokens) > 1 and tokens[0].lower() in _ARTICLES:
        tokens = tokens[1:]
    cut = next((i for i, t in enumerate(tokens[1:], 1) if t in words.relatives), len(tokens))
    return " ".join(tokens[:cut]).rstrip(".,")
