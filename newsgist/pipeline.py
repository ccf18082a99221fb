"""The whole pipeline: raw input → Article → sentences → scores → Summary."""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from newsgist.errors import InvalidOptionError, NoSentenceError
from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS, Headliner
from newsgist.ingest import (
    DEFAULT_MAX_BYTES,
    IngestOptions,
    InputFormat,
    check_input_format,
    load,
)
from newsgist.lang import check_tag, language_of, lookup
from newsgist.methods.base import DEFAULT_METHOD, Summarizer
from newsgist.models import Article, Document, Headline, Highlight, Summary
from newsgist.registry import headlines, methods
from newsgist.segment import Segmenter, has_terminator, segment
from newsgist.select import SelectOptions, select

LOGGER = logging.getLogger(__name__)

_T = TypeVar("_T")


def summarize(
    source: str | bytes | Article,
    *,
    method: str = DEFAULT_METHOD,
    sentences: int | None = None,
    words: int | None = None,
    options: SelectOptions | None = None,
    method_options: Mapping[str, Any] | None = None,
    model: str | Path | None = None,
    headline: str | None = DEFAULT_HEADLINE,
    headline_words: int = DEFAULT_HEADLINE_WORDS,
    keep_title: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: InputFormat = "auto",
    segmenter: Segmenter = segment,
    language: str | None = None,
) -> Summary:
    """Summarize one article into a headline and highlights.

    Args:
        source: plain text, a scraped page (``str`` or UTF-8 ``bytes``), an HTML page
            (``str`` or ``bytes`` in any charset), or an ``Article`` (for a URL, pass
            ``newsgist.load_url(url)``).
        method: a name from ``newsgist.methods.names()``.
        sentences: how many highlights (default 3); a shorter article gives what it has.
        words: instead of ``sentences``, fill up to this many words, never over.
        options: every selection option at once (budgets, redundancy, position prior);
            give either this or ``sentences``/``words``.
        method_options: keyword arguments for the method, e.g. ``{"threshold": 0.1}``.
        model: a model file from ``newsgist train`` for the ``learned`` method (default: the
            model shipped with newsgist); short for ``method_options={"model": ...}``.
        headline: a headline generator from ``newsgist.headlines.names()``, or ``None``
            for highlights only (``Summary.headline`` is then empty, origin ``"none"``).
        headline_words: the headline's budget in words.
        keep_title: use the article's own title as the headline when it has one (the
            title stays in ``Summary.article.title`` either way).
        max_bytes: inputs larger than this are refused with ``InputTooLargeError``.
        input_format: ``"text"`` or ``"html"``; ``"auto"`` tells them apart by how the input
            starts (a doctype or an HTML tag).
        segmenter: turns the body into sentences; the news-tuned default rarely needs changing.
        language: the article's language as a BCP 47 tag (``"fr"``), overriding the page's
            declaration and detection. Languages newsgist has no resources for run
            language-neutral (``Summary.language_resources`` says which ran).

    Raises:
        NewsgistError: for input that cannot be summarized or options out of range; the
            subclass says which (see ``newsgist.errors``).

    """
    return make_pipeline(
        method=method,
        sentences=sentences,
        words=words,
        options=options,
        method_options=method_options,
        model=model,
        headline=headline,
        headline_words=headline_words,
        keep_title=keep_title,
        max_bytes=max_bytes,
        input_format=input_format,
        segmenter=segmenter,
        language=language,
    )(source)


