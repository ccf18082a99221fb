"""What one language gives newsgist: word tables and rules, bundled in a frozen ``Language``.

Generic modules (segmentation, features, salience, headline compression) read everything
language-specific from the ``Language`` they are handed; each language module
(``newsgist.lang.en``) builds one instance, and ``newsgist.lang.neutral`` builds the
language-neutral one, which has none of them. Instances compare by identity: each is a
singleton that caches (term tables, stemmers) are keyed on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources


@dataclass(frozen=True, kw_only=True, eq=False)
class Segmentation:
    """The word tables sentence segmentation reads (see ``newsgist.segment``).

    Abbreviations are written as in cased text, without their final period; caseless text
    matches them in lower case. All tables are empty in the language-neutral case, which
    leaves segmentation to punctuation and case alone.
    """

    abbreviations: frozenset[str] = frozenset()
    """Words a period after which need not end a sentence (``Gen``, ``a.m``)."""
    wordlike: frozenset[str] = frozenset()
    """Lower-cased abbreviations that are also common words (``no``), so caseless text splits
    after them unless a number follows."""
    never_final: frozenset[str] = frozenset()
    """Lower-cased words no sentence ends on: a period after one is a line-break artefact."""
    strong_starters: frozenset[str] = frozenset()
    """Lower-cased words that open sentences often enough to split after an abbreviation in
    caseless text too."""
    starters: frozenset[str] = frozenset()
    """Lower-cased words that open sentences, ``strong_starters`` included (cased text)."""
    time_abbreviations: frozenset[str] = frozenset()
    """Abbreviations of times of day (``a.m``) after which a capitalised word splits..."""
    time_followers: frozenset[str] = frozenset()
    """... unless it is one of these lower-cased days, months or time zones."""
    fragment_openers: frozenset[str] = frozenset()
    """Lower-cased prepositions that open a time phrase ("At 5 a.m."): after a time
    abbreviation such a phrase of under four words is no sentence yet."""
    titles: frozenset[str] = frozenset()
    """Abbreviations a name follows (``Dr``, ``Dhr``): a period after one never ends a
    sentence, whatever the next word ("Dhr. De Vries")."""
    letter_words: frozenset[str] = frozenset()
    """One-letter words written in capitals (English ``I``): after a lower-case word they
    are words, not initials, so ``you and I. Did`` splits."""
    ordinal_dots: bool = False
    """Whether a period after a number marks an ordinal (``am 12. Juni``): then it ends a
    sentence only before a sentence starter, as an abbreviation does."""
    abbreviations_lower: frozenset[str] = field(init=False, repr=False)
    """``abbreviations`` in lower case, for caseless text."""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "abbreviations_lower", frozenset(a.lower() for a in self.abbreviations)
        )


@dataclass(frozen=True, kw_only=True, eq=False)
class HeadlineGrammar:
    """The patterns and closed word classes headline compression applies to one language.

    Compression only deletes words (``newsgist.headlines.compress``); each pattern names
    what one rule deletes, each word table a closed class the rules read.
    """

    trailing_attribution: re.Pattern[str]
    """``..., police said`` or ``..., according to ...`` at the end."""
    inner_attribution: re.Pattern[str]
    """``, officials said,`` inside the sentence."""
    leading_attribution: re.Pattern[str]
    """``X said (that) REST``, with named groups ``who`` and ``rest``."""
    reported_that: re.Pattern[str]
    """A reporting verb and ``that``, with the verb in group ``verb``."""
    leading_clause: re.Pattern[str]
    """A leading subordinate clause, adverbial or connective up to its comma."""
    list_goes_on: re.Pattern[str]
    """What shows that a dropped leading clause was a list running on past its comma."""
    appositive: re.Pattern[str]
    """An appositive or non-restrictive relative clause between commas."""
    appositive_tail: re.Pattern[str]
    """... or at the end."""
    time: re.Pattern[str]
    """Time expressions: the page gives the date."""
    determiner: re.Pattern[str]
    """Articles and possessives headlines leave out."""
    subordinate_tail: re.Pattern[str]
    """A trailing subordinate clause."""
    auxiliary: re.Pattern[str]
    """Passive and perfect auxiliaries, with the word before them in group ``before``."""
    number_words: Mapping[str, str]
    """Lower-cased number words and their digits."""
    number_word: re.Pattern[str]
    """A number word to write as digits, in group 1."""
    clause_break: re.Pattern[str]
    """Where an over-long headline is best cut: punctuation or a clause-opening word..."""
    phrase_break: re.Pattern[str]
    """... else before a preposition or conjunction."""
    verb_endings: tuple[str, ...]
    """Endings that make a longer word (very likely) a verb."""
    verb_inflections: tuple[str, ...]
    """Endings a listed news verb may carry."""
    roles: frozenset[str]
    """Role nouns before a name: ``Arsenal boss Arsene Wenger`` → ``Wenger``."""
    honorifics: frozenset[str]
    """Words that make a capitalised run a person's name."""
    verbs: frozenset[str]
    """Auxiliaries, modals and irregular forms that mark a clause."""
    news_verbs: frozenset[str]
    """Common news verbs, recognised with ``verb_inflections`` too."""
    leaning: frozenset[str]
    """Openings that lean on an earlier sentence, so it cannot stand as a headline."""
    relatives: frozenset[str]
    """Relative pronouns: a clause set off by commas that opens with one is an aside."""
    pronouns: frozenset[str]
    """Subjects an auxiliary or attribution is never dropped after."""
    dangling: frozenset[str]
    """Words a headline never ends on."""


