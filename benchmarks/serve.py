"""Abuse benchmark for `newsgist serve`: normal load while slow and hostile clients attack.

Starts the real command (``newsgist serve --port P --workers W --timeout T``) on 127.0.0.1,
waits for ``/healthz``, then for D seconds runs, all at once against the same server:

- **C normal clients** (one asyncio httpx client, keep-alive), each posting the raw CNN,
  CNN/Daily Mail and BBC articles under ``../shared/data`` in turn, one request at a time;
- **S slow clients** on raw sockets: half drip their request headers, half send headers
  and then drip the body, a byte every 0.5 s, each reconnecting when the server hangs up;
- **a stream of hostile requests**, one after another: the share-bar backtracking input,
  MBs of one-word lines, of one repeated sentence, of distinct capitalised words in one
  sentence, of words joined by thin spaces, 60,000 ``<p>`` paragraphs, lone surrogates,
  punctuation only, and a 6 MB body sent without ``Expect: 100-continue``.

It prints throughput and p50/p95/p99 latency of the normal requests and how many failed
(anything but a 200 with highlights: must be 0), how often the slow clients were cut off,
what each hostile shape got and how long it took, the server's log length, and the RSS of
the server's process tree (the server and its workers) before, at its peak (sampled every
0.2 s) and after. It exits 1 if a normal request failed or a hostile one got a 500. The
client shares the machine's cores with the server.

Usage::

    python benchmarks/serve.py               # 64 clients for 30 s, 8 slow, 2 workers
    python benchmarks/serve.py --calm        # the same normal clients, no attack: the baseline
    python benchmarks/serve.py --quick       # CI: 8 clients for 8 s, 2 slow, 1 MB shapes
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
from corpus import DEFAULT_DATA, ROOT, read_articles

SHARE_BAR = "The mayor said the river rose.\n\n" + ("share " * 26).strip() + " x."
BODY_LIMIT = 5_000_000


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


class PeakRSS(threading.Thread):
    """Samples the server tree's RSS every 0.2 s until stopped; keeps the peak."""

    def __init__(self, process: psutil.Process) -> None:
        super().__init__(daemon=True)
        self.process = process
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.peak = max(self.peak, tree_rss(self.process))


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


