"""One contract suite, run against every registered method."""

import numpy as np
import pytest

from newsgist.document import Document
from newsgist.ingest import load_text
from newsgist.registry import methods
from newsgist.segment import segment


def _document(text):
    article = load_text(text)
    return Document(article, tuple(segment(article.body)))


@pytest.fixture(params=methods.names())
def summarizer(request):
    return methods.get(request.param)()


def test_one_finite_score_per_sentence(summarizer, example_page):
    document = _document(example_page)
    scores = np.asarray(summarizer.score(document), dtype=np.float64)
    assert scores.shape == (len(document.sentences),)
    assert np.all(np.isfinite(scores))


def test_scores_are_deterministic(summarizer, example_page):
    document = _document(example_page)
    assert np.array_equal(summarizer.score(document), summarizer.score(document))


@pytest.mark.parametrize("text", ["The ferry sank.", "The ferry sank. All were saved."])
def test_tiny_articles_work(summarizer, text):
    document = _document(text)
    assert len(summarizer.score(document)) == len(document.sentences)
