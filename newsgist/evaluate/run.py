"""Running systems over records: summarize, time, score, and aggregate into a ``Report``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from newsgist.errors import InvalidOptionError, NewsgistError
from newsgist.evaluate.records import Record, Skipped
from newsgist.evaluate.report import Report, SystemResult
from newsgist.evaluate.rouge import MEASURES, ROUGE_TYPES, Rouge
from newsgist.evaluate.stats import interval, paired_test, resample_indices
from newsgist.facts.faithful import unsupported
from newsgist.lang import NEUTRAL, SAMPLE_CHARS, detect, lookup
from newsgist.lang.en import ENGLISH
from newsgist.methods.base import declared_options
from newsgist.options import SummarizeOptions
from newsgist.pool import ordered_map
from newsgist.registry import methods

if TYPE_CHECKING:
    import numpy.typing as npt

System = Callable[[Record], Sequence[str]]
"""Anything that turns a record into highlight sentences (a newsgist method or a peer), or
into a one-line headline."""

Reference = Literal["highlights", "title"]
"""What systems are scored against: the records' highlights, or their titles (headlines)."""


@dataclass(frozen=True, slots=True)
class MethodSystem:
    """A newsgist method with its settings (highlights only), as a picklable system."""

    settings: SummarizeOptions = field(
        default_factory=lambda: SummarizeOptions(headline=None, facts=False)
    )

    def __call__(self, record: Record) -> list[str]:
        """Summarize the record's article and return the highlight texts."""
        from newsgist.pipeline import summarize

        return [h.text for h in summarize(record.article, self.settings).highlights]


@dataclass(frozen=True, slots=True)
class HeadlineSystem:
    """A newsgist headline generator with its settings, as a picklable system."""

    settings: SummarizeOptions = field(default_factory=lambda: SummarizeOptions(facts=False))

    def __call__(self, record: Record) -> list[str]:
        """Summarize the record's article and return its generated headline."""
        from newsgist.pipeline import summarize

        return [summarize(record.article, self.settings).headline]


def parse_method_spec(
    spec: str,
    *,
    settings: SummarizeOptions | None = None,
    method_options: Mapping[str, Any] | None = None,
    model: str | Path | None = None,
) -> tuple[str, MethodSystem]:
    """Read ``NAME`` or ``NAME:K`` (K highlights, overriding the budget) into a labelled system.

    ``settings`` apply to the method; ``method_options`` (else the settings' own) are checked
    against what it declares; ``model`` goes to it only if it declares a ``model`` option.
    """
    name, _, count = spec.partition(":")
    base = settings or SummarizeOptions(headline=None)
    options = dict(base.method_options if method_options is None else method_options)
    declared = declared_options(methods.get(name)) or ()
    if model is not None and any(option.name == "model" for option in declared):
        options["model"] = model
    changes: dict[str, Any] = {
        "method": name,
        "method_options": options,
        "headline": None,
        "facts": False,  # evaluate scores highlights; faithfulness is checked on its own
    }
    if count:
        if not count.isdigit():
            raise InvalidOptionError(f"method spec {spec!r}: K in NAME:K must be an integer")
        changes.update(sentences=int(count), words=None)
    return spec, MethodSystem(replace(base, **changes))


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What every system did on one record."""

    line: int
    skip: str | None
    scores: npt.NDArray[np.float64]  # (systems, variants, measures)
    seconds: npt.NDArray[np.float64]  # (systems,)
    words: npt.NDArray[np.float64]
    sentences: npt.NDArray[np.float64]
    failed: npt.NDArray[np.bool_]
    unfaithful: npt.NDArray[np.bool_]
    reference_words: int
    reference_sentences: int


_SYSTEMS: list[System] = []
_ROUGE: dict[str, Rouge] = {}
_REFERENCE: list[Reference] = ["highlights"]


def _start(systems: Sequence[System], reference: Reference) -> None:
    """Set up this process: the systems to run, what to score against, an English scorer."""
    _SYSTEMS[:] = systems
    _ROUGE.clear()
    _ROUGE["en"] = Rouge()
    _REFERENCE[:] = [reference]


def _rouge(record: Record) -> Rouge:
    """Return the scorer for a record's language: its ``language`` field, else detected.

    A detected language newsgist has no tables for is scored as English when the text is in
    Latin letters (short English texts are sometimes taken for Nigerian Pidgin or Bikol),
    with Unicode words when it is not (Greek, Hebrew, Thai: rouge-score would see nothing).
    """
    tag = record.language or detect(record.article)
    if record.language is None and lookup(tag) is NEUTRAL and _latin(record.article):
        tag = "en"
    code = lookup(tag).code  # one scorer per set of resources: "fr-CA" scores as "fr"
    scorer = _ROUGE.get(code)
    if scorer is None:
        scorer = _ROUGE[code] = Rouge(tag)
    return scorer


def _targets(record: Record) -> tuple[str, ...]:
    """Return what this process scores a record's predictions against."""
    if _REFERENCE[0] == "title":
        return (record.title,) if record.title else ()
    return record.highlights


