"""Running systems over records: summarize, time, score, and aggregate into a ``Report``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsgist.errors import InvalidOptionError, NewsgistError
from newsgist.evaluate.records import Record, Skipped
from newsgist.evaluate.report import Report, SystemResult
from newsgist.evaluate.rouge import MEASURES, ROUGE_TYPES, Rouge
from newsgist.evaluate.stats import interval, paired_test, resample_indices
from newsgist.registry import methods
from newsgist.select import SelectOptions

if TYPE_CHECKING:
    import numpy.typing as npt

System = Callable[[Record], Sequence[str]]
"""Anything that turns a record into highlight sentences: a newsgist method or a peer."""


@dataclass(frozen=True, slots=True)
class MethodSystem:
    """A newsgist method with its highlight count, as an evaluation system (picklable)."""

    method: str
    sentences: int

    def __call__(self, record: Record) -> list[str]:
        """Summarize the record's article and return the highlight texts."""
        from newsgist.pipeline import summarize

        summary = summarize(record.article, method=self.method, sentences=self.sentences)
        return [h.text for h in summary.highlights]


def parse_method_spec(spec: str, *, sentences: int) -> tuple[str, MethodSystem]:
    """Read ``NAME`` or ``NAME:K`` (K highlights, not ``sentences``) into a labelled system."""
    name, _, count = spec.partition(":")
    methods.get(name)  # an unknown name fails here, listing the valid ones
    if count:
        if not count.isdigit():
            raise InvalidOptionError(f"method spec {spec!r}: K in NAME:K must be an integer")
        k = SelectOptions(sentences=int(count)).sentences
        return spec, MethodSystem(name, k)
    return name, MethodSystem(name, SelectOptions(sentences=sentences).sentences)


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
    reference_words: int
    reference_sentences: int


_SYSTEMS: list[System] = []
_ROUGE: list[Rouge] = []


def _start(systems: Sequence[System]) -> None:
    """Set up this process: the systems to run and one ROUGE scorer."""
    _SYSTEMS[:] = systems
    _ROUGE[:] = [Rouge()]


def _run(record: Record) -> _Outcome:
    """Run every system on one record; a NewsgistError skips the record for all of them."""
    count = len(_SYSTEMS)
    shape = (count, len(ROUGE_TYPES), len(MEASURES))
    scores = np.zeros(shape)
    seconds, words, sentences = np.zeros(count), np.zeros(count), np.zeros(count)
    failed = np.zeros(count, dtype=np.bool_)
    for i, system in enumerate(_SYSTEMS):
        start = time.perf_counter()
        try:
            prediction = list(system(record))
        except NewsgistError as error:
            return _Outcome(
                record.line, str(error), scores, seconds, words, sentences, failed, 0, 0
            )
        except Exception:  # a peer's crash is scored as an empty summary, and counted
            prediction, failed[i] = [], True
        seconds[i] = time.perf_counter() - start
        scores[i] = _ROUGE[0].score(record.highlights, prediction)
        words[i] = sum(len(s.split()) for s in prediction)
        sentences[i] = len(prediction)
    reference_words = sum(len(h.split()) for h in record.highlights)
    return _Outcome(
        record.line,
        None,
        scores,
        seconds,
        words,
        sentences,
        failed,
        reference_words,
        len(record.highlights),
    )


def _outcomes(
    records: Sequence[Record], systems: Sequence[System], workers: int
) -> Iterator[_Outcome]:
    """Yield each record's outcome in input order, in this process or in ``workers``."""
    if workers == 1:
        _start(systems)
        yield from map(_run, records)
        return
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(list(systems),)) as pool:
        yield from pool.map(_run, records, chunksize=max(1, min(32, len(records) // (4 * workers))))


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
    for outcome in _outcomes(records, list(systems.values()), workers):
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
    )
