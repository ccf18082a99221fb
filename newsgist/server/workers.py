"""Summarizer worker processes the server can kill.

The event loop never summarizes: each request becomes a ``Job`` sent over a pipe to one of
``workers`` processes, one job at a time per process, and the loop waits on the pipe with a
deadline. A job past ``request_timeout`` is answered 408 and its process is killed and
replaced, so a hostile article, or a URL whose server drips its headers, stops when its
answer goes out. Each worker caps its own data segment (``RLIMIT_DATA``), so a blow-up is a
``MemoryError`` in that worker, answered 413 ``too_much_memory`` (the worker is then
replaced), not the server's memory. A worker that dies is answered 500 ``worker_crashed``;
an exception from a plugin 500 ``internal_error``, its traceback logged.

Workers are started with ``spawn`` (no inherited threads or locks), import ``plugins``,
build and warm the default pipeline once, then say they are ready; pipelines for other
options are built once per worker on first use. A request waits at most twice
``request_timeout`` for a free worker, then gets 503 ``server_busy``. The pool is driven
from one event loop at a time (POSIX only: it waits with ``loop.add_reader``).
"""

import asyncio
import importlib
import json
import multiprocessing
import os
import signal
import sys
import time
import traceback
import weakref
from collections import deque
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from typing import TYPE_CHECKING, Any

from newsgist.errors import EncodingError, MethodError, NewsgistError
from newsgist.server.logs import LOG
from newsgist.server.settings import ServerSettings, error_json, error_status

if TYPE_CHECKING:
    pass

QUEUE_TIMEOUTS = 2
"""A request waits up to this many time limits for a free worker: one hostile request may
hold a worker for a whole time limit, and its replacement then needs a moment to start."""
START_TIMEOUT = 120.0
"""Seconds a new worker may take to import newsgist, its plugins and warm up."""
_PR_SET_PDEATHSIG = 1
_WARM_UP = (
    "Crews reopened the harbour bridge on Monday after a week of repairs. The council said"
    " traffic would be back to normal by Friday. Engineers found no further damage."
)
"""A tiny article of our own, summarized once so a worker's first request pays no loading."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """One summary request, as the worker needs it: the article and the options."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    settings: str = "{}"
    """The ``SummarizeOptions``, in their JSON form (so equal settings share a pipeline)."""
    include_body: bool = False


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP status and its JSON body, ready to send."""

    status: int
    body: bytes

    @classmethod
    def error(cls, status: int, code: str, message: str) -> "Reply":
        """Build an error reply in the service's JSON error shape."""
        return cls(status, error_json(code, message))


# The worker process ------------------------------------------------------------------


def work(conn: Connection, settings: ServerSettings, server: int) -> None:
    """Serve jobs from ``conn`` until the server closes it: a worker process's main."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    _die_with(server)
    for module in settings.plugins:
        importlib.import_module(module)
    _answer(Job(text=_WARM_UP), settings)
    from newsgist.lang import detect

    detect("Le conseil a voté hier soir.")  # load the language detector now, not in a request
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # processes are the parallelism; BLAS is loaded by now
    _cap_memory(settings.worker_memory)
    conn.send(("ready",))
    while True:
        try:
            reply = _answer(conn.recv(), settings)
        except EOFError:  # the server is gone
            return
        except MemoryError:  # the job itself did not fit
            reply = ("memory",)
        try:
            conn.send(reply)
        except MemoryError:  # nor did its answer
            conn.send(("memory",))


def _die_with(server: int) -> None:
    """Have Linux kill this worker when the server dies, even in the middle of a job."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != server:  # the server died before prctl took effect
        os._exit(1)


