"""Worker processes for CPU-bound work, shared by batch jobs and evaluation.

``ordered_map`` hands chunks to processes and yields their results in input order, with a
bounded number in flight (memory does not grow with the input); stopping early, by an
exception or by closing the generator, kills the processes at once, work in flight included.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

_Chunk = TypeVar("_Chunk")
_Result = TypeVar("_Result")

AHEAD = 4
"""Chunks in flight per process: enough to keep each busy, few enough to bound memory."""


def ordered_map(
    function: Callable[[_Chunk], _Result],
    chunks: Iterable[_Chunk],
    *,
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
) -> Generator[_Result, None, None]:
    """Yield ``function(chunk)`` for each chunk, computed by ``workers`` processes, in order.

    Raises:
        concurrent.futures.process.BrokenProcessPool: a process died (killed, out of memory).

    """
    pool = ProcessPoolExecutor(workers, initializer=initializer, initargs=initargs)
    finished = False
    try:
        pending: deque[Future[_Result]] = deque()
        for chunk in chunks:
            if len(pending) >= AHEAD * workers:
                yield pending.popleft().result()
            pending.append(pool.submit(function, chunk))
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:
            kill(pool)


def kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: kill its processes rather than wait for the work they hold.

    A process killed while it sends a result leaves half a message in the result pipe, and
    the pool's manager thread would wait for the rest for ever (``shutdown`` and the exit of
    the interpreter with it). Closing this process's end of that pipe for writing lets the
    read end at EOF once the killed processes are gone: the manager sees the pool broken.
    """
    workers = list((pool._processes or {}).values())  # Python 3.14 has pool.kill_workers()
    for worker in workers:
        worker.kill()
    results = pool._result_queue  # private, as _processes
    if results is not None:
        results._writer.close()  # type: ignore[attr-defined]
    pool.shutdown(cancel_futures=True)  # quick: the manager sees them gone and reaps them