@dataclass(frozen=True, kw_only=True, eq=False)
class FactWords:
    """The word tables key facts read (``newsgist.facts``): who speaks, what names are.

    Titles and organisation and place words are written as in text (capitalised); the rest
    are lower-cased.
    """

    speech_verbs: frozenset[str]
    """Verbs that attribute a quotation ("said", "told")."""
    titles: frozenset[str]
    """Capitalised words before a person's name, left out of it ("Mayor", "Dr.")."""
    roles: frozenset[str]
    """Lower-case role nouns before a person's name ("envoy Mattias Krell")."""
    organisation_words: frozenset[str]
    """Last words that make a name an organisation's ("Council", "Airways")."""
    place_words: frozenset[str]
    """Last words that make a name a place's ("Street", "River")."""
    place_openers: frozenset[str]
    """First words that make a name a place's ("Cape", "River", "Mount")."""
    first_names: frozenset[str]
    """Given names: a two- or three-word name opening with one is a person's. Built from
    the shared data by ``python -m newsgist.facts.gazetteer`` (``make gazetteer``)."""
    place_nouns: frozenset[str]
    """Nouns before "of" and a name that make it a place ("the city of Lumea")."""
    place_prepositions: frozenset[str]
    """Prepositions before which a name is likely a place ("in", "near")."""
    places: frozenset[str]
    """Countries, capitals and regions named without other clues."""
    acronym_places: frozenset[str]
    """All-capital names that are places, not organisations ("UK")."""
    pronouns: frozenset[str]
    """Pronouns an attribution may use for its speaker ("she")."""
    date_words: frozenset[str]
    """Words that make a number beside them a date or a time ("March", "a.m.")."""
    measures: frozenset[str]
    """Words after a number that make it a measure, not a count ("miles", "hours")."""
    measure_prefixes: frozenset[str] = frozenset()
    """Words between a number and its unit that belong to the measure ("square", "cubic")."""
    percent_words: frozenset[str]
    """Words after a number that make it a percentage ("percent", "per cent")."""
    currencies: frozenset[str]
    """Symbols and words that make a number money ("$", "pounds")."""
    organisation_nouns: frozenset[str] = frozenset()
    """Lower-case nouns that make the name beside them an organisation's ("the operator,
    Selwyn Harbour Holdings", "Veltra Biologics, the company that…")."""
    name_abbreviations: frozenset[str] = frozenset()
    """Shortened words that stay inside a name, full stop and all ("St." in "St. Louis")."""
    organisations: frozenset[str] = frozenset()
    """Bodies named without other clues ("Labour", "Ofgem", "Reuters"); a name ending in one
    is one too ("Liberal Democrats")."""
    organisation_openers: frozenset[str] = frozenset()
    """First words that make a name an organisation's ("Team Cordillera", "Grupo Aval")."""
    person_pronouns: frozenset[str] = frozenset()
    """Pronouns that, later in a name's sentence, make it a person's ("…, her brother")."""
    match_nouns: frozenset[str] = frozenset()
    """A contest's nouns before a team's name ("victory over X", "leaders X")."""
    match_joiners: frozenset[str] = frozenset()
    """Words between a contest's noun and a team's name ("over", "against")."""
    work_verbs: frozenset[str] = frozenset()
    """Verbs whose "for" or "at" names an employer or a team ("who rides for Velox")."""
    work_joiners: frozenset[str] = frozenset()
    """Words between a work verb and an employer ("rides for", "works at")."""
    aside_ends: frozenset[str] = frozenset()
    """Words that end an aside's noun phrase (", a spokesman for the group,": "for")."""
    owned_titles: frozenset[str] = frozenset()
    """Titles whose words before name the body or place the holder belongs to ("Labour MP",
    "Texas Governor"), unlike a portfolio's ("Labour Minister", "Transport Secretary")."""
    place_titles: frozenset[str] = frozenset()
    """Owned titles whose owner, with no other clue, is a place ("Red Fork Mayor")."""
    common_acronyms: frozenset[str] = frozenset()
    """All-capital words that name no one and no place ("CCTV", "GP", "AI")."""
    employer_words: frozenset[str] = frozenset()
    """Words between a role and where it is held ("an analyst at Kessel": "at")."""
    company_roles: frozenset[str] = frozenset()
    """Roles whose "of" names a company ("chief executive of Lumora"), not a place's."""
    place_suffixes: frozenset[str] = frozenset()
    """Endings that make the word before them a place ("Brussels-based", "Denver-born")."""
    surname_prefixes: frozenset[str] = frozenset()
    """Openings of one-word surnames with a capital inside ("McAllister"): no brand's."""
    business_words: frozenset[str] = frozenset()
    """Words that make the name before them a company's: its possessive's ("Kestrion's
    shares", "Lumora's chief executive") or "in" ("shares in Lumora")."""
    life_verbs: frozenset[str] = frozenset()
    """Verbs only people do, after a name and an aside ("…, has died aged 84"): a person's."""
    groups: frozenset[str] = frozenset()
    """Nouns for people speaking together, unnamed ("the family said", "a friend told")."""
    common_words: frozenset[str] = frozenset()
    """Words news writes in lower case ("critics", "residents"): capitalised at a sentence's
    start, no name. Built from the shared data with the given names (``make gazetteer``)."""
    demonyms: frozenset[str] = frozenset()
    """Words for a people ("American", "Spanish"): no name of their own, and not part of the
    name a given name after them opens ("American Jordan Pike")."""
    listener_verbs: frozenset[str] = frozenset()
    """Speech verbs whose object is who listens ("told The Sun"): no speaker's name."""
    title_qualifiers: frozenset[str] = frozenset()
    """Words that qualify a title just after them ("Senior Minister", "Acting Chief"): part of
    the title then, and of a body's name otherwise ("Brookhaven Senior Living")."""
    place_qualifiers: frozenset[str] = frozenset()
    """First words of places' names news also writes in lower case ("Greater London"); any
    other common word before a country makes a body's name ("Infrastructure Australia")."""
    relative_pronouns: frozenset[str] = frozenset()
    """Words that open a relative clause after a name ("who farms …", "a firm that …"): an
    aside, not the speaker's or the body's description going on."""
    body_suffixes: frozenset[str] = frozenset()
    """Those of ``place_suffixes`` that make the name after them a body's ("Paris-based
    Arkessa", "Sydney-listed Ironbark"), not a person's ("Texas-born")."""
    abbreviated_ends: frozenset[str] = frozenset()
    """Last words of names written short, whose full stop is the name's ("Rudy Vasquez Jr.",
    "Northlight Copper Corp.")."""
    event_openers: frozenset[str] = frozenset()
    """First words of an event's name, no person, body or place ("Hurricane Delphine")."""
    region_abbreviations: frozenset[str] = frozenset()
    """States' and provinces' short forms, full stops left out, that are places after a town
    and a comma ("Santa Fe, N.M.", "Prince Albert, Sask.")."""
    topic_joiners: frozenset[str] = frozenset()
    """Words joining a body's noun to its subject inside its name ("Committee on Health")."""
    topic_bodies: frozenset[str] = frozenset()
    """The nouns a topic joiner may follow ("Committee", "Commission"), never before a date
    ("the Council on Friday")."""
    party_titles: frozenset[str] = frozenset()
    """Those of ``titles`` that are titles only before a person's name ("Oregon Democrat
    Carolyn Vasko"), and words of a description otherwise ("the Liberal Democrat said")."""
    passive_words: frozenset[str] = frozenset()
    """Words after a subject that make the sentence passive ("Okafor was charged with "…""):
    a fragment quoted then is no words of the subject's."""
    role_suffixes: tuple[str, ...] = ()
    """Endings of a role noun no table lists ("Agronomist Jess Tranter", "Guitarist Nils
    Berg"), read only before a person's name: the role, not part of the name. A tuple, as
    ``str.endswith`` takes them."""
    people_suffixes: tuple[str, ...] = ()
    """Endings of a word for a people or a faith ("Christian", "Maltese"), no place's name:
    "Maltese residents" live nowhere so named. A tuple, as ``str.endswith`` takes them."""
    place_plurals: frozenset[str] = frozenset()
    """Last words a listed place's name may be written without ("Turks and Caicos" for the
    "Turks and Caicos Islands"): such a name with "and" in it is one place."""
    numbered_words: frozenset[str] = frozenset()
    """Last words of names a number ends ("BBC Radio 4", "Channel 4"): the number is theirs."""
    age_ends: tuple[str, ...] = ()
    """Ends of a number's hyphened unit that make it an age ("90-year-old"): the number alone."""
    title_roles: tuple[tuple[str, str], ...] = ()
    """Titles, lower case, and the role noun their holder is later called by ("justice",
    "judge"): "Justice Ann Grey … the judge said" is Grey. Pairs, so the tables stay hashable."""
    participle_ends: tuple[str, ...] = ()
    """Ends of a word after a role that close who speaks ("one longshoreman leaving …")."""
    numbered_places: frozenset[str] = frozenset()
    """Last words of roads' names a number ends ("Route 21", "Interstate 225"): places."""
    source_verbs: frozenset[str] = frozenset()
    """Verbs and nouns whose agent, after "by", is a newsroom or a body unless a person's
    name ("documents seen by The EastAfrican", "a poll by Opinia")."""
    newsroom_verbs: frozenset[str] = frozenset()
    """Verbs a newsroom reports its own knowledge with, just after its name ("The Athletic
    understands", "Nikkei has learned")."""
    place_of_nouns: frozenset[str] = frozenset()
    """Nouns before "of" and a name that make it a place, and only there ("residents of
    Sohana", "the outskirts of Tamale"): "Irate residents" is no place."""
    district_services: frozenset[str] = frozenset()
    """Services before a place word that ends a name, making it a body's ("Anchorage School
    District", "Marin Water District"), not a place's ("Lake District")."""
    resident_nouns: frozenset[str] = frozenset()
    """Nouns after a name that make it a place, unless it is a common word ("Yigo resident
    Ed Santos", not "Irate residents" opening a sentence)."""
    listed_places: frozenset[str] = frozenset()
    """Towns, countries and states from GeoNames (``make gazetteer``): a name no context
    types, and that is no person's in the story, is a place if listed ("Larkana")."""
    region_words: frozenset[str] = frozenset()
    """Lower-case words for part of a place just before its name ("upper Sindh", "eastern
    DR Congo"): the name after one is a place's."""
    number_words: frozenset[str] = frozenset()
    """Numbers written as words ("two"): opening a sentence, no part of the name after them
    ("Two Philippine Navy ships")."""
    speaker_ties: frozenset[str] = frozenset()
    """Phrases that tie an unnamed speaker to something ("close to", "familiar with"): "a
    source close to the actor" is the speaker, and "the source" later."""
    relatives: frozenset[str] = frozenset()
    """Words that open a relative clause: an unnamed speaker ends before one ("a witness who
    asked not to be named")."""
    speaker_ends: frozenset[str] = frozenset()
    """Verbs that end an unnamed speaker's words ("a spokeswoman for the company declined")."""
    group_members: frozenset[str] = frozenset()
    """Words for one of an unnamed group introduced before ("One said", "Another added")."""
    male_words: frozenset[str] = frozenset()
    """Lower-case pronouns and words before a name that say a man is meant ("he", "Mr",
    "son"): "he said" is not a woman's quotation."""
    female_words: frozenset[str] = frozenset()
    """The same for a woman ("she", "Mrs", "mother")."""
    male_names: frozenset[str] = frozenset()
    """Given names news uses for men, learned with ``first_names`` (``make gazetteer``)."""
    female_names: frozenset[str] = frozenset()
    """Given names news uses for women."""
    quote_verbs: frozenset[str] = frozenset()
    """Verbs that put a quoted fragment in someone's mouth without a speech verb ("called",
    "described"): read by the quotation patterns only, as "a town called Lumea" is no
    speaker's name."""