def capitalised_words(count: int) -> str:
    """``count`` distinct capitalised made-up words in one sentence."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = []
    for number in range(count):
        word = ""
        while True:
            number, digit = divmod(number, 26)
            word += letters[digit]
            if not number:
                break
        words.append(word.capitalize() + "son")
    return "Officials named " + " ".join(words) + "."


def shapes(scale: float) -> list[tuple[str, dict[str, str]]]:
    """Build the hostile request bodies, ``scale`` × what the service accepts (~4.5 MB)."""
    size = int(4_500_000 * scale)
    return [
        ("share-bar regex input", {"text": SHARE_BAR}),
        ("one-word lines", {"text": "flood\n" * (size // 7)}),
        ("one sentence repeated", {"text": "The river rose. " * (size // 16)}),
        ("distinct capitalised words", {"text": capitalised_words(size // 10)}),
        ("thin-space joined words", {"text": "\u2009".join(["levee"] * (size // 12))}),
        ("60,000 <p> paragraphs", {"html": "<p>The water rose again.</p>" * 60_000}),
        ("lone surrogate", {"text": "The levee held. \ud800 It rained."}),
        ("punctuation only", {"text": "!!! ??? " * 1000}),
    ]


@dataclass
class Outcome:
    """What one kind of hostile request got: the statuses seen and the slowest answer."""

    statuses: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0
    size: int = 0


OVERSIZE = json.dumps({"text": "The levee held. " * 375_000}).encode()
"""6 MB: over the body limit."""


def oversize_body(port: int) -> str:
    """Send a 6 MB body without waiting for 100 Continue, as urllib does; return the status."""
    body = OVERSIZE
    head = (
        f"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
            sock.sendall(head + body)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
    except OSError as error:
        return type(error).__name__
    status = answer.split(b" ", 2)[1].decode() if answer else "no answer"
    return status if b'"code"' in answer else f"{status} (not JSON)"


async def hostile(
    base: str, port: int, scale: float, stop: asyncio.Event, first_pass: asyncio.Event
) -> dict[str, Outcome]:
    """Send the hostile shapes one after another, again and again until ``stop``."""
    outcomes: dict[str, Outcome] = {}
    bodies = [(name, json.dumps(body).encode()) for name, body in shapes(scale)]
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        while True:
            for name, body in [*bodies, ("6 MB body, no Expect", b"")]:
                outcome = outcomes.setdefault(name, Outcome(size=len(body or OVERSIZE)))
                started = time.perf_counter()
                if not body:
                    status = await asyncio.to_thread(oversize_body, port)
                else:
                    try:
                        response = await client.post(
                            "/v1/summarize",
                            content=body,
                            headers={"content-type": "application/json"},
                        )
                        code = response.json()["error"]["code"] if response.is_error else "ok"
                        status = f"{response.status_code} {code}"
                    except (httpx.HTTPError, ValueError) as error:
                        status = type(error).__name__
                outcome.statuses[status] += 1
                outcome.slowest = max(outcome.slowest, time.perf_counter() - started)
            first_pass.set()
            if stop.is_set():
                return outcomes


async def slow_client(port: int, body: bool, stop: asyncio.Event) -> int:
    """Drip a request a byte every 0.5 s, reconnecting whenever cut off; count the cut-offs."""
    cut = 0
    head = b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if body:
        head += b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.5)
            continue
        try:
            writer.write(head if body else head[:20])
            while not stop.is_set():
                await writer.drain()
                try:
                    if await asyncio.wait_for(reader.read(65536), 0.5) == b"":
                        cut += 1
                        break
                except TimeoutError:
                    writer.write(b"{" if body else b"X")
                    continue
                cut += 1  # an answer (408): the server is about to hang up
                break
        except OSError:
            cut += 1
        finally:
            writer.close()
    return cut


@dataclass
class Normal:
    """The normal clients' record."""

    latencies: list[float] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)


async def normal_client(
    client: httpx.AsyncClient, articles: list[str], offset: int, record: Normal, stop: asyncio.Event
) -> None:
    number = offset
    while not stop.is_set():
        started = time.perf_counter()
        try:
            response = await client.post(
                "/v1/summarize", json={"text": articles[number % len(articles)]}
            )
            ok = response.status_code == 200 and bool(response.json()["highlights"])
            reason = f"HTTP {response.status_code}: {response.text[:120]}"
        except httpx.HTTPError as error:
            ok, reason = False, f"{type(error).__name__}: {error}"
        record.latencies.append(time.perf_counter() - started)
        if not ok:
            record.failures[reason] += 1
        number += 1


