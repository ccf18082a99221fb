"""People, organisations and places: capitalised names, typed by context and word lists.

A name is a run of capitalised words (with "of", "de", "van den", "and", "&", ... between
them), found once over the body. A sentence's first word joins a name only if the story
never writes it in lower case; alone, it is no name if news writes it in lower case
("Critics said": the common-word list). A run holds two names after a place's or body's
possessive ("Switzerland's Federal Office") and at an "and" that is no body's ("Ghana and
Malawi") or between two people each of somewhere ("Ruth Abernathy of the University of
Toronto and Matthias Kalin of ETH Zurich"), and after a one-word owner whose person the
story names again ("Altamira's Luca Ferrandi" … "Ferrandi"); a common first word stays
in a body's whole name ("Federal Trade Commission", "Emergency Management Victoria
(EMV)"); "Brussels-based" is a place; a people's word is none ("American"). Titles
before a name ("Mayor", "Dr.") are dropped from it and make it a person's. Each mention
votes for a kind: its words (``Council``: an organisation; ``River``: a place; a body's
word inside it; a place and a plural: a team, "Denver Broncos"; a known body's name and
one word: "Samsung Electronics"; a common word before a country: "Infrastructure
Australia"), the country, city and well-known body lists, an all-capital acronym (an
organisation, unless it is a place such as ``UK``), a role noun before it ("envoy Mattias
Krell"), an age or an aside before a speech verb ("Megan Vale, a nurse, told"), a speech
verb next to it ("said Krell": a person's if it could be one, else a body's: "Ofwat
said"), a place preposition before it ("in Lumea") or a place beside it in a list. The
kind with most votes wins; a two- or three-word name with no vote is a person's if it
opens with a given name. Then aliases merge: a surname alone is the person who bears it
(the first introduced, of two), an acronym the organisation whose initials it spells, a
body's first or last word alone the body.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple, TypeAlias

from newsgist.lang import FactWords
from newsgist.models import Entity, Sentence

UPPER = "A-ZÀ-ÖØ-Þ"
"""Capital letters a name may open with: ASCII and Latin-1's ("Élodie", "Ørsted")."""
CAPITAL = rf"(?:(?:[{UPPER}]\.)+|[{UPPER}][\w'’&-]*)"
"""A capitalised word, or dotted initials ("U.N."); a name never runs over a full stop, so
a sentence's last name and the next one's first word stay apart."""
KINDS = ("person", "organisation", "place")
"""The kinds of entity, in the order they are listed: people, then organisations, places."""

