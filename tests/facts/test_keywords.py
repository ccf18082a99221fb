"""Keywords: the story's own frequent, early, widespread words, and its names."""

import newsgist
from tests.facts.stories import LUMEA


def test_names_and_frequent_words_lead_and_scores_fall_from_one():
    facts = newsgist.summarize(LUMEA).facts
    assert facts is not None
    terms = [term for term, _ in facts.keywords]
    scores = [score for _, score in facts.keywords]
    assert len(terms) == 10
    assert scores[0] == 1.0
    assert scores == sorted(scores, reverse=True)
    assert {"Mattias Krell", "Irene Castellano", "Lumea"} <= set(terms)
    assert "krell" not in terms  # a name's words are left to the name
    assert not {"the", "said", "of"} & set(terms)  # stop words never
