"""The learned deletion model: which of a sentence's grammar-safe deletions to make.

A logistic model over hashed surface features of each candidate (its rule, length, share and
place in the sentence, its first, last and inner words, the word before it, digits, quotation
marks, capitals) gives the probability that an editor's shorter version drops it. It was fit
on CNN/Daily Mail highlights aligned to the article sentences they shorten
(``newsgist.compress.train``, ``make compressor``) and is run with numpy and ``zlib.crc32``
alone. Deletions are made most probable first, each only if it cuts across none made (one
that takes in smaller ones replaces them), leaves at least ``MIN_WORDS`` words, keeps a verb
outside the asides when the sentence has one and does not leave it opening on a relative
pronoun.
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from newsgist.compress.deletions import (
    DASHES,
    QUOTE_MARKS,
    WORD_EDGE,
    Deletion,
    candidates,
    clause_verb,
    kept_spans,
    render,
)

if TYPE_CHECKING:
    from collections.abc import Sequence, Set

    import numpy.typing as npt

    from newsgist.lang import HeadlineGrammar, Language

FORMAT = "newsgist-deletions"
FORMAT_VERSION = 1
DEFAULT_MODEL = "deletions.npz"
"""The shipped model's file name under ``newsgist/resources``."""
DIMENSIONS = 1 << 14
"""Hashed feature slots: the model is one float32 weight per slot (64 KiB)."""
MIN_WORDS = 6
"""A compressed sentence keeps at least this many words: less is a headline, not a bullet."""
_INNER_WORDS = 12
"""Words of a candidate read as features (the rest add nothing a longer span would not)."""


