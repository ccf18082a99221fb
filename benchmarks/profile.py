"""Where the default pipeline's time goes: milliseconds per stage on CNN/DM, BBC and long stories.

Each set is summarized by one pipeline built once (as a service or batch worker does), with
the default settings and with Lead-3 (``method="lead"``, everything else the same), and
``Summary.timings`` is averaged per stage: ingest, language, segment, features (tokens,
stems, TF-IDF, shared by every later stage), score (the method), threads, select, compress,
headline, facts. The last column is the default's cost over Lead-3's, the figure issue 24
targets (at most 3x). Long stories are the longest of the CNN/DM validation file. The best
of ``--repeats`` runs is kept per set, so a busy machine's pauses do not count.

Usage::

    python benchmarks/profile.py                 # 300 CNN/DM, 300 BBC, 50 long stories
    python benchmarks/profile.py --quick         # CI: proves it runs
    python benchmarks/profile.py --cprofile 25   # and the 25 costliest functions (default)
    python benchmarks/profile.py --cold          # and each set in a fresh process

``--cold`` adds what a one-off run sees: each set summarized by ``newsgist.summarize`` in a
new Python process, the first call (models, tables, patterns, lazy imports) and the first
sight of every word (stemming) included, import excluded.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus import DEFAULT_DATA, EXAMPLE

import newsgist
import newsgist.lang
from newsgist.evaluate.records import read_records

STAGES = (
    "ingest",
    "language",
    "segment",
    "features",
    "score",
    "threads",
    "select",
    "compress",
    "headline",
    "facts",
)


def story_sets(data: Path, count: int, long_count: int) -> dict[str, list[str]]:
    """CNN/DM and BBC validation stories, and the longest CNN/DM ones."""
    sets: dict[str, list[str]] = {}
    cnndm = data / "cnndm_validation.jsonl"
    bbc = data / "bbc_news_summary.jsonl"
    if cnndm.exists():
        stories = [r.article for r in read_records(cnndm, limit=max(count, 10 * long_count))[0]]
        sets["CNN/DM"] = stories[:count]
        sets["long"] = sorted(stories, key=len, reverse=True)[:long_count]
    if bbc.exists():
        sets["BBC"] = [r.article for r in read_records(bbc, limit=count)[0]]
    return sets


def run(
    stories: Sequence[str], settings: newsgist.SummarizeOptions
) -> tuple[float, dict[str, float]]:
    """Seconds for all stories through one pipeline, and the mean seconds of each stage."""
    pipeline = newsgist.make_pipeline(settings)
    pipeline(stories[0])  # tables and models load once, as in a long-running process
    stages: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    for story in stories:
        for stage, seconds in pipeline(story).timings.items():
            stages[stage] += seconds
    elapsed = time.perf_counter() - start
    return elapsed, {stage: total / len(stories) for stage, total in stages.items()}


def best(
    stories: Sequence[str], settings: newsgist.SummarizeOptions, repeats: int
) -> tuple[float, dict[str, float]]:
    """Return the fastest of ``repeats`` runs."""
    return min((run(stories, settings) for _ in range(repeats)), key=lambda result: result[0])


_COLD = """
import json, sys, time
import newsgist
stories = json.load(open(sys.argv[1], encoding="utf-8"))
options = json.loads(sys.argv[2])
start = time.perf_counter()
newsgist.summarize(stories[0], **options)
first = time.perf_counter() - start
for story in stories[1:]:
    newsgist.summarize(story, **options)
print(json.dumps([first, time.perf_counter() - start]))
"""


def cold(stories: Sequence[str], options: dict[str, Any]) -> tuple[float, float]:
    """Seconds of the first call and of all stories, in a fresh process (import excluded)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        json.dump(list(stories), file)
        file.flush()
        done = subprocess.run(
            [sys.executable, "-c", _COLD, file.name, json.dumps(options)],
            capture_output=True,
            text=True,
            check=True,
        )
    first, total = json.loads(done.stdout)
    return float(first), float(total)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=300, help="stories per set")
    parser.add_argument("--long", type=int, default=50, help="long stories")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="10 stories per set, one run")
    parser.add_argument(
        "--no-facts", action="store_true", help="headline and highlights only, for both"
    )
    parser.add_argument(
        "--cprofile", type=int, nargs="?", const=25, help="also list the costliest functions"
    )
    parser.add_argument("--cold", action="store_true", help="also each set in a fresh process")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.long, args.repeats = 10, 3, 1
    sets = story_sets(args.data, args.articles, args.long)
    if not sets and args.quick:  # CI proving the script runs, with no data: the example page
        print(f"note: no data under {args.data}; quick run on {EXAMPLE.name}", file=sys.stderr)
        sets = {"example": [EXAMPLE.read_text(encoding="utf-8")]}
    if not sets:
        print(f"no stories under {args.data}", file=sys.stderr)
        return 1
    for stories in sets.values():  # the language detector loads once, as in a long run
        newsgist.lang.detect(stories[0])
    facts = not args.no_facts
    default = newsgist.SummarizeOptions(facts=facts)
    lead = newsgist.SummarizeOptions(method="lead", facts=facts)
    print("milliseconds per story, default pipeline (learned); Lead-3 with the same stages\n")
    columns = ["set", "stories", *STAGES, "total", "stories/s", "Lead-3 stories/s", "/ Lead-3"]
    print(f"| {' | '.join(columns)} |")
    print("|---|---:|" + "---:|" * (len(STAGES) + 4))
    for name, stories in sets.items():
        elapsed, stages = best(stories, default, args.repeats)
        lead_elapsed, _ = best(stories, lead, args.repeats)
        cells = " | ".join(f"{1000 * stages.get(stage, 0.0):.3f}" for stage in STAGES)
        print(
            f"| {name} | {len(stories)} | {cells} | {1000 * elapsed / len(stories):.2f} |"
            f" {len(stories) / elapsed:,.0f} | {len(stories) / lead_elapsed:,.0f} |"
            f" {elapsed / lead_elapsed:.2f}x |"
        )
    if args.cold:
        print("\nin a fresh process, first call included (ms per story; first call in ms)\n")
        print("| set | stories | default | first call | Lead-3 | first call | / Lead-3 |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, stories in sets.items():
            first, total = cold(stories, {"facts": facts})
            lead_first, lead_total = cold(stories, {"method": "lead", "facts": facts})
            print(
                f"| {name} | {len(stories)} | {1000 * total / len(stories):.2f} |"
                f" {1000 * first:.0f} | {1000 * lead_total / len(stories):.2f} |"
                f" {1000 * lead_first:.0f} | {total / lead_total:.2f}x |"
            )
    if args.cprofile:
        stories = next(iter(sets.values()))
        pipeline = newsgist.make_pipeline(default)
        pipeline(stories[0])
        profiling, stats = _standard("cProfile"), _standard("pstats")
        profiler = profiling.Profile()
        profiler.runcall(lambda: [pipeline(story) for story in stories])
        print()
        stats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)
    return 0


def _standard(name: str) -> Any:  # noqa: ANN401 - a module
    """Import a standard-library module past this file, whose name hides the stdlib's profile."""
    here = Path(__file__).resolve().parent
    kept = sys.path[:]
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.modules.pop("profile", None)
    try:
        return importlib.import_module(name)
    finally:
        sys.path[:] = kept


if __name__ == "__main__":
    sys.exit(main())
