"""Ray Data: the batch job on a cluster, with the same records in and the same lines out.

``summarize_dataset`` maps a dataset of records through a pool of actors, each building the
pipeline (and loading the model) once; ``read_jsonl`` and ``write_jsonl`` read and write JSON
Lines at any path Ray reads (local, ``s3://``, ...), streaming, line for line as ``newsgist
batch`` does, bad lines included. Needs the ``ray`` extra: ``pip install 'newsgist[ray]'``.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from newsgist.batch import BatchJob, Result, summarize_line, summarize_record, writable
from newsgist.errors import InvalidInputError, MissingDependencyError

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data

BATCH_SIZE = 64
"""Records per batch handed to an actor: about 0.1 s of work, so Ray's overhead stays small."""

LINES_PER_BLOCK = 1024
"""Input lines per block read: a few MB, so reading streams and work spreads over actors."""

OUTPUT_COLUMNS = ("line", "id", "ok", "headline", "highlights", "error", "record")
"""The columns of a summarized dataset; ``record`` is the exact line ``newsgist batch`` writes."""


def _ray() -> Any:  # noqa: ANN401 - the ray module, untyped
    """Import ray, or say which extra to install."""
    try:
        import ray
    except ImportError as error:
        raise MissingDependencyError("the ray engine", "ray", error.name) from None
    return ray


def _datasource() -> type:
    """Build the JSONL line datasource class (Ray's base class loads only with Ray)."""
    from ray.data.datasource import FileBasedDatasource

    class JsonlLines(FileBasedDatasource):
        """Each line of JSONL files as a row: its 1-based number and its raw bytes."""

        def __init__(self, paths: str | list[str], *, skip: int = 0) -> None:
            super().__init__(paths)
            self.skip = skip

        def _read_stream(self, f: pa.NativeFile, path: str) -> Iterator[pa.Table]:
            numbers: list[int] = []
            lines: list[bytes] = []
            number, rest = 0, b""
            while True:
                data = f.read(1 << 20)
                if data:
                    parts = (rest + data).split(b"\n")
                    rest = parts.pop()
                else:
                    parts = [rest] if rest else []  # a last line with no newline
                for raw in parts:
                    number += 1
                    if number > self.skip:
                        numbers.append(number)
                        lines.append(raw)
                    if len(lines) == LINES_PER_BLOCK:
                        yield _lines_table(numbers, lines)
                        numbers, lines = [], []
                if not data:
                    break
            if lines:
                yield _lines_table(numbers, lines)

    return JsonlLines


def _lines_table(numbers: list[int], lines: list[bytes]) -> pa.Table:
    """Return a block of numbered raw lines."""
    import pyarrow as pa

    return pa.table({"line": pa.array(numbers, pa.int64()), "raw": pa.array(lines, pa.binary())})


def read_jsonl(paths: str | list[str], *, skip: int = 0) -> ray.data.Dataset:
    """Read JSONL files as rows of ``line`` (number) and ``raw`` (bytes), streaming.

    ``skip`` leaves out the first lines of each file (a resumed run). Feed the result to
    ``summarize_dataset(..., raw=True)``.
    """
    source = _datasource()(paths, skip=skip)
    # Reading is light: it takes no CPU slot, so actors holding every CPU cannot starve it.
    dataset = _ray().data.read_datasource(source, num_cpus=0)
    return cast("ray.data.Dataset", dataset)