@dataclass(frozen=True, slots=True)
class Compressed:
    """A shortened sentence and the spans of the original it keeps, in order."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, eq=False)
class DeletionModel:
    """Logistic weights over hashed features, and the probability above which to delete."""

    weights: npt.NDArray[np.float32]
    bias: float
    threshold: float

    def probability(self, text: str, deletion: Deletion) -> float:
        """Return the probability that the deletion is one an editor makes."""
        z = float(self.weights[features(text, deletion)].sum()) + self.bias
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: str, about: dict[str, object]) -> None:
        """Write the model as a plain ``.npz`` with a JSON header (no pickle)."""
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "dimensions": DIMENSIONS,
            "bias": self.bias,
            "threshold": self.threshold,
            **about,
        }
        np.savez_compressed(path, weights=self.weights, header=np.array(json.dumps(header)))


@lru_cache(maxsize=1)
def shipped_model() -> DeletionModel:
    """Return the model shipped in ``newsgist/resources`` (read once per process)."""
    with (
        resources.as_file(resources.files("newsgist.resources") / DEFAULT_MODEL) as path,
        np.load(path, allow_pickle=False) as archive,
    ):
        header = json.loads(str(archive["header"]))
        weights = np.asarray(archive["weights"], dtype=np.float32)
    if header.get("format") != FORMAT or header.get("version") != FORMAT_VERSION:
        raise RuntimeError(f"{DEFAULT_MODEL} is not a {FORMAT} v{FORMAT_VERSION} model")
    if weights.shape != (DIMENSIONS,):
        raise RuntimeError(f"{DEFAULT_MODEL} holds {weights.shape} weights, not {DIMENSIONS}")
    return DeletionModel(weights, float(header["bias"]), float(header["threshold"]))


def features(text: str, deletion: Deletion) -> list[int]:
    """Return the hashed feature slots of one candidate deletion of ``text``."""
    rule, start, end = deletion.rule, deletion.start, deletion.end
    span = text[start:end]
    words = span.split()
    total = len(text.split())
    before = text[:start].split()[-1:] or ["<s>"]
    first = words[0].strip(WORD_EDGE).lower() if words else ""
    last = words[-1].strip(WORD_EDGE).lower() if words else ""
    r = f"r={rule}|"
    names = [
        "bias",
        "r=" + rule,
        f"{r}L={min(len(words), 12)}",
        f"{r}share={int(10 * len(words) / max(1, total))}",
        f"{r}at={int(10 * start / max(1, len(text)))}",
        f"{r}first={first}",
        f"{r}last={last}",
        f"{r}before={before[0].lower()}",
        f"{r}digit={any(c.isdigit() for c in span)}",
        f"{r}quote={any(c in QUOTE_MARKS for c in span)}",
        f"{r}capitals={sum(w[:1].isupper() for w in words[1:])}",
        f"{r}n={min(total // 5, 10)}",
        f"first={first}",
        f"{r}end={end >= len(text.rstrip(' .'))}",
        f"{r}start={start == 0}",
        *(f"{r}w={w.strip(',.;:').lower()}" for w in words[:_INNER_WORDS]),
    ]
    return [zlib.crc32(name.encode()) & (DIMENSIONS - 1) for name in names]


def compress_sentence(
    text: str,
    language: Language,
    *,
    words: int | None = None,
    model: DeletionModel | None = None,
) -> Compressed:
    """Shorten one sentence by the deletions the model expects, traced to its spans.

    ``words``: at most this many words; further deletions are then made, most probable first,
    and the rest is cut at its latest clause or phrase break. Without a grammar (language-
    neutral resources) nothing is deleted but the cut.
    """
    grammar = language.headline
    chosen: list[Deletion] = []
    if grammar is not None:
        chosen = _choose(text, grammar, model or shipped_model(), words)
    spans = kept_spans(text, chosen)
    short = render(text, spans)
    if words is not None and len(short.split()) > words:
        spans = _cut(text, spans, words, grammar)
        short = render(text, spans)
    return Compressed(short, spans)


def _choose(
    text: str, grammar: HeadlineGrammar, model: DeletionModel, words: int | None
) -> list[Deletion]:
    """Pick the deletions: confident ones, then (over budget) the next most probable."""
    ranked = sorted(
        ((model.probability(text, d), d) for d in candidates(text, grammar)),
        key=lambda pair: -pair[0],
    )
    verb = clause_verb(text, grammar)
    chosen: list[Deletion] = []
    for probability, deletion in ranked:
        if probability < model.threshold and (
            words is None or len(render(text, kept_spans(text, chosen)).split()) <= words
        ):
            break
        inside = [other for other in chosen if deletion.overlaps(other)]
        if any(not deletion.contains(other) for other in inside):
            continue  # a larger deletion may take in smaller ones, never cut across them
        rest = [other for other in chosen if other not in inside]
        shorter = render(text, kept_spans(text, [*rest, deletion]))
        if (
            len(shorter.split()) >= MIN_WORDS
            and (not verb or clause_verb(shorter, grammar))
            and (deletion.start > 0 or not _opens_relative(shorter, grammar))
        ):
            chosen = [*rest, deletion]
    return chosen


def _opens_relative(text: str, grammar: HeadlineGrammar) -> bool:
    """Whether the text now opens with a relative pronoun: its noun was deleted."""
    first = text.split(maxsplit=1)[:1]
    return bool(first) and first[0].strip(WORD_EDGE).lower() in grammar.relatives


def _cut(
    text: str, spans: tuple[tuple[int, int], ...], words: int, grammar: HeadlineGrammar | None
) -> tuple[tuple[int, int], ...]:
    """Keep at most the first ``words`` words of the spans, ending at a break if one is there.

    The cut falls after the latest word that ends in a comma, semicolon or colon or comes
    before a dash, leaving at least ``MIN_WORDS`` words; else before the latest function word
    that opens a phrase ("£2.3 million | from elderly customers"); else at the budget. Dangling
    function words of the grammar (``of``, ``the``) are then dropped from the end, and so is
    the start of a name the cut would split ("by Islamic" of "by Islamic State militants").
    """
    ends: list[tuple[int, int, str]] = []  # (span index, end offset, word) per kept word
    dashed: set[int] = set()  # kept words a dash follows: "... soon – but not ..."
    for index, (a, b) in enumerate(spans):
        offset = a
        for word in text[a:b].split():
            offset = text.index(word, offset) + len(word)
            if any(char.isalnum() for char in word):  # a lone mark is no word to end on
                ends.append((index, offset, word))
            elif word in DASHES and ends:
                dashed.add(len(ends))
    limit = ends[:words]
    dangling = grammar.dangling if grammar is not None else frozenset()
    verb = grammar is not None and clause_verb(text, grammar)

    def keeps_clause(n: int) -> bool:
        """Whether the first n kept words still hold a verb outside their asides."""
        if not verb or grammar is None:
            return True
        index, end, _ = ends[n - 1]
        kept = " ".join(text[a:b] for a, b in (*spans[:index], (spans[index][0], end)))
        return clause_verb(kept, grammar)

    best = next(
        (
            n
            for n in range(len(limit), MIN_WORDS - 1, -1)
            if (ends[n - 1][2].endswith((",", ";", ":")) or n in dashed) and keeps_clause(n)
        ),
        next(
            (
                n
                for n in range(len(limit), MIN_WORDS - 1, -1)
                if _phrase_ends(ends, n, dangling) and keeps_clause(n)
            ),
            len(limit),
        ),
    )
    while best > MIN_WORDS and (
        limit[best - 1][2].strip(WORD_EDGE).lower() in dangling
        or (best < len(ends) and _inside_name(limit[best - 1][2], ends[best][2]))
    ):
        best -= 1
    index, end, _ = limit[best - 1]
    return (*spans[:index], (spans[index][0], end))


def _phrase_ends(ends: Sequence[tuple[int, int, str]], n: int, dangling: Set[str]) -> bool:
    """Whether the n-th kept word ends a phrase: the next opens one (``from``, ``the``)."""
    return (
        n < len(ends)
        and ends[n][2].strip(WORD_EDGE).lower() in dangling
        and ends[n - 1][2].strip(WORD_EDGE).lower() not in dangling
    )


def _inside_name(word: str, following: str) -> bool:
    """Whether a cut between the two words would split a capitalised name."""
    return (
        word[:1].isupper()
        and following[:1].isupper()
        and not word.endswith((",", ";", ":", ".", ")"))
    )