def _latin(text: str) -> bool:
    """Whether most letters of the text's start are ASCII letters."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(c.isalpha() for c in sample)
    ascii_letters = sum(c.isascii() and c.isalpha() for c in sample)
    return ascii_letters * 2 > letters


_NUMBERS = ENGLISH.headline.number_words if ENGLISH.headline else {}
"""Number words a headline may write as digits, for the faithfulness check."""

_CHUNK = 32
"""Records per unit of work: each system runs over a whole chunk before any scoring."""


def _run(chunk: Sequence[Record]) -> list[_Outcome]:
    """Run every system over a chunk of records, then score them.

    Systems run one after another over the whole chunk, timed, and ROUGE scoring comes after,
    so each system's speed is measured as in batch use, not interleaved with scoring. A
    NewsgistError skips that record for every system.
    """
    count = len(_SYSTEMS)
    predictions: list[list[list[str]]] = [[[] for _ in range(count)] for _ in chunk]
    seconds = np.zeros((len(chunk), count))
    failed = np.zeros((len(chunk), count), dtype=np.bool_)
    skips: dict[int, str] = {}
    for r, record in enumerate(chunk):
        if not _targets(record):
            skips[r] = "no title"
    for i, system in enumerate(_SYSTEMS):
        for r, record in enumerate(chunk):
            if r in skips:
                continue
            start = time.perf_counter()
            try:
                predictions[r][i] = list(system(record))
            except NewsgistError as error:
                skips[r] = str(error)
            except Exception:  # a peer's crash is scored as an empty summary, and counted
                failed[r, i] = True
            seconds[r, i] = time.perf_counter() - start
    outcomes = []
    shape = (count, len(ROUGE_TYPES), len(MEASURES))
    for r, record in enumerate(chunk):
        scores = np.zeros(shape)
        unfaithful = np.zeros(count, dtype=np.bool_)
        if r not in skips:
            rouge = _rouge(record)
            for i in range(count):
                scores[i] = rouge.score(_targets(record), predictions[r][i])
                unfaithful[i] = bool(unsupported(predictions[r][i], record.article, _NUMBERS))
        outcomes.append(
            _Outcome(
                line=record.line,
                skip=skips.get(r),
                scores=scores,
                seconds=seconds[r],
                words=np.array([sum(len(s.split()) for s in p) for p in predictions[r]], float),
                sentences=np.array([len(p) for p in predictions[r]], dtype=np.float64),
                failed=failed[r],
                unfaithful=unfaithful,
                reference_words=sum(len(h.split()) for h in _targets(record)),
                reference_sentences=len(_targets(record)),
            )
        )
    return outcomes


def _outcomes(
    records: Sequence[Record], systems: Sequence[System], workers: int, reference: Reference
) -> Iterator[_Outcome]:
    """Yield each record's outcome in input order, in this process or in ``workers``."""
    chunks = [records[i : i + _CHUNK] for i in range(0, len(records), _CHUNK)]
    if workers == 1:
        _start(systems, reference)
        for chunk in chunks:
            yield from _run(chunk)
        return
    initargs = (list(systems), reference)
    done = ordered_map(_run, chunks, workers=workers, initializer=_start, initargs=initargs)
    with closing(done):
        for outcomes in done:
            yield from outcomes


def evaluate(
    records: Sequence[Record],
    systems: Mapping[str, System],
    *,
    bootstrap: int = 1000,
    seed: int = 0,
    workers: int = 1,
    skipped: Sequence[Skipped] = (),
    source: str = "",
    progress: Callable[[], None] | None = None,
    reference: Reference = "highlights",
) -> Report:
    """Evaluate ``systems`` (the first is the baseline) on the same ``records``.

    Args:
        records: articles with reference highlights.
        systems: label → system; every system sees every record.
        bootstrap: resamples for intervals and paired tests.
        seed: seeds the resampling, so the report is reproducible.
        workers: processes; systems must then be picklable (``MethodSystem`` is).
        skipped: records already left out while reading, carried into the report.
        source: where the records came from, for the report.
        progress: called once per record done.
        reference: score against the records' ``highlights``, or their ``title`` (for
            headline systems; records without a title are skipped).

    Raises:
        InvalidOptionError: no systems, bad worker count, or nothing left to evaluate.

    """
    if not systems:
        raise InvalidOptionError("give at least one method to evaluate")
    if workers < 1:
        raise InvalidOptionError(f"workers must be positive, not {workers}")
    labels = list(systems)
    kept: list[_Outcome] = []
    skips = list(skipped)
    for outcome in _outcomes(records, list(systems.values()), workers, reference):
        if outcome.skip is None:
            kept.append(outcome)
        else:
            skips.append(Skipped(outcome.line, outcome.skip))
        if progress is not None:
            progress()
    if not kept:
        raise InvalidOptionError(f"no records left to evaluate ({len(skips)} skipped)")
    scores = np.stack([o.scores for o in kept])  # (articles, systems, variants, measures)
    seconds = np.stack([o.seconds for o in kept]).sum(axis=0)
    indices = resample_indices(len(kept), samples=bootstrap, seed=seed)
    results = []
    for s, label in enumerate(labels):
        rouge = {
            variant: {
                measure: interval(scores[:, s, v, m], indices) for m, measure in enumerate(MEASURES)
            }
            for v, variant in enumerate(ROUGE_TYPES)
        }
        versus = {
            variant: paired_test(scores[:, s, v, 2], scores[:, 0, v, 2], indices)
            for v, variant in enumerate(ROUGE_TYPES)
        }
        results.append(
            SystemResult(
                label=label,
                rouge=rouge,
                versus_baseline=versus if s else {},
                articles_per_s=len(kept) / seconds[s] if seconds[s] else float("inf"),
                words=float(np.mean([o.words[s] for o in kept])),
                sentences=float(np.mean([o.sentences[s] for o in kept])),
                failures=int(sum(o.failed[s] for o in kept)),
                unfaithful=int(sum(o.unfaithful[s] for o in kept)),
            )
        )
    return Report(
        source=source,
        evaluated=len(kept),
        skipped=tuple(sorted(skips, key=lambda k: k.line)),
        seed=seed,
        bootstrap=bootstrap,
        reference_words=float(np.mean([o.reference_words for o in kept])),
        reference_sentences=float(np.mean([o.reference_sentences for o in kept])),
        systems=tuple(results),
        reference=reference,
    )
