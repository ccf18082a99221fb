import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgist import features as features_module
from newsgist.document import Document
from newsgist.ingest import load_text
from newsgist.methods.learned.features import NAMES, salience_features
from newsgist.segment import segment

STORY = (
    "Floodwater poured through Marlow Bend on Tuesday after a levee failed. "
    'About 3,400 residents fled, and "we lost everything," said Ada Reyes.\n\n'
    "But the water kept rising overnight. Engineers said 12 pumps were running. "
    "Was the levee ever inspected?"
)


def _rows(text):
    article = load_text(text)
    return salience_features(Document(article, tuple(segment(article.body))))


def _column(rows, name):
    return rows[:, NAMES.index(name)]


def test_one_finite_row_per_sentence():
    rows = _rows(STORY)
    assert rows.shape == (5, len(NAMES))
    assert np.all(np.isfinite(rows))


def test_position_columns():
    rows = _rows(STORY)
    assert _column(rows, "is_first").tolist() == [1, 0, 0, 0, 0]
    assert _column(rows, "inverse_position").tolist() == [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5]


def test_paragraph_breaks_do_not_change_the_features():
    """How a text was stored (with or without paragraph breaks) is no evidence of salience."""
    flat = " ".join(STORY.split())
    assert np.array_equal(_rows(STORY), _rows(flat))


def test_content_cues():
    rows = _rows(STORY)
    assert _column(rows, "has_quote").tolist() == [0, 1, 0, 0, 0]
    assert _column(rows, "numbers")[1] > 0
    assert _column(rows, "numbers")[0] == 0
    assert _column(rows, "attribution").tolist() == [0, 1, 0, 1, 0]
    assert _column(rows, "leans_back").tolist() == [0, 0, 1, 0, 0]
    assert _column(rows, "is_question").tolist() == [0, 0, 0, 0, 1]
    assert _column(rows, "cased").tolist() == [1] * 5
    assert _column(rows, "capitalised_share")[0] > 0


def test_lower_cased_text_has_no_case_cues():
    rows = _rows(STORY.lower())
    assert not _column(rows, "cased").any()
    assert not _column(rows, "capitalised_share").any()


def test_rows_only_for_the_sentences_the_features_cover(monkeypatch):
    monkeypatch.setattr(features_module, "MAX_SENTENCES", 3)
    rows = _rows(STORY)
    assert rows.shape == (3, len(NAMES))
    assert np.array_equal(rows, _rows(STORY)[:3])


def test_thousands_of_one_word_lines_give_a_bounded_matrix():
    rows = _rows("Go.\n" * 5_000)  # issue 16: every sentence was given a row, then scored
    assert rows.shape == (features_module.MAX_SENTENCES, len(NAMES))


def test_a_run_on_sentence_reads_a_bounded_prefix_for_its_cues():
    rows = _rows("The " + '"quote ' * 200_000 + "ends here.")
    assert rows.shape == (1, len(NAMES))
    assert 0 < _column(rows, "quoted_share")[0] <= 1


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Rain fell.", "The mayor spoke at 9.", '"No," he said.', "Why?"]),
        min_size=1,
        max_size=8,
    )
)
def test_features_are_finite_for_any_article(sentences):
    text = " ".join(sentences)
    document = Document(load_text(text), tuple(segment(text)))
    rows = salience_features(document)
    assert rows.shape == (len(document.sentences), len(NAMES))
    assert np.all(np.isfinite(rows))