_JOINERS = (
    r"of|de|da|del|della|la|le|los|las|van|von|der|den|ter|ten|du|des|dos|das|di|bin|binti|bint|ibn"
    r"|al|el|es"
    r"|for|and|&"
)
_JOINER_WORDS = frozenset([*_JOINERS.split("|"), "the"])
_PATRONYMICS = frozenset({"bin", "binti", "bint", "ibn"})
"""Joiners before a father's name: the words before one are what the person is called."""
_HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
"""A romanised two-syllable given name after the family name ("Kang Dong-wook", "Hsu
Mei-ling"): the name's first word alone is the person's surname."""
JOINED = _JOINERS + "|the"
PARTICLE = r"[a-z]{1,3}[-’']"
"""A particle joined to a surname by a hyphen or an apostrophe ("al-Hassani", "d'Anjou",
"ibn-"): a short lower-case word, as one character class is cheap to try everywhere."""
"""The words that may join a name's capitalised words, as a pattern's alternatives: one or
two in a row, the second maybe "the" ("Federal Office for the Environment")."""
_POSSESSIVE = re.compile(r"['’]s?$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_DOTTED = re.compile(r"[A-Z][\w'’&-]*\.")
"""A title written short ("Dr.", "Capt."): a word and its full stop."""
_LOWER_WORD = re.compile(r"[a-z][a-z'-]+")
_LOWER_WORDS = re.compile(r"(?<![^\W\d_])[a-z][a-z'-]+(?![^\W\d_])")
"""Every lower-case word of a body, no letter either side; apostrophes and hyphens stay inside
("rock'n'roll"): the listing ``_LowerCase`` reads past ``_FINDS`` words."""
_FINDS = 200
_SPACES = re.compile(r"\s*")
_TOKEN = re.compile(r"\S+")
_MAX_NAME_WORDS = 6
_MAX_RUN_WORDS = 24
"""A run with this many spaces holds no name: a title-case line, or hostile input (a run
holds at most two or three names, each of at most ``_MAX_NAME_WORDS`` words)."""
_EDGE = ",;:.\"'“”‘’()"
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
_DASHES = frozenset({"—", "–", "-", "--"})
"""The dash after a dateline: the word after it opens a sentence ("Hanover, Germany — The
Christian Democratic Union")."""
_CLOSING = "\"'”’)"
_SENTENCE_ENDS = frozenset(".!?")
_CLOSING_QUOTES = frozenset("\"'”’")
_BRACKETED = re.compile(r"\s\((?:[A-Z]\.?){2,6}\)")
"""An acronym in brackets after a name: "European Space Agency (ESA)"."""
_AGE = re.compile(r" \(\d{1,3}\)")
"""An age in brackets after a name: "Sunita Kulkarni (52)"."""
_CONTEXT = 40
"""Characters read before and after a mention for the words next to it."""


_Tree: TypeAlias = dict[str, "_Tree"]
"""A letter tree: each letter to the tree of what may follow it; "" where a word ends."""


def alternatives(words: frozenset[str]) -> str:
    """Return a pattern matching any of ``words``, as a letter tree ("sa(?:id|ys?)").

    The engine tries a plain list of alternatives one by one at every position; the tree
    rules most positions out at the first letter. The longest word is tried first.
    """
    tree: _Tree = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _branch(tree) or "(?!)"


def _branch(node: _Tree) -> str:
    """Write one node of the letter tree: its branches, optional where a word may end."""
    branches = [
        re.escape(letter) + _branch(child) for letter, child in sorted(node.items()) if letter
    ]
    if not branches:
        return ""
    grouped = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{grouped})?" if len(branches) == 1 else f"{grouped}?"
    return grouped


@cache
def _based(words: FactWords) -> re.Pattern[str]:
    """Return the pattern of a place made into a word before a name ("Brussels-based")."""
    suffixes = "|".join(sorted(words.place_suffixes)) or "(?!)"
    return re.compile(rf"-(?:{suffixes})\b")


@cache
def known_places(words: FactWords) -> frozenset[str]:
    """Return the places table and GeoNames' towns together: the places a name may be known as.

    Cached per word tables, which hash by identity, so a lookup costs one dictionary probe.
    """
    return words.places | words.listed_places


@cache
def _prefixes(words: FactWords) -> tuple[str, ...]:
    """Return the surname prefixes as ``str.startswith`` takes them."""
    return tuple(sorted(words.surname_prefixes))


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
    up = f"[{UPPER}]"
    stop = rf"(?:(?:{titled})\.(?=\s+{up}))?" if titled else ""
    rest = rf"(?:\.(?:{up}\.)*|[\w'’&-]*{stop})"  # after the capital: initials, or a word
    topic = ""  # "Senate Committee on Health": after a body's noun only, never before a date
    if words.topic_joiners and words.topic_bodies:
        after = "|".join(rf"(?<={re.escape(body)})" for body in sorted(words.topic_bodies))
        dates = alternatives(frozenset(w for w in words.date_words if w[:1].isupper()))
        topic = (
            rf"|(?:{after})\s+(?:{alternatives(words.topic_joiners)})(?:\s+the)?"
            rf"(?!\s+(?:{dates})\b)"
        )
    joined = (
        rf"(?:(?:(?:\s+(?:{_JOINERS})(?:\s+(?:{_JOINERS}|the))?{topic})(?=\s+{up}))?"
        rf"[ \t]+(?:{PARTICLE})?{up}{rest})*"
    )
    return re.compile(rf"{up}(?<![\w'’-].){rest}{joined}")


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
    capitals = _Capitals(body)
    forms: dict[str, str | None] = {}  # a name's own vote ("" for none), None: not a name
    singles: dict[str, str] = {}  # a one-word run mid-sentence: its name ("": none)
    clues = _clues(words)
    found: list[Mention] = []

    events: set[str] = set()  # the names of storms (``event_openers``), written alone

    def form_of(name: str) -> str | None:
        """Return a name's own vote, or None for a common word or a date (once per name)."""
        if name in forms:
            return forms[name]
        form = forms[name] = (
            None
            if _common(name, lower_words, stop_words)
            or _is_date(name, words)
            or name in words.common_acronyms
            else form_vote(name, words)
        )
        opener, _, rest = name.partition(" ")
        if (
            opener in words.event_openers
            and rest.isalpha()
            and rest.lower() not in words.common_words
        ):  # "Hurricane Delphine": no one (not "Hurricane Electric", a firm), and
            forms[name] = form = None  # "Delphine" alone is the storm too
            events.add(rest)
        return form

    def record(name: str, span: tuple[int, int], person: bool) -> None:
        """Keep a mention unless its name is a common word or a date; vote for its kind."""
        form = form_of(name)
        if form is not None:
            kind = "person" if person else form or _context_vote(body, span, clues)
            if (
                kind is None
                and " " in name
                and body[max(0, span[0] - 4) : span[0]] == "the "
                and _team(name.split(), words, named_as_body=True)
            ):
                kind = "organisation"  # "the Portland Pioneers": no person has "the" before
            if kind in ("place", None) and _contest(body, span, clues, capitals):
                kind = "organisation"  # "a 3-1 win over Saltmarsh City": a team
            found.append((name, span, kind))

    def record_owner(run: list[str], start: int) -> None:
        """Record the body or place that owns the title ending ``run`` ("Labour MP")."""
        owner = _title_owner(run, words, lower_words, stop_words)
        form = form_of(owner) if owner else None
        if form == "" and run[-1].lower() in words.company_roles:
            form = "organisation"  # "Velmora Chief Executive Ines Roth": a company's
        elif form == "" and run[-1] in words.place_titles:
            form = "place"  # "Red Fork Mayor Dale Hutchins": a town's
        if form in _OWNERS:
            found.append((owner, (start, start + len(owner)), form))

    def scan(where: int, text: str, opening: bool) -> None:
        """Record the names in one run of capitalised words at ``where``."""
        if len(text) > _MAX_RUN_WORDS and text.count(" ") + text.count("\t") >= _MAX_RUN_WORDS:
            return  # a title-case line or a hostile run: no name, and a bounded cost (a run
            # opens with a capital, so one this short has fewer spaces: no count)
        based = _based(words).search(text) if "-" in text else None
        if based is not None:  # "Brussels-based European Polymer Council": a place, a name
            place, at = text[: based.start()], where
            own = _own_name(place.split(" "))
            if own < len(place):  # "Korea's Hanseong Bank and the Abu Dhabi-based": two runs
                before = list(_TOKEN.finditer(place[: len(place) - own]))
                while before and before[-1].group() in _NAME_BREAKS:
                    before.pop()  # "… and the": the next name's glue
                if before:
                    scan(where, place[: before[-1].end()], opening)
                place, at, opening = place[len(place) - own :], at + len(place) - own, False
            if place in words.demonyms:
                place = ""  # "Spanish-born": no place named
            while opening and " " in place and _common(place.split()[0], lower_words, stop_words):
                skipped = len(place) - len(place.split(None, 1)[1])
                place, at, opening = place[skipped:], at + skipped, False
            if place and not _common(place, lower_words, stop_words):
                found.append((place, (at, at + len(place)), "place"))
            rest = text[based.end() :]
            stripped = rest.lstrip()
            if stripped[:1].isupper():
                made = len(found)
                scan(where + based.end() + len(rest) - len(stripped), stripped, False)
                if (
                    len(found) > made
                    and found[made][2] is None
                    and based.group()[1:] in words.body_suffixes
                    and found[made][0].split(" ", 1)[0] not in words.first_names
                ):  # "Paris-based Arkessa": a body; "Texas-born Dale Ruiz" is no clue
                    found[made] = (found[made][0], found[made][1], "organisation")
            return
        if " " not in text and "\t" not in text:  # one word, the usual case: the short way
            if (opening and _opening_common(text, lower_words, stop_words, words)) or (
                text in words.demonyms
            ):
                return
            name = singles.get(text)
            if name is None:
                name = _tidy(text)
                if (
                    text in words.titles
                    or text.lower().strip(".") in words.roles
                    or (text[1:2].isupper() and _post_nominal(text, words))
                    or (("'" in text or "’" in text) and _CONTRACTION.fullmatch(text))
                ):
                    name = ""
                singles[text] = name
            if name:
                record(name, (where, where + len(name)), False)
            return
        tokens = text.split()
        cut = (
            _cut(tokens, words, capitals)
            if "s " in text
            or "s' " in text
            or "s’ " in text
            or " and " in text
            or " for " in text
            or " on " in text
            else None
        )
        if cut is not None:  # "Switzerland's Federal Office", "Ghana and Malawi"
            head, skip = cut
            bounds = [m.span() for m in _TOKEN.finditer(text)]
            scan(where, text[: bounds[head - 1][1]], opening)
            resume = bounds[head + skip][0]
            scan(where + resume, text[resume:], False)
            return
        first = 0
        if (
            len(tokens) > 1
            and tokens[1] in words.first_names
            and tokens[0] not in words.first_names
            and (
                tokens[0] in words.demonyms
                or (opening and len(tokens) > 2 and tokens[0].lower() in words.common_words)
            )
        ):
            first = 1  # "American Jordan Pike", a sentence's "Brave Margaret Ellery"
        elif (
            opening
            and len(tokens) > 2
            and tokens[0].lower() in words.organisation_nouns
            and tokens[1][:1].isupper()  # not "Committee on Foreign Affairs": one name
            and form_vote(" ".join(tokens[1:]), words) in ("organisation", "")
            and form_vote(text, words) in ("organisation", "")
        ):
            first = 1  # a sentence's "Brokerage Brenhart Securities said", "Operator Skarvik
            # Energi said": the firm's name, and the noun before it votes for a body
        if (
            opening
            and len(tokens) > 1
            and tokens[0].lower() in words.place_prepositions
            and (
                body[where + len(text) : where + len(text) + 1] == ","
                or " ".join(tokens[1:]) in known_places(words)
            )
        ):
            first = 1  # a sentence's "Across Myanmar, …": the preposition, then the place;
            # not "Inside Climate News reported", a name
        while first < len(tokens) and opening:
            token = tokens[first].strip(".")
            if (
                not _common(token, lower_words, stop_words)
                and token not in words.date_words
                and token.lower() not in words.number_words
            ):
                break
            lowered = token.lower()
            if (
                lowered not in stop_words
                and lowered not in words.number_words
                and _body_named(tokens, first, body, where + len(text), words, capitals)
            ):
                break  # "Federal Trade Commission", "Single Resolution Board (SRB)"
            first += 1  # a sentence's first word, written in lower case elsewhere ("The")
        if first == len(tokens):
            return
        noun = tokens[first].removesuffix("s")
        if (
            opening
            and first + 2 < len(tokens)
            and tokens[first + 1] == "of"
            and not _name_word(tokens[first], words)
            and noun not in words.place_words  # "City of Edinburgh Council", "Airports of …"
            and noun not in words.organisation_words
        ):
            first += 2  # "Shareholders of Brightwater Foods": a common noun and its "of"
        offsets = [where]
        for token in tokens[:-1]:
            after = offsets[-1] + len(token)
            offsets.append(_SPACES.match(body, after).end())  # type: ignore[union-attr]
        titled = False
        if (
            first + 1 < len(tokens)
            and tokens[first] in words.title_qualifiers
            and tokens[first + 1] in words.titles
        ):
            first += 1  # "Senior Minister of State for Transport Lionel Teo"
        while first < len(tokens) and (
            tokens[first] in words.titles
            or tokens[first].lower() in words.roles
            or ("-" in tokens[first] and _hyphen_role(tokens[first].lower(), words))
            or _suffixed_role(tokens, first, words, capitals)
        ):  # "Mayor", "envoy", "Mum-of-two", "Co-author"
            titled = True
            first += 1
        seat = (
            next(
                (
                    i
                    for i in range(first, len(tokens) - 2)
                    if tokens[i] in words.owned_titles and tokens[i + 1] in ("for", "of")
                ),
                None,
            )
            if "of" in tokens or "for" in tokens  # most runs have neither: no search
            else None
        )
        if (
            seat is not None
            and len(tokens) - seat - 2 <= 2
            and not any(t in words.first_names for t in tokens[seat + 2 :])
        ):  # "the Labour MP for Bury North": a party, a title, a seat; not "Mayor of X Sadiq"
            record_owner(tokens[first : seat + 1], offsets[first])
            place = " ".join([*tokens[seat + 2 : -1], _tidy(tokens[-1])])
            if form_of(place) is not None:
                found.append((place, (offsets[seat + 2], offsets[seat + 2] + len(place)), "place"))
            return
        inner = None
        if len(tokens) - first > 2:  # a word, then the title, then a name: three words at least
            inner = _inner_title(tokens, first, words)
        if inner is not None:  # "Chief Fire Officer Marta Lindqvist": "Fire Officer" goes too
            record_owner(tokens[first:inner], offsets[first])
            titled, first = True, inner
            while first < len(tokens) and (
                tokens[first] in words.titles or tokens[first].lower() in words.roles
            ):
                first += 1  # "Police Chief Constable": titles all; "Chief Executive Nadia"
        if titled and first < len(tokens) and tokens[first] in ("of", "for"):
            given = _after_portfolio(tokens, first + 1, words)  # "Minister of State for Foreign
            if given is not None:  # Affairs Khalid al-Mansouri": the name after it
                first = given
            elif (
                2 <= len(tokens) - first - 2 <= 3 and tokens[first + 1] in words.organisation_words
            ):  # the bound first: a run may end at its "of" ("The Director of the Lome-based …")
                first += 2  # "Superintendent of Police Wasiu Adeyemi": a rank's body, a name
            elif (
                2 <= len(tokens) - first - 2 <= 3
                and tokens[first + 1].lower() in words.common_words
                and not _common(tokens[first + 2], lower_words, stop_words)
            ):
                first += 2  # "Minister for Health Gráinne Tierney": a portfolio, then a name
            else:
                titled = False  # "the Labour MP for Stockport": a place, not a person
        tail = _tidy(tokens[-1])  # "The Justice Department's antitrust division"
        body_named = tail in words.organisation_words or tail in words.place_words
        if (
            titled
            and body_named
            and "of" not in tokens[first:]
            and not any(t.endswith(".") for t in tokens[:first])  # "Rep. Jo Park": a person
        ):
            titled, first = False, 0  # "Premier League", "Queen Elizabeth Hospital": a body's
        if first < len(tokens) - 2 and tokens[first] == "The" and opening:
            first += 1  # "The European Commission said": mid-sentence, "The Reel Ledger" keeps it
        while first < len(tokens) and tokens[first] in _JOINER_WORDS:
            first += 1  # "Mayor of The …": the title went, its "of" goes too ("Van Rijn" stays)
        last = len(tokens)
        while last > first and (
            tokens[last - 1] in _JOINER_WORDS
            or (
                tokens[last - 1][1:2].isupper()
                and _post_nominal(tokens[last - 1], words)
                and last - 1 > first
            )
        ):
            last -= 1  # "… of", "Alison Farrugia SC": a post-nominal is no part of the name
        while last - 1 > first and _MODEL.fullmatch(tokens[last - 1].rstrip(_EDGE)):
            last -= 1  # "Corvane Aerospace CV-220": the maker's name, then its product's
        if (
            tokens[last - 1] in words.demonyms
            and not titled
            and tokens[first] not in words.first_names
        ):
            return  # "South African", "Latin American": a people's word, no name ("Dawn French" is)
        if last == first or (
            last - first > _MAX_NAME_WORDS and _words_in(tokens, first, last) > _MAX_NAME_WORDS
        ):  # the particles are counted only in a run long enough to need it
            return
        for begin, end, person in _parts(tokens, first, last, titled, words):
            tail = _tidy(tokens[end - 1])
            if tail:
                name = " ".join([*tokens[begin : end - 1], tail])
                record(name, (offsets[begin], offsets[end - 1] + len(tail)), person)

    for match in _name_pattern(words).finditer(body):
        text = match.group()
        if text.isalpha() and text.lower() in stop_words:
            continue  # "The", "But": a stop word alone is no name, wherever it stands
        where = match.start()
        opening = (
            where in starts
            or body[max(0, where - 2) : where].strip() in _OPENING_QUOTES
            or body[max(0, where - 3) : where].strip() in _DASHES
            or body[where - 2 : where] == ": "  # "Bengaluru, DHNS: The Lakes Authority said"
        )
        scan(where, text, opening)
    found = _numbered(body, _spelled_out(body, _portfolios(body, found), words), words)
    if events:
        found = [mention for mention in found if mention[0] not in events]
    found = _party_states(body, _regions(body, _abbreviated(body, found, words), words), words)
    if (dateline := _CAPITALS_DATELINE.match(body)) and (
        (town := dateline[1].title()) in known_places(words)
    ):  # "PUNE: Residents of …", "CHENNAI" on a line of its own: a known town
        found = [m for m in found if m[1][0] >= dateline.end(1)]
        found.insert(0, (town, dateline.span(1), "place"))
    placed = {name for name, _, kind in found if kind == "place"}
    for i in range(1, len(found)):  # "in Denver, Phoenix and Chicago": a list of places
        if found[i][2] is None and (found[i - 1][2] == "place" or found[i - 1][0] in placed):
            name, span, _ = found[i]
            glue = body[found[i - 1][1][1] : span[0]]
            if (
                glue in _LIST_GLUE
                or (glue == " to " and _two_before(body, found[i - 1][1][0])[-1:] == ["from"])
            ) and not (glue == ", " and " " in name and _speaks_next(body, span[1], clues)):
                found[i] = (name, span, "place")  # "from Toledo to Cincinnati" too; not "its
                # director for Wales, Huw Prydderch, said"
                placed.add(name)
    for i in range(len(found) - 2, -1, -1):  # "between Tabora and Kigoma": Kigoma a place
        if found[i][2] is None and found[i + 1][0] in placed:
            name, span, _ = found[i]
            if body[span[1] : found[i + 1][1][0]] in _PAIR_GLUE:
                found[i] = (name, span, "place")
    for i, (name, span, kind) in enumerate(found):  # "Amazon and Wayfair"
        if (
            kind is None
            and name.split(" ", 1)[0] not in words.first_names
            and name not in words.listed_places
            and _paired_with_body(body, found, i)
        ):
            found[i] = (name, span, "organisation")
    for i in range(len(found) - 1):  # "Red Bull's Kenji Mori": his team, or his employer
        name, span, kind = found[i]
        after, _, person = found[i + 1]
        if (
            kind is None
            and (person == "person" or after.split(" ", 1)[0] in words.first_names)
            and " " in after
            and body[span[1] : found[i + 1][1][0]] in _OWNING
            and name not in words.listed_places
        ):
            found[i] = (name, span, "organisation")
    for i in range(len(found) - 2, -1, -1):  # "of Ilfracombe, Devon": a town, its county
        if found[i][2] is None and found[i + 1][2] == "place":
            name, span, _ = found[i]
            following = found[i + 1][1][1]
            owns = body[following : following + 2] in _POSSESSIVES  # "Massoumeh Ebtekar,
            if body[span[1] : found[i + 1][1][0]] == ", " and not owns:  # Iran's Vice President"
                found[i] = (name, span, "place")
    return found


_HELD = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)\s+(?:of|for|at)\s+[^,;.]{1,100}\Z"
)
"""A role and the body it is held at, ending where a name between commas starts."""
_AGED_ASIDE = re.compile(r", \d{1,3}, ")
"""An age between commas just after a name: a person's ("Ghulam Rasool Dar, 68, said")."""


