"""Leave one newsroom out: train the learned model on the other newsrooms, test it on this one.

A model tuned on one newsroom's file looks better there than anywhere else; this is how the
default is chosen instead. For each newsroom below, a model is trained (``newsgist train``'s
code: oracle labels, each file weighing the same) on all the others and scored on it against
Lead-3, with the default selection (threads, stand-alone bullets) of the learned method. The
matrix's worst cell is the figure to improve.

Newsrooms (files under ``--data``):

- CNN: ``cnndm_validation`` (clean CNN text, no paragraph breaks);
- CNN/DM lower-cased: ``cnndm_toklower_train`` and ``cnndm_toklower_validation`` (mostly
  Daily Mail, lower-cased and tokenised);
- cased CNN/DM train: ``cnndm_train_cased`` (CNN and some Daily Mail, cased);
- BBC: ``bbc_news_summary`` (long extractive summaries);
- writer summaries: ``news_writer_summaries`` (freelance writers' summaries of CNN/DM and BBC
  stories, paragraphs kept).

Usage::

    python benchmarks/newsrooms.py                  # the full matrix (about 10 minutes)
    python benchmarks/newsrooms.py --limit 40       # a quick look: 40 articles per newsroom
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from corpus import DEFAULT_DATA

from newsgist.evaluate import Record, evaluate, read_records
from newsgist.evaluate.run import MethodSystem
from newsgist.methods.learned.train import balanced, examples, fit
from newsgist.options import SummarizeOptions

NEWSROOMS = {
    "CNN": ("cnndm_validation.jsonl",),
    "CNN/DM lower-cased": ("cnndm_toklower_train.jsonl", "cnndm_toklower_validation.jsonl"),
    "cased CNN/DM train": ("cnndm_train_cased.jsonl",),
    "BBC": ("bbc_news_summary.jsonl",),
    "writer summaries": ("news_writer_summaries.jsonl",),
}


def read_newsrooms(data: Path, limit: int | None) -> dict[str, list[Record]]:
    """Read each newsroom's records (``limit`` per newsroom if given); missing files skipped."""
    newsrooms: dict[str, list[Record]] = {}
    for name, files in NEWSROOMS.items():
        records: list[Record] = []
        for file in files:
            path = data / file
            if not path.exists():
                print(f"note: {path} not found; skipped", file=sys.stderr)
                continue
            records += read_records(path)[0]
        if records:
            newsrooms[name] = records[:limit]
    return newsrooms


def matrix(newsrooms: dict[str, list[Record]], folder: Path) -> list[tuple[str, float, float]]:
    """Return (newsroom, learned ROUGE-1, Lead-3 ROUGE-1) with the model trained on the others."""
    labelled = {name: examples(records) for name, records in newsrooms.items()}
    cells = []
    for held_out, records in newsrooms.items():
        others = [part for name, part in labelled.items() if name != held_out]
        path = folder / "model.npz"
        fit(balanced(others), held_out=held_out).save(path)
        systems = {
            "lead3": MethodSystem(SummarizeOptions(method="lead", headline=None)),
            "learned": MethodSystem(
                SummarizeOptions(headline=None, method_options={"model": path})
            ),
        }
        report = evaluate(records, systems, bootstrap=100, seed=0)
        scores = {r.label: r.rouge["rouge1"]["f1"].mean for r in report.systems}
        cells.append((held_out, 100 * scores["learned"], 100 * scores["lead3"]))
        print(f"{held_out}: learned {cells[-1][1]:.2f}, Lead-3 {cells[-1][2]:.2f}", file=sys.stderr)
    return cells


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="articles per newsroom (default: all)")
    args = parser.parse_args(argv)
    newsrooms = read_newsrooms(args.data, args.limit)
    if len(newsrooms) < 2:
        print(f"need at least two newsrooms under {args.data}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        cells = matrix(newsrooms, Path(folder))
    print("| held-out newsroom | articles | learned (trained on the others) | Lead-3 | gap |")
    print("|---|---:|---:|---:|---:|")
    for name, learned, lead in cells:
        gap = learned - lead
        print(f"| {name} | {len(newsrooms[name])} | {learned:.2f} | {lead:.2f} | {gap:+.2f} |")
    worst = min(cells, key=lambda cell: cell[1] - cell[2])
    print(f"\nWorst cell: {worst[0]}, {worst[1] - worst[2]:+.2f} ROUGE-1 F1 against Lead-3.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
