"""Batch jobs: summarize a JSONL file of articles, streamed, in order, on many processes.

Every input line gets exactly one output line, in input order: the record's ``id`` and the
``Summary`` JSON, or the ``id``, line number and error of a record that could not be read,
summarized or written, so nothing is lost and output line N always answers input line N.
Output is strict JSON in UTF-8 whatever the input holds: an id it cannot hold (lone
surrogates, ``NaN``) makes an error record that says how the id was written. Memory stays
flat: lines go to the worker processes in small chunks, with a bounded number in flight.

Output is written to ``OUT.part`` and renamed to ``OUT`` only when complete, so a half-written
file is never published; a lock on ``OUT.lock`` keeps a second run off the same output. A run
that stops (killed, SIGTERM, disk full, a worker dying) continues with ``resume=True`` from
its last checkpoint: the lines of ``OUT.part`` up to it are kept, once the input's first
lines are checked to be the same bytes (stdin too), and the input is read on from the next
record, so no record is lost or written twice. SIGTERM stops the workers at once and keeps a
checkpoint of every line written; a worker outlives a killed parent by a second at most.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import itertools
import json
import math
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, Protocol

from newsgist.__version__ import __version__
from newsgist.errors import BatchError, InvalidOptionError, InvalidRecordError
from newsgist.jsonl import JsonlFile, identify, parse_object
from newsgist.options import SummarizeOptions
from newsgist.pool import ordered_map

if TYPE_CHECKING:
    from newsgist.pipeline import Pipeline


class Engine(Protocol):
    """Where a batch's records are summarized: processes on this machine, or a cluster.

    ``run_batch`` owns the files (locking, ``OUT.part``, checkpoints, resume); an engine
    only turns the input's lines, after the first ``skip``, into ``Result``s in input order.
    """

    reads_source: bool
    """True when the engine reads the input file itself (then no lines are streamed to it,
    and stdin cannot be its input)."""

    def results(
        self,
        source: str | Path,
        lines: Iterable[tuple[int, bytes]] | None,
        job: BatchJob,
        *,
        skip: int,
    ) -> Generator[Result, None, None]:
        """Yield one ``Result`` per input line after the first ``skip``, in order.

        Closing the generator stops the work at once, work in flight included.
        """
        ...


Progress = Callable[[int, int, int | None], None]
"""Called after each record with the records done in this run, the input bytes read so far,
and the input's size in bytes (None when unknown: stdin, or the ray engine)."""

CHUNK = 32
"""Records per unit of work sent to a process: large enough to amortise the hand-over."""

CHECKPOINT = 256
"""Records between checkpoints of ``OUT.part``: at most this many are redone after a kill."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchJob:
    """What to do with every record: the summary settings, and which fields hold what.

    ``timings`` adds each record's per-stage seconds to its output; off by default, so the
    same input and settings always give byte-identical output (and a resumed run can be
    checked against an uninterrupted one).
    """

    settings: SummarizeOptions = field(default_factory=SummarizeOptions)
    text_field: str = "article"
    id_field: str = "id"
    timings: bool = False

    def pipeline(self) -> Pipeline:
        """Build the pipeline once, checking every setting (raises ``NewsgistError``)."""
        from newsgist.pipeline import make_pipeline

        return make_pipeline(self.settings)

    def fingerprint(self) -> dict[str, Any]:
        """Return the settings as JSON-ready values, to tell whether a partial run matches."""
        return {
            "settings": self.settings.to_dict(),
            "text_field": self.text_field,
            "id_field": self.id_field,
            "timings": self.timings,
        }


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

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the group: the parent stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    _watch_parent()
    threadpool_limits(1)
    _WORKER[:] = [(job, job.pipeline())]


def _watch_parent() -> None:
    """End this worker once the batch process that started it is gone, even killed by SIGKILL."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)  # nobody reads the results: stop, rather than block on a full pipe forever

    threading.Thread(target=watch, name="newsgist-watch-parent", daemon=True).start()


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
    input. One process runs everything in this one. Stopping early (an exception, or
    ``close()``) kills the processes at once, work in flight included.

    Raises:
        BatchError: a worker process died (killed, or out of memory).

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
    chunks = ordered_map(_run, _chunks(lines), workers=workers, initializer=_start, initargs=(job,))
    try:
        with contextlib.closing(chunks):  # closing us closes it: the processes are killed
            for results in chunks:
                yield from results
    except BrokenProcessPool:
        raise BatchError("a worker process died (killed, or out of memory)") from None


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


