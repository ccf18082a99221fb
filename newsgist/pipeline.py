"""The whole pipeline: raw input → Article → sentences → scores → Summary.

Every surface builds one ``SummarizeOptions`` (``newsgist.options``) and runs a ``Pipeline``
made from it; ``summarize`` is the one-call form, with keyword shortcuts for the common
settings.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from newsgist.compress import compress_sentence
from newsgist.document import Document
from newsgist.errors import InvalidOptionError, MethodError, NewsgistError, NoSentenceError
from newsgist.facts import extract as extract_facts
from newsgist.headlines.base import Headliner
from newsgist.ingest import IngestOptions, load
from newsgist.lang import Language, language_of, lookup
from newsgist.methods.base import Summarizer
from newsgist.models import Article, Headline, Highlight, Sentence, SentenceScore, Summary
from newsgist.options import SummarizeOptions, option_names
from newsgist.registry import headlines, methods
from newsgist.segment import Segmenter, segment
from newsgist.select import SelectOptions, select
from newsgist.threads import find_threads

LOGGER = logging.getLogger(__name__)

_T = TypeVar("_T")


def summarize(
    source: str | bytes | Article | Path,
    settings: SummarizeOptions | None = None,
    *,
    method: str | None = None,
    sentences: int | None = None,
    words: int | None = None,
    options: SelectOptions | None = None,
    method_options: Mapping[str, Any] | None = None,
    model: str | Path | None = None,
    segmenter: Segmenter = segment,
    **shortcuts: Any,  # noqa: ANN401 - any other SummarizeOptions field, by name
) -> Summary:
    """Summarize one article into a headline and highlights.

    Args:
        source: plain text, a scraped page (``str`` or UTF-8 ``bytes``), an HTML page
            (``str`` or ``bytes`` in any charset), a ``pathlib.Path`` to read, or an
            ``Article`` (for a URL, pass ``newsgist.load_url(url)``).
        settings: every setting at once (``newsgist.SummarizeOptions``); the keywords
            below, and any other field of it by name (``headline=``, ``headline_words=``,
            ``keep_title=``, ``max_bytes=``, ``input_format=``, ``language=``, ...),
            override it.
        method: a name from ``newsgist.methods.names()``.
        sentences: how many highlights (default 3); a shorter article gives what it has.
        words: instead of ``sentences``, fill up to this many words, never over.
        options: the selection options at once (budgets, redundancy, position prior).
        method_options: keyword arguments for the method, e.g. ``{"threshold": 0.1}``.
        model: a model file from ``newsgist train``: short for
            ``method_options={"model": ...}`` (the learned method's option).
        segmenter: turns the body into sentences; the news-tuned default rarely needs changing.
        **shortcuts: any other field of ``SummarizeOptions``, by name.

    Raises:
        NewsgistError: for input that cannot be summarized or options out of range; the
            subclass says which (see ``newsgist.errors``).

    """
    built = build_settings(
        settings,
        method=method,
        sentences=sentences,
        words=words,
        options=options,
        method_options=method_options,
        model=model,
        **shortcuts,
    )
    if isinstance(source, Path):
        source = _read_path(source, built.max_bytes)
    if segmenter is not segment or any(isinstance(v, Path) for v in built.method_options.values()):
        return make_pipeline(built, segmenter=segmenter)(source)  # a file may change: read it
    return shared_pipeline(built)(source)


_PIPELINES: OrderedDict[tuple[Hashable, int, int], Pipeline] = OrderedDict()
_PIPELINES_LOCK = threading.Lock()
_MAX_PIPELINES = 32


def shared_pipeline(settings: SummarizeOptions) -> Pipeline:
    """Return the pipeline for ``settings``, built once per process and then shared.

    A pipeline keeps no per-article state; a method or generator registered anew gets a new
    one. ``summarize`` called in a loop, as most callers do, and the service's workers, one
    request after another, then load the method once, not each time. Settings whose method
    options JSON cannot hold are built every time rather than guessed at.
    """
    try:
        key = (
            _settings_key(settings),
            id(methods.get(settings.method)),
            id(headlines.get(settings.headline)) if settings.headline else 0,
        )
    except TypeError:  # a plugin option that is no JSON value
        return make_pipeline(settings)
    with _PIPELINES_LOCK:
        pipeline = _PIPELINES.get(key)
        if pipeline is not None:
            _PIPELINES.move_to_end(key)
            return pipeline
    pipeline = make_pipeline(settings)
    with _PIPELINES_LOCK:
        _PIPELINES[key] = pipeline
        if len(_PIPELINES) > _MAX_PIPELINES:
            _PIPELINES.popitem(last=False)
    return pipeline


_FIELDS = tuple(f.name for f in fields(SummarizeOptions) if f.name != "method_options")


def _settings_key(settings: SummarizeOptions) -> Hashable:
    """Return a key equal for equal settings: their values, the method options sorted.

    Built anew each call, so a caller's later change to its options dict counts. A tuple of
    the values costs a tenth of writing the settings as JSON (about 40 µs in a summary of a
    short story, cache misses included); JSON stays for options no tuple can hash (a
    plugin's list), and a value's type is part of the key, as ``1`` and ``True`` are equal.
    """
    options = settings.method_options
    try:
        key = (
            tuple([getattr(settings, name) for name in _FIELDS]),
            tuple(sorted((name, type(value), value) for name, value in options.items())),
        )
        hash(key)
    except TypeError:
        return json.dumps(settings.to_dict(), sort_keys=True)
    return key


def build_settings(
    settings: SummarizeOptions | None = None,
    *,
    method: str | None = None,
    sentences: int | None = None,
    words: int | None = None,
    options: SelectOptions | None = None,
    method_options: Mapping[str, Any] | None = None,
    model: str | Path | None = None,
    **fields: Any,  # noqa: ANN401 - SummarizeOptions fields by name
) -> SummarizeOptions:
    """Apply ``summarize``'s keyword shortcuts to ``settings`` (default: all defaults)."""
    changes: dict[str, Any] = dict(fields)
    if method is not None:
        changes["method"] = method
    if options is not None:
        if sentences is not None or words is not None:
            raise InvalidOptionError("give sentences/words inside options, or without it, not both")
        changes.update(
            sentences=options.sentences,
            words=options.words,
            redundancy=options.redundancy,
            mmr_lambda=options.mmr_lambda,
            position_weight=options.position_weight,
        )
    elif sentences is not None or words is not None:
        changes.update(sentences=sentences, words=words)
    if method_options is not None or model is not None:
        current = dict(method_options if method_options is not None else {})
        if model is not None:
            current["model"] = model
        changes["method_options"] = current
    if not changes:
        return settings or SummarizeOptions()
    if "method" in changes and "method_options" not in changes:
        changes["method_options"] = {}  # another method's options do not carry over
    try:
        return SummarizeOptions(**changes) if settings is None else replace(settings, **changes)
    except TypeError as error:  # a keyword that is no setting
        valid = ", ".join(option_names())
        raise InvalidOptionError(f"{error}; settings: {valid}") from None


def _read_path(path: Path, max_bytes: int) -> bytes:
    """Read an article file within the size limit, as the CLI does."""
    from newsgist.ingest import read_limited

    try:
        with path.open("rb") as stream:
            return read_limited(stream, options=IngestOptions(max_bytes=max_bytes))
    except OSError as error:
        raise InvalidOptionError(f"cannot read {path}: {error.strerror or error}") from None


@dataclass(frozen=True, slots=True)
class Pipeline:
    """A method, a headline generator and their settings, built once and run on many articles.

    Building loads the method (the learned model) and checks every option, so a batch job
    pays for that once per process; calling it summarizes one article, as ``summarize`` does.
    """

    settings: SummarizeOptions
    summarizer: Summarizer
    selection: SelectOptions
    headliner: Headliner | None
    segmenter: Segmenter = segment

    def __call__(self, source: str | bytes | Article) -> Summary:
        """Summarize one article (see ``summarize``) with one BLAS thread (``_OneBlasThread``)."""
        with _ONE_BLAS_THREAD:
            return self._summarize(source)

    def _summarize(self, source: str | bytes | Article) -> Summary:
        """Summarize one article."""
        settings = self.settings
        timings: dict[str, float] = {}
        started = time.perf_counter()

        def timed(stage: str, step: Callable[[], _T]) -> _T:
            begin = time.perf_counter()
            result = step()
            timings[stage] = time.perf_counter() - begin
            return result

        ingest = IngestOptions(max_bytes=settings.max_bytes)
        article = (
            source
            if isinstance(source, Article)
            else timed(
                "ingest", lambda: load(source, input_format=settings.input_format, options=ingest)
            )
        )
        code = timed(
            "language",
            lambda: language_of(
                article.body, declared=article.language, override=settings.language
            ),
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
        timed("features", lambda: document.features)  # shared by scoring, threads and facts
        scores = timed("score", lambda: self._score(document))
        threads = (  # only a selection that covers threads needs them: they cost a fifth
            timed("threads", lambda: find_threads(document.features, scores))
            if self.selection.threads == "cover"
            else None
        )
        chosen = timed("select", lambda: select(document, scores, self.selection, threads))
        thread_of = [] if threads is None else threads.labels.tolist()
        highlights = timed(
            "compress",
            lambda: tuple(
                self._highlight(
                    document.sentences[i],
                    document.language,
                    thread_of[i] if i < len(thread_of) else None,
                )
                for i in chosen
            ),
        )
        origin = settings.headline or "none"
        headliner = self.headliner
        if settings.keep_title and article.title:
            written, origin = Headline(article.title), "title"
        elif headliner is None:
            written = Headline("")
        else:
            written = timed(
                "headline",
                lambda: headliner.write(document, scores, words=settings.headline_words),
            )
        facts = None
        if settings.facts:
            texts = [written.text, *(h.text for h in highlights)]
            facts = timed("facts", lambda: extract_facts(document, texts))
        timings["total"] = time.perf_counter() - started
        return Summary(
            headline=written.text,
            highlights=highlights,
            method=settings.method,
            headline_origin=origin,
            headline_sources=written.sources,
            headline_spans=written.spans,
            article=article.meta,
            language_resources=document.language.code,
            timings=timings,
            sentences=tuple(
                SentenceScore(
                    s.index,
                    s.start,
                    s.end,
                    float(score),
                    thread_of[s.index] if s.index < len(thread_of) else None,
                )
                for s, score in zip(document.sentences, scores.tolist(), strict=True)
            ),
            facts=facts,
        )

    def _highlight(self, sentence: Sentence, language: Language, thread: int | None) -> Highlight:
        """One bullet: the sentence, or (style compressed) what is left of it, with its spans.

        Built with its thread, not given it by ``dataclasses.replace`` after (a tenth of the stage).
        """
        if self.settings.style != "compressed":
            return Highlight.from_sentences([sentence], thread)
        short = compress_sentence(sentence.text, language, words=self.settings.highlight_words)
        spans = tuple((sentence.start + a, sentence.start + b) for a, b in short.spans)
        return Highlight(short.text, (sentence.index,), spans, thread)

    def _score(self, document: Document) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Run the method, turning its failures and unusable scores into ``MethodError``."""
        method = self.settings.method
        try:
            scores = np.asarray(self.summarizer.score(document), dtype=np.float64)
        except (NewsgistError, MemoryError):
            raise
        except Exception as error:  # a plugin's bug: one typed error, never a traceback
            LOGGER.exception("method %r failed", method)
            problem = f"{type(error).__name__}: {error}"
            raise MethodError(f"method {method!r} failed: {problem}") from None
        if scores.shape != (len(document.sentences),):
            raise MethodError(
                f"method {method!r} returned {scores.shape} scores"
                f" for {len(document.sentences)} sentences"
            )
        if not np.all(np.isfinite(scores)):
            raise MethodError(f"method {method!r} returned scores that are not finite numbers")
        return scores


class _OneBlasThread:
    """While any pipeline call runs in this process, BLAS (OpenBLAS, MKL) uses one thread.

    An article's matrices are small (tens of sentences by hundreds of terms): a second BLAS
    thread cannot pay for handing the work over, and once woken it spins, taking a core's
    share from the thread summarizing. On a busy two-core machine that doubled the time of
    every stage. Batch workers and the service's workers run with one BLAS thread for good;
    a caller's own process gets its setting back when the last call in flight returns.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls = 0
        self._controller: Any = None
        self._limiter: Any = None

    def __enter__(self) -> None:
        with self._lock:
            if self._calls == 0:
                if self._controller is None:
                    from threadpoolctl import ThreadpoolController

                    self._controller = ThreadpoolController().select(user_api="blas")
                if any(lib.num_threads > 1 for lib in self._controller.lib_controllers):
                    self._limiter = self._controller.limit(limits=1)
            self._calls += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._calls -= 1
            if self._calls == 0 and self._limiter is not None:
                self._limiter.restore_original_limits()
                self._limiter = None


_ONE_BLAS_THREAD = _OneBlasThread()


MAX_SEGMENTED_CHARS = 120_000
"""Sentences are read from this much of the body (about 20,000 words, five times a long news
story): every method scores only what the shared features cover, a prefix of 20,000 tokens at
most (``newsgist.features``), so reading further would cost time and memory for nothing."""
MAX_SEGMENTED_LINES = 5_000
"""... and from this many lines at most: a story has hundreds; a page of one-word lines would
otherwise cost a sentence each, for features that cover 500 of them."""


def _readable(body: str) -> str:
    """Return the part of ``body`` to segment: all, or a prefix cut at a line break or space."""
    end = min(len(body), MAX_SEGMENTED_CHARS)
    if body.count("\n", 0, end) > MAX_SEGMENTED_LINES:
        cut = -1
        for _ in range(MAX_SEGMENTED_LINES):
            cut = body.find("\n", cut + 1)
        return body[:cut]
    if len(body) <= MAX_SEGMENTED_CHARS:
        return body
    for separator in ("\n", " "):
        cut = body.rfind(separator, MAX_SEGMENTED_CHARS // 2, MAX_SEGMENTED_CHARS)
        if cut > 0:
            return body[:cut]
    return body[:MAX_SEGMENTED_CHARS]


def make_pipeline(
    settings: SummarizeOptions | None = None, *, segmenter: Segmenter = segment
) -> Pipeline:
    """Build a reusable ``Pipeline`` from ``settings``, loading the method once.

    Raises:
        NewsgistError: an unknown method or generator, or an option out of range.

    """
    settings = settings or SummarizeOptions()
    summarizer = _summarizer(settings.method, settings.method_options)
    headliner = None if settings.headline is None else headlines.get(settings.headline)()
    selection = settings.select
    defaults: dict[str, Any] = {"redundancy": "none", "threads": "ignore", "standalone": False}
    unset = {  # the method's own defaults where the caller left a choice open
        name: getattr(summarizer, name, default)
        for name, default in defaults.items()
        if getattr(selection, name) is None
    }
    selection = SelectOptions(**{**asdict(selection), **unset})
    return Pipeline(settings, summarizer, selection, headliner, segmenter)


def _summarizer(method: str, method_options: Mapping[str, Any]) -> Summarizer:
    """Create the named method with its options (``SummarizeOptions`` has checked them)."""
    try:
        summarizer: Summarizer = methods.get(method)(**method_options)
    except NewsgistError:
        raise
    except Exception as error:  # a plugin that cannot be built: one typed error
        raise MethodError(
            f"method {method!r} could not be built: {type(error).__name__}: {error}"
        ) from None
    return summarizer
