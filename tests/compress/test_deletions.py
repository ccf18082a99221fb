"""Candidate deletions: what the grammar lets go, and how what is left is rendered."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgist.compress.deletions import Deletion, candidates, clause_verb, kept_spans, render
from newsgist.lang import HeadlineGrammar, lookup

_GRAMMAR = lookup("en").headline
assert _GRAMMAR is not None
GRAMMAR: HeadlineGrammar = _GRAMMAR


def _rules(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in candidates(text, GRAMMAR):
        found.setdefault(d.rule, []).append(text[d.start : d.end].strip())
    return found


def test_each_pattern_offers_its_phrase():
    found = _rules(
        "After a two-hour debate, the council voted 7-4 on Tuesday to sell the depot"
        " (its largest site), officials said."
    )
    assert found["leading-clause"] == ["After a two-hour debate,"]
    assert found["time"] == ["on Tuesday"]
    assert found["parenthesis"] == ["(its largest site)"]
    assert found["attribution-tail"] == [", officials said"]
    assert _rules("The council, which meets monthly, voted to sell the depot.")["appositive"] == [
        ", which meets monthly,"
    ]


def test_a_deletion_of_most_of_the_sentence_is_not_offered():
    text = "Officials said, in a long statement issued by the ministry late at night, it rained."
    assert all(
        len(text[d.start : d.end].split()) <= 0.6 * len(text.split())
        for d in candidates(text, GRAMMAR)
    )


def test_rendering_tidies_marks_and_keeps_the_ending():
    text = "The mayor, who was elected in May, resigned on Friday, aides said."
    spans = kept_spans(text, [Deletion("appositive", 9, 34), Deletion("attribution-tail", 53, 66)])
    assert render(text, spans) == "The mayor resigned on Friday."
    assert [text[a:b] for a, b in spans] == ["The mayor", "resigned on Friday"]


def test_a_lower_case_start_left_is_capitalised():
    text = "After the vote, the council adjourned."
    spans = kept_spans(text, [Deletion("leading-clause", 0, 16)])
    assert render(text, spans) == "The council adjourned."


@given(
    st.lists(
        st.sampled_from(
            "the council , which met on Tuesday , said ( in a note ) that it voted 7-4 to close"
            " the Elm Street library after a long debate , officials said .".split()
        ),
        min_size=1,
        max_size=40,
    )
)
def test_kept_spans_are_in_order_inside_the_sentence_and_never_cover_a_deletion(words):
    text = " ".join(words)
    found = candidates(text, GRAMMAR)
    chosen: list[Deletion] = []
    for deletion in found:
        if not any(deletion.overlaps(other) for other in chosen):
            chosen.append(deletion)
    spans = kept_spans(text, chosen)
    ends = [0]
    for a, b in spans:
        assert ends[-1] <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        assert all(b <= d.start or a >= d.end for d in chosen)
        ends.append(b)


def test_a_main_clause_set_off_by_a_comma_is_no_appositive():
    text = "In a speech to Congress, which ran for an hour, the president defended his tariffs."
    offered = _rules(text)
    assert ", which ran for an hour," in offered["appositive"]
    assert "appositive-tail" not in offered
    assert _rules("He met Ana Ruiz, the former champion.")["appositive-tail"] == [
        ", the former champion"
    ]


def test_what_a_phrase_or_a_quotation_needs_is_not_offered():
    assert "time" not in _rules("The firm said it would cut 600 jobs by the end of next year.")
    quoted = _rules('"We will not be bullied into a bad deal," the union leader told reporters.')
    assert not any(rule.startswith("attribution") for rule in quoted)
    subject = _rules("According to police, the man, who had a history of illness, was shot.")
    assert ", the man," not in subject.get("appositive", [])
    assert ", who had a history of illness," in subject["appositive"]


def test_a_number_with_a_comma_stays_inside_its_appositive():
    text = "The company, which employs about 3,500 people, said it would cut jobs."
    assert _rules(text)["appositive"] == [", which employs about 3,500 people,"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor, who was elected in May, resigned after three weeks.", True),
        ("The study, published in the journal Nature Medicine,", False),
        ("The company, which employs about 3,500 people in the region,", False),
        ("Ministers met in Geneva", True),
    ],
)
def test_a_clause_verb_is_one_outside_the_asides(text, expected):
    assert clause_verb(text, GRAMMAR) is expected
