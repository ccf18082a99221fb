"""Compress: the most salient sentence, cut down to a headline. The default generator.

**Which sentence.** The method's salience rank plus two ranks per position, among sentences
that can stand as a headline (five or more words, a verb, not opening with a quotation, a
question, or a word that leans on an earlier sentence such as ``It`` or ``But``). The lead
is written to carry the story, so a later sentence wins only when ranked well above it.

**How it is cut.** Compression only deletes words (besides digits for number words and a
capital first letter), so every word of a headline is a word of its sentence. Datelines and
bylines never reach it (``newsgist.ingest`` moves them to metadata). The rules run in order,
each kept only if at least ``_MIN_WORDS`` words remain:

1. parentheticals: ``(...)``, ``[...]``, dash pairs and a trailing dash aside;
2. attributions: ``..., police said``, ``according to ...``, a leading ``X said (that)``
   unless what was said starts with a pronoun;
3. a leading subordinate clause or adverbial up to its comma (``After the vote, ...``);
4. appositives and non-restrictive relative clauses (``, the former champion,``,
   ``, who ...,``) and a trailing one;
5. time expressions (``on Tuesday``, ``last week``, ``in March``): the page gives the date;
6. articles and ``its``/``their``/``his``, as headlines do;
7. a trailing subordinate clause (``... after the firm warned ...``);
8. auxiliaries: ``has been arrested`` → ``arrested``, ``is to cut`` → ``to cut``,
   ``is offering`` → ``offering``, ``has won`` → ``won`` (never after a pronoun);
9. people by surname: ``Arsenal boss Arsene Wenger`` → ``Wenger`` (cased text only).

Then number words become digits, and a headline over budget is cut at its latest clause
break, else phrase break, else word, never ending on a dangling function word. No parser:
the rules read punctuation and closed word classes (``resources/headline-words.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from newsgist.features import stop_words
from newsgist.models import Headline
from newsgist.registry import headlines
from newsgist.segment import is_cased

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document
from newsgist.models import Sentence

_MIN_WORDS = 4
"""A rule that deletes a clause or phrase is not applied if fewer words than this remain."""
_MIN_GRAMMAR_WORDS = 2
"""Headline grammar (articles, auxiliaries, surnames) may leave as few as this: "Ellery sacked"."""

_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!['’])"
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_SAYS = (
    r"(?:said|says|say|told\s+\S+(?:\s+\S+)?|added|warned|claimed|insisted|stated|explained"
    r"|(?:announced|confirmed|reported|revealed|disclosed|believes|thinks)(?=\s+that\b))"
)

_REPORTED = (
    r"(?:said|says|say|told|added|warned|claimed|insisted|stated|explained|announced|confirmed"
    r"|reported|revealed|disclosed|found|show|shows|showed|suggest|suggests|suggested)"
)
_PARENTHESES = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_DASH_PAIR = re.compile(r"\s+(?:--|—|–|-)\s+[^—–]*?\s+(?:--|—|–|-)(?=\s)")
_DASH_TAIL = re.compile(r"\s+(?:--|—|–|-)\s+.*$")
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:[^,]{{1,60}}?\s+)?{_REPORTED}\b(?:\s+[^,\s]+){{0,6}}|according\s+to\s+[^,]*)$"
)
_INNER_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:\S+\s+){{0,4}}?{_REPORTED}(?:\s+\S+day)?|according\s+to\s+[^,]{{1,60}}),\s+"
)
_LEADING_ATTRIBUTION = re.compile(
    rf"^(?P<who>(?:\S+\s+){{1,8}}?)(?:has\s+|have\s+|had\s+)?{_SAYS}"
    rf"(?:\s+(?:on\s+)?{_DAYS}{_PART_OF_DAY})?(?:\s+that)?\s+(?P<rest>.+)$"
)
_LEADING_CLAUSE = re.compile(
    r"""^(?:
        (?:After|Although|Amid|As|Asked|At|Before|Because|But|By|Despite|During|Earlier
          |Following|For|However|If|In|Later|Last|Meanwhile|Now|On|Once|Over|Since
          |Speaking|Though|Under|Unless|Until|When|Whenever|Where|While|Whilst|With|Within
          |Without|Writing|According|Having|Yesterday|Today|This|Ahead|Just|Nearly|Almost|Like
          |Unlike|Instead|Besides|Apart|Along|Across|Among|Throughout|Thanks|Due)
        \b[^,]{0,120},\s+
      | (?:But|And|So|Yet|Still|Also|Meanwhile|However|Now)\s+
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_LIST_GOES_ON = re.compile(r"[^,]*,\s+(?:and|or)\b|(?:and|or)\b")
_APPOSITIVE = re.compile(
    r"""(?<=\w),\s+
    (?:(?:who|which|whose|whom|where)\b[^,]{1,120}
      | (?:the|a|an|his|her|their|its|aged|now|formerly|once)\b[^,]{1,100}
      | \d{1,3}
      | [a-z]+(?:ing|ed)\b[^,]{1,100}
      | [A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?=,\s+[a-z])
    ),\s+(?!(?:and|or|but|nor)\b)""",
    re.VERBOSE | re.IGNORECASE,
)
_APPOSITIVE_TAIL = re.compile(r",\s+(?:who|which|whose|whom|where|a|an|the)\b[^,]*$", re.IGNORECASE)
_TIME = re.compile(
    rf"""\s*\b(?:
        (?:on|last|this|next|early|late|earlier|later|since|by|until)\s+
          (?:{_DAYS}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?){_PART_OF_DAY}
      | (?:on\s+)?{_DAYS}{_PART_OF_DAY}
      | (?:on|by|until|since)\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?
      | in\s+{_MONTHS}(?:\s+\d{{4}})?
      | (?:earlier|later)\s+(?:this|last)\s+(?:week|month|year)
      | (?:last|this|next)\s+(?:week|weekend|month|year|season|summer|winter|spring|autumn|night)
      | yesterday|today|tonight|tomorrow|overnight
    )\b(?!['’]|\s+(?:could|will|would|is|was|has|had|may|might|should|saw|brought)\b)""",
    re.VERBOSE | re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"\b(?:(?:the|The|THE|its|their|his)\s+"
    r"|(?:a|an|A|An|AN)\s+(?!(?:lot|few|little|bit|quarter|half|third|number|couple|dozen"
    r"|hundred|thousand|million|billion|total|series|range|record)\b))"
    r"(?=[\w£$€'\"“])"
)
_PARTICIPLE = (
    r"(?:\w+ed|won|lost|made|taken|given|begun|left|found|become|got|held|kept|led|paid|sold"
    r"|bought|brought|built|quit|shut|seen|shown|known|grown|drawn|written|chosen|broken|fallen"
    r"|risen|driven|beaten|struck|fought|caught|sought|spent|sent|hit|cut|set|put|told|hurt)\b"
)
_PASSIVE = re.compile(
    rf"(?<![\w'’])(?P<before>\w+[\w'’]*\s+)"
    rf"(?:(?:has|have|had)\s+been\s+(?={_PARTICIPLE})"
    rf"|(?:is|are|was|were)\s+(?:being\s+)?(?=\w+ed\b)"
    rf"|(?:is|are)\s+(?=(?:set\s+)?to\s+\w|\w+ing\b)"
    rf"|(?:has|have)\s+(?={_PARTICIPLE}))",
    re.IGNORECASE,
)
_THAT = re.compile(rf"\b(?P<verb>{_REPORTED})\s+that\s+")
_SUBORDINATE_TAIL = re.compile(
    r"(?:,?\s+(?:but|and|or)(?=\s))?"
    r"(?:\s+(?:just|only|about|some|nearly|almost|barely|more\s+than)?\s*[\w-]+\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?))?"
    r"\s+(?:after|because|while|whilst|following|amid|despite|since|although|though|when|if"
    r"|unless|until)\b.*$"
)
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve thirteen"
            " fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        ).split()
    )
    if value >= 2
} | {
    word: str(10 * tens)
    for tens, word in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b(?=[\s-])")
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[,;:]\s+|\s+(?:-|–|—)\s+|\s+(?=(?:but|as|after|because|while|whilst|which|who"
    r"|following|amid|despite|before|since|although|though|when|where|if|unless|until)\b))"
)
_PHRASE_BREAK = re.compile(
    r"\s+(?=(?:and|in|at|on|for|with|from|over|by|to|into|about|against|under|during|than"
    r"|through|across|near|as|of)\b)"
)
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")

Rule = Callable[[str], str]


def _table(name: str) -> frozenset[str]:
    """Return one word table of ``resources/headline-words.txt``."""
    return _tables()[name]


@cache
def _tables() -> dict[str, frozenset[str]]:
    """Read every word table of ``resources/headline-words.txt``, once per process."""
    text = resources.files("newsgist.resources").joinpath("headline-words.txt").read_text("utf-8")
    tables: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in text.splitlines():
        line = line.partition("#")[0].strip()
        if line.startswith("["):
            current = tables.setdefault(line.strip("[]"), set())
        else:
            current.update(line.split())
    return {name: frozenset(words) for name, words in tables.items()}


def compress(text: str, *, words: int, cased: bool = True, surnames: Collection[str] = ()) -> str:
    """Compress one sentence into a headline of at most ``words`` words.

    ``surnames`` are names the story uses on their own (``Radcliffe`` after ``Paula
    Radcliffe``): a full name ending in one is shortened to it, as headlines do.
    """
    tokens = _bounded(text).split()
    if not cased:  # all-caps or all-lower: lower it, but "M8" and "A1" keep their case
        tokens = [t if any(c.isdigit() for c in t) else t.lower() for t in tokens]
    text = " ".join(tokens)
    clauses: list[Rule] = [
        _drop_parentheticals,
        _drop_attribution,
        _drop_leading_clause,
        _drop_appositives,
        _drop_time,
    ]
    grammar: list[Rule] = [_drop_determiners, _drop_trailing_clause, _drop_auxiliaries]
    if cased:
        grammar.append(lambda t: _shorten_names(t, surnames))
    text = _strip_end(text)
    for rule in clauses + grammar:
        shorter = _trim(rule(text))
        if len(shorter.split()) >= (_MIN_WORDS if rule in clauses else _MIN_GRAMMAR_WORDS):
            text = shorter
    text = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], text)
    return _capitalise(_fit(text, words))


