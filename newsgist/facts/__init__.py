"""Key facts of a story: quotes with speakers, figures, dates, names, keywords, reading time.

Facts are read from the part of the body the pipeline read (its sentences: at most the
first 120,000 characters), so their cost is bounded as every other stage's is; the reading
time counts the whole body.

The facts stage runs after the headline (``newsgist.pipeline``); each part has its module:
``entities`` (people, organisations, places), ``quotes`` (quotations and their speakers),
``figures`` (numbers with what they count, dates apart), ``keywords`` and ``faithful`` (the
check that the summary's names and numbers are the article's). A dateline ingest took off
the body ("STOCKHOLM (Reuters) -") still names a place and an agency: they are listed, with
no spans. Everything is rules over word tables in ``newsgist.lang`` (``FactWords``); a
language without them gets quotations without speakers, figures, keywords and the reading
time.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable

from newsgist.document import Document
from newsgist.facts.entities import KINDS, Mention, entities, mentions
from newsgist.facts.faithful import unsupported
from newsgist.facts.figures import figures
from newsgist.facts.keywords import keywords
from newsgist.facts.quotes import quotes
from newsgist.models import ArticleMeta, Entity, Facts, Figure

WORDS_PER_MINUTE = 230
"""An adult's silent reading speed for news, to the nearest ten (the reading time)."""

__all__ = ["WORDS_PER_MINUTE", "extract"]


def extract(document: Document, summary_texts: Iterable[str]) -> Facts:
    """Find the story's facts, and check the headline's and highlights' names and numbers."""
    whole = document.article.body
    body = whole[: document.sentences[-1].end] if document.sentences else ""  # what was read
    language = document.language
    words = language.facts
    counted, dates = figures(body, words)
    found = mentions(body, document.sentences, words, language.stop_words) if words else []
    found = _outside_money(found, counted)
    people, canonical = entities(found, words, body) if words else ([], {})
    people = _with_dateline(people, document.article.meta)
    said = quotes(body, document.sentences, people, canonical, words, language.stop_words)
    grammar = language.headline
    number_words = grammar.number_words if grammar else {}
    word_count = len(whole.split())
    return Facts(
        quotes=tuple(said),
        figures=tuple(counted),
        dates=tuple(dates),
        entities=tuple(people),
        keywords=keywords(document, people),
        words=word_count,
        reading_minutes=max(1, math.ceil(word_count / WORDS_PER_MINUTE)),
        unsupported=tuple(unsupported(summary_texts, body, number_words)),
    )


def _outside_money(found: list[Mention], counted: list[Figure]) -> list[Mention]:
    """Drop the names that are a lettered currency's start ("RM455 million", "HK$48 million")."""
    starts = sorted(f.span[0] for f in counted if f.kind == "money" and f.text[:1].isalpha())
    if not starts:
        return found
    ends = {f.span[0]: f.span[1] for f in counted if f.kind == "money"}
    kept = []
    for mention in found:
        at = bisect.bisect_right(starts, mention[1][0]) - 1
        if at < 0 or mention[1][0] >= ends[starts[at]]:
            kept.append(mention)
    return kept


def _with_dateline(named: list[Entity], meta: ArticleMeta) -> list[Entity]:
    """Add the place and the wire agency of a dateline ingest took off the body.

    "YOGYAKARTA, Indonesia (Reuters) -": "Yogyakarta", "Indonesia" and "Reuters", unless
    named already; with no spans, as the body no longer holds them. A part in capitals is
    written in title case, others as they are ("HARRISBURG, Pa.": "Harrisburg", "Pa.").
    """
    known = {form.casefold() for e in named for form in (e.name, *e.aliases)}
    places = [part.strip() for part in meta.metadata.get("dateline", "").split(",")]
    extra = [
        Entity(name, kind)
        for name, kind in (
            (meta.source, "organisation"),
            *((part.title() if part.isupper() else part, "place") for part in places),
        )
        if name
        and name.casefold() not in known
        and not (kind == "place" and any(c.isdigit() for c in name))
    ]  # a dateline's date is no place: "MUSCAT, Jan 14 –" (an agency may have digits)
    if not extra:
        return named
    return sorted([*named, *extra], key=lambda e: KINDS.index(e.kind))  # stable: order kept
