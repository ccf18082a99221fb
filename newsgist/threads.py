"""The threads of a story: groups of sentences about one strand (the event, a reaction, a ruling).

News copy interleaves strands: the lead event, a reaction abroad, back to the event, a court
ruling, the markets. Real highlights take one point from each, so selection needs to know them.

Average-linkage clustering (agglomerative, as in Lance & Williams 1967) of the sentences'
TF-IDF vectors, each smoothed with half of its neighbours' (TextTiling's lexical cohesion:
Hearst 1997), so that a sentence that names no one still goes with the strand around it.
Clusters merge while their mean cosine similarity is at least ``JOIN``. Sentences past
``MAX_CLUSTERED`` join the thread of the clustered sentence they are most similar to, which
bounds the cost (cubic in the clustered count, about 0.2 ms for a 40-sentence story).

Threads are numbered by importance: the thread holding the best-scored sentence is 0, and so
on; a *major* thread has at least ``MIN_MAJOR`` sentences. ``JOIN`` and ``NEIGHBOUR_WEIGHT``
were chosen by thread coverage on the development stories of ``benchmarks/threads.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.features import Features

JOIN = 0.1
"""Two clusters merge while the mean cosine similarity between their sentences reaches this."""
NEIGHBOUR_WEIGHT = 0.25
"""Share of each neighbouring sentence's TF-IDF vector added to a sentence's own."""
MIN_MAJOR = 2
"""Sentences a thread needs to count as a thread of the story rather than an aside."""
DISTINCTNESS = 10.0
"""Weight of a thread's similarity to the threads ranked before it (see ``_ranked``)."""
MAX_CLUSTERED = 150
"""Sentences clustered at most (about four long stories' worth); the rest are assigned."""


@dataclass(frozen=True, slots=True)
class Threads:
    """The thread of each covered sentence, numbered by importance (0: the main one)."""

    labels: npt.NDArray[np.intp]
    sizes: npt.NDArray[np.intp]

    @property
    def majors(self) -> list[int]:
        """The major threads, most important first."""
        return [int(t) for t in np.flatnonzero(self.sizes >= MIN_MAJOR)]


def find_threads(features: Features, scores: npt.NDArray[np.float64]) -> Threads:
    """Group the sentences ``features`` covers into threads ranked by ``scores``."""
    n = len(features)
    if n == 0:
        return Threads(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp))
    cosine = features.cosine
    mixing = _smoothing(cosine)
    similarity = mixing @ cosine @ mixing.T
    clustered = min(n, MAX_CLUSTERED)
    labels = np.empty(n, dtype=np.intp)
    labels[:clustered] = _average_linkage(similarity[:clustered, :clustered])
    if n > clustered:
        nearest = np.argmax(similarity[clustered:, :clustered], axis=1)
        labels[clustered:] = labels[nearest]
    return _ranked(labels, scores[:n], mixing, cosine)


def _smoothing(cosine: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Return the matrix that turns TF-IDF rows into smoothed, L2-normalised ones.

    Row i adds ``NEIGHBOUR_WEIGHT`` of rows i-1 and i+1 to row i and divides by the norm of the
    sum. Every product of smoothed vectors is then a product of this matrix with the cosine
    matrix (``W C Wᵀ``): no work in the vocabulary's dimension.
    """
    n = len(cosine)
    mixing = np.eye(n)
    beside = np.arange(n - 1)
    mixing[beside, beside + 1] = mixing[beside + 1, beside] = NEIGHBOUR_WEIGHT
    squared = ((mixing @ cosine) * mixing).sum(axis=1)
    norms = np.sqrt(np.maximum(squared, 0.0))
    norms[norms == 0] = 1.0
    scaled: npt.NDArray[np.float64] = mixing / norms[:, None]
    return scaled


def _average_linkage(similarity: npt.NDArray[np.float64]) -> npt.NDArray[np.intp]:
    """Cluster labels from merging the closest clusters while their mean similarity >= JOIN.

    ``linked`` holds the mean similarity between live clusters (Lance-Williams update for
    average linkage); merged-away clusters are set to -inf. Sizes and owners are Python
    lists: a story has a few dozen sentences, and numpy's per-call cost is the loop's, so
    each merge updates row ``a`` in place (its -inf cells, ``a`` and ``b`` among them, stay
    -inf) and then copies it to column ``a``.
    """
    n = len(similarity)
    linked = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(linked, -np.inf)
    flat = linked.reshape(-1)
    sizes = [1.0] * n
    merged_into = list(range(n))
    for _ in range(n - 1):
        best = int(flat.argmax())
        if flat[best] < JOIN:
            break
        a, b = divmod(best, n)
        total = sizes[a] + sizes[b]
        merged = linked[a]
        merged *= sizes[a] / total
        merged += linked[b] * (sizes[b] / total)
        linked[:, a] = merged
        linked[b] = linked[:, b] = -np.inf
        sizes[a] = total
        merged_into[b] = a
    owner = []
    for i in range(n):  # follow each merge to the cluster that absorbed it last
        root = i
        while merged_into[root] != root:
            root = merged_into[root]
        owner.append(root)
    number = {root: label for label, root in enumerate(sorted(set(owner)))}
    return np.array([number[root] for root in owner], dtype=np.intp)


def _ranked(
    labels: npt.NDArray[np.intp],
    scores: npt.NDArray[np.float64],
    mixing: npt.NDArray[np.float64],
    cosine: npt.NDArray[np.float64],
) -> Threads:
    """Renumber threads by importance: the best-scored first, then the next most distinct.

    After the main thread, each next one is the major thread with the highest best score less
    ``DISTINCTNESS`` times its centroid's cosine similarity to the threads already ranked: a
    strand that repeats the main one (more pictures of the same event) ranks below one that
    brings something new (a reaction abroad). Minor threads follow by best score.
    """
    count = int(labels.max()) + 1
    members = labels[None, :] == np.arange(count)[:, None]
    best = np.where(members, scores[None, :], -np.inf).max(axis=1)
    sizes = members.sum(axis=1)
    sums = members.astype(np.float64) @ mixing  # each thread's summed smoothed vector ...
    products = sums @ cosine @ sums.T  # ... and their products, from the cosine matrix alone
    norms = np.sqrt(np.maximum(np.diag(products), 0.0))
    norms[norms == 0] = 1.0
    centroid_cosine = products / np.outer(norms, norms)
    by_score = np.lexsort((np.arange(count), -best)).tolist()
    order = by_score[:1]
    major = (sizes >= MIN_MAJOR).tolist()
    pending = [t for t in by_score[1:] if major[t]]
    if pending:  # a few threads: Python floats cost less than numpy calls
        best_of, similar = best.tolist(), centroid_cosine.T.tolist()  # similar[t]: column t
        closest = similar[order[0]]  # each thread's nearest ranked one
        while pending:
            pick = max(pending, key=lambda t: best_of[t] - DISTINCTNESS * closest[t])
            order.append(pick)
            pending.remove(pick)
            closest = [max(c, s) for c, s in zip(closest, similar[pick], strict=True)]
    order += [t for t in by_score if t not in order]
    rank = np.empty(count, dtype=np.intp)
    rank[order] = np.arange(count)
    renumbered = rank[labels]
    return Threads(renumbered, np.bincount(renumbered, minlength=count).astype(np.intp))
