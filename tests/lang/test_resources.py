"""Each generic stage reads its language-specific data from the ``Language`` it is given."""

import numpy as np
import pytest

from newsgist.document import Document
from newsgist.features import Features, stem
from newsgist.headlines.compress import CompressHeadliner, compress
from newsgist.lang import DEFAULT, LANGUAGES, NEUTRAL, lookup
from newsgist.lang.en import ENGLISH, _pair
from newsgist.methods.learned.features import NAMES, salience_features
from newsgist.models import Article
from newsgist.segment import is_cased, segment
from tests.lang.stories import ENGLISH as ENGLISH_STORY
from tests.lang.stories import FRENCH


def test_english_is_the_default_and_fifteen_more_languages_have_tables():
    assert DEFAULT is ENGLISH
    codes = "en de fr es it pt nl da sv no nb nn fi ru tr id ms sk bg".split()
    assert sorted(LANGUAGES) == sorted(codes)
    assert LANGUAGES["nb"] is LANGUAGES["nn"] is LANGUAGES["no"]
    assert LANGUAGES["ms"] is LANGUAGES["id"]


def test_english_resources_hold_the_tables_the_generic_modules_used_to():
    assert {"the", "of", "said", "n't"} <= ENGLISH.stop_words
    assert ENGLISH.stemmer == "english"
    assert {"Gen", "a.m", "U.S", "Calif"} <= ENGLISH.segmentation.abbreviations
    assert "gen" in ENGLISH.segmentation.abbreviations_lower
    assert {"the", "however"} <= ENGLISH.segmentation.strong_starters
    assert ENGLISH.segmentation.strong_starters < ENGLISH.segmentation.starters
    assert {"said", "told", "according"} <= ENGLISH.attribution_verbs
    assert {"but", "he", "this"} <= ENGLISH.leaning_words
    grammar = ENGLISH.headline
    assert grammar is not None
    assert "boss" in grammar.roles
    assert "President" in grammar.honorifics
    assert grammar.number_words["twelve"] == "12"


def test_neutral_resources_have_no_language_in_them():
    assert NEUTRAL.code == "neutral"
    assert NEUTRAL.stop_words == frozenset()
    assert NEUTRAL.stemmer is None
    rules = NEUTRAL.segmentation
    for table in (rules.abbreviations, rules.starters, rules.never_final, rules.wordlike):
        assert table == frozenset()
    assert NEUTRAL.attribution_verbs == NEUTRAL.leaning_words == frozenset()
    assert NEUTRAL.headline is None


def test_neutral_segmentation_splits_on_punctuation_and_case_alone():
    text = "Gen. Petraeus arrived. He spoke to Dr. Ruiz."
    english = [s.text for s in segment(text)]
    neutral = [s.text for s in segment(text, language=NEUTRAL)]
    assert english == ["Gen. Petraeus arrived.", "He spoke to Dr. Ruiz."]
    assert neutral == ["Gen.", "Petraeus arrived.", "He spoke to Dr.", "Ruiz."]
    # an initial still does not end a sentence: that rule is punctuation and case
    french = segment("Le maire J. Dupont est arrivé. Il a parlé.", language=NEUTRAL)
    assert [s.text for s in french] == ["Le maire J. Dupont est arrivé.", "Il a parlé."]


def test_case_is_read_in_every_cased_script():
    assert is_cased("Мэр города Петров заявил об этом во вторник. Жители довольны.")
    assert not is_cased("МЭР ГОРОДА ПЕТРОВ ЗАЯВИЛ ОБ ЭТОМ ВО ВТОРНИК.")
    assert not is_cased("Ο δήμαρχος μίλησε την Τρίτη.".lower())
    assert not is_cased("東京で地震があった。けが人はいない。")  # no case at all


def test_neutral_features_keep_every_word_whole():
    sentences = segment(FRENCH, language=NEUTRAL)
    neutral = Features.of(sentences, language=NEUTRAL)
    english = Features.of(sentences, language=ENGLISH)
    # "a" (French "has") is an English stop word and "fermeture" stems to "fermetur" in English
    assert neutral.terms[0][:7] == ("le", "conseil", "municipal", "de", "villeneuve", "a", "voté")
    assert {"a", "fermeture", "la", "le"} <= set(neutral.columns)
    assert "a" not in english.columns
    assert "fermeture" not in english.columns
    assert "fermetur" in english.columns
    assert stem(["fermeture", "travaux"], language=NEUTRAL) == ["fermeture", "travaux"]


def test_term_tables_of_two_languages_do_not_mix():
    text = "Reporters were reporting. The report said so."
    sentences = segment(text)
    english = Features.of(sentences, language=ENGLISH).terms
    neutral = Features.of(sentences, language=NEUTRAL).terms
    assert english == (("report", "report"), ("report",))
    assert neutral == (("reporters", "were", "reporting"), ("the", "report", "said", "so"))
    assert Features.of(sentences, language=ENGLISH).terms == english


def test_english_terms_are_as_before():
    terms = Features.of(segment(ENGLISH_STORY)).terms
    assert terms[0] == (
        *("citi", "council", "vote", "tuesday", "night"),
        *("close", "old", "harbour", "bridg", "repair"),
    )


def _document(text, tag):
    return Document(Article(body=text, language=tag), tuple(segment(text, language=lookup(tag))))


def test_salience_cues_come_from_the_language():
    text = "The bridge will close. Officials said the repairs were urgent. But shops fear losses."
    column = {name: i for i, name in enumerate(NAMES)}
    english = salience_features(_document(text, "en"))
    neutral = salience_features(_document(text, "und"))
    assert english[:, column["attribution"]].tolist() == [0, 1, 0]
    assert english[:, column["leans_back"]].tolist() == [0, 0, 1]
    assert not neutral[:, column["attribution"]].any()
    assert not neutral[:, column["leans_back"]].any()


def test_neutral_compression_only_drops_asides_and_cuts_at_punctuation():
    sentence = "The minister (a former judge) has resigned on Tuesday, officials said."
    english = compress(sentence, words=12)
    neutral = compress(sentence, words=12, language=NEUTRAL)
    assert english == "Minister resigned"
    assert neutral == "The minister has resigned on Tuesday, officials said"
    assert compress(sentence, words=6, language=NEUTRAL) == "The minister has resigned on Tuesday"
    french = "Le maire de la ville a démissionné mardi soir après trois ans de mandat."
    assert compress(french, words=8, language=NEUTRAL) == "Le maire de la ville a démissionné mardi"


@pytest.mark.parametrize("words", [4, 8, 12, 30])
def test_a_neutral_headline_is_made_of_the_sentences_words_within_budget(words):
    document = _document(FRENCH, "fr")
    scores = np.linspace(1.0, 0.0, len(document.sentences))
    headline = CompressHeadliner().write(document, scores, words=words)
    assert headline.sources == (0,)
    assert len(headline.text.split()) <= words
    source = document.sentences[0].text.rstrip(".").split()
    assert headline.text.split() == source[: len(headline.text.split())]


def test_the_title_roles_table_pairs_titles_with_roles_and_refuses_an_entry_without_one():
    assert ENGLISH.facts is not None
    roles = dict(ENGLISH.facts.title_roles)
    assert roles["justice"] == "judge"
    assert _pair("deemster=judge") == ("deemster", "judge")
    for entry in ("justice", "=judge", "justice="):
        with pytest.raises(ValueError, match="key=value"):
            _pair(entry)
