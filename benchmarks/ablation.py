"""Which salience feature groups earn their place: 5-fold cross-validation on the training set.

Uses the shipped model's training data only (``cnndm_toklower_train`` and the first 500
records of ``cnndm_validation``), never the held-out records. For each group of
the learned method's feature columns, the model is refitted without that group on four folds and
scored on the fifth (3 highlights, trigram blocking, ROUGE-1/2 F1), beside all features and
Lead-3 (with the same trigram blocking) on the same records.

Usage::

    python benchmarks/ablation.py             # full: about two minutes
    python benchmarks/ablation.py --quick     # CI: 40 records, 2 folds, 20 trees
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from corpus import DEFAULT_DATA

from newsgist.document import Document
from newsgist.evaluate import read_records
from newsgist.evaluate.rouge import Rouge
from newsgist.ingest import load_text
from newsgist.methods.learned.features import GROUPS, NAMES
from newsgist.methods.learned.train import Examples, TrainOptions, examples, fit
from newsgist.segment import segment
from newsgist.select import SelectOptions, select


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    paths = [
        (args.data / "cnndm_toklower_train.jsonl", None),
        (args.data / "cnndm_validation.jsonl", 500),
    ]
    if not all(path.exists() for path, _ in paths):
        print(f"note: training data not under {args.data}; nothing to do", file=sys.stderr)
        return 0
    records = [r for path, limit in paths for r in read_records(path, limit=limit)[0]]
    folds, options = 5, TrainOptions()
    if args.quick:
        records, folds, options = records[::40], 2, TrainOptions(iterations=20)
    prepared = []
    for record in records:
        article = load_text(record.article)
        document = Document(article, tuple(segment(article.body)))
        prepared.append((record, document, examples([record])))
    fold = np.random.default_rng(0).integers(0, folds, len(prepared))
    rouge = Rouge()

    def score(drop: Sequence[str], lead: bool = False) -> tuple[float, float]:
        keep = np.array([name not in drop for name in NAMES])
        totals = []
        for k in range(folds):
            train = [p[2] for p, f in zip(prepared, fold, strict=True) if f != k]
            rows = np.vstack([e.rows for e in train])
            rows[:, ~keep] = 0.0  # a constant column: the trees cannot split on it
            labels = np.concatenate([e.labels for e in train])
            model = fit(Examples(rows, labels, len(train), 0), options)
            for (record, document, data), f in zip(prepared, fold, strict=True):
                if f != k:
                    continue
                scores = -np.arange(len(data.rows), dtype=np.float64)
                if not lead:
                    scores = model.predict(np.where(keep, data.rows, 0.0))
                chosen = select(document, scores, SelectOptions(sentences=3, redundancy="trigram"))
                texts = [document.sentences[i].text for i in chosen]
                totals.append(rouge.score(record.highlights, texts)[:2, 2])
        return tuple(100 * np.mean(totals, axis=0))

    base = score(())
    print(f"{len(prepared)} training articles, {folds}-fold cross-validation\n")
    print("| features | ROUGE-1 | Δ | ROUGE-2 | Δ |")
    print("|---|---:|---:|---:|---:|")
    print(f"| all | {base[0]:.2f} | | {base[1]:.2f} | |")
    for group, names in GROUPS.items():
        r1, r2 = score(names)
        print(
            f"| without {group} | {r1:.2f} | {r1 - base[0]:+.2f} | {r2:.2f} | {r2 - base[1]:+.2f} |"
        )
    r1, r2 = score((), lead=True)
    print(f"| Lead-3 | {r1:.2f} | {r1 - base[0]:+.2f} | {r2:.2f} | {r2 - base[1]:+.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