class _Input:
    """The input's numbered lines and a running SHA-256 of their bytes: the input's fingerprint.

    ``digests`` holds, for each line handed out and not yet written, the fingerprint of the
    input up to and including it; the writer takes them in order for its checkpoints.
    """

    def __init__(self, reader: JsonlFile) -> None:
        self._lines = enumerate(reader, start=1)
        self._hash = hashlib.sha256()
        self.digests: deque[str] = deque()

    def skip(self, count: int) -> str | None:
        """Read the first ``count`` lines; return their fingerprint, None if there are fewer."""
        read = 0
        for _, raw in itertools.islice(self._lines, count):
            self._hash.update(raw)
            read += 1
        return self._hash.hexdigest() if read == count else None

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        for number, raw in self._lines:
            self._hash.update(raw)
            self.digests.append(self._hash.hexdigest())
            yield number, raw


@dataclass(frozen=True, slots=True)
class _Checkpoint:
    """A point an unfinished run can go on from.

    The lines and bytes of ``OUT.part`` then, and the fingerprint of the input lines they
    answer (None when the ray engine read the input, not this process).
    """

    lines: int
    size: int
    input: str | None
    failed: int = 0  # error records among the lines: counted from OUT.part, not stored


class OutputLock:
    """``OUT.lock`` beside an output, held with ``flock`` while one run writes ``OUT``.

    A second run on the same output is refused with the first one's pid; the file is removed
    on release, and a run that locked a file the run before it had just removed tries again.
    """

    def __init__(self, output: Path, command: str = "batch") -> None:
        self.output = output
        self.command = command
        self.path = output.with_name(output.name + ".lock")
        self._handle: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise ``BatchError``: another run is writing the output."""
        try:
            self.output.parent.mkdir(parents=True, exist_ok=True)
            while True:
                handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    owner = os.read(handle, 32).decode("ascii", "replace").strip()
                    os.close(handle)
                    by = f" (pid {owner})" if owner.isdigit() else ""
                    raise BatchError(
                        f"{self.output} is being written by another newsgist {self.command}{by};"
                        " wait for it to end, or write elsewhere"
                    ) from None
                # the run before may have removed the file we opened: lock the one named so
                if os.fstat(handle).st_ino == _inode(self.path):
                    break
                os.close(handle)
            self._handle = handle
            os.ftruncate(handle, 0)  # the pid, for the message of a run refused
            os.write(handle, f"{os.getpid()}\n".encode("ascii"))
        except OSError as error:
            self.release()
            raise BatchError(f"cannot write beside {self.output}: {_reason(error)}") from None

    def release(self) -> None:
        """Release the lock and remove its file (the next run checks it locked the live one)."""
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._handle)
        self._handle = None


def _inode(path: Path) -> int | None:
    """Return a file's inode number, or None when it does not exist."""
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