def _drop_parentheticals(text: str) -> str:
    """Drop bracketed asides and dash-enclosed or trailing dash asides."""
    text = _PARENTHESES.sub("", text)
    text = _DASH_PAIR.sub("", text)
    return _DASH_TAIL.sub("", text)


def _drop_attribution(text: str) -> str:
    """Drop who said it: a trailing or inserted attribution, or a leading ``X said (that)``."""
    text = _TRAILING_ATTRIBUTION.sub("", _strip_end(text))
    text = _INNER_ATTRIBUTION.sub(" ", text)
    match = _LEADING_ATTRIBUTION.match(text)
    if (
        match
        and len(match["rest"].split()) >= 2 * _MIN_WORDS
        and match["rest"].split()[0].lower() not in _table("pronouns")
    ):
        return match["rest"]
    return _THAT.sub(r"\g<verb> ", text)


def _drop_leading_clause(text: str) -> str:
    """Drop a leading subordinate clause, adverbial or connective, lists in it included."""
    match = _LEADING_CLAUSE.match(text)
    if not match:
        return text
    end = match.end()
    while _LIST_GOES_ON.match(text, end):
        comma = text.find(", ", end)
        if comma < 0:
            return text
        end = comma + 2
    return text[end:]


def _drop_appositives(text: str) -> str:
    """Drop appositives and non-restrictive relative clauses set off by commas."""
    text = _APPOSITIVE.sub(" ", text)
    return _APPOSITIVE_TAIL.sub("", text)


