"""Batch jobs: summarize a JSONL file of articles, streamed, in order, on many processes.

Every input line gets exactly one output line, in input order: the record's ``id`` and the
``Summary`` JSON, or the ``id``, line number and error of a record that could not be read,
summarized or written, so nothing is lost and output line N always answers input line N.
Output is strict JSON in UTF-8 whatever the input holds: an id it cannot hold (lone
surrogates, ``NaN``) makes an error record that says how the id was written. Memory stays
flat: lines go to the worker processes in small chunks, with a bounded number in flight.

Output is written to ``OUT.part`` and renamed to ``OUT`` only when complete, so a half-written
file is never published. A run that was killed continues with ``resume=True``: the complete
lines of ``OUT.part`` are kept (a torn last line is cut off) and the input is read on from
the next record, so no record is lost or written twice.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from newsgist.__version__ import __version__
from newsgist.errors import InvalidOptionError, InvalidRecordError
from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS
from newsgist.ingest import DEFAULT_MAX_BYTES, InputFormat
from newsgist.jsonl import JsonlFile, identify, parse_object
from newsgist.methods.base import DEFAULT_METHOD
from newsgist.select import SelectOptions

if TYPE_CHECKING:
    from newsgist.pipeline import Pipeline

Engine = Literal["local", "ray"]
"""Where the work runs: processes on this machine, or a Ray cluster."""

Progress = Callable[[int, int, int | None], None]
"""Called after each record with the records done in this run, the input bytes read so far,
and the input's size in bytes (None when unknown: stdin, or the ray engine)."""

CHUNK = 32
"""Records per unit of work sent to a process: large enough to amortise the hand-over."""


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What to do with every record: the summarize settings, and which fields hold what.

    ``timings`` adds each record's per-stage seconds to its output; off by default, so the
    same input and settings always give byte-identical output (and a resumed run can be
    checked against an uninterrupted one).
    """

    method: str = DEFAULT_METHOD
    options: SelectOptions = field(default_factory=SelectOptions)
    method_options: tuple[tuple[str, Any], ...] = ()
    headline: str | None = DEFAULT_HEADLINE
    headline_words: int = DEFAULT_HEADLINE_WORDS
    keep_title: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: InputFormat = "auto"
    text_field: str = "article"
    id_field: str = "id"
    timings: bool = False

    def pipeline(self) -> Pipeline:
        """Build the pipeline once, checking every setting (raises ``NewsgistError``)."""
        from newsgist.pipeline import make_pipeline

        return make_pipeline(
            method=self.method,
            options=self.options,
            method_options=dict(self.method_options),
            headline=self.headline,
            headline_words=self.headline_words,
            keep_title=self.keep_title,
            max_bytes=self.max_bytes,
            input_format=self.input_format,
        )

    def fingerprint(self) -> dict[str, Any]:
        """Return the settings as JSON-ready values, to tell whether a partial run matches."""
        settings = asdict(self)
        settings["method_options"] = {key: str(value) for key, value in self.method_options}
        return settings


@dataclass(frozen=True, slots=True)
class Result:
    """One output line (strict JSON, no newline) and whether it holds a summary or an error."""

    line: str
    ok: bool

    @classmethod
    def of(cls, record: Mapping[str, Any], number: int | None) -> Result:
        """Serialise the output record of line ``number`` (see ``writable``); never raises."""
        return writable(record, number)[1]


def summarize_record(
    pipeline: Pipeline, job: BatchJob, data: Mapping[str, Any], number: int | None
) -> dict[str, Any]:
    """Summarize one parsed record into its output record; any failure becomes an error record."""
    record_id = data.get(job.id_field)
    try:
        if writable_id(record_id)[1] is not None:  # no work for a record whose id cannot be written
            raise InvalidRecordError(f"the {job.id_field!r} field cannot be written as JSON")
        text = data.get(job.text_field)
        if text is None:
            raise InvalidRecordError(f"no {job.text_field!r} field")
        if not isinstance(text, str):
            raise InvalidRecordError(f"{job.text_field!r} is a {type(text).__name__}, not a string")
        _check_unicode(text, job.text_field)
        summary = pipeline(text)
    except Exception as error:  # one bad record never stops a batch: it is reported in place
        return error_record(record_id, number, error)
    output = summary.to_dict()
    if not job.timings:
        del output["timings"]
    return {"id": record_id, **output}


def _check_unicode(text: str, name: str) -> None:
    r"""Refuse text with lone surrogates (JSON ``\ud800`` escapes): no UTF-8 can hold it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidRecordError(
            f"{name!r} is not valid Unicode (a lone surrogate at character {error.start})"
        ) from None