def _speaks_next(body: str, end: int, clues: _Clues) -> bool:
    """Whether a comma and a speech verb follow a name ("…, Huw Prydderch, said"): a speaker."""
    if body[end : end + 2] != ", ":
        return False
    verb = body[end + 2 : end + 2 + _CONTEXT].split(None, 1)[:1]
    return bool(verb) and verb[0].strip(_EDGE) in clues.speech_verbs


_OWNERS = frozenset({"organisation", "place"})
"""What a title's owner can be: "Labour MP", "Texas Governor" (not "Transport Secretary")."""


def _title_owner(
    run: list[str], words: FactWords, lower_words: _LowerCase, stop_words: frozenset[str]
) -> str:
    """Return the body or place a title in ``run`` names, or "": "Labour" of "Labour MP".

    ``run`` ends with the title; the title's own words go ("Tesla Chief Executive": "Tesla"),
    and nothing is named before a portfolio's title ("Labour Minister") or after a common
    word ("Assistant U.S. Attorney").
    """
    if run[-1] not in words.owned_titles:
        return ""
    last = len(run) - 1
    while last and (run[last - 1] in words.titles or run[last - 1].lower() in words.roles):
        last -= 1
    if not last or _common(run[0].strip("."), lower_words, stop_words):
        return ""
    return " ".join(run[:last])


_PORTFOLIO = re.compile(
    r"(?:, [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?){1,3},? and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?\b"
)
"""The rest of a body's list of portfolios after its first: ", Industry and Energy",
", Culture, Media and Sport"."""


def _portfolios(body: str, found: list[Mention]) -> list[Mention]:
    """Join a body's name to the portfolios listed after it: one name, not two.

    "the Ministry of Trade, Industry and Energy", "the Department for Environment, Food and
    Rural Affairs": a name with "of" or "for" that the text goes on listing after a comma.
    """
    joined: list[Mention] = []
    end = -1
    for name, span, kind in found:
        if span[0] < end:
            continue  # a part of the list just joined
        listed = (
            _PORTFOLIO.match(body, span[1])
            if kind == "organisation" and (" of " in name or " for " in name)
            else None
        )
        if listed is not None:
            end = listed.end()
            name, span = name + listed.group(), (span[0], end)
        joined.append((name, span, kind))
    return joined


_NUMBER_AFTER = re.compile(r" \d{1,2}\b(?![.,:]?\d)")
"""A channel's number after its name: "BBC Radio 4", not "Radio 4.5" or a score."""
_ROAD_NUMBER = re.compile(r" \d{1,4}[A-Z]?\b(?![.,:]?\d)")
"""A road's number after its name: "Route 9", "Interstate 225", "Highway 1A"."""


def _abbreviated(body: str, found: list[Mention], words: FactWords) -> list[Mention]:
    """Give a name of two words or more its short last word's full stop ("Rudy Vasquez Jr.")."""
    ends = words.abbreviated_ends
    for i, (name, (start, end), kind) in enumerate(found):
        if body[end : end + 1] == "." and " " in name and name.rsplit(" ", 1)[-1] in ends:
            found[i] = (name + ".", (start, end + 1), kind)
    return found


def _regions(body: str, found: list[Mention], words: FactWords) -> list[Mention]:
    """Type a state's short form after a known town and a comma as a place ("Regina, Sask.").

    Only where a full stop or a comma follows it, as a person's name may be one ("Asked about
    it, Kan said").
    """
    regions, places = words.region_abbreviations, known_places(words)
    for i, (name, span, kind) in enumerate(found):
        if (
            i
            and kind != "person"
            and name.replace(".", "") in regions
            and body[span[0] - 2 : span[0]] == ", "
            and (name.endswith(".") or body[span[1] : span[1] + 1] in (".", ","))
            and found[i - 1][1][1] == span[0] - 2
            and (found[i - 1][2] == "place" or found[i - 1][0] in places)
        ):
            found[i] = (name, span, "place")
    return found


def _party_states(body: str, found: list[Mention], words: FactWords) -> list[Mention]:
    """Add the state or town of a legislator's party tag as a place ("(D-N.M.)", ", R-Alba,").

    In brackets, only a known place or a state's short form ("(UN-Habitat)" is none); between
    commas after a name, only a town: a state there ("Sen. Ana Ruiz, D-Ariz.,") names the
    seat, and the sets leave it unlabelled ("State Rep. Corinne Vail, R-Hartsville,").
    """
    places, regions = known_places(words), words.region_abbreviations
    ends = {span[1] for _, span, _ in found}
    tags = [  # a bracket, or commas just after a name
        state
        for state in _PARTY_STATE.finditer(body)
        if state[0][0] == "(" or state.start() in ends
    ]
    states = [
        state
        for state in tags
        if (state[0][0] == "(" and (state[1] in places or state[1].replace(".", "") in regions))
        or (
            state[0][0] == ","
            and "." not in state[1]
            and state[1] not in words.places
            and state[1] not in regions
        )
    ]
    taken = {  # "D-N.M.", "R-Texas" read as a name: not one
        state.start() + len(state[0]) - len(state[0].lstrip("(, "))
        for state in (*states, *(tag for tag in tags if tag[0][0] == ","))
    }
    if not taken:
        return found
    found = [m for m in found if m[1][0] not in taken]
    found.extend((state[1], state.span(1), "place") for state in states)
    found.sort(key=lambda mention: mention[1])
    return found


_PARTY_STATE = re.compile(
    r"(?:\(|, )(?:[A-Z]{1,3})-([A-Z][a-z]*\.?(?:\s?[A-Z][a-z]*\.?)?)(?:\)|,(?= ))"
)
"""A party and a state or town after a legislator's name, in brackets or between commas
("(R-Texas)", "(D-N.M.)", "(DFL-Minn.)", ", R-Hartsville,"): the state or town is a place."""


def _numbered(body: str, found: list[Mention], words: FactWords) -> list[Mention]:
    """Give a name its number where its last word is a channel's or a road's.

    "BBC Radio 4" and "ITV 2" are bodies, "Route 21" and "Interstate 225" places.
    """
    channels, roads = words.numbered_words, words.numbered_places
    for i, (name, span, kind) in enumerate(found):
        last = name.rsplit(" ", 1)[-1]
        if last in channels and (after := _NUMBER_AFTER.match(body, span[1])):
            found[i] = (name + after[0], (span[0], after.end()), kind or "organisation")
        elif last in roads and (after := _ROAD_NUMBER.match(body, span[1])):
            found[i] = (name + after[0], (span[0], after.end()), "place")
    return found


