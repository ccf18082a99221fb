import numpy as np
import pytest
from rouge_score import rouge_scorer

from newsgist.evaluate.rouge import ROUGE_TYPES, Rouge

PAIRS = [
    (["The ferry sank off Kettle Point."], ["A ferry sank near Kettle Point on Sunday."]),
    (
        ["Council votes to close the library.", "A petition has 4,000 signatures."],
        ["The council voted to close the library.", "Residents signed a petition."],
    ),
    (["Runners ran."], ["Nothing in common here."]),
    (["Stemming: running runs ran."], ["run running runner"]),
]


def test_hand_computed_case():
    scores = Rouge().score(["the cat sat on the mat"], ["the cat sat"])
    precision, recall, f1 = scores[ROUGE_TYPES.index("rouge1")]
    assert (precision, recall) == (1.0, 0.5)
    assert f1 == pytest.approx(2 / 3)
    precision, recall, f1 = scores[ROUGE_TYPES.index("rouge2")]
    assert (precision, recall) == (1.0, 0.4)  # 2 of 2 predicted bigrams, 2 of 5 target
    assert f1 == pytest.approx(2 * 0.4 / 1.4)


@pytest.mark.parametrize(("target", "prediction"), PAIRS)
def test_parity_with_rouge_score(target, prediction):
    reference = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True).score(
        "\n".join(target), "\n".join(prediction)
    )
    ours = Rouge().score(target, prediction)
    for row, variant in enumerate(ROUGE_TYPES):
        expected = reference[variant]
        assert ours[row] == pytest.approx([expected.precision, expected.recall, expected.fmeasure])


def test_lsum_is_summary_level_over_sentences():
    target = ["police arrested two men", "the car was found burned"]
    reordered = ["the car was found burned", "police arrested two men"]
    lsum = Rouge().score(target, reordered)[ROUGE_TYPES.index("rougeLsum"), 2]
    plain_l = rouge_scorer.RougeScorer(["rougeL"]).score("\n".join(target), "\n".join(reordered))
    assert lsum == pytest.approx(1.0)
    assert plain_l["rougeL"].fmeasure < 1.0


def test_empty_prediction_scores_zero():
    assert np.all(Rouge().score(["Something happened."], []) == 0)


def test_a_russian_summary_scores_on_its_words():
    rouge = Rouge("ru")
    scores = rouge.score(["Мост закрыли на ремонт."], ["Мост закрыт на ремонт."])
    assert scores[0, 2] == pytest.approx(1.0)  # "закрыли" and "закрыт" share a stem
    assert Rouge("en").score(["Мост закрыли."], ["Мост закрыли."])[0, 2] == 0.0  # a-z only


def test_accented_words_stay_whole_and_are_stemmed_in_french():
    scores = Rouge("fr").score(["Les élèves inspectés"], ["élève inspecté"])
    assert scores[0, 0] == pytest.approx(1.0)  # precision: both words found, stemmed


def test_cjk_characters_are_words():
    scores = Rouge("zh").score(["大桥周一关闭"], ["大桥关闭"])
    assert scores[0, 0] == pytest.approx(1.0)  # precision: all 4 characters
    assert scores[0, 1] == pytest.approx(4 / 6)  # recall: 4 of the 6


@pytest.mark.parametrize("language", [None, "en", "en-GB"])
def test_english_keeps_rouge_scores_own_tokenizer(language):
    target, prediction = ["The bridge's 3.5-tonne limit"], ["the bridges limit"]
    expected = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True).score(
        target[0], prediction[0]
    )
    assert Rouge(language).score(target, prediction)[0, 2] == pytest.approx(
        expected["rouge1"].fmeasure
    )
