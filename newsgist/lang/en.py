"""English: the word tables and rules newsgist was built with, in one place.

Segmentation tables and salience cues are below; the stop words and the headline word
tables are data files beside this module (``en-stopwords.txt``, ``en-headline-words.txt``);
the headline compression patterns follow the tables they read. Changing any of them moves
newsgist's English figures: the quality gate shows by how much.
"""

from __future__ import annotations

import re

from newsgist.lang.base import (
    FactWords,
    HeadlineGrammar,
    Language,
    Segmentation,
    read_word_tables,
)


def _words(block: str) -> frozenset[str]:
    """Read a whitespace-separated word table."""
    return frozenset(block.split())


def _pair(entry: str) -> tuple[str, str]:
    """Split a table's ``key=value`` entry; one without "=" is a mistake in the table."""
    key, equals, value = entry.partition("=")
    if not equals or not key or not value:
        raise ValueError(f"a table entry needs key=value: {entry!r}")
    return key, value


# Sentence segmentation (``newsgist.segment``).
# Abbreviations as written in cased text, without their final period. Cased text must match
# this form (or all caps); caseless text matches in lower case.
_ABBREVIATIONS = _words(
    """
    Mr Mrs Ms Mx Dr Prof Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Cmdt Adm Maj Cpl Pvt Rev Fr
    Sr Jr St Mt Ft Pres Supt Det Insp Atty Hon Messrs Mme Mlle Msgr Gens Sens Reps Amb Brig
    Cdr Cllr Const Sec Treas Govs Lt.Col Lt.Gen Maj.Gen
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo Ave Blvd Rd Hwy Sq Pl Ln Bros
    Inc Ltd Co Corp Cos Plc Assn Dept Univ Inst Intl Govt
    etc vs v al e.g i.e cf approx est ca viz
    No Nos no nos Vol Vols vol vols p pp Fig Figs fig figs Art art Ch ch sec Para para
    a.m p.m A.M P.M U.S U.K U.N E.U U.S.A
    ft in lb lbs oz mph km kg yr yrs mins hrs
    """
)
# Abbreviations a name follows: a period after one never ends a sentence.
_TITLES = _words("Mr Mrs Ms Mx Dr Prof Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Adm Maj Cpl Pvt Rev")
# Abbreviations that are also common words: caseless text cannot tell "no. 5" from "said no."
# by case, so there they split like words unless a number follows.
_WORDLIKE = _words(
    """
    no nos art fig figs sec ch vol ill mass miss wash mo pa la ore ind del sun sat wed mar
    in ft co est p pp v ca
    """
)
# Words a sentence never ends on: a period after one is a line-break artefact ("the . findings").
_NEVER_FINAL = _words("the a an of to and or but with from my your their our its mr mrs ms dr")
# Words that start sentences and rarely follow an abbreviation inside one. Caseless text has
# no capital letter to confirm them, so it uses only the strongest.
_STRONG_STARTERS = _words(
    """
    the a an he she it they we i you his her its their our my your this these those there
    but however meanwhile it's he's she's they're we're i'm there's that's
    """
)
_STARTERS = _STRONG_STARTERS | _words(
    """
    in on at for and or so as if when while after before since although though because then
    now still also both all some many most several one two three what who why how where with
    during despite according earlier later last that by from under over each every such
    another no yes not to did do does is are was were can will would should could has have
    had must
    """
)
# After "a.m."/"p.m." a capitalised word starts a new sentence unless it names a day, month
# or time zone ("2 p.m. Monday", "9 a.m. ET").
_TIME_ABBREVIATIONS = _words("a.m p.m")
_TIME_FOLLOWERS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst utc cet local
    """
)

# Salience cues (``newsgist.methods.learned.features``): attribution verbs, pronouns and connectives
# that make a sentence lean on an earlier one.
_ATTRIBUTION = frozenset(
    {
        *("said", "says", "told", "according", "reported", "announced", "added", "explained"),
        *("claimed", "stated", "insisted", "warned", "revealed", "confirmed", "admitted"),
        *("tweeted", "wrote"),
    }
)
_LEANING = frozenset(
    {
        *("but", "and", "or", "so", "yet", "however", "also", "meanwhile", "still", "then"),
        *("he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "there"),
        *("this", "that", "these", "those", "instead"),
    }
)

# Headline compression (``newsgist.headlines.compress``).
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!['’])"
_DAYS = rf"{_DAY}(?:\s+(?:or|and)\s+{_DAY})?"
"""A day, or two joined: "on Friday or Monday" goes whole, never leaving "or"."""
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
_NOT_A_BREAK = r"(?:[^,]|(?<=\d),(?=\d))"
"""A character of a comma-set phrase: anything but a comma, unless in a number ("3,500")."""
_APPOSITIVE = re.compile(
    rf"""(?<=\w),\s+
    (?:(?:who|which|whose|whom|where)\b{_NOT_A_BREAK}{{1,120}}
      | (?:the|a|an|his|her|their|its|aged|now|formerly|once)\b{_NOT_A_BREAK}{{1,100}}
      | \d{{1,3}}
      | [a-z]+(?:ing|ed)\b{_NOT_A_BREAK}{{1,100}}
      | [A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}(?=,\s+[a-z])
    ),\s+(?!(?:and|or|but|nor)\b)""",
    re.VERBOSE | re.IGNORECASE,
)
_APPOSITIVE_TAIL = re.compile(
    rf",\s+(?:who|which|whose|whom|where|a|an|the)\b{_NOT_A_BREAK}*$", re.IGNORECASE
)
_TIME = re.compile(
    rf"""\s*\b(?:(?:early|late)\s+(?=on\b))?(?:
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
_SUBORDINATE_TAIL = re.compile(  # possessive spaces: a run of them is read once, not split
    r"(?:,?\s++(?:but|and|or)(?=\s))?"
    r"(?:\s++(?:just|only|about|some|nearly|almost|barely|more\s++than)?\s*+[\w-]+\s++"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?))?"
    r"\s++(?:after|because|while|whilst|following|amid|despite|since|although|though|when|if"
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
_CLAUSE_BREAK = re.compile(  # spaces read once (possessive), a dash or word after one
    r"\s*+(?:[,;:]\s++|(?<=\s)(?:-|–|—)\s++|(?<=\s)(?=(?:but|as|after|because|while|whilst"
    r"|which|who|following|amid|despite|before|since|although|though|when|where|if|unless"
    r"|until)\b))"
)
_PHRASE_BREAK = re.compile(
    r"\s+(?=(?:and|in|at|on|for|with|from|over|by|to|into|about|against|under|during|than"
    r"|through|across|near|as|of)\b)"
)
_HEADLINE_WORDS = read_word_tables("newsgist.lang", "en-headline-words.txt")