def _paired_with_body(body: str, found: list[Mention], at: int) -> bool:
    """Whether the name at ``at`` is joined by "and", "or" or a dash to a body's just beside it."""
    span = found[at][1]
    return any(
        found[j][2] == "organisation"
        and body[min(span[1], found[j][1][1]) : max(span[0], found[j][1][0])] in _PAIR_GLUE
        for j in (at - 1, at + 1)
        if 0 <= j < len(found)
    )


_CAPITALS_DATELINE = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?::[ \t]|[ \t]*\n)")
"""A dateline in capitals the ingest leaves on the body: before a colon, or a line alone."""
_DEFINED = re.compile(r"\s\(([A-Z][A-Za-z&]{1,9})\)")
"""An acronym in brackets after the name it stands for: "… Regulatory Agency (MHRA)"."""
_LONG_WORD = re.compile(r"[\w'’&-]+,?")
"""A word of the name an acronym spells, with the comma of a list after it."""


def _spelled_out(body: str, found: list[Mention], words: FactWords) -> list[Mention]:
    """Make the words an acronym in brackets spells one name, where the scan split or cut it.

    "the Medicines and Healthcare products Regulatory Agency (MHRA)", "the Intergovernmental
    Panel on Climate Change (IPCC)", "Foreign, Commonwealth and Development Office (FCDO)",
    "Transport for London (TfL)": the capitalised words before the bracket, back from it,
    each give the acronym's next letter (an all-capital word its letters), lower-case words
    and commas between them none; its kind is the name's own, or an organisation's. A name
    found already that holds those words stays ("United Nations Office for … (OCHA)").
    """
    if "(" not in body:
        return found
    made: list[Mention] = []
    ordered = sorted(found, key=lambda mention: mention[1])
    begins = [span[0] for _, span, _ in ordered]
    for defined in _DEFINED.finditer(body):
        acronym = defined[1]
        if sum(c.isupper() for c in acronym) < 2 or acronym in words.common_acronyms:
            continue
        start = _long_form(body, defined.start(), acronym)
        if start is not None:
            name = " ".join(body[start : defined.start()].split())
            inside = bisect_right(begins, start) - 1  # the last name found starting before
            if inside < 0 or ordered[inside][1][1] < defined.start():
                made.append((name, (start, defined.start()), form_vote(name, words) or None))
    if not made:
        return found
    starts = [span[0] for _, span, _ in made]  # in body order, and apart
    kept = [
        m
        for m in found
        if (at := bisect_right(starts, m[1][0]) - 1) < 0 or m[1][1] > made[at][1][1]
    ]  # what the scan found inside a spelled-out name goes
    kept += [(name, span, kind or "organisation") for name, span, kind in made]
    return sorted(kept, key=lambda mention: mention[1])


def _long_form(body: str, end: int, acronym: str) -> int | None:
    """Return where the name an acronym spells starts, just before ``end``, or None."""
    tokens = list(_LONG_WORD.finditer(body, max(0, end - 24 * len(acronym)), end))
    letters = acronym.replace("&", "")
    at = len(tokens)
    while letters and at > 0:
        at -= 1
        word = tokens[at][0].rstrip(",")
        following = tokens[at + 1].start() if at + 1 < len(tokens) else end
        if not body[tokens[at].end() : following].isspace() and tokens[at].end() < following:
            return None  # a full stop, a bracket or a quotation between: another sentence
        if word.isupper() and len(word) > 1 and letters.endswith(word):
            letters = letters[: -len(word)]  # "UK Health Security Agency (UKHSA)"
        elif word[0].isupper():
            if word[0] != letters[-1]:
                return None
            letters = letters[:-1]
        elif letters[-1].islower() and word[0] == letters[-1]:
            letters = letters[:-1]  # "Transport for London (TfL)"
        elif len(tokens) - at > 2 * len(acronym):
            return None
    if letters or at == len(tokens) or not tokens[at][0][0].isupper():
        return None
    return tokens[at].start()


_NAME_BREAKS = frozenset({"and", "&", "the", "for"})
"""Words a place's name before "-based" never runs back over ("… Bank and the Abu Dhabi")."""


def _own_name(tokens: list[str]) -> int:
    """Return the length of the name that ends ``tokens``: back to a possessive or an "and"."""
    first = len(tokens) - 1
    while (
        first > 0
        and tokens[first - 1] not in _NAME_BREAKS
        and not _POSSESSIVE.search(tokens[first - 1])
    ):
        first -= 1
    while first < len(tokens) - 1 and tokens[first] in _JOINER_WORDS:
        first += 1
    return len(" ".join(tokens[first:]))


def _hyphen_role(token: str, words: FactWords) -> bool:
    """Whether a hyphened word opens or closes with a role ("mum-of-two", "co-author")."""
    parts = token.split("-")
    return parts[0] in words.roles or parts[-1] in words.roles


def _suffixed_role(tokens: list[str], at: int, words: FactWords, capitals: _Capitals) -> bool:
    """Whether a word no table lists is a role by its ending, before a person's name.

    The name opens with a given name, or is two words with no body's or place's word whose
    last stands alone elsewhere, as a surname does ("Agronomist Jess Tranter" … "Ms
    Tranter"); "Communist Party" and "Christ Church Cathedral" are no role and a name.
    """
    token, rest = tokens[at], tokens[at + 1 :]
    return (
        bool(rest)
        and token not in words.first_names
        and token.lower().endswith(words.role_suffixes)
        and (
            rest[0] in words.first_names
            or (
                len(rest) == 2
                and not form_vote(" ".join(rest), words)
                and _surnamed(" ".join(rest), capitals)
            )
        )
    )


def _body_named(
    tokens: list[str], first: int, body: str, end: int, words: FactWords, capitals: _Capitals
) -> bool:
    """Whether a run from ``first`` is a body's whole name, its common first word and all.

    Three words or more ending in a body's word ("Federal Trade Commission") or with one
    before "of" ("Bank of Estoria", "Federal Ministry of Agriculture"), or initials that
    spell the run, in brackets after it ("Emergency Management Victoria (EMV)") or as a
    word of the story ("the HSE" … "The Health Service Executive said").
    """
    rest = tokens[first:]
    initials = "".join(token[0] for token in rest if token[0].isupper())
    if len(rest) >= 3:
        joiner = next((i for i, token in enumerate(rest) if token in ("of", "for")), len(rest))
        head = rest[joiner - 1]  # "Bank" of "Bank of Estoria", "Ministry" of "Federal Ministry of"
        if rest[-1] in words.organisation_words or head in words.organisation_words:
            return True
        if len(initials) >= 3 and capitals.count(initials):
            return True
    bracketed = _BRACKETED.match(body, end)
    return bracketed is not None and _letters(bracketed.group()) == initials


def _letters(text: str) -> str:
    """Return the capital letters of ``text`` ("(U.S.)": "US")."""
    return "".join(c for c in text if c.isupper())


_POSSESSIVES = frozenset({"'s", "’s", "s'", "s’"})
"""A possessive's ending: "Red Bull's", and "Mercedes'" after a plural or a name's "s"."""


def _cut(tokens: list[str], words: FactWords, capitals: _Capitals) -> tuple[int, int] | None:
    """Return where a run holds two names: its first one's word count and the words between.

    After a possessive ("Switzerland's Federal Office for the Environment"), and at an "and"
    in a run that is no organisation's ("Ghana and Malawi", not "Devon and Cornwall Police"
    or "Department of Health and Social Care") or that joins two ("the Red Cross Society and
    the World Food Programme"); at "for" after one word that is no body's, before a body's
    name ("Kestrelview for the Glasgow Courier", not "Office for National Statistics"). An
    "&" always joins one name ("Procter & Gamble"); two people, each of somewhere, are two
    ("Ruth Abernathy of the University of Toronto and Matthias Kälin of ETH Zurich").
    """
    for i, token in enumerate(tokens[:-1]):
        if token[-2:] in _POSSESSIVES and _owner(tokens, i, words, capitals):
            return i + 1, 0
    on = next((i for i, token in enumerate(tokens) if token in words.topic_joiners), 0)
    if on and (
        tokens[-1] in words.place_words
        or tokens[-1] in words.organisations
        or " ".join(tokens[on + 1 :]) in known_places(words)
    ):
        return on, 1  # "the Board on Wall Street", "the Authority on Twitter": a place, a body
    if (
        len(tokens) > 3
        and tokens[1] == "for"
        and tokens[0] not in words.organisation_words
        and tokens[0] not in words.titles
        and (tokens[-1] in words.organisation_words or tokens[0] in known_places(words))
    ):
        return 1, 1 + (tokens[2] == "the")  # "Kestrelview for the Glasgow Courier", "Cardiff
        # for the Principality Stadium"
    ands = [i for i, token in enumerate(tokens) if token == "and" and 0 < i < len(tokens) - 1]
    if ands and _one_place(" ".join(tokens), words):
        return None  # "Antigua and Barbuda", "the Turks and Caicos": one country's name
    for at in ands:
        if tokens[at + 1] == "the" or (
            tokens[at - 1] in words.organisation_words
            and "of" not in tokens[:at]
            and "for" not in tokens[:at]
        ):  # "Food and Drug Administration and the …", not "Ministry of Water and Irrigation"
            return at, 1 + (tokens[at + 1] == "the")
    if ands:
        at = ands[0]
        named = (  # "Department of Health and …", "Committee on Pedestrian and Traffic Safety"
            "of" in tokens[:at]
            or "for" in tokens[:at]
            or not words.topic_joiners.isdisjoint(tokens[:at])
        )
        headed = any(  # "Maritime and Port Authority of Singapore": a body's "X of Y" after it
            tokens[i] in words.organisation_words and tokens[i + 1] in ("of", "for")
            for i in range(at + 1, len(tokens) - 1)
        )
        if not named and not headed and _tidy(tokens[-1]) not in words.organisation_words:
            return at, 1  # "Ghana and Malawi", not "Devon and Cornwall Police('s)"
        titled = at + 2 < len(tokens) - 1 and (
            tokens[at + 1] in words.titles or tokens[at + 2] in words.titles
        )  # "… and Sen. Dale Whitcomb of Ohio", "… and Republican Sen. Dale Whitcomb"
        if named and (tokens[0] in words.first_names or titled):
            return at, 1  # a person of somewhere, and another
    return None