def summarize_line(pipeline: Pipeline, job: BatchJob, raw: bytes, number: int) -> dict[str, Any]:
    """Parse and summarize one JSONL line into its output record."""
    try:
        data = parse_object(raw)
    except InvalidRecordError as error:
        return error_record(None, number, error)
    return summarize_record(pipeline, job, data, number)


def error_record(record_id: Any, number: int | None, error: BaseException) -> dict[str, Any]:  # noqa: ANN401
    """Return the error record for a line: its id, line number, error type and message.

    The record can always be written: an id strict JSON cannot hold is replaced as
    ``writable_id`` says, and the message tells how.
    """
    record_id, replaced = writable_id(record_id)
    message = _message(error)
    if replaced is not None:
        message = f"{message}; id replaced: {replaced}" if message else f"id replaced: {replaced}"
    problem = {"type": type(error).__name__, "message": message}
    where = {} if number is None else {"line": number}
    return {"id": record_id, **where, "error": problem}


def _message(error: BaseException) -> str:
    """Return an error's message as text UTF-8 can hold (lone surrogates escaped)."""
    try:
        message = str(error)
    except ValueError:  # e.g. an argument that is an integer too long to print
        return ""
    return message.encode("utf-8", "backslashreplace").decode("utf-8")


def writable_id(value: Any) -> tuple[Any, str | None]:  # noqa: ANN401
    r"""Return an id as strict JSON can hold it, and how it was replaced (None: it was not).

    Text with lone surrogates keeps them as ``\udXXX`` escapes, spelled out as text; ``NaN``
    and the infinities become the strings ``"NaN"``, ``"Infinity"`` and ``"-Infinity"``; any
    other id that cannot be written (nested too deep, not a JSON type) becomes null.
    """
    try:
        json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8")
    except (ValueError, TypeError, RecursionError):
        pass
    else:
        return value, None
    if isinstance(value, str):
        escaped = value.encode("utf-8", "backslashreplace").decode("utf-8")
        return escaped, "its lone surrogates written as \\uXXXX text"
    if isinstance(value, float):
        name = "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
        return name, f"{name} is not a JSON number, written as the string {name!r}"
    return None, f"a {type(value).__name__} JSON cannot hold, written as null"


def writable(record: Mapping[str, Any], number: int | None) -> tuple[Mapping[str, Any], Result]:
    """Return an output record and its line, as strict JSON (no NaN) that UTF-8 can hold.

    A record that cannot be written so (an id or text it cannot hold) becomes the error
    record of line ``number`` that says why, so writing never stops a batch.
    """
    try:
        line = _dumps(record)
        line.encode("utf-8")  # lone surrogates: refused here, not half-way through a write
    except (ValueError, TypeError, RecursionError) as error:
        failed = error_record(
            record.get("id"),
            number,
            InvalidRecordError(f"the output record cannot be written as JSON ({_message(error)})"),
        )
        return failed, Result(_dumps(failed), ok=False)
    return record, Result(line, ok="error" not in record)


def _dumps(record: Mapping[str, Any]) -> str:
    """Serialise one output record compactly as strict JSON, keeping non-ASCII text readable."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


_WORKER: list[tuple[BatchJob, Pipeline]] = []


def _start(job: BatchJob) -> None:
    """Set up a worker process: one BLAS thread (processes are the parallelism), one pipeline."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    _WORKER[:] = [(job, job.pipeline())]


