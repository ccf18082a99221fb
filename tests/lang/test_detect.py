import json

import pytest

from newsgist.errors import InvalidOptionError
from newsgist.lang import (
    DEFAULT,
    LANGUAGES,
    MARKER_CHARS,
    MIN_CONFIDENCE,
    NEUTRAL,
    SAMPLE_CHARS,
    UNDETERMINED,
    _marked,
    check_tag,
    detect,
    language_of,
    lookup,
)
from newsgist.lang.detect import identify
from newsgist.lang.en import ENGLISH
from tests.conftest import DATA
from tests.lang.stories import ENGLISH as ENGLISH_STORY
from tests.lang.stories import (
    ENGLISH_TOKENISED,
    FRENCH,
    FRENCH_QUOTING_ENGLISH,
    RESULTS_FIRST,
    SHARED_FUNCTION_WORDS,
)

SHORT = json.loads((DATA / "lang_short.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("language", "text"), [(e["language"], e["text"]) for e in SHORT])
def test_short_news_texts_the_team_wrote_are_detected(language, text):
    assert detect(text) == language


def test_the_french_story_is_french_and_the_english_ones_english():
    assert detect(FRENCH) == "fr"
    assert detect(ENGLISH_STORY) == "en"
    assert detect(ENGLISH_TOKENISED) == "en"  # lower case, tokenised: no capitals to go on
    assert detect(ENGLISH_STORY.upper()) == "en"


def test_english_news_is_told_by_its_function_words_without_the_model(monkeypatch):
    def no_model(text):
        raise AssertionError("the detector was asked")

    monkeypatch.setattr("newsgist.lang.identify", no_model)
    for text in (ENGLISH_STORY, ENGLISH_TOKENISED * 2, ENGLISH_STORY.upper()):
        assert detect(text) == "en"


def test_english_that_opens_with_scores_is_told_by_a_longer_start_without_the_model(
    monkeypatch,
):
    def no_model(text):
        raise AssertionError("the detector was asked")

    assert _marked(RESULTS_FIRST[:SAMPLE_CHARS]) is None  # names and scores first...
    monkeypatch.setattr("newsgist.lang.identify", no_model)
    assert detect(RESULTS_FIRST) == "en"  # ... then enough function words by MARKER_CHARS


def test_french_is_not_taken_for_english_over_the_longer_start():
    text = (FRENCH + " ") * 3
    assert len(text) > MARKER_CHARS
    assert _marked(text[:MARKER_CHARS]) is None
    assert detect(text) == "fr"


@pytest.mark.parametrize("language", sorted(SHARED_FUNCTION_WORDS))
def test_languages_sharing_english_function_words_go_to_the_detector(language):
    text = SHARED_FUNCTION_WORDS[language]
    assert _marked(text[:SAMPLE_CHARS]) is None
    assert detect(text) == language


def test_a_story_half_in_english_goes_to_the_detector():
    assert _marked(FRENCH_QUOTING_ENGLISH) is None
    assert detect(FRENCH_QUOTING_ENGLISH) == "fr"


@pytest.mark.parametrize("text", ["", "   \n", "12:30 -- 45 % (2024). 100.", "*** ... !!!"])
def test_text_without_letters_is_undetermined(text):
    assert detect(text) == UNDETERMINED
    assert lookup(detect(text)) is NEUTRAL


def test_a_fragment_the_detector_cannot_place_falls_back_to_the_default_language():
    fragment = "March 10, 2015."
    assert identify(fragment)[1] < MIN_CONFIDENCE  # the detector is guessing here...
    assert detect(fragment) == DEFAULT.code  # ... so the default language is kept


def test_only_the_start_of_a_text_is_read():
    text = FRENCH[:SAMPLE_CHARS] + " " + ENGLISH_STORY * 20
    assert detect(text) == "fr"
    assert detect(ENGLISH_STORY[:SAMPLE_CHARS] + " " + FRENCH * 20) == "en"


def test_override_beats_declaration_beats_detection():
    assert language_of(FRENCH) == "fr"
    assert language_of(FRENCH, declared="en-GB") == "en-GB"
    assert language_of(FRENCH, declared="en-GB", override="de") == "de"
    assert language_of(ENGLISH_STORY, override="fr") == "fr"


@pytest.mark.parametrize("declared", ["", "x-default", "und", "UND-Latn", "français"])
def test_a_declaration_that_names_no_language_is_ignored(declared):
    assert language_of(FRENCH, declared=declared) == "fr"


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        (None, DEFAULT),
        ("en", ENGLISH),
        ("en-GB", ENGLISH),
        ("EN_us", ENGLISH),
        ("fr", LANGUAGES["fr"]),
        ("pt-BR", LANGUAGES["pt"]),
        ("nb", LANGUAGES["no"]),
        ("el", NEUTRAL),
        ("und", NEUTRAL),
        ("english", NEUTRAL),
    ],
)
def test_lookup_reads_the_primary_subtag(tag, language):
    assert lookup(tag) is language


@pytest.mark.parametrize("tag", ["en", "fr", "pt-BR", "zh-Hant-TW", "en_US", "fil"])
def test_language_tags_are_accepted(tag):
    check_tag(tag)


@pytest.mark.parametrize("tag", ["", "e", "e n", "english", "fr-", "en--GB", "../fr"])
def test_other_language_settings_are_refused(tag):
    with pytest.raises(InvalidOptionError, match="language must be a language tag"):
        check_tag(tag)