def _one_place(name: str, words: FactWords) -> bool:
    """Whether a name with "and" in it is one listed place, maybe without its last word.

    "Antigua and Barbuda"; "Turks and Caicos", written without "Islands" (``place_plurals``).
    """
    listed = known_places(words)
    return name in listed or any(f"{name} {last}" in listed for last in words.place_plurals)


def _owner(tokens: list[str], at: int, words: FactWords, capitals: _Capitals) -> bool:
    """Whether the possessive at ``at`` is a place's or a body's before a person's name.

    "Switzerland's Federal Office", "Apple's Tim Cook": two names; "St Mary's Hospital",
    "King's College": one. After a one-word owner, two or three plain words the story
    writes again in part are a person's ("Altamira's Luca Ferrandi" … "Ferrandi").
    """
    if (  # "the University of Cape Town's Centre of Criminology": a body's, of a body
        at >= 2
        and len(tokens) - at > 2
        and tokens[at][-1] in "sS"
        and "of" in tokens[:at]
        and "and" not in tokens[:at]
        and form_vote(" ".join([*tokens[:at], tokens[at][:-2]]), words) == "organisation"
    ):
        return True
    if at and tokens[at - 1] in words.name_abbreviations | words.place_openers | {"St"}:
        return False
    if f"{tokens[at]} {tokens[at + 1]}" in known_places(words):
        return False  # "King's Lynn", "Land's End": a listed place's own possessive
    if (
        tokens[at][-1] in "'’"
        and _tidy(tokens[-1]) in words.organisation_words
        and tokens[at][:-1].lower() in words.common_words
        and not (at == 1 and tokens[0] in words.first_names)
    ):
        return False  # a plural's possessive in a body's own name: "Workers' Party", not
        # "Joan Rivers' Fox Network"
    owner, after = tokens[at][: -1 - tokens[at].endswith("s")], tokens[at + 1]
    return (
        owner in words.organisation_words  # "The European Space Agency's Halcyon probe"
        or owner in words.organisations  # "Al Jazeera's Rawan Abu Shakra"
        or (owner.isupper() and owner.isalpha() and len(owner) >= 2)  # "FTC's Bureau of …"
        or owner in known_places(words)  # "Harare's Southerton", "Ca Mau's … District"
        or owner in words.acronym_places
        or owner in words.date_words  # "May's Scottish Parliament election"
        or after in words.titles
        or after in words.first_names
        or (at == 0 and _named_again(tokens[1:], words, capitals))
        or (at == 1 and tokens[0] in words.first_names)  # "Tomás Ferreira's Wexham United"
    )


def _named_again(rest: list[str], words: FactWords, capitals: _Capitals) -> bool:
    """Whether two or three plain words are a person's name the story writes again in part."""
    return (
        2 <= len(rest) <= 3
        and not any(
            token in _JOINER_WORDS
            or token in words.organisation_words
            or token in words.place_words
            or token in words.titles
            for token in rest
        )
        and any(capitals.count(_tidy(token)) > 1 for token in rest[1:])
    )


def _post_nominal(token: str, words: FactWords) -> bool:
    """Whether a word is a post-nominal or its plural ("SC", "MPs"): no part of a name."""
    single = token[:-1] if token.endswith("s") else token
    return single.isupper() and single in words.titles


_MODEL = re.compile(r"[A-Z]{1,4}-?\d{1,5}[A-Z]?")
"""A product's designation after its maker's name: "CV-220", "A320", "F-35"."""
_CONTRACTION = re.compile(r"[A-Z][a-z]*['’](?:m|re|ve|ll|d)")
"""A capitalised contraction ("I'm", "We're"): no name."""


def _words_in(tokens: list[str], first: int, last: int) -> int:
    """Count a name's words, its particles ("van", "de") left out."""
    return sum(1 for token in tokens[first:last] if token not in _JOINER_WORDS)


def _name_word(token: str, words: FactWords) -> bool:
    """Whether a word can open a name before "of" ("Bank of …", "Duke of …", "Cape of …")."""
    return (
        token in words.organisation_words
        or token in words.place_words
        or token in words.place_openers
        or token in words.titles
        or token in words.first_names
    )


def _after_portfolio(tokens: list[str], start: int, words: FactWords) -> int | None:
    """Return where a name starts after a title's portfolio ("of State"), or None.

    At a given name from ``start`` on, with four words at most to the run's end: "Secretary
    of State Marco Rubio", "Minister of State for Foreign Affairs Khalid al-Mansouri".
    """
    given = next((i for i in range(start, len(tokens) - 1) if tokens[i] in words.first_names), None)
    return given if given is not None and len(tokens) - given <= 4 else None


def _inner_title(tokens: list[str], first: int, words: FactWords) -> int | None:
    """Return where a person's name starts after a title a word or two in, or None.

    "Transport Secretary Neil Ashworth", "Chief Fire Officer Marta Lindqvist", "Koorabri Shire
    Council Mayor Greg Halloran": a title within the run's first five words, followed by one
    to three words that are no organisation's; or a title and its portfolio ("US Secretary
    of State Marco Rubio"), then a name.
    """
    for at in range(min(first + 4, len(tokens) - 2), first, -1):
        token = tokens[at]
        if token in words.titles and tokens[at + 1] in ("of", "for") and at + 4 <= len(tokens):
            given = _after_portfolio(tokens, at + 2, words)  # "US Secretary of State Marco Rubio"
            if given is not None:
                return given
        if (
            (token in words.titles or token.lower() in words.roles)
            and tokens[at + 1] not in ("of", "for")
            and tokens[at - 1] not in _JOINER_WORDS  # "Bureau of Justice Statistics": a body's
        ):
            after = tokens[at + 1 :]
            after = after[: after.index("of")] if "of" in after else after  # "… of New Mexico"
            rest = [t for t in after if t not in _JOINER_WORDS]
            most = 3 + any(
                t in words.surname_prefixes for t in rest[1:]
            )  # "Pádraig Mac Giolla Rua"
            if rest and len(rest) <= most and rest[-1] not in words.organisation_words:
                return at + 1
    return None


def _parts(
    tokens: list[str], first: int, last: int, titled: bool, words: FactWords
) -> list[tuple[int, int, bool]]:
    """Split "Robert Chen of Meridian Capital" into the person and where they are from.

    Returns ``(first, end, person)`` token ranges. A name with "of" in it is one name ("Bank
    of England") unless what comes before "of" is a person's: a title or a role came before
    it, it opens with a first name, or it is two plain words ("Matthias Kalin of ETH
    Zurich", not "Royal Bank of Scotland").
    """
    if "of" not in tokens[first:last]:
        return [(first, last, titled)]
    cut = tokens.index("of", first, last)
    # "Ada Brennan of the Varna lifeboat": two words and "of the" are a person's and where
    # they are from ("Bank of the West" has one word before "of")
    person = titled or tokens[first] in words.first_names
    person = person or (cut - first >= 2 and cut + 1 < last and tokens[cut + 1] == "the")
    person = person or (
        cut - first == 2 and not any(_name_word(t, words) for t in tokens[first:cut])
    )
    person = person or (
        cut - first == 3
        and not any(_name_word(t, words) for t in tokens[first:cut])
        and form_vote(" ".join(tokens[cut + 1 : last]), words) == "organisation"
    )  # "Lim Wei Chuan of Parti Hijau Sejahtera"
    if person:
        head = [(first, cut, True)] if cut > first else []
        rest = cut + 1
        while rest < last and tokens[rest] in _JOINER_WORDS:
            rest += 1  # "Mattias Krell of the U.N."
        return [*head, *([(rest, last, False)] if rest < last else [])]
    return [(first, last, titled)]


_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
"""One word with a capital inside it: a brand ("CeltAir"), unless a surname's prefix opens
it ("McAllister")."""
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")
"""A match's score ("30-10"), just before or after a team's name."""
_SCORE_AFTER = re.compile(r"\s+\d{1,3}-\d{1,3}(?![\w-])")
"""A score just after a name ("Leeds Rhinos 30-10")."""
_OWNING = frozenset({"'s ", "’s ", "' ", "’ "})
"""What joins an owner's name to what it owns ("Red Bull's Kenji Mori", "Mercedes' Haig")."""
_PAIR_GLUE = frozenset({" and ", " or ", "–", " – "})
"""What joins two names of one kind ("Tabora and Kigoma", "the Tabora–Kigoma line")."""
_LIST_GLUE = _PAIR_GLUE | {", ", ", and ", ", or "}
"""What joins the names of a list: a name after a place's in one is a place too."""
SPEAKER = "speaker"
"""A vote from a speech verb alone ("Ofwat said"): a person's if the name is a person's
surname or given name or more than one word, else an organisation's (see ``entities``)."""

_TIDIED = frozenset("s'’.")
"""Last characters of a word ``_tidy`` may change: other words are returned at once."""


def _tidy(word: str) -> str:
    """Drop a possessive and a trailing full stop (not an initial's: "U.N.") from one word."""
    if word[-1:] not in _TIDIED:
        return word  # most words: no pattern to run
    word = _POSSESSIVE.sub("", word)
    if word.endswith(".") and not _INITIALS.fullmatch(word):
        word = word.rstrip(".")
    return word


class _Capitals:
    """How often a body writes each capitalised word, counted once on first use (linear)."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.counts: Counter[str] | None = None

    def count(self, word: str) -> int:
        """How many times ``word`` stands as a capitalised word of its own in the body."""
        if self.counts is None:
            self.counts = Counter(_CAPITAL_WORDS.findall(self.body))
        return self.counts[word]


_CAPITAL_WORDS = re.compile(rf"[{UPPER}](?<![\w'’-].)[\w-]*(?:['’](?!s\b)[\w-]+)*")
"""A capitalised word, a possessive's "'s" left off ("Ferrandi's": "Ferrandi"). It looks
behind only after its capital, so the engine's fast scan finds it."""


