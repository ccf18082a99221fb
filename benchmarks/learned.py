"""The learned default against Lead-k and the classical methods, on data it was not trained on.

The shipped model (``make model``) is trained on ``cnndm_toklower_train`` and the first 500
records of ``cnndm_validation``. This script evaluates on everything else:

- CNN held-out: ``cnndm_validation`` records 501-1000;
- CNN and Daily Mail, lower-cased and tokenised: ``cnndm_toklower_validation``;
- BBC (another newsroom; its references are long extractive summaries): ``bbc_news_summary``;
- freelance-writer summaries of CNN/DM and BBC stories: ``news_writer_summaries``;
- the shared example page, whose highlights come one from each thread of the story.

Each table is a ``newsgist evaluate`` report: ROUGE F1 with 95% bootstrap intervals and the
paired test against Lead-3 (* = significant).

Usage::

    python benchmarks/learned.py              # every held-out set, in full
    python benchmarks/learned.py --quick      # CI: 5 records per set
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from corpus import DEFAULT_DATA, EXAMPLE, ROOT

from newsgist.evaluate import Record, evaluate, parse_method_spec, read_records
from newsgist.ingest import load_text

SYSTEMS = ("lead:3", "learned", "lead:1", "lead:2", "lead:4", "textrank", "lexrank", "centroid")
SETS = (
    ("CNN held-out (cnndm_validation records 501-1000)", "cnndm_validation.jsonl", 500),
    ("CNN/DM, lower-cased (cnndm_toklower_validation)", "cnndm_toklower_validation.jsonl", 0),
    ("BBC (bbc_news_summary)", "bbc_news_summary.jsonl", 0),
    ("Writer summaries (news_writer_summaries)", "news_writer_summaries.jsonl", 0),
)
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "scraped-article-page.txt"


def _page_record(path: Path) -> Record:
    """Read a page in the scraped example format as one evaluation record."""
    article = load_text(path.read_text(encoding="utf-8"))
    return Record(path.name, article.body, article.reference_highlights, article.title)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--example", type=Path, default=SHARED_EXAMPLE)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="5 records per set, 100 resamples")
    parser.add_argument("--out", type=Path, help="also write the markdown here")
    args = parser.parse_args(argv)
    limit = 5 if args.quick else None
    if args.quick:
        args.bootstrap = 100
    systems = dict(parse_method_spec(spec) for spec in SYSTEMS)
    sets: list[tuple[str, list[Record], str]] = []
    for title, name, skip in SETS:
        path = args.data / name
        if not path.exists():
            print(f"note: {path} not found; skipped", file=sys.stderr)
            continue
        records, _ = read_records(path, limit=limit, skip=skip)
        sets.append((title, records, str(path)))
    example = args.example if args.example.exists() else EXAMPLE
    sets.append((f"Example page ({example.name})", [_page_record(example)], str(example)))

    sections = []
    for title, records, source in sets:
        report = evaluate(records, systems, bootstrap=args.bootstrap, seed=0, source=source)
        sections.append(f"## {title}\n\n{report.to_markdown()}")
        print(sections[-1], end="\n\n", flush=True)
    if args.out:
        args.out.write_text("\n\n".join(sections) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