class _Output:
    """The output file, written as ``OUT.part`` and renamed when done, under a lock.

    Beside it: ``OUT.lock``, held with ``flock`` while a run writes, so a second run on the
    same output is refused; ``OUT.part.json``, the run's settings on its first line, then a
    checkpoint line every ``CHECKPOINT`` records and one when a run stops. A resumed run goes
    on from the last checkpoint ``OUT.part`` holds, once the input's first lines match its
    fingerprint.
    """

    def __init__(self, path: str, settings: dict[str, Any]) -> None:
        self.path = Path(path)
        self.part = self._beside(".part")
        self.state = self._beside(".part.json")
        self.settings = settings
        self._lock = OutputLock(self.path)

    def _beside(self, suffix: str) -> Path:
        return self.path.with_name(self.path.name + suffix)

    def lock(self) -> None:
        """Take the output's lock, or refuse: another run is writing it."""
        if self.path.is_dir():
            raise InvalidOptionError(f"the output {self.path} is a directory, not a file")
        self._lock.acquire()

    def unlock(self) -> None:
        """Release the lock (see ``OutputLock.release``)."""
        self._lock.release()

    def resume_point(self, *, resume: bool) -> _Checkpoint | None:
        """Return the checkpoint an unfinished run goes on from, or None to start afresh."""
        if not self.part.exists():
            return None
        if not resume:
            raise InvalidOptionError(
                f"{self.part} holds an unfinished run: add --resume to continue it,"
                " or delete it to start over"
            )
        try:
            settings, checkpoints = self._read_state()
            if settings != self.settings:
                raise InvalidOptionError(
                    f"{self.part} was started from other input or with other settings;"
                    " rerun with those, or delete it to start over"
                )
            return self._last_held(checkpoints)
        except OSError as error:
            raise BatchError(f"cannot read {self.part}: {_reason(error)}") from None

    def _read_state(self) -> tuple[Any, dict[tuple[int, int], _Checkpoint]]:
        """Read the settings and the checkpoints (a torn last line is left out)."""
        settings: Any = None
        checkpoints: dict[tuple[int, int], _Checkpoint] = {}
        with contextlib.suppress(FileNotFoundError), open(self.state, "rb") as stream:
            for number, raw in enumerate(stream):
                try:
                    data = json.loads(raw)
                except (ValueError, RecursionError):
                    break
                if number == 0:
                    settings = data
                    continue
                try:
                    point = _Checkpoint(int(data["lines"]), int(data["bytes"]), data["input"])
                except (KeyError, TypeError, ValueError):
                    break
                checkpoints[point.lines, point.size] = point
        return settings, checkpoints

    def _last_held(self, checkpoints: dict[tuple[int, int], _Checkpoint]) -> _Checkpoint:
        """Return the last checkpoint whose lines ``OUT.part`` holds whole, with its failures."""
        last = max((lines for lines, _ in checkpoints), default=0)
        held = _Checkpoint(0, 0, None)
        lines = size = failed = 0
        with open(self.part, "rb") as stream:
            for raw in stream:
                if lines == last or not raw.endswith(b"\n"):
                    break  # a torn line is the crash's: that record is summarized again
                lines += 1
                size += len(raw)
                failed += _is_error(raw)
                point = checkpoints.get((lines, size))
                if point is not None:
                    held = _Checkpoint(lines, size, point.input, failed)
        return held

    def start(self, point: _Checkpoint | None) -> _Part:
        """Open ``OUT.part`` for writing: afresh, or from ``point`` on (cutting what follows)."""
        stream: IO[bytes]
        try:
            if point is None:
                with open(self.state, "w", encoding="utf-8") as sidecar:
                    sidecar.write(json.dumps(self.settings) + "\n")
                stream = open(self.part, "wb")  # noqa: SIM115 - _Part closes it
            else:
                self._rewrite_state(point)
                stream = open(self.part, "r+b")  # noqa: SIM115 - _Part closes it
                stream.seek(point.size)
                stream.truncate()
            sidecar = open(self.state, "a", encoding="utf-8")  # noqa: SIM115 - _Part closes it
        except OSError as error:
            raise BatchError(f"cannot write {self.part}: {_reason(error)}") from None
        return _Part(self, stream, sidecar, point or _Checkpoint(0, 0, None))

    def _rewrite_state(self, point: _Checkpoint) -> None:
        """Keep only the settings and ``point`` in the sidecar, replacing it whole."""
        fresh = self._beside(".part.json.new")
        with open(fresh, "w", encoding="utf-8") as sidecar:
            sidecar.write(json.dumps(self.settings) + "\n")
            if point.lines:
                sidecar.write(_checkpoint_line(point.lines, point.size, point.input))
        os.replace(fresh, self.state)


