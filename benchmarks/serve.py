"""Load on `newsgist serve`: throughput, latency percentiles, failures and server memory.

Starts the real command (``newsgist serve --port P --workers W``) on 127.0.0.1, waits for
``/healthz``, then sends N ``POST /v1/summarize`` requests with C in flight at a time from
one asyncio httpx client in this process. The articles are the raw CNN, CNN/Daily Mail and
BBC articles under ``../shared/data`` (or the example page), in turn. It reads the RSS of
the server's whole process tree (uvicorn and its workers) on start, after one warm-up
request (which loads the model), and after the last request. The client shares the
machine's cores with the server, so on a 2-core VM it takes some CPU from the server.

Usage::

    python benchmarks/serve.py                       # 2,000 requests, concurrency 32
    python benchmarks/serve.py --workers 2           # two server processes
    python benchmarks/serve.py --quick               # CI: 60 requests, concurrency 8
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
from corpus import DEFAULT_DATA, ROOT, read_articles


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its children, in bytes."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def wait_healthy(base: str, process: psutil.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"newsgist serve exited with {process.returncode}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("newsgist serve did not become healthy")


async def load(
    base: str, articles: list[str], requests: int, concurrency: int
) -> tuple[list[float], int, float]:
    """Send the requests; return each latency, the failure count and the wall time."""
    latencies: list[float] = []
    failures = 0
    reasons: dict[str, int] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(requests):
        queue.put_nowait(number)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures
        while not queue.empty():
            number = queue.get_nowait()
            body = {"text": articles[number % len(articles)]}
            started = time.perf_counter()
            try:
                response = await client.post("/v1/summarize", json=body)
                ok = response.status_code == 200 and bool(response.json()["highlights"])
                reason = f"HTTP {response.status_code}: {response.text[:120]}"
            except httpx.HTTPError as error:
                ok, reason = False, f"{type(error).__name__}: {error}"
            latencies.append(time.perf_counter() - started)
            if not ok:
                failures += 1
                reasons[reason] = reasons.get(reason, 0) + 1

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
        print(f"failed {count}x: {reason}", file=sys.stderr)
    return latencies, failures, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[int(share * 1000) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--quick", action="store_true", help="60 requests at concurrency 8 (CI)")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.concurrency = 60, 8
    articles = read_articles(args.data, 200, quick=args.quick)
    if not articles:
        raise SystemExit(f"no articles under {args.data}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "newsgist", "serve", "--port", str(port)]
    server = psutil.Popen(
        [*command, "--workers", str(args.workers)], cwd=ROOT, stderr=subprocess.PIPE
    )
    try:
        wait_healthy(base, server)
        cold = tree_rss(server)
        httpx.post(f"{base}/v1/summarize", json={"text": articles[0]}, timeout=60)
        before = tree_rss(server)
        latencies, failures, wall = asyncio.run(
            load(base, articles, args.requests, args.concurrency)
        )
        after = tree_rss(server)
    finally:
        server.terminate()
        server.wait(10)
    print(
        f"{args.requests:,} requests, concurrency {args.concurrency}, {args.workers} server"
        f" worker(s), {len(articles):,} distinct articles\n"
    )
    print("| requests/s | p50 ms | p95 ms | p99 ms | failed | server RSS MiB: cold, warm → after |")
    print("|---:|---:|---:|---:|---:|---|")
    print(
        f"| {args.requests / wall:,.1f} | {percentile(latencies, 0.50) * 1000:,.0f}"
        f" | {percentile(latencies, 0.95) * 1000:,.0f} | {percentile(latencies, 0.99) * 1000:,.0f}"
        f" | {failures} | {cold / 2**20:,.0f}, {before / 2**20:,.0f} → {after / 2**20:,.0f} |"
    )
    if failures:
        raise SystemExit(f"{failures} requests failed")


if __name__ == "__main__":
    main()