class _LowerCase:
    """Whether a body writes a word in lower case, looked up on demand and remembered.

    A story asks about a few dozen words: finding each one is cheaper than listing every
    lower-case word of the body first. Past ``_FINDS`` words (a body of thousands of
    distinct capitalised words, hostile or a list) the listing is made once instead, so the
    cost stays linear.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self.known: dict[str, bool] = {}
        self.listed: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` (in lower case) stands as a word of its own in the body."""
        found = self.known.get(word)
        if found is None:
            if self.listed is None and len(self.known) >= _FINDS:
                self.listed = frozenset(_LOWER_WORDS.findall(self.body))
            if self.listed is not None:
                found = self.known[word] = word in self.listed
            else:
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


def _opening_common(
    word: str, lower_words: _LowerCase, stop_words: frozenset[str], words: FactWords
) -> bool:
    """Whether a sentence's one capitalised word is a common one ("Critics said"), no name.

    Only for a word alone: a longer run keeps a common first word ("Network Rail").
    """
    word = word.strip(".")
    return _common(word, lower_words, stop_words) or word.lower() in words.common_words


def _common(name: str, lower_words: _LowerCase, stop_words: frozenset[str]) -> bool:
    """Whether a "name" is a common word: written in lower case elsewhere, or a stop word."""
    lowered = name.lower()
    return lowered in stop_words or lowered in lower_words


def _is_date(name: str, words: FactWords) -> bool:
    """Whether a name is only day, month and time words ("Monday", "March")."""
    return name in words.date_words or words.date_words.issuperset(name.split())


def form_vote(name: str, words: FactWords) -> str:
    """Return the kind a name's own words say ("" without a clue): the same at every mention."""
    tokens = name.split()
    last = tokens[-1]
    bare = name.replace(".", "")
    several = len(tokens) > 1
    head = last
    joiner = next(  # "Bank of England", "Office for the …"
        (i for i in range(1, len(tokens)) if tokens[i] in ("of", "for")), None
    ) or next(  # "Committee on Finance"; from the second word, as a run cut after its
        # body's noun opens with the joiner ("on Elections officials"): no head then
        (i for i in range(1, len(tokens)) if tokens[i] in words.topic_joiners),
        None,
    )
    if joiner is not None:
        head = tokens[joiner - 1]
    if several and (last in words.organisation_words or head in words.organisation_words):
        return "organisation"  # "Bank of England", "Army Corps of Engineers"
    if several and last in words.place_words and tokens[-2] in words.district_services:
        return "organisation"  # "Anchorage School District": a body named for its area
    if several and (last in words.place_words or head in words.place_words):
        return "place"
    if name in words.organisations or last in words.organisations or " & " in name:
        return "organisation"  # "Ofgem", "Liberal Democrats", "Hollins & Reed"
    if several and _team(tokens, words):
        return "organisation"  # "Denver Broncos", "New England Patriots", "Ohio Democrats"
    if len(tokens) == 2 and tokens[0] in words.organisations and last not in words.titles:
        return "organisation"  # "Samsung Electronics", "Amnesty International"
    if not several and name in words.organisation_words:
        return "organisation"  # "the Commission said"
    if not several and _CAMEL.fullmatch(name) and not name.startswith(_prefixes(words)):
        return "organisation"  # "CeltAir", "FlightWatch"
    if several and any(token in words.organisation_words for token in tokens[1:-1]):
        return "organisation"  # "King's College London", "Alzheimer's Research UK"
    if several and tokens[0] in words.organisation_openers:
        return "organisation"  # "Team Cordillera", "Parti Hijau Sejahtera"
    if several and tokens[0] in words.place_openers:
        return "place"  # "Cape Varna", "River Tam"
    if several and tokens[0] in words.first_names and name not in known_places(words):
        return "person"  # "Whitney Houston", "Clark Kent": a given name before a place's
    if several and " for " in name and tokens[0].lower().removesuffix("s") not in words.roles:
        return "organisation"  # "Transport for London": no place's name has "for" in it
    if several and (last in words.places or bare.split()[-1] in words.acronym_places):
        opening = tokens[0]
        if (opening.lower() in words.common_words and opening not in words.place_qualifiers) or (
            opening.isupper() and opening.isalpha() and opening not in words.acronym_places
        ):
            return "organisation"  # "Infrastructure Australia", "NHS England"
    if bare in words.acronym_places or name in words.places or last in words.places:
        return "place"
    if bare.isupper() and 2 <= len(bare) <= 6 and bare.isalpha():
        return "organisation"
    return ""


def _team(tokens: list[str], words: FactWords, *, named_as_body: bool = False) -> bool:
    """Whether a name is a place's and a plural: a team or a party's branch ("Buffalo Bills").

    Of two words, the plural must be a common word's ("Bills"), not a surname ("Jones"),
    unless the story wrote the name as a body's (``named_as_body``: "the Portland Pioneers").
    """
    last, place = tokens[-1], tokens[-2]
    if len(tokens) == 2 and not named_as_body and last[:-1].lower() not in words.common_words:
        return False  # "Sofia Lazaridis", "Paris Jones": a person's surname
    return (
        last.endswith("s")
        and not last.endswith("ss")
        and last[:-1] not in words.demonyms
        and (place in known_places(words) or (len(tokens) > 2 and place in words.place_words))
    )


class _Clues(NamedTuple):
    """One language's context words, looked up once per mention.

    ``before``: the kind the word before a name says ("envoy", "said", "in", "operator");
    the sets and patterns: the words read around it (after it, or a role and where it is
    held before it, or what follows its possessive).
    """

    before: dict[str, str]
    speech_verbs: frozenset[str]
    place_nouns: frozenset[str]
    place_of_nouns: frozenset[str]
    """The place nouns and the nouns that make a place only before "of" ("residents of")."""
    organisation_nouns: frozenset[str]
    aside: re.Pattern[str]
    """After a name: an age (", 29,") or an aside and a speech verb (", a nurse from Omaha,
    told CNN"): a person's."""
    roles: frozenset[str]
    business_words: frozenset[str]
    employer_words: frozenset[str]
    company_roles: frozenset[str]
    listener_verbs: frozenset[str]
    work_verbs: frozenset[str]
    work_joiners: frozenset[str]
    aside_ends: frozenset[str]
    match_nouns: frozenset[str]
    match_joiners: frozenset[str]
    person_pronouns: re.Pattern[str]
    """A person's pronoun later in the sentence ("…, her brother")."""
    common_words: frozenset[str]
    first_names: frozenset[str]
    known_places: frozenset[str]
    """The places table and GeoNames' towns: a country's name next to a score is no team's."""
    source_verbs: frozenset[str]
    newsroom_verbs: frozenset[str]
    aside_phrase: re.Pattern[str]
    """An aside's words after a name and a comma, up to punctuation or a relative clause."""
    resident_nouns: frozenset[str]
    age_ends: tuple[str, ...]
    """Ends of an age's hyphened unit: "64-year-old" before a full name makes it a person's."""
    demonyms: frozenset[str]
    people_suffixes: tuple[str, ...]


@cache
def _clues(words: FactWords) -> _Clues:
    """Gather the context words, a stronger clue overriding a weaker one for the same word."""
    before = dict.fromkeys(words.place_prepositions | words.region_words, "place")
    before.update(dict.fromkeys(words.speech_verbs, SPEAKER))
    before.update(dict.fromkeys(words.roles, "person"))
    before.update(dict.fromkeys(words.organisation_nouns, "organisation"))
    verbs = alternatives(words.speech_verbs | words.quote_verbs | words.life_verbs)
    aside = re.compile(
        rf",\s+(?:\d{{1,3}},|(?P<aside>[a-z][^,.;:\"“”‘’\n]{{0,120}}?,\s+"
        rf"(?:[^,.;:\"“”‘’\n]{{1,60}}?,\s+)?)(?:[a-z][\w'’-]*\s+){{0,2}}(?:{verbs})\b)"
    )
    return _Clues(
        before,
        words.speech_verbs,
        words.place_nouns,
        words.place_nouns | words.place_of_nouns,
        words.organisation_nouns,
        aside,
        words.roles,
        words.business_words,
        words.employer_words,
        words.company_roles,
        words.listener_verbs,
        words.work_verbs,
        words.work_joiners,
        words.aside_ends,
        words.match_nouns,
        words.match_joiners,
        re.compile(rf"[^.!?,;\"“”]{{0,80}}?\b(?:{alternatives(words.person_pronouns)})\b"),
        words.common_words,
        words.first_names,
        known_places(words),
        words.source_verbs,
        words.newsroom_verbs,
        re.compile(
            rf"[\w'’-]+(?: [\w'’-]+){{1,4}}(?=[,.;:]| (?:{alternatives(words.relative_pronouns)}) )"
        ),
        words.resident_nouns,
        words.age_ends,
        words.demonyms,
        words.people_suffixes,
    )


