import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgist.lang import lookup
from newsgist.segment import has_terminator, segment
from tests.conftest import DATA

GOLDEN = json.loads((DATA / "segment_golden.json").read_text(encoding="utf-8"))
LANGUAGES = json.loads((DATA / "segment_golden_languages.json").read_text(encoding="utf-8"))


def test_golden_table_is_large_and_unique():
    assert len(GOLDEN) >= 80
    assert len({case["id"] for case in GOLDEN}) == len(GOLDEN)


@pytest.mark.parametrize("case", GOLDEN, ids=[case["id"] for case in GOLDEN])
def test_golden_case(case):
    assert [s.text for s in segment(case["text"])] == case["sentences"]


@pytest.mark.parametrize("case", LANGUAGES, ids=[case["id"] for case in LANGUAGES])
def test_languages_case(case):
    """Each case split with its language's tables, right-to-left scripts with exact offsets."""
    sentences = segment(case["text"], language=lookup(case["language"]))
    assert [s.text for s in sentences] == case["sentences"]
    assert all(case["text"][s.start : s.end] == s.text for s in sentences)


def test_a_list_marker_later_in_the_text_splits_only_in_sequence():
    text = "1) Shut the gates 2) Call the crews 4) then wait"
    assert [s.text for s in segment(text)] == [
        "1) Shut the gates",
        "2) Call the crews 4) then wait",
    ]


def test_an_unclosed_title_bracket_is_looked_for_only_nearby():
    text = "《" + "字" * 300 + "！后来。"
    assert [s.text for s in segment(text)] == ["《" + "字" * 300 + "！", "后来。"]


def _check_invariants(text):
    sentences = segment(text)
    previous_end = 0
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert sentence.text == sentence.text.strip()
        assert re.search(r"[^\W_]", sentence.text)
        previous_end = sentence.end
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)
    assert not paragraphs or paragraphs[0] == 0
    covered = [False] * len(text)
    for sentence in sentences:
        covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
    uncovered = "".join(c for c, inside in zip(text, covered, strict=True) if not inside)
    assert not re.search(r"[^\W_]", uncovered), (
        f"letters or digits outside sentences: {uncovered!r}"
    )


NEWSY = st.lists(
    st.sampled_from(
        [*"abcXYZ .!?…,;:'\"“”()-—•*\n\t0123456789$%é", "U.S.", "Mr.", "p.m.", " . ", "''", "The"]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(NEWSY)
def test_spans_reproduce_text_in_order(text):
    _check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_spans_hold_for_any_unicode(text):
    _check_invariants(text)


def test_golden_texts_keep_invariants():
    for case in GOLDEN:
        _check_invariants(case["text"])


def test_paragraph_indices_follow_blank_lines():
    sentences = segment("One here. Two here.\n\nThree here.\n\nFour here.")
    assert [s.paragraph for s in sentences] == [0, 0, 1, 2]


def test_bullet_markers_are_outside_sentences():
    text = "• First point.\n• Second point."
    assert [text[s.start - 2 : s.start] for s in segment(text)] == ["• ", "• "]


def test_empty_and_blank_text_have_no_sentences():
    assert segment("") == []
    assert segment(" \n\t ") == []
    assert segment("*** -- ***") == []


def test_has_terminator():
    assert has_terminator("It ended.")
    assert has_terminator("終わり。")
    assert not has_terminator("no ending here")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Crews reached the tunnel.Around 50 men had been inside.",
            ["Crews reached the tunnel.", "Around 50 men had been inside."],
        ),
        ("He asked why?Nobody answered.", ["He asked why?", "Nobody answered."]),
        (
            "Mr.Smith read cnn.com and the U.S.Navy list.",
            ["Mr.Smith read cnn.com and the U.S.Navy list."],
        ),
        (
            "Prices rose 3.5 per cent.The rise was small.",
            ["Prices rose 3.5 per cent.", "The rise was small."],
        ),
    ],
)
def test_sentences_glued_by_a_scraper_are_split(text, expected):
    assert [s.text for s in segment(text)] == expected


def test_text_without_any_stop_is_read_a_line_at_a_time():
    text = "Floodwater sweeps through the market town\n0:45\nResidents film the water rising"
    assert [s.text for s in segment(text)] == [
        "Floodwater sweeps through the market town",
        "0:45",
        "Residents film the water rising",
    ]
