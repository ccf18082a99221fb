import random

import numpy as np
import pytest

from newsgist.document import Document
from newsgist.errors import InvalidOptionError
from newsgist.evaluate import Record
from newsgist.ingest import load_text
from newsgist.methods.learned import LearnedSummarizer
from newsgist.methods.learned.train import TrainOptions, balanced, examples, fit, oracle
from newsgist.segment import segment

TOWNS = ["Marlow Bend", "Harlan Falls", "Eastgate", "Pine Ridge", "Corran", "Wexley"]
PLACES = ["harbour", "market square", "old mill", "rail depot", "county hall", "river path"]
FILLER = [
    "Residents of {town} walked past the {place} in the morning.",
    "The weather near the {place} stayed mild for most of the week.",
    "Shops around the {place} in {town} opened at the usual hour.",
    "Children played by the {place} while their parents talked.",
    "A local choir rehearsed near the {place} that evening.",
    "Traffic moved slowly along the road to the {place}.",
]
SIGNAL = 'Inspectors counted {n} cracked beams at the {place}, "a serious risk," Chief {name} said.'
NAMES = ["Okafor", "Lindqvist", "Brennan", "Tanaka", "Moreau", "Silva"]


def _article(rng):
    """A made-up story whose highlights are always its two inspection sentences."""
    town, sentences = rng.choice(TOWNS), []
    for _ in range(rng.randint(7, 11)):
        sentences.append(rng.choice(FILLER).format(town=town, place=rng.choice(PLACES)))
    signals = [
        SIGNAL.format(n=rng.randint(12, 950), place=rng.choice(PLACES), name=rng.choice(NAMES))
        for _ in range(2)
    ]
    for signal in signals:
        sentences.insert(rng.randint(2, len(sentences)), signal)
    return " ".join(sentences), signals


def _records(count, seed):
    rng = random.Random(seed)
    return [Record(str(i), *_article(rng)) for i in range(count)]


def test_oracle_picks_the_sentences_that_match_the_reference():
    sentences = [["rain", "fell"], ["the", "dam", "broke", "at", "dawn"], ["crowds", "cheered"]]
    assert oracle(sentences, ["the", "dam", "broke", "at", "dawn"]) == [1]
    assert oracle(sentences, ["dam", "broke", "crowds", "cheered"]) == [1, 2]


def test_training_recovers_a_planted_signal(tmp_path):
    data = examples(_records(60, seed=1))
    assert data.articles == 60
    assert data.labels.sum() == 120  # the oracle finds exactly the two planted sentences
    model = fit(data, TrainOptions(iterations=40), note="planted")
    path = tmp_path / "planted.npz"
    model.save(path)
    summarizer = LearnedSummarizer(model=path)
    for text, signals in (_article(random.Random(seed)) for seed in range(100, 120)):
        article = load_text(text)
        document = Document(article, tuple(segment(article.body)))
        top = np.argsort(-summarizer.score(document))[:2]
        assert {document.sentences[i].text for i in top} == set(signals)


def test_training_is_deterministic():
    data = examples(_records(30, seed=2))
    first, second = fit(data, TrainOptions(iterations=10)), fit(data, TrainOptions(iterations=10))
    assert np.array_equal(first.threshold, second.threshold)
    assert np.array_equal(first.value, second.value)


def test_unusable_records_are_counted_not_fatal():
    records = [*_records(5, seed=3), Record("x", "no punctuation here", ("a highlight",))]
    assert examples(records).skipped == 1
    with pytest.raises(InvalidOptionError, match="no usable training records"):
        examples([Record("x", "no punctuation here", ("a highlight",))])


@pytest.mark.parametrize(
    "settings", [{"iterations": 0}, {"depth": 13}, {"learning_rate": 0.0}, {"min_leaf": True}]
)
def test_bad_training_options(settings):
    with pytest.raises(InvalidOptionError):
        TrainOptions(**settings)


def test_each_source_weighs_the_same_however_many_articles_it_holds():
    small, large = examples(_records(5, seed=3)), examples(_records(40, seed=4))
    joined = balanced([small, large])
    assert joined.articles == 45
    assert joined.weights is not None
    assert len(joined.weights) == len(joined.labels)
    assert joined.weights.mean() == pytest.approx(1.0)
    first = len(small.labels)
    per_article = (joined.weights[:first].sum() / 5, joined.weights[first:].sum() / 40)
    assert per_article[0] > 5 * per_article[1]  # the small source's articles count for more
    shares = joined.weights[:first].sum(), joined.weights[first:].sum()
    sentences_per_article = (first / 5, (len(joined.labels) - first) / 40)
    assert shares[0] / shares[1] == pytest.approx(
        sentences_per_article[0] / sentences_per_article[1]
    )


def test_no_sources_no_training():
    with pytest.raises(InvalidOptionError):
        balanced([])