def _context_vote(body: str, span: tuple[int, int], clues: _Clues) -> str | None:
    """Return the kind the words next to one mention say, or None without a clue."""
    before = _two_before(body, span[0])
    after = body[span[1] : span[1] + _CONTEXT].split(None, 3)[:3]
    if before and (
        before[-1].rstrip(_CLOSING)[-1:] in _SENTENCE_ENDS or before[-1][-1:] in _CLOSING_QUOTES
    ):
        before = []  # the last sentence's or quotation's last word says nothing of this name
    previous = before[-1].lower().strip(_EDGE) if before else ""
    following = after[0].lower().strip(_EDGE) if after else ""
    kind = clues.before.get(previous)
    name = body[span[0] : span[1]]
    given = name.split(" ", 1)[0] in clues.first_names  # "Ines Varga": a person's, likely
    if kind is None and previous[:1].isdigit() and previous.endswith(clues.age_ends):
        kind = _aged(name, clues)
    listens = previous in clues.listener_verbs or (
        previous == "to" and len(before) == 2 and before[0].lower().endswith("ing")
    )  # "told", "Speaking to"
    if listens and " " in name:  # one word alone is likely a paper's ("Mint"): a speaker vote
        if not given:
            return "organisation"  # "told The Associated Press", "Speaking to The Hindu"
        kind = None  # "told Ines Varga": who listens, no speaker
    sourced = previous == "by" and len(before) == 2 and before[0].lower() in clues.source_verbs
    if (sourced or following in clues.newsroom_verbs) and not given:
        return "organisation"  # "seen by The EastAfrican", "The Athletic understands"
    if previous == "the" and len(before) == 2 and before[0].lower() in clues.listener_verbs:
        return "organisation"  # "told the Nation": a listener with "the" is a paper or a body
    if _AGED_ASIDE.match(body, span[1]) or (
        body[span[0] - 2 : span[0]] == ", "
        and _speaks_next(body, span[1], clues)
        and _aged(name, clues) == "person"
        and (held := _HELD.search(body, max(0, span[0] - 160), span[0] - 2)) is not None
        and held[1] in clues.roles
    ):
        return "person"  # "the president of the association, Ghulam Rasool Dar, 68, said",
        # "The head of the Physicians' Association, Dimitris Sarantos, said"
    described = _appositive(body, span[1], clues)
    if kind == "organisation" or described == "organisation":
        return "organisation"  # "the operator, Northline", "Veltra Biologics, the company"
    if described == "place":
        return "place"  # "Red Fork, a town of about 4,800 people"
    if previous == "of" and len(before) == 2 and before[0].endswith(","):
        return "place"  # "Pike, of Alfreton, owed": where someone lives
    if _works_at(before, clues) or _owned(body, span, clues):
        return "organisation"  # "an analyst at Kessel", "Lumora's shares"
    if _role_owner(body, span, before, after, clues):
        return "organisation"  # "said Jefferies analyst Tomasz Wilk"
    if kind == "person":
        return "person"
    if kind == "place" and previous == "in":
        return "place"  # "the Office of Civil Defense in Eastern Visayas said": where it sits
    if kind == SPEAKER or following in clues.speech_verbs:
        return SPEAKER
    if kind == "place":
        return "place"
    if previous == "of" and len(before) == 2 and before[0].lower() in clues.place_of_nouns:
        return "place"  # "the city of Lumea"
    if (following in clues.place_nouns or following[:-1] in clues.place_nouns) and after[0][
        0
    ].islower():
        return "place"  # "the Varda province", "Kano and Katsina states"
    if (
        following in clues.resident_nouns
        and after[0][0].islower()
        and _home(name, before, after, clues)
    ):
        return "place"  # "Yigo resident Edward Santos"
    if following in clues.organisation_nouns and after[0][0].islower():
        if name in clues.known_places:
            return "place"  # "the Buenos Aires consultancy Pampa Análisis": where it is
        return "organisation"  # "the Casa Para Todos movement", "the Liberal Renewal party"
    if (bracketed := _BRACKETED.match(body, span[1])) and bracketed[0][2] == body[span[0]]:
        return "organisation"  # "the U.S. Geological Survey (USGS)", not "Lerato Mahlangu (DA)"
    if _AGE.match(body, span[1]):
        return "person"  # "Sunita Kulkarni (52), a homemaker": an age in brackets
    if after and after[0] == "," and (aside := clues.aside.match(body, span[1])):
        if (aside["aside"] or "").startswith("which "):
            return "organisation"  # "Seaview Lodge, which is now under new ownership, said"
        return "person"  # "Chloe Marsden, 29," / "Megan Whitfield, a nurse from Omaha, told"
    if (
        1 <= body.count(" ", *span) <= 2
        and clues.person_pronouns.match(body, span[1])
        and not any(w.lower() in clues.common_words for w in body[span[0] : span[1]].split())
    ):
        return "person"  # "Nomsa Dlamini waited for news of her brother", not "Range Rover"
    return None


def _home(name: str, before: list[str], after: list[str], clues: _Clues) -> bool:
    """Whether a name before "residents" can be where they live.

    A listed place, or one mid-sentence or before a resident's name ("Yigo resident Edward
    Santos, 58, said") that is no people's or faith's word ("Christian residents",
    "African-American residents"), no hyphened adjective ("Long-time") and no common word
    ("Irate residents").
    """
    if name in clues.known_places:
        return True
    return (
        (bool(before) or (len(after) > 1 and after[1][:1].isupper()))
        and "-" not in name
        and name not in clues.demonyms
        and not name.endswith(clues.people_suffixes)
        and name.lower() not in clues.common_words
    )


def _aged(name: str, clues: _Clues) -> str | None:
    """Return the kind an age before a name says: a full name's a person's, else no clue.

    "64-year-old Siaosi Fa'alogo"; not "a 52-year-old Californian", "a 20-year-old
    Cincinnati man" or "a 12-year-old Jamaica Reserve rum".
    """
    named = name.split(" ")
    if not 2 <= len(named) <= 3 or named[0] in clues.demonyms or named[0] in clues.known_places:
        return None
    return None if any(w.lower() in clues.common_words for w in named) else "person"


def _surnamed(name: str, capitals: _Capitals) -> bool:
    """Whether a name's last word stands alone more often than its first: a player's surname.

    "Katya Volkonskaya won 6-4" … "Volkonskaya smiled"; not "Leeds Rhinos 30-10" … "Leeds".
    """
    if " " not in name:
        return False
    return capitals.count(name.rsplit(" ", 1)[1]) > capitals.count(name.split(" ", 1)[0])


def _role_owner(
    body: str, span: tuple[int, int], before: list[str], after: list[str], clues: _Clues
) -> bool:
    """Whether a company's role and a name follow a name, with no comma: the role's employer.

    "said Jefferies analyst Tomasz Wilk". Only mid-sentence, and never a common word: a
    sentence's first word may be a sector's ("Aviation analyst Priya Lendl"), as may a
    common one ("by Finance executive Samuel Ngetich").
    """
    return (
        bool(before)
        and len(after) > 1
        and after[0] in clues.company_roles
        and after[1][:1].isupper()
        and body[span[0] : span[1]].lower() not in clues.common_words
    )


def _two_before(body: str, start: int) -> list[str]:
    """Return the (at most) two words before ``start``, as written."""
    return body[max(0, start - _CONTEXT) : start].rsplit(None, 2)[-2:]


def _contest(body: str, span: tuple[int, int], clues: _Clues, capitals: _Capitals) -> bool:
    """Whether the words next to a name are a contest's: "victory over", "leaders", a score.

    A score just before or after it ("beat Leeds Rhinos 30-10", "Wexham United 2-2 Bramley
    City") makes a team, unless the name is a known place's, a given name opens it or its
    last word stands alone elsewhere: a player's ("Katya Volkonskaya won 6-4" …
    "Volkonskaya").
    """
    before = _two_before(body, span[0])
    if (_SCORE_AFTER.match(body, span[1]) or (before and _SCORE.fullmatch(before[-1]))) and (
        name := body[span[0] : span[1]]
    ).split(" ", 1)[0] not in clues.first_names:
        return name not in clues.known_places and not _surnamed(name, capitals)  # "Denver 38-21"
    if before and "-" in before[-1] and before[-1].islower():  # "over ten-man Ashbourne City"
        before = _two_before(body, body.rindex(before[-1], 0, span[0]))
    if not before or body[span[1] : span[1] + 2] in _POSSESSIVES:
        return False  # "to win Finland's top division": what the place holds, no team
    if len(before) == 2 and before[1].lower() in clues.match_joiners:
        return before[0].lower() in clues.match_nouns
    return before[-1] in clues.match_nouns


def _works_at(before: list[str], clues: _Clues) -> bool:
    """Whether the words before a name are a role and where it is held: a body's name."""
    if len(before) != 2:
        return False
    role, joiner = before[0].lower().strip(_EDGE), before[1].lower()
    if role not in clues.roles and role[:-1] in clues.roles:
        role = role[:-1]  # "analysts at Citewell"
    held = role in clues.roles and (
        joiner in clues.employer_words or (joiner == "of" and role in clues.company_roles)
    )
    held = held or (role in clues.work_verbs and joiner in clues.work_joiners)  # "rides for"
    return held or (  # "shares in Lumora"; not "a spokesperson in Honiara", where they are
        joiner == "in" and role in clues.business_words and role not in clues.roles
    )


def _owned(body: str, span: tuple[int, int], clues: _Clues) -> bool:
    """Whether a name owns what a company owns: "Kestrion's shares", "Lumora's board"."""
    end = span[1]
    if body[end : end + 2] not in ("'s", "’s"):
        return False
    following = body[end + 2 : end + 2 + _CONTEXT].split(None, 2)[:2]
    return any(word.strip(_EDGE).lower() in clues.business_words for word in following)


def _appositive(body: str, end: int, clues: _Clues) -> str | None:
    """Return the kind an aside after a name says by its noun: a body's or a place's, or None.

    ", the company", ", a charity", ", Spain's third-largest airline,", ", a Lagos-based
    economic consultancy.", ", a town of about 4,800 people": an article or an owner, then
    at most four words.
    """
    if body[end : end + 2] != ", ":
        return None
    aside = clues.aside_phrase.match(body, end + 2)
    if aside is None:
        return None
    tokens = aside.group().split()
    opener = tokens[0]
    if opener not in ("the", "a", "an") and not opener.endswith(("'s", "’s")):
        return None
    noun = phrase_head(tokens, clues.aside_ends)  # not "a spokesman for the group"
    if noun in clues.organisation_nouns:
        return "organisation"
    return "place" if noun in clues.place_nouns else None


def phrase_head(tokens: list[str], ends: frozenset[str]) -> str:
    """Return the last word of a noun phrase before the word that ends it ("for", "of").

    "a spokesman for the group": "spokesman". The first word (an article) never ends it.
    """
    cut = next((i for i, t in enumerate(tokens[1:], 1) if t in ends), len(tokens))
    return tokens[cut - 1]


