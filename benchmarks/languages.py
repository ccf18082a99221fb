"""Summaries in French (OrangeSum) and Indonesian (detik), scored with multilingual ROUGE.

For each file the last ``--records`` records are scored (the first ones are kept for
training per-language models). Highlights: Lead-3 and the default method (three sentences)
with the language's resources, and with the language-neutral ones (``language="und"``, what
newsgist did before it had the language). Headlines: the first 10 words of the lead, and the
default headline with each set of resources. ROUGE F1 × 100 with ``Rouge(language)``: words
in any script, stemmed with the language's Snowball stemmer (``newsgist.evaluate.rouge``).
Detection is counted too: records whose text newsgist detects as the file's language.

Usage::

    python benchmarks/languages.py                 # 500 records per file
    python benchmarks/languages.py --quick         # CI: 30 records per file
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from corpus import DEFAULT_DATA

import newsgist
from newsgist.evaluate.records import Record, read_records
from newsgist.evaluate.rouge import Rouge
from newsgist.lang import detect
from newsgist.options import SummarizeOptions

FILES = (("orangesum_fr_train.jsonl", "fr"), ("detik_id_summaries.jsonl", "id"))

HIGHLIGHTS = {
    "Lead-3": SummarizeOptions(method="lead", sentences=3, headline=None),
    "default": SummarizeOptions(headline=None),
    "default, neutral resources": SummarizeOptions(headline=None, language="und"),
}
HEADLINES = {
    "first 10 words": SummarizeOptions(headline="first-words", headline_words=10),
    "default": SummarizeOptions(),
    "default, neutral resources": SummarizeOptions(language="und"),
}


def held_out(path: Path, count: int) -> list[Record]:
    """Return the file's last ``count`` valid records."""
    records = read_records(path)[0]
    return records[-count:]


def scores(
    records: Sequence[Record], systems: dict[str, SummarizeOptions], rouge: Rouge, *, title: bool
) -> dict[str, list[float]]:
    """ROUGE-1/2/Lsum F1 × 100 of each system against the highlights or the title."""
    table: dict[str, list[float]] = {}
    for name, settings in systems.items():
        pipeline = newsgist.make_pipeline(settings)
        total = np.zeros(3)
        for record in records:
            summary = pipeline(record.article)
            target = [record.title or ""] if title else list(record.highlights)
            made = [summary.headline] if title else [h.text for h in summary.highlights]
            total += rouge.score(target, made)[:, 2]
        table[name] = list(100 * total / max(1, len(records)))
    return table


def main(argv: Sequence[str] | None = None) -> None:
    """Print the highlights, headlines and detection tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="30 records per file")
    args = parser.parse_args(argv)
    count = 30 if args.quick else args.records
    for name, code in FILES:
        path = args.data / name
        if not path.exists():
            print(f"{path} not found: skipped")
            continue
        records = held_out(path, count)
        titled = [r for r in records if r.title]
        rouge = Rouge(code)
        detected = sum(detect(r.article) == code for r in records)
        print(f"\n{name}: last {len(records)} records; detected as {code!r}: {detected}")
        print("\n| highlights | R-1 | R-2 | R-Lsum |\n|---|---:|---:|---:|")
        for system, row in scores(records, HIGHLIGHTS, rouge, title=False).items():
            print(f"| {system} | {row[0]:.2f} | {row[1]:.2f} | {row[2]:.2f} |")
        print(f"\n| headlines ({len(titled)} titled) | R-1 | R-2 | R-L |\n|---|---:|---:|---:|")
        for system, row in scores(titled, HEADLINES, rouge, title=True).items():
            print(f"| {system} | {row[0]:.2f} | {row[1]:.2f} | {row[2]:.2f} |")


if __name__ == "__main__":
    main()