def _drop_time(text: str) -> str:
    """Drop time expressions."""
    return _TIME.sub("", text)


def _drop_determiners(text: str) -> str:
    """Drop articles and ``its``/``their``, as headlines do."""
    return _DETERMINER.sub("", text)


def _drop_trailing_clause(text: str) -> str:
    """Drop a trailing subordinate clause: ``... after the firm warned ...``."""
    return _SUBORDINATE_TAIL.sub("", text)


def _drop_auxiliaries(text: str) -> str:
    """Drop passive and perfect auxiliaries: ``has been arrested`` → ``arrested``."""
    return _PASSIVE.sub(
        lambda m: m[0] if m["before"].strip().lower() in _table("pronouns") else m["before"], text
    )


def _shorten_names(text: str, surnames: Collection[str]) -> str:
    """Refer to people by surname: ``Arsenal boss Arsene Wenger`` → ``Wenger``.

    A capitalised run of two or more words is a person's name when it follows a role noun
    (``coach``, ``minister``), starts with an honorific (``President``, ``Mr``), or ends in a
    word the story uses alone (``surnames``). A role noun and its modifiers go with it.
    """
    tokens = text.split(" ")
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        end = i
        while (
            _CAPITALISED.fullmatch(tokens[end])
            and end + 1 < len(tokens)
            and _CAPITALISED.fullmatch(tokens[end + 1])
            and not tokens[end].endswith((",", ";", ":", "'s", "’s"))
        ):
            end += 1
        run = tokens[i : end + 1]
        role = bool(kept) and kept[-1].lower() in _table("roles")
        if len(run) >= 2 and (
            role
            or run[0] in _table("honorifics")
            or run[-1].rstrip(",.;:").removesuffix("'s").removesuffix("’s") in surnames
        ):
            if role:
                kept.pop()
                dropped = 0
                while kept and dropped < 3 and _is_modifier(kept[-1]):
                    kept.pop()
                    dropped += 1
            run = run[-1:]
        kept.extend(run)
        i = end + 1
    return " ".join(kept)