def entities(
    found: list[Mention], words: FactWords, body: str = ""
) -> tuple[list[Entity], dict[str, str]]:
    """Merge mentions into typed entities; also return each surface form's canonical name.

    ``body``: the text the mentions were found in, read for names listed with places.
    """
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    votes: dict[str, list[str]] = defaultdict(list)
    for name, span, kind in found:
        spans[name].append(span)
        if kind is not None:
            votes[name].append(kind)
    first_names = words.first_names
    surnames = {name.rsplit(" ", 1)[1] for name in spans if " " in name}
    surnames |= {name.split(" ")[1] for name in spans if name.count(" ") == 2}  # "Ibarra"
    surnames |= {  # "Kang said", after "Kang Dong-wook"
        family
        for name in spans
        if name.count(" ") == 1
        for family, given in [name.split(" ")]
        if _HYPHENED_GIVEN.fullmatch(given)
    }
    given = {  # "analyst Azman Shukor", then "Azman said": a given name the story uses alone
        name.split(" ", 1)[0]
        for name, voted in votes.items()
        if 1 <= name.count(" ") <= 2 and "person" in voted
    }
    for name, voted in votes.items():
        if SPEAKER in voted:  # "Krell said": a person; "Ofwat said": an organisation
            spoke = (
                "person"
                if name in surnames
                or name in given
                or name.split(" ", 1)[0] in first_names
                or "person" in voted
                or (" " in name and "organisation" not in voted)
                else "organisation"
            )  # "the operator, Minera Altiplano Sur", then "Minera Altiplano Sur said"
            others = [kind for kind in voted if kind != SPEAKER]
            if spoke == "organisation" and others:
                votes[name] = others  # "Montaño said Jalisco had voted": no body's clue
            else:
                votes[name] = [spoke if kind == SPEAKER else kind for kind in voted]
    kinds = {name: _kind(name, votes.get(name), first_names) for name in spans}
    for name in surnames & kinds.keys():  # "from Quintero" and "Quintero, …, admitted"
        if kinds[name] == "place" and "person" in votes.get(name, ()):
            kinds[name] = "person"
    for name, kind in kinds.items():  # "Varga told": then "Ines Varga" is a person
        if kind is None and 1 <= name.count(" ") <= 2:
            tokens = name.split(" ")
            if any(kinds.get(token) == "person" for token in tokens[1:]) or (
                kinds.get(tokens[0]) == "person" and _HYPHENED_GIVEN.fullmatch(tokens[-1])
            ):
                kinds[name] = "person"  # "Mr Ibarra": "Raúl Ibarra Sotelo" too; "Kang Dong-wook"
            elif kinds.get(tokens[0]) == "organisation" and tokens[0] not in first_names:
                kinds[name] = "organisation"  # "Kivuna Chief Executive …": "Kivuna Copper
                # Resources" is that body
    canonical = _aliases(kinds, first_names, words.listed_places)
    for name in kinds:  # "Ford Motor Co" at a sentence's end is "Ford Motor Co."
        if canonical[name] == name and (dotted := name + ".") in kinds and kinds[dotted]:
            canonical[name] = canonical[dotted]
    for name, kind in kinds.items():  # "Larkana recorded 96mm": no clue, but a known town
        if (
            kind is None
            and canonical[name] == name
            and _listed(name, words.listed_places)
            and name not in surnames
            and name.split(" ", 1)[0] not in first_names
        ):
            kinds[name] = "place"
    if body:
        _listed_with_places(found, body, kinds, canonical)
    for name, kind in kinds.items():  # "the Government said": a common noun capitalised
        if (
            kind == "organisation"
            and canonical[name] == name
            and name in words.organisation_words
            and name not in words.organisations
        ):
            kinds[name] = None
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


_LIST_GAP = re.compile(r",\s|,?\s(?:and|or)\s")
"""What separates the names of a list: "Burlington, Oakville and Milton"."""


def _listed_with_places(
    found: list[Mention], body: str, kinds: dict[str, str | None], canonical: dict[str, str]
) -> None:
    """Type as places the names nothing typed that a list joins to a place.

    "Whitefield, Mahadevapura and Bommanahalli", "between Roseau and Laudat": a list names
    things of one kind. Twice over the mentions, so a list's names all follow its place.
    """
    ordered = sorted(found, key=lambda mention: mention[1])

    def place(name: str) -> bool:
        return kinds.get(canonical.get(name, name)) == "place"

    joined = [  # each pair of neighbours a list joins; after a comma only where "and" or
        # "or" goes on ("Wales, Huw Prydderch, said" is no list)
        (first, second, body[end:start] in (", ", ",\n"))
        for (first, (_, end), _), (second, (start, _), _) in itertools.pairwise(ordered)
        if start - end <= 6 and _LIST_GAP.fullmatch(body, end, start)
    ]
    anded = {first for first, _, comma in joined if not comma}
    for _ in range(2):
        for first, second, comma in joined:
            if comma and second not in anded:
                continue
            for name, other in ((first, second), (second, first)):
                if kinds.get(name) is None and canonical.get(name) == name and place(other):
                    kinds[name] = "place"


def _listed(name: str, towns: frozenset[str]) -> bool:
    """Whether GeoNames lists a name, its accents and macrons aside ("Whakatāne")."""
    if name in towns:
        return True
    if name.isascii():
        return False
    split = unicodedata.normalize("NFD", name)  # GeoNames writes "Whakatane"
    return "".join(c for c in split if not unicodedata.combining(c)) in towns


_TIE_ORDER = ("place", "organisation", "person")
"""On a tie, the kind whose clues are surest wins: a role's or a title's over a body noun's,
and either over a preposition's ("head of research at Lumenhaus", "the firm Lumenhaus")."""


def _kind(name: str, voted: list[str] | None, first_names: frozenset[str]) -> str | None:
    """Return the kind most mentions vote for; with no vote, a first name makes a person."""
    if voted:
        if len(voted) == 1:
            return voted[0]
        tally: dict[str, int] = {}
        for kind in voted:
            tally[kind] = tally.get(kind, 0) + 1
        return max(tally, key=lambda kind: (tally[kind], _TIE_ORDER.index(kind)))
    tokens = name.split()
    if 2 <= len(tokens) <= 3 and tokens[0] in first_names:
        return "person"
    return None


def _far_longer(body: str, name: str) -> bool:
    """Whether a body's name has two words or more after ``name``, which opens it."""
    return body.count(" ") - name.count(" ") >= 2


def _aliases(
    kinds: dict[str, str | None], first_names: frozenset[str], towns: frozenset[str]
) -> dict[str, str]:
    """Map each name to its canonical form: surnames to full names, acronyms to names.

    A surname two people share is the first one's (news introduces its main figure first);
    the first of two surnames is the person's too ("Raúl Ibarra Sotelo": "Ibarra"), and a
    given name alone the one person who bears it ("Gareth", after "Gareth Prothero");
    a surname with a particle is written either way ("van den Broek", "Van den Broek"). A
    name that opens exactly one organisation's longer name, and that no context called a
    place, is that organisation ("Brightwater" and "Van Rijn" after "Brightwater Foods" and
    "Van Rijn Holdings"), and a body's last word alone is that body ("the Alliance"). Names
    are words joined by single spaces (``mentions``); ``kinds``
    lists them in the order they are first mentioned.
    """
    surnames: dict[str, list[str]] = defaultdict(list)
    later: dict[str, list[str]] = defaultdict(list)  # the first of two surnames
    given: dict[str, list[str]] = defaultdict(list)  # given names
    initials: dict[str, set[str]] = defaultdict(set)
    openers: dict[str, set[str]] = defaultdict(set)  # an organisation's first words
    heads: dict[str, set[str]] = defaultdict(set)  # an organisation's last word
    for name, kind in kinds.items():
        if kind == "person" and " " in name:
            tokens = name.split(" ")
            surnames[tokens[-1]].append(name)
            for i in range(1, len(tokens) - 1):  # "Mr Ole Sankale", "Mr Mac Giolla Rua"
                surnames[" ".join(tokens[i:])].append(name)
            patronym = next((i for i, t in enumerate(tokens) if t in _PATRONYMICS), 0)
            if patronym:  # "Nur Aisyah binti Kamarudin": "Nur Aisyah"
                surnames[" ".join(tokens[:patronym])].append(name)
            elif tokens[0] not in first_names:
                given[tokens[0]].append(name)  # "Lim", after "Lim Wei Chuan"
            if len(tokens) == 3 and tokens[1][0].isupper() and tokens[1] not in first_names:
                later[tokens[1]].append(name)  # "Raúl Ibarra Sotelo": "Mr Ibarra"
            if tokens[0] in first_names:
                given[tokens[0]].append(name)  # "Malcolm said", after "Malcolm Treherne"
            particle = next((i for i in range(1, len(tokens) - 1) if tokens[i].islower()), 0)
            if particle:  # "Maarten van den Broek": "van den Broek" and "Van den Broek"
                tail = " ".join(tokens[particle:])
                surnames[tail].append(name)
                surnames[tail[0].upper() + tail[1:]].append(name)
        elif kind == "organisation" and " " in name:
            tokens = name.split(" ")
            if tokens[-2] not in _JOINER_WORDS:  # not "Bergen", after "University of Bergen"
                heads[tokens[-1]].add(name)  # "the Alliance": "Green Alliance"
            initials["".join(t[0] for t in tokens if t[0].isupper())].add(name)
            initials["".join(c for c in name if c.isupper())].add(name)  # "U.S. … Survey": USGS
            initials["".join(t[0] for t in tokens)].add(name)  # "Transport for London": TfL
            capitals = [t[0] for t in tokens if t[0].isupper()]
            for i in range(1, len(capitals) - 2):  # "United Nations Office for the …": OCHA
                initials["".join(capitals[i:])].add(name)
            for size in range(1, len(tokens)):
                openers[" ".join(tokens[:size])].add(name)
    canonical: dict[str, str] = {name: name for name in kinds}
    for name, kind in kinds.items():
        single = " " not in name
        bearers = surnames.get(name) or later.get(name)
        if bearers and kind in (None, "person") and bearers[0] != name:
            canonical[name] = bearers[0]
        elif kind in (None, "person") and len(bearing := given.get(name, [])) == 1:
            canonical[name] = bearing[0]  # one person has this given name: "Gareth" is them
        elif (
            kind != "place"
            and len(longer := openers.get(name, ())) == 1
            and not (
                kind is None and _listed(name, towns) and _far_longer(next(iter(longer)), name)
            )
        ):  # "Brightwater", "Van Rijn": the company; "Ashford" the team "Ashford Rovers"; a
            # town is no body two words or more longer ("Mohali", "Mohali Urban Works Board")
            canonical[name] = next(iter(longer))
        elif single and kind in (None, "organisation") and len(named := heads.get(name, ())) == 1:
            canonical[name] = next(iter(named))  # "the Commission": the one body so named
        if single and len(spelled := initials.get(name.replace(".", ""), ())) == 1:
            canonical[name] = next(iter(spelled))
    return canonical
