"""Compression: compressed highlights against whole sentences; headlines against first words.

**Highlights** (ROUGE F1 × 100): the default method's highlights, as whole sentences and as
``style="compressed"`` (no word limit, and at most 20 words), on the same chosen sentences.

- Held out from the shipped deletion model: ``cnndm_validation`` 501–1000,
  ``cnndm_toklower_validation``, ``news_writer_summaries``, ``bbc_news_summary`` 1–300
  (whose references are extracted sentences: any compression loses there).
- ``--lono``: leave one file out. For each file the shipped model is fit on
  (``cnndm_toklower_train``, ``cnndm_train_cased``, ``cnndm_validation`` 1–500), a model fit on
  the other two is scored on it; the worst cell chose the deletion threshold.

**Headlines** (ROUGE-1 F1 × 100 against the real titles of records with a full article): the
first 10 words of the lead, and ``compress``; with the headlines that end on a dangling word
and those of three words or fewer.

**Speed**: milliseconds per article to compress its highlights.

Usage::

    python benchmarks/compression.py                  # everything (a few minutes)
    python benchmarks/compression.py --lono           # and the leave-one-file-out table
    python benchmarks/compression.py --quick          # 30 records per file
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from corpus import DEFAULT_DATA
from gate import read_titled

import newsgist
from newsgist.compress import DeletionModel, compress_sentence
from newsgist.compress.train import examples, fit, pairs
from newsgist.evaluate import Record, read_records
from newsgist.evaluate.rouge import Rouge
from newsgist.lang import lookup
from newsgist.options import SummarizeOptions

HELD_OUT = (
    ("cnndm_validation.jsonl", 500, 500),
    ("cnndm_toklower_validation.jsonl", 0, None),
    ("news_writer_summaries.jsonl", 0, None),
    ("bbc_news_summary.jsonl", 0, 300),
)
TRAINING = (
    ("cnndm_toklower_train.jsonl", 0, None),
    ("cnndm_train_cased.jsonl", 0, None),
    ("cnndm_validation.jsonl", 0, 500),
)
TITLED = (
    "bbc_news_titles.jsonl",
    "bbc_news_summary.jsonl",
    "headlines_en_misc.jsonl",
    "orangesum_fr_train.jsonl",
    "detik_id_summaries.jsonl",
)
ENGLISH = lookup("en")


def read(data: Path, name: str, skip: int, limit: int | None) -> list[Record]:
    """Read a slice of one file; an absent file reads as nothing."""
    path = data / name
    return read_records(path, skip=skip, limit=limit)[0] if path.exists() else []


def highlights(
    records: Sequence[Record], model: DeletionModel | None, rouge: Rouge
) -> tuple[list[float], float]:
    """ROUGE-1/2 F1 of sentences, compressed, compressed to 20; ms per article to compress."""
    scores = np.zeros((3, 2))
    seconds = 0.0
    for record in records:
        summary = newsgist.summarize(record.article, SummarizeOptions(headline=None))
        whole = [h.text for h in summary.highlights]
        started = time.perf_counter()
        free = [compress_sentence(t, ENGLISH, model=model).text for t in whole]
        seconds += time.perf_counter() - started
        short = [compress_sentence(t, ENGLISH, words=20, model=model).text for t in whole]
        for row, prediction in enumerate((whole, free, short)):
            scores[row] += rouge.score(list(record.highlights), prediction)[:2, 2]
    n = max(1, len(records))
    return list((100 * scores / n).ravel()), 1000 * seconds / n


def headlines(records: Sequence[Record], rouge: Rouge) -> list[float]:
    """First-10 and compress ROUGE-1 F1, and compress's dangling and short headline counts."""
    first = SummarizeOptions(headline="first-words", headline_words=10)
    dangling = ENGLISH.headline.dangling if ENGLISH.headline else frozenset()
    totals = np.zeros(4)
    for record in records:
        assert record.title is not None
        lead = newsgist.summarize(record.article, first).headline
        ours = newsgist.summarize(record.article).headline
        totals[0] += rouge.score([record.title], [lead])[0, 2]
        totals[1] += rouge.score([record.title], [ours])[0, 2]
        words = ours.split()
        totals[2] += bool(words) and words[-1].lower() in dangling
        totals[3] += len(words) <= 3
    n = max(1, len(records))
    return [100 * totals[0] / n, 100 * totals[1] / n, totals[2], totals[3]]


Cap = Callable[[int | None], int | None]


def highlight_tables(data: Path, lono: bool, cap: Cap, rouge: Rouge) -> None:
    """Print the held-out highlights table, and with ``lono`` the leave-one-file-out one."""
    print("| highlights, held out | records | sentences R-1/R-2 | compressed | ≤ 20 words | ms |")
    print("|---|---:|---|---|---|---:|")
    for name, skip, count in HELD_OUT:
        records = read(data, name, skip, cap(count))
        if records:
            s, ms = highlights(records, None, rouge)
            print(
                f"| {name} {skip + 1}–{skip + len(records)} | {len(records)} | {s[0]:.2f} /"
                f" {s[1]:.2f} | {s[2]:.2f} / {s[3]:.2f} | {s[4]:.2f} / {s[5]:.2f} | {ms:.2f} |"
            )
    if not lono:
        return
    print(
        "\n| left out (model fit on the other two) | records | sentences R-1 |"
        " compressed R-1 | gain |"
    )
    print("|---|---:|---:|---:|---:|")
    files = {name: read(data, name, skip, count) for name, skip, count in TRAINING}
    for name, records in files.items():
        rest = [r for other, rs in files.items() if other != name for r in rs]
        model = fit(*examples(pairs(rest, ENGLISH), ENGLISH))
        scored = records[: cap(len(records))]
        s, _ = highlights(scored, model, rouge)
        print(f"| {name} | {len(scored)} | {s[0]:.2f} | {s[2]:.2f} | {s[2] - s[0]:+.2f} |")


def headline_table(data: Path, cap: Cap, rouge: Rouge) -> None:
    """Print the headlines table."""
    print(
        "\n| headlines | records | first 10 words R-1 | compress R-1 | dangling end | ≤ 3 words |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name in TITLED:
        path = data / name
        titled = read_titled(path) if path.exists() else []
        records = [r for r in titled if len(r.article.split()) > 60][: cap(300)]
        if records:
            h = headlines(records, rouge)
            print(
                f"| {name} | {len(records)} | {h[0]:.2f} | {h[1]:.2f} | {h[2]:.0f} | {h[3]:.0f} |"
            )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--lono", action="store_true", help="add the leave-one-file-out table")
    parser.add_argument("--quick", action="store_true", help="30 records per file")
    parser.add_argument("--limit", type=int, default=None, help="records per file")
    parser.add_argument("--only", choices=("highlights", "headlines"), help="one table only")
    args = parser.parse_args(argv)
    limit = 30 if args.quick else args.limit
    rouge = Rouge()

    def cap(count: int | None) -> int | None:
        return count if limit is None else min(count or limit, limit)

    if args.only != "headlines":
        highlight_tables(args.data, args.lono, cap, rouge)
    if args.only != "highlights":
        headline_table(args.data, cap, rouge)


if __name__ == "__main__":
    main()