@dataclass(frozen=True, slots=True)
class Pipeline:
    """A method, a headline generator and their settings, built once and run on many articles.

    Building loads the method (the learned model) and checks every option, so a batch job
    pays for that once per process; calling it summarizes one article, as ``summarize`` does.
    """

    method: str
    summarizer: Summarizer
    options: SelectOptions
    headliner: Headliner | None
    headline: str | None
    headline_words: int
    keep_title: bool
    max_bytes: int
    input_format: InputFormat
    segmenter: Segmenter
    language: str | None = None

    def __call__(self, source: str | bytes | Article) -> Summary:
        """Summarize one article (see ``summarize``)."""
        timings: dict[str, float] = {}
        started = time.perf_counter()

        def timed(stage: str, step: Callable[[], _T]) -> _T:
            begin = time.perf_counter()
            result = step()
            timings[stage] = time.perf_counter() - begin
            return result

        ingest = IngestOptions(max_bytes=self.max_bytes)
        article = (
            source
            if isinstance(source, Article)
            else timed(
                "ingest", lambda: load(source, input_format=self.input_format, options=ingest)
            )
        )
        if not has_terminator(article.body):
            raise NoSentenceError(
                "the text has no sentence-ending punctuation (. ! ?), so it has no sentences to"
                " choose from; add punctuation or pass a punctuated article"
            )
        code = timed(
            "language",
            lambda: language_of(article.body, declared=article.language, override=self.language),
        )
        if code != article.language:
            article = replace(article, language=code)
        readable = _readable(article.body)
        split = (
            partial(segment, language=lookup(code)) if self.segmenter is segment else self.segmenter
        )
        document = Document(article, tuple(timed("segment", lambda: split(readable))))
        if not document.sentences:
            where = (
                "the text"
                if readable is article.body
                else f"the first {len(readable):,} characters"
            )
            raise NoSentenceError(
                f"{where} has no sentence with a letter or digit in it, so there is nothing to"
                " summarize"
            )
        scores = timed(
            "score", lambda: np.asarray(self.summarizer.score(document), dtype=np.float64)
        )
        if scores.shape != (len(document.sentences),):
            raise RuntimeError(
                f"method {self.method!r} returned {scores.shape} scores"
                f" for {len(document.sentences)} sentences"
            )
        chosen = timed("select", lambda: select(document, scores, self.options))
        highlights = tuple(Highlight.from_sentences([document.sentences[i]]) for i in chosen)
        origin = self.headline or "none"
        headliner = self.headliner
        if self.keep_title and article.title:
            written, origin = Headline(article.title), "title"
        elif headliner is None:
            written = Headline("")
        else:
            written = timed(
                "headline", lambda: headliner.write(document, scores, words=self.headline_words)
            )
        timings["total"] = time.perf_counter() - started
        return Summary(
            headline=written.text,
            highlights=highlights,
            method=self.method,
            headline_origin=origin,
            headline_sources=written.sources,
            headline_spans=written.spans,
            article=article.meta,
            language_resources=document.language.code,
            timings=timings,
        )


MAX_SEGMENTED_CHARS = 250_000
"""Sentences are read from this much of the body (about 40,000 words, ten times a long news
story): every method scores only what the shared features cover, a prefix of 20,000 tokens at
most (``newsgist.features``), so reading further would cost time and memory for nothing."""


def _readable(body: str) -> str:
    """Return the part of ``body`` to segment: all, or a prefix cut at a line break or space."""
    if len(body) <= MAX_SEGMENTED_CHARS:
        return body
    for separator in ("\n", " "):
        cut = body.rfind(separator, MAX_SEGMENTED_CHARS // 2, MAX_SEGMENTED_CHARS)
        if cut > 0:
            return body[:cut]
    return body[:MAX_SEGMENTED_CHARS]


def make_pipeline(
    *,
    method: str = DEFAULT_METHOD,
    sentences: int | None = None,
    words: int | None = None,
    options: SelectOptions | None = None,
    method_options: Mapping[str, Any] | None = None,
    model: str | Path | None = None,
    headline: str | None = DEFAULT_HEADLINE,
    headline_words: int = DEFAULT_HEADLINE_WORDS,
    keep_title: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: InputFormat = "auto",
    segmenter: Segmenter = segment,
    language: str | None = None,
) -> Pipeline:
    """Build a reusable ``Pipeline`` from ``summarize``'s options, checking them all now.

    Raises:
        NewsgistError: an unknown method or generator, or an option out of range.

    """
    check_input_format(input_format)
    if language is not None:
        check_tag(language)
    if options is None:
        options = SelectOptions(sentences=sentences, words=words)
    elif sentences is not None or words is not None:
        raise InvalidOptionError("give sentences/words inside options, or without it, not both")
    settings = dict(method_options or {})
    if model is not None:
        settings["model"] = model
    summarizer = make_summarizer(method, settings)
    headliner = None if headline is None else make_headliner(headline, headline_words)
    if options.redundancy is None:
        options = replace(options, redundancy=getattr(summarizer, "redundancy", "none"))
    return Pipeline(
        method=method,
        summarizer=summarizer,
        options=options,
        headliner=headliner,
        headline=headline,
        headline_words=headline_words,
        keep_title=keep_title,
        max_bytes=max_bytes,
        input_format=input_format,
        segmenter=segmenter,
        language=language,
    )


def make_summarizer(method: str, method_options: Mapping[str, Any]) -> Summarizer:
    """Create the named method with its options, or say which options it takes."""
    factory = methods.get(method)
    try:
        return factory(**method_options)
    except TypeError:
        accepted = [
            p.name
            for p in inspect.signature(factory).parameters.values()
            if p.kind is p.KEYWORD_ONLY
        ]
        raise InvalidOptionError(
            f"method {method!r} takes the options {', '.join(accepted) or '(none)'},"
            f" not {', '.join(sorted(method_options))}"
        ) from None


def make_headliner(name: str, words: int) -> Headliner:
    """Create the named headline generator, checking the word budget."""
    if words < 1:
        raise InvalidOptionError(f"headline_words must be positive, not {words}")
    return headlines.get(name)()
