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

Usage::

    python -m newsgist.facts.gazetteer DATA.jsonl[:N]... [-o newsgist/lang/en-first-names.txt]
        [--common-output newsgist/lang/en-common-words.txt]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from newsgist.evaluate.records import read_records
from newsgist.facts.entities import SPEAKER, mentions
from newsgist.lang import lookup
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
_COMMON_OUTPUT = Path(__file__).resolve().parent.parent / "lang" / "en-common-words.txt"

_GIVEN = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_OUTPUT = Path(__file__).resolve().parent.parent / "lang" / "en-first-names.txt"


def first_names(paths: Sequence[tuple[Path, int | None]]) -> tuple[list[str], list[str]]:
    """Return the given names the articles of ``paths`` vote for, and the common words."""
    english = lookup("en")
    assert english.facts is not None
    words = replace(english.facts, first_names=frozenset())
    ruled_out = (
        words.titles | words.places | words.organisation_words | words.place_words | words.demonyms
    )
    votes: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    inner: Counter[str] = Counter()
    for path, limit in paths:
        for record in read_records(path, limit=limit)[0]:
            body = record.article
            lower.update(_LOWER.findall(body))
            inner.update(word.lower() for word in _INNER_CAPITAL.findall(body))
            for name, _, kind in mentions(body, segment(body), words, english.stop_words):
                tokens = name.split()
                if kind in ("person", SPEAKER) and 2 <= len(tokens) <= 3:
                    votes[tokens[0]] += 1
    given = sorted(
        name
        for name, count in votes.items()
        if count >= MIN_VOTES
        and _GIVEN.fullmatch(name)
        and name not in ruled_out
        and name.lower() not in english.stop_words
        and name.lower() not in words.roles
        and lower[name.lower()] <= COMMON_RATIO * count
    )
    common = sorted(
        word
        for word, count in lower.items()
        if count >= MIN_COMMON
        and len(word) >= 3
        and count >= COMMON_RATIO * inner[word]
        and word not in english.stop_words
    )
    return given, common


def main(argv: Sequence[str] | None = None) -> None:
    """Write the first-name and common-word lists."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", metavar="DATA.jsonl[:N]")
    parser.add_argument("-o", "--output", type=Path, default=_OUTPUT)
    parser.add_argument("--common-output", type=Path, default=_COMMON_OUTPUT)
    args = parser.parse_args(argv)
    paths = []
    for spec in args.data:
        name, _, count = spec.partition(":")
        paths.append((Path(name), int(count) if count else None))
    names, common = first_names(paths)
    header = (
        "# Given names for key facts, learned from news data by newsgist.facts.gazetteer:\n"
        f"# first words of names in person contexts, {MIN_VOTES} votes or more.\n"
    )
    lines = [" ".join(names[i : i + 12]) for i in range(0, len(names), 12)]
    args.output.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names):,} given names → {args.output}")
    header = (
        "# Common words for key facts, learned from news data by newsgist.facts.gazetteer:\n"
        f"# lower case {MIN_COMMON} times or more, {COMMON_RATIO}x as often as capitalised"
        " inside a sentence.\n"
    )
    lines = [" ".join(common[i : i + 12]) for i in range(0, len(common), 12)]
    args.common_output.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(common):,} common words → {args.common_output}")


if __name__ == "__main__":
    main()
