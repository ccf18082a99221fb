import numpy as np
import pytest

import newsgist
from newsgist.document import Document
from newsgist.errors import ModelError
from newsgist.ingest import load_text
from newsgist.methods.learned import LearnedSummarizer
from newsgist.segment import segment


def _document(text):
    article = load_text(text)
    return Document(article, tuple(segment(article.body)))


def test_learned_is_the_default(example_page):
    assert newsgist.summarize(example_page).method == "learned"


def test_shipped_model_prefers_the_news_lead_over_a_closing_aside(example_page):
    document = _document(example_page)
    scores = LearnedSummarizer().score(document)
    assert 0 in np.argsort(-scores)[:3]
    assert scores[0] > np.median(scores) > scores[-1]


def test_model_argument_reaches_the_method(tmp_path, example_page):
    # a one-split model that scores sentences of 24 words or fewer high: unlike the shipped
    # one, it must pick among the page's short sentences, so the highlights show which ran
    from newsgist.methods.learned.features import NAMES
    from newsgist.methods.learned.model import SalienceModel

    words = NAMES.index("words")
    short = SalienceModel(
        feature=np.array([words, 0, 0]),
        threshold=np.array([24 / 30.0, np.inf, np.inf]),
        left=np.array([1, 1, 2]),
        right=np.array([2, 1, 2]),
        value=np.array([0.0, 1.0, -1.0]),
        roots=np.array([0]),
        depth=1,
    )
    path = tmp_path / "short.npz"
    short.save(path)
    by_path = newsgist.summarize(example_page, model=path, sentences=2, headline=None)
    default = newsgist.summarize(example_page, sentences=2, headline=None)
    assert [h.text for h in by_path.highlights] != [h.text for h in default.highlights]
    assert all(len(h.text.split()) <= 24 for h in by_path.highlights)
    with pytest.raises(ModelError, match=r"missing\.npz"):
        newsgist.summarize(example_page, model=tmp_path / "missing.npz")


def test_sentences_past_the_feature_cap_rank_last_in_order(monkeypatch):
    from newsgist import features as features_module

    monkeypatch.setattr(features_module, "MAX_SENTENCES", 3)
    document = _document("Rain fell. Rivers rose. Roads shut. Schools closed. Power failed.")
    scores = LearnedSummarizer().score(document)
    assert scores.shape == (5,)
    assert scores[3:].max() < scores[:3].min()
    assert scores[3] > scores[4]
