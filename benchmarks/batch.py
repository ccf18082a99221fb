"""``newsgist batch`` at scale: articles/s per engine and worker count, and flat memory.

Replicates the articles under ``--data`` (CNN, CNN/Daily Mail and BBC, mixed) into JSONL
files of N records with unique ids, then runs the real command line on them, one run at a
time, each in its own process tree. For each run it prints the articles/s the command
reports (its own clock, after start-up), the wall time including start-up, and the peak RSS
summed over the whole process tree (the parent, its workers, Ray's processes), sampled
every 20 ms. Every run's output is checked: one line per input line, and the same bytes as
the one-worker run where both summarized the same file.

Usage::

    python benchmarks/batch.py            # 20,000 for speed (best of 2); 10k and 100k for memory
    python benchmarks/batch.py --quick              # CI: proves it runs (a few hundred records)
    python benchmarks/batch.py --records 5000 --memory 10000 50000 --no-ray
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil
from corpus import DEFAULT_DATA, ROOT, read_articles


@dataclass(frozen=True)
class Run:
    """One measured run of ``newsgist batch``."""

    label: str
    records: int
    rate: float
    wall: float
    peak_rss: int
    output: Path


def replicate(articles: Sequence[str], count: int, path: Path) -> Path:
    """Write ``count`` records cycling through ``articles``, each with a unique id."""
    with path.open("w", encoding="utf-8") as stream:
        for number, article in zip(range(count), itertools.cycle(articles), strict=False):
            stream.write(json.dumps({"id": f"a{number}", "article": article}) + "\n")
    return path


def measure(label: str, source: Path, output: Path, *args: str) -> Run:
    """Run the command line once, sampling the process tree's RSS until it exits."""
    command = [sys.executable, "-m", "newsgist", "batch", str(source), "-o", str(output), *args]
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(_rss(p) for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.02)
    wall = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    found = re.search(r"\(([\d,]+) records.*?([\d,]+) articles/s", last)
    if process.returncode not in (0, 1) or not found:
        raise SystemExit(f"{label}: newsgist batch failed ({process.returncode}):\n{stderr}")
    records = int(found.group(1).replace(",", ""))
    return Run(label, records, float(found.group(2).replace(",", "")), wall, peak, output)


def _rss(process: psutil.Process) -> int:
    """Return a process's resident memory, or 0 if it has just exited."""
    try:
        return int(process.memory_info().rss)
    except psutil.Error:
        return 0


def check(runs: Sequence[Run], expected: int) -> None:
    """Every run wrote one line per record, and the same bytes as the first run."""
    first = runs[0].output.read_bytes()
    for run in runs:
        data = run.output.read_bytes()
        if run.records != expected or data.count(b"\n") != expected:
            raise SystemExit(f"{run.label}: {run.records} records written, not {expected}")
        if data != first:
            raise SystemExit(f"{run.label}: output differs from {runs[0].label}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--records", type=int, default=20_000, help="records for the speed runs")
    parser.add_argument(
        "--memory", type=int, nargs=2, default=(10_000, 100_000), metavar=("SMALL", "LARGE")
    )
    parser.add_argument("--workers", type=int, default=2, help="the largest worker count")
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray engine")
    parser.add_argument(
        "--repeat", type=int, default=2, help="speed runs per engine, interleaved; the best kept"
    )
    parser.add_argument("--quick", action="store_true", help="a few hundred records")
    args = parser.parse_args(argv)
    if args.quick:
        args.records, args.memory = 200, (200, 1_000)
    articles = read_articles(args.data, 10_000, quick=args.quick)
    if not articles:
        print(f"no data under {args.data}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="newsgist-batch-") as folder:
        work = Path(folder)
        source = replicate(articles, args.records, work / "speed.jsonl")
        engines: list[tuple[str, str, tuple[str, ...]]] = [
            (f"local, {n} worker{'s' * (n > 1)}", f"local-{n}", ("--workers", str(n)))
            for n in range(1, args.workers + 1)
        ]
        if not args.no_ray:
            engines.append(
                (
                    f"ray (local, {args.workers} CPUs)",
                    "ray",
                    ("--engine", "ray", "--workers", str(args.workers)),
                )
            )
        rounds = [
            [
                measure(label, source, work / f"{name}.jsonl", *flags)
                for label, name, flags in engines
            ]
            for _ in range(max(1, args.repeat))
        ]
        speed = [max(runs, key=lambda run: run.rate) for runs in zip(*rounds, strict=True)]
        check(speed, args.records)
        memory = []
        for count in args.memory:
            path = replicate(articles, count, work / f"memory-{count}.jsonl")
            memory.append(
                measure(
                    f"{count:,} records",
                    path,
                    work / f"memory-{count}.out",
                    "--workers",
                    str(args.workers),
                )
            )
            path.unlink()
    print(
        f"## Throughput: {args.records:,} articles ({len(articles):,} distinct, mixed sources),"
        f" best of {max(1, args.repeat)}\n"
    )
    print("| engine | articles/s | vs 1 worker | wall s (with start-up) | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|")
    for run in speed:
        print(
            f"| {run.label} | {run.rate:,.0f} | {run.rate / speed[0].rate:.2f}x"
            f" | {run.wall:.1f} | {run.peak_rss / 2**20:,.0f} |"
        )
    small, large = memory
    print(f"\n## Memory: local, {args.workers} workers, peak RSS of the process tree\n")
    print("| records | articles/s | peak RSS MiB |")
    print("|---:|---:|---:|")
    for run in memory:
        print(f"| {run.records:,} | {run.rate:,.0f} | {run.peak_rss / 2**20:,.0f} |")
    growth = large.peak_rss / small.peak_rss - 1
    print(f"\nPeak RSS at {large.records:,} is {growth:+.1%} of that at {small.records:,}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
