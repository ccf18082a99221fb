"""``newsgist.shorten`` and ``newsgist compress``: one sentence at a time, traced to its words."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgist
from newsgist.cli import main
from newsgist.compress.shorten import trace
from newsgist.errors import InvalidInputError, InvalidOptionError
from tests.ingest.test_html_hostile import run_bounded

SENTENCE = "The mayor, who was elected in May, resigned on Friday after three weeks, aides said."


def _words_of_spans(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return " ".join(text[a:b] for a, b in spans).split()


def test_a_bullet_drops_what_an_editor_cuts_and_keeps_its_spans():
    short = newsgist.shorten(SENTENCE, language="en")
    assert "aides said" not in short.text
    assert short.text.endswith(".")
    assert _words(short.text.split()) == _words(_words_of_spans(SENTENCE, short.spans))


def test_a_headline_is_traced_word_for_word_numbers_included():
    short = newsgist.shorten(SENTENCE, headline=True, words=8, language="en")
    assert len(short.text.split()) <= 8
    assert short.text[0].isupper()
    assert not short.text.endswith(".")
    kept = [w.lower() for w in _words(_words_of_spans(SENTENCE, short.spans))]
    numbers = {"three": "3"}
    assert [numbers.get(w, w) for w in kept] == [w.lower() for w in short.text.split()]


def test_trace_matches_in_order_and_merges_neighbours():
    source = "Two ships collided off the coast on Monday."
    assert trace(source, "2 ships collided off coast", {"two": "2"}) == ((0, 22), (27, 32))


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"text": "   "}, InvalidInputError),
        ({"text": "word " * 500}, InvalidInputError),
        ({"text": SENTENCE, "words": 0}, InvalidOptionError),
        ({"text": SENTENCE, "language": "not a tag!"}, InvalidOptionError),
    ],
)
def test_bad_input_raises_under_one_root(kwargs, error):
    with pytest.raises(error):
        newsgist.shorten(**kwargs)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "the mayor , who was elected in May , resigned on Friday after three weeks aides"
            " said Port Alder council voted 7-4 to close ( its ) library .".split()
        ),
        min_size=1,
        max_size=40,
    ),
    st.booleans(),
)
def test_every_word_kept_comes_from_the_sentence_in_order(words, headline):
    text = " ".join(words)
    if not any(c.isalnum() for c in text):
        return
    short = newsgist.shorten(text, headline=headline, language="en")
    position = 0
    for a, b in short.spans:
        assert position <= a < b <= len(text)
        position = b


def test_the_cli_shortens_line_by_line(capsys, tmp_path):
    source = tmp_path / "sentences.txt"
    source.write_text(f"{SENTENCE}\n\nPolice arrested two men in Leeds on Sunday.\n")
    assert main(["compress", str(source), "--headline", "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first, blank, third = (json.loads(line) for line in lines)
    assert blank == {"text": "", "spans": []}
    assert first["text"].startswith("Mayor resigned")
    assert third["text"] == "Police arrested 2 men in Leeds"
    assert third["spans"] == [[0, 32]]


def test_the_cli_refuses_an_overlong_line_with_one_line_and_exit_2():
    long_line = "word " * 600
    run = subprocess.run(
        [sys.executable, "-m", "newsgist", "compress", "-"],
        input=f"A short one.\n{long_line}\n".encode(),
        capture_output=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == b""
    (line,) = run.stderr.decode().splitlines()
    assert "line 2 has 3,000 characters" in line


def _words(tokens: list[str]) -> list[str]:
    """Words without their edge marks; a kept comma on its own is no word."""
    return [t.strip(".,;:") for t in tokens if t.strip(".,;:")]


def test_a_sentence_of_spaces_is_shortened_in_bounded_time():
    # a run of spaces was split every way by two patterns: 27 s for one sentence
    code = """
        import newsgist
        long = "a" + " " * 1_980 + "b c d e f g."
        print(newsgist.shorten(long, language="en").text)
        print(newsgist.shorten(long, headline=True, words=4, language="en").text)
    """
    assert run_bounded(code).splitlines()[0].startswith("a b c")


def test_nothing_follows_an_attribution_and_nothing_breaks():
    assert newsgist.shorten("Police said  ", language="en").text == "Police said"


def test_a_quotation_is_never_cut_into_and_keeps_its_speaker():
    text = 'Smith told reporters: "The plan, which we drafted last year, is dead (for now)."'
    assert newsgist.shorten(text, language="en").text == text
    headline = newsgist.shorten(
        'The coach said "we will beat them on Saturday, the fans deserve it" after the game.',
        headline=True,
        language="en",
    ).text
    assert headline.startswith("Coach said")
    assert '"we will beat them on Saturday, the fans deserve it"' in headline


def test_a_bullet_budget_below_six_words_is_refused():
    with pytest.raises(InvalidOptionError, match="at least 6 words"):
        newsgist.shorten(SENTENCE, words=5, language="en")