_MARKERS = _words(
    """
    the and of to that with for said from have has been were this which his her he she
    they their would will are by its who it but not be after when you about more than up
    out into there what could should if them these those our your him
    """
)
"""English function words that other languages do not use as words of their own, or rarely:
"a", "in", "is", "was", "on", "at", "or", "so", "also", "over", "had", "we", "my" and "no"
are left out (Romance languages, German, Dutch, Danish, Polish or Tagalog have them too).
They make a quarter of the first 400 characters of the median English news story, and 15%
or more of 98 stories in 100 (``newsgist.lang.MARKER_SHARE``)."""

_FACTS = read_word_tables("newsgist.lang", "en-facts.txt")
_NAMES = read_word_tables("newsgist.lang", "en-first-names.txt")

ENGLISH = Language(
    code="en",
    name="English",
    markers=_MARKERS,
    stop_words=read_word_tables("newsgist.lang", "en-stopwords.txt")[""],
    stemmer="english",
    segmentation=Segmentation(
        abbreviations=_ABBREVIATIONS,
        wordlike=_WORDLIKE,
        never_final=_NEVER_FINAL,
        strong_starters=_STRONG_STARTERS,
        starters=_STARTERS,
        time_abbreviations=_TIME_ABBREVIATIONS,
        time_followers=_TIME_FOLLOWERS,
        titles=_TITLES,
        fragment_openers=_words("at by before after until till around about from since on"),
        letter_words=frozenset({"I"}),
    ),
    attribution_verbs=_ATTRIBUTION,
    leaning_words=_LEANING,
    facts=FactWords(
        speech_verbs=_FACTS["speech-verbs"],
        titles=_FACTS["titles"],
        roles=_FACTS["roles"],
        organisation_words=_FACTS["organisation-words"],
        place_words=_FACTS["place-words"],
        place_openers=_FACTS["place-openers"],
        first_names=_NAMES.get("", frozenset()),
        male_names=_NAMES.get("male", frozenset()),
        female_names=_NAMES.get("female", frozenset()),
        relatives=_FACTS["relatives"],
        speaker_ends=_FACTS["speaker-ends"],
        group_members=_FACTS["group-members"],
        speaker_ties=frozenset(tie.replace("_", " ") for tie in _FACTS["speaker-ties"]),
        number_words=frozenset(_NUMBER_WORDS),
        listener_verbs=_FACTS["listener-verbs"],
        place_qualifiers=_FACTS["place-qualifiers"],
        region_words=_FACTS["region-words"],
        source_verbs=_FACTS["source-verbs"],
        numbered_words=_FACTS["numbered-words"],
        numbered_places=_FACTS["numbered-places"],
        age_ends=tuple(sorted(_FACTS["age-ends"])),
        participle_ends=tuple(sorted(_FACTS["participle-ends"])),
        title_roles=tuple(sorted(map(_pair, _FACTS["title-roles"]))),
        body_suffixes=_FACTS["body-suffixes"],
        role_suffixes=tuple(sorted(_FACTS["role-suffixes"])),
        people_suffixes=tuple(sorted(_FACTS["people-suffixes"])),
        place_plurals=_FACTS["place-plurals"],
        passive_words=_FACTS["passive-words"],
        party_titles=_FACTS["party-titles"],
        topic_joiners=_FACTS["topic-joiners"],
        region_abbreviations=_FACTS["region-abbreviations"],
        event_openers=_FACTS["event-openers"],
        abbreviated_ends=_FACTS["abbreviated-ends"],
        topic_bodies=_FACTS["topic-bodies"],
        relative_pronouns=_FACTS["relative-pronouns"],
        newsroom_verbs=_FACTS["newsroom-verbs"],
        listed_places=frozenset(
            name.replace("_", " ")
            for name in read_word_tables("newsgist.lang", "en-places.txt").get("", ())
        ),
        title_qualifiers=_FACTS["title-qualifiers"],
        male_words=_FACTS["male-words"],
        female_words=_FACTS["female-words"],
        place_nouns=_FACTS["place-nouns"],
        place_of_nouns=_FACTS["place-of-nouns"],
        resident_nouns=_FACTS["resident-nouns"],
        district_services=_FACTS["district-services"],
        place_prepositions=_FACTS["place-prepositions"],
        places=_FACTS["places"],
        acronym_places=_FACTS["acronym-places"],
        pronouns=_FACTS["pronouns"],
        date_words=_FACTS["date-words"],
        measures=_FACTS["measures"],
        measure_prefixes=_FACTS["measure-prefixes"],
        percent_words=_FACTS["percent-words"],
        currencies=_FACTS["currencies"],
        organisation_nouns=_FACTS["organisation-nouns"],
        name_abbreviations=_FACTS["name-abbreviations"],
        quote_verbs=_FACTS["quote-verbs"],
        demonyms=_FACTS["demonyms"],
        groups=_FACTS["groups"],
        life_verbs=_FACTS["life-verbs"],
        business_words=_FACTS["business-words"],
        employer_words=_FACTS["employer-words"],
        organisation_openers=_FACTS["organisation-openers"],
        work_verbs=_FACTS["work-verbs"],
        work_joiners=_FACTS["work-joiners"],
        aside_ends=_FACTS["aside-ends"],
        owned_titles=_FACTS["owned-titles"],
        place_titles=_FACTS["place-titles"],
        common_acronyms=_FACTS["common-acronyms"],
        match_nouns=_FACTS["match-nouns"],
        match_joiners=_FACTS["match-joiners"],
        person_pronouns=_FACTS["person-pronouns"],
        company_roles=_FACTS["company-roles"],
        place_suffixes=_FACTS["place-suffixes"],
        surname_prefixes=_FACTS["surname-prefixes"],
        common_words=read_word_tables("newsgist.lang", "en-common-words.txt").get("", frozenset()),
        organisations=_FACTS["organisations"],
    ),
    headline=HeadlineGrammar(
        trailing_attribution=_TRAILING_ATTRIBUTION,
        inner_attribution=_INNER_ATTRIBUTION,
        leading_attribution=_LEADING_ATTRIBUTION,
        reported_that=_THAT,
        leading_clause=_LEADING_CLAUSE,
        list_goes_on=_LIST_GOES_ON,
        appositive=_APPOSITIVE,
        appositive_tail=_APPOSITIVE_TAIL,
        time=_TIME,
        determiner=_DETERMINER,
        subordinate_tail=_SUBORDINATE_TAIL,
        auxiliary=_PASSIVE,
        number_words=_NUMBER_WORDS,
        number_word=_NUMBER_WORD,
        clause_break=_CLAUSE_BREAK,
        phrase_break=_PHRASE_BREAK,
        verb_endings=("ed", "ing"),
        verb_inflections=("s", "es", "d", "ed"),
        roles=_HEADLINE_WORDS["roles"],
        honorifics=_HEADLINE_WORDS["honorifics"],
        verbs=_HEADLINE_WORDS["verbs"],
        news_verbs=_HEADLINE_WORDS["news-verbs"],
        leaning=_HEADLINE_WORDS["leaning"],
        relatives=_HEADLINE_WORDS["relatives"],
        pronouns=_HEADLINE_WORDS["pronouns"],
        dangling=_HEADLINE_WORDS["dangling"],
    ),
)
"""English, the language newsgist's rules, tables and shipped model were written for."""
