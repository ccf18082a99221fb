import numpy as np
import pytest

import newsgist
from newsgist.document import Document
from newsgist.headlines import Headliner, get, names, register
from newsgist.ingest import load_text
from newsgist.models import Headline
from newsgist.segment import segment
from tests.headlines.conftest import unfaithful_words


def _document(text: str) -> Document:
    article = load_text(text)
    return Document(article, tuple(segment(article.body)))


@pytest.mark.parametrize("name", names())
def test_every_generator_keeps_the_contract(name, any_article):
    document = _document(any_article)
    scores = -np.arange(len(document.sentences), dtype=np.float64)
    headliner = get(name)()
    assert isinstance(headliner, Headliner)
    first = headliner.write(document, scores, words=8)
    assert first == headliner.write(document, scores, words=8)  # deterministic
    assert 0 < len(first.text.split()) <= 8
    (source,) = first.sources
    sentence = document.sentences[source]
    assert first.spans == ((sentence.start, sentence.end),)
    assert document.article.body[sentence.start : sentence.end] == sentence.text
    assert not unfaithful_words(first.text, sentence.text)  # words of its own sentence


def test_first_words_is_the_start_of_the_first_sentence():
    document = _document("Floodwater poured through the old river town on Tuesday. It rose.")
    headline = get("first-words")().write(document, np.array([0.0, 9.0]), words=4)
    text = "Floodwater poured through the old river town on Tuesday."
    assert headline == Headline("Floodwater poured through the", (0,), ((0, len(text)),))


def test_a_registered_generator_is_used_by_name():
    @register("test-shout")
    class Shout:
        def write(self, document, scores, *, words):
            return Headline(document.sentences[0].text.upper(), (0,))

    summary = newsgist.summarize("The ferry sank. All were saved.", headline="test-shout")
    assert (summary.headline, summary.headline_origin) == ("THE FERRY SANK.", "test-shout")
