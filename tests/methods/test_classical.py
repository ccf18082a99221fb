"""Behaviour of textrank, lexrank and centroid on small articles written for the purpose."""

import numpy as np
import pytest

from newsgist import features as features_module
from newsgist.document import Document
from newsgist.errors import InvalidOptionError
from newsgist.methods.centroid import CentroidSummarizer
from newsgist.methods.graph import pagerank
from newsgist.methods.lexrank import LexRankSummarizer
from newsgist.methods.textrank import TextRankSummarizer
from newsgist.models import Article
from newsgist.segment import segment

# Sentence 2 shares its terms with every other sentence: the centre of the story.
STORY = (
    "Harbor officials said on Monday the old pier was unsafe. "
    "Fishermen kept boats at the pier anyway. "
    "The pier, the harbor and the fishing boats were all damaged when the storm hit. "
    "A storm warning came too late for the harbor. "
    "Several fishing boats sank near the pier. "
    "Elsewhere, a bakery reopened."
)
METHODS = [TextRankSummarizer, LexRankSummarizer, CentroidSummarizer]


def _document(text):
    return Document(Article(body=text), tuple(segment(text)))


@pytest.mark.parametrize("method", METHODS)
def test_central_sentence_wins_and_off_topic_loses(method):
    scores = method().score(_document(STORY))
    assert int(np.argmax(scores)) == 2
    assert int(np.argmin(scores)) == 5


@pytest.mark.parametrize("method", [TextRankSummarizer, LexRankSummarizer])
def test_graph_scores_are_a_distribution(method):
    scores = method().score(_document(STORY))
    assert scores.sum() == pytest.approx(1.0)
    assert np.all(scores > 0)


def test_lexrank_threshold_makes_an_unweighted_graph():
    document = _document(STORY)
    continuous = LexRankSummarizer().score(document)
    thresholded = LexRankSummarizer(threshold=0.1).score(document)
    assert not np.allclose(continuous, thresholded)
    everything = LexRankSummarizer(threshold=0.0).score(_document("Boats sank. Cars sank. Sank."))
    assert np.allclose(everything, everything[0])


def test_pagerank_matches_power_iteration():
    rng = np.random.default_rng(0)
    weights = rng.random((6, 6))
    np.fill_diagonal(weights, 0)
    weights[3] = 0  # a dangling node
    scores = pagerank(weights, damping=0.85)
    sums = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, sums, out=np.full_like(weights, 1 / 6), where=sums > 0)
    power = np.full(6, 1 / 6)
    for _ in range(500):
        power = 0.15 / 6 + 0.85 * transition.T @ power
    assert np.allclose(scores, power)


@pytest.mark.parametrize(
    ("method", "options"),
    [
        (TextRankSummarizer, {"damping": 1.0}),
        (LexRankSummarizer, {"damping": 0.0}),
        (LexRankSummarizer, {"threshold": 1.5}),
        (CentroidSummarizer, {"topic": -0.1}),
    ],
)
def test_bad_options_are_refused(method, options):
    with pytest.raises(InvalidOptionError):
        method(**options)


@pytest.mark.parametrize("method", METHODS)
def test_sentences_past_the_feature_cap_rank_last_in_order(method, monkeypatch):
    monkeypatch.setattr(features_module, "MAX_SENTENCES", 3)
    document = _document(STORY)
    scores = method().score(document)
    assert scores.shape == (6,)
    assert scores[3:].max() < scores[:3].min()
    assert list(scores[3:]) == sorted(scores[3:], reverse=True)
