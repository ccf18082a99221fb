"""Choosing highlights from sentence scores, shared by every method.

A method says how good each sentence is; this module alone decides which are taken, under one
``SelectOptions`` object used alike by the API, the CLI and the service:

- a budget: ``sentences`` (take K) or ``words`` (fill up to N words, never over);
- redundancy control: ``trigram`` blocking (skip a sentence sharing a word trigram with one
  already taken; Paulus et al. 2018) or ``mmr``, maximal marginal relevance (Carbonell &
  Goldstein 1998) with ``mmr_lambda`` weighing relevance against similarity to what is taken;
- an optional ``position_weight``: mixes min-max-scaled scores with a 1/(1 + position) prior.

Highlights come back in document order; ties go to the earlier sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from newsgist.errors import InvalidOptionError

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document

DEFAULT_SENTENCES = 3
"""Highlights taken when neither ``sentences`` nor ``words`` is given."""
MAX_SENTENCES = 50
"""Upper bound on ``sentences``: highlights, not the article again."""
MAX_WORDS = 100_000
"""Upper bound on ``words``."""
Redundancy = Literal["none", "trigram", "mmr"]
REDUNDANCY: tuple[Redundancy, ...] = ("none", "trigram", "mmr")


@dataclass(frozen=True, slots=True)
class SelectOptions:
    """How highlights are chosen; validated at construction, then immutable."""

    sentences: int | None = None
    words: int | None = None
    redundancy: Redundancy | None = None
    """None: the method's own default (see ``Summarizer``), else ``none``."""
    mmr_lambda: float = 0.7
    position_weight: float = 0.0

    def __post_init__(self) -> None:
        if self.sentences is not None and self.words is not None:
            raise InvalidOptionError("give a sentence budget or a word budget, not both")
        _check_int("sentences", self.sentences, MAX_SENTENCES)
        _check_int("words", self.words, MAX_WORDS)
        if self.redundancy is not None and self.redundancy not in REDUNDANCY:
            raise InvalidOptionError(
                f"redundancy must be one of {', '.join(REDUNDANCY)}, not {self.redundancy!r}"
            )
        for name in ("mmr_lambda", "position_weight"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise InvalidOptionError(f"{name} must be a number in [0, 1], not {value!r}")

    @property
    def count(self) -> int | None:
        """How many sentences to take, or None under a word budget."""
        if self.words is not None:
            return None
        return DEFAULT_SENTENCES if self.sentences is None else self.sentences


def _check_int(name: str, value: object, largest: int) -> None:
    """Validate an optional positive integer option."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidOptionError(f"{name} must be an integer, not {value!r}")
    if not 1 <= value <= largest:
        raise InvalidOptionError(f"{name} must be between 1 and {largest}, not {value}")


def top_k_in_order(scores: npt.NDArray[np.float64], k: int) -> list[int]:
    """Return the indices of the ``k`` best scores (earlier wins ties) in document order."""
    if k <= 0 or scores.size == 0:
        return []
    return sorted(int(i) for i in _ranking(scores)[:k])


def select(
    document: Document, scores: npt.NDArray[np.float64], options: SelectOptions
) -> list[int]:
    """Pick the sentences to highlight under ``options``, in document order."""
    if not np.all(np.isfinite(scores)):
        raise ValueError("scores must be finite")
    if scores.size == 0:
        return []
    if options.position_weight:
        scaled = _minmax(scores)
        prior = 1.0 / (1.0 + np.arange(scores.size))
        scores = (1 - options.position_weight) * scaled + options.position_weight * prior
    count = options.count
    if options.redundancy in (None, "none") and count is not None:
        return top_k_in_order(scores, count)
    lengths = [len(s.text.split()) for s in document.sentences]
    if options.words is not None and min(lengths) > options.words:
        raise InvalidOptionError(
            f"no sentence fits in {options.words} words; the shortest has {min(lengths)}"
        )
    if options.redundancy == "mmr":
        chosen = _mmr(document, scores, options, lengths)
    else:
        chosen = _greedy(document, scores, options, lengths)
    return sorted(chosen)


def _greedy(
    document: Document, scores: npt.NDArray[np.float64], options: SelectOptions, lengths: list[int]
) -> list[int]:
    """Take sentences best first, skipping those over budget or trigram-blocked."""
    chosen: list[int] = []
    used = 0
    seen: set[tuple[str, str, str]] = set()
    blocking = options.redundancy == "trigram"
    for i in (int(i) for i in _ranking(scores)):
        if options.count is not None and len(chosen) == options.count:
            break
        if options.words is not None and used + lengths[i] > options.words:
            continue
        if blocking:
            trigrams = _trigrams(document, i)
            if trigrams & seen:
                continue
            seen |= trigrams
        chosen.append(i)
        used += lengths[i]
    return chosen


def _mmr(
    document: Document, scores: npt.NDArray[np.float64], options: SelectOptions, lengths: list[int]
) -> list[int]:
    """Take sentences by maximal marginal relevance until the budget is spent.

    Candidates are the sentences the shared features cover (a bounded prefix, so the
    similarity matrix is too); methods rank any others last in any case.
    """
    covered = len(document.features)
    relevance = _minmax(scores[:covered])
    similarity = document.features.cosine
    closest = np.zeros(covered)
    available = np.ones(covered, dtype=bool)
    chosen: list[int] = []
    used = 0
    budget = np.array(lengths[:covered])
    while options.count is None or len(chosen) < options.count:
        if options.words is not None:
            available &= budget <= options.words - used
        if not available.any():
            break
        gain = options.mmr_lambda * relevance - (1 - options.mmr_lambda) * closest
        best = int(np.argmax(np.where(available, gain, -np.inf)))
        chosen.append(best)
        used += lengths[best]
        available[best] = False
        closest = np.maximum(closest, similarity[best])
    return chosen


def _ranking(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.intp]:
    """Sentence indices, best score first, earlier first among equals."""
    return np.lexsort((np.arange(scores.size), -scores))


def _minmax(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Scale scores to [0, 1]; all-equal scores become 1."""
    low, high = float(scores.min()), float(scores.max())
    if high == low:
        return np.ones_like(scores)
    return (scores - low) / (high - low)


def _trigrams(document: Document, index: int) -> frozenset[tuple[str, str, str]]:
    """Word trigrams of one sentence, from the shared features where they cover it."""
    features = document.features
    if index < len(features):
        return features.trigrams[index]
    from newsgist.features import tokenize

    words = tokenize(document.sentences[index].text)
    return frozenset(zip(words, words[1:], words[2:], strict=False))