class _Part:
    """``OUT.part`` open for writing, with its checkpoints: what a run writes its lines to."""

    def __init__(
        self, output: _Output, stream: IO[bytes], sidecar: IO[str], point: _Checkpoint
    ) -> None:
        self.output = output
        self.path = output.part
        self._stream = stream
        self._sidecar = sidecar
        self.lines, self.size, self._digest = point.lines, point.size, point.input
        self.saved = self.resumed = point.lines
        self.failed = point.failed
        self.name = str(output.path)

    def write(self, line: str, digest: str | None) -> None:
        """Append one output line; every ``CHECKPOINT`` lines, save a checkpoint."""
        data = line.encode("utf-8") + b"\n"
        try:
            self._stream.write(data)
        except OSError as error:
            raise BatchError(f"cannot write {self.path}: {_reason(error)}") from None
        self.lines += 1
        self.size += len(data)
        self._digest = digest
        if self.lines % CHECKPOINT == 0:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Flush the lines written, then note them (and the input's fingerprint) as safe."""
        try:
            self._stream.flush()
            self._sidecar.write(_checkpoint_line(self.lines, self.size, self._digest))
            self._sidecar.flush()
        except OSError as error:
            raise BatchError(f"cannot write {self.path}: {_reason(error)}") from None
        self.saved = self.lines

    def abandon(self) -> int:
        """Stop after a failure, keeping what is safely written; return the lines kept.

        A run that kept nothing leaves no files behind.
        """
        if not self._stream.closed and self.lines > self.saved:
            with contextlib.suppress(BatchError):
                self.checkpoint()
        for stream in (self._stream, self._sidecar):
            with contextlib.suppress(OSError):
                stream.close()
        if not self.saved:
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
                self.output.state.unlink(missing_ok=True)
        return self.saved

    def publish(self) -> None:
        """Make the finished output durable, then give it its real name."""
        self.checkpoint()
        try:
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._sidecar.close()
            os.replace(self.path, self.output.path)
        except OSError as error:
            raise BatchError(f"cannot write {self.output.path}: {_reason(error)}") from None
        with contextlib.suppress(OSError):
            self.output.state.unlink(missing_ok=True)


def _checkpoint_line(lines: int, size: int, digest: str | None) -> str:
    return json.dumps({"lines": lines, "bytes": size, "input": digest}) + "\n"


_ERROR_MARK = b',"error":{"type":'


def _is_error(raw: bytes) -> bool:
    """Whether an output line is an error record (checked by parsing only lines that may be)."""
    if _ERROR_MARK not in raw:
        return False  # in a string the quotes would be escaped: this line has no error key
    try:
        return "error" in json.loads(raw)
    except (ValueError, RecursionError):
        return True


def _reason(error: OSError) -> str:
    """Say why a file operation failed, in the system's words."""
    return error.strerror or str(error)


class _Stdout:
    """Standard output as the batch's output: no part file, no lock, no checkpoints."""

    def __init__(self) -> None:
        sys.stdout.flush()
        self._stream = sys.stdout.buffer
        self.resumed = self.failed = 0
        self.name = "-"

    def write(self, line: str, digest: str | None) -> None:
        """Write one output line."""
        try:
            self._stream.write(line.encode("utf-8") + b"\n")
        except OSError as error:
            self._discard()
            raise BatchError(f"cannot write to stdout: {_reason(error)}") from None

    def publish(self) -> None:
        """Flush the output."""
        try:
            self._stream.flush()
        except OSError as error:
            self._discard()
            raise BatchError(f"cannot write to stdout: {_reason(error)}") from None

    def abandon(self) -> int:
        """Nothing is kept to resume from stdout."""
        return 0

    @staticmethod
    def _discard() -> None:
        """Point stdout at /dev/null, so exiting does not fail again on what is left to flush."""
        with contextlib.suppress(OSError, ValueError):  # ValueError: no file descriptor
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)


