"""End-to-end ``newsgist.summarize`` throughput per method, single process, and its stages.

Reads articles from each data file under ``--data`` and summarizes every one with each
method, timing the whole call (ingest, segment, score, select, headline, facts). Prints
articles/s and the mean milliseconds per stage, from ``Summary.timings``.

Usage::

    python benchmarks/summarize.py                      # every method, 300 per file
    python benchmarks/summarize.py --quick              # CI: proves it runs
    python benchmarks/summarize.py --method lead --articles 1000
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from corpus import DEFAULT_DATA, read_articles

import newsgist
import newsgist.lang


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=300, help="articles per data file")
    parser.add_argument("--method", action="append", help="repeatable; default: every method")
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="5 articles per file")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles = 5
    articles = read_articles(args.data, args.articles, quick=args.quick)
    if not articles:
        print("no articles found", file=sys.stderr)
        return 1
    chars = sum(len(a) for a in articles) / len(articles)
    print(f"{len(articles)} articles (mean {chars:,.0f} characters) from {args.data}")
    print()
    stage_names = ("ingest", "segment", "score", "select", "headline", "facts")
    print(f"| method | articles/s | {' | '.join(f'{s} ms' for s in stage_names)} | total ms |")
    print("|---|---:|" + "---:|" * (len(stage_names) + 1))
    for article in articles:  # load the language detector once, as a long-running process has
        newsgist.lang.detect(article)
    for method in args.method or newsgist.methods.names():
        stages: dict[str, float] = defaultdict(float)
        newsgist.summarize(articles[0], method=method)  # load the method once
        start = time.perf_counter()
        for article in articles:
            summary = newsgist.summarize(article, method=method, sentences=args.sentences)
            for stage, seconds in summary.timings.items():
                stages[stage] += seconds
        elapsed = time.perf_counter() - start
        mean = {k: 1000 * v / len(articles) for k, v in stages.items()}
        cells = " | ".join(f"{mean.get(s, 0.0):.3f}" for s in (*stage_names, "total"))
        print(f"| {method} | {len(articles) / elapsed:,.0f} | {cells} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"peak RSS: {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
