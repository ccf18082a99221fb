import numpy as np
import pytest

from newsgist import features as features_module
from newsgist.features import Features, tokenize
from newsgist.lang import DEFAULT
from newsgist.models import Sentence
from newsgist.segment import segment


def _features(text):
    return Features.of(segment(text))


def test_tokenize_lowercases_and_strips_punctuation():
    assert tokenize('The "Flat-bottomed" boats (62) -- rescued U.S. crews.') == [
        "the",
        "flat-bottomed",
        "boats",
        "62",
        "rescued",
        "u.s",
        "crews",
    ]


def test_terms_drop_stop_words_and_stem():
    features = _features("The rescuers were rescuing people. Rescue boats rescued them.")
    assert features.terms == (("rescuer", "rescu", "peopl"), ("rescu", "boat", "rescu"))
    assert "the" in DEFAULT.stop_words


def test_counts_idf_and_tfidf():
    features = _features("Levee breaks. Levee floods town. Town mayor speaks.")
    levee, speak = features.vocabulary["leve"], features.vocabulary["speak"]
    assert features.counts.shape == (3, len(features.vocabulary))
    assert features.counts[:, levee].tolist() == [1, 1, 0]
    assert features.idf[levee] < features.idf[speak]
    assert np.allclose(np.linalg.norm(features.tfidf, axis=1), 1.0)


def test_cosine_is_symmetric_with_unit_diagonal():
    features = _features("Levee breaks. Levee floods town. Town mayor speaks. Sun.")
    cosine = features.cosine
    assert np.allclose(cosine, cosine.T)
    assert np.allclose(np.diag(cosine), 1.0)
    assert cosine[0, 2] == 0.0


def test_sentences_of_only_stop_words_have_zero_rows():
    features = _features("It was the one. Levee floods town.")
    assert features.terms[0] == ()
    assert not features.tfidf[0].any()


def test_trigrams():
    features = _features("The river rose fast. It rose.")
    assert ("the", "river", "rose") in features.trigrams[0]
    assert features.trigrams[1] == frozenset()


def test_features_cover_at_most_the_cap(monkeypatch):
    monkeypatch.setattr(features_module, "MAX_SENTENCES", 2)
    sentences = [Sentence(i, f"Sentence {i} here.", 0, 0) for i in range(5)]
    assert len(Features.of(sentences)) == 2


def test_a_huge_sentence_is_read_up_to_the_token_cap():
    words = " ".join(f"w{i}" for i in range(features_module.MAX_TOKENS + 5_000))
    features = Features.of([Sentence(0, words + ".", 0, 0)])
    assert len(features.tokens[0]) == features_module.MAX_TOKENS
    assert features.counts.shape == (1, features_module.MAX_TOKENS)


def test_many_sentences_of_distinct_words_stay_within_the_cell_cap():
    sentences = [
        Sentence(i, " ".join(f"w{i}x{j}" for j in range(100)) + ".", 0, 0) for i in range(500)
    ]
    features = Features.of(sentences)
    assert features.counts.size <= features_module.MAX_CELLS
    assert features.cosine.shape == (len(features), len(features))
    assert 1 < len(features) < 500


@pytest.mark.parametrize("text", ["", "...", "The."])
def test_degenerate_inputs(text):
    features = Features.of(segment(text))
    assert features.cosine.shape == (len(features), len(features))


def test_term_table_restart_never_changes_results(monkeypatch):
    first = "Levee breaks near the town. Levee floods town, mayor says."
    second = "Mayor thanks rescuers. Rescuers sleep at last."
    expected = [(f.columns, f.counts.tolist()) for f in (_features(first), _features(second))]
    monkeypatch.setattr(features_module, "_TABLES", {})
    monkeypatch.setattr(features_module, "_TERM_CACHE_SIZE", 12)
    for _ in range(2):
        got = [(f.columns, f.counts.tolist()) for f in (_features(first), _features(second))]
        assert got == expected
        assert len(features_module._TABLES[DEFAULT].ids) <= 12


def test_punctuated_tokens_share_their_word_term():
    features = _features('Floods hit. "Floods," she said -- floods!')
    assert features.terms == (("flood", "hit"), ("flood", "flood"))
    assert features.words[1] == ("floods", "she", "said", "floods")
