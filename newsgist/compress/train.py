"""Fit the deletion model from highlights aligned to the sentences they shorten.

Each reference highlight is aligned to the article sentence that holds the longest in-order
run of its words (stems, numbers as digits): kept only when that run covers 75% of the
highlight and 80% of its content words, as Filippova and Altun (2013) built compression pairs
from headlines. A candidate deletion of that sentence is labelled one the editor made when at
most 20% of its words are in the alignment. Needs scikit-learn (the ``train`` extra).

Usage::

    python -m newsgist.compress.train FILE[:N] ... --output newsgist/resources/deletions.npz
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsgist.compress.deletions import candidates
from newsgist.compress.model import DIMENSIONS, DeletionModel, features
from newsgist.evaluate.records import Record, read_records
from newsgist.features import stem
from newsgist.lang import Language, lookup
from newsgist.segment import segment

_WORD = re.compile(r"\S+")
_EDGE = ".,;:!?\"'“”‘’()[]{}-–—`"
_MAX_SENTENCES = 40
"""Sentences of an article a highlight is aligned to: highlights come from the top."""
_MAX_WORDS = 80
_COVERAGE = 0.75
_CONTENT_COVERAGE = 0.8
_KEPT_SHARE = 0.2
"""A deletion is the editor's when at most this share of its words is in the highlight."""
THRESHOLD = 0.6
"""Delete above this probability: best worst-file ROUGE-1 when leaving each training file out
(``benchmarks/compression.py``)."""


@dataclass(frozen=True, slots=True)
class Pair:
    """A sentence and, for each of its words, whether the aligned highlight keeps it."""

    sentence: str
    kept: tuple[bool, ...]


def normalise(words: Sequence[str], language: Language) -> list[str]:
    """Words as the alignment compares them: lower case, no edge marks, stemmed, digits."""
    numbers = language.headline.number_words if language.headline else {}
    plain = [w.lower().strip(_EDGE).replace("’", "'").removesuffix("'s") for w in words]
    plain = [numbers.get(w, w).replace(",", "") for w in plain]
    stems = stem(plain, language=language)
    return [s if p.isalpha() else p for p, s in zip(plain, stems, strict=True)]


def align(reference: Sequence[str], sentence: Sequence[str]) -> tuple[int, list[bool]]:
    """Find the longest in-order run of shared words: its length, the sentence words it uses."""
    n, m = len(reference), len(sentence)
    table = np.zeros((n + 1, m + 1), dtype=np.int32)
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if reference[i] and reference[i] == sentence[j]:
                table[i, j] = table[i + 1, j + 1] + 1
            else:
                table[i, j] = max(table[i + 1, j], table[i, j + 1])
    kept = [False] * m
    i = j = 0
    while i < n and j < m:
        if reference[i] and reference[i] == sentence[j]:
            kept[j] = True
            i, j = i + 1, j + 1
        elif table[i + 1, j] >= table[i, j + 1]:
            i += 1
        else:
            j += 1
    return int(table[0, 0]), kept


def pairs(records: Iterable[Record], language: Language) -> list[Pair]:
    """Return the (sentence, kept words) pairs the records' highlights align to."""
    found = []
    for record in records:
        sentences = [s.text for s in segment(record.article, language=language)][:_MAX_SENTENCES]
        words = [normalise(s.split(), language) for s in sentences]
        for highlight in record.highlights:
            reference = [w for w in normalise(highlight.split(), language) if w]
            content = [w for w in reference if w not in language.stop_words]
            best: tuple[int, int, list[bool]] | None = None
            for index, sentence in enumerate(words):
                if 4 <= len(sentence) <= _MAX_WORDS and len(reference) >= 3:
                    length, kept = align(reference, sentence)
                    if best is None or length > best[0]:
                        best = (length, index, kept)
            if best is None:
                continue
            length, index, kept = best
            shared = {w for w, k in zip(words[index], kept, strict=True) if k}
            content_share = sum(w in shared for w in content) / max(1, len(content))
            if (
                length >= _COVERAGE * len(reference)
                and content_share >= _CONTENT_COVERAGE
                and not all(kept)
            ):
                found.append(Pair(sentences[index], tuple(kept)))
    return found


def examples(found: Iterable[Pair], language: Language) -> tuple[list[list[int]], list[int]]:
    """Feature slots and labels of every candidate deletion of the pairs' sentences."""
    grammar = language.headline
    if grammar is None:
        raise ValueError(f"{language.code} has no grammar to find deletions with")
    rows, labels = [], []
    for pair in found:
        spans = [m.span() for m in _WORD.finditer(pair.sentence)]
        for deletion in candidates(pair.sentence, grammar):
            inside = [
                k for k, (a, b) in enumerate(spans) if a >= deletion.start and b <= deletion.end
            ]
            if inside:
                share = sum(pair.kept[k] for k in inside) / len(inside)
                rows.append(features(pair.sentence, deletion))
                labels.append(int(share <= _KEPT_SHARE))
    return rows, labels


def fit(rows: Sequence[Sequence[int]], labels: Sequence[int], *, c: float = 0.5) -> DeletionModel:
    """Fit the logistic model on binary hashed features."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    cells = [(i, slot) for i, row in enumerate(rows) for slot in set(row)]
    matrix = sparse.csr_matrix(
        (np.ones(len(cells)), ([i for i, _ in cells], [s for _, s in cells])),
        shape=(len(rows), DIMENSIONS),
    )
    model = LogisticRegression(C=c, max_iter=3000).fit(matrix, np.asarray(labels))
    return DeletionModel(model.coef_[0].astype(np.float32), float(model.intercept_[0]), THRESHOLD)


def load(spec: str) -> list[Record]:
    """Read ``FILE`` or ``FILE:N`` (its first N records)."""
    path, _, count = spec.rpartition(":") if re.search(r":\d+$", spec) else (spec, "", "")
    records, _ = read_records(Path(path), limit=int(count) if count else None)
    return records


def main(argv: Sequence[str] | None = None) -> None:
    """Align, fit and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", help="JSONL files with highlights, FILE or FILE:N")
    parser.add_argument("--output", required=True, type=Path)
    args = parser.parse_args(argv)
    language = lookup("en")
    found = [pair for spec in args.data for pair in pairs(load(spec), language)]
    rows, labels = examples(found, language)
    model = fit(rows, labels)
    model.save(
        str(args.output),
        {"trained_on": [Path(s).name for s in args.data], "pairs": len(found), "rows": len(rows)},
    )
    print(f"{len(found)} aligned pairs, {len(rows)} candidate deletions → {args.output}")


if __name__ == "__main__":
    main()
