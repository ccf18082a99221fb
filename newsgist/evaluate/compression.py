"""Compression quality against gold deletions: token F1 and compression ratio.

A record carries a sentence and its gold compression, made by deleting words of it
(``{"sentence": ..., "compression": ...}``, the form of Filippova and Altun's data). The gold
is traced to the sentence's word positions; so is each system's output (its spans), and the
score is the F1 of the two sets of kept positions, with both compression ratios (words kept
over words in the sentence). A gold compression that is not a deletion of its sentence is
left out and reported with its line number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgist.compress.model import Compressed
from newsgist.compress.shorten import shorten, trace
from newsgist.errors import InvalidInputError, InvalidRecordError, NewsgistError
from newsgist.evaluate.records import Skipped, read_valid
from newsgist.jsonl import JsonlFile, parse_object
from newsgist.lang import lookup

_WORD = re.compile(r"\S+")

Compressor = Callable[[str, int], Compressed]
"""A system: the sentence and the gold's length in words (a baseline may use it) to output."""


@dataclass(frozen=True, slots=True)
class CompressionRecord:
    """A sentence and the positions of the words its gold compression keeps."""

    sentence: str
    gold: frozenset[int]
    line: int = 0


@dataclass(frozen=True, slots=True)
class CompressionResult:
    """One system's means over the records: token F1 and its compression ratio (× 100)."""

    f1: float
    ratio: float


def is_compression_file(path: Path) -> bool:
    """Whether the file's first record is a sentence with a gold compression."""
    with JsonlFile(path) as stream:
        for raw in stream:
            if raw.strip():
                try:
                    data = parse_object(raw)
                except InvalidInputError:
                    return False
                return "sentence" in data and "compression" in data
    return False


def read_compressions(
    path: Path, *, limit: int | None = None, skip: int = 0
) -> tuple[list[CompressionRecord], list[Skipped]]:
    """Read up to ``limit`` valid records after the first ``skip``, and the lines left out."""
    language = lookup("en")
    numbers = language.headline.number_words if language.headline else {}
    return read_valid(
        path, lambda raw, number: _parse(raw, number, numbers), limit=limit, skip=skip
    )


def _parse(raw: bytes, number: int, numbers: Mapping[str, str]) -> CompressionRecord:
    """One record, or an error saying why the line is not one."""
    data = parse_object(raw)
    sentence, compression = data.get("sentence"), data.get("compression")
    if not isinstance(sentence, str) or not sentence.strip():
        raise InvalidRecordError("'sentence' missing or empty")
    if not isinstance(compression, str) or not compression.strip():
        raise InvalidRecordError("'compression' missing or empty")
    gold = positions(sentence, trace(sentence, compression, numbers))
    if len(gold) != len(compression.split()):
        raise InvalidRecordError("'compression' is not a deletion of 'sentence'")
    return CompressionRecord(sentence, frozenset(gold), number)


def positions(sentence: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """Return the word positions of the sentence that the spans cover."""
    return {
        index
        for index, word in enumerate(_WORD.finditer(sentence))
        if any(a <= word.start() and word.end() <= b for a, b in spans)
    }


def score(records: Sequence[CompressionRecord], system: Compressor) -> CompressionResult:
    """Return the system's mean token F1 against the gold and its mean compression ratio."""
    f1 = ratio = 0.0
    for record in records:
        try:
            kept = positions(record.sentence, system(record.sentence, len(record.gold)).spans)
        except NewsgistError:  # a sentence the system refuses scores as nothing kept
            kept = set()
        overlap = len(kept & record.gold)
        f1 += 2 * overlap / (len(kept) + len(record.gold)) if kept or record.gold else 1.0
        ratio += len(kept) / max(1, len(record.sentence.split()))
    n = max(1, len(records))
    return CompressionResult(100 * f1 / n, 100 * ratio / n)


def systems(language: str | None = None) -> dict[str, Compressor]:
    """Return the compressors ``newsgist evaluate`` compares, the first-words baseline first."""

    def first_words(sentence: str, gold_words: int) -> Compressed:
        end = [m.end() for m in _WORD.finditer(sentence)][:gold_words][-1:] or [0]
        return Compressed(sentence[: end[0]], ((0, end[0]),))

    return {
        "first words (gold length)": first_words,
        "bullet": lambda sentence, _: shorten(sentence, language=language),
        "headline": lambda sentence, _: shorten(sentence, headline=True, language=language),
    }


def to_markdown(
    results: Mapping[str, CompressionResult], records: Sequence[CompressionRecord]
) -> str:
    """Return the report table, with the gold's own compression ratio."""
    gold = 100 * sum(len(r.gold) / max(1, len(r.sentence.split())) for r in records)
    lines = [
        f"{len(records):,} sentences; gold keeps {gold / max(1, len(records)):.1f}% of words",
        "",
        "| system | token F1 | compression ratio |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {r.f1:.2f} | {r.ratio:.1f}% |" for name, r in results.items()]
    return "\n".join(lines)
