"""Fitting a salience model from articles with reference highlights (``newsgist train``).

Labels: for each article, a greedy ROUGE oracle picks the sentences (at most
``ORACLE_SENTENCES``) whose union best matches the reference highlights, scoring the mean of
ROUGE-1 and ROUGE-2 F1 with the same tokenizer and stemmer as ``newsgist evaluate``; those
sentences are positives, all others negatives (Nallapati et al. 2017, SummaRuNNer). A
gradient-boosted tree classifier (scikit-learn's histogram boosting, the ``train`` extra) then
learns P(highlight | salience features), and its trees are exported to a numpy-only
``SalienceModel``. Training is deterministic for a given seed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from newsgist.__version__ import __version__
from newsgist.document import Document
from newsgist.errors import InvalidOptionError, MissingDependencyError, NewsgistError
from newsgist.ingest import load_text
from newsgist.methods.learned.features import NAMES, salience_features
from newsgist.methods.learned.model import SalienceModel
from newsgist.segment import has_terminator, segment

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.evaluate.records import Record

ORACLE_SENTENCES = 4
"""The oracle stops adding sentences at this many, or sooner when none raises its ROUGE."""


@dataclass(frozen=True, slots=True)
class TrainOptions:
    """Settings of the tree ensemble; the defaults are those of the shipped model."""

    iterations: int = 200
    depth: int = 4
    learning_rate: float = 0.05
    min_leaf: int = 20
    seed: int = 0

    def __post_init__(self) -> None:
        for name, low, high in (("iterations", 1, 5000), ("depth", 1, 12), ("min_leaf", 1, 10**6)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise InvalidOptionError(f"{name} must be an integer in [{low}, {high}]")
        if not 0.0 < self.learning_rate <= 1.0:
            raise InvalidOptionError("learning_rate must be in (0, 1]")


@dataclass(frozen=True, slots=True)
class Examples:
    """Feature rows, oracle labels and row weights of many articles, with what was left out."""

    rows: npt.NDArray[np.float64]
    labels: npt.NDArray[np.float64]
    articles: int
    skipped: int
    weights: npt.NDArray[np.float64] | None = None
    """None: every row weighs the same."""


def balanced(parts: Sequence[Examples]) -> Examples:
    """Join the examples of several sources so that each source weighs the same in training.

    Newsrooms differ in size and style: without this, the largest file would set the model's
    idea of a highlight. Each sentence of a source weighs one over the source's article count.
    """
    if not parts:
        raise InvalidOptionError("no training data")
    joined = np.concatenate([np.full(len(part.labels), 1.0 / part.articles) for part in parts])
    return Examples(
        np.vstack([part.rows for part in parts]),
        np.concatenate([part.labels for part in parts]),
        sum(part.articles for part in parts),
        sum(part.skipped for part in parts),
        joined / joined.mean(),
    )


def examples(records: Iterable[Record]) -> Examples:
    """Segment each record, compute its salience features and label them with the oracle.

    Records ``summarize`` would refuse (empty, no sentence punctuation) or whose highlights
    have no words are counted in ``skipped``, not fatal.
    """
    tokenizer = _rouge_tokenizer()
    rows: list[npt.NDArray[np.float64]] = []
    labels: list[npt.NDArray[np.float64]] = []
    skipped = 0
    for record in records:
        try:
            article = load_text(record.article)
        except NewsgistError:
            skipped += 1
            continue
        sentences = tuple(segment(article.body)) if has_terminator(article.body) else ()
        reference = tokenizer.tokenize(" ".join(record.highlights))
        if not sentences or not reference:
            skipped += 1
            continue
        chosen = oracle([tokenizer.tokenize(s.text) for s in sentences], reference)
        label = np.zeros(len(sentences))
        label[chosen] = 1.0
        features = salience_features(Document(article, sentences))
        rows.append(features)
        labels.append(label[: len(features)])  # sentences past the features' cover: no row
    if not rows:
        raise InvalidOptionError("no usable training records: each needs an article and highlights")
    return Examples(np.vstack(rows), np.concatenate(labels), len(rows), skipped)


def oracle(sentences: Sequence[Sequence[str]], reference: Sequence[str]) -> list[int]:
    """Greedily pick the sentences whose union best matches ``reference`` (ROUGE-1/2 F1 mean)."""
    targets = (Counter(reference), Counter(pairwise(reference)))
    grams = [(Counter(s), Counter(pairwise(s))) for s in sentences]
    chosen: list[int] = []
    taken: tuple[Counter[Any], Counter[Any]] = (Counter(), Counter())
    best = 0.0
    while len(chosen) < ORACLE_SENTENCES:
        pick = None
        for i, (unigrams, bigrams) in enumerate(grams):
            if i in chosen:
                continue
            gain = (_f1(taken[0] + unigrams, targets[0]) + _f1(taken[1] + bigrams, targets[1])) / 2
            if gain > best + 1e-12:
                best, pick = gain, i
        if pick is None:
            break
        chosen.append(pick)
        taken = (taken[0] + grams[pick][0], taken[1] + grams[pick][1])
    return sorted(chosen)


def _f1(candidate: Counter[Any], target: Counter[Any]) -> float:
    """ROUGE-N F1 of n-gram counts."""
    overlap = sum((candidate & target).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(target.values())
    return 2 * precision * recall / (precision + recall)


def fit(data: Examples, options: TrainOptions | None = None, **info: Any) -> SalienceModel:  # noqa: ANN401
    """Fit boosted trees to labelled rows and export them as a numpy-only model."""
    options = options or TrainOptions()
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError as error:
        raise MissingDependencyError("newsgist train", "train", error.name) from None
    if len(np.unique(data.labels)) < 2:
        raise InvalidOptionError("training needs both highlight and non-highlight sentences")
    classifier = HistGradientBoostingClassifier(
        max_iter=options.iterations,
        max_depth=options.depth,
        learning_rate=options.learning_rate,
        min_samples_leaf=options.min_leaf,
        early_stopping=False,
        random_state=options.seed,
    ).fit(data.rows, data.labels, sample_weight=data.weights)
    details = {
        "newsgist": __version__,
        "articles": data.articles,
        "sentences": len(data.labels),
        "positives": int(data.labels.sum()),
        "options": {name: getattr(options, name) for name in TrainOptions.__slots__},
        **info,
    }
    return _export(classifier, details)


def _export(classifier: Any, info: dict[str, Any]) -> SalienceModel:  # noqa: ANN401
    """Flatten scikit-learn's fitted trees into ``SalienceModel`` arrays."""
    trees = [predictors[0].nodes for predictors in classifier._predictors]
    offsets = np.cumsum([0] + [len(t) for t in trees[:-1]])
    nodes = np.concatenate(trees)
    ids = np.arange(len(nodes))
    offset = np.repeat(offsets, [len(t) for t in trees])
    leaf = nodes["is_leaf"].astype(bool)
    return SalienceModel(
        feature=np.where(leaf, 0, nodes["feature_idx"]).astype(np.intp),
        threshold=np.where(leaf, np.inf, nodes["num_threshold"]),
        left=np.where(leaf, ids, nodes["left"] + offset).astype(np.intp),
        right=np.where(leaf, ids, nodes["right"] + offset).astype(np.intp),
        value=np.where(leaf, nodes["value"], 0.0),
        roots=offsets.astype(np.intp),
        depth=int(nodes["depth"].max()),
        base=float(np.ravel(classifier._baseline_prediction)[0]),
        features=NAMES,
        info=info,
    )


def _rouge_tokenizer() -> Any:  # noqa: ANN401 - rouge-score ships no type information
    """rouge-score's tokenizer with the Porter stemmer: labels match how ROUGE is scored."""
    try:
        from rouge_score.tokenizers import DefaultTokenizer
    except ImportError as error:
        raise MissingDependencyError("newsgist train", "train", error.name) from None
    return DefaultTokenizer(use_stemmer=True)
