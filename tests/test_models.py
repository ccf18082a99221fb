import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgist.errors import InvalidInputError
from newsgist.models import Article, ArticleMeta, Highlight, Sentence, SentenceScore, Summary

texts = st.text(max_size=40)
meta = st.builds(
    ArticleMeta,
    title=st.none() | texts,
    credit=st.none() | texts,
    byline=st.none() | texts,
    source=st.none() | texts,
    published=st.none() | texts,
    site=st.none() | texts,
    language=st.none() | texts,
    url=st.none() | texts,
    reference_highlights=st.lists(texts, max_size=4).map(tuple),
    metadata=st.dictionaries(texts, texts, max_size=3),
)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
highlights = st.builds(
    Highlight,
    text=texts,
    sources=st.lists(st.integers(0, 500), max_size=3).map(tuple),
    spans=st.lists(spans, max_size=3).map(tuple),
    thread=st.none() | st.integers(0, 40),
)
summaries = st.builds(
    Summary,
    headline=texts,
    highlights=st.lists(highlights, max_size=4).map(tuple),
    method=st.sampled_from(["lead", "textrank"]),
    headline_origin=st.sampled_from(["title", "compress", "first-words"]),
    headline_sources=st.lists(st.integers(0, 50), max_size=2).map(tuple),
    headline_spans=st.lists(st.tuples(st.integers(0, 99), st.integers(100, 200)), max_size=2).map(
        tuple
    ),
    article=meta,
    timings=st.dictionaries(st.sampled_from(["ingest", "segment", "total"]), st.floats(0, 10)),
    sentences=st.lists(
        st.builds(
            SentenceScore,
            index=st.integers(0, 500),
            start=st.integers(0, 10_000),
            end=st.integers(0, 10_000),
            score=st.floats(-10, 10),
            thread=st.none() | st.integers(0, 40),
        ),
        max_size=3,
    ).map(tuple),
)


@given(summaries)
def test_summary_round_trips_through_json(summary):
    assert Summary.from_dict(json.loads(json.dumps(summary.to_dict()))) == summary


@given(meta, texts)
def test_article_round_trips_through_json(info, body):
    article = Article(body=body, **{f: getattr(info, f) for f in ArticleMeta.__dataclass_fields__})
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
    assert article.meta == info


def test_sentence_round_trips():
    sentence = Sentence(index=2, text="It ended.", start=10, end=19, paragraph=1)
    assert Sentence.from_dict(sentence.to_dict()) == sentence


def test_highlight_from_sentences_traces_sources():
    sentences = [Sentence(0, "One\n  two.", 0, 10), Sentence(1, "Three.", 11, 17)]
    highlight = Highlight.from_sentences(sentences)
    assert highlight.text == "One two. Three."
    assert highlight.sources == (0, 1)
    assert highlight.spans == ((0, 10), (11, 17))


@pytest.mark.parametrize(
    "data",
    [
        {"highlights": [], "method": "lead"},
        {"headline": 3, "highlights": [], "method": "lead"},
        {"headline": "x", "highlights": "no", "method": "lead"},
        {"headline": "x", "highlights": [{"text": "a", "sources": ["z"]}], "method": "lead"},
        {"headline": "x", "highlights": [{"text": "a", "spans": [[1]]}], "method": "lead"},
        {"headline": "x", "highlights": [], "method": "lead", "headline_origin": 3},
        {"headline": "x", "highlights": [], "method": "lead", "headline_sources": ["a"]},
        {"headline": "x", "highlights": [], "method": "lead", "headline_spans": [[1, 2, 3]]},
        {"headline": "x", "highlights": [], "method": "lead", "timings": {"total": "fast"}},
        {"headline": "x", "highlights": [], "method": "lead", "article": {"title": 5}},
        {"headline": "x", "highlights": [], "method": "lead", "article": {"metadata": {"a": 1}}},
    ],
)
def test_malformed_summary_dicts_raise_clear_errors(data):
    with pytest.raises(InvalidInputError):
        Summary.from_dict(data)


def test_models_are_frozen():
    with pytest.raises(AttributeError):
        Sentence(0, "a.", 0, 2).text = "b."  # type: ignore[misc]


@pytest.mark.parametrize("bad", [True, "0", 1.5])
def test_a_thread_that_is_no_integer_is_refused(bad):
    with pytest.raises(InvalidInputError, match="'thread' must be an integer or null"):
        Highlight.from_dict({"text": "x", "sources": [0], "spans": [[0, 1]], "thread": bad})