def _cap_memory(limit: int | None) -> None:
    """Make allocations past ``limit`` bytes fail with MemoryError in this process."""
    if limit is None:
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def _answer(job: Job, settings: ServerSettings) -> tuple[Any, ...]:
    """Run one job; the message for the server: a reply, a memory blow-up or a crash."""
    try:
        return ("reply", 200, _summarize(job, settings))
    except MethodError as error:  # a plugin's bug, not the client's: a 500, logged once
        return ("crash", "MethodError", str(error))
    except NewsgistError as error:
        status, code = error_status(error)
        return ("reply", status, error_json(code, str(error)))
    except MemoryError:
        return ("memory",)
    except Exception as error:  # a plugin's or newsgist's bug: logged by the server
        return ("crash", type(error).__name__, traceback.format_exc(limit=-20)[-20_000:])


def _summarize(job: Job, settings: ServerSettings) -> bytes:
    """Summarize the job's article into the response's JSON bytes."""
    from newsgist.ingest import IngestOptions, InputFormat, load
    from newsgist.ingest.fetch import load_url
    from newsgist.options import SummarizeOptions
    from newsgist.pipeline import shared_pipeline

    pipeline = shared_pipeline(SummarizeOptions.from_dict(json.loads(job.settings)))
    options = pipeline.settings
    started = time.perf_counter()
    if job.url:
        fetch = replace(settings.fetch, max_bytes=min(settings.fetch.max_bytes, options.max_bytes))
        article = load_url(job.url, options=fetch, input_format=options.input_format)
    else:
        kind: InputFormat = "html" if job.html else options.input_format
        ingest = IngestOptions(max_bytes=options.max_bytes)
        article = load(job.html or job.text or "", input_format=kind, options=ingest)
    fetched = time.perf_counter() - started
    result = pipeline(article).to_dict()
    result["timings"] = {"ingest": fetched, **result.get("timings", {})}
    if job.include_body:
        result["body"] = article.body
    text = json.dumps(result, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise EncodingError(
            f"the summary holds a lone surrogate at character {error.start}, which is not"
            " valid Unicode"
        ) from None


# The server's side ---------------------------------------------------------------------


class _Worker:
    """One worker process, the server's end of its pipe, and whether it said it is ready."""

    def __init__(self, context: SpawnContext, settings: ServerSettings) -> None:
        ours, theirs = context.Pipe()
        self.process = context.Process(
            target=work, args=(theirs, settings, os.getpid()), name="newsgist-worker", daemon=True
        )
        self.process.start()
        theirs.close()
        self.conn = ours
        self.ready = False

    async def receive(self, timeout: float) -> Any:  # noqa: ANN401 - a worker's message
        """Wait, without blocking the loop, up to ``timeout`` s for the worker's next message.

        Raises:
            TimeoutError: nothing came in time.
            EOFError: the worker died.

        """
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()
        fd = self.conn.fileno()
        loop.add_reader(fd, _settle, readable)
        try:
            async with asyncio.timeout(timeout):
                await readable
        finally:
            loop.remove_reader(fd)
        return self.conn.recv()

    def stop(self) -> None:
        """Kill the process (it may be stuck in C code) and reap it."""
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def _settle(future: "asyncio.Future[None]") -> None:
    if not future.done():
        future.set_result(None)


def _stop_all(workers: list[_Worker]) -> None:
    """Stop every worker; the pool's finalizer, so no worker outlives its server."""
    for worker in workers:
        worker.stop()
    workers.clear()


class WorkerPool:
    """``settings.workers`` summarizer processes, each given one job at a time."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._idle: list[_Worker] = []
        self._waiters: deque[asyncio.Future[_Worker]] = deque()
        self._closed = False
        weakref.finalize(self, _stop_all, self._workers)

    @property
    def pids(self) -> tuple[int, ...]:
        """The worker processes' ids (a killed worker's replacement has a new one)."""
        return tuple(worker.process.pid or 0 for worker in self._workers)

    def start(self) -> None:
        """Start the worker processes, once; they warm up in the background."""
        if self._workers or self._closed:
            return
        for _ in range(self.settings.workers):
            self._release(self._spawn())

    def close(self) -> None:
        """Stop every worker; later jobs get 503."""
        self._closed = True
        self._idle.clear()
        _stop_all(self._workers)

    async def run(self, job: Job) -> Reply:
        """Run ``job`` in a worker within the time limit; every outcome is a ``Reply``."""
        if self._closed:
            return Reply.error(503, "shutting_down", "the server is shutting down")
        self.start()
        timeout = self.settings.request_timeout
        try:
            worker = await self._acquire(QUEUE_TIMEOUTS * timeout)
        except TimeoutError:
            waited = QUEUE_TIMEOUTS * timeout
            LOG.warning("requests waited over %g s for a free worker: answered 503", waited)
            return Reply.error(
                503, "server_busy", f"no summarizer was free within {waited:g} s; retry later"
            )
        ready = await self._ready(worker)
        if ready is None:
            return Reply.error(503, "worker_unavailable", "a summarizer process failed to start")
        worker = ready
        pid = worker.process.pid
        try:
            worker.conn.send(job)
            message = await worker.receive(timeout)
        except TimeoutError:
            self._replace(worker)
            LOG.warning("killed worker %s: a request ran past %g s (answered 408)", pid, timeout)
            return Reply.error(
                408, "request_timeout", f"summarizing took longer than {timeout:g} s"
            )
        except (EOFError, OSError):
            self._replace(worker)  # reaps it, so its exit code is known
            code = worker.process.exitcode
            LOG.error("worker %s died while summarizing (exit code %s); replaced", pid, code)
            return Reply.error(500, "worker_crashed", "the summarizer process died; retry later")
        except BaseException:  # cancelled mid-job: the worker is busy, so it cannot be reused
            self._replace(worker)
            raise
        if message[0] == "memory":
            self._replace(worker)
            LOG.warning("worker %s ran out of its memory limit (answered 413); replaced", pid)
            return Reply.error(
                413,
                "too_much_memory",
                "summarizing this input needs more memory than a worker may use",
            )
        self._release(worker)
        if message[0] == "crash":
            LOG.error("summarizing failed with an unexpected error:\n%s", message[2])
            return Reply.error(
                500, "internal_error", f"summarizing failed unexpectedly ({message[1]})"
            )
        return Reply(message[1], message[2])

    async def _acquire(self, timeout: float) -> _Worker:
        """Take an idle worker (a ready one first), waiting up to ``timeout`` s for one."""
        if self._idle:
            return self._take()
        waiter: asyncio.Future[_Worker] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                return await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled():  # handed a worker as time ran out
                self._release(waiter.result())
            raise
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def _take(self) -> _Worker:
        for index, worker in enumerate(self._idle):
            if worker.ready:
                return self._idle.pop(index)
        return self._idle.pop()

    async def _ready(self, worker: _Worker) -> _Worker | None:
        """Return ``worker``, or its replacement if it died idle, once warmed up; else None."""
        if not worker.process.is_alive():  # killed while idle, by the OOM killer say
            worker = self._respawn(worker)
        if worker.ready:
            return worker
        try:
            await worker.receive(START_TIMEOUT)
        except (TimeoutError, EOFError, OSError):
            self._replace(worker)
            LOG.error("a worker process failed to start; replaced")
            return None
        except BaseException:
            self._release(worker)
            raise
        worker.ready = True
        return worker

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.settings)
        self._workers.append(worker)
        return worker

    def _respawn(self, worker: _Worker) -> _Worker:
        """Kill ``worker`` and start a fresh one (warming up) in its place."""
        worker.stop()
        self._workers.remove(worker)
        return self._spawn()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and make its fresh replacement available."""
        if self._closed:
            worker.stop()
            return
        self._release(self._respawn(worker))

    def _release(self, worker: _Worker) -> None:
        """Hand ``worker`` to the longest waiting request, or back to the idle list."""
        if self._closed:
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done() and not waiter.get_loop().is_closed():
                waiter.set_result(worker)
                return
        self._idle.append(worker)
