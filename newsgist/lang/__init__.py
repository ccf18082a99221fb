"""Languages: which one an article is in, and the resources newsgist has for it.

Everything language-specific (stop words, stemmer, segmentation tables, salience cues,
headline grammar) lives in one module per language, English first (``newsgist.lang.en``);
generic code reads it from a ``Language``. ``language_of`` settles an article's language:
the caller's override, else the page's declaration, else ``detect`` (offline, from the text).
``lookup`` then gives that language's resources, or the language-neutral ones
(``newsgist.lang.neutral``) for a language newsgist has none for yet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import repeat
from types import MappingProxyType

from newsgist.errors import InvalidOptionError
from newsgist.lang.base import FactWords, HeadlineGrammar, Language, Segmentation
from newsgist.lang.detect import identify
from newsgist.lang.en import ENGLISH
from newsgist.lang.neutral import NEUTRAL
from newsgist.lang.tabled import TABLED

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "MARKER_CHARS",
    "MIN_CONFIDENCE",
    "NEUTRAL",
    "SAMPLE_CHARS",
    "UNDETERMINED",
    "FactWords",
    "HeadlineGrammar",
    "Language",
    "Segmentation",
    "check_tag",
    "detect",
    "language_of",
    "lookup",
]

_ALIASES = {"nb": "no", "nn": "no", "ms": "id"}
"""Tags read with another language's tables: Bokmål and Nynorsk are Norwegian; Malay shares
most function words and the Snowball stemmer with Indonesian (and is what the detector says
for some short Indonesian texts)."""
_BY_CODE = {ENGLISH.code: ENGLISH, **{language.code: language for language in TABLED}}
LANGUAGES: Mapping[str, Language] = MappingProxyType(
    {**_BY_CODE, **{alias: _BY_CODE[code] for alias, code in _ALIASES.items()}}
)
"""The languages newsgist has resources for, by ISO 639 code (aliases in ``_ALIASES``)."""
DEFAULT = ENGLISH
"""The language assumed where none is given or the detector is unsure: the one newsgist's
rules were written for, so callers that never name a language get what they always got."""
UNDETERMINED = "und"
"""The BCP 47 tag of a text with no letters, whose language cannot be told."""
SAMPLE_CHARS = 400
"""How much of a text the detector reads: enough for every English, French and Indonesian
news story measured (``benchmarks/language.py``), at a bounded cost whatever its length."""
MARKER_CHARS = 1_000
"""Where the first ``SAMPLE_CHARS`` miss ``MARKER_SHARE`` (a sports report's names and
scores, a dateline and a list of places), marker words are counted again over this much before
the detector is asked. Measured on the shared data's first 3,000 records per file, every
English story that missed at 400 characters passed at 1,000 (144 of 144 in CNN/DM and BBC),
each one the detector also called English; no French or Indonesian story passed. The
detector's model takes half a second and ~70 MB to load, which a whole English run now
never pays."""
MIN_CONFIDENCE = 0.3
"""Below this probability the detector is guessing (dates, names, a fragment of a few
words), and ``DEFAULT`` is taken instead."""

_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_SUBTAG_SEPARATOR = re.compile(r"[-_]")
_LETTER = re.compile(r"[^\W\d_]")


def lookup(tag: str | None) -> Language:
    """Return the resources for a BCP 47 tag (``fr``, ``en-GB``, ``en_US``).

    A language newsgist has no module for gets ``NEUTRAL``; no tag at all gets ``DEFAULT``.
    """
    if tag is None:
        return DEFAULT
    return LANGUAGES.get(_primary(tag), NEUTRAL)


def check_tag(tag: str) -> None:
    """Refuse a ``language`` setting that does not read as a BCP 47 language tag."""
    if not _TAG.fullmatch(tag):
        raise InvalidOptionError(
            f"language must be a language tag such as 'en', 'fr' or 'pt-BR', not {tag!r}"
        )


def detect(text: str) -> str:
    """Return the ISO 639 code of the language ``text`` is written in, read offline.

    ``UNDETERMINED`` when the start of the text has no letters; ``DEFAULT``'s code when
    the detector's best guess is less likely than ``MIN_CONFIDENCE``.
    """
    sample = text[:SAMPLE_CHARS]
    if _LETTER.search(sample) is None:
        return UNDETERMINED
    marked = _marked(sample)
    if marked is None and len(text) > SAMPLE_CHARS:
        marked = _marked(text[:MARKER_CHARS])
    if marked is not None:
        return marked
    code, probability = identify(sample)
    return code if probability >= MIN_CONFIDENCE else DEFAULT.code


MARKER_SHARE = 0.15
"""A text at least this share of whose words are one language's ``markers`` (and at least
``HALF_SHARE`` of each half's) is in it: the detector's answer on every such news text
measured, for a hundredth of its cost. English news passes in 98 stories of 100 (CNN, BBC);
French and Indonesian news stays under 8%, English names and quotations included, and news
written in Danish, Norwegian, German or Dutch, languages that share some English function
words, under 6%."""
HALF_SHARE = 0.1
"""... so that a text half in another language (a French story quoting an English sentence)
is left to the detector: each half of an English text has markers too."""
_MIN_MARKED_WORDS = 20
_WORD_EDGES = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…–—•·"
"""Punctuation stripped from a word's ends before it is looked up: ``said,`` and ``"The``
are marker words too."""


def _marked(sample: str) -> str | None:
    """Return the language whose marker words make ``MARKER_SHARE`` of ``sample``, if any."""
    # map() loops in C: this runs on every article, and Python-level loops cost three times more
    words = list(map(str.strip, sample.lower().split(), repeat(_WORD_EDGES)))
    count = len(words)
    if count < _MIN_MARKED_WORDS:
        return None  # too few words to count on: ask the detector
    half = count // 2
    for language in _BY_CODE.values():
        markers = language.markers
        if not markers:
            continue
        first = sum(map(markers.__contains__, words[:half]))
        second = sum(map(markers.__contains__, words[half:]))
        if (
            first + second >= MARKER_SHARE * count
            and first >= HALF_SHARE * half
            and second >= HALF_SHARE * (count - half)
        ):
            return language.code
    return None


def language_of(text: str, *, declared: str | None = None, override: str | None = None) -> str:
    """Settle an article's language: ``override``, else ``declared``, else ``detect(text)``.

    A declaration that is no language tag, or says ``und``, counts as none.
    """
    if override is not None:
        return override
    if declared is not None and _TAG.fullmatch(declared) and _primary(declared) != UNDETERMINED:
        return declared
    return detect(text)


def _primary(tag: str) -> str:
    """Return a tag's primary language subtag, lower-cased: ``en-GB`` → ``en``."""
    return _SUBTAG_SEPARATOR.split(tag, maxsplit=1)[0].lower()
