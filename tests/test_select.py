import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsgist
from newsgist.document import Document
from newsgist.errors import InvalidOptionError
from newsgist.models import Article, Sentence
from newsgist.select import SelectOptions, select, top_k_in_order
from tests.test_threads import STORY as TWO_THREADS


def _document(count):
    sentences = tuple(Sentence(i, f"Sentence number {i}.", 0, 0) for i in range(count))
    return Document(Article(body=""), sentences)


def test_top_k_returns_best_in_document_order():
    assert top_k_in_order(np.array([0.1, 0.9, 0.3, 0.8]), 2) == [1, 3]


def test_ties_prefer_earlier_sentences():
    assert top_k_in_order(np.array([1.0, 1.0, 1.0]), 2) == [0, 1]


def test_k_larger_than_document_gives_what_it_has():
    assert top_k_in_order(np.array([0.5, 0.2]), 5) == [0, 1]
    assert top_k_in_order(np.array([]), 3) == []


def test_non_finite_scores_are_refused():
    with pytest.raises(ValueError, match="finite"):
        select(_document(2), np.array([0.1, np.nan]), SelectOptions())


@given(st.lists(st.floats(-1e6, 1e6), max_size=40), st.integers(1, 50))
def test_selection_invariants(values, k):
    scores = np.array(values, dtype=np.float64)
    chosen = select(_document(len(values)), scores, SelectOptions(sentences=k))
    assert chosen == sorted(set(chosen))
    assert len(chosen) == min(k, len(values))
    if chosen and len(chosen) < len(values):
        left_out = np.delete(scores, chosen)
        assert scores[chosen].min() >= left_out.max()


@pytest.mark.parametrize("bad", [0, -1, 51, True, 2.5, "3"])
def test_options_are_validated(bad):
    with pytest.raises(InvalidOptionError):
        SelectOptions(sentences=bad)


STORY = (
    "The river burst its banks at dawn and flooded the town centre. "
    "The river burst its banks at dawn, flooding the town centre. "
    "Boats rescued sixty people from rooftops. "
    "The mayor declared an emergency. "
    "Schools will stay closed all week."
)


def _story():
    from newsgist.segment import segment

    return Document(Article(body=STORY), tuple(segment(STORY)))


def _scores():
    return np.array([0.9, 0.85, 0.5, 0.4, 0.1])


@pytest.mark.parametrize("redundancy", ["trigram", "mmr"])
def test_paraphrased_repeat_is_picked_once(redundancy):
    document = _story()
    plain = select(document, _scores(), SelectOptions(sentences=2))
    assert plain == [0, 1]
    chosen = select(
        document, _scores(), SelectOptions(sentences=2, redundancy=redundancy, mmr_lambda=0.5)
    )
    assert chosen == [0, 2]


def test_word_budget_is_filled_and_never_exceeded():
    document = _story()
    lengths = [len(s.text.split()) for s in document.sentences]
    for budget in range(min(lengths), sum(lengths) + 2):
        chosen = select(document, _scores(), SelectOptions(words=budget))
        used = sum(lengths[i] for i in chosen)
        assert used <= budget
        left = [lengths[i] for i in range(len(lengths)) if i not in chosen]
        assert all(used + n > budget for n in left), (budget, chosen)


def test_word_budget_smaller_than_every_sentence_is_an_error():
    with pytest.raises(InvalidOptionError, match="no sentence fits in 3 words"):
        select(_story(), _scores(), SelectOptions(words=3))


@pytest.mark.parametrize("redundancy", ["none", "trigram", "mmr"])
@pytest.mark.parametrize("k", [1, 2, 3, 5, 9])
def test_sentence_budget_is_exact_when_possible(redundancy, k):
    chosen = select(_story(), _scores(), SelectOptions(sentences=k, redundancy=redundancy))
    limit = 4 if redundancy == "trigram" else 5  # blocking excludes the repeat; MMR defers it
    assert len(chosen) == min(k, limit)


def test_position_prior_moves_towards_the_lead():
    scores = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
    assert select(_story(), scores, SelectOptions(sentences=1)) == [4]
    assert select(_story(), scores, SelectOptions(sentences=1, position_weight=0.8)) == [0]


def test_conflicting_budgets_are_refused():
    with pytest.raises(InvalidOptionError, match="not both"):
        SelectOptions(sentences=3, words=50)
    with pytest.raises(InvalidOptionError):
        SelectOptions(redundancy="sometimes")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError):
        SelectOptions(mmr_lambda=1.5)


