"""Reading evaluation data: JSONL records with an article and its reference highlights.

Each line is an object with ``article`` (string) and ``highlights`` (list of strings); ``id``
and ``title`` are used when present, other keys are ignored. A line that is not such a record
is skipped and reported with its line number, never fatal. A ``.gz`` file is read compressed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from newsgist.errors import InvalidInputError, InvalidRecordError
from newsgist.jsonl import JsonlFile, parse_object

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Record:
    """One article with its reference highlights (and headline, when the data has one)."""

    id: str
    article: str
    highlights: tuple[str, ...]
    title: str | None = None
    line: int = 0
    language: str | None = None
    """The record's ``language`` field (a BCP 47 tag), when it has one."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record left out of the evaluation, and why."""

    line: int
    reason: str


def read_records(
    path: Path, *, limit: int | None = None, skip: int = 0
) -> tuple[list[Record], list[Skipped]]:
    """Read up to ``limit`` valid records after the first ``skip``, with the lines left out and why.

    ``skip`` and ``limit`` count valid records, so ``skip=500`` and ``limit=500`` split a file
    into two disjoint halves however many bad lines it has.
    """
    return read_valid(path, _parse, limit=limit, skip=skip)


def read_valid(
    path: Path,
    parse: Callable[[bytes, int], _T],
    *,
    limit: int | None = None,
    skip: int = 0,
) -> tuple[list[_T], list[Skipped]]:
    """Parse up to ``limit`` valid lines after the first ``skip``; name the lines left out.

    ``parse`` turns a line and its number into a record or raises ``InvalidInputError``.
    """
    records: list[_T] = []
    skipped: list[Skipped] = []
    with JsonlFile(path) as stream:
        for number, raw in enumerate(stream, start=1):
            if limit is not None and len(records) >= limit:
                break
            if not raw.strip():
                continue
            try:
                record = parse(raw, number)
            except InvalidInputError as error:
                skipped.append(Skipped(number, str(error)))
                continue
            if skip:
                skip -= 1
            else:
                records.append(record)
    return records, skipped


def _parse(raw: bytes, number: int) -> Record:
    """Turn one JSONL line into a ``Record`` or raise saying what is wrong with it."""
    data = parse_object(raw)
    article = data.get("article")
    if not isinstance(article, str) or not article.strip():
        raise InvalidRecordError("'article' missing or empty")
    highlights = data.get("highlights")
    if not isinstance(highlights, list) or not all(isinstance(h, str) for h in highlights):
        raise InvalidRecordError("'highlights' must be a list of strings")
    highlights = [h.strip() for h in highlights if h.strip()]
    if not highlights:
        raise InvalidRecordError("'highlights' is empty")
    title = data.get("title")
    language = data.get("language")
    return Record(
        id=str(data.get("id", f"line-{number}")),
        article=article,
        highlights=tuple(highlights),
        title=title if isinstance(title, str) and title.strip() else None,
        line=number,
        language=language if isinstance(language, str) and language.strip() else None,
    )