async def attack(
    base: str, port: int, articles: list[str], args: argparse.Namespace
) -> tuple[Normal, int, dict[str, Outcome], float]:
    """Run everything at once; return the normal record, cut-offs, outcomes, wall time."""
    stop, first_pass = asyncio.Event(), asyncio.Event()
    normal = Normal()
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        tasks = [
            asyncio.create_task(normal_client(client, articles, n * 7, normal, stop))
            for n in range(args.clients)
        ]
        slow = [asyncio.create_task(slow_client(port, n % 2 == 1, stop)) for n in range(args.slow)]
        if args.calm:
            first_pass.set()
        else:
            bad = asyncio.create_task(hostile(base, port, args.scale, stop, first_pass))
        await asyncio.sleep(args.seconds)
        await first_pass.wait()  # every shape was sent at least once while clients ran
        stop.set()
        await asyncio.gather(*tasks)
        wall = time.perf_counter() - started
        cut = sum(await asyncio.gather(*slow))
        outcomes = {} if args.calm else await bad
    return normal, cut, outcomes, wall


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[int(share * 1000) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clients", type=int, default=64, help="normal clients")
    parser.add_argument("--seconds", type=float, default=30, help="how long they run")
    parser.add_argument("--slow", type=int, default=8, help="slow (dripping) clients")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--timeout", type=float, default=10, help="the server's --timeout")
    parser.add_argument("--scale", type=float, default=1.0, help="hostile sizes × ~4.5 MB")
    parser.add_argument("--calm", action="store_true", help="normal clients only: the baseline")
    parser.add_argument(
        "--quick", action="store_true", help="8 clients, 8 s, 2 slow, 1 MB, --timeout 3 (CI)"
    )
    args = parser.parse_args()
    if args.quick:
        args.clients, args.seconds, args.slow, args.scale, args.timeout = 8, 8, 2, 0.2, 3
    if args.calm:
        args.slow = 0
    articles = read_articles(args.data, 200, quick=args.quick)
    if not articles:
        raise SystemExit(f"no articles under {args.data}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "newsgist", "serve", "--port", str(port)]
    command += ["--workers", str(args.workers), "--timeout", str(args.timeout)]
    command += ["--header-timeout", "5", "--body-timeout", "5"]
    with tempfile.TemporaryFile() as log:
        server = psutil.Popen(command, cwd=ROOT, stderr=log)
        try:
            wait_healthy(base, server)
            httpx.post(f"{base}/v1/summarize", json={"text": articles[0]}, timeout=60)
            before = tree_rss(server)
            sampler = PeakRSS(server)
            sampler.start()
            normal, cut, outcomes, wall = asyncio.run(attack(base, port, articles, args))
            sampler.done.set()
            time.sleep(1)
            after = tree_rss(server)
        finally:
            server.terminate()
            server.wait(15)
        log.seek(0)
        lines = log.read().decode("utf-8", "replace").splitlines()
    report(args, articles, normal, cut, outcomes, wall, (before, sampler.peak, after), lines)


def report(
    args: argparse.Namespace,
    articles: list[str],
    normal: Normal,
    cut: int,
    outcomes: dict[str, Outcome],
    wall: float,
    rss: tuple[int, int, int],
    log: list[str],
) -> None:
    mib = [value / 2**20 for value in rss]
    failed = sum(normal.failures.values())
    print(
        f"{args.clients} normal clients for {wall:.0f} s ({len(articles):,} distinct articles),"
        f" {args.slow} slow clients, {'no' if args.calm else 'one'} hostile stream;"
        f" {args.workers} server workers,"
        f" --timeout {args.timeout:g}\n"
    )
    print(
        "| normal requests | requests/s | p50 ms | p95 ms | p99 ms | failed"
        " | slow clients cut off | server RSS MiB: before, peak → after | log lines |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    values = normal.latencies
    print(
        f"| {len(values):,} | {len(values) / wall:,.1f} | {percentile(values, 0.50) * 1000:,.0f}"
        f" | {percentile(values, 0.95) * 1000:,.0f} | {percentile(values, 0.99) * 1000:,.0f}"
        f" | {failed} | {cut} | {mib[0]:,.0f}, {mib[1]:,.0f} → {mib[2]:,.0f} | {len(log)} |\n"
    )
    if outcomes:
        print("| hostile request | body bytes | answers | slowest s |")
        print("|---|---:|---|---:|")
    server_errors = 0
    for name, outcome in outcomes.items():
        answers = ", ".join(f"{count}× {status}" for status, count in outcome.statuses.items())
        server_errors += sum(
            count for status, count in outcome.statuses.items() if status.startswith("500")
        )
        print(f"| {name} | {outcome.size:,} | {answers} | {outcome.slowest:.1f} |")
    for line in log:
        if line.startswith(("WARNING", "ERROR")):
            print(f"server: {line}", file=sys.stderr)
    for reason, count in normal.failures.most_common():
        print(f"failed {count}x: {reason}", file=sys.stderr)
    if failed or server_errors:
        raise SystemExit(f"{failed} normal requests failed; {server_errors} hostile got a 500")


if __name__ == "__main__":
    main()