def _is_modifier(token: str) -> bool:
    """Whether a word before a role noun modifies it (``Liberal Democrat``, ``film``)."""
    word = token.lower()
    return token[-1].isalnum() and (
        token[0].isupper() or (word not in stop_words() and not _is_verb(word))
    )


def _fit(text: str, words: int) -> str:
    """Cut to at most ``words`` words, at the latest clause break, else phrase break."""
    if len(text.split()) <= words:
        return text
    for pattern in (_CLAUSE_BREAK, _PHRASE_BREAK):
        cuts = [
            m.start()
            for m in pattern.finditer(text)
            if _MIN_WORDS <= len(text[: m.start()].split()) <= words
        ]
        if cuts:
            return _trim(text[: cuts[-1]])
    return _trim(" ".join(text.split()[:words]))


def _trim(text: str) -> str:
    """Drop dangling function words and punctuation from the end."""
    tokens = text.split()
    while len(tokens) > 1 and tokens[-1].lower().strip(",;:") in _table("dangling"):
        tokens.pop()
    return _strip_end(" ".join(tokens))


def _strip_end(text: str) -> str:
    """Drop the final period, trailing commas and unbalanced closing quotes."""
    text = text.strip().rstrip(" ,;:.")
    if text.count('"') % 2:
        text = text.rstrip('"').rstrip(" ,;:.")
    return text


def _capitalise(text: str) -> str:
    """Upper-case the first letter or digit."""
    for i, char in enumerate(text):
        if char.isalnum():
            return text[:i] + char.upper() + text[i + 1 :]
    return text


_POSITION_RANKS = 2
"""How many salience ranks one position down costs when picking the sentence (see _pick)."""
_FIT_WORDS = 5
"""A headline source sentence has at least this many words."""
_QUOTATION = re.compile(r"[\"“‘«`']\S+(?:\s+[^\"”’»']+){3}")
"""A sentence that opens with a quotation of four or more words: someone's words, not news."""
_CLOSING = "\"'”’»)"
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z][\w-]*")
_MAX_SOURCE_CHARS = 2_000
"""A longer sentence cannot carry a headline, and only this much of it is compressed when it
must (about 300 words: no news sentence comes near it; run-on text without stops does)."""
_MAX_CANDIDATES = 100
"""Sentences tried, best first, for one that can carry a headline (real stories need a few)."""
_MAX_NAMES = 50
"""Capitalised words of the sentence checked as surnames."""
_STORY_NAME_CHARS = 100_000
"""How much of the story is read for surname uses: names are introduced early."""
_MAX_NAME_USES = 200
"""Uses of one name read before deciding it is not used both ways."""


