"""Languages described by word tables alone: stop words, segmentation tables, salience cues.

Each language is one data file beside this module (``de-words.txt``, ...) read into a
``Language`` with its Snowball stemmer (PyStemmer) where Snowball has one. The tables are
the team's lists of function words, abbreviations, titles and sentence openers; none has a
headline grammar yet, so headlines in them are cut where the neutral rules cut
(``newsgist.headlines.compress``).
"""

from __future__ import annotations

from collections.abc import Mapping

from newsgist.lang.base import Language, Segmentation, read_word_tables


def tabled(
    code: str,
    name: str,
    stemmer: str | None,
    *,
    ordinal_dots: bool = False,
    verb_final: bool = False,
    special_lower: Mapping[str, str] | None = None,
) -> Language:
    """Build a language from its word-table file ``{code}-words.txt`` (``stemmer``: Snowball's)."""
    tables = read_word_tables("newsgist.lang", f"{code}-words.txt")
    strong = tables["strong-starters"]
    return Language(
        code=code,
        name=name,
        stop_words=tables["stop-words"],
        stemmer=stemmer,
        segmentation=Segmentation(
            abbreviations=tables["abbreviations"] | tables["titles"],
            titles=tables["titles"],
            never_final=tables["never-final"],
            strong_starters=strong,
            starters=tables["starters"] | strong,
            ordinal_dots=ordinal_dots,
        ),
        attribution_verbs=tables["attribution"],
        leaning_words=tables["leaning"],
        verb_final=verb_final,
        clause_joiners=tables.get("clause-joiners", frozenset()),
        special_lower=special_lower or {},
    )


TABLED = (
    tabled("de", "German", "german", ordinal_dots=True, verb_final=True),
    tabled("fr", "French", "french"),
    tabled("es", "Spanish", "spanish"),
    tabled("it", "Italian", "italian"),
    tabled("pt", "Portuguese", "portuguese"),
    tabled("nl", "Dutch", "dutch", verb_final=True),
    tabled("da", "Danish", "danish", ordinal_dots=True),
    tabled("sv", "Swedish", "swedish"),
    tabled("no", "Norwegian", "norwegian", ordinal_dots=True),
    tabled("fi", "Finnish", "finnish", ordinal_dots=True),
    tabled("ru", "Russian", "russian"),
    tabled(
        "tr",
        "Turkish",
        "turkish",
        ordinal_dots=True,
        verb_final=True,
        special_lower={"I": "ı", "İ": "i"},
    ),
    tabled("id", "Indonesian", "indonesian"),
    tabled("sk", "Slovak", None, ordinal_dots=True),  # Snowball has no Slovak stemmer
    tabled("bg", "Bulgarian", None),  # nor a Bulgarian one
)
"""The languages read from tables: those the languages issue asked for, then Slovak and
Bulgarian, whose abbreviations and ordinals broke sentences."""
