"""The facts stage end to end: on by default, off on request, in every output form."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgist
from newsgist.cli import main
from newsgist.models import Facts, Summary
from newsgist.render import render
from tests.facts.stories import LUMEA


def facts_of(text):
    """The facts of one text summarized without a headline."""
    facts = newsgist.summarize(text, headline=None).facts
    assert facts is not None
    return facts


def test_facts_are_found_by_default_and_round_trip():
    summary = newsgist.summarize(LUMEA)
    facts = summary.facts
    assert isinstance(facts, Facts)
    assert [e.name for e in facts.of_kind("person")] == [
        "Mattias Krell",  # most mentions first, then the earliest
        "Irene Castellano",
        "Tomas Brenn",
    ]
    assert facts.reading_minutes == 1
    assert facts.words == len(LUMEA.split())
    assert facts.unsupported == ()
    assert Summary.from_dict(json.loads(json.dumps(summary.to_dict()))) == summary


def test_facts_can_be_turned_off():
    assert newsgist.summarize(LUMEA, facts=False).facts is None


def test_every_span_points_at_its_text():
    facts = newsgist.summarize(LUMEA).facts
    assert facts is not None
    for quote in facts.quotes:
        assert " ".join(LUMEA[quote.span[0] : quote.span[1]].split()) == quote.text
    for figure in (*facts.figures, *facts.dates):
        assert LUMEA[figure.span[0] : figure.span[1]] == figure.text
    for entity in facts.entities:
        forms = {entity.name, *entity.aliases}
        assert all(LUMEA[a:b] in forms for a, b in entity.spans)


def test_text_and_markdown_show_the_facts():
    summary = newsgist.summarize(LUMEA)
    text = render(summary, "text")
    assert "Quotes: “We are racing the tide, and the tide is winning” (Mattias Krell)" in text
    assert "Figures: 41,000 (people who fled to Lumea's hills)" in text
    assert "People: Mattias Krell, Irene Castellano, Tomas Brenn" in text
    assert "**Places:** Lumea, Geneva, Port Alder" in render(summary, "markdown")


def test_cli_no_facts(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(LUMEA, encoding="utf-8")
    assert main(["summarize", str(story), "--format", "json", "--no-facts"]) == 0
    assert json.loads(capsys.readouterr().out)["facts"] is None
    assert main(["summarize", str(story), "--format", "json"]) == 0
    facts = json.loads(capsys.readouterr().out)["facts"]
    assert facts["faithful"] is True
    assert {"term": "Mattias Krell", "score": facts["keywords"][1]["score"]} in facts["keywords"]


_WORDS = st.sampled_from(
    [
        *("the", "said", "told", "she", "of", "in", "to", "According", "No.", "March", "4:15"),
        *("Krell", "Mayor", "Dr.", "U.N.", "Lumea", "Harbour", "Board", "’s", "41,000", "$3m"),
        *("Committee", "on", "Elections", "officials", "chairman"),
        *("“", "”", '"', "«", "»", ".", ","),
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=60))
def test_any_text_gives_facts_whose_spans_are_its_own(words):
    """Whatever the text, facts never crash and every span holds what the fact says."""
    text = " ".join(words) + " The council met on Monday."
    facts = facts_of(text)
    spans = [q.span for q in facts.quotes] + [f.span for f in (*facts.figures, *facts.dates)]
    spans += [span for e in facts.entities for span in e.spans]
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    for entity in facts.entities:
        assert all(text[a:b] in {entity.name, *entity.aliases} for a, b in entity.spans)
    for quote in facts.quotes:
        assert " ".join(text[quote.span[0] : quote.span[1]].split()) == quote.text


@pytest.mark.parametrize(
    "text",
    [
        'Staffordshire Police Chief Constable said: "We will review every case."',
        '"It is done," said Fire Chief Officer.',
        "Visit Mayor van and Paris today.",
    ],
)
def test_titles_with_no_one_after_them_give_facts_not_errors(text):
    facts = facts_of(text)
    assert all(text[a:b] for e in facts.entities for a, b in e.spans)


def test_a_place_before_based_and_the_name_after_it_point_at_their_own_words():
    text = "The Brussels-based European Polymer Council said prices rose."
    facts = facts_of(text)
    assert {e.name: [text[a:b] for a, b in e.spans] for e in facts.entities} == {
        "Brussels": ["Brussels"],
        "European Polymer Council": ["European Polymer Council"],
    }


def test_a_datelines_place_and_agency_are_listed_without_spans():
    text = (
        "STOCKHOLM (Reuters) - The chemistry prize went to two researchers on Wednesday, the"
        " academy said. The prize is worth 11 million crowns."
    )
    facts = facts_of(text)
    listed = {(e.name, e.kind, e.spans) for e in facts.entities}
    assert ("Reuters", "organisation", ()) in listed
    assert ("Stockholm", "place", ()) in listed


def test_every_part_of_a_datelines_place_is_listed():
    text = (
        "CHAMONIX, France (AFP) — Four skiers were killed on Tuesday, rescuers said. Two others"
        " were flown to hospital."
    )
    facts = facts_of(text)
    places = {e.name for e in facts.entities if e.kind == "place"}
    assert {"Chamonix", "France"} <= places


def test_a_datelines_date_and_a_lettered_currency_are_no_places():
    text = (
        "MUSCAT, Jan 14 – More than 300 artisans came to the fair, organisers said. Shares"
        " closed at RM2.37, and revenue rose from RM455 million in Kuala Lumpur."
    )
    facts = facts_of(text)
    places = {e.name for e in facts.entities if e.kind == "place"}
    assert "Muscat" in places
    assert "Kuala Lumpur" in places
    assert not any(c.isdigit() for name in places for c in name)  # no "Jan 14", no "RM455"
    assert {"RM2.37", "RM455 million"} <= {f.text for f in facts.figures}


def test_a_datelines_agency_with_digits_is_still_listed():
    from newsgist.models import Article

    article = Article(
        body="Crowds gathered on Sunday, officials said. The march was peaceful.",
        source="France 24",
        metadata={"dateline": "PARIS"},
    )
    facts = newsgist.summarize(article, headline=None).facts
    assert facts is not None
    assert ("France 24", "organisation") in {(e.name, e.kind) for e in facts.entities}
