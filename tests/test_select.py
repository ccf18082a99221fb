import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgist.errors import InvalidOptionError
from newsgist.select import SelectOptions, select, top_k_in_order


def test_top_k_returns_best_in_document_order():
    assert top_k_in_order(np.array([0.1, 0.9, 0.3, 0.8]), 2) == [1, 3]


def test_ties_prefer_earlier_sentences():
    assert top_k_in_order(np.array([1.0, 1.0, 1.0]), 2) == [0, 1]


def test_k_larger_than_document_gives_what_it_has():
    assert top_k_in_order(np.array([0.5, 0.2]), 5) == [0, 1]
    assert top_k_in_order(np.array([]), 3) == []


def test_non_finite_scores_are_refused():
    with pytest.raises(ValueError, match="finite"):
        top_k_in_order(np.array([0.1, np.nan]), 1)


@given(st.lists(st.floats(-1e6, 1e6), max_size=40), st.integers(1, 50))
def test_selection_invariants(values, k):
    scores = np.array(values, dtype=np.float64)
    chosen = select(scores, SelectOptions(sentences=k))
    assert chosen == sorted(set(chosen))
    assert len(chosen) == min(k, len(values))
    if chosen and len(chosen) < len(values):
        left_out = np.delete(scores, chosen)
        assert scores[chosen].min() >= left_out.max()


@pytest.mark.parametrize("bad", [0, -1, 51, True, 2.5, "3"])
def test_options_are_validated(bad):
    with pytest.raises(InvalidOptionError):
        SelectOptions(sentences=bad)
