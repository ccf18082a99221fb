"""The shipped deletion model and ``compress_sentence``: what it cuts, and what it never breaks."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgist.compress import MIN_WORDS, DeletionModel, compress_sentence
from newsgist.compress.deletions import Deletion
from newsgist.compress.model import DIMENSIONS, features, shipped_model
from newsgist.lang import lookup
from newsgist.lang.neutral import NEUTRAL

ENGLISH = lookup("en")


def _model(bias: float) -> DeletionModel:
    """A model that deletes everything (high bias) or nothing (low bias)."""
    return DeletionModel(np.zeros(DIMENSIONS, dtype=np.float32), bias, 0.5)


def test_the_shipped_model_is_small_and_well_formed():
    model = shipped_model()
    assert model.weights.shape == (DIMENSIONS,)
    assert 0 < model.threshold < 1
    assert np.isfinite(model.weights).all()


def test_the_shipped_model_cuts_a_trailing_attribution_and_an_aside():
    text = (
        "The ferry operator has suspended all crossings to the island (the only link for"
        " its 900 residents) until the storm passes, a spokesman said."
    )
    short = compress_sentence(text, ENGLISH)
    assert "spokesman said" not in short.text
    assert short.text.startswith("The ferry operator has suspended all crossings")
    assert short.text.endswith(".")


def test_spans_are_the_words_kept_in_order():
    text = "The mayor, who was elected in May, resigned on Friday, aides said."
    short = compress_sentence(text, ENGLISH, model=_model(5.0))
    kept = " ".join(text[a:b] for a, b in short.spans).split()
    assert _words(short.text.split()) == _words(kept)


def test_a_model_that_deletes_nothing_returns_the_sentence():
    text = "The mayor, who was elected in May, resigned on Friday, aides said."
    short = compress_sentence(text, ENGLISH, model=_model(-5.0))
    assert short.text == text
    assert short.spans == ((0, len(text)),)


def test_deleting_never_leaves_fewer_than_the_minimum_or_drops_the_last_verb():
    text = "After the long and bitter strike, workers returned, union leaders said."
    short = compress_sentence(text, ENGLISH, model=_model(5.0))
    assert len(short.text.split()) >= MIN_WORDS or short.text.rstrip(".") == text.rstrip(".")
    assert "returned" in short.text


def test_a_budget_cut_never_splits_a_name_or_ends_on_a_function_word():
    text = (
        "The mass killing is part of a stepped up campaign by Islamic State militants"
        " targeting the government's forces in the north of the country."
    )
    short = compress_sentence(text, ENGLISH, words=14, model=_model(-5.0))
    words = short.text.rstrip(".").split()
    assert len(words) <= 14
    assert words[-1] != "Islamic"
    assert words[-1].lower() not in {"by", "of", "the", "a", "in"}


def test_features_are_stable_slots():
    deletion = Deletion("time", 10, 20)
    text = "The mayor resigned on Friday after a vote."
    slots = features(text, deletion)
    assert slots == features(text, deletion)
    assert all(0 <= s < DIMENSIONS for s in slots)


def test_without_a_grammar_nothing_is_deleted_but_the_budget_cuts():
    text = "Der Bürgermeister, der im Mai gewählt wurde, trat am Freitag zurück, sagten Helfer."
    assert compress_sentence(text, NEUTRAL).text == text
    assert len(compress_sentence(text, NEUTRAL, words=8).text.split()) <= 8


_WORDS = st.sampled_from(
    "the a police council said has been was is to of in on after which who , ( ) -- Tuesday"
    " minister Ada Okafor Port Alder bridge closed 12 three homes flooded according officials"
    " .".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=50), st.one_of(st.none(), st.integers(6, 30)))
def test_compression_is_an_in_order_selection_within_budget(words, budget):
    text = " ".join(words)
    short = compress_sentence(text, ENGLISH, words=budget)
    position = 0
    for a, b in short.spans:
        assert position <= a < b <= len(text)
        position = b
    if budget is not None:
        assert len([w for w in short.text.split() if any(c.isalnum() for c in w)]) <= budget
    kept = " ".join(text[a:b] for a, b in short.spans).split()
    assert len(short.text.split()) <= len(kept)


def _words(tokens: list[str]) -> list[str]:
    """Words without their edge marks; a kept comma on its own is no word."""
    return [t.strip(".,;:") for t in tokens if t.strip(".,;:")]


def test_no_deletion_leaves_the_sentence_opening_on_a_relative_pronoun():
    text = "In a speech to Congress, which ran for an hour, the president defended his tariffs."
    short = compress_sentence(text, ENGLISH, model=_model(5.0))
    assert short.text.split()[0].lower() != "which"
    assert "defended" in short.text


def test_a_larger_deletion_takes_in_a_smaller_one_it_holds():
    text = (
        "During a visit to the flood-hit town on Thursday, the king spoke to residents and"
        " thanked emergency workers."
    )
    short = compress_sentence(text, ENGLISH, words=10)
    assert short.text.startswith("The king spoke")
    assert all(any(c.isalnum() for c in text[a:b]) for a, b in short.spans)


def test_a_budget_cut_may_fall_before_a_dash():
    text = (
        "Crews worked through the night in the flooded valley – clearing fallen trees and"
        " pumping water from basements and checking power lines across the whole district."
    )
    short = compress_sentence(text, ENGLISH, words=12, model=_model(-5.0))
    assert short.text == "Crews worked through the night in the flooded valley."