@headlines.register("compress")
class CompressHeadliner:
    """Compresses the most salient sentence that can carry a headline."""

    def write(self, document: Document, scores: npt.NDArray[np.float64], *, words: int) -> Headline:
        """Return the compressed sentence, traced to it."""
        sentence = document.sentences[_pick(document.sentences, scores)]
        body = document.article.body
        cased = is_cased(body)
        source = _bounded(sentence.text)
        names = _CAPITALISED_WORD.findall(source)[:_MAX_NAMES] if cased else ()
        text = compress(source, words=words, cased=cased, surnames=story_surnames(body, names))
        return Headline.from_sentence(sentence, text)


def _bounded(text: str) -> str:
    """Return at most ``_MAX_SOURCE_CHARS`` of a sentence, cut at a space if it is longer.

    Compression only deletes words, so the headline is still made of the sentence's words;
    the bound keeps every rule's cost constant however long the sentence.
    """
    if len(text) <= _MAX_SOURCE_CHARS:
        return text
    cut = text.rfind(" ", 0, _MAX_SOURCE_CHARS)
    return text[: cut if cut > 0 else _MAX_SOURCE_CHARS]


def _pick(sentences: Sequence[Sentence], scores: npt.NDArray[np.float64]) -> int:
    """Return the sentence to compress: the best by salience rank plus a position prior.

    Each position down counts as ``_POSITION_RANKS`` salience ranks, so a later sentence
    wins only when the method ranks it well above the lead. The first in that order that
    can stand as a headline is taken, else the first in that order.
    """
    ranks = np.empty(len(sentences))
    ranks[np.argsort(-scores, kind="stable")] = np.arange(len(sentences))
    order = np.argsort(ranks + _POSITION_RANKS * np.arange(len(sentences)), kind="stable")
    candidates: list[int] = order[:_MAX_CANDIDATES].tolist()
    return next((i for i in candidates if _can_carry(sentences[i].text)), candidates[0])


def _can_carry(text: str) -> bool:
    """Whether a sentence can stand as a headline: a statement with a verb, not a quotation."""
    if len(text) > _MAX_SOURCE_CHARS:
        return False
    tokens = text.split()
    return (
        len(tokens) >= _FIT_WORDS
        and not _QUOTATION.match(text)
        and tokens[0].lower().strip(",") not in _table("leaning")
        and not text.rstrip(_CLOSING).endswith("?")
        and any(_is_verb(t.strip(",.;:!?\"'“”‘’()").lower()) for t in tokens)
    )


def _is_verb(word: str) -> bool:
    """Whether a word is (very likely) a verb: listed, a common news verb, or -ed/-ing."""
    if word in _table("verbs") or (len(word) > 4 and word.endswith(("ed", "ing"))):
        return True
    for ending in ("s", "es", "d", "ed"):
        if word.endswith(ending) and word[: -len(ending)] in _table("news-verbs"):
            return True
    return word in _table("news-verbs")


def story_surnames(body: str, candidates: Iterable[str]) -> frozenset[str]:
    """Those candidate words the story uses both after another name and on their own.

    ``Paula Radcliffe`` ... ``Radcliffe said`` (or ``... Radcliffe won.``) makes
    ``Radcliffe`` a surname, so a headline may shorten the full name to it.
    """
    found = set()
    body = body[:_STORY_NAME_CHARS]
    for word in set(candidates):
        uses: set[bool] = set()
        at = body.find(word)
        for _ in range(_MAX_NAME_USES):
            if at < 0 or len(uses) == 2:
                break
            end = at + len(word)
            if not _joined(body[at - 1 : at]) and not _joined(body[end : end + 1]):
                previous = body[max(0, at - 40) : at].split()[-1:] or [""]
                uses.add(previous[0][:1].isupper() and previous[0][-1:].isalpha())
            at = body.find(word, end)
        if len(uses) == 2:
            found.add(word)
    return frozenset(found)


def _joined(char: str) -> bool:
    """Whether a neighbouring character makes a match part of a longer word."""
    return char.isalnum() or char in "-'’."