@given(st.integers(1, 200), st.sampled_from(["none", "trigram", "mmr"]))
def test_word_budget_invariant(budget, redundancy):
    document = _story()
    lengths = [len(s.text.split()) for s in document.sentences]
    try:
        chosen = select(document, _scores(), SelectOptions(words=budget, redundancy=redundancy))
    except InvalidOptionError:
        assert budget < min(lengths)
        return
    assert sum(lengths[i] for i in chosen) <= budget
    assert chosen == sorted(set(chosen))


def test_mmr_on_thousands_of_sentences_allocates_only_the_covered_similarity():
    import tracemalloc

    from newsgist.features import MAX_SENTENCES

    document = _document(6_000)  # issue 16: a dense 6,000 × 6,000 matrix was 288 MB
    scores = -np.arange(6_000, dtype=np.float64)
    tracemalloc.start()
    try:
        chosen = select(document, scores, SelectOptions(sentences=3, redundancy="mmr"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(chosen) == 3
    assert max(chosen) < MAX_SENTENCES
    assert peak < 40 * 2**20


def _two_threads():
    from newsgist.segment import segment
    from newsgist.threads import find_threads

    document = Document(Article(body=TWO_THREADS), tuple(segment(TWO_THREADS)))
    scores = np.array([3.0, 2.5, 2.4, 2.3, 2.2, 1.8, 1.0, 0.5, 0.4])
    return document, scores, find_threads(document.features, scores)


def test_cover_takes_a_close_second_thread_over_a_third_flood_sentence():
    document, scores, threads = _two_threads()
    assert threads.majors == [0, 1]
    plain = select(document, scores, SelectOptions(sentences=3, threads="ignore"), threads)
    assert plain == [0, 1, 2]
    covered = select(document, scores, SelectOptions(sentences=3, threads="cover"), threads)
    assert covered == [0, 1, 5]  # 1.8 beats 2.4 - 1.0 once the flood thread is covered


def test_cover_leaves_a_distant_thread_out():
    document, scores, threads = _two_threads()
    scores = scores.copy()
    scores[5:] -= 2.0  # the budget strand is now far below every flood sentence
    chosen = select(document, scores, SelectOptions(sentences=3, threads="cover"), threads)
    assert chosen == [0, 1, 2]


def test_without_threads_cover_ranks_plainly():
    document, scores, _ = _two_threads()
    assert select(document, scores, SelectOptions(sentences=3, threads="cover")) == [0, 1, 2]


LEANING = (
    "The mayor of Corran closed the harbour bridge on Tuesday after engineers found cracks.",
    "It will stay shut for at least eighteen months while crews replace its steel beams.",
    'Shop owners said the closure would "ruin the summer trade.',
    "A free river shuttle will carry people across the harbour every twenty minutes.",
)


def _leaning():
    from newsgist.segment import segment

    text = " ".join(LEANING)
    return Document(Article(body=text), tuple(segment(text)))


def test_standalone_skips_a_dangling_pronoun_and_an_unclosed_quote():
    document = _leaning()
    scores = np.array([0.2, 0.9, 0.8, 0.1])
    plain = select(document, scores, SelectOptions(sentences=2, standalone=False))
    assert plain == [1, 2]
    alone = select(document, scores, SelectOptions(sentences=2, standalone=True))
    assert alone == [0, 3]


def test_standalone_keeps_a_pronoun_whose_referent_is_taken():
    document = _leaning()
    scores = np.array([0.95, 0.9, 0.1, 0.2])
    assert select(document, scores, SelectOptions(sentences=2, standalone=True)) == [0, 1]


def test_standalone_fills_the_budget_when_too_few_stand_alone():
    document = _leaning()
    scores = np.array([0.2, 0.9, 0.8, 0.1])
    assert select(document, scores, SelectOptions(sentences=4, standalone=True)) == [0, 1, 2, 3]


@pytest.mark.parametrize("bad", [{"threads": "all"}, {"standalone": "yes"}])
def test_thread_and_standalone_options_are_validated(bad):
    with pytest.raises(InvalidOptionError):
        SelectOptions(**bad)


def test_a_sentence_without_a_letter_is_no_bullet():
    summary = newsgist.summarize(
        "Floodwater sweeps through the market town\n0:45\nResidents film the water rising\n"
        "Crews in boats reach the last streets by noon",
        sentences=3,
    )
    assert [h.text for h in summary.highlights if not any(c.isalpha() for c in h.text)] == []
