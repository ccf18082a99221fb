import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgist.document import Document
from newsgist.models import Article
from newsgist.segment import segment
from newsgist.threads import MAX_CLUSTERED, find_threads

FLOOD = (
    "Floodwater from the Varna river swept through the valley town of Oster on Monday.",
    "Rescue boats pulled Oster families from rooftops as the Varna floodwater kept rising.",
    "Families who fled the floodwater slept in the Oster school hall overnight.",
    "The floodwater destroyed two bridges and left the valley town of Oster cut off.",
    "Engineers blamed a levee above Oster that failed after three days of Varna floodwater.",
)
BUDGET = (
    "In the capital, finance minister Lena Haldt delayed the budget vote until spring.",
    "Opposition leaders accused Haldt of delaying a budget vote her coalition would lose.",
    "Two coalition partners told Haldt they would not back her budget in any vote.",
    "Bond markets fell as traders weighed the budget delay and the coalition's split.",
)
STORY = "\n\n".join((*FLOOD, *BUDGET))
"""The flood (sentences 0-4), then a second strand late in the story: the budget vote (5-8)."""


def _threads(text, scores=None):
    document = Document(Article(body=text), tuple(segment(text)))
    count = len(document.sentences)
    scores = np.linspace(1.0, 0.0, count) if scores is None else np.asarray(scores, dtype=float)
    return document, find_threads(document.features, scores)


def test_a_late_strand_is_a_thread_of_its_own():
    _, threads = _threads(STORY)
    assert threads.labels.tolist() == [0] * 5 + [1] * 4
    assert threads.majors == [0, 1]


def test_the_thread_of_the_best_sentence_comes_first():
    scores = [0.1, 0.2, 0.3, 0.2, 0.1, 0.9, 0.2, 0.1, 0.1]  # the budget's sentence 5 is best
    _, threads = _threads(STORY, scores)
    assert threads.labels.tolist() == [1] * 5 + [0] * 4


def test_one_strand_is_one_thread():
    text = " ".join(FLOOD)
    _, threads = _threads(text)
    assert set(threads.labels.tolist()) == {0}


def test_no_sentences_no_threads():
    document = Document(Article(body=""), ())
    threads = find_threads(document.features, np.zeros(0))
    assert threads.labels.size == 0
    assert threads.majors == []


def test_sentences_past_the_clustered_prefix_join_a_thread():
    text = " ".join([FLOOD[0], BUDGET[0]] * (MAX_CLUSTERED // 2 + 20))
    document, threads = _threads(text)
    assert len(threads.labels) == len(document.features) > MAX_CLUSTERED
    labels = threads.labels.tolist()
    assert labels[-2] == labels[0]
    assert labels[-1] == labels[1]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(STORY.split("\n\n")), min_size=1, max_size=20), st.randoms())
def test_thread_invariants(paragraphs, random):
    text = "\n\n".join(paragraphs)
    document = Document(Article(body=text), tuple(segment(text)))
    scores = np.array([random.random() for _ in document.sentences])
    threads = find_threads(document.features, scores)
    n = len(document.features)
    assert threads.labels.shape == (n,)
    assert int(threads.sizes.sum()) == n
    assert set(threads.labels.tolist()) == set(range(len(threads.sizes)))
    assert threads.labels[int(np.argmax(scores[:n]))] == 0