@dataclass(frozen=True, kw_only=True, eq=False)
class Language:
    """Everything language-specific newsgist reads, for one language (or for none).

    ``code`` is the ISO 639 code the resources are for, or ``"neutral"`` for the
    language-neutral resources used for every language newsgist has none for; it is what
    ``Summary.language_resources`` reports.
    """

    code: str
    name: str
    stop_words: frozenset[str] = frozenset()
    """Lower-cased function words left out of content terms."""
    stemmer: str | None = None
    """The PyStemmer (Snowball) algorithm for content terms; ``None`` leaves words whole."""
    segmentation: Segmentation = Segmentation()
    attribution_verbs: frozenset[str] = frozenset()
    """Lower-cased words that attribute a statement (``said``): a salience cue."""
    leaning_words: frozenset[str] = frozenset()
    """Lower-cased pronouns and connectives that open a sentence leaning on an earlier one."""
    headline: HeadlineGrammar | None = None
    """Headline compression rules; ``None`` keeps only the language-independent ones."""
    verb_final: bool = False
    """Whether clauses end on their verb (German participles, Dutch, Turkish): a headline
    cut without a grammar then falls only where a clause ends, never before its verb."""
    clause_joiners: frozenset[str] = frozenset()
    """Lower-cased words that join main clauses after a comma (``und``, ``maar``, ``ama``):
    the comma before one ends a clause."""
    facts: FactWords | None = None
    """Word tables for key facts; ``None`` leaves only numbers and keywords to find."""
    special_lower: Mapping[str, str] = field(default_factory=dict)
    """Capitals whose lower case differs from Unicode's default (Turkish ``I`` → ``ı``)."""
    markers: frozenset[str] = frozenset()
    """Lower-cased function words common in this language and rare in others: a text whose
    words are mostly-enough these is taken to be in it without asking the detector."""

    def lower(self, text: str) -> str:
        """Lower-case text as this language does (Turkish: ``IŞIK`` → ``ışık``)."""
        for capital, small in self.special_lower.items():
            text = text.replace(capital, small)
        return text.lower()


def read_word_tables(package: str, name: str) -> dict[str, frozenset[str]]:
    """Read a data file of word tables: ``[name]`` starts a table, ``#`` a comment.

    Words before the first ``[name]`` line go to the table named ``""``.
    """
    text = resources.files(package).joinpath(name).read_text("utf-8")
    tables: dict[str, set[str]] = {}
    current = tables.setdefault("", set())
    for line in text.splitlines():
        line = line.partition("#")[0].strip()
        if line.startswith("["):
            current = tables.setdefault(line.strip("[]"), set())
        else:
            current.update(line.split())
    return {table: frozenset(words) for table, words in tables.items() if words}