class _Terminated(BaseException):
    """SIGTERM came: raised in the main thread to stop the batch where it is."""


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into ``_Terminated`` while a batch runs (main thread only, as signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one stop: a second TERM waits for it
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


@dataclass(frozen=True, slots=True)
class LocalEngine:
    """Processes on this machine (see ``summarize_lines``); one runs everything in this one."""

    workers: int = 1
    reads_source = False

    def results(
        self,
        source: str | Path,
        lines: Iterable[tuple[int, bytes]] | None,
        job: BatchJob,
        *,
        skip: int,
    ) -> Generator[Result, None, None]:
        """Summarize the lines streamed from here (already read past ``skip``)."""
        del source, skip  # the caller streams the lines, already past the resumed ones
        if lines is None:
            raise InvalidOptionError("the local engine needs the input's lines")
        yield from summarize_lines(lines, job, workers=self.workers)


def run_batch(
    source: str | Path,
    output: str | Path,
    job: BatchJob,
    *,
    workers: int | None = 1,
    resume: bool = False,
    engine: Engine | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Summarize every line of the JSONL file ``source`` into ``output`` (``-``: stdout).

    Args:
        source: a JSONL file, ``.jsonl.gz``, or ``-`` for stdin.
        output: where the output JSONL goes (``OUT.part`` until complete), or ``-``.
        job: the summarize settings and the record's text and id fields.
        workers: processes of the default engine (None is one).
        resume: continue the unfinished run whose ``OUT.part`` is there.
        engine: where the work runs (default ``LocalEngine(workers)``); for a Ray cluster,
            ``newsgist.distributed.RayEngine`` (the ``ray`` extra).
        progress: called after each record (see ``Progress``).

    Raises:
        BatchError: the run stopped before its end (output unwritable, a worker died,
            SIGTERM, another run writing ``output``); what it finished is kept for ``resume``.
        NewsgistError: bad settings or input that cannot be read; a bad record never
            raises, it becomes an error record.

    """
    job.pipeline()  # check the settings before touching any file
    to_stdout = str(output) == "-"
    if to_stdout and resume:
        raise InvalidOptionError("--resume needs an output file, not stdout")
    engine = engine or LocalEngine(workers or 1)
    if engine.reads_source and str(source) == "-":
        raise InvalidOptionError("this engine reads files, not stdin")
    # A cluster engine reads the path itself (local or remote); else it is streamed from here.
    reader = None if engine.reads_source else JsonlFile(source)
    lines = None if reader is None else _Input(reader)
    try:
        with contextlib.ExitStack() as stack:
            if reader is not None:
                stack.callback(reader.close)
            stack.enter_context(_stop_on_sigterm())
            target = (
                _Stdout() if to_stdout else _open_output(stack, output, source, job, lines, resume)
            )
            return _write_all(target, source, reader, lines, job, engine, progress)
    except _Terminated:  # before any line was written: there is nothing to keep
        raise BatchError("stopped by SIGTERM") from None


def _open_output(
    stack: contextlib.ExitStack,
    output: str | Path,
    source: str | Path,
    job: BatchJob,
    lines: _Input | None,
    resume: bool,
) -> _Part:
    """Lock the output and open ``OUT.part``, afresh or where the unfinished run stopped.

    Resuming, the input is first read up to that point and checked to be the same.
    """
    settings = {"input": identify(source), "job": job.fingerprint(), "version": __version__}
    out = _Output(str(output), settings)
    out.lock()
    stack.callback(out.unlock)
    point = out.resume_point(resume=resume)
    if point is not None and lines is not None:
        _check_input(lines, point, out.part)
    return out.start(point)


def _write_all(
    target: _Part | _Stdout,
    source: str | Path,
    reader: JsonlFile | None,
    lines: _Input | None,
    job: BatchJob,
    engine: Engine,
    progress: Progress | None,
) -> BatchReport:
    """Summarize the rest of the input into ``target``; publish it, or keep what is done."""
    started = time.perf_counter()
    resumed, failed = target.resumed, target.failed
    ok = resumed - failed
    results = engine.results(source, lines, job, skip=resumed)
    try:
        for result in results:
            target.write(result.line, lines.digests.popleft() if lines else None)
            ok += result.ok
            failed += not result.ok
            if progress is not None:
                read, size = (0, None) if reader is None else (reader.tell(), reader.size)
                progress(ok + failed - resumed, read, size)
        target.publish()
    except BaseException as error:
        try:
            results.close()  # kills the workers before anything else
        finally:
            kept = target.abandon()
        if isinstance(error, BatchError | _Terminated):
            raise BatchError(_stopped(error, kept, target)) from None
        raise
    return BatchReport(ok, failed, resumed, time.perf_counter() - started, target.name)


def _check_input(lines: _Input, point: _Checkpoint, part: Path) -> None:
    """Read the input up to ``point``, refusing input that is not the one the run started on."""
    digest = lines.skip(point.lines)
    if digest is None or (point.input is not None and digest != point.input):
        raise InvalidOptionError(
            f"{part} was started from other input (its first {point.lines:,} lines differ);"
            " rerun with that input, or delete it to start over"
        )


def _stopped(error: BaseException, kept: int, target: _Part | _Stdout) -> str:
    """Say in one line why a run stopped and what it kept."""
    why = "stopped by SIGTERM" if isinstance(error, _Terminated) else str(error)
    if isinstance(target, _Stdout):
        return why
    if not kept:
        return f"{why}; nothing was kept"
    return f"{why}; the first {kept:,} records are kept in {target.path}: rerun with --resume"
