"""The pipeline settles each article's language and runs that language's resources."""

import json

import pytest

import newsgist
from newsgist.cli import main
from newsgist.errors import InvalidOptionError
from newsgist.models import Article, Summary
from newsgist.options import SummarizeOptions
from newsgist.pipeline import make_pipeline
from tests.conftest import DATA
from tests.lang.stories import ENGLISH, ENGLISH_TOKENISED, FRENCH

METHODS = ("learned", "textrank", "lexrank", "centroid", "lead")


def _without_timings(summary):
    found = summary.to_dict()
    del found["timings"]
    return found


def test_a_french_story_is_detected_and_summarized_with_french_resources():
    summary = newsgist.summarize(FRENCH)
    assert summary.article.language == "fr"
    assert summary.language_resources == "fr"
    assert "language" in summary.timings
    # no English headline grammar: the French auxiliary "a" is not taken for an article
    assert summary.headline.startswith("Le conseil municipal de Villeneuve a voté")
    assert Summary.from_dict(json.loads(json.dumps(summary.to_dict()))) == summary


def test_language_en_applies_english_rules_to_the_french_story():
    summary = newsgist.summarize(FRENCH, language="en")
    assert (summary.article.language, summary.language_resources) == ("en", "en")
    assert summary.headline.startswith("Le conseil municipal de Villeneuve voté")  # "a" dropped


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (ENGLISH, {"centroid": [0, 1, 3], "learned": [0, 1, 3]}),  # learned: a second thread
        (ENGLISH_TOKENISED, {}),
    ],
)
@pytest.mark.parametrize("method", METHODS)
def test_english_stories_summarize_as_before_the_language_seam(story, expected, method):
    summary = newsgist.summarize(story, method=method, sentences=3)
    assert (summary.article.language, summary.language_resources) == ("en", "en")
    # what every method gave before languages were detected
    assert summary.headline == "City council voted to close old harbour bridge for repairs"
    assert [h.sources[0] for h in summary.highlights] == expected.get(method, [0, 1, 2])
    assert _without_timings(newsgist.summarize(story, method=method, language="en")) == (
        _without_timings(newsgist.summarize(story, method=method))
    )


def test_a_language_without_resources_runs_neutral_and_says_so():
    summary = newsgist.summarize(ENGLISH, language="el-GR")
    assert (summary.article.language, summary.language_resources) == ("el-GR", "neutral")
    assert summary.headline.startswith("The city council")  # no English grammar applied


def test_an_articles_declared_language_is_kept():
    declared = newsgist.summarize(Article(body=ENGLISH, language="en-GB"))
    assert (declared.article.language, declared.language_resources) == ("en-GB", "en")
    undeclared = newsgist.summarize(Article(body=FRENCH))
    assert (undeclared.article.language, undeclared.language_resources) == ("fr", "fr")


def test_an_html_pages_language_comes_from_its_declaration():
    page = (DATA / "pages" / "le-quotidien-du-lac.html").read_bytes()
    summary = newsgist.summarize(page)
    assert (summary.article.language, summary.language_resources) == ("fr", "fr")


def test_a_russian_page_keeps_its_capitals_in_the_headline():
    page = (DATA / "pages" / "vesti-ozera.html").read_bytes()
    summary = newsgist.summarize(page)
    assert (summary.article.language, summary.language_resources) == ("ru", "ru")
    assert "Озёрске" in summary.headline  # cased text: a proper noun is not lower-cased


def test_text_without_letters_is_undetermined_and_neutral():
    summary = newsgist.summarize("2024. 100. 42.")
    assert (summary.article.language, summary.language_resources) == ("und", "neutral")


def test_a_very_short_text_keeps_the_default_language():
    summary = newsgist.summarize("March 10, 2015.")
    assert (summary.article.language, summary.language_resources) == ("en", "en")


def test_a_bad_language_is_refused_when_the_pipeline_is_built():
    with pytest.raises(InvalidOptionError, match="language must be a language tag"):
        make_pipeline(SummarizeOptions(language="en GB"))


def test_summaries_from_before_the_field_still_read():
    old = {"headline": "x", "highlights": [], "method": "lead"}
    assert Summary.from_dict(old).language_resources is None


def test_cli_language_flag_overrides_detection(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(FRENCH, encoding="utf-8")
    assert main(["summarize", str(story), "--format", "json"]) == 0
    detected = json.loads(capsys.readouterr().out)
    assert (detected["article"]["language"], detected["language_resources"]) == ("fr", "fr")
    assert main(["summarize", str(story), "--format", "json", "--language", "en"]) == 0
    forced = json.loads(capsys.readouterr().out)
    assert (forced["article"]["language"], forced["language_resources"]) == ("en", "en")


def test_cli_refuses_a_bad_language_in_one_line(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(FRENCH, encoding="utf-8")
    assert main(["summarize", str(story), "--language", "en GB"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "language must be a language tag" in err[0]
