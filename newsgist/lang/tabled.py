"""Languages described by word tables alone: stop words, segmentation tables, salience cues.

Each language is one data file beside this module (``de-words.txt``, ...) read into a
``Language`` with its Snowball stemmer (PyStemmer). Their tables are the team's lists of
function words, abbreviations and sentence openers; none has a headline grammar yet, so
headlines in them are cut where the neutral rules cut (``newsgist.headlines.compress``).
"""

from __future__ import annotations

from newsgist.lang.base import Language, Segmentation, read_word_tables


def tabled(
    code: str, name: str, stemmer: str, *, ordinal_dots: bool = False, verb_final: bool = False
) -> Language:
    """Build a language from its word-table file ``{code}-words.txt``."""
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
    tabled("tr", "Turkish", "turkish", ordinal_dots=True, verb_final=True),
    tabled("id", "Indonesian", "indonesian"),
)
"""The languages read from tables, in the order of the issue that asked for them."""