def _run(chunk: list[tuple[int, bytes]]) -> list[Result]:
    """Summarize a chunk of numbered lines in a worker process."""
    job, pipeline = _WORKER[0]
    return [Result.of(summarize_line(pipeline, job, raw, number), number) for number, raw in chunk]


def _chunks(lines: Iterable[tuple[int, bytes]]) -> Iterator[list[tuple[int, bytes]]]:
    """Group numbered lines into chunks of ``CHUNK``."""
    chunk: list[tuple[int, bytes]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def summarize_lines(
    lines: Iterable[tuple[int, bytes]], job: BatchJob, *, workers: int = 1
) -> Iterator[Result]:
    """Summarize numbered JSONL lines, yielding one ``Result`` per line in input order.

    With ``workers`` > 1 the lines go to that many processes, each building the pipeline
    once; at most ``4 * workers`` chunks are in flight, so memory does not grow with the
    input. One process runs everything in this one.
    """
    if workers < 1:
        raise InvalidOptionError(f"workers must be positive, not {workers}")
    pipeline = job.pipeline()  # bad settings fail here, before any process starts
    if workers == 1:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1):  # one worker is one core, as in the processes below
            for number, raw in lines:
                yield Result.of(summarize_line(pipeline, job, raw, number), number)
        return
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(job,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for chunk in _chunks(lines):
            if len(pending) >= 4 * workers:
                yield from pending.popleft().result()
            pending.append(pool.submit(_run, chunk))
        while pending:
            yield from pending.popleft().result()


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What a batch run did: records summarized and failed, and how fast."""

    ok: int
    failed: int
    resumed: int
    seconds: float
    output: str

    @property
    def records(self) -> int:
        """Records in the output, those of an earlier, resumed run included."""
        return self.ok + self.failed

    @property
    def rate(self) -> float:
        """Articles per second in this run (a resumed run's records not counted)."""
        done = self.records - self.resumed
        return done / self.seconds if self.seconds else 0.0

    def describe(self) -> str:
        """Say it in one line, for the end of a run."""
        resumed = f", {self.resumed:,} of them from the resumed run" if self.resumed else ""
        return (
            f"{self.ok:,} ok, {self.failed:,} failed ({self.records:,} records{resumed})"
            f" in {self.seconds:.1f} s, {self.rate:,.0f} articles/s → {self.output}"
        )


class _Output:
    """The output file: written as ``OUT.part`` beside a settings file, renamed when done."""

    def __init__(self, path: str, settings: dict[str, Any]) -> None:
        self.path = Path(path)
        self.part = self.path.with_name(self.path.name + ".part")
        self.state = self.path.with_name(self.path.name + ".part.json")
        self.settings = settings

    def open(self, *, resume: bool) -> tuple[IO[str], int, int]:
        """Open for writing; return the stream, records already done, and how many failed."""
        if not self.part.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.state.write_text(json.dumps(self.settings) + "\n", encoding="utf-8")
            return self.part.open("w", encoding="utf-8"), 0, 0
        if not resume:
            raise InvalidOptionError(
                f"{self.part} holds an unfinished run: add --resume to continue it,"
                " or delete it to start over"
            )
        self._check_settings()
        done, failed, end = self._complete_lines()
        stream = self.part.open("r+", encoding="utf-8")
        stream.seek(end)
        stream.truncate()
        return stream, done, failed

    def _check_settings(self) -> None:
        """Refuse to resume a partial run made from other input or with other settings."""
        try:
            before = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = None
        if before != self.settings:
            raise InvalidOptionError(
                f"{self.part} was started from other input or with other settings;"
                " rerun with those, or delete it to start over"
            )

    def _complete_lines(self) -> tuple[int, int, int]:
        """Count the complete lines of the partial output and the error records among them."""
        done = failed = end = 0
        with self.part.open("rb") as stream:
            for raw in stream:
                if not raw.endswith(b"\n"):
                    break  # torn by the crash: that record is summarized again
                done += 1
                end += len(raw)
                failed += b',"error":{"type":' in raw  # quotes inside text are escaped
        return done, failed, end

    def abandon(self, stream: IO[str], *, empty: bool) -> None:
        """Stop after a failure: keep what was written for --resume, unless it is nothing."""
        stream.close()
        if empty:
            self.part.unlink(missing_ok=True)
            self.state.unlink(missing_ok=True)

    def publish(self, stream: IO[str]) -> None:
        """Make the finished output durable, then give it its real name."""
        stream.flush()
        os.fsync(stream.fileno())
        stream.close()
        os.replace(self.part, self.path)
        self.state.unlink(missing_ok=True)


def run_batch(
    source: str | Path,
    output: str | Path,
    job: BatchJob,
    *,
    workers: int | None = 1,
    resume: bool = False,
    engine: Engine = "local",
    address: str | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Summarize every line of the JSONL file ``source`` into ``output`` (``-``: stdout).

    Args:
        source: a JSONL file, ``.jsonl.gz``, or ``-`` for stdin.
        output: where the output JSONL goes (``OUT.part`` until complete), or ``-``.
        job: the summarize settings and the record's text and id fields.
        workers: processes (local; None is one), or actors (ray; None is every CPU there).
        resume: continue the unfinished run whose ``OUT.part`` is there.
        engine: ``"local"`` processes, or ``"ray"`` (the ``ray`` extra).
        address: the Ray cluster to join (``ray`` engine); default a local one.
        progress: called after each record (see ``Progress``).

    Raises:
        NewsgistError: bad settings or input that cannot be read; a bad record never
            raises, it becomes an error record.

    """
    job.pipeline()  # check the settings before touching any file
    started = time.perf_counter()
    to_stdout = str(output) == "-"
    if to_stdout and resume:
        raise InvalidOptionError("--resume needs an output file, not stdout")
    if engine == "ray" and str(source) == "-":
        raise InvalidOptionError("the ray engine reads files, not stdin")
    # Ray reads the path itself (local or remote); the local engine streams it from here.
    reader = JsonlFile(source) if engine == "local" else None
    try:
        settings = {
            "input": identify(source),
            "job": job.fingerprint(),
            "version": __version__,
        }
        target = None if to_stdout else _Output(str(output), settings)
        if target is None:
            stream, done, failed = sys.stdout, 0, 0
        else:
            stream, done, failed = target.open(resume=resume)
        resumed, ok = done, done - failed
        try:
            for result in _results(
                source, reader, job, skip=done, workers=workers, address=address
            ):
                stream.write(result.line + "\n")
                ok += result.ok
                failed += not result.ok
                if progress is not None:
                    read, size = (0, None) if reader is None else (reader.tell(), reader.size)
                    progress(ok + failed - resumed, read, size)
        except BaseException:
            if target is not None:
                target.abandon(stream, empty=ok + failed == 0)
            raise
        if target is None:
            stream.flush()
        else:
            target.publish(stream)
    finally:
        if reader is not None:
            reader.close()
    return BatchReport(ok, failed, resumed, time.perf_counter() - started, str(output))


def _results(
    source: str | Path,
    reader: JsonlFile | None,
    job: BatchJob,
    *,
    skip: int,
    workers: int | None,
    address: str | None,
) -> Iterator[Result]:
    """Yield the results of every line after the first ``skip``: from ``reader`` here, else Ray."""
    if reader is None:
        from newsgist.distributed import summarize_jsonl

        yield from summarize_jsonl(
            str(source), job, skip=skip, concurrency=workers, address=address
        )
        return
    numbered = ((n, raw) for n, raw in enumerate(reader, start=1) if n > skip)
    yield from summarize_lines(numbered, job, workers=workers or 1)