class Summarize:
    """A Ray Data actor: builds the pipeline once, then summarizes batch after batch."""

    def __init__(self, job: BatchJob, raw: bool) -> None:
        self.job = job
        self.raw = raw
        self.pipeline = job.pipeline()

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Summarize a batch of raw lines or of records into the ``OUTPUT_COLUMNS``."""
        if self.raw:
            numbers = batch.column("line").to_pylist()
            records = [
                summarize_line(self.pipeline, self.job, raw, number)
                for number, raw in zip(numbers, batch.column("raw").to_pylist(), strict=True)
            ]
        else:
            numbers = [None] * batch.num_rows
            records = [
                summarize_record(self.pipeline, self.job, row, None) for row in batch.to_pylist()
            ]
        # an id JSON cannot hold (NaN, a column of some other type) makes an error record
        outputs = [
            writable(record, number) for record, number in zip(records, numbers, strict=True)
        ]
        return _results_table(numbers, outputs)


def _results_table(
    numbers: list[int | None], outputs: list[tuple[Mapping[str, Any], Result]]
) -> pa.Table:
    """Lay output records and their lines out as the ``OUTPUT_COLUMNS``."""
    import pyarrow as pa

    records = [record for record, _ in outputs]
    errors = [
        f"{r['error']['type']}: {r['error']['message']}" if "error" in r else None for r in records
    ]
    return pa.table(
        {
            "line": pa.array(numbers, pa.int64()),
            "id": pa.array(
                [None if r["id"] is None else str(r["id"]) for r in records], pa.string()
            ),
            "ok": pa.array([result.ok for _, result in outputs], pa.bool_()),
            "headline": pa.array([r.get("headline") for r in records], pa.string()),
            "highlights": pa.array(
                [
                    [h["text"] for h in r["highlights"]] if "highlights" in r else None
                    for r in records
                ],
                pa.list_(pa.string()),
            ),
            "error": pa.array(errors, pa.string()),
            "record": pa.array([result.line for _, result in outputs], pa.string()),
        }
    )


def summarize_dataset(
    ds: ray.data.Dataset,
    job: BatchJob | None = None,
    *,
    raw: bool = False,
    concurrency: int | None = None,
    batch_size: int = BATCH_SIZE,
) -> ray.data.Dataset:
    """Summarize every row of ``ds`` on a pool of actors; one output row per input row.

    Args:
        ds: records with the job's text and id fields as columns, or (``raw=True``) the
            rows of ``read_jsonl``.
        job: the summarize settings (default: ``BatchJob()``).
        raw: the rows are JSONL lines to parse, as ``newsgist batch`` reads them.
        concurrency: actors (default: every CPU of the cluster).
        batch_size: records per batch handed to an actor.

    Returns:
        A lazy dataset with the ``OUTPUT_COLUMNS``; set
        ``DataContext.get_current().execution_options.preserve_order = True`` to keep the
        input order.

    """
    ray = _ray()
    job = job or BatchJob()
    job.pipeline()  # bad settings fail here, on the driver, not in every actor
    if concurrency is None:
        if not ray.is_initialized():
            ray.init()
        concurrency = max(1, int(ray.cluster_resources().get("CPU", 1)))
    return ds.map_batches(
        Summarize,
        fn_constructor_kwargs={"job": job, "raw": raw},
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=concurrency),
    )


def write_jsonl(ds: ray.data.Dataset, path: str) -> None:
    """Write a summarized dataset's ``record`` column as JSONL files in the folder ``path``."""
    from ray.data.datasource import BlockBasedFileDatasink

    class JsonlSink(BlockBasedFileDatasink):
        """Writes each block's output lines to one ``.jsonl`` file."""

        def write_block_to_file(self, block: Any, file: Any) -> None:  # noqa: ANN401
            lines = block.to_arrow().column("record").to_pylist()
            file.write("".join(line + "\n" for line in lines).encode("utf-8"))

    ds.write_datasink(JsonlSink(path, file_format="jsonl"))


@dataclass(frozen=True, slots=True)
class RayEngine:
    """The batch engine on a Ray cluster: Ray Data reads the file and actors summarize it.

    ``concurrency`` actors (default: every CPU of the cluster); ``address`` the cluster to
    join (default: a local Ray).
    """

    concurrency: int | None = None
    address: str | None = None
    reads_source = True

    def results(
        self,
        source: str | Path,
        lines: Iterable[tuple[int, bytes]] | None,
        job: BatchJob,
        *,
        skip: int,
    ) -> Generator[Result, None, None]:
        """Summarize the file ``source`` after its first ``skip`` lines, in order."""
        del lines  # Ray reads the file itself, wherever it is
        yield from summarize_jsonl(
            str(source), job, skip=skip, concurrency=self.concurrency, address=self.address
        )


def summarize_jsonl(
    path: str,
    job: BatchJob,
    *,
    skip: int = 0,
    concurrency: int | None = None,
    address: str | None = None,
) -> Iterator[Result]:
    """Summarize a JSONL file on Ray, yielding each line's result in input order.

    Joins the cluster at ``address`` (or starts a local Ray with ``concurrency`` CPUs) unless
    Ray is already initialised; the driver receives the lines, so ``newsgist batch`` writes
    the same file, crash-safe, whatever the engine.
    """
    if "://" not in path and not Path(path).is_file():
        raise InvalidInputError(f"no such file: {path}")
    ray = _ray()
    from ray.data import DataContext

    for name in ("ray", "ray.data"):  # Ray's own notes would bury the run's one line
        logging.getLogger(name).setLevel(logging.ERROR)
    if not ray.is_initialized():
        ray.init(
            address=address,
            num_cpus=concurrency if address is None else None,
            include_dashboard=False,
            logging_level="ERROR",
            log_to_driver=False,
        )
    context = DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    ds = summarize_dataset(read_jsonl(path, skip=skip), job, raw=True, concurrency=concurrency)
    batches = ds.iter_batches(batch_format="pyarrow", batch_size=None)
    for batch in cast("Iterator[pa.Table]", batches):
        for line, ok in zip(
            batch.column("record").to_pylist(), batch.column("ok").to_pylist(), strict=True
        ):
            yield Result(line, ok)
